/**
 * User-facing texts of the coordination tables (Orders, HR agreements, who may edit what),
 * Russian and English. A problem carries a stable code, the column it is about, its params
 * and the text already filled in both languages, so the Problems cell, a refusal note and
 * the Log can each take what they need.
 */
import { Locale } from '../../../core/schema';
import { Localized, localizer, Params, Problem as ProblemOf, problemMaker } from '../../../core/i18n';
import { columnProblems } from '../../../core/messages';

export { hasErrors, problemsText } from '../../../core/i18n';
export { columnLabel } from '../../../core/messages';
export type { Localized, ParamValue, Params, Severity } from '../../../core/i18n';

const ORDER_MESSAGES = {
  // Any cell
  required: { ru: 'Не заполнено: «{column}».', en: 'Missing: "{column}".' },
  notEmail: { ru: '«{column}»: «{value}» — не адрес e-mail.', en: '"{column}": "{value}" is not an e-mail address.' },
  notUrl: {
    ru: '«{column}»: «{value}» — не ссылка (нужна ссылка http:// или https://).',
    en: '"{column}": "{value}" is not a link (an http:// or https:// link is needed).',
  },
  urlNoScheme: {
    ru: '«{column}»: ссылка должна начинаться с https:// (например, {suggestion}).',
    en: '"{column}": the link must start with https:// (e.g. {suggestion}).',
  },
  urlScheme: {
    ru: '«{column}»: «{value}» — принимаются только ссылки http:// и https://.',
    en: '"{column}": "{value}" — only http:// and https:// links are accepted.',
  },
  notNumber: { ru: '«{column}»: «{value}» — не число.', en: '"{column}": "{value}" is not a number.' },
  numberAsText: {
    ru: '«{column}»: «{value}» записано текстом; введите само число ({suggestion}).',
    en: '"{column}": "{value}" is text; type the number itself ({suggestion}).',
  },
  negative: { ru: '«{column}»: не может быть отрицательным ({value}).', en: '"{column}": must not be negative ({value}).' },
  notInteger: { ru: '«{column}»: нужно целое число ({value}).', en: '"{column}": must be a whole number ({value}).' },
  belowMinimum: { ru: '«{column}»: не меньше {suggestion} ({value}).', en: '"{column}": at least {suggestion} ({value}).' },
  notDate: {
    ru: '«{column}»: «{value}» — не дата; введите дату, например 01.03.2026.',
    en: '"{column}": "{value}" is not a date; type a date such as 2026-03-01.',
  },
  dateOutOfRange: {
    ru: '«{column}»: год {value} вне 2000–2099; проверьте дату.',
    en: '"{column}": the year {value} is outside 2000–2099; check the date.',
  },
  notChoice: {
    ru: '«{column}»: «{value}» — выберите одно из: {choices}.',
    en: '"{column}": "{value}" — choose one of: {choices}.',
  },
  notWeekdays: {
    ru: '«{column}»: «{value}» — не дни недели (например: Пн, Чт).',
    en: '"{column}": "{value}" is not a list of weekdays (e.g. Mon, Thu).',
  },
  // Orders
  periodReversed: {
    ru: '«{to}» ({toValue}) раньше, чем «{from}» ({fromValue}).',
    en: '"{to}" ({toValue}) is before "{from}" ({fromValue}).',
  },
  dateInFuture: {
    ru: '«{column}»: {value} — дата ещё не наступила.',
    en: '"{column}": {value} is in the future.',
  },
  jobSitesRequired: {
    ru: 'Оплачено размещение на сайтах вакансий: заполните «{column}».',
    en: 'Job-site posting is paid: fill in "{column}".',
  },
  paidServicesEmpty: {
    ru: 'Не заполнено: «{column}» (перечень оплаченных услуг).',
    en: 'Missing: "{column}" (the list of paid services).',
  },
  unknownService: {
    ru: '«{column}»: «{value}» — не из списка ({choices}); в письмо попадёт как есть.',
    en: '"{column}": "{value}" is not a listed service ({choices}); it goes into the e-mail as typed.',
  },
  phoneUnreadable: {
    ru: '«{column}»: «{value}» не похоже на номер телефона.',
    en: '"{column}": "{value}" does not look like a phone number.',
  },
  notInStaff: {
    ru: '«{column}»: {value} нет на вкладке «Сотрудники».',
    en: '"{column}": {value} is not on the Staff tab.',
  },
  wrongDepartment: {
    ru: '«{column}»: {value} — {department}, а нужен сотрудник отдела «{expected}».',
    en: '"{column}": {value} is in {department}; someone from {expected} is expected.',
  },
  hrReceivedBeforeHandOff: {
    ru: '«{column}» заполнено, но заказ ещё не передан в Клиентский отдел.',
    en: '"{column}" is filled but the order has not been handed off to the Client department yet.',
  },
  cancelled: { ru: 'Заказ отменён: передача невозможна.', en: 'The order is cancelled: it cannot be handed off.' },
  handOffSendFailed: {
    ru: 'Письмо о передаче не отправлено: {error}. Повтор при следующем запуске.',
    en: 'Hand-off e-mail not sent: {error}. It will be retried.',
  },
  clientDepartmentEmailMissing: {
    ru: 'В Настройках не указан «E-mail клиентского отдела» (или он неверен): передачу некуда отправить.',
    en: 'Settings: "Client-department e-mail" is empty or invalid, so the hand-off has nowhere to go.',
  },
  // Individual terms and HR agreements (docs/DOMAIN.md §5.1, §5.2)
  agreementMissing: {
    ru: 'Индивидуальные условия: нет согласования HR по этому заказу — подайте его на вкладке «Согласования HR».',
    en: 'Individual terms: no HR agreement has been filed for this order; file one on the HR agreements tab.',
  },
  agreementPending: {
    ru: 'Индивидуальные условия: согласование {id} ещё не согласовано HR.',
    en: 'Individual terms: agreement {id} has not been agreed by HR yet.',
  },
  agreementRejected: {
    ru: 'Индивидуальные условия: HR отклонил согласование {id}: {comment}',
    en: 'Individual terms: HR rejected agreement {id}: {comment}',
  },
  promiseWithoutAgreement: {
    ru: 'Клиент оплатил заказ на индивидуальных условиях, которые не согласованы с HR (регламент: сначала согласование HR).',
    en: 'The client paid for individual terms that HR has not agreed (the regulation requires HR agreement first).',
  },
  // The calling service needs HR first (seed 000, docs/DOMAIN.md §5.1)
  callingAgreementMissing: {
    ru: '«Обзвон соискателей» продаётся только после согласования с HR (сколько резюме и звонков, сколько кандидатов согласятся и придут, риски): подайте согласование на вкладке «Согласования HR».',
    en: 'The calling service is sold only after HR agrees it (resumes and calls, candidates agreeing and coming, risks): file an agreement on the HR agreements tab.',
  },
  callingAgreementPending: {
    ru: '«Обзвон соискателей»: согласование {id} ещё не согласовано HR.',
    en: 'Calling service: agreement {id} has not been agreed by HR yet.',
  },
  callingAgreementRejected: {
    ru: '«Обзвон соискателей»: HR отклонил согласование {id}: {comment}',
    en: 'Calling service: HR rejected agreement {id}: {comment}',
  },
  callingSoldWithoutAgreement: {
    ru: 'Клиент оплатил «Обзвон соискателей», а HR ещё не согласовал ожидаемые резюме, звонки и риски (регламент: сначала согласование HR).',
    en: 'The client paid for the calling service before HR agreed the expected resumes, calls and risks (the regulation requires HR agreement first).',
  },
  individualTermsNotAgreed: {
    ru: 'Индивидуальные условия: согласование {id} не называет ни одного условия (дни подбора, число резюме, дата первого подбора, прочие пункты) — HR должен согласовать сами условия.',
    en: 'Individual terms: agreement {id} names no terms (selection weekdays, resumes per selection, first selection date, other points); HR must agree the terms themselves.',
  },
  orderUnknown: {
    ru: '«{column}»: заказа «{value}» нет на вкладке «Заказы».',
    en: '"{column}": order "{value}" is not on the Orders tab.',
  },
  orderNotIndividual: {
    ru: 'У заказа {value} условия «Стандартные» и нет «Обзвона соискателей»; согласование нужно только для обзвона или индивидуальных условий.',
    en: 'Order {value} has Standard terms and no calling service; an agreement is only needed for the calling service or individual terms.',
  },
  nothingRequested: {
    ru: 'Не указано, что согласовать: заполните дни подбора, число резюме, дату первого подбора или «Прочие пункты».',
    en: 'Nothing to agree: fill in selection weekdays, resumes per selection, the first selection date or "Other points".',
  },
  rejectedNeedsComment: {
    ru: 'Ответ «Отклонено»: укажите причину в «{column}».',
    en: 'Answer "Rejected": give the reason in "{column}".',
  },
  datePassed: {
    ru: '«{column}»: {value} уже прошла.',
    en: '"{column}": {value} has already passed.',
  },
} as const;

