/**
 * Issue 6, points 5 and 6: contract deadlines (work report within 5 working days after each
 * month, the act 5 days after it; the sales manager reminded the working day before) and the
 * 09:00 daily digest each manager gets for their department — or nothing when nothing is due.
 */
import { Harness } from './harness';
import { BOSS, HR, HR2, HR_BOSS, handedOff, iso, order, SALES, workbook } from './schedules-fixture';

const digests = (h: Harness, to?: string) => h.ws.mail.sent().filter((m) => /^Daily digest/.test(m.subject) && (!to || m.to.includes(to)));
const reminders = (h: Harness) => h.ws.mail.sent().filter((m) => /^Deadline:/.test(m.subject));

describe('The daily digest at 09:00 on working days', () => {
  test('each manager gets one e-mail with what is overdue or due today in their department; nobody gets one when nothing is due', async () => {
    const h = await workbook();
    try {
      h.tick('2026-10-19T09:00');
      expect(digests(h)).toHaveLength(0);

      // Paid, not handed off (Sales); handed off, not received by HR (HR); an HR answer due tomorrow.
      h.edit('Orders', 'new', order(), SALES, '2026-10-19T10:00');
      h.edit(
        'HR agreements',
        'new',
        {
          'Order ID': 'ORD-2026-0001',
          'Requested by': SALES,
          'Expected resumes': '30',
          'Expected calls': '25',
          Risks: 'none',
          'Other points': 'questionnaire',
        },
        SALES,
      );
      handedOff(h, '', { 'HR specialist': HR2 }, '2026-10-19T11:00');
      // A handed-off order HR received: its calling day (22 Oct) will pass without results.
      handedOff(h, '2026-10-19 12:00', {}, '2026-10-19T12:00');
      // A call held without a comment (written straight into the sheet).
      const calls = h.ws.spreadsheet.readValues('Calls')[0];
      const line = calls.map(
        (hd) =>
          (
            ({
              'Call ID': 'CALL-1',
              Type: 'First call',
              'Order ID': 'ORD-2026-0003',
              Start: new Date('2026-10-19T13:00:00Z'),
              'Manager e-mail': BOSS,
              Status: 'Scheduled',
            }) as Record<string, unknown>
          )[String(hd)] ?? '',
      );
      h.ws.spreadsheet.personEdit('Calls', 2, 1, [line], h.ws.owner);

      h.tick('2026-10-20T08:55');
      expect(digests(h)).toHaveLength(0);
      h.tick('2026-10-20T09:00');
      expect(
        digests(h)
          .map((m) => m.to.join())
          .sort(),
      ).toEqual([BOSS, HR_BOSS].sort());
      const boss = digests(h, BOSS)[0];
      expect(boss.subject).toBe('Daily digest for 2026-10-20: 1 hand-off waiting, 1 call without a comment');
      expect(digests(h, HR_BOSS)[0].subject).toBe('Daily digest for 2026-10-20: 1 HR agreement waiting, 1 order not received by HR');
      expect(boss.text).toMatch(/Hand-off waiting\s+\| ORD-2026-0001\s*\|\s*anna\.sales@example\.com\s*\|\s*2026-10-19 \(overdue\)/);
      expect(boss.text).toMatch(/Call without a comment\s+\| ORD-2026-0003\s*\|\s*boss@example\.com/);
      const hr = digests(h, HR_BOSS)[0];
      expect(hr.text).toMatch(/Handed off, not received by HR\s+\| ORD-2026-0002\s*\|\s*oleg\.hr@example\.com\s*\|\s*2026-10-19 \(overdue\)/);
      expect(hr.text).toMatch(/HR answer waiting\s+\| ORD-2026-0001\s*\|\s*irina\.hr@example\.com\s*\|\s*2026-10-20 \(today\)/);
      expect(hr.text).not.toContain('Hand-off waiting');

      // Once a day: later ticks send nothing more.
      h.tick('2026-10-20T09:05');
      h.tick('2026-10-20T15:00');
      expect(digests(h)).toHaveLength(2);

      // Not on a weekend.
      h.tick('2026-10-22T18:00'); // the report of ORD-2026-0003 goes overdue
      h.tick('2026-10-24T09:00');
      expect(digests(h).filter((m) => /2026-10-24/.test(m.subject))).toHaveLength(0);
      h.tick('2026-10-26T09:00');
      const monday = digests(h, HR_BOSS).find((m) => /2026-10-26/.test(m.subject))!;
      expect(monday.text).toMatch(
        /Calling report not sent\s+\| ORD-2026-0003\s*\|\s*irina\.hr@example\.com\s*\|\s*2026-10-22 18:00 \(overdue\)/,
      );
      expect(digests(h).filter((m) => m.to.includes(HR) || m.to.includes(SALES))).toHaveLength(0);
    } finally {
      h.close();
    }
  });
});

