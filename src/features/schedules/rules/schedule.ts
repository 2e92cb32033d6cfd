/**
 * The selection / calling schedule of a handed-off order (SPEC §2, seed 000 Table 1).
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
 *   HR agreed). A weekday that is not a working day moves to the next working day (SPEC §2).
 *   A candidate is taken only if it is at least 2 working days after the previous selection,
 *   i.e. workingDaysBetween(prev, next) ≥ 2 — there is a whole working day (the calling day)
 *   between them. First selection on Tuesday → Thursday is 2 working days later → allowed;
 *   first on Wednesday → Thursday (1) is skipped, the next is Monday.
 * - Until the paid period ends: every selection date is ≤ the last paid day; the calling day
 *   of the last selection may fall after it (it completes a paid selection).
 * - Calling day: the next working day after the selection ("через один рабочий день" read as
 *   SPEC does). Report due: that day at the Report deadline setting (18:00) in the zone.
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
import { CoreProblem, makeProblem, MessageTable, WorkCalendar, weekdayOfDayNumber } from '../../../core/workdays';
import { dayNumber, formatLocalDate, fromDayNumber, instantAt, isDate, LocalDate, wallClockOf, Zone } from '../../../core/time';
import type { Locale } from '../../../core/schema';

export interface ClockTime {
  hour: number;
  minute: number;
}

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
  problems: CoreProblem[];
}

const MESSAGES: MessageTable = {
  weekdaysEmpty: {
    ru: 'Дни подбора не указаны. Пример: «пн, чт» или «Mon, Thu».',
    en: 'No selection weekdays given. Example: "Mon, Thu" or "пн, чт".',
  },
  weekdayUnknown: {
    ru: 'Дни подбора: «{token}» — не день недели. Пишите «пн, чт», «Mon, Thu» или номера 1–7 (1 — понедельник).',
    en: 'Selection weekdays: "{token}" is not a weekday. Write "Mon, Thu", "пн, чт" or numbers 1–7 (1 = Monday).',
  },
  clockInvalid: {
    ru: '«{value}» — не время. Пишите ЧЧ:ММ, например 18:00.',
    en: '"{value}" is not a time of day. Write HH:mm, e.g. 18:00.',
  },
  paidPeriodBeforeFirstSelection: {
    ru: 'Оплаченный период заканчивается {paidTo}, раньше первого подбора {first}: подборов не запланировано.',
    en: 'The paid period ends on {paidTo}, before the first selection on {first}: no selections planned.',
  },
  agreedFirstDateBeforeReceipt: {
    ru: 'Согласованная дата первого подбора {agreed} раньше получения заказа HR ({received}); первый подбор — по Таблице 1: {first}.',
    en: 'The agreed first selection date {agreed} is before HR received the order ({received}); the first selection follows Table 1: {first}.',
  },
  paidPeriodTooLong: {
    ru: 'Оплаченный период до {paidTo} дал бы больше {max} подборов; запланированы первые {max}. Проверьте дату «Оплачено по».',
    en: 'The paid period to {paidTo} would give more than {max} selections; the first {max} are planned. Check "Paid to".',
  },
  firstSelectionMovedToPaidPeriod: {
    ru: 'Первый подбор перенесён на {first}: оплаченный период начинается {paidFrom}.',
    en: 'The first selection moved to {first}: the paid period starts on {paidFrom}.',
  },
};

export function scheduleProblem(code: string, params: Record<string, string | number> = {}): CoreProblem {
  return makeProblem(MESSAGES, code, params);
}

// --- Settings helpers ---

const WEEKDAY_WORDS: Record<string, number> = {};
(
  [
    [1, ['mon', 'monday', 'mondays', 'mo', 'пн', 'пон', 'понедельник']],
    [2, ['tue', 'tues', 'tuesday', 'tuesdays', 'tu', 'вт', 'вторник']],
    [3, ['wed', 'weds', 'wednesday', 'wednesdays', 'we', 'ср', 'среда', 'среду']],
    [4, ['thu', 'thur', 'thurs', 'thursday', 'thursdays', 'th', 'чт', 'четверг']],
    [5, ['fri', 'friday', 'fridays', 'fr', 'пт', 'пятница', 'пятницу']],
    [6, ['sat', 'saturday', 'saturdays', 'sa', 'сб', 'суббота', 'субботу']],
    [7, ['sun', 'sunday', 'sundays', 'su', 'вс', 'воскресенье']],
  ] as [number, string[]][]
).forEach(([n, words]) => words.forEach((w) => (WEEKDAY_WORDS[w] = n)));

/** Russian stems, so "по понедельникам и четвергам" reads too. */
const RU_STEMS: [string, number][] = [
  ['понедельник', 1],
  ['вторник', 2],
  ['сред', 3],
  ['четверг', 4],
  ['пятниц', 5],
  ['суббот', 6],
  ['воскресен', 7],
];

