/**
 * What happened and what is coming for a row, for the sidebar: its reminders and mail (Outbox
 * rows whose key names the row's ID, the yearly archive when the live tab has few), its last
 * Log lines (the Log is read only at its end), and the edits waiting for the owner's tick.
 */
import { OUTBOX_STATES, findChoice } from '../../core/schema';
import { isDate } from '../../core/time';
import { cellText } from '../../core/values';
import { RunContext } from '../../app/context';
import { outboxState } from '../../mail/outbox';
import { cell } from '../../google/workbook';
import { ui } from './messages';
import { queuedEdits } from './queue';
import { archivedRowsWhere, lastRows, recordsAt, rowsWhere } from './read';
import { RowAt } from './rows';
import { fmtWhen, Line } from './view';

/** Does `text` name `id` as a whole token (ORD-2026-0001 is not in ORD-2026-00011)? */
export function mentions(text: string, id: string): boolean {
  if (!id) return false;
  let from = 0;
  for (;;) {
    const i = text.indexOf(id, from);
    if (i < 0) return false;
    const before = i === 0 ? '' : text.charAt(i - 1);
    const after = text.charAt(i + id.length);
    if (!/[A-Za-z0-9]/.test(before) && !/[A-Za-z0-9]/.test(after)) return true;
    from = i + 1;
  }
}

export function remindersOf(ctx: RunContext, id: string): Line[] {
  if (!id) return [];
  const test = (v: unknown) => mentions(cellText(v), id);
  const found = rowsWhere(ctx, 'outbox', 'key', test, 40);
  const outbox = found.tab;
  if (!outbox) return [];
  // Old finished mail has moved to the yearly archive tabs: looked up there when the live tab has few.
  const blocks = [{ tab: outbox, indexes: found.indexes }];
  const pastLive = found.indexes.filter((i) => outboxState(cell(outbox, outbox.rows[i], 'state')) !== 'pending').length;
  if (pastLive < 4) blocks.push(...archivedRowsWhere(ctx, 'outbox', 'key', test, 4 - pastLive));
  const rows = blocks.flatMap((b) => b.indexes.map((i) => ({ tab: b.tab, r: b.tab.rows[i] })));
  const lines = rows.map(({ tab, r }) => {
    const outbox = tab;
    const stateText = cellText(cell(outbox, r, 'state'));
    const state = findChoice(OUTBOX_STATES, stateText)?.key ?? 'pending';
    const due = cell(outbox, r, 'due');
    return {
      sortKey: isDate(due) ? due.getTime() : 0,
      pending: state === 'pending',
      line: {
        when: fmtWhen(ctx, state === 'sent' && isDate(cell(outbox, r, 'sentAt')) ? cell(outbox, r, 'sentAt') : due),
        text: cellText(cell(outbox, r, 'subject')) || cellText(cell(outbox, r, 'template')),
        note: [cellText(cell(outbox, r, 'recipient')), cellText(cell(outbox, r, 'lastError'))].filter(Boolean).join(' · '),
        state: stateText,
      },
    };
  });
  const upcoming = lines.filter((l) => l.pending).sort((a, b) => a.sortKey - b.sortKey);
  const past = lines
    .filter((l) => !l.pending)
    .sort((a, b) => b.sortKey - a.sortKey)
    .slice(0, 4);
  return [...upcoming.slice(0, 8), ...past].map((l) => l.line);
}

/** The last Log lines about the row (the Log is read only at its end). */
export function logOf(ctx: RunContext, at: RowAt, max = 6): Line[] {
  const { tab, indexes } = lastRows(ctx, 'log', 300);
  if (!tab) return [];
  const keys = [at.id, `#${at.rowNumber}`].filter(Boolean);
  return recordsAt(tab, indexes)
    .filter((r) => keys.indexOf(cellText(r.rowKey)) >= 0)
    .slice(-max)
    .reverse()
    .map((r) => ({ when: fmtWhen(ctx, r.time), text: cellText(r.action), note: cellText(r.details), state: cellText(r.user) }));
}

export function pendingOf(ctx: RunContext, at: RowAt): string[] {
  return queuedEdits()
    .map((q) => q.entry)
    .filter(
      (e) => e.kind === 'edit' && e.tab === at.key && (at.id ? e.id === at.id || (!e.id && e.row === at.rowNumber) : e.row === at.rowNumber),
    )
    .map((e) => ui(ctx.locale, 'pendingFor', { action: e.label, at: fmtWhen(ctx, new Date(e.at)), user: e.user }));
}
