import { describeOffset, formatOffsets, parseOffsets, reminderOffsets } from '../../../src/features/calls/rules/offsets';
import { defaultSettings } from '../../../src/core/settings';

describe('reminder offsets are read from Settings text', () => {
  test.each([
    ['15m', [15]],
    ['1d, 20m', [20, 1440]],
    ['1 день, 20 мин', [20, 1440]],
    ['2h', [120]],
    ['1h 30m', [90]],
    ['20m; 1d', [20, 1440]],
    ['1 день и 20 минут', [20, 1440]],
    ['1 неделя', [10080]],
    ['45', [45]],
    ['0m', [0]],
    ['4w', [40320]],
  ])('"%s" means %j minutes before the call', (text, minutes) => {
    expect(parseOffsets(text)).toEqual({ minutes, problems: [] });
  });

  test('a number typed in the cell is minutes', () => {
    expect(parseOffsets(15).minutes).toEqual([15]);
  });

  test('the list comes out sorted and without duplicates', () => {
    expect(parseOffsets('1d, 20m, 20 мин, 2h').minutes).toEqual([20, 120, 1440]);
  });

  test('an empty value means no reminders, without a problem', () => {
    expect(parseOffsets('')).toEqual({ minutes: [], problems: [] });
  });

  test('an unreadable item is reported by name and the rest is kept', () => {
    const r = parseOffsets('20m, soon');
    expect(r.minutes).toEqual([20]);
    expect(r.problems.map((p) => p.code)).toEqual(['offsetsUnreadable']);
    expect(r.problems[0].en).toContain('"soon"');
    expect(r.problems[0].ru).toContain('«soon»');
  });

  test('an unknown unit is unreadable, not guessed', () => {
    expect(parseOffsets('3 years').problems[0].code).toBe('offsetsUnreadable');
  });

  test('Calendar allows 0–40320 minutes: 5 weeks is out of range', () => {
    const r = parseOffsets('5w');
    expect(r.minutes).toEqual([]);
    expect(r.problems[0].code).toBe('offsetsOutOfRange');
    expect(r.problems[0].en).toContain('50400');
  });

  test('Calendar allows at most 5 overrides', () => {
    const r = parseOffsets('5m, 10m, 15m, 20m, 30m, 1h');
    expect(r.problems.map((p) => p.code)).toEqual(['offsetsTooMany']);
    expect(r.problems[0].en).toContain('6 reminders');
  });
});

describe('reminder offsets per call type (docs/DOMAIN.md §6.2)', () => {
  test('the defaults: First call 15 min; Interview 20 min; Repeat and Introductory 1 day and 20 min', () => {
    const r = reminderOffsets(defaultSettings());
    expect(r.byType).toEqual({ first: [15], interview: [20], repeat: [20, 1440], intro: [20, 1440] });
    expect(r.problems).toEqual([]);
  });

  test('a changed setting is used', () => {
    const r = reminderOffsets({ ...defaultSettings(), reminderInterview: '1h, 10m' });
    expect(r.byType.interview).toEqual([10, 60]);
  });

  test('a setting with a problem falls back to its default and says so', () => {
    const r = reminderOffsets({ ...defaultSettings(), reminderRepeatCall: '1d, 20 mins, later' }, 'en');
    expect(r.byType.repeat).toEqual([20, 1440]);
    expect(r.problems.map((p) => p.code)).toEqual(['offsetsUnreadable', 'offsetsDefaultUsed']);
    expect(r.problems[1].en).toBe('"Reminder offsets: Repeat call": the value is not accepted; the default reminders (1d, 20m) are used.');
  });
});

describe('offsets as text', () => {
  test('formatting reads back to the same minutes', () => {
    expect(formatOffsets([20, 1440], 'en')).toBe('1d, 20m');
    expect(formatOffsets([20, 1440], 'ru')).toBe('1 д, 20 мин');
    expect(formatOffsets([90], 'en')).toBe('1h 30m');
    for (const locale of ['ru', 'en'] as const) {
      expect(parseOffsets(formatOffsets([15, 90, 1460], locale)).minutes).toEqual([15, 90, 1460]);
    }
  });

  test('words for an e-mail, with Russian plural forms', () => {
    expect(describeOffset(20, 'ru')).toBe('20 минут');
    expect(describeOffset(21, 'ru')).toBe('21 минута');
    expect(describeOffset(22, 'ru')).toBe('22 минуты');
    expect(describeOffset(11, 'ru')).toBe('11 минут');
    expect(describeOffset(1440, 'ru')).toBe('1 день');
    expect(describeOffset(1440 * 2 + 120, 'ru')).toBe('2 дня 2 часа');
    expect(describeOffset(1, 'en')).toBe('1 minute');
    expect(describeOffset(1460, 'en')).toBe('1 day 20 minutes');
  });
});
