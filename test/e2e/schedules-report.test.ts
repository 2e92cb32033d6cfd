/**
 * Issue 6, point 4: Calling results and the client's calling report by 18:00 — its timing
 * (never before its data, at the deadline when data exists, the overdue alert, then the late
 * report), its content as the client receives it (.eml), and that it is never sent twice.
 * Zone: Europe/Berlin; the first calling day is Thursday 22 October 2026 (report due 18:00).
 */
import * as fs from 'fs';
import { simpleParser, ParsedMail } from 'mailparser';
import { Harness } from './harness';
import { RunRecord } from '../../workspace/runtime/workspace';
import { cellsRead, load } from './costs';
import { NEXT_OTHER } from '../../src/app/gate';
import { killAfterSend } from './stop';
import { BOSS, CLIENT, handedOff, HR, HR2, HR_BOSS, iso, SALES, selections, workbook } from './schedules-fixture';

const ORDER = 'ORD-2026-0001';

function record(h: Harness, cells: Record<string, string>, at?: string) {
  return h.edit('Calling results', 'new', { Date: '2026-10-22', 'Order ID': ORDER, ...cells }, HR, at);
}

function recordDay(h: Harness, at = '2026-10-22T12:00') {
  record(h, { 'Candidate ID': 'C-1', Phone: '+7 900 000-00-01', Outcome: 'Agreed to come', Comment: 'Will come <b>Monday</b>' }, at);
  record(h, {
    'Candidate ID': 'C-2',
    Phone: '+7 900 000-00-02',
    Outcome: 'Interview booked',
    'Interview at': '2026-10-26 11:30',
    Comment: 'Zoom',
  });
  record(h, { 'Candidate ID': 'C-3', Phone: '+7 900 000-00-03', Outcome: 'Not reached' });
  record(h, { 'Candidate ID': 'C-4', Phone: '+7 900 000-00-04', Outcome: 'Not reached', Comment: '=1+1' });
}

const reports = (h: Harness) => h.ws.mail.sent().filter((m) => m.to.includes(CLIENT));
const alerts = (h: Harness) => h.ws.mail.sent().filter((m) => /Overdue/.test(m.subject));

async function parsed(h: Harness, index = 0): Promise<ParsedMail> {
  await h.ws.save();
  const mail = reports(h)[index];
  return simpleParser(fs.readFileSync(mail.path!));
}

describe('Calling results', () => {
  test('on Workspace, HR records each candidate called; Recorded by is the editing user, kept when someone else edits later', async () => {
    const h = await workbook({ account: 'workspace' });
    try {
      handedOff(h, '2026-10-19 10:00');
      record(h, { 'Candidate ID': 'C-1', Phone: '+7 900 000-00-01', Outcome: 'Declined' }, '2026-10-22T10:00');
      expect(h.rows('Calling results')[0]['Recorded by']).toBe(HR);
      h.edit('Calling results', 2, { Comment: 'asked to call back' }, h.ws.owner);
      expect(h.rows('Calling results')[0]['Recorded by']).toBe(HR);
    } finally {
      h.close();
    }
  });

  test('a result typed reads only its own rows: the edit costs the same with a year of results above it', async () => {
    const h = await workbook({ account: 'workspace' });
    try {
      handedOff(h, '2026-10-19 10:00');
      const cellsRead = (runs: ReturnType<Harness['edit']>) =>
        runs.reduce((n, r) => n + (r.calls.find((c) => c.call === 'Range.getValues')?.estimatedMs ?? 0), 0);
      const first = cellsRead(record(h, { 'Candidate ID': 'C-1', Phone: '+7 900 000-00-01', Outcome: 'Declined' }, '2026-10-22T10:00'));
      const { bulkLoad } = await import('../../workspace/bench/report');
      const old = Array.from({ length: 20000 }, (_, i) => [new Date(Date.UTC(2025, 9, 1)), ORDER, `C-old-${i}`, '+7 900', 'Declined']);
      bulkLoad(
        h.ws,
        h.ws.spreadsheet.sheetNames().find((n) => /обзвона|Calling/.test(n))!,
        old,
        3,
      );
      const later = record(h, { 'Candidate ID': 'C-2', Phone: '+7 900 000-00-02', Outcome: 'Declined' }, '2026-10-22T10:05');
      expect(h.rows('Calling results').at(-1)!['Recorded by']).toBe(HR);
      // 20,000 rows × the tab's columns would be ≥ 1,000 ms of reads at 0.01 ms a cell (workspace/latency.ts).
      expect(cellsRead(later)).toBeLessThan(first + 200);
      // Script properties: the plan's mark, then what the late report needs (the orders just edited, the
      // instant to wake at) in one write — not one write and one read each.
      const trigger = later.find((r) => r.trigger === 'installable')!;
      const writes = ['Properties.setProperty', 'Properties.setProperties'].reduce(
        (n, call) => n + (trigger.calls.find((c) => c.call === call)?.count ?? 0),
        0,
      );
      expect(writes).toBeLessThanOrEqual(2);
      expect(trigger.calls.find((c) => c.call === 'Properties.getProperty')?.count ?? 0).toBe(0); // no hot lead typed: its list is not read
    } finally {
      h.close();
    }
  });

  test('on a consumer account Google does not say who recorded it: Recorded by stays empty, never the owner', async () => {
    const h = await workbook();
    try {
      handedOff(h, '2026-10-19 10:00');
      record(h, { 'Candidate ID': 'C-1', Phone: '+7 900 000-00-01', Outcome: 'Declined' }, '2026-10-22T10:00');
      const row = h.rows('Calling results')[0];
      expect(row['Outcome']).toBe('Declined'); // HR's protection let HR type it: kept
      expect(row['Recorded by']).toBe('');
    } finally {
      h.close();
    }
  });
});

