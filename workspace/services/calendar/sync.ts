/**
 * Incremental sync of events.list (https://developers.google.com/workspace/calendar/api/guides/sync
 * and the syncToken / updatedMin / showDeleted parameters of events.list):
 * - Every change of an event (insert, patch, update, delete, a guest's answer, a conference
 *   settling) gives it the calendar's next change number; a sync token names the number it was
 *   issued at, and a list with it returns exactly the events changed since, cancelled ones
 *   always ("All events deleted since the previous list request will always be in the result
 *   set and it is not allowed to set showDeleted to False").
 * - "There are several query parameters that cannot be specified together with nextSyncToken":
 *   iCalUID, orderBy, privateExtendedProperty, q, sharedExtendedProperty, timeMin, timeMax,
 *   updatedMin — refused with 400 syncTokenWithRequestRestrictions "Sync token cannot be used
 *   with other request restrictions." (the body quoted in public reports of live runs); so is
 *   showDeleted=false.
 * - "If the syncToken expires, the server will respond with a 410 GONE": a token that cannot
 *   be read, is of another calendar, or is older than TOKEN_LIFETIME_MS answers 410
 *   fullSyncRequired "Sync token is no longer valid, a full sync is required." Google gives no
 *   lifetime; a week of simulated time is the reading here (a product must handle 410 at any time).
 * - nextSyncToken is on the last page of a list without the restricting parameters above
 *   (timeMin/timeMax allowed: Google's own full-sync sample limits the range with timeMin); a
 *   list with them gets none (the stricter reading of an undocumented case).
 * - updatedMin: events updated at or after it; "entries deleted since this time will always be
 *   included regardless of showDeleted".
 */
import { CalendarApiError } from './errors';
import type { StoredCalendar } from './store';

export const TOKEN_LIFETIME_MS = 7 * 24 * 3600 * 1000;

export const SYNC_RESTRICTIONS = [
  'iCalUID',
  'orderBy',
  'privateExtendedProperty',
  'q',
  'sharedExtendedProperty',
  'timeMin',
  'timeMax',
  'updatedMin',
] as const;

export const MSG_SYNC = {
  restricted: 'Sync token cannot be used with other request restrictions.',
  fullSync: 'Sync token is no longer valid, a full sync is required.',
} as const;

/** Records a change of event `id` on the calendar. */
export function recordChange(cal: StoredCalendar, id: string): void {
  cal.changeSeq = (cal.changeSeq ?? 0) + 1;
  cal.changes = cal.changes ?? {};
  cal.changes[id] = cal.changeSeq;
}

export function changeOf(cal: StoredCalendar, id: string | null | undefined): number {
  return (id && cal.changes?.[id]) || 0;
}

export function issueToken(cal: StoredCalendar, nowMs: number): string {
  return Buffer.from(JSON.stringify({ c: cal.id, s: cal.changeSeq ?? 0, t: nowMs })).toString('base64url');
}

const goneToken = () => new CalendarApiError(410, 'fullSyncRequired', MSG_SYNC.fullSync, 'calendar');

/** The change number a token was issued at; throws 410 for one that is no longer valid. */
export function readToken(cal: StoredCalendar, token: unknown, nowMs: number): number {
  let parsed: { c?: unknown; s?: unknown; t?: unknown };
  try {
    parsed = JSON.parse(Buffer.from(String(token), 'base64url').toString('utf8'));
  } catch {
    throw goneToken();
  }
  const s = Number(parsed?.s);
  const t = Number(parsed?.t);
  if (parsed?.c !== cal.id || !Number.isInteger(s) || s < 0 || s > (cal.changeSeq ?? 0) || !Number.isFinite(t)) throw goneToken();
  if (nowMs - t > TOKEN_LIFETIME_MS) throw goneToken();
  return s;
}

/** 400 when a sync token comes with a parameter it may not. */
export function checkSyncArgs(a: Record<string, unknown>): void {
  const restricted = SYNC_RESTRICTIONS.some((k) => a[k] !== undefined) || a.showDeleted === false;
  if (restricted) throw new CalendarApiError(400, 'syncTokenWithRequestRestrictions', MSG_SYNC.restricted, 'calendar');
}

/** Whether a list without a sync token may end with a nextSyncToken. */
export function mayIssueToken(a: Record<string, unknown>): boolean {
  return !SYNC_RESTRICTIONS.some((k) => k !== 'timeMin' && k !== 'timeMax' && a[k] !== undefined);
}
