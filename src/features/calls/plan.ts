/**
 * Planning a run: each Calls row read into a plan (its check, the desired event, the
 * comment, the hire, its reminders), Call IDs given to new and copied rows, deleted rows
 * and interviews booked in Calling results, and the Outbox rows brought in line.
 */
import { checkCall } from './rules/calls';
import { normId } from './rules/indexes';
import { answersText, parseAnswers } from './rules/answers';
import { bookedInterviews, BOOKED_PREFIX } from './rules/booked';
import { checkComment } from './rules/comments';
import { checkHire } from './rules/hire';
import { appendResults, resultsHeading } from './rules/results';
import { callText, hasErrors, problem, say } from './rules/messages';
import { commentType } from './rules/after-interview';
import { callIdOfKey, planFollowUp, planReminders, reconcile, REMINDER_TEMPLATE } from './rules/reminders';
import { dayNumber, localDateOf } from '../../core/time';
import { templateProblems } from './mail';
import { outboxState } from '../../mail/outbox';
import { recordOf, recordsOf, writeColumn } from '../../google/records';
import { appendRows, cell, sheetRow } from '../../google/workbook';
import { CallStatus, CallsRun, Plan, outboxLabel, text } from './run';

/** Reads the rows (all of them in a tick), gives them IDs, and brings their Outbox rows in line. */
export function planCalls(run: CallsRun, indexes: number[] | null): void {
  const rows = (indexes ?? run.calls.rows.map((_, i) => i)).filter((i) => i >= 0 && i < run.calls.rows.length);
  assignIds(run, rows);
  run.plans = [];
  for (const i of rows) {
    const plan = analyze(run, i);
    if (plan) run.plans.push(plan);
  }
  if (indexes === null) run.plans.push(...deletedRows(run), ...bookedPlans(run));
  reconcileOutbox(run);
}

/**
 * Interviews booked in Calling results (core/booked.ts) as reminder-only plans, and the
 * bookings that no longer stand (their pending reminders are cancelled).
 */
export function bookedPlans(run: CallsRun): Plan[] {
  const tab = run.ctx.tab('callingResults');
  const invited = new Set<string>();
  for (const p of run.plans) {
    if (p.status !== 'scheduled' || !p.call || (p.call.type !== 'interview' && p.call.type !== 'repeat')) continue;
    for (const c of p.call.candidates) invited.add(`${c.email.toLowerCase()}|${Math.round(p.call.start / 60000)}`);
  }
  const calls = tab
    ? bookedInterviews(recordsOf(tab), {
        candidates: run.candidates,
        orders: run.orders,
        locale: run.locale,
        covered: (email, start) => invited.has(`${email}|${Math.round(start / 60000)}`),
      })
    : [];
  const base = {
    index: -1,
    rec: {},
    removed: false,
    check: null,
    desired: null,
    comment: null,
    commentOk: false,
    hire: null,
    problems: [],
    extra: [],
    sync: undefined,
    eventId: '',
    notes: null,
    booked: true,
  };
  const out: Plan[] = calls.map((call) => ({
    ...base,
    callId: call.callId,
    status: 'scheduled',
    call,
    reminders: planReminders(call, run.offsets, run.resolver, run.now),
  }));
  const standing = new Set(calls.map((c) => c.callId));
  const outbox = run.outbox;
  if (outbox) {
    const gone = new Set<string>();
    for (const row of outbox.rows) {
      const id = callIdOfKey(text(cell(outbox, row, 'key')));
      if (id.startsWith(BOOKED_PREFIX) && !standing.has(id) && outboxState(cell(outbox, row, 'state')) === 'pending') gone.add(id);
    }
    for (const id of gone)
      out.push({ ...base, callId: id, status: 'cancelled', removed: true, call: null, reminders: { callId: id, callStart: 0, entries: [] } });
  }
  return out;
}

