/**
 * The after-call steps in the sidebar (seed 003; features/calls/after-first-call.ts does the
 * work): the call's "After-call steps" cell as checklist items, and the two actions on the
 * "what we agreed" e-mail while it waits in the Outbox — Edit (the manager's "Agreed e-mail"
 * cell, sent as it is when the delay is over) and Cancel (clears the cell; the rules on that
 * edit cancel the Outbox row). Both write only the person's own cell, as the person, so the
 * same rules run as for a typed edit.
 */
import { agreedKey } from '../../features/calls/rules/after-first-call';
import { Locale } from '../../core/schema';
import { cellText, Row } from '../../core/values';
import { RunContext } from '../../app/context';
import { outboxState } from '../../mail/outbox';
import { cell } from '../../google/workbook';
import { rowsWhere } from './read';
import { ui } from './messages';
import { locate, refuse, RowAt, RowRef } from './rows';
import { assertMayEdit, refusals } from './rights';
import { writeAsPerson } from './write';
import type { ActionSpec, CheckItem } from './view';

/** "✓ label" / "☐ label: what is needed" lines of the cell as checklist items. */
export function afterCallChecklist(rec: Row): CheckItem[] {
  const out: CheckItem[] = [];
  for (const line of cellText(rec.afterCallSteps).split('\n')) {
    const m = /^([✓☐])\s*(.*)$/.exec(line.trim());
    if (!m) continue;
    const ok = m[1] === '✓';
    const cut = ok ? -1 : m[2].indexOf(': ');
    out.push({ label: cut < 0 ? m[2] : m[2].slice(0, cut), ok, detail: cut < 0 ? '' : m[2].slice(cut + 2) });
  }
  return out;
}

/** Is the call's agreed e-mail still waiting in the Outbox (Pending)? One column read. */
function agreedPending(ctx: RunContext, callId: string): boolean {
  if (!callId) return false;
  const key = agreedKey(callId);
  const found = rowsWhere(ctx, 'outbox', 'key', (v) => cellText(v) === key, 1);
  const tab = found.tab;
  return !!tab && found.indexes.some((i) => outboxState(cell(tab, tab.rows[i], 'state')) === 'pending');
}

/** The Edit and Cancel actions of a waiting agreed e-mail (none once it went or was cancelled). */
export function agreedActions(ctx: RunContext, at: RowAt, user: string, owner: string): ActionSpec[] {
  if (!agreedPending(ctx, at.id)) return [];
  const L = ctx.locale;
  const reasons = refusals(ctx, user, owner, 'calls', ['agreedMail'], at.rec);
  const field = {
    key: 'agreedMail',
    label: ui(L, 'labelAgreedMail'),
    type: 'longtext' as const,
    required: true,
    value: cellText(at.rec.agreedMail),
  };
  return [
    { id: 'agreedEdit', label: ui(L, 'actAgreedEdit'), allowed: !reasons[0], reason: reasons[0] ?? '', fields: [field] },
    { id: 'agreedCancel', label: ui(L, 'actAgreedCancel'), allowed: !reasons[0], reason: reasons[0] ?? '' },
  ];
}

export interface AgreedOutcome {
  message: string;
  queued: boolean;
  ref: RowRef;
}

/** Writes the manager's new text (or '' to cancel) into "Agreed e-mail", as the person. */
export function setAgreedMail(ctx: RunContext, ref: RowRef | null, text: string | null, user: string, owner: string): AgreedOutcome {
  const L: Locale = ctx.locale;
  const at = locate(ctx, ref, 'calls') ?? refuse(L, 'pickCallRow');
  const id = at.id || `#${at.rowNumber}`;
  if (!agreedPending(ctx, at.id)) refuse(L, 'agreedNotPending', { id });
  const value = text === null ? '' : text.trim();
  if (text !== null && !value) refuse(L, 'agreedEmpty');
  assertMayEdit(ctx, user, owner, 'calls', ['agreedMail'], at.rec, { agreedMail: value });
  const written = writeAsPerson(
    ctx,
    at.tab,
    at.index,
    { agreedMail: value },
    user,
    owner,
    ui(L, text === null ? 'actAgreedCancel' : 'actAgreedEdit'),
  );
  const message = ui(L, text === null ? 'agreedCancelled' : 'agreedSaved', { id });
  return { message, queued: written.mode === 'queued', ref: { sheet: at.tab.sheet.getName(), row: at.rowNumber, id: at.id } };
}
