import {
  createScriptApp,
  EVERY_HOURS_INVALID,
  EVERY_MINUTES_INVALID,
  firingsBetween,
  ScriptAppFake,
  TOO_MANY_TRIGGERS,
} from '../../../workspace/services/script';
import { Runtime } from '../../../workspace/runtime/runtime';
import { runtime, T0, tempStateDir, thrown } from './helpers';

interface Trigger {
  getUniqueId(): string;
  getHandlerFunction(): string;
  getEventType(): unknown;
  getTriggerSource(): unknown;
  getTriggerSourceId(): string | null;
}
type Builder = Record<string, (...args: unknown[]) => Builder> & { create(): Trigger };
interface App {
  newTrigger(fn: string): { timeBased(): Builder; forSpreadsheet(ss: unknown): Builder };
  getProjectTriggers(): Trigger[];
  getUserTriggers(ss: unknown): Trigger[];
  deleteTrigger(t: Trigger): void;
  EventType: Record<string, unknown>;
  TriggerSource: Record<string, unknown>;
  WeekDay: Record<string, unknown>;
  AuthMode: Record<string, unknown>;
  getScriptId(): string;
  getOAuthToken(): string;
}
const app = (fake: ScriptAppFake) => fake.globals.ScriptApp as App;
const iso = (ms: number) => new Date(ms).toISOString();
const HOUR = 3600000;

function clock(rt: Runtime, fn = 'tick') {
  const fake = createScriptApp(rt);
  return { fake, b: app(fake).newTrigger(fn).timeBased() };
}

describe('ScriptApp fake: installable triggers', () => {
  test("the 21st trigger of one user is refused with Google's text; other users have their own 20", () => {
    const dir = tempStateDir();
    const ann = createScriptApp(runtime(dir, { execution: { activeUser: 'ann@example.com' } }));
    for (let i = 0; i < 20; i++) app(ann).newTrigger(`f${i}`).timeBased().everyHours(1).create();
    const e = thrown(() => app(ann).newTrigger('f20').timeBased().everyHours(1).create());
    expect(e.message).toBe(TOO_MANY_TRIGGERS);
    expect(e.message).toBe('This script has too many triggers. Triggers must be deleted from the script before more can be added.');
    expect(e.name).toBe('Exception');
    expect(app(ann).getProjectTriggers()).toHaveLength(20);
    const bob = createScriptApp(runtime(dir, { execution: { activeUser: 'bob@example.com' } }));
    expect(() => app(bob).newTrigger('g').forSpreadsheet('sheet-1').onEdit().create()).not.toThrow();
    app(ann).deleteTrigger(app(ann).getProjectTriggers()[0]);
    expect(() => app(ann).newTrigger('f20').timeBased().everyHours(1).create()).not.toThrow();
  });

  test('everyMinutes takes only 1, 5, 10, 15 or 30 and everyHours only 1, 2, 4, 6, 8 or 12', () => {
    const { b } = clock(runtime());
    expect(thrown(() => b.everyMinutes(7)).message).toBe(EVERY_MINUTES_INVALID);
    expect(EVERY_MINUTES_INVALID).toBe('The value you passed to everyMinutes was invalid. It must be one of 1, 5, 10, 15 or 30.');
    expect(thrown(() => b.everyHours(3)).message).toBe(EVERY_HOURS_INVALID);
    for (const n of [1, 5, 10, 15, 30]) expect(() => clock(runtime()).b.everyMinutes(n)).not.toThrow();
    for (const n of [1, 2, 4, 6, 8, 12]) expect(() => clock(runtime()).b.everyHours(n)).not.toThrow();
  });

  test('out-of-range builder arguments and a trigger without a schedule are refused', () => {
    expect(() => clock(runtime()).b.atHour(24)).toThrow('Invalid argument: hour');
    expect(() => clock(runtime()).b.nearMinute(60)).toThrow('Invalid argument: minute');
    expect(() => clock(runtime()).b.inTimezone('Mars/Olympus')).toThrow('Invalid argument: timezone');
    expect(() => clock(runtime()).b.atHour(9).create()).toThrow('Invalid argument: schedule');
    const fake = createScriptApp(runtime());
    expect(() => app(fake).newTrigger('f').forSpreadsheet('s').create()).toThrow('Invalid argument: eventType');
  });

  test("getProjectTriggers lists only the current user's triggers, kept across processes", () => {
    const dir = tempStateDir();
    const ann = runtime(dir, { execution: { activeUser: 'ann@example.com' } });
    app(createScriptApp(ann)).newTrigger('daily').timeBased().everyDays(1).atHour(9).create();
    app(createScriptApp(runtime(dir, { execution: { activeUser: 'bob@example.com' } })))
      .newTrigger('bobs')
      .timeBased()
      .everyHours(1)
      .create();
    const later = app(createScriptApp(runtime(dir, { execution: { activeUser: 'ann@example.com' } })));
    expect(later.getProjectTriggers().map((t) => t.getHandlerFunction())).toEqual(['daily']);
    expect(
      createScriptApp(ann)
        .allTriggers()
        .map((t) => t.owner)
        .sort(),
    ).toEqual(['ann@example.com', 'bob@example.com']);
  });

  test('a trigger reports its handler, event type, source and source id as Google enums', () => {
    const fake = createScriptApp(runtime());
    const a = app(fake);
    const clockTrigger = a.newTrigger('tick').timeBased().everyMinutes(5).create();
    const ss = { getId: () => 'sheet-42' };
    const editTrigger = a.newTrigger('onEditInstalled').forSpreadsheet(ss).onEdit().create();
    expect(clockTrigger.getEventType()).toBe(a.EventType.CLOCK);
    expect(clockTrigger.getEventType()).not.toBe('CLOCK'); // an enum object, as on Google
    expect(String(clockTrigger.getEventType())).toBe('CLOCK');
    expect(clockTrigger.getTriggerSource()).toBe(a.TriggerSource.CLOCK);
    expect(clockTrigger.getTriggerSourceId()).toBeNull();
    expect(editTrigger.getEventType()).toBe(a.EventType.ON_EDIT);
    expect(editTrigger.getTriggerSource()).toBe(a.TriggerSource.SPREADSHEETS);
    expect(editTrigger.getTriggerSourceId()).toBe('sheet-42');
    expect(clockTrigger.getUniqueId()).toMatch(/^\d+$/);
    expect(a.getUserTriggers(ss).map((t) => t.getHandlerFunction())).toEqual(['onEditInstalled']);
    expect(fake.editTriggers().map((t) => t.handler)).toEqual(['onEditInstalled']);
    expect(Object.keys(a.AuthMode)).toEqual(['NONE', 'CUSTOM_FUNCTION', 'LIMITED', 'FULL']);
    expect(typeof a.getOAuthToken()).toBe('string');
  });

  test('deleteTrigger removes the trigger for good', () => {
    const dir = tempStateDir();
    const a = app(createScriptApp(runtime(dir)));
    const t = a.newTrigger('x').timeBased().everyHours(2).create();
    a.deleteTrigger(t);
    expect(app(createScriptApp(runtime(dir))).getProjectTriggers()).toEqual([]);
  });
});

