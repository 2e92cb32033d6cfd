/** The orders feature's one way to send: a template rendered through src/mail and sent once through the Outbox. */
import { Locale } from '../../core/schema';
import { TemplateValues } from '../../core/templates';
import { RunContext } from '../../app/context';
import { indexOutbox, sendOnce, SendResult } from '../../mail/outbox';
import { composeMail, readTemplates } from '../../mail/mailer';
import { TabData } from '../../google/workbook';

/** Renders a template from the Templates tab (or the built-in one) and sends it once. */
export function sendTemplate(
  ctx: RunContext,
  outbox: TabData,
  key: string,
  to: string[],
  templateKey: string,
  language: Locale,
  values: TemplateValues,
  replyTo?: string,
): SendResult {
  const book = ctx.outbox();
  const index = book && book.tab === outbox ? book.index : indexOutbox(outbox);
  // Sent before (a paid order's notice on every later edit): known from its Outbox row, no Templates read.
  if (index.get(key)?.state === 'sent') return { outcome: 'already-sent' };
  const mail = composeMail(readTemplates(ctx), { key, to, template: templateKey, language, values, replyTo }, ctx.settings.senderName);
  if (typeof mail === 'string') return { outcome: 'failed', error: mail };
  return sendOnce(outbox, mail, ctx.locale, ctx.now, index);
}
