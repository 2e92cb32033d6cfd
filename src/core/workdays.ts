/**
 * Working days (docs/DOMAIN.md §4.2): Monday–Friday, minus the dates the Holidays tab marks as not
 * working, plus the dates it marks as working (a transferred Saturday). Everything is a
 * calendar date in the spreadsheet's zone; the zone matters only when a cell value (a Date
 * instant) is turned into a date, which readHolidayRows does.
 *
 * Internally dates are day numbers (days since 1970-01-01) so that the schedule engine can
 * plan thousands of orders without building Date objects; counting over long ranges is a
 * direct computation (weekday formula + prefix sums over the holiday rows), not a day loop.
 */
import { Problem } from './i18n';
import { HolidayMessageKey, holidayProblems } from './messages';
import { dayNumber, formatLocalDate, fromDayNumber, isDate, LocalDate, localDateOf, Zone } from './time';

/** One row of the Holidays tab, as core sees it. */
export interface HolidayRow {
  date: LocalDate;
  name: string;
  /** True for a working day on a weekend (a transferred Saturday); false for a day off. */
  workingDay: boolean;
}

/** ISO weekday (1 = Monday … 7 = Sunday) of a day number; day 0 (1970-01-01) was a Thursday. */
export function weekdayOfDayNumber(n: number): number {
  return ((((n + 3) % 7) + 7) % 7) + 1;
}

/** 1970-01-05, a Monday: the origin of the weekday-count formula. */
const MONDAY_ORIGIN = 4;

/** Mon–Fri days in [MONDAY_ORIGIN, n) (negative for n before it); differences count ranges. */
function weekdayPotential(n: number): number {
  const m = n - MONDAY_ORIGIN;
  const weeks = Math.floor(m / 7);
  return weeks * 5 + Math.min(m - weeks * 7, 5);
}

