/**
 * HR agreements (docs/DOMAIN.md §5.1, seed 000): Sales asks HR to agree every sale of the calling
 * service (expected resumes, calls, candidates agreeing and coming, risks) and individual
 * terms before promising them; HR answers Agreed or Rejected; agreed terms replace Table 1.
 *
 * Readings chosen:
 * - Required to file: the order, the requester, expected resumes and expected calls, and
 *   the risks (the seed lists these unconditionally); expected agreeing / coming are asked
 *   "if it can be estimated" and the client's call kind / outcome "if appropriate", so
 *   they are optional. At least one individual item (weekdays, resumes per selection,
 *   first selection date or other points) should be named — a warning otherwise.
 * - A Rejected answer needs a comment (the reason goes to Sales); an Agreed one may omit it.
 * - An order's current agreement is its last row on the tab: a new request supersedes an
 *   earlier answer, so changing agreed terms means a new row that HR answers again.
 * - Due: by the end of the first working day after the day of filing (the deadline
 *   instant is the next midnight in the spreadsheet's zone).
 */
import { columnProblem, Problem } from './messages';
import { addDays, dayNumber, instantAt, LocalDate, localDateOf, Zone } from '../../../core/time';
import { tabDef } from '../../../core/schema';
import { cellText, isBlank, parseCount, parseDateCell, parseEmailCell, parseWeekdays, Row } from '../../../core/values';
import {
  agreementNeed,
  answerOf,
  callingServiceSold,
  dateParam,
  INDIVIDUAL_TERM_COLUMNS,
  isPaymentRecorded,
  staffProblems,
  termsOf,
  typedCellProblems,
} from './orders';
import { departmentMembers, routeTo, Routed, StaffDirectory } from '../../../core/permissions';

export { answerOf };

export interface AgreementContext {
  zone: Zone;
  /** Today in the zone: a first selection date already past is flagged while unanswered. */
  today?: LocalDate;
  /** Orders by Order ID (trimmed), to check the link and the order's terms. */
  orders?: ReadonlyMap<string, Row>;
  staff?: StaffDirectory;
}

/** Columns a request must have before it goes to HR. */
export const REQUIRED_TO_FILE: readonly string[] = ['orderId', 'requestedBy', 'expectedResumes', 'expectedCalls', 'risks'];

/** The individual items a request can ask for. */
const TERM_COLUMNS = INDIVIDUAL_TERM_COLUMNS;

/** Problems of an HR agreements row as typed, in column order. */
export function validateAgreement(agreement: Row, ctx: AgreementContext): Problem[] {
  const problems: Problem[] = [];
  for (const column of tabDef('agreements').columns) {
    if (column.system) continue;
    const value = agreement[column.key];
    if (isBlank(value)) {
      if (REQUIRED_TO_FILE.includes(column.key)) problems.push(columnProblem('agreements', 'required', column.key));
      continue;
    }
    if (column.key === 'resumesPerSelection') {
      const p = parseCount(value, 1);
      if (p.status === 'invalid') {
        problems.push(columnProblem('agreements', p.reason, column.key, { value: p.text, suggestion: p.suggestion ?? '' }));
      }
    } else {
      problems.push(...typedCellProblems('agreements', column, value, ctx.zone));
    }
    problems.push(...agreementRules(agreement, column.key, ctx));
  }
  // A calling-service agreement on standard terms agrees expected numbers, not terms.
  const order = ctx.orders?.get(cellText(agreement.orderId));
  const standardCalling = order !== undefined && termsOf(order) === 'standard' && callingServiceSold(order);
  if (!standardCalling && TERM_COLUMNS.every((k) => isBlank(agreement[k])))
    problems.push(columnProblem('agreements', 'nothingRequested', undefined, {}, 'warning'));
  return problems;
}

function agreementRules(agreement: Row, key: string, ctx: AgreementContext): Problem[] {
  switch (key) {
    case 'orderId': {
      if (!ctx.orders) return [];
      const id = cellText(agreement.orderId);
      const order = ctx.orders.get(id);
      if (!order) return [columnProblem('agreements', 'orderUnknown', key, { value: id })];
      return agreementNeed(order) === undefined ? [columnProblem('agreements', 'orderNotIndividual', key, { value: id }, 'warning')] : [];
    }
    case 'requestedBy':
      return staffProblems('agreements', key, agreement[key], 'sales', ctx.staff);
    case 'hrSpecialist':
      return staffProblems('agreements', key, agreement[key], 'hr', ctx.staff);
    case 'firstSelectionDate': {
      if (!ctx.today || answerOf(agreement) !== 'pending') return [];
      const d = parseDateCell(agreement[key], ctx.zone);
      return d.status === 'ok' && dayNumber(d.value) < dayNumber(ctx.today)
        ? [columnProblem('agreements', 'datePassed', key, { value: dateParam(d.value) }, 'warning')]
        : [];
    }
    case 'answer':
      return answerOf(agreement) === 'rejected' && isBlank(agreement.hrComment)
        ? [columnProblem('agreements', 'rejectedNeedsComment', 'hrComment')]
        : [];
    default:
      return [];
  }
}

export type AgreementState = 'incomplete' | 'pending' | 'agreed' | 'rejected';

