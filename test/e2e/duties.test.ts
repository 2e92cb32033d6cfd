/**
 * Seed 001's contract duties as tracked deadlines, end to end on the local Workspace (the
 * build/ bundle): a hot lead to the client within 10 minutes, a scheme change within 1 day,
 * the act's signature within 5 working days, the act counted from the report really sent,
 * and the reminders to a silent client and before payment. Zone Europe/Berlin unless said
 * (DST ends there on Sunday 25 October 2026); the Holidays tab holds Russia's (4 November).
 * The e-mails are read back from their .eml files with python3's email package.
 */
import { execFileSync } from 'child_process';
import { Harness } from './harness';
import { BOSS, CLIENT, CLIENT_DEPT, handedOff, HR, order, SALES, workbook } from './schedules-fixture';

const ORDER = 'ORD-2026-0001';

/** Subject, To and the text part of an .eml, parsed by python3's email package. */
function eml(path: string): { subject: string; to: string; replyTo: string; text: string } {
  const script = [
    'import email, json, sys',
    'from email import policy',
    'm = email.message_from_binary_file(open(sys.argv[1], "rb"), policy=policy.default)',
    'b = m.get_body(preferencelist=("plain",))',
    'print(json.dumps({"subject": str(m["subject"]), "to": str(m["to"]), "replyTo": str(m["reply-to"] or ""), "text": b.get_content()}))',
  ].join('\n');
  return JSON.parse(execFileSync('python3', ['-c', script, path], { encoding: 'utf8' }));
}

async function parsed(h: Harness, subject: RegExp): Promise<Array<ReturnType<typeof eml>>> {
  await h.ws.save();
  return h.ws.mail
    .sent()
    .filter((m) => subject.test(m.subject))
    .map((m) => eml(m.path!));
}

const outbox = (h: Harness, prefix: string) => h.rows('Outbox').filter((r) => String(r['Key']).startsWith(prefix));
const settingRow = (h: Harness, key: string) => h.rows('Settings').findIndex((r) => r['Key'] === key) + 2;

describe('seed 001: a hot lead', () => {
  let h: Harness;
  afterEach(() => h.close());

  test('a hot lead reaches the client within 10 minutes, by itself, with the contact and the comment, once', async () => {
    h = await workbook();
    handedOff(h, '2026-10-19 10:00', { 'Paid services': 'Resume selection' });
    h.edit('Candidates', 'new', { 'Candidate ID': 'C-7', Name: 'Мария <i>Петрова</i>', 'E-mail': 'maria@example.net', 'Order ID': ORDER }, HR);
    h.tick('2026-10-22T10:00');
    const before = h.ws.mail.sent().length;
    h.edit(
      'Calling results',
      'new',
      {
        Date: '2026-10-22',
        'Order ID': ORDER,
        'Candidate ID': 'C-7',
        Phone: '+7 916 000-11-22',
        Outcome: 'Hot lead',
        Comment: 'Ready to start Monday <b>now</b>',
      },
      HR,
      '2026-10-22T10:02',
    );
    // The edit itself sends nothing; the next 5-minute tick does (the gate opened for it).
    expect(h.ws.mail.sent().length).toBe(before);
    h.tick('2026-10-22T10:05');
    const rows = outbox(h, 'hotlead|');
    expect(rows).toEqual([expect.objectContaining({ Key: `hotlead|${ORDER}|C-7`, State: 'Sent', Recipient: CLIENT })]);
    const sentAt = (rows[0]['Sent at'] as Date).getTime();
    expect(sentAt - h.instant('2026-10-22T10:02').getTime()).toBeLessThanOrEqual(10 * 60000);
    const [mail] = await parsed(h, /^Hot lead/);
    expect(mail.to).toBe(CLIENT);
    expect(mail.replyTo).toBe(SALES);
    expect(mail.subject).toBe('Hot lead: Мария <i>Петрова</i> — C-7 — Call-centre operator');
    expect(mail.text).toContain('+7 916 000-11-22, maria@example.net');
    expect(mail.text).toContain('Ready to start Monday <b>now</b>');
    expect(mail.text).toContain('2026-10-22 10:02');
    // Re-ticking or editing the comment never sends it twice.
    h.edit('Calling results', 2, { Comment: 'Ready on Monday' }, HR, '2026-10-22T10:07');
    h.tick('2026-10-22T10:10');
    h.tick('2026-10-22T10:15');
    expect(h.ws.mail.sent().filter((m) => /^Hot lead/.test(m.subject))).toHaveLength(1);
    const props = (h.ws.ctx.PropertiesService as GoogleAppsScript.Properties.PropertiesService).getScriptProperties();
    expect(props.getProperty('reglament.hotLeads')).toBeNull();
  });

  test('a hot lead of an order without a client e-mail is logged, not lost silently', async () => {
    h = await workbook();
    h.edit('Orders', 'new', order({ 'Client e-mail': '' }), SALES);
    h.edit(
      'Calling results',
      'new',
      { Date: '2026-10-19', 'Order ID': ORDER, Phone: '+7 916 000-11-22', Outcome: 'Hot lead' },
      HR,
      '2026-10-19T11:00',
    );
    h.tick('2026-10-19T11:05');
    expect(h.ws.mail.sent().filter((m) => /^Hot lead/.test(m.subject))).toHaveLength(0);
    expect(h.rows('Log').some((r) => r['Action'] === 'Hot lead not sent' && /no "Client e-mail"/.test(String(r['Details'])))).toBe(true);
  });
});

