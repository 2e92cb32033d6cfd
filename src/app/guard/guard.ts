/**
 * The department rules of every tab on edit (PERMISSIONS in core/permissions.ts), before
 * any feature acts on the edit: each changed cell the editor may not change is put back as
 * it was — from the mirror, whatever the edit's shape (typed, pasted, drag-filled,
 * cleared) — and as it was typed: text stays text (a cell not formatted as plain text gets
 * the string back forced to text), numbers, dates and ticks stay themselves. The attempt
 * and the refused value go to the Log; a toast says why.
 *
 * Who edited comes from the event. When Google does not say (consumer accounts, editors
 * outside the domain), the editor is "unknown": never the owner, no department's rights,
 * except where Google's own protection of the column is in force and lets only the
 * column's departments type there (then Google checked the person for us).
 */
import { canEdit, ruleOf, StaffDirectory, staffDirectory } from '../../core/permissions';
import { tabDef, TabKey } from '../../core/schema';
import { cellText, isBlank, maxOf, minOf } from '../../core/values';
import { localizer } from '../../core/i18n';
import { asText } from '../../google/cells';
import { RunContext } from '../context';
import { TabEdit } from '../feature';
import {
  copyAll,
  createMirror,
  mirrorSizeBefore,
  findMirror,
  isMirrored,
  keyColumns,
  MIRRORED_TABS,
  mirrorHeader,
  MirrorSize,
  mirrorName,
  mirrorSize,
  newMirror,
  NewMirrorFacts,
  previousRows,
  readKeys,
  writeCopy,
} from './mirror';
import { applyProtections, groupsOf, allProtections, protectionVouches, refreshEditors, wantedAll } from '../../google/protections';
import { recordOf } from '../../google/records';
import { orderSalesManagers } from '../../features/calls/managers';
import { knowMirror, noteWritten } from './written';
import { headerOnly, isLoaded, readTabBlock, sheetRow, sheetsByTab, TabData } from '../../google/workbook';

const TEXT = {
  refusedTitle: { ru: 'Изменение отменено', en: 'Edit undone' },
  refusedLog: { ru: 'Изменение отклонено', en: 'Edit refused' },
  notRestored: { ru: 'прежнее значение неизвестно, оставлено как есть', en: 'the previous value is not known; left as it is' },
  headerRefused: { ru: 'Заголовки столбцов меняет только владелец таблицы.', en: 'Only the spreadsheet owner renames column headers.' },
} as const;

const say = localizer<keyof typeof TEXT>(TEXT);

/** Does this column's rule look at the row as it was (an answered agreement, a call's manager)? */
function rowLevel(tab: TabEdit['tab'], key: string): boolean {
  const rule = ruleOf(tab, key);
  if (!rule) return false;
  if (rule.kind === 'callManager') return true;
  return rule.kind === 'departments' && (rule.frozenWhenAnswered === true || rule.doneByCallManager === true);
}

interface Refused {
  index: number;
  key: string;
  value: unknown;
  oldRecord?: Record<string, unknown>;
  reason: string;
}

/** What a single cell held, when only the event's text of it is known (no mirror row). */
interface EventText {
  eventText: string;
}

type Restore = unknown | EventText;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

const isEventText = (v: unknown): v is EventText => typeof v === 'object' && v !== null && 'eventText' in v;

/**
 * Undoes what `edit.user` may not change. Leaves the block it read (with the values put
 * back) and the tab's key columns on the edit, for the features that follow.
 */
