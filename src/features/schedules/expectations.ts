/**
 * HR's agreed expectations of a calling-service order against what Calling results and the
 * Calls tab record (orders/rules/expectations.ts): an internal e-mail to the sales manager
 * beside each calling report (Outbox key expectations|order|No.), and a digest line while
 * the order is behind. The client's report never carries them: they are HR's estimates and
 * the company's risks, meant for staff only.
 */
import { callingServiceSold } from '../orders/rules/orders';
import {
  agreedExpectations,
  compareExpectations,
  ExpectationKey,
  ExpectationLine,
  expectationSummary,
  recordedCalling,
} from '../orders/rules/expectations';
import { CALL_STATUSES, CALL_TYPES } from '../../core/schema';
import { routeTo } from '../../core/permissions';
import { table } from '../../core/templates';
import { cellText, isBlank, parseChoiceCell, parseDateTimeCell, parseEmailCell, Row } from '../../core/values';
import { recordOf } from '../../google/records';
import type { DigestItem } from './daily';
import type { MailItem } from '../../mail/mailer';
import { normId, Scheduler } from './env';
import type { CallingResult } from './report';
import type { SelectionRow } from './rows';
import { formatDay, say, TextKey } from './rules/messages';

const WORD: Record<ExpectationKey, TextKey> = { resumes: 'expResumes', calls: 'expCalls', agreeing: 'expAgreeing', coming: 'expComing' };

export function expectationsKey(orderId: string, number: number): string {
  return `expectations|${orderId}|${number}`;
}

/** Candidate IDs that came to a Done Interview or Repeat call, by order (the Calls tab read once per run). */
function cameByOrder(s: Scheduler): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  const calls = s.ctx.tab('calls');
  if (!calls) return out;
  for (const row of calls.rows) {
    const rec = recordOf(calls, row);
    const type = parseChoiceCell(rec.type, CALL_TYPES);
    const status = parseChoiceCell(rec.status, CALL_STATUSES);
    if (type.status !== 'ok' || (type.value.key !== 'interview' && type.value.key !== 'repeat')) continue;
    if (status.status !== 'ok' || status.value.key !== 'done') continue;
    const id = normId(rec.orderId);
    const set = out.get(id) ?? new Set<string>();
    for (const c of cellText(rec.candidateIds).split(/[,;\s]+/)) if (c) set.add(c.toUpperCase());
    out.set(id, set);
  }
  return out;
}

export interface OrderExpectations {
  order: Row;
  agreement: Row;
  lines: ExpectationLine[];
  reported: number;
  planned: number;
}

/** Lazily computes each order's comparison in a run (Calls read once, when first needed). */
export class ExpectationsBook {
  private came: Map<string, Set<string>> | undefined;
  constructor(
    private readonly s: Scheduler,
    private readonly results: Map<string, CallingResult[]>,
  ) {}

  of(orderId: string, extraReported = 0): OrderExpectations | undefined {
    const s = this.s;
    const id = normId(orderId);
    const order = s.orders.get(id)?.rec;
    if (!order || !callingServiceSold(order)) return undefined;
    const list = s.agreementsOf(orderId);
    const agreement = list[list.length - 1];
    const expected = agreedExpectations(agreement);
    if (!expected || Object.keys(expected).length === 0) return undefined;
    this.came ??= cameByOrder(s);
    const rows = s.rows.get(id) ?? [];
    const reported = Math.min(rows.length, rows.filter((r) => r.reportSent).length + extraReported);
    const recorded = recordedCalling(this.results.get(id) ?? [], this.came.get(id) ?? []);
    return { order, agreement, lines: compareExpectations(expected, recorded, reported, rows.length), reported, planned: rows.length };
  }
}

/** The internal comparison mail to the sales manager after selection `row`'s report went out. */
export function expectationsMail(s: Scheduler, row: SelectionRow, e: OrderExpectations): MailItem | undefined {
  const sales = parseEmailCell(e.order.salesManager);
  if (sales.status !== 'ok') return undefined;
  const L = s.ctx.locale;
  const cell = (n: number | undefined) => (n === undefined ? say(L, 'notEstimated') : String(n));
  const comparison = table(
    [say(L, 'colItem'), say(L, 'colExpected'), say(L, 'colDueSoFar'), say(L, 'colRecorded'), say(L, 'colBehind')],
    e.lines.map((l) => [say(L, WORD[l.key]), cell(l.expected), cell(l.dueSoFar), String(l.recorded), say(L, l.behind ? 'yes' : 'no')]),
  );
  return {
    key: expectationsKey(row.orderId, row.number),
    to: [routeTo(s.ctx.staff(), sales.value, s.today).to],
    template: 'report.expectations',
    language: L,
    values: {
      client: cellText(e.order.client),
      orderId: row.orderId,
      callingDate: row.callingDate ? formatDay(row.callingDate, L) : '—',
      number: row.number,
      planned: e.planned,
      comparison,
      risks: cellText(e.agreement.risks) || '—',
      agreementId: cellText(e.agreement.agreementId),
    },
  };
}

/** Digest lines: handed-off calling-service orders whose calling is behind what HR agreed. */
export function expectationDigestItems(s: Scheduler, book: ExpectationsBook): DigestItem[] {
  const items: DigestItem[] = [];
  const words = { resumes: '', calls: '', agreeing: '', coming: '' } as Record<ExpectationKey, string>;
  for (const k of Object.keys(WORD) as ExpectationKey[]) words[k] = say(s.ctx.locale, WORD[k]);
  for (const { rec } of s.orders.values()) {
    if (isBlank(rec.handedOffAt) || parseDateTimeCell(rec.handedOffAt).status !== 'ok') continue;
    const e = book.of(cellText(rec.orderId));
    if (!e || !e.lines.some((l) => l.behind)) continue;
    items.push({
      kind: 'kindExpectations',
      orderId: cellText(rec.orderId),
      responsible: cellText(rec.salesManager),
      fallback: 'management',
      dueDay: s.today,
      overdue: false,
      details: expectationSummary(e.lines, words),
    });
  }
  return items;
}
