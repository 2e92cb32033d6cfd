import * as fs from 'fs';
import * as path from 'path';
import ICAL from 'ical.js';
import { Temporal } from '@js-temporal/polyfill';
import { HR_CAL, interview, parseIcs, setup, tempDir, unixMs } from './helpers';

/** A DATE-TIME with TZID as RFC 5545 §3.3.5 reads it, by the Temporal polyfill (not the fakes' own conversion). */
const rfcInstant = (wall: string, zone: string) =>
  Temporal.PlainDateTime.from(wall).toZonedDateTime(zone, { disambiguation: 'compatible' }).epochMilliseconds;

async function exported(fake: ReturnType<typeof setup>['fake'], calendarId: string) {
  await fake.flush();
  return parseIcs(fs.readFileSync(fake.icsPath(calendarId) as string, 'utf8'));
}

function alarms(ev: ICAL.Event): Array<{ action: string; seconds: number }> {
  return ev.component.getAllSubcomponents('valarm').map((a) => ({
    action: String(a.getFirstPropertyValue('action')),
    seconds: (a.getFirstPropertyValue('trigger') as ICAL.Duration).toSeconds(),
  }));
}

describe('.ics export', () => {
  test('each calendar is an .ics named by its id, with summary, guests, alarms and private properties', async () => {
    const { fake, Calendar } = setup({ stateDir: tempDir() });
    const e = Calendar.Events.insert(
      interview({
        attendees: [
          { email: 'cand@example.org', displayName: 'Anna' },
          { email: 'boss@example.com', responseStatus: 'accepted', optional: true },
        ],
        reminders: {
          useDefault: false,
          overrides: [
            { method: 'popup', minutes: 10 },
            { method: 'email', minutes: 1440 },
          ],
        },
        extendedProperties: { private: { rowKey: 'R12' } },
      }),
      HR_CAL,
    );
    const { events, cal } = await exported(fake, HR_CAL);
    expect(path.basename(fake.icsPath(HR_CAL) as string)).toBe('hr-team@group.calendar.google.com.ics');
    expect(events).toHaveLength(1);
    const ev = events[0];
    expect(ev.uid).toBe(e.iCalUID);
    expect(ev.summary).toBe('Interview');
    expect(ev.description).toBe('Bring the CV');
    expect(ev.organizer).toBe('mailto:hr-team@group.calendar.google.com');
    const guests = ev.attendees.map((a) => [a.getFirstValue(), a.getParameter('partstat'), a.getParameter('rsvp'), a.getParameter('role')]);
    expect(guests).toEqual([
      ['MAILTO:cand@example.org', 'NEEDS-ACTION', 'TRUE', 'REQ-PARTICIPANT'],
      ['MAILTO:boss@example.com', 'ACCEPTED', 'TRUE', 'OPT-PARTICIPANT'],
    ]);
    expect(alarms(ev)).toEqual([
      { action: 'DISPLAY', seconds: -600 },
      { action: 'EMAIL', seconds: -86400 },
    ]);
    expect(ev.component.getFirstPropertyValue('x-reglament-private')).toBe('rowKey=R12');
    expect(cal.getFirstPropertyValue('x-wr-calname')).toBe('HR');
  });

  test("DTSTART/DTEND keep the event's zone, also on a DST-change day", async () => {
    const { fake, Calendar } = setup({ stateDir: tempDir() });
    const moscow = Calendar.Events.insert(interview(), 'primary');
    // 2025-03-09 is the spring-forward day in New York: 01:30 EST → 03:30 EDT lasts one hour.
    const ny = Calendar.Events.insert(
      {
        summary: 'NY call',
        start: { dateTime: '2025-03-09T01:30:00', timeZone: 'America/New_York' },
        end: { dateTime: '2025-03-09T03:30:00', timeZone: 'America/New_York' },
      },
      'primary',
    );
    expect(ny.start?.dateTime).toBe('2025-03-09T01:30:00-05:00');
    expect(ny.end?.dateTime).toBe('2025-03-09T03:30:00-04:00');
    // 2025-10-26 02:30 happens twice in Berlin; Google-like resolution takes the first.
    const berlin = Calendar.Events.insert(
      {
        summary: 'Berlin',
        start: { dateTime: '2025-10-26T02:30:00', timeZone: 'Europe/Berlin' },
        end: { dateTime: '2025-10-26T04:00:00', timeZone: 'Europe/Berlin' },
      },
      'primary',
    );
    const { events } = await exported(fake, 'primary');
    const byUid = new Map(events.map((ev) => [ev.uid, ev]));
    for (const [e, zone, wall] of [
      [moscow, 'Europe/Moscow', '2025-03-05T10:00:00'],
      [ny, 'America/New_York', '2025-03-09T01:30:00'],
      [berlin, 'Europe/Berlin', '2025-10-26T02:30:00'],
    ] as const) {
      const ev = byUid.get(e.iCalUID as string) as ICAL.Event;
      expect(ev.component.getFirstProperty('dtstart')?.getParameter('tzid')).toBe(zone);
      expect(ev.startDate.zone.tzid).toBe(zone);
      expect(ev.startDate.toString()).toBe(wall);
      // RFC 5545 §3.3.5: a repeated local time is its first occurrence, one in a gap takes the offset before it (Temporal's "compatible").
      expect(rfcInstant(ev.startDate.toString(), zone)).toBe(Date.parse(e.start?.dateTime as string));
      expect(rfcInstant(ev.endDate.toString(), zone)).toBe(Date.parse(e.end?.dateTime as string));
      // ical.js agrees except in the repeated hour, where it takes standard time (`want_daylight = false; // TODO`).
      if (zone !== 'Europe/Berlin') expect(unixMs(ev.startDate)).toBe(Date.parse(e.start?.dateTime as string));
      expect(unixMs(ev.endDate)).toBe(Date.parse(e.end?.dateTime as string));
    }
    expect(new Date(Date.parse(berlin.start?.dateTime as string)).toISOString()).toBe('2025-10-26T00:30:00.000Z');
    const nyEv = byUid.get(ny.iCalUID as string) as ICAL.Event;
    expect(unixMs(nyEv.endDate) - unixMs(nyEv.startDate)).toBe(3600 * 1000);
  });

  test('a patch that moves the event moves its alarms and keeps the rest', async () => {
    const { fake, Calendar } = setup({ stateDir: tempDir() });
    const e = Calendar.Events.insert(interview({ reminders: { useDefault: false, overrides: [{ method: 'popup', minutes: 15 }] } }), 'primary');
    const before = (await exported(fake, 'primary')).events[0];
    const firesAt = (ev: ICAL.Event) => unixMs(ev.startDate) + alarms(ev)[0].seconds * 1000;
    expect(new Date(firesAt(before)).toISOString()).toBe('2025-03-05T06:45:00.000Z');
    Calendar.Events.patch(
      { start: { dateTime: '2025-03-07T12:00:00+03:00' }, end: { dateTime: '2025-03-07T13:00:00+03:00' } },
      'primary',
      e.id as string,
    );
    const after = (await exported(fake, 'primary')).events[0];
    expect(new Date(firesAt(after)).toISOString()).toBe('2025-03-07T08:45:00.000Z');
    expect(after.summary).toBe('Interview');
    expect(after.sequence).toBe(1);
  });

  test('deleted events leave the export; all-day events are DATE values', async () => {
    const { fake, Calendar } = setup({ stateDir: tempDir() });
    const gone = Calendar.Events.insert(interview({ summary: 'Gone' }), HR_CAL);
    Calendar.Events.insert({ summary: 'Selection day', start: { date: '2025-03-10' }, end: { date: '2025-03-11' } }, HR_CAL);
    Calendar.Events.remove(HR_CAL, gone.id as string);
    const { events } = await exported(fake, HR_CAL);
    expect(events.map((ev) => ev.summary)).toEqual(['Selection day']);
    expect(events[0].startDate.isDate).toBe(true);
    expect(events[0].startDate.toString()).toBe('2025-03-10');
    expect(events[0].endDate.toString()).toBe('2025-03-11');
  });

  test('without a state folder or icsDir nothing is written', async () => {
    const { fake, Calendar } = setup();
    Calendar.Events.insert(interview(), 'primary');
    await fake.flush();
    expect(fake.icsDir).toBeNull();
    expect(fake.icsPath('primary')).toBeNull();
  });
});
