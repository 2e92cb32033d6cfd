/**
 * Readers of single cells, as getValues gives them (string | number | boolean | Date | '').
 * They classify what a person typed and never rewrite it: the caller turns an `invalid`
 * result into a problem on the row. No URL/Intl globals: Google's V8 has no `URL` class.
 */
import { Choice, findChoice } from './schema';
import { parseSelectionWeekdays } from './weekdays';
import { isDate, LocalDate, localDateOf, Zone } from './time';

/** A row of a tab as core sees it: column key → cell value. */
export type Row = Readonly<Record<string, unknown>>;

export type InvalidReason =
  | 'notEmail'
  | 'notUrl'
  | 'urlNoScheme' // "www.site.ru/…": a link without http(s)://
  | 'urlScheme' // "ftp:", "javascript:" …: only http and https are accepted
  | 'notNumber'
  | 'numberAsText' // "1 500,50" stored as text: it would not add up in the sheet
  | 'negative'
  | 'notInteger'
  | 'belowMinimum'
  | 'notDate'
  | 'dateOutOfRange'
  | 'notChoice'
  | 'notWeekdays';

/** The reading of one cell: blank, a value, or why it is not one (with the text as typed). */
export type CellParse<T> =
  { status: 'blank' } | { status: 'ok'; value: T } | { status: 'invalid'; reason: InvalidReason; text: string; suggestion?: string };

const invalid = (
  reason: InvalidReason,
  text: string,
  suggestion?: string,
): { status: 'invalid'; reason: InvalidReason; text: string; suggestion?: string } =>
  suggestion === undefined ? { status: 'invalid', reason, text } : { status: 'invalid', reason, text, suggestion };

export function isBlank(value: unknown): boolean {
  return value === '' || value === null || value === undefined || (typeof value === 'string' && value.trim() === '');
}

/** A cell as trimmed text (numbers as written by String; a Date as its ISO instant). */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (isDate(value)) return value.toISOString();
  return String(value).trim();
}

const EMAIL =
  /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?\.)+\p{L}{2,63}$/u;

/** One address like name@example.com (no display name, no spaces; IDN domains allowed). */
export function isEmail(text: string): boolean {
  return text.length <= 254 && EMAIL.test(text);
}

const HOST = String.raw`(?:(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?\.)+\p{L}[\p{L}\p{N}-]{1,62}|localhost|\d{1,3}(?:\.\d{1,3}){3})`;
const URL_RE = new RegExp(String.raw`^https?:\/\/(?:[^\s/?#@]+@)?${HOST}(?::\d{1,5})?(?:[/?#]\S*)?$`, 'iu');

/** An absolute http(s) link with a real host; anything else (ftp:, javascript:, spaces) is not. */
export function isUrl(text: string): boolean {
  return URL_RE.test(text);
}

export function parseEmailCell(value: unknown): CellParse<string> {
  if (isBlank(value)) return { status: 'blank' };
  const text = cellText(value);
  return isEmail(text) ? { status: 'ok', value: text } : invalid('notEmail', text);
}

export function parseUrlCell(value: unknown): CellParse<string> {
  if (isBlank(value)) return { status: 'blank' };
  const text = cellText(value);
  if (isUrl(text)) return { status: 'ok', value: text };
  if (/^[a-z][a-z0-9+.-]*:/i.test(text) && !/^https?:/i.test(text)) return invalid('urlScheme', text);
  if (!/^[a-z][a-z0-9+.-]*:/i.test(text) && isUrl(`https://${text}`)) return invalid('urlNoScheme', text, `https://${text}`);
  return invalid('notUrl', text);
}

/**
 * Reads numeric text in either convention ("1 500,50", "1,500.50", "1500.5") for a
 * suggestion only; undefined when it is not a plain number.
 */
export function numberFromText(text: string): number | undefined {
  let t = text.replace(/[\s\u00a0\u202f]/g, '');
  if (!/^[+-]?[\d.,]+$/.test(t) || !/\d/.test(t)) return undefined;
  const lastComma = t.lastIndexOf(',');
  const lastPoint = t.lastIndexOf('.');
  if (lastComma >= 0 && lastPoint >= 0) {
    // The later mark is the decimal one, the other groups thousands.
    t = lastComma > lastPoint ? t.replace(/\./g, '').replace(',', '.') : t.replace(/,/g, '');
  } else if (lastComma >= 0) {
    t = (t.match(/,/g) ?? []).length === 1 ? t.replace(',', '.') : t.replace(/,/g, '');
  } else if ((t.match(/\./g) ?? []).length > 1) {
    t = t.replace(/\./g, '');
  }
  const n = Number(t);
  return Number.isFinite(n) ? n : undefined;
}

/**
 * A sum of money: a number cell ≥ 0. Text is never accepted (it would not add up in the
 * sheet), but numeric text carries the number as a suggestion for the message.
 */
