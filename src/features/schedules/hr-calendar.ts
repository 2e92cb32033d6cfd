/**
 * The HR calendar (Settings "HR calendar ID"): one all-day event per selection day and per
 * calling day, with the order's HR specialist as a guest who receives Google's invitation
 * (sendUpdates "all"), updated and cancelled the same way. Built on the shared Calendar
 * adapter (calendar.ts: event IDs, error classes), which writes timed call events; these
 * are all-day events, so the request bodies are made here.
 *
 * Never duplicated: an event's ID is derived from its row key (workbook, order, selection
 * number, kind — calendar.eventIdFor), so an event whose ID was lost from the sheet (a
 * crash between the insert and the sheet write, a cleared cell) is found again by its key:
 * inserting it again answers 409 "already exists" and the event is patched instead (a
 * deleted one comes back confirmed). The key is also kept in a private extended property.
 *
 * One request per event changed (two for an event found again by its key).
 */
import { addDays, formatLocalDate, LocalDate } from '../../core/time';
import {
  CalendarErrorKind,
  CalendarFailure,
  classify,
  deleteEvent,
  eventIdFor,
  EventResource,
  messageOf,
  rethrowIfKilled,
} from '../../google/calendar';

export interface DayEvent {
  /** Row key, e.g. "ORD-2026-0001|3|selection". */
  key: string;
  date: LocalDate;
  summary: string;
  description: string;
  /** The guest invited (the HR specialist), if any. */
  guest?: string;
}

export type CalendarOutcome = { ok: true; id: string; created: boolean } | { ok: false; error: string; kind: CalendarErrorKind };

export const KEY_PROPERTY = 'reglamentKey';

export class HrCalendar {
  /** Events created in this run (Google limits creations in a short time). */
  creates = 0;

  constructor(
    readonly calendarId: string,
    /** Makes IDs unique per workbook (the spreadsheet ID). */
    private readonly spreadsheetId: string,
  ) {}

  /** The event ID of a row key: stable, so a lost ID is found again. */
  idOf(key: string): string {
    return eventIdFor(this.spreadsheetId, `hr|${key}`);
  }

  private body(ev: DayEvent): EventResource {
    return {
      summary: ev.summary,
      description: ev.description,
      start: { date: formatLocalDate(ev.date) },
      end: { date: formatLocalDate(addDays(ev.date, 1)) },
      attendees: ev.guest ? [{ email: ev.guest }] : [],
      transparency: 'transparent',
      extendedProperties: { private: { [KEY_PROPERTY]: ev.key, reglament: 'hr' } },
    };
  }

  /** Creates the event, or brings the existing one (found by ID or by its key) up to date. */
  upsert(ev: DayEvent, knownId?: string): CalendarOutcome {
    const body = this.body(ev);
    const options = { sendUpdates: 'all' };
    try {
      if (typeof Calendar === 'undefined' || !Calendar)
        return { ok: false, error: 'Advanced Calendar service is not enabled', kind: 'calendar' };
      const events = Calendar.Events;
      if (knownId) {
        try {
          events.patch({ ...body, status: 'confirmed' }, this.calendarId, knownId, options);
          return { ok: true, id: knownId, created: false };
        } catch (e) {
          rethrowIfKilled(e);
          if (classify(e) !== 'gone') throw e;
        }
      }
      const id = this.idOf(ev.key);
      try {
        events.insert({ ...body, id }, this.calendarId, options);
        this.creates++;
        return { ok: true, id, created: true };
      } catch (e) {
        rethrowIfKilled(e);
        if (classify(e) !== 'duplicate') throw e;
      }
      events.patch({ ...body, status: 'confirmed' }, this.calendarId, id, options);
      return { ok: true, id, created: false };
    } catch (e) {
      rethrowIfKilled(e);
      const kind = classify(e);
      // An insert cannot miss an event: "gone" there is the calendar itself.
      return { ok: false, error: messageOf(e), kind: kind === 'gone' ? 'calendar' : kind };
    }
  }

  /** Cancels the event (its guest is told); one already gone counts as removed. */
  remove(key: string, knownId?: string): CalendarOutcome {
    const id = knownId || this.idOf(key);
    try {
      deleteEvent(this.calendarId, id, 'all');
      return { ok: true, id, created: false };
    } catch (e) {
      rethrowIfKilled(e);
      return { ok: false, error: messageOf(e), kind: e instanceof CalendarFailure ? e.kind : classify(e) };
    }
  }
}
