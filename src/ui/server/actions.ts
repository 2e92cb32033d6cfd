/**
 * The buttons and dialogs: each checks on the server what the person may do (department
 * rules, the row's state, the same core checks the rules apply) and then writes the cells
 * the person would have typed (rows.ts writeAsPerson), so the rules run as on an edit.
 * Nothing here writes a system column, the Outbox or the Log.
 */
import { agreementState, currentAgreement, validateAgreement } from '../../features/orders/rules/agreements';
import { checkCall } from '../../features/calls/rules/calls';
import { CallCandidate, checkComment, DEFAULT_TARGET_AUDIENCE, FIRST_CALL_FIELDS, readFields } from '../../features/calls/rules/comments';
import { clientFeedback, commentType } from '../../features/calls/rules/after-interview';
import { CallTypeKey } from '../../features/calls/rules/offsets';
import { agreementNeed, answerOf, decideHandOff, statusOf } from '../../features/orders/rules/orders';
import { findStaff } from '../../core/permissions';
import { ANSWERS, CALL_STATUSES, CALL_TYPES, choiceLabel, findChoice, findTab, Locale, tabDef, tabName } from '../../core/schema';
import { instantAt, localDateOf } from '../../core/time';
import { cellText, isBlank, Row } from '../../core/values';
import { withLock } from '../../app/lock';
import { openContext, RunContext } from '../../app/context';
import { agreementsOf, lastRows, ordersById, recordsAt, rowsWhere, shellOf } from './read';
import { ui } from './messages';
import {
  appendIndex,
  assertMayEdit,
  canRecheck,
  enqueue,
  ID_KEY,
  locate,
  recheckTab,
  Refusal,
  refuse,
  RowAt,
  RowRef,
  runsAsOwner,
  UiTab,
  writeAsPerson,
  Written,
} from './rows';
import { ASK_HR_FIELDS, callCandidates, callContext, callTypeOf, fmtWhen, requiredCallFields } from './state';

export interface ActionOutcome {
  ok: boolean;
  message: string;
  details: string[];
  queued: boolean;
  /** The row to show afterwards (a new row's reference after scheduling). */
  ref: RowRef | null;
}

function today(ctx: RunContext) {
  return localDateOf(ctx.zone, ctx.now.getTime());
}

/** The row again after the rules ran (a fresh read: the rules wrote through their own reads). */
function reread(ctx: RunContext, key: UiTab, at: { rowNumber: number; id: string }): { ctx: RunContext; at: RowAt | null } {
  const fresh = openContext(ctx.ss, ctx.now);
  const found = locate(fresh, { sheet: ctx.sheets.get(key)!.getName(), row: at.rowNumber, id: at.id }, key);
  return { ctx: fresh, at: found };
}

function outcome(written: Written, message: string, ref: RowRef | null, locale: Locale): ActionOutcome {
  if (written.mode === 'queued') return { ok: true, message: `${message} ${ui(locale, 'queued')}`.trim(), details: [], queued: true, ref };
  return { ok: true, message, details: [], queued: false, ref };
}

function refOf(at: RowAt): RowRef {
  return { sheet: at.tab.sheet.getName(), row: at.rowNumber, id: at.id };
}

// ---------------------------------------------------------------------------------------
// Orders: hand off, ask HR

export function handOff(ctx: RunContext, ref: RowRef | null, user: string, owner: string): ActionOutcome {
  const L = ctx.locale;
  const at = locate(ctx, ref, 'orders') ?? refuse(L, 'pickOrderRow');
  assertMayEdit(ctx, user, owner, 'orders', ['handOff'], at.rec);
  const id = at.id || `#${at.rowNumber}`;
  if (!isBlank(at.rec.handedOffAt)) refuse(L, 'handOffAlready', { id, at: fmtWhen(ctx, at.rec.handedOffAt) });
  const agreement = currentAgreement(at.id, agreementsOf(ctx, at.id));
  const decision = decideHandOff({ ...at.rec, handOff: true }, agreement, {
    zone: ctx.zone,
    today: today(ctx),
    staff: ctx.staff(),
    clientDepartmentEmail: ctx.settings.clientDepartmentEmail,
    locale: L,
  });
  if (decision.action === 'refuse')
    refuse(
      L,
      'handOffBlocked',
      { id },
      decision.problems.map((p) => p[L]),
    );
  const written = writeAsPerson(ctx, at.tab, at.index, { handOff: true }, user, owner, ui(L, 'actHandOff'));
  if (written.mode === 'queued') return outcome(written, ui(L, 'handOffQueued', { id }), refOf(at), L);
  const after = reread(ctx, 'orders', at).at;
  if (after && !isBlank(after.rec.handedOffAt))
    return outcome(written, ui(L, 'handOffDone', { id: after.id, at: fmtWhen(ctx, after.rec.handedOffAt) }), refOf(after), L);
  const problems = after ? cellText(after.rec.problems).split('\n').filter(Boolean) : [];
  return { ok: false, message: ui(L, 'handOffNotDone', { id }), details: problems, queued: false, ref: after ? refOf(after) : refOf(at) };
}

