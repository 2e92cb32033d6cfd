/**
 * Texts of the schedules feature (the plan's problems, Selections, Calling results, the HR
 * calendar, calling reports, overdue alerts, contract deadlines and the daily digest),
 * Russian and English, and the date formats used in them.
 */
import { bothLanguages as both, localizer, problemMaker } from '../../../core/i18n';
import { Locale } from '../../../core/schema';
import { LocalDate, wallClockOf, Zone } from '../../../core/time';

/** Problems of a plan (schedule.ts). */
const SCHEDULE_MESSAGES = {
  paidPeriodBeforeFirstSelection: {
    ru: 'Оплаченный период заканчивается {paidTo}, раньше первого подбора {first}: подборов не запланировано.',
    en: 'The paid period ends on {paidTo}, before the first selection on {first}: no selections planned.',
  },
  agreedFirstDateBeforeReceipt: {
    ru: 'Согласованная дата первого подбора {agreed} раньше получения заказа HR ({received}); первый подбор — по Таблице 1: {first}.',
    en: 'The agreed first selection date {agreed} is before HR received the order ({received}); the first selection follows Table 1: {first}.',
  },
  paidPeriodTooLong: {
    ru: 'Оплаченный период до {paidTo} дал бы больше {max} подборов; запланированы первые {max}. Проверьте дату «Оплачено по».',
    en: 'The paid period to {paidTo} would give more than {max} selections; the first {max} are planned. Check "Paid to".',
  },
  firstSelectionMovedToPaidPeriod: {
    ru: 'Первый подбор перенесён на {first}: оплаченный период начинается {paidFrom}.',
    en: 'The first selection moved to {first}: the paid period starts on {paidFrom}.',
  },
} as const;

export type ScheduleMessageKey = keyof typeof SCHEDULE_MESSAGES;
export const scheduleProblems = problemMaker<ScheduleMessageKey>(SCHEDULE_MESSAGES);

