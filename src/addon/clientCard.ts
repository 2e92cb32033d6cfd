/**
 * Gmail: the client's card, on opening a mail whose sender is an order's client e-mail (or
 * another contact of it), or a staff member's mail naming an order ID in its subject. The
 * message is read with the gmail.addons.current.message.metadata scope only (sender and
 * subject), after GmailApp.setCurrentMessageAccessToken as Google requires.
 *
 * What the card shows comes from the sidebar's state of the order row (the same checklist
 * the sheet's rules make) and from the Selections and Calls rows of that order.
 */
import { CALL_STATUSES, CALL_TYPES, choiceLabel, findChoice, tabDef } from '../core/schema';
import { findStaff } from '../core/permissions';
import { instantAt, isDate, localDateOf } from '../core/time';
import { cellText, isBlank } from '../core/values';
import { scheduleCall, scheduleForm } from '../ui/server/callActions';
import { FormValues } from '../ui/server/outcome';
import { recordsAt, rowsWhere } from '../ui/server/read';
import { assertMayEdit } from '../ui/server/rights';
import { locate, Refusal, refuse, RowAt } from '../ui/server/rows';
import { writeAsPerson } from '../ui/server/write';
import { sidebarState } from '../ui/server/state';
import { fmtWhen } from '../ui/server/view';
import { AddonRun } from './context';
import { dateOf, FormInputs, instantOf, stringOf } from './inputs';
import { button, buttons, card, field, input, messageCard, paragraph, section } from './widgets';
import { say } from './text';

type Card = GoogleAppsScript.Card_Service.Card;

const ORDER_ID = /\bORD-\d{4}-\d{3,}\b/i;
const lower = (v: unknown) => cellText(v).trim().toLowerCase();

export interface Mail {
  messageId: string;
  from: string;
  subject: string;
}

/** The bare address of a From header ("Name <a@b>" → a@b). */
export function addressOf(from: string): string {
  const m = /<([^>]+)>/.exec(from);
  return (m ? m[1] : from).trim().toLowerCase();
}

/** The mail's link in Gmail (the payment document when it is a payment order). */
export function mailLink(messageId: string): string {
  return `https://mail.google.com/mail/u/0/#all/${encodeURIComponent(messageId)}`;
}

/** The order the mail is about: by an order ID in the subject, else the sender's newest order. */
export function orderOfMail(run: AddonRun, mail: Mail): RowAt | null {
  const sender = addressOf(mail.from);
  const named = ORDER_ID.exec(mail.subject);
  const orders = run.ctx.sheets.get('orders');
  if (!orders) return null;
  const isStaff = !!findStaff(run.ctx.staff(), sender);
  let rec: Record<string, unknown> | undefined;
  if (named) {
    const byId = rowsWhere(run.ctx, 'orders', 'orderId', (v) => lower(v) === named[0].toLowerCase(), 1);
    rec = recordsAt(byId.tab, byId.indexes)[0];
    // A client naming someone else's order sees nothing of it.
    if (rec && !isStaff && lower(rec.clientEmail) !== sender) rec = undefined;
  }
  if (!rec && !isStaff) {
    const mine = rowsWhere(run.ctx, 'orders', 'clientEmail', (v) => lower(v) === sender, 1);
    rec = recordsAt(mine.tab, mine.indexes)[0];
  }
  if (!rec) return null;
  return locate(run.ctx, { sheet: orders.getName(), row: 0, id: cellText(rec.orderId) }, 'orders');
}

export function clientCard(run: AddonRun, at: RowAt, mail: Mail): Card {
  const { ctx } = run;
  const L = ctx.locale;
  const rec = at.rec;
  const state = sidebarState(ctx, { sheet: at.tab.sheet.getName(), row: at.rowNumber, id: at.id }, run.user, run.owner);
  const order = section(say(L, 'secOrder'), [
    field(say(L, 'lOrder'), at.id, [cellText(rec.client), cellText(rec.vacancy)].filter(Boolean).join(' · ')),
    field(say(L, 'lStatus'), state.status || cellText(rec.status)),
  ]);
  const missing = state.checklist.filter((c) => !c.ok).map((c) => `✗ ${c.label}${c.detail ? ` — ${c.detail}` : ''}`);
  const sections = [order, section(say(L, 'secMissing'), [paragraph(missing.join('\n') || say(L, 'allThere'))])];
  sections.push(planSection(run, at.id));
  sections.push(upcomingSection(run, at.id));
  sections.push(paymentSection(run, at, mail));
  return card(`${say(L, 'clientCard')} ${at.id}`, cellText(rec.client), sections);
}

