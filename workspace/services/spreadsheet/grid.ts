/**
 * One layer of a sheet (values, formats, notes…): rows allocated on first write, each a
 * dense array of columns. A 10,000 × 30 sheet is 10,000 small arrays, not 300,000 map entries.
 * Indexes are 0-based; `undefined` means "nothing here".
 */
export class Grid<T> {
  rows: (Array<T | undefined> | undefined)[] = [];

  get(r: number, c: number): T | undefined {
    const row = this.rows[r];
    return row === undefined ? undefined : row[c];
  }

  set(r: number, c: number, v: T | undefined): void {
    let row = this.rows[r];
    if (row === undefined) {
      if (v === undefined) return;
      row = this.rows[r] = [];
    }
    row[c] = v;
  }

  clear(r: number, c: number, nr: number, nc: number): void {
    for (let i = r; i < r + nr; i++) {
      const row = this.rows[i];
      if (row) for (let j = c; j < c + nc && j < row.length; j++) row[j] = undefined;
    }
  }

  insertRows(at: number, n: number): void {
    if (at >= this.rows.length) return;
    // concat, not splice(...spread): a spread of 100k+ arguments overflows the call stack.
    this.rows = this.rows.slice(0, at).concat(new Array<undefined>(n), this.rows.slice(at));
  }

  deleteRows(at: number, n: number): void {
    this.rows.splice(at, n);
  }

  insertCols(at: number, n: number): void {
    this.rows.forEach((row, r) => {
      if (row && at < row.length) this.rows[r] = row.slice(0, at).concat(new Array<undefined>(n), row.slice(at));
    });
  }

  deleteCols(at: number, n: number): void {
    for (const row of this.rows) if (row) row.splice(at, n);
  }

  /** Copies row `from` into row `to` (used when inserted rows inherit formatting). */
  copyRow(from: number, to: number): void {
    const row = this.rows[from];
    this.rows[to] = row ? row.slice() : undefined;
  }

  /** 1-based number of the last row holding something, 0 if none. */
  lastRow(): number {
    for (let r = this.rows.length - 1; r >= 0; r--) {
      const row = this.rows[r];
      if (row && row.some((v) => v !== undefined)) return r + 1;
    }
    return 0;
  }

  /** 1-based number of the last column holding something, 0 if none. */
  lastCol(): number {
    let last = 0;
    for (const row of this.rows) {
      if (!row) continue;
      for (let c = row.length - 1; c >= last; c--) {
        if (row[c] !== undefined) {
          last = c + 1;
          break;
        }
      }
    }
    return last;
  }

  /** Calls fn for every defined entry. */
  forEach(fn: (v: T, r: number, c: number) => void): void {
    this.rows.forEach((row, r) => row?.forEach((v, c) => v !== undefined && fn(v, r, c)));
  }
}
