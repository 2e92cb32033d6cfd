/**
 * The calendar writes of a run: each call's event on the company calendar (guests, reminder
 * overrides, the Meet) and its staff-only twin, created, updated or deleted once per change,
 * stopped for the run when Google refuses more.
 */
import { ADOPT, emptySync, SyncRecord } from './sync';
import { say } from './rules/messages';
import { CallsRun, NOTES_DELETED, Plan, text } from './run';
import { calendarPaused, calendarRefused, calendarWrote } from '../../app/calendar-pause';
import {
  CalendarFailure,
  ConferenceChange,
  DesiredEvent,
  DesiredNotes,
  deleteEvent,
  eventIdFor,
  EventParts,
  notesPrintOf,
  PARTS,
  partsOf,
  rethrowIfKilled,
  saveEvent,
  saveNotes,
} from '../../google/calendar';

/**
 * What this write asks of the event's conference: a typed link removes a Meet; without one,
 * an event that has no Meet yet (a new one, or its request failed) asks for one (request n).
 */
function conferencePlan(
  sync: SyncRecord | undefined,
  desired: DesiredEvent,
  live: boolean,
  ownId: string,
): { change: ConferenceChange; n: number } {
  const [state, num] = (sync?.conference ?? '').split(':');
  const n = Number(num) || 0;
  if (desired.meetingLink) return { change: sync && (sync.meet || state === 'pending' || state === 'meet') ? { remove: true } : {}, n };
  if (live && (sync?.meet || state === 'pending' || state === 'meet')) return { change: {}, n: n || 1 };
  return { change: { create: `${ownId}-meet${n + 1}` }, n: n + 1 };
}

function fullPrint(parts: EventParts): string {
  return `${parts.time}.${parts.guests}.${parts.content}`;
}

/** Writes the events that differ from what the calendar holds, until a limit or the deadline stops it. */
export function calendarWork(run: CallsRun): void {
  // Under Calendar's limits and the run's deadline, new invitations come first, then changes
  // to guests' events (a Meet link arriving, a move), then the staff's twins.
  const fresh = (p: Plan) => !!p.desired && !(p.sync && p.sync.state === 'live');
  const order = [...run.plans.filter(fresh), ...run.plans.filter((p) => !fresh(p))];
  for (const plan of order) {
    if (plan.booked) continue;
    if (plan.status === 'cancelled' || plan.removed) cancelEvent(run, plan);
    else if (plan.desired) writeEvent(run, plan, plan.desired);
    else if (plan.sync && plan.sync.state === 'live') plan.eventId = plan.sync.eventId;
    if (plan.index >= 0) run.set('eventId', plan.index, plan.eventId);
  }
  for (const plan of run.plans) {
    if (plan.booked) continue;
    if (plan.status === 'cancelled' || plan.removed) cancelNotes(run, plan);
    else if (plan.desired && plan.notes) writeNotes(run, plan, plan.notes);
  }
  if (run.deferred > 0) run.log('', say(run.locale, 'logDeadline'), `${say(run.locale, 'calendarLeft')}: ${run.deferred}`);
}

export function stopCalendar(run: CallsRun, reason: string, logKey: 'logCalendarLimit' | 'logCalendarUnavailable', callId: string): void {
  if (run.calendarStop === null) run.log(callId, say(run.locale, logKey), reason);
  run.calendarStop = reason;
}

/** Whether calendar work may start now; otherwise the row says it waits (after a limit). */
export function mayCallCalendar(run: CallsRun, plan: Plan, notes = false): boolean {
  // Google refused writes lately (calendar-pause.ts): none is tried until the pause ends.
  if (run.calendarStop === null) run.calendarStop = calendarPaused(run.ctx);
  if (run.calendarStop !== null) {
    plan.extra.push(say(run.locale, notes ? 'notesWaiting' : 'calendarWaiting', { reason: run.calendarStop }));
    return false;
  }
  if (run.timeLeft()) return true;
  run.deferred++;
  return false;
}

