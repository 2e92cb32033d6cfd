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

  setImageUrl(...args: [url: string]): this {
    const [url] = args;
    this.c.check('Image.setImageUrl', args, ['String']);
    this.url = url;
    return this;
  }

  setAltText(...args: [altText: string]): this {
    const [altText] = args;
    this.c.check('Image.setAltText', args, ['String']);
    this.altText = altText;
    return this;
  }

  setOnClickAction(...args: [action: GoogleAppsScript.Card_Service.Action]): this {
    const [action] = args;
    this.clicks.action('Image.setOnClickAction', args, action);
    return this;
  }

  setOnClickOpenLinkAction(...args: [action: GoogleAppsScript.Card_Service.Action]): this {
    const [action] = args;
    this.clicks.dynamicLink('Image.setOnClickOpenLinkAction', args, action);
    return this;
  }

  setOpenLink(...args: [openLink: GoogleAppsScript.Card_Service.OpenLink]): this {
    const [openLink] = args;
    this.clicks.link('Image.setOpenLink', args, openLink);
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

  setType(...args: [type: unknown]): this {
    const [type] = args;
    this.c.check('BorderStyle.setType', args, [{ enum: 'BorderType' }]);
    this.json = { ...this.json, type: String(type) as BorderStyleJson['type'] };
    return this;
  }

  setStrokeColor(...args: [color: string]): this {
    const [color] = args;
    this.c.check('BorderStyle.setStrokeColor', args, ['String']);
    const parsed = parseHexColor(color);
    if (!parsed) throw this.c.invalid('color');
    this.json = { ...this.json, strokeColor: parsed };
    return this;
  }

  setCornerRadius(...args: [radius: number]): this {
    const [radius] = args;
    this.c.check('BorderStyle.setCornerRadius', args, ['Integer']);
    if (radius < 0) throw this.c.invalid('radius');
    this.json = { ...this.json, cornerRadius: radius };
    return this;
  }
}

export class FakeImageCropStyle extends Builder implements GoogleAppsScript.Card_Service.ImageCropStyle {
  readonly [TYPE_LABEL] = 'CardService.ImageCropStyle';
  json: NonNullable<ImageComponentJson['cropStyle']> = { type: 'SQUARE' };

  setImageCropType(...args: [type: unknown]): this {
    const [type] = args;
    this.c.check('ImageCropStyle.setImageCropType', args, [{ enum: 'ImageCropType' }]);
    this.json = { ...this.json, type: String(type) as typeof this.json.type };
    return this;
  }

  setAspectRatio(...args: [ratio: number]): this {
    const [ratio] = args;
    this.c.check('ImageCropStyle.setAspectRatio', args, ['Number']);
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

  setImageUrl(...args: [url: string]): this {
    const [url] = args;
    this.c.check('ImageComponent.setImageUrl', args, ['String']);
    this.url = url;
    return this;
  }

  setAltText(...args: [altText: string]): this {
    const [altText] = args;
    this.c.check('ImageComponent.setAltText', args, ['String']);
    this.altText = altText;
    return this;
  }

  setCropStyle(...args: [imageCropStyle: GoogleAppsScript.Card_Service.ImageCropStyle]): this {
    const [imageCropStyle] = args;
    this.c.check('ImageComponent.setCropStyle', args, [{ of: FakeImageCropStyle }]);
    this.crop = imageCropStyle as FakeImageCropStyle;
    return this;
  }

  setBorderStyle(...args: [borderStyle: GoogleAppsScript.Card_Service.BorderStyle]): this {
    const [borderStyle] = args;
    this.c.check('ImageComponent.setBorderStyle', args, [{ of: FakeBorderStyle }]);
    this.border = borderStyle as FakeBorderStyle;
    return this;
  }

  [SERIALIZE](path: string): ImageComponentJson {
    const imageUri = httpsUrl(this.url, (what) => this.fail(path, what));
    return defined({
      imageUri,
      altText: this.altText,
      cropStyle: this.crop && { ...this.crop.json },
      borderStyle: this.border && { ...this.border.json },
    });
  }
}

export class FakeGridItem extends Builder implements GoogleAppsScript.Card_Service.GridItem {
  readonly [TYPE_LABEL] = 'CardService.GridItem';
  private fields: Omit<GridItemJson, 'image'> = {};
  private image?: FakeImageComponent;

  setIdentifier(...args: [id: string]): this {
    const [id] = args;
    this.c.check('GridItem.setIdentifier', args, ['String']);
    this.fields = { ...this.fields, id };
    return this;
  }

  setTitle(...args: [title: string]): this {
    const [title] = args;
    this.c.check('GridItem.setTitle', args, ['String']);
    this.fields = { ...this.fields, title };
    return this;
  }

  setSubtitle(...args: [subtitle: string]): this {
    const [subtitle] = args;
    this.c.check('GridItem.setSubtitle', args, ['String']);
    this.fields = { ...this.fields, subtitle };
    return this;
  }

  setLayout(...args: [layout: unknown]): this {
    const [layout] = args;
    this.c.check('GridItem.setLayout', args, [{ enum: 'GridItemLayout' }]);
    this.fields = { ...this.fields, layout: String(layout) as GridItemJson['layout'] };
    return this;
  }

  setTextAlignment(...args: [alignment: unknown]): this {
    const [alignment] = args;
    this.c.check('GridItem.setTextAlignment', args, [{ enum: 'HorizontalAlignment' }]);
    this.fields = { ...this.fields, textAlignment: String(alignment) as GridItemJson['textAlignment'] };
    return this;
  }

  setImage(...args: [image: GoogleAppsScript.Card_Service.ImageComponent]): this {
    const [image] = args;
    this.c.check('GridItem.setImage', args, [{ of: FakeImageComponent }]);
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

  setTitle(...args: [title: string]): this {
    const [title] = args;
    this.c.check('Grid.setTitle', args, ['String']);
    this.title = title;
    return this;
  }

  addItem(...args: [gridItem: GoogleAppsScript.Card_Service.GridItem]): this {
    const [gridItem] = args;
    this.c.check('Grid.addItem', args, [{ of: FakeGridItem }]);
    this.items.push(gridItem as FakeGridItem);
    return this;
  }

  setNumColumns(...args: [numColumns: number]): this {
    const [numColumns] = args;
    this.c.check('Grid.setNumColumns', args, ['Integer']);
    if (numColumns < 1) throw this.c.invalid('numColumns');
    this.columns = numColumns;
    return this;
  }

  setBorderStyle(...args: [borderStyle: GoogleAppsScript.Card_Service.BorderStyle]): this {
    const [borderStyle] = args;
    this.c.check('Grid.setBorderStyle', args, [{ of: FakeBorderStyle }]);
    this.border = borderStyle as FakeBorderStyle;
    return this;
  }

  setOnClickAction(...args: [action: GoogleAppsScript.Card_Service.Action]): this {
    const [action] = args;
    this.clicks.action('Grid.setOnClickAction', args, action);
    return this;
  }

  setOnClickOpenLinkAction(...args: [action: GoogleAppsScript.Card_Service.Action]): this {
    const [action] = args;
    this.clicks.dynamicLink('Grid.setOnClickOpenLinkAction', args, action);
    return this;
  }

  setOpenLink(...args: [openLink: GoogleAppsScript.Card_Service.OpenLink]): this {
    const [openLink] = args;
    this.clicks.link('Grid.setOpenLink', args, openLink);
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
