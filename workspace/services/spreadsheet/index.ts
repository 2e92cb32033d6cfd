/**
 * The SpreadsheetApp fake: the container spreadsheet of the bound script, backed by a real
 * .xlsx file (see xlsx.ts) and a sidecar in the state folder. Module map:
 *   spreadsheet.ts (Spreadsheet, SpreadsheetApp) · sheet.ts · range.ts · protection.ts ·
 *   validation.ts · conditional.ts · ui.ts · values.ts (types, parsing, display) ·
 *   model.ts/grid.ts (state) · a1.ts · messages.ts (Google's texts and limits).
 * Besides the globals, the service offers an inspection API for tests and the CLI; it never
 * counts calls.
 */
import { randomBytes } from 'crypto';
import * as fs from 'fs';
import type { FakeService, Runtime } from '../../runtime/runtime';
import { Rect } from './a1';
import { Ctx, Toast, UiEvent, UiResponder } from './ctx';
import { MSG } from './messages';
import { SheetModel, WorkbookModel, newSheet } from './model';
import { refusingProtection } from './protection';
import { Range, checkedRect } from './range';
import { Sheet } from './sheet';
import { Spreadsheet, makeSpreadsheetApp } from './spreadsheet';
import { AUTOMATIC_FORMAT, fromStored, toStored } from './values';
import { loadWorkbook, saveWorkbook } from './xlsx';

export { MSG } from './messages';
export type { Toast, UiEvent, MenuEntry, UiResponder } from './ctx';

export interface SpreadsheetOptions {
  /** The .xlsx backing the spreadsheet; loaded if it exists, written by flush(). */
  file?: string;
  timeZone?: string;
  locale?: string;
  name?: string;
  /** The owner (default: the runtime's effective user at creation). */
  owner?: string;
}

export interface SpreadsheetFake extends FakeService {
  globals: { SpreadsheetApp: Record<string, unknown> };
  /** Saves the .xlsx (atomically) and the sidecar. */
  flush(): Promise<void>;
  /** The Spreadsheet object (for event objects' `source`), not counted. */
  readonly spreadsheet: Spreadsheet;
  readonly model: WorkbookModel;
  sheetNames(): string[];
  /** The sheet's data range as getValues would give it ([] for an empty sheet). */
  readValues(sheetName: string): unknown[][];
  /** The spreadsheet's time zone and locale (getSpreadsheetTimeZone/Locale without counting). */
  timeZone(): string;
  locale(): string;
  /** A cell's number format as getNumberFormat() gives it ("@" = plain text). */
  numberFormat(sheetName: string, row: number, col: number): string;
  /** A Range object for event objects (e.range), not counted. */
  rangeFor(sheetName: string, row: number, col: number, numRows?: number, numCols?: number): GasRange;
  readonly toasts: Toast[];
  readonly uiLog: UiEvent[];
  /** Decides what the simulated person answers to alerts and prompts (default OK / YES). */
  setUiResponder(responder: UiResponder | null): void;
  /** Simulates the person's selection (what getActiveSheet/getActiveRange return). */
  setActive(sheetName: string, row: number, col: number): void;
  /** Writes cells as a person typing would, refused by protections the person may not edit. */
  personEdit(sheetName: string, row: number, col: number, values: unknown[][], user: string): { range: GasRange; oldValues: unknown[][] };
  /** Of `columns` (1-based) in `row`, those a protection keeps `user` from typing into. */
  protectedColumns(sheetName: string, row: number, columns: number[], user: string): number[];
}

/** The fake's Range stands in for Apps Script's (it implements the methods the project uses). */
type GasRange = GoogleAppsScript.Spreadsheet.Range;
const asGas = (r: Range): GasRange => r as unknown as GasRange;

function newSpreadsheetId(): string {
  return randomBytes(33).toString('base64url').slice(0, 44);
}

