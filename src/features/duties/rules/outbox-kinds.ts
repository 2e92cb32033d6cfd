/** The Outbox key kinds of the duties feature (src/core/outbox-kinds.ts says what the archive makes of them). */
import { ALWAYS, OutboxKind } from '../../../core/outbox-kinds';

export const DUTY_OUTBOX_KINDS: readonly OutboxKind[] = [
  {
    name: 'hotlead|',
    pattern: /^hotlead\|/,
    liveUntil: ALWAYS,
    why: 'asked again whenever the Outcome cell of the lead is edited or pasted over (one mail per lead, whatever re-edits)',
  },
  {
    name: 'silent|',
    pattern: /^silent\|/,
    liveUntil: ALWAYS,
    why: 'the latest reminder (k = 3) stays due every working day until the client replies or pays',
  },
  {
    name: 'scheme|',
    pattern: /^scheme\|/,
    liveUntil: ALWAYS,
    why: 'the notice and the alert are asked every tick while the change is open (requested, not done, order not cancelled)',
  },
  {
    name: 'payment-reminder|',
    pattern: /^payment-reminder\|/,
    why: 'bounded: due only from the working day before the term up to the term itself (the term is in the key)',
  },
];
