/**
 * The after-first-call steps of a run (rules/after-first-call.ts says which and why), and
 * the work that closes them:
 *
 * - a Done First call with a valid comment sets its order's Client status and Client since
 *   (the system's Orders columns; one row write, once per order);
 * - it fills the call's "Agreed e-mail" from the comment's Next Step (only while empty and
 *   not yet queued) and queues the client's mail as a Pending Outbox row (key agreed:<call>)
 *   due after Settings "Agreed e-mail delay"; the tick sends it from the cell as it is then;
 *   the manager's clearing the cell, the call no longer Done, or its row gone cancels it;
 * - a Scheduled Interview ahead gets one mail to the client with its candidates' resume links
 *   (resumes:<call>:<ids>) and a mail of their own to each candidate with the client's public
 *   facts, date and time (interviewNotice:<call>:<id>:<start>): at once when the edit's call has
 *   its meeting link (a move), else at the tick — Google makes a new event's Meet link a little
 *   later (issue 15: a moved interview costs no full tick of its own).
 *
 * Every mail goes through src/mail (outbox.sendAllOnce / deliver): one Outbox key, sent once
 * under the caller's lock, a send killed halfway left Failed for a person, never resent.
 * Cost: the Calls, Candidates, Orders and Outbox tabs are the run's (read once); Orders is
 * written one row per order that becomes a client.
 */
import { PlannedCall } from './rules/calls';
import { leaveWork } from '../../app/gate';
import { isEmail } from './rules/indexes';
import { FirstCallFieldKey, readFields } from './rules/comments';
import {
  afterFirstCallText,
  agreedDelay,
  agreedKey,
  callIdOfAgreedKey,
  candidateNoticeKey,
  clientInfo,
  clientStatusCells,
  firstCallSteps,
  interviewSteps,
  stepFailures,
  stepsText,
  InterviewCandidate,
  isClientStatus,
  isResumeLink,
  MailState,
  resumeLines,
  resumesKey,
  Step,
} from './rules/after-first-call';
import { CALL_STATUSES, CALL_TYPES, findChoice } from '../../core/schema';
import { isDate } from '../../core/time';
import { TemplateKey, TemplateValues } from '../../core/templates';
import { isZoneId } from '../../core/zones';
import { reminderValues } from './rules/reminders';
import { composeMail } from '../../mail/mailer';
import { deliver, OutgoingMail, outboxState, sendAllOnce, writeState } from '../../mail/outbox';
import { findRowIndex, recordOf, writeRowCells } from '../../google/records';
import { appendRows, cell } from '../../google/workbook';
import { afterMailError, quotaHit } from './sending';
import { CallsRun, Plan, outboxLabel, text } from './run';

/** A Calls row as the steps of other rows need it. */
interface CallRowView {
  type: string | undefined;
  status: string | undefined;
  orderId: string;
  start: number | null;
  comment: string;
}

function viewOf(rec: Record<string, unknown>): CallRowView {
  const status = text(rec.status) ? findChoice(CALL_STATUSES, text(rec.status))?.key : 'scheduled';
  return {
    type: findChoice(CALL_TYPES, text(rec.type))?.key,
    status,
    orderId: text(rec.orderId),
    start: isDate(rec.start) ? rec.start.getTime() : null,
    comment: typeof rec.comment === 'string' ? rec.comment : '',
  };
}

/** Does the First call's work and puts the open steps on the rows; at a tick also sends what is due. */
export function afterFirstCalls(run: CallsRun, tick: boolean): void {
  const views = run.calls.rows.map((r) => viewOf(recordOf(run.calls, r)));
  cancelStale(run);
  const firsts = run.plans.filter((p) => p.index >= 0 && !p.removed && p.call?.type === 'first' && p.status === 'done' && p.commentOk);
  const statusSet = new Map<Plan, { orderFound: boolean; set: boolean }>();
  for (const plan of firsts) {
    statusSet.set(plan, clientStatus(run, plan, plan.call!));
    queueAgreed(run, plan, plan.call!);
  }
  if (tick) sendAgreedDue(run);
  for (const plan of run.plans) {
    if (plan.index < 0 || plan.removed) continue;
    const call = plan.call;
    let steps: Step[] = [];
    const status = statusSet.get(plan);
    if (call && status) steps = firstCallStepsOf(run, plan, call, views, status);
    else if (call && isInterviewAhead(run, plan, call)) steps = interview(run, plan, call, views, tick);
    else if (plan.call === null && plan.status !== 'cancelled') continue; // a row with errors keeps its checklist as it was
    plan.problems.push(...stepFailures(steps));
    run.set('afterCallSteps', plan.index, stepsText(steps, run.locale));
  }
}

