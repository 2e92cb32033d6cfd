/**
 * After an Interview (seed 003, «Действия после звонка»; issue 14 point 4): the steps the
 * regulation lists once the client has met the candidates, as a checklist each call carries
 * and the workbook keeps.
 *
 * - «В SRM вносим кандидатов и комментарии по ним, которые оставил клиент»: the client's
 *   feedback on each candidate is read from the comment's "Interview results" part (a line
 *   "Name (ID) – …", else the lines that name the candidate) and lands on Candidates.
 * - «Отправляем клиенту необходимую информацию, которую он попросил» (e.g. portfolios): what
 *   the manager typed in "Client asked for" is e-mailed to the client once the call is Done.
 * - «Если клиент выбрал кандидата, отправляем договор для подписания … договариваемся о
 *   Introductory call»: a hire sends the contract to the client, and an Introductory call for
 *   that candidate is due until one is on the Calls tab.
 * - «Если никто не понравился, предлагаем подобрать других кандидатов, договариваемся о
 *   следующей встрече»: with nobody hired, a follow-up is due until a later call of the order
 *   exists. Reading: a planned selection alone does not close it — Selections are planned for
 *   the whole paid period ahead, so one is nearly always there; the regulation asks for the
 *   next meeting to be agreed.
 * - Repeat call (seed 003 «Повторный звонок»): a repeat interview's comment follows the
 *   Interview template, a clarifying call's is a short summary (see commentType).
 *
 * Pure: the adapter (../after-interview.ts) gives it the rows it read and writes what it returns.
 */
import { Localized, Params, Problem, localizer, problemMaker } from '../../../core/i18n';
import { CALL_STATUSES, CALL_TYPES, REPEAT_KINDS, findChoice } from '../../../core/schema';
import { CallTypeKey } from './offsets';

const MESSAGES = {
  feedbackMissing: {
    ru: 'Нет отзыва клиента о кандидате {name} ({id}) в «Interview results» (строка «{name} ({id}) – …»): он переносится в «Кандидаты».',
    en: 'No client feedback on {name} ({id}) in "Interview results" (a line "{name} ({id}) – …"): it goes to Candidates.',
  },
  askedWaiting: {
    ru: 'То, что просил клиент («Клиент попросил»), ещё не отправлено клиенту: {state}.',
    en: 'What the client asked for ("Client asked for") has not gone to the client yet: {state}.',
  },
  askedNoClient: {
    ru: '«Клиент попросил» заполнено, но у звонка и заказа нет e-mail клиента: отправить некому.',
    en: '"Client asked for" is filled but neither the call nor its order has a client e-mail: there is no one to send it to.',
  },
  contractWaiting: {
    ru: 'Договор для подписания ещё не отправлен клиенту ({name}, {id}): {state}.',
    en: 'The contract for signing has not gone to the client yet ({name}, {id}): {state}.',
  },
  contractNoClient: {
    ru: 'Кандидат {name} ({id}) нанят, но у звонка и заказа нет e-mail клиента: договор отправить некому.',
    en: '{name} ({id}) is hired but neither the call nor its order has a client e-mail: there is no one to send the contract to.',
  },
  introDue: {
    ru: 'Кандидат {name} ({id}) нанят: назначьте вводный звонок (Introductory call) с клиентом, сотрудником и тимлидом — строка в «Звонках» с этим ID кандидата или его e-mail.',
    en: '{name} ({id}) is hired: schedule the Introductory call with the client, the employee and the team lead — a Calls row naming this candidate ID or e-mail.',
  },
  followUpDue: {
    ru: 'Никто не нанят: предложите клиенту других кандидатов и назначьте следующую встречу — новый звонок по заказу {orderId} после этого.',
    en: 'Nobody hired: offer the client new candidates and schedule the next meeting — a new call of order {orderId} after this one.',
  },
  followUpNoOrder: {
    ru: 'Никто не нанят: назначьте следующую встречу; у звонка нет «ID заказа», следующий звонок найти не по чему.',
    en: 'Nobody hired: schedule the next meeting; the call has no Order ID to find the next call by.',
  },
} as const;

const LABELS = {
  stepFeedback: { ru: 'Отзывы клиента о кандидатах — в «Кандидатах»', en: "The client's feedback on each candidate — on Candidates" },
  stepAsked: { ru: 'Клиенту отправлено то, что он просил', en: 'The client got what they asked for' },
  stepContract: { ru: 'Договор отправлен клиенту на подпись', en: 'The contract went to the client for signing' },
  stepIntro: { ru: 'Вводный звонок назначен', en: 'The Introductory call is scheduled' },
  stepFollowUp: { ru: 'Следующая встреча назначена (никто не нанят)', en: 'The next meeting is scheduled (nobody hired)' },
} as const;

