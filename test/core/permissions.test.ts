import {
  canEdit,
  columnOwners,
  PERMISSIONS,
  ruleOf,
  departmentOf,
  DepartmentKey,
  EditDecision,
  isAbsent,
  routeTo,
  staffDirectory,
} from '../../src/core/permissions';
import { TABS, tabDef } from '../../src/core/schema';
import { instantAt } from '../../src/core/time';
import { intlZone } from './zone-fixture';

const zone = intlZone('Europe/Moscow');
const day = (year: number, month: number, d: number) => new Date(instantAt(zone, { year, month, day: d }));
const today = { year: 2026, month: 3, day: 2 };

const staff = staffDirectory(
  [
    { name: 'Анна', email: 'anna@agency.ru', department: 'Отдел продаж' },
    { name: 'Ольга', email: 'Olga@Agency.ru', department: 'HR' },
    { name: 'Кира', email: 'kira@agency.ru', department: 'Client department' },
    { name: 'Марк', email: 'mark@agency.ru', department: 'Руководство' },
    { name: 'Без отдела', email: 'nobody@agency.ru', department: '' },
    { name: 'Нет адреса', email: 'не адрес', department: 'HR' },
  ],
  zone,
);
const people: Record<DepartmentKey, string> = {
  sales: 'anna@agency.ru',
  hr: 'olga@agency.ru',
  client: 'kira@agency.ru',
  management: 'mark@agency.ru',
};

const allowed = (d: EditDecision) => d.allowed;

describe('the Staff tab as a directory', () => {
  test('departments in either language; e-mails matched without case; rows without an e-mail skipped', () => {
    expect(departmentOf(staff, 'ANNA@agency.ru')).toBe('sales');
    expect(departmentOf(staff, 'olga@agency.ru')).toBe('hr');
    expect(departmentOf(staff, 'kira@agency.ru')).toBe('client');
    expect(departmentOf(staff, 'mark@agency.ru')).toBe('management');
    expect(departmentOf(staff, 'nobody@agency.ru')).toBeUndefined();
    expect(staff.members.size).toBe(5);
  });
});

describe('the permissions matrix of Orders', () => {
  // Hand-written from the regulation: Sales fills the order and hands it off; the Client
  // department keeps the client's contacts and learns of payments; HR confirms receipt;
  // the HR specialist is set by any of the three; Management may edit all of it.
  const expected: Record<string, DepartmentKey[]> = {
    client: ['sales', 'client'],
    contactPerson: ['sales', 'client'],
    clientEmail: ['sales', 'client'],
    clientPhone: ['sales', 'client'],
    clientLanguage: ['sales', 'client'],
    vacancy: ['sales'],
    vacancyDescription: ['sales'],
    fintopsCompanyLink: ['sales'],
    fintopsVacancyLink: ['sales'],
    publicationFrom: ['sales'],
    publicationTo: ['sales'],
    jobSites: ['sales'],
    paidServices: ['sales'],
    paidFrom: ['sales'],
    paidTo: ['sales'],
    sum: ['sales'],
    bonuses: ['sales'],
    contractLink: ['sales'],
    paymentReceived: ['sales', 'client'],
    // Both learn of the payment (seed 000), so both may link its scan.
    paymentDocumentLink: ['sales', 'client'],
    requestLink: ['sales'],
    salesManager: ['sales'],
    terms: ['sales'],
    hrSpecialist: ['sales', 'client', 'hr'],
    hrReceived: ['hr'],
    handOff: ['sales'],
    otherContacts: ['sales', 'client'],
    clientTimeZone: ['sales', 'client'],
    // Seed 001's duties: the Client department runs the project after the hand-off (scheme
    // changes, the act) and may answer for the client; payment terms and invoices are Sales'.
    schemeChangeRequestedAt: ['sales', 'client'],
    schemeChangeDoneAt: ['sales', 'client'],
    reportSentAt: ['sales', 'client'],
    actSentAt: ['sales', 'client'],
    actSignedAt: ['sales', 'client'],
    awaitingReplySince: ['sales', 'client'],
    clientRepliedAt: ['sales', 'client'],
    paymentDue: ['sales'],
    invoiceLink: ['sales'],
    actStatus: [],
    orderId: [],
    handedOffAt: [],
    status: [],
    problems: [],
    // Seed 003 «change to client»: set by the system when the First call is Done.
    clientStatus: [],
    clientSince: [],
  };

  test('covers every column', () => {
    expect(Object.keys(expected).sort()).toEqual(
      tabDef('orders')
        .columns.map((c) => c.key)
        .sort(),
    );
  });

  for (const column of tabDef('orders').columns) {
    test(`${column.en}`, () => {
      const may = (['sales', 'hr', 'client', 'management'] as DepartmentKey[]).filter((d) =>
        allowed(canEdit(people[d], 'orders', column.key, staff)),
      );
      const owners = expected[column.key];
      expect(may).toEqual(
        column.system
          ? []
          : (['sales', 'hr', 'client', 'management'] as DepartmentKey[]).filter((d) => d === 'management' || owners.includes(d)),
      );
    });
  }
});

