/**
 * Apps Script enums: each member is an object whose toString()/name() give its name, compared
 * by identity (rule.getCriteriaType() === SpreadsheetApp.DataValidationCriteria.CHECKBOX).
 */
export interface EnumValue {
  toString(): string;
  name(): string;
  ordinal(): number;
  toJSON(): string;
}

export type Enum<K extends string> = Readonly<Record<K, EnumValue>>;

export function makeEnum<K extends string>(names: readonly K[]): Enum<K> {
  const out = {} as Record<K, EnumValue>;
  names.forEach((n, i) => {
    out[n] = Object.freeze({ toString: () => n, name: () => n, ordinal: () => i, toJSON: () => n });
  });
  return Object.freeze(out);
}

/** The member of `e` named `name` (for values read back from JSON). */
export function member<K extends string>(e: Enum<K>, name: string): EnumValue {
  const v = (e as Record<string, EnumValue>)[name];
  if (!v) throw new Error(`Unknown enum member ${name}`);
  return v;
}

export const DataValidationCriteria = makeEnum([
  'DATE_AFTER',
  'DATE_BEFORE',
  'DATE_BETWEEN',
  'DATE_EQUAL_TO',
  'DATE_IS_VALID_DATE',
  'DATE_NOT_BETWEEN',
  'DATE_ON_OR_AFTER',
  'DATE_ON_OR_BEFORE',
  'NUMBER_BETWEEN',
  'NUMBER_EQUAL_TO',
  'NUMBER_GREATER_THAN',
  'NUMBER_GREATER_THAN_OR_EQUAL_TO',
  'NUMBER_LESS_THAN',
  'NUMBER_LESS_THAN_OR_EQUAL_TO',
  'NUMBER_NOT_BETWEEN',
  'NUMBER_NOT_EQUAL_TO',
  'TEXT_CONTAINS',
  'TEXT_DOES_NOT_CONTAIN',
  'TEXT_EQUAL_TO',
  'TEXT_IS_VALID_EMAIL',
  'TEXT_IS_VALID_URL',
  'VALUE_IN_LIST',
  'VALUE_IN_RANGE',
  'CUSTOM_FORMULA',
  'CHECKBOX',
] as const);
export type CriteriaName = keyof typeof DataValidationCriteria;

export const BooleanCriteria = makeEnum([
  'CELL_EMPTY',
  'CELL_NOT_EMPTY',
  'DATE_AFTER',
  'DATE_BEFORE',
  'DATE_EQUAL_TO',
  'NUMBER_BETWEEN',
  'NUMBER_EQUAL_TO',
  'NUMBER_GREATER_THAN',
  'NUMBER_GREATER_THAN_OR_EQUAL_TO',
  'NUMBER_LESS_THAN',
  'NUMBER_LESS_THAN_OR_EQUAL_TO',
  'NUMBER_NOT_BETWEEN',
  'NUMBER_NOT_EQUAL_TO',
  'TEXT_CONTAINS',
  'TEXT_DOES_NOT_CONTAIN',
  'TEXT_EQUAL_TO',
  'TEXT_STARTS_WITH',
  'TEXT_ENDS_WITH',
  'CUSTOM_FORMULA',
] as const);
export type BooleanCriteriaName = keyof typeof BooleanCriteria;

export const ProtectionType = makeEnum(['RANGE', 'SHEET'] as const);
export const Button = makeEnum(['CLOSE', 'OK', 'CANCEL', 'YES', 'NO'] as const);
export const ButtonSet = makeEnum(['OK', 'OK_CANCEL', 'YES_NO', 'YES_NO_CANCEL'] as const);
export const Dimension = makeEnum(['COLUMNS', 'ROWS'] as const);
export const WrapStrategy = makeEnum(['WRAP', 'OVERFLOW', 'CLIP'] as const);
export const BorderStyle = makeEnum(['DOTTED', 'DASHED', 'SOLID', 'SOLID_MEDIUM', 'SOLID_THICK', 'DOUBLE'] as const);
