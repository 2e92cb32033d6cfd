/** The Outbox key kinds of the orders feature (src/core/outbox-kinds.ts says what the archive makes of them). */
import { ALWAYS, OutboxKind } from '../../../core/outbox-kinds';

export const ORDER_OUTBOX_KINDS: readonly OutboxKind[] = [
  {
    name: 'payment:',
    pattern: /^payment:/,
    liveUntil: ALWAYS,
    why: 'due whenever Payment received is a date not after today on an order not cancelled: every edit of an old paid order asks again',
  },
  {
    name: 'handoff:',
    pattern: /^handoff:/,
    why: 'bounded: Handed off at (a system column) is written when it goes, and a handed-off order sends nothing',
  },
  {
    name: 'agreement-request:',
    pattern: /^agreement-request:/,
    liveUntil: ALWAYS,
    why: 'asked on every edit of a complete agreement row (nothing records that it went)',
  },
  {
    name: 'agreement-answer:',
    pattern: /^agreement-answer:/,
    liveUntil: ALWAYS,
    why: 'asked on every edit of an answered agreement row (Answered at is not checked before sending)',
  },
];
