/**
 * Cell values as Google Sheets keeps them: numbers, strings and booleans; dates and times are
 * serial numbers (days since 1899-12-30) shown through a date number format, read back by
 * getValues as Dates in the SPREADSHEET's time zone — so changing that zone changes the
 * instants returned, as on Google.
 *
 * Writes follow "user entered" semantics, as Range.setValue does: a string is parsed the way
 * the spreadsheet's locale would parse typing (numbers with the locale's decimal mark, TRUE /
 * FALSE, ISO and locale dates, times); "=…" is a formula; a leading apostrophe forces text; a
 * cell formatted as plain text ("@") keeps strings as they are.
 * https://developers.google.com/apps-script/reference/spreadsheet/range#setvaluevalue
 * https://developers.google.com/sheets/api/guides/formats (number and date format tokens)
 *
 * Not reproduced: every locale's input grammar (only ISO, dd.MM.yyyy for ru_* and M/d/yyyy
 * for en_US, d/M/yyyy otherwise, integers/decimals, percents); currency parsing; formula
 * evaluation (see FORMULA_VALUE).
 */
import { instantFromSerial, serialFromInstant } from '../../runtime/tz';
import { MAX_CELL_CHARS, MSG } from './messages';

export type Stored = number | string | boolean;

/** What a formula cell reads as: the fake cannot compute formulas (unless a file brought a cached result). */
export const FORMULA_VALUE = '#ERROR!';

/** Google's answer to getNumberFormat() for a cell never formatted ("automatic"). */
export const AUTOMATIC_FORMAT = '0.###############';
export const TEXT_FORMAT = '@';

export function isDateValue(v: unknown): v is Date {
  return Object.prototype.toString.call(v) === '[object Date]';
}

interface LocaleInfo {
  decimal: string;
  group: string;
  date: string;
  dateTime: string;
  time: string;
  intl: string;
}

/** Default formats Sheets applies to dates typed or set in a locale (ru_RU, en_US, others). */
export function localeInfo(locale: string): LocaleInfo {
  const intl = locale.replace('_', '-');
  if (locale.startsWith('ru'))
    return { decimal: ',', group: '\u00a0', date: 'dd.MM.yyyy', dateTime: 'dd.MM.yyyy H:mm:ss', time: 'H:mm:ss', intl };
  if (locale === 'en_US' || locale === 'en')
    return { decimal: '.', group: ',', date: 'M/d/yyyy', dateTime: 'M/d/yyyy H:mm:ss', time: 'h:mm:ss am/pm', intl };
  return { decimal: '.', group: ',', date: 'dd/MM/yyyy', dateTime: 'dd/MM/yyyy HH:mm:ss', time: 'HH:mm:ss', intl };
}

/** True if a number format shows a date or time (tokens d, m, y, h, s outside quotes). */
export function isDateFormat(format: string | undefined): boolean {
  if (!format || format === TEXT_FORMAT || format === AUTOMATIC_FORMAT) return false;
  const bare = format.replace(/"[^"]*"|\\.|\[[^\]]*\]/g, '');
  return /[dmyhs]/i.test(bare) && !/^general$/i.test(bare);
}

const EPOCH_UTC = Date.UTC(1899, 11, 30);

/** Serial of a wall-clock date/time (no zone involved: serials ARE wall time). */
function serialOfWall(y: number, mo: number, d: number, h = 0, mi = 0, s = 0): number | null {
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 59) return null;
  const ms = Date.UTC(y, mo - 1, d, h, mi, s);
  const back = new Date(ms);
  if (back.getUTCDate() !== d) return null; // 31.02 is not a date
  return (ms - EPOCH_UTC) / 86400000;
}

export interface Written {
  value?: Stored; // undefined: empty
  formula?: string;
  /** A format the write imposes (dates get one when the cell has no date format). */
  format?: string;
}

/** Converts what a script passes to setValue into what the cell stores. */
export function toStored(
  input: unknown,
  cellFormat: string | undefined,
  locale: string,
  timeZone: string,
  fail: (message: string) => Error,
): Written {
  if (input === null || input === undefined || input === '') return {};
  if (typeof input === 'boolean') return { value: input };
  if (typeof input === 'number') return Number.isFinite(input) ? { value: input } : { value: String(input) };
  if (isDateValue(input)) {
    const ms = input.getTime();
    if (Number.isNaN(ms)) return { value: 'Invalid Date' };
    const format = isDateFormat(cellFormat) ? undefined : localeInfo(locale).dateTime;
    return { value: serialFromInstant(ms, timeZone), format };
  }
  const text = typeof input === 'string' ? input : String(input);
  if (text.length > MAX_CELL_CHARS) throw fail(MSG.cellTooLong);
  if (cellFormat === TEXT_FORMAT) return { value: text };
  if (text.startsWith("'")) return text.length > 1 ? { value: text.slice(1) } : {};
  if (text.startsWith('=') && text.length > 1) return { formula: text, value: FORMULA_VALUE };
  return parseTyped(text, cellFormat, locale);
}

