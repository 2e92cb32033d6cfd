/**
 * Issue 15: an edit of a call reads what that call needs (src/features/calls/scope.ts), not
 * Calls, Orders, the sync sheet and the Outbox whole: with thousands of other calls and Outbox
 * rows beside it, moving a call reads a few key columns and its own rows, and still moves
 * its event and its reminders, and leaves every other row as it was.
 */
import { Harness } from './harness';
import { cellsRead, installable, load } from './costs';
import { tabDef } from '../../src/core/schema';
import { BOSS, CLIENT, call, callEvents, callsWorkbook, outboxOf, schedule } from './calls-fixture';

const OTHERS = 3000;
const OLD_MAIL = 5000;

function row(key: 'calls' | 'outbox', rec: Record<string, unknown>): unknown[] {
  return tabDef(key).columns.map((c) => rec[c.key] ?? '');
}

describe('an edit of a call among thousands', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await callsWorkbook({ account: 'workspace' });
    schedule(h, { Type: 'First call', 'Order ID': 'ORD-2026-0001', Start: '2026-11-25 10:00', 'Client e-mail': CLIENT, 'Manager e-mail': BOSS });
    const when = h.instant('2026-12-20T10:00');
    load(
      h,
      'Calls',
      Array.from({ length: OTHERS }, (_, i) =>
        row('calls', {
          callId: `CALL-2025-${String(i + 1).padStart(4, '0')}`,
          type: 'Repeat call',
          orderId: 'ORD-2025-0999',
          start: when,
          candidateIds: `C-9${i}`,
          managerEmail: BOSS,
          comment: `kept ${i}`,
          problems: `old problem ${i}`,
        }),
      ),
    );
    load(
      h,
      'Outbox',
      Array.from({ length: OLD_MAIL }, (_, i) =>
        row('outbox', {
          key: `history|${i}`,
          due: when,
          recipient: `c${i}@example.com`,
          template: 'reminder',
          subject: `old ${i}`,
          state: 'Sent',
          attempts: 1,
        }),
      ),
    );
  });
  afterAll(() => h.close());

  test('moving it reads its own rows and key columns, not the tabs; the event and reminders move; nothing else changes', () => {
    const before = h.rows('Calls').slice(1);
    const runs = h.edit('Calls', 2, { Start: '2026-11-26 11:00' }, BOSS, '2026-11-23T10:00');
    const edit = installable(runs);
    expect(edit.ok).toBe(true);
    // Calls alone is 3,001 rows × 28 columns (84,000 cells); the Outbox 5,000 × 9.
    const cells = cellsRead(edit);
    // Of Calls, the Order ID column: the Call ID column only when a row needs an ID, the Candidate
    // IDs column only when the edit may change an outcome (not a move).
    expect(cells).toBeLessThan(OTHERS + 1 + (OLD_MAIL + 10) + 2000);
    // Calls' header and width are read once (by the trigger), not again by the guard and the calls feature:
    // the other widths asked are the Outbox's, Candidates' and Orders'.
    expect(edit.calls.find((c) => c.call === 'Sheet.getLastColumn')?.count).toBeLessThanOrEqual(4);
    // Everything it needs is asked before its first write (the spreadsheet's ID, the sync sheet's rows): the write
    // cache goes once for the Log's last row and once at the end, not between.
    expect(edit.calls.find((c) => c.call === 'Sheets write cache flush')?.count).toBeLessThanOrEqual(2);
    const moved = call(h, 'CALL-2026-0001');
    expect(moved['Problems']).toBe('');
    const event = callEvents(h).find((e) => e.extendedProperties?.private?.callId === 'CALL-2026-0001');
    expect(new Date(event!.start!.dateTime!).getTime()).toBe(h.instant('2026-11-26T11:00').getTime());
    const reminders = outboxOf(h, 'CALL-2026-0001').filter((r) => r['State'] === 'Pending');
    expect(reminders.length).toBeGreaterThan(0);
    for (const r of reminders) expect((r['Due'] as Date).getTime()).toBeLessThan(h.instant('2026-11-26T11:00').getTime());
    expect(reminders.some((r) => (r['Due'] as Date).getTime() > h.instant('2026-11-25T10:00').getTime())).toBe(true);
    // The rows it did not read are as they were (nothing written over them).
    expect(h.rows('Calls').slice(1)).toEqual(before);
    expect(h.rows('Outbox').filter((r) => String(r['Key']).startsWith('history|'))).toHaveLength(OLD_MAIL);
  });
});
