/**
 * Entry points Apps Script calls. Each only wires adapters to the features; the build
 * turns every export here into a top-level function of build/Code.js.
 */
import { t } from './core/i18n';
import { withLock } from './app/lock';
import { openContext } from './app/context';
import { dispatchEdit, dispatchSetup, dispatchTick, registerFeatures } from './app/dispatch';
import { askSenderName, setupSummary, setupTabs, workbookLocale } from './google/setup';
import { installTriggers } from './google/triggers';
import { protectWorkbook } from './app/guard/guard';
import { beginWrites } from './app/guard/written';
import { syncMirrors } from './app/guard/mirror';
import { FEATURES } from './app/registry';
import { revalidateOrders } from './features/orders/feature';

import { buildMenu } from './ui/server/menu';
import { ownerEmail } from './ui/server/rights';
export * from './ui/server/callbacks';

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

/**
 * Installable on-edit trigger (installed by setupWorkbook): enforces the rules of the edited
 * tab. The editor is whom the event (or the session) names; when Google names nobody (a
 * consumer account, another domain) it stays unknown, never the owner the trigger runs as.
 */
export function onEditInstallable(e: GoogleAppsScript.Events.SheetsOnEdit): void {
  const user = (e.user && e.user.getEmail && e.user.getEmail()) || Session.getActiveUser().getEmail() || '';
  dispatchEdit(e.range, user, e.value, e.oldValue);
}

/**
 * Creates or repairs the tabs, installs the triggers and sets the protections. Only the
 * owner may: run by an editor (the menu is everyone's), it would make the protections and
 * triggers that editor's.
 */
export function setupWorkbook(): string {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const owner = ownerEmail(ss);
  const me = Session.getEffectiveUser().getEmail();
  if (owner && owner.toLowerCase() !== me.toLowerCase()) throw new Error(t(workbookLocale(ss), 'setupOwnerOnly', { owner }));
  const report = setupTabs(ss);
  const sender = askSenderName(ss, report.locale, report.settings);
  const triggers = installTriggers(ss);
  const ctx = openContext(ss);
  dispatchSetup(ctx);
  protectWorkbook(ctx, report.headers, report.createdTabs);
  for (const name of report.created) ctx.log({ tab: name, rowKey: '', action: t(report.locale, 'logTabCreated'), details: '' });
  for (const name of report.repairedHeaders)
    ctx.log({ tab: name.split(':')[0], rowKey: '', action: t(report.locale, 'logHeaderAdded'), details: name });
  ctx.log({ tab: '', rowKey: '', action: t(report.locale, 'logSenderName'), details: sender || t(report.locale, 'senderMissing') });
  ctx.log({
    tab: '',
    rowKey: '',
    action: t(report.locale, 'logSetup'),
    details: setupSummary(report, triggers),
  });
  ctx.finish();
  const message = t(report.locale, 'setupDone', { created: report.created.length, repaired: report.repairedHeaders.length });
  ss.toast(message, t(report.locale, 'setupTitle'));
  return message;
}

/** Re-checks every order (problems and status), e.g. after Settings or Staff changed. */
export function checkWorkbook(): number {
  return withLock('script', 30000, () => {
    beginWrites();
    const ctx = openContext();
    const changed = revalidateOrders(ctx);
    ctx.finish();
    syncMirrors(ctx.ss);
    return changed;
  });
}

/** Time trigger, every few minutes: each feature's due work, under the script lock. */
export function tick(): void {
  dispatchTick();
}