describe('The calling report to the client', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await workbook();
    h.edit('Candidates', 'new', { 'Candidate ID': 'C-1', Name: 'Мария Петрова', 'Order ID': ORDER }, HR);
    h.edit('Candidates', 'new', { 'Candidate ID': 'C-2', Name: 'John <i>Smith</i>', 'Order ID': ORDER }, HR);
    handedOff(h, '2026-10-19 10:00');
  });
  afterEach(() => h.close());

  test("by 18:00 on the calling day with results (from 17:00, Report lead minutes 60): one report — a table with totals per outcome in the client's language, the sales manager in copy — recorded on the Selections row", async () => {
    recordDay(h);
    h.tick('2026-10-22T16:55');
    expect(reports(h)).toHaveLength(0);
    h.tick('2026-10-22T17:00');
    expect(reports(h)).toHaveLength(1);
    const mail = reports(h)[0];
    expect(mail.cc).toEqual([SALES]);
    const eml = await parsed(h);
    expect(eml.subject).toBe('Calling report 2026-10-22 — ООО «Ромашка» <b>bold</b>');
    expect(eml.text).toContain('Hello Пётр Иванов');
    // Totals per outcome, every outcome listed.
    expect(eml.text).toMatch(/Agreed to come\s+\|\s+1/);
    expect(eml.text).toMatch(/Interview booked\s+\|\s+1/);
    expect(eml.text).toMatch(/Declined\s+\|\s+0/);
    expect(eml.text).toMatch(/Not reached\s+\|\s+2/);
    expect(eml.text).toMatch(/Total\s+\|\s+4/);
    // The results, one line per candidate, names from Candidates, the interview's date-time.
    expect(eml.text).toContain('Мария Петрова (C-1)');
    expect(eml.text).toContain('2026-10-26 11:30');
    expect(eml.text).toContain('=1+1');
    const html = String(eml.html);
    expect(html).toContain('<table');
    expect(html).toContain('John &lt;i&gt;Smith&lt;/i&gt; (C-2)');
    expect(html).toContain('Will come &lt;b&gt;Monday&lt;/b&gt;');
    expect(html).not.toContain('<b>Monday</b>');
    const row = selections(h)[0];
    expect(iso(row['Report sent at'])).toMatch(/^2026-10-22T15:00:00/);
    expect(row['Problems']).toBe('');
    expect(h.rows('Outbox').filter((o) => o['Key'] === `report|${ORDER}|1`)).toEqual([expect.objectContaining({ State: 'Sent', Attempts: 1 })]);
    expect(h.rows('Log').some((l) => l['Action'] === 'Calling report sent' && l['Row key'] === `${ORDER} #1`)).toBe(true);
  });

  test('the report reads the names of its own candidates, not the Candidates tab: the same tick with 5,000 more candidates reads their IDs only', () => {
    recordDay(h);
    const width = h.ws.spreadsheet.readValues('Candidates')[0].length;
    load(
      h,
      'Candidates',
      Array.from({ length: 5000 }, (_, i) => Array.from({ length: width }, (_, c) => (c === 0 ? `K-${i}` : c === 1 ? `Кандидат ${i}` : ''))),
    );
    // The afternoon settles (the gate closes); 17:00 then has only the report to send and runs it alone.
    for (let t = h.instant('2026-10-22T12:05').getTime(); t < h.instant('2026-10-22T17:00').getTime(); t += 5 * 60000)
      h.ws.invoke('tick', { kind: 'time', at: new Date(t) });
    const tick = h.tick('2026-10-22T17:00');
    expect(reports(h)).toHaveLength(1);
    expect(reports(h)[0].text).toContain('Мария Петрова (C-1)');
    // The whole tab would be 5,000 × its width; its ID column is 5,000 cells.
    expect(cellsRead(tick)).toBeLessThan(5000 * 2 + 3000);
  });

  test('never sent twice: later ticks, a reload, more results and Done after the fact send nothing more', async () => {
    recordDay(h);
    h.tick('2026-10-22T18:00');
    h.tick('2026-10-22T18:05');
    record(h, { 'Candidate ID': 'C-5', Outcome: 'Declined' }, '2026-10-22T18:10');
    h.edit('Selections', 2, { Done: 'TRUE' }, HR);
    const again = await h.reopen();
    again.tick('2026-10-22T19:00');
    again.tick('2026-10-23T18:00');
    expect(again.ws.mail.sent().filter((m) => m.to.includes(CLIENT))).toHaveLength(1);
  });

  test('a report whose e-mail went out but whose row was not updated (a crash in between) is recorded, not resent', () => {
    recordDay(h);
    h.tick('2026-10-22T18:00');
    const col = h.ws.spreadsheet.readValues('Selections')[0].indexOf('Report sent at') + 1;
    h.ws.spreadsheet.personEdit('Selections', 2, col, [['']], h.ws.owner);
    // A write no trigger saw: the next full pass (03:00) finds the row and the Outbox's Sent mail.
    h.tick('2026-10-22T18:05');
    h.tick('2026-10-23T03:00');
    expect(reports(h)).toHaveLength(1);
    expect(iso(selections(h)[0]['Report sent at'])).toMatch(/^2026-10-23T01:00:00/);
  });

  test('not before its data: Done ticked with no results sends nothing and says why; once results are in, it goes', () => {
    h.edit('Selections', 2, { Done: 'TRUE' }, HR, '2026-10-22T15:00');
    expect(reports(h)).toHaveLength(0);
    expect(String(selections(h)[0]['Problems'])).toContain('no calling results for 2026-10-22 yet');
    h.tick('2026-10-22T15:05');
    expect(reports(h)).toHaveLength(0);
    recordDay(h, '2026-10-22T15:10');
    // HR is still typing: the tick waits for a quiet half hour (or the deadline).
    h.tick('2026-10-22T15:15');
    expect(reports(h)).toHaveLength(0);
    h.tick('2026-10-22T15:45');
    expect(reports(h)).toHaveLength(1);
    expect(selections(h)[0]['Problems']).toBe('');
  });

  test('results typed hours before the deadline wake no tick of their own: the lead time’s ticks send the report', () => {
    h.run('2026-10-22T09:00', '2026-10-22T11:55');
    record(h, { 'Candidate ID': 'C-1', Phone: '+7 900 000-00-01', Outcome: 'Declined' }, '2026-10-22T12:00');
    record(h, { 'Candidate ID': 'C-2', Phone: '+7 900 000-00-02', Outcome: 'Not reached' });
    // The quiet half hour ends at 12:30: only a late or a Done report would need a tick then (the
    // half-hourly Calendar read-back reads no tab).
    const woken = ['12:05', '12:30', '12:35', '12:40']
      .map((t) => h.tick(`2026-10-22T${t}`))
      .filter((t) => t.calls.some((c) => c.call === 'Range.getValues'));
    expect(woken.map((t) => t.at)).toEqual([]);
    h.tick('2026-10-22T16:55');
    expect(reports(h)).toHaveLength(0);
    h.tick('2026-10-22T17:00');
    expect(reports(h)).toHaveLength(1);
  });

  test('Done ticked after the results are in sends the report at once, before 18:00; never before the calling day', () => {
    record(h, { 'Candidate ID': 'C-1', Outcome: 'Declined', Date: '2026-10-21' }, '2026-10-21T16:00');
    h.edit('Selections', 2, { Done: 'TRUE' }, HR);
    h.tick('2026-10-21T18:00');
    expect(reports(h)).toHaveLength(0);
    recordDay(h, '2026-10-22T14:00');
    h.edit('Selections', 2, { Done: 'FALSE' }, HR);
    h.edit('Selections', 2, { Done: 'TRUE' }, HR, '2026-10-22T14:30');
    expect(reports(h)).toHaveLength(1);
    expect(iso(selections(h)[0]['Report sent at'])).toMatch(/^2026-10-22T12:30/);
  });

  test('nothing recorded by 18:00: the HR specialist and their manager get one overdue alert; the late report goes once results arrive', async () => {
    h.tick('2026-10-22T18:00');
    expect(reports(h)).toHaveLength(0);
    expect(alerts(h)).toHaveLength(1);
    expect(alerts(h)[0].to.sort()).toEqual([HR, HR_BOSS].sort());
    expect(alerts(h)[0].subject).toBe(`Overdue: Calling report for 2026-10-22 (selection #1) (${ORDER})`);
    expect(String(selections(h)[0]['Problems'])).toContain(`overdue alert sent to ${HR}`);
    h.tick('2026-10-22T18:05');
    h.tick('2026-10-22T20:00');
    expect(alerts(h)).toHaveLength(1);
    // Results arrive in the evening; the report waits until HR stops typing for half an hour.
    recordDay(h, '2026-10-22T20:10');
    h.tick('2026-10-22T20:15');
    expect(reports(h)).toHaveLength(0);
    h.tick('2026-10-22T20:45');
    expect(reports(h)).toHaveLength(1);
    expect(iso(selections(h)[0]['Report sent at'])).toMatch(/^2026-10-22T18:45:00/);
    expect(selections(h)[0]['Problems']).toBe('');
    h.tick('2026-10-23T18:00');
    expect(reports(h)).toHaveLength(1);
    expect(alerts(h)).toHaveLength(1);
    expect(h.ws.mail.sent().some((m) => m.to.includes(BOSS) && /Overdue/.test(m.subject))).toBe(false);
  });

  test('several reports of one HR specialist overdue at once: one alert lists them, each keeps its Outbox row; a failed send retries them together; another HR specialist gets their own', async () => {
    const second = 'ORD-2026-0002';
    handedOff(h, '2026-10-19 10:00');
    handedOff(h, '2026-10-19 10:00', { 'HR specialist': HR2, Client: 'ООО «Лютик»' });
    h.ws.mail.failNext(1);
    h.tick('2026-10-22T18:00');
    const outbox = () => h.rows('Outbox').filter((o) => String(o['Key']).startsWith('overdue|'));
    // The first alert failed: both rows it stands for wait for the retry, none sent.
    expect(alerts(h).filter((m) => m.to.includes(HR))).toHaveLength(0);
    expect(
      outbox()
        .filter((o) => o['State'] === 'Pending')
        .map((o) => o['Key']),
    ).toEqual([`overdue|${ORDER}|1`, `overdue|${second}|1`]);
    h.tick('2026-10-22T18:05');
    const mine = alerts(h).filter((m) => m.to.includes(HR));
    expect(mine).toHaveLength(1);
    expect(mine[0].to.sort()).toEqual([HR, HR_BOSS].sort());
    expect(mine[0].subject).toBe('Overdue: calling reports of 2 orders');
    await h.ws.save();
    const eml = await simpleParser(fs.readFileSync(mine[0].path!));
    expect(eml.text).toContain(`${ORDER} | ООО «Ромашка» <b>bold</b> | Calling report for 2026-10-22 (selection #1)`);
    expect(eml.text).toContain(`${second} | ООО «Ромашка» <b>bold</b>`);
    expect(String(eml.html)).not.toContain('<b>bold</b>');
    const others = alerts(h).filter((m) => m.to.includes(HR2));
    expect(others.map((m) => m.subject)).toEqual(['Overdue: Calling report for 2026-10-22 (selection #1) (ORD-2026-0003)']);
    expect(outbox()).toEqual([
      expect.objectContaining({ Key: `overdue|${ORDER}|1`, State: 'Sent', Attempts: 2, Subject: mine[0].subject }),
      expect.objectContaining({ Key: `overdue|${second}|1`, State: 'Sent', Attempts: 2, Subject: mine[0].subject }),
      expect.objectContaining({ Key: 'overdue|ORD-2026-0003|1', State: 'Sent', Attempts: 1 }),
    ]);
    for (const id of [ORDER, second, 'ORD-2026-0003']) expect(String(selections(h, id)[0]['Problems'])).toContain('overdue alert sent to');
    h.tick('2026-10-22T18:10');
    expect(alerts(h)).toHaveLength(2);
    // Each order still knows its alert went: the second order's late report goes once its results come.
    h.edit(
      'Calling results',
      'new',
      { Date: '2026-10-22', 'Order ID': second, 'Candidate ID': 'C-9', Outcome: 'Declined' },
      HR,
      '2026-10-22T19:00',
    );
    h.tick('2026-10-22T19:45');
    expect(reports(h).map((m) => m.subject)).toEqual([expect.stringContaining('Calling report')]);
    expect(alerts(h)).toHaveLength(2);
  });

  test('a tick killed right after one alert of several reports went: every report it stands for is "may have gone out", none alerted again', () => {
    handedOff(h, '2026-10-19 10:00');
    const restore = killAfterSend(h, 1);
    const killed = h.tick('2026-10-22T18:00');
    restore();
    expect(killed.error).toBe('Exceeded maximum execution time');
    expect(alerts(h)).toHaveLength(1);
    h.tick('2026-10-22T18:05');
    h.tick('2026-10-22T18:10');
    expect(alerts(h)).toHaveLength(1);
    const rows = h.rows('Outbox').filter((o) => String(o['Key']).startsWith('overdue|'));
    expect(rows.map((r) => [r['Key'], r['State'], r['Last error']])).toEqual(
      [`overdue|${ORDER}|1`, 'overdue|ORD-2026-0002|1'].map((k) => [
        k,
        'Failed',
        expect.stringContaining('Interrupted while sending: it may have gone out'),
      ]),
    );
  });

  test('from 17:00 the ticks that have only reports to send run the reports alone; a call reminder due among them goes on time', () => {
    recordDay(h);
    h.edit(
      'Calls',
      'new',
      { Type: 'First call', 'Order ID': ORDER, Start: '2026-10-22 17:40', 'Client e-mail': CLIENT, 'Manager e-mail': BOSS },
      BOSS,
      '2026-10-22T12:30',
    );
    for (let t = h.instant('2026-10-22T12:35').getTime(); t < h.instant('2026-10-22T17:00').getTime(); t += 5 * 60000)
      h.ws.invoke('tick', { kind: 'time', at: new Date(t) });
    const reads = (r: RunRecord) => r.calls.find((c) => c.call === 'Range.getValues')?.count ?? 0;
    const mails = (r: RunRecord) => r.calls.find((c) => c.call === 'MailApp.sendEmail')?.count ?? 0;
    const window = ['17:00', '17:05', '17:10', '17:15', '17:20'].map((m) => h.tick(`2026-10-22T${m}`));
    // The reminder (15 minutes before the call) is due at 17:25: the tick then runs every feature and sends it.
    const reminders = () => h.rows('Outbox').filter((r) => String(r['Key']).startsWith('CALL-2026-0001|'));
    expect(reminders().length).toBeGreaterThan(0);
    expect(reminders().every((r) => r['State'] === 'Pending')).toBe(true);
    const reminder = h.tick('2026-10-22T17:25');
    expect(reminders().every((r) => r['State'] === 'Sent')).toBe(true);
    expect(mails(reminder)).toBe(reminders().length);
    // The ticks before it ran the reports alone: they read fewer ranges than the tick that ran every feature.
    for (const t of window) expect(reads(t)).toBeLessThan(reads(reminder));
    expect(reports(h).filter((m) => /report/i.test(m.subject))).toHaveLength(1);
    expect((h.rows('Selections')[0]['Report sent at'] as Date).getTime()).toBeLessThan(h.instant('2026-10-22T17:01').getTime());
  });

  test('a tick that ran every feature in the reports’ hour but only sent reports leaves the next ticks to the reports alone', () => {
    recordDay(h);
    // No tick since noon (the timer was off): 17:00 runs every feature and sends the report.
    const reads = (r: RunRecord) => r.calls.find((c) => c.call === 'Range.getValues')?.count ?? 0;
    const full = h.tick('2026-10-22T17:00');
    expect(reports(h)).toHaveLength(1);
    // Only the report's work was done: the plan for the rest is not "the next tick" (17:05 does not run every feature again).
    const props = h.ws.ctx.PropertiesService.getScriptProperties();
    expect(Number(props.getProperty(NEXT_OTHER))).toBeGreaterThan(h.instant('2026-10-22T17:10').getTime());
    const next = h.tick('2026-10-22T17:05');
    expect(next.ok).toBe(true);
    expect(reads(next)).toBeLessThan(reads(full));
    expect(reports(h)).toHaveLength(1);
  });

  test('under the 5-minute timer the gate wakes the first tick after the quiet half hour: the late report goes then, not at the next full pass', () => {
    h.tick('2026-10-22T18:00');
    recordDay(h, '2026-10-22T20:10');
    const waited: string[] = [];
    for (let m = 15; m < 40; m += 5) {
      // Each of these ticks is gated or re-plans: it sends nothing.
      const t = h.tick(`2026-10-22T20:${m}`);
      if (t.calls.some((c) => c.call === 'MailApp.sendEmail')) waited.push(t.at);
    }
    expect([waited, reports(h)]).toEqual([[], []]);
    // The last result was typed at 20:10:05: quiet at 20:40:05, so the 20:45 tick sends it.
    h.tick('2026-10-22T20:40');
    expect(reports(h)).toHaveLength(0);
    h.tick('2026-10-22T20:45');
    expect(reports(h)).toHaveLength(1);
  });

  test('the late report goes at once when HR ticks Done, and results of a calling done a day late belong to it', () => {
    h.tick('2026-10-22T18:00');
    record(h, { 'Candidate ID': 'C-1', Outcome: 'Agreed to come', Date: '2026-10-23' }, '2026-10-23T10:00');
    h.edit('Selections', 2, { Done: 'TRUE' }, HR, '2026-10-23T10:05');
    expect(reports(h)).toHaveLength(1);
    expect(reports(h)[0].subject).toContain('2026-10-22');
    expect(reports(h)[0].text).toMatch(/Agreed to come\s+\|\s+1/);
  });

  test("an absent HR specialist's overdue alert goes to their deputy (and their manager); an absent sales manager's copy to theirs", () => {
    h.edit('Staff', 3, { 'Deputy e-mail': HR2, 'Absent until': '2026-10-23' }, h.ws.owner, '2026-10-22T09:00');
    h.edit('Staff', 2, { 'Deputy e-mail': BOSS, 'Absent until': '2026-10-23' }, h.ws.owner);
    h.tick('2026-10-22T18:00');
    expect(alerts(h)[0].to.sort()).toEqual([HR2, HR_BOSS].sort());
    record(h, { 'Candidate ID': 'C-1', Outcome: 'Declined' }, '2026-10-22T19:00');
    h.edit('Selections', 2, { Done: 'TRUE' }, HR2);
    expect(reports(h)[0].cc).toEqual([BOSS]);
  });

  test('a deputy standing in for an absent HR specialist gets their own overdue reports and the absent one’s in two alerts, each naming its responsible', () => {
    handedOff(h, '2026-10-19 10:00', { 'HR specialist': HR2 });
    h.edit('Staff', 3, { 'Deputy e-mail': HR2, 'Absent until': '2026-10-23' }, h.ws.owner, '2026-10-22T09:00');
    h.tick('2026-10-22T18:00');
    expect(alerts(h).map((m) => [m.to.sort(), m.subject, m.text.match(/Responsible: (\S+)\./)?.[1]])).toEqual(
      expect.arrayContaining([
        [[HR2, HR_BOSS].sort(), `Overdue: Calling report for 2026-10-22 (selection #1) (${ORDER})`, HR],
        [[HR2, HR_BOSS].sort(), 'Overdue: Calling report for 2026-10-22 (selection #1) (ORD-2026-0002)', HR2],
      ]),
    );
    expect(alerts(h)).toHaveLength(2);
  });

  test('a send that fails is retried by the next tick and still goes out once', () => {
    recordDay(h);
    h.ws.mail.failNext(1);
    h.tick('2026-10-22T18:00');
    expect(reports(h)).toHaveLength(0);
    expect(h.rows('Outbox').find((o) => o['Key'] === `report|${ORDER}|1`)).toEqual(expect.objectContaining({ State: 'Pending', Attempts: 1 }));
    expect(String(selections(h)[0]['Problems'])).toContain('e-mail not sent');
    h.tick('2026-10-22T18:05');
    expect(reports(h)).toHaveLength(1);
    expect(h.rows('Outbox').filter((o) => o['Key'] === `report|${ORDER}|1`)).toEqual([expect.objectContaining({ State: 'Sent', Attempts: 2 })]);
    h.tick('2026-10-22T18:10');
    expect(reports(h)).toHaveLength(1);
  });

  test('a Russian-speaking client gets the report in Russian', async () => {
    h.edit('Orders', 2, { 'Client language': 'Russian' }, SALES, '2026-10-22T09:00');
    recordDay(h);
    h.tick('2026-10-22T18:00');
    const eml = await parsed(h);
    expect(eml.subject).toBe('Отчёт об обзвоне 22.10.2026 — ООО «Ромашка» <b>bold</b>');
    expect(eml.text).toMatch(/Согласен прийти\s+\|\s+1/);
    expect(eml.text).toMatch(/Всего\s+\|\s+4/);
    expect(eml.text).toContain('26.10.2026 11:30');
  });

  test('a client without a valid e-mail: no report, the row says why', () => {
    h.edit('Orders', 2, { 'Client e-mail': 'not an address' }, SALES, '2026-10-22T09:00');
    recordDay(h);
    h.tick('2026-10-22T18:00');
    expect(h.ws.mail.sent().filter((m) => /Calling report/.test(m.subject))).toHaveLength(0);
    expect(String(selections(h)[0]['Problems'])).toContain('no valid "Client e-mail"');
  });
});

describe('Russian by default', () => {
  test('in a Russian workbook the HR calendar, the Problems and the overdue alert speak Russian', async () => {
    const h = await workbook({ locale: 'ru' });
    try {
      handedOff(h, '2026-10-19 10:00', { 'Client language': 'Russian' });
      const event = h.ws.calendar.events().find((e) => e.extendedProperties?.private?.reglamentKey === `${ORDER}|1|calling`)!;
      expect(event.summary).toBe('Обзвон №1: ORD-2026-0001 — ООО «Ромашка» <b>bold</b> (отчёт до 18:00)');
      h.tick('2026-10-22T18:00');
      const alert = h.ws.mail.sent().find((m) => /^Просрочено/.test(m.subject))!;
      expect(alert.subject).toBe(`Просрочено: Отчёт об обзвоне за 22.10.2026 (подбор №1) (${ORDER})`);
      expect(alert.text).toContain('22.10.2026 18:00');
      expect(String(selections(h)[0]['Problems'])).toMatch(/^Отчёт: к 22\.10\.2026 18:00 результаты обзвона не внесены/);
    } finally {
      h.close();
    }
  });
});
