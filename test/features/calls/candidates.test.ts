/**
 * The calls run's view of Candidates (src/features/calls/candidates.ts): an edit reads the ID
 * column and the rows it looks up, never the tab; a tick reads the tab; an edit never writes a
 * row it did not read.
 */
import { CandidateBook } from '../../../src/features/calls/candidates';
import { tabDef } from '../../../src/core/schema';
import { readTab } from '../../../src/google/workbook';
import type { RunContext } from '../../../src/app/context';
import { countingSheet } from '../../support/counting-sheet';

const def = tabDef('candidates');
const HEADER = def.columns.map((c) => c.en);
const col = (key: string) => def.columns.findIndex((c) => c.key === key);

/** A Candidates sheet of `n` rows that counts the cells each read and write touches. */
function sheet(n: number) {
  const rows = Array.from({ length: n }, (_, i) =>
    HEADER.map((_, c) =>
      c === col('candidateId') ? `C-${i}` : c === col('email') ? `c${i}@example.com` : c === col('name') ? `Name ${i}` : '',
    ),
  );
  const { sheet: s, values, reads, writes } = countingSheet('Candidates', HEADER, rows);
  return { s, values, reads, writes };
}

function ctxOf(s: GoogleAppsScript.Spreadsheet.Sheet): RunContext {
  const tabs = new Map<string, ReturnType<typeof readTab>>();
  return {
    sheets: new Map([['candidates', s]]),
    tab: (key: 'candidates') => {
      if (!tabs.has(key)) tabs.set(key, readTab(s, key));
      return tabs.get(key) ?? null;
    },
  } as unknown as RunContext;
}

describe('the Candidates tab in a calls run', () => {
  test('an edit reads the ID column, then one row per candidate it looks up', () => {
    const { s, reads } = sheet(20000);
    const book = new CandidateBook(ctxOf(s), true);
    expect(Math.max(...reads)).toBe(20000); // the ID column, not 20,000 × the width
    const before = reads.length;
    expect(book.byId.get('C-17')).toMatchObject({ id: 'C-17', email: 'c17@example.com', name: 'Name 17' });
    expect(book.byId.get('C-17')?.name).toBe('Name 17'); // read once
    expect(book.byId.has('C-99999')).toBe(false);
    expect(reads.slice(before)).toEqual([HEADER.length]);
    expect(book.rows.get('C-20')).toBe(20); // every ID is known (an unknown candidate is a real one)
    expect([...book.loaded()]).toEqual([['C-17', 17]]);
  });

  test('a tick reads the tab once, whole', () => {
    const { s, reads } = sheet(50);
    const book = new CandidateBook(ctxOf(s), false);
    expect(reads).toEqual([51 * HEADER.length]);
    expect(book.byId.get('C-3')?.email).toBe('c3@example.com');
    expect(reads).toHaveLength(1);
  });

  test('an edit writes the rows it changes one by one, never the rows between them it did not read', () => {
    const { s, values, writes } = sheet(100);
    const book = new CandidateBook(ctxOf(s), true);
    values[51][col('price')] = 'typed by a person';
    book.writeColumn(
      'price',
      new Map<number, unknown>([
        [10, '100'],
        [90, '200'],
      ]),
    );
    expect(writes.map((w) => [w.row, w.rows])).toEqual([
      [12, 1],
      [92, 1],
    ]);
    expect(values[51][col('price')]).toBe('typed by a person');
    // A text column is written as plain text (the leading apostrophe keeps "100" a string).
    expect([values[11][col('price')], values[91][col('price')]]).toEqual(["'100", "'200"]);
  });
});
