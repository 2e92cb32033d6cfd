/**
 * E-mail templates (SPEC §4–§6): every reminder, comment and report e-mail comes from the
 * Templates tab (Key, Language, Subject, Body), falling back to the built-in texts below.
 * `{{name}}` placeholders are filled at send time; the HTML part escapes everything that
 * came from a cell (the template's own text included), the plain-text part carries the
 * same words, and an unknown placeholder is reported and left visible, never dropped.
 */
import { LANGUAGES, Locale, findChoice } from './schema';
import { Problem } from './i18n';
import { TemplateMessageKey, templateProblems } from './messages';

const { problem, warning } = templateProblems;

export type TemplateKey =
  | 'reminder.firstCall'
  | 'reminder.interview'
  | 'reminder.repeatCall'
  | 'reminder.introCall'
  | 'comment.toManager'
  | 'followUp.manager'
  | 'handoff.clientDepartment'
  | 'payment.clientDepartment'
  | 'agreement.request'
  | 'agreement.answer'
  | 'report.calling'
  | 'report.expectations'
  | 'alert.overdue'
  | 'alert.callDeclined'
  | 'digest.daily'
  | 'deadline.reminder'
  // Sales and PM starting set of seed 001 (§3.12 and §3.22)
  | 'sales.offer'
  | 'sales.silentClient'
  | 'sales.presaleSummary'
  | 'sales.contract'
  | 'sales.paymentReminder'
  | 'sales.extension'
  | 'pm.introduction'
  | 'pm.dailyReport'
  | 'pm.projectCompletion';

const CALL = ['callType', 'client', 'date', 'time', 'zone', 'offset', 'duration', 'meetingLink', 'manager'];
const CLIENT = ['client', 'contactPerson'];

/** The placeholders each template may use; `senderName` is available to all. */
export const TEMPLATE_PLACEHOLDERS: Record<TemplateKey, readonly string[]> = {
  'reminder.firstCall': [...CALL, 'contactPerson'],
  'reminder.interview': [...CALL, 'recipientName'],
  'reminder.repeatCall': [...CALL, 'recipientName'],
  'reminder.introCall': [...CALL, 'recipientName'],
  'comment.toManager': ['callType', 'client', 'date', 'time', 'comment', 'callId', 'orderId'],
  'followUp.manager': [...CLIENT, 'nextContactDate', 'nextStep', 'callId', 'orderId', 'callDate'],
  'handoff.clientDepartment': ['orderId', 'client', 'salesManager', 'details', 'individualTerms', 'requestLink'],
  'payment.clientDepartment': ['orderId', 'client', 'paymentReceived', 'sum', 'paidServices', 'paymentDocumentLink', 'salesManager'],
  'agreement.request': ['orderId', 'client', 'requestedBy', 'details'],
  'agreement.answer': ['orderId', 'client', 'answer', 'hrComment', 'hrSpecialist'],
  'report.calling': [...CLIENT, 'orderId', 'callingDate', 'results', 'summary'],
  'report.expectations': ['client', 'orderId', 'callingDate', 'number', 'planned', 'comparison', 'risks', 'agreementId'],
  'alert.overdue': ['item', 'orderId', 'client', 'due', 'responsible', 'details'],
  'alert.callDeclined': ['callType', 'client', 'date', 'time', 'zone', 'who', 'answers', 'callId', 'orderId'],
  'digest.daily': ['date', 'count', 'summary', 'items'],
  'deadline.reminder': ['item', 'orderId', 'client', 'due', 'details'],
  'sales.offer': [...CLIENT, 'offerLink', 'validUntil'],
  'sales.silentClient': [...CLIENT, 'lastContactDate'],
  'sales.presaleSummary': [...CLIENT, 'summary', 'nextStep'],
  'sales.contract': [...CLIENT, 'contractLink', 'signBy'],
  'sales.paymentReminder': [...CLIENT, 'sum', 'invoiceLink', 'dueDate'],
  'sales.extension': [...CLIENT, 'paidTo', 'offer'],
  'pm.introduction': [...CLIENT, 'projectManager', 'projectManagerEmail', 'startDate'],
  'pm.dailyReport': [...CLIENT, 'date', 'results', 'summary'],
  'pm.projectCompletion': [...CLIENT, 'summary', 'reportLink'],
};

export interface TemplateText {
  key: string;
  subject: string;
  body: string;
}

type Texts = Record<Locale, { subject: string; body: string }>;

const SIGN_RU = '\n\nС уважением,\n{{senderName}}';
const SIGN_EN = '\n\nBest regards,\n{{senderName}}';

