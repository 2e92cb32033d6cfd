/**
 * What the staff's window acts on: the active row (found again by its ID), who may change
 * which of its cells, and writing cells as the person would type them.
 *
 * A UI action runs as the person who clicked, not as the workbook owner. Typing a cell fires
 * the owner's installable trigger, so the rules write the protected system columns, the
 * Outbox and the Log, and mail and events go out under the owner's account. A script run
 * by someone else can do none of that (Google refuses protected cells to it, and its
 * "primary" calendar is the clicker's own). So a UI action writes only the person's cells
 * (those their department owns, checked here on the server) and then:
 *  - when the run is the owner's, applies the rules at once through dispatchEdit, exactly
 *    as the installable onEdit would;
 *  - otherwise queues the edit (a script property) and the owner's next tick applies it
 *    through the same features (uiQueueFeature, dispatch's applyEditHeld), within one
 *    trigger interval. "Check this sheet" re-checks through dispatch too (runCheckRules).
 */
import { canEdit, StaffDirectory } from '../../core/permissions';
import { findColumn, findTab, Locale, TabKey, tabDef } from '../../core/schema';
import { cellText, isBlank } from '../../core/values';
import { RunContext } from '../../app/context';
import { applyEditHeld, checksTab, dispatchCheck, dispatchEdit, runCheckRules } from '../../app/dispatch';
import { Feature } from '../../app/feature';
import { recordOf } from '../../google/records';
import { toCell } from '../../google/cells';
import { orderSalesManagers } from '../../features/calls/managers';
import { loadRows, readColumn, readTabBlock, TabData, sheetRow } from '../../google/workbook';
import { revalidateOrders } from '../../features/orders/feature';
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

/** The spreadsheet owner's e-mail ('' when Google does not say, e.g. on a shared drive). */
export function ownerEmail(ss: Spreadsheet): string {
  try {
    const owner = ss.getOwner();
    return owner ? owner.getEmail() : '';
  } catch (e) {
    return '';
  }
}

/**
 * Why `user` may not change these columns of the row (empty when allowed), in the locale.
 * `values` are what the person would write (a call set to Done).
 */
export function refusals(
  ctx: RunContext,
  user: string,
  owner: string,
  tab: TabKey,
  columns: readonly string[],
  row?: Record<string, unknown>,
  values: Record<string, unknown> = {},
): string[] {
  const staff: StaffDirectory = ctx.staff();
  const out: string[] = [];
  // A call's managers include the Sales manager of its order.
  const sm = tab === 'calls' && row ? orderSalesManagers(ctx, [cellText(row.orderId)]).get(cellText(row.orderId).trim()) : undefined;
  for (const key of columns) {
    const d = canEdit(user, tab, key, staff, { ownerEmail: owner, row, value: values[key], callManagers: sm ? [sm] : [] });
    if (!d.allowed) {
      const text = ctx.locale === 'en' ? d.en : d.ru;
      if (out.indexOf(text) < 0) out.push(text);
    }
  }
  return out;
}

export function assertMayEdit(
  ctx: RunContext,
  user: string,
  owner: string,
  tab: TabKey,
  columns: readonly string[],
  row?: Record<string, unknown>,
  values: Record<string, unknown> = {},
): void {
  const reasons = refusals(ctx, user, owner, tab, columns, row, values);
  if (reasons.length) throw new Refusal(`${ui(ctx.locale, 'refused')} ${reasons[0]}`, reasons);
}

/** Is this run the owner's (so the rules may run in it)? */
export function runsAsOwner(owner: string): boolean {
  const me = Session.getEffectiveUser().getEmail();
  return !!owner && !!me && owner.toLowerCase() === me.toLowerCase();
}

/**
 * Where edits go instead of the script properties when this run is not the engine's own
 * project (the Workspace add-on: its script properties are its own, and it must never run
 * the rules itself). null: the sidebar's way (inline for the owner, else the queue).
 */
let editSink: ((entry: QueuedEdit) => void) | null = null;

export function handEditsTo(sink: ((entry: QueuedEdit) => void) | null): void {
  editSink = sink;
}

export interface Written {
  mode: 'inline' | 'queued';
  rowNumber: number;
}

