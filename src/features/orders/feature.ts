/**
 * The coordination tables on edit (docs/DOMAIN.md §2.3, §3, §5): Orders and HR agreements get their IDs,
 * problems and status (edits outside a person's department or to system columns were
 * already undone by the guard); HR requests and answers are e-mailed; a ticked Hand off
 * is checked and, when complete, e-mailed once to the Client department.
 */
import {
  agreementDue,
  agreementState,
  answerRecipient,
  currentAgreement,
  hrRecipients,
  promisesWithoutAgreement,
  validateAgreement,
} from './rules/agreements';
import {
  decideHandOff,
  deriveStatus,
  formatEmailValue,
  isPaymentRecorded,
  nextAgreementId,
  nextOrderId,
  statusLabel,
  validateOrder,
} from './rules/orders';
import { columnProblem, hasErrors, problemsText, Problem, say } from './rules/messages';
import { ANSWERS, Locale, TabKey, choiceLabel } from '../../core/schema';
import { localDateOf } from '../../core/time';
import { cellText, isBlank, isTicked, parseChoiceCell, Row } from '../../core/values';
import { table } from '../../core/templates';
import { RunContext } from '../../app/context';
import { sendTemplate } from './send';
import { notifyPayment } from './payment';
import { paymentKey } from './rules/payment';
import { Feature } from '../../app/feature';
import { indexOutbox, settleInterrupted } from '../../mail/outbox';
import { findRowIndex, recordOf, recordsOf, writeColumn } from '../../google/records';
import { TabData, isLoaded, readColumn, readTabBlock, sheetRow } from '../../google/workbook';

