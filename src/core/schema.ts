/**
 * The workbook's tabs and columns (SPEC §6). The English headers are a contract that
 * the CLI, tests and docs rely on: add, never rename. Russian headers are their
 * translation; a column is found by its header in either language, never by position.
 */

export type Locale = 'ru' | 'en';

export type ColumnType =
  | 'id' // system-assigned identifier
  | 'text'
  | 'longtext'
  | 'email'
  | 'emails' // several e-mails separated by commas
  | 'url'
  | 'phone'
  | 'date'
  | 'datetime'
  | 'number'
  | 'integer'
  | 'money'
  | 'checkbox'
  | 'list'
  | 'weekdays' // e.g. "Mon, Thu"
  | 'timezone';

export interface Choice {
  key: string;
  en: string;
  ru: string;
}

export interface ColumnDef {
  key: string;
  en: string;
  ru: string;
  type: ColumnType;
  /** Owned by the system: protected, filled only by it (SPEC §6 "*"). */
  system?: boolean;
  choices?: readonly Choice[];
}

export interface TabDef {
  key: TabKey;
  en: string;
  ru: string;
  columns: readonly ColumnDef[];
  /** The whole tab is written only by the system (Outbox, Log). */
  systemTab?: boolean;
}

export type TabKey =
  | 'settings'
  | 'holidays'
  | 'staff'
  | 'orders'
  | 'agreements'
  | 'selections'
  | 'callingResults'
  | 'candidates'
  | 'calls'
  | 'templates'
  | 'outbox'
  | 'log';

const c = (key: string, en: string, ru: string, type: ColumnType, extra: Partial<ColumnDef> = {}): ColumnDef => ({
  key,
  en,
  ru,
  type,
  ...extra,
});
const sys = (key: string, en: string, ru: string, type: ColumnType): ColumnDef => c(key, en, ru, type, { system: true });
const choice = (key: string, en: string, ru: string): Choice => ({ key, en, ru });

export const DEPARTMENTS = [
  choice('sales', 'Sales', 'Отдел продаж'),
  choice('hr', 'HR', 'HR'),
  choice('client', 'Client department', 'Клиентский отдел'),
  choice('management', 'Management', 'Руководство'),
] as const;

export const TERMS = [choice('standard', 'Standard', 'Стандартные'), choice('individual', 'Individual', 'Индивидуальные')] as const;

export const ORDER_STATUSES = [
  choice('draft', 'Draft', 'Черновик'),
  choice('paid', 'Paid', 'Оплачен'),
  choice('handedOff', 'Handed off', 'Передан'),
  choice('inWork', 'In work', 'В работе'),
  choice('completed', 'Completed', 'Завершён'),
  choice('cancelled', 'Cancelled', 'Отменён'),
] as const;

export const PAID_SERVICES = [
  choice('calling', 'Candidate calling', 'Обзвон соискателей'),
  choice('jobSites', 'Job-site posting', 'Размещение на сайтах вакансий'),
  choice('selection', 'Resume selection', 'Подбор резюме'),
  choice('reports', 'Calling reports', 'Отчёты об обзвоне'),
  choice('recordings', 'Call recordings', 'Записи звонков'),
] as const;

export const LANGUAGES = [choice('ru', 'Russian', 'Русский'), choice('en', 'English', 'Английский')] as const;

export const ANSWERS = [choice('agreed', 'Agreed', 'Согласовано'), choice('rejected', 'Rejected', 'Отклонено')] as const;

export const CALL_KINDS = [choice('detailed', 'Detailed', 'Подробные'), choice('informing', 'Informing', 'Информирующие')] as const;

export const OUTCOMES = [
  choice('notReached', 'Not reached', 'Не дозвонились'),
  choice('declined', 'Declined', 'Отказ'),
  choice('agreed', 'Agreed to come', 'Согласен прийти'),
  choice('interview', 'Interview booked', 'Назначено интервью'),
] as const;

