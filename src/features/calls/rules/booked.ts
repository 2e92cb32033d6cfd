/**
 * Interviews booked while calling candidates (Calling results, Outcome "Interview booked"
 * with its "Interview at"): the candidate gets the Interview reminders (the offsets of
 * Settings) like a candidate of an Interview on the Calls tab. Such a booking has no event
 * of its own; a Calls row that already invites the candidate at that time covers it, and
 * the latest row of a candidate of an order is the booking that stands.
 */
import { DEFAULT_DURATION_MINUTES, PlannedCall } from './calls';
import { CandidateInfo, OrderInfo, isEmail, normId } from './indexes';
import { Locale, OUTCOMES, findChoice } from '../../../core/schema';
import { isDate } from '../../../core/time';

/** Outbox keys of these reminders start with it (never a Call ID). */
export const BOOKED_PREFIX = 'BOOKED:';

const text = (v: unknown): string => (typeof v === 'string' ? v.trim() : typeof v === 'number' ? String(v) : '');

export function bookedId(orderId: string, candidateId: string): string {
  return `${BOOKED_PREFIX}${normId(orderId)}:${normId(candidateId)}`;
}

export interface BookingContext {
  candidates: ReadonlyMap<string, CandidateInfo>;
  orders: ReadonlyMap<string, OrderInfo>;
  locale: Locale;
  /** Whether a Calls row already invites this address at this start. */
  covered(email: string, start: number): boolean;
}

/** The bookings that stand, as calls of the Interview type (no event, reminders only). */
export function bookedInterviews(results: readonly Record<string, unknown>[], ctx: BookingContext): PlannedCall[] {
  const byId = new Map<string, PlannedCall>();
  for (const r of results) {
    const orderId = text(r.orderId);
    const candidateId = text(r.candidateId);
    if (!orderId || !candidateId) continue;
    const id = bookedId(orderId, candidateId);
    const outcome = findChoice(OUTCOMES, text(r.outcome));
    const candidate = ctx.candidates.get(normId(candidateId));
    // A later row of the same candidate replaces the booking, whatever its outcome.
    byId.delete(id);
    if (outcome?.key !== 'interview' || !isDate(r.interviewAt) || !candidate || !isEmail(candidate.email)) continue;
    const start = r.interviewAt.getTime();
    if (ctx.covered(candidate.email.toLowerCase(), start)) continue;
    const order = ctx.orders.get(orderId);
    const by = text(r.recordedBy).toLowerCase();
    byId.set(id, {
      callId: id,
      type: 'interview',
      orderId,
      start,
      end: start + DEFAULT_DURATION_MINUTES * 60000,
      durationMinutes: DEFAULT_DURATION_MINUTES,
      clientName: order?.client ?? '',
      contactPerson: order?.contactPerson ?? '',
      clientEmail: '',
      language: order?.language ?? ctx.locale,
      candidates: [candidate],
      hiredEmployeeEmail: '',
      teamLeadEmail: '',
      managerEmail: isEmail(by) ? by : '',
      hiredEmployeeName: '',
      teamLeadName: '',
      managerName: '',
      meetingLink: '',
      clientZoneId: '',
    });
  }
  return [...byId.values()];
}
