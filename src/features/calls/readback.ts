/**
 * The company calendar read back on each tick (issue 12): what people changed in Google
 * Calendar itself — the organizer moved or deleted a call's event, a guest answered — and
 * the Meet links Calendar made meanwhile.
 *
 * Cheap by construction: one Events.list with the sync token of the last tick returns only
 * the events changed since (deleted ones included), on the company calendar only; the token
 * is kept in the script properties with the calendar it belongs to. Without a token (the
 * first tick, another calendar in Settings) or when Calendar answers 410 for it, a full sync
 * of the events ending after two days ago is made once, and its token kept. Events that are
 * not a call's (HR days, people's own) are skipped by their private property.
 */
import { Answers, answersOf } from './rules/answers';
import { changedEvents, conferenceOf, ConferenceState, EventResource } from '../../google/calendar';

const TOKEN_KEY = 'calls.calendarSync';
/** A full sync looks at events ending after this long ago (answers and moves of recent calls). */
const FULL_SYNC_MS = 2 * 24 * 3600 * 1000;

export interface ObservedCall {
  callId: string;
  eventId: string;
  cancelled: boolean;
  /** Start and end (ms); null for an event made all-day in Calendar (not read as a move). */
  start: number | null;
  end: number | null;
  answers: Answers;
  conference: ConferenceState;
}

export interface ObservedNotes {
  callId: string;
  eventId: string;
  cancelled: boolean;
}

export interface ReadBack {
  calls: ObservedCall[];
  notes: ObservedNotes[];
  full: boolean;
  /** The token to keep once the changes are applied and saved (keepToken). */
  token: string;
}

function instant(t: EventResource['start']): number | null {
  if (!t || !t.dateTime) return null;
  const ms = Date.parse(t.dateTime);
  return Number.isNaN(ms) ? null : ms;
}

/** What the call's event looks like now, as the read-back reports it. */
export function observe(ev: EventResource): ObservedCall | null {
  const props = ev.extendedProperties?.private ?? {};
  if (props.reglament !== 'call' || !props.callId || !ev.id) return null;
  return {
    callId: String(props.callId),
    eventId: ev.id,
    cancelled: ev.status === 'cancelled',
    start: instant(ev.start),
    end: instant(ev.end),
    answers: answersOf(ev.attendees ?? []),
    conference: conferenceOf(ev),
  };
}

/** The changes since the last tick (Events.list with the kept sync token); throws a CalendarFailure. */
export function readBack(calendarId: string, now: number, props: GoogleAppsScript.Properties.Properties): ReadBack {
  let kept: { calendarId?: string; token?: string };
  try {
    kept = JSON.parse(props.getProperty(TOKEN_KEY) ?? '{}');
  } catch {
    kept = {};
  }
  const token = kept.calendarId === calendarId ? (kept.token ?? '') : '';
  const changed = changedEvents(calendarId, token, now - FULL_SYNC_MS);
  const out: ReadBack = { calls: [], notes: [], full: changed.full, token: changed.token };
  for (const ev of changed.items) {
    const call = observe(ev);
    if (call) out.calls.push(call);
    const p = ev.extendedProperties?.private ?? {};
    if (p.reglament === 'notes' && p.callId && ev.id)
      out.notes.push({ callId: String(p.callId), eventId: ev.id, cancelled: ev.status === 'cancelled' });
  }
  return out;
}

/** Keeps the token for the next tick — after the changes were applied and saved, so a run that dies before reads them again. */
export function keepToken(calendarId: string, token: string, props: GoogleAppsScript.Properties.Properties): void {
  if (token) props.setProperty(TOKEN_KEY, JSON.stringify({ calendarId, token }));
}
