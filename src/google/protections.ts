/**
 * Google's protections as the rules' first line: Google checks the person typing on every
 * account, whether or not the script may learn who it was. Every column of a tab is
 * protected for the people its rule names (PERMISSIONS), over whole columns ("B:F"), so
 * rows added later are covered too (a protection of B1:F1000 would not grow on appended
 * rows); system columns, Outbox, Log and the hidden tabs are the owner's alone; Staff,
 * Settings, Holidays and Templates are Management's. Domain-wide edit is always off.
 *
 * One protection per run of adjacent columns with the same editors; its description names
 * the columns and the editor group ("Reglament: Orders: Vacancy…Contract link {sales,
 * management}"), so a Staff change only adds and removes editors, and only when the
 * department lists changed (their fingerprint, and the lists when they fit one property, are
 * kept in script properties). With the lists kept, a Staff change adds who joined and removes
 * who left with one call per affected protection and reads none of their editors; a person
 * who changed a protection's editors by hand is put right by setup, and meanwhile an editor
 * Google does not name is vouched for only by a protection whose editors match Staff
 * (protectionVouches reads them).
 * https://developers.google.com/apps-script/reference/spreadsheet/protection (the recipe:
 * add the script's user, remove the others, turn domain edit off).
 */
import { DepartmentKey, PERMISSIONS, protectionGroup, ruleOf, StaffDirectory } from '../core/permissions';
import { DEPARTMENTS, findColumn, TabDef, TabKey, TABS } from '../core/schema';
import { readHeader } from './workbook';
import { columnLetter } from './rules';
import { MIRRORED_TABS, mirrorSheetName } from '../app/guard/mirror';
import { SYNC_SHEETS } from '../features/calls/sync';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Protection = GoogleAppsScript.Spreadsheet.Protection;

export const PROTECTION_PREFIX = 'Reglament: ';
const FINGERPRINT_KEY = 'reglament.protections.staff';
/** The department lists the protections were set to (Staff changes then only add and remove). */
const LISTS_KEY = 'reglament.protections.lists';
const LISTS_MAX_CHARS = 8000;

/** Who a protection lets type: the owner only, everyone on Staff, or these departments. */
export type EditorGroup = 'owner' | 'staff' | DepartmentKey[];

export interface WantedProtection {
  description: string;
  sheet: Sheet;
  /** Whole columns ("B:F"); null protects the whole sheet. */
  a1: string | null;
  group: EditorGroup;
}

/** The editor lists by group, from the Staff tab. */
export interface StaffGroups {
  byDepartment: Map<string, string[]>;
  all: string[];
}

export function groupsOf(staff: StaffDirectory): StaffGroups {
  const out: StaffGroups = { byDepartment: new Map(), all: [] };
  for (const member of staff.members.values()) {
    out.all.push(member.email);
    if (member.department) out.byDepartment.set(member.department, [...(out.byDepartment.get(member.department) ?? []), member.email]);
  }
  return out;
}

export function editorsOf(group: EditorGroup, staff: StaffGroups): string[] {
  if (group === 'owner') return [];
  if (group === 'staff') return staff.all;
  return [...new Set(group.flatMap((d) => staff.byDepartment.get(d) ?? []))];
}

function groupText(group: EditorGroup): string {
  return `{${group === 'owner' || group === 'staff' ? group : group.join(',')}}`;
}

/** The editor group a Reglament protection's description names (null: not one of ours). */
export function groupOf(description: string): EditorGroup | null {
  if (description.indexOf(PROTECTION_PREFIX) !== 0) return null;
  const m = /\{([a-z,]+)\}$/.exec(description);
  if (!m) return null;
  if (m[1] === 'owner' || m[1] === 'staff') return m[1];
  return m[1].split(',') as DepartmentKey[];
}

