import {
  anchorOf,
  ExistingSelection,
  Plan,
  PlanContext,
  PlannedSelection,
  planMany,
  planSelections,
  replan,
  replanOrder,
} from '../../../src/features/schedules/rules/schedule';
import { formatWeekdays, parseClockTime, parseSelectionWeekdays } from '../../../src/core/weekdays';
import { defaultHolidayRows } from '../../../src/core/holidays';
import { WorkCalendar } from '../../../src/core/workdays';
import { formatLocalDate, instantAt, LocalDate, Zone } from '../../../src/core/time';
import { intlZone } from '../../core/zone-fixture';

const D = (iso: string): LocalDate => {
  const [y, m, d] = iso.split('-').map(Number);
  return { year: y, month: m, day: d };
};
const MON_THU = [1, 4];
const moscow = intlZone('Europe/Moscow');
const newYork = intlZone('America/New_York');
const russian = new WorkCalendar(defaultHolidayRows(2025, 2027));
const ctxMoscow: PlanContext = { calendar: russian, zone: moscow };

/** The instant the zone's clock shows "YYYY-MM-DD HH:mm". */
const at = (zone: Zone, text: string): number => {
  const [date, time] = text.split(' ');
  const [h, m] = time.split(':').map(Number);
  return instantAt(zone, D(date), h, m);
};
/** [selection, calling] pairs. */
const pairs = (plan: Plan) => plan.rows.map((r) => [formatLocalDate(r.selectionDate), formatLocalDate(r.callingDate)]);
const utc = (ms: number) => new Date(ms).toISOString();

describe('the first selection is on the 2nd working day after HR received the order', () => {
  const plan = (received: string, paidTo = '2026-05-29', ctx = ctxMoscow) =>
    planSelections({ receivedAt: at(ctx.zone, received), paidTo: D(paidTo), terms: { weekdays: MON_THU } }, ctx);

  test('received Monday morning → first selection Wednesday, calling Thursday', () => {
    const p = plan('2026-04-06 10:00');
    expect(formatLocalDate(p.receivedOn)).toBe('2026-04-06');
    expect(pairs(p)[0]).toEqual(['2026-04-08', '2026-04-09']);
  });

  test('received Friday morning → Tuesday; the Thursday after it is 2 working days later, so it is taken', () => {
    expect(pairs(plan('2026-04-10 09:00')).slice(0, 3)).toEqual([
      ['2026-04-14', '2026-04-15'],
      ['2026-04-16', '2026-04-17'],
      ['2026-04-20', '2026-04-21'],
    ]);
  });

  test('received Friday evening after 18:00 counts as received Monday → Wednesday', () => {
    const p = plan('2026-04-10 19:30');
    expect(formatLocalDate(p.receivedOn)).toBe('2026-04-13');
    expect(pairs(p)[0]).toEqual(['2026-04-15', '2026-04-16']);
  });

  test('received on Sunday counts as received Monday → Wednesday; Thursday is too close, next is Monday', () => {
    expect(pairs(plan('2026-04-12 11:00')).slice(0, 2)).toEqual([
      ['2026-04-15', '2026-04-16'],
      ['2026-04-20', '2026-04-21'],
    ]);
  });

  test('a receipt entered as a bare date (midnight) counts as that working day', () => {
    expect(pairs(plan('2026-04-06 00:00'))[0]).toEqual(['2026-04-08', '2026-04-09']);
  });
});

