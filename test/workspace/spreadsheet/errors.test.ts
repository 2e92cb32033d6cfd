import { setup, thrown } from './helpers';

describe('Google error texts', () => {
  test('getRange with a row below 1 throws "The starting row of the range is too small."', async () => {
    const { sheet } = await setup();
    const e = thrown(() => sheet.getRange(0, 1));
    expect(e.message).toBe('The starting row of the range is too small.');
    expect(e.name).toBe('Exception');
  });

  test('errors come from the bundle realm', async () => {
    const { sheet, rt } = await setup();
    expect(thrown(() => sheet.getRange(0, 1))).toBeInstanceOf(rt.realm.Error);
  });

  test('getRange with a column below 1 throws "The starting column of the range is too small."', async () => {
    const { sheet } = await setup();
    expect(thrown(() => sheet.getRange(1, 0)).message).toBe('The starting column of the range is too small.');
  });

  test('getRange with 0 rows throws "The number of rows in the range must be at least 1."', async () => {
    const { sheet } = await setup();
    expect(thrown(() => sheet.getRange(2, 1, 0, 3)).message).toBe('The number of rows in the range must be at least 1.');
    expect(thrown(() => sheet.getRange(2, 1, 1, 0)).message).toBe('The number of columns in the range must be at least 1.');
  });

  test('getRange past the last row throws the out-of-dimensions text', async () => {
    const { sheet } = await setup();
    expect(sheet.getMaxRows()).toBe(1000);
    expect(sheet.getMaxColumns()).toBe(26);
    expect(thrown(() => sheet.getRange(1000, 1, 2, 1)).message).toBe('The coordinates of the range are outside the dimensions of the sheet.');
    expect(sheet.getRange(1000, 26).getA1Notation()).toBe('Z1000');
  });

  test('getRange with a malformed or out-of-sheet A1 throws "Range not found"', async () => {
    const { sheet, ss } = await setup();
    expect(thrown(() => sheet.getRange('A0')).message).toBe('Range not found');
    expect(thrown(() => sheet.getRange('A1001')).message).toBe('Range not found');
    expect(thrown(() => ss.getRange('Nope!A1')).message).toBe('Range not found');
    expect(ss.getRange("'Sheet1'!B2:C3").getA1Notation()).toBe('B2:C3');
  });

  test('getRange with NaN throws "Cannot convert \'NaN\' to int."', async () => {
    const { sheet } = await setup();
    expect(thrown(() => sheet.getRange(NaN, 1)).message).toBe("Cannot convert 'NaN' to int.");
  });

  test("setValues throws Google's message when the row count differs", async () => {
    const { sheet } = await setup();
    expect(thrown(() => sheet.getRange(1, 1, 2, 2).setValues([[1, 2]])).message).toBe(
      'The number of rows in the data does not match the number of rows in the range. The data has 1 but the range has 2.',
    );
  });

  test("setValues throws Google's message when the column count differs", async () => {
    const { sheet } = await setup();
    expect(thrown(() => sheet.getRange(1, 1, 1, 4).setValues([[1, 2, 3, 4, 5]])).message).toBe(
      'The number of columns in the data does not match the number of columns in the range. The data has 5 but the range has 4.',
    );
  });

  test('setValues with a one-dimensional array throws the signature error', async () => {
    const { sheet } = await setup();
    expect(thrown(() => sheet.getRange(1, 1, 1, 2).setValues([1, 2])).message).toBe(
      "The parameters (number[]) don't match the method signature for SpreadsheetApp.Range.setValues.",
    );
  });

  test("insertSheet with a taken name throws Google's duplicate-name text", async () => {
    const { ss } = await setup();
    ss.insertSheet('Orders');
    expect(thrown(() => ss.insertSheet('Orders')).message).toBe('A sheet with the name "Orders" already exists. Please enter another name.');
    expect(thrown(() => ss.getSheetByName('Sheet1').setName('Orders')).message).toBe(
      'A sheet with the name "Orders" already exists. Please enter another name.',
    );
  });

  test('deleting the only sheet throws "You can\'t remove all the sheets in a document."', async () => {
    const { ss, sheet } = await setup();
    expect(thrown(() => ss.deleteSheet(sheet)).message).toBe("You can't remove all the sheets in a document.");
  });

  test('deleteRows past the end throws "Those rows are out of bounds."', async () => {
    const { sheet } = await setup();
    expect(thrown(() => sheet.deleteRows(1000, 2)).message).toBe('Those rows are out of bounds.');
    expect(thrown(() => sheet.insertRowsAfter(1001, 1)).message).toBe('Those rows are out of bounds.');
  });

  test("deleting every non-frozen row throws Google's refusal", async () => {
    const { sheet } = await setup();
    sheet.setFrozenRows(1);
    expect(thrown(() => sheet.deleteRows(2, 999)).message).toBe('Sorry, it is not possible to delete all non-frozen rows.');
  });

  test("a cell over 50,000 characters throws Google's limit text", async () => {
    const { sheet } = await setup();
    expect(thrown(() => sheet.getRange('A1').setValue('x'.repeat(50001))).message).toBe(
      'Your input contains more than the maximum of 50000 characters in a single cell.',
    );
    sheet.getRange('A1').setValue('x'.repeat(50000));
  });

  test("growing past 10 million cells throws Google's limit text", async () => {
    const { sheet } = await setup();
    sheet.insertRowsAfter(1000, 384_000 - 1000); // 384,000 × 26 = 9,984,000 cells
    expect(thrown(() => sheet.insertRowsAfter(1, 1000)).message).toBe(
      'This action would increase the number of cells in the workbook above the limit of 10000000 cells.',
    );
  });

  test("openById of another spreadsheet throws Google's unexpected-error text", async () => {
    const { app, ss } = await setup();
    expect(app.openById(ss.getId()).getId()).toBe(ss.getId());
    expect(thrown(() => app.openById('1abc')).message).toBe(
      'Unexpected error while getting the method or property openById on object SpreadsheetApp.',
    );
  });
});
