/**
 * Errors of the Advanced Calendar service as Apps Script throws them: a
 * GoogleJsonResponseException whose message is
 *   "API call to calendar.<resource>.<method> failed with error: <Google's message>"
 * (seen in Apps Script logs, e.g. github.com/derekantrican/GAS-ICS-Sync issues #167, #289, #297,
 * #472), with the API's error body in `details` ({ code, message, errors }).
 *
 * Google's texts (https://developers.google.com/workspace/calendar/api/guides/errors unless noted):
 * - 400 timeRangeEmpty "The specified time range is empty." (documented example).
 * - 400 required "Missing end time." / "Missing attendee email." / "Missing override reminder
 *   minutes." and 400 invalid "Invalid attendee email." — bodies quoted in public issues
 *   (googleapis/google-api-nodejs-client#565, phw198/OutlookGoogleCalendarSync#130,
 *   openclaw/gogcli#302).
 * - 400 cannotUseDefaultRemindersAndSpecifyOverride "Cannot specify both default reminders and
 *   overrides at the same time." (OutlookGoogleCalendarSync#666).
 * - 400 "Missing time zone definition for start time." for a dateTime without offset or timeZone
 *   (quoted in public projects' notes of live runs against the API).
 * - 400 "Bad Request" for an event mixing date and dateTime (GAS-ICS-Sync#289) — also used here
 *   for values the API cannot parse.
 * - 400 "Invalid resource id value." for a client id outside base32hex; 400 "The requested
 *   ordering is not available for the particular query." for orderBy=startTime without
 *   singleEvents (both quoted in public code written against the live API).
 * - 404 notFound "Not Found"; 409 duplicate "The requested identifier already exists.";
 *   410 deleted "Resource has been deleted" (delete of a deleted event, GAS-ICS-Sync#472).
 * - 403 usageLimits/quotaExceeded "Calendar usage limits exceeded." — what Apps Script shows when
 *   too many events are created in a short time (GAS-ICS-Sync#167;
 *   https://support.google.com/a/answer/2905486 "Avoid Calendar use limits").
 * UNVERIFIED (no public copy of Google's body found; the texts below are best guesses, the rules
 * are documented in the Events resource reference): more than 5 overrides, override minutes
 * outside 0–40320, a missing/unknown override method, a missing start, an unknown time zone.
 */
import type { Runtime } from '../../runtime/runtime';

export const MSG = {
  timeRangeEmpty: 'The specified time range is empty.',
  missingStart: 'Missing start time.', // UNVERIFIED, by analogy with "Missing end time."
  missingEnd: 'Missing end time.',
  missingZone: (which: 'start' | 'end') => `Missing time zone definition for ${which} time.`,
  invalidZone: (which: 'start' | 'end') => `Invalid time zone definition for ${which} time.`, // UNVERIFIED
  badRequest: 'Bad Request',
  missingAttendeeEmail: 'Missing attendee email.',
  invalidAttendeeEmail: 'Invalid attendee email.',
  defaultAndOverrides: 'Cannot specify both default reminders and overrides at the same time.',
  tooManyOverrides: 'Cannot specify more than 5 override reminders.', // UNVERIFIED
  missingMinutes: 'Missing override reminder minutes.',
  invalidMinutes: 'Invalid override reminder minutes.', // UNVERIFIED
  missingMethod: 'Missing override reminder method.', // UNVERIFIED
  invalidMethod: 'Invalid override reminder method.', // UNVERIFIED
  invalidId: 'Invalid resource id value.',
  duplicate: 'The requested identifier already exists.',
  notFound: 'Not Found',
  deleted: 'Resource has been deleted',
  usageLimits: 'Calendar usage limits exceeded.',
  badOrdering: 'The requested ordering is not available for the particular query.',
} as const;

/** One entry of the API's `errors` array. */
export interface ApiErrorItem {
  domain: string;
  reason: string;
  message: string;
}

/** What a failed call throws before it is dressed as the bundle's exception. */
export class CalendarApiError extends Error {
  constructor(
    readonly code: number,
    readonly reason: string,
    message: string,
    readonly domain = 'global',
  ) {
    super(message);
  }
}

export const bad = (message: string, reason = 'invalid', domain = 'global') => new CalendarApiError(400, reason, message, domain);
export const required = (message: string) => new CalendarApiError(400, 'required', message);
export const notFound = () => new CalendarApiError(404, 'notFound', MSG.notFound);
export const gone = () => new CalendarApiError(410, 'deleted', MSG.deleted);
export const usageLimits = () => new CalendarApiError(403, 'quotaExceeded', MSG.usageLimits, 'usageLimits');

/** The exception of the bundle's realm for `err` raised by calendar.<method>. */
export function toAppsScriptError(rt: Runtime, method: string, err: CalendarApiError): Error {
  const e = rt.error(`API call to calendar.${method} failed with error: ${err.message}`);
  e.name = 'GoogleJsonResponseException';
  const item: ApiErrorItem = { domain: err.domain, reason: err.reason, message: err.message };
  Object.defineProperty(e, 'details', {
    value: { code: err.code, message: err.message, errors: [item] },
    enumerable: true,
  });
  return e;
}
