import * as fs from 'fs';
import ExcelJS from 'exceljs';
import { openHarness, Harness } from './harness';
import { TABS } from '../../src/core/schema';

/** The tabs a person sees (hidden system mirrors start with "_"). */
const visibleTabs = (h: Harness) => h.ws.spreadsheet.sheetNames().filter((n) => !n.startsWith('_'));

describe('the bundle on the local Workspace: init → edit → tick through the .xlsx', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await openHarness({ locale: 'en', timeZone: 'America/New_York', now: '2026-11-23T09:00' });
  });
  afterAll(() => h.close());

  test('setup creates every tab of docs/DOMAIN.md §9 with its English headers, and the triggers', () => {
    expect(visibleTabs(h)).toEqual(TABS.map((t) => t.en));
    for (const tab of TABS) {
      const header = h.ws.spreadsheet.readValues(tab.en)[0];
      expect(header.slice(0, tab.columns.length)).toEqual(tab.columns.map((c) => c.en));
    }
    const handlers = h.ws.script
      .allTriggers()
      .map((t) => t.handler)
      .sort();
    expect(handlers).toEqual(['onEditInstallable', 'tick']);
  });

  test('values keep their types and zone across edit, tick and a reload from the files', async () => {
    h.edit(
      'Staff',
      'new',
      { Name: 'Anna', 'E-mail': 'anna@example.com', Department: 'Sales', 'Absent until': '2026-03-08' },
      h.ws.owner,
      '2026-11-23T10:00',
    );
    h.edit('Candidates', 'new', { 'Candidate ID': '<b>C-1</b>', Name: '=1+1', Phone: '+7 999 123-45-67', Status: '007' }, h.ws.owner);
    h.edit('Holidays', 'new', { Date: '2026-12-31', Name: 'New Year’s Eve', 'Working day?': 'FALSE' }, h.ws.owner);
    const tick = h.tick('2026-11-23T10:05');
    expect(tick.ok).toBe(true);
    const reopened = await h.reopen();
    const staff = reopened.rows('Staff')[0];
    // 2026-03-08 is DST day in New York: midnight is still EST (UTC-5).
    expect(Object.prototype.toString.call(staff['Absent until'])).toBe('[object Date]');
    expect((staff['Absent until'] as Date).toISOString()).toBe('2026-03-08T05:00:00.000Z');
    const candidate = reopened.rows('Candidates')[0];
    expect(candidate['Candidate ID']).toBe('<b>C-1</b>');
    expect(candidate['Name']).toBe('=1+1');
    expect(candidate['Phone']).toBe('+7 999 123-45-67');
    expect(candidate['Status']).toBe('007');
    const holiday = reopened.rows('Holidays').find((r) => r['Name'] === 'New Year’s Eve')!; // setup pre-fills Russian holidays too
    expect(holiday['Working day?']).toBe(false);
    expect((holiday['Date'] as Date).toISOString()).toBe('2026-12-31T05:00:00.000Z');
  });

  test('the .xlsx opens with an independent reader and holds the typed values', async () => {
    await h.ws.save();
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(fs.readFileSync(h.workbook) as unknown as ArrayBuffer);
    const staff = book.getWorksheet('Staff')!;
    expect(staff.getRow(1).getCell(1).value).toBe('Name');
    expect(staff.getRow(2).getCell(2).value).toBe('anna@example.com');
    expect(staff.getRow(2).getCell(6).value).toBeInstanceOf(Date);
    expect(book.getWorksheet('Candidates')!.getRow(2).getCell(2).value).toBe('=1+1');
  });

  test('running setup again repairs headers and never moves or rewrites data', async () => {
    const before = h.ws.spreadsheet.readValues('Staff');
    // A person deletes a header cell and renames another to its Russian form.
    h.ws.spreadsheet.personEdit('Staff', 1, 6, [['']], h.ws.owner);
    h.ws.spreadsheet.personEdit('Staff', 1, 1, [['Имя']], h.ws.owner);
    const run = h.ws.invoke('setupWorkbook', { kind: 'editor' });
    expect(run.ok).toBe(true);
    const after = h.ws.spreadsheet.readValues('Staff');
    expect(after[0][0]).toBe('Имя');
    expect(after[0][6]).toBe('Absent until');
    expect(after.slice(1).map((r) => r.slice(0, 6))).toEqual(before.slice(1).map((r) => r.slice(0, 6)));
    expect(visibleTabs(h)).toEqual(TABS.map((t) => t.en));
    expect(h.ws.script.allTriggers()).toHaveLength(2);
  });
});

describe('Russian by default', () => {
  test('a workbook made with the ru locale has Russian tabs and headers, found by the English contract', async () => {
    const h = await openHarness({ locale: 'ru' });
    try {
      expect(h.ws.spreadsheet.sheetNames()).toContain('Заказы');
      expect(h.ws.spreadsheet.readValues('Заказы')[0][0]).toBe('ID заказа');
      h.edit('Orders', 'new', { Client: 'ООО Ромашка' }, h.ws.owner);
      expect(h.rows('Orders')[0]['Client']).toBe('ООО Ромашка');
    } finally {
      h.close();
    }
  });
});
