/**
 * Reminder planning and the Outbox decision rules (docs/DOMAIN.md §6.2, §8.1).
 *
 * Each reminder is an Outbox row keyed `${callId}|${recipient}|${offsetMinutes}`. The
 * tick (every few minutes) sends a row once it is due — never early — unless its call
 * has started by then, in which case it is Missed. Rescheduling re-plans the pending
 * rows, cancelling cancels them; Sent, Missed and Failed rows are records and are never
 * touched: a reminder that must go out again (after a reschedule) is a new row under the
 * same key, so the latest row of a key is the live one.
 *
 * A day is 1440 minutes (as in Calendar's reminders): a "1 day" reminder for a call at
 * 10:00 New York on the Sunday the clocks spring forward goes out at 09:00 local on
 * Saturday, exactly 24 hours earlier.
 */
import { CALL_TYPES, OUTBOX_STATES, Locale, choiceLabel, findChoice } from '../../../core/schema';
import { LocalDate, Zone, dayNumber, instantAt, isDate, localDateOf, wallClockOf } from '../../../core/time';
import { CallTypeKey, describeOffset } from './offsets';
import { parseDateText } from './comments';
import { TemplateKey } from '../../../core/templates';
import { callText } from './messages';
import { zonePhrase } from '../../../core/zones';

export type OutboxStateKey = (typeof OUTBOX_STATES)[number]['key'];
export type RecipientRole = 'client' | 'candidate' | 'hiredEmployee' | 'teamLead' | 'manager';

export const REMINDER_TEMPLATE: Record<CallTypeKey, TemplateKey> = {
  first: 'reminder.firstCall',
  interview: 'reminder.interview',
  repeat: 'reminder.repeatCall',
  intro: 'reminder.introCall',
};

/** What planning needs of a call (a PlannedCall from calls.ts fits). */
export interface ReminderCall {
  callId: string;
  type: CallTypeKey;
  start: number;
  clientEmail: string;
  candidates: readonly { id: string; name: string; email: string }[];
  hiredEmployeeEmail: string;
  teamLeadEmail: string;
  hiredEmployeeName?: string;
  teamLeadName?: string;
}

export interface Recipient {
  email: string;
  role: RecipientRole;
  name?: string;
  candidateId?: string;
}

/** docs/DOMAIN.md §6.2: the client (First call), the candidates (Interview, Repeat), the hired employee and team lead (Introductory). */
export function reminderRecipients(call: ReminderCall): Recipient[] {
  const list: Recipient[] = [];
  if (call.type === 'first') list.push({ email: call.clientEmail, role: 'client' });
  if (call.type === 'interview' || call.type === 'repeat') {
    for (const c of call.candidates) list.push({ email: c.email, role: 'candidate', name: c.name, candidateId: c.id });
  }
  if (call.type === 'intro') {
    list.push(
      { email: call.hiredEmployeeEmail, role: 'hiredEmployee', name: call.hiredEmployeeName || undefined },
      { email: call.teamLeadEmail, role: 'teamLead', name: call.teamLeadName || undefined },
    );
  }
  const out: Recipient[] = [];
  for (const r of list) {
    const email = r.email.trim().toLowerCase();
    if (email && !out.some((o) => o.email === email)) out.push({ ...r, email });
  }
  return out;
}

/** Who actually receives a message meant for `email` at `atMs` (absence → deputy). */
export type RecipientResolver = (email: string, atMs: number) => string;
export const noRouting: RecipientResolver = (email) => email;

export interface StaffRecord {
  email?: unknown;
  deputyEmail?: unknown;
  managerEmail?: unknown;
  absentUntil?: unknown;
}

/**
 * Routing by the Staff tab (docs/DOMAIN.md §2.4, seed 002). A person is absent on every day up to
 * and including "Absent until", judged on the day the message is due, in the zone. An
 * absent person's messages go to their deputy, then the deputy's deputy; when the chain
 * has no one present, to the person's manager if present; else to the person after all
 * (an unread message beats a lost one). People not on Staff (clients, candidates) keep
 * their address.
 */
export function staffResolver(staff: readonly StaffRecord[], zone: Zone): RecipientResolver {
  const str = (v: unknown) => (typeof v === 'string' ? v.trim().toLowerCase() : '');
  const people = new Map<string, { deputy: string; manager: string; until: LocalDate | null }>();
  for (const s of staff) {
    const email = str(s.email);
    if (!email || people.has(email)) continue;
    const a = s.absentUntil;
    const until = isDate(a) ? localDateOf(zone, a.getTime()) : typeof a === 'string' ? parseDateText(a) : null;
    people.set(email, { deputy: str(s.deputyEmail), manager: str(s.managerEmail), until });
  }
  return (email, atMs) => {
    const day = dayNumber(localDateOf(zone, atMs));
    const absent = (e: string) => {
      const p = people.get(e);
      return !!p && !!p.until && day <= dayNumber(p.until);
    };
    const original = email.trim().toLowerCase();
    if (!absent(original)) return original;
    const visited = new Set([original]);
    let current = original;
    for (;;) {
      const next = people.get(current)?.deputy ?? '';
      if (!next || visited.has(next)) break;
      if (!absent(next)) return next;
      visited.add(next);
      current = next;
    }
    const manager = people.get(original)?.manager ?? '';
    return manager && !absent(manager) ? manager : original;
  };
}

