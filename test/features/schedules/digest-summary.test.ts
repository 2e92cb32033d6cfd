import { digestSummary, ruForm } from '../../../src/features/schedules/rules/digest';
import { Zone } from '../../../src/core/time';

const MSK: Zone = { id: 'Europe/Moscow', offsetAt: () => 180 };
const at = (iso: string) => Date.parse(iso);

describe('the digest subject says what is in it', () => {
  test('reports due at one time, an HR answer waiting (the issue’s example)', () => {
    const items = [
      { kind: 'kindReport', dueMs: at('2026-11-26T15:00:00Z'), overdue: false },
      { kind: 'kindHrAnswer', overdue: false },
      { kind: 'kindReport', dueMs: at('2026-11-26T15:00:00Z'), overdue: false },
    ];
    expect(digestSummary(items, MSK, 'ru')).toBe('2 отчёта до 18:00, 1 согласование HR ждёт');
    expect(digestSummary(items, MSK, 'en')).toBe('2 reports due by 18:00, 1 HR agreement waiting');
  });

  test('late reports are counted as such; plural forms follow Russian rules', () => {
    const late = [
      { kind: 'kindReport', dueMs: at('2026-11-25T15:00:00Z'), overdue: true },
      { kind: 'kindReport', dueMs: at('2026-11-26T15:00:00Z'), overdue: false },
    ];
    expect(digestSummary(late, MSK, 'ru')).toBe('2 отчёта (1 просрочен)');
    const calls = Array.from({ length: 5 }, () => ({ kind: 'kindCallComment', overdue: false }));
    expect(digestSummary(calls, MSK, 'ru')).toBe('5 звонков без комментария');
    expect([1, 2, 5, 11, 21, 22, 112].map((n) => ruForm(n, 'a', 'b', 'c'))).toEqual(['a', 'b', 'c', 'c', 'a', 'b', 'c']);
  });
});