/** The protections one tab should have, from its header row. */
export function wantedFor(sheet: Sheet, def: TabDef, header: readonly unknown[]): WantedProtection[] {
  if (def.systemTab) return [{ description: `${PROTECTION_PREFIX}${def.en} ${groupText('owner')}`, sheet, a1: null, group: 'owner' }];
  const rules = PERMISSIONS[def.key];
  if (rules.default.kind === 'management' && Object.keys(rules.columns).length === 0) {
    return [{ description: `${PROTECTION_PREFIX}${def.en} ${groupText(['management'])}`, sheet, a1: null, group: ['management'] }];
  }
  const out: WantedProtection[] = [];
  let run: { first: number; last: number; group: EditorGroup; from: string; to: string } | null = null;
  const close = () => {
    if (!run) return;
    const a1 = `${columnLetter(run.first)}:${columnLetter(run.last)}`;
    const cols = run.from === run.to ? run.from : `${run.from}…${run.to}`;
    out.push({ description: `${PROTECTION_PREFIX}${def.en}: ${cols} ${groupText(run.group)}`, sheet, a1, group: run.group });
    run = null;
  };
  header.forEach((h, i) => {
    const col = findColumn(def, String(h ?? ''));
    const rule = col ? ruleOf(def.key, col.key) : undefined;
    if (!col || !rule) return close(); // a person's own column stays theirs
    const g = protectionGroup(rule);
    const group: EditorGroup = g === 'system' ? 'owner' : g;
    if (run && run.last === i && groupText(run.group) === groupText(group)) {
      run.last = i + 1;
      run.to = col.en;
      return;
    }
    close();
    run = { first: i + 1, last: i + 1, group, from: col.en, to: col.en };
  });
  close();
  return out;
}

/** The names of the hidden tabs only the script writes: the mirrors and the calendar sync. */
function hiddenNames(tabs: Map<TabKey, Sheet>): Set<string> {
  const names = new Set<string>(Object.values(SYNC_SHEETS));
  for (const key of MIRRORED_TABS) {
    const sheet = tabs.get(key);
    if (sheet) names.add(mirrorSheetName(sheet.getName()));
  }
  return names;
}

/** The hidden tabs only the script writes: the mirrors and the calendar sync. */
export function hiddenSheets(ss: Spreadsheet, tabs: Map<TabKey, Sheet>): Sheet[] {
  const names = hiddenNames(tabs);
  return ss.getSheets().filter((sheet) => names.has(sheet.getName()));
}

/** `name`: the sheet's name when the caller has it. */
export function wantedHidden(sheet: Sheet, name = sheet.getName()): WantedProtection {
  return { description: hiddenDescription(name), sheet, a1: null, group: 'owner' };
}

function hiddenDescription(sheetName: string): string {
  return `${PROTECTION_PREFIX}${sheetName} ${groupText('owner')}`;
}

/**
 * The calls feature protects the sync sheet it makes (features/calls/sync.ts) under a
 * description of its own: setup takes that protection as the sheet's owner-only one (its
 * description and editors set right) instead of removing it and making another.
 */
const SYNC_DESCRIPTION = `${PROTECTION_PREFIX}calendar sync (system)`;

/**
 * Makes the Reglament protections of these sheets exactly `wanted` (setup): creates the
 * missing ones, replaces those whose range moved, removes the ones no longer wanted, and
 * sets every one's editors. A person's own protections are left alone. `fresh`: hidden sheets
 * whose owner-only protection this run just made and set (the new mirrors), taken as they are
 * without reading them back.
 * Sheets are told apart by name (unique in a spreadsheet, and no round trip).
 */
