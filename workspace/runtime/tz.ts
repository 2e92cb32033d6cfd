/**
 * Time-zone arithmetic for the fakes, on Node's ICU (Intl). The bundle never uses this:
 * on Google the same answers come from Utilities.formatDate.
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

import { instantAt } from '../../src/core/time';

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

/** Offset of `timeZone` from UTC at `instantMs`, in minutes (Moscow: +180). */
export function offsetMinutes(instantMs: number, timeZone: string): number {
  const w = wallTime(instantMs, timeZone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second, w.millisecond);
  const y = new Date(asUtc);
  if (w.year < 100) y.setUTCFullYear(w.year);
  return Math.round((y.getTime() - instantMs) / 60000);
}

/**
 * The instant at which the wall clock of `timeZone` shows the given fields: the product's
 * own search (src/core/time.ts) over Intl offsets, so the fakes and the bundle agree on
 * DST gaps (move forward) and repeated hours (the earlier instant).
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
  const zone = { id: timeZone, offsetAt: (ms: number) => offsetMinutes(ms, timeZone) };
  return instantAt(zone, { year, month, day }, hour, minute, second) + millisecond;
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
