/**
 * The Selections tab as the schedules feature sees it (rows found by Order ID and No.,
 * never by position) and one batched writer for every system cell a run changes: cells
 * are set in memory as the run goes, then written with one setValues per block of
 * nearby rows × adjacent system columns. A person's column (Done) is never written over.
 */
import { Locale } from '../../core/schema';
import { isDate, LocalDate, localDateOf, Zone } from '../../core/time';
import { isBlank, isTicked } from '../../core/values';
import { toCells } from '../../google/cells';
import { appendRows, sheetRow, TabData } from '../../google/workbook';
import { bothLanguages, say, TextKey } from './rules/messages';

export interface SelectionRow {
  /** Data row index in the tab. */
  index: number;
  orderId: string;
  number: number;
  selectionDate?: LocalDate;
  callingDate?: LocalDate;
  reportDue?: number;
  hrSpecialist: string;
  done: boolean;
  reportSent: boolean;
  eventId: string;
  problems: string;
}

const text = (v: unknown): string => (v === null || v === undefined ? '' : isDate(v) ? v.toISOString() : String(v).trim());

function dateOf(v: unknown, zone: Zone): LocalDate | undefined {
  return isDate(v) ? localDateOf(zone, v.getTime()) : undefined;
}

/** Every Selections row with an Order ID, grouped by order (in sheet order). */
export function readSelections(tab: TabData, zone: Zone): Map<string, SelectionRow[]> {
  const c = tab.columns.index;
  const at = (row: unknown[], key: string): unknown => (c[key] === undefined ? '' : row[c[key]]);
  const out = new Map<string, SelectionRow[]>();
  tab.rows.forEach((row, index) => {
    const orderId = text(at(row, 'orderId'));
    if (!orderId) return;
    const due = at(row, 'reportDue');
    const sel: SelectionRow = {
      index,
      orderId,
      number: Number(at(row, 'number')) || 0,
      selectionDate: dateOf(at(row, 'selectionDate'), zone),
      callingDate: dateOf(at(row, 'callingDate'), zone),
      reportDue: isDate(due) ? due.getTime() : undefined,
      hrSpecialist: text(at(row, 'hrSpecialist')),
      done: isTicked(at(row, 'done')),
      reportSent: !isBlank(at(row, 'reportSentAt')),
      eventId: text(at(row, 'eventId')),
      problems: text(at(row, 'problems')),
    };
    const list = out.get(orderId);
    if (list) list.push(sel);
    else out.set(orderId, [sel]);
  });
  return out;
}

/**
 * Rows further apart than this are written in separate calls. A call costs about as much
 * as rewriting ~1,000 rows of three cells (80 ms vs 0.02 ms a cell on Google), so changed
 * rows scattered over a large tab (the 18:00 reports) go in a few calls.
 */
const ROW_GAP = 400;
/** More separate runs of removed rows than this: the rows below are moved up in one write. */
const COMPACT_AFTER = 8;

export class CellWriter {
  private readonly dirty = new Map<number, Set<number>>();
  private readonly systemColumn: boolean[] = [];
  private readonly removed = new Set<number>();

  constructor(readonly tab: TabData) {
    for (const col of tab.def.columns) {
      const i = tab.columns.index[col.key];
      if (i !== undefined) this.systemColumn[i] = col.system === true;
    }
  }

  /** Sets a system cell in memory; written by flush(). */
  set(index: number, key: string, value: unknown): void {
    const i = this.tab.columns.index[key];
    const row = this.tab.rows[index];
    if (i === undefined || !row || !this.systemColumn[i]) return;
    if (sameValue(row[i], value)) return;
    row[i] = value;
    let cols = this.dirty.get(index);
    if (!cols) this.dirty.set(index, (cols = new Set()));
    cols.add(i);
  }

  get(index: number, key: string): unknown {
    const i = this.tab.columns.index[key];
    return i === undefined ? '' : this.tab.rows[index]?.[i];
  }

  /** Appends rows (one setValues for all of them). */
  append(records: Array<Record<string, unknown>>): void {
    appendRows(this.tab, records);
  }

  /** Rows to delete at the end of the run (after flush). */
  remove(index: number): void {
    this.removed.add(index);
  }

  get pending(): number {
    return this.dirty.size;
  }

  /** Writes every changed cell: one setValues per block of nearby rows × adjacent system columns. */
  flush(): void {
    if (this.dirty.size === 0) return;
    const indexes = [...this.dirty.keys()].sort((a, b) => a - b);
    let start = 0;
    for (let k = 1; k <= indexes.length; k++) {
      if (k < indexes.length && indexes[k] - indexes[k - 1] <= ROW_GAP) continue;
      this.writeBlock(indexes.slice(start, k));
      start = k;
    }
    this.dirty.clear();
  }

