/**
 * When installable clock triggers fire, for the CLI's simulated-time runs.
 *
 * Google documents only approximate times, so the fake picks fixed points and says so:
 * - everyMinutes(n): Google runs it "at some time within" each n-minute interval; the
 *   fake fires at the START of each interval on the n-minute grid counted from the Unix
 *   epoch (00, 15, 30, 45 for n = 15; the same as the local grid in whole-hour zones).
 * - everyHours(n): on the local hour grid — hours h with h % n == 0, at minute
 *   nearMinute (default 0).
 * - everyDays(n)/atHour(h)/nearMinute(m): Google picks a time within the hour (the
 *   installable-triggers guide: a 9 a.m. trigger runs "between 9 a.m. and 10 a.m.", and
 *   nearMinute is "plus or minus 15 minutes"); the fake fires at exactly h:m, m default 0,
 *   in the trigger's inTimezone() zone or else the script's zone — so a 09:00 trigger stays
 *   at 09:00 wall time across a DST change. Without atHour it keeps the hour of creation.
 *   Every n days is counted from the local date of creation.
 * - everyWeeks(n)/onWeekDay(d): weekly on d (default: weekday of creation) at h:m, every
 *   n weeks counted from the Monday of the creation week. onMonthDay(d): monthly on day d.
 * - at(date)/after(ms)/atDate(y, m, d): once (atDate at atHour:nearMinute, default 00:00).
 *   A time already past at creation fires right after creation.
 * - Nothing fires at or before the trigger's creation instant. A wall time skipped by a
 *   DST jump resolves forward (tz.instantOf).
 * The window is half-open: fromMs <= atMs < toMs.
 */
import { instantOf, wallTime } from '../../runtime/tz';

export type EventTypeName = 'CLOCK' | 'ON_OPEN' | 'ON_EDIT' | 'ON_FORM_SUBMIT' | 'ON_CHANGE' | 'ON_EVENT_UPDATED';
export type TriggerSourceName = 'SPREADSHEETS' | 'CLOCK' | 'FORMS' | 'DOCUMENTS' | 'CALENDAR';
export const WEEKDAY_NAMES = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'] as const;
export type WeekDayName = (typeof WEEKDAY_NAMES)[number];

export interface ClockSchedule {
  kind: 'minutes' | 'hours' | 'days' | 'weeks' | 'monthDay' | 'once';
  every?: number;
  atHour?: number;
  nearMinute?: number;
  weekDay?: WeekDayName;
  monthDay?: number;
  /** One-off instant (at, after). */
  atMs?: number;
  /** One-off local date (atDate). */
  atDate?: { year: number; month: number; day: number };
  /** inTimezone(); absent: the script's zone. */
  timeZone?: string;
}

export interface TriggerRecord {
  id: string;
  /** Effective user who created it; the trigger runs as this user. */
  owner: string;
  handler: string;
  eventType: EventTypeName;
  source: TriggerSourceName;
  sourceId: string | null;
  createdAtMs: number;
  schedule?: ClockSchedule;
}

export interface Firing {
  trigger: TriggerRecord;
  atMs: number;
}

const DAY_MS = 86400000;

/** Every clock-trigger firing in [fromMs, toMs), sorted by time. */
export function firingsBetween(triggers: TriggerRecord[], fromMs: number, toMs: number, timeZone: string): Firing[] {
  const out: Firing[] = [];
  for (const trigger of triggers) {
    if (trigger.eventType !== 'CLOCK' || !trigger.schedule) continue;
    for (const atMs of firingTimes(trigger, fromMs, toMs, trigger.schedule.timeZone ?? timeZone)) {
      out.push({ trigger, atMs });
    }
  }
  return out.sort((a, b) => a.atMs - b.atMs || a.trigger.id.localeCompare(b.trigger.id));
}

/** Local calendar day number (days since 1970-01-01 in that zone's wall clock). */
function dayNumber(year: number, month: number, day: number): number {
  return Math.round(Date.UTC(year, month - 1, day) / DAY_MS);
}

function firingTimes(t: TriggerRecord, fromMs: number, toMs: number, tz: string): number[] {
  const s = t.schedule!;
  const ok = (ms: number) => ms >= fromMs && ms < toMs && ms > t.createdAtMs;
  const created = wallTime(t.createdAtMs, tz);
  const minute = s.nearMinute ?? 0;
  const hour = s.atHour ?? created.hour;

  if (s.kind === 'once') {
    const at = s.atDate ? instantOf(tz, s.atDate.year, s.atDate.month, s.atDate.day, s.atHour ?? 0, minute) : (s.atMs ?? t.createdAtMs);
    const effective = Math.max(at, t.createdAtMs + 1);
    return ok(effective) ? [effective] : [];
  }

  if (s.kind === 'minutes') {
    const step = (s.every ?? 1) * 60000;
    const times: number[] = [];
    for (let ms = Math.ceil(Math.max(fromMs, t.createdAtMs + 1) / step) * step; ms < toMs; ms += step) times.push(ms);
    return times;
  }

  // Walk the local calendar days that can hold a firing in the window.
  const first = wallTime(Math.max(fromMs, t.createdAtMs) - DAY_MS, tz);
  const last = wallTime(toMs + DAY_MS, tz);
  const createdDay = dayNumber(created.year, created.month, created.day);
  const createdMonday = createdDay - (created.weekday - 1);
  const times = new Set<number>();
  for (let n = dayNumber(first.year, first.month, first.day); n <= dayNumber(last.year, last.month, last.day); n++) {
    const d = new Date(n * DAY_MS);
    const [y, m, day] = [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()];
    const weekday = ((d.getUTCDay() + 6) % 7) + 1; // ISO
    const at = (h: number) => instantOf(tz, y, m, day, h, minute);
    const every = s.every ?? 1;
    switch (s.kind) {
      case 'hours':
        for (let h = 0; h < 24; h += every) times.add(at(h));
        break;
      case 'days':
        if ((n - createdDay) % every === 0) times.add(at(hour));
        break;
      case 'weeks': {
        const target = s.weekDay ? WEEKDAY_NAMES.indexOf(s.weekDay) + 1 : created.weekday;
        if (weekday === target && Math.floor((n - createdMonday) / 7) % every === 0) times.add(at(hour));
        break;
      }
      case 'monthDay':
        if (day === s.monthDay) times.add(at(hour));
        break;
    }
  }
  return [...times].filter(ok).sort((a, b) => a - b);
}
