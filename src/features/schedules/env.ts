/**
 * What one run of the schedules feature works with: the tabs it reads (each once, through
 * the RunContext), the schedule settings, the planner, the Selections rows by order, the
 * batched writer, the HR calendar and the run's time budget.
 */
import { agreedTerms, AgreedTerms } from '../orders/rules/agreements';
import { leaveWork } from '../../app/gate';
import { calendarPaused } from '../../app/calendar-pause';
import { answerOf } from '../orders/rules/orders';
import { findSetting, parseLeadMinutes } from '../../core/settings';
import { ClockTime, parseClockTime, parseSelectionWeekdays } from '../../core/weekdays';
import { Planner, schedulePlanner } from './rules/schedule';
import { dayNumber, LocalDate, localDateOf } from '../../core/time';
import { cellText, isBlank, Row } from '../../core/values';
import { RunContext } from '../../app/context';
import { HrCalendar } from './hr-calendar';
import { recordOf } from '../../google/records';
import { CellWriter, readSelections, SelectionRow } from './rows';
import { say } from './rules/messages';
import { TabData } from '../../google/workbook';

/** Events are created for selection days up to this many days ahead (Google limits creations per day). */
export const HORIZON_DAYS = 14;
/** At most this many events are created in one run (Google's short-time creation limit). */
export const MAX_CREATES_PER_RUN = 40;
/** Time kept in reserve before the run's deadline for the final writes. */
export const RESERVE_MS = 20000;

const DEFAULT_WEEKDAYS = [1, 4];
const DEFAULT_DEADLINE: ClockTime = { hour: 18, minute: 0 };
const DEFAULT_LEAD_MS = 60 * 60000;

export const normId = (v: unknown): string => cellText(v).toUpperCase();

export class Scheduler {
  readonly today: LocalDate;
  readonly todayN: number;
  readonly weekdays: number[];
  readonly reportDeadline: ClockTime;
  /** Reports with results go out from this long before their deadline (Settings "Report lead minutes"). */
  readonly reportLeadMs: number;
  private planner_: Planner | undefined;
  readonly settingProblems: string[] = [];
  private selectionsTab: TabData | null | undefined;
  private rowsByOrder: Map<string, SelectionRow[]> | undefined;
  private cellWriter: CellWriter | undefined;
  private hrCalendar: HrCalendar | null | undefined;
  private ordersById: Map<string, { index: number; rec: Row }> | undefined;
  private agreementsByOrder: Map<string, Row[]> | undefined;
  /** Set when Google refused more event creations in this run. */
  calendarStopped = false;

  constructor(
    readonly ctx: RunContext,
    /** Date.now() after which no new service-heavy work starts. */
    readonly deadline: number,
  ) {
    this.today = localDateOf(ctx.zone, ctx.now.getTime());
    this.todayN = dayNumber(this.today);
    const weekdays = parseSelectionWeekdays(ctx.settings.selectionWeekdays);
    if (weekdays.ok) this.weekdays = weekdays.weekdays;
    else {
      this.weekdays = DEFAULT_WEEKDAYS;
      this.settingProblems.push(say(ctx.locale, 'settingWeekdaysBad', { problem: weekdays.problem[ctx.locale] }));
    }
    const raw = this.rawSetting('reportDeadline');
    const deadlineTime = parseClockTime(raw === undefined ? ctx.settings.reportDeadline : raw, ctx.zone);
    if (deadlineTime.ok) this.reportDeadline = deadlineTime.time;
    else {
      this.reportDeadline = DEFAULT_DEADLINE;
      this.settingProblems.push(say(ctx.locale, 'settingDeadlineBad', { problem: deadlineTime.problem[ctx.locale] }));
    }
    const lead = parseLeadMinutes(ctx.settings.reportLeadMinutes);
    this.reportLeadMs = lead ?? DEFAULT_LEAD_MS;
    if (lead === undefined) this.settingProblems.push(say(ctx.locale, 'settingLeadBad', { value: ctx.settings.reportLeadMinutes }));
  }

  /** The engine over the Holidays tab's working days (read when first needed). */
  get planner(): Planner {
    if (!this.planner_)
      this.planner_ = schedulePlanner({ calendar: this.ctx.workCalendar(), zone: this.ctx.zone, reportDeadline: this.reportDeadline });
    return this.planner_;
  }

