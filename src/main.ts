/**
 * Entry points Apps Script calls. Each only wires adapters to the features; the build
 * turns every export here into a top-level function of build/Code.js.
 */
import { t } from './core/i18n';
import { openContext } from './gas/context';
import { dispatchEdit, dispatchSetup, dispatchTick, registerFeatures } from './gas/dispatch';
import { currentUser } from './gas/log';
import { askSenderName, setupTabs, workbookLocale } from './gas/setup';
import { installTriggers } from './gas/triggers';
import { sheetsByTab } from './gas/workbook';
import { FEATURES } from './features';
import { revalidateOrders } from './gas/orders';

import { buildMenu } from './ui/menu';
export * from './ui/callbacks';

registerFeatures(FEATURES);

export function onOpen(): void {
  buildMenu();
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
  dispatchEdit(e.range, user, e.value, e.oldValue);
}

export function setupWorkbook(): string {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const report = setupTabs(ss);
  const sender = askSenderName(ss, report.locale);
  const triggers = installTriggers(ss);
  const ctx = openContext(ss);
  dispatchSetup(ctx);
  for (const name of report.created) ctx.log({ tab: name, rowKey: '', action: t(report.locale, 'logTabCreated'), details: '' });
  for (const name of report.repairedHeaders) ctx.log({ tab: name.split(':')[0], rowKey: '', action: t(report.locale, 'logHeaderAdded'), details: name });
  ctx.log({ tab: '', rowKey: '', action: t(report.locale, 'logSenderName'), details: sender || t(report.locale, 'senderMissing') });
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

/** Re-checks every order (problems and status), e.g. after Settings or Staff changed. */
export function checkWorkbook(): number {
  const lock = LockService.getScriptLock();
  lock.waitLock(30000);
  try {
    const ctx = openContext();
    const changed = revalidateOrders(ctx);
    ctx.finish();
    return changed;
  } finally {
    lock.releaseLock();
  }
}

/** Time trigger, every few minutes: each feature's due work, under the script lock. */
export function tick(): void {
  dispatchTick();
}
