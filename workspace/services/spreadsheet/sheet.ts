/**
 * Class Sheet: https://developers.google.com/apps-script/reference/spreadsheet/sheet
 * Reproduced: getRange's argument checks ("The starting row of the range is too small.", "The
 * number of rows in the range must be at least 1.", "The coordinates of the range are outside
 * the dimensions of the sheet.", "Range not found" for bad A1, "Cannot convert 'x' to int."),
 * signature errors for missing arguments, "Those rows are out of bounds.", "Sorry, it is not
 * possible to delete all non-frozen rows.", the 10,000,000-cell limit when growing, duplicate
 * names on setName, appendRow growing the sheet, Sheet.protect() returning an existing sheet
 * protection, inserted rows inheriting the neighbouring row's formats and validations
 * (insertRowsAfter from above, insertRowsBefore from below — the Sheets API's inheritFromBefore
 * semantics), protected ranges, validations and conditional formats moving with inserted and
 * deleted rows. Column inserts/deletes do not move those references.
 */
import { Rect, parseA1, splitSheet } from './a1';
import { Ctx, mayChange } from './ctx';
import { ConditionalFormatRule, cfSpecOf } from './conditional';
import { MSG, MAX_CELLS, describeArgs } from './messages';
import { SheetModel, cellLayers, shiftReferences, totalCells } from './model';
import { Protection, assertScriptCanEdit, newProtection, userCanEdit } from './protection';
import { Range, checkedRect, toInt } from './range';
import { RangeList, checkA1List } from './range-list';
import { toStored } from './values';

const DEFAULT_COLUMN_WIDTH = 100;

export class Sheet {
  constructor(
    private ctx: Ctx,
    readonly model: SheetModel,
  ) {}

  private call(method: string, cells = 0): void {
    if (mayChange(method)) this.ctx.dirty = true;
    this.ctx.rt.call(`Sheet.${method}`, cells);
  }

  private fail(message: string): Error {
    return this.ctx.fail(message);
  }

  private whole(): Rect {
    return { row: 1, col: 1, numRows: this.model.maxRows, numCols: this.model.maxCols };
  }

  /** Structure changes (insert/delete rows, columns) are refused by a sheet protection. */
  private assertStructureEditable(): void {
    const user = this.ctx.rt.execution.effectiveUser;
    for (const p of this.ctx.wb.protections)
      if (p.sheetId === this.model.id && p.type === 'SHEET' && !userCanEdit(this.ctx, p, user)) throw this.fail(MSG.protectedCell);
  }

  private grow(rows: number, cols: number): void {
    if (totalCells(this.ctx.wb) + rows * this.model.maxCols + cols * (this.model.maxRows + rows) > MAX_CELLS) throw this.fail(MSG.cellLimit);
    this.model.maxRows += rows;
    this.model.maxCols += cols;
  }

  getName(): string {
    this.call('getName');
    return this.model.name;
  }
  getSheetName(): string {
    this.call('getSheetName');
    return this.model.name;
  }
  setName(name: string): Sheet {
    this.call('setName');
    const n = String(name);
    if (this.ctx.wb.sheets.some((s) => s !== this.model && s.name.toLowerCase() === n.toLowerCase())) throw this.fail(MSG.sheetExists(n));
    this.model.name = n;
    return this;
  }
  getIndex(): number {
    this.call('getIndex');
    return this.ctx.wb.sheets.indexOf(this.model) + 1;
  }
  getSheetId(): number {
    this.call('getSheetId');
    return this.model.id;
  }
  getParent(): object {
    this.call('getParent');
    return this.ctx.spreadsheet();
  }
  activate(): Sheet {
    this.call('activate');
    this.ctx.selection = { sheetId: this.model.id, rect: { row: 1, col: 1, numRows: 1, numCols: 1 } };
    return this;
  }

  /** getRange(row, column[, numRows[, numColumns]]) or getRange(a1Notation). */
  getRange(...args: unknown[]): Range {
    this.call('getRange');
    return this.rangeOf(args, 'SpreadsheetApp.Sheet.getRange');
  }

  /** getRangeList(a1Notations): the ranges of this sheet as one RangeList (range-list.ts). */
  getRangeList(a1Notations: unknown): RangeList {
    this.call('getRangeList');
    const list = checkA1List(this.ctx, a1Notations);
    return new RangeList(
      this.ctx,
      list.map((a1) => this.rangeOf([a1], 'SpreadsheetApp.Sheet.getRangeList')),
    );
  }

