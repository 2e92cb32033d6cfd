/**
 * Calls (docs/DOMAIN.md §6, §9.9; issue 5) on the real bundle: events with their guests and reminder
 * overrides, reminder e-mails at their moments (New York, across a DST change), reschedule,
 * cancel, a lost event id, comments per call type, templates and absence.
 */
import * as fs from 'fs';
import { simpleParser } from 'mailparser';
import { Harness, openHarness } from './harness';
import {
  BOSS,
  CLIENT,
  DEPUTY,
  FIRST_CALL_COMMENT,
  HIRED,
  LEAD,
  RU_CLIENT,
  SALES,
  call,
  callEvents,
  callsWorkbook,
  iso,
  mailsTo,
  notesEvents,
  outboxOf,
  schedule,
} from './calls-fixture';

const ALICE = 'alice@example.com';
const BOB = 'bob@example.com';
const CAROL = 'carol@example.com';

const sorted = (list: readonly unknown[]) => list.map((s) => String(s)).sort();

describe('every Scheduled call has exactly one event on the company calendar, with its guests and reminder overrides', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await callsWorkbook();
  });
  afterEach(() => h.close());

  const cases: Array<{
    type: string;
    cells: Record<string, string>;
    guests: string[];
    overrides: number[];
    reminders: Array<[string, number]>;
  }> = [
    {
      type: 'First call',
      cells: { 'Order ID': 'ORD-2026-0001', 'Client e-mail': CLIENT },
      guests: [CLIENT, BOSS],
      overrides: [15],
      reminders: [[CLIENT, 15]],
    },
    {
      type: 'Interview',
      cells: { 'Order ID': 'ORD-2026-0001', 'Candidate IDs': 'C-1, C-2' },
      guests: [ALICE, BOB, BOSS],
      overrides: [20],
      reminders: [
        [ALICE, 20],
        [BOB, 20],
      ],
    },
    {
      type: 'Repeat call',
      cells: { 'Order ID': 'ORD-2026-0001', 'Candidate IDs': 'C-3' },
      guests: [CAROL, BOSS],
      overrides: [20, 1440],
      reminders: [
        [CAROL, 1440],
        [CAROL, 20],
      ],
    },
    {
      type: 'Introductory call',
      cells: { 'Order ID': 'ORD-2026-0001', 'Hired employee e-mail': HIRED, 'Team lead e-mail': LEAD },
      guests: [HIRED, LEAD, BOSS],
      overrides: [20, 1440],
      reminders: [
        [HIRED, 1440],
        [LEAD, 1440],
        [HIRED, 20],
        [LEAD, 20],
      ],
    },
  ];

  test.each(cases)(
    '$type: title, purpose and comment template, guests invited, overrides, call ID in private properties, reminders planned',
    ({ type, cells, guests, overrides, reminders }) => {
      const row = schedule(h, { Type: type, Start: '2026-11-25 10:00', 'Manager e-mail': BOSS, ...cells });
      expect(row['Call ID']).toBe('CALL-2026-0001');
      expect(row['Problems']).toBe('');
      const events = callEvents(h, 'primary');
      expect(events).toHaveLength(1);
      const ev = events[0];
      expect(row['Event ID']).toBe(ev.id);
      expect(ev.summary).toBe(`${type} — Acme <b>Corp</b>`);
      expect(ev.start?.dateTime).toBe('2026-11-25T10:00:00-05:00');
      expect(ev.end?.dateTime).toBe('2026-11-25T10:30:00-05:00'); // 30 minutes by default
      expect(ev.start?.timeZone).toBe('America/New_York');
      expect(sorted((ev.attendees ?? []).map((a) => a.email))).toEqual(sorted(guests));
      expect(ev.reminders).toEqual({ useDefault: false, overrides: overrides.map((minutes) => ({ method: 'popup', minutes })) });
      expect(ev.extendedProperties?.private?.callId).toBe('CALL-2026-0001');
      // Guests read the purpose, the time with its city, how to join and reschedule; never a candidate list.
      expect(ev.description).toContain('When: 2026-11-25 10:00–10:30 New York time');
      expect(ev.description).toContain('From our side: Boris');
      expect(ev.description).toContain('To reschedule or cancel, reply to the sender of this invitation.');
      // Someone outside Staff among the guests hides the guest list (this Introductory call has staff only).
      expect(ev.guestsCanSeeOtherGuests).toBe(type === 'Introductory call');
      expect(ev.conferenceData?.createRequest?.conferenceSolutionKey?.type).toBe('hangoutsMeet');
      // The staff's side is the twin: no guests, the order, the purpose and the comment template (seed 003).
      const notes = notesEvents(h, 'primary');
      expect(notes).toHaveLength(1);
      const note = notes[0];
      expect(note.attendees ?? []).toEqual([]);
      expect(note.extendedProperties?.private).toEqual({ callId: 'CALL-2026-0001', reglament: 'notes' });
      expect([note.start?.dateTime, note.end?.dateTime]).toEqual([ev.start?.dateTime, ev.end?.dateTime]);
      expect(note.transparency).toBe('transparent');
      expect(note.summary).toBe(`Staff notes: ${type} — Acme <b>Corp</b>`);
      expect(note.description).toContain('Order: ORD-2026-0001');
      if (type !== 'Repeat call') expect(note.description).toContain('After the call: set Status to Done');
      if (type === 'First call') expect(note.description).toContain('First call: meet the client');
      if (type === 'First call') expect(note.description).toContain('Next Contact Date: ');
      if (type === 'Repeat call') expect(note.description).toContain('Repeat call: a second interview or clarifying details.');
      if (type === 'Interview') expect(note.description).toContain('Today we interviewed:\nAlice Brown (C-1) – \nBob Green (C-2) – ');
      if (type === 'Introductory call') expect(note.description).toContain('Messenger: ');
      for (const internal of [
        'After the call',
        'Order:',
        'Today we interviewed',
        'Next Contact Date',
        'Messenger:',
        'Alice Brown',
        'whom they liked',
      ]) {
        expect(ev.description).not.toContain(internal);
      }
      // Invitations went out to every guest.
      const invited = h.ws.calendar.invitations.filter((i) => i.method === 'REQUEST' && !i.update).map((i) => i.to);
      expect(sorted(invited)).toEqual(sorted(guests));
      // Reminder e-mails planned in the Outbox at the offsets of docs/DOMAIN.md §6.2.
      const outbox = outboxOf(h, 'CALL-2026-0001');
      const start = Date.parse('2026-11-25T15:00:00Z');
      expect(outbox.map((r) => [r['Recipient'], (start - (r['Due'] as Date).getTime()) / 60000]).sort()).toEqual([...reminders].sort());
      expect(new Set(outbox.map((r) => r['State']))).toEqual(new Set(['Pending']));
    },
  );

  test('a duration sets the end; a Company calendar ID that does not exist is reported on the row, and the call is written once it is fixed', () => {
    const settingsRow = h.rows('Settings').findIndex((r) => r['Key'] === 'Company calendar ID') + 2;
    h.edit('Settings', settingsRow, { Value: 'sales-calls@group.calendar.google.com' }, h.ws.owner);
    let row = schedule(h, {
      Type: 'Interview',
      Start: '2026-11-25 10:00',
      'Duration (min)': '45',
      'Candidate IDs': 'C-1',
      'Manager e-mail': BOSS,
    });
    expect(row['Problems']).toContain(
      'Calendar "sales-calls@group.calendar.google.com" is not available (API call to calendar.events.insert failed with error: Not Found)',
    );
    expect(row['Event ID']).toBe('');
    expect(callEvents(h)).toHaveLength(0);
    h.edit('Settings', settingsRow, { Value: 'primary' }, h.ws.owner);
    h.tick('2026-11-23T09:05');
    row = call(h, 'CALL-2026-0001');
    const ev = callEvents(h, 'primary')[0];
    expect(ev.id).toBe(row['Event ID']);
    expect(ev.end?.dateTime).toBe('2026-11-25T10:45:00-05:00');
    expect(row['Problems']).toBe('');
  });

  test('the client joins the event when the row names one, also for an Interview', () => {
    schedule(h, { Type: 'Interview', Start: '2026-11-25 10:00', 'Client e-mail': CLIENT, 'Candidate IDs': 'C-1', 'Manager e-mail': BOSS });
    const ev = callEvents(h, 'primary')[0];
    expect(sorted((ev.attendees ?? []).map((a) => a.email))).toEqual(sorted([CLIENT, ALICE, BOSS]));
    // …but reminders of an Interview go to the candidates only (docs/DOMAIN.md §6.2).
    expect(outboxOf(h, 'CALL-2026-0001').map((r) => r['Recipient'])).toEqual([ALICE]);
  });
});