export function onCalendarFailure(run: CallsRun, plan: Plan, f: CalendarFailure, parts: EventParts | null, notes = false): void {
  const waiting = notes ? 'notesWaiting' : 'calendarWaiting';
  if (f.kind === 'rateLimit') {
    calendarRefused(run.ctx, f.message);
    stopCalendar(run, f.message, 'logCalendarLimit', plan.callId);
    plan.extra.push(say(run.locale, waiting, { reason: f.message }));
  } else if (f.kind === 'calendar') {
    stopCalendar(run, f.message, 'logCalendarUnavailable', plan.callId);
    plan.extra.push(say(run.locale, 'calendarMissing', { id: run.calendarId, error: f.message }));
  } else if (f.kind === 'transient') {
    stopCalendar(run, f.message, 'logCalendarUnavailable', plan.callId);
    plan.extra.push(say(run.locale, waiting, { reason: f.message }));
  } else {
    // Refused for this event: not retried until the row changes.
    const sync = plan.sync ?? emptySync(plan.callId, run.calendarId);
    if (parts) run.sync.put({ ...sync, failed: fullPrint(parts), error: f.message });
    plan.extra.push(say(run.locale, 'calendarRefused', { error: f.message }));
    run.log(plan.callId, say(run.locale, 'logCalendarRefused'), f.message);
  }
}

export function cancelEvent(run: CallsRun, plan: Plan): void {
  const sync = plan.sync;
  const gone = sync && (sync.state === 'deleted' || sync.state === 'removed');
  const id = sync && sync.state === 'live' ? sync.eventId : gone ? '' : plan.eventId;
  if (!id) {
    plan.eventId = '';
    return;
  }
  if (!mayCallCalendar(run, plan)) return;
  const calendarId = sync?.calendarId || run.calendarId;
  const start = sync?.start ?? null;
  try {
    deleteEvent(calendarId, id, start !== null && start > run.now ? 'all' : 'none');
    calendarWrote(run.ctx);
  } catch (e) {
    rethrowIfKilled(e);
    if (e instanceof CalendarFailure) onCalendarFailure(run, plan, e, null);
    else throw e;
    return;
  }
  run.sync.put({ ...(sync ?? emptySync(plan.callId, calendarId)), calendarId, eventId: id, state: 'deleted', failed: '', error: '' });
  plan.eventId = '';
  run.note(plan.callId, say(run.locale, plan.index < 0 ? 'logRowGone' : 'logEventDeleted'), id);
}

/** The staff-only twin goes with the call (a cancelled call keeps no notes event). */
export function cancelNotes(run: CallsRun, plan: Plan): void {
  const sync = run.sync.get(plan.callId);
  if (!sync || !sync.notesId || sync.notesPrint === NOTES_DELETED) return;
  if (!mayCallCalendar(run, plan, true)) return;
  try {
    deleteEvent(sync.calendarId || run.calendarId, sync.notesId, 'none');
    calendarWrote(run.ctx);
  } catch (e) {
    rethrowIfKilled(e);
    if (e instanceof CalendarFailure) onCalendarFailure(run, plan, e, null, true);
    else throw e;
    return;
  }
  run.sync.put({ ...sync, notesPrint: NOTES_DELETED });
}