export function personBlank(run: CallsRun, row: readonly unknown[]): boolean {
  return run.calls.def.columns.every((c) => {
    if (c.system) return true;
    const v = cell(run.calls, row, c.key);
    return v === '' || v === null || v === undefined || v === false || (typeof v === 'string' && !v.trim());
  });
}

/**
 * New rows get the next Call ID. A row carrying another row's ID (a copied row) gets a
 * new one and loses the copied Event ID: the row an edit touched yields, else the later one.
 * IDs are written at once, before anything is keyed by them.
 */
export function assignIds(run: CallsRun, rows: number[]): void {
  // An edit whose rows all keep their IDs (none blank, the Call ID column not pasted over)
  // assigns none: the whole column is not read.
  const hasId = (i: number) => personBlank(run, run.calls.rows[i]) || text(cell(run.calls, run.calls.rows[i], 'callId')) !== '';
  if (run.scope && !run.scope.idsEdited && rows.every(hasId)) return;
  const ids = run.callIds();
  const keeper = new Map<string, number>();
  ids.forEach((id, i) => {
    if (!id) return;
    const k = keeper.get(id);
    const touched = (n: number) => run.edited !== null && run.edited.has(n);
    if (k === undefined || (touched(k) && !touched(i))) keeper.set(id, i);
  });
  const used = new Set([...ids.filter(Boolean), ...run.sync.ids()]);
  const year = localDateOf(run.ctx.zone, run.now).year;
  let next = 0;
  for (const id of used) {
    const m = /^CALL-(\d{4})-(\d+)$/.exec(id);
    if (m && Number(m[1]) === year) next = Math.max(next, Number(m[2]));
  }
  const idCol = new Map<number, unknown>();
  const eventCol = new Map<number, unknown>();
  const sentCol = new Map<number, unknown>();
  const answersCol = new Map<number, unknown>();
  for (const i of rows) {
    const row = run.calls.rows[i];
    if (personBlank(run, row)) continue;
    const id = ids[i];
    if (id && keeper.get(id) === i) continue;
    const fresh = `CALL-${year}-${String(++next).padStart(4, '0')}`;
    idCol.set(i, fresh);
    if (id) {
      eventCol.set(i, '');
      sentCol.set(i, '');
      answersCol.set(i, '');
      run.note(fresh, say(run.locale, 'logCopied'), id);
    } else run.note(fresh, say(run.locale, 'logIdAssigned'), `#${sheetRow(i)}`);
  }
  writeColumn(run.calls, 'callId', idCol);
  writeColumn(run.calls, 'eventId', eventCol);
  writeColumn(run.calls, 'commentSentAt', sentCol);
  writeColumn(run.calls, 'guestAnswers', answersCol);
}

