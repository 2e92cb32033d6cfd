/**
 * Weekday lists and times of day as people type them in Settings and in HR agreements
 * ("Mon, Thu", "пн, чт", "по понедельникам и четвергам", "18:00"), read into ISO weekdays
 * (1 = Monday … 7 = Sunday) and {hour, minute}. Shared: the schedule plans with them, the
 * agreement cells are checked with them.
 */
import { Problem } from './i18n';
import { SettingMessageKey, settingProblems } from './messages';
import type { Locale } from './schema';
import { isDate, wallClockOf, Zone } from './time';

export interface ClockTime {
  hour: number;
  minute: number;
}

const WEEKDAY_WORDS: Record<string, number> = {};
(
  [
    [1, ['mon', 'monday', 'mondays', 'mo', 'пн', 'пон', 'понедельник']],
    [2, ['tue', 'tues', 'tuesday', 'tuesdays', 'tu', 'вт', 'вторник']],
    [3, ['wed', 'weds', 'wednesday', 'wednesdays', 'we', 'ср', 'среда', 'среду']],
    [4, ['thu', 'thur', 'thurs', 'thursday', 'thursdays', 'th', 'чт', 'четверг']],
    [5, ['fri', 'friday', 'fridays', 'fr', 'пт', 'пятница', 'пятницу']],
    [6, ['sat', 'saturday', 'saturdays', 'sa', 'сб', 'суббота', 'субботу']],
    [7, ['sun', 'sunday', 'sundays', 'su', 'вс', 'воскресенье']],
  ] as [number, string[]][]
).forEach(([n, words]) => words.forEach((w) => (WEEKDAY_WORDS[w] = n)));

/** Russian stems, so "по понедельникам и четвергам" reads too. */
const RU_STEMS: [string, number][] = [
  ['понедельник', 1],
  ['вторник', 2],
  ['сред', 3],
  ['четверг', 4],
  ['пятниц', 5],
  ['суббот', 6],
  ['воскресен', 7],
];

const FILLER = new Set(['и', 'по', 'and', 'every', 'each', 'on']);

function weekdayOfToken(token: string): number | undefined {
  if (/^[1-7]$/.test(token)) return Number(token);
  const w = token.replace(/\.+$/, '');
  if (w in WEEKDAY_WORDS) return WEEKDAY_WORDS[w];
  const stem = RU_STEMS.find(([s]) => w.startsWith(s));
  return stem ? stem[1] : undefined;
}

/**
 * Reads "Mon, Thu", "пн, чт", "Monday Thursday", "1,4", "по понедельникам и четвергам"
 * and ranges "Mon-Fri" / "пн–пт" into sorted ISO weekdays (1 = Monday … 7 = Sunday).
 */
export function parseSelectionWeekdays(text: string): { ok: true; weekdays: number[] } | { ok: false; problem: Problem<SettingMessageKey> } {
  const norm = String(text).toLowerCase().replace(/ё/g, 'е').trim();
  const tokens = norm
    .replace(/\s*[-–—]\s*/g, '-')
    .split(/[\s,;/+&|]+/)
    .filter((t) => t !== '' && !FILLER.has(t));
  const days = new Set<number>();
  for (const token of tokens) {
    const range = token.split('-');
    if (range.length === 2 && range[0] !== '' && range[1] !== '') {
      const a = weekdayOfToken(range[0]);
      const b = weekdayOfToken(range[1]);
      if (a === undefined || b === undefined) return { ok: false, problem: settingProblems.problem('weekdayUnknown', { token }) };
      for (let i = 0, n = a; i < 7; i++, n = (n % 7) + 1) {
        days.add(n);
        if (n === b) break;
      }
      continue;
    }
    const n = weekdayOfToken(token);
    if (n === undefined) return { ok: false, problem: settingProblems.problem('weekdayUnknown', { token }) };
    days.add(n);
  }
  if (days.size === 0) return { ok: false, problem: settingProblems.problem('weekdaysEmpty') };
  return { ok: true, weekdays: [...days].sort((a, b) => a - b) };
}

const SHORT = {
  en: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'],
  ru: ['пн', 'вт', 'ср', 'чт', 'пт', 'сб', 'вс'],
};

/** [1, 4] → "Mon, Thu" / "пн, чт". */
export function formatWeekdays(weekdays: readonly number[], locale: Locale): string {
  return weekdays.map((n) => SHORT[locale][n - 1]).join(', ');
}

/** "18:00", "9:30", "18.00" → {hour, minute}; a Date cell (a time value) reads its wall clock. */
export function parseClockTime(value: unknown, zone?: Zone): { ok: true; time: ClockTime } | { ok: false; problem: Problem<SettingMessageKey> } {
  if (isDate(value) && zone) {
    const w = wallClockOf(zone, value.getTime());
    return { ok: true, time: { hour: w.hour, minute: w.minute } };
  }
  const m = /^\s*(\d{1,2})[:.](\d{2})\s*$/.exec(String(value ?? ''));
  if (m && Number(m[1]) < 24 && Number(m[2]) < 60) return { ok: true, time: { hour: Number(m[1]), minute: Number(m[2]) } };
  return { ok: false, problem: settingProblems.problem('clockInvalid', { value: String(value ?? '') }) };
}
