import {
  OutboxEntry,
  ReminderCall,
  callIdOfKey,
  dueDecision,
  noRouting,
  planFollowUp,
  planReminders,
  reconcile,
  reminderValues,
  staffResolver,
} from '../../../src/features/calls/rules/reminders';
import { reminderOffsets } from '../../../src/features/calls/rules/offsets';
import { defaultSettings } from '../../../src/core/settings';
import { instantAt, wallClockOf } from '../../../src/core/time';
import { intlZone } from '../../core/zone-fixture';

const moscow = intlZone('Europe/Moscow');
const newYork = intlZone('America/New_York');
const OFFSETS = reminderOffsets(defaultSettings()).byType;
const MIN = 60000;
const iso = (ms: number) => new Date(ms).toISOString();

const START = Date.parse('2026-03-09T07:00:00Z'); // Monday 10:00 Moscow
const LONG_BEFORE = Date.parse('2026-03-01T09:00:00Z');

function call(type: ReminderCall['type'], extra: Partial<ReminderCall> = {}): ReminderCall {
  return {
    callId: 'CALL-7',
    type,
    start: START,
    clientEmail: 'client@acme.com',
    candidates: [
      { id: 'C-1', name: 'Ivan', email: 'ivan@example.com' },
      { id: 'C-2', name: 'Olga', email: 'Olga@Example.com' },
    ],
    hiredEmployeeEmail: 'dev@agency.ru',
    teamLeadEmail: 'lead@agency.ru',
    ...extra,
  };
}

const brief = (entries: OutboxEntry[]) => entries.map((e) => [e.recipient, e.offsetMinutes, iso(e.due)]);

describe('who is reminded, and when (docs/DOMAIN.md §6.2)', () => {
  test('the client 15 min before a First call', () => {
    const plan = planReminders(call('first'), OFFSETS, noRouting, LONG_BEFORE);
    expect(plan.entries).toEqual([
      {
        key: 'CALL-7|client@acme.com|15',
        callId: 'CALL-7',
        due: START - 15 * MIN,
        recipient: 'client@acme.com',
        template: 'reminder.firstCall',
        state: 'pending',
        offsetMinutes: 15,
        role: 'client',
      },
    ]);
  });

  test('the candidates 20 min before an Interview', () => {
    const plan = planReminders(call('interview'), OFFSETS, noRouting, LONG_BEFORE);
    expect(brief(plan.entries)).toEqual([
      ['ivan@example.com', 20, '2026-03-09T06:40:00.000Z'],
      ['olga@example.com', 20, '2026-03-09T06:40:00.000Z'],
    ]);
    expect(plan.entries.map((e) => e.template)).toEqual(['reminder.interview', 'reminder.interview']);
    expect(plan.entries[1]).toMatchObject({ candidateId: 'C-2', name: 'Olga', key: 'CALL-7|olga@example.com|20' });
  });

  test('the candidates 1 day and 20 min before a Repeat call', () => {
    const plan = planReminders(call('repeat'), OFFSETS, noRouting, LONG_BEFORE);
    expect(brief(plan.entries)).toEqual([
      ['ivan@example.com', 1440, '2026-03-08T07:00:00.000Z'],
      ['olga@example.com', 1440, '2026-03-08T07:00:00.000Z'],
      ['ivan@example.com', 20, '2026-03-09T06:40:00.000Z'],
      ['olga@example.com', 20, '2026-03-09T06:40:00.000Z'],
    ]);
  });

  test('the hired employee and the team lead 1 day and 20 min before an Introductory call (not the client)', () => {
    const plan = planReminders(call('intro'), OFFSETS, noRouting, LONG_BEFORE);
    expect(brief(plan.entries)).toEqual([
      ['dev@agency.ru', 1440, '2026-03-08T07:00:00.000Z'],
      ['lead@agency.ru', 1440, '2026-03-08T07:00:00.000Z'],
      ['dev@agency.ru', 20, '2026-03-09T06:40:00.000Z'],
      ['lead@agency.ru', 20, '2026-03-09T06:40:00.000Z'],
    ]);
    expect(plan.entries.map((e) => e.role)).toEqual(['hiredEmployee', 'teamLead', 'hiredEmployee', 'teamLead']);
  });

  test('offsets changed in Settings are used', () => {
    const offsets = { ...OFFSETS, first: [60, 15] };
    expect(planReminders(call('first'), offsets, noRouting, LONG_BEFORE).entries.map((e) => e.offsetMinutes)).toEqual([60, 15]);
  });
});

