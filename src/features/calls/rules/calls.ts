/**
 * A Calls row (docs/DOMAIN.md §6, §9.9) checked and turned into a plan: the call as data the
 * reminders and e-mails use, and the calendar events to write. Nothing here rewrites a
 * cell: problems are reported per row, and one bad row never stops the others.
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
import { CALL_STATUSES, CALL_TYPES, Locale, choiceLabel, findChoice, tabDef } from '../../../core/schema';
import { Zone, isDate, wallClockOf } from '../../../core/time';
import { CallTypeKey } from './offsets';
import { CallCandidate, commentTemplate } from './comments';
import { CallMessageKey, Localized, Problem, callText, hasErrors, problem, warning } from './messages';
import { pickLanguage } from '../../../core/templates';
import { isUrl } from '../../../core/values';
import { isZoneId, zonePhrase } from '../../../core/zones';

export type CallStatusKey = (typeof CALL_STATUSES)[number]['key'];

/** More guests than this is taken for a pasting mistake (the other rows go on). */
export const DEFAULT_MAX_GUESTS = 20;
export const DEFAULT_DURATION_MINUTES = 30;

export interface CandidateInfo extends CallCandidate {
  email: string;
  /** Candidates "Order ID", as typed. */
  orderId?: string;
  /** Candidates "Time zone" (IANA id), '' when none. */
  timeZone?: string;
}

export interface OrderInfo {
  client: string;
  contactPerson: string;
  language: Locale;
  /** Every address of the client on the order (Client e-mail, Other contact e-mails), lower case. */
  contacts: string[];
  /** Orders "Client time zone" (IANA id), '' when none. */
  timeZone: string;
}

export interface CallContext {
  now: number;
  zone: Zone;
  /** The workbook's locale: the language of the event title and description. */
  locale: Locale;
  /** Candidates tab, by normalized ID (see candidateIndex). */
  candidates: ReadonlyMap<string, CandidateInfo>;
  /** Orders tab, by Order ID (see orderIndex); gives the client name and language. */
  orders?: ReadonlyMap<string, OrderInfo>;
  /** Reminder offsets per call type (reminderOffsets(settings).byType). */
  offsets: Record<CallTypeKey, readonly number[]>;
  maxGuests?: number;
  /** The start the call's event has now, to tell a reschedule into the past from a kept start. */
  previousStart?: number | null;
  /** Staff members' names by lower-case e-mail: who is staff and what they are called. */
  staffNames?: ReadonlyMap<string, string>;
  /** The Google Meet link the call's event got, once Calendar created it. */
  meetLink?: string;
}

export interface PlannedCall {
  callId: string;
  type: CallTypeKey;
  orderId: string;
  start: number;
  end: number;
  durationMinutes: number;
  /** Client name from the order, else ''. */
  clientName: string;
  /** Contact person from the order, else ''. */
  contactPerson: string;
  clientEmail: string;
  /** The client's language (Orders "Client language"), Russian when unknown. */
  language: Locale;
  /** The call's candidates that were found; only those with a valid e-mail get invitations. */
  candidates: CandidateInfo[];
  hiredEmployeeEmail: string;
  teamLeadEmail: string;
  managerEmail: string;
  /** Names from Staff, else from the Calls name columns; '' when unknown. */
  hiredEmployeeName: string;
  teamLeadName: string;
  managerName: string;
  /** A link typed in "Meeting link" (Zoom, …); '' means the event's Google Meet. */
  meetingLink: string;
  /** The client's own zone from the order, '' when none. */
  clientZoneId: string;
}

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

export interface CallCheck {
  status: CallStatusKey;
  problems: Problem[];
  /** Null when an error blocks it (or the call is cancelled). */
  call: PlannedCall | null;
  event: EventPlan | null;
}

const CALLS = tabDef('calls');
const column = (key: string): Localized => {
  const c = CALLS.columns.find((col) => col.key === key);
  return c ? { ru: c.ru, en: c.en } : { ru: key, en: key };
};

const text = (v: unknown): string => (typeof v === 'string' ? v.trim() : typeof v === 'number' ? String(v) : '');
export const normId = (id: string): string => id.trim().toUpperCase();

/** Syntax only (no lookup): one address, a dot in the domain, no spaces or brackets. */
export function isEmail(value: string): boolean {
  return (
    /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*\.[A-Za-z]{2,}$/.test(
      value,
    ) && !/\.\./.test(value)
  );
}

