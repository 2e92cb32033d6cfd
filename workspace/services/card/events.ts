/**
 * The add-on event objects, as pure functions of plain inputs (the .ics/.eml stores and
 * the user are wired in elsewhere).
 *
 * Google behaviour reproduced (https://developers.google.com/workspace/add-ons/concepts/event-objects,
 * https://developers.google.com/workspace/add-ons/reference/event-object,
 * https://developers.google.com/workspace/add-ons/reference/rpc/google.apps.script.type/calendar):
 * - Every event carries commonEventObject {hostApp, platform, …}; formInputs and
 *   parameters appear only for widget actions ("fields pertaining to widgets and contextual
 *   information are omitted" from homepage events).
 * - userLocale and timeZone {id, offset} are present only when the manifest sets
 *   addOns.common.useLocaleFromApp; the offset is in milliseconds from UTC at the instant
 *   of the event.
 * - Calendar: the level of data follows addOns.calendar.currentEventAccess — METADATA and
 *   WRITE give the event's metadata (id, calendarId, organizer, recurringEventId for a
 *   recurring event); READ and READ_WRITE also give attendees and conference data; nothing
 *   of the event without an access level. capabilities say what the add-on may read or set.
 * - Gmail (contextual trigger on an opened message): messageId, threadId and the
 *   message's accessToken for GmailApp.setCurrentMessageAccessToken.
 * - authorizationEventObject is "Only set for requests to HTTP endpoints": an Apps Script
 *   add-on never gets it, so addonEvent() adds it only for runtime 'HTTP'.
 * Readings where Google is silent: the deprecated top-level fields of older Gmail add-ons
 * (e.formInput, e.parameters, e.userLocale, …) are not given, so the add-on must read
 * commonEventObject; an empty formInputs or parameters map is omitted.
 */
import { offsetMinutes } from '../../runtime/tz';

export type HostApp = 'GMAIL' | 'CALENDAR' | 'DRIVE' | 'DOCS' | 'SHEETS' | 'SLIDES';
export type Platform = 'WEB' | 'IOS' | 'ANDROID';
export type EventAccess = 'UNSPECIFIED' | 'METADATA' | 'READ' | 'WRITE' | 'READ_WRITE';

export interface FormInput {
  stringInputs?: { value: string[] };
  dateInput?: { msSinceEpoch: string };
  timeInput?: { hours: number; minutes: number };
  dateTimeInput?: { msSinceEpoch: string; hasDate: boolean; hasTime: boolean };
}

export type FormInputs = Record<string, FormInput>;

export interface CommonEventObject {
  hostApp: HostApp;
  platform: Platform;
  userLocale?: string;
  timeZone?: { id: string; offset: number };
  formInputs?: FormInputs;
  parameters?: Record<string, string>;
}

export interface CommonInput {
  hostApp: HostApp;
  platform?: Platform;
  /** The user's locale and zone, e.g. 'ru-RU', 'Europe/Moscow'. */
  userLocale?: string;
  userTimeZone?: string;
  /** The manifest's addOns.common.useLocaleFromApp. */
  useLocaleFromApp?: boolean;
  /** The instant of the event (for the zone's offset). */
  atMs: number;
}

export function commonEventObject(input: CommonInput): CommonEventObject {
  const common: CommonEventObject = { hostApp: input.hostApp, platform: input.platform ?? 'WEB' };
  if (input.useLocaleFromApp) {
    if (input.userLocale) common.userLocale = input.userLocale;
    if (input.userTimeZone) common.timeZone = { id: input.userTimeZone, offset: offsetMinutes(input.atMs, input.userTimeZone) * 60_000 };
  }
  return common;
}

export type ResponseStatus = 'accepted' | 'declined' | 'needsAction' | 'tentative';

export interface AttendeeInput {
  email: string;
  displayName?: string;
  responseStatus?: ResponseStatus;
  optional?: boolean;
  resource?: boolean;
  comment?: string;
  additionalGuests?: number;
}

export interface CalendarAttendee extends Required<Omit<AttendeeInput, 'displayName' | 'comment'>> {
  displayName?: string;
  comment?: string;
  organizer: boolean;
  self: boolean;
}

export interface CalendarCapabilities {
  canAddAttendees: boolean;
  canSeeAttendees: boolean;
  canSeeConferenceData: boolean;
  canSetConferenceData: boolean;
  canAddAttachments: boolean;
}

export interface CalendarEventObject {
  id?: string;
  calendarId?: string;
  organizer?: { email: string };
  recurringEventId?: string;
  attendees?: CalendarAttendee[];
  conferenceData?: unknown;
  capabilities: CalendarCapabilities;
}

