/**
 * Class Spreadsheet and the SpreadsheetApp global.
 * https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet
 * https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet-app
 * Reproduced: 'A sheet with the name "X" already exists. Please enter another name.';
 * "You can't remove all the sheets in a document."; insertSheet places the new sheet after
 * the active sheet and makes it active; getRange("Sheet!A1") with "Range not found";
 * openById/openByUrl of any other spreadsheet fail with Google's "Unexpected error while
 * getting the method or property openById on object SpreadsheetApp."; getUi() throws
 * "Cannot call SpreadsheetApp.getUi() from this context." from time-driven triggers; toast()
 * shows nothing from a time-driven trigger (no one's browser is attached to that execution;
 * Google documents no error and none is thrown). getSheetByName matches names exactly.
 * Not reproduced: sheet templates, named ranges, developer metadata, viewers' restrictions.
 */
import { parseA1, splitSheet } from './a1';
import { ConditionalFormatRuleBuilder } from './conditional';
import { Ctx, mayChange, rangeRefOf } from './ctx';
import * as enums from './enums';
import { MAX_CELLS, MSG, describeArgs } from './messages';
import { NEW_SHEET_COLS, NEW_SHEET_ROWS, SheetModel, newSheet, totalCells } from './model';
import { Protection } from './protection';
import type { Range } from './range';
import { Sheet } from './sheet';
import { Ui } from './ui';
import { emailOf, makeUser, sameEmail, uniqueEmails } from './users';
import { DataValidationBuilder } from './validation';
import { isValidTimeZone } from '../../runtime/tz';

export class Spreadsheet {
  constructor(private ctx: Ctx) {}

  private call(method: string): void {
    if (mayChange(method)) this.ctx.dirty = true;
    this.ctx.rt.call(`Spreadsheet.${method}`);
  }
  private fail(message: string): Error {
    return this.ctx.fail(message);
  }

  activeModel(): SheetModel {
    return this.ctx.sheetById(this.ctx.selection.sheetId) ?? this.ctx.wb.sheets[0];
  }

  getId(): string {
    this.call('getId');
    return this.ctx.wb.id;
  }
  getName(): string {
    this.call('getName');
    return this.ctx.wb.name;
  }
  rename(name: string): void {
    this.call('rename');
    this.ctx.wb.name = String(name);
  }
  getUrl(): string {
    this.call('getUrl');
    return spreadsheetUrl(this.ctx.wb.id);
  }
  getSheets(): object[] {
    this.call('getSheets');
    return this.ctx.wb.sheets.map((s) => this.ctx.sheet(s));
  }
  getNumSheets(): number {
    this.call('getNumSheets');
    return this.ctx.wb.sheets.length;
  }
  getSheetByName(name: string): object | null {
    this.call('getSheetByName');
    const s = this.ctx.wb.sheets.find((x) => x.name === String(name));
    return s ? this.ctx.sheet(s) : null;
  }
  getSheetById(id: number): object | null {
    this.call('getSheetById');
    const s = this.ctx.sheetById(Number(id));
    return s ? this.ctx.sheet(s) : null;
  }

  /** insertSheet() / (index) / (name) / (name, index); options (templates) are ignored. */
  insertSheet(a?: unknown, b?: unknown): object {
    this.call('insertSheet');
    const { wb } = this.ctx;
    let name = typeof a === 'string' ? a : null;
    const indexArg = typeof a === 'number' ? a : typeof b === 'number' ? b : null;
    if (name === null) {
      let n = wb.sheets.length + 1;
      while (wb.sheets.some((s) => s.name.toLowerCase() === `sheet${n}`)) n++;
      name = `Sheet${n}`;
    }
    if (wb.sheets.some((s) => s.name.toLowerCase() === name!.toLowerCase())) throw this.fail(MSG.sheetExists(name));
    if (totalCells(wb) + NEW_SHEET_ROWS * NEW_SHEET_COLS > MAX_CELLS) throw this.fail(MSG.cellLimit);
    const model = newSheet(wb.nextSheetId++, name);
    const index = indexArg === null ? wb.sheets.indexOf(this.activeModel()) + 1 : Math.max(0, Math.min(Math.trunc(indexArg), wb.sheets.length));
    wb.sheets.splice(index, 0, model);
    this.ctx.selection = { sheetId: model.id, rect: { row: 1, col: 1, numRows: 1, numCols: 1 } };
    return this.ctx.sheet(model);
  }

