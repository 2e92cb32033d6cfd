/**
 * Who may edit which column (docs/DOMAIN.md §2.3, §9.1), and the Staff tab as a directory.
 *
 * Rules chosen here (the table is PERMISSIONS, copied in the README):
 * - System columns (*) and system tabs (Outbox, Log) are edited by nobody: the script
 *   writes them, and script writes do not fire onEdit.
 * - Management and the spreadsheet's owner may edit every other column.
 * - Every other column belongs to departments, to Management alone, or (row-level) to the
 *   person a row names; a schema column the table does not name gets its tab's default.
 * - A column a person added (not in the schema) is free.
 * - Someone not on Staff owns nothing, even while Staff is empty (only the owner may start it).
 * - An editor whose e-mail Google does not reveal (consumer accounts; other domains on
 *   Workspace) is never taken for the owner and has no department's rights. Where the
 *   protections Reglament set are in place, Google checked that person against the column's
 *   departments, so department rules hold; row-level rules (an answered agreement, the
 *   call's manager) need the name, and such an edit is refused (the sidebar, which runs as
 *   the person who clicks and so knows who it is, does it instead).
 */
import { ANSWERS, CALL_STATUSES, DEPARTMENTS, Locale, TabKey, tabDef } from './schema';
import { Localized, Params } from './i18n';
import { EditMessageKey, editProblem } from './messages';
import { LocalDate, dayNumber, Zone } from './time';
import { cellText, isBlank, parseChoiceCell, parseDateCell, parseEmailCell, Row } from './values';

export type DepartmentKey = (typeof DEPARTMENTS)[number]['key'];

export interface StaffMember {
  name: string;
  /** Lower-case, as the directory is keyed. */
  email: string;
  department?: DepartmentKey;
  managerEmail?: string;
  deputyEmail?: string;
  /** Absent through this date (inclusive). */
  absentUntil?: LocalDate;
}

export interface StaffDirectory {
  readonly members: ReadonlyMap<string, StaffMember>;
}

const normEmail = (email: string): string => email.trim().toLowerCase();

/** Reads Staff records (keys of schema 'staff'); rows without a valid e-mail are skipped, the first row of an e-mail wins. */
export function staffDirectory(rows: readonly Row[], zone: Zone): StaffDirectory {
  const members = new Map<string, StaffMember>();
  for (const row of rows) {
    const email = parseEmailCell(row.email);
    if (email.status !== 'ok') continue;
    const key = normEmail(email.value);
    if (members.has(key)) continue;
    const member: StaffMember = { name: cellText(row.name), email: key };
    const dept = parseChoiceCell(row.department, DEPARTMENTS);
    if (dept.status === 'ok') member.department = dept.value.key as DepartmentKey;
    const manager = parseEmailCell(row.managerEmail);
    if (manager.status === 'ok') member.managerEmail = normEmail(manager.value);
    const deputy = parseEmailCell(row.deputyEmail);
    if (deputy.status === 'ok') member.deputyEmail = normEmail(deputy.value);
    const absent = parseDateCell(row.absentUntil, zone);
    if (absent.status === 'ok') member.absentUntil = absent.value;
    members.set(key, member);
  }
  return { members };
}

export function findStaff(staff: StaffDirectory, email: string): StaffMember | undefined {
  return staff.members.get(normEmail(email));
}

export function departmentOf(staff: StaffDirectory, email: string): DepartmentKey | undefined {
  return findStaff(staff, email)?.department;
}

export function isAbsent(member: StaffMember, today: LocalDate): boolean {
  return member.absentUntil !== undefined && dayNumber(member.absentUntil) >= dayNumber(today);
}

export interface Routed {
  /** Who gets it. */
  to: string;
  /** The absent people passed over on the way, in order (empty when the addressee is in). */
  skipped: string[];
}

/**
 * Where a message meant for `email` goes today: the person, or along the deputy chain
 * while people are absent (seed 002: when the responsible person is unavailable, the next
 * one in the chain). A chain that ends in an absent person or loops goes to the first
 * person's manager when that one is in, else stays with the last person reached.
 * Someone not on the Staff tab is taken as present.
 */
export function routeTo(staff: StaffDirectory, email: string, today: LocalDate): Routed {
  const start = normEmail(email);
  const skipped: string[] = [];
  const seen = new Set<string>([start]);
  let current = start;
  for (;;) {
    const member = staff.members.get(current);
    if (!member || !isAbsent(member, today)) return { to: current, skipped };
    skipped.push(current);
    const next = member.deputyEmail;
    if (!next || seen.has(next)) break;
    seen.add(next);
    current = next;
  }
  const manager = staff.members.get(start)?.managerEmail;
  const managerMember = manager ? staff.members.get(manager) : undefined;
  if (manager && !skipped.includes(manager) && (!managerMember || !isAbsent(managerMember, today))) return { to: manager, skipped };
  return { to: current, skipped: skipped.filter((e) => e !== current) };
}

