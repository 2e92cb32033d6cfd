/** User-facing text: Russian by default, English as a locale. */
import { Locale } from './schema';

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

export type Params = Record<string, string | number>;

/** Fills {name} placeholders; an unknown name stays visible. */
export function fill(text: string, params: Params = {}): string {
  return text.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
}

/** A lookup over a table of { key: { ru, en } } texts: one shape for every module's messages. */
export function localizer<K extends string>(table: Record<K, Record<Locale, string>>) {
  return (locale: Locale, key: K, params: Params = {}): string => fill(table[key][locale], params);
}

/** The message in the locale, with {name} placeholders filled. */
export const t = localizer<MessageKey>(MESSAGES);
