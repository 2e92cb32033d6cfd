/**
 * Issue 15, point 4: calling reports with results go out *before* their deadline — during
 * Settings "Report lead minutes" (60) before 18:00, spread over the ticks left — in any zone and
 * on either side of a DST change; Done still sends at once; a day without results still gets
 * its overdue alert at the deadline.
 */
import { Harness } from './harness';
import { CLIENT, handedOff, HR, iso, selections, workbook } from './schedules-fixture';
import { spreadEarly } from '../../src/features/schedules/report';
import type { MailItem } from '../../src/mail/mailer';

const reports = (h: Harness) => h.ws.mail.sent().filter((m) => /^Calling report/.test(m.subject));
const alerts = (h: Harness) => h.ws.mail.sent().filter((m) => /Overdue/.test(m.subject));

/** The sheet row (2…) of the order's Selections row whose calling day is `day` (YYYY-MM-DD, local). */
function rowOfCallingDay(h: Harness, orderId: string, day: string, zone: string): number {
  const all = h.rows('Selections');
  const local = (v: unknown) => new Intl.DateTimeFormat('en-CA', { timeZone: zone }).format(v as Date);
  const i = all.findIndex((r) => r['Order ID'] === orderId && local(r['Calling date']) === day);
  if (i < 0) throw new Error(`no calling day ${day} for ${orderId}: ${all.map((r) => local(r['Calling date'])).join(', ')}`);
  return i + 2;
}

function record(h: Harness, orderId: string, day: string, at: string): void {
  h.edit('Calling results', 'new', { Date: day, 'Order ID': orderId, 'Candidate ID': 'C-1', Outcome: 'Agreed to come' }, HR, at);
}

describe('reports with results go before their deadline', () => {
  test.each([
    ['Europe/Berlin', '2026-10-22', '+02:00'], // summer time
    ['Europe/Berlin', '2026-10-30', '+01:00'], // after the change of 25 October
    ['America/New_York', '2026-10-30', '-04:00'],
    ['America/New_York', '2026-11-03', '-05:00'], // after the change of 1 November
    ['Asia/Kolkata', '2026-10-30', '+05:30'],
  ])('%s, calling day %s (UTC%s): not before 17:00 local, sent at the 17:00 tick', async (zone, day, offset) => {
    const h = await workbook({ timeZone: zone });
    try {
      handedOff(h, '2026-10-19 10:00');
      const id = h.rows('Orders')[0]['Order ID'] as string;
      const row = rowOfCallingDay(h, id, day, zone);
      const due = selections(h)[row - 2]['Report due'];
      expect(iso(due)).toBe(new Date(`${day}T18:00:00${offset}`).toISOString());
      record(h, id, day, `${day}T12:00`);
      h.tick(`${day}T16:55`);
      expect(reports(h)).toHaveLength(0);
      h.tick(`${day}T17:00`);
      expect(reports(h)).toHaveLength(1);
      const sentAt = selections(h)[row - 2]['Report sent at'] as Date;
      expect(iso(sentAt).slice(0, 16)).toBe(new Date(`${day}T17:00:00${offset}`).toISOString().slice(0, 16));
      expect(sentAt.getTime()).toBeLessThan((due as Date).getTime());
    } finally {
      h.close();
    }
  });

  test('three orders, lead 15 minutes: one report on each of the three ticks before 18:00, none after; a day without results still gets its alert at 18:00', async () => {
    const h = await workbook();
    try {
      h.edit('Settings', h.rows('Settings').findIndex((r) => r['Key'] === 'Report lead minutes') + 2, { Value: '15' }, h.ws.owner);
      for (let k = 0; k < 4; k++) handedOff(h, '2026-10-19 10:00', { 'Client e-mail': `client${k}@example.com` });
      const ids = h.rows('Orders').map((r) => r['Order ID'] as string);
      for (const id of ids.slice(0, 3)) record(h, id, '2026-10-22', '2026-10-22T12:00');
      h.tick('2026-10-22T17:40');
      expect(reports(h)).toHaveLength(0);
      const counts: number[] = [];
      for (const at of ['17:45', '17:50', '17:55']) {
        h.tick(`2026-10-22T${at}`);
        counts.push(reports(h).length);
      }
      expect(counts).toEqual([1, 2, 3]);
      expect(alerts(h)).toHaveLength(0);
      h.tick('2026-10-22T18:00');
      expect(reports(h)).toHaveLength(3);
      expect(alerts(h)).toHaveLength(1); // the fourth order recorded nothing
      expect(alerts(h)[0].subject).toContain(ids[3]);
      for (const r of selections(h).filter((s) => ids.slice(0, 3).includes(s['Order ID'] as string) && s['Report sent at']))
        expect((r['Report sent at'] as Date).getTime()).toBeLessThan((r['Report due'] as Date).getTime());
    } finally {
      h.close();
    }
  });

  test('lead 0: the report goes at the deadline, as before; Done still sends at once', async () => {
    const h = await workbook();
    try {
      h.edit('Settings', h.rows('Settings').findIndex((r) => r['Key'] === 'Report lead minutes') + 2, { Value: '0' }, h.ws.owner);
      handedOff(h, '2026-10-19 10:00');
      handedOff(h, '2026-10-19 10:00', { 'Client e-mail': 'other@example.com' });
      const [a, b] = h.rows('Orders').map((r) => r['Order ID'] as string);
      record(h, a, '2026-10-22', '2026-10-22T12:00');
      record(h, b, '2026-10-22', '2026-10-22T12:00');
      h.tick('2026-10-22T17:55');
      expect(reports(h)).toHaveLength(0);
      h.edit('Selections', rowOfCallingDay(h, b, '2026-10-22', 'Europe/Berlin'), { Done: 'TRUE' }, HR, '2026-10-22T17:56');
      expect(reports(h).map((m) => m.to)).toEqual([['other@example.com']]);
      h.tick('2026-10-22T18:00');
      expect(
        reports(h)
          .map((m) => m.to[0])
          .sort(),
      ).toEqual([CLIENT, 'other@example.com'].sort());
    } finally {
      h.close();
    }
  });
});

describe('spreadEarly', () => {
  const item = (k: number) => ({ key: `report|O-${k}|1` }) as MailItem;
  const due = Date.UTC(2026, 9, 22, 16);
  test.each([
    [60, 24, 12], // a 60-minute lead: 2 reports' ticks left, 30 minutes apart: 12 of 24
    [60, 25, 13],
    [45, 18, 9], // a tick between two of the grid (a call reminder opened it): 2 left
    [30, 10, 10], // the last: all
    [15, 7, 7],
    [5, 7, 7],
    [1, 3, 3],
    [-5, 3, 3], // past the deadline: all (the late path)
  ])('lead 60: %i min before the deadline, %i ready: %i this tick', (minutes, ready, sent) => {
    const early = new Map([[due, Array.from({ length: ready }, (_, k) => item(k))]]);
    expect(spreadEarly(early, due - minutes * 60000, 60 * 60000)).toHaveLength(sent);
  });
  test('a 15-minute lead: every tick of it (three), as before', () => {
    const early = new Map([[due, Array.from({ length: 3 }, (_, k) => item(k))]]);
    expect([15, 10, 5].map((m) => spreadEarly(early, due - m * 60000, 15 * 60000).length)).toEqual([1, 2, 3]);
  });
});