describe('reminder e-mails at their moments: never early, at most one tick late, Missed once the call started', () => {
  test('New York, a Repeat call on the Sunday clocks spring forward: the 1-day reminder is 24 h earlier (09:00 EST), the 20-minute one at 09:40 EDT', async () => {
    const h = await callsWorkbook({ now: '2026-03-05T09:00' });
    try {
      schedule(h, {
        Type: 'Repeat call',
        'Order ID': 'ORD-2026-0001',
        Start: '2026-03-08 10:00',
        'Candidate IDs': 'C-3',
        'Manager e-mail': BOSS,
      });
      const out = outboxOf(h, 'CALL-2026-0001');
      expect(out.map((r) => iso(r['Due'])).sort()).toEqual(['2026-03-07T14:00:00.000Z', '2026-03-08T13:40:00.000Z']);
      // The installed 5-minute trigger runs over both moments.
      h.run('2026-03-07T08:40', '2026-03-07T09:20');
      let mails = mailsTo(h, CAROL);
      expect(mails).toHaveLength(1);
      const first = Date.parse(mails[0].sentAt);
      expect(first).toBeGreaterThanOrEqual(Date.parse('2026-03-07T14:00:00Z'));
      expect(first - Date.parse('2026-03-07T14:00:00Z')).toBeLessThan(5 * 60000);
      expect(mails[0].subject).toBe('Reminder: follow-up call on 2026-03-08 at 10:00');
      expect(mails[0].text).toContain('It starts in 1 day');
      h.run('2026-03-08T09:00', '2026-03-08T10:30');
      mails = mailsTo(h, CAROL);
      expect(mails).toHaveLength(2);
      const second = Date.parse(mails[1].sentAt);
      expect(second).toBeGreaterThanOrEqual(Date.parse('2026-03-08T13:40:00Z'));
      expect(second - Date.parse('2026-03-08T13:40:00Z')).toBeLessThan(5 * 60000);
      expect(mails[1].text).toContain('It starts in 20 minutes');
      expect(outboxOf(h, 'CALL-2026-0001').map((r) => r['State'])).toEqual(['Sent', 'Sent']);
    } finally {
      h.close();
    }
  });

  test('New York in autumn: an Introductory call the Monday after clocks fall back reminds the hired employee and team lead 24 h before (11:00 EDT on Sunday = 10:00 EST minus 1 day)', async () => {
    const h = await callsWorkbook({ now: '2026-10-29T09:00' });
    try {
      schedule(h, {
        Type: 'Introductory call',
        'Order ID': 'ORD-2026-0001',
        Start: '2026-11-01 10:00',
        'Hired employee e-mail': HIRED,
        'Team lead e-mail': LEAD,
        'Manager e-mail': BOSS,
      });
      const dues = outboxOf(h, 'CALL-2026-0001').map((r) => [r['Recipient'], iso(r['Due'])]);
      // 2026-11-01 10:00 EST = 15:00Z; a day earlier is 2026-10-31 15:00Z = 11:00 EDT.
      expect(dues.sort()).toEqual(
        [
          [HIRED, '2026-10-31T15:00:00.000Z'],
          [HIRED, '2026-11-01T14:40:00.000Z'],
          [LEAD, '2026-10-31T15:00:00.000Z'],
          [LEAD, '2026-11-01T14:40:00.000Z'],
        ].sort(),
      );
      h.run('2026-10-31T10:50', '2026-10-31T11:10');
      expect(mailsTo(h, HIRED).map((m) => m.subject)).toEqual(['Reminder: introductory call with Acme <b>Corp</b> on 2026-11-01 at 10:00']);
      expect(mailsTo(h, HIRED)[0].text).toContain('Hello Nina New');
      expect(mailsTo(h, LEAD)).toHaveLength(1);
    } finally {
      h.close();
    }
  });

  test('a reminder not sent before its call started is marked Missed, not sent', async () => {
    const h = await callsWorkbook();
    try {
      schedule(h, { Type: 'Interview', Start: '2026-11-25 10:00', 'Candidate IDs': 'C-1', 'Manager e-mail': BOSS });
      // No tick between 09:40 and the start (the trigger did not run).
      h.tick('2026-11-25T09:35');
      expect(outboxOf(h, 'CALL-2026-0001')[0]['State']).toBe('Pending');
      h.tick('2026-11-25T10:01');
      expect(outboxOf(h, 'CALL-2026-0001')[0]['State']).toBe('Missed');
      h.tick('2026-11-25T10:06');
      expect(mailsTo(h, ALICE)).toHaveLength(0);
    } finally {
      h.close();
    }
  });

  test('a call booked at short notice gets one prompt reminder at the next tick instead of several', async () => {
    const h = await callsWorkbook();
    try {
      // 10 minutes ahead: both offsets of a Repeat call have passed; only the nearest (20 min) is kept.
      schedule(h, { Type: 'Repeat call', Start: '2026-11-23 09:10', 'Candidate IDs': 'C-3', 'Manager e-mail': BOSS }, '2026-11-23T09:00');
      expect(outboxOf(h, 'CALL-2026-0001').map((r) => r['Key'])).toEqual(['CALL-2026-0001|carol@example.com|20']);
      h.tick('2026-11-23T09:05');
      expect(mailsTo(h, CAROL)).toHaveLength(1);
    } finally {
      h.close();
    }
  });

  test('in Asia/Kolkata (UTC+5:30) a First call at 10:00 reminds the client at 09:45 local', async () => {
    const h = await callsWorkbook({ timeZone: 'Asia/Kolkata' });
    try {
      schedule(h, {
        Type: 'First call',
        'Order ID': 'ORD-2026-0001',
        Start: '2026-11-25 10:00',
        'Client e-mail': CLIENT,
        'Manager e-mail': BOSS,
      });
      expect(iso(outboxOf(h, 'CALL-2026-0001')[0]['Due'])).toBe('2026-11-25T04:15:00.000Z');
      expect(callEvents(h)[0].start?.dateTime).toBe('2026-11-25T10:00:00+05:30');
      h.run('2026-11-25T09:30', '2026-11-25T09:50');
      const mails = mailsTo(h, CLIENT);
      expect(mails).toHaveLength(1);
      expect(Date.parse(mails[0].sentAt)).toBeGreaterThanOrEqual(Date.parse('2026-11-25T04:15:00Z'));
      expect(mails[0].text).toContain('Hello John Smith');
      expect(mails[0].replyTo).toBe(BOSS);
    } finally {
      h.close();
    }
  });

  test("an absent team lead's reminders go to their deputy (Staff)", async () => {
    const h = await callsWorkbook();
    try {
      h.edit('Staff', 4, { 'Absent until': '2026-11-30' }, h.ws.owner);
      schedule(h, {
        Type: 'Introductory call',
        Start: '2026-11-27 10:00',
        'Hired employee e-mail': HIRED,
        'Team lead e-mail': LEAD,
        'Manager e-mail': BOSS,
      });
      expect(sorted(outboxOf(h, 'CALL-2026-0001').map((r) => r['Recipient']))).toEqual(sorted([HIRED, HIRED, DEPUTY, DEPUTY]));
      h.tick('2026-11-26T10:00');
      expect(mailsTo(h, DEPUTY)).toHaveLength(1);
      expect(mailsTo(h, LEAD)).toHaveLength(0);
      expect(h.rows('Log').some((l) => String(l['Action']).includes(`${LEAD} is absent`))).toBe(true);
      // Back earlier than planned: the next tick re-plans the pending reminder to the lead.
      h.edit('Staff', 4, { 'Absent until': '' }, h.ws.owner, '2026-11-27T08:00');
      h.tick('2026-11-27T09:40');
      expect(mailsTo(h, LEAD)).toHaveLength(1);
      expect(mailsTo(h, DEPUTY)).toHaveLength(1);
    } finally {
      h.close();
    }
  });
});

