/** The bench's latency model: Google's write cache (queued writes, one flush per read) and local builders. */
import { WRITE_FLUSH, latencyMs, writeCache } from '../../../workspace/bench/latency';
import { setup } from '../spreadsheet/helpers';

describe('the latency model', () => {
  test('writes are queued and sent in one round trip at the next read', async () => {
    const { sheet, rt } = await setup();
    rt.meter.reset();
    sheet.getRange('A1').setValue(1);
    sheet.getRange('B1').setValue(2);
    sheet.getRange(1, 3, 1, 2).setValues([[3, 4]]);
    expect(rt.meter.countOf(WRITE_FLUSH)).toBe(0);
    expect(sheet.getRange(1, 1, 1, 4).getValues()).toEqual([[1, 2, 3, 4]]);
    expect(rt.meter.countOf(WRITE_FLUSH)).toBe(1);
    // A second read with nothing queued sends nothing.
    sheet.getRange('A1').getValue();
    expect(rt.meter.countOf(WRITE_FLUSH)).toBe(1);
    const writes = rt.meter.report().filter((c) => /^Range\.set/.test(c.call));
    // Three queued writes cost less than one round trip each.
    expect(writes.reduce((n, c) => n + c.estimatedMs, 0)).toBeLessThan(latencyMs('Range.setValue'));
  });

  test('alternating reads and writes pay a flush each time', async () => {
    const { sheet, rt } = await setup();
    rt.meter.reset();
    for (let i = 1; i <= 5; i++) {
      sheet.getRange(i, 1).setValue(i);
      sheet.getRange(i, 1).getValue();
    }
    expect(rt.meter.countOf(WRITE_FLUSH)).toBe(5);
  });

  test('SpreadsheetApp.flush empties the queue; calls answered locally do not flush', async () => {
    const { sheet, rt } = await setup();
    rt.meter.reset();
    const r = sheet.getRange('A1');
    r.setValue('x');
    r.getRow();
    r.getNumColumns();
    expect(rt.meter.countOf(WRITE_FLUSH)).toBe(0);
    expect(writeCache('SpreadsheetApp.flush')).toBe('other');
    expect(writeCache('Range.getRow')).toBe('other');
    expect(writeCache('Range.getValues')).toBe('flushes');
    expect(writeCache('Protection.getEditors')).toBe('flushes');
    expect(writeCache('Range.setValues')).toBe('queued');
    expect(writeCache('Sheet.insertRowsAfter')).toBe('queued');
    expect(writeCache('Range.protect')).toBe('flushes');
    expect(writeCache('MailApp.sendEmail')).toBe('other');
  });

  test('builders are local; formatDate is a host call, not free', () => {
    expect(latencyMs('SpreadsheetApp.newDataValidation')).toBeLessThan(1);
    expect(latencyMs('SpreadsheetApp.newConditionalFormatRule')).toBeLessThan(1);
    expect(latencyMs('DataValidationBuilder.requireValueInList')).toBeLessThan(1);
    expect(latencyMs('Utilities.formatDate')).toBeGreaterThanOrEqual(1);
    expect(writeCache('SpreadsheetApp.newDataValidation')).toBe('other');
  });
});