/** Built-in templates, Russian and English. The Templates tab overrides them per key and language. */
export const DEFAULT_TEMPLATES: Record<TemplateKey, Texts> = {
  'reminder.firstCall': {
    ru: {
      subject: 'Напоминание: звонок {{date}} в {{time}}',
      body:
        'Здравствуйте, {{contactPerson}}!\n\nНапоминаем о нашей встрече: {{callType}} {{date}} в {{time}} {{zone}}, {{duration}} мин. До начала — {{offset}}.\n\nПодключиться: {{meetingLink}}\nС нашей стороны: {{manager}}.' +
        SIGN_RU,
    },
    en: {
      subject: 'Reminder: our call on {{date}} at {{time}}',
      body:
        'Hello {{contactPerson}},\n\nA reminder of our booked meeting: {{callType}} on {{date}} at {{time}} {{zone}}, {{duration}} min. It starts in {{offset}}.\n\nJoin: {{meetingLink}}\nFrom our side: {{manager}}.' +
        SIGN_EN,
    },
  },
  'reminder.interview': {
    ru: {
      subject: 'Напоминание: интервью {{date}} в {{time}}',
      body:
        'Здравствуйте, {{recipientName}}!\n\nНапоминаем об интервью с компанией {{client}}: {{date}} в {{time}} {{zone}}. До начала — {{offset}}.\n\nПодключиться: {{meetingLink}}\nПодключитесь, пожалуйста, вовремя.' +
        SIGN_RU,
    },
    en: {
      subject: 'Reminder: interview on {{date}} at {{time}}',
      body:
        'Hello {{recipientName}},\n\nA reminder of your interview with {{client}} on {{date}} at {{time}} {{zone}}. It starts in {{offset}}.\n\nJoin: {{meetingLink}}\nPlease join on time.' +
        SIGN_EN,
    },
  },
  'reminder.repeatCall': {
    ru: {
      subject: 'Напоминание: повторный звонок {{date}} в {{time}}',
      body:
        'Здравствуйте, {{recipientName}}!\n\nНапоминаем о повторном звонке с компанией {{client}}: {{date}} в {{time}} {{zone}}. До начала — {{offset}}.\n\nПодключиться: {{meetingLink}}' +
        SIGN_RU,
    },
    en: {
      subject: 'Reminder: follow-up call on {{date}} at {{time}}',
      body:
        'Hello {{recipientName}},\n\nA reminder of the follow-up call with {{client}} on {{date}} at {{time}} {{zone}}. It starts in {{offset}}.\n\nJoin: {{meetingLink}}' +
        SIGN_EN,
    },
  },
  'reminder.introCall': {
    ru: {
      subject: 'Напоминание: вводный звонок с {{client}} {{date}} в {{time}}',
      body:
        'Здравствуйте, {{recipientName}}!\n\nНапоминаем о вводном звонке с клиентом {{client}}: {{date}} в {{time}} {{zone}}. До начала — {{offset}}. На звонке обсудим проект и задачи, способ связи, график и отчётность.\n\nПодключиться: {{meetingLink}}\nС нашей стороны: {{manager}}.' +
        SIGN_RU,
    },
    en: {
      subject: 'Reminder: introductory call with {{client}} on {{date}} at {{time}}',
      body:
        'Hello {{recipientName}},\n\nA reminder of the introductory call with {{client}} on {{date}} at {{time}} {{zone}}. It starts in {{offset}}. We will go over the project and tasks, the messenger, schedule and reporting.\n\nJoin: {{meetingLink}}\nFrom our side: {{manager}}.' +
        SIGN_EN,
    },
  },
  'comment.toManager': {
    ru: {
      subject: '{{callType}} — {{client}}, {{date}}: комментарий',
      body: '{{callType}} с {{client}} {{date}} в {{time}} (звонок {{callId}}, заказ {{orderId}}).\n\n{{comment}}',
    },
    en: {
      subject: '{{callType}} — {{client}}, {{date}}: comment',
      body: '{{callType}} with {{client}} on {{date}} at {{time}} (call {{callId}}, order {{orderId}}).\n\n{{comment}}',
    },
  },
  'followUp.manager': {
    ru: {
      subject: 'Сегодня связаться с {{client}}',
      body: 'На первом звонке {{callDate}} с {{client}} ({{contactPerson}}) договорились связаться {{nextContactDate}}.\n\nСледующий шаг: {{nextStep}}\n\nЗвонок {{callId}}.',
    },
    en: {
      subject: 'Contact {{client}} today',
      body: 'On the first call of {{callDate}} with {{client}} ({{contactPerson}}) you agreed to get in touch on {{nextContactDate}}.\n\nNext step: {{nextStep}}\n\nCall {{callId}}.',
    },
  },
  'handoff.clientDepartment': {
    ru: {
      subject: 'Передача заказа {{orderId}} — {{client}}',
      body: 'Коллеги, заказ {{orderId}} ({{client}}) оплачен и передаётся в Клиентский отдел.\n\nЗаявка клиента: {{requestLink}}\n\n{{details}}\n\nУсловия работы и согласование HR:\n{{individualTerms}}\n\nМенеджер продаж: {{salesManager}}',
    },
    en: {
      subject: 'Hand-off of order {{orderId}} — {{client}}',
      body: "Colleagues, order {{orderId}} ({{client}}) is paid and handed to the Client department.\n\nThe client's request: {{requestLink}}\n\n{{details}}\n\nTerms of work and the HR agreement:\n{{individualTerms}}\n\nSales manager: {{salesManager}}",
    },
  },
  'payment.clientDepartment': {
    ru: {
      subject: 'Оплата получена: {{orderId}} — {{client}}',
      body: 'Коллеги, по заказу {{orderId}} ({{client}}) получена оплата {{paymentReceived}}: {{sum}}.\n\nОплаченные услуги: {{paidServices}}\nПлатёжный документ: {{paymentDocumentLink}}\n\nПередача заказа придёт отдельным письмом. Менеджер продаж: {{salesManager}}',
    },
    en: {
      subject: 'Payment received: {{orderId}} — {{client}}',
      body: 'Colleagues, the payment for order {{orderId}} ({{client}}) was received on {{paymentReceived}}: {{sum}}.\n\nPaid services: {{paidServices}}\nPayment document: {{paymentDocumentLink}}\n\nThe hand-off follows in a separate e-mail. Sales manager: {{salesManager}}',
    },
  },
  'agreement.request': {
    ru: {
      subject: 'Согласование индивидуальных условий: {{orderId}} — {{client}}',
      body: 'Прошу согласовать индивидуальные условия по заказу {{orderId}} ({{client}}).\n\n{{details}}\n\nОтветьте «Согласовано» или «Отклонено» на вкладке «Согласования HR».\n\n{{requestedBy}}',
    },
    en: {
      subject: 'Individual terms for approval: {{orderId}} — {{client}}',
      body: 'Please review the individual terms of order {{orderId}} ({{client}}).\n\n{{details}}\n\nAnswer Agreed or Rejected on the HR agreements tab.\n\n{{requestedBy}}',
    },
  },
  'agreement.answer': {
    ru: {
      subject: 'Ответ HR по заказу {{orderId}}: {{answer}}',
      body: 'HR ({{hrSpecialist}}) ответил по индивидуальным условиям заказа {{orderId}} ({{client}}): {{answer}}.\n\nКомментарий: {{hrComment}}',
    },
    en: {
      subject: 'HR answer for order {{orderId}}: {{answer}}',
      body: 'HR ({{hrSpecialist}}) answered on the individual terms of order {{orderId}} ({{client}}): {{answer}}.\n\nComment: {{hrComment}}',
    },
  },
  'report.expectations': {
    ru: {
      subject: 'Обзвон {{orderId}} против согласованного с HR — {{client}}, {{callingDate}}',
      body: 'Отчёт об обзвоне №{{number}} из {{planned}} по заказу {{orderId}} ({{client}}) отправлен клиенту. Сравнение с согласованием HR {{agreementId}}:\n\n{{comparison}}\n\nРиски, названные при согласовании: {{risks}}\n\nЭто письмо только для сотрудников: клиент его не получает.',
    },
    en: {
      subject: 'Calling {{orderId}} against what HR agreed — {{client}}, {{callingDate}}',
      body: 'Calling report {{number}} of {{planned}} for order {{orderId}} ({{client}}) went to the client. Compared with HR agreement {{agreementId}}:\n\n{{comparison}}\n\nRisks named in the agreement: {{risks}}\n\nThis e-mail is for staff only: the client does not get it.',
    },
  },
  'report.calling': {
    ru: {
      subject: 'Отчёт об обзвоне {{callingDate}} — {{client}}',
      body:
        'Здравствуйте, {{contactPerson}}!\n\nОтчёт об обзвоне кандидатов за {{callingDate}} по заказу {{orderId}}.\n\n{{summary}}\n\n{{results}}' +
        SIGN_RU,
    },
    en: {
      subject: 'Calling report {{callingDate}} — {{client}}',
      body:
        'Hello {{contactPerson}},\n\nHere is the candidate calling report for {{callingDate}}, order {{orderId}}.\n\n{{summary}}\n\n{{results}}' +
        SIGN_EN,
    },
  },
  'alert.overdue': {
    ru: {
      subject: 'Просрочено: {{item}} ({{orderId}})',
      body: 'Срок «{{item}}» по заказу {{orderId}} ({{client}}) истёк {{due}}. Ответственный: {{responsible}}.\n\n{{details}}',
    },
    en: {
      subject: 'Overdue: {{item}} ({{orderId}})',
      body: '"{{item}}" for order {{orderId}} ({{client}}) was due {{due}}. Responsible: {{responsible}}.\n\n{{details}}',
    },
  },
  'alert.callDeclined': {
    ru: {
      subject: 'Отказ от встречи: {{callType}} {{date}} {{time}} — {{client}}',
      body: 'Приглашение на встречу «{{callType}}» {{date}} в {{time}} {{zone}} отклонено: {{who}} (звонок {{callId}}, заказ {{orderId}}).\n\nОтветы гостей:\n{{answers}}\n\nСвяжитесь с гостем и перенесите или отмените звонок на вкладке «Звонки».',
    },
    en: {
      subject: 'Declined: {{callType}} {{date}} {{time}} — {{client}}',
      body: "The invitation to the {{callType}} on {{date}} at {{time}} {{zone}} was declined by {{who}} (call {{callId}}, order {{orderId}}).\n\nGuests' answers:\n{{answers}}\n\nGet in touch, then move or cancel the call on the Calls tab.",
    },
  },
  'digest.daily': {
    ru: { subject: 'Сводка на {{date}}: {{summary}}', body: 'Сводка на {{date}}: {{summary}}.\n\n{{items}}' },
    en: { subject: 'Daily digest for {{date}}: {{summary}}', body: 'Digest for {{date}}: {{summary}}.\n\n{{items}}' },
  },
  'deadline.reminder': {
    ru: {
      subject: 'Срок: {{item}} до {{due}} ({{orderId}})',
      body: 'Напоминание: «{{item}}» по заказу {{orderId}} ({{client}}) — срок {{due}}.\n\n{{details}}',
    },
    en: {
      subject: 'Deadline: {{item}} by {{due}} ({{orderId}})',
      body: 'Reminder: "{{item}}" for order {{orderId}} ({{client}}) is due {{due}}.\n\n{{details}}',
    },
  },
  'sales.offer': {
    ru: {
      subject: 'Коммерческое предложение для {{client}}',
      body:
        'Здравствуйте, {{contactPerson}}!\n\nБлагодарим за разговор. Как договорились, направляем коммерческое предложение: {{offerLink}}\n\nПредложение действует до {{validUntil}}. Будем рады ответить на вопросы.' +
        SIGN_RU,
    },
    en: {
      subject: 'Our proposal for {{client}}',
      body:
        'Hello {{contactPerson}},\n\nThank you for the conversation. As agreed, here is our proposal: {{offerLink}}\n\nIt is valid until {{validUntil}}. We are happy to answer any questions.' +
        SIGN_EN,
    },
  },
  'sales.silentClient': {
    ru: {
      subject: 'Остаётся ли актуальным наше предложение?',
      body:
        'Здравствуйте, {{contactPerson}}!\n\nМы не получили ответа после {{lastContactDate}}. Подскажите, пожалуйста, актуален ли ещё вопрос подбора сотрудников для {{client}}? Если удобнее созвониться — предложите время.' +
        SIGN_RU,
    },
    en: {
      subject: 'Is our proposal still relevant?',
      body:
        'Hello {{contactPerson}},\n\nWe have not heard from you since {{lastContactDate}}. Is staffing for {{client}} still on your agenda? If a call suits you better, please suggest a time.' +
        SIGN_EN,
    },
  },
  'sales.presaleSummary': {
    ru: {
      subject: 'Итоги обсуждения — {{client}}',
      body: 'Здравствуйте, {{contactPerson}}!\n\nФиксируем, о чём договорились:\n{{summary}}\n\nСледующий шаг: {{nextStep}}' + SIGN_RU,
    },
    en: {
      subject: 'Summary of our discussion — {{client}}',
      body: 'Hello {{contactPerson}},\n\nTo confirm what we agreed:\n{{summary}}\n\nNext step: {{nextStep}}' + SIGN_EN,
    },
  },
  'sales.contract': {
    ru: {
      subject: 'Договор для {{client}}',
      body:
        'Здравствуйте, {{contactPerson}}!\n\nНаправляем договор: {{contractLink}}\n\nПросим подписать до {{signBy}}. Если есть правки — пришлите, обсудим.' +
        SIGN_RU,
    },
    en: {
      subject: 'Contract for {{client}}',
      body:
        'Hello {{contactPerson}},\n\nPlease find the contract here: {{contractLink}}\n\nWe kindly ask you to sign it by {{signBy}}. If you have changes, send them and we will discuss.' +
        SIGN_EN,
    },
  },
  'sales.paymentReminder': {
    ru: {
      subject: 'Напоминание об оплате — {{client}}',
      body:
        'Здравствуйте, {{contactPerson}}!\n\nНапоминаем об оплате по договору: {{sum}}, срок — {{dueDate}}. Счёт: {{invoiceLink}}\n\nРаботу начнём сразу после поступления оплаты.' +
        SIGN_RU,
    },
    en: {
      subject: 'Payment reminder — {{client}}',
      body:
        'Hello {{contactPerson}},\n\nA reminder of the payment under our contract: {{sum}}, due {{dueDate}}. Invoice: {{invoiceLink}}\n\nWe start as soon as the payment arrives.' +
        SIGN_EN,
    },
  },
  'sales.extension': {
    ru: {
      subject: 'Продление работы — {{client}}',
      body:
        'Здравствуйте, {{contactPerson}}!\n\nОплаченный период заканчивается {{paidTo}}. Предлагаем продлить работу: {{offer}}\n\nПодтвердите, пожалуйста, удобный вариант.' +
        SIGN_RU,
    },
    en: {
      subject: 'Extending our work — {{client}}',
      body:
        'Hello {{contactPerson}},\n\nThe paid period ends on {{paidTo}}. We suggest extending: {{offer}}\n\nPlease confirm the option that suits you.' +
        SIGN_EN,
    },
  },
  'pm.introduction': {
    ru: {
      subject: 'Ваш менеджер проекта — {{projectManager}}',
      body:
        'Здравствуйте, {{contactPerson}}!\n\nМеня зовут {{projectManager}}, я веду ваш проект с {{startDate}}. По всем вопросам пишите мне: {{projectManagerEmail}}' +
        SIGN_RU,
    },
    en: {
      subject: 'Your project manager — {{projectManager}}',
      body:
        'Hello {{contactPerson}},\n\nMy name is {{projectManager}} and I run your project from {{startDate}}. For any question write to me: {{projectManagerEmail}}' +
        SIGN_EN,
    },
  },
  'pm.dailyReport': {
    ru: {
      subject: 'Ежедневный отчёт {{date}} — {{client}}',
      body: 'Здравствуйте, {{contactPerson}}!\n\nОтчёт за {{date}}.\n\n{{summary}}\n\n{{results}}' + SIGN_RU,
    },
    en: {
      subject: 'Daily report {{date}} — {{client}}',
      body: 'Hello {{contactPerson}},\n\nThe report for {{date}}.\n\n{{summary}}\n\n{{results}}' + SIGN_EN,
    },
  },
  'pm.projectCompletion': {
    ru: {
      subject: 'Проект завершён — {{client}}',
      body:
        'Здравствуйте, {{contactPerson}}!\n\nПроект завершён. Итоги:\n{{summary}}\n\nИтоговый отчёт: {{reportLink}}\n\nСпасибо за сотрудничество!' +
        SIGN_RU,
    },
    en: {
      subject: 'Project completed — {{client}}',
      body:
        'Hello {{contactPerson}},\n\nThe project is complete. Results:\n{{summary}}\n\nFinal report: {{reportLink}}\n\nThank you for working with us!' +
        SIGN_EN,
    },
  },
};

