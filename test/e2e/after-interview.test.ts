/**
 * Seed 003, «Действия после звонка» of the Interview and the Repeat call, end to end on the
 * real bundle: the client's feedback and the hire on Candidates, the contract and what the
 * client asked for e-mailed through the Outbox, the Introductory call and the next meeting
 * due until a Calls row exists, and the checklist the sidebar shows.
 */
import * as fs from 'fs';
import { simpleParser } from 'mailparser';
import { Harness } from './harness';
import { BOSS, CLIENT, LEAD, SALES, call, callsWorkbook, mailsTo, schedule } from './calls-fixture';
import { asUser } from '../ui/fixture';

const INTERVIEW = {
  Type: 'Interview',
  'Order ID': 'ORD-2026-0001',
  Start: '2026-11-23 11:00',
  'Candidate IDs': 'C-1, C-2',
  'Manager e-mail': BOSS,
};
const COMMENT = [
  'Today we interviewed:',
  'Alice Brown (C-1) – 3 years of B2B sales',
  'Bob Green (C-2) – student, part-time',
  'Interview results:',
  'Alice Brown (C-1) – the client liked her <b>English</b>',
  'Bob Green (C-2) – too junior for now',
  'SM: Anna',
].join('\n');
const HIRE = {
  Hired: 'TRUE',
  'Hired candidate ID': 'C-1',
  'Hire start date': '2026-12-01',
  Price: '1500',
  'Contract link': 'https://docs.example/contract/7',
};

const candidate = (h: Harness, id: string) => h.rows('Candidates').find((c) => c['Candidate ID'] === id)!;
const outbox = (h: Harness, prefix: string) => h.rows('Outbox').filter((r) => String(r['Key']).startsWith(prefix));

interface State {
  checklist: Array<{ label: string; ok: boolean; detail: string }>;
}