describe('reschedule, guests, cancel and a lost event id: the same event, never a duplicate', () => {
  let h: Harness;
  let eventId: string;
  beforeEach(async () => {
    h = await callsWorkbook();
    const row = schedule(h, {
      Type: 'Repeat call',
      'Order ID': 'ORD-2026-0001',
      Start: '2026-11-26 10:00',
      'Candidate IDs': 'C-1',
      'Manager e-mail': BOSS,
    });
    eventId = String(row['Event ID']);
  });
  afterEach(() => h.close());

  test('a new start patches the same event and moves its pending reminders; guests get the update', () => {
    h.edit('Calls', 2, { Start: '2026-11-27 15:30', 'Duration (min)': '60' }, SALES);
    const events = callEvents(h);
    expect(events).toHaveLength(1);
    expect(events[0].id).toBe(eventId);
    expect(events[0].start?.dateTime).toBe('2026-11-27T15:30:00-05:00');
    expect(events[0].end?.dateTime).toBe('2026-11-27T16:30:00-05:00');
    expect(
      h.ws.calendar.invitations
        .filter((i) => i.update)
        .map((i) => i.to)
        .sort(),
    ).toEqual([ALICE, BOSS]);
    const out = outboxOf(h, 'CALL-2026-0001');
    expect(out.map((r) => [r['State'], iso(r['Due'])]).sort()).toEqual([
      ['Pending', '2026-11-26T20:30:00.000Z'],
      ['Pending', '2026-11-27T20:10:00.000Z'],
    ]);
    expect(out[0]['Subject']).toContain('2026-11-27 at 15:30');
  });

  test('changing the candidates patches the guests; the removed one is not reminded, the new one is', () => {
    h.edit('Calls', 2, { 'Candidate IDs': 'C-2' }, SALES);
    const ev = callEvents(h)[0];
    expect(ev.id).toBe(eventId);
    expect(sorted((ev.attendees ?? []).map((a) => a.email))).toEqual(sorted([BOB, BOSS]));
    const out = outboxOf(h, 'CALL-2026-0001');
    expect(out.filter((r) => r['Recipient'] === ALICE).map((r) => r['State'])).toEqual(['Cancelled', 'Cancelled']);
    expect(out.filter((r) => r['Recipient'] === BOB).map((r) => r['State'])).toEqual(['Pending', 'Pending']);
    expect(h.ws.calendar.invitations.some((i) => i.to === ALICE && i.method === 'CANCEL')).toBe(true);
  });

  test('cancelling deletes the event and cancels the reminders; scheduling it again brings back the same event', () => {
    h.edit('Calls', 2, { Status: 'Cancelled' }, SALES);
    expect(callEvents(h)).toHaveLength(0);
    expect(call(h, 'CALL-2026-0001')['Event ID']).toBe('');
    expect(outboxOf(h, 'CALL-2026-0001').map((r) => r['State'])).toEqual(['Cancelled', 'Cancelled']);
    h.tick('2026-11-25T10:00');
    expect(mailsTo(h, ALICE)).toHaveLength(0);
    h.edit('Calls', 2, { Status: 'Scheduled' }, SALES, '2026-11-25T10:02');
    const events = callEvents(h);
    expect(events).toHaveLength(1);
    expect(events[0].id).toBe(eventId);
    expect(call(h, 'CALL-2026-0001')['Event ID']).toBe(eventId);
    expect(outboxOf(h, 'CALL-2026-0001').filter((r) => r['State'] === 'Pending')).toHaveLength(2);
  });

  test('a cleared Event ID is put back, and the next change patches the same event', () => {
    h.edit('Calls', 2, { 'Event ID': '' }, h.ws.owner);
    expect(call(h, 'CALL-2026-0001')['Event ID']).toBe(eventId);
    h.edit('Calls', 2, { Start: '2026-11-26 11:00' }, SALES);
    expect(callEvents(h).map((e) => [e.id, e.start?.dateTime])).toEqual([[eventId, '2026-11-26T11:00:00-05:00']]);
  });

  test('with the Event ID and the sync record both lost, the event is found by its call ID', () => {
    const app = h.ws.ctx.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp;
    const ss = app.getActiveSpreadsheet();
    ss.deleteSheet(ss.getSheetByName('_Calls sync')!);
    h.edit('Calls', 2, { 'Event ID': '', Start: '2026-11-26 12:00' }, h.ws.owner);
    expect(callEvents(h).map((e) => [e.id, e.start?.dateTime])).toEqual([[eventId, '2026-11-26T12:00:00-05:00']]);
    expect(call(h, 'CALL-2026-0001')['Event ID']).toBe(eventId);
    h.tick('2026-11-25T09:00');
    expect(callEvents(h)).toHaveLength(1);
  });

  test('a copied row becomes a call of its own with its own event; the original keeps its event', () => {
    const original = call(h, 'CALL-2026-0001');
    const copy: Record<string, string> = {
      'Call ID': 'CALL-2026-0001',
      Type: 'Repeat call',
      'Order ID': 'ORD-2026-0001',
      Start: '2026-11-28 10:00',
      'Candidate IDs': 'C-1',
      'Manager e-mail': BOSS,
      'Event ID': String(original['Event ID']),
    };
    h.edit('Calls', 'new', copy, h.ws.owner);
    const rows = h.rows('Calls');
    expect(rows.map((r) => r['Call ID'])).toEqual(['CALL-2026-0001', 'CALL-2026-0002']);
    const events = callEvents(h);
    expect(events).toHaveLength(2);
    const byCall = new Map(events.map((e) => [e.extendedProperties?.private?.callId, e]));
    expect(byCall.get('CALL-2026-0001')?.id).toBe(eventId);
    expect(byCall.get('CALL-2026-0001')?.start?.dateTime).toBe('2026-11-26T10:00:00-05:00');
    expect(byCall.get('CALL-2026-0002')?.start?.dateTime).toBe('2026-11-28T10:00:00-05:00');
    expect(rows[1]['Event ID']).toBe(byCall.get('CALL-2026-0002')?.id);
    h.tick('2026-11-25T09:00');
    expect(callEvents(h)).toHaveLength(2);
  });

  test('a deleted row cancels its event and reminders at the next tick', () => {
    const app = h.ws.ctx.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp;
    app.getActiveSpreadsheet().getSheetByName('Calls')!.deleteRow(2);
    h.tick('2026-11-24T09:00');
    expect(callEvents(h)).toHaveLength(0);
    expect(outboxOf(h, 'CALL-2026-0001').map((r) => r['State'])).toEqual(['Cancelled', 'Cancelled']);
  });
});

