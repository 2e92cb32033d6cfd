/**
 * MailApp (and a minimal GmailApp.sendEmail sharing its quota) on the local Workspace.
 * Each sent message becomes an .eml in the mail folder (see outbox.ts).
 *
 * Reproduced from https://developers.google.com/apps-script/reference/mail/mail-app :
 * - sendEmail(recipient, subject, body), sendEmail(recipient, subject, body, options),
 *   sendEmail(to, replyTo, subject, body), sendEmail(message); options/message fields
 *   to, cc, bcc (comma-separated lists), replyTo, subject, body, htmlBody, name, noReply.
 * - noReply: "only possible for Google Workspace accounts, not Gmail users" — on a consumer
 *   account it has no effect; on Workspace the sender becomes noreply@<the user's domain>.
 * - getRemainingDailyQuota(): recipients left in the daily quota (quota.ts).
 * From https://developers.google.com/apps-script/reference/gmail/gmail-app#sendEmail(String,String,String,Object) :
 * - GmailApp.sendEmail(recipient, subject, body[, options]) returns GmailApp, same quota.
 * Per-message rules and their error texts: rules.ts. Daily quota: quota.ts.
 * Not reproduced: attachments and inlineImages (refused loudly rather than dropped), GmailApp
 * `from` aliases (only the user's own address is accepted).
 *
 * Test hooks (no Google equivalent): failNext(n, message) and failAfter(count, message) make
 * sends throw as a transient Google failure does, without sending or counting quota.
 */
import * as path from 'path';
import type { FakeService, Runtime } from '../../runtime/runtime';
import { DailyQuota } from './quota';
import { Outbox, fileName, type SentMail } from './outbox';
import { checkMail, type MailInput } from './rules';

export type { SentMail } from './outbox';
export { QUOTA_EXCEEDED } from './quota';
export * from './rules';

/** Apps Script's generic transient failure, the default text of the test hooks. */
export const TRANSIENT_ERROR = "We're sorry, a server error occurred. Please wait a bit and try again.";

export interface MailFake extends FakeService {
  globals: { MailApp: unknown; GmailApp: unknown };
  /** The folder of .eml files and index.json, or null when mail stays in memory. */
  readonly mailDir: string | null;
  /** Every message sent, earlier runs (index.json) first, in order (no call counting). */
  sent(): SentMail[];
  /** Recipients left today for the effective user (no call counting). */
  remainingQuota(): number;
  /** Test hook: the next `n` sendEmail calls throw rt.error(message) and send nothing. */
  failNext(n: number, message?: string): void;
  /** Test hook: after `count` more sendEmail calls, the next one throws rt.error(message) once. */
  failAfter(count: number, message?: string): void;
  /** Writes the .eml files and index.json of the messages sent so far. */
  flush(): Promise<void>;
}

type Fields = Record<string, unknown>;

