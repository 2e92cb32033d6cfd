/**
 * A hidden, owner-only copy of a tab's values ("_Orders", "_Staff", …): what each row held
 * before a person's edit, so an edit the rules refuse is undone with what was there even
 * for a paste, a drag-fill or a delete, where Google's event object carries no old value
 * (and a single cell's e.oldValue is only text). Every tab a person edits has one, except
 * Selections (its rows are the system's and move with every re-plan; only Done is a
 * person's, and Google's protection keeps it HR's).
 *
 * One read of the mirror's key columns and of the edited block per edit, one write back;
 * rows the script writes in a run are copied at its end (written.ts). Rows are found by
 * their key columns when rows were inserted, deleted or sorted since (the mirror is then
 * copied anew).
 */
import { heldProperty, runProperties } from '../run-properties';
import { TabKey } from '../../core/schema';
import { TabData, sheetRow } from '../../google/workbook';
import { toCells } from '../../google/cells';
import { KnownMirror, takeMirrors, takeWrites } from './written';
import { minOf, maxOf } from '../../core/values';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Protection = GoogleAppsScript.Spreadsheet.Protection;

/** The columns that tell a tab's rows apart (to find a row again after rows moved). */
export const MIRROR_KEYS: Partial<Record<TabKey, readonly string[]>> = {
  settings: ['key'],
  holidays: ['date'],
  staff: ['email'],
  templates: ['key', 'language'],
  orders: ['orderId'],
  agreements: ['agreementId'],
  callingResults: ['date', 'orderId', 'candidateId'],
  candidates: ['candidateId'],
  calls: ['callId'],
};

export const MIRRORED_TABS = Object.keys(MIRROR_KEYS) as TabKey[];

export function mirrorSheetName(tabSheetName: string): string {
  return `_${tabSheetName}`;
}

export function mirrorName(tab: TabData): string {
  return mirrorSheetName(tab.sheet.getName());
}

export function isMirrored(key: TabKey): boolean {
  return MIRROR_KEYS[key] !== undefined;
}

/** The tab's mirror, or null when it has none yet. */
export function findMirror(ss: Spreadsheet, tab: TabData): Sheet | null {
  return ss.getSheetByName(mirrorName(tab));
}

/** Creates the hidden mirror (owner only, no domain edit) holding `whole`, the tab as it is now. */
export function createMirror(ss: Spreadsheet, whole: TabData): Sheet {
  const { sheet } = newMirror(ss, whole);
  sheet.hideSheet();
  copyAll(sheet, whole);
  return sheet;
}

/** What making several mirrors in one run reads once: the script's user and the spreadsheet's editors (and, from the first new protection, its domain edit). */
export interface NewMirrorFacts {
  me: string;
  editors: string[];
  domainEdit?: boolean;
}

/**
 * The mirror's sheet, made and protected (owner only, no domain edit) before anything is
 * written to it; still to do: hide it and copy the tab (setup does that after all its reads).
 * A new protection's editors and domain edit are the spreadsheet's (Google's Sheet.protect()):
 * with `shared`, setup reads those once for every mirror.
 */
export function newMirror(ss: Spreadsheet, whole: TabData, shared?: NewMirrorFacts): { sheet: Sheet; protection: Protection } {
  const name = mirrorName(whole);
  const sheet = ss.insertSheet(name);
  const p = sheet.protect().setDescription(`Reglament: ${name} {owner}`);
  const me = shared?.me ?? Session.getEffectiveUser().getEmail();
  p.addEditor(me);
  const editors = shared?.editors ?? p.getEditors().map((u) => u.getEmail());
  const others = editors.filter((e) => e && e.toLowerCase() !== me.toLowerCase());
  if (others.length) p.removeEditors(others);
  const domainEdit = shared?.domainEdit ?? p.canDomainEdit();
  if (shared) shared.domainEdit = domainEdit;
  if (domainEdit) p.setDomainEdit(false);
  return { sheet, protection: p };
}

export function ensureMirror(ss: Spreadsheet, whole: TabData): Sheet {
  return findMirror(ss, whole) ?? createMirror(ss, whole);
}

/** Re-copies the whole tab (after structural changes, and at setup). */
export function copyAll(mirror: Sheet, tab: TabData): MirrorDims {
  return writeCopy(mirror, tab, mirrorSize(mirror));
}