describe('seed 001: a change to the service scheme', () => {
  let h: Harness;
  afterEach(() => h.close());

  test('a requested change to the service scheme is due within 1 day of the notice (25 hours across the DST change)', async () => {
    h = await workbook({ now: '2026-10-24T14:00' });
    handedOff(h, '2026-10-19 10:00', {}, '2026-10-24T14:00');
    h.edit('Orders', 2, { 'Scheme change requested at': '2026-10-24 15:00' }, CLIENT_DEPT, '2026-10-24T15:01');
    h.tick('2026-10-24T15:05');
    const [notice] = await parsed(h, /^Deadline: Service scheme change/);
    expect(notice.to).toBe(`${CLIENT_DEPT}, ${SALES}`);
    expect(notice.subject).toBe(`Deadline: Service scheme change by 2026-10-25 15:00 (${ORDER})`);
    const alert = outbox(h, 'scheme|').find((r) => String(r['Key']).endsWith('|overdue'))!;
    expect(alert['State']).toBe('Pending');
    // Sunday 15:00 CET is 14:00 UTC: 25 hours after Saturday 15:00 CEST.
    expect((alert['Due'] as Date).toISOString()).toBe('2026-10-25T14:00:00.000Z');
    h.tick('2026-10-25T14:55');
    expect(h.ws.mail.sent().filter((m) => /^Deadline: Service scheme change/.test(m.subject))).toHaveLength(1);
    h.tick('2026-10-25T15:00');
    const mails = await parsed(h, /^Deadline: Service scheme change/);
    expect(mails).toHaveLength(2);
    expect(mails[1].to).toBe(`${CLIENT_DEPT}, ${SALES}, ${BOSS}`);
    expect(mails[1].text).toContain('"Scheme change done at" is empty');
  });

  test('a scheme change done in time cancels its overdue alert', async () => {
    h = await workbook({ timeZone: 'Asia/Novosibirsk' });
    handedOff(h, '2026-10-19 10:00');
    h.edit('Orders', 2, { 'Scheme change requested at': '2026-10-19 16:00' }, CLIENT_DEPT, '2026-10-19T16:00');
    h.tick('2026-10-19T16:05');
    h.edit('Orders', 2, { 'Scheme change done at': '2026-10-20 11:00' }, CLIENT_DEPT, '2026-10-20T11:00');
    h.tick('2026-10-20T11:05');
    h.tick('2026-10-20T16:05');
    const states = outbox(h, 'scheme|').map((r) => [String(r['Key']).split('|')[3], r['State']]);
    expect(states.sort()).toEqual([
      ['notice', 'Sent'],
      ['overdue', 'Cancelled'],
    ]);
  });
});

