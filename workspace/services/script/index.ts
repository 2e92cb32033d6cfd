/**
 * ScriptApp fake: installable triggers (clock and spreadsheet), persisted in the state
 * folder as `triggers.json` (owner, handler, kind, schedule), plus the enums and a few
 * script facts. When clock triggers fire is decided by ./schedule (firingsBetween).
 *
 * Google behaviour reproduced
 * (https://developers.google.com/apps-script/reference/script/script-app,
 *  .../clock-trigger-builder, .../spreadsheet-trigger-builder, .../trigger,
 *  https://developers.google.com/apps-script/guides/triggers/installable,
 *  https://developers.google.com/apps-script/guides/services/quotas#current_limitations):
 * - "Triggers: 20 / user / script": the 21st trigger of one user throws "This script has
 *   too many triggers. Triggers must be deleted from the script before more can be added."
 *   (text as users report it).
 * - everyMinutes(n) takes only 1, 5, 10, 15 or 30: else "The value you passed to
 *   everyMinutes was invalid. It must be one of 1, 5, 10, 15 or 30." (users' logs).
 *   everyHours(n) takes only 1, 2, 4, 6, 8 or 12: else "The value you passed to
 *   everyHours was invalid." (only this prefix is attested; the real text may go on).
 * - getProjectTriggers() returns only the current (effective) user's triggers of this
 *   project ("A given account cannot see triggers installed from a second account");
 *   getUserTriggers(spreadsheet) only this user's triggers on that spreadsheet.
 * - Installable triggers run as the user who created them (TriggerRecord.owner).
 * - Trigger.getTriggerSourceId() is null for clock triggers, the spreadsheet id otherwise.
 * - Enum members are objects (compare with ScriptApp.EventType.CLOCK, not a string);
 *   String(member) is the name.
 * Texts NOT verified against Google (its wording is not published; the generic
 * "Invalid argument: <name>" pattern of Apps Script is used): atHour outside 0–23,
 * nearMinute outside 0–59, onMonthDay outside 1–31, everyDays/everyWeeks below 1,
 * an unknown inTimezone, and create() without a schedule or an event type.
 * Left out: form, document and calendar triggers; checking that the handler function
 * exists; getService/getAuthorizationInfo/getIdentityToken.
 */
import { randomUUID } from 'crypto';
import type { FakeService, Runtime } from '../../runtime/runtime';
import { isValidTimeZone } from '../../runtime/tz';
import { JsonState } from '../properties/jsonState';
import { ClockSchedule, EventTypeName, Firing, firingsBetween, TriggerRecord, TriggerSourceName, WEEKDAY_NAMES, WeekDayName } from './schedule';

export { firingsBetween } from './schedule';
export type { ClockSchedule, Firing, TriggerRecord } from './schedule';

export const TRIGGERS_PER_USER = 20;
export const TOO_MANY_TRIGGERS = 'This script has too many triggers. Triggers must be deleted from the script before more can be added.';
export const EVERY_MINUTES_INVALID = 'The value you passed to everyMinutes was invalid. It must be one of 1, 5, 10, 15 or 30.';
export const EVERY_HOURS_INVALID = 'The value you passed to everyHours was invalid.';
const EVERY_MINUTES = [1, 5, 10, 15, 30];
const EVERY_HOURS = [1, 2, 4, 6, 8, 12];

export interface EnumMember {
  toString(): string;
}

function makeEnum<N extends string>(names: readonly N[]): Readonly<Record<N, EnumMember>> {
  const e = {} as Record<N, EnumMember>;
  for (const name of names) e[name] = Object.freeze({ toString: () => name });
  return Object.freeze(e);
}

export const AuthMode = makeEnum(['NONE', 'CUSTOM_FUNCTION', 'LIMITED', 'FULL'] as const);
export const EventType = makeEnum(['CLOCK', 'ON_OPEN', 'ON_EDIT', 'ON_FORM_SUBMIT', 'ON_CHANGE', 'ON_EVENT_UPDATED'] as const);
export const TriggerSource = makeEnum(['SPREADSHEETS', 'CLOCK', 'FORMS', 'DOCUMENTS', 'CALENDAR'] as const);
export const WeekDay = makeEnum(['SUNDAY', ...WEEKDAY_NAMES] as const);

export interface ScriptAppOptions {
  /** The bound spreadsheet's id: spreadsheetTriggers()/editTriggers() list only triggers on it. */
  spreadsheetId?: string;
  scriptId?: string;
}

/** One due run of a clock trigger, flattened for the runner. */
export interface ClockFiring extends Firing {
  id: string;
  handler: string;
  /** The trigger's owner: the run's effective user. */
  owner: string;
}