/** A mirror's size, read before a copy is written (setup reads every mirror's first). */
export interface MirrorSize {
  maxRows: number;
  maxColumns: number;
  lastRow: number;
}

export function mirrorSize(mirror: Sheet, empty = false): MirrorSize {
  return { maxRows: mirror.getMaxRows(), maxColumns: mirror.getMaxColumns(), lastRow: empty ? 0 : mirror.getLastRow() };
}

/** Writes the whole tab over the mirror of that size (writes only: nothing is read); returns its size after. */
export function writeCopy(mirror: Sheet, tab: TabData, size: MirrorSize): MirrorDims {
  const width = Math.max(tab.header.length, 1);
  const values = [tab.header, ...tab.rows].map((r) => toCells(pad(r, width)));
  if (size.maxRows < values.length) mirror.insertRowsAfter(size.maxRows, values.length - size.maxRows);
  const maxColumns = Math.max(size.maxColumns, width);
  if (size.maxColumns < width) mirror.insertColumnsAfter(size.maxColumns, width - size.maxColumns);
  const extra = size.lastRow - values.length;
  if (extra > 0) mirror.getRange(values.length + 1, 1, extra, maxColumns).clearContent();
  mirror.getRange(1, 1, values.length, width).setValues(values);
  return { maxRows: Math.max(size.maxRows, values.length), maxColumns };
}

export interface Previous {
  /** The edited rows as they were, by data index; null when they cannot be told. */
  rows: Map<number, unknown[]> | null;
  /** False when the mirror no longer lines up with the tab (it should be copied anew). */
  aligned: boolean;
}

/** The header row as the mirror keeps it (what the column headers were). */
export function mirrorHeader(mirror: Sheet, width: number): unknown[] {
  return mirror.getRange(1, 1, 1, Math.max(width, 1)).getValues()[0];
}

/** A row's key: its key columns' values, dates by their instant. */
function keyOf(row: readonly unknown[] | undefined, cols: readonly number[]): string {
  if (!row) return '';
  return cols
    .map((c) => {
      const v = row[c];
      return Object.prototype.toString.call(v) === '[object Date]' ? String((v as Date).getTime()) : String(v ?? '').trim();
    })
    .join('\u0001');
}

/** The tab's key columns (0-based indexes into its rows), in the tab's header. */
export function keyColumns(tab: TabData): number[] {
  const keys = MIRROR_KEYS[tab.def.key] ?? [];
  return keys.map((k) => tab.columns.index[k]).filter((i): i is number => i !== undefined);
}

/** Every data row's key columns with one read (the span between them), as rows. */
export function readKeys(sheet: Sheet, rows: number, cols: readonly number[]): unknown[][] {
  if (rows <= 0 || cols.length === 0) return [];
  const first = minOf(cols);
  const last = maxOf(cols);
  return sheet
    .getRange(2, first + 1, rows, last - first + 1)
    .getValues()
    .map((r) => {
      const out: unknown[] = [];
      for (const c of cols) out[c] = r[c - first];
      return out;
    });
}

/**
 * The rows as they were before this edit, by data index. Reads the mirror's key columns
 * and the edited block: two calls whatever the tab's size. `keys` are the
 * tab's key columns now (from readKeys).
 */
export function previousRows(mirror: Sheet, tab: TabData, keys: readonly unknown[][], indexes: number[]): Previous {
  const cols = keyColumns(tab);
  const width = Math.max(tab.header.length, 1);
  const mirrored = Math.max(mirror.getLastRow() - 1, 0);
  if (cols.length > 0 && mirrored > 0) {
    const mirrorKeys = readKeys(mirror, mirrored, cols);
    const touched = new Set(indexes);
    const n = Math.max(mirrorKeys.length, keys.length);
    for (let i = 0; i < n; i++) {
      if (!touched.has(i) && keyOf(mirrorKeys[i], cols) !== keyOf(keys[i], cols)) {
        return { rows: previousRowsByKey(mirror, cols, mirrored, width, indexes, keys), aligned: false };
      }
    }
  }
  const out = new Map<number, unknown[]>();
  if (indexes.length === 0) return { rows: out, aligned: true };
  const first = minOf(indexes);
  const last = maxOf(indexes);
  const block = first < mirrored ? mirror.getRange(sheetRow(first), 1, Math.min(last, mirrored - 1) - first + 1, width).getValues() : [];
  for (const i of indexes) out.set(i, pad(block[i - first] ?? [], width));
  return { rows: out, aligned: true };
}

