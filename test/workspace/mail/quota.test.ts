import * as fs from 'fs';
import * as path from 'path';
import { QUOTA_EXCEEDED } from '../../../workspace/services/mail';
import { cleanup, emlFiles, HOUR, recipients, setup, START, thrown } from './helpers';

afterEach(cleanup);

describe('the daily recipient quota', () => {
  test('getRemainingDailyQuota counts down by recipients in to+cc+bcc', () => {
    const { MailApp } = setup();
    expect(MailApp.getRemainingDailyQuota()).toBe(100);
    MailApp.sendEmail('a@example.org', 's', 'b');
    expect(MailApp.getRemainingDailyQuota()).toBe(99);
    MailApp.sendEmail('a@example.org,b@example.org', 's', 'b', { cc: 'c@example.org', bcc: 'd@example.org' });
    expect(MailApp.getRemainingDailyQuota()).toBe(95);
  });

  test("after 100 recipients the next send throws Google's error and writes nothing", async () => {
    const { fake, MailApp, mailDir } = setup();
    MailApp.sendEmail(recipients(50), 'first', 'b');
    MailApp.sendEmail(recipients(50), 'second', 'b');
    expect(MailApp.getRemainingDailyQuota()).toBe(0);

    expect(thrown(() => MailApp.sendEmail('late@example.org', 'third', 'b')).message).toBe(QUOTA_EXCEEDED);
    await fake.flush();
    expect(fake.sent().map((m) => m.subject)).toEqual(['first', 'second']);
    expect(emlFiles(mailDir)).toHaveLength(2);
  });

  test('a message that does not fit the rest of the quota is refused whole and costs nothing', () => {
    const { fake, MailApp } = setup();
    MailApp.sendEmail(recipients(49), 's', 'b');
    MailApp.sendEmail(recipients(49), 's', 'b');
    expect(thrown(() => MailApp.sendEmail(recipients(3), 's', 'b')).message).toBe(QUOTA_EXCEEDED);
    expect(fake.remainingQuota()).toBe(2);
    MailApp.sendEmail(recipients(2), 's', 'b');
    expect(fake.remainingQuota()).toBe(0);
  });

  test('the quota resets 24 hours after the first request, on the simulated clock', () => {
    const { rt, MailApp } = setup();
    MailApp.sendEmail(recipients(50), 's', 'b');
    rt.beginExecution(new Date(START.getTime() + 5 * HOUR));
    MailApp.sendEmail(recipients(50), 's', 'b');

    rt.beginExecution(new Date(START.getTime() + 23 * HOUR));
    expect(MailApp.getRemainingDailyQuota()).toBe(0);
    expect(thrown(() => MailApp.sendEmail('a@example.org', 's', 'b')).message).toBe(QUOTA_EXCEEDED);

    rt.beginExecution(new Date(START.getTime() + 24 * HOUR + 1000));
    expect(MailApp.getRemainingDailyQuota()).toBe(100);
    MailApp.sendEmail('a@example.org', 's', 'b');
    expect(MailApp.getRemainingDailyQuota()).toBe(99);
  });

  test('the new window starts at the first request after the reset, not at the old boundary', () => {
    const { rt, MailApp } = setup();
    MailApp.sendEmail(recipients(10), 's', 'b');
    rt.beginExecution(new Date(START.getTime() + 30 * HOUR));
    MailApp.sendEmail(recipients(50), 's', 'b');

    rt.beginExecution(new Date(START.getTime() + 50 * HOUR)); // 20 h into the new window
    expect(MailApp.getRemainingDailyQuota()).toBe(50);
    rt.beginExecution(new Date(START.getTime() + 54 * HOUR + 1000));
    expect(MailApp.getRemainingDailyQuota()).toBe(100);
  });

  test('the quota is kept in mail-quota.json and survives a new runtime on the same state folder', () => {
    const first = setup();
    first.MailApp.sendEmail(recipients(40), 's', 'b');
    expect(fs.existsSync(path.join(first.dir, 'mail-quota.json'))).toBe(true);

    const second = setup({ now: new Date(START.getTime() + 2 * HOUR) }, first.dir);
    expect(second.MailApp.getRemainingDailyQuota()).toBe(60);
  });

  test('the quota is per user', () => {
    const { rt, MailApp } = setup();
    MailApp.sendEmail(recipients(30), 's', 'b');
    rt.beginExecution(START, { activeUser: 'other@example.com', effectiveUser: 'other@example.com' });
    expect(MailApp.getRemainingDailyQuota()).toBe(100);
  });

  test('Workspace accounts get rt.limits.mailRecipientsPerDay (1,500)', () => {
    const { MailApp } = setup({ limits: { account: 'workspace', mailRecipientsPerDay: 1500 } });
    for (let i = 0; i < 30; i++) MailApp.sendEmail(recipients(50), 's', 'b');
    expect(MailApp.getRemainingDailyQuota()).toBe(0);
    expect(thrown(() => MailApp.sendEmail('a@example.org', 's', 'b')).message).toBe(QUOTA_EXCEEDED);
  });

  test('GmailApp and MailApp draw on the same quota', () => {
    const { MailApp, GmailApp } = setup();
    GmailApp.sendEmail(recipients(50), 's', 'b');
    MailApp.sendEmail(recipients(50), 's', 'b');
    expect(thrown(() => GmailApp.sendEmail('a@example.org', 's', 'b')).message).toBe(QUOTA_EXCEEDED);
  });

  test('without a state folder the quota is kept in memory', () => {
    const { MailApp, fake } = setup({ stateDir: undefined });
    MailApp.sendEmail(recipients(7), 's', 'b');
    expect(fake.remainingQuota()).toBe(93);
    expect(fake.mailDir).toBeNull();
  });
});
