/**
 * The after-interview steps of a run (rules/after-interview.ts says which and why): each
 * Done Interview (or repeat interview) whose comment fits its template gets its steps as
 * Problems lines until they are closed, and this module does the work that closes them —
 *
 * - the client's feedback and the hire land on Candidates ("Client feedback", "Start date",
 *   "Price", "Contract link", "Hired on call"; the system's columns, following the calls);
 * - a hire e-mails the contract (template sales.contract) to the client for signing, once
 *   per call and candidate (Outbox key contract:<call>:<candidate>; a later link — the signed
 *   copy — updates Candidates but asks for no second signature);
 * - "Client asked for" goes to the client once per text (asked:<call>:<hash>), like a comment;
 * - the Introductory call and the next meeting are closed by scheduling them (a Calls row).
 *
 * Cost: the Calls, Candidates and Orders tabs are the run's (read once); the Outbox index is
 * the run's; Candidates are written one column at a time and only where a cell changes.
 */
import { checkComment } from './rules/comments';
import { checkHire, Hire } from './rules/hire';
import { PlannedCall } from './rules/calls';
import { normId, splitIds } from './rules/indexes';
import {
  afterInterviewSteps,
  afterInterviewText,
  CallOutcome,
  callRowOf,
  CallRow,
  candidateOutcomes,
  clientFeedback,
  commentType,
  isInterviewLike,
  MailState,
  Person,
  Step,
} from './rules/after-interview';
import { CallTypeKey } from './rules/offsets';
import { hasErrors } from './rules/messages';
import { Locale } from '../../core/schema';
import { isDate, localDateOf, dayNumber, wallClockOf } from '../../core/time';
import { TemplateValues } from '../../core/templates';
import { hash } from '../../google/calendar';
import { recordOf } from '../../google/records';
import { cell } from '../../google/workbook';
import { composeMail } from '../../mail/mailer';
import { sendOnce } from '../../mail/outbox';
import { quotaHit, afterMailError } from './sending';
import { CallsRun, Plan, text } from './run';

export const contractKey = (callId: string, candidateId: string) => `contract:${callId}:${normId(candidateId)}`;
export const askedKey = (callId: string, asked: string) => `asked:${callId}:${hash(asked.replace(/\r\n?/g, '\n').trim())}`;

/** Sends what the steps of the run's Done interviews call for, then puts their open steps on the rows; writes Candidates. */
export function afterInterviews(run: CallsRun): void {
  const rows = run.calls.rows.map((r) => recordOf(run.calls, r));
  const callRows = rows.map(callRowOf);
  for (const plan of run.plans) {
    if (plan.index < 0 || plan.removed || plan.status !== 'done' || !plan.call || !plan.commentOk) continue;
    if (!isInterviewLike(plan.call.type, plan.rec)) continue;
    sendDue(run, plan, plan.call);
    for (const s of stepsOf(run, plan, plan.call, callRows)) if (s.problem) plan.problems.push(s.problem);
  }
  writeCandidates(run, rows);
}

/** Rows of Done interviews of the orders the given rows belong to (not those rows): their steps follow a new call. */
export function relatedInterviews(run: CallsRun, indexes: readonly number[]): number[] {
  const edited = new Set(indexes);
  const orders = new Set(indexes.map((i) => text(cell(run.calls, run.calls.rows[i] ?? [], 'orderId'))).filter(Boolean));
  if (!orders.size) return [];
  const out: number[] = [];
  run.calls.rows.forEach((row, i) => {
    if (edited.has(i) || !orders.has(text(cell(run.calls, row, 'orderId')))) return;
    const rec = recordOf(run.calls, row);
    const r = callRowOf(rec);
    if (r.status === 'done' && isInterviewLike(r.type, rec)) out.push(i);
  });
  return out;
}

/** The client's address for the call: the row's, else the order's Client e-mail. */
export function clientOf(run: CallsRun, call: PlannedCall): string {
  return call.clientEmail || run.orders.get(call.orderId)?.contacts[0] || '';
}

function mailState(run: CallsRun, key: string): MailState {
  return (run.index().get(key)?.state as MailState | undefined) ?? 'none';
}

function hiredPerson(run: CallsRun, hire: Hire | null): Person | null {
  if (!hire) return null;
  const c = run.candidates.get(normId(hire.candidateId));
  return { id: c?.id ?? hire.candidateId, name: c?.name ?? '', email: c?.email ?? '' };
}

export function stepsOf(run: CallsRun, plan: Plan, call: PlannedCall, calls: readonly CallRow[]): Step[] {
  const hired = hiredPerson(run, plan.hire);
  const askedFor = text(plan.rec.clientAskedFor);
  return afterInterviewSteps({
    call: { ...callRowOf(plan.rec), status: 'done' },
    candidates: call.candidates,
    commentOk: plan.commentOk,
    feedback: clientFeedback(plan.rec.comment, call.candidates),
    hiredTicked: plan.rec.hired === true,
    hired,
    askedFor,
    clientEmail: clientOf(run, call),
    askedMail: askedFor ? mailState(run, askedKey(plan.callId, askedFor)) : 'none',
    contractMail: hired ? mailState(run, contractKey(plan.callId, hired.id)) : 'none',
    calls,
  });
}

