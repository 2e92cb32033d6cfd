/**
 * Seed 003, after the First call (issue 14 point 4, first half) on the real bundle: the
 * client status, the "what we agreed" e-mail with its delay, the resumes to the client and
 * the notice to each candidate before the Interview — each step a line on the call until
 * the action that does the work closes it.
 */
import * as fs from 'fs';
import { simpleParser } from 'mailparser';
import { Harness } from './harness';
import { BOSS, CLIENT, FIRST_CALL_COMMENT, LEAD, SALES, call, callsWorkbook, iso, mailsTo, schedule } from './calls-fixture';

const ALICE = 'alice@example.com';
const BOB = 'bob@example.com';
const outboxRow = (h: Harness, prefix: string) => h.rows('Outbox').filter((r) => String(r['Key']).startsWith(prefix));

function firstCallDone(h: Harness, at = '2026-11-23T11:40'): void {
  schedule(h, { Type: 'First call', 'Order ID': 'ORD-2026-0001', Start: '2026-11-23 11:00', 'Client e-mail': CLIENT, 'Manager e-mail': BOSS });
  h.edit('Calls', 2, { Status: 'Done', Comment: FIRST_CALL_COMMENT }, SALES, at);
}

describe('after the first call (seed 003)', () => {
  let h: Harness;
  beforeEach(async () => {
    // Done and the comment are typed by the call's manager: a Workspace account names the editor.
    h = await callsWorkbook({ account: 'workspace' });
  });
  afterEach(() => h.close());

  test("after the first call is done the client becomes a client with the call's date and time", () => {
    expect(h.rows('Orders')[0]['Client status']).toBe('');
    firstCallDone(h);
    const order = h.rows('Orders')[0];
    expect(order['Client status']).toBe('Client');
    expect(iso(order['Client since'])).toBe('2026-11-23T16:00:00.000Z'); // 11:00 in New York
    expect(h.rows('Orders')[1]['Client status']).toBe(''); // the other order stays a lead
    // A later First call of the same order changes nothing: the first one stands.
    schedule(h, { Type: 'First call', 'Order ID': 'ORD-2026-0001', Start: '2026-11-24 11:00', 'Client e-mail': CLIENT, 'Manager e-mail': BOSS });
    h.edit('Calls', 3, { Status: 'Done', Comment: FIRST_CALL_COMMENT }, SALES, '2026-11-24T11:40');
    expect(iso(h.rows('Orders')[0]['Client since'])).toBe('2026-11-23T16:00:00.000Z');
    expect(h.rows('Log').some((l) => l['Action'] === 'Client status: Client' && l['Row key'] === 'ORD-2026-0001')).toBe(true);
  });

  test('the client gets what was agreed 30 minutes after the first call unless the manager cancels it', async () => {
    firstCallDone(h);
    let row = call(h, 'CALL-2026-0001');
    // Filled from the comment's Next Step; the step waits, saying when it goes and how to cancel.
    expect(row['Agreed e-mail']).toBe('send the offer');
    expect(row['Problems']).toBe('');
    expect(row['After-call steps']).toBe(
      [
        "✓ Client status Client, with the call's date and time",
        '☐ The client got what was agreed: The "what we agreed" e-mail goes to the client at 2026-11-23 12:10: change "Agreed e-mail" or clear it to cancel (sidebar: Edit the e-mail, Cancel the e-mail).',
        '☐ The Interview with candidates is scheduled: Pick candidates and schedule the Interview with the client: an Interview row of order ORD-2026-0001 on Calls.',
      ].join('\n'),
    );
    const [queued] = outboxRow(h, 'agreed:');
    expect(queued['Key']).toBe('agreed:CALL-2026-0001');
    expect(queued['State']).toBe('Pending');
    expect(iso(queued['Due'])).toBe('2026-11-23T17:10:00.000Z');
    h.tick('2026-11-23T11:50');
    h.tick('2026-11-23T12:05');
    expect(mailsTo(h, CLIENT)).toHaveLength(0);
    // The manager changes the text during the delay: the tick sends it as it is then.
    h.edit('Calls', 2, { 'Agreed e-mail': 'the offer <b>today</b> and two sample resumes' }, SALES, '2026-11-23T12:07');
    h.tick('2026-11-23T12:10');
    const sent = mailsTo(h, CLIENT);
    expect(sent).toHaveLength(1);
    expect(sent[0].subject).toBe('Following up on our call of 2026-11-23 11:00');
    await h.ws.save();
    const parsed = await simpleParser(fs.readFileSync(sent[0].path!));
    expect(parsed.text).toContain('Hello John Smith');
    expect(parsed.text).toContain('the offer <b>today</b> and two sample resumes');
    expect(parsed.text).toContain('Next contact: 2026-12-01');
    expect(parsed.html).toContain('the offer &lt;b&gt;today&lt;/b&gt;');
    expect(parsed.html).not.toContain('<b>today');
    expect(outboxRow(h, 'agreed:')[0]['State']).toBe('Sent');
    row = call(h, 'CALL-2026-0001');
    expect(row['After-call steps']).toContain('✓ The client got what was agreed');
    // Sent once: later ticks and edits send nothing more.
    h.edit('Calls', 2, { 'Agreed e-mail': 'something else' }, SALES, '2026-11-23T12:20');
    h.tick('2026-11-23T12:30');
    expect(mailsTo(h, CLIENT)).toHaveLength(1);
  });

  test('the agreed e-mail and the comment to the manager go once, also after their Outbox rows were archived', () => {
    firstCallDone(h);
    h.tick('2026-11-23T12:10');
    const agreed = () => mailsTo(h, CLIENT).length;
    const comments = () => mailsTo(h, BOSS).filter((m) => /comment/i.test(m.subject)).length;
    expect(agreed()).toBe(1);
    expect(comments()).toBe(1);
    // Six weeks on, the daily move has taken the finished rows to the archive tab; ticks and an edit of the call send nothing again.
    h.tick('2027-01-05T09:00');
    expect(h.ws.spreadsheet.sheetNames()).toContain('Outbox 2026');
    h.tick('2027-01-05T09:05');
    h.edit('Calls', 2, { Comment: FIRST_CALL_COMMENT + '\n' }, SALES, '2027-01-05T09:07');
    h.tick('2027-01-05T09:40');
    h.tick('2027-01-05T10:00');
    expect(comments()).toBe(1);
    expect(agreed()).toBe(1);
    expect(outboxRow(h, 'agreed:').map((r) => r['State'])).toEqual(['Sent']);
  });

  test('an Interview booked weeks ahead: the resumes and the notices go once while it is ahead; the notices leave the live Outbox once it started', () => {
    h.edit('Candidates', 2, { 'Resume link': 'https://cv.example/alice' }, h.ws.owner, '2026-11-23T12:00');
    h.edit('Candidates', 3, { 'Resume link': 'https://cv.example/bob' }, h.ws.owner, '2026-11-23T12:00');
    schedule(
      h,
      { Type: 'Interview', 'Order ID': 'ORD-2026-0001', Start: '2027-01-15 10:00', 'Candidate IDs': 'C-1, C-2', 'Manager e-mail': BOSS },
      '2026-11-23T12:01',
    );
    h.tick('2026-11-23T12:05');
    const resumes = () => mailsTo(h, CLIENT).filter((m) => m.subject.startsWith('Candidate resumes')).length;
    const notices = () => [...mailsTo(h, ALICE), ...mailsTo(h, BOB)].filter((m) => m.subject.startsWith('Interview with')).length;
    expect([resumes(), notices()]).toEqual([1, 2]);
    // Six weeks on, the interview still ahead: the daily move keeps these rows live, and the ticks send nothing again.
    h.tick('2027-01-05T09:00');
    expect(h.ws.spreadsheet.sheetNames()).toContain('Log 2026');
    h.tick('2027-01-05T09:05');
    // The night's full pass runs every feature over every call.
    h.tick('2027-01-06T03:00');
    h.tick('2027-01-06T03:05');
    expect([resumes(), notices()]).toEqual([1, 2]);
    // Once the interview has started nothing asks for the notices again: they are archived; the resumes' key has no start and stays.
    h.tick('2027-02-20T09:00');
    const archived = h.ws.spreadsheet.sheetNames().includes('Outbox 2026')
      ? h.ws.spreadsheet
          .readValues('Outbox 2026')
          .slice(1)
          .map((r) => String(r[0]))
      : [];
    expect(archived.filter((k) => k.startsWith('interviewNotice:'))).toHaveLength(2);
    expect(outboxRow(h, 'resumes:')).toHaveLength(1);
    expect([resumes(), notices()]).toEqual([1, 2]);
  });

  test('the manager cancels the agreed e-mail by clearing it, and the client gets nothing', () => {
    firstCallDone(h);
    h.edit('Calls', 2, { 'Agreed e-mail': '' }, SALES, '2026-11-23T11:45');
    expect(outboxRow(h, 'agreed:')[0]['State']).toBe('Cancelled');
    expect(call(h, 'CALL-2026-0001')['After-call steps']).toContain('✓ The "what we agreed" e-mail was cancelled by the manager');
    h.tick('2026-11-23T12:15');
    h.tick('2026-11-23T13:15');
    expect(mailsTo(h, CLIENT)).toHaveLength(0);
    expect(call(h, 'CALL-2026-0001')['Agreed e-mail']).toBe(''); // not filled again
  });

  test('the agreed e-mail is not sent when the call is set back to Scheduled before the delay is over', () => {
    firstCallDone(h);
    h.edit('Calls', 2, { Status: 'Cancelled' }, SALES, '2026-11-23T11:50');
    expect(outboxRow(h, 'agreed:')[0]['State']).toBe('Cancelled');
    h.tick('2026-11-23T12:15');
    expect(mailsTo(h, CLIENT)).toHaveLength(0);
  });

  test('after the first call an Interview must be scheduled; then the client gets the resumes and each candidate the client, date and time by the next tick', async () => {
    firstCallDone(h);
    expect(call(h, 'CALL-2026-0001')['After-call steps']).toContain('☐ The Interview with candidates is scheduled');
    h.edit('Candidates', 2, { 'Resume link': 'https://cv.example/alice?a=1&b=<2>' }, h.ws.owner, '2026-11-23T12:00');
    schedule(
      h,
      { Type: 'Interview', 'Order ID': 'ORD-2026-0001', Start: '2026-11-26 10:00', 'Candidate IDs': 'C-1, C-2', 'Manager e-mail': BOSS },
      '2026-11-23T12:01',
    );
    // Bob has no resume yet: the client's mail waits and the call says why.
    let interview = call(h, 'CALL-2026-0002');
    expect(interview['After-call steps']).toBe(
      [
        '☐ The candidates\' resumes went to the client: The resumes have not gone to the client: no "Resume link" for Bob Green (C-2) (Candidates tab).',
        '☐ The candidates know of the interview (client, date, time): Not yet told about the interview (the client, date and time): Alice Brown (C-1), Bob Green (C-2).',
      ].join('\n'),
    );
    expect(interview['Problems']).toBe('');
    h.tick('2026-11-23T12:05');
    // The tick re-reads every call: the First call's step is closed by the Interview on Calls.
    expect(call(h, 'CALL-2026-0001')['After-call steps']).toContain('✓ The Interview with candidates is scheduled');
    expect(mailsTo(h, CLIENT).filter((m) => m.subject.startsWith('Candidate resumes'))).toHaveLength(0);
    // Each candidate got their own notice, with the client's public facts, date and time.
    const alice = mailsTo(h, ALICE);
    const bob = mailsTo(h, BOB);
    expect(alice).toHaveLength(1);
    expect(bob).toHaveLength(1);
    expect(alice[0].to).toEqual([ALICE]);
    expect(alice[0].subject).toBe('Interview with Acme <b>Corp</b>: 2026-11-26 at 10:00');
    await h.ws.save();
    const a = await simpleParser(fs.readFileSync(alice[0].path!));
    expect(a.text).toContain('Hello Alice Brown');
    expect(a.text).toContain('2026-11-26 at 10:00 New York time');
    expect(a.text).toContain('Website: https://acme.example');
    expect(a.text).toContain('Product: CRM for dentists <script>');
    expect(a.html).not.toContain('<script>');
    expect(a.html).toContain('Acme &lt;b&gt;Corp&lt;/b&gt;');
    // Nothing of the other candidate, nothing internal of the comment.
    for (const secret of [BOB, 'Bob Green', '2 sales reps', 'send the offer', 'support team', CLIENT])
      expect(`${a.text}\n${a.html}\n${JSON.stringify(a.headers)}`).not.toContain(secret);
    interview = call(h, 'CALL-2026-0002');
    expect(interview['After-call steps']).toContain('✓ The candidates know of the interview');
    // Bob's resume arrives: the next tick sends the client one mail with both links.
    h.edit('Candidates', 3, { 'Resume link': 'https://cv.example/bob' }, h.ws.owner, '2026-11-23T12:20');
    h.tick('2026-11-23T12:25');
    h.tick('2026-11-23T12:30');
    const resumes = mailsTo(h, CLIENT).filter((m) => m.subject.startsWith('Candidate resumes'));
    expect(resumes).toHaveLength(1);
    const r = await (async () => {
      await h.ws.save();
      return simpleParser(fs.readFileSync(resumes[0].path!));
    })();
    expect(r.text).toContain('Alice Brown — https://cv.example/alice?a=1&b=<2>');
    expect(r.text).toContain('Bob Green — https://cv.example/bob');
    expect(r.html).not.toContain('<2>');
    expect(r.text).not.toContain(ALICE);
    expect(call(h, 'CALL-2026-0002')['After-call steps']).toBe(
      "✓ The candidates' resumes went to the client\n✓ The candidates know of the interview (client, date, time)",
    );
    // The candidates were told once; a moved Interview tells them the new time — at once: its
    // Meet link is known, so the edit sends it (no full tick of its own), and the tick sends no more.
    expect(mailsTo(h, ALICE)).toHaveLength(1);
    const moved = h.edit('Calls', 3, { Start: '2026-11-27 15:00' }, SALES, '2026-11-23T13:00');
    expect(mailsTo(h, ALICE).filter((m) => m.subject.startsWith('Interview with'))).toHaveLength(2);
    const movedRun = moved.find((r) => r.trigger === 'installable')!;
    expect(movedRun.calls.find((c) => c.call === 'MailApp.sendEmail')?.count).toBe(2);
    expect(mailsTo(h, BOB).filter((m) => m.subject.startsWith('Interview with'))).toHaveLength(2);
    // Both notices went as one batch: one in-flight marker set and deleted, one flush.
    expect(movedRun.calls.find((c) => c.call === 'Properties.deleteProperty')?.count).toBe(1);
    expect(movedRun.calls.find((c) => c.call === 'SpreadsheetApp.flush')?.count).toBe(1);
    const after = h.tick('2026-11-23T13:05');
    expect(after.calls.some((c) => c.call === 'MailApp.sendEmail')).toBe(false);
    const again = mailsTo(h, ALICE).filter((m) => m.subject.startsWith('Interview with'));
    expect(again).toHaveLength(2);
    expect(again[1].subject).toBe('Interview with Acme <b>Corp</b>: 2026-11-27 at 15:00');
    expect(mailsTo(h, CLIENT).filter((m) => m.subject.startsWith('Candidate resumes'))).toHaveLength(1);
  });

  describe('in the sidebar', () => {
    const REF = { sheet: 'Calls', row: 2, id: 'CALL-2026-0001' };
    type State = {
      checklist: Array<{ label: string; ok: boolean; detail: string }>;
      actions: Array<{ id: string; allowed: boolean; reason: string }>;
    };
    const sidebar = (user: string) => h.ws.invoke('uiSidebarState', { kind: 'ui', user, args: [REF] }).result as State;
    const act = (user: string, fn: string, args: unknown[]) =>
      h.ws.invoke(fn, { kind: 'ui', user, args }).result as { ok: boolean; message: string };

    test('the sidebar shows the after-call checklist, and the manager edits the agreed e-mail there before it goes', () => {
      firstCallDone(h);
      const state = sidebar(SALES);
      expect(state.checklist).toEqual(
        expect.arrayContaining([
          { label: "Client status Client, with the call's date and time", ok: true, detail: '' },
          expect.objectContaining({ label: 'The client got what was agreed', ok: false }),
          expect.objectContaining({ label: 'The Interview with candidates is scheduled', ok: false }),
        ]),
      );
      expect(state.actions.filter((a) => a.id.startsWith('agreed')).map((a) => [a.id, a.allowed])).toEqual([
        ['agreedEdit', true],
        ['agreedCancel', true],
      ]);
      // The Client department's Lena is not the call's manager: the actions say why, and the server refuses too.
      expect(sidebar(LEAD).actions.find((a) => a.id === 'agreedEdit')?.allowed).toBe(false);
      expect(act(LEAD, 'uiEditAgreedMail', [REF, { agreedMail: 'hacked' }]).ok).toBe(false);
      expect(call(h, 'CALL-2026-0001')['Agreed e-mail']).toBe('send the offer');
      const edited = act(SALES, 'uiEditAgreedMail', [REF, { agreedMail: 'the offer and the price list' }]);
      expect(edited.ok).toBe(true);
      expect(call(h, 'CALL-2026-0001')['Agreed e-mail']).toBe('the offer and the price list');
      h.tick('2026-11-23T12:10');
      const sent = mailsTo(h, CLIENT);
      expect(sent).toHaveLength(1);
      expect(sent[0].text).toContain('the offer and the price list');
      // Sent: nothing left to edit or cancel.
      expect(sidebar(SALES).actions.some((a) => a.id.startsWith('agreed'))).toBe(false);
      expect(act(SALES, 'uiCancelAgreedMail', [REF]).ok).toBe(false);
    });

    test('Cancel in the sidebar stops the agreed e-mail', () => {
      firstCallDone(h);
      expect(act(SALES, 'uiCancelAgreedMail', [REF]).ok).toBe(true);
      expect(call(h, 'CALL-2026-0001')['Agreed e-mail']).toBe('');
      h.tick('2026-11-23T11:45'); // the rules of the queued edit run with the next trigger
      expect(outboxRow(h, 'agreed:')[0]['State']).toBe('Cancelled');
      h.tick('2026-11-23T12:15');
      expect(mailsTo(h, CLIENT)).toHaveLength(0);
      expect(sidebar(SALES).checklist).toEqual(
        expect.arrayContaining([{ label: 'The "what we agreed" e-mail was cancelled by the manager', ok: true, detail: '' }]),
      );
    });
  });
});
