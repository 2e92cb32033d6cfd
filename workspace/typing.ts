/**
 * What a cell holds after a person types text into it, as Google Sheets parses input:
 * numbers, booleans, dates and date-times (in the spreadsheet's zone and locale) become
 * typed values; a cell formatted as plain text ("@") keeps the text as typed; a leading
 * apostrophe forces text. Used by `reglament edit`, which writes cells as a person would.
 */
import { instantOf } from './tz';

export interface TypedInput {
  value: string | number | boolean | Date;
  /** Number format Sheets applies when it recognises a date or time. */
  numberFormat?: string;
}

const TRUE_WORDS = new Set(['true', 'истина']);
const FALSE_WORDS = new Set(['false', 'ложь']);

export function typeInput(text: string, options: { timeZone: string; locale: string; plainText?: boolean }): TypedInput {
  if (options.plainText) return { value: text };
  if (text.startsWith("'")) return { value: text.slice(1) };
  const trimmed = text.trim();
  if (trimmed === '') return { value: '' };
  const lower = trimmed.toLowerCase();
  if (TRUE_WORDS.has(lower)) return { value: true };
  if (FALSE_WORDS.has(lower)) return { value: false };
  const number = parseNumber(trimmed, options.locale);
  if (number !== null) return { value: number };
  const date = parseDateTime(trimmed, options.timeZone, options.locale);
  if (date) return date;
  return { value: text };
}

function parseNumber(text: string, locale: string): number | null {
  const ru = locale.toLowerCase().startsWith('ru');
  // Sheets in a Russian locale takes a comma as the decimal mark; a point works in both.
  const normalized = ru ? text.replace(/\s/g, '').replace(',', '.') : text.replace(/,/g, '');
  if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(normalized)) return null;
  return Number(normalized);
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
const DMY = /^(\d{1,2})\.(\d{1,2})\.(\d{4})(?: (\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
const MDY = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?: (\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;

function parseDateTime(text: string, timeZone: string, locale: string): TypedInput | null {
  let m = ISO.exec(text);
  let parts: number[] | null = null;
  if (m) parts = [m[1], m[2], m[3], m[4], m[5], m[6]].map((x) => Number(x ?? 0));
  else if ((m = DMY.exec(text))) parts = [m[3], m[2], m[1], m[4], m[5], m[6]].map((x) => Number(x ?? 0));
  else if (!locale.toLowerCase().startsWith('ru') && (m = MDY.exec(text)))
    parts = [m[3], m[1], m[2], m[4], m[5], m[6]].map((x) => Number(x ?? 0));
  if (!parts || !m) return null;
  const [y, mo, d, h, mi, s] = parts;
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 59) return null;
  const check = new Date(Date.UTC(y, mo - 1, d));
  if (check.getUTCMonth() !== mo - 1) return null; // 31.02 is text, as in Sheets
  const hasTime = m[4] !== undefined;
  const ru = locale.toLowerCase().startsWith('ru');
  const dateFormat = ru ? 'dd.MM.yyyy' : 'yyyy-MM-dd';
  return {
    value: new Date(instantOf(timeZone, y, mo, d, h, mi, s)),
    numberFormat: hasTime ? `${dateFormat} HH:mm` : dateFormat,
  };
}

/** Parses the CLI's --now: an ISO instant with offset, or a wall time read in `timeZone`. */
export function parseInstant(text: string, timeZone: string): Date {
  const withZone = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;
  if (withZone.test(text)) return new Date(text);
  const m = ISO.exec(text);
  if (m) {
    const [y, mo, d, h, mi, s] = [m[1], m[2], m[3], m[4], m[5], m[6]].map((x) => Number(x ?? 0));
    const check = new Date(Date.UTC(y, mo - 1, d));
    if (check.getUTCMonth() === mo - 1 && h < 24 && mi < 60 && s < 60) {
      return new Date(instantOf(timeZone, y, mo, d, h, mi, s));
    }
  }
  throw new Error(`not a date-time: "${text}" (use ISO 8601, e.g. 2026-11-23T09:00 or 2026-11-23T09:00+03:00)`);
}
