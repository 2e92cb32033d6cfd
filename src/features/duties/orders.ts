/** What the duties read of an Orders row: its ID, whether it still runs, the client's address and language. */
import { pickLanguage } from '../../core/templates';
import { Locale, ORDER_STATUSES } from '../../core/schema';
import { cellText, parseChoiceCell, parseDateTimeCell, parseEmailCell, Row } from '../../core/values';
import { RunContext } from '../../app/context';
import { recordOf } from '../../google/records';

export interface OrderRow {
  index: number;
  id: string;
  rec: Row;
}

/** Every Orders row with an Order ID (the tab as this run read it). */
export function orderRows(ctx: RunContext): OrderRow[] {
  const tab = ctx.tab('orders');
  if (!tab) return [];
  const out: OrderRow[] = [];
  tab.rows.forEach((row, index) => {
    const rec = recordOf(tab, row);
    const id = cellText(rec.orderId).trim();
    if (id) out.push({ index, id, rec });
  });
  return out;
}

/** Cancelled orders get nothing automatic (Status is the system's, so a typed word cannot fake it). */
export function isCancelled(rec: Row): boolean {
  const p = parseChoiceCell(rec.status, ORDER_STATUSES);
  return p.status === 'ok' && p.value.key === 'cancelled';
}

/** The client's address, or undefined when the cell holds none. */
export function clientEmail(rec: Row): string | undefined {
  const p = parseEmailCell(rec.clientEmail);
  return p.status === 'ok' ? p.value : undefined;
}

export function salesManager(rec: Row): string | undefined {
  const p = parseEmailCell(rec.salesManager);
  return p.status === 'ok' ? p.value : undefined;
}

export function clientLanguage(rec: Row): Locale {
  return pickLanguage(cellText(rec.clientLanguage));
}

/** A datetime cell as an instant; undefined when it is blank or not one. */
export function instantOf(v: unknown): number | undefined {
  const p = parseDateTimeCell(v);
  return p.status === 'ok' ? p.value : undefined;
}