  deleteSheet(sheet: unknown): void {
    this.call('deleteSheet');
    if (!(sheet instanceof Sheet)) throw this.fail(MSG.signature(describeArgs([sheet]), 'SpreadsheetApp.Spreadsheet.deleteSheet'));
    const { wb } = this.ctx;
    if (wb.sheets.length === 1) throw this.fail(MSG.removeAllSheets);
    wb.sheets = wb.sheets.filter((s) => s !== sheet.model);
    wb.protections = wb.protections.filter((p) => p.sheetId !== sheet.model.id);
    if (this.ctx.selection.sheetId === sheet.model.id)
      this.ctx.selection = { sheetId: wb.sheets[0].id, rect: { row: 1, col: 1, numRows: 1, numCols: 1 } };
  }

  getSpreadsheetTimeZone(): string {
    this.call('getSpreadsheetTimeZone');
    return this.ctx.wb.timeZone;
  }
  /** An unknown zone id is refused (the fake cannot do zone math without it). */
  setSpreadsheetTimeZone(timeZone: string): void {
    this.call('setSpreadsheetTimeZone');
    if (!isValidTimeZone(String(timeZone))) throw this.fail(`Invalid argument: ${timeZone}`);
    this.ctx.wb.timeZone = String(timeZone);
  }
  getSpreadsheetLocale(): string {
    this.call('getSpreadsheetLocale');
    return this.ctx.wb.locale;
  }
  setSpreadsheetLocale(locale: string): void {
    this.call('setSpreadsheetLocale');
    this.ctx.wb.locale = String(locale);
  }

  toast(msg: unknown, title?: unknown, timeoutSeconds?: unknown): void {
    this.call('toast');
    if (this.ctx.rt.execution.kind === 'time') return;
    this.ctx.toasts.push({
      message: String(msg),
      title: title === undefined || title === null ? '' : String(title),
      timeoutSeconds: typeof timeoutSeconds === 'number' ? timeoutSeconds : 5,
      at: this.ctx.rt.now(),
    });
  }

  getActiveSheet(): object {
    this.call('getActiveSheet');
    return this.ctx.sheet(this.activeModel());
  }
  setActiveSheet(sheet: unknown): object {
    this.call('setActiveSheet');
    return this.activate(sheet);
  }
  activate(sheet: unknown): object {
    if (!(sheet instanceof Sheet)) throw this.fail(MSG.signature(describeArgs([sheet]), 'SpreadsheetApp.Spreadsheet.setActiveSheet'));
    this.ctx.selection = { sheetId: sheet.model.id, rect: { row: 1, col: 1, numRows: 1, numCols: 1 } };
    return sheet;
  }
  activeRange(): Range {
    const s = this.activeModel();
    const rect = this.ctx.selection.sheetId === s.id ? this.ctx.selection.rect : { row: 1, col: 1, numRows: 1, numCols: 1 };
    return this.ctx.range(s, rect) as Range;
  }
  getActiveRange(): object {
    this.call('getActiveRange');
    return this.activeRange();
  }
  getActiveCell(): object {
    this.call('getActiveCell');
    return this.activeCell();
  }
  activeCell(): object {
    const s = this.activeModel();
    const { row, col } = this.ctx.selection.sheetId === s.id ? this.ctx.selection.rect : { row: 1, col: 1 };
    return this.ctx.range(s, { row, col, numRows: 1, numCols: 1 });
  }
  getCurrentCell(): object {
    this.call('getCurrentCell');
    return this.activeCell();
  }
  setActiveRange(range: unknown): object {
    this.call('setActiveRange');
    return this.select(range);
  }
  select(range: unknown): object {
    const ref = rangeRefOf(range);
    if (!ref) throw this.fail(MSG.signature(describeArgs([range]), 'SpreadsheetApp.Spreadsheet.setActiveRange'));
    this.ctx.selection = { sheetId: ref.sheetId, rect: { row: ref.row, col: ref.col, numRows: ref.numRows, numCols: ref.numCols } };
    return range as object;
  }

