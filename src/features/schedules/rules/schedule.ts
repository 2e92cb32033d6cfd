/**
 * The selection / calling schedule of a handed-off order (docs/DOMAIN.md §4, seed 000 Table 1).
 *
 * Readings (all dates in the spreadsheet's zone, working days per the WorkCalendar):
 * - Receipt. HR "receives" an order on a working day before the end of the working day
 *   (default 18:00). A receipt at or after that time, or on a day off, counts as received at
 *   the start of the next working day: Friday 19:00, Saturday and Sunday all count as Monday.
 *   A receipt entered as a bare date (midnight) counts as that day.
 * - First selection: the 2nd working day after the (effective) receipt day, not counting the
 *   receipt day itself: received Monday → Wednesday; Friday 10:00 → Tuesday; Friday 19:00 or
 *   Sunday → Wednesday. Not before the paid period starts (then: its first working day).
 *   Individual terms may set an agreed first date instead; it is used (moved to a working
 *   day) unless it falls before the effective receipt day, which is reported.
 * - Next selections: the selection weekdays (Settings, default Mon and Thu; or the weekdays
 *   HR agreed). A weekday that is not a working day moves to the next working day (docs/DOMAIN.md §4.5).
 *   A candidate is taken only if it is at least 2 working days after the previous selection,
 *   i.e. workingDaysBetween(prev, next) ≥ 2 — there is a whole working day (the calling day)
 *   between them. First selection on Tuesday → Thursday is 2 working days later → allowed;
 *   first on Wednesday → Thursday (1) is skipped, the next is Monday.
 * - Until the paid period ends: every selection date is ≤ the last paid day; the calling day
 *   of the last selection may fall after it (it completes a paid selection).
 * - Calling day: the next working day after the selection ("через один рабочий день" read as
 *   docs/DOMAIN.md §4.6 does). Report due: that day at the Report deadline setting (18:00) in the zone.
 * - A plan stops at 600 selections (a mistyped "Paid to" year) and reports it.
 *
 * Re-planning keeps what is done: rows ticked Done, and any row numbered before the last
 * done one, stay as they are; the rest is planned again after the last done selection and
 * numbered after it. See replan / replanOrder.
 *
 * Speed: planning is a few table lookups per selection; the report-due instant is cached
 * per calling day inside a planner, so planMany over 10,000 orders × a year asks the zone
 * once per distinct calling day. Wrap the zone's offsetAt in cachedOffsets as well.
 */
import { WorkCalendar, weekdayOfDayNumber } from '../../../core/workdays';
import { ClockTime } from '../../../core/weekdays';
import { Problem } from '../../../core/i18n';
import { ScheduleMessageKey, scheduleProblems } from './messages';
import { dayNumber, formatLocalDate, fromDayNumber, instantAt, LocalDate, wallClockOf, Zone } from '../../../core/time';

export interface ScheduleTerms {
  /** ISO weekdays 1 = Monday … 7 = Sunday (parseSelectionWeekdays). */
  weekdays: readonly number[];
  /** Individual terms: the first selection date HR agreed. */
  firstSelectionDate?: LocalDate;
}

export interface PlanInput {
  /** The instant HR received the handed-off order (Orders "HR received"). */
  receivedAt: number;
  paidFrom?: LocalDate;
  /** The last paid day (Orders "Paid to"). */
  paidTo: LocalDate;
  terms: ScheduleTerms;
  /** Continue after this selection (the last one done) instead of planning from receipt. */
  after?: { number: number; selectionDate: LocalDate };
}

export interface PlanContext {
  calendar: WorkCalendar;
  zone: Zone;
  /** Settings "Report deadline"; default 18:00. */
  reportDeadline?: ClockTime;
  /** Receipts at or after this time count from the next working day; default 18:00. */
  workdayEnd?: ClockTime;
  /** Minimum working days between selections; default 2. */
  minGap?: number;
}

export interface PlannedSelection {
  number: number;
  selectionDate: LocalDate;
  callingDate: LocalDate;
  /** Instant (ms) the calling report is due: the calling day at the report deadline. */
  reportDue: number;
}

export interface Plan {
  rows: PlannedSelection[];
  /** The working day the order counts as received. */
  receivedOn: LocalDate;
  problems: Problem<ScheduleMessageKey>[];
}

// --- the engine ---