export interface CalendarInput {
  eventId: string;
  calendarId: string;
  organizerEmail: string;
  /** The series' id when the event is an instance of a recurring event. */
  recurringEventId?: string;
  attendees?: AttendeeInput[];
  conferenceData?: unknown;
  /** addOns.calendar.currentEventAccess of the manifest. */
  access: EventAccess;
  /** Who opened the event (marks the attendee `self`). */
  userEmail: string;
  /** Whether that user may edit the event (organizer, or guests may modify). */
  userCanEdit: boolean;
}

const canRead = (a: EventAccess) => a === 'READ' || a === 'READ_WRITE';
const canWrite = (a: EventAccess) => a === 'WRITE' || a === 'READ_WRITE';
const sameEmail = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

export function calendarEventObject(input: CalendarInput): CalendarEventObject {
  const { access } = input;
  const write = canWrite(access) && input.userCanEdit;
  const capabilities: CalendarCapabilities = {
    canAddAttendees: write,
    canSeeAttendees: canRead(access),
    canSeeConferenceData: canRead(access),
    canSetConferenceData: write,
    canAddAttachments: write,
  };
  if (access === 'UNSPECIFIED') return { capabilities };
  const event: CalendarEventObject = {
    id: input.eventId,
    calendarId: input.calendarId,
    organizer: { email: input.organizerEmail },
    capabilities,
  };
  if (input.recurringEventId) event.recurringEventId = input.recurringEventId;
  if (canRead(access)) {
    event.attendees = (input.attendees ?? []).map((a) => attendee(a, input));
    if (input.conferenceData !== undefined) event.conferenceData = input.conferenceData;
  }
  return event;
}

function attendee(a: AttendeeInput, input: CalendarInput): CalendarAttendee {
  const out: CalendarAttendee = {
    email: a.email,
    responseStatus: a.responseStatus ?? 'needsAction',
    optional: a.optional ?? false,
    resource: a.resource ?? false,
    additionalGuests: a.additionalGuests ?? 0,
    organizer: sameEmail(a.email, input.organizerEmail),
    self: sameEmail(a.email, input.userEmail),
  };
  if (a.displayName) out.displayName = a.displayName;
  if (a.comment) out.comment = a.comment;
  return out;
}

export interface GmailEventObject {
  messageId: string;
  threadId: string;
  accessToken: string;
}

export interface GmailInput {
  messageId: string;
  threadId: string;
  /** Google issues an opaque token per opened message; locally a stable stand-in. */
  accessToken?: string;
}

export function gmailEventObject(input: GmailInput): GmailEventObject {
  return { messageId: input.messageId, threadId: input.threadId, accessToken: input.accessToken ?? `local-gmail-token:${input.messageId}` };
}

export interface AuthorizationEventObject {
  userOAuthToken: string;
  userIdToken: string;
  systemIdToken?: string;
}

export function authorizationEventObject(input: AuthorizationEventObject): AuthorizationEventObject {
  return input.systemIdToken ? { ...input } : { userOAuthToken: input.userOAuthToken, userIdToken: input.userIdToken };
}

export interface AddonEvent {
  commonEventObject: CommonEventObject;
  calendar?: CalendarEventObject;
  gmail?: GmailEventObject;
  authorizationEventObject?: AuthorizationEventObject;
}

export interface AddonEventInput {
  common: CommonInput;
  calendar?: CalendarInput;
  gmail?: GmailInput;
  /** 'APPS_SCRIPT' (default): no authorizationEventObject, as Google documents. */
  runtime?: 'APPS_SCRIPT' | 'HTTP';
  authorization?: AuthorizationEventObject;
}

/** A homepage or contextual trigger's event: one host app's object at most. */
export function addonEvent(input: AddonEventInput): AddonEvent {
  if (input.calendar && input.gmail) throw new Error('An add-on event carries one host app object: calendar or gmail, not both.');
  const hostOf = input.calendar ? 'CALENDAR' : input.gmail ? 'GMAIL' : undefined;
  if (hostOf && hostOf !== input.common.hostApp)
    throw new Error(`A ${hostOf.toLowerCase()} object needs hostApp ${hostOf}, not ${input.common.hostApp}.`);
  const event: AddonEvent = { commonEventObject: commonEventObject(input.common) };
  if (input.calendar) event.calendar = calendarEventObject(input.calendar);
  if (input.gmail) event.gmail = gmailEventObject(input.gmail);
  if (input.runtime === 'HTTP' && input.authorization) event.authorizationEventObject = authorizationEventObject(input.authorization);
  return event;
}

/** The event of a widget action: the trigger's event plus the form's values and the action's parameters. */
export function actionEvent(base: AddonEvent, formInputs: FormInputs, parameters: Record<string, string> = {}): AddonEvent {
  const common: CommonEventObject = { ...base.commonEventObject };
  delete common.formInputs;
  delete common.parameters;
  if (Object.keys(formInputs).length) common.formInputs = structuredClone(formInputs);
  if (Object.keys(parameters).length) common.parameters = { ...parameters };
  return { ...structuredClone(base), commonEventObject: common };
}
