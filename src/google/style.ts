/**
 * How setup makes the workbook pleasant to work in, in few service calls per tab: the header
 * row bold, wrapped and filled with the colour of the department that fills each column
 * (PERMISSIONS; a legend on Settings), column widths by content type (runs of equal width in
 * one setColumnWidths each), long text wrapped (with the header row, one RangeList call), event IDs
 * in a collapsed column group (kept, out of the way). Number formats are rules.ts's and stay.
 *
 * Re-running repairs the header style and the groups. Widths are set when a tab is made, and
 * once on a workbook set up before they existed (a script property records it): a width a
 * person chose afterwards is theirs.
 */
import { ColumnDef, Locale, TabDef, mapColumns } from '../core/schema';
import { ruleOf } from '../core/permissions';
import { blockA1, columnLetter } from './rules';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Who fills a column, as its header's colour says. */
export type Owner = 'sales' | 'hr' | 'client' | 'management' | 'several' | 'callManager' | 'system' | 'free';

export const OWNER_FILL: Readonly<Record<Owner, string>> = {
  sales: '#cfe2f3',
  hr: '#d9ead3',
  client: '#fff2cc',
  management: '#ead1dc',
  several: '#fce5cd',
  callManager: '#d0e0e3',
  system: '#eeeeee',
  free: '#ffffff',
};

const OWNER_TEXT: Readonly<Record<Owner, Record<Locale, string>>> = {
  sales: { ru: 'Отдел продаж', en: 'Sales' },
  hr: { ru: 'HR', en: 'HR' },
  client: { ru: 'Клиентский отдел', en: 'Client department' },
  management: { ru: 'Руководство', en: 'Management' },
  several: { ru: 'Несколько отделов', en: 'Several departments' },
  callManager: { ru: 'Руководитель звонка', en: "The call's manager" },
  system: { ru: 'Регламент (система)', en: 'Reglament (the system)' },
  free: { ru: 'Ваш столбец', en: 'Your own column' },
};

const LEGEND_TEXT = {
  title: { ru: 'Цвет заголовка — кто заполняет столбец', en: 'Header colour — who fills the column' },
  department: { ru: 'только этот отдел (и руководство)', en: 'that department only (and Management)' },
  several: { ru: 'несколько отделов (какие — в боковой панели)', en: 'several departments (the sidebar says which)' },
  callManager: { ru: 'руководитель звонка или менеджер продаж его заказа', en: "the call's manager or its order's sales manager" },
  management: { ru: 'руководство и владелец таблицы', en: 'Management and the spreadsheet owner' },
  system: { ru: 'только Регламент: вручную не менять', en: 'Reglament only: not to be typed in' },
} as const;

/** The colour group of a column: its department, several, the call's manager, the system's. */
export function ownerOf(tab: TabDef, col: ColumnDef | undefined): Owner {
  if (!col) return 'free';
  const rule = ruleOf(tab.key, col.key);
  if (!rule) return 'free';
  switch (rule.kind) {
    case 'system':
      return 'system';
    case 'management':
      return 'management';
    case 'callManager':
      return 'callManager';
    case 'departments':
      return rule.departments.length === 1 ? (rule.departments[0] as Owner) : 'several';
  }
}

/**
 * Width in pixels by what a column holds (Google's default is 100), in four steps so that
 * neighbouring columns share a width and one setColumnWidths sets a run of them.
 */
export function widthOf(col: ColumnDef | undefined, tab?: TabDef): number {
  if (!col) return 150;
  const special = tab ? WIDE[`${tab.key}.${col.key}`] : undefined;
  if (special) return special;
  switch (col.type) {
    case 'date':
    case 'number':
    case 'integer':
    case 'money':
    case 'checkbox':
    case 'weekdays':
      return 100;
    case 'email':
    case 'emails':
    case 'url':
      return 210;
    case 'longtext':
      return 280;
    default:
      return 150; // IDs, text, lists, phones, date-times, zones
  }
}

/** Columns whose text runs longer than their type says (setting names, template keys, log actions). */
const WIDE: Readonly<Record<string, number>> = {
  'settings.key': 240,
  'templates.key': 210,
  'templates.subject': 280,
  'outbox.key': 210,
  'outbox.subject': 280,
  'log.action': 210,
  'log.rowKey': 210,
};

