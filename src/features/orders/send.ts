/** The orders feature's one way to send: a template rendered and sent once through the Outbox. */
import { Locale } from '../../core/schema';
import { pickTemplate, readTemplateRows, render, TemplateValues } from '../../core/templates';
import { RunContext } from '../../app/context';
import { indexOutbox, sendOnce, SendResult } from '../../mail/outbox';
import { recordsOf } from '../../google/records';
import { TabData } from '../../google/workbook';

export /** Renders a template from the Templates tab (or the built-in one) and sends it once. */
function sendTemplate(
  ctx: RunContext,
  outbox: TabData,
  key: string,
  to: string[],
  templateKey: string,
  language: Locale,
  values: TemplateValues,
  replyTo?: string,
): SendResult {
  const templates = ctx.tab('templates');
  const picked = pickTemplate(templates ? readTemplateRows(recordsOf(templates)) : [], templateKey, language);
  if (!picked) return { outcome: 'failed', error: `template ${templateKey} missing` };
  const rendered = render(picked.template, values, picked.language);
  return sendOnce(
    outbox,
    {
      key,
      to,
      replyTo: replyTo && replyTo.indexOf('@') > 0 ? replyTo : undefined,
      subject: rendered.subject,
      text: rendered.text,
      html: rendered.html,
      template: templateKey,
      senderName: ctx.settings.senderName,
    },
    ctx.locale,
    ctx.now,
    indexOutbox(outbox),
  );
}
