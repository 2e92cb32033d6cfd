/**
 * Once per working day, from the first tick at or after 09:00 in the spreadsheet's zone:
 *
 * - Contract deadlines (issue 6, point 5; docs/DOMAIN.md §7). For a handed-off order with a contract
 *   (Contract link filled), each calendar month of the paid period has a work report due on
 *   the 5th working day after the month ends and an act due 5 days after the report
 *   (rules/deadlines.ts). The workbook has no tab for them (docs/DOMAIN.md §7), so they are listed where a person
 *   already looks: each reminder still to come is a Pending Outbox row (Key
 *   deadline|order|month|kind, Due = its morning, Subject = the deadline and its date), the
 *   sales manager gets it on the working day before (a reminder missed that day still goes
 *   until the due day), and the deadline is in the daily digest on its due day.
 * - The daily digest (point 6): each manager gets one e-mail listing what is overdue or due
 *   today for the people who report to them (Staff "Manager e-mail"; people with no manager
 *   go to Management): hand-offs waiting, handed-off orders HR has not received, HR answers
 *   waiting, calling reports not sent, calls without comments, contract deadlines due. A
 *   manager with nothing gets no e-mail. Outbox key digest|manager|date.
 *
 * The day is marked done (a script property) only when everything went out, so a run cut
 * short by the time limit is continued by the next tick without sending anything twice.
 */
import { agreementDue } from '../orders/rules/agreements';
import { contractDeadlines, DeadlineItem, deadlineItems, withReportSent } from './rules/deadlines';
import { findStaff, routeTo, departmentMembers } from '../../core/permissions';
import { CALL_STATUSES, choiceLabel, Locale, OUTBOX_STATES } from '../../core/schema';
import { answerOf, isPaymentRecorded, statusOf } from '../orders/rules/orders';
import { table } from '../../core/templates';
import { dayNumber, formatLocalDate, instantAt, isDate, LocalDate, localDateOf, wallClockOf } from '../../core/time';
import { cellText, isBlank, parseChoiceCell, parseDateCell, parseDateTimeCell, parseEmailCell, Row } from '../../core/values';
import { OutgoingMail } from '../../mail/outbox';
import { recordOf } from '../../google/records';
import { CellWriter } from './rows';
import { Mailer, MailItem } from '../../mail/mailer';
import { normId, Scheduler } from './env';
import { formatDay, formatInstant, formatMonth, say, TextKey } from './rules/messages';
import { expectationDigestItems, ExpectationsBook } from './expectations';
import { readResults } from './report';
import { digestSummary } from './rules/digest';
import { dutyDigestItems } from '../duties/digest';

export const DAILY_HOUR = 9;
export const DAILY_DONE = 'reglament.schedules.dailyDone';
/** Rows shown per digest; the rest are counted. */
export const DIGEST_MAX_ROWS = 100;

export interface DigestItem {
  kind: TextKey;
  orderId: string;
  /** Whose item it is (their manager gets it). */
  responsible: string;
  /** The managers to tell when `responsible` is empty or has none. */
  fallback?: 'hr' | 'management';
  dueMs?: number;
  dueDay?: LocalDate;
  overdue: boolean;
  details: string;
}

/** Is it time for today's daily pass (a working day, 09:00 or later, not done yet)? */
export function dailyDue(s: Scheduler): boolean {
  if (!s.ctx.workCalendar().isWorkingDayNumber(s.todayN)) return false;
  if (wallClockOf(s.ctx.zone, s.ctx.now.getTime()).hour < DAILY_HOUR) return false;
  return PropertiesService.getScriptProperties().getProperty(DAILY_DONE) !== formatLocalDate(s.today);
}

export function markDailyDone(s: Scheduler): void {
  PropertiesService.getScriptProperties().setProperty(DAILY_DONE, formatLocalDate(s.today));
}

interface ContractOrder {
  orderId: string;
  order: Row;
  items: ReturnType<typeof deadlineItems>;
  months: ReturnType<typeof contractDeadlines>;
}

