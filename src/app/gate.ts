/**
 * The gated tick (issue 15): a 5-minute tick with nothing due and nothing changed reads
 * one script property list and returns — two service calls, no spreadsheet read.
 *
 * What a full tick leaves behind (script properties, one setProperties):
 * - NEXT: the next instant anything is due — the earliest Due of a Pending Outbox row (the
 *   calls' reminders, any mail queued for later), the earliest Report due of a Selections
 *   row without its report less Settings "Report lead minutes" (then every tick until the
 *   deadline: the reports are spread over them), the daily 09:00 (deadline reminders, the digest), the calendar
 *   read-back (people's changes in Google Calendar fire no trigger: read every
 *   READBACK_MS), AFTER_MARK_MS after an edit (reports wait QUIET_MS for HR to stop adding
 *   results), and the very next tick when this one did any work or was cut short (retries,
 *   a calendar catch-up, a half-sent batch: work goes on until a tick finds nothing to do).
 * - FULL: the next full pass at FULL_PASS_HOUR local time, which also catches what no
 *   trigger saw (script writes and imports fire no onEdit).
 * Every edit and UI action that runs the rules marks the plan (MARK); edits waiting for the
 * lock, queued sidebar actions and mails in flight have properties of their own. Any of
 * them, a missing NEXT, or NEXT/FULL reached opens the gate.
 *
 * Why the gate cannot skip due work: every source of due work is either an instant in NEXT
 * (computed from the tabs the full tick just read, after its features ran) or a property the
 * gate sees; anything else (a script write, a changed Setting through an API) waits at most
 * until the full pass. Ticks run every 5 minutes, so work due at T is done by the first tick
 * at or after T, as before.
 */
import { addDays, instantAt, isDate, localDateOf } from '../core/time';
import { findChoice, OUTBOX_STATES } from '../core/schema';
import { parseLeadMinutes } from '../core/settings';
import { RunContext } from './context';
import { cell } from '../google/workbook';

export const NEXT = 'reglament.plan.next';
export const FULL = 'reglament.plan.full';
export const MARK = 'reglament.plan.marked';
/** Local hour of the daily full pass. */
export const FULL_PASS_HOUR = 3;
/** People's changes in Google Calendar are read back at least this often. */
export const READBACK_MS = 30 * 60000;
/** After an edit, ticks keep running this long (reports wait 30 min for results to settle). */
export const AFTER_MARK_MS = 35 * 60000;
const DAILY_HOUR = 9;
const SLACK_MS = 60000;
/** Properties whose presence means work waits: edits deferred, sidebar actions queued, mail in flight, hot leads to send. */
const WAITING = ['reglament.edit.deferred.', 'reglament.ui.queue.', 'outbox.inFlight.', 'reglament.hotLeads'];

/** Does this tick have anything to do? Decided from the script properties alone. */
export function gateOpen(all: Record<string, string>, nowMs: number): boolean {
  if (all[MARK] !== undefined) return true;
  const next = Number(all[NEXT]);
  const full = Number(all[FULL]);
  if (!Number.isFinite(next) || !Number.isFinite(full)) return true;
  // Google starts a 5-minute trigger anywhere within its minute: a minute's slack.
  if (next <= nowMs + SLACK_MS || full <= nowMs + SLACK_MS) return true;
  return Object.keys(all).some((k) => WAITING.some((w) => k.indexOf(w) === 0));
}

const marked = new WeakSet<RunContext>();
const inTick = new WeakSet<RunContext>();

/** An edit or UI action changed what may be due: the next tick re-plans (one property per run). */
export function markPlan(ctx: RunContext): void {
  if (marked.has(ctx)) return;
  marked.add(ctx);
  // A tick re-plans at its own end: its drained edits need no property.
  if (!inTick.has(ctx)) PropertiesService.getScriptProperties().setProperty(MARK, String(ctx.now.getTime()));
}

/** This run is a tick: marks are noted in memory, and the tick's plan accounts for them. */
export function tickRun(ctx: RunContext): void {
  inTick.add(ctx);
}

/** Did this run apply an edit (its own or drained)? */
export function markedIn(ctx: RunContext): boolean {
  return marked.has(ctx);
}

/** The next instant a tick has work, from what this full tick read and did. */
export function nextDue(ctx: RunContext, busy: boolean, wasMarked: number | null, tickMs: number): number {
  const now = ctx.now.getTime();
  let next = now + READBACK_MS;
  const take = (ms: number) => {
    if (ms < next) next = ms;
  };
  if (busy) take(now + 1);
  if (wasMarked !== null) take(Math.max(wasMarked, now) + AFTER_MARK_MS);
  const outbox = ctx.tab('outbox');
  if (outbox)
    for (const row of outbox.rows) {
      const state = findChoice(OUTBOX_STATES, String(cell(outbox, row, 'state') ?? ''))?.key;
      const due = cell(outbox, row, 'due');
      // A Pending row already due (a retry, a quota) is the next tick's.
      if ((state === 'pending' || state === undefined) && isDate(due)) take(Math.max(due.getTime(), now + tickMs));
    }
  const selections = ctx.tab('selections');
  // Reports with results go from the lead time before their deadline, a share each tick.
  const lead = parseLeadMinutes(ctx.settings.reportLeadMinutes) ?? 60 * 60000;
  if (selections)
    for (const row of selections.rows) {
      const due = cell(selections, row, 'reportDue');
      const sent = cell(selections, row, 'reportSentAt');
      if (isDate(due) && due.getTime() > now && !isDate(sent)) take(Math.max(due.getTime() - lead, now + tickMs));
    }
  take(nextLocalHour(ctx, DAILY_HOUR));
  return next;
}

/** The next instant the zone's clock shows `hour`:00, after now. */
export function nextLocalHour(ctx: RunContext, hour: number): number {
  const now = ctx.now.getTime();
  const today = localDateOf(ctx.zone, now);
  const at = instantAt(ctx.zone, today, hour);
  return at > now ? at : instantAt(ctx.zone, addDays(today, 1), hour);
}