export function applyProtections(
  ss: Spreadsheet,
  sheets: Sheet[],
  wanted: WantedProtection[],
  owner: string,
  staff: StaffGroups,
  fresh: Sheet[] = [],
  known?: { byName: Map<string, Sheet>; protections: Protection[] },
): void {
  const names0 = known ? new Map([...known.byName].map(([n, s]) => [s, n])) : undefined;
  const nameOf = new Map(sheets.map((s) => [s, names0?.get(s) ?? s.getName()]));
  const names = new Set(nameOf.values());
  const keyOf = (w: WantedProtection) => `${w.description}#${nameOf.get(w.sheet) ?? w.sheet.getName()}`;
  const byKey = new Map(wanted.map((w) => [keyOf(w), w]));
  const existing = new Map<string, Protection>();
  // The new mirrors' descriptions name their sheets: told by description alone, nothing more read.
  const trusted = new Set(fresh.map((sheet) => hiddenDescription(nameOf.get(sheet) ?? sheet.getName())));
  const adopted = new Set<string>();
  const syncNames = new Set<string>(Object.values(SYNC_SHEETS));
  for (const p of known?.protections ?? allProtections(ss)) {
    const description = p.getDescription();
    if (description.indexOf(PROTECTION_PREFIX) !== 0 || trusted.has(description)) continue;
    const range = p.getRange();
    const sheetName = range.getSheet().getName();
    if (!names.has(sheetName)) continue;
    const sync = description === SYNC_DESCRIPTION && syncNames.has(sheetName);
    const key = `${sync ? hiddenDescription(sheetName) : description}#${sheetName}`;
    if (sync) adopted.add(key);
    const want = byKey.get(key);
    const sameRange =
      want && (want.a1 === null ? p.getProtectionType() === SpreadsheetApp.ProtectionType.SHEET : range.getA1Notation() === want.a1);
    if (!want || !sameRange || existing.has(key)) p.remove();
    else existing.set(key, p);
  }
  let mirrored: Mirrored | null = null;
  for (const w of wanted) {
    if (w.a1 === null && trusted.has(w.description)) continue;
    const key = keyOf(w);
    let p = existing.get(key);
    if (!p) {
      p = (w.a1 === null ? w.sheet.protect() : w.sheet.getRange(w.a1).protect()).setDescription(w.description);
      // A new protection's editors and domain edit mirror the spreadsheet's (Google's
      // Range.protect()): one read of each, on the first new protection, serves every one.
      if (!mirrored) mirrored = { editors: emailsOf(ss.getEditors()), domainEdit: p.canDomainEdit() };
      restrictNew(p, owner, editorsOf(w.group, staff), mirrored);
    } else {
      if (p.isWarningOnly()) p.setWarningOnly(false);
      // Made elsewhere, it may still mirror the spreadsheet: an editor change restricts it; and
      // it takes its wanted description, so setup finds it as its own from then on.
      if (adopted.has(key)) p.setDescription(w.description).addEditor(owner);
      syncEditors(p, owner, editorsOf(w.group, staff));
    }
  }
  saveFingerprint(staff);
}

/** Every protection of the spreadsheet, ranges' and sheets' (two calls). */
export function allProtections(ss: Spreadsheet): Protection[] {
  return [...ss.getProtections(SpreadsheetApp.ProtectionType.RANGE), ...ss.getProtections(SpreadsheetApp.ProtectionType.SHEET)];
}

function emailsOf(users: GoogleAppsScript.Base.User[]): string[] {
  return users.map((u) => u.getEmail()).filter(Boolean);
}

/** What a protection just made has of the spreadsheet's permissions, read once per run. */
interface Mirrored {
  editors: string[];
  domainEdit: boolean;
}

/**
 * Google's recipe for a protection just made, whose editors are still the spreadsheet's: no
 * domain edit (turned off only where new protections have it: never on a consumer account),
 * the owner and the wanted added (one call), the spreadsheet's other editors removed. Any of
 * these ends the mirroring ("until the script actually changes the list of editors … or
 * setting a new value for setDomainEdit"); where domain edit was turned off, the owner — who
 * may always edit — is not added as well.
 */
function restrictNew(p: Protection, owner: string, editors: string[], mirrored: Mirrored): void {
  const want = new Set([owner.toLowerCase(), ...editors.map((e) => e.toLowerCase())]);
  const others = editors.filter((e) => e.toLowerCase() !== owner.toLowerCase());
  if (mirrored.domainEdit) p.setDomainEdit(false);
  if (others.length) p.addEditors([owner, ...others]);
  else if (!mirrored.domainEdit) p.addEditor(owner);
  const remove = mirrored.editors.filter((e) => !want.has(e.toLowerCase()));
  if (remove.length) p.removeEditors(remove);
}

/**
 * After a Staff change, in the edit: who left a group loses its protections at once; who
 * joined waits for the next tick (grantWaitingEditors), since each protection gaining an
 * editor is a round trip (15 for a Sales member, ~2.3 s) and an edit stays under 1.5 s
 * (issue 15). Only the protections whose group names a department whose list changed (or
 * the Staff-wide ones when anyone left) are touched; nothing when no list changed. With
 * `sheets` (the tabs by key), only the tabs whose columns name a changed group are asked for
 * their protections (the groups a tab can have follow from PERMISSIONS alone). What the
 * protections then hold is kept (the lists less who joined); that it falls short of Staff is
 * kept too, so the tick knows there is access to grant. Without kept lists (never set, or
 * too long for a property) each touched protection's editors are read and set right, joiners
 * included, as setup does. Returns the lists the protections now hold differ from Staff.
 */
