/**
 * The Calls buttons: mark a call done, and the Schedule a call dialog (the types with the
 * fields each needs, the open orders and their candidates; a new Calls row written exactly
 * as a person typing it would, Start as a date-time in the spreadsheet's zone).
 */
import { findStaff } from '../../core/permissions';
import { CALL_STATUSES, CALL_TYPES, choiceLabel, findChoice, Locale, tabDef } from '../../core/schema';
import { instantAt, localDateOf } from '../../core/time';
import { cellText, isBlank } from '../../core/values';
import { RunContext } from '../../app/context';
import { checkCall } from '../../features/calls/rules/calls';
import { CallTypeKey } from '../../features/calls/rules/offsets';
import { statusOf } from '../../features/orders/rules/orders';
import { callContext, callTypeOf, requiredCallFields } from './callState';
import { ui } from './messages';
import { ActionOutcome, FormValues, outcome, refOf, reread, text, typed, withDocumentLock } from './outcome';
import { lastRows, ordersById, recordsAt, rowsWhere, shellOf } from './read';
import { assertMayEdit } from './rights';
import { locate, Refusal, refuse, RowRef } from './rows';
import { appendIndex, writeAsPerson } from './write';

export function markCallDone(ctx: RunContext, ref: RowRef | null, user: string, owner: string): ActionOutcome {
  const L = ctx.locale;
  const at = locate(ctx, ref, 'calls') ?? refuse(L, 'pickCallRow');
  const id = at.id || `#${at.rowNumber}`;
  const done = choiceLabel(
    CALL_STATUSES.find((s) => s.key === 'done')!,
    L,
  );
  assertMayEdit(ctx, user, owner, 'calls', ['status'], at.rec, { status: done });
  const status = isBlank(at.rec.status) ? CALL_STATUSES[0] : findChoice(CALL_STATUSES, cellText(at.rec.status));
  if (status && status.key !== 'scheduled') refuse(L, 'markDoneAlready', { id, status: choiceLabel(status, L) });
  const written = writeAsPerson(ctx, at.tab, at.index, { status: done }, user, owner, ui(L, 'actMarkDone'));
  return outcome(written, ui(L, 'markDoneDone', { id }), refOf(at), L);
}

export interface ScheduleForm {
  locale: Locale;
  zone: string;
  types: Array<{ key: string; label: string; required: string[] }>;
  labels: Record<string, string>;
  orders: Array<{ id: string; label: string; clientEmail: string }>;
  candidates: Array<{ id: string; name: string; orderId: string; hasEmail: boolean }>;
  defaults: { type: string; orderId: string; start: string; duration: string; managerEmail: string; clientEmail: string };
  now: string;
  allowed: boolean;
  reason: string;
}

/** The pickers' size: the newest open orders and their candidates (any other ID can still be typed). */
const MAX_ORDERS = 300;

const MAX_CANDIDATES = 2000;

const CALL_FIELDS = [
  'type',
  'orderId',
  'start',
  'duration',
  'clientEmail',
  'candidateIds',
  'hiredEmployeeEmail',
  'teamLeadEmail',
  'managerEmail',
  'status',
] as const;