/**
 * Rows were inserted, deleted or sorted since the mirror was written: find each edited
 * row's earlier values by its key instead (one read of the whole mirror, only on this
 * rare path). A row whose key cells were themselves pasted over cannot be found: null.
 */
function previousRowsByKey(
  mirror: Sheet,
  cols: number[],
  mirrored: number,
  width: number,
  indexes: number[],
  keys: readonly unknown[][],
): Map<number, unknown[]> | null {
  const byKey = new Map<string, unknown[]>();
  for (const row of mirror.getRange(2, 1, mirrored, width).getValues()) {
    const key = keyOf(row, cols);
    // eslint-disable-next-line no-control-regex -- \u0001 joins the key's cells (keyOf)
    if (key.replace(/\u0001/g, '') && !byKey.has(key)) byKey.set(key, row);
  }
  const out = new Map<number, unknown[]>();
  for (const i of indexes) {
    const key = keyOf(keys[i], cols);
    // eslint-disable-next-line no-control-regex -- \u0001 joins the key's cells (keyOf)
    const old = key.replace(/\u0001/g, '') ? byKey.get(key) : undefined;
    if (!old) return null;
    out.set(i, pad(old, width));
  }
  return out;
}

/** Writes the current values of these rows of `tab` to the mirror (one call over their span). */
export function recordRows(mirror: Sheet, tab: TabData, indexes: Iterable<number>, size: MirrorDims = sizeOf(mirror)): void {
  const loaded = [...indexes].filter((i) => i >= 0 && i < tab.rows.length && tab.rows[i] && tab.rows[i].length > 0);
  if (loaded.length === 0) return;
  const first = minOf(loaded);
  const last = maxOf(loaded);
  const width = Math.max(tab.header.length, 1);
  const need = sheetRow(last);
  grow(mirror, size, need, width);
  if (last - first + 1 === loaded.length) {
    const values = tab.rows.slice(first, last + 1).map((r) => toCells(pad(r, width)));
    mirror.getRange(sheetRow(first), 1, values.length, width).setValues(values);
    return;
  }
  // Scattered rows: one write per run of adjacent rows.
  const sorted = loaded.sort((a, b) => a - b);
  let start = 0;
  for (let k = 1; k <= sorted.length; k++) {
    if (k < sorted.length && sorted[k] === sorted[k - 1] + 1) continue;
    const a = sorted[start];
    const b = sorted[k - 1];
    mirror.getRange(sheetRow(a), 1, b - a + 1, width).setValues(tab.rows.slice(a, b + 1).map((r) => toCells(pad(r, width))));
    start = k;
  }
}

/**
 * Copies what the script wrote in this run into the tabs' mirrors, before the lock is
 * released: whole rows, or single columns (one setValues per run of rows). Values are taken
 * from each TabData as it is now; where two copies of a tab wrote, the later one is copied
 * last. Tabs without a mirror are skipped.
 */
export function syncMirrors(ss: Spreadsheet): void {
  const mirrors = new Map<string, KnownMirror | null>();
  const known = takeMirrors();
  for (const w of takeWrites()) {
    if (!isMirrored(w.tab.def.key)) continue;
    const name = mirrorName(w.tab);
    // A mirror the guard found (and sized) before the run wrote is not looked up again: no read
    // after the writes, so the write cache is sent once, at the end.
    if (!mirrors.has(name)) mirrors.set(name, known.get(name) ?? lookUp(ss, name));
    const mirror = mirrors.get(name);
    if (!mirror) continue;
    if (w.indexes.size) writeWith(mirror, () => recordRows(mirror.sheet, w.tab, w.indexes, mirror));
    for (const [col, rows] of w.columns)
      writeWith(mirror, () =>
        recordColumn(
          mirror.sheet,
          w.tab,
          col,
          [...rows].filter((i) => !w.indexes.has(i)),
          mirror,
        ),
      );
  }
  keepSizes(mirrors);
}

/**
 * Mirror sizes as the last edit left them (script property, JSON {sheet name: [rows, columns]}),
 * so that an edit reads no size (two calls): a mirror is hidden and only the script writes it.
 * The size is trusted only for a write that fits in it — a larger one reads the size first (rows
 * are never inserted after a stale last row) — and a write Google refuses as outside the sheet
 * (someone removed rows) reads the size and is made again.
 */
