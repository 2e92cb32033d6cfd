/** Problems of single cells: a value that does not read as its column's type, a person not on Staff. */
import { Choice, ColumnDef, DEPARTMENTS, TabKey } from '../../../core/schema';
import { columnProblem, Localized, Params, Problem } from './messages';
import { Zone } from '../../../core/time';
import {
  CellParse,
  cellText,
  isBlank,
  parseAmount,
  parseChoiceCell,
  parseCount,
  parseDateCell,
  parseDateTimeCell,
  parseEmailCell,
  parseUrlCell,
  parseWeekdays,
  phoneDigits,
} from '../../../core/values';
import { DepartmentKey, findStaff, StaffDirectory } from '../../../core/permissions';

export function choicesParam(choices: readonly Choice[]): Localized {
  return { ru: choices.map((c) => c.ru).join(', '), en: choices.map((c) => c.en).join(', ') };
}

/** The problem for a cell that does not read as its column's type. */
export function invalidCellProblem(tab: TabKey, column: ColumnDef, parse: CellParse<unknown>): Problem[] {
  if (parse.status !== 'invalid') return [];
  const params: Params = { value: parse.text, suggestion: parse.suggestion ?? '' };
  if (column.choices) params.choices = choicesParam(column.choices);
  return [columnProblem(tab, parse.reason, column.key, params)];
}

/** Problems of one cell by its column's type (schema.ts); blank cells have none. */
export function typedCellProblems(tab: TabKey, column: ColumnDef, value: unknown, zone: Zone): Problem[] {
  switch (column.type) {
    case 'email':
      return invalidCellProblem(tab, column, parseEmailCell(value));
    case 'emails':
      return cellText(value)
        .split(/[,;\n]+/)
        .filter((part) => part.trim() !== '')
        .flatMap((part) => invalidCellProblem(tab, column, parseEmailCell(part)));
    case 'url':
      return invalidCellProblem(tab, column, parseUrlCell(value));
    case 'date':
      return invalidCellProblem(tab, column, parseDateCell(value, zone));
    case 'datetime':
      return invalidCellProblem(tab, column, parseDateTimeCell(value));
    case 'money':
      return invalidCellProblem(tab, column, parseAmount(value));
    case 'integer':
      return invalidCellProblem(tab, column, parseCount(value));
    case 'list':
      return column.choices ? invalidCellProblem(tab, column, parseChoiceCell(value, column.choices)) : [];
    case 'weekdays':
      return invalidCellProblem(tab, column, parseWeekdays(value));
    case 'phone':
      return isBlank(value) || phoneDigits(value) !== undefined
        ? []
        : [columnProblem(tab, 'phoneUnreadable', column.key, { value: cellText(value) }, 'warning')];
    default:
      return [];
  }
}

/** Warnings when a person named in a column is not on the Staff tab or not in the expected department. */
export function staffProblems(
  tab: TabKey,
  columnKey: string,
  value: unknown,
  expected: DepartmentKey,
  staff: StaffDirectory | undefined,
): Problem[] {
  if (!staff || staff.members.size === 0) return [];
  const email = parseEmailCell(value);
  if (email.status !== 'ok') return [];
  const member = findStaff(staff, email.value);
  if (!member) return [columnProblem(tab, 'notInStaff', columnKey, { value: email.value }, 'warning')];
  if (member.department === expected || member.department === 'management') return [];
  const label = (key: DepartmentKey | undefined): Localized => {
    const d = DEPARTMENTS.find((x) => x.key === key);
    return d ? { ru: d.ru, en: d.en } : { ru: '—', en: '—' };
  };
  return [
    columnProblem(
      tab,
      'wrongDepartment',
      columnKey,
      { value: email.value, department: label(member.department), expected: label(expected) },
      'warning',
    ),
  ];
}
