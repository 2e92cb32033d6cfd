/**
 * Contract deadlines (docs/DOMAIN.md §7, seed 001 contract clauses 2.1.3 and 4.1) for an order with a
 * contract, one set per calendar month the paid period touches.
 *
 * Readings:
 * - Work report: "в течение 5 (пяти) рабочих дней после окончания отчетного календарного
 *   месяца" → due on the 5th working day after the month's last day. The reporting month is
 *   the calendar month, also for a paid period that ends mid-month (its report still waits
 *   for the month end, as the clause says).
 * - Act: "не позже, чем спустя 5 (пять) дней после передачи отчета" says "days" where the next
 *   sentence says "working days", so these are calendar days (also the default of Civil Code
 *   art. 191–193): the report date + 5 calendar days, and when that day is not a working day
 *   the deadline moves to the next working day (Civil Code art. 193). The plan counts from
 *   the report's due date, or from the day the report really went (Orders "Report sent at",
 *   withReportSent): a report sent after a month ends and by the next month's end is that
 *   month's report.
 * - Signing: the client signs within 5 working days after receiving the act, else the
 *   one-sided act stands (seed 001, 4.1) → signBy = 5th working day after the act's due date.
 * - Reminder to the sales manager: the working day before each due date.
 */
import { dayNumber, formatLocalDate, fromDayNumber, LocalDate } from '../../../core/time';
import { WorkCalendar } from '../../../core/workdays';

export interface DeadlineRules {
  /** Working days after the month end for the work report; default 5. */
  reportWorkingDays: number;
  /** Calendar days after the report for the act; default 5. */
  actCalendarDays: number;
  /** Working days after the act for the client's signature; default 5. */
  signWorkingDays: number;
}

export const DEFAULT_DEADLINE_RULES: DeadlineRules = { reportWorkingDays: 5, actCalendarDays: 5, signWorkingDays: 5 };

export interface ContractMonth {
  /** "YYYY-MM" of the reporting month. */
  month: string;
  /** The part of the paid period in this month. */
  periodFrom: LocalDate;
  periodTo: LocalDate;
  reportDue: LocalDate;
  reportReminder: LocalDate;
  actDue: LocalDate;
  actReminder: LocalDate;
  /** After this the one-sided act stands (informational). */
  signBy: LocalDate;
}

export interface DeadlineItem {
  /** Stable within an order: "2026-01:report", "2026-01:act". */
  key: string;
  kind: 'report' | 'act';
  month: string;
  due: LocalDate;
  remindOn: LocalDate;
}

/** The act's due date when the report went on `reportDate`. */
export function actDueAfter(reportDate: LocalDate, calendar: WorkCalendar, rules: DeadlineRules = DEFAULT_DEADLINE_RULES): LocalDate {
  return fromDayNumber(calendar.workingDayOnOrAfterNumber(dayNumber(reportDate) + rules.actCalendarDays));
}

/** Deadlines per calendar month of [paidFrom, paidTo]; empty if paidTo is before paidFrom. */
export function contractDeadlines(
  paidFrom: LocalDate,
  paidTo: LocalDate,
  calendar: WorkCalendar,
  rules: DeadlineRules = DEFAULT_DEADLINE_RULES,
): ContractMonth[] {
  const out: ContractMonth[] = [];
  const end = dayNumber(paidTo);
  let year = paidFrom.year;
  let month = paidFrom.month;
  let from = dayNumber(paidFrom);
  while (from <= end) {
    const monthEnd = dayNumber({ year: month === 12 ? year + 1 : year, month: month === 12 ? 1 : month + 1, day: 1 }) - 1;
    const report = calendar.addWorkingDaysNumber(monthEnd, rules.reportWorkingDays);
    const act = calendar.workingDayOnOrAfterNumber(report + rules.actCalendarDays);
    out.push({
      month: formatLocalDate({ year, month, day: 1 }).slice(0, 7),
      periodFrom: fromDayNumber(from),
      periodTo: fromDayNumber(Math.min(monthEnd, end)),
      reportDue: fromDayNumber(report),
      reportReminder: fromDayNumber(calendar.addWorkingDaysNumber(report, -1)),
      actDue: fromDayNumber(act),
      actReminder: fromDayNumber(calendar.addWorkingDaysNumber(act, -1)),
      signBy: fromDayNumber(calendar.addWorkingDaysNumber(act, rules.signWorkingDays)),
    });
    from = monthEnd + 1;
    if (month === 12) {
      month = 1;
      year++;
    } else month++;
  }
  return out;
}

/** The months as a flat list of what the sales manager must deliver and when to remind. */
export function deadlineItems(months: readonly ContractMonth[]): DeadlineItem[] {
  const items: DeadlineItem[] = [];
  for (const m of months) {
    items.push({ key: `${m.month}:report`, kind: 'report', month: m.month, due: m.reportDue, remindOn: m.reportReminder });
    items.push({ key: `${m.month}:act`, kind: 'act', month: m.month, due: m.actDue, remindOn: m.actReminder });
  }
  return items;
}

/**
 * The months with the act (and its signature) counted from when the report was really sent:
 * the report sent on `sent` belongs to the last month that ended before it.
 */
export function withReportSent(
  months: readonly ContractMonth[],
  sent: LocalDate | undefined,
  calendar: WorkCalendar,
  rules: DeadlineRules = DEFAULT_DEADLINE_RULES,
): ContractMonth[] {
  if (!sent) return [...months];
  const day = dayNumber(sent);
  const monthEnd = (m: ContractMonth) => {
    const [y, mo] = m.month.split('-').map(Number);
    return dayNumber({ year: mo === 12 ? y + 1 : y, month: mo === 12 ? 1 : mo + 1, day: 1 }) - 1;
  };
  let owner: ContractMonth | undefined;
  for (const m of months) if (monthEnd(m) < day) owner = m;
  return months.map((m) => {
    if (m !== owner) return m;
    const act = dayNumber(actDueAfter(sent, calendar, rules));
    return {
      ...m,
      actDue: fromDayNumber(act),
      actReminder: fromDayNumber(calendar.addWorkingDaysNumber(act, -1)),
      signBy: fromDayNumber(calendar.addWorkingDaysNumber(act, rules.signWorkingDays)),
    };
  });
}