function isFields(v: unknown): v is Fields {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

// Apps Script turns script values into Java strings; null/undefined become "".
function text(v: unknown): string {
  return v === undefined || v === null ? '' : String(v);
}

function inputFrom(base: { to: unknown; subject: unknown; body: unknown }, o: Fields): MailInput {
  return {
    to: text(base.to),
    cc: text(o.cc),
    bcc: text(o.bcc),
    replyTo: text(o.replyTo),
    subject: text(base.subject),
    body: text(base.body),
    htmlBody: o.htmlBody === undefined || o.htmlBody === null ? null : String(o.htmlBody),
    name: o.name === undefined || o.name === null || o.name === '' ? null : String(o.name),
    noReply: o.noReply === true,
  };
}

class FaultPlan {
  private next: { left: number; message: string } | null = null;
  private after: { left: number; message: string } | null = null;

  failNext(n: number, message: string): void {
    this.next = n > 0 ? { left: Math.floor(n), message } : null;
  }

  failAfter(count: number, message: string): void {
    this.after = { left: Math.max(0, Math.floor(count)), message };
  }

  /** The message to fail this call with, if any. Every call counts toward failAfter. */
  take(): string | null {
    let fault: string | null = null;
    if (this.after) {
      if (this.after.left === 0) {
        fault = this.after.message;
        this.after = null;
      } else this.after.left -= 1;
    }
    if (this.next && fault === null) {
      fault = this.next.message;
      this.next.left -= 1;
      if (this.next.left === 0) this.next = null;
    }
    return fault;
  }
}

export function createMailService(rt: Runtime, options: { mailDir?: string } = {}): MailFake {
  const mailDir = options.mailDir ?? (rt.state ? path.join(rt.state.dir, 'mail') : null);
  const outbox = new Outbox(mailDir, (file, data) => rt.writeFile(file, data));
  const quota = new DailyQuota(rt);
  const faults = new FaultPlan();
  const fail = (message: string): Error => rt.error(message);

  function refuseUnsupported(o: Fields): void {
    const has = (v: unknown): boolean =>
      v !== undefined && v !== null && (Array.isArray(v) ? v.length > 0 : !isFields(v) || Object.keys(v).length > 0);
    if (has(o.attachments) || has(o.inlineImages)) {
      throw rt.error('Local Workspace: attachments and inlineImages are not supported by the mail fake');
    }
  }

  function send(input: MailInput): void {
    const fault = faults.take();
    if (fault !== null) throw rt.error(fault);
    const mail = checkMail(input, rt.limits, fail);
    quota.check(mail.recipients);

    const user = rt.execution.effectiveUser;
    const domain = user.slice(user.indexOf('@') + 1);
    const from = mail.noReply && rt.limits.account === 'workspace' ? `noreply@${domain}` : user;
    const sentMs = rt.clock.nowMs();
    const seq = outbox.takeSeq();
    const file = fileName(seq, mail.subject);
    const record: SentMail = {
      seq,
      file,
      to: mail.to.map((a) => a.address),
      cc: mail.cc.map((a) => a.address),
      bcc: mail.bcc.map((a) => a.address),
      subject: mail.subject,
      sentAt: new Date(sentMs).toISOString(),
      quotaUsed: mail.recipients,
      replyTo: mail.replyTo,
      from,
      fromName: mail.name,
      messageId: `<${seq}.${sentMs}.reglament@${domain || 'localhost'}>`,
      text: mail.body,
      html: mail.htmlBody,
      path: outbox.pathOf(file),
    };
    quota.consume(mail.recipients);
    outbox.add(record, mail);
  }

  const MailApp = {
    sendEmail(...args: unknown[]): void {
      rt.call('MailApp.sendEmail');
      if (args.length === 1 && isFields(args[0])) {
        const m = args[0];
        refuseUnsupported(m);
        return send(inputFrom({ to: m.to, subject: m.subject, body: m.body }, m));
      }
      if (args.length >= 4 && typeof args[3] === 'string') {
        // sendEmail(to, replyTo, subject, body)
        return send(inputFrom({ to: args[0], subject: args[2], body: args[3] }, { replyTo: args[1] }));
      }
      const o = isFields(args[3]) ? args[3] : {};
      refuseUnsupported(o);
      send(inputFrom({ to: args[0], subject: args[1], body: args[2] }, o));
    },
    getRemainingDailyQuota(): number {
      rt.call('MailApp.getRemainingDailyQuota');
      return quota.remaining();
    },
  };

  const GmailApp = {
    sendEmail(recipient: unknown, subject: unknown, body: unknown, options?: unknown): unknown {
      rt.call('GmailApp.sendEmail');
      const o = isFields(options) ? options : {};
      refuseUnsupported(o);
      if (o.from !== undefined && o.from !== null && String(o.from) !== rt.execution.effectiveUser) {
        throw rt.error('Local Workspace: GmailApp "from" aliases are not supported by the mail fake');
      }
      send(inputFrom({ to: recipient, subject, body }, o));
      return GmailApp;
    },
  };

  return {
    globals: { MailApp, GmailApp },
    mailDir,
    sent: () => outbox.all(),
    remainingQuota: () => quota.remaining(),
    failNext: (n, message = TRANSIENT_ERROR) => faults.failNext(n, message),
    failAfter: (count, message = TRANSIENT_ERROR) => faults.failAfter(count, message),
    flush: () => outbox.flush(),
  };
}
