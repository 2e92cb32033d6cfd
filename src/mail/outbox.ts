/**
 * Idempotent sending through the Outbox tab. Every automated e-mail has a key; a key
 * that reached Sent is never sent again, whoever asks (a second tick, a re-run, a
 * concurrent edit — callers hold the script lock).
 *
 * Sending in batches (issue 15): before a batch of up to BATCH_MAX mails goes out, its keys
 * are marked in flight with one setProperties (one script property holding the batch's keys);
 * the mails are sent; then the batch's Outbox rows get their state in one write per run of
 * adjacent rows, SpreadsheetApp.flush() makes sure that write reached the sheet (Sheets caches
 * writes, and Google does not say a killed run's cache is saved), and only then the marker is
 * deleted. Per mail that is MailApp alone, instead of a setProperty, a setValues and a
 * deleteProperty around every message.
 *
 * Surviving a crash halfway (at most once): a batch found still in flight by a later run
 * (settleInterrupted) may have gone out in part — a kill mid-batch leaves every row of that
 * batch not yet Sent marked Failed with "Interrupted while sending: it may have gone out",
 * including those the dead run had not reached. They are not sent again automatically; a
 * person decides (set State back to Pending to resend). So after a kill at most one batch is
 * "may have gone out"; nothing goes out twice and nothing is silently dropped.
 *
 * This module is the only caller of MailApp; policy.ts is the one retry policy and the one
 * reading of its errors; mailer.ts is the per-run session the features send through.
 */
import { OUTBOX_STATES, Locale, choiceLabel, findChoice } from '../core/schema';
import { toCells } from '../google/cells';
import { appendRows, cell, loadRows, readColumn, readTabBlock, TabData, sheetRow } from '../google/workbook';
import { afterSendError, classifyMailError, interruptedText, MailErrorKind, maySendAgain, MAX_ATTEMPTS, QUOTA_MESSAGE } from './policy';
import { minOf, maxOf } from '../core/values';

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
/** A batch's marker: IN_FLIGHT (the gate looks for it) + '*batch*' (no mail key starts so). */
const BATCH = `${IN_FLIGHT}*batch*`;

export function outboxState(value: unknown): OutboxState | undefined {
  return findChoice(OUTBOX_STATES, String(value ?? ''))?.key as OutboxState | undefined;
}

/** All Outbox rows by key (the last row wins if a person duplicated one). */
export function indexOutbox(outbox: TabData): Map<string, OutboxRow> {
  const rows = new Map<string, OutboxRow>();
  outbox.rows.forEach((row, index) => {
    const key = String(cell(outbox, row, 'key') ?? '');
    if (key) rows.set(key, rowOf(outbox, index));
  });
  return rows;
}

function rowOf(outbox: TabData, index: number): OutboxRow {
  const row = outbox.rows[index];
  return {
    index,
    key: String(cell(outbox, row, 'key') ?? ''),
    state: outboxState(cell(outbox, row, 'state')),
    attempts: Number(cell(outbox, row, 'attempts')) || 0,
    due: cell(outbox, row, 'due'),
  };
}

/**
 * The Outbox by key as an edit reads it (issue 15: reads that do not grow with history):
 * the Key column (read by readOutboxPart), then a row when its key is first looked up, or
 * the rows of many keys at once (preload). It answers get/has/set as the whole index does, so
 * sending stays once per key: a key that exists is always found, because every key is known.
 * Going through it (size, keys, values, entries, for…of) reads the rows not read yet first.
 */
export class PartialOutbox extends Map<string, OutboxRow> {
  private readonly at = new Map<string, number>();
  private whole = false;

  constructor(
    readonly outbox: TabData,
    keys: readonly unknown[],
  ) {
    super();
    keys.forEach((k, i) => {
      const key = String(k ?? '');
      if (key) this.at.set(key, i);
    });
  }

  override get(key: string): OutboxRow | undefined {
    if (!super.has(key)) {
      const i = this.at.get(key);
      if (i !== undefined) {
        loadRows(this.outbox, [i]);
        super.set(key, rowOf(this.outbox, i));
      }
    }
    return super.get(key);
  }

