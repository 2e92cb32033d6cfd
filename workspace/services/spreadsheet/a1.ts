/**
 * A1 notation: column letters, "Sheet 1!A1:B2", whole columns "A:B" and rows "1:3".
 * Google quotes sheet names with spaces or punctuation ('My sheet'!A1, '' inside).
 */

export interface Rect {
  row: number; // 1-based
  col: number;
  numRows: number;
  numCols: number;
  /**
   * Whole columns ("A:A", "B:F"): the rows reach to the end of the sheet whatever its size,
   * so a protection of it covers rows appended later (numRows is the size when made).
   */
  openEnded?: boolean;
}

/** The rows a rectangle covers on a sheet of `maxRows` rows now (whole columns grow with it). */
export function effectiveRect(r: Rect, maxRows: number): Rect {
  return r.openEnded ? { ...r, numRows: Math.max(maxRows - r.row + 1, 0) } : r;
}

export function columnLetters(col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** "A1" for one cell, "A1:B2" otherwise, "A:B" for whole columns — what Range.getA1Notation returns. */
export function a1Of(r: Rect): string {
  if (r.openEnded && r.row === 1) return `${columnLetters(r.col)}:${columnLetters(r.col + r.numCols - 1)}`;
  const first = columnLetters(r.col) + r.row;
  if (r.numRows === 1 && r.numCols === 1) return first;
  return `${first}:${columnLetters(r.col + r.numCols - 1)}${r.row + r.numRows - 1}`;
}

/** Quotes a sheet name for use in A1 references, as Sheets does. */
export function quoteSheetName(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

/** Splits "Sheet!A1" into sheet name (unquoted) and the cell part; no "!" gives sheet null. */
export function splitSheet(a1: string): { sheet: string | null; ref: string } {
  const m = /^(?:'((?:[^']|'')+)'|([^!']+))!(.+)$/.exec(a1.trim());
  if (!m) return { sheet: null, ref: a1.trim() };
  return { sheet: m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2], ref: m[3] };
}

/**
 * Parses the cell part of an A1 reference against a sheet's size; null if malformed.
 * Open-ended forms ("A:B", "2:5", "A2:B") reach to the sheet's last row/column.
 */
export function parseA1(ref: string, maxRows: number, maxCols: number): Rect | null {
  const part = /^\$?([A-Za-z]{0,3})\$?(\d*)$/;
  const [a, b = a] = ref.trim().split(':');
  const ma = part.exec(a);
  const mb = part.exec(b);
  if (!ma || !mb || ref.split(':').length > 2) return null;
  if (!ma[1] && !ma[2]) return null;
  if (!mb[1] && !mb[2]) return null;
  const c1 = ma[1] ? columnNumber(ma[1]) : 1;
  const c2 = mb[1] ? columnNumber(mb[1]) : maxCols;
  const r1 = ma[2] ? Number(ma[2]) : 1;
  const r2 = mb[2] ? Number(mb[2]) : maxRows;
  // "A1" alone must have both parts; "A" alone or "1" alone is not a range.
  if (!ref.includes(':') && (!ma[1] || !ma[2])) return null;
  if (r1 < 1 || r2 < 1 || c1 < 1 || c2 < 1) return null;
  const row = Math.min(r1, r2);
  const col = Math.min(c1, c2);
  const rect: Rect = { row, col, numRows: Math.abs(r2 - r1) + 1, numCols: Math.abs(c2 - c1) + 1 };
  if (!ma[2] && !mb[2]) rect.openEnded = true;
  return rect;
}

export function intersects(a: Rect, b: Rect): boolean {
  return a.row < b.row + b.numRows && b.row < a.row + a.numRows && a.col < b.col + b.numCols && b.col < a.col + a.numCols;
}

export function contains(outer: Rect, row: number, col: number): boolean {
  return row >= outer.row && row < outer.row + outer.numRows && col >= outer.col && col < outer.col + outer.numCols;
}

/**
 * Moves a rectangle for rows inserted (count > 0) or deleted (count < 0) at 1-based `at`,
 * as Sheets moves protected ranges, validations and conditional-format ranges. Returns null
 * when every row of the rectangle was deleted.
 */
export function shiftRows(r: Rect, at: number, count: number): Rect | null {
  // Whole columns stay whole columns: rows added or removed anywhere are still inside.
  if (r.openEnded) return r;
  const end = r.row + r.numRows; // exclusive
  if (count > 0) {
    if (at <= r.row) return { ...r, row: r.row + count };
    if (at < end) return { ...r, numRows: r.numRows + count };
    return r;
  }
  const delEnd = at - count; // exclusive
  const keptBefore = Math.max(0, Math.min(end, at) - r.row);
  const keptAfter = Math.max(0, end - Math.max(delEnd, r.row));
  const numRows = keptBefore + keptAfter;
  if (numRows <= 0) return null;
  const row = r.row < at ? r.row : Math.max(at, r.row + count);
  return { ...r, row, numRows };
}