describe('selections follow the selection weekdays, at least 2 working days apart, until the paid period ends', () => {
  test('an ordinary fortnight: Wednesday, then Monday and Thursday; report due 18:00 Moscow on the calling day', () => {
    const p = planSelections({ receivedAt: at(moscow, '2026-04-06 10:00'), paidTo: D('2026-04-24'), terms: { weekdays: MON_THU } }, ctxMoscow);
    expect(pairs(p)).toEqual([
      ['2026-04-08', '2026-04-09'],
      ['2026-04-13', '2026-04-14'],
      ['2026-04-16', '2026-04-17'],
      ['2026-04-20', '2026-04-21'],
      ['2026-04-23', '2026-04-24'],
    ]);
    expect(p.rows.map((r) => r.number)).toEqual([1, 2, 3, 4, 5]);
    expect(utc(p.rows[0].reportDue)).toBe('2026-04-09T15:00:00.000Z');
    expect(p.problems).toEqual([]);
  });

  test('a paid period ending midweek: no selection after the last paid day, the last calling may follow it', () => {
    const p = planSelections({ receivedAt: at(moscow, '2026-04-06 10:00'), paidTo: D('2026-04-22'), terms: { weekdays: MON_THU } }, ctxMoscow);
    expect(pairs(p).slice(-1)).toEqual([['2026-04-20', '2026-04-21']]);
    const q = planSelections({ receivedAt: at(moscow, '2026-04-06 10:00'), paidTo: D('2026-04-20'), terms: { weekdays: MON_THU } }, ctxMoscow);
    expect(pairs(q).slice(-1)).toEqual([['2026-04-20', '2026-04-21']]);
  });

  test('a paid period ending before the first selection plans nothing and says why', () => {
    const p = planSelections({ receivedAt: at(moscow, '2026-04-06 10:00'), paidTo: D('2026-04-07'), terms: { weekdays: MON_THU } }, ctxMoscow);
    expect(p.rows).toEqual([]);
    expect(p.problems.map((x) => x.code)).toEqual(['paidPeriodBeforeFirstSelection']);
  });

  test('a holiday midweek: received Monday 2 November, Wednesday 4 November is off → first selection Thursday', () => {
    const p = planSelections({ receivedAt: at(moscow, '2026-11-02 10:00'), paidTo: D('2026-11-13'), terms: { weekdays: MON_THU } }, ctxMoscow);
    expect(pairs(p)).toEqual([
      ['2026-11-05', '2026-11-06'],
      ['2026-11-09', '2026-11-10'],
      ['2026-11-12', '2026-11-13'],
    ]);
  });

  test('a selection Monday that is a holiday moves to Tuesday, and Thursday still follows', () => {
    // 23 February 2026 is a Monday holiday.
    const p = planSelections({ receivedAt: at(moscow, '2026-02-16 10:00'), paidTo: D('2026-02-27'), terms: { weekdays: MON_THU } }, ctxMoscow);
    expect(pairs(p)).toEqual([
      ['2026-02-18', '2026-02-19'],
      ['2026-02-24', '2026-02-25'],
      ['2026-02-26', '2026-02-27'],
    ]);
  });

  test('a calling day over a long weekend: selection Thursday 11 June → calling Monday 15 June (12 June is Russia Day)', () => {
    const p = planSelections({ receivedAt: at(moscow, '2026-06-05 10:00'), paidTo: D('2026-06-11'), terms: { weekdays: MON_THU } }, ctxMoscow);
    expect(pairs(p)).toEqual([
      ['2026-06-09', '2026-06-10'],
      ['2026-06-11', '2026-06-15'],
    ]);
    expect(utc(p.rows[1].reportDue)).toBe('2026-06-15T15:00:00.000Z');
  });

  test('the New Year holidays: received Monday 29 December 2025 → first selection Monday 12 January', () => {
    const p = planSelections({ receivedAt: at(moscow, '2025-12-29 10:00'), paidTo: D('2026-01-19'), terms: { weekdays: MON_THU } }, ctxMoscow);
    expect(pairs(p)).toEqual([
      ['2026-01-12', '2026-01-13'],
      ['2026-01-15', '2026-01-16'],
      ['2026-01-19', '2026-01-20'],
    ]);
  });

  test('received the evening of Tuesday 30 December 2025 counts from 12 January → first selection Wednesday 14 January', () => {
    const p = planSelections({ receivedAt: at(moscow, '2025-12-30 18:00'), paidTo: D('2026-01-23'), terms: { weekdays: MON_THU } }, ctxMoscow);
    expect(formatLocalDate(p.receivedOn)).toBe('2026-01-12');
    expect(pairs(p)).toEqual([
      ['2026-01-14', '2026-01-15'],
      ['2026-01-19', '2026-01-20'],
      ['2026-01-22', '2026-01-23'],
    ]);
  });

  test('a transferred working Saturday (1 November 2025) is a selection day and a calling day like any other', () => {
    // Received Thursday 30 Oct: Fri 31 Oct (1st), Sat 1 Nov (2nd). 3–4 Nov are off.
    const p = planSelections({ receivedAt: at(moscow, '2025-10-30 10:00'), paidTo: D('2025-11-10'), terms: { weekdays: MON_THU } }, ctxMoscow);
    expect(pairs(p)).toEqual([
      ['2025-11-01', '2025-11-05'],
      ['2025-11-06', '2025-11-07'],
      ['2025-11-10', '2025-11-11'],
    ]);
    const q = planSelections({ receivedAt: at(moscow, '2025-10-29 10:00'), paidTo: D('2025-10-31'), terms: { weekdays: MON_THU } }, ctxMoscow);
    expect(pairs(q)).toEqual([['2025-10-31', '2025-11-01']]);
  });

  test('individual terms of one selection a week, on Wednesdays', () => {
    const p = planSelections({ receivedAt: at(moscow, '2026-04-06 10:00'), paidTo: D('2026-04-30'), terms: { weekdays: [3] } }, ctxMoscow);
    expect(pairs(p).map(([s]) => s)).toEqual(['2026-04-08', '2026-04-15', '2026-04-22', '2026-04-29']);
  });

  test('individual terms with an agreed first selection date use it, then the agreed weekday', () => {
    const p = planSelections(
      { receivedAt: at(moscow, '2026-04-06 10:00'), paidTo: D('2026-04-30'), terms: { weekdays: [3], firstSelectionDate: D('2026-04-07') } },
      ctxMoscow,
    );
    // Tuesday 7th, then Wednesday 8th is only 1 working day later → Wednesday 15th.
    expect(pairs(p).map(([s]) => s)).toEqual(['2026-04-07', '2026-04-15', '2026-04-22', '2026-04-29']);
  });

  test('an agreed first date before HR received the order is reported and Table 1 applies', () => {
    const p = planSelections(
      { receivedAt: at(moscow, '2026-04-06 10:00'), paidTo: D('2026-04-10'), terms: { weekdays: MON_THU, firstSelectionDate: D('2026-04-01') } },
      ctxMoscow,
    );
    expect(pairs(p)[0]).toEqual(['2026-04-08', '2026-04-09']);
    expect(p.problems.map((x) => x.code)).toEqual(['agreedFirstDateBeforeReceipt']);
  });

  test('no selection before the paid period starts', () => {
    const p = planSelections(
      { receivedAt: at(moscow, '2026-04-06 10:00'), paidFrom: D('2026-04-11'), paidTo: D('2026-04-17'), terms: { weekdays: MON_THU } },
      ctxMoscow,
    );
    expect(pairs(p)).toEqual([
      ['2026-04-13', '2026-04-14'],
      ['2026-04-16', '2026-04-17'],
    ]);
    expect(p.problems.map((x) => x.code)).toEqual(['firstSelectionMovedToPaidPeriod']);
  });

  test('the Report deadline setting sets the hour the report is due', () => {
    const p = planSelections(
      { receivedAt: at(moscow, '2026-04-06 10:00'), paidTo: D('2026-04-08'), terms: { weekdays: MON_THU } },
      { ...ctxMoscow, reportDeadline: { hour: 17, minute: 30 } },
    );
    expect(utc(p.rows[0].reportDue)).toBe('2026-04-09T14:30:00.000Z');
  });
});

