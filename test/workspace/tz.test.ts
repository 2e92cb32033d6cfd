/**
 * The fakes' wall-time conversion (workspace/runtime/tz.ts instantOf) is their own code, not
 * the product's (src/core/time.ts instantAt): here both are checked against each other and
 * against the Temporal polyfill ("compatible" disambiguation: a repeated hour takes the
 * earlier instant, a gap moves forward by its length), at every transition of the zones below
 * and at wall times spread over decades. The product runs on the fakes' offsets (intlZone),
 * as it does in the local Workspace; Temporal reads the zone data on its own.
 */
import { Temporal } from '@js-temporal/polyfill';
import { instantAt } from '../../src/core/time';
import { instantFromSerial, instantOf, offsetMinutes, serialFromInstant } from '../../workspace/runtime/tz';
import { intlZone } from '../core/zone-fixture';

/**
 * The zones, plus a day skipped whole (Apia, 2011), a quarter-hour offset and a
 * 15-minute gap (Kathmandu, 1986) and a half-hour offset west of UTC (St John's); each with
 * the years whose transitions are checked (Moscow: the 1991-1992 changes, 2011's last change
 * forward, 2014's back).
 */
const ZONES: [string, number, number][] = [
  ['Europe/Moscow', 1989, 2016],
  ['Europe/Berlin', 2000, 2031],
  ['America/New_York', 2000, 2031],
  ['Asia/Kolkata', 1990, 2031],
  ['Australia/Lord_Howe', 2000, 2031],
  ['Pacific/Apia', 2009, 2022],
  ['Asia/Kathmandu', 1985, 1988],
  ['America/St_Johns', 2000, 2031],
];
const ZONE_IDS = ZONES.map(([zone]) => zone);
const MINUTE = 60000;

interface Wall {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

const wallOf = (wallAsUtc: number): Wall => {
  const d = new Date(wallAsUtc);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), hour: d.getUTCHours(), minute: d.getUTCMinutes() };
};
const show = (w: Wall) =>
  `${w.year}-${String(w.month).padStart(2, '0')}-${String(w.day).padStart(2, '0')} ${String(w.hour).padStart(2, '0')}:${String(w.minute).padStart(2, '0')}`;
const iso = (ms: number) => new Date(ms).toISOString();

const byFake = (zone: string, w: Wall) => instantOf(zone, w.year, w.month, w.day, w.hour, w.minute);
const byProduct = (zone: string, w: Wall) => instantAt(intlZone(zone), w, w.hour, w.minute);
const byTemporal = (zone: string, w: Wall) =>
  Temporal.ZonedDateTime.from({ timeZone: zone, ...w }, { disambiguation: 'compatible', overflow: 'reject' }).epochMilliseconds;

/** Wall times whose three answers differ, as readable lines (an empty list passes). */
function disagreements(zone: string, walls: Wall[]): string[] {
  return walls.flatMap((w) => {
    const [fake, product, temporal] = [byFake(zone, w), byProduct(zone, w), byTemporal(zone, w)];
    return fake === temporal && product === temporal
      ? []
      : [`${zone} ${show(w)}: fake ${iso(fake)}, product ${iso(product)}, Temporal ${iso(temporal)}`];
  });
}

/** Every offset change of the zone in [from, to), as Temporal knows them. */
function transitions(zone: string, fromYear: number, toYear: number): { at: number; before: number; after: number }[] {
  const end = Date.UTC(toYear, 0, 1);
  const found: { at: number; before: number; after: number }[] = [];
  let t: Temporal.ZonedDateTime | null = Temporal.ZonedDateTime.from({ timeZone: zone, year: fromYear, month: 1, day: 1 });
  while ((t = t.getTimeZoneTransition('next')) && t.epochMilliseconds < end) {
    const at = t.epochMilliseconds;
    const before = t.subtract({ nanoseconds: 1 }).offsetNanoseconds / 1e9 / 60;
    found.push({ at, before, after: t.offsetNanoseconds / 1e9 / 60 });
  }
  return found;
}

/** Wall times from 90 minutes before to 90 minutes after a transition, every 15 minutes, and a minute each side of both edges. */
function wallsAround(tr: { at: number; before: number; after: number }): Wall[] {
  const edges = [tr.at + tr.before * MINUTE, tr.at + tr.after * MINUTE];
  const [first, last] = [Math.min(...edges), Math.max(...edges)];
  const times = new Set<number>();
  for (let t = first - 90 * MINUTE; t <= last + 90 * MINUTE; t += 15 * MINUTE) times.add(t);
  for (const edge of edges) for (const d of [-1, 0, 1]) times.add(edge + d * MINUTE);
  return [...times].sort((a, b) => a - b).map(wallOf);
}