describe('a day is 1440 minutes, as in Calendar (New York, DST)', () => {
  test('a Repeat call at 10:00 on the Monday after the spring switch: the 1-day reminder is Sunday 10:00 local', () => {
    const start = instantAt(newYork, { year: 2026, month: 3, day: 9 }, 10);
    const plan = planReminders(
      call('repeat', { start, candidates: [{ id: 'C-1', name: 'Ivan', email: 'ivan@example.com' }] }),
      OFFSETS,
      noRouting,
      LONG_BEFORE,
    );
    const [dayBefore, twentyBefore] = plan.entries;
    expect(iso(dayBefore.due)).toBe('2026-03-08T14:00:00.000Z');
    expect(wallClockOf(newYork, dayBefore.due)).toMatchObject({ day: 8, hour: 10, minute: 0 });
    expect(wallClockOf(newYork, twentyBefore.due)).toMatchObject({ day: 9, hour: 9, minute: 40 });
  });

  test('a call at 10:00 on the switch Sunday: the 1-day reminder is 24 hours earlier, Saturday 09:00 local', () => {
    const start = instantAt(newYork, { year: 2026, month: 3, day: 8 }, 10);
    const plan = planReminders(
      call('repeat', { start, candidates: [{ id: 'C-1', name: 'Ivan', email: 'ivan@example.com' }] }),
      OFFSETS,
      noRouting,
      LONG_BEFORE,
    );
    expect(start - plan.entries[0].due).toBe(24 * 60 * MIN);
    expect(wallClockOf(newYork, plan.entries[0].due)).toMatchObject({ day: 7, hour: 9, minute: 0 });
  });
});

describe('a call booked at short notice', () => {
  test('10 hours ahead: the overdue 1-day reminder goes at the next tick, the 20-min one on time', () => {
    const now = START - 10 * 60 * MIN;
    const plan = planReminders(call('intro'), OFFSETS, noRouting, now);
    expect(plan.entries.map((e) => e.offsetMinutes)).toEqual([1440, 1440, 20, 20]);
    expect(dueDecision({ state: 'Pending', due: plan.entries[0].due }, now + 2 * MIN, START, 5)).toBe('send');
  });

  test('10 minutes ahead: only the nearest reminder, not two at once', () => {
    const plan = planReminders(call('repeat'), OFFSETS, noRouting, START - 10 * MIN);
    expect(plan.entries.map((e) => [e.recipient, e.offsetMinutes])).toEqual([
      ['ivan@example.com', 20],
      ['olga@example.com', 20],
    ]);
  });

  test('a call that has started gets no reminders', () => {
    expect(planReminders(call('first'), OFFSETS, noRouting, START).entries).toEqual([]);
  });
});