/**
 * Writes `cells` (column key → value as typed: text, number, Date, boolean) into data row
 * `index` of the tab (index = rows.length appends), one setValues per run of adjacent
 * columns, then applies the rules as an edit of those cells by `user`.
 * The caller has checked the person's rights (assertMayEdit).
 */
export function writeAsPerson(
  ctx: RunContext,
  tab: TabData,
  index: number,
  cells: Record<string, unknown>,
  user: string,
  owner: string,
  label: string,
): Written {
  const cols: Array<{ key: string; col: number; value: unknown }> = [];
  for (const key of Object.keys(cells)) {
    const i = tab.columns.index[key];
    if (i === undefined) {
      const col = tab.def.columns.find((c) => c.key === key);
      refuse(ctx.locale, 'columnMissing', { tab: tab.sheet.getName(), column: col ? col[ctx.locale] : key });
    }
    cols.push({ key, col: i + 1, value: cells[key] });
  }
  cols.sort((a, b) => a.col - b.col);
  const rowNumber = sheetRow(index);
  const single = cols.length === 1;
  const oldValue = single && tab.rows[index] ? tab.rows[index][cols[0].col - 1] : undefined;
  if (index >= tab.rows.length) {
    const max = tab.sheet.getMaxRows();
    if (rowNumber > max) tab.sheet.insertRowsAfter(max, rowNumber - max);
  }
  for (const run of runsOf(cols)) {
    tab.sheet.getRange(rowNumber, run[0].col, 1, run.length).setValues([run.map((c) => toCell(c.value, tab.plainText[c.col - 1] === true))]);
  }
  // The edit as the trigger would see it: one range over the written cells when every
  // column between them is the person's too (like a paste), else one per run.
  const first = cols[0].col;
  const last = cols[cols.length - 1].col;
  const between = tab.header
    .slice(first - 1, last)
    .map((h) => findColumn(tab.def, String(h ?? ''))?.key)
    .filter((k): k is string => !!k);
  const spans =
    refusals(ctx, user, owner, tab.def.key, between).length === 0 ? [[first, last]] : runsOf(cols).map((r) => [r[0].col, r[r.length - 1].col]);
  const value = single ? editText(cols[0].value) : undefined;
  const old = single ? editText(oldValue) : undefined;
  const inline = !editSink && runsAsOwner(owner);
  const queue = editSink ?? enqueue;
  for (const [a, b] of spans) {
    const entry: QueuedEdit = {
      kind: 'edit',
      tab: tab.def.key,
      row: rowNumber,
      col: a,
      numCols: b - a + 1,
      id: idOfRow(tab, index),
      user,
      value,
      oldValue: old,
      at: ctx.now.toISOString(),
      label,
    };
    if (inline) {
      const range = tab.sheet.getRange(rowNumber, a, 1, b - a + 1);
      try {
        dispatchEdit(range, user, value, old);
      } catch (e) {
        if (!/lock/i.test(String((e as Error).message || e))) throw e;
        enqueue(entry);
        return { mode: 'queued', rowNumber };
      }
    } else queue(entry);
  }
  return { mode: inline ? 'inline' : 'queued', rowNumber };
}

function idOfRow(tab: TabData, index: number): string {
  const key = ID_KEY[tab.def.key as UiTab];
  const i = key ? tab.columns.index[key] : undefined;
  return i === undefined || !tab.rows[index] ? '' : cellText(tab.rows[index][i]);
}

/** Text of a single-cell edit as Google's event object gives it (e.value, e.oldValue). */
function editText(v: unknown): string | undefined {
  if (v === undefined || v === null || v === '') return undefined;
  if (v === true) return 'TRUE';
  if (v === false) return 'FALSE';
  return String(v);
}

function runsOf<T extends { col: number }>(cols: T[]): T[][] {
  const out: T[][] = [];
  for (const c of cols) {
    const last = out[out.length - 1];
    if (last && c.col === last[last.length - 1].col + 1) last.push(c);
    else out.push([c]);
  }
  return out;
}

/** The data index a new row gets: below the last row with content. */
export function appendIndex(tab: TabData): number {
  return Math.max(tab.sheet.getLastRow(), 1) - 1;
}

// ---------------------------------------------------------------------------------------
// The queue the owner's tick drains

const QUEUE = 'reglament.ui.queue.';

