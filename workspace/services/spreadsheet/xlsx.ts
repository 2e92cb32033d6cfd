/**
 * The spreadsheet on disk: a real .xlsx (exceljs) a person can open, plus a JSON sidecar in
 * the state folder for what .xlsx cannot hold.
 *
 * In the .xlsx: sheet order, values with their types (numbers, text, booleans, dates as
 * serials with their number format, formulas with any cached result), number formats, notes
 * (comments), backgrounds (solid fills), frozen rows/columns, hidden sheets and columns,
 * column widths, data validations and conditional formats (as close as Excel's model goes),
 * and sheet protection on sheets with a non-warning sheet protection (unprotected ranges
 * as unlocked cells).
 * In the sidecar ('spreadsheet.json'): id, name, time zone, locale, owner, editors, viewers,
 * sheet ids and sizes, every protection (ranges, editors, description, warning-only), and the
 * exact validations and conditional rules — used only while the .xlsx is the very file this
 * fake wrote (same SHA-256); a file changed elsewhere is read from its own validations.
 * Saving goes through writeFileAtomic, or the local Workspace's commit (commit.ts), which writes
 * the .xlsx and the sidecar together with everything else the execution changed.
 * Formats, validations and protections are kept on empty rows too (a text column stays text
 * below the last row typed), as Sheets keeps them. A column whose bottom row has a number
 * format is saved with it as the column's style (Excel's <col style>, which every cell of the
 * column without a style of its own takes); only cells that differ from it are written, an
 * unformatted one as General (kept by a default "locked" protection, or exceljs drops it).
 */
import { createHash } from 'crypto';
import * as fs from 'fs';
import ExcelJS from 'exceljs';
import { writeFileAtomic } from '../../runtime/fsutil';
import { instantFromSerial, serialFromInstant } from '../../runtime/tz';
import type { StateStore } from '../../runtime/runtime';
import { Rect, a1Of, parseA1, quoteSheetName, splitSheet } from './a1';
import type { CriteriaName } from './enums';
import {
  CfRuleSpec,
  NEW_SHEET_COLS,
  NEW_SHEET_ROWS,
  ProtectionSpec,
  SheetModel,
  SpecArg,
  ValidationSpec,
  WorkbookModel,
  newSheet,
} from './model';
import { FORMULA_VALUE, Stored, isDateFormat, localeInfo } from './values';

export const SIDECAR = 'spreadsheet.json';
const EPOCH_UTC = Date.UTC(1899, 11, 30);

interface SidecarSheet {
  id: number;
  name: string;
  maxRows: number;
  maxCols: number;
  validations: { rect: Rect; spec: ValidationSpec }[];
  cfRules: CfRuleSpec[];
}

export interface Sidecar {
  version: 1;
  xlsxSha256: string;
  id: string;
  name: string;
  timeZone: string;
  locale: string;
  owner: string;
  editors: string[];
  viewers: string[];
  nextSheetId: number;
  nextProtectionId: number;
  sheets: SidecarSheet[];
  protections: ProtectionSpec[];
}