describe('Contract deadlines', () => {
  test('for an order with a contract: the work report 5 working days after the month, the act 5 days after it; the sales manager is reminded the working day before, once', async () => {
    const h = await workbook({ now: '2026-10-19T09:00' });
    try {
      const row = handedOff(h, '2026-10-19 10:00', { 'Contract link': 'https://docs.example/contract/42' });
      // Listed with their dates: each reminder to come is an Outbox row, due the working day before at 09:00.
      h.tick('2026-10-20T09:00');
      const listing = () =>
        h
          .rows('Outbox')
          .filter((o) => String(o['Key']).startsWith('deadline|'))
          .map((o) => [o['Key'], iso(o['Due']), o['Subject'], o['State']]);
      expect(listing()).toEqual([
        [
          'deadline|ORD-2026-0001|2026-10|report',
          '2026-11-06T08:00:00.000Z',
          'Deadline: Monthly work report for 2026-10 by 2026-11-09 (ORD-2026-0001)',
          'Pending',
        ],
        ['deadline|ORD-2026-0001|2026-10|act', '2026-11-13T08:00:00.000Z', 'Deadline: Act for 2026-10 by 2026-11-16 (ORD-2026-0001)', 'Pending'],
        [
          'deadline|ORD-2026-0001|2026-11|report',
          '2026-12-04T08:00:00.000Z',
          'Deadline: Monthly work report for 2026-11 by 2026-12-07 (ORD-2026-0001)',
          'Pending',
        ],
        ['deadline|ORD-2026-0001|2026-11|act', '2026-12-11T08:00:00.000Z', 'Deadline: Act for 2026-11 by 2026-12-14 (ORD-2026-0001)', 'Pending'],
      ]);
      // The paid period ends in October after all: November's deadlines are cancelled.
      h.edit('Orders', row, { 'Paid to': '2026-10-30', 'Publication to': '2026-10-30' }, SALES, '2026-10-20T10:00');
      h.tick('2026-10-21T09:00');
      expect(listing().map((l) => l[3])).toEqual(['Pending', 'Pending', 'Cancelled', 'Cancelled']);
      // October's report: 31 Oct is a Saturday; 2, 3, 5, 6, 9 November (4 November is a holiday) → due Monday 9 November.
      h.tick('2026-11-05T09:00');
      expect(reminders(h)).toHaveLength(0);
      h.tick('2026-11-06T09:00');
      expect(reminders(h)).toHaveLength(1);
      const r = reminders(h)[0];
      expect(r.to).toEqual([SALES]);
      expect(r.subject).toBe('Deadline: Monthly work report for 2026-10 by 2026-11-09 (ORD-2026-0001)');
      expect(r.text).toContain('Period: 2026-10-19 – 2026-10-30');
      h.tick('2026-11-06T09:05');
      h.tick('2026-11-06T12:00');
      expect(reminders(h)).toHaveLength(1);
      expect(listing().map((l) => [l[0], l[3]])).toEqual([
        ['deadline|ORD-2026-0001|2026-10|report', 'Sent'],
        ['deadline|ORD-2026-0001|2026-10|act', 'Pending'],
        ['deadline|ORD-2026-0001|2026-11|report', 'Cancelled'],
        ['deadline|ORD-2026-0001|2026-11|act', 'Cancelled'],
      ]);
      // On the due day it is in the sales manager's manager's digest.
      h.tick('2026-11-09T09:00');
      expect(digests(h, BOSS).find((m) => /2026-11-09/.test(m.subject))?.text).toMatch(
        /Contract deadline\s+\| ORD-2026-0001\s*\|\s*anna\.sales@example\.com\s*\|\s*2026-11-09 \(today\)\s*\|\s*Monthly work report for 2026-10/,
      );
      // The act: 9 Nov + 5 days = Saturday 14 Nov → Monday 16 Nov; reminded Friday 13 Nov.
      h.tick('2026-11-12T09:00');
      expect(reminders(h)).toHaveLength(1);
      h.tick('2026-11-13T09:00');
      expect(reminders(h).map((m) => m.subject)).toEqual([
        'Deadline: Monthly work report for 2026-10 by 2026-11-09 (ORD-2026-0001)',
        'Deadline: Act for 2026-10 by 2026-11-16 (ORD-2026-0001)',
      ]);
    } finally {
      h.close();
    }
  });

  test('an order without a contract has no contract deadlines', async () => {
    const h = await workbook();
    try {
      handedOff(h, '2026-10-19 10:00');
      h.tick('2026-11-06T09:00');
      h.tick('2026-11-13T09:00');
      expect(reminders(h)).toHaveLength(0);
    } finally {
      h.close();
    }
  });
});
