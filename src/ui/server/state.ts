/**
 * What the sidebar shows for a row: status, a checklist of what is missing (from the same
 * core rules the features apply), the upcoming reminders (Outbox rows whose key names the
 * row's ID), the events, the row's last Log lines, and the actions this person may take.
 * Read-only: tabs are read once each, the Log only at its end, one Calendar call at most.
 * A call shows its guests' answers (from its event) and where its staff notes are (the
 * twin event at the same time, core/calls.ts) — known without another Calendar call.
 * Every value is a plain string, number or boolean (google.script.run passes no Dates).
 */
import { REQUEST_COLUMNS } from '../../core/permissions';
import { currentAgreement, validateAgreement, agreementState } from '../../features/orders/rules/agreements';
import { checkCall } from '../../features/calls/rules/calls';
import { candidateIndex, orderIndex, splitIds, normId, CandidateInfo } from '../../features/calls/rules/indexes';
import { checkComment, CallCandidate } from '../../features/calls/rules/comments';
import { answerLabel, answersOf } from '../../features/calls/rules/answers';
import { Problem as CallProblem } from '../../features/calls/rules/messages';
import { Problem as OrderProblem } from '../../features/orders/rules/messages';
import { CallTypeKey } from '../../features/calls/rules/offsets';
import { reminderOffsets } from '../../features/calls/rules/offsets';
import {
  answerOf,
  deriveStatus,
  handOffCheck,
  jobSitePostingPaid,
  REQUIRED_FOR_HAND_OFF,
  statusLabel,
  agreementNeed,
  AGREEMENT_GATE_CODES,
  validateOrder,
} from '../../features/orders/rules/orders';
import { departmentName, departmentOf } from '../../core/permissions';
import {
  ANSWERS,
  CALL_KINDS,
  CALL_STATUSES,
  CALL_TYPES,
  choiceLabel,
  findChoice,
  Locale,
  OUTBOX_STATES,
  TabKey,
  tabDef,
  tabName,
} from '../../core/schema';
import { isDate, localDateOf, dayNumber, wallClockOf } from '../../core/time';
import { cellText, isBlank, isEmail, parseDateCell, Row } from '../../core/values';
import { RunContext } from '../../app/context';
import { agreementsOf, archivedRowsWhere, candidatesByIds, lastRows, ordersById, recordsAt, rowsWhere } from './read';
import { outboxState } from '../../mail/outbox';
import { cell } from '../../google/workbook';
import { ui } from './messages';
import { afterCallChecklist, agreedActions } from './after-call';
import { ID_KEY, locate, queuedEdits, refusals, RowAt, RowRef, runsAsOwner, UiTab } from './rows';

export interface CheckItem {
  label: string;
  ok: boolean;
  detail: string;
}

export interface Line {
  when: string;
  text: string;
  note: string;
  state: string;
}

export interface FieldSpec {
  key: string;
  label: string;
  type: 'text' | 'longtext' | 'integer' | 'email' | 'date' | 'list';
  required: boolean;
  choices?: string[];
  value: string;
}

export interface ActionSpec {
  id: 'handOff' | 'askHr' | 'answerHr' | 'markDone' | 'comment' | 'schedule' | 'agreedEdit' | 'agreedCancel';
  label: string;
  allowed: boolean;
  reason: string;
  fields?: FieldSpec[];
}

export interface SidebarState {
  locale: Locale;
  user: string;
  department: string;
  hint: string;
  ref: RowRef | null;
  tabLabel: string;
  title: string;
  status: string;
  statusTone: 'ok' | 'warn' | 'bad' | 'neutral';
  checklist: CheckItem[];
  problems: string[];
  pending: string[];
  reminders: Line[];
  events: Line[];
  log: Line[];
  actions: ActionSpec[];
}

export function fmtWhen(ctx: RunContext, v: unknown): string {
  if (!isDate(v)) return cellText(v);
  const w = wallClockOf(ctx.zone, v.getTime());
  const p = (n: number) => String(n).padStart(2, '0');
  const date = ctx.locale === 'en' ? `${w.year}-${p(w.month)}-${p(w.day)}` : `${p(w.day)}.${p(w.month)}.${w.year}`;
  return w.hour === 0 && w.minute === 0 ? date : `${date} ${p(w.hour)}:${p(w.minute)}`;
}

