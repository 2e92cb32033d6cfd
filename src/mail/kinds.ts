/**
 * Every kind of Outbox key the features write, in one list (each feature declares its own in
 * rules/outbox-kinds.ts; src/core/outbox-kinds.ts says what a kind is). The daily archive
 * (src/google/archive.ts) moves a finished row only when its kind is bounded, or standing
 * no longer. A key of no kind (typed by a person, an older version's) is archived as before.
 *
 * Order matters: the first kind whose pattern matches is the key's; the calls' reminder
 * pattern (`<call>|<to>|<n>`) is last, as report|ORD|3 or hotlead|ORD|<phone> would match it.
 */
import { OutboxKind } from '../core/outbox-kinds';
import { CALL_OUTBOX_KINDS, CALL_REMINDER_KIND } from '../features/calls/rules/outbox-kinds';
import { DUTY_OUTBOX_KINDS } from '../features/duties/rules/outbox-kinds';
import { ORDER_OUTBOX_KINDS } from '../features/orders/rules/outbox-kinds';
import { SCHEDULE_OUTBOX_KINDS } from '../features/schedules/rules/outbox-kinds';

export const OUTBOX_KINDS: readonly OutboxKind[] = [
  ...ORDER_OUTBOX_KINDS,
  ...CALL_OUTBOX_KINDS,
  ...DUTY_OUTBOX_KINDS,
  ...SCHEDULE_OUTBOX_KINDS,
  CALL_REMINDER_KIND,
];

export function kindOf(key: string): OutboxKind | undefined {
  return OUTBOX_KINDS.find((k) => k.pattern.test(key));
}

/** Must a finished row with this key stay in the live Outbox at `now`? */
export function staysLive(key: string, now: number): boolean {
  const until = kindOf(key)?.liveUntil;
  return until !== undefined && now < until(key);
}
