/**
 * How the Workspace add-on hands a person's edit to the engine. The add-on is its own Apps
 * Script project: its script properties are not the engine's, its writes fire no trigger
 * ("Script executions and API requests do not cause triggers to run"), and its clock
 * triggers run at most hourly. So it writes the person's cells (as that person, within
 * their rights) and appends the edit to a hidden tab of the spreadsheet, which both
 * projects can read; the engine's next tick applies it through the same features as a
 * queued sidebar edit (ui/server/queue.ts applyQueued).
 *
 * Any editor can type into that tab, so each entry is signed (HMAC-SHA-256) with a secret
 * kept in both projects' script properties (REGLAMENT_ADDON_SECRET), which editors of the
 * spreadsheet cannot read from the add-on; an entry without a valid signature is logged
 * and dropped, never applied. The engine names the person from the signed entry.
 */
import { localizer } from '../core/i18n';
import { cellText } from '../core/values';
import { RunContext } from '../app/context';
import { Feature } from '../app/feature';
import { applyQueued, QueuedEdit } from '../ui/server/queue';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export const QUEUE_SHEET = '_Add-on queue';
export const SECRET_PROPERTY = 'REGLAMENT_ADDON_SECRET';
const HEADER = ['At', 'User', 'Entry', 'Signature'];
/** Entries applied per tick at most (the rest wait for the next one). */
const MAX_PER_TICK = 200;

const TEXT = {
  unsigned: { ru: 'Запись дополнения отклонена: неверная подпись', en: 'Add-on entry refused: bad signature' },
  label: { ru: 'Дополнение Workspace', en: 'Workspace add-on' },
} as const;
const say = localizer<keyof typeof TEXT>(TEXT);

export function signEntry(json: string, secret: string): string {
  return Utilities.base64EncodeWebSafe(Utilities.computeHmacSha256Signature(json, secret));
}

function createQueue(ss: Spreadsheet): Sheet {
  const sheet = ss.insertSheet(QUEUE_SHEET);
  sheet.getRange(1, 1, 1, HEADER.length).setValues([HEADER]);
  // Plain text: the times and the JSON stay as written, never parsed as dates or numbers.
  sheet.getRange(1, 1, sheet.getMaxRows(), HEADER.length).setNumberFormat('@');
  sheet.hideSheet();
  return sheet;
}

/** The add-on's side: appends a signed entry (one appendRow, atomic on Google). */
export function queueSink(ss: Spreadsheet, secret: string): (entry: QueuedEdit) => void {
  return (entry) => {
    const sheet = ss.getSheetByName(QUEUE_SHEET) ?? createQueue(ss);
    const json = JSON.stringify(entry);
    sheet.appendRow([entry.at, entry.user, json, signEntry(json, secret)]);
  };
}

function parse(text: string): QueuedEdit | null {
  try {
    const v = JSON.parse(text) as QueuedEdit;
    return v && typeof v === 'object' && v.kind === 'edit' && typeof v.user === 'string' ? v : null;
  } catch (e) {
    return null;
  }
}

/** The engine's side: applies the signed entries, oldest first, then removes the rows it read. */
export function drainAddonQueue(ctx: RunContext, deadline: number): number {
  const sheet = ctx.ss.getSheetByName(QUEUE_SHEET);
  if (!sheet) return 0;
  const last = sheet.getLastRow();
  if (last < 2) return 0;
  const n = Math.min(last - 1, MAX_PER_TICK);
  const rows = sheet.getRange(2, 1, n, HEADER.length).getValues();
  const secret = PropertiesService.getScriptProperties().getProperty(SECRET_PROPERTY) ?? '';
  let applied = 0;
  let read = 0;
  for (const row of rows) {
    if (Date.now() > deadline) break;
    read++;
    const json = cellText(row[2]);
    if (!json) continue;
    const entry = parse(json);
    if (!secret || !entry || cellText(row[3]) !== signEntry(json, secret)) {
      ctx.log({ tab: QUEUE_SHEET, rowKey: '', action: say(ctx.locale, 'unsigned'), details: json.slice(0, 500), user: cellText(row[1]) });
      continue;
    }
    try {
      applyQueued(ctx, { ...entry, label: `${say(ctx.locale, 'label')}: ${entry.label}` });
      applied++;
    } catch (e) {
      ctx.log({ tab: QUEUE_SHEET, rowKey: entry.id, action: entry.label, details: String((e as Error).message || e), user: entry.user });
    }
  }
  // Rows appended meanwhile sit below the ones read and move up; none is lost.
  if (read > 0) sheet.deleteRows(2, read);
  return applied;
}

/** Runs in every engine tick, after the sidebar's queue. */
export const addonQueueFeature: Feature = {
  name: 'addon',
  tabs: [],
  tick(ctx, deadline) {
    drainAddonQueue(ctx, deadline);
  },
  // The add-on cannot write the engine's properties (Google shares none between scripts), so the
  // gate cannot see its entries: the half-hourly probe asks the queue tab's last row (three
  // calls, no cell read) and a full tick applies them.
  probe() {
    const sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName(QUEUE_SHEET);
    return !!sheet && sheet.getLastRow() > 1;
  },
};