function wallText(ctx: RunContext, ms: number): string {
  const w = localDateOf(ctx.zone, ms);
  const clock = new Date(ms + ctx.zone.offsetAt(ms) * 60000);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${w.year}-${p(w.month)}-${p(w.day)}T${p(clock.getUTCHours())}:${p(clock.getUTCMinutes())}`;
}

/** What the Schedule a call dialog offers: types with the fields each needs, orders, candidates. */
export function scheduleForm(ctx: RunContext, ref: RowRef | null, user: string, owner: string): ScheduleForm {
  const L = ctx.locale;
  const required = requiredCallFields();
  const def = tabDef('calls');
  const labels: Record<string, string> = {};
  for (const c of def.columns) labels[c.key] = c[L];
  let orderId = '';
  let type = 'first';
  try {
    const at = locate(ctx, ref);
    if (at && at.key === 'orders') orderId = at.id;
    if (at && at.key === 'calls') {
      orderId = cellText(at.rec.orderId);
      type = callTypeOf(at.rec) === 'first' ? 'interview' : (callTypeOf(at.rec) ?? 'first');
    }
  } catch (e) {
    if (!(e instanceof Refusal)) throw e;
  }
  // The open orders, newest last (a picker, not the whole history), and always the row's own.
  const recent = lastRows(ctx, 'orders', MAX_ORDERS + 100);
  const own = orderId ? [...ordersById(ctx, [orderId]).values()] : [];
  const open = [...own, ...recordsAt(recent.tab, recent.indexes)].filter((o, i, all) => {
    if (all.findIndex((x) => cellText(x.orderId) === cellText(o.orderId)) !== i) return false;
    if (isBlank(o.orderId)) return false;
    const status = statusOf(o);
    return cellText(o.orderId) === orderId || (status !== 'completed' && status !== 'cancelled');
  });
  const picked = open.slice(-MAX_ORDERS);
  if (own[0] && picked.indexOf(own[0]) < 0 && open.indexOf(own[0]) >= 0) picked.unshift(own[0]);
  const orders = picked.map((o) => ({
    id: cellText(o.orderId),
    label: [cellText(o.orderId), cellText(o.client), cellText(o.vacancy)].filter(Boolean).join(' · '),
    clientEmail: cellText(o.clientEmail),
  }));
  const listed = new Set(orders.map((o) => o.id));
  const cands = rowsWhere(ctx, 'candidates', 'orderId', (v) => listed.has(cellText(v).trim()), MAX_CANDIDATES);
  const candidates = recordsAt(cands.tab, cands.indexes)
    .filter((c) => !isBlank(c.candidateId))
    .map((c) => ({ id: cellText(c.candidateId), name: cellText(c.name), orderId: cellText(c.orderId), hasEmail: /@/.test(cellText(c.email)) }));
  const order = orders.find((o) => o.id === orderId);
  const nextHour = Math.ceil((ctx.now.getTime() + 60000) / 3600000) * 3600000;
  const reasons = refusalsFor(ctx, user, owner);
  const staffMember = findStaff(ctx.staff(), user);
  return {
    locale: L,
    zone: ctx.zone.id,
    types: CALL_TYPES.map((t) => ({ key: t.key, label: choiceLabel(t, L), required: required[t.key as CallTypeKey] })),
    labels,
    orders,
    candidates,
    defaults: {
      type,
      orderId,
      start: wallText(ctx, nextHour),
      duration: '30',
      managerEmail: staffMember?.managerEmail || user,
      clientEmail: order ? order.clientEmail : '',
    },
    now: wallText(ctx, ctx.now.getTime()),
    allowed: reasons.length === 0,
    reason: reasons[0] ?? '',
  };
}

function refusalsFor(ctx: RunContext, user: string, owner: string): string[] {
  try {
    assertMayEdit(ctx, user, owner, 'calls', [...CALL_FIELDS]);
    return [];
  } catch (e) {
    if (e instanceof Refusal) return e.details.length ? e.details : [e.message];
    throw e;
  }
}

/** Writes a new Calls row exactly as a person typing it would (Start as a date-time in the zone). */
export function scheduleCall(ctx: RunContext, form: FormValues, user: string, owner: string): ActionOutcome {
  const L = ctx.locale;
  const type = findChoice(CALL_TYPES, text(form.type));
  if (!type) refuse(L, 'fieldRequired', { field: tabDef('calls').columns.find((c) => c.key === 'type')![L] });
  const startText = text(form.start);
  const m = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})$/.exec(startText);
  const startLabel = tabDef('calls').columns.find((c) => c.key === 'start')![L];
  if (!m) refuse(L, 'notDateTime', { field: startLabel });
  const start = new Date(instantAt(ctx.zone, { year: +m[1], month: +m[2], day: +m[3] }, +m[4], +m[5]));
  const candidateIds = Array.isArray(form.candidateIds)
    ? (form.candidateIds as unknown[]).map(text).filter(Boolean).join(', ')
    : text(form.candidateIds);
  const cells: Record<string, unknown> = {
    type: choiceLabel(type, L),
    orderId: text(form.orderId),
    start,
    duration: typed(ctx, 'integer', form.duration),
    clientEmail: text(form.clientEmail),
    candidateIds: type.key === 'interview' || type.key === 'repeat' ? candidateIds : '',
    hiredEmployeeEmail: type.key === 'intro' ? text(form.hiredEmployeeEmail) : '',
    teamLeadEmail: type.key === 'intro' ? text(form.teamLeadEmail) : '',
    managerEmail: text(form.managerEmail),
    status: choiceLabel(CALL_STATUSES[0], L),
  };
  assertMayEdit(ctx, user, owner, 'calls', Object.keys(cells));
  const check = checkCall(cells, callContext(ctx, cells));
  const errors = check.problems.filter((p) => p.severity === 'error');
  if (errors.length)
    refuse(
      L,
      'scheduleInvalid',
      {},
      errors.map((p) => p[L]),
    );
  const calls = shellOf(ctx, 'calls') ?? refuse(L, 'columnMissing', { tab: tabDef('calls')[L], column: '' });
  const written = withDocumentLock(ctx, () => writeAsPerson(ctx, calls, appendIndex(calls), cells, user, owner, ui(L, 'actSchedule')));
  const warnings = check.problems.filter((p) => p.severity === 'warning').map((p) => p[L]);
  const ref: RowRef = { sheet: calls.sheet.getName(), row: written.rowNumber, id: '' };
  if (written.mode === 'queued') return { ...outcome(written, ui(L, 'scheduleWritten', { row: written.rowNumber }), ref, L), details: warnings };
  const after = reread(ctx, 'calls', { rowNumber: written.rowNumber, id: '' }).at;
  const id = after ? after.id : '';
  const message = id ? ui(L, 'scheduleDone', { id, row: written.rowNumber }) : ui(L, 'scheduleWritten', { row: written.rowNumber });
  return { ...outcome(written, message, { ...ref, id }, L), details: warnings };
}
