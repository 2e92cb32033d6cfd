import * as vm from 'vm';
import type { calendar_v3 } from 'googleapis';
import type { Realm } from '../../../workspace/runtime/runtime';
import { HR_CAL, USER, interview, setup, tempDir, thrown } from './helpers';

describe('Calendar.Events.insert', () => {
  test('fills in the fields Google adds to a new event', () => {
    const { rt, Calendar } = setup();
    const e = Calendar.Events.insert(interview(), 'primary');
    expect(e.id).toMatch(/^[a-v0-9]{26}$/);
    expect(e.iCalUID).toBe(`${e.id}@google.com`);
    expect(e.htmlLink).toMatch(/^https:\/\/www\.google\.com\/calendar\/event\?eid=/);
    expect(e.status).toBe('confirmed');
    expect(e.sequence).toBe(0);
    expect(e.created).toBe(new Date(rt.clock.nowMs()).toISOString());
    expect(e.updated).toBe(e.created);
    expect(e.creator).toEqual({ email: USER, self: true });
    expect(e.organizer).toEqual({ email: USER, self: true });
    expect(e.start).toEqual({ dateTime: '2025-03-05T10:00:00+03:00', timeZone: 'Europe/Moscow' });
    expect(e.reminders).toEqual({ useDefault: true });
    expect(rt.meter.countOf('Calendar.Events.insert')).toBe(1);
  });

  test('on a secondary calendar the calendar is the organizer and the user the creator', () => {
    const { Calendar } = setup();
    const e = Calendar.Events.insert(interview(), HR_CAL);
    expect(e.organizer).toEqual({ email: HR_CAL, displayName: 'HR', self: true });
    expect(e.creator?.email).toBe(USER);
  });

  test.each<[string, calendar_v3.Schema$Event, string]>([
    ['missing end', { start: { dateTime: '2025-03-05T10:00:00Z' } }, 'Missing end time.'],
    ['missing start', { end: { dateTime: '2025-03-05T10:00:00Z' } }, 'Missing start time.'],
    [
      'end before start',
      interview({ end: { dateTime: '2025-03-05T09:00:00', timeZone: 'Europe/Moscow' } }),
      'The specified time range is empty.',
    ],
    [
      'wall time without a zone',
      { start: { dateTime: '2025-03-05T10:00:00' }, end: { dateTime: '2025-03-05T11:00:00Z' } },
      'Missing time zone definition for start time.',
    ],
    ['date mixed with dateTime', { start: { date: '2025-03-05' }, end: { dateTime: '2025-03-05T11:00:00Z' } }, 'Bad Request'],
    [
      'six reminder overrides',
      interview({ reminders: { useDefault: false, overrides: [1, 2, 3, 4, 5, 6].map((m) => ({ method: 'popup', minutes: m })) } }),
      'Cannot specify more than 5 override reminders.',
    ],
    [
      'minutes over four weeks',
      interview({ reminders: { useDefault: false, overrides: [{ method: 'popup', minutes: 40321 }] } }),
      'Invalid override reminder minutes.',
    ],
    [
      'negative minutes',
      interview({ reminders: { useDefault: false, overrides: [{ method: 'email', minutes: -1 }] } }),
      'Invalid override reminder minutes.',
    ],
    ['minutes missing', interview({ reminders: { useDefault: false, overrides: [{ method: 'email' }] } }), 'Missing override reminder minutes.'],
    [
      'default reminders with overrides',
      interview({ reminders: { useDefault: true, overrides: [{ method: 'popup', minutes: 10 }] } }),
      'Cannot specify both default reminders and overrides at the same time.',
    ],
    ['an attendee without an address', interview({ attendees: [{ displayName: 'Nobody' }] }), 'Missing attendee email.'],
    ['an invalid attendee address', interview({ attendees: [{ email: 'not an address' }] }), 'Invalid attendee email.'],
    ['a client id outside base32hex', interview({ id: 'Interview_1' }), 'Invalid resource id value.'],
  ])("refuses %s with Google's message", (_name, body, message) => {
    const { Calendar, fake } = setup();
    const err = thrown(() => Calendar.Events.insert(body, 'primary'));
    expect(err.message).toBe(`API call to calendar.events.insert failed with error: ${message}`);
    expect(err.name).toBe('GoogleJsonResponseException');
    expect(err.details?.code).toBe(400);
    expect(fake.events()).toHaveLength(0);
  });

  test('accepts the limits themselves: five overrides, 0 and 40320 minutes', () => {
    const { Calendar } = setup();
    const overrides = [0, 10, 60, 1440, 40320].map((minutes) => ({ method: 'popup', minutes }));
    const e = Calendar.Events.insert(interview({ reminders: { useDefault: false, overrides } }), 'primary');
    expect(e.reminders).toEqual({ useDefault: false, overrides });
  });

  test('a calendar that is neither primary nor declared is Not Found', () => {
    const { Calendar } = setup();
    const err = thrown(() => Calendar.Events.insert(interview(), 'someone-else@group.calendar.google.com'));
    expect(err.message).toBe('API call to calendar.events.insert failed with error: Not Found');
    expect(err.details?.code).toBe(404);
    expect(thrown(() => Calendar.Calendars.get('nope')).message).toBe('API call to calendar.calendars.get failed with error: Not Found');
  });

  test('a client id used twice gives 409 "The requested identifier already exists."', () => {
    const { Calendar } = setup();
    Calendar.Events.insert(interview({ id: 'abcdef123' }), 'primary');
    const err = thrown(() => Calendar.Events.insert(interview({ id: 'abcdef123' }), 'primary'));
    expect(err.message).toBe('API call to calendar.events.insert failed with error: The requested identifier already exists.');
    expect(err.details?.code).toBe(409);
  });

  test("errors are of the bundle's realm", () => {
    const realm = vm.runInNewContext('({ Date, Error, Array, Object })') as Realm;
    const { Calendar } = setup({ runtime: { realm } });
    const err = thrown(() => Calendar.Events.get('primary', 'doesnotexist'));
    expect(err).toBeInstanceOf(realm.Error);
    expect(err.message).toBe('API call to calendar.events.get failed with error: Not Found');
  });
});

