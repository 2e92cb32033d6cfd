/**
 * The texts the features share, Russian and English: why an edit was undone (permissions),
 * what is wrong with an e-mail template (templates), what a Settings value cannot be read as
 * (selection weekdays, a time of day) and what the Holidays tab cannot mean (workdays).
 */
import { Localized, Params, Problem, ProblemMaker, problemMaker, Severity } from './i18n';
import { TabKey, tabDef } from './schema';

/** Who may edit what (docs/DOMAIN.md §6): the note on an undone edit. */
const EDIT_MESSAGES = {
  editSystemColumn: {
    ru: '«{column}» заполняет только система.',
    en: '"{column}" is filled by the system only.',
  },
  editSystemTab: {
    ru: 'Вкладку «{tab}» ведёт только система.',
    en: 'The {tab} tab is written by the system only.',
  },
  editNotInStaff: {
    ru: '{user} нет на вкладке «Сотрудники»: попросите руководство добавить вас.',
    en: '{user} is not on the Staff tab: ask Management to add you.',
  },
  editWrongDepartment: {
    ru: '«{column}» заполняет {owners}; вы — {department}. Если нужно изменить, напишите им.',
    en: '"{column}" is filled by {owners}; you are in {department}. Ask them if it needs changing.',
  },
  editUnknownUser: {
    ru: 'Google не сообщил, кто изменил «{column}», а это правило зависит от того, кто вы. Сделайте это через боковую панель «Регламент».',
    en: 'Google did not say who changed "{column}", and this rule depends on who you are. Use the Reglament sidebar instead.',
  },
  editNotCallManager: {
    ru: '«{column}» этого звонка заполняет его руководитель ({manager}) или «Руководство»: попросите их.',
    en: '"{column}" of this call is filled by its manager ({manager}) or Management: ask them.',
  },
  editAnsweredAgreement: {
    ru: 'HR уже ответил на это согласование: «{column}» менять нельзя. Чтобы изменить условия, подайте новое согласование.',
    en: 'HR has already answered this agreement, so "{column}" cannot change. File a new agreement to change the terms.',
  },
} as const;

export type EditMessageKey = keyof typeof EDIT_MESSAGES;

/** Problems of an e-mail template (built in or on the Templates tab). */
const TEMPLATE_MESSAGES = {
  templatePlaceholderUnknown: {
    ru: 'Шаблон «{key}»: неизвестные подстановки {names} — они останутся в письме как есть.',
    en: 'Template "{key}": unknown placeholders {names} — they stay in the e-mail as typed.',
  },
  templateNoLink: {
    ru: 'Шаблон «{key}» без {{meetingLink}}: напоминания уйдут без ссылки на встречу.',
    en: 'Template "{key}" has no {{meetingLink}}: reminders go without the link to join.',
  },
  templateMissing: {
    ru: 'Нет шаблона «{key}» ни на вкладке Шаблоны, ни среди встроенных.',
    en: 'No template "{key}" on the Templates tab or among the built-in ones.',
  },
} as const;

export type TemplateMessageKey = keyof typeof TEMPLATE_MESSAGES;
export const templateProblems = problemMaker<TemplateMessageKey>(TEMPLATE_MESSAGES);

/** A Settings value (or an agreed term) that cannot be read. */
const SETTING_MESSAGES = {
  weekdaysEmpty: {
    ru: 'Дни подбора не указаны. Пример: «пн, чт» или «Mon, Thu».',
    en: 'No selection weekdays given. Example: "Mon, Thu" or "пн, чт".',
  },
  weekdayUnknown: {
    ru: 'Дни подбора: «{token}» — не день недели. Пишите «пн, чт», «Mon, Thu» или номера 1–7 (1 — понедельник).',
    en: 'Selection weekdays: "{token}" is not a weekday. Write "Mon, Thu", "пн, чт" or numbers 1–7 (1 = Monday).',
  },
  clockInvalid: {
    ru: '«{value}» — не время. Пишите ЧЧ:ММ, например 18:00.',
    en: '"{value}" is not a time of day. Write HH:mm, e.g. 18:00.',
  },
} as const;

export type SettingMessageKey = keyof typeof SETTING_MESSAGES;
export const settingProblems = problemMaker<SettingMessageKey>(SETTING_MESSAGES);

/** The Holidays tab. */
const HOLIDAY_MESSAGES = {
  holidayBadDate: {
    ru: 'Праздники, строка {row}: «{value}» — не дата.',
    en: 'Holidays, row {row}: "{value}" is not a date.',
  },
  holidayConflict: {
    ru: 'Праздники: дата {date} указана дважды — и как рабочий, и как нерабочий день; действует строка {row}.',
    en: 'Holidays: {date} is listed twice, as a working and as a non-working day; row {row} applies.',
  },
} as const;

export type HolidayMessageKey = keyof typeof HOLIDAY_MESSAGES;
export const holidayProblems = problemMaker<HolidayMessageKey>(HOLIDAY_MESSAGES);

/** A column's header in both languages, for messages. */
export function columnLabel(tab: TabKey, columnKey: string): Localized {
  const col = tabDef(tab).columns.find((c) => c.key === columnKey);
  return col ? { ru: col.ru, en: col.en } : { ru: columnKey, en: columnKey };
}

/** Problems about a column of a tab, from one table: the column's header fills {column}. */
export function columnProblems<K extends string>(make: ProblemMaker<K>) {
  return (tab: TabKey, code: K, column: string | undefined, params: Params = {}, severity: Severity = 'error'): Problem<K> => {
    const all: Params = column === undefined ? params : { column: columnLabel(tab, column), ...params };
    const p = make.problem(code, all, severity);
    if (column !== undefined) p.column = column;
    return p;
  };
}

export const editProblem = columnProblems(problemMaker<EditMessageKey>(EDIT_MESSAGES));