describe("seed 001: the act's signature", () => {
  let h: Harness;
  afterEach(() => h.close());

  test('the act stands one-sided after 5 working days without a signature (4 November is a holiday)', async () => {
    h = await workbook({ now: '2026-10-30T09:00' });
    handedOff(h, '2026-10-19 10:00', { 'Contract link': 'https://docs.example/contract/1' }, '2026-10-30T09:00');
    h.edit('Orders', 2, { 'Act sent at': '2026-10-30 10:00' }, SALES, '2026-10-30T10:00');
    // 2, 3, 5, 6, 9 November: the 5th working day after the act.
    expect(h.rows('Orders')[0]['Act status']).toBe('Awaiting signature until 2026-11-09');
    h.tick('2026-11-09T18:00');
    expect(h.rows('Orders')[0]['Act status']).toBe('Awaiting signature until 2026-11-09');
    // A day's deadline flips at the daily full pass (03:00): nothing else is due in between.
    h.tick('2026-11-10T00:05');
    h.tick('2026-11-10T03:00');
    expect(h.rows('Orders')[0]['Act status']).toBe('The one-sided act stands (not signed by 2026-11-09)');
    expect(h.rows('Log').filter((r) => r['Action'] === 'The one-sided act stands')).toHaveLength(1);
    h.tick('2026-11-10T09:00');
    const digest = (await parsed(h, /^Daily digest for 2026-11-10/)).find((m) => m.to === BOSS)!;
    expect(digest.text).toContain('Act signature (5 working days)');
    expect(h.rows('Log').filter((r) => r['Action'] === 'The one-sided act stands')).toHaveLength(1);
  });

  test('an act signed within 5 working days is recorded as signed', async () => {
    h = await workbook({ now: '2026-10-30T09:00', locale: 'ru' });
    handedOff(h, '2026-10-19 10:00', {}, '2026-10-30T09:00');
    h.edit('Orders', 2, { 'Act sent at': '2026-10-30 10:00', 'Act signed at': '2026-11-05' }, SALES, '2026-11-05T10:00');
    expect(h.rows('Orders')[0]['Act status']).toBe('Подписан 05.11.2026');
    h.tick('2026-11-12T10:00');
    expect(h.rows('Orders')[0]['Act status']).toBe('Подписан 05.11.2026');
  });

  test('the act is counted from when the report was really sent, and from its due date otherwise', async () => {
    h = await workbook({ now: '2026-10-19T09:00' });
    const contract = { 'Contract link': 'https://docs.example/contract/1' };
    handedOff(h, '2026-10-19 10:00', contract);
    handedOff(h, '2026-10-19 10:00', contract);
    h.edit('Orders', 2, { 'Report sent at': '2026-11-03 11:00' }, SALES, '2026-11-03T11:00');
    h.tick('2026-11-05T09:00');
    const act = (id: string) => outbox(h, `deadline|${id}|2026-10|act`)[0];
    // Sent 3 November → act due 9 November (8th is a Sunday), reminder Friday 6th 09:00 CET.
    expect((act('ORD-2026-0001')['Due'] as Date).toISOString()).toBe('2026-11-06T08:00:00.000Z');
    // Not recorded → the report's due date 9 November + 5 days → Monday 16th, reminder Friday 13th.
    expect((act('ORD-2026-0002')['Due'] as Date).toISOString()).toBe('2026-11-13T08:00:00.000Z');
  });
});

describe('seed 001: reminders to the client', () => {
  let h: Harness;
  afterEach(() => h.close());

  test('a client who has not answered gets a reminder after 3 working days without a reply, once per period', async () => {
    h = await workbook();
    // Typed after the row was filed (a paste of a whole row never spans the system columns).
    h.edit('Orders', 'new', order({ 'Payment received': '' }), SALES);
    h.edit('Orders', 2, { 'Awaiting reply since': '2026-10-19' }, SALES);
    h.edit('Orders', 'new', order({ 'Payment received': '' }), SALES);
    h.edit('Orders', 3, { 'Awaiting reply since': '2026-10-19', 'Client replied at': '2026-10-20' }, SALES);
    h.tick('2026-10-21T09:00');
    expect(outbox(h, 'silent|')).toHaveLength(0);
    h.tick('2026-10-22T09:00');
    h.tick('2026-10-22T13:00');
    expect(outbox(h, 'silent|').map((r) => [r['Key'], r['State']])).toEqual([['silent|ORD-2026-0001|2026-10-19|1', 'Sent']]);
    const [mail] = await parsed(h, /^Is our proposal still relevant/);
    expect(mail.to).toBe(CLIENT);
    expect(mail.replyTo).toBe(SALES);
    expect(mail.text).toContain('We have not heard from you since 2026-10-19');
    // The setting shortens the period: 2 working days → the second reminder on the 4th working day (Friday).
    h.edit('Settings', settingRow(h, 'Silent client reminder (working days)'), { Value: '2' }, h.ws.owner, '2026-10-22T14:00');
    h.tick('2026-10-23T09:00');
    expect(outbox(h, 'silent|').map((r) => r['Key'])).toEqual(['silent|ORD-2026-0001|2026-10-19|1', 'silent|ORD-2026-0001|2026-10-19|2']);
  });

  test('never to a client whose order is cancelled: no reminder to a silent client, none for payment', async () => {
    h = await workbook();
    h.edit('Orders', 'new', order({ 'Payment received': '', 'Contract link': 'https://docs.example/contract/9' }), SALES);
    h.edit('Orders', 2, { 'Awaiting reply since': '2026-10-19', 'Payment due': '2026-10-23' }, SALES);
    // Status is the system's: written as a script writes it (a "Cancel order" action), no onEdit.
    const header = h.ws.spreadsheet.readValues('Orders')[0];
    h.ws.spreadsheet.personEdit('Orders', 2, header.indexOf('Status') + 1, [['Cancelled']], h.ws.owner);
    h.tick('2026-10-22T09:00');
    h.tick('2026-10-23T09:00');
    expect(outbox(h, 'silent|')).toHaveLength(0);
    expect(outbox(h, 'payment-reminder|')).toHaveLength(0);
    expect(h.rows('Orders')[0]['Status']).toBe('Cancelled');
  });

  test('a payment reminder goes the working day before the payment term while Payment received is empty', async () => {
    h = await workbook({ timeZone: 'America/New_York', now: '2026-10-19T09:00' });
    const draft = { 'Payment received': '', 'Contract link': 'https://docs.example/contract/9' };
    const due = { 'Payment due': '2026-10-23', 'Invoice link': 'https://pay.example/inv/9' };
    h.edit('Orders', 'new', order(draft), SALES);
    h.edit('Orders', 2, due, SALES);
    h.edit('Orders', 'new', order({ ...draft, 'Payment received': '2026-10-19' }), SALES);
    h.edit('Orders', 3, due, SALES);
    h.tick('2026-10-21T09:00');
    expect(outbox(h, 'payment-reminder|')).toHaveLength(0);
    h.tick('2026-10-22T08:55');
    expect(outbox(h, 'payment-reminder|')).toHaveLength(0);
    h.tick('2026-10-22T09:00');
    h.tick('2026-10-23T09:00');
    expect(outbox(h, 'payment-reminder|').map((r) => [r['Key'], r['State']])).toEqual([['payment-reminder|ORD-2026-0001|2026-10-23', 'Sent']]);
    const [mail] = await parsed(h, /^Payment reminder/);
    expect(mail.to).toBe(CLIENT);
    expect(mail.text).toContain('45,000, due 2026-10-23. Invoice: https://pay.example/inv/9');
  });
});

