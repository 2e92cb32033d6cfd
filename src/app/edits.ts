/** Resolves an onEdit event object to the tab, data rows and column keys it touched. */
import { findColumn, findTab } from '../core/schema';
import { readHeader } from '../google/workbook';
import { TabEdit } from './feature';

export function resolveEdit(e: GoogleAppsScript.Events.SheetsOnEdit, user: string): TabEdit | null {
  const range = e.range;
  const sheet = range.getSheet();
  const def = findTab(sheet.getName());
  if (!def) return null;
  const firstRow = range.getRow();
  const numRows = range.getNumRows();
  const rows: number[] = [];
  for (let r = Math.max(firstRow, 2); r < firstRow + numRows; r++) rows.push(r - 2);
  const lastCol = sheet.getLastColumn();
  const header = readHeader(sheet, lastCol);
  const columns: string[] = [];
  for (let c = range.getColumn(); c < range.getColumn() + range.getNumColumns(); c++) {
    const col = findColumn(def, String(header[c - 1] ?? ''));
    if (col) columns.push(col.key);
  }
  const single = numRows === 1 && range.getNumColumns() === 1;
  return {
    tab: def.key,
    range,
    rows,
    columns,
    value: single ? e.value : undefined,
    oldValue: single ? e.oldValue : undefined,
    user,
    header,
  };
}
