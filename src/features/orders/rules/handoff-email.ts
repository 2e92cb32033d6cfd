/** The hand-off e-mail's content (docs/DOMAIN.md §5.3) as typed rows for a renderer. */
import { CALL_KINDS, Choice, choiceLabel, ColumnDef, LANGUAGES, Locale, tabDef, TERMS } from '../../../core/schema';
import { orderLabel } from './messages';
import { LocalDate, wallClockOf, Zone } from '../../../core/time';
import {
  cellText,
  isBlank,
  parseAmount,
  parseChoiceCell,
  parseCount,
  parseDateCell,
  parseDateTimeCell,
  parseEmailCell,
  parseList,
  parseUrlCell,
  parseWeekdays,
  Row,
} from '../../../core/values';
import { agreementNeed, paidServicesOf, serviceChoice, termsOf } from './reading';
import { formatDate, formatDateTime, formatMoney } from './format';

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
