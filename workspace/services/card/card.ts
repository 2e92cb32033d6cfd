/**
 * CardBuilder, Card, CardHeader, CardSection, CardAction, FixedFooter and Divider.
 *
 * Google behaviour reproduced (https://developers.google.com/apps-script/reference/card-service/card-builder,
 * .../card-section, .../card-header, .../fixed-footer, .../card; card.proto Card;
 * https://developers.google.com/workspace/add-ons/concepts/cards):
 * - build() "Builds the current card and validates it" and throws if it is invalid; the
 *   built Card is a snapshot (later builder calls do not change it) whose printJson()
 *   prints the Card v1 JSON ("for debugging only": Google does not document its exact
 *   formatting; here it is the card.proto JSON names, two-space indented, enum-typed
 *   fields such as textInput.type spelled out).
 * - 100 sections per card and 100 widgets per section (thrown by the 101st addSection /
 *   addWidget), 100 widgets per card (build(); see messages.ts).
 * - CardHeader.setTitle is "Required"; header images are HTTPS URLs.
 * - A section "Must contain at least one widget".
 * - FixedFooter: "The primary button must be a TextButtonStyle.FILLED button", "The
 *   secondary button must be a TextButtonStyle.OUTLINED button", and setSecondaryButton
 *   "does nothing if setPrimaryButton(button) isn't called"; a footer without a primary
 *   button "causes an error" (card.proto). Google's own sample footer sets no style; here
 *   it fails, as the text of the reference requires.
 * Readings where Google is silent: a card needs at least one section ("A card consists
 * of ... One or more card sections"); a CardAction needs its text and an onClick;
 * numUncollapsibleWidgets must be 0 or more.
 */
import { ClickSlot, unsupportedClick } from './actions';
import { CardCtx, TYPE_LABEL } from './args';
import { BuildScope, Builder, defined, newScope, SERIALIZE, Widget } from './base';
import { BUTTON_JSON, FakeTextButton } from './buttons';
import { MAX_SECTIONS_PER_CARD, MAX_WIDGETS_PER_CARD, MAX_WIDGETS_PER_SECTION, MSG } from './messages';
import type { CardActionJson, CardHeaderJson, CardJson, SectionJson, WidgetJson } from './types';

type GWidget = GoogleAppsScript.Card_Service.Widget;

export class FakeDivider extends Widget implements GoogleAppsScript.Card_Service.Divider {
  readonly [TYPE_LABEL] = 'CardService.Divider';
  [SERIALIZE](): WidgetJson {
    return { divider: {} };
  }
}

export class FakeCardHeader extends Builder implements GoogleAppsScript.Card_Service.CardHeader {
  readonly [TYPE_LABEL] = 'CardService.CardHeader';
  private json: Partial<CardHeaderJson> = {};

  setTitle(...args: [title: string]): this {
    const [title] = args;
    this.c.check('CardHeader.setTitle', args, ['String']);
    this.json = { ...this.json, title };
    return this;
  }

  setSubtitle(...args: [subtitle: string]): this {
    const [subtitle] = args;
    this.c.check('CardHeader.setSubtitle', args, ['String']);
    this.json = { ...this.json, subtitle };
    return this;
  }

  setImageUrl(...args: [imageUrl: string]): this {
    const [imageUrl] = args;
    this.c.check('CardHeader.setImageUrl', args, ['String']);
    this.json = { ...this.json, imageUrl };
    return this;
  }

  setImageStyle(...args: [imageStyle: unknown]): this {
    const [imageStyle] = args;
    this.c.check('CardHeader.setImageStyle', args, [{ enum: 'ImageStyle' }]);
    this.json = { ...this.json, imageType: String(imageStyle) as CardHeaderJson['imageType'] };
    return this;
  }

  setImageAltText(...args: [imageAltText: string]): this {
    const [imageAltText] = args;
    this.c.check('CardHeader.setImageAltText', args, ['String']);
    this.json = { ...this.json, imageAltText };
    return this;
  }

  [SERIALIZE](path: string): CardHeaderJson {
    const { title, imageUrl } = this.json;
    if (!title) throw this.fail(path, 'the title is required (setTitle)');
    if (imageUrl && !/^https:\/\//i.test(imageUrl)) throw this.fail(path, `the image URL "${imageUrl}" must be an https:// URL`);
    return defined({ ...this.json, title });
  }
}

export class FakeCardSection extends Builder implements GoogleAppsScript.Card_Service.CardSection {
  readonly [TYPE_LABEL] = 'CardService.CardSection';
  private widgets: Widget[] = [];
  private header?: string;
  private collapsible?: boolean;
  private uncollapsible?: number;

