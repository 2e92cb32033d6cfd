/**
 * Issue 15, point 5: a Staff change moves only the people who joined or left a department in
 * the protections that name it — one call per protection, none of their editors read — and
 * Google's protections then let exactly the new lists type (checked through the fake's
 * protections, which refuse a person's typing the way Sheets does). Who leaves loses access in
 * the edit; who joins gets it from the next tick (the edit says so), so the edit stays cheap.
 */
import { openHarness, Harness } from './harness';
import { RunRecord } from '../../workspace/runtime/workspace';
import { groupOf } from '../../src/google/protections';

const SALES = 'anna.sales@example.com';
const HR = 'irina.hr@example.com';
const NEW = 'petr.new@example.com';

const count = (runs: RunRecord[], call: string) => runs.reduce((n, r) => n + (r.calls.find((c) => c.call === call)?.count ?? 0), 0);
/** Every Protection.* and getProtections call of these runs. */
const protectionCalls = (runs: RunRecord[]) =>
  runs.reduce(
    (n, r) => n + r.calls.filter((c) => c.call.startsWith('Protection.') || c.call.endsWith('.getProtections')).reduce((m, c) => m + c.count, 0),
    0,
  );

/** The Reglament protections' descriptions and editors, as the workbook has them (read outside any run). */
function protections(h: Harness): Map<string, string[]> {
  const ss = h.ws.ctx.SpreadsheetApp.getActiveSpreadsheet();
  const { RANGE, SHEET } = h.ws.ctx.SpreadsheetApp.ProtectionType;
  const out = new Map<string, string[]>();
  for (const p of [...ss.getProtections(RANGE), ...ss.getProtections(SHEET)]) {
    out.set(
      `${p.getDescription()}#${p.getRange().getSheet().getName()}`,
      p
        .getEditors()
        .map((u: GoogleAppsScript.Base.User) => u.getEmail())
        .sort(),
    );
  }
  h.ws.rt.meter.reset();
  return out;
}

/** May `user` type into the Orders column `header` (sheet row 2)? */
function mayType(h: Harness, tab: string, header: string, user: string): boolean {
  const values = h.ws.spreadsheet.readValues(tab);
  const col = values[0].map(String).indexOf(header) + 1;
  return h.ws.spreadsheet.protectedColumns(tab, 2, [col], user).length === 0;
}