/**
 * Built-in texts of earlier versions that setup wrote into the Templates tab. A row still
 * holding one exactly was never edited by a person: setup replaces it with the current text
 * (these reminders had no link to join and showed the zone's IANA id).
 */
export const SUPERSEDED_TEMPLATES: Partial<Record<TemplateKey, Texts[]>> = {
  // The subject said only how many («Сводка за 26.11.2026: 1»), not of what.
  'digest.daily': [
    {
      ru: { subject: 'Сводка за {{date}}: {{count}}', body: 'Сводка на {{date}} — пунктов: {{count}}.\n\n{{items}}' },
      en: { subject: 'Daily digest {{date}}: {{count}}', body: 'Digest for {{date}} — {{count}} items.\n\n{{items}}' },
    },
  ],
  'reminder.firstCall': [
    {
      ru: {
        subject: 'Напоминание: звонок {{date}} в {{time}}',
        body:
          'Здравствуйте, {{contactPerson}}!\n\nНапоминаем о нашей встрече: {{callType}} {{date}} в {{time}} ({{zone}}), {{duration}} мин. До начала — {{offset}}.\n\nС нашей стороны: {{manager}}.' +
          SIGN_RU,
      },
      en: {
        subject: 'Reminder: our call on {{date}} at {{time}}',
        body:
          'Hello {{contactPerson}},\n\nA reminder of our booked meeting: {{callType}} on {{date}} at {{time}} ({{zone}}), {{duration}} min. It starts in {{offset}}.\n\nFrom our side: {{manager}}.' +
          SIGN_EN,
      },
    },
  ],
  'reminder.interview': [
    {
      ru: {
        subject: 'Напоминание: собеседование {{date}} в {{time}}',
        body:
          'Здравствуйте, {{recipientName}}!\n\nНапоминаем о собеседовании с компанией {{client}}: {{date}} в {{time}} {{zone}}. До начала — {{offset}}.\n\nПодключиться: {{meetingLink}}\nПодключитесь, пожалуйста, вовремя.' +
          SIGN_RU,
      },
      en: {
        subject: 'Reminder: interview on {{date}} at {{time}}',
        body:
          'Hello {{recipientName}},\n\nA reminder of your interview with {{client}} on {{date}} at {{time}} {{zone}}. It starts in {{offset}}.\n\nJoin: {{meetingLink}}\nPlease join on time.' +
          SIGN_EN,
      },
    },
    {
      ru: {
        subject: 'Напоминание: собеседование {{date}} в {{time}}',
        body:
          'Здравствуйте, {{recipientName}}!\n\nНапоминаем о собеседовании с компанией {{client}}: {{date}} в {{time}} ({{zone}}). До начала — {{offset}}. Подключитесь, пожалуйста, вовремя.' +
          SIGN_RU,
      },
      en: {
        subject: 'Reminder: interview on {{date}} at {{time}}',
        body:
          'Hello {{recipientName}},\n\nA reminder of your interview with {{client}} on {{date}} at {{time}} ({{zone}}). It starts in {{offset}}; please join on time.' +
          SIGN_EN,
      },
    },
  ],
  'reminder.repeatCall': [
    {
      ru: {
        subject: 'Напоминание: повторный звонок {{date}} в {{time}}',
        body:
          'Здравствуйте, {{recipientName}}!\n\nНапоминаем о повторном звонке с компанией {{client}}: {{date}} в {{time}} ({{zone}}). До начала — {{offset}}.' +
          SIGN_RU,
      },
      en: {
        subject: 'Reminder: follow-up call on {{date}} at {{time}}',
        body:
          'Hello {{recipientName}},\n\nA reminder of the follow-up call with {{client}} on {{date}} at {{time}} ({{zone}}). It starts in {{offset}}.' +
          SIGN_EN,
      },
    },
  ],
  'reminder.introCall': [
    {
      ru: {
        subject: 'Напоминание: вводный звонок с {{client}} {{date}} в {{time}}',
        body:
          'Здравствуйте, {{recipientName}}!\n\nНапоминаем о вводном звонке с клиентом {{client}}: {{date}} в {{time}} ({{zone}}). До начала — {{offset}}. На звонке обсудим проект и задачи, способ связи, график и отчётность.' +
          SIGN_RU,
      },
      en: {
        subject: 'Reminder: introductory call with {{client}} on {{date}} at {{time}}',
        body:
          'Hello {{recipientName}},\n\nA reminder of the introductory call with {{client}} on {{date}} at {{time}} ({{zone}}). It starts in {{offset}}. We will go over the project and tasks, the messenger, schedule and reporting.' +
          SIGN_EN,
      },
    },
  ],
};

