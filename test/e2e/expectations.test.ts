/**
 * Seed 000: what HR agreed for a calling-service sale (expected resumes, calls, candidates
 * agreeing and coming, risks) against what Calling results record — an internal mail to the
 * sales manager beside each calling report, and a digest line while the calling is behind.
 * Zone Europe/Berlin; the first calling day is Thursday 22 October 2026.
 */
import * as fs from 'fs';
import { simpleParser } from 'mailparser';
import { Harness } from './harness';
import { BOSS, CLIENT, HR, order, SALES, workbook } from './schedules-fixture';

const ORDER = 'ORD-2026-0001';

async function callingOrder(): Promise<Harness> {
  const h = await workbook();
  h.edit('Orders', 'new', order({ 'Paid services': 'Candidate calling' }), SALES, '2026-10-19T09:30');
  return h;
}

describe('the agreed expectations against what the calling recorded', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await callingOrder();
  });
  afterEach(() => h.close());

  test('with each calling report the sales manager gets the comparison with what HR agreed; the client never sees it; the digest flags an order behind', async () => {
    // Order 1 sells the calling service; HR agrees the numbers before the hand-off.
    h.edit(
      'HR agreements',
      'new',
      {
        'Order ID': ORDER,
        'Requested by': SALES,
        'Expected resumes': '40',
        'Expected calls': '40',
        'Expected agreeing': '20',
        Risks: 'refund if fewer than 5 <b>come</b>',
      },
      SALES,
    );
    h.edit('HR agreements', 2, { Answer: 'Agreed' }, HR);
    h.edit('Orders', 2, { 'Hand off': 'TRUE' }, SALES);
    expect(h.rows('Orders')[0]['Status']).toBe('Handed off');
    h.edit('Orders', 2, { 'HR received': '2026-10-19 10:00' }, HR);

    for (const [id, outcome] of [
      ['C-1', 'Agreed to come'],
      ['C-2', 'Not reached'],
      ['C-3', 'Declined'],
    ])
      h.edit('Calling results', 'new', { Date: '2026-10-22', 'Order ID': ORDER, 'Candidate ID': id, Outcome: outcome }, HR, '2026-10-22T12:00');
    h.tick('2026-10-22T18:00');

    const toClient = h.ws.mail.sent().filter((m) => m.to.includes(CLIENT));
    expect(toClient).toHaveLength(1);
    const internal = h.ws.mail.sent().filter((m) => /against what HR agreed/.test(m.subject));
    expect(internal).toHaveLength(1);
    expect(internal[0].to).toEqual([SALES]);
    expect(internal[0].cc ?? []).not.toContain(CLIENT);
    await h.ws.save();
    const eml = await simpleParser(fs.readFileSync(internal[0].path!));
    expect(eml.text).toMatch(/resumes\s+\|\s+40\s+\|\s+\d+\s+\|\s+3\s+\|/);
    expect(eml.text).toMatch(/agreed to come\s+\|\s+20\s+\|\s+\d+\s+\|\s+1\s+\|\s+yes/);
    expect(eml.text).toMatch(/came\s+\|\s+not estimated/);
    expect(String(eml.html)).toContain('refund if fewer than 5 &lt;b&gt;come&lt;/b&gt;');
    const report = await simpleParser(fs.readFileSync(toClient[0].path!));
    expect(report.text).not.toContain('Agreed with HR');
    expect(report.text).not.toContain('refund');
    expect(h.rows('Outbox').filter((o) => o['Key'] === `expectations|${ORDER}|1`)).toEqual([expect.objectContaining({ State: 'Sent' })]);

    // Friday 09:00: the sales manager's manager sees the order behind in the digest.
    h.tick('2026-10-23T09:00');
    const digest = h.ws.mail.sent().find((m) => /^Daily digest/.test(m.subject) && m.to.includes(BOSS));
    expect(digest).toBeDefined();
    await h.ws.save();
    const d = await simpleParser(fs.readFileSync(digest!.path!));
    expect(d.text).toContain('Calling behind what HR agreed (refund risk)');
    expect(d.text).toMatch(/agreed to come 1\/20 ⚠/);
  });
});