  /** The Value cell of a setting as getValues gave it (a time typed into Settings is a Date). */
  private rawSetting(key: string): unknown {
    const tab = this.ctx.tab('settings');
    if (!tab) return undefined;
    const k = tab.columns.index['key'];
    const v = tab.columns.index['value'];
    if (k === undefined || v === undefined) return undefined;
    for (const row of tab.rows) {
      if (findSetting(String(row[k] ?? ''))?.key === key && !isBlank(row[v])) return row[v];
    }
    return undefined;
  }

  timeLeft(): boolean {
    return Date.now() < this.deadline - RESERVE_MS;
  }

  get selections(): TabData | null {
    if (this.selectionsTab === undefined) this.selectionsTab = this.ctx.tab('selections');
    return this.selectionsTab;
  }

  /** Selections rows by Order ID (read once). */
  get rows(): Map<string, SelectionRow[]> {
    if (!this.rowsByOrder) {
      const tab = this.selections;
      this.rowsByOrder = new Map();
      if (tab) for (const [id, list] of readSelections(tab, this.ctx.zone)) this.rowsByOrder.set(id.toUpperCase(), list);
    }
    return this.rowsByOrder;
  }

  get writer(): CellWriter | null {
    if (!this.cellWriter && this.selections) this.cellWriter = new CellWriter(this.selections);
    return this.cellWriter ?? null;
  }

  /** The HR calendar, when Settings name one (default "primary"). */
  get calendar(): HrCalendar | null {
    if (this.hrCalendar === undefined) {
      const id = (this.ctx.settings.hrCalendarId || 'primary').trim();
      this.hrCalendar = typeof Calendar === 'undefined' || !id ? null : new HrCalendar(id, this.ctx.ss.getId());
      // Google refused writes lately (calendar-pause.ts): none is tried until the pause ends.
      if (this.hrCalendar && calendarPaused(this.ctx) !== null) this.calendarStopped = true;
    }
    return this.hrCalendar;
  }

  /** May another event be created in this run? */
  /** May this run create another event? When not, the work left is a tick's (gate.ts leaveWork). */
  mayCreateEvent(): boolean {
    const cal = this.calendar;
    const may = !!cal && !this.calendarStopped && cal.creates < MAX_CREATES_PER_RUN && this.timeLeft();
    // Paused after a refusal: the tick when the pause ends carries on (gate.ts), not the next one.
    if (!may && cal && calendarPaused(this.ctx) === null) leaveWork(this.ctx);
    return may;
  }

  /** Orders by Order ID (upper-cased). */
  get orders(): Map<string, { index: number; rec: Row }> {
    if (!this.ordersById) {
      this.ordersById = new Map();
      const tab = this.ctx.tab('orders');
      if (tab)
        tab.rows.forEach((row, index) => {
          const rec = recordOf(tab, row);
          const id = normId(rec.orderId);
          if (id && !this.ordersById!.has(id)) this.ordersById!.set(id, { index, rec });
        });
    }
    return this.ordersById;
  }

  /** Refreshes one order's record after another feature changed the row in memory. */
  refreshOrder(index: number): Row | undefined {
    const tab = this.ctx.tab('orders');
    const row = tab?.rows[index];
    if (!tab || !row) return undefined;
    const rec = recordOf(tab, row);
    const id = normId(rec.orderId);
    if (id) this.orders.set(id, { index, rec });
    return rec;
  }

  /** HR agreement rows by Order ID, in tab order. */
  agreementsOf(orderId: string): Row[] {
    if (!this.agreementsByOrder) {
      this.agreementsByOrder = new Map();
      const tab = this.ctx.tab('agreements');
      if (tab)
        for (const row of tab.rows) {
          const rec = recordOf(tab, row);
          const id = normId(rec.orderId);
          if (!id) continue;
          const list = this.agreementsByOrder.get(id);
          if (list) list.push(rec);
          else this.agreementsByOrder.set(id, [rec]);
        }
    }
    return this.agreementsByOrder.get(normId(orderId)) ?? [];
  }

  /** Writes what the run changed on Selections, then deletes the rows it removed. */
  finish(): void {
    if (!this.cellWriter) return;
    this.cellWriter.flush();
    this.cellWriter.deleteRemoved();
    // Row indexes moved: a later step in this run reads Selections afresh.
    this.rowsByOrder = undefined;
  }

  /**
   * What HR agreed for the order: the terms of its latest Agreed agreement. A newer request
   * still waiting for an answer does not undo what was agreed before it.
   */
  agreedTermsOf(orderId: string): AgreedTerms | undefined {
    const list = this.agreementsOf(orderId);
    for (let i = list.length - 1; i >= 0; i--) {
      if (answerOf(list[i]) === 'agreed') return agreedTerms(list[i], this.ctx.zone);
    }
    return undefined;
  }
}
