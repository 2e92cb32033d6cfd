/**
 * RFC 5545 export of calendars and invitations with ical-generator. Each timed event keeps its
 * zone: DTSTART/DTEND carry TZID (the event's timeZone, else the calendar's) and the file holds a
 * VTIMEZONE for it (built with ical.js from the zone's offset changes around the events, since
 * RFC 5545 §3.2.19 requires one per TZID). Reminder overrides become VALARMs (popup → DISPLAY,
 * email → EMAIL), guests ATTENDEE lines with PARTSTAT/RSVP, private/shared extended properties
 * X-REGLAMENT-PRIVATE/-SHARED lines ("key=value") — private ones only in the calendar's own export,
 * never in an invitation — and a Meet link as X-GOOGLE-CONFERENCE.
 */
import type { calendar_v3 } from 'googleapis';
import ical, {
  ICalAlarmType,
  ICalAttendeeRole,
  ICalAttendeeStatus,
  ICalCalendarMethod,
  ICalEventStatus,
  type ICalCalendar,
  type ICalLuxonDateTimeStub,
} from 'ical-generator';
import ICAL from 'ical.js';
import { offsetMinutes, wallTime } from '../../runtime/tz';
import type { StoredCalendar } from './store';
import { instantOfStored } from './times';

type Event = calendar_v3.Schema$Event;

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/**
 * An instant seen in a zone, in the shape ical-generator formats zoned times from (its Luxon
 * stub): a native Date would be written in the process's own zone.
 */
function zoned(ms: number, zone: string): ICalLuxonDateTimeStub {
  const stub: ICalLuxonDateTimeStub = {
    isValid: true,
    zone: { type: 'iana' },
    setZone: (z?: string) => zoned(ms, z ?? zone),
    toJSDate: () => new Date(ms),
    toJSON: () => new Date(ms).toISOString(),
    toFormat(fmt: string): string {
      const w = wallTime(ms, zone);
      if (fmt === 'yyyyLLdd') return `${pad(w.year, 4)}${pad(w.month)}${pad(w.day)}`;
      if (fmt === 'HHmmss') return `${pad(w.hour)}${pad(w.minute)}${pad(w.second)}`;
      throw new Error(`zoned(): unsupported format ${fmt}`);
    },
  };
  return stub;
}

const HOUR_MS = 3600 * 1000;
const vtimezones = new Map<string, string>();

/** VTIMEZONE for `zone` with every offset change from a year before `fromMs` to a year after `toMs`. */
export function vtimezone(zone: string, fromMs: number, toMs: number): string {
  const startYear = new Date(fromMs).getUTCFullYear() - 1;
  const begin = Date.UTC(startYear, 0, 1);
  const end = Date.UTC(new Date(toMs).getUTCFullYear() + 2, 0, 1);
  const key = `${zone} ${begin} ${end}`;
  const cached = vtimezones.get(key);
  if (cached) return cached;
  const comp = new ICAL.Component('vtimezone');
  comp.addPropertyWithValue('tzid', zone);
  const observance = (kind: string, atMs: number, from: number, to: number) => {
    const o = new ICAL.Component(kind);
    const w = new Date(atMs + from * 60000); // local time before the change, as RFC 5545 wants
    o.addPropertyWithValue(
      'dtstart',
      ICAL.Time.fromData({
        year: w.getUTCFullYear(),
        month: w.getUTCMonth() + 1,
        day: w.getUTCDate(),
        hour: w.getUTCHours(),
        minute: w.getUTCMinutes(),
        second: w.getUTCSeconds(),
        isDate: false,
      }),
    );
    o.addPropertyWithValue('tzoffsetfrom', ICAL.UtcOffset.fromSeconds(from * 60));
    o.addPropertyWithValue('tzoffsetto', ICAL.UtcOffset.fromSeconds(to * 60));
    comp.addSubcomponent(o);
  };
  let prev = offsetMinutes(begin, zone);
  observance('standard', begin, prev, prev);
  for (let t = begin + 12 * HOUR_MS; t <= end; t += 12 * HOUR_MS) {
    const off = offsetMinutes(t, zone);
    if (off === prev) continue;
    let lo = t - 12 * HOUR_MS; // binary search for the first minute of the new offset
    let hi = t;
    while (hi - lo > 60000) {
      const mid = lo + Math.floor((hi - lo) / 120000) * 60000;
      if (offsetMinutes(mid, zone) === prev) lo = mid;
      else hi = mid;
    }
    observance(off > prev ? 'daylight' : 'standard', hi, prev, off);
    prev = off;
  }
  vtimezones.set(key, comp.toString());
  return comp.toString();
}

const PARTSTAT: Record<string, ICalAttendeeStatus> = {
  needsAction: ICalAttendeeStatus.NEEDSACTION,
  accepted: ICalAttendeeStatus.ACCEPTED,
  declined: ICalAttendeeStatus.DECLINED,
  tentative: ICalAttendeeStatus.TENTATIVE,
};