/** Problems that only say the item is missing: the checklist line says it already. */
const BARE = new Set<string>(['required', 'paidServicesEmpty', 'callFieldRequired', 'callStartMissing', 'callTypeMissing']);

const colLabel = (tab: TabKey, key: string, locale: Locale): string => {
  const c = tabDef(tab).columns.find((x) => x.key === key);
  return c ? c[locale] : key;
};

/** Does `text` name `id` as a whole token (ORD-2026-0001 is not in ORD-2026-00011)? */
export function mentions(text: string, id: string): boolean {
  if (!id) return false;
  let from = 0;
  for (;;) {
    const i = text.indexOf(id, from);
    if (i < 0) return false;
    const before = i === 0 ? '' : text.charAt(i - 1);
    const after = text.charAt(i + id.length);
    if (!/[A-Za-z0-9]/.test(before) && !/[A-Za-z0-9]/.test(after)) return true;
    from = i + 1;
  }
}

export function emptyState(ctx: RunContext, user: string): SidebarState {
  const dept = departmentOf(ctx.staff(), user);
  return {
    locale: ctx.locale,
    user,
    department: dept ? departmentName(dept, ctx.locale) : '',
    hint: ui(ctx.locale, 'pickRow'),
    ref: null,
    tabLabel: '',
    title: '',
    status: '',
    statusTone: 'neutral',
    checklist: [],
    problems: [],
    pending: [],
    reminders: [],
    events: [],
    log: [],
    actions: [],
  };
}

export function sidebarState(ctx: RunContext, ref: RowRef | null, user: string, owner: string): SidebarState {
  const state = emptyState(ctx, user);
  const at = locate(ctx, ref);
  if (!at) return state;
  state.hint = '';
  state.ref = { sheet: at.tab.sheet.getName(), row: at.rowNumber, id: at.id };
  state.tabLabel = tabName(at.tab.def, ctx.locale);
  const covered: string[] =
    at.key === 'orders'
      ? ordersState(ctx, at, state, user, owner)
      : at.key === 'agreements'
        ? agreementState_(ctx, at, state, user, owner)
        : callsState(ctx, at, state, user, owner);
  recorded(at, state, covered);
  state.reminders = remindersOf(ctx, at.id);
  state.log = logOf(ctx, at);
  state.pending = pendingOf(ctx, at);
  return state;
}

/** The Problems cell's lines that the checklist does not already say. */
function recorded(at: RowAt, state: SidebarState, covered: string[]): void {
  const shown = new Set<string>([...state.checklist.map((c) => c.detail), ...state.problems, ...covered]);
  for (const line of cellText(at.rec.problems).split('\n')) {
    const t = line.trim();
    if (t && !shown.has(t)) {
      state.problems.push(t);
      shown.add(t);
    }
  }
}

function action(id: ActionSpec['id'], label: string, reasons: string[], blocked = ''): ActionSpec {
  const reason = reasons[0] || blocked;
  return { id, label, allowed: !reason, reason };
}

function today(ctx: RunContext) {
  return localDateOf(ctx.zone, ctx.now.getTime());
}

// ---------------------------------------------------------------------------------------
// Orders

