/** The gate's decision (src/app/gate.ts), from the script properties alone. */
import { FULL, gateOpen, MARK, NEXT } from '../../src/app/gate';

const NOW = Date.parse('2026-11-24T07:00:00Z');
const MIN = 60000;
const plan = (next: number, full: number, extra: Record<string, string> = {}) => ({ [NEXT]: String(next), [FULL]: String(full), ...extra });

describe('the gate', () => {
  test('nothing due, nothing marked: closed', () => {
    expect(gateOpen(plan(NOW + 20 * MIN, NOW + 10 * 60 * MIN), NOW)).toBe(false);
  });
  test('an item due before the next tick opens it (a minute of trigger jitter included)', () => {
    expect(gateOpen(plan(NOW, NOW + 600 * MIN), NOW)).toBe(true);
    expect(gateOpen(plan(NOW - 3 * MIN, NOW + 600 * MIN), NOW)).toBe(true);
    expect(gateOpen(plan(NOW + 30000, NOW + 600 * MIN), NOW)).toBe(true);
  });
  test('the full pass hour opens it whatever NEXT says', () => {
    expect(gateOpen(plan(NOW + 600 * MIN, NOW), NOW)).toBe(true);
  });
  test('a mark, a deferred edit, a queued sidebar action or a mail in flight opens it', () => {
    const far = plan(NOW + 600 * MIN, NOW + 600 * MIN);
    expect(gateOpen({ ...far, [MARK]: String(NOW - MIN) }, NOW)).toBe(true);
    expect(gateOpen({ ...far, 'reglament.edit.deferred.000000000000001.abc': '{}' }, NOW)).toBe(true);
    expect(gateOpen({ ...far, 'reglament.ui.queue.000000000000001.abc': '{}' }, NOW)).toBe(true);
    expect(gateOpen({ ...far, 'outbox.inFlight.CALL-1|a@b|20': 'x' }, NOW)).toBe(true);
    expect(gateOpen({ ...far, 'reglament.protections.fingerprint': 'abc' }, NOW)).toBe(false);
  });
  test('no plan yet (a new workbook, properties cleared): open', () => {
    expect(gateOpen({}, NOW)).toBe(true);
    expect(gateOpen({ [NEXT]: 'garbage', [FULL]: String(NOW + MIN * 600) }, NOW)).toBe(true);
  });
});
