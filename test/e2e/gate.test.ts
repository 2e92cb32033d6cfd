/**
 * The gated tick (issue 15, src/app/gate.ts): a tick with nothing due and nothing marked
 * reads the script properties and returns; the gate never skips due work.
 */
import { Harness } from './harness';
import { BOSS, callsWorkbook, mailsTo, outboxOf, schedule } from './calls-fixture';
import { RunRecord } from '../../workspace/runtime/workspace';
import { tabDef } from '../../src/core/schema';

const ALICE = 'alice@example.com';
const sheetCalls = (r: RunRecord) =>
  r.calls.filter((c) => /^(SpreadsheetApp|Spreadsheet|Sheet|Range)\./.test(c.call)).reduce((n, c) => n + c.count, 0);
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

  test('a marked edit always re-plans: the tick after it runs, and the moved call reminds at its new time', () => {
    schedule(h, { Type: 'Interview', Start: '2026-11-26 11:00', 'Candidate IDs': 'C-1', 'Manager e-mail': BOSS }, '2026-11-23T09:00');
    ticks(h, '2026-11-23T09:05', '2026-11-23T11:00');
    expect(idle(h.tick('2026-11-23T11:00'))).toBe(true);
    h.edit('Calls', 2, { Start: '2026-11-23 12:30' }, h.ws.owner, '2026-11-23T11:02');
    expect(idle(h.tick('2026-11-23T11:05'))).toBe(false);
    ticks(h, '2026-11-23T11:10', '2026-11-23T12:10');
    expect(mailsTo(h, ALICE)).toHaveLength(0);
    // Due at 12:10 (20 minutes before): the 12:10 tick sends it.
    h.tick('2026-11-23T12:10');
    expect(mailsTo(h, ALICE)).toHaveLength(1);
  });

  test('a script write fires no trigger: idle ticks do not see it, the next opened tick (read-back or full pass) plans it', () => {
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
    const after = ticks(h, '2026-11-23T10:00', '2026-11-23T10:35');
    const first = after.findIndex((r) => !idle(r));
    // Within the read-back period (30 minutes), never later.
    expect(first).toBeGreaterThanOrEqual(0);
    expect(after.slice(0, first).every(idle)).toBe(true);
    expect(h.rows('Calls')[0]['Call ID']).toBe('CALL-2026-0001');
    ticks(h, '2026-11-23T10:35', '2026-11-24T10:45');
    expect(mailsTo(h, ALICE)).toHaveLength(1);
  });
});
