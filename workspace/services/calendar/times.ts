/**
 * Event times as the Calendar API reads and writes them: RFC 3339 dateTime (an offset, or
 * a wall time plus an IANA timeZone) and all-day `date` (yyyy-mm-dd, end exclusive).
 * https://developers.google.com/workspace/calendar/api/v3/reference/events#resource
 */
import type { calendar_v3 } from 'googleapis';
import { instantOf, isValidTimeZone, offsetMinutes, wallTime } from '../../runtime/tz';
import { MSG, bad } from './errors';

const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:\d{2})?$/i;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

const pad = (n: number, w = 2) => String(Math.abs(n)).padStart(w, '0');

/** The instant of an RFC 3339 timestamp with a mandatory offset (timeMin/timeMax), or null. */
export function parseTimestamp(s: unknown): number | null {
  if (typeof s !== 'string') return null;
  const m = DATE_TIME.exec(s);
  if (!m || !m[7]) return null;
  const ms = Date.parse(s);
  return Number.isNaN(ms) ? null : ms;
}

function parseDate(s: string): { y: number; mo: number; d: number } | null {
  const m = DATE.exec(s);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const check = new Date(Date.UTC(y, mo - 1, d));
  return check.getUTCMonth() === mo - 1 && check.getUTCDate() === d ? { y, mo, d } : null;
}

/** "2025-03-30T03:00:00+02:00": the instant as wall time of `timeZone` with its offset. */
export function formatDateTime(ms: number, timeZone: string): string {
  const w = wallTime(ms, timeZone);
  const off = offsetMinutes(ms, timeZone);
  const sign = off < 0 ? '-' : '+';
  return (
    `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}T${pad(w.hour)}:${pad(w.minute)}:${pad(w.second)}` +
    `${sign}${pad(Math.floor(Math.abs(off) / 60))}:${pad(Math.abs(off) % 60)}`
  );
}

export interface ParsedTime {
  /** Start (or end) instant; for all-day events midnight of the date in the calendar's zone. */
  ms: number;
  allDay: boolean;
}

/**
 * Validates one of start/end and returns it as Google stores it: dateTime with an offset in
 * the event's zone (or the calendar's), the timeZone kept as given.
 */
export function normalizeTime(
  value: calendar_v3.Schema$EventDateTime,
  which: 'start' | 'end',
  calendarZone: string,
): { stored: calendar_v3.Schema$EventDateTime; parsed: ParsedTime } {
  const zone = value.timeZone ?? null;
  if (zone !== null && (typeof zone !== 'string' || !isValidTimeZone(zone))) throw bad(MSG.invalidZone(which));
  if (value.date !== undefined && value.date !== null) {
    if (value.dateTime !== undefined && value.dateTime !== null) throw bad(MSG.badRequest, 'badRequest');
    const d = typeof value.date === 'string' ? parseDate(value.date) : null;
    if (!d) throw bad(MSG.badRequest, 'badRequest');
    const stored: calendar_v3.Schema$EventDateTime = { date: value.date };
    if (zone) stored.timeZone = zone;
    return { stored, parsed: { ms: instantOf(zone ?? calendarZone, d.y, d.mo, d.d), allDay: true } };
  }
  const m = typeof value.dateTime === 'string' ? DATE_TIME.exec(value.dateTime) : null;
  if (!m) throw bad(MSG.badRequest, 'badRequest');
  let ms: number;
  if (m[7]) ms = Date.parse(value.dateTime as string);
  else {
    if (!zone) throw bad(MSG.missingZone(which), 'required');
    const [y, mo, d, h, mi, s] = [1, 2, 3, 4, 5, 6].map((i) => Number(m[i] ?? 0));
    if (!parseDate(`${m[1]}-${m[2]}-${m[3]}`) || h > 23 || mi > 59 || s > 59) throw bad(MSG.badRequest, 'badRequest');
    ms = instantOf(zone, y, mo, d, h, mi, s);
  }
  if (Number.isNaN(ms)) throw bad(MSG.badRequest, 'badRequest');
  const stored: calendar_v3.Schema$EventDateTime = { dateTime: formatDateTime(ms, zone ?? calendarZone) };
  if (zone) stored.timeZone = zone;
  return { stored, parsed: { ms, allDay: false } };
}

/** Start/end instants of a stored event (all-day dates at midnight of the calendar's zone). */
export function instantOfStored(t: calendar_v3.Schema$EventDateTime | undefined, calendarZone: string): number {
  if (!t) return NaN;
  if (t.dateTime) return Date.parse(t.dateTime);
  const d = t.date ? parseDate(t.date) : null;
  return d ? instantOf(t.timeZone ?? calendarZone, d.y, d.mo, d.d) : NaN;
}
