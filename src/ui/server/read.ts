/**
 * What a window reads: never a whole big tab. A tab's header (and its size) once per run,
 * a key column when a row must be found by its ID or its order, and then only the block of
 * rows that matched (one getValues over their span). The Outbox, Orders or Calls of a busy
 * workbook cost a sidebar refresh the same few calls as an empty one.
 */
import { TabKey } from '../../core/schema';
import { cellText } from '../../core/values';
import { RunContext } from '../../app/context';
import { recordOf } from '../../google/records';
import { loadRows, readColumn, readTabBlock, TabData } from '../../google/workbook';
import { archiveSheets } from '../../google/archive';

interface Cache {
  shells: Map<TabKey, TabData | null>;
  columns: Map<string, unknown[]>;
}

const caches = new WeakMap<RunContext, Cache>();

function cache(ctx: RunContext): Cache {
  let c = caches.get(ctx);
  if (!c) caches.set(ctx, (c = { shells: new Map(), columns: new Map() }));
  return c;
}

/** The tab's header and size, rows not read yet (null when the tab is missing). */
export function shellOf(ctx: RunContext, key: TabKey): TabData | null {
  const c = cache(ctx);
  if (!c.shells.has(key)) c.shells.set(key, readTabBlock(ctx.sheets.get(key), key, 0, -1));
  return c.shells.get(key) ?? null;
}

/** One column of the tab for every row (one call, kept for the run). */
export function columnOf(ctx: RunContext, key: TabKey, column: string): unknown[] {
  const shell = shellOf(ctx, key);
  if (!shell) return [];
  const c = cache(ctx);
  const k = `${key}.${column}`;
  if (!c.columns.has(k)) c.columns.set(k, readColumn(shell, column));
  return c.columns.get(k)!;
}

/**
 * The rows whose `column` passes `test`, the last `max` of them, read: the tab (with those
 * rows loaded) and their indexes in sheet order.
 */
export function rowsWhere(
  ctx: RunContext,
  key: TabKey,
  column: string,
  test: (value: unknown) => boolean,
  max = 50,
): { tab: TabData | null; indexes: number[] } {
  const tab = shellOf(ctx, key);
  if (!tab) return { tab: null, indexes: [] };
  const values = columnOf(ctx, key, column);
  const indexes: number[] = [];
  values.forEach((v, i) => {
    if (test(v)) indexes.push(i);
  });
  const picked = indexes.slice(-max);
  loadRows(tab, picked);
  return { tab, indexes: picked };
}

/** The index of the row whose `column` holds `id` (trimmed), or -1. */
export function indexOfId(ctx: RunContext, key: TabKey, column: string, id: string): number {
  if (!id) return -1;
  return columnOf(ctx, key, column).findIndex((v) => cellText(v).trim() === id);
}

/** The last `n` rows of a tab, read with one call. */
export function lastRows(ctx: RunContext, key: TabKey, n: number): { tab: TabData | null; indexes: number[] } {
  const tab = shellOf(ctx, key);
  if (!tab) return { tab: null, indexes: [] };
  const indexes: number[] = [];
  for (let i = Math.max(0, tab.rows.length - n); i < tab.rows.length; i++) indexes.push(i);
  loadRows(tab, indexes);
  return { tab, indexes };
}

/** Records (keyed by column key) of read rows. */
export function recordsAt(tab: TabData | null, indexes: readonly number[]): Array<Record<string, unknown>> {
  return tab ? indexes.map((i) => recordOf(tab, tab.rows[i])) : [];
}

const trimmed = (v: unknown) => cellText(v).trim();

/** Orders by ID, for just these IDs. */
export function ordersById(ctx: RunContext, ids: readonly string[]): Map<string, Record<string, unknown>> {
  const wanted = new Set(ids.map((id) => id.trim()).filter(Boolean));
  const out = new Map<string, Record<string, unknown>>();
  if (wanted.size === 0) return out;
  const { tab, indexes } = rowsWhere(ctx, 'orders', 'orderId', (v) => wanted.has(trimmed(v)), wanted.size * 2);
  for (const rec of recordsAt(tab, indexes)) out.set(trimmed(rec.orderId), rec);
  return out;
}

/** The HR agreement rows of an order, in sheet order (the last one is its current agreement). */
export function agreementsOf(ctx: RunContext, orderId: string): Array<Record<string, unknown>> {
  const id = orderId.trim().toLowerCase();
  if (!id) return [];
  const { tab, indexes } = rowsWhere(ctx, 'agreements', 'orderId', (v) => trimmed(v).toLowerCase() === id, 20);
  return recordsAt(tab, indexes);
}

/** Candidates rows for these IDs (compared as the Calls rule does: trimmed, upper case). */
export function candidatesByIds(ctx: RunContext, ids: readonly string[]): Array<Record<string, unknown>> {
  const wanted = new Set(ids.map((id) => id.trim().toUpperCase()).filter(Boolean));
  if (wanted.size === 0) return [];
  const { tab, indexes } = rowsWhere(ctx, 'candidates', 'candidateId', (v) => wanted.has(trimmed(v).toUpperCase()), 500);
  return recordsAt(tab, indexes);
}

/**
 * The same lookup in a live tab's yearly archive tabs (google/archive.ts), newest year
 * first, until `max` rows are found: one key-column read per archive tab searched.
 */
export function archivedRowsWhere(
  ctx: RunContext,
  key: 'outbox' | 'log',
  column: string,
  test: (value: unknown) => boolean,
  max = 50,
): Array<{ tab: TabData; indexes: number[] }> {
  const live = ctx.sheets.get(key);
  if (!live || max <= 0) return [];
  const out: Array<{ tab: TabData; indexes: number[] }> = [];
  let left = max;
  for (const sheet of archiveSheets(ctx.ss, live.getName())) {
    const tab = readTabBlock(sheet, key, 0, -1);
    if (!tab) continue;
    const indexes: number[] = [];
    readColumn(tab, column).forEach((v, i) => {
      if (test(v)) indexes.push(i);
    });
    const picked = indexes.slice(-left);
    if (picked.length === 0) continue;
    loadRows(tab, picked);
    out.push({ tab, indexes: picked });
    left -= picked.length;
    if (left <= 0) break;
  }
  return out;
}
