import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { simpleParser, type AddressObject, type ParsedMail } from 'mailparser';
import { Runtime, type RuntimeOptions } from '../../../workspace/runtime/runtime';
import { createMailService, type MailFake } from '../../../workspace/services/mail';

export const START = new Date('2025-03-10T09:00:00Z');
export const HOUR = 60 * 60 * 1000;

export interface MailAppLike {
  sendEmail(...args: unknown[]): void;
  getRemainingDailyQuota(): number;
}

export interface GmailAppLike {
  sendEmail(recipient: unknown, subject: unknown, body: unknown, options?: unknown): unknown;
}

export interface Setup {
  dir: string;
  rt: Runtime;
  fake: MailFake;
  MailApp: MailAppLike;
  GmailApp: GmailAppLike;
  mailDir: string;
}

const made: string[] = [];

export function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mail-fake-'));
  made.push(dir);
  return dir;
}

export function cleanup(): void {
  while (made.length) fs.rmSync(made.pop() as string, { recursive: true, force: true });
}

export function setup(options: RuntimeOptions = {}, dir = tempDir()): Setup {
  const rt = new Runtime({
    now: START,
    stateDir: dir,
    execution: { kind: 'editor', activeUser: 'owner@example.com' },
    ...options,
  });
  const fake = createMailService(rt);
  const globals = fake.globals as { MailApp: MailAppLike; GmailApp: GmailAppLike };
  return { dir, rt, fake, MailApp: globals.MailApp, GmailApp: globals.GmailApp, mailDir: path.join(dir, 'mail') };
}

/** The error `fn` throws (fails the test if it throws nothing). */
export function thrown(fn: () => unknown): Error {
  try {
    fn();
  } catch (e) {
    return e as Error;
  }
  throw new Error('expected an exception, none was thrown');
}

export function emlFiles(mailDir: string): string[] {
  return fs.existsSync(mailDir)
    ? fs
        .readdirSync(mailDir)
        .filter((f) => f.endsWith('.eml'))
        .sort()
    : [];
}

export async function parseEml(file: string): Promise<ParsedMail> {
  return simpleParser(fs.readFileSync(file));
}

export function addresses(field: AddressObject | AddressObject[] | undefined): string[] {
  if (!field) return [];
  const list = Array.isArray(field) ? field : [field];
  return list.flatMap((a) => a.value.map((v) => v.address ?? ''));
}

export function recipients(n: number, domain = 'example.org'): string {
  return Array.from({ length: n }, (_, i) => `user${i + 1}@${domain}`).join(',');
}
