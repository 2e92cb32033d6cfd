/**
 * E-mail templates (docs/DOMAIN.md §8.5): every reminder, comment and report e-mail comes from the
 * Templates tab (Key, Language, Subject, Body), falling back to the built-in texts below.
 * `{{name}}` placeholders are filled at send time; the HTML part escapes everything that
 * came from a cell (the template's own text included), the plain-text part carries the
 * same words, and an unknown placeholder is reported and left visible, never dropped.
 */
import { LANGUAGES, Locale, findChoice } from './schema';
import { Problem } from './i18n';
import { placeholdersOf, unknownPlaceholders } from './render';
import { BASE_TEMPLATES, BaseTemplateKey, SIGN_EN, SIGN_RU, TemplateText, Texts } from './template-texts';
import { SEED_001_TEMPLATES, Seed001TemplateKey } from './seed-001-texts';
import { TemplateMessageKey, templateProblems } from './messages';

export * from './template-texts';
export * from './seed-001-texts';
export * from './render';

const { problem, warning } = templateProblems;

export type TemplateKey = BaseTemplateKey | Seed001TemplateKey;

const CALL = ['callType', 'client', 'date', 'time', 'zone', 'offset', 'duration', 'meetingLink', 'manager'];
const CLIENT = ['client', 'contactPerson'];

/** The placeholders each template may use; `senderName` is available to all. */
export const TEMPLATE_PLACEHOLDERS: Record<TemplateKey, readonly string[]> = {
  'reminder.firstCall': [...CALL, 'contactPerson'],
  'reminder.interview': [...CALL, 'recipientName'],
  'reminder.repeatCall': [...CALL, 'recipientName'],
  'reminder.introCall': [...CALL, 'recipientName'],
  'comment.toManager': ['callType', 'client', 'date', 'time', 'comment', 'callId', 'orderId'],
  'followUp.manager': [...CLIENT, 'nextContactDate', 'nextStep', 'callId', 'orderId', 'callDate'],
  'handoff.clientDepartment': ['orderId', 'client', 'salesManager', 'details', 'individualTerms', 'requestLink'],
  'payment.clientDepartment': ['orderId', 'client', 'paymentReceived', 'sum', 'paidServices', 'paymentDocumentLink', 'salesManager'],
  'agreement.request': ['orderId', 'client', 'requestedBy', 'details'],
  'agreement.answer': ['orderId', 'client', 'answer', 'hrComment', 'hrSpecialist'],
  'report.calling': [...CLIENT, 'orderId', 'callingDate', 'results', 'summary'],
  'report.expectations': ['client', 'orderId', 'callingDate', 'number', 'planned', 'comparison', 'risks', 'agreementId'],
  'alert.overdue': ['item', 'orderId', 'client', 'due', 'responsible', 'details'],
  'alert.overdueList': ['count', 'items', 'responsible', 'details'],
  'alert.callDeclined': ['callType', 'client', 'date', 'time', 'zone', 'who', 'answers', 'callId', 'orderId'],
  'digest.daily': ['date', 'count', 'summary', 'items'],
  'deadline.reminder': ['item', 'orderId', 'client', 'due', 'details'],
  'interview.clientRequest': [...CLIENT, 'items', 'callDate', 'manager'],
  'firstCall.agreed': [...CLIENT, 'callDate', 'agreed', 'nextContactDate', 'manager', 'callId', 'orderId'],
  'interview.resumes': [...CLIENT, 'date', 'time', 'zone', 'resumes', 'manager', 'callId', 'orderId'],
  'interview.candidate': ['recipientName', 'client', 'clientInfo', 'date', 'time', 'zone', 'meetingLink', 'manager', 'callId'],
  'sales.offer': [...CLIENT, 'offerLink', 'validUntil'],
  'sales.silentClient': [...CLIENT, 'lastContactDate'],
  'sales.presaleSummary': [...CLIENT, 'summary', 'nextStep'],
  'sales.contract': [...CLIENT, 'contractLink', 'signBy'],
  'sales.paymentReminder': [...CLIENT, 'sum', 'invoiceLink', 'dueDate'],
  'sales.extension': [...CLIENT, 'paidTo', 'offer'],
  'pm.introduction': [...CLIENT, 'projectManager', 'projectManagerEmail', 'startDate'],
  'pm.dailyReport': [...CLIENT, 'date', 'results', 'summary'],
  'pm.projectCompletion': [...CLIENT, 'summary', 'reportLink'],
  'lead.hot': [...CLIENT, 'orderId', 'vacancy', 'candidate', 'phone', 'email', 'comment', 'recordedAt'],
};

