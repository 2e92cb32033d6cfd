/**
 * Class Range: https://developers.google.com/apps-script/reference/spreadsheet/range
 * Every method counts one call `Range.<method>` with the cells it touches (rows × columns).
 * Reproduced: setValues' row/column mismatch texts ("The data has N but the range has M."),
 * signature errors for a non-2D array, 50,000 characters per cell, protections refusing the
 * script's effective user, getValues types (number, boolean, string, '' for empty, Date for
 * date/time cells in the spreadsheet's zone), display values through number formats,
 * getBackground "#ffffff" and getNumberFormat "0.###############" for untouched cells,
 * checkbox semantics of isChecked/check/uncheck/insertCheckboxes/removeCheckboxes.
 * Formulas are stored, never computed: they read as FORMULA_VALUE ("#ERROR!") unless a loaded
 * file carried a cached result. Font weight and wrap are kept (and saved in the .xlsx);
 * column groups too (shiftColumnGroupDepth, collapseGroups: the columns hidden, not by the
 * user). Other font, alignment and border setters are counted no-ops.
 */
import { Rect, a1Of } from './a1';
import { Ctx, RANGE_REF, mayChange } from './ctx';
import { MSG, describeArgs } from './messages';
import type { RangeRef, SheetModel, ValidationSpec } from './model';
import { assertScriptCanEdit, newProtection, refusingProtection, Protection } from './protection';
import { AUTOMATIC_FORMAT, Stored, displayOf, fromStored, normalizeColor, toStored } from './values';
import { DataValidation, validationSpecOf } from './validation';
import type { Grid } from './grid';

/** Apps Script's Integer parameters: numbers truncate, anything else is "Cannot convert 'x' to int." */
export function toInt(ctx: Ctx, v: unknown): number {
  const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : NaN;
  if (!Number.isFinite(n)) throw ctx.fail(`Cannot convert '${String(v)}' to int.`);
  return Math.trunc(n);
}

/** Validates a range's coordinates as Sheet.getRange does. */
export function checkedRect(ctx: Ctx, sheet: SheetModel, row: number, col: number, numRows = 1, numCols = 1): Rect {
  if (row < 1) throw ctx.fail(MSG.startRowTooSmall);
  if (col < 1) throw ctx.fail(MSG.startColumnTooSmall);
  if (numRows < 1) throw ctx.fail(MSG.numRowsTooSmall);
  if (numCols < 1) throw ctx.fail(MSG.numColumnsTooSmall);
  if (row + numRows - 1 > sheet.maxRows || col + numCols - 1 > sheet.maxCols) throw ctx.fail(MSG.outsideSheet);
  return { row, col, numRows, numCols };
}

const DEFAULT_BACKGROUND = '#ffffff';

export class Range {
  /** `counted` false: a member of a RangeList, whose one call is counted by the list (range-list.ts). */
  constructor(
    private ctx: Ctx,
    private sheet: SheetModel,
    readonly rect: Rect,
    private counted = true,
  ) {}

  get [RANGE_REF](): RangeRef {
    return { sheetId: this.sheet.id, ...this.rect };
  }

  private get cells(): number {
    return this.rect.numRows * this.rect.numCols;
  }

  call(method: string, cells = this.cells): void {
    if (mayChange(method)) this.ctx.dirty = true;
    if (this.counted) this.ctx.rt.call(`Range.${method}`, cells);
  }

  /** The cells the range covers (a RangeList sums them for its one call). */
  get cellCount(): number {
    return this.cells;
  }

  /** The same range as a RangeList member: its calls are the list's. */
  uncounted(): Range {
    return new Range(this.ctx, this.sheet, this.rect, false);
  }

  private fail(message: string): Error {
    return this.ctx.fail(message);
  }

  private read<T, R>(grid: Grid<T>, map: (v: T | undefined, r: number, c: number) => R): R[][] {
    const { row, col, numRows, numCols } = this.rect;
    const out: R[][] = new Array(numRows);
    for (let i = 0; i < numRows; i++) {
      const src = grid.rows[row - 1 + i];
      const line: R[] = new Array(numCols);
      for (let j = 0; j < numCols; j++) line[j] = map(src ? src[col - 1 + j] : undefined, row - 1 + i, col - 1 + j);
      out[i] = line;
    }
    return out;
  }