describe('in a zone with DST the dates and the 18:00 deadline follow the local clock', () => {
  const ctxNY: PlanContext = { calendar: new WorkCalendar([]), zone: newYork };

  test('report due 18:00 local is 23:00 UTC before the March change and 22:00 UTC after', () => {
    const p = planSelections({ receivedAt: at(newYork, '2026-03-03 10:00'), paidTo: D('2026-03-12'), terms: { weekdays: MON_THU } }, ctxNY);
    expect(pairs(p)).toEqual([
      ['2026-03-05', '2026-03-06'],
      ['2026-03-09', '2026-03-10'],
      ['2026-03-12', '2026-03-13'],
    ]);
    expect(p.rows.map((r) => utc(r.reportDue))).toEqual(['2026-03-06T23:00:00.000Z', '2026-03-10T22:00:00.000Z', '2026-03-13T22:00:00.000Z']);
  });

  test('Friday 17:30 in New York is before the end of the working day; 18:30 is after it', () => {
    const early = planSelections(
      { receivedAt: Date.parse('2026-03-06T22:30:00Z'), paidTo: D('2026-03-20'), terms: { weekdays: MON_THU } },
      ctxNY,
    );
    const late = planSelections(
      { receivedAt: Date.parse('2026-03-06T23:30:00Z'), paidTo: D('2026-03-20'), terms: { weekdays: MON_THU } },
      ctxNY,
    );
    expect(pairs(early)[0]).toEqual(['2026-03-10', '2026-03-11']);
    expect(pairs(late)[0]).toEqual(['2026-03-11', '2026-03-12']);
  });

  test('the same instant is a Saturday night in Moscow, and 9 March is a Russian holiday', () => {
    const p = planSelections(
      { receivedAt: Date.parse('2026-03-06T22:30:00Z'), paidTo: D('2026-03-20'), terms: { weekdays: MON_THU } },
      ctxMoscow,
    );
    expect(formatLocalDate(p.receivedOn)).toBe('2026-03-10');
    expect(pairs(p)[0]).toEqual(['2026-03-12', '2026-03-13']);
  });

  test('the autumn change: 18:00 on Friday 30 October is 22:00 UTC, on Tuesday 3 November 23:00 UTC', () => {
    const p = planSelections({ receivedAt: at(newYork, '2026-10-27 10:00'), paidTo: D('2026-11-02'), terms: { weekdays: MON_THU } }, ctxNY);
    expect(pairs(p)).toEqual([
      ['2026-10-29', '2026-10-30'],
      ['2026-11-02', '2026-11-03'],
    ]);
    expect(p.rows.map((r) => utc(r.reportDue))).toEqual(['2026-10-30T22:00:00.000Z', '2026-11-03T23:00:00.000Z']);
  });
});

