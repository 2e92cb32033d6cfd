/**
 * Sheets parses a string written by setValues as if a person typed it ("=1+1" becomes a
 * formula, "007" the number 7). A leading apostrophe keeps it text and is not stored,
 * so every string the system writes goes through `toCell`.
 */
export function asText(value: string): string {
  return value === '' ? '' : `'${value}`;
}

export function toCell(value: unknown): unknown {
  return typeof value === 'string' ? asText(value) : value;
}

export function toCells(row: readonly unknown[]): unknown[] {
  return row.map(toCell);
}
