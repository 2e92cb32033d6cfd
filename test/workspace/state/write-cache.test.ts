/** The bench's latency model: Google's write cache (queued writes, one flush per read) and local builders. */
import { WRITE_FLUSH, latencyMs, queuedMs, writeCache } from '../../../workspace/bench/latency';
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
    expect(writeCache('Range.shiftColumnGroupDepth')).toBe('queued'); // a write (a column group), not a read
    expect(writeCache('Range.collapseGroups')).toBe('queued');
    expect(writeCache('Range.protect')).toBe('flushes');
    expect(writeCache('MailApp.sendEmail')).toBe('other');
  });

  test('a queued write is charged the values it carries: one per cell for the array setters, one for a single-value setter', async () => {
    const { sheet, rt } = await setup();
    rt.meter.reset();
    const values = Array.from({ length: 1000 }, () => ['x', 'y']);
    sheet.getRange(1, 1, 1000, 2).setValues(values);
    sheet.getRange(1, 1, 1000, 2).setNumberFormat('@');
    sheet.getRange(1, 1, 1000, 2).setNumberFormats(values.map(() => ['@', '@']));
    const cost = (call: string) => rt.meter.report().find((c) => c.call === call)!.estimatedMs;
    expect(cost('Range.setValues')).toBeCloseTo(queuedMs('Range.setValues', 2000));
    expect(cost('Range.setNumberFormats')).toBeGreaterThan(cost('Range.setNumberFormat') * 5);
    expect(cost('Range.setNumberFormat')).toBeCloseTo(queuedMs('Range.setNumberFormat', 0));
    expect(queuedMs('Range.setDataValidation', 20000)).toBe(queuedMs('Range.setDataValidation', 1));
    expect(queuedMs('RangeList.setWrap', 20000)).toBe(queuedMs('RangeList.setWrap', 1));
    expect(queuedMs('Range.setBackgrounds', 20000)).toBeGreaterThan(queuedMs('Range.setBackgrounds', 1));
  });

  test('builders are local; formatDate is a host call, not free', () => {
    expect(latencyMs('SpreadsheetApp.newDataValidation')).toBeLessThan(1);
    expect(latencyMs('SpreadsheetApp.newConditionalFormatRule')).toBeLessThan(1);
    expect(latencyMs('DataValidationBuilder.requireValueInList')).toBeLessThan(1);
    expect(latencyMs('Utilities.formatDate')).toBeGreaterThanOrEqual(1);
    expect(writeCache('SpreadsheetApp.newDataValidation')).toBe('other');
  });
});