export interface OutboxEntry {
  key: string;
  callId: string;
  due: number;
  recipient: string;
  template: TemplateKey;
  state: 'pending';
  /** Minutes before the call; null for a follow-up. */
  offsetMinutes: number | null;
  role: RecipientRole;
  /** The person it was meant for, when absence routed it to someone else. */
  routedFrom?: string;
  candidateId?: string;
  name?: string;
}

export interface ReminderPlan {
  callId: string;
  callStart: number;
  entries: OutboxEntry[];
}

export const reminderKey = (callId: string, recipient: string, offset: number | string) =>
  `${callId}|${recipient.trim().toLowerCase()}|${offset}`;

/** A key's last part is minutes for a reminder, a word for anything else (followUp). */
export const isReminderKey = (key: string) => /\|\d+$/.test(key);

/**
 * The reminders a call should have, as of `now`. Offsets whose time lies ahead are all
 * planned; of those already past (a call booked at short notice), only the nearest to
 * the start is kept, so the person gets one prompt reminder instead of several at once.
 * A call that has started gets none.
 */
export function planReminders(
  call: ReminderCall,
  offsetsByType: Record<CallTypeKey, readonly number[]>,
  resolveRecipient: RecipientResolver,
  now: number,
): ReminderPlan {
  const plan: ReminderPlan = { callId: call.callId, callStart: call.start, entries: [] };
  if (now >= call.start) return plan;
  const offsets = [...new Set(offsetsByType[call.type])].sort((a, b) => a - b);
  const ahead = offsets.filter((m) => call.start - m * 60000 > now);
  const past = offsets.filter((m) => call.start - m * 60000 <= now);
  const chosen = past.length ? [past[0], ...ahead] : ahead;
  for (const person of reminderRecipients(call)) {
    for (const minutes of chosen) {
      const due = call.start - minutes * 60000;
      const recipient = resolveRecipient(person.email, due);
      plan.entries.push({
        key: reminderKey(call.callId, recipient, minutes),
        callId: call.callId,
        due,
        recipient,
        template: REMINDER_TEMPLATE[call.type],
        state: 'pending',
        offsetMinutes: minutes,
        role: person.role,
        ...(recipient !== person.email ? { routedFrom: person.email } : {}),
        ...(person.candidateId ? { candidateId: person.candidateId, name: person.name } : {}),
      });
    }
  }
  plan.entries.sort((a, b) => a.due - b.due || (a.recipient < b.recipient ? -1 : a.recipient > b.recipient ? 1 : 0));
  return plan;
}

/** A First call's Next Contact Date becomes a reminder to the manager at `hour`:00 that day. */
export function planFollowUp(
  callId: string,
  managerEmail: string,
  date: LocalDate,
  zone: Zone,
  resolveRecipient: RecipientResolver,
  hour = 9,
): OutboxEntry {
  const due = instantAt(zone, date, hour);
  const manager = managerEmail.trim().toLowerCase();
  const recipient = resolveRecipient(manager, due);
  return {
    key: reminderKey(callId, recipient, 'followUp'),
    callId,
    due,
    recipient,
    template: 'followUp.manager',
    state: 'pending',
    offsetMinutes: null,
    role: 'manager',
    ...(recipient !== manager ? { routedFrom: manager } : {}),
  };
}

export interface OutboxView {
  key: string;
  due: number | null;
  state: OutboxStateKey | null;
  template: string;
  recipient: string;
}

/** An Outbox record (keyed by column key, state as a label in either language) as data. */
export function readOutboxRow(record: Record<string, unknown>): OutboxView {
  const str = (v: unknown) => (typeof v === 'string' ? v.trim() : '');
  const due = isDate(record.due) ? record.due.getTime() : typeof record.due === 'number' ? record.due : null;
  const state = findChoice(OUTBOX_STATES, str(record.state));
  return {
    key: str(record.key),
    due,
    state: state ? (state.key as OutboxStateKey) : null,
    template: str(record.template),
    recipient: str(record.recipient),
  };
}

export interface Reconciliation {
  /** Indexes (into the rows given) of pending rows to set Cancelled. */
  cancel: number[];
  /** Pending rows whose due time or template changed. */
  update: { index: number; due: number; template: TemplateKey }[];
  /** New rows to append. */
  add: OutboxEntry[];
  /** Pending rows that already match the plan. */
  keep: number[];
}

const sameMinute = (a: number | null, b: number) => a !== null && Math.round(a / 60000) === Math.round(b / 60000);

/** The call a key belongs to (`callId|recipient|offset`), to group Outbox rows per call once. */
export const callIdOfKey = (key: string): string => key.slice(0, Math.max(0, key.indexOf('|')));

