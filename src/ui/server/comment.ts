/** The Call comment dialog: the call type's template as a form, filled from the comment already in the row, and saved in the template's shape. */
import { CALL_TYPES, choiceLabel, Locale, tabDef } from '../../core/schema';
import { cellText } from '../../core/values';
import { findStaff } from '../../core/permissions';
import { RunContext } from '../../app/context';
import { CallCandidate, checkComment, DEFAULT_TARGET_AUDIENCE, FIRST_CALL_FIELDS, readFields } from '../../features/calls/rules/comments';
import { CallTypeKey } from '../../features/calls/rules/offsets';
import { clientFeedback, commentType } from '../../features/calls/rules/after-interview';
import { callCandidates, callTypeOf } from './callState';
import { ui } from './messages';
import { ActionOutcome, FormValues, outcome, refOf, text } from './outcome';
import { assertMayEdit } from './rights';
import { locate, Refusal, refuse, RowRef } from './rows';
import { fmtWhen } from './view';
import { writeAsPerson } from './write';

export interface CommentForm {
  locale: Locale;
  ref: RowRef | null;
  title: string;
  type: string;
  typeLabel: string;
  fields: Array<{ key: string; label: string; value: string; required: boolean; hint: string }>;
  candidates: Array<{ id: string; name: string; summary: string; feedback?: string }>;
  results: string;
  /** Interview results without the per-candidate feedback lines (forms that ask for feedback per candidate). */
  resultsOnly?: string;
  sm: string;
  messenger: string;
  notes: string;
  text: string;
  allowed: boolean;
  reason: string;
}

const RESULTS_LINE = /^(interview\s+results|результаты\s+интервью)\s*:?\s*(.*)$/i;

const SM_LINE = /^(sm|менеджер)\s*:\s*(.*)$/i;

/** The type's template as a form, filled from the comment already in the row. */
export function commentForm(ctx: RunContext, ref: RowRef | null, user: string, owner: string): CommentForm {
  const L = ctx.locale;
  const at = locate(ctx, ref, 'calls') ?? refuse(L, 'pickCallRow');
  const callType = callTypeOf(at.rec);
  // A repeat interview's form is the Interview's (seed 003); a clarifying call's is a summary.
  const type = callType && commentType(callType, at.rec);
  const typeChoice = CALL_TYPES.find((t) => t.key === callType);
  const existing = cellText(at.rec.comment);
  const candidates = callCandidates(ctx, at.rec);
  const member = findStaff(ctx.staff(), user);
  const form: CommentForm = {
    locale: L,
    ref: refOf(at),
    title: [at.id, typeChoice ? choiceLabel(typeChoice, L) : cellText(at.rec.type), fmtWhen(ctx, at.rec.start)].filter(Boolean).join(' · '),
    type: type ?? '',
    typeLabel: typeChoice ? choiceLabel(typeChoice, L) : '',
    fields: [],
    candidates: [],
    results: '',
    sm: member?.name || user,
    messenger: '',
    notes: '',
    text: existing,
    allowed: true,
    reason: '',
  };
  try {
    assertMayEdit(ctx, user, owner, 'calls', ['comment'], at.rec);
  } catch (e) {
    if (!(e instanceof Refusal)) throw e;
    form.allowed = false;
    form.reason = e.message;
  }
  if (!type) {
    form.allowed = false;
    form.reason = ui(L, 'fieldRequired', { field: tabDef('calls').columns.find((c) => c.key === 'type')![L] });
    return form;
  }
  if (type === 'first') {
    const values = readFields(existing);
    form.fields = FIRST_CALL_FIELDS.map((d) => ({
      key: d.key,
      label: L === 'ru' && d.ru[0] ? `${d.en} (${d.ru[0]})` : d.en,
      value: values.get(d.key) ?? (d.key === 'sm' ? form.sm : ''),
      required: d.key !== 'targetAudience',
      hint:
        d.key === 'targetAudience'
          ? DEFAULT_TARGET_AUDIENCE
          : d.key === 'nextContactDate'
            ? L === 'en'
              ? 'yyyy-mm-dd or “keep in touch by email”'
              : 'дд.мм.гггг или «keep in touch by email»'
            : '',
    }));
  } else if (type === 'interview') {
    const check = checkComment(type, existing, candidates);
    const said = new Map(check.interviewed.map((l) => [l.id.trim().toUpperCase(), l.summary]));
    const feedback = clientFeedback(existing, candidates);
    form.candidates = candidates.map((c) => ({
      id: c.id,
      name: c.name,
      summary: said.get(c.id.trim().toUpperCase()) ?? '',
      feedback: feedback.get(c.id.trim().toUpperCase()) ?? '',
    }));
    const lines = existing.split(/\r?\n/);
    const r = lines.findIndex((l) => RESULTS_LINE.test(l.trim()));
    if (r >= 0) {
      const rest: string[] = [RESULTS_LINE.exec(lines[r].trim())![2]];
      for (let i = r + 1; i < lines.length && !SM_LINE.test(lines[i].trim()); i++) rest.push(lines[i]);
      form.results = rest.join('\n').trim();
      form.resultsOnly = withoutFeedbackLines(form.results, candidates);
    }
    if (check.fields.sm) form.sm = check.fields.sm;
  } else if (type === 'intro') {
    const check = checkComment(type, existing, []);
    form.messenger = check.messenger ?? '';
    form.notes = existing
      .split(/\r?\n/)
      .filter((l) => !/^(messenger|мессенджер)\s*:/i.test(l.trim()))
      .join('\n')
      .trim();
  }
  return form;
}

