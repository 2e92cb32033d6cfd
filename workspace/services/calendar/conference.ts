/**
 * Conference data (Google Meet) on the Calendar fake, as the Events resource documents it
 * (https://developers.google.com/workspace/calendar/api/v3/reference/events#resource,
 * conferenceData; the conferenceDataVersion parameter of insert/patch/update):
 * - "Version 0 assumes no conference data support and ignores conference data in the event's
 *   body. Version 1 enables support for copying of ConferenceData as well as for creating new
 *   conferences using the createRequest field of conferenceData. The default is 0." — a body's
 *   conferenceData without conferenceDataVersion=1 is dropped (insert) or leaves the stored one
 *   as it is (patch/update); with version 1 an update or a patch with conferenceData: null
 *   removes it.
 * - createRequest: "The data is generated asynchronously. To see whether the data is present
 *   check the status field" (pending / success / failure). Here the response of the request that
 *   asked is always "pending" with no entry points; the conference is ready CONFERENCE_DELAY_MS
 *   of simulated time later, when any read or write of the calendar settles it: status
 *   "success", a video entry point https://meet.google.com/xxx-yyyy-zzz, conferenceSolution
 *   hangoutsMeet, conferenceId the meeting code. Settling changes the event (updated, sync
 *   tokens) — Google does not say whether it does; a product that waits for it must read the
 *   event again either way.
 * - requestId: "If an ID provided is the same as for the previous request, the request is
 *   ignored."
 * - The calendar allows only hangoutsMeet (Calendars.get conferenceProperties); another type
 *   is refused. UNVERIFIED: Google's text for that refusal and for a createRequest without a
 *   requestId is not published; "Invalid conference type value." / "Missing conference request
 *   id." are best guesses.
 */
import { randomInt } from 'crypto';
import type { calendar_v3 } from 'googleapis';
import { bad, required } from './errors';
import { isPlainObject } from './validate';

type Event = calendar_v3.Schema$Event;
type ConferenceData = calendar_v3.Schema$ConferenceData;

/** How long a Meet conference takes to be created, in simulated time. */
export const CONFERENCE_DELAY_MS = 2000;
export const ALLOWED_SOLUTIONS = ['hangoutsMeet'];

/** A conference waiting to be created: when it is ready, and its meeting code. */
export interface PendingConference {
  readyAt: number;
  code: string;
}

export function conferenceVersionOf(args: Record<string, unknown>): number {
  return Number(args.conferenceDataVersion) === 1 ? 1 : 0;
}

function meetCode(): string {
  const letters = (n: number) => Array.from({ length: n }, () => String.fromCharCode(97 + randomInt(26))).join('');
  return `${letters(3)}-${letters(4)}-${letters(3)}`;
}

export interface ConferenceOutcome {
  /** The conferenceData to store (undefined: none). */
  data: ConferenceData | undefined;
  /** A conference to create (a new createRequest). */
  pending?: PendingConference;
}

/**
 * What the stored conferenceData becomes after a write. `incoming` is what the merged body
 * holds (patch: stored merged with the request; update/insert: the request), `stored` what
 * the event had, `version` the request's conferenceDataVersion.
 */
export function nextConference(incoming: unknown, stored: ConferenceData | undefined, version: number, now: number): ConferenceOutcome {
  if (version !== 1) return { data: stored };
  if (incoming === undefined || incoming === null) return { data: undefined };
  if (!isPlainObject(incoming)) throw bad('Bad Request', 'badRequest');
  const data = incoming as ConferenceData;
  const raw: unknown = data.createRequest;
  if (raw !== undefined && raw !== null) {
    if (!isPlainObject(raw)) throw bad('Bad Request', 'badRequest');
    const request = raw as calendar_v3.Schema$CreateConferenceRequest;
    const type = request.conferenceSolutionKey?.type;
    if (!type || ALLOWED_SOLUTIONS.indexOf(type) < 0) throw bad('Invalid conference type value.');
    if (!request.requestId) throw required('Missing conference request id.');
    if (stored?.createRequest?.requestId === request.requestId) return { data: stored };
    const pending: PendingConference = { readyAt: now + CONFERENCE_DELAY_MS, code: meetCode() };
    return {
      data: { createRequest: { requestId: request.requestId, conferenceSolutionKey: { type }, status: { statusCode: 'pending' } } },
      pending,
    };
  }
  // Copying a conference (entry points and solution given).
  if (!data.conferenceSolution || !Array.isArray(data.entryPoints) || data.entryPoints.length === 0) throw bad('Bad Request', 'badRequest');
  return { data };
}

/** The conference once created: a Meet video link. */
export function createdConference(e: Event, p: PendingConference): ConferenceData {
  const request = e.conferenceData?.createRequest ?? {};
  return {
    createRequest: { ...request, status: { statusCode: 'success' } },
    entryPoints: [{ entryPointType: 'video', uri: `https://meet.google.com/${p.code}`, label: `meet.google.com/${p.code}` }],
    conferenceSolution: {
      key: { type: 'hangoutsMeet' },
      name: 'Google Meet',
      iconUri: 'https://fonts.gstatic.com/s/i/productlogos/meet_2020q4/v6/web-512dp/logo_meet_2020q4_color_2x_web_512dp.png',
    },
    conferenceId: p.code,
  };
}

/** The video link of an event's conference, if it has one. */
export function videoLink(e: Event): string | null {
  const entry = (e.conferenceData?.entryPoints ?? []).find((p) => p.entryPointType === 'video' && p.uri);
  return entry?.uri ?? null;
}
