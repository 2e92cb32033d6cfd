/**
 * Seed 001's duties in the daily digest (schedules/daily.ts): an open scheme change due
 * today or overdue, an act whose signature is due today or whose one-sided act stands since
 * today — each to the sales manager's manager.
 */
import { addDays, dayNumber, localDateOf } from '../../core/time';
import { cellText } from '../../core/values';
import type { DigestItem } from '../schedules/daily';
import type { Scheduler } from '../schedules/env';
import { actOf, actStatusText } from './act';
import { openSchemeChanges } from './scheme';
import { isCancelled, orderRows } from './orders';

export function dutyDigestItems(s: Scheduler): DigestItem[] {
  const ctx = s.ctx;
  const items: DigestItem[] = [];
  const now = ctx.now.getTime();
  for (const { order, due } of openSchemeChanges(ctx)) {
    if (dayNumber(localDateOf(ctx.zone, due)) > s.todayN) continue;
    items.push({
      kind: 'kindSchemeChange',
      orderId: order.id,
      responsible: cellText(order.rec.salesManager),
      fallback: 'management',
      dueMs: due,
      overdue: now >= due,
      details: cellText(order.rec.client),
    });
  }
  for (const { id, rec } of orderRows(ctx)) {
    if (isCancelled(rec)) continue;
    const act = actOf(ctx, rec, s.today);
    if (!act || act.state === 'signed') continue;
    const signBy = dayNumber(act.signBy);
    // Due today, or the one-sided act stands from today (the day after signBy, on a working day's digest).
    const standsToday =
      act.state === 'oneSided' &&
      dayNumber(addDays(act.signBy, 1)) <= s.todayN &&
      s.todayN <= ctx.workCalendar().addWorkingDaysNumber(signBy, 1);
    if (signBy !== s.todayN && !standsToday) continue;
    items.push({
      kind: 'kindActSignature',
      orderId: id,
      responsible: cellText(rec.salesManager),
      fallback: 'management',
      dueDay: act.signBy,
      overdue: act.state === 'oneSided',
      details: actStatusText(ctx, act),
    });
  }
  return items;
}
