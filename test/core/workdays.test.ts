import { LocalDate, addDays, formatLocalDate } from '../../src/core/time';
import { HolidayRow, readHolidayRows, WorkCalendar } from '../../src/core/workdays';
import { defaultHolidayRows } from '../../src/core/holidays';
import { intlZone } from './zone-fixture';

const D = (iso: string): LocalDate => {
  const [y, m, d] = iso.split('-').map(Number);
  return { year: y, month: m, day: d };
};
const iso = formatLocalDate;
const off = (date: string, name = 'holiday'): HolidayRow => ({ date: D(date), name, workingDay: false });
const working = (date: string): HolidayRow => ({ date: D(date), name: 'working Saturday', workingDay: true });

describe('working days are Monday–Friday minus the Holidays tab plus its working Saturdays', () => {
  const cal = new WorkCalendar([off('2026-11-04'), working('2026-11-07')]);

  test('weekdays work, weekends rest', () => {
    expect(cal.isWorkingDay(D('2026-11-02'))).toBe(true); // Monday
    expect(cal.isWorkingDay(D('2026-11-08'))).toBe(false); // Sunday
  });

  test('a holiday on a weekday is not a working day', () => {
    expect(cal.isWorkingDay(D('2026-11-04'))).toBe(false);
  });

  test('a Saturday the tab marks as working is a working day', () => {
    expect(cal.isWorkingDay(D('2026-11-07'))).toBe(true);
    expect(cal.isWorkingDay(D('2026-11-14'))).toBe(false);
  });

  test('the next working day skips the midweek holiday', () => {
    expect(iso(cal.nextWorkingDay(D('2026-11-03')))).toBe('2026-11-05');
  });

  test('the next working day after Friday is a working Saturday when there is one', () => {
    expect(iso(cal.nextWorkingDay(D('2026-11-06')))).toBe('2026-11-07');
    expect(iso(cal.nextWorkingDay(D('2026-11-13')))).toBe('2026-11-16');
  });

  test('the previous working day goes back over weekends and holidays', () => {
    expect(iso(cal.previousWorkingDay(D('2026-11-05')))).toBe('2026-11-03');
    expect(iso(cal.previousWorkingDay(D('2026-11-16')))).toBe('2026-11-13');
  });

  test('a date on a day off moves to the next working day; a working day stays', () => {
    expect(iso(cal.workingDayOnOrAfter(D('2026-11-04')))).toBe('2026-11-05');
    expect(iso(cal.workingDayOnOrAfter(D('2026-11-05')))).toBe('2026-11-05');
  });

  test('"the 2nd working day after" does not count the day itself', () => {
    expect(iso(cal.addWorkingDays(D('2026-11-02'), 2))).toBe('2026-11-05'); // Tue, (Wed holiday), Thu
    expect(iso(cal.addWorkingDays(D('2026-11-07'), 0))).toBe('2026-11-07');
    expect(iso(cal.addWorkingDays(D('2026-11-09'), -2))).toBe('2026-11-06');
  });

  test('working days between count (a, b] and undo addWorkingDays', () => {
    expect(cal.workingDaysBetween(D('2026-11-02'), D('2026-11-09'))).toBe(5); // Tue, Thu, Fri, Sat, Mon
    expect(cal.workingDaysBetween(D('2026-11-09'), D('2026-11-02'))).toBe(-5);
    expect(cal.workingDaysBetween(D('2026-11-02'), D('2026-11-02'))).toBe(0);
  });
});

describe('long ranges are computed directly and agree with a day-by-day walk', () => {
  const cal = new WorkCalendar(defaultHolidayRows(2024, 2030));
  const walkCount = (a: LocalDate, b: LocalDate) => {
    let n = 0;
    for (let d = addDays(a, 1); iso(d) <= iso(b); d = addDays(d, 1)) if (cal.isWorkingDay(d)) n++;
    return n;
  };

  test('counts over years match the walk', () => {
    expect(cal.workingDaysBetween(D('2024-03-15'), D('2029-08-01'))).toBe(walkCount(D('2024-03-15'), D('2029-08-01')));
  });

  test('adding many working days lands on the day the count reaches them', () => {
    for (const k of [11, 37, 250, 1000]) {
      const t = cal.addWorkingDays(D('2025-12-30'), k);
      expect(cal.isWorkingDay(t)).toBe(true);
      expect(cal.workingDaysBetween(D('2025-12-30'), t)).toBe(k);
      expect(cal.workingDaysBetween(D('2025-12-30'), cal.previousWorkingDay(t))).toBe(k - 1);
    }
  });

  test('the 250th working day after 31.12.2025 is 13.01.2027: 2026 has 247, then 11–13 January', () => {
    // 2026 has 247 working days, so the 250th after 31.12.2025 is in 2027 (rule-based year:
    // 1–8 January off, so 11, 12, 13 January).
    expect(iso(cal.addWorkingDays(D('2025-12-31'), 250))).toBe('2027-01-13');
  });
});

describe('reading the Holidays tab', () => {
  const moscow = intlZone('Europe/Moscow');

  test('Date cells read as their date in the spreadsheet zone, text dates too', () => {
    const { rows, problems } = readHolidayRows(
      [
        { date: new Date('2026-11-03T21:00:00Z'), name: 'Unity Day', workingDay: false }, // 4 Nov 00:00 Moscow
        { date: '2026-11-07', name: 'Working Saturday', workingDay: true },
        { date: '31.12.2026', name: 'Day off', workingDay: '' },
        { date: '', name: '', workingDay: false },
      ],
      moscow,
    );
    expect(problems).toEqual([]);
    expect(rows.map((r) => [iso(r.date), r.workingDay])).toEqual([
      ['2026-11-04', false],
      ['2026-11-07', true],
      ['2026-12-31', false],
    ]);
  });

  test('a value that is not a date is reported with its row, not guessed', () => {
    const { rows, problems } = readHolidayRows([{ date: '2026-02-30', name: 'x', workingDay: false }], moscow);
    expect(rows).toEqual([]);
    expect(problems[0].code).toBe('holidayBadDate');
    expect(problems[0].en).toContain('row 2');
    expect(problems[0].ru).toContain('строка 2');
  });

  test('the same date as both working and not working is reported; the later row applies', () => {
    const { rows, problems } = readHolidayRows(
      [
        { date: '2026-11-07', name: 'a', workingDay: false },
        { date: '2026-11-07', name: 'b', workingDay: true },
      ],
      moscow,
    );
    expect(problems.map((p) => p.code)).toEqual(['holidayConflict']);
    expect(new WorkCalendar(rows).isWorkingDay(D('2026-11-07'))).toBe(true);
  });
});
