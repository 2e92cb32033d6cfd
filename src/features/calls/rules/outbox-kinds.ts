/** The Outbox key kinds of the calls feature (src/core/outbox-kinds.ts says what the archive makes of them). */
import { ALWAYS, OutboxKind } from '../../../core/outbox-kinds';

/** Until the call's start written in the key (after it nothing asks again); a key that does not read so stays live. */
const untilStart =
  (pattern: RegExp, msPerUnit: number) =>
  (key: string): number => {
    const m = pattern.exec(key);
    return m ? Number(m[1]) * msPerUnit : Infinity;
  };

const NOTICE = /^interviewNotice:.*:(\d+)$/;
const DECLINED = /^declined:[^:]*:(\d+):/;

export const CALL_OUTBOX_KINDS: readonly OutboxKind[] = [
  {
    name: 'contract:',
    pattern: /^contract:/,
    liveUntil: ALWAYS,
    why: 'every tick runs the after-interview steps of every Done interview: due while the hire stands',
  },
  { name: 'asked:', pattern: /^asked:/, liveUntil: ALWAYS, why: 'as contract: — due while "Client asked for" holds the same text' },
  {
    name: 'agreed:',
    pattern: /^agreed:/,
    liveUntil: ALWAYS,
    why: 'queued again (and the cell refilled from Next Step) for a Done First call whose row is gone — Sent or Cancelled alike',
  },
  {
    name: 'comment:',
    pattern: /^comment:/,
    liveUntil: ALWAYS,
    why: 'every tick sends the comment of every Done call with a valid comment unless its key is found (Comment sent at is written, not read)',
  },
  {
    name: 'resumes:',
    pattern: /^resumes:/,
    liveUntil: ALWAYS,
    why: 'asked every tick while the Interview is ahead, and the key holds no start: an Interview booked more than the archive period ahead would ask again',
  },
  {
    name: 'interviewNotice:',
    pattern: /^interviewNotice:/,
    liveUntil: untilStart(NOTICE, 60000),
    why: 'asked every tick while the Interview is ahead: live until the start in the key (minutes), then bounded',
  },
  {
    name: 'declined:',
    pattern: /^declined:/,
    liveUntil: untilStart(DECLINED, 1),
    why: 'asked every tick while the call is ahead: live until the start in the key (ms), then bounded',
  },
];

/** The reminders' keys (`<call>|<to>|<minutes>`, `…|followUp`): matched last, as report|ORD|3 or hotlead|ORD|<phone> would fit it too. */
export const CALL_REMINDER_KIND: OutboxKind = {
  name: '<call>|<to>|<minutes> / followUp',
  pattern: /^[^|]+\|[^|]*\|(\d+|followUp)$/,
  why: 'bounded: reminders are planned only before the call starts (due ≤ start); a follow-up only while its Next Contact Date is today or ahead (due that day)',
};
