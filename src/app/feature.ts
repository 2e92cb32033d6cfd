/**
 * A feature (orders, calls, schedules, …) plugs into the entry points through this
 * shape: the tabs whose edits it handles, what it does on a tick, and what setup adds.
 */
import { TabKey } from '../core/schema';
import { RunContext } from './context';
import type { TabData } from '../google/workbook';

type Range = GoogleAppsScript.Spreadsheet.Range;

/** An edit as the installable trigger sees it, resolved to the tab and its rows. */
export interface TabEdit {
  tab: TabKey;
  range: Range;
  /** Data row indexes (0-based, below the header) the edit touched. */
  rows: number[];
  /** Column keys the edit touched (unknown columns left out). */
  columns: string[];
  /** Single-cell edits only, as Google gives them. */
  value?: unknown;
  oldValue?: unknown;
  /** Who edited; '' when Google did not say. */
  user: string;
  /** The tab's header row as the edit's run read it (the tab's width), so the run reads it once. */
  header?: unknown[];
  /** The edited block as the rules left it (set by the guard, for the features that follow). */
  block?: TabData;
  /** The tab's key columns for every data row (set by the guard when the tab has a mirror). */
  keys?: unknown[][];
}

export interface Feature {
  name: string;
  tabs: TabKey[];
  /** Runs inside the installable onEdit (and UI actions), under the script lock; starts no slow work after `deadline` (ms). */
  onEdit?(ctx: RunContext, edit: TabEdit, deadline: number): void;
  /**
   * After an edit of another feature's tab: does this feature's tick depend on what changed
   * (the gated tick then runs in full next, app/gate.ts RETRY)? Without it the tick after an
   * edit only re-plans.
   */
  needsTick?(ctx: RunContext, edit: TabEdit): boolean;
  /** Runs in every tick, under the script lock; should stop early when `deadline` (ms) is near. */
  tick?(ctx: RunContext, deadline: number): void;
  /**
   * Its tick's work leaves nothing for the next tick: what it could not finish it says with
   * leaveWork, and no feature before it in the registry acts on what it writes. A tick where only
   * such features worked is not busy (app/dispatch.ts fullTick).
   */
  settlesItself?: boolean;
  /**
   * The gated tick's cheap look at what changed outside the workbook (Calendar, the add-on's
   * queue): no tab read; true when a full tick must follow (it runs in the same execution).
   */
  probe?(now: number, all: Readonly<Record<string, string>>): boolean;
  /** Runs at the end of setupWorkbook (defaults, validations of its own). */
  setup?(ctx: RunContext): void;
  /** Re-checks every row of one of its tabs (menu "Check this sheet"), under the script lock; returns cells changed. */
  check?(ctx: RunContext, tab: TabKey, deadline: number): number | void;
}

/** An edit or a re-check stops starting slow work (calendar writes) after this; the tick finishes the rest. */
export const EDIT_BUDGET_MS = 4 * 60 * 1000;

/** The deadline dispatch gives an edit or a re-check that starts now. */
export const editDeadline = (): number => Date.now() + EDIT_BUDGET_MS;
