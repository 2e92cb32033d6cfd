/**
 * The per-run mail session the features send through: e-mails rendered from the Templates
 * tab (or the built-in template) with every cell value escaped, sent once per Outbox key
 * (outbox.ts), under the one retry policy (policy.ts).
 *
 * A batch (the 18:00 reports, the morning's reminders) first appends the Outbox rows it
 * lacks in one write (state Pending), then delivers them with outbox.deliverBatch — batches
 * of up to BATCH_MAX marked in flight together and marked Sent together, so a run stopped by
 * the time limit leaves the rest Pending for the next run and sends nothing twice (a kill
 * mid-batch leaves that batch "may have gone out", outbox.ts).
 *
 * An Outbox row a person cancelled, or one left Failed by an interrupted send (it may have
 * gone out), is not sent again automatically; a failed send is retried up to MAX_ATTEMPTS.
 */
import { localizer } from '../core/i18n';
import { Locale, OUTBOX_STATES, choiceLabel } from '../core/schema';
import { pickTemplate, readTemplateRows, render, TemplateRow, TemplateValues } from '../core/templates';
import { RunContext } from '../app/context';
import { recordsOf } from '../google/records';
import { appendRows, TabData } from '../google/workbook';
import { deliverBatch, lastErrorOf, OutboxRow, OutgoingMail, pendingRecord, SendResult, writeState } from './outbox';
import { maySendAgain } from './policy';

const say = localizer({
  sendHeld: {
    ru: 'письмо не отправлено: строка «{key}» в «Исходящих» в состоянии «{state}» — поставьте «Ожидает», чтобы отправить.',
    en: 'e-mail not sent: Outbox row "{key}" is {state}; set it to Pending to send.',
  },
});

export type MailOutcome = SendResult['outcome'] | 'held' | 'no-outbox' | 'not-sent';

export interface MailResult {
  outcome: MailOutcome;
  error?: string;
}

export interface MailItem {
  key: string;
  to: string[];
  cc?: string[];
  template: string;
  language: Locale;
  values: TemplateValues;
  replyTo?: string;
  /** Told what happened (not called for items left for a later run). */
  done?(result: MailResult): void;
}

/** The Outbox tab and its rows by key, read once per run. */
export class Mailer {
  private index: Map<string, OutboxRow> | undefined;
  private templates: TemplateRow[] | undefined;
  readonly outbox: TabData | null;
  /** Set when the daily mail quota ran out: nothing more is tried in this run. */
  quotaOut = false;

  constructor(
    readonly ctx: RunContext,
    private readonly timeLeft: () => boolean = () => true,
  ) {
    const book = ctx.outbox();
    this.outbox = book?.tab ?? null;
    this.index = book?.index;
  }

  /** The run's Outbox rows by key (shared with the other features of the run: RunContext.outbox). */
  rows(): Map<string, OutboxRow> {
    if (!this.index) this.index = new Map();
    return this.index;
  }

  /** True once the key's e-mail went out. */
  wasSent(key: string): boolean {
    return this.rows().get(key)?.state === 'sent';
  }

  /** Why an existing row must not be sent automatically, or undefined when it may. */
  private held(row: OutboxRow): string | undefined {
    if (row.state === 'sent' || maySendAgain(row, lastErrorOf(this.outbox!, row))) return undefined;
    const state = OUTBOX_STATES.find((s) => s.key === row.state);
    return say(this.ctx.locale, 'sendHeld', { key: row.key, state: state ? choiceLabel(state, this.ctx.locale) : String(row.state) });
  }

  /** The e-mail an item renders to, or why it cannot be made. */
  compose(item: MailItem): OutgoingMail | string {
    if (!this.templates) this.templates = readTemplates(this.ctx);
    return composeMail(this.templates, item, this.ctx.settings.senderName);
  }

  send(item: MailItem): MailResult {
    let result: MailResult = { outcome: 'not-sent' };
    this.sendMany([
      {
        ...item,
        done: (r) => {
          result = r;
          item.done?.(r);
        },
      },
    ]);
    return result;
  }

  /** Cancels a Pending row nobody should send any more (one write); a sent row stays as it is. */
  cancelPending(key: string): void {
    const row = this.rows().get(key);
    if (!this.outbox || !row || row.state !== 'pending') return;
    writeState(this.outbox, row.index, this.ctx.locale, 'cancelled');
    row.state = 'cancelled';
  }

  /** Appends Pending Outbox rows (one write) and indexes them: each key's row says the e-mail it goes with. */
  appendPending(rows: ReadonlyArray<{ mail: OutgoingMail; due: Date; key?: string }>): void {
    const outbox = this.outbox;
    if (!outbox || rows.length === 0) return;
    const index = this.rows();
    const first = outbox.rows.length;
    appendRows(
      outbox,
      rows.map(({ mail, due, key }) => pendingRecord(mail, due, this.ctx.locale, key)),
    );
    rows.forEach(({ mail, due, key = mail.key }, k) => index.set(key, { index: first + k, key, state: 'pending', attempts: 0, due }));
  }

