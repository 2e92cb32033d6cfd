/** The staff window's words (menu, sidebar, dialogs): Russian by default, English with the en locale. */
import { localizer } from '../../core/i18n';
import { Locale } from '../../core/schema';

const M = {
  menuSidebar: { ru: 'Открыть боковую панель', en: 'Open the sidebar' },
  menuSchedule: { ru: 'Запланировать звонок…', en: 'Schedule a call…' },
  menuComment: { ru: 'Комментарий к звонку…', en: 'Call comment…' },
  menuHandOff: { ru: 'Передать этот заказ', en: 'Hand off this order' },
  menuCheck: { ru: 'Проверить этот лист', en: 'Check this sheet' },
  menuOutbox: { ru: 'Исходящие и журнал', en: 'Outbox and Log' },
  menuSettings: { ru: 'Настройки', en: 'Settings' },

  sidebarTitle: { ru: 'Регламент', en: 'Reglament' },
  scheduleTitle: { ru: 'Запланировать звонок', en: 'Schedule a call' },
  commentTitle: { ru: 'Комментарий к звонку', en: 'Call comment' },
  outboxTitle: { ru: 'Исходящие и журнал', en: 'Outbox and Log' },
  checkTitle: { ru: 'Проверка листа', en: 'Sheet check' },
  settingsTitle: { ru: 'Настройки', en: 'Settings' },

  pickRow: {
    ru: 'Выберите строку на вкладке «Заказы», «Согласования HR» или «Звонки».',
    en: 'Select a row on Orders, HR agreements or Calls.',
  },
  pickOrderRow: { ru: 'Выберите строку заказа на вкладке «Заказы».', en: 'Select an order’s row on the Orders tab.' },
  pickCallRow: { ru: 'Выберите строку звонка на вкладке «Звонки».', en: 'Select a call’s row on the Calls tab.' },
  rowGone: { ru: 'Строка {id} не найдена: её удалили или переместили.', en: 'Row {id} was not found: it was deleted or moved.' },
  emptyRow: { ru: 'Строка {row} пуста.', en: 'Row {row} is empty.' },
  columnMissing: {
    ru: 'На вкладке «{tab}» нет столбца «{column}». Запустите «Настроить или восстановить книгу».',
    en: 'The {tab} tab has no “{column}” column. Run “Set up or repair the workbook”.',
  },
  busy: { ru: 'Книга занята другим запуском; попробуйте через минуту.', en: 'The workbook is busy with another run; try again in a minute.' },

  queued: {
    ru: 'Записано. Правила выполнит триггер владельца книги при следующем запуске (в течение 5 минут) — от его имени уходят письма и события.',
    en: 'Saved. The workbook owner’s trigger applies the rules at its next run (within 5 minutes): mail and events go out under the owner’s account.',
  },
  appliedFor: {
    ru: 'из боковой панели ({user}, {at}); применено триггером владельца',
    en: 'from the sidebar ({user}, {at}); applied by the owner’s trigger',
  },
  pendingFor: { ru: 'Ждёт триггера владельца: {action} ({at}, {user})', en: 'Waiting for the owner’s trigger: {action} ({at}, {user})' },

  actHandOff: { ru: 'Передать в Клиентский отдел', en: 'Hand off to the Client department' },
  actAskHr: { ru: 'Запросить согласование HR', en: 'Ask HR to agree' },
  actAnswerHr: { ru: 'Ответить (HR)', en: 'Answer (HR)' },
  actMarkDone: { ru: 'Отметить звонок проведённым', en: 'Mark the call done' },
  actComment: { ru: 'Комментарий к звонку…', en: 'Call comment…' },
  actSchedule: { ru: 'Запланировать звонок…', en: 'Schedule a call…' },
  actCheck: { ru: 'Проверка', en: 'Check' },

  handOffFirst: { ru: 'Сначала заполните отмеченное ✗.', en: 'Fill in what is marked ✗ first.' },
  handOffQueued: { ru: '«Передать» отмечено для заказа {id}.', en: 'Hand off ticked for order {id}.' },
  handOffDone: { ru: 'Заказ {id} передан в Клиентский отдел ({at}).', en: 'Order {id} handed off to the Client department ({at}).' },
  handOffAlready: { ru: 'Заказ {id} уже передан ({at}).', en: 'Order {id} was already handed off ({at}).' },
  handOffBlocked: { ru: 'Заказ {id} нельзя передать:', en: 'Order {id} cannot be handed off:' },
  handOffNotDone: { ru: 'Заказ {id} не передан; смотрите «Проблемы».', en: 'Order {id} was not handed off; see Problems.' },
  askHrDone: { ru: 'Согласование {id} создано и отправлено в HR.', en: 'Agreement {id} filed and sent to HR.' },
  askHrWritten: {
    ru: 'Строка согласования для заказа {order} добавлена (строка {row}).',
    en: 'An agreement row for order {order} was added (row {row}).',
  },
  askHrNotIndividual: {
    ru: 'У заказа {id} стандартные условия и нет «Обзвона соискателей»: согласование HR не нужно.',
    en: 'Order {id} has standard terms and no calling service: no HR agreement is needed.',
  },
  askHrOpen: {
    ru: 'По заказу {id} уже есть согласование {agreement} ({state}).',
    en: 'Order {id} already has agreement {agreement} ({state}).',
  },
  answerDone: { ru: 'Ответ «{answer}» записан в {id}.', en: 'Answer “{answer}” recorded on {id}.' },
  answerNeedsChoice: { ru: 'Выберите ответ: «Согласовано» или «Отклонено».', en: 'Pick an answer: Agreed or Rejected.' },
  answerAlready: { ru: 'На согласование {id} уже ответили: {answer}.', en: 'Agreement {id} is already answered: {answer}.' },
  markDoneDone: { ru: 'Звонок {id} отмечен проведённым.', en: 'Call {id} marked done.' },
  markDoneAlready: { ru: 'Звонок {id} уже в состоянии «{status}».', en: 'Call {id} is already {status}.' },
  scheduleDone: { ru: 'Звонок {id} записан в строку {row}.', en: 'Call {id} written to row {row}.' },
  scheduleWritten: { ru: 'Звонок записан в строку {row}.', en: 'The call was written to row {row}.' },
  scheduleInvalid: { ru: 'Звонок не записан:', en: 'The call was not written:' },
  commentDone: { ru: 'Комментарий записан в звонок {id}.', en: 'Comment written to call {id}.' },
  commentInvalid: { ru: 'Комментарий не записан:', en: 'The comment was not written:' },
  commentNoTemplate: {
    ru: 'У этого типа звонка нет шаблона: пишите свободным текстом.',
    en: 'This call type has no template: write free text.',
  },
  refused: { ru: 'Нельзя:', en: 'Not allowed:' },
  fieldRequired: { ru: 'Заполните «{field}».', en: 'Fill in “{field}”.' },
  notEmail: { ru: '«{field}»: это не адрес e-mail.', en: '“{field}”: not an e-mail address.' },
  notNumber: { ru: '«{field}»: нужно целое число от {min} до {max}.', en: '“{field}”: a whole number from {min} to {max}.' },
  notDateTime: { ru: '«{field}»: укажите дату и время.', en: '“{field}”: give a date and a time.' },
  inPast: { ru: 'Начало уже прошло.', en: 'The start is in the past.' },

  checkDone: {
    ru: '«{tab}»: строк {rows}, с проблемами {flagged}.',
    en: '{tab}: {rows} rows, {flagged} with problems.',
  },
  checkRechecked: { ru: 'Правила применены заново (изменено ячеек: {changed}).', en: 'Rules re-applied ({changed} cells changed).' },
  checkQueued: {
    ru: 'Полная перепроверка выполнится триггером владельца при следующем запуске.',
    en: 'A full re-check runs with the owner’s trigger at its next run.',
  },
  checkNotATab: { ru: 'Лист «{sheet}» не из книги Регламента.', en: 'Sheet “{sheet}” is not one of Reglament’s tabs.' },
  settingsHint: {
    ru: 'Меняйте значения в столбце «Значение»; правила применят их при следующем изменении или запуске.',
    en: 'Change the values in the Value column; the rules use them from the next edit or run.',
  },

  labelStatus: { ru: 'Статус', en: 'Status' },
  labelChecklist: { ru: 'Что нужно', en: 'What is needed' },
  labelProblems: { ru: 'Проблемы', en: 'Problems' },
  labelReminders: { ru: 'Напоминания и письма', en: 'Reminders and mail' },
  labelEvents: { ru: 'События', en: 'Events' },
  labelLog: { ru: 'Журнал', en: 'Log' },
  labelActions: { ru: 'Действия', en: 'Actions' },
  labelNone: { ru: 'нет', en: 'none' },
  labelUser: { ru: 'Вы', en: 'You' },
  labelRefresh: { ru: 'Обновить', en: 'Refresh' },
  labelRow: { ru: 'строка', en: 'row' },
  labelPending: { ru: 'Ожидает триггера', en: 'Waiting for the trigger' },
  labelAgreementRequest: { ru: 'Запрос в HR', en: 'Request to HR' },
  labelAnswer: { ru: 'Ответ', en: 'Answer' },
  labelComment: { ru: 'Комментарий', en: 'Comment' },
  labelSend: { ru: 'Отправить', en: 'Send' },
  labelCancel: { ru: 'Отмена', en: 'Cancel' },
  labelSave: { ru: 'Записать', en: 'Save' },
  labelClose: { ru: 'Закрыть', en: 'Close' },
  labelType: { ru: 'Тип', en: 'Type' },
  labelOrder: { ru: 'Заказ', en: 'Order' },
  labelStart: { ru: 'Начало', en: 'Start' },
  labelDuration: { ru: 'Длительность, мин', en: 'Duration, min' },
  labelPeople: { ru: 'Участники', en: 'People' },
  labelCandidates: { ru: 'Кандидаты', en: 'Candidates' },
  labelZone: { ru: 'Часовой пояс таблицы: {zone}', en: 'Spreadsheet time zone: {zone}' },
  labelNoOrder: { ru: '— без заказа —', en: '— no order —' },
  labelInterviewResults: { ru: 'Interview results (Результаты интервью)', en: 'Interview results' },
  labelClientFeedback: { ru: 'Отзыв клиента', en: 'Client feedback' },
  labelNotes: { ru: 'Заметки', en: 'Notes' },
  labelMessenger: { ru: 'Messenger (Мессенджер)', en: 'Messenger' },
  labelCall: { ru: 'Звонок', en: 'Call' },
  labelOutboxState: { ru: 'Исходящие по состояниям', en: 'Outbox by state' },
  labelUpcoming: { ru: 'Ожидают отправки', en: 'Waiting to go out' },
  labelFailed: { ru: 'С ошибкой', en: 'Failed' },
  labelLastLog: { ru: 'Последние строки журнала', en: 'Last Log lines' },
  labelQueue: { ru: 'Ждут триггера владельца', en: 'Waiting for the owner’s trigger' },
  labelNotVisible: { ru: 'событие {id} не видно вашему календарю', en: 'event {id} is not visible to your calendar' },
  labelCancelled: { ru: 'отменено', en: 'cancelled' },
  labelNotesEvent: {
    ru: 'только для сотрудников: в календаре компании в то же время — инструкции, шаблон и комментарий',
    en: 'staff only: in the company calendar at the same time — instructions, template and the comment',
  },
  labelCallsOfOrder: { ru: 'Звонки заказа', en: 'Calls of the order' },
  labelSelection: {
    ru: 'Подбор {n}: {date}, обзвон {calling}, отчёт до {due}',
    en: 'Selection {n}: {date}, calling {calling}, report by {due}',
  },
  labelAgreementOk: { ru: 'Согласование HR «Согласовано»', en: 'HR agreement Agreed' },
  labelCallingAgreementOk: {
    ru: 'HR согласовал обзвон (резюме, звонки, согласившиеся, пришедшие, риски)',
    en: 'HR agreed the calling service (resumes, calls, agreeing, coming, risks)',
  },
  labelClientDeptEmail: { ru: 'E-mail клиентского отдела в Настройках', en: 'Client-department e-mail in Settings' },
  labelCommentTemplate: { ru: 'Комментарий по шаблону', en: 'Comment per the template' },
  labelHrAnswer: { ru: 'Ответ HR', en: 'HR answer' },
  stateIncomplete: { ru: 'Не заполнено', en: 'Incomplete' },
  statePending: { ru: 'Ждёт ответа HR', en: 'Waiting for HR' },
  noReason: { ru: 'недоступно', en: 'not available' },
  // The "what we agreed" e-mail after a First call (after-call.ts).
  actAgreedEdit: { ru: 'Изменить письмо о договорённостях', en: 'Edit the "what we agreed" e-mail' },
  actAgreedCancel: { ru: 'Отменить письмо о договорённостях', en: 'Cancel the "what we agreed" e-mail' },
  labelAgreedMail: { ru: 'О чём договорились (уйдёт клиенту)', en: 'What we agreed (goes to the client)' },
  agreedSaved: { ru: 'Письмо о договорённостях звонка {id} изменено.', en: 'The "what we agreed" e-mail of call {id} was changed.' },
  agreedCancelled: { ru: 'Письмо о договорённостях звонка {id} отменено.', en: 'The "what we agreed" e-mail of call {id} was cancelled.' },
  agreedNotPending: {
    ru: 'У звонка {id} нет письма о договорённостях в очереди: оно уже отправлено или отменено.',
    en: 'Call {id} has no "what we agreed" e-mail waiting: it was sent or cancelled.',
  },
  agreedEmpty: { ru: 'Текст письма пуст: чтобы не отправлять, отмените письмо.', en: 'The text is empty: to send nothing, cancel the e-mail.' },
} as const;

export type UiKey = keyof typeof M;

export const ui = localizer<UiKey>(M);

/** The words a page needs, for embedding in it (client-side rendering). */
export function uiWords(locale: Locale, keys: readonly UiKey[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const k of keys) out[k] = M[k][locale];
  return out;
}