/** The current built-in text a Templates-tab row should get instead of a superseded one, or null. */
export function supersededBy(row: TemplateRow): { subject: string; body: string } | null {
  if (!isTemplateKey(row.key)) return null;
  const old = SUPERSEDED_TEMPLATES[row.key] ?? [];
  const same = old.some((t) => t[row.language].subject === row.subject && t[row.language].body === row.body);
  return same ? DEFAULT_TEMPLATES[row.key][row.language] : null;
}

export const TEMPLATE_KEYS = Object.keys(DEFAULT_TEMPLATES) as TemplateKey[];

/** Seed 001's Sales and project-manager e-mails: setup puts them on the Templates tab (both languages) for people to edit and use. */
export const SEED_001_TEMPLATE_KEYS: readonly TemplateKey[] = [
  'sales.offer',
  'sales.silentClient',
  'sales.presaleSummary',
  'sales.contract',
  'sales.paymentReminder',
  'sales.extension',
  'pm.introduction',
  'pm.dailyReport',
  'pm.projectCompletion',
];

export function isTemplateKey(key: string): key is TemplateKey {
  return Object.prototype.hasOwnProperty.call(DEFAULT_TEMPLATES, key);
}

/** The client's language picks the template ("English", "en", "Английский"); anything else is Russian. */
export function pickLanguage(value: unknown): Locale {
  const text = typeof value === 'string' ? value.trim() : '';
  if (!text) return 'ru';
  const choice = findChoice(LANGUAGES, text);
  if (choice) return choice.key === 'en' ? 'en' : 'ru';
  return /^en\b|^en[-_]/i.test(text) ? 'en' : 'ru';
}