/** Groups equal validations into rectangles: vertical runs per column, merged across columns. */
export function validationRects(s: SheetModel): { rect: Rect; spec: ValidationSpec }[] {
  const key = new Map<ValidationSpec, string>();
  const keyOf = (v: ValidationSpec) => {
    let k = key.get(v);
    if (k === undefined) key.set(v, (k = JSON.stringify(v)));
    return k;
  };
  const runs: { col: number; row: number; numRows: number; k: string; spec: ValidationSpec }[] = [];
  const cols = s.validations.lastCol();
  const rows = s.validations.rows.length;
  for (let c = 0; c < cols; c++) {
    let cur: (typeof runs)[number] | null = null;
    for (let r = 0; r < rows; r++) {
      const v = s.validations.get(r, c);
      const k = v ? keyOf(v) : null;
      if (cur && k === cur.k && cur.row + cur.numRows === r) cur.numRows++;
      else if (v && k) runs.push((cur = { col: c, row: r, numRows: 1, k, spec: v }));
      else cur = null;
    }
  }
  const out: { rect: Rect; spec: ValidationSpec; k: string }[] = [];
  const open = new Map<string, { rect: Rect; spec: ValidationSpec; k: string }>();
  for (const run of runs) {
    const id = `${run.row}:${run.numRows}:${run.k}`;
    const prev = open.get(id);
    if (prev && prev.rect.col + prev.rect.numCols - 1 === run.col) prev.rect.numCols++;
    else {
      const item = { rect: { row: run.row + 1, col: run.col + 1, numRows: run.numRows, numCols: 1 }, spec: run.spec, k: run.k };
      out.push(item);
      open.set(id, item);
    }
  }
  return out.map(({ rect, spec }) => ({ rect, spec }));
}

// --- validations <-> Excel ------------------------------------------------------------------

/** Excel stores dates as serials of wall time; exceljs turns a Date into a serial read as UTC. */
function wallDate(ms: number, timeZone: string): Date {
  return new Date(Math.round(EPOCH_UTC + serialFromInstant(ms, timeZone) * 86400000));
}

type ExcelValidation = ExcelJS.DataValidation;

const NUMBER_OPS: Partial<Record<CriteriaName, ExcelJS.DataValidationOperator>> = {
  NUMBER_BETWEEN: 'between',
  NUMBER_NOT_BETWEEN: 'notBetween',
  NUMBER_EQUAL_TO: 'equal',
  NUMBER_NOT_EQUAL_TO: 'notEqual',
  NUMBER_GREATER_THAN: 'greaterThan',
  NUMBER_GREATER_THAN_OR_EQUAL_TO: 'greaterThanOrEqual',
  NUMBER_LESS_THAN: 'lessThan',
  NUMBER_LESS_THAN_OR_EQUAL_TO: 'lessThanOrEqual',
};
const DATE_OPS: Partial<Record<CriteriaName, ExcelJS.DataValidationOperator>> = {
  DATE_BETWEEN: 'between',
  DATE_NOT_BETWEEN: 'notBetween',
  DATE_EQUAL_TO: 'equal',
  DATE_AFTER: 'greaterThan',
  DATE_ON_OR_AFTER: 'greaterThanOrEqual',
  DATE_BEFORE: 'lessThan',
  DATE_ON_OR_BEFORE: 'lessThanOrEqual',
};

function toExcelValidation(spec: ValidationSpec, topLeft: string, wb: WorkbookModel): ExcelValidation {
  const base = {
    allowBlank: true,
    showErrorMessage: !spec.allowInvalid,
    errorStyle: spec.allowInvalid ? 'warning' : 'stop',
    showInputMessage: spec.helpText !== null,
    prompt: spec.helpText ?? undefined,
  } as const;
  const a = spec.args;
  const list = (items: string[]) => ({ ...base, type: 'list' as const, formulae: [`"${items.join(',').replace(/"/g, '""')}"`] });
  switch (spec.criteria) {
    case 'VALUE_IN_LIST':
      return list(a[0] as string[]);
    case 'CHECKBOX':
      return list(a.length ? a.map(String) : ['TRUE', 'FALSE']);
    case 'VALUE_IN_RANGE': {
      const ref = (a[0] as { range: { sheetId: number } & Rect }).range;
      const sheet = wb.sheets.find((s) => s.id === ref.sheetId);
      const abs = a1Of(ref).replace(/([A-Z]+)(\d+)/g, '$$$1$$$2');
      return { ...base, type: 'list', formulae: [`${sheet ? quoteSheetName(sheet.name) + '!' : ''}${abs}`] };
    }
    case 'DATE_IS_VALID_DATE':
      return { ...base, type: 'date', operator: 'greaterThan', formulae: [new Date(EPOCH_UTC)] };
    case 'TEXT_IS_VALID_EMAIL':
      return { ...base, type: 'custom', formulae: [`ISNUMBER(MATCH("*@*.?*",${topLeft},0))`] };
    case 'TEXT_IS_VALID_URL':
      return { ...base, type: 'custom', formulae: [`ISNUMBER(SEARCH("://",${topLeft}))`] };
    case 'TEXT_CONTAINS':
      return { ...base, type: 'custom', formulae: [`ISNUMBER(SEARCH("${a[0]}",${topLeft}))`] };
    case 'TEXT_DOES_NOT_CONTAIN':
      return { ...base, type: 'custom', formulae: [`ISERROR(SEARCH("${a[0]}",${topLeft}))`] };
    case 'TEXT_EQUAL_TO':
      return { ...base, type: 'custom', formulae: [`${topLeft}="${a[0]}"`] };
    case 'CUSTOM_FORMULA':
      return { ...base, type: 'custom', formulae: [String(a[0]).replace(/^=/, '')] };
    default:
      break;
  }
  if (NUMBER_OPS[spec.criteria]) return { ...base, type: 'decimal', operator: NUMBER_OPS[spec.criteria], formulae: a as number[] };
  const dates = a.map((x) => wallDate((x as { date: number }).date, wb.timeZone));
  return { ...base, type: 'date', operator: DATE_OPS[spec.criteria] ?? 'greaterThan', formulae: dates };
}