/** Candidate IDs typed in one cell: "C-1, C-2; C-3" (commas, semicolons or line breaks). */
export function splitIds(value: unknown): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const id of text(value).split(/[,;\n]+/)) {
    const t = id.trim();
    if (t && !seen.has(normId(t))) {
      seen.add(normId(t));
      out.push(t);
    }
  }
  return out;
}

export function candidateIndex(records: readonly Record<string, unknown>[]): Map<string, CandidateInfo> {
  const map = new Map<string, CandidateInfo>();
  for (const r of records) {
    const id = text(r.candidateId);
    if (id && !map.has(normId(id)))
      map.set(normId(id), { id, name: text(r.name), email: text(r.email), orderId: text(r.orderId), timeZone: text(r.timeZone) });
  }
  return map;
}

/** Addresses in one cell: "a@x.ru, b@x.ru; c@x.ru", lower case. */
export function splitEmails(value: unknown): string[] {
  return text(value)
    .split(/[,;\s]+/)
    .map((e) => e.trim().toLowerCase())
    .filter((e) => e !== '');
}

export function orderIndex(records: readonly Record<string, unknown>[]): Map<string, OrderInfo> {
  const map = new Map<string, OrderInfo>();
  for (const r of records) {
    const id = text(r.orderId);
    if (!id) continue;
    map.set(id, {
      client: text(r.client),
      contactPerson: text(r.contactPerson),
      language: pickLanguage(text(r.clientLanguage)),
      contacts: [...new Set([...splitEmails(r.clientEmail), ...splitEmails(r.otherContacts)])],
      timeZone: text(r.clientTimeZone),
    });
  }
  return map;
}

const REQUIRED: Record<CallTypeKey, readonly string[]> = {
  first: ['clientEmail', 'managerEmail'],
  interview: ['candidateIds', 'managerEmail'],
  repeat: ['candidateIds', 'managerEmail'],
  intro: ['hiredEmployeeEmail', 'teamLeadEmail', 'managerEmail'],
};

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

function formatStart(zone: Zone, ms: number, locale: Locale): string {
  const w = wallClockOf(zone, ms);
  const time = `${pad2(w.hour)}:${pad2(w.minute)}`;
  return locale === 'ru' ? `${pad2(w.day)}.${pad2(w.month)}.${w.year} ${time}` : `${w.year}-${pad2(w.month)}-${pad2(w.day)} ${time}`;
}

/** "25.11.2026 10:00–10:30 по московскому времени" / "2026-11-25 10:00–10:30 Moscow time". */
export function formatSpan(zone: Zone, start: number, end: number, locale: Locale): string {
  const w = wallClockOf(zone, end);
  return `${formatStart(zone, start, locale)}–${pad2(w.hour)}:${pad2(w.minute)} ${zonePhrase(zone.id, locale)}`;
}

/**
 * Checks a Calls row (a record keyed by column key, values as getValues gives them)
 * and plans its event. Cancelled rows are not checked: they only cancel.
 */