const TEXTS = {
  logClientMail: { ru: 'Письмо клиенту после интервью', en: 'E-mail to the client after the interview' },
} as const;

/** The Log actions of the after-interview work. */
export const afterInterviewText = localizer<keyof typeof TEXTS>(TEXTS);

export type AfterInterviewCode = keyof typeof MESSAGES;
const { problem, warning } = problemMaker<AfterInterviewCode>(MESSAGES);
export { problem as afterInterviewProblem };

const textOf = (v: unknown): string => (typeof v === 'string' ? v.trim() : typeof v === 'number' ? String(v) : '');
const normId = (id: string): string => id.trim().toUpperCase();

// ---- what a call's comment is checked against ----

const INTERVIEW_HEADER =
  /^[\s\-–—•*·]*(today\s+we\s+interviewed|сегодня\s+(мы\s+)?(провели\s+интервью\s+с|собеседовали|проинтервьюировали))(?=[\s:]|$)/im;

export type RepeatKind = (typeof REPEAT_KINDS)[number]['key'];

/** The Repeat call kind typed on the row; else read from the comment (the Interview header means a repeat interview). */
export function repeatKindOf(repeatKind: unknown, comment: unknown): { kind: RepeatKind; typed: boolean } {
  const typed = findChoice(REPEAT_KINDS, textOf(repeatKind))?.key as RepeatKind | undefined;
  if (typed) return { kind: typed, typed: true };
  return { kind: INTERVIEW_HEADER.test(typeof comment === 'string' ? comment : '') ? 'interview' : 'clarifying', typed: false };
}

/**
 * The template a Done call's comment is checked against (checkComment's type): a repeat
 * interview's is the Interview's (candidates, results, SM); a clarifying call's is the
 * Repeat call's own (a non-empty summary). Other types are their own.
 */
export function commentType(type: CallTypeKey, row: { repeatKind?: unknown; comment?: unknown }): CallTypeKey {
  if (type !== 'repeat') return type;
  return repeatKindOf(row.repeatKind, row.comment).kind === 'interview' ? 'interview' : 'repeat';
}

/** Calls whose candidates the client judged: an Interview, or a Repeat call that was a repeat interview. */
export function isInterviewLike(type: CallTypeKey | undefined, row: { repeatKind?: unknown; comment?: unknown }): boolean {
  return type === 'interview' || (type === 'repeat' && commentType(type, row) === 'interview');
}

// ---- the client's feedback per candidate ----

export interface Person {
  id: string;
  name: string;
  email?: string;
}

const RESULTS_HEADER = /^(interview\s+results|результаты\s+интервью)\s*:?\s*(.*)$/i;
const SM_LINE = /^(sm|менеджер)\s*:/i;
const BULLET = /^[\s\-–—•*·]+/;
const NUMBERING = /^\d{1,3}[.)]\s+/;
const ID_LINE = /^(.+?)\s*\(\s*([^()]+?)\s*\)\s*[-–—:]\s*(\S.*)$/;
const BARE_ID_LINE = /^(\S+?)\s*[-–—:]\s+(\S.*)$/;
const LETTER = /[\p{L}\p{N}]/u;

/** Does `line` name `word` as a whole word (case-insensitive)? */
function names(line: string, word: string): boolean {
  const w = word.trim().toLowerCase();
  if (w.length < 2) return false;
  const l = line.toLowerCase();
  for (let i = l.indexOf(w); i >= 0; i = l.indexOf(w, i + 1)) {
    const before = i > 0 ? l.charAt(i - 1) : '';
    const after = l.charAt(i + w.length);
    if (!(before && LETTER.test(before)) && !(after && LETTER.test(after))) return true;
  }
  return false;
}

/** The lines of the comment's "Interview results" part (up to "SM:"). */
export function resultsLines(comment: string): string[] {
  const lines = comment.replace(/\r\n?/g, '\n').split('\n');
  const start = lines.findIndex((l) => RESULTS_HEADER.test(l.replace(BULLET, '').trim()));
  if (start < 0) return [];
  const out = [RESULTS_HEADER.exec(lines[start].replace(BULLET, '').trim())![2]];
  for (let i = start + 1; i < lines.length && !SM_LINE.test(lines[i].replace(BULLET, '').trim()); i++) out.push(lines[i]);
  return out.map((l) => l.replace(BULLET, '').replace(NUMBERING, '').trim()).filter(Boolean);
}