/** A guard against a mistyped year in "Paid to": about six years of two selections a week. */
const MAX_ROWS = 600;
const EIGHTEEN: ClockTime = { hour: 18, minute: 0 };
const before = (a: ClockTime, b: ClockTime) => a.hour * 60 + a.minute < b.hour * 60 + b.minute;

export interface Planner {
  plan(input: PlanInput): Plan;
}

/** A planner for one calendar/zone/settings; it caches report-due instants per calling day. */
export function schedulePlanner(ctx: PlanContext): Planner {
  const cal = ctx.calendar;
  const deadline = ctx.reportDeadline ?? EIGHTEEN;
  const workdayEnd = ctx.workdayEnd ?? EIGHTEEN;
  const gap = ctx.minGap ?? 2;
  const dueCache = new Map<number, number>();
  // Orders share their dates: one frozen LocalDate per day saves building Dates per row.
  const dateCache = new Map<number, LocalDate>();
  const dateOf = (n: number): LocalDate => {
    let date = dateCache.get(n);
    if (date === undefined) {
      date = Object.freeze(fromDayNumber(n));
      dateCache.set(n, date);
    }
    return date;
  };

  const reportDue = (callingDay: number): number => {
    let due = dueCache.get(callingDay);
    if (due === undefined) {
      due = instantAt(ctx.zone, dateOf(callingDay), deadline.hour, deadline.minute);
      dueCache.set(callingDay, due);
    }
    return due;
  };

  /** The working day the order counts as received on. */
  const receivedDay = (receivedAt: number): number => {
    const w = wallClockOf(ctx.zone, receivedAt);
    const n = dayNumber(w);
    return cal.isWorkingDayNumber(n) && before(w, workdayEnd) ? n : cal.addWorkingDaysNumber(n, 1);
  };

  /** The next selection after `prev` on a selection weekday, at least `gap` working days later. */
  const nextSelection = (prev: number, onWeekday: readonly boolean[]): number => {
    const earliest = cal.addWorkingDaysNumber(prev, gap);
    for (let c = prev + 1; ; c++) {
      if (!onWeekday[weekdayOfDayNumber(c)]) continue;
      const moved = cal.workingDayOnOrAfterNumber(c);
      if (moved >= earliest) return moved;
      c = Math.max(c, moved); // candidates up to `moved` all move to it or earlier
    }
  };

  return {
    plan(input: PlanInput): Plan {
      const problems: Problem<ScheduleMessageKey>[] = [];
      const onWeekday: boolean[] = new Array(8).fill(false);
      for (const w of input.terms.weekdays) if (w >= 1 && w <= 7) onWeekday[w] = true;
      if (!onWeekday.some((x) => x)) throw new RangeError('planSelections: no selection weekdays');

      const received = receivedDay(input.receivedAt);
      let first = cal.addWorkingDaysNumber(received, 2);
      const agreed = input.terms.firstSelectionDate;
      if (agreed) {
        const a = cal.workingDayOnOrAfterNumber(dayNumber(agreed));
        if (a >= received) first = a;
        else
          problems.push(
            scheduleProblems.warning('agreedFirstDateBeforeReceipt', {
              agreed: formatLocalDate(agreed),
              received: formatLocalDate(fromDayNumber(received)),
              first: formatLocalDate(fromDayNumber(first)),
            }),
          );
      }
      if (input.paidFrom) {
        const start = cal.workingDayOnOrAfterNumber(dayNumber(input.paidFrom));
        if (first < start) {
          first = start;
          problems.push(
            scheduleProblems.warning('firstSelectionMovedToPaidPeriod', {
              first: formatLocalDate(fromDayNumber(first)),
              paidFrom: formatLocalDate(input.paidFrom),
            }),
          );
        }
      }

      const last = dayNumber(input.paidTo);
      let number = 1;
      let sel = first;
      if (input.after) {
        // Everything up to the last done selection is settled; continue after it.
        const anchor = dayNumber(input.after.selectionDate);
        number = input.after.number + 1;
        if (first < cal.addWorkingDaysNumber(anchor, gap)) sel = nextSelection(anchor, onWeekday);
      }

      const rows: PlannedSelection[] = [];
      if (sel > last && !input.after) {
        problems.push(
          scheduleProblems.problem('paidPeriodBeforeFirstSelection', {
            paidTo: formatLocalDate(input.paidTo),
            first: formatLocalDate(fromDayNumber(sel)),
          }),
        );
      }
      while (sel <= last) {
        if (rows.length === MAX_ROWS) {
          problems.push(scheduleProblems.warning('paidPeriodTooLong', { max: MAX_ROWS, paidTo: formatLocalDate(input.paidTo) }));
          break;
        }
        const calling = cal.addWorkingDaysNumber(sel, 1);
        rows.push({ number: number++, selectionDate: dateOf(sel), callingDate: dateOf(calling), reportDue: reportDue(calling) });
        sel = nextSelection(sel, onWeekday);
      }
      return { rows, receivedOn: dateOf(received), problems };
    },
  };
}

