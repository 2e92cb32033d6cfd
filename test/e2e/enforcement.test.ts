/**
 * Issue 10: enforcement that holds on a real Google spreadsheet — on a consumer account
 * (Google names no editor to the script but the owner) and on a Google Workspace account
 * (the owner's domain is named, other domains are not). Each rule is shown where Google's
 * protection refuses the edit outright, and where onEdit has to undo it (a protection an
 * editor removed), with the value kept in the Log.
 */
import { openHarness, Harness } from './harness';
import { AccountType } from '../../workspace/runtime/workspace';
import { fireOnEdit } from '../../workspace/cli';

const SALES = 'anna.sales@example.com';
const HR = 'irina.hr@example.com';
const CLIENT_DEPT = 'client.dept@example.com';
const BOSS = 'boss@example.com';
const LEAD = 'lena.lead@example.com';
const STRANGER = 'stranger@example.com';
const PARTNER = 'partner@gmail.com';

const ORDER: Record<string, string> = {
  Client: '007',
  'Contact person': 'Пётр Иванов',
  'Client e-mail': 'petr@romashka.example',
  Vacancy: 'Оператор call-центра',
  'Sales manager': SALES,
  'HR specialist': HR,
};

async function workbook(account: AccountType): Promise<Harness> {
  const h = await openHarness({
    locale: 'en',
    timeZone: 'Europe/Moscow',
    now: '2026-11-23T09:00',
    account,
    domain: account === 'workspace' ? 'example.com' : undefined,
  });
  h.edit('Settings', 4, { Value: CLIENT_DEPT }, h.ws.owner);
  const staff: Array<[string, string, string]> = [
    ['Anna', SALES, 'Sales'],
    ['Irina', HR, 'HR'],
    ['Client dept', CLIENT_DEPT, 'Client department'],
    ['Lena', LEAD, 'Client department'],
    ['Boris', BOSS, 'Management'],
  ];
  for (const [name, email, dept] of staff)
    h.edit('Staff', 'new', { Name: name, 'E-mail': email, Department: dept, 'Manager e-mail': BOSS }, h.ws.owner);
  h.timer(); // the staff's access to their departments' columns
  h.edit('Orders', 'new', ORDER, SALES);
  h.edit('Candidates', 'new', { 'Candidate ID': 'C-1', Name: 'Olga', 'E-mail': 'olga@mail.example', 'Order ID': 'ORD-2026-0001' }, HR);
  return h;
}

const PROTECTED = /protected cell/;
const refusedLines = (h: Harness) => h.rows('Log').filter((l) => l['Action'] === 'Edit refused');

/** Who the Log names for `user` on this account. */
function logged(account: AccountType, user: string): string {
  if (user === 'owner@example.com') return user;
  return account === 'workspace' && user.endsWith('@example.com') ? user : 'unknown user';
}

/** Fires the edit triggers for an edit already made on the sheet. */
function fireAs(h: Harness, range: GoogleAppsScript.Spreadsheet.Range, user: string): void {
  fireOnEdit(h.ws, range, [['']], user, 'paste');
}

