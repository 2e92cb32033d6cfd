/**
 * Writing cells as the person would type them. Typing a cell fires the owner's installable
 * trigger, so the rules write the protected system columns, the Outbox and the Log, and mail
 * and events go out under the owner's account. A script run by someone else can do none of
 * that (Google refuses protected cells to it, and its "primary" calendar is the clicker's
 * own). So a UI action writes only the person's cells (rights.ts) and then:
 *  - when the run is the owner's, applies the rules at once through dispatchEdit, exactly
 *    as the installable onEdit would;
 *  - otherwise queues the edit (queue.ts) and the owner's next tick applies it through the
 *    same features (dispatch's applyEditHeld), within one trigger interval.
 */
import { findColumn } from '../../core/schema';
import { cellText } from '../../core/values';
import { RunContext } from '../../app/context';
import { dispatchEdit } from '../../app/dispatch';
import { toCell } from '../../google/cells';
import { TabData, sheetRow } from '../../google/workbook';
import { enqueue, QueuedEdit } from './queue';
import { refusals, runsAsOwner } from './rights';
import { ID_KEY, refuse, UiTab } from './rows';

/**
 * Where edits go instead of the script properties when this run is not the engine's own
 * project (the Workspace add-on: its script properties are its own, and it must never run
 * the rules itself). null: the sidebar's way (inline for the owner, else the queue).
 */
let editSink: ((entry: QueuedEdit) => void) | null = null;

export function handEditsTo(sink: ((entry: QueuedEdit) => void) | null): void {
  editSink = sink;
}

export interface Written {
  mode: 'inline' | 'queued';
  rowNumber: number;
}

/**
 * Writes `cells` (column key → value as typed: text, number, Date, boolean) into data row
 * `index` of the tab (index = rows.length appends), one setValues per run of adjacent
 * columns, then applies the rules as an edit of those cells by `user`.
 * The caller has checked the person's rights (assertMayEdit).
 */
export function writeAsPerson(
  ctx: RunContext,
  tab: TabData,
  index: number,
  cells: Record<string, unknown>,
  user: string,
  owner: string,
  label: string,
): Written {
  const cols: Array<{ key: string; col: number; value: unknown }> = [];
  for (const key of Object.keys(cells)) {
    const i = tab.columns.index[key];
    if (i === undefined) {
      const col = tab.def.columns.find((c) => c.key === key);
      refuse(ctx.locale, 'columnMissing', { tab: tab.sheet.getName(), column: col ? col[ctx.locale] : key });
    }
    cols.push({ key, col: i + 1, value: cells[key] });
  }
  cols.sort((a, b) => a.col - b.col);
  const rowNumber = sheetRow(index);
  const single = cols.length === 1;
  const oldValue = single && tab.rows[index] ? tab.rows[index][cols[0].col - 1] : undefined;
  if (index >= tab.rows.length) {
    const max = tab.sheet.getMaxRows();
    if (rowNumber > max) tab.sheet.insertRowsAfter(max, rowNumber - max);
  }
  for (const run of runsOf(cols)) {
    tab.sheet.getRange(rowNumber, run[0].col, 1, run.length).setValues([run.map((c) => toCell(c.value, tab.plainText[c.col - 1] === true))]);
  }
  // The edit as the trigger would see it: one range over the written cells when every
  // column between them is the person's too (like a paste), else one per run.
  const first = cols[0].col;
  const last = cols[cols.length - 1].col;
  const between = tab.header
    .slice(first - 1, last)
    .map((h) => findColumn(tab.def, String(h ?? ''))?.key)
    .filter((k): k is string => !!k);
  const spans =
    refusals(ctx, user, owner, tab.def.key, between).length === 0 ? [[first, last]] : runsOf(cols).map((r) => [r[0].col, r[r.length - 1].col]);
  const value = single ? editText(cols[0].value) : undefined;
  const old = single ? editText(oldValue) : undefined;
  const inline = !editSink && runsAsOwner(owner);
  const queue = editSink ?? enqueue;
  for (const [a, b] of spans) {
    const entry: QueuedEdit = {
      kind: 'edit',
      tab: tab.def.key,
      row: rowNumber,
      col: a,
      numCols: b - a + 1,
      id: idOfRow(tab, index),
      user,
      value,
      oldValue: old,
      at: ctx.now.toISOString(),
      label,
    };
    if (inline) {
      const range = tab.sheet.getRange(rowNumber, a, 1, b - a + 1);
      try {
        dispatchEdit(range, user, value, old);
      } catch (e) {
        if (!/lock/i.test(String((e as Error).message || e))) throw e;
        enqueue(entry);
        return { mode: 'queued', rowNumber };
      }
    } else queue(entry);
  }
  return { mode: inline ? 'inline' : 'queued', rowNumber };
}

function idOfRow(tab: TabData, index: number): string {
  const key = ID_KEY[tab.def.key as UiTab];
  const i = key ? tab.columns.index[key] : undefined;
  return i === undefined || !tab.rows[index] ? '' : cellText(tab.rows[index][i]);
}

/** Text of a single-cell edit as Google's event object gives it (e.value, e.oldValue). */
function editText(v: unknown): string | undefined {
  if (v === undefined || v === null || v === '') return undefined;
  if (v === true) return 'TRUE';
  if (v === false) return 'FALSE';
  return String(v);
}

function runsOf<T extends { col: number }>(cols: T[]): T[][] {
  const out: T[][] = [];
  for (const c of cols) {
    const last = out[out.length - 1];
    if (last && c.col === last[last.length - 1].col + 1) last.push(c);
    else out.push([c]);
  }
  return out;
}

/** The data index a new row gets: below the last row with content. */
export function appendIndex(tab: TabData): number {
  return Math.max(tab.sheet.getLastRow(), 1) - 1;
}
