/**
 * The rows the script wrote in the current locked run, so the mirrors can follow them
 * (mirror.ts syncs them before the lock is released). Kept per run: the dispatcher starts
 * a fresh list each time it takes the lock, so nothing from an earlier run can leak in.
 */
import type { TabData } from './workbook';

export interface Written {
  tab: TabData;
  indexes: Set<number>;
}

let written: Written[] = [];

/** Starts a new list (the lock was just taken). */
export function beginWrites(): void {
  written = [];
}

/** Notes data rows of `tab` the script has just written (or read back as they now are). */
export function noteWritten(tab: TabData, indexes: Iterable<number>): void {
  let entry = written.find((w) => w.tab === tab);
  if (!entry) written.push((entry = { tab, indexes: new Set() }));
  for (const i of indexes) entry.indexes.add(i);
}

/** The rows written since beginWrites, oldest first, and a fresh list. */
export function takeWrites(): Written[] {
  const out = written;
  written = [];
  return out;
}
