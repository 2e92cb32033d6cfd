/** The calls workbook plus an HR specialist, and helpers to open the add-on as someone (not a test file). */
import * as fs from 'fs';
import * as path from 'path';
import { callsWorkbook, schedule } from '../e2e/calls-fixture';
import { Harness } from '../e2e/harness';
import { AddonHost, Opened, Shown } from '../../workspace/cli/addonHost';
import { openedMessage } from '../../workspace/cli/addon';
import type { CardJson, WidgetJson } from '../../workspace/services/card';

export const HR = 'irina.hr@example.com';

/** `account` workspace: Google names editors of the domain (example.com), so the sheet's rules see who edited. */
export async function addonWorkbook(account: 'consumer' | 'workspace' = 'consumer'): Promise<Harness> {
  const h = await callsWorkbook({ now: '2026-11-23T09:00', account });
  h.edit('Staff', 'new', { Name: 'Irina', 'E-mail': HR, Department: 'HR', 'Manager e-mail': 'boss@example.com' }, h.ws.owner);
  h.timer(); // her access to HR's columns
  return h;
}

/** Schedules a call as the Sales manager and returns its Call ID and the Event ID the engine wrote. */
export function scheduled(h: Harness, cells: Record<string, string>): { callId: string; eventId: string } {
  const row = schedule(h, cells);
  const callId = String(row['Call ID']);
  const eventId = String(row['Event ID']);
  if (!callId || !eventId) throw new Error(`the call was not scheduled: ${String(row['Problems'])}`);
  return { callId, eventId };
}

export function open(h: Harness, opened: Opened, user: string): { host: AddonHost; shown: Shown; card: CardJson } {
  const host = AddonHost.open(h.ws, opened, user);
  const shown = host.show();
  return { host, shown, card: shown.cards[0] };
}

/** Writes an .eml as a client's mail client would and reads it as Gmail lists it. */
export async function mailFrom(h: Harness, from: string, to: string, subject: string, body = 'Hello'): Promise<Opened> {
  const file = path.join(h.dir, `mail-${Date.now()}-${Math.random().toString(36).slice(2)}.eml`);
  const eml = [
    `From: ${from}`,
    `To: ${to}`,
    `Subject: =?UTF-8?B?${Buffer.from(subject).toString('base64')}?=`,
    `Message-ID: <${Math.random().toString(36).slice(2)}@client.example>`,
    'Date: Mon, 23 Nov 2026 10:00:00 +0300',
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    '',
    body,
    '',
  ].join('\r\n');
  fs.writeFileSync(file, eml);
  return { kind: 'gmail', message: await openedMessage(file) };
}

export function widgets(card: CardJson): WidgetJson[] {
  return card.sections.flatMap((s) => s.widgets);
}

export function inputNames(card: CardJson): string[] {
  return widgets(card).flatMap((w) => {
    if ('textInput' in w) return [w.textInput.name];
    if ('selectionInput' in w) return [w.selectionInput.name];
    if ('dateTimePicker' in w) return [w.dateTimePicker.name];
    return [];
  });
}

/** Every text a person reads on the card, in order. */
export function texts(card: CardJson): string {
  return JSON.stringify(card);
}
