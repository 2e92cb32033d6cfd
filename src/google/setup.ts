/**
 * Creates or repairs every tab of docs/DOMAIN.md §9. Safe to re-run on a used workbook: it adds
 * missing tabs and header cells and never moves, deletes or rewrites people's data.
 */
import { headerOf, Locale, mapColumns, TABS, tabName } from '../core/schema';
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
import { applyStyle, writeLegend } from './style';

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
}

/** The workbook's locale: the Settings value if set, else the spreadsheet's locale. */
export function workbookLocale(ss: Spreadsheet, settingsSheet?: Sheet): Locale {
  if (settingsSheet && settingsSheet.getLastRow() > 1) {
    const rows = settingsSheet.getRange(2, 1, settingsSheet.getLastRow() - 1, 2).getValues();
    for (const [key, value] of rows) {
      if (findSetting(String(key))?.key === 'locale' && String(value).trim()) return parseLocale(String(value));
    }
  }
  return parseLocale(ss.getSpreadsheetLocale());
}

/** Script property: the style version setup last applied in full (column widths included). */
const STYLED_KEY = 'reglament.style';
const STYLE_VERSION = '1';

export function setupTabs(ss: Spreadsheet): SetupReport {
  const existing = sheetsByTab(ss);
  const locale = workbookLocale(ss, existing.get('settings'));
  const report: SetupReport = { locale, created: [], repairedHeaders: [], settingsAdded: [], log: [] };
  for (const def of TABS) {
    let sheet = existing.get(def.key);
    if (!sheet) {
      sheet = ss.insertSheet(tabName(def, locale));
      existing.set(def.key, sheet);
      report.created.push(tabName(def, locale));
    }
    repairHeader(sheet, def, locale, report);
    if (sheet.getFrozenRows() !== 1) sheet.setFrozenRows(1);
  }
  removeDefaultSheet(ss, report);
  const props = PropertiesService.getScriptProperties();
  const styledBefore = props.getProperty(STYLED_KEY) === STYLE_VERSION;
  for (const def of TABS) {
    const sheet = existing.get(def.key) as Sheet;
    const header = applyColumnRules(sheet, def, locale);
    applyProblemHighlight(sheet, def);
    applyStyle(sheet, def, header, !styledBefore || report.created.includes(tabName(def, locale)));
  }
  if (!styledBefore) props.setProperty(STYLED_KEY, STYLE_VERSION);
  // After the formats: Settings' text columns are plain text, so values go in as typed.
  fillSettings(existing.get('settings') as Sheet, ss, locale, report);
  // After the settings rows: the legend beside them must not count as rows of the table.
  writeLegend(existing.get('settings') as Sheet, locale);
  return report;
}

function repairHeader(sheet: Sheet, def: (typeof TABS)[number], locale: Locale, report: SetupReport): void {
  const lastCol = sheet.getLastColumn();
  const header = readHeader(sheet, lastCol);
  const { missing } = mapColumns(def, header);
  if (missing.length === 0) return;
  // Missing headers go after the last used column: existing columns never move.
  const room = sheet.getMaxColumns() - lastCol;
  if (room < missing.length) sheet.insertColumnsAfter(sheet.getMaxColumns(), missing.length - room);
  sheet.getRange(1, lastCol + 1, 1, missing.length).setValues([missing.map((col) => headerOf(col, locale))]);
  for (const col of missing) {
    const name = `${tabName(def, locale)}: ${headerOf(col, locale)}`;
    if (header.length > 0) report.repairedHeaders.push(name);
  }
}

function fillSettings(sheet: Sheet, ss: Spreadsheet, locale: Locale, report: SetupReport): void {
  const lastRow = sheet.getLastRow();
  const current = lastRow > 1 ? sheet.getRange(2, 1, lastRow - 1, 2).getValues() : [];
  const keys = current.map((r) => String(r[0]));
  const present = new Set(keys.map((k) => findSetting(k)?.key).filter(Boolean));
  translateDefaults(sheet, current, locale);
  const rows: string[][] = [];
  for (const def of SETTINGS) {
    if (present.has(def.key)) continue;
    let value = defaultValueIn(def, locale);
    if (def.key === 'timeZone') value = ss.getSpreadsheetTimeZone();
    if (def.key === 'locale') value = locale;
    rows.push([settingLabel(def, locale), value, settingDescription(def, locale)]);
    report.settingsAdded.push(settingLabel(def, locale));
  }
  if (rows.length > 0) sheet.getRange(Math.max(lastRow, 1) + 1, 1, rows.length, 3).setValues(rows);
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
    if (want !== undefined) sheet.getRange(i + 2, 2).setValue(want);
  });
}

/** A new spreadsheet comes with an empty "Sheet1"/"Лист1"; drop it once the tabs exist. */
function removeDefaultSheet(ss: Spreadsheet, report: SetupReport): void {
  if (report.created.length === 0) return;
  for (const sheet of ss.getSheets()) {
    const name = sheet.getName();
    if (/^(Sheet|Лист)\d+$/.test(name) && sheet.getLastRow() === 0 && ss.getSheets().length > 1) ss.deleteSheet(sheet);
  }
}

/**
 * The sender name (Settings "Sender name") is the company's: when it is missing (or still the
 * product's own old default), setup asks the person running it, and writes the answer into
 * Settings. Without a UI (a trigger, the script editor) or an answer, it says what to fill in.
 * Returns the name now in Settings ('' when still missing).
 */
export function askSenderName(ss: Spreadsheet, locale: Locale): string {
  const sheet = sheetsByTab(ss).get('settings');
  if (!sheet || sheet.getLastRow() < 2) return '';
  const rows = sheet.getRange(2, 1, sheet.getLastRow() - 1, 2).getValues();
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
