/**
 * A submitted card form, read the way Google's client reads it before calling the action:
 * which action was clicked, its parameters, and commonEventObject.formInputs.
 *
 * Google behaviour reproduced (https://developers.google.com/workspace/add-ons/concepts/event-objects#form-inputs,
 * https://developers.google.com/apps-script/reference/card-service/action#addRequiredWidget(String),
 * .../selection-input, .../text-input, .../validation; card.proto Grid):
 * - formInputs[name] holds stringInputs.value (text inputs, selections, switches — every
 *   selected value), dateInput.msSinceEpoch (DATE_ONLY, midnight UTC), timeInput
 *   {hours, minutes} (TIME_ONLY) or dateTimeInput {msSinceEpoch, hasDate, hasTime}
 *   (DATE_AND_TIME, read in the picker's offset or else the user's time zone).
 * - Required widgets (addRequiredWidget, setAllWidgetsAreRequired): "If widgets in this
 *   list don't have values when this Action is invoked, the form submission is aborted."
 *   Selection inputs support that validation "for DROP_DOWN and MULTI_SELECT menus only",
 *   so check boxes, radio buttons and switches are never required.
 * - Validation: a character limit and an input type (INTEGER, FLOAT, EMAIL) block the
 *   submission when not met.
 * - A grid's onClick is "reused by each individual grid item, but with the item's
 *   identifier and index in the items list added to the callback's parameters"; Google
 *   does not name those keys: here they are gridItemId and gridItemIndex.
 * Readings where Google is silent (the stricter one taken): an input left empty is absent
 * from formInputs (the add-on must cope with a missing key); the action and its
 * parameters come from the card, never from the browser (a tampered action id is refused);
 * a value that is not one of a selection's items, two values for a single-choice input, a
 * wrong switch value or an unparseable date are problems, not silently dropped; a required
 * widget that is not on the card can never be satisfied.
 */
import type { FormInput, FormInputs } from './events';
import { instantOf } from '../../runtime/tz';
import type {
  ActionJson,
  CardJson,
  DateTimePickerJson,
  OnClickJson,
  SelectionInputJson,
  SwitchControlJson,
  TextInputJson,
  WidgetJson,
} from './types';

export type ActionKind = 'click' | 'openDynamicLinkAction' | 'onChange';

export interface CardActionRef {
  /** Stable id of the action in this card ("a0", "a1", …): what a rendered button submits. */
  id: string;
  kind: ActionKind;
  action: ActionJson;
  /** Where it sits, e.g. "sections[1].widgets[0].buttons[2]". */
  path: string;
  /** For a grid: the items, whose clicks add their id and index to the parameters. */
  gridItems?: { id?: string }[];
}

type Input =
  | { kind: 'text'; json: TextInputJson }
  | { kind: 'selection'; json: SelectionInputJson }
  | { kind: 'switch'; json: SwitchControlJson }
  | { kind: 'dateTime'; json: DateTimePickerJson };

export interface FieldProblem {
  name: string;
  message: string;
}

/** Every action of a card, in document order: sections, then the fixed footer, then the card actions. */
export function actionsOf(card: CardJson): CardActionRef[] {
  const out: CardActionRef[] = [];
  const add = (kind: ActionKind, action: ActionJson | undefined, path: string, gridItems?: { id?: string }[]) => {
    if (action) out.push({ id: `a${out.length}`, kind, action, path, ...(gridItems ? { gridItems } : {}) });
  };
  const click = (onClick: OnClickJson | undefined, path: string, gridItems?: { id?: string }[]) => {
    if (onClick && 'action' in onClick) add('click', onClick.action, path, gridItems);
    if (onClick && 'openDynamicLinkAction' in onClick) add('openDynamicLinkAction', onClick.openDynamicLinkAction, path, gridItems);
  };
  card.sections.forEach((section, s) =>
    section.widgets.forEach((w, i) => {
      const path = `sections[${s}].widgets[${i}]`;
      if ('buttonList' in w) w.buttonList.buttons.forEach((b, j) => click(b.onClick, `${path}.buttons[${j}]`));
      if ('decoratedText' in w) {
        const d = w.decoratedText;
        click(d.onClick, path);
        if (d.button) click(d.button.onClick, `${path}.button`);
        add('onChange', d.switchControl?.onChangeAction, `${path}.switchControl`);
      }
      if ('image' in w) click(w.image.onClick, path);
      if ('grid' in w)
        click(
          w.grid.onClick,
          path,
          w.grid.items.map((item) => ({ id: item.id })),
        );
      if ('textInput' in w) add('onChange', w.textInput.onChangeAction, path);
      if ('selectionInput' in w) add('onChange', w.selectionInput.onChangeAction, path);
      if ('dateTimePicker' in w) add('onChange', w.dateTimePicker.onChangeAction, path);
    }),
  );
  const footer = card.fixedFooter;
  if (footer) {
    click(footer.primaryButton.onClick, 'fixedFooter.primaryButton');
    if (footer.secondaryButton) click(footer.secondaryButton.onClick, 'fixedFooter.secondaryButton');
  }
  card.cardActions?.forEach((a, i) => click(a.onClick, `cardActions[${i}]`));
  return out;
}

