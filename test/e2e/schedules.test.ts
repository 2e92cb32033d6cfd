/**
 * Issue 6, points 1–3 end to end on the bundle: working days from the Holidays tab, the
 * Selections schedule of a handed-off order (planned, re-planned, done rows kept) and the
 * HR calendar events with the HR specialist invited. Berlin: a zone other than Moscow,
 * with the end of summer time (25 October 2026) inside the paid period.
 */
import { Harness } from './harness';
import { handedOff, HR, HR2, iso, selections, workbook, SALES } from './schedules-fixture';

const day = (v: unknown) => iso(v).slice(0, 10);
/** A Selections row as [No., selection day, calling day] — Berlin midnight is 22:00/23:00 UTC the day before. */
function plan(h: Harness): Array<[number, string, string]> {
  return selections(h).map((r) => [r['No.'] as number, berlinDay(r['Selection date']), berlinDay(r['Calling date'])]);
}
function berlinDay(v: unknown): string {
  const d = new Date(new Date(iso(v)).getTime() + 3 * 3600000); // midnight Berlin + 3 h is the same calendar day in UTC
  return d.toISOString().slice(0, 10);
}
function liveEvents(h: Harness) {
  return h.ws.calendar.events().filter((e) => e.extendedProperties?.private?.reglamentKey);
}
function keysOf(h: Harness): string[] {
  return liveEvents(h)
    .map((e) => String(e.extendedProperties!.private!.reglamentKey))
    .sort();
}

describe('Holidays: Setup pre-fills the Russian production calendar, a person edits it', () => {
  test("this year and the next are filled once; re-running setup neither duplicates nor overwrites a person's rows", async () => {
    const h = await workbook();
    try {
      const rows = h.rows('Holidays');
      const dates = rows.map((r) => day(new Date(new Date(iso(r['Date'])).getTime() + 3 * 3600000)));
      // 2026: New Year 1–8 Jan, 9 Jan and 31 Dec by the decree, 9 March and 11 May carried by art. 112.
      for (const d of [
        '2026-01-01',
        '2026-01-08',
        '2026-01-09',
        '2026-02-23',
        '2026-03-09',
        '2026-05-11',
        '2026-06-12',
        '2026-11-04',
        '2026-12-31',
        '2027-01-07',
      ])
        expect(dates).toContain(d);
      // 14 statutory days, 2 moved by the decree, 2 carried by art. 112.
      expect(dates.filter((d) => d.startsWith('2026'))).toHaveLength(18);
      expect(dates.filter((d) => d.startsWith('2027')).length).toBeGreaterThanOrEqual(14);
      // A person renames a holiday and adds a company day off.
      h.edit('Holidays', 2, { Name: 'Новый год (наш)' }, h.ws.owner);
      h.edit('Holidays', 'new', { Date: '2026-10-23', Name: 'Company day off', 'Working day?': 'FALSE' }, h.ws.owner);
      const before = h.rows('Holidays');
      expect(h.ws.invoke('setupWorkbook', { kind: 'editor' }).ok).toBe(true);
      expect(h.rows('Holidays')).toEqual(before);
      expect(before[0]['Name']).toBe('Новый год (наш)');
    } finally {
      h.close();
    }
  });
});