/** Present members of a department (for a message to "HR" when no one is named). */
export function departmentMembers(staff: StaffDirectory, department: DepartmentKey): StaffMember[] {
  return [...staff.members.values()].filter((m) => m.department === department);
}

const S: DepartmentKey = 'sales';
const H: DepartmentKey = 'hr';
const C: DepartmentKey = 'client';

/**
 * Who may change one column. Management and the spreadsheet's owner may change every
 * column that is not the system's; the rules name who else may.
 * - system: nobody (the script writes it; script writes do not fire onEdit).
 * - departments: Staff members of these departments.
 * - management: Management only (the tabs that decide everyone's rights and what clients read).
 * - callManager: only the call's managers: the row's Manager e-mail and the Sales manager of
 *   its order (row-level: needs identity).
 * Modifiers (row-level, need identity too):
 * - frozenWhenAnswered: once HR has answered an agreement, only HR may still change it.
 * - doneByCallManager: setting Done (or changing a Done call) is the call's manager's.
 */
export type ColumnRule =
  | { kind: 'system' }
  | { kind: 'management' }
  | { kind: 'callManager' }
  | { kind: 'departments'; departments: readonly DepartmentKey[]; frozenWhenAnswered?: boolean; doneByCallManager?: boolean };

export interface TabRules {
  /** The rule of a schema column the table does not name (columns added later). */
  default: ColumnRule;
  columns: Readonly<Record<string, ColumnRule>>;
}

const SYSTEM: ColumnRule = { kind: 'system' };
const MANAGEMENT: ColumnRule = { kind: 'management' };
const CALL_MANAGER: ColumnRule = { kind: 'callManager' };
const by = (...departments: DepartmentKey[]): ColumnRule => ({ kind: 'departments', departments });
const request = (...departments: DepartmentKey[]): ColumnRule => ({ kind: 'departments', departments, frozenWhenAnswered: true });

/**
 * The department rules of every tab in one place (the README copies this table).
 * Orders: Sales fills the order; the Client department owns the client relationship after
 * payment (docs/DOMAIN.md §2.3) so it keeps the contact block current and records payments (seed 000);
 * HR confirms receipt; the HR specialist is assigned by any of the three.
 * HR agreements: Sales files the request; HR answers, and may adjust the terms it agrees;
 * once answered, the request is frozen for everyone but HR.
 * Calls: Sales and the Client department create and schedule them; the call's manager
 * (its Manager e-mail, or the Sales manager of its order) marks it Done and writes the
 * comment and the hiring result.
 * Selections: HR ticks Done; the rest is the system's. Candidates, Calling results: HR.
 * Staff, Settings, Holidays, Templates: Management (they decide who may do what, where
 * hand-offs go and what clients read).
 */
export const PERMISSIONS: Readonly<Record<TabKey, TabRules>> = {
  settings: { default: MANAGEMENT, columns: {} },
  holidays: { default: MANAGEMENT, columns: {} },
  staff: { default: MANAGEMENT, columns: {} },
  templates: { default: MANAGEMENT, columns: {} },
  orders: {
    default: by(S),
    columns: {
      client: by(S, C),
      contactPerson: by(S, C),
      clientEmail: by(S, C),
      otherContacts: by(S, C),
      clientPhone: by(S, C),
      clientLanguage: by(S, C),
      clientTimeZone: by(S, C),
      paymentReceived: by(S, C),
      paymentDocumentLink: by(S, C),
      // Seed 001's duties: the Client department runs the project after the hand-off.
      schemeChangeRequestedAt: by(S, C),
      schemeChangeDoneAt: by(S, C),
      reportSentAt: by(S, C),
      actSentAt: by(S, C),
      actSignedAt: by(S, C),
      awaitingReplySince: by(S, C),
      clientRepliedAt: by(S, C),
      hrSpecialist: by(S, C, H),
      hrReceived: by(H),
    },
  },
  agreements: {
    default: request(S),
    columns: {
      selectionWeekdays: request(S, H),
      resumesPerSelection: request(S, H),
      firstSelectionDate: request(S, H),
      hrSpecialist: by(S, H),
      answer: by(H),
      hrComment: by(H),
    },
  },
  selections: { default: SYSTEM, columns: { done: by(H) } },
  callingResults: { default: by(H), columns: {} },
  candidates: { default: by(H), columns: {} },
  calls: {
    default: by(S, C),
    columns: {
      status: { kind: 'departments', departments: [S, C], doneByCallManager: true },
      comment: CALL_MANAGER,
      hired: CALL_MANAGER,
      hiredCandidateId: CALL_MANAGER,
      hireStartDate: CALL_MANAGER,
      price: CALL_MANAGER,
      contractLink: CALL_MANAGER,
      clientAskedFor: CALL_MANAGER,
      agreedMail: CALL_MANAGER,
    },
  },
  outbox: { default: SYSTEM, columns: {} },
  log: { default: SYSTEM, columns: {} },
};

