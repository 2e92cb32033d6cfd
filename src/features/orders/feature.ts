/**
 * The coordination tables on edit (docs/DOMAIN.md §2.3, §3, §5): Orders and HR agreements get their IDs,
 * problems and status (edits outside a person's department or to system columns were
 * already undone by the guard); HR requests and answers are e-mailed; a ticked Hand off
 * is checked and, when complete, e-mailed once to the Client department.
 */
import { cellText, isBlank, isTicked } from '../../core/values';
import { TabKey } from '../../core/schema';
import { RunContext } from '../../app/context';
import { paymentKey } from './rules/payment';
import { isPaymentRecorded } from './rules/orders';
import { Feature } from '../../app/feature';
import { settleInterrupted } from '../../mail/outbox';
import { findRowIndex, recordOf } from '../../google/records';
import { TabData, readColumn, readTabBlock } from '../../google/workbook';
import { editedBlock, today } from './batch';
import { processOrders } from './process-orders';
import { processAgreements } from './process-agreements';
import { grantStaffAccess, staffAccessWaits } from './staff-access';

export { processOrders, revalidateOrders } from './process-orders';
export { processAgreements } from './process-agreements';

export const ordersFeature: Feature = {
  name: 'orders',
  tabs: ['orders', 'agreements'],
  onEdit(ctx, edit) {
    if (edit.rows.length === 0) return;
    // The block the guard read and put right (refused cells are back as they were).
    const tab = edit.block ?? editedBlock(ctx, edit.tab, edit.rows);
    if (!tab) return;
    const idCol = tab.columns.index[idKey(edit.tab)];
    // The whole ID column only when a row needs a new ID (read then, once).
    const ids = edit.keys && idCol !== undefined ? edit.keys.map((r) => (r ? r[idCol] : '')) : () => readColumn(tab, idKey(edit.tab));
    if (edit.tab === 'agreements') {
      processAgreements(ctx, tab, edit.rows);
      // An answer changes what its orders may do: re-check them.
      const touchedOrders = new Set(edit.rows.map((i) => cellText(recordOf(tab, tab.rows[i]).orderId).trim()).filter(Boolean));
      recheckOrders(ctx, touchedOrders);
    } else {
      processOrders(ctx, tab, edit.rows, ids);
    }
  },
  // A Staff edit that adds someone to a department: their access is the next tick's (staff-access.ts).
  needsTick(ctx, edit) {
    return staffAccessWaits(ctx, edit);
  },
  tick(ctx) {
    grantStaffAccess(ctx);
    const book = ctx.outbox();
    if (book) settleInterrupted(book.tab, ctx.locale, undefined, book.index);
    // Hand-offs whose e-mail failed last time are retried (three columns read, not the tab).
    const shell = readTabBlock(ctx.sheets.get('orders'), 'orders', 0, -1);
    if (!shell || shell.rows.length === 0) return;
    const ticked = readColumn(shell, 'handOff');
    const handedOff = readColumn(shell, 'handedOffAt');
    // Paid and not yet handed off: a payment notice that failed is retried too (the set ends with the hand-off).
    const paid = readColumn(shell, 'paymentReceived');
    const notice = paymentNoticeWaiting(ctx, shell, paid, handedOff);
    const waiting = ticked.map((v, i) => ((isTicked(v) && isBlank(handedOff[i])) || notice.has(i) ? i : -1)).filter((i) => i >= 0);
    if (waiting.length === 0) return;
    const tab = editedBlock(ctx, 'orders', waiting);
    if (tab) processOrders(ctx, tab, waiting, readColumn(tab, 'orderId'));
  },
};

/** Rows paid, not handed off, whose payment notice was queued and is still Pending (a send that failed). */
function paymentNoticeWaiting(ctx: RunContext, shell: TabData, paid: unknown[], handedOff: unknown[]): Set<number> {
  const out = new Set<number>();
  const day = today(ctx);
  const rows = paid.map((v, i) => (isBlank(handedOff[i]) && isPaymentRecorded({ paymentReceived: v }, { zone: ctx.zone, today: day }) ? i : -1));
  const candidates = rows.filter((i) => i >= 0);
  if (candidates.length === 0) return out;
  const index = ctx.outbox()?.index;
  if (!index) return out;
  const ids = readColumn(shell, 'orderId');
  for (const i of candidates) {
    const id = cellText(ids[i]);
    if (!id) continue;
    const row = index.get(paymentKey(id));
    // Only a notice already queued and not gone yet: orders paid before notices existed are not flooded.
    if (row && row.state === 'pending') out.add(i);
  }
  return out;
}

/** Re-checks the orders with these IDs (after their agreement changed). */
function recheckOrders(ctx: RunContext, orderIds: Set<string>): void {
  if (orderIds.size === 0) return;
  const shell = readTabBlock(ctx.sheets.get('orders'), 'orders', 0, -1);
  if (!shell) return;
  const ids = readColumn(shell, 'orderId');
  const indexes = ids.map((v, i) => (orderIds.has(cellText(v).trim()) ? i : -1)).filter((i) => i >= 0);
  if (indexes.length === 0) return;
  const orders = editedBlock(ctx, 'orders', indexes);
  if (!orders) return;
  processOrders(ctx, orders, indexes, ids);
}

function idKey(tab: TabKey): string {
  return tab === 'agreements' ? 'agreementId' : 'orderId';
}

export { findRowIndex };
