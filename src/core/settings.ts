/**
 * Settings keys (docs/DOMAIN.md §10) with their defaults. The English keys are a contract; the
 * Russian ones their translation; a key is found in either language.
 */
import { Locale } from './schema';

export interface SettingDef {
  key: SettingKey;
  en: string;
  ru: string;
  /** Default value as text in the Value column (the English form; every reader accepts it). */
  defaultValue: string;
  /** The same default as a Russian workbook shows it («пн, чт», «15 мин»); absent when it reads the same. */
  defaultRu?: string;
  descriptionEn: string;
  descriptionRu: string;
}

export type SettingKey =
  | 'timeZone'
  | 'locale'
  | 'clientDepartmentEmail'
  | 'companyCalendarId'
  | 'hrCalendarId'
  | 'selectionWeekdays'
  | 'reportDeadline'
  | 'reminderFirstCall'
  | 'reminderInterview'
  | 'reminderRepeatCall'
  | 'reminderIntroductoryCall'
  | 'senderName'
  | 'mailQuota'
  | 'archiveAfterDays'
  | 'reportLeadMinutes'
  | 'silentClientDays'
  | 'agreedMailDelay';

const s = (key: SettingKey, en: string, ru: string, defaultValue: string, descriptionEn: string, descriptionRu: string): SettingDef => ({
  key,
  en,
  ru,
  defaultValue,
  descriptionEn,
  descriptionRu,
});

/** The Russian display of the defaults that differ (the readers take either form). */
const DEFAULT_RU: Partial<Record<SettingKey, string>> = {
  selectionWeekdays: 'пн, чт',
  reminderFirstCall: '15 мин',
  reminderInterview: '20 мин',
  reminderRepeatCall: '1 д, 20 мин',
  reminderIntroductoryCall: '1 д, 20 мин',
};

const SETTING_LIST: readonly SettingDef[] = [
  s(
    'timeZone',
    'Time zone',
    'Часовой пояс',
    'Europe/Moscow',
    'IANA zone all dates and deadlines are computed in',
    'Зона IANA, в которой считаются все даты и сроки',
  ),
  s('locale', 'Locale', 'Язык', 'ru', 'ru or en: the language of headers and messages', 'ru или en: язык заголовков и сообщений'),
  s(
    'clientDepartmentEmail',
    'Client-department e-mail',
    'E-mail клиентского отдела',
    '',
    'Where hand-offs are sent',
    'Куда отправляются передачи заказов',
  ),
  s(
    'companyCalendarId',
    'Company calendar ID',
    'ID календаря компании',
    'primary',
    'Calendar for client calls',
    'Календарь для звонков с клиентами',
  ),
  s(
    'hrCalendarId',
    'HR calendar ID',
    'ID календаря HR',
    'primary',
    'Calendar for selection and calling days',
    'Календарь для дней подбора и обзвона',
  ),
  s(
    'selectionWeekdays',
    'Selection weekdays',
    'Дни подбора',
    'Mon, Thu',
    'Standard selection days (Table 1: twice a week)',
    'Стандартные дни подбора (Таблица 1: два раза в неделю)',
  ),
  s(
    'reportDeadline',
    'Report deadline',
    'Срок отчёта',
    '18:00',
    'Calling report due on the calling day at',
    'Отчёт об обзвоне до этого времени в день обзвона',
  ),
  s(
    'reminderFirstCall',
    'Reminder offsets: First call',
    'Напоминания: Первый звонок',
    '15m',
    'Before a first call (client)',
    'До первого звонка (клиенту)',
  ),
  s(
    'reminderInterview',
    'Reminder offsets: Interview',
    'Напоминания: Интервью',
    '20m',
    'Before an interview (candidates)',
    'До интервью (кандидатам)',
  ),
  s(
    'reminderRepeatCall',
    'Reminder offsets: Repeat call',
    'Напоминания: Повторный звонок',
    '1d, 20m',
    'Before a repeat call (candidates)',
    'До повторного звонка (кандидатам)',
  ),
  s(
    'reminderIntroductoryCall',
    'Reminder offsets: Introductory call',
    'Напоминания: Вводный звонок',
    '1d, 20m',
    'Before an introductory call (hired employee, team lead)',
    'До вводного звонка (сотруднику и тимлиду)',
  ),
  s(
    'senderName',
    'Sender name',
    'Имя отправителя',
    '',
    "Your company's name: the sender and the signature of e-mails (setup asks for it)",
    'Название вашей компании: отправитель и подпись писем (спрашивается при настройке)',
  ),
  s(
    'mailQuota',
    'Mail quota',
    'Квота писем',
    '100',
    'Recipients per day the account may send to (100 consumer, 1500 Workspace)',
    'Получателей в день (100 — обычный аккаунт, 1500 — Workspace)',
  ),
  s(
    'archiveAfterDays',
    'Archive after days',
    'Архив через дней',
    '30',
    'Finished Outbox rows and Log lines older than this many days move once a day to the yearly archive tabs ("Outbox 2026", "Log 2026"); a mail an order or a call may still ask for (payment notice, contract, comment…) stays in Outbox, so it is never sent twice',
    'Завершённые строки «Исходящих» и строки «Журнала» старше этого числа дней раз в день переносятся в архивные вкладки года («Исходящие 2026», «Журнал 2026»); письмо, которое заказ или звонок ещё может запросить (уведомление об оплате, договор, комментарий…), остаётся в «Исходящих», чтобы не уйти дважды',
  ),
  s(
    'reportLeadMinutes',
    'Report lead minutes',
    'Отчёт заранее, минут',
    '60',
    'Calling reports with results go out during this many minutes before the report deadline, spread over the ticks (0: at the deadline); ticking Done sends at once',
    'Отчёты об обзвоне с результатами уходят в течение этого числа минут до срока отчёта, распределённо по запускам (0 — в срок); отметка «Готово» отправляет сразу',
  ),
  s(
    'silentClientDays',
    'Silent client reminder (working days)',
    'Напоминание молчащему клиенту (рабочих дней)',
    '3',
    'A client who has not answered (Orders "Awaiting reply since", no "Client replied at") gets a reminder after this many working days, at most 3 times (seed 001: "reminder to a client who is silent")',
    'Клиенту, который не ответил («Ждём ответа с» без «Клиент ответил»), напоминание уходит через столько рабочих дней, не больше 3 раз (регламент 001: «Напоминание клиенту, если молчит»)',
  ),
  s(
    'agreedMailDelay',
    'Agreed e-mail delay (minutes)',
    'Задержка письма о договорённостях (мин)',
    '30',
    'Minutes after a First call is marked Done before the client gets the "what we agreed" e-mail; until then the manager may edit or cancel it (Calls "Agreed e-mail")',
    'Через сколько минут после отметки «Проведён» у первого звонка клиент получает письмо о договорённостях; до тех пор менеджер может изменить или отменить его (Звонки, «Письмо о договорённостях»)',
  ),
];