/** Built-in templates, Russian and English. The Templates tab overrides them per key and language. */
export const DEFAULT_TEMPLATES: Record<TemplateKey, Texts> = { ...BASE_TEMPLATES, ...SEED_001_TEMPLATES };

/**
 * Built-in texts of earlier versions that setup wrote into the Templates tab. A row still
 * holding one exactly was never edited by a person: setup replaces it with the current text
 * (these reminders had no link to join and showed the zone's IANA id).
 */
export const SUPERSEDED_TEMPLATES: Partial<Record<TemplateKey, Texts[]>> = {
  // The subject said only how many («Сводка за 26.11.2026: 1»), not of what.
  'digest.daily': [
    {
      ru: { subject: 'Сводка за {{date}}: {{count}}', body: 'Сводка на {{date}} — пунктов: {{count}}.\n\n{{items}}' },
      en: { subject: 'Daily digest {{date}}: {{count}}', body: 'Digest for {{date}} — {{count}} items.\n\n{{items}}' },
    },
  ],
  'reminder.firstCall': [
    {
      ru: {
        subject: 'Напоминание: звонок {{date}} в {{time}}',
        body:
          'Здравствуйте, {{contactPerson}}!\n\nНапоминаем о нашей встрече: {{callType}} {{date}} в {{time}} ({{zone}}), {{duration}} мин. До начала — {{offset}}.\n\nС нашей стороны: {{manager}}.' +
          SIGN_RU,
      },
      en: {
        subject: 'Reminder: our call on {{date}} at {{time}}',
        body:
          'Hello {{contactPerson}},\n\nA reminder of our booked meeting: {{callType}} on {{date}} at {{time}} ({{zone}}), {{duration}} min. It starts in {{offset}}.\n\nFrom our side: {{manager}}.' +
          SIGN_EN,
      },
    },
  ],
  'reminder.interview': [
    {
      ru: {
        subject: 'Напоминание: собеседование {{date}} в {{time}}',
        body:
          'Здравствуйте, {{recipientName}}!\n\nНапоминаем о собеседовании с компанией {{client}}: {{date}} в {{time}} {{zone}}. До начала — {{offset}}.\n\nПодключиться: {{meetingLink}}\nПодключитесь, пожалуйста, вовремя.' +
          SIGN_RU,
      },
      en: {
        subject: 'Reminder: interview on {{date}} at {{time}}',
        body:
          'Hello {{recipientName}},\n\nA reminder of your interview with {{client}} on {{date}} at {{time}} {{zone}}. It starts in {{offset}}.\n\nJoin: {{meetingLink}}\nPlease join on time.' +
          SIGN_EN,
      },
    },
    {
      ru: {
        subject: 'Напоминание: собеседование {{date}} в {{time}}',
        body:
          'Здравствуйте, {{recipientName}}!\n\nНапоминаем о собеседовании с компанией {{client}}: {{date}} в {{time}} ({{zone}}). До начала — {{offset}}. Подключитесь, пожалуйста, вовремя.' +
          SIGN_RU,
      },
      en: {
        subject: 'Reminder: interview on {{date}} at {{time}}',
        body:
          'Hello {{recipientName}},\n\nA reminder of your interview with {{client}} on {{date}} at {{time}} ({{zone}}). It starts in {{offset}}; please join on time.' +
          SIGN_EN,
      },
    },
  ],
  'reminder.repeatCall': [
    {
      ru: {
        subject: 'Напоминание: повторный звонок {{date}} в {{time}}',
        body:
          'Здравствуйте, {{recipientName}}!\n\nНапоминаем о повторном звонке с компанией {{client}}: {{date}} в {{time}} ({{zone}}). До начала — {{offset}}.' +
          SIGN_RU,
      },
      en: {
        subject: 'Reminder: follow-up call on {{date}} at {{time}}',
        body:
          'Hello {{recipientName}},\n\nA reminder of the follow-up call with {{client}} on {{date}} at {{time}} ({{zone}}). It starts in {{offset}}.' +
          SIGN_EN,
      },
    },
  ],
  'reminder.introCall': [
    {
      ru: {
        subject: 'Напоминание: вводный звонок с {{client}} {{date}} в {{time}}',
        body:
          'Здравствуйте, {{recipientName}}!\n\nНапоминаем о вводном звонке с клиентом {{client}}: {{date}} в {{time}} ({{zone}}). До начала — {{offset}}. На звонке обсудим проект и задачи, способ связи, график и отчётность.' +
          SIGN_RU,
      },
      en: {
        subject: 'Reminder: introductory call with {{client}} on {{date}} at {{time}}',
        body:
          'Hello {{recipientName}},\n\nA reminder of the introductory call with {{client}} on {{date}} at {{time}} ({{zone}}). It starts in {{offset}}. We will go over the project and tasks, the messenger, schedule and reporting.' +
          SIGN_EN,
      },
    },
  ],
};