export type FormValues = Record<string, unknown>;

const text = (v: unknown): string => (v === null || v === undefined ? '' : String(v)).trim();

/** A value as typed into a form field of this column type (what Sheets would store). */
function typed(ctx: RunContext, type: string, raw: unknown): unknown {
  const t = text(raw);
  if (!t) return '';
  if ((type === 'integer' || type === 'number') && /^\d+$/.test(t)) return Number(t);
  if (type === 'date') {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t);
    if (m) return new Date(instantAt(ctx.zone, { year: +m[1], month: +m[2], day: +m[3] }));
  }
  return t;
}

export function askHr(ctx: RunContext, ref: RowRef | null, form: FormValues, user: string, owner: string): ActionOutcome {
  const L = ctx.locale;
  const at = locate(ctx, ref, 'orders') ?? refuse(L, 'pickOrderRow');
  const id = at.id || `#${at.rowNumber}`;
  if (!agreementNeed(at.rec)) refuse(L, 'askHrNotIndividual', { id });
  const agreementsTab = shellOf(ctx, 'agreements') ?? refuse(L, 'columnMissing', { tab: tabDef('agreements')[L], column: '' });
  const current = currentAgreement(at.id, agreementsOf(ctx, at.id));
  if (current && answerOf(current) !== 'rejected') {
    refuse(L, 'askHrOpen', { id, agreement: cellText(current.agreementId), state: cellText(current.answer) || ui(L, 'statePending') });
  }
  const def = tabDef('agreements');
  const cells: Record<string, unknown> = { orderId: at.id, requestedBy: user };
  for (const key of ASK_HR_FIELDS) {
    const col = def.columns.find((c) => c.key === key)!;
    let value = typed(ctx, col.type, form[key]);
    if (key === 'callKind' && value) {
      const choice = findChoice(col.choices ?? [], String(value));
      value = choice ? choiceLabel(choice, L) : value;
    }
    cells[key] = value;
  }
  assertMayEdit(ctx, user, owner, 'agreements', Object.keys(cells));
  const orders = new Map<string, Row>([[at.id, at.rec]]);
  const problems = validateAgreement(cells, { zone: ctx.zone, today: today(ctx), orders, staff: ctx.staff() }).filter(
    (p) => p.severity === 'error',
  );
  if (problems.length)
    throw new Refusal(
      `${ui(L, 'refused')} ${problems[0][L]}`,
      problems.map((p) => p[L]),
    );
  const written = withDocumentLock(ctx, () =>
    writeAsPerson(ctx, agreementsTab, appendIndex(agreementsTab), cells, user, owner, ui(L, 'actAskHr')),
  );
  if (written.mode === 'queued') return outcome(written, ui(L, 'askHrWritten', { order: id, row: written.rowNumber }), refOf(at), L);
  const after = reread(ctx, 'agreements', { rowNumber: written.rowNumber, id: '' }).at;
  const agreementId = after ? after.id : '';
  return outcome(
    written,
    agreementId ? ui(L, 'askHrDone', { id: agreementId }) : ui(L, 'askHrWritten', { order: id, row: written.rowNumber }),
    refOf(at),
    L,
  );
}

// ---------------------------------------------------------------------------------------
// HR agreements: answer

