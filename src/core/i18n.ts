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
  logSetup: { ru: 'Настройка книги', en: 'Workbook setup' },
  logTabCreated: { ru: 'Создана вкладка', en: 'Tab created' },
  logHeaderAdded: { ru: 'Добавлен столбец', en: 'Column added' },
  tickBusy: {
    ru: 'Предыдущий запуск ещё работает; этот пропущен.',
    en: 'The previous run still holds the lock; this one skipped.',
  },
} as const;

export type MessageKey = keyof typeof MESSAGES;

/** The message in the locale, with {name} placeholders filled. */
export function t(locale: Locale, key: MessageKey, params: Record<string, string | number> = {}): string {
  const text: string = MESSAGES[key][locale];
  return text.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
}
