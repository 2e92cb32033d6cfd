/**
 * TextButton, ImageButton and ButtonSet (Card v1 buttonList).
 *
 * Google behaviour reproduced (https://developers.google.com/apps-script/reference/card-service/text-button,
 * .../text-button-style, .../button-set; card.proto Button):
 * - TextButtonStyle: OUTLINED is the default; FILLED, FILLED_TONAL, BORDERLESS become the
 *   button's `type`; the deprecated TEXT prints as OUTLINED.
 * - setBackgroundColor takes "The color in #rgb format" and "is a no-op for
 *   TextButtonStyle.OUTLINED buttons": the color is printed only for a FILLED button.
 *   A malformed color throws "Invalid argument: backgroundColor".
 * - A button's onClick is "Required" (card.proto): a button with nothing to do fails build().
 * - A TextButton or ImageButton may be added to a section by itself (Button extends Widget).
 * Readings where Google is silent: a TextButton needs text, an ImageButton an icon, and a
 * ButtonSet at least one button (an empty one renders nothing on Google's side).
 */
import { ClickSlot, unsupportedClick } from './actions';
import { TYPE_LABEL } from './args';
import { BuildScope, defined, SERIALIZE, Widget } from './base';
import { iconJson } from './icons';
import { MSG } from './messages';
import type { ButtonJson, ButtonType, ColorJson, IconJson, WidgetJson } from './types';

/** Serializes a button to its Card v1 Button JSON (inside a buttonList, a decorated text or a footer). */
export const BUTTON_JSON = Symbol('buttonJson');

/**
 * A button is also a widget of its own (Apps Script's Button extends Widget): added to a
 * section directly it prints as a buttonList of that one button.
 */
export abstract class FakeButton extends Widget implements GoogleAppsScript.Card_Service.Button {
  protected clicks = new ClickSlot(this.c);

  setOnClickAction(...args: [action: GoogleAppsScript.Card_Service.Action]): this {
    const [action] = args;
    this.clicks.action(`${this.label()}.setOnClickAction`, args, action);
    return this;
  }

  setOnClickOpenLinkAction(...args: [action: GoogleAppsScript.Card_Service.Action]): this {
    const [action] = args;
    this.clicks.dynamicLink(`${this.label()}.setOnClickOpenLinkAction`, args, action);
    return this;
  }

  setOpenLink(...args: [openLink: GoogleAppsScript.Card_Service.OpenLink]): this {
    const [openLink] = args;
    this.clicks.link(`${this.label()}.setOpenLink`, args, openLink);
    return this;
  }

  setAuthorizationAction(): this {
    return unsupportedClick(this.c, `${this.label()}.setAuthorizationAction`);
  }

  setComposeAction(): this {
    return unsupportedClick(this.c, `${this.label()}.setComposeAction`);
  }

  protected label(): string {
    return this[TYPE_LABEL].replace('CardService.', '');
  }

  protected onClick(path: string, scope: BuildScope) {
    const onClick = this.clicks.json(path, scope, (what) => this.fail(path, what));
    if (!onClick) throw this.fail(path, 'a button needs an onClick (setOnClickAction, setOpenLink or setOnClickOpenLinkAction)');
    return onClick;
  }

  abstract [BUTTON_JSON](path: string, scope: BuildScope): ButtonJson;

  [SERIALIZE](path: string, scope: BuildScope): WidgetJson {
    return { buttonList: { buttons: [this[BUTTON_JSON](`${path}.buttons[0]`, scope)] } };
  }
}

export class FakeTextButton extends FakeButton implements GoogleAppsScript.Card_Service.TextButton {
  readonly [TYPE_LABEL] = 'CardService.TextButton';
  private text?: string;
  private style = 'OUTLINED';
  private color?: ColorJson;
  private disabled?: boolean;
  private altText?: string;

  setText(...args: [text: string]): this {
    const [text] = args;
    this.c.check('TextButton.setText', args, ['String']);
    this.text = text;
    return this;
  }