describe('the permissions matrix of HR agreements', () => {
  const cases: [string, DepartmentKey, boolean][] = [
    ['answer', 'hr', true],
    ['answer', 'sales', false],
    ['answer', 'client', false],
    ['hrComment', 'hr', true],
    ['hrComment', 'sales', false],
    ['expectedResumes', 'sales', true],
    ['expectedResumes', 'hr', false],
    ['risks', 'sales', true],
    ['selectionWeekdays', 'hr', true],
    ['resumesPerSelection', 'sales', true],
    ['hrSpecialist', 'sales', true],
    ['orderId', 'client', false],
    ['agreementId', 'management', false],
    ['answeredAt', 'hr', false],
    ['problems', 'sales', false],
  ];
  test.each(cases)('%s by %s → %s', (column, dept, may) => {
    expect(allowed(canEdit(people[dept], 'agreements', column, staff))).toBe(may);
  });
});

describe('refusals say why, in both languages', () => {
  test('a department that does not own the column', () => {
    const d = canEdit('olga@agency.ru', 'orders', 'handOff', staff);
    expect(d).toMatchObject({ allowed: false, code: 'editWrongDepartment' });
    if (d.allowed) return;
    expect(d.ru).toBe('«Передать» заполняет «Отдел продаж», «Руководство»; вы — HR. Если нужно изменить, напишите им.');
    expect(d.en).toBe('"Hand off" is filled by Sales, Management; you are in HR. Ask them if it needs changing.');
  });

  test('a system column, even for Management and the owner', () => {
    for (const user of ['mark@agency.ru', 'owner@agency.ru']) {
      const d = canEdit(user, 'orders', 'status', staff, { ownerEmail: 'owner@agency.ru' });
      expect(d).toMatchObject({ allowed: false, code: 'editSystemColumn', en: '"Status" is filled by the system only.' });
    }
  });

  test('Outbox and Log are the system’s', () => {
    expect(canEdit('mark@agency.ru', 'outbox', 'state', staff)).toMatchObject({ allowed: false, code: 'editSystemTab' });
    expect(canEdit('mark@agency.ru', 'log', 'details', staff)).toMatchObject({
      allowed: false,
      ru: 'Вкладку «Журнал» ведёт только система.',
    });
  });

  test('someone not on the Staff tab', () => {
    expect(canEdit('stranger@gmail.com', 'orders', 'sum', staff)).toMatchObject({
      allowed: false,
      code: 'editNotInStaff',
      en: 'stranger@gmail.com is not on the Staff tab: ask Management to add you.',
    });
  });

  test('a staff member without a department owns nothing', () => {
    expect(canEdit('nobody@agency.ru', 'orders', 'sum', staff)).toMatchObject({ allowed: false, code: 'editWrongDepartment' });
  });
});

