/**
 * The one table of estimated latencies on Google, per service method, used to turn a
 * local run's call counts into an "estimated time on Google".
 *
 * Sources (figures are round, and meant to rank designs, not to promise seconds):
 * - Google's "Best practices" for Apps Script: each service call is a round trip to
 *   a Google server, "calls to other services ... are slower than JavaScript"; batch
 *   reads/writes (getValues/setValues) instead of per-cell calls; and "Google Apps Script
 *   already has some built-in optimization, such as using look-ahead caching to retrieve
 *   what a script is likely to get and write caching to save what is likely to be set" —
 *   "alternating read and write commands is slow".
 *   https://developers.google.com/apps-script/guides/support/best-practices
 * - The Spreadsheet service's overview: "spreadsheet operations are bundled together to
 *   improve performance ... If you want to make sure that all pending changes are made
 *   right away ... call SpreadsheetApp.flush()".
 *   https://developers.google.com/apps-script/reference/spreadsheet
 *   So a write to a sheet (set…, insert…, delete…, clear…) is queued, not a round trip of
 *   its own: it costs the values it carries (QUEUED_WRITE; queuedMs says which carry one
 *   per cell) and the queue is sent in one round trip
 *   (WRITE_FLUSH) at the next read of the spreadsheet, at SpreadsheetApp.flush(), or at the
 *   end of the run (writeCache() below; Runtime.call applies it). A community measurement
 *   shows the cost sits in the flush: one 4,000-cell setValues "took less than 50ms, and
 *   adding a call to flush() increased that to 610ms" (Stack Overflow, "What is faster:
 *   ScriptDb or SpreadsheetApp?").
 *   Where Google is silent, the less convenient reading: every read of the spreadsheet
 *   (any get…/is…/can… call that needs the server, Protection reads included) flushes the
 *   queue first, and protections (protect, Protection.*) and new sheets are immediate
 *   round trips (they return server objects).
 * - Measured figures published by the community (Tanaike's benchmarks of
 *   SpreadsheetApp read/write: ~ tens of ms per call plus a per-cell cost that
 *   reaches ~1 s for 100k cells; MailApp ~0.3–1 s per message; Advanced Calendar
 *   ~0.2–0.6 s per request; PropertiesService ~30–100 ms per call).
 *   https://tanaikech.github.io/topics/benchmark
 * - Builders (SpreadsheetApp.newDataValidation, newConditionalFormatRule, newTrigger and
 *   their steps) assemble a request inside the script: ~0 ms; the set…/create() call that
 *   applies them is the round trip.
 * - Utilities.formatDate: a call into the Apps Script host, not JavaScript; Google
 *   publishes no figure and none was found in community benchmarks (searched), and it
 *   cannot be measured from here. Charged 1 ms a call — a host call's overhead, the less
 *   convenient reading than "free" (4,372 calls in one tick cost 4.4 s). The other
 *   Utilities and Logger calls are charged 0.05 ms.
 */

export interface Latency {
  /** Fixed cost of one call, in ms. */
  baseMs: number;
  /** Extra cost per cell touched (SpreadsheetApp range reads/writes), in ms. */
  perCellMs?: number;
}