describe('after the call: the comment follows its type template, goes to the manager and into the event', () => {
  // Done and the comment are the call's manager's (its Manager e-mail, or its order's Sales
  // manager, here Anna): typed in the sheet that needs Google to name the editor — a Workspace
  // account (on consumer accounts the sidebar does it, see test/e2e/enforcement.test.ts).
  let h: Harness;
  beforeEach(async () => {
    h = await callsWorkbook({ account: 'workspace' });
  });
  afterEach(() => h.close());

  test('First call: missing fields are flagged; a valid comment is e-mailed once, written under "Results", and its Next Contact Date becomes a follow-up', async () => {
    schedule(h, { Type: 'First call', 'Order ID': 'ORD-2026-0001', Start: '2026-11-23 11:00', 'Client e-mail': CLIENT, 'Manager e-mail': BOSS });
    h.edit('Calls', 2, { Status: 'Done', Comment: 'Company Name: Acme Corp\nSM: Anna' }, SALES, '2026-11-23T11:40');
    let row = call(h, 'CALL-2026-0001');
    expect(row['Problems']).toContain('The comment has no "Product:" line.');
    expect(row['Problems']).toContain('The comment has no "Next Contact Date:" line.');
    expect(row['Comment sent at']).toBe('');
    expect(mailsTo(h, BOSS)).toHaveLength(0);

    h.edit('Calls', 2, { Comment: FIRST_CALL_COMMENT }, SALES, '2026-11-23T11:45');
    row = call(h, 'CALL-2026-0001');
    expect(row['Problems']).toBe('');
    expect(Object.prototype.toString.call(row['Comment sent at'])).toBe('[object Date]');
    const mails = mailsTo(h, BOSS);
    expect(mails).toHaveLength(1);
    expect(mails[0].subject).toBe('First call — Acme <b>Corp</b>, 2026-11-23: comment');
    await h.ws.save();
    const parsed = await simpleParser(fs.readFileSync(mails[0].path!));
    expect(parsed.text).toContain('Product: CRM for dentists <script>');
    expect(parsed.html).toContain('CRM for dentists &lt;script&gt;');
    expect(parsed.html).not.toContain('<script>');
    const ev = callEvents(h)[0];
    // The comment goes to the staff-only twin; the event the client reads never has it.
    expect(notesEvents(h)[0].description).toContain('=== Results ===\nCompany Name: Acme Corp');
    expect(ev.description).not.toContain('Company Name');
    expect(ev.description).not.toContain('Results');
    // Results were written without e-mailing the guests again.
    expect(h.ws.calendar.invitations.filter((i) => i.update)).toHaveLength(0);
    // Next Contact Date → a follow-up to the manager that morning.
    const follow = outboxOf(h, 'CALL-2026-0001').find((r) => String(r['Key']).endsWith('|followUp'))!;
    expect(follow['Recipient']).toBe(BOSS);
    expect(iso(follow['Due'])).toBe('2026-12-01T14:00:00.000Z');
    // The reminder of the call itself was not needed any more.
    expect(outboxOf(h, 'CALL-2026-0001').find((r) => String(r['Key']).endsWith('|15'))?.['State']).toBe('Cancelled');
    h.tick('2026-11-23T11:50');
    h.tick('2026-11-30T09:00');
    expect(mailsTo(h, BOSS)).toHaveLength(1);
    h.tick('2026-12-01T09:00');
    const boss = mailsTo(h, BOSS);
    expect(boss).toHaveLength(2);
    expect(boss[1].subject).toBe('Contact Acme <b>Corp</b> today');
    expect(boss[1].text).toContain('Next step: send the offer');
  });

  test('Interview: every candidate must be in the comment; it goes under "Fresh Results"; Hired needs start date, price and contract link and sets the candidate Hired', () => {
    schedule(h, {
      Type: 'Interview',
      'Order ID': 'ORD-2026-0001',
      Start: '2026-11-23 11:00',
      'Candidate IDs': 'C-1, C-2',
      'Manager e-mail': BOSS,
    });
    h.edit(
      'Calls',
      2,
      { Status: 'Done', Comment: 'Today we interviewed:\nAlice Brown (C-1) – strong\nInterview results: Alice hired\nSM: Anna' },
      SALES,
      '2026-11-23T12:00',
    );
    expect(call(h, 'CALL-2026-0001')['Problems']).toBe('Candidate Bob Green (C-2) of this call is not in the comment.');
    expect(mailsTo(h, BOSS)).toHaveLength(0);
    const comment = 'Today we interviewed:\nAlice Brown (C-1) – strong\nBob Green (C-2) – too junior\nInterview results: Alice hired\nSM: Anna';
    h.edit('Calls', 2, { Comment: comment, Hired: 'TRUE', 'Hired candidate ID': 'C-1', 'Hire start date': '2026-12-01' }, SALES);
    let row = call(h, 'CALL-2026-0001');
    expect(row['Problems']).toContain('Hired is ticked: fill in "Price".');
    expect(row['Problems']).toContain('Hired is ticked: fill in "Contract link".');
    expect(h.rows('Candidates')[0]['Status']).toBe('New');
    // The comment itself is valid: it went out and into the event.
    expect(mailsTo(h, BOSS)).toHaveLength(1);
    expect(notesEvents(h)[0].description).toContain('=== Fresh Results ===\nToday we interviewed:');
    expect(callEvents(h)[0].description).not.toContain('too junior');
    h.edit('Calls', 2, { Price: '1500', 'Contract link': 'https://docs.example/contract/7' }, SALES);
    row = call(h, 'CALL-2026-0001');
    // The hire is complete; what is left are the after-interview steps (test/e2e/after-interview.test.ts).
    expect(row['Problems']).not.toContain('Hired is ticked');
    expect(row['Problems']).toContain('Alice Brown (C-1) is hired: schedule the Introductory call');
    expect(h.rows('Candidates').map((c) => c['Status'])).toEqual(['Hired', 'New', 'New']);
    expect(mailsTo(h, BOSS)).toHaveLength(1);
  });

  test('Introductory call: the chosen messenger must be named', () => {
    schedule(h, {
      Type: 'Introductory call',
      'Order ID': 'ORD-2026-0001',
      Start: '2026-11-23 11:00',
      'Hired employee e-mail': HIRED,
      'Team lead e-mail': LEAD,
      'Manager e-mail': BOSS,
    });
    h.edit('Calls', 2, { Status: 'Done', Comment: 'Talked about the project.' }, SALES, '2026-11-23T12:00');
    expect(call(h, 'CALL-2026-0001')['Problems']).toBe('Name the chosen messenger (e.g. "Messenger: Telegram").');
    h.edit('Calls', 2, { Comment: 'Talked about the project.\nMessenger: Telegram' }, SALES);
    expect(call(h, 'CALL-2026-0001')['Problems']).toBe('');
    expect(mailsTo(h, BOSS)).toHaveLength(1);
    expect(notesEvents(h)[0].description).toContain('=== Results ===\nTalked about the project.\nMessenger: Telegram');
    expect(callEvents(h)[0].description).not.toContain('Talked about the project');
  });

  test('Repeat call: an empty comment is flagged; any comment is then sent', () => {
    schedule(h, { Type: 'Repeat call', 'Order ID': 'ORD-2026-0001', Start: '2026-11-23 11:00', 'Candidate IDs': 'C-3', 'Manager e-mail': BOSS });
    h.edit('Calls', 2, { Status: 'Done' }, SALES, '2026-11-23T12:00');
    expect(call(h, 'CALL-2026-0001')['Problems']).toBe(
      'The call is Done but the comment is empty: fill it in per the template in the event description.',
    );
    h.edit('Calls', 2, { Comment: 'Details agreed.' }, SALES);
    expect(call(h, 'CALL-2026-0001')['Problems']).toBe('');
    expect(mailsTo(h, BOSS)).toHaveLength(1);
  });

  test("the comment goes to the absent manager's deputy; a corrected comment is sent again, the same one never twice", () => {
    h.edit('Staff', 3, { 'Deputy e-mail': DEPUTY, 'Absent until': '2026-11-24' }, h.ws.owner);
    schedule(h, { Type: 'Repeat call', 'Order ID': 'ORD-2026-0001', Start: '2026-11-23 11:00', 'Candidate IDs': 'C-3', 'Manager e-mail': BOSS });
    h.edit('Calls', 2, { Status: 'Done', Comment: 'Details agreed.' }, SALES, '2026-11-23T12:00');
    expect(mailsTo(h, DEPUTY)).toHaveLength(1);
    expect(mailsTo(h, BOSS)).toHaveLength(0);
    h.tick('2026-11-23T12:05');
    h.edit('Calls', 2, { Status: 'Done' }, SALES);
    expect(mailsTo(h, DEPUTY)).toHaveLength(1);
    h.edit('Calls', 2, { Comment: 'Details agreed; start on Monday.' }, SALES);
    expect(mailsTo(h, DEPUTY)).toHaveLength(2);
  });
});

