/**
 * Argument checks of the CardService fake: every setter checks its arguments the way the
 * Java methods behind Apps Script do, so a call that Google refuses is refused here.
 *
 * Readings where Google is silent (the stricter one taken): a String parameter takes only
 * a string (no number or boolean is converted, except where the docs say so, e.g.
 * SelectionInput.addItem); an Integer takes only a whole number; the argument count must
 * match. Builder objects are recognised by class, so a CardSection passed where a Widget
 * is wanted fails with the signature error, as on Google.
 */
import type { Runtime } from '../../runtime/runtime';
import { EnumName, EnumValue, isMember } from './enums';
import { MSG } from './messages';

/** The label of a builder class in signature errors: "CardService.TextInput". */
export const TYPE_LABEL = Symbol('cardServiceType');

export interface Labelled {
  [TYPE_LABEL]: string;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any builder class
type Ctor = abstract new (...args: any[]) => unknown;

export type Spec =
  | 'String'
  | 'Boolean'
  | 'Integer'
  | 'Number'
  | 'StringOrNumber'
  | 'Object'
  | 'StringArray'
  | 'Primitive'
  | { enum: EnumName }
  | { of: Ctor | Ctor[] }
  | { arrayOf: Ctor };

/** What every builder is created with: the runtime (for errors of the bundle's realm). */
export class CardCtx {
  constructor(
    readonly rt: Runtime,
    /** The manifest's addOns.common.openLinkUrlPrefixes, when the caller knows them. */
    readonly openLinkUrlPrefixes?: readonly string[],
  ) {}

  error(message: string): Error {
    return this.rt.error(message);
  }

  /** Throws the signature error unless `args` match `specs` exactly. */
  check(method: string, args: ArrayLike<unknown>, specs: Spec[]): void {
    const list = Array.from(args);
    const ok = list.length === specs.length && specs.every((spec, i) => matches(list[i], spec));
    if (!ok) throw this.error(MSG.signature(list.map(describe).join(','), method));
  }

  invalid(name: string): Error {
    return this.error(MSG.invalidArgument(name));
  }
}

function matches(v: unknown, spec: Spec): boolean {
  switch (spec) {
    case 'String':
      return typeof v === 'string';
    case 'Boolean':
      return typeof v === 'boolean';
    case 'Integer':
      return typeof v === 'number' && Number.isInteger(v);
    case 'Number':
      return typeof v === 'number' && Number.isFinite(v);
    case 'StringOrNumber':
      return typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v));
    case 'Primitive':
      return typeof v === 'string' || typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v));
    case 'Object':
      return typeof v === 'object' && v !== null && !Array.isArray(v) && !(TYPE_LABEL in v);
    case 'StringArray':
      return Array.isArray(v) && v.every((x) => typeof x === 'string');
  }
  if ('enum' in spec) return isMember(v, spec.enum);
  if ('arrayOf' in spec) return Array.isArray(v) && v.every((x) => x instanceof spec.arrayOf);
  const ctors = Array.isArray(spec.of) ? spec.of : [spec.of];
  return ctors.some((c) => v instanceof c);
}

/** How Apps Script names an argument's type in its signature errors. */
export function describe(v: unknown): string {
  if (v === null) return 'null';
  if (v === undefined) return 'undefined';
  if (typeof v === 'string') return 'String';
  if (typeof v === 'number') return 'number';
  if (typeof v === 'boolean') return 'Boolean';
  if (v instanceof EnumValue) return `CardService.${v.enumName}`;
  if (Array.isArray(v)) return v.length ? `${describe(v[0])}[]` : 'Object[]';
  if (typeof v === 'object' && TYPE_LABEL in v) return (v as Labelled)[TYPE_LABEL];
  return typeof v === 'function' ? 'Function' : 'Object';
}
