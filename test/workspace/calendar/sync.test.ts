/**
 * The Calendar fake's conference data (Meet through createRequest), incremental sync
 * (syncToken, updatedMin, showDeleted), hidden guest lists in invitations, and a person's
 * own changes in Calendar (organizer moves or cancels, a guest answers).
 */
import * as fs from 'fs';
import * as path from 'path';
import { simpleParser } from 'mailparser';
import type { calendar_v3 } from 'googleapis';
import { CONFERENCE_DELAY_MS } from '../../../workspace/services/calendar/conference';
import { TOKEN_LIFETIME_MS } from '../../../workspace/services/calendar/sync';
import { HR_CAL, interview, parseIcs, setup, tempDir, thrown } from './helpers';

const MEET = { createRequest: { requestId: 'req-1', conferenceSolutionKey: { type: 'hangoutsMeet' } } };

describe('conferenceData.createRequest: a Meet link, created asynchronously', () => {
  test('without conferenceDataVersion=1 the conference data of the body is ignored', () => {
    const { Calendar } = setup();
    const e = Calendar.Events.insert(interview({ conferenceData: MEET }), 'primary');
    expect(e.conferenceData).toBeUndefined();
    const again = Calendar.Events.patch({ conferenceData: MEET }, 'primary', e.id!, { conferenceDataVersion: 0 });
    expect(again.conferenceData).toBeUndefined();
  });

  test('the response says pending; a read after the creation time has the video entry point', () => {
    const { rt, Calendar } = setup();
    const e = Calendar.Events.insert(interview({ conferenceData: MEET }), 'primary', { conferenceDataVersion: 1 });
    expect(e.conferenceData?.createRequest?.status?.statusCode).toBe('pending');
    expect(e.conferenceData?.entryPoints).toBeUndefined();
    expect(Calendar.Events.get('primary', e.id!).conferenceData?.createRequest?.status?.statusCode).toBe('pending');
    rt.clock.advance(CONFERENCE_DELAY_MS);
    const read = Calendar.Events.get('primary', e.id!);
    expect(read.conferenceData?.createRequest?.status?.statusCode).toBe('success');
    const video = read.conferenceData?.entryPoints?.find((p) => p.entryPointType === 'video');
    expect(video?.uri).toMatch(/^https:\/\/meet\.google\.com\/[a-z]{3}-[a-z]{4}-[a-z]{3}$/);
    expect(read.conferenceData?.conferenceSolution?.key?.type).toBe('hangoutsMeet');
    expect(read.conferenceData?.conferenceId).toBe(video?.uri?.slice('https://meet.google.com/'.length));
    // The same requestId again is ignored: the link stays.
    rt.clock.advance(60000);
    const same = Calendar.Events.patch({ conferenceData: MEET }, 'primary', e.id!, { conferenceDataVersion: 1 });
    expect(same.conferenceData?.entryPoints?.[0].uri).toBe(video?.uri);
    // A patch that does not name it keeps it, even with version 0; null with version 1 removes it.
    expect(Calendar.Events.patch({ summary: 'Moved' }, 'primary', e.id!).conferenceData?.entryPoints?.[0].uri).toBe(video?.uri);
    expect(
      Calendar.Events.patch({ conferenceData: null } as unknown as calendar_v3.Schema$Event, 'primary', e.id!).conferenceData?.entryPoints?.[0]
        .uri,
    ).toBe(video?.uri);
    expect(
      Calendar.Events.patch({ conferenceData: null } as unknown as calendar_v3.Schema$Event, 'primary', e.id!, { conferenceDataVersion: 1 })
        .conferenceData,
    ).toBeUndefined();
  });

  test('an update with version 1 and no conferenceData removes the conference; without the version it stays', () => {
    const { rt, Calendar } = setup();
    const e = Calendar.Events.insert(interview({ conferenceData: MEET }), 'primary', { conferenceDataVersion: 1 });
    rt.clock.advance(CONFERENCE_DELAY_MS);
    expect(Calendar.Events.update(interview(), 'primary', e.id!).conferenceData?.entryPoints).toHaveLength(1);
    expect(Calendar.Events.update(interview(), 'primary', e.id!, { conferenceDataVersion: 1 }).conferenceData).toBeUndefined();
  });

  test('a conference type the calendar does not allow, or a request without an id, is refused', () => {
    const { Calendar } = setup();
    const zoom = { createRequest: { requestId: 'r', conferenceSolutionKey: { type: 'addOn' } } };
    expect(thrown(() => Calendar.Events.insert(interview({ conferenceData: zoom }), 'primary', { conferenceDataVersion: 1 })).message).toBe(
      'API call to calendar.events.insert failed with error: Invalid conference type value.',
    );
    const noId = { createRequest: { conferenceSolutionKey: { type: 'hangoutsMeet' } } };
    expect(
      thrown(() => Calendar.Events.insert(interview({ conferenceData: noId }), 'primary', { conferenceDataVersion: 1 })).details?.code,
    ).toBe(400);
  });
});