describe('a Staff change re-syncs only the departments that changed, by their differences', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await openHarness({ locale: 'en' });
    h.edit('Staff', 'new', { Name: 'Anna', 'E-mail': SALES, Department: 'Sales' }, h.ws.owner);
    h.edit('Staff', 'new', { Name: 'Irina', 'E-mail': HR, Department: 'HR' }, h.ws.owner);
  });
  afterEach(() => h.close());

  test('a new Sales member may type in Sales columns from the next tick, not in HR ones; moved to HR, the other way round; removed, in neither', () => {
    expect(mayType(h, 'Orders', 'Vacancy', NEW)).toBe(false);
    const joined = h.edit('Staff', 'new', { Name: 'Pyotr', 'E-mail': NEW, Department: 'Sales' }, h.ws.owner);
    // The edit grants nothing (no addEditors) and says when access comes.
    expect(count(joined, 'Protection.addEditors')).toBe(0);
    expect(mayType(h, 'Orders', 'Vacancy', NEW)).toBe(false);
    expect(h.ws.spreadsheet.toasts.some((t) => t.message.includes('within 5 minutes') && t.message.includes(NEW))).toBe(true);
    const granted = h.tick('2026-11-23 09:05');
    expect(mayType(h, 'Orders', 'Vacancy', NEW)).toBe(true);
    expect(mayType(h, 'Orders', 'HR received', NEW)).toBe(false);
    // Only who joined is added: no protection's editors are read.
    expect(count([granted], 'Protection.getEditors')).toBe(0);
    expect(count([granted], 'Protection.addEditors')).toBeGreaterThan(0);
    expect(count([granted], 'Protection.removeEditors')).toBe(0);

    const row = h.rows('Staff').findIndex((r) => r['E-mail'] === NEW) + 2;
    const moved = h.edit('Staff', row, { Department: 'HR' }, h.ws.owner);
    // Leaving Sales takes effect in the edit; HR's columns open at the tick.
    expect(mayType(h, 'Orders', 'Vacancy', NEW)).toBe(false);
    expect(mayType(h, 'Orders', 'HR received', NEW)).toBe(false);
    expect(count(moved, 'Protection.getEditors')).toBe(0);
    expect(count(moved, 'Protection.addEditors')).toBe(0);
    h.tick('2026-11-23 09:10');
    expect(mayType(h, 'Orders', 'Vacancy', NEW)).toBe(false);
    expect(mayType(h, 'Orders', 'HR received', NEW)).toBe(true);
    // The others keep what they had.
    expect(mayType(h, 'Orders', 'Vacancy', SALES)).toBe(true);
    expect(mayType(h, 'Orders', 'HR received', HR)).toBe(true);
    expect(mayType(h, 'Orders', 'Vacancy', HR)).toBe(false);

    h.edit('Staff', row, { 'E-mail': '' }, h.ws.owner);
    expect(mayType(h, 'Orders', 'Vacancy', NEW)).toBe(false);
    expect(mayType(h, 'Orders', 'HR received', NEW)).toBe(false);
    expect(mayType(h, 'Orders', 'HR received', HR)).toBe(true);
  });

  test('the tick after a join grants it once: the gate opens for it, and the tick after touches no protection', () => {
    h.tick('2026-11-23 09:05'); // setup's and the staff edits' work done
    h.edit('Staff', 'new', { Name: 'Pyotr', 'E-mail': NEW, Department: 'Sales' }, h.ws.owner, '2026-11-23 09:06');
    const log = h.rows('Log').map((r) => `${r['Action']} ${r['Details']}`);
    expect(log.some((l) => l.includes('Access within 5 minutes') && l.includes(NEW))).toBe(true);
    const granted = h.tick('2026-11-23 09:10');
    expect(mayType(h, 'Orders', 'Vacancy', NEW)).toBe(true);
    expect(count([granted], 'Protection.addEditors')).toBeGreaterThan(0);
    expect(h.rows('Log').some((r) => r['Action'] === 'Access opened' && String(r['Details']).includes(NEW))).toBe(true);
    const again = h.run('2026-11-23 09:15', '2026-11-23 09:30');
    expect(protectionCalls(again)).toBe(0);
    expect(mayType(h, 'Orders', 'Vacancy', NEW)).toBe(true);
  });

  test('who joins and is removed again before the tick never gets in; who leaves meanwhile loses access at once', () => {
    h.edit('Staff', 'new', { Name: 'Pyotr', 'E-mail': NEW, Department: 'Sales' }, h.ws.owner);
    const row = h.rows('Staff').findIndex((r) => r['E-mail'] === NEW) + 2;
    h.edit('Staff', row, { 'E-mail': '' }, h.ws.owner);
    const anna = h.rows('Staff').findIndex((r) => r['E-mail'] === SALES) + 2;
    h.edit('Staff', anna, { Department: '' }, h.ws.owner);
    expect(mayType(h, 'Orders', 'Vacancy', SALES)).toBe(false);
    h.tick('2026-11-23 09:05');
    expect(mayType(h, 'Orders', 'Vacancy', NEW)).toBe(false);
    expect(mayType(h, 'Orders', 'Vacancy', SALES)).toBe(false);
    expect(mayType(h, 'Orders', 'HR received', HR)).toBe(true);
  });

  test('a join recorded while a tick held the lock is granted by the tick that applies it or the one after', () => {
    h.edit('Staff', 'new', { Name: 'Pyotr', 'E-mail': NEW, Department: 'Sales' }, h.ws.owner, '2026-11-23T10:00', { lockHeldFor: 240000 });
    expect(mayType(h, 'Orders', 'Vacancy', NEW)).toBe(false);
    h.tick('2026-11-23T10:05');
    h.tick('2026-11-23T10:10');
    expect(mayType(h, 'Orders', 'Vacancy', NEW)).toBe(true);
  });

  test("a Staff edit that changes nobody's department touches no protection", () => {
    const before = protections(h);
    const deputy = h.edit('Staff', 2, { 'Deputy e-mail': HR }, h.ws.owner);
    expect(protectionCalls(deputy)).toBe(0);
    expect(protections(h)).toEqual(before);
  });

  test('moving a person from Sales to HR changes only the protections that name one of the two, one call each', () => {
    h.edit('Staff', 'new', { Name: 'Pyotr', 'E-mail': NEW, Department: 'Sales' }, h.ws.owner);
    h.tick('2026-11-23 09:05');
    const before = protections(h);
    const row = h.rows('Staff').findIndex((r) => r['E-mail'] === NEW) + 2;
    const edit = h.edit('Staff', row, { Department: 'HR' }, h.ws.owner);
    const tick = h.tick('2026-11-23 09:10');
    const moved = [...edit, tick];
    const after = protections(h);
    const names = (d: string) => {
      const g = groupOf(d.split('#')[0]);
      return Array.isArray(g) ? g : [];
    };
    const changed = [...after.keys()].filter((k) => JSON.stringify(after.get(k)) !== JSON.stringify(before.get(k)));
    const expected = [...after.keys()].filter((k) => names(k).includes('sales') !== names(k).includes('hr'));
    expect(changed.sort()).toEqual(expected.sort());
    expect(expected.length).toBeGreaterThan(0);
    for (const k of expected) expect(after.get(k)!.includes(NEW)).toBe(names(k).includes('hr'));
    // One call per changed protection, none of their editors read; the Staff-wide ones untouched.
    // Those naming both Sales and HR lose the person in the edit (they left Sales) and have
    // them back at the tick (they joined HR): two calls each, never a moment with too many.
    const both = [...after.keys()].filter((k) => names(k).includes('sales') && names(k).includes('hr'));
    expect(count(edit, 'Protection.addEditors')).toBe(0);
    expect(count(edit, 'Protection.removeEditors')).toBe(expected.filter((k) => names(k).includes('sales')).length + both.length);
    expect(count([tick], 'Protection.removeEditors')).toBe(0);
    expect(count([tick], 'Protection.addEditors')).toBe(expected.filter((k) => names(k).includes('hr')).length + both.length);
    expect(count(moved, 'Protection.getEditors')).toBe(0);
    // Only the tabs whose columns name Sales or HR are asked for their protections.
    expect(count(moved, 'Spreadsheet.getProtections')).toBe(0);
    expect(count(moved, 'Sheet.getProtections')).toBeLessThan(after.size);
  });

  test('without the kept lists (an older version set the protections) it reads each protection once and sets it right', () => {
    h.ws.ctx.PropertiesService.getScriptProperties().deleteProperty('reglament.protections.lists');
    const joined = h.edit('Staff', 'new', { Name: 'Pyotr', 'E-mail': NEW, Department: 'Sales' }, h.ws.owner);
    // Nothing kept to tell who joined: every touched protection is read and set right at once.
    expect(count(joined, 'Protection.getEditors')).toBeGreaterThan(0);
    expect(mayType(h, 'Orders', 'Vacancy', NEW)).toBe(true);
    // From then on the lists are kept again.
    const row = h.rows('Staff').findIndex((r) => r['E-mail'] === NEW) + 2;
    const moved = h.edit('Staff', row, { Department: 'HR' }, h.ws.owner);
    expect(count(moved, 'Protection.getEditors')).toBe(0);
    expect(mayType(h, 'Orders', 'Vacancy', NEW)).toBe(false);
  });
});
