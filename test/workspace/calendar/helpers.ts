import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { calendar_v3 } from 'googleapis';
import ICAL from 'ical.js';
import { Runtime, type Limits, type RuntimeOptions } from '../../../workspace/runtime/runtime';
import { createCalendarService, type CalendarFake, type CalendarOptions } from '../../../workspace/services/calendar';

export const USER = 'hr@example.com';
export const HR_CAL = 'hr-team@group.calendar.google.com';

export function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'calendar-fake-'));
}

export function setup(
  opts: { stateDir?: string; limits?: Partial<Limits>; now?: string; options?: CalendarOptions; runtime?: RuntimeOptions } = {},
): { rt: Runtime; fake: CalendarFake; Calendar: CalendarFake['globals']['Calendar'] } {
  const rt = new Runtime({
    now: new Date(opts.now ?? '2025-03-03T06:00:00Z'),
    stateDir: opts.stateDir,
    timeZone: 'Europe/Moscow',
    execution: { activeUser: USER },
    limits: { executionMs: Number.MAX_SAFE_INTEGER, ...opts.limits },
    ...opts.runtime,
  });
  const fake = createCalendarService(rt, opts.options ?? { calendars: [{ id: HR_CAL, summary: 'HR', timeZone: 'Europe/Moscow' }] });
  return { rt, fake, Calendar: fake.globals.Calendar };
}

/** A timed event in Moscow on 2025-03-05. */
export function interview(extra: calendar_v3.Schema$Event = {}): calendar_v3.Schema$Event {
  return {
    summary: 'Interview',
    description: 'Bring the CV',
    start: { dateTime: '2025-03-05T10:00:00', timeZone: 'Europe/Moscow' },
    end: { dateTime: '2025-03-05T11:00:00', timeZone: 'Europe/Moscow' },
    ...extra,
  };
}

/** The message the call threw (fails the test when it did not throw). */
export function thrown(fn: () => unknown): Error & { details?: { code: number; message: string } } {
  try {
    fn();
  } catch (e) {
    return e as Error & { details?: { code: number; message: string } };
  }
  throw new Error('expected the call to throw');
}

/** Parses an .ics text with ical.js, registering its VTIMEZONEs so TZIDs resolve. */
export function parseIcs(text: string): { cal: ICAL.Component; events: ICAL.Event[] } {
  const cal = new ICAL.Component(ICAL.parse(text));
  for (const tz of cal.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(tz);
  return { cal, events: cal.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v)) };
}

export function unixMs(t: ICAL.Time): number {
  return t.toUnixTime() * 1000;
}
