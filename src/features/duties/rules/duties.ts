/**
 * Seed 001's contract duties as deadlines (issue 14, pieces 5–6), pure: when each falls due
 * in the spreadsheet's zone and on its working days (Holidays tab).
 *
 * Readings (the seed's words, then ours):
 * - Scheme change, 1.3: «изменения в схеме обслуживания должны быть осуществлены … в течение
 *   1 (одного) дня с момента его уведомления» — "day", not "working day": due the next
 *   calendar day at the wall time of the notice (23 or 25 hours across a DST change).
 * - Act signature, 4.1: «Заказчик обязуется подписать Акт не позже 5 (пяти) рабочих дней
 *   после получения Акта … односторонне подписанный Акт является действительным» — the act
 *   is received the day it was sent; signBy is the 5th working day after that day; not
 *   signed when signBy has passed → the one-sided act stands from the next day.
 * - Silent client (§3.12 «Напоминание клиенту, если молчит»): the seed gives no number of
 *   days; Settings "Silent client reminder (working days)", default 3. One reminder per
 *   period of N working days of silence, at most SILENT_MAX (a fourth would be spam).
 * - Payment reminder (§3.12 «Шаблон напоминания оплаты договора», 3.1: the term is in
 *   Appendix 1): the term is Orders "Payment due", else Paid from (3.3: the work starts once
 *   the money is on the account). The reminder goes the working day before the term, or
 *   later up to the term itself; once per term.
 */
import { addDays, dayNumber, fromDayNumber, instantAt, LocalDate, localDateOf, wallClockOf, Zone } from '../../../core/time';
import { WorkCalendar } from '../../../core/workdays';

/** At most this many reminders to one silent client for one wait. */
export const SILENT_MAX = 3;
export const SIGN_WORKING_DAYS = 5;

/** The instant a scheme change requested at `requestedMs` is due. */
export function schemeChangeDue(zone: Zone, requestedMs: number): number {
  const w = wallClockOf(zone, requestedMs);
  return instantAt(zone, addDays(localDateOf(zone, requestedMs), 1), w.hour, w.minute, w.second);
}

export type ActState = { state: 'signed'; signBy: LocalDate; signed: LocalDate } | { state: 'awaiting' | 'oneSided'; signBy: LocalDate };

/** Where the act stands on `today`: signed, awaiting signature until signBy, or one-sided since the day after. */
export function actState(sent: LocalDate, signed: LocalDate | undefined, today: LocalDate, calendar: WorkCalendar): ActState {
  const signBy = fromDayNumber(calendar.addWorkingDaysNumber(dayNumber(sent), SIGN_WORKING_DAYS));
  if (signed) return { state: 'signed', signBy, signed };
  return { state: dayNumber(today) > dayNumber(signBy) ? 'oneSided' : 'awaiting', signBy };
}

/**
 * The silent-client reminder due today, if any: the k-th falls on the k·N-th working day
 * after the wait began. Only the latest period reached counts (after a pause the client
 * gets one mail, not a backlog); undefined when none is due or all SILENT_MAX went.
 */
export function silentReminderDue(
  since: LocalDate,
  today: LocalDate,
  everyWorkingDays: number,
  calendar: WorkCalendar,
): { k: number; on: LocalDate } | undefined {
  const n = Math.max(1, Math.floor(everyWorkingDays));
  let due: { k: number; on: LocalDate } | undefined;
  for (let k = 1; k <= SILENT_MAX; k++) {
    const on = calendar.addWorkingDaysNumber(dayNumber(since), k * n);
    if (on > dayNumber(today)) break;
    due = { k, on: fromDayNumber(on) };
  }
  return due;
}

/** Is the payment reminder for `term` due today (the working day before the term up to the term itself)? */
export function paymentReminderDue(term: LocalDate, today: LocalDate, calendar: WorkCalendar): boolean {
  const remindOn = calendar.addWorkingDaysNumber(calendar.workingDayOnOrAfterNumber(dayNumber(term)), -1);
  const t = dayNumber(today);
  return t >= remindOn && t <= dayNumber(term);
}

/** A "silent client" setting as a whole number of working days ≥ 1, else the default 3. */
export function parseSilentDays(text: string): number {
  const n = Number(String(text).trim());
  return Number.isInteger(n) && n >= 1 && n <= 60 ? n : 3;
}