  override has(key: string): boolean {
    return this.get(key) !== undefined;
  }

  override set(key: string, row: OutboxRow): this {
    this.at.set(key, row.index);
    return super.set(key, row);
  }

  /** Reads, in as few calls as loadRows makes, the rows of every key `wanted` accepts. */
  preload(wanted: (key: string) => boolean): void {
    const keys = [...this.at.keys()].filter((k) => !super.has(k) && wanted(k));
    loadRows(
      this.outbox,
      keys.map((k) => this.at.get(k)!),
    );
    for (const k of keys) super.set(k, rowOf(this.outbox, this.at.get(k)!));
  }

  /** Reads every row not read yet (a caller that goes through all of them). */
  readAll(): void {
    if (this.whole) return;
    this.whole = true;
    this.preload(() => true);
  }

  override get size(): number {
    this.readAll();
    return super.size;
  }
  override keys(): MapIterator<string> {
    this.readAll();
    return super.keys();
  }
  override values(): MapIterator<OutboxRow> {
    this.readAll();
    return super.values();
  }
  override entries(): MapIterator<[string, OutboxRow]> {
    this.readAll();
    return super.entries();
  }
  override [Symbol.iterator](): MapIterator<[string, OutboxRow]> {
    return this.entries();
  }
  override forEach(fn: (value: OutboxRow, key: string, map: Map<string, OutboxRow>) => void, self?: unknown): void {
    this.readAll();
    super.forEach(fn, self);
  }
}

/** The Outbox tab in part: its header and Key column (three calls and one), no row yet. */
export function readOutboxPart(sheet: GoogleAppsScript.Spreadsheet.Sheet | undefined): PartialOutbox | null {
  const tab = readTabBlock(sheet, 'outbox', 0, -1);
  return tab ? new PartialOutbox(tab, readColumn(tab, 'key')) : null;
}

export interface SendResult {
  outcome: 'sent' | 'already-sent' | 'failed' | 'quota' | 'interrupted';
  error?: string;
  /** Why a send failed (policy.ts): a permanent refusal does not pause the others. */
  kind?: MailErrorKind;
}

/**
 * Rows found in flight from an earlier, interrupted run (a batch's keys, or one key from an
 * older version): marked Failed, not resent. Returns the keys it marked.
 */
export function settleInterrupted(
  outbox: TabData,
  locale: Locale,
  props = PropertiesService.getScriptProperties(),
  given?: Map<string, OutboxRow>,
): string[] {
  const all = props.getProperties();
  const names = Object.keys(all).filter((k) => k.startsWith(IN_FLIGHT));
  if (names.length === 0) return [];
  const index = given ?? indexOutbox(outbox);
  const settled: string[] = [];
  for (const name of names) {
    for (const key of inFlightKeys(name, all[name])) {
      const row = index.get(key);
      if (!row || row.state === 'sent') continue;
      setState(outbox, row.index, locale, 'failed', { lastError: interruptedText(locale) });
      row.state = 'failed';
      settled.push(key);
    }
  }
  writeStates(
    outbox,
    settled.map((k) => index.get(k)!.index),
  );
  if (settled.length) SpreadsheetApp.flush();
  for (const name of names) props.deleteProperty(name);
  return settled;
}

/** The keys one in-flight property names: a batch holds them as JSON, an older marker is one key. */
function inFlightKeys(name: string, value: string): string[] {
  if (name.startsWith(BATCH)) {
    try {
      const keys = JSON.parse(value) as unknown;
      if (Array.isArray(keys)) return keys.map(String);
    } catch {
      // A damaged marker names nothing we can trust; it is dropped.
    }
    return [];
  }
  return [name.slice(IN_FLIGHT.length)];
}

/**
 * Sends `mail` unless its key was already sent. The Outbox row is created when
 * missing; its state, attempts, last error and sent-at are kept current.
 */
export function sendOnce(outbox: TabData, mail: OutgoingMail, locale: Locale, now: Date, index = indexOutbox(outbox)): SendResult {
  let result: SendResult = { outcome: 'interrupted' };
  sendAllOnce(outbox, [mail], locale, now, index, (r) => {
    result = r;
    return true;
  });
  return result;
}

