import { EVERY_ORDER, openReportsValue, ReportRowFacts, resultsNeedWake } from '../../../src/features/schedules/rules/open-reports';

const HOUR = 3600000;
// Day numbers: 20413 is the calling day, its report due at 18:00 (`due`).
const DAY = 20413;
const due = Date.UTC(2025, 10, 22, 15);
const row = (order: string, day: number, dueMs: number, sent = false, done = false): ReportRowFacts => ({ order, day, due: dueMs, sent, done });

describe('which typed results need a tick of their own (a late report’s quiet spell)', () => {
  test('a result of a row whose report is hours away wakes nothing: the lead time’s ticks send it', () => {
    const value = openReportsValue([row('A', DAY, due)], due - 8 * HOUR, HOUR);
    expect(resultsNeedWake(value, [{ order: 'A', day: DAY }])).toBe(false);
  });

  test('within the lead time, and after the deadline while unsent, the row is open: its results wake a tick', () => {
    const rows = [row('A', DAY, due)];
    expect(resultsNeedWake(openReportsValue(rows, due - 30 * 60000, HOUR), [{ order: 'A', day: DAY }])).toBe(true);
    expect(resultsNeedWake(openReportsValue(rows, due + 3 * HOUR, HOUR), [{ order: 'A', day: DAY }])).toBe(true);
    // Sent: nothing waits for its results.
    expect(resultsNeedWake(openReportsValue([row('A', DAY, due, true)], due + HOUR, HOUR), [{ order: 'A', day: DAY }])).toBe(false);
  });

  test('Done ticked opens the row at once: its report goes when the results are in and quiet', () => {
    const value = openReportsValue([row('A', DAY, due, false, true)], due - 8 * HOUR, HOUR);
    expect(resultsNeedWake(value, [{ order: 'A', day: DAY }])).toBe(true);
  });

  test('a short lead time still opens the row a quarter of an hour before its deadline (its tick may start late)', () => {
    expect(resultsNeedWake(openReportsValue([row('A', DAY, due)], due - 10 * 60000, 0), [{ order: 'A', day: DAY }])).toBe(true);
  });

  test('a result belongs to the latest calling day on or before its Date: yesterday’s open row does not own today’s results', () => {
    const rows = [row('A', DAY - 1, due - 24 * HOUR), row('A', DAY, due)];
    const value = openReportsValue(rows, due - 8 * HOUR, HOUR);
    expect(resultsNeedWake(value, [{ order: 'A', day: DAY }])).toBe(false);
    // A result dated yesterday (a calling typed late) is yesterday's late report's.
    expect(resultsNeedWake(value, [{ order: 'A', day: DAY - 1 }])).toBe(true);
    // Another order's results are not.
    expect(resultsNeedWake(value, [{ order: 'B', day: DAY - 1 }])).toBe(false);
  });

  test('rows more than a day past their deadline are not kept (the property would grow with history)', () => {
    const value = openReportsValue([row('A', DAY - 3, due - 72 * HOUR)], due, HOUR);
    expect(resultsNeedWake(value, [{ order: 'A', day: DAY - 3 }])).toBe(false);
  });

  test('no value, a damaged one, or more open rows than a property holds: every result wakes a tick', () => {
    const results = [{ order: 'A', day: DAY }];
    expect(resultsNeedWake(undefined, results)).toBe(true);
    expect(resultsNeedWake('{not json', results)).toBe(true);
    const many = Array.from({ length: 2000 }, (_, i) => row(`ORD-2026-${i}`, DAY, due));
    const value = openReportsValue(many, due, HOUR);
    expect(value).toBe(EVERY_ORDER);
    expect(resultsNeedWake(value, [{ order: 'Z', day: DAY }])).toBe(true);
    expect(resultsNeedWake(value, [])).toBe(false);
  });
});
