/**
 * One Card v1 widget → HTML, as the Calendar and Gmail side panels draw it
 * (https://developers.google.com/workspace/add-ons/concepts/widgets): text paragraphs and
 * decorated texts with the limited card HTML (richText.ts), inputs as real form fields
 * named by the widget's name, buttons that submit the card's form with the id of their
 * action, links that open in a new tab. Everything that comes from the card is escaped;
 * only numbers computed here go into style attributes.
 *
 * Where the JSON leaves a field out, Google's documented default is drawn: an OUTLINED
 * button, a CHECK_BOX selection, a SINGLE_LINE input, a DATE_AND_TIME picker shown in the
 * user's time zone, a truncated (not wrapped) decorated text.
 */
import type { CardActionRef, Submission } from './form';
import { escapeHtml as esc, renderRichText, RichTextOptions } from './richText';
import type {
  ButtonJson,
  ColorJson,
  DateTimePickerJson,
  DecoratedTextJson,
  GridJson,
  IconJson,
  ImageJson,
  OnClickJson,
  SelectionInputJson,
  SwitchControlJson,
  TextInputJson,
  WidgetJson,
} from './types';
import { wallTime } from '../../tz';

export interface WidgetContext {
  idPrefix: string;
  timeZone: string;
  refs: Map<object, CardActionRef>;
  /** Field name → ids of the actions that require it. */
  requiredBy: Map<string, string[]>;
  problems: Map<string, string>;
  values?: Submission;
  rich: RichTextOptions;
}

const ICONS: Record<string, string> = {
  AIRPLANE: '✈', BOOKMARK: '🔖', BUS: '🚌', CAR: '🚗', CLOCK: '🕒', CONFIRMATION_NUMBER_ICON: '🎫', DOLLAR: '$', DESCRIPTION: '📄',
  EMAIL: '✉', EVENT_PERFORMER: '🎤', EVENT_SEAT: '💺', FLIGHT_ARRIVAL: '🛬', FLIGHT_DEPARTURE: '🛫', HOTEL: '🏨', HOTEL_ROOM_TYPE: '🛏',
  INVITE: '📅', MAP_PIN: '📍', MEMBERSHIP: '🪪', MULTIPLE_PEOPLE: '👥', OFFER: '🏷', PERSON: '👤', PHONE: '📞', RESTAURANT_ICON: '🍴',
  SHOPPING_CART: '🛒', STAR: '★', STORE: '🏬', TICKET: '🎟', TRAIN: '🚆', VIDEO_CAMERA: '📹', VIDEO_PLAY: '▶',
};

const attr = (name: string, value: string | number | undefined) => (value === undefined ? '' : ` ${name}="${esc(String(value))}"`);
const flag = (name: string, on: boolean | undefined) => (on ? ` ${name}` : '');

