/**
 * The call's managers beyond its Manager e-mail: the Sales manager of the call's order (the
 * SM who ran it signs the comment). Read only for an edit of a call's Done, comment or
 * result by someone who is not Management or the owner: the Orders ID column and the
 * block of the orders named.
 */
import { cellText, maxOf, minOf } from '../../core/values';
import { RunContext } from '../../app/context';
import { recordOf } from '../../google/records';
import { readColumn, readTabBlock } from '../../google/workbook';

/** What this run already looked up (a sidebar asks for the same call twice). */
const looked = new WeakMap<RunContext, Map<string, string>>();

/** Order ID → its Sales manager's e-mail, for these order IDs. */
export function orderSalesManagers(ctx: RunContext, orderIds: Iterable<string>): Map<string, string> {
  const known = looked.get(ctx) ?? new Map<string, string>();
  looked.set(ctx, known);
  const want = new Set([...orderIds].map((id) => id.trim()).filter(Boolean));
  const missing = [...want].filter((id) => !known.has(id));
  if (missing.length) for (const [id, sm] of lookUp(ctx, new Set(missing))) known.set(id, sm);
  for (const id of missing) if (!known.has(id)) known.set(id, '');
  const out = new Map<string, string>();
  for (const id of want) if (known.get(id)) out.set(id, known.get(id)!);
  return out;
}

function lookUp(ctx: RunContext, want: Set<string>): Map<string, string> {
  const out = new Map<string, string>();
  const sheet = ctx.sheets.get('orders');
  const shell = readTabBlock(sheet, 'orders', 0, -1);
  if (!shell) return out;
  const ids = readColumn(shell, 'orderId');
  const indexes = ids.map((v, i) => (want.has(cellText(v).trim()) ? i : -1)).filter((i) => i >= 0);
  if (indexes.length === 0) return out;
  const block = readTabBlock(sheet, 'orders', minOf(indexes), maxOf(indexes));
  if (!block) return out;
  for (const i of indexes) {
    const rec = recordOf(block, block.rows[i]);
    const sm = cellText(rec.salesManager).trim();
    if (sm) out.set(cellText(ids[i]).trim(), sm);
  }
  return out;
}
