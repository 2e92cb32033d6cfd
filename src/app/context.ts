/**
 * What one execution knows: the spreadsheet, settings, locale and zone, each tab read at
 * most once, and the Log entries to append in one write at the end. Feature modules
 * (orders, calls, schedules) take a RunContext instead of calling services themselves.
 * `actingUser` is the editor an edit's event named; '' when Google did not say, which is
 * logged as an unknown user and never taken for anyone (not the owner the trigger runs as).
 */
import { Locale, TabKey } from '../core/schema';
import { parseLocale, readSettings, SettingValues } from '../core/settings';
import { Zone } from '../core/time';
import { readHolidayRows, WorkCalendar } from '../core/workdays';
import { staffDirectory } from '../core/permissions';
import { appendLog, currentUser, LogEntry } from '../google/log';
import { readTab, sheetsByTab, TabData } from '../google/workbook';
import { zoneOf } from '../google/zone';
import { recordsOf } from '../google/records';
import { indexOutbox, OutboxRow, PartialOutbox, readOutboxPart } from '../mail/outbox';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** The Outbox tab and its rows by key, shared by every feature of a run (so a key is looked up in one place). */
export interface OutboxBook {
  tab: TabData;
  index: Map<string, OutboxRow>;
}

export interface RunContext {
  ss: Spreadsheet;
  now: Date;
  settings: SettingValues;
  locale: Locale;
  zone: Zone;
  user: string;
  sheets: Map<TabKey, Sheet>;
  /** An edit's run (ContextOptions.edit): features may read tabs in part, by key. */
  partial: boolean;
  /** The tab, read once per execution (null when it does not exist). */
  tab(key: TabKey): TabData | null;
  /**
   * The Outbox and its index, once per execution: read whole, or in an edit's run by key
   * (mail/outbox PartialOutbox: the Key column, then the rows looked up). tab('outbox') in
   * the same run gives the same rows (read whole then), never a second copy.
   */
  outbox(): OutboxBook | null;
  /** Working days from the Holidays tab, built once. */
  workCalendar(): WorkCalendar;
  staff(): ReturnType<typeof staffDirectory>;
  /** Forgets what was read of a tab (it was just changed), so the next tab()/staff() reads it again. */
  invalidate(key: TabKey): void;
  /** Has this run read the tab (tab(), or know())? */
  hasRead(key: TabKey): boolean;
  /** The tab as the run knows it to be without reading it (setup: a tab it just made holds its header alone). */
  know(key: TabKey, data: TabData): void;
  log(entry: LogEntry): void;
  /** How many Log entries wait for finish() (a run that logged did something). */
  logged(): number;
  /** Appends the collected Log entries in one write. */
  finish(): void;
}

const UNKNOWN_USER: Record<Locale, string> = { ru: 'неизвестный пользователь', en: 'unknown user' };

/** How the Log names an editor Google did not name. */
export function unknownUser(locale: Locale): string {
  return UNKNOWN_USER[locale];
}

export interface ContextOptions {
  /** An edit's run: the Outbox is read by key (reads that do not grow with history). */
  edit?: boolean;
}

export function openContext(
  ss: Spreadsheet = SpreadsheetApp.getActiveSpreadsheet(),
  now: Date = new Date(),
  actingUser?: string,
  options: ContextOptions = {},
): RunContext {
  const sheets = sheetsByTab(ss);
  const tabs = new Map<TabKey, TabData | null>();
  let outbox: OutboxBook | null | undefined;
  const tab = (key: TabKey): TabData | null => {
    if (key === 'outbox' && outbox && outbox.index instanceof PartialOutbox) {
      outbox.index.readAll();
      return outbox.tab;
    }
    if (!tabs.has(key)) tabs.set(key, readTab(sheets.get(key), key));
    return tabs.get(key) ?? null;
  };
  const outboxBook = (): OutboxBook | null => {
    if (outbox !== undefined) return outbox;
    if (options.edit && !tabs.has('outbox')) {
      const part = readOutboxPart(sheets.get('outbox'));
      outbox = part ? { tab: part.outbox, index: part } : null;
    } else {
      const whole = tab('outbox');
      outbox = whole ? { tab: whole, index: indexOutbox(whole) } : null;
    }
    return outbox;
  };
  const settingsTab = tab('settings');
  const settings = readSettings(settingsTab ? settingsTab.rows : []);
  const timeZone = ss.getSpreadsheetTimeZone();
  const zone = zoneOf(timeZone);
  const locale = settingsTab && settingsTab.rows.length > 0 ? parseLocale(settings.locale) : parseLocale(ss.getSpreadsheetLocale());
  const entries: LogEntry[] = [];
  let calendar: WorkCalendar | undefined;
  let staff: ReturnType<typeof staffDirectory> | undefined;
  // The person who edited, from the event: '' when Google did not say (never the owner then).
  const user = actingUser !== undefined ? actingUser : currentUser();
  return {
    ss,
    now,
    settings,
    locale,
    zone,
    user,
    sheets,
    partial: options.edit === true,
    tab,
    outbox: outboxBook,
    workCalendar() {
      if (!calendar) {
        const holidays = tab('holidays');
        calendar = WorkCalendar.fromRows(holidays ? readHolidayRows(recordsOf(holidays), zone).rows : []);
      }
      return calendar;
    },
    staff() {
      if (!staff) {
        const t = tab('staff');
        staff = staffDirectory(t ? recordsOf(t) : [], zone);
      }
      return staff;
    },
    invalidate(key) {
      tabs.delete(key);
      if (key === 'outbox') outbox = undefined;
      if (key === 'staff') staff = undefined;
      if (key === 'holidays') calendar = undefined;
    },
    hasRead(key) {
      return tabs.has(key);
    },
    know(key, data) {
      if (!tabs.has(key)) tabs.set(key, data);
    },
    log(entry) {
      const who = entry.user !== undefined ? entry.user : user;
      entries.push({ ...entry, user: who || unknownUser(locale) });
    },
    logged() {
      return entries.length;
    },
    finish() {
      appendLog(sheets.get('log'), entries.splice(0), now);
    },
  };
}
