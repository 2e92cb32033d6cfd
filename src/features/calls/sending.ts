/**
 * The mail of a run, through src/mail (one Outbox key per message, the one retry policy):
 * the comment to the manager once a call is Done, the decline alerts, and the reminders and
 * follow-ups that are due.
 */
import { PlannedCall } from './rules/calls';
import { normId } from './rules/indexes';
import { answersText, declinesOf, guestNames, parseAnswers } from './rules/answers';
import { callIdOfKey, dueDecision, isReminderKey } from './rules/reminders';
import { isDate, localDateOf } from '../../core/time';
import { hash } from '../../google/calendar';
import { commentMail, declinedMail } from './mail';
import { say } from './rules/messages';
import { BatchItem, deliverBatch, OutboxRow, outboxState, QUOTA_MESSAGE, sendOnce, SendResult, settleInterrupted } from '../../mail/outbox';
import { writeColumn } from '../../google/records';
import { TICK_MINUTES } from '../../google/triggers';
import { cell } from '../../google/workbook';
import { CallsRun, Plan, outboxLabel, text } from './run';

const QUOTA_LOGGED = 'calls.mailQuotaLoggedOn';

/** Valid comments of Done calls go to the manager once; hires set the candidate's status. */
export function commentsAndHires(run: CallsRun, hires: boolean): void {
  for (const plan of run.plans) {
    if (plan.index < 0 || plan.removed) continue;
    if (plan.status === 'done' && plan.commentOk && plan.call) sendComment(run, plan, plan.call);
    // Only the rows a person edited (not the order's other interviews an edit re-checks).
    if (hires && plan.hire && (!run.edited || run.edited.has(plan.index))) {
      const i = run.candidateRows.get(normId(plan.hire.candidateId));
      const tab = run.candidateBook.tab;
      if (i !== undefined && tab) {
        const label = say(run.locale, 'candidateStatusHired');
        const current = text(cell(tab, run.candidateBook.row(i) ?? [], 'status'));
        if (current !== label && !/^hired$|^нанят$/i.test(current)) {
          run.candidateStatus.set(i, label);
          run.log(plan.callId, say(run.locale, 'logHired'), plan.hire.candidateId);
        }
      }
    }
  }
}

export function sendComment(run: CallsRun, plan: Plan, call: PlannedCall): void {
  const outbox = run.outbox;
  if (!outbox) return;
  const comment = text(plan.rec.comment);
  const key = `comment:${plan.callId}:${hash(comment.replace(/\r\n?/g, '\n'))}`;
  const existing = run.index().get(key);
  if (existing && existing.state === 'sent') {
    if (!isDate(plan.rec.commentSentAt)) {
      const sentAt = cell(outbox, outbox.rows[existing.index], 'sentAt');
      run.set('commentSentAt', plan.index, isDate(sentAt) ? sentAt : new Date());
    }
    return;
  }
  if (existing && existing.state !== 'pending') {
    plan.extra.push(
      say(run.locale, 'commentFailed', { error: text(cell(outbox, outbox.rows[existing.index], 'lastError')) || existing.state || '' }),
    );
    return;
  }
  if (run.mailStop) {
    plan.extra.push(say(run.locale, 'commentWaiting', { error: QUOTA_MESSAGE }));
    return;
  }
  if (!run.timeLeft()) return;
  const mail = commentMail(run.mc, call, comment);
  const to = run.resolver(call.managerEmail, Date.now());
  const result = sendOnce(
    outbox,
    {
      key,
      to: [to],
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      template: mail.template,
      senderName: run.ctx.settings.senderName,
    },
    run.locale,
    new Date(),
    run.index(),
  );
  if (result.outcome === 'sent' || result.outcome === 'already-sent') {
    run.set('commentSentAt', plan.index, new Date());
    run.log(plan.callId, say(run.locale, 'logCommentSent'), to === call.managerEmail ? to : `${to} (${call.managerEmail})`);
    return;
  }
  if (result.outcome === 'quota') quotaHit(run, plan.callId);
  else afterMailError(run, result, plan.callId);
  plan.extra.push(say(run.locale, 'commentWaiting', { error: result.error ?? result.outcome }));
}

export function quotaHit(run: CallsRun, rowKey: string): void {
  run.mailStop = true;
  const props = PropertiesService.getScriptProperties();
  const d = localDateOf(run.ctx.zone, Date.now());
  const today = `${d.year}-${d.month}-${d.day}`;
  if (props.getProperty(QUOTA_LOGGED) === today) return;
  props.setProperty(QUOTA_LOGGED, today);
  run.log(rowKey, say(run.locale, 'logQuota'), QUOTA_MESSAGE);
}

/**
 * deliver() already wrote the row's state and attempts (mail/policy.ts). A permanent
 * refusal of one message does not pause the others; a transient error is logged and
 * pauses sending for this run. Returns whether sending should pause.
 */
export function afterMailError(run: CallsRun, result: SendResult, rowKey: string): boolean {
  if (!run.outbox || result.kind !== 'transient') return false;
  run.log(rowKey, say(run.locale, 'logMailError'), result.error ?? '');
  return true;
}

/**
 * A decline by the client, or by every candidate, of a call still ahead: the manager is
 * told once (one Outbox key per call, start and who), then it is theirs to act on.
 */