describe('wall time to instant: the fakes, the product and Temporal agree', () => {
  it.each(ZONES)('%s, at every transition from %i to %i', (zone, from, to) => {
    const list = transitions(zone, from, to);
    if (zone === 'Asia/Kolkata') expect(list).toEqual([]);
    else expect(list.length).toBeGreaterThan(0);
    expect(disagreements(zone, list.flatMap(wallsAround))).toEqual([]);
  });

  it.each(ZONE_IDS)('%s, at 400 wall times spread over 1970-2037', (zone) => {
    let seed = 13;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const walls = Array.from({ length: 400 }, () => wallOf(Date.UTC(1970, 0, 1) + Math.floor(next() * 68 * 365.25 * 1440) * MINUTE));
    expect(disagreements(zone, walls)).toEqual([]);
  });
});

describe('the readings, spelled out', () => {
  const at = (zone: string, y: number, mo: number, d: number, h: number, mi: number) => iso(instantOf(zone, y, mo, d, h, mi));

  it('a wall time in a gap moves forward by the gap', () => {
    expect(at('Europe/Berlin', 2024, 3, 31, 2, 30)).toBe('2024-03-31T01:30:00.000Z'); // 03:30 CEST
    expect(at('America/New_York', 2026, 3, 8, 2, 30)).toBe('2026-03-08T07:30:00.000Z'); // 03:30 EDT
    expect(at('Europe/Moscow', 2011, 3, 27, 2, 30)).toBe('2011-03-26T23:30:00.000Z'); // 03:30 MSK+4, the last change forward
    expect(at('Australia/Lord_Howe', 2024, 10, 6, 2, 15)).toBe('2024-10-05T15:45:00.000Z'); // 02:45 +11:00, a half-hour gap
  });

  it('a repeated wall time is the earlier instant', () => {
    expect(at('Europe/Berlin', 2024, 10, 27, 2, 30)).toBe('2024-10-27T00:30:00.000Z'); // still CEST
    expect(at('America/New_York', 2026, 11, 1, 1, 30)).toBe('2026-11-01T05:30:00.000Z'); // still EDT
    expect(at('Europe/Moscow', 2014, 10, 26, 1, 30)).toBe('2014-10-25T21:30:00.000Z'); // still +04:00
    expect(at('Australia/Lord_Howe', 2024, 4, 7, 1, 45)).toBe('2024-04-06T14:45:00.000Z'); // still +11:00
  });

  it('a zone without DST is a fixed offset', () => {
    expect(at('Asia/Kolkata', 2024, 6, 1, 9, 0)).toBe('2024-06-01T03:30:00.000Z');
    expect(at('Asia/Kolkata', 2024, 12, 1, 9, 0)).toBe('2024-12-01T03:30:00.000Z');
    expect(offsetMinutes(Date.UTC(2024, 5, 1), 'Asia/Kolkata')).toBe(330);
  });

  it('seconds and milliseconds are kept, and fields overflow as in Date.UTC', () => {
    expect(iso(instantOf('Europe/Moscow', 2026, 1, 15, 18, 0, 7, 250))).toBe('2026-01-15T15:00:07.250Z');
    expect(iso(instantOf('Europe/Moscow', 2026, 1, 32, 0, 0))).toBe('2026-01-31T21:00:00.000Z'); // 1 February
  });

  it('a Sheets serial number is the wall time: back to the same instant, or the earlier of a repeated hour', () => {
    for (const [zone] of ZONES) {
      for (const tr of transitions(zone, 2024, 2025)) {
        for (const instant of [tr.at - 30 * MINUTE, tr.at - 1, tr.at, tr.at + 30 * MINUTE]) {
          const wall = Temporal.Instant.fromEpochMilliseconds(instant).toZonedDateTimeISO(zone).toPlainDateTime();
          const expected = wall.toZonedDateTime(zone, { disambiguation: 'earlier' }).epochMilliseconds;
          const back = instantFromSerial(serialFromInstant(instant, zone), zone);
          expect({ zone, instant: iso(instant), back: iso(back) }).toEqual({ zone, instant: iso(instant), back: iso(expected) });
        }
      }
    }
  });
});