/** A Scheduled Interview still ahead, with candidates, of an order on Orders (the client the candidates will meet). */
function isInterviewAhead(run: CallsRun, plan: Plan, call: PlannedCall): boolean {
  return (
    call.type === 'interview' &&
    plan.status === 'scheduled' &&
    call.start > run.now &&
    call.candidates.length > 0 &&
    run.orders.has(call.orderId)
  );
}

function mailState(run: CallsRun, key: string): { state: MailState; error: string } {
  const row = run.index().get(key);
  if (!row || !run.outbox) return { state: 'none', error: '' };
  return { state: (row.state as MailState | undefined) ?? 'pending', error: text(cell(run.outbox, run.outbox.rows[row.index], 'lastError')) };
}

// ---- the First call ----

/** The order becomes a client with the call's date and time (once: the first Done First call stands). */
function clientStatus(run: CallsRun, plan: Plan, call: PlannedCall): { orderFound: boolean; set: boolean } {
  const orders = run.ctx.tab('orders');
  const orderIndex = call.orderId && orders ? findRowIndex(orders, 'orderId', call.orderId) : -1;
  if (!orders || orderIndex < 0) return { orderFound: false, set: false };
  const cells = clientStatusCells(recordOf(orders, orders.rows[orderIndex]), call.start, run.locale);
  if (cells) {
    writeRowCells(orders, orderIndex, cells);
    run.ctx.log({
      tab: orders.sheet.getName(),
      rowKey: call.orderId,
      action: afterFirstCallText(run.locale, 'logClientStatus'),
      details: `${plan.callId} · ${run.when(call.start)}`,
    });
  }
  return { orderFound: true, set: isClientStatus(cell(orders, orders.rows[orderIndex], 'clientStatus')) };
}

function firstCallStepsOf(
  run: CallsRun,
  plan: Plan,
  call: PlannedCall,
  views: readonly CallRowView[],
  status: { orderFound: boolean; set: boolean },
): Step[] {
  const key = agreedKey(plan.callId);
  const m = mailState(run, key);
  const row = run.index().get(key);
  const due = row && isDate(row.due) ? run.when(row.due.getTime()) : '';
  const interviewScheduled = views.some(
    (v) => v.type === 'interview' && v.status !== 'cancelled' && v.orderId === call.orderId && (v.start === null || v.start >= call.start),
  );
  return firstCallSteps({
    orderId: call.orderId,
    orderFound: status.orderFound,
    clientStatusSet: status.set,
    clientEmailOk: isEmail(call.clientEmail),
    agreed: { state: m.state, due, error: m.error },
    interviewScheduled,
  });
}

/**
 * Queues the client's mail once (the cell filled from Next Step while empty); a Pending one
 * whose cell the manager cleared is cancelled.
 */
function queueAgreed(run: CallsRun, plan: Plan, call: PlannedCall): void {
  const outbox = run.outbox;
  if (!outbox || !isEmail(call.clientEmail)) return;
  const key = agreedKey(plan.callId);
  const existing = run.index().get(key);
  const typed = text(plan.rec.agreedMail);
  if (existing) {
    if (existing.state === 'pending' && !typed) cancelAgreed(run, existing.index, plan.callId);
    return;
  }
  const fields = plan.comment?.fields ?? {};
  const agreed = typed || (fields.nextStep ?? '');
  if (!agreed) return;
  // The manager's column: one cell of this row, written only while it is empty.
  if (!typed) {
    writeRowCells(run.calls, plan.index, { agreedMail: agreed });
    plan.rec.agreedMail = agreed;
  }
  const delay = agreedDelay(run.ctx.settings.agreedMailDelay ?? '');
  if (delay.problem) plan.problems.push(delay.problem);
  // Counted from the minute the call was seen Done (the Outbox's Due reads in minutes).
  const due = new Date(Math.floor(run.now / 60000) * 60000 + delay.minutes * 60000);
  const mail = agreedMail(run, plan, call);
  appendRows(outbox, [
    {
      key,
      due,
      recipient: call.clientEmail,
      template: 'firstCall.agreed',
      subject: typeof mail === 'string' ? '' : mail.subject,
      state: outboxLabel('pending', run.locale),
      attempts: 0,
      lastError: '',
      sentAt: '',
    },
  ]);
  run.index().set(key, { index: outbox.rows.length - 1, key, state: 'pending', attempts: 0, due });
  run.log(plan.callId, afterFirstCallText(run.locale, 'logAgreedQueued'), `${call.clientEmail} · ${run.when(due.getTime())}`);
}

