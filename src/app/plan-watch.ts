/**
 * What an edit's run holds of the plan's inputs (gate.ts), so that it re-plans itself: every
 * Outbox and Selections TabData read while the watch is on (the rows it wrote are among them:
 * writes go from those rows in memory) and the WAKE instants it added. Only an edit's run under
 * the lock watches (dispatch.ts); a tick re-plans from its own reads.
 */
import type { TabData } from '../google/workbook';

interface Watch {
  tabs: TabData[];
  wakes: number[];
}

let watch: Watch | null = null;

/** Starts watching (an edit's run took the lock). */
export function watchPlan(): void {
  watch = { tabs: [], wakes: [] };
}

/** Stops watching (any other locked run). */
export function unwatchPlan(): void {
  watch = null;
}

/** A tab was read: the Outbox and Selections are the plan's inputs. */
export function notePlanTab(tab: TabData): void {
  if (watch && (tab.def.key === 'outbox' || tab.def.key === 'selections')) watch.tabs.push(tab);
}

/** A WAKE instant was added in this run. */
export function notePlanWake(ms: number): void {
  if (watch) watch.wakes.push(ms);
}

/** What the watch saw, and the watch ended (null when nothing watched). */
export function takePlanWatch(): Watch | null {
  const out = watch;
  watch = null;
  return out;
}
