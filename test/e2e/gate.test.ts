/**
 * The gated tick (issue 15, src/app/gate.ts): a tick with nothing due and nothing marked
 * reads the script properties and returns; the gate never skips due work.
 */
import { Harness } from './harness';
import { BOSS, callsWorkbook, mailsTo, outboxOf, schedule } from './calls-fixture';
import { personEvent } from '../../workspace/driver';
import { RunRecord } from '../../workspace/runtime/workspace';
import { tabDef } from '../../src/core/schema';

const ALICE = 'alice@example.com';
// Reads and writes of cells (the add-on queue's probe asks one tab's last row, no cell).
const sheetCalls = (r: RunRecord) => r.calls.filter((c) => /^(Range\.|Sheet\.getDataRange)/.test(c.call)).reduce((n, c) => n + c.count, 0);
const idle = (r: RunRecord) => r.ok && r.totalCalls <= 3 && sheetCalls(r) === 0;

/** Runs ticks every 5 minutes from `from` (inclusive) to `to` (exclusive); returns them. */
function ticks(h: Harness, from: string, to: string): RunRecord[] {
  const out: RunRecord[] = [];
  for (let t = h.instant(from).getTime(); t < h.instant(to).getTime(); t += 5 * 60000)
    out.push(h.ws.invoke('tick', { kind: 'time', at: new Date(t) }));
  return out;
}

