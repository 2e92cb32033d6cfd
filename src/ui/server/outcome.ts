/**
 * What every button and dialog shares: the answer it gives the page, the row read again
 * after the rules ran, form values as a person would have typed them, and the document lock
 * that keeps two windows from appending the same row.
 *
 * Each action checks on the server what the person may do (department rules, the row's
 * state, the same core checks the rules apply) and then writes the cells the person would
 * have typed (write.ts), so the rules run as on an edit. No action writes a system column,
 * the Outbox or the Log.
 */
import { Locale } from '../../core/schema';
import { instantAt } from '../../core/time';
import { withLock } from '../../app/lock';
import { openContext, RunContext } from '../../app/context';
import { ui } from './messages';
import { locate, refuse, RowAt, RowRef, UiTab } from './rows';
import { Written } from './write';

export interface ActionOutcome {
  ok: boolean;
  message: string;
  details: string[];
  queued: boolean;
  /** The row to show afterwards (a new row's reference after scheduling). */
  ref: RowRef | null;
}

/** The row again after the rules ran (a fresh read: the rules wrote through their own reads). */
export function reread(ctx: RunContext, key: UiTab, at: { rowNumber: number; id: string }): { ctx: RunContext; at: RowAt | null } {
  const fresh = openContext(ctx.ss, ctx.now);
  const found = locate(fresh, { sheet: ctx.sheets.get(key)!.getName(), row: at.rowNumber, id: at.id }, key);
  return { ctx: fresh, at: found };
}

export function outcome(written: Written, message: string, ref: RowRef | null, locale: Locale): ActionOutcome {
  if (written.mode === 'queued') return { ok: true, message: `${message} ${ui(locale, 'queued')}`.trim(), details: [], queued: true, ref };
  return { ok: true, message, details: [], queued: false, ref };
}

export function refOf(at: RowAt): RowRef {
  return { sheet: at.tab.sheet.getName(), row: at.rowNumber, id: at.id };
}

export type FormValues = Record<string, unknown>;

export const text = (v: unknown): string => (v === null || v === undefined ? '' : String(v)).trim();

/** A value as typed into a form field of this column type (what Sheets would store). */
export function typed(ctx: RunContext, type: string, raw: unknown): unknown {
  const t = text(raw);
  if (!t) return '';
  if ((type === 'integer' || type === 'number') && /^\d+$/.test(t)) return Number(t);
  if (type === 'date') {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t);
    if (m) return new Date(instantAt(ctx.zone, { year: +m[1], month: +m[2], day: +m[3] }));
  }
  return t;
}

export function withDocumentLock<T>(ctx: RunContext, work: () => T): T {
  return withLock('document', 10000, work, () => refuse(ctx.locale, 'busy'));
}