/** Index of the first element > x in a sorted array. */
function upperBound(sorted: readonly number[], x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const TABLE_MARGIN = 800; // days beyond the first and last listed date
const TABLE_MAX = 60000; // ~160 years of one byte per day

export class WorkCalendar {
  /** day number → working? for every date the Holidays tab names (later rows win). */
  private readonly overrides = new Map<number, boolean>();
  /** Dates whose status differs from the plain Mon–Fri rule, sorted, with prefix sums of ±1. */
  private readonly changed: number[] = [];
  private readonly changedPrefix: number[] = [0];

  constructor(rows: readonly HolidayRow[]) {
    for (const row of rows) this.overrides.set(dayNumber(row.date), row.workingDay);
    const deltas: [number, number][] = [];
    for (const [n, working] of this.overrides) {
      const plain = weekdayOfDayNumber(n) <= 5;
      if (working !== plain) deltas.push([n, working ? 1 : -1]);
    }
    deltas.sort((a, b) => a[0] - b[0]);
    for (const [n, d] of deltas) {
      this.changed.push(n);
      this.changedPrefix.push(this.changedPrefix[this.changedPrefix.length - 1] + d);
    }
    // A flat table around the listed years answers the engine's inner loop without hashing.
    if (this.changed.length > 0) {
      const lo = this.changed[0] - TABLE_MARGIN;
      const hi = this.changed[this.changed.length - 1] + TABLE_MARGIN;
      if (hi - lo <= TABLE_MAX) {
        this.tableBase = lo;
        this.table = new Uint8Array(hi - lo + 1);
        for (let n = lo; n <= hi; n++) this.table[n - lo] = this.lookup(n) ? 1 : 0;
      }
    }
  }

  private readonly table: Uint8Array | undefined;
  private readonly tableBase: number = 0;

  private lookup(n: number): boolean {
    const o = this.overrides.get(n);
    return o === undefined ? weekdayOfDayNumber(n) <= 5 : o;
  }

  static fromRows(rows: readonly HolidayRow[]): WorkCalendar {
    return new WorkCalendar(rows);
  }

  // --- day-number API (used by the engine in its inner loops) ---

  isWorkingDayNumber(n: number): boolean {
    const table = this.table;
    if (table !== undefined) {
      const i = n - this.tableBase;
      if (i >= 0 && i < table.length) return table[i] === 1;
    }
    return this.lookup(n);
  }

  /** n itself when it is a working day, else the next working day. */
  workingDayOnOrAfterNumber(n: number): number {
    let d = n;
    while (!this.isWorkingDayNumber(d)) d++;
    return d;
  }

  /** Working days d with a < d ≤ b; negative (−count of b < d ≤ a) when b < a. */
  workingDaysBetweenNumbers(a: number, b: number): number {
    if (b < a) return -this.workingDaysBetweenNumbers(b, a);
    const weekdays = weekdayPotential(b + 1) - weekdayPotential(a + 1);
    const adjust = this.changedPrefix[upperBound(this.changed, b)] - this.changedPrefix[upperBound(this.changed, a)];
    return weekdays + adjust;
  }

  /**
   * The k-th working day after n (k > 0), before n (k < 0), or n itself (k = 0). Short
   * steps walk day by day; long ones jump by whole weeks and correct with the count.
   */
  addWorkingDaysNumber(n: number, k: number): number {
    if (k === 0) return n;
    if (k < 0) {
      let d = n;
      for (let left = -k; left > 0;) {
        d--;
        if (this.isWorkingDayNumber(d)) left--;
      }
      return d;
    }
    if (k <= 10) {
      let d = n;
      for (let left = k; left > 0;) {
        d++;
        if (this.isWorkingDayNumber(d)) left--;
      }
      return d;
    }
    let t = n + Math.floor(k / 5) * 7;
    let count = this.workingDaysBetweenNumbers(n, t);
    while (count < k) {
      t++;
      if (this.isWorkingDayNumber(t)) count++;
    }
    // Step back to the day on which the count first reached k (a working day).
    while (count > k || !this.isWorkingDayNumber(t)) {
      if (this.isWorkingDayNumber(t)) count--;
      t--;
    }
    return t;
  }

  // --- LocalDate API ---

  isWorkingDay(d: LocalDate): boolean {
    return this.isWorkingDayNumber(dayNumber(d));
  }

  /** The first working day strictly after d. */
  nextWorkingDay(d: LocalDate): LocalDate {
    return fromDayNumber(this.addWorkingDaysNumber(dayNumber(d), 1));
  }

  /** The last working day strictly before d. */
  previousWorkingDay(d: LocalDate): LocalDate {
    return fromDayNumber(this.addWorkingDaysNumber(dayNumber(d), -1));
  }

  /** d when it is a working day, else the next one (how a date on a day off "moves"). */
  workingDayOnOrAfter(d: LocalDate): LocalDate {
    return fromDayNumber(this.workingDayOnOrAfterNumber(dayNumber(d)));
  }

  /** addWorkingDays(d, 2) is "the 2nd working day after d" (d itself is not counted). */
  addWorkingDays(d: LocalDate, k: number): LocalDate {
    return fromDayNumber(this.addWorkingDaysNumber(dayNumber(d), k));
  }

  /** Working days in (a, b]: so workingDaysBetween(d, addWorkingDays(d, k)) === k. */
  workingDaysBetween(a: LocalDate, b: LocalDate): number {
    return this.workingDaysBetweenNumbers(dayNumber(a), dayNumber(b));
  }
}

/**
 * Reads Holidays records (keys date, name, workingDay; values as getValues gives them) into
 * rows. A Date cell is read as its date in the spreadsheet zone; text "YYYY-MM-DD" or
 * "DD.MM.YYYY" is accepted too. Blank rows are skipped; bad dates are reported, not guessed.
 * `firstRow` is the sheet row number of records[0], for messages.
 */
export function readHolidayRows(
  records: readonly Record<string, unknown>[],
  zone: Zone,
  firstRow = 2,
): { rows: HolidayRow[]; problems: Problem<HolidayMessageKey>[] } {
  const rows: HolidayRow[] = [];
  const problems: Problem<HolidayMessageKey>[] = [];
  const seen = new Map<number, boolean>();
  records.forEach((rec, i) => {
    const raw = rec.date;
    const name = rec.name === undefined || rec.name === null ? '' : String(rec.name).trim();
    if ((raw === '' || raw === null || raw === undefined) && name === '') return;
    const date = toLocalDate(raw, zone);
    if (!date) {
      problems.push(holidayProblems.problem('holidayBadDate', { row: firstRow + i, value: String(raw ?? '') }));
      return;
    }
    const workingDay = rec.workingDay === true || /^(true|да|yes|1)$/i.test(String(rec.workingDay ?? '').trim());
    const n = dayNumber(date);
    const before = seen.get(n);
    if (before !== undefined && before !== workingDay) {
      problems.push(holidayProblems.warning('holidayConflict', { date: formatLocalDate(date), row: firstRow + i }));
    }
    seen.set(n, workingDay);
    rows.push({ date, name, workingDay });
  });
  return { rows, problems };
}

function toLocalDate(value: unknown, zone: Zone): LocalDate | undefined {
  if (isDate(value)) return localDateOf(zone, value.getTime());
  if (typeof value !== 'string') return undefined;
  const t = value.trim();
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t);
  const dotted = iso ? null : /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(t);
  const parts = iso ? [iso[1], iso[2], iso[3]] : dotted ? [dotted[3], dotted[2], dotted[1]] : undefined;
  if (!parts) return undefined;
  const d = { year: Number(parts[0]), month: Number(parts[1]), day: Number(parts[2]) };
  const back = fromDayNumber(dayNumber(d));
  return back.year === d.year && back.month === d.month && back.day === d.day ? d : undefined;
}
