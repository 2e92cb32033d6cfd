import { TabData, appendRows } from './workbook';

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

/** Appends entries to the Log tab in one write; the Log is append-only. */
export function appendLog(log: TabData | null, entries: LogEntry[], now: Date = new Date()): void {
  if (!log || entries.length === 0) return;
  const user = entries.some((e) => !e.user) ? currentUser() : '';
  appendRows(
    log,
    entries.map((e) => ({
      time: now,
      user: e.user ?? user,
      tab: e.tab,
      rowKey: e.rowKey,
      action: e.action,
      details: e.details,
    })),
  );
}
