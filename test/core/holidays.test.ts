import { defaultHolidayRows, holidayRowsForYear } from '../../src/core/holidays';
import { WorkCalendar } from '../../src/core/workdays';
import { addDays, formatLocalDate, isoWeekday, LocalDate } from '../../src/core/time';

const D = (iso: string): LocalDate => {
  const [y, m, d] = iso.split('-').map(Number);
  return { year: y, month: m, day: d };
};
const workingDaysIn = (cal: WorkCalendar, year: number) => cal.workingDaysBetween(D(`${year - 1}-12-31`), D(`${year}-12-31`));
const nonWorkingWeekdays = (cal: WorkCalendar, year: number) => {
  const out: string[] = [];
  for (let d = D(`${year}-01-01`); d.year === year; d = addDays(d, 1)) {
    if (isoWeekday(d) <= 5 && !cal.isWorkingDay(d)) out.push(formatLocalDate(d).slice(5));
  }
  return out;
};

describe('default holidays: Labour Code art. 112 and the transfer decrees', () => {
  const cal = new WorkCalendar(defaultHolidayRows(2024, 2027));

  test('2026 matches the production calendar (decree No. 1466): 247 working days', () => {
    expect(workingDaysIn(cal, 2026)).toBe(247);
    expect(nonWorkingWeekdays(cal, 2026)).toEqual([
      '01-01',
      '01-02',
      '01-05',
      '01-06',
      '01-07',
      '01-08',
      '01-09', // 3 Jan → 9 Jan
      '02-23',
      '03-09', // 8 March is a Sunday: carried to Monday
      '05-01',
      '05-11', // 9 May is a Saturday: carried to Monday
      '06-12',
      '11-04',
      '12-31', // 4 Jan → 31 Dec
    ]);
  });

  test('2026 has no working Saturday', () => {
    expect(holidayRowsForYear(2026).filter((r) => r.workingDay)).toEqual([]);
  });

  test('2025 matches the production calendar (decree No. 1335), with Saturday 1 November working', () => {
    expect(workingDaysIn(cal, 2025)).toBe(247);
    expect(cal.isWorkingDay(D('2025-11-01'))).toBe(true);
    expect(cal.isWorkingDay(D('2025-11-03'))).toBe(false);
    // The decree moved 23 Feb (Sun) to 8 May instead of the automatic carry to 24 Feb.
    expect(cal.isWorkingDay(D('2025-02-24'))).toBe(true);
    expect(cal.isWorkingDay(D('2025-05-08'))).toBe(false);
    expect(cal.isWorkingDay(D('2025-06-13'))).toBe(false);
    expect(cal.isWorkingDay(D('2025-12-31'))).toBe(false);
  });

  test('2024 matches the production calendar (decree No. 1314): 248 working days, three working Saturdays', () => {
    expect(workingDaysIn(cal, 2024)).toBe(248);
    expect(
      holidayRowsForYear(2024)
        .filter((r) => r.workingDay)
        .map((r) => formatLocalDate(r.date)),
    ).toEqual(['2024-04-27', '2024-11-02', '2024-12-28']);
  });

  test('a year without a decree gets the statutory days and the art. 112 carry, January excepted', () => {
    // 2027: 1 May and 12 June are Saturdays, 9 May a Sunday; 2–3 January are a weekend and stay so.
    expect(nonWorkingWeekdays(cal, 2027)).toEqual([
      '01-01',
      '01-04',
      '01-05',
      '01-06',
      '01-07',
      '01-08',
      '02-23',
      '03-08',
      '05-03',
      '05-10',
      '06-14',
      '11-04',
    ]);
  });

  test('rows are named in the locale and say where a day off came from', () => {
    const ru = holidayRowsForYear(2026, 'ru').find((r) => formatLocalDate(r.date) === '2026-01-09');
    const en = holidayRowsForYear(2026, 'en').find((r) => formatLocalDate(r.date) === '2026-01-09');
    expect(ru?.name).toContain('03.01');
    expect(ru?.name).toContain('№ 1466');
    expect(en?.name).toContain('3 Jan');
    expect(holidayRowsForYear(2026, 'en')[0].name).toBe('New Year holidays');
  });

  test('the range must be sensible', () => {
    expect(() => defaultHolidayRows(2027, 2026)).toThrow(RangeError);
    expect(defaultHolidayRows(2026, 2027).length).toBe(holidayRowsForYear(2026).length + holidayRowsForYear(2027).length);
  });
});
