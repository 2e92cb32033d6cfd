// Default import: the real fs module object, so jest.spyOn reaches writeFileAtomic's calls.
import fs from 'fs';
import * as path from 'path';
import { TRANSIENT_ERROR } from '../../../workspace/services/mail';
import { fileName, slug } from '../../../workspace/services/mail/outbox';
import { cleanup, emlFiles, HOUR, parseEml, setup, START, tempDir, thrown } from './helpers';

afterEach(() => {
  jest.restoreAllMocks();
  cleanup();
});

function readIndex(mailDir: string): Array<Record<string, unknown>> {
  return JSON.parse(fs.readFileSync(path.join(mailDir, 'index.json'), 'utf8')) as Array<Record<string, unknown>>;
}

describe('the mail folder: numbered .eml files and index.json', () => {
  test('file names are a zero-padded number and a safe slug of the subject', () => {
    expect(fileName(7, 'Смена 12.03 / "срочно"?')).toBe('000007-смена-12-03-срочно.eml');
    expect(fileName(1, '???')).toBe('000001-no-subject.eml');
    expect(slug('a'.repeat(100))).toHaveLength(60);
  });

  test('index.json lists each message with seq, file, recipients, subject, time and quota used', async () => {
    const { fake, MailApp, mailDir } = setup();
    MailApp.sendEmail('a@example.org', 'Первое', 'b', { cc: 'c@example.org', bcc: 'd@example.org' });
    MailApp.sendEmail('e@example.org', 'Второе', 'b');
    await fake.flush();
    const index = readIndex(mailDir);
    expect(index).toHaveLength(2);
    expect(index[0]).toMatchObject({
      seq: 1,
      file: '000001-первое.eml',
      to: ['a@example.org'],
      cc: ['c@example.org'],
      bcc: ['d@example.org'],
      subject: 'Первое',
      sentAt: fake.sent()[0].sentAt,
      quotaUsed: 3,
    });
    expect(Date.parse(String(index[0].sentAt)) - START.getTime()).toBeLessThan(1000);
    expect(index[1]).toMatchObject({ seq: 2, file: '000002-второе.eml', quotaUsed: 1 });
    expect(emlFiles(mailDir)).toEqual(['000001-первое.eml', '000002-второе.eml']);
  });

  test('numbering continues across two fake instances on the same folder, and sent() lists both runs', async () => {
    const first = setup();
    first.MailApp.sendEmail('a@example.org', 'one', 'b');
    first.MailApp.sendEmail('a@example.org', 'two', 'b');
    await first.fake.flush();

    const second = setup({ now: new Date(START.getTime() + HOUR) }, first.dir);
    second.MailApp.sendEmail('a@example.org', 'three', 'тело три');
    await second.fake.flush();

    expect(emlFiles(first.mailDir)).toEqual(['000001-one.eml', '000002-two.eml', '000003-three.eml']);
    expect(readIndex(first.mailDir).map((e) => e.seq)).toEqual([1, 2, 3]);
    expect(second.fake.sent().map((m) => [m.seq, m.subject, m.text])).toEqual([
      [1, 'one', 'b'],
      [2, 'two', 'b'],
      [3, 'three', 'тело три'],
    ]);
    expect(second.fake.sent()[2].path).toBe(path.join(first.mailDir, '000003-three.eml'));
  });

  test('a number taken by an .eml missing from the index is not reused', async () => {
    const dir = tempDir();
    fs.mkdirSync(path.join(dir, 'mail'));
    fs.writeFileSync(path.join(dir, 'mail', '000004-left-over.eml'), 'x');
    const { fake, MailApp } = setup({}, dir);
    MailApp.sendEmail('a@example.org', 'next', 'b');
    expect(fake.sent()[0].seq).toBe(5);
  });

  test('a failed write leaves no half file; the message is written by the next flush', async () => {
    const { fake, MailApp, mailDir } = setup();
    MailApp.sendEmail('a@example.org', 'first', 'b');
    await fake.flush();
    const indexBefore = fs.readFileSync(path.join(mailDir, 'index.json'), 'utf8');

    MailApp.sendEmail('a@example.org', 'second', 'тело');
    const realWrite = fs.writeSync.bind(fs) as (fd: number, data: Uint8Array) => number;
    jest.spyOn(fs, 'writeSync').mockImplementationOnce(((fd: number, data: Uint8Array) => {
      realWrite(fd, data.subarray(0, Math.floor(data.length / 2))); // crash half way through
      throw new Error('ENOSPC: no space left on device');
    }) as unknown as typeof fs.writeSync);

    await expect(fake.flush()).rejects.toThrow('ENOSPC');
    expect(fs.readdirSync(mailDir).sort()).toEqual(['000001-first.eml', 'index.json']);
    expect(fs.readFileSync(path.join(mailDir, 'index.json'), 'utf8')).toBe(indexBefore);

    jest.restoreAllMocks();
    await fake.flush();
    expect(emlFiles(mailDir)).toEqual(['000001-first.eml', '000002-second.eml']);
    expect((await parseEml(path.join(mailDir, '000002-second.eml'))).text).toBe('тело');
    expect(readIndex(mailDir).map((e) => e.file)).toEqual(['000001-first.eml', '000002-second.eml']);
  });

  test('without a state folder mail stays in memory: sent() works, no file is written', async () => {
    const { fake, MailApp, dir } = setup({ stateDir: undefined });
    MailApp.sendEmail('a@example.org', 's', 'b');
    await fake.flush();
    expect(fake.sent()).toHaveLength(1);
    expect(fake.sent()[0].path).toBeNull();
    expect(fs.readdirSync(dir)).toEqual([]);
  });
});

describe('failure-injection test hooks', () => {
  test('failNext(n) makes the next n sends throw without sending or spending quota', async () => {
    const { fake, MailApp, mailDir } = setup();
    fake.failNext(2);
    expect(thrown(() => MailApp.sendEmail('a@example.org', 's', 'b')).message).toBe(TRANSIENT_ERROR);
    expect(thrown(() => MailApp.sendEmail('a@example.org', 's', 'b')).name).toBe('Exception');
    MailApp.sendEmail('a@example.org', 'third', 'b');
    await fake.flush();
    expect(fake.sent().map((m) => m.subject)).toEqual(['third']);
    expect(emlFiles(mailDir)).toEqual(['000001-third.eml']);
    expect(fake.remainingQuota()).toBe(99);
  });

  test('failNext takes a custom message', () => {
    const { fake, GmailApp } = setup();
    fake.failNext(1, 'Service unavailable: Gmail');
    expect(thrown(() => GmailApp.sendEmail('a@example.org', 's', 'b')).message).toBe('Service unavailable: Gmail');
  });

  test('failAfter(count) lets count sends through and fails the next one, once', () => {
    const { fake, MailApp } = setup();
    fake.failAfter(2, 'boom');
    MailApp.sendEmail('a@example.org', '1', 'b');
    MailApp.sendEmail('a@example.org', '2', 'b');
    expect(thrown(() => MailApp.sendEmail('a@example.org', '3', 'b')).message).toBe('boom');
    MailApp.sendEmail('a@example.org', '4', 'b');
    expect(fake.sent().map((m) => m.subject)).toEqual(['1', '2', '4']);
    expect(fake.remainingQuota()).toBe(97);
  });
});
