/**
 * Plans and re-plans Selections rows (issue 6, point 2) from the Orders and HR agreements
 * tabs with the pure engine (rules/schedule.ts): a handed-off order that HR received
 * gets its selection days, calling days and report deadlines; changing the receipt, the
 * paid period, the terms or the HR specialist re-plans the rows not yet done (ticked Done
 * or reported) and keeps those done. The calendar follows every change.
 */
import { instantAt, LocalDate } from '../../core/time';
import { ExistingSelection, PlanInput, replanOrder } from './rules/schedule';
import { termsOf, statusOf } from '../orders/rules/orders';
import { cellText, parseDateCell, parseDateTimeCell, parseEmailCell, Row } from '../../core/values';
import { inHorizon, removeEvents, syncEvents } from './calendar';
import { normId, Scheduler } from './env';
import { SelectionRow, withProblems } from './rows';
import { say } from './rules/messages';

export type OrderDecision =
  /** Not (yet) something to plan: not handed off, not received by HR, no paid period. Rows stay as they are. */
  | { kind: 'skip' }
  /** Cancelled: rows not done are removed. */
  | { kind: 'cancel' }
  | { kind: 'problem'; problems: string[] }
  | { kind: 'plan'; input: Omit<PlanInput, 'after'> };

/** What the engine needs from an order, or why the order is not planned. */
export function decideOrder(s: Scheduler, order: Row): OrderDecision {
  if (parseDateTimeCell(order.handedOffAt).status !== 'ok') return { kind: 'skip' };
  if (statusOf(order) === 'cancelled') return { kind: 'cancel' };
  const received = parseDateTimeCell(order.hrReceived);
  const paidTo = parseDateCell(order.paidTo, s.ctx.zone);
  if (received.status !== 'ok' || paidTo.status !== 'ok') return { kind: 'skip' };
  const paidFrom = parseDateCell(order.paidFrom, s.ctx.zone);
  const input: Omit<PlanInput, 'after'> = {
    receivedAt: received.value,
    paidTo: paidTo.value,
    terms: { weekdays: s.weekdays },
  };
  if (paidFrom.status === 'ok') input.paidFrom = paidFrom.value;
  if (termsOf(order) === 'individual') {
    const agreed = s.agreedTermsOf(cellText(order.orderId));
    if (!agreed) return { kind: 'problem', problems: [say(s.ctx.locale, 'individualNotAgreed')] };
    input.terms = {
      weekdays: agreed.selectionWeekdays && agreed.selectionWeekdays.length ? agreed.selectionWeekdays : s.weekdays,
      firstSelectionDate: agreed.firstSelectionDate,
    };
  }
  return { kind: 'plan', input };
}

export interface ReplanSummary {
  orders: number;
  added: number;
  updated: number;
  removed: number;
  /** Plan problems of orders with no row to show them on. */
  unplanned: Array<{ orderId: string; problems: string[] }>;
}

const settled = (r: SelectionRow) => r.done || r.reportSent;

/**
 * Re-plans the given orders (by Order ID; all handed-off orders when omitted). Rows are
 * written in batches and new ones appended in one call; removed rows are deleted by
 * `Scheduler.finish` at the end of the run.
 */