describe.each(['consumer', 'workspace'] as AccountType[])('on a %s account', (account) => {
  let h: Harness;
  beforeEach(async () => {
    h = await workbook(account);
  });
  afterEach(() => h.close());

  test('the account is kept with the workbook and decides who Google names', async () => {
    expect(h.ws.account).toBe(account);
    const again = await h.reopen();
    expect(again.ws.account).toBe(account);
    expect(again.ws.meta.domain).toBe(account === 'workspace' ? 'example.com' : undefined);
    // Sales' own edit is kept on both accounts; the Log names Anna only where Google does.
    h.edit('Orders', 2, { 'Client e-mail': 'petr@' }, SALES);
    expect(h.rows('Orders')[0]['Client e-mail']).toBe('petr@');
    const flagged = h.rows('Log').filter((l) => l['Action'] === 'Row flagged' && l['Row key'] === 'ORD-2026-0001');
    expect(flagged[flagged.length - 1]['User']).toBe(logged(account, SALES));
    expect(h.rows('Log').some((l) => l['User'] === '')).toBe(false);
  });

  test("HR cannot change a Sales column of an order: Google's protection refuses it; without the protection onEdit undoes it, keeping the value in the Log", () => {
    expect(() => h.edit('Orders', 2, { Vacancy: 'Программист' }, HR)).toThrow(PROTECTED);
    expect(h.rows('Orders')[0]['Vacancy']).toBe(ORDER.Vacancy);
    h.unprotect('Orders');
    h.edit('Orders', 2, { Vacancy: 'Программист' }, HR);
    expect(h.rows('Orders')[0]['Vacancy']).toBe(ORDER.Vacancy);
    const line = refusedLines(h)[0];
    expect(line).toEqual(expect.objectContaining({ User: logged(account, HR), 'Row key': 'ORD-2026-0001' }));
    expect(String(line['Details'])).toContain('Программист');
    expect(String(line['Details'])).toContain(account === 'workspace' ? 'you are in HR' : 'Google did not say who changed');
  });

  test('a blank editor is never the owner: with the protections gone, an unnamed editor changes nothing', () => {
    h.unprotect('Orders');
    h.unprotect('Staff');
    // On Workspace a partner outside the domain is as unnamed as anyone on a consumer account.
    h.edit('Orders', 2, { Vacancy: 'Взлом' }, PARTNER);
    h.edit('Staff', 'new', { Name: 'Partner', 'E-mail': PARTNER, Department: 'Management' }, PARTNER);
    expect(h.rows('Orders')[0]['Vacancy']).toBe(ORDER.Vacancy);
    expect(h.rows('Staff').some((r) => r['E-mail'] === PARTNER)).toBe(false);
    expect(refusedLines(h).every((l) => l['User'] === 'unknown user')).toBe(true);
    expect(refusedLines(h).length).toBeGreaterThanOrEqual(4);
  });

  test.each([
    ['Staff', { Name: 'Me', 'E-mail': STRANGER, Department: 'Management' }],
    ['Settings', { Key: 'Client-department e-mail', Value: 'thief@evil.example' }],
    ['Holidays', { Date: '2026-12-01', Name: 'Day off' }],
    ['Templates', { Key: 'handoff.clientDepartment', Language: 'English', Subject: 'Pay to …', Body: 'pay to IBAN XX' }],
  ] as Array<[string, Record<string, string>]>)(
    'nobody outside Management adds or changes %s: refused by protection, and by onEdit',
    (tab, cells) => {
      for (const user of [SALES, HR, CLIENT_DEPT, STRANGER]) expect(() => h.edit(tab, 'new', cells, user)).toThrow(PROTECTED);
      const before = h.rows(tab);
      h.unprotect(tab);
      h.edit(tab, 'new', cells, SALES);
      h.edit(tab, 2, { [Object.keys(cells)[1]]: 'changed by sales' }, HR);
      expect(h.rows(tab)).toEqual(before);
      expect(refusedLines(h).length).toBeGreaterThanOrEqual(Object.keys(cells).length + 1);
    },
  );

  test('Management may change Staff, and the protections follow: a new HR member may type in HR columns from the next tick', () => {
    h.edit('Staff', 'new', { Name: 'Pavel', 'E-mail': 'pavel.hr@example.com', Department: 'HR' }, BOSS);
    expect(h.rows('Staff').some((r) => r['E-mail'] === 'pavel.hr@example.com')).toBe(true);
    expect(() => h.edit('Orders', 2, { 'HR received': '2026-11-23 10:00' }, 'pavel.hr@example.com')).toThrow(PROTECTED);
    h.timer();
    expect(() => h.edit('Orders', 2, { 'HR received': '2026-11-23 10:00' }, 'pavel.hr@example.com')).not.toThrow();
    expect(() => h.edit('Orders', 2, { Vacancy: 'x' }, 'pavel.hr@example.com')).toThrow(PROTECTED);
  });

  test("a stranger cannot change a call's Client e-mail or a candidate's e-mail", () => {
    h.edit(
      'Calls',
      'new',
      {
        Type: 'First call',
        'Order ID': 'ORD-2026-0001',
        Start: '2026-11-25 10:00',
        'Client e-mail': 'petr@romashka.example',
        'Manager e-mail': BOSS,
      },
      SALES,
    );
    for (const user of [STRANGER, PARTNER, HR])
      expect(() => h.edit('Calls', 2, { 'Client e-mail': 'thief@evil.example' }, user)).toThrow(PROTECTED);
    for (const user of [STRANGER, PARTNER, SALES])
      expect(() => h.edit('Candidates', 2, { 'E-mail': 'thief@evil.example' }, user)).toThrow(PROTECTED);
    h.unprotect('Calls');
    h.unprotect('Candidates');
    h.edit('Calls', 2, { 'Client e-mail': 'thief@evil.example' }, STRANGER);
    h.edit('Candidates', 2, { 'E-mail': 'thief@evil.example' }, STRANGER);
    expect(h.rows('Calls')[0]['Client e-mail']).toBe('petr@romashka.example');
    expect(h.rows('Candidates')[0]['E-mail']).toBe('olga@mail.example');
    expect(refusedLines(h).map((l) => String(l['Details']))).toEqual([
      expect.stringContaining('thief@evil.example'),
      expect.stringContaining('thief@evil.example'),
    ]);
  });

  test('a refused paste keeps what was there and its type: "007" stays text, "=1+1" stays text, never emptied', () => {
    h.edit('Orders', 2, { 'Contact person': '=1+1' }, SALES);
    expect(h.rows('Orders')[0]['Contact person']).toBe('=1+1');
    h.unprotect('Orders');
    const app = h.ws.ctx.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp;
    const sheet = app.getActiveSpreadsheet().getSheetByName('Orders')!;
    // A paste brings the copied cells' format with it: the cells are no longer plain text.
    sheet.getRange(2, 2, 1, 2).setNumberFormat('0');
    h.edit('Orders', 2, { Client: '8', 'Contact person': '9' }, HR);
    // A one-cell paste carries no old value in the event either.
    h.edit('Orders', 2, { Vacancy: 'Вставка' }, HR, undefined, { paste: true });
    const row = h.rows('Orders')[0];
    expect(row['Client']).toBe('007');
    expect(row['Contact person']).toBe('=1+1');
    expect(row['Vacancy']).toBe(ORDER.Vacancy);
    expect(sheet.getRange(2, 3).getFormula()).toBe('');
    expect(refusedLines(h)).toHaveLength(3);
  });

  test('a refused clear puts the value back (a one-cell Delete carries the old value, a block Delete does not)', () => {
    h.unprotect('Orders');
    h.edit('Orders', 2, { Vacancy: '' }, HR);
    h.edit('Orders', 2, { Client: '', 'Contact person': '' }, HR);
    const row = h.rows('Orders')[0];
    expect(row['Vacancy']).toBe(ORDER.Vacancy);
    expect(row['Client']).toBe('007');
    expect(row['Contact person']).toBe(ORDER['Contact person']);
  });

  test('an edit made while a tick holds the lock for 240 s is recorded and enforced once the lock is free', () => {
    h.unprotect('Orders');
    const runs = h.edit('Orders', 2, { Vacancy: 'Программист' }, HR, '2026-11-23T10:00', { lockHeldFor: 240000 });
    const installable = runs.find((r) => r.fn === 'onEditInstallable')!;
    expect(installable.ok).toBe(true); // no "Lock timeout" failure
    expect(h.ws.spreadsheet.toasts.some((t) => /checked as soon as it ends/.test(t.message))).toBe(true);
    // Not yet enforced: the run holding the lock has not let go.
    expect(h.rows('Orders')[0]['Vacancy']).toBe('Программист');
    // A tick while it is still held skips; the next one enforces it.
    expect(h.tick('2026-11-23T10:02').ok).toBe(true);
    expect(h.rows('Orders')[0]['Vacancy']).toBe('Программист');
    h.tick('2026-11-23T10:05');
    expect(h.rows('Orders')[0]['Vacancy']).toBe(ORDER.Vacancy);
    expect(refusedLines(h)).toEqual([expect.objectContaining({ User: logged(account, HR), 'Row key': 'ORD-2026-0001' })]);
    expect(h.rows('Log').some((l) => l['Action'] === 'Edit checked after a busy run')).toBe(true);
  });

  test('an edit after the lock is free enforces the recorded ones first; a later allowed edit of the same cell wins', () => {
    h.unprotect('Orders');
    h.edit('Orders', 2, { Vacancy: 'Программист', Client: 'Взлом' }, HR, '2026-11-23T10:00', { lockHeldFor: 240000 });
    h.edit('Orders', 2, { Vacancy: 'Старший оператор' }, h.ws.owner, '2026-11-23T10:01'); // still held: recorded too
    expect(h.rows('Orders')[0]['Client']).toBe('Взлом');
    h.edit('Orders', 2, { 'Contact person': 'Мария' }, h.ws.owner, '2026-11-23T10:04:30'); // free again
    const row = h.rows('Orders')[0];
    expect(row['Vacancy']).toBe('Старший оператор'); // the owner's, typed over HR's before the check
    expect(row['Client']).toBe('007');
    expect(row['Contact person']).toBe('Мария');
    expect(refusedLines(h)).toEqual([expect.objectContaining({ User: logged(account, HR) })]);
    expect(String(refusedLines(h)[0]['Details'])).toContain('Взлом');
  });

  test('a row added after setup is protected like the first, whole columns included', () => {
    const app = h.ws.ctx.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp;
    const sheet = app.getActiveSpreadsheet().getSheetByName('Orders')!;
    const max = sheet.getMaxRows();
    sheet.insertRowsAfter(max, 20); // the sheet grows past the rows it had at setup
    const row = max + 10;
    expect(() => h.ws.spreadsheet.personEdit('Orders', row, 7, [['x']], HR)).toThrow(PROTECTED); // Vacancy: Sales'
    expect(() => h.ws.spreadsheet.personEdit('Orders', row, 28, [['Completed']], SALES)).toThrow(PROTECTED); // Status*
    expect(() => h.ws.spreadsheet.personEdit('Orders', row, 7, [['x']], SALES)).not.toThrow();
    expect(() => h.ws.spreadsheet.personEdit('Orders', 2, 7, [['x']], HR)).toThrow(PROTECTED);
  });

  test('whole-column protections survive a save and a reopen (the next CLI command)', async () => {
    const next = await h.reopen();
    const app = next.ws.ctx.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp;
    const sheet = app.getActiveSpreadsheet().getSheetByName('Orders')!;
    const max = sheet.getMaxRows();
    sheet.insertRowsAfter(max, 3);
    expect(() => next.ws.spreadsheet.personEdit('Orders', max + 2, 7, [['x']], HR)).toThrow(PROTECTED);
    expect(sheet.getProtections(app.ProtectionType.RANGE).map((p) => p.getRange().getA1Notation())).toContain('G:T');
  });

  test('the hidden tabs cannot be edited by anyone but the owner, the domain included', () => {
    h.edit(
      'Calls',
      'new',
      {
        Type: 'First call',
        'Order ID': 'ORD-2026-0001',
        Start: '2026-11-25 10:00',
        'Client e-mail': 'petr@romashka.example',
        'Manager e-mail': BOSS,
      },
      SALES,
    );
    const hidden = h.ws.spreadsheet.sheetNames().filter((n) => n.startsWith('_'));
    expect(hidden).toEqual(expect.arrayContaining(['_Orders', '_HR agreements', '_Staff', '_Calls', '_Calls sync']));
    for (const name of hidden) {
      for (const user of [BOSS, SALES, 'someone@example.com'])
        expect(() => h.ws.spreadsheet.personEdit(name, 2, 1, [['x']], user)).toThrow(PROTECTED);
      const p = h.ws.spreadsheet.model.protections.find(
        (x) => x.type === 'SHEET' && x.sheetId === h.ws.spreadsheet.model.sheets.find((s) => s.name === name)!.id,
      )!;
      expect(p.domainEdit).toBe(false);
    }
    expect(() => h.ws.spreadsheet.personEdit('_Orders', 2, 1, [['x']], h.ws.owner)).not.toThrow();
  });

  test("the call's manager marks it Done and writes the comment; others cannot", () => {
    h.edit('Calls', 'new', { Type: 'Repeat call', Start: '2026-11-25 10:00', 'Candidate IDs': 'C-1', 'Manager e-mail': LEAD }, SALES);
    // HR and strangers are refused by Google outright.
    expect(() => h.edit('Calls', 2, { Comment: 'x' }, HR)).not.toThrow(); // HR is on Staff: only onEdit can tell
    expect(h.rows('Calls')[0]['Comment']).toBe('');
    expect(() => h.edit('Calls', 2, { Comment: 'x' }, STRANGER)).toThrow(PROTECTED);
    // Status is Sales', the Client department's and Management's: HR cannot cancel a call.
    expect(() => h.edit('Calls', 2, { Status: 'Cancelled' }, HR)).toThrow(PROTECTED);
    h.edit('Calls', 2, { Status: 'Done', Comment: 'Details agreed.' }, LEAD);
    const done = h.rows('Calls')[0];
    if (account === 'workspace') {
      expect(done['Status']).toBe('Done');
      expect(done['Comment']).toBe('Details agreed.');
    } else {
      // Google does not say who typed it: a row-level rule cannot hold, so it is undone …
      expect(done['Status']).toBe('');
      expect(done['Comment']).toBe('');
      expect(refusedLines(h).some((l) => /Use the Reglament sidebar/.test(String(l['Details'])))).toBe(true);
    }
  });

  test('on every account the sidebar marks a call Done for its manager: it runs as the person who clicks', () => {
    h.edit('Calls', 'new', { Type: 'Repeat call', Start: '2026-11-25 10:00', 'Candidate IDs': 'C-1', 'Manager e-mail': LEAD }, SALES);
    const ref = { sheet: 'Calls', row: 2, id: String(h.rows('Calls')[0]['Call ID']) };
    const sales = h.ws.invoke('uiMarkCallDone', { kind: 'ui', user: SALES, args: [ref] });
    expect((sales.result as { ok: boolean }).ok).toBe(false);
    const lead = h.ws.invoke('uiMarkCallDone', { kind: 'ui', user: LEAD, args: [ref] });
    expect((lead.result as { ok: boolean }).ok).toBe(true);
    h.tick('2026-11-23T09:05'); // the owner's tick applies it with Lena's rights
    expect(h.rows('Calls')[0]['Status']).toBe('Done');
    expect(refusedLines(h)).toHaveLength(0);
    expect(h.rows('Log').some((l) => l['User'] === LEAD)).toBe(true);
  });

  test('a renamed column header is put back for anyone but the owner', () => {
    h.ws.spreadsheet.personEdit('Orders', 1, 7, [['Вакансия (моя)']], SALES); // inside Sales' protection: Google lets it
    const app = h.ws.ctx.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp;
    const range = app.getActiveSpreadsheet().getSheetByName('Orders')!.getRange(1, 7);
    fireAs(h, range, SALES);
    expect(range.getValue()).toBe('Vacancy');
    expect(refusedLines(h).some((l) => /Only the spreadsheet owner renames column headers/.test(String(l['Details'])))).toBe(true);
  });

  test('only the owner sets up the workbook: run by an editor from the menu, setup changes no protection', () => {
    const before = JSON.stringify(h.ws.spreadsheet.model.protections);
    const run = h.ws.invoke('setupWorkbook', { kind: 'ui', user: SALES });
    expect(run.ok).toBe(false);
    expect(run.error).toContain('Only the spreadsheet owner (owner@example.com) sets up the workbook');
    expect(JSON.stringify(h.ws.spreadsheet.model.protections)).toBe(before);
    expect(h.ws.invoke('setupWorkbook', { kind: 'ui', user: h.ws.owner }).ok).toBe(true);
  });

  test("Selections: HR ticks Done, nobody else; the plan is the system's", () => {
    expect(() => h.ws.spreadsheet.personEdit('Selections', 2, 7, [[true]], SALES)).toThrow(PROTECTED);
    expect(() => h.ws.spreadsheet.personEdit('Selections', 2, 7, [[true]], HR)).not.toThrow();
    expect(() => h.ws.spreadsheet.personEdit('Selections', 2, 3, [['2026-12-01']], HR)).toThrow(PROTECTED);
  });
});

