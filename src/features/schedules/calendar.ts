/**
 * Keeps the HR calendar in step with Selections (issue 6, point 3): each selection day and
 * each calling day of a row is an all-day event with the order's HR specialist invited;
 * the row's Event ID* holds both event IDs ("<selection> <calling>"). An empty Event ID
 * means "to be written": rows whose selection day is within HORIZON_DAYS get their events
 * (created, or found again by their row key and updated), at most MAX_CREATES_PER_RUN new
 * events per run; the tick carries on with the rest. Descriptions are HTML-escaped (Google
 * Calendar renders HTML there); titles are plain text.
 */
import { escapeHtml } from '../../core/templates';
import { dayNumber, LocalDate } from '../../core/time';
import { cellText, parseEmailCell, Row } from '../../core/values';
import { DayEvent } from './hr-calendar';
import { CalendarErrorKind } from '../../google/calendar';
import { calendarRefused, calendarWrote } from '../../app/calendar-pause';
import { HORIZON_DAYS, Scheduler } from './env';
import { hasProblem, SelectionRow, withProblems } from './rows';
import { formatClock, formatDay, say } from './rules/messages';

/** A row as the calendar needs it (an existing Selections row, or one about to be appended). */
export interface EventRow {
  orderId: string;
  number: number;
  selectionDate?: LocalDate;
  callingDate?: LocalDate;
  hrSpecialist: string;
  eventId: string;
  problems: string;
}

export type SyncResult = { eventId: string; problems: string; changed: boolean };

export function rowKey(orderId: string, number: number, kind: 'selection' | 'calling'): string {
  return `${orderId}|${number}|${kind}`;
}

/** Is the row one whose events should exist now (its selection day within the horizon, its calling day not past)? */
export function inHorizon(s: Scheduler, row: { selectionDate?: LocalDate; callingDate?: LocalDate }): boolean {
  if (!row.selectionDate || !row.callingDate) return false;
  return dayNumber(row.callingDate) >= s.todayN && dayNumber(row.selectionDate) <= s.todayN + HORIZON_DAYS;
}

function events(s: Scheduler, row: EventRow, order: Row | undefined): [DayEvent, DayEvent] {
  const locale = s.ctx.locale;
  const client = cellText(order?.client) || '—';
  const terms = s.agreedTermsOf(row.orderId);
  const resumes = terms?.resumesPerSelection !== undefined ? String(terms.resumesPerSelection) : say(locale, 'resumesStandard');
  const deadline = formatClock(s.reportDeadline);
  const guest = parseEmailCell(row.hrSpecialist);
  const base = { orderId: row.orderId, client, n: row.number, deadline };
  return [
    {
      key: rowKey(row.orderId, row.number, 'selection'),
      date: row.selectionDate!,
      summary: say(locale, 'eventSelection', base),
      description: escapeHtml(
        say(locale, 'eventDescSelection', {
          ...base,
          vacancy: cellText(order?.vacancy) || '—',
          resumes,
          calling: formatDay(row.callingDate!, locale),
        }),
      ),
      guest: guest.status === 'ok' ? guest.value : undefined,
    },
    {
      key: rowKey(row.orderId, row.number, 'calling'),
      date: row.callingDate!,
      summary: say(locale, 'eventCalling', base),
      description: escapeHtml(say(locale, 'eventDescCalling', { ...base, date: formatDay(row.callingDate!, locale) })),
      guest: guest.status === 'ok' ? guest.value : undefined,
    },
  ];
}

/**
 * Writes the row's two events (create or update). Returns the new Event ID and Problems;
 * when the run may create no more events, the Event ID is left empty for a later run.
 */
