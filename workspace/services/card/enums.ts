/**
 * The enums of CardService, as objects the way Apps Script hands them out: each member
 * prints its own name (`String(CardService.TextButtonStyle.FILLED) === 'FILLED'`) and has
 * name() and ordinal(), like the Java enums behind Apps Script.
 *
 * Members are objects, not strings, so a bundle that passes the string 'FILLED' where
 * Google wants the enum fails here as it fails on Google (a signature error), instead of
 * working by accident. Member lists: @types/google-apps-script apps-script.card-service.d.ts
 * and https://developers.google.com/apps-script/reference/card-service (TextButtonStyle
 * keeps the deprecated TEXT, documented as "DO NOT USE. Deprecated version of OUTLINED").
 */

export class EnumValue {
  constructor(
    readonly enumName: string,
    private readonly key: string,
    private readonly index: number,
  ) {
    Object.freeze(this);
  }
  name(): string {
    return this.key;
  }
  ordinal(): number {
    return this.index;
  }
  toString(): string {
    return this.key;
  }
  toJSON(): string {
    return this.key;
  }
}

export type EnumOf<K extends string> = Readonly<Record<K, EnumValue>>;

function makeEnum<K extends string>(enumName: string, keys: readonly K[]): EnumOf<K> {
  const members = {} as Record<K, EnumValue>;
  keys.forEach((key, i) => (members[key] = new EnumValue(enumName, key, i)));
  return Object.freeze(members);
}

/** True when `value` is a member of the enum named `enumName` (Apps Script's own objects only). */
export function isMember(value: unknown, enumName: string): value is EnumValue {
  return value instanceof EnumValue && value.enumName === enumName;
}

export const ENUMS = {
  BorderType: makeEnum('BorderType', ['NO_BORDER', 'STROKE']),
  ComposedEmailType: makeEnum('ComposedEmailType', ['REPLY_AS_DRAFT', 'STANDALONE_DRAFT']),
  ContentType: makeEnum('ContentType', ['TEXT', 'MUTABLE_HTML', 'IMMUTABLE_HTML']),
  DisplayStyle: makeEnum('DisplayStyle', ['PEEK', 'REPLACE']),
  GridItemLayout: makeEnum('GridItemLayout', ['TEXT_BELOW', 'TEXT_ABOVE']),
  HorizontalAlignment: makeEnum('HorizontalAlignment', ['START', 'CENTER', 'END']),
  Icon: makeEnum('Icon', [
    'NONE',
    'AIRPLANE',
    'BOOKMARK',
    'BUS',
    'CAR',
    'CLOCK',
    'CONFIRMATION_NUMBER_ICON',
    'DOLLAR',
    'DESCRIPTION',
    'EMAIL',
    'EVENT_PERFORMER',
    'EVENT_SEAT',
    'FLIGHT_ARRIVAL',
    'FLIGHT_DEPARTURE',
    'HOTEL',
    'HOTEL_ROOM_TYPE',
    'INVITE',
    'MAP_PIN',
    'MEMBERSHIP',
    'MULTIPLE_PEOPLE',
    'OFFER',
    'PERSON',
    'PHONE',
    'RESTAURANT_ICON',
    'SHOPPING_CART',
    'STAR',
    'STORE',
    'TICKET',
    'TRAIN',
    'VIDEO_CAMERA',
    'VIDEO_PLAY',
  ]),
  ImageCropType: makeEnum('ImageCropType', ['SQUARE', 'CIRCLE', 'RECTANGLE_CUSTOM', 'RECTANGLE_4_3']),
  ImageStyle: makeEnum('ImageStyle', ['SQUARE', 'CIRCLE']),
  InputType: makeEnum('InputType', ['TEXT', 'INTEGER', 'FLOAT', 'EMAIL']),
  Interaction: makeEnum('Interaction', ['INTERACTION_UNSPECIFIED', 'OPEN_DIALOG']),
  LoadIndicator: makeEnum('LoadIndicator', ['SPINNER', 'NONE']),
  OnClose: makeEnum('OnClose', ['NOTHING', 'RELOAD', 'RELOAD_ADD_ON']),
  OpenAs: makeEnum('OpenAs', ['FULL_SIZE', 'OVERLAY']),
  SelectionInputType: makeEnum('SelectionInputType', ['CHECK_BOX', 'RADIO_BUTTON', 'DROPDOWN', 'SWITCH', 'MULTI_SELECT']),
  SwitchControlType: makeEnum('SwitchControlType', ['SWITCH', 'CHECK_BOX']),
  TextButtonStyle: makeEnum('TextButtonStyle', ['OUTLINED', 'TEXT', 'FILLED', 'FILLED_TONAL', 'BORDERLESS']),
  UpdateDraftBodyType: makeEnum('UpdateDraftBodyType', ['IN_PLACE_INSERT']),
} as const;

export type EnumName = keyof typeof ENUMS;