/** Parses typed text as Sheets would in `locale`; unparseable text stays text. */
export function parseTyped(text: string, cellFormat: string | undefined, locale: string): Written {
  const info = localeInfo(locale);
  const t = text.trim();
  if (/^(true|false)$/i.test(t)) return { value: t.toLowerCase() === 'true' };
  if (locale.startsWith('ru') && /^(истина|ложь)$/i.test(t)) return { value: t.toLowerCase() === 'истина' };
  const dec = info.decimal === ',' ? ',' : '\\.';
  const num = new RegExp(`^([+-]?)(\\d+)(?:${dec}(\\d+))?(%?)$`).exec(t);
  if (num) {
    const n = Number(`${num[1]}${num[2]}${num[3] ? '.' + num[3] : ''}`);
    if (num[4]) return { value: n / 100, format: cellFormat ? undefined : num[3] ? '0.00%' : '0%' };
    return { value: n };
  }
  const keepDate = isDateFormat(cellFormat);
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(t);
  const local = locale.startsWith('ru')
    ? /^(\d{1,2})\.(\d{1,2})\.(\d{4})(?: (\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(t)
    : /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?: (\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(t);
  let parts: number[] | null = null;
  if (iso) parts = [+iso[1], +iso[2], +iso[3], +(iso[4] ?? 0), +(iso[5] ?? 0), +(iso[6] ?? 0)];
  else if (local) {
    const [a, b] = [+local[1], +local[2]];
    const [month, day] = locale === 'en_US' || locale === 'en' ? [a, b] : [b, a];
    parts = [+local[3], month, day, +(local[4] ?? 0), +(local[5] ?? 0), +(local[6] ?? 0)];
  }
  if (parts) {
    const serial = serialOfWall(parts[0], parts[1], parts[2], parts[3], parts[4], parts[5]);
    const hasTime = Boolean((iso ?? local)?.[4]);
    if (serial !== null) return { value: serial, format: keepDate ? undefined : hasTime ? info.dateTime : info.date };
  }
  const time = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(t);
  if (time) {
    const h = +time[1];
    const m = +time[2];
    const s = +(time[3] ?? 0);
    if (h < 24 && m < 60 && s < 60) return { value: (h * 3600 + m * 60 + s) / 86400, format: keepDate ? undefined : info.time };
  }
  return { value: text };
}

/** What getValue(s) returns for a stored cell. */
export function fromStored(value: Stored | undefined, format: string | undefined, timeZone: string, makeDate: (ms: number) => Date): unknown {
  if (value === undefined) return '';
  if (typeof value === 'number' && isDateFormat(format)) return makeDate(instantFromSerial(value, timeZone));
  return value;
}

/** What getDisplayValue(s) returns: the value as the sheet shows it through its number format. */
export function displayOf(value: Stored | undefined, format: string | undefined, locale: string): string {
  if (value === undefined) return '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'string') return value;
  if (isDateFormat(format)) return formatSerial(value, format as string, locale);
  return formatNumber(value, format, locale);
}

export function formatNumber(n: number, format: string | undefined, locale: string): string {
  const info = localeInfo(locale);
  if (!format || format === AUTOMATIC_FORMAT || format === TEXT_FORMAT || /^general$/i.test(format)) {
    const s = String(Number(n.toPrecision(15)));
    return s.replace('.', info.decimal);
  }
  const section = format.split(';')[n < 0 && format.includes(';') ? 1 : 0] ?? format;
  const m = /[#0?][#0?,]*(?:\.[#0?]*)?/.exec(section);
  if (!m) return String(n);
  const literal = (s: string) =>
    s
      .replace(/"([^"]*)"/g, '$1')
      .replace(/\\(.)/g, '$1')
      .replace(/_.|\*./g, '');
  const prefix = literal(section.slice(0, m.index));
  const suffix = literal(section.slice(m.index + m[0].length));
  const [intPart, frac = ''] = m[0].split('.');
  const v = Math.abs(n) * (section.includes('%') ? 100 : 1);
  const maxDec = frac.length;
  const minDec = (frac.match(/0/g) ?? []).length;
  let digits = v.toFixed(maxDec);
  if (maxDec > minDec) digits = digits.replace(new RegExp(`0{1,${maxDec - minDec}}$`), '').replace(/\.$/, '');
  const [first, fraction] = digits.split('.');
  let whole = first;
  const minInt = (intPart.match(/0/g) ?? []).length;
  whole = whole.replace(/^0+(?=\d)/, '');
  if (whole === '0' && minInt === 0 && fraction) whole = '';
  whole = whole.padStart(minInt, '0');
  if (intPart.includes(',')) whole = whole.replace(/\B(?=(\d{3})+(?!\d))/g, info.group);
  const sign = n < 0 && !format.includes(';') && v !== 0 ? '-' : '';
  return `${sign}${prefix}${whole}${fraction ? info.decimal + fraction : ''}${suffix}`;
}

/**
 * Formats a serial through a Sheets date/time format: y, m (month, or minutes after h /
 * before s), d, h, s, am/pm, quoted text. Month and weekday names come from Intl in the
 * spreadsheet's locale.
 */
export function formatSerial(serial: number, format: string, locale: string): string {
  const ms = Math.round(EPOCH_UTC + serial * 86400000);
  const d = new Date(ms);
  const intl = localeInfo(locale).intl;
  const tokens = format.match(/"[^"]*"|\\.|y+|m+|d+|h+|s+|am\/pm|a\/p|\.0+|[^"\\ymdhsa.]+|./gi) ?? [];
  const twelve = tokens.some((t) => /^(am\/pm|a\/p)$/i.test(t));
  const kinds = tokens.map((t) => t[0].toLowerCase());
  const name = (opts: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat(intl, { ...opts, timeZone: 'UTC' }).format(d);
  const pad = (n: number, w: number) => String(n).padStart(w, '0');
  return tokens
    .map((t, i) => {
      const k = kinds[i];
      const len = t.length;
      if (t.startsWith('"')) return t.slice(1, -1);
      if (t.startsWith('\\')) return t.slice(1);
      if (/^(am\/pm|a\/p)$/i.test(t)) return d.getUTCHours() < 12 ? 'AM' : 'PM';
      if (/^\.0+$/.test(t)) return '.' + pad(d.getUTCMilliseconds(), 3).slice(0, len - 1);
      if (k === 'y') return len <= 2 ? pad(d.getUTCFullYear() % 100, 2) : String(d.getUTCFullYear());
      if (k === 'd') {
        if (len === 1) return String(d.getUTCDate());
        if (len === 2) return pad(d.getUTCDate(), 2);
        return name({ weekday: len === 3 ? 'short' : 'long' });
      }
      if (k === 'h') {
        const h = twelve ? d.getUTCHours() % 12 || 12 : d.getUTCHours();
        return len >= 2 ? pad(h, 2) : String(h);
      }
      if (k === 's') return len >= 2 ? pad(d.getUTCSeconds(), 2) : String(d.getUTCSeconds());
      if (k === 'm') {
        const prev = kinds
          .slice(0, i)
          .reverse()
          .find((x) => 'ydhs'.includes(x));
        const next = kinds.slice(i + 1).find((x) => 'ydhms'.includes(x));
        const minutes = len <= 2 && (prev === 'h' || next === 's');
        if (minutes) return len === 2 ? pad(d.getUTCMinutes(), 2) : String(d.getUTCMinutes());
        if (len === 1) return String(d.getUTCMonth() + 1);
        if (len === 2) return pad(d.getUTCMonth() + 1, 2);
        if (len === 3) return name({ month: 'short' });
        if (len === 5) return name({ month: 'long' }).charAt(0);
        return name({ month: 'long' });
      }
      return t;
    })
    .join('');
}

const NAMED_COLORS: Record<string, string> = {
  black: '#000000',
  white: '#ffffff',
  red: '#ff0000',
  green: '#008000',
  lime: '#00ff00',
  blue: '#0000ff',
  yellow: '#ffff00',
  orange: '#ffa500',
  gray: '#808080',
  grey: '#808080',
  silver: '#c0c0c0',
  purple: '#800080',
  pink: '#ffc0cb',
  cyan: '#00ffff',
  magenta: '#ff00ff',
};

/** Colors as getBackground() returns them: lower-case "#rrggbb" (CSS names and "#rgb" accepted). */
export function normalizeColor(color: string): string {
  const c = String(color).trim().toLowerCase();
  if (NAMED_COLORS[c]) return NAMED_COLORS[c];
  const short = /^#([0-9a-f])([0-9a-f])([0-9a-f])$/.exec(c);
  if (short) return `#${short[1]}${short[1]}${short[2]}${short[2]}${short[3]}${short[3]}`;
  return c;
}