export const TEMPLATE_KEYS = Object.keys(DEFAULT_TEMPLATES) as TemplateKey[];
/** The current built-in text a Templates-tab row should get instead of a superseded one, or null. */
export function supersededBy(row: TemplateRow): { subject: string; body: string } | null {
  if (!isTemplateKey(row.key)) return null;
  const old = SUPERSEDED_TEMPLATES[row.key] ?? [];
  const same = old.some((t) => t[row.language].subject === row.subject && t[row.language].body === row.body);
  return same ? DEFAULT_TEMPLATES[row.key][row.language] : null;
}

export function isTemplateKey(key: string): key is TemplateKey {
  return Object.prototype.hasOwnProperty.call(DEFAULT_TEMPLATES, key);
}

/** The client's language picks the template ("English", "en", "Английский"); anything else is Russian. */
export function pickLanguage(value: unknown): Locale {
  const text = typeof value === 'string' ? value.trim() : '';
  if (!text) return 'ru';
  const choice = findChoice(LANGUAGES, text);
  if (choice) return choice.key === 'en' ? 'en' : 'ru';
  return /^en\b|^en[-_]/i.test(text) ? 'en' : 'ru';
}

export interface TemplateRow {
  key: string;
  language: Locale;
  subject: string;
  body: string;
}

/** Templates tab records (keyed by column key) as rows; rows without a key are skipped. */
export function readTemplateRows(records: readonly Record<string, unknown>[]): TemplateRow[] {
  const str = (v: unknown) => (typeof v === 'string' ? v : v === null || v === undefined ? '' : String(v));
  return records
    .filter((r) => str(r.key).trim() !== '')
    .map((r) => ({ key: str(r.key).trim(), language: pickLanguage(str(r.language)), subject: str(r.subject), body: str(r.body) }));
}

/**
 * The template for a key in the wanted language: the Templates tab first, then the
 * built-in one in that language, then Russian (tab, built-in). Null when none exists.
 */
export function pickTemplate(rows: readonly TemplateRow[], key: string, language: Locale): { template: TemplateText; language: Locale } | null {
  const tried: Locale[] = language === 'ru' ? ['ru'] : [language, 'ru'];
  for (const lang of tried) {
    const row = rows.find((r) => r.key === key && r.language === lang && (r.subject.trim() || r.body.trim()));
    if (row) return { template: { key, subject: row.subject, body: row.body }, language: lang };
    if (isTemplateKey(key)) return { template: { key, ...DEFAULT_TEMPLATES[key][lang] }, language: lang };
  }
  return null;
}

export function templateMissing(key: string, language: Locale): Problem<TemplateMessageKey> {
  return problem('templateMissing', { key, language });
}

/** Checks a Templates-tab row of a known key: placeholders it may not use are reported. */
export function checkTemplateRow(row: TemplateRow): Problem<TemplateMessageKey>[] {
  if (!isTemplateKey(row.key)) return [];
  const allowed = new Set([...TEMPLATE_PLACEHOLDERS[row.key], 'senderName']);
  const used = placeholdersOf(`${row.subject}\n${row.body}`);
  const unknown = used.filter((n) => !allowed.has(n));
  const out = unknown.length ? [unknownPlaceholders(row.key, unknown)] : [];
  // Every reminder carries the link to join (issue 12): a person's own text without it is pointed out.
  if (row.key.startsWith('reminder.') && used.indexOf('meetingLink') < 0) out.push(warning('templateNoLink', { key: row.key }));
  return out;
}
