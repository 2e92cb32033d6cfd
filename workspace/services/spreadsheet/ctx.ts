/**
 * What every Apps Script object of the fake shares: the runtime, the model, the user's
 * selection, the UI log, and factories (so range.ts, sheet.ts and friends need not import
 * each other in a cycle).
 */
import type { Runtime } from '../../runtime/runtime';
import type { Rect } from './a1';
import type { RangeRef, SheetModel, WorkbookModel } from './model';

/** Key under which a fake Range exposes where it points (for requireValueInRange, setRanges…). */
export const RANGE_REF = Symbol('rangeRef');

export interface RangeLike {
  [RANGE_REF]: RangeRef;
}

export function rangeRefOf(v: unknown): RangeRef | null {
  return typeof v === 'object' && v !== null && RANGE_REF in v ? (v as RangeLike)[RANGE_REF] : null;
}

/** Apps Script's getters (get…, is…, can…, has…) leave the spreadsheet as it was; anything else may change it. */
export function mayChange(method: string): boolean {
  return !/^(get|is|can|has)[A-Z]/.test(method);
}

export interface Toast {
  message: string;
  title: string;
  timeoutSeconds: number;
  at: Date;
}

export type MenuEntry = { caption: string; functionName: string } | { separator: true } | { caption: string; items: MenuEntry[] };

export interface UiEvent {
  kind: 'alert' | 'prompt' | 'sidebar' | 'modalDialog' | 'modelessDialog' | 'menu';
  title: string;
  /** Alert/prompt text, or a dialog's HTML content. */
  content: string;
  buttons?: string;
  /** The button the simulated user pressed (alert/prompt). */
  response?: string;
  items?: MenuEntry[];
  at: Date;
}

/** Decides what the simulated person answers to an alert or prompt. */
export type UiResponder = (event: UiEvent) => { button?: string; text?: string } | undefined;

export interface Ctx {
  rt: Runtime;
  wb: WorkbookModel;
  selection: { sheetId: number; rect: Rect };
  toasts: Toast[];
  uiLog: UiEvent[];
  responder: UiResponder | null;
  /** Set by any call that may change the model: the .xlsx is written again only then. */
  dirty: boolean;
  fail(message: string): Error;
  sheetById(id: number): SheetModel | undefined;
  /** The Apps Script Sheet object for a model (one per sheet). */
  sheet(model: SheetModel): object;
  range(model: SheetModel, rect: Rect): object;
  spreadsheet(): object;
}
