/**
 * Image, Grid and their parts (GridItem, ImageComponent, ImageCropStyle, BorderStyle).
 *
 * Google behaviour reproduced (https://developers.google.com/apps-script/reference/card-service/image,
 * .../grid, .../grid-item, .../image-component, .../image-crop-style, .../border-style;
 * card.proto Image, Grid): an image is "The HTTPS URL that hosts the image"; a grid's
 * onClick "is reused by each individual grid item, but with the item's identifier and index
 * in the items list added to the callback's parameters"; a custom crop's aspect ratio must
 * be positive. Readings where Google is silent: an image needs a URL and a grid at least one item.
 */
import { ClickSlot, unsupportedClick } from './actions';
import { TYPE_LABEL } from './args';
import { BuildScope, Builder, defined, SERIALIZE, Widget } from './base';
import { parseHexColor } from './buttons';
import type { BorderStyleJson, GridItemJson, ImageComponentJson, WidgetJson } from './types';

function httpsUrl(url: string | undefined, fail: (what: string) => Error): string {
  if (!url) throw fail('the image URL is required (setImageUrl)');
  if (!/^https:\/\//i.test(url)) throw fail(`the image URL "${url}" must be an https:// URL`);
  return url;
}

export class FakeImage extends Widget implements GoogleAppsScript.Card_Service.Image {
  readonly [TYPE_LABEL] = 'CardService.Image';
  private url?: string;
  private altText?: string;
  private clicks = new ClickSlot(this.c);

  setImageUrl(url: string): this {
    this.c.check('Image.setImageUrl', arguments, ['String']);
    this.url = url;
    return this;
  }

  setAltText(altText: string): this {
    this.c.check('Image.setAltText', arguments, ['String']);
    this.altText = altText;
    return this;
  }

  setOnClickAction(action: GoogleAppsScript.Card_Service.Action): this {
    this.clicks.action('Image.setOnClickAction', arguments, action);
    return this;
  }

  setOnClickOpenLinkAction(action: GoogleAppsScript.Card_Service.Action): this {
    this.clicks.dynamicLink('Image.setOnClickOpenLinkAction', arguments, action);
    return this;
  }

  setOpenLink(openLink: GoogleAppsScript.Card_Service.OpenLink): this {
    this.clicks.link('Image.setOpenLink', arguments, openLink);
    return this;
  }

  setAuthorizationAction(): this {
    return unsupportedClick(this.c, 'Image.setAuthorizationAction');
  }

  setComposeAction(): this {
    return unsupportedClick(this.c, 'Image.setComposeAction');
  }

  [SERIALIZE](path: string, scope: BuildScope): WidgetJson {
    const fail = (what: string) => this.fail(path, what);
    return { image: defined({ imageUrl: httpsUrl(this.url, fail), altText: this.altText, onClick: this.clicks.json(path, scope, fail) }) };
  }
}

export class FakeBorderStyle extends Builder implements GoogleAppsScript.Card_Service.BorderStyle {
  readonly [TYPE_LABEL] = 'CardService.BorderStyle';
  json: BorderStyleJson = {};

  setType(type: unknown): this {
    this.c.check('BorderStyle.setType', arguments, [{ enum: 'BorderType' }]);
    this.json = { ...this.json, type: String(type) as BorderStyleJson['type'] };
    return this;
  }

  setStrokeColor(color: string): this {
    this.c.check('BorderStyle.setStrokeColor', arguments, ['String']);
    const parsed = parseHexColor(color);
    if (!parsed) throw this.c.invalid('color');
    this.json = { ...this.json, strokeColor: parsed };
    return this;
  }

  setCornerRadius(radius: number): this {
    this.c.check('BorderStyle.setCornerRadius', arguments, ['Integer']);
    if (radius < 0) throw this.c.invalid('radius');
    this.json = { ...this.json, cornerRadius: radius };
    return this;
  }
}

export class FakeImageCropStyle extends Builder implements GoogleAppsScript.Card_Service.ImageCropStyle {
  readonly [TYPE_LABEL] = 'CardService.ImageCropStyle';
  json: NonNullable<ImageComponentJson['cropStyle']> = { type: 'SQUARE' };

  setImageCropType(type: unknown): this {
    this.c.check('ImageCropStyle.setImageCropType', arguments, [{ enum: 'ImageCropType' }]);
    this.json = { ...this.json, type: String(type) as typeof this.json.type };
    return this;
  }

  setAspectRatio(ratio: number): this {
    this.c.check('ImageCropStyle.setAspectRatio', arguments, ['Number']);
    if (ratio <= 0) throw this.c.invalid('ratio');
    this.json = { ...this.json, aspectRatio: ratio };
    return this;
  }
}

export class FakeImageComponent extends Builder implements GoogleAppsScript.Card_Service.ImageComponent {
  readonly [TYPE_LABEL] = 'CardService.ImageComponent';
  private url?: string;
  private altText?: string;
  private crop?: FakeImageCropStyle;
  private border?: FakeBorderStyle;

  setImageUrl(url: string): this {
    this.c.check('ImageComponent.setImageUrl', arguments, ['String']);
    this.url = url;
    return this;
  }

  setAltText(altText: string): this {
    this.c.check('ImageComponent.setAltText', arguments, ['String']);
    this.altText = altText;
    return this;
  }

  setCropStyle(imageCropStyle: GoogleAppsScript.Card_Service.ImageCropStyle): this {
    this.c.check('ImageComponent.setCropStyle', arguments, [{ of: FakeImageCropStyle }]);
    this.crop = imageCropStyle as FakeImageCropStyle;
    return this;
  }

  setBorderStyle(borderStyle: GoogleAppsScript.Card_Service.BorderStyle): this {
    this.c.check('ImageComponent.setBorderStyle', arguments, [{ of: FakeBorderStyle }]);
    this.border = borderStyle as FakeBorderStyle;
    return this;
  }

  [SERIALIZE](path: string): ImageComponentJson {
    const imageUri = httpsUrl(this.url, (what) => this.fail(path, what));
    return defined({ imageUri, altText: this.altText, cropStyle: this.crop && { ...this.crop.json }, borderStyle: this.border && { ...this.border.json } });
  }
}

export class FakeGridItem extends Builder implements GoogleAppsScript.Card_Service.GridItem {
  readonly [TYPE_LABEL] = 'CardService.GridItem';
  private fields: Omit<GridItemJson, 'image'> = {};
  private image?: FakeImageComponent;

  setIdentifier(id: string): this {
    this.c.check('GridItem.setIdentifier', arguments, ['String']);
    this.fields = { ...this.fields, id };
    return this;
  }

  setTitle(title: string): this {
    this.c.check('GridItem.setTitle', arguments, ['String']);
    this.fields = { ...this.fields, title };
    return this;
  }

  setSubtitle(subtitle: string): this {
    this.c.check('GridItem.setSubtitle', arguments, ['String']);
    this.fields = { ...this.fields, subtitle };
    return this;
  }

  setLayout(layout: unknown): this {
    this.c.check('GridItem.setLayout', arguments, [{ enum: 'GridItemLayout' }]);
    this.fields = { ...this.fields, layout: String(layout) as GridItemJson['layout'] };
    return this;
  }

  setTextAlignment(alignment: unknown): this {
    this.c.check('GridItem.setTextAlignment', arguments, [{ enum: 'HorizontalAlignment' }]);
    this.fields = { ...this.fields, textAlignment: String(alignment) as GridItemJson['textAlignment'] };
    return this;
  }

  setImage(image: GoogleAppsScript.Card_Service.ImageComponent): this {
    this.c.check('GridItem.setImage', arguments, [{ of: FakeImageComponent }]);
    this.image = image as FakeImageComponent;
    return this;
  }

  [SERIALIZE](path: string): GridItemJson {
    if (!this.image && !this.fields.title) throw this.fail(path, 'a grid item needs an image or a title');
    return defined({ ...this.fields, image: this.image?.[SERIALIZE](`${path}.image`) });
  }
}

export class FakeGrid extends Widget implements GoogleAppsScript.Card_Service.Grid {
  readonly [TYPE_LABEL] = 'CardService.Grid';
  private title?: string;
  private items: FakeGridItem[] = [];
  private columns?: number;
  private border?: FakeBorderStyle;
  private clicks = new ClickSlot(this.c);

  setTitle(title: string): this {
    this.c.check('Grid.setTitle', arguments, ['String']);
    this.title = title;
    return this;
  }

  addItem(gridItem: GoogleAppsScript.Card_Service.GridItem): this {
    this.c.check('Grid.addItem', arguments, [{ of: FakeGridItem }]);
    this.items.push(gridItem as FakeGridItem);
    return this;
  }

  setNumColumns(numColumns: number): this {
    this.c.check('Grid.setNumColumns', arguments, ['Integer']);
    if (numColumns < 1) throw this.c.invalid('numColumns');
    this.columns = numColumns;
    return this;
  }

  setBorderStyle(borderStyle: GoogleAppsScript.Card_Service.BorderStyle): this {
    this.c.check('Grid.setBorderStyle', arguments, [{ of: FakeBorderStyle }]);
    this.border = borderStyle as FakeBorderStyle;
    return this;
  }

  setOnClickAction(action: GoogleAppsScript.Card_Service.Action): this {
    this.clicks.action('Grid.setOnClickAction', arguments, action);
    return this;
  }

  setOnClickOpenLinkAction(action: GoogleAppsScript.Card_Service.Action): this {
    this.clicks.dynamicLink('Grid.setOnClickOpenLinkAction', arguments, action);
    return this;
  }

  setOpenLink(openLink: GoogleAppsScript.Card_Service.OpenLink): this {
    this.clicks.link('Grid.setOpenLink', arguments, openLink);
    return this;
  }

  setAuthorizationAction(): this {
    return unsupportedClick(this.c, 'Grid.setAuthorizationAction');
  }

  setComposeAction(): this {
    return unsupportedClick(this.c, 'Grid.setComposeAction');
  }

  [SERIALIZE](path: string, scope: BuildScope): WidgetJson {
    const fail = (what: string) => this.fail(path, what);
    if (!this.items.length) throw fail('a grid needs at least one item (addItem)');
    return {
      grid: defined({
        title: this.title,
        items: this.items.map((item, i) => item[SERIALIZE](`${path}.items[${i}]`)),
        borderStyle: this.border && { ...this.border.json },
        columnCount: this.columns,
        onClick: this.clicks.json(path, scope, fail),
      }),
    };
  }
}