export const CALL_TYPES = [
  choice('first', 'First call', 'Первый звонок'),
  choice('interview', 'Interview', 'Интервью'),
  choice('repeat', 'Repeat call', 'Повторный звонок'),
  choice('intro', 'Introductory call', 'Вводный звонок'),
] as const;

export const CALL_STATUSES = [
  choice('scheduled', 'Scheduled', 'Запланирован'),
  choice('done', 'Done', 'Проведён'),
  choice('cancelled', 'Cancelled', 'Отменён'),
] as const;

export const OUTBOX_STATES = [
  choice('pending', 'Pending', 'Ожидает'),
  choice('sent', 'Sent', 'Отправлено'),
  choice('failed', 'Failed', 'Ошибка'),
  choice('cancelled', 'Cancelled', 'Отменено'),
  choice('missed', 'Missed', 'Пропущено'),
] as const;

export const TABS: readonly TabDef[] = [
  {
    key: 'settings',
    en: 'Settings',
    ru: 'Настройки',
    columns: [c('key', 'Key', 'Ключ', 'text'), c('value', 'Value', 'Значение', 'text'), c('description', 'Description', 'Описание', 'longtext')],
  },
  {
    key: 'holidays',
    en: 'Holidays',
    ru: 'Праздники',
    columns: [
      c('date', 'Date', 'Дата', 'date'),
      c('name', 'Name', 'Название', 'text'),
      c('workingDay', 'Working day?', 'Рабочий день?', 'checkbox'),
    ],
  },
  {
    key: 'staff',
    en: 'Staff',
    ru: 'Сотрудники',
    columns: [
      c('name', 'Name', 'Имя', 'text'),
      c('email', 'E-mail', 'E-mail', 'email'),
      c('department', 'Department', 'Отдел', 'list', { choices: DEPARTMENTS }),
      c('managerEmail', 'Manager e-mail', 'E-mail руководителя', 'email'),
      c('deputyEmail', 'Deputy e-mail', 'E-mail заместителя', 'email'),
      c('absentUntil', 'Absent until', 'Отсутствует до', 'date'),
    ],
  },
  {
    key: 'orders',
    en: 'Orders',
    ru: 'Заказы',
    columns: [
      sys('orderId', 'Order ID', 'ID заказа', 'id'),
      c('client', 'Client', 'Клиент', 'text'),
      c('contactPerson', 'Contact person', 'Контактное лицо', 'text'),
      c('clientEmail', 'Client e-mail', 'E-mail клиента', 'email'),
      c('clientPhone', 'Client phone', 'Телефон клиента', 'phone'),
      c('clientLanguage', 'Client language', 'Язык клиента', 'list', { choices: LANGUAGES }),
      c('vacancy', 'Vacancy', 'Вакансия', 'text'),
      c('vacancyDescription', 'Vacancy description', 'Описание вакансии', 'longtext'),
      // Added later (issue 14), in the Sales block so a pasted row never spans the system
      // columns (an existing workbook gets them appended by setup; columns go by header).
      c('requestLink', 'Request link', 'Ссылка на заявку', 'url'),
      c('fintopsCompanyLink', 'Fintops company link', 'Ссылка на компанию в Fintops', 'url'),
      c('fintopsVacancyLink', 'Fintops vacancy link', 'Ссылка на вакансию в Fintops', 'url'),
      c('publicationFrom', 'Publication from', 'Публикация с', 'date'),
      c('publicationTo', 'Publication to', 'Публикация по', 'date'),
      c('jobSites', 'Job sites', 'Сайты вакансий', 'text'),
      c('paidServices', 'Paid services', 'Оплаченные услуги', 'text', { choices: PAID_SERVICES }),
      c('paidFrom', 'Paid from', 'Оплачено с', 'date'),
      c('paidTo', 'Paid to', 'Оплачено по', 'date'),
      c('sum', 'Sum', 'Сумма', 'money'),
      c('bonuses', 'Bonuses and discounts', 'Бонусы и скидки', 'text'),
      c('contractLink', 'Contract link', 'Ссылка на договор', 'url'),
      c('paymentReceived', 'Payment received', 'Оплата получена', 'date'),
      c('salesManager', 'Sales manager', 'Менеджер продаж', 'email'),
      c('terms', 'Terms', 'Условия', 'list', { choices: TERMS }),
      c('hrSpecialist', 'HR specialist', 'HR-специалист', 'email'),
      c('hrReceived', 'HR received', 'HR получил', 'datetime'),
      c('handOff', 'Hand off', 'Передать', 'checkbox'),
      sys('handedOffAt', 'Handed off at', 'Передан', 'datetime'),
      sys('status', 'Status', 'Статус', 'list'),
      sys('problems', 'Problems', 'Проблемы', 'longtext'),
      // Added later (issue 12): after the existing columns, so no column moves.
      c('otherContacts', 'Other contact e-mails', 'Другие e-mail клиента', 'emails'),
      c('clientTimeZone', 'Client time zone', 'Часовой пояс клиента', 'timezone'),
      // Added later (issue 16): the payment order's link (e.g. the client's mail), beside Payment received.
      c('paymentDocumentLink', 'Payment document link', 'Ссылка на платёжный документ', 'url'),
    ],
  },
  {
    key: 'agreements',
    en: 'HR agreements',
    ru: 'Согласования HR',
    columns: [
      sys('agreementId', 'Agreement ID', 'ID согласования', 'id'),
      c('orderId', 'Order ID', 'ID заказа', 'text'),
      c('requestedBy', 'Requested by', 'Запросил', 'email'),
      c('expectedResumes', 'Expected resumes', 'Ожидаемо резюме', 'integer'),
      c('expectedCalls', 'Expected calls', 'Ожидаемо звонков', 'integer'),
      c('expectedAgreeing', 'Expected agreeing', 'Ожидаемо согласившихся', 'integer'),
      c('expectedComing', 'Expected coming', 'Ожидаемо пришедших', 'integer'),
      c('risks', 'Risks', 'Риски', 'longtext'),
      c('otherPoints', 'Other points', 'Прочие пункты', 'longtext'),
      c('callKind', 'Call kind', 'Вид звонков', 'list', { choices: CALL_KINDS }),
      c('expectedOutcome', 'Expected outcome', 'Ожидаемый результат', 'text'),
      c('selectionWeekdays', 'Selection weekdays', 'Дни подбора', 'weekdays'),
      c('resumesPerSelection', 'Resumes per selection', 'Резюме за подбор', 'integer'),
      c('firstSelectionDate', 'First selection date', 'Дата первого подбора', 'date'),
      c('hrSpecialist', 'HR specialist', 'HR-специалист', 'email'),
      c('answer', 'Answer', 'Ответ', 'list', { choices: ANSWERS }),
      c('hrComment', 'HR comment', 'Комментарий HR', 'longtext'),
      sys('answeredAt', 'Answered at', 'Дата ответа', 'datetime'),
      sys('problems', 'Problems', 'Проблемы', 'longtext'),
      // Added later (issue 14): who answered, for the hand-off's «Согласовал (HR)».
      sys('answeredBy', 'Answered by', 'Ответил', 'email'),
    ],
  },
  {
    key: 'selections',
    en: 'Selections',
    ru: 'Подборы',
    columns: [
      sys('orderId', 'Order ID', 'ID заказа', 'text'),
      sys('number', 'No.', '№', 'integer'),
      sys('selectionDate', 'Selection date', 'Дата подбора', 'date'),
      sys('callingDate', 'Calling date', 'Дата обзвона', 'date'),
      sys('reportDue', 'Report due', 'Срок отчёта', 'datetime'),
      sys('hrSpecialist', 'HR specialist', 'HR-специалист', 'email'),
      c('done', 'Done', 'Готово', 'checkbox'),
      sys('reportSentAt', 'Report sent at', 'Отчёт отправлен', 'datetime'),
      sys('eventId', 'Event ID', 'ID события', 'text'),
      sys('problems', 'Problems', 'Проблемы', 'longtext'),
    ],
  },
  {
    key: 'callingResults',
    en: 'Calling results',
    ru: 'Результаты обзвона',
    columns: [
      c('date', 'Date', 'Дата', 'date'),
      c('orderId', 'Order ID', 'ID заказа', 'text'),
      c('candidateId', 'Candidate ID', 'ID кандидата', 'text'),
      c('phone', 'Phone', 'Телефон', 'phone'),
      c('outcome', 'Outcome', 'Результат', 'list', { choices: OUTCOMES }),
      c('interviewAt', 'Interview at', 'Интервью в', 'datetime'),
      c('comment', 'Comment', 'Комментарий', 'longtext'),
      sys('recordedBy', 'Recorded by', 'Записал', 'email'),
    ],
  },
  {
    key: 'candidates',
    en: 'Candidates',
    ru: 'Кандидаты',
    columns: [
      c('candidateId', 'Candidate ID', 'ID кандидата', 'text'),
      c('name', 'Name', 'Имя', 'text'),
      c('email', 'E-mail', 'E-mail', 'email'),
      c('phone', 'Phone', 'Телефон', 'phone'),
      c('orderId', 'Order ID', 'ID заказа', 'text'),
      c('status', 'Status', 'Статус', 'text'),
      c('timeZone', 'Time zone', 'Часовой пояс', 'timezone'),
    ],
  },
  {
    key: 'calls',
    en: 'Calls',
    ru: 'Звонки',
    columns: [
      sys('callId', 'Call ID', 'ID звонка', 'id'),
      c('type', 'Type', 'Тип', 'list', { choices: CALL_TYPES }),
      c('orderId', 'Order ID', 'ID заказа', 'text'),
      c('start', 'Start', 'Начало', 'datetime'),
      c('duration', 'Duration (min)', 'Длительность (мин)', 'integer'),
      c('clientEmail', 'Client e-mail', 'E-mail клиента', 'email'),
      c('candidateIds', 'Candidate IDs', 'ID кандидатов', 'text'),
      c('hiredEmployeeEmail', 'Hired employee e-mail', 'E-mail нанятого сотрудника', 'email'),
      c('teamLeadEmail', 'Team lead e-mail', 'E-mail тимлида', 'email'),
      c('managerEmail', 'Manager e-mail', 'E-mail руководителя', 'email'),
      c('status', 'Status', 'Статус', 'list', { choices: CALL_STATUSES }),
      c('comment', 'Comment', 'Комментарий', 'longtext'),
      c('hired', 'Hired', 'Нанят', 'checkbox'),
      c('hiredCandidateId', 'Hired candidate ID', 'ID нанятого кандидата', 'text'),
      c('hireStartDate', 'Hire start date', 'Дата выхода', 'date'),
      c('price', 'Price', 'Цена', 'money'),
      c('contractLink', 'Contract link', 'Ссылка на договор', 'url'),
      // Added later (issue 12): after the person's columns, before the system ones (a paste of a row never spans them).
      c('meetingLink', 'Meeting link', 'Ссылка на встречу', 'url'),
      c('hiredEmployeeName', 'Hired employee name', 'Имя нанятого сотрудника', 'text'),
      c('teamLeadName', 'Team lead name', 'Имя тимлида', 'text'),
      sys('eventId', 'Event ID', 'ID события', 'text'),
      sys('commentSentAt', 'Comment sent at', 'Комментарий отправлен', 'datetime'),
      sys('problems', 'Problems', 'Проблемы', 'longtext'),
      sys('guestAnswers', "Guests' answers", 'Ответы гостей', 'longtext'),
    ],
  },
  {
    key: 'templates',
    en: 'Templates',
    ru: 'Шаблоны',
    columns: [
      c('key', 'Key', 'Ключ', 'text'),
      c('language', 'Language', 'Язык', 'list', { choices: LANGUAGES }),
      c('subject', 'Subject', 'Тема', 'text'),
      c('body', 'Body', 'Текст', 'longtext'),
    ],
  },
  {
    key: 'outbox',
    en: 'Outbox',
    ru: 'Исходящие',
    systemTab: true,
    columns: [
      sys('key', 'Key', 'Ключ', 'text'),
      sys('due', 'Due', 'Срок', 'datetime'),
      sys('recipient', 'Recipient', 'Получатель', 'emails'),
      sys('template', 'Template', 'Шаблон', 'text'),
      sys('subject', 'Subject', 'Тема', 'text'),
      sys('state', 'State', 'Состояние', 'list'),
      sys('attempts', 'Attempts', 'Попытки', 'integer'),
      sys('lastError', 'Last error', 'Последняя ошибка', 'longtext'),
      sys('sentAt', 'Sent at', 'Отправлено', 'datetime'),
    ],
  },
  {
    key: 'log',
    en: 'Log',
    ru: 'Журнал',
    systemTab: true,
    columns: [
      sys('time', 'Time', 'Время', 'datetime'),
      sys('user', 'User', 'Пользователь', 'email'),
      sys('tab', 'Tab', 'Вкладка', 'text'),
      sys('rowKey', 'Row key', 'Ключ строки', 'text'),
      sys('action', 'Action', 'Действие', 'text'),
      sys('details', 'Details', 'Подробности', 'longtext'),
    ],
  },
];

