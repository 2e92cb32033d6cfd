import { actionEvent, addonEvent, calendarEventObject, commonEventObject, gmailEventObject } from '../../../workspace/services/card';

const AT = Date.parse('2026-11-24T07:00:00Z');
const calendar = {
  eventId: 'evt123_20261124T070000Z',
  calendarId: 'owner@example.com',
  organizerEmail: 'owner@example.com',
  attendees: [
    { email: 'Owner@Example.com', responseStatus: 'accepted' as const },
    { email: 'peter@acme.example', displayName: 'Peter' },
  ],
  userEmail: 'peter@acme.example',
  userCanEdit: false,
};

describe('add-on event objects', () => {
  test('commonEventObject: locale and zone only with useLocaleFromApp; the offset in ms at that instant', () => {
    expect(commonEventObject({ hostApp: 'CALENDAR', atMs: AT, userLocale: 'ru-RU', userTimeZone: 'Europe/Moscow' })).toEqual({
      hostApp: 'CALENDAR',
      platform: 'WEB',
    });
    expect(
      commonEventObject({
        hostApp: 'GMAIL',
        platform: 'ANDROID',
        atMs: AT,
        userLocale: 'ru-RU',
        userTimeZone: 'Europe/Moscow',
        useLocaleFromApp: true,
      }),
    ).toEqual({
      hostApp: 'GMAIL',
      platform: 'ANDROID',
      userLocale: 'ru-RU',
      timeZone: { id: 'Europe/Moscow', offset: 3 * 3600_000 },
    });
    // Across DST: New York is UTC-5 in winter, UTC-4 in summer.
    const ny = (iso: string) =>
      commonEventObject({ hostApp: 'GMAIL', atMs: Date.parse(iso), userTimeZone: 'America/New_York', useLocaleFromApp: true }).timeZone!.offset;
    expect([ny('2026-01-15T12:00:00Z'), ny('2026-07-15T12:00:00Z')]).toEqual([-5 * 3600_000, -4 * 3600_000]);
  });

  test('calendar: what each currentEventAccess level gives', () => {
    expect(calendarEventObject({ ...calendar, access: 'UNSPECIFIED' })).toEqual({
      capabilities: {
        canAddAttendees: false,
        canSeeAttendees: false,
        canSeeConferenceData: false,
        canSetConferenceData: false,
        canAddAttachments: false,
      },
    });
    const metadata = calendarEventObject({ ...calendar, access: 'METADATA', recurringEventId: 'evt123' });
    expect(metadata).toEqual({
      id: 'evt123_20261124T070000Z',
      calendarId: 'owner@example.com',
      organizer: { email: 'owner@example.com' },
      recurringEventId: 'evt123',
      capabilities: {
        canAddAttendees: false,
        canSeeAttendees: false,
        canSeeConferenceData: false,
        canSetConferenceData: false,
        canAddAttachments: false,
      },
    });
    expect(metadata.attendees).toBeUndefined();
    const read = calendarEventObject({ ...calendar, access: 'READ', conferenceData: { conferenceId: 'abc-defg-hij' } });
    expect(read.attendees).toEqual([
      {
        email: 'Owner@Example.com',
        responseStatus: 'accepted',
        optional: false,
        resource: false,
        additionalGuests: 0,
        organizer: true,
        self: false,
      },
      {
        email: 'peter@acme.example',
        displayName: 'Peter',
        responseStatus: 'needsAction',
        optional: false,
        resource: false,
        additionalGuests: 0,
        organizer: false,
        self: true,
      },
    ]);
    expect(read.conferenceData).toEqual({ conferenceId: 'abc-defg-hij' });
    expect(read.recurringEventId).toBeUndefined();
    // WRITE lets the add-on act only where the user may edit the event.
    expect(calendarEventObject({ ...calendar, access: 'READ_WRITE' }).capabilities.canAddAttendees).toBe(false);
    expect(calendarEventObject({ ...calendar, access: 'READ_WRITE', userCanEdit: true }).capabilities).toEqual({
      canAddAttendees: true,
      canSeeAttendees: true,
      canSeeConferenceData: true,
      canSetConferenceData: true,
      canAddAttachments: true,
    });
  });

  test('gmail: message, thread and access token', () => {
    expect(gmailEventObject({ messageId: '18c1f0e2a3b4c5d6', threadId: '18c1f0e2a3b4c5d0', accessToken: 'tok' })).toEqual({
      messageId: '18c1f0e2a3b4c5d6',
      threadId: '18c1f0e2a3b4c5d0',
      accessToken: 'tok',
    });
    expect(gmailEventObject({ messageId: 'm1', threadId: 't1' }).accessToken).toBe('local-gmail-token:m1');
  });

  test('addonEvent: one host object; no authorizationEventObject for Apps Script', () => {
    const common = { hostApp: 'GMAIL' as const, atMs: AT };
    const auth = { userOAuthToken: 'ya29.x', userIdToken: 'id.x' };
    const gmail = { messageId: 'm1', threadId: 't1' };
    expect(addonEvent({ common, gmail, authorization: auth })).toEqual({
      commonEventObject: { hostApp: 'GMAIL', platform: 'WEB' },
      gmail: { messageId: 'm1', threadId: 't1', accessToken: 'local-gmail-token:m1' },
    });
    expect(addonEvent({ common, gmail, runtime: 'HTTP', authorization: auth }).authorizationEventObject).toEqual(auth);
    expect(() => addonEvent({ common, calendar: { ...calendar, access: 'READ' } })).toThrow(
      'A calendar object needs hostApp CALENDAR, not GMAIL.',
    );
    expect(() => addonEvent({ common: { ...common, hostApp: 'CALENDAR' }, calendar: { ...calendar, access: 'READ' }, gmail })).toThrow(
      'calendar or gmail, not both',
    );
    expect(addonEvent({ common: { hostApp: 'SHEETS', atMs: AT } })).toEqual({ commonEventObject: { hostApp: 'SHEETS', platform: 'WEB' } });
  });

  test('actionEvent adds formInputs and parameters, omitting empty ones, without touching the trigger event', () => {
    const base = addonEvent({ common: { hostApp: 'CALENDAR', atMs: AT }, calendar: { ...calendar, access: 'METADATA' } });
    const formInputs = { comment: { stringInputs: { value: ['Done'] } } };
    const event = actionEvent(base, formInputs, { callId: 'CALL-1' });
    expect(event.commonEventObject).toEqual({ hostApp: 'CALENDAR', platform: 'WEB', formInputs, parameters: { callId: 'CALL-1' } });
    expect(event.calendar).toEqual(base.calendar);
    expect(base.commonEventObject.formInputs).toBeUndefined();
    formInputs.comment.stringInputs.value.push('mutated');
    expect(event.commonEventObject.formInputs!.comment.stringInputs!.value).toEqual(['Done']);
    expect(actionEvent(event, {}).commonEventObject).toEqual({ hostApp: 'CALENDAR', platform: 'WEB' });
  });
});
