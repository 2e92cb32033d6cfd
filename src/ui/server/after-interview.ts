/**
 * The sidebar's checklist of a Done Interview (or repeat interview): the after-interview steps
 * of seed 003 (features/calls/rules/after-interview.ts), from the same rule the Calls feature
 * applies. Reads only the call's candidates, its order, the order's calls and the two
 * Outbox rows the steps name.
 */
import { candidateIndex, normId, orderIndex, splitIds } from '../../features/calls/rules/indexes';
import { checkComment } from '../../features/calls/rules/comments';
import { checkHire } from '../../features/calls/rules/hire';
import {
  afterInterviewSteps,
  callRowOf,
  clientFeedback,
  commentType,
  isInterviewLike,
  MailState,
} from '../../features/calls/rules/after-interview';
import { askedKey, contractKey } from '../../features/calls/after-interview';
import { CallTypeKey } from '../../features/calls/rules/offsets';
import { hasErrors } from '../../core/i18n';
import { cellText, Row } from '../../core/values';
import { RunContext } from '../../app/context';
import { outboxState } from '../../mail/outbox';
import { cell } from '../../google/workbook';
import { candidatesByIds, ordersById, recordsAt, rowsWhere } from './read';
import type { CheckItem } from './view';

export function afterInterviewChecklist(ctx: RunContext, rec: Row, type: CallTypeKey | undefined): CheckItem[] {
  const row = callRowOf(rec);
  if (row.status !== 'done' || !type || !isInterviewLike(type, rec)) return [];
  const index = candidateIndex(candidatesByIds(ctx, splitIds(rec.candidateIds)));
  const candidates = splitIds(rec.candidateIds).map((id) => index.get(normId(id)) ?? { id, name: '', email: '' });
  const commentOk = !hasErrors(checkComment(commentType(type, rec), rec.comment, candidates).problems);
  const hire = rec.hired === true ? checkHire(rec, candidates).hire : null;
  const hired = hire ? (index.get(normId(hire.candidateId)) ?? { id: hire.candidateId, name: '', email: '' }) : null;
  const order = orderIndex([...ordersById(ctx, [row.orderId]).values()]).get(row.orderId);
  const askedFor = cellText(rec.clientAskedFor).trim();
  const keys = [askedFor ? askedKey(row.callId, askedFor) : '', hired ? contractKey(row.callId, hired.id) : ''].filter(Boolean);
  const states = mailStates(ctx, keys);
  const sameOrder = row.orderId ? rowsWhere(ctx, 'calls', 'orderId', (v) => cellText(v).trim() === row.orderId, 200) : null;
  const steps = afterInterviewSteps({
    call: row,
    candidates,
    commentOk,
    feedback: clientFeedback(rec.comment, candidates),
    hiredTicked: rec.hired === true,
    hired,
    askedFor,
    clientEmail: cellText(rec.clientEmail).trim() || order?.contacts[0] || '',
    askedMail: askedFor ? (states.get(askedKey(row.callId, askedFor)) ?? 'none') : 'none',
    contractMail: hired ? (states.get(contractKey(row.callId, hired.id)) ?? 'none') : 'none',
    calls: sameOrder ? recordsAt(sameOrder.tab, sameOrder.indexes).map(callRowOf) : [row],
  });
  return steps.map((s) => ({ label: s.label[ctx.locale], ok: s.ok, detail: s.problem ? s.problem[ctx.locale] : '' }));
}

function mailStates(ctx: RunContext, keys: string[]): Map<string, MailState> {
  const out = new Map<string, MailState>();
  if (!keys.length) return out;
  const { tab, indexes } = rowsWhere(ctx, 'outbox', 'key', (v) => keys.indexOf(cellText(v)) >= 0, 10);
  if (tab) for (const i of indexes) out.set(cellText(cell(tab, tab.rows[i], 'key')), outboxState(cell(tab, tab.rows[i], 'state')) as MailState);
  return out;
}
