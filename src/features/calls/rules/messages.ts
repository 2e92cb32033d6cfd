/**
 * User-facing texts of the calls feature (offsets, Calls rows, comments, reminders, event
 * descriptions, and the adapters' Problems lines and Log actions), Russian and English. A problem carries a stable code, its params and the
 * text already filled in both languages, so a Problems cell can be written in the
 * workbook's locale and logs can keep the code.
 */
import { localizer, Problem as ProblemOf, problemMaker } from '../../../core/i18n';

export { hasErrors, problemsText } from '../../../core/i18n';
export type { Localized, ParamValue, Params } from '../../../core/i18n';

const CALL_MESSAGES = {
  // Reminder offsets (Settings)
  offsetsUnreadable: {
    ru: 'Напоминание «{item}» не распознано: пишите как «15m», «1d, 20m», «1 день, 20 мин», «2h».',
    en: 'Reminder "{item}" is not readable: write it like "15m", "1d, 20m", "1 день, 20 мин", "2h".',
  },
  offsetsOutOfRange: {
    ru: 'Напоминание «{item}» ({minutes} мин): Календарь допускает от 0 до 40320 минут (4 недели).',
    en: 'Reminder "{item}" ({minutes} min): Calendar allows 0 to 40320 minutes (4 weeks).',
  },
  offsetsTooMany: {
    ru: 'Напоминаний {count}: Календарь допускает не более 5 на событие.',
    en: '{count} reminders: Calendar allows at most 5 per event.',
  },
  offsetsDefaultUsed: {
    ru: '«{setting}»: значение не принято, используются напоминания по умолчанию ({value}).',
    en: '"{setting}": the value is not accepted; the default reminders ({value}) are used.',
  },
  // Calls rows
  callTypeMissing: { ru: 'Не указан тип звонка.', en: 'The call type is empty.' },
  callTypeUnknown: {
    ru: 'Тип звонка «{value}» неизвестен: выберите Первый звонок, Интервью, Повторный звонок или Вводный звонок.',
    en: 'Call type "{value}" is unknown: choose First call, Interview, Repeat call or Introductory call.',
  },
  callStatusUnknown: {
    ru: 'Статус «{value}» неизвестен: выберите Запланирован, Проведён или Отменён.',
    en: 'Status "{value}" is unknown: choose Scheduled, Done or Cancelled.',
  },
  callStartMissing: { ru: 'Не указано начало звонка.', en: 'The call start is empty.' },
  callStartText: {
    ru: 'Начало «{value}» введено как текст, а не как дата: введите дату и время заново (например 09.03.2026 10:00).',
    en: 'Start "{value}" was typed as text, not a date: enter the date and time again (e.g. 2026-03-09 10:00).',
  },
  callStartInPast: {
    ru: 'Начало звонка {start} уже прошло: исправьте дату или отметьте звонок проведённым.',
    en: 'The call start {start} is in the past: correct the date or mark the call Done.',
  },
  callDurationInvalid: {
    ru: 'Длительность «{value}» должна быть целым числом минут от 1 до 1440 (пусто — 30).',
    en: 'Duration "{value}" must be a whole number of minutes from 1 to 1440 (empty means 30).',
  },
  callFieldRequired: {
    ru: 'Для звонка «{type}» заполните «{field}».',
    en: '{type}: fill in "{field}".',
  },
  emailInvalid: {
    ru: '«{field}»: «{value}» — не адрес e-mail.',
    en: '"{field}": "{value}" is not an e-mail address.',
  },
  candidateUnknown: {
    ru: 'Кандидат с ID «{id}» не найден на вкладке Кандидаты.',
    en: 'Candidate ID "{id}" is not on the Candidates tab.',
  },
  candidateNoEmail: {
    ru: 'У кандидата {name} ({id}) нет верного e-mail: приглашение и напоминания ему не уйдут.',
    en: 'Candidate {name} ({id}) has no valid e-mail: no invitation or reminders will reach them.',
  },
  guestsTooMany: {
    ru: 'Гостей {count}, допускается не более {max}: проверьте список кандидатов.',
    en: '{count} guests, at most {max} are allowed: check the candidate list.',
  },
  orderUnknown: {
    ru: 'Заказ «{orderId}» не найден на вкладке Заказы.',
    en: 'Order "{orderId}" is not on the Orders tab.',
  },
  clientEmailNotOnOrder: {
    ru: 'E-mail клиента «{email}» не указан в заказе {orderId} («E-mail клиента» или «Другие e-mail клиента»): клиенту ничего не отправляется, пока это не исправлено.',
    en: 'Client e-mail "{email}" is not on order {orderId} ("Client e-mail" or "Other contact e-mails"): nothing goes to the client until this is fixed.',
  },
  candidateOtherOrder: {
    ru: 'Кандидат {name} ({id}) относится к заказу «{candidateOrder}», а не к {orderId}.',
    en: 'Candidate {name} ({id}) belongs to order "{candidateOrder}", not {orderId}.',
  },
  candidateNoOrder: {
    ru: 'Кандидат {name} ({id}) не привязан к заказу {orderId}: укажите «ID заказа» на вкладке Кандидаты.',
    en: 'Candidate {name} ({id}) is not on order {orderId}: fill in "Order ID" on the Candidates tab.',
  },
  meetingLinkInvalid: {
    ru: 'Ссылка на встречу «{value}» должна начинаться с https://.',
    en: 'Meeting link "{value}" must start with https://.',
  },
  zoneUnknown: {
    ru: 'Часовой пояс «{value}» ({field}) не распознан: время в письмах — по часовому поясу таблицы.',
    en: 'Time zone "{value}" ({field}) is not recognised: e-mails show times in the spreadsheet\'s zone.',
  },
  // Comments after the call
  commentEmpty: {
    ru: 'Звонок проведён, но комментарий пуст: заполните его по шаблону из описания события.',
    en: 'The call is Done but the comment is empty: fill it in per the template in the event description.',
  },
  commentFieldMissing: {
    ru: 'В комментарии нет поля «{field}:».',
    en: 'The comment has no "{field}:" line.',
  },
  commentFieldEmpty: {
    ru: 'В комментарии не заполнено поле «{field}».',
    en: 'The comment leaves "{field}" empty.',
  },
  commentDateInvalid: {
    ru: '«{field}»: «{value}» — не дата (пишите 09.03.2026 или 2026-03-09, либо keep in touch by email).',
    en: '"{field}": "{value}" is not a date (write 09.03.2026 or 2026-03-09, or keep in touch by email).',
  },
  interviewHeaderMissing: {
    ru: 'Комментарий к интервью начинается строкой «Today we interviewed:».',
    en: 'An interview comment starts with the line "Today we interviewed:".',
  },
  interviewNoCandidates: {
    ru: 'После «Today we interviewed:» нет ни одной строки «Имя (ID) – кратко».',
    en: 'No "Name (ID) – summary" line follows "Today we interviewed:".',
  },
  interviewLineFormat: {
    ru: 'Строка «{line}» не по образцу «Имя (ID) – кратко».',
    en: 'Line "{line}" does not follow "Name (ID) – summary".',
  },
  interviewResultsMissing: {
    ru: 'В комментарии нет раздела «Interview results:» (или он пуст).',
    en: 'The comment has no "Interview results:" section (or it is empty).',
  },
  interviewCandidateMissing: {
    ru: 'Кандидат {name} ({id}) этого звонка не упомянут в комментарии.',
    en: 'Candidate {name} ({id}) of this call is not in the comment.',
  },
  interviewCandidateExtra: {
    ru: 'ID «{id}» в комментарии не входит в кандидатов этого звонка.',
    en: 'ID "{id}" in the comment is not one of this call\'s candidates.',
  },
  introMessengerMissing: {
    ru: 'Укажите выбранный способ связи (например «Messenger: Telegram»).',
    en: 'Name the chosen messenger (e.g. "Messenger: Telegram").',
  },
  hireFieldMissing: {
    ru: 'Отмечено «Нанят»: заполните «{field}».',
    en: 'Hired is ticked: fill in "{field}".',
  },
  hireStartDateInvalid: {
    ru: 'Дата выхода «{value}» — не дата.',
    en: 'Hire start date "{value}" is not a date.',
  },
  hirePriceInvalid: {
    ru: 'Цена «{value}» должна быть положительным числом.',
    en: 'Price "{value}" must be a positive number.',
  },
  hireContractInvalid: {
    ru: 'Ссылка на договор «{value}» должна начинаться с https://.',
    en: 'Contract link "{value}" must start with https://.',
  },
  hireWhichCandidate: {
    ru: 'Отмечено «Нанят», но у звонка несколько кандидатов: неясно, кого нанял клиент.',
    en: 'Hired is ticked but the call has several candidates: it is unclear whom the client hired.',
  },
  hireNoCandidate: {
    ru: 'Отмечено «Нанят», но у звонка нет кандидата.',
    en: 'Hired is ticked but the call has no candidate.',
  },
  // Event descriptions
  purposeFirst: {
    ru: 'Первый звонок: знакомимся с клиентом — сфера деятельности компании, потребность в удалённых сотрудниках; рассказываем о нас, вариантах партнёрства и ценах; договариваемся о следующей встрече.',
    en: 'First call: meet the client — their business and need for remote staff; present us, partnership options and prices; agree on the next meeting.',
  },
  purposeInterview: {
    ru: 'Интервью: клиент знакомится с кандидатами и выбирает подходящего; после — уточняем у клиента, кто понравился и почему.',
    en: 'Interview: the client meets the candidates and picks the best fit; afterwards ask the client whom they liked and why.',
  },
  purposeRepeat: {
    ru: 'Повторный звонок: повторное интервью или уточнение деталей.',
    en: 'Repeat call: a second interview or clarifying details.',
  },
  purposeIntro: {
    ru: 'Вводный звонок: клиент, нанятый сотрудник и его тимлид — проект и задачи, удобный способ связи, график, отчётность.',
    en: 'Introductory call: the client, the hired employee and their team lead — project and tasks, preferred messenger, schedule, reporting.',
  },
  descriptionOrder: { ru: 'Заказ: {orderId}', en: 'Order: {orderId}' },
  descriptionCandidates: { ru: 'Кандидаты: {list}', en: 'Candidates: {list}' },
  descriptionCommentHint: {
    ru: 'После звонка: статус «Проведён» и комментарий на вкладке Звонки по образцу:',
    en: 'After the call: set Status to Done and write the comment on the Calls tab like this:',
  },
  // What guests read (the event's description): purpose, time, link, who joins, how to reschedule
  guestPurposeFirst: {
    ru: 'Знакомство: расскажем о нашей компании, вариантах сотрудничества и ценах, обсудим ваши задачи и потребность в удалённых сотрудниках.',
    en: 'Getting to know each other: we present our company, partnership options and prices, and talk about your tasks and your need for remote staff.',
  },
  guestPurposeInterview: {
    ru: 'Собеседование{client}: рассказ о компании и вакансии, затем знакомство с кандидатами.',
    en: 'Interview{client}: the company and the position are presented, then the candidates are met.',
  },
  guestPurposeRepeat: {
    ru: 'Повторная встреча{client}: продолжим разговор и уточним детали.',
    en: 'Follow-up meeting{client}: we continue the conversation and go over the details.',
  },
  guestWithClient: { ru: ' с компанией {client}', en: ' with {client}' },
  guestPurposeIntro: {
    ru: 'Вводная встреча: о проекте и задачах, удобном способе связи, графике и отчётности.',
    en: 'Introductory meeting: the project and tasks, the preferred way to keep in touch, the schedule and reporting.',
  },
  guestWhen: { ru: 'Когда: {when}', en: 'When: {when}' },
  guestLink: { ru: 'Видеовстреча: {link}', en: 'Video call: {link}' },
  guestMeetPending: {
    ru: 'Видеовстреча: Google Meet (ссылка появится в этом событии).',
    en: 'Video call: Google Meet (the link appears in this event).',
  },
  guestOurSide: { ru: 'С нашей стороны: {names}', en: 'From our side: {names}' },
  guestReschedule: {
    ru: 'Чтобы перенести или отменить встречу, ответьте отправителю этого приглашения.',
    en: 'To reschedule or cancel, reply to the sender of this invitation.',
  },
  guestTeamLead: { ru: '{name} (тимлид)', en: '{name} (team lead)' },
  // The staff-only twin event
  notesTitle: { ru: 'Для сотрудников: {title}', en: 'Staff notes: {title}' },
  notesHeader: {
    ru: 'Только для сотрудников: у этого события нет гостей, его видят лишь те, кому открыт календарь компании. Встреча с гостями — в это же время: «{title}» (звонок {callId}).',
    en: 'Staff only: this event has no guests; only people the company calendar is shared with see it. The meeting with the guests is at the same time: "{title}" (call {callId}).',
  },
  notesGuests: { ru: 'Гости: {list}', en: 'Guests: {list}' },
  notesLink: { ru: 'Ссылка на встречу: {link}', en: 'Meeting link: {link}' },
  // Reminders
  meetingLinkFallback: { ru: 'ссылка — в приглашении Календаря', en: 'the link is in the calendar invitation' },
  meetingLinkLater: { ru: 'ссылку пришлём отдельно', en: 'we will send you the link' },
  // Guests' answers
  answerAccepted: { ru: 'придёт', en: 'accepted' },
  answerDeclined: { ru: 'отказ', en: 'declined' },
  answerTentative: { ru: 'возможно', en: 'maybe' },
  answerNeedsAction: { ru: 'нет ответа', en: 'no answer' },
  // Reminders
  routedToDeputy: {
    ru: '{from} отсутствует: письмо отправлено заместителю {to}.',
    en: '{from} is absent: the e-mail goes to the deputy {to}.',
  },
} as const;

export type CallMessageKey = keyof typeof CALL_MESSAGES;

const callProblems = problemMaker<CallMessageKey>(CALL_MESSAGES);

/** A problem found in a Calls row or a comment. */
export type Problem = ProblemOf<CallMessageKey>;

/** The message in the locale, with {name} placeholders filled. */
export const callText = callProblems.text;
export const problem = callProblems.problem;
export const warning = callProblems.warning;

/** Problems lines and Log actions of the Calls adapters (calendar, mail, read-back). */
const CALLS_TEXT = {
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
  logTemplatesAddedDetails: { ru: 'Шаблонов добавлено: {count}.', en: 'Templates added: {count}.' },
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

export type CallsTextKey = keyof typeof CALLS_TEXT;

export const say = localizer<CallsTextKey>(CALLS_TEXT);
