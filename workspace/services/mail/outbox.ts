/**
 * The local outbox: every sent message as one RFC 5322 .eml (nodemailer's MailComposer)
 * plus index.json, both written atomically. Numbering continues from what the folder holds.
 *
 * Composing is asynchronous in nodemailer while sendEmail is synchronous in Apps Script, so
 * a send is recorded at once and its file is written by flush() (run after each execution).
 */
import * as fs from 'fs';
import * as path from 'path';
import MailComposer from 'nodemailer/lib/mail-composer';
import { writeFileAtomic } from '../../fsutil';
import type { Address } from './rules';

export const INDEX_FILE = 'index.json';

/** One line of index.json. */
export interface IndexEntry {
  seq: number;
  file: string;
  to: string[];
  cc: string[];
  bcc: string[];
  subject: string;
  sentAt: string;
  /** Recipients this message took from the daily quota (to + cc + bcc). */
  quotaUsed: number;
}

/** A message as sent, for tests and the CLI. */
export interface SentMail {
  seq: number;
  /** File name inside the mail folder. */
  file: string;
  /** Full path, or null when mail is kept in memory only. */
  path: string | null;
  to: string[];
  cc: string[];
  bcc: string[];
  replyTo: string | null;
  /** The From address; fromName is its display name. */
  from: string;
  fromName: string | null;
  subject: string;
  text: string;
  html: string | null;
  sentAt: string;
  messageId: string;
}

interface Outgoing {
  mail: SentMail;
  toAddr: Address[];
  ccAddr: Address[];
  bccAddr: Address[];
  quotaUsed: number;
}

export function slug(subject: string): string {
  const s = subject
    .normalize('NFC')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return s === '' ? 'no-subject' : s.toLowerCase();
}

export function fileName(seq: number, subject: string): string {
  return `${String(seq).padStart(6, '0')}-${slug(subject)}.eml`;
}

export class Outbox {
  private entries: IndexEntry[];
  private nextSeq: number;
  private pending: Outgoing[] = [];

  /** `dir` null keeps everything in memory. */
  constructor(readonly dir: string | null) {
    this.entries = dir ? readIndex(dir) : [];
    let max = 0;
    for (const e of this.entries) max = Math.max(max, e.seq);
    // Files whose index line was never written still own their number.
    if (dir && fs.existsSync(dir)) {
      for (const f of fs.readdirSync(dir)) {
        const m = /^(\d+)-.*\.eml$/.exec(f);
        if (m) max = Math.max(max, Number(m[1]));
      }
    }
    this.nextSeq = max + 1;
  }

  takeSeq(): number {
    return this.nextSeq++;
  }

  pathOf(file: string): string | null {
    return this.dir ? path.join(this.dir, file) : null;
  }

  add(mail: SentMail, addrs: { to: Address[]; cc: Address[]; bcc: Address[] }, quotaUsed: number): void {
    this.pending.push({ mail, toAddr: addrs.to, ccAddr: addrs.cc, bccAddr: addrs.bcc, quotaUsed });
  }

  index(): IndexEntry[] {
    return this.entries.map((e) => ({ ...e }));
  }

  /** Writes pending messages in order; a failure leaves no partial file and keeps the rest pending. */
  async flush(): Promise<void> {
    const dir = this.dir;
    if (!dir) {
      this.pending = [];
      return;
    }
    while (this.pending.length > 0) {
      const out = this.pending[0];
      const target = path.join(dir, out.mail.file);
      const eml = await compose(out);
      try {
        writeFileAtomic(target, eml);
      } catch (err) {
        removeTempFiles(dir, out.mail.file);
        throw err;
      }
      const m = out.mail;
      this.entries.push({
        seq: m.seq,
        file: m.file,
        to: m.to,
        cc: m.cc,
        bcc: m.bcc,
        subject: m.subject,
        sentAt: m.sentAt,
        quotaUsed: out.quotaUsed,
      });
      try {
        writeFileAtomic(path.join(dir, INDEX_FILE), JSON.stringify(this.entries, null, 2) + '\n');
      } catch (err) {
        removeTempFiles(dir, INDEX_FILE);
        throw err;
      }
      this.pending.shift();
    }
  }
}

function readIndex(dir: string): IndexEntry[] {
  const file = path.join(dir, INDEX_FILE);
  if (!fs.existsSync(file)) return [];
  return JSON.parse(fs.readFileSync(file, 'utf8')) as IndexEntry[];
}

/** writeFileAtomic leaves its temp file behind when the write itself fails. */
function removeTempFiles(dir: string, file: string): void {
  for (const f of fs.readdirSync(dir)) {
    if (f.startsWith(`.${file}.`) && f.endsWith('.tmp')) fs.rmSync(path.join(dir, f), { force: true });
  }
}

// An empty list would still produce an empty header.
function orNothing(list: Address[]): Address[] | undefined {
  return list.length > 0 ? list : undefined;
}

function compose(out: Outgoing): Promise<Buffer> {
  const m = out.mail;
  const composer = new MailComposer({
    from: { name: m.fromName ?? '', address: m.from },
    to: orNothing(out.toAddr),
    cc: orNothing(out.ccAddr),
    bcc: orNothing(out.bccAddr),
    replyTo: m.replyTo ?? undefined,
    subject: m.subject,
    text: m.text,
    html: m.html ?? undefined,
    date: new Date(Date.parse(m.sentAt)),
    messageId: m.messageId,
  });
  const node = composer.compile();
  node.keepBcc = true; // the stored copy shows Bcc, as the sender's "Sent" copy does
  return new Promise((resolve, reject) => node.build((err, buf) => (err ? reject(err) : resolve(buf))));
}
