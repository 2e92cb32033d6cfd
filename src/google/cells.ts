/**
 * Sheets parses a string written by setValues as if a person typed it ("=1+1" becomes a
 * formula, "007" the number 7). A leading apostrophe keeps it text and is not stored,
 * so every string the system writes goes through `toCell`.
 */
export function asText(value: string): string {
  return value === '' ? '' : `'${value}`;
}

/**
 * A value ready for setValues. In a plain-text ("@") column the string goes as is (there
 * an apostrophe would be kept literally); elsewhere it is forced to text.
 */
export function toCell(value: unknown, plainText = false): unknown {
  return typeof value === 'string' && !plainText ? asText(value) : value;
}

export function toCells(row: readonly unknown[], plainText: readonly boolean[] = []): unknown[] {
  return row.map((v, i) => toCell(v, plainText[i] === true));
}