describe('Selections: the schedule of a handed-off order, from HR receipt to the end of the paid period', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await workbook();
  });
  afterEach(() => h.close());

  test('nothing is planned before HR receives the order; receipt plans every selection, calling day and 18:00 deadline in the zone, across the clock change', () => {
    const row = handedOff(h, '');
    expect(selections(h)).toHaveLength(0);
    h.edit('Orders', row, { 'HR received': '2026-10-19 10:00' }, HR);
    // Received Monday → first selection Wednesday; then Mon/Thu at least 2 working days apart;
    // 4 November (Unity Day) is not a working day; nothing after Paid to (6 November).
    expect(plan(h)).toEqual([
      [1, '2026-10-21', '2026-10-22'],
      [2, '2026-10-26', '2026-10-27'],
      [3, '2026-10-29', '2026-10-30'],
      [4, '2026-11-02', '2026-11-03'],
      [5, '2026-11-05', '2026-11-06'],
    ]);
    const rows = selections(h);
    // 18:00 in Berlin: summer time (UTC+2) before 25 October, winter time (UTC+1) after.
    expect(iso(rows[0]['Report due'])).toBe('2026-10-22T16:00:00.000Z');
    expect(iso(rows[1]['Report due'])).toBe('2026-10-27T17:00:00.000Z');
    expect(
      rows.every((r) => r['Order ID'] === 'ORD-2026-0001' && r['HR specialist'] === HR && r['Done'] === false && r['Problems'] === ''),
    ).toBe(true);
    expect(h.rows('Log').some((l) => l['Action'] === 'Selection schedule updated' && l['Row key'] === 'ORD-2026-0001')).toBe(true);
  });

  test('days off added on the Holidays tab move the open selections; a Saturday marked working counts as a working day', () => {
    handedOff(h, '2026-10-19 10:00');
    h.edit('Holidays', 'new', { Date: '2026-10-26', Name: 'Company day off', 'Working day?': 'FALSE' }, h.ws.owner);
    expect(plan(h)).toEqual([
      [1, '2026-10-21', '2026-10-22'],
      [2, '2026-10-27', '2026-10-28'],
      [3, '2026-10-29', '2026-10-30'],
      [4, '2026-11-02', '2026-11-03'],
      [5, '2026-11-05', '2026-11-06'],
    ]);
    h.edit('Holidays', 'new', { Date: '2026-10-29', Name: 'Company day off', 'Working day?': 'FALSE' }, h.ws.owner);
    expect(plan(h)).toEqual([
      [1, '2026-10-21', '2026-10-22'],
      [2, '2026-10-27', '2026-10-28'],
      [3, '2026-10-30', '2026-11-02'],
      [4, '2026-11-05', '2026-11-06'],
    ]);
    h.edit('Holidays', 'new', { Date: '2026-10-31', Name: 'Working Saturday', 'Working day?': 'TRUE' }, h.ws.owner);
    expect(plan(h)).toEqual([
      [1, '2026-10-21', '2026-10-22'],
      [2, '2026-10-27', '2026-10-28'],
      [3, '2026-10-30', '2026-10-31'],
      [4, '2026-11-02', '2026-11-03'],
      [5, '2026-11-05', '2026-11-06'],
    ]);
  });

  test('a new Report deadline in Settings moves every open report deadline (and the calling-day events say so)', () => {
    handedOff(h, '2026-10-19 10:00');
    h.edit('Settings', 8, { Value: '17:30' }, h.ws.owner);
    expect(iso(selections(h)[0]['Report due'])).toBe('2026-10-22T15:30:00.000Z');
    expect(iso(selections(h)[4]['Report due'])).toBe('2026-11-06T16:30:00.000Z');
    const calling = liveEvents(h).find((e) => e.extendedProperties!.private!.reglamentKey === 'ORD-2026-0001|1|calling')!;
    expect(calling.summary).toContain('report by 17:30');
  });

  test('changing the receipt, the paid period or the HR specialist re-plans the rows not done and keeps the done ones', () => {
    const row = handedOff(h, '2026-10-19 10:00');
    h.edit('Selections', 2, { Done: 'TRUE' }, HR, '2026-10-21T17:00');
    // HR corrects the receipt to Wednesday: #1 is done and stays; the rest continue after it.
    h.edit('Orders', row, { 'HR received': '2026-10-21 10:00' }, HR);
    expect(plan(h)).toEqual([
      [1, '2026-10-21', '2026-10-22'],
      [2, '2026-10-23', '2026-10-26'],
      [3, '2026-10-29', '2026-10-30'],
      [4, '2026-11-02', '2026-11-03'],
      [5, '2026-11-05', '2026-11-06'],
    ]);
    expect(selections(h)[0]['Done']).toBe(true);
    // A shorter paid period drops the selections after it.
    h.edit('Orders', row, { 'Paid to': '2026-10-30' }, SALES);
    expect(plan(h).map((r) => r[0])).toEqual([1, 2, 3]);
    // Another HR specialist: the open rows follow, the done one keeps who did it.
    h.edit('Orders', row, { 'HR specialist': HR2 }, SALES);
    expect(selections(h).map((r) => r['HR specialist'])).toEqual([HR, HR2, HR2]);
  });

  test('a paid period ending before the first selection plans nothing and says why in the Log', () => {
    handedOff(h, '2026-10-19 10:00', { 'Paid to': '2026-10-20', 'Publication to': '2026-10-20' });
    expect(selections(h)).toHaveLength(0);
    const log = h.rows('Log').find((l) => l['Action'] === 'No selection schedule');
    expect(String(log?.['Details'])).toContain('before the first selection');
  });

  test('individual terms: the weekdays and first date HR agreed drive the schedule, and a new agreement re-plans it', () => {
    h.edit('Orders', 'new', { ...orderFields(), Terms: 'Individual' }, SALES, '2026-10-19T09:30');
    h.edit(
      'HR agreements',
      'new',
      {
        'Order ID': 'ORD-2026-0001',
        'Requested by': SALES,
        'Expected resumes': '30',
        'Expected calls': '25',
        Risks: 'none',
        'Selection weekdays': 'Tue, Fri',
        'First selection date': '2026-10-23',
      },
      SALES,
    );
    h.edit('HR agreements', 2, { Answer: 'Agreed' }, HR);
    h.edit('Orders', 2, { 'Hand off': 'TRUE' }, SALES);
    h.edit('Orders', 2, { 'HR received': '2026-10-19 10:00' }, HR);
    expect(plan(h)).toEqual([
      [1, '2026-10-23', '2026-10-26'],
      [2, '2026-10-27', '2026-10-28'],
      [3, '2026-10-30', '2026-11-02'],
      [4, '2026-11-03', '2026-11-05'],
      [5, '2026-11-06', '2026-11-09'],
    ]);
    // HR agrees other weekdays on a new request: the open rows are re-planned.
    h.edit(
      'HR agreements',
      'new',
      {
        'Order ID': 'ORD-2026-0001',
        'Requested by': SALES,
        'Expected resumes': '30',
        'Expected calls': '25',
        Risks: 'none',
        'Selection weekdays': 'Mon, Thu',
      },
      SALES,
    );
    expect(plan(h)[1]).toEqual([2, '2026-10-27', '2026-10-28']); // still pending: what was agreed stands
    h.edit('HR agreements', 3, { Answer: 'Agreed' }, HR);
    expect(plan(h)).toEqual([
      [1, '2026-10-21', '2026-10-22'],
      [2, '2026-10-26', '2026-10-27'],
      [3, '2026-10-29', '2026-10-30'],
      [4, '2026-11-02', '2026-11-03'],
      [5, '2026-11-05', '2026-11-06'],
    ]);
  });
});