export function guardEdit(ctx: RunContext, edit: TabEdit): void {
  const def = tabDef(edit.tab);
  if (def.systemTab) return; // Outbox and Log: Google lets only the owner type there
  const sheet = edit.range.getSheet();
  const headerEdited = edit.range.getRow() === 1;
  if (edit.rows.length === 0 && !headerEdited) return;
  const first = edit.rows.length ? minOf(edit.rows) : 0;
  const last = edit.rows.length ? maxOf(edit.rows) : -1;
  const tab = readTabBlock(sheet, edit.tab, first, last, edit.header);
  if (!tab) return;
  const owner = Session.getEffectiveUser().getEmail();
  let mirror = isMirrored(edit.tab) ? findMirror(ctx.ss, tab) : null;
  const fresh = isMirrored(edit.tab) && !mirror;
  // Its size before this run writes (as the last edit left it, or read): syncMirrors then copies the rows without a read.
  if (mirror) knowMirror(mirrorName(tab), { sheet: mirror, ...mirrorSizeBefore(mirrorName(tab), mirror) });
  // A workbook set up before it had this mirror: made now, from the tab as the edit left it.
  if (fresh) mirror = createMirror(ctx.ss, ctx.tab(edit.tab) as TabData);
  const reasons: string[] = [];
  if (headerEdited && !sameUser(edit.user, owner)) reasons.push(...restoreHeader(ctx, tab, edit, mirror));
  const keyCols = keyColumns(tab);
  // What each row held before: read from the mirror only when needed — when a rule looks at
  // the row as it was (an answered agreement, a call's manager, Staff itself), or once a
  // cell is refused (to put it back). An allowed edit of Orders reads no mirror.
  let keys: unknown[][] | undefined;
  let previous: ReturnType<typeof previousRows> | null = null;
  const loadPrevious = () => {
    if (!mirror || fresh) return;
    keys = readKeys(sheet, tab.rows.length, keyCols);
    previous = previousRows(mirror, tab, keys, edit.rows);
  };
  if (edit.tab === 'staff' || edit.columns.some((key) => rowLevel(edit.tab, key))) loadPrevious();
  const single = edit.rows.length === 1 && edit.range.getNumRows() === 1 && edit.range.getNumColumns() === 1;
  let vouched: boolean | undefined;
  const decide = (): Refused[] => {
    const before = previous ? (previous as { rows: Map<number, unknown[]> | null }).rows : null;
    const staff = edit.tab === 'staff' ? staffBefore(ctx, tab, edit.rows, before) : ctx.staff();
    const protectionsInPlace = () => {
      if (vouched === undefined) {
        const cols = edit.columns.map((k) => tab.columns.index[k] + 1);
        vouched = protectionVouches(sheet, def, tab.header, cols, owner, groupsOf(staff));
      }
      return vouched;
    };
    const managersOf = callManagersFor(ctx, edit, tab, before, owner);
    const out: Refused[] = [];
    for (const index of edit.rows) {
      const row = tab.rows[index];
      if (!isLoaded(row)) continue;
      const old = before?.get(index);
      const oldRecord = old ? recordOf(tab, old) : undefined;
      const current = recordOf(tab, row);
      for (const key of edit.columns) {
        const value = row[tab.columns.index[key]];
        // A paste re-enters the cells it spans; those left as they were are no change.
        if (oldRecord && sameValue(oldRecord[key], value)) continue;
        const ruleRow = oldRecord ?? (single && edit.oldValue !== undefined ? { ...current, [key]: edit.oldValue } : current);
        const decision = canEdit(edit.user, def.key, key, staff, {
          ownerEmail: owner,
          row: ruleRow,
          value,
          protectionsInPlace: isBlank(edit.user) ? protectionsInPlace() : false,
          callManagers: managersOf(ruleRow),
        });
        if (!decision.allowed) out.push({ index, key, value, oldRecord, reason: ctx.locale === 'en' ? decision.en : decision.ru });
      }
    }
    return out;
  };
  let refused = decide();
  if (refused.length && !previous && mirror && !fresh) {
    loadPrevious();
    refused = decide();
  }
  const restores = new Map<string, Map<number, Restore>>();
  for (const r of refused) {
    const restore = restoreOf(r.oldRecord, r.key, single, edit);
    reasons.push(r.reason);
    if (restore !== undefined) {
      if (!restores.has(r.key)) restores.set(r.key, new Map());
      restores.get(r.key)!.set(r.index, restore);
    }
    ctx.log({
      tab: tab.sheet.getName(),
      rowKey: rowKeyOf(tab, tab.rows[r.index], r.index),
      action: say(ctx.locale, 'refusedLog'),
      details: `${tab.def.columns.find((c) => c.key === r.key)?.[ctx.locale] ?? r.key}: «${cellText(r.value)}» — ${r.reason}${restore === undefined ? ` (${say(ctx.locale, 'notRestored')})` : ''}`,
      user: edit.user,
    });
  }
  writeRestores(tab, restores, keys, keyCols);
  if (restores.size) ctx.invalidate(edit.tab);
  const prev = previous as ReturnType<typeof previousRows> | null;
  if (mirror && prev && !prev.aligned) {
    // Rows were inserted, deleted or sorted since the mirror was written: copy it anew.
    const whole = ctx.tab(edit.tab);
    if (whole) knowMirror(mirrorName(tab), { sheet: mirror, ...copyAll(mirror, whole) });
  }
  noteWritten(
    tab,
    edit.rows.filter((i) => isLoaded(tab.rows[i])),
  );
  edit.block = tab;
  edit.keys = keys;
  if (reasons.length) ctx.ss.toast(reasons[0], say(ctx.locale, 'refusedTitle'));
}

/**
 * Setup's part: every mirror copied from its tab as it is, then every protection set
 * (after the mirrors, which are protected too). Reads first — the tabs, the mirrors' sizes —
 * then the new mirrors made and protected, then only writes, so the write cache is sent once.
 * `headers`: the tabs' header rows as setup left them (else each is read).
 */