/**
 * The client's feedback on each of the call's candidates, by normalized ID: a results line
 * "Name (ID) – text" or "ID – text" gives that candidate's; otherwise the results lines that
 * name the candidate (ID, full name or first name) are theirs. A candidate nobody wrote about gets none.
 */
export function clientFeedback(comment: unknown, candidates: readonly Person[]): Map<string, string> {
  const out = new Map<string, string>();
  const lines = resultsLines(typeof comment === 'string' ? comment : '');
  const byId = new Map(candidates.map((c) => [normId(c.id), c]));
  const add = (id: string, t: string) => out.set(id, out.has(id) ? `${out.get(id)} ${t}` : t);
  const loose: string[] = [];
  for (const line of lines) {
    const m = ID_LINE.exec(line) ?? BARE_ID_LINE.exec(line);
    const id = m ? normId(m.length === 4 ? m[2] : m[1]) : '';
    if (m && byId.has(id)) add(id, m[m.length - 1].trim());
    else loose.push(line);
  }
  // Lines of their own win; a candidate without one gets the lines that name them.
  const own = new Set(out.keys());
  for (const line of loose) {
    for (const c of candidates) {
      const id = normId(c.id);
      if (own.has(id)) continue;
      const first = c.name.trim().split(/\s+/)[0] ?? '';
      if (names(line, c.id) || (c.name && names(line, c.name)) || (first && names(line, first))) add(id, line);
    }
  }
  return out;
}

// ---- the steps ----

/** A Calls row as the steps need it. */
export interface CallRow {
  callId: string;
  type: CallTypeKey | undefined;
  status: 'scheduled' | 'done' | 'cancelled';
  /** Start in ms, null when not a date. */
  start: number | null;
  orderId: string;
  candidateIds: string[];
  hiredEmployeeEmail: string;
}

/** An Outbox row's state for a key: none yet, or its state key (pending, sent, failed, cancelled, missed). */
export type MailState = 'none' | 'pending' | 'sent' | 'failed' | 'cancelled' | 'missed';

export interface StepInput {
  call: CallRow;
  candidates: readonly Person[];
  /** The comment fits its template (the steps start then). */
  commentOk: boolean;
  feedback: ReadonlyMap<string, string>;
  /** Hired is ticked on the row (valid or not). */
  hiredTicked: boolean;
  /** The hired candidate, once the hire is complete and valid. */
  hired: Person | null;
  askedFor: string;
  clientEmail: string;
  askedMail: MailState;
  contractMail: MailState;
  /** Every Calls row of the workbook (the later calls of the order, the Introductory calls). */
  calls: readonly CallRow[];
}

export type StepKey = 'feedback' | 'asked' | 'contract' | 'intro' | 'followUp';

export interface Step {
  key: StepKey;
  label: Localized;
  ok: boolean;
  /** Why it is open (a Problems line on the call), when it is. */
  problem: Problem<AfterInterviewCode> | null;
}

const MAIL_STATE: Record<MailState, Localized> = {
  none: { ru: 'ждёт отправки', en: 'waiting to be sent' },
  pending: { ru: 'в «Исходящих», ожидает', en: 'Pending in the Outbox' },
  sent: { ru: 'отправлено', en: 'sent' },
  failed: { ru: 'ошибка отправки — см. «Исходящие»', en: 'the send failed — see the Outbox' },
  cancelled: { ru: 'отменено в «Исходящих»', en: 'cancelled in the Outbox' },
  missed: { ru: 'пропущено — см. «Исходящие»', en: 'missed — see the Outbox' },
};

const step = (key: StepKey, label: Localized, p: Problem<AfterInterviewCode> | null): Step => ({ key, label, ok: !p, problem: p });

/** An Introductory call (not cancelled) for the candidate: it names their ID, or their e-mail as the hired employee. */
export function introFor(person: Person, orderId: string, calls: readonly CallRow[]): CallRow | undefined {
  const email = (person.email ?? '').trim().toLowerCase();
  return calls.find(
    (c) =>
      c.type === 'intro' &&
      c.status !== 'cancelled' &&
      (!orderId || !c.orderId || c.orderId === orderId) &&
      (c.candidateIds.some((id) => normId(id) === normId(person.id)) || (!!email && c.hiredEmployeeEmail.trim().toLowerCase() === email)),
  );
}

