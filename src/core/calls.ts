/**
 * A Calls row (SPEC §4, §6) checked and turned into a plan: the call as data the
 * reminders and e-mails use, and the calendar event to write. Nothing here rewrites a
 * cell: problems are reported per row, and one bad row never stops the others.
 */
import { CALL_STATUSES, CALL_TYPES, Locale, choiceLabel, findChoice, tabDef } from './schema';
import { Zone, isDate, wallClockOf } from './time';
import { CallTypeKey } from './offsets';
import { CallCandidate, commentTemplate } from './comments';
import { CallMessageKey, Localized, Problem, callText, hasErrors, problem, warning } from './messages-calls';
import { pickLanguage } from './templates';

export type CallStatusKey = (typeof CALL_STATUSES)[number]['key'];

/** More guests than this is taken for a pasting mistake (the other rows go on). */
export const DEFAULT_MAX_GUESTS = 20;
export const DEFAULT_DURATION_MINUTES = 30;

export interface CandidateInfo extends CallCandidate {
  email: string;
}

export interface OrderInfo {
  client: string;
  contactPerson: string;
  language: Locale;
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
}

export interface EventPlan {
  title: string;
  start: number;
  end: number;
  description: string;
  guests: string[];
  /** Calendar reminder overrides, minutes before the start. */
  reminderMinutes: number[];
  extendedProperties: { private: { callId: string } };
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
  return /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*\.[A-Za-z]{2,}$/.test(
    value,
  ) && !/\.\./.test(value);
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
    if (id && !map.has(normId(id))) map.set(normId(id), { id, name: text(r.name), email: text(r.email) });
  }
  return map;
}

export function orderIndex(records: readonly Record<string, unknown>[]): Map<string, OrderInfo> {
  const map = new Map<string, OrderInfo>();
  for (const r of records) {
    const id = text(r.orderId);
    if (id) map.set(id, { client: text(r.client), contactPerson: text(r.contactPerson), language: pickLanguage(text(r.clientLanguage)) });
  }
  return map;
}

const REQUIRED: Record<CallTypeKey, readonly string[]> = {
  first: ['clientEmail', 'managerEmail'],
  interview: ['candidateIds', 'managerEmail'],
  repeat: ['candidateIds', 'managerEmail'],
  intro: ['hiredEmployeeEmail', 'teamLeadEmail', 'managerEmail'],
};

const PURPOSE: Record<CallTypeKey, CallMessageKey> = {
  first: 'purposeFirst',
  interview: 'purposeInterview',
  repeat: 'purposeRepeat',
  intro: 'purposeIntro',
};

function formatStart(zone: Zone, ms: number, locale: Locale): string {
  const w = wallClockOf(zone, ms);
  const p = (n: number) => String(n).padStart(2, '0');
  const time = `${p(w.hour)}:${p(w.minute)}`;
  return locale === 'ru' ? `${p(w.day)}.${p(w.month)}.${w.year} ${time}` : `${w.year}-${p(w.month)}-${p(w.day)} ${time}`;
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

  const candidates: CandidateInfo[] = [];
  for (const id of splitIds(row.candidateIds)) {
    const c = ctx.candidates.get(normId(id));
    if (!c) {
      problems.push(problem('candidateUnknown', { id }));
      continue;
    }
    if (!isEmail(c.email)) problems.push(warning('candidateNoEmail', { id: c.id, name: c.name || c.id }));
    candidates.push(c);
  }

  const orderId = text(row.orderId);
  const order = orderId ? ctx.orders?.get(orderId) : undefined;
  if (orderId && ctx.orders && !order) problems.push(warning('orderUnknown', { orderId }));

  if (start !== null && status === 'scheduled' && start < ctx.now) {
    const isNew = !text(row.eventId);
    const moved = ctx.previousStart !== undefined && ctx.previousStart !== null && ctx.previousStart !== start;
    if (isNew || moved) problems.push(warning('callStartInPast', { start: { ru: formatStart(ctx.zone, start, 'ru'), en: formatStart(ctx.zone, start, 'en') } }));
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
    language: order?.language ?? 'ru',
    candidates,
    hiredEmployeeEmail,
    teamLeadEmail,
    managerEmail,
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

function eventPlan(call: PlannedCall, guests: string[], ctx: CallContext): EventPlan {
  const type = CALL_TYPES.find((t) => t.key === call.type)!;
  const who = call.clientName || call.clientEmail || call.orderId;
  const title = who ? `${choiceLabel(type, ctx.locale)} — ${who}` : choiceLabel(type, ctx.locale);
  const lines = [callText(ctx.locale, PURPOSE[call.type])];
  if (call.orderId) lines.push(callText(ctx.locale, 'descriptionOrder', { orderId: call.orderId }));
  if (call.candidates.length) {
    const list = call.candidates.map((c) => `${c.name || c.id} (${c.id})`).join(', ');
    lines.push(callText(ctx.locale, 'descriptionCandidates', { list }));
  }
  const template = commentTemplate(call.type, call.candidates);
  if (template) lines.push('', callText(ctx.locale, 'descriptionCommentHint'), template);
  return {
    title,
    start: call.start,
    end: call.end,
    description: lines.join('\n'),
    guests,
    reminderMinutes: [...ctx.offsets[call.type]],
    extendedProperties: { private: { callId: call.callId } },
  };
}
