/**
 * Sheet.getRangeList and RangeList (https://developers.google.com/apps-script/reference/spreadsheet/range-list):
 * each setter applies to every range as the Range setter does, is one call charged the cells
 * of all its ranges (a queued write, as the Range setters), and is refused by protections
 * and bad arguments as they are.
 */
import { queuedMs } from '../../../workspace/bench/latency';
import { Any, setup, thrown } from './helpers';

const REFUSAL =
  'You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.';

describe('RangeList', () => {
  test('setNumberFormat, setWrap and setFontWeight apply to every range and nothing else', async () => {
    const { sheet } = await setup();
    const list = sheet.getRangeList(['A2:B10', 'D2:D10']);
    list.setNumberFormat('@').setWrap(true).setFontWeight('bold');
    for (const a1 of ['A2', 'B10', 'D5']) {
      const cell = sheet.getRange(a1);
      expect([cell.getNumberFormat(), cell.getWrap(), cell.getFontWeight()]).toEqual(['@', true, 'bold']);
    }
    for (const a1 of ['C5', 'A1', 'A11', 'E2']) {
      const cell = sheet.getRange(a1);
      expect([cell.getNumberFormat(), cell.getWrap(), cell.getFontWeight()]).toEqual(['0.###############', false, 'normal']);
    }
    expect(list.getRanges().map((r: Any) => r.getA1Notation())).toEqual(['A2:B10', 'D2:D10']);
  });

  test('one call per setter, charged as the Range setter over the same cells; the ranges are not counted again', async () => {
    const { sheet, rt } = await setup();
    rt.meter.reset();
    sheet.getRangeList(['A2:B1000', 'D2:D1000']).setNumberFormat('@');
    const report = rt.meter.report();
    expect(report.map((c) => [c.call, c.count])).toEqual(
      expect.arrayContaining([
        ['Sheet.getRangeList', 1],
        ['RangeList.setNumberFormat', 1],
      ]),
    );
    expect(rt.meter.totalCalls()).toBe(2);
    const set = report.find((c) => c.call === 'RangeList.setNumberFormat')!;
    expect(set.estimatedMs).toBeCloseTo(queuedMs('RangeList.setNumberFormat', 3 * 999));
    // The same cost as the Range method over the same cells: batching saves calls.
    expect(queuedMs('RangeList.setNumberFormat', 3 * 999)).toBeCloseTo(queuedMs('Range.setNumberFormat', 3 * 999));
  });

  test('a protected range refuses the script as Range does; the ranges before it stay changed', async () => {
    const { sheet, rt } = await setup();
    const p = sheet.getRange('D2:D10').protect();
    p.addEditor('owner@example.com');
    p.removeEditors(p.getEditors());
    rt.beginExecution(rt.now(), { kind: 'ui', activeUser: 'clerk@example.com', effectiveUser: 'clerk@example.com' });
    expect(thrown(() => sheet.getRangeList(['A2:A3', 'D2:D3', 'F2:F3']).setNumberFormat('0.00')).message).toBe(REFUSAL);
    expect(sheet.getRange('A2').getNumberFormat()).toBe('0.00');
    expect(sheet.getRange('D2').getNumberFormat()).toBe('0.###############');
    expect(sheet.getRange('F2').getNumberFormat()).toBe('0.###############');
  });

  test('bad arguments are refused with Google-style texts', async () => {
    const { sheet } = await setup();
    expect(thrown(() => sheet.getRangeList([])).message).toMatch(/don't match the method signature for SpreadsheetApp.Sheet.getRangeList/);
    expect(thrown(() => sheet.getRangeList('A1:B2')).message).toMatch(/don't match the method signature/);
    expect(thrown(() => sheet.getRangeList(['A1:B2', 'nonsense!!'])).message).toBe('Range not found');
    expect(thrown(() => sheet.getRangeList(['A1']).setWrap('yes')).message).toMatch(/SpreadsheetApp.RangeList.setWrap/);
  });
});
