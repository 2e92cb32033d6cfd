/**
 * An edit's mark waits for the plan's tabs (plan-watch.ts armPlanMark, gate.ts deferMark): it is
 * written the moment the run reads the Outbox or Selections — before it can write them — and
 * otherwise goes with the run's last setProperties.
 */
import { armPlanMark, notePlanTab, takeArmedMark, takePlanWatch, unwatchPlan, watchPlan } from '../../src/app/plan-watch';
import type { TabData } from '../../src/google/workbook';
import { tabDef, TabKey } from '../../src/core/schema';

const tab = (key: TabKey) => ({ def: tabDef(key), rows: [] }) as unknown as TabData;
const MARK = { 'reglament.plan.marked': '1' };

describe('an armed mark', () => {
  afterEach(() => unwatchPlan());

  test.each<TabKey>(['outbox', 'selections'])('is written once when the run reads %s, and is then no longer waiting', (key) => {
    watchPlan();
    const writes: number[] = [];
    expect(armPlanMark(MARK, () => writes.push(1))).toBe(true);
    notePlanTab(tab('calls'));
    notePlanTab(tab('callingResults'));
    expect(writes).toEqual([]);
    notePlanTab(tab(key));
    notePlanTab(tab(key));
    expect(writes).toEqual([1]);
    expect(takeArmedMark()).toEqual({});
  });

  test('not read: its properties are handed to the last setProperties, once', () => {
    watchPlan();
    const writes: number[] = [];
    armPlanMark(MARK, () => writes.push(1));
    notePlanTab(tab('orders'));
    expect(takeArmedMark()).toEqual(MARK);
    expect(takeArmedMark()).toEqual({});
    expect(writes).toEqual([]);
  });

  test('cannot be armed with no watch, or after a plan tab was read (the caller writes it at once)', () => {
    expect(armPlanMark(MARK, () => undefined)).toBe(false);
    watchPlan();
    notePlanTab(tab('outbox'));
    expect(armPlanMark(MARK, () => undefined)).toBe(false);
    expect(takePlanWatch()?.tabs).toHaveLength(1);
  });
});
