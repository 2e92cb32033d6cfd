import { accountLimits, EXECUTION_TIME_EXCEEDED, Runtime } from '../../../workspace/runtime/runtime';
import { TRIGGER_RUNTIME_EXCEEDED, TriggerRuntimeQuota } from '../../../workspace/services/script/runtime-quota';
import { runtime, T0, tempStateDir, thrown } from './helpers';

const MIN = 60000;

describe('the daily trigger runtime quota', () => {
  test('90 min a day on consumer accounts, 6 h on Google Workspace', () => {
    expect(accountLimits('consumer').triggerRuntimePerDayMs).toBe(90 * MIN);
    expect(accountLimits('workspace', 'firm.test').triggerRuntimePerDayMs).toBe(6 * 60 * MIN);
    expect(new Runtime().limits.triggerRuntimePerDayMs).toBe(90 * MIN);
  });

  test('is counted per trigger owner, in the state folder, and resets 24 hours after the first run', () => {
    const dir = tempStateDir();
    const rt = runtime(dir, { execution: { kind: 'time', activeUser: 'owner@example.com' } });
    const quota = new TriggerRuntimeQuota(rt);
    quota.consume(80 * MIN, T0);
    // Another CLI process on the same workbook sees what was spent.
    const again = new TriggerRuntimeQuota(runtime(dir, { execution: { kind: 'time', activeUser: 'owner@example.com' } }));
    expect(again.remainingMs(T0 + 60 * MIN)).toBe(10 * MIN);
    // Another user's triggers have their own quota.
    const other = new TriggerRuntimeQuota(runtime(dir, { execution: { kind: 'time', activeUser: 'lead@example.com' } }));
    expect(other.remainingMs(T0)).toBe(90 * MIN);
    // The window opened at the first run; a day later it is whole again.
    expect(again.remainingMs(T0 + 24 * 60 * MIN - 1)).toBe(10 * MIN);
    expect(again.remainingMs(T0 + 24 * 60 * MIN)).toBe(90 * MIN);
  });

  test("a run is stopped with Google's text the moment it would pass what is left", () => {
    const rt = new Runtime({ now: new Date(T0) });
    rt.meter.capAt(1000, TRIGGER_RUNTIME_EXCEEDED);
    rt.call('Range.getValues'); // 40 ms
    const e = thrown(() => {
      for (let i = 0; i < 100; i++) rt.call('Range.getValues');
    });
    expect(e.message).toBe('Service using too much computer time for one day');
    expect(e.name).toBe('Exception');
    // The next execution starts without the cap.
    rt.beginExecution(new Date(T0 + 60000));
    for (let i = 0; i < 100; i++) rt.call('Range.getValues');
    expect(rt.meter.totalCalls()).toBe(100);
  });

  test('a cap looser than the 6-minute limit leaves that limit in force', () => {
    const rt = new Runtime({ now: new Date(T0) });
    rt.meter.capAt(60 * MIN, TRIGGER_RUNTIME_EXCEEDED);
    const e = thrown(() => {
      for (;;) rt.call('MailApp.sendEmail');
    });
    expect(e.message).toBe(EXECUTION_TIME_EXCEEDED);
  });
});