describe('absence routes to the deputy (Staff)', () => {
  const midnight = (zone: typeof moscow, day: number) => new Date(instantAt(zone, { year: 2026, month: 3, day }));
  const staff = [
    { email: 'lead@agency.ru', deputyEmail: 'deputy@agency.ru', managerEmail: 'head@agency.ru', absentUntil: midnight(moscow, 8) },
    { email: 'deputy@agency.ru', deputyEmail: '', absentUntil: '' },
  ];

  test('the team lead is away until Sunday: the 1-day reminder goes to the deputy, the 20-min one to the team lead', () => {
    const plan = planReminders(call('intro'), OFFSETS, staffResolver(staff, moscow), LONG_BEFORE);
    const lead = plan.entries.filter((e) => e.role === 'teamLead');
    expect(lead.map((e) => [e.recipient, e.offsetMinutes, e.routedFrom])).toEqual([
      ['deputy@agency.ru', 1440, 'lead@agency.ru'],
      ['lead@agency.ru', 20, undefined],
    ]);
    expect(lead[0].key).toBe('CALL-7|deputy@agency.ru|1440');
  });

  test('absence is judged on the due date in the spreadsheet zone', () => {
    const due = Date.parse('2026-03-08T22:30:00Z'); // 01:30 Monday in Moscow, 18:30 Sunday in New York
    const nyStaff = [{ ...staff[0], absentUntil: '2026-03-08' }, staff[1]];
    expect(staffResolver(nyStaff, moscow)('lead@agency.ru', due)).toBe('lead@agency.ru');
    expect(staffResolver(nyStaff, newYork)('lead@agency.ru', due)).toBe('deputy@agency.ru');
  });

  test('an absent deputy passes it on to their deputy; a closed chain ends with the manager', () => {
    const at = Date.parse('2026-03-05T09:00:00Z');
    const away = '2026-03-10';
    const chain = [
      { email: 'a@x.ru', deputyEmail: 'b@x.ru', managerEmail: 'm@x.ru', absentUntil: away },
      { email: 'b@x.ru', deputyEmail: 'c@x.ru', absentUntil: away },
      { email: 'c@x.ru', absentUntil: '' },
    ];
    expect(staffResolver(chain, moscow)('A@x.ru', at)).toBe('c@x.ru');
    const loop = [
      { email: 'a@x.ru', deputyEmail: 'b@x.ru', managerEmail: 'm@x.ru', absentUntil: away },
      { email: 'b@x.ru', deputyEmail: 'a@x.ru', absentUntil: away },
    ];
    expect(staffResolver(loop, moscow)('a@x.ru', at)).toBe('m@x.ru');
    expect(staffResolver([{ email: 'a@x.ru', absentUntil: away }], moscow)('a@x.ru', at)).toBe('a@x.ru');
  });

  test('clients and candidates are not on Staff and keep their address', () => {
    expect(staffResolver(staff, moscow)('client@acme.com', START)).toBe('client@acme.com');
  });
});

