import * as fs from 'fs';
import { simpleParser } from 'mailparser';
import { openHarness, Harness } from './harness';

const SALES = 'anna.sales@example.com';
const HR = 'irina.hr@example.com';
const CLIENT_DEPT = 'client.dept@example.com';
const BOSS = 'boss@example.com';

const COMPLETE_ORDER: Record<string, string> = {
  Client: 'ООО «Ромашка» <b>bold</b>',
  'Contact person': 'Пётр Иванов',
  'Client e-mail': 'petr@romashka.example',
  'Client phone': '+7 999 123-45-67',
  'Client language': 'Russian',
  Vacancy: 'Оператор call-центра',
  'Vacancy description': '=HYPERLINK("http://evil.example","click")',
  'Fintops company link': 'https://fintops.example/company/42',
  'Request link': 'https://docs.example/request/42',
  'Publication from': '2026-11-23',
  'Publication to': '2026-12-23',
  'Paid services': 'Подбор резюме',
  'Paid from': '2026-11-23',
  'Paid to': '2026-12-31',
  Sum: '45000',
  'Bonuses and discounts': 'скидка 5%',
  'Contract link': 'https://docs.example/contract/42',
  'Payment received': '2026-11-23',
  'Sales manager': SALES,
  Terms: 'Standard',
  'HR specialist': HR,
};

async function workbook(): Promise<Harness> {
  const h = await openHarness({ locale: 'en', timeZone: 'Europe/Moscow', now: '2026-11-23T09:00' });
  h.edit('Settings', 4, { Value: CLIENT_DEPT }, h.ws.owner);
  const staff: Array<[string, string, string]> = [
    ['Anna', SALES, 'Sales'],
    ['Irina', HR, 'HR'],
    ['Client dept', CLIENT_DEPT, 'Client department'],
    ['Boris', BOSS, 'Management'],
  ];
  for (const [name, email, dept] of staff)
    h.edit('Staff', 'new', { Name: name, 'E-mail': email, Department: dept, 'Manager e-mail': BOSS }, h.ws.owner);
  h.timer(); // the staff's access to their departments' columns
  return h;
}

function mailsTo(h: Harness, to: string) {
  return h.ws.mail.sent().filter((m) => m.to.includes(to) && !/^Payment received/.test(m.subject));
}

/** The payment notices the Client department got (seed 000: it learns of each payment). */
function paymentNotices(h: Harness) {
  return h.ws.mail.sent().filter((m) => m.to.includes(CLIENT_DEPT) && /^Payment received/.test(m.subject));
}