const oneLine = (v: unknown): string => text(v).replace(/\s*[\r\n]+\s*/g, ' ');

/** The comment text of a form, in the type's template. */
export function composeComment(type: CallTypeKey, form: FormValues, candidates: readonly CallCandidate[]): string {
  if (type === 'first') {
    const fields = (form.fields ?? {}) as Record<string, unknown>;
    return FIRST_CALL_FIELDS.map(
      (d) => `${d.en}: ${oneLine(fields[d.key]) || (d.key === 'targetAudience' ? DEFAULT_TARGET_AUDIENCE : '')}`,
    ).join('\n');
  }
  if (type === 'interview') {
    const summaries = (form.summaries ?? {}) as Record<string, unknown>;
    // The client's feedback per candidate, when the form asks for it: one line each in the results (they go to Candidates).
    const feedback = form.feedback as Record<string, unknown> | undefined;
    const lines = feedback
      ? candidates.filter((c) => oneLine(feedback[c.id])).map((c) => `${c.name || c.id} (${c.id}) – ${oneLine(feedback[c.id])}`)
      : [];
    return [
      'Today we interviewed:',
      ...candidates.map((c) => `${c.name || c.id} (${c.id}) – ${oneLine(summaries[c.id])}`),
      'Interview results:',
      ...(feedback ? [withoutFeedbackLines(text(form.results), candidates), ...lines].filter(Boolean) : [text(form.results)]),
      `SM: ${oneLine(form.sm)}`,
    ].join('\n');
  }
  if (type === 'intro') {
    const notes = text(form.notes);
    return [`Messenger: ${oneLine(form.messenger)}`, ...(notes ? [notes] : [])].join('\n');
  }
  return text(form.text);
}

export function saveComment(ctx: RunContext, ref: RowRef | null, form: FormValues, user: string, owner: string): ActionOutcome {
  const L = ctx.locale;
  const at = locate(ctx, ref, 'calls') ?? refuse(L, 'pickCallRow');
  const id = at.id || `#${at.rowNumber}`;
  assertMayEdit(ctx, user, owner, 'calls', ['comment'], at.rec);
  const callType = callTypeOf(at.rec) ?? refuse(L, 'fieldRequired', { field: tabDef('calls').columns.find((c) => c.key === 'type')![L] });
  const type = commentType(callType, at.rec);
  const candidates = callCandidates(ctx, at.rec);
  const comment = composeComment(type, form, candidates);
  const errors = checkComment(type, comment, candidates).problems.filter((p) => p.severity === 'error');
  if (errors.length)
    refuse(
      L,
      'commentInvalid',
      {},
      errors.map((p) => p[L]),
    );
  const written = writeAsPerson(ctx, at.tab, at.index, { comment }, user, owner, ui(L, 'actComment'));
  return outcome(written, ui(L, 'commentDone', { id }), refOf(at), L);
}

/** Results text without its "Name (ID) – …" lines of the call's candidates (a form asks for those one by one). */
function withoutFeedbackLines(results: string, candidates: readonly CallCandidate[]): string {
  const ids = new Set(candidates.map((c) => c.id.trim().toUpperCase()));
  return results
    .split(/\r?\n/)
    .filter((l) => {
      const m = /^[\s\-–—•*·]*(?:.+?\s*\(\s*([^()]+?)\s*\)|(\S+?))\s*[-–—:]\s+\S/.exec(l);
      return !(m && ids.has((m[1] ?? m[2] ?? '').trim().toUpperCase()));
    })
    .join('\n')
    .trim();
}