describe('re-planning keeps what is done and changes the rest minimally', () => {
  const input = { receivedAt: at(moscow, '2026-04-06 10:00'), paidTo: D('2026-04-24'), terms: { weekdays: MON_THU } };
  const asExisting = (rows: PlannedSelection[], doneUpTo: number): ExistingSelection[] =>
    rows.map((r) => ({ ...r, done: r.number <= doneUpTo }));
  const original = planSelections(input, ctxMoscow).rows; // 8, 13, 16, 20, 23 April

  test('the same inputs change nothing', () => {
    const { changes } = replanOrder(asExisting(original, 2), input, ctxMoscow);
    expect(changes).toEqual({ keep: [1, 2, 3, 4, 5], add: [], update: [], remove: [] });
  });

  test('a longer paid period adds rows after the last one', () => {
    const { changes } = replanOrder(asExisting(original, 2), { ...input, paidTo: D('2026-04-30') }, ctxMoscow);
    expect(changes.keep).toEqual([1, 2, 3, 4, 5]);
    expect(changes.add.map((r) => [r.number, formatLocalDate(r.selectionDate)])).toEqual([
      [6, '2026-04-27'],
      [7, '2026-04-30'],
    ]);
  });

  test('a shorter paid period removes the rows after it', () => {
    const { changes } = replanOrder(asExisting(original, 1), { ...input, paidTo: D('2026-04-17') }, ctxMoscow);
    expect(changes).toEqual({ keep: [1, 2, 3], add: [], update: [], remove: [4, 5] });
  });

  test('a later receipt date keeps the done row and moves only what is not done', () => {
    const existing = asExisting(original, 1);
    const { changes } = replanOrder(existing, { ...input, receivedAt: at(moscow, '2026-04-09 10:00') }, ctxMoscow);
    // From scratch the first selection would be 13 April; #1 (8 April) is done, and 13 April is
    // already #2, so the rows after it do not move.
    expect(changes.keep).toEqual([1, 2, 3, 4, 5]);
    // With nothing done every row follows the new receipt date.
    const none = replanOrder(asExisting(original, 0), { ...input, receivedAt: at(moscow, '2026-04-09 10:00') }, ctxMoscow).changes;
    expect(none.update.map((r) => [r.number, formatLocalDate(r.selectionDate)])).toEqual([
      [1, '2026-04-13'],
      [2, '2026-04-16'],
      [3, '2026-04-20'],
      [4, '2026-04-23'],
    ]);
    expect(none.remove).toEqual([5]);
  });

  test('new agreed terms (Wednesdays only) re-plan after the last done selection', () => {
    const { changes } = replanOrder(asExisting(original, 2), { ...input, terms: { weekdays: [3] } }, ctxMoscow);
    expect(changes.keep).toEqual([1, 2]);
    expect(changes.update.map((r) => [r.number, formatLocalDate(r.selectionDate), formatLocalDate(r.callingDate)])).toEqual([
      [3, '2026-04-15', '2026-04-16'],
      [4, '2026-04-22', '2026-04-23'],
    ]);
    expect(changes.remove).toEqual([5]);
  });

  test('a done row stays even when the new plan would not have it', () => {
    const existing = asExisting(original, 0).map((r) => (r.number === 3 ? { ...r, done: true } : r));
    const { changes } = replanOrder(existing, { ...input, paidTo: D('2026-04-10') }, ctxMoscow);
    // #1 and #2 are before the done #3: history, untouched. #4 and #5 go.
    expect(changes).toEqual({ keep: [1, 2, 3], add: [], update: [], remove: [4, 5] });
  });

  test('a changed report deadline updates the rows not yet done', () => {
    const { changes } = replanOrder(asExisting(original, 4), input, { ...ctxMoscow, reportDeadline: { hour: 17, minute: 0 } });
    expect(changes.keep).toEqual([1, 2, 3, 4]);
    expect(changes.update.map((r) => [r.number, utc(r.reportDue)])).toEqual([[5, '2026-04-24T14:00:00.000Z']]);
  });

  test('the anchor is the last done selection', () => {
    expect(anchorOf(asExisting(original, 0))).toBeUndefined();
    expect(anchorOf(asExisting(original, 3))).toEqual({ number: 3, selectionDate: D('2026-04-16') });
  });

  test('replan on plain data: rows numbered by the plan are matched by number', () => {
    const plan = planSelections({ ...input, after: anchorOf(asExisting(original, 2)) }, ctxMoscow).rows;
    expect(replan(asExisting(original, 2), plan).keep).toEqual([1, 2, 3, 4, 5]);
  });
});

