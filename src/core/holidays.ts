/**
 * The Holidays rows Setup pre-fills (docs/DOMAIN.md §4.2, issue 6): Russian non-working holidays, the
 * art. 112 carry rule and the government's transfer decrees. A person edits the tab after.
 *
 * Labour Code of the Russian Federation, art. 112 part 1: non-working holidays are 1–6 and
 * 8 January (New Year holidays), 7 January (Christmas), 23 February, 8 March, 1 May, 9 May,
 * 12 June, 4 November. Part 2: when a weekend day coincides with a holiday, the day off moves
 * to the next working day after the holiday — except for the January holidays (paragraphs 2
 * and 3 of part 1); for those the government moves two of the days off to other dates of the
 * year by its annual decree ("постановление о переносе выходных дней"), which may also move
 * other days off and make Saturdays working.
 *
 * Decree data below was checked against the published production calendars (searched
 * 2026-11; government announcements reprinted by ТАСС/РИА/vz.ru, 4dk.ru production
 * calendar, cntd.ru):
 * - 2024: Постановление Правительства РФ от 10.08.2023 № 1314 — 6 Jan (Sat) → 10 May,
 *   7 Jan (Sun) → 31 Dec, 27 Apr (Sat) → 29 Apr, 2 Nov (Sat) → 30 Apr, 28 Dec (Sat) → 30 Dec.
 *   Production calendar: 248 working days.
 * - 2025: Постановление Правительства РФ от 04.10.2024 № 1335 — 4 Jan (Sat) → 2 May,
 *   5 Jan (Sun) → 31 Dec, 23 Feb (Sun) → 8 May, 8 Mar (Sat) → 13 Jun, 1 Nov (Sat) → 3 Nov.
 *   Production calendar: 247 working days.
 * - 2026: Постановление Правительства РФ от 24.09.2025 № 1466 — 3 Jan (Sat) → 9 Jan (Fri),
 *   4 Jan (Sun) → 31 Dec (Thu). 8 March (Sun) and 9 May (Sat) carry by art. 112 to 9 March
 *   and 11 May. No working Saturdays. Production calendar: 247 working days, 118 days off;
 *   days off 31.12.2025–11.01.2026, 21–23 Feb, 7–9 Mar, 1–3 May, 9–11 May, 12–14 Jun,
 *   4 Nov, 31 Dec. (The "3 January → 9 January, 4 January → 31 December" matches.)
 *
 * Limits: for any other year (2027 onward: its decree was not published in the sources
 * searched; a draft mentioned 5 Nov off and Saturday 13 Nov working) only the statutory days
 * and the automatic art. 112 carry are generated — the January weekend days are NOT moved,
 * since only a decree can say where. Years before 2024 get the same rule-based rows. Regional
 * holidays (e.g. in Tatarstan) and shortened pre-holiday days are not modelled; shortened
 * days are still working days. When a decree is published, add it to DECREES or edit the tab.
 */
import { Locale } from './schema';
import { dayNumber, fromDayNumber, LocalDate } from './time';
import { HolidayRow, weekdayOfDayNumber } from './workdays';

interface Named {
  ru: string;
  en: string;
}

const NEW_YEAR: Named = { ru: 'Новогодние каникулы', en: 'New Year holidays' };

/** Art. 112 part 1, in date order. */
export const STATUTORY_HOLIDAYS: readonly { month: number; day: number; name: Named }[] = [
  ...[1, 2, 3, 4, 5, 6].map((day) => ({ month: 1, day, name: NEW_YEAR })),
  { month: 1, day: 7, name: { ru: 'Рождество Христово', en: 'Orthodox Christmas' } },
  { month: 1, day: 8, name: NEW_YEAR },
  { month: 2, day: 23, name: { ru: 'День защитника Отечества', en: 'Defender of the Fatherland Day' } },
  { month: 3, day: 8, name: { ru: 'Международный женский день', en: "International Women's Day" } },
  { month: 5, day: 1, name: { ru: 'Праздник Весны и Труда', en: 'Spring and Labour Day' } },
  { month: 5, day: 9, name: { ru: 'День Победы', en: 'Victory Day' } },
  { month: 6, day: 12, name: { ru: 'День России', en: 'Russia Day' } },
  { month: 11, day: 4, name: { ru: 'День народного единства', en: 'Unity Day' } },
];

export interface Transfer {
  /** A weekend day that is a holiday, or a Saturday that becomes a working day. */
  from: LocalDate;
  /** The weekday that becomes a day off instead. */
  to: LocalDate;
}

export interface Decree {
  year: number;
  act: Named;
  transfers: readonly Transfer[];
}

const d = (year: number, month: number, day: number): LocalDate => ({ year, month, day });
const tr = (year: number, from: [number, number], to: [number, number]): Transfer => ({
  from: d(year, from[0], from[1]),
  to: d(year, to[0], to[1]),
});

