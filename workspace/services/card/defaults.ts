/**
 * What a card's form holds before the person changes anything, as the browser would submit
 * it (form.ts Submission): a text input's value, the selected items, a switch that is on, a
 * date picker's value as "YYYY-MM-DD" (DATE_ONLY, midnight UTC), "YYYY-MM-DDTHH:MM"
 * (DATE_AND_TIME, in the picker's offset or else the user's zone) or "HH:MM" (TIME_ONLY).
 * `reglament addon --input` overrides these; the card is what Google would have shown.
 */
import { inputsOf, Submission } from './form';
import { offsetMinutes } from '../../runtime/tz';
import type { CardJson } from './types';

const p = (n: number) => String(n).padStart(2, '0');

export function defaultSubmission(card: CardJson, timeZone: string): Submission {
  const out: Submission = {};
  for (const [name, input] of inputsOf(card)) {
    if (input.kind === 'text' && input.json.value !== undefined && input.json.value !== '') out[name] = input.json.value;
    if (input.kind === 'selection') {
      const selected = input.json.items.filter((i) => i.selected && i.value !== '').map((i) => i.value);
      if (selected.length) out[name] = selected;
    }
    if (input.kind === 'switch' && input.json.selected) out[name] = input.json.value;
    if (input.kind === 'dateTime' && input.json.valueMsEpoch !== undefined) {
      const ms = Number(input.json.valueMsEpoch);
      if (input.json.type === 'DATE_ONLY') {
        const d = new Date(ms);
        out[name] = `${d.getUTCFullYear()}-${p(d.getUTCMonth() + 1)}-${p(d.getUTCDate())}`;
      } else {
        const offset = input.json.timezoneOffsetDate ?? offsetMinutes(ms, timeZone);
        const d = new Date(ms + offset * 60_000);
        const time = `${p(d.getUTCHours())}:${p(d.getUTCMinutes())}`;
        out[name] = input.json.type === 'TIME_ONLY' ? time : `${d.getUTCFullYear()}-${p(d.getUTCMonth() + 1)}-${p(d.getUTCDate())}T${time}`;
      }
    }
  }
  return out;
}
