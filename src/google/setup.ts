/**
 * Creates or repairs every tab of docs/DOMAIN.md §9. Safe to re-run on a used workbook: it adds
 * missing tabs and header cells and never moves, deletes or rewrites people's data.
 */
import { findTab, headerOf, Locale, mapColumns, TabKey, TABS, tabName } from '../core/schema';
import {
  defaultValueIn,
  findSetting,
  parseLocale,
  senderNameMissing,
  SETTINGS,
  settingDescription,
  settingLabel,
  untranslatedDefault,
} from '../core/settings';
import { localizer, t } from '../core/i18n';
import { LogEntry } from './log';
import { readHeader, sheetsByTab } from './workbook';
import { applyColumnRules, applyProblemHighlight } from './rules';
import { applyStyle, legendCells, writeLegend } from './style';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

const TEXT = {
  summary: {
    ru: 'Вкладок создано: {created}, заголовков добавлено: {repaired}, настроек добавлено: {settings}; триггеры: {triggers}.',
    en: 'Tabs created: {created}, headers added: {repaired}, settings added: {settings}; triggers: {triggers}.',
  },
  triggersKept: { ru: 'уже были установлены', en: 'already installed' },
  triggersInstalled: { ru: 'установлены {names}', en: 'installed {names}' },
} as const;

const say = localizer<keyof typeof TEXT>(TEXT);

/** The Log's line for a setup run, as a sentence in the workbook's language. */
export function setupSummary(report: SetupReport, triggers: string[]): string {
  const L = report.locale;
  return say(L, 'summary', {
    created: report.created.length,
    repaired: report.repairedHeaders.length,
    settings: report.settingsAdded.length,
    triggers: triggers.length ? say(L, 'triggersInstalled', { names: triggers.join(', ') }) : say(L, 'triggersKept'),
  });
}

export interface SetupReport {
  locale: Locale;
  created: string[];
  repairedHeaders: string[];
  settingsAdded: string[];
  log: LogEntry[];
  /** Settings after setup, as askSenderName reads it (no second read). */
  settings?: { sheet: Sheet; rows: unknown[][] };
  /** Every tab's header row after setup (the protections follow them; no second read). */
  headers?: Map<TabKey, unknown[]>;
  /** The tabs this run made (empty below their headers until a feature writes them). */
  createdTabs: Set<TabKey>;
}

/** The workbook's locale: the Settings value if set, else the spreadsheet's locale. */
export function workbookLocale(ss: Spreadsheet, settingsSheet?: Sheet): Locale {
  return localeOf(ss, settingsSheet ? readSettings(settingsSheet).rows : []);
}

function localeOf(ss: Spreadsheet, rows: unknown[][]): Locale {
  for (const [key, value] of rows) {
    if (findSetting(String(key))?.key === 'locale' && String(value).trim()) return parseLocale(String(value));
  }
  return parseLocale(ss.getSpreadsheetLocale());
}

/** Settings' key and value columns below the header, and the sheet's last row (the legend beside it counts). */
interface SettingsRows {
  lastRow: number;
  rows: unknown[][];
}

function readSettings(sheet: Sheet): SettingsRows {
  const lastRow = sheet.getLastRow();
  return { lastRow, rows: lastRow > 1 ? sheet.getRange(2, 1, lastRow - 1, 2).getValues() : [] };
}

/** Script property: the style version setup last applied in full (column widths included). */
const STYLED_KEY = 'reglament.style';
const STYLE_VERSION = '1';

/**
 * What setup needs to know of one tab's sheet, read before any write: Google's write cache
 * sends queued writes at the next read, so reads between writes cost a round trip each
 * (docs/ARCHITECTURE.md, "Costs"); setup reads everything first and then only writes.
 */
export interface SheetFacts {
  sheet: Sheet;
  created: boolean;
  /** The header row as it is (repairHeader appends the missing headers to it). */
  header: unknown[];
  maxRows: number;
  maxColumns: number;
  frozenRows: number;
  /** The sheet's conditional format rules (read only for a tab with a Problems column). */
  conditionalRules: GoogleAppsScript.Spreadsheet.ConditionalFormatRule[];
  /** The column group depth of the event ID column (0 when the column is new or absent). */
  eventGroupDepth: number;
}

/**
 * `size`: the size of a sheet inserted earlier in this run. Every sheet insertSheet makes has
 * Google's default size (1,000 rows × 26 columns), so it is read from the first one only.
 */
function readFacts(sheet: Sheet, def: (typeof TABS)[number], created: boolean, size?: { maxRows: number; maxColumns: number }): SheetFacts {
  const facts: SheetFacts = {
    sheet,
    created,
    header: [],
    maxRows: size ? size.maxRows : sheet.getMaxRows(),
    maxColumns: size ? size.maxColumns : sheet.getMaxColumns(),
    frozenRows: 0,
    conditionalRules: [],
    eventGroupDepth: 0,
  };
  if (created) return facts; // a sheet just inserted is empty: no header, rules, groups or frozen rows
  facts.header = readHeader(sheet);
  facts.frozenRows = sheet.getFrozenRows();
  const { index } = mapColumns(def, facts.header);
  if (def.columns.some((c) => c.key === 'problems')) facts.conditionalRules = sheet.getConditionalFormatRules();
  if (index['eventId'] !== undefined && !def.systemTab) facts.eventGroupDepth = sheet.getColumnGroupDepth(index['eventId'] + 1);
  return facts;
}

