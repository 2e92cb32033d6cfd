/**
 * The local outbox: every sent message as one RFC 5322 .eml (nodemailer's MailComposer)
 * plus index.json, both written atomically. Numbering continues from what the folder holds.
 *
 * Composing is asynchronous in nodemailer while sendEmail is synchronous in Apps Script, so
 * a send is recorded at once and its file is written by flush() (run after each execution),
 * through `write`: in the local Workspace that stages the files in the execution's commit, so
 * a message is on disk exactly when the Outbox row and the quota that count it are.
 * index.json keeps the whole record (bodies too) so a later run can list earlier mail
 * synchronously without parsing .eml files.
 */
import * as fs from 'fs';
import * as path from 'path';
import MailComposer from 'nodemailer/lib/mail-composer';
import { writeFileAtomic } from '../../runtime/fsutil';
import type { Address } from './rules';

export const INDEX_FILE = 'index.json';

/** A message as sent; one line of index.json (without `path`). */
export interface SentMail {
  seq: number;
  /** File name inside the mail folder. */
  file: string;
  to: string[];
  cc: string[];
  bcc: string[];
  subject: string;
  sentAt: string;
  /** Recipients this message took from the daily quota (to + cc + bcc). */
  quotaUsed: number;
  replyTo: string | null;
  /** The From address; fromName is its display name. */
  from: string;
  fromName: string | null;
  messageId: string;
  text: string;
  html: string | null;
  /** Full path of the .eml, or null when mail is kept in memory only. */
  path: string | null;
}

interface Recipients {
  to: Address[];
  cc: Address[];
  bcc: Address[];
}

export function slug(subject: string): string {
  const s = subject
    .normalize('NFC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return s === '' ? 'no-subject' : s;
}

export function fileName(seq: number, subject: string): string {
  return `${String(seq).padStart(6, '0')}-${slug(subject)}.eml`;
}

export class Outbox {
  private records: SentMail[];
  /** How many of `records` are in index.json. */
  private written: number;
  /** Recipients with their display names, for messages not yet written. */
  private names = new Map<number, Recipients>();
  private nextSeq: number;

  /** `dir` null keeps everything in memory; `write` writes one file (atomically, or staged). */
  constructor(
    readonly dir: string | null,
    private readonly write: (file: string, data: string | Uint8Array) => void = (file, data) =>
      atomically(path.dirname(file), path.basename(file), data),
  ) {
    this.records = dir ? readIndex(dir) : [];
    this.written = this.records.length;
    let max = 0;
    for (const r of this.records) max = Math.max(max, r.seq);
    // A file whose index line was never written still owns its number.
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

  add(mail: SentMail, recipients: Recipients): void {
    this.records.push(mail);
    this.names.set(mail.seq, recipients);
  }

  all(): SentMail[] {
    return this.records.map((r) => ({ ...r, to: [...r.to], cc: [...r.cc], bcc: [...r.bcc] }));
  }

  /** Writes unwritten messages in order, then the index once; a failure leaves no partial file
   * and keeps the rest for the next flush. */
  async flush(): Promise<void> {
    const dir = this.dir;
    if (!dir) return;
    const from = this.written;
    try {
      while (this.written < this.records.length) {
        const mail = this.records[this.written];
        const eml = await compose(mail, this.names.get(mail.seq));
        this.write(path.join(dir, mail.file), eml);
        this.names.delete(mail.seq);
        this.written += 1;
      }
    } finally {
      if (this.written > from) {
        const index = this.records.slice(0, this.written).map(({ path: _path, ...line }) => line);
        this.write(path.join(dir, INDEX_FILE), JSON.stringify(index, null, 2) + '\n');
      }
    }
  }
}

function readIndex(dir: string): SentMail[] {
  const file = path.join(dir, INDEX_FILE);
  if (!fs.existsSync(file)) return [];
  const lines = JSON.parse(fs.readFileSync(file, 'utf8')) as Omit<SentMail, 'path'>[];
  return lines.map((l) => ({ ...l, path: path.join(dir, l.file) }));
}

/** writeFileAtomic leaves its temp file behind when the write itself fails; remove it. */
function atomically(dir: string, file: string, data: string | Uint8Array): void {
  try {
    writeFileAtomic(path.join(dir, file), data);
  } catch (err) {
    for (const f of fs.readdirSync(dir)) {
      if (f.startsWith(`.${file}.`) && f.endsWith('.tmp')) fs.rmSync(path.join(dir, f), { force: true });
    }
    throw err;
  }
}

// An empty list would still produce an empty header.
function orNothing(list: Address[]): Address[] | undefined {
  return list.length > 0 ? list : undefined;
}

function compose(m: SentMail, names: Recipients | undefined): Promise<Buffer> {
  const bare = (list: string[]): Address[] => list.map((address) => ({ name: '', address }));
  const r = names ?? { to: bare(m.to), cc: bare(m.cc), bcc: bare(m.bcc) };
  const composer = new MailComposer({
    from: { name: m.fromName ?? '', address: m.from },
    to: orNothing(r.to),
    cc: orNothing(r.cc),
    bcc: orNothing(r.bcc),
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