  /** Checks a 2-D argument against the range's shape with Google's texts. */
  private checkShape(data: unknown, method: string): unknown[][] {
    if (!Array.isArray(data) || !data.every((r) => Array.isArray(r)))
      throw this.fail(MSG.signature(describeArgs([data]), `SpreadsheetApp.Range.${method}`));
    if (data.length !== this.rect.numRows) throw this.fail(MSG.rowsMismatch(data.length, this.rect.numRows));
    for (const r of data as unknown[][]) if (r.length !== this.rect.numCols) throw this.fail(MSG.columnsMismatch(r.length, this.rect.numCols));
    return data as unknown[][];
  }

  private forEachCell(fn: (r: number, c: number, i: number, j: number) => void): void {
    const { row, col, numRows, numCols } = this.rect;
    for (let i = 0; i < numRows; i++) for (let j = 0; j < numCols; j++) fn(row - 1 + i, col - 1 + j, i, j);
  }

  private writeValue(r: number, c: number, input: unknown): void {
    const s = this.sheet;
    const w = toStored(input, s.formats.get(r, c), this.ctx.wb.locale, this.ctx.wb.timeZone, (m) => this.fail(m));
    s.values.set(r, c, w.value);
    s.formulas.set(r, c, w.formula);
    if (w.format !== undefined) s.formats.set(r, c, w.format);
  }

  private editable(): void {
    assertScriptCanEdit(this.ctx, this.sheet, this.rect);
  }

  // --- geometry --------------------------------------------------------------------------
  getSheet(): object {
    this.call('getSheet', 0);
    return this.ctx.sheet(this.sheet);
  }
  getCell(row: unknown, column: unknown): Range {
    this.call('getCell', 0);
    const r = toInt(this.ctx, row);
    const c = toInt(this.ctx, column);
    if (r < 1 || c < 1 || r > this.rect.numRows || c > this.rect.numCols) throw this.fail(MSG.outsideSheet);
    return new Range(this.ctx, this.sheet, { row: this.rect.row + r - 1, col: this.rect.col + c - 1, numRows: 1, numCols: 1 });
  }
  offset(rowOffset: unknown, columnOffset: unknown, numRows?: unknown, numColumns?: unknown): Range {
    this.call('offset', 0);
    const rect = checkedRect(
      this.ctx,
      this.sheet,
      this.rect.row + toInt(this.ctx, rowOffset),
      this.rect.col + toInt(this.ctx, columnOffset),
      numRows === undefined ? this.rect.numRows : toInt(this.ctx, numRows),
      numColumns === undefined ? this.rect.numCols : toInt(this.ctx, numColumns),
    );
    return new Range(this.ctx, this.sheet, rect);
  }
  activate(): Range {
    this.call('activate', 0);
    this.ctx.selection = { sheetId: this.sheet.id, rect: { ...this.rect } };
    return this;
  }
  isBlank(): boolean {
    this.call('isBlank');
    let blank = true;
    this.forEachCell((r, c) => {
      if (this.sheet.values.get(r, c) !== undefined || this.sheet.formulas.get(r, c) !== undefined) blank = false;
    });
    return blank;
  }

