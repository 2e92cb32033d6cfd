/**
 * History that does not slow the live tabs down: once a day, finished Outbox rows (Sent,
 * Cancelled, Missed) and Log lines older than Settings "Archive after days" (default 30)
 * move to a yearly archive tab of the same workbook — "Outbox 2026" / "Исходящие 2026",
 * "Log 2026" / "Журнал 2026" — by the year of the row's instant (sent at, else due; the
 * Log line's time). Ticks read only the live Outbox; the Log is appended without reading.
 * Failed rows stay live whatever their age: they wait for a person (set Pending to resend).
 *
 * Sending stays once per key across the move (a sent mail never goes again because its row
 * left): every automated mail is looked up by its Outbox key in the live tab only, so a row
 * whose sending decision is "standing" — asked again on later ticks or edits for as long as
 * the business row says so — stays live (option (a) of the duplicate-send fix). Each feature
 * declares its key kinds beside its key builders (features/<f>/rules/outbox-kinds.ts, collected
 * in mail/kinds.ts); a key of no kind is archived as before.
 *
 *   kind                         standing?                   why / fix
 *   payment:ORD                  yes — stays live            Payment received ≤ today re-asks on every edit
 *   agreement-request:AGR:to     yes — stays live            every edit of a complete agreement re-asks
 *   agreement-answer:AGR:answer  yes — stays live            every edit of an answered agreement re-asks
 *   handoff:ORD                  no                          Handed off at (system column) ends it
 *   contract:CALL:C              yes — stays live            each tick re-runs every Done interview's steps
 *   asked:CALL:hash              yes — stays live            the same, while "Client asked for" holds the text
 *   agreed:CALL                  yes — stays live            re-queued for a Done First call without its row
 *   comment:CALL:hash            yes — stays live            each tick sends every Done call's comment by key
 *   resumes:CALL:ids             yes — stays live            asked while the Interview is ahead; no start in key
 *   interviewNotice:CALL:C:min   until the start in the key  asked only while the Interview is ahead
 *   declined:CALL:ms:who         until the start in the key  asked only while the call is ahead
 *   CALL|to|min, BOOKED:…|to|min no                          planned only before the start (due ≤ start)
 *   CALL|to|followUp             no                          planned only while its date is today or ahead
 *   hotlead|ORD|who              yes — stays live            an edit of the Outcome cell re-notes the lead
 *   silent|ORD|since|k           yes — stays live            the k = 3 reminder stays due until a reply
 *   scheme|ORD|at|notice/overdue yes — stays live            asked every tick while the change is open
 *   payment-reminder|ORD|term    no                          due only the working day before the term … term
 *   report|ORD|n                 no                          Report sent at (system column) ends it
 *   overdue|ORD|n                no                          only within 24 h after the deadline
 *   expectations|ORD|n           no                          only beside a report this run sent
 *   deadline|ORD|month|kind      no                          only up to the deadline day
 *   digest|manager|date          no                          only for today
 *
 * Why (a), not a freshness window (b) or system columns (c): (a) is exact for every kind
 * without changing what a person sees (a backdated payment or a late Done still mails) and
 * without a schema change; (b) is exact only where the row's instant is never before the
 * event (a Done ticked before the interview's start breaks it), and (c) needs a column per
 * kind. The price: the live Outbox grows with business objects, not with time — per order
 * about one payment notice and one or two agreement mails, per Done call one comment (plus
 * one per rewrite), per Done First call one agreed mail, per interview one resume list and
 * per hire two client mails, per hot lead one, per silent period up to three, per scheme
 * change two: ≈ 8–10 rows per order over its life. For the bench's company (2,000 orders and
 * 5,000 calls on the books) that is ≈ 16,000–20,000 live rows (≈ 150,000–180,000 cells for a
 * full tick to read, about a tenth of a year of bounded rows: reminders, reports, digests,
 * ≈ 180,000 a year, still leave after 30 days). It keeps growing with every order and call
 * ever made; bounding it further needs an end to each standing decision (e.g. an order
 * closed for good), which the regulations do not give yet.
 *
 * A workbook the version before the kinds already archived gets its standing rows back once
 * (restoreStanding, run by src/mail/archived.ts first in a full tick).
 *
 * Safe under the script lock: the live tab is read again right before it is rewritten (a
 * tick may have run for minutes since its first read), rows are appended to the archive
 * before they leave the live tab (a run killed between the two leaves a row in both, never
 * in neither), and the Outbox's sidebar lookup searches the archive tabs too.
 */
import { findChoice, isTextColumn, Locale, mapColumns, OUTBOX_STATES, TabKey, tabDef } from '../core/schema';
import { isDate, localDateOf, Zone } from '../core/time';
import { staysLive } from '../mail/kinds';
import { toCells } from './cells';
import { protectOwnerOnly } from './protections';
import { readColumn, readTab, TabData } from './workbook';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

