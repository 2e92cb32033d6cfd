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
  /** An edit's mark not yet written (armPlanMark): its properties, and the write made when a plan tab is read. */
  mark: { props: Record<string, string>; write: () => void } | null;
}

let watch: Watch | null = null;

/** Starts watching (an edit's run took the lock). */
export function watchPlan(): void {
  watch = { tabs: [], wakes: [], mark: null };
}

/** Stops watching (any other locked run). */
export function unwatchPlan(): void {
  watch = null;
}

/** A tab was read: the Outbox and Selections are the plan's inputs (an armed mark is written before the run can write them). */
export function notePlanTab(tab: TabData): void {
  if (!watch || (tab.def.key !== 'outbox' && tab.def.key !== 'selections')) return;
  watch.tabs.push(tab);
  const mark = watch.mark;
  watch.mark = null;
  mark?.write();
}

/**
 * Holds an edit's mark until the run reads the Outbox or Selections: every write to them goes
 * from a TabData read first, so the mark is durable before anything the plan reads can change.
 * False (write it now) when nothing watches or a plan tab was read already.
 */
export function armPlanMark(props: Record<string, string>, write: () => void): boolean {
  if (!watch || watch.tabs.length > 0) return false;
  watch.mark = { props, write };
  return true;
}

/** The armed mark's properties (to write with the run's last setProperties), disarmed; {} when none. */
export function takeArmedMark(): Record<string, string> {
  const mark = watch?.mark;
  if (watch) watch.mark = null;
  return mark ? mark.props : {};
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
