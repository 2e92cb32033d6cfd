/**
 * The two reminders the regulation implies (seed 001 §3.12 «Напоминание клиенту, если
 * молчит», «Шаблон напоминания оплаты договора»), sent once per working day from the first
 * tick at 09:00 in the spreadsheet's zone, through the one mail path (src/mail), each once
 * per period (Outbox key), never for a cancelled order:
 * - silent client: Orders "Awaiting reply since" filled, no "Client replied at" on or after
 *   it, no payment yet (a paying client has answered) → sales.silentClient after N working
 *   days (Settings "Silent client reminder (working days)", default 3), again after 2N and
 *   3N; key silent|order|since|k;
 * - payment: Payment received empty, a contract or an invoice sent (Contract link or Invoice
 *   link) → sales.paymentReminder on the working day before the term (Payment due, else
 *   Paid from) up to the term itself; key payment-reminder|order|term.
 * Both go to the client in the client's language, the sales manager as Reply-To.
 */
import { dayNumber, formatLocalDate, LocalDate, localDateOf, wallClockOf } from '../../core/time';
import { cellText, isBlank, parseAmount, parseDateCell, Row } from '../../core/values';
import { RunContext } from '../../app/context';
import { Mailer, MailItem } from '../../mail/mailer';
import { formatMoney } from '../orders/rules/format';
import { formatDay } from '../schedules/rules/messages';
import { clientEmail, clientLanguage, isCancelled, orderRows, salesManager } from './orders';
import { parseSilentDays, paymentReminderDue, silentReminderDue } from './rules/duties';
import { say } from './rules/messages';

export const DUTIES_DAILY_DONE = 'reglament.duties.dailyDone';
const DAILY_HOUR = 9;

/** Is it time for today's reminders (a working day, 09:00 or later, not done yet)? */
export function remindersDue(ctx: RunContext): boolean {
  const today = localDateOf(ctx.zone, ctx.now.getTime());
  if (!ctx.workCalendar().isWorkingDay(today)) return false;
  if (wallClockOf(ctx.zone, ctx.now.getTime()).hour < DAILY_HOUR) return false;
  return PropertiesService.getScriptProperties().getProperty(DUTIES_DAILY_DONE) !== formatLocalDate(today);
}

function base(order: Row, language: 'ru' | 'en') {
  return { client: cellText(order.client), contactPerson: cellText(order.contactPerson) || (language === 'en' ? 'colleagues' : 'коллеги') };
}

/** The silent-client reminder of an order due today, if any. */
export function silentMail(ctx: RunContext, id: string, order: Row, today: LocalDate): MailItem | undefined {
  const to = clientEmail(order);
  if (!to || isCancelled(order) || !isBlank(order.paymentReceived)) return undefined;
  const since = parseDateCell(order.awaitingReplySince, ctx.zone);
  if (since.status !== 'ok') return undefined;
  const replied = parseDateCell(order.clientRepliedAt, ctx.zone);
  if (replied.status === 'ok' && dayNumber(replied.value) >= dayNumber(since.value)) return undefined;
  const due = silentReminderDue(since.value, today, parseSilentDays(ctx.settings.silentClientDays), ctx.workCalendar());
  if (!due) return undefined;
  const language = clientLanguage(order);
  return {
    key: `silent|${id}|${formatLocalDate(since.value)}|${due.k}`,
    to: [to],
    template: 'sales.silentClient',
    language,
    replyTo: salesManager(order),
    values: { ...base(order, language), lastContactDate: formatDay(since.value, language) },
  };
}

/** The payment reminder of an order due today, if any. */
export function paymentMail(ctx: RunContext, id: string, order: Row, today: LocalDate): MailItem | undefined {
  const to = clientEmail(order);
  if (!to || isCancelled(order) || !isBlank(order.paymentReceived)) return undefined;
  if (isBlank(order.contractLink) && isBlank(order.invoiceLink)) return undefined;
  const dueCell = parseDateCell(order.paymentDue, ctx.zone);
  const term = dueCell.status === 'ok' ? dueCell : parseDateCell(order.paidFrom, ctx.zone);
  if (term.status !== 'ok' || !paymentReminderDue(term.value, today, ctx.workCalendar())) return undefined;
  const language = clientLanguage(order);
  const sum = parseAmount(order.sum);
  return {
    key: `payment-reminder|${id}|${formatLocalDate(term.value)}`,
    to: [to],
    template: 'sales.paymentReminder',
    language,
    replyTo: salesManager(order),
    values: {
      ...base(order, language),
      sum: sum.status === 'ok' ? formatMoney(sum.value, language) : cellText(order.sum) || '—',
      dueDate: formatDay(term.value, language),
      invoiceLink: cellText(order.invoiceLink) || cellText(order.contractLink),
    },
  };
}

/** Today's reminders; the day is marked done when all went (a run cut short continues next tick). */
export function sendClientReminders(ctx: RunContext, mailer: Mailer): void {
  const today = localDateOf(ctx.zone, ctx.now.getTime());
  const batch: MailItem[] = [];
  let finished = 0;
  for (const { id, rec } of orderRows(ctx))
    for (const item of [silentMail(ctx, id, rec, today), paymentMail(ctx, id, rec, today)]) {
      if (!item || mailer.wasSent(item.key)) continue;
      const action = say(ctx.locale, item.template === 'sales.silentClient' ? 'logSilentClient' : 'logPaymentReminder');
      item.done = (r) => {
        finished++;
        if (r.outcome === 'sent') ctx.log({ tab: '', rowKey: item.key, action, details: item.to.join(', ') });
      };
      batch.push(item);
    }
  mailer.sendMany(batch);
  if (finished === batch.length && !mailer.quotaOut)
    PropertiesService.getScriptProperties().setProperty(DUTIES_DAILY_DONE, formatLocalDate(today));
}
