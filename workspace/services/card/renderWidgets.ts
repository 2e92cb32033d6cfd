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
import { wallTime } from '../../runtime/tz';

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

/** Google's built-in icons as Material icon paths (24×24); fixed literals, never data. */
const ICON_PATHS: Record<string, string> = {
  PERSON: 'M12 12c2.21 0 4-1.79 4-4s-1.79-4-4-4-4 1.79-4 4 1.79 4 4 4zm0 2c-2.67 0-8 1.34-8 4v2h16v-2c0-2.66-5.33-4-8-4z',
  EMAIL: 'M20 4H4c-1.1 0-1.99.9-1.99 2L2 18c0 1.1.9 2 2 2h16c1.1 0 2-.9 2-2V6c0-1.1-.9-2-2-2zm0 4l-8 5-8-5V6l8 5 8-5v2z',
  PHONE:
    'M6.62 10.79c1.44 2.83 3.76 5.14 6.59 6.59l2.2-2.2c.27-.27.67-.36 1.02-.24 1.12.37 2.33.57 3.57.57.55 0 1 .45 1 1V20c0 .55-.45 1-1 1-9.39 0-17-7.61-17-17 0-.55.45-1 1-1h3.5c.55 0 1 .45 1 1 0 1.25.2 2.45.57 3.57.11.35.03.74-.25 1.02l-2.2 2.2z',
  CLOCK:
    'M11.99 2C6.47 2 2 6.48 2 12s4.47 10 9.99 10C17.52 22 22 17.52 22 12S17.52 2 11.99 2zM12 20c-4.42 0-8-3.58-8-8s3.58-8 8-8 8 3.58 8 8-3.58 8-8 8zm.5-13H11v6l5.25 3.15.75-1.23-4.5-2.67z',
  DESCRIPTION: 'M14 2H6c-1.1 0-1.99.9-1.99 2L4 20c0 1.1.89 2 1.99 2H18c1.1 0 2-.9 2-2V8l-6-6zm2 16H8v-2h8v2zm0-4H8v-2h8v2zm-3-5V3.5L18.5 9H13z',
  VIDEO_CAMERA: 'M17 10.5V7c0-.55-.45-1-1-1H4c-.55 0-1 .45-1 1v10c0 .55.45 1 1 1h12c.55 0 1-.45 1-1v-3.5l4 4v-11l-4 4z',
  INVITE:
    'M17 12h-5v5h5v-5zM16 1v2H8V1H6v2H5c-1.11 0-1.99.9-1.99 2L3 19c0 1.1.89 2 2 2h14c1.1 0 2-.9 2-2V5c0-1.1-.9-2-2-2h-1V1h-2zm3 18H5V8h14v11z',
  MAP_PIN:
    'M12 2C8.13 2 5 5.13 5 9c0 5.25 7 13 7 13s7-7.75 7-13c0-3.87-3.13-7-7-7zm0 9.5c-1.38 0-2.5-1.12-2.5-2.5s1.12-2.5 2.5-2.5 2.5 1.12 2.5 2.5-1.12 2.5-2.5 2.5z',
  STAR: 'M12 17.27L18.18 21l-1.64-7.03L22 9.24l-7.19-.61L12 2 9.19 8.63 2 9.24l5.46 4.73L5.82 21z',
  MULTIPLE_PEOPLE:
    'M16 11c1.66 0 2.99-1.34 2.99-3S17.66 5 16 5c-1.66 0-3 1.34-3 3s1.34 3 3 3zm-8 0c1.66 0 2.99-1.34 2.99-3S9.66 5 8 5C6.34 5 5 6.34 5 8s1.34 3 3 3zm0 2c-2.33 0-7 1.17-7 3.5V19h14v-2.5c0-2.33-4.67-3.5-7-3.5zm8 0c-.29 0-.62.02-.97.05 1.16.84 1.97 1.97 1.97 3.45V19h6v-2.5c0-2.33-4.67-3.5-7-3.5z',
  DOLLAR:
    'M11.8 10.9c-2.27-.59-3-1.2-3-2.15 0-1.09 1.01-1.85 2.7-1.85 1.78 0 2.44.85 2.5 2.1h2.21c-.07-1.72-1.12-3.3-3.21-3.81V3h-3v2.16c-1.94.42-3.5 1.68-3.5 3.61 0 2.31 1.91 3.46 4.7 4.13 2.5.6 3 1.48 3 2.41 0 .69-.49 1.79-2.7 1.79-2.06 0-2.87-.92-2.98-2.1h-2.2c.12 2.19 1.76 3.42 3.68 3.83V21h3v-2.15c1.95-.37 3.5-1.5 3.5-3.55 0-2.84-2.43-3.81-4.7-4.4z',
};
const DOT = 'M12 8a4 4 0 100 8 4 4 0 000-8z';

