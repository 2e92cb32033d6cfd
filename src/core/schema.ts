/**
 * The workbook's tabs and columns (docs/DOMAIN.md §9). The English headers are a contract that
 * the CLI, tests and docs rely on: add, never rename. Russian headers are their
 * translation; a column is found by its header in either language, never by position.
 */
import type { Choice, ColumnDef, ColumnType, Locale, TabDef, TabKey } from './columns';
import { TABS } from './tabs';

export * from './columns';
export { TABS } from './tabs';

const TAB_BY_KEY = new Map(TABS.map((t) => [t.key, t]));

export function tabDef(key: TabKey): TabDef {
  const tab = TAB_BY_KEY.get(key);
  if (!tab) throw new Error(`Unknown tab key: ${key}`);
  return tab;
}

/** The tab's name in a locale. */
export function tabName(tab: TabDef, locale: Locale): string {
  return locale === 'en' ? tab.en : tab.ru;
}

export function headerOf(column: ColumnDef, locale: Locale): string {
  return locale === 'en' ? column.en : column.ru;
}

function normalize(text: string): string {
  return text.trim().replace(/\s+/g, ' ').replace(/\*$/, '').trim().toLowerCase();
}

/** Finds a tab by its name in either language (case and spacing ignored). */
export function findTab(name: string): TabDef | undefined {
  const n = normalize(name);
  return TABS.find((t) => normalize(t.en) === n || normalize(t.ru) === n);
}

/** Finds a column of `tab` by a header in either language. */
export function findColumn(tab: TabDef, header: string): ColumnDef | undefined {
  const n = normalize(header);
  return tab.columns.find((col) => normalize(col.en) === n || normalize(col.ru) === n);
}

/** Where each of the tab's columns stands in a header row (0-based), found by header text. */
export interface ColumnMap {
  /** column key → 0-based index in the row, for the columns present. */
  index: Record<string, number>;
  /** Columns of the definition missing from the header row. */
  missing: ColumnDef[];
  /** Header cells that match no column of the definition (a person's own columns). */
  extra: string[];
}

export function mapColumns(tab: TabDef, headerRow: readonly unknown[]): ColumnMap {
  const index: Record<string, number> = {};
  const extra: string[] = [];
  headerRow.forEach((cell, i) => {
    const text = typeof cell === 'string' ? cell : String(cell ?? '');
    if (!text.trim()) return;
    const col = findColumn(tab, text);
    if (col && index[col.key] === undefined) index[col.key] = i;
    else extra.push(text);
  });
  const missing = tab.columns.filter((col) => index[col.key] === undefined);
  return { index, missing, extra };
}

/** A choice's label in a locale. */
export function choiceLabel(choiceItem: Choice, locale: Locale): string {
  return locale === 'en' ? choiceItem.en : choiceItem.ru;
}

/** Finds which choice a cell's text names, in either language. */
export function findChoice(choices: readonly Choice[], text: string): Choice | undefined {
  const n = normalize(text);
  if (!n) return undefined;
  return choices.find((ch) => normalize(ch.en) === n || normalize(ch.ru) === n || ch.key.toLowerCase() === n);
}

const NON_TEXT: readonly ColumnType[] = ['date', 'datetime', 'number', 'integer', 'money', 'checkbox'];

/** Columns setup formats as plain text ("@"): what is written there is never re-parsed. */
export function isTextColumn(column: ColumnDef): boolean {
  return NON_TEXT.indexOf(column.type) < 0;
}
