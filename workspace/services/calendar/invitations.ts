/**
 * Invitations, updates and cancellations Google Calendar e-mails to guests, kept as one .eml
 * per guest (nodemailer's MailComposer) with a text/calendar; method=REQUEST|CANCEL part built by
 * ical-generator, in <icsDir>/invitations/, numbered 000001-… so a person can open the one a
 * guest received.
 *
 * sendUpdates (https://developers.google.com/workspace/calendar/api/v3/reference/events/insert):
 * "all" — to all guests; "externalOnly" — "to non-Google Calendar guests only"; "none" (the
 * default) — nothing. The deprecated sendNotifications=true means "all". Who uses Google Calendar
 * cannot be known locally: gmail.com/googlemail.com addresses, and on a Workspace account the
 * user's own domain, count as Google Calendar guests. The organizer gets no invitation.
 *
 * guestsCanSeeOtherGuests: false ("Whether attendees other than the organizer can see who the
 * event's attendees are") — the message to a guest then names only the organizer and that guest,
 * in the text and in the attached iCalendar (ATTENDEE lines). A Meet conference shows as
 * "Join with Google Meet: <link>" and as the .ics X-GOOGLE-CONFERENCE property, as Google's own
 * invitations show it.
 */
import * as fs from 'fs';
import * as path from 'path';
import MailComposer from 'nodemailer/lib/mail-composer';
import type { calendar_v3 } from 'googleapis';
import type { Runtime } from '../../runtime/runtime';
import { wallTime } from '../../runtime/tz';
import { invitationIcs } from './ics';
import { videoLink } from './conference';
import type { StoredCalendar } from './store';
import { instantOfStored } from './times';

type Event = calendar_v3.Schema$Event;
export type ItipMethod = 'REQUEST' | 'CANCEL';
export type SendUpdates = 'all' | 'externalOnly' | 'none';

export interface Invitation {
  seq: number;
  /** File name inside the invitations folder. */
  file: string;
  /** Full path, or null when nothing is written to disk. */
  path: string | null;
  method: ItipMethod;
  /** True for a changed event ("Updated invitation"). */
  update: boolean;
  calendarId: string;
  eventId: string;
  from: string;
  to: string;
  subject: string;
  sentAt: string;
}

interface Pending {
  invitation: Invitation;
  calendar: StoredCalendar;
  event: Event;
}

export function sendUpdatesOf(args: Record<string, unknown>): SendUpdates {
  const v = args.sendUpdates;
  if (v === 'all' || v === 'externalOnly' || v === 'none') return v;
  return args.sendNotifications === true ? 'all' : 'none';
}

