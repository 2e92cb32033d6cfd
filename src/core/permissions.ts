/**
 * Who may edit which column (SPEC §1, §6), and the Staff tab as a directory.
 *
 * Rules chosen here:
 * - System columns (*) and system tabs (Outbox, Log) are edited by nobody: the script
 *   writes them, and script writes do not fire onEdit.
 * - Management and the spreadsheet's owner may edit every other column.
 * - Every other column belongs to one or more departments (COLUMN_OWNERS).
 * - Once HR has answered an agreement, its request columns are frozen for Sales: a change
 *   to what was agreed needs a new agreement row (HR may still adjust its own terms).
 * - A column a person added (not in the schema) is free.
 * - While the Staff tab is empty nobody can be told apart, so edits are allowed
 *   ("bootstrap") — except system columns.
 * - An editor whose e-mail Google does not reveal (consumer accounts outside the owner's
 *   domain give an empty e-mail) is allowed, marked "unidentified" so the caller can log it;
 *   refusing would lock every such workbook.
 */
import { ANSWERS, DEPARTMENTS, Locale, TabKey, tabDef } from './schema';
import { columnProblem, Localized, OrderMessageKey, Params, Problem } from './messages-orders';
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
 * Departments that own each non-system column (Management owns all of them too).
 * Orders: Sales fills the order; the Client department owns the client relationship after
 * payment (SPEC §1) so it may keep the contact block current, and it learns of payments
 * too (seed 000); HR confirms receipt; the HR specialist is assigned by any of the three.
 * HR agreements: Sales files the request; HR answers, and may adjust the terms it agrees.
 */
export const COLUMN_OWNERS: Readonly<Record<TabKey, Readonly<Record<string, readonly DepartmentKey[]>>>> = {
  settings: { key: [], value: [], description: [] },
  holidays: { date: [], name: [], workingDay: [] },
  staff: { name: [], email: [], department: [], managerEmail: [], deputyEmail: [], absentUntil: [] },
  orders: {
    client: [S, C],
    contactPerson: [S, C],
    clientEmail: [S, C],
    otherContacts: [S, C],
    clientPhone: [S, C],
    clientLanguage: [S, C],
    clientTimeZone: [S, C],
    vacancy: [S],
    vacancyDescription: [S],
    fintopsCompanyLink: [S],
    fintopsVacancyLink: [S],
    publicationFrom: [S],
    publicationTo: [S],
    jobSites: [S],
    paidServices: [S],
    paidFrom: [S],
    paidTo: [S],
    sum: [S],
    bonuses: [S],
    contractLink: [S],
    paymentReceived: [S, C],
    salesManager: [S],
    terms: [S],
    hrSpecialist: [S, C, H],
    hrReceived: [H],
    handOff: [S],
  },
  agreements: {
    orderId: [S],
    requestedBy: [S],
    expectedResumes: [S],
    expectedCalls: [S],
    expectedAgreeing: [S],
    expectedComing: [S],
    risks: [S],
    otherPoints: [S],
    callKind: [S],
    expectedOutcome: [S],
    selectionWeekdays: [S, H],
    resumesPerSelection: [S, H],
    firstSelectionDate: [S, H],
    hrSpecialist: [S, H],
    answer: [H],
    hrComment: [H],
  },
  selections: { done: [H] },
  callingResults: { date: [H], orderId: [H], candidateId: [H], phone: [H], outcome: [H], interviewAt: [H], comment: [H] },
  candidates: { candidateId: [H, C], name: [H, C], email: [H, C], phone: [H, C], orderId: [H, C], status: [H, C], timeZone: [H, C] },
  calls: {
    type: [S, H, C],
    orderId: [S, H, C],
    start: [S, H, C],
    duration: [S, H, C],
    meetingLink: [S, H, C],
    clientEmail: [S, H, C],
    candidateIds: [S, H, C],
    hiredEmployeeEmail: [S, H, C],
    hiredEmployeeName: [S, H, C],
    teamLeadEmail: [S, H, C],
    teamLeadName: [S, H, C],
    managerEmail: [S, H, C],
    status: [S, H, C],
    comment: [S, H, C],
    hired: [S, H, C],
    hiredCandidateId: [S, H, C],
    hireStartDate: [S, H, C],
    price: [S, H, C],
    contractLink: [S, H, C],
  },
  templates: { key: [S, C], language: [S, C], subject: [S, C], body: [S, C] },
  outbox: {},
  log: {},
};

