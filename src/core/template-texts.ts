/**
 * The built-in e-mail texts (DOMAIN §4–§6), Russian and English, and the placeholders each
 * template may use. The Templates tab overrides them per key and language.
 */
import type { Locale } from './columns';

export type BaseTemplateKey =
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
  | 'report.expectations'
  | 'report.calling'
  | 'alert.overdue'
  | 'alert.overdueList'
  | 'alert.callDeclined'
  | 'digest.daily'
  | 'deadline.reminder'
  | 'interview.clientRequest'
  | 'firstCall.agreed'
  | 'interview.resumes'
  | 'interview.candidate';

export interface TemplateText {
  key: string;
  subject: string;
  body: string;
}

export type Texts = Record<Locale, { subject: string; body: string }>;

export const SIGN_RU = '\n\nС уважением,\n{{senderName}}';
export const SIGN_EN = '\n\nBest regards,\n{{senderName}}';

/** Built-in templates of the calls, orders and schedules, Russian and English. */
export const BASE_TEMPLATES: Record<BaseTemplateKey, Texts> = {
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
  // Seed 003, after the Interview: «Отправляем клиенту необходимую информацию, которую он попросил».
  'interview.clientRequest': {
    ru: {
      subject: 'По итогам интервью {{callDate}} — {{client}}',
      body:
        'Здравствуйте, {{contactPerson}}!\n\nКак вы просили на интервью {{callDate}}, направляем:\n{{items}}\n\nЕсли нужно что-то ещё — напишите.' +
        SIGN_RU,
    },
    en: {
      subject: 'After the interview of {{callDate}} — {{client}}',
      body:
        'Hello {{contactPerson}},\n\nAs you asked at the interview of {{callDate}}, here is:\n{{items}}\n\nIf you need anything else, let us know.' +
        SIGN_EN,
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
  // Several overdue reports of one responsible at one deadline: one alert listing them (issue 15).
  'alert.overdueList': {
    ru: {
      subject: 'Просрочены отчёты об обзвоне (заказов: {{count}})',
      body: 'Истёк срок отчётов об обзвоне. Ответственный: {{responsible}}.\n\n{{items}}\n\n{{details}}',
    },
    en: {
      subject: 'Overdue: calling reports of {{count}} orders',
      body: 'These calling reports are past their deadline. Responsible: {{responsible}}.\n\n{{items}}\n\n{{details}}',
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
  // Seed 003, after the First call: «Отправляем клиенту на почту всю необходимую информацию, о которой договорились».
  'firstCall.agreed': {
    ru: {
      subject: 'По итогам нашего звонка {{callDate}}',
      body:
        'Здравствуйте, {{contactPerson}}!\n\nСпасибо за звонок {{callDate}}. Как мы договорились:\n{{agreed}}\n\nСледующий контакт: {{nextContactDate}}.\n\nВаш менеджер: {{manager}}.' +
        SIGN_RU,
    },
    en: {
      subject: 'Following up on our call of {{callDate}}',
      body:
        'Hello {{contactPerson}},\n\nThank you for the call on {{callDate}}. As we agreed:\n{{agreed}}\n\nNext contact: {{nextContactDate}}.\n\nYour manager: {{manager}}.' +
        SIGN_EN,
    },
  },
  // Seed 003: «Подбираем кандидатов для интервью, отправляем их резюме клиенту».
  'interview.resumes': {
    ru: {
      subject: 'Резюме кандидатов к интервью {{date}} в {{time}}',
      body:
        'Здравствуйте, {{contactPerson}}!\n\nК интервью {{date}} в {{time}} {{zone}} направляем резюме кандидатов:\n{{resumes}}\n\nВаш менеджер: {{manager}}.' +
        SIGN_RU,
    },
    en: {
      subject: 'Candidate resumes for the interview on {{date}} at {{time}}',
      body:
        "Hello {{contactPerson}},\n\nFor the interview on {{date}} at {{time}} {{zone}}, here are the candidates' resumes:\n{{resumes}}\n\nYour manager: {{manager}}." +
        SIGN_EN,
    },
  },
  // Seed 003: «Предупреждаем кандидатов о предстоящем собеседовании (сбрасываем информацию о клиенте, дату и время интервью)».
  'interview.candidate': {
    ru: {
      subject: 'Собеседование с {{client}}: {{date}} в {{time}}',
      body:
        'Здравствуйте, {{recipientName}}!\n\nУ вас собеседование с компанией {{client}} {{date}} в {{time}} {{zone}}.\n\nО компании:\n{{clientInfo}}\n\nСсылка на встречу: {{meetingLink}}\nОт нас на встрече: {{manager}}.' +
        SIGN_RU,
    },
    en: {
      subject: 'Interview with {{client}}: {{date}} at {{time}}',
      body:
        'Hello {{recipientName}},\n\nYou have an interview with {{client}} on {{date}} at {{time}} {{zone}}.\n\nAbout the company:\n{{clientInfo}}\n\nMeeting link: {{meetingLink}}\nFrom our side: {{manager}}.' +
        SIGN_EN,
    },
  },
};
