/** The gate's decision (src/app/gate.ts), from the script properties alone. */
import {
  FULL,
  gateDecision,
  gateOpen,
  MARK,
  NEXT,
  NEXT_OTHER,
  READBACK,
  REPORTS_FEATURE,
  reportInstant,
  RETRY,
  SETTLED,
} from '../../src/app/gate';

const NOW = Date.parse('2026-11-24T07:00:00Z');
const MIN = 60000;
const plan = (next: number, full: number, extra: Record<string, string> = {}, readback = NOW + 20 * MIN) => ({
  [NEXT]: String(next),
  [FULL]: String(full),
  [READBACK]: String(readback),
  ...extra,
});
const far = plan(NOW + 600 * MIN, NOW + 600 * MIN);

describe('the gate', () => {
  test('nothing due, nothing marked, Calendar read back lately: closed', () => {
    expect(gateOpen(plan(NOW + 20 * MIN, NOW + 10 * 60 * MIN), NOW)).toBe(false);
  });
  test('an item due before the next tick opens it in full (a minute of trigger jitter included)', () => {
    for (const next of [NOW, NOW - 3 * MIN, NOW + 30000]) expect(gateDecision(plan(next, NOW + 600 * MIN), NOW).full).toBe(true);
    expect(gateDecision(plan(NOW + 2 * MIN, NOW + 600 * MIN), NOW).full).toBe(false);
  });
  test('the full pass hour opens it in full whatever NEXT says', () => {
    expect(gateDecision(plan(NOW + 600 * MIN, NOW), NOW).full).toBe(true);
  });
  test('a deferred edit, a queued sidebar action, a mail in flight or work an edit left open it in full', () => {
    for (const key of [
      'reglament.edit.deferred.000000000000001.abc',
      'reglament.ui.queue.000000000000001.abc',
      'outbox.inFlight.CALL-1|a@b|20',
      RETRY,
    ])
      expect(gateDecision({ ...far, [key]: '{}' }, NOW)).toEqual({ full: true, replan: false, probe: false });
    expect(gateOpen({ ...far, 'reglament.protections.fingerprint': 'abc' }, NOW)).toBe(false);
  });
  test('a mark alone re-plans (the edit applied its rules already); with due work the tick is full', () => {
    expect(gateDecision({ ...far, [MARK]: String(NOW - MIN) }, NOW)).toEqual({ full: false, replan: true, probe: false });
    expect(gateDecision({ ...plan(NOW, NOW + 600 * MIN), [MARK]: String(NOW - MIN) }, NOW).full).toBe(true);
  });
  test('a mark its edit settled (the edit re-planned itself) is no mark: closed, and the reports may run alone', () => {
    expect(gateOpen({ ...far, [MARK]: SETTLED }, NOW)).toBe(false);
    const reports = { ...plan(NOW, NOW + 600 * MIN), [NEXT_OTHER]: String(NOW + 60 * MIN), [MARK]: SETTLED };
    expect(gateDecision(reports, NOW).only).toEqual([REPORTS_FEATURE]);
  });
  test('the read-back instant reached: a Calendar probe (with a re-plan when marked too)', () => {
    const due = plan(NOW + 600 * MIN, NOW + 600 * MIN, {}, NOW);
    expect(gateDecision(due, NOW)).toEqual({ full: false, replan: false, probe: true });
    expect(gateDecision({ ...due, [MARK]: String(NOW) }, NOW)).toEqual({ full: false, replan: true, probe: true });
  });
  test('only calling reports due (NEXT reached, NEXT_OTHER not): their feature alone; anything else due, waiting or marked: every feature', () => {
    const reports = plan(NOW, NOW + 600 * MIN, { [NEXT_OTHER]: String(NOW + 30 * MIN) });
    expect(gateDecision(reports, NOW)).toEqual({ full: true, replan: false, probe: false, only: [REPORTS_FEATURE] });
    // Something else due too (a reminder, the 09:00 digest, a retry: NEXT_OTHER reached).
    expect(gateDecision({ ...reports, [NEXT_OTHER]: String(NOW + 30000) }, NOW).only).toBeUndefined();
    // No NEXT_OTHER (a plan from an older version): every feature.
    expect(gateDecision(plan(NOW, NOW + 600 * MIN), NOW).only).toBeUndefined();
    // A mark (the edit may have made something due since the plan), something waiting: every feature.
    expect(gateDecision({ ...reports, [MARK]: String(NOW - MIN) }, NOW).only).toBeUndefined();
    expect(gateDecision({ ...reports, [RETRY]: String(NOW - MIN) }, NOW).only).toBeUndefined();
    expect(gateDecision({ ...reports, 'reglament.edit.deferred.000000000000001.abc': '{}' }, NOW).only).toBeUndefined();
    // The read-back due: the reports alone after a Calendar probe (dispatch.ts runs every feature when it finds changes).
    expect(gateDecision({ ...reports, [READBACK]: String(NOW) }, NOW)).toEqual({
      full: true,
      replan: false,
      probe: true,
      only: [REPORTS_FEATURE],
    });
    // The full pass hour: every feature.
    expect(gateDecision({ ...reports, [FULL]: String(NOW) }, NOW).only).toBeUndefined();
  });
  test('no plan yet (a new workbook, properties cleared, a plan from an older version): full', () => {
    expect(gateDecision({}, NOW).full).toBe(true);
    expect(gateDecision({ [NEXT]: 'garbage', [FULL]: String(NOW + MIN * 600), [READBACK]: String(NOW + MIN) }, NOW).full).toBe(true);
    expect(gateDecision({ [NEXT]: String(NOW + MIN * 600), [FULL]: String(NOW + MIN * 600) }, NOW).full).toBe(true);
  });
});

describe('the reports\u2019 ticks of a lead time', () => {
  const due = Date.parse('2026-11-24T15:00:00Z');
  const at = (m: number) => due - m * MIN;
  test('a 60-minute lead: its start, every 30 minutes, and the deadline itself', () => {
    expect(reportInstant(due, 60 * MIN, at(90))).toBe(at(60));
    expect(reportInstant(due, 60 * MIN, at(55))).toBe(at(30));
    expect(reportInstant(due, 60 * MIN, at(30))).toBe(at(30));
    expect(reportInstant(due, 60 * MIN, at(25))).toBe(due);
  });
  test('a 15-minute lead: every tick of it; no lead: the deadline', () => {
    expect(reportInstant(due, 15 * MIN, at(12))).toBe(at(10));
    expect(reportInstant(due, 0, at(30))).toBe(due);
  });
});