export const DECREES: readonly Decree[] = [
  {
    year: 2024,
    act: { ru: 'постановление Правительства РФ от 10.08.2023 № 1314', en: 'Government Decree No. 1314 of 10.08.2023' },
    transfers: [
      tr(2024, [1, 6], [5, 10]),
      tr(2024, [1, 7], [12, 31]),
      tr(2024, [4, 27], [4, 29]),
      tr(2024, [11, 2], [4, 30]),
      tr(2024, [12, 28], [12, 30]),
    ],
  },
  {
    year: 2025,
    act: { ru: 'постановление Правительства РФ от 04.10.2024 № 1335', en: 'Government Decree No. 1335 of 04.10.2024' },
    transfers: [
      tr(2025, [1, 4], [5, 2]),
      tr(2025, [1, 5], [12, 31]),
      tr(2025, [2, 23], [5, 8]),
      tr(2025, [3, 8], [6, 13]),
      tr(2025, [11, 1], [11, 3]),
    ],
  },
  {
    year: 2026,
    act: { ru: 'постановление Правительства РФ от 24.09.2025 № 1466', en: 'Government Decree No. 1466 of 24.09.2025' },
    transfers: [tr(2026, [1, 3], [1, 9]), tr(2026, [1, 4], [12, 31])],
  },
];

export function decreeFor(year: number): Decree | undefined {
  return DECREES.find((x) => x.year === year);
}

const fmt = (date: LocalDate, locale: Locale): string =>
  locale === 'en'
    ? `${date.day} ${['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][date.month - 1]}`
    : `${String(date.day).padStart(2, '0')}.${String(date.month).padStart(2, '0')}`;

const isWeekend = (n: number) => weekdayOfDayNumber(n) >= 6;

/** The rows for one year, sorted by date. */
export function holidayRowsForYear(year: number, locale: Locale = 'ru'): HolidayRow[] {
  const decree = decreeFor(year);
  const act = decree ? decree.act[locale] : '';
  const off = new Map<number, HolidayRow>(); // day number → row
  const working = new Map<number, HolidayRow>();

  for (const h of STATUTORY_HOLIDAYS) {
    const date = d(year, h.month, h.day);
    off.set(dayNumber(date), { date, name: h.name[locale], workingDay: false });
  }

  const decreeFrom = new Map<number, Transfer>();
  for (const t of decree?.transfers ?? []) {
    decreeFrom.set(dayNumber(t.from), t);
    const fromN = dayNumber(t.from);
    const toName = (src: string) => (locale === 'en' ? `Day off moved from ${src} (${act})` : `Выходной, перенесённый с ${src} (${act})`);
    off.set(dayNumber(t.to), { date: t.to, name: toName(fmt(t.from, locale)), workingDay: false });
    if (!off.has(fromN)) {
      // A plain Saturday given up for the day off: it becomes a working day.
      const name =
        locale === 'en'
          ? `Working day (day off moved to ${fmt(t.to, locale)}, ${act})`
          : `Рабочий день (выходной перенесён на ${fmt(t.to, locale)}, ${act})`;
      working.set(fromN, { date: t.from, name, workingDay: true });
    }
  }

  // Art. 112 part 2: a non-January holiday on a weekend carries to the next working day,
  // unless the decree moved that day off elsewhere.
  const isOff = (n: number) => (isWeekend(n) && !working.has(n)) || off.has(n);
  for (const h of STATUTORY_HOLIDAYS) {
    if (h.month === 1) continue;
    const n = dayNumber(d(year, h.month, h.day));
    if (!isWeekend(n) || decreeFrom.has(n)) continue;
    let target = n + 1;
    while (isOff(target)) target++;
    const date = fromDayNumber(target);
    const src = fmt(d(year, h.month, h.day), locale);
    off.set(target, {
      date,
      name: locale === 'en' ? `Day off moved from ${src} (Labour Code art. 112)` : `Выходной, перенесённый с ${src} (ст. 112 ТК РФ)`,
      workingDay: false,
    });
  }

  return [...off.entries(), ...working.entries()].sort((a, b) => a[0] - b[0]).map(([, row]) => row);
}

/** Default Holidays rows for fromYear..toYear inclusive (at most 50 years). */
export function defaultHolidayRows(fromYear: number, toYear: number, locale: Locale = 'ru'): HolidayRow[] {
  if (!Number.isInteger(fromYear) || !Number.isInteger(toYear) || toYear < fromYear || toYear - fromYear > 50) {
    throw new RangeError(`Holiday years out of range: ${fromYear}..${toYear}`);
  }
  const rows: HolidayRow[] = [];
  for (let y = fromYear; y <= toYear; y++) rows.push(...holidayRowsForYear(y, locale));
  return rows;
}
