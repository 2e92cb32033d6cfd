import { actState, parseSilentDays, paymentReminderDue, schemeChangeDue, silentReminderDue } from '../../../src/features/duties/rules/duties';
import { contractDeadlines, withReportSent } from '../../../src/features/schedules/rules/deadlines';
import { defaultHolidayRows } from '../../../src/core/holidays';
import { WorkCalendar } from '../../../src/core/workdays';
import { formatLocalDate, LocalDate } from '../../../src/core/time';
import { intlZone as zoneOf } from '../../core/zone-fixture';

const D = (iso: string): LocalDate => {
  const [y, m, d] = iso.split('-').map(Number);
  return { year: y, month: m, day: d };
};
const f = formatLocalDate;
const cal = new WorkCalendar(defaultHolidayRows(2025, 2027));

describe('seed 001 duties (pure)', () => {
  test('a requested change to the service scheme is due the next day at the same wall time, in the zone, across DST', () => {
    const berlin = zoneOf('Europe/Berlin');
    // Saturday 24 Oct 15:00 CEST (13:00Z) → Sunday 25 Oct 15:00 CET (14:00Z): 25 hours.
    expect(new Date(schemeChangeDue(berlin, Date.parse('2026-10-24T13:00:00Z'))).toISOString()).toBe('2026-10-25T14:00:00.000Z');
    // Spring forward in New York: Saturday 7 Mar 2026 10:00 EST → Sunday 8 Mar 10:00 EDT: 23 hours.
    const ny = zoneOf('America/New_York');
    expect(new Date(schemeChangeDue(ny, Date.parse('2026-03-07T15:00:00Z'))).toISOString()).toBe('2026-03-08T14:00:00.000Z');
    // Moscow has no DST: exactly 24 hours.
    expect(schemeChangeDue(zoneOf('Europe/Moscow'), 0)).toBe(86400000);
  });

  test('the act stands one-sided after 5 working days without a signature', () => {
    const sent = D('2026-10-30');
    expect(actState(sent, undefined, D('2026-11-09'), cal)).toEqual({ state: 'awaiting', signBy: D('2026-11-09') });
    expect(actState(sent, undefined, D('2026-11-10'), cal)).toEqual({ state: 'oneSided', signBy: D('2026-11-09') });
    expect(actState(sent, D('2026-11-06'), D('2026-12-01'), cal).state).toBe('signed');
    // New Year holidays: an act sent 30 December is signed by 16 January.
    expect(f(actState(D('2026-12-30'), undefined, D('2026-12-30'), cal).signBy)).toBe('2027-01-15');
  });

  test('a silent client gets one reminder per N working days, at most 3, only the latest period after a pause', () => {
    const since = D('2026-10-19');
    expect(silentReminderDue(since, D('2026-10-21'), 3, cal)).toBeUndefined();
    expect(silentReminderDue(since, D('2026-10-22'), 3, cal)).toEqual({ k: 1, on: D('2026-10-22') });
    expect(silentReminderDue(since, D('2026-10-27'), 3, cal)?.k).toBe(2);
    expect(silentReminderDue(since, D('2026-12-31'), 3, cal)?.k).toBe(3);
    expect(parseSilentDays('5')).toBe(5);
    expect(parseSilentDays('soon')).toBe(3);
    expect(parseSilentDays('0')).toBe(3);
  });

  test('a payment reminder is due the working day before the payment term, up to the term', () => {
    const term = D('2026-11-05'); // 4 November is a holiday: the day before is Tuesday 3rd
    expect(paymentReminderDue(term, D('2026-11-02'), cal)).toBe(false);
    expect(paymentReminderDue(term, D('2026-11-03'), cal)).toBe(true);
    expect(paymentReminderDue(term, D('2026-11-05'), cal)).toBe(true);
    expect(paymentReminderDue(term, D('2026-11-06'), cal)).toBe(false);
  });

  test('the act is counted from when the report was really sent, and from the due date otherwise', () => {
    const months = contractDeadlines(D('2026-10-19'), D('2026-11-30'), cal);
    expect(months.map((m) => f(m.actDue))).toEqual(['2026-11-16', '2026-12-14']);
    const real = withReportSent(months, D('2026-11-03'), cal);
    expect(real.map((m) => f(m.actDue))).toEqual(['2026-11-09', '2026-12-14']);
    expect(f(real[0].signBy)).toBe('2026-11-16');
    expect(withReportSent(months, undefined, cal)).toEqual(months);
  });
});
