/** commonEventObject.formInputs as Google sends them; an input left empty is absent. */
import { LocalDate } from '../core/time';

export interface FormInput {
  stringInputs?: { value: string[] };
  dateInput?: { msSinceEpoch: string | number };
  dateTimeInput?: { msSinceEpoch: string | number; hasDate?: boolean; hasTime?: boolean };
}

export type FormInputs = Record<string, FormInput>;

export interface AddonEventObject {
  commonEventObject?: { formInputs?: FormInputs; parameters?: Record<string, string>; hostApp?: string };
  calendar?: { id?: string; calendarId?: string; conferenceData?: { entryPoints?: Array<{ entryPointType?: string; uri?: string }> } };
  gmail?: { messageId?: string; accessToken?: string; threadId?: string };
}

export function inputsOf(e: AddonEventObject | undefined): FormInputs {
  return (e && e.commonEventObject && e.commonEventObject.formInputs) || {};
}

export function paramsOf(e: AddonEventObject | undefined): Record<string, string> {
  return (e && e.commonEventObject && e.commonEventObject.parameters) || {};
}

export function stringOf(inputs: FormInputs, name: string): string {
  const v = inputs[name]?.stringInputs?.value;
  return v && v.length ? String(v[0]).trim() : '';
}

/** A DATE_ONLY picker's value: midnight UTC of the chosen day, read back as that day. */
export function dateOf(inputs: FormInputs, name: string): LocalDate | null {
  const ms = Number(inputs[name]?.dateInput?.msSinceEpoch);
  if (!isFinite(ms) || !inputs[name]?.dateInput) return null;
  const d = new Date(ms);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** A DATE_AND_TIME picker's instant (ms). */
export function instantOf(inputs: FormInputs, name: string): number | null {
  const v = inputs[name]?.dateTimeInput;
  const ms = v ? Number(v.msSinceEpoch) : NaN;
  return isFinite(ms) ? ms : null;
}
