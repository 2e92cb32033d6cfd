/**
 * Formats, validations and protections of empty rows survive a save and a reload (issue 11):
 * text typed below the last filled row of a plain-text column stays text, as in Sheets, and
 * the saved .xlsx (read back with a fresh exceljs Workbook) holds a string, not a formula.
 */
import ExcelJS from 'exceljs';
import * as path from 'path';
import { Runtime } from '../../../workspace/runtime/runtime';
import { createSpreadsheetService, SpreadsheetFake } from '../../../workspace/services/spreadsheet';
import { Any, tmpDir, vmRealm } from './helpers';

async function open(dir: string): Promise<{ fake: SpreadsheetFake; ss: Any }> {
  const rt = new Runtime({ realm: vmRealm(), stateDir: path.join(dir, 'state'), now: new Date('2024-03-05T09:00:00Z') });
  const fake = await createSpreadsheetService(rt, { file: path.join(dir, 'book.xlsx') });
  return { fake, ss: (fake.globals.SpreadsheetApp as Any).getActive() };
}

/** A sheet laid out as setupWorkbook does: formats and rules down to the last row, data in row 2 only. */
async function laidOut(dir: string): Promise<void> {
  const { fake, ss } = await open(dir);
  const sheet = ss.getSheets()[0];
  sheet.setName('Orders');
  sheet.getRange('A1:D1').setValues([['Phone', 'Client', 'Status', 'Amount']]);
  sheet.getRange('A2:B1000').setNumberFormat('@');
  sheet.getRange('D2:D1000').setNumberFormat('#,##0.00');
  const app = fake.globals.SpreadsheetApp as Any;
  sheet.getRange('C2:C1000').setDataValidation(app.newDataValidation().requireValueInList(['New', 'Done'], true).setAllowInvalid(false).build());
  const p = sheet.getRange('D2:D1000').protect().setDescription('amounts');
  p.removeEditors(p.getEditors());
  sheet.getRange('A2:D2').setValues([['+71110000000', 'Acme', 'New', 5]]);
  sheet.getRange('B7').setNumberFormat('0.00'); // a cell of its own inside a text column
  sheet.getRange('A10').clearFormat(); // and one with no format at all
  await fake.flush();
}

describe('formats of empty rows across save and load', () => {
  test('number formats, validations and protections below the last filled row are kept', async () => {
    const dir = tmpDir();
    await laidOut(dir);
    const { ss, fake } = await open(dir);
    const sheet = ss.getSheetByName('Orders');
    expect(sheet.getLastRow()).toBe(2);
    expect(sheet.getRange('A500').getNumberFormat()).toBe('@');
    expect(sheet.getRange('B1000').getNumberFormat()).toBe('@');
    expect(sheet.getRange('D700').getNumberFormat()).toBe('#,##0.00');
    expect(sheet.getRange('A1').getNumberFormat()).not.toBe('@'); // the header row was never formatted
    expect(sheet.getRange('B7').getNumberFormat()).toBe('0.00');
    expect(sheet.getRange('A10').getNumberFormat()).toBe(sheet.getRange('E5').getNumberFormat()); // unformatted, like any blank cell
    expect(sheet.getRange('A11').getNumberFormat()).toBe('@');
    expect(sheet.getColumnWidth(1)).toBe(ss.getSheets()[0].getColumnWidth(26)); // no width appears from the column style
    const dv = sheet.getRange('C999').getDataValidation();
    expect(dv && String(dv.getCriteriaType())).toBe('VALUE_IN_LIST');
    expect(() => fake.personEdit('Orders', 800, 4, [['7']], 'clerk@example.com')).toThrow(/protected cell/);
  });

  test('a phone and a formula typed into an empty row of a text column stay text, reload after reload', async () => {
    const dir = tmpDir();
    await laidOut(dir);
    let { fake } = await open(dir);
    let ss;
    fake.personEdit('Orders', 40, 1, [['+79991234567', '=HYPERLINK("http://evil.test","click")']], 'owner@example.com');
    await fake.flush();
    for (let round = 0; round < 2; round++) {
      ({ fake, ss } = await open(dir));
      const r = ss.getSheetByName('Orders').getRange('A40:B40');
      expect(r.getValues()).toEqual([['+79991234567', '=HYPERLINK("http://evil.test","click")']]);
      expect(r.getFormulas()).toEqual([['', '']]);
      ss.getSheetByName('Orders').getRange('C2').setValue('Done'); // another change, another save
      await fake.flush();
    }
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(path.join(dir, 'book.xlsx'));
    const ws = book.getWorksheet('Orders')!;
    expect(ws.getCell('A40').type).toBe(ExcelJS.ValueType.String);
    expect(ws.getCell('A40').value).toBe('+79991234567');
    expect(ws.getCell('B40').type).toBe(ExcelJS.ValueType.String); // not a live formula Excel would run
    expect(ws.getCell('B40').numFmt).toBe('@');
    expect(ws.getCell('A900').numFmt).toBe('@'); // still text where nothing was typed yet
  });
});
