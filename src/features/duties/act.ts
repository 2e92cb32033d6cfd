/**
 * The act's signature (seed 001, 4.1: the client signs within 5 working days of receiving the
 * act, else the one-sided act stands). Orders "Act sent at" starts it, "Act signed at" ends
 * it; the system's "Act status" says where it stands — awaiting signature until a date,
 * signed, or the one-sided act stands — and the Log records the day it became one-sided.
 *
 * Why Orders columns and not one row per report: an order's paid period is a few weeks
 * (Table 1's selections), so it has one act in play at a time; a later act overwrites the
 * cells and the Log keeps the history. Working days come from the Holidays tab.
 */
import { localDateOf, LocalDate } from '../../core/time';
import { cellText, parseDateCell } from '../../core/values';
import { RunContext } from '../../app/context';
import { writeColumn } from '../../google/records';
import { TabData } from '../../google/workbook';
import { formatDay } from '../schedules/rules/messages';
import { instantOf } from './orders';
import { actState, ActState } from './rules/duties';
import { say } from './rules/messages';
import { recordOf } from '../../google/records';
import { Row } from '../../core/values';

/** The act of an order on `today`, or undefined when no act was sent. */
export function actOf(ctx: RunContext, rec: Row, today: LocalDate): ActState | undefined {
  const sent = instantOf(rec.actSentAt);
  if (sent === undefined) return undefined;
  const signed = parseDateCell(rec.actSignedAt, ctx.zone);
  return actState(localDateOf(ctx.zone, sent), signed.status === 'ok' ? signed.value : undefined, today, ctx.workCalendar());
}

export function actStatusText(ctx: RunContext, act: ActState | undefined): string {
  if (!act) return '';
  const l = ctx.locale;
  if (act.state === 'signed') return say(l, 'actSigned', { signed: formatDay(act.signed, l) });
  return say(l, act.state === 'awaiting' ? 'actAwaiting' : 'actOneSided', { signBy: formatDay(act.signBy, l) });
}

/** Writes Act status where it changed (one write), logging each act that became one-sided or signed. */
export function updateActStatus(ctx: RunContext, tab: TabData, indexes?: number[]): void {
  if (tab.columns.index.actStatus === undefined) return;
  const today = localDateOf(ctx.zone, ctx.now.getTime());
  const changes = new Map<number, unknown>();
  for (const index of indexes ?? tab.rows.map((_, i) => i)) {
    const row = tab.rows[index];
    if (!row || row.length === 0) continue;
    const rec = recordOf(tab, row);
    const act = actOf(ctx, rec, today);
    const text = actStatusText(ctx, act);
    if (text === cellText(rec.actStatus)) continue;
    changes.set(index, text);
    if (act && act.state !== 'awaiting')
      ctx.log({
        tab: tab.sheet.getName(),
        rowKey: cellText(rec.orderId),
        action: say(ctx.locale, act.state === 'oneSided' ? 'logActOneSided' : 'logActSigned'),
        details: text,
      });
  }
  writeColumn(tab, 'actStatus', changes);
}
