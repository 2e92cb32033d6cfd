/**
 * Issue 15: an Orders edit costs the same whatever the Log and the HR agreements hold. The
 * edited order's agreements are found by Order ID (one column read, then their rows), not by
 * reading the whole tab; the Log is appended without being read; the mirror is sized before the
 * run writes, so the write cache is sent once, at the end of the run.
 */
import { openHarness, Harness } from './harness';
import { RunRecord } from '../../workspace/runtime/workspace';
import { cellsRead, installable, load } from './costs';
import { tabDef } from '../../src/core/schema';
import { mirrorSheetName } from '../../src/app/guard/mirror';

const SALES = 'anna.sales@example.com';
const HR = 'irina.hr@example.com';
const FILLER = 300;

const ORDER: Record<string, string> = {
  Client: 'ООО «Ромашка»',
  'Contact person': 'Пётр Иванов',
  'Client e-mail': 'petr@romashka.example',
  'Client phone': '+7 999 123-45-67',
  'Client language': 'Russian',
  Vacancy: 'Оператор call-центра',
  'Vacancy description': 'Входящие звонки',
  'Fintops company link': 'https://fintops.example/company/42',
  'Request link': 'https://docs.example/request/42',
  'Publication from': '2026-11-23',
  'Publication to': '2026-12-23',
  'Paid services': 'Подбор резюме',
  'Paid from': '2026-11-23',
  'Paid to': '2026-12-31',
  Sum: '45000',
  'Contract link': 'https://docs.example/contract/42',
  'Sales manager': SALES,
  Terms: 'Individual',
  'HR specialist': HR,
};

const calls = (run: RunRecord, call: string) => run.calls.find((c) => c.call === call) ?? { count: 0, estimatedMs: 0 };

function agreementRow(id: number, orderId: string, answer: string): unknown[] {
  const rec: Record<string, unknown> = {
    agreementId: `AGR-2026-${String(id).padStart(4, '0')}`,
    orderId,
    requestedBy: SALES,
    expectedResumes: 40,
    expectedCalls: 30,
    risks: '—',
    answer,
  };
  return tabDef('agreements').columns.map((c) => rec[c.key] ?? '');
}