function fromExcelValidation(v: ExcelValidation, wb: WorkbookModel, timeZone: string): ValidationSpec | null {
  const spec = (criteria: CriteriaName, args: SpecArg[]): ValidationSpec => ({
    criteria,
    args,
    allowInvalid: !v.showErrorMessage || v.errorStyle === 'warning' || v.errorStyle === 'information',
    helpText: v.prompt ?? null,
  });
  const f = (v.formulae ?? []).map((x) => (x instanceof Date ? x : String(x)));
  if (v.type === 'list') {
    const src = String(f[0] ?? '');
    if (src.startsWith('"')) return spec('VALUE_IN_LIST', [src.slice(1, -1).replace(/""/g, '"').split(','), true]);
    const { sheet, ref } = splitSheet(src.replace(/\$/g, ''));
    const target = sheet === null ? null : wb.sheets.find((s) => s.name === sheet);
    const rect = target ? parseA1(ref, target.maxRows, target.maxCols) : null;
    return target && rect ? spec('VALUE_IN_RANGE', [{ range: { ...rect, sheetId: target.id } }, true]) : null;
  }
  if (v.type === 'custom') return spec('CUSTOM_FORMULA', [`=${f[0] ?? ''}`]);
  const op = v.operator ?? 'between';
  if (v.type === 'decimal' || v.type === 'whole') {
    const name = (Object.keys(NUMBER_OPS) as CriteriaName[]).find((k) => NUMBER_OPS[k] === op);
    return name ? spec(name, f.map(Number)) : null;
  }
  if (v.type === 'date') {
    const name = (Object.keys(DATE_OPS) as CriteriaName[]).find((k) => DATE_OPS[k] === op);
    const dates = f.map((d) => {
      const wall = d instanceof Date ? d.getTime() : Date.parse(String(d));
      return { date: instantOfWall(wall, timeZone) };
    });
    return name ? spec(name, dates) : null;
  }
  return null;
}

function instantOfWall(wallAsUtcMs: number, timeZone: string): number {
  return instantFromSerial((wallAsUtcMs - EPOCH_UTC) / 86400000, timeZone);
}

// --- conditional formats <-> Excel -----------------------------------------------------------

function argb(color: string | null | undefined): { argb: string } | undefined {
  return color ? { argb: 'FF' + color.replace('#', '').toUpperCase() } : undefined;
}

