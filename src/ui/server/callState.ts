/**
 * The sidebar's part for a Calls row: the call type's checklist (as the Calls rule says),
 * the comment template when it is Done, its event with the guests' answers and the twin
 * event with the staff notes (core/calls.ts: known without another Calendar call), and the
 * actions (mark done, comment, schedule another).
 */
import { CALL_STATUSES, CALL_TYPES, choiceLabel, findChoice, Locale, tabDef } from '../../core/schema';
import { cellText, isBlank, Row } from '../../core/values';
import { RunContext } from '../../app/context';
import { answerLabel, answersOf } from '../../features/calls/rules/answers';
import { checkCall } from '../../features/calls/rules/calls';
import { CandidateInfo, candidateIndex, normId, orderIndex, splitIds } from '../../features/calls/rules/indexes';
import { CallCandidate, checkComment } from '../../features/calls/rules/comments';
import { commentType } from '../../features/calls/rules/after-interview';
import { afterInterviewChecklist } from './after-interview';
import { Problem as CallProblem } from '../../features/calls/rules/messages';
import { CallTypeKey, reminderOffsets } from '../../features/calls/rules/offsets';
import { ui } from './messages';
import { afterCallChecklist, agreedActions } from './after-call';
import { candidatesByIds, ordersById } from './read';
import { refusals, runsAsOwner } from './rights';
import { RowAt } from './rows';
import { action, BARE, colLabel, fmtWhen, Line, SidebarState } from './view';

/** What the Calls rule needs to check one call: its order and its candidates only. */
export function callContext(ctx: RunContext, row: Row) {
  return {
    now: ctx.now.getTime(),
    zone: ctx.zone,
    locale: ctx.locale,
    candidates: candidateIndex(candidatesByIds(ctx, splitIds(row.candidateIds))),
    orders: orderIndex([...ordersById(ctx, [cellText(row.orderId)]).values()]),
    offsets: reminderOffsets(ctx.settings, ctx.locale).byType,
  };
}

/** Which column a call problem is about (their texts name the column, not its key). */
export function callProblemColumn(p: CallProblem): string | undefined {
  if (p.code === 'callTypeMissing' || p.code === 'callTypeUnknown') return 'type';
  if (p.code === 'callStartMissing' || p.code === 'callStartText' || p.code === 'callStartInPast') return 'start';
  if (p.code === 'callDurationInvalid') return 'duration';
  if (p.code === 'candidateUnknown' || p.code === 'candidateNoEmail') return 'candidateIds';
  if (p.code === 'callStatusUnknown') return 'status';
  const field = p.params.field;
  if (field && typeof field === 'object') return tabDef('calls').columns.find((c) => c.en === field.en)?.key;
  return undefined;
}

/** Columns each call type needs, as the Calls rule says (asked of checkCall with an empty row). */
export function requiredCallFields(): Record<CallTypeKey, string[]> {
  const out = {} as Record<CallTypeKey, string[]>;
  const probe = {
    now: 0,
    zone: { id: 'UTC', offsetAt: () => 0 },
    locale: 'en' as Locale,
    candidates: new Map<string, CandidateInfo>(),
    offsets: { first: [], interview: [], repeat: [], intro: [] },
  };
  for (const t of CALL_TYPES) {
    const check = checkCall({ type: t.en }, probe);
    out[t.key as CallTypeKey] = check.problems
      .filter((p) => p.code === 'callFieldRequired')
      .map(callProblemColumn)
      .filter((k): k is string => !!k);
  }
  return out;
}

export function callTypeOf(rec: Row): CallTypeKey | undefined {
  return findChoice(CALL_TYPES, cellText(rec.type))?.key as CallTypeKey | undefined;
}

export function callCandidates(ctx: RunContext, rec: Row): CallCandidate[] {
  const index = candidateIndex(candidatesByIds(ctx, splitIds(rec.candidateIds)));
  return splitIds(rec.candidateIds).map((id) => index.get(normId(id)) ?? { id, name: '' });
}

