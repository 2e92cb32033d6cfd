/**
 * The form inputs: TextInput (with Suggestions and Validation), SelectionInput and Switch.
 *
 * Google behaviour reproduced (https://developers.google.com/apps-script/reference/card-service/text-input,
 * .../selection-input, .../switch, .../validation; card.proto TextInput, SelectionInput):
 * - A field name is "Required, must be unique" — build() refuses a missing or repeated
 *   name anywhere in the card; TextInput.setTitle is "Required".
 * - With suggestions the input is always SINGLE_LINE, "even if it's set to MULTIPLE_LINE".
 * - SelectionInput.addItem: "Non-string primitive arguments are converted to strings
 *   automatically" for text and value; a selection input "Supports up to 100 items";
 *   for a single-choice input (radio buttons, dropdown) "only set this field [selected]
 *   for one item"; a multiselect's maximum "Minimum value is 1 item. If unspecified,
 *   defaults to 3 items".
 * Readings where Google is silent (the stricter one taken): two selected items in a radio
 * group or dropdown, two items with the same value, a selection input without items, a
 * multiselect with more preselected items than its maximum, and a switch without a value
 * all fail build(); a character limit must be a positive whole number.
 */
import { FakeAction } from './actions';
import { TYPE_LABEL } from './args';
import { BuildScope, Builder, defined, SERIALIZE, Widget } from './base';
import { MAX_SELECTION_ITEMS } from './messages';
import type { ActionJson, SelectionInputJson, SelectionItemJson, SwitchControlJson, TextInputJson, WidgetJson } from './types';

type GAction = GoogleAppsScript.Card_Service.Action;

export class FakeSuggestions extends Builder implements GoogleAppsScript.Card_Service.Suggestions {
  readonly [TYPE_LABEL] = 'CardService.Suggestions';
  readonly items: string[] = [];

  addSuggestion(...args: [suggestion: string]): this {
    const [suggestion] = args;
    this.c.check('Suggestions.addSuggestion', args, ['String']);
    this.items.push(suggestion);
    return this;
  }

  addSuggestions(...args: [suggestions: string[]]): this {
    const [suggestions] = args;
    this.c.check('Suggestions.addSuggestions', args, ['StringArray']);
    this.items.push(...suggestions);
    return this;
  }
}

export class FakeValidation extends Builder implements GoogleAppsScript.Card_Service.Validation {
  readonly [TYPE_LABEL] = 'CardService.Validation';
  characterLimit?: number;
  inputType?: 'TEXT' | 'INTEGER' | 'FLOAT' | 'EMAIL';

  setCharacterLimit(...args: [characterLimit: number]): this {
    const [characterLimit] = args;
    this.c.check('Validation.setCharacterLimit', args, ['Integer']);
    if (characterLimit < 1) throw this.c.invalid('characterLimit');
    this.characterLimit = characterLimit;
    return this;
  }

  setInputType(...args: [inputType: unknown]): this {
    const [inputType] = args;
    this.c.check('Validation.setInputType', args, [{ enum: 'InputType' }]);
    this.inputType = String(inputType) as FakeValidation['inputType'];
    return this;
  }
}

/** setOnChangeAction, shared by every input. */
abstract class InputWidget extends Widget {
  protected name?: string;
  protected onChange?: FakeAction;

  protected setName(method: string, args: ArrayLike<unknown>, name: string): void {
    this.c.check(method, args, ['String']);
    this.name = name;
  }

  protected setChange(method: string, args: ArrayLike<unknown>, action: unknown): void {
    this.c.check(method, args, [{ of: FakeAction }]);
    this.onChange = action as FakeAction;
  }

  protected changeJson(path: string): ActionJson | undefined {
    return this.onChange?.[SERIALIZE](`${path}.onChangeAction`);
  }
}

export class FakeTextInput extends InputWidget implements GoogleAppsScript.Card_Service.TextInput {
  readonly [TYPE_LABEL] = 'CardService.TextInput';
  private title?: string;
  private hint?: string;
  private value?: string;
  private multiline = false;
  private suggestions?: FakeSuggestions;
  private suggestionsAction?: FakeAction;
  private validation?: FakeValidation;

  setFieldName(...args: [fieldName: string]): this {
    const [fieldName] = args;
    this.setName('TextInput.setFieldName', args, fieldName);
    return this;
  }

  setTitle(...args: [title: string]): this {
    const [title] = args;
    this.c.check('TextInput.setTitle', args, ['String']);
    this.title = title;
    return this;
  }