function addEvent(cal: ICalCalendar, calendar: StoredCalendar, e: Event, cancelled = false, forGuest = false): void {
  const zone = e.start?.timeZone ?? calendar.timeZone;
  const startMs = instantOfStored(e.start, calendar.timeZone);
  const endMs = instantOfStored(e.end, calendar.timeZone);
  const allDay = !e.start?.dateTime;
  const organizer = e.organizer?.email ?? calendar.id;
  const ev = cal.createEvent({
    id: e.iCalUID ?? `${e.id}@google.com`,
    sequence: e.sequence ?? 0,
    stamp: new Date(Date.parse(e.updated ?? e.created ?? new Date(0).toISOString())),
    created: e.created ? new Date(Date.parse(e.created)) : null,
    lastModified: e.updated ? new Date(Date.parse(e.updated)) : null,
    start: zoned(startMs, zone),
    end: zoned(endMs, zone),
    allDay,
    timezone: allDay ? null : zone,
    summary: e.summary ?? '',
    description: e.description ?? null,
    location: e.location ?? null,
    url: e.htmlLink ?? null,
    organizer: { name: e.organizer?.displayName ?? organizer, email: organizer },
    status: cancelled ? ICalEventStatus.CANCELLED : e.status === 'tentative' ? ICalEventStatus.TENTATIVE : ICalEventStatus.CONFIRMED,
  });
  for (const a of e.attendees ?? []) {
    if (!a.email) continue;
    const isOrganizer = a.organizer === true || a.email.toLowerCase() === organizer.toLowerCase();
    ev.createAttendee({
      email: a.email,
      name: a.displayName ?? null,
      role: isOrganizer ? ICalAttendeeRole.CHAIR : a.optional ? ICalAttendeeRole.OPT : ICalAttendeeRole.REQ,
      status: PARTSTAT[a.responseStatus ?? 'needsAction'] ?? ICalAttendeeStatus.NEEDSACTION,
      rsvp: !isOrganizer,
    });
  }
  // Reminders belong to the calendar's owner (e-mail ones go to the event's creator); an invitation carries none.
  const owner = e.creator?.email ?? organizer;
  for (const r of e.reminders?.useDefault || forGuest ? [] : (e.reminders?.overrides ?? [])) {
    const seconds = (r.minutes ?? 0) * 60;
    if (r.method === 'email') {
      ev.createAlarm({
        type: ICalAlarmType.email,
        triggerBefore: seconds,
        summary: e.summary ?? '',
        description: e.description ?? e.summary ?? '',
        attendees: [{ email: owner }],
      });
    } else ev.createAlarm({ type: ICalAlarmType.display, triggerBefore: seconds, description: e.summary ?? '' });
  }
  const x: [string, string][] = [];
  for (const [scope, props] of [
    // Private properties belong to the organizer's copy: an invitation never carries them.
    ['PRIVATE', forGuest ? undefined : e.extendedProperties?.private],
    ['SHARED', e.extendedProperties?.shared],
  ] as const) {
    for (const [k, v] of Object.entries(props ?? {})) x.push([`X-REGLAMENT-${scope}`, `${k}=${v}`]);
  }
  const meet = (e.conferenceData?.entryPoints ?? []).find((p) => p.entryPointType === 'video' && p.uri)?.uri;
  if (meet) x.push(['X-GOOGLE-CONFERENCE', meet]);
  if (x.length > 0) ev.x(x);
}

function newCalendar(calendar: StoredCalendar, events: Event[], method?: ICalCalendarMethod): ICalCalendar {
  const times = events.flatMap((e) => [instantOfStored(e.start, calendar.timeZone), instantOfStored(e.end, calendar.timeZone)]);
  const from = times.length > 0 ? Math.min(...times) : Date.now();
  const to = times.length > 0 ? Math.max(...times) : from;
  const cal = ical({
    prodId: { company: 'Reglament', product: 'Local Workspace Calendar', language: 'EN' },
    name: calendar.summary,
    method: method ?? null,
    // No calendar-level zone name: ical-generator would then write DTSTAMP without "Z".
    timezone: { name: null, generator: (zone: string) => vtimezone(zone, from, to) },
  });
  cal.x('X-WR-TIMEZONE', calendar.timeZone);
  return cal;
}

/** The whole calendar: its live events (cancelled ones are left out). */
export function calendarIcs(calendar: StoredCalendar): string {
  const live = calendar.events.filter((e) => e.status !== 'cancelled');
  const cal = newCalendar(calendar, live);
  for (const e of live) addEvent(cal, calendar, e);
  return cal.toString();
}

/** An iTIP message (RFC 5546) for one event: METHOD:REQUEST or METHOD:CANCEL. */
export function invitationIcs(calendar: StoredCalendar, event: Event, method: 'REQUEST' | 'CANCEL'): string {
  const cal = newCalendar(calendar, [event], method === 'CANCEL' ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.REQUEST);
  addEvent(cal, calendar, event, method === 'CANCEL', true);
  return cal.toString();
}
