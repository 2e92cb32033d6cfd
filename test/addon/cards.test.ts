/**
 * The add-on's cards and actions on the local Workspace: the same build/addon/Code.js that
 * clasp pushes, run as the signed-in person in its own context (workspace/cli/addonHost.ts).
 */
import { Harness } from '../e2e/harness';
import { BOSS, call, CLIENT, LEAD, mailsTo, SALES } from '../e2e/calls-fixture';
import { addonWorkbook, HR, inputNames, mailFrom, open, scheduled, texts } from './fixture';
import { renderCardText } from '../../workspace/services/card';

const INTERVIEW = {
  Type: 'Interview',
  'Order ID': 'ORD-2026-0001',
  Start: '2026-11-23 15:00',
  'Candidate IDs': 'C-1, C-2',
  'Manager e-mail': BOSS,
};

describe('Calendar: the call card', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await addonWorkbook();
  });
  afterEach(() => h.close());

  test('a guest (the call manager) opening the Interview event sees type, time, order, client, candidates, checklist and the per-candidate comment form', () => {
    const { eventId } = scheduled(h, INTERVIEW);
    const { card, shown } = open(h, { kind: 'calendar', eventId }, BOSS);
    expect(shown.fn).toBe('addonCalendarEventOpen');
    // The event object is what Google gives a guest with READ access: their own calendar, no extended properties.
    expect(shown.event.calendar).toMatchObject({ id: eventId, calendarId: BOSS, capabilities: { canSeeAttendees: true } });
    expect(JSON.stringify(shown.event)).not.toContain('CALL-2026-0001');
    const text = renderCardText(card);
    expect(text).toContain('CALL-2026-0001');
    expect(text).toContain('Interview');
    expect(text).toContain('ORD-2026-0001');
    expect(text).toContain('Acme <b>Corp</b>'); // a cell's markup is shown, never interpreted
    expect(text).toContain('Alice Brown');
    expect(text).toContain('Bob Green');
    expect(inputNames(card)).toEqual([
      's_C-1',
      's_C-2',
      'results',
      'fb_C-1',
      'fb_C-2',
      'sm',
      'hired',
      'hiredCandidateId',
      'hireStartDate',
      'price',
      'contractLink',
      'clientAskedFor',
    ]);
    expect(texts(card)).toContain('"function":"addonMarkCallDone"');
  });

  test('an event the engine did not make shows that it is no call; someone who is not a guest cannot open it', () => {
    const { eventId } = scheduled(h, INTERVIEW);
    expect(() => open(h, { kind: 'calendar', eventId }, 'stranger@example.com')).toThrow(/cannot open event/);
    h.edit('Staff', 'new', { Name: 'Owner', 'E-mail': h.ws.owner, Department: 'Management' }, h.ws.owner);
    const twin = h.ws.calendar.events().find((e) => e.extendedProperties?.private?.reglament === 'notes')!;
    const { card } = open(h, { kind: 'calendar', eventId: twin.id! }, h.ws.owner);
    expect(renderCardText(card)).toContain('not one of the Reglament workbook’s calls');
  });

  test('the manager fills the comment for two candidates, marks one Hired and submits: the row is written as typed, the engine’s tick mails the manager and hires the candidate', () => {
    const { callId, eventId } = scheduled(h, INTERVIEW);
    const { host, shown, card } = open(h, { kind: 'calendar', eventId }, BOSS);
    const acted = host.act(shown, card, 'addonMarkCallDone', {
      's_C-1': 'strong, two years inbound',
      's_C-2': 'too junior',
      results: 'Alice hired',
      'fb_C-1': 'the client liked her calm voice',
      'fb_C-2': 'needs more practice',
      sm: 'Anna',
      hired: 'yes',
      hiredCandidateId: 'C-1',
      hireStartDate: '2026-12-01',
      price: '1500',
      contractLink: 'https://docs.google.com/document/d/contract-7',
    });
    expect(acted.problems).toEqual([]);
    expect(acted.refused).toBe(false);
    expect(acted.response.renderActions.action.notification?.text).toMatch(/Written to call CALL-2026-0001\. The workbook’s engine applies/);
    // Written as the person typed it; nothing of the engine's yet (the add-on's writes fire no trigger).
    let row = call(h, callId);
    expect(row['Status']).toBe('Done');
    expect(row['Comment']).toBe(
      'Today we interviewed:\nAlice Brown (C-1) – strong, two years inbound\nBob Green (C-2) – too junior\nInterview results:\nAlice hired\nAlice Brown (C-1) – the client liked her calm voice\nBob Green (C-2) – needs more practice\nSM: Anna',
    );
    expect(row['Hired']).toBe(true);
    expect(row['Hire start date']).toEqual(h.instant('2026-12-01T00:00'));
    expect(row['Price']).toBe(1500);
    expect(mailsTo(h, BOSS).filter((m) => /comment/i.test(m.subject))).toHaveLength(0);
    expect(h.rows('Candidates')[0]['Status']).toBe('New');
    // The engine's next tick applies it as an edit by the manager.
    const tick = h.tick('2026-11-23T16:05');
    expect(tick.ok).toBe(true);
    row = call(h, callId);
    // What is left is the next step: the Introductory call (test/e2e/after-interview.test.ts).
    expect(row['Problems']).toBe(
      'Alice Brown (C-1) is hired: schedule the Introductory call with the client, the employee and the team lead — a Calls row naming this candidate ID or e-mail.',
    );
    expect(mailsTo(h, BOSS).filter((m) => /comment/i.test(m.subject))).toHaveLength(1);
    expect(h.rows('Candidates').map((c) => c['Status'])).toEqual(['Hired', 'New', 'New']);
    expect(h.rows('Candidates').map((c) => c['Client feedback'])).toEqual([
      `${callId}: the client liked her calm voice`,
      `${callId}: needs more practice`,
      '',
    ]);
    expect(h.rows('Log').some((l) => String(l['Action']).startsWith('Workspace add-on:') && l['User'] === BOSS)).toBe(true);
    // Applied once: a second tick finds the queue empty.
    h.tick('2026-11-23T16:10');
    expect(mailsTo(h, BOSS).filter((m) => /comment/i.test(m.subject))).toHaveLength(1);
  });

  test('HR marking a Sales call done is refused with the same message as in the sheet; nothing is written', async () => {
    h.close();
    h = await addonWorkbook('workspace');
    const { callId, eventId } = scheduled(h, {
      Type: 'Introductory call',
      'Order ID': 'ORD-2026-0001',
      Start: '2026-11-23 15:00',
      'Hired employee e-mail': 'new.hire@example.com',
      'Team lead e-mail': HR,
      'Manager e-mail': BOSS,
    });
    const { host, shown, card } = open(h, { kind: 'calendar', eventId }, HR);
    // HR may not write the comment: the card says so and offers no form, only Done to try.
    expect(inputNames(card)).toEqual([]);
    const acted = host.act(shown, card, 'addonMarkCallDone', {});
    expect(acted.refused).toBe(true);
    const said = acted.response.renderActions.action.notification!.text;
    expect(said).toMatch(/^Not allowed: /);
    expect(call(h, callId)['Status']).not.toBe('Done');
    expect(h.ws.spreadsheet.sheetNames()).not.toContain('_Add-on queue');
    // The sheet (its protection lifted, so the rules answer rather than Google) says the same.
    h.unprotect('Calls');
    h.edit('Calls', 2, { Status: 'Done' }, HR);
    expect(call(h, callId)['Status']).not.toBe('Done');
    const reason = said.replace(/^Not allowed: /, '');
    const inSheet = h
      .rows('Log')
      .filter((l) => l['Action'] === 'Edit refused')
      .pop();
    expect(String(inSheet?.['Details'])).toContain(reason);
  });

  test('a Done without a valid comment is refused and the card keeps what was typed (no navigation)', () => {
    const { callId, eventId } = scheduled(h, INTERVIEW);
    const { host, shown, card } = open(h, { kind: 'calendar', eventId }, BOSS);
    const acted = host.act(shown, card, 'addonMarkCallDone', { 's_C-1': 'strong', results: 'Alice' });
    expect(acted.refused).toBe(true);
    expect(acted.response.renderActions.action.navigations).toBeUndefined();
    expect(acted.response.renderActions.action.notification?.text).toContain('Bob Green (C-2)');
    expect(call(h, callId)['Status']).not.toBe('Done');
    expect(call(h, callId)['Comment']).toBe('');
  });

  test('a queue entry typed by hand (no valid signature) is logged and never applied', () => {
    const { callId, eventId } = scheduled(h, INTERVIEW);
    const { host, shown, card } = open(h, { kind: 'calendar', eventId }, BOSS);
    host.act(shown, card, 'addonSaveCall', { 's_C-1': 'ok', 's_C-2': 'ok', results: 'none', sm: 'Anna' });
    const ss = h.ws.spreadsheet;
    const values = ss.readValues('_Add-on queue');
    expect(values.length).toBe(2);
    // An editor forges an entry in another person's name and "signs" it.
    const forged = JSON.parse(String(values[1][2]));
    forged.user = SALES;
    h.ws.invoke('tick', { kind: 'time', at: h.instant('2026-11-23T09:30') });
    const sheet = (h.ws.ctx.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp)
      .getActiveSpreadsheet()
      .getSheetByName('_Add-on queue')!;
    sheet.appendRow([forged.at, SALES, JSON.stringify(forged), 'forged']);
    h.tick('2026-11-23T09:35');
    const log = h.rows('Log');
    expect(log.some((l) => l['Action'] === 'Add-on entry refused: bad signature' && l['User'] === SALES)).toBe(true);
    expect(log.filter((l) => String(l['Action']).startsWith('Workspace add-on:') && l['User'] === SALES)).toHaveLength(0);
    expect(ss.readValues('_Add-on queue').length).toBe(1);
    expect(call(h, callId)['Comment']).toContain('SM: Anna');
  });
});