function ordersState(ctx: RunContext, at: RowAt, state: SidebarState, user: string, owner: string): string[] {
  const rec = at.rec;
  const L = ctx.locale;
  const agreement = currentAgreement(at.id, agreementsOf(ctx, at.id));
  const day = today(ctx);
  state.title = [at.id, cellText(rec.client), cellText(rec.vacancy)].filter(Boolean).join(' · ');
  const status = isBlank(rec.status) ? statusLabel(deriveStatus(rec, { zone: ctx.zone, today: day }), L) : cellText(rec.status);
  state.status = status;
  state.statusTone = !isBlank(rec.handedOffAt) ? 'ok' : isBlank(rec.problems) ? 'neutral' : 'warn';

  const problems = handOffCheck(rec, agreement, { zone: ctx.zone, today: day, staff: ctx.staff() });
  const used = new Set<OrderProblem>();
  const keys = [...REQUIRED_FOR_HAND_OFF];
  if (jobSitePostingPaid(rec)) keys.splice(keys.indexOf('paidServices') + 1, 0, 'jobSites');
  for (const key of keys) {
    const p = problems.find((x) => x.column === key);
    if (p) used.add(p);
    state.checklist.push({ label: colLabel('orders', key, L), ok: !p, detail: p && !BARE.has(p.code) ? p[L] : '' });
  }
  const need = agreementNeed(rec);
  if (need) {
    const p = problems.find((x) => AGREEMENT_GATE_CODES.has(x.code));
    if (p) used.add(p);
    state.checklist.push({ label: ui(L, need === 'calling' ? 'labelCallingAgreementOk' : 'labelAgreementOk'), ok: !p, detail: p ? p[L] : '' });
  }
  const deptEmail = isEmail(ctx.settings.clientDepartmentEmail.trim());
  state.checklist.push({ label: ui(L, 'labelClientDeptEmail'), ok: deptEmail, detail: '' });
  const usedTexts = new Set([...used].map((p) => p[L]));
  for (const p of [...problems, ...validateOrder(rec, { zone: ctx.zone, today: day, staff: ctx.staff() })]) {
    if (!used.has(p) && !usedTexts.has(p[L]) && state.problems.indexOf(p[L]) < 0) state.problems.push(p[L]);
  }

  // Events: the order's calls and its coming selections.
  if (at.id) {
    const calls = rowsWhere(ctx, 'calls', 'orderId', (v) => cellText(v).trim() === at.id, 10);
    for (const c of recordsAt(calls.tab, calls.indexes)) {
      const type = findChoice(CALL_TYPES, cellText(c.type));
      state.events.push({
        when: fmtWhen(ctx, c.start),
        text: `${type ? choiceLabel(type, L) : cellText(c.type)} ${cellText(c.callId)}`.trim(),
        note: '',
        state: cellText(c.status) || choiceLabel(CALL_STATUSES[0], L),
      });
    }
  }
  if (at.id) {
    const selections = rowsWhere(ctx, 'selections', 'orderId', (v) => cellText(v).trim() === at.id, 60);
    const upcoming = recordsAt(selections.tab, selections.indexes)
      .filter((s) => {
        const d = parseDateCell(s.callingDate, ctx.zone);
        return d.status !== 'ok' || dayNumber(d.value) >= dayNumber(day);
      })
      .slice(0, 3);
    for (const s of upcoming) {
      state.events.push({
        when: fmtWhen(ctx, s.selectionDate),
        text: ui(L, 'labelSelection', {
          n: cellText(s.number),
          date: fmtWhen(ctx, s.selectionDate),
          calling: fmtWhen(ctx, s.callingDate),
          due: fmtWhen(ctx, s.reportDue),
        }),
        note: '',
        state: '',
      });
    }
  }

  const handOffReasons = refusals(ctx, user, owner, 'orders', ['handOff'], rec);
  const already = !isBlank(rec.handedOffAt)
    ? ui(L, 'handOffAlready', { id: at.id, at: fmtWhen(ctx, rec.handedOffAt) })
    : state.checklist.some((c) => !c.ok)
      ? ui(L, 'handOffFirst')
      : '';
  state.actions.push(action('handOff', ui(L, 'actHandOff'), handOffReasons, already));
  if (agreementNeed(rec)) {
    const answer = answerOf(agreement);
    const open =
      agreement && answer !== 'rejected'
        ? ui(L, 'askHrOpen', { id: at.id, agreement: cellText(agreement.agreementId), state: answerText(ctx, agreement) })
        : '';
    const a = action('askHr', ui(L, 'actAskHr'), refusals(ctx, user, owner, 'agreements', ['orderId', 'requestedBy']), open);
    a.fields = askHrFields(ctx, rec);
    state.actions.push(a);
  }
  state.actions.push(action('schedule', ui(L, 'actSchedule'), refusals(ctx, user, owner, 'calls', ['type', 'orderId', 'start'])));
  return [...used].map((p) => p[L]);
}

