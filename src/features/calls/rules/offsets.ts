/**
 * Reminder offsets (docs/DOMAIN.md §6.2): how long before a call its reminders go out. A Settings
 * value like "1d, 20m" or "1 день, 20 мин" becomes a sorted list of minutes. The same
 * list drives the calendar event's reminder overrides, so Calendar's limits apply:
 * at most 5 overrides, each 0–40320 minutes (4 weeks).
 *
 * A day is 1440 minutes, as in Calendar's own reminders: across a DST change a
 * "1 day before" reminder is 24 elapsed hours before the call, not the same wall time.
 */
import { CALL_TYPES, Locale } from '../../../core/schema';
import { SETTINGS, SettingKey, SettingValues } from '../../../core/settings';
import { Problem, problem, warning } from './messages';

export type CallTypeKey = (typeof CALL_TYPES)[number]['key'];

export const MAX_OVERRIDES = 5;
export const MAX_OFFSET_MINUTES = 40320;

const UNIT_MINUTES: Record<string, number> = {};
const unit = (minutes: number, names: string[]) => names.forEach((n) => (UNIT_MINUTES[n] = minutes));
unit(1, ['', 'm', 'min', 'mins', 'minute', 'minutes', 'м', 'мин', 'минута', 'минуты', 'минут', 'минуту']);
unit(60, ['h', 'hr', 'hrs', 'hour', 'hours', 'ч', 'час', 'часа', 'часов']);
unit(1440, ['d', 'day', 'days', 'д', 'дн', 'день', 'дня', 'дней', 'сут', 'сутки', 'суток']);
unit(10080, ['w', 'wk', 'week', 'weeks', 'нед', 'неделя', 'недели', 'недель', 'неделю']);

export interface OffsetsResult {
  /** Minutes before the call, ascending, without duplicates; only the readable, in-range ones. */
  minutes: number[];
  problems: Problem[];
}

/**
 * Reads one item ("20m", "1 день", "1h 30m" = 90): number–unit pairs add up; a bare
 * number is minutes. Returns null when anything in it is not a number with a known unit.
 */
function parseItem(item: string): number | null {
  const pair = /(\d+(?:\.\d+)?)\s*([a-zа-яё]*)\.?/giy;
  let total = 0;
  let pos = 0;
  let pairs = 0;
  const text = item.trim();
  while (pos < text.length) {
    pair.lastIndex = pos;
    const m = pair.exec(text);
    if (!m) return null;
    const factor = UNIT_MINUTES[m[2].toLowerCase()];
    if (factor === undefined) return null;
    total += Number(m[1]) * factor;
    pairs++;
    pos = pair.lastIndex;
    while (pos < text.length && /\s/.test(text[pos])) pos++;
  }
  if (pairs === 0 || !Number.isInteger(total)) return null;
  return total;
}

/**
 * Parses a Settings value into reminder offsets. Items are separated by commas,
 * semicolons, line breaks, "и" or "and". An empty value means no reminders.
 */
export function parseOffsets(value: unknown): OffsetsResult {
  const problems: Problem[] = [];
  if (typeof value === 'number') value = String(value);
  const text = typeof value === 'string' ? value : '';
  const items = text
    .split(/[,;\n]|\s+(?:и|and)\s+/i)
    .map((s) => s.trim())
    .filter((s) => s !== '');
  const found = new Set<number>();
  for (const item of items) {
    const minutes = parseItem(item);
    if (minutes === null) problems.push(problem('offsetsUnreadable', { item }));
    else if (minutes < 0 || minutes > MAX_OFFSET_MINUTES) problems.push(problem('offsetsOutOfRange', { item, minutes }));
    else found.add(minutes);
  }
  const minutes = [...found].sort((a, b) => a - b);
  if (minutes.length > MAX_OVERRIDES) problems.push(problem('offsetsTooMany', { count: minutes.length }));
  return { minutes, problems };
}

const SETTING_OF_TYPE: Record<CallTypeKey, SettingKey> = {
  first: 'reminderFirstCall',
  interview: 'reminderInterview',
  repeat: 'reminderRepeatCall',
  intro: 'reminderIntroductoryCall',
};

export interface ReminderOffsets {
  byType: Record<CallTypeKey, number[]>;
  /** Problems of the Settings values; each makes its type fall back to the default. */
  problems: Problem[];
}

/**
 * The offsets per call type from Settings. A value with any problem is not half-used:
 * the type keeps its default (docs/DOMAIN.md §6.2) and the problems say why.
 */
export function reminderOffsets(settings: Partial<SettingValues>, locale: Locale = 'ru'): ReminderOffsets {
  const byType = {} as Record<CallTypeKey, number[]>;
  const problems: Problem[] = [];
  for (const type of CALL_TYPES) {
    const def = SETTINGS.find((s) => s.key === SETTING_OF_TYPE[type.key]);
    if (!def) throw new Error(`No setting for call type ${type.key}`);
    const parsed = parseOffsets(settings[def.key] ?? def.defaultValue);
    if (parsed.problems.length === 0) {
      byType[type.key] = parsed.minutes;
      continue;
    }
    byType[type.key] = parseOffsets(def.defaultValue).minutes;
    problems.push(...parsed.problems);
    problems.push(warning('offsetsDefaultUsed', { setting: { ru: def.ru, en: def.en }, value: formatOffsets(byType[type.key], locale) }));
  }
  return { byType, problems };
}

const SHORT = { ru: { d: 'д', h: 'ч', m: 'мин' }, en: { d: 'd', h: 'h', m: 'm' } };

function split(minutes: number): { d: number; h: number; m: number } {
  return { d: Math.floor(minutes / 1440), h: Math.floor((minutes % 1440) / 60), m: minutes % 60 };
}

/** Compact text that parseOffsets reads back: [1440, 20] → "1d, 20m" / "1 д, 20 мин". */
export function formatOffsets(minutes: readonly number[], locale: Locale): string {
  const u = SHORT[locale];
  const sep = locale === 'ru' ? ' ' : '';
  return [...minutes]
    .sort((a, b) => b - a)
    .map((total) => {
      const { d, h, m } = split(total);
      const parts: string[] = [];
      if (d) parts.push(`${d}${sep}${u.d}`);
      if (h) parts.push(`${h}${sep}${u.h}`);
      if (m || parts.length === 0) parts.push(`${m}${sep}${u.m}`);
      return parts.join(' ');
    })
    .join(', ');
}

/** Russian plural form: 1 день, 2 дня, 5 дней; 11–14 take the "many" form. */
export function ruPlural(n: number, one: string, few: string, many: string): string {
  const n10 = n % 10;
  const n100 = n % 100;
  if (n10 === 1 && n100 !== 11) return one;
  if (n10 >= 2 && n10 <= 4 && (n100 < 12 || n100 > 14)) return few;
  return many;
}

/** Words for an offset in an e-mail: 1460 → "1 день 20 минут" / "1 day 20 minutes". */
export function describeOffset(minutes: number, locale: Locale): string {
  const { d, h, m } = split(minutes);
  const parts: string[] = [];
  const en = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  if (d) parts.push(locale === 'ru' ? `${d} ${ruPlural(d, 'день', 'дня', 'дней')}` : en(d, 'day'));
  if (h) parts.push(locale === 'ru' ? `${h} ${ruPlural(h, 'час', 'часа', 'часов')}` : en(h, 'hour'));
  if (m || parts.length === 0) parts.push(locale === 'ru' ? `${m} ${ruPlural(m, 'минута', 'минуты', 'минут')}` : en(m, 'minute'));
  return parts.join(' ');
}