export function answerHr(ctx: RunContext, ref: RowRef | null, form: FormValues, user: string, owner: string): ActionOutcome {
  const L = ctx.locale;
  const at = locate(ctx, ref, 'agreements') ?? refuse(L, 'pickRow');
  const id = at.id || `#${at.rowNumber}`;
  const choice = findChoice(ANSWERS, text(form.answer));
  if (!choice) refuse(L, 'answerNeedsChoice');
  assertMayEdit(ctx, user, owner, 'agreements', ['answer', 'hrComment'], at.rec);
  if (answerOf(at.rec) !== 'pending') refuse(L, 'answerAlready', { id, answer: cellText(at.rec.answer) });
  const cells = { answer: choiceLabel(choice, L), hrComment: text(form.hrComment) };
  const orderRows: Map<string, Row> = ordersById(ctx, [cellText(at.rec.orderId)]);
  const actx = { zone: ctx.zone, today: today(ctx), orders: orderRows, staff: ctx.staff() };
  const wouldBe = { ...at.rec, ...cells };
  if (agreementState({ ...at.rec, answer: '' }, actx) === 'incomplete') refuse(L, 'stateIncomplete');
  const problems = validateAgreement(wouldBe, actx).filter((p) => p.severity === 'error' && (p.column === 'answer' || p.column === 'hrComment'));
  if (problems.length)
    throw new Refusal(
      `${ui(L, 'refused')} ${problems[0][L]}`,
      problems.map((p) => p[L]),
    );
  const written = writeAsPerson(ctx, at.tab, at.index, cells, user, owner, `${ui(L, 'actAnswerHr')}: ${cells.answer}`);
  return outcome(written, ui(L, 'answerDone', { answer: cells.answer, id }), refOf(at), L);
}

// ---------------------------------------------------------------------------------------
// Calls: mark done, schedule, comment

export function markCallDone(ctx: RunContext, ref: RowRef | null, user: string, owner: string): ActionOutcome {
  const L = ctx.locale;
  const at = locate(ctx, ref, 'calls') ?? refuse(L, 'pickCallRow');
  const id = at.id || `#${at.rowNumber}`;
  const done = choiceLabel(
    CALL_STATUSES.find((s) => s.key === 'done')!,
    L,
  );
  assertMayEdit(ctx, user, owner, 'calls', ['status'], at.rec, { status: done });
  const status = isBlank(at.rec.status) ? CALL_STATUSES[0] : findChoice(CALL_STATUSES, cellText(at.rec.status));
  if (status && status.key !== 'scheduled') refuse(L, 'markDoneAlready', { id, status: choiceLabel(status, L) });
  const written = writeAsPerson(ctx, at.tab, at.index, { status: done }, user, owner, ui(L, 'actMarkDone'));
  return outcome(written, ui(L, 'markDoneDone', { id }), refOf(at), L);
}

export interface ScheduleForm {
  locale: Locale;
  zone: string;
  types: Array<{ key: string; label: string; required: string[] }>;
  labels: Record<string, string>;
  orders: Array<{ id: string; label: string; clientEmail: string }>;
  candidates: Array<{ id: string; name: string; orderId: string; hasEmail: boolean }>;
  defaults: { type: string; orderId: string; start: string; duration: string; managerEmail: string; clientEmail: string };
  now: string;
  allowed: boolean;
  reason: string;
}

/** The pickers' size: the newest open orders and their candidates (any other ID can still be typed). */
const MAX_ORDERS = 300;
const MAX_CANDIDATES = 2000;

const CALL_FIELDS = [
  'type',
  'orderId',
  'start',
  'duration',
  'clientEmail',
  'candidateIds',
  'hiredEmployeeEmail',
  'teamLeadEmail',
  'managerEmail',
  'status',
] as const;