function orderFields(): Record<string, string> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded lazily, after the fixture's module mocks
  return require('./schedules-fixture').order();
}

describe('HR calendar: each selection and calling day is an event the HR specialist is invited to', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await workbook();
  });
  afterEach(() => h.close());

  test('a read-only HR calendar (every create refused) is tried less and less often, not every tick; the events come once it accepts them', () => {
    h.ws.rt.limits.calendarCreatesPerDay = 0;
    handedOff(h, '2026-10-19 10:00');
    expect(liveEvents(h)).toHaveLength(0);
    const inserts: string[] = [];
    for (let t = Date.parse('2026-10-19T08:05:00Z'); t < Date.parse('2026-10-19T12:00:00Z'); t += 5 * 60000) {
      const run = h.ws.invoke('tick', { kind: 'time', at: new Date(t) });
      if (run.calls.some((c) => c.call === 'Calendar.Events.insert')) inserts.push(run.at);
    }
    // 47 ticks; tries after 4, 8, 16, 32 and 60 minutes' pauses.
    expect(inserts.length).toBeGreaterThanOrEqual(4);
    expect(inserts.length).toBeLessThanOrEqual(8);
    expect(selections(h).every((r) => r['Event ID'] === '')).toBe(true);
    delete h.ws.rt.limits.calendarCreatesPerDay;
    for (let t = Date.parse('2026-10-19T12:00:00Z'); t < Date.parse('2026-10-19T13:10:00Z'); t += 5 * 60000)
      h.ws.invoke('tick', { kind: 'time', at: new Date(t) });
    expect(keysOf(h)).toHaveLength(8);
    expect(
      selections(h)
        .slice(0, 4)
        .every((r) => String(r['Event ID']).split(' ').length === 2),
    ).toBe(true);
  });

  test('events for the next two weeks at once, later ones by the tick as their day comes; the HR specialist receives invitations', () => {
    handedOff(h, '2026-10-19 10:00');
    expect(keysOf(h)).toEqual([1, 2, 3, 4].flatMap((n) => [`ORD-2026-0001|${n}|calling`, `ORD-2026-0001|${n}|selection`]).sort());
    const first = liveEvents(h).find((e) => e.extendedProperties!.private!.reglamentKey === 'ORD-2026-0001|1|selection')!;
    expect(first.start).toEqual({ date: '2026-10-21' });
    expect(first.attendees?.map((a) => a.email)).toEqual([HR]);
    expect(first.summary).toContain('ORD-2026-0001');
    expect(first.description).toContain('&lt;b&gt;bold&lt;/b&gt;');
    const invites = h.ws.calendar.invitations.filter((i) => i.to === HR && i.method === 'REQUEST');
    expect(invites).toHaveLength(8);
    const rows = selections(h);
    expect(rows.slice(0, 4).every((r) => String(r['Event ID']).split(' ').length === 2)).toBe(true);
    expect(rows[4]['Event ID']).toBe('');
    h.tick('2026-10-22T09:00');
    expect(keysOf(h)).toHaveLength(10);
    expect(String(selections(h)[4]['Event ID']).split(' ')).toHaveLength(2);
    // Nothing more to do: a second tick writes no event.
    const before = h.ws.calendar.invitations.length;
    const run = h.tick('2026-10-22T09:05');
    expect(run.calls.filter((c) => c.call.startsWith('Calendar.'))).toEqual([]);
    expect(h.ws.calendar.invitations.length).toBe(before);
  });

  test('events move, change guests and are cancelled with the schedule, never duplicated', () => {
    const row = handedOff(h, '2026-10-19 10:00');
    h.edit('Orders', row, { 'HR received': '2026-10-21 10:00' }, HR);
    const moved = liveEvents(h).find((e) => e.extendedProperties!.private!.reglamentKey === 'ORD-2026-0001|1|selection')!;
    expect(moved.start).toEqual({ date: '2026-10-23' });
    expect(keysOf(h)).toHaveLength(8);
    expect(h.ws.calendar.invitations.some((i) => i.to === HR && i.update && /Oct 23/.test(i.subject))).toBe(true);

    h.edit('Orders', row, { 'HR specialist': HR2 }, SALES);
    expect(liveEvents(h).every((e) => e.attendees?.map((a) => a.email).join() === HR2)).toBe(true);
    expect(h.ws.calendar.invitations.filter((i) => i.to === HR && i.method === 'CANCEL')).toHaveLength(8);
    expect(h.ws.calendar.invitations.filter((i) => i.to === HR2 && i.method === 'REQUEST')).toHaveLength(8);

    h.edit('Orders', row, { 'Paid to': '2026-10-29' }, SALES);
    expect(plan(h).map((r) => r[0])).toEqual([1, 2]);
    expect(keysOf(h)).toEqual(['ORD-2026-0001|1|calling', 'ORD-2026-0001|1|selection', 'ORD-2026-0001|2|calling', 'ORD-2026-0001|2|selection']);
    expect(h.ws.calendar.invitations.filter((i) => i.to === HR2 && i.method === 'CANCEL')).toHaveLength(4);
  });

  test('an event whose ID was lost from the sheet is found by its row key, not created twice', () => {
    handedOff(h, '2026-10-19 10:00');
    const ids = String(selections(h)[1]['Event ID']);
    const eventIdCol = h.ws.spreadsheet.readValues('Selections')[0].indexOf('Event ID') + 1;
    h.ws.spreadsheet.personEdit('Selections', 3, eventIdCol, [['']], h.ws.owner);
    expect(selections(h)[1]['Event ID']).toBe('');
    const run = h.tick('2026-10-19T12:00');
    expect(run.ok).toBe(true);
    expect(selections(h)[1]['Event ID']).toBe(ids);
    expect(keysOf(h)).toHaveLength(8);
    expect(h.ws.calendar.events()).toHaveLength(8);
  });
});

