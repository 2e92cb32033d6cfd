/**
 * Calling results and the calling report (issue 6, point 4).
 *
 * - A Calling results row belongs to the Selections row of its order whose calling day is
 *   the latest on or before the result's Date (results of a calling done a day late still
 *   reach that calling day's report).
 * - The report goes to the client (in the client's language, the sales manager in copy) by
 *   the report deadline when the day has results: from Settings "Report lead minutes" (60)
 *   before it, spread over two ticks of it (each sends its share of the ready ones, once
 *   HR has added nothing for QUIET_MS), so that thousands of reports leave before 18:00, not
 *   after it; at once when HR ticks Done — never before the calling day and never without
 *   results. It is recorded in Report sent at*
 *   and sent once (Outbox key report|order|No.).
 * - At the deadline with no results, the HR specialist and their manager get one overdue
 *   alert (Outbox key overdue|order|No.; only within a day of the deadline, older misses are
 *   the daily digest's); the alerts of one tick to the same people go as one e-mail listing
 *   them (alert.overdueList, mailer.ts MailGroup), each row keeping its key. Results recorded after that go out as the late report when HR ticks
 *   Done, or by the tick once nobody has added a result for QUIET_MS.
 */
import { findStaff, routeTo, departmentMembers, StaffDirectory } from '../../core/permissions';
import { OUTCOMES, choiceLabel, Locale } from '../../core/schema';
import { pickLanguage, table } from '../../core/templates';
import { dayNumber, isDate, LocalDate, localDateOf } from '../../core/time';
import { cellText, isBlank, parseChoiceCell, parseEmailCell, Row } from '../../core/values';
import { MailGroup, Mailer, MailItem, MailResult } from '../../mail/mailer';
import { normId, Scheduler } from './env';
import { SelectionRow, withProblems } from './rows';
import { formatDay, formatInstant, say } from './rules/messages';
import { recordOf } from '../../google/records';
import { isLoaded, loadRows, readColumn, readTabBlock } from '../../google/workbook';
import { ExpectationsBook, expectationsMail } from './expectations';
import { reportStepMs, WAKE, wakesWith } from '../../app/gate';
import { notePlanWake } from '../../app/plan-watch';
import { runProperties } from '../../app/run-properties';
import { openReportsValue, ReportRowFacts, resultsNeedWake, TypedResult } from './rules/open-reports';

/** A late report waits until no result was added for this long (unless HR ticks Done). */
export const QUIET_MS = 30 * 60 * 1000;
/** Overdue alerts go out within this long after the deadline. */
export const ALERT_WINDOW_MS = 24 * 3600 * 1000;
/** Script property: when results were last recorded, per order (JSON {orderId: ms}). */
export const RESULTS_EDITED = 'reglament.schedules.resultsEdited';
/** Script property: the open Selections rows, for the edits' results (rules/open-reports.ts). */
export const OPEN_REPORTS = 'reglament.schedules.openReports';

export interface CallingResult {
  index: number;
  orderId: string;
  date?: LocalDate;
  candidateId: string;
  phone: string;
  outcome: string; // choice key, or the text as typed
  interviewAt: unknown;
  comment: string;
}

export function reportKey(orderId: string, number: number): string {
  return `report|${orderId}|${number}`;
}

export function overdueKey(orderId: string, number: number): string {
  return `overdue|${orderId}|${number}`;
}

/** Calling results by order (upper-cased Order ID). */
export function readResults(s: Scheduler): Map<string, CallingResult[]> {
  const out = new Map<string, CallingResult[]>();
  const tab = s.ctx.tab('callingResults');
  if (!tab) return out;
  tab.rows.forEach((row, index) => {
    const rec = recordOf(tab, row);
    const id = normId(rec.orderId);
    if (!id) return;
    const outcome = parseChoiceCell(rec.outcome, OUTCOMES);
    const result: CallingResult = {
      index,
      orderId: id,
      date: isDate(rec.date) ? localDateOf(s.ctx.zone, rec.date.getTime()) : undefined,
      candidateId: cellText(rec.candidateId),
      phone: cellText(rec.phone),
      outcome: outcome.status === 'ok' ? outcome.value.key : cellText(rec.outcome),
      interviewAt: rec.interviewAt,
      comment: cellText(rec.comment),
    };
    const list = out.get(id);
    if (list) list.push(result);
    else out.set(id, [result]);
  });
  return out;
}