describe('firingsBetween: when clock triggers fire', () => {
  test('everyMinutes(15) fires at the start of each 15-minute interval after creation', () => {
    const { fake, b } = clock(runtime()); // created just after 07:00:00Z
    b.everyMinutes(15).create();
    const times = fake.clockFiringsBetween(T0 - HOUR, T0 + HOUR).map((f) => iso(f.atMs));
    expect(times).toEqual(['2024-03-25T07:15:00.000Z', '2024-03-25T07:30:00.000Z', '2024-03-25T07:45:00.000Z']); // half-open window: 08:00 belongs to the next one
  });

  test('everyHours(6) fires on the local 6-hour grid of the script zone', () => {
    const { fake, b } = clock(runtime()); // Europe/Moscow, UTC+3
    b.everyHours(6).create();
    const times = fake.clockFiringsBetween(T0, T0 + 24 * HOUR).map((f) => iso(f.atMs));
    // Moscow 12:00, 18:00, 00:00, 06:00
    expect(times).toEqual(['2024-03-25T09:00:00.000Z', '2024-03-25T15:00:00.000Z', '2024-03-25T21:00:00.000Z', '2024-03-26T03:00:00.000Z']);
  });

  test('a daily 09:00 trigger in Europe/Berlin stays at 09:00 wall time across both DST changes', () => {
    const rt = runtime(undefined, { now: new Date(Date.UTC(2024, 2, 28, 12)) });
    const { fake, b } = clock(rt);
    b.everyDays(1).atHour(9).inTimezone('Europe/Berlin').create();
    const spring = fake.clockFiringsBetween(Date.UTC(2024, 2, 29), Date.UTC(2024, 3, 2)).map((f) => iso(f.atMs));
    expect(spring).toEqual([
      '2024-03-29T08:00:00.000Z', // CET, UTC+1
      '2024-03-30T08:00:00.000Z',
      '2024-03-31T07:00:00.000Z', // CEST from 31 March, UTC+2
      '2024-04-01T07:00:00.000Z',
    ]);
    const autumn = fake.clockFiringsBetween(Date.UTC(2024, 9, 26), Date.UTC(2024, 9, 28)).map((f) => iso(f.atMs));
    expect(autumn).toEqual(['2024-10-26T07:00:00.000Z', '2024-10-27T08:00:00.000Z']);
  });

  test('the zone passed in applies to triggers without inTimezone; nearMinute sets the minute', () => {
    const { fake, b } = clock(runtime());
    b.everyDays(2).atHour(9).nearMinute(30).create();
    const days = firingsBetween(fake.allTriggers(), T0, T0 + 5 * 24 * HOUR, 'Europe/Berlin').map((f) => iso(f.atMs));
    // Created 25 March 08:00 Berlin; every 2nd day counted from that date, 09:30 CET = 08:30Z.
    expect(days).toEqual(['2024-03-25T08:30:00.000Z', '2024-03-27T08:30:00.000Z', '2024-03-29T08:30:00.000Z']);
  });

  test('a weekly onWeekDay trigger fires on that day only; at() fires once', () => {
    const rt = runtime();
    const fake = createScriptApp(rt);
    const a = app(fake);
    a.newTrigger('weekly').timeBased().onWeekDay(a.WeekDay.FRIDAY).atHour(18).create();
    a.newTrigger('once')
      .timeBased()
      .at(new Date(T0 + 3 * HOUR))
      .create();
    const runs = fake.clockFiringsBetween(T0, T0 + 14 * 24 * HOUR).map((f) => `${f.handler} ${iso(f.atMs)}`);
    expect(runs).toEqual([
      'once 2024-03-25T10:00:00.000Z',
      'weekly 2024-03-29T15:00:00.000Z', // Friday 18:00 Moscow
      'weekly 2024-04-05T15:00:00.000Z',
    ]);
    expect(fake.clockFiringsBetween(T0, T0 + HOUR)[0]).toBeUndefined();
    expect(fake.hasClockTriggers()).toBe(true);
  });

  test('nothing fires before the trigger was created', () => {
    const { fake, b } = clock(runtime());
    b.everyMinutes(1).create();
    expect(fake.clockFiringsBetween(T0 - 10 * 60000, T0)).toEqual([]);
  });
});