describe('Re-planning many orders at once', () => {
  test('a day off that shortens every order removes their last rows; the rows below move up with their Done ticks and events', async () => {
    const h = await workbook();
    try {
      for (let i = 0; i < 10; i++) handedOff(h, '2026-10-19 10:00', { 'Paid to': '2026-11-05', 'Publication to': '2026-11-05' });
      expect(selections(h)).toHaveLength(50);
      // HR ticks Done on the first selection of every other order.
      for (let i = 0; i < 10; i += 2) h.edit('Selections', 2 + i * 5, { Done: 'TRUE' }, HR, '2026-10-21T17:00');
      const before = selections(h).filter((r) => r['No.'] !== 5);
      h.edit('Holidays', 'new', { Date: '2026-11-05', Name: 'Company day off', 'Working day?': 'FALSE' }, h.ws.owner);
      const after = selections(h);
      expect(after).toHaveLength(40);
      expect(after.map((r) => [r['Order ID'], r['No.'], r['Done']])).toEqual(before.map((r) => [r['Order ID'], r['No.'], r['Done']]));
      // Event IDs stay with their rows (rows the creation limit had left without events got them now).
      after.forEach((r, k) => expect([r['Event ID'], '']).toContain(before[k]['Event ID']));
      expect(after.filter((r) => r['Done'] === true).map((r) => r['Order ID'])).toEqual([
        'ORD-2026-0001',
        'ORD-2026-0003',
        'ORD-2026-0005',
        'ORD-2026-0007',
        'ORD-2026-0009',
      ]);
      expect(
        h.ws.spreadsheet
          .readValues('Selections')
          .slice(41)
          .every((r) => r.every((v) => v === '')),
      ).toBe(true);
    } finally {
      h.close();
    }
  });
});

