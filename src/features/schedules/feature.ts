/**
 * Selection and calling schedules, HR calendar invites, calling reports, contract
 * deadlines and the daily digest (issue 6), plugged into the entry points:
 *
 * - on edit of Orders (HR received, Paid from/to, Terms, HR specialist, Hand off, Status)
 *   and HR agreements: the orders concerned are re-planned (plan.ts);
 * - on edit of Holidays, or of the Selection weekdays / Report deadline settings: every
 *   handed-off order is re-planned;
 * - on edit of Selections (Done ticked): that day's calling report goes out if it has data;
 * - on edit of Calling results: Recorded by* gets the editing user;
 * - on every tick: due reports and overdue alerts, late reports, schedules of orders handed
 *   off by a retry, HR calendar catch-up, and once per working day after 09:00 contract
 *   deadline reminders and the daily digest (no separate trigger);
 * - on setup: the Holidays tab gets the Russian holidays of this year and the next when
 *   it has no rows for them.
 */
import { holidayRowsForYear } from '../../core/holidays';
import { findSetting } from '../../core/settings';
import { dayNumber, instantAt, isDate, localDateOf } from '../../core/time';
import { cellText, isBlank, maxOf, minOf } from '../../core/values';
import { readHolidayRows } from '../../core/workdays';
import { RunContext } from '../../app/context';
import { TICK_BUDGET_MS } from '../../app/dispatch';
import { Feature, TabEdit } from '../../app/feature';
import { recordOf, recordsOf, writeColumn } from '../../google/records';
import { syncPendingEvents } from './calendar';
import { dailyDue, runDaily } from './daily';
import { normId, Scheduler } from './env';
import { Mailer } from '../../mail/mailer';
import { ordersWithoutRows, replan, ReplanSummary } from './plan';
import { keepOpenReports, noteResultsEdited, processReports } from './report';
import { SelectionRow } from './rows';
import { say } from './rules/messages';
import { TypedResult } from './rules/open-reports';
import { appendRows, isLoaded, readTabBlock } from '../../google/workbook';

/** Orders columns whose change re-plans the order. */
const ORDER_COLUMNS = ['orderId', 'hrReceived', 'paidFrom', 'paidTo', 'terms', 'hrSpecialist', 'handOff', 'status', 'handedOffAt'];
/** Settings whose change re-plans every order. */
const PLAN_SETTINGS = ['selectionWeekdays', 'reportDeadline'];

export const schedulesFeature: Feature = {
  name: 'schedules',
  tabs: ['orders', 'agreements', 'selections', 'callingResults', 'holidays', 'settings'],
  onEdit(ctx, edit) {
    const s = new Scheduler(ctx, ctx.now.getTime() + TICK_BUDGET_MS);
    switch (edit.tab) {
      case 'orders':
        onOrdersEdit(s, edit);
        break;
      case 'agreements':
        onAgreementsEdit(s, edit);
        break;
      case 'selections':
        if (edit.columns.indexOf('done') >= 0) onDoneEdit(s, edit);
        break;
      case 'callingResults':
        onResultsEdit(ctx, edit);
        break;
      case 'holidays':
        announce(s, replan(s), true);
        break;
      case 'settings':
        if (settingsTouched(ctx, edit)) announce(s, replan(s), true);
        break;
    }
    s.finish();
  },
  tick(ctx, deadline) {
    const s = new Scheduler(ctx, deadline);
    if (!s.selections) return;
    const mailer = new Mailer(ctx, () => s.timeLeft());
    processReports(s, mailer, undefined, false);
    keepOpenReports(s);
    const missing = ordersWithoutRows(s);
    if (missing.length && s.timeLeft()) replan(s, missing);
    const daily = s.timeLeft() && dailyDue(s);
    if (daily) runDaily(s, mailer);
    if (s.timeLeft()) syncPendingEvents(s, daily);
    s.finish();
  },
  setup(ctx) {
    fillHolidays(ctx);
  },
};

/**
 * Only orders with a schedule to make or change are re-planned: handed off and received
 * by HR, or whose receipt was just cleared. The edited rows are read as one block, so an
 * edit that plans nothing (most Orders edits, a hand-off) costs two reads, not the tab.
 */
function onOrdersEdit(s: Scheduler, edit: TabEdit): void {
  if (edit.columns.length > 0 && !edit.columns.some((c) => ORDER_COLUMNS.indexOf(c) >= 0)) return;
  const block = readTabBlock(s.ctx.sheets.get('orders'), 'orders', minOf(edit.rows), maxOf(edit.rows));
  if (!block) return;
  const receiptEdited = edit.columns.indexOf('hrReceived') >= 0;
  const candidates = edit.rows.filter((index) => {
    const row = block.rows[index];
    if (!isLoaded(row)) return false;
    const rec = recordOf(block, row);
    return !isBlank(rec.orderId) && !isBlank(rec.handedOffAt) && (!isBlank(rec.hrReceived) || receiptEdited);
  });
  if (candidates.length === 0) return;
  const ids: string[] = [];
  for (const index of candidates) {
    const rec = s.refreshOrder(index);
    if (rec && !isBlank(rec.orderId) && !isBlank(rec.handedOffAt)) ids.push(cellText(rec.orderId));
  }
  if (ids.length) announce(s, replan(s, ids), false, ids);
}

