/**
 * The card JSON that CardService's printJson() prints and the renderer reads: the Card v1
 * schema of Google Workspace add-ons and Chat apps (google.apps.card.v1, googleapis
 * google/apps/card/v1/card.proto; https://developers.google.com/workspace/add-ons/reference/rpc/google.apps.card.v1),
 * in its JSON field names. Only the parts the local CardService builds are typed.
 */

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export interface ColorJson {
  red: number;
  green: number;
  blue: number;
  alpha?: number;
}

export interface ActionParameterJson {
  key: string;
  value: string;
}

export interface ActionJson {
  function: string;
  parameters?: ActionParameterJson[];
  loadIndicator?: 'SPINNER' | 'NONE';
  persistValues?: boolean;
  interaction?: 'OPEN_DIALOG';
  requiredWidgets?: string[];
  allWidgetsAreRequired?: boolean;
}

export interface OpenLinkJson {
  url: string;
  openAs?: 'FULL_SIZE' | 'OVERLAY';
  onClose?: 'NOTHING' | 'RELOAD' | 'RELOAD_ADD_ON';
}

export type OnClickJson = { action: ActionJson } | { openLink: OpenLinkJson } | { openDynamicLinkAction: ActionJson };

export interface IconJson {
  knownIcon?: string;
  iconUrl?: string;
  altText?: string;
  imageType?: 'SQUARE' | 'CIRCLE';
}

export type ButtonType = 'OUTLINED' | 'FILLED' | 'FILLED_TONAL' | 'BORDERLESS';

export interface ButtonJson {
  text?: string;
  icon?: IconJson;
  color?: ColorJson;
  type?: ButtonType;
  onClick: OnClickJson;
  disabled?: boolean;
  altText?: string;
}

export interface TextParagraphJson {
  text: string;
  maxLines?: number;
}

export interface SwitchControlJson {
  name: string;
  value: string;
  selected: boolean;
  controlType: 'SWITCH' | 'CHECK_BOX';
  onChangeAction?: ActionJson;
}

export interface DecoratedTextJson {
  startIcon?: IconJson;
  topLabel?: string;
  text: string;
  wrapText?: boolean;
  bottomLabel?: string;
  onClick?: OnClickJson;
  button?: ButtonJson;
  switchControl?: SwitchControlJson;
  endIcon?: IconJson;
}

export interface TextInputJson {
  name: string;
  label?: string;
  hintText?: string;
  value?: string;
  type: 'SINGLE_LINE' | 'MULTIPLE_LINE';
  onChangeAction?: ActionJson;
  initialSuggestions?: { items: { text: string }[] };
  autoCompleteAction?: ActionJson;
  validation?: { characterLimit?: number; inputType?: 'TEXT' | 'INTEGER' | 'FLOAT' | 'EMAIL' };
}

export type SelectionType = 'CHECK_BOX' | 'RADIO_BUTTON' | 'SWITCH' | 'DROPDOWN' | 'MULTI_SELECT';

export interface SelectionItemJson {
  text: string;
  value: string;
  selected: boolean;
  startIconUri?: string;
  bottomText?: string;
}

export interface SelectionInputJson {
  name: string;
  label?: string;
  type: SelectionType;
  items: SelectionItemJson[];
  onChangeAction?: ActionJson;
  multiSelectMaxSelectedItems?: number;
  multiSelectMinQueryLength?: number;
  externalDataSource?: ActionJson;
}

export type DateTimePickerType = 'DATE_AND_TIME' | 'DATE_ONLY' | 'TIME_ONLY';

export interface DateTimePickerJson {
  name: string;
  label?: string;
  type: DateTimePickerType;
  /** int64 in proto JSON: a string of milliseconds since the epoch. */
  valueMsEpoch?: string;
  timezoneOffsetDate?: number;
  onChangeAction?: ActionJson;
}

export interface ImageJson {
  imageUrl: string;
  altText?: string;
  onClick?: OnClickJson;
}

export interface BorderStyleJson {
  type?: 'NO_BORDER' | 'STROKE';
  strokeColor?: ColorJson;
  cornerRadius?: number;
}

export interface ImageComponentJson {
  imageUri: string;
  altText?: string;
  cropStyle?: { type: 'SQUARE' | 'CIRCLE' | 'RECTANGLE_CUSTOM' | 'RECTANGLE_4_3'; aspectRatio?: number };
  borderStyle?: BorderStyleJson;
}

export interface GridItemJson {
  id?: string;
  image?: ImageComponentJson;
  title?: string;
  subtitle?: string;
  layout?: 'TEXT_BELOW' | 'TEXT_ABOVE';
  textAlignment?: 'START' | 'CENTER' | 'END';
}

export interface GridJson {
  title?: string;
  items: GridItemJson[];
  borderStyle?: BorderStyleJson;
  columnCount?: number;
  onClick?: OnClickJson;
}

export type WidgetJson =
  | { textParagraph: TextParagraphJson }
  | { decoratedText: DecoratedTextJson }
  | { textInput: TextInputJson }
  | { selectionInput: SelectionInputJson }
  | { dateTimePicker: DateTimePickerJson }
  | { buttonList: { buttons: ButtonJson[] } }
  | { image: ImageJson }
  | { divider: Record<string, never> }
  | { grid: GridJson };

export interface CardHeaderJson {
  title: string;
  subtitle?: string;
  imageType?: 'SQUARE' | 'CIRCLE';
  imageUrl?: string;
  imageAltText?: string;
}

export interface SectionJson {
  header?: string;
  widgets: WidgetJson[];
  collapsible?: boolean;
  uncollapsibleWidgetsCount?: number;
}

export interface CardActionJson {
  actionLabel: string;
  onClick: OnClickJson;
}

export interface CardJson {
  header?: CardHeaderJson;
  sections: SectionJson[];
  cardActions?: CardActionJson[];
  name?: string;
  fixedFooter?: { primaryButton: ButtonJson; secondaryButton?: ButtonJson };
  displayStyle?: 'PEEK' | 'REPLACE';
  peekCardHeader?: CardHeaderJson;
}

export type NavigationJson = { pushCard: CardJson } | { updateCard: CardJson } | { popCard: true } | { popToRoot: true } | { popToCard: string };

export interface RenderActionJson {
  navigations?: NavigationJson[];
  notification?: { text: string };
  link?: OpenLinkJson;
}

/** What ActionResponse.printJson() and UniversalActionResponse.printJson() print. */
export interface ActionResponseJson {
  renderActions: { action: RenderActionJson };
  stateChanged?: boolean;
}
