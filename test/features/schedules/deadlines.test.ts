import { actDueAfter, contractDeadlines, deadlineItems } from '../../../src/features/schedules/rules/deadlines';
import { defaultHolidayRows } from '../../../src/core/holidays';
import { WorkCalendar } from '../../../src/core/workdays';
import { formatLocalDate, LocalDate } from '../../../src/core/time';

const D = (iso: string): LocalDate => {
  const [y, m, d] = iso.split('-').map(Number);
  return { year: y, month: m, day: d };
};
const f = formatLocalDate;
const cal = new WorkCalendar(defaultHolidayRows(2025, 2027));

describe('contract deadlines: the monthly work report and the act', () => {
  const months = contractDeadlines(D('2026-01-15'), D('2026-03-10'), cal);

  test('one set per calendar month the paid period touches, with the part of the period in it', () => {
    expect(months.map((m) => [m.month, f(m.periodFrom), f(m.periodTo)])).toEqual([
      ['2026-01', '2026-01-15', '2026-01-31'],
      ['2026-02', '2026-02-01', '2026-02-28'],
      ['2026-03', '2026-03-01', '2026-03-10'],
    ]);
  });

  test('the work report is due on the 5th working day after the month ends', () => {
    // January ends on a Saturday: 2, 3, 4, 5, 6 February. March ends on a Tuesday: 1–3, 6, 7 April.
    expect(months.map((m) => f(m.reportDue))).toEqual(['2026-02-06', '2026-03-06', '2026-04-07']);
  });

  test('a paid period ending mid-month still reports after the calendar month ends', () => {
    expect(f(months[2].reportDue)).toBe('2026-04-07');
  });

  test('the act is due 5 calendar days after the report, moved off a day off to the next working day', () => {
    // 6 Feb + 5 = Wed 11 Feb; 6 Mar + 5 = Wed 11 Mar; 7 Apr + 5 = Sun 12 Apr → Mon 13 Apr.
    expect(months.map((m) => f(m.actDue))).toEqual(['2026-02-11', '2026-03-11', '2026-04-13']);
  });

  test('the sales manager is reminded the working day before each', () => {
    expect(months.map((m) => [f(m.reportReminder), f(m.actReminder)])).toEqual([
      ['2026-02-05', '2026-02-10'],
      ['2026-03-05', '2026-03-10'],
      ['2026-04-06', '2026-04-10'],
    ]);
  });

  test('the client signs within 5 working days of the act, or the one-sided act stands', () => {
    expect(f(months[0].signBy)).toBe('2026-02-18');
  });

  test('a holiday midweek: October 2026 ends on a Saturday and 4 November is off', () => {
    const [oct] = contractDeadlines(D('2026-10-01'), D('2026-10-31'), cal);
    expect([f(oct.reportDue), f(oct.reportReminder), f(oct.actDue), f(oct.actReminder)]).toEqual([
      '2026-11-09', // 2, 3, 5, 6, 9 November
      '2026-11-06',
      '2026-11-16', // 14 November is a Saturday
      '2026-11-13',
    ]);
  });

  test('the New Year holidays: the December 2026 report waits for 11–15 January', () => {
    const [dec] = contractDeadlines(D('2026-12-01'), D('2026-12-31'), cal);
    expect([f(dec.reportDue), f(dec.reportReminder), f(dec.actDue)]).toEqual(['2027-01-15', '2027-01-14', '2027-01-20']);
  });

  test('the act date from the day the report actually went', () => {
    // Sent Sunday 7 June 2026: + 5 = Friday 12 June, Russia Day → Monday 15 June.
    expect(f(actDueAfter(D('2026-06-07'), cal))).toBe('2026-06-15');
  });

  test('a paid period across a year end, and an empty one', () => {
    expect(contractDeadlines(D('2025-12-20'), D('2026-01-05'), cal).map((m) => m.month)).toEqual(['2025-12', '2026-01']);
    expect(contractDeadlines(D('2026-02-01'), D('2026-01-31'), cal)).toEqual([]);
  });

  test('a flat list of items with stable keys for the reminders', () => {
    const items = deadlineItems(months.slice(0, 1));
    expect(items.map((i) => [i.key, i.kind, f(i.due), f(i.remindOn)])).toEqual([
      ['2026-01:report', 'report', '2026-02-06', '2026-02-05'],
      ['2026-01:act', 'act', '2026-02-11', '2026-02-10'],
    ]);
  });
});
