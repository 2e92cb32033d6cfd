/**
 * Thin adapter over the spreadsheet: finds tabs and columns by header text, reads a tab
 * once (getValues) and writes in batches (setValues). No rules live here.
 */
import { ColumnMap, findTab, isTextColumn, mapColumns, TabDef, TabKey, tabDef } from '../core/schema';
import { toCells } from './cells';
import { noteWritten } from '../app/guard/written';
import { notePlanTab } from '../app/plan-watch';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export interface TabData {
  def: TabDef;
  sheet: Sheet;
  header: unknown[];
  columns: ColumnMap;
  /** Data rows (below the header), as getValues gave them. */
  rows: unknown[][];
  /** Per column index: a known text column, formatted as plain text by setup. */
  plainText: boolean[];
}

function plainTextColumns(def: TabDef, columns: ColumnMap): boolean[] {
  const out: boolean[] = [];
  for (const col of def.columns) {
    const i = columns.index[col.key];
    if (i !== undefined) out[i] = isTextColumn(col);
  }
  return out;
}

/** Sheet row number of data row `i` (0-based): the header is row 1. */
export const sheetRow = (i: number): number => i + 2;

/**
 * Maps each known tab to its sheet, by name in either language, with one getSheets call;
 * `byName`: the sheets by name when the caller has them (nothing is asked).
 */
export function sheetsByTab(ss: Spreadsheet, byName?: ReadonlyMap<string, Sheet>): Map<TabKey, Sheet> {
  const out = new Map<TabKey, Sheet>();
  const named: Iterable<[string, Sheet]> = byName ?? ss.getSheets().map((sheet): [string, Sheet] => [sheet.getName(), sheet]);
  for (const [name, sheet] of named) {
    const def = findTab(name);
    if (def && !out.has(def.key)) out.set(def.key, sheet);
  }
  return out;
}

/** A tab known to hold its header alone (setup just made it): its TabData without a read. */
export function headerOnly(sheet: Sheet, key: TabKey, header: unknown[]): TabData {
  const def = tabDef(key);
  const columns = mapColumns(def, header);
  return watched({ def, sheet, header, columns, rows: [], plainText: plainTextColumns(def, columns) });
}

/*
 * The one tab reader. Every read of a tab's cells goes through these: readTab (the whole
 * tab, one call), readTabBlock (the header and one block of rows, two calls), loadRows (more
 * rows into a tab read as a block), readHeader (the header row alone, one call).
 */

/** The header row (one call; none for an empty sheet). `lastCol` when the caller has it. */
export function readHeader(sheet: Sheet, lastCol = sheet.getLastColumn()): unknown[] {
  return lastCol > 0 ? sheet.getRange(1, 1, 1, lastCol).getValues()[0] : [];
}

/** Data rows first..last (data indexes) of `width` columns, one call. */
function readRows(sheet: Sheet, first: number, last: number, width: number): unknown[][] {
  return sheet.getRange(sheetRow(first), 1, last - first + 1, width).getValues();
}

/** Reads a whole tab with one getValues call; null when the tab does not exist. */
export function readTab(sheet: Sheet | undefined, key: TabKey): TabData | null {
  if (!sheet) return null;
  const def = tabDef(key);
  // The data range is what getLastRow × getLastColumn spans, in one call instead of three.
  const values = sheet.getDataRange().getValues();
  if (values.length === 1 && values[0].every((v) => v === '' || v === null)) {
    return watched({ def, sheet, header: [], columns: mapColumns(def, []), rows: [], plainText: [] });
  }
  const header = values[0];
  const columns = mapColumns(def, header);
  return watched({ def, sheet, header, columns, rows: values.slice(1), plainText: plainTextColumns(def, columns) });
}

/** An edit's run re-plans from the Outbox and Selections rows it holds (app/plan-watch.ts). */
function watched(tab: TabData): TabData {
  notePlanTab(tab);
  return tab;
}

/**
 * Reads the header and one contiguous block of data rows (`first`..`last`, data indexes)
 * with two calls. Rows outside the block are empty placeholders: use only the block.
 * `header`: the header row this run read already (an edit's trigger reads it): not read again.
 */