const TEXT = {
  // Problems cell categories (a line starts with one of them; each writer replaces its own lines)
  catPlan: { ru: 'График', en: 'Schedule' },
  catReport: { ru: 'Отчёт', en: 'Report' },
  catCalendar: { ru: 'Календарь', en: 'Calendar' },

  individualNotAgreed: {
    ru: 'индивидуальные условия заказа не согласованы HR (нет ответа «Согласовано»): график не построен.',
    en: 'the order has individual terms with no Agreed HR answer: no schedule planned.',
  },
  settingWeekdaysBad: {
    ru: 'Настройка «Дни подбора»: {problem} Используются пн, чт.',
    en: 'Setting "Selection weekdays": {problem} Mon, Thu are used.',
  },
  settingLeadBad: {
    ru: 'Настройка «Отчёт заранее, минут»: «{value}» — не целое число минут от 0 до 720. Используется 60.',
    en: 'Setting "Report lead minutes": "{value}" is not whole minutes from 0 to 720. 60 is used.',
  },
  settingDeadlineBad: {
    ru: 'Настройка «Срок отчёта»: {problem} Используется 18:00.',
    en: 'Setting "Report deadline": {problem} 18:00 is used.',
  },
  noResultsYet: {
    ru: 'нет результатов обзвона за {date} — отчёт уйдёт клиенту, когда они будут внесены.',
    en: 'no calling results for {date} yet: the report goes to the client once they are recorded.',
  },
  overdueSent: {
    ru: 'к {due} результаты обзвона не внесены; уведомление о просрочке отправлено: {to}.',
    en: 'no calling results by {due}; overdue alert sent to {to}.',
  },
  noClientEmail: {
    ru: 'у заказа нет корректного «E-mail клиента»: отчёт не отправлен.',
    en: 'the order has no valid "Client e-mail": report not sent.',
  },
  orderMissing: { ru: 'заказ {orderId} не найден на вкладке «Заказы».', en: 'order {orderId} is not on the Orders tab.' },
  sendFailed: { ru: 'письмо не отправлено: {error}', en: 'e-mail not sent: {error}' },
  calendarFailed: { ru: 'событие не записано: {error}', en: 'event not saved: {error}' },

  // Log actions
  logPlanned: { ru: 'График подборов обновлён', en: 'Selection schedule updated' },
  logPlannedDetails: {
    ru: 'Заказов: {orders}; подборов добавлено: {added}, изменено: {updated}, убрано: {removed}.',
    en: 'Orders: {orders}; selections added: {added}, changed: {updated}, removed: {removed}.',
  },
  logPlanProblem: { ru: 'График подборов не построен', en: 'No selection schedule' },
  logReportSent: { ru: 'Отчёт об обзвоне отправлен', en: 'Calling report sent' },
  logOverdue: { ru: 'Просрочен отчёт об обзвоне', en: 'Calling report overdue' },
  logDeadlineReminder: { ru: 'Напоминание о сроке по договору', en: 'Contract deadline reminder' },
  logDigest: { ru: 'Ежедневная сводка отправлена', en: 'Daily digest sent' },
  logHolidays: { ru: 'Праздники заполнены', en: 'Holidays filled in' },
  logHolidaysDetails: { ru: 'Добавлено праздников и переносов: {count}.', en: 'Holidays and moved days added: {count}.' },
  logDigestDetails: { ru: '{manager}: пунктов в сводке — {count}.', en: '{manager}: {count} items in the digest.' },
  logCalendarStopped: {
    ru: 'Календарь: запись событий остановлена до следующего запуска',
    en: 'Calendar: writing events stopped until the next run',
  },
  toastPlanned: { ru: 'Подборов в графике: {count}', en: 'Selections planned: {count}' },

  // Calendar events
  eventSelection: { ru: 'Подбор резюме №{n}: {orderId} — {client}', en: 'Resume selection #{n}: {orderId} — {client}' },
  eventCalling: {
    ru: 'Обзвон №{n}: {orderId} — {client} (отчёт до {deadline})',
    en: 'Calling #{n}: {orderId} — {client} (report by {deadline})',
  },
  eventDescSelection: {
    ru: 'Подбор резюме по заказу {orderId} ({client}), вакансия: {vacancy}. Резюме за подбор: {resumes}. Обзвон — {calling}.',
    en: 'Resume selection for order {orderId} ({client}), vacancy: {vacancy}. Resumes per selection: {resumes}. Calling on {calling}.',
  },
  eventDescCalling: {
    ru: 'Обзвон кандидатов подбора №{n} по заказу {orderId} ({client}). Внесите результаты на вкладку «Результаты обзвона»; отчёт клиенту — до {deadline} {date}.',
    en: 'Calling the candidates of selection #{n}, order {orderId} ({client}). Record the results on the Calling results tab; the report to the client is due by {deadline} on {date}.',
  },
  resumesStandard: { ru: 'в среднем 20–25', en: '20–25 on average' },

  // Calling report
  colCandidate: { ru: 'Кандидат', en: 'Candidate' },
  colPhone: { ru: 'Телефон', en: 'Phone' },
  colOutcome: { ru: 'Результат', en: 'Outcome' },
  colInterviewAt: { ru: 'Интервью', en: 'Interview at' },
  colComment: { ru: 'Комментарий', en: 'Comment' },
  colCount: { ru: 'Количество', en: 'Count' },
  total: { ru: 'Всего', en: 'Total' },
  outcomeUnknown: { ru: 'Не указан', en: 'Not given' },

  // Overdue alert
  itemReport: { ru: 'Отчёт об обзвоне за {date} (подбор №{n})', en: 'Calling report for {date} (selection #{n})' },
  colClient: { ru: 'Клиент', en: 'Client' },
  overdueManyDetails: {
    ru: 'Результаты обзвона за эти дни не внесены. Внесите их на вкладку «Результаты обзвона» и отметьте «Готово» в «Подборах» — отчёты уйдут клиентам.',
    en: 'No calling results were recorded for these calling days. Record them on the Calling results tab and tick Done on Selections: the reports then go to the clients.',
  },
  overdueDetails: {
    ru: 'Результаты обзвона за этот день не внесены. Внесите их на вкладку «Результаты обзвона» и отметьте «Готово» в «Подборах» — отчёт уйдёт клиенту.',
    en: 'No calling results were recorded for this calling day. Record them on the Calling results tab and tick Done on Selections: the report then goes to the client.',
  },

  // Contract deadlines
  itemWorkReport: { ru: 'Ежемесячный отчёт о работе за {month}', en: 'Monthly work report for {month}' },
  itemAct: { ru: 'Акт за {month}', en: 'Act for {month}' },
  deadlineDetails: {
    ru: 'Период: {from} – {to}. Отчёт — в течение 5 рабочих дней после окончания месяца, акт — в течение 5 дней после отчёта; клиент подписывает акт до {signBy}, иначе действует односторонний акт.',
    en: 'Period: {from} – {to}. The report is due within 5 working days after the month ends, the act within 5 days after the report; the client signs by {signBy}, else the one-sided act stands.',
  },

  // Daily digest
  colKind: { ru: 'Что', en: 'What' },
  colOrder: { ru: 'Заказ', en: 'Order' },
  colResponsible: { ru: 'Ответственный', en: 'Responsible' },
  colDue: { ru: 'Срок', en: 'Due' },
  colDetails: { ru: 'Подробности', en: 'Details' },
  kindHandOff: { ru: 'Передача в Клиентский отдел ждёт', en: 'Hand-off waiting' },
  kindHrReceipt: { ru: 'HR не принял переданный заказ', en: 'Handed off, not received by HR' },
  kindHrAnswer: { ru: 'Ответ HR по согласованию ждёт', en: 'HR answer waiting' },
  kindReport: { ru: 'Отчёт об обзвоне не отправлен', en: 'Calling report not sent' },
  kindCallComment: { ru: 'Звонок без комментария', en: 'Call without a comment' },
  kindContract: { ru: 'Срок по договору', en: 'Contract deadline' },
  kindSchemeChange: { ru: 'Изменение схемы обслуживания (1 день)', en: 'Service scheme change (1 day)' },
  kindActSignature: { ru: 'Подпись акта (5 рабочих дней)', en: 'Act signature (5 working days)' },
  kindExpectations: { ru: 'Обзвон отстаёт от согласованного с HR (риск возврата)', en: 'Calling behind what HR agreed (refund risk)' },
  // What HR agreed against what the calling recorded (seed 000)
  expResumes: { ru: 'резюме', en: 'resumes' },
  expCalls: { ru: 'звонков', en: 'calls' },
  expAgreeing: { ru: 'согласились прийти', en: 'agreed to come' },
  expComing: { ru: 'пришли', en: 'came' },
  colItem: { ru: 'Показатель', en: 'Item' },
  colExpected: { ru: 'Согласовано с HR', en: 'Agreed with HR' },
  colDueSoFar: { ru: 'Ожидалось к этому отчёту', en: 'Due by this report' },
  colRecorded: { ru: 'Фактически', en: 'Recorded' },
  colBehind: { ru: 'Отставание', en: 'Behind' },
  notEstimated: { ru: 'не оценивалось', en: 'not estimated' },
  yes: { ru: 'да', en: 'yes' },
  no: { ru: 'нет', en: 'no' },
  reportDetails: { ru: 'Подбор №{n}, обзвон {date}', en: 'Selection #{n}, calling day {date}' },
  overdue: { ru: 'просрочено', en: 'overdue' },
  today: { ru: 'сегодня', en: 'today' },
  more: { ru: '… и ещё {count}', en: '… and {count} more' },
} as const;