describe('who Google names on Workspace', () => {
  test('the owner and the domain are named in the Log; an editor from another domain is an unknown user', async () => {
    const h = await workbook('workspace');
    try {
      h.unprotect('Orders');
      h.edit('Orders', 2, { Vacancy: 'A' }, HR);
      h.edit('Orders', 2, { Vacancy: 'B' }, PARTNER);
      h.edit('Orders', 2, { 'Order ID': 'X' }, h.ws.owner);
      expect(refusedLines(h).map((l) => l['User'])).toEqual([HR, 'unknown user', 'owner@example.com']);
    } finally {
      h.close();
    }
  });

  test('in a Russian workbook the unknown editor is «неизвестный пользователь»', async () => {
    const h = await openHarness({ locale: 'ru', now: '2026-11-23T09:00' });
    try {
      h.edit('Сотрудники', 'new', { Имя: 'Анна', 'E-mail': SALES, Отдел: 'Отдел продаж' }, h.ws.owner);
      h.unprotect('Заказы');
      h.edit('Заказы', 'new', { Клиент: 'Ромашка' }, SALES);
      h.unprotect('Сотрудники');
      h.edit('Сотрудники', 2, { Отдел: 'Руководство' }, SALES);
      expect(h.rows('Сотрудники')[0]['Department']).toBe('Отдел продаж');
      expect(
        h
          .rows('Журнал')
          .filter((l) => l['Action'] === 'Изменение отклонено')
          .map((l) => l['User']),
      ).toContain('неизвестный пользователь');
    } finally {
      h.close();
    }
  });
});