describe('events.list: sync tokens, updatedMin and deleted events', () => {
  test('a full list ends with nextSyncToken; the next list with it returns only what changed, deleted events included', () => {
    const { rt, Calendar } = setup();
    const a = Calendar.Events.insert(interview({ summary: 'A' }), HR_CAL);
    const b = Calendar.Events.insert(interview({ summary: 'B' }), HR_CAL);
    const full = Calendar.Events.list(HR_CAL, { showDeleted: true });
    expect(full.items?.map((e) => e.summary)).toEqual(['A', 'B']);
    expect(full.nextSyncToken).toBeTruthy();
    const quiet = Calendar.Events.list(HR_CAL, { syncToken: full.nextSyncToken });
    expect(quiet.items).toEqual([]);
    rt.clock.advance(1000);
    Calendar.Events.patch({ summary: 'A2' }, HR_CAL, a.id!);
    Calendar.Events.remove(HR_CAL, b.id!);
    const changed = Calendar.Events.list(HR_CAL, { syncToken: quiet.nextSyncToken });
    expect(changed.items?.map((e) => [e.summary, e.status])).toEqual([
      ['A2', 'confirmed'],
      ['B', 'cancelled'],
    ]);
    // Without showDeleted a plain list leaves the deleted one out.
    expect(Calendar.Events.list(HR_CAL).items?.map((e) => e.summary)).toEqual(['A2']);
  });

  test('a token with timeMin, q, privateExtendedProperty, updatedMin, orderBy or showDeleted=false is refused; an invalid or old token is 410 Gone', () => {
    const { rt, Calendar } = setup();
    Calendar.Events.insert(interview(), HR_CAL);
    const token = Calendar.Events.list(HR_CAL).nextSyncToken as string;
    for (const extra of [
      { timeMin: '2025-03-01T00:00:00Z' },
      { q: 'x' },
      { privateExtendedProperty: 'a=b' },
      { updatedMin: '2025-03-01T00:00:00Z' },
      { orderBy: 'updated' },
      { showDeleted: false },
    ]) {
      const err = thrown(() => Calendar.Events.list(HR_CAL, { syncToken: token, ...extra }));
      expect(err.message).toBe('API call to calendar.events.list failed with error: Sync token cannot be used with other request restrictions.');
      expect(err.details?.code).toBe(400);
    }
    const bad = thrown(() => Calendar.Events.list(HR_CAL, { syncToken: 'not-a-token' }));
    expect(bad.message).toBe('API call to calendar.events.list failed with error: Sync token is no longer valid, a full sync is required.');
    expect(bad.details?.code).toBe(410);
    expect(thrown(() => Calendar.Events.list('primary', { syncToken: token })).details?.code).toBe(410);
    rt.clock.advance(TOKEN_LIFETIME_MS + 1);
    expect(thrown(() => Calendar.Events.list(HR_CAL, { syncToken: token })).details?.code).toBe(410);
    // A list filtered by a private property gets no token; one limited by timeMin does.
    expect(Calendar.Events.list(HR_CAL, { privateExtendedProperty: 'a=b' }).nextSyncToken).toBeUndefined();
    expect(Calendar.Events.list(HR_CAL, { timeMin: '2025-03-01T00:00:00Z' }).nextSyncToken).toBeTruthy();
  });

  test('updatedMin returns events changed since, deleted ones regardless of showDeleted', () => {
    const { rt, Calendar } = setup();
    const a = Calendar.Events.insert(interview({ summary: 'A' }), HR_CAL);
    rt.clock.advance(60000);
    const since = new Date(rt.clock.nowMs()).toISOString();
    Calendar.Events.insert(interview({ summary: 'B' }), HR_CAL);
    Calendar.Events.remove(HR_CAL, a.id!);
    expect(Calendar.Events.list(HR_CAL, { updatedMin: since }).items?.map((e) => [e.summary, e.status])).toEqual([
      ['A', 'cancelled'],
      ['B', 'confirmed'],
    ]);
  });

  test('a conference settling is a change the next incremental list returns', () => {
    const { rt, Calendar } = setup();
    const e = Calendar.Events.insert(interview({ conferenceData: MEET }), HR_CAL, { conferenceDataVersion: 1 });
    const token = Calendar.Events.list(HR_CAL).nextSyncToken;
    rt.clock.advance(CONFERENCE_DELAY_MS);
    const items = Calendar.Events.list(HR_CAL, { syncToken: token }).items ?? [];
    expect(items.map((x) => x.id)).toEqual([e.id]);
    expect(items[0].conferenceData?.entryPoints?.[0].entryPointType).toBe('video');
  });
});

