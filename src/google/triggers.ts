/** Installs the project's triggers once; re-running setup never duplicates them. */
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export const TICK_MINUTES = 5;

export function installTriggers(ss: Spreadsheet): string[] {
  const triggers = ScriptApp.getProjectTriggers();
  const has = (handler: string, type: GoogleAppsScript.Script.EventType) =>
    triggers.some((t) => t.getHandlerFunction() === handler && t.getEventType() === type);
  const installed: string[] = [];
  if (!has('tick', ScriptApp.EventType.CLOCK)) {
    ScriptApp.newTrigger('tick').timeBased().everyMinutes(TICK_MINUTES).create();
    installed.push('tick');
  }
  if (!has('onEditInstallable', ScriptApp.EventType.ON_EDIT)) {
    ScriptApp.newTrigger('onEditInstallable').forSpreadsheet(ss).onEdit().create();
    installed.push('onEditInstallable');
  }
  return installed;
}