  setHint(...args: [hint: string]): this {
    const [hint] = args;
    this.c.check('TextInput.setHint', args, ['String']);
    this.hint = hint;
    return this;
  }

  setValue(...args: [value: string]): this {
    const [value] = args;
    this.c.check('TextInput.setValue', args, ['String']);
    this.value = value;
    return this;
  }

  setMultiline(...args: [multiline: boolean]): this {
    const [multiline] = args;
    this.c.check('TextInput.setMultiline', args, ['Boolean']);
    this.multiline = multiline;
    return this;
  }

  setOnChangeAction(...args: [action: GAction]): this {
    const [action] = args;
    this.setChange('TextInput.setOnChangeAction', args, action);
    return this;
  }

  setSuggestions(...args: [suggestions: GoogleAppsScript.Card_Service.Suggestions]): this {
    const [suggestions] = args;
    this.c.check('TextInput.setSuggestions', args, [{ of: FakeSuggestions }]);
    this.suggestions = suggestions as FakeSuggestions;
    return this;
  }

  setSuggestionsAction(...args: [suggestionsAction: GAction]): this {
    const [suggestionsAction] = args;
    this.c.check('TextInput.setSuggestionsAction', args, [{ of: FakeAction }]);
    this.suggestionsAction = suggestionsAction as FakeAction;
    return this;
  }

  setValidation(...args: [validation: GoogleAppsScript.Card_Service.Validation]): this {
    const [validation] = args;
    this.c.check('TextInput.setValidation', args, [{ of: FakeValidation }]);
    this.validation = validation as FakeValidation;
    return this;
  }

  [SERIALIZE](path: string, scope: BuildScope): WidgetJson {
    const name = this.claimName(this.name, path, scope);
    if (!this.title) throw this.fail(path, 'the title is required (setTitle)');
    const suggested = this.suggestions?.items.length ? this.suggestions.items : undefined;
    const v = this.validation;
    const json: TextInputJson = defined({
      name,
      label: this.title,
      hintText: this.hint,
      value: this.value,
      type: this.multiline && !suggested ? 'MULTIPLE_LINE' : 'SINGLE_LINE',
      onChangeAction: this.changeJson(path),
      initialSuggestions: suggested && { items: suggested.map((text) => ({ text })) },
      autoCompleteAction: this.suggestionsAction?.[SERIALIZE](`${path}.autoCompleteAction`),
      validation: v && (v.characterLimit || v.inputType) ? defined({ characterLimit: v.characterLimit, inputType: v.inputType }) : undefined,
    });
    return { textInput: json };
  }
}

export class FakeSelectionInput extends InputWidget implements GoogleAppsScript.Card_Service.SelectionInput {
  readonly [TYPE_LABEL] = 'CardService.SelectionInput';
  private title?: string;
  private type: SelectionInputJson['type'] = 'CHECK_BOX';
  private items: SelectionItemJson[] = [];
  private maxSelected?: number;
  private minQuery?: number;
  private external?: FakeAction;

  setFieldName(...args: [fieldName: string]): this {
    const [fieldName] = args;
    this.setName('SelectionInput.setFieldName', args, fieldName);
    return this;
  }

  setTitle(...args: [title: string]): this {
    const [title] = args;
    this.c.check('SelectionInput.setTitle', args, ['String']);
    this.title = title;
    return this;
  }

  setType(...args: [type: unknown]): this {
    const [type] = args;
    this.c.check('SelectionInput.setType', args, [{ enum: 'SelectionInputType' }]);
    this.type = String(type) as SelectionInputJson['type'];
    return this;
  }

  addItem(...args: [text: unknown, value: unknown, selected: boolean]): this {
    const [text, value, selected] = args;
    this.c.check('SelectionInput.addItem', args, ['Primitive', 'Primitive', 'Boolean']);
    this.items.push({ text: String(text), value: String(value), selected });
    return this;
  }

  addMultiSelectItem(...args: [text: string, value: string, selected: boolean, startIconUri: string, bottomText: string]): this {
    const [text, value, selected, startIconUri, bottomText] = args;
    this.c.check('SelectionInput.addMultiSelectItem', args, ['Primitive', 'Primitive', 'Boolean', 'String', 'String']);
    this.items.push(
      defined({
        text: String(text),
        value: String(value),
        selected,
        startIconUri: startIconUri || undefined,
        bottomText: bottomText || undefined,
      }),
    );
    return this;
  }

  setMultiSelectMaxSelectedItems(...args: [maxSelectedItems: number]): this {
    const [maxSelectedItems] = args;
    this.c.check('SelectionInput.setMultiSelectMaxSelectedItems', args, ['Integer']);
    if (maxSelectedItems < 1) throw this.c.invalid('maxSelectedItems');
    this.maxSelected = maxSelectedItems;
    return this;
  }

