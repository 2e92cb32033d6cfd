/**
 * Rows as records keyed by column key (what src/core takes), and batched writes of
 * system columns back to the sheet. Nothing here writes a column a person owns.
 */
import { isLoaded, TabData, sheetRow } from './workbook';
import { toCell, toCells } from './cells';
import { noteWritten } from '../app/guard/written';

export type Record_ = Record<string, unknown>;

/** Every data row as a record keyed by column key (columns missing from the sheet are ''). */
export function recordsOf(tab: TabData): Record_[] {
  return tab.rows.map((row) => recordOf(tab, row));
}

export function recordOf(tab: TabData, row: readonly unknown[]): Record_ {
  const rec: Record_ = {};
  for (const col of tab.def.columns) {
    const i = tab.columns.index[col.key];
    rec[col.key] = i === undefined ? '' : row[i];
  }
  return rec;
}

/** Finds a row by the value of its ID column (rows are found by ID, never by position). */
export function findRowIndex(tab: TabData, key: string, id: string): number {
  const i = tab.columns.index[key];
  if (i === undefined || !id) return -1;
  return tab.rows.findIndex((row) => String(row[i]).trim() === id);
}

/**
 * Sets cells of one row in memory and writes them with one setValues per contiguous run
 * of columns (system columns are grouped at the right of each tab, so usually one call).
 * A row not read is left as it is.
 */
export function writeRowCells(tab: TabData, index: number, cells: Record_): void {
  const row = tab.rows[index];
  // A row this run did not read (a tab read in part) is not written over.
  if (!isLoaded(row)) return;
  const cols: number[] = [];
  for (const [key, value] of Object.entries(cells)) {
    const i = tab.columns.index[key];
    if (i === undefined) continue;
    row[i] = value;
    cols.push(i);
  }
  for (const [first, last] of runs(cols)) {
    tab.sheet
      .getRange(sheetRow(index), first + 1, 1, last - first + 1)
      .setValues([toCells(row.slice(first, last + 1), tab.plainText.slice(first, last + 1))]);
  }
  noteWritten(tab, [index]);
}

/**
 * Writes one column for many rows: the rows between the first and last changed one are
 * written in a single setValues (unchanged cells get their current values back). A row not
 * read (a tab read in part, workbook isLoaded) is never written: the span breaks around it,
 * and a change to such a row is dropped rather than written over cells nobody read.
 */
export function writeColumn(tab: TabData, key: string, changes: Map<number, unknown>): void {
  const i = tab.columns.index[key];
  if (i === undefined || changes.size === 0) return;
  const indexes = [...changes.keys()].filter((r) => isLoaded(tab.rows[r])).sort((a, b) => a - b);
  for (const r of indexes) tab.rows[r][i] = changes.get(r);
  for (const [first, last] of loadedSpans(tab, indexes)) {
    const values = tab.rows.slice(first, last + 1).map((row) => [toCell(row[i], tab.plainText[i] === true)]);
    tab.sheet.getRange(sheetRow(first), i + 1, values.length, 1).setValues(values);
    noteWritten(
      tab,
      values.map((_, k) => first + k),
      i,
    );
  }
}

/** Spans from one changed row to the next that hold only rows read (sorted `indexes`). */
function loadedSpans(tab: TabData, indexes: readonly number[]): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (const r of indexes) {
    const last = out[out.length - 1];
    let joined = !!last;
    for (let k = last ? last[1] + 1 : r; joined && k < r; k++) if (!isLoaded(tab.rows[k])) joined = false;
    if (joined) last[1] = r;
    else out.push([r, r]);
  }
  return out;
}

/** Groups column indexes into [first, last] runs of adjacent columns. */
function runs(cols: number[]): Array<[number, number]> {
  const sorted = [...new Set(cols)].sort((a, b) => a - b);
  const out: Array<[number, number]> = [];
  for (const c of sorted) {
    const last = out[out.length - 1];
    if (last && c === last[1] + 1) last[1] = c;
    else out.push([c, c]);
  }
  return out;
}
