/**
 * TextParagraph and DecoratedText.
 *
 * Google behaviour reproduced (https://developers.google.com/apps-script/reference/card-service/text-paragraph,
 * .../decorated-text; card.proto DecoratedText):
 * - TextParagraph.setText and DecoratedText.setText are "Required".
 * - The control on the right of a decorated text is a oneof (button, switchControl or
 *   endIcon): build() refuses two of them.
 * - Text supports the limited HTML of card text (rendered by richText.ts); labels are
 *   plain text.
 */
import { ClickSlot, unsupportedClick } from './actions';
import { TYPE_LABEL } from './args';
import { BuildScope, defined, SERIALIZE, Widget } from './base';
import { BUTTON_JSON, FakeButton } from './buttons';
import { FakeIconImage, iconJson } from './icons';
import { FakeSwitch } from './inputs';
import type { DecoratedTextJson, IconJson, WidgetJson } from './types';

export class FakeTextParagraph extends Widget implements GoogleAppsScript.Card_Service.TextParagraph {
  readonly [TYPE_LABEL] = 'CardService.TextParagraph';
  private text?: string;

  setText(...args: [text: string]): this {
    const [text] = args;
    this.c.check('TextParagraph.setText', args, ['String']);
    this.text = text;
    return this;
  }

  [SERIALIZE](path: string): WidgetJson {
    if (!this.text) throw this.fail(path, 'the text is required (setText)');
    return { textParagraph: { text: this.text } };
  }
}

export class FakeDecoratedText extends Widget implements GoogleAppsScript.Card_Service.DecoratedText {
  readonly [TYPE_LABEL] = 'CardService.DecoratedText';
  private fields: Pick<DecoratedTextJson, 'topLabel' | 'bottomLabel' | 'wrapText'> & { text?: string } = {};
  private startIcon: IconJson | FakeIconImage | undefined;
  private controls: { button?: FakeButton; switchControl?: FakeSwitch; endIcon?: FakeIconImage } = {};
  private clicks = new ClickSlot(this.c);

  setText(...args: [text: string]): this {
    const [text] = args;
    this.c.check('DecoratedText.setText', args, ['String']);
    this.fields.text = text;
    return this;
  }

  setTopLabel(...args: [text: string]): this {
    const [text] = args;
    this.c.check('DecoratedText.setTopLabel', args, ['String']);
    this.fields.topLabel = text;
    return this;
  }

  setBottomLabel(...args: [text: string]): this {
    const [text] = args;
    this.c.check('DecoratedText.setBottomLabel', args, ['String']);
    this.fields.bottomLabel = text;
    return this;
  }

  setWrapText(...args: [wrapText: boolean]): this {
    const [wrapText] = args;
    this.c.check('DecoratedText.setWrapText', args, ['Boolean']);
    this.fields.wrapText = wrapText;
    return this;
  }

  setIcon(...args: [icon: unknown]): this {
    const [icon] = args;
    this.c.check('DecoratedText.setIcon', args, [{ enum: 'Icon' }]);
    this.startIcon = { ...this.plainIcon(), knownIcon: String(icon), iconUrl: undefined };
    return this;
  }

  setIconUrl(...args: [url: string]): this {
    const [url] = args;
    this.c.check('DecoratedText.setIconUrl', args, ['String']);
    this.startIcon = { ...this.plainIcon(), iconUrl: url, knownIcon: undefined };
    return this;
  }

  setIconAltText(...args: [altText: string]): this {
    const [altText] = args;
    this.c.check('DecoratedText.setIconAltText', args, ['String']);
    this.startIcon = { ...this.plainIcon(), altText };
    return this;
  }

  setStartIcon(...args: [startIcon: GoogleAppsScript.Card_Service.IconImage]): this {
    const [startIcon] = args;
    this.c.check('DecoratedText.setStartIcon', args, [{ of: FakeIconImage }]);
    this.startIcon = startIcon as FakeIconImage;
    return this;
  }

  setEndIcon(...args: [endIcon: GoogleAppsScript.Card_Service.IconImage]): this {
    const [endIcon] = args;
    this.c.check('DecoratedText.setEndIcon', args, [{ of: FakeIconImage }]);
    this.controls.endIcon = endIcon as FakeIconImage;
    return this;
  }

  setButton(...args: [button: GoogleAppsScript.Card_Service.Button]): this {
    const [button] = args;
    this.c.check('DecoratedText.setButton', args, [{ of: FakeButton }]);
    this.controls.button = button as unknown as FakeButton;
    return this;
  }

  setSwitchControl(...args: [switchToSet: GoogleAppsScript.Card_Service.Switch]): this {
    const [switchToSet] = args;
    this.c.check('DecoratedText.setSwitchControl', args, [{ of: FakeSwitch }]);
    this.controls.switchControl = switchToSet as FakeSwitch;
    return this;
  }

  setOnClickAction(...args: [action: GoogleAppsScript.Card_Service.Action]): this {
    const [action] = args;
    this.clicks.action('DecoratedText.setOnClickAction', args, action);
    return this;
  }

  setOnClickOpenLinkAction(...args: [action: GoogleAppsScript.Card_Service.Action]): this {
    const [action] = args;
    this.clicks.dynamicLink('DecoratedText.setOnClickOpenLinkAction', args, action);
    return this;
  }

  setOpenLink(...args: [openLink: GoogleAppsScript.Card_Service.OpenLink]): this {
    const [openLink] = args;
    this.clicks.link('DecoratedText.setOpenLink', args, openLink);
    return this;
  }

  setAuthorizationAction(): this {
    return unsupportedClick(this.c, 'DecoratedText.setAuthorizationAction');
  }

  setComposeAction(): this {
    return unsupportedClick(this.c, 'DecoratedText.setComposeAction');
  }

  private plainIcon(): IconJson {
    return this.startIcon && !(this.startIcon instanceof FakeIconImage) ? this.startIcon : {};
  }

  [SERIALIZE](path: string, scope: BuildScope): WidgetJson {
    const fail = (what: string) => this.fail(path, what);
    if (!this.fields.text) throw fail('the text is required (setText)');
    const set = Object.entries(this.controls).filter(([, v]) => v);
    if (set.length > 1) throw fail(`only one of setButton, setSwitchControl or setEndIcon may be set (got ${set.map(([k]) => k).join(', ')})`);
    const { button, switchControl, endIcon } = this.controls;
    const start = this.startIcon;
    return {
      decoratedText: defined({
        startIcon: start instanceof FakeIconImage ? start[SERIALIZE](`${path}.startIcon`) : start && iconJson(start, path, fail),
        topLabel: this.fields.topLabel,
        text: this.fields.text,
        wrapText: this.fields.wrapText,
        bottomLabel: this.fields.bottomLabel,
        onClick: this.clicks.json(path, scope, fail),
        button: button?.[BUTTON_JSON](`${path}.button`, scope),
        switchControl: switchControl?.[SERIALIZE](`${path}.switchControl`, scope),
        endIcon: endIcon?.[SERIALIZE](`${path}.endIcon`),
      }),
    };
  }
}