const TAB_BY_KEY = new Map(TABS.map((t) => [t.key, t]));

export function tabDef(key: TabKey): TabDef {
  const tab = TAB_BY_KEY.get(key);
  if (!tab) throw new Error(`Unknown tab key: ${key}`);
  return tab;
}

/** The tab's name in a locale. */
export function tabName(tab: TabDef, locale: Locale): string {
  return locale === 'en' ? tab.en : tab.ru;
}

export function headerOf(column: ColumnDef, locale: Locale): string {
  return locale === 'en' ? column.en : column.ru;
}

function normalize(text: string): string {
  return text.trim().replace(/\s+/g, ' ').replace(/\*$/, '').trim().toLowerCase();
}

/** Finds a tab by its name in either language (case and spacing ignored). */
export function findTab(name: string): TabDef | undefined {
  const n = normalize(name);
  return TABS.find((t) => normalize(t.en) === n || normalize(t.ru) === n);
}

/** Finds a column of `tab` by a header in either language. */
export function findColumn(tab: TabDef, header: string): ColumnDef | undefined {
  const n = normalize(header);
  return tab.columns.find((col) => normalize(col.en) === n || normalize(col.ru) === n);
}

/** Where each of the tab's columns stands in a header row (0-based), found by header text. */
export interface ColumnMap {
  /** column key → 0-based index in the row, for the columns present. */
  index: Record<string, number>;
  /** Columns of the definition missing from the header row. */
  missing: ColumnDef[];
  /** Header cells that match no column of the definition (a person's own columns). */
  extra: string[];
}