/** Runs of adjacent columns (1-based) sharing a value. */
function runs<T>(values: T[]): Array<{ start: number; count: number; value: T }> {
  const out: Array<{ start: number; count: number; value: T }> = [];
  values.forEach((value, i) => {
    const last = out[out.length - 1];
    if (last && last.value === value) last.count++;
    else out.push({ start: i + 1, count: 1, value });
  });
  return out;
}

/**
 * The setColumnWidths calls that give `widths` (1-based runs): one per run of equal widths,
 * or — when fewer — one over every column at the commonest width, then one per run of the
 * others (a run never spans a column the first call already set right).
 */
export function widthCalls(widths: number[]): Array<{ start: number; count: number; value: number }> {
  let best = runs(widths);
  for (const base of new Set(widths)) {
    const rest = runs(widths.map((w) => (w === base ? null : w))).filter((run) => run.value !== null) as Array<{
      start: number;
      count: number;
      value: number;
    }>;
    if (1 + rest.length < best.length) best = [{ start: 1, count: widths.length, value: base }, ...rest];
  }
  return best;
}

/**
 * Styles one tab from its header as it is (columns found by header, never by position).
 * `widths`: set the column widths too (a new tab, or the first styled setup). `maxRows` and
 * the event ID column's group depth were read before (setup writes only after its reads).
 */
export function applyStyle(sheet: Sheet, def: TabDef, header: unknown[], widths: boolean, maxRows: number, eventGroupDepth: number): void {
  const lastCol = header.length;
  if (lastCol < 1) return;
  const { index } = mapColumns(def, header);
  const byIndex: Array<ColumnDef | undefined> = new Array(lastCol).fill(undefined);
  for (const col of def.columns) if (index[col.key] !== undefined) byIndex[index[col.key]] = col;

  const head = sheet.getRange(1, 1, 1, lastCol);
  head.setFontWeight('bold');
  head.setBackgrounds([byIndex.map((col) => OWNER_FILL[ownerOf(def, col)])]);

  // The header and the long-text columns wrapped in one call (a RangeList of them).
  const long = maxRows >= 2 ? runs(byIndex.map((col) => col?.type === 'longtext')).filter((run) => run.value) : [];
  sheet
    .getRangeList([`A1:${columnLetter(lastCol)}1`, ...long.map((run) => blockA1(run.start, run.start + run.count - 1, maxRows))])
    .setWrap(true);

  if (widths) for (const run of widthCalls(byIndex.map((col) => widthOf(col, def)))) sheet.setColumnWidths(run.start, run.count, run.value);

  // Event IDs (long, for the script): in a collapsed group of their own, not deleted.
  const eventCol = index['eventId'];
  if (eventCol !== undefined && !def.systemTab) {
    if (eventGroupDepth === 0) {
      const range = sheet.getRange(1, eventCol + 1);
      range.shiftColumnGroupDepth(1);
      range.collapseGroups();
    }
  }
}

/** The cells the legend takes on Settings (E1:F…), as they are: read before setup writes. */
export function legendCells(settings: Sheet): unknown[][] {
  return settings.getRange(1, 5, 1 + LEGEND.length, 2).getValues();
}

/**
 * The legend of the header colours on Settings, to the right of its table (columns E:F),
 * unless a person has put something else there (`current`: legendCells, read before).
 */
export function writeLegend(settings: Sheet, locale: Locale, current: unknown[][]): void {
  const at = settings.getRange(1, 5, 1 + LEGEND.length, 2);
  const title = LEGEND_TEXT.title[locale];
  const first = String(current[0]?.[0] ?? '');
  const mine = first === title || first === LEGEND_TEXT.title[locale === 'ru' ? 'en' : 'ru'];
  if (!mine && current.some((r) => r.some((v) => String(v ?? '') !== ''))) return;
  const meaning = (o: Owner) =>
    o === 'several' || o === 'management' || o === 'system' || o === 'callManager' ? LEGEND_TEXT[o][locale] : LEGEND_TEXT.department[locale];
  at.setValues([[title, ''], ...LEGEND.map((o) => [OWNER_TEXT[o][locale], meaning(o)])]);
  at.setBackgrounds([['#ffffff', '#ffffff'], ...LEGEND.map((o) => [OWNER_FILL[o], '#ffffff'])]);
  settings.getRange(1, 5).setFontWeight('bold');
  settings.setColumnWidths(5, 1, 190);
  settings.setColumnWidths(6, 1, 380);
}

const LEGEND: readonly Owner[] = ['sales', 'hr', 'client', 'several', 'callManager', 'management', 'system'];
