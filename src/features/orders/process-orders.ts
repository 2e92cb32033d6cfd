/**
 * Orders rows after an edit or in a tick: IDs, the payment notice, a ticked hand-off
 * (refused or e-mailed once), problems and Status — system columns only, one write per column.
 */
import { currentAgreement, promisesWithoutAgreement } from './rules/agreements';
import { decideHandOff, deriveStatus, formatEmailValue, nextOrderId, statusLabel, validateOrder } from './rules/orders';
import { columnProblem, hasErrors, problemsText, Problem, say } from './rules/messages';
import { cellText, isBlank, Row } from '../../core/values';
import { table } from '../../core/templates';
import { RunContext } from '../../app/context';
import { sendTemplate } from './send';
import { notifyPayment } from './payment';
import { recordOf, recordsOf, writeColumn } from '../../google/records';
import { TabData, isLoaded, loadRows, readColumn, readTabBlock } from '../../google/workbook';
import { ColumnChanges, today, writeNotes } from './batch';

/**
 * IDs, hand-off, problems and status of the given Orders rows (system columns only),
 * written with one call per changed column. `ids` is the whole Order ID column, or how to
 * read it: read only when a row needs a new ID.
 */
export function processOrders(ctx: RunContext, orders: TabData, indexes: number[], ids: unknown[] | (() => unknown[])): void {
  let idColumn = typeof ids === 'function' ? null : ids;
  const allIds = () => idColumn ?? (idColumn = (ids as () => unknown[])());
  const agreementRows = agreementsOf(ctx, orders, indexes);
  const day = today(ctx);
  const changes = new ColumnChanges();
  const notes = new Map<number, string>();
  let toast = '';
  for (const index of indexes) {
    const row = orders.rows[index];
    if (!isLoaded(row) || row.every((v) => isBlank(v))) continue;
    const rec = recordOf(orders, row) as Record<string, unknown>;
    const cells: Record<string, unknown> = {};
    if (isBlank(rec.orderId)) {
      rec.orderId = cells.orderId = nextOrderId(allIds(), day.year);
      allIds()[index] = rec.orderId;
    }
    const agreement = currentAgreement(cellText(rec.orderId), agreementRows);
    // The payment notice first: the hand-off, when it goes in the same edit, follows it.
    notifyPayment(ctx, rec);
    const handOff = handOffIfTicked(ctx, rec, agreement);
    Object.assign(cells, handOff.cells);
    if (handOff.note !== undefined) notes.set(index, handOff.note);
    toast = handOff.toast || toast;
    const problems: Problem[] = [
      ...handOff.problems,
      ...validateOrder(rec, { zone: ctx.zone, today: day, staff: ctx.staff() }),
      ...promisesWithoutAgreement(rec, agreementRows, { zone: ctx.zone, today: day }),
    ];
    const text = problemsText(dedupe(problems), ctx.locale);
    const status = statusLabel(deriveStatus({ ...rec, ...cells }, { zone: ctx.zone, today: day }), ctx.locale);
    if (text !== cellText(rec.problems)) {
      cells.problems = text;
      if (hasErrors(problems))
        ctx.log({ tab: orders.sheet.getName(), rowKey: cellText(rec.orderId), action: say(ctx.locale, 'flagged'), details: text });
    }
    if (status !== cellText(rec.status)) cells.status = status;
    for (const [key, value] of Object.entries(cells)) changes.set(key, index, value);
  }
  changes.write(orders);
  writeNotes(orders, 'handOff', notes);
  if (toast) ctx.ss.toast(toast, orders.sheet.getName());
}

/** Up to this many edited orders, their agreements are looked up by Order ID instead of reading the tab. */
const FEW_ORDERS = 20;

/**
 * The HR agreements the rules need for these orders, in the tab's order. For a few orders
 * (an edit): the tab's Order ID column and the matching rows only — an edit of one order does
 * not read 2,000 agreements. For more, or an order without an ID yet, the whole tab (once per run).
 */
function agreementsOf(ctx: RunContext, orders: TabData, indexes: number[]): Row[] {
  const wanted = new Set<string>();
  for (const i of indexes) {
    const row = orders.rows[i];
    if (!isLoaded(row)) continue;
    const id = cellText(recordOf(orders, row).orderId).trim().toLowerCase();
    if (!id && !row.every((v) => isBlank(v))) return wholeAgreements(ctx);
    if (id) wanted.add(id);
  }
  if (wanted.size > FEW_ORDERS) return wholeAgreements(ctx);
  if (wanted.size === 0) return [];
  const shell = readTabBlock(ctx.sheets.get('agreements'), 'agreements', 0, -1);
  if (!shell || shell.rows.length === 0) return [];
  // The same match as currentAgreement's: the agreement's Order ID, lower-cased.
  const hits = readColumn(shell, 'orderId')
    .map((v, i) => (wanted.has(cellText(v).toLowerCase()) ? i : -1))
    .filter((i) => i >= 0);
  loadRows(shell, hits);
  return hits.map((i) => recordOf(shell, shell.rows[i]));
}