  /** The items that may go: one per key; those already sent or held are told so and left out. */
  private mayGo(items: readonly MailItem[]): MailItem[] {
    const index = this.rows();
    const seen = new Set<string>();
    const out: MailItem[] = [];
    for (const item of items) {
      if (seen.has(item.key)) continue;
      seen.add(item.key);
      const existing = index.get(item.key);
      if (existing?.state === 'sent') {
        item.done?.({ outcome: 'already-sent' });
        continue;
      }
      const held = existing && this.held(existing);
      if (held) item.done?.({ outcome: 'held', error: held });
      else out.push(item);
    }
    return out;
  }

  /**
   * Sends the items in order; those the run has no time or quota left for stay for a later run.
   * With `group`, items of one group go as one e-mail (at most GROUP_MAX of them): each keeps
   * its Outbox row, and the rows are marked in flight and Sent together (outbox.ts BatchItem.also).
   */
  sendMany(items: readonly MailItem[], group?: MailGroup): void {
    const outbox = this.outbox;
    if (!outbox) {
      for (const item of items) item.done?.({ outcome: 'no-outbox' });
      return;
    }
    const index = this.rows();
    const ready: Array<{ members: MailItem[]; mail: OutgoingMail }> = [];
    for (const members of unitsOf(this.mayGo(items), group)) {
      const mail = this.compose(members.length > 1 ? group!.merge(members) : members[0]);
      if (typeof mail === 'string') members.forEach((m) => m.done?.({ outcome: 'failed', error: mail }));
      else ready.push({ members, mail: { ...mail, key: members[0].key } });
    }
    // One write for the Outbox rows this batch lacks.
    this.appendPending(
      ready.flatMap(({ members, mail }) => members.filter((m) => !index.has(m.key)).map((m) => ({ mail, due: this.ctx.now, key: m.key }))),
    );
    const byKey = new Map(ready.map((r) => [r.mail.key, r.members]));
    deliverBatch(
      outbox,
      ready.map(({ members, mail }) => ({ row: index.get(members[0].key)!, mail, also: members.slice(1).map((m) => index.get(m.key)!) })),
      this.ctx.locale,
      this.ctx.now,
      {
        goOn: () => !this.quotaOut && this.timeLeft(),
        after: (result, { mail }) => {
          if (result.outcome === 'quota') this.quotaOut = true;
          for (const m of byKey.get(mail.key)!) m.done?.(result);
          return true;
        },
      },
    );
  }
}

/** Items that go as one e-mail: by their group, at most GROUP_MAX (their keys share one in-flight marker, outbox.ts). */
export const GROUP_MAX = 50;

/** How sendMany groups items: the same `by` goes as one e-mail that `merge` makes. */
export interface MailGroup {
  by(item: MailItem): string;
  /** The one e-mail of several items (at least two); its key is ignored (the first item's is used). */
  merge(items: readonly MailItem[]): MailItem;
}

/** The items in send order, each alone or, with a group, with the others of its group (at the place of its first). */
function unitsOf(items: readonly MailItem[], group: MailGroup | undefined): MailItem[][] {
  if (!group) return items.map((i) => [i]);
  const units: MailItem[][] = [];
  const open = new Map<string, MailItem[]>();
  for (const item of items) {
    const by = group.by(item);
    let unit = open.get(by);
    if (!unit || unit.length >= GROUP_MAX) {
      unit = [];
      open.set(by, unit);
      units.push(unit);
    }
    unit.push(item);
  }
  return units;
}

/** The Templates tab's rows (the built-in texts fill what it lacks). */
export function readTemplates(ctx: RunContext): TemplateRow[] {
  const tab = ctx.tab('templates');
  return tab ? readTemplateRows(recordsOf(tab)) : [];
}

/** The e-mail an item renders to, or why it cannot be made; {{senderName}} is available to every template. */
export function composeMail(templates: readonly TemplateRow[], item: Omit<MailItem, 'done'>, senderName: string): OutgoingMail | string {
  const picked = pickTemplate(templates, item.template, item.language);
  if (!picked) return `template ${item.template} missing`;
  const rendered = render(picked.template, { senderName, ...item.values }, picked.language);
  return {
    key: item.key,
    to: item.to,
    cc: (item.cc ?? []).filter((c) => item.to.indexOf(c) < 0),
    replyTo: item.replyTo && item.replyTo.indexOf('@') > 0 ? item.replyTo : undefined,
    subject: rendered.subject,
    text: rendered.text,
    html: rendered.html,
    template: item.template,
    senderName,
  };
}