describe('who else may edit', () => {
  test('the spreadsheet owner, everything but system columns', () => {
    expect(canEdit('Owner@agency.ru', 'staff', 'department', staff, { ownerEmail: 'owner@agency.ru' })).toEqual({
      allowed: true,
      basis: 'owner',
    });
  });
  test('Settings, Holidays and Staff are Management’s', () => {
    expect(allowed(canEdit('mark@agency.ru', 'settings', 'value', staff))).toBe(true);
    expect(allowed(canEdit('anna@agency.ru', 'settings', 'value', staff))).toBe(false);
    expect(allowed(canEdit('anna@agency.ru', 'staff', 'department', staff))).toBe(false);
  });
  test('while the Staff tab is empty, only the owner (nobody can promote themselves into it)', () => {
    const empty = staffDirectory([], zone);
    expect(canEdit('anyone@gmail.com', 'staff', 'email', empty)).toMatchObject({ allowed: false, code: 'editNotInStaff' });
    expect(canEdit('owner@agency.ru', 'staff', 'email', empty, { ownerEmail: 'owner@agency.ru' })).toEqual({ allowed: true, basis: 'owner' });
    expect(allowed(canEdit('anyone@gmail.com', 'orders', 'orderId', empty))).toBe(false);
  });
  test('Staff, Settings, Holidays and Templates: Management and the owner only', () => {
    for (const [tab, col] of [
      ['staff', 'department'],
      ['settings', 'value'],
      ['holidays', 'date'],
      ['templates', 'body'],
    ] as const) {
      for (const dept of ['sales', 'hr', 'client'] as DepartmentKey[])
        expect(canEdit(people[dept], tab, col, staff)).toMatchObject({ allowed: false, code: 'editWrongDepartment' });
      expect(allowed(canEdit(people.management, tab, col, staff))).toBe(true);
    }
  });
});

describe('an editor Google does not name (consumer accounts, other domains)', () => {
  test("is never the owner and has no department's rights", () => {
    expect(canEdit('', 'orders', 'sum', staff, { ownerEmail: '' })).toMatchObject({ allowed: false, code: 'editUnknownUser' });
    expect(canEdit('', 'staff', 'department', staff)).toMatchObject({ allowed: false, code: 'editUnknownUser' });
    expect(allowed(canEdit('', 'orders', 'handedOffAt', staff, { protectionsInPlace: true }))).toBe(false);
  });
  test('where the protections are in force, Google checked the department for us', () => {
    expect(canEdit('', 'orders', 'sum', staff, { protectionsInPlace: true })).toEqual({ allowed: true, basis: 'protection' });
    expect(canEdit('', 'staff', 'department', staff, { protectionsInPlace: true })).toEqual({ allowed: true, basis: 'protection' });
  });
  test('row-level rules need the name even then', () => {
    const answered = { answer: 'Agreed' };
    expect(canEdit('', 'agreements', 'risks', staff, { protectionsInPlace: true, row: answered })).toMatchObject({
      allowed: false,
      code: 'editUnknownUser',
    });
    expect(allowed(canEdit('', 'agreements', 'risks', staff, { protectionsInPlace: true, row: { answer: '' } }))).toBe(true);
    const call = { managerEmail: 'kira@agency.ru', status: 'Scheduled' };
    expect(canEdit('', 'calls', 'comment', staff, { protectionsInPlace: true, row: call })).toMatchObject({
      allowed: false,
      code: 'editUnknownUser',
    });
    expect(canEdit('', 'calls', 'status', staff, { protectionsInPlace: true, row: call, value: 'Done' })).toMatchObject({
      allowed: false,
      code: 'editUnknownUser',
    });
    expect(allowed(canEdit('', 'calls', 'status', staff, { protectionsInPlace: true, row: call, value: 'Cancelled' }))).toBe(true);
  });
  test('a column a person added is free', () => {
    expect(canEdit('olga@agency.ru', 'orders', 'myNotes', staff)).toEqual({ allowed: true, basis: 'freeColumn' });
    expect(columnOwners('orders', 'myNotes')).toBeUndefined();
  });
  test("every column of every tab has a rule: system columns the system's, the rest from the table or its tab's default", () => {
    for (const tab of TABS) {
      expect(PERMISSIONS[tab.key]).toBeDefined();
      for (const col of tab.columns) {
        if (tab.systemTab || col.system) expect(columnOwners(tab.key, col.key)).toBe('system');
        else expect(ruleOf(tab.key, col.key)).toEqual(PERMISSIONS[tab.key].columns[col.key] ?? PERMISSIONS[tab.key].default);
      }
      for (const key of Object.keys(PERMISSIONS[tab.key].columns)) expect(tab.columns.some((c) => c.key === key)).toBe(true);
    }
  });
});