const attr = (name: string, value: string | number | undefined) => (value === undefined ? '' : ` ${name}="${esc(String(value))}"`);
const flag = (name: string, on: boolean | undefined) => (on ? ` ${name}` : '');

function iconHtml(icon: IconJson | undefined, cls: string): string {
  if (!icon || icon.knownIcon === 'NONE') return '';
  const circle = icon.imageType === 'CIRCLE' ? ' gw-circle' : '';
  if (icon.iconUrl && /^https:\/\//i.test(icon.iconUrl))
    return `<img class="${cls}${circle}" src="${esc(icon.iconUrl)}" alt="${esc(icon.altText ?? '')}">`;
  if (!icon.knownIcon) return '';
  const d = ICON_PATHS[icon.knownIcon] ?? DOT;
  return `<svg class="${cls} gw-known-icon" viewBox="0 0 24 24" role="img"${attr('aria-label', icon.altText ?? icon.knownIcon)}${attr('data-icon', icon.knownIcon)}><path d="${d}"/></svg>`;
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
    attrs:
      attr('data-required-by', required?.join(' ')) +
      (problem ? ' aria-invalid="true"' : '') +
      attr('aria-describedby', problem ? `${fieldId(ctx, name)}-error` : undefined),
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
  const datalist = list
    ? `<datalist id="${esc(list)}">${t.initialSuggestions!.items.map((s) => `<option value="${esc(s.text)}">`).join('')}</datalist>`
    : '';
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
    const options = s.items
      .map((i) => `<option value="${esc(i.value)}"${flag('selected', isOn(i.value, i.selected))}>${esc(i.text)}</option>`)
      .join('');
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
  const control = d.button
    ? buttonHtml(d.button, ctx, ' gw-dt-control')
    : d.switchControl
      ? switchHtml(d.switchControl, ctx)
      : iconHtml(d.endIcon, 'gw-dt-end');
  const start = iconHtml(d.startIcon, 'gw-dt-icon');
  if (!d.onClick) return `<div class="gw-decorated">${start}${body}${control}</div>`;
  const link = linkAttrs(d.onClick);
  const clickable = link
    ? `<a class="gw-dt-click"${link}>${start}${body}</a>`
    : `<button class="gw-dt-click"${submitAttrs(d.onClick, ctx)}>${start}${body}</button>`;
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
      const img =
        item.image && /^https:\/\//i.test(item.image.imageUri)
          ? `<img src="${esc(item.image.imageUri)}" alt="${esc(item.image.altText ?? '')}">`
          : '';
      const text = `${item.title ? `<div class="gw-grid-title">${esc(item.title)}</div>` : ''}${item.subtitle ? `<div class="gw-grid-subtitle">${esc(item.subtitle)}</div>` : ''}`;
      const inner = item.layout === 'TEXT_ABOVE' ? text + img : img + text;
      const align = ` gw-align-${(item.textAlignment ?? 'START').toLowerCase()}`;
      if (!g.onClick) return `<div class="gw-grid-item${align}">${inner}</div>`;
      const link = linkAttrs(g.onClick);
      return link
        ? `<a class="gw-grid-item${align}"${link}>${inner}</a>`
        : `<button class="gw-grid-item${align}"${submitAttrs(g.onClick, ctx, `:${i}`)}>${inner}</button>`;
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