  setTextButtonStyle(...args: [textButtonStyle: unknown]): this {
    const [textButtonStyle] = args;
    this.c.check('TextButton.setTextButtonStyle', args, [{ enum: 'TextButtonStyle' }]);
    this.style = String(textButtonStyle) === 'TEXT' ? 'OUTLINED' : String(textButtonStyle);
    return this;
  }

  setBackgroundColor(...args: [backgroundColor: string]): this {
    const [backgroundColor] = args;
    this.c.check('TextButton.setBackgroundColor', args, ['String']);
    const color = parseHexColor(backgroundColor);
    if (!color) throw this.c.invalid('backgroundColor');
    this.color = color;
    return this;
  }

  setDisabled(...args: [disabled: boolean]): this {
    const [disabled] = args;
    this.c.check('TextButton.setDisabled', args, ['Boolean']);
    this.disabled = disabled;
    return this;
  }

  setAltText(...args: [altText: string]): this {
    const [altText] = args;
    this.c.check('TextButton.setAltText', args, ['String']);
    this.altText = altText;
    return this;
  }

  /** The button's style as printed (FILLED, OUTLINED, …). */
  get styleName(): string {
    return this.style;
  }

  [BUTTON_JSON](path: string, scope: BuildScope): ButtonJson {
    if (!this.text) throw this.fail(path, 'the button text is required (setText)');
    return defined({
      text: this.text,
      type: this.style === 'OUTLINED' ? undefined : (this.style as ButtonType),
      color: this.style === 'FILLED' ? this.color : undefined,
      onClick: this.onClick(path, scope),
      disabled: this.disabled,
      altText: this.altText,
    });
  }
}

export class FakeImageButton extends FakeButton implements GoogleAppsScript.Card_Service.ImageButton {
  readonly [TYPE_LABEL] = 'CardService.ImageButton';
  private icon: IconJson = {};
  private altText?: string;

  setIcon(...args: [icon: unknown]): this {
    const [icon] = args;
    this.c.check('ImageButton.setIcon', args, [{ enum: 'Icon' }]);
    this.icon = { knownIcon: String(icon) };
    return this;
  }

  setIconUrl(...args: [url: string]): this {
    const [url] = args;
    this.c.check('ImageButton.setIconUrl', args, ['String']);
    this.icon = { iconUrl: url };
    return this;
  }

  setAltText(...args: [altText: string]): this {
    const [altText] = args;
    this.c.check('ImageButton.setAltText', args, ['String']);
    this.altText = altText;
    return this;
  }

  setMaterialIcon(): this {
    throw this.c.error(MSG.notSupported('ImageButton.setMaterialIcon'));
  }

  [BUTTON_JSON](path: string, scope: BuildScope): ButtonJson {
    const icon = iconJson({ ...this.icon, altText: this.altText }, path, (what) => this.fail(path, what));
    return defined({ icon, onClick: this.onClick(path, scope), altText: this.altText });
  }
}

export class FakeButtonSet extends Widget implements GoogleAppsScript.Card_Service.ButtonSet {
  readonly [TYPE_LABEL] = 'CardService.ButtonSet';
  private buttons: FakeButton[] = [];

  addButton(...args: [button: GoogleAppsScript.Card_Service.Button]): this {
    const [button] = args;
    this.c.check('ButtonSet.addButton', args, [{ of: FakeButton }]);
    this.buttons.push(button as unknown as FakeButton);
    return this;
  }

  [SERIALIZE](path: string, scope: BuildScope): WidgetJson {
    if (!this.buttons.length) throw this.fail(path, 'a button set needs at least one button (addButton)');
    return { buttonList: { buttons: this.buttons.map((b, i) => b[BUTTON_JSON](`${path}.buttons[${i}]`, scope)) } };
  }
}

/** "#rgb" or "#rrggbb" → Card v1 color (fractions of 1). */
export function parseHexColor(text: string): ColorJson | undefined {
  const m = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(text.trim());
  if (!m) return undefined;
  const hex = m[1].length === 3 ? [...m[1]].map((ch) => ch + ch).join('') : m[1];
  const channel = (i: number) => Math.round((parseInt(hex.slice(i, i + 2), 16) / 255) * 1000) / 1000;
  return { red: channel(0), green: channel(2), blue: channel(4), alpha: 1 };
}