function wholeAgreements(ctx: RunContext): Row[] {
  const agreements = ctx.tab('agreements');
  return agreements ? recordsOf(agreements) : [];
}

function dedupe(problems: Problem[]): Problem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const k = `${p.code}|${p.ru}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

interface HandOffOutcome {
  cells: Record<string, unknown>;
  problems: Problem[];
  /** The note to leave on the Hand off cell ('' clears it). */
  note?: string;
  toast?: string;
}

/** A ticked Hand off: refused (tick cleared, note and toast) or sent once and recorded. */
function handOffIfTicked(ctx: RunContext, rec: Record<string, unknown>, agreement: Row | undefined): HandOffOutcome {
  const decision = decideHandOff(rec, agreement, {
    zone: ctx.zone,
    today: today(ctx),
    staff: ctx.staff(),
    clientDepartmentEmail: ctx.settings.clientDepartmentEmail,
    locale: ctx.locale,
  });
  if (decision.action === 'none') return { cells: {}, problems: [] };
  if (decision.action === 'refuse') {
    rec.handOff = false;
    return {
      cells: { handOff: false },
      problems: decision.problems,
      note: problemsText(decision.problems, ctx.locale),
      toast: say(ctx.locale, 'handOffRefused'),
    };
  }
  const outbox = ctx.outbox()?.tab;
  if (!outbox) return { cells: {}, problems: [] };
  const email = decision.email;
  const head = [ctx.locale === 'en' ? 'Item' : 'Пункт', ctx.locale === 'en' ? 'Value' : 'Значение'];
  const cellsOf = (rows: typeof email.rows) => rows.map((r) => [r.label, formatEmailValue(r.value, ctx.locale)]);
  // The terms (and what HR agreed) as their own table, not repeated in the details.
  const details = table(head, cellsOf(email.rows.filter((r) => r.section !== 'terms')));
  const terms = table(head, cellsOf(email.rows.filter((r) => r.section === 'terms')));
  const result = sendTemplate(
    ctx,
    outbox,
    decision.key,
    [decision.to],
    'handoff.clientDepartment',
    ctx.locale,
    {
      orderId: cellText(rec.orderId),
      client: cellText(rec.client),
      salesManager: cellText(rec.salesManager),
      details,
      individualTerms: terms,
      requestLink: cellText(rec.requestLink) || '—',
    },
    cellText(rec.salesManager),
  );
  if (result.outcome === 'sent' || result.outcome === 'already-sent') {
    ctx.log({
      tab: ctx.sheets.get('orders')?.getName() ?? 'Orders',
      rowKey: cellText(rec.orderId),
      action: say(ctx.locale, 'handOffLog'),
      details: decision.to,
    });
    rec.handedOffAt = ctx.now;
    return { cells: { handedOffAt: ctx.now }, problems: [], note: '', toast: say(ctx.locale, 'handOffDone') };
  }
  return {
    cells: {},
    problems: [columnProblem('orders', 'handOffSendFailed', undefined, { error: result.error ?? result.outcome }, 'warning')],
  };
}

/**
 * Re-validates every order (menu "Check this sheet" and the bench): problems and status
 * of all rows written back with one call per column.
 */
export function revalidateOrders(ctx: RunContext): number {
  const orders = ctx.tab('orders');
  if (!orders) return 0;
  const agreements = ctx.tab('agreements');
  const agreementRows = agreements ? recordsOf(agreements) : [];
  const day = today(ctx);
  const problemsCol = new Map<number, unknown>();
  const statusCol = new Map<number, unknown>();
  orders.rows.forEach((row, i) => {
    if (row.every((v) => isBlank(v))) return;
    const rec = recordOf(orders, row);
    const problems = [
      ...validateOrder(rec, { zone: ctx.zone, today: day, staff: ctx.staff() }),
      ...promisesWithoutAgreement(rec, agreementRows, { zone: ctx.zone, today: day }),
    ];
    const text = problemsText(problems, ctx.locale);
    const status = statusLabel(deriveStatus(rec, { zone: ctx.zone, today: day }), ctx.locale);
    if (text !== cellText(rec.problems)) problemsCol.set(i, text);
    if (status !== cellText(rec.status)) statusCol.set(i, status);
  });
  writeColumn(orders, 'problems', problemsCol);
  writeColumn(orders, 'status', statusCol);
  return problemsCol.size + statusCol.size;
}