describe('after the Interview (seed 003)', () => {
  // The comment and Done are the call's manager's, typed in the sheet: a Workspace account names the editor (as in calls.test.ts).
  let h: Harness;
  beforeEach(async () => {
    h = await callsWorkbook({ account: 'workspace' });
    schedule(h, INTERVIEW);
  });
  afterEach(() => h.close());

  test("the client's feedback on each candidate lands on Candidates, from the comment's Interview results", () => {
    h.edit('Calls', 2, { Status: 'Done', Comment: COMMENT }, SALES, '2026-11-23T12:00');
    expect(candidate(h, 'C-1')['Client feedback']).toBe('CALL-2026-0001: the client liked her <b>English</b>');
    expect(candidate(h, 'C-2')['Client feedback']).toBe('CALL-2026-0001: too junior for now');
    expect(candidate(h, 'C-3')['Client feedback']).toBe('');
    // A candidate the results say nothing of is a step left open on the call.
    h.edit('Calls', 2, { Comment: COMMENT.replace('Bob Green (C-2) – too junior for now\n', '') }, SALES);
    expect(call(h, 'CALL-2026-0001')['Problems']).toContain('No client feedback on Bob Green (C-2) in "Interview results"');
    expect(candidate(h, 'C-2')['Client feedback']).toBe('');
    // The column is the system's: Google's protection refuses even Management (the call is where feedback is written).
    expect(() => h.edit('Candidates', 2, { 'Client feedback': 'my own note' }, BOSS)).toThrow(/Client feedback.*protected/);
    expect(candidate(h, 'C-1')['Client feedback']).toBe('CALL-2026-0001: the client liked her <b>English</b>');
  });

  test("an edit of one order's interview keeps the feedback a later interview of another order gave (the edit reads every call naming the candidate)", () => {
    h.edit(
      'Orders',
      'new',
      {
        Client: 'Globex',
        'Contact person': 'Hank',
        'Client e-mail': 'hank@globex.example',
        'Client language': 'English',
        'Sales manager': SALES,
      },
      SALES,
    );
    const orderId = String(h.rows('Orders').at(-1)!['Order ID']);
    schedule(h, { ...INTERVIEW, 'Order ID': orderId, Start: '2026-11-23 15:00', 'Candidate IDs': 'C-1' });
    const later = [
      'Today we interviewed:',
      'Alice Brown (C-1) – 3 years of B2B sales',
      'Interview results:',
      'Alice Brown (C-1) – Globex wants her',
      'SM: Anna',
    ].join('\n');
    h.edit('Calls', 3, { Status: 'Done', Comment: later }, SALES, '2026-11-23T16:00');
    expect(candidate(h, 'C-1')['Client feedback']).toBe('CALL-2026-0002: Globex wants her');
    // The earlier interview (the first order's) is marked Done afterwards: the latest call's feedback stands.
    h.edit('Calls', 2, { Status: 'Done', Comment: COMMENT }, SALES, '2026-11-23T16:30');
    expect(candidate(h, 'C-1')['Client feedback']).toBe('CALL-2026-0002: Globex wants her');
    expect(candidate(h, 'C-2')['Client feedback']).toBe('CALL-2026-0001: too junior for now');
    // The next full pass agrees with what the edit wrote.
    h.tick('2026-11-24T03:00');
    expect(candidate(h, 'C-1')['Client feedback']).toBe('CALL-2026-0002: Globex wants her');
  });

  test('after a hired interview the client gets the contract and an introductory call is due', async () => {
    h.edit('Calls', 2, { Status: 'Done', Comment: COMMENT, ...HIRE }, SALES, '2026-11-23T12:00');
    // The candidate's row: Hired, start date, price, contract link, and which call.
    const alice = candidate(h, 'C-1');
    expect(alice['Status']).toBe('Hired');
    expect(alice['Start date']).toEqual(h.instant('2026-12-01T00:00'));
    expect(alice['Price']).toBe(1500);
    expect(alice['Contract link']).toBe('https://docs.example/contract/7');
    expect(alice['Hired on call']).toBe('CALL-2026-0001');
    // The contract went to the client (the order's Client e-mail) for signing, once.
    const contract = mailsTo(h, CLIENT).filter((m) => /Contract/.test(m.subject));
    expect(contract).toHaveLength(1);
    expect(contract[0].subject).toBe('Contract for Acme <b>Corp</b>');
    await h.ws.save();
    const parsed = await simpleParser(fs.readFileSync(contract[0].path!));
    expect(parsed.text).toContain('https://docs.example/contract/7');
    // Sign by the working day before the start (Tuesday 1 December → Monday 30 November).
    expect(parsed.text).toContain('sign it by 2026-11-30');
    expect(String(parsed.html)).toContain('<a href="https://docs.example/contract/7">');
    expect(outbox(h, 'contract:CALL-2026-0001:C-1').map((r) => r['State'])).toEqual(['Sent']);
    // The Introductory call is due until a Calls row for her exists.
    const due = 'Alice Brown (C-1) is hired: schedule the Introductory call';
    expect(call(h, 'CALL-2026-0001')['Problems']).toContain(due);
    h.tick('2026-11-23T12:05');
    expect(call(h, 'CALL-2026-0001')['Problems']).toContain(due);
    expect(mailsTo(h, CLIENT).filter((m) => /Contract/.test(m.subject))).toHaveLength(1);
    // A new signed-contract link updates Candidates and asks for no second signature.
    h.edit('Calls', 2, { 'Contract link': 'https://docs.example/contract/7-signed' }, SALES);
    expect(candidate(h, 'C-1')['Contract link']).toBe('https://docs.example/contract/7-signed');
    expect(mailsTo(h, CLIENT).filter((m) => /Contract/.test(m.subject))).toHaveLength(1);
    // Scheduling the Introductory call (her e-mail as the hired employee) closes the step at once.
    schedule(h, {
      Type: 'Introductory call',
      'Order ID': 'ORD-2026-0001',
      Start: '2026-11-30 10:00',
      'Hired employee e-mail': 'alice@example.com',
      'Team lead e-mail': LEAD,
      'Manager e-mail': BOSS,
    });
    expect(call(h, 'CALL-2026-0001')['Problems']).toBe('');
    // The sidebar's checklist shows each step, closed.
    const state = asUser<State>(h, BOSS, 'uiSidebarState', [], { sheet: 'Calls', row: 2 });
    const steps = state.checklist.filter((c) => /feedback|contract|Introductory/.test(c.label));
    expect(steps.map((c) => [c.label, c.ok])).toEqual([
      ["The client's feedback on each candidate — on Candidates", true],
      ['The contract went to the client for signing', true],
      ['The Introductory call is scheduled', true],
    ]);
  });

  test('when nobody is chosen a follow-up must be scheduled', () => {
    h.edit('Calls', 2, { Status: 'Done', Comment: COMMENT }, SALES, '2026-11-23T12:00');
    const due =
      'Nobody hired: offer the client new candidates and schedule the next meeting — a new call of order ORD-2026-0001 after this one.';
    expect(call(h, 'CALL-2026-0001')['Problems']).toBe(due);
    let state = asUser<State>(h, BOSS, 'uiSidebarState', [], { sheet: 'Calls', row: 2 });
    expect(state.checklist.find((c) => /next meeting/.test(c.label))).toEqual({
      label: 'The next meeting is scheduled (nobody hired)',
      ok: false,
      detail: due,
    });
    // A call of another order does not close it; the next meeting of this order does.
    schedule(h, { Type: 'Repeat call', 'Order ID': 'ORD-2026-0002', Start: '2026-11-26 11:00', 'Candidate IDs': 'C-3', 'Manager e-mail': BOSS });
    expect(call(h, 'CALL-2026-0001')['Problems']).toBe(due);
    schedule(h, { ...INTERVIEW, Start: '2026-11-27 11:00', 'Candidate IDs': 'C-3' });
    expect(call(h, 'CALL-2026-0001')['Problems']).toBe('');
    state = asUser<State>(h, BOSS, 'uiSidebarState', [], { sheet: 'Calls', row: 2 });
    expect(state.checklist.find((c) => /next meeting/.test(c.label))!.ok).toBe(true);
    // Cancelled, it no longer counts (the next tick re-checks every call).
    h.edit('Calls', 4, { Status: 'Cancelled' }, SALES);
    expect(call(h, 'CALL-2026-0001')['Problems']).toBe(due);
  });

  test('the contract and what the client asked for go once, also after their Outbox rows were archived', () => {
    h.edit('Calls', 2, { Status: 'Done', Comment: COMMENT, ...HIRE, 'Client asked for': 'portfolios' }, SALES, '2026-11-23T12:00');
    const sent = () => mailsTo(h, CLIENT).filter((m) => /Contract|After the interview/.test(m.subject)).length;
    expect(sent()).toBe(2);
    // Six weeks on, the daily move has taken the finished rows to the archive tab; the ticks and an edit of the call send nothing again.
    h.tick('2027-01-05T09:00');
    expect(h.ws.spreadsheet.sheetNames()).toContain('Outbox 2026');
    h.tick('2027-01-05T09:05');
    h.edit('Calls', 2, { Comment: COMMENT + '\n' }, SALES, '2027-01-05T09:07');
    h.tick('2027-01-05T09:10');
    expect(sent()).toBe(2);
  });

  test('the client gets what they asked for at the interview (e.g. portfolios), once per text', async () => {
    h.edit('Calls', 2, { 'Client asked for': 'Portfolio of Alice: https://portfolio.example/alice <script>' }, SALES, '2026-11-23T11:30');
    expect(mailsTo(h, CLIENT)).toHaveLength(0); // not before the call is Done
    h.edit('Calls', 2, { Status: 'Done', Comment: COMMENT }, SALES, '2026-11-23T12:00');
    const asked = mailsTo(h, CLIENT).filter((m) => /After the interview/.test(m.subject));
    expect(asked).toHaveLength(1);
    await h.ws.save();
    const parsed = await simpleParser(fs.readFileSync(asked[0].path!));
    expect(parsed.text).toContain('Portfolio of Alice: https://portfolio.example/alice <script>');
    expect(String(parsed.html)).not.toContain('<script>');
    expect(parsed.replyTo?.text).toContain(BOSS);
    h.tick('2026-11-23T12:05');
    expect(mailsTo(h, CLIENT).filter((m) => /After the interview/.test(m.subject))).toHaveLength(1);
    // Something more asked: a second mail with the new text.
    h.edit('Calls', 2, { 'Client asked for': 'Portfolio of Alice and Bob: https://portfolio.example/ab' }, SALES);
    expect(mailsTo(h, CLIENT).filter((m) => /After the interview/.test(m.subject))).toHaveLength(2);
    const state = asUser<State>(h, BOSS, 'uiSidebarState', [], { sheet: 'Calls', row: 2 });
    expect(state.checklist.find((c) => /asked for/.test(c.label))).toEqual({
      label: 'The client got what they asked for',
      ok: true,
      detail: '',
    });
  });
});

