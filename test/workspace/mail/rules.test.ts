import { BODY_TOO_LARGE, NO_RECIPIENT, QUOTA_EXCEEDED, SUBJECT_TOO_LARGE, TOO_MANY_RECIPIENTS } from '../../../workspace/services/mail';
import { cleanup, emlFiles, recipients, setup, thrown } from './helpers';

afterEach(cleanup);

/** A refused send must leave no trace: no record, no file, no quota spent. */
async function expectNothingSent(s: ReturnType<typeof setup>): Promise<void> {
  await s.fake.flush();
  expect(s.fake.sent()).toEqual([]);
  expect(emlFiles(s.mailDir)).toEqual([]);
  expect(s.fake.remainingQuota()).toBe(100);
}

describe("sendEmail refuses what Google refuses, with Google's texts", () => {
  test('errors are Apps Script exceptions (name "Exception")', () => {
    const s = setup();
    const e = thrown(() => s.MailApp.sendEmail('xyz', 's', 'b'));
    expect(e).toBeInstanceOf(Error);
    expect(e.name).toBe('Exception');
  });

  test.each([
    ['to', (s: ReturnType<typeof setup>) => s.MailApp.sendEmail('xyz', 's', 'b'), 'Invalid email: xyz'],
    ['to list', (s: ReturnType<typeof setup>) => s.MailApp.sendEmail('a@example.org, bad@', 's', 'b'), 'Invalid email: bad@'],
    ['cc', (s: ReturnType<typeof setup>) => s.MailApp.sendEmail('a@example.org', 's', 'b', { cc: 'no at sign' }), 'Invalid email: no at sign'],
    [
      'bcc',
      (s: ReturnType<typeof setup>) => s.MailApp.sendEmail({ to: 'a@example.org', bcc: 'x@y', subject: 's', body: 'b' }),
      'Invalid email: x@y',
    ],
    ['replyTo', (s: ReturnType<typeof setup>) => s.MailApp.sendEmail('a@example.org', 'r@@x.org', 's', 'b'), 'Invalid email: r@@x.org'],
    [
      'semicolon list',
      (s: ReturnType<typeof setup>) => s.MailApp.sendEmail('a@example.org;b@example.org', 's', 'b'),
      'Invalid email: a@example.org;b@example.org',
    ],
  ])('an invalid address in %s throws "Invalid email: <it>" and sends nothing', async (_where, send, message) => {
    const s = setup();
    expect(thrown(() => send(s)).message).toBe(message);
    await expectNothingSent(s);
  });

  test.each([[''], ['  , ,'], [null], [undefined]])('recipient %p throws "%s"', async (to) => {
    const s = setup();
    expect(thrown(() => s.MailApp.sendEmail(to, 's', 'b')).message).toBe(NO_RECIPIENT);
    await expectNothingSent(s);
  });

  test('a message with only bcc recipients is sent', () => {
    const s = setup();
    s.MailApp.sendEmail('', 's', 'b', { bcc: 'a@example.org' });
    expect(s.fake.sent()[0].bcc).toEqual(['a@example.org']);
  });

  test('50 recipients in to+cc+bcc pass; 51 throw "Limit Exceeded: Email Recipients Per Message."', async () => {
    const ok = setup();
    ok.MailApp.sendEmail(recipients(30), 's', 'b', { cc: recipients(10, 'cc.org'), bcc: recipients(10, 'bcc.org') });
    expect(ok.fake.sent()[0].quotaUsed).toBe(50);

    const s = setup();
    const e = thrown(() => s.MailApp.sendEmail(recipients(30), 's', 'b', { cc: recipients(11, 'cc.org'), bcc: recipients(10, 'bcc.org') }));
    expect(e.message).toBe(TOO_MANY_RECIPIENTS);
    await expectNothingSent(s);
  });

  test('a 250-character subject passes; 251 throw "Argument too large: subject"', async () => {
    const ok = setup();
    ok.MailApp.sendEmail('a@example.org', 'я'.repeat(250), 'b');
    expect(ok.fake.sent()).toHaveLength(1);

    const s = setup();
    expect(thrown(() => s.MailApp.sendEmail('a@example.org', 'я'.repeat(251), 'b')).message).toBe(SUBJECT_TOO_LARGE);
    await expectNothingSent(s);
  });

  test('a consumer body over 200 KB throws "Limit Exceeded: Email Body Size."; body and htmlBody count together', async () => {
    const ok = setup();
    ok.MailApp.sendEmail('a@example.org', 's', 'x'.repeat(200 * 1024));
    expect(ok.fake.sent()).toHaveLength(1);

    const s = setup();
    expect(thrown(() => s.MailApp.sendEmail('a@example.org', 's', 'x'.repeat(200 * 1024 + 1))).message).toBe(BODY_TOO_LARGE);
    expect(thrown(() => s.MailApp.sendEmail('a@example.org', 's', 'x'.repeat(150 * 1024), { htmlBody: 'y'.repeat(60 * 1024) })).message).toBe(
      BODY_TOO_LARGE,
    );
    // Cyrillic letters are two bytes each in UTF-8.
    expect(thrown(() => s.MailApp.sendEmail('a@example.org', 's', 'ж'.repeat(110 * 1024))).message).toBe(BODY_TOO_LARGE);
    await expectNothingSent(s);
  });

  test('a Workspace account may send up to 400 KB of body', () => {
    const s = setup({ limits: { account: 'workspace', mailRecipientsPerDay: 1500 } });
    s.MailApp.sendEmail('a@example.org', 's', 'x'.repeat(400 * 1024));
    expect(thrown(() => s.MailApp.sendEmail('a@example.org', 's', 'x'.repeat(400 * 1024 + 1))).message).toBe(BODY_TOO_LARGE);
    expect(s.fake.sent()).toHaveLength(1);
  });

  test("the daily quota error text is Google's", () => {
    expect(QUOTA_EXCEEDED).toBe('Service invoked too many times for one day: email.');
  });
});