const TABLE: Record<string, Latency> = {
  // SpreadsheetApp — reads and writes of ranges scale with cells.
  'SpreadsheetApp.getActiveSpreadsheet': { baseMs: 30 },
  'SpreadsheetApp.getActive': { baseMs: 30 },
  'SpreadsheetApp.openById': { baseMs: 300 },
  'SpreadsheetApp.getUi': { baseMs: 5 },
  // An explicit flush is the write cache's round trip (it empties the queue).
  'SpreadsheetApp.flush': { baseMs: 100 },
  // Builders: assembled in the script, no round trip.
  'SpreadsheetApp.newDataValidation': { baseMs: 0.05 },
  'SpreadsheetApp.newConditionalFormatRule': { baseMs: 0.05 },
  'SpreadsheetApp.newRichTextValue': { baseMs: 0.05 },
  'SpreadsheetApp.newTextStyle': { baseMs: 0.05 },
  'Utilities.formatDate': { baseMs: 1 },
  'Spreadsheet.getSheetByName': { baseMs: 20 },
  'Spreadsheet.getSheets': { baseMs: 30 },
  'Spreadsheet.insertSheet': { baseMs: 250 },
  'Spreadsheet.toast': { baseMs: 50 },
  'Spreadsheet.getSpreadsheetTimeZone': { baseMs: 20 },
  'Spreadsheet.setSpreadsheetTimeZone': { baseMs: 100 },
  'Sheet.getRange': { baseMs: 5 },
  // A RangeList is ranges the script names, as getRange's: the same cost; its setters are
  // queued writes charged as the Range setters over the cells of all its ranges (queuedMs).
  'Sheet.getRangeList': { baseMs: 5 },
  // A Sheet object already carries its name and index.
  'Sheet.getName': { baseMs: 2 },
  'Sheet.getIndex': { baseMs: 2 },
  'Sheet.getDataRange': { baseMs: 20 },
  'Sheet.getLastRow': { baseMs: 20 },
  'Sheet.getLastColumn': { baseMs: 20 },
  'Sheet.appendRow': { baseMs: 120 },
  'Sheet.insertRows': { baseMs: 120 },
  'Sheet.deleteRow': { baseMs: 120 },
  'Sheet.deleteRows': { baseMs: 120 },
  'Sheet.setFrozenRows': { baseMs: 80 },
  'Sheet.protect': { baseMs: 150 },
  'Sheet.getProtections': { baseMs: 80 },
  'Sheet.setConditionalFormatRules': { baseMs: 150 },
  'Sheet.getConditionalFormatRules': { baseMs: 60 },
  // A Range object knows its own coordinates and sheet: no round trip.
  'Range.getRow': { baseMs: 1 },
  'Range.getColumn': { baseMs: 1 },
  'Range.getNumRows': { baseMs: 1 },
  'Range.getNumColumns': { baseMs: 1 },
  'Range.getLastRow': { baseMs: 1 },
  'Range.getLastColumn': { baseMs: 1 },
  'Range.getSheet': { baseMs: 1 },
  'Range.getA1Notation': { baseMs: 1 },
  'Sheet.getParent': { baseMs: 1 },
  'Range.getValues': { baseMs: 40, perCellMs: 0.01 },
  'Range.getDisplayValues': { baseMs: 50, perCellMs: 0.015 },
  'Range.getNotes': { baseMs: 40, perCellMs: 0.01 },
  'Range.getBackgrounds': { baseMs: 40, perCellMs: 0.01 },
  'Range.getFormulas': { baseMs: 40, perCellMs: 0.01 },
  'Range.getValue': { baseMs: 40 },
  'Range.setValues': { baseMs: 80, perCellMs: 0.02 },
  'Range.setValue': { baseMs: 80 },
  'Range.setNotes': { baseMs: 80, perCellMs: 0.02 },
  'Range.setNote': { baseMs: 80 },
  'Range.setBackgrounds': { baseMs: 80, perCellMs: 0.02 },
  'Range.setBackground': { baseMs: 80 },
  'Range.setDataValidation': { baseMs: 100 },
  'Range.setDataValidations': { baseMs: 100, perCellMs: 0.02 },
  'Range.setNumberFormat': { baseMs: 80 },
  'Range.setNumberFormats': { baseMs: 80, perCellMs: 0.02 },
  'Range.protect': { baseMs: 150 },
  'Range.clearContent': { baseMs: 80 },
  'Protection.addEditors': { baseMs: 150 },
  'Protection.removeEditors': { baseMs: 150 },
  'Protection.remove': { baseMs: 120 },
  'Ui.alert': { baseMs: 50 },
  'Ui.showSidebar': { baseMs: 200 },
  'Ui.showModalDialog': { baseMs: 200 },
  'Ui.createMenu': { baseMs: 5 },
  'Menu.addToUi': { baseMs: 50 },

  // Advanced Calendar service: one HTTPS request each.
  'Calendar.Events.insert': { baseMs: 450 },
  'Calendar.Events.get': { baseMs: 200 },
  'Calendar.Events.patch': { baseMs: 400 },
  'Calendar.Events.update': { baseMs: 400 },
  'Calendar.Events.remove': { baseMs: 300 },
  'Calendar.Events.list': { baseMs: 300 },
  'Calendar.Calendars.get': { baseMs: 200 },
  'CalendarApp.Calendar.getEvents': { baseMs: 400 },
  'CalendarApp.getCalendarById': { baseMs: 150 },
  'CalendarApp.getDefaultCalendar': { baseMs: 150 },

  // Mail.
  'MailApp.sendEmail': { baseMs: 600 },
  'MailApp.getRemainingDailyQuota': { baseMs: 30 },
  'GmailApp.sendEmail': { baseMs: 800 },

  // Script state.
  'PropertiesService.getScriptProperties': { baseMs: 10 },
  'PropertiesService.getUserProperties': { baseMs: 10 },
  'PropertiesService.getDocumentProperties': { baseMs: 10 },
  'Properties.getProperty': { baseMs: 40 },
  'Properties.setProperty': { baseMs: 60 },
  'Properties.getProperties': { baseMs: 50 },
  'Properties.setProperties': { baseMs: 70 },
  'Properties.deleteProperty': { baseMs: 60 },
  'CacheService.getScriptCache': { baseMs: 5 },
  'Cache.get': { baseMs: 15 },
  'Cache.put': { baseMs: 20 },
  'Cache.remove': { baseMs: 15 },
  'LockService.getScriptLock': { baseMs: 5 },
  'LockService.getDocumentLock': { baseMs: 5 },
  'LockService.getUserLock': { baseMs: 5 },
  'Lock.tryLock': { baseMs: 50 },
  'Lock.waitLock': { baseMs: 50 },
  'Lock.releaseLock': { baseMs: 30 },
  'ScriptApp.getProjectTriggers': { baseMs: 150 },
  'ScriptApp.deleteTrigger': { baseMs: 200 },
  'TriggerBuilder.create': { baseMs: 300 },
  'ClockTriggerBuilder.create': { baseMs: 300 },
  'SpreadsheetTriggerBuilder.create': { baseMs: 300 },
  // Builder steps only assemble a request locally; create() is the round trip.
  'ScriptApp.newTrigger': { baseMs: 0.05 },
  'TriggerBuilder.timeBased': { baseMs: 0.05 },
  'TriggerBuilder.forSpreadsheet': { baseMs: 0.05 },
  'ScriptApp.getUserTriggers': { baseMs: 150 },
  'ScriptApp.getScriptId': { baseMs: 5 },
  'ScriptApp.getOAuthToken': { baseMs: 20 },
  'Cache.getAll': { baseMs: 20 },
  'Cache.putAll': { baseMs: 30 },
  'Cache.removeAll': { baseMs: 20 },
  'CacheService.getUserCache': { baseMs: 5 },
  'CacheService.getDocumentCache': { baseMs: 5 },
  'Properties.getKeys': { baseMs: 40 },
  'Properties.deleteAllProperties': { baseMs: 60 },
  'Lock.hasLock': { baseMs: 5 },
  'Session.getActiveUser': { baseMs: 10 },
  'Session.getEffectiveUser': { baseMs: 10 },
  'Session.getScriptTimeZone': { baseMs: 5 },
  'Session.getActiveUserLocale': { baseMs: 5 },
  'HtmlService.createHtmlOutput': { baseMs: 5 },
  'HtmlService.createTemplate': { baseMs: 5 },
  'HtmlService.createHtmlOutputFromFile': { baseMs: 10 },
};

