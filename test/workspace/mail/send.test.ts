import * as fs from 'fs';
import * as path from 'path';
import { addresses, cleanup, emlFiles, parseEml, setup, START } from './helpers';

afterEach(cleanup);

describe('MailApp.sendEmail writes each message as an .eml that reads back as sent', () => {
  test('sendEmail(recipient, subject, body) keeps a Cyrillic subject and the body exactly', async () => {
    const { fake, MailApp, mailDir } = setup();
    MailApp.sendEmail('ivanov@example.org', 'Приказ №12 — отпуск', 'Строка 1\nСтрока 2 & <не тег>\n');
    await fake.flush();

    const files = emlFiles(mailDir);
    expect(files).toEqual(['000001-приказ-12-отпуск.eml']);
    const eml = await parseEml(path.join(mailDir, files[0]));
    expect(eml.subject).toBe('Приказ №12 — отпуск');
    expect(eml.text).toBe('Строка 1\nСтрока 2 & <не тег>\n');
    expect(eml.html).toBe(false);
    expect(addresses(eml.to)).toEqual(['ivanov@example.org']);
    expect(eml.from?.value[0].address).toBe('owner@example.com');
  });

  test('the raw file encodes the Cyrillic subject as an RFC 2047 encoded-word', async () => {
    const { fake, MailApp, mailDir } = setup();
    MailApp.sendEmail('a@example.org', 'Смена', 'x');
    await fake.flush();
    const raw = fs.readFileSync(path.join(mailDir, emlFiles(mailDir)[0]), 'utf8');
    expect(raw).toMatch(/^Subject: =\?UTF-8\?[BQ]\?/m);
  });

  test('options cc, bcc, replyTo, name and htmlBody all reach the file, HTML unescaped and unchanged', async () => {
    const { fake, MailApp, mailDir } = setup();
    const html = '<p>Смена &amp; график &lt;b&gt;</p><b>жирный</b>';
    MailApp.sendEmail('a@example.org, Пётр Петров <petr@example.org>', 'График', 'текст', {
      cc: 'c1@example.org,c2@example.org',
      bcc: 'hidden@example.org',
      replyTo: 'hr@example.com',
      name: 'Отдел кадров',
      htmlBody: html,
    });
    await fake.flush();

    const eml = await parseEml(path.join(mailDir, emlFiles(mailDir)[0]));
    expect(eml.from?.value[0]).toEqual({ address: 'owner@example.com', name: 'Отдел кадров' });
    expect(addresses(eml.to)).toEqual(['a@example.org', 'petr@example.org']);
    expect(Array.isArray(eml.to) ? undefined : eml.to?.value[1].name).toBe('Пётр Петров');
    expect(addresses(eml.cc)).toEqual(['c1@example.org', 'c2@example.org']);
    expect(addresses(eml.bcc)).toEqual(['hidden@example.org']);
    expect(addresses(eml.replyTo)).toEqual(['hr@example.com']);
    expect(eml.text).toBe('текст');
    expect(eml.html).toBe(html);
    const type = eml.headers.get('content-type') as { value: string };
    expect(type.value).toBe('multipart/alternative');
  });

  test('Date is the simulated send time and Message-ID is set', async () => {
    const { fake, MailApp, mailDir } = setup();
    MailApp.sendEmail('a@example.org', 's', 'b');
    await fake.flush();
    const eml = await parseEml(path.join(mailDir, emlFiles(mailDir)[0]));
    // The header carries whole seconds; the send happened at START plus the call's simulated latency.
    const sentMs = Date.parse(fake.sent()[0].sentAt);
    expect(sentMs - START.getTime()).toBeGreaterThanOrEqual(0);
    expect(sentMs - START.getTime()).toBeLessThan(1000);
    expect(eml.date?.getTime()).toBe(Math.floor(sentMs / 1000) * 1000);
    expect(eml.messageId).toBe(fake.sent()[0].messageId);
  });

  test('sendEmail(to, replyTo, subject, body) sets Reply-To', async () => {
    const { fake, MailApp, mailDir } = setup();
    MailApp.sendEmail('a@example.org', 'reply@example.com', 'Тема', 'Тело');
    await fake.flush();
    const [m] = fake.sent();
    expect(m).toMatchObject({ to: ['a@example.org'], replyTo: 'reply@example.com', subject: 'Тема', text: 'Тело' });
    const eml = await parseEml(path.join(mailDir, m.file));
    expect(addresses(eml.replyTo)).toEqual(['reply@example.com']);
  });

  test('sendEmail(message) takes every documented field from the object', () => {
    const { fake, MailApp } = setup();
    MailApp.sendEmail({
      to: 'a@example.org',
      cc: 'c@example.org',
      bcc: 'b@example.org',
      replyTo: 'r@example.org',
      subject: 'S',
      body: 'plain',
      htmlBody: '<i>x</i>',
      name: 'Бот',
    });
    expect(fake.sent()[0]).toMatchObject({
      to: ['a@example.org'],
      cc: ['c@example.org'],
      bcc: ['b@example.org'],
      replyTo: 'r@example.org',
      subject: 'S',
      text: 'plain',
      html: '<i>x</i>',
      from: 'owner@example.com',
      fromName: 'Бот',
    });
  });

  test('comma-separated lists accept spaces, display names and empty entries', () => {
    const { fake, MailApp } = setup();
    MailApp.sendEmail(' a@example.org ,, "Сидоров, Иван" <ivan@example.org>, ', 's', 'b');
    expect(fake.sent()[0].to).toEqual(['a@example.org', 'ivan@example.org']);
  });

  test('From is the effective user, not the active user', () => {
    const { fake, MailApp } = setup({ execution: { kind: 'time', activeUser: '', effectiveUser: 'trigger-owner@example.com' } });
    MailApp.sendEmail('a@example.org', 's', 'b');
    expect(fake.sent()[0].from).toBe('trigger-owner@example.com');
  });

  test('noReply sends from noreply@<domain> on Workspace and has no effect on a consumer account', () => {
    const ws = setup({ limits: { account: 'workspace', mailRecipientsPerDay: 1500 } });
    ws.MailApp.sendEmail('a@example.org', 's', 'b', { noReply: true });
    expect(ws.fake.sent()[0].from).toBe('noreply@example.com');

    const consumer = setup();
    consumer.MailApp.sendEmail('a@example.org', 's', 'b', { noReply: true });
    expect(consumer.fake.sent()[0].from).toBe('owner@example.com');
  });

  test('attachments are refused loudly instead of being dropped', () => {
    const { fake, MailApp } = setup();
    expect(() => MailApp.sendEmail('a@example.org', 's', 'b', { attachments: [{}] })).toThrow(/not supported/);
    expect(fake.sent()).toEqual([]);
  });

  test('every sendEmail and getRemainingDailyQuota call is counted; inspection is not', () => {
    const { rt, fake, MailApp } = setup();
    MailApp.sendEmail('a@example.org', 's', 'b');
    try {
      MailApp.sendEmail('not-an-address', 's', 'b');
    } catch {
      // refused sends are calls too
    }
    MailApp.getRemainingDailyQuota();
    fake.sent();
    fake.remainingQuota();
    expect(rt.meter.countOf('MailApp.sendEmail')).toBe(2);
    expect(rt.meter.countOf('MailApp.getRemainingDailyQuota')).toBe(1);
  });

  test('GmailApp.sendEmail sends the same way, returns GmailApp and is counted under GmailApp', async () => {
    const { rt, fake, GmailApp, mailDir } = setup();
    const result = GmailApp.sendEmail('a@example.org', 'Через Gmail', 'тело', { htmlBody: '<b>тело</b>', cc: 'c@example.org' });
    expect(result).toBe(GmailApp);
    expect(rt.meter.countOf('GmailApp.sendEmail')).toBe(1);
    await fake.flush();
    const eml = await parseEml(path.join(mailDir, emlFiles(mailDir)[0]));
    expect(eml.subject).toBe('Через Gmail');
    expect(eml.html).toBe('<b>тело</b>');
    expect(addresses(eml.cc)).toEqual(['c@example.org']);
  });
});
