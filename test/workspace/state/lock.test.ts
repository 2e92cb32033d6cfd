import * as fs from 'fs';
import * as path from 'path';
import { createLockService, LOCK_TIMEOUT, LockFake } from '../../../workspace/services/lock';
import { Runtime } from '../../../workspace/runtime/runtime';
import { runtime, T0, tempStateDir, thrown } from './helpers';

interface Lock {
  tryLock(ms: number): boolean;
  waitLock(ms: number): void;
  releaseLock(): void;
  hasLock(): boolean;
}
interface Service {
  getScriptLock(): Lock;
  getDocumentLock(): Lock;
  getUserLock(): Lock;
}
const service = (fake: LockFake) => fake.globals.LockService as Service;

/** Two CLI processes on the same workbook. */
function twoProcesses(): { rtA: Runtime; a: LockFake; rtB: Runtime; b: LockFake; dir: string } {
  const dir = tempStateDir();
  const rtA = runtime(dir);
  const rtB = runtime(dir);
  return { rtA, a: createLockService(rtA), rtB, b: createLockService(rtB), dir };
}

describe('LockService fake', () => {
  test("tryLock returns false and waitLock throws Google's text while another process holds the lock", () => {
    const { a, b, rtB } = twoProcesses();
    expect(service(a).getScriptLock().tryLock(1000)).toBe(true);
    const lockB = service(b).getScriptLock();
    const before = rtB.clock.nowMs();
    expect(lockB.tryLock(5000)).toBe(false);
    expect(lockB.hasLock()).toBe(false);
    // The wait is simulated: the clock moved by the timeout (plus the calls' latency).
    expect(rtB.clock.nowMs() - before).toBeGreaterThanOrEqual(5000);
    expect(rtB.clock.nowMs() - before).toBeLessThan(6000);
    const e = thrown(() => lockB.waitLock(30000));
    expect(e.message).toBe(LOCK_TIMEOUT);
    expect(e.message).toBe('Lock timeout: another process was holding the lock for too long.');
    expect(e.name).toBe('Exception');
  });

  test('the held lock is recorded in locks.json with owner, scope and acquired-at', () => {
    const { a, dir } = twoProcesses();
    service(a).getDocumentLock().waitLock(1000);
    const file = JSON.parse(fs.readFileSync(path.join(dir, 'locks.json'), 'utf8'));
    expect(Object.values(file.locks)).toEqual([
      expect.objectContaining({ owner: a.executionId(), scope: 'document', acquiredAtMs: expect.any(Number) }),
    ]);
  });

  test('endExecution (and flush) release every lock the execution holds', () => {
    const { a, b } = twoProcesses();
    service(a).getScriptLock().waitLock(1000);
    service(a).getDocumentLock().waitLock(1000);
    expect(service(b).getScriptLock().tryLock(0)).toBe(false);
    a.endExecution();
    expect(service(b).getScriptLock().tryLock(0)).toBe(true);
    expect(service(b).getDocumentLock().tryLock(0)).toBe(true);
    b.flush!();
    expect(b.holders()).toEqual([]);
  });

  test('releaseLock lets the other process in; hasLock follows acquire and release', () => {
    const { a, b } = twoProcesses();
    const lockA = service(a).getScriptLock();
    expect(lockA.hasLock()).toBe(false);
    lockA.releaseLock(); // without the lock: no effect
    lockA.waitLock(1000);
    expect(lockA.hasLock()).toBe(true);
    lockA.releaseLock();
    expect(lockA.hasLock()).toBe(false);
    expect(service(b).getScriptLock().tryLock(0)).toBe(true);
  });

  test('a stale lock of a killed execution is free once the 6-minute limit (plus margin) has passed', () => {
    const { a, b, rtB } = twoProcesses();
    service(a).getScriptLock().waitLock(1000); // then the process dies: no endExecution
    rtB.beginExecution(new Date(T0 + 5 * 60 * 1000));
    expect(service(b).getScriptLock().tryLock(0)).toBe(false);
    rtB.beginExecution(new Date(T0 + 8 * 60 * 1000));
    expect(service(b).getScriptLock().tryLock(0)).toBe(true);
  });

  test('waitLock waits (on the simulated clock) for a holder that lets go within the timeout', () => {
    const rt = runtime(tempStateDir());
    const fake = createLockService(rt);
    fake.holdByAnotherExecution('script', T0 + 20000);
    expect(service(fake).getScriptLock().tryLock(1000)).toBe(false);
    const lock = service(fake).getScriptLock();
    lock.waitLock(30000);
    expect(lock.hasLock()).toBe(true);
    expect(rt.clock.nowMs()).toBeGreaterThanOrEqual(T0 + 20000);
    expect(rt.clock.nowMs()).toBeLessThan(T0 + 21000);
  });

  test('the hook without an end holds until the holder goes stale; it works without a state folder too', () => {
    const fake = createLockService(runtime());
    fake.holdByAnotherExecution('document');
    expect(() => service(fake).getDocumentLock().waitLock(60000)).toThrow(LOCK_TIMEOUT);
    expect(service(fake).getScriptLock().tryLock(0)).toBe(true); // other scopes are free
  });

  test('user locks are per effective user', () => {
    const dir = tempStateDir();
    const ann = createLockService(runtime(dir, { execution: { activeUser: 'ann@example.com' } }));
    const annAgain = createLockService(runtime(dir, { execution: { activeUser: 'ann@example.com' } }));
    const bob = createLockService(runtime(dir, { execution: { activeUser: 'bob@example.com' } }));
    service(ann).getUserLock().waitLock(1000);
    expect(service(bob).getUserLock().tryLock(0)).toBe(true);
    expect(service(annAgain).getUserLock().tryLock(0)).toBe(false);
  });

  test('a second Lock object of the same scope in the same execution gets it at once', () => {
    const fake = createLockService(runtime());
    service(fake).getScriptLock().waitLock(1000);
    const second = service(fake).getScriptLock();
    expect(second.tryLock(0)).toBe(true);
    expect(second.hasLock()).toBe(true);
  });
});