describe('an Orders edit does not grow with the HR agreements or the Log', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await openHarness({ locale: 'en' });
    h.edit('Staff', 'new', { Name: 'Anna', 'E-mail': SALES, Department: 'Sales' }, h.ws.owner);
    h.edit('Staff', 'new', { Name: 'Irina', 'E-mail': HR, Department: 'HR' }, h.ws.owner);
    h.timer(); // their access to their departments' columns
    h.edit('Orders', 'new', ORDER, SALES); // ORD-2026-0001: agreed, among many others' agreements
    h.edit('Orders', 'new', ORDER, SALES); // ORD-2026-0002: refused first, then its latest is agreed
    h.edit('Orders', 'new', ORDER, SALES); // ORD-2026-0003: no agreement
    const rows: unknown[][] = [];
    for (let k = 0; k < FILLER; k++) rows.push(agreementRow(k + 1, `ORD-2025-${String(k + 1).padStart(4, '0')}`, 'Agreed'));
    rows.splice(120, 0, agreementRow(901, 'ORD-2026-0001', 'Agreed'));
    rows.splice(10, 0, agreementRow(902, 'ord-2026-0002', 'Agreed'));
    rows.splice(200, 0, agreementRow(903, 'ORD-2026-0002', 'Refused'));
    load(h, 'HR agreements', rows);
  });
  afterAll(() => h.close());

  test("the edited order's agreement is found among hundreds without reading the tab, and the HR gate still holds", () => {
    const edit = installable(h.edit('Orders', 2, { Vacancy: 'Старший оператор' }, SALES));
    expect(edit.ok).toBe(true);
    const agreementCells = (FILLER + 4) * tabDef('agreements').columns.length;
    expect(cellsRead(edit)).toBeLessThan(agreementCells / 2);
    // The latest agreement of an order counts (here Refused, though an earlier one was Agreed).
    h.edit('Orders', 2, { 'Hand off': 'TRUE' }, SALES);
    h.edit('Orders', 3, { 'Hand off': 'TRUE' }, SALES);
    h.edit('Orders', 4, { 'Hand off': 'TRUE' }, SALES);
    const orders = h.rows('Orders');
    // Each order's own agreement, found by ID among 300 others (its latest, whatever the case).
    expect(String(orders[0]['Problems'])).toMatch(/AGR-2026-0901/);
    expect(String(orders[1]['Problems'])).toMatch(/AGR-2026-0903 has not been agreed/);
    expect(String(orders[1]['Problems'])).not.toMatch(/AGR-2026-0902/);
    expect(String(orders[2]['Problems'])).not.toMatch(/AGR-/);
    expect(String(orders[2]['Problems'])).toMatch(/agree/i);
    for (const o of orders) expect(o['Status']).not.toBe('Handed off');
  });

  test('an allowed edit sends the write cache once, at the end; one that logs costs the same with 5,000 more Log lines', () => {
    // A bad e-mail is flagged and logged; put right, it is not: the same two edits before and after.
    const flag = () => installable(h.edit('Orders', 3, { 'Client e-mail': 'not an e-mail' }, SALES));
    const fix = () => installable(h.edit('Orders', 3, { 'Client e-mail': 'petr@romashka.example' }, SALES));
    flag();
    fix();
    const before = flag();
    // An edit that logs nothing reads nothing after its writes: the cache is sent once. (One
    // that logs reads the Log's last row at the end, after its writes: a second send.)
    const fixed = fix();
    expect(calls(fixed, 'Sheets write cache flush').count).toBe(1);
    const logLines = h.rows('Log').length;
    const at = new Date('2026-11-01T00:00:00Z').getTime();
    load(
      h,
      'Log',
      Array.from({ length: 5000 }, (_, i) => [new Date(at + i * 60000), SALES, 'Orders', 'ORD-2026-0001', 'Edited', 'Vacancy']),
    );
    const after = flag();
    expect(h.rows('Log').length).toBeGreaterThan(logLines + 5000); // this edit was logged too
    expect(after.calls).toEqual(before.calls);
  });

  test('an edit reads no mirror size the last edit left; a mirror someone shrank is sized and written again', () => {
    installable(h.edit('Orders', 3, { Vacancy: 'Оператор (день)' }, SALES));
    const next = installable(h.edit('Orders', 3, { Vacancy: 'Оператор (вечер)' }, SALES));
    expect([calls(next, 'Sheet.getMaxRows').count, calls(next, 'Sheet.getMaxColumns').count]).toEqual([0, 0]);
    // The owner removes the hidden mirror's blank rows: the kept size is now too large.
    const ss = (h.ws.ctx.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp).getActiveSpreadsheet();
    const mirror = mirrorSheetName(ss.getSheetByName('Orders')!.getName());
    const sheet = ss.getSheetByName(mirror)!;
    sheet.deleteRows(sheet.getLastRow() + 1, sheet.getMaxRows() - sheet.getLastRow());
    const added = installable(h.edit('Orders', 'new', { ...ORDER, Vacancy: 'Оператор (ночь)' }, SALES));
    expect(added.ok).toBe(true);
    expect(calls(added, 'Sheet.getMaxRows').count).toBe(1); // the refused write read the size
    const rows = h.ws.spreadsheet.readValues(mirror);
    const tab = h.ws.spreadsheet.readValues('Orders');
    expect(rows.length).toBe(tab.length);
    expect(rows[rows.length - 1].map(String)).toEqual(tab[tab.length - 1].map(String));
  });

  test('a paid order’s later edit finds its payment notice Sent in the Outbox and reads no Templates', () => {
    const settings = h.rows('Settings');
    const row = settings.findIndex((r) => String(r['Key']) === 'Client-department e-mail') + 2;
    expect(row).toBeGreaterThan(1);
    h.edit('Settings', row, { Value: 'client.dept@example.com' }, h.ws.owner);
    h.edit('Orders', 'new', { ...ORDER, 'Payment received': '2026-11-20' }, SALES);
    const id = String(h.rows('Orders').slice(-1)[0]['Order ID']);
    const notice = () => h.rows('Outbox').filter((r) => r['Key'] === `payment:${id}`);
    expect(notice().map((r) => r['State'])).toEqual(['Sent']);
    const mails = h.ws.mail.sent().length;
    const later = installable(h.edit('Orders', h.rows('Orders').length + 1, { Vacancy: 'Оператор (ночь)' }, SALES));
    expect(later.ok).toBe(true);
    expect(h.ws.mail.sent().length).toBe(mails);
    expect(notice()).toHaveLength(1);
    // Whole-tab reads: Settings and Staff; the Templates tab is read only to compose a mail that goes.
    expect(calls(later, 'Sheet.getDataRange').count).toBeLessThanOrEqual(2);
  });
});