  // --- values ----------------------------------------------------------------------------
  getValues(): unknown[][] {
    this.call('getValues');
    const { formats } = this.sheet;
    const tz = this.ctx.wb.timeZone;
    const mk = (ms: number) => this.ctx.rt.date(ms);
    return this.read(this.sheet.values, (v, r, c) => fromStored(v, formats.get(r, c), tz, mk));
  }
  getValue(): unknown {
    this.call('getValue', 1);
    const { row, col } = this.rect;
    const s = this.sheet;
    return fromStored(s.values.get(row - 1, col - 1), s.formats.get(row - 1, col - 1), this.ctx.wb.timeZone, (ms) => this.ctx.rt.date(ms));
  }
  getDisplayValues(): string[][] {
    this.call('getDisplayValues');
    const { formats } = this.sheet;
    return this.read(this.sheet.values, (v, r, c) => displayOf(v, formats.get(r, c), this.ctx.wb.locale));
  }
  getDisplayValue(): string {
    this.call('getDisplayValue', 1);
    const { row, col } = this.rect;
    return displayOf(this.sheet.values.get(row - 1, col - 1), this.sheet.formats.get(row - 1, col - 1), this.ctx.wb.locale);
  }
  setValues(values: unknown): Range {
    this.call('setValues');
    const data = this.checkShape(values, 'setValues');
    this.editable();
    this.forEachCell((r, c, i, j) => this.writeValue(r, c, data[i][j]));
    return this;
  }
  setValue(value: unknown): Range {
    this.call('setValue');
    this.editable();
    this.forEachCell((r, c) => this.writeValue(r, c, value));
    return this;
  }
  getFormulas(): string[][] {
    this.call('getFormulas');
    return this.read(this.sheet.formulas, (f) => f ?? '');
  }
  getFormula(): string {
    this.call('getFormula', 1);
    return this.sheet.formulas.get(this.rect.row - 1, this.rect.col - 1) ?? '';
  }
  private writeFormula(r: number, c: number, f: unknown): void {
    const text = String(f ?? '');
    if (text === '') return this.writeValue(r, c, '');
    this.writeValue(r, c, text.startsWith('=') ? text : `=${text}`);
  }
  setFormula(formula: string): Range {
    this.call('setFormula');
    this.editable();
    this.forEachCell((r, c) => this.writeFormula(r, c, formula));
    return this;
  }
  setFormulas(formulas: unknown): Range {
    this.call('setFormulas');
    const data = this.checkShape(formulas, 'setFormulas');
    this.editable();
    this.forEachCell((r, c, i, j) => this.writeFormula(r, c, data[i][j]));
    return this;
  }
  clearContent(): Range {
    this.call('clearContent');
    this.editable();
    const { row, col, numRows, numCols } = this.rect;
    this.sheet.values.clear(row - 1, col - 1, numRows, numCols);
    this.sheet.formulas.clear(row - 1, col - 1, numRows, numCols);
    return this;
  }
  /** clear() clears contents and formats; the options pick parts (Google's Range.clear(options)). */
  clear(options?: { contentsOnly?: boolean; formatOnly?: boolean; commentsOnly?: boolean; validationsOnly?: boolean }): Range {
    this.call('clear');
    this.editable();
    const { row, col, numRows, numCols } = this.rect;
    const s = this.sheet;
    const o = options ?? {};
    const any = o.contentsOnly || o.formatOnly || o.commentsOnly || o.validationsOnly;
    const wipe = (g: Grid<unknown>) => g.clear(row - 1, col - 1, numRows, numCols);
    if (!any || o.contentsOnly) [s.values, s.formulas].forEach(wipe);
    if (!any || o.formatOnly) [s.formats, s.backgrounds, s.fontWeights, s.wraps].forEach(wipe);
    if (o.commentsOnly) wipe(s.notes);
    if (o.validationsOnly) wipe(s.validations);
    return this;
  }
  clearFormat(): Range {
    this.call('clearFormat');
    this.editable();
    const { row, col, numRows, numCols } = this.rect;
    this.sheet.formats.clear(row - 1, col - 1, numRows, numCols);
    this.sheet.backgrounds.clear(row - 1, col - 1, numRows, numCols);
    this.sheet.fontWeights.clear(row - 1, col - 1, numRows, numCols);
    this.sheet.wraps.clear(row - 1, col - 1, numRows, numCols);
    return this;
  }

  // --- text style: font weight, wrap ------------------------------------------------------
  getFontWeights(): string[][] {
    this.call('getFontWeights');
    return this.read(this.sheet.fontWeights, (w) => w ?? 'normal');
  }
  getFontWeight(): string {
    this.call('getFontWeight', 1);
    return this.sheet.fontWeights.get(this.rect.row - 1, this.rect.col - 1) ?? 'normal';
  }
  /** 'bold', 'normal', or null (resets to normal); anything else is refused as Google refuses it. */
  setFontWeight(weight: unknown): Range {
    this.call('setFontWeight');
    return this.setEach(this.sheet.fontWeights, null, weight, (v) => fontWeightOf(this.ctx, v));
  }
  setFontWeights(weights: unknown): Range {
    this.call('setFontWeights');
    const data = this.checkShape(weights, 'setFontWeights');
    return this.setEach(this.sheet.fontWeights, data, null, (v) => fontWeightOf(this.ctx, v));
  }
  getWraps(): boolean[][] {
    this.call('getWraps');
    return this.read(this.sheet.wraps, (w) => w === true);
  }
  getWrap(): boolean {
    this.call('getWrap', 1);
    return this.sheet.wraps.get(this.rect.row - 1, this.rect.col - 1) === true;
  }
  setWrap(isWrapEnabled: unknown): Range {
    this.call('setWrap');
    if (typeof isWrapEnabled !== 'boolean')
      throw this.ctx.fail(
        `Exception: The parameters (${describeArgs([isWrapEnabled])}) don't match the method signature for SpreadsheetApp.Range.setWrap.`,
      );
    return this.setEach(this.sheet.wraps, null, isWrapEnabled, (v) => (v === true ? true : undefined));
  }