export type OrderMessageKey = keyof typeof ORDER_MESSAGES;

const orderProblems = problemMaker<OrderMessageKey>(ORDER_MESSAGES);

/** The message in the locale, with {name} placeholders filled. */
export const orderText = orderProblems.text;

/** A problem of an order or agreement row. */
export type Problem = ProblemOf<OrderMessageKey>;

/** A problem about a column of a tab: its header fills {column}. */
export const columnProblem = columnProblems(orderProblems);

/** Labels of the hand-off e-mail that are not column headers. */
const ORDER_LABELS = {
  handOffSubject: { ru: 'Передача заказа {id}: {client} — {vacancy}', en: 'Order hand-off {id}: {client} — {vacancy}' },
  handOffIntro: {
    ru: 'Заказ оплачен и передаётся в Клиентский отдел. Всё, что требует регламент:',
    en: 'The order is paid and handed off to the Client department. Everything the regulation requires:',
  },
  sectionRequest: { ru: 'Заявка: контактные данные', en: 'Request: contact details' },
  sectionVacancy: { ru: 'Заявка: описание вакансии', en: 'Request: vacancy' },
  sectionFintops: { ru: 'Вакансия в Fintops и на JOB-сайтах', en: 'Vacancy in Fintops and on job sites' },
  sectionPayment: { ru: 'Оплаченные услуги', en: 'Paid services' },
  sectionTerms: { ru: 'Условия работы', en: 'Terms of work' },
  publicationPeriod: { ru: 'Период публикации (Fintops и JOB-сайты)', en: 'Publication period (Fintops and job sites)' },
  paidPeriod: { ru: 'Оплаченный период', en: 'Paid period' },
  agreedBy: { ru: 'Согласовал (HR)', en: 'Agreed by (HR)' },
  none: { ru: 'нет', en: 'none' },
  noVacancyLink: { ru: 'нет (вакансия раньше не была в работе)', en: 'none (the vacancy was not in work before)' },
  noContract: { ru: 'нет договора', en: 'no contract' },
  standardTerms: { ru: 'Стандартные (Таблица 1)', en: 'Standard (Table 1)' },
  noAgreementId: { ru: '(без номера)', en: '(no ID)' },
  noComment: { ru: '(без комментария)', en: '(no comment)' },
} as const;