function wallText(ctx: RunContext, ms: number): string {
  const w = localDateOf(ctx.zone, ms);
  const clock = new Date(ms + ctx.zone.offsetAt(ms) * 60000);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${w.year}-${p(w.month)}-${p(w.day)}T${p(clock.getUTCHours())}:${p(clock.getUTCMinutes())}`;
}

/** What the Schedule a call dialog offers: types with the fields each needs, orders, candidates. */
export function scheduleForm(ctx: RunContext, ref: RowRef | null, user: string, owner: string): ScheduleForm {
  const L = ctx.locale;
  const required = requiredCallFields();
  const def = tabDef('calls');
  const labels: Record<string, string> = {};
  for (const c of def.columns) labels[c.key] = c[L];
  let orderId = '';
  let type = 'first';
  try {
    const at = locate(ctx, ref);
    if (at && at.key === 'orders') orderId = at.id;
    if (at && at.key === 'calls') {
      orderId = cellText(at.rec.orderId);
      type = callTypeOf(at.rec) === 'first' ? 'interview' : (callTypeOf(at.rec) ?? 'first');
    }
  } catch (e) {
    if (!(e instanceof Refusal)) throw e;
  }
  // The open orders, newest last (a picker, not the whole history), and always the row's own.
  const recent = lastRows(ctx, 'orders', MAX_ORDERS + 100);
  const own = orderId ? [...ordersById(ctx, [orderId]).values()] : [];
  const open = [...own, ...recordsAt(recent.tab, recent.indexes)].filter((o, i, all) => {
    if (all.findIndex((x) => cellText(x.orderId) === cellText(o.orderId)) !== i) return false;
    if (isBlank(o.orderId)) return false;
    const status = statusOf(o);
    return cellText(o.orderId) === orderId || (status !== 'completed' && status !== 'cancelled');
  });
  const picked = open.slice(-MAX_ORDERS);
  if (own[0] && picked.indexOf(own[0]) < 0 && open.indexOf(own[0]) >= 0) picked.unshift(own[0]);
  const orders = picked.map((o) => ({
    id: cellText(o.orderId),
    label: [cellText(o.orderId), cellText(o.client), cellText(o.vacancy)].filter(Boolean).join(' · '),
    clientEmail: cellText(o.clientEmail),
  }));
  const listed = new Set(orders.map((o) => o.id));
  const cands = rowsWhere(ctx, 'candidates', 'orderId', (v) => listed.has(cellText(v).trim()), MAX_CANDIDATES);
  const candidates = recordsAt(cands.tab, cands.indexes)
    .filter((c) => !isBlank(c.candidateId))
    .map((c) => ({ id: cellText(c.candidateId), name: cellText(c.name), orderId: cellText(c.orderId), hasEmail: /@/.test(cellText(c.email)) }));
  const order = orders.find((o) => o.id === orderId);
  const nextHour = Math.ceil((ctx.now.getTime() + 60000) / 3600000) * 3600000;
  const reasons = refusalsFor(ctx, user, owner);
  const staffMember = findStaff(ctx.staff(), user);
  return {
    locale: L,
    zone: ctx.zone.id,
    types: CALL_TYPES.map((t) => ({ key: t.key, label: choiceLabel(t, L), required: required[t.key as CallTypeKey] })),
    labels,
    orders,
    candidates,
    defaults: {
      type,
      orderId,
      start: wallText(ctx, nextHour),
      duration: '30',
      managerEmail: staffMember?.managerEmail || user,
      clientEmail: order ? order.clientEmail : '',
    },
    now: wallText(ctx, ctx.now.getTime()),
    allowed: reasons.length === 0,
    reason: reasons[0] ?? '',
  };
}

function refusalsFor(ctx: RunContext, user: string, owner: string): string[] {
  try {
    assertMayEdit(ctx, user, owner, 'calls', [...CALL_FIELDS]);
    return [];
  } catch (e) {
    if (e instanceof Refusal) return e.details.length ? e.details : [e.message];
    throw e;
  }
}

/** Writes a new Calls row exactly as a person typing it would (Start as a date-time in the zone). */
export function scheduleCall(ctx: RunContext, form: FormValues, user: string, owner: string): ActionOutcome {
  const L = ctx.locale;
  const type = findChoice(CALL_TYPES, text(form.type));
  if (!type) refuse(L, 'fieldRequired', { field: tabDef('calls').columns.find((c) => c.key === 'type')![L] });
  const startText = text(form.start);
  const m = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})$/.exec(startText);
  const startLabel = tabDef('calls').columns.find((c) => c.key === 'start')![L];
  if (!m) refuse(L, 'notDateTime', { field: startLabel });
  const start = new Date(instantAt(ctx.zone, { year: +m[1], month: +m[2], day: +m[3] }, +m[4], +m[5]));
  const candidateIds = Array.isArray(form.candidateIds)
    ? (form.candidateIds as unknown[]).map(text).filter(Boolean).join(', ')
    : text(form.candidateIds);
  const cells: Record<string, unknown> = {
    type: choiceLabel(type, L),
    orderId: text(form.orderId),
    start,
    duration: typed(ctx, 'integer', form.duration),
    clientEmail: text(form.clientEmail),
    candidateIds: type.key === 'interview' || type.key === 'repeat' ? candidateIds : '',
    hiredEmployeeEmail: type.key === 'intro' ? text(form.hiredEmployeeEmail) : '',
    teamLeadEmail: type.key === 'intro' ? text(form.teamLeadEmail) : '',
    managerEmail: text(form.managerEmail),
    status: choiceLabel(CALL_STATUSES[0], L),
  };
  assertMayEdit(ctx, user, owner, 'calls', Object.keys(cells));
  const check = checkCall(cells, callContext(ctx, cells));
  const errors = check.problems.filter((p) => p.severity === 'error');
  if (errors.length)
    refuse(
      L,
      'scheduleInvalid',
      {},
      errors.map((p) => p[L]),
    );
  const calls = shellOf(ctx, 'calls') ?? refuse(L, 'columnMissing', { tab: tabDef('calls')[L], column: '' });
  const written = withDocumentLock(ctx, () => writeAsPerson(ctx, calls, appendIndex(calls), cells, user, owner, ui(L, 'actSchedule')));
  const warnings = check.problems.filter((p) => p.severity === 'warning').map((p) => p[L]);
  const ref: RowRef = { sheet: calls.sheet.getName(), row: written.rowNumber, id: '' };
  if (written.mode === 'queued') return { ...outcome(written, ui(L, 'scheduleWritten', { row: written.rowNumber }), ref, L), details: warnings };
  const after = reread(ctx, 'calls', { rowNumber: written.rowNumber, id: '' }).at;
  const id = after ? after.id : '';
  const message = id ? ui(L, 'scheduleDone', { id, row: written.rowNumber }) : ui(L, 'scheduleWritten', { row: written.rowNumber });
  return { ...outcome(written, message, { ...ref, id }, L), details: warnings };
}

export interface CommentForm {
  locale: Locale;
  ref: RowRef | null;
  title: string;
  type: string;
  typeLabel: string;
  fields: Array<{ key: string; label: string; value: string; required: boolean; hint: string }>;
  candidates: Array<{ id: string; name: string; summary: string; feedback?: string }>;
  results: string;
  /** Interview results without the per-candidate feedback lines (forms that ask for feedback per candidate). */
  resultsOnly?: string;
  sm: string;
  messenger: string;
  notes: string;
  text: string;
  allowed: boolean;
  reason: string;
}

const RESULTS_LINE = /^(interview\s+results|результаты\s+интервью)\s*:?\s*(.*)$/i;
const SM_LINE = /^(sm|менеджер)\s*:\s*(.*)$/i;

/** The type's template as a form, filled from the comment already in the row. */
export function commentForm(ctx: RunContext, ref: RowRef | null, user: string, owner: string): CommentForm {
  const L = ctx.locale;
  const at = locate(ctx, ref, 'calls') ?? refuse(L, 'pickCallRow');
  const callType = callTypeOf(at.rec);
  // A repeat interview's form is the Interview's (seed 003); a clarifying call's is a summary.
  const type = callType && commentType(callType, at.rec);
  const typeChoice = CALL_TYPES.find((t) => t.key === callType);
  const existing = cellText(at.rec.comment);
  const candidates = callCandidates(ctx, at.rec);
  const member = findStaff(ctx.staff(), user);
  const form: CommentForm = {
    locale: L,
    ref: refOf(at),
    title: [at.id, typeChoice ? choiceLabel(typeChoice, L) : cellText(at.rec.type), fmtWhen(ctx, at.rec.start)].filter(Boolean).join(' · '),
    type: type ?? '',
    typeLabel: typeChoice ? choiceLabel(typeChoice, L) : '',
    fields: [],
    candidates: [],
    results: '',
    sm: member?.name || user,
    messenger: '',
    notes: '',
    text: existing,
    allowed: true,
    reason: '',
  };
  try {
    assertMayEdit(ctx, user, owner, 'calls', ['comment'], at.rec);
  } catch (e) {
    if (!(e instanceof Refusal)) throw e;
    form.allowed = false;
    form.reason = e.message;
  }
  if (!type) {
    form.allowed = false;
    form.reason = ui(L, 'fieldRequired', { field: tabDef('calls').columns.find((c) => c.key === 'type')![L] });
    return form;
  }
  if (type === 'first') {
    const values = readFields(existing);
    form.fields = FIRST_CALL_FIELDS.map((d) => ({
      key: d.key,
      label: L === 'ru' && d.ru[0] ? `${d.en} (${d.ru[0]})` : d.en,
      value: values.get(d.key) ?? (d.key === 'sm' ? form.sm : ''),
      required: d.key !== 'targetAudience',
      hint:
        d.key === 'targetAudience'
          ? DEFAULT_TARGET_AUDIENCE
          : d.key === 'nextContactDate'
            ? L === 'en'
              ? 'yyyy-mm-dd or “keep in touch by email”'
              : 'дд.мм.гггг или «keep in touch by email»'
            : '',
    }));
  } else if (type === 'interview') {
    const check = checkComment(type, existing, candidates);
    const said = new Map(check.interviewed.map((l) => [l.id.trim().toUpperCase(), l.summary]));
    const feedback = clientFeedback(existing, candidates);
    form.candidates = candidates.map((c) => ({
      id: c.id,
      name: c.name,
      summary: said.get(c.id.trim().toUpperCase()) ?? '',
      feedback: feedback.get(c.id.trim().toUpperCase()) ?? '',
    }));
    const lines = existing.split(/\r?\n/);
    const r = lines.findIndex((l) => RESULTS_LINE.test(l.trim()));
    if (r >= 0) {
      const rest: string[] = [RESULTS_LINE.exec(lines[r].trim())![2]];
      for (let i = r + 1; i < lines.length && !SM_LINE.test(lines[i].trim()); i++) rest.push(lines[i]);
      form.results = rest.join('\n').trim();
      form.resultsOnly = withoutFeedbackLines(form.results, candidates);
    }
    if (check.fields.sm) form.sm = check.fields.sm;
  } else if (type === 'intro') {
    const check = checkComment(type, existing, []);
    form.messenger = check.messenger ?? '';
    form.notes = existing
      .split(/\r?\n/)
      .filter((l) => !/^(messenger|мессенджер)\s*:/i.test(l.trim()))
      .join('\n')
      .trim();
  }
  return form;
}

const oneLine = (v: unknown): string => text(v).replace(/\s*[\r\n]+\s*/g, ' ');

/** The comment text of a form, in the type's template. */
export function composeComment(type: CallTypeKey, form: FormValues, candidates: readonly CallCandidate[]): string {
  if (type === 'first') {
    const fields = (form.fields ?? {}) as Record<string, unknown>;
    return FIRST_CALL_FIELDS.map(
      (d) => `${d.en}: ${oneLine(fields[d.key]) || (d.key === 'targetAudience' ? DEFAULT_TARGET_AUDIENCE : '')}`,
    ).join('\n');
  }
  if (type === 'interview') {
    const summaries = (form.summaries ?? {}) as Record<string, unknown>;
    // The client's feedback per candidate, when the form asks for it: one line each in the results (they go to Candidates).
    const feedback = form.feedback as Record<string, unknown> | undefined;
    const lines = feedback
      ? candidates.filter((c) => oneLine(feedback[c.id])).map((c) => `${c.name || c.id} (${c.id}) – ${oneLine(feedback[c.id])}`)
      : [];
    return [
      'Today we interviewed:',
      ...candidates.map((c) => `${c.name || c.id} (${c.id}) – ${oneLine(summaries[c.id])}`),
      'Interview results:',
      ...(feedback ? [withoutFeedbackLines(text(form.results), candidates), ...lines].filter(Boolean) : [text(form.results)]),
      `SM: ${oneLine(form.sm)}`,
    ].join('\n');
  }
  if (type === 'intro') {
    const notes = text(form.notes);
    return [`Messenger: ${oneLine(form.messenger)}`, ...(notes ? [notes] : [])].join('\n');
  }
  return text(form.text);
}

/** Results text without its "Name (ID) – …" lines of the call's candidates (a form asks for those one by one). */
function withoutFeedbackLines(results: string, candidates: readonly CallCandidate[]): string {
  const ids = new Set(candidates.map((c) => c.id.trim().toUpperCase()));
  return results
    .split(/\r?\n/)
    .filter((l) => {
      const m = /^[\s\-–—•*·]*(?:.+?\s*\(\s*([^()]+?)\s*\)|(\S+?))\s*[-–—:]\s+\S/.exec(l);
      return !(m && ids.has((m[1] ?? m[2] ?? '').trim().toUpperCase()));
    })
    .join('\n')
    .trim();
}

export function saveComment(ctx: RunContext, ref: RowRef | null, form: FormValues, user: string, owner: string): ActionOutcome {
  const L = ctx.locale;
  const at = locate(ctx, ref, 'calls') ?? refuse(L, 'pickCallRow');
  const id = at.id || `#${at.rowNumber}`;
  assertMayEdit(ctx, user, owner, 'calls', ['comment'], at.rec);
  const callType = callTypeOf(at.rec) ?? refuse(L, 'fieldRequired', { field: tabDef('calls').columns.find((c) => c.key === 'type')![L] });
  const type = commentType(callType, at.rec);
  const candidates = callCandidates(ctx, at.rec);
  const comment = composeComment(type, form, candidates);
  const errors = checkComment(type, comment, candidates).problems.filter((p) => p.severity === 'error');
  if (errors.length)
    refuse(
      L,
      'commentInvalid',
      {},
      errors.map((p) => p[L]),
    );
  const written = writeAsPerson(ctx, at.tab, at.index, { comment }, user, owner, ui(L, 'actComment'));
  return outcome(written, ui(L, 'commentDone', { id }), refOf(at), L);
}

