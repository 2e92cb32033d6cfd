/**
 * The gated tick (issue 15): a 5-minute tick with nothing due and nothing changed reads
 * one script property list and returns — two service calls, no spreadsheet read.
 *
 * What a full tick leaves behind (script properties, one setProperties):
 * - NEXT: the next instant anything is due — the earliest Due of a Pending Outbox row (the
 *   calls' reminders, any mail queued for later, a send to retry), the earliest Report due of
 *   a Selections row without its report less Settings "Report lead minutes" (then every
 *   half of the lead time and the deadline, reportInstant: the reports are spread over those
 *   ticks, each of which reads the tabs), the daily 09:00 (deadline
 *   reminders, the digest), the instants a late report's quiet spell ends (WAKE, a reports'
 *   tick: features/schedules/rules/open-reports.ts), the end of a Calendar pause
 *   (calendar-pause.ts), and the very next tick when this one did any work or was cut
 *   short (retries, a calendar catch-up, a half-sent batch: work goes on until a tick finds
 *   nothing to do).
 * - NEXT_OTHER: the same without the calling reports' instants. While only reports are due
 *   (NEXT reached, NEXT_OTHER not, nothing waiting or marked) a tick runs the reports' feature
 *   alone (REPORTS_FEATURE): 17:00–18:00 spreads the reports over its ticks, and none of them
 *   needs Calls, Candidates or the Outbox's other mail. A read-back due then is probed first:
 *   only when Calendar shows changes does every feature run. Its plan is
 *   computed afresh from the whole Outbox and Selections, so NEXT_OTHER never goes stale.
 * - READBACK: when people's changes in Google Calendar (which fire no trigger) are next read
 *   back — every READBACK_MS, by a probe: one incremental list; only when it returns changes
 *   does the tick run in full (with what the probe read).
 * - FULL: the next full pass at FULL_PASS_HOUR local time, which also catches what no
 *   trigger saw (script writes and imports fire no onEdit; "Check this sheet" does the same
 *   on demand).
 *
 * Every edit and UI action that runs the rules marks the plan (MARK). The edit has applied its
 * rules to its rows already (mails queued, events written), so what a mark changes is only
 * *when* things are due: the tick after it re-plans (reads the Outbox's and the Selections'
 * due columns, not the tabs) instead of running every feature. An edit that left work undone
 * (a calendar limit, the edit's time budget) says so with RETRY, which opens a full tick, as do
 * edits waiting for the lock, queued sidebar actions and mails in flight.
 *
 * Why the gate cannot skip due work: every source of due work is either an instant in NEXT
 * (computed from the tabs after the features ran, or re-planned from their due columns after
 * a mark) or a property the gate sees; anything else (a script write, a changed Setting
 * through an API) waits at most until the full pass. Ticks run every 5 minutes, so work due at
 * T is done by the first tick at or after T, as before.
 */
import { addDays, instantAt, isDate, localDateOf } from '../core/time';
import { findChoice, OUTBOX_STATES, TabKey } from '../core/schema';
import { parseLeadMinutes } from '../core/settings';
import { RunContext } from './context';
import { pauseEnd } from './calendar-pause';
import { cell, isLoaded, readColumn, readTabBlock, TabData } from '../google/workbook';
import { armPlanMark, takeArmedMark, takePlanWatch } from './plan-watch';
import { releaseProperties, runProperties } from './run-properties';

