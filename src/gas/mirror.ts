/**
 * A hidden, protected copy of a tab's values ("_Orders", "_HR agreements"), so an edit
 * the rules refuse can be undone even for a multi-cell paste, where Google's event
 * object carries no old values. One read of the edited rows and one write back per
 * edit; the mirror is re-copied whole when rows were inserted, deleted or sorted (its ID
 * column no longer lines up with the tab's).
 */
import { TabData, sheetRow } from './workbook';
import { toCells } from './cells';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export function mirrorName(tab: TabData): string {
  return `_${tab.sheet.getName()}`;
}

export function ensureMirror(ss: Spreadsheet, tab: TabData): Sheet {
  const name = mirrorName(tab);
  let sheet = ss.getSheetByName(name);
  if (!sheet) {
    sheet = ss.insertSheet(name);
    sheet.hideSheet();
    const p = sheet.protect().setDescription('Reglament: mirror (system)');
    const me = Session.getEffectiveUser().getEmail();
    const others = p.getEditors().map((u) => u.getEmail()).filter((e) => e && e !== me);
    if (others.length) p.removeEditors(others);
    copyAll(sheet, tab);
  }
  return sheet;
}

/** Re-copies the whole tab (after structural changes). */
export function copyAll(mirror: Sheet, tab: TabData): void {
  const width = Math.max(tab.header.length, 1);
  const values = [tab.header, ...tab.rows].map((r) => toCells(pad(r, width)));
  if (mirror.getMaxRows() < values.length) mirror.insertRowsAfter(mirror.getMaxRows(), values.length - mirror.getMaxRows());
  if (mirror.getMaxColumns() < width) mirror.insertColumnsAfter(mirror.getMaxColumns(), width - mirror.getMaxColumns());
  const extra = mirror.getLastRow() - values.length;
  if (extra > 0) mirror.getRange(values.length + 1, 1, extra, mirror.getMaxColumns()).clearContent();
  mirror.getRange(1, 1, values.length, width).setValues(values);
}

/**
 * The rows as they were before this edit, by data index; null when the mirror does not
 * line up with the tab (then nothing can be restored from it, and it is re-copied).
 * Reads the mirror's ID column and the edited block: two calls whatever the tab's size.
 */
export function previousRows(mirror: Sheet, tab: TabData, idColumn: string, ids: readonly unknown[], indexes: number[]): Previous {
  const id = tab.columns.index[idColumn];
  const width = Math.max(tab.header.length, 1);
  const mirrored = Math.max(mirror.getLastRow() - 1, 0);
  if (id !== undefined && mirrored > 0) {
    const mirrorIds = mirror.getRange(2, id + 1, mirrored, 1).getValues().map((r) => r[0]);
    const touched = new Set(indexes);
    const n = Math.max(mirrorIds.length, ids.length);
    for (let i = 0; i < n; i++) {
      if (!touched.has(i) && String(mirrorIds[i] ?? '') !== String(ids[i] ?? '')) return { rows: previousRowsById(mirror, tab, id, mirrored, width, indexes), aligned: false };
    }
  }
  const out = new Map<number, unknown[]>();
  if (indexes.length === 0) return { rows: out, aligned: true };
  const first = Math.min(...indexes);
  const last = Math.max(...indexes);
  const block = first < mirrored ? mirror.getRange(sheetRow(first), 1, Math.min(last, mirrored - 1) - first + 1, width).getValues() : [];
  for (const i of indexes) out.set(i, pad(block[i - first] ?? [], width));
  return { rows: out, aligned: true };
}

export interface Previous {
  /** The edited rows as they were, by data index; null when they cannot be told. */
  rows: Map<number, unknown[]> | null;
  /** False when the mirror no longer lines up with the tab (it should be copied anew). */
  aligned: boolean;
}

/**
 * Rows were inserted, deleted or sorted since the mirror was written: find each edited
 * row's earlier values by its ID instead (one read of the whole mirror, only on this
 * rare path). A row whose ID cell itself was pasted over cannot be found: null.
 */
function previousRowsById(mirror: Sheet, tab: TabData, id: number, mirrored: number, width: number, indexes: number[]): Map<number, unknown[]> | null {
  const byId = new Map<string, unknown[]>();
  for (const row of mirror.getRange(2, 1, mirrored, width).getValues()) {
    const key = String(row[id] ?? '');
    if (key && !byId.has(key)) byId.set(key, row);
  }
  const out = new Map<number, unknown[]>();
  for (const i of indexes) {
    const old = byId.get(String(tab.rows[i]?.[id] ?? ''));
    if (!old) return null;
    out.set(i, pad(old, width));
  }
  return out;
}

/** Writes the final values of the edited rows to the mirror (one call over their span). */
export function recordRows(mirror: Sheet, tab: TabData, indexes: number[]): void {
  if (indexes.length === 0) return;
  const first = Math.min(...indexes);
  const last = Math.min(Math.max(...indexes), tab.rows.length - 1);
  if (last < first) return;
  const width = Math.max(tab.header.length, 1);
  const need = sheetRow(last);
  if (mirror.getMaxRows() < need) mirror.insertRowsAfter(mirror.getMaxRows(), need - mirror.getMaxRows());
  if (mirror.getMaxColumns() < width) mirror.insertColumnsAfter(mirror.getMaxColumns(), width - mirror.getMaxColumns());
  const values = tab.rows.slice(first, last + 1).map((r) => toCells(pad(r, width)));
  mirror.getRange(sheetRow(first), 1, values.length, width).setValues(values);
}

function pad(row: readonly unknown[], width: number): unknown[] {
  const out = row.slice(0, width);
  while (out.length < width) out.push('');
  return out;
}