describe('Orders: IDs, status and the hand-off to the Client department', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await workbook();
  });
  afterEach(() => h.close());

  test('a new order gets an ID and is a Draft until payment, then Paid', () => {
    h.edit('Orders', 'new', { Client: 'Acme', 'Sales manager': SALES }, SALES);
    let order = h.rows('Orders')[0];
    expect(order['Order ID']).toBe('ORD-2026-0001');
    expect(order['Status']).toBe('Draft');
    h.edit('Orders', 2, { 'Payment received': '2026-11-23' }, SALES);
    order = h.rows('Orders')[0];
    expect(order['Status']).toBe('Paid');
    expect(order['Order ID']).toBe('ORD-2026-0001');
  });

  test('a complete paid order ticked Hand off is e-mailed once to the Client department as a table, and recorded', async () => {
    h.edit('Orders', 'new', COMPLETE_ORDER, SALES);
    h.edit('Orders', 2, { 'Hand off': 'TRUE' }, SALES, '2026-11-23T11:30');
    const order = h.rows('Orders')[0];
    expect(order['Problems']).toBe('');
    expect(order['Status']).toBe('Handed off');
    // Recorded at the edit's moment (the simulated clock moves on by the calls' latency).
    expect(Math.abs((order['Handed off at'] as Date).getTime() - Date.parse('2026-11-23T08:30:00Z'))).toBeLessThan(5000);
    const mails = mailsTo(h, CLIENT_DEPT);
    expect(mails).toHaveLength(1);
    await h.ws.save();
    const parsed = await simpleParser(fs.readFileSync(mails[0].path!));
    expect(parsed.subject).toContain('ORD-2026-0001');
    expect(parsed.html).toContain('<table');
    expect(parsed.html).toContain('https://docs.example/contract/42');
    expect(parsed.html).toContain('https://fintops.example/company/42');
    // Cell text reaches the e-mail as inert text.
    expect(parsed.html).toContain('&lt;b&gt;bold&lt;/b&gt;');
    expect(parsed.html).not.toContain('<b>bold</b>');
    expect(parsed.text).toContain('=HYPERLINK("http://evil.example","click")');
    expect(parsed.text).toContain('45');
    const outbox = h.rows('Outbox');
    expect(outbox).toEqual([
      expect.objectContaining({ Key: 'payment:ORD-2026-0001', State: 'Sent', Attempts: 1 }),
      expect.objectContaining({ Key: 'handoff:ORD-2026-0001', State: 'Sent', Attempts: 1 }),
    ]);
    // The terms are their own table; the client's request is linked.
    expect(parsed.text).toContain('https://docs.example/request/42');
    expect(parsed.text).toMatch(/Terms of work and the HR agreement:\n\s*Item\s*\|\s*Value/);
    expect(h.rows('Log').some((l) => l['Action'] === 'Handed off' && l['Row key'] === 'ORD-2026-0001')).toBe(true);
  });

  test('a second tick, a re-run and a tick after the fact never send the hand-off twice', () => {
    h.edit('Orders', 'new', COMPLETE_ORDER, SALES);
    h.edit('Orders', 2, { 'Hand off': 'TRUE' }, SALES);
    h.edit('Orders', 2, { 'Hand off': 'FALSE' }, SALES);
    h.edit('Orders', 2, { 'Hand off': 'TRUE' }, SALES);
    h.tick('2026-11-23T12:00');
    h.tick('2026-11-23T12:05');
    expect(mailsTo(h, CLIENT_DEPT)).toHaveLength(1);
  });

  const required = [
    'Client',
    'Contact person',
    'Client e-mail',
    'Client phone',
    'Vacancy',
    'Vacancy description',
    'Fintops company link',
    'Publication from',
    'Publication to',
    'Paid services',
    'Paid from',
    'Paid to',
    'Sum',
    'Payment received',
    'Sales manager',
    'Request link',
  ];
  test.each(required)('a hand-off missing %s is refused: tick cleared, problem listed and noted, nothing typed lost', (column) => {
    const order = { ...COMPLETE_ORDER, [column]: '' };
    h.edit('Orders', 'new', order, SALES);
    h.edit('Orders', 2, { 'Hand off': 'TRUE' }, SALES);
    const row = h.rows('Orders')[0];
    expect(row['Hand off']).toBe(false);
    expect(row['Handed off at']).toBe('');
    expect(String(row['Problems'])).toContain(column);
    expect(row['Client e-mail']).toBe(order['Client e-mail']);
    expect(mailsTo(h, CLIENT_DEPT)).toHaveLength(0);
    expect(h.ws.spreadsheet.toasts.some((t) => /Not handed off/.test(t.message))).toBe(true);
    const note = h.ws.spreadsheet.model ? readNote(h, 'Orders', 2, 'Hand off') : '';
    expect(note).toContain(column);
  });

  test('job sites are required when job-site posting is paid', () => {
    h.edit('Orders', 'new', { ...COMPLETE_ORDER, 'Paid services': 'Подбор резюме, Размещение на сайтах вакансий' }, SALES);
    h.edit('Orders', 2, { 'Hand off': 'TRUE' }, SALES);
    expect(String(h.rows('Orders')[0]['Problems'])).toContain('Job sites');
    // Two edits: one paste from Job sites to Hand off would span HR's protected "HR received".
    h.edit('Orders', 2, { 'Job sites': 'hh.ru, superjob.ru' }, SALES);
    h.edit('Orders', 2, { 'Hand off': 'TRUE' }, SALES);
    expect(h.rows('Orders')[0]['Status']).toBe('Handed off');
  });

  test.each([
    ['Client e-mail', 'petr@', 'Client e-mail'],
    ['Fintops company link', 'fintops company 42', 'Fintops company link'],
    ['Sum', '-5', 'Sum'],
    ['Sum', 'сорок тысяч', 'Sum'],
    ['Paid to', '2026-11-01', 'Paid'],
  ])('bad input %s = "%s" keeps its value and the row shows the problem', (column, value, mentioned) => {
    h.edit('Orders', 'new', { ...COMPLETE_ORDER, [column]: value }, SALES);
    const row = h.rows('Orders')[0];
    expect(String(row['Problems'])).toContain(mentioned);
    expect(String(row[column] instanceof Date ? 'date' : row[column])).not.toBe('');
    h.edit('Orders', 2, { 'Hand off': 'TRUE' }, SALES);
    expect(h.rows('Orders')[0]['Hand off']).toBe(false);
  });
});