describe('once HR has answered, Sales cannot change what was agreed', () => {
  const answeredRow = { answer: 'Согласовано', resumesPerSelection: 30 };
  test('Sales is refused on the request columns of an answered agreement', () => {
    expect(canEdit('anna@agency.ru', 'agreements', 'resumesPerSelection', staff, { row: answeredRow })).toMatchObject({
      allowed: false,
      code: 'editAnsweredAgreement',
    });
    expect(allowed(canEdit('anna@agency.ru', 'agreements', 'risks', staff, { row: { answer: 'Rejected' } }))).toBe(false);
  });
  test('before the answer Sales may; HR may adjust its terms; Management always', () => {
    expect(allowed(canEdit('anna@agency.ru', 'agreements', 'resumesPerSelection', staff, { row: { answer: '' } }))).toBe(true);
    expect(allowed(canEdit('olga@agency.ru', 'agreements', 'resumesPerSelection', staff, { row: answeredRow }))).toBe(true);
    expect(allowed(canEdit('mark@agency.ru', 'agreements', 'resumesPerSelection', staff, { row: answeredRow }))).toBe(true);
  });
});

describe('the other tabs', () => {
  test("Candidates and Calling results are HR's", () => {
    for (const [tab, col] of [
      ['candidates', 'email'],
      ['candidates', 'status'],
      ['callingResults', 'outcome'],
      ['callingResults', 'phone'],
    ] as const) {
      expect(allowed(canEdit(people.hr, tab, col, staff))).toBe(true);
      for (const dept of ['sales', 'client'] as DepartmentKey[]) expect(allowed(canEdit(people[dept], tab, col, staff))).toBe(false);
    }
    expect(allowed(canEdit(people.hr, 'callingResults', 'recordedBy', staff))).toBe(false);
  });
  test("Selections: HR ticks Done; the rest is the system's", () => {
    expect(allowed(canEdit(people.hr, 'selections', 'done', staff))).toBe(true);
    expect(allowed(canEdit(people.sales, 'selections', 'done', staff))).toBe(false);
    for (const col of ['orderId', 'selectionDate', 'callingDate', 'reportDue'])
      expect(canEdit(people.management, 'selections', col, staff)).toMatchObject({ code: 'editSystemColumn' });
  });
  test("Calls: Sales and the Client department schedule; a stranger or HR cannot change the client's e-mail", () => {
    for (const col of ['type', 'orderId', 'start', 'clientEmail', 'candidateIds', 'managerEmail']) {
      expect(allowed(canEdit(people.sales, 'calls', col, staff))).toBe(true);
      expect(allowed(canEdit(people.client, 'calls', col, staff))).toBe(true);
      expect(allowed(canEdit(people.hr, 'calls', col, staff))).toBe(false);
    }
    expect(canEdit('stranger@gmail.com', 'calls', 'clientEmail', staff)).toMatchObject({ allowed: false, code: 'editNotInStaff' });
  });
  test("Calls: the call's manager marks it Done and writes the comment", () => {
    const call = { managerEmail: 'Kira@agency.ru', status: 'Scheduled' };
    expect(canEdit('kira@agency.ru', 'calls', 'comment', staff, { row: call })).toEqual({ allowed: true, basis: 'callManager' });
    expect(canEdit('kira@agency.ru', 'calls', 'status', staff, { row: call, value: 'Done' })).toEqual({ allowed: true, basis: 'department' });
    expect(canEdit('anna@agency.ru', 'calls', 'comment', staff, { row: call })).toMatchObject({ allowed: false, code: 'editNotCallManager' });
    expect(canEdit('anna@agency.ru', 'calls', 'status', staff, { row: call, value: 'Done' })).toMatchObject({
      allowed: false,
      code: 'editNotCallManager',
    });
    // Sales still reschedules and cancels.
    expect(allowed(canEdit('anna@agency.ru', 'calls', 'status', staff, { row: call, value: 'Cancelled' }))).toBe(true);
    // A Done call is its manager's to change.
    expect(allowed(canEdit('anna@agency.ru', 'calls', 'status', staff, { row: { ...call, status: 'Done' }, value: 'Scheduled' }))).toBe(false);
    expect(allowed(canEdit('mark@agency.ru', 'calls', 'comment', staff, { row: call }))).toBe(true);
    expect(allowed(canEdit('olga@agency.ru', 'calls', 'hired', staff, { row: { managerEmail: 'olga@agency.ru' } }))).toBe(true);
  });
  test("a Calls column the table does not name gets the tab's default (Sales and the Client department)", () => {
    expect(PERMISSIONS.calls.default).toEqual({ kind: 'departments', departments: ['sales', 'client'] });
  });
});