/** The results of each Selections row of one order: the latest calling day on or before the result's date. */
export function resultsByRow(rows: readonly SelectionRow[], results: readonly CallingResult[]): Map<SelectionRow, CallingResult[]> {
  const out = new Map<SelectionRow, CallingResult[]>();
  const sorted = rows.filter((r) => r.callingDate).sort((a, b) => dayNumber(a.callingDate!) - dayNumber(b.callingDate!) || a.number - b.number);
  for (const result of results) {
    if (!result.date) continue;
    const d = dayNumber(result.date);
    let owner: SelectionRow | undefined;
    for (const row of sorted) {
      if (dayNumber(row.callingDate!) <= d) owner = row;
      else break;
    }
    if (!owner) continue;
    const list = out.get(owner);
    if (list) list.push(result);
    else out.set(owner, [result]);
  }
  return out;
}

function resultsEdited(text = runProperties().getProperty(RESULTS_EDITED)): Record<string, number> {
  try {
    return JSON.parse(text || '{}') as Record<string, number>;
  } catch {
    return {};
  }
}

/**
 * Remembers that results of these orders were just recorded (for the quiet spell); a result of
 * an open row (rules/open-reports.ts) wakes a reports' tick when the spell ends.
 */
export function noteResultsEdited(results: readonly TypedResult[], now: number): void {
  if (results.length === 0) return;
  const props = runProperties();
  // Both properties read at once and written at once (two calls, not four).
  const all = props.getProperties();
  const map = resultsEdited(all[RESULTS_EDITED] ?? null);
  for (const id of Object.keys(map)) if (now - map[id] > 2 * ALERT_WINDOW_MS) delete map[id];
  for (const r of results) map[r.order] = now;
  const update: Record<string, string> = { [RESULTS_EDITED]: JSON.stringify(map) };
  if (resultsNeedWake(all[OPEN_REPORTS], results)) {
    update[WAKE] = wakesWith(all[WAKE] ?? null, now + QUIET_MS + 1);
    notePlanWake(now + QUIET_MS + 1);
  }
  props.setProperties(update);
}

/** After a tick's reports or a Done ticked: the rows open now, for the edits' results (rules/open-reports.ts); written when they changed. */
export function keepOpenReports(s: Scheduler): void {
  const facts: ReportRowFacts[] = [];
  for (const list of s.rows.values())
    for (const row of list)
      if (row.callingDate && row.reportDue !== undefined)
        facts.push({ order: normId(row.orderId), day: dayNumber(row.callingDate), due: row.reportDue, sent: row.reportSent, done: row.done });
  const value = openReportsValue(facts, s.ctx.now.getTime(), s.reportLeadMs);
  const props = PropertiesService.getScriptProperties();
  if (props.getProperty(OPEN_REPORTS) !== value) props.setProperty(OPEN_REPORTS, value);
}

/** The people an overdue item of `responsible` goes to: them (or their deputy) and their manager. */
export function responsibleAndManager(staff: StaffDirectory, responsible: string, today: LocalDate): string[] {
  const out: string[] = [];
  const add = (email: string | undefined) => {
    if (!email) return;
    const to = routeTo(staff, email, today).to;
    if (out.indexOf(to) < 0) out.push(to);
  };
  if (responsible) {
    add(responsible);
    add(findStaff(staff, responsible)?.managerEmail);
  } else {
    for (const m of departmentMembers(staff, 'hr')) add(m.managerEmail);
  }
  if (out.length < 2) for (const m of departmentMembers(staff, 'management')) add(m.email);
  return out;
}

export interface ReportRun {
  sent: number;
  alerts: number;
}

