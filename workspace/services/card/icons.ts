/**
 * Icons: the built-in Icon enum (knownIcon), an icon URL, or an IconImage
 * (https://developers.google.com/apps-script/reference/card-service/icon-image).
 * An icon URL must be HTTPS ("Display a custom icon hosted at an HTTPS URL", card.proto Icon).
 * MaterialIcon is not faked.
 */
import { TYPE_LABEL } from './args';
import { Builder, defined, SERIALIZE } from './base';
import { MSG } from './messages';
import type { IconJson } from './types';

export class FakeIconImage extends Builder implements GoogleAppsScript.Card_Service.IconImage {
  readonly [TYPE_LABEL] = 'CardService.IconImage';
  private icon: IconJson = {};

  setIcon(...args: [icon: unknown]): this {
    const [icon] = args;
    this.c.check('IconImage.setIcon', args, [{ enum: 'Icon' }]);
    this.icon = { ...this.icon, knownIcon: String(icon), iconUrl: undefined };
    return this;
  }

  setIconUrl(...args: [url: string]): this {
    const [url] = args;
    this.c.check('IconImage.setIconUrl', args, ['String']);
    this.icon = { ...this.icon, iconUrl: url, knownIcon: undefined };
    return this;
  }

  setAltText(...args: [altText: string]): this {
    const [altText] = args;
    this.c.check('IconImage.setAltText', args, ['String']);
    this.icon = { ...this.icon, altText };
    return this;
  }

  setImageCropType(...args: [imageCropType: unknown]): this {
    const [imageCropType] = args;
    this.c.check('IconImage.setImageCropType', args, [{ enum: 'ImageCropType' }]);
    this.icon = { ...this.icon, imageType: String(imageCropType) === 'CIRCLE' ? 'CIRCLE' : 'SQUARE' };
    return this;
  }

  setMaterialIcon(): this {
    throw this.c.error(MSG.notSupported('IconImage.setMaterialIcon'));
  }

  [SERIALIZE](path: string): IconJson {
    return iconJson(this.icon, path, (what) => this.fail(path, what));
  }
}

/** Validates an icon: one of knownIcon / iconUrl (HTTPS), NONE meaning no icon at all. */
export function iconJson(icon: IconJson, path: string, fail: (what: string) => Error): IconJson {
  if (!icon.knownIcon && !icon.iconUrl) throw fail('an icon needs setIcon or setIconUrl');
  if (icon.iconUrl && !/^https:\/\//i.test(icon.iconUrl)) throw fail(`the icon URL "${icon.iconUrl}" must be an https:// URL`);
  void path;
  return defined({ ...icon });
}