/** Plans one order. For many orders, reuse one schedulePlanner (or planMany). */
export function planSelections(input: PlanInput, ctx: PlanContext): Plan {
  return schedulePlanner(ctx).plan(input);
}

/**
 * Plans many orders with one planner: the entry point for the benchmark ("10,000 orders for
 * a year"): build the WorkCalendar once, wrap the zone's offsetAt in cachedOffsets, call this.
 */
export function planMany(inputs: readonly PlanInput[], ctx: PlanContext): Plan[] {
  const planner = schedulePlanner(ctx);
  return inputs.map((i) => planner.plan(i));
}

// --- re-planning ---

/** A Selections row of one order as the adapter reads it. */
export interface ExistingSelection {
  number: number;
  selectionDate: LocalDate;
  callingDate: LocalDate;
  /** Instant (ms) in the Report due cell, if any. */
  reportDue?: number;
  done: boolean;
}

/** Minimal changes to one order's Selections rows, keyed by selection number. */
export interface SelectionChanges {
  /** Rows left exactly as they are (done, before the last done, or unchanged). */
  keep: number[];
  /** New rows to append. */
  add: PlannedSelection[];
  /** Existing rows (by number) whose dates / report due change to these values. */
  update: PlannedSelection[];
  /** Existing rows (by number) no longer in the plan. */
  remove: number[];
}

/** The last done selection: re-planning continues after it. */
export function anchorOf(existing: readonly ExistingSelection[]): { number: number; selectionDate: LocalDate } | undefined {
  let number = 0;
  let date: LocalDate | undefined;
  for (const row of existing) {
    if (!row.done) continue;
    number = Math.max(number, row.number);
    if (!date || dayNumber(row.selectionDate) > dayNumber(date)) date = row.selectionDate;
  }
  return date ? { number, selectionDate: date } : undefined;
}

const sameDay = (a: LocalDate, b: LocalDate) => a.year === b.year && a.month === b.month && a.day === b.day;

/**
 * Compares existing rows with a new plan made with `after: anchorOf(existing)`. Done rows
 * and rows numbered at or before the last done one are kept untouched; the rest are
 * matched by number: same values → keep, other values → update, missing → add/remove.
 */
export function replan(existing: readonly ExistingSelection[], newPlan: readonly PlannedSelection[]): SelectionChanges {
  const anchor = anchorOf(existing);
  const settledUpTo = anchor ? anchor.number : 0;
  const out: SelectionChanges = { keep: [], add: [], update: [], remove: [] };
  const open = new Map<number, ExistingSelection>();
  for (const row of existing) {
    if (row.done || row.number <= settledUpTo) out.keep.push(row.number);
    else open.set(row.number, row);
  }
  for (const p of newPlan) {
    if (p.number <= settledUpTo) continue;
    const row = open.get(p.number);
    if (!row) {
      out.add.push(p);
      continue;
    }
    open.delete(p.number);
    const same = sameDay(row.selectionDate, p.selectionDate) && sameDay(row.callingDate, p.callingDate) && row.reportDue === p.reportDue;
    if (same) out.keep.push(p.number);
    else out.update.push(p);
  }
  for (const n of open.keys()) out.remove.push(n);
  out.keep.sort((a, b) => a - b);
  out.remove.sort((a, b) => a - b);
  return out;
}

/** Re-plans one order: plan after its last done selection, then the minimal changes. */
export function replanOrder(
  existing: readonly ExistingSelection[],
  input: Omit<PlanInput, 'after'>,
  ctx: PlanContext | Planner,
): { changes: SelectionChanges; plan: Plan } {
  const planner = 'plan' in ctx ? ctx : schedulePlanner(ctx);
  const plan = planner.plan({ ...input, after: anchorOf(existing) });
  return { changes: replan(existing, plan.rows), plan };
}