/** Handed-off, not cancelled orders with a contract, and their deadlines. */
export function contractOrders(s: Scheduler): ContractOrder[] {
  const out: ContractOrder[] = [];
  for (const { rec } of s.orders.values()) {
    if (isBlank(rec.contractLink) || parseDateTimeCell(rec.handedOffAt).status !== 'ok' || statusOf(rec) === 'cancelled') continue;
    const from = parseDateCell(rec.paidFrom, s.ctx.zone);
    const to = parseDateCell(rec.paidTo, s.ctx.zone);
    if (from.status !== 'ok' || to.status !== 'ok') continue;
    // The act counts from when the report really went (Orders "Report sent at"), else from its due date.
    const sent = parseDateTimeCell(rec.reportSentAt);
    const sentDay = sent.status === 'ok' ? localDateOf(s.ctx.zone, sent.value) : undefined;
    const months = withReportSent(contractDeadlines(from.value, to.value, s.ctx.workCalendar()), sentDay, s.ctx.workCalendar());
    out.push({ orderId: cellText(rec.orderId), order: rec, months, items: deadlineItems(months) });
  }
  return out;
}

export function deadlineKey(orderId: string, month: string, kind: string): string {
  return `deadline|${orderId}|${month}|${kind}`;
}

function itemText(locale: Locale, kind: 'report' | 'act', month: string): string {
  return say(locale, kind === 'report' ? 'itemWorkReport' : 'itemAct', { month: formatMonth(month, locale) });
}

/** The reminder e-mail of one deadline, to the sales manager (their deputy when absent). */
function deadlineMail(s: Scheduler, c: ContractOrder, item: DeadlineItem): MailItem | undefined {
  const sales = parseEmailCell(c.order.salesManager);
  if (sales.status !== 'ok') return undefined;
  const locale = s.ctx.locale;
  const month = c.months.find((m) => m.month === item.month)!;
  return {
    key: deadlineKey(c.orderId, item.month, item.kind),
    to: [routeTo(s.ctx.staff(), sales.value, s.today).to],
    template: 'deadline.reminder',
    language: locale,
    values: {
      item: itemText(locale, item.kind, item.month),
      orderId: c.orderId,
      client: cellText(c.order.client),
      due: formatDay(item.due, locale),
      details: say(locale, 'deadlineDetails', {
        from: formatDay(month.periodFrom, locale),
        to: formatDay(month.periodTo, locale),
        signBy: formatDay(month.signBy, locale),
      }),
    },
  };
}

/**
 * The listing of contract deadlines: one Outbox row per reminder still to come — Key
 * deadline|order|month|kind, Due the reminder's morning (09:00 the working day before), a
 * Subject naming the deadline and its date, State Pending. A deadline that moved (paid
 * period changed) has its row updated; one that no longer exists (period shortened,
 * contract removed, order cancelled) is Cancelled; a reminder whose deadline passed unsent
 * is Missed. One append and one batched write.
 */
export function listDeadlines(s: Scheduler, mailer: Mailer, contracts: ContractOrder[]): void {
  const outbox = mailer.outbox;
  if (!outbox) return;
  const index = mailer.rows();
  const passed = new Set<string>();
  const fresh: Array<{ mail: OutgoingMail; due: Date }> = [];
  const wanted = new Set<string>();
  const w = new CellWriter(outbox);
  for (const c of contracts)
    for (const item of c.items) {
      const key = deadlineKey(c.orderId, item.month, item.kind);
      if (dayNumber(item.due) < s.todayN) {
        passed.add(key);
        continue;
      }
      const mailItem = deadlineMail(s, c, item);
      const mail = mailItem && mailer.compose(mailItem);
      if (!mail || typeof mail === 'string') continue;
      wanted.add(key);
      const due = new Date(instantAt(s.ctx.zone, item.remindOn, DAILY_HOUR));
      const row = index.get(key);
      if (!row) fresh.push({ mail, due });
      else if (row.state === 'pending') {
        w.set(row.index, 'due', due);
        w.set(row.index, 'subject', mail.subject);
        w.set(row.index, 'recipient', mail.to.join(', '));
      }
    }
  for (const [key, row] of index) {
    if (!key.startsWith('deadline|') || row.state !== 'pending' || wanted.has(key)) continue;
    const state = passed.has(key) ? 'missed' : 'cancelled';
    w.set(
      row.index,
      'state',
      choiceLabel(
        OUTBOX_STATES.find((x) => x.key === state)!,
        s.ctx.locale,
      ),
    );
    row.state = state;
  }
  w.flush();
  mailer.appendPending(fresh);
}