/**
 * Sends what is due: reports (at the deadline, or on Done), overdue alerts, late reports.
 * `only` limits the work to some rows; `immediate` (HR ticked Done) skips the quiet spell.
 * The e-mails go as one batch (src/mail/mailer.ts): each row is updated as its e-mail goes.
 */
export function processReports(s: Scheduler, mailer: Mailer, only?: readonly SelectionRow[], immediate = false): ReportRun {
  const run: ReportRun = { sent: 0, alerts: 0 };
  const w = s.writer;
  if (!w) return run;
  const now = s.ctx.now.getTime();
  const pool = only ?? [...s.rows.values()].flat();
  const lead = s.reportLeadMs;
  const candidates = pool.filter(
    (r) =>
      !r.reportSent &&
      r.callingDate &&
      r.reportDue !== undefined &&
      dayNumber(r.callingDate) <= s.todayN &&
      (now >= r.reportDue - lead || r.done),
  );
  if (candidates.length === 0) return run;
  candidates.sort((a, b) => a.reportDue! - b.reportDue!);
  const results = readResults(s);
  const mapped = new Map<string, Map<SelectionRow, CallingResult[]>>();
  const dataOf = (row: SelectionRow): CallingResult[] => {
    const id = normId(row.orderId);
    let m = mapped.get(id);
    if (!m) mapped.set(id, (m = resultsByRow(s.rows.get(id) ?? [row], results.get(id) ?? [])));
    return m.get(row) ?? [];
  };
  let edited: Record<string, number> | undefined;
  let names: Map<string, string> | undefined;
  const locale = s.ctx.locale;
  const sheet = s.selections!.sheet.getName();
  const setProblems = (row: SelectionRow, lines: string[]) => {
    const next = withProblems(row.problems, 'report', lines, locale);
    if (next === row.problems) return;
    row.problems = next;
    w.set(row.index, 'problems', next);
  };
  const failed = (row: SelectionRow, r: MailResult) => setProblems(row, [say(locale, 'sendFailed', { error: r.error ?? r.outcome })]);
  const batch: MailItem[] = [];
  const alerts: MailItem[] = [];
  /** Reports ready before their deadline, by deadline: spread over the ticks left (spreadEarly). */
  const early = new Map<number, MailItem[]>();
  const reported: SelectionRow[] = [];

  for (const row of candidates) {
    const data = dataOf(row);
    const due = row.reportDue!;
    const order = s.orders.get(normId(row.orderId))?.rec;
    if (data.length > 0) {
      const alertKey = overdueKey(row.orderId, row.number);
      if (!immediate && (now < due || mailer.wasSent(alertKey))) {
        // Done ticked before the results, or the late report: wait until HR has stopped
        // adding results (ticking Done sends at once).
        edited ??= resultsEdited();
        const last = edited[normId(row.orderId)];
        if (last !== undefined && now - last < QUIET_MS) continue;
      }
      if (!order) {
        setProblems(row, [say(locale, 'orderMissing', { orderId: row.orderId })]);
        continue;
      }
      // The names of the candidates in this tick's reports: their rows, not the whole tab.
      names ??= candidateNames(
        s,
        candidates.flatMap((r) => dataOf(r).map((d) => d.candidateId)),
      );
      const item = reportMail(s, row, order, data, names);
      if (typeof item === 'string') {
        setProblems(row, [item]);
        continue;
      }
      item.done = (r) => {
        if (r.outcome !== 'sent' && r.outcome !== 'already-sent') return failed(row, r);
        w.set(row.index, 'reportSentAt', s.ctx.now);
        row.reportSent = true;
        if (r.outcome === 'sent') reported.push(row);
        setProblems(row, []);
        // An alert a cut-short run queued but never sent is moot now.
        mailer.cancelPending(alertKey);
        if (r.outcome === 'sent') {
          run.sent++;
          s.ctx.log({ tab: sheet, rowKey: `${row.orderId} #${row.number}`, action: say(locale, 'logReportSent'), details: item.to.join(', ') });
        }
      };
      if (!immediate && !row.done && now < due) {
        const group = early.get(due) ?? [];
        early.set(due, group);
        group.push(item);
      } else batch.push(item);
      continue;
    }
    // No results for the day.
    if (now >= due && now - due < ALERT_WINDOW_MS) {
      const item = overdueMail(s, row, order);
      if (typeof item === 'string') {
        setProblems(row, [item]);
        continue;
      }
      item.done = (r) => {
        if (r.outcome !== 'sent' && r.outcome !== 'already-sent') return failed(row, r);
        setProblems(row, [say(locale, 'overdueSent', { due: formatInstant(due, s.ctx.zone, locale), to: item.to.join(', ') })]);
        if (r.outcome === 'sent') {
          run.alerts++;
          s.ctx.log({ tab: sheet, rowKey: `${row.orderId} #${row.number}`, action: say(locale, 'logOverdue'), details: item.to.join(', ') });
        }
      };
      alerts.push(item);
    } else if (now < due || !mailer.wasSent(overdueKey(row.orderId, row.number))) {
      setProblems(row, [say(locale, 'noResultsYet', { date: formatDay(row.callingDate!, locale) })]);
    }
  }
  batch.push(...spreadEarly(early, now, lead));
  mailer.sendMany(batch);
  // One alert per responsible (and manager) for all their reports overdue now, each row still its own Outbox key.
  mailer.sendMany(alerts, overdueGroup(locale));
  // Beside each report, the sales manager sees the calling against what HR agreed (seed 000).
  if (reported.length) {
    const book = new ExpectationsBook(s, results);
    const internal: MailItem[] = [];
    for (const row of reported) {
      const e = book.of(row.orderId);
      const item = e && expectationsMail(s, row, e);
      if (item) internal.push(item);
    }
    mailer.sendMany(internal);
  }
  return run;
}