describe('performance shape', () => {
  test("an order's re-plan and the 18:00 tick make the same Spreadsheet calls on a small and a large workbook", async () => {
    const { bulkLoad } = await import('../../workspace/bench/report');
    const counts: Array<[number, number, number]> = [];
    for (const n of [5, 300]) {
      const h = await workbook();
      try {
        bulkLoad(
          h.ws,
          'Orders',
          Array.from({ length: n }, (_, i) => [`ORD-2025-${String(i + 1).padStart(4, '0')}`, `Client ${i}`]),
        );
        // Ten settled selections of each of those orders.
        const sel = Array.from({ length: n * 10 }, (_, i) => {
          const d = new Date(Date.UTC(2026, 8, 1 + (i % 20)));
          return [`ORD-2025-${String(Math.floor(i / 10) + 1).padStart(4, '0')}`, (i % 10) + 1, d, d, d, HR, true, d, 'x y', ''];
        });
        bulkLoad(h.ws, 'Selections', sel);
        const row = handedOff(h, '', {}, '2026-10-19T09:30');
        // Growing a full sheet (the bulk-loaded one is full) is one call whatever its size.
        const count = (runs: Array<{ calls: Array<{ call: string; count: number }> }>) =>
          runs.reduce(
            (s, r) =>
              s +
              r.calls
                .filter((c) => /^(Range|Sheet|Spreadsheet)/.test(c.call) && c.call !== 'Sheet.insertRowsAfter')
                .reduce((a, c) => a + c.count, 0),
            0,
          );
        const editRuns = h.edit('Orders', row, { 'HR received': '2026-10-19 10:00' }, HR);
        const edit = count(editRuns);
        expect(selections(h, 'ORD-2026-0001')).toHaveLength(5);
        h.tick('2026-10-22T09:00');
        const tick = count([h.tick('2026-10-22T18:00')]);
        counts.push([n, edit, tick]);
      } finally {
        h.close();
      }
    }
    expect(counts[1][1]).toBe(counts[0][1]);
    expect(counts[1][2]).toBe(counts[0][2]);
  });
});