export function protectWorkbook(ctx: RunContext, headers?: Map<TabKey, unknown[]>, created: ReadonlySet<TabKey> = new Set()): void {
  const byName = new Map(ctx.ss.getSheets().map((s) => [s.getName(), s]));
  // Read before the new mirrors are made: those are known (and trusted) without reading them back.
  const protections = allProtections(ctx.ss);
  const copies: Array<{ mirror: Sheet; whole: TabData; size: MirrorSize; hide: boolean }> = [];
  const fresh: Sheet[] = [];
  let newSize: MirrorSize | undefined;
  let shared: NewMirrorFacts | undefined;
  const me = Session.getEffectiveUser().getEmail();
  for (const key of MIRRORED_TABS) {
    const whole = tabAsItIs(ctx, key, headers, created);
    if (!whole) continue;
    const name = mirrorName(whole);
    const mirror = byName.get(name);
    if (mirror) copies.push({ mirror, whole, size: mirrorSize(mirror), hide: false });
    else {
      shared = shared ?? { me, editors: ctx.ss.getEditors().map((u) => u.getEmail()) };
      const made = newMirror(ctx.ss, whole, shared);
      fresh.push(made.sheet);
      byName.set(name, made.sheet);
      // Every inserted sheet has Google's default size: read from the first new mirror only.
      newSize = newSize ?? mirrorSize(made.sheet, true);
      copies.push({ mirror: made.sheet, whole, size: { ...newSize }, hide: true });
    }
  }
  const sheets = sheetsByTab(ctx.ss, byName);
  const wanted = wantedAll(ctx.ss, sheets, headers, byName);
  const all = [...new Set(wanted.map((w) => w.sheet))];
  applyProtections(ctx.ss, all, wanted, me, groupsOf(ctx.staff()), fresh, { byName, protections });
  for (const c of copies) {
    if (c.hide) c.mirror.hideSheet();
    writeCopy(c.mirror, c.whole, c.size);
  }
}

/**
 * The tab as the mirror should copy it: as read in this run, or, for a tab setup made in this
 * run and nobody has written since (no feature read it), its header alone — nothing to read.
 */
function tabAsItIs(ctx: RunContext, key: TabKey, headers: Map<TabKey, unknown[]> | undefined, created: ReadonlySet<TabKey>): TabData | null {
  const header = headers?.get(key);
  const sheet = ctx.sheets.get(key);
  if (!created.has(key) || !header || !sheet || ctx.hasRead(key)) return ctx.tab(key);
  ctx.know(key, headerOnly(sheet, key, header));
  return ctx.tab(key);
}

/** After the features: a Staff change moves the protections' editors with it. */
export function afterEdit(ctx: RunContext, edit: TabEdit): void {
  if (edit.tab !== 'staff') return;
  // Staff as it is now: who is in which department decides who may type where. The tab was read
  // in this run, after the edit, and guardEdit dropped that copy if it put any cell back (no
  // feature writes Staff), so ctx.staff() is the tab as it now is without a second read.
  refreshEditors(ctx.ss, Session.getEffectiveUser().getEmail(), groupsOf(ctx.staff()), ctx.sheets);
}

/**
 * The Staff directory as it was before this edit of Staff: the edited rows as the mirror
 * had them (left out when unknown), so nobody gains rights by the very edit being checked
 * (a stranger adding themselves as Management).
 */
function staffBefore(ctx: RunContext, tab: TabData, edited: number[], before: Map<number, unknown[]> | null): StaffDirectory {
  const whole = ctx.tab('staff');
  if (!whole) return staffDirectory([], ctx.zone);
  const touched = new Set(edited);
  const rows: unknown[][] = [];
  whole.rows.forEach((row, i) => {
    if (!touched.has(i)) rows.push(row);
    else if (before?.get(i)) rows.push(before.get(i)!);
  });
  return staffDirectory(
    rows.map((r) => recordOf(whole, r)),
    ctx.zone,
  );
}

/**
 * What to put back in a refused cell: the mirror's value; without a mirror row, a single
 * typed cell's old text from the event (none means it was empty); else unknown.
 */
function restoreOf(oldRecord: Record<string, unknown> | undefined, key: string, single: boolean, edit: TabEdit): Restore | undefined {
  if (oldRecord) return oldRecord[key];
  if (!single) return undefined;
  if (edit.oldValue !== undefined) return { eventText: String(edit.oldValue) };
  // A typed cell that was empty has a value and no oldValue; a paste has neither.
  return edit.value !== undefined ? { eventText: '' } : undefined;
}