function iconHtml(icon: IconJson | undefined, cls: string): string {
  if (!icon || icon.knownIcon === 'NONE') return '';
  const circle = icon.imageType === 'CIRCLE' ? ' gw-circle' : '';
  if (icon.iconUrl && /^https:\/\//i.test(icon.iconUrl)) return `<img class="${cls}${circle}" src="${esc(icon.iconUrl)}" alt="${esc(icon.altText ?? '')}">`;
  if (!icon.knownIcon) return '';
  return `<span class="${cls} gw-known-icon" role="img"${attr('aria-label', icon.altText ?? icon.knownIcon)}${attr('data-icon', icon.knownIcon)}>${esc(ICONS[icon.knownIcon] ?? '•')}</span>`;
}

function rgb(color: ColorJson): string {
  const c = (x: number) => Math.round(Math.min(1, Math.max(0, Number(x) || 0)) * 255);
  const a = color.alpha === undefined ? 1 : Math.min(1, Math.max(0, Number(color.alpha) || 0));
  return `rgba(${c(color.red)}, ${c(color.green)}, ${c(color.blue)}, ${a})`;
}

/** The attributes that make a <button> submit the card's form to an action. */
function submitAttrs(onClick: OnClickJson, ctx: WidgetContext, suffix = ''): string {
  const action = 'action' in onClick ? onClick.action : 'openDynamicLinkAction' in onClick ? onClick.openDynamicLinkAction : undefined;
  const ref = action && ctx.refs.get(action);
  if (!action || !ref) return ' type="button" disabled';
  const params = Object.fromEntries((action.parameters ?? []).map((p) => [p.key, p.value]));
  return (
    ` type="submit" name="__action" value="${esc(ref.id + suffix)}"` +
    attr('data-function', action.function) +
    attr('data-parameters', JSON.stringify(params)) +
    attr('data-kind', ref.kind) +
    attr('data-load-indicator', action.loadIndicator ?? 'SPINNER')
  );
}

function linkAttrs(onClick: OnClickJson): string | undefined {
  if (!('openLink' in onClick) || !/^https:\/\//i.test(onClick.openLink.url)) return undefined;
  const l = onClick.openLink;
  return ` href="${esc(l.url)}" target="_blank" rel="noopener noreferrer"${attr('data-open-as', l.openAs)}${attr('data-on-close', l.onClose)}`;
}

export function buttonHtml(b: ButtonJson, ctx: WidgetContext, extraClass = ''): string {
  const type = (b.color ? 'FILLED' : (b.type ?? 'OUTLINED')).toLowerCase().replace('_', '-');
  const cls = `gw-btn gw-btn-${type}${b.text ? '' : ' gw-btn-icon'}${extraClass}`;
  const style = b.color ? ` style="background-color: ${rgb(b.color)}"` : '';
  const label = `${iconHtml(b.icon, 'gw-btn-glyph')}${b.text ? `<span>${esc(b.text)}</span>` : ''}`;
  const title = attr('title', b.altText ?? b.icon?.altText);
  const link = linkAttrs(b.onClick);
  if (link && !b.disabled) return `<a class="${cls}"${style}${title}${link}>${label}</a>`;
  return `<button class="${cls}"${style}${title}${submitAttrs(b.onClick, ctx)}${flag('disabled', b.disabled)}>${label}</button>`;
}

function fieldId(ctx: WidgetContext, name: string): string {
  return `${ctx.idPrefix}-${name.replace(/[^A-Za-z0-9_-]/g, '_')}`;
}

function fieldMeta(name: string, ctx: WidgetContext): { attrs: string; after: string } {
  const required = ctx.requiredBy.get(name);
  const problem = ctx.problems.get(name);
  return {
    attrs: attr('data-required-by', required?.join(' ')) + (problem ? ' aria-invalid="true"' : '') + attr('aria-describedby', problem ? `${fieldId(ctx, name)}-error` : undefined),
    after: problem ? `<div class="gw-field-error" id="${esc(fieldId(ctx, name))}-error" role="alert">${esc(problem)}</div>` : '',
  };
}

function submitted(name: string, ctx: WidgetContext): string[] | undefined {
  const raw = ctx.values?.[name];
  return raw === undefined ? undefined : Array.isArray(raw) ? raw : [raw];
}

function changeAttr(action: object | undefined, ctx: WidgetContext): string {
  const ref = action && ctx.refs.get(action);
  return ref ? attr('data-change-action', ref.id) : '';
}

function textInputHtml(t: TextInputJson, ctx: WidgetContext): string {
  const id = fieldId(ctx, t.name);
  const meta = fieldMeta(t.name, ctx);
  const value = submitted(t.name, ctx)?.[0] ?? t.value ?? '';
  const v = t.validation;
  const kind = v?.inputType === 'EMAIL' ? 'email' : 'text';
  const mode = v?.inputType === 'INTEGER' ? 'numeric' : v?.inputType === 'FLOAT' ? 'decimal' : undefined;
  const common = `id="${esc(id)}" name="${esc(t.name)}"${attr('maxlength', v?.characterLimit)}${attr('inputmode', mode)}${changeAttr(t.onChangeAction, ctx)}${meta.attrs}`;
  const list = t.initialSuggestions?.items.length ? `${id}-suggestions` : undefined;
  const field =
    t.type === 'MULTIPLE_LINE' && !list
      ? `<textarea ${common} rows="3">${esc(value)}</textarea>`
      : `<input type="${kind}" ${common} value="${esc(value)}"${attr('list', list)}>`;
  const datalist = list ? `<datalist id="${esc(list)}">${t.initialSuggestions!.items.map((s) => `<option value="${esc(s.text)}">`).join('')}</datalist>` : '';
  const hint = t.hintText ? `<div class="gw-hint">${esc(t.hintText)}</div>` : '';
  return `<div class="gw-field gw-text-input"><label for="${esc(id)}">${esc(t.label ?? '')}</label>${field}${datalist}${hint}${meta.after}</div>`;
}

function selectionHtml(s: SelectionInputJson, ctx: WidgetContext): string {
  const meta = fieldMeta(s.name, ctx);
  const chosen = submitted(s.name, ctx);
  const isOn = (value: string, selected: boolean) => (chosen ? chosen.includes(value) : selected);
  const label = s.label ? esc(s.label) : '';
  const type = s.type ?? 'CHECK_BOX';
  if (type === 'DROPDOWN' || type === 'MULTI_SELECT') {
    const id = fieldId(ctx, s.name);
    const options = s.items.map((i) => `<option value="${esc(i.value)}"${flag('selected', isOn(i.value, i.selected))}>${esc(i.text)}</option>`).join('');
    const multiple = type === 'MULTI_SELECT' ? ` multiple${attr('data-max-selected', s.multiSelectMaxSelectedItems ?? 3)}` : '';
    const blank = type === 'DROPDOWN' && !s.items.some((i) => isOn(i.value, i.selected)) ? '<option value="" selected></option>' : '';
    return `<div class="gw-field gw-selection gw-${type.toLowerCase()}"><label for="${esc(id)}">${label}</label><select id="${esc(id)}" name="${esc(s.name)}"${multiple}${changeAttr(s.onChangeAction, ctx)}${meta.attrs}>${blank}${options}</select>${meta.after}</div>`;
  }
  const inputType = type === 'RADIO_BUTTON' ? 'radio' : 'checkbox';
  const role = type === 'SWITCH' ? ' role="switch"' : '';
  const items = s.items
    .map(
      (i) =>
        `<label class="gw-choice"><input type="${inputType}"${role} name="${esc(s.name)}" value="${esc(i.value)}"${flag('checked', isOn(i.value, i.selected))}${changeAttr(s.onChangeAction, ctx)}${meta.attrs}><span>${esc(i.text)}</span></label>`,
    )
    .join('');
  return `<fieldset class="gw-field gw-selection gw-${type.toLowerCase().replace('_', '-')}"><legend>${label}</legend>${items}${meta.after}</fieldset>`;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** valueMsEpoch as an <input> value, in the picker's offset or the user's zone. */
function pickerValue(p: DateTimePickerJson, ctx: WidgetContext): string {
  if (p.valueMsEpoch === undefined || !/^-?\d+$/.test(p.valueMsEpoch)) return '';
  const ms = Number(p.valueMsEpoch);
  const utc = (x: number) => new Date(x);
  if (p.type === 'TIME_ONLY') return `${pad(utc(ms).getUTCHours())}:${pad(utc(ms).getUTCMinutes())}`;
  if (p.type === 'DATE_ONLY') return utc(ms).toISOString().slice(0, 10);
  const w =
    p.timezoneOffsetDate !== undefined
      ? (() => {
          const d = utc(ms + p.timezoneOffsetDate! * 60000);
          return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), hour: d.getUTCHours(), minute: d.getUTCMinutes() };
        })()
      : wallTime(ms, ctx.timeZone);
  return `${w.year}-${pad(w.month)}-${pad(w.day)}T${pad(w.hour)}:${pad(w.minute)}`;
}

function pickerHtml(p: DateTimePickerJson, ctx: WidgetContext): string {
  const id = fieldId(ctx, p.name);
  const meta = fieldMeta(p.name, ctx);
  const type = p.type === 'DATE_ONLY' ? 'date' : p.type === 'TIME_ONLY' ? 'time' : 'datetime-local';
  const value = submitted(p.name, ctx)?.[0] ?? pickerValue(p, ctx);
  return `<div class="gw-field gw-date-time"><label for="${esc(id)}">${esc(p.label ?? '')}</label><input type="${type}" id="${esc(id)}" name="${esc(p.name)}" value="${esc(value)}"${changeAttr(p.onChangeAction, ctx)}${meta.attrs}>${meta.after}</div>`;
}

function switchHtml(s: SwitchControlJson, ctx: WidgetContext): string {
  const meta = fieldMeta(s.name, ctx);
  const chosen = submitted(s.name, ctx);
  const on = chosen ? chosen.includes(s.value) : s.selected;
  const role = s.controlType === 'CHECK_BOX' ? '' : ' role="switch"';
  const cls = s.controlType === 'CHECK_BOX' ? 'gw-checkbox' : 'gw-switch';
  return `<input type="checkbox" class="${cls}"${role} name="${esc(s.name)}" value="${esc(s.value)}"${flag('checked', on)}${changeAttr(s.onChangeAction, ctx)}${meta.attrs}>${meta.after}`;
}

function decoratedHtml(d: DecoratedTextJson, ctx: WidgetContext): string {
  const body =
    `<div class="gw-dt-body">` +
    (d.topLabel ? `<div class="gw-dt-top">${esc(d.topLabel)}</div>` : '') +
    `<div class="gw-dt-text${d.wrapText ? '' : ' gw-nowrap'}">${renderRichText(d.text, ctx.rich)}</div>` +
    (d.bottomLabel ? `<div class="gw-dt-bottom">${esc(d.bottomLabel)}</div>` : '') +
    `</div>`;
  const control = d.button ? buttonHtml(d.button, ctx, ' gw-dt-control') : d.switchControl ? switchHtml(d.switchControl, ctx) : iconHtml(d.endIcon, 'gw-dt-end');
  const start = iconHtml(d.startIcon, 'gw-dt-icon');
  if (!d.onClick) return `<div class="gw-decorated">${start}${body}${control}</div>`;
  const link = linkAttrs(d.onClick);
  const clickable = link ? `<a class="gw-dt-click"${link}>${start}${body}</a>` : `<button class="gw-dt-click"${submitAttrs(d.onClick, ctx)}>${start}${body}</button>`;
  return `<div class="gw-decorated gw-clickable">${clickable}${control}</div>`;
}

function imageHtml(img: ImageJson, ctx: WidgetContext): string {
  if (!/^https:\/\//i.test(img.imageUrl)) return '';
  const tag = `<img class="gw-image" src="${esc(img.imageUrl)}" alt="${esc(img.altText ?? '')}">`;
  if (!img.onClick) return tag;
  const link = linkAttrs(img.onClick);
  return link ? `<a class="gw-image-link"${link}>${tag}</a>` : `<button class="gw-image-link"${submitAttrs(img.onClick, ctx)}>${tag}</button>`;
}

function gridHtml(g: GridJson, ctx: WidgetContext): string {
  const cols = Math.max(1, Math.min(6, Math.floor(Number(g.columnCount) || 2)));
  const items = g.items
    .map((item, i) => {
      const img = item.image && /^https:\/\//i.test(item.image.imageUri) ? `<img src="${esc(item.image.imageUri)}" alt="${esc(item.image.altText ?? '')}">` : '';
      const text = `${item.title ? `<div class="gw-grid-title">${esc(item.title)}</div>` : ''}${item.subtitle ? `<div class="gw-grid-subtitle">${esc(item.subtitle)}</div>` : ''}`;
      const inner = item.layout === 'TEXT_ABOVE' ? text + img : img + text;
      const align = ` gw-align-${(item.textAlignment ?? 'START').toLowerCase()}`;
      if (!g.onClick) return `<div class="gw-grid-item${align}">${inner}</div>`;
      const link = linkAttrs(g.onClick);
      return link ? `<a class="gw-grid-item${align}"${link}>${inner}</a>` : `<button class="gw-grid-item${align}"${submitAttrs(g.onClick, ctx, `:${i}`)}>${inner}</button>`;
    })
    .join('');
  const title = g.title ? `<div class="gw-grid-heading">${esc(g.title)}</div>` : '';
  return `<div class="gw-grid-widget">${title}<div class="gw-grid" style="grid-template-columns: repeat(${cols}, 1fr)">${items}</div></div>`;
}

export function widgetHtml(w: WidgetJson, ctx: WidgetContext): string {
  const wrap = (cls: string, html: string) => `<div class="gw-widget ${cls}">${html}</div>`;
  if ('textParagraph' in w) return wrap('gw-text-paragraph', renderRichText(w.textParagraph.text, ctx.rich));
  if ('decoratedText' in w) return wrap('gw-decorated-text', decoratedHtml(w.decoratedText, ctx));
  if ('textInput' in w) return wrap('gw-text-input-widget', textInputHtml(w.textInput, ctx));
  if ('selectionInput' in w) return wrap('gw-selection-widget', selectionHtml(w.selectionInput, ctx));
  if ('dateTimePicker' in w) return wrap('gw-date-time-widget', pickerHtml(w.dateTimePicker, ctx));
  if ('buttonList' in w) return wrap('gw-button-list', w.buttonList.buttons.map((b) => buttonHtml(b, ctx)).join(''));
  if ('image' in w) return wrap('gw-image-widget', imageHtml(w.image, ctx));
  if ('divider' in w) return '<hr class="gw-divider">';
  if ('grid' in w) return wrap('gw-grid-wrap', gridHtml(w.grid, ctx));
  return wrap('gw-unknown', `Unsupported widget: ${esc(Object.keys(w).join(', '))}`);
}

