import {
  addDays,
  cachedOffsets,
  dayNumber,
  formatLocalDate,
  instantAt,
  isDate,
  isoWeekday,
  localDateOf,
  parseOffset,
  wallClockOf,
} from '../../src/core/time';
import { intlZone } from './zone-fixture';
import * as vm from 'vm';

describe('calendar dates', () => {
  test('adding days crosses month and year ends', () => {
    expect(formatLocalDate(addDays({ year: 2026, month: 12, day: 30 }, 3))).toBe('2027-01-02');
    expect(formatLocalDate(addDays({ year: 2028, month: 2, day: 28 }, 1))).toBe('2028-02-29');
  });
  test('ISO weekday: 2026-11-23 is a Monday, 2026-11-29 a Sunday', () => {
    expect(isoWeekday({ year: 2026, month: 11, day: 23 })).toBe(1);
    expect(isoWeekday({ year: 2026, month: 11, day: 29 })).toBe(7);
  });
  test('day numbers are consecutive', () => {
    expect(dayNumber({ year: 2026, month: 3, day: 1 }) - dayNumber({ year: 2026, month: 2, day: 28 })).toBe(1);
  });
});

describe('wall time in the spreadsheet zone', () => {
  const moscow = intlZone('Europe/Moscow');
  const newYork = intlZone('America/New_York');

  test('18:00 in Moscow is 15:00 UTC all year (no DST)', () => {
    expect(new Date(instantAt(moscow, { year: 2026, month: 1, day: 15 }, 18)).toISOString()).toBe('2026-01-15T15:00:00.000Z');
    expect(new Date(instantAt(moscow, { year: 2026, month: 7, day: 15 }, 18)).toISOString()).toBe('2026-07-15T15:00:00.000Z');
  });

  test('18:00 in New York follows DST', () => {
    expect(new Date(instantAt(newYork, { year: 2026, month: 3, day: 6 }, 18)).toISOString()).toBe('2026-03-06T23:00:00.000Z');
    expect(new Date(instantAt(newYork, { year: 2026, month: 3, day: 9 }, 18)).toISOString()).toBe('2026-03-09T22:00:00.000Z');
  });

  test('a wall time in the spring-forward gap moves forward', () => {
    expect(new Date(instantAt(newYork, { year: 2026, month: 3, day: 8 }, 2, 30)).toISOString()).toBe('2026-03-08T07:30:00.000Z');
  });

  test('a repeated wall time in the fall-back hour takes the earlier instant', () => {
    expect(new Date(instantAt(newYork, { year: 2026, month: 11, day: 1 }, 1, 30)).toISOString()).toBe('2026-11-01T05:30:00.000Z');
  });

  test('east of UTC too: the repeated hour is read in the offset before the change', () => {
    const berlin = intlZone('Europe/Berlin');
    expect(new Date(instantAt(berlin, { year: 2026, month: 10, day: 25 }, 2, 30)).toISOString()).toBe('2026-10-25T00:30:00.000Z');
    expect(new Date(instantAt(moscow, { year: 2014, month: 10, day: 26 }, 1, 30)).toISOString()).toBe('2014-10-25T21:30:00.000Z');
    expect(new Date(instantAt(berlin, { year: 2026, month: 3, day: 29 }, 2, 30)).toISOString()).toBe('2026-03-29T01:30:00.000Z');
  });

  test('the local date of an instant depends on the zone', () => {
    const instant = Date.parse('2026-11-23T22:30:00Z');
    expect(localDateOf(moscow, instant)).toEqual({ year: 2026, month: 11, day: 24 });
    expect(localDateOf(newYork, instant)).toEqual({ year: 2026, month: 11, day: 23 });
    expect(wallClockOf(moscow, instant).hour).toBe(1);
  });

  test('cached offsets give the same answers across a DST change', () => {
    let lookups = 0;
    const zone = {
      id: 'America/New_York',
      offsetAt: cachedOffsets((ms) => {
        lookups++;
        return newYork.offsetAt(ms);
      }),
    };
    for (let h = 0; h < 48; h++) {
      const ms = Date.parse('2026-03-07T12:00:00Z') + h * 3600000;
      expect(zone.offsetAt(ms)).toBe(newYork.offsetAt(ms));
    }
    zone.offsetAt(Date.parse('2026-03-07T12:00:00Z') + 60000);
    expect(lookups).toBe(48);
  });
});

test('zone offsets parse in the forms formatDate gives', () => {
  expect(parseOffset('+03:00')).toBe(180);
  expect(parseOffset('-0500')).toBe(-300);
  expect(parseOffset('Z')).toBe(0);
  expect(() => parseOffset('MSK')).toThrow('Not a zone offset');
});

test('isDate recognises Dates of another realm (values from getValues) and rejects invalid ones', () => {
  const foreign = vm.runInNewContext('new Date(0)');
  expect(foreign instanceof Date).toBe(false);
  expect(isDate(foreign)).toBe(true);
  expect(isDate(new Date(NaN))).toBe(false);
  expect(isDate('2026-01-01')).toBe(false);
});
