/**
 * The company calendar through the Advanced Calendar service (`Calendar.Events.*`, API v3).
 *
 * Nothing is ever duplicated: an event gets an id derived from the spreadsheet and the
 * call ID (base32hex, as the API allows for client-chosen ids), so an insert repeated
 * after a crash, or for a row whose Event ID was lost, answers 409 and the existing event
 * is patched instead. A known event is patched in place (status "confirmed" restores one
 * that was deleted); only the parts that changed are sent, and guests are e-mailed only
 * when the time, title or guest list changed for a call still ahead.
 *
 * Every write says conferenceDataVersion 1 (without it Calendar ignores conferenceData): a
 * call without a typed link gets a Google Meet through conferenceData.createRequest, which
 * Calendar fills in asynchronously (the link is read back later, features/calls/readback.ts). Each
 * call also has a staff-only twin event with no guests (features/calls/rules/calls.ts says why), written
 * with its own id and never e-mailed to anyone.
 */
export type EventResource = GoogleAppsScript.Calendar.Schema.Event;

export interface DesiredEvent {
  callId: string;
  title: string;
  start: number;
  end: number;
  zoneId: string;
  description: string;
  guests: string[];
  guestsCanSeeOtherGuests: boolean;
  /** A typed link (Zoom, …), or '' for the event's Google Meet. */
  meetingLink: string;
  reminderMinutes: number[];
}

/** What the write asks of the event's conference: a new Meet (its request id), its removal, or nothing. */
export interface ConferenceChange {
  create?: string;
  remove?: boolean;
}

/** The staff-only twin of a call's event. */
export interface DesiredNotes {
  callId: string;
  title: string;
  start: number;
  end: number;
  zoneId: string;
  description: string;
}

/** Fingerprints of the parts of an event: time (title, start, end), guests, content. */
export interface EventParts {
  time: string;
  guests: string;
  content: string;
}

export type Part = keyof EventParts;
export const PARTS: Part[] = ['time', 'guests', 'content'];

/** A 53-bit string hash (cyrb53), in base 36. */
export function hash(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

export function partsOf(e: DesiredEvent): EventParts {
  return {
    time: hash(JSON.stringify([e.title, e.start, e.end, e.zoneId])),
    guests: hash(JSON.stringify([[...e.guests].sort(), e.guestsCanSeeOtherGuests])),
    content: hash(JSON.stringify([e.description, e.reminderMinutes, e.callId, e.meetingLink])),
  };
}

/** Fingerprint of the twin as written. */
export function notesPrintOf(n: DesiredNotes): string {
  return hash(JSON.stringify([n.title, n.start, n.end, n.zoneId, n.description]));
}

const iso = (ms: number): string => new Date(ms).toISOString();

/** The request body for the given parts (all of them for an insert or a restore). */
export function resourceOf(e: DesiredEvent, parts: readonly Part[], restore: boolean, conference: ConferenceChange = {}): EventResource {
  const body: EventResource = {};
  if (parts.includes('time')) {
    body.summary = e.title;
    body.start = { dateTime: iso(e.start), timeZone: e.zoneId };
    body.end = { dateTime: iso(e.end), timeZone: e.zoneId };
  }
  if (parts.includes('guests')) {
    body.attendees = e.guests.map((email) => ({ email }));
    body.guestsCanSeeOtherGuests = e.guestsCanSeeOtherGuests;
  }
  if (parts.includes('content')) {
    body.description = e.description;
    body.location = e.meetingLink;
    body.reminders = { useDefault: false, overrides: e.reminderMinutes.map((minutes) => ({ method: 'popup', minutes })) };
    body.extendedProperties = { private: { callId: e.callId, reglament: 'call' } };
  }
  if (conference.create)
    body.conferenceData = { createRequest: { requestId: conference.create, conferenceSolutionKey: { type: 'hangoutsMeet' } } };
  else if (conference.remove) (body as Record<string, unknown>).conferenceData = null;
  if (restore) body.status = 'confirmed';
  return body;
}

/** The twin: no guests, shown as free (the call itself holds the time), no reminders. */
export function notesResourceOf(n: DesiredNotes): EventResource {
  return {
    summary: n.title,
    start: { dateTime: iso(n.start), timeZone: n.zoneId },
    end: { dateTime: iso(n.end), timeZone: n.zoneId },
    description: n.description,
    transparency: 'transparent',
    reminders: { useDefault: false, overrides: [] },
    extendedProperties: { private: { callId: n.callId, reglament: 'notes' } },
    status: 'confirmed',
  };
}

/** What Calendar says of the event's conference: its state and the video link once there. */
export interface ConferenceState {
  status: '' | 'pending' | 'success' | 'failure';
  link: string;
}

export function conferenceOf(ev: EventResource | null | undefined): ConferenceState {
  const data = ev?.conferenceData;
  if (!data) return { status: '', link: '' };
  const video = (data.entryPoints ?? []).find((p) => p.entryPointType === 'video' && p.uri);
  if (video?.uri) return { status: 'success', link: video.uri };
  const code = data.createRequest?.status?.statusCode;
  return { status: code === 'pending' || code === 'failure' ? code : code === 'success' ? 'success' : '', link: '' };
}

const BASE32HEX = '0123456789abcdefghijklmnopqrstuv';

function utf8(text: string): number[] {
  const out: number[] = [];
  for (const ch of text) {
    const c = ch.codePointAt(0) as number;
    if (c < 0x80) out.push(c);
    else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 63));
    else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    else {
      out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    }
  }
  return out;
}

