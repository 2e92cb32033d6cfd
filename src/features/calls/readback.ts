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
import { changedEvents, conferenceOf, ConferenceState, EventResource, rethrowIfKilled } from '../../google/calendar';

const TOKEN_KEY = 'calls.calendarSync';

/** The script properties as a run knows them (app/run-properties.ts: the held snapshot during a probe or an edit). */
type Props = Pick<GoogleAppsScript.Properties.Properties, 'getProperty' | 'setProperty' | 'deleteProperty'>;
/** Our own writes since the token (event ID → etag): a probe that sees only these has nothing to apply. */
const OWN_KEY = 'calls.ownWrites';
/** At most this many are remembered (a property holds 9 kB); beyond, the probe's tick runs in full. */
const OWN_MAX = 80;
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
  /** The calls' events and twins the list returned (the probe tells our own writes from people's changes by etag). */
  events: Array<{ id?: string; etag?: string }>;
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

interface Kept {
  calendarId?: string;
  token?: string;
}

function keptToken(props: Props): Kept {
  try {
    return JSON.parse(props.getProperty(TOKEN_KEY) ?? '{}') as Kept;
  } catch {
    return {};
  }
}

/** What a probe read, for the full tick of the same execution (it must not read the changes twice). */
let probed: ReadBack | null = null;
let probedCalendar = '';
let probedAt = 0;
/** A probe's result is this execution's only (an execution lasts at most 6 minutes). */
const PROBE_FRESH_MS = 6 * 60000;

/**
 * The gated tick's look at Calendar (app/gate.ts READBACK): one incremental list with the
 * kept token, no spreadsheet read. No changes: the new token is kept, and the tick is done.
 * Changes (or a failure, or no calendar known yet): true, and the full tick that follows in this
 * execution applies what was read (readBack returns it) and keeps the token then.
 */
export function probeReadBack(now: number, props: Props): boolean {
  const kept = keptToken(props);
  // No calendar read back yet: the full tick knows the calendar (Settings) and starts the sync.
  if (!kept.calendarId) return true;
  let result: ReadBack;
  try {
    result = changesSince(kept.calendarId, kept.token ?? '', now);
  } catch (e) {
    rethrowIfKilled(e);
    return true; // the full tick reads again and says what failed
  }
  const own = ownWrites(props);
  const mine = (id: string, etag: string | undefined) => !!etag && own[id] === etag;
  if (result.events.every((ev) => mine(ev.id ?? '', ev.etag))) {
    keepToken(kept.calendarId, result.token, props);
    if (Object.keys(own).length) props.deleteProperty(OWN_KEY);
    return false;
  }
  probed = result;
  probedCalendar = kept.calendarId;
  probedAt = Date.now();
  return true;
}

/** No events of ours on `calendarId`: the probe still lists it (cheaply), so a person's first change is seen. */
export function keepCalendar(calendarId: string, props: Props): void {
  const kept = keptToken(props);
  if (kept.calendarId !== calendarId) props.setProperty(TOKEN_KEY, JSON.stringify({ calendarId, token: '' }));
}

/** The changes since the last tick (Events.list with the kept sync token); throws a CalendarFailure. */
export function readBack(calendarId: string, now: number, props: Props): ReadBack {
  const fresh = probed && probedCalendar === calendarId && Date.now() - probedAt < PROBE_FRESH_MS ? probed : null;
  probed = null;
  if (fresh) return fresh;
  const kept = keptToken(props);
  const token = kept.calendarId === calendarId ? (kept.token ?? '') : '';
  return changesSince(calendarId, token, now);
}

function changesSince(calendarId: string, token: string, now: number): ReadBack {
  const changed = changedEvents(calendarId, token, now - FULL_SYNC_MS);
  const out: ReadBack = { events: [], calls: [], notes: [], full: changed.full, token: changed.token };
  for (const ev of changed.items) {
    const call = observe(ev);
    if (call) out.calls.push(call);
    const p = ev.extendedProperties?.private ?? {};
    if (p.reglament === 'notes' && p.callId && ev.id)
      out.notes.push({ callId: String(p.callId), eventId: ev.id, cancelled: ev.status === 'cancelled' });
    if (call || p.reglament === 'notes') out.events.push({ id: ev.id ?? undefined, etag: ev.etag ?? undefined });
  }
  return out;
}

function ownWrites(props: Props): Record<string, string> {
  try {
    return JSON.parse(props.getProperty(OWN_KEY) ?? '{}') as Record<string, string>;
  } catch {
    return {};
  }
}

/**
 * Remembers the events this run wrote (their etags) for the next probe. `applied`: this run read
 * Calendar back and kept its token, so earlier writes are behind it; else they are kept too.
 */
export function keepOwnWrites(writes: Map<string, string>, applied: boolean, props: Props): void {
  if (writes.size === 0) {
    if (applied) props.deleteProperty(OWN_KEY);
    return;
  }
  const all: Record<string, string> = applied ? {} : ownWrites(props);
  for (const [id, etag] of writes) all[id] = etag;
  const ids = Object.keys(all);
  // Too many to remember: the next probe sees changes and its tick runs in full, as without this.
  if (ids.length > OWN_MAX) props.deleteProperty(OWN_KEY);
  else props.setProperty(OWN_KEY, JSON.stringify(all));
}

/** Keeps the token for the next tick — after the changes were applied and saved, so a run that dies before reads them again. */
export function keepToken(calendarId: string, token: string, props: Props): void {
  if (token) props.setProperty(TOKEN_KEY, JSON.stringify({ calendarId, token }));
}
