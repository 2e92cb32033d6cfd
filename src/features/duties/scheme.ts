/**
 * A requested change to the service scheme (seed 001, contract 1.3: within 1 day of the
 * notice). Orders "Scheme change requested at" starts the duty, "Scheme change done at" ends
 * it. The next tick tells the Client department (who runs the project) and the sales
 * manager at once, with the deadline (key scheme|order|requested|notice); an alert to the
 * same people and the sales manager's manager waits as a Pending Outbox row due at the
 * deadline (key …|overdue, so the gated tick wakes then) and goes if the change is still not
 * done; done in time, or the order cancelled, the alert is Cancelled. A new request time is
 * a new duty. The daily digest lists an open change due today or overdue (digest.ts).
 */
import { findStaff, routeTo } from '../../core/permissions';
import { localDateOf } from '../../core/time';
import { cellText, isEmail } from '../../core/values';
import { RunContext } from '../../app/context';
import { Mailer, MailItem } from '../../mail/mailer';
import { formatInstant } from '../schedules/rules/messages';
import { instantOf, isCancelled, orderRows, OrderRow, salesManager } from './orders';
import { schemeChangeDue } from './rules/duties';
import { say } from './rules/messages';

export function schemeKey(orderId: string, requestedMs: number, kind: 'notice' | 'overdue'): string {
  return `scheme|${orderId}|${new Date(requestedMs).toISOString()}|${kind}`;
}

/** Open scheme changes: requested, not done, order not cancelled. */
export function openSchemeChanges(ctx: RunContext): Array<{ order: OrderRow; requested: number; due: number }> {
  const out: Array<{ order: OrderRow; requested: number; due: number }> = [];
  for (const order of orderRows(ctx)) {
    const requested = instantOf(order.rec.schemeChangeRequestedAt);
    if (requested === undefined || instantOf(order.rec.schemeChangeDoneAt) !== undefined || isCancelled(order.rec)) continue;
    out.push({ order, requested, due: schemeChangeDue(ctx.zone, requested) });
  }
  return out;
}

function recipients(ctx: RunContext, order: OrderRow, withManager: boolean): string[] {
  const today = localDateOf(ctx.zone, ctx.now.getTime());
  const staff = ctx.staff();
  const out: string[] = [];
  const add = (e: string | undefined) => {
    if (!e || !isEmail(e)) return;
    const to = routeTo(staff, e, today).to;
    if (out.indexOf(to) < 0) out.push(to);
  };
  add(ctx.settings.clientDepartmentEmail.trim());
  const sales = salesManager(order.rec);
  add(sales);
  if (withManager && sales) add(findStaff(staff, sales)?.managerEmail);
  return out;
}

function mail(ctx: RunContext, order: OrderRow, requested: number, due: number, kind: 'notice' | 'overdue'): MailItem | undefined {
  const to = recipients(ctx, order, kind === 'overdue');
  if (to.length === 0) return undefined;
  const locale = ctx.locale;
  const dueText = formatInstant(due, ctx.zone, locale);
  return {
    key: schemeKey(order.id, requested, kind),
    to,
    template: 'deadline.reminder',
    language: locale,
    values: {
      item: say(locale, 'itemSchemeChange'),
      orderId: order.id,
      client: cellText(order.rec.client),
      due: dueText,
      details:
        kind === 'notice'
          ? say(locale, 'schemeNoticeDetails', { requested: formatInstant(requested, ctx.zone, locale), due: dueText })
          : say(locale, 'schemeOverdueDetails', { due: dueText }),
    },
  };
}

/** The notices, the listed alerts, the alerts due, and the alerts no longer needed. */
export function trackSchemeChanges(ctx: RunContext, mailer: Mailer): void {
  const now = ctx.now.getTime();
  const open = openSchemeChanges(ctx);
  const wanted = new Set<string>();
  const fresh: Parameters<Mailer['appendPending']>[0][number][] = [];
  const due: MailItem[] = [];
  for (const { order, requested, due: at } of open) {
    const notice = mail(ctx, order, requested, at, 'notice');
    if (notice && !mailer.wasSent(notice.key)) {
      notice.done = (r) => {
        if (r.outcome === 'sent')
          ctx.log({ tab: '', rowKey: notice.key, action: say(ctx.locale, 'logSchemeNotice'), details: notice.to.join(', ') });
      };
      due.push(notice);
    }
    const alert = mail(ctx, order, requested, at, 'overdue');
    if (!alert) continue;
    wanted.add(alert.key);
    if (now >= at) {
      alert.done = (r) => {
        if (r.outcome === 'sent')
          ctx.log({ tab: '', rowKey: alert.key, action: say(ctx.locale, 'logSchemeOverdue'), details: alert.to.join(', ') });
      };
      due.push(alert);
    } else if (!mailer.rows().has(alert.key)) {
      const composed = mailer.compose(alert);
      if (typeof composed !== 'string') fresh.push({ mail: composed, due: new Date(at) });
    }
  }
  mailer.appendPending(fresh);
  mailer.sendMany(due);
  // Done in time, the request cleared, or the order cancelled: the alert is not needed.
  for (const [key, row] of mailer.rows())
    if (key.startsWith('scheme|') && key.endsWith('|overdue') && row.state === 'pending' && !wanted.has(key)) mailer.cancelPending(key);
}