const MIRROR_SIZES = 'reglament.mirror.sizes';

function keptSizes(): Record<string, [number, number]> {
  try {
    const raw = heldProperty(MIRROR_SIZES);
    return raw ? (JSON.parse(raw) as Record<string, [number, number]>) : {};
  } catch {
    return {};
  }
}

/** A mirror's size before this run writes: as the last edit left it, or read (two calls). */
export function mirrorSizeBefore(name: string, mirror: Sheet): MirrorDims {
  const kept = keptSizes()[name];
  if (Array.isArray(kept) && Number.isInteger(kept[0]) && Number.isInteger(kept[1]))
    return { maxRows: kept[0], maxColumns: kept[1], kept: true };
  return sizeOf(mirror);
}

/** Keeps the sizes this run read or made (an edit's run: with its last setProperties). */
function keepSizes(mirrors: Map<string, KnownMirror | null>): void {
  if (heldProperty(MIRROR_SIZES) === undefined) return;
  const sizes = keptSizes();
  let changed = false;
  for (const [name, m] of mirrors) {
    if (!m || m.kept) continue;
    const s = sizes[name];
    if (!s || s[0] !== m.maxRows || s[1] !== m.maxColumns) {
      sizes[name] = [m.maxRows, m.maxColumns];
      changed = true;
    }
  }
  if (changed) runProperties().setProperty(MIRROR_SIZES, JSON.stringify(sizes));
}

/** A write to the mirror; one Google refused as outside a kept size is made again with the size read. */
function writeWith(mirror: KnownMirror, write: () => void): void {
  try {
    write();
  } catch (e) {
    if (!mirror.kept || !/outside the dimensions/.test(String((e as Error)?.message ?? e))) throw e;
    Object.assign(mirror, sizeOf(mirror.sheet), { kept: false });
    write();
  }
}

function lookUp(ss: Spreadsheet, name: string): KnownMirror | null {
  const sheet = ss.getSheetByName(name);
  return sheet ? { sheet, ...sizeOf(sheet) } : null;
}

/** A mirror's row and column counts, kept up to date as rows and columns are added. */
export type MirrorDims = Pick<KnownMirror, 'maxRows' | 'maxColumns' | 'kept'>;

function sizeOf(mirror: Sheet): MirrorDims {
  return { maxRows: mirror.getMaxRows(), maxColumns: mirror.getMaxColumns() };
}

/** Rows a mirror grows by beyond what a write needs (blank rows at its end are nothing: its rows end at getLastRow). */
const ROW_ROOM = 200;

/** Makes room for `rows` rows and `columns` columns (a sheet has a fixed size). */
function grow(mirror: Sheet, size: MirrorDims, rows: number, columns: number): void {
  // A kept size is not grown from: the sheet's own size first.
  if (size.kept && (size.maxRows < rows || size.maxColumns < columns)) Object.assign(size, sizeOf(mirror), { kept: false });
  if (size.maxRows < rows) {
    // Room for the next rows too: an appended row then fits the kept size and reads none.
    mirror.insertRowsAfter(size.maxRows, rows - size.maxRows + ROW_ROOM);
    size.maxRows = rows + ROW_ROOM;
  }
  if (size.maxColumns < columns) {
    mirror.insertColumnsAfter(size.maxColumns, columns - size.maxColumns);
    size.maxColumns = columns;
  }
}

/** Writes one column of these rows of `tab` to the mirror: one call per run of adjacent rows. */
function recordColumn(mirror: Sheet, tab: TabData, col: number, indexes: number[], size: MirrorDims): void {
  const rows = indexes.filter((i) => i >= 0 && i < tab.rows.length && tab.rows[i] && tab.rows[i].length > 0).sort((a, b) => a - b);
  if (rows.length === 0) return;
  grow(mirror, size, sheetRow(rows[rows.length - 1]), col + 1);
  let start = 0;
  for (let k = 1; k <= rows.length; k++) {
    if (k < rows.length && rows[k] === rows[k - 1] + 1) continue;
    const a = rows[start];
    const b = rows[k - 1];
    mirror.getRange(sheetRow(a), col + 1, b - a + 1, 1).setValues(tab.rows.slice(a, b + 1).map((r) => toCells([r[col] ?? ''])));
    start = k;
  }
}

function pad(row: readonly unknown[], width: number): unknown[] {
  const out = row.slice(0, width);
  while (out.length < width) out.push('');
  return out;
}
