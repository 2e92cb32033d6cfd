/**
 * The card stack of the side panel and how a response's navigations change it.
 *
 * Google behaviour reproduced (https://developers.google.com/workspace/add-ons/how-tos/navigation):
 * navigations run in order; pushCard puts a card on top, popCard removes the top card,
 * popToRoot goes back to the first card, popToNamedCard goes back to the named card, and
 * updateCard "does an in-place replacement of the current card".
 * Readings where Google is silent (the stricter one taken): popping the root card, or
 * popping to a name that is not in the stack, is an error rather than a silent no-op.
 */
import type { CardJson, NavigationJson } from './types';

export function applyNavigations(stack: readonly CardJson[], navigations: readonly NavigationJson[]): CardJson[] {
  const next = [...stack];
  for (const step of navigations) {
    if ('pushCard' in step) next.push(step.pushCard);
    else if ('updateCard' in step) {
      if (!next.length) next.push(step.updateCard);
      else next[next.length - 1] = step.updateCard;
    } else if ('popCard' in step) {
      if (next.length < 2) throw new Error('popCard: the root card cannot be popped.');
      next.pop();
    } else if ('popToRoot' in step) next.splice(1);
    else {
      const at = next.map((c) => c.name).lastIndexOf(step.popToCard);
      if (at < 0) throw new Error(`popToNamedCard: no card named "${step.popToCard}" in the stack.`);
      next.splice(at + 1);
    }
  }
  return next;
}
