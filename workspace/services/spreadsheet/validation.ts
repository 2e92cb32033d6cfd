/**
 * Data validation rules (DataValidationBuilder, DataValidation).
 * https://developers.google.com/apps-script/reference/spreadsheet/data-validation-builder
 * Reproduced: criteria types and the values getCriteriaValues() returns (VALUE_IN_LIST gives
 * [values, showDropdown], VALUE_IN_RANGE gives [Range, showDropdown], dates as Dates);
 * setAllowInvalid defaults to true ("The default for a new data validation rule is true");
 * getHelpText() is null until set; signature errors for non-array lists / non-range ranges.
 * Scripts' writes are not checked against validations (Apps Script does not enforce them).
 */
import { Ctx, rangeRefOf } from './ctx';
import { CriteriaName, DataValidationCriteria, member } from './enums';
import { MSG, describeArgs } from './messages';
import type { SpecArg, ValidationSpec } from './model';
import { isDateValue } from './values';

/** Turns JSON-safe criteria arguments into what the bundle gets (realm Dates, Ranges, arrays). */
export function argsOut(ctx: Ctx, args: SpecArg[]): unknown[] {
  return args.map((a) => {
    if (Array.isArray(a)) return a.slice();
    if (typeof a === 'object' && a !== null) {
      if ('date' in a) return ctx.rt.date(a.date);
      const s = ctx.sheetById(a.range.sheetId);
      return s ? ctx.range(s, a.range) : null;
    }
    return a;
  });
}

/** Turns script-given criteria arguments into JSON-safe ones. */
export function argsIn(args: unknown[]): SpecArg[] {
  return args.map((a): SpecArg => {
    if (isDateValue(a)) return { date: a.getTime() };
    const ref = rangeRefOf(a);
    if (ref) return { range: { ...ref } };
    if (Array.isArray(a)) return a.map(String);
    if (typeof a === 'number' || typeof a === 'boolean') return a;
    return String(a);
  });
}

export class DataValidation {
  constructor(
    private ctx: Ctx,
    readonly spec: ValidationSpec,
  ) {}
  copy(): DataValidationBuilder {
    return new DataValidationBuilder(this.ctx, { ...this.spec, args: this.spec.args.slice() });
  }
  getAllowInvalid(): boolean {
    return this.spec.allowInvalid;
  }
  getCriteriaType(): unknown {
    return member(DataValidationCriteria, this.spec.criteria);
  }
  getCriteriaValues(): unknown[] {
    return argsOut(this.ctx, this.spec.args);
  }
  getHelpText(): string | null {
    return this.spec.helpText;
  }
}

export function validationSpecOf(v: unknown): ValidationSpec | null {
  return v instanceof DataValidation ? v.spec : null;
}

type ArgKind = 'date' | 'number' | 'text';

export class DataValidationBuilder {
  private spec: ValidationSpec;
  constructor(
    private ctx: Ctx,
    spec?: ValidationSpec,
  ) {
    this.spec = spec ?? { criteria: 'DATE_IS_VALID_DATE', args: [], allowInvalid: true, helpText: null };
  }

  set(method: string, criteria: CriteriaName, args: unknown[]): DataValidationBuilder {
    this.ctx.rt.call(`DataValidationBuilder.${method}`);
    this.spec = { ...this.spec, criteria, args: argsIn(args) };
    return this;
  }