describe('Gmail: the client card', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await addonWorkbook();
  });
  afterEach(() => h.close());

  test('a client’s mail shows the order, what the hand-off needs, calls; Record payment writes Payment received and the mail as the document', async () => {
    scheduled(h, INTERVIEW);
    const mail = await mailFrom(h, `John Smith <${CLIENT}>`, SALES, 'Payment order for the vacancy');
    const { host, shown, card } = open(h, mail, SALES);
    expect(shown.fn).toBe('addonGmailMessageOpen');
    const text = renderCardText(card);
    expect(text).toContain('ORD-2026-0001');
    expect(text).toContain('What the hand-off needs');
    expect(text).toContain('CALL-2026-0001');
    expect(inputNames(card)).toEqual(['paymentDate', 'paymentLink']);
    const acted = host.act(shown, card, 'addonRecordPayment', {});
    expect(acted.refused).toBe(false);
    const order = h.rows('Orders')[0];
    expect(order['Payment received']).toEqual(h.instant('2026-11-23T00:00'));
    expect(String(order['Payment document link'])).toMatch(/^https:\/\/mail\.google\.com\/mail\/u\/0\/#all\/[0-9a-f]{16}$/);
    // Recorded once: the card now shows it, and a second click is refused.
    const again = open(h, mail, SALES);
    expect(inputNames(again.card)).toEqual([]);
  });

  test('a stranger’s mail names no order; a client naming another client’s order ID sees nothing of it; HR may not record payments', async () => {
    const stranger = await mailFrom(h, 'someone@else.example', SALES, 'Hello ORD-2026-0002');
    expect(renderCardText(open(h, stranger, SALES).card)).toContain('is no order’s client');
    const nosy = await mailFrom(h, CLIENT, SALES, 'About ORD-2026-0002');
    expect(renderCardText(open(h, nosy, SALES).card)).toContain('ORD-2026-0001');
    const staff = await mailFrom(h, LEAD, HR, 'Re: ORD-2026-0002 start');
    const { host, shown, card } = open(h, staff, HR);
    expect(renderCardText(card)).toContain('ORD-2026-0002');
    const acted = host.act(shown, card, 'addonRecordPayment', {});
    expect(acted.refused).toBe(true);
    expect(acted.response.renderActions.action.notification?.text).toMatch(/^Not allowed:/);
    expect(h.rows('Orders')[1]['Payment received']).toBe('');
  });

  test('on a quiet workbook (the gate closed) a call scheduled from Gmail gets its ID within the half hour: the probe looks at the add-on’s queue', async () => {
    h.run('2026-11-23T09:05', '2026-11-23T11:00');
    expect(h.tick('2026-11-23T11:00').totalCalls).toBeLessThanOrEqual(3);
    const mail = await mailFrom(h, CLIENT, SALES, 'Can we talk?');
    const { host, shown, card } = open(h, mail, SALES);
    const pushed = host.act(shown, card, 'addonScheduleForm', {});
    const nav = pushed.response.renderActions.action.navigations?.[0];
    const form = nav && 'pushCard' in nav ? nav.pushCard : undefined;
    host.act(shown, form!, 'addonScheduleCall', { type: 'interview', start: '2026-11-25T10:00', candidateIds: 'C-1', managerEmail: BOSS });
    expect(h.rows('Calls')[0]['Call ID']).toBe('');
    h.run('2026-11-23T11:05', '2026-11-23T11:35');
    expect(h.rows('Calls')[0]['Call ID']).toBe('CALL-2026-0001');
  });

  test('Schedule a call… pushes the schedule form; submitting it writes a new Calls row as the Sales manager would type it', async () => {
    const mail = await mailFrom(h, CLIENT, SALES, 'Can we talk?');
    const { host, shown, card } = open(h, mail, SALES);
    const pushed = host.act(shown, card, 'addonScheduleForm', {});
    const nav = pushed.response.renderActions.action.navigations?.[0];
    const form = nav && 'pushCard' in nav ? nav.pushCard : undefined;
    expect(form).toBeDefined();
    expect(inputNames(form!)).toEqual(['type', 'start', 'duration', 'clientEmail', 'candidateIds', 'managerEmail']);
    const acted = host.act(shown, form!, 'addonScheduleCall', {
      type: 'interview',
      start: '2026-11-25T10:00',
      candidateIds: 'C-1',
      managerEmail: BOSS,
    });
    expect(acted.problems).toEqual([]);
    expect(acted.refused).toBe(false);
    const rows = h.rows('Calls');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ Type: 'Interview', 'Order ID': 'ORD-2026-0001', 'Candidate IDs': 'C-1', 'Manager e-mail': BOSS });
    expect(rows[0]['Start']).toEqual(h.instant('2026-11-25T10:00'));
    // The engine assigns the ID and makes the event at its next full tick — at the latest the
    // half-hourly probe's, which looks at the add-on's queue (the add-on cannot touch the
    // engine's properties, so nothing else opens the gate for it).
    expect(rows[0]['Call ID']).toBe('');
    const runs: string[] = [];
    for (let m = 35; m <= 65 && h.rows('Calls')[0]['Call ID'] === ''; m += 5)
      runs.push(h.tick(`2026-11-23T${String(9 + Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`).at);
    expect(h.rows('Calls')[0]['Call ID']).toBe('CALL-2026-0001');
    expect(runs.length).toBeLessThanOrEqual(7);
  });

  test('the mail must be in the user’s mailbox: GmailApp reads it only with the event’s token', async () => {
    const mail = await mailFrom(h, CLIENT, SALES, 'Hi');
    const { host } = open(h, mail, SALES);
    h.ws.rt.beginExecution(h.ws.rt.clock.now(), { kind: 'ui', activeUser: SALES, effectiveUser: SALES });
    expect(() =>
      (host.ctx.GmailApp as GoogleAppsScript.Gmail.GmailApp).getMessageById((mail as { message: { id: string } }).message.id),
    ).toThrow(/Missing access token/);
  });
});

