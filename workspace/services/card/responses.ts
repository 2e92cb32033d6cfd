/**
 * What an action callback returns: ActionResponse (navigation, notification, link, state
 * changed) and UniversalActionResponse; with Navigation and Notification.
 *
 * Google behaviour reproduced (https://developers.google.com/apps-script/reference/card-service/action-response-builder,
 * .../navigation, .../notification, .../universal-action-response-builder;
 * https://developers.google.com/workspace/add-ons/how-tos/navigation):
 * - ActionResponseBuilder.build() "Builds the current action response and validates it";
 *   "Some combinations of actions are not supported".
 * - Navigation operations chain and run in order: pushCard, popCard, popToRoot,
 *   popToNamedCard, updateCard; Notification.setText is required.
 * - printJson() prints what an add-on's HTTP endpoint returns for the same response
 *   (`{"renderActions":{"action":{"navigations":[{"pushCard":{…}}],"notification":{"text":…},
 *   "link":{"url":…}}}}`, Google Workspace add-ons "RenderActions"); setStateChanged(true)
 *   adds `"stateChanged": true` beside it. Apps Script's own printJson is "for debugging
 *   only" and undocumented; this is our choice of layout.
 * Readings where Google is silent (the stricter one taken): an empty response, a
 * navigation with no operation, a link together with a navigation, and a universal
 * response with both cards and a link (or neither) fail build().
 */
import { FakeOpenLink } from './actions';
import { CardCtx, TYPE_LABEL } from './args';
import { Builder, newScope, SERIALIZE } from './base';
import { FakeCard } from './card';
import { MSG } from './messages';
import type { ActionResponseJson, NavigationJson, OpenLinkJson, RenderActionJson } from './types';

export class FakeNotification extends Builder implements GoogleAppsScript.Card_Service.Notification {
  readonly [TYPE_LABEL] = 'CardService.Notification';
  private text?: string;

  setText(...args: [text: string]): this {
    const [text] = args;
    this.c.check('Notification.setText', args, ['String']);
    this.text = text;
    return this;
  }

  json(): { text: string } {
    if (!this.text) throw this.c.error(MSG.invalidResponse('a notification needs its text (Notification.setText)'));
    return { text: this.text };
  }
}

export class FakeNavigation extends Builder implements GoogleAppsScript.Card_Service.Navigation {
  readonly [TYPE_LABEL] = 'CardService.Navigation';
  private steps: NavigationJson[] = [];

  pushCard(...args: [card: GoogleAppsScript.Card_Service.Card]): this {
    const [card] = args;
    this.c.check('Navigation.pushCard', args, [{ of: FakeCard }]);
    this.steps.push({ pushCard: (card as FakeCard).json });
    return this;
  }

  updateCard(...args: [card: GoogleAppsScript.Card_Service.Card]): this {
    const [card] = args;
    this.c.check('Navigation.updateCard', args, [{ of: FakeCard }]);
    this.steps.push({ updateCard: (card as FakeCard).json });
    return this;
  }

  popCard(...args: []): this {
    this.c.check('Navigation.popCard', args, []);
    this.steps.push({ popCard: true });
    return this;
  }

  popToRoot(...args: []): this {
    this.c.check('Navigation.popToRoot', args, []);
    this.steps.push({ popToRoot: true });
    return this;
  }

  popToNamedCard(...args: [cardName: string]): this {
    const [cardName] = args;
    this.c.check('Navigation.popToNamedCard', args, ['String']);
    this.steps.push({ popToCard: cardName });
    return this;
  }

  printJson(): string {
    return JSON.stringify({ navigations: this.steps }, null, 2);
  }

  json(): NavigationJson[] {
    if (!this.steps.length)
      throw this.c.error(MSG.invalidResponse('a navigation needs at least one of pushCard, popCard, popToRoot, popToNamedCard or updateCard'));
    return [...this.steps];
  }
}

/** A built response: frozen JSON with printJson(). */
export class FakeActionResponse extends Builder implements GoogleAppsScript.Card_Service.ActionResponse {
  readonly [TYPE_LABEL]: string = 'CardService.ActionResponse';
  constructor(
    c: CardCtx,
    readonly json: ActionResponseJson,
  ) {
    super(c);
  }

  printJson(): string {
    return JSON.stringify(this.json, null, 2);
  }
}