export function syncEvents(s: Scheduler, row: EventRow, order: Row | undefined): SyncResult {
  const cal = s.calendar;
  const unchanged = { eventId: row.eventId, problems: row.problems, changed: false };
  if (!cal || !row.selectionDate || !row.callingDate) return unchanged;
  const known = row.eventId.split(/\s+/).filter(Boolean);
  // Creating needs room in this run; an update of known events does not create.
  if (known.length < 2 && !s.mayCreateEvent()) return { eventId: '', problems: row.problems, changed: row.eventId !== '' };
  if (!s.timeLeft() || s.calendarStopped) return { eventId: '', problems: row.problems, changed: row.eventId !== '' };
  const ids: string[] = [];
  const errors: string[] = [];
  let limited = false;
  for (const [i, ev] of events(s, row, order).entries()) {
    const outcome = cal.upsert(ev, known[i]);
    if (outcome.ok) {
      calendarWrote(s.ctx);
      ids.push(outcome.id);
      continue;
    }
    if (outcome.kind === 'rateLimit') limited = true;
    else errors.push(outcome.error);
    if (outcome.kind === 'rateLimit' || outcome.kind === 'calendar') {
      stopCalendar(s, outcome.error, outcome.kind);
      break;
    }
  }
  // Hit Google's creation limit: no problem on the row, a later run carries on.
  if (limited) return { eventId: '', problems: row.problems, changed: row.eventId !== '' };
  const eventId = errors.length ? '' : ids.join(' ');
  const problems = withProblems(
    row.problems,
    'calendar',
    errors.map((e) => say(s.ctx.locale, 'calendarFailed', { error: e })),
    s.ctx.locale,
  );
  return { eventId, problems, changed: eventId !== row.eventId || problems !== row.problems };
}

/** No more calendar requests in this run (a rate limit, or the calendar itself is missing); logged once. A limit may pause later runs (calendar-pause.ts). */
function stopCalendar(s: Scheduler, error: string, kind: CalendarErrorKind): void {
  if (s.calendarStopped) return;
  s.calendarStopped = true;
  if (kind === 'rateLimit') calendarRefused(s.ctx, error);
  s.ctx.log({ tab: s.selections?.sheet.getName() ?? '', rowKey: '', action: say(s.ctx.locale, 'logCalendarStopped'), details: error });
}

/** Cancels the row's events (the guest is told). Rows without an Event ID outside the horizon have none. */
export function removeEvents(s: Scheduler, row: EventRow): string[] {
  const cal = s.calendar;
  const known = row.eventId.split(/\s+/).filter(Boolean);
  if (!cal || (known.length === 0 && !inHorizon(s, row))) return [];
  const errors: string[] = [];
  for (const [i, kind] of (['selection', 'calling'] as const).entries()) {
    if (s.calendarStopped) break;
    const outcome = cal.remove(rowKey(row.orderId, row.number, kind), known[i]);
    if (outcome.ok) {
      calendarWrote(s.ctx);
      continue;
    }
    errors.push(outcome.error);
    if (outcome.kind === 'rateLimit' || outcome.kind === 'calendar') stopCalendar(s, outcome.error, outcome.kind);
  }
  return errors;
}

/**
 * The tick's catch-up: rows in the horizon without events get them, as far as this run's
 * creation allowance goes. A row whose last attempt failed is retried once a day (`retryFailed`).
 */
export function syncPendingEvents(s: Scheduler, retryFailed: boolean): number {
  const w = s.writer;
  if (!w || !s.calendar) return 0;
  let done = 0;
  const due: SelectionRow[] = [];
  for (const list of s.rows.values())
    for (const row of list) {
      if (row.eventId || row.done || row.reportSent || !inHorizon(s, row)) continue;
      if (!retryFailed && hasProblem(row.problems, 'calendar')) continue;
      due.push(row);
    }
  due.sort((a, b) => dayNumber(a.selectionDate!) - dayNumber(b.selectionDate!));
  for (const row of due) {
    if (!s.mayCreateEvent()) break;
    const order = s.orders.get(row.orderId.toUpperCase())?.rec;
    const result = syncEvents(s, row, order);
    if (!result.changed) continue;
    row.eventId = result.eventId;
    row.problems = result.problems;
    w.set(row.index, 'eventId', result.eventId);
    w.set(row.index, 'problems', result.problems);
    done++;
  }
  return done;
}