function readNote(h: Harness, sheet: string, row: number, header: string): string {
  const app = h.ws.ctx.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp;
  const s = app.getActiveSpreadsheet().getSheetByName(sheet)!;
  const headers = s.getRange(1, 1, 1, s.getLastColumn()).getValues()[0];
  return s.getRange(row, headers.indexOf(header) + 1).getNote();
}

describe('HR agreements: individual terms need HR first', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await workbook();
  });
  afterEach(() => h.close());

  test('an individual order cannot be handed off before HR agrees; the request and the answer are e-mailed', () => {
    h.edit('Orders', 'new', { ...COMPLETE_ORDER, Terms: 'Individual' }, SALES);
    h.edit('Orders', 2, { 'Hand off': 'TRUE' }, SALES);
    expect(h.rows('Orders')[0]['Hand off']).toBe(false);
    expect(String(h.rows('Orders')[0]['Problems'])).toMatch(/agree/i);

    h.edit(
      'HR agreements',
      'new',
      {
        'Order ID': 'ORD-2026-0001',
        'Requested by': SALES,
        'Expected resumes': '40',
        'Expected calls': '30',
        Risks: 'refund if fewer than 10 come',
        'Selection weekdays': 'Tue',
        'Resumes per selection': '40',
      },
      SALES,
    );
    const agreement = h.rows('HR agreements')[0];
    expect(agreement['Agreement ID']).toBe('AGR-2026-0001');
    const request = mailsTo(h, HR);
    expect(request).toHaveLength(1);
    expect(request[0].subject).toContain('ORD-2026-0001');

    h.edit('HR agreements', 2, { Answer: 'Agreed', 'HR comment': 'ok, Tuesdays' }, HR, '2026-11-23T15:00');
    expect(Object.prototype.toString.call(h.rows('HR agreements')[0]['Answered at'])).toBe('[object Date]');
    expect(mailsTo(h, SALES).map((m) => m.subject)).toEqual([expect.stringContaining('Agreed')]);

    h.edit('Orders', 2, { 'Hand off': 'TRUE' }, SALES);
    expect(h.rows('Orders')[0]['Status']).toBe('Handed off');
    expect(mailsTo(h, CLIENT_DEPT)).toHaveLength(1);
  });

  test('the HR request and its answer go once, also after an edit of the agreement weeks later (their Outbox rows stay live)', () => {
    h.edit('Orders', 'new', { ...COMPLETE_ORDER, Terms: 'Individual' }, SALES, '2026-11-23T10:00');
    h.edit(
      'HR agreements',
      'new',
      { 'Order ID': 'ORD-2026-0001', 'Requested by': SALES, 'Expected resumes': '40', 'Expected calls': '30', Risks: 'none' },
      SALES,
      '2026-11-23T10:05',
    );
    h.edit('HR agreements', 2, { Answer: 'Agreed', 'HR comment': 'ok' }, HR, '2026-11-23T15:00');
    const counts = () => [mailsTo(h, HR).length, mailsTo(h, SALES).filter((m) => /Agreed/.test(m.subject)).length];
    expect(counts()).toEqual([1, 1]);
    h.tick('2027-01-10T09:00');
    // The daily move ran (November's Log lines left); the agreement's rows stayed live.
    expect(h.ws.spreadsheet.sheetNames()).toContain('Log 2026');
    const live = h.rows('Outbox').map((r) => String(r['Key']));
    expect(live.filter((k) => /^agreement-(request|answer):AGR-2026-0001:/.test(k))).toHaveLength(2);
    h.edit('HR agreements', 2, { 'HR comment': 'ok, Tuesdays' }, HR, '2027-01-10T10:00');
    h.tick('2027-01-10T10:05');
    expect(counts()).toEqual([1, 1]);
  });

  test('the HR request goes to the deputy when the HR specialist is absent', () => {
    h.edit('Staff', 'new', { Name: 'Pavel', 'E-mail': 'pavel.hr@example.com', Department: 'HR' }, h.ws.owner);
    h.edit('Staff', 3, { 'Deputy e-mail': 'pavel.hr@example.com', 'Absent until': '2026-11-30' }, h.ws.owner);
    h.edit('Orders', 'new', { ...COMPLETE_ORDER, Terms: 'Individual' }, SALES);
    h.edit(
      'HR agreements',
      'new',
      { 'Order ID': 'ORD-2026-0001', 'Requested by': SALES, 'Expected resumes': '40', 'Expected calls': '30', Risks: 'none' },
      SALES,
    );
    expect(mailsTo(h, HR)).toHaveLength(0);
    expect(mailsTo(h, 'pavel.hr@example.com')).toHaveLength(1);
  });
});