const FILLER = new Set(['и', 'по', 'and', 'every', 'each', 'on']);

function weekdayOfToken(token: string): number | undefined {
  if (/^[1-7]$/.test(token)) return Number(token);
  const w = token.replace(/\.+$/, '');
  if (w in WEEKDAY_WORDS) return WEEKDAY_WORDS[w];
  const stem = RU_STEMS.find(([s]) => w.startsWith(s));
  return stem ? stem[1] : undefined;
}

/**
 * Reads "Mon, Thu", "пн, чт", "Monday Thursday", "1,4", "по понедельникам и четвергам"
 * and ranges "Mon-Fri" / "пн–пт" into sorted ISO weekdays (1 = Monday … 7 = Sunday).
 */
export function parseSelectionWeekdays(text: string): { ok: true; weekdays: number[] } | { ok: false; problem: CoreProblem } {
  const norm = String(text).toLowerCase().replace(/ё/g, 'е').trim();
  const tokens = norm
    .replace(/\s*[-–—]\s*/g, '-')
    .split(/[\s,;/+&|]+/)
    .filter((t) => t !== '' && !FILLER.has(t));
  const days = new Set<number>();
  for (const token of tokens) {
    const range = token.split('-');
    if (range.length === 2 && range[0] !== '' && range[1] !== '') {
      const a = weekdayOfToken(range[0]);
      const b = weekdayOfToken(range[1]);
      if (a === undefined || b === undefined) return { ok: false, problem: scheduleProblem('weekdayUnknown', { token }) };
      for (let i = 0, n = a; i < 7; i++, n = (n % 7) + 1) {
        days.add(n);
        if (n === b) break;
      }
      continue;
    }
    const n = weekdayOfToken(token);
    if (n === undefined) return { ok: false, problem: scheduleProblem('weekdayUnknown', { token }) };
    days.add(n);
  }
  if (days.size === 0) return { ok: false, problem: scheduleProblem('weekdaysEmpty') };
  return { ok: true, weekdays: [...days].sort((a, b) => a - b) };
}

const SHORT = {
  en: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'],
  ru: ['пн', 'вт', 'ср', 'чт', 'пт', 'сб', 'вс'],
};

/** [1, 4] → "Mon, Thu" / "пн, чт". */
export function formatWeekdays(weekdays: readonly number[], locale: Locale): string {
  return weekdays.map((n) => SHORT[locale][n - 1]).join(', ');
}

/** "18:00", "9:30", "18.00" → {hour, minute}; a Date cell (a time value) reads its wall clock. */
export function parseClockTime(value: unknown, zone?: Zone): { ok: true; time: ClockTime } | { ok: false; problem: CoreProblem } {
  if (isDate(value) && zone) {
    const w = wallClockOf(zone, value.getTime());
    return { ok: true, time: { hour: w.hour, minute: w.minute } };
  }
  const m = /^\s*(\d{1,2})[:.](\d{2})\s*$/.exec(String(value ?? ''));
  if (m && Number(m[1]) < 24 && Number(m[2]) < 60) return { ok: true, time: { hour: Number(m[1]), minute: Number(m[2]) } };
  return { ok: false, problem: scheduleProblem('clockInvalid', { value: String(value ?? '') }) };
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
      const problems: CoreProblem[] = [];
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
            scheduleProblem('agreedFirstDateBeforeReceipt', {
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
            scheduleProblem('firstSelectionMovedToPaidPeriod', {
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
          scheduleProblem('paidPeriodBeforeFirstSelection', {
            paidTo: formatLocalDate(input.paidTo),
            first: formatLocalDate(fromDayNumber(sel)),
          }),
        );
      }
      while (sel <= last) {
        if (rows.length === MAX_ROWS) {
          problems.push(scheduleProblem('paidPeriodTooLong', { max: MAX_ROWS, paidTo: formatLocalDate(input.paidTo) }));
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
