/** The Orders buttons: hand off to the Client department, ask HR for an agreement; and HR's answer to it. */
import { ANSWERS, choiceLabel, findChoice, tabDef } from '../../core/schema';
import { cellText, isBlank, Row } from '../../core/values';
import { RunContext } from '../../app/context';
import { agreementState, currentAgreement, validateAgreement } from '../../features/orders/rules/agreements';
import { agreementNeed, answerOf, decideHandOff } from '../../features/orders/rules/orders';
import { ui } from './messages';
import { ASK_HR_FIELDS } from './orderState';
import { ActionOutcome, FormValues, outcome, refOf, reread, text, typed, withDocumentLock } from './outcome';
import { agreementsOf, ordersById, shellOf } from './read';
import { assertMayEdit } from './rights';
import { locate, Refusal, refuse, RowRef } from './rows';
import { fmtWhen, today } from './view';
import { appendIndex, writeAsPerson } from './write';

export function handOff(ctx: RunContext, ref: RowRef | null, user: string, owner: string): ActionOutcome {
  const L = ctx.locale;
  const at = locate(ctx, ref, 'orders') ?? refuse(L, 'pickOrderRow');
  assertMayEdit(ctx, user, owner, 'orders', ['handOff'], at.rec);
  const id = at.id || `#${at.rowNumber}`;
  if (!isBlank(at.rec.handedOffAt)) refuse(L, 'handOffAlready', { id, at: fmtWhen(ctx, at.rec.handedOffAt) });
  const agreement = currentAgreement(at.id, agreementsOf(ctx, at.id));
  const decision = decideHandOff({ ...at.rec, handOff: true }, agreement, {
    zone: ctx.zone,
    today: today(ctx),
    staff: ctx.staff(),
    clientDepartmentEmail: ctx.settings.clientDepartmentEmail,
    locale: L,
  });
  if (decision.action === 'refuse')
    refuse(
      L,
      'handOffBlocked',
      { id },
      decision.problems.map((p) => p[L]),
    );
  const written = writeAsPerson(ctx, at.tab, at.index, { handOff: true }, user, owner, ui(L, 'actHandOff'));
  if (written.mode === 'queued') return outcome(written, ui(L, 'handOffQueued', { id }), refOf(at), L);
  const after = reread(ctx, 'orders', at).at;
  if (after && !isBlank(after.rec.handedOffAt))
    return outcome(written, ui(L, 'handOffDone', { id: after.id, at: fmtWhen(ctx, after.rec.handedOffAt) }), refOf(after), L);
  const problems = after ? cellText(after.rec.problems).split('\n').filter(Boolean) : [];
  return { ok: false, message: ui(L, 'handOffNotDone', { id }), details: problems, queued: false, ref: after ? refOf(after) : refOf(at) };
}

export function askHr(ctx: RunContext, ref: RowRef | null, form: FormValues, user: string, owner: string): ActionOutcome {
  const L = ctx.locale;
  const at = locate(ctx, ref, 'orders') ?? refuse(L, 'pickOrderRow');
  const id = at.id || `#${at.rowNumber}`;
  if (!agreementNeed(at.rec)) refuse(L, 'askHrNotIndividual', { id });
  const agreementsTab = shellOf(ctx, 'agreements') ?? refuse(L, 'columnMissing', { tab: tabDef('agreements')[L], column: '' });
  const current = currentAgreement(at.id, agreementsOf(ctx, at.id));
  if (current && answerOf(current) !== 'rejected') {
    refuse(L, 'askHrOpen', { id, agreement: cellText(current.agreementId), state: cellText(current.answer) || ui(L, 'statePending') });
  }
  const def = tabDef('agreements');
  const cells: Record<string, unknown> = { orderId: at.id, requestedBy: user };
  for (const key of ASK_HR_FIELDS) {
    const col = def.columns.find((c) => c.key === key)!;
    let value = typed(ctx, col.type, form[key]);
    if (key === 'callKind' && value) {
      const choice = findChoice(col.choices ?? [], String(value));
      value = choice ? choiceLabel(choice, L) : value;
    }
    cells[key] = value;
  }
  assertMayEdit(ctx, user, owner, 'agreements', Object.keys(cells));
  const orders = new Map<string, Row>([[at.id, at.rec]]);
  const problems = validateAgreement(cells, { zone: ctx.zone, today: today(ctx), orders, staff: ctx.staff() }).filter(
    (p) => p.severity === 'error',
  );
  if (problems.length)
    throw new Refusal(
      `${ui(L, 'refused')} ${problems[0][L]}`,
      problems.map((p) => p[L]),
    );
  const written = withDocumentLock(ctx, () =>
    writeAsPerson(ctx, agreementsTab, appendIndex(agreementsTab), cells, user, owner, ui(L, 'actAskHr')),
  );
  if (written.mode === 'queued') return outcome(written, ui(L, 'askHrWritten', { order: id, row: written.rowNumber }), refOf(at), L);
  const after = reread(ctx, 'agreements', { rowNumber: written.rowNumber, id: '' }).at;
  const agreementId = after ? after.id : '';
  return outcome(
    written,
    agreementId ? ui(L, 'askHrDone', { id: agreementId }) : ui(L, 'askHrWritten', { order: id, row: written.rowNumber }),
    refOf(at),
    L,
  );
}

export function answerHr(ctx: RunContext, ref: RowRef | null, form: FormValues, user: string, owner: string): ActionOutcome {
  const L = ctx.locale;
  const at = locate(ctx, ref, 'agreements') ?? refuse(L, 'pickRow');
  const id = at.id || `#${at.rowNumber}`;
  const choice = findChoice(ANSWERS, text(form.answer));
  if (!choice) refuse(L, 'answerNeedsChoice');
  assertMayEdit(ctx, user, owner, 'agreements', ['answer', 'hrComment'], at.rec);
  if (answerOf(at.rec) !== 'pending') refuse(L, 'answerAlready', { id, answer: cellText(at.rec.answer) });
  const cells = { answer: choiceLabel(choice, L), hrComment: text(form.hrComment) };
  const orderRows: Map<string, Row> = ordersById(ctx, [cellText(at.rec.orderId)]);
  const actx = { zone: ctx.zone, today: today(ctx), orders: orderRows, staff: ctx.staff() };
  const wouldBe = { ...at.rec, ...cells };
  if (agreementState({ ...at.rec, answer: '' }, actx) === 'incomplete') refuse(L, 'stateIncomplete');
  const problems = validateAgreement(wouldBe, actx).filter((p) => p.severity === 'error' && (p.column === 'answer' || p.column === 'hrComment'));
  if (problems.length)
    throw new Refusal(
      `${ui(L, 'refused')} ${problems[0][L]}`,
      problems.map((p) => p[L]),
    );
  const written = writeAsPerson(ctx, at.tab, at.index, cells, user, owner, `${ui(L, 'actAnswerHr')}: ${cells.answer}`);
  return outcome(written, ui(L, 'answerDone', { answer: cells.answer, id }), refOf(at), L);
}