describe('the Selection weekdays setting', () => {
  test.each([
    ['Mon, Thu', [1, 4]],
    ['пн, чт', [1, 4]],
    ['Monday Thursday', [1, 4]],
    ['1,4', [1, 4]],
    ['ПН; ЧТ', [1, 4]],
    ['Thu, Mon, mon', [1, 4]],
    ['по понедельникам и четвергам', [1, 4]],
    ['ср', [3]],
    ['Mon-Fri', [1, 2, 3, 4, 5]],
    ['пн – ср', [1, 2, 3]],
    ['вт.', [2]],
  ])('"%s" reads as %j', (text, expected) => {
    expect(parseSelectionWeekdays(text)).toEqual({ ok: true, weekdays: expected });
  });

  test('an unknown word is a clear error naming it, in both languages', () => {
    const r = parseSelectionWeekdays('Mon, Thurzday');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.problem.code).toBe('weekdayUnknown');
      expect(r.problem.en).toContain('"thurzday"');
      expect(r.problem.ru).toContain('«thurzday»');
    }
  });

  test('0 and 8 are not weekdays; an empty value is an error', () => {
    expect(parseSelectionWeekdays('0, 4').ok).toBe(false);
    expect(parseSelectionWeekdays('8').ok).toBe(false);
    const empty = parseSelectionWeekdays('  ');
    expect(empty.ok === false && empty.problem.code).toBe('weekdaysEmpty');
  });

  test('weekdays are written back in the locale', () => {
    expect(formatWeekdays([1, 4], 'en')).toBe('Mon, Thu');
    expect(formatWeekdays([1, 4], 'ru')).toBe('пн, чт');
  });
});

describe('the Report deadline setting', () => {
  test('"18:00", "9:30" and "17.45" read; "25:00" and "six" do not', () => {
    expect(parseClockTime('18:00')).toEqual({ ok: true, time: { hour: 18, minute: 0 } });
    expect(parseClockTime('9:30')).toEqual({ ok: true, time: { hour: 9, minute: 30 } });
    expect(parseClockTime('17.45')).toEqual({ ok: true, time: { hour: 17, minute: 45 } });
    expect(parseClockTime('25:00').ok).toBe(false);
    const bad = parseClockTime('six');
    expect(bad.ok === false && bad.problem.code).toBe('clockInvalid');
  });

  test('a time cell (a Date) reads as its wall clock in the zone', () => {
    expect(parseClockTime(new Date('2026-01-01T15:00:00Z'), moscow)).toEqual({ ok: true, time: { hour: 18, minute: 0 } });
  });
});

describe('planning many orders', () => {
  test('planMany plans each order as planSelections does', () => {
    const inputs = [0, 1, 2].map((i) => ({
      receivedAt: at(moscow, `2026-04-0${6 + i} 10:00`),
      paidTo: D('2026-12-31'),
      terms: { weekdays: MON_THU },
    }));
    const many = planMany(inputs, ctxMoscow);
    expect(many.map((p) => p.rows)).toEqual(inputs.map((i) => planSelections(i, ctxMoscow).rows));
    // Twice a week for ~9 months.
    expect(many[0].rows.length).toBeGreaterThan(70);
  });
});

describe('a mistyped year in "Paid to"', () => {
  test('stops at 600 selections and says so instead of filling the sheet', () => {
    const p = planSelections({ receivedAt: at(moscow, '2026-04-06 10:00'), paidTo: D('2062-04-30'), terms: { weekdays: MON_THU } }, ctxMoscow);
    expect(p.rows.length).toBe(600);
    expect(p.problems.map((x) => x.code)).toEqual(['paidPeriodTooLong']);
  });
});
