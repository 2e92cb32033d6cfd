/** The HR gate and the hand-off decision (docs/DOMAIN.md §5.1, §5.3). */
import { Locale } from '../../../core/schema';
import { columnProblem, hasErrors, localizedLabel, ParamValue, Problem } from './messages';
import { cellText, isBlank, isEmail, isTicked, Row } from '../../../core/values';
import { agreementNeed, answerOf, OrderContext, statusOf, termsOf } from './reading';
import { validateOrder } from './validate';
import { HandOffEmail, handOffEmail } from './handoff-email';

function agreementIdParam(agreement: Row): ParamValue {
  return isBlank(agreement.agreementId) ? localizedLabel('noAgreementId') : cellText(agreement.agreementId);
}

/** The codes of the HR gate's problems (the sidebar's checklist line). */
export const AGREEMENT_GATE_CODES: ReadonlySet<string> = new Set([
  'agreementMissing',
  'agreementPending',
  'agreementRejected',
  'callingAgreementMissing',
  'callingAgreementPending',
  'callingAgreementRejected',
  'individualTermsNotAgreed',
]);

/** The agreement columns that carry individual terms (what HR agrees instead of Table 1). */
export const INDIVIDUAL_TERM_COLUMNS: readonly string[] = ['selectionWeekdays', 'resumesPerSelection', 'firstSelectionDate', 'otherPoints'];

/**
 * The HR gate (docs/DOMAIN.md §5.1): an order selling the calling service, or with individual terms,
 * goes on only with an Agreed agreement. Individual terms also need the agreement to name
 * the terms HR agreed (one item at least), so a calling-service agreement of expected
 * numbers alone does not pass for an agreement of individual terms.
 */
export function agreementGate(order: Row, agreement: Row | undefined): Problem[] {
  const need = agreementNeed(order);
  if (!need) return [];
  const calling = need === 'calling';
  if (!agreement) return [columnProblem('orders', calling ? 'callingAgreementMissing' : 'agreementMissing', calling ? 'paidServices' : 'terms')];
  const answer = answerOf(agreement);
  const column = calling ? 'paidServices' : 'terms';
  if (answer === 'rejected') {
    const comment = isBlank(agreement.hrComment) ? localizedLabel('noComment') : cellText(agreement.hrComment);
    return [
      columnProblem('orders', calling ? 'callingAgreementRejected' : 'agreementRejected', column, { id: agreementIdParam(agreement), comment }),
    ];
  }
  if (answer !== 'agreed')
    return [columnProblem('orders', calling ? 'callingAgreementPending' : 'agreementPending', column, { id: agreementIdParam(agreement) })];
  if (termsOf(order) === 'individual' && INDIVIDUAL_TERM_COLUMNS.every((k) => isBlank(agreement[k]))) {
    return [columnProblem('orders', 'individualTermsNotAgreed', 'terms', { id: agreementIdParam(agreement) })];
  }
  return [];
}

/**
 * Everything that stops a hand-off (docs/DOMAIN.md §5.3): each missing or invalid item, the HR
 * agreement for individual terms, a cancelled order. Empty = the hand-off may go.
 * `agreement` is the order's current agreement (agreements.currentAgreement).
 */
export function handOffCheck(order: Row, agreement: Row | undefined, ctx: OrderContext): Problem[] {
  const problems: Problem[] = [];
  if (statusOf(order) === 'cancelled') problems.push(columnProblem('orders', 'cancelled', 'status'));
  problems.push(...validateOrder(order, ctx, { requireAll: true }).filter((p) => p.severity === 'error'));
  problems.push(...agreementGate(order, agreement));
  return problems;
}

export type HandOffDecision =
  | { action: 'none'; reason: 'notTicked' | 'alreadyHandedOff' }
  | { action: 'refuse'; problems: Problem[] }
  | { action: 'send'; to: string; key: string; email: HandOffEmail };

export interface HandOffContext extends OrderContext {
  /** Settings "Client-department e-mail". */
  clientDepartmentEmail: string;
  /** The Client department's language (the workbook locale). */
  locale: Locale;
}

/** The Outbox key of an order's hand-off: one per order, so a re-run finds it already queued. */
export function handOffKey(orderId: string): string {
  return `handoff:${orderId}`;
}

/**
 * What ticking Hand off leads to. Already handed off → nothing (a second tick or a re-run
 * never sends twice; the caller also dedupes by handOffKey under the lock). Refuse → the
 * caller clears the tick and writes the problems. Send → queue the e-mail, record Handed
 * off at, and move Status on.
 */
export function decideHandOff(order: Row, agreement: Row | undefined, ctx: HandOffContext): HandOffDecision {
  if (!isBlank(order.handedOffAt)) return { action: 'none', reason: 'alreadyHandedOff' };
  if (!isTicked(order.handOff)) return { action: 'none', reason: 'notTicked' };
  const problems = handOffCheck(order, agreement, ctx);
  if (!isEmail(ctx.clientDepartmentEmail.trim())) problems.push(columnProblem('orders', 'clientDepartmentEmailMissing', undefined));
  if (hasErrors(problems)) return { action: 'refuse', problems };
  return {
    action: 'send',
    to: ctx.clientDepartmentEmail.trim(),
    key: handOffKey(cellText(order.orderId)),
    email: handOffEmail(order, agreement, ctx.locale, ctx.zone),
  };
}
