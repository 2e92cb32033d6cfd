/**
 * Setup styles the workbook (issue 17): the header bold, frozen, wrapped and filled by who
 * fills each column; widths by content type; long text wrapped; event IDs in a collapsed
 * column group — read back through the fake, and through the .xlsx with exceljs (what
 * LibreOffice opens). Re-running repairs the style and adds no second group; the Log's
 * details are sentences.
 */
import { SETTINGS } from '../../src/core/settings';
import ExcelJS from 'exceljs';
import { openHarness, Harness } from './harness';
import { findColumn, findTab } from '../../src/core/schema';
import { OWNER_FILL } from '../../src/google/style';

const colOf = (h: Harness, sheet: string, header: string) => {
  const values = h.ws.spreadsheet.readValues(sheet)[0].map(String);
  const def = findTab(sheet)!;
  return values.findIndex((v) => findColumn(def, v)?.en === header) + 1;
};

describe('a styled workbook by setup', () => {
  let h: Harness;
  afterAll(() => h?.close());

  test('through the fake: header style, fills by owner, widths, wrap, the event-ID group', async () => {
    h = await openHarness({ locale: 'ru' });
    const orders = h.ws.spreadsheet.model.sheets.find((s) => s.name === 'Заказы')!;
    const n = h.ws.spreadsheet.readValues('Заказы')[0].length;
    expect(orders.frozenRows).toBe(1);
    for (let c = 0; c < n; c++) {
      expect(orders.fontWeights.get(0, c)).toBe('bold');
      expect(orders.wraps.get(0, c)).toBe(true);
    }
    const bg = (name: string) => orders.backgrounds.get(0, colOf(h, 'Заказы', name) - 1);
    expect(bg('Order ID')).toBe(OWNER_FILL.system);
    expect(bg('Vacancy')).toBe(OWNER_FILL.sales);
    expect(bg('HR received')).toBe(OWNER_FILL.hr);
    expect(bg('Client')).toBe(OWNER_FILL.several);
    const width = (name: string) => orders.columnWidths[colOf(h, 'Заказы', name)];
    expect(width('Paid from')).toBe(100);
    expect(width('Client e-mail')).toBe(210);
    expect(width('Vacancy description')).toBe(280);
    expect(width('Order ID')).toBe(150);
    // Long text wraps below the header, down to the last row; short text does not.
    const desc = colOf(h, 'Заказы', 'Vacancy description') - 1;
    expect(orders.wraps.get(1, desc)).toBe(true);
    expect(orders.wraps.get(orders.maxRows - 1, desc)).toBe(true);
    expect(orders.wraps.get(1, colOf(h, 'Заказы', 'Vacancy') - 1)).toBeUndefined();
    // Number formats stay.
    expect(h.ws.spreadsheet.numberFormat('Заказы', 2, colOf(h, 'Заказы', 'Paid from'))).toBe('dd.mm.yyyy');
    const calls = h.ws.spreadsheet.model.sheets.find((s) => s.name === 'Звонки')!;
    const eventCol = colOf(h, 'Звонки', 'Event ID');
    expect(calls.columnGroups).toEqual({ [eventCol]: 1 });
    expect(calls.collapsedColumns).toEqual([eventCol]);
    expect(calls.hiddenColumns).toEqual([]); // collapsed, not hidden by a person
    expect(calls.backgrounds.get(0, colOf(h, 'Звонки', 'Comment') - 1)).toBe(OWNER_FILL.callManager);
    // The legend on Settings, beside its table.
    const settings = h.ws.spreadsheet.readValues('Настройки');
    expect(settings[0][4]).toBe('Цвет заголовка — кто заполняет столбец');
    expect(settings.slice(1, 8).map((r) => r[4])).toContain('Отдел продаж');
    expect(settings[1][0]).toBe('Часовой пояс'); // the settings rows start right below the header
  });

  test('re-running setup repairs the header and keeps one group; a width a person chose stays', async () => {
    const orders = h.ws.spreadsheet.model.sheets.find((s) => s.name === 'Заказы')!;
    const vacancy = colOf(h, 'Заказы', 'Vacancy');
    orders.fontWeights.set(0, 0, undefined); // a person un-bolded a header
    orders.columnWidths[vacancy] = 333; // and widened a column
    expect(h.ws.invoke('setupWorkbook', { kind: 'editor' }).ok).toBe(true);
    expect(orders.fontWeights.get(0, 0)).toBe('bold');
    expect(orders.columnWidths[vacancy]).toBe(333);
    const calls = h.ws.spreadsheet.model.sheets.find((s) => s.name === 'Звонки')!;
    expect(Object.values(calls.columnGroups)).toEqual([1]);
  });

  test('through the .xlsx (exceljs): bold wrapped filled header, frozen pane, widths, outline level, hidden group column', async () => {
    h = await h.reopen();
    const book = new ExcelJS.Workbook();
    await h.ws.save();
    await book.xlsx.readFile(h.workbook);
    const orders = book.getWorksheet('Заказы')!;
    expect(orders.views[0]).toEqual(expect.objectContaining({ state: 'frozen', ySplit: 1 }));
    const a1 = orders.getCell(1, 1);
    expect(a1.font?.bold).toBe(true);
    expect(a1.alignment?.wrapText).toBe(true);
    expect((a1.fill as ExcelJS.FillPattern).fgColor?.argb?.toLowerCase()).toBe('ff' + OWNER_FILL.system.slice(1));
    expect(Math.round(orders.getColumn(colOf(h, 'Заказы', 'Client e-mail')).width! * 7)).toBe(210);
    expect(orders.getColumn(colOf(h, 'Заказы', 'Vacancy description')).alignment?.wrapText).toBe(true);
    const calls = book.getWorksheet('Звонки')!;
    const eventCol = calls.getColumn(colOf(h, 'Звонки', 'Event ID'));
    expect(eventCol.outlineLevel).toBe(1);
    expect(eventCol.hidden).toBe(true);
    expect(calls.properties.outlineLevelCol).toBe(1);
    // Read back by the fake: the same model.
    const model = h.ws.spreadsheet.model.sheets.find((s) => s.name === 'Звонки')!;
    expect(model.collapsedColumns).toEqual([colOf(h, 'Звонки', 'Event ID')]);
    expect(model.fontWeights.get(0, 0)).toBe('bold');
  });

  test("the Log's details are sentences in the workbook's language, not JSON", () => {
    const log = h.ws.spreadsheet.readValues('Журнал').slice(1);
    const details = log.map((r) => String(r[5]));
    expect(details.some((d) => d.trim().startsWith('{'))).toBe(false);
    expect(details).toContain(
      `Вкладок создано: 12, заголовков добавлено: 0, настроек добавлено: ${SETTINGS.length}; триггеры: установлены tick, onEditInstallable.`,
    );
    expect(details.some((d) => /^Добавлено праздников и переносов: \d+\.$/.test(d))).toBe(true);
    expect(details.some((d) => /^Шаблонов добавлено: \d+\.$/.test(d))).toBe(true);
  });
});