/**
 * Brings a call's Outbox rows in line with its plan. `rows` may hold other calls' rows
 * (they are ignored; passing only the call's rows, grouped with callIdOfKey, keeps a run
 * over many calls linear); indexes refer to `rows`.
 * - Cancelled call: every pending row is cancelled.
 * - Done call: pending reminders are cancelled; other entries (the follow-up) are planned.
 * - Scheduled call that has started: its reminders are left to the tick (it marks them Missed).
 * - Otherwise each planned key has one pending row (updated if its time moved); a key
 *   already Sent, Missed or Failed for the same time is not planned again; pending rows
 *   the plan no longer has are cancelled.
 */
export function reconcile(
  rows: readonly Record<string, unknown>[],
  plan: ReminderPlan,
  callStatus: 'scheduled' | 'done' | 'cancelled',
  now: number,
): Reconciliation {
  const out: Reconciliation = { cancel: [], update: [], add: [], keep: [] };
  const prefix = `${plan.callId}|`;
  const started = now >= plan.callStart;
  const leaveReminders = callStatus === 'scheduled' && started;
  const target =
    callStatus === 'cancelled' ? [] : plan.entries.filter((e) => !(isReminderKey(e.key) && (callStatus === 'done' || leaveReminders)));
  const views: (OutboxView & { index: number })[] = [];
  const byKey = new Map<string, (OutboxView & { index: number })[]>();
  rows.forEach((r, index) => {
    const v = { index, ...readOutboxRow(r) };
    if (!v.key.startsWith(prefix)) return;
    views.push(v);
    const list = byKey.get(v.key);
    if (list) list.push(v);
    else byKey.set(v.key, [v]);
  });
  const claimed = new Set<number>();
  for (const entry of target) {
    const same = byKey.get(entry.key) ?? [];
    const pending = same.filter((v) => v.state === 'pending');
    if (pending.length) {
      const live = pending[0];
      claimed.add(live.index);
      if (!sameMinute(live.due, entry.due) || live.template !== entry.template) {
        out.update.push({ index: live.index, due: entry.due, template: entry.template });
      } else out.keep.push(live.index);
      continue;
    }
    const covered = same.some((v) => (v.state === 'sent' || v.state === 'missed' || v.state === 'failed') && sameMinute(v.due, entry.due));
    if (!covered) out.add.push(entry);
  }
  for (const v of views) {
    if (v.state !== 'pending' || claimed.has(v.index)) continue;
    if (leaveReminders && isReminderKey(v.key)) continue;
    out.cancel.push(v.index);
  }
  return out;
}

export type DueDecision = 'send' | 'wait' | 'missed' | 'skip';

/**
 * What the tick does with one Outbox row.
 * - skip: not Pending (or no readable due time) — nothing to do;
 * - wait: not due yet (never early);
 * - missed: the call has started — unless the row has not yet had its one tick since it
 *   came due (a reminder due at the start itself, offset 0, may still go out within one
 *   tick after the start);
 * - send: otherwise. `callStart` is null for rows not tied to a call start (follow-ups).
 */
export function dueDecision(row: { state: unknown; due: unknown }, now: number, callStart: number | null, tickMinutes: number): DueDecision {
  const state = typeof row.state === 'string' ? findChoice(OUTBOX_STATES, row.state)?.key : undefined;
  const due = isDate(row.due) ? row.due.getTime() : typeof row.due === 'number' ? row.due : NaN;
  if (state !== 'pending' || !Number.isFinite(due)) return 'skip';
  if (now < due) return 'wait';
  if (callStart !== null && now >= Math.max(callStart, due + tickMinutes * 60000)) return 'missed';
  return 'send';
}

/**
 * Template values of a reminder: the call's date and time in the recipient's zone with its
 * city («по московскому времени»), the offset in words, the link to join (or where to find
 * it), the manager by name (the address only when Staff has no name).
 */
export function reminderValues(
  call: ReminderCall & { clientName?: string; contactPerson?: string; durationMinutes?: number; managerEmail?: string; managerName?: string },
  entry: Pick<OutboxEntry, 'offsetMinutes' | 'name'>,
  zone: Zone,
  language: Locale,
  senderName: string,
  link = '',
  linkFallback: 'meetingLinkFallback' | 'meetingLinkLater' = 'meetingLinkFallback',
): Record<string, string> {
  const w = wallClockOf(zone, call.start);
  const p = (n: number) => String(n).padStart(2, '0');
  const type = CALL_TYPES.find((t) => t.key === call.type);
  return {
    callType: type ? choiceLabel(type, language) : call.type,
    client: call.clientName || call.clientEmail,
    contactPerson: call.contactPerson || call.clientName || '',
    date: language === 'ru' ? `${p(w.day)}.${p(w.month)}.${w.year}` : `${w.year}-${p(w.month)}-${p(w.day)}`,
    time: `${p(w.hour)}:${p(w.minute)}`,
    zone: zonePhrase(zone.id, language),
    offset: describeOffset(entry.offsetMinutes ?? 0, language),
    duration: String(call.durationMinutes ?? 30),
    manager: call.managerName || call.managerEmail || '',
    meetingLink: link || callText(language, linkFallback),
    recipientName: entry.name ?? '',
    senderName,
  };
}
