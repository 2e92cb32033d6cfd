/**
 * Sheets parses a string written by setValues as if a person typed it ("=1+1" becomes a
 * formula, "1.5" a number). A leading apostrophe keeps it text and is not stored, so
 * everything the system copies from a person or a message goes through `asText`.
 */
export function asText(value: string): string {
  return value === '' ? '' : `'${value}`;
}
