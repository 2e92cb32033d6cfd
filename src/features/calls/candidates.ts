/**
 * The Candidates tab as one calls run sees it (issue 15: reads that do not grow with the
 * tab). A tick plans every call and reads the tab whole. An edit plans a few calls: it reads
 * the Candidate ID column, then only the rows of the candidates it looks up, one read each,
 * when it first looks them up — a tab of 20,000 candidates costs an edit ~0.25 s, not ~2.6 s.
 *
 * Rows not read are empty placeholders (google/workbook isLoaded): they are never written
 * (writeColumn spans rows and would write them back empty), so an edit writes Candidates
 * cells row by row (writeCells) and leaves what it did not read to the next tick.
 */
import { TabData, isLoaded, loadRows, readColumn, readTabBlock } from '../../google/workbook';
import { recordOf, writeColumn, writeRowCells } from '../../google/records';
import { RunContext } from '../../app/context';
import { CandidateInfo, candidateIndex, normId } from './rules/indexes';

/** A cell as text, as the calls run reads IDs (numbers kept, other values blank). */
const text = (v: unknown): string => (typeof v === 'string' ? v.trim() : typeof v === 'number' ? String(v) : '');

/** A Map of candidates by normalised ID that reads a candidate's row when first asked for it. */
class LazyCandidates extends Map<string, CandidateInfo> {
  constructor(private readonly load: (key: string) => CandidateInfo | undefined) {
    super();
  }
  override get(key: string): CandidateInfo | undefined {
    if (!super.has(key)) {
      const found = this.load(key);
      if (found) super.set(key, found);
    }
    return super.get(key);
  }
  override has(key: string): boolean {
    return this.get(key) !== undefined;
  }
}

export class CandidateBook {
  /** Normalised Candidate ID → data row index (the first row with that ID). */
  readonly rows = new Map<string, number>();
  readonly byId: Map<string, CandidateInfo>;
  readonly tab: TabData | null;
  /** Only some rows are read (an edit's run). */
  readonly partial: boolean;

  constructor(ctx: RunContext, partial: boolean) {
    const sheet = ctx.sheets.get('candidates');
    this.partial = partial && !!sheet;
    if (!this.partial) {
      this.tab = ctx.tab('candidates');
      const tab = this.tab;
      const records = tab ? tab.rows.map((r) => recordOf(tab, r)) : [];
      this.byId = candidateIndex(records);
      records.forEach((r, i) => this.note(r.candidateId, i));
      return;
    }
    this.tab = readTabBlock(sheet, 'candidates', 0, -1);
    if (this.tab) readColumn(this.tab, 'candidateId').forEach((id, i) => this.note(id, i));
    this.byId = new LazyCandidates((key) => {
      const i = this.rows.get(key);
      const row = i === undefined ? undefined : this.row(i);
      return row && this.tab ? candidateIndex([recordOf(this.tab, row)]).get(key) : undefined;
    });
  }

  private note(id: unknown, i: number): void {
    const t = text(id);
    if (t && !this.rows.has(normId(t))) this.rows.set(normId(t), i);
  }

  /** The rows of these candidates, read together (adjacent rows in one call) before they are looked up one by one. */
  preload(ids: readonly string[]): void {
    if (!this.partial || !this.tab) return;
    const want = ids.map((id) => this.rows.get(normId(id))).filter((i): i is number => i !== undefined);
    if (want.length > 1) loadRows(this.tab, want);
  }

  /** Data row `i`, read now if it was not. */
  row(i: number): unknown[] | undefined {
    const tab = this.tab;
    if (!tab || i < 0 || i >= tab.rows.length) return undefined;
    if (!isLoaded(tab.rows[i])) {
      const width = Math.max(tab.header.length, 1);
      tab.rows[i] = tab.sheet.getRange(i + 2, 1, 1, width).getValues()[0];
    }
    return tab.rows[i];
  }

  /** The rows read so far, as [Candidate ID key, row index]. */
  *loaded(): IterableIterator<[string, number]> {
    for (const [id, i] of this.rows) if (this.tab && isLoaded(this.tab.rows[i])) yield [id, i];
  }

  /** Writes one column's changes: spanning rows in a whole read, row by row in a partial one. */
  writeColumn(key: string, changes: Map<number, unknown>): void {
    if (!this.tab || changes.size === 0) return;
    if (!this.partial) return writeColumn(this.tab, key, changes);
    for (const [i, value] of changes) if (this.row(i)) writeRowCells(this.tab, i, { [key]: value });
  }
}
