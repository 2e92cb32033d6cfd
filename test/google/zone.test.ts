/** Zone offsets from transitions (issue 15): right everywhere, and asked of the service rarely. */
import { transitionOffsets } from '../../src/google/zone';
import { offsetMinutes } from '../../workspace/runtime/tz';

const ZONES = [
  'Europe/Moscow',
  'America/New_York',
  'Europe/London',
  'Australia/Lord_Howe', // a 30-minute DST
  'Asia/Kathmandu',
  'America/Santiago',
  'Pacific/Chatham',
  'Europe/Dublin', // negative DST in tzdata
  'Asia/Yekaterinburg',
  'Africa/Casablanca', // Ramadan suspensions, a month apart
  'UTC',
];

function counted(id: string): { lookup: (ms: number) => number; calls: () => number } {
  let n = 0;
  return {
    lookup: (ms) => {
      n++;
      return offsetMinutes(ms, id);
    },
    calls: () => n,
  };
}

describe('zone offsets from transitions', () => {
  test.each(ZONES)('%s: every instant of two years gets the offset Intl gives', (id) => {
    const c = counted(id);
    const offsetAt = transitionOffsets(c.lookup);
    const from = Date.parse('2026-01-01T00:00:00Z');
    // Every 97 minutes over two years (~10,800 instants, every minute of the hour hit), in a scrambled order.
    const instants = Array.from({ length: 10800 }, (_, i) => from + i * 97 * 60000);
    for (let i = instants.length - 1; i > 0; i--) {
      const j = (i * 7919) % (i + 1);
      [instants[i], instants[j]] = [instants[j], instants[i]];
    }
    const wrong = instants.filter((ms) => offsetAt(ms) !== offsetMinutes(ms, id));
    expect(wrong.map((ms) => new Date(ms).toISOString())).toEqual([]);
    // ~53 cell ends and ~16 probes per transition (4 in two years), not one per quarter-hour.
    expect(c.calls()).toBeLessThan(150);
  });

  test('the minutes around a DST change: the last minute before and the first after', () => {
    const offsetAt = transitionOffsets((ms) => offsetMinutes(ms, 'America/New_York'));
    const change = Date.parse('2026-03-08T07:00:00Z'); // 02:00 EST → 03:00 EDT
    expect(offsetAt(change - 1)).toBe(-300);
    expect(offsetAt(change)).toBe(-240);
    const back = Date.parse('2026-11-01T06:00:00Z'); // 02:00 EDT → 01:00 EST
    expect(offsetAt(back - 1)).toBe(-240);
    expect(offsetAt(back)).toBe(-300);
  });

  test('a tick planning 5,000 calls over 52 days asks a handful of times', () => {
    const c = counted('Europe/London');
    const offsetAt = transitionOffsets(c.lookup);
    const start = Date.parse('2026-10-01T07:00:00Z');
    for (let i = 0; i < 5000; i++) offsetAt(start + i * 15 * 60000);
    expect(c.calls()).toBeLessThanOrEqual(6 + 16);
  });
});