/**
 * The share of each deadline's early reports this tick sends: the ready ones divided evenly
 * over the reports' ticks left before the deadline (this one included; gate.ts reportStepMs:
 * half the lead time apart), so the 18:00 reports of thousands of orders leave during
 * the lead time instead of piling up on the 18:00 tick.
 */
export function spreadEarly(early: ReadonlyMap<number, readonly MailItem[]>, now: number, leadMs: number): MailItem[] {
  const out: MailItem[] = [];
  const step = reportStepMs(leadMs);
  for (const [due, items] of early) {
    const ticksLeft = Math.max(1, Math.ceil((due - now) / step));
    out.push(...items.slice(0, Math.ceil(items.length / ticksLeft)));
  }
  return out;
}

/** The calling report of a row: to the client in their language, the sales manager in copy. */
function reportMail(s: Scheduler, row: SelectionRow, order: Row, data: CallingResult[], names: Map<string, string>): MailItem | string {
  const to = parseEmailCell(order.clientEmail);
  if (to.status !== 'ok') return say(s.ctx.locale, 'noClientEmail');
  const language = pickLanguage(cellText(order.clientLanguage));
  const sales = parseEmailCell(order.salesManager);
  const cc = sales.status === 'ok' ? [routeTo(s.ctx.staff(), sales.value, s.today).to] : [];
  const outcomeLabel = (key: string) => {
    const c = OUTCOMES.find((o) => o.key === key);
    return c ? choiceLabel(c, language) : key || say(language, 'outcomeUnknown');
  };
  const interview = (v: unknown) => (isDate(v) ? formatInstant(v.getTime(), s.ctx.zone, language) : cellText(v));
  const results = table(
    [
      say(language, 'colCandidate'),
      say(language, 'colPhone'),
      say(language, 'colOutcome'),
      say(language, 'colInterviewAt'),
      say(language, 'colComment'),
    ],
    data.map((r) => {
      const name = names.get(r.candidateId.toUpperCase());
      return [name ? `${name} (${r.candidateId})` : r.candidateId, r.phone, outcomeLabel(r.outcome), interview(r.interviewAt), r.comment];
    }),
  );
  const counts = new Map<string, number>();
  for (const r of data) counts.set(r.outcome, (counts.get(r.outcome) ?? 0) + 1);
  const summaryRows: Array<[string, number]> = OUTCOMES.map((o) => [choiceLabel(o, language), counts.get(o.key) ?? 0]);
  for (const [key, n] of counts) if (!OUTCOMES.some((o) => o.key === key)) summaryRows.push([outcomeLabel(key), n]);
  summaryRows.push([say(language, 'total'), data.length]);
  return {
    key: reportKey(row.orderId, row.number),
    to: [to.value],
    cc,
    template: 'report.calling',
    language,
    values: {
      client: cellText(order.client),
      contactPerson: cellText(order.contactPerson),
      orderId: row.orderId,
      callingDate: formatDay(row.callingDate!, language),
      summary: table([say(language, 'colOutcome'), say(language, 'colCount')], summaryRows),
      results,
    },
    replyTo: sales.status === 'ok' ? sales.value : undefined,
  };
}

