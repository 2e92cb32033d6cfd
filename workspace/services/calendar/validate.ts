/**
 * Checks an event body the way Calendar API v3 does before storing it, and fills in what
 * Google fills in. Rules from the Events resource reference
 * (https://developers.google.com/workspace/calendar/api/v3/reference/events#resource):
 * - start and end are required; end is exclusive and may not precede start (an all-day event
 *   needs at least one day); date and dateTime cannot be mixed.
 * - reminders.overrides: "The maximum number of override reminders is 5"; minutes "Valid values
 *   are between 0 and 40320 (4 weeks in minutes)"; method "email" or "popup"; useDefault true
 *   together with overrides is refused.
 * - attendees[].email is required and must be an address.
 * - client-chosen ids: base32hex characters a-v and 0-9, length 5–1024.
 * Error texts: errors.ts. Recurring events are not reproduced and are refused loudly.
 */
import type { calendar_v3 } from 'googleapis';
import { MSG, bad, required } from './errors';
import { normalizeTime } from './times';

type Event = calendar_v3.Schema$Event;

/** Fields the server owns: ignored in request bodies, kept from the stored event. */
export const SERVER_FIELDS = ['kind', 'etag', 'id', 'htmlLink', 'iCalUID', 'created', 'updated', 'creator', 'organizer'] as const;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const ID = /^[a-v0-9]{5,1024}$/;
const MAX_OVERRIDES = 5;
const MAX_MINUTES = 40320;

export function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A request body as plain JSON of this realm, as Apps Script serialises it (Dates become ISO text). */
export function plainBody(resource: unknown): Record<string, unknown> {
  if (!isPlainObject(resource)) throw bad(MSG.badRequest, 'badRequest');
  return JSON.parse(JSON.stringify(resource)) as Record<string, unknown>;
}

export function withoutServerFields(body: Record<string, unknown>): Record<string, unknown> {
  const out = { ...body };
  for (const f of SERVER_FIELDS) delete out[f];
  return out;
}

/** Patch semantics: objects merge key by key, arrays and scalars replace, null deletes. */
export function mergePatch(target: Record<string, unknown>, patch: Record<string, unknown>): Record<string, unknown> {
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete target[key];
    else if (isPlainObject(value) && isPlainObject(target[key])) {
      target[key] = mergePatch({ ...(target[key] as Record<string, unknown>) }, value);
    } else target[key] = value;
  }
  return target;
}

export function checkClientId(id: unknown): string {
  if (typeof id !== 'string' || !ID.test(id)) throw bad(MSG.invalidId);
  return id;
}

export interface EventContext {
  calendarZone: string;
  /** The calendar's owner (its id when that is an address) and the event's organizer. */
  ownerEmail: string;
  organizerEmail: string;
}

/** Validates `body` (server fields already set by the caller) and returns the event to store. */
export function checkEvent(body: Record<string, unknown>, ctx: EventContext): Event {
  const event = body as Event;
  if (Array.isArray(event.recurrence) && event.recurrence.length > 0) {
    throw new Error('Local Workspace: recurring events are not supported by the calendar fake');
  }
  if (!isPlainObject(event.start)) throw required(MSG.missingStart);
  if (!isPlainObject(event.end)) throw required(MSG.missingEnd);
  const start = normalizeTime(event.start, 'start', ctx.calendarZone);
  const end = normalizeTime(event.end, 'end', ctx.calendarZone);
  if (start.parsed.allDay !== end.parsed.allDay) throw bad(MSG.badRequest, 'badRequest');
  const empty = start.parsed.allDay ? end.parsed.ms <= start.parsed.ms : end.parsed.ms < start.parsed.ms;
  if (empty) throw bad(MSG.timeRangeEmpty, 'timeRangeEmpty', 'calendar');
  event.start = start.stored;
  event.end = end.stored;

  if (event.status !== undefined && !['confirmed', 'tentative', 'cancelled'].includes(String(event.status))) {
    throw bad(MSG.badRequest, 'badRequest');
  }
  event.status = event.status ?? 'confirmed';
  event.attendees = checkAttendees(event.attendees, ctx);
  if (event.attendees === undefined) delete event.attendees;
  event.reminders = checkReminders(event.reminders);
  event.sequence = typeof event.sequence === 'number' ? event.sequence : 0;
  return event;
}

function checkAttendees(list: unknown, ctx: EventContext): calendar_v3.Schema$EventAttendee[] | undefined {
  if (list === undefined) return undefined;
  if (!Array.isArray(list)) throw bad(MSG.badRequest, 'badRequest');
  return list.map((a: unknown) => {
    if (!isPlainObject(a)) throw bad(MSG.badRequest, 'badRequest');
    const att = { ...a } as calendar_v3.Schema$EventAttendee;
    if (att.email === undefined || att.email === null || att.email === '') throw required(MSG.missingAttendeeEmail);
    if (typeof att.email !== 'string' || !EMAIL.test(att.email)) throw bad(MSG.invalidAttendeeEmail);
    att.responseStatus = att.responseStatus ?? 'needsAction';
    const email = att.email.toLowerCase();
    if (email === ctx.ownerEmail.toLowerCase()) att.self = true;
    else delete att.self;
    if (email === ctx.organizerEmail.toLowerCase()) att.organizer = true;
    else delete att.organizer;
    return att;
  });
}

function checkReminders(value: unknown): calendar_v3.Schema$Event['reminders'] {
  // Without reminders the calendar's defaults apply.
  if (value === undefined) return { useDefault: true };
  if (!isPlainObject(value)) throw bad(MSG.badRequest, 'badRequest');
  const r = value as NonNullable<calendar_v3.Schema$Event['reminders']>;
  const overrides = r.overrides ?? [];
  if (!Array.isArray(overrides)) throw bad(MSG.badRequest, 'badRequest');
  if (r.useDefault === true && overrides.length > 0) {
    throw bad(MSG.defaultAndOverrides, 'cannotUseDefaultRemindersAndSpecifyOverride', 'calendar');
  }
  if (overrides.length > MAX_OVERRIDES) throw bad(MSG.tooManyOverrides);
  for (const o of overrides) {
    if (!isPlainObject(o)) throw bad(MSG.badRequest, 'badRequest');
    if (o.method === undefined || o.method === null) throw required(MSG.missingMethod);
    if (o.method !== 'email' && o.method !== 'popup') throw bad(MSG.invalidMethod);
    if (o.minutes === undefined || o.minutes === null) throw required(MSG.missingMinutes);
    if (!Number.isInteger(o.minutes) || (o.minutes as number) < 0 || (o.minutes as number) > MAX_MINUTES) {
      throw bad(MSG.invalidMinutes);
    }
  }
  const out: NonNullable<calendar_v3.Schema$Event['reminders']> = { useDefault: r.useDefault === true };
  if (overrides.length > 0) out.overrides = overrides.map((o) => ({ method: o.method, minutes: o.minutes }));
  return out;
}
