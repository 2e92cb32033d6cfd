/**
 * The one lock helper: every run that writes the workbook holds the script lock (ticks,
 * edits, checks) or the document lock (sidebar actions), and releases it however the work
 * ends. With `onBusy` the lock is tried (tryLock) and onBusy answers when it is not had in
 * time; without, it is waited for (waitLock), which throws Google's own error on time-out.
 */
export type LockKind = 'script' | 'document';

export function withLock<T>(kind: LockKind, waitMs: number, work: () => T, onBusy?: () => T): T {
  const lock = kind === 'script' ? LockService.getScriptLock() : LockService.getDocumentLock();
  if (onBusy) {
    if (!lock.tryLock(waitMs)) return onBusy();
  } else lock.waitLock(waitMs);
  try {
    return work();
  } finally {
    lock.releaseLock();
  }
}