/** A new Pending Outbox row of `mail` (under `key`: a grouped mail's other keys, mailer.ts). */
export function pendingRecord(mail: OutgoingMail, due: Date, locale: Locale, key = mail.key): Record<string, unknown> {
  return {
    key,
    due,
    recipient: mail.to.join(', '),
    template: mail.template,
    subject: mail.subject,
    state: choiceLabel(OUTBOX_STATES[0], locale),
    attempts: 0,
    lastError: '',
    sentAt: '',
  };
}

/**
 * sendOnce for several mails as one batch (deliverBatch): the rows they lack appended in one
 * write, one in-flight marker. `after` is told each mail's result in order (false stops the rest,
 * which stay as they are: untried).
 */
export function sendAllOnce(
  outbox: TabData,
  mails: readonly OutgoingMail[],
  locale: Locale,
  now: Date,
  index: Map<string, OutboxRow>,
  after: (result: SendResult, mail: OutgoingMail) => boolean,
): void {
  const go: OutgoingMail[] = [];
  for (const mail of mails) {
    const row = index.get(mail.key);
    if (row?.state === 'sent') {
      if (!after({ outcome: 'already-sent' }, mail)) return;
    } else if (row && !maySendAgain(row, lastErrorOf(outbox, row))) {
      // Failed (given up or interrupted), Cancelled and Missed rows wait for a person to set Pending.
      if (!after({ outcome: 'failed', error: `Outbox: ${row.state}` }, mail)) return;
    } else if (!go.some((m) => m.key === mail.key)) go.push(mail);
  }
  const missing = go.filter((m) => !index.has(m.key));
  const first = outbox.rows.length;
  appendRows(
    outbox,
    missing.map((mail) => pendingRecord(mail, now, locale)),
  );
  missing.forEach((mail, k) => index.set(mail.key, { index: first + k, key: mail.key, state: 'pending', attempts: 0, due: now }));
  deliverBatch(
    outbox,
    go.map((mail) => ({ row: index.get(mail.key)!, mail })),
    locale,
    now,
    { after: (r, item) => after(r, item.mail) },
  );
}

/** Sends an existing Pending row's mail (rendered by the caller) with the crash markers. */
export function deliver(outbox: TabData, row: OutboxRow, mail: OutgoingMail, locale: Locale, now: Date): SendResult {
  let result: SendResult = { outcome: 'interrupted' };
  deliverBatch(outbox, [{ row, mail }], locale, now, {
    after: (r) => {
      result = r;
      return true;
    },
  });
  return result;
}

export interface BatchItem {
  row: OutboxRow;
  mail: OutgoingMail;
  /** Further Outbox rows this one e-mail stands for (a grouped alert): marked in flight with it, given its state. */
  also?: readonly OutboxRow[];
}

/** Every Outbox row an item's e-mail stands for: its own, then those it carries. */
function rowsOf(item: BatchItem): OutboxRow[] {
  return [item.row, ...(item.also ?? [])];
}

export interface BatchHooks {
  /** Asked before each send: false leaves this and the rest Pending for a later run. */
  goOn?(): boolean;
  /** Told each send's result (the row's state is already set in memory): false stops sending. */
  after?(result: SendResult, item: BatchItem): boolean;
}

/** Mails marked in flight together; a batch's keys must fit one script property (9 KB). */
export const BATCH_MAX = 25;
const BATCH_CHARS = 8000;

/**
 * Sends existing Pending rows' mails in batches (see the header): one setProperties, the
 * sends, one write per run of adjacent rows, a flush, one deleteProperty. Returns how many
 * mails were tried.
 */