function planSection(run: AddonRun, orderId: string): GoogleAppsScript.Card_Service.CardSection {
  const { ctx } = run;
  const L = ctx.locale;
  const { tab, indexes } = rowsWhere(ctx, 'selections', 'orderId', (v) => lower(v) === orderId.toLowerCase(), 200);
  const rows = recordsAt(tab, indexes);
  const today = instantAt(ctx.zone, localDateOf(ctx.zone, ctx.now.getTime()));
  const next = (key: string) =>
    rows
      .map((r) => r[key])
      .filter((d): d is Date => isDate(d) && d.getTime() >= today)
      .sort((a, b) => a.getTime() - b.getTime())[0];
  const sent = rows
    .map((r) => r.reportSentAt)
    .filter((d): d is Date => isDate(d))
    .sort((a, b) => b.getTime() - a.getTime())[0];
  return section(say(L, 'secPlan'), [
    field(say(L, 'lNextSelection'), next('selectionDate') ? fmtWhen(ctx, next('selectionDate')) : ''),
    field(say(L, 'lNextCalling'), next('callingDate') ? fmtWhen(ctx, next('callingDate')) : ''),
    field(say(L, 'lLastReport'), sent ? fmtWhen(ctx, sent) : ''),
  ]);
}

function upcomingSection(run: AddonRun, orderId: string): GoogleAppsScript.Card_Service.CardSection {
  const { ctx } = run;
  const L = ctx.locale;
  const { tab, indexes } = rowsWhere(ctx, 'calls', 'orderId', (v) => lower(v) === orderId.toLowerCase(), 200);
  const calls = recordsAt(tab, indexes)
    .filter((c) => isDate(c.start) && c.start.getTime() >= ctx.now.getTime())
    .filter((c) => (isBlank(c.status) ? 'scheduled' : findChoice(CALL_STATUSES, cellText(c.status))?.key) === 'scheduled')
    .sort((a, b) => (a.start as Date).getTime() - (b.start as Date).getTime())
    .slice(0, 10);
  const widgets = calls.map((c) => {
    const type = findChoice(CALL_TYPES, cellText(c.type));
    return field(fmtWhen(ctx, c.start), [cellText(c.callId), type ? choiceLabel(type, L) : cellText(c.type)].filter(Boolean).join(' · '));
  });
  widgets.push(buttons(button(say(L, 'bSchedule'), 'addonScheduleForm', { orderId })));
  return section(say(L, 'secUpcoming'), calls.length ? widgets : [paragraph(say(L, 'nothing')), ...widgets]);
}

function paymentSection(run: AddonRun, at: RowAt, mail: Mail): GoogleAppsScript.Card_Service.CardSection {
  const L = run.ctx.locale;
  const rec = at.rec;
  if (isDate(rec.paymentReceived))
    return section(say(L, 'secPayment'), [
      field(say(L, 'lPaymentDate'), fmtWhen(run.ctx, rec.paymentReceived), cellText(rec.paymentDocumentLink)),
    ]);
  const today = localDateOf(run.ctx.zone, run.ctx.now.getTime());
  const date = CardService.newDatePicker()
    .setFieldName('paymentDate')
    .setTitle(say(L, 'lPaymentDate'))
    .setValueInMsSinceEpoch(Date.UTC(today.year, today.month - 1, today.day));
  return section(say(L, 'secPayment'), [
    date,
    input('paymentLink', say(L, 'lPaymentLink'), mailLink(mail.messageId)),
    buttons(button(say(L, 'bRecordPayment'), 'addonRecordPayment', { orderId: at.id }, true)),
  ]);
}