export const SETTINGS: readonly SettingDef[] = SETTING_LIST.map((d) => (DEFAULT_RU[d.key] ? { ...d, defaultRu: DEFAULT_RU[d.key] } : d));

/** A default as the workbook's language writes it in the Value column. */
export function defaultValueIn(def: SettingDef, locale: Locale): string {
  return locale === 'ru' && def.defaultRu !== undefined ? def.defaultRu : def.defaultValue;
}

/**
 * The value setup left in the other language's form of the default (a Russian workbook set
 * up before the Russian forms showed «Mon, Thu»): its display in `locale`, else undefined —
 * anything else is a person's and stays as typed.
 */
export function untranslatedDefault(def: SettingDef, value: string, locale: Locale): string | undefined {
  const want = defaultValueIn(def, locale);
  const other = defaultValueIn(def, locale === 'ru' ? 'en' : 'ru');
  return want !== other && value.trim() === other ? want : undefined;
}

function normalize(text: string): string {
  return text.trim().replace(/\s+/g, ' ').toLowerCase();
}

export function findSetting(keyText: string): SettingDef | undefined {
  const n = normalize(keyText);
  return SETTINGS.find((d) => normalize(d.en) === n || normalize(d.ru) === n);
}

export function settingLabel(def: SettingDef, locale: Locale): string {
  return locale === 'en' ? def.en : def.ru;
}

export function settingDescription(def: SettingDef, locale: Locale): string {
  return locale === 'en' ? def.descriptionEn : def.descriptionRu;
}

export type SettingValues = Record<SettingKey, string>;

export function defaultSettings(): SettingValues {
  const out = {} as SettingValues;
  for (const d of SETTINGS) out[d.key] = d.defaultValue;
  return out;
}

/** Reads Settings rows [key, value, …] over the defaults; unknown keys are ignored. */
export function readSettings(rows: readonly (readonly unknown[])[]): SettingValues {
  const out = defaultSettings();
  for (const row of rows) {
    const def = findSetting(String(row[0] ?? ''));
    if (!def) continue;
    const value = row[1];
    if (value === '' || value === null || value === undefined) continue;
    out[def.key] = String(value).trim();
  }
  return out;
}

/** Names that are not a company's: the product's own (an old default) or nothing. */
export function senderNameMissing(value: string): boolean {
  const v = value.trim();
  return v === '' || v.toLowerCase() === 'reglament' || v === 'Регламент';
}

export function parseLocale(text: string): Locale {
  return text.trim().toLowerCase().startsWith('en') ? 'en' : 'ru';
}

/** The largest lead time accepted: a report never goes out more than half a day early. */
export const MAX_LEAD_MINUTES = 720;

/** "Report lead minutes" as milliseconds, or undefined when the text is not 0…720 whole minutes. */
export function parseLeadMinutes(text: string): number | undefined {
  const t = String(text).trim();
  if (!/^\d+$/.test(t)) return undefined;
  const n = Number(t);
  return n <= MAX_LEAD_MINUTES ? n * 60000 : undefined;
}