export function deliverBatch(outbox: TabData, items: readonly BatchItem[], locale: Locale, now: Date, hooks: BatchHooks = {}): number {
  if (items.length === 0) return 0;
  const props = PropertiesService.getScriptProperties();
  let tried = 0;
  for (const batch of batches(items)) {
    const name = `${BATCH}${now.getTime()}.${tried}`;
    props.setProperties({ [name]: JSON.stringify(batch.flatMap((b) => rowsOf(b).map((r) => r.key))) });
    const touched: number[] = [];
    let stop = false;
    for (const item of batch) {
      if (hooks.goOn && !hooks.goOn()) {
        stop = true;
        break;
      }
      tried++;
      const result = sendOne(outbox, item, locale, now);
      for (const r of rowsOf(item)) touched.push(r.index);
      if (hooks.after && !hooks.after(result, item)) {
        stop = true;
        break;
      }
    }
    writeStates(outbox, touched);
    if (touched.length) SpreadsheetApp.flush();
    props.deleteProperty(name);
    if (stop) break;
  }
  return tried;
}

/** Batches of at most BATCH_MAX mails whose keys fit one property value. */
function batches(items: readonly BatchItem[]): BatchItem[][] {
  const out: BatchItem[][] = [];
  let current: BatchItem[] = [];
  let chars = 2;
  for (const item of items) {
    const size = rowsOf(item).reduce((n, r) => n + JSON.stringify(r.key).length + 1, 0);
    if (current.length && (current.length >= BATCH_MAX || chars + size > BATCH_CHARS)) {
      out.push(current);
      current = [];
      chars = 2;
    }
    current.push(item);
    chars += size;
  }
  if (current.length) out.push(current);
  return out;
}

/** One MailApp send; the state of its rows is set in memory (the batch writes it). */
function sendOne(outbox: TabData, item: BatchItem, locale: Locale, now: Date): SendResult {
  const { mail } = item;
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
    const message = errorMessage(e);
    const kind = classifyMailError(message);
    for (const row of rowsOf(item)) {
      const next = afterSendError(row.attempts, kind);
      setState(outbox, row.index, locale, next.state, { attempts: next.attempts, lastError: message });
      row.attempts = next.attempts;
      row.state = next.state;
    }
    return { outcome: kind === 'quota' ? 'quota' : 'failed', error: message, kind };
  }
  for (const row of rowsOf(item)) {
    row.attempts += 1;
    row.state = 'sent';
    setState(outbox, row.index, locale, 'sent', { attempts: row.attempts, lastError: '', sentAt: now });
  }
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
  setState(outbox, index, locale, state, fields);
  writeStates(outbox, [index]);
}

/** Sets one row's state columns in memory (writeStates sends them). */
function setState(
  outbox: TabData,
  index: number,
  locale: Locale,
  state: OutboxState,
  fields: { attempts?: number; lastError?: string; sentAt?: Date | '' },
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
}

/**
 * Writes the state columns (State to Sent at) of these rows: one setValues per run of
 * adjacent rows, so a row between them that a person may have changed is not overwritten.
 */
function writeStates(outbox: TabData, indexes: readonly number[]): void {
  if (indexes.length === 0) return;
  const keys = ['state', 'attempts', 'lastError', 'sentAt'].map((k) => outbox.columns.index[k]).filter((i) => i !== undefined) as number[];
  if (keys.length === 0) return;
  const first = minOf(keys);
  const last = maxOf(keys);
  const plain = outbox.plainText.slice(first, last + 1);
  const sorted = [...new Set(indexes)].sort((x, y) => x - y);
  for (let s = 0; s < sorted.length;) {
    let e = s;
    while (e + 1 < sorted.length && sorted[e + 1] === sorted[e] + 1) e++;
    const rows = sorted.slice(s, e + 1).map((i) => toCells(outbox.rows[i].slice(first, last + 1), plain));
    outbox.sheet.getRange(sheetRow(sorted[s]), first + 1, rows.length, last - first + 1).setValues(rows);
    s = e + 1;
  }
}

/** The Last error of an Outbox row. */
export function lastErrorOf(outbox: TabData, row: OutboxRow): string {
  return String(cell(outbox, outbox.rows[row.index], 'lastError') ?? '');
}

export function errorMessage(e: unknown): string {
  if (e && typeof e === 'object' && 'message' in e) return String((e as { message: unknown }).message);
  return String(e);
}
