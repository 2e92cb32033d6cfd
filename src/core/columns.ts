/**
 * The vocabulary of the workbook's schema: column types, choice lists and the
 * builders `c`/`sys`/`choice` that src/core/tabs.ts uses to declare every tab.
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
  /** Owned by the system: protected, filled only by it (docs/DOMAIN.md §9.1 "*"). */
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

export const c = (key: string, en: string, ru: string, type: ColumnType, extra: Partial<ColumnDef> = {}): ColumnDef => ({
  key,
  en,
  ru,
  type,
  ...extra,
});
export const sys = (key: string, en: string, ru: string, type: ColumnType): ColumnDef => c(key, en, ru, type, { system: true });
export const choice = (key: string, en: string, ru: string): Choice => ({ key, en, ru });

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
  // Seed 001: a "hot" lead goes to the client's managers within 5–10 minutes (features/duties/hot-lead.ts).
  choice('hotLead', 'Hot lead', 'Горячий лид'),
] as const;

export const CALL_TYPES = [
  choice('first', 'First call', 'Первый звонок'),
  choice('interview', 'Interview', 'Интервью'),
  choice('repeat', 'Repeat call', 'Повторный звонок'),
  choice('intro', 'Introductory call', 'Вводный звонок'),
] as const;

/** What a Repeat call was (seed 003: a repeat interview, or a call to clarify details): its comment follows it. */
export const REPEAT_KINDS = [
  choice('interview', 'Repeat interview', 'Повторное интервью'),
  choice('clarifying', 'Clarifying call', 'Уточняющий звонок'),
] as const;
/** Orders "Client status" (seed 003: after the First call the CRM's "change to client"); empty reads as a lead. */
export const CLIENT_STATUSES = [choice('lead', 'Lead', 'Лид'), choice('client', 'Client', 'Клиент')] as const;

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
