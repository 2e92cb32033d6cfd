/**
 * A sheet of plain values for unit tests of the tab readers and writers: it records the
 * cells each getValues reads and each setValues writes, so a test can assert what a run read.
 */
export interface CountingSheet {
  sheet: GoogleAppsScript.Spreadsheet.Sheet;
  /** Row 1 is the header. */
  values: unknown[][];
  /** Cells per getValues, in order. */
  reads: number[];
  writes: Array<{ row: number; col: number; rows: number; cols: number }>;
}

export function countingSheet(name: string, header: string[], rows: unknown[][]): CountingSheet {
  const values: unknown[][] = [header, ...rows];
  const reads: number[] = [];
  const writes: CountingSheet['writes'] = [];
  const range = (r: number, c: number, nr: number, nc: number) => ({
    getValues() {
      reads.push(nr * nc);
      return values.slice(r - 1, r - 1 + nr).map((row) => row.slice(c - 1, c - 1 + nc));
    },
    setValues(v: unknown[][]) {
      writes.push({ row: r, col: c, rows: nr, cols: nc });
      v.forEach((line, k) => line.forEach((x, j) => (values[r - 1 + k][c - 1 + j] = x)));
    },
  });
  const sheet = {
    getLastRow: () => values.length,
    getLastColumn: () => header.length,
    getRange: range,
    getDataRange: () => range(1, 1, values.length, header.length),
    getName: () => name,
  } as unknown as GoogleAppsScript.Spreadsheet.Sheet;
  return { sheet, values, reads, writes };
}
