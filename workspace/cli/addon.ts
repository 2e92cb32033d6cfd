/**
 * `reglament addon WORKBOOK (--calendar-event ID | --gmail-message EML | --homepage) --user EMAIL
 *  [--action FUNCTION|ACTION_ID --input NAME=VALUE …] [--now ISO] [--json]`
 *
 * Renders the card the Workspace add-on shows that user for the opened event or mail (or the
 * homepage) — text for people, the card JSON with --json — and, with --action, submits the
 * card's form (its own values, overridden by --input) to that action and prints the response:
 * the notification and the card shown next. Under the workbook's lock, committed at once.
 * Exit codes: 0 ok; 1 the add-on's run failed; 2 bad input; 3 the product refused the action
 * (nothing changed); 4 busy (--no-wait).
 */
import * as crypto from 'crypto';
import * as fs from 'fs';
import type { Command } from 'commander';
import { parseInstant } from '../runtime/typing';
import { withWorkbook } from '../runtime/session';
import { REFUSED_EXIT_CODE, UsageError } from '../driver';
import { applyNavigations, CardJson, renderCardText } from '../services/card';
import type { OpenedMessage } from '../services/gmail';
import { Acted, AddonHost, AddonInputError, Opened, Shown } from './addonHost';

export interface AddonOptions {
  calendarEvent?: string;
  gmailMessage?: string;
  homepage?: boolean;
  user: string;
  action?: string;
  input: string[];
  now?: string;
}

export interface AddonResult {
  user: string;
  trigger: string;
  cards: CardJson[];
  action?: Acted & { card: CardJson | null; notification: string };
}

/** Reads an .eml as Gmail would list it: a stable message id, sender, recipients, subject. */
export async function openedMessage(file: string): Promise<OpenedMessage> {
  if (!fs.existsSync(file)) throw new UsageError(`--gmail-message: no file ${file}`);
  const { simpleParser } = await import('mailparser');
  const raw = fs.readFileSync(file);
  const mail = await simpleParser(raw);
  const key = mail.messageId || crypto.createHash('sha1').update(raw).digest('hex');
  const id = crypto.createHash('sha1').update(key).digest('hex').slice(0, 16);
  const refs = Array.isArray(mail.references) ? mail.references[0] : mail.references;
  const thread = refs ? crypto.createHash('sha1').update(refs).digest('hex').slice(0, 16) : id;
  const text = (a: unknown): string => (a ? (Array.isArray(a) ? a.map((x) => x.text).join(', ') : (a as { text: string }).text) : '');
  return {
    id,
    threadId: thread,
    from: text(mail.from),
    to: text(mail.to),
    cc: text(mail.cc),
    subject: mail.subject ?? '',
    date: mail.date ?? new Date(0),
  };
}

function inputsOf(pairs: string[]): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const pair of pairs) {
    const i = pair.indexOf('=');
    if (i <= 0) throw new UsageError(`--input takes NAME=VALUE, not "${pair}"`);
    const name = pair.slice(0, i);
    const value = pair.slice(i + 1);
    const prev = out[name];
    // Repeated: several values (check boxes, multi-select); `NAME=` clears the card's value.
    out[name] = prev === undefined ? value : ([] as string[]).concat(prev, value);
  }
  return out;
}