describe('absence and deputies', () => {
  const chain = staffDirectory(
    [
      { email: 'a@x.ru', department: 'HR', deputyEmail: 'b@x.ru', managerEmail: 'm@x.ru', absentUntil: day(2026, 3, 2) },
      { email: 'b@x.ru', department: 'HR', deputyEmail: 'c@x.ru', absentUntil: day(2026, 3, 10) },
      { email: 'c@x.ru', department: 'HR' },
      { email: 'd@x.ru', department: 'HR', deputyEmail: 'e@x.ru', managerEmail: 'm@x.ru', absentUntil: day(2026, 3, 5) },
      { email: 'e@x.ru', department: 'HR', deputyEmail: 'd@x.ru', absentUntil: day(2026, 3, 5) },
      { email: 'm@x.ru', department: 'Management' },
      { email: 'f@x.ru', department: 'HR', absentUntil: day(2026, 3, 5) },
    ],
    zone,
  );
  test('absent through the "absent until" date, back the day after', () => {
    const a = chain.members.get('a@x.ru');
    expect(a && isAbsent(a, today)).toBe(true);
    expect(a && isAbsent(a, { year: 2026, month: 3, day: 3 })).toBe(false);
  });
  test('the deputy, and the deputy’s deputy when both are away', () => {
    expect(routeTo(chain, 'a@x.ru', today)).toEqual({ to: 'c@x.ru', skipped: ['a@x.ru', 'b@x.ru'] });
    expect(routeTo(chain, 'A@X.ru', { year: 2026, month: 3, day: 3 })).toEqual({ to: 'a@x.ru', skipped: [] });
  });
  test('deputies covering each other while both are away: the manager', () => {
    expect(routeTo(chain, 'd@x.ru', today)).toEqual({ to: 'm@x.ru', skipped: ['d@x.ru', 'e@x.ru'] });
  });
  test('away with nobody to cover: stays with them', () => {
    expect(routeTo(chain, 'f@x.ru', today)).toEqual({ to: 'f@x.ru', skipped: [] });
  });
  test('someone not on the Staff tab is taken as present', () => {
    expect(routeTo(chain, 'client@romashka.ru', today)).toEqual({ to: 'client@romashka.ru', skipped: [] });
  });
});
