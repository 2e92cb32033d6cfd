/**
 * The sidebar's part for an Orders row (its hand-off checklist, agreement, calls and coming
 * selections; hand off, ask HR, schedule a call) and for an HR agreements row (HR's answer).
 */
import { REQUEST_COLUMNS } from '../../core/permissions';
import { ANSWERS, CALL_KINDS, CALL_STATUSES, CALL_TYPES, choiceLabel, findChoice, tabDef } from '../../core/schema';
import { dayNumber } from '../../core/time';
import { cellText, isBlank, isEmail, parseDateCell, Row } from '../../core/values';
import { RunContext } from '../../app/context';
import { agreementState, currentAgreement, validateAgreement } from '../../features/orders/rules/agreements';
import { Problem as OrderProblem } from '../../features/orders/rules/messages';
import {
  AGREEMENT_GATE_CODES,
  agreementNeed,
  answerOf,
  deriveStatus,
  handOffCheck,
  jobSitePostingPaid,
  REQUIRED_FOR_HAND_OFF,
  statusLabel,
  validateOrder,
} from '../../features/orders/rules/orders';
import { ui } from './messages';
import { agreementsOf, ordersById, recordsAt, rowsWhere } from './read';
import { refusals } from './rights';
import { RowAt } from './rows';
import { action, BARE, colLabel, FieldSpec, fmtWhen, SidebarState, today } from './view';

export function ordersState(ctx: RunContext, at: RowAt, state: SidebarState, user: string, owner: string): string[] {
  const rec = at.rec;
  const L = ctx.locale;
  const agreement = currentAgreement(at.id, agreementsOf(ctx, at.id));
  const day = today(ctx);
  state.title = [at.id, cellText(rec.client), cellText(rec.vacancy)].filter(Boolean).join(' · ');
  const status = isBlank(rec.status) ? statusLabel(deriveStatus(rec, { zone: ctx.zone, today: day }), L) : cellText(rec.status);
  state.status = status;
  state.statusTone = !isBlank(rec.handedOffAt) ? 'ok' : isBlank(rec.problems) ? 'neutral' : 'warn';

  const problems = handOffCheck(rec, agreement, { zone: ctx.zone, today: day, staff: ctx.staff() });
  const used = new Set<OrderProblem>();
  const keys = [...REQUIRED_FOR_HAND_OFF];
  if (jobSitePostingPaid(rec)) keys.splice(keys.indexOf('paidServices') + 1, 0, 'jobSites');
  for (const key of keys) {
    const p = problems.find((x) => x.column === key);
    if (p) used.add(p);
    state.checklist.push({ label: colLabel('orders', key, L), ok: !p, detail: p && !BARE.has(p.code) ? p[L] : '' });
  }
  const need = agreementNeed(rec);
  if (need) {
    const p = problems.find((x) => AGREEMENT_GATE_CODES.has(x.code));
    if (p) used.add(p);
    state.checklist.push({ label: ui(L, need === 'calling' ? 'labelCallingAgreementOk' : 'labelAgreementOk'), ok: !p, detail: p ? p[L] : '' });
  }
  const deptEmail = isEmail(ctx.settings.clientDepartmentEmail.trim());
  state.checklist.push({ label: ui(L, 'labelClientDeptEmail'), ok: deptEmail, detail: '' });
  const usedTexts = new Set([...used].map((p) => p[L]));
  for (const p of [...problems, ...validateOrder(rec, { zone: ctx.zone, today: day, staff: ctx.staff() })]) {
    if (!used.has(p) && !usedTexts.has(p[L]) && state.problems.indexOf(p[L]) < 0) state.problems.push(p[L]);
  }

  // Events: the order's calls and its coming selections.
  if (at.id) {
    const calls = rowsWhere(ctx, 'calls', 'orderId', (v) => cellText(v).trim() === at.id, 10);
    for (const c of recordsAt(calls.tab, calls.indexes)) {
      const type = findChoice(CALL_TYPES, cellText(c.type));
      state.events.push({
        when: fmtWhen(ctx, c.start),
        text: `${type ? choiceLabel(type, L) : cellText(c.type)} ${cellText(c.callId)}`.trim(),
        note: '',
        state: cellText(c.status) || choiceLabel(CALL_STATUSES[0], L),
      });
    }
  }
  if (at.id) {
    const selections = rowsWhere(ctx, 'selections', 'orderId', (v) => cellText(v).trim() === at.id, 60);
    const upcoming = recordsAt(selections.tab, selections.indexes)
      .filter((s) => {
        const d = parseDateCell(s.callingDate, ctx.zone);
        return d.status !== 'ok' || dayNumber(d.value) >= dayNumber(day);
      })
      .slice(0, 3);
    for (const s of upcoming) {
      state.events.push({
        when: fmtWhen(ctx, s.selectionDate),
        text: ui(L, 'labelSelection', {
          n: cellText(s.number),
          date: fmtWhen(ctx, s.selectionDate),
          calling: fmtWhen(ctx, s.callingDate),
          due: fmtWhen(ctx, s.reportDue),
        }),
        note: '',
        state: '',
      });
    }
  }

  const handOffReasons = refusals(ctx, user, owner, 'orders', ['handOff'], rec);
  const already = !isBlank(rec.handedOffAt)
    ? ui(L, 'handOffAlready', { id: at.id, at: fmtWhen(ctx, rec.handedOffAt) })
    : state.checklist.some((c) => !c.ok)
      ? ui(L, 'handOffFirst')
      : '';
  state.actions.push(action('handOff', ui(L, 'actHandOff'), handOffReasons, already));
  if (agreementNeed(rec)) {
    const answer = answerOf(agreement);
    const open =
      agreement && answer !== 'rejected'
        ? ui(L, 'askHrOpen', { id: at.id, agreement: cellText(agreement.agreementId), state: answerText(ctx, agreement) })
        : '';
    const a = action('askHr', ui(L, 'actAskHr'), refusals(ctx, user, owner, 'agreements', ['orderId', 'requestedBy']), open);
    a.fields = askHrFields(ctx, rec);
    state.actions.push(a);
  }
  state.actions.push(action('schedule', ui(L, 'actSchedule'), refusals(ctx, user, owner, 'calls', ['type', 'orderId', 'start'])));
  return [...used].map((p) => p[L]);
}

