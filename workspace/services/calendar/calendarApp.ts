/**
 * A minimal CalendarApp over the same store as the Advanced service.
 * https://developers.google.com/apps-script/reference/calendar/calendar-app
 * - getCalendarById(id): "the calendar with the given ID, or null if the calendar does not
 *   exist, if the user cannot access it, or if the user is not subscribed to the calendar".
 * - getDefaultCalendar(): the user's primary calendar.
 * - Calendar.getEvents(startTime, endTime): events "that start during the given time range, end
 *   during the time range, or encompass the time range", cancelled ones excluded.
 * - CalendarEvent.getId(): the iCalUID ("<event id>@google.com" for events made by the API),
 *   getStartTime() of an all-day event: midnight of its first day in the calendar's zone.
 * - CalendarEvent.getTag(key): Google does not document where tags live; this fake reads
 *   extendedProperties.shared (an unverified choice — do not rely on tags written through the
 *   Advanced service being visible here).
 * Calls counted: getCalendarById, getDefaultCalendar, Calendar.getEvents; the getters of the
 * returned objects read what getEvents fetched and are treated as local.
 */
import type { calendar_v3 } from 'googleapis';
import type { Runtime } from '../../runtime/runtime';
import type { CalendarStore, StoredCalendar } from './store';
import { instantOfStored } from './times';

function typeName(v: unknown): string {
  if (Object.prototype.toString.call(v) === '[object Date]') return 'Date';
  if (typeof v === 'string') return 'String';
  if (v === null || v === undefined) return 'null';
  return typeof v === 'object' ? 'Object' : typeof v;
}

function eventObject(rt: Runtime, cal: StoredCalendar, snapshot: calendar_v3.Schema$Event) {
  const e = JSON.parse(JSON.stringify(snapshot)) as calendar_v3.Schema$Event;
  const organizer = (e.organizer?.email ?? '').toLowerCase();
  return {
    getId: () => e.iCalUID ?? `${e.id}@google.com`,
    getTitle: () => e.summary ?? '',
    getDescription: () => e.description ?? '',
    getLocation: () => e.location ?? '',
    isAllDayEvent: () => !e.start?.dateTime,
    getStartTime: () => rt.date(instantOfStored(e.start, cal.timeZone)),
    getEndTime: () => rt.date(instantOfStored(e.end, cal.timeZone)),
    getGuestList: () =>
      rt.realm.Array.from(
        (e.attendees ?? [])
          .filter((a) => (a.email ?? '').toLowerCase() !== organizer)
          .map((a) => ({ getEmail: () => a.email ?? '', getName: () => a.displayName ?? '' })),
      ),
    getTag: (key: string) => e.extendedProperties?.shared?.[String(key)] ?? null,
  };
}

function calendarObject(rt: Runtime, cal: StoredCalendar) {
  return {
    getId: () => cal.id,
    getName: () => cal.summary,
    getTimeZone: () => cal.timeZone,
    getEvents(startTime: unknown, endTime: unknown) {
      rt.call('CalendarApp.Calendar.getEvents');
      if (typeName(startTime) !== 'Date' || typeName(endTime) !== 'Date') {
        throw rt.error(
          `The parameters (${typeName(startTime)},${typeName(endTime)}) don't match the method signature ` +
            'for CalendarApp.Calendar.getEvents.',
        );
      }
      const from = (startTime as Date).getTime();
      const to = (endTime as Date).getTime();
      const hits = cal.events
        .filter((e) => e.status !== 'cancelled')
        .map((e) => ({ e, s: instantOfStored(e.start, cal.timeZone), en: instantOfStored(e.end, cal.timeZone) }))
        .filter(({ s, en }) => s < to && (en > from || (s === en && s >= from)))
        .sort((a, b) => a.s - b.s);
      return rt.realm.Array.from(hits.map(({ e }) => eventObject(rt, cal, e)));
    },
  };
}

export function createCalendarApp(rt: Runtime, store: CalendarStore) {
  return {
    getCalendarById(id: unknown) {
      rt.call('CalendarApp.getCalendarById');
      if (typeof id !== 'string') return null;
      const cal = store.find(id);
      return cal ? calendarObject(rt, cal) : null;
    },
    getDefaultCalendar() {
      rt.call('CalendarApp.getDefaultCalendar');
      return calendarObject(rt, store.find('primary') as StoredCalendar);
    },
  };
}
