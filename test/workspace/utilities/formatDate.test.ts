import * as vm from 'vm';
import { Runtime } from '../../../workspace/runtime/runtime';
import { createUtilitiesService } from '../../../workspace/services/utilities';

interface U {
  formatDate(date: unknown, timeZone: unknown, format: unknown): string;
}

const rt = new Runtime({ now: new Date('2025-03-05T10:00:00Z') });
const Utilities = createUtilitiesService(rt).globals.Utilities as U;
const fmt = (iso: string, zone: string, pattern: string) => Utilities.formatDate(new Date(iso), zone, pattern);

describe('Utilities.formatDate follows java.text.SimpleDateFormat', () => {
  test('full day and month names come from a tokenizer, not regex replacement', () => {
    expect(fmt('2025-03-05T10:00:00Z', 'Europe/Moscow', 'EEEE, MMMM d')).toBe('Wednesday, March 5');
    expect(fmt('2025-05-04T10:00:00Z', 'UTC', 'EEE, MMM dd, E')).toBe('Sun, May 04, Sun');
    expect(fmt('2025-03-05T10:00:00Z', 'UTC', 'MM/M/L')).toBe('03/3/3');
  });

  test('ISO 8601 offsets with XXX in Moscow, New York on both sides of DST and UTC', () => {
    const iso = "yyyy-MM-dd'T'HH:mm:ssXXX";
    expect(fmt('2025-03-05T10:15:30Z', 'Europe/Moscow', iso)).toBe('2025-03-05T13:15:30+03:00');
    expect(fmt('2025-03-09T06:59:59Z', 'America/New_York', iso)).toBe('2025-03-09T01:59:59-05:00');
    expect(fmt('2025-03-09T07:00:00Z', 'America/New_York', iso)).toBe('2025-03-09T03:00:00-04:00');
    expect(fmt('2025-07-15T16:00:00Z', 'America/New_York', iso)).toBe('2025-07-15T12:00:00-04:00');
    expect(fmt('2025-03-05T10:15:30Z', 'UTC', iso)).toBe('2025-03-05T10:15:30Z');
  });

  test('X and XX give hours and hhmm; a zero offset is Z', () => {
    expect(fmt('2025-03-05T10:00:00Z', 'Asia/Kolkata', 'X|XX|XXX')).toBe('+05|+0530|+05:30');
    expect(fmt('2025-03-05T10:00:00Z', 'Etc/UTC', 'X|XX')).toBe('Z|Z');
  });

  test('hh:mm a shows 12:00 AM at midnight and 12:00 PM at noon', () => {
    expect(fmt('2025-03-04T21:00:00Z', 'Europe/Moscow', 'hh:mm a')).toBe('12:00 AM');
    expect(fmt('2025-03-05T09:00:00Z', 'Europe/Moscow', 'hh:mm a')).toBe('12:00 PM');
    expect(fmt('2025-03-05T12:05:00Z', 'Europe/Moscow', 'h:mm a')).toBe('3:05 PM');
  });

  test('H, k, K and h differ at midnight', () => {
    expect(fmt('2025-03-05T00:00:00Z', 'UTC', 'H k K h HH kk')).toBe('0 24 0 12 00 24');
    expect(fmt('2025-03-05T13:00:00Z', 'UTC', 'H k K h')).toBe('13 13 1 1');
  });

  test("quotes: '' is one quote and quoted text is literal", () => {
    expect(fmt('2025-03-05T12:00:00Z', 'UTC', "''")).toBe("'");
    expect(fmt('2025-03-05T15:00:00Z', 'UTC', "h 'o''clock' a")).toBe("3 o'clock PM");
    expect(fmt('2025-03-05T15:00:00Z', 'UTC', "'yyyy' yyyy, 'at' HH")).toBe('yyyy 2025, at 15');
    expect(fmt('2025-03-05T15:00:00Z', 'UTC', 'dd.MM.yyyy — HH:mm, день')).toBe('05.03.2025 — 15:00, день');
  });

  test('Z is +hhmm and z is the zone abbreviation Java prints', () => {
    expect(fmt('2025-03-05T10:00:00Z', 'Europe/Moscow', 'Z z zzzz')).toBe('+0300 MSK Moscow Standard Time');
    expect(fmt('2025-01-15T17:00:00Z', 'America/New_York', 'Z z')).toBe('-0500 EST');
    expect(fmt('2025-07-15T16:00:00Z', 'America/New_York', 'Z z')).toBe('-0400 EDT');
    expect(fmt('2025-07-15T16:00:00Z', 'Europe/Paris', 'z')).toBe('CEST');
    expect(fmt('2025-01-15T16:00:00Z', 'Europe/Paris', 'z')).toBe('CET');
    expect(fmt('2025-01-15T16:00:00Z', 'UTC', 'Z z')).toBe('+0000 UTC');
    expect(fmt('2025-01-15T16:00:00Z', 'Asia/Yekaterinburg', 'z')).toBe('GMT+05:00');
  });

  test('D day of year, u ISO weekday, w/W US weeks, F day-of-week-in-month', () => {
    expect(fmt('2025-03-05T10:00:00Z', 'UTC', 'D DDD u w W F')).toBe('64 064 3 10 2 1');
    expect(fmt('2025-03-09T10:00:00Z', 'UTC', 'u')).toBe('7');
    expect(fmt('2024-12-31T10:00:00Z', 'UTC', 'D')).toBe('366');
    // 31 Dec 2024 is in the week holding 1 Jan 2025: week 1 of week-year 2025.
    expect(fmt('2024-12-31T10:00:00Z', 'UTC', 'w YYYY yyyy')).toBe('1 2025 2024');
    expect(fmt('2025-01-04T10:00:00Z', 'UTC', 'w')).toBe('1');
    expect(fmt('2025-01-05T10:00:00Z', 'UTC', 'w')).toBe('2');
  });

  test('yy clips to two digits, other counts pad', () => {
    expect(fmt('2005-03-05T10:00:00Z', 'UTC', 'yy|y|yyy|yyyyy')).toBe('05|2005|2005|02005');
    expect(fmt('2025-03-05T10:00:00Z', 'UTC', 'G yy')).toBe('AD 25');
  });

  test('S is a zero-padded millisecond count', () => {
    expect(fmt('2025-03-05T10:00:00.005Z', 'UTC', 'ss.SSS|S|SSSS')).toBe('00.005|5|0005');
    expect(fmt('2025-03-05T10:00:00.123Z', 'UTC', 'S')).toBe('123');
  });

  test("an unknown pattern letter throws Java's message as an Apps Script Exception", () => {
    expect(() => fmt('2025-03-05T10:00:00Z', 'UTC', 'yyyy-bb')).toThrow("Illegal pattern character 'b'");
    expect(() => fmt('2025-03-05T10:00:00Z', 'UTC', "yyyy 'open")).toThrow('Unterminated quote');
    expect(() => fmt('2025-03-05T10:00:00Z', 'UTC', 'XXXX')).toThrow('invalid ISO 8601 format: length=4');
    try {
      fmt('2025-03-05T10:00:00Z', 'UTC', 'T');
    } catch (e) {
      expect((e as Error).name).toBe('Exception');
    }
    expect.assertions(4);
  });

  test('an unknown or wrongly cased zone id formats in GMT, as Java does', () => {
    expect(fmt('2025-03-05T10:00:00Z', 'Mars/Olympus', 'HH:mm z XXX')).toBe('10:00 GMT Z');
    expect(fmt('2025-03-05T10:00:00Z', 'europe/moscow', 'HH:mm')).toBe('10:00');
    expect(fmt('2025-03-05T10:00:00Z', 'UTC+3', 'HH:mm')).toBe('10:00');
  });

  test('custom GMT offsets and legacy three-letter ids work as in java.util.TimeZone', () => {
    expect(fmt('2025-03-05T10:00:00Z', 'GMT+3', 'HH:mm z XXX')).toBe('13:00 GMT+03:00 +03:00');
    expect(fmt('2025-03-05T10:00:00Z', 'GMT-0530', 'HH:mm Z')).toBe('04:30 -0530');
    expect(fmt('2025-07-05T10:00:00Z', 'PST', 'HH:mm z')).toBe('03:00 PDT');
    expect(fmt('2025-07-05T10:00:00Z', 'EST', 'HH:mm z')).toBe('05:00 EST');
  });

  test('wrong argument types throw the method-signature Exception', () => {
    expect(() => Utilities.formatDate('2025-03-05', 'UTC', 'yyyy')).toThrow(
      "The parameters (String,String,String) don't match the method signature for Utilities.formatDate.",
    );
    expect(() => Utilities.formatDate(new Date(), null, 'yyyy')).toThrow('The parameters (Date,null,String)');
  });

  test("a Date from the bundle's realm is accepted", () => {
    const foreign = vm.runInNewContext('new Date(Date.UTC(2025, 2, 5, 10))') as Date;
    expect(Utilities.formatDate(foreign, 'Europe/Moscow', 'HH:mm')).toBe('13:00');
  });

  test('each call is counted', () => {
    const before = rt.meter.countOf('Utilities.formatDate');
    fmt('2025-03-05T10:00:00Z', 'UTC', 'yyyy');
    expect(rt.meter.countOf('Utilities.formatDate')).toBe(before + 1);
  });
});
