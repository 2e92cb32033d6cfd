/** Reading an Orders row: its services, terms, the HR agreement it needs, its derived Status. */
import { ANSWERS, Choice, choiceLabel, Locale, ORDER_STATUSES, PAID_SERVICES, TERMS } from '../../../core/schema';
import { dayNumber, LocalDate, Zone } from '../../../core/time';
import { isBlank, isTicked, parseChoiceCell, parseDateCell, parseDateTimeCell, parseList, Row } from '../../../core/values';
import { StaffDirectory } from '../../../core/permissions';

export interface OrderContext {
  /** The spreadsheet's zone: a date cell is a Date at midnight there. */
  zone: Zone;
  /** Today in that zone (a payment cannot be received in the future; periods end). */
  today: LocalDate;
  /** When given, people named on the row are checked against the Staff tab (warnings). */
  staff?: StaffDirectory;
}

export type OrderStatusKey = (typeof ORDER_STATUSES)[number]['key'];
export type TermsKey = (typeof TERMS)[number]['key'];

/** Items docs/DOMAIN.md §5.3 requires before a hand-off (job sites only when job-site posting is paid). */
export const REQUIRED_FOR_HAND_OFF: readonly string[] = [
  'client',
  'contactPerson',
  'clientEmail',
  'clientPhone',
  'vacancy',
  'vacancyDescription',
  'fintopsCompanyLink',
  'publicationFrom',
  'publicationTo',
  'paidServices',
  'paidFrom',
  'paidTo',
  'sum',
  'paymentReceived',
  'salesManager',
  // The client's request itself (seed 000: «направляет … письмо, содержащее Заявку»).
  'requestLink',
];
// ---------------------------------------------------------------------------------------
// Reading an order

export interface PaidServices {
  /** Listed services recognised in either language. */
  known: Choice[];
  /** Items typed that are not in the list; they still go into the e-mail as typed. */
  other: string[];
  /** Every item as typed, in order. */
  items: string[];
}

/** Extra spellings of job-site posting seen in practice ("JOB-сайты", "job sites"). */
const JOB_SITE_ALIASES = /^(размещение( вакансии)? на job[- ]?сайтах|job[- ]?сайты|job[- ]?sites?( posting)?|размещение на сайтах)$/i;

const JOB_SITES_SERVICE: Choice = PAID_SERVICES.find((c) => c.key === 'jobSites') as Choice;

/** The listed service an item names, in either language or a known alias. */
export function serviceChoice(item: string): Choice | undefined {
  return parseChoice(item, PAID_SERVICES) ?? (JOB_SITE_ALIASES.test(item.trim()) ? JOB_SITES_SERVICE : undefined);
}

export function paidServicesOf(order: Row): PaidServices {
  const items = parseList(order.paidServices);
  const known: Choice[] = [];
  const other: string[] = [];
  for (const item of items) {
    const choice = serviceChoice(item);
    if (choice) {
      if (!known.includes(choice)) known.push(choice);
    } else other.push(item);
  }
  return { known, other, items };
}

function parseChoice(text: string, choices: readonly Choice[]): Choice | undefined {
  const p = parseChoiceCell(text, choices);
  return p.status === 'ok' ? p.value : undefined;
}

export function jobSitePostingPaid(order: Row): boolean {
  return paidServicesOf(order).known.some((c) => c.key === 'jobSites');
}

/** Standard or Individual; blank reads as Standard; undefined when the cell names neither. */
export function termsOf(order: Row): TermsKey | undefined {
  const p = parseChoiceCell(order.terms, TERMS);
  if (p.status === 'blank') return 'standard';
  return p.status === 'ok' ? (p.value.key as TermsKey) : undefined;
}

/** Hand-off items are due once payment is recorded, the hand-off is asked for, or it happened. */
export function handOffDue(order: Row): boolean {
  return !isBlank(order.paymentReceived) || isTicked(order.handOff) || !isBlank(order.handedOffAt);
}
/** Agreed / Rejected / not answered, from an HR agreement row. */
export function answerOf(agreement: Row | undefined): 'agreed' | 'rejected' | 'pending' {
  if (!agreement) return 'pending';
  const p = parseChoiceCell(agreement.answer, ANSWERS);
  return p.status === 'ok' ? (p.value.key as 'agreed' | 'rejected') : 'pending';
}

/** The calling service («Обзвон соискателей») is among the order's paid services. */
export function callingServiceSold(order: Row): boolean {
  return paidServicesOf(order).known.some((c) => c.key === 'calling');
}

/**
 * Why an order needs an HR agreement before its hand-off (docs/DOMAIN.md §5.1, §5.2, seed 000): individual
 * terms, and every sale of the calling service; undefined when it needs none.
 */
export function agreementNeed(order: Row): 'calling' | 'individual' | undefined {
  // Individual terms first: their agreement also carries the calling numbers (REQUIRED_TO_FILE).
  if (termsOf(order) === 'individual') return 'individual';
  return callingServiceSold(order) ? 'calling' : undefined;
}

/** Status as its choice key, when the cell names one. */
export function statusOf(order: Row): OrderStatusKey | undefined {
  const p = parseChoiceCell(order.status, ORDER_STATUSES);
  return p.status === 'ok' ? (p.value.key as OrderStatusKey) : undefined;
}

// ---------------------------------------------------------------------------------------
// Status

/**
 * Status is a system column, derived on every change:
 *   Cancelled — sticky once the system wrote it (a "Cancel order" action, not a typed cell);
 *   Completed — handed off and the paid period has ended (today after Paid to);
 *   In work   — handed off and HR received it;
 *   Handed off — Handed off at is recorded;
 *   Paid      — Payment received is a date not after today;
 *   Draft     — otherwise.
 */
export function deriveStatus(order: Row, ctx: { zone: Zone; today: LocalDate }): OrderStatusKey {
  if (statusOf(order) === 'cancelled') return 'cancelled';
  const today = dayNumber(ctx.today);
  if (parseDateTimeCell(order.handedOffAt).status === 'ok') {
    const paidTo = parseDateCell(order.paidTo, ctx.zone);
    if (paidTo.status === 'ok' && today > dayNumber(paidTo.value)) return 'completed';
    if (parseDateTimeCell(order.hrReceived).status === 'ok') return 'inWork';
    return 'handedOff';
  }
  return isPaymentRecorded(order, ctx) ? 'paid' : 'draft';
}

/** Payment received is a date not after today. */
export function isPaymentRecorded(order: Row, ctx: { zone: Zone; today: LocalDate }): boolean {
  const paid = parseDateCell(order.paymentReceived, ctx.zone);
  return paid.status === 'ok' && dayNumber(paid.value) <= dayNumber(ctx.today);
}

export function statusLabel(key: OrderStatusKey, locale: Locale): string {
  const c = ORDER_STATUSES.find((s) => s.key === key);
  return c ? choiceLabel(c, locale) : key;
}
