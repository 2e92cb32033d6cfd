/**
 * Limits on creating events, counted per effective user on the simulated clock.
 * - Short-time limit: Google Calendar goes read-only for a user who creates too many events in
 *   a short time (https://support.google.com/a/answer/2905486 "Avoid Calendar use limits"; the
 *   number is not published). Reproduced as rt.limits.calendarCreatesPerMinute in any sliding
 *   60 s window. Through the Advanced service Apps Script then shows
 *   "API call to calendar.events.insert failed with error: Calendar usage limits exceeded."
 *   (derekantrican/GAS-ICS-Sync#167); CalendarApp's wording for the same limit is "You have been
 *   creating or deleting too many calendars or calendar events in a short time. Please try again
 *   later." (davepar/gcalendarsync#20).
 * - Daily quota: "Calendar events created" 5,000/day (consumer) and 10,000/day (Workspace),
 *   https://developers.google.com/apps-script/guides/services/quotas#current_quotas — counted over
 *   the last 24 hours; over it, the same 403 quotaExceeded error.
 */
import type { Runtime } from '../../runtime/runtime';
import { usageLimits } from './errors';
import type { CalendarStore } from './store';

const MINUTE_MS = 60 * 1000;
const DAY_MS = 24 * 60 * MINUTE_MS;

export function dailyCreateQuota(rt: Runtime): number {
  return rt.limits.calendarCreatesPerDay ?? (rt.limits.account === 'workspace' ? 10000 : 5000);
}

/** Throws Google's usage-limit error when one more event may not be created now. */
export function checkCreateAllowed(rt: Runtime, store: CalendarStore): void {
  if (store.createsWithin(MINUTE_MS).length >= rt.limits.calendarCreatesPerMinute) throw usageLimits();
  if (store.createsWithin(DAY_MS).length >= dailyCreateQuota(rt)) throw usageLimits();
}

export function createdToday(store: CalendarStore): number {
  return store.createsWithin(DAY_MS).length;
}