export function readTabBlock(sheet: Sheet | undefined, key: TabKey, first: number, last: number, header?: unknown[]): TabData | null {
  if (!sheet) return null;
  const def = tabDef(key);
  const lastRow = sheet.getLastRow();
  const lastCol = header ? header.length : sheet.getLastColumn();
  header = header ?? readHeader(sheet, lastCol);
  const columns = mapColumns(def, header);
  const total = Math.max(lastRow - 1, 0);
  const rows: unknown[][] = new Array(total);
  for (let i = 0; i < total; i++) rows[i] = PLACEHOLDER;
  const from = Math.max(first, 0);
  const to = Math.min(last, total - 1);
  if (lastCol > 0 && to >= from) {
    const block = readRows(sheet, from, to, lastCol);
    block.forEach((row, k) => (rows[from + k] = row));
  }
  return watched({ def, sheet, header, columns, rows, plainText: plainTextColumns(def, columns) });
}

/** A row not read (outside the block): empty, never written back. */
const PLACEHOLDER: unknown[] = Object.freeze([]) as unknown as unknown[];

export function isLoaded(row: unknown[] | undefined): row is unknown[] {
  return row !== undefined && row !== PLACEHOLDER;
}

/** Rows further apart than this start a new block. */
const GAP = 50;
/** Rough cost of a getValues: a round trip, and a little per cell (workspace/latency.ts). */
const CALL_MS = 40;
const CELL_MS = 0.01;

/**
 * Reads the rows at `indexes` that are not read yet: one call over each cluster of nearby
 * rows (at most a few), so rows scattered over a long tab do not pull in everything between.
 */
export function loadRows(tab: TabData, indexes: readonly number[]): void {
  const missing = indexes.filter((i) => i >= 0 && i < tab.rows.length && !isLoaded(tab.rows[i])).sort((a, b) => a - b);
  if (missing.length === 0) return;
  let blocks: Array<[number, number]> = [];
  for (const i of missing) {
    const last = blocks[blocks.length - 1];
    if (last && i - last[1] <= GAP) last[1] = i;
    else blocks.push([i, i]);
  }
  const width = Math.max(tab.header.length, 1);
  const rowsIn = (b: Array<[number, number]>) => b.reduce((n, [a, z]) => n + z - a + 1, 0);
  const span: Array<[number, number]> = [[missing[0], missing[missing.length - 1]]];
  if (CALL_MS * blocks.length + CELL_MS * width * rowsIn(blocks) > CALL_MS + CELL_MS * width * rowsIn(span)) blocks = span;
  for (const [first, last] of blocks) {
    const block = readRows(tab.sheet, first, last, width);
    block.forEach((row, k) => {
      if (!isLoaded(tab.rows[first + k])) tab.rows[first + k] = row;
    });
  }
}

/** One column's values for every data row, with one call. */
export function readColumn(tab: TabData, key: string): unknown[] {
  const i = tab.columns.index[key];
  const n = tab.rows.length;
  if (i === undefined || n === 0) return new Array(n).fill('');
  return tab.sheet
    .getRange(2, i + 1, n, 1)
    .getValues()
    .map((r) => r[0]);
}

/** The cell of `key` in a data row, or '' when the column is missing. */
export function cell(tab: TabData, row: readonly unknown[], key: string): unknown {
  const i = tab.columns.index[key];
  return i === undefined ? '' : row[i];
}

/** Appends rows (objects keyed by column key, strings as plain text) with one setValues call. */
export function appendRows(tab: TabData, records: Array<Record<string, unknown>>): void {
  if (records.length === 0) return;
  const width = Math.max(tab.header.length, 1);
  const values = records.map((rec) => {
    const row: unknown[] = new Array(width).fill('');
    for (const [key, value] of Object.entries(rec)) {
      const i = tab.columns.index[key];
      if (i !== undefined) row[i] = value;
    }
    return row;
  });
  const start = tab.sheet.getLastRow() + 1;
  // A sheet has a fixed number of rows: grow it first, or the write is refused.
  const need = start + values.length - 1;
  const max = tab.sheet.getMaxRows();
  if (max < need) tab.sheet.insertRowsAfter(max, need - max);
  tab.sheet.getRange(start, 1, values.length, width).setValues(values.map((row) => toCells(row, tab.plainText)));
  // In memory the rows go where they went on the sheet (another run may have appended since the read).
  const first = start - 2;
  for (let k = tab.rows.length; k < first; k++) tab.rows[k] = PLACEHOLDER;
  for (let k = 0; k < values.length; k++) tab.rows[first + k] = values[k]; // no splice(...values): 100,000+ rows overflow the stack
  noteWritten(
    tab,
    values.map((_, k) => first + k),
  );
}
