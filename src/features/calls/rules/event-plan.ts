/**
 * A planned call's calendar events (docs/DOMAIN.md §6): the guests' event and the staff's twin.
 *
 * Two audiences (docs/DOMAIN.md §6.4, issue 12). Google shows the organizer's description and guest
 * list to every guest, so the event the guests are invited to carries only what is meant
 * for them: the purpose in their language, the time with its city, the video link, who
 * joins from our side by name, how to reschedule. Candidates never see each other
 * (guestsCanSeeOtherGuests is false whenever someone outside Staff is a guest). What is
 * internal — the staff's purpose and questions, the comment template and, after the call,
 * the comment itself — goes into a second event at the same time on the company calendar:
 * a twin with no guests, linked to the call by its Call ID (private extended properties).
 * Why a twin and not only private extended properties: seed 003 asks to add the comment
 * "to the event in the calendar", and private properties are not shown anywhere in Google
 * Calendar — staff could reach them only through the sidebar; the twin sits next to the
 * call in the calendar, and an event without guests is read by no guest.
 */
import { CALL_TYPES, Locale, choiceLabel } from '../../../core/schema';
import { Zone, wallClockOf } from '../../../core/time';
import { CallTypeKey } from './offsets';
import { commentTemplate } from './comments';
import { CallMessageKey, callText } from './messages';
import { isEmail } from './indexes';
import { zonePhrase } from '../../../core/zones';
import type { CallContext, PlannedCall } from './calls';

/** How guests join: a Google Meet the event creates, or a link typed on the row. */
export type Conference = { kind: 'meet' } | { kind: 'link'; url: string };

/** The staff-only twin event (no guests): the internal side of the call. */
export interface NotesPlan {
  title: string;
  description: string;
}

export interface EventPlan {
  title: string;
  start: number;
  end: number;
  /** What guests read: purpose, time, link, who joins, how to reschedule. */
  description: string;
  guests: string[];
  /** False whenever a guest is not on Staff (candidates, clients). */
  guestsCanSeeOtherGuests: boolean;
  conference: Conference;
  /** Calendar reminder overrides, minutes before the start. */
  reminderMinutes: number[];
  extendedProperties: { private: { callId: string } };
  notes: NotesPlan;
}

/** The staff's own purpose and questions (internal). */
const PURPOSE: Record<CallTypeKey, CallMessageKey> = {
  first: 'purposeFirst',
  interview: 'purposeInterview',
  repeat: 'purposeRepeat',
  intro: 'purposeIntro',
};

/** The purpose as guests read it. */
const GUEST_PURPOSE: Record<CallTypeKey, CallMessageKey> = {
  first: 'guestPurposeFirst',
  interview: 'guestPurposeInterview',
  repeat: 'guestPurposeRepeat',
  intro: 'guestPurposeIntro',
};

const pad2 = (n: number) => String(n).padStart(2, '0');

export function formatStart(zone: Zone, ms: number, locale: Locale): string {
  const w = wallClockOf(zone, ms);
  const time = `${pad2(w.hour)}:${pad2(w.minute)}`;
  return locale === 'ru' ? `${pad2(w.day)}.${pad2(w.month)}.${w.year} ${time}` : `${w.year}-${pad2(w.month)}-${pad2(w.day)} ${time}`;
}

/** "25.11.2026 10:00–10:30 по московскому времени" / "2026-11-25 10:00–10:30 Moscow time". */
export function formatSpan(zone: Zone, start: number, end: number, locale: Locale): string {
  const w = wallClockOf(zone, end);
  return `${formatStart(zone, start, locale)}–${pad2(w.hour)}:${pad2(w.minute)} ${zonePhrase(zone.id, locale)}`;
}
/** Guests per call type plus the manager; the client joins every call whose e-mail is known. */
export function guestsOf(call: PlannedCall): string[] {
  const list: string[] = [call.clientEmail];
  if (call.type === 'interview' || call.type === 'repeat') list.push(...call.candidates.map((c) => c.email));
  if (call.type === 'intro') list.push(call.hiredEmployeeEmail, call.teamLeadEmail);
  list.push(call.managerEmail);
  const out: string[] = [];
  for (const raw of list) {
    const e = raw.trim().toLowerCase();
    if (e && isEmail(e) && !out.includes(e)) out.push(e);
  }
  return out;
}

