/**
 * Per-column formats, dropdowns and validations and the highlight of rows with problems
 * (protections are in protections.ts). Re-running replaces Reglament's own rules and
 * touches no data. A number format is one call per sheet over every column that has it
 * (Sheet.getRangeList(a1s).setNumberFormat: RangeList applies to each of its ranges); a
 * validation is one call per run of adjacent columns with the same rule (Range.setDataValidation
 * applies to every cell of a range; RangeList has no setDataValidation).
 * https://developers.google.com/apps-script/reference/spreadsheet/range-list
 */
import { ColumnDef, ColumnType, Locale, TabDef, choiceLabel, mapColumns } from '../core/schema';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type DataValidation = GoogleAppsScript.Spreadsheet.DataValidation;

export const PROBLEM_BACKGROUND = '#f4cccc';

function numberFormat(type: ColumnType, locale: Locale): string {
  const date = locale === 'en' ? 'yyyy-mm-dd' : 'dd.mm.yyyy';
  switch (type) {
    case 'date':
      return date;
    case 'datetime':
      return `${date} hh:mm`;
    case 'number':
      return '0.##';
    case 'integer':
      return '0';
    case 'money':
      return '#,##0.00';
    case 'checkbox':
      return 'General';
    default:
      return '@'; // plain text: "=1+1", "007" and "+7 999…" stay as typed
  }
}

function validation(col: ColumnDef, locale: Locale): DataValidation | null {
  const help = (ru: string, en: string) => (locale === 'en' ? en : ru);
  const b = SpreadsheetApp.newDataValidation().setAllowInvalid(true);
  switch (col.type) {
    case 'checkbox':
      return SpreadsheetApp.newDataValidation().requireCheckbox().setAllowInvalid(false).build();
    case 'list':
      if (!col.choices || col.system) return null;
      return b
        .requireValueInList(
          col.choices.map((ch) => choiceLabel(ch, locale)),
          true,
        )
        .setHelpText(help('Выберите из списка', 'Pick from the list'))
        .build();
    case 'email':
      return b.requireTextIsEmail().setHelpText(help('Адрес e-mail', 'An e-mail address')).build();
    case 'url':
      return b.requireTextIsUrl().setHelpText(help('Ссылка https://…', 'A link https://…')).build();
    case 'date':
    case 'datetime':
      return b.requireDate().setHelpText(help('Дата', 'A date')).build();
    case 'number':
    case 'integer':
    case 'money':
      return b.requireNumberGreaterThanOrEqualTo(0).setHelpText(help('Число не меньше 0', 'A number, 0 or more')).build();
    default:
      return null;
  }
}

/** Formats and validations for every known column of the tab (its `header`), below the header, over `maxRows`. */
export function applyColumnRules(sheet: Sheet, def: TabDef, locale: Locale, header: readonly unknown[], maxRows: number): void {
  const rows = maxRows - 1;
  if (header.length < 1 || rows < 1) return;
  const { index } = mapColumns(def, header);
  const formats: Array<{ col: number; key: string }> = [];
  const rules: Array<{ col: number; key: string; rule: DataValidation }> = [];
  for (const col of def.columns) {
    const i = index[col.key];
    if (i === undefined) continue;
    formats.push({ col: i + 1, key: numberFormat(col.type, locale) });
    const rule = validation(col, locale);
    if (rule) rules.push({ col: i + 1, key: ruleKey(col), rule });
  }
  // A format: one call over all its column runs. A rule: one call per run of adjacent columns.
  const byFormat = new Map<string, string[]>();
  for (const run of adjacentRuns(formats)) byFormat.set(run.key, [...(byFormat.get(run.key) ?? []), blockA1(run.first, run.last, maxRows)]);
  for (const [format, a1s] of byFormat) sheet.getRangeList(a1s).setNumberFormat(format);
  for (const run of adjacentRuns(rules)) sheet.getRange(2, run.first, rows, run.last - run.first + 1).setDataValidation(run.rule);
}

/** Columns first…last (1-based) below the header, to the sheet's last row: "B2:F1000". */
export function blockA1(first: number, last: number, maxRows: number): string {
  return `${columnLetter(first)}2:${columnLetter(last)}${maxRows}`;
}

/** Columns whose validations are the same rule (type and choices). */
function ruleKey(col: ColumnDef): string {
  return `${RULE_KIND[col.type] ?? col.type}|${(col.choices ?? []).map((c) => c.key).join(',')}`;
}

/** Column types whose validation is the same rule (validation() above): one run across them. */
const RULE_KIND: Partial<Record<ColumnType, string>> = {
  date: 'date',
  datetime: 'date',
  number: 'number',
  integer: 'number',
  money: 'number',
};

/** Runs of adjacent columns (1-based) with the same key, each with the first one's apply. */
function adjacentRuns<T extends { col: number; key: string }>(items: readonly T[]): Array<T & { first: number; last: number }> {
  const sorted = [...items].sort((a, b) => a.col - b.col);
  const out: Array<T & { first: number; last: number }> = [];
  for (const item of sorted) {
    const last = out[out.length - 1];
    if (last && last.key === item.key && last.last === item.col - 1) last.last = item.col;
    else out.push({ ...item, first: item.col, last: item.col });
  }
  return out;
}

/** Shades a row whose Problems cell is not empty; `current` is the sheet's rules as read before. */
export function applyProblemHighlight(
  sheet: Sheet,
  def: TabDef,
  header: readonly unknown[],
  maxRows: number,
  current: GoogleAppsScript.Spreadsheet.ConditionalFormatRule[],
): void {
  const lastCol = header.length;
  const i = mapColumns(def, header).index['problems'];
  if (i === undefined || maxRows < 2) return;
  const letter = columnLetter(i + 1);
  const rule = SpreadsheetApp.newConditionalFormatRule()
    .whenFormulaSatisfied(`=$${letter}2<>""`)
    .setBackground(PROBLEM_BACKGROUND)
    .setRanges([sheet.getRange(2, 1, maxRows - 1, lastCol)])
    .build();
  // Keep a person's own rules; replace only ours (same formula).
  const others = current.filter((r) => {
    const condition = r.getBooleanCondition();
    const values = condition ? condition.getCriteriaValues() : [];
    return !(values.length === 1 && String(values[0]) === `=$${letter}2<>""`);
  });
  sheet.setConditionalFormatRules([...others, rule]);
}

export function columnLetter(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}
