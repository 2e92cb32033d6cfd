/**
 * Runs the features for an edit, a re-check or a tick under the script lock. Entry points
 * (onEdit, tick) and UI actions (sidebar, dialogs, the edits they queue for the owner's
 * tick) all come through here, so a button does exactly what typing the same cells would do.
 *
 * An edit never goes unenforced because a tick holds the lock: an edit that cannot get
 * the lock within EDIT_LOCK_WAIT_MS is recorded (a script property, as the sidebar's
 * queued actions are) and enforced by the run that holds the lock — the tick itself, as
 * soon as its current feature is done and before it lets go — or by the next edit or tick.
 * (Ticks keep the lock for their whole run: handing it over between features would make
 * each feature read the shared tabs again, ~4 s more per tick on a large workbook.)
 */
import { holdProperties, releaseProperties } from './run-properties';
import { localizer } from '../core/i18n';
import { withLock } from './lock';
import { openContext, RunContext } from './context';
import { resolveEdit } from './edits';
import { editDeadline, Feature, TabEdit } from './feature';
import { afterEdit, guardEdit } from './guard/guard';
import { syncMirrors } from './guard/mirror';
import { beginWrites, writesNoted } from './guard/written';
import { takeArmedMark, unwatchPlan, watchPlan } from './plan-watch';
import {
  FULL,
  FULL_PASS_HOUR,
  gateDecision,
  inputsOfColumns,
  inputsOfTabs,
  leaveWork,
  MARK,
  markPlan,
  NEXT,
  NEXT_OTHER,
  planDue,
  markedIn,
  nextLocalHour,
  READBACK,
  READBACK_MS,
  REPORTS_FEATURE,
  RETRY,
  tickRun,
  workLeftIn,
  isMarked,
  settleEditPlan,
  TICK_MS,
  deferMark,
} from './gate';
import { archiveDays, archiveHistory, archiveSummary } from '../google/archive';
import { formatLocalDate, localDateOf } from '../core/time';
import { TabKey } from '../core/schema';

type Range = GoogleAppsScript.Spreadsheet.Range;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** Apps Script stops an execution at 6 minutes; ticks stop starting new work after this. */
export const TICK_BUDGET_MS = 4.5 * 60 * 1000;
/** How long an edit waits for the lock before it is recorded for the run that holds it. */
export const EDIT_LOCK_WAIT_MS = 30000;

const TEXT = {
  deferredTitle: { ru: 'Проверка позже', en: 'Checked shortly' },
  deferred: {
    ru: 'Сейчас работает другой запуск Регламента; ваше изменение будет проверено, как только он закончится.',
    en: 'Another Reglament run is working; your edit is checked as soon as it ends.',
  },
  deferredLabel: { ru: 'Изменение проверено после занятого запуска', en: 'Edit checked after a busy run' },
} as const;
const say = localizer<keyof typeof TEXT>(TEXT);

let registry: Feature[] = [];

export function registerFeatures(features: Feature[]): void {
  registry = features;
}

export function features(): Feature[] {
  return registry;
}

/** What every run that holds the lock does with an edit: the guard, the tab's features, then after-steps. */
export function runEditRules(ctx: RunContext, edit: TabEdit, deadline = editDeadline()): void {
  markPlan(ctx);
  guardEdit(ctx, edit);
  for (const f of registry) if (f.onEdit && f.tabs.indexOf(edit.tab) >= 0) f.onEdit(ctx, edit, deadline);
  // A feature whose tick reads what changed (and that does not handle the tab's edits itself) has the next tick run in full.
  if (registry.some((f) => f.tabs.indexOf(edit.tab) < 0 && f.needsTick?.(ctx, edit) === true)) leaveWork(ctx);
  afterEdit(ctx, edit);
}

/** An edit of `range` by `user` as the installable trigger's event gives it (null: not a Reglament tab). */
function editOf(source: Spreadsheet, range: Range, user: string, value?: unknown, oldValue?: unknown): TabEdit | null {
  const e = { range, value, oldValue, source } as unknown as GoogleAppsScript.Events.SheetsOnEdit;
  return resolveEdit(e, user);
}