/** The link guests join by: the typed one, else the event's Meet once Calendar made it ('' before). */
export function joinLink(call: PlannedCall, meetLink = ''): string {
  return call.meetingLink || meetLink;
}

/** The event's title in a language: "Interview — Acme" (guests never read an address there; staff notes may). */
export function callTitle(call: PlannedCall, language: Locale, internal = false): string {
  const type = CALL_TYPES.find((t) => t.key === call.type)!;
  const who = internal ? call.clientName || call.clientEmail || call.orderId : call.clientName || call.orderId;
  return who ? `${choiceLabel(type, language)} — ${who}` : choiceLabel(type, language);
}

/** Who joins from our side, by name (the manager; the team lead of an Introductory call). */
function ourSide(call: PlannedCall, language: Locale): string[] {
  const names: string[] = [];
  if (call.managerName) names.push(call.managerName);
  if (call.type === 'intro' && call.teamLeadName) names.push(callText(language, 'guestTeamLead', { name: call.teamLeadName }));
  return names;
}

/** What every guest reads, in the guest's language (the client's, from the order). */
export function guestDescription(call: PlannedCall, zone: Zone, meetLink = ''): string {
  const L = call.language;
  const lines = [
    callText(L, GUEST_PURPOSE[call.type], { client: call.clientName ? callText(L, 'guestWithClient', { client: call.clientName }) : '' }),
    '',
    callText(L, 'guestWhen', { when: formatSpan(zone, call.start, call.end, L) }),
  ];
  const link = joinLink(call, meetLink);
  lines.push(link ? callText(L, 'guestLink', { link }) : callText(L, 'guestMeetPending'));
  const names = ourSide(call, L);
  if (names.length) lines.push(callText(L, 'guestOurSide', { names: names.join(', ') }));
  lines.push('', callText(L, 'guestReschedule'));
  return lines.join('\n');
}

/** The staff-only twin: internal purpose, the order, candidates, guests, the comment template. */
export function notesPlan(call: PlannedCall, guests: readonly string[], ctx: CallContext, guestTitle: string): NotesPlan {
  const L = ctx.locale;
  const lines = [callText(L, 'notesHeader', { title: guestTitle, callId: call.callId }), '', callText(L, PURPOSE[call.type])];
  if (call.orderId) lines.push(callText(L, 'descriptionOrder', { orderId: call.orderId }));
  if (call.candidates.length) {
    const list = call.candidates.map((c) => `${c.name || c.id} (${c.id})`).join(', ');
    lines.push(callText(L, 'descriptionCandidates', { list }));
  }
  if (guests.length) lines.push(callText(L, 'notesGuests', { list: guests.join(', ') }));
  const link = joinLink(call, ctx.meetLink);
  if (link) lines.push(callText(L, 'notesLink', { link }));
  const template = commentTemplate(call.type, call.candidates);
  if (template) lines.push('', callText(L, 'descriptionCommentHint'), template);
  return { title: callText(L, 'notesTitle', { title: callTitle(call, L, true) }), description: lines.join('\n') };
}

export function eventPlan(call: PlannedCall, guests: string[], ctx: CallContext): EventPlan {
  const title = callTitle(call, call.language);
  const staff = ctx.staffNames;
  return {
    title,
    start: call.start,
    end: call.end,
    description: guestDescription(call, ctx.zone, ctx.meetLink),
    guests,
    guestsCanSeeOtherGuests: !!staff && guests.every((g) => staff.has(g)),
    conference: call.meetingLink ? { kind: 'link', url: call.meetingLink } : { kind: 'meet' },
    reminderMinutes: [...ctx.offsets[call.type]],
    extendedProperties: { private: { callId: call.callId } },
    notes: notesPlan(call, guests, ctx, title),
  };
}