describe('Calendar.Events.get / patch / update / remove', () => {
  test('patch keeps unspecified fields, changes the time and bumps the sequence', () => {
    const { Calendar, rt } = setup();
    const e = Calendar.Events.insert(
      interview({
        extendedProperties: { private: { rowKey: 'R7', stage: 'new' } },
        reminders: { useDefault: false, overrides: [{ method: 'popup', minutes: 30 }] },
      }),
      'primary',
    );
    rt.clock.advance(60_000);
    const p = Calendar.Events.patch(
      {
        start: { dateTime: '2025-03-06T15:00:00+03:00' },
        end: { dateTime: '2025-03-06T16:00:00+03:00' },
        extendedProperties: { private: { stage: 'moved' } },
      },
      'primary',
      e.id as string,
    );
    expect(p.summary).toBe('Interview');
    expect(p.description).toBe('Bring the CV');
    expect(p.reminders).toEqual(e.reminders);
    expect(p.start).toEqual({ dateTime: '2025-03-06T15:00:00+03:00', timeZone: 'Europe/Moscow' });
    expect(p.extendedProperties?.private).toEqual({ rowKey: 'R7', stage: 'moved' });
    expect(p.sequence).toBe(1);
    expect(p.created).toBe(e.created);
    expect(Date.parse(p.updated as string)).toBeGreaterThan(Date.parse(e.updated as string));
    expect(Calendar.Events.get('primary', e.id as string)).toEqual(p);
  });

  test('patch with null removes a property; the stored default reminders clash with new overrides', () => {
    const { Calendar } = setup();
    const e = Calendar.Events.insert(interview({ extendedProperties: { private: { a: '1', b: '2' } } }), 'primary');
    const p = Calendar.Events.patch({ extendedProperties: { private: { a: null as unknown as string } } }, 'primary', e.id as string);
    expect(p.extendedProperties?.private).toEqual({ b: '2' });
    const err = thrown(() => Calendar.Events.patch({ reminders: { overrides: [{ method: 'popup', minutes: 5 }] } }, 'primary', e.id as string));
    expect(err.message).toBe(
      'API call to calendar.events.patch failed with error: Cannot specify both default reminders and overrides at the same time.',
    );
  });

  test('update replaces the event: fields left out are cleared', () => {
    const { Calendar } = setup();
    const e = Calendar.Events.insert(interview({ location: 'Room 1' }), 'primary');
    const u = Calendar.Events.update({ summary: 'Interview 2', start: e.start, end: e.end }, 'primary', e.id as string);
    expect(u.summary).toBe('Interview 2');
    expect(u.description).toBeUndefined();
    expect(u.location).toBeUndefined();
    expect(u.id).toBe(e.id);
    expect(u.sequence).toBe(1);
    const err = thrown(() => Calendar.Events.update({ summary: 'x', start: e.start }, 'primary', e.id as string));
    expect(err.message).toBe('API call to calendar.events.update failed with error: Missing end time.');
  });

  test('an unknown event id is Not Found for get, patch and remove', () => {
    const { Calendar } = setup();
    expect(thrown(() => Calendar.Events.get('primary', 'abcde12345')).message).toBe(
      'API call to calendar.events.get failed with error: Not Found',
    );
    expect(thrown(() => Calendar.Events.patch({ summary: 'x' }, 'primary', 'abcde12345')).message).toBe(
      'API call to calendar.events.patch failed with error: Not Found',
    );
    expect(thrown(() => Calendar.Events.remove('primary', 'abcde12345')).message).toBe(
      'API call to calendar.events.delete failed with error: Not Found',
    );
  });

  test('a removed event still reads as cancelled; removing it again is 410 "Resource has been deleted"', () => {
    const { Calendar, fake } = setup();
    const e = Calendar.Events.insert(interview(), 'primary');
    expect(Calendar.Events.remove('primary', e.id as string)).toBeUndefined();
    expect(Calendar.Events.get('primary', e.id as string).status).toBe('cancelled');
    expect(fake.events()).toHaveLength(0);
    expect(Calendar.Events.list('primary').items).toHaveLength(0);
    expect(Calendar.Events.list('primary', { showDeleted: true }).items?.map((x) => x.id)).toEqual([e.id]);
    const err = thrown(() => Calendar.Events.remove('primary', e.id as string));
    expect(err.message).toBe('API call to calendar.events.delete failed with error: Resource has been deleted');
    expect(err.details?.code).toBe(410);
  });
});

