/**
 * The homepage, "my day", for the person signed in (their Staff row by e-mail): my calls
 * today (I manage the call or sell its order) with their meeting links, the reports due by
 * 18:00 today (my Selections), the HR agreements waiting for my answer, and the handed-off
 * orders waiting for HR receipt (mine as HR specialist or as Sales manager). Each list reads
 * the one or two columns it filters on, then only the rows it shows.
 */
import { CALL_STATUSES, CALL_TYPES, choiceLabel, findChoice } from '../core/schema';
import { isDate, localDateOf } from '../core/time';
import { cellText, isBlank } from '../core/values';
import { columnOf, ordersById, recordsAt, rowsWhere, shellOf } from '../ui/server/read';
import { loadRows } from '../google/workbook';
import { fmtWhen } from '../ui/server/view';
import { AddonRun } from './context';
import { buttons, card, field, linkButton, paragraph, section } from './widgets';
import { say } from './text';
import { findSyncSheet, SYNC_MEET_COLUMN } from '../features/calls/sync';

const lower = (v: unknown) => cellText(v).trim().toLowerCase();
const MAX = 20;
const MEET = /^https:\/\/meet\.google\.com\//;

/**
 * The Meet links the engine had Calendar generate (kept in the hidden calendar-sync tab, which
 * editors can read): two columns, read only when one of today's calls has no link in its row.
 */
function generatedMeetLinks(run: AddonRun, callIds: string[]): Map<string, string> {
  const links = new Map<string, string>();
  if (callIds.length === 0) return links;
  const sheet = findSyncSheet(run.ctx.ss, run.ctx.locale);
  const rows = sheet ? sheet.getLastRow() - 1 : 0;
  if (!sheet || rows < 1) return links;
  const wanted = new Set(callIds);
  const ids = sheet.getRange(2, 1, rows, 1).getValues();
  const urls = sheet.getRange(2, SYNC_MEET_COLUMN, rows, 1).getValues();
  ids.forEach((r, i) => {
    const id = cellText(r[0]).trim();
    if (wanted.has(id) && MEET.test(cellText(urls[i][0]))) links.set(id, cellText(urls[i][0]));
  });
  return links;
}

export function myDayCard(run: AddonRun): GoogleAppsScript.Card_Service.Card {
  const { ctx } = run;
  const L = ctx.locale;
  const me = run.user.toLowerCase();
  const today = localDateOf(ctx.zone, ctx.now.getTime());
  const isToday = (v: unknown) => {
    if (!isDate(v)) return false;
    const d = localDateOf(ctx.zone, v.getTime());
    return d.year === today.year && d.month === today.month && d.day === today.day;
  };
  const list = (header: string, widgets: GoogleAppsScript.Card_Service.Widget[]) =>
    section(header, widgets.length ? widgets : [paragraph(say(L, 'nothing'))]);

  // My calls today.
  const callsToday = rowsWhere(ctx, 'calls', 'start', isToday, 200);
  const calls = recordsAt(callsToday.tab, callsToday.indexes);
  const sms = ordersById(
    ctx,
    calls.map((c) => cellText(c.orderId)),
  );
  const mine = calls
    .filter((c) => lower(c.managerEmail) === me || lower(sms.get(cellText(c.orderId).trim())?.salesManager) === me)
    .filter((c) => (isBlank(c.status) ? 'scheduled' : findChoice(CALL_STATUSES, cellText(c.status))?.key) !== 'cancelled')
    .sort((a, b) => (a.start as Date).getTime() - (b.start as Date).getTime())
    .slice(0, MAX);
  const callWidgets: GoogleAppsScript.Card_Service.Widget[] = [];
  const meet = generatedMeetLinks(
    run,
    mine.filter((c) => !MEET.test(cellText(c.meetingLink))).map((c) => cellText(c.callId).trim()),
  );
  for (const c of mine) {
    const type = findChoice(CALL_TYPES, cellText(c.type));
    const client = cellText(sms.get(cellText(c.orderId).trim())?.client);
    callWidgets.push(field(fmtWhen(ctx, c.start), [cellText(c.callId), type ? choiceLabel(type, L) : '', client].filter(Boolean).join(' · ')));
    const link = MEET.test(cellText(c.meetingLink)) ? cellText(c.meetingLink) : meet.get(cellText(c.callId).trim()) || '';
    if (MEET.test(link)) callWidgets.push(buttons(linkButton(say(L, 'bOpenMeet'), link)));
  }

  // Reports due by 18:00 today: my selections whose calling day is today and whose report is not sent.
  const due = rowsWhere(ctx, 'selections', 'hrSpecialist', (v) => lower(v) === me, 500);
  const reports = recordsAt(due.tab, due.indexes)
    .filter((s) => (isToday(s.reportDue) || isToday(s.callingDate)) && isBlank(s.reportSentAt))
    .slice(0, MAX)
    .map((s) => field(cellText(s.orderId), `№${cellText(s.number)}`, isDate(s.reportDue) ? fmtWhen(ctx, s.reportDue) : ''));

  // HR agreements waiting for my answer.
  const agr = rowsWhere(ctx, 'agreements', 'hrSpecialist', (v) => lower(v) === me, 200);
  const agreements = recordsAt(agr.tab, agr.indexes)
    .filter((a) => isBlank(a.answer))
    .slice(0, MAX)
    .map((a) => field(cellText(a.agreementId), cellText(a.orderId), cellText(a.requestedBy)));

  // Handed-off orders waiting for HR receipt (mine as HR specialist or Sales manager).
  const handed = columnOf(ctx, 'orders', 'handedOffAt');
  const received = columnOf(ctx, 'orders', 'hrReceived');
  const waiting = handed.map((v, i) => (isDate(v) && isBlank(received[i]) ? i : -1)).filter((i) => i >= 0);
  const ordersTab = shellOf(ctx, 'orders');
  const picked = waiting.slice(-200);
  if (ordersTab) loadRows(ordersTab, picked);
  const receipts = recordsAt(ordersTab, picked)
    .filter((o) => lower(o.hrSpecialist) === me || lower(o.salesManager) === me)
    .slice(-MAX)
    .map((o) => field(cellText(o.orderId), cellText(o.client), fmtWhen(ctx, o.handedOffAt)));

  const name = run.staff?.name || run.user;
  return card(say(L, 'myDay'), `${name} · ${fmtWhen(ctx, ctx.now)}`, [
    list(say(L, 'secMyCalls'), callWidgets),
    list(say(L, 'secReports'), reports),
    list(say(L, 'secAgreements'), agreements),
    list(say(L, 'secReceipts'), receipts),
  ]);
}