export interface ScriptAppFake extends FakeService {
  /** Every trigger in the file, all users. */
  allTriggers(): TriggerRecord[];
  /** Installable triggers of `eventType` on the bound spreadsheet (all users; each runs as its owner). */
  spreadsheetTriggers(eventType: EventTypeName): TriggerRecord[];
  /** Installable on-edit triggers (all users). */
  editTriggers(): TriggerRecord[];
  hasClockTriggers(): boolean;
  /** Clock-trigger firings in [fromMs, toMs) (half-open), in `timeZone` (default: the script's). */
  clockFiringsBetween(fromMs: number, toMs: number, timeZone?: string): ClockFiring[];
}

interface TriggersFile {
  triggers: TriggerRecord[];
}

export function createScriptApp(rt: Runtime, options: ScriptAppOptions = {}): ScriptAppFake {
  const state = new JsonState<TriggersFile>(rt, 'triggers.json', () => ({ triggers: [] }));
  const me = () => rt.execution.effectiveUser;
  const invalid = (name: string) => rt.error(`Invalid argument: ${name}`);

  const toTrigger = (r: TriggerRecord) => ({
    // Local getters of a value object: no service round trip on Google either.
    getUniqueId: () => r.id,
    getHandlerFunction: () => r.handler,
    getEventType: () => EventType[r.eventType],
    getTriggerSource: () => TriggerSource[r.source],
    getTriggerSourceId: () => r.sourceId,
  });

  function save(record: Omit<TriggerRecord, 'id' | 'owner' | 'createdAtMs'>) {
    rt.call('TriggerBuilder.create');
    const full: TriggerRecord = {
      id: BigInt('0x' + randomUUID().replace(/-/g, '').slice(0, 15)).toString(),
      owner: me(),
      createdAtMs: rt.clock.nowMs(),
      ...record,
    };
    state.update((doc) => {
      if (doc.triggers.filter((t) => t.owner === full.owner).length >= TRIGGERS_PER_USER) {
        throw rt.error(TOO_MANY_TRIGGERS);
      }
      doc.triggers.push(full);
    });
    return toTrigger(full);
  }

  function clockBuilder(handler: string) {
    const s: Partial<ClockSchedule> = {};
    const kinds = new Set<ClockSchedule['kind']>();
    const intIn = (v: unknown, lo: number, hi: number) => Number.isInteger(Number(v)) && Number(v) >= lo && Number(v) <= hi;
    const step = (method: string, apply: () => void) => {
      rt.call(`ClockTriggerBuilder.${method}`);
      apply();
      return b;
    };
    const b = {
      everyMinutes: (n: number) =>
        step('everyMinutes', () => {
          if (!EVERY_MINUTES.includes(Number(n))) throw rt.error(EVERY_MINUTES_INVALID);
          kinds.add('minutes');
          s.every = Number(n);
        }),
      everyHours: (n: number) =>
        step('everyHours', () => {
          if (!EVERY_HOURS.includes(Number(n))) throw rt.error(EVERY_HOURS_INVALID);
          kinds.add('hours');
          s.every = Number(n);
        }),
      everyDays: (n: number) =>
        step('everyDays', () => {
          if (!intIn(n, 1, Infinity)) throw invalid('n');
          kinds.add('days');
          s.every = Number(n);
        }),
      everyWeeks: (n: number) =>
        step('everyWeeks', () => {
          if (!intIn(n, 1, Infinity)) throw invalid('n');
          kinds.add('weeks');
          s.every = Number(n);
        }),
      onWeekDay: (day: EnumMember) =>
        step('onWeekDay', () => {
          const name = String(day);
          const iso = name === 'SUNDAY' ? 'SUNDAY' : WEEKDAY_NAMES.find((w) => w === name);
          if (!iso) throw invalid('day');
          kinds.add('weeks');
          s.weekDay = iso as WeekDayName;
        }),
      onMonthDay: (day: number) =>
        step('onMonthDay', () => {
          if (!intIn(day, 1, 31)) throw invalid('day');
          kinds.add('monthDay');
          s.monthDay = Number(day);
        }),
      atHour: (hour: number) =>
        step('atHour', () => {
          if (!intIn(hour, 0, 23)) throw invalid('hour');
          s.atHour = Number(hour);
        }),
      nearMinute: (minute: number) =>
        step('nearMinute', () => {
          if (!intIn(minute, 0, 59)) throw invalid('minute');
          s.nearMinute = Number(minute);
        }),
      inTimezone: (timezone: string) =>
        step('inTimezone', () => {
          if (!isValidTimeZone(String(timezone))) throw invalid('timezone');
          s.timeZone = String(timezone);
        }),
      at: (date: Date) =>
        step('at', () => {
          kinds.add('once');
          s.atMs = date.getTime();
        }),
      after: (durationMilliseconds: number) =>
        step('after', () => {
          kinds.add('once');
          s.atMs = rt.clock.nowMs() + Number(durationMilliseconds);
        }),
      atDate: (year: number, month: number, day: number) =>
        step('atDate', () => {
          kinds.add('once');
          s.atDate = { year: Number(year), month: Number(month), day: Number(day) };
        }),
      create() {
        // A weekly trigger may name its day with both everyWeeks and onWeekDay.
        if (kinds.size !== 1) throw invalid('schedule');
        const schedule = { ...s, kind: [...kinds][0] } as ClockSchedule;
        return save({ handler, eventType: 'CLOCK', source: 'CLOCK', sourceId: null, schedule });
      },
    };
    return b;
  }

  function spreadsheetBuilder(handler: string, spreadsheetId: string) {
    let eventType: EventTypeName | undefined;
    const on = (method: string, type: EventTypeName) => () => {
      rt.call(`SpreadsheetTriggerBuilder.${method}`);
      eventType = type;
      return b;
    };
    const b = {
      onOpen: on('onOpen', 'ON_OPEN'),
      onEdit: on('onEdit', 'ON_EDIT'),
      onChange: on('onChange', 'ON_CHANGE'),
      onFormSubmit: on('onFormSubmit', 'ON_FORM_SUBMIT'),
      create() {
        if (!eventType) throw invalid('eventType');
        return save({ handler, eventType, source: 'SPREADSHEETS' as TriggerSourceName, sourceId: spreadsheetId });
      },
    };
    return b;
  }

  const idOf = (spreadsheetOrId: unknown): string => {
    if (typeof spreadsheetOrId === 'string') return spreadsheetOrId;
    const getId = (spreadsheetOrId as { getId?: () => string } | null | undefined)?.getId;
    if (typeof getId !== 'function') throw invalid('spreadsheet');
    return String(getId.call(spreadsheetOrId));
  };

  const mine = () => state.read().triggers.filter((t) => t.owner === me());

  const ScriptApp = {
    AuthMode,
    EventType,
    TriggerSource,
    WeekDay,
    newTrigger(functionName: string) {
      rt.call('ScriptApp.newTrigger');
      const handler = String(functionName);
      return {
        timeBased() {
          rt.call('TriggerBuilder.timeBased');
          return clockBuilder(handler);
        },
        forSpreadsheet(spreadsheetOrId: unknown) {
          rt.call('TriggerBuilder.forSpreadsheet');
          return spreadsheetBuilder(handler, idOf(spreadsheetOrId));
        },
      };
    },
    getProjectTriggers() {
      rt.call('ScriptApp.getProjectTriggers');
      return rt.realm.Array.from(mine().map(toTrigger));
    },
    getUserTriggers(spreadsheet: unknown) {
      rt.call('ScriptApp.getUserTriggers');
      const id = idOf(spreadsheet);
      return rt.realm.Array.from(
        mine()
          .filter((t) => t.source === 'SPREADSHEETS' && t.sourceId === id)
          .map(toTrigger),
      );
    },
    deleteTrigger(trigger: { getUniqueId(): string }) {
      rt.call('ScriptApp.deleteTrigger');
      const id = trigger.getUniqueId();
      state.update((doc) => {
        doc.triggers = doc.triggers.filter((t) => !(t.id === id && t.owner === me()));
      });
    },
    getScriptId() {
      rt.call('ScriptApp.getScriptId');
      return options.scriptId ?? '1LocalWorkspaceFakeScriptId';
    },
    getOAuthToken() {
      rt.call('ScriptApp.getOAuthToken');
      return 'ya29.local-workspace-fake-token';
    },
  };

  const spreadsheetTriggers = (eventType: EventTypeName) =>
    state
      .read()
      .triggers.filter(
        (t) =>
          t.source === 'SPREADSHEETS' &&
          t.eventType === eventType &&
          (options.spreadsheetId === undefined || t.sourceId === options.spreadsheetId),
      );

  return {
    globals: { ScriptApp },
    flush() {}, // written through on create/delete
    allTriggers: () => state.read().triggers,
    spreadsheetTriggers,
    editTriggers: () => spreadsheetTriggers('ON_EDIT'),
    hasClockTriggers: () => state.read().triggers.some((t) => t.eventType === 'CLOCK'),
    clockFiringsBetween: (fromMs, toMs, timeZone = rt.scriptTimeZone) =>
      firingsBetween(state.read().triggers, fromMs, toMs, timeZone).map((f) => ({
        ...f,
        id: f.trigger.id,
        handler: f.trigger.handler,
        owner: f.trigger.owner,
      })),
  };
}
