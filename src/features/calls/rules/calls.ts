/**
 * A Calls row (docs/DOMAIN.md §6, §9.9) checked and turned into a plan: the call as data the
 * reminders and e-mails use, and the calendar events to write. Nothing here rewrites a
 * cell: problems are reported per row, and one bad row never stops the others. The events
 * themselves (the guests' event and the staff's twin) are planned in event-plan.ts; the
 * Candidates and Orders indexes are in indexes.ts.
 */
import { CALL_STATUSES, CALL_TYPES, Locale, choiceLabel, findChoice, tabDef } from '../../../core/schema';
import { Zone, isDate } from '../../../core/time';
import { CallTypeKey } from './offsets';
import { Localized, Problem, hasErrors, problem, warning } from './messages';
import { isUrl } from '../../../core/values';
import { isZoneId } from '../../../core/zones';
import { CandidateInfo, OrderInfo, isEmail, normId, splitIds } from './indexes';
import { EventPlan, eventPlan, formatStart, guestsOf } from './event-plan';

export type CallStatusKey = (typeof CALL_STATUSES)[number]['key'];

/** More guests than this is taken for a pasting mistake (the other rows go on). */
export const DEFAULT_MAX_GUESTS = 20;
export const DEFAULT_DURATION_MINUTES = 30;

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

const REQUIRED: Record<CallTypeKey, readonly string[]> = {
  first: ['clientEmail', 'managerEmail'],
  interview: ['candidateIds', 'managerEmail'],
  repeat: ['candidateIds', 'managerEmail'],
  intro: ['hiredEmployeeEmail', 'teamLeadEmail', 'managerEmail'],
};

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

function staffName(ctx: CallContext, email: string): string {
  return (email && ctx.staffNames?.get(email.toLowerCase())) || '';
}
