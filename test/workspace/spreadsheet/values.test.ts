import { Runtime } from '../../../workspace/runtime/runtime';
import { createSpreadsheetService } from '../../../workspace/services/spreadsheet';
import { Any, setup, vmRealm } from './helpers';

describe('values as Google gives them', () => {
  test('getValues returns numbers, booleans, strings, "" for empty cells and realm Dates for date cells', async () => {
    const { sheet, rt } = await setup();
    const when = new rt.realm.Date(Date.UTC(2024, 2, 5, 7, 30));
    sheet.getRange(1, 1, 1, 5).setValues([[42.5, true, 'text', '', when]]);
    const [row] = sheet.getRange(1, 1, 1, 6).getValues();
    expect(row.slice(0, 4)).toEqual([42.5, true, 'text', '']);
    expect(row[4]).toBeInstanceOf(rt.realm.Date);
    expect((row[4] as Date).getTime()).toBe(when.getTime());
    expect(row[5]).toBe('');
    expect(sheet.getRange('E1').getNumberFormat()).toBe('dd.MM.yyyy H:mm:ss');
    expect(sheet.getRange('A1').getNumberFormat()).toBe('0.###############');
  });

  test('strings are parsed like typed input in the spreadsheet locale', async () => {
    const { sheet } = await setup();
    const r = sheet.getRange(1, 1, 1, 7);
    r.setValues([['123', '007', 'TRUE', '1,5', '05.03.2024', '12:30', '10%']]);
    const v = r.getValues()[0];
    expect(v.slice(0, 4)).toEqual([123, 7, true, 1.5]);
    expect((v[4] as Date).toISOString()).toBe('2024-03-04T21:00:00.000Z'); // midnight in Moscow
    expect(sheet.getRange('E1').getDisplayValue()).toBe('05.03.2024');
    expect(sheet.getRange('F1').getDisplayValue()).toBe('12:30:00');
    expect(v[6]).toBe(0.1);
  });

  test('"=…" is a formula the fake cannot compute; plain-text cells and apostrophes keep text', async () => {
    const { sheet } = await setup();
    sheet.getRange('A1').setValue('=1+1');
    expect(sheet.getRange('A1').getFormula()).toBe('=1+1');
    expect(sheet.getRange('A1').getValue()).toBe('#ERROR!');
    sheet.getRange('B1').setNumberFormat('@').setValue('=1+1');
    expect(sheet.getRange('B1').getFormula()).toBe('');
    expect(sheet.getRange('B1').getValue()).toBe('=1+1');
    sheet.getRange('C1').setValue("'00123");
    expect(sheet.getRange('C1').getValue()).toBe('00123');
    sheet.getRange('D1').setNumberFormat('@').setValue('00123');
    expect(sheet.getRange('D1').getValue()).toBe('00123');
  });

  test('changing the spreadsheet time zone changes the instants getValues returns', async () => {
    const { sheet, ss, rt } = await setup();
    sheet.getRange('A1').setValue(new rt.realm.Date('2024-03-05T09:00:00Z')); // 12:00 in Moscow
    ss.setSpreadsheetTimeZone('Europe/Berlin');
    expect(ss.getSpreadsheetTimeZone()).toBe('Europe/Berlin');
    expect((sheet.getRange('A1').getValue() as Date).toISOString()).toBe('2024-03-05T11:00:00.000Z'); // 12:00 in Berlin
    expect(sheet.getRange('A1').getDisplayValue()).toBe('05.03.2024 12:00:00');
  });

  test('display values follow number formats and the locale', async () => {
    const { sheet } = await setup();
    sheet.getRange(1, 1, 1, 5).setValues([[1234.5, 0.256, 1.5, true, 45356.75]]);
    sheet.getRange(1, 1, 1, 5).setNumberFormats([['#,##0.00', '0.0%', '0.###############', '@', 'dd.MM.yyyy HH:mm']]);
    expect(sheet.getRange(1, 1, 1, 5).getDisplayValues()).toEqual([['1\u00a0234,50', '25,6%', '1,5', 'TRUE', '05.03.2024 18:00']]);
  });

  test('display values in en_US use a point, commas and US dates', async () => {
    const { sheet } = await setup({}, { locale: 'en_US' });
    sheet.getRange(1, 1, 1, 3).setValues([[1234.5, '3/5/2024', 'March']]);
    sheet.getRange('A1').setNumberFormat('#,##0.00');
    expect(sheet.getRange(1, 1, 1, 2).getDisplayValues()).toEqual([['1,234.50', '3/5/2024']]);
    sheet.getRange('B1').setNumberFormat('dddd, mmmm d, yyyy');
    expect(sheet.getRange('B1').getDisplayValue()).toBe('Tuesday, March 5, 2024');
  });

  test('appendRow writes after the last row and grows a full sheet', async () => {
    const { sheet } = await setup();
    sheet.getRange(1000, 1).setValue('last');
    sheet.appendRow(['a', 2]);
    expect(sheet.getMaxRows()).toBe(1001);
    expect(sheet.getLastRow()).toBe(1001);
    expect(sheet.getRange(1001, 1, 1, 2).getValues()).toEqual([['a', 2]]);
  });

  test('inserted rows inherit formats and validations and move the data below', async () => {
    const { sheet, app } = await setup();
    sheet.getRange('A2').setValue('x').setNumberFormat('@').setDataValidation(app.newDataValidation().requireCheckbox().build());
    sheet.insertRowsAfter(2, 2);
    expect(sheet.getRange('A3').getNumberFormat()).toBe('@');
    expect(sheet.getRange('A4').getDataValidation().getCriteriaType().toString()).toBe('CHECKBOX');
    expect(sheet.getRange('A3').getValue()).toBe('');
    sheet.insertRowBefore(1);
    expect(sheet.getRange('A3').getValue()).toBe('x');
    sheet.deleteRow(1);
    expect(sheet.getRange('A2').getValue()).toBe('x');
    expect(sheet.getMaxRows()).toBe(1002);
  });

  test('checkboxes: insertCheckboxes sets FALSE, check/uncheck and isChecked', async () => {
    const { sheet } = await setup();
    const r = sheet.getRange('A1:A2').insertCheckboxes();
    expect(r.getValues()).toEqual([[false], [false]]);
    expect(r.isChecked()).toBe(false);
    sheet.getRange('A1').check();
    expect(r.isChecked()).toBeNull();
    r.check();
    expect(r.isChecked()).toBe(true);
    expect(sheet.getRange('B1').isChecked()).toBeNull();
  });

  test('a getValues of 10,000 × 30 counts one call with 300,000 cells', async () => {
    const { sheet, rt } = await setup();
    sheet.insertRowsAfter(1000, 9000);
    sheet.insertColumnsAfter(26, 4);
    const row = Array.from({ length: 30 }, (_, j) => j);
    sheet.getRange(1, 1, 10000, 30).setValues(Array.from({ length: 10000 }, () => row));
    rt.meter.reset();
    const values = sheet.getRange(1, 1, 10000, 30).getValues();
    expect(values.length).toBe(10000);
    const entry = rt.meter.report().find((c) => c.call === 'Range.getValues');
    expect(entry).toEqual({ call: 'Range.getValues', count: 1, estimatedMs: 40 + 0.01 * 300_000 });
    expect(rt.meter.totalCalls()).toBe(2); // Sheet.getRange + Range.getValues
  });

  test('the inspection API does not count calls', async () => {
    const { fake, sheet, rt } = await setup();
    sheet.getRange('A1:B1').setValues([['h1', 'h2']]);
    rt.meter.reset();
    expect(fake.readValues('Sheet1')).toEqual([['h1', 'h2']]);
    expect(fake.sheetNames()).toEqual(['Sheet1']);
    expect(rt.meter.totalCalls()).toBe(0);
  });

  test('a new spreadsheet has one sheet "Sheet1" in Moscow time and ru_RU', async () => {
    const rt = new Runtime({ realm: vmRealm() });
    const fake = await createSpreadsheetService(rt, {});
    const ss: Any = (fake.globals.SpreadsheetApp as Any).getActive();
    expect(ss.getSheets().map((s: Any) => s.getName())).toEqual(['Sheet1']);
    expect(ss.getSpreadsheetTimeZone()).toBe('Europe/Moscow');
    expect(ss.getSpreadsheetLocale()).toBe('ru_RU');
    expect(ss.getUrl()).toBe(`https://docs.google.com/spreadsheets/d/${ss.getId()}/edit`);
  });

  test('insertSheet puts the new sheet after the active one and activates it', async () => {
    const { ss } = await setup();
    ss.insertSheet('C');
    ss.setActiveSheet(ss.getSheetByName('Sheet1'));
    ss.insertSheet('B');
    expect(ss.getSheets().map((s: Any) => s.getName())).toEqual(['Sheet1', 'B', 'C']);
    expect(ss.getActiveSheet().getName()).toBe('B');
    ss.insertSheet('A', 0);
    expect(ss.getSheetByName('A').getIndex()).toBe(1);
  });
});
