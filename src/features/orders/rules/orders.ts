/**
 * Orders (docs/DOMAIN.md §3, §5.3, §9.5): validation of a row as typed, the hand-off gate, the derived
 * Status, order IDs and the content of the hand-off e-mail. Nothing here rewrites a cell
 * a person owns; problems are reported with the column they are about.
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
import {
  ANSWERS,
  CALL_KINDS,
  Choice,
  choiceLabel,
  ColumnDef,
  DEPARTMENTS,
  LANGUAGES,
  Locale,
  ORDER_STATUSES,
  PAID_SERVICES,
  TabKey,
  tabDef,
  TERMS,
} from '../../../core/schema';
import { columnProblem, hasErrors, Localized, localizedLabel, orderLabel, ParamValue, Params, Problem } from './messages';
import { dayNumber, LocalDate, WallClock, wallClockOf, Zone } from '../../../core/time';
import {
  CellParse,
  cellText,
  isBlank,
  isEmail,
  isTicked,
  parseAmount,
  parseChoiceCell,
  parseCount,
  parseDateCell,
  parseDateTimeCell,
  parseEmailCell,
  parseList,
  parseUrlCell,
  parseWeekdays,
  phoneDigits,
  Row,
} from '../../../core/values';
import { DepartmentKey, findStaff, StaffDirectory } from '../../../core/permissions';

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
// Cells

export function dateParam(d: LocalDate): Localized {
  return { ru: formatDate(d, 'ru'), en: formatDate(d, 'en') };
}

function choicesParam(choices: readonly Choice[]): Localized {
  return { ru: choices.map((c) => c.ru).join(', '), en: choices.map((c) => c.en).join(', ') };
}

/** The problem for a cell that does not read as its column's type. */
export function invalidCellProblem(tab: TabKey, column: ColumnDef, parse: CellParse<unknown>): Problem[] {
  if (parse.status !== 'invalid') return [];
  const params: Params = { value: parse.text, suggestion: parse.suggestion ?? '' };
  if (column.choices) params.choices = choicesParam(column.choices);
  return [columnProblem(tab, parse.reason, column.key, params)];
}

/** Problems of one cell by its column's type (schema.ts); blank cells have none. */
export function typedCellProblems(tab: TabKey, column: ColumnDef, value: unknown, zone: Zone): Problem[] {
  switch (column.type) {
    case 'email':
      return invalidCellProblem(tab, column, parseEmailCell(value));
    case 'emails':
      return cellText(value)
        .split(/[,;\n]+/)
        .filter((part) => part.trim() !== '')
        .flatMap((part) => invalidCellProblem(tab, column, parseEmailCell(part)));
    case 'url':
      return invalidCellProblem(tab, column, parseUrlCell(value));
    case 'date':
      return invalidCellProblem(tab, column, parseDateCell(value, zone));
    case 'datetime':
      return invalidCellProblem(tab, column, parseDateTimeCell(value));
    case 'money':
      return invalidCellProblem(tab, column, parseAmount(value));
    case 'integer':
      return invalidCellProblem(tab, column, parseCount(value));
    case 'list':
      return column.choices ? invalidCellProblem(tab, column, parseChoiceCell(value, column.choices)) : [];
    case 'weekdays':
      return invalidCellProblem(tab, column, parseWeekdays(value));
    case 'phone':
      return isBlank(value) || phoneDigits(value) !== undefined
        ? []
        : [columnProblem(tab, 'phoneUnreadable', column.key, { value: cellText(value) }, 'warning')];
    default:
      return [];
  }
}

/** Warnings when a person named in a column is not on the Staff tab or not in the expected department. */
export function staffProblems(
  tab: TabKey,
  columnKey: string,
  value: unknown,
  expected: DepartmentKey,
  staff: StaffDirectory | undefined,
): Problem[] {
  if (!staff || staff.members.size === 0) return [];
  const email = parseEmailCell(value);
  if (email.status !== 'ok') return [];
  const member = findStaff(staff, email.value);
  if (!member) return [columnProblem(tab, 'notInStaff', columnKey, { value: email.value }, 'warning')];
  if (member.department === expected || member.department === 'management') return [];
  const label = (key: DepartmentKey | undefined): Localized => {
    const d = DEPARTMENTS.find((x) => x.key === key);
    return d ? { ru: d.ru, en: d.en } : { ru: '—', en: '—' };
  };
  return [
    columnProblem(
      tab,
      'wrongDepartment',
      columnKey,
      { value: email.value, department: label(member.department), expected: label(expected) },
      'warning',
    ),
  ];
}

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

// ---------------------------------------------------------------------------------------
// HR-agreement gate and hand-off