describe('the calling service needs HR first (seed 000)', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await workbook();
  });
  afterEach(() => h.close());

  test('a calling-service order cannot be handed off before HR agrees the expected numbers; the hand-off mail names who agreed and when', async () => {
    h.edit('Orders', 'new', { ...COMPLETE_ORDER, 'Paid services': 'Обзвон соискателей' }, SALES);
    h.edit('Orders', 2, { 'Hand off': 'TRUE' }, SALES);
    let order = h.rows('Orders')[0];
    expect(order['Hand off']).toBe(false);
    expect(String(order['Problems'])).toContain('The calling service is sold only after HR agrees it');
    expect(mailsTo(h, CLIENT_DEPT)).toHaveLength(0);

    // Sales files the expected numbers and risks; no individual item is asked on Standard terms.
    h.edit(
      'HR agreements',
      'new',
      {
        'Order ID': 'ORD-2026-0001',
        'Requested by': SALES,
        'Expected resumes': '50',
        'Expected calls': '100',
        'Expected agreeing': '12',
        'Expected coming': '6',
        Risks: 'refund if fewer than 3 come',
      },
      SALES,
    );
    expect(h.rows('HR agreements')[0]['Problems']).toBe('');
    // The agreement names no HR specialist: the request goes to the order's.
    expect(mailsTo(h, HR)).toHaveLength(1);
    h.edit('Orders', 2, { 'Hand off': 'TRUE' }, SALES);
    expect(String(h.rows('Orders')[0]['Problems'])).toContain('has not been agreed by HR yet');

    h.edit('HR agreements', 2, { Answer: 'Agreed' }, HR, '2026-11-23T14:20');
    expect(h.rows('HR agreements')[0]['HR specialist']).toBe('');
    h.edit('Orders', 2, { 'Hand off': 'TRUE' }, SALES, '2026-11-23T14:30');
    order = h.rows('Orders')[0];
    expect(order['Status']).toBe('Handed off');
    const mails = mailsTo(h, CLIENT_DEPT);
    expect(mails).toHaveLength(1);
    await h.ws.save();
    const parsed = await simpleParser(fs.readFileSync(mails[0].path!));
    expect(parsed.text).not.toMatch(/Agreed by \(HR\)\s*\|?\s*none/);
    expect(parsed.text).toMatch(/Agreed by \(HR\)[^\n]*irina\.hr@example\.com, 2026-11-23 14:2\d/);
    expect(parsed.text).toMatch(/Expected resumes[^\n]*50/);
    expect(parsed.text).toMatch(/Risks[^\n]*refund if fewer than 3 come/);
  });
});