export function checkCall(row: Record<string, unknown>, ctx: CallContext): CallCheck {
  const problems: Problem[] = [];
  const statusText = text(row.status);
  const statusChoice = statusText ? findChoice(CALL_STATUSES, statusText) : CALL_STATUSES[0];
  if (!statusChoice) problems.push(problem('callStatusUnknown', { value: statusText }));
  const status = (statusChoice?.key ?? 'scheduled') as CallStatusKey;
  if (status === 'cancelled') return { status, problems, call: null, event: null };

  const typeText = text(row.type);
  const typeChoice = typeText ? findChoice(CALL_TYPES, typeText) : undefined;
  if (!typeText) problems.push(problem('callTypeMissing'));
  else if (!typeChoice) problems.push(problem('callTypeUnknown', { value: typeText }));
  const type = typeChoice?.key as CallTypeKey | undefined;

  const start = readStart(row.start, problems);
  const durationMinutes = readDuration(row.duration, problems);

  if (type) {
    const typeName: Localized = { ru: choiceLabel(typeChoice!, 'ru'), en: choiceLabel(typeChoice!, 'en') };
    for (const key of REQUIRED[type]) {
      if (!text(row[key])) problems.push(problem('callFieldRequired', { type: typeName, field: column(key) }));
    }
  }
  const email = (key: string): string => {
    const value = text(row[key]);
    if (value && !isEmail(value)) problems.push(problem('emailInvalid', { field: column(key), value }));
    return value && isEmail(value) ? value.toLowerCase() : '';
  };
  const clientEmail = email('clientEmail');
  const hiredEmployeeEmail = email('hiredEmployeeEmail');
  const teamLeadEmail = email('teamLeadEmail');
  const managerEmail = email('managerEmail');
  const meetingLink = text(row.meetingLink);
  if (meetingLink && !(/^https:\/\//i.test(meetingLink) && isUrl(meetingLink)))
    problems.push(problem('meetingLinkInvalid', { value: meetingLink }));

  const orderId = text(row.orderId);
  const order = orderId ? ctx.orders?.get(orderId) : undefined;
  if (orderId && ctx.orders && !order) problems.push(warning('orderUnknown', { orderId }));
  // The client of the call is the order's client (issue 12): an address left over from another order mails no one.
  if (order && clientEmail && order.contacts.indexOf(clientEmail) < 0)
    problems.push(problem('clientEmailNotOnOrder', { email: clientEmail, orderId }));
  if (order && order.timeZone && !isZoneId(order.timeZone)) {
    problems.push(
      warning('zoneUnknown', { value: order.timeZone, field: { ru: 'Заказы: Часовой пояс клиента', en: 'Orders: Client time zone' } }),
    );
  }

  const candidates: CandidateInfo[] = [];
  for (const id of splitIds(row.candidateIds)) {
    const c = ctx.candidates.get(normId(id));
    if (!c) {
      problems.push(problem('candidateUnknown', { id }));
      continue;
    }
    const name = c.name || c.id;
    if (orderId && normId(c.orderId ?? '') !== normId(orderId)) {
      problems.push(
        c.orderId
          ? problem('candidateOtherOrder', { id: c.id, name, orderId, candidateOrder: c.orderId })
          : problem('candidateNoOrder', { id: c.id, name, orderId }),
      );
    }
    if (!isEmail(c.email)) problems.push(warning('candidateNoEmail', { id: c.id, name }));
    if (c.timeZone && !isZoneId(c.timeZone))
      problems.push(warning('zoneUnknown', { value: c.timeZone, field: { ru: `Кандидаты: ${name}`, en: `Candidates: ${name}` } }));
    candidates.push(c);
  }

  if (start !== null && status === 'scheduled' && start < ctx.now) {
    const isNew = !text(row.eventId);
    const moved = ctx.previousStart !== undefined && ctx.previousStart !== null && ctx.previousStart !== start;
    if (isNew || moved)
      problems.push(warning('callStartInPast', { start: { ru: formatStart(ctx.zone, start, 'ru'), en: formatStart(ctx.zone, start, 'en') } }));
  }

  if (!type || start === null || durationMinutes === null || hasErrors(problems)) return { status, problems, call: null, event: null };

  const call: PlannedCall = {
    callId: text(row.callId),
    type,
    orderId,
    start,
    end: start + durationMinutes * 60000,
    durationMinutes,
    clientName: order?.client ?? '',
    contactPerson: order?.contactPerson ?? '',
    clientEmail,
    language: order?.language ?? ctx.locale,
    candidates,
    hiredEmployeeEmail,
    teamLeadEmail,
    managerEmail,
    hiredEmployeeName: staffName(ctx, hiredEmployeeEmail) || text(row.hiredEmployeeName),
    teamLeadName: staffName(ctx, teamLeadEmail) || text(row.teamLeadName),
    managerName: staffName(ctx, managerEmail),
    meetingLink,
    clientZoneId: order && order.timeZone && isZoneId(order.timeZone) ? order.timeZone : '',
  };
  const guests = guestsOf(call);
  const maxGuests = ctx.maxGuests ?? DEFAULT_MAX_GUESTS;
  if (guests.length > maxGuests) {
    problems.push(problem('guestsTooMany', { count: guests.length, max: maxGuests }));
    return { status, problems, call: null, event: null };
  }
  return { status, problems, call, event: eventPlan(call, guests, ctx) };
}

function readStart(value: unknown, problems: Problem[]): number | null {
  if (isDate(value)) return value.getTime();
  if (value === '' || value === null || value === undefined) problems.push(problem('callStartMissing'));
  else problems.push(problem('callStartText', { value: String(value) }));
  return null;
}

function readDuration(value: unknown, problems: Problem[]): number | null {
  if (value === '' || value === null || value === undefined) return DEFAULT_DURATION_MINUTES;
  if (typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 1440) return value;
  problems.push(problem('callDurationInvalid', { value: String(value) }));
  return null;
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

function staffName(ctx: CallContext, email: string): string {
  return (email && ctx.staffNames?.get(email.toLowerCase())) || '';
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

function eventPlan(call: PlannedCall, guests: string[], ctx: CallContext): EventPlan {
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