/**
 * Where a request stands: answered (Agreed / Rejected), pending with HR, or not complete
 * enough to send (a required item missing or an error on the row).
 */
export function agreementState(agreement: Row, ctx: AgreementContext): AgreementState {
  const answer = answerOf(agreement);
  if (answer !== 'pending') return answer;
  return validateAgreement(agreement, ctx).some((p) => p.severity === 'error') ? 'incomplete' : 'pending';
}

/** The order's current agreement: its last row on the tab (a new request supersedes older ones). */
export function currentAgreement(orderId: string, agreements: readonly Row[]): Row | undefined {
  const id = orderId.trim().toLowerCase();
  if (!id) return undefined;
  for (let i = agreements.length - 1; i >= 0; i--) {
    if (cellText(agreements[i].orderId).toLowerCase() === id) return agreements[i];
  }
  return undefined;
}

export interface AgreementDue {
  /** The working day by whose end HR should answer. */
  dueDate: LocalDate;
  /** The instant from which the request is overdue (midnight after dueDate, in the zone). */
  overdueFromMs: number;
}

/**
 * When HR's answer is due: the end of the next working day after filing. `nextWorkingDay`
 * returns the first working day strictly after a date (WorkCalendar.nextWorkingDay).
 */
export function agreementDue(filedAtMs: number, zone: Zone, nextWorkingDay: (d: LocalDate) => LocalDate): AgreementDue {
  const dueDate = nextWorkingDay(localDateOf(zone, filedAtMs));
  return { dueDate, overdueFromMs: instantAt(zone, addDays(dueDate, 1)) };
}

export interface AgreedTerms {
  /** ISO weekdays (1 = Monday) of the selections. */
  selectionWeekdays?: number[];
  resumesPerSelection?: number;
  firstSelectionDate?: LocalDate;
}

/**
 * What an Agreed agreement sets instead of Table 1 (only values that read cleanly);
 * undefined when the agreement is not Agreed — then Table 1 applies, or nothing does
 * until HR agrees (the hand-off gate keeps such an order from starting).
 */
export function agreedTerms(agreement: Row | undefined, zone: Zone): AgreedTerms | undefined {
  if (!agreement || answerOf(agreement) !== 'agreed') return undefined;
  const terms: AgreedTerms = {};
  const weekdays = parseWeekdays(agreement.selectionWeekdays);
  if (weekdays.status === 'ok') terms.selectionWeekdays = weekdays.value;
  const resumes = parseCount(agreement.resumesPerSelection, 1);
  if (resumes.status === 'ok') terms.resumesPerSelection = resumes.value;
  const first = parseDateCell(agreement.firstSelectionDate, zone);
  if (first.status === 'ok') terms.firstSelectionDate = first.value;
  return terms;
}

/**
 * Sales must not promise a client individual terms (first selection date, schedules,
 * resume counts …) nor sell the calling service before HR agrees (seed 000). The workbook
 * sees a promise as an order marked Individual, a sale as the calling service among the
 * paid services; it is flagged
 * - as an error once the client has paid on those terms (Payment received) while the
 *   order's current agreement is not Agreed — the promise was made without HR;
 * - as a warning while still a draft with no agreement filed at all — file one first.
 */
export function promisesWithoutAgreement(order: Row, agreements: readonly Row[], ctx: { zone: Zone; today: LocalDate }): Problem[] {
  const need = agreementNeed(order);
  if (!need) return [];
  const current = currentAgreement(cellText(order.orderId), agreements);
  if (answerOf(current) === 'agreed') return [];
  const calling = need === 'calling';
  if (isPaymentRecorded(order, ctx))
    return [
      calling
        ? columnProblem('orders', 'callingSoldWithoutAgreement', 'paidServices')
        : columnProblem('orders', 'promiseWithoutAgreement', 'terms'),
    ];
  if (current) return [];
  return [
    calling
      ? columnProblem('orders', 'callingAgreementMissing', 'paidServices', {}, 'warning')
      : columnProblem('orders', 'agreementMissing', 'terms', {}, 'warning'),
  ];
}

/**
 * Who gets the new request: the HR specialist named on the agreement (else the order's),
 * or every HR member when none is named; each one absent goes to their deputy.
 */
export function hrRecipients(agreement: Row, order: Row | undefined, staff: StaffDirectory, today: LocalDate): Routed[] {
  const named = [agreement.hrSpecialist, order?.hrSpecialist].map(parseEmailCell).find((p) => p.status === 'ok');
  const emails = named && named.status === 'ok' ? [named.value] : departmentMembers(staff, 'hr').map((m) => m.email);
  const seen = new Set<string>();
  const out: Routed[] = [];
  for (const email of emails) {
    const routed = routeTo(staff, email, today);
    if (seen.has(routed.to)) continue;
    seen.add(routed.to);
    out.push(routed);
  }
  return out;
}

/** Who learns HR's answer: the requester (their deputy when absent); undefined without a valid requester. */
export function answerRecipient(agreement: Row, staff: StaffDirectory, today: LocalDate): Routed | undefined {
  const requester = parseEmailCell(agreement.requestedBy);
  return requester.status === 'ok' ? routeTo(staff, requester.value, today) : undefined;
}
