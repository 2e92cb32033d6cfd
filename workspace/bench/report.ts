/** Printing bench figures: service calls by method, local wall time, estimated Google time. */
import { RunRecord } from '../runtime/workspace';

export interface BenchCase {
  /** "short: what it measures"; the short name is what `npm run bench -- short` selects. */
  name: string;
  run(): Promise<BenchFigure[]>;
  /** The case's figures as one JSON object (`--json`), merged with the other cases'; from `ran` when the figures were just run. */
  json?(ran?: BenchFigure[]): Promise<Record<string, unknown>>;
}

/** A filter selects a case by its whole short name or its whole title, never by a part of one. */
export function caseMatches(c: BenchCase, filter: string): boolean {
  return c.name === filter || c.name.split(':')[0].trim() === filter;
}

export interface BenchFigure {
  label: string;
  /** Its name in the case's `--json` object (keyedJson); figures without one are printed only. */
  key?: string;
  record?: RunRecord;
  localMs?: number;
  note?: string;
}

/** A keyed figure's numbers for `--json`: a run's service calls and estimated seconds on Google, or local ms. */
export interface FigureJson {
  calls?: number;
  estimatedSeconds?: number;
  localMs?: number;
}

/**
 * A case's `--json` object from its keyed figures: `{ <short name>: { <key>: FigureJson } }`
 * (`npm run figures`, workspace/figures.ts, reads it).
 */
export function keyedJson(c: BenchCase, figures: BenchFigure[]): Record<string, unknown> {
  const out: Record<string, FigureJson> = {};
  for (const f of figures) {
    if (!f.key) continue;
    const r = f.record;
    out[f.key] = r
      ? { calls: r.totalCalls, estimatedSeconds: Math.round(r.estimatedGoogleMs) / 1000, localMs: r.localMs }
      : { localMs: f.localMs === undefined ? undefined : Math.round(f.localMs * 10) / 10 };
  }
  return { [c.name.split(':')[0].trim()]: out };
}

export function printFigure(f: BenchFigure): void {
  const lines = [`  ${f.label}`];
  if (f.record) {
    const r = f.record;
    lines.push(
      `    ${r.ok ? 'ok' : `FAILED: ${r.error}`} · ${r.totalCalls} service calls · estimated ${(r.estimatedGoogleMs / 1000).toFixed(2)} s on Google · ${r.localMs} ms here`,
    );
    for (const c of r.calls) lines.push(`      ${c.call.padEnd(40)} ×${String(c.count).padStart(5)}  ~${Math.round(c.estimatedMs)} ms`);
  } else if (f.localMs !== undefined) {
    lines.push(`    ${f.localMs.toFixed(1)} ms here`);
  }
  if (f.note) lines.push(`    ${f.note}`);
  console.log(lines.join('\n'));
}

import { LocalWorkspace } from '../runtime/workspace';

/**
 * Fills a tab with rows below its header through the SpreadsheetApp fake (outside any
 * measured run), growing the sheet as needed. Strings are written as plain text.
 */
export function bulkLoad(ws: LocalWorkspace, sheetName: string, rows: unknown[][], startRow = 2): void {
  if (rows.length === 0) return;
  const app = ws.ctx.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp;
  const sheet = app.getActiveSpreadsheet().getSheetByName(sheetName);
  if (!sheet) throw new Error(`no sheet ${sheetName}`);
  const need = startRow + rows.length - 1;
  // Room below the data, as a sheet people type into has (Google's "add 1000 more rows"): edits add rows there.
  if (sheet.getMaxRows() < need + 1000) sheet.insertRowsAfter(sheet.getMaxRows(), need + 1000 - sheet.getMaxRows());
  const width = rows.reduce((w, r) => Math.max(w, r.length), 0); // no spread: 180,000 rows overflow the stack
  // Plain-text columns keep strings as they are; elsewhere an apostrophe keeps them text.
  const plain = Array.from({ length: width }, (_, i) => ws.spreadsheet.numberFormat(sheetName, startRow, i + 1) === '@');
  const values = rows.map((r) =>
    Array.from({ length: width }, (_, i) => (typeof r[i] === 'string' && r[i] !== '' && !plain[i] ? `'${r[i]}` : (r[i] ?? ''))),
  );
  sheet.getRange(startRow, 1, values.length, width).setValues(values);
  ws.rt.meter.reset();
}
