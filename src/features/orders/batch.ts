/** What the Orders and HR-agreements handlers share: the edited block, today, batched column writes. */
import { TabKey } from '../../core/schema';
import { localDateOf } from '../../core/time';
import { RunContext } from '../../app/context';
import { writeColumn } from '../../google/records';
import { TabData, readTabBlock, sheetRow } from '../../google/workbook';
import { minOf, maxOf } from '../../core/values';

/** The header and the block of rows an edit touched: what one edit reads, whatever the tab's size. */
export function editedBlock(ctx: RunContext, key: TabKey, rows: number[]): TabData | null {
  return readTabBlock(ctx.sheets.get(key), key, minOf(rows), maxOf(rows));
}

export function today(ctx: RunContext) {
  return localDateOf(ctx.zone, ctx.now.getTime());
}

/** Cell changes gathered per column, written with one setValues per column. */
export class ColumnChanges {
  private byColumn = new Map<string, Map<number, unknown>>();
  set(key: string, index: number, value: unknown): void {
    if (!this.byColumn.has(key)) this.byColumn.set(key, new Map());
    this.byColumn.get(key)!.set(index, value);
  }
  write(tab: TabData): void {
    for (const [key, values] of this.byColumn) writeColumn(tab, key, values);
  }
}

/** Sets notes of one column for some rows with one read and one write over their span. */
export function writeNotes(tab: TabData, key: string, notes: Map<number, string>): void {
  const col = tab.columns.index[key];
  if (col === undefined || notes.size === 0) return;
  const indexes = [...notes.keys()];
  const first = minOf(indexes);
  const last = maxOf(indexes);
  const range = tab.sheet.getRange(sheetRow(first), col + 1, last - first + 1, 1);
  const current = notes.size === 1 ? [['']] : range.getNotes();
  const next = current.map((r, k) => [notes.has(first + k) ? notes.get(first + k)! : r[0]]);
  if (notes.size === 1) tab.sheet.getRange(sheetRow(first), col + 1).setNote(next[0][0]);
  else range.setNotes(next);
}
