/** The Outbox key kinds of the schedules feature (src/core/outbox-kinds.ts): all bounded. */
import { OutboxKind } from '../../../core/outbox-kinds';

export const SCHEDULE_OUTBOX_KINDS: readonly OutboxKind[] = [
  {
    name: 'report|',
    pattern: /^report\|/,
    why: 'bounded: Report sent at (a system column of Selections) records it; a sent report is never asked again',
  },
  { name: 'overdue|', pattern: /^overdue\|/, why: 'bounded: asked only within 24 hours after the report deadline' },
  { name: 'expectations|', pattern: /^expectations\|/, why: 'bounded: sent only beside a report this run sent' },
  { name: 'deadline|', pattern: /^deadline\|/, why: 'bounded: listed and sent only up to the deadline day (in the key)' },
  { name: 'digest|', pattern: /^digest\|/, why: 'bounded: one per manager and day, only for today (the date is in the key)' },
];