export function refreshEditors(ss: Spreadsheet, owner: string, staff: StaffGroups, sheets?: Map<TabKey, Sheet>): boolean {
  const kept = loadFingerprints();
  const changed = changedGroups(kept.prints, fingerprints(staff));
  if (changed.size === 0) return false;
  const before = loadLists(kept.prints);
  if (!before) return moveTo(ss, owner, { before: null, changed }, staff, staff, sheets);
  const held = heldAfterLeaving(before, staff);
  const leaving = changedGroups(fingerprints(before), fingerprints(held));
  // Nobody left and the joiners are already known to wait: nothing to move or keep.
  if (kept.waiting && leaving.size === 0) return true;
  return moveTo(ss, owner, { before, changed: leaving }, held, staff, sheets);
}

/**
 * The tick's part: the editors who joined a group since the protections were last set get
 * them (one addEditors per protection, none read). One property read when nothing waits.
 */
export function grantWaitingEditors(ss: Spreadsheet, owner: string, staff: () => StaffGroups, sheets?: Map<TabKey, Sheet>): boolean {
  const kept = loadFingerprints();
  if (!kept.waiting) return false;
  const now = staff();
  return moveTo(ss, owner, { before: loadLists(kept.prints), changed: changedGroups(kept.prints, fingerprints(now)) }, now, now, sheets);
}

/** Who leaving takes effect now: each list as it was, less who is no longer in it on Staff. */
export function heldAfterLeaving(before: StaffGroups, staff: StaffGroups): StaffGroups {
  const lower = (list: string[]) => new Set(list.map((e) => e.toLowerCase()));
  const keep = (was: string[], now: string[]) => {
    const still = lower(now);
    return was.filter((e) => still.has(e.toLowerCase()));
  };
  const held: StaffGroups = { all: keep(before.all, staff.all), byDepartment: new Map() };
  for (const [d, list] of before.byDepartment) {
    const left = keep(list, staff.byDepartment.get(d) ?? []);
    if (left.length) held.byDepartment.set(d, left);
  }
  return held;
}

/**
 * Moves the protections of the `changed` groups from `before` (null: read each one's editors)
 * to `to`, and keeps `to` as what they hold — marked as waiting when it is not yet `staff`.
 */
function moveTo(
  ss: Spreadsheet,
  owner: string,
  from: { before: StaffGroups | null; changed: Set<string> },
  to: StaffGroups,
  staff: StaffGroups,
  sheets?: Map<TabKey, Sheet>,
): boolean {
  const { before, changed } = from;
  const touches = (group: EditorGroup | null) =>
    group !== null && group !== 'owner' && (group === 'staff' ? changed.has(ALL) : group.some((d) => changed.has(d)));
  if (changed.size > 0) {
    for (const p of protectionsOf(ss, sheets, touches)) {
      const group = groupOf(p.getDescription());
      if (!touches(group)) continue;
      const g = group as Exclude<EditorGroup, 'owner'>;
      if (before) moveEditors(p, owner, editorsOf(g, before), editorsOf(g, to));
      else syncEditors(p, owner, editorsOf(g, to));
    }
  }
  const waiting = changedGroups(fingerprints(to), fingerprints(staff)).size > 0;
  saveFingerprint(to, waiting);
  return waiting;
}

/** Who joined a group on Staff and does not have its protections yet (what the next tick grants). */
export function joinersWaiting(staff: StaffGroups): string[] {
  const kept = loadFingerprints();
  // Staff as the protections hold it (a deputy, a name changed): nobody waits, no lists read.
  if (!kept.waiting && changedGroups(kept.prints, fingerprints(staff)).size === 0) return [];
  const before = loadLists(kept.prints);
  if (!before) return [];
  const had = new Set(before.all.map((e) => e.toLowerCase()));
  const out = new Set<string>();
  for (const [d, list] of staff.byDepartment) {
    const was = new Set((before.byDepartment.get(d) ?? []).map((e) => e.toLowerCase()));
    for (const e of list) if (!was.has(e.toLowerCase())) out.add(e);
  }
  for (const e of staff.all) if (!had.has(e.toLowerCase())) out.add(e);
  return [...out];
}

/** The protections that may name a group `touches` accepts: of the tabs that can have one, or all. */
function protectionsOf(ss: Spreadsheet, sheets: Map<TabKey, Sheet> | undefined, touches: (g: EditorGroup) => boolean): Protection[] {
  const { RANGE, SHEET } = SpreadsheetApp.ProtectionType;
  if (!sheets) return allProtections(ss);
  const out: Protection[] = [];
  for (const def of TABS) {
    const sheet = sheets.get(def.key);
    const kinds = sheet ? groupsOfTab(def) : null;
    if (!sheet || !kinds || !kinds.groups.some(touches)) continue;
    out.push(...sheet.getProtections(kinds.whole ? SHEET : RANGE));
  }
  return out;
}

