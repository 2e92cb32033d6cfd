/** Texts of seed 001's tracked duties (Log, Act status, reminders, digest lines), Russian and English. */
import { localizer } from '../../../core/i18n';

const TEXT = {
  itemSchemeChange: { ru: 'Изменение схемы обслуживания', en: 'Service scheme change' },
  schemeNoticeDetails: {
    ru: 'Клиент запросил изменение схемы обслуживания {requested}. По договору (п. 1.3) оно вносится в течение 1 дня — до {due}. Когда готово, заполните «Изменение схемы выполнено».',
    en: 'The client asked for a change to the service scheme on {requested}. The contract (1.3) gives 1 day: by {due}. When done, fill "Scheme change done at".',
  },
  schemeOverdueDetails: {
    ru: 'Срок изменения схемы обслуживания прошёл ({due}), «Изменение схемы выполнено» пусто.',
    en: 'The service scheme change was due {due}; "Scheme change done at" is empty.',
  },
  logSchemeNotice: { ru: 'Изменение схемы: срок поставлен', en: 'Scheme change: deadline set' },
  logSchemeOverdue: { ru: 'Изменение схемы просрочено', en: 'Scheme change overdue' },
  actAwaiting: { ru: 'Ждёт подписи до {signBy}', en: 'Awaiting signature until {signBy}' },
  actSigned: { ru: 'Подписан {signed}', en: 'Signed {signed}' },
  actOneSided: {
    ru: 'Действует односторонний акт (не подписан до {signBy})',
    en: 'The one-sided act stands (not signed by {signBy})',
  },
  logActOneSided: { ru: 'Акт действует как односторонний', en: 'The one-sided act stands' },
  logActSigned: { ru: 'Акт подписан', en: 'Act signed' },
  logHotLead: { ru: 'Горячий лид отправлен клиенту', en: 'Hot lead sent to the client' },
  logHotLeadFailed: { ru: 'Горячий лид не отправлен', en: 'Hot lead not sent' },
  hotLeadNoClient: {
    ru: 'у заказа {orderId} нет «E-mail клиента» (или заказ отменён): горячий лид некому отправить.',
    en: 'order {orderId} has no "Client e-mail" (or is cancelled): the hot lead has nobody to go to.',
  },
  logSilentClient: { ru: 'Напоминание молчащему клиенту', en: 'Reminder to a silent client' },
  logPaymentReminder: { ru: 'Напоминание об оплате', en: 'Payment reminder' },
  none: { ru: '—', en: '—' },
} as const;

export type DutyTextKey = keyof typeof TEXT;
export const say = localizer<DutyTextKey>(TEXT);