/** A call of the same order after this one (not cancelled): the next meeting. */
export function laterCall(call: CallRow, calls: readonly CallRow[]): CallRow | undefined {
  if (!call.orderId || call.start === null) return undefined;
  return calls.find(
    (c) => c.callId !== call.callId && c.orderId === call.orderId && c.status !== 'cancelled' && c.start !== null && c.start > call.start!,
  );
}

/**
 * The after-interview steps of a Done Interview (or repeat interview) whose comment fits its
 * template; none before that. Each open step carries the Problems line that says what to do.
 */
export function afterInterviewSteps(input: StepInput): Step[] {
  const { call } = input;
  if (call.status !== 'done' || !input.commentOk) return [];
  const steps: Step[] = [];
  const missing = input.candidates.find((c) => !input.feedback.has(normId(c.id)));
  steps.push(step('feedback', LABELS.stepFeedback, missing ? warning('feedbackMissing', person(missing)) : null));
  if (input.askedFor.trim()) {
    const p = !input.clientEmail
      ? warning('askedNoClient')
      : input.askedMail === 'sent'
        ? null
        : warning('askedWaiting', { state: MAIL_STATE[input.askedMail] });
    steps.push(step('asked', LABELS.stepAsked, p));
  }
  if (input.hired) {
    const params = person(input.hired);
    const p = !input.clientEmail
      ? warning('contractNoClient', params)
      : input.contractMail === 'sent'
        ? null
        : warning('contractWaiting', { ...params, state: MAIL_STATE[input.contractMail] });
    steps.push(step('contract', LABELS.stepContract, p));
    steps.push(step('intro', LABELS.stepIntro, introFor(input.hired, call.orderId, input.calls) ? null : warning('introDue', params)));
  } else if (!input.hiredTicked) {
    const p = !call.orderId
      ? warning('followUpNoOrder')
      : laterCall(call, input.calls)
        ? null
        : warning('followUpDue', { orderId: call.orderId });
    steps.push(step('followUp', LABELS.stepFollowUp, p));
  }
  return steps;
}

function person(p: Person): Params {
  return { id: p.id, name: p.name || p.id };
}

/** A Calls record (keyed by column key) as a CallRow. */
export function callRowOf(rec: Record<string, unknown>): CallRow {
  const type = findChoice(CALL_TYPES, textOf(rec.type))?.key as CallTypeKey | undefined;
  const statusText = textOf(rec.status);
  const status = (statusText ? (findChoice(CALL_STATUSES, statusText)?.key ?? 'scheduled') : 'scheduled') as CallRow['status'];
  const start =
    rec.start instanceof Date || Object.prototype.toString.call(rec.start) === '[object Date]' ? (rec.start as Date).getTime() : null;
  const candidateIds = textOf(rec.candidateIds)
    .split(/[,;\n]+/)
    .map((s) => s.trim())
    .filter(Boolean);
  return {
    callId: textOf(rec.callId),
    type,
    status,
    start,
    orderId: textOf(rec.orderId),
    candidateIds,
    hiredEmployeeEmail: textOf(rec.hiredEmployeeEmail),
  };
}

// ---- what lands on Candidates ----

export interface CandidateOutcome {
  clientFeedback: string;
  hireStartDate: Date | '';
  price: number | '';
  contractLink: string;
  hiredOnCall: string;
}

export interface CallOutcome {
  callId: string;
  start: number;
  feedback: ReadonlyMap<string, string>;
  hire: { candidateId: string; startDate: Date; price: number; contractLink: string } | null;
}

/**
 * What each candidate's row shows, from the Done calls that judged them: the feedback of the
 * latest call that has some ("CALL-…: text"), the hire of the latest call that hired them.
 * Candidates no Done call speaks of are absent (their cells are emptied: they follow the calls).
 */
export function candidateOutcomes(calls: readonly CallOutcome[]): Map<string, CandidateOutcome> {
  const out = new Map<string, CandidateOutcome>();
  const get = (id: string) => {
    let o = out.get(id);
    if (!o) out.set(id, (o = { clientFeedback: '', hireStartDate: '', price: '', contractLink: '', hiredOnCall: '' }));
    return o;
  };
  const ordered = [...calls].sort((a, b) => a.start - b.start || (a.callId < b.callId ? -1 : 1));
  for (const c of ordered) {
    c.feedback.forEach((text, id) => (get(id).clientFeedback = `${c.callId}: ${text}`));
    if (c.hire) {
      const o = get(normId(c.hire.candidateId));
      o.hireStartDate = c.hire.startDate;
      o.price = c.hire.price;
      o.contractLink = c.hire.contractLink;
      o.hiredOnCall = c.callId;
    }
  }
  return out;
}