/**
 * The editor groups a tab's Reglament protections can have, and whether it has one protection
 * of the whole sheet (wantedFor's three shapes), from PERMISSIONS alone.
 */
export function groupsOfTab(def: TabDef): { whole: boolean; groups: EditorGroup[] } {
  if (def.systemTab) return { whole: true, groups: ['owner'] };
  const rules = PERMISSIONS[def.key];
  if (rules.default.kind === 'management' && Object.keys(rules.columns).length === 0) return { whole: true, groups: [['management']] };
  const groups: EditorGroup[] = [];
  for (const col of def.columns) {
    const rule = ruleOf(def.key, col.key);
    if (!rule) continue;
    const g = protectionGroup(rule);
    groups.push(g === 'system' ? 'owner' : g);
  }
  return { whole: false, groups };
}

/** Adds who joined the group and removes who left it (never the owner): at most one call each. */
function moveEditors(p: Protection, owner: string, before: string[], now: string[]): void {
  const had = new Set(before.map((e) => e.toLowerCase()));
  const has = new Set(now.map((e) => e.toLowerCase()));
  const remove = before.filter((e) => !has.has(e.toLowerCase()) && e.toLowerCase() !== owner.toLowerCase());
  const add = now.filter((e) => !had.has(e.toLowerCase()));
  if (remove.length) p.removeEditors(remove);
  if (add.length) p.addEditors(add);
}

const ALL = '*';

/** Each department's list and the whole Staff, hashed (one short script property holds them). */
export function fingerprints(staff: StaffGroups): Record<string, string> {
  const out: Record<string, string> = { [ALL]: hash([...staff.all].sort().join(',')) };
  for (const [d, list] of staff.byDepartment) out[d] = hash([...list].sort().join(','));
  return out;
}

/** The groups whose list differs (all of them when nothing or an older format was kept). */
export function changedGroups(before: Record<string, string> | null, now: Record<string, string>): Set<string> {
  if (!before) return new Set([ALL, ...Object.keys(now), ...DEPARTMENTS.map((d) => d.key)]);
  const out = new Set<string>();
  for (const k of new Set([...Object.keys(before), ...Object.keys(now)])) if (before[k] !== now[k]) out.add(k);
  return out;
}

function hash(text: string): string {
  let h = 2166136261;
  for (const ch of text) h = Math.imul(h ^ ch.charCodeAt(0), 16777619) >>> 0;
  return h.toString(16);
}

/** A tab only the owner (and the script running as the owner) may change: the archive tabs. */
export function protectOwnerOnly(sheet: Sheet, owner: string): void {
  const p = sheet.protect().setDescription(`${PROTECTION_PREFIX}${sheet.getName()} ${groupText('owner')}`);
  p.addEditor(owner);
  syncEditors(p, owner, []);
}

/** Google's recipe: the owner stays, everyone else not wanted goes, the wanted are added, no domain edit. */
function syncEditors(p: Protection, owner: string, editors: string[]): void {
  const want = new Set([owner.toLowerCase(), ...editors.map((e) => e.toLowerCase())]);
  const current = p
    .getEditors()
    .map((u) => u.getEmail())
    .filter(Boolean);
  const have = new Set(current.map((e) => e.toLowerCase()));
  const remove = current.filter((e) => !want.has(e.toLowerCase()));
  const add = editors.filter((e) => !have.has(e.toLowerCase()));
  if (remove.length) p.removeEditors(remove);
  if (add.length) p.addEditors(add);
  if (p.canDomainEdit()) p.setDomainEdit(false);
}

/**
 * Does Google's protection vouch for whoever typed in these columns of `sheet`? True when
 * every column is covered by a Reglament protection that is in force (not warning-only,
 * no domain edit) and lets exactly its group's current Staff (and the owner) type. Read
 * only for an editor Google did not name: one getProtections and a few getters.
 */
