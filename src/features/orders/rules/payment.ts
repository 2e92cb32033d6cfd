/**
 * The payment notice (seed 000): «Сотрудники Отдела продаж и Отдела клиентского
 * обслуживания получают информацию о поступлении денежных средств … (иногда получаем скан
 * платежного поручения по e-mail)». Sales records Payment received; the Client department
 * is told once per order (Outbox key payment:ORD-…), with the order and the link to the
 * payment document's scan when there is one.
 *
 * Readings: the notice goes once Payment received reads as a date not after today, on an
 * order with an ID that is not cancelled and not handed off yet; a later correction of the date
 * sends nothing new (the notice said a payment came; the hand-off mail carries the final date).
 */
import { choiceLabel, Locale } from '../../../core/schema';
import { TemplateValues } from '../../../core/templates';
import { LocalDate, Zone } from '../../../core/time';
import { cellText, isBlank, parseAmount, parseDateCell, parseUrlCell, Row } from '../../../core/values';
import { formatDate, formatMoney, isPaymentRecorded, paidServicesOf, serviceChoice, statusOf } from './orders';

export function paymentKey(orderId: string): string {
  return `payment:${orderId}`;
}

/**
 * Is the Client department to be told of this order's payment (once; the Outbox key dedupes)?
 * Not once the order was handed off: the hand-off mail told them it is paid (a hand-off needs
 * the payment), so an edit of a handed-off order looks no notice up (issue 15: no Outbox read).
 */
export function paymentNoticeDue(order: Row, ctx: { zone: Zone; today: LocalDate }): boolean {
  return !isBlank(order.orderId) && isBlank(order.handedOffAt) && statusOf(order) !== 'cancelled' && isPaymentRecorded(order, ctx);
}

const NONE: Record<Locale, string> = { ru: 'нет (скан не приложен)', en: 'none (no scan attached)' };

/** The notice's values: every one from a cell is raw text, escaped by the renderer. */
export function paymentValues(order: Row, locale: Locale, zone: Zone): TemplateValues {
  const paid = parseDateCell(order.paymentReceived, zone);
  const sum = parseAmount(order.sum);
  const link = parseUrlCell(order.paymentDocumentLink);
  const services = paidServicesOf(order).items.map((item) => {
    const known = serviceChoice(item);
    return known ? choiceLabel(known, locale) : item;
  });
  return {
    orderId: cellText(order.orderId),
    client: cellText(order.client),
    paymentReceived: paid.status === 'ok' ? formatDate(paid.value, locale) : cellText(order.paymentReceived),
    sum: sum.status === 'ok' ? formatMoney(sum.value, locale) : cellText(order.sum) || '—',
    paidServices: services.join(', ') || '—',
    paymentDocumentLink: link.status === 'ok' ? link.value : link.status === 'blank' ? NONE[locale] : cellText(order.paymentDocumentLink),
    salesManager: cellText(order.salesManager) || '—',
  };
}
