/**
 * The host's side of a callback: what the add-on's function returned, read the way the
 * Calendar or Gmail side panel reads it.
 *
 * Google behaviour reproduced (https://developers.google.com/workspace/add-ons/concepts/homepages,
 * .../how-tos/building-contextual-addons, .../concepts/actions, .../how-tos/universal-actions):
 * - A homepage or contextual trigger "must return a single Card object or an array of
 *   Card objects"; an array shows the list of card headers (basic navigation).
 * - A widget action's callback returns an ActionResponse; a universal action's callback
 *   returns a UniversalActionResponse (or, for a universal action, cards).
 * Anything else — a CardBuilder that was never built, a plain object, nothing — is refused
 * with a message naming what came back (Google shows an error card; its text is not
 * documented).
 */
import { describe } from './args';
import { FakeCard } from './card';
import { FakeActionResponse, FakeUniversalActionResponse } from './responses';
import type { ActionResponseJson, CardJson } from './types';

export type TriggerKind = 'homepage' | 'contextual' | 'action' | 'universal';

export type HostResult = { kind: 'cards'; cards: CardJson[] } | { kind: 'response'; response: ActionResponseJson; universal: boolean };

/** Reads what a trigger or callback returned; throws when the host would not accept it. */
export function readCallbackResult(value: unknown, kind: TriggerKind, functionName = 'the callback'): HostResult {
  const refuse = (wanted: string) =>
    new Error(`${functionName} returned ${describe(value)}; ${kind === 'action' ? 'an' : 'a'} ${kind} function must return ${wanted}.`);
  const cards = cardsOf(value);
  if (kind === 'homepage' || kind === 'contextual') {
    if (!cards) throw refuse('a Card or a non-empty array of Cards (CardBuilder.build())');
    return { kind: 'cards', cards };
  }
  if (kind === 'action') {
    if (value instanceof FakeActionResponse && !(value instanceof FakeUniversalActionResponse))
      return { kind: 'response', response: value.json, universal: false };
    throw refuse('an ActionResponse (CardService.newActionResponseBuilder()…build())');
  }
  if (value instanceof FakeUniversalActionResponse) return { kind: 'response', response: value.json, universal: true };
  if (cards) return { kind: 'cards', cards };
  throw refuse('a UniversalActionResponse or Cards');
}

function cardsOf(value: unknown): CardJson[] | undefined {
  if (value instanceof FakeCard) return [value.json];
  if (Array.isArray(value) && value.length && value.every((v) => v instanceof FakeCard)) return value.map((v: FakeCard) => v.json);
  return undefined;
}

/** The JSON of a built Card (throws for anything else). */
export function cardJsonOf(value: unknown): CardJson {
  if (value instanceof FakeCard) return value.json;
  throw new Error(`Not a built Card: ${describe(value)}.`);
}