export function analyze(run: CallsRun, index: number): Plan | null {
  const row = run.calls.rows[index];
  const rec = recordOf(run.calls, row);
  const callId = text(rec.callId);
  if (!callId) return null;
  const sync = run.sync.get(callId);
  const liveId = sync && sync.state === 'live' ? sync.eventId : '';
  const base: Plan = {
    index,
    callId,
    rec,
    status: 'cancelled',
    removed: false,
    check: null,
    call: null,
    desired: null,
    comment: null,
    commentOk: false,
    hire: null,
    problems: [],
    extra: [],
    reminders: null,
    sync,
    eventId: liveId || text(rec.eventId),
    notes: null,
  };
  if (personBlank(run, row)) {
    return { ...base, removed: true, reminders: { callId, callStart: sync?.start ?? 0, entries: [] } };
  }
  const check = checkCall(
    { ...rec, eventId: base.eventId },
    {
      now: run.now,
      zone: run.ctx.zone,
      locale: run.locale,
      candidates: run.candidates,
      orders: run.orders,
      offsets: run.offsets,
      previousStart: liveId ? (sync?.start ?? null) : null,
      staffNames: run.staffNames,
      meetLink: sync?.meet || undefined,
    },
  );
  const plan: Plan = { ...base, status: check.status as CallStatus, check, problems: [...check.problems] };
  if (check.status === 'cancelled') {
    plan.reminders = { callId, callStart: sync?.start ?? 0, entries: [] };
    return plan;
  }
  const call = check.call;
  if (!call || !check.event) return plan; // errors: hold the event and the reminders as they are
  if (!(call.orderId && run.orders.has(call.orderId))) call.language = run.locale;
  plan.call = call;
  plan.problems.push(...(run.offsetProblems.get(call.type) ?? []));
  // The comment goes to the staff-only twin, never to the event the guests read.
  let notes = check.event.notes.description;
  if (check.status === 'done') {
    // A Repeat call's comment follows what it was (a repeat interview, or a clarifying call).
    plan.comment = checkComment(commentType(call.type, rec), rec.comment, call.candidates);
    plan.commentOk = !hasErrors(plan.comment.problems);
    plan.problems.push(...plan.comment.problems);
    if (plan.commentOk) notes = appendResults(notes, resultsHeading(call.type), text(rec.comment));
    plan.problems.push(...templateProblems(run.mc, run.templateCache, 'comment.toManager', call.language));
  }
  if (sync) run.set('guestAnswers', index, answersText(call, parseAnswers(sync.answers), run.locale));
  if (rec.hired === true) {
    const hire = checkHire(
      {
        hired: rec.hired,
        hireStartDate: rec.hireStartDate,
        price: rec.price,
        contractLink: rec.contractLink,
        hiredCandidateId: rec.hiredCandidateId,
      },
      call.candidates,
    );
    plan.problems.push(...hire.problems);
    if (hire.hire && !run.candidateRows.has(normId(hire.hire.candidateId)))
      plan.problems.push(problem('candidateUnknown', { id: hire.hire.candidateId }));
    else plan.hire = hire.hire;
  }
  plan.desired = {
    callId,
    title: check.event.title,
    start: check.event.start,
    end: check.event.end,
    zoneId: run.ctx.zone.id,
    description: check.event.description,
    guests: check.event.guests,
    guestsCanSeeOtherGuests: check.event.guestsCanSeeOtherGuests,
    meetingLink: check.event.conference.kind === 'link' ? check.event.conference.url : '',
    reminderMinutes: check.event.reminderMinutes,
  };
  plan.notes = {
    callId,
    title: check.event.notes.title,
    start: check.event.start,
    end: check.event.end,
    zoneId: run.ctx.zone.id,
    description: notes,
  };
  // A Scheduled call whose (new) start has passed is not written: the warning asks to
  // correct the date or mark the call Done (a Done call gets its event for the results).
  if (check.status === 'scheduled' && call.start < run.now && !(liveId && sync?.start === call.start)) {
    plan.desired = null;
    plan.notes = null;
  }
  if (check.status === 'scheduled') {
    plan.reminders = planReminders(call, run.offsets, run.resolver, run.now);
    // A guest who declined in Calendar is not reminded (the manager is told); answering yes again brings it back.
    const answers = parseAnswers(sync?.answers ?? '');
    plan.reminders.entries = plan.reminders.entries.filter((e) => answers[e.routedFrom ?? e.recipient] !== 'declined');
    if (plan.reminders.entries.length)
      plan.problems.push(...templateProblems(run.mc, run.templateCache, REMINDER_TEMPLATE[call.type], call.language));
  } else {
    plan.reminders = { callId, callStart: call.start, entries: [] };
    const next = plan.comment?.nextContact;
    if (call.type === 'first' && plan.commentOk && next && next.kind === 'date') {
      const today = dayNumber(localDateOf(run.ctx.zone, run.now));
      // A Next Contact Date already past when the comment is written gets no reminder.
      if (dayNumber(next.date) >= today) {
        plan.reminders.entries.push(planFollowUp(callId, call.managerEmail, next.date, run.ctx.zone, run.resolver));
        plan.problems.push(...templateProblems(run.mc, run.templateCache, 'followUp.manager', call.language));
      }
    }
  }
  return plan;
}