export const ordersFeature: Feature = {
  name: 'orders',
  tabs: ['orders', 'agreements'],
  onEdit(ctx, edit) {
    if (edit.rows.length === 0) return;
    // The block the guard read and put right (refused cells are back as they were).
    const tab = edit.block ?? editedBlock(ctx, edit.tab, edit.rows);
    if (!tab) return;
    const idCol = tab.columns.index[idKey(edit.tab)];
    const ids = edit.keys && idCol !== undefined ? edit.keys.map((r) => (r ? r[idCol] : '')) : readColumn(tab, idKey(edit.tab));
    if (edit.tab === 'agreements') {
      processAgreements(ctx, tab, edit.rows);
      // An answer changes what its orders may do: re-check them.
      const touchedOrders = new Set(edit.rows.map((i) => cellText(recordOf(tab, tab.rows[i]).orderId).trim()).filter(Boolean));
      recheckOrders(ctx, touchedOrders);
    } else {
      processOrders(ctx, tab, edit.rows, ids);
    }
  },
  tick(ctx) {
    const outbox = ctx.tab('outbox');
    if (outbox) settleInterrupted(outbox, ctx.locale);
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
  const outbox = ctx.tab('outbox');
  if (!outbox) return out;
  const index = indexOutbox(outbox);
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

/** The header and the block of rows an edit touched: what one edit reads, whatever the tab's size. */
function editedBlock(ctx: RunContext, key: TabKey, rows: number[]): TabData | null {
  return readTabBlock(ctx.sheets.get(key), key, Math.min(...rows), Math.max(...rows));
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

function today(ctx: RunContext) {
  return localDateOf(ctx.zone, ctx.now.getTime());
}

/**
 * IDs, hand-off, problems and status of the given Orders rows (system columns only),
 * written with one call per changed column. `ids` is the whole Order ID column.
 */
export function processOrders(ctx: RunContext, orders: TabData, indexes: number[], ids: unknown[]): void {
  const agreements = ctx.tab('agreements');
  const agreementRows = agreements ? recordsOf(agreements) : [];
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
      rec.orderId = cells.orderId = nextOrderId(ids, day.year);
      ids[index] = rec.orderId;
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

/** Cell changes gathered per column, written with one setValues per column. */
class ColumnChanges {
  private byColumn = new Map<string, Map<number, unknown>>();
  set(key: string, index: number, value: unknown): void {
    if (!this.byColumn.has(key)) this.byColumn.set(key, new Map());
    this.byColumn.get(key)!.set(index, value);
  }
  write(tab: TabData): void {
    for (const [key, values] of this.byColumn) writeColumn(tab, key, values);
  }
}

/** Sets notes of one column for some rows with one read and one write over their span. */
function writeNotes(tab: TabData, key: string, notes: Map<number, string>): void {
  const col = tab.columns.index[key];
  if (col === undefined || notes.size === 0) return;
  const indexes = [...notes.keys()];
  const first = Math.min(...indexes);
  const last = Math.max(...indexes);
  const range = tab.sheet.getRange(sheetRow(first), col + 1, last - first + 1, 1);
  const current = notes.size === 1 ? [['']] : range.getNotes();
  const next = current.map((r, k) => [notes.has(first + k) ? notes.get(first + k)! : r[0]]);
  if (notes.size === 1) tab.sheet.getRange(sheetRow(first), col + 1).setNote(next[0][0]);
  else range.setNotes(next);
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
  const outbox = ctx.tab('outbox');
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

/** IDs, problems, the request to HR and the answer to Sales for the given agreement rows. */
export function processAgreements(ctx: RunContext, agreements: TabData, indexes: number[]): void {
  const orderRows = ordersById(
    ctx,
    indexes.map((i) => cellText(recordOf(agreements, agreements.rows[i]).orderId).trim()),
  );
  const ids = readColumn(agreements, 'agreementId');
  const day = today(ctx);
  const staff = ctx.staff();
  const outbox = ctx.tab('outbox');
  const actx = { zone: ctx.zone, today: day, orders: orderRows, staff };
  const changes = new ColumnChanges();
  for (const index of indexes) {
    const row = agreements.rows[index];
    if (!isLoaded(row) || row.every((v) => isBlank(v))) continue;
    const rec = recordOf(agreements, row) as Record<string, unknown>;
    const cells: Record<string, unknown> = {};
    if (isBlank(rec.agreementId)) {
      rec.agreementId = cells.agreementId = nextAgreementId(ids, day.year);
      ids.push(rec.agreementId);
    }
    const id = cellText(rec.agreementId);
    const order = orderRows.get(cellText(rec.orderId).trim());
    const state = agreementState(rec, actx);
    if (outbox && state !== 'incomplete') {
      const due = agreementDue(ctx.now.getTime(), ctx.zone, (d) => ctx.workCalendar().nextWorkingDay(d));
      for (const routed of hrRecipients(rec, order, staff, day)) {
        const result = sendTemplate(
          ctx,
          outbox,
          `agreement-request:${id}:${routed.to}`,
          [routed.to],
          'agreement.request',
          ctx.locale,
          {
            orderId: cellText(rec.orderId),
            client: cellText(order?.client),
            requestedBy: cellText(rec.requestedBy),
            details: agreementTable(ctx, rec, say(ctx.locale, 'dueBy', { due: formatDay(due.dueDate, ctx.locale) })),
          },
          cellText(rec.requestedBy),
        );
        if (result.outcome === 'sent')
          ctx.log({
            tab: agreements.sheet.getName(),
            rowKey: id,
            action: say(ctx.locale, 'requestLog'),
            details: routed.skipped.length ? `${routed.to} (${routed.skipped.join(', ')})` : routed.to,
          });
      }
    }
    if (state === 'agreed' || state === 'rejected') {
      if (isBlank(rec.answeredAt)) {
        rec.answeredAt = cells.answeredAt = ctx.now;
        if (isBlank(rec.answeredBy) && ctx.user.indexOf('@') > 0) rec.answeredBy = cells.answeredBy = ctx.user;
      }
      const to = answerRecipient(rec, staff, day);
      const answer = parseChoiceCell(rec.answer, ANSWERS);
      if (outbox && to && answer.status === 'ok') {
        const result = sendTemplate(ctx, outbox, `agreement-answer:${id}:${answer.value.key}`, [to.to], 'agreement.answer', ctx.locale, {
          orderId: cellText(rec.orderId),
          client: cellText(order?.client),
          answer: choiceLabel(answer.value, ctx.locale),
          hrComment: cellText(rec.hrComment) || '—',
          hrSpecialist: cellText(rec.hrSpecialist) || ctx.user,
        });
        if (result.outcome === 'sent')
          ctx.log({ tab: agreements.sheet.getName(), rowKey: id, action: say(ctx.locale, 'answerLog'), details: to.to });
      }
    }
    const problems = validateAgreement(rec, actx);
    const text = problemsText(problems, ctx.locale);
    if (text !== cellText(rec.problems)) {
      cells.problems = text;
      if (hasErrors(problems)) ctx.log({ tab: agreements.sheet.getName(), rowKey: id, action: say(ctx.locale, 'flagged'), details: text });
    }
    for (const [key, value] of Object.entries(cells)) changes.set(key, index, value);
  }
  changes.write(agreements);
}

/**
 * The orders an agreement edit names, keyed by Order ID: found through the ID column
 * and read as one block (an agreement row is checked against its order).
 */
function ordersById(ctx: RunContext, wanted: string[]): Map<string, Row> {
  const out = new Map<string, Row>();
  const shell = readTabBlock(ctx.sheets.get('orders'), 'orders', 0, -1);
  if (!shell) return out;
  const ids = readColumn(shell, 'orderId');
  const want = new Set(wanted.filter(Boolean));
  const indexes = ids.map((v, i) => (want.has(cellText(v).trim()) ? i : -1)).filter((i) => i >= 0);
  if (indexes.length === 0) return out;
  const block = readTabBlock(ctx.sheets.get('orders'), 'orders', Math.min(...indexes), Math.max(...indexes));
  if (!block) return out;
  for (const i of indexes) out.set(cellText(ids[i]).trim(), recordOf(block, block.rows[i]));
  return out;
}

function agreementTable(ctx: RunContext, rec: Record<string, unknown>, due: string) {
  const cols = ctx.tab('agreements')?.def.columns ?? [];
  const shown = cols.filter((c) => !c.system && !['answer', 'hrComment', 'orderId', 'requestedBy'].includes(c.key) && !isBlank(rec[c.key]));
  const value = (v: unknown) =>
    Object.prototype.toString.call(v) === '[object Date]' ? formatDay(localDateOf(ctx.zone, (v as Date).getTime()), ctx.locale) : cellText(v);
  return table(
    [ctx.locale === 'en' ? 'Item' : 'Пункт', ctx.locale === 'en' ? 'Value' : 'Значение'],
    [...shown.map((c) => [c[ctx.locale], value(rec[c.key])]), [ctx.locale === 'en' ? 'Due' : 'Срок', due]],
  );
}

function formatDay(d: { year: number; month: number; day: number }, locale: Locale): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return locale === 'en' ? `${d.year}-${p(d.month)}-${p(d.day)}` : `${p(d.day)}.${p(d.month)}.${d.year}`;
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

export { findRowIndex };