  getRange(a1Notation: string): object {
    this.call('getRange');
    const { sheet, ref } = splitSheet(String(a1Notation));
    const model = sheet === null ? this.activeModel() : this.ctx.wb.sheets.find((s) => s.name === sheet);
    if (!model) throw this.fail(MSG.rangeNotFound);
    const rect = parseA1(ref, model.maxRows, model.maxCols);
    if (!rect || rect.row + rect.numRows - 1 > model.maxRows || rect.col + rect.numCols - 1 > model.maxCols) throw this.fail(MSG.rangeNotFound);
    return this.ctx.range(model, rect);
  }

  getOwner(): object | null {
    this.call('getOwner');
    return makeUser(this.ctx.wb.owner);
  }
  getEditors(): object[] {
    this.call('getEditors');
    return uniqueEmails([this.ctx.wb.owner, ...this.ctx.wb.editors]).map(makeUser);
  }
  addEditor(user: unknown): Spreadsheet {
    this.call('addEditor');
    this.ctx.wb.editors = uniqueEmails([...this.ctx.wb.editors, emailOf(user)]);
    return this;
  }
  addEditors(emails: unknown): Spreadsheet {
    this.call('addEditors');
    if (!Array.isArray(emails)) throw this.fail(MSG.signature(describeArgs([emails]), 'SpreadsheetApp.Spreadsheet.addEditors'));
    this.ctx.wb.editors = uniqueEmails([...this.ctx.wb.editors, ...emails.map(emailOf)]);
    return this;
  }
  removeEditor(user: unknown): Spreadsheet {
    this.call('removeEditor');
    const e = emailOf(user);
    this.ctx.wb.editors = this.ctx.wb.editors.filter((x) => !sameEmail(x, e));
    return this;
  }
  getViewers(): object[] {
    this.call('getViewers');
    return this.ctx.wb.viewers.map(makeUser);
  }
  addViewer(user: unknown): Spreadsheet {
    this.call('addViewer');
    this.ctx.wb.viewers = uniqueEmails([...this.ctx.wb.viewers, emailOf(user)]);
    return this;
  }
  getProtections(type: unknown): Protection[] {
    this.call('getProtections');
    const t = String(type);
    return this.ctx.wb.protections.filter((p) => p.type === t).map((p) => new Protection(this.ctx, p));
  }
}

export function spreadsheetUrl(id: string): string {
  return `https://docs.google.com/spreadsheets/d/${id}/edit`;
}

/** The SpreadsheetApp global. */
export function makeSpreadsheetApp(ctx: Ctx, ss: Spreadsheet): Record<string, unknown> {
  const call = (m: string) => ctx.rt.call(`SpreadsheetApp.${m}`);
  return {
    DataValidationCriteria: enums.DataValidationCriteria,
    BooleanCriteria: enums.BooleanCriteria,
    ProtectionType: enums.ProtectionType,
    Dimension: enums.Dimension,
    WrapStrategy: enums.WrapStrategy,
    BorderStyle: enums.BorderStyle,
    getActiveSpreadsheet: () => (call('getActiveSpreadsheet'), ss),
    getActive: () => (call('getActive'), ss),
    getActiveSheet: () => (call('getActiveSheet'), ctx.sheet(ss.activeModel())),
    getActiveRange: () => (call('getActiveRange'), ss.activeRange()),
    getCurrentCell: () => (call('getCurrentCell'), ss.activeCell()),
    setActiveSheet: (sheet: unknown) => (call('setActiveSheet'), ss.activate(sheet)),
    setActiveRange: (range: unknown) => (call('setActiveRange'), ss.select(range)),
    flush: () => call('flush'),
    getUi: () => {
      call('getUi');
      if (ctx.rt.execution.kind === 'time') throw ctx.fail(MSG.getUiContext);
      return new Ui(ctx);
    },
    newDataValidation: () => (call('newDataValidation'), new DataValidationBuilder(ctx)),
    newConditionalFormatRule: () => (call('newConditionalFormatRule'), new ConditionalFormatRuleBuilder(ctx)),
    openById: (id: unknown) => {
      call('openById');
      if (String(id) !== ctx.wb.id) throw ctx.fail(MSG.openById);
      return ss;
    },
    openByUrl: (url: unknown) => {
      call('openByUrl');
      if (!String(url).includes(`/d/${ctx.wb.id}`))
        throw ctx.fail('Unexpected error while getting the method or property openByUrl on object SpreadsheetApp.');
      return ss;
    },
  };
}
