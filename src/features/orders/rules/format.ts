/** Dates, times and sums as the workbook's people read them (ru / en). */
import { Localized } from './messages';
import { LocalDate, WallClock } from '../../../core/time';
import { Locale } from '../../../core/schema';

export function dateParam(d: LocalDate): Localized {
  return { ru: formatDate(d, 'ru'), en: formatDate(d, 'en') };
}

/** A wall time in the spreadsheet's zone as "01.12.2026 14:05" / "2026-12-01 14:05". */
export function formatDateTime(w: WallClock, locale: Locale): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${formatDate(w, locale)} ${p(w.hour)}:${p(w.minute)}`;
}

export function formatDate(d: LocalDate, locale: Locale): string {
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  return locale === 'ru' ? `${p(d.day)}.${p(d.month)}.${p(d.year, 4)}` : `${p(d.year, 4)}-${p(d.month)}-${p(d.day)}`;
}

/** 150000.5 → "150 000,50" (ru, no-break spaces) or "150,000.50" (en); whole sums without decimals. */
export function formatMoney(amount: number, locale: Locale): string {
  const fixed = Number.isInteger(amount) ? String(amount) : amount.toFixed(2);
  const [int, frac] = fixed.split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, locale === 'ru' ? '\u00a0' : ',');
  return frac === undefined ? grouped : `${grouped}${locale === 'ru' ? ',' : '.'}${frac}`;
}
