/**
 * Conditional format rules with boolean conditions (ConditionalFormatRuleBuilder,
 * ConditionalFormatRule, BooleanCondition).
 * https://developers.google.com/apps-script/reference/spreadsheet/conditional-format-rule-builder
 * The fake stores and returns rules; it does not evaluate them (nothing reads their effect).
 * Not reproduced: gradient rules, relative dates.
 */
import { Ctx, rangeRefOf } from './ctx';
import { BooleanCriteria, BooleanCriteriaName, member } from './enums';
import type { CfFormat, CfRuleSpec, RangeRef } from './model';
import { normalizeColor } from './values';
import { argsIn, argsOut } from './validation';

function rangesOut(ctx: Ctx, refs: RangeRef[]): object[] {
  return refs.flatMap((r) => {
    const s = ctx.sheetById(r.sheetId);
    return s ? [ctx.range(s, r)] : [];
  });
}

function condition(ctx: Ctx, spec: CfRuleSpec): object | null {
  const f = spec.format;
  return {
    getCriteriaType: () => member(BooleanCriteria, spec.criteria),
    getCriteriaValues: () => argsOut(ctx, spec.args),
    getBackground: () => f.background ?? null,
    getFontColor: () => f.fontColor ?? null,
    getBold: () => f.bold ?? null,
    getItalic: () => f.italic ?? null,
    getUnderline: () => f.underline ?? null,
    getStrikethrough: () => f.strikethrough ?? null,
  };
}

function clone(spec: CfRuleSpec): CfRuleSpec {
  return { ...spec, ranges: spec.ranges.map((r) => ({ ...r })), args: spec.args.slice(), format: { ...spec.format } };
}

export class ConditionalFormatRule {
  constructor(
    private ctx: Ctx,
    readonly spec: CfRuleSpec,
  ) {}
  copy(): ConditionalFormatRuleBuilder {
    return new ConditionalFormatRuleBuilder(this.ctx, clone(this.spec));
  }
  getBooleanCondition(): object | null {
    return condition(this.ctx, this.spec);
  }
  getGradientCondition(): null {
    return null;
  }
  getRanges(): object[] {
    return rangesOut(this.ctx, this.spec.ranges);
  }
}

export function cfSpecOf(v: unknown): CfRuleSpec | null {
  return v instanceof ConditionalFormatRule ? v.spec : null;
}

export class ConditionalFormatRuleBuilder {
  private spec: CfRuleSpec;
  constructor(
    private ctx: Ctx,
    spec?: CfRuleSpec,
  ) {
    this.spec = spec ?? { ranges: [], criteria: 'CELL_NOT_EMPTY', args: [], format: {} };
  }
  when(method: string, criteria: BooleanCriteriaName, args: unknown[]): ConditionalFormatRuleBuilder {
    this.ctx.rt.call(`ConditionalFormatRuleBuilder.${method}`);
    this.spec.criteria = criteria;
    this.spec.args = argsIn(args);
    return this;
  }
  private fmt(method: string, patch: CfFormat): ConditionalFormatRuleBuilder {
    this.ctx.rt.call(`ConditionalFormatRuleBuilder.${method}`);
    this.spec.format = { ...this.spec.format, ...patch };
    return this;
  }
  build(): ConditionalFormatRule {
    this.ctx.rt.call('ConditionalFormatRuleBuilder.build');
    return new ConditionalFormatRule(this.ctx, clone(this.spec));
  }
  copy(): ConditionalFormatRuleBuilder {
    this.ctx.rt.call('ConditionalFormatRuleBuilder.copy');
    return new ConditionalFormatRuleBuilder(this.ctx, clone(this.spec));
  }
  getBooleanCondition(): object | null {
    return condition(this.ctx, this.spec);
  }
  getGradientCondition(): null {
    return null;
  }
  getRanges(): object[] {
    return rangesOut(this.ctx, this.spec.ranges);
  }
  setRanges(ranges: unknown): ConditionalFormatRuleBuilder {
    this.ctx.rt.call('ConditionalFormatRuleBuilder.setRanges');
    const refs = (Array.isArray(ranges) ? ranges : []).map(rangeRefOf).filter((r): r is RangeRef => r !== null);
    this.spec.ranges = refs.map((r) => ({ ...r }));
    return this;
  }
  setBackground(color: string | null): ConditionalFormatRuleBuilder {
    return this.fmt('setBackground', { background: color === null ? null : normalizeColor(color) });
  }
  setFontColor(color: string | null): ConditionalFormatRuleBuilder {
    return this.fmt('setFontColor', { fontColor: color === null ? null : normalizeColor(color) });
  }
  /** setBold/setItalic/setUnderline/setStrikethrough (see STYLE below). */
  style(method: string, key: keyof CfFormat, v: boolean | null): ConditionalFormatRuleBuilder {
    return this.fmt(method, { [key]: v === null ? null : Boolean(v) });
  }
  withCriteria(criteria: unknown, args: unknown): ConditionalFormatRuleBuilder {
    const name = String(criteria) as BooleanCriteriaName;
    member(BooleanCriteria, name);
    return this.when('withCriteria', name, Array.isArray(args) ? args : []);
  }
}

/** when* methods → [criteria, arity]. */
const WHEN: Record<string, [BooleanCriteriaName, number]> = {
  whenCellEmpty: ['CELL_EMPTY', 0],
  whenCellNotEmpty: ['CELL_NOT_EMPTY', 0],
  whenFormulaSatisfied: ['CUSTOM_FORMULA', 1],
  whenTextContains: ['TEXT_CONTAINS', 1],
  whenTextDoesNotContain: ['TEXT_DOES_NOT_CONTAIN', 1],
  whenTextEqualTo: ['TEXT_EQUAL_TO', 1],
  whenTextStartsWith: ['TEXT_STARTS_WITH', 1],
  whenTextEndsWith: ['TEXT_ENDS_WITH', 1],
  whenNumberBetween: ['NUMBER_BETWEEN', 2],
  whenNumberEqualTo: ['NUMBER_EQUAL_TO', 1],
  whenNumberGreaterThan: ['NUMBER_GREATER_THAN', 1],
  whenNumberGreaterThanOrEqualTo: ['NUMBER_GREATER_THAN_OR_EQUAL_TO', 1],
  whenNumberLessThan: ['NUMBER_LESS_THAN', 1],
  whenNumberLessThanOrEqualTo: ['NUMBER_LESS_THAN_OR_EQUAL_TO', 1],
  whenNumberNotBetween: ['NUMBER_NOT_BETWEEN', 2],
  whenNumberNotEqualTo: ['NUMBER_NOT_EQUAL_TO', 1],
  whenDateAfter: ['DATE_AFTER', 1],
  whenDateBefore: ['DATE_BEFORE', 1],
  whenDateEqualTo: ['DATE_EQUAL_TO', 1],
};
for (const [method, [criteria, arity]] of Object.entries(WHEN))
  Object.defineProperty(ConditionalFormatRuleBuilder.prototype, method, {
    value(this: ConditionalFormatRuleBuilder, ...args: unknown[]) {
      return this.when(method, criteria, args.slice(0, arity));
    },
  });
const STYLE: Record<string, keyof CfFormat> = {
  setBold: 'bold',
  setItalic: 'italic',
  setUnderline: 'underline',
  setStrikethrough: 'strikethrough',
};
for (const [method, key] of Object.entries(STYLE))
  Object.defineProperty(ConditionalFormatRuleBuilder.prototype, method, {
    value(this: ConditionalFormatRuleBuilder, v: boolean | null) {
      return this.style(method, key, v);
    },
  });