/** Applies the rules of the edited tab as the installable onEdit does. `user` '' = Google did not say. */
export function dispatchEdit(range: Range, user: string, value?: unknown, oldValue?: unknown): void {
  const edit = editOf(range.getSheet().getParent(), range, user, value, oldValue);
  if (!edit) return;
  withLock(
    'script',
    EDIT_LOCK_WAIT_MS,
    () => {
      beginWrites();
      watchPlan();
      const ctx = openContext(edit.range.getSheet().getParent(), new Date(), edit.user, { edit: true });
      const seen = drainDeferred(ctx, edit.range);
      // Read under the lock, nothing drained: the run's modules read these, not Google (run-properties.ts).
      if (seen) {
        holdProperties(seen.all);
        deferMark(ctx, seen.all, edit.tab);
      }
      try {
        runEditRules(ctx, edit);
        ctx.finish();
        syncMirrors(ctx.ss);
        settleEditPlan(ctx, seen?.all, edit.tab);
      } finally {
        // A run that failed before settling: its mark, if still waiting, is written now.
        releaseProperties(takeArmedMark());
      }
    },
    () => deferEdit(edit),
  );
}

/**
 * Applies the rules for an edit of `range` by `user` in a run that already holds the script
 * lock (the tick, applying an edit a UI action queued): what dispatchEdit does inside its lock.
 */
export function applyEditHeld(ctx: RunContext, range: Range, user: string, value?: unknown, oldValue?: unknown): void {
  const edit = editOf(ctx.ss, range, user, value, oldValue);
  if (edit) runEditRules(ctx, edit);
}

/** Does a feature re-check this tab as a whole (Feature.check)? */
export function checksTab(tab: TabKey): boolean {
  return registry.some((f) => !!f.check && f.tabs.indexOf(tab) >= 0);
}

/**
 * Re-checks every row of a tab through the features that check it (menu "Check this sheet"),
 * in a run that holds the script lock; `otherwise` re-checks a tab no feature checks. Returns
 * the cells changed. A full pass: the next tick re-plans whatever it finds.
 */
export function runCheckRules(ctx: RunContext, tab: TabKey, otherwise?: (ctx: RunContext) => number): number {
  markPlan(ctx);
  let changed = 0;
  let handled = false;
  const deadline = editDeadline();
  for (const f of registry) {
    if (f.check && f.tabs.indexOf(tab) >= 0) {
      handled = true;
      changed += Number(f.check(ctx, tab, deadline)) || 0;
    }
  }
  if (!handled && otherwise) changed += otherwise(ctx);
  return changed;
}

/**
 * The owner's "Check this sheet": runCheckRules under the script lock (waiting as an edit
 * does), then the run's writes; `onBusy` answers when another run keeps the lock.
 */
export function dispatchCheck(ctx: RunContext, tab: TabKey, otherwise: ((ctx: RunContext) => number) | undefined, onBusy: () => number): number {
  return withLock(
    'script',
    EDIT_LOCK_WAIT_MS,
    () => {
      const changed = runCheckRules(ctx, tab, otherwise);
      ctx.finish();
      return changed;
    },
    onBusy,
  );
}

/**
 * Runs every feature's tick under the script lock; skips quietly if the previous tick still
 * holds it. Edits recorded while the tick ran are enforced before each feature (so none acts
 * on them first) and once more before the lock is released.
 */
export function dispatchTick(options: { full?: boolean } = {}): void {
  const started = Date.now();
  unwatchPlan();
  const props = PropertiesService.getScriptProperties();
  const all = props.getProperties();
  // The gate (gate.ts): nothing due, nothing marked — two service calls and done.
  const gate = options.full ? { full: true, replan: false, probe: false } : gateDecision(all, started);
  if (!gate.full && !gate.replan && !gate.probe) return;
  withLock(
    'script',
    10000,
    () => {
      // Calendar first, without the spreadsheet: changes there make this a tick of every feature.
      // The probes read the properties the gate read and their writes wait for the tick's own (run-properties.ts).
      if (gate.probe) holdProperties(all);
      let changed: boolean;
      try {
        changed = gate.probe && registry.some((f) => f.probe?.(started, all) === true);
      } catch (e) {
        releaseProperties();
        throw e;
      }
      if (changed || gate.full || !gate.probe) releaseProperties();
      if (changed) fullTick(props, all, started);
      else if (gate.full) fullTick(props, all, started, gate.only, gate.probe);
      else replanTick(props, all, gate.probe);
    },
    () => undefined,
  );
}

/**
 * Every feature's tick (or, `only`, those features': nothing else is due, gate.ts), then the
 * plan from the tabs they read.
 */