/** Fallbacks by service for methods not in the table. */
const SERVICE_DEFAULT: Record<string, number> = {
  ClockTriggerBuilder: 0.05,
  // Builders assemble a rule locally; the round trip is the set… call that applies it.
  DataValidationBuilder: 0.05,
  ConditionalFormatRuleBuilder: 0.05,
  DataValidation: 0.05,
  ConditionalFormatRule: 0.05,
  BooleanCondition: 0.05,
  HtmlService: 2,
  HtmlOutput: 1,
  HtmlTemplate: 5,
  Session: 5,
  SpreadsheetTriggerBuilder: 0.05,
  SpreadsheetApp: 30,
  Spreadsheet: 30,
  Sheet: 30,
  Range: 40,
  Calendar: 350,
  CalendarApp: 300,
  MailApp: 600,
  GmailApp: 800,
  Utilities: 0.05,
  Logger: 0.05,
  console: 0.05,
};

/** Estimated ms on Google for one call of `call` ("Range.getValues") touching `cells` cells. */
export function latencyMs(call: string, cells = 0): number {
  const entry = TABLE[call];
  if (entry) return entry.baseMs + (entry.perCellMs ?? 0) * cells;
  const service = call.split('.')[0];
  return SERVICE_DEFAULT[service] ?? 20;
}