export function mapColumns(tab: TabDef, headerRow: readonly unknown[]): ColumnMap {
  const index: Record<string, number> = {};
  const extra: string[] = [];
  headerRow.forEach((cell, i) => {
    const text = typeof cell === 'string' ? cell : String(cell ?? '');
    if (!text.trim()) return;
    const col = findColumn(tab, text);
    if (col && index[col.key] === undefined) index[col.key] = i;
    else extra.push(text);
  });
  const missing = tab.columns.filter((col) => index[col.key] === undefined);
  return { index, missing, extra };
}

/** A choice's label in a locale. */
export function choiceLabel(choiceItem: Choice, locale: Locale): string {
  return locale === 'en' ? choiceItem.en : choiceItem.ru;
}

/** Finds which choice a cell's text names, in either language. */
export function findChoice(choices: readonly Choice[], text: string): Choice | undefined {
  const n = normalize(text);
  if (!n) return undefined;
  return choices.find((ch) => normalize(ch.en) === n || normalize(ch.ru) === n || ch.key.toLowerCase() === n);
}

const NON_TEXT: readonly ColumnType[] = ['date', 'datetime', 'number', 'integer', 'money', 'checkbox'];

/** Columns setup formats as plain text ("@"): what is written there is never re-parsed. */
export function isTextColumn(column: ColumnDef): boolean {
  return NON_TEXT.indexOf(column.type) < 0;
}
