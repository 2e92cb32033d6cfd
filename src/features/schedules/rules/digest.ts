/**
 * What a daily digest holds, said in its subject: «2 отчёта до 18:00, 1 согласование HR
 * ждёт» / "2 reports due by 18:00, 1 HR agreement waiting" — a count per kind, in the order
 * the kinds matter, with Russian plural forms. Pure.
 */
import { Locale } from '../../../core/schema';
import { wallClockOf, Zone } from '../../../core/time';

export type DigestKind = 'kindReport' | 'kindHrAnswer' | 'kindHandOff' | 'kindHrReceipt' | 'kindCallComment' | 'kindContract';

export interface SummaryItem {
  kind: string;
  dueMs?: number;
  overdue: boolean;
}

/** Russian plural: 1 отчёт, 2 отчёта, 5 отчётов; 11–14 take the "many" form. */
export function ruForm(n: number, one: string, few: string, many: string): string {
  const n10 = n % 10;
  const n100 = n % 100;
  if (n10 === 1 && n100 !== 11) return one;
  if (n10 >= 2 && n10 <= 4 && (n100 < 12 || n100 > 14)) return few;
  return many;
}

type Phrase = (n: number) => string;

const PHRASES: Record<DigestKind, Record<Locale, Phrase>> = {
  kindReport: {
    ru: (n) => `${n} ${ruForm(n, 'отчёт', 'отчёта', 'отчётов')}`,
    en: (n) => `${n} ${n === 1 ? 'report' : 'reports'}`,
  },
  kindHrAnswer: {
    ru: (n) => `${n} ${ruForm(n, 'согласование HR ждёт', 'согласования HR ждут', 'согласований HR ждут')}`,
    en: (n) => `${n} HR ${n === 1 ? 'agreement' : 'agreements'} waiting`,
  },
  kindHandOff: {
    ru: (n) => `${n} ${ruForm(n, 'передача ждёт', 'передачи ждут', 'передач ждут')}`,
    en: (n) => `${n} ${n === 1 ? 'hand-off' : 'hand-offs'} waiting`,
  },
  kindHrReceipt: {
    ru: (n) => `${n} ${ruForm(n, 'заказ не принят HR', 'заказа не приняты HR', 'заказов не приняты HR')}`,
    en: (n) => `${n} ${n === 1 ? 'order' : 'orders'} not received by HR`,
  },
  kindCallComment: {
    ru: (n) => `${n} ${ruForm(n, 'звонок без комментария', 'звонка без комментария', 'звонков без комментария')}`,
    en: (n) => `${n} ${n === 1 ? 'call' : 'calls'} without a comment`,
  },
  kindContract: {
    ru: (n) => `${n} ${ruForm(n, 'срок по договору', 'срока по договору', 'сроков по договору')}`,
    en: (n) => `${n} contract ${n === 1 ? 'deadline' : 'deadlines'}`,
  },
};

const ORDER = Object.keys(PHRASES) as DigestKind[];

const p2 = (n: number) => String(n).padStart(2, '0');

/** «до 18:00» when every calling report of the digest is due today at the same time and none is late. */
function reportsBy(items: SummaryItem[], zone: Zone, locale: Locale): string {
  const times = new Set(
    items.map((i) => {
      if (i.dueMs === undefined || i.overdue) return '';
      const w = wallClockOf(zone, i.dueMs);
      return `${p2(w.hour)}:${p2(w.minute)}`;
    }),
  );
  if (times.size !== 1) {
    const late = items.filter((i) => i.overdue).length;
    if (late === 0) return '';
    return locale === 'en' ? ` (${late} overdue)` : ` (${late} ${ruForm(late, 'просрочен', 'просрочены', 'просрочены')})`;
  }
  const [time] = [...times];
  if (!time) return '';
  return locale === 'en' ? ` due by ${time}` : ` до ${time}`;
}

/** The subject's summary: each kind's count, most pressing kinds first. */
export function digestSummary(items: SummaryItem[], zone: Zone, locale: Locale): string {
  const parts: string[] = [];
  for (const kind of ORDER) {
    const mine = items.filter((i) => i.kind === kind);
    if (mine.length === 0) continue;
    parts.push(PHRASES[kind][locale](mine.length) + (kind === 'kindReport' ? reportsBy(mine, zone, locale) : ''));
  }
  return parts.join(', ');
}