function toExcelRule(rule: CfRuleSpec, topLeft: string): ExcelJS.ConditionalFormattingRule | null {
  const f = rule.format;
  const style: Partial<ExcelJS.Style> = {};
  if (f.background) style.fill = { type: 'pattern', pattern: 'solid', bgColor: argb(f.background) };
  if (f.fontColor || f.bold || f.italic || f.underline || f.strikethrough)
    style.font = {
      color: argb(f.fontColor),
      bold: f.bold ?? undefined,
      italic: f.italic ?? undefined,
      underline: f.underline ?? undefined,
      strike: f.strikethrough ?? undefined,
    };
  const expr = (formula: string): ExcelJS.ConditionalFormattingRule => ({ type: 'expression', priority: 1, formulae: [formula], style });
  const a = rule.args;
  switch (rule.criteria) {
    case 'CUSTOM_FORMULA':
      return expr(String(a[0]).replace(/^=/, ''));
    case 'CELL_EMPTY':
      return expr(`LEN(TRIM(${topLeft}))=0`);
    case 'CELL_NOT_EMPTY':
      return expr(`LEN(TRIM(${topLeft}))>0`);
    case 'TEXT_CONTAINS':
      return { type: 'containsText', operator: 'containsText', text: String(a[0]), priority: 1, style } as ExcelJS.ConditionalFormattingRule;
    case 'TEXT_EQUAL_TO':
      return expr(`${topLeft}="${a[0]}"`);
    default:
      return null;
  }
}

// --- save ----------------------------------------------------------------------------------

function writeCell(cell: ExcelJS.Cell, value: Stored | undefined, formula: string | undefined): void {
  if (formula !== undefined) {
    const result = value === FORMULA_VALUE ? undefined : value;
    cell.value = { formula: formula.replace(/^=/, ''), result } as ExcelJS.CellFormulaValue;
  } else if (value !== undefined) cell.value = value;
}

/** Per column, the number format of the sheet's bottom row: saved as the column's style. */
function columnFormats(s: SheetModel): Array<string | undefined> {
  const bottom = s.formats.rows[s.maxRows - 1];
  return bottom ? Array.from({ length: bottom.length }, (_, c) => bottom[c]) : [];
}

export async function buildXlsx(wb: WorkbookModel): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'Reglament local Workspace';
  for (const s of wb.sheets) {
    const views: Partial<ExcelJS.WorksheetView>[] =
      s.frozenRows || s.frozenCols ? [{ state: 'frozen', xSplit: s.frozenCols, ySplit: s.frozenRows }] : [];
    const ws = book.addWorksheet(s.name, { state: s.hidden ? 'hidden' : 'visible', views });
    // Column styles first: cells made afterwards take them.
    const columnFormat = columnFormats(s);
    columnFormat.forEach((fmt, c) => fmt !== undefined && (ws.getColumn(c + 1).numFmt = fmt));
    const rows = Math.max(s.values.rows.length, s.formulas.rows.length, s.formats.rows.length, s.notes.rows.length, s.backgrounds.rows.length);
    for (let r = 0; r < rows; r++) {
      const cols = Math.max(...[s.values, s.formulas, s.formats, s.notes, s.backgrounds].map((g) => g.rows[r]?.length ?? 0));
      if (cols === 0) continue;
      const row = ws.getRow(r + 1);
      for (let c = 0; c < cols; c++) {
        const value = s.values.get(r, c);
        const formula = s.formulas.get(r, c);
        const fmt = s.formats.get(r, c);
        const note = s.notes.get(r, c);
        const bg = s.backgrounds.get(r, c);
        const ownFormat = fmt !== columnFormat[c];
        if (value === undefined && formula === undefined && !ownFormat && note === undefined && bg === undefined) continue;
        const cell = row.getCell(c + 1);
        writeCell(cell, value, formula);
        if (fmt !== undefined) cell.numFmt = fmt;
        else if (ownFormat) cell.numFmt = 'General';
        // exceljs skips empty cells with the default style, notes included; "locked" is Excel's default anyway.
        if (fmt === undefined && (note !== undefined || ownFormat) && value === undefined && formula === undefined && bg === undefined)
          cell.protection = { locked: true };
        if (bg !== undefined) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: argb(bg) };
        if (note !== undefined) cell.note = note;
      }
    }
    const dv = (ws as unknown as { dataValidations: { add(address: string, v: ExcelValidation): void } }).dataValidations;
    for (const { rect, spec } of validationRects(s)) dv.add(a1Of(rect), toExcelValidation(spec, a1Of({ ...rect, numRows: 1, numCols: 1 }), wb));
    for (const rule of s.cfRules) {
      const own = rule.ranges.filter((r) => r.sheetId === s.id);
      if (!own.length) continue;
      const x = toExcelRule(rule, a1Of({ ...own[0], numRows: 1, numCols: 1 }));
      if (x) ws.addConditionalFormatting({ ref: own.map(a1Of).join(' '), rules: [x] });
    }
    for (const [col, px] of Object.entries(s.columnWidths)) ws.getColumn(Number(col)).width = px / 7;
    for (const col of s.hiddenColumns) ws.getColumn(col).hidden = true;
    const guard = wb.protections.find((p) => p.sheetId === s.id && p.type === 'SHEET' && !p.warningOnly);
    if (guard) {
      // exceljs' protect() hashes a password for ~100k rounds; the model accepts the flags directly.
      (ws as unknown as { sheetProtection: object }).sheetProtection = { sheet: true, selectLockedCells: true, selectUnlockedCells: true };
      for (const u of guard.unprotected)
        for (let r = u.row; r < u.row + u.numRows; r++)
          for (let c = u.col; c < u.col + u.numCols; c++) ws.getCell(r, c).protection = { locked: false };
    }
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}