export async function createSpreadsheetService(rt: Runtime, options: SpreadsheetOptions = {}): Promise<SpreadsheetFake> {
  const defaults = {
    id: newSpreadsheetId(),
    name: options.name ?? 'Reglament',
    timeZone: options.timeZone ?? 'Europe/Moscow',
    locale: options.locale ?? 'ru_RU',
    owner: options.owner ?? rt.execution.effectiveUser,
  };
  const wb: WorkbookModel =
    options.file && fs.existsSync(options.file)
      ? await loadWorkbook(options.file, rt.state, defaults)
      : {
          ...defaults,
          editors: [],
          viewers: [],
          sheets: [newSheet(0, 'Sheet1')],
          protections: [],
          nextSheetId: 1,
          nextProtectionId: 1,
        };

  const sheets = new WeakMap<SheetModel, Sheet>();
  const ctx: Ctx = {
    rt,
    wb,
    selection: { sheetId: wb.sheets[0].id, rect: { row: 1, col: 1, numRows: 1, numCols: 1 } },
    toasts: [],
    uiLog: [],
    responder: null,
    dirty: !(options.file && fs.existsSync(options.file)),
    fail: (m) => rt.error(m),
    sheetById: (id) => wb.sheets.find((s) => s.id === id),
    sheet: (model) => {
      let s = sheets.get(model);
      if (!s) sheets.set(model, (s = new Sheet(ctx, model)));
      return s;
    },
    range: (model, rect) =>
      new Range(ctx, model, {
        row: rect.row,
        col: rect.col,
        numRows: rect.numRows,
        numCols: rect.numCols,
        ...(rect.openEnded ? { openEnded: true } : {}),
      }),
    spreadsheet: () => spreadsheet,
  };
  const spreadsheet = new Spreadsheet(ctx);
  const SpreadsheetApp = makeSpreadsheetApp(ctx, spreadsheet);

  const sheetNamed = (name: string): SheetModel => {
    const s = wb.sheets.find((x) => x.name === name);
    if (!s) throw new Error(`No sheet named "${name}"`);
    return s;
  };
  const valuesOf = (s: SheetModel, rect: Rect): unknown[][] => {
    const out: unknown[][] = [];
    for (let r = rect.row - 1; r < rect.row - 1 + rect.numRows; r++) {
      const line: unknown[] = [];
      for (let c = rect.col - 1; c < rect.col - 1 + rect.numCols; c++)
        line.push(fromStored(s.values.get(r, c), s.formats.get(r, c), wb.timeZone, (ms) => rt.date(ms)));
      out.push(line);
    }
    return out;
  };

  return {
    globals: { SpreadsheetApp },
    spreadsheet,
    model: wb,
    toasts: ctx.toasts,
    uiLog: ctx.uiLog,
    async flush() {
      // A run that only read the workbook leaves the .xlsx as it is (an idle tick writes nothing).
      if (!options.file || !ctx.dirty) return;
      await saveWorkbook(wb, options.file, rt.state, (file, data) => rt.writeFile(file, data));
      ctx.dirty = false;
    },
    sheetNames: () => wb.sheets.map((s) => s.name),
    timeZone: () => wb.timeZone,
    locale: () => wb.locale,
    numberFormat: (sheetName, row, col) => sheetNamed(sheetName).formats.get(row - 1, col - 1) ?? AUTOMATIC_FORMAT,
    readValues(sheetName) {
      const s = sheetNamed(sheetName);
      const rows = s.values.lastRow();
      const cols = s.values.lastCol();
      return rows === 0 ? [] : valuesOf(s, { row: 1, col: 1, numRows: rows, numCols: cols });
    },
    rangeFor(sheetName, row, col, numRows = 1, numCols = 1) {
      return asGas(new Range(ctx, sheetNamed(sheetName), { row, col, numRows, numCols }));
    },
    setUiResponder(responder) {
      ctx.responder = responder;
    },
    setActive(sheetName, row, col) {
      ctx.selection = { sheetId: sheetNamed(sheetName).id, rect: { row, col, numRows: 1, numCols: 1 } };
    },
    protectedColumns(sheetName, row, columns, user) {
      const s = sheetNamed(sheetName);
      return columns.filter((col) => refusingProtection(ctx, s, { row, col, numRows: 1, numCols: 1 }, user));
    },
    personEdit(sheetName, row, col, values, user) {
      const s = sheetNamed(sheetName);
      const numRows = values.length;
      const numCols = Math.max(1, ...values.map((r) => r.length));
      const rect = checkedRect(ctx, s, row, col, numRows, numCols);
      if (refusingProtection(ctx, s, rect, user)) throw rt.error(MSG.protectedCell);
      ctx.dirty = true;
      const oldValues = valuesOf(s, rect);
      values.forEach((line, i) =>
        line.forEach((v, j) => {
          const [r, c] = [row - 1 + i, col - 1 + j];
          const w = toStored(v, s.formats.get(r, c), wb.locale, wb.timeZone, (m) => rt.error(m));
          s.values.set(r, c, w.value);
          s.formulas.set(r, c, w.formula);
          if (w.format !== undefined) s.formats.set(r, c, w.format);
        }),
      );
      return { range: asGas(new Range(ctx, s, rect)), oldValues };
    },
  };
}