/**
 * Creates the missing tabs and repairs every tab's headers, formats, rules and style. In two
 * phases: every read first (the tabs, their headers and sizes, Settings, the legend's cells),
 * then only writes, so the write cache is sent once, not once per tab and step.
 */
export function setupTabs(ss: Spreadsheet): SetupReport {
  const { existing, spare } = sheetsOf(ss);
  const settingsBefore = existing.get('settings');
  const settingsRead = settingsBefore ? readSettings(settingsBefore) : { lastRow: 0, rows: [] };
  const locale = localeOf(ss, settingsRead.rows);
  const report: SetupReport = { locale, created: [], repairedHeaders: [], settingsAdded: [], log: [], createdTabs: new Set() };
  // Reads and round trips: new sheets (nothing is queued yet, so nothing is flushed), then the facts.
  const facts = new Map<TabKey, SheetFacts>();
  let newSize: { maxRows: number; maxColumns: number } | undefined;
  let renamed: { sheet: Sheet; name: string } | null = null;
  for (const def of TABS) {
    let sheet = existing.get(def.key);
    const created = !sheet;
    let inserted = false;
    if (!sheet) {
      // A new spreadsheet's own empty sheet becomes the first tab (renamed with the writes).
      if (spare && !renamed) {
        sheet = spare;
        renamed = { sheet, name: tabName(def, locale) };
      } else {
        sheet = ss.insertSheet(tabName(def, locale));
        inserted = true;
      }
      existing.set(def.key, sheet);
      report.created.push(tabName(def, locale));
      report.createdTabs.add(def.key);
    }
    const f = readFacts(sheet, def, created, inserted ? newSize : undefined);
    if (inserted && !newSize) newSize = { maxRows: f.maxRows, maxColumns: f.maxColumns };
    facts.set(def.key, f);
  }
  if (!renamed) removeDefaultSheet(ss, report);
  const settings = existing.get('settings') as Sheet;
  const legend = facts.get('settings')?.created ? [] : legendCells(settings);
  const hasZone = settingsRead.rows.some((r) => findSetting(String(r[0]))?.key === 'timeZone');
  const timeZone = hasZone ? '' : ss.getSpreadsheetTimeZone();
  const props = PropertiesService.getScriptProperties();
  const styledBefore = props.getProperty(STYLED_KEY) === STYLE_VERSION;
  // Writes only from here on.
  if (renamed) renamed.sheet.setName(renamed.name);
  for (const def of TABS) {
    const f = facts.get(def.key) as SheetFacts;
    repairHeader(f, def, locale, report);
    if (f.frozenRows !== 1) f.sheet.setFrozenRows(1);
  }
  for (const def of TABS) {
    const f = facts.get(def.key) as SheetFacts;
    applyColumnRules(f.sheet, def, locale, f.header, f.maxRows);
    applyProblemHighlight(f.sheet, def, f.header, f.maxRows, f.conditionalRules);
    applyStyle(f.sheet, def, f.header, !styledBefore || f.created, f.maxRows, f.eventGroupDepth);
    trimSystemTab(f, def);
  }
  if (!styledBefore) props.setProperty(STYLED_KEY, STYLE_VERSION);
  // After the formats: Settings' text columns are plain text, so values go in as typed.
  report.settings = { sheet: settings, rows: fillSettings(settings, settingsRead, timeZone, locale, report) };
  // After the settings rows: the legend beside them must not count as rows of the table.
  writeLegend(settings, locale, legend);
  report.headers = new Map([...facts].map(([key, f]) => [key as TabKey, f.header]));
  return report;
}

/**
 * A new Outbox or Log keeps only its own columns: every row of a sheet counts all its columns
 * against the spreadsheet's 10-million-cell limit, and these two grow by thousands of rows a
 * month (26 columns of Google's default would be three times theirs). Only a sheet setup just
 * made: nobody has typed beside it.
 */
function trimSystemTab(f: SheetFacts, def: (typeof TABS)[number]): void {
  const width = f.header.length;
  if (!def.systemTab || !f.created || width < 1 || f.maxColumns <= width) return;
  f.sheet.deleteColumns(width + 1, f.maxColumns - width);
  f.maxColumns = width;
}

function repairHeader(f: SheetFacts, def: (typeof TABS)[number], locale: Locale, report: SetupReport): void {
  const header = f.header;
  const lastCol = header.length;
  const { missing } = mapColumns(def, header);
  if (missing.length === 0) return;
  // Missing headers go after the last used column: existing columns never move.
  const room = f.maxColumns - lastCol;
  if (room < missing.length) {
    f.sheet.insertColumnsAfter(f.maxColumns, missing.length - room);
    f.maxColumns += missing.length - room;
  }
  const added = missing.map((col) => headerOf(col, locale));
  f.sheet.getRange(1, lastCol + 1, 1, missing.length).setValues([added]);
  f.header = [...header, ...added];
  for (const col of missing) {
    const name = `${tabName(def, locale)}: ${headerOf(col, locale)}`;
    if (lastCol > 0) report.repairedHeaders.push(name);
  }
}

