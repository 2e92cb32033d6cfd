/** User-facing texts of the Calls adapter (Problems lines, Log actions), Russian and English. */
import { localizer } from '../../core/i18n';

const TEXT = {
  calendarWaiting: {
    ru: 'Событие в календаре ещё не записано ({reason}); повтор автоматически при следующем запуске.',
    en: 'The calendar event is not written yet ({reason}); it is retried automatically on the next run.',
  },
  calendarRefused: { ru: 'Календарь не принял событие: {error}', en: 'Calendar refused the event: {error}' },
  notesWaiting: {
    ru: 'Заметки для сотрудников в календаре ещё не записаны ({reason}); повтор автоматически при следующем запуске.',
    en: 'The staff notes event is not written yet ({reason}); it is retried automatically on the next run.',
  },
  calendarMissing: {
    ru: 'Календарь «{id}» недоступен ({error}): проверьте «ID календаря компании» в Настройках.',
    en: 'Calendar "{id}" is not available ({error}): check "Company calendar ID" in Settings.',
  },
  commentWaiting: {
    ru: 'Комментарий не отправлен руководителю ({error}); повтор автоматически.',
    en: 'The comment was not e-mailed to the manager ({error}); it is retried automatically.',
  },
  commentFailed: {
    ru: 'Письмо с комментарием не отправлено: {error}. Поставьте в «Исходящих» состояние «Ожидает», чтобы повторить.',
    en: 'The comment e-mail failed: {error}. Set its Outbox State to Pending to retry.',
  },
  candidateStatusHired: { ru: 'Нанят', en: 'Hired' },
  logIdAssigned: { ru: 'Присвоен ID звонка', en: 'Call ID assigned' },
  logCopied: { ru: 'Скопированная строка получила новый ID', en: 'Copied row got a new Call ID' },
  logEventCreated: { ru: 'Событие создано', en: 'Event created' },
  logEventUpdated: { ru: 'Событие обновлено', en: 'Event updated' },
  logEventDeleted: { ru: 'Событие удалено', en: 'Event deleted' },
  logRowGone: { ru: 'Строка звонка удалена: событие и напоминания отменены', en: 'Call row deleted: event and reminders cancelled' },
  logCalendarLimit: {
    ru: 'Календарь: слишком много событий за короткое время — остальное при следующем запуске',
    en: 'Calendar: too many events in a short time — the rest waits for the next run',
  },
  logCalendarUnavailable: { ru: 'Календарь недоступен', en: 'Calendar unavailable' },
  logCalendarRefused: { ru: 'Календарь не принял событие', en: 'Calendar refused the event' },
  logCommentSent: { ru: 'Комментарий отправлен руководителю', en: 'Comment e-mailed to the manager' },
  logHired: { ru: 'Кандидат нанят', en: 'Candidate hired' },
  logFlagged: { ru: 'Проблемы в строке', en: 'Row flagged' },
  logQuota: {
    ru: 'Дневная квота писем исчерпана: отправка остановлена, остальное ждёт в «Исходящих»',
    en: 'Daily mail quota exhausted: sending stopped, the rest stays Pending in the Outbox',
  },
  logMailError: { ru: 'Ошибка отправки, повтор при следующем запуске', en: 'Send error, retried on the next run' },
  logDeadline: {
    ru: 'Запуск остановлен до лимита времени Apps Script: остальное при следующем запуске',
    en: 'Run stopped before the Apps Script time limit: the rest waits for the next run',
  },
  calendarLeft: { ru: 'событий осталось', en: 'events left' },
  remindersLeft: { ru: 'писем осталось', en: 'e-mails left' },
  logRemindersSent: { ru: 'Напоминания отправлены', en: 'Reminders sent' },
  logTemplateProblem: { ru: 'Шаблон с ошибкой', en: 'Template problem' },
  logTemplatesAdded: { ru: 'Добавлены шаблоны писем', en: 'E-mail templates added' },
  logTemplateUpdated: {
    ru: 'Встроенный шаблон обновлён (ссылка на встречу, город во времени)',
    en: 'Built-in template updated (the link to join, the city with the time)',
  },
  logChangedInCalendar: { ru: 'Изменено в Календаре', en: 'Changed in Calendar' },
  calendarCancelled: { ru: 'событие удалено в Календаре: звонок отменён', en: 'the event was deleted in Calendar: the call is cancelled' },
  durationChange: { ru: 'длительность {from} → {to} мин', en: 'duration {from} → {to} min' },
  logCalendarConflict: {
    ru: 'В Календаре событие перенесено, но в таблице начало уже изменено: остаётся время таблицы',
    en: 'The event was moved in Calendar but the row’s Start changed too: the row’s time stands',
  },
  logReadBackFailed: {
    ru: 'Календарь не прочитан (изменения в нём — при следующем запуске)',
    en: 'Calendar not read back (its changes wait for the next run)',
  },
  logDeclineAlert: { ru: 'Руководителю сообщено об отказе гостя', en: 'Manager told a guest declined' },
} as const;

export type CallsTextKey = keyof typeof TEXT;

export const say = localizer<CallsTextKey>(TEXT);
