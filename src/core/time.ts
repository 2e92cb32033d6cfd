/**
 * Calendar dates and wall times in the spreadsheet's zone, without Apps Script globals.
 * Zone offsets come through a port: on Google (and in the local Workspace) it is served
 * by Utilities.formatDate, in unit tests by Node's Intl. Only offsets are needed, so the
 * bundle does not depend on the Intl time-zone data of Google's V8.
 */

/** Minutes east of UTC in the zone at an instant (Moscow: +180). */
export type OffsetAt = (instantMs: number) => number;

export interface Zone {
  id: string;
  offsetAt: OffsetAt;
}

/** A calendar date with no time or zone: the unit of working-day arithmetic. */
export interface LocalDate {
  year: number;
  month: number; // 1-12
  day: number;
}

export interface WallClock extends LocalDate {
  hour: number;
  minute: number;
  second: number;
}

const MS_PER_DAY = 86400000;

/** Days since 1970-01-01 for a calendar date (proleptic Gregorian). */
export function dayNumber(d: LocalDate): number {
  return Math.floor(Date.UTC(d.year, d.month - 1, d.day) / MS_PER_DAY);
}

export function fromDayNumber(n: number): LocalDate {
  const t = new Date(n * MS_PER_DAY);
  return { year: t.getUTCFullYear(), month: t.getUTCMonth() + 1, day: t.getUTCDate() };
}

export function addDays(d: LocalDate, days: number): LocalDate {
  return fromDayNumber(dayNumber(d) + days);
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function isoWeekday(d: LocalDate): number {
  const wd = new Date(dayNumber(d) * MS_PER_DAY).getUTCDay();
  return wd === 0 ? 7 : wd;
}

export function formatLocalDate(d: LocalDate): string {
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${p(d.year, 4)}-${p(d.month)}-${p(d.day)}`;
}

export function sameDate(a: LocalDate, b: LocalDate): boolean {
  return a.year === b.year && a.month === b.month && a.day === b.day;
}

/** The wall clock of `instantMs` in the zone. */
export function wallClockOf(zone: Zone, instantMs: number): WallClock {
  const t = new Date(instantMs + zone.offsetAt(instantMs) * 60000);
  return {
    year: t.getUTCFullYear(),
    month: t.getUTCMonth() + 1,
    day: t.getUTCDate(),
    hour: t.getUTCHours(),
    minute: t.getUTCMinutes(),
    second: t.getUTCSeconds(),
  };
}

export function localDateOf(zone: Zone, instantMs: number): LocalDate {
  const w = wallClockOf(zone, instantMs);
  return { year: w.year, month: w.month, day: w.day };
}

/** No zone is more than 14 hours east of UTC (Pacific/Kiritimati): the earliest instant any wall time can stand for. */
const MAX_EAST_MS = 14 * 3600000;

/**
 * The instant at which the zone's clock shows the wall time. In a DST gap the time
 * moves forward (as Sheets does); a repeated hour takes the earlier instant.
 * The search starts from the offset in force before every candidate, so in a repeated
 * hour it meets the earlier one first (starting from the wall time read as UTC found the
 * later one east of UTC: Berlin's 02:30 on the night clocks go back).
 */
export function instantAt(zone: Zone, date: LocalDate, hour = 0, minute = 0, second = 0): number {
  const asUtc = Date.UTC(date.year, date.month - 1, date.day, hour, minute, second);
  const first = asUtc - zone.offsetAt(asUtc - MAX_EAST_MS) * 60000;
  const second_ = asUtc - zone.offsetAt(first) * 60000;
  if (first === second_) return first;
  const candidates = [first, second_].sort((a, b) => a - b);
  const exact = candidates.find((c) => c + zone.offsetAt(c) * 60000 === asUtc);
  return exact ?? Math.max(first, second_);
}

/** Parses "+03:00", "+0300", "Z", "-05:00" into minutes. */
export function parseOffset(text: string): number {
  const t = text.trim();
  if (t === 'Z') return 0;
  const m = /^([+-])(\d{2}):?(\d{2})$/.exec(t);
  if (!m) throw new Error(`Not a zone offset: ${text}`);
  const minutes = Number(m[2]) * 60 + Number(m[3]);
  return m[1] === '-' ? -minutes : minutes;
}

/**
 * Wraps an offset lookup with a cache per quarter hour: zone transitions happen on
 * quarter hours, so a run planning thousands of dates asks the service once per bucket.
 */
export function cachedOffsets(lookup: OffsetAt): OffsetAt {
  const cache = new Map<number, number>();
  const QUARTER = 15 * 60000;
  return (instantMs) => {
    const bucket = Math.floor(instantMs / QUARTER);
    let offset = cache.get(bucket);
    if (offset === undefined) {
      offset = lookup(bucket * QUARTER);
      cache.set(bucket, offset);
    }
    return offset;
  };
}

/** True for a Date of any realm (values from getValues come from the service's realm). */
export function isDate(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === '[object Date]' && !isNaN((value as Date).getTime());
}