/**
 * The names of candidates `ids` (upper-cased IDs → name). The Candidates tab grows with every
 * candidate ever recorded: unless this run read it already, only its ID column is read, then
 * the rows of those IDs.
 */
function candidateNames(s: Scheduler, ids: readonly string[]): Map<string, string> {
  const out = new Map<string, string>();
  const want = new Set(ids.map((id) => cellText(id).toUpperCase()).filter(Boolean));
  if (want.size === 0) return out;
  const whole = s.ctx.hasRead('candidates');
  const tab = whole ? s.ctx.tab('candidates') : readTabBlock(s.ctx.sheets.get('candidates'), 'candidates', 0, -1);
  if (!tab) return out;
  let indexes = tab.rows.map((_, i) => i);
  if (!whole) {
    indexes = [];
    readColumn(tab, 'candidateId').forEach((v, i) => want.has(cellText(v).toUpperCase()) && indexes.push(i));
    loadRows(tab, indexes);
  }
  for (const i of indexes) {
    if (!isLoaded(tab.rows[i])) continue;
    const rec = recordOf(tab, tab.rows[i]);
    const id = cellText(rec.candidateId).toUpperCase();
    if (id && want.has(id) && !isBlank(rec.name) && !out.has(id)) out.set(id, cellText(rec.name));
  }
  return out;
}

/** Overdue alerts to the same people go as one (alert.overdueList), listing each report. */
function overdueGroup(locale: Locale): MailGroup {
  const text = (v: unknown) => (typeof v === 'string' ? v : '');
  return {
    // The same people for the same responsible: two absent specialists with one deputy get two alerts, each naming its responsible.
    by: (item) => `${item.language}|${item.to.join(',')}|${text(item.values.responsible)}`,
    merge: (items) => ({
      ...items[0],
      template: 'alert.overdueList',
      values: {
        count: String(items.length),
        responsible: items[0].values.responsible,
        items: table(
          [say(locale, 'colOrder'), say(locale, 'colClient'), say(locale, 'colKind'), say(locale, 'colDue')],
          items.map((i) => [text(i.values.orderId), text(i.values.client), text(i.values.item), text(i.values.due)]),
        ),
        details: say(locale, 'overdueManyDetails'),
      },
    }),
  };
}

/** The overdue alert of a row: to the HR specialist (or their deputy) and their manager. */
function overdueMail(s: Scheduler, row: SelectionRow, order: Row | undefined): MailItem | string {
  const locale: Locale = s.ctx.locale;
  const hr = parseEmailCell(row.hrSpecialist || cellText(order?.hrSpecialist));
  const responsible = hr.status === 'ok' ? hr.value : '';
  const to = responsibleAndManager(s.ctx.staff(), responsible, s.today);
  if (to.length === 0) return say(locale, 'sendFailed', { error: 'no recipient' });
  return {
    key: overdueKey(row.orderId, row.number),
    to,
    template: 'alert.overdue',
    language: locale,
    values: {
      item: say(locale, 'itemReport', { date: formatDay(row.callingDate!, locale), n: row.number }),
      orderId: row.orderId,
      client: cellText(order?.client),
      due: formatInstant(row.reportDue!, s.ctx.zone, locale),
      responsible: responsible || '—',
      details: say(locale, 'overdueDetails'),
    },
  };
}