function fullTick(
  props: GoogleAppsScript.Properties.Properties,
  all: Record<string, string>,
  started: number,
  only?: string[],
  probed = false,
): void {
  beginWrites();
  const ctx = openContext();
  tickRun(ctx);
  const deadline = started + TICK_BUDGET_MS;
  let seen: PropertiesSeen | undefined = { all, at: started };
  // What the reports' feature itself wrote and logged (work for the reports alone, as in a
  // reports' tick), and what features that settle themselves did (Feature.settlesItself).
  let reportsWork = 0;
  for (const f of registry) {
    if (Date.now() > deadline) break;
    if (!f.tick || (only && only.indexOf(f.name) < 0)) continue;
    seen = drainDeferred(ctx, undefined, seen);
    const before = writesNoted() + ctx.logged();
    f.tick(ctx, deadline);
    if (f.name === REPORTS_FEATURE || f.settlesItself) reportsWork += writesNoted() + ctx.logged() - before;
  }
  drainDeferred(ctx);
  // Busy (the next tick goes on) when work other than the reports' was done, work was left or
  // the budget ran out, or an edit was applied (a mark re-plans everything). The reports' own
  // work is not: their next share waits for the next of their ticks (gate.ts reportInstant); nor
  // is a self-settling feature's (the calls': what it left, it says with leaveWork).
  const otherWork = writesNoted() + ctx.logged() - reportsWork > 0;
  const busy = workLeftIn(ctx) || Date.now() > deadline || markedIn(ctx) || otherWork;
  if (Date.now() <= deadline) archiveDaily(ctx);
  const due = planDue(ctx, inputsOfTabs(ctx, all), busy, busy, TICK_MS);
  const plan: Record<string, string> = {
    [NEXT]: String(due.next),
    [NEXT_OTHER]: String(due.other),
    [FULL]: String(nextLocalHour(ctx, FULL_PASS_HOUR)),
  };
  // Calendar was read back (by the calls' tick, or the probe before a reports' tick): the next read-back in half an hour.
  if (!only || probed) plan[READBACK] = String(ctx.now.getTime() + READBACK_MS);
  ctx.finish();
  syncMirrors(ctx.ss);
  // Under the lock: edits take the lock or defer, so no mark is lost here.
  props.setProperties(plan);
  if (isMarked(all)) props.deleteProperty(MARK);
  if (all[RETRY] !== undefined) props.deleteProperty(RETRY);
}

/**
 * After a mark (the edit applied its rules already) and/or a quiet Calendar probe: the plan
 * again from the due columns alone — no feature runs, no tab is read whole.
 */
function replanTick(props: GoogleAppsScript.Properties.Properties, all: Record<string, string>, probed: boolean): void {
  const plan: Record<string, string> = {};
  if (probed) plan[READBACK] = String(Date.now() + READBACK_MS);
  if (isMarked(all)) {
    const ctx = openContext();
    const due = planDue(ctx, inputsOfColumns(ctx, all), false, false, TICK_MS);
    plan[NEXT] = String(due.next);
    plan[NEXT_OTHER] = String(due.other);
  }
  // With what the probe kept (its Calendar token): one setProperties.
  releaseProperties(plan);
  if (isMarked(all)) props.deleteProperty(MARK);
}

const ARCHIVE_DAY = 'reglament.archive.day';

/** The first tick of each local day moves old finished Outbox rows and Log lines to the archive tabs (google/archive.ts). */
function archiveDaily(ctx: RunContext): void {
  const props = PropertiesService.getScriptProperties();
  const today = formatLocalDate(localDateOf(ctx.zone, ctx.now.getTime()));
  if (props.getProperty(ARCHIVE_DAY) === today) return;
  const owner = Session.getEffectiveUser().getEmail();
  const moved = archiveHistory(ctx.ss, ctx.sheets, ctx.zone, ctx.now, archiveDays(ctx.settings.archiveAfterDays), owner);
  ctx.invalidate('outbox');
  if (moved.outbox > 0 || moved.log > 0)
    ctx.log({ tab: ctx.sheets.get('outbox')?.getName() ?? 'Outbox', rowKey: '', action: archiveSummary(ctx.locale, moved), details: '' });
  props.setProperty(ARCHIVE_DAY, today);
}

export function dispatchSetup(ctx: RunContext): void {
  for (const f of registry) f.setup?.(ctx);
}

// ---------------------------------------------------------------------------------------
// Edits recorded while the lock was held