function cancelAgreed(run: CallsRun, index: number, callId: string): void {
  const outbox = run.outbox;
  if (!outbox) return;
  writeState(outbox, index, run.locale, 'cancelled');
  const row = run.index().get(agreedKey(callId));
  if (row) row.state = 'cancelled';
  run.log(callId, afterFirstCallText(run.locale, 'logAgreedCancelled'));
}

/** A Pending agreed e-mail of a call planned this run that is no longer a Done First call (cancelled, deleted, back to Scheduled). */
function cancelStale(run: CallsRun): void {
  for (const plan of run.plans) {
    const row = run.index().get(agreedKey(plan.callId));
    if (!row || row.state !== 'pending') continue;
    const stands = !plan.removed && plan.status === 'done' && plan.call?.type === 'first';
    // A row with errors (call null) holds: its mail waits, it is not cancelled.
    if (!stands && (plan.removed || plan.status !== 'done' || plan.call)) cancelAgreed(run, row.index, plan.callId);
  }
}

function clientZone(run: CallsRun, call: PlannedCall) {
  return call.clientZoneId && isZoneId(call.clientZoneId) ? run.mc.zoneOf(call.clientZoneId) : run.ctx.zone;
}

function agreedMail(run: CallsRun, plan: Plan, call: PlannedCall): OutgoingMail | string {
  const base = reminderValues(call, { offsetMinutes: 0 }, clientZone(run, call), call.language, run.ctx.settings.senderName);
  const fields = plan.comment?.fields ?? {};
  const next = plan.comment?.nextContact;
  const values: TemplateValues = {
    client: base.client,
    contactPerson: call.contactPerson || fields.contactPerson || base.contactPerson,
    callDate: `${base.date} ${base.time}`,
    agreed: text(plan.rec.agreedMail),
    nextContactDate: next?.kind === 'keepInTouch' ? afterFirstCallText(call.language, 'keepInTouch') : (fields.nextContactDate ?? ''),
    manager: base.manager,
    callId: call.callId,
    orderId: call.orderId,
  };
  return compose(run, agreedKey(plan.callId), [call.clientEmail], 'firstCall.agreed', values, call);
}

function compose(run: CallsRun, key: string, to: string[], template: TemplateKey, values: TemplateValues, call: PlannedCall) {
  return composeMail(
    run.templates,
    { key, to, template, language: call.language, values, replyTo: call.managerEmail || undefined },
    run.ctx.settings.senderName,
  );
}

/** The tick: agreed e-mails whose delay is over, rendered from the call's row as it is now. */
function sendAgreedDue(run: CallsRun): void {
  const outbox = run.outbox;
  if (!outbox) return;
  const plans = new Map(run.plans.map((p) => [p.callId, p]));
  outbox.rows.forEach((r, i) => {
    const key = text(cell(outbox, r, 'key'));
    const callId = callIdOfAgreedKey(key);
    if (!callId || outboxState(cell(outbox, r, 'state')) !== 'pending') return;
    const due = cell(outbox, r, 'due');
    if (!isDate(due) || due.getTime() > run.now) return;
    const plan = plans.get(callId);
    // Only a Done First call whose comment still fits and whose text is there is sent; anything else waits or was cancelled above.
    if (!plan || !plan.call || plan.status !== 'done' || !plan.commentOk || !text(plan.rec.agreedMail)) return;
    if (run.mailStop || !run.timeLeft()) return;
    const mail = agreedMail(run, plan, plan.call);
    if (typeof mail === 'string') return;
    const row = run.index().get(key) ?? { index: i, key, state: 'pending' as const, attempts: Number(cell(outbox, r, 'attempts')) || 0, due };
    const result = deliver(outbox, row, mail, run.locale, new Date());
    if (result.outcome === 'sent') run.log(callId, afterFirstCallText(run.locale, 'logAgreedSent'), plan.call.clientEmail);
    else if (result.outcome === 'quota') quotaHit(run, callId);
    else afterMailError(run, result, callId);
  });
}

// ---- before the Interview ----