const DAY_MS = 86400000;
export const DEFAULT_ARCHIVE_DAYS = 30;
/** Outbox states that are over: nothing more happens to such a row. */
const FINISHED = new Set(['sent', 'cancelled', 'missed']);

export type ArchivedKey = Extract<TabKey, 'outbox' | 'log'>;

/** The archive tab's name for a year: the live tab's name and the year ("Outbox 2026"). */
export function archiveName(liveName: string, year: number): string {
  return `${liveName} ${year}`;
}

/** The archive tabs of a live tab, newest year first. */
export function archiveSheets(ss: Spreadsheet, liveName: string): Sheet[] {
  const pattern = new RegExp(`^${liveName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} (\\d{4})$`);
  return ss
    .getSheets()
    .map((sheet) => ({ sheet, m: pattern.exec(sheet.getName()) }))
    .filter((x) => x.m !== null)
    .sort((a, b) => Number(b.m![1]) - Number(a.m![1]))
    .map((x) => x.sheet);
}

export function archiveDays(text: string): number {
  const n = Number(String(text).trim());
  return Number.isFinite(n) && n >= 1 ? Math.floor(n) : DEFAULT_ARCHIVE_DAYS;
}

export interface ArchiveResult {
  outbox: number;
  log: number;
}

/** Moves what is old enough from the live Outbox and Log; returns how many rows moved. */
export function archiveHistory(ss: Spreadsheet, sheets: Map<TabKey, Sheet>, zone: Zone, now: Date, days: number, owner: string): ArchiveResult {
  const cutoff = now.getTime() - days * DAY_MS;
  return {
    outbox: archiveOutbox(ss, sheets.get('outbox'), zone, cutoff, owner, now.getTime()),
    log: archiveLog(ss, sheets.get('log'), zone, cutoff, owner),
  };
}

function instantOf(value: unknown): number | null {
  return isDate(value) ? value.getTime() : null;
}

/**
 * Finished Outbox rows older than the cutoff whose kind nothing asks for again (src/mail/kinds.ts):
 * appended to their year's tab, then the live tab rewritten without them.
 */
function archiveOutbox(ss: Spreadsheet, sheet: Sheet | undefined, zone: Zone, cutoff: number, owner: string, now: number): number {
  const live = readTab(sheet, 'outbox');
  if (!live || live.rows.length === 0) return 0;
  const stateAt = live.columns.index.state;
  const keep: unknown[][] = [];
  const byYear = new Map<number, unknown[][]>();
  for (const row of live.rows) {
    const state = stateAt === undefined ? undefined : findChoice(OUTBOX_STATES, String(row[stateAt] ?? ''))?.key;
    const at = instantOf(row[live.columns.index.sentAt ?? -1]) ?? instantOf(row[live.columns.index.due ?? -1]);
    const key = String(row[live.columns.index.key ?? -1] ?? '').trim();
    if (state && FINISHED.has(state) && at !== null && at < cutoff && !staysLive(key, now)) {
      const year = localDateOf(zone, at).year;
      if (!byYear.has(year)) byYear.set(year, []);
      byYear.get(year)!.push(row);
    } else keep.push(row);
  }
  if (byYear.size === 0) return 0;
  for (const [year, rows] of byYear) appendTo(archiveTab(ss, live, year, owner), rows, live.plainText);
  rewrite(live, keep);
  return live.rows.length - keep.length;
}

/** Log lines older than the cutoff (the Log is in time order: a prefix of it), read by their time column first. */
function archiveLog(ss: Spreadsheet, sheet: Sheet | undefined, zone: Zone, cutoff: number, owner: string): number {
  if (!sheet) return 0;
  const last = sheet.getLastRow();
  const lastCol = sheet.getLastColumn();
  if (last < 2 || lastCol < 1) return 0;
  const def = tabDef('log');
  const header = sheet.getRange(1, 1, 1, lastCol).getValues()[0];
  const columns = mapColumns(def, header);
  const plainText = header.map((_, i) => def.columns.some((c) => columns.index[c.key] === i && isTextColumn(c)));
  const shell: TabData = { def, sheet, header, columns, rows: new Array(last - 1), plainText };
  const times = readColumn(shell, 'time');
  let count = 0;
  while (count < times.length) {
    const at = instantOf(times[count]);
    // A line without a time (typed by hand) stops the prefix: nothing after it is judged.
    if (at === null || at >= cutoff) break;
    count++;
  }
  if (count === 0) return 0;
  const rows = sheet.getRange(2, 1, count, lastCol).getValues();
  const byYear = new Map<number, unknown[][]>();
  rows.forEach((row, i) => {
    const year = localDateOf(zone, instantOf(times[i])!).year;
    if (!byYear.has(year)) byYear.set(year, []);
    byYear.get(year)!.push(row);
  });
  for (const [year, list] of byYear) appendTo(archiveTab(ss, shell, year, owner), list, plainText);
  removeRows(sheet, 2, count);
  return count;
}