  // --- column groups (https://developers.google.com/apps-script/reference/spreadsheet/range#shiftcolumngroupdepthdelta)
  /** Changes the group depth of the range's columns by `delta`, kept within 0…8 as Google keeps it. */
  shiftColumnGroupDepth(delta: unknown): Range {
    this.call('shiftColumnGroupDepth');
    this.editable();
    const d = toInt(this.ctx, delta);
    const groups = this.sheet.columnGroups;
    for (let c = this.rect.col; c < this.rect.col + this.rect.numCols; c++) {
      const next = Math.min(8, Math.max(0, (groups[c] ?? 0) + d));
      if (next === 0) delete groups[c];
      else groups[c] = next;
    }
    // A column no longer in any group is no longer hidden by one.
    this.sheet.collapsedColumns = this.sheet.collapsedColumns.filter((c) => (groups[c] ?? 0) > 0);
    return this;
  }
  /**
   * Collapses every column group wholly inside the range; when none is, the deepest group
   * partly inside it (Range.collapseGroups). Its columns are hidden, not by the user.
   */
  collapseGroups(): Range {
    this.call('collapseGroups');
    const first = this.rect.col;
    const last = first + this.rect.numCols - 1;
    const all = columnGroupsOf(this.sheet);
    const whole = all.filter((g) => g.start >= first && g.end <= last);
    const partial = all.filter((g) => g.end >= first && g.start <= last).sort((a, b) => b.depth - a.depth);
    for (const g of whole.length ? whole : partial.slice(0, 1))
      for (let c = g.start; c <= g.end; c++) if (!this.sheet.collapsedColumns.includes(c)) this.sheet.collapsedColumns.push(c);
    return this;
  }
  /** Expands the column groups the range touches (Range.expandGroups). */
  expandGroups(): Range {
    this.call('expandGroups');
    const first = this.rect.col;
    const last = first + this.rect.numCols - 1;
    const touched = columnGroupsOf(this.sheet).filter((g) => g.end >= first && g.start <= last);
    this.sheet.collapsedColumns = this.sheet.collapsedColumns.filter((c) => !touched.some((g) => c >= g.start && c <= g.end));
    return this;
  }

  // --- notes, backgrounds, number formats ------------------------------------------------
  private setEach<T>(grid: Grid<T>, data: unknown[][] | null, single: unknown, map: (v: unknown) => T | undefined): Range {
    this.editable();
    this.forEachCell((r, c, i, j) => grid.set(r, c, map(data ? data[i][j] : single)));
    return this;
  }
  getNotes(): string[][] {
    this.call('getNotes');
    return this.read(this.sheet.notes, (n) => n ?? '');
  }
  getNote(): string {
    this.call('getNote', 1);
    return this.sheet.notes.get(this.rect.row - 1, this.rect.col - 1) ?? '';
  }
  setNotes(notes: unknown): Range {
    this.call('setNotes');
    const data = this.checkShape(notes, 'setNotes');
    return this.setEach(this.sheet.notes, data, null, noteOf);
  }
  setNote(note: unknown): Range {
    this.call('setNote');
    return this.setEach(this.sheet.notes, null, note, noteOf);
  }
  clearNote(): Range {
    this.call('clearNote');
    return this.setEach(this.sheet.notes, null, null, noteOf);
  }
  getBackgrounds(): string[][] {
    this.call('getBackgrounds');
    return this.read(this.sheet.backgrounds, (b) => b ?? DEFAULT_BACKGROUND);
  }
  getBackground(): string {
    this.call('getBackground', 1);
    return this.sheet.backgrounds.get(this.rect.row - 1, this.rect.col - 1) ?? DEFAULT_BACKGROUND;
  }
  setBackgrounds(colors: unknown): Range {
    this.call('setBackgrounds');
    const data = this.checkShape(colors, 'setBackgrounds');
    return this.setEach(this.sheet.backgrounds, data, null, colorOf);
  }
  setBackground(color: unknown): Range {
    this.call('setBackground');
    return this.setEach(this.sheet.backgrounds, null, color, colorOf);
  }
  getNumberFormats(): string[][] {
    this.call('getNumberFormats');
    return this.read(this.sheet.formats, (f) => f ?? AUTOMATIC_FORMAT);
  }
  getNumberFormat(): string {
    this.call('getNumberFormat', 1);
    return this.sheet.formats.get(this.rect.row - 1, this.rect.col - 1) ?? AUTOMATIC_FORMAT;
  }
  setNumberFormats(formats: unknown): Range {
    this.call('setNumberFormats');
    const data = this.checkShape(formats, 'setNumberFormats');
    return this.setEach(this.sheet.formats, data, null, formatOf);
  }
  setNumberFormat(format: unknown): Range {
    this.call('setNumberFormat');
    return this.setEach(this.sheet.formats, null, format, formatOf);
  }