export function declineAlerts(run: CallsRun): void {
  const outbox = run.outbox;
  if (!outbox) return;
  for (const plan of run.plans) {
    const call = plan.call;
    if (plan.index < 0 || plan.status !== 'scheduled' || !call || !plan.sync || call.start <= run.now || !call.managerEmail) continue;
    const answers = parseAnswers(plan.sync.answers);
    const d = declinesOf(call, answers);
    const names = guestNames(call);
    const groups: Array<[string, string[]]> = [];
    if (d.client) groups.push(['client', [names.get(call.clientEmail) ?? call.clientEmail]]);
    if (d.candidates) groups.push(['candidates', call.candidates.map((c) => c.name || c.email)]);
    for (const [who, people] of groups) {
      const key = `declined:${plan.callId}:${call.start}:${who}`;
      const existing = run.index().get(key);
      if (existing && existing.state !== 'pending') continue;
      if (run.mailStop || !run.timeLeft()) return;
      const mail = declinedMail(run.mc, call, people, answersText(call, answers, call.language));
      const to = run.resolver(call.managerEmail, Date.now());
      const result = sendOnce(
        outbox,
        {
          key,
          to: [to],
          subject: mail.subject,
          text: mail.text,
          html: mail.html,
          template: mail.template,
          senderName: run.ctx.settings.senderName,
        },
        run.locale,
        new Date(),
        run.index(),
      );
      if (result.outcome === 'sent') run.log(plan.callId, say(run.locale, 'logDeclineAlert'), `${people.join(', ')} → ${to}`);
      else if (result.outcome === 'quota') quotaHit(run, plan.callId);
      else if (result.outcome !== 'already-sent') afterMailError(run, result, plan.callId);
    }
  }
}

// ---- the tick's sending ----

/** Sends the reminders and follow-ups that are due, oldest first; marks those whose call started as Missed. */
export function sendDue(run: CallsRun): void {
  const outbox = run.outbox;
  if (!outbox) return;
  settleInterrupted(outbox, run.locale, undefined, run.index());
  const byId = new Map(run.plans.map((p) => [p.callId, p]));
  const missed = new Map<number, unknown>();
  const due: Array<{ i: number; due: number; retry: boolean; plan: Plan; key: string }> = [];
  const now = Date.now();
  outbox.rows.forEach((row, i) => {
    const key = text(cell(outbox, row, 'key'));
    const plan = byId.get(callIdOfKey(key));
    if (!plan) return;
    const reminder = isReminderKey(key);
    if (!reminder && !/\|followUp$/.test(key)) return;
    const callStart = reminder ? (plan.call?.start ?? plan.sync?.start ?? null) : null;
    const decision = dueDecision({ state: cell(outbox, row, 'state'), due: cell(outbox, row, 'due') }, now, callStart, TICK_MINUTES);
    if (decision === 'missed') missed.set(i, outboxLabel('missed', run.locale));
    else if (decision === 'send')
      due.push({ i, due: (cell(outbox, row, 'due') as Date).getTime(), retry: Number(cell(outbox, row, 'attempts')) > 0, plan, key });
  });
  writeColumn(outbox, 'state', missed);
  // Oldest first; retries after the fresh ones, so a message that keeps failing does not hold the others up.
  due.sort((a, b) => Number(a.retry) - Number(b.retry) || a.due - b.due || a.i - b.i);
  // Rendered first, then sent in batches (mail/outbox.ts: one in-flight marker and one Outbox write per batch).
  const items: BatchItem[] = [];
  const planOf = new Map<string, Plan>();
  for (const { plan, key, i } of due) {
    // Only a call as it reads now is reminded of: a row with errors, or one no longer
    // Scheduled (Done) for a reminder, waits (reconcile settles it).
    const call = plan.call;
    if (!call) continue;
    if (isReminderKey(key) ? plan.status !== 'scheduled' : plan.status !== 'done' || !plan.commentOk) continue;
    const recipient = text(cell(outbox, outbox.rows[i], 'recipient'));
    const mail = run.mailOf(plan, key, recipient);
    if (!mail) continue;
    const row: OutboxRow = {
      index: i,
      key,
      state: outboxState(cell(outbox, outbox.rows[i], 'state')),
      attempts: Number(cell(outbox, outbox.rows[i], 'attempts')) || 0,
      due: cell(outbox, outbox.rows[i], 'due'),
    };
    planOf.set(key, plan);
    items.push({
      row,
      mail: {
        key,
        to: [recipient],
        replyTo: mail.replyTo,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        template: mail.template,
        senderName: run.ctx.settings.senderName,
      },
    });
  }
  let sent = 0;
  let outOfTime = false;
  const tried = deliverBatch(outbox, items, run.locale, new Date(), {
    goOn: () => {
      if (run.mailStop) return false;
      if (run.timeLeft()) return true;
      outOfTime = true;
      return false;
    },
    after: (result, item) => {
      const plan = planOf.get(item.mail.key)!;
      if (result.outcome === 'sent') sent++;
      else if (result.outcome === 'quota') quotaHit(run, plan.callId);
      else if (afterMailError(run, result, plan.callId)) return false;
      return true;
    },
  });
  if (outOfTime) run.log('', say(run.locale, 'logDeadline'), `${say(run.locale, 'remindersLeft')}: ${items.length - tried}`);
  if (sent > 0) run.log('', say(run.locale, 'logRemindersSent'), String(sent));
}

// ---- writing back ----
