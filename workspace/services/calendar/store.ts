/**
 * The calendars and their events: calendar.json in the state folder is the source of truth
 * (calendar_v3 Schema$Event objects per calendar id), loaded once at creation and written by
 * flush(). Deleted events stay as status "cancelled", as on Google ("The get method always
 * returns them"), and are left out of the .ics exports.
 *
 * Also keeps the instants at which each user created events, for the create limits (limits.ts).
 */
import { randomBytes } from 'crypto';
import type { calendar_v3 } from 'googleapis';
import type { Runtime } from '../../runtime/runtime';

export const STATE_FILE = 'calendar.json';

export interface StoredCalendar {
  id: string;
  summary: string;
  timeZone: string;
  events: calendar_v3.Schema$Event[];
  /** The calendar's last change number and each event's (sync tokens, sync.ts). */
  changeSeq?: number;
  changes?: Record<string, number>;
  /** Conferences being created, by event id (conference.ts). */
  conferences?: Record<string, { readyAt: number; code: string }>;
}

export interface CalendarDoc {
  calendars: Record<string, StoredCalendar>;
  /** Per effective user: ISO instants of event creations in the last 24 hours. */
  creates: Record<string, string[]>;
}

export interface CalendarSeed {
  id: string;
  summary?: string;
  timeZone?: string;
}

const DAY_MS = 24 * 3600 * 1000;
const BASE32HEX = '0123456789abcdefghijklmnopqrstuv';

/** A new event id as Google makes them: 26 lowercase base32hex characters. */
export function newEventId(): string {
  const bytes = randomBytes(26);
  let id = '';
  for (const b of bytes) id += BASE32HEX[b % 32];
  return id;
}

export class CalendarStore {
  private doc: CalendarDoc;
  private readonly declared: Map<string, CalendarSeed>;
  private readonly creates = new Map<string, number[]>();

  constructor(
    private readonly rt: Runtime,
    seeds: CalendarSeed[],
  ) {
    this.doc = rt.state ? rt.state.read<CalendarDoc>(STATE_FILE, { calendars: {}, creates: {} }) : { calendars: {}, creates: {} };
    this.doc.calendars ??= {};
    this.doc.creates ??= {};
    this.declared = new Map(seeds.map((s) => [s.id, s]));
    for (const seed of seeds) this.ensure(seed.id);
  }

  /** 'primary' is the effective user's own calendar, whose id is their address. */
  resolveId(calendarId: string): string {
    return calendarId === 'primary' ? this.rt.execution.effectiveUser : calendarId;
  }

  /**
   * The calendar, created on first use when it is the user's primary one or was declared in
   * the options; null for any other id (Google answers Not Found).
   */
  find(calendarId: string): StoredCalendar | null {
    const id = this.resolveId(calendarId);
    if (this.doc.calendars[id]) return this.doc.calendars[id];
    if (id === this.rt.execution.effectiveUser || this.declared.has(id)) return this.ensure(id);
    return null;
  }

  all(): StoredCalendar[] {
    return Object.values(this.doc.calendars);
  }

  private ensure(id: string): StoredCalendar {
    const existing = this.doc.calendars[id];
    if (existing) return existing;
    const seed = this.declared.get(id);
    const created: StoredCalendar = {
      id,
      summary: seed?.summary ?? id,
      timeZone: seed?.timeZone ?? this.rt.scriptTimeZone,
      events: [],
    };
    this.doc.calendars[id] = created;
    return created;
  }

  /** Creation instants (ms) of the effective user within the last `windowMs`. */
  createsWithin(windowMs: number): number[] {
    const now = this.rt.clock.nowMs();
    return this.createsOf(this.rt.execution.effectiveUser).filter((ms) => ms > now - windowMs && ms <= now);
  }

  recordCreate(): void {
    const now = this.rt.clock.nowMs();
    const list = this.createsOf(this.rt.execution.effectiveUser);
    // Only the last day matters; older entries are dropped as new ones come in.
    while (list.length > 0 && list[0] <= now - DAY_MS) list.shift();
    list.push(now);
  }

  private createsOf(user: string): number[] {
    let list = this.creates.get(user);
    if (!list) {
      list = (this.doc.creates[user] ?? []).map((s) => Date.parse(s));
      this.creates.set(user, list);
    }
    return list;
  }

  save(): void {
    for (const [user, list] of this.creates) this.doc.creates[user] = list.map((ms) => new Date(ms).toISOString());
    this.rt.state?.write(STATE_FILE, this.doc);
  }
}