export const NEXT = 'reglament.plan.next';
/** NEXT without the calling reports' instants: until it is reached, a tick for reports runs the reports' feature alone. */
export const NEXT_OTHER = 'reglament.plan.nextOther';
/** The feature that sends the calling reports (features/schedules): the one a reports' tick runs. */
export const REPORTS_FEATURE = 'schedules';
export const FULL = 'reglament.plan.full';
export const MARK = 'reglament.plan.marked';
export const READBACK = 'reglament.plan.readback';
/** An edit or UI action left work for a tick (a calendar limit, its time budget): the next tick runs in full. */
export const RETRY = 'reglament.plan.retry';
/** Instants something becomes due that no tab column shows (a late report's quiet period ending): JSON list of ms. */
export const WAKE = 'reglament.plan.wake';
/** Local hour of the daily full pass. */
export const FULL_PASS_HOUR = 3;
/** People's changes in Google Calendar are read back at least this often. */
export const READBACK_MS = 30 * 60000;
const DAILY_HOUR = 9;
const SLACK_MS = 60000;
/** Properties whose presence means work waits: edits deferred, sidebar actions queued, mail in flight, hot leads to send. */
const WAITING = ['reglament.edit.deferred.', 'reglament.ui.queue.', 'outbox.inFlight.', 'reglament.hotLeads', RETRY];

/** What a tick does: nothing, re-plan after a mark and/or probe Calendar, or run every feature (or, `only`, these). */
export interface GateDecision {
  full: boolean;
  replan: boolean;
  probe: boolean;
  /** Only these features' ticks run: nothing but calling reports is due (17:00–18:00 spreads them over the ticks). */
  only?: string[];
}

/** What this tick has to do, decided from the script properties alone. */
export function gateDecision(all: Record<string, string>, nowMs: number): GateDecision {
  const FULL_TICK = { full: true, replan: false, probe: false };
  const next = Number(all[NEXT]);
  const full = Number(all[FULL]);
  const readback = Number(all[READBACK]);
  if (!Number.isFinite(next) || !Number.isFinite(full) || !Number.isFinite(readback)) return FULL_TICK;
  // Google starts a 5-minute trigger anywhere within its minute: a minute's slack.
  const reached = (ms: number) => ms <= nowMs + SLACK_MS;
  if (reached(full)) return FULL_TICK;
  const waiting = Object.keys(all).some((k) => WAITING.some((w) => k.indexOf(w) === 0));
  if (reached(next)) {
    // Only reports due (NEXT_OTHER not reached, nothing waiting, no mark): their feature alone, after
    // the Calendar probe when a read-back is due (changes there: every feature, dispatch.ts).
    // A mark may have made anything due since NEXT_OTHER was planned: then every feature runs.
    const other = Number(all[NEXT_OTHER]);
    const reportsOnly = Number.isFinite(other) && !reached(other) && !waiting && !isMarked(all);
    return reportsOnly ? { ...FULL_TICK, probe: reached(readback), only: [REPORTS_FEATURE] } : FULL_TICK;
  }
  if (waiting) return FULL_TICK;
  return { full: false, replan: isMarked(all), probe: reached(readback) };
}

/** Does this tick have anything to do? */
export function gateOpen(all: Record<string, string>, nowMs: number): boolean {
  const d = gateDecision(all, nowMs);
  return d.full || d.replan || d.probe;
}

const marked = new WeakSet<RunContext>();
const inTick = new WeakSet<RunContext>();

const deferredMark = new WeakSet<RunContext>();

/**
 * An edit's run whose own plan settles at its end (settleEditPlan): its mark waits until it reads
 * the Outbox or Selections (plan-watch.ts armPlanMark) and is otherwise written with the run's last
 * setProperties. An edit that reads neither (a calling result, an order's Vacancy) writes nothing
 * the plan reads, so a kill before its end leaves nothing to re-plan. Not for an edit of a tab in
 * REPLAN_AFTER (what it changes is in no row) or one that drains others' edits.
 */
export function deferMark(ctx: RunContext, all: Record<string, string>, tab: TabKey): void {
  if (REPLAN_AFTER.indexOf(tab) < 0 && !Object.keys(all).some((k) => k.indexOf(DEFERRED_EDIT) === 0)) deferredMark.add(ctx);
}

const DEFERRED_EDIT = 'reglament.edit.deferred.';

