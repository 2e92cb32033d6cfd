/**
 * The Advanced Calendar service (global `Calendar`, Calendar API v3 as Apps Script exposes it)
 * and a minimal CalendarApp, on the local Workspace.
 * https://developers.google.com/apps-script/advanced/calendar — "uses the same objects, methods,
 * and parameters as the public Google Calendar API"; reference:
 * https://developers.google.com/workspace/calendar/api/v3/reference/events
 *
 * Reproduced: Events.insert/get/patch/update/remove/list and Calendars.get; generated ids
 * (26 base32hex characters), iCalUID "<id>@google.com", htmlLink, created/updated, status,
 * sequence (+1 on every patch/update), creator = the effective user, organizer = the user on
 * their primary calendar and the calendar itself on any other (as Google shows events of
 * secondary calendars). Deleted events stay readable with status "cancelled" ("The get method
 * always returns them"); deleting one again gives 410 "Resource has been deleted". list():
 * timeMin (exclusive bound on the end) / timeMax (exclusive bound on the start), q,
 * privateExtendedProperty / sharedExtendedProperty "name=value" (repeatable, all must match),
 * iCalUID, showDeleted, singleEvents, orderBy startTime (needs singleEvents, else "The requested
 * ordering is not available for the particular query.") or updated, maxResults (default 250,
 * "can never be larger than 2500") with pageToken/nextPageToken.
 * Validation and error texts: validate.ts, errors.ts; create limits: limits.ts; files: ics.ts,
 * invitations.ts; calendar ids: only 'primary' (the user's address) and the calendars given in
 * the options exist — any other id is 404 Not Found.
 * Not reproduced: recurring events (refused loudly), attachments, conference data, colours,
 * watch/sync tokens, import/move/quickAdd/instances, the timeZone argument of get/list.
 */
import * as path from 'path';
import type { calendar_v3 } from 'googleapis';
import type { FakeService, Runtime } from '../../runtime';
import { createCalendarApp } from './calendarApp';
import { CalendarApiError, MSG, bad, gone, notFound, toAppsScriptError } from './errors';
import { calendarIcs } from './ics';
import { InvitationOutbox, sendUpdatesOf, type Invitation } from './invitations';
import { checkCreateAllowed, createdToday } from './limits';
import { CalendarStore, newEventId, type CalendarSeed, type StoredCalendar } from './store';
import { instantOfStored, parseTimestamp } from './times';
import {
  SERVER_FIELDS,
  checkClientId,
  checkEvent,
  isPlainObject,
  mergePatch,
  plainBody,
  withoutServerFields,
  type EventContext,
} from './validate';

export type { Invitation } from './invitations';
export { MSG } from './errors';

type Event = calendar_v3.Schema$Event;

export interface CalendarOptions {
  calendars?: CalendarSeed[];
  /** Where the .ics exports and invitations/ go; default <state dir>/calendar. */
  icsDir?: string;
}

/** The global `Calendar` (Advanced service) as the bundle sees it. */
export interface AdvancedCalendar {
  Events: {
    insert(resource: Event, calendarId: string, optionalArgs?: Record<string, unknown>): Event;
    get(calendarId: string, eventId: string): Event;
    patch(resource: Event, calendarId: string, eventId: string, optionalArgs?: Record<string, unknown>): Event;
    update(resource: Event, calendarId: string, eventId: string, optionalArgs?: Record<string, unknown>): Event;
    remove(calendarId: string, eventId: string, optionalArgs?: Record<string, unknown>): void;
    list(calendarId: string, optionalArgs?: Record<string, unknown>): calendar_v3.Schema$Events;
  };
  Calendars: { get(calendarId: string): calendar_v3.Schema$Calendar };
}

export type CalendarAppFake = ReturnType<typeof createCalendarApp>;

export interface CalendarFake extends FakeService {
  globals: { Calendar: AdvancedCalendar; CalendarApp: CalendarAppFake };
  /** Folder of the .ics exports, or null when nothing is written. */
  readonly icsDir: string | null;
  /** Live (not cancelled) events, of one calendar or of all (no call counting). */
  events(calendarId?: string): Event[];
  /** Invitations, updates and cancellations sent to guests, in order (no call counting). */
  readonly invitations: Invitation[];
  /** Events the effective user created in the last 24 hours (no call counting). */
  createdCountToday(): number;
  /** Path of a calendar's .ics export, or null. */
  icsPath(calendarId: string): string | null;
  /** Writes calendar.json, one .ics per calendar and the pending invitation .eml files. */
  flush(): Promise<void>;
}