describe('the daily trigger runtime', () => {
  test("a tick past the day's trigger runtime fails with Google's text; the next day it runs again", async () => {
    const h = await openHarness({ now: '2026-11-23T09:00', limits: { triggerRuntimePerDayMs: 4000 } });
    try {
      const runs = h.run('2026-11-23T09:05', '2026-11-23T12:00', '5m');
      const failed = runs.filter((r) => !r.ok);
      expect(failed.length).toBeGreaterThan(0);
      expect(failed.every((r) => r.error === 'Service using too much computer time for one day')).toBe(true);
      expect(runs[0].ok).toBe(true);
      // The sidebar and the editor are not triggers: they still run.
      expect(h.ws.invoke('uiSelection', { kind: 'ui', user: SALES }).ok).toBe(true);
      // 24 hours after the first counted run the quota is whole again.
      expect(h.tick('2026-11-24T09:06').ok).toBe(true);
    } finally {
      h.close();
    }
  });

  test('an installable onEdit counts too, the simple onEdit does not', async () => {
    const h = await openHarness({ now: '2026-11-23T09:00', limits: { triggerRuntimePerDayMs: 1 } });
    try {
      const runs = h.edit('Orders', 'new', { Client: 'Acme' }, h.ws.owner);
      expect(runs.find((r) => r.fn === 'onEdit')!.ok).toBe(true);
      const installable = runs.find((r) => r.fn === 'onEditInstallable')!;
      expect(installable.ok).toBe(false);
      expect(installable.error).toBe('Service using too much computer time for one day');
    } finally {
      h.close();
    }
  });
});
