/**
 * The spreadsheet's state, independent of the Apps Script objects that expose it: plain,
 * JSON-friendly records plus one Grid per cell attribute. Everything the .xlsx and the
 * sidecar save comes from here.
 */
import { Rect, shiftRows } from './a1';
import type { BooleanCriteriaName, CriteriaName } from './enums';
import { Grid } from './grid';
import type { Stored } from './values';

export interface RangeRef extends Rect {
  sheetId: number;
}

/** Criteria arguments kept JSON-safe: dates as instants, ranges as references. */
export type SpecArg = string | number | boolean | string[] | { date: number } | { range: RangeRef };

export interface ValidationSpec {
  criteria: CriteriaName;
  args: SpecArg[];
  allowInvalid: boolean;
  helpText: string | null;
}

export interface CfFormat {
  background?: string | null;
  fontColor?: string | null;
  bold?: boolean | null;
  italic?: boolean | null;
  underline?: boolean | null;
  strikethrough?: boolean | null;
}

export interface CfRuleSpec {
  ranges: RangeRef[];
  criteria: BooleanCriteriaName;
  args: SpecArg[];
  format: CfFormat;
}

export interface ProtectionSpec {
  id: number;
  type: 'RANGE' | 'SHEET';
  sheetId: number;
  /** The protected rectangle (a sheet protection covers the whole sheet). */
  rect: Rect | null;
  description: string;
  warningOnly: boolean;
  /** False until editors or domain edit change: until then it "mirrors the spreadsheet" (Google). */
  restricted: boolean;
  editors: string[];
  domainEdit: boolean;
  unprotected: Rect[];
}

export interface SheetModel {
  id: number;
  name: string;
  maxRows: number;
  maxCols: number;
  frozenRows: number;
  frozenCols: number;
  hidden: boolean;
  values: Grid<Stored>;
  formulas: Grid<string>;
  formats: Grid<string>;
  notes: Grid<string>;
  backgrounds: Grid<string>;
  validations: Grid<ValidationSpec>;
  cfRules: CfRuleSpec[];
  columnWidths: Record<number, number>;
  hiddenColumns: number[];
  /** Range.setFontWeight: 'bold' (undefined = normal). */
  fontWeights: Grid<'bold'>;
  /** Range.setWrap(true) (undefined = Google's default, overflow). */
  wraps: Grid<true>;
  /** Column group depth per 1-based column (Range.shiftColumnGroupDepth); absent = 0. */
  columnGroups: Record<number, number>;
  /** 1-based columns hidden by a collapsed group (not by the user). */
  collapsedColumns: number[];
}

export interface WorkbookModel {
  id: string;
  name: string;
  timeZone: string;
  locale: string;
  owner: string;
  editors: string[];
  viewers: string[];
  sheets: SheetModel[];
  protections: ProtectionSpec[];
  nextSheetId: number;
  nextProtectionId: number;
}

/** A new sheet is 1000 rows × 26 columns, like one added in Google Sheets. */
export const NEW_SHEET_ROWS = 1000;
export const NEW_SHEET_COLS = 26;

export function newSheet(id: number, name: string, rows = NEW_SHEET_ROWS, cols = NEW_SHEET_COLS): SheetModel {
  return {
    id,
    name,
    maxRows: rows,
    maxCols: cols,
    frozenRows: 0,
    frozenCols: 0,
    hidden: false,
    values: new Grid(),
    formulas: new Grid(),
    formats: new Grid(),
    notes: new Grid(),
    backgrounds: new Grid(),
    validations: new Grid(),
    cfRules: [],
    columnWidths: {},
    hiddenColumns: [],
    fontWeights: new Grid(),
    wraps: new Grid(),
    columnGroups: {},
    collapsedColumns: [],
  };
}

export function cellLayers(s: SheetModel): Grid<unknown>[] {
  return [s.values, s.formulas, s.formats, s.notes, s.backgrounds, s.validations, s.fontWeights, s.wraps];
}

export function totalCells(wb: WorkbookModel): number {
  return wb.sheets.reduce((n, s) => n + s.maxRows * s.maxCols, 0);
}

/** Moves everything that points at rows of `sheet` after rows were inserted or deleted. */
export function shiftReferences(wb: WorkbookModel, sheet: SheetModel, at: number, count: number): void {
  const move = (r: Rect) => shiftRows(r, at, count);
  wb.protections = wb.protections.filter((p) => {
    if (p.sheetId !== sheet.id) return true;
    p.unprotected = p.unprotected.map(move).filter((r): r is Rect => r !== null);
    if (p.type === 'SHEET' || !p.rect) return true;
    p.rect = move(p.rect);
    return p.rect !== null;
  });
  for (const s of wb.sheets) {
    s.cfRules = s.cfRules.filter((rule) => {
      rule.ranges = rule.ranges.flatMap((r) => {
        if (r.sheetId !== sheet.id) return [r];
        const m = move(r);
        return m ? [{ ...m, sheetId: r.sheetId }] : [];
      });
      return rule.ranges.length > 0;
    });
  }
  // requireValueInRange sources move too; validations are shared objects, so shift each once.
  const seen = new Set<ValidationSpec>();
  for (const s of wb.sheets)
    s.validations.forEach((v) => {
      if (seen.has(v)) return;
      seen.add(v);
      v.args = v.args.map((a) => {
        if (typeof a === 'object' && a !== null && 'range' in a && a.range.sheetId === sheet.id) {
          const m = move(a.range);
          return m ? { range: { ...m, sheetId: a.range.sheetId } } : a;
        }
        return a;
      });
    });
}