/** Deletes rows; Google refuses to delete every non-frozen row, so a blank one is added first when needed. */
function removeRows(sheet: Sheet, first: number, count: number): void {
  if (count <= 0) return;
  const max = sheet.getMaxRows();
  if (max - count < 2) sheet.insertRowsAfter(max, 1);
  sheet.deleteRows(first, count);
}

/** The year's archive tab, made the first time: the live header, as wide as it, owner-only. */
function archiveTab(ss: Spreadsheet, live: TabData, year: number, owner: string): Sheet {
  const name = archiveName(live.sheet.getName(), year);
  const found = ss.getSheetByName(name);
  if (found) return found;
  const sheet = ss.insertSheet(name, ss.getNumSheets());
  const width = live.header.length;
  if (sheet.getMaxColumns() > width) sheet.deleteColumns(width + 1, sheet.getMaxColumns() - width);
  sheet.getRange(1, 1, 1, width).setValues([toCells(live.header, [])]);
  sheet.setFrozenRows(1);
  protectOwnerOnly(sheet, owner);
  return sheet;
}

/** Appends rows below the last one: getLastRow, rows inserted, one setValues. */
function appendTo(sheet: Sheet, rows: unknown[][], plainText: boolean[]): void {
  const last = sheet.getLastRow();
  const width = rows[0].length;
  sheet.insertRowsAfter(Math.max(last, 1), rows.length);
  sheet.getRange(last + 1, 1, rows.length, width).setValues(rows.map((r) => toCells(r, plainText)));
}

/** The live tab holds `keep` (in their order) and is shorter by the rows that left. */
function rewrite(live: TabData, keep: unknown[][]): void {
  const width = live.header.length;
  const gone = live.rows.length - keep.length;
  if (keep.length > 0) live.sheet.getRange(2, 1, keep.length, width).setValues(keep.map((r) => toCells(r.slice(0, width), live.plainText)));
  removeRows(live.sheet, 2 + keep.length, gone);
}

/**
 * Once per workbook, for one archived by the version before the kinds (src/mail/kinds.ts):
 * rows whose mail still stands go back from the archive tabs to the live Outbox, or their
 * mail would go again. Reads each Outbox archive tab once (the only time a tick reads them);
 * a key already live is not appended twice (a run killed after the append and before the
 * archive tab was rewritten). Returns how many rows came back.
 */
export function restoreStanding(ss: Spreadsheet, liveSheet: Sheet | undefined, now: number): number {
  const live = liveSheet ? readTab(liveSheet, 'outbox') : null;
  if (!liveSheet || !live) return 0;
  const keyAt = live.columns.index.key;
  if (keyAt === undefined) return 0;
  const liveKeys = new Set(live.rows.map((r) => String(r[keyAt] ?? '')));
  const keys = Object.keys(live.columns.index).filter((k) => live.columns.index[k] !== undefined);
  let total = 0;
  for (const sheet of archiveSheets(ss, liveSheet.getName())) {
    const last = sheet.getLastRow();
    const width = sheet.getLastColumn();
    if (last < 2 || width < 1) continue;
    const header = sheet.getRange(1, 1, 1, width).getValues()[0];
    const at = mapColumns(tabDef('outbox'), header).index;
    if (at.key === undefined) continue;
    const rows = sheet.getRange(2, 1, last - 1, width).getValues();
    const back = rows.filter((r) => staysLive(String(r[at.key!] ?? ''), now));
    if (back.length === 0) continue;
    // In the live tab's column order, whatever the archive tab's is.
    const asLive = (r: unknown[]) => {
      const out: unknown[] = live.header.map(() => '');
      for (const k of keys) if (at[k] !== undefined) out[live.columns.index[k]!] = r[at[k]!];
      return out;
    };
    const fresh = back.filter((r) => !liveKeys.has(String(r[at.key!] ?? '')));
    if (fresh.length) appendTo(liveSheet, fresh.map(asLive), live.plainText);
    fresh.forEach((r) => liveKeys.add(String(r[at.key!] ?? '')));
    const gone = new Set(back);
    const keep = rows.filter((r) => !gone.has(r));
    const plain = header.map((_, i) => keys.some((k) => at[k] === i && live.plainText[live.columns.index[k]!]));
    if (keep.length) sheet.getRange(2, 1, keep.length, width).setValues(keep.map((r) => toCells(r, plain)));
    removeRows(sheet, 2 + keep.length, back.length);
    total += back.length;
  }
  return total;
}

/** Settings' locale label of the archive, for the Log line of a night's move. */
export function archiveSummary(locale: Locale, moved: ArchiveResult): string {
  return locale === 'en'
    ? `${moved.outbox} Outbox rows and ${moved.log} Log lines moved to the archive tabs`
    : `В архивные вкладки перенесено: строк «Исходящих» — ${moved.outbox}, строк «Журнала» — ${moved.log}`;
}
