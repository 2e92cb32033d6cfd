/**
 * Idempotent sending through the Outbox tab. Every automated e-mail has a key; a key
 * that reached Sent is never sent again, whoever asks (a second tick, a re-run, a
 * concurrent edit — callers hold the script lock).
 *
 * Surviving a crash halfway: before sending, the row is marked in flight (a script
 * property holding the key), and cleared right after MailApp returns, when the row
 * becomes Sent. A row found still in flight by a later run may or may not have gone
 * out; it is marked Failed with that explanation instead of being sent again, so a
 * person decides (set State back to Pending to resend). Nothing goes out twice and
 * nothing is silently dropped.
 *
 * This module is the only caller of MailApp; policy.ts is the one retry policy and the one
 * reading of its errors; mailer.ts is the per-run session the features send through.
 */
import { OUTBOX_STATES, Locale, choiceLabel, findChoice } from '../core/schema';
import { toCells } from '../google/cells';
import { appendRows, cell, TabData, sheetRow } from '../google/workbook';
import { afterSendError, classifyMailError, interruptedText, MailErrorKind, maySendAgain, MAX_ATTEMPTS, QUOTA_MESSAGE } from './policy';

export { MAX_ATTEMPTS, QUOTA_MESSAGE };

export type OutboxState = (typeof OUTBOX_STATES)[number]['key'];

export interface OutgoingMail {
  key: string;
  to: string[];
  cc?: string[];
  replyTo?: string;
  subject: string;
  text: string;
  html: string;
  template: string;
  senderName?: string;
}

export interface OutboxRow {
  index: number; // data row index in the tab
  key: string;
  state: OutboxState | undefined;
  attempts: number;
  due: unknown;
}

const IN_FLIGHT = 'outbox.inFlight.';

export function outboxState(value: unknown): OutboxState | undefined {
  return findChoice(OUTBOX_STATES, String(value ?? ''))?.key as OutboxState | undefined;
}

/** All Outbox rows by key (the last row wins if a person duplicated one). */
export function indexOutbox(outbox: TabData): Map<string, OutboxRow> {
  const rows = new Map<string, OutboxRow>();
  outbox.rows.forEach((row, index) => {
    const key = String(cell(outbox, row, 'key') ?? '');
    if (!key) return;
    rows.set(key, {
      index,
      key,
      state: outboxState(cell(outbox, row, 'state')),
      attempts: Number(cell(outbox, row, 'attempts')) || 0,
      due: cell(outbox, row, 'due'),
    });
  });
  return rows;
}

export interface SendResult {
  outcome: 'sent' | 'already-sent' | 'failed' | 'quota' | 'interrupted';
  error?: string;
  /** Why a send failed (policy.ts): a permanent refusal does not pause the others. */
  kind?: MailErrorKind;
}

/**
 * Rows found in flight from an earlier, interrupted run: marked Failed, not resent.
 * Returns the keys it marked.
 */
export function settleInterrupted(outbox: TabData, locale: Locale, props = PropertiesService.getScriptProperties()): string[] {
  const all = props.getProperties();
  const keys = Object.keys(all).filter((k) => k.startsWith(IN_FLIGHT));
  if (keys.length === 0) return [];
  const index = indexOutbox(outbox);
  const settled: string[] = [];
  for (const prop of keys) {
    const key = prop.slice(IN_FLIGHT.length);
    const row = index.get(key);
    if (row && row.state !== 'sent') {
      writeState(outbox, row.index, locale, 'failed', {
        lastError: interruptedText(locale),
      });
      settled.push(key);
    }
    props.deleteProperty(prop);
  }
  return settled;
}

/**
 * Sends `mail` unless its key was already sent. The Outbox row is created when
 * missing; its state, attempts, last error and sent-at are kept current.
 */