  rangeOf(args: unknown[], method: string): Range {
    if (typeof args[0] === 'string' && args.length === 1) {
      const { sheet, ref } = splitSheet(args[0]);
      if (sheet !== null && sheet !== this.model.name) throw this.fail(MSG.rangeNotFound);
      const rect = parseA1(ref, this.model.maxRows, this.model.maxCols);
      if (!rect || rect.row + rect.numRows - 1 > this.model.maxRows || rect.col + rect.numCols - 1 > this.model.maxCols)
        throw this.fail(MSG.rangeNotFound);
      return new Range(this.ctx, this.model, rect);
    }
    if (args.length < 2 || args.length > 4 || args.some((a) => a === undefined)) throw this.fail(MSG.signature(describeArgs(args), method));
    const [row, col, nr, nc] = args.map((a) => toInt(this.ctx, a));
    return new Range(this.ctx, this.model, checkedRect(this.ctx, this.model, row, col, nr ?? 1, nc ?? 1));
  }

  getDataRange(): Range {
    this.call('getDataRange');
    const rows = Math.max(1, this.model.values.lastRow());
    const cols = Math.max(1, this.model.values.lastCol());
    return new Range(this.ctx, this.model, { row: 1, col: 1, numRows: rows, numCols: cols });
  }
  getSheetValues(row: unknown, col: unknown, numRows: unknown, numCols: unknown): unknown[][] {
    this.call('getSheetValues');
    return this.rangeOf([row, col, numRows, numCols], 'SpreadsheetApp.Sheet.getSheetValues').getValues();
  }
  getLastRow(): number {
    this.call('getLastRow');
    return this.model.values.lastRow();
  }
  getLastColumn(): number {
    this.call('getLastColumn');
    return this.model.values.lastCol();
  }
  getMaxRows(): number {
    this.call('getMaxRows');
    return this.model.maxRows;
  }
  getMaxColumns(): number {
    this.call('getMaxColumns');
    return this.model.maxCols;
  }

  appendRow(rowContents: unknown): Sheet {
    if (!Array.isArray(rowContents)) throw this.fail(MSG.signature(describeArgs([rowContents]), 'SpreadsheetApp.Sheet.appendRow'));
    this.call('appendRow', rowContents.length);
    const s = this.model;
    const row = s.values.lastRow() + 1;
    const rect = { row, col: 1, numRows: 1, numCols: Math.max(1, rowContents.length) };
    if (row > s.maxRows) this.assertStructureEditable();
    else assertScriptCanEdit(this.ctx, s, rect);
    this.grow(Math.max(0, row - s.maxRows), Math.max(0, rowContents.length - s.maxCols));
    rowContents.forEach((v, j) => {
      const w = toStored(v, s.formats.get(row - 1, j), this.ctx.wb.locale, this.ctx.wb.timeZone, (m) => this.fail(m));
      s.values.set(row - 1, j, w.value);
      s.formulas.set(row - 1, j, w.formula);
      if (w.format !== undefined) s.formats.set(row - 1, j, w.format);
    });
    return this;
  }

  /** Inserts `count` rows before 1-based `at`, copying formats from row `from` (1-based, pre-insert). */
  private insertAt(at: number, count: number, from: number | null): void {
    this.assertStructureEditable();
    this.grow(count, 0);
    const s = this.model;
    for (const g of cellLayers(s)) g.insertRows(at - 1, count);
    if (from !== null) {
      const src = from >= at ? from + count : from; // the source row moved down if it was below
      for (const g of [s.formats, s.backgrounds, s.validations, s.fontWeights, s.wraps])
        for (let i = 0; i < count; i++) g.copyRow(src - 1, at - 1 + i);
    }
    shiftReferences(this.ctx.wb, s, at, count);
  }

  private checkRowPosition(pos: number): void {
    if (pos < 1 || pos > this.model.maxRows) throw this.fail(MSG.rowsOutOfBounds);
  }

