import * as fs from 'fs';
import * as path from 'path';
import { simpleParser } from 'mailparser';
import { USER, interview, parseIcs, setup, tempDir } from './helpers';

const guests = [{ email: 'cand@example.org', displayName: 'Anna Candidate' }, { email: 'boss@example.com' }, { email: USER }];

async function openEml(file: string) {
  const mail = await simpleParser(fs.readFileSync(file));
  const part = mail.attachments.find((a) => a.contentType === 'text/calendar');
  if (!part) throw new Error('no text/calendar part');
  return { mail, method: part.headers.get('content-type'), ics: parseIcs(part.content.toString('utf8')) };
}

describe('invitations', () => {
  test('sendUpdates "all" writes one .eml per guest with a text/calendar; method=REQUEST part', async () => {
    const { fake, Calendar } = setup({ stateDir: tempDir() });
    const e = Calendar.Events.insert(interview({ attendees: guests }), 'primary', { sendUpdates: 'all' });
    expect(fake.invitations.map((i) => [i.method, i.to])).toEqual([
      ['REQUEST', 'cand@example.org'],
      ['REQUEST', 'boss@example.com'],
    ]);
    await fake.flush();
    const inv = fake.invitations[0];
    expect(path.basename(inv.path as string)).toBe('000001-request-cand@example.org.eml');
    const { mail, method, ics } = await openEml(inv.path as string);
    expect(mail.subject).toBe('Invitation: Interview @ Wed Mar 5, 2025 10:00 - 11:00 (Europe/Moscow) (cand@example.org)');
    expect(mail.text).toContain('Bring the CV');
    expect(method).toEqual({ value: 'text/calendar', params: { charset: 'utf-8', method: 'REQUEST' } });
    expect(ics.cal.getFirstPropertyValue('method')).toBe('REQUEST');
    expect(ics.events[0].uid).toBe(e.iCalUID);
    expect(ics.events[0].attendees.map((a) => a.getFirstValue())).toEqual([
      'MAILTO:cand@example.org',
      'MAILTO:boss@example.com',
      `MAILTO:${USER}`,
    ]);
  });

  test('without sendUpdates (default "none") nobody is invited', () => {
    const { fake, Calendar } = setup();
    Calendar.Events.insert(interview({ attendees: guests }), 'primary');
    Calendar.Events.insert(interview({ attendees: guests }), 'primary', { sendUpdates: 'none' });
    expect(fake.invitations).toEqual([]);
  });

  test('"externalOnly" skips guests who use Google Calendar', () => {
    const { fake, Calendar } = setup();
    Calendar.Events.insert(interview({ attendees: [{ email: 'friend@gmail.com' }, { email: 'cand@example.org' }] }), 'primary', {
      sendUpdates: 'externalOnly',
    });
    expect(fake.invitations.map((i) => i.to)).toEqual(['cand@example.org']);
  });

  test('a patch sends updates for a new time, an invitation to an added guest and a cancellation to a removed one', () => {
    const { fake, Calendar } = setup();
    const e = Calendar.Events.insert(interview({ attendees: [{ email: 'cand@example.org' }, { email: 'boss@example.com' }] }), 'primary');
    Calendar.Events.patch(
      { start: { dateTime: '2025-03-05T12:00:00+03:00' }, end: { dateTime: '2025-03-05T13:00:00+03:00' } },
      'primary',
      e.id as string,
      {
        sendUpdates: 'all',
      },
    );
    Calendar.Events.patch({ attendees: [{ email: 'cand@example.org' }, { email: 'deputy@example.com' }] }, 'primary', e.id as string, {
      sendUpdates: 'all',
    });
    Calendar.Events.patch({ description: 'unchanged time, no guests touched' }, 'primary', e.id as string, { sendUpdates: 'none' });
    expect(fake.invitations.map((i) => [i.method, i.update, i.to])).toEqual([
      ['REQUEST', true, 'cand@example.org'],
      ['REQUEST', true, 'boss@example.com'],
      ['REQUEST', false, 'deputy@example.com'],
      ['CANCEL', false, 'boss@example.com'],
    ]);
    expect(fake.invitations[0].subject).toMatch(/^Updated invitation: Interview @ Wed Mar 5, 2025 12:00 - 13:00/);
  });

  test('remove with sendUpdates sends METHOD:CANCEL with STATUS:CANCELLED to every guest', async () => {
    const { fake, Calendar } = setup({ stateDir: tempDir() });
    const e = Calendar.Events.insert(interview({ attendees: guests }), 'primary');
    Calendar.Events.remove('primary', e.id as string, { sendUpdates: 'all' });
    expect(fake.invitations.map((i) => [i.method, i.to])).toEqual([
      ['CANCEL', 'cand@example.org'],
      ['CANCEL', 'boss@example.com'],
    ]);
    await fake.flush();
    const { mail, ics } = await openEml(fake.invitations[1].path as string);
    expect(mail.subject).toMatch(/^Canceled event: Interview @ /);
    expect(ics.cal.getFirstPropertyValue('method')).toBe('CANCEL');
    expect(ics.events[0].component.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(ics.events[0].sequence).toBe(1);
  });

  test('numbering continues from the files already in the folder', async () => {
    const stateDir = tempDir();
    const first = setup({ stateDir });
    first.Calendar.Events.insert(interview({ attendees: [{ email: 'a@example.org' }] }), 'primary', { sendUpdates: 'all' });
    await first.fake.flush();
    const second = setup({ stateDir });
    second.Calendar.Events.insert(interview({ attendees: [{ email: 'b@example.org' }] }), 'primary', { sendUpdates: 'all' });
    await second.fake.flush();
    expect(fs.readdirSync(path.join(stateDir, 'calendar', 'invitations')).sort()).toEqual([
      '000001-request-a@example.org.eml',
      '000002-request-b@example.org.eml',
    ]);
  });
});
