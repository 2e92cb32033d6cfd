/**
 * LockService fake. A held lock is an entry in `locks.json` in the state folder
 * (owner = a per-execution id, scope, acquired-at on the simulated clock), so other
 * processes and other fake instances on the same folder see it.
 *
 * Google behaviour reproduced (https://developers.google.com/apps-script/reference/lock/lock,
 * https://developers.google.com/apps-script/reference/lock/lock-service):
 * - tryLock(timeoutInMillis) returns false when another execution still holds the lock
 *   after the timeout; waitLock(timeoutInMillis) throws
 *   "Lock timeout: another process was holding the lock for too long." (the text users
 *   see in their logs; the docs only say it throws).
 * - hasLock() is false if the lock was never acquired, timed out or was released;
 *   releaseLock() without the lock does nothing.
 * - "Locks are released automatically when the script exits": endExecution() (also run
 *   by flush(), which the runner calls after each execution) releases every lock this
 *   execution holds. A lock whose holder was killed (older than the 6-minute execution
 *   limit plus a minute, on the simulated clock) counts as free.
 * - Script lock: shared by all users; user lock: per effective user; document lock:
 *   the one bound spreadsheet (never null — the script is container-bound).
 * Choices where Google is silent: waiting does not sleep — it advances the simulated
 * clock by the time waited; ownership is per execution, so a second Lock object of the
 * same scope in the same execution gets it at once (unverified on Google).
 * This simulates Google's lock inside the bundle's executions; it is not what keeps two
 * processes apart. The workbook's file lock (workspace/filelock.ts) lets one execution at a
 * time touch the files, and locks.json is committed with everything else the execution wrote
 * (workspace/commit.ts): a killed execution's lock is never seen by the next one, as on Google
 * where the lock dies with the script. Another execution holding it is simulated with
 * holdByAnotherExecution().
 */
import { randomUUID } from 'crypto';
import type { FakeService, Runtime } from '../../runtime/runtime';
import { JsonState } from '../properties/jsonState';

export const LOCK_TIMEOUT = 'Lock timeout: another process was holding the lock for too long.';
/** Beyond the execution limit, how long a dead holder's lock is still honoured. */
export const STALE_MARGIN_MS = 60 * 1000;

export type LockScope = 'script' | 'document' | 'user';

export interface LockEntry {
  owner: string;
  scope: LockScope;
  user?: string;
  acquiredAtMs: number;
  /** Test hook only: when the simulated other execution lets go. */
  releaseAtMs?: number;
}

export interface LockFile {
  locks: Record<string, LockEntry>;
}

export interface LockFake extends FakeService {
  /** This execution's id, the owner written in locks.json. */
  executionId(): string;
  /** Releases every lock this execution holds and starts a new execution id. */
  endExecution(): void;
  /** Test hook: another (simulated) execution takes the lock now, until `untilMs`
   * (simulated ms) or until it goes stale. Returns that execution's id. */
  holdByAnotherExecution(scope: LockScope, untilMs?: number): string;
  /** Locks currently recorded in the file. */
  holders(): LockEntry[];
}

/** `fileName`: another script project's locks (a script lock is per project). */
export function createLockService(rt: Runtime, fileName = 'locks.json'): LockFake {
  const state = new JsonState<LockFile>(rt, fileName, () => ({ locks: {} }));
  let execId = `exec-${randomUUID()}`;
  const staleAfterMs = () => rt.limits.executionMs + STALE_MARGIN_MS;

  const keyOf = (scope: LockScope, user: string) => (scope === 'user' ? `user:${user}` : scope);

  /** When a lock held by someone else becomes free on its own (Infinity: never). */
  const freeAtMs = (e: LockEntry): number => Math.min(e.releaseAtMs ?? Infinity, e.acquiredAtMs + staleAfterMs() + 1);

  const isFreeFor = (e: LockEntry | undefined, now: number): boolean => !e || e.owner === execId || freeAtMs(e) <= now;

  function makeLock(scope: LockScope) {
    const user = rt.execution.effectiveUser;
    const key = keyOf(scope, user);
    let held = false;

    /** Tries to take the lock, waiting up to `timeoutMs` of simulated time. */
    const acquire = (timeoutMs: number): boolean => {
      const timeout = Math.max(0, Number(timeoutMs) || 0);
      const doc = state.read();
      let entry: LockEntry | undefined = doc.locks[key];
      let now = rt.clock.nowMs();
      if (!isFreeFor(entry, now)) {
        const wait = freeAtMs(entry!) - now;
        if (wait > timeout) {
          rt.clock.advance(timeout);
          return false;
        }
        rt.clock.advance(wait);
        now = rt.clock.nowMs();
        entry = undefined;
      }
      if (!entry || entry.owner !== execId) {
        doc.locks[key] = { owner: execId, scope, ...(scope === 'user' ? { user } : {}), acquiredAtMs: now };
        state.write(doc);
      }
      held = true;
      return true;
    };

    const stillOurs = () => state.read().locks[key]?.owner === execId;

    return {
      tryLock(timeoutInMillis: number): boolean {
        rt.call('Lock.tryLock');
        return acquire(timeoutInMillis);
      },
      waitLock(timeoutInMillis: number): void {
        rt.call('Lock.waitLock');
        if (!acquire(timeoutInMillis)) throw rt.error(LOCK_TIMEOUT);
      },
      hasLock(): boolean {
        rt.call('Lock.hasLock');
        return held && stillOurs();
      },
      releaseLock(): void {
        rt.call('Lock.releaseLock');
        if (!held) return;
        held = false;
        state.update((doc) => {
          if (doc.locks[key]?.owner === execId) delete doc.locks[key];
        });
      },
    };
  }

  const LockService = {
    getScriptLock() {
      rt.call('LockService.getScriptLock');
      return makeLock('script');
    },
    getDocumentLock() {
      rt.call('LockService.getDocumentLock');
      return makeLock('document');
    },
    getUserLock() {
      rt.call('LockService.getUserLock');
      return makeLock('user');
    },
  };

  const endExecution = () => {
    state.update((doc) => {
      for (const [k, e] of Object.entries(doc.locks)) if (e.owner === execId) delete doc.locks[k];
    });
    execId = `exec-${randomUUID()}`;
  };

  return {
    globals: { LockService },
    flush: endExecution,
    executionId: () => execId,
    endExecution,
    holdByAnotherExecution(scope, untilMs) {
      const owner = `other-${randomUUID()}`;
      const user = rt.execution.effectiveUser;
      state.update((doc) => {
        doc.locks[keyOf(scope, user)] = {
          owner,
          scope,
          ...(scope === 'user' ? { user } : {}),
          acquiredAtMs: rt.clock.nowMs(),
          ...(untilMs !== undefined ? { releaseAtMs: untilMs } : {}),
        };
      });
      return owner;
    },
    holders: () => Object.values(state.read().locks),
  };
}
