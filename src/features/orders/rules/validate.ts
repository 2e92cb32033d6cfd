/**
 * Orders (docs/DOMAIN.md §3, §5.3, §9.5): validation of a row as typed. Nothing here rewrites a cell a
 * person owns; problems are reported with the column they are about.
 *
 * Readings chosen:
 * - Presence of the hand-off items is reported once the hand-off is due (Payment received
 *   filled, Hand off ticked, or already handed off); before that only typos show, so a
 *   draft being filled in is not a wall of "missing".
 * - Required for a hand-off: the contact block (client, contact person, e-mail, phone), the
 *   vacancy block (vacancy, description), the Fintops company link, both publication
 *   dates, the paid services, both paid dates, the sum, the payment date and the sales
 *   manager; job sites when job-site posting is paid; an Agreed HR agreement for
 *   individual terms. Optional: Fintops vacancy link (only if in work before), contract
 *   ("if any"), bonuses and discounts (blank = none), client language, HR specialist.
 * - Blank Terms reads as Standard. Any error on the row blocks the hand-off; warnings do not.
 */
import { PAID_SERVICES, tabDef } from '../../../core/schema';
import { columnProblem, Localized, Problem } from './messages';
import { dayNumber, Zone } from '../../../core/time';
import { isBlank, parseDateCell, Row } from '../../../core/values';
import { choicesParam, staffProblems, typedCellProblems } from './cells';
import { dateParam } from './format';
import { handOffDue, jobSitePostingPaid, OrderContext, paidServicesOf, REQUIRED_FOR_HAND_OFF } from './reading';

// ---------------------------------------------------------------------------------------
// Validation

export interface ValidateOptions {
  /** Report every missing hand-off item even before the hand-off is due. */
  requireAll?: boolean;
}

/** Problems of an Orders row as typed, in column order. Never rewrites anything. */
export function validateOrder(order: Row, ctx: OrderContext, options: ValidateOptions = {}): Problem[] {
  const requireAll = options.requireAll === true || handOffDue(order);
  const problems: Problem[] = [];
  const jobSitesNeeded = jobSitePostingPaid(order);
  for (const column of tabDef('orders').columns) {
    if (column.system) continue;
    const value = order[column.key];
    if (isBlank(value)) {
      if (!requireAll) continue;
      if (REQUIRED_FOR_HAND_OFF.includes(column.key)) {
        problems.push(columnProblem('orders', column.key === 'paidServices' ? 'paidServicesEmpty' : 'required', column.key));
      } else if (column.key === 'jobSites' && jobSitesNeeded) {
        problems.push(columnProblem('orders', 'jobSitesRequired', column.key));
      }
      continue;
    }
    problems.push(...typedCellProblems('orders', column, value, ctx.zone));
    problems.push(...columnRules(order, column.key, ctx));
  }
  return problems;
}

/** Rules of a filled column beyond its type. */
function columnRules(order: Row, key: string, ctx: OrderContext): Problem[] {
  switch (key) {
    case 'paidServices': {
      const other = paidServicesOf(order).other;
      return other.map((value) => columnProblem('orders', 'unknownService', key, { value, choices: choicesParam(PAID_SERVICES) }, 'warning'));
    }
    case 'publicationTo':
      return periodProblems(order, 'publicationFrom', 'publicationTo', ctx.zone);
    case 'paidTo':
      return periodProblems(order, 'paidFrom', 'paidTo', ctx.zone);
    case 'paymentReceived': {
      const d = parseDateCell(order.paymentReceived, ctx.zone);
      return d.status === 'ok' && dayNumber(d.value) > dayNumber(ctx.today)
        ? [columnProblem('orders', 'dateInFuture', key, { value: dateParam(d.value) })]
        : [];
    }
    case 'salesManager':
      return staffProblems('orders', key, order[key], 'sales', ctx.staff);
    case 'hrSpecialist':
      return staffProblems('orders', key, order[key], 'hr', ctx.staff);
    case 'hrReceived':
      return isBlank(order.handedOffAt) ? [columnProblem('orders', 'hrReceivedBeforeHandOff', key, {}, 'warning')] : [];
    default:
      return [];
  }
}

/** "End before start" for a pair of date columns (reported on the end column). */
function periodProblems(order: Row, fromKey: string, toKey: string, zone: Zone): Problem[] {
  const from = parseDateCell(order[fromKey], zone);
  const to = parseDateCell(order[toKey], zone);
  if (from.status !== 'ok' || to.status !== 'ok' || dayNumber(to.value) >= dayNumber(from.value)) return [];
  const cols = tabDef('orders').columns;
  const label = (k: string): Localized => {
    const c = cols.find((x) => x.key === k);
    return c ? { ru: c.ru, en: c.en } : { ru: k, en: k };
  };
  return [
    columnProblem('orders', 'periodReversed', toKey, {
      from: label(fromKey),
      to: label(toKey),
      fromValue: dateParam(from.value),
      toValue: dateParam(to.value),
    }),
  ];
}
