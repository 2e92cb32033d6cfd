/**
 * What an edit of Calls reads (issue 15: reads that do not grow with history). A tick plans
 * every call and reads Calls, Orders, the sync sheet and the Outbox whole. An edit plans the
 * calls it touched and the Done interviews of their orders, so it reads:
 * - of Calls, the Order ID and Candidate IDs columns, then the rows of the edited
 *   calls' orders and every row that names one of their candidates — a candidate's outcome
 *   (after-interview.ts) comes from all the Done calls that name them, so those are read too;
 *   the Call ID column only when a row needs an ID (plan.ts assignIds); an edit of the time alone
 *   (Start, Duration) changes no outcome, so it reads no Candidate IDs column and judges no candidate;
 * - of Orders, the Order ID column and the rows of those orders;
 * - of the sync sheet and the Outbox (RunContext.outbox), the key column and the rows of the calls read.
 * Rows not read are placeholders (google/workbook isLoaded) that are never written back, and
 * `complete` says which candidates' calls were all read (the only ones whose row it may set).
 */
import { cell, TabData, isLoaded, loadRows, readColumn, readTabBlock } from '../../google/workbook';
import { recordOf } from '../../google/records';
import { PartialOutbox } from '../../mail/outbox';
import { RunContext } from '../../app/context';
import { normId, OrderInfo, orderIndex, splitIds } from './rules/indexes';

const text = (v: unknown): string => (typeof v === 'string' ? v.trim() : typeof v === 'number' ? String(v) : '');

export interface EditScope {
  /** Every row's Call ID (the whole column, read when first asked: IDs are never reused). */
  callIds(): string[];
  /** Candidates (normalised IDs) of the edited calls' orders: every call naming them was read. */
  complete: Set<string>;
  /** Normalised Order IDs of the rows read. */
  orderIds: Set<string>;
  /** The edit covered the Call ID column (a pasted row may carry another row's ID). */
  idsEdited: boolean;
}

/**
 * The Calls tab in part and what else the edit needs of it; null without a Calls tab.
 * `block`: the edited block as the guard left it (its rows read, the rest placeholders): the
 * tab's shell is not read again.
 */
export function readEditScope(
  ctx: RunContext,
  edited: ReadonlySet<number>,
  block?: TabData,
  idsEdited = true,
  timeOnly = false,
): { calls: TabData; scope: EditScope } | null {
  const calls = block ?? readTabBlock(ctx.sheets.get('calls'), 'calls', 0, -1);
  if (!calls) return null;
  let ids: string[] | undefined;
  const callIds = () => (ids ??= readColumn(calls, 'callId').map(text));
  const orderCol = readColumn(calls, 'orderId').map((v) => normId(text(v)));
  const candidateCol = timeOnly ? orderCol.map((): string[] => []) : readColumn(calls, 'candidateIds').map((v) => splitIds(v).map(normId));
  const orders = new Set([...edited].map((i) => orderCol[i]).filter(Boolean));
  const planned = orderCol.map((o, i) => edited.has(i) || (o !== '' && orders.has(o)));
  const complete = new Set<string>();
  planned.forEach((yes, i) => yes && candidateCol[i].forEach((c) => complete.add(c)));
  const rows = candidateCol.map((_, i) => i).filter((i) => planned[i] || candidateCol[i].some((c) => complete.has(c)));
  loadRows(calls, rows);
  const read = rows.filter((i) => isLoaded(calls.rows[i]));
  const readIds = read.map((i) => text(cell(calls, calls.rows[i], 'callId'))).filter(Boolean);
  const outbox = ctx.outbox()?.index;
  if (outbox instanceof PartialOutbox) outbox.preload((key) => readIds.some((id) => key.indexOf(id) >= 0));
  return { calls, scope: { callIds, complete, orderIds: new Set(read.map((i) => orderCol[i]).filter(Boolean)), idsEdited } };
}

/** The orders of the rows read, by their Order ID (the tick's orderIndex of the whole tab, in part). */
export function ordersInScope(ctx: RunContext, scope: EditScope): Map<string, OrderInfo> {
  if (scope.orderIds.size === 0) return new Map();
  const tab = readTabBlock(ctx.sheets.get('orders'), 'orders', 0, -1);
  if (!tab) return new Map();
  const want: number[] = [];
  readColumn(tab, 'orderId').forEach((v, i) => scope.orderIds.has(normId(text(v))) && want.push(i));
  loadRows(tab, want);
  return orderIndex(want.filter((i) => isLoaded(tab.rows[i])).map((i) => recordOf(tab, tab.rows[i])));
}
