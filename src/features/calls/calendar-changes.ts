/**
 * What people changed in Calendar, read back once per tick (one incremental list): a moved
 * or deleted event moves or cancels its Calls row; guests' answers are kept for the row.
 */
import { DEFAULT_DURATION_MINUTES } from './rules/calls';
import { CALL_STATUSES, choiceLabel, findChoice } from '../../core/schema';
import { isDate, localDateOf } from '../../core/time';
import { CalendarFailure, readEvent, conferenceOf, rethrowIfKilled } from '../../google/calendar';
import { keepCalendar, ObservedCall, readBack, ReadBack } from './readback';
import { ADOPT, SyncRecord } from './sync';
import { say } from './rules/messages';
import { recordOf } from '../../google/records';
import { cell } from '../../google/workbook';
import { CallsRun, NOTES_DELETED, text } from './run';

const READ_BACK_LOGGED = 'calls.readBackLoggedOn';

/** Pending Meet requests asked for again per tick, at most. */
const PENDING_READS = 10;

/**
 * What people changed in Calendar since the last tick (readback.ts): moves and
 * deletions carried into the Calls rows, guests' answers and Meet links into the sync record.
 */
export function readCalendar(run: CallsRun): void {
  if (!run.timeLeft()) return;
  // Nothing of ours on the company calendar: nothing to read back (no call is made).
  const ours = run.sync.ids().some((id) => {
    const r = run.sync.get(id);
    return !!r && r.state === 'live' && r.calendarId === run.calendarId;
  });
  if (!ours) {
    keepCalendar(run.calendarId, PropertiesService.getScriptProperties());
    return;
  }
  let result: ReadBack;
  try {
    result = readBack(run.calendarId, run.now, PropertiesService.getScriptProperties());
  } catch (e) {
    rethrowIfKilled(e);
    if (!(e instanceof CalendarFailure)) throw e;
    // Once a day, not every five minutes (the rows say what waits).
    const props = PropertiesService.getScriptProperties();
    const d = localDateOf(run.ctx.zone, run.now);
    const today = `${d.year}-${d.month}-${d.day}`;
    if (props.getProperty(READ_BACK_LOGGED) !== today) {
      props.setProperty(READ_BACK_LOGGED, today);
      run.log('', say(run.locale, 'logReadBackFailed'), e.message);
    }
    return;
  }
  run.readBackResult = result;
  const rows = new Map<string, number>();
  run.calls.rows.forEach((r, i) => {
    const id = text(cell(run.calls, r, 'callId'));
    if (id && !rows.has(id)) rows.set(id, i);
  });
  const seen = new Set<string>();
  for (const o of result.calls) {
    seen.add(o.callId);
    observed(run, o, rows.get(o.callId));
  }
  for (const n of result.notes) {
    const sync = run.sync.get(n.callId);
    // A twin a person deleted is written again (the comment lives there).
    if (sync && sync.notesId === n.eventId && n.cancelled && sync.notesPrint !== NOTES_DELETED) run.sync.put({ ...sync, notesPrint: '' });
  }
  // A Meet still being made when its event was last seen: asked for once more.
  let asked = 0;
  for (const id of run.sync.ids()) {
    const sync = run.sync.get(id);
    if (!sync || seen.has(id) || sync.state !== 'live' || !sync.conference.startsWith('pending') || asked >= PENDING_READS) continue;
    asked++;
    try {
      const ev = readEvent(sync.calendarId, sync.eventId);
      if (ev)
        observed(
          run,
          {
            callId: id,
            eventId: sync.eventId,
            cancelled: ev.status === 'cancelled',
            start: null,
            end: null,
            answers: {},
            conference: conferenceOf(ev),
          },
          undefined,
        );
    } catch (e) {
      rethrowIfKilled(e);
      if (!(e instanceof CalendarFailure)) throw e;
      break;
    }
  }
}

export function observed(run: CallsRun, o: ObservedCall, index: number | undefined): void {
  const sync = run.sync.get(o.callId);
  if (!sync || sync.eventId !== o.eventId || sync.calendarId !== run.calendarId) return;
  const next: SyncRecord = { ...sync };
  const n = sync.conference.split(':')[1] ?? '1';
  if (o.conference.status === 'success' && o.conference.link) {
    next.meet = o.conference.link;
    next.conference = `meet:${n}`;
  } else if (o.conference.status === 'failure') next.conference = `failed:${n}`;
  if (Object.keys(o.answers).length) next.answers = JSON.stringify(o.answers);
  const rec = index === undefined ? null : recordOf(run.calls, run.calls.rows[index]);
  const status = rec ? (findChoice(CALL_STATUSES, text(rec.status))?.key ?? (text(rec.status) ? '' : 'scheduled')) : '';
  if (o.cancelled && sync.state === 'live') {
    next.state = 'removed';
    if (index !== undefined && status === 'scheduled') {
      run.setPerson(index, 'status', choiceLabel(CALL_STATUSES[2], run.locale));
      run.log(o.callId, say(run.locale, 'logChangedInCalendar'), say(run.locale, 'calendarCancelled'));
    }
  } else if (
    !o.cancelled &&
    sync.state === 'live' &&
    o.start !== null &&
    o.end !== null &&
    (o.start !== sync.start || (sync.end !== null && o.end !== sync.end))
  ) {
    const rowStart = rec && isDate(rec.start) ? rec.start.getTime() : null;
    if (index !== undefined && rec && status === 'scheduled' && rowStart === sync.start) moveRow(run, o, index, rec);
    else if (rec) run.log(o.callId, say(run.locale, 'logCalendarConflict'), run.when(o.start));
    next.start = o.start;
    next.end = o.end;
    next.time = ADOPT;
  }
  run.sync.put(next);
}

/** The row follows a move made in Calendar: Start, and Duration when its length changed. */
export function moveRow(run: CallsRun, o: ObservedCall, index: number, rec: Record<string, unknown>): void {
  const start = o.start as number;
  const minutes = Math.round(((o.end as number) - start) / 60000);
  const before = isDate(rec.start) ? rec.start.getTime() : null;
  const typed = typeof rec.duration === 'number' ? rec.duration : DEFAULT_DURATION_MINUTES;
  const details = [`${run.when(before)} → ${run.when(start)}`];
  run.setPerson(index, 'start', new Date(start));
  if (minutes !== typed) {
    run.setPerson(index, 'duration', minutes);
    details.push(say(run.locale, 'durationChange', { from: typed, to: minutes }));
  }
  run.log(o.callId, say(run.locale, 'logChangedInCalendar'), details.join('; '));
}