function onAgreementsEdit(s: Scheduler, edit: TabEdit): void {
  const tab = s.ctx.tab('agreements');
  if (!tab) return;
  const ids = edit.rows.map((i) => cellText(recordOf(tab, tab.rows[i] ?? []).orderId)).filter(Boolean);
  const handedOff = ids.filter((id) => {
    const order = s.orders.get(normId(id));
    return order && !isBlank(order.rec.handedOffAt);
  });
  if (handedOff.length) announce(s, replan(s, handedOff), false, handedOff);
}

/** Done ticked: the day's report goes now if its results are in (never before its data). */
function onDoneEdit(s: Scheduler, edit: TabEdit): void {
  const touched = new Set(edit.rows);
  const rows: SelectionRow[] = [];
  for (const list of s.rows.values()) for (const row of list) if (touched.has(row.index) && row.done) rows.push(row);
  if (rows.length === 0) return;
  processReports(s, new Mailer(s.ctx, () => s.timeLeft()), rows, true);
  // A Done row still waiting for its results is open: a result typed for it wakes a tick.
  if (rows.some((r) => !r.reportSent)) keepOpenReports(s);
}

/** Recorded by* gets the editing user (rows that have none yet); the late report waits for a quiet spell. */
function onResultsEdit(ctx: RunContext, edit: TabEdit): void {
  if (edit.rows.length === 0) return;
  // Only the edited rows: the tab grows with every calling day (nothing read that grows with history).
  const tab = edit.block ?? readTabBlock(ctx.sheets.get('callingResults'), 'callingResults', minOf(edit.rows), maxOf(edit.rows));
  if (!tab) return;
  const changes = new Map<number, unknown>();
  const results: TypedResult[] = [];
  for (const index of edit.rows) {
    const row = tab.rows[index];
    if (!isLoaded(row)) continue;
    const rec = recordOf(tab, row);
    const typed = tab.def.columns.some((c) => !c.system && !isBlank(rec[c.key]));
    if (!typed) continue;
    if (isBlank(rec.recordedBy) && edit.user) changes.set(index, edit.user);
    // A result without a Date belongs to no calling day (report.ts resultsByRow).
    if (!isBlank(rec.orderId) && isDate(rec.date))
      results.push({ order: normId(rec.orderId), day: dayNumber(localDateOf(ctx.zone, rec.date.getTime())) });
  }
  writeColumn(tab, 'recordedBy', changes);
  noteResultsEdited(results, ctx.now.getTime());
}

function settingsTouched(ctx: RunContext, edit: TabEdit): boolean {
  const tab = ctx.tab('settings');
  if (!tab) return false;
  return edit.rows.some((i) => {
    const key = findSetting(cellText(recordOf(tab, tab.rows[i] ?? []).key))?.key;
    return key !== undefined && PLAN_SETTINGS.indexOf(key) >= 0;
  });
}

/** Log and toast after a re-plan made on a person's edit. */
function announce(s: Scheduler, summary: ReplanSummary, everything: boolean, orderIds: string[] = []): void {
  const ctx = s.ctx;
  const sheet = s.selections?.sheet.getName() ?? '';
  for (const p of s.settingProblems) ctx.log({ tab: sheet, rowKey: '', action: say(ctx.locale, 'logPlanProblem'), details: p });
  for (const u of summary.unplanned) {
    ctx.log({ tab: sheet, rowKey: u.orderId, action: say(ctx.locale, 'logPlanProblem'), details: u.problems.join('\n') });
    if (!everything) ctx.ss.toast(u.problems.join('\n'), u.orderId);
  }
  if (summary.added + summary.updated + summary.removed > 0) {
    ctx.log({
      tab: sheet,
      rowKey: orderIds.slice(0, 5).join(', ') + (orderIds.length > 5 ? ', …' : ''),
      action: say(ctx.locale, 'logPlanned'),
      details: say(ctx.locale, 'logPlannedDetails', {
        orders: summary.orders,
        added: summary.added,
        updated: summary.updated,
        removed: summary.removed,
      }),
    });
    if (!everything && summary.added > 0) ctx.ss.toast(say(ctx.locale, 'toastPlanned', { count: summary.added }), sheet);
  }
}

/** Setup: this year's and next year's holidays when the tab lists nothing for them (a person's rows are never touched). */
export function fillHolidays(ctx: RunContext): number {
  const tab = ctx.tab('holidays');
  if (!tab) return 0;
  const present = new Set(readHolidayRows(recordsOf(tab), ctx.zone).rows.map((r) => r.date.year));
  const thisYear = localDateOf(ctx.zone, ctx.now.getTime()).year;
  const rows = [thisYear, thisYear + 1].filter((y) => !present.has(y)).flatMap((y) => holidayRowsForYear(y, ctx.locale));
  if (rows.length === 0) return 0;
  appendRows(
    tab,
    rows.map((r) => ({ date: new Date(instantAt(ctx.zone, r.date)), name: r.name, workingDay: r.workingDay })),
  );
  ctx.log({
    tab: tab.sheet.getName(),
    rowKey: '',
    action: say(ctx.locale, 'logHolidays'),
    details: say(ctx.locale, 'logHolidaysDetails', { count: rows.length }),
  });
  return rows.length;
}