const GOOGLE_DOMAINS = new Set(['gmail.com', 'googlemail.com']);
const WEEKDAYS = ['', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const MONTHS = ['', 'Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function when(calendar: StoredCalendar, e: Event): string {
  const zone = e.start?.timeZone ?? calendar.timeZone;
  const s = wallTime(instantOfStored(e.start, calendar.timeZone), zone);
  const day = `${WEEKDAYS[s.weekday]} ${MONTHS[s.month]} ${s.day}, ${s.year}`;
  if (!e.start?.dateTime) return day;
  const en = wallTime(instantOfStored(e.end, calendar.timeZone), zone);
  const hm = (w: { hour: number; minute: number }) => `${String(w.hour).padStart(2, '0')}:${String(w.minute).padStart(2, '0')}`;
  return `${day} ${hm(s)} - ${hm(en)} (${zone})`;
}

function fileSafe(s: string): string {
  return s.replace(/[^A-Za-z0-9._@-]+/g, '_');
}

export class InvitationOutbox {
  private readonly sent: Invitation[] = [];
  private pending: Pending[] = [];
  private nextSeq = 1;

  constructor(
    private readonly rt: Runtime,
    readonly dir: string | null,
  ) {
    if (dir && fs.existsSync(dir)) {
      for (const f of fs.readdirSync(dir)) {
        const m = /^(\d+)-.*\.eml$/.exec(f);
        if (m) this.nextSeq = Math.max(this.nextSeq, Number(m[1]) + 1);
      }
    }
  }

  all(): Invitation[] {
    return this.sent.map((i) => ({ ...i }));
  }

  /** Records one message per guest `mode` lets through (snapshots of calendar and event). */
  send(calendar: StoredCalendar, event: Event, guests: string[], method: ItipMethod, update: boolean, mode: SendUpdates): void {
    if (mode === 'none') return;
    const organizer = (event.organizer?.email ?? this.rt.execution.effectiveUser).toLowerCase();
    const user = this.rt.execution.effectiveUser.toLowerCase();
    const userDomain = user.slice(user.indexOf('@') + 1);
    const isGoogle = (email: string) => {
      const domain = email.slice(email.indexOf('@') + 1).toLowerCase();
      return GOOGLE_DOMAINS.has(domain) || (this.rt.limits.account === 'workspace' && domain === userDomain);
    };
    const label = method === 'CANCEL' ? 'Canceled event' : update ? 'Updated invitation' : 'Invitation';
    for (const to of guests) {
      const lower = to.toLowerCase();
      if (lower === organizer || lower === user) continue;
      if (mode === 'externalOnly' && isGoogle(to)) continue;
      const seq = this.nextSeq++;
      const file = `${String(seq).padStart(6, '0')}-${method.toLowerCase()}-${fileSafe(to)}.eml`;
      const invitation: Invitation = {
        seq,
        file,
        path: this.dir ? path.join(this.dir, file) : null,
        method,
        update,
        calendarId: calendar.id,
        eventId: event.id ?? '',
        from: event.organizer?.email ?? this.rt.execution.effectiveUser,
        to,
        subject: `${label}: ${event.summary ?? '(No title)'} @ ${when(calendar, event)} (${to})`,
        sentAt: new Date(this.rt.clock.nowMs()).toISOString(),
      };
      this.sent.push(invitation);
      // Snapshots: the .eml shows the event as it was when the message was sent.
      // Only what the message shows: not the calendar's events nor its change bookkeeping (sync.ts).
      const snapshot = { calendar: { id: calendar.id, summary: calendar.summary, timeZone: calendar.timeZone, events: [] }, event };
      this.pending.push({ invitation, ...(JSON.parse(JSON.stringify(snapshot)) as Omit<Pending, 'invitation'>) });
    }
  }

  /** Writes the .eml of every invitation recorded since the last flush. */
  async flush(): Promise<void> {
    if (!this.dir) {
      this.pending = [];
      return;
    }
    while (this.pending.length > 0) {
      const p = this.pending[0];
      this.rt.writeFile(path.join(this.dir, p.invitation.file), await compose(p));
      this.pending.shift();
    }
  }
}

/** The event as this guest may see it: without the other guests when the organizer hid them. */
export function guestView(e: Event, to: string): Event {
  if (e.guestsCanSeeOtherGuests !== false) return e;
  const organizer = (e.organizer?.email ?? '').toLowerCase();
  const seen = (e.attendees ?? []).filter((a) => {
    const email = (a.email ?? '').toLowerCase();
    return email === to.toLowerCase() || email === organizer || a.organizer === true;
  });
  return { ...e, attendees: seen };
}

function compose(p: Pending): Promise<Buffer> {
  const { invitation: inv, calendar } = p;
  const e = guestView(p.event, inv.to);
  const guests = (e.attendees ?? []).map((a) => `- ${a.displayName ? `${a.displayName} <${a.email}>` : a.email}`).join('\n');
  const meet = videoLink(e);
  const text = [
    inv.method === 'CANCEL'
      ? 'This event has been canceled.'
      : inv.update
        ? 'This event has been changed.'
        : 'You have been invited to the following event.',
    '',
    e.summary ?? '(No title)',
    `When: ${when(calendar, e)}`,
    e.location ? `Where: ${e.location}` : null,
    meet ? `Join with Google Meet: ${meet}` : null,
    `Organizer: ${inv.from}`,
    guests ? `Guests:\n${guests}` : null,
    e.description ? `\n${e.description}` : null,
  ]
    .filter((l) => l !== null)
    .join('\n');
  const node = new MailComposer({
    from: inv.from,
    to: inv.to,
    subject: inv.subject,
    text,
    date: new Date(Date.parse(inv.sentAt)),
    messageId: `<${inv.seq}.${Date.parse(inv.sentAt)}.calendar@reglament.local>`,
    icalEvent: { method: inv.method, filename: 'invite.ics', content: invitationIcs(calendar, e, inv.method) },
  }).compile();
  return new Promise((resolve, reject) => node.build((err, buf) => (err ? reject(err) : resolve(buf))));
}