export interface TemplateRow {
  key: string;
  language: Locale;
  subject: string;
  body: string;
}

/** Templates tab records (keyed by column key) as rows; rows without a key are skipped. */
export function readTemplateRows(records: readonly Record<string, unknown>[]): TemplateRow[] {
  const str = (v: unknown) => (typeof v === 'string' ? v : v === null || v === undefined ? '' : String(v));
  return records
    .filter((r) => str(r.key).trim() !== '')
    .map((r) => ({ key: str(r.key).trim(), language: pickLanguage(str(r.language)), subject: str(r.subject), body: str(r.body) }));
}

/**
 * The template for a key in the wanted language: the Templates tab first, then the
 * built-in one in that language, then Russian (tab, built-in). Null when none exists.
 */
export function pickTemplate(rows: readonly TemplateRow[], key: string, language: Locale): { template: TemplateText; language: Locale } | null {
  const tried: Locale[] = language === 'ru' ? ['ru'] : [language, 'ru'];
  for (const lang of tried) {
    const row = rows.find((r) => r.key === key && r.language === lang && (r.subject.trim() || r.body.trim()));
    if (row) return { template: { key, subject: row.subject, body: row.body }, language: lang };
    if (isTemplateKey(key)) return { template: { key, ...DEFAULT_TEMPLATES[key][lang] }, language: lang };
  }
  return null;
}