export function callsState(ctx: RunContext, at: RowAt, state: SidebarState, user: string, owner: string): string[] {
  const rec = at.rec;
  const L = ctx.locale;
  const type = callTypeOf(rec);
  const typeChoice = type ? CALL_TYPES.find((c) => c.key === type) : undefined;
  state.title = [at.id, typeChoice ? choiceLabel(typeChoice, L) : cellText(rec.type), fmtWhen(ctx, rec.start)].filter(Boolean).join(' · ');
  const statusChoice = isBlank(rec.status) ? CALL_STATUSES[0] : findChoice(CALL_STATUSES, cellText(rec.status));
  const statusKey = statusChoice?.key;
  state.status = statusChoice ? choiceLabel(statusChoice, L) : cellText(rec.status);
  state.statusTone = statusKey === 'done' ? 'ok' : statusKey === 'cancelled' ? 'bad' : isBlank(rec.problems) ? 'neutral' : 'warn';
  const cctx = callContext(ctx, rec);
  const check = checkCall(rec, cctx);
  const used = new Set<CallProblem>();
  const keys = ['type', 'start', ...(type ? requiredCallFields()[type] : [])];
  for (const key of keys) {
    const p = check.problems.find((x) => callProblemColumn(x) === key && x.severity === 'error');
    if (p) used.add(p);
    state.checklist.push({ label: colLabel('calls', key, L), ok: !p, detail: p && !BARE.has(p.code) ? p[L] : '' });
  }
  if (statusKey === 'done' && type) {
    const comment = checkComment(commentType(type, rec), rec.comment, callCandidates(ctx, rec));
    const errors = comment.problems.filter((p) => p.severity === 'error');
    state.checklist.push({ label: ui(L, 'labelCommentTemplate'), ok: errors.length === 0, detail: errors.map((p) => p[L]).join(' ') });
    state.checklist.push(...afterInterviewChecklist(ctx, rec, type));
  }
  state.checklist.push(...afterCallChecklist(rec)); // seed 003's after-call steps (after-call.ts)
  for (const p of check.problems) if (!used.has(p) && state.problems.indexOf(p[L]) < 0) state.problems.push(p[L]);

  const eventId = cellText(rec.eventId);
  if (eventId) {
    state.events.push(eventLine(ctx, eventId, owner));
    // The staff side of the call: the guest-less twin at the same time, with the instructions and the comment.
    if (check.event)
      state.events.push({ when: fmtWhen(ctx, rec.start), text: check.event.notes.title, note: ui(L, 'labelNotesEvent'), state: '' });
  }

  const done =
    statusKey === 'done'
      ? ui(L, 'markDoneAlready', { id: at.id || `#${at.rowNumber}`, status: state.status })
      : statusKey === 'cancelled'
        ? ui(L, 'markDoneAlready', { id: at.id, status: state.status })
        : '';
  const doneLabel = choiceLabel(
    CALL_STATUSES.find((c) => c.key === 'done')!,
    L,
  );
  state.actions.push(
    action('markDone', ui(L, 'actMarkDone'), refusals(ctx, user, owner, 'calls', ['status'], rec, { status: doneLabel }), done),
  );
  state.actions.push(
    action('comment', ui(L, 'actComment'), refusals(ctx, user, owner, 'calls', ['comment'], rec), type ? '' : colLabel('calls', 'type', L)),
  );
  state.actions.push(...agreedActions(ctx, at, user, owner));
  state.actions.push(action('schedule', ui(L, 'actSchedule'), refusals(ctx, user, owner, 'calls', ['type', 'orderId', 'start'])));
  return [...used].map((p) => p[L]);
}

/** The call's event as the Calendar has it (one Events.get), or why it cannot be seen. */
function eventLine(ctx: RunContext, eventId: string, owner: string): Line {
  let calendarId = ctx.settings.companyCalendarId.trim() || 'primary';
  if (calendarId === 'primary' && owner && !runsAsOwner(owner)) calendarId = owner;
  try {
    const e = Calendar!.Events!.get(calendarId, eventId);
    const start = e.start?.dateTime ? new Date(e.start.dateTime) : undefined;
    // Each guest with their answer (accepted, declined, …), as Calendar shows it on the organizer's event.
    const answers = answersOf(e.attendees ?? []);
    const guests = Object.keys(answers)
      .map((email) => `${email} — ${answerLabel(answers[email], ctx.locale)}`)
      .join(', ');
    const reminders = (e.reminders?.overrides ?? []).map((o) => `${o.minutes}′`).join(', ');
    return {
      when: start ? fmtWhen(ctx, start) : cellText(e.start?.date),
      text: cellText(e.summary),
      note: [guests, reminders ? `⏰ ${reminders}` : ''].filter(Boolean).join(' · '),
      state: e.status === 'cancelled' ? ui(ctx.locale, 'labelCancelled') : '',
    };
  } catch (err) {
    return { when: '', text: eventId, note: ui(ctx.locale, 'labelNotVisible', { id: eventId }), state: '' };
  }
}
