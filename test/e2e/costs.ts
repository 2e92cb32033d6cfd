/** What the cost tests share (not a test file itself): the cells a run read, and rows a year of use would have left. */
import { Harness } from './harness';
import { RunRecord } from '../../workspace/runtime/workspace';
import { latencyMs } from '../../workspace/bench/latency';

export const installable = (runs: RunRecord[]) => runs.find((r) => r.trigger === 'installable') as RunRecord;

/** Cells a run's getValues calls read, from their estimate (workspace/bench/latency.ts). */
export function cellsRead(run: RunRecord): number {
  const c = run.calls.find((x) => x.call === 'Range.getValues') ?? { count: 0, estimatedMs: 0 };
  const perCell = latencyMs('Range.getValues', 1) - latencyMs('Range.getValues', 0);
  return Math.round((c.estimatedMs - c.count * latencyMs('Range.getValues', 0)) / perCell);
}

/** Writes rows below a tab's last row, outside any run (as a year of use would have left them). */
export function load(h: Harness, sheetName: string, rows: unknown[][]): void {
  const sheet = h.ws.ctx.SpreadsheetApp.getActiveSpreadsheet().getSheetByName(sheetName);
  const start = sheet.getLastRow() + 1;
  const need = start + rows.length - 1;
  if (sheet.getMaxRows() < need) sheet.insertRowsAfter(sheet.getMaxRows(), need - sheet.getMaxRows());
  sheet.getRange(start, 1, rows.length, rows[0].length).setValues(rows);
  h.ws.rt.meter.reset();
}
