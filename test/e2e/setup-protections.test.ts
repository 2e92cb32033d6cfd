/**
 * Setup in few calls (issue 15, point 5). A new spreadsheet's own empty sheet becomes the
 * first tab (one insertSheet and one deleteSheet fewer); any other sheet stays as it was.
 * Setup's protections: a new protection's domain edit, like
 * its editors, mirrors the spreadsheet's, so setup reads it once (the mirrors, made by the
 * guard, read their own) and turns it off on every new protection where new protections have
 * it (a Workspace account), never reading it per protection; on a consumer account it has
 * nothing to turn off. Either way no Reglament protection lets the domain in.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { openHarness } from './harness';
import { LocalWorkspace } from '../../workspace/runtime/workspace';
import { TABS } from '../../src/core/schema';
import { RunRecord } from '../../workspace/runtime/workspace';

const count = (run: RunRecord, call: string) => run.calls.find((c) => c.call === call)?.count ?? 0;

describe.each(['workspace', 'consumer'] as const)('setup on a %s account', (account) => {
  test('every Reglament protection is in force without domain edit; a new protection’s domain edit is read once', async () => {
    const h = await openHarness({ locale: 'en', account, domain: account === 'workspace' ? 'example.com' : undefined, now: '2026-11-23T09:00' });
    try {
      // A fresh workbook set up again from nothing: the protections removed, so setup makes them all anew;
      // the spreadsheet is shared with a colleague, whom every new protection lists until setup removes them.
      h.ws.spreadsheet.model.protections = [];
      h.ws.spreadsheet.model.editors.push('colleague@example.com');
      const run = h.ws.invoke('setupWorkbook', { kind: 'editor' });
      expect(run.ok).toBe(true);
      const ours = h.ws.spreadsheet.model.protections.filter((p) => String(p.description).startsWith('Reglament: '));
      expect(ours.length).toBeGreaterThan(30);
      for (const p of ours) {
        expect([p.description, p.domainEdit, p.restricted, p.warningOnly]).toEqual([p.description, false, true, false]);
        expect(p.editors.map((e) => e.toLowerCase())).not.toContain('colleague@example.com');
      }
      // Made anew here: the tabs' protections read domain edit once between them.
      const made = count(run, 'Range.protect') + count(run, 'Sheet.protect');
      expect(made).toBe(ours.length);
      expect(count(run, 'Protection.canDomainEdit')).toBe(1);
      expect(count(run, 'Protection.setDomainEdit')).toBe(account === 'workspace' ? made : 0);
      // A colleague of the owner's domain, not on Staff, may type in no protected column.
      for (const [tab, header] of [
        ['Orders', 'Vacancy'],
        ['Orders', 'Order ID'],
        ['Staff', 'Name'],
        ['Calls', 'Comment'],
      ]) {
        const col = h.ws.spreadsheet.readValues(tab)[0].map(String).indexOf(header) + 1;
        expect(h.ws.spreadsheet.protectedColumns(tab, 2, [col], 'colleague@example.com')).toEqual([col]);
      }
    } finally {
      h.close();
    }
  });
});

describe("a new spreadsheet's own sheet", () => {
  async function fresh(prepare: (ws: LocalWorkspace) => void): Promise<{ ws: LocalWorkspace; run: RunRecord; dir: string }> {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'reglament-spare-'));
    const ws = await LocalWorkspace.open({
      workbook: path.join(dir, 'b.xlsx'),
      create: true,
      locale: 'en',
      now: new Date('2026-11-23T06:00:00Z'),
    });
    prepare(ws);
    return { ws, run: ws.invoke('setupWorkbook', { kind: 'editor' }), dir };
  }

  test('an empty "Sheet1" alone becomes the first tab: one sheet fewer inserted, none deleted, the tabs in order', async () => {
    const { ws, run, dir } = await fresh(() => undefined);
    try {
      expect(run.ok).toBe(true);
      expect(count(run, 'Spreadsheet.insertSheet')).toBe(TABS.length - 1 + 10); // the tabs but one, the mirrors and the sync sheet
      expect(count(run, 'Spreadsheet.deleteSheet')).toBe(0);
      const names = ws.spreadsheet.sheetNames();
      expect(names).not.toContain('Sheet1');
      expect(names.slice(0, TABS.length)).toEqual(TABS.map((t) => t.en));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test('the tabs it just made are not read back for their mirrors; the new mirrors read the spreadsheet’s editors and domain edit once', async () => {
    const { ws, run, dir } = await fresh(() => undefined);
    try {
      expect(run.ok).toBe(true);
      // Whole-tab reads: only the tabs setup fills (Settings, Holidays, Templates), not the empty ones it made.
      expect(count(run, 'Sheet.getDataRange')).toBeLessThanOrEqual(3);
      // Domain edit read once for the tabs' new protections, once for the nine mirrors, and twice for the
      // sync sheet's (made by the calls feature, then adopted by setup) — not once per protection.
      expect(count(run, 'Protection.canDomainEdit')).toBeLessThanOrEqual(4);
      // The protections read back are those made before the mirrors (the sync sheet's): the mirrors' are known.
      expect(count(run, 'Protection.getDescription')).toBeLessThanOrEqual(1);
      // Each mirror holds its tab as it is: an empty tab's header, a filled one's rows.
      for (const tab of ['Orders', 'Calls', 'Staff', 'Holidays'])
        expect(ws.spreadsheet.readValues(`_${tab}`)).toEqual(ws.spreadsheet.readValues(tab));
      const mirrors = ws.spreadsheet.model.protections.filter((p) => /^Reglament: _/.test(String(p.description)));
      expect(mirrors.length).toBe(10);
      for (const p of mirrors) expect([p.description, p.restricted, p.domainEdit, p.editors]).toEqual([p.description, true, false, [ws.owner]]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test('a new Outbox and Log keep only their own columns (every row counts its columns against the 10-million-cell limit)', async () => {
    const { ws, dir } = await fresh(() => undefined);
    try {
      const ss = ws.ctx.SpreadsheetApp.getActiveSpreadsheet();
      for (const name of ['Outbox', 'Log']) {
        const sheet = ss.getSheetByName(name);
        expect([name, sheet.getMaxColumns()]).toEqual([name, ws.spreadsheet.readValues(name)[0].length]);
      }
      // A tab people type in keeps Google's columns (room for their own).
      expect(ss.getSheetByName('Orders').getMaxColumns()).toBeGreaterThanOrEqual(ws.spreadsheet.readValues('Orders')[0].length);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test("the calendar sync sheet's protection, made by the calls feature, is kept and set right, not removed and made again", async () => {
    const { ws, run, dir } = await fresh(() => undefined);
    try {
      expect(count(run, 'Protection.remove')).toBe(0);
      const sheet = ws.spreadsheet.model.sheets.find((x) => x.name === '_Calls sync')!;
      const ps = ws.spreadsheet.model.protections.filter((p) => p.sheetId === sheet.id);
      expect(ps.map((p) => [p.type, p.description, p.restricted, p.domainEdit])).toEqual([
        ['SHEET', 'Reglament: _Calls sync {owner}', true, false],
      ]);
      expect(() => ws.spreadsheet.personEdit('_Calls sync', 2, 1, [['x']], 'anna.sales@example.com')).toThrow(/protected cell/);
      // Run again, setup finds it as its own: nothing added, removed or made.
      const again = ws.invoke('setupWorkbook', { kind: 'editor' });
      for (const call of ['Protection.remove', 'Protection.addEditor', 'Sheet.protect', 'Range.protect'])
        expect([call, count(again, call)]).toEqual([call, 0]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test('a "Sheet1" with something typed in it is kept as it is; an empty one beside another sheet is deleted as before', async () => {
    const typed = await fresh((ws) => ws.spreadsheet.personEdit('Sheet1', 1, 1, [['my notes']], ws.owner));
    try {
      expect(typed.run.ok).toBe(true);
      expect(typed.ws.spreadsheet.readValues('Sheet1')).toEqual([['my notes']]);
      expect(count(typed.run, 'Spreadsheet.insertSheet')).toBe(TABS.length + 10);
    } finally {
      fs.rmSync(typed.dir, { recursive: true, force: true });
    }
    const beside = await fresh((ws) => {
      ws.ctx.SpreadsheetApp.getActiveSpreadsheet().insertSheet('Notes');
      ws.spreadsheet.personEdit('Notes', 1, 1, [['keep']], ws.owner);
    });
    try {
      expect(beside.run.ok).toBe(true);
      expect(beside.ws.spreadsheet.sheetNames()).not.toContain('Sheet1');
      expect(beside.ws.spreadsheet.readValues('Notes')).toEqual([['keep']]);
    } finally {
      fs.rmSync(beside.dir, { recursive: true, force: true });
    }
  });
});