export function templateMissing(key: string, language: Locale): Problem<TemplateMessageKey> {
  return problem('templateMissing', { key, language });
}

const PLACEHOLDER = /\{\{\s*([A-Za-z][\w.]*)\s*\}\}/g;

/** Names used as {{name}} in a text, in order of first use. */
export function placeholdersOf(text: string): string[] {
  const names: string[] = [];
  for (const m of text.matchAll(PLACEHOLDER)) if (!names.includes(m[1])) names.push(m[1]);
  return names;
}

/** Checks a Templates-tab row of a known key: placeholders it may not use are reported. */
export function checkTemplateRow(row: TemplateRow): Problem<TemplateMessageKey>[] {
  if (!isTemplateKey(row.key)) return [];
  const allowed = new Set([...TEMPLATE_PLACEHOLDERS[row.key], 'senderName']);
  const used = placeholdersOf(`${row.subject}\n${row.body}`);
  const unknown = used.filter((n) => !allowed.has(n));
  const out = unknown.length ? [unknownPlaceholders(row.key, unknown)] : [];
  // Every reminder carries the link to join (issue 12): a person's own text without it is pointed out.
  if (row.key.startsWith('reminder.') && used.indexOf('meetingLink') < 0) out.push(warning('templateNoLink', { key: row.key }));
  return out;
}