  insertRowsAfter(afterPosition: unknown, howMany: unknown): Sheet {
    this.call('insertRowsAfter');
    const after = toInt(this.ctx, afterPosition);
    const n = toInt(this.ctx, howMany);
    this.checkRowPosition(after);
    if (n < 1) throw this.fail(MSG.numRowsTooSmall);
    this.insertAt(after + 1, n, after);
    return this;
  }
  insertRowAfter(afterPosition: unknown): Sheet {
    this.call('insertRowAfter');
    const after = toInt(this.ctx, afterPosition);
    this.checkRowPosition(after);
    this.insertAt(after + 1, 1, after);
    return this;
  }
  insertRowsBefore(beforePosition: unknown, howMany: unknown): Sheet {
    this.call('insertRowsBefore');
    const before = toInt(this.ctx, beforePosition);
    const n = toInt(this.ctx, howMany);
    this.checkRowPosition(before);
    if (n < 1) throw this.fail(MSG.numRowsTooSmall);
    this.insertAt(before, n, before);
    return this;
  }
  insertRowBefore(beforePosition: unknown): Sheet {
    this.call('insertRowBefore');
    const before = toInt(this.ctx, beforePosition);
    this.checkRowPosition(before);
    this.insertAt(before, 1, before);
    return this;
  }
  insertRows(rowIndex: unknown, numRows: unknown = 1): void {
    this.call('insertRows');
    const at = toInt(this.ctx, rowIndex);
    this.checkRowPosition(at);
    this.insertAt(at, toInt(this.ctx, numRows), at);
  }

  deleteRows(rowPosition: unknown, howMany: unknown): void {
    this.call('deleteRows');
    this.removeRows(rowPosition, howMany);
  }
  deleteRow(rowPosition: unknown): Sheet {
    this.call('deleteRow');
    this.removeRows(rowPosition, 1);
    return this;
  }
  private removeRows(rowPosition: unknown, howMany: unknown): void {
    const at = toInt(this.ctx, rowPosition);
    const n = toInt(this.ctx, howMany);
    const s = this.model;
    if (at < 1 || n < 1 || at + n - 1 > s.maxRows) throw this.fail(MSG.rowsOutOfBounds);
    if (s.maxRows - n <= s.frozenRows) throw this.fail(MSG.deleteAllNonFrozenRows);
    this.assertStructureEditable();
    assertScriptCanEdit(this.ctx, s, { row: at, col: 1, numRows: n, numCols: s.maxCols });
    for (const g of cellLayers(s)) g.deleteRows(at - 1, n);
    s.maxRows -= n;
    shiftReferences(this.ctx.wb, s, at, -n);
  }
  insertColumnsAfter(afterPosition: unknown, howMany: unknown): Sheet {
    this.call('insertColumnsAfter');
    const after = toInt(this.ctx, afterPosition);
    const n = toInt(this.ctx, howMany);
    if (after < 1 || after > this.model.maxCols) throw this.fail(MSG.columnsOutOfBounds);
    this.assertStructureEditable();
    this.grow(0, n);
    for (const g of cellLayers(this.model)) g.insertCols(after, n);
    return this;
  }
  deleteColumns(columnPosition: unknown, howMany: unknown): void {
    this.call('deleteColumns');
    const at = toInt(this.ctx, columnPosition);
    const n = toInt(this.ctx, howMany);
    const s = this.model;
    if (at < 1 || n < 1 || at + n - 1 > s.maxCols) throw this.fail(MSG.columnsOutOfBounds);
    if (s.maxCols - n <= s.frozenCols) throw this.fail(MSG.deleteAllNonFrozenColumns);
    this.assertStructureEditable();
    for (const g of cellLayers(s)) g.deleteCols(at - 1, n);
    s.maxCols -= n;
  }

  setFrozenRows(rows: unknown): void {
    this.call('setFrozenRows');
    this.model.frozenRows = toInt(this.ctx, rows);
  }
  getFrozenRows(): number {
    this.call('getFrozenRows');
    return this.model.frozenRows;
  }
  setFrozenColumns(columns: unknown): void {
    this.call('setFrozenColumns');
    this.model.frozenCols = toInt(this.ctx, columns);
  }
  getFrozenColumns(): number {
    this.call('getFrozenColumns');
    return this.model.frozenCols;
  }

  protect(): Protection {
    this.call('protect');
    const existing = this.ctx.wb.protections.find((p) => p.sheetId === this.model.id && p.type === 'SHEET');
    return new Protection(this.ctx, existing ?? newProtection(this.ctx, this.model, 'SHEET', null));
  }
  getProtections(type: unknown): Protection[] {
    this.call('getProtections');
    const t = String(type);
    return this.ctx.wb.protections.filter((p) => p.sheetId === this.model.id && p.type === t).map((p) => new Protection(this.ctx, p));
  }