describe('reconciling the Outbox with the plan', () => {
  const plan = (start = START, c = call('repeat'), now = LONG_BEFORE) => planReminders({ ...c, start }, OFFSETS, noRouting, now);
  const row = (e: OutboxEntry, state = 'Pending', due: number = e.due) => ({
    key: e.key,
    due: new Date(due),
    recipient: e.recipient,
    template: e.template,
    state,
    attempts: 0,
  });

  test('a new call: every reminder is added', () => {
    const r = reconcile([], plan(), 'scheduled', LONG_BEFORE);
    expect(r.add.length).toBe(4);
    expect(r.cancel).toEqual([]);
  });

  test('unchanged rows are kept', () => {
    const rows = plan().entries.map((e) => row(e));
    expect(reconcile(rows, plan(), 'scheduled', LONG_BEFORE)).toEqual({ cancel: [], update: [], add: [], keep: [0, 1, 2, 3] });
  });

  test('rescheduling re-plans the pending rows in place', () => {
    const rows = plan().entries.map((e) => row(e));
    const later = START + 2 * 24 * 60 * MIN;
    const r = reconcile(rows, plan(later), 'scheduled', LONG_BEFORE);
    expect(r.add).toEqual([]);
    expect(r.cancel).toEqual([]);
    expect(r.update.map((u) => [u.index, iso(u.due)])).toEqual([
      [0, '2026-03-10T07:00:00.000Z'],
      [1, '2026-03-10T07:00:00.000Z'],
      [2, '2026-03-11T06:40:00.000Z'],
      [3, '2026-03-11T06:40:00.000Z'],
    ]);
  });

  test('a reminder already sent is never touched; after a reschedule it goes again as a new row', () => {
    const old = plan().entries;
    const rows = [row(old[0], 'Sent'), ...old.slice(1).map((e) => row(e))];
    const same = reconcile(rows, plan(), 'scheduled', LONG_BEFORE);
    expect(same.add).toEqual([]);
    expect(same.update).toEqual([]);
    const moved = reconcile(rows, plan(START + 3 * 60 * MIN), 'scheduled', LONG_BEFORE);
    expect(moved.add.map((e) => [e.key, iso(e.due)])).toEqual([['CALL-7|ivan@example.com|1440', '2026-03-08T10:00:00.000Z']]);
    expect(moved.update.map((u) => u.index)).toEqual([1, 2, 3]);
    expect(moved.cancel).not.toContain(0);
  });

  test('cancelling the call cancels its pending rows and leaves sent ones', () => {
    const old = plan().entries;
    const rows = [row(old[0], 'Sent'), ...old.slice(1).map((e) => row(e))];
    expect(reconcile(rows, plan(), 'cancelled', LONG_BEFORE)).toEqual({ cancel: [1, 2, 3], update: [], add: [], keep: [] });
  });

  test('a candidate taken off the call loses their pending reminders', () => {
    const rows = plan().entries.map((e) => row(e));
    const fewer = plan(START, call('repeat', { candidates: [{ id: 'C-1', name: 'Ivan', email: 'ivan@example.com' }] }));
    const r = reconcile(rows, fewer, 'scheduled', LONG_BEFORE);
    expect(r.cancel.map((i) => rows[i].recipient)).toEqual(['olga@example.com', 'olga@example.com']);
    expect(r.keep.length).toBe(2);
  });

  test('a Done call cancels what is still pending and adds the follow-up', () => {
    const rows = plan().entries.map((e) => row(e));
    const followUp = planFollowUp('CALL-7', 'boss@agency.ru', { year: 2026, month: 3, day: 20 }, moscow, noRouting);
    const r = reconcile(rows, { ...plan(), entries: [...plan().entries, followUp] }, 'done', START + 60 * MIN);
    expect(r.cancel).toEqual([0, 1, 2, 3]);
    expect(r.add).toEqual([followUp]);
  });

  test('once the call has started, pending reminders are left for the tick to mark Missed', () => {
    const rows = plan().entries.map((e) => row(e));
    const after = START + MIN;
    const r = reconcile(rows, plan(START, call('repeat'), after), 'scheduled', after);
    expect(r).toEqual({ cancel: [], update: [], add: [], keep: [] });
    expect(dueDecision(rows[2], after, START, 5)).toBe('missed');
  });

  test('a stale pending reminder superseded by a nearer one is cancelled', () => {
    const rows = plan().entries.map((e) => row(e));
    const now = START - 10 * MIN; // ticks did not run: both reminders are overdue
    const r = reconcile(rows, plan(START, call('repeat'), now), 'scheduled', now);
    expect(r.cancel).toEqual([0, 1]);
    expect(r.keep).toEqual([2, 3]);
  });

  test('other calls\u2019 rows and Russian state labels are understood', () => {
    const e = plan().entries[0];
    const rows = [{ ...row(e), key: 'CALL-8|ivan@example.com|1440' }, row(e, 'Ожидает')];
    const r = reconcile(rows, plan(), 'cancelled', LONG_BEFORE);
    expect(r.cancel).toEqual([1]);
    expect(rows.map((x) => callIdOfKey(x.key))).toEqual(['CALL-8', 'CALL-7']);
  });
});