describe('templates: the Templates tab, the client language, escaped HTML, a plain-text part, unknown placeholders', () => {
  test('a row still holding an earlier built-in reminder text gets the current one on setup; an edited one is kept', async () => {
    const h = await callsWorkbook();
    try {
      const { SUPERSEDED_TEMPLATES } = await import('../../src/core/templates');
      const old = SUPERSEDED_TEMPLATES['reminder.interview']![0].en;
      const rowOf = (key: string, lang: string) => h.rows('Templates').findIndex((r) => r['Key'] === key && r['Language'] === lang) + 2;
      h.edit('Templates', rowOf('reminder.interview', 'English'), { Subject: old.subject, Body: old.body }, h.ws.owner);
      h.edit('Templates', rowOf('reminder.repeatCall', 'English'), { Body: 'Our own text, {{recipientName}}' }, h.ws.owner);
      h.ws.invoke('setupWorkbook', { kind: 'editor' });
      const get = (key: string) => h.rows('Templates').find((r) => r['Key'] === key && r['Language'] === 'English')!;
      expect(get('reminder.interview')['Body']).toContain('Join: {{meetingLink}}');
      expect(get('reminder.repeatCall')['Body']).toBe('Our own text, {{recipientName}}');
      expect(h.rows('Log').some((l) => String(l['Action']).startsWith('Built-in template updated'))).toBe(true);
    } finally {
      h.close();
    }
  });

  test('setup adds the calls templates in Russian and English once; an edited one is kept and used', async () => {
    const h = await callsWorkbook();
    try {
      const rows = () => h.rows('Templates').filter((r) => r['Key'] === 'reminder.firstCall');
      expect(
        rows()
          .map((r) => r['Language'])
          .sort(),
      ).toEqual(['English', 'Russian']);
      const sheetRow = h.rows('Templates').findIndex((r) => r['Key'] === 'reminder.firstCall' && r['Language'] === 'English') + 2;
      h.edit(
        'Templates',
        sheetRow,
        { Subject: 'See you at {{time}}, {{contactPerson}}', Body: 'Hi {{contactPerson}}, {{callType}} at {{time}} — {{oops}}' },
        h.ws.owner,
      );
      expect(h.ws.spreadsheet.toasts.some((t) => t.message.includes('{{oops}}'))).toBe(true);
      h.ws.invoke('setupWorkbook', { kind: 'editor' });
      expect(rows()).toHaveLength(2);
      expect(rows().find((r) => r['Language'] === 'English')?.['Subject']).toBe('See you at {{time}}, {{contactPerson}}');

      schedule(h, {
        Type: 'First call',
        'Order ID': 'ORD-2026-0001',
        Start: '2026-11-25 10:00',
        'Client e-mail': CLIENT,
        'Manager e-mail': BOSS,
      });
      expect(call(h, 'CALL-2026-0001')['Problems']).toBe(
        'Template "reminder.firstCall": unknown placeholders {{oops}} — they stay in the e-mail as typed.\nTemplate "reminder.firstCall" has no {{meetingLink}}: reminders go without the link to join.',
      );
      h.tick('2026-11-25T09:45');
      const [mail] = mailsTo(h, CLIENT);
      expect(mail.subject).toBe('See you at 10:00, John Smith');
      expect(mail.text).toBe('Hi John Smith, First call at 10:00 — {{oops}}');
      expect(mail.html).toContain('{{oops}}');
    } finally {
      h.close();
    }
  });

  test('a Russian client gets the Russian template; names from cells are escaped in the HTML part', async () => {
    const h = await callsWorkbook();
    try {
      h.edit('Candidates', 2, { Name: 'Алиса <img src=x onerror=alert(1)>', 'Order ID': 'ORD-2026-0002' }, h.ws.owner);
      schedule(h, { Type: 'Interview', 'Order ID': 'ORD-2026-0002', Start: '2026-11-25 10:00', 'Candidate IDs': 'C-1', 'Manager e-mail': BOSS });
      h.tick('2026-11-25T09:40');
      const [mail] = mailsTo(h, ALICE);
      expect(mail.subject).toBe('Напоминание: интервью 25.11.2026 в 10:00');
      expect(mail.text).toContain('Здравствуйте, Алиса <img src=x onerror=alert(1)>!');
      expect(mail.text).toContain('с компанией ООО «Ромашка»');
      expect(mail.html).toContain('Алиса &lt;img src=x onerror=alert(1)&gt;');
      expect(mail.html).not.toContain('<img');
      expect(mail.html).toContain('lang="ru"');
      // The first call's client of the Russian order is reminded in Russian as well.
      schedule(h, {
        Type: 'First call',
        'Order ID': 'ORD-2026-0002',
        Start: '2026-11-26 10:00',
        'Client e-mail': RU_CLIENT,
        'Manager e-mail': BOSS,
      });
      h.tick('2026-11-26T09:45');
      expect(mailsTo(h, RU_CLIENT)[0].subject).toBe('Напоминание: звонок 26.11.2026 в 10:00');
    } finally {
      h.close();
    }
  });
});