/** The card's inputs by field name. */
export function inputsOf(card: CardJson): Map<string, Input> {
  const inputs = new Map<string, Input>();
  const visit = (w: WidgetJson) => {
    if ('textInput' in w) inputs.set(w.textInput.name, { kind: 'text', json: w.textInput });
    if ('selectionInput' in w) inputs.set(w.selectionInput.name, { kind: 'selection', json: w.selectionInput });
    if ('dateTimePicker' in w) inputs.set(w.dateTimePicker.name, { kind: 'dateTime', json: w.dateTimePicker });
    const sw = 'decoratedText' in w ? w.decoratedText.switchControl : undefined;
    if (sw) inputs.set(sw.name, { kind: 'switch', json: sw });
  };
  card.sections.forEach((s) => s.widgets.forEach(visit));
  return inputs;
}

export type Submission = Record<string, string | string[] | undefined>;

export interface ReadOptions {
  /** The user's time zone (IANA id): DATE_AND_TIME pickers without an offset read in it. */
  timeZone: string;
  /** Problem texts in Russian for 'ru…' (the default), English otherwise. */
  locale?: string;
}

const TEXTS = {
  ru: {
    required: 'Обязательное поле.',
    notAnItem: (v: string) => `«${v}» нет среди вариантов.`,
    oneValue: 'Можно выбрать только один вариант.',
    tooMany: (n: number) => `Можно выбрать не больше ${n}.`,
    tooLong: (n: number) => `Не больше ${n} символов.`,
    integer: 'Нужно целое число.',
    float: 'Нужно число.',
    email: 'Нужен адрес электронной почты.',
    date: 'Неверная дата или время.',
    switchValue: 'Неверное значение переключателя.',
  },
  en: {
    required: 'Required.',
    notAnItem: (v: string) => `"${v}" is not one of the options.`,
    oneValue: 'Only one option can be selected.',
    tooMany: (n: number) => `Select at most ${n}.`,
    tooLong: (n: number) => `At most ${n} characters.`,
    integer: 'Enter a whole number.',
    float: 'Enter a number.',
    email: 'Enter an email address.',
    date: 'Invalid date or time.',
    switchValue: 'Invalid switch value.',
  },
};
type Texts = (typeof TEXTS)['en'];
const textsFor = (locale = 'ru') => (locale.toLowerCase().startsWith('ru') ? TEXTS.ru : TEXTS.en);

/** The submitted values as commonEventObject.formInputs, with what is wrong with them. */
export function formInputsOf(
  card: CardJson,
  submission: Submission,
  options: ReadOptions,
): { formInputs: FormInputs; problems: FieldProblem[] } {
  const t = textsFor(options.locale);
  const formInputs: FormInputs = {};
  const problems: FieldProblem[] = [];
  for (const [name, input] of inputsOf(card)) {
    const raw = submission[name];
    const values = (raw === undefined ? [] : Array.isArray(raw) ? raw : [raw]).filter((v) => v !== '');
    if (!values.length) continue;
    const read = readInput(input, values, options, t);
    if (typeof read === 'string') problems.push({ name, message: read });
    else formInputs[name] = read;
  }
  return { formInputs, problems };
}

function readInput(input: Input, values: string[], options: ReadOptions, t: Texts): FormInput | string {
  switch (input.kind) {
    case 'text':
      return readText(input.json, values, t);
    case 'selection':
      return readSelection(input.json, values, t);
    case 'switch':
      return values.length === 1 && values[0] === input.json.value ? { stringInputs: { value: [values[0]] } } : t.switchValue;
    case 'dateTime':
      return values.length === 1 ? (readDateTime(input.json, values[0], options.timeZone) ?? t.date) : t.date;
  }
}

function readText(json: TextInputJson, values: string[], t: Texts): FormInput | string {
  if (values.length > 1) return t.oneValue;
  const value = values[0];
  const v = json.validation;
  if (v?.characterLimit && [...value].length > v.characterLimit) return t.tooLong(v.characterLimit);
  if (v?.inputType === 'INTEGER' && !/^[-+]?\d+$/.test(value.trim())) return t.integer;
  if (v?.inputType === 'FLOAT' && !/^[-+]?(\d+([.,]\d*)?|[.,]\d+)([eE][-+]?\d+)?$/.test(value.trim())) return t.float;
  if (v?.inputType === 'EMAIL' && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value.trim())) return t.email;
  return { stringInputs: { value: [value] } };
}