/** Agreement columns that are part of the request and freeze once HR answered. */
export const REQUEST_COLUMNS: ReadonlySet<string> = new Set(
  tabDef('agreements')
    .columns.map((c) => c.key)
    .filter((key) => {
      const rule = ruleOf('agreements', key);
      return rule?.kind === 'departments' && rule.frozenWhenAnswered === true;
    }),
);

/** The rule of a column: system for system columns and tabs; undefined for a column a person added. */
export function ruleOf(tab: TabKey, columnKey: string): ColumnRule | undefined {
  const def = tabDef(tab);
  if (def.systemTab) return SYSTEM;
  const col = def.columns.find((c) => c.key === columnKey);
  if (!col) return undefined;
  if (col.system) return SYSTEM;
  return PERMISSIONS[tab].columns[columnKey] ?? PERMISSIONS[tab].default;
}

/** Departments that own a column (Management aside); 'system'; undefined for a person's own column. */
export function columnOwners(tab: TabKey, columnKey: string): readonly DepartmentKey[] | 'system' | undefined {
  const rule = ruleOf(tab, columnKey);
  if (!rule) return undefined;
  if (rule.kind === 'system') return 'system';
  return rule.kind === 'departments' ? rule.departments : [];
}

/**
 * Who Google's protection of a column lets type in it (besides the owner): the rule's
 * departments and Management ('system': the owner only); 'staff' for the call's-manager
 * columns (anyone on Staff may be named a call's manager; the row decides, on edit).
 * A call's Status stays its departments' and Management's: a call's manager marks it Done
 * from one of them (else an unnamed editor could not be told from HR cancelling a call).
 */
export function protectionGroup(rule: ColumnRule): DepartmentKey[] | 'staff' | 'system' {
  switch (rule.kind) {
    case 'system':
      return 'system';
    case 'management':
      return ['management'];
    case 'callManager':
      return 'staff';
    case 'departments':
      return [...rule.departments, 'management'];
  }
}

/** Does this rule depend on who the editor is beyond what a protection can check? */
export function needsIdentity(rule: ColumnRule): boolean {
  return rule.kind === 'callManager' || (rule.kind === 'departments' && (rule.frozenWhenAnswered === true || rule.doneByCallManager === true));
}

export type EditBasis = 'department' | 'management' | 'owner' | 'callManager' | 'protection' | 'freeColumn';

export type EditDecision =
  { allowed: true; basis: EditBasis } | { allowed: false; code: EditMessageKey; params: Params; ru: string; en: string };

export interface EditContext {
  /** The spreadsheet owner's e-mail (may edit all but system columns). */
  ownerEmail?: string;
  /** The row as it was before the edit (row-level rules: an answered agreement, the call's manager). */
  row?: Row;
  /** The value the edit wrote (a call set to Done). */
  value?: unknown;
  /**
   * Who else counts as the call's manager besides the row's Manager e-mail: the Sales
   * manager of the call's order (the SM who ran it). Looked up by the caller.
   */
  callManagers?: readonly string[];
  /**
   * For an editor Google does not name: Reglament's protections are in place for the
   * current Staff, so Google itself let only the column's departments type there.
   */
  protectionsInPlace?: boolean;
}

function departmentLabel(key: DepartmentKey | undefined): Localized {
  const d = DEPARTMENTS.find((x) => x.key === key);
  return d ? { ru: d.ru, en: d.en } : { ru: 'без отдела', en: 'no department' };
}

function joinLabels(keys: readonly DepartmentKey[]): Localized {
  const labels = keys.map(departmentLabel);
  return { ru: labels.map((l) => `«${l.ru}»`).join(', '), en: labels.map((l) => l.en).join(', ') };
}

function refuse(tab: TabKey, code: EditMessageKey, column: string | undefined, params: Params = {}): EditDecision {
  const p = editProblem(tab, code, column, params);
  return { allowed: false, code: p.code, params: p.params, ru: p.ru, en: p.en };
}

/**
 * May `user` change this column? A refusal carries the reason in both languages.
 * A blank `user` is an editor Google did not name (consumer accounts, other domains): never
 * the owner, no department's rights. Only where Reglament's protections are in place did
 * Google check the person, so a rule a protection expresses holds; a row-level rule cannot.
 */
