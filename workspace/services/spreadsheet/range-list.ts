/**
 * Class RangeList: https://developers.google.com/apps-script/reference/spreadsheet/range-list
 * "A collection of one or more Range instances in the same sheet … to apply operations on
 * collections of non-adjacent ranges or cells." Sheet.getRangeList(a1Notations) makes one
 * from "a non-empty list of A1 notations" of that sheet (a range outside it, or an empty or
 * non-array list, is refused as getRange refuses a bad range).
 * Each method is one call `RangeList.<method>` charged the cells of all its ranges — the same
 * accounting as the Range methods (bench/latency.ts: a queued write, its cells summed).
 * Only the setters Reglament uses are reproduced (setNumberFormat, setWrap, setFontWeight,
 * getRanges); each applies to every range exactly as the Range method does, with its
 * argument checks and protections. Google does not say what a refusal halfway leaves: the
 * less convenient reading, the ranges before the refused one stay changed.
 * RangeList has no setDataValidation (the reference lists none), so validations stay per range.
 */
import { Ctx, mayChange } from './ctx';
import { MSG, describeArgs } from './messages';
import { Range } from './range';

export class RangeList {
  constructor(
    private ctx: Ctx,
    private ranges: Range[],
  ) {}

  private call(method: string): void {
    if (mayChange(method)) this.ctx.dirty = true;
    this.ctx.rt.call(
      `RangeList.${method}`,
      this.ranges.reduce((n, r) => n + r.cellCount, 0),
    );
  }

  private each(method: string, apply: (r: Range) => void): RangeList {
    this.call(method);
    for (const r of this.ranges) apply(r.uncounted());
    return this;
  }

  getRanges(): Range[] {
    this.ctx.rt.call('RangeList.getRanges', 0);
    return [...this.ranges];
  }

  setNumberFormat(format: unknown): RangeList {
    return this.each('setNumberFormat', (r) => r.setNumberFormat(format));
  }

  setWrap(isWrapEnabled: unknown): RangeList {
    if (typeof isWrapEnabled !== 'boolean')
      throw this.ctx.fail(
        `Exception: The parameters (${describeArgs([isWrapEnabled])}) don't match the method signature for SpreadsheetApp.RangeList.setWrap.`,
      );
    return this.each('setWrap', (r) => r.setWrap(isWrapEnabled));
  }

  setFontWeight(fontWeight: unknown): RangeList {
    return this.each('setFontWeight', (r) => r.setFontWeight(fontWeight));
  }
}

/** Sheet.getRangeList's argument check: a non-empty array of A1 strings. */
export function checkA1List(ctx: Ctx, a1Notations: unknown): string[] {
  if (!Array.isArray(a1Notations) || a1Notations.length === 0 || a1Notations.some((a) => typeof a !== 'string'))
    throw ctx.fail(MSG.signature(describeArgs([a1Notations]), 'SpreadsheetApp.Sheet.getRangeList'));
  return a1Notations as string[];
}
