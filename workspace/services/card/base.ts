/**
 * What every CardService builder shares: the context it reports errors through, its
 * label in signature errors, and the hidden serializer that build() calls. Widgets
 * serialize to one Card v1 widget (types.ts) and validate themselves on the way, so a
 * card is checked once, when CardBuilder.build() runs ("Builds the current card and
 * validates it", https://developers.google.com/apps-script/reference/card-service/card-builder#build()).
 */
import { CardCtx, Labelled, TYPE_LABEL } from './args';
import { MSG } from './messages';
import type { WidgetJson } from './types';

/** Serializes a builder to its JSON, validating it; `path` locates it in error messages. */
export const SERIALIZE = Symbol('serialize');

/** Card-wide facts collected while serializing (input names must be unique per card). */
export interface BuildScope {
  fieldNames: Map<string, string>;
  widgetCount: number;
  /** Optional allow-list of link prefixes (the manifest's addOns.common.openLinkUrlPrefixes). */
  openLinkUrlPrefixes?: readonly string[];
}

export function newScope(openLinkUrlPrefixes?: readonly string[]): BuildScope {
  return { fieldNames: new Map(), widgetCount: 0, openLinkUrlPrefixes };
}

export abstract class Builder implements Labelled {
  abstract readonly [TYPE_LABEL]: string;
  constructor(protected readonly c: CardCtx) {}

  protected fail(path: string, what: string): Error {
    return this.c.error(MSG.invalid(`${path} (${this[TYPE_LABEL].replace('CardService.', '')})`, what));
  }

  /** Registers an input's field name; names are "Required, must be unique" (TextInput.setFieldName). */
  protected claimName(name: string | undefined, path: string, scope: BuildScope): string {
    if (!name) throw this.fail(path, 'the field name is required (setFieldName)');
    const earlier = scope.fieldNames.get(name);
    if (earlier) throw this.fail(path, `the field name "${name}" is already used by ${earlier}; field names must be unique`);
    scope.fieldNames.set(name, path);
    return name;
  }
}

/** What CardSection.addWidget accepts. */
export abstract class Widget extends Builder {
  abstract [SERIALIZE](path: string, scope: BuildScope): WidgetJson;
}

/** Copies only the fields that are set, so the JSON omits what the builder never set. */
export function defined<T extends object>(obj: T): T {
  const out = {} as T;
  for (const [k, v] of Object.entries(obj)) if (v !== undefined) (out as Record<string, unknown>)[k] = v;
  return out;
}