  addWidget(...args: [widget: GWidget]): this {
    const [widget] = args;
    this.c.check('CardSection.addWidget', args, [{ of: Widget }]);
    if (this.widgets.length >= MAX_WIDGETS_PER_SECTION) throw this.c.error(MSG.tooManyWidgetsInSection);
    this.widgets.push(widget as Widget);
    return this;
  }

  setHeader(...args: [header: string]): this {
    const [header] = args;
    this.c.check('CardSection.setHeader', args, ['String']);
    this.header = header;
    return this;
  }

  setCollapsible(...args: [collapsible: boolean]): this {
    const [collapsible] = args;
    this.c.check('CardSection.setCollapsible', args, ['Boolean']);
    this.collapsible = collapsible;
    return this;
  }

  setNumUncollapsibleWidgets(...args: [numUncollapsibleWidgets: number]): this {
    const [numUncollapsibleWidgets] = args;
    this.c.check('CardSection.setNumUncollapsibleWidgets', args, ['Integer']);
    if (numUncollapsibleWidgets < 0) throw this.c.invalid('numUncollapsibleWidgets');
    this.uncollapsible = numUncollapsibleWidgets;
    return this;
  }

  [SERIALIZE](path: string, scope: BuildScope): SectionJson {
    if (!this.widgets.length) throw this.fail(path, 'a section must contain at least one widget (addWidget)');
    scope.widgetCount += this.widgets.length;
    return defined({
      header: this.header || undefined,
      collapsible: this.collapsible || undefined,
      uncollapsibleWidgetsCount: this.uncollapsible,
      widgets: this.widgets.map((w, i) => w[SERIALIZE](`${path}.widgets[${i}]`, scope)),
    });
  }
}

export class FakeCardAction extends Builder implements GoogleAppsScript.Card_Service.CardAction {
  readonly [TYPE_LABEL] = 'CardService.CardAction';
  private text?: string;
  private clicks = new ClickSlot(this.c);

  setText(...args: [text: string]): this {
    const [text] = args;
    this.c.check('CardAction.setText', args, ['String']);
    this.text = text;
    return this;
  }

  setOnClickAction(...args: [action: GoogleAppsScript.Card_Service.Action]): this {
    const [action] = args;
    this.clicks.action('CardAction.setOnClickAction', args, action);
    return this;
  }

  setOnClickOpenLinkAction(...args: [action: GoogleAppsScript.Card_Service.Action]): this {
    const [action] = args;
    this.clicks.dynamicLink('CardAction.setOnClickOpenLinkAction', args, action);
    return this;
  }

  setOpenLink(...args: [openLink: GoogleAppsScript.Card_Service.OpenLink]): this {
    const [openLink] = args;
    this.clicks.link('CardAction.setOpenLink', args, openLink);
    return this;
  }

  setAuthorizationAction(): this {
    return unsupportedClick(this.c, 'CardAction.setAuthorizationAction');
  }

  setComposeAction(): this {
    return unsupportedClick(this.c, 'CardAction.setComposeAction');
  }

  [SERIALIZE](path: string, scope: BuildScope): CardActionJson {
    const fail = (what: string) => this.fail(path, what);
    if (!this.text) throw fail('the text is required (setText)');
    const onClick = this.clicks.json(path, scope, fail);
    if (!onClick) throw fail('a card action needs an onClick (setOnClickAction or setOpenLink)');
    return { actionLabel: this.text, onClick };
  }
}

export class FakeFixedFooter extends Builder implements GoogleAppsScript.Card_Service.FixedFooter {
  readonly [TYPE_LABEL] = 'CardService.FixedFooter';
  private primary?: FakeTextButton;
  private secondary?: FakeTextButton;

  setPrimaryButton(...args: [button: GoogleAppsScript.Card_Service.TextButton]): this {
    const [button] = args;
    this.c.check('FixedFooter.setPrimaryButton', args, [{ of: FakeTextButton }]);
    this.primary = button as FakeTextButton;
    return this;
  }

  setSecondaryButton(...args: [button: GoogleAppsScript.Card_Service.TextButton]): this {
    const [button] = args;
    this.c.check('FixedFooter.setSecondaryButton', args, [{ of: FakeTextButton }]);
    if (this.primary) this.secondary = button as FakeTextButton;
    return this;
  }