export function sendOnce(outbox: TabData, mail: OutgoingMail, locale: Locale, now: Date, index = indexOutbox(outbox)): SendResult {
  let row = index.get(mail.key);
  if (row?.state === 'sent') return { outcome: 'already-sent' };
  // Failed (given up or interrupted), Cancelled and Missed rows wait for a person to set Pending.
  if (row && !maySendAgain(row, lastErrorOf(outbox, row))) return { outcome: 'failed', error: `Outbox: ${row.state}` };
  if (!row) {
    appendRows(outbox, [
      {
        key: mail.key,
        due: now,
        recipient: mail.to.join(', '),
        template: mail.template,
        subject: mail.subject,
        state: choiceLabel(OUTBOX_STATES[0], locale),
        attempts: 0,
        lastError: '',
        sentAt: '',
      },
    ]);
    row = { index: outbox.rows.length - 1, key: mail.key, state: 'pending', attempts: 0, due: now };
    index.set(mail.key, row);
  }
  return deliver(outbox, row, mail, locale, now);
}

/** Sends an existing Pending row's mail (rendered by the caller) with the crash markers. */
export function deliver(outbox: TabData, row: OutboxRow, mail: OutgoingMail, locale: Locale, now: Date): SendResult {
  const props = PropertiesService.getScriptProperties();
  const attempts = row.attempts + 1;
  props.setProperty(IN_FLIGHT + mail.key, now.toISOString());
  try {
    MailApp.sendEmail({
      to: mail.to.join(','),
      cc: mail.cc && mail.cc.length ? mail.cc.join(',') : undefined,
      replyTo: mail.replyTo,
      subject: mail.subject,
      body: mail.text,
      htmlBody: mail.html,
      name: mail.senderName,
    } as GoogleAppsScript.Mail.MailAdvancedParameters);
  } catch (e) {
    props.deleteProperty(IN_FLIGHT + mail.key);
    const message = errorMessage(e);
    const kind = classifyMailError(message);
    const next = afterSendError(row.attempts, kind);
    writeState(outbox, row.index, locale, next.state, { attempts: next.attempts, lastError: message });
    row.attempts = next.attempts;
    row.state = next.state;
    return { outcome: kind === 'quota' ? 'quota' : 'failed', error: message, kind };
  }
  writeState(outbox, row.index, locale, 'sent', { attempts, lastError: '', sentAt: now });
  props.deleteProperty(IN_FLIGHT + mail.key);
  row.state = 'sent';
  row.attempts = attempts;
  return { outcome: 'sent' };
}

/** Updates one Outbox row's state columns in a single write (they are adjacent by design). */
export function writeState(
  outbox: TabData,
  index: number,
  locale: Locale,
  state: OutboxState,
  fields: { attempts?: number; lastError?: string; sentAt?: Date | '' } = {},
): void {
  const values = outbox.rows[index];
  const set = (key: string, value: unknown) => {
    const i = outbox.columns.index[key];
    if (i !== undefined) values[i] = value;
  };
  set('state', choiceLabel(OUTBOX_STATES.find((s) => s.key === state) ?? OUTBOX_STATES[0], locale));
  if (fields.attempts !== undefined) set('attempts', fields.attempts);
  if (fields.lastError !== undefined) set('lastError', fields.lastError);
  if (fields.sentAt !== undefined) set('sentAt', fields.sentAt);
  const keys = ['state', 'attempts', 'lastError', 'sentAt'].map((k) => outbox.columns.index[k]).filter((i) => i !== undefined) as number[];
  const first = Math.min(...keys);
  const last = Math.max(...keys);
  outbox.sheet
    .getRange(sheetRow(index), first + 1, 1, last - first + 1)
    .setValues([toCells(values.slice(first, last + 1), outbox.plainText.slice(first, last + 1))]);
}

/** The Last error of an Outbox row. */
export function lastErrorOf(outbox: TabData, row: OutboxRow): string {
  return String(cell(outbox, outbox.rows[row.index], 'lastError') ?? '');
}

export function errorMessage(e: unknown): string {
  if (e && typeof e === 'object' && 'message' in e) return String((e as { message: unknown }).message);
  return String(e);
}
