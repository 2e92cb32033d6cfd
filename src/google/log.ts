/**
 * The Log: append-only, written once per run at its end. Appending reads nothing of the
 * Log (it grows with history): the last row, then one block write below it (one line: appendRow,
 * which needs no last row). The Log is a
 * system tab (owner-only, its columns the schema's), so rows are written in the schema's
 * column order without reading its header. Nothing is touched when there is nothing to log.
 */
import { isTextColumn, tabDef } from '../core/schema';
import { toCells } from './cells';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export interface LogEntry {
  tab: string;
  rowKey: string;
  action: string;
  details: string;
  /** Defaults to the active user, or the effective user for triggers. */
  user?: string;
}

export function currentUser(): string {
  return Session.getActiveUser().getEmail() || Session.getEffectiveUser().getEmail();
}

/** Log rows in the schema's column order. */
export function logRows(entries: LogEntry[], now: Date, user = ''): unknown[][] {
  const columns = tabDef('log').columns;
  return entries.map((e) => {
    const rec: Record<string, unknown> = { time: now, user: e.user ?? user, tab: e.tab, rowKey: e.rowKey, action: e.action, details: e.details };
    return columns.map((c) => rec[c.key] ?? '');
  });
}

/**
 * Appends entries to the Log sheet: getLastRow, then rows inserted below the last one and
 * one setValues (both queued by Google's write cache); a single entry by appendRow. Never
 * reads the Log's cells.
 */
export function appendLog(sheet: Sheet | undefined, entries: LogEntry[], now: Date = new Date()): void {
  if (!sheet || entries.length === 0) return;
  const user = entries.some((e) => !e.user) ? currentUser() : '';
  const rows = logRows(entries, now, user);
  const plain = tabDef('log').columns.map((c) => isTextColumn(c));
  // One line (most edits): appendRow, which Sheets applies after the last row itself — no
  // getLastRow, so no read that sends the run's queued writes early (a second flush).
  if (rows.length === 1) {
    sheet.appendRow(toCells(rows[0], plain));
    return;
  }
  const last = sheet.getLastRow();
  // A sheet has a fixed number of rows: make room (rows inserted below the data, never over it).
  sheet.insertRowsAfter(Math.max(last, 1), rows.length);
  sheet.getRange(last + 1, 1, rows.length, plain.length).setValues(rows.map((r) => toCells(r, plain)));
}