/**
 * Calls whose row is gone (known to the sync sheet, or with reminders in the Outbox):
 * their event and pending reminders are cancelled.
 */
export function deletedRows(run: CallsRun): Plan[] {
  const present = new Set(run.calls.rows.map((r) => text(cell(run.calls, r, 'callId'))));
  const gone = new Set<string>();
  for (const id of run.sync.ids()) if (!present.has(id) && run.sync.get(id)?.state === 'live') gone.add(id);
  const outbox = run.outbox;
  if (outbox) {
    for (const row of outbox.rows) {
      const id = callIdOfKey(text(cell(outbox, row, 'key')));
      if (/^CALL-\d{4}-\d+$/.test(id) && !present.has(id) && outboxState(cell(outbox, row, 'state')) === 'pending') gone.add(id);
    }
  }
  const out: Plan[] = [];
  for (const id of gone) {
    const sync = run.sync.get(id);
    out.push({
      index: -1,
      callId: id,
      rec: {},
      status: 'cancelled',
      removed: true,
      check: null,
      call: null,
      desired: null,
      comment: null,
      commentOk: false,
      hire: null,
      problems: [],
      extra: [],
      reminders: { callId: id, callStart: sync?.start ?? 0, entries: [] },
      sync,
      eventId: sync && sync.state === 'live' ? sync.eventId : '',
      notes: null,
    });
  }
  return out;
}

/** Cancels, moves and adds the calls' Outbox rows (core reconcile), in one write per column. */
export function reconcileOutbox(run: CallsRun): void {
  const outbox = run.outbox;
  if (!outbox) return;
  const byCall = new Map<string, number[]>();
  outbox.rows.forEach((row, i) => {
    const id = callIdOfKey(text(cell(outbox, row, 'key')));
    if (!id) return;
    const list = byCall.get(id);
    if (list) list.push(i);
    else byCall.set(id, [i]);
  });
  const state = new Map<number, unknown>();
  const due = new Map<number, unknown>();
  const template = new Map<number, unknown>();
  const subject = new Map<number, unknown>();
  const adds: Array<Record<string, unknown>> = [];
  for (const plan of run.plans) {
    if (!plan.reminders) continue;
    const indexes = byCall.get(plan.callId) ?? [];
    const views = indexes.map((i) => {
      const row = outbox.rows[i];
      return {
        key: cell(outbox, row, 'key'),
        due: cell(outbox, row, 'due'),
        state: cell(outbox, row, 'state'),
        template: cell(outbox, row, 'template'),
        recipient: cell(outbox, row, 'recipient'),
      };
    });
    const status: CallStatus = plan.removed ? 'cancelled' : plan.status;
    const r = reconcile(views, plan.reminders, status, run.now);
    for (const k of r.cancel) state.set(indexes[k], outboxLabel('cancelled', run.locale));
    for (const u of r.update) {
      const i = indexes[u.index];
      due.set(i, new Date(u.due));
      template.set(i, u.template);
      const key = text(cell(outbox, outbox.rows[i], 'key'));
      const mail = run.mailOf(plan, key, text(cell(outbox, outbox.rows[i], 'recipient')));
      if (mail) subject.set(i, mail.subject);
    }
    for (const e of r.add) {
      const mail = run.mailOf(plan, e.key, e.recipient);
      if (e.routedFrom) run.note(plan.callId, callText(run.locale, 'routedToDeputy', { from: e.routedFrom, to: e.recipient }), e.key);
      adds.push({
        key: e.key,
        due: new Date(e.due),
        recipient: e.recipient,
        template: e.template,
        subject: mail ? mail.subject : '',
        state: outboxLabel('pending', run.locale),
        attempts: 0,
        lastError: '',
        sentAt: '',
      });
    }
  }
  writeColumn(outbox, 'state', state);
  writeColumn(outbox, 'due', due);
  writeColumn(outbox, 'template', template);
  writeColumn(outbox, 'subject', subject);
  appendRows(outbox, adds);
}