export function protectionVouches(
  sheet: Sheet,
  def: TabDef,
  header: readonly unknown[],
  columns: number[],
  owner: string,
  staff: StaffGroups,
): boolean {
  const wanted = wantedFor(sheet, def, header);
  const type = wanted.some((w) => w.a1 === null) ? SpreadsheetApp.ProtectionType.SHEET : SpreadsheetApp.ProtectionType.RANGE;
  const covering = columns.map((col) => wanted.find((x) => x.a1 === null || covers(x.a1, col)));
  if (covering.some((w) => !w)) return false;
  // Descriptions are read only until the protections of these columns are found (one call each).
  const needed = new Set(covering.map((w) => (w as WantedProtection).description));
  const byDescription = new Map<string, Protection>();
  for (const p of sheet.getProtections(type)) {
    if (byDescription.size === needed.size) break;
    const description = p.getDescription();
    if (needed.has(description) && !byDescription.has(description)) byDescription.set(description, p);
  }
  for (const w of covering) {
    const p = w && byDescription.get(w.description);
    if (!w || !p || p.isWarningOnly() || p.canDomainEdit()) return false;
    const want = new Set([owner.toLowerCase(), ...editorsOf(w.group, staff).map((e) => e.toLowerCase())]);
    const have = p
      .getEditors()
      .map((u) => u.getEmail().toLowerCase())
      .filter(Boolean);
    if (have.some((e) => !want.has(e))) return false;
  }
  return true;
}

function covers(a1: string, col: number): boolean {
  const [from, to] = a1.split(':');
  return col >= letterNumber(from) && col <= letterNumber(to);
}

function letterNumber(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** The department lists the protections were last set for: one short script property. */
export function fingerprint(staff: StaffGroups): string {
  return JSON.stringify(fingerprints(staff));
}

/** Marks, in the kept fingerprint, that Staff has people the protections do not let in yet. */
const WAITING_MARK = '~waiting';

function loadFingerprints(): { prints: Record<string, string> | null; waiting: boolean } {
  const text = PropertiesService.getScriptProperties().getProperty(FINGERPRINT_KEY);
  if (!text || text.charAt(0) !== '{') return { prints: null, waiting: false };
  try {
    const prints = JSON.parse(text) as Record<string, string>;
    const waiting = prints[WAITING_MARK] !== undefined;
    delete prints[WAITING_MARK];
    return { prints, waiting };
  } catch (e) {
    return { prints: null, waiting: false };
  }
}

/** The lists behind the kept fingerprint, when kept and they hash to it (else null: read the protections). */
function loadLists(kept: Record<string, string> | null): StaffGroups | null {
  if (!kept) return null;
  const text = PropertiesService.getScriptProperties().getProperty(LISTS_KEY);
  if (!text) return null;
  try {
    const stored = JSON.parse(text) as { all: string[]; byDepartment: Record<string, string[]> };
    const lists: StaffGroups = { all: stored.all, byDepartment: new Map(Object.entries(stored.byDepartment)) };
    const again = fingerprints(lists);
    const same = Object.keys(kept).length === Object.keys(again).length && Object.keys(kept).every((k) => kept[k] === again[k]);
    return same ? lists : null;
  } catch (e) {
    return null;
  }
}

/**
 * The lists the protections hold, hashed, and, when they fit one property value (9 KB), the
 * lists themselves: one setProperties. `waiting`: Staff has joiners they do not let in yet.
 */
function saveFingerprint(staff: StaffGroups, waiting = false): void {
  const lists = JSON.stringify({ all: staff.all, byDepartment: Object.fromEntries(staff.byDepartment) });
  const prints = JSON.stringify({ ...fingerprints(staff), ...(waiting ? { [WAITING_MARK]: '1' } : {}) });
  const props = PropertiesService.getScriptProperties();
  if (lists.length <= LISTS_MAX_CHARS) props.setProperties({ [FINGERPRINT_KEY]: prints, [LISTS_KEY]: lists });
  else {
    props.setProperty(FINGERPRINT_KEY, prints);
    props.deleteProperty(LISTS_KEY);
  }
}

/** Every tab's wanted protections plus the hidden tabs', for setup; `byName`: every sheet by its name, when setup has them. */
export function wantedAll(
  ss: Spreadsheet,
  sheets: Map<TabKey, Sheet>,
  headers?: Map<TabKey, unknown[]>,
  byName?: Map<string, Sheet>,
): WantedProtection[] {
  const out: WantedProtection[] = [];
  for (const def of TABS) {
    const sheet = sheets.get(def.key);
    if (!sheet) continue;
    const header = headers?.get(def.key) ?? readHeader(sheet);
    out.push(...wantedFor(sheet, def, header));
  }
  if (!byName) for (const sheet of hiddenSheets(ss, sheets)) out.push(wantedHidden(sheet));
  else
    for (const name of hiddenNames(sheets)) {
      const sheet = byName.get(name);
      if (sheet) out.push(wantedHidden(sheet, name));
    }
  return out;
}
