/**
 * The Outbox key kinds the daily archive goes by (src/mail/kinds.ts): every key the features
 * build has exactly the kind it should, and a finished row stays live exactly while its
 * sending decision stands.
 */
import * as fs from 'fs';
import * as path from 'path';
import { kindOf, OUTBOX_KINDS, staysLive } from '../../src/mail/kinds';
import { paymentKey } from '../../src/features/orders/rules/payment';
import { handOffKey } from '../../src/features/orders/rules/handoff';
import { agreedKey, candidateNoticeKey, resumesKey } from '../../src/features/calls/rules/after-first-call';
import { reminderKey } from '../../src/features/calls/rules/reminders';
import { bookedId } from '../../src/features/calls/rules/booked';

const NOW = Date.parse('2027-01-05T09:00:00Z');
const AHEAD = Date.parse('2027-02-01T10:00:00Z');
const PAST = Date.parse('2026-11-23T10:00:00Z');

// Keys as the adapters build them inline (src/features/**): the same shapes, written out.
const STANDING = [
  paymentKey('ORD-2026-0001'),
  'agreement-request:AGR-2026-0001:hr@example.com',
  'agreement-answer:AGR-2026-0001:agreed',
  'contract:CALL-2026-0001:C-1',
  'asked:CALL-2026-0001:1a2b3c',
  agreedKey('CALL-2026-0001'),
  'comment:CALL-2026-0001:1a2b3c',
  resumesKey('CALL-2026-0002', ['C-2', 'C-1']),
  candidateNoticeKey('CALL-2026-0002', 'C-1', AHEAD),
  `declined:CALL-2026-0002:${AHEAD}:client`,
  'hotlead|ORD-2026-0001|C-7',
  'hotlead|ORD-2026-0001|79160001122',
  'silent|ORD-2026-0001|2026-10-19|3',
  'scheme|ORD-2026-0001|2026-10-19T14:00:00.000Z|notice',
  'scheme|ORD-2026-0001|2026-10-19T14:00:00.000Z|overdue',
];
const BOUNDED = [
  handOffKey('ORD-2026-0001'),
  candidateNoticeKey('CALL-2026-0002', 'C-1', PAST),
  `declined:CALL-2026-0002:${PAST}:candidates`,
  reminderKey('CALL-2026-0001', 'Bob@Example.com', 1440),
  reminderKey('CALL-2026-0001', 'boss@example.com', 'followUp'),
  reminderKey(bookedId('ORD-2026-0001', 'C-3'), 'carl@example.com', 20),
  'payment-reminder|ORD-2026-0001|2026-11-30',
  'report|ORD-2026-0001|3',
  'overdue|ORD-2026-0001|3',
  'expectations|ORD-2026-0001|3',
  'deadline|ORD-2026-0001|2026-11|report',
  'digest|boss@example.com|2026-11-24',
];

describe('the Outbox key kinds', () => {
  test('a finished row stays live exactly while its sending decision stands', () => {
    for (const key of STANDING) expect([key, staysLive(key, NOW)]).toEqual([key, true]);
    for (const key of BOUNDED) expect([key, staysLive(key, NOW)]).toEqual([key, false]);
    // A key of no kind (typed by a person, an older version's) is archived as before.
    expect(kindOf('history|12')).toBeUndefined();
    expect(staysLive('history|12', NOW)).toBe(false);
    expect(staysLive('', NOW)).toBe(false);
  });

  test('the reminder shape is matched last: report|ORD|3 and a hot lead by phone keep their own kind', () => {
    expect(kindOf('report|ORD-2026-0001|3')?.name).toBe('report|');
    expect(kindOf('hotlead|ORD-2026-0001|79160001122')?.name).toBe('hotlead|');
    expect(kindOf(reminderKey('CALL-2026-0001', 'a@example.com', 15))?.name).toMatch(/^<call>/);
    expect(OUTBOX_KINDS.at(-1)?.name).toMatch(/^<call>/);
  });

  test('a notice or a decline stays live until the start written in its key, not a minute longer', () => {
    const start = Date.parse('2027-01-15T15:00:00Z');
    for (const key of [candidateNoticeKey('CALL-2026-0002', 'C-1', start), `declined:CALL-2026-0002:${start}:client`]) {
      expect(staysLive(key, start - 60000)).toBe(true);
      expect(staysLive(key, start)).toBe(false);
    }
    // A key that does not read as expected stays live (the safe side).
    expect(staysLive('interviewNotice:CALL-2026-0002:C-1:soon', NOW)).toBe(true);
  });

  test('every key prefix the features write has a kind (a new mail declares whether it stands)', () => {
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
        const p = path.join(dir, e.name);
        if (e.isDirectory()) walk(p);
        else if (p.endsWith('.ts') && !p.endsWith('outbox-kinds.ts')) files.push(p);
      }
    };
    walk(path.join(__dirname, '../../src/features'));
    // Prefixes of template literals and constants ("`payment:${", "'agreed:'").
    const found = new Set<string>();
    for (const f of files) {
      const text = fs.readFileSync(f, 'utf8');
      for (const m of text.matchAll(/`([A-Za-z-]+[:|])\$\{/g)) found.add(m[1]);
      for (const m of text.matchAll(/PREFIX = '([A-Za-z-]+:)'/g)) found.add(m[1]);
    }
    // Not Outbox keys: calendar event IDs (hr|), Meet states of the sync tab, the booked call's ID (its reminders have the reminder shape).
    const NOT_MAIL = new Set(['hr|', 'meet:', 'failed:', 'pending:', 'BOOKED:']);
    const mail = [...found].filter((p) => !NOT_MAIL.has(p)).sort();
    expect(mail.length).toBeGreaterThan(15);
    for (const prefix of mail) expect([prefix, kindOf(`${prefix}X|Y|Z`)?.name]).toEqual([prefix, expect.stringContaining(prefix)]);
  });
});