/** Writes Payment received (and its document link) as the person would type them. */
export function recordPayment(run: AddonRun, orderId: string, inputs: FormInputs): { message: string; queued: boolean } {
  const { ctx } = run;
  const L = ctx.locale;
  const orders = ctx.sheets.get('orders');
  const at = (orders && locate(ctx, { sheet: orders.getName(), row: 0, id: orderId }, 'orders')) || refuse(L, 'pickOrderRow');
  const col = (k: string) => tabDef('orders').columns.find((c) => c.key === k)![L];
  if (isDate(at.rec.paymentReceived)) throw new Refusal(say(L, 'paymentAlready', { id: at.id, date: fmtWhen(ctx, at.rec.paymentReceived) }));
  const date = dateOf(inputs, 'paymentDate') ?? refuse(L, 'fieldRequired', { field: col('paymentReceived') });
  const cells: Record<string, unknown> = { paymentReceived: new Date(instantAt(ctx.zone, date)) };
  const link = stringOf(inputs, 'paymentLink');
  if (link) cells.paymentDocumentLink = link;
  assertMayEdit(ctx, run.user, run.owner, 'orders', Object.keys(cells), at.rec);
  const written = writeAsPerson(ctx, at.tab, at.index, cells, run.user, run.owner, say(L, 'bRecordPayment'));
  const queued = written.mode === 'queued';
  return { message: say(L, queued ? 'paymentQueued' : 'paymentSaved', { id: at.id }), queued };
}

/** "Schedule a call…": the sidebar's schedule form, as a card. */
export function scheduleCard(run: AddonRun, orderId: string): Card {
  const { ctx } = run;
  const L = ctx.locale;
  const orders = ctx.sheets.get('orders');
  const ref = orders ? { sheet: orders.getName(), row: 0, id: orderId } : null;
  const form = scheduleForm(ctx, ref, run.user, run.owner);
  if (!form.allowed) return messageCard(say(L, 'scheduleCard'), say(L, 'readOnly', { reason: form.reason }));
  const type = CardService.newSelectionInput().setType(CardService.SelectionInputType.DROPDOWN).setFieldName('type').setTitle(say(L, 'lType'));
  for (const t of form.types) type.addItem(t.label, t.key, t.key === form.defaults.type);
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(form.defaults.start)!;
  const start = CardService.newDateTimePicker()
    .setFieldName('start')
    .setTitle(say(L, 'lStart'))
    .setValueInMsSinceEpoch(instantAt(ctx.zone, { year: +m[1], month: +m[2], day: +m[3] }, +m[4], +m[5]));
  const candidates = form.candidates.filter((c) => c.orderId === orderId);
  const widgets: GoogleAppsScript.Card_Service.Widget[] = [
    type,
    start,
    input('duration', say(L, 'lDuration'), form.defaults.duration),
    input('clientEmail', form.labels.clientEmail, form.defaults.clientEmail),
    input('candidateIds', `${say(L, 'lCandidateIds')}${candidates.length ? ` (${candidates.map((c) => c.id).join(', ')})` : ''}`, ''),
    input('managerEmail', form.labels.managerEmail, form.defaults.managerEmail),
    buttons(button(say(L, 'bSchedule'), 'addonScheduleCall', { orderId }, true)),
  ];
  return card(say(L, 'scheduleCard'), orderId, [section('', widgets)]);
}

export function submitSchedule(run: AddonRun, orderId: string, inputs: FormInputs): { message: string; queued: boolean; details: string[] } {
  const { ctx } = run;
  const startMs = instantOf(inputs, 'start');
  let start = '';
  if (startMs !== null) {
    const w = localDateOf(ctx.zone, startMs);
    const clock = new Date(startMs + ctx.zone.offsetAt(startMs) * 60000);
    const p = (n: number) => String(n).padStart(2, '0');
    start = `${w.year}-${p(w.month)}-${p(w.day)}T${p(clock.getUTCHours())}:${p(clock.getUTCMinutes())}`;
  }
  const form: FormValues = {
    type: stringOf(inputs, 'type'),
    orderId,
    start,
    duration: stringOf(inputs, 'duration'),
    clientEmail: stringOf(inputs, 'clientEmail'),
    candidateIds: stringOf(inputs, 'candidateIds'),
    managerEmail: stringOf(inputs, 'managerEmail'),
  };
  const out = scheduleCall(ctx, form, run.user, run.owner);
  return { message: out.message, queued: out.queued, details: out.details };
}

export function noOrderCard(run: AddonRun, mail: Mail): Card {
  return messageCard(say(run.ctx.locale, 'appName'), say(run.ctx.locale, 'noOrder', { from: addressOf(mail.from) }));
}