describe('after the archive: a duty mail goes once, also when its Outbox row is weeks old', () => {
  let h: Harness;
  afterEach(() => h.close());
  const count = (subject: RegExp) => h.ws.mail.sent().filter((m) => subject.test(m.subject)).length;

  test('a silent client gets the third reminder once, not again every working day after the archive', async () => {
    h = await workbook();
    h.edit('Orders', 'new', order({ 'Payment received': '' }), SALES);
    h.edit('Orders', 2, { 'Awaiting reply since': '2026-10-19' }, SALES);
    for (const day of ['2026-10-22', '2026-10-27', '2026-10-30', '2026-11-02']) h.tick(`${day}T09:00`);
    expect(outbox(h, 'silent|').map((r) => r['Key'])).toEqual([1, 2, 3].map((k) => `silent|${ORDER}|2026-10-19|${k}`));
    expect(count(/^Is our proposal still relevant/)).toBe(3);
    h.tick('2026-12-10T09:00');
    // The daily move ran (October's Log lines left); the reminders' rows stayed live.
    expect(h.ws.spreadsheet.sheetNames()).toContain('Log 2026');
    expect(outbox(h, 'silent|').map((r) => r['State'])).toEqual(['Sent', 'Sent', 'Sent']);
    h.tick('2026-12-11T09:00');
    h.tick('2026-12-14T09:00');
    expect(count(/^Is our proposal still relevant/)).toBe(3);
  });

  test('a scheme change left open for weeks: its notice and its alert go once', async () => {
    h = await workbook();
    handedOff(h, '2026-10-19 10:00');
    h.edit('Orders', 2, { 'Scheme change requested at': '2026-10-19 16:00' }, CLIENT_DEPT, '2026-10-19T16:00');
    h.tick('2026-10-19T16:05');
    h.tick('2026-10-20T16:05');
    expect(count(/^Deadline: Service scheme change/)).toBe(2);
    h.tick('2026-12-01T09:00');
    expect(h.ws.spreadsheet.sheetNames()).toContain('Outbox 2026');
    h.tick('2026-12-01T09:05');
    h.edit('Orders', 2, { Vacancy: 'Senior operator' }, SALES, '2026-12-01T09:07');
    h.tick('2026-12-01T09:10');
    expect(count(/^Deadline: Service scheme change/)).toBe(2);
  });

  test('a hot lead whose Outcome is typed again weeks later is not sent again', async () => {
    h = await workbook();
    handedOff(h, '2026-10-19 10:00', { 'Paid services': 'Resume selection' });
    const lead = { Date: '2026-10-22', 'Order ID': ORDER, Phone: '+7 916 000-11-22', Outcome: 'Hot lead' };
    h.edit('Calling results', 'new', lead, HR, '2026-10-22T10:02');
    h.tick('2026-10-22T10:05');
    expect(count(/^Hot lead/)).toBe(1);
    h.tick('2026-12-01T09:00');
    expect(h.ws.spreadsheet.sheetNames()).toContain('Outbox 2026');
    h.edit('Calling results', 2, { Outcome: 'Hot lead' }, HR, '2026-12-01T10:00');
    h.tick('2026-12-01T10:05');
    h.tick('2026-12-01T10:10');
    expect(count(/^Hot lead/)).toBe(1);
  });
});
