/**
 * Calendar: the call's card, on opening an event the engine made. The call is found by the
 * event's ID in the Calls tab's Event ID column (the engine writes it): the event's private
 * extended properties belong to the engine owner's copy of the event only ("private to the
 * copy of the event that appears on this calendar"), so a guest's copy never carries the
 * call ID, and the add-on's event object carries no extended properties at all.
 *
 * The form is the sidebar's comment form (ui/server/comment.ts commentForm/composeComment),
 * the checks are the Calls rules' (checkComment, checkHire) and the rights are the sheet's
 * (assertMayEdit): the card never decides anything the sheet would not.
 */
import { CALL_STATUSES, CALL_TYPES, choiceLabel, findChoice, tabDef } from '../core/schema';
import { instantAt } from '../core/time';
import { cellText, isBlank } from '../core/values';
import { isDate } from '../core/time';
import { checkComment } from '../features/calls/rules/comments';
import { checkHire } from '../features/calls/rules/hire';
import { commentType } from '../features/calls/rules/after-interview';
import { commentForm, composeComment } from '../ui/server/comment';
import { FormValues } from '../ui/server/outcome';
import { rowsWhere } from '../ui/server/read';
import { assertMayEdit, refusals } from '../ui/server/rights';
import { locate, refuse, RowAt } from '../ui/server/rows';
import { writeAsPerson } from '../ui/server/write';
import { callCandidates, callTypeOf } from '../ui/server/callState';
import { sidebarState } from '../ui/server/state';
import { fmtWhen } from '../ui/server/view';
import { ui } from '../ui/server/messages';
import { AddonRun } from './context';
import { FormInputs, stringOf, dateOf } from './inputs';
import { button, buttons, card, field, input, linkButton, messageCard, paragraph, section } from './widgets';
import { say } from './text';

type Card = GoogleAppsScript.Card_Service.Card;

/** The Calls row whose Event ID is `eventId` (one column read, then the row). */
export function callByEvent(run: AddonRun, eventId: string): RowAt | null {
  const id = eventId.trim();
  if (!id) return null;
  const { tab, indexes } = rowsWhere(run.ctx, 'calls', 'eventId', (v) => cellText(v).trim() === id, 1);
  if (!tab || !indexes.length) return null;
  return locate(run.ctx, { sheet: tab.sheet.getName(), row: indexes[0] + 2, id: '' }, 'calls');
}

export function callById(run: AddonRun, callId: string): RowAt | null {
  const calls = run.ctx.sheets.get('calls');
  return calls ? locate(run.ctx, { sheet: calls.getName(), row: 0, id: callId }, 'calls') : null;
}

const col = (key: string, L: 'ru' | 'en') => tabDef('calls').columns.find((c) => c.key === key)![L];

