/**
 * What the staff's window acts on: the active row, found again by its ID (rows move), and
 * the refusal a person is shown when an action may not go ahead. Who may change which of
 * its cells is rights.ts; writing them as the person would type them is write.ts.
 */
import { findTab, Locale } from '../../core/schema';
import { cellText, isBlank } from '../../core/values';
import { RunContext } from '../../app/context';
import { recordOf } from '../../google/records';
import { loadRows, TabData, sheetRow } from '../../google/workbook';
import { ui, UiKey } from './messages';
import { indexOfId, shellOf } from './read';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export type UiTab = 'orders' | 'agreements' | 'calls';

export const UI_TABS: readonly UiTab[] = ['orders', 'agreements', 'calls'];

export const ID_KEY: Record<UiTab, string> = { orders: 'orderId', agreements: 'agreementId', calls: 'callId' };

/** A row as the page knows it: the sheet's name, the row number, and its ID when it has one. */
export interface RowRef {
  sheet: string;
  row: number;
  id: string;
}

/** A refusal shown to the person (not a failure of the script). */
export class Refusal extends Error {
  constructor(
    message: string,
    readonly details: string[] = [],
  ) {
    super(message);
  }
}

export function refuse(locale: Locale, key: UiKey, params: Record<string, string | number> = {}, details: string[] = []): never {
  throw new Refusal(ui(locale, key, params), details);
}

/** A reference as the page sent it, checked for shape (anything else means "the active row"). */
export function cleanRef(value: unknown): RowRef | null {
  if (!value || typeof value !== 'object') return null;
  const v = value as Record<string, unknown>;
  if (typeof v.sheet !== 'string' || !v.sheet) return null;
  const row = Number(v.row);
  return {
    sheet: v.sheet.slice(0, 200),
    row: Number.isFinite(row) ? Math.floor(row) : 0,
    id: typeof v.id === 'string' ? v.id.slice(0, 100) : '',
  };
}

/** The person's current selection (sheet name, first row). */
export function activeRef(ss: Spreadsheet): RowRef {
  const sheet = ss.getActiveSheet();
  const range = ss.getActiveRange();
  return { sheet: sheet.getName(), row: range ? range.getRow() : 1, id: '' };
}

export interface RowAt {
  key: UiTab;
  tab: TabData;
  /** Data index (0-based below the header). */
  index: number;
  rowNumber: number;
  rec: Record<string, unknown>;
  id: string;
}

export function uiTabOf(sheetName: string): UiTab | undefined {
  const def = findTab(sheetName);
  return def && (UI_TABS as readonly string[]).indexOf(def.key) >= 0 ? (def.key as UiTab) : undefined;
}

/** The row a reference names: by its ID when it has one (rows move), else by its number. */
export function locate(ctx: RunContext, ref: RowRef | null | undefined, want?: UiTab): RowAt | null {
  if (!ref) return null;
  const key = uiTabOf(String(ref.sheet || ''));
  if (!key || (want && key !== want)) return null;
  const tab = shellOf(ctx, key);
  if (!tab) return null;
  const id = String(ref.id || '').trim();
  let index: number;
  if (id) {
    index = indexOfId(ctx, key, ID_KEY[key], id);
    if (index < 0) refuse(ctx.locale, 'rowGone', { id });
  } else {
    index = Math.floor(Number(ref.row)) - 2;
    if (!(index >= 0) || index >= tab.rows.length) return null;
  }
  loadRows(tab, [index]);
  const row = tab.rows[index];
  if (!row || row.every((v) => isBlank(v))) return null;
  const rec = recordOf(tab, row);
  return { key, tab, index, rowNumber: sheetRow(index), rec, id: cellText(rec[ID_KEY[key]]) };
}