describe('Repeat call (seed 003): the comment follows what it was', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await callsWorkbook({ account: 'workspace' });
  });
  afterEach(() => h.close());

  test('a repeat interview needs an interview comment, a clarifying call a summary', () => {
    const repeat = {
      Type: 'Repeat call',
      'Order ID': 'ORD-2026-0001',
      Start: '2026-11-23 11:00',
      'Candidate IDs': 'C-1',
      'Manager e-mail': BOSS,
    };
    schedule(h, { ...repeat, 'Repeat call kind': 'Repeat interview' });
    h.edit('Calls', 2, { Status: 'Done', Comment: 'Went well.' }, SALES, '2026-11-23T12:00');
    const problems = String(call(h, 'CALL-2026-0001')['Problems']);
    expect(problems).toContain('Today we interviewed');
    expect(mailsTo(h, BOSS)).toHaveLength(0);
    const comment = 'Today we interviewed:\nAlice Brown (C-1) – better prepared\nInterview results: C-1 – the client wants her\nSM: Anna';
    h.edit('Calls', 2, { Comment: comment }, SALES);
    expect(mailsTo(h, BOSS)).toHaveLength(1);
    // A repeat interview is an interview: the feedback lands, and its steps follow.
    expect(candidate(h, 'C-1')['Client feedback']).toBe('CALL-2026-0001: the client wants her');
    expect(call(h, 'CALL-2026-0001')['Problems']).toContain('Nobody hired');
    // A clarifying call: a short summary is all it needs, and no interview steps.
    schedule(h, { ...repeat, Start: '2026-11-24 11:00', 'Repeat call kind': 'Clarifying call' });
    h.edit('Calls', 3, { Status: 'Done', Comment: '' }, SALES, '2026-11-24T12:00');
    expect(call(h, 'CALL-2026-0002')['Problems']).toContain('the comment is empty');
    h.edit('Calls', 3, { Comment: 'Agreed the start date with the client.' }, SALES);
    expect(call(h, 'CALL-2026-0002')['Problems']).toBe('');
    expect(mailsTo(h, BOSS)).toHaveLength(2);
    // With no kind typed, the Interview header tells a repeat interview.
    schedule(h, { ...repeat, Start: '2026-11-25 11:00' });
    h.edit('Calls', 4, { Status: 'Done', Comment: 'Today we interviewed:\nAlice Brown (C-1) – ok\nSM: Anna' }, SALES, '2026-11-25T12:00');
    expect(call(h, 'CALL-2026-0003')['Problems']).toContain('Interview results');
  });
});
