/**
 * Seed 001's Sales and project-manager e-mails (§3.12 and §3.22), Russian and English:
 * setup puts them on the Templates tab (both languages) for people to edit and use.
 */
import { SIGN_EN, SIGN_RU, type Texts } from './template-texts';

export type Seed001TemplateKey =
  | 'sales.offer'
  | 'sales.silentClient'
  | 'sales.presaleSummary'
  | 'sales.contract'
  | 'sales.paymentReminder'
  | 'sales.extension'
  | 'pm.introduction'
  | 'pm.dailyReport'
  | 'pm.projectCompletion'
  | 'lead.hot';

export const SEED_001_TEMPLATES: Record<Seed001TemplateKey, Texts> = {
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
  // A "hot" lead to the client's managers within 5–10 minutes, "ideally in one click": the
  // tick sends it with the contact and the operator's comment (meant for the client).
  'lead.hot': {
    ru: {
      subject: 'Горячий лид: {{candidate}} — {{vacancy}}',
      body:
        'Здравствуйте, {{contactPerson}}!\n\nГорячий лид по заказу {{orderId}} — свяжитесь, пока интерес высок:\n{{candidate}}, тел. {{phone}}{{email}}\n\nКомментарий оператора ({{recordedAt}}): {{comment}}' +
        SIGN_RU,
    },
    en: {
      subject: 'Hot lead: {{candidate}} — {{vacancy}}',
      body:
        "Hello {{contactPerson}},\n\nA hot lead for order {{orderId}} — get in touch while the interest is high:\n{{candidate}}, phone {{phone}}{{email}}\n\nOperator's comment ({{recordedAt}}): {{comment}}" +
        SIGN_EN,
    },
  },
};

export const SEED_001_TEMPLATE_KEYS = Object.keys(SEED_001_TEMPLATES) as Seed001TemplateKey[];