function readSelection(json: SelectionInputJson, values: string[], t: Texts): FormInput | string {
  const allowed = new Set(json.items.map((i) => i.value));
  const unknown = values.find((v) => !allowed.has(v));
  if (unknown !== undefined && !json.externalDataSource) return t.notAnItem(unknown);
  if ((json.type === 'RADIO_BUTTON' || json.type === 'DROPDOWN') && values.length > 1) return t.oneValue;
  const max = json.multiSelectMaxSelectedItems ?? 3;
  if (json.type === 'MULTI_SELECT' && values.length > max) return t.tooMany(max);
  return { stringInputs: { value: [...new Set(values)] } };
}

/** HTML form values: "2026-11-24T10:00" (datetime-local), "2026-11-24" (date), "10:00" (time). */
function readDateTime(json: DateTimePickerJson, value: string, timeZone: string): FormInput | undefined {
  const date = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const time = /^(\d{2}):(\d{2})(?::\d{2})?$/.exec(value);
  const both = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::\d{2})?$/.exec(value);
  if (json.type === 'DATE_ONLY' && date) {
    const ms = Date.UTC(+date[1], +date[2] - 1, +date[3]);
    return validDate(ms, date) ? { dateInput: { msSinceEpoch: String(ms) } } : undefined;
  }
  if (json.type === 'TIME_ONLY' && time) {
    const [hours, minutes] = [+time[1], +time[2]];
    return hours < 24 && minutes < 60 ? { timeInput: { hours, minutes } } : undefined;
  }
  if (json.type === 'DATE_AND_TIME' && both) {
    const [y, mo, d, h, mi] = both.slice(1).map(Number);
    if (!validDate(Date.UTC(y, mo - 1, d), both) || h > 23 || mi > 59) return undefined;
    const ms =
      json.timezoneOffsetDate !== undefined
        ? Date.UTC(y, mo - 1, d, h, mi) - json.timezoneOffsetDate * 60_000
        : instantOf(timeZone, y, mo, d, h, mi);
    return { dateTimeInput: { msSinceEpoch: String(ms), hasDate: true, hasTime: true } };
  }
  return undefined;
}

function validDate(ms: number, m: RegExpExecArray): boolean {
  const d = new Date(ms);
  return d.getUTCFullYear() === +m[1] && d.getUTCMonth() + 1 === +m[2] && d.getUTCDate() === +m[3];
}

/** Which required widgets have no value for this action. */
export function requiredProblems(card: CardJson, action: ActionJson, formInputs: FormInputs, locale?: string): FieldProblem[] {
  const inputs = inputsOf(card);
  const validatable = (name: string) => {
    const input = inputs.get(name);
    if (!input) return true;
    if (input.kind === 'switch') return false;
    return input.kind !== 'selection' || input.json.type === 'DROPDOWN' || input.json.type === 'MULTI_SELECT';
  };
  const names = action.allWidgetsAreRequired ? [...inputs.keys()] : (action.requiredWidgets ?? []);
  const message = textsFor(locale).required;
  return names.filter((name) => validatable(name) && !formInputs[name]).map((name) => ({ name, message }));
}

export interface SubmittedAction {
  ok: boolean;
  action?: ActionJson;
  kind?: ActionKind;
  /** The action's own parameters, plus a grid item's id and index. */
  parameters: Record<string, string>;
  formInputs: FormInputs;
  problems: FieldProblem[];
}

/**
 * Everything the host needs to call the action a person clicked: `actionId` is what the
 * rendered button submitted ("a3", or "a3:1" for the second item of a grid).
 */
export function readSubmission(card: CardJson, actionId: string, submission: Submission, options: ReadOptions): SubmittedAction {
  const [id, itemIndex] = actionId.split(':');
  const ref = actionsOf(card).find((a) => a.id === id);
  const { formInputs, problems } = formInputsOf(card, submission, options);
  if (!ref || (itemIndex !== undefined && !(ref.gridItems && /^\d+$/.test(itemIndex) && +itemIndex < ref.gridItems.length)))
    return { ok: false, parameters: {}, formInputs, problems: [...problems, { name: '', message: `No action "${actionId}" on this card.` }] };
  const parameters = Object.fromEntries((ref.action.parameters ?? []).map((p) => [p.key, p.value]));
  if (itemIndex !== undefined) {
    const item = ref.gridItems![+itemIndex];
    if (item.id !== undefined) parameters.gridItemId = item.id;
    parameters.gridItemIndex = itemIndex;
  }
  const flagged = new Set(problems.map((p) => p.name));
  const all = [...problems, ...requiredProblems(card, ref.action, formInputs, options.locale).filter((p) => !flagged.has(p.name))];
  return { ok: all.length === 0, action: ref.action, kind: ref.kind, parameters, formInputs, problems: all };
}