/**
 * For an edit of Calls by a known person who is not the owner or Management, the Sales
 * manager of each edited call's order (as the row was before the edit) counts as the
 * call's manager too: looked up once for all the edited rows.
 */
function callManagersFor(
  ctx: RunContext,
  edit: TabEdit,
  tab: TabData,
  before: Map<number, unknown[]> | null,
  owner: string,
): (row: Record<string, unknown>) => string[] {
  const none = () => [];
  if (edit.tab !== 'calls' || isBlank(edit.user) || sameUser(edit.user, owner)) return none;
  const member = ctx.staff().members.get(edit.user.trim().toLowerCase());
  if (!member || member.department === 'management') return none;
  if (!edit.columns.some((key) => rowLevel('calls', key))) return none;
  const orderIds = edit.rows.map((i) => {
    const old = before?.get(i);
    const row = old ?? tab.rows[i];
    return isLoaded(row) || old ? cellText(recordOf(tab, row).orderId) : '';
  });
  const sms = orderSalesManagers(ctx, orderIds);
  return (row) => {
    const sm = sms.get(cellText(row.orderId).trim());
    return sm ? [sm] : [];
  };
}

/** Puts back renamed header cells (only the owner renames columns). */
function restoreHeader(ctx: RunContext, tab: TabData, edit: TabEdit, mirror: GoogleAppsScript.Spreadsheet.Sheet | null): string[] {
  const c0 = edit.range.getColumn();
  const n = edit.range.getNumColumns();
  const was = mirror ? mirrorHeader(mirror, c0 + n - 1).slice(c0 - 1, c0 - 1 + n) : null;
  const now = tab.header.slice(c0 - 1, c0 - 1 + n);
  if (was && was.every((v, k) => sameValue(v, now[k]))) return [];
  ctx.log({
    tab: tab.sheet.getName(),
    rowKey: '#1',
    action: say(ctx.locale, 'refusedLog'),
    details: `${now.map(cellText).join(' | ')} — ${say(ctx.locale, 'headerRefused')}${was ? '' : ` (${say(ctx.locale, 'notRestored')})`}`,
    user: edit.user,
  });
  if (was) {
    tab.sheet.getRange(1, c0, 1, n).setValues([was.map((v) => (typeof v === 'string' ? asText(v) : v))]);
    for (let k = 0; k < n; k++) tab.header[c0 - 1 + k] = was[k];
  }
  return [say(ctx.locale, 'headerRefused')];
}

/**
 * Writes the values back, one getNumberFormats and one setValues per run of adjacent rows
 * of a column, touching no other cell (a formula next to it stays a formula).
 */
function writeRestores(tab: TabData, restores: Map<string, Map<number, Restore>>, keys: unknown[][] | undefined, keyCols: number[]): void {
  for (const [key, values] of restores) {
    const col = tab.columns.index[key];
    const indexes = [...values.keys()].sort((a, b) => a - b);
    let start = 0;
    for (let k = 1; k <= indexes.length; k++) {
      if (k < indexes.length && indexes[k] === indexes[k - 1] + 1) continue;
      const run = indexes.slice(start, k);
      start = k;
      const range = tab.sheet.getRange(sheetRow(run[0]), col + 1, run.length, 1);
      const formats = range.getNumberFormats();
      range.setValues(run.map((i, r) => [cellFor(values.get(i), formats[r][0])]));
      for (const i of run) {
        const v = values.get(i);
        const typed = isEventText(v) ? v.eventText : v;
        tab.rows[i][col] = typed;
        if (keys && keyCols.indexOf(col) >= 0 && keys[i]) keys[i][col] = typed;
      }
    }
  }
}

/**
 * The value to write so the cell reads as it was: a string into a cell not formatted as
 * plain text is forced to text ("007", "=1+1" stay text); the event's text of a cell (no
 * mirror) is entered as typed, as Google gave it.
 */
function cellFor(value: Restore, format: string): unknown {
  if (isEventText(value)) return value.eventText;
  if (typeof value === 'string') return format === '@' || value === '' ? value : asText(value);
  return value;
}

function rowKeyOf(tab: TabData, row: unknown[], index: number): string {
  const cols = keyColumns(tab);
  const key = cols
    .map((c) => cellText(row[c]))
    .filter(Boolean)
    .join(' / ');
  return key || `#${sheetRow(index)}`;
}

function sameUser(a: string, b: string): boolean {
  return !isBlank(a) && !isBlank(b) && a.trim().toLowerCase() === b.trim().toLowerCase();
}

function sameValue(a: unknown, b: unknown): boolean {
  const t = (v: unknown) => (Object.prototype.toString.call(v) === '[object Date]' ? (v as Date).getTime() : v);
  return t(a) === t(b);
}