describe('Calendar.Events.list', () => {
  function seed() {
    const ctx = setup({ limits: { calendarCreatesPerMinute: 1000 } });
    const { Calendar } = ctx;
    const at = (day: number, key: string, kind: string) =>
      Calendar.Events.insert(
        interview({
          summary: `Call ${key}`,
          start: { dateTime: `2025-03-0${day}T10:00:00+03:00` },
          end: { dateTime: `2025-03-0${day}T10:30:00+03:00` },
          extendedProperties: { private: { key, kind } },
        }),
        'primary',
      );
    const ids = [at(7, 'c', 'call'), at(5, 'a', 'call'), at(6, 'b', 'selection'), at(8, 'd', 'call')].map((e) => e.id);
    return { ...ctx, ids };
  }

  test('privateExtendedProperty filters by one or several name=value constraints', () => {
    const { Calendar } = seed();
    const one = Calendar.Events.list('primary', { privateExtendedProperty: 'key=b' }).items ?? [];
    expect(one.map((e) => e.summary)).toEqual(['Call b']);
    const both = Calendar.Events.list('primary', { privateExtendedProperty: ['kind=call', 'key=d'] }).items ?? [];
    expect(both.map((e) => e.summary)).toEqual(['Call d']);
    expect(Calendar.Events.list('primary', { privateExtendedProperty: 'kind=call' }).items).toHaveLength(3);
    expect(Calendar.Events.list('primary', { privateExtendedProperty: 'kind=none' }).items).toHaveLength(0);
  });

  test('timeMin/timeMax bound the end and the start; orderBy startTime needs singleEvents', () => {
    const { Calendar } = seed();
    const r = Calendar.Events.list('primary', {
      timeMin: '2025-03-06T00:00:00+03:00',
      timeMax: '2025-03-08T00:00:00+03:00',
      singleEvents: true,
      orderBy: 'startTime',
    });
    expect(r.items?.map((e) => e.summary)).toEqual(['Call b', 'Call c']);
    expect(thrown(() => Calendar.Events.list('primary', { orderBy: 'startTime' })).message).toBe(
      'API call to calendar.events.list failed with error: The requested ordering is not available for the particular query.',
    );
    expect(thrown(() => Calendar.Events.list('primary', { timeMin: '2025-03-08T00:00:00Z', timeMax: '2025-03-06T00:00:00Z' })).message).toBe(
      'API call to calendar.events.list failed with error: The specified time range is empty.',
    );
  });

  test('q finds events by the words of summary, description and guests', () => {
    const { Calendar } = setup();
    Calendar.Events.insert(interview({ summary: 'Call Ivanov', attendees: [{ email: 'ivanov@example.org' }] }), 'primary');
    Calendar.Events.insert(interview({ summary: 'Call Petrov', description: 'About the vacancy' }), 'primary');
    const found = (q: string) => (Calendar.Events.list('primary', { q }).items ?? []).map((e) => e.summary);
    expect(found('petrov')).toEqual(['Call Petrov']);
    expect(found('call')).toEqual(['Call Ivanov', 'Call Petrov']);
    expect(found('ivanov@example.org')).toEqual(['Call Ivanov']);
    expect(found('vacancy call')).toEqual(['Call Petrov']);
    expect(found('sidorov')).toEqual([]);
  });

  test('pages by maxResults with nextPageToken, capped at 2500', () => {
    const { Calendar } = seed();
    const first = Calendar.Events.list('primary', { maxResults: 3 });
    expect(first.items).toHaveLength(3);
    expect(first.nextPageToken).toBeTruthy();
    const second = Calendar.Events.list('primary', { maxResults: 3, pageToken: first.nextPageToken });
    expect(second.items).toHaveLength(1);
    expect(second.nextPageToken).toBeUndefined();
    expect(Calendar.Events.list('primary', { maxResults: 100000 }).items).toHaveLength(4);
  });

  test('returns 250 events per page by default', () => {
    const { Calendar } = setup({ limits: { calendarCreatesPerMinute: 10000 } });
    for (let i = 0; i < 251; i++) Calendar.Events.insert(interview(), 'primary');
    const page = Calendar.Events.list('primary');
    expect(page.items).toHaveLength(250);
    expect(Calendar.Events.list('primary', { pageToken: page.nextPageToken }).items).toHaveLength(1);
  });
});