/** The agreement request fields Sales fills (Order ID and Requested by are filled for them). */
export const ASK_HR_FIELDS: readonly string[] = [...REQUEST_COLUMNS]
  .filter((k) => k !== 'orderId' && k !== 'requestedBy')
  .concat('hrSpecialist');
const REQUIRED_ASK = ['expectedResumes', 'expectedCalls', 'risks'];

function askHrFields(ctx: RunContext, order: Row): FieldSpec[] {
  const def = tabDef('agreements');
  return ASK_HR_FIELDS.map((key) => {
    const col = def.columns.find((c) => c.key === key)!;
    const type: FieldSpec['type'] =
      col.type === 'integer'
        ? 'integer'
        : col.type === 'longtext'
          ? 'longtext'
          : col.type === 'email'
            ? 'email'
            : col.type === 'date'
              ? 'date'
              : col.type === 'list'
                ? 'list'
                : 'text';
    const spec: FieldSpec = { key, label: col[ctx.locale], type, required: REQUIRED_ASK.indexOf(key) >= 0, value: '' };
    if (key === 'callKind') spec.choices = CALL_KINDS.map((c) => choiceLabel(c, ctx.locale));
    if (key === 'hrSpecialist') spec.value = cellText(order.hrSpecialist);
    return spec;
  });
}

function answerText(ctx: RunContext, agreement: Row): string {
  const answer = findChoice(ANSWERS, cellText(agreement.answer));
  if (answer) return choiceLabel(answer, ctx.locale);
  return ui(ctx.locale, 'statePending');
}

// ---------------------------------------------------------------------------------------
// HR agreements

function agreementState_(ctx: RunContext, at: RowAt, state: SidebarState, user: string, owner: string): string[] {
  const rec = at.rec;
  const L = ctx.locale;
  const orderRows: Map<string, Row> = ordersById(ctx, [cellText(rec.orderId)]);
  const actx = { zone: ctx.zone, today: today(ctx), orders: orderRows, staff: ctx.staff() };
  const order = orderRows.get(cellText(rec.orderId).trim());
  state.title = [at.id, cellText(rec.orderId), order ? cellText(order.client) : ''].filter(Boolean).join(' · ');
  const st = agreementState(rec, actx);
  state.status = st === 'agreed' || st === 'rejected' ? answerText(ctx, rec) : ui(L, st === 'pending' ? 'statePending' : 'stateIncomplete');
  state.statusTone = st === 'agreed' ? 'ok' : st === 'rejected' ? 'bad' : st === 'pending' ? 'neutral' : 'warn';
  const problems = validateAgreement(rec, actx);
  const used = new Set<OrderProblem>();
  for (const key of ['orderId', 'requestedBy', 'expectedResumes', 'expectedCalls', 'risks']) {
    const p = problems.find((x) => x.column === key && x.severity === 'error');
    if (p) used.add(p);
    state.checklist.push({ label: colLabel('agreements', key, L), ok: !p, detail: p && !BARE.has(p.code) ? p[L] : '' });
  }
  const answered = answerOf(rec) !== 'pending';
  state.checklist.push({ label: ui(L, 'labelHrAnswer'), ok: answered, detail: answered ? '' : ui(L, 'statePending') });
  for (const p of problems) if (!used.has(p) && state.problems.indexOf(p[L]) < 0) state.problems.push(p[L]);
  const blocked = answered
    ? ui(L, 'answerAlready', { id: at.id, answer: answerText(ctx, rec) })
    : st === 'incomplete'
      ? ui(L, 'stateIncomplete')
      : '';
  const a = action('answerHr', ui(L, 'actAnswerHr'), refusals(ctx, user, owner, 'agreements', ['answer', 'hrComment'], rec), blocked);
  a.fields = [
    {
      key: 'answer',
      label: colLabel('agreements', 'answer', L),
      type: 'list',
      required: true,
      choices: ANSWERS.map((c) => choiceLabel(c, L)),
      value: '',
    },
    { key: 'hrComment', label: colLabel('agreements', 'hrComment', L), type: 'longtext', required: false, value: cellText(rec.hrComment) },
  ];
  state.actions.push(a);
  return [...used].map((p) => p[L]);
}