function interview(run: CallsRun, plan: Plan, call: PlannedCall, views: readonly CallRowView[], atTick: boolean): Step[] {
  // The link the mails carry: a new event's Meet link comes later, so an edit sends only with it.
  const tick = atTick || !!(call.meetingLink || plan.sync?.meet);
  const client = call.clientEmail || run.orders.get(call.orderId)?.contacts[0] || '';
  const candidates = call.candidates.map((c) => ({ ...c, resumeLink: isResumeLink(c.resumeLink) ? (c.resumeLink ?? '') : '' }));
  const rKey = resumesKey(
    call.callId,
    candidates.map((c) => c.id),
  );
  // The client's and the candidates' mails go as one batch (one in-flight marker, one Outbox write).
  const mails: Array<{ mail: OutgoingMail | string; logKey: 'logResumesSent' | 'logCandidateTold'; detail?: string }> = [];
  if (tick && isEmail(client) && candidates.every((c) => c.resumeLink)) {
    const base = reminderValues(call, { offsetMinutes: 0 }, clientZone(run, call), call.language, run.ctx.settings.senderName);
    const values: TemplateValues = {
      client: base.client,
      contactPerson: base.contactPerson,
      date: base.date,
      time: base.time,
      zone: base.zone,
      resumes: resumeLines(candidates),
      manager: base.manager,
      callId: call.callId,
      orderId: call.orderId,
    };
    mails.push({ mail: compose(run, rKey, [client], 'interview.resumes', values, call), logKey: 'logResumesSent' });
  }
  const info = firstCallFacts(run, call, views);
  const noticeKey = (c: { id: string }) => candidateNoticeKey(call.callId, c.id, call.start);
  for (const c of candidates) {
    const key = noticeKey(c);
    if (tick && isEmail(c.email)) {
      const zone = c.timeZone && isZoneId(c.timeZone) ? run.mc.zoneOf(c.timeZone) : run.ctx.zone;
      const link = call.meetingLink || plan.sync?.meet || '';
      const base = reminderValues(call, { offsetMinutes: 0, name: c.name }, zone, call.language, run.ctx.settings.senderName, link);
      const values: TemplateValues = {
        recipientName: c.name,
        client: base.client,
        clientInfo: clientInfo(call.clientName, info, call.language),
        date: base.date,
        time: base.time,
        zone: base.zone,
        meetingLink: base.meetingLink,
        manager: base.manager,
        callId: call.callId,
      };
      // To the candidate alone: no other candidate's address, no cc.
      mails.push({
        mail: compose(run, key, [c.email.toLowerCase()], 'interview.candidate', values, call),
        logKey: 'logCandidateTold',
        detail: c.id,
      });
    }
  }
  send(run, call.callId, mails);
  const told: InterviewCandidate[] = [];
  for (const c of candidates) {
    const m = mailState(run, noticeKey(c));
    told.push({ id: c.id, name: c.name, resumeLink: c.resumeLink, notice: m.state, noticeError: m.error });
  }
  const r = mailState(run, rKey);
  // An edit leaves the sending to the tick: have the next one run in full when there is some.
  const unsent = (state: MailState) => state === 'none' || state === 'pending';
  const resumesReady = isEmail(client) && candidates.every((c) => c.resumeLink) && unsent(r.state);
  if (!tick && (resumesReady || told.some((c, k) => isEmail(candidates[k].email) && unsent(c.notice)))) leaveWork(run.ctx);
  return interviewSteps({ clientEmailOk: isEmail(client), resumes: r, candidates: told });
}

/** The company's facts from the order's latest Done First call with a comment (read from the Calls rows in memory). */
function firstCallFacts(run: CallsRun, call: PlannedCall, views: readonly CallRowView[]) {
  let best: CallRowView | null = null;
  for (const v of views) {
    if (v.type !== 'first' || v.status !== 'done' || v.orderId !== call.orderId || !v.comment.trim()) continue;
    if (!best || (v.start ?? 0) > (best.start ?? 0)) best = v;
  }
  const out: Partial<Record<FirstCallFieldKey, string>> = {};
  if (best) readFields(best.comment.replace(/\r\n?/g, '\n')).forEach((value, key) => (out[key] = value));
  return out;
}

function send(
  run: CallsRun,
  callId: string,
  mails: ReadonlyArray<{ mail: OutgoingMail | string; logKey: 'logResumesSent' | 'logCandidateTold'; detail?: string }>,
): void {
  const outbox = run.outbox;
  if (!outbox || run.mailStop || !run.timeLeft()) return;
  const go = new Map<string, { mail: OutgoingMail; logKey: 'logResumesSent' | 'logCandidateTold'; detail?: string }>();
  for (const { mail, logKey, detail } of mails) {
    if (typeof mail === 'string') continue;
    const existing = run.index().get(mail.key);
    if (!existing || existing.state === 'pending') go.set(mail.key, { mail, logKey, detail });
  }
  sendAllOnce(
    outbox,
    [...go.values()].map((g) => g.mail),
    run.locale,
    new Date(),
    run.index(),
    (result, mail) => {
      const { logKey, detail } = go.get(mail.key)!;
      if (result.outcome === 'sent') run.log(callId, afterFirstCallText(run.locale, logKey), detail || mail.to.join(', '));
      else if (result.outcome === 'quota') quotaHit(run, callId);
      else if (result.outcome !== 'already-sent') afterMailError(run, result, callId);
      return !run.mailStop && run.timeLeft();
    },
  );
}