export async function runAddon(workbook: string, opts: AddonOptions): Promise<AddonResult> {
  const given = [opts.calendarEvent !== undefined, opts.gmailMessage !== undefined, !!opts.homepage].filter(Boolean).length;
  if (given !== 1) throw new UsageError('give exactly one of --calendar-event EVENT_ID, --gmail-message EML_PATH, --homepage');
  if (!/^[^\s@]+@[^\s@]+$/.test(opts.user)) throw new UsageError(`--user must be an e-mail address, not "${opts.user}"`);
  if (opts.input.length && !opts.action) throw new UsageError('--input needs --action');
  const inputs = inputsOf(opts.input);
  let opened: Opened = { kind: 'homepage' };
  if (opts.calendarEvent !== undefined) opened = { kind: 'calendar', eventId: opts.calendarEvent };
  if (opts.gmailMessage !== undefined) {
    const message = await openedMessage(opts.gmailMessage);
    const me = opts.user.toLowerCase();
    if (![message.from, message.to, message.cc].some((h) => h.toLowerCase().includes(me)))
      throw new UsageError(`${opts.user} is neither the sender nor a recipient of ${opts.gmailMessage}: it is not in their mailbox`);
    opened = { kind: 'gmail', message };
  }
  return withWorkbook({ workbook, command: 'addon' }, (ws) => {
    if (opts.now !== undefined) {
      try {
        ws.rt.clock.reset(parseInstant(opts.now, ws.spreadsheet.timeZone()).getTime());
      } catch (e) {
        throw new UsageError(`--now: ${(e as Error).message}`);
      }
    }
    try {
      const host = AddonHost.open(ws, opened, opts.user);
      const shown = host.show();
      const result: AddonResult = { user: opts.user, trigger: shown.fn, cards: shown.cards };
      if (opts.action) result.action = submit(host, shown, opts.action, inputs);
      return result;
    } catch (e) {
      if (e instanceof AddonInputError) throw new UsageError(e.message);
      throw e;
    }
  });
}

function submit(host: AddonHost, shown: Shown, action: string, inputs: Record<string, string | string[]>): AddonResult['action'] {
  const acted = host.act(shown, shown.cards[0], action, inputs);
  const a = acted.response.renderActions.action;
  const stack = a.navigations ? applyNavigations(shown.cards.slice(0, 1), a.navigations) : shown.cards.slice(0, 1);
  return { ...acted, card: stack[stack.length - 1] ?? null, notification: a.notification?.text ?? '' };
}

export function addonText(r: AddonResult): string {
  const lines: string[] = [];
  if (!r.action) for (const c of r.cards) lines.push(renderCardText(c), '');
  else {
    const a = r.action;
    if (a.problems.length) lines.push(`not submitted (${a.fn}):`, ...a.problems.map((p) => `  ${p.name || 'form'}: ${p.message}`));
    else {
      lines.push(`${a.fn}: ${a.refused ? 'REFUSED' : 'ok'}`);
      if (a.notification) lines.push(`» ${a.notification}`);
      if (a.card && !a.refused) lines.push('', renderCardText(a.card));
    }
  }
  return lines.join('\n').trimEnd();
}

/** The exit code of a result: 2 for a form Google would not submit, 3 for a refusal. */
export function addonExitCode(r: AddonResult): number {
  if (!r.action) return 0;
  if (r.action.problems.length) return 2;
  return r.action.refused ? REFUSED_EXIT_CODE : 0;
}

export function addAddonCommand(program: Command): void {
  program
    .command('addon')
    .description('Shows the Workspace add-on card a user sees for a Calendar event, a Gmail message or the homepage; with --action, submits it.')
    .argument('<workbook>', 'path of the .xlsx workbook')
    .option('--calendar-event <id>', 'the event the user opens in Calendar')
    .option('--gmail-message <eml>', 'the message the user opens in Gmail (an .eml file)')
    .option('--homepage', 'the add-on homepage ("my day")')
    .requiredOption('--user <email>', 'who is signed in')
    .option('--action <function|id>', 'submit the card to this action (a function name, or an action id such as a3 shown in the text)')
    .option(
      '--input <name=value>',
      'a form value for --action (repeat; repeated names give several values)',
      (v: string, p: string[]) => [...p, v],
      [],
    )
    .option('--now <iso>', 'when (ISO 8601; without an offset, in the spreadsheet zone)')
    .action(async (workbook: string, opts: AddonOptions) => {
      const json = program.opts().json;
      const r = await runAddon(workbook, opts);
      process.stdout.write((json ? JSON.stringify(r, null, 2) : addonText(r)) + '\n');
      const code = addonExitCode(r);
      if (code) process.exitCode = code;
    });
}