/** An edit or UI action changed what may be due: the next tick re-plans (one property per run). */
export function markPlan(ctx: RunContext): void {
  if (marked.has(ctx)) return;
  marked.add(ctx);
  // A tick re-plans at its own end: its drained edits need no property.
  if (inTick.has(ctx)) return;
  const value = String(ctx.now.getTime());
  const write = () => void PropertiesService.getScriptProperties().setProperty(MARK, value);
  if (!deferredMark.has(ctx) || !armPlanMark({ [MARK]: value }, write)) write();
}

const left = new WeakSet<RunContext>();

/** A feature left work (a calendar limit, its time budget): after an edit or UI action the next tick runs in full; a tick that left some is busy. */
export function leaveWork(ctx: RunContext): void {
  if (left.has(ctx)) return;
  left.add(ctx);
  if (!inTick.has(ctx)) PropertiesService.getScriptProperties().setProperty(RETRY, String(ctx.now.getTime()));
}

/** Did a feature of this run leave work (leaveWork)? A tick that did is busy: the next one goes on. */
export function workLeftIn(ctx: RunContext): boolean {
  return left.has(ctx);
}

/** This run is a tick: marks are noted in memory, and the tick's plan accounts for them. */
export function tickRun(ctx: RunContext): void {
  inTick.add(ctx);
}

/** Did this run apply an edit (its own or drained)? */
export function markedIn(ctx: RunContext): boolean {
  return marked.has(ctx);
}

/** What the plan is computed from: the Outbox's and the Selections' due columns (whole tabs or just those columns). */
export interface PlanInputs {
  /** Per Outbox row: its State cell and its Due cell. */
  outbox: Array<{ state: unknown; due: unknown }>;
  /** Per Selections row: its Report due and Report sent at cells. */
  reports: Array<{ due: unknown; sent: unknown }>;
  /** Instants every feature's tick is due (the end of a Calendar pause). */
  wakes: number[];
  /** Instants the reports' tick is due (WAKE: a late report's quiet spell ending): NEXT, not NEXT_OTHER. */
  reportWakes: number[];
}

/** The WAKE instants in the script properties (a damaged value reads as none). */
export function wakesOf(all: Record<string, string>): number[] {
  try {
    const list = JSON.parse(all[WAKE] ?? '[]') as unknown;
    return Array.isArray(list) ? list.map(Number).filter((n) => Number.isFinite(n)) : [];
  } catch {
    return [];
  }
}

/** The WAKE value `current` (the property as read) becomes with `ms` added (a tick then; past instants dropped, at most WAKE_MAX). */
export function wakesWith(current: string | null, ms: number): string {
  const now = Date.now();
  const list = wakesOf({ [WAKE]: current ?? '[]' }).filter((x) => x > now);
  list.push(ms);
  list.sort((a, b) => a - b);
  return JSON.stringify(list.slice(0, WAKE_MAX));
}
const WAKE_MAX = 100;

/** The next instant a tick has work, from what this tick read and did. */
export function nextDue(ctx: RunContext, inputs: PlanInputs, busy: boolean, tickMs: number): number {
  return planDue(ctx, inputs, busy, busy, tickMs).next;
}

/**
 * The next instant a tick has work (`next`), and the same without the calling reports'
 * instants (`other`, NEXT_OTHER). `busy`: the tick did work, so the next goes on; `busyOther`:
 * work that is not the reports' (a reports' tick that only sent reports is busy for reports).
 */