/** Adds the missing settings (one setValues); returns Settings' key and value rows as they now are. */
function fillSettings(sheet: Sheet, read: SettingsRows, timeZone: string, locale: Locale, report: SetupReport): unknown[][] {
  const current = read.rows.map((r) => [...r]);
  const keys = current.map((r) => String(r[0]));
  const present = new Set(keys.map((k) => findSetting(k)?.key).filter(Boolean));
  translateDefaults(sheet, current, locale);
  const rows: string[][] = [];
  for (const def of SETTINGS) {
    if (present.has(def.key)) continue;
    let value = defaultValueIn(def, locale);
    if (def.key === 'timeZone') value = timeZone;
    if (def.key === 'locale') value = locale;
    rows.push([settingLabel(def, locale), value, settingDescription(def, locale)]);
    report.settingsAdded.push(settingLabel(def, locale));
  }
  if (rows.length > 0) sheet.getRange(Math.max(read.lastRow, 1) + 1, 1, rows.length, 3).setValues(rows);
  return [...current, ...rows.map((r) => [r[0], r[1]])];
}

/**
 * Defaults setup wrote in the other language («Mon, Thu» in a Russian workbook) are shown
 * in the workbook's: once per workbook, one setValue per such cell (at most five). What a
 * person typed is never the other language's exact default, so it stays.
 */
function translateDefaults(sheet: Sheet, rows: unknown[][], locale: Locale): void {
  rows.forEach((r, i) => {
    const def = findSetting(String(r[0]));
    const want = def && typeof r[1] === 'string' ? untranslatedDefault(def, r[1], locale) : undefined;
    if (want !== undefined) {
      sheet.getRange(i + 2, 2).setValue(want);
      r[1] = want;
    }
  });
}

const DEFAULT_SHEET = /^(Sheet|Лист)\d+$/;

/**
 * The tabs by key (one getSheets, a name each) and, in a spreadsheet with no tab yet and
 * nothing but its own empty "Sheet1"/"Лист1", that sheet: setup makes it the first tab rather
 * than inserting one and deleting it (which would lose whatever it holds anyway).
 */
function sheetsOf(ss: Spreadsheet): { existing: Map<TabKey, Sheet>; spare: Sheet | null } {
  const existing = new Map<TabKey, Sheet>();
  const sheets = ss.getSheets();
  const names = sheets.map((sheet) => sheet.getName());
  sheets.forEach((sheet, i) => {
    const def = findTab(names[i]);
    if (def && !existing.has(def.key)) existing.set(def.key, sheet);
  });
  const lone = existing.size === 0 && sheets.length === 1 && DEFAULT_SHEET.test(names[0]) ? sheets[0] : null;
  return { existing, spare: lone && lone.getLastRow() === 0 ? lone : null };
}

/** A new spreadsheet comes with an empty "Sheet1"/"Лист1"; drop it once the tabs exist. */
function removeDefaultSheet(ss: Spreadsheet, report: SetupReport): void {
  if (report.created.length === 0) return;
  for (const sheet of ss.getSheets()) {
    const name = sheet.getName();
    if (DEFAULT_SHEET.test(name) && sheet.getLastRow() === 0 && ss.getSheets().length > 1) ss.deleteSheet(sheet);
  }
}

/**
 * The sender name (Settings "Sender name") is the company's: when it is missing (or still the
 * product's own old default), setup asks the person running it, and writes the answer into
 * Settings. Without a UI (a trigger, the script editor) or an answer, it says what to fill in.
 * Returns the name now in Settings ('' when still missing).
 */
export function askSenderName(ss: Spreadsheet, locale: Locale, known?: SetupReport['settings']): string {
  const sheet = known ? known.sheet : sheetsByTab(ss).get('settings');
  if (!sheet) return '';
  const rows = known ? known.rows : readSettings(sheet).rows;
  const at = rows.findIndex((r) => findSetting(String(r[0]))?.key === 'senderName');
  if (at < 0) return '';
  const current = String(rows[at][1] ?? '');
  if (!senderNameMissing(current)) return current.trim();
  let answer = '';
  try {
    const ui = SpreadsheetApp.getUi();
    const reply = ui.prompt(t(locale, 'setupTitle'), t(locale, 'senderPrompt'), ui.ButtonSet.OK_CANCEL);
    if (reply.getSelectedButton() === ui.Button.OK) answer = reply.getResponseText().trim();
  } catch (e) {
    answer = ''; // no UI here (a trigger, the editor): Settings says what to fill in
  }
  if (!answer || senderNameMissing(answer)) {
    ss.toast(t(locale, 'senderMissing'), t(locale, 'setupTitle'));
    return '';
  }
  sheet.getRange(at + 2, 2).setValue(answer);
  return answer;
}