  // --- data validation and checkboxes ----------------------------------------------------
  getDataValidations(): (DataValidation | null)[][] {
    this.call('getDataValidations');
    return this.read(this.sheet.validations, (v) => (v ? new DataValidation(this.ctx, v) : null));
  }
  getDataValidation(): DataValidation | null {
    this.call('getDataValidation', 1);
    const v = this.sheet.validations.get(this.rect.row - 1, this.rect.col - 1);
    return v ? new DataValidation(this.ctx, v) : null;
  }
  private ruleOf(rule: unknown, method: string): ValidationSpec | undefined {
    if (rule === null || rule === undefined) return undefined;
    const spec = validationSpecOf(rule);
    if (!spec) throw this.fail(MSG.signature(describeArgs([rule]), `SpreadsheetApp.Range.${method}`));
    return spec;
  }
  setDataValidation(rule: unknown): Range {
    this.call('setDataValidation');
    const spec = this.ruleOf(rule, 'setDataValidation');
    return this.setEach(this.sheet.validations, null, spec, (v) => v as ValidationSpec | undefined);
  }
  setDataValidations(rules: unknown): Range {
    this.call('setDataValidations');
    const data = this.checkShape(rules, 'setDataValidations');
    const specs = data.map((r) => r.map((v) => this.ruleOf(v, 'setDataValidations')));
    return this.setEach(this.sheet.validations, specs, null, (v) => v as ValidationSpec | undefined);
  }
  clearDataValidations(): Range {
    this.call('clearDataValidations');
    return this.setEach(this.sheet.validations, null, undefined, () => undefined);
  }
  private checkboxValues(spec: ValidationSpec | undefined): [Stored, Stored] | null {
    if (!spec || spec.criteria !== 'CHECKBOX') return null;
    const [on = true, off = false] = spec.args as Stored[];
    return [on, off];
  }
  isChecked(): boolean | null {
    this.call('isChecked');
    let checked = 0;
    let unchecked = 0;
    let other = false;
    this.forEachCell((r, c) => {
      const cb = this.checkboxValues(this.sheet.validations.get(r, c));
      const v = this.sheet.values.get(r, c) ?? '';
      if (!cb) other = true;
      else if (v === cb[0]) checked++;
      else unchecked++;
    });
    if (other || (checked && unchecked)) return null;
    return checked > 0;
  }
  private setChecks(on: boolean): Range {
    this.editable();
    this.forEachCell((r, c) => {
      const cb = this.checkboxValues(this.sheet.validations.get(r, c));
      const v = this.sheet.values.get(r, c) ?? '';
      if (cb && (v === cb[0] || v === cb[1] || v === '')) this.sheet.values.set(r, c, on ? cb[0] : cb[1]);
    });
    return this;
  }
  check(): Range {
    this.call('check');
    return this.setChecks(true);
  }
  uncheck(): Range {
    this.call('uncheck');
    return this.setChecks(false);
  }
  insertCheckboxes(checked?: unknown, unchecked?: unknown): Range {
    this.call('insertCheckboxes');
    this.editable();
    const args = [checked, unchecked]
      .filter((a) => a !== undefined)
      .map((a) => (typeof a === 'boolean' || typeof a === 'number' ? a : String(a)));
    const spec: ValidationSpec = { criteria: 'CHECKBOX', args, allowInvalid: false, helpText: null };
    const off = (args.length === 2 ? args[1] : false) as Stored;
    this.forEachCell((r, c) => {
      this.sheet.validations.set(r, c, spec);
      this.sheet.values.set(r, c, off === '' ? undefined : off);
      this.sheet.formulas.set(r, c, undefined);
    });
    return this;
  }
  removeCheckboxes(): Range {
    this.call('removeCheckboxes');
    this.editable();
    this.forEachCell((r, c) => {
      const cb = this.checkboxValues(this.sheet.validations.get(r, c));
      if (!cb) return;
      this.sheet.validations.set(r, c, undefined);
      const v = this.sheet.values.get(r, c);
      if (v === cb[0] || v === cb[1]) this.sheet.values.set(r, c, undefined);
    });
    return this;
  }