/** Agreed / Rejected / not answered, from an HR agreement row. */
export function answerOf(agreement: Row | undefined): 'agreed' | 'rejected' | 'pending' {
  if (!agreement) return 'pending';
  const p = parseChoiceCell(agreement.answer, ANSWERS);
  return p.status === 'ok' ? (p.value.key as 'agreed' | 'rejected') : 'pending';
}

function agreementIdParam(agreement: Row): ParamValue {
  return isBlank(agreement.agreementId) ? localizedLabel('noAgreementId') : cellText(agreement.agreementId);
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

/** Status as its choice key, when the cell names one. */
export function statusOf(order: Row): OrderStatusKey | undefined {
  const p = parseChoiceCell(order.status, ORDER_STATUSES);
  return p.status === 'ok' ? (p.value.key as OrderStatusKey) : undefined;
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

// ---------------------------------------------------------------------------------------
// IDs

/**
 * The next `count` IDs like ORD-2026-0001: one more than the highest number already used
 * for that prefix and year, so IDs are never reused even after rows are deleted, and
 * assigning twice from the same list gives the same answer.
 */
export function nextIds(prefix: string, existingIds: Iterable<unknown>, year: number, count = 1): string[] {
  const re = new RegExp(`^${prefix}-(\\d{4})-(\\d+)$`, 'i');
  let max = 0;
  for (const id of existingIds) {
    const m = re.exec(cellText(id));
    if (m && Number(m[1]) === year) max = Math.max(max, Number(m[2]));
  }
  const out: string[] = [];
  for (let i = 1; i <= count; i++) out.push(`${prefix}-${year}-${String(max + i).padStart(4, '0')}`);
  return out;
}

export function nextOrderId(existingIds: Iterable<unknown>, year: number): string {
  return nextIds('ORD', existingIds, year)[0];
}

export function nextAgreementId(existingIds: Iterable<unknown>, year: number): string {
  return nextIds('AGR', existingIds, year)[0];
}

// ---------------------------------------------------------------------------------------
// The hand-off e-mail

/** A value of the e-mail with its type; text is raw (the renderer escapes it for HTML). */
export type EmailValue =
  | { type: 'text'; text: string }
  | { type: 'longtext'; text: string }
  | { type: 'email'; email: string }
  | { type: 'url'; url: string }
  | { type: 'date'; date: LocalDate }
  | { type: 'period'; from: LocalDate; to: LocalDate }
  | { type: 'money'; amount: number }
  | { type: 'number'; value: number }
  | { type: 'list'; items: string[] }
  | { type: 'none'; text: string };

export type EmailSection = 'request' | 'vacancy' | 'fintops' | 'payment' | 'terms';

export interface EmailRow {
  /** Column key (or a derived key: publicationPeriod, paidPeriod, agreement.*). */
  key: string;
  section: EmailSection;
  label: string;
  value: EmailValue;
}

export interface HandOffEmail {
  subject: string;
  intro: string;
  sections: { key: EmailSection; title: string }[];
  rows: EmailRow[];
}

const SECTION_LABEL = {
  request: 'sectionRequest',
  vacancy: 'sectionVacancy',
  fintops: 'sectionFintops',
  payment: 'sectionPayment',
  terms: 'sectionTerms',
} as const;

const WEEKDAY_SHORT: Record<Locale, readonly string[]> = {
  ru: ['Пн', 'Вт', 'Ср', 'Чт', 'Пт', 'Сб', 'Вс'],
  en: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'],
};

/**
 * Everything docs/DOMAIN.md §5.3 lists, as typed rows for a template renderer (HTML and text):
 * the request's contact and vacancy blocks, the Fintops links and publication period, the
 * paid period, services, sum, bonuses, job sites, payment date, contract, sales manager,
 * and the terms — for individual terms, what HR agreed.
 */
export function handOffEmail(order: Row, agreement: Row | undefined, locale: Locale, zone: Zone): HandOffEmail {
  const cols = tabDef('orders').columns;
  const agreementCols = tabDef('agreements').columns;
  const header = (key: string, defs: readonly ColumnDef[] = cols): string => {
    const c = defs.find((x) => x.key === key);
    return c ? (locale === 'en' ? c.en : c.ru) : key;
  };
  const none = (key: 'none' | 'noVacancyLink' | 'noContract'): EmailValue => ({ type: 'none', text: orderLabel(locale, key) });
  const text = (v: unknown, type: 'text' | 'longtext' = 'text'): EmailValue => (isBlank(v) ? none('none') : { type, text: cellText(v) });
  const date = (v: unknown): EmailValue => {
    const d = parseDateCell(v, zone);
    return d.status === 'ok' ? { type: 'date', date: d.value } : text(v);
  };
  const period = (fromV: unknown, toV: unknown): EmailValue => {
    const from = parseDateCell(fromV, zone);
    const to = parseDateCell(toV, zone);
    return from.status === 'ok' && to.status === 'ok' ? { type: 'period', from: from.value, to: to.value } : none('none');
  };
  const url = (v: unknown, missing: 'none' | 'noVacancyLink' | 'noContract'): EmailValue => {
    const p = parseUrlCell(v);
    return p.status === 'ok' ? { type: 'url', url: p.value } : p.status === 'blank' ? none(missing) : text(v);
  };
  const email = (v: unknown): EmailValue => {
    const p = parseEmailCell(v);
    return p.status === 'ok' ? { type: 'email', email: p.value } : text(v);
  };
  const choice = (v: unknown, choices: readonly Choice[]): EmailValue => {
    const p = parseChoiceCell(v, choices);
    return p.status === 'ok' ? { type: 'text', text: choiceLabel(p.value, locale) } : text(v);
  };
  const count = (v: unknown): EmailValue => {
    const p = parseCount(v);
    return p.status === 'ok' ? { type: 'number', value: p.value } : text(v);
  };

  const rows: EmailRow[] = [];
  const add = (section: EmailSection, key: string, label: string, value: EmailValue) => rows.push({ key, section, label, value });

  add('request', 'orderId', header('orderId'), text(order.orderId));
  add('request', 'client', header('client'), text(order.client));
  add('request', 'contactPerson', header('contactPerson'), text(order.contactPerson));
  add('request', 'clientEmail', header('clientEmail'), email(order.clientEmail));
  add('request', 'clientPhone', header('clientPhone'), text(order.clientPhone));
  add('request', 'clientLanguage', header('clientLanguage'), choice(order.clientLanguage, LANGUAGES));
  add('request', 'requestLink', header('requestLink'), url(order.requestLink, 'none'));
  add('vacancy', 'vacancy', header('vacancy'), text(order.vacancy));
  add('vacancy', 'vacancyDescription', header('vacancyDescription'), text(order.vacancyDescription, 'longtext'));
  add('fintops', 'fintopsCompanyLink', header('fintopsCompanyLink'), url(order.fintopsCompanyLink, 'none'));
  add('fintops', 'fintopsVacancyLink', header('fintopsVacancyLink'), url(order.fintopsVacancyLink, 'noVacancyLink'));
  add('fintops', 'publicationPeriod', orderLabel(locale, 'publicationPeriod'), period(order.publicationFrom, order.publicationTo));

  const services = paidServicesOf(order);
  const serviceNames = services.items.map((item) => {
    const known = serviceChoice(item);
    return known ? choiceLabel(known, locale) : item;
  });
  add('payment', 'paidPeriod', orderLabel(locale, 'paidPeriod'), period(order.paidFrom, order.paidTo));
  add('payment', 'paidServices', header('paidServices'), serviceNames.length ? { type: 'list', items: serviceNames } : none('none'));
  const sum = parseAmount(order.sum);
  add('payment', 'sum', header('sum'), sum.status === 'ok' ? { type: 'money', amount: sum.value } : text(order.sum));
  add('payment', 'bonuses', header('bonuses'), text(order.bonuses, 'longtext'));
  const sites = parseList(order.jobSites);
  if (services.known.some((c) => c.key === 'jobSites') || sites.length) {
    add('payment', 'jobSites', header('jobSites'), sites.length ? { type: 'list', items: sites } : none('none'));
  }
  add('payment', 'paymentReceived', header('paymentReceived'), date(order.paymentReceived));
  if (!isBlank(order.paymentDocumentLink))
    add('payment', 'paymentDocumentLink', header('paymentDocumentLink'), url(order.paymentDocumentLink, 'none'));
  add('payment', 'contractLink', header('contractLink'), url(order.contractLink, 'noContract'));
  add('payment', 'salesManager', header('salesManager'), email(order.salesManager));

  const individual = termsOf(order) === 'individual';
  add('terms', 'terms', header('terms'), individual ? choice(order.terms, TERMS) : { type: 'text', text: orderLabel(locale, 'standardTerms') });
  if (agreementNeed(order) && agreement) {
    const ah = (key: string) => header(key, agreementCols);
    add('terms', 'agreement.agreementId', ah('agreementId'), text(agreement.agreementId));
    if (individual) {
      const weekdays = parseWeekdays(agreement.selectionWeekdays);
      add(
        'terms',
        'agreement.selectionWeekdays',
        ah('selectionWeekdays'),
        weekdays.status === 'ok'
          ? { type: 'list', items: weekdays.value.map((d) => WEEKDAY_SHORT[locale][d - 1]) }
          : text(agreement.selectionWeekdays),
      );
      add('terms', 'agreement.resumesPerSelection', ah('resumesPerSelection'), count(agreement.resumesPerSelection));
      add('terms', 'agreement.firstSelectionDate', ah('firstSelectionDate'), date(agreement.firstSelectionDate));
    }
    add('terms', 'agreement.callKind', ah('callKind'), choice(agreement.callKind, CALL_KINDS));
    add('terms', 'agreement.expectedResumes', ah('expectedResumes'), count(agreement.expectedResumes));
    add('terms', 'agreement.expectedCalls', ah('expectedCalls'), count(agreement.expectedCalls));
    add('terms', 'agreement.expectedAgreeing', ah('expectedAgreeing'), count(agreement.expectedAgreeing));
    add('terms', 'agreement.expectedComing', ah('expectedComing'), count(agreement.expectedComing));
    add('terms', 'agreement.expectedOutcome', ah('expectedOutcome'), text(agreement.expectedOutcome));
    add('terms', 'agreement.risks', ah('risks'), text(agreement.risks, 'longtext'));
    add('terms', 'agreement.otherPoints', ah('otherPoints'), text(agreement.otherPoints, 'longtext'));
    add('terms', 'agreement.hrSpecialist', orderLabel(locale, 'agreedBy'), agreedByValue(order, agreement, locale, zone));
    add('terms', 'agreement.hrComment', ah('hrComment'), text(agreement.hrComment, 'longtext'));
  }
  if (!isBlank(order.hrSpecialist)) add('terms', 'hrSpecialist', header('hrSpecialist'), email(order.hrSpecialist));

  const sections = (Object.keys(SECTION_LABEL) as EmailSection[]).map((key) => ({ key, title: orderLabel(locale, SECTION_LABEL[key]) }));
  const subject = orderLabel(locale, 'handOffSubject', {
    id: cellText(order.orderId),
    client: cellText(order.client),
    vacancy: cellText(order.vacancy),
  });
  return { subject, intro: orderLabel(locale, 'handOffIntro'), sections, rows };
}

/**
 * Who agreed in HR, and when: the person who answered (Answered by*), else the HR specialist
 * named on the agreement, else the order's HR specialist the request went to; with Answered
 * at* when recorded. The agreement's HR specialist cell is often left empty when the request
 * went to the order's named HR specialist, which used to read «Согласовал (HR): нет».
 */
function agreedByValue(order: Row, agreement: Row, locale: Locale, zone: Zone): EmailValue {
  const who = [agreement.answeredBy, agreement.hrSpecialist, order.hrSpecialist].map(parseEmailCell).find((p) => p.status === 'ok');
  const name = who && who.status === 'ok' ? who.value : '';
  const at = parseDateTimeCell(agreement.answeredAt);
  const when = at.status === 'ok' ? formatDateTime(wallClockOf(zone, at.value), locale) : '';
  if (!name && !when) return { type: 'none', text: orderLabel(locale, 'none') };
  return { type: 'text', text: [name, when].filter(Boolean).join(', ') };
}

/** A wall time in the spreadsheet's zone as "01.12.2026 14:05" / "2026-12-01 14:05". */
export function formatDateTime(w: WallClock, locale: Locale): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${formatDate(w, locale)} ${p(w.hour)}:${p(w.minute)}`;
}

export function formatDate(d: LocalDate, locale: Locale): string {
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  return locale === 'ru' ? `${p(d.day)}.${p(d.month)}.${p(d.year, 4)}` : `${p(d.year, 4)}-${p(d.month)}-${p(d.day)}`;
}

/** 150000.5 → "150 000,50" (ru, no-break spaces) or "150,000.50" (en); whole sums without decimals. */
export function formatMoney(amount: number, locale: Locale): string {
  const fixed = Number.isInteger(amount) ? String(amount) : amount.toFixed(2);
  const [int, frac] = fixed.split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, locale === 'ru' ? '\u00a0' : ',');
  return frac === undefined ? grouped : `${grouped}${locale === 'ru' ? ',' : '.'}${frac}`;
}

/** A value as plain text (no escaping: the HTML renderer escapes what this returns). */
export function formatEmailValue(value: EmailValue, locale: Locale): string {
  switch (value.type) {
    case 'text':
    case 'longtext':
    case 'none':
      return value.text;
    case 'email':
      return value.email;
    case 'url':
      return value.url;
    case 'date':
      return formatDate(value.date, locale);
    case 'period':
      return `${formatDate(value.from, locale)} – ${formatDate(value.to, locale)}`;
    case 'money':
      return formatMoney(value.amount, locale);
    case 'number':
      return String(value.value);
    case 'list':
      return value.items.join(', ');
  }
}