export function sidecarOf(wb: WorkbookModel, sha: string): Sidecar {
  return {
    version: 1,
    xlsxSha256: sha,
    id: wb.id,
    name: wb.name,
    timeZone: wb.timeZone,
    locale: wb.locale,
    owner: wb.owner,
    editors: wb.editors,
    viewers: wb.viewers,
    nextSheetId: wb.nextSheetId,
    nextProtectionId: wb.nextProtectionId,
    sheets: wb.sheets.map((s) => ({
      id: s.id,
      name: s.name,
      maxRows: s.maxRows,
      maxCols: s.maxCols,
      validations: validationRects(s),
      cfRules: s.cfRules,
    })),
    protections: wb.protections,
  };
}

/** Writes the .xlsx, then the sidecar (which records the file's SHA-256); `write` is atomic or
 * stages the file in the execution's commit, so the two are seen together. */
export async function saveWorkbook(
  wb: WorkbookModel,
  file: string,
  state: StateStore | null,
  write: (file: string, data: Uint8Array) => void = writeFileAtomic,
): Promise<void> {
  const buf = await buildXlsx(wb);
  write(file, buf);
  state?.write(SIDECAR, sidecarOf(wb, createHash('sha256').update(buf).digest('hex')));
}

// --- load ----------------------------------------------------------------------------------

function noteText(note: ExcelJS.Cell['note']): string | undefined {
  if (note === undefined || note === null) return undefined;
  if (typeof note === 'string') return note;
  return (note.texts ?? []).map((t) => t.text).join('');
}

function serialOfExcelDate(d: Date): number {
  return (d.getTime() - EPOCH_UTC) / 86400000;
}