  [SERIALIZE](path: string, scope: BuildScope): NonNullable<CardJson['fixedFooter']> {
    const { primary, secondary } = this;
    if (!primary) throw this.fail(path, 'a fixed footer needs a primary button (setPrimaryButton)');
    if (primary.styleName !== 'FILLED')
      throw this.fail(path, `the primary button must be a TextButtonStyle.FILLED button (it is ${primary.styleName})`);
    if (secondary && secondary.styleName !== 'OUTLINED')
      throw this.fail(path, `the secondary button must be a TextButtonStyle.OUTLINED button (it is ${secondary.styleName})`);
    return defined({
      primaryButton: primary[BUTTON_JSON](`${path}.primaryButton`, scope),
      secondaryButton: secondary?.[BUTTON_JSON](`${path}.secondaryButton`, scope),
    });
  }
}

/** A built card: a frozen Card v1 JSON. */
export class FakeCard extends Builder implements GoogleAppsScript.Card_Service.Card {
  readonly [TYPE_LABEL] = 'CardService.Card';
  constructor(
    c: CardCtx,
    readonly json: CardJson,
  ) {
    super(c);
  }

  printJson(): string {
    return JSON.stringify(this.json, null, 2);
  }
}

export class FakeCardBuilder extends Builder implements GoogleAppsScript.Card_Service.CardBuilder {
  readonly [TYPE_LABEL] = 'CardService.CardBuilder';
  private header?: FakeCardHeader;
  private peekHeader?: FakeCardHeader;
  private sections: FakeCardSection[] = [];
  private actions: FakeCardAction[] = [];
  private name?: string;
  private footer?: FakeFixedFooter;
  private displayStyle?: string;

  setHeader(...args: [cardHeader: GoogleAppsScript.Card_Service.CardHeader]): this {
    const [cardHeader] = args;
    this.c.check('CardBuilder.setHeader', args, [{ of: FakeCardHeader }]);
    this.header = cardHeader as FakeCardHeader;
    return this;
  }

  setPeekCardHeader(...args: [peekCardHeader: GoogleAppsScript.Card_Service.CardHeader]): this {
    const [peekCardHeader] = args;
    this.c.check('CardBuilder.setPeekCardHeader', args, [{ of: FakeCardHeader }]);
    this.peekHeader = peekCardHeader as FakeCardHeader;
    return this;
  }

  addSection(...args: [section: GoogleAppsScript.Card_Service.CardSection]): this {
    const [section] = args;
    this.c.check('CardBuilder.addSection', args, [{ of: FakeCardSection }]);
    if (this.sections.length >= MAX_SECTIONS_PER_CARD) throw this.c.error(MSG.tooManySections);
    this.sections.push(section as FakeCardSection);
    return this;
  }

  addCardAction(...args: [cardAction: GoogleAppsScript.Card_Service.CardAction]): this {
    const [cardAction] = args;
    this.c.check('CardBuilder.addCardAction', args, [{ of: FakeCardAction }]);
    this.actions.push(cardAction as FakeCardAction);
    return this;
  }

  setName(...args: [name: string]): this {
    const [name] = args;
    this.c.check('CardBuilder.setName', args, ['String']);
    this.name = name;
    return this;
  }

  setFixedFooter(...args: [fixedFooter: GoogleAppsScript.Card_Service.FixedFooter]): this {
    const [fixedFooter] = args;
    this.c.check('CardBuilder.setFixedFooter', args, [{ of: FakeFixedFooter }]);
    this.footer = fixedFooter as FakeFixedFooter;
    return this;
  }

  setDisplayStyle(...args: [displayStyle: unknown]): this {
    const [displayStyle] = args;
    this.c.check('CardBuilder.setDisplayStyle', args, [{ enum: 'DisplayStyle' }]);
    this.displayStyle = String(displayStyle);
    return this;
  }

  build(...args: []): FakeCard {
    this.c.check('CardBuilder.build', args, []);
    const scope = newScope(this.c.openLinkUrlPrefixes);
    if (!this.sections.length) throw this.fail('card', 'a card needs at least one section (addSection)');
    const json: CardJson = defined({
      header: this.header?.[SERIALIZE]('header'),
      sections: this.sections.map((s, i) => s[SERIALIZE](`sections[${i}]`, scope)),
      cardActions: this.actions.length ? this.actions.map((a, i) => a[SERIALIZE](`cardActions[${i}]`, scope)) : undefined,
      name: this.name || undefined,
      fixedFooter: this.footer?.[SERIALIZE]('fixedFooter', scope),
      displayStyle: this.displayStyle as CardJson['displayStyle'],
      peekCardHeader: this.peekHeader?.[SERIALIZE]('peekCardHeader'),
    });
    if (scope.widgetCount > MAX_WIDGETS_PER_CARD) throw this.c.error(MSG.tooManyWidgetsInCard(scope.widgetCount));
    return new FakeCard(this.c, deepFreeze(json));
  }
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}
