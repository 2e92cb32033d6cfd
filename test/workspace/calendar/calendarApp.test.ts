import * as vm from 'vm';
import type { Realm } from '../../../workspace/runtime/runtime';
import { HR_CAL, USER, interview, setup, thrown } from './helpers';

describe('CalendarApp', () => {
  test('getCalendarById returns null for an unknown calendar, as Google does', () => {
    const { fake, rt } = setup();
    const app = fake.globals.CalendarApp;
    expect(app.getCalendarById('unknown@group.calendar.google.com')).toBeNull();
    const hr = app.getCalendarById(HR_CAL);
    expect(hr?.getId()).toBe(HR_CAL);
    expect(hr?.getName()).toBe('HR');
    expect(hr?.getTimeZone()).toBe('Europe/Moscow');
    expect(app.getDefaultCalendar().getId()).toBe(USER);
    expect(rt.meter.countOf('CalendarApp.getCalendarById')).toBe(2);
  });

  test('getEvents returns events starting in, ending in or spanning the range, as CalendarEvents', () => {
    const realm = vm.runInNewContext('({ Date, Error, Array, Object })') as Realm;
    const { fake, Calendar, rt } = setup({ runtime: { realm } });
    const at = (summary: string, from: string, to: string) =>
      Calendar.Events.insert(
        interview({
          summary,
          start: { dateTime: from },
          end: { dateTime: to },
          attendees: [{ email: 'cand@example.org' }],
          extendedProperties: { shared: { row: summary } },
        }),
        'primary',
      );
    const spanning = at('spanning', '2025-03-05T08:00:00+03:00', '2025-03-05T20:00:00+03:00');
    at('ends inside', '2025-03-05T09:00:00+03:00', '2025-03-05T10:30:00+03:00');
    at('before', '2025-03-05T08:00:00+03:00', '2025-03-05T10:00:00+03:00');
    at('after', '2025-03-05T12:00:00+03:00', '2025-03-05T13:00:00+03:00');
    const removed = at('removed', '2025-03-05T10:30:00+03:00', '2025-03-05T11:00:00+03:00');
    Calendar.Events.remove('primary', removed.id as string);

    const cal = fake.globals.CalendarApp.getDefaultCalendar();
    const events = cal.getEvents(rt.date(Date.parse('2025-03-05T10:00:00+03:00')), rt.date(Date.parse('2025-03-05T12:00:00+03:00')));
    expect(events).toBeInstanceOf(realm.Array);
    expect(events.map((e) => e.getTitle())).toEqual(['spanning', 'ends inside']);
    const first = events[0];
    expect(first.getId()).toBe(`${spanning.id}@google.com`);
    expect(first.getStartTime()).toBeInstanceOf(realm.Date);
    expect(first.getStartTime().getTime()).toBe(Date.parse('2025-03-05T05:00:00Z'));
    expect(first.getEndTime().getTime()).toBe(Date.parse('2025-03-05T17:00:00Z'));
    expect(first.getDescription()).toBe('Bring the CV');
    expect(first.getGuestList().map((g) => g.getEmail())).toEqual(['cand@example.org']);
    expect(first.getTag('row')).toBe('spanning');
    expect(first.getTag('missing')).toBeNull();
  });

  test("getEvents with non-Date arguments throws Apps Script's signature error", () => {
    const { fake } = setup();
    const cal = fake.globals.CalendarApp.getDefaultCalendar();
    expect(thrown(() => cal.getEvents('2025-03-05', '2025-03-06')).message).toBe(
      "The parameters (String,String) don't match the method signature for CalendarApp.Calendar.getEvents.",
    );
  });
});