describe('the gated tick', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await callsWorkbook();
  });
  afterEach(() => h.close());

  test('a settled workbook idles on ≤ 3 calls and no spreadsheet read; the reminder due in the next tick is sent by it', () => {
    schedule(h, { Type: 'Interview', Start: '2026-11-24 11:00', 'Candidate IDs': 'C-1', 'Manager e-mail': BOSS }, '2026-11-23T09:00');
    // The day settles: the first ticks plan, the rest idle until the reminder (10:40 the next day).
    const day = ticks(h, '2026-11-23T09:05', '2026-11-23T12:00');
    expect(day.filter(idle).length).toBeGreaterThan(day.length - 12);
    const quiet = day[day.length - 1];
    expect(quiet.totalCalls).toBeLessThanOrEqual(3);
    expect(quiet.estimatedGoogleMs).toBeLessThanOrEqual(200);
    // Overnight, idle but for the 03:00 full pass and the 09:00 digest hour.
    const night = ticks(h, '2026-11-23T12:00', '2026-11-24T10:40');
    expect(night.every((r) => r.ok)).toBe(true);
    expect(mailsTo(h, ALICE)).toHaveLength(0);
    const due = h.tick('2026-11-24T10:40');
    expect(idle(due)).toBe(false);
    expect(mailsTo(h, ALICE)).toHaveLength(1);
    expect(outboxOf(h, 'CALL-2026-0001')[0]['State']).toBe('Sent');
  });

  test('a marked edit always re-plans — itself, at its end: the tick after it stays closed, the moved call reminds at its new time, and a reminder due before the next tick opens it', () => {
    schedule(h, { Type: 'Interview', Start: '2026-11-26 11:00', 'Candidate IDs': 'C-1', 'Manager e-mail': BOSS }, '2026-11-23T09:00');
    ticks(h, '2026-11-23T09:05', '2026-11-23T11:00');
    expect(idle(h.tick('2026-11-23T11:00'))).toBe(true);
    h.edit('Calls', 2, { Start: '2026-11-23 12:30' }, h.ws.owner, '2026-11-23T11:02');
    const props = h.ws.ctx.PropertiesService.getScriptProperties();
    expect(props.getProperty('reglament.plan.marked')).toBe('settled');
    // Closed: nothing re-planned, no feature ran (the half-hourly Calendar probe may fall on it).
    expect(sheetCalls(h.tick('2026-11-23T11:05'))).toBe(0);
    ticks(h, '2026-11-23T11:10', '2026-11-23T12:10');
    expect(mailsTo(h, ALICE)).toHaveLength(0);
    // Due at 12:10 (20 minutes before): the 12:10 tick sends it.
    h.tick('2026-11-23T12:10');
    expect(mailsTo(h, ALICE)).toHaveLength(1);
    // A call starting in 23 minutes: its reminder is due at 12:23, the 12:25 tick sends it.
    schedule(h, { Type: 'Interview', Start: '2026-11-23 12:43', 'Candidate IDs': 'C-1', 'Manager e-mail': BOSS }, '2026-11-23T12:20');
    expect(mailsTo(h, ALICE)).toHaveLength(1);
    expect(idle(h.tick('2026-11-23T12:25'))).toBe(false);
    expect(mailsTo(h, ALICE)).toHaveLength(2);
  });

  test('an edit that reads neither the Outbox nor Selections writes its mark only with its last setProperties, settled; a call move writes it before it reads the Outbox', () => {
    schedule(h, { Type: 'Interview', Start: '2026-11-26 11:00', 'Candidate IDs': 'C-1', 'Manager e-mail': BOSS }, '2026-11-23T09:00');
    ticks(h, '2026-11-23T09:05', '2026-11-23T11:00');
    const props = h.ws.ctx.PropertiesService.getScriptProperties();
    const installable = (runs: RunRecord[]) => runs.find((r) => r.trigger === 'installable')!;
    const count = (r: RunRecord, call: string) => r.calls.find((c) => c.call === call)?.count ?? 0;
    const vacancy = installable(h.edit('Orders', 2, { Vacancy: 'Operator (night shift)' }, h.ws.owner, '2026-11-23T11:01'));
    expect(vacancy.ok).toBe(true);
    expect(count(vacancy, 'Properties.setProperty')).toBe(0);
    expect(count(vacancy, 'Properties.setProperties')).toBe(1);
    expect(props.getProperty('reglament.plan.marked')).toBe('settled');
    expect(sheetCalls(h.tick('2026-11-23T11:05'))).toBe(0);
    const move = installable(h.edit('Calls', 2, { Start: '2026-11-26 12:00' }, h.ws.owner, '2026-11-23T11:06'));
    expect(move.ok).toBe(true);
    expect(count(move, 'Properties.setProperty')).toBe(1);
    expect(props.getProperty('reglament.plan.marked')).toBe('settled');
  });

  test('a script write fires no trigger: the ticks before the next full pass read no sheet, and the full pass (03:00 at the latest) plans it', () => {
    ticks(h, '2026-11-23T09:05', '2026-11-23T10:00');
    // A new call written straight into the sheet (an import, another script): no onEdit.
    const def = tabDef('calls');
    const header = h.ws.spreadsheet.readValues('Calls')[0];
    const rec: Record<string, string> = { type: 'Interview', candidateIds: 'C-1', managerEmail: BOSS };
    const app = h.ws.ctx.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp;
    const sheet = app.getActiveSpreadsheet().getSheetByName('Calls')!;
    const row: unknown[] = header.map((text) => {
      const col = def.columns.find((c) => c.en === text);
      return col ? (rec[col.key] ?? '') : '';
    });
    row[header.indexOf('Start')] = new h.ws.rt.realm.Date(h.instant('2026-11-24T11:00').getTime());
    sheet.getRange(2, 1, 1, row.length).setValues([row]);
    const after = ticks(h, '2026-11-23T10:00', '2026-11-24T03:05');
    const first = after.findIndex((r) => sheetCalls(r) > 0);
    expect(first).toBeGreaterThanOrEqual(0);
    // Calendar was read back meanwhile (probes), the sheet not.
    expect(after.slice(0, first).some((r) => r.calls.some((c) => c.call === 'Calendar.Events.list'))).toBe(true);
    expect(h.rows('Calls')[0]['Call ID']).toBe('CALL-2026-0001');
    ticks(h, '2026-11-24T03:05', '2026-11-24T10:45');
    expect(mailsTo(h, ALICE)).toHaveLength(1);
  });

  test('an edit of the Outbox leaves its mark (what is due may be in cells a person changed): the tick after re-plans from the due columns (no feature runs), and a reminder planned before is still sent on time', () => {
    schedule(h, { Type: 'Interview', Start: '2026-11-23 12:30', 'Candidate IDs': 'C-1', 'Manager e-mail': BOSS }, '2026-11-23T09:00');
    ticks(h, '2026-11-23T09:05', '2026-11-23T11:00');
    h.edit('Outbox', 2, { Subject: 'typed over' }, h.ws.owner, '2026-11-23T11:02');
    expect(Number(h.ws.ctx.PropertiesService.getScriptProperties().getProperty('reglament.plan.marked'))).toBeGreaterThan(0);
    const replan = h.tick('2026-11-23T11:05');
    const reads = replan.calls.find((c) => c.call === 'Range.getValues')?.count ?? 0;
    // Settings, two tab headers and four due columns; no Calendar, no mail.
    expect(reads).toBeGreaterThan(0);
    expect(reads).toBeLessThanOrEqual(8);
    // (The half-hourly Calendar probe may fall on it: a list, never a write.)
    expect(replan.calls.some((c) => /^(Calendar\.Events\.(insert|patch|update|remove)|MailApp|GmailApp)\./.test(c.call))).toBe(false);
    const following = ticks(h, '2026-11-23T11:10', '2026-11-23T12:10');
    expect(following.filter((r) => sheetCalls(r) > 0).map((r) => [r.at, r.calls.filter((c) => /Calendar/.test(c.call))])).toEqual([]);
    h.tick('2026-11-23T12:10');
    expect(mailsTo(h, ALICE)).toHaveLength(1);
  });

  test('a Calendar probe with nothing changed reads no sheet; a person moving the event in Calendar is applied by the probe’s tick', () => {
    const eventId = String(
      schedule(h, { Type: 'Interview', Start: '2026-11-26 11:00', 'Candidate IDs': 'C-1', 'Manager e-mail': BOSS }, '2026-11-23T09:00')[
        'Event ID'
      ],
    );
    const settled = ticks(h, '2026-11-23T09:05', '2026-11-23T12:00');
    const probes = settled.filter((r) => sheetCalls(r) === 0 && r.calls.some((c) => c.call === 'Calendar.Events.list'));
    expect(probes.length).toBeGreaterThanOrEqual(4); // every 30 minutes
    for (const p of probes) expect([p.totalCalls <= 14, p.estimatedGoogleMs <= 850]).toEqual([true, true]);
    h.ws.rt.clock.reset(h.instant('2026-11-23T12:02').getTime());
    personEvent(h.ws, { id: eventId, start: '2026-11-26 13:00' });
    const after = ticks(h, '2026-11-23T12:05', '2026-11-23T12:40');
    const applied = after.findIndex((r) => sheetCalls(r) > 0);
    expect(applied).toBeGreaterThanOrEqual(0);
    expect(after[applied].calls.find((c) => c.call === 'Calendar.Events.list')?.count).toBe(1); // the probe's list, not a second
    expect((h.rows('Calls')[0]['Start'] as Date).toISOString()).toBe(h.instant('2026-11-26T13:00').toISOString());
  });

  test('an edit of a tab the calls read (a candidate a call waits for) has the next tick run in full; a Vacancy edit only re-plans', () => {
    schedule(h, { Type: 'Interview', Start: '2026-11-26 10:00', 'Candidate IDs': 'K-1', 'Manager e-mail': BOSS }, '2026-11-23T11:00');
    expect(h.rows('Calls')[0]['Event ID']).toBe('');
    h.edit('Candidates', 'new', { 'Candidate ID': 'K-1', Name: 'Kira', 'E-mail': 'kira@example.com' }, h.ws.owner, '2026-11-23T11:01');
    const tick = h.tick('2026-11-23T11:05');
    expect(tick.calls.some((c) => c.call === 'Calendar.Events.insert')).toBe(true);
    expect(h.rows('Calls')[0]['Event ID']).not.toBe('');
    // The work goes on while ticks find some (the Meet, the twin); then a Vacancy edit.
    const settled = ticks(h, '2026-11-23T11:10', '2026-11-23T11:25');
    expect(sheetCalls(settled[settled.length - 1])).toBe(0);
    h.edit('Orders', 2, { Vacancy: 'Operator (night shift)' }, h.ws.owner, '2026-11-23T11:26');
    const after = h.tick('2026-11-23T11:30');
    expect(after.calls.some((c) => /^(Calendar|MailApp)\./.test(c.call))).toBe(false);
    expect(after.calls.find((c) => c.call === 'Range.getValues')?.count ?? 0).toBeLessThanOrEqual(8);
  });

  test('a read-only calendar (every write refused) is tried less and less often, not by a full tick every 5 minutes; the writes go once it accepts them', async () => {
    const limited = await callsWorkbook();
    const inserts = (r: RunRecord) => r.calls.find((c) => c.call === 'Calendar.Events.insert')?.count ?? 0;
    try {
      ticks(limited, '2026-11-23T09:00', '2026-11-23T10:00');
      limited.ws.rt.limits.calendarCreatesPerDay = 0;
      schedule(limited, { Type: 'Interview', Start: '2026-11-26 10:00', 'Candidate IDs': 'C-1', 'Manager e-mail': BOSS }, '2026-11-23T10:00');
      expect(String(limited.rows('Calls')[0]['Problems'])).toContain('Calendar usage limits exceeded.');
      // The edit re-planned itself: the tick when its pause ends (4 minutes on) is in the plan.
      const props = limited.ws.ctx.PropertiesService.getScriptProperties();
      expect(props.getProperty('reglament.plan.marked')).toBe('settled');
      const next = Number(props.getProperty('reglament.plan.next'));
      expect(next).toBeGreaterThan(limited.instant('2026-11-23T10:00').getTime());
      expect(next).toBeLessThanOrEqual(limited.instant('2026-11-23T10:04').getTime() + 1000);
      const day = ticks(limited, '2026-11-23T10:05', '2026-11-23T14:00');
      // 47 ticks: the tries back off (4, 8, 16, 32, then 60 minutes), each try and the tick after it run in full.
      const tries = day.filter((r) => inserts(r) > 0);
      expect(tries.length).toBeGreaterThanOrEqual(4);
      expect(tries.length).toBeLessThanOrEqual(8);
      expect(day.filter((r) => sheetCalls(r) > 0).length).toBeLessThanOrEqual(2 * tries.length);
      expect(inserts(day[0])).toBe(1); // the next tick still tries: one refusal cannot tell a burst from read-only
      expect(limited.rows('Calls')[0]['Event ID']).toBe('');
      // Google accepts writes again: within the longest pause (an hour) a tick writes the event.
      delete limited.ws.rt.limits.calendarCreatesPerDay;
      ticks(limited, '2026-11-23T14:00', '2026-11-23T15:10');
      const row = limited.rows('Calls')[0];
      expect(row['Event ID']).not.toBe('');
      expect(row['Problems']).toBe('');
      // The pause ended with the write: the next refusal starts again from the shortest one.
      expect(limited.ws.ctx.PropertiesService.getScriptProperties().getProperty('reglament.calendar.pause')).toBeNull();
    } finally {
      limited.close();
    }
  });

  test('an edit that left calendar work (a Calendar limit) has the next tick run in full and finish it', async () => {
    const limited = await callsWorkbook({ limits: { calendarCreatesPerMinute: 1 } });
    try {
      for (const day of ['26', '27'])
        schedule(
          limited,
          { Type: 'Interview', Start: `2026-11-${day} 10:00`, 'Candidate IDs': 'C-1', 'Manager e-mail': BOSS },
          '2026-11-23T10:00',
        );
      const tick = limited.tick('2026-11-23T10:05');
      expect(tick.calls.find((c) => c.call === 'Calendar.Events.insert')?.count ?? 0).toBeGreaterThan(0);
    } finally {
      limited.close();
    }
  });
});