describe('payment: Sales and the Client department both learn of it (seed 000)', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await workbook();
  });
  afterEach(() => h.close());

  test('Payment received filled tells the Client department once, with the order and the link to the payment scan', async () => {
    const { 'Payment received': _paid, ...draft } = COMPLETE_ORDER;
    h.edit('Orders', 'new', draft, SALES);
    expect(paymentNotices(h)).toHaveLength(0);
    // Two edits: the link sits after the system columns (issue 16 placed it there).
    h.edit('Orders', 2, { 'Payment document link': 'https://drive.example/scan?id=1&x=<b>' }, SALES);
    expect(paymentNotices(h)).toHaveLength(0);
    h.edit('Orders', 2, { 'Payment received': '2026-11-23' }, SALES);
    expect(paymentNotices(h)).toHaveLength(1);
    await h.ws.save();
    const eml = await simpleParser(fs.readFileSync(paymentNotices(h)[0].path!));
    expect(eml.subject).toBe('Payment received: ORD-2026-0001 — ООО «Ромашка» <b>bold</b>');
    expect(eml.text).toContain('https://drive.example/scan?id=1&x=<b>');
    expect(String(eml.html)).toContain('ООО «Ромашка» &lt;b&gt;bold&lt;/b&gt;');
    expect(String(eml.html)).not.toContain('<b>bold</b>');
    // A correction, another edit, a tick and the hand-off itself send no second notice.
    h.edit('Orders', 2, { 'Payment received': '2026-11-22' }, CLIENT_DEPT);
    h.tick('2026-11-23T12:00');
    h.edit('Orders', 2, { 'Hand off': 'TRUE' }, SALES);
    expect(paymentNotices(h)).toHaveLength(1);
    expect(h.rows('Outbox').filter((o) => o['Key'] === 'payment:ORD-2026-0001')).toHaveLength(1);
  });

  test('a payment dated in the future is not a payment yet: no notice until the day comes', () => {
    h.edit('Orders', 'new', { ...COMPLETE_ORDER, 'Payment received': '2026-11-25' }, SALES);
    expect(paymentNotices(h)).toHaveLength(0);
    expect(String(h.rows('Orders')[0]['Problems'])).toContain('in the future');
  });

  test('a notice whose send failed is retried by the tick and still goes once', () => {
    h.ws.mail.failNext(1);
    h.edit('Orders', 'new', COMPLETE_ORDER, SALES);
    expect(h.rows('Outbox').find((o) => o['Key'] === 'payment:ORD-2026-0001')).toEqual(
      expect.objectContaining({ State: 'Pending', Attempts: 1 }),
    );
    expect(paymentNotices(h)).toHaveLength(0);
    h.tick('2026-11-23T12:00');
    expect(h.rows('Outbox').find((o) => o['Key'] === 'payment:ORD-2026-0001')).toEqual(expect.objectContaining({ State: 'Sent', Attempts: 2 }));
    h.tick('2026-11-23T12:05');
    expect(paymentNotices(h)).toHaveLength(1);
  });
});