/** Reminds sales managers of contract deadlines (the working day before, or late until the day). Returns false when cut short. */
export function sendDeadlineReminders(s: Scheduler, mailer: Mailer, contracts: ContractOrder[]): boolean {
  const locale = s.ctx.locale;
  const batch: MailItem[] = [];
  let processed = 0;
  for (const c of contracts)
    for (const item of c.items) {
      if (dayNumber(item.remindOn) > s.todayN || dayNumber(item.due) < s.todayN) continue;
      const mailItem = deadlineMail(s, c, item);
      if (!mailItem || mailer.wasSent(mailItem.key)) continue;
      mailItem.done = (r) => {
        processed++;
        if (r.outcome === 'sent')
          s.ctx.log({ tab: '', rowKey: mailItem.key, action: say(locale, 'logDeadlineReminder'), details: mailItem.to.join(', ') });
      };
      batch.push(mailItem);
    }
  mailer.sendMany(batch);
  return processed === batch.length;
}

/** Everything overdue or due today, for the digest. */
export function digestItems(s: Scheduler, mailer: Mailer, contracts: ContractOrder[]): DigestItem[] {
  const locale = s.ctx.locale;
  const now = s.ctx.now.getTime();
  const items: DigestItem[] = [];
  const dayOf = (v: unknown): LocalDate | undefined => (isDate(v) ? localDateOf(s.ctx.zone, v.getTime()) : undefined);

  for (const { rec } of s.orders.values()) {
    if (statusOf(rec) === 'cancelled') continue;
    const orderId = cellText(rec.orderId);
    const handedOff = parseDateTimeCell(rec.handedOffAt);
    if (handedOff.status !== 'ok') {
      if (!isPaymentRecorded(rec, { zone: s.ctx.zone, today: s.today })) continue;
      const paid = dayOf(rec.paymentReceived);
      items.push({
        kind: 'kindHandOff',
        orderId,
        responsible: cellText(rec.salesManager),
        fallback: 'management',
        dueDay: paid,
        overdue: !!paid && dayNumber(paid) < s.todayN,
        details: cellText(rec.client),
      });
    } else if (isBlank(rec.hrReceived)) {
      const day = localDateOf(s.ctx.zone, handedOff.value);
      items.push({
        kind: 'kindHrReceipt',
        orderId,
        responsible: cellText(rec.hrSpecialist),
        fallback: 'hr',
        dueDay: day,
        overdue: dayNumber(day) < s.todayN,
        details: cellText(rec.client),
      });
    }
  }

  // HR answers: requests e-mailed to HR (Outbox agreement-request:<id>:…) still unanswered.
  const filed = new Map<string, number>();
  for (const row of mailer.rows().values()) {
    const m = /^agreement-request:([^:]+):/.exec(row.key);
    if (!m || !isDate(row.due)) continue;
    const t = row.due.getTime();
    if (!filed.has(m[1]) || t < filed.get(m[1])!) filed.set(m[1], t);
  }
  const agreements = s.ctx.tab('agreements');
  if (agreements && filed.size)
    for (const row of agreements.rows) {
      const rec = recordOf(agreements, row);
      const id = cellText(rec.agreementId);
      const at = filed.get(id);
      if (at === undefined || answerOf(rec) !== 'pending') continue;
      const due = agreementDue(at, s.ctx.zone, (d) => s.ctx.workCalendar().nextWorkingDay(d));
      if (dayNumber(due.dueDate) > s.todayN) continue;
      const order = s.orders.get(normId(rec.orderId))?.rec;
      items.push({
        kind: 'kindHrAnswer',
        orderId: cellText(rec.orderId),
        responsible: cellText(rec.hrSpecialist) || cellText(order?.hrSpecialist),
        fallback: 'hr',
        dueDay: due.dueDate,
        overdue: now >= due.overdueFromMs,
        details: id,
      });
    }

  for (const list of s.rows.values())
    for (const row of list) {
      if (row.reportSent || !row.callingDate || row.reportDue === undefined || dayNumber(row.callingDate) > s.todayN) continue;
      items.push({
        kind: 'kindReport',
        orderId: row.orderId,
        responsible: row.hrSpecialist,
        fallback: 'hr',
        dueMs: row.reportDue,
        overdue: now >= row.reportDue,
        details: say(locale, 'reportDetails', { n: row.number, date: formatDay(row.callingDate, locale) }),
      });
    }

  const calls = s.ctx.tab('calls');
  if (calls)
    for (const row of calls.rows) {
      const rec = recordOf(calls, row);
      if (!isDate(rec.start) || rec.start.getTime() >= now || !isBlank(rec.comment)) continue;
      const status = parseChoiceCell(rec.status, CALL_STATUSES);
      if (status.status === 'ok' && status.value.key === 'cancelled') continue;
      items.push({
        kind: 'kindCallComment',
        orderId: cellText(rec.orderId),
        responsible: cellText(rec.managerEmail),
        fallback: 'management',
        dueMs: rec.start.getTime(),
        overdue: dayNumber(localDateOf(s.ctx.zone, rec.start.getTime())) < s.todayN,
        details: [cellText(rec.callId), cellText(rec.type)].filter(Boolean).join(', '),
      });
    }

  items.push(...expectationDigestItems(s, new ExpectationsBook(s, readResults(s))));
  items.push(...dutyDigestItems(s));

  for (const c of contracts)
    for (const item of c.items) {
      if (dayNumber(item.due) !== s.todayN) continue;
      items.push({
        kind: 'kindContract',
        orderId: c.orderId,
        responsible: cellText(c.order.salesManager),
        fallback: 'management',
        dueDay: item.due,
        overdue: false,
        details: itemText(locale, item.kind, item.month),
      });
    }
  return items;
}