function readCell(cell: ExcelJS.Cell, s: SheetModel, r: number, c: number, locale: string): void {
  const v = cell.value;
  let fmt = cell.numFmt && cell.numFmt !== 'General' ? cell.numFmt : undefined;
  let value: Stored | undefined;
  const scalar = (x: unknown): Stored | undefined => {
    if (x === null || x === undefined) return undefined;
    if (x instanceof Date) {
      if (!isDateFormat(fmt)) fmt = localeInfo(locale).dateTime;
      return serialOfExcelDate(x);
    }
    if (typeof x === 'number' || typeof x === 'string' || typeof x === 'boolean') return x === '' ? undefined : x;
    const o = x as { richText?: { text: string }[]; text?: unknown; error?: string };
    if (o.richText) return o.richText.map((t) => t.text).join('');
    if (o.error) return o.error;
    if (o.text !== undefined) return String(o.text);
    return String(x);
  };
  if (cell.type === ExcelJS.ValueType.Formula) {
    s.formulas.set(r, c, '=' + cell.formula);
    value = scalar(cell.result) ?? FORMULA_VALUE;
  } else value = scalar(v);
  s.values.set(r, c, value);
  if (fmt !== undefined) s.formats.set(r, c, fmt);
  const note = noteText(cell.note);
  if (note !== undefined) s.notes.set(r, c, note);
  const fill = cell.fill as ExcelJS.FillPattern | undefined;
  if (fill && fill.type === 'pattern' && fill.pattern === 'solid' && fill.fgColor?.argb)
    s.backgrounds.set(r, c, '#' + fill.fgColor.argb.slice(-6).toLowerCase());
}

export interface LoadDefaults {
  id: string;
  name: string;
  timeZone: string;
  locale: string;
  owner: string;
}

