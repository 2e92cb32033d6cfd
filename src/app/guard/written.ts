/**
 * The rows the script wrote in the current locked run, so the mirrors can follow them
 * (mirror.ts syncs them before the lock is released). Kept per run: the dispatcher starts
 * a fresh list each time it takes the lock, so nothing from an earlier run can leak in.
 */
import type { TabData } from '../../google/workbook';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** A mirror this run found, with its size as read before any write (so syncing it reads nothing). */
export interface KnownMirror {
  sheet: Sheet;
  maxRows: number;
  maxColumns: number;
  /** The size as an earlier run left it (mirror.ts keptSize): trusted only for writes that fit in it. */
  kept?: boolean;
}

export interface Written {
  tab: TabData;
  /** Rows written (or read back) whole. */
  indexes: Set<number>;
  /** Single columns written: column index → the rows of it written. */
  columns: Map<number, Set<number>>;
}

let written: Written[] = [];
/** Writes noted since beginWrites (to tell which feature of a tick wrote). */
let notes = 0;
let mirrors = new Map<string, KnownMirror>();

/** Starts a new list (the lock was just taken). */
export function beginWrites(): void {
  written = [];
  notes = 0;
  mirrors = new Map();
}

/** Remembers a mirror found in this run (by its sheet name) and its size. */
export function knowMirror(name: string, mirror: KnownMirror): void {
  mirrors.set(name, mirror);
}

/** The mirrors this run found, by sheet name, and a fresh map (nothing carries over to another run). */
export function takeMirrors(): Map<string, KnownMirror> {
  const out = mirrors;
  mirrors = new Map();
  return out;
}

/**
 * Notes data rows of `tab` the script has just written (or read back as they now are);
 * with `column`, only that column of them (one column of 10,000 rows is copied, not the rows).
 */
export function noteWritten(tab: TabData, indexes: Iterable<number>, column?: number): void {
  notes++;
  let entry = written.find((w) => w.tab === tab);
  if (!entry) written.push((entry = { tab, indexes: new Set(), columns: new Map() }));
  const target = column === undefined ? entry.indexes : (entry.columns.get(column) ?? new Set<number>());
  if (column !== undefined) entry.columns.set(column, target);
  for (const i of indexes) target.add(i);
}

/** The rows written since beginWrites, oldest first, and a fresh list. */
export function takeWrites(): Written[] {
  const out = written;
  written = [];
  return out;
}

/** How many writes were noted since beginWrites (a count that only grows within a run). */
export function writesNoted(): number {
  return notes;
}

/** Has the script written any row since beginWrites (a tick that did work)? */
export function hasWrites(): boolean {
  return written.length > 0;
}