describe('enforcement on edit: departments and system columns', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await workbook();
    h.edit('Orders', 'new', COMPLETE_ORDER, SALES);
  });
  afterEach(() => h.close());

  test("an HR edit of a Sales column is refused by Google's protection; with the protection gone, onEdit undoes it and the Log keeps the value", () => {
    expect(() => h.edit('Orders', 2, { Vacancy: 'Программист' }, HR)).toThrow(/protected cell/);
    expect(h.rows('Orders')[0]['Vacancy']).toBe('Оператор call-центра');
    // An editor of the protection removed it: the rules on edit still hold. On this consumer
    // account Google does not say who typed, so the editor is unknown and has no rights.
    expect(h.unprotect('Orders')).toBeGreaterThan(0);
    h.edit('Orders', 2, { Vacancy: 'Программист' }, HR);
    expect(h.rows('Orders')[0]['Vacancy']).toBe('Оператор call-центра');
    const log = h.rows('Log').find((l) => l['Action'] === 'Edit refused');
    expect(log).toEqual(expect.objectContaining({ User: 'unknown user', 'Row key': 'ORD-2026-0001' }));
    expect(String(log!['Details'])).toContain('Программист');
    expect(h.ws.spreadsheet.toasts.some((t) => t.title === 'Edit undone')).toBe(true);
  });

  test('a multi-cell paste outside the department is undone cell by cell from the mirror', () => {
    h.unprotect('Orders');
    h.edit('Orders', 2, { Client: 'Paste A', 'Contact person': 'Paste B', Vacancy: 'Paste C' }, HR);
    const row = h.rows('Orders')[0];
    expect(row['Client']).toBe(COMPLETE_ORDER['Client']);
    expect(row['Contact person']).toBe(COMPLETE_ORDER['Contact person']);
    expect(row['Vacancy']).toBe(COMPLETE_ORDER['Vacancy']);
    expect(h.rows('Log').filter((l) => l['Action'] === 'Edit refused')).toHaveLength(3);
  });

  test('after rows are inserted above and sorted, a refused paste is still undone (rows found by ID)', () => {
    h.edit('Orders', 'new', { ...COMPLETE_ORDER, Client: 'Второй клиент' }, SALES);
    h.unprotect('Orders');
    const app = h.ws.ctx.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp;
    const sheet = app.getActiveSpreadsheet().getSheetByName('Orders')!;
    sheet.insertRowsBefore(2, 2); // a person inserts two empty rows above the orders
    // …and moves the second order above the first (as a sort would), by hand.
    const values = sheet.getRange(4, 1, 2, sheet.getLastColumn()).getValues();
    sheet.getRange(4, 1, 2, values[0].length).setValues([values[1], values[0]]);
    const rowOf = (id: string) => 2 + h.rows('Orders').findIndex((r) => r['Order ID'] === id) + 2;
    const row = rowOf('ORD-2026-0001');
    h.edit('Orders', row, { Client: 'Paste A', 'Contact person': 'Paste B' }, HR);
    const first = h.rows('Orders').find((r) => r['Order ID'] === 'ORD-2026-0001')!;
    expect(first['Client']).toBe(COMPLETE_ORDER['Client']);
    expect(first['Contact person']).toBe(COMPLETE_ORDER['Contact person']);
    // The mirror was copied anew: the next paste lines up again.
    h.edit('Orders', rowOf('ORD-2026-0002'), { Client: 'Paste C', 'Contact person': 'Paste D' }, HR);
    expect(h.rows('Orders').find((r) => r['Order ID'] === 'ORD-2026-0002')!['Client']).toBe('Второй клиент');
  });

  test('a system column typed over by the owner is restored', () => {
    h.edit('Orders', 2, { 'Order ID': 'MINE-1' }, h.ws.owner);
    expect(h.rows('Orders')[0]['Order ID']).toBe('ORD-2026-0001');
    expect(String(h.rows('Log').find((l) => l['Action'] === 'Edit refused')!['Details'])).toContain('MINE-1');
  });

  test('the Log and the system columns are protected: Google refuses a person who is not the owner', () => {
    expect(() => h.ws.spreadsheet.personEdit('Log', 2, 6, [['rewritten']], SALES)).toThrow(/protected cell/);
    expect(() => h.ws.spreadsheet.personEdit('Outbox', 2, 1, [['x']], HR)).toThrow(/protected cell/);
    expect(() => h.ws.spreadsheet.personEdit('Orders', 2, 28, [['Completed']], SALES)).toThrow(/protected cell/); // Status*
    // HR's answer column is HR's: Sales is refused by Google, HR may type.
    h.edit(
      'HR agreements',
      'new',
      { 'Order ID': 'ORD-2026-0001', 'Requested by': SALES, 'Expected resumes': '1', 'Expected calls': '1', Risks: '-' },
      SALES,
    );
    expect(() => h.ws.spreadsheet.personEdit('HR agreements', 2, 16, [['Agreed']], SALES)).toThrow(/protected cell/);
    expect(() => h.ws.spreadsheet.personEdit('HR agreements', 2, 16, [['Agreed']], HR)).not.toThrow();
  });

  test("a paste that spans another department's protected column is refused whole, as Sheets does", () => {
    expect(() => h.edit('Orders', 2, { 'Job sites': 'hh.ru', 'Hand off': 'TRUE' }, SALES)).toThrow(/protected cell/);
    expect(h.rows('Orders')[0]['Job sites']).toBe('');
  });

  test('Sales may edit its own columns; the edit stays', () => {
    h.edit('Orders', 2, { Vacancy: 'Старший оператор' }, SALES);
    expect(h.rows('Orders')[0]['Vacancy']).toBe('Старший оператор');
    expect(h.rows('Log').some((l) => l['Action'] === 'Edit refused')).toBe(false);
  });
});

describe('performance shape', () => {
  test("one edit's Spreadsheet calls do not grow with the number of orders", async () => {
    const counts: number[] = [];
    for (const n of [5, 300]) {
      const h = await workbook();
      try {
        const { bulkLoad } = await import('../../workspace/bench/report');
        const rows = Array.from({ length: n }, (_, i) => [`ORD-2026-${String(i + 1).padStart(4, '0')}`, `Client ${i}`]);
        bulkLoad(h.ws, 'Orders', rows);
        const runs = h.edit('Orders', 2, { Vacancy: 'x' }, SALES);
        counts.push(
          runs.reduce((s, r) => s + r.calls.filter((c) => /^(Range|Sheet|Spreadsheet)/.test(c.call)).reduce((a, c) => a + c.count, 0), 0),
        );
      } finally {
        h.close();
      }
    }
    expect(counts[1]).toBe(counts[0]);
  });
});