function sendDue(run: CallsRun, plan: Plan, call: PlannedCall): void {
  const to = clientOf(run, call);
  if (!to || !run.outbox) return;
  const askedFor = text(plan.rec.clientAskedFor);
  const base: TemplateValues = {
    client: call.clientName || to,
    contactPerson: call.contactPerson || call.clientName || '',
    senderName: run.ctx.settings.senderName,
  };
  if (askedFor)
    send(run, plan, askedKey(plan.callId, askedFor), to, 'interview.clientRequest', call.language, {
      ...base,
      items: askedFor,
      callDate: dateText(run, call.start, call.language),
      manager: run.staffNames.get(call.managerEmail) || call.managerEmail,
    });
  const hired = hiredPerson(run, plan.hire);
  if (hired && plan.hire)
    send(run, plan, contractKey(plan.callId, hired.id), to, 'sales.contract', call.language, {
      ...base,
      contractLink: plan.hire.contractLink,
      signBy: signBy(run, plan.hire.startDate, call.language),
    });
}

function send(run: CallsRun, plan: Plan, key: string, to: string, template: string, language: Locale, values: TemplateValues): void {
  const outbox = run.outbox!;
  const existing = run.index().get(key);
  if (existing && existing.state !== 'pending') return; // sent, or held for a person (the step says so)
  if (run.mailStop || !run.timeLeft()) return;
  const mail = composeMail(
    run.templates,
    { key, to: [to], template, language, values, replyTo: plan.call?.managerEmail },
    run.ctx.settings.senderName,
  );
  if (typeof mail === 'string') return;
  const result = sendOnce(outbox, mail, run.locale, new Date(), run.index());
  if (result.outcome === 'sent') run.log(plan.callId, afterInterviewText(run.locale, 'logClientMail'), `${template} → ${to}`);
  else if (result.outcome === 'quota') quotaHit(run, plan.callId);
  else if (result.outcome !== 'already-sent') afterMailError(run, result, plan.callId);
}

function dateText(run: CallsRun, ms: number, language: Locale): string {
  const w = wallClockOf(run.ctx.zone, ms);
  const p = (n: number) => String(n).padStart(2, '0');
  return language === 'ru' ? `${p(w.day)}.${p(w.month)}.${w.year}` : `${w.year}-${p(w.month)}-${p(w.day)}`;
}

/** Sign by the working day before the start date (the employee starts under a signed contract), not before today. */
function signBy(run: CallsRun, start: Date, language: Locale): string {
  const zone = run.ctx.zone;
  const cal = run.ctx.workCalendar();
  const before = cal.previousWorkingDay(localDateOf(zone, start.getTime()));
  const today = localDateOf(zone, run.now);
  const d = dayNumber(before) < dayNumber(today) ? today : before;
  const p = (n: number) => String(n).padStart(2, '0');
  return language === 'ru' ? `${p(d.day)}.${p(d.month)}.${d.year}` : `${d.year}-${p(d.month)}-${p(d.day)}`;
}

// ---- Candidates ----

/** What each Done interview of the workbook said of its candidates (feedback, hire). */
export function outcomesOf(run: CallsRun, rows: readonly Record<string, unknown>[]): CallOutcome[] {
  const out: CallOutcome[] = [];
  for (const rec of rows) {
    const row = callRowOf(rec);
    if (row.status !== 'done' || row.start === null || !row.callId || !isInterviewLike(row.type, rec)) continue;
    const candidates = splitIds(rec.candidateIds).map((id) => {
      const c = run.candidates.get(normId(id));
      return { id: c?.id ?? id, name: c?.name ?? '', email: c?.email ?? '' };
    });
    const type = commentType(row.type as CallTypeKey, rec);
    if (hasErrors(checkComment(type, rec.comment, candidates).problems)) continue;
    const hire = rec.hired === true ? checkHire(rec, candidates).hire : null;
    out.push({ callId: row.callId, start: row.start, feedback: clientFeedback(rec.comment, candidates), hire });
  }
  return out;
}

const CANDIDATE_COLUMNS = ['clientFeedback', 'hireStartDate', 'price', 'contractLink', 'hiredOnCall'] as const;

function same(a: unknown, b: unknown): boolean {
  if (isDate(a) || isDate(b)) return isDate(a) && isDate(b) && a.getTime() === b.getTime();
  if (typeof a === 'number' || typeof b === 'number') return Number(a) === Number(b) && text(a) !== '' && text(b) !== '';
  return text(a) === text(b);
}

function writeCandidates(run: CallsRun, rows: readonly Record<string, unknown>[]): void {
  const book = run.candidateBook;
  const tab = book.tab;
  if (!tab || CANDIDATE_COLUMNS.some((k) => tab.columns.index[k] === undefined)) return;
  const outcomes = candidateOutcomes(outcomesOf(run, rows));
  // A partial read (an edit) judges the candidates with an outcome and those it read; the tick judges all.
  const judged = new Map<string, number>(book.partial ? book.loaded() : run.candidateRows);
  for (const id of outcomes.keys()) {
    const i = book.rows.get(id);
    if (i !== undefined) judged.set(id, i);
  }
  // An edit that read only some calls leaves the others' candidates to the tick.
  for (const id of [...judged.keys()]) if (!run.judges(id)) judged.delete(id);
  for (const key of CANDIDATE_COLUMNS) {
    const changes = new Map<number, unknown>();
    for (const [id, i] of judged) {
      const row = book.row(i);
      if (!row) continue;
      const want = outcomes.get(id)?.[key] ?? '';
      const have = cell(tab, row, key);
      if (!same(want, have) && !(want === '' && (have === '' || have === null || have === undefined))) changes.set(i, want);
    }
    book.writeColumn(key, changes);
    if (changes.size) run.candidateWrites += changes.size;
  }
}
