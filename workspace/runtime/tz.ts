/**
 * Time-zone arithmetic for the fakes, on Node's ICU (Intl). The bundle never uses this:
 * on Google the same answers come from Utilities.formatDate.
 *
 * Deliberately its own code: the fakes must not convert wall times with the product's
 * algorithm (src/core/time.ts instantAt) they are there to check. test/workspace/tz.test.ts
 * compares the two, and both with the Temporal polyfill, across zones and DST transitions.
 */

export interface WallTime {
  year: number;
  month: number; // 1-12
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
  /** ISO weekday, 1 = Monday … 7 = Sunday. */
  weekday: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      weekday: 'short',
      era: 'short',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** Throws RangeError for an unknown zone id, as Intl does. */
export function assertTimeZone(timeZone: string): void {
  formatterFor(timeZone);
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

const WEEKDAYS: Record<string, number> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };

/** The wall-clock fields of `instantMs` in `timeZone`. */
export function wallTime(instantMs: number, timeZone: string): WallTime {
  const parts = formatterFor(timeZone).formatToParts(new Date(instantMs));
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  let year = Number(get('year'));
  if (get('era') === 'BC') year = 1 - year;
  const ms = ((instantMs % 1000) + 1000) % 1000;
  return {
    year,
    month: Number(get('month')),
    day: Number(get('day')),
    hour: Number(get('hour')),
    minute: Number(get('minute')),
    second: Number(get('second')),
    millisecond: ms,
    weekday: WEEKDAYS[get('weekday')],
  };
}

const shownFormatters = new Map<string, Intl.DateTimeFormat>();
/** "3/31/2024 AD, 01:59:59": what the formatter below prints (en-US, h23). */
const SHOWN = /^(\d+)\/(\d+)\/(\d+) (AD|BC), (\d+):(\d+):(\d+)$/;

/** The wall clock without the weekday, from format() rather than formatToParts(): a third of the cost, asked for by every offset. */
function shownTime(instantMs: number, timeZone: string): Omit<WallTime, 'weekday'> {
  let f = shownFormatters.get(timeZone);
  if (!f) {
    const options = { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', era: 'short' } as const;
    f = new Intl.DateTimeFormat('en-US', { ...options, hour: 'numeric', minute: 'numeric', second: 'numeric' });
    shownFormatters.set(timeZone, f);
  }
  const m = SHOWN.exec(f.format(new Date(instantMs)));
  if (!m) return wallTime(instantMs, timeZone); // an ICU that prints otherwise: the slower, field-by-field reading
  const year = Number(m[3]);
  return {
    year: m[4] === 'BC' ? 1 - year : year,
    month: Number(m[1]),
    day: Number(m[2]),
    hour: Number(m[5]),
    minute: Number(m[6]),
    second: Number(m[7]),
    millisecond: ((instantMs % 1000) + 1000) % 1000,
  };
}

/** Offset of `timeZone` from UTC at `instantMs`, in minutes (Moscow: +180). */
export function offsetMinutes(instantMs: number, timeZone: string): number {
  const w = shownTime(instantMs, timeZone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second, w.millisecond);
  const y = new Date(asUtc);
  if (w.year < 100) y.setUTCFullYear(w.year);
  return Math.round((y.getTime() - instantMs) / 60000);
}

const MS_PER_MINUTE = 60000;
const MS_PER_DAY = 86400000;

/** The wall-clock fields read as if they were UTC (overflowing fields roll over, as in Date.UTC; years 0-99 stay). */
function wallAsUtc(year: number, month: number, day: number, hour: number, minute: number, second: number, millisecond: number): number {
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  d.setUTCHours(hour, minute, second, millisecond);
  return d.getTime();
}

/**
 * The instant at which the wall clock of `timeZone` shows the given fields. The candidates are
 * the wall time read with the offset in force a day before and a day after (no zone changes
 * twice within two days); a candidate counts when the zone's clock really shows the wall time
 * then. A repeated hour (two candidates) takes the earlier instant; a DST gap (none) reads the
 * wall time with the offset before the gap, i.e. moves it forward by the gap's length. That is
 * RFC 5545 §3.3.5's rule for iCalendar times and Temporal's "compatible" disambiguation; Google
 * documents no rule for Sheets, and the product (src/core/time.ts) takes the same reading.
 */
export function instantOf(
  timeZone: string,
  year: number,
  month: number,
  day: number,
  hour = 0,
  minute = 0,
  second = 0,
  millisecond = 0,
): number {
  const wall = wallAsUtc(year, month, day, hour, minute, second, millisecond);
  const key = `${timeZone} ${wall}`;
  let instant = instants.get(key);
  if (instant === undefined) {
    if (instants.size >= MAX_CACHED) instants.clear();
    instant = searchInstant(timeZone, wall);
    instants.set(key, instant);
  }
  return instant;
}

/** Answers already found (sorting events asks for the same times again and again); the zone data does not change in a process. */
const instants = new Map<string, number>();
const MAX_CACHED = 50000;

function searchInstant(timeZone: string, wall: number): number {
  const before = offsetMinutes(wall - MS_PER_DAY, timeZone);
  const after = offsetMinutes(wall + MS_PER_DAY, timeZone);
  const shown = [...new Set([before, after])]
    .map((offset) => wall - offset * MS_PER_MINUTE)
    .filter((instant) => instant + offsetMinutes(instant, timeZone) * MS_PER_MINUTE === wall);
  if (shown.length > 0) return Math.min(...shown);
  return wall - before * MS_PER_MINUTE;
}

/** Days from the spreadsheet epoch 1899-12-30 (Google Sheets and Excel serial numbers). */
const EPOCH_UTC = Date.UTC(1899, 11, 30);

/** A Sheets serial number (days since 1899-12-30, fraction = time of day) for an instant, in `timeZone`. */
export function serialFromInstant(instantMs: number, timeZone: string): number {
  const wallAsUtc = instantMs + offsetMinutes(instantMs, timeZone) * 60000;
  return (wallAsUtc - EPOCH_UTC) / 86400000;
}

/** The instant a Sheets serial number stands for, read as wall time in `timeZone`. */
export function instantFromSerial(serial: number, timeZone: string): number {
  const wallAsUtc = Math.round(EPOCH_UTC + serial * 86400000);
  const d = new Date(wallAsUtc);
  return instantOf(
    timeZone,
    d.getUTCFullYear(),
    d.getUTCMonth() + 1,
    d.getUTCDate(),
    d.getUTCHours(),
    d.getUTCMinutes(),
    d.getUTCSeconds(),
    d.getUTCMilliseconds(),
  );
}