/** A queued sheet write's own cost (its cells; the request is sent by the flush). */
export const QUEUED_WRITE_MS = 5;
/** The name the meter shows for the write cache's round trip. */
export const WRITE_FLUSH = 'Sheets write cache flush';
const WRITE_FLUSH_MS = 100;

/** Sheet and range writes that Google's write cache queues (see the header). */
const QUEUED =
  /^(Range|RangeList|Sheet)\.(set|clear|insert|delete|append|hide|show|check|uncheck|remove|autoResize|merge|sort|moveTo|copyTo|shift|collapse|expand)/;
const SPREADSHEET_SERVICE = /^(SpreadsheetApp|Spreadsheet|Sheet|Range|RangeList|Protection)\./;

/**
 * How a call meets the write cache: 'queued' (a write: charged its cells now, sent later),
 * 'flushes' (a call to the server that first sends the queue), or 'other' (no effect: other
 * services, and calls answered from objects the script already holds).
 */
export function writeCache(call: string): 'queued' | 'flushes' | 'other' {
  if (call === 'SpreadsheetApp.flush') return 'other';
  if (QUEUED.test(call)) return 'queued';
  if (!SPREADSHEET_SERVICE.test(call) || /^SpreadsheetApp\.new/.test(call)) return 'other';
  return latencyMs(call) > 5 ? 'flushes' : 'other';
}

/**
 * Queued writes that carry one value for every cell: the array setters (setValues,
 * setNumberFormats, setBackgrounds, …: "set…s") and appendRow. The single-value setters
 * (setNumberFormat, setDataValidation, setWrap, setValue, … on a Range or RangeList) and the
 * clears carry one value and a range, whatever its size: the Sheets API request they become
 * is one RepeatCellRequest ("Updates all cells in the range to the values in the given Cell
 * object") or SetDataValidationRequest ("Sets a data validation rule to every cell in the
 * range"), https://developers.google.com/sheets/api/reference/rest/v4/spreadsheets/request.
 * So they are charged the request, not their cells.
 */
const CARRIES_CELLS = /^(Range|RangeList|Sheet)\.(set[A-Za-z]*s|appendRow)$/;

/** What a queued write costs when queued: its cells when it carries one value per cell (no round trip). */
export function queuedMs(call: string, cells = 0): number {
  const entry = TABLE[call];
  const perCell = entry?.perCellMs ?? (CARRIES_CELLS.test(call) ? 0.02 : 0);
  return QUEUED_WRITE_MS + perCell * cells;
}

/** The write cache's round trip. */
export function flushMs(): number {
  return WRITE_FLUSH_MS;
}