export async function loadWorkbook(file: string, state: StateStore | null, defaults: LoadDefaults): Promise<WorkbookModel> {
  const buf = fs.readFileSync(file);
  const sha = createHash('sha256').update(buf).digest('hex');
  const side = state?.read<Sidecar | null>(SIDECAR, null) ?? null;
  const exact = side !== null && side.xlsxSha256 === sha;
  const book = new ExcelJS.Workbook();
  // exceljs' typings predate Node's generic Buffer; the bytes are what it expects.
  try {
    await book.xlsx.load(buf as unknown as ExcelJS.Buffer);
  } catch {
    throw new Error(`${file} is not an .xlsx workbook (the file is not a readable Excel/Sheets export)`);
  }
  const wb: WorkbookModel = {
    id: side?.id ?? defaults.id,
    name: side?.name ?? defaults.name,
    timeZone: side?.timeZone ?? defaults.timeZone,
    locale: side?.locale ?? defaults.locale,
    owner: side?.owner ?? defaults.owner,
    editors: side?.editors ?? [],
    viewers: side?.viewers ?? [],
    sheets: [],
    protections: [],
    nextSheetId: side?.nextSheetId ?? 0,
    nextProtectionId: side?.nextProtectionId ?? 1,
  };
  const pending: { ws: ExcelJS.Worksheet; s: SheetModel; saved: SidecarSheet | undefined }[] = [];
  for (const ws of book.worksheets) {
    const saved = side?.sheets.find((x) => x.name === ws.name);
    const id = saved?.id ?? wb.nextSheetId;
    wb.nextSheetId = Math.max(wb.nextSheetId, id + 1);
    const s = newSheet(
      id,
      ws.name,
      Math.max(saved?.maxRows ?? NEW_SHEET_ROWS, ws.rowCount),
      Math.max(saved?.maxCols ?? NEW_SHEET_COLS, ws.columnCount),
    );
    s.hidden = ws.state === 'hidden' || ws.state === 'veryHidden';
    const view = ws.views?.[0];
    if (view?.state === 'frozen') {
      s.frozenRows = view.ySplit ?? 0;
      s.frozenCols = view.xSplit ?? 0;
    }
    // Rows without values too: their cells keep number formats (a text column stays text below
    // the last row typed). A row the file does not hold has no cells to visit.
    ws.eachRow({ includeEmpty: true }, (row, r) =>
      row.eachCell({ includeEmpty: true }, (cell, c) => readCell(cell, s, r - 1, c - 1, wb.locale)),
    );
    for (let c = 1; c <= Math.max(ws.columnCount, ws.columns?.length ?? 0); c++) {
      const col = ws.getColumn(c);
      // exceljs writes its default width (9) on a column that only has a style: not a width set.
      if (col.width !== undefined && col.isCustomWidth) s.columnWidths[c] = Math.round(col.width * 7);
      if (col.hidden) s.hiddenColumns.push(c);
      // A column's style is the format of each of its cells the file does not hold.
      const fmt = col.numFmt;
      if (fmt && fmt !== 'General') for (let r = 1; r <= s.maxRows; r++) if (!ws.findRow(r)?.findCell(c)) s.formats.set(r - 1, c - 1, fmt);
    }
    wb.sheets.push(s);
    pending.push({ ws, s, saved });
  }
  // Validations and rules second: a range-list source may point at any sheet.
  for (const { ws, s, saved } of pending) {
    if (exact && saved) {
      for (const { rect, spec } of saved.validations)
        for (let r = rect.row - 1; r < rect.row - 1 + rect.numRows; r++)
          for (let c = rect.col - 1; c < rect.col - 1 + rect.numCols; c++) s.validations.set(r, c, spec);
      s.cfRules = saved.cfRules;
    } else {
      const model = (ws as unknown as { dataValidations: unknown }).dataValidations as { model: Record<string, ExcelValidation | undefined> };
      const modelMap = model.model;
      const shared = new Map<ExcelValidation, ValidationSpec | null>();
      for (const [addr, v] of Object.entries(modelMap)) {
        if (!v) continue;
        if (!shared.has(v)) shared.set(v, fromExcelValidation(v, wb, wb.timeZone));
        const spec = shared.get(v);
        const rect = parseA1(addr, s.maxRows, s.maxCols);
        if (spec && rect) s.validations.set(rect.row - 1, rect.col - 1, spec);
      }
      for (const cf of (ws as unknown as { conditionalFormattings?: ExcelJS.ConditionalFormattingOptions[] }).conditionalFormattings ?? [])
        for (const rule of cf.rules) {
          const ranges = cf.ref
            .split(/\s+/)
            .map((a) => parseA1(a, s.maxRows, s.maxCols))
            .filter((x): x is Rect => x !== null);
          const style = (rule as { style?: Partial<ExcelJS.Style> }).style;
          const bg = (style?.fill as ExcelJS.FillPattern | undefined)?.bgColor?.argb;
          const font = style?.font?.color?.argb;
          const format = {
            background: bg ? '#' + bg.slice(-6).toLowerCase() : undefined,
            fontColor: font ? '#' + font.slice(-6).toLowerCase() : undefined,
          };
          const refs = ranges.map((x) => ({ ...x, sheetId: s.id }));
          if (rule.type === 'expression')
            s.cfRules.push({ ranges: refs, criteria: 'CUSTOM_FORMULA', args: [`=${rule.formulae?.[0] ?? ''}`], format });
          else if (rule.type === 'containsText')
            s.cfRules.push({ ranges: refs, criteria: 'TEXT_CONTAINS', args: [String((rule as { text?: string }).text ?? '')], format });
        }
    }
  }
  const byName = new Map((side?.sheets ?? []).map((x) => [x.id, x.name]));
  for (const p of side?.protections ?? []) {
    const sheet = wb.sheets.find((s) => s.name === byName.get(p.sheetId));
    if (sheet) wb.protections.push({ ...p, sheetId: sheet.id });
  }
  for (const { ws, s } of pending) {
    const prot = (ws as unknown as { sheetProtection?: { sheet?: boolean } | null }).sheetProtection;
    if (prot?.sheet && !wb.protections.some((p) => p.sheetId === s.id && p.type === 'SHEET'))
      wb.protections.push({
        id: wb.nextProtectionId++,
        type: 'SHEET',
        sheetId: s.id,
        rect: null,
        description: '',
        warningOnly: false,
        restricted: true,
        editors: [wb.owner],
        domainEdit: false,
        unprotected: [],
      });
  }
  return wb;
}