describe('the tick sends what is due: never early, at most one tick late', () => {
  const due = START - 20 * MIN;
  const pending = { state: 'Pending', due: new Date(due) };

  test('not yet due: wait; due: send; the call has started: missed', () => {
    expect(dueDecision(pending, due - 1, START, 5)).toBe('wait');
    expect(dueDecision(pending, due, START, 5)).toBe('send');
    expect(dueDecision(pending, due + 4 * MIN, START, 5)).toBe('send');
    expect(dueDecision(pending, START, START, 5)).toBe('missed');
  });

  test('with ticks every 5 minutes from any phase, the reminder goes out within 5 minutes of its time', () => {
    for (let phase = 0; phase < 5 * MIN; phase += 37000) {
      let t = due - 30 * MIN + phase;
      while (dueDecision(pending, t, START, 5) === 'wait') t += 5 * MIN;
      expect(dueDecision(pending, t, START, 5)).toBe('send');
      expect(t).toBeGreaterThanOrEqual(due);
      expect(t - due).toBeLessThan(5 * MIN);
    }
  });

  test('a reminder due at the start itself (offset 0) still has its one tick', () => {
    const atStart = { state: 'Pending', due: new Date(START) };
    expect(dueDecision(atStart, START + 3 * MIN, START, 5)).toBe('send');
    expect(dueDecision(atStart, START + 5 * MIN, START, 5)).toBe('missed');
  });

  test('rows that are not pending are skipped', () => {
    for (const state of ['Sent', 'Cancelled', 'Missed', 'Failed', 'Отправлено', '']) {
      expect(dueDecision({ state, due: new Date(due) }, due + MIN, START, 5)).toBe('skip');
    }
    expect(dueDecision({ state: 'Pending', due: 'soon' }, due, START, 5)).toBe('skip');
  });

  test('a follow-up has no call start and is sent whenever it is due', () => {
    expect(dueDecision({ state: 'Pending', due: due }, due + 3 * 24 * 60 * MIN, null, 5)).toBe('send');
  });
});

describe('follow-up and reminder texts', () => {
  test('a Next Contact Date becomes a 09:00 reminder to the manager on that date, in the zone', () => {
    const e = planFollowUp('CALL-7', 'Boss@Agency.ru', { year: 2026, month: 4, day: 15 }, newYork, noRouting);
    expect(e).toMatchObject({
      key: 'CALL-7|boss@agency.ru|followUp',
      recipient: 'boss@agency.ru',
      template: 'followUp.manager',
      offsetMinutes: null,
    });
    expect(iso(e.due)).toBe('2026-04-15T13:00:00.000Z');
  });

  test('reminder values carry the local date and time and the offset in words', () => {
    const c = { ...call('interview'), clientName: 'Acme', durationMinutes: 45 };
    const v = reminderValues(c, { offsetMinutes: 1440, name: 'Ivan' }, moscow, 'ru', 'Agency');
    expect(v).toMatchObject({
      callType: 'Интервью',
      client: 'Acme',
      date: '09.03.2026',
      time: '10:00',
      offset: '1 день',
      duration: '45',
      recipientName: 'Ivan',
      senderName: 'Agency',
      zone: 'по московскому времени',
    });
    expect(reminderValues(c, { offsetMinutes: 20 }, newYork, 'en', 'Agency')).toMatchObject({
      date: '2026-03-09',
      time: '03:00',
      offset: '20 minutes',
      zone: 'New York time',
    });
    // The link to join, else where to find it; the manager by name when Staff has one.
    expect(reminderValues(c, { offsetMinutes: 20 }, moscow, 'ru', 'Agency', 'https://meet.google.com/abc-defg-hij').meetingLink).toBe(
      'https://meet.google.com/abc-defg-hij',
    );
    expect(reminderValues(c, { offsetMinutes: 20 }, moscow, 'ru', 'Agency').meetingLink).toBe('ссылка — в приглашении Календаря');
    expect(
      reminderValues({ ...c, managerEmail: 'boss@x.ru', managerName: 'Борис' }, { offsetMinutes: 20 }, moscow, 'ru', 'Agency').manager,
    ).toBe('Борис');
    expect(reminderValues({ ...c, managerEmail: 'boss@x.ru' }, { offsetMinutes: 20 }, moscow, 'ru', 'Agency').manager).toBe('boss@x.ru');
  });
});
