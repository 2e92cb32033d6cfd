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
import { FakeButton } from './buttons';
import { FakeIconImage, iconJson } from './icons';
import { FakeSwitch } from './inputs';
import type { DecoratedTextJson, IconJson, WidgetJson } from './types';

export class FakeTextParagraph extends Widget implements GoogleAppsScript.Card_Service.TextParagraph {
  readonly [TYPE_LABEL] = 'CardService.TextParagraph';
  private text?: string;

  setText(text: string): this {
    this.c.check('TextParagraph.setText', arguments, ['String']);
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

  setText(text: string): this {
    this.c.check('DecoratedText.setText', arguments, ['String']);
    this.fields.text = text;
    return this;
  }

  setTopLabel(text: string): this {
    this.c.check('DecoratedText.setTopLabel', arguments, ['String']);
    this.fields.topLabel = text;
    return this;
  }

  setBottomLabel(text: string): this {
    this.c.check('DecoratedText.setBottomLabel', arguments, ['String']);
    this.fields.bottomLabel = text;
    return this;
  }

  setWrapText(wrapText: boolean): this {
    this.c.check('DecoratedText.setWrapText', arguments, ['Boolean']);
    this.fields.wrapText = wrapText;
    return this;
  }

  setIcon(icon: unknown): this {
    this.c.check('DecoratedText.setIcon', arguments, [{ enum: 'Icon' }]);
    this.startIcon = { ...this.plainIcon(), knownIcon: String(icon), iconUrl: undefined };
    return this;
  }

  setIconUrl(url: string): this {
    this.c.check('DecoratedText.setIconUrl', arguments, ['String']);
    this.startIcon = { ...this.plainIcon(), iconUrl: url, knownIcon: undefined };
    return this;
  }

  setIconAltText(altText: string): this {
    this.c.check('DecoratedText.setIconAltText', arguments, ['String']);
    this.startIcon = { ...this.plainIcon(), altText };
    return this;
  }

  setStartIcon(startIcon: GoogleAppsScript.Card_Service.IconImage): this {
    this.c.check('DecoratedText.setStartIcon', arguments, [{ of: FakeIconImage }]);
    this.startIcon = startIcon as FakeIconImage;
    return this;
  }

  setEndIcon(endIcon: GoogleAppsScript.Card_Service.IconImage): this {
    this.c.check('DecoratedText.setEndIcon', arguments, [{ of: FakeIconImage }]);
    this.controls.endIcon = endIcon as FakeIconImage;
    return this;
  }

  setButton(button: GoogleAppsScript.Card_Service.Button): this {
    this.c.check('DecoratedText.setButton', arguments, [{ of: FakeButton }]);
    this.controls.button = button as unknown as FakeButton;
    return this;
  }

  setSwitchControl(switchToSet: GoogleAppsScript.Card_Service.Switch): this {
    this.c.check('DecoratedText.setSwitchControl', arguments, [{ of: FakeSwitch }]);
    this.controls.switchControl = switchToSet as FakeSwitch;
    return this;
  }

  setOnClickAction(action: GoogleAppsScript.Card_Service.Action): this {
    this.clicks.action('DecoratedText.setOnClickAction', arguments, action);
    return this;
  }

  setOnClickOpenLinkAction(action: GoogleAppsScript.Card_Service.Action): this {
    this.clicks.dynamicLink('DecoratedText.setOnClickOpenLinkAction', arguments, action);
    return this;
  }

  setOpenLink(openLink: GoogleAppsScript.Card_Service.OpenLink): this {
    this.clicks.link('DecoratedText.setOpenLink', arguments, openLink);
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
        button: button?.[SERIALIZE](`${path}.button`, scope),
        switchControl: switchControl?.[SERIALIZE](`${path}.switchControl`, scope),
        endIcon: endIcon?.[SERIALIZE](`${path}.endIcon`),
      }),
    };
  }
}
