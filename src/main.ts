/**
 * Entry points Apps Script calls. Each only wires adapters to core logic; the build
 * turns every export here into a top-level function of build/Code.js.
 */
import { t } from './core/i18n';
import { appendLog } from './gas/log';
import { setupTabs, workbookLocale } from './gas/setup';
import { installTriggers } from './gas/triggers';
import { readTab, sheetsByTab } from './gas/workbook';

export function onOpen(): void {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const locale = workbookLocale(ss, sheetsByTab(ss).get('settings'));
  SpreadsheetApp.getUi()
    .createMenu(t(locale, 'menuTitle'))
    .addItem(t(locale, 'menuSetup'), 'setupWorkbook')
    .addToUi();
}

export function onInstall(): void {
  onOpen();
}

/** Simple trigger: runs for every editor with limited rights; the rules run in onEditInstallable. */
export function onEdit(_e: GoogleAppsScript.Events.SheetsOnEdit): void {
  // Enforcement lives in the installable trigger, which has the rights to send mail.
}

/** Installable on-edit trigger (installed by setupWorkbook). */
export function onEditInstallable(_e: GoogleAppsScript.Events.SheetsOnEdit): void {
  // Rules are added by the coordination issue.
}

export function setupWorkbook(): string {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const report = setupTabs(ss);
  const triggers = installTriggers(ss);
  const tabs = sheetsByTab(ss);
  const entries = [
    ...report.created.map((name) => ({ tab: name, rowKey: '', action: t(report.locale, 'logTabCreated'), details: '' })),
    ...report.repairedHeaders.map((name) => ({ tab: name.split(':')[0], rowKey: '', action: t(report.locale, 'logHeaderAdded'), details: name })),
    {
      tab: '',
      rowKey: '',
      action: t(report.locale, 'logSetup'),
      details: JSON.stringify({ created: report.created.length, repaired: report.repairedHeaders.length, settingsAdded: report.settingsAdded.length, triggers }),
    },
  ];
  appendLog(readTab(tabs.get('log'), 'log'), entries);
  const message = t(report.locale, 'setupDone', { created: report.created.length, repaired: report.repairedHeaders.length });
  ss.toast(message, t(report.locale, 'setupTitle'));
  return message;
}

/** Time trigger, every few minutes: sends what is due. */
export function tick(): void {
  const lock = LockService.getScriptLock();
  if (!lock.tryLock(10000)) return;
  try {
    // Jobs are added by the calls and schedules issues.
  } finally {
    lock.releaseLock();
  }
}