// ---------------------------------------------------------------------------------------
// Check this sheet

export function checkSheet(ctx: RunContext, sheetName: string, user: string, owner: string): ActionOutcome {
  const L = ctx.locale;
  const def = findTab(sheetName) ?? refuse(L, 'checkNotATab', { sheet: sheetName });
  let note = '';
  let queued = false;
  if (!canRecheck(def.key)) {
    // Nothing to re-apply here: the summary below is all.
  } else if (runsAsOwner(owner)) {
    withLock(
      'script',
      30000,
      () => {
        const changed = recheckTab(ctx, def.key);
        ctx.finish();
        note = ui(L, 'checkRechecked', { changed });
      },
      () => refuse(L, 'busy'),
    );
  } else {
    enqueue({ kind: 'check', tab: def.key, row: 0, col: 0, numCols: 0, id: '', user, at: ctx.now.toISOString(), label: ui(L, 'menuCheck') });
    note = ui(L, 'checkQueued');
    queued = true;
  }
  const tab = ctx.tab(def.key);
  const rows = tab ? tab.rows.filter((r) => r.some((v) => !isBlank(v))) : [];
  const idKey = ID_KEY[def.key as UiTab];
  const flagged: string[] = [];
  if (tab && tab.columns.index.problems !== undefined) {
    tab.rows.forEach((r, i) => {
      const problems = cellText(r[tab.columns.index.problems]);
      if (!problems) return;
      const key = idKey && tab.columns.index[idKey] !== undefined ? cellText(r[tab.columns.index[idKey]]) : '';
      flagged.push(`${key || `#${i + 2}`} (${ui(L, 'labelRow')} ${i + 2}): ${problems.split('\n')[0]}`);
    });
  }
  const message = [ui(L, 'checkDone', { tab: tabName(def, L), rows: rows.length, flagged: flagged.length }), note].filter(Boolean).join(' ');
  return { ok: true, message, details: flagged.slice(0, 15), queued, ref: null };
}

function withDocumentLock<T>(ctx: RunContext, work: () => T): T {
  return withLock('document', 10000, work, () => refuse(ctx.locale, 'busy'));
}