export function canEdit(user: string, tab: TabKey, columnKey: string, staff: StaffDirectory, ctx: EditContext = {}): EditDecision {
  const def = tabDef(tab);
  if (def.systemTab) return refuse(tab, 'editSystemTab', undefined, { tab: { ru: def.ru, en: def.en } });
  const rule = ruleOf(tab, columnKey);
  if (!rule) return { allowed: true, basis: 'freeColumn' };
  if (rule.kind === 'system') return refuse(tab, 'editSystemColumn', columnKey);
  if (isBlank(user)) return unknownEditor(tab, columnKey, rule, ctx);
  const email = normEmail(user);
  if (ctx.ownerEmail && normEmail(ctx.ownerEmail) === email) return { allowed: true, basis: 'owner' };
  const member = staff.members.get(email);
  if (!member) return refuse(tab, 'editNotInStaff', columnKey, { user: email });
  if (member.department === 'management') return { allowed: true, basis: 'management' };
  const row = ctx.row;
  switch (rule.kind) {
    case 'management':
      return wrongDepartment(tab, columnKey, [], member);
    case 'callManager':
      return isCallManager(row, email, ctx.callManagers)
        ? { allowed: true, basis: 'callManager' }
        : notCallManager(tab, columnKey, row, ctx.callManagers);
    case 'departments':
      if (rule.frozenWhenAnswered && member.department !== 'hr' && row && answered(row)) return refuse(tab, 'editAnsweredAgreement', columnKey);
      if (rule.doneByCallManager && touchesDone(row, ctx.value) && !isCallManager(row, email, ctx.callManagers))
        return notCallManager(tab, columnKey, row, ctx.callManagers);
      if (member.department && rule.departments.includes(member.department)) return { allowed: true, basis: 'department' };
      return wrongDepartment(tab, columnKey, rule.departments, member);
  }
}

function unknownEditor(tab: TabKey, columnKey: string, rule: ColumnRule, ctx: EditContext): EditDecision {
  // Google let only the rule's departments, Management (and the call managers on Staff) type
  // here; what the rule decides beyond that needs to know which of them it was.
  if (ctx.protectionsInPlace && !needsIdentityHere(rule, ctx)) return { allowed: true, basis: 'protection' };
  return refuse(tab, 'editUnknownUser', columnKey);
}

/** Does the rule, for this row and value, depend on who exactly the editor is? */
function needsIdentityHere(rule: ColumnRule, ctx: EditContext): boolean {
  if (rule.kind === 'callManager') return true;
  if (rule.kind !== 'departments') return false;
  if (rule.frozenWhenAnswered && ctx.row !== undefined && answered(ctx.row)) return true;
  return rule.doneByCallManager === true && touchesDone(ctx.row, ctx.value);
}

function wrongDepartment(tab: TabKey, columnKey: string, departments: readonly DepartmentKey[], member: StaffMember): EditDecision {
  return refuse(tab, 'editWrongDepartment', columnKey, {
    owners: joinLabels([...departments, 'management']),
    department: departmentLabel(member.department),
  });
}

function callManagerOf(row: Row | undefined): string {
  const m = row ? parseEmailCell(row.managerEmail) : undefined;
  return m && m.status === 'ok' ? normEmail(m.value) : '';
}

/** The call's managers: the row's Manager e-mail and whoever the caller adds (the order's SM). */
export function callManagers(row: Row | undefined, more: readonly string[] = []): string[] {
  return [callManagerOf(row), ...more.map(normEmail)].filter((e, i, all) => e !== '' && all.indexOf(e) === i);
}

function isCallManager(row: Row | undefined, email: string, more?: readonly string[]): boolean {
  return callManagers(row, more).indexOf(email) >= 0;
}

function notCallManager(tab: TabKey, columnKey: string, row: Row | undefined, more?: readonly string[]): EditDecision {
  return refuse(tab, 'editNotCallManager', columnKey, { manager: callManagers(row, more).join(', ') || '—' });
}

/** The edit sets a call to Done, or changes a call that was Done. */
function touchesDone(row: Row | undefined, value: unknown): boolean {
  const isDone = (v: unknown) =>
    parseChoiceCell(v, CALL_STATUSES).status === 'ok' && (parseChoiceCell(v, CALL_STATUSES) as { value: { key: string } }).value.key === 'done';
  return isDone(value) || (row !== undefined && isDone(row.status));
}

function answered(row: Row): boolean {
  return parseChoiceCell(row.answer, ANSWERS).status === 'ok';
}

/** A department's name in a locale (for messages and logs). */
export function departmentName(key: DepartmentKey | undefined, locale: Locale): string {
  return departmentLabel(key)[locale];
}