export type OrderLabelKey = keyof typeof ORDER_LABELS;

/** A label of the hand-off e-mail in the locale, with {name} placeholders filled. */
export const orderLabel: (locale: Locale, key: OrderLabelKey, params?: Params) => string = localizer(ORDER_LABELS);

export function localizedLabel(key: OrderLabelKey): Localized {
  return { ru: ORDER_LABELS[key].ru, en: ORDER_LABELS[key].en };
}

/** Log actions and toasts of the Orders feature. */
const ORDER_TEXT = {
  flagged: { ru: 'Проблемы в строке', en: 'Row flagged' },
  handOffRefused: {
    ru: 'Передача не выполнена: заполните недостающее (см. «Проблемы»).',
    en: 'Not handed off: fill in what is missing (see Problems).',
  },
  handOffDone: { ru: 'Заказ передан в Клиентский отдел.', en: 'Order handed off to the Client department.' },
  handOffLog: { ru: 'Передан в Клиентский отдел', en: 'Handed off' },
  paymentLog: { ru: 'Клиентский отдел извещён об оплате', en: 'Client department told of the payment' },
  requestLog: { ru: 'Запрос в HR отправлен', en: 'HR request sent' },
  answerLog: { ru: 'Ответ HR отправлен', en: 'HR answer sent' },
  idAssigned: { ru: 'Присвоен ID', en: 'ID assigned' },
  dueBy: { ru: 'Ответ нужен до {due}', en: 'Answer due by {due}' },
} as const;

export const say = localizer<keyof typeof ORDER_TEXT>(ORDER_TEXT);