/** Agreement columns that are part of the request and freeze once HR answered. */
export const REQUEST_COLUMNS: ReadonlySet<string> = new Set([
  'orderId',
  'requestedBy',
  'expectedResumes',
  'expectedCalls',
  'expectedAgreeing',
  'expectedComing',
  'risks',
  'otherPoints',
  'callKind',
  'expectedOutcome',
  'selectionWeekdays',
  'resumesPerSelection',
  'firstSelectionDate',
]);

export type EditBasis = 'department' | 'management' | 'owner' | 'bootstrap' | 'unidentified' | 'freeColumn';

export type EditDecision =
  | { allowed: true; basis: EditBasis }
  | { allowed: false; code: OrderMessageKey; params: Params; ru: string; en: string };

export interface EditContext {
  /** The spreadsheet owner's e-mail (may edit all but system columns). */
  ownerEmail?: string;
  /** The row as it was before the edit (for row-state rules: an answered agreement). */
  row?: Row;
}

function departmentLabel(key: DepartmentKey | undefined): Localized {
  const d = DEPARTMENTS.find((x) => x.key === key);
  return d ? { ru: d.ru, en: d.en } : { ru: 'без отдела', en: 'no department' };
}

function joinLabels(keys: readonly DepartmentKey[]): Localized {
  const labels = keys.map(departmentLabel);
  return { ru: labels.map((l) => `«${l.ru}»`).join(', '), en: labels.map((l) => l.en).join(', ') };
}

function refuse(tab: TabKey, code: OrderMessageKey, column: string | undefined, params: Params = {}): EditDecision {
  const p: Problem = columnProblem(tab, code, column, params);
  return { allowed: false, code: p.code, params: p.params, ru: p.ru, en: p.en };
}

/** Departments owning a column; 'system' for system columns and tabs; undefined for a person's own column. */
export function columnOwners(tab: TabKey, columnKey: string): readonly DepartmentKey[] | 'system' | undefined {
  const def = tabDef(tab);
  if (def.systemTab) return 'system';
  const col = def.columns.find((c) => c.key === columnKey);
  if (!col) return undefined;
  if (col.system) return 'system';
  return COLUMN_OWNERS[tab][columnKey] ?? [];
}

/** May `user` change this column? A refusal carries the reason in both languages. */
export function canEdit(user: string, tab: TabKey, columnKey: string, staff: StaffDirectory, ctx: EditContext = {}): EditDecision {
  const def = tabDef(tab);
  if (def.systemTab) return refuse(tab, 'editSystemTab', undefined, { tab: { ru: def.ru, en: def.en } });
  const owners = columnOwners(tab, columnKey);
  if (owners === undefined) return { allowed: true, basis: 'freeColumn' };
  if (owners === 'system') return refuse(tab, 'editSystemColumn', columnKey);
  if (isBlank(user)) return { allowed: true, basis: 'unidentified' };
  const email = normEmail(user);
  if (ctx.ownerEmail && normEmail(ctx.ownerEmail) === email) return { allowed: true, basis: 'owner' };
  if (staff.members.size === 0) return { allowed: true, basis: 'bootstrap' };
  const member = staff.members.get(email);
  if (!member) return refuse(tab, 'editNotInStaff', columnKey, { user: email });
  if (member.department === 'management') return { allowed: true, basis: 'management' };
  if (tab === 'agreements' && member.department !== 'hr' && REQUEST_COLUMNS.has(columnKey) && ctx.row && answered(ctx.row)) {
    return refuse(tab, 'editAnsweredAgreement', columnKey);
  }
  if (member.department && owners.includes(member.department)) return { allowed: true, basis: 'department' };
  return refuse(tab, 'editWrongDepartment', columnKey, {
    owners: joinLabels([...owners, 'management']),
    department: departmentLabel(member.department),
  });
}

function answered(row: Row): boolean {
  return parseChoiceCell(row.answer, ANSWERS).status === 'ok';
}

/** A department's name in a locale (for messages and logs). */
export function departmentName(key: DepartmentKey | undefined, locale: Locale): string {
  return departmentLabel(key)[locale];
}
