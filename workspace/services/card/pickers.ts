/**
 * DateTimePicker, DatePicker and TimePicker: one Card v1 dateTimePicker widget with type
 * DATE_AND_TIME, DATE_ONLY or TIME_ONLY.
 *
 * Google behaviour reproduced (https://developers.google.com/apps-script/reference/card-service/date-time-picker,
 * .../date-picker, .../time-picker; card.proto DateTimePicker):
 * - setFieldName identifies the picker in the event object; it is required and unique, as
 *   for every input (see inputs.ts).
 * - valueMsEpoch is an int64 (a string in JSON). For a DatePicker "Only the date of the
 *   epoch time is used, and the time is discarded": the value is printed as midnight UTC
 *   of that date, as card.proto describes DATE_ONLY values. A TIME_ONLY value is the time
 *   of day in milliseconds (hours and minutes from setHours/setMinutes).
 * - setTimeZoneOffsetInMins: the picker shows its value in that offset; unset, "the time is
 *   displayed in the user's time zone".
 * Readings where Google is silent: a string value must be a whole number of milliseconds,
 * hours 0–23, minutes 0–59, an offset within ±14 h; anything else is "Invalid argument".
 */
import { FakeAction } from './actions';
import { TYPE_LABEL } from './args';
import { BuildScope, defined, SERIALIZE, Widget } from './base';
import type { DateTimePickerJson, DateTimePickerType, WidgetJson } from './types';

const DAY_MS = 86_400_000;

abstract class Picker extends Widget {
  protected abstract readonly kind: DateTimePickerType;
  protected name?: string;
  protected title?: string;
  protected valueMs?: number;
  protected offsetMins?: number;
  protected onChange?: FakeAction;

  protected label(): string {
    return this[TYPE_LABEL].replace('CardService.', '');
  }

  setFieldName(...args: [fieldName: string]): this {
    const [fieldName] = args;
    this.c.check(`${this.label()}.setFieldName`, args, ['String']);
    this.name = fieldName;
    return this;
  }

  setTitle(...args: [title: string]): this {
    const [title] = args;
    this.c.check(`${this.label()}.setTitle`, args, ['String']);
    this.title = title;
    return this;
  }

  setOnChangeAction(...args: [action: GoogleAppsScript.Card_Service.Action]): this {
    const [action] = args;
    this.c.check(`${this.label()}.setOnChangeAction`, args, [{ of: FakeAction }]);
    this.onChange = action as FakeAction;
    return this;
  }

  protected epochArg(method: string, args: ArrayLike<unknown>, value: number | string): number {
    this.c.check(`${this.label()}.${method}`, args, ['StringOrNumber']);
    const ms = typeof value === 'number' ? value : /^-?\d+$/.test(value.trim()) ? Number(value) : NaN;
    if (!Number.isSafeInteger(ms)) throw this.c.invalid('valueMsEpoch');
    return ms;
  }

  [SERIALIZE](path: string, scope: BuildScope): WidgetJson {
    const name = this.claimName(this.name, path, scope);
    const json: DateTimePickerJson = defined({
      name,
      label: this.title,
      type: this.kind,
      valueMsEpoch: this.valueMs === undefined ? undefined : String(this.valueMs),
      timezoneOffsetDate: this.offsetMins,
      onChangeAction: this.onChange?.[SERIALIZE](`${path}.onChangeAction`),
    });
    return { dateTimePicker: json };
  }
}

export class FakeDateTimePicker extends Picker implements GoogleAppsScript.Card_Service.DateTimePicker {
  readonly [TYPE_LABEL] = 'CardService.DateTimePicker';
  protected readonly kind = 'DATE_AND_TIME';

  setValueInMsSinceEpoch(...args: [valueMsEpoch: number | string]): this {
    const [valueMsEpoch] = args;
    this.valueMs = this.epochArg('setValueInMsSinceEpoch', args, valueMsEpoch);
    return this;
  }

  setTimeZoneOffsetInMins(...args: [timeZoneOffsetMins: number]): this {
    const [timeZoneOffsetMins] = args;
    this.c.check('DateTimePicker.setTimeZoneOffsetInMins', args, ['Integer']);
    if (Math.abs(timeZoneOffsetMins) > 14 * 60) throw this.c.invalid('timeZoneOffsetMins');
    this.offsetMins = timeZoneOffsetMins;
    return this;
  }
}

export class FakeDatePicker extends Picker implements GoogleAppsScript.Card_Service.DatePicker {
  readonly [TYPE_LABEL] = 'CardService.DatePicker';
  protected readonly kind = 'DATE_ONLY';

  setValueInMsSinceEpoch(...args: [valueMsEpoch: number | string]): this {
    const [valueMsEpoch] = args;
    const ms = this.epochArg('setValueInMsSinceEpoch', args, valueMsEpoch);
    this.valueMs = Math.floor(ms / DAY_MS) * DAY_MS;
    return this;
  }
}

export class FakeTimePicker extends Picker implements GoogleAppsScript.Card_Service.TimePicker {
  readonly [TYPE_LABEL] = 'CardService.TimePicker';
  protected readonly kind = 'TIME_ONLY';
  private hours?: number;
  private minutes?: number;

  setHours(...args: [hours: number]): this {
    const [hours] = args;
    this.c.check('TimePicker.setHours', args, ['Integer']);
    if (hours < 0 || hours > 23) throw this.c.invalid('hours');
    this.hours = hours;
    this.valueMs = (hours * 60 + (this.minutes ?? 0)) * 60 * 1000;
    return this;
  }

  setMinutes(...args: [minutes: number]): this {
    const [minutes] = args;
    this.c.check('TimePicker.setMinutes', args, ['Integer']);
    if (minutes < 0 || minutes > 59) throw this.c.invalid('minutes');
    this.minutes = minutes;
    this.valueMs = ((this.hours ?? 0) * 60 + minutes) * 60 * 1000;
    return this;
  }
}