export function replan(s: Scheduler, orderIds?: Iterable<string>): ReplanSummary {
  const summary: ReplanSummary = { orders: 0, added: 0, updated: 0, removed: 0, unplanned: [] };
  const w = s.writer;
  if (!w) return summary;
  const ids = orderIds ? [...new Set([...orderIds].map(normId))].filter(Boolean) : [...s.orders.keys()];
  const appended: Array<{ record: Record<string, unknown>; row: SelectionRow }> = [];
  const dateCell = (d: LocalDate) => new Date(instantAt(s.ctx.zone, d));
  for (const id of ids) {
    const order = s.orders.get(id);
    if (!order) continue;
    const decision = decideOrder(s, order.rec);
    if (decision.kind === 'skip') continue;
    summary.orders++;
    const orderId = cellText(order.rec.orderId);
    const existing = s.rows.get(id) ?? [];
    const hr = parseEmailCell(order.rec.hrSpecialist);
    const hrSpecialist = hr.status === 'ok' ? hr.value : '';

    // One row per number: later duplicates not done are removed.
    const byNumber = new Map<number, SelectionRow>();
    const duplicates: SelectionRow[] = [];
    for (const row of existing) {
      if (byNumber.has(row.number)) duplicates.push(row);
      else byNumber.set(row.number, row);
    }
    const toRemove: SelectionRow[] = duplicates.filter((r) => !settled(r));
    const toUpdate: Array<{ row: SelectionRow; selectionDate: LocalDate; callingDate: LocalDate; reportDue: number }> = [];
    const toAdd: Array<{ number: number; selectionDate: LocalDate; callingDate: LocalDate; reportDue: number }> = [];
    let planProblems: string[] = [];

    if (decision.kind === 'cancel') {
      for (const row of byNumber.values()) if (!settled(row)) toRemove.push(row);
    } else if (decision.kind === 'problem') {
      planProblems = decision.problems;
    } else {
      const known: ExistingSelection[] = [...byNumber.values()].map((r) => ({
        number: r.number,
        selectionDate: r.selectionDate ?? { year: 1970, month: 1, day: 1 },
        callingDate: r.callingDate ?? { year: 1970, month: 1, day: 1 },
        reportDue: r.reportDue,
        done: settled(r),
      }));
      const { changes, plan } = replanOrder(known, decision.input, s.planner);
      planProblems = plan.problems.map((p) => p[s.ctx.locale]);
      for (const p of changes.update) toUpdate.push({ row: byNumber.get(p.number)!, ...p });
      for (const n of changes.remove) toRemove.push(byNumber.get(n)!);
      toAdd.push(...changes.add);
    }
    const removing = new Set(toRemove);
    if (removing.size)
      s.rows.set(
        id,
        existing.filter((r) => !removing.has(r)),
      );

    // Updated dates, and the HR specialist of every open row.
    const updated = new Set<SelectionRow>();
    for (const u of toUpdate) {
      w.set(u.row.index, 'selectionDate', dateCell(u.selectionDate));
      w.set(u.row.index, 'callingDate', dateCell(u.callingDate));
      w.set(u.row.index, 'reportDue', new Date(u.reportDue));
      Object.assign(u.row, { selectionDate: u.selectionDate, callingDate: u.callingDate, reportDue: u.reportDue });
      updated.add(u.row);
    }
    if (decision.kind === 'plan') {
      for (const row of byNumber.values()) {
        if (settled(row) || removing.has(row) || row.hrSpecialist === hrSpecialist) continue;
        w.set(row.index, 'hrSpecialist', hrSpecialist);
        row.hrSpecialist = hrSpecialist;
        updated.add(row);
      }
    }
    summary.updated += toUpdate.length;

    // The plan's problems go on the order's first open row; other rows lose old ones.
    const open = [...byNumber.values()].filter((r) => !settled(r) && !removing.has(r)).sort((a, b) => a.number - b.number);
    const firstNumber = Math.min(open[0]?.number ?? Infinity, toAdd[0]?.number ?? Infinity);
    for (const row of open) {
      const next = withProblems(row.problems, 'plan', row.number === firstNumber ? planProblems : [], s.ctx.locale);
      if (next !== row.problems) {
        w.set(row.index, 'problems', next);
        row.problems = next;
      }
    }
    if (planProblems.length && firstNumber === Infinity) summary.unplanned.push({ orderId, problems: planProblems });

    // Calendar: changed rows with events are updated; open rows in the horizon get theirs.
    for (const row of open) {
      const needs = row.eventId ? updated.has(row) : inHorizon(s, row);
      if (!needs) continue;
      const result = syncEvents(s, row, order.rec);
      if (!result.changed) continue;
      w.set(row.index, 'eventId', result.eventId);
      w.set(row.index, 'problems', result.problems);
      row.eventId = result.eventId;
      row.problems = result.problems;
    }
    for (const row of toRemove) {
      removeEvents(s, row);
      w.remove(row.index);
    }
    summary.removed += toRemove.length;

    // New rows: their events first (when in the horizon), then one append for all orders.
    for (const p of toAdd) {
      const row: SelectionRow = {
        index: -1,
        orderId,
        number: p.number,
        selectionDate: p.selectionDate,
        callingDate: p.callingDate,
        reportDue: p.reportDue,
        hrSpecialist,
        done: false,
        reportSent: false,
        eventId: '',
        problems: p.number === firstNumber && planProblems.length ? withProblems('', 'plan', planProblems, s.ctx.locale) : '',
      };
      if (inHorizon(s, row)) {
        const result = syncEvents(s, row, order.rec);
        row.eventId = result.eventId;
        row.problems = result.problems;
      }
      appended.push({
        row,
        record: {
          orderId,
          number: p.number,
          selectionDate: dateCell(p.selectionDate),
          callingDate: dateCell(p.callingDate),
          reportDue: new Date(p.reportDue),
          hrSpecialist,
          done: false,
          reportSentAt: '',
          eventId: row.eventId,
          problems: row.problems,
        },
      });
    }
    summary.added += toAdd.length;
  }

  if (appended.length) {
    const tab = s.selections!;
    const first = tab.rows.length;
    w.append(appended.map((a) => a.record));
    appended.forEach((a, k) => {
      a.row.index = first + k;
      const key = normId(a.row.orderId);
      const list = s.rows.get(key);
      if (list) list.push(a.row);
      else s.rows.set(key, [a.row]);
    });
  }
  return summary;
}

/** Handed-off orders HR received that have no Selections rows yet (e.g. handed off by a retry in the tick). */
export function ordersWithoutRows(s: Scheduler): string[] {
  const out: string[] = [];
  for (const [id, { rec }] of s.orders) {
    if (s.rows.has(id)) continue;
    if (parseDateTimeCell(rec.handedOffAt).status !== 'ok' || parseDateTimeCell(rec.hrReceived).status !== 'ok') continue;
    out.push(id);
  }
  return out;
}