describe('create limits', () => {
  test('too many creates within a simulated minute give "Calendar usage limits exceeded."; the clock brings recovery', () => {
    const { Calendar, rt, fake } = setup({ limits: { calendarCreatesPerMinute: 5 } });
    for (let i = 0; i < 5; i++) Calendar.Events.insert(interview(), 'primary');
    const err = thrown(() => Calendar.Events.insert(interview(), HR_CAL));
    expect(err.message).toBe('API call to calendar.events.insert failed with error: Calendar usage limits exceeded.');
    expect(err.details?.code).toBe(403);
    expect(fake.events()).toHaveLength(5);
    rt.clock.advance(60_000);
    expect(Calendar.Events.insert(interview(), 'primary').status).toBe('confirmed');
  });

  test('the daily quota of created events is 5,000 on a consumer account', () => {
    const { Calendar, rt, fake } = setup({ limits: { calendarCreatesPerMinute: 1e9, account: 'consumer' } });
    for (let i = 0; i < 5000; i++) Calendar.Events.insert(interview(), 'primary');
    expect(fake.createdCountToday()).toBe(5000);
    expect(thrown(() => Calendar.Events.insert(interview(), 'primary')).message).toBe(
      'API call to calendar.events.insert failed with error: Calendar usage limits exceeded.',
    );
    rt.clock.advance(24 * 3600 * 1000);
    expect(fake.createdCountToday()).toBe(0);
    expect(Calendar.Events.insert(interview(), 'primary').status).toBe('confirmed');
  });
});

describe('state', () => {
  test('a new fake on the same state folder reloads events and the create count from calendar.json', async () => {
    const stateDir = tempDir();
    const first = setup({ stateDir });
    const e = first.Calendar.Events.insert(interview({ attendees: [{ email: 'cand@example.org' }] }), HR_CAL);
    await first.fake.flush();
    const second = setup({ stateDir, now: '2025-03-03T07:00:00Z' });
    expect(second.Calendar.Events.get(HR_CAL, e.id as string)).toEqual(e);
    expect(second.fake.events(HR_CAL)).toEqual([e]);
    expect(second.fake.createdCountToday()).toBe(1);
  });
});
