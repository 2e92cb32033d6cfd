/**
 * Google's rules for one outgoing message of MailApp / GmailApp, with Google's texts.
 *
 * Limits (https://developers.google.com/apps-script/guides/services/quotas#current_limitations):
 * - Email recipients per message: 50 (consumer and Workspace).
 * - Email body size: 200 KB (consumer) / 400 KB (Workspace) per message.
 * Errors as Apps Script throws them (texts seen in real execution logs; the quotas page
 * says only that the message names the limit):
 * - "Failed to send email: no recipient"          — no address at all.
 * - "Invalid email: <token>"                        — an address that is not an address.
 * - "Limit Exceeded: Email Recipients Per Message." — more than 50 in to+cc+bcc.
 * - "Argument too large: subject"                   — subject over 250 characters (undocumented
 *   limit; 250 is what scripts hitting it report).
 * - "Limit Exceeded: Email Body Size."              — body (+ htmlBody) over the size limit.
 * Recipient lists are comma-separated (MailApp reference: "a comma-separated list of email
 * addresses"), each entry a bare address or `Name <address>`.
 */
import type { Limits } from '../../runtime/runtime';

export const NO_RECIPIENT = 'Failed to send email: no recipient';
export const INVALID_EMAIL = (token: string): string => `Invalid email: ${token}`;
export const TOO_MANY_RECIPIENTS = 'Limit Exceeded: Email Recipients Per Message.';
export const SUBJECT_TOO_LARGE = 'Argument too large: subject';
export const BODY_TOO_LARGE = 'Limit Exceeded: Email Body Size.';

export const MAX_RECIPIENTS_PER_MESSAGE = 50;
export const MAX_SUBJECT_CHARS = 250;

export function maxBodyBytes(limits: Limits): number {
  return (limits.account === 'workspace' ? 400 : 200) * 1024;
}

export interface Address {
  name: string;
  address: string;
}

/** What a caller asked to send, after the overloads are told apart (strings, not yet checked). */
export interface MailInput {
  to: string;
  cc: string;
  bcc: string;
  replyTo: string;
  subject: string;
  body: string;
  htmlBody: string | null;
  name: string | null;
  noReply: boolean;
}

/** A message that passed every rule. */
export interface CheckedMail {
  to: Address[];
  cc: Address[];
  bcc: Address[];
  replyTo: string | null;
  subject: string;
  body: string;
  htmlBody: string | null;
  name: string | null;
  noReply: boolean;
  recipients: number;
}

// No spaces, brackets or separators; one "@"; a dot in the domain.
const ADDRESS = /^[^\s@<>()[\]",;:\\]+@[^\s@<>()[\]",;:\\]+\.[^\s@<>()[\]",;:\\.]+$/;

export function isAddress(s: string): boolean {
  return ADDRESS.test(s) && !s.includes('..');
}

/** Splits on commas outside quotes and angle brackets; empty entries are skipped. */
function splitList(raw: string): string[] {
  const parts: string[] = [];
  let current = '';
  let quoted = false;
  let angled = false;
  for (const ch of raw) {
    if (ch === '"') quoted = !quoted;
    else if (ch === '<' && !quoted) angled = true;
    else if (ch === '>' && !quoted) angled = false;
    if (ch === ',' && !quoted && !angled) {
      parts.push(current);
      current = '';
    } else current += ch;
  }
  parts.push(current);
  return parts.map((p) => p.trim()).filter((p) => p !== '');
}

/** Parses a comma-separated recipient list; throws Google's text for the first bad entry. */
export function parseRecipients(raw: string, fail: (message: string) => Error): Address[] {
  return splitList(raw).map((token) => {
    const named = /^(.*?)\s*<([^<>]*)>$/.exec(token);
    const address = (named ? named[2] : token).trim();
    const name = named ? named[1].trim().replace(/^"(.*)"$/, '$1') : '';
    if (!isAddress(address)) throw fail(INVALID_EMAIL(token));
    return { name, address };
  });
}

/** Applies the per-message rules in the order a send meets them. */
export function checkMail(input: MailInput, limits: Limits, fail: (message: string) => Error): CheckedMail {
  if (splitList(input.to).length + splitList(input.cc).length + splitList(input.bcc).length === 0) {
    throw fail(NO_RECIPIENT);
  }
  const to = parseRecipients(input.to, fail);
  const cc = parseRecipients(input.cc, fail);
  const bcc = parseRecipients(input.bcc, fail);
  const replyTo = input.replyTo.trim();
  if (replyTo !== '' && !isAddress(replyTo)) throw fail(INVALID_EMAIL(replyTo));
  const recipients = to.length + cc.length + bcc.length;
  if (recipients > MAX_RECIPIENTS_PER_MESSAGE) throw fail(TOO_MANY_RECIPIENTS);
  if (input.subject.length > MAX_SUBJECT_CHARS) throw fail(SUBJECT_TOO_LARGE);
  const bodyBytes = Buffer.byteLength(input.body, 'utf8') + Buffer.byteLength(input.htmlBody ?? '', 'utf8');
  if (bodyBytes > maxBodyBytes(limits)) throw fail(BODY_TOO_LARGE);
  return {
    to,
    cc,
    bcc,
    replyTo: replyTo === '' ? null : replyTo,
    subject: input.subject,
    body: input.body,
    htmlBody: input.htmlBody,
    name: input.name,
    noReply: input.noReply,
    recipients,
  };
}
