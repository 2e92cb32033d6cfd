/**
 * CardService fake (issue 16, item 2): Apps Script's card builders recording the Card v1
 * JSON Google documents, with Google's documented validations and limits; plus, for the
 * host side, the add-on event objects, the form → formInputs mapping, and the HTML
 * renderer of cards for the serve panel.
 *
 * Module map: enums.ts, args.ts (signature checks), messages.ts (limits and texts),
 * base.ts, actions.ts, buttons.ts, icons.ts, text.ts, inputs.ts, pickers.ts, images.ts,
 * card.ts, responses.ts, service.ts (the global), host.ts (what a callback returned),
 * events.ts (event objects), form.ts (formInputs), stack.ts (card navigation),
 * richText.ts, render.ts + render.css (HTML), cardText.ts (plain text).
 */
import type { FakeService, Runtime } from '../../runtime/runtime';
import { CardCtx } from './args';
import { CardServiceGlobal, makeCardService } from './service';

export interface CardServiceOptions {
  /** The manifest's addOns.common.openLinkUrlPrefixes; links outside them fail build(). */
  openLinkUrlPrefixes?: readonly string[];
}

export interface CardServiceFake extends FakeService {
  globals: { CardService: CardServiceGlobal };
}

export function createCardService(rt: Runtime, options: CardServiceOptions = {}): CardServiceFake {
  return { globals: { CardService: makeCardService(new CardCtx(rt, options.openLinkUrlPrefixes)) } };
}

export { ENUMS, EnumValue } from './enums';
export { actionEvent, addonEvent, authorizationEventObject, calendarEventObject, commonEventObject, gmailEventObject } from './events';
export type * from './events';
export { actionsOf, formInputsOf, inputsOf, readSubmission, requiredProblems } from './form';
export type { CardActionRef, FieldProblem, ReadOptions, Submission, SubmittedAction } from './form';
export { applyNavigations } from './stack';
export { CARD_CSS_PATH, cardPage, cardStylesheet, renderCard, renderCardList, renderNotification, renderResponse } from './render';
export type { RenderedResponse, RenderOptions } from './render';
export { renderCardText } from './cardText';
export { plainText, renderRichText } from './richText';
export { cardJsonOf, readCallbackResult } from './host';
export type { HostResult, TriggerKind } from './host';
export { MAX_SECTIONS_PER_CARD, MAX_SELECTION_ITEMS, MAX_WIDGETS_PER_CARD, MAX_WIDGETS_PER_SECTION } from './messages';
export type * from './types';
