/**
 * User-facing text: Russian by default, English as a locale. One shape for every table of
 * texts: { key: { ru, en } } with {name} placeholders, a param that may itself read
 * differently per language, and one Problem<K> whose code is a key of its table (a code
 * outside the table does not type-check). Each feature keeps its tables in one messages.ts
 * (features/<f>/rules/messages.ts); the tables the features share (edit refusals,
 * templates, settings readers, holidays) are in core/messages.ts.
 */
import { Locale } from './schema';

/** A text in both languages; also a param that reads differently per language (a column header). */
export interface Localized {
  ru: string;
  en: string;
}
export type ParamValue = string | number | Localized;
export type Params = Record<string, ParamValue>;
export type TextTable<K extends string> = Record<K, Localized>;

/** 'error' blocks what the row asks for (a hand-off, an event); 'warning' is shown and the row goes on. */
export type Severity = 'error' | 'warning';

/** A problem of a row or a text: stable code, the column it is about, params, the text in both languages. */
export interface Problem<K extends string = string> {
  code: K;
  /** Column key (schema.ts) the problem is about; absent for a row-level problem. */
  column?: string;
  params: Params;
  severity: Severity;
  ru: string;
  en: string;
}

/** A param in the locale. */
export function paramIn(locale: Locale, value: ParamValue): string {
  return typeof value === 'object' ? value[locale] : String(value);
}

/** Fills {name} placeholders; an unknown name stays visible. */
export function fill(text: string, params: Params = {}, locale: Locale = 'ru'): string {
  return text.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? paramIn(locale, params[name]) : m));
}

/** A lookup over a table of { key: { ru, en } } texts. */
export function localizer<K extends string>(table: TextTable<K>) {
  return (locale: Locale, key: K, params: Params = {}): string => fill(table[key][locale], params, locale);
}

export interface ProblemMaker<K extends string> {
  text(locale: Locale, key: K, params?: Params): string;
  problem(code: K, params?: Params, severity?: Severity): Problem<K>;
  warning(code: K, params?: Params): Problem<K>;
}

/** The problems of one table: problem(code, …) and warning(code, …) accept only its keys. */
export function problemMaker<K extends string>(table: TextTable<K>): ProblemMaker<K> {
  const text = localizer(table);
  const problem = (code: K, params: Params = {}, severity: Severity = 'error'): Problem<K> => ({
    code,
    params,
    severity,
    ru: text('ru', code, params),
    en: text('en', code, params),
  });
  const warning = (code: K, params: Params = {}): Problem<K> => problem(code, params, 'warning');
  return { text, problem, warning };
}

/** Both languages of a text (to recognise a line whichever language wrote it). */
export function bothLanguages<K extends string>(table: TextTable<K>, key: K): string[] {
  return [table[key].ru, table[key].en];
}

/** The Problems cell text in the locale: one problem per line. */
export function problemsText(problems: readonly Localized[], locale: Locale): string {
  return problems.map((p) => p[locale]).join('\n');
}

export function hasErrors(problems: readonly { severity: Severity }[]): boolean {
  return problems.some((p) => p.severity === 'error');
}

// --- the workbook's own texts (menu, setup) ---

const MESSAGES = {
  menuTitle: { ru: 'Регламент', en: 'Reglament' },
  menuSetup: { ru: 'Настроить или восстановить книгу', en: 'Set up or repair the workbook' },
  setupDone: {
    ru: 'Книга настроена: вкладок создано {created}, восстановлено заголовков {repaired}.',
    en: 'Workbook set up: {created} tabs created, {repaired} headers repaired.',
  },
  setupTitle: { ru: 'Настройка', en: 'Setup' },
  setupOwnerOnly: {
    ru: 'Настраивает книгу только её владелец ({owner}): настройка ставит защиту и триггеры от его имени.',
    en: 'Only the spreadsheet owner ({owner}) sets up the workbook: setup sets the protections and triggers under their account.',
  },
  logSetup: { ru: 'Настройка книги', en: 'Workbook setup' },
  logTabCreated: { ru: 'Создана вкладка', en: 'Tab created' },
  logHeaderAdded: { ru: 'Добавлен столбец', en: 'Column added' },
  senderPrompt: {
    ru: 'Как подписывать письма клиентам и кандидатам? Укажите название вашей компании (его видят как имя отправителя и в подписи):',
    en: 'How should e-mails to clients and candidates be signed? Give your company’s name (shown as the sender and in the signature):',
  },
  senderMissing: {
    ru: 'Имя отправителя не задано: укажите название компании в Настройках («Имя отправителя»), иначе письма уйдут без подписи.',
    en: 'No sender name: give your company’s name in Settings ("Sender name"), or e-mails go out unsigned.',
  },
  logSenderName: { ru: 'Имя отправителя', en: 'Sender name' },
  tickBusy: {
    ru: 'Предыдущий запуск ещё работает; этот пропущен.',
    en: 'The previous run still holds the lock; this one skipped.',
  },
} as const;

export type MessageKey = keyof typeof MESSAGES;

/** The message in the locale, with {name} placeholders filled. */
export const t = localizer<MessageKey>(MESSAGES);