const DEFERRED = 'reglament.edit.deferred.';

interface DeferredEdit {
  sheet: string;
  row: number;
  col: number;
  numRows: number;
  numCols: number;
  user: string;
  at: string;
}

/** Records an edit for the run that holds the lock; a toast tells the person. No Log line: the Log is written under the lock only. */
function deferEdit(edit: TabEdit): void {
  const r = edit.range;
  const entry: DeferredEdit = {
    sheet: r.getSheet().getName(),
    row: r.getRow(),
    col: r.getColumn(),
    numRows: r.getNumRows(),
    numCols: r.getNumColumns(),
    user: edit.user,
    at: new Date().toISOString(),
  };
  const key = `${DEFERRED}${String(Date.now()).padStart(15, '0')}.${Math.random().toString(36).slice(2, 8)}`;
  PropertiesService.getScriptProperties().setProperty(key, JSON.stringify(entry));
  const ss = r.getSheet().getParent();
  const locale = ss.getSpreadsheetLocale().indexOf('en') === 0 ? 'en' : 'ru';
  ss.toast(say(locale, 'deferred'), say(locale, 'deferredTitle'));
}

/**
 * Enforces the recorded edits, oldest first, in a run that holds the lock. A cell edited
 * by several of them is judged once, for the last one (its value is what the sheet holds);
 * a cell of `current` (the edit this run is for) is that edit's.
 */
export function drainDeferred(ctx: RunContext, current?: Range, seen?: PropertiesSeen): PropertiesSeen | undefined {
  const props = PropertiesService.getScriptProperties();
  // Between a tick's features the properties are read again only after REREAD_MS: what lands
  // in between is drained before the next feature or, at the latest, by the last drain (which
  // always reads) — as an edit deferred a moment after any read would be.
  const fresh = seen !== undefined && Date.now() - seen.at < REREAD_MS;
  const now = Date.now();
  const all = fresh ? seen.all : props.getProperties();
  const keys = Object.keys(all)
    .filter((k) => k.indexOf(DEFERRED) === 0)
    .sort();
  if (keys.length === 0) return fresh ? seen : { all, at: now };
  const entries = keys.map((k) => parse(all[k]));
  // Newest first: a cell a later recorded edit covers is judged for that edit only.
  const claimed = new Set<string>();
  if (current) {
    const name = current.getSheet().getName();
    for (let r = current.getRow(); r < current.getRow() + current.getNumRows(); r++)
      for (let c = current.getColumn(); c < current.getColumn() + current.getNumColumns(); c++) claimed.add(`${name}!${r}:${c}`);
  }
  const runs: Array<{ edit: TabEdit; entry: DeferredEdit }> = [];
  for (let n = entries.length - 1; n >= 0; n--) {
    const entry = entries[n];
    if (!entry) continue;
    const sheet = ctx.ss.getSheetByName(entry.sheet);
    if (!sheet) continue;
    const mine: TabEdit[] = [];
    for (let r = entry.row; r < entry.row + entry.numRows; r++) {
      let start = -1;
      for (let c = entry.col; c <= entry.col + entry.numCols; c++) {
        const id = `${entry.sheet}!${r}:${c}`;
        const free = c < entry.col + entry.numCols && !claimed.has(id);
        if (free && start < 0) start = c;
        if (!free && start >= 0) {
          const range = sheet.getRange(r, start, 1, c - start);
          const edit = resolveEdit({ range, source: ctx.ss } as unknown as GoogleAppsScript.Events.SheetsOnEdit, entry.user);
          if (edit) mine.push(edit);
          start = -1;
        }
        if (c < entry.col + entry.numCols) claimed.add(id);
      }
    }
    for (const edit of mine.reverse()) runs.unshift({ edit, entry });
  }
  for (const { edit, entry } of runs) {
    ctx.log({
      tab: entry.sheet,
      rowKey: `#${edit.range.getRow()}`,
      action: say(ctx.locale, 'deferredLabel'),
      details: entry.at,
      user: entry.user,
    });
    runEditRules(ctx, edit);
  }
  for (const k of keys) props.deleteProperty(k);
  return undefined;
}

/** The script properties as read at `at` (ms). */
export interface PropertiesSeen {
  all: Record<string, string>;
  at: number;
}
const REREAD_MS = 2000;

function parse(text: string): DeferredEdit | null {
  try {
    return JSON.parse(text) as DeferredEdit;
  } catch (e) {
    return null;
  }
}