export interface QueuedEdit {
  kind: 'edit' | 'check';
  tab: TabKey;
  row: number;
  col: number;
  numCols: number;
  /** The row's ID when it had one (the row is found by it, in case rows moved). */
  id: string;
  user: string;
  value?: string;
  oldValue?: string;
  at: string;
  /** What the person asked for, for the Log and the sidebar. */
  label: string;
}

export function enqueue(entry: QueuedEdit): void {
  const key = `${QUEUE}${String(Date.now()).padStart(15, '0')}.${Math.random().toString(36).slice(2, 8)}`;
  PropertiesService.getScriptProperties().setProperty(key, JSON.stringify(entry));
}

export function queuedEdits(all?: Record<string, string>): Array<{ key: string; entry: QueuedEdit }> {
  const props = all ?? PropertiesService.getScriptProperties().getProperties();
  return Object.keys(props)
    .filter((k) => k.indexOf(QUEUE) === 0)
    .sort()
    .map((key) => {
      try {
        return { key, entry: JSON.parse(props[key]) as QueuedEdit };
      } catch (e) {
        return null;
      }
    })
    .filter((x): x is { key: string; entry: QueuedEdit } => x !== null);
}

/** Orders are re-checked by their re-validation (no feature checks them), as checkWorkbook does. */
const recheckOtherwise = (key: TabKey) => (key === 'orders' ? revalidateOrders : undefined);

/** Can the rules re-check this tab as a whole (a feature's check, or the Orders re-validation)? */
export function canRecheck(key: TabKey): boolean {
  return key === 'orders' || checksTab(key);
}

/** Re-checks every row of a tab (menu "Check this sheet"), in a run that holds the script lock; cells changed. */
export function recheckTab(ctx: RunContext, key: TabKey): number {
  return runCheckRules(ctx, key, recheckOtherwise(key));
}

/** The owner's "Check this sheet": the re-check under the script lock; `onBusy` answers when another run keeps it. */
export function recheckTabLocked(ctx: RunContext, key: TabKey, onBusy: () => number): number {
  return dispatchCheck(ctx, key, recheckOtherwise(key), onBusy);
}

/** Applies queued UI edits with the owner's rights (runs first in every tick). */
export const uiQueueFeature: Feature = {
  name: 'ui',
  tabs: [],
  tick(ctx, deadline) {
    const queue = queuedEdits();
    if (queue.length === 0) return;
    const props = PropertiesService.getScriptProperties();
    for (const { key, entry } of queue) {
      if (Date.now() > deadline) break;
      try {
        applyQueued(ctx, entry);
      } catch (e) {
        ctx.log({
          tab: tabDef(entry.tab)[ctx.locale],
          rowKey: entry.id || `#${entry.row}`,
          action: entry.label,
          details: String((e as Error).message || e),
          user: entry.user,
        });
      }
      props.deleteProperty(key);
    }
  },
};

export function applyQueued(ctx: RunContext, entry: QueuedEdit): void {
  if (entry.kind === 'check') {
    recheckTab(ctx, entry.tab);
    return;
  }
  // The row is found by its ID (rows may have moved since); only the ID column is read.
  const shell = readTabBlock(ctx.sheets.get(entry.tab), entry.tab, 0, -1);
  if (!shell) return;
  const idKey = ID_KEY[entry.tab as UiTab];
  const index = entry.id && idKey ? readColumn(shell, idKey).findIndex((v) => cellText(v).trim() === entry.id) : entry.row - 2;
  if (index < 0) {
    ctx.log({
      tab: shell.sheet.getName(),
      rowKey: entry.id,
      action: entry.label,
      details: ui(ctx.locale, 'rowGone', { id: entry.id }),
      user: entry.user,
    });
    return;
  }
  const range = shell.sheet.getRange(sheetRow(index), entry.col, 1, entry.numCols);
  // Who asked, in the Log: the rules' own lines are written under the owner's run.
  ctx.log({
    tab: shell.sheet.getName(),
    rowKey: entry.id || `#${sheetRow(index)}`,
    action: entry.label,
    details: ui(ctx.locale, 'appliedFor', { user: entry.user, at: entry.at }),
    user: entry.user,
  });
  applyEditHeld(ctx, range, entry.user, entry.value, entry.oldValue);
}