const DEFAULT_PAGE = 250;
const MAX_PAGE = 2500;

const copy = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;
const fileSafe = (id: string) => id.replace(/[^A-Za-z0-9._@-]+/g, '_');

function args(v: unknown): Record<string, unknown> {
  return isPlainObject(v) ? v : {};
}

function guestsOf(e: Event): string[] {
  return (e.attendees ?? []).map((a) => a.email ?? '').filter((x) => x !== '');
}

function propertyFilters(v: unknown): Array<[string, string]> {
  if (v === undefined || v === null) return [];
  const list = Array.isArray(v) ? v : [v];
  return list.map((c) => {
    const s = String(c);
    const i = s.indexOf('=');
    if (i <= 0) throw bad(MSG.badRequest, 'badRequest');
    return [s.slice(0, i), s.slice(i + 1)];
  });
}

export function createCalendarService(rt: Runtime, options: CalendarOptions = {}): CalendarFake {
  const store = new CalendarStore(rt, options.calendars ?? []);
  const icsDir = options.icsDir ?? (rt.state ? path.join(rt.state.dir, 'calendar') : null);
  const outbox = new InvitationOutbox(rt, icsDir ? path.join(icsDir, 'invitations') : null);

  /** Counts the call, then turns API errors into the exception Apps Script throws. */
  function api<T>(call: string, method: string, run: () => T): T {
    rt.call(call);
    try {
      return run();
    } catch (err) {
      if (err instanceof CalendarApiError) throw toAppsScriptError(rt, method, err);
      throw err instanceof Error ? rt.error(err.message) : err;
    }
  }

  function calendarOf(calendarId: unknown): StoredCalendar {
    const cal = typeof calendarId === 'string' ? store.find(calendarId) : null;
    if (!cal) throw notFound();
    return cal;
  }

  function eventOf(cal: StoredCalendar, eventId: unknown): Event {
    const e = cal.events.find((x) => x.id === eventId);
    if (!e) throw notFound();
    return e;
  }

  function context(cal: StoredCalendar): EventContext {
    // The organizer is the user on their primary calendar and the calendar itself elsewhere.
    return { calendarZone: cal.timeZone, ownerEmail: cal.id, organizerEmail: cal.id };
  }

  function stamp(e: Event): void {
    const now = rt.clock.nowMs();
    e.updated = new Date(now).toISOString();
    e.etag = `"${now}${String(e.sequence ?? 0).padStart(3, '0')}"`;
  }

  function insert(resource: unknown, calendarId: unknown, optionalArgs?: unknown): Event {
    const cal = calendarOf(calendarId);
    const raw = plainBody(resource);
    let id = newEventId();
    if (raw.id !== undefined) {
      id = checkClientId(raw.id);
      if (cal.events.some((e) => e.id === id)) throw new CalendarApiError(409, 'duplicate', MSG.duplicate);
    }
    const user = rt.execution.effectiveUser;
    const checked = checkEvent(withoutServerFields(raw), context(cal));
    checkCreateAllowed(rt, store);
    const now = new Date(rt.clock.nowMs()).toISOString();
    const event: Event = {
      kind: 'calendar#event',
      id,
      htmlLink: `https://www.google.com/calendar/event?eid=${Buffer.from(`${id} ${cal.id}`).toString('base64url')}`,
      created: now,
      creator: { email: user, self: true },
      organizer: cal.id === user ? { email: user, self: true } : { email: cal.id, displayName: cal.summary, self: true },
      iCalUID: `${id}@google.com`,
      eventType: 'default',
      ...checked,
    };
    stamp(event);
    cal.events.push(event);
    store.recordCreate();
    outbox.send(cal, event, guestsOf(event), 'REQUEST', false, sendUpdatesOf(args(optionalArgs)));
    return copy(event);
  }

  /** Stores `body` in place of `stored` and tells the guests what changed. */
  function replace(cal: StoredCalendar, stored: Event, body: Record<string, unknown>, optionalArgs: unknown): Event {
    for (const f of SERVER_FIELDS) body[f] = stored[f];
    body.sequence = (stored.sequence ?? 0) + 1;
    const next = checkEvent(body, context(cal));
    stamp(next);
    const time = (e: Event) =>
      [instantOfStored(e.start, cal.timeZone), instantOfStored(e.end, cal.timeZone), e.start?.date].join();
    const changed =
      time(stored) !== time(next) ||
      ['summary', 'description', 'location'].some((k) => stored[k as keyof Event] !== next[k as keyof Event]);
    const before = new Set(guestsOf(stored).map((g) => g.toLowerCase()));
    const after = new Set(guestsOf(next).map((g) => g.toLowerCase()));
    const mode = sendUpdatesOf(args(optionalArgs));
    cal.events[cal.events.indexOf(stored)] = next;
    const kept = guestsOf(next).filter((g) => before.has(g.toLowerCase()));
    if (changed) outbox.send(cal, next, kept, 'REQUEST', true, mode);
    outbox.send(cal, next, guestsOf(next).filter((g) => !before.has(g.toLowerCase())), 'REQUEST', false, mode);
    outbox.send(cal, next, guestsOf(stored).filter((g) => !after.has(g.toLowerCase())), 'CANCEL', false, mode);
    return copy(next);
  }

  function list(calendarId: unknown, optionalArgs?: unknown): calendar_v3.Schema$Events {
    const cal = calendarOf(calendarId);
    const a = args(optionalArgs);
    const min = a.timeMin === undefined ? null : parseTimestamp(a.timeMin);
    const max = a.timeMax === undefined ? null : parseTimestamp(a.timeMax);
    if ((a.timeMin !== undefined && min === null) || (a.timeMax !== undefined && max === null)) {
      throw bad(MSG.badRequest, 'badRequest');
    }
    if (min !== null && max !== null && max <= min) throw bad(MSG.timeRangeEmpty, 'timeRangeEmpty', 'calendar');
    if (a.orderBy !== undefined && a.orderBy !== 'startTime' && a.orderBy !== 'updated') throw bad(MSG.badRequest, 'badRequest');
    if (a.orderBy === 'startTime' && a.singleEvents !== true) throw bad(MSG.badOrdering, 'invalid');
    const privateProps = propertyFilters(a.privateExtendedProperty);
    const sharedProps = propertyFilters(a.sharedExtendedProperty);
    const terms = typeof a.q === 'string' ? a.q.toLowerCase().split(/\s+/).filter(Boolean) : [];
    const pageSize = a.maxResults === undefined ? DEFAULT_PAGE : Math.min(Number(a.maxResults), MAX_PAGE);
    if (!Number.isInteger(pageSize) || pageSize < 1) throw bad(MSG.badRequest, 'badRequest');
    const offset = a.pageToken === undefined ? 0 : Number(Buffer.from(String(a.pageToken), 'base64url').toString());
    if (!Number.isInteger(offset) || offset < 0) throw bad(MSG.badRequest, 'badRequest');

    const matches = cal.events.filter((e) => {
      if (e.status === 'cancelled' && a.showDeleted !== true) return false;
      if (a.iCalUID !== undefined && e.iCalUID !== a.iCalUID) return false;
      if (min !== null && !(instantOfStored(e.end, cal.timeZone) > min)) return false;
      if (max !== null && !(instantOfStored(e.start, cal.timeZone) < max)) return false;
      if (privateProps.some(([k, v]) => e.extendedProperties?.private?.[k] !== v)) return false;
      if (sharedProps.some(([k, v]) => e.extendedProperties?.shared?.[k] !== v)) return false;
      if (terms.length > 0) {
        // Full-text search by words: every term must begin some word of the event's text.
        const words = [e.summary, e.description, e.location, e.organizer?.email, e.organizer?.displayName]
          .concat((e.attendees ?? []).flatMap((x) => [x.email, x.displayName]))
          .filter(Boolean)
          .join(' ')
          .toLowerCase()
          .split(/[^\p{L}\p{N}@.]+/u);
        if (!terms.every((t) => words.some((w) => w.startsWith(t)))) return false;
      }
      return true;
    });
    if (a.orderBy === 'startTime') {
      matches.sort((x, y) => instantOfStored(x.start, cal.timeZone) - instantOfStored(y.start, cal.timeZone));
    } else if (a.orderBy === 'updated') matches.sort((x, y) => Date.parse(x.updated ?? '') - Date.parse(y.updated ?? ''));
    const items = matches.slice(offset, offset + pageSize);
    const updated = cal.events.reduce((m, e) => (e.updated && e.updated > m ? e.updated : m), new Date(0).toISOString());
    const result: calendar_v3.Schema$Events = {
      kind: 'calendar#events',
      etag: `"${Date.parse(updated)}000"`,
      summary: cal.summary,
      description: '',
      updated,
      timeZone: cal.timeZone,
      accessRole: 'owner',
      defaultReminders: [],
      items: copy(items),
    };
    if (offset + pageSize < matches.length) {
      result.nextPageToken = Buffer.from(String(offset + pageSize)).toString('base64url');
    }
    return result;
  }

  const Events = {
    insert: (resource: unknown, calendarId: unknown, optionalArgs?: unknown) =>
      api('Calendar.Events.insert', 'events.insert', () => insert(resource, calendarId, optionalArgs)),
    get: (calendarId: unknown, eventId: unknown) =>
      api('Calendar.Events.get', 'events.get', () => copy(eventOf(calendarOf(calendarId), eventId))),
    patch: (resource: unknown, calendarId: unknown, eventId: unknown, optionalArgs?: unknown) =>
      api('Calendar.Events.patch', 'events.patch', () => {
        const cal = calendarOf(calendarId);
        const stored = eventOf(cal, eventId);
        const merged = mergePatch(copy(stored) as Record<string, unknown>, withoutServerFields(plainBody(resource)));
        return replace(cal, stored, merged, optionalArgs);
      }),
    update: (resource: unknown, calendarId: unknown, eventId: unknown, optionalArgs?: unknown) =>
      api('Calendar.Events.update', 'events.update', () => {
        const cal = calendarOf(calendarId);
        const stored = eventOf(cal, eventId);
        return replace(cal, stored, withoutServerFields(plainBody(resource)), optionalArgs);
      }),
    remove: (calendarId: unknown, eventId: unknown, optionalArgs?: unknown): void =>
      api('Calendar.Events.remove', 'events.delete', () => {
        const cal = calendarOf(calendarId);
        const stored = eventOf(cal, eventId);
        if (stored.status === 'cancelled') throw gone();
        stored.status = 'cancelled';
        stored.sequence = (stored.sequence ?? 0) + 1;
        stamp(stored);
        outbox.send(cal, stored, guestsOf(stored), 'CANCEL', false, sendUpdatesOf(args(optionalArgs)));
      }),
    list: (calendarId: unknown, optionalArgs?: unknown) =>
      api('Calendar.Events.list', 'events.list', () => list(calendarId, optionalArgs)),
  };

  const Calendars = {
    get: (calendarId: unknown): calendar_v3.Schema$Calendar =>
      api('Calendar.Calendars.get', 'calendars.get', () => {
        const cal = calendarOf(calendarId);
        return {
          kind: 'calendar#calendar',
          etag: `"${cal.id.length}${cal.events.length}"`,
          id: cal.id,
          summary: cal.summary,
          timeZone: cal.timeZone,
          conferenceProperties: { allowedConferenceSolutionTypes: ['hangoutsMeet'] },
        };
      }),
  };

  /** The calendars as last exported to .ics: a flush with no change exports nothing again. */
  let exported: string | null = null;
  const icsPath = (calendarId: string) => (icsDir ? path.join(icsDir, `${fileSafe(store.resolveId(calendarId))}.ics`) : null);

  return {
    globals: { Calendar: { Events, Calendars }, CalendarApp: createCalendarApp(rt, store) },
    icsDir,
    events(calendarId?: string): Event[] {
      const cals = calendarId === undefined ? store.all() : store.all().filter((c) => c.id === store.resolveId(calendarId));
      return copy(cals.flatMap((c) => c.events.filter((e) => e.status !== 'cancelled')));
    },
    get invitations(): Invitation[] {
      return outbox.all();
    },
    createdCountToday: () => createdToday(store),
    icsPath,
    async flush(): Promise<void> {
      store.save();
      const now = JSON.stringify(store.all());
      if (icsDir && now !== exported) for (const cal of store.all()) rt.writeFile(icsPath(cal.id) as string, calendarIcs(cal));
      exported = now;
      await outbox.flush();
    },
  };
}
