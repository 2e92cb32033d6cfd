/**
 * Tells the Client department once that an order's payment arrived (rules/payment.ts),
 * through the Outbox under the caller's script lock. Without a valid Client-department
 * e-mail in Settings nothing is queued (the hand-off check already says why).
 */
import { RunContext } from '../../app/context';
import { isEmail, Row } from '../../core/values';
import { localDateOf } from '../../core/time';
import { paymentKey, paymentNoticeDue, paymentValues } from './rules/payment';
import { sendTemplate } from './send';
import { say } from './rules/messages';
import { SendResult } from '../../mail/outbox';

export function notifyPayment(ctx: RunContext, order: Row): SendResult | undefined {
  if (!paymentNoticeDue(order, { zone: ctx.zone, today: localDateOf(ctx.zone, ctx.now.getTime()) })) return undefined;
  const to = ctx.settings.clientDepartmentEmail.trim();
  const outbox = ctx.outbox()?.tab;
  if (!isEmail(to) || !outbox) return undefined;
  const values = paymentValues(order, ctx.locale, ctx.zone);
  const result = sendTemplate(
    ctx,
    outbox,
    paymentKey(String(values.orderId)),
    [to],
    'payment.clientDepartment',
    ctx.locale,
    values,
    String(values.salesManager),
  );
  if (result.outcome === 'sent')
    ctx.log({
      tab: ctx.sheets.get('orders')?.getName() ?? 'Orders',
      rowKey: String(values.orderId),
      action: say(ctx.locale, 'paymentLog'),
      details: to,
    });
  return result;
}