  setMultiSelectMinQueryLength(...args: [queryLength: number]): this {
    const [queryLength] = args;
    this.c.check('SelectionInput.setMultiSelectMinQueryLength', args, ['Integer']);
    if (queryLength < 0) throw this.c.invalid('queryLength');
    this.minQuery = queryLength;
    return this;
  }

  setExternalDataSource(...args: [action: GAction]): this {
    const [action] = args;
    this.c.check('SelectionInput.setExternalDataSource', args, [{ of: FakeAction }]);
    this.external = action as FakeAction;
    return this;
  }

  setOnChangeAction(...args: [action: GAction]): this {
    const [action] = args;
    this.setChange('SelectionInput.setOnChangeAction', args, action);
    return this;
  }

  [SERIALIZE](path: string, scope: BuildScope): WidgetJson {
    const name = this.claimName(this.name, path, scope);
    this.checkItems(path);
    return {
      selectionInput: defined({
        name,
        label: this.title,
        type: this.type,
        items: this.items.map((item) => ({ ...item })),
        onChangeAction: this.changeJson(path),
        multiSelectMaxSelectedItems: this.maxSelected,
        multiSelectMinQueryLength: this.minQuery,
        externalDataSource: this.external?.[SERIALIZE](`${path}.externalDataSource`),
      }),
    };
  }

  private checkItems(path: string): void {
    const fail = (what: string) => this.fail(path, what);
    const multi = this.type === 'MULTI_SELECT';
    if (!this.items.length && !(multi && this.external)) throw fail('a selection input needs at least one item (addItem)');
    if (this.items.length > MAX_SELECTION_ITEMS)
      throw fail(`a selection input supports up to ${MAX_SELECTION_ITEMS} items; this one has ${this.items.length}`);
    const values = new Set<string>();
    for (const item of this.items) {
      if (values.has(item.value)) throw fail(`two items have the value "${item.value}"`);
      values.add(item.value);
      if (!multi && (item.startIconUri || item.bottomText)) throw fail('addMultiSelectItem is only for SelectionInputType.MULTI_SELECT');
    }
    const selected = this.items.filter((i) => i.selected).length;
    if ((this.type === 'RADIO_BUTTON' || this.type === 'DROPDOWN') && selected > 1)
      throw fail(`a ${this.type} input allows one selected item; ${selected} are selected`);
    if (multi && selected > (this.maxSelected ?? 3))
      throw fail(`${selected} items are preselected but at most ${this.maxSelected ?? 3} may be selected`);
  }
}

export class FakeSwitch extends Builder implements GoogleAppsScript.Card_Service.Switch {
  readonly [TYPE_LABEL] = 'CardService.Switch';
  private name?: string;
  private value?: string;
  private selected = false;
  private controlType: SwitchControlJson['controlType'] = 'SWITCH';
  private onChange?: FakeAction;

  setFieldName(...args: [fieldName: string]): this {
    const [fieldName] = args;
    this.c.check('Switch.setFieldName', args, ['String']);
    this.name = fieldName;
    return this;
  }

  setValue(...args: [value: string]): this {
    const [value] = args;
    this.c.check('Switch.setValue', args, ['String']);
    this.value = value;
    return this;
  }

  setSelected(...args: [selected: boolean]): this {
    const [selected] = args;
    this.c.check('Switch.setSelected', args, ['Boolean']);
    this.selected = selected;
    return this;
  }

  setControlType(...args: [type: unknown]): this {
    const [type] = args;
    this.c.check('Switch.setControlType', args, [{ enum: 'SwitchControlType' }]);
    this.controlType = String(type) as SwitchControlJson['controlType'];
    return this;
  }

  setOnChangeAction(...args: [action: GAction]): this {
    const [action] = args;
    this.c.check('Switch.setOnChangeAction', args, [{ of: FakeAction }]);
    this.onChange = action as FakeAction;
    return this;
  }

  /** A switch "can only be used within a DecoratedText widget": it is not a Widget of its own. */
  [SERIALIZE](path: string, scope: BuildScope): SwitchControlJson {
    const name = this.claimName(this.name, path, scope);
    if (!this.value) throw this.fail(path, 'the value sent when the switch is on is required (setValue)');
    return defined({
      name,
      value: this.value,
      selected: this.selected,
      controlType: this.controlType,
      onChangeAction: this.onChange?.[SERIALIZE](`${path}.onChangeAction`),
    });
  }
}