export function writeEvent(run: CallsRun, plan: Plan, desired: DesiredEvent): void {
  const parts = partsOf(desired);
  let sync = plan.sync;
  if (sync && sync.calendarId && sync.calendarId !== run.calendarId) {
    // The company calendar changed in Settings: the event and its twin move to the new one.
    if (sync.state === 'live') {
      if (!mayCallCalendar(run, plan)) return;
      try {
        deleteEvent(sync.calendarId, sync.eventId, 'none');
        if (sync.notesId && sync.notesPrint !== NOTES_DELETED) deleteEvent(sync.calendarId, sync.notesId, 'none');
        calendarWrote(run.ctx);
      } catch (e) {
        rethrowIfKilled(e);
        if (e instanceof CalendarFailure) onCalendarFailure(run, plan, e, null);
        else throw e;
        return;
      }
    }
    sync = undefined;
    plan.eventId = '';
  }
  // A Done call whose event a person deleted in Calendar is not brought back (nor its guests invited again).
  if (sync && sync.state === 'removed' && plan.status === 'done') {
    plan.eventId = '';
    return;
  }
  const live = sync?.state === 'live';
  if (live && sync && sync.time === ADOPT && sync.start === desired.start && sync.end === desired.end) {
    // Moved in Calendar and the row now says the same: the event holds this time already.
    sync = { ...sync, time: parts.time };
    run.sync.put(sync);
    plan.sync = sync;
  }
  if (live && sync && PARTS.every((p) => sync![p] === parts[p])) {
    plan.eventId = sync.eventId;
    return;
  }
  if (sync && sync.failed && sync.failed === fullPrint(parts)) {
    plan.extra.push(say(run.locale, 'calendarRefused', { error: sync.error }));
    return;
  }
  if (!mayCallCalendar(run, plan)) return;
  const changed = PARTS.filter((p) => !live || !sync || sync[p] !== parts[p]);
  const invites = !live || changed.includes('time') || changed.includes('guests');
  const sendUpdates = invites && desired.end > run.now ? 'all' : 'none';
  const knownId = (sync && sync.eventId) || text(plan.rec.eventId);
  const exact = live && !!sync && sync.eventId === knownId;
  const ownId = eventIdFor(run.ssId(), plan.callId);
  const meeting = conferencePlan(sync, desired, live, ownId);
  let result;
  try {
    result = saveEvent(run.calendarId, desired, ownId, knownId, exact, changed, sendUpdates, meeting.change);
    calendarWrote(run.ctx);
  } catch (e) {
    rethrowIfKilled(e);
    if (e instanceof CalendarFailure) onCalendarFailure(run, plan, e, parts);
    else throw e;
    return;
  }
  const before = sync ?? emptySync(plan.callId, run.calendarId);
  const conf = result.conference;
  run.sync.put({
    ...before,
    callId: plan.callId,
    calendarId: run.calendarId,
    eventId: result.eventId,
    state: 'live',
    start: desired.start,
    end: desired.end,
    ...parts,
    failed: '',
    error: '',
    meet: meeting.change.remove ? '' : conf.link || before.meet,
    conference: meeting.change.remove
      ? ''
      : conf.status === 'success'
        ? `meet:${meeting.n}`
        : conf.status === 'pending'
          ? `pending:${meeting.n}`
          : conf.status === 'failure'
            ? `failed:${meeting.n}`
            : before.conference,
    notesId: sync ? before.notesId : '',
    notesPrint: sync ? before.notesPrint : '',
  });
  plan.eventId = result.eventId;
  run.note(plan.callId, say(run.locale, result.created ? 'logEventCreated' : 'logEventUpdated'), result.eventId);
}

/** The staff-only twin, written after the guests' event (never e-mailed to anyone). */
export function writeNotes(run: CallsRun, plan: Plan, notes: DesiredNotes): void {
  const sync = run.sync.get(plan.callId);
  if (!sync || sync.state !== 'live' || sync.calendarId !== run.calendarId) return;
  const print = notesPrintOf(notes);
  if (sync.notesId && sync.notesPrint === print) return;
  if (!mayCallCalendar(run, plan, true)) return;
  let id: string;
  try {
    id = saveNotes(run.calendarId, notes, eventIdFor(run.ssId(), `${plan.callId}#notes`), sync.notesId);
    calendarWrote(run.ctx);
  } catch (e) {
    rethrowIfKilled(e);
    if (e instanceof CalendarFailure) onCalendarFailure(run, plan, e, null, true);
    else throw e;
    return;
  }
  run.sync.put({ ...sync, notesId: id, notesPrint: print });
}

// ---- the calendar read back ----
