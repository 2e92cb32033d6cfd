/**
 * Writing system columns back (src/google/records.ts) into a tab read in part: a row the run
 * did not read is never written, however the changed rows lie around it.
 */
import { tabDef } from '../../src/core/schema';
import { loadRows, readTabBlock } from '../../src/google/workbook';
import { writeColumn } from '../../src/google/records';
import { countingSheet } from '../support/counting-sheet';

const def = tabDef('calls');
const HEADER = def.columns.map((c) => c.en);
const col = (key: string) => def.columns.findIndex((c) => c.key === key);

function calls(n: number) {
  return countingSheet(
    'Calls',
    HEADER,
    Array.from({ length: n }, (_, i) => HEADER.map((_, c) => (c === col('callId') ? `CALL-2026-${i}` : c === col('problems') ? `p${i}` : ''))),
  );
}

describe('writeColumn on a tab read in part', () => {
  test('the span between changed rows breaks at rows not read; their cells stay as they are', () => {
    const s = calls(100);
    const tab = readTabBlock(s.sheet, 'calls', 10, 12)!;
    loadRows(tab, [80]);
    writeColumn(
      tab,
      'problems',
      new Map<number, unknown>([
        [10, 'new 10'],
        [12, 'new 12'],
        [80, 'new 80'],
        [50, 'not read: dropped'],
      ]),
    );
    expect(s.writes.map((w) => [w.row, w.rows])).toEqual([
      [12, 3], // rows 10..12: read, one span
      [82, 1],
    ]);
    const problems = (i: number) => s.values[i + 1][col('problems')];
    expect([problems(10), problems(11), problems(12), problems(80)]).toEqual(['new 10', 'p11', 'new 12', 'new 80']);
    for (const i of [13, 50, 79]) expect(problems(i)).toBe(`p${i}`);
  });

  test('a tab read whole is written in one span, as before', () => {
    const s = calls(30);
    const tab = readTabBlock(s.sheet, 'calls', 0, 29)!;
    writeColumn(
      tab,
      'problems',
      new Map<number, unknown>([
        [2, 'a'],
        [25, 'b'],
      ]),
    );
    expect(s.writes.map((w) => [w.row, w.rows])).toEqual([[4, 24]]);
  });
});
