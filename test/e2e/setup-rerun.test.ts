/**
 * Setup run again on a workbook it set up (issue 15: setup reads everything first, then writes
 * once): it makes no sheet and no protection, changes nobody's rights, and leaves every tab as
 * it was — values, formats, validations, conditional rules, protections — but for its own lines
 * in the Log.
 */
import * as fs from 'fs';
import * as path from 'path';
import { openHarness, Harness } from './harness';
import { RunRecord } from '../../workspace/runtime/workspace';

const SALES = 'anna.sales@example.com';
const HR = 'irina.hr@example.com';

const count = (run: RunRecord, call: string) => run.calls.find((c) => c.call === call)?.count ?? 0;

/** The fake's saved spreadsheet (structure, formats, rules, protections) and every tab's values, the Log left out. */
async function snapshot(h: Harness, log: string): Promise<unknown> {
  await h.ws.save();
  const state = JSON.parse(fs.readFileSync(path.join(h.dir, 'book.state', 'spreadsheet.json'), 'utf8'));
  delete state.xlsxSha256;
  const logId = state.sheets.find((s: { name: string }) => s.name === log).id;
  state.sheets = state.sheets.filter((s: { id: number }) => s.id !== logId);
  const values = Object.fromEntries(
    h.ws.spreadsheet
      .sheetNames()
      .filter((n) => n !== log)
      .map((n) => [n, h.ws.spreadsheet.readValues(n)]),
  );
  return { state, values };
}

describe.each(['ru', 'en'] as const)('setup run again (%s)', (locale) => {
  let h: Harness;
  beforeAll(async () => {
    h = await openHarness({ locale, senderName: 'Штат' });
    const staff = locale === 'ru' ? 'Сотрудники' : 'Staff';
    h.edit(staff, 'new', { Name: 'Anna', 'E-mail': SALES, Department: locale === 'ru' ? 'Отдел продаж' : 'Sales' }, h.ws.owner);
    h.edit(staff, 'new', { Name: 'Irina', 'E-mail': HR, Department: 'HR' }, h.ws.owner);
    h.timer(); // their access, granted by the tick
  });
  afterAll(() => h.close());

  test('makes no sheet or protection and leaves the workbook as it was, but for its Log lines', async () => {
    const log = locale === 'ru' ? 'Журнал' : 'Log';
    const before = await snapshot(h, log);
    const logLines = h.ws.spreadsheet.readValues(log).length;
    const run = h.ws.invoke('setupWorkbook', { kind: 'editor' });
    expect(run.ok).toBe(true);
    for (const call of [
      'Spreadsheet.insertSheet',
      'Sheet.protect',
      'Range.protect',
      'Protection.remove',
      'Protection.addEditors',
      'Protection.removeEditors',
    ])
      expect([call, count(run, call)]).toEqual([call, 0]);
    expect(await snapshot(h, log)).toEqual(before);
    expect(h.ws.spreadsheet.readValues(log).length).toBeGreaterThan(logLines);
    // Its reads come before its writes: a handful of write-cache sends, not one per tab and step.
    expect(count(run, 'Sheets write cache flush')).toBeLessThanOrEqual(6);
  });
});