/** The event id of a call: "rg" + base32hex of "<spreadsheet id>/<call ID>" (a-v, 0-9; unique per workbook and call). */
export function eventIdFor(spreadsheetId: string, callId: string): string {
  let bits = 0;
  let value = 0;
  let out = 'rg';
  for (const byte of utf8(`${spreadsheetId}/${callId}`)) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += BASE32HEX[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
    value &= (1 << bits) - 1;
  }
  if (bits > 0) out += BASE32HEX[(value << (5 - bits)) & 31];
  return out.slice(0, 1024);
}

export type CalendarErrorKind =
  /** "Calendar usage limits exceeded." and other rate limits: stop calendar work for this run. */
  | 'rateLimit'
  /** The calendar itself is missing or the service is off: stop, every row would fail alike. */
  | 'calendar'
  /** 404/410 for an event: it is gone. */
  | 'gone'
  /** 409: the id is taken (the event exists). */
  | 'duplicate'
  /** Calendar refused this event (400…): the row says why; others go on. */
  | 'row'
  /** A server error: worth another try on the next run. */
  | 'transient';

export const TIME_EXCEEDED = 'Exceeded maximum execution time';

export function messageOf(e: unknown): string {
  if (e && typeof e === 'object' && 'message' in e) return String((e as { message: unknown }).message);
  return String(e);
}

/** Google stops a script that ran out of time; here that is an exception nobody may swallow. */
export function rethrowIfKilled(e: unknown): void {
  if (messageOf(e).indexOf(TIME_EXCEEDED) >= 0) throw e;
}

export function classify(e: unknown): CalendarErrorKind {
  const message = messageOf(e);
  const details = e && typeof e === 'object' ? (e as { details?: { code?: number; errors?: Array<{ reason?: string }> } }).details : undefined;
  const code = details?.code;
  const reason = details?.errors?.[0]?.reason ?? '';
  if (
    /usage limits exceeded|rate limit exceeded|quotaExceeded|too many/i.test(message) ||
    reason === 'rateLimitExceeded' ||
    reason === 'quotaExceeded'
  )
    return 'rateLimit';
  if (code === 409 || /already exists/i.test(message)) return 'duplicate';
  if (code === 410 || /has been deleted/i.test(message)) return 'gone';
  if (code === 404 || /Not Found/i.test(message)) return 'gone';
  if (code === 403 || code === 401) return 'calendar';
  if ((code !== undefined && code >= 500) || /server error|backend error|try again/i.test(message)) return 'transient';
  return 'row';
}

function events(): GoogleAppsScript.Calendar.Collection.EventsCollection {
  if (typeof Calendar === 'undefined' || !Calendar)
    throw new CalendarFailure('calendar', 'Advanced Calendar service is not enabled (appsscript.json → Calendar v3).');
  return Calendar.Events;
}

export interface SaveResult {
  eventId: string;
  created: boolean;
  /** The conference as the response shows it. */
  conference: ConferenceState;
}

/** A Calendar error, classified (what the caller does next depends on the kind). */
export class CalendarFailure extends Error {
  constructor(
    readonly kind: CalendarErrorKind,
    message: string,
  ) {
    super(message);
  }
}

function failure(e: unknown, kind: CalendarErrorKind = classify(e)): CalendarFailure {
  return e instanceof CalendarFailure ? e : new CalendarFailure(kind, messageOf(e));
}

/**
 * Writes the event: patches `knownId` (only `changed` parts when `exact`, i.e. the event
 * is known to hold the other parts already), else inserts under the call's own id, and
 * patches that one if it exists already (restoring it if it was deleted). Throws a
 * CalendarFailure for what Calendar refuses.
 */