/** The managers an item goes to: the responsible person's manager; else the fallback department's managers. */
function managersOf(s: Scheduler, item: DigestItem): string[] {
  const staff = s.ctx.staff();
  const out = new Set<string>();
  const email = parseEmailCell(item.responsible);
  // A calls row names its manager directly.
  if (item.kind === 'kindCallComment' && email.status === 'ok') out.add(email.value.toLowerCase());
  else {
    const manager = email.status === 'ok' ? findStaff(staff, email.value)?.managerEmail : undefined;
    if (manager) out.add(manager);
    else if (item.fallback === 'hr') for (const m of departmentMembers(staff, 'hr')) if (m.managerEmail) out.add(m.managerEmail);
  }
  if (out.size === 0) for (const m of departmentMembers(staff, 'management')) out.add(m.email);
  return [...out].map((m) => routeTo(staff, m, s.today).to);
}

/** Sends each manager's digest. Returns false when cut short. */
export function sendDigests(s: Scheduler, mailer: Mailer, items: DigestItem[]): boolean {
  const locale = s.ctx.locale;
  const byManager = new Map<string, DigestItem[]>();
  for (const item of items)
    for (const m of managersOf(s, item)) {
      const list = byManager.get(m);
      if (list) list.push(item);
      else byManager.set(m, [item]);
    }
  const date = formatLocalDate(s.today);
  for (const [manager, list] of byManager) {
    const key = `digest|${manager}|${date}`;
    if (mailer.wasSent(key)) continue;
    if (!s.timeLeft()) return false;
    list.sort((a, b) => Number(b.overdue) - Number(a.overdue) || dueOf(a) - dueOf(b) || a.orderId.localeCompare(b.orderId));
    const shown = list.slice(0, DIGEST_MAX_ROWS);
    const rows = shown.map((i) => [
      say(locale, i.kind),
      i.orderId,
      i.responsible || '—',
      `${i.dueMs !== undefined ? formatInstant(i.dueMs, s.ctx.zone, locale) : i.dueDay ? formatDay(i.dueDay, locale) : '—'} (${say(locale, i.overdue ? 'overdue' : 'today')})`,
      i.details,
    ]);
    if (list.length > shown.length) rows.push([say(locale, 'more', { count: list.length - shown.length }), '', '', '', '']);
    let finished = false;
    mailer.send({
      key,
      to: [manager],
      template: 'digest.daily',
      language: locale,
      values: {
        date: formatDay(s.today, locale),
        count: list.length,
        summary: digestSummary(list, s.ctx.zone, locale),
        items: table(
          [say(locale, 'colKind'), say(locale, 'colOrder'), say(locale, 'colResponsible'), say(locale, 'colDue'), say(locale, 'colDetails')],
          rows,
        ),
      },
      done: (r) => {
        finished = true;
        if (r.outcome === 'sent')
          s.ctx.log({
            tab: '',
            rowKey: key,
            action: say(locale, 'logDigest'),
            details: say(locale, 'logDigestDetails', { manager, count: list.length }),
          });
      },
    });
    if (!finished || mailer.quotaOut) return false;
  }
  return true;
}

function dueOf(i: DigestItem): number {
  if (i.dueMs !== undefined) return i.dueMs;
  return i.dueDay ? dayNumber(i.dueDay) * 86400000 : 0;
}

/** The daily pass: reminders, then the digest; the day is marked done when both finished. */
export function runDaily(s: Scheduler, mailer: Mailer): boolean {
  const contracts = contractOrders(s);
  listDeadlines(s, mailer, contracts);
  if (!sendDeadlineReminders(s, mailer, contracts)) return false;
  if (!sendDigests(s, mailer, digestItems(s, mailer, contracts))) return false;
  markDailyDone(s);
  return true;
}