  setConditionalFormatRules(rules: unknown): void {
    this.call('setConditionalFormatRules');
    if (!Array.isArray(rules) || rules.some((r) => !cfSpecOf(r)))
      throw this.fail(MSG.signature(describeArgs([rules]), 'SpreadsheetApp.Sheet.setConditionalFormatRules'));
    this.model.cfRules = rules.map((r) => {
      const spec = cfSpecOf(r)!;
      return { ...spec, ranges: spec.ranges.map((x) => ({ ...x })), args: spec.args.slice(), format: { ...spec.format } };
    });
  }
  getConditionalFormatRules(): ConditionalFormatRule[] {
    this.call('getConditionalFormatRules');
    return this.model.cfRules.map((spec) => new ConditionalFormatRule(this.ctx, spec));
  }
  clearConditionalFormatRules(): void {
    this.call('clearConditionalFormatRules');
    this.model.cfRules = [];
  }

  /** "Clears the sheet of content and formatting information" (options pick one of the two). */
  clear(options?: { contentsOnly?: boolean; formatOnly?: boolean }): Sheet {
    this.call('clear');
    assertScriptCanEdit(this.ctx, this.model, this.whole());
    const s = this.model;
    const o = options ?? {};
    const all = !o.contentsOnly && !o.formatOnly;
    if (all || o.contentsOnly) [s.values, s.formulas].forEach((g) => (g.rows = []));
    if (all || o.formatOnly) [s.formats, s.backgrounds, s.fontWeights, s.wraps].forEach((g) => (g.rows = []));
    return this;
  }
  clearContents(): Sheet {
    this.call('clearContents');
    assertScriptCanEdit(this.ctx, this.model, this.whole());
    this.model.values.rows = [];
    this.model.formulas.rows = [];
    return this;
  }
  clearFormats(): Sheet {
    this.call('clearFormats');
    assertScriptCanEdit(this.ctx, this.model, this.whole());
    this.model.formats.rows = [];
    this.model.backgrounds.rows = [];
    this.model.fontWeights.rows = [];
    this.model.wraps.rows = [];
    return this;
  }
  clearNotes(): Sheet {
    this.call('clearNotes');
    assertScriptCanEdit(this.ctx, this.model, this.whole());
    this.model.notes.rows = [];
    return this;
  }

  setColumnWidth(column: unknown, width: unknown): Sheet {
    this.call('setColumnWidth');
    this.model.columnWidths[toInt(this.ctx, column)] = toInt(this.ctx, width);
    return this;
  }
  setColumnWidths(start: unknown, count: unknown, width: unknown): Sheet {
    this.call('setColumnWidths');
    const s = toInt(this.ctx, start);
    const n = toInt(this.ctx, count);
    if (s < 1 || n < 1 || s + n - 1 > this.model.maxCols) throw this.fail(MSG.columnsOutOfBounds);
    for (let c = s; c < s + n; c++) this.model.columnWidths[c] = toInt(this.ctx, width);
    return this;
  }
  getColumnWidth(column: unknown): number {
    this.call('getColumnWidth');
    return this.model.columnWidths[toInt(this.ctx, column)] ?? DEFAULT_COLUMN_WIDTH;
  }
  hideColumns(index: unknown, count: unknown = 1): void {
    this.call('hideColumns');
    const s = toInt(this.ctx, index);
    for (let c = s; c < s + toInt(this.ctx, count); c++) if (!this.model.hiddenColumns.includes(c)) this.model.hiddenColumns.push(c);
  }
  showColumns(index: unknown, count: unknown = 1): void {
    this.call('showColumns');
    const s = toInt(this.ctx, index);
    const e = s + toInt(this.ctx, count);
    this.model.hiddenColumns = this.model.hiddenColumns.filter((c) => c < s || c >= e);
  }
  /** The group depth of a column (0 when in no group). */
  getColumnGroupDepth(columnIndex: unknown): number {
    this.call('getColumnGroupDepth');
    return this.model.columnGroups[toInt(this.ctx, columnIndex)] ?? 0;
  }
  isColumnHiddenByUser(column: unknown): boolean {
    this.call('isColumnHiddenByUser');
    return this.model.hiddenColumns.includes(toInt(this.ctx, column));
  }
  hideSheet(): Sheet {
    this.call('hideSheet');
    this.model.hidden = true;
    return this;
  }
  showSheet(): Sheet {
    this.call('showSheet');
    this.model.hidden = false;
    return this;
  }
  isSheetHidden(): boolean {
    this.call('isSheetHidden');
    return this.model.hidden;
  }
  autoResizeColumns(): Sheet {
    this.call('autoResizeColumns');
    return this;
  }
  setTabColor(): Sheet {
    this.call('setTabColor');
    return this;
  }
}