export function saveEvent(
  calendarId: string,
  desired: DesiredEvent,
  ownId: string,
  knownId: string,
  exact: boolean,
  changed: readonly Part[],
  sendUpdates: 'all' | 'none',
  conference: ConferenceChange = {},
): SaveResult {
  const options = { sendUpdates, conferenceDataVersion: 1 };
  const done = (ev: EventResource, id: string, created: boolean): SaveResult => {
    noteWrite(ev, id);
    return { eventId: ev.id || id, created, conference: conferenceOf(ev) };
  };
  try {
    const api = events();
    if (knownId) {
      try {
        const body = exact ? resourceOf(desired, changed, false, conference) : resourceOf(desired, PARTS, true, conference);
        return done(api.patch(body, calendarId, knownId, options), knownId, false);
      } catch (e) {
        rethrowIfKilled(e);
        if (classify(e) !== 'gone') throw e;
      }
    }
    // A new event always asks for its Meet (unless a link is typed): nothing is there to keep.
    const fresh: ConferenceChange = desired.meetingLink ? {} : { create: conference.create || `${ownId}-meet` };
    try {
      return done(api.insert({ ...resourceOf(desired, PARTS, false, fresh), id: ownId }, calendarId, options), ownId, true);
    } catch (e) {
      rethrowIfKilled(e);
      const kind = classify(e);
      // An insert cannot miss an event: a 404 there is the calendar itself.
      if (kind === 'gone') throw failure(e, 'calendar');
      if (kind !== 'duplicate') throw e;
    }
    return done(api.patch(resourceOf(desired, PARTS, true, fresh), calendarId, ownId, options), ownId, false);
  } catch (e) {
    rethrowIfKilled(e);
    throw failure(e);
  }
}

/** Writes the twin (patch the known id, else insert under its own id, patch that on 409); nobody is e-mailed. */
export function saveNotes(calendarId: string, notes: DesiredNotes, ownId: string, knownId: string): string {
  const options = { sendUpdates: 'none' };
  const done = (ev: EventResource, id: string) => noteWrite(ev, id);
  try {
    const api = events();
    const body = notesResourceOf(notes);
    if (knownId) {
      try {
        return done(api.patch(body, calendarId, knownId, options), knownId);
      } catch (e) {
        rethrowIfKilled(e);
        if (classify(e) !== 'gone') throw e;
      }
    }
    try {
      return done(api.insert({ ...body, id: ownId }, calendarId, options), ownId);
    } catch (e) {
      rethrowIfKilled(e);
      const kind = classify(e);
      if (kind === 'gone') throw failure(e, 'calendar');
      if (kind !== 'duplicate') throw e;
    }
    return done(api.patch(body, calendarId, ownId, options), ownId);
  } catch (e) {
    rethrowIfKilled(e);
    throw failure(e);
  }
}

/** The events this execution wrote, with the etag Calendar gave them (the read-back tells them from people's changes). */
const written = new Map<string, string>();

function noteWrite(ev: EventResource, id: string): string {
  const eventId = ev.id || id;
  if (ev.etag) written.set(eventId, ev.etag);
  return eventId;
}

/** What this execution wrote so far (event ID → etag), forgotten here once taken. */
export function takeWrites(): Map<string, string> {
  const out = new Map(written);
  written.clear();
  return out;
}

/** One event as Calendar has it now (a conference still being made), or null when it is gone. */
export function readEvent(calendarId: string, eventId: string): EventResource | null {
  try {
    return events().get(calendarId, eventId);
  } catch (e) {
    rethrowIfKilled(e);
    if (classify(e) === 'gone') return null;
    throw failure(e);
  }
}

export interface ChangedEvents {
  items: EventResource[];
  token: string;
  /** True when this was a full sync (no token, or Calendar said the old one is gone). */
  full: boolean;
}

/**
 * The events of the calendar changed since `token` (Events.list with syncToken; deleted ones
 * included), page by page; without a token, or when Calendar answers 410 for it, a full sync
 * of the events ending after `since` (showDeleted, so one deleted meanwhile is seen).
 */
export function changedEvents(calendarId: string, token: string, since: number): ChangedEvents {
  const api = events();
  const list = (args: Record<string, unknown>): ChangedEvents => {
    const items: EventResource[] = [];
    let pageToken: string | undefined;
    for (;;) {
      const page = api.list(calendarId, { ...args, maxResults: 250, ...(pageToken ? { pageToken } : {}) });
      items.push(...(page.items ?? []));
      if (page.nextPageToken) pageToken = page.nextPageToken;
      else return { items, token: page.nextSyncToken ?? '', full: !args.syncToken };
    }
  };
  try {
    if (token) {
      try {
        return list({ syncToken: token });
      } catch (e) {
        rethrowIfKilled(e);
        const code = (e as { details?: { code?: number } }).details?.code;
        if (code !== 410 && !/full sync is required|no longer valid/i.test(messageOf(e))) throw e;
      }
    }
    return list({ timeMin: iso(since), showDeleted: true });
  } catch (e) {
    rethrowIfKilled(e);
    throw failure(e);
  }
}

/** Deletes the event; one already gone counts as deleted. */
export function deleteEvent(calendarId: string, eventId: string, sendUpdates: 'all' | 'none'): void {
  try {
    const api = events() as unknown as { remove(calendarId: string, eventId: string, optionalArgs: object): void };
    api.remove(calendarId, eventId, { sendUpdates });
  } catch (e) {
    rethrowIfKilled(e);
    if (classify(e) !== 'gone') throw failure(e);
  }
}