describe('a person in Google Calendar: the organizer moves or cancels, a guest answers', () => {
  test('moving keeps the length, tells the guests and is seen by the next incremental list', () => {
    const { rt, Calendar, fake } = setup();
    const e = Calendar.Events.insert(interview({ attendees: [{ email: 'alice@example.com' }] }), HR_CAL);
    const token = Calendar.Events.list(HR_CAL).nextSyncToken;
    rt.clock.advance(60000);
    const moved = fake.person.move(e.id!, Date.parse('2025-03-06T09:00:00Z'));
    expect(moved.start).toEqual({ dateTime: '2025-03-06T12:00:00+03:00', timeZone: 'Europe/Moscow' });
    expect(moved.end?.dateTime).toBe('2025-03-06T13:00:00+03:00');
    expect(moved.sequence).toBe(1);
    expect(fake.invitations.map((i) => [i.to, i.update])).toEqual([['alice@example.com', true]]);
    expect(Calendar.Events.list(HR_CAL, { syncToken: token }).items?.map((x) => x.start?.dateTime)).toEqual(['2025-03-06T12:00:00+03:00']);
    fake.person.cancel(e.id!);
    expect(fake.events(HR_CAL)).toHaveLength(0);
    expect(fake.invitations.map((i) => i.method)).toEqual(['REQUEST', 'CANCEL']);
    expect(() => fake.person.move(e.id!, Date.parse('2025-03-07T09:00:00Z'))).toThrow(/cancelled/);
  });

  test("a guest's answer sets their responseStatus without a new sequence; a stranger cannot answer", () => {
    const { Calendar, fake } = setup();
    const e = Calendar.Events.insert(interview({ attendees: [{ email: 'alice@example.com' }, { email: 'bob@example.com' }] }), HR_CAL);
    const token = Calendar.Events.list(HR_CAL).nextSyncToken;
    const after = fake.person.respond(e.id!, 'Alice@Example.com', 'declined');
    expect(after.attendees?.map((a) => [a.email, a.responseStatus])).toEqual([
      ['alice@example.com', 'declined'],
      ['bob@example.com', 'needsAction'],
    ]);
    expect(after.sequence).toBe(0);
    expect(Calendar.Events.list(HR_CAL, { syncToken: token }).items?.map((x) => x.id)).toEqual([e.id]);
    expect(() => fake.person.respond(e.id!, 'eve@example.com', 'accepted')).toThrow(/not a guest/);
    expect(() => fake.person.respond(e.id!, 'bob@example.com', 'maybe')).toThrow(/accepted, declined, tentative/);
  });
});

describe('invitations: a hidden guest list and the Meet link', () => {
  test('with guestsCanSeeOtherGuests false each guest sees only the organizer and themself; private properties and alarms stay out', async () => {
    const dir = tempDir();
    try {
      const { rt, Calendar, fake } = setup({ stateDir: dir });
      Calendar.Events.insert(
        interview({
          guestsCanSeeOtherGuests: false,
          attendees: [{ email: 'alice@example.com' }, { email: 'bob@example.com' }],
          conferenceData: MEET,
          extendedProperties: { private: { secret: 'internal note' } },
          reminders: { useDefault: false, overrides: [{ method: 'popup', minutes: 20 }] },
        }),
        HR_CAL,
        { sendUpdates: 'all', conferenceDataVersion: 1 },
      );
      rt.clock.advance(CONFERENCE_DELAY_MS);
      const id = fake.events(HR_CAL)[0].id!;
      Calendar.Events.patch({ summary: 'Interview (room changed)' }, HR_CAL, id, { sendUpdates: 'all' });
      await fake.flush();
      const files = fs.readdirSync(path.join(dir, 'calendar', 'invitations')).sort();
      expect(files).toHaveLength(4);
      for (const file of files) {
        const mail = await simpleParser(fs.readFileSync(path.join(dir, 'calendar', 'invitations', file)));
        const to = file.includes('alice') ? 'alice@example.com' : 'bob@example.com';
        const other = to === 'alice@example.com' ? 'bob@example.com' : 'alice@example.com';
        expect(mail.text).toContain(to);
        expect(mail.text).not.toContain(other);
        const ics = mail.attachments.find((a) => a.contentType.startsWith('text/calendar'))!.content.toString();
        expect(ics).not.toContain(other);
        expect(ics).not.toContain('internal note');
        expect(ics).not.toContain('BEGIN:VALARM');
        const { events } = parseIcs(ics);
        expect(events[0].attendees.map((a) => String(a.getFirstValue()).replace(/^mailto:/i, ''))).toEqual([to]);
      }
      // The update was sent after the Meet link was made: it carries it.
      const update = await simpleParser(fs.readFileSync(path.join(dir, 'calendar', 'invitations', files[2])));
      expect(update.text).toMatch(/Join with Google Meet: https:\/\/meet\.google\.com\/[a-z-]+/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