  // --- protection -------------------------------------------------------------------------
  protect(): Protection {
    this.call('protect', 0);
    return new Protection(this.ctx, newProtection(this.ctx, this.sheet, 'RANGE', { ...this.rect }));
  }
  canEdit(): boolean {
    this.call('canEdit');
    return !refusingProtection(this.ctx, this.sheet, this.rect, this.ctx.rt.execution.effectiveUser);
  }
}

function noteOf(v: unknown): string | undefined {
  return v === null || v === undefined || v === '' ? undefined : String(v);
}

function fontWeightOf(ctx: Ctx, v: unknown): 'bold' | undefined {
  if (v === null || v === 'normal') return undefined;
  if (v === 'bold') return 'bold';
  throw ctx.fail(`Invalid argument: fontWeight`);
}

/** The sheet's column groups: at each depth, every maximal run of columns that deep or deeper. */
export function columnGroupsOf(sheet: SheetModel): Array<{ start: number; end: number; depth: number }> {
  const cols = Object.keys(sheet.columnGroups)
    .map(Number)
    .sort((a, b) => a - b);
  const max = Math.max(0, ...cols.map((c) => sheet.columnGroups[c]));
  const out: Array<{ start: number; end: number; depth: number }> = [];
  for (let depth = 1; depth <= max; depth++) {
    let start = -1;
    let prev = -1;
    for (const c of cols) {
      if (sheet.columnGroups[c] < depth) continue;
      if (start >= 0 && c === prev + 1) prev = c;
      else {
        if (start >= 0) out.push({ start, end: prev, depth });
        start = prev = c;
      }
    }
    if (start >= 0) out.push({ start, end: prev, depth });
  }
  return out;
}

function colorOf(v: unknown): string | undefined {
  return v === null || v === undefined || v === '' ? undefined : normalizeColor(String(v));
}

function formatOf(v: unknown): string | undefined {
  return v === null || v === undefined || v === '' ? undefined : String(v);
}

/** Geometry getters: local answers, still counted like every Range call. */
const GEOMETRY: Record<string, (r: Rect, sheetId: number) => number | string> = {
  getRow: (r) => r.row,
  getRowIndex: (r) => r.row,
  getColumn: (r) => r.col,
  getNumRows: (r) => r.numRows,
  getNumColumns: (r) => r.numCols,
  getHeight: (r) => r.numRows,
  getWidth: (r) => r.numCols,
  getLastRow: (r) => r.row + r.numRows - 1,
  getLastColumn: (r) => r.col + r.numCols - 1,
  getA1Notation: (r) => a1Of(r),
  getGridId: (_r, id) => id,
};
for (const [method, get] of Object.entries(GEOMETRY))
  Object.defineProperty(Range.prototype, method, {
    value(this: Range) {
      this.call(method, 0);
      return get(this.rect, this[RANGE_REF].sheetId);
    },
  });

/** Formatting the fake does not keep: counted, and chainable like Google's. */
const NO_OPS = [
  'setFontColor',
  'setFontColors',
  'setFontStyle',
  'setFontSize',
  'setFontFamily',
  'setFontLine',
  'setHorizontalAlignment',
  'setHorizontalAlignments',
  'setVerticalAlignment',
  'setWrapStrategy',
  'setBorder',
  'setTextRotation',
  'setShowHyperlink',
];
for (const method of NO_OPS)
  Object.defineProperty(Range.prototype, method, {
    value(this: Range) {
      this.call(method, 0);
      return this;
    },
  });
