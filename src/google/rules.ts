/**
 * Per-column formats, dropdowns and validations and the highlight of rows with problems
 * (protections are in protections.ts). Re-running replaces Reglament's own rules and
 * touches no data.
 */
import { readHeader } from './workbook';
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

/** Formats and validations for every known column of the tab, below the header. */
export function applyColumnRules(sheet: Sheet, def: TabDef, locale: Locale): void {
  const lastCol = sheet.getLastColumn();
  if (lastCol < 1) return;
  const rows = sheet.getMaxRows() - 1;
  if (rows < 1) return;
  const header = readHeader(sheet, lastCol);
  const { index } = mapColumns(def, header);
  for (const col of def.columns) {
    const i = index[col.key];
    if (i === undefined) continue;
    const range = sheet.getRange(2, i + 1, rows, 1);
    range.setNumberFormat(numberFormat(col.type, locale));
    const rule = validation(col, locale);
    if (rule) range.setDataValidation(rule);
  }
}

/** Shades a row whose Problems cell is not empty. */
export function applyProblemHighlight(sheet: Sheet, def: TabDef): void {
  const lastCol = sheet.getLastColumn();
  const header = readHeader(sheet, lastCol);
  const i = mapColumns(def, header).index['problems'];
  if (i === undefined) return;
  const letter = columnLetter(i + 1);
  const rule = SpreadsheetApp.newConditionalFormatRule()
    .whenFormulaSatisfied(`=$${letter}2<>""`)
    .setBackground(PROBLEM_BACKGROUND)
    .setRanges([sheet.getRange(2, 1, sheet.getMaxRows() - 1, lastCol)])
    .build();
  // Keep a person's own rules; replace only ours (same formula).
  const others = sheet.getConditionalFormatRules().filter((r) => {
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