describe('Russian by default', () => {
  test('a Russian workbook: Russian Problems, Outbox states and reminder text', async () => {
    const h = await openHarness({ locale: 'ru', timeZone: 'Asia/Yekaterinburg', now: '2026-11-23T09:00' });
    try {
      h.edit('Candidates', 'new', { 'Candidate ID': 'К-1', Name: 'Ольга', 'E-mail': 'olga@example.com' }, h.ws.owner);
      h.edit('Calls', 'new', { Type: 'Интервью', Start: '25.11.2026 10:00', 'Candidate IDs': 'К-1', 'Manager e-mail': 'начальник' }, h.ws.owner);
      expect(h.rows('Calls')[0]['Problems']).toBe('«E-mail руководителя»: «начальник» — не адрес e-mail.');
      expect(callEvents(h)).toHaveLength(0);
      h.edit('Calls', 2, { 'Manager e-mail': BOSS }, h.ws.owner);
      const row = h.rows('Calls')[0];
      expect(row['Problems']).toBe('');
      expect(callEvents(h)[0].summary).toBe('Интервью');
      expect(h.rows('Outbox')[0]['State']).toBe('Ожидает');
      h.tick('2026-11-25T09:40');
      expect(h.rows('Outbox')[0]['State']).toBe('Отправлено');
      const [mail] = h.ws.mail.sent();
      expect(mail.subject).toBe('Напоминание: интервью 25.11.2026 в 10:00');
      expect(mail.text).toContain('Здравствуйте, Ольга!');
      expect(mail.text).toContain('25.11.2026 в 10:00 по екатеринбургскому времени');
      expect(mail.text).not.toContain('Asia/Yekaterinburg');
    } finally {
      h.close();
    }
  });
});