export function planDue(
  ctx: RunContext,
  inputs: PlanInputs,
  busy: boolean,
  busyOther: boolean,
  tickMs: number,
): { next: number; other: number } {
  const now = ctx.now.getTime();
  let other = nextLocalHour(ctx, DAILY_HOUR);
  const take = (ms: number) => {
    if (ms < other) other = ms;
  };
  if (busyOther) take(now + 1);
  for (const ms of inputs.wakes) if (ms > now) take(ms);
  for (const row of inputs.outbox) {
    const state = findChoice(OUTBOX_STATES, String(row.state ?? ''))?.key;
    // A Pending row already due (a retry, a quota) is the next tick's.
    if ((state === 'pending' || state === undefined) && isDate(row.due)) take(Math.max(row.due.getTime(), now + tickMs));
  }
  // Reports with results go from the lead time before their deadline, a share each tick.
  let next = other;
  const report = (ms: number) => {
    if (ms < next) next = ms;
  };
  if (busy) report(now + 1);
  for (const ms of inputs.reportWakes) if (ms > now) report(ms);
  const lead = parseLeadMinutes(ctx.settings.reportLeadMinutes) ?? 60 * 60000;
  // The grid point the next tick reaches (it starts up to a minute late: SLACK_MS), not the one after it.
  for (const r of inputs.reports) {
    if (isDate(r.due) && r.due.getTime() > now && !isDate(r.sent)) report(reportInstant(r.due.getTime(), lead, now + tickMs - SLACK_MS));
  }
  return { next, other };
}

/**
 * The reports' ticks in a lead time: each costs the tabs' reads (~8 s at 2,000 orders), so a share
 * every half of it, not every tick. Two are enough: at 4,000 orders a share is ~210 reports, about
 * two minutes of MailApp, well inside a tick's budget (a share cut short goes on the next tick).
 */
export const REPORT_TICKS = 2;

/** The step between the reports' ticks of a lead time (a multiple of the tick, at least one). */
export function reportStepMs(leadMs: number): number {
  return Math.max(TICK_MS, Math.floor(leadMs / REPORT_TICKS / TICK_MS) * TICK_MS);
}

/**
 * The first instant at or after `from` on the grid of a report's ticks: the lead time's start,
 * every reportStepMs after it, and the deadline itself (a day without results is alerted then).
 */
export function reportInstant(dueMs: number, leadMs: number, from: number): number {
  const start = dueMs - leadMs;
  if (from <= start) return start;
  const step = reportStepMs(leadMs);
  return Math.min(start + Math.ceil((from - start) / step) * step, dueMs);
}

/** The plan's inputs from tabs a full tick has read. */
export function inputsOfTabs(ctx: RunContext, all: Record<string, string>): PlanInputs {
  const outbox = ctx.tab('outbox');
  const selections = ctx.tab('selections');
  return {
    outbox: outbox ? outbox.rows.map((row) => ({ state: cell(outbox, row, 'state'), due: cell(outbox, row, 'due') })) : [],
    reports: selections
      ? selections.rows.map((row) => ({ due: cell(selections, row, 'reportDue'), sent: cell(selections, row, 'reportSentAt') }))
      : [],
    wakes: pauseWake(ctx, all),
    reportWakes: wakesOf(all),
  };
}

/** When a Calendar pause ends (calendar-pause.ts) a tick tries the writes that waited. */
function pauseWake(ctx: RunContext, all: Record<string, string>): number[] {
  const end = pauseEnd(ctx, all);
  return end === null ? [] : [end];
}

/** The plan's inputs read as columns only (the tick after a mark): the header and two columns of each tab. */
export function inputsOfColumns(ctx: RunContext, all: Record<string, string>): PlanInputs {
  const pairs = (key: 'outbox' | 'selections', a: string, b: string) => {
    const shell = readTabBlock(ctx.sheets.get(key), key, 0, -1);
    if (!shell || shell.rows.length === 0) return [];
    const first = readColumn(shell, a);
    const second = readColumn(shell, b);
    return first.map((v, i) => [v, second[i]]);
  };
  return {
    outbox: pairs('outbox', 'state', 'due').map(([state, due]) => ({ state, due })),
    reports: pairs('selections', 'reportDue', 'reportSentAt').map(([due, sent]) => ({ due, sent })),
    wakes: pauseWake(ctx, all),
    reportWakes: wakesOf(all),
  };
}