describe('Homepage: my day', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await addonWorkbook();
  });
  afterEach(() => h.close());

  test('the manager sees today’s calls they run; a person not on Staff sees nothing of the workbook', () => {
    scheduled(h, INTERVIEW);
    scheduled(h, { ...INTERVIEW, Start: '2026-11-24 15:00' });
    const { card } = open(h, { kind: 'homepage' }, BOSS);
    const text = renderCardText(card);
    expect(text).toContain('My calls today');
    expect(text).toContain('CALL-2026-0001');
    expect(text).not.toContain('CALL-2026-0002');
    const stranger = open(h, { kind: 'homepage' }, 'stranger@example.com').card;
    expect(renderCardText(stranger)).toContain('is not on the Staff tab');
    expect(renderCardText(stranger)).not.toContain('CALL-2026');
  });

  test('a call whose Meet link Calendar generated (no link typed in the row) shows it: read from the calendar-sync tab', () => {
    scheduled(h, INTERVIEW);
    h.tick('2026-11-23 09:10'); // the engine reads the conference back once Calendar made it
    const json = JSON.stringify(open(h, { kind: 'homepage' }, BOSS).card);
    expect(json).toMatch(/https:\/\/meet\.google\.com\/[a-z-]+/);
    expect(renderCardText(open(h, { kind: 'homepage' }, BOSS).card)).toContain('Join the meeting');
  });
});