function unknownPlaceholders(key: string, names: readonly string[]): Problem<TemplateMessageKey> {
  return warning('templatePlaceholderUnknown', { key, names: names.map((n) => `{{${n}}}`).join(', ') });
}

// ---- values and tables ----

export type Cell = string | number | boolean | null | undefined;

/** A table value: rendered as an HTML table in the html part and as aligned columns in text. */
export interface TableValue {
  kind: 'table';
  columns: readonly string[];
  rows: readonly (readonly Cell[])[];
}

export type TemplateValue = Cell | TableValue;
export type TemplateValues = Record<string, TemplateValue>;

export function table(columns: readonly string[], rows: readonly (readonly Cell[])[]): TableValue {
  return { kind: 'table', columns, rows };
}

const isTable = (v: TemplateValue): v is TableValue => typeof v === 'object' && v !== null && v.kind === 'table';
const cellText = (c: Cell): string => (c === null || c === undefined ? '' : String(c));

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

const URL_RE = /https?:\/\/[^\s<>"'`]+[^\s<>"'`.,;:!?)\]}]/g;

/** Escaped text with http(s) links made clickable; the href is escaped as an attribute. */
function htmlOf(text: string): string {
  let out = '';
  let last = 0;
  for (const m of text.matchAll(URL_RE)) {
    const at = m.index ?? 0;
    out += escapeHtml(text.slice(last, at));
    out += `<a href="${escapeHtml(m[0])}">${escapeHtml(m[0])}</a>`;
    last = at + m[0].length;
  }
  out += escapeHtml(text.slice(last));
  return out.replace(/\n/g, '<br>\n');
}

export function tableHtml(t: TableValue): string {
  const cell = (tag: 'th' | 'td', c: Cell) =>
    `<${tag} style="border:1px solid #ccc;padding:4px 8px;text-align:left;vertical-align:top">${htmlOf(cellText(c))}</${tag}>`;
  const head = `<tr>${t.columns.map((c) => cell('th', c)).join('')}</tr>`;
  const body = t.rows.map((r) => `<tr>${t.columns.map((_, i) => cell('td', r[i])).join('')}</tr>`).join('\n');
  return `<table style="border-collapse:collapse">\n${head}\n${body}\n</table>`;
}

/** Aligned columns for the plain-text part; a cell's line breaks become " / ". */
export function tableText(t: TableValue): string {
  const flat = (c: Cell) => cellText(c).replace(/\s*\n\s*/g, ' / ');
  const grid = [t.columns.map(flat), ...t.rows.map((r) => t.columns.map((_, i) => flat(r[i])))];
  const widths = t.columns.map((_, i) => Math.max(...grid.map((row) => row[i].length)));
  const line = (row: string[]) =>
    row
      .map((c, i) => c.padEnd(widths[i]))
      .join(' | ')
      .replace(/\s+$/, '');
  return [line(grid[0]), widths.map((w) => '-'.repeat(w)).join('-+-'), ...grid.slice(1).map(line)].join('\n');
}

export interface Rendered {
  subject: string;
  text: string;
  html: string;
  problems: Problem<TemplateMessageKey>[];
}

type Piece = { literal: string } | { name: string; raw: string };

function pieces(text: string): Piece[] {
  const out: Piece[] = [];
  let last = 0;
  for (const m of text.matchAll(PLACEHOLDER)) {
    const at = m.index ?? 0;
    if (at > last) out.push({ literal: text.slice(last, at) });
    out.push({ name: m[1], raw: m[0] });
    last = at + m[0].length;
  }
  if (last < text.length) out.push({ literal: text.slice(last) });
  return out;
}

/**
 * Fills a template. Values are looked up by name; a name with no value (not even an
 * empty one) is unknown: reported once as a problem and left in the output as typed.
 * The language sets the html part's lang attribute.
 */
export function render(template: TemplateText, values: TemplateValues, language: Locale): Rendered {
  const unknown: string[] = [];
  let blank = false;
  /** Each piece in one of the three forms; an unknown placeholder stays as typed. */
  const fill = (p: Piece, form: 'subject' | 'text' | 'html'): string => {
    if ('literal' in p) return form === 'html' ? htmlOf(p.literal) : p.literal;
    if (!Object.prototype.hasOwnProperty.call(values, p.name)) {
      if (!unknown.includes(p.name)) unknown.push(p.name);
      return form === 'html' ? htmlOf(p.raw) : p.raw;
    }
    const v = values[p.name];
    if (isTable(v)) return form === 'html' ? tableHtml(v) : form === 'text' ? tableText(v) : '';
    if (cellText(v).trim() === '') blank = true;
    return form === 'html' ? htmlOf(cellText(v)) : cellText(v);
  };
  const subject = pieces(template.subject)
    .map((p) => fill(p, 'subject'))
    .join('')
    .replace(/\s*\n\s*/g, ' ')
    .trim();
  const body = pieces(template.body.replace(/\r\n?/g, '\n'));
  const text = body.map((p) => fill(p, 'text')).join('');
  const inner = body
    .map((p) => fill(p, 'html'))
    .join('')
    .replace(/<\/table><br>\n/g, '</table>\n');
  const html = `<div lang="${language}" style="font-family:Arial,Helvetica,sans-serif;font-size:14px;line-height:1.45">\n${inner}\n</div>`;
  const problems = unknown.length ? [unknownPlaceholders(template.key, unknown)] : [];
  if (!blank) return { subject, text, html, problems };
  return { subject: tidyGreeting(subject), text: tidyGreeting(text), html: tidyGreeting(html), problems };
}

const GREETING_RU = /(Здравствуйте|Добрый день|Добрый вечер|Доброе утро|Привет|Уважаемый|Уважаемая|Уважаемые)[ \t]*,[ \t]*([!.,])/g;
const GREETING_EN = /\b(Hello|Hi|Dear|Good morning|Good afternoon|Good evening)[ \t]+,/g;

/** A greeting whose name was empty reads as one without a name: «Здравствуйте!», "Hello," — never «Здравствуйте, !». */
export function tidyGreeting(text: string): string {
  return text.replace(GREETING_RU, '$1$2').replace(GREETING_EN, '$1,');
}