export function callCard(run: AddonRun, at: RowAt, meetLink = ''): Card {
  const { ctx } = run;
  const L = ctx.locale;
  const rec = at.rec;
  const type = callTypeOf(rec);
  const typeChoice = CALL_TYPES.find((t) => t.key === type);
  const status = isBlank(rec.status) ? CALL_STATUSES[0] : findChoice(CALL_STATUSES, cellText(rec.status));
  const ref = { sheet: at.tab.sheet.getName(), row: at.rowNumber, id: at.id };
  const state = sidebarState(ctx, ref, run.user, run.owner);
  const orders = rowsWhere(ctx, 'orders', 'orderId', (v) => cellText(v).trim() === cellText(rec.orderId).trim(), 1);
  const order = orders.tab && orders.indexes.length ? orders.tab.rows[orders.indexes[0]] : null;
  const client = order && orders.tab ? cellText(order[orders.tab.columns.index.client]) : '';
  const link = meetLink || cellText(rec.meetingLink);
  const about = section(say(L, 'secCall'), [
    field(say(L, 'lType'), typeChoice ? choiceLabel(typeChoice, L) : cellText(rec.type)),
    field(say(L, 'lTime'), fmtWhen(ctx, rec.start), rec.duration ? `${cellText(rec.duration)} ${L === 'en' ? 'min' : 'мин'}` : ''),
    field(say(L, 'lOrder'), cellText(rec.orderId)),
    field(say(L, 'lClient'), [client, cellText(rec.clientEmail)].filter(Boolean).join(' · ')),
    field(say(L, 'lStatus'), status ? choiceLabel(status, L) : cellText(rec.status)),
  ]);
  if (/^https:\/\/meet\.google\.com\//.test(link)) about.addWidget(buttons(linkButton(say(L, 'bOpenMeet'), link)));
  const sections = [about];
  const candidates = callCandidates(ctx, rec);
  if (type === 'interview' || type === 'repeat') {
    sections.push(
      section(
        say(L, 'secCandidates'),
        candidates.length ? candidates.map((c) => field(c.id, c.name || '—', candidateNeeds(run, c.id))) : [paragraph(say(L, 'lNoCandidates'))],
      ),
    );
  }
  const checklist = state.checklist.map((c) => `${c.ok ? '✓' : '✗'} ${c.label}${c.detail ? ` — ${c.detail}` : ''}`);
  const problems = state.problems.map((p) => `! ${p}`);
  sections.push(section(say(L, 'secChecklist'), [paragraph([...checklist, ...problems].join('\n') || say(L, 'allThere'))]));
  sections.push(...commentSections(run, at));
  return card(
    `${say(L, 'callCard')} ${at.id}`,
    [typeChoice ? choiceLabel(typeChoice, L) : '', fmtWhen(ctx, rec.start)].filter(Boolean).join(' · '),
    sections,
  );
}

/** What a candidate of the call lacks for the reminders (an e-mail, a time zone). */
function candidateNeeds(run: AddonRun, id: string): string {
  const L = run.ctx.locale;
  const { tab, indexes } = rowsWhere(
    run.ctx,
    'candidates',
    'candidateId',
    (v) => cellText(v).trim().toUpperCase() === id.trim().toUpperCase(),
    1,
  );
  if (!tab || !indexes.length) return '';
  const row = tab.rows[indexes[0]];
  const get = (k: string) => (tab.columns.index[k] === undefined ? '' : cellText(row[tab.columns.index[k]]));
  const needs = [!/@/.test(get('email')) ? say(L, 'needsEmail') : '', get('status')].filter(Boolean);
  return needs.join(' · ');
}

function commentSections(run: AddonRun, at: RowAt): GoogleAppsScript.Card_Service.CardSection[] {
  const { ctx } = run;
  const L = ctx.locale;
  const ref = { sheet: at.tab.sheet.getName(), row: at.rowNumber, id: at.id };
  const form = commentForm(ctx, ref, run.user, run.owner);
  const done = cellText(at.rec.status) && findChoice(CALL_STATUSES, cellText(at.rec.status))?.key !== 'scheduled';
  // View only: the person may still try Done; the sheet's rules answer (e.g. HR on a Sales call).
  const markOnly = done ? [] : [buttons(button(say(L, 'bMarkDone'), 'addonMarkCallDone', { callId: at.id }))];
  if (!form.allowed)
    return [
      section(say(L, 'secComment'), [
        paragraph(say(L, 'readOnly', { reason: form.reason })),
        ...(form.text ? [paragraph(form.text)] : []),
        ...markOnly,
      ]),
    ];
  const widgets: GoogleAppsScript.Card_Service.Widget[] = [];
  if (form.type === 'first') for (const f of form.fields) widgets.push(input(`f_${f.key}`, f.label + (f.required ? ' *' : ''), f.value));
  else if (form.type === 'interview') {
    for (const c of form.candidates) widgets.push(input(`s_${c.id}`, `${c.name || c.id} (${c.id})`, c.summary, true));
    widgets.push(input('results', say(L, 'lResults'), form.resultsOnly ?? form.results, true));
    // The client's feedback on each candidate (seed 003): a line each in the results, and on Candidates.
    for (const c of form.candidates)
      widgets.push(input(`fb_${c.id}`, `${say(L, 'lFeedback')}: ${c.name || c.id} (${c.id})`, c.feedback ?? '', true));
    widgets.push(input('sm', say(L, 'lSm'), form.sm));
  } else if (form.type === 'intro')
    widgets.push(input('messenger', say(L, 'lMessenger'), form.messenger), input('notes', say(L, 'lNotes'), form.notes, true));
  else widgets.push(input('text', say(L, 'lText'), form.text, true));
  const sections = [section(say(L, 'secComment'), widgets)];
  if (form.type === 'interview') sections.push(outcomeSection(run, at));
  const params = { callId: at.id };
  const save = button(say(L, 'bSave'), 'addonSaveCall', params);
  sections.push(section('', [done ? buttons(save) : buttons(save, button(say(L, 'bSaveDone'), 'addonMarkCallDone', params, true))]));
  return sections;
}

function outcomeSection(run: AddonRun, at: RowAt): GoogleAppsScript.Card_Service.CardSection {
  const L = run.ctx.locale;
  const rec = at.rec;
  const hired = CardService.newSelectionInput()
    .setType(CardService.SelectionInputType.CHECK_BOX)
    .setFieldName('hired')
    .setTitle(col('hired', L))
    .addItem(say(L, 'lHired'), 'yes', rec.hired === true);
  const who = CardService.newSelectionInput()
    .setType(CardService.SelectionInputType.DROPDOWN)
    .setFieldName('hiredCandidateId')
    .setTitle(say(L, 'lHiredCandidate'));
  const current = cellText(rec.hiredCandidateId).trim();
  who.addItem('—', '', !current);
  for (const c of callCandidates(run.ctx, rec)) who.addItem(`${c.name || c.id} (${c.id})`, c.id, c.id === current);
  const start = CardService.newDatePicker().setFieldName('hireStartDate').setTitle(col('hireStartDate', L));
  if (isDate(rec.hireStartDate)) {
    const w = run.ctx.zone.offsetAt(rec.hireStartDate.getTime());
    start.setValueInMsSinceEpoch(rec.hireStartDate.getTime() + w * 60000);
  }
  const price = CardService.newTextInput()
    .setFieldName('price')
    .setTitle(col('price', L))
    .setValidation(CardService.newValidation().setInputType(CardService.InputType.FLOAT));
  if (!isBlank(rec.price)) price.setValue(cellText(rec.price));
  return section(say(L, 'secOutcome'), [
    hired,
    who,
    start,
    price,
    input('contractLink', col('contractLink', L), cellText(rec.contractLink)),
    input('clientAskedFor', col('clientAskedFor', L), cellText(rec.clientAskedFor), true),
  ]);
}

/** The comment form's values as ui/server/comment.ts composeComment takes them. */
function formOf(inputs: FormInputs): FormValues {
  const fields: Record<string, string> = {};
  const summaries: Record<string, string> = {};
  const feedback: Record<string, string> = {};
  for (const name of Object.keys(inputs)) {
    if (name.indexOf('f_') === 0) fields[name.slice(2)] = stringOf(inputs, name);
    if (name.indexOf('s_') === 0) summaries[name.slice(2)] = stringOf(inputs, name);
    if (name.indexOf('fb_') === 0) feedback[name.slice(3)] = stringOf(inputs, name);
  }
  return {
    fields,
    summaries,
    ...(Object.keys(feedback).length ? { feedback } : {}),
    results: stringOf(inputs, 'results'),
    sm: stringOf(inputs, 'sm'),
    messenger: stringOf(inputs, 'messenger'),
    notes: stringOf(inputs, 'notes'),
    text: stringOf(inputs, 'text'),
  };
}

export interface Saved {
  message: string;
  queued: boolean;
}

/**
 * Writes the comment (and the Interview outcome, and Done) as the person would type them.
 * Refusals are the sheet's: the department rules (assertMayEdit, e.g. HR marking a Sales
 * call done), a Done call's comment that does not fit the template, an incomplete hire.
 */
export function saveCall(run: AddonRun, callId: string, inputs: FormInputs, markDone: boolean): Saved {
  const { ctx } = run;
  const L = ctx.locale;
  const at = callById(run, callId) ?? refuse(L, 'pickCallRow');
  const callType = callTypeOf(at.rec) ?? refuse(L, 'fieldRequired', { field: col('type', L) });
  // A repeat interview is saved as an Interview (seed 003); a clarifying call as a summary.
  const type = commentType(callType, at.rec);
  const candidates = callCandidates(ctx, at.rec);
  // A person who may not write the comment (a view-only card) can only ask for Done.
  const mayComment = refusals(ctx, run.user, run.owner, 'calls', ['comment'], at.rec).length === 0;
  const cells: Record<string, unknown> = mayComment ? { comment: composeComment(type, formOf(inputs), candidates) } : {};
  if (type === 'interview' && mayComment) {
    const hired = (inputs.hired?.stringInputs?.value ?? []).indexOf('yes') >= 0;
    const date = dateOf(inputs, 'hireStartDate');
    const priceText = stringOf(inputs, 'price').replace(',', '.');
    cells.hired = hired;
    cells.hiredCandidateId = stringOf(inputs, 'hiredCandidateId');
    cells.hireStartDate = date ? new Date(instantAt(ctx.zone, date)) : '';
    cells.price = priceText && isFinite(Number(priceText)) ? Number(priceText) : priceText;
    cells.contractLink = stringOf(inputs, 'contractLink');
    cells.clientAskedFor = stringOf(inputs, 'clientAskedFor');
  }
  const done = choiceLabel(
    CALL_STATUSES.find((s) => s.key === 'done')!,
    L,
  );
  if (markDone) {
    const status = isBlank(at.rec.status) ? CALL_STATUSES[0] : findChoice(CALL_STATUSES, cellText(at.rec.status));
    if (status && status.key !== 'scheduled') refuse(L, 'markDoneAlready', { id: at.id, status: choiceLabel(status, L) });
    cells.status = done;
  }
  // Only what changed is typed (an unchanged outcome is not the person's edit).
  for (const key of Object.keys(cells)) if (key !== 'status' && same(cells[key], at.rec[key])) delete cells[key];
  if (!Object.keys(cells).length) return { message: say(L, 'nothingToSave'), queued: false };
  assertMayEdit(ctx, run.user, run.owner, 'calls', Object.keys(cells), at.rec, cells);
  const after = { ...at.rec, ...cells };
  if (markDone) {
    const errors = checkComment(type, after.comment, candidates).problems.filter((p) => p.severity === 'error');
    if (errors.length)
      refuse(
        L,
        'commentInvalid',
        {},
        errors.map((p) => p[L]),
      );
  }
  const hire = checkHire(after, candidates);
  if (hire.problems.length)
    refuse(
      L,
      'commentInvalid',
      {},
      hire.problems.map((p) => p[L]),
    );
  const written = writeAsPerson(ctx, at.tab, at.index, cells, run.user, run.owner, markDone ? ui(L, 'actMarkDone') : ui(L, 'actComment'));
  const queued = written.mode === 'queued';
  return { message: say(L, queued ? 'savedQueued' : 'saved', { id: at.id }), queued };
}

function same(a: unknown, b: unknown): boolean {
  if (isDate(a) || isDate(b)) return isDate(a) && isDate(b) && a.getTime() === b.getTime();
  if (typeof a === 'boolean' || typeof b === 'boolean') return (a === true) === (b === true);
  return cellText(a).trim() === cellText(b).trim();
}

/** Why the person could not save here at all (a view-only card says it). */
export function callRefusals(run: AddonRun, at: RowAt): string[] {
  return refusals(run.ctx, run.user, run.owner, 'calls', ['comment'], at.rec);
}

export function noCallCard(run: AddonRun | null): Card {
  const L = run ? run.ctx.locale : 'ru';
  return messageCard(say(L, 'appName'), say(L, 'noCall'));
}