export class FakeUniversalActionResponse extends FakeActionResponse implements GoogleAppsScript.Card_Service.UniversalActionResponse {
  override readonly [TYPE_LABEL] = 'CardService.UniversalActionResponse';
}

function linkJson(c: CardCtx, link: FakeOpenLink): OpenLinkJson {
  return link[SERIALIZE]('openLink', newScope(c.openLinkUrlPrefixes));
}

export class FakeActionResponseBuilder extends Builder implements GoogleAppsScript.Card_Service.ActionResponseBuilder {
  readonly [TYPE_LABEL] = 'CardService.ActionResponseBuilder';
  private navigation?: FakeNavigation;
  private notification?: FakeNotification;
  private link?: FakeOpenLink;
  private stateChanged?: boolean;

  setNavigation(...args: [navigation: GoogleAppsScript.Card_Service.Navigation]): this {
    const [navigation] = args;
    this.c.check('ActionResponseBuilder.setNavigation', args, [{ of: FakeNavigation }]);
    this.navigation = navigation as FakeNavigation;
    return this;
  }

  setNotification(...args: [notification: GoogleAppsScript.Card_Service.Notification]): this {
    const [notification] = args;
    this.c.check('ActionResponseBuilder.setNotification', args, [{ of: FakeNotification }]);
    this.notification = notification as FakeNotification;
    return this;
  }

  setOpenLink(...args: [openLink: GoogleAppsScript.Card_Service.OpenLink]): this {
    const [openLink] = args;
    this.c.check('ActionResponseBuilder.setOpenLink', args, [{ of: FakeOpenLink }]);
    this.link = openLink as FakeOpenLink;
    return this;
  }

  setStateChanged(...args: [stateChanged: boolean]): this {
    const [stateChanged] = args;
    this.c.check('ActionResponseBuilder.setStateChanged', args, ['Boolean']);
    this.stateChanged = stateChanged;
    return this;
  }

  build(...args: []): FakeActionResponse {
    this.c.check('ActionResponseBuilder.build', args, []);
    const fail = (what: string) => this.c.error(MSG.invalidResponse(what));
    if (!this.navigation && !this.notification && !this.link) throw fail('set at least one of setNavigation, setNotification or setOpenLink');
    if (this.navigation && this.link) throw fail('a response cannot both open a link and navigate between cards');
    const action: RenderActionJson = {};
    if (this.navigation) action.navigations = this.navigation.json();
    if (this.notification) action.notification = this.notification.json();
    if (this.link) action.link = linkJson(this.c, this.link);
    const json: ActionResponseJson = { renderActions: { action } };
    if (this.stateChanged) json.stateChanged = true;
    return new FakeActionResponse(this.c, Object.freeze(json));
  }
}

export class FakeUniversalActionResponseBuilder extends Builder implements GoogleAppsScript.Card_Service.UniversalActionResponseBuilder {
  readonly [TYPE_LABEL] = 'CardService.UniversalActionResponseBuilder';
  private cards?: FakeCard[];
  private link?: FakeOpenLink;

  displayAddOnCards(...args: [cardObjects: GoogleAppsScript.Card_Service.Card[]]): this {
    const [cardObjects] = args;
    this.c.check('UniversalActionResponseBuilder.displayAddOnCards', args, [{ arrayOf: FakeCard }]);
    this.cards = [...(cardObjects as unknown as FakeCard[])];
    return this;
  }

  setOpenLink(...args: [openLink: GoogleAppsScript.Card_Service.OpenLink]): this {
    const [openLink] = args;
    this.c.check('UniversalActionResponseBuilder.setOpenLink', args, [{ of: FakeOpenLink }]);
    this.link = openLink as FakeOpenLink;
    return this;
  }

  build(...args: []): FakeUniversalActionResponse {
    this.c.check('UniversalActionResponseBuilder.build', args, []);
    const fail = (what: string) => this.c.error(MSG.invalidResponse(what));
    if (this.cards && this.link) throw fail('a universal action response either displays cards or opens a link, not both');
    if (this.cards?.length === 0) throw fail('displayAddOnCards needs at least one card');
    if (!this.cards && !this.link) throw fail('call displayAddOnCards or setOpenLink');
    const action: RenderActionJson = this.cards
      ? { navigations: this.cards.map((card) => ({ pushCard: card.json })) }
      : { link: linkJson(this.c, this.link!) };
    return new FakeUniversalActionResponse(this.c, Object.freeze({ renderActions: { action } }));
  }
}