  build(): DataValidation {
    this.ctx.rt.call('DataValidationBuilder.build');
    return new DataValidation(this.ctx, { ...this.spec, args: this.spec.args.slice() });
  }
  copy(): DataValidationBuilder {
    this.ctx.rt.call('DataValidationBuilder.copy');
    return new DataValidationBuilder(this.ctx, { ...this.spec, args: this.spec.args.slice() });
  }
  getAllowInvalid(): boolean {
    return this.spec.allowInvalid;
  }
  getCriteriaType(): unknown {
    return member(DataValidationCriteria, this.spec.criteria);
  }
  getCriteriaValues(): unknown[] {
    return argsOut(this.ctx, this.spec.args);
  }
  getHelpText(): string | null {
    return this.spec.helpText;
  }
  setAllowInvalid(allow: boolean): DataValidationBuilder {
    this.ctx.rt.call('DataValidationBuilder.setAllowInvalid');
    this.spec = { ...this.spec, allowInvalid: Boolean(allow) };
    return this;
  }
  setHelpText(text: string): DataValidationBuilder {
    this.ctx.rt.call('DataValidationBuilder.setHelpText');
    this.spec = { ...this.spec, helpText: String(text) };
    return this;
  }
  requireCheckbox(...values: unknown[]): DataValidationBuilder {
    return this.set('requireCheckbox', 'CHECKBOX', values.slice(0, 2));
  }
  /** The simple require* methods (see SIMPLE below), with Apps Script's argument type checks. */
  criterion(method: string, criteria: CriteriaName, kind: ArgKind, args: unknown[]): DataValidationBuilder {
    const ok = kind === 'number' ? (a: unknown) => typeof a === 'number' : kind === 'date' ? isDateValue : () => true;
    if (!args.every(ok)) throw this.ctx.fail(MSG.signature(describeArgs(args), `SpreadsheetApp.DataValidationBuilder.${method}`));
    return this.set(method, criteria, kind === 'text' ? args.map(String) : args);
  }
  requireValueInList(values: unknown, showDropdown: unknown = true): DataValidationBuilder {
    if (!Array.isArray(values))
      throw this.ctx.fail(MSG.signature(describeArgs([values]), 'SpreadsheetApp.DataValidationBuilder.requireValueInList'));
    return this.set('requireValueInList', 'VALUE_IN_LIST', [values.map(String), Boolean(showDropdown)]);
  }
  requireValueInRange(range: unknown, showDropdown: unknown = true): DataValidationBuilder {
    if (!rangeRefOf(range))
      throw this.ctx.fail(MSG.signature(describeArgs([range]), 'SpreadsheetApp.DataValidationBuilder.requireValueInRange'));
    return this.set('requireValueInRange', 'VALUE_IN_RANGE', [range, Boolean(showDropdown)]);
  }
  withCriteria(criteria: unknown, args: unknown): DataValidationBuilder {
    const name = String(criteria) as CriteriaName;
    member(DataValidationCriteria, name);
    return this.set('withCriteria', name, Array.isArray(args) ? args : []);
  }
}

/** method → [criteria, argument kind, arity] for the builder's one-criterion methods. */
const SIMPLE: Record<string, [CriteriaName, ArgKind, number]> = {
  requireDate: ['DATE_IS_VALID_DATE', 'date', 0],
  requireDateAfter: ['DATE_AFTER', 'date', 1],
  requireDateBefore: ['DATE_BEFORE', 'date', 1],
  requireDateBetween: ['DATE_BETWEEN', 'date', 2],
  requireDateEqualTo: ['DATE_EQUAL_TO', 'date', 1],
  requireDateNotBetween: ['DATE_NOT_BETWEEN', 'date', 2],
  requireDateOnOrAfter: ['DATE_ON_OR_AFTER', 'date', 1],
  requireDateOnOrBefore: ['DATE_ON_OR_BEFORE', 'date', 1],
  requireNumberBetween: ['NUMBER_BETWEEN', 'number', 2],
  requireNumberEqualTo: ['NUMBER_EQUAL_TO', 'number', 1],
  requireNumberGreaterThan: ['NUMBER_GREATER_THAN', 'number', 1],
  requireNumberGreaterThanOrEqualTo: ['NUMBER_GREATER_THAN_OR_EQUAL_TO', 'number', 1],
  requireNumberLessThan: ['NUMBER_LESS_THAN', 'number', 1],
  requireNumberLessThanOrEqualTo: ['NUMBER_LESS_THAN_OR_EQUAL_TO', 'number', 1],
  requireNumberNotBetween: ['NUMBER_NOT_BETWEEN', 'number', 2],
  requireNumberNotEqualTo: ['NUMBER_NOT_EQUAL_TO', 'number', 1],
  requireTextContains: ['TEXT_CONTAINS', 'text', 1],
  requireTextDoesNotContain: ['TEXT_DOES_NOT_CONTAIN', 'text', 1],
  requireTextEqualTo: ['TEXT_EQUAL_TO', 'text', 1],
  requireTextIsEmail: ['TEXT_IS_VALID_EMAIL', 'text', 0],
  requireTextIsUrl: ['TEXT_IS_VALID_URL', 'text', 0],
  requireFormulaSatisfied: ['CUSTOM_FORMULA', 'text', 1],
};
for (const [method, [criteria, kind, arity]] of Object.entries(SIMPLE))
  Object.defineProperty(DataValidationBuilder.prototype, method, {
    value(this: DataValidationBuilder, ...args: unknown[]) {
      return this.criterion(method, criteria, kind, args.slice(0, arity));
    },
  });
