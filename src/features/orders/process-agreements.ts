/** HR agreements rows after an edit: IDs, problems, the request to HR and the answer to Sales. */
import { agreementDue, agreementState, answerRecipient, hrRecipients, validateAgreement } from './rules/agreements';
import { nextAgreementId } from './rules/orders';
import { hasErrors, problemsText, say } from './rules/messages';
import { ANSWERS, Locale, choiceLabel } from '../../core/schema';
import { localDateOf } from '../../core/time';
import { cellText, isBlank, maxOf, minOf, parseChoiceCell, Row } from '../../core/values';
import { table } from '../../core/templates';
import { RunContext } from '../../app/context';
import { sendTemplate } from './send';
import { recordOf } from '../../google/records';
import { TabData, isLoaded, readColumn, readTabBlock } from '../../google/workbook';
import { ColumnChanges, today } from './batch';

/** IDs, problems, the request to HR and the answer to Sales for the given agreement rows. */
export function processAgreements(ctx: RunContext, agreements: TabData, indexes: number[]): void {
  const orderRows = ordersById(
    ctx,
    indexes.map((i) => cellText(recordOf(agreements, agreements.rows[i]).orderId).trim()),
  );
  const ids = readColumn(agreements, 'agreementId');
  const day = today(ctx);
  const staff = ctx.staff();
  const outbox = ctx.outbox()?.tab ?? null;
  const actx = { zone: ctx.zone, today: day, orders: orderRows, staff };
  const changes = new ColumnChanges();
  for (const index of indexes) {
    const row = agreements.rows[index];
    if (!isLoaded(row) || row.every((v) => isBlank(v))) continue;
    const rec = recordOf(agreements, row) as Record<string, unknown>;
    const cells: Record<string, unknown> = {};
    if (isBlank(rec.agreementId)) {
      rec.agreementId = cells.agreementId = nextAgreementId(ids, day.year);
      ids.push(rec.agreementId);
    }
    const id = cellText(rec.agreementId);
    const order = orderRows.get(cellText(rec.orderId).trim());
    const state = agreementState(rec, actx);
    if (outbox && state !== 'incomplete') {
      const due = agreementDue(ctx.now.getTime(), ctx.zone, (d) => ctx.workCalendar().nextWorkingDay(d));
      for (const routed of hrRecipients(rec, order, staff, day)) {
        const result = sendTemplate(
          ctx,
          outbox,
          `agreement-request:${id}:${routed.to}`,
          [routed.to],
          'agreement.request',
          ctx.locale,
          {
            orderId: cellText(rec.orderId),
            client: cellText(order?.client),
            requestedBy: cellText(rec.requestedBy),
            details: agreementTable(ctx, rec, say(ctx.locale, 'dueBy', { due: formatDay(due.dueDate, ctx.locale) })),
          },
          cellText(rec.requestedBy),
        );
        if (result.outcome === 'sent')
          ctx.log({
            tab: agreements.sheet.getName(),
            rowKey: id,
            action: say(ctx.locale, 'requestLog'),
            details: routed.skipped.length ? `${routed.to} (${routed.skipped.join(', ')})` : routed.to,
          });
      }
    }
    if (state === 'agreed' || state === 'rejected') {
      if (isBlank(rec.answeredAt)) {
        rec.answeredAt = cells.answeredAt = ctx.now;
        if (isBlank(rec.answeredBy) && ctx.user.indexOf('@') > 0) rec.answeredBy = cells.answeredBy = ctx.user;
      }
      const to = answerRecipient(rec, staff, day);
      const answer = parseChoiceCell(rec.answer, ANSWERS);
      if (outbox && to && answer.status === 'ok') {
        const result = sendTemplate(ctx, outbox, `agreement-answer:${id}:${answer.value.key}`, [to.to], 'agreement.answer', ctx.locale, {
          orderId: cellText(rec.orderId),
          client: cellText(order?.client),
          answer: choiceLabel(answer.value, ctx.locale),
          hrComment: cellText(rec.hrComment) || '—',
          hrSpecialist: cellText(rec.hrSpecialist) || ctx.user,
        });
        if (result.outcome === 'sent')
          ctx.log({ tab: agreements.sheet.getName(), rowKey: id, action: say(ctx.locale, 'answerLog'), details: to.to });
      }
    }
    const problems = validateAgreement(rec, actx);
    const text = problemsText(problems, ctx.locale);
    if (text !== cellText(rec.problems)) {
      cells.problems = text;
      if (hasErrors(problems)) ctx.log({ tab: agreements.sheet.getName(), rowKey: id, action: say(ctx.locale, 'flagged'), details: text });
    }
    for (const [key, value] of Object.entries(cells)) changes.set(key, index, value);
  }
  changes.write(agreements);
}

/**
 * The orders an agreement edit names, keyed by Order ID: found through the ID column
 * and read as one block (an agreement row is checked against its order).
 */
function ordersById(ctx: RunContext, wanted: string[]): Map<string, Row> {
  const out = new Map<string, Row>();
  const shell = readTabBlock(ctx.sheets.get('orders'), 'orders', 0, -1);
  if (!shell) return out;
  const ids = readColumn(shell, 'orderId');
  const want = new Set(wanted.filter(Boolean));
  const indexes = ids.map((v, i) => (want.has(cellText(v).trim()) ? i : -1)).filter((i) => i >= 0);
  if (indexes.length === 0) return out;
  const block = readTabBlock(ctx.sheets.get('orders'), 'orders', minOf(indexes), maxOf(indexes));
  if (!block) return out;
  for (const i of indexes) out.set(cellText(ids[i]).trim(), recordOf(block, block.rows[i]));
  return out;
}

function agreementTable(ctx: RunContext, rec: Record<string, unknown>, due: string) {
  const cols = ctx.tab('agreements')?.def.columns ?? [];
  const shown = cols.filter((c) => !c.system && !['answer', 'hrComment', 'orderId', 'requestedBy'].includes(c.key) && !isBlank(rec[c.key]));
  const value = (v: unknown) =>
    Object.prototype.toString.call(v) === '[object Date]' ? formatDay(localDateOf(ctx.zone, (v as Date).getTime()), ctx.locale) : cellText(v);
  return table(
    [ctx.locale === 'en' ? 'Item' : 'Пункт', ctx.locale === 'en' ? 'Value' : 'Значение'],
    [...shown.map((c) => [c[ctx.locale], value(rec[c.key])]), [ctx.locale === 'en' ? 'Due' : 'Срок', due]],
  );
}

function formatDay(d: { year: number; month: number; day: number }, locale: Locale): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return locale === 'en' ? `${d.year}-${p(d.month)}-${p(d.day)}` : `${p(d.day)}.${p(d.month)}.${d.year}`;
}
