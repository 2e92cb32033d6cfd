/**
 * Runs the features for an edit or a tick under the script lock. Entry points (onEdit,
 * tick) and UI actions (sidebar, dialogs) all come through here, so a button does
 * exactly what typing the same cells would do.
 */
import { openContext, RunContext } from './context';
import { resolveEdit } from './edits';
import { Feature } from './features';
import { currentUser } from './log';

type Range = GoogleAppsScript.Spreadsheet.Range;

/** Apps Script stops an execution at 6 minutes; ticks stop starting new work after this. */
export const TICK_BUDGET_MS = 4.5 * 60 * 1000;

let registry: Feature[] = [];

export function registerFeatures(features: Feature[]): void {
  registry = features;
}

export function features(): Feature[] {
  return registry;
}

/** Applies the rules of the edited tab as the installable onEdit does. */
export function dispatchEdit(range: Range, user: string, value?: unknown, oldValue?: unknown): void {
  const e = { range, value, oldValue, source: range.getSheet().getParent() } as unknown as GoogleAppsScript.Events.SheetsOnEdit;
  const edit = resolveEdit(e, user || currentUser());
  if (!edit) return;
  const handlers = registry.filter((f) => f.onEdit && f.tabs.indexOf(edit.tab) >= 0);
  if (handlers.length === 0) return;
  withLock(30000, () => {
    const ctx = openContext(edit.range.getSheet().getParent(), new Date(), edit.user);
    for (const f of handlers) f.onEdit!(ctx, edit);
    ctx.finish();
  });
}

/** Runs every feature's tick; skips quietly if the previous tick still holds the lock. */
export function dispatchTick(): void {
  const started = Date.now();
  const lock = LockService.getScriptLock();
  if (!lock.tryLock(10000)) return;
  try {
    const ctx = openContext();
    const deadline = started + TICK_BUDGET_MS;
    for (const f of registry) {
      if (Date.now() > deadline) break;
      f.tick?.(ctx, deadline);
    }
    ctx.finish();
  } finally {
    lock.releaseLock();
  }
}

export function dispatchSetup(ctx: RunContext): void {
  for (const f of registry) f.setup?.(ctx);
}

function withLock(timeoutMs: number, work: () => void): void {
  const lock = LockService.getScriptLock();
  lock.waitLock(timeoutMs);
  try {
    work();
  } finally {
    lock.releaseLock();
  }
}