// ---------------------------------------------------------------------------------------
// Calls

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

function callsState(ctx: RunContext, at: RowAt, state: SidebarState, user: string, owner: string): string[] {
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
    const comment = checkComment(type, rec.comment, callCandidates(ctx, rec));
    const errors = comment.problems.filter((p) => p.severity === 'error');
    state.checklist.push({ label: ui(L, 'labelCommentTemplate'), ok: errors.length === 0, detail: errors.map((p) => p[L]).join(' ') });
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

// ---------------------------------------------------------------------------------------
// Outbox, Log, the queue

export function remindersOf(ctx: RunContext, id: string): Line[] {
  if (!id) return [];
  const test = (v: unknown) => mentions(cellText(v), id);
  const found = rowsWhere(ctx, 'outbox', 'key', test, 40);
  const outbox = found.tab;
  if (!outbox) return [];
  // Old finished mail has moved to the yearly archive tabs: looked up there when the live tab has few.
  const blocks = [{ tab: outbox, indexes: found.indexes }];
  const pastLive = found.indexes.filter((i) => outboxState(cell(outbox, outbox.rows[i], 'state')) !== 'pending').length;
  if (pastLive < 4) blocks.push(...archivedRowsWhere(ctx, 'outbox', 'key', test, 4 - pastLive));
  const rows = blocks.flatMap((b) => b.indexes.map((i) => ({ tab: b.tab, r: b.tab.rows[i] })));
  const lines = rows.map(({ tab, r }) => {
    const outbox = tab;
    const stateText = cellText(cell(outbox, r, 'state'));
    const state = findChoice(OUTBOX_STATES, stateText)?.key ?? 'pending';
    const due = cell(outbox, r, 'due');
    return {
      sortKey: isDate(due) ? due.getTime() : 0,
      pending: state === 'pending',
      line: {
        when: fmtWhen(ctx, state === 'sent' && isDate(cell(outbox, r, 'sentAt')) ? cell(outbox, r, 'sentAt') : due),
        text: cellText(cell(outbox, r, 'subject')) || cellText(cell(outbox, r, 'template')),
        note: [cellText(cell(outbox, r, 'recipient')), cellText(cell(outbox, r, 'lastError'))].filter(Boolean).join(' · '),
        state: stateText,
      },
    };
  });
  const upcoming = lines.filter((l) => l.pending).sort((a, b) => a.sortKey - b.sortKey);
  const past = lines
    .filter((l) => !l.pending)
    .sort((a, b) => b.sortKey - a.sortKey)
    .slice(0, 4);
  return [...upcoming.slice(0, 8), ...past].map((l) => l.line);
}

/** The last Log lines about the row (the Log is read only at its end). */
export function logOf(ctx: RunContext, at: RowAt, max = 6): Line[] {
  const { tab, indexes } = lastRows(ctx, 'log', 300);
  if (!tab) return [];
  const keys = [at.id, `#${at.rowNumber}`].filter(Boolean);
  return recordsAt(tab, indexes)
    .filter((r) => keys.indexOf(cellText(r.rowKey)) >= 0)
    .slice(-max)
    .reverse()
    .map((r) => ({ when: fmtWhen(ctx, r.time), text: cellText(r.action), note: cellText(r.details), state: cellText(r.user) }));
}

function pendingOf(ctx: RunContext, at: RowAt): string[] {
  return queuedEdits()
    .map((q) => q.entry)
    .filter(
      (e) => e.kind === 'edit' && e.tab === at.key && (at.id ? e.id === at.id || (!e.id && e.row === at.rowNumber) : e.row === at.rowNumber),
    )
    .map((e) => ui(ctx.locale, 'pendingFor', { action: e.label, at: fmtWhen(ctx, new Date(e.at)), user: e.user }));
}

export { ID_KEY };
export type { UiTab };
