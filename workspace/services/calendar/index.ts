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
 * "can never be larger than 2500") with pageToken/nextPageToken; syncToken/nextSyncToken and
 * updatedMin (sync.ts). Conference data with conferenceDataVersion and createRequest
 * (conference.ts). `person`: what a person does in Calendar itself (the organizer moves or
 * cancels an event, a guest answers), for the read-back to be tested end to end.
 * Validation and error texts: validate.ts, errors.ts; create limits: limits.ts; files: ics.ts,
 * invitations.ts; calendar ids: only 'primary' (the user's address) and the calendars given in
 * the options exist — any other id is 404 Not Found.
 * Not reproduced: recurring events (refused loudly), attachments, colours, watch channels,
 * import/move/quickAdd/instances, the timeZone argument of get/list, the e-mail a guest's answer
 * sends the organizer.
 */
import * as path from 'path';
import type { calendar_v3 } from 'googleapis';
import type { FakeService, Runtime } from '../../runtime/runtime';
import { createCalendarApp } from './calendarApp';
import { CalendarApiError, MSG, bad, gone, notFound, toAppsScriptError } from './errors';
import { calendarIcs } from './ics';
import { InvitationOutbox, sendUpdatesOf, type Invitation } from './invitations';
import { checkCreateAllowed, createdToday } from './limits';
import { CalendarStore, newEventId, type CalendarSeed, type StoredCalendar } from './store';
import { formatDateTime, instantOfStored, parseTimestamp } from './times';
import { conferenceVersionOf, createdConference, nextConference, videoLink } from './conference';
import { changeOf, checkSyncArgs, issueToken, mayIssueToken, readToken, recordChange } from './sync';
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

/** What a person does in Google Calendar itself (no API call is counted): the organizer moves or cancels an event, a guest answers. */
export interface CalendarPerson {
  /** The calendar holding the event (its live copy first), or null. */
  find(eventId: string): { calendarId: string; event: Event } | null;
  /** The organizer drags the event to `startMs` (the same length unless `endMs` is given); guests get the update. */
  move(eventId: string, startMs: number, endMs?: number): Event;
  /** The organizer deletes the event; guests get the cancellation. */
  cancel(eventId: string): Event;
  /** A guest answers the invitation (accepted, declined, tentative). */
  respond(eventId: string, email: string, status: string): Event;
}

export const RESPONSES = ['accepted', 'declined', 'tentative'] as const;

export interface CalendarFake extends FakeService {
  globals: { Calendar: AdvancedCalendar; CalendarApp: CalendarAppFake };
  readonly person: CalendarPerson;
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
    settle(cal);
    return cal;
  }

  /** Conferences whose creation time has come get their Meet link (conference.ts). */
  function settle(cal: StoredCalendar): void {
    const now = rt.clock.nowMs();
    for (const [id, p] of Object.entries(cal.conferences ?? {})) {
      if (p.readyAt > now) continue;
      delete cal.conferences![id];
      const e = cal.events.find((x) => x.id === id);
      if (!e || e.conferenceData?.createRequest?.status?.statusCode !== 'pending') continue;
      e.conferenceData = createdConference(e, p);
      stamp(cal, e);
    }
  }

  /** Stores the conference a write asked for (`incoming` undefined: keep the stored one). */
  function applyConference(
    cal: StoredCalendar,
    event: Event,
    incoming: unknown,
    stored: Event['conferenceData'],
    version: number,
    keep: boolean,
  ): void {
    const out = keep ? { data: stored } : nextConference(incoming, stored, version, rt.clock.nowMs());
    if (out.data) event.conferenceData = out.data;
    else delete event.conferenceData;
    const id = event.id as string;
    if (out.pending) (cal.conferences ??= {})[id] = out.pending;
    else if (!out.data?.createRequest || out.data.createRequest.status?.statusCode !== 'pending') delete cal.conferences?.[id];
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

  function stamp(cal: StoredCalendar, e: Event): void {
    const now = rt.clock.nowMs();
    e.updated = new Date(now).toISOString();
    e.etag = `"${now}${String(e.sequence ?? 0).padStart(3, '0')}"`;
    recordChange(cal, e.id as string);
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
    const incoming = raw.conferenceData;
    delete raw.conferenceData;
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
    applyConference(cal, event, incoming, undefined, conferenceVersionOf(args(optionalArgs)), false);
    stamp(cal, event);
    cal.events.push(event);
    store.recordCreate();
    outbox.send(cal, event, guestsOf(event), 'REQUEST', false, sendUpdatesOf(args(optionalArgs)));
    return copy(event);
  }

  /**
   * Stores `body` in place of `stored` and tells the guests what changed. `conference` is
   * the request's conferenceData, or undefined when a patch does not name it.
   */
  function replace(
    cal: StoredCalendar,
    stored: Event,
    body: Record<string, unknown>,
    optionalArgs: unknown,
    conference: { value: unknown } | undefined,
  ): Event {
    for (const f of SERVER_FIELDS) body[f] = stored[f];
    body.sequence = (stored.sequence ?? 0) + 1;
    delete body.conferenceData;
    const next = checkEvent(body, context(cal));
    applyConference(cal, next, conference?.value, stored.conferenceData, conferenceVersionOf(args(optionalArgs)), conference === undefined);
    stamp(cal, next);
    const time = (e: Event) => [instantOfStored(e.start, cal.timeZone), instantOfStored(e.end, cal.timeZone), e.start?.date].join();
    const changed =
      time(stored) !== time(next) ||
      videoLink(stored) !== videoLink(next) ||
      ['summary', 'description', 'location'].some((k) => stored[k as keyof Event] !== next[k as keyof Event]);
    const before = new Set(guestsOf(stored).map((g) => g.toLowerCase()));
    const after = new Set(guestsOf(next).map((g) => g.toLowerCase()));
    const mode = sendUpdatesOf(args(optionalArgs));
    cal.events[cal.events.indexOf(stored)] = next;
    const kept = guestsOf(next).filter((g) => before.has(g.toLowerCase()));
    if (changed) outbox.send(cal, next, kept, 'REQUEST', true, mode);
    outbox.send(
      cal,
      next,
      guestsOf(next).filter((g) => !before.has(g.toLowerCase())),
      'REQUEST',
      false,
      mode,
    );
    outbox.send(
      cal,
      next,
      guestsOf(stored).filter((g) => !after.has(g.toLowerCase())),
      'CANCEL',
      false,
      mode,
    );
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
    const token = a.syncToken === undefined || a.syncToken === null || a.syncToken === '' ? null : a.syncToken;
    if (token !== null) checkSyncArgs(a);
    const since = token === null ? null : readToken(cal, token, rt.clock.nowMs());
    const updatedMin = a.updatedMin === undefined ? null : parseTimestamp(a.updatedMin);
    if (a.updatedMin !== undefined && updatedMin === null) throw bad(MSG.badRequest, 'badRequest');
    const privateProps = propertyFilters(a.privateExtendedProperty);
    const sharedProps = propertyFilters(a.sharedExtendedProperty);
    const terms = typeof a.q === 'string' ? a.q.toLowerCase().split(/\s+/).filter(Boolean) : [];
    const pageSize = a.maxResults === undefined ? DEFAULT_PAGE : Math.min(Number(a.maxResults), MAX_PAGE);
    if (!Number.isInteger(pageSize) || pageSize < 1) throw bad(MSG.badRequest, 'badRequest');
    const offset = a.pageToken === undefined ? 0 : Number(Buffer.from(String(a.pageToken), 'base64url').toString());
    if (!Number.isInteger(offset) || offset < 0) throw bad(MSG.badRequest, 'badRequest');

    const matches = cal.events.filter((e) => {
      // Incremental lists (syncToken, updatedMin) always carry what was deleted since.
      if (since !== null) return changeOf(cal, e.id) > since;
      if (updatedMin !== null && !(Date.parse(e.updated ?? '') >= updatedMin)) return false;
      if (e.status === 'cancelled' && a.showDeleted !== true && updatedMin === null) return false;
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
    } else if (since !== null || mayIssueToken(a)) result.nextSyncToken = issueToken(cal, rt.clock.nowMs());
    return result;
  }

  function cancel(cal: StoredCalendar, stored: Event, mode: ReturnType<typeof sendUpdatesOf>): void {
    stored.status = 'cancelled';
    stored.sequence = (stored.sequence ?? 0) + 1;
    stamp(cal, stored);
    delete cal.conferences?.[stored.id as string];
    outbox.send(cal, stored, guestsOf(stored), 'CANCEL', false, mode);
  }

  /** The live event of that id on any calendar (else a cancelled one), with its calendar. */
  function locate(eventId: string): { cal: StoredCalendar; event: Event } | null {
    let found: { cal: StoredCalendar; event: Event } | null = null;
    for (const cal of store.all()) {
      settle(cal);
      const event = cal.events.find((e) => e.id === eventId);
      if (event && (!found || (found.event.status === 'cancelled' && event.status !== 'cancelled'))) found = { cal, event };
    }
    return found;
  }

  function liveEvent(eventId: string): { cal: StoredCalendar; event: Event } {
    const at = locate(eventId);
    if (!at) throw new Error(`no event with id ${eventId} on any calendar`);
    if (at.event.status === 'cancelled') throw new Error(`event ${eventId} is cancelled`);
    return at;
  }

  const person: CalendarPerson = {
    find(eventId) {
      const at = locate(eventId);
      return at ? { calendarId: at.cal.id, event: copy(at.event) } : null;
    },
    move(eventId, startMs, endMs) {
      const { cal, event } = liveEvent(eventId);
      if (!event.start?.dateTime) throw new Error(`event ${eventId} is an all-day event`);
      const length = instantOfStored(event.end, cal.timeZone) - instantOfStored(event.start, cal.timeZone);
      const end = endMs ?? startMs + length;
      if (!(end > startMs)) throw new Error('the end must be after the start');
      const at = (ms: number, t: Event['start']) => ({
        dateTime: formatDateTime(ms, t?.timeZone ?? cal.timeZone),
        ...(t?.timeZone ? { timeZone: t.timeZone } : {}),
      });
      const body = copy(event) as Record<string, unknown>;
      body.start = at(startMs, event.start);
      body.end = at(end, event.end);
      // Calendar asks the organizer whether to e-mail the guests; "Send" is the reading here.
      return replace(cal, event, body, { sendUpdates: 'all' }, undefined);
    },
    cancel(eventId) {
      const { cal, event } = liveEvent(eventId);
      cancel(cal, event, 'all');
      return copy(event);
    },
    respond(eventId, email, status) {
      if ((RESPONSES as readonly string[]).indexOf(status) < 0) throw new Error(`an answer is one of ${RESPONSES.join(', ')}, not "${status}"`);
      const { cal, event } = liveEvent(eventId);
      const guest = (event.attendees ?? []).find((x) => (x.email ?? '').toLowerCase() === email.trim().toLowerCase());
      if (!guest) throw new Error(`${email} is not a guest of event ${eventId}`);
      guest.responseStatus = status;
      // A guest's answer changes the organizer's copy (updated, sync) but not its sequence.
      stamp(cal, event);
      return copy(event);
    },
  };

  const Events = {
    insert: (resource: unknown, calendarId: unknown, optionalArgs?: unknown) =>
      api('Calendar.Events.insert', 'events.insert', () => insert(resource, calendarId, optionalArgs)),
    get: (calendarId: unknown, eventId: unknown) =>
      api('Calendar.Events.get', 'events.get', () => copy(eventOf(calendarOf(calendarId), eventId))),
    patch: (resource: unknown, calendarId: unknown, eventId: unknown, optionalArgs?: unknown) =>
      api('Calendar.Events.patch', 'events.patch', () => {
        const cal = calendarOf(calendarId);
        const stored = eventOf(cal, eventId);
        const patch = withoutServerFields(plainBody(resource));
        const conference = 'conferenceData' in patch ? { value: patch.conferenceData } : undefined;
        delete patch.conferenceData;
        const merged = mergePatch(copy(stored) as Record<string, unknown>, patch);
        return replace(cal, stored, merged, optionalArgs, conference);
      }),
    update: (resource: unknown, calendarId: unknown, eventId: unknown, optionalArgs?: unknown) =>
      api('Calendar.Events.update', 'events.update', () => {
        const cal = calendarOf(calendarId);
        const stored = eventOf(cal, eventId);
        const body = withoutServerFields(plainBody(resource));
        return replace(cal, stored, body, optionalArgs, { value: body.conferenceData });
      }),
    remove: (calendarId: unknown, eventId: unknown, optionalArgs?: unknown): void =>
      api('Calendar.Events.remove', 'events.delete', () => {
        const cal = calendarOf(calendarId);
        const stored = eventOf(cal, eventId);
        if (stored.status === 'cancelled') throw gone();
        cancel(cal, stored, sendUpdatesOf(args(optionalArgs)));
      }),
    list: (calendarId: unknown, optionalArgs?: unknown) => api('Calendar.Events.list', 'events.list', () => list(calendarId, optionalArgs)),
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
    person,
    icsDir,
    events(calendarId?: string): Event[] {
      const cals = calendarId === undefined ? store.all() : store.all().filter((c) => c.id === store.resolveId(calendarId));
      for (const c of cals) settle(c);
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