  private writeBlock(indexes: number[]): void {
    const first = indexes[0];
    const last = indexes[indexes.length - 1];
    const cols = new Set<number>();
    for (const i of indexes) for (const c of this.dirty.get(i)!) cols.add(c);
    // Adjacent columns, bridging only over system columns (never over a person's cell).
    const sorted = [...cols].sort((a, b) => a - b);
    const runs: Array<[number, number]> = [];
    for (const c of sorted) {
      const run = runs[runs.length - 1];
      if (run && this.onlySystemBetween(run[1], c)) run[1] = c;
      else runs.push([c, c]);
    }
    for (const [a, b] of runs) {
      const values = this.tab.rows
        .slice(first, last + 1)
        .map((row) => toCells(padTo(row, b + 1).slice(a, b + 1), this.tab.plainText.slice(a, b + 1)));
      this.tab.sheet.getRange(sheetRow(first), a + 1, values.length, b - a + 1).setValues(values);
    }
  }

  private onlySystemBetween(a: number, b: number): boolean {
    for (let c = a + 1; c < b; c++) if (!this.systemColumn[c]) return false;
    return true;
  }

  /**
   * Deletes the rows marked for removal. A few runs of rows: one deleteRows each, bottom-up.
   * Many scattered runs (a full re-plan shortens many orders): the rows below the first
   * removed one are written back moved up in one setValues — every cell moves with its row,
   * as deleteRows would move it — and the freed rows at the end are deleted in one call.
   */
  deleteRemoved(): void {
    if (this.removed.size === 0) return;
    this.flush();
    const sheet = this.tab.sheet;
    const sorted = [...this.removed].sort((a, b) => b - a);
    const runs: Array<[number, number]> = []; // [first, count], bottom-up
    for (const i of sorted) {
      const run = runs[runs.length - 1];
      if (run && run[0] - 1 === i) {
        run[0] = i;
        run[1]++;
      } else runs.push([i, 1]);
    }
    // Google refuses to delete every non-frozen row: keep one spare row below.
    if (sheet.getMaxRows() <= sheetRow(this.tab.rows.length - 1)) sheet.insertRowsAfter(sheet.getMaxRows(), 1);
    if (runs.length <= COMPACT_AFTER) {
      for (const [first, count] of runs) {
        sheet.deleteRows(sheetRow(first), count);
        this.tab.rows.splice(first, count);
      }
    } else {
      const first = sorted[sorted.length - 1];
      const kept = this.tab.rows.slice(first).filter((_, k) => !this.removed.has(first + k));
      const width = Math.max(this.tab.header.length, 1);
      if (kept.length)
        sheet
          .getRange(sheetRow(first), 1, kept.length, width)
          .setValues(kept.map((row) => toCells(padTo(row, width).slice(0, width), this.tab.plainText)));
      sheet.deleteRows(sheetRow(first + kept.length), this.removed.size);
      this.tab.rows.splice(first, this.tab.rows.length - first, ...kept);
    }
    this.removed.clear();
  }
}

function padTo(row: unknown[], width: number): unknown[] {
  if (row.length >= width) return row;
  const out = row.slice();
  while (out.length < width) out.push('');
  return out;
}

function sameValue(a: unknown, b: unknown): boolean {
  if (isDate(a) && isDate(b)) return a.getTime() === b.getTime();
  if (isDate(a) || isDate(b)) return false;
  return (a ?? '') === (b ?? '');
}

export type ProblemCategory = 'plan' | 'report' | 'calendar';
const CATEGORY_KEY: Record<ProblemCategory, TextKey> = { plan: 'catPlan', report: 'catReport', calendar: 'catCalendar' };

/**
 * A Problems cell with the lines of one category replaced: each writer (the plan, the
 * report, the calendar) owns the lines that start with its label, in either language.
 */
export function withProblems(current: string, category: ProblemCategory, lines: readonly string[], locale: Locale): string {
  const labels = bothLanguages(CATEGORY_KEY[category]).map((l) => `${l}: `);
  const kept = current.split('\n').filter((line) => line.trim() !== '' && !labels.some((l) => line.startsWith(l)));
  const label = say(locale, CATEGORY_KEY[category]);
  return [...kept, ...lines.map((l) => `${label}: ${l}`)].join('\n');
}

export function hasProblem(current: string, category: ProblemCategory): boolean {
  return bothLanguages(CATEGORY_KEY[category]).some((l) => current.split('\n').some((line) => line.startsWith(`${l}: `)));
}
