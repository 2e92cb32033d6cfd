/**
 * Guests' answers to a call's invitation (attendees[].responseStatus as Calendar shows it on
 * the organizer's event): the "Guests' answers" cell, and whether the call is still worth
 * holding — a decline by the client, or by every candidate, is told to the manager.
 */
import { PlannedCall } from './calls';
import { guestsOf } from './event-plan';
import { callText } from './messages';
import { Locale } from '../../../core/schema';

export type Answer = 'accepted' | 'declined' | 'tentative' | 'needsAction';
export type Answers = Record<string, Answer>;

const ANSWERS: readonly Answer[] = ['accepted', 'declined', 'tentative', 'needsAction'];

/** From the attendees of an event: lower-case e-mail → answer. */
export function answersOf(attendees: ReadonlyArray<{ email?: string | null; responseStatus?: string | null }>): Answers {
  const out: Answers = {};
  for (const a of attendees) {
    const email = (a.email ?? '').trim().toLowerCase();
    if (!email) continue;
    const status = (ANSWERS as readonly string[]).indexOf(a.responseStatus ?? '') >= 0 ? (a.responseStatus as Answer) : 'needsAction';
    out[email] = status;
  }
  return out;
}

/** The JSON kept in the sync record, read back (anything unreadable is no answers). */
export function parseAnswers(json: string): Answers {
  if (!json) return {};
  try {
    const v = JSON.parse(json) as unknown;
    return v && typeof v === 'object' && !Array.isArray(v)
      ? answersOf(Object.entries(v as Record<string, string>).map(([email, responseStatus]) => ({ email, responseStatus })))
      : {};
  } catch {
    return {};
  }
}

/** How each guest of the call is called (their address when no name is known). */
export function guestNames(call: PlannedCall): Map<string, string> {
  const names = new Map<string, string>();
  const add = (email: string, name: string) => {
    const e = email.trim().toLowerCase();
    if (e && !names.has(e)) names.set(e, name || e);
  };
  add(call.clientEmail, call.contactPerson || call.clientName);
  for (const c of call.candidates) add(c.email, c.name);
  add(call.hiredEmployeeEmail, call.hiredEmployeeName);
  add(call.teamLeadEmail, call.teamLeadName);
  add(call.managerEmail, call.managerName);
  return names;
}

const LABEL = {
  accepted: 'answerAccepted',
  declined: 'answerDeclined',
  tentative: 'answerTentative',
  needsAction: 'answerNeedsAction',
} as const;

export function answerLabel(answer: Answer, locale: Locale): string {
  return callText(locale, LABEL[answer]);
}

/** One line per guest of the call, in the order of the guest list: "Alice Brown — declined". */
export function answersText(call: PlannedCall, answers: Answers, locale: Locale): string {
  if (Object.keys(answers).length === 0) return '';
  const names = guestNames(call);
  return guestsOf(call)
    .filter((email) => answers[email] !== undefined)
    .map((email) => `${names.get(email) ?? email} — ${answerLabel(answers[email], locale)}`)
    .join('\n');
}

export interface Declines {
  /** The client is a guest and declined. */
  client: boolean;
  /** The call has candidates as guests and every one of them declined. */
  candidates: boolean;
  /** Who declined, by name. */
  who: string[];
}

export function declinesOf(call: PlannedCall, answers: Answers): Declines {
  const names = guestNames(call);
  const client = !!call.clientEmail && answers[call.clientEmail] === 'declined';
  const invited =
    call.type === 'interview' || call.type === 'repeat' ? call.candidates.filter((c) => answers[c.email.toLowerCase()] !== undefined) : [];
  const candidates = invited.length > 0 && invited.every((c) => answers[c.email.toLowerCase()] === 'declined');
  const who: string[] = [];
  if (client) who.push(names.get(call.clientEmail) ?? call.clientEmail);
  if (candidates) for (const c of invited) who.push(c.name || c.email);
  return { client, candidates, who };
}