/** Edits of these tabs change what is due in ways the edited rows do not show (a lead time, a person's Outbox or Selections cell): the tick after re-plans. */
const REPLAN_AFTER: readonly TabKey[] = ['outbox', 'selections', 'settings', 'holidays'];

/**
 * An edit's run re-plans itself, under the lock, at its end: everything due is an Outbox or a
 * Selections row or a WAKE instant, and every such row the run wrote is among the rows it holds
 * (plan-watch.ts), so NEXT and NEXT_OTHER become the earlier of the plan and those rows, and the
 * mark goes: the tick after has nothing to re-plan. What an edit cancelled can only leave NEXT
 * early (a tick then finds nothing), never late. Left as marked (the tick re-plans from the due
 * columns): an edit of a tab in REPLAN_AFTER, one that left work or drained others' edits, a
 * mark already waiting, a plan not made yet. A run killed before this leaves its mark when it had
 * read the Outbox or Selections (deferMark); one that read neither wrote nothing the plan reads.
 */
export function settleEditPlan(ctx: RunContext, all: Record<string, string> | undefined, tab: TabKey): void {
  const armed = takeArmedMark();
  const watch = takePlanWatch();
  // Not settled: a mark still waiting to be written goes with the run's last setProperties.
  const unsettled = () => void (Object.keys(armed).length && runProperties().setProperties(armed));
  if (!watch || !all || !marked.has(ctx) || left.has(ctx) || REPLAN_AFTER.indexOf(tab) >= 0) return unsettled();
  if (isMarked(all) || Object.keys(all).some((k) => k.indexOf(DEFERRED_EDIT) === 0)) return unsettled();
  const next = Number(all[NEXT]);
  const other = Number(all[NEXT_OTHER]);
  if (!Number.isFinite(next) || !Number.isFinite(other)) return unsettled();
  // A Calendar pause this edit began (a refusal) ends with a tick: its writes wait for that one.
  const due = planDue(ctx, inputsOfWatch(watch.tabs, pauseWake(ctx, all), watch.wakes), false, false, TICK_MS);
  // The mark becomes SETTLED in the same write (one call, not a setProperties and a deleteProperty),
  // with what the run's modules wrote to its held properties (run-properties.ts).
  releaseProperties({
    [NEXT]: String(Math.min(next, due.next)),
    [NEXT_OTHER]: String(Math.min(other, due.other)),
    [MARK]: SETTLED,
  });
}

/** MARK's value once the edit that set it re-planned itself: no mark. */
export const SETTLED = 'settled';

/** Is a mark waiting (an edit or UI action that did not re-plan itself)? */
export function isMarked(all: Record<string, string>): boolean {
  return all[MARK] !== undefined && all[MARK] !== SETTLED;
}

/** The plan's inputs from the rows an edit's run holds (rows it did not read are skipped). */
function inputsOfWatch(tabs: readonly TabData[], wakes: number[], reportWakes: number[]): PlanInputs {
  const inputs: PlanInputs = { outbox: [], reports: [], wakes, reportWakes };
  for (const tab of tabs)
    for (const row of tab.rows) {
      if (!isLoaded(row)) continue;
      if (tab.def.key === 'outbox') inputs.outbox.push({ state: cell(tab, row, 'state'), due: cell(tab, row, 'due') });
      else inputs.reports.push({ due: cell(tab, row, 'reportDue'), sent: cell(tab, row, 'reportSentAt') });
    }
  return inputs;
}

/** The tick's interval (installed by setup): work due now that a tick did not finish is the next one's. */
export const TICK_MS = 5 * 60000;

/** The next instant the zone's clock shows `hour`:00, after now. */
export function nextLocalHour(ctx: RunContext, hour: number): number {
  const now = ctx.now.getTime();
  const today = localDateOf(ctx.zone, now);
  const at = instantAt(ctx.zone, today, hour);
  return at > now ? at : instantAt(ctx.zone, addDays(today, 1), hour);
}