export type TextKey = keyof typeof TEXT;

export const say = localizer<TextKey>(TEXT);

/** Both languages of a text (to recognise a line whichever language wrote it). */
export function bothLanguages(key: TextKey): string[] {
  return both(TEXT, key);
}

const p2 = (n: number) => String(n).padStart(2, '0');

/** 25.11.2026 (ru) / 2026-11-25 (en). */
export function formatDay(d: LocalDate, locale: Locale): string {
  return locale === 'en' ? `${d.year}-${p2(d.month)}-${p2(d.day)}` : `${p2(d.day)}.${p2(d.month)}.${d.year}`;
}

/** 25.11.2026 18:00 / 2026-11-25 18:00, the wall clock in the zone. */
export function formatInstant(ms: number, zone: Zone, locale: Locale): string {
  const w = wallClockOf(zone, ms);
  return `${formatDay(w, locale)} ${p2(w.hour)}:${p2(w.minute)}`;
}

/** "2026-11" → 11.2026 / 2026-11. */
export function formatMonth(month: string, locale: Locale): string {
  const [y, m] = month.split('-');
  return locale === 'en' ? month : `${m}.${y}`;
}

export function formatClock(t: { hour: number; minute: number }): string {
  return `${p2(t.hour)}:${p2(t.minute)}`;
}
