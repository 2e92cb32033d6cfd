/**
 * Entry points Apps Script calls. Each only wires adapters to the features; the build
 * turns every export here into a top-level function of build/Code.js.
 */
import { t } from './core/i18n';
import { openContext } from './gas/context';
import { resolveEdit } from './gas/edits';
import { Feature } from './gas/features';
import { currentUser } from './gas/log';
import { setupTabs, workbookLocale } from './gas/setup';
import { installTriggers } from './gas/triggers';
import { sheetsByTab } from './gas/workbook';

/** Features in the order their edits and ticks run. Add yours here (one line). */
const FEATURES: Feature[] = [];

/** Apps Script stops an execution at 6 minutes; ticks stop starting new work after this. */
const TICK_BUDGET_MS = 4.5 * 60 * 1000;

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
  // Enforcement needs the rights of the installable trigger (mail, calendar, protections).
}

/** Installable on-edit trigger (installed by setupWorkbook): enforces the rules of the edited tab. */
export function onEditInstallable(e: GoogleAppsScript.Events.SheetsOnEdit): void {
  const user = (e.user && e.user.getEmail && e.user.getEmail()) || currentUser();
  const edit = resolveEdit(e, user);
  if (!edit) return;
  const features = FEATURES.filter((f) => f.onEdit && f.tabs.indexOf(edit.tab) >= 0);
  if (features.length === 0) return;
  const lock = LockService.getScriptLock();
  lock.waitLock(30000);
  try {
    const ctx = openContext(e.source);
    for (const f of features) f.onEdit!(ctx, edit);
    ctx.finish();
  } finally {
    lock.releaseLock();
  }
}

export function setupWorkbook(): string {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const report = setupTabs(ss);
  const triggers = installTriggers(ss);
  const ctx = openContext(ss);
  for (const f of FEATURES) f.setup?.(ctx);
  for (const name of report.created) ctx.log({ tab: name, rowKey: '', action: t(report.locale, 'logTabCreated'), details: '' });
  for (const name of report.repairedHeaders) ctx.log({ tab: name.split(':')[0], rowKey: '', action: t(report.locale, 'logHeaderAdded'), details: name });
  ctx.log({
    tab: '',
    rowKey: '',
    action: t(report.locale, 'logSetup'),
    details: JSON.stringify({ created: report.created.length, repaired: report.repairedHeaders.length, settingsAdded: report.settingsAdded.length, triggers }),
  });
  ctx.finish();
  const message = t(report.locale, 'setupDone', { created: report.created.length, repaired: report.repairedHeaders.length });
  ss.toast(message, t(report.locale, 'setupTitle'));
  return message;
}

/** Time trigger, every few minutes: each feature's due work, under the script lock. */
export function tick(): void {
  const started = Date.now();
  const lock = LockService.getScriptLock();
  if (!lock.tryLock(10000)) return; // the previous tick is still running; it will do the work
  try {
    const ctx = openContext();
    const deadline = started + TICK_BUDGET_MS;
    for (const f of FEATURES) {
      if (Date.now() > deadline) break;
      f.tick?.(ctx, deadline);
    }
    ctx.finish();
  } finally {
    lock.releaseLock();
  }
}