export function parseAmount(value: unknown): CellParse<number> {
  if (isBlank(value)) return { status: 'blank' };
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return invalid('notNumber', String(value));
    if (value < 0) return invalid('negative', String(value));
    return { status: 'ok', value };
  }
  const text = cellText(value);
  if (typeof value !== 'string') return invalid('notNumber', text);
  const n = numberFromText(text);
  if (n === undefined) return invalid('notNumber', text);
  if (n < 0) return invalid('negative', text);
  return invalid('numberAsText', text, String(n));
}

/** A count (resumes, calls, …): a whole number cell, at least `min` (0 by default). */
export function parseCount(value: unknown, min = 0): CellParse<number> {
  const amount = parseAmount(value);
  if (amount.status !== 'ok') return amount;
  if (!Number.isInteger(amount.value)) return invalid('notInteger', String(amount.value));
  if (amount.value < min) return invalid('belowMinimum', String(amount.value), String(min));
  return amount;
}

/** Years a date of this workbook may fall in: catches "01.03.26" read as 1926, or 20026. */
export const MIN_YEAR = 2000;
export const MAX_YEAR = 2099;

/**
 * A date cell read as its calendar date in the spreadsheet's zone. Sheets turns what it
 * recognises as a date into a Date; text left in a date column is what it did not
 * recognise (e.g. 31.02.2026), so text is reported, not guessed.
 */
export function parseDateCell(value: unknown, zone: Zone): CellParse<LocalDate> {
  if (isBlank(value)) return { status: 'blank' };
  if (!isDate(value)) return invalid('notDate', cellText(value));
  const date = localDateOf(zone, value.getTime());
  if (date.year < MIN_YEAR || date.year > MAX_YEAR) return invalid('dateOutOfRange', String(date.year));
  return { status: 'ok', value: date };
}

/** A date-time cell as its instant (ms). */
export function parseDateTimeCell(value: unknown): CellParse<number> {
  if (isBlank(value)) return { status: 'blank' };
  if (!isDate(value)) return invalid('notDate', cellText(value));
  return { status: 'ok', value: value.getTime() };
}

/** A checkbox: ticked only when it holds TRUE (a text "TRUE"/"ИСТИНА" counts too). */
export function isTicked(value: unknown): boolean {
  if (value === true) return true;
  if (typeof value !== 'string') return false;
  const t = value.trim().toLowerCase();
  return t === 'true' || t === 'истина';
}

/**
 * Items of a list cell (Paid services, Job sites): separated by commas, semicolons or
 * line breaks; blanks dropped; repeats (ignoring case) kept once, first spelling wins.
 */
export function parseList(value: unknown): string[] {
  if (isBlank(value)) return [];
  const seen = new Set<string>();
  const items: string[] = [];
  for (const raw of cellText(value).split(/[,;\r\n]+/)) {
    const item = raw.trim().replace(/\s+/g, ' ');
    const key = item.toLowerCase();
    if (!item || seen.has(key)) continue;
    seen.add(key);
    items.push(item);
  }
  return items;
}

/** A one-of-a-list cell, by its label in either language or its key. */
export function parseChoiceCell(value: unknown, choices: readonly Choice[]): CellParse<Choice> {
  if (isBlank(value)) return { status: 'blank' };
  const text = cellText(value);
  const found = findChoice(choices, text);
  return found ? { status: 'ok', value: found } : invalid('notChoice', text);
}

/**
 * Weekdays like "Mon, Thu", "Пн, Чт", "по вторникам и пятницам", "пн–пт" or "1, 4" → ISO
 * numbers, sorted. Delegates to the schedule's reader so an agreement's weekdays and the
 * Settings value mean the same thing.
 */
export function parseWeekdays(value: unknown): CellParse<number[]> {
  if (isBlank(value)) return { status: 'blank' };
  const text = cellText(value);
  const parsed = parseSelectionWeekdays(text);
  return parsed.ok ? { status: 'ok', value: parsed.weekdays } : invalid('notWeekdays', text);
}

/** Digits of a phone number, or undefined when the text does not read as one (warnings only). */
export function phoneDigits(value: unknown): string | undefined {
  const text = cellText(value).replace(/\s*(?:доб\.?|ext\.?|x)\s*\d+$/i, '');
  if (!/^\+?[\d\s().\-\u00a0]+$/.test(text)) return undefined;
  const digits = text.replace(/\D/g, '');
  return digits.length >= 5 && digits.length <= 15 ? digits : undefined;
}

/** The least of `xs` (Infinity when empty); no spread: Math.min(...xs) overflows the stack on a paste of 100,000+ rows. */
export function minOf(xs: readonly number[]): number {
  let out = Infinity;
  for (const x of xs) if (x < out) out = x;
  return out;
}

/** The greatest of `xs` (-Infinity when empty); no spread (minOf). */
export function maxOf(xs: readonly number[]): number {
  let out = -Infinity;
  for (const x of xs) if (x > out) out = x;
  return out;
}