/** The agreement request fields Sales fills (Order ID and Requested by are filled for them). */
export const ASK_HR_FIELDS: readonly string[] = [...REQUEST_COLUMNS]
  .filter((k) => k !== 'orderId' && k !== 'requestedBy')
  .concat('hrSpecialist');

const REQUIRED_ASK = ['expectedResumes', 'expectedCalls', 'risks'];

function askHrFields(ctx: RunContext, order: Row): FieldSpec[] {
  const def = tabDef('agreements');
  return ASK_HR_FIELDS.map((key) => {
    const col = def.columns.find((c) => c.key === key)!;
    const type: FieldSpec['type'] =
      col.type === 'integer'
        ? 'integer'
        : col.type === 'longtext'
          ? 'longtext'
          : col.type === 'email'
            ? 'email'
            : col.type === 'date'
              ? 'date'
              : col.type === 'list'
                ? 'list'
                : 'text';
    const spec: FieldSpec = { key, label: col[ctx.locale], type, required: REQUIRED_ASK.indexOf(key) >= 0, value: '' };
    if (key === 'callKind') spec.choices = CALL_KINDS.map((c) => choiceLabel(c, ctx.locale));
    if (key === 'hrSpecialist') spec.value = cellText(order.hrSpecialist);
    return spec;
  });
}

function answerText(ctx: RunContext, agreement: Row): string {
  const answer = findChoice(ANSWERS, cellText(agreement.answer));
  if (answer) return choiceLabel(answer, ctx.locale);
  return ui(ctx.locale, 'statePending');
}

export function agreementsState(ctx: RunContext, at: RowAt, state: SidebarState, user: string, owner: string): string[] {
  const rec = at.rec;
  const L = ctx.locale;
  const orderRows: Map<string, Row> = ordersById(ctx, [cellText(rec.orderId)]);
  const actx = { zone: ctx.zone, today: today(ctx), orders: orderRows, staff: ctx.staff() };
  const order = orderRows.get(cellText(rec.orderId).trim());
  state.title = [at.id, cellText(rec.orderId), order ? cellText(order.client) : ''].filter(Boolean).join(' · ');
  const st = agreementState(rec, actx);
  state.status = st === 'agreed' || st === 'rejected' ? answerText(ctx, rec) : ui(L, st === 'pending' ? 'statePending' : 'stateIncomplete');
  state.statusTone = st === 'agreed' ? 'ok' : st === 'rejected' ? 'bad' : st === 'pending' ? 'neutral' : 'warn';
  const problems = validateAgreement(rec, actx);
  const used = new Set<OrderProblem>();
  for (const key of ['orderId', 'requestedBy', 'expectedResumes', 'expectedCalls', 'risks']) {
    const p = problems.find((x) => x.column === key && x.severity === 'error');
    if (p) used.add(p);
    state.checklist.push({ label: colLabel('agreements', key, L), ok: !p, detail: p && !BARE.has(p.code) ? p[L] : '' });
  }
  const answered = answerOf(rec) !== 'pending';
  state.checklist.push({ label: ui(L, 'labelHrAnswer'), ok: answered, detail: answered ? '' : ui(L, 'statePending') });
  for (const p of problems) if (!used.has(p) && state.problems.indexOf(p[L]) < 0) state.problems.push(p[L]);
  const blocked = answered
    ? ui(L, 'answerAlready', { id: at.id, answer: answerText(ctx, rec) })
    : st === 'incomplete'
      ? ui(L, 'stateIncomplete')
      : '';
  const a = action('answerHr', ui(L, 'actAnswerHr'), refusals(ctx, user, owner, 'agreements', ['answer', 'hrComment'], rec), blocked);
  a.fields = [
    {
      key: 'answer',
      label: colLabel('agreements', 'answer', L),
      type: 'list',
      required: true,
      choices: ANSWERS.map((c) => choiceLabel(c, L)),
      value: '',
    },
    { key: 'hrComment', label: colLabel('agreements', 'hrComment', L), type: 'longtext', required: false, value: cellText(rec.hrComment) },
  ];
  state.actions.push(a);
  return [...used].map((p) => p[L]);
}
