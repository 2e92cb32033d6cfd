/**
 * The runtime every fake shares: the simulated clock, the call meter (counts and
 * estimated Google time), the realm the bundle runs in, who is running it and from
 * where, and the state folder beside the workbook.
 *
 * Limits reproduced here:
 * - 6 minutes per execution ("Exceeded maximum execution time"), counted on the
 *   simulated clock that each service call advances by its latency.
 *   https://developers.google.com/apps-script/guides/services/quotas#current_limitations
 * - The account (consumer or Google Workspace, with its domain) that decides the daily
 *   quotas and who Session names (services/session); the daily trigger runtime is in
 *   services/script/runtime-quota.ts.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { Staged, Transaction } from './commit';
import { writeFileAtomic } from './fsutil';
import { flushMs, latencyMs, queuedMs, WRITE_FLUSH, writeCache } from '../bench/latency';

/**
 * REGLAMENT_TRACE_CALLS=1 prints every service call to stderr with the bundle's functions that
 * made it (where a run's cost comes from; a developer's tool, off by default).
 */
const TRACE = process.env.REGLAMENT_TRACE_CALLS === '1';

function traceCall(name: string, cells: number, flushes: boolean): void {
  const callers = (new Error().stack ?? '')
    .split('\n')
    .slice(3)
    .filter((l) => /Code\.js|addon/.test(l))
    .slice(0, 4)
    .map((l) =>
      l
        .trim()
        .replace(/^at /, '')
        .replace(/ \(.*\)$/, ''),
    );
  process.stderr.write(`trace: ${name}${cells ? ` ${cells} cells` : ''}${flushes ? ' (flushes)' : ''} < ${callers.join(' < ')}\n`);
}

/** Constructors of the realm the bundle runs in (a vm context): values handed to
 * the bundle must come from it, or `instanceof Date` fails there as it never would on Google. */
export interface Realm {
  Date: DateConstructor;
  Error: ErrorConstructor;
  Array: ArrayConstructor;
  Object: ObjectConstructor;
}

export function hostRealm(): Realm {
  return { Date, Error, Array, Object };
}

/** Where an execution was started from; decides e.g. whether getUi() works. */
export type ExecutionKind =
  | 'ui' // a person in the spreadsheet: menu, onOpen, onEdit, sidebar/dialog callbacks
  | 'time' // a time-driven trigger
  | 'editor'; // run from the script editor (the CLI running a function directly)

export interface Execution {
  kind: ExecutionKind;
  /** An edit trigger: the simple onEdit (runs for the editor, limited) or an installable one (as its creator). */
  trigger?: 'simple' | 'installable';
  /** Session.getActiveUser(): the person at the keyboard (empty for time triggers of others). */
  activeUser: string;
  /** Session.getEffectiveUser(): whose authority the script runs with (the trigger's owner). */
  effectiveUser: string;
}

export interface Limits {
  /** Apps Script's per-execution limit: 6 min (consumer and Workspace). */
  executionMs: number;
  /** MailApp recipients per day: 100 consumer, 1,500 Workspace. */
  mailRecipientsPerDay: number;
  /** Calendar: events created in a short window before "too many" errors. */
  calendarCreatesPerMinute: number;
  /** Calendar events created per 24 hours; absent: Google's quota for the account (calendar/limits.ts). */
  calendarCreatesPerDay?: number;
  /** Account type, for limits that depend on it. */
  account: 'consumer' | 'workspace';
  /** The Google Workspace domain (workspace accounts): its users see each other in Session. */
  domain?: string;
  /** "Triggers total runtime": 90 min / day consumer, 6 h / day Workspace. */
  triggerRuntimePerDayMs: number;
}

export const DEFAULT_LIMITS: Limits = {
  executionMs: 6 * 60 * 1000,
  mailRecipientsPerDay: 100,
  calendarCreatesPerMinute: 60,
  account: 'consumer',
  triggerRuntimePerDayMs: 90 * 60 * 1000,
};

/**
 * The quotas of an account type (https://developers.google.com/apps-script/guides/services/quotas#current_quotas):
 * email recipients 100 / 1,500 per day, triggers total runtime 90 min / 6 h per day.
 */
export function accountLimits(account: 'consumer' | 'workspace', domain?: string): Partial<Limits> {
  return account === 'workspace'
    ? { account, domain, mailRecipientsPerDay: 1500, triggerRuntimePerDayMs: 6 * 3600 * 1000 }
    : { account, mailRecipientsPerDay: 100, triggerRuntimePerDayMs: 90 * 60 * 1000 };
}

export const EXECUTION_TIME_EXCEEDED = 'Exceeded maximum execution time';

/** The simulated wall clock: a start instant plus the simulated time this execution has used. */
export class SimClock {
  constructor(
    private startMs: number,
    private elapsedMs = 0,
  ) {}
  nowMs(): number {
    // Latencies below a millisecond accumulate; a Date holds whole milliseconds.
    return Math.floor(this.startMs + this.elapsedMs);
  }
  now(): Date {
    return new Date(this.nowMs());
  }
  advance(ms: number): void {
    this.elapsedMs += ms;
  }
  /** Starts a new execution at `ms` (the next trigger, the next edit). */
  reset(ms: number): void {
    this.startMs = ms;
    this.elapsedMs = 0;
  }
  elapsed(): number {
    return this.elapsedMs;
  }
  /** When this execution started: identifies the execution. */
  startedAt(): number {
    return this.startMs;
  }
}

export interface CallCount {
  call: string; // "SpreadsheetApp.Range.getValues"
  count: number;
  estimatedMs: number;
}

/**
 * Counts every service call by service and method and adds its latency to the
 * simulated clock. When an execution passes its budget, the next call throws the way
 * Google stops a script (Google kills it; here it is an exception nobody should catch).
 */
export class CallMeter {
  private counts = new Map<string, { count: number; ms: number }>();
  private stopped = false;
  /** Sheet writes queued by Google's write cache since its last flush (bench/latency.ts). */
  queuedWrites = 0;
  /** A tighter budget for this execution (the daily trigger runtime left) and Google's text for it. */
  private cap: { ms: number; message: string } | null = null;
  /**
   * Test hook of the crash suite (REGLAMENT_TEST_STOP_AFTER_SENDS, never set in normal use): the
   * process's n-th MailApp.sendEmail is the last call its execution makes — the next one throws
   * "Exceeded maximum execution time", the way Google's time limit stops a run mid-batch.
   */
  static stopAfterSends = 0;
  private static sends = 0;
  constructor(
    private clock: SimClock,
    private budgetMs: () => number,
    private makeError: (message: string) => Error,
  ) {}

  record(call: string, latencyMs: number): void {
    if (this.stopped) throw this.makeError(this.stopMessage());
    const entry = this.counts.get(call) ?? { count: 0, ms: 0 };
    entry.count += 1;
    entry.ms += latencyMs;
    this.counts.set(call, entry);
    this.clock.advance(latencyMs);
    if (call === 'MailApp.sendEmail' && CallMeter.stopAfterSends > 0 && ++CallMeter.sends === CallMeter.stopAfterSends) this.stopped = true;
    if (this.clock.elapsed() > this.limitMs()) {
      this.stopped = true;
      throw this.makeError(this.stopMessage());
    }
  }

  /** Caps this execution at `ms` of simulated time, stopping it with `message` (cleared by reset). */
  capAt(ms: number, message: string): void {
    this.cap = ms < this.budgetMs() ? { ms, message } : null;
  }

  private limitMs(): number {
    return this.cap ? this.cap.ms : this.budgetMs();
  }

  private stopMessage(): string {
    return this.cap ? this.cap.message : EXECUTION_TIME_EXCEEDED;
  }

  /** The execution is over: calls made outside it (the runner's own) are no longer stopped. */
  release(): void {
    this.stopped = false;
    this.cap = null;
  }

  /** Starts counting a new execution (the totals of the last one are kept by the caller). */
  reset(): void {
    this.counts.clear();
    this.queuedWrites = 0;
    this.stopped = false;
    this.cap = null;
  }

  report(): CallCount[] {
    return [...this.counts.entries()]
      .map(([call, e]) => ({ call, count: e.count, estimatedMs: e.ms }))
      .sort((a, b) => b.estimatedMs - a.estimatedMs || a.call.localeCompare(b.call));
  }

  totalCalls(): number {
    let n = 0;
    for (const e of this.counts.values()) n += e.count;
    return n;
  }

  estimatedMs(): number {
    let ms = 0;
    for (const e of this.counts.values()) ms += e.ms;
    return ms;
  }

  countOf(prefix: string): number {
    let n = 0;
    for (const [call, e] of this.counts) if (call.startsWith(prefix)) n += e.count;
    return n;
  }
}

/**
 * JSON files in the state folder beside the workbook. Inside a transaction (the local
 * Workspace always has one) writes are staged and committed with everything else the
 * execution changed (commit.ts), and reads see the staged copy first; without one (unit tests
 * of a single fake) each write goes straight to its file, atomically.
 */
export class StateStore {
  constructor(
    readonly dir: string,
    private readonly transaction: () => Transaction | null = () => null,
  ) {}

  file(name: string): string {
    return path.join(this.dir, name);
  }

  read<T>(name: string, fallback: T): T {
    const file = this.file(name);
    const staged = this.transaction()?.staged(file);
    if (staged !== undefined) return JSON.parse(typeof staged === 'string' ? staged : Buffer.from(staged).toString('utf8')) as T;
    if (!fs.existsSync(file)) return fallback;
    return JSON.parse(fs.readFileSync(file, 'utf8')) as T;
  }

  write(name: string, value: unknown): void {
    writeFileIn(this.transaction(), this.file(name), JSON.stringify(value, null, 2) + '\n');
  }
}

/** Stages the file in the transaction, or writes it at once (atomically) without one. */
function writeFileIn(tx: Transaction | null, file: string, data: Staged): void {
  if (tx) tx.stage(file, data);
  else writeFileAtomic(file, data);
}

export interface RuntimeOptions {
  now?: Date;
  realm?: Realm;
  execution?: Partial<Execution>;
  limits?: Partial<Limits>;
  /** State folder; omitted, nothing is persisted (unit tests of a single fake). */
  stateDir?: string;
  /** The spreadsheet's time zone (the fakes of Utilities and Calendar default to it). */
  timeZone?: string;
}

export class Runtime {
  realm: Realm;
  readonly clock: SimClock;
  readonly meter: CallMeter;
  execution: Execution;
  limits: Limits;
  readonly state: StateStore | null;
  /** The script's time zone (appsscript.json); the spreadsheet has its own. */
  scriptTimeZone: string;
  /** Where the fakes' file writes go until the execution commits (null: straight to disk). */
  transaction: Transaction | null = null;

  constructor(options: RuntimeOptions = {}) {
    this.realm = options.realm ?? hostRealm();
    this.clock = new SimClock((options.now ?? new Date()).getTime());
    this.limits = { ...DEFAULT_LIMITS, ...options.limits };
    this.meter = new CallMeter(
      this.clock,
      () => this.limits.executionMs,
      (m) => this.error(m),
    );
    const user = options.execution?.activeUser ?? 'owner@example.com';
    this.execution = {
      kind: options.execution?.kind ?? 'editor',
      activeUser: user,
      effectiveUser: options.execution?.effectiveUser ?? user,
      ...(options.execution?.trigger ? { trigger: options.execution.trigger } : {}),
    };
    this.state = options.stateDir ? new StateStore(options.stateDir, () => this.transaction) : null;
    this.scriptTimeZone = options.timeZone ?? 'Europe/Moscow';
  }

  /** An error as Apps Script throws it: an Error of the bundle's realm named "Exception". */
  error(message: string): Error {
    const e = new this.realm.Error(message);
    e.name = 'Exception';
    return e;
  }

  /** A Date of the bundle's realm. */
  date(ms: number): Date {
    return new this.realm.Date(ms);
  }

  now(): Date {
    return this.date(this.clock.nowMs());
  }

  /** Writes a file a fake keeps (.xlsx, .eml, .ics): staged in the transaction when there is one. */
  writeFile(file: string, data: Staged): void {
    writeFileIn(this.transaction, file, data);
  }

  /**
   * Counts a service call by its name in the latency table, e.g. call('Range.getValues', rows * cols).
   * Sheet writes are queued (their cells now, the round trip at the next read or the end of the run).
   */
  call(name: string, cells = 0): void {
    if (TRACE) traceCall(name, cells, writeCache(name) === 'flushes' && this.meter.queuedWrites > 0);
    const cache = writeCache(name);
    if (cache === 'queued') {
      this.meter.queuedWrites++;
      this.meter.record(name, queuedMs(name, cells));
      return;
    }
    if (cache === 'flushes') this.flushWrites();
    if (name === 'SpreadsheetApp.flush') this.meter.queuedWrites = 0;
    this.meter.record(name, latencyMs(name, cells));
  }

  /** Sends the queued sheet writes in one round trip (a read needs them, or the run ends). */
  flushWrites(): void {
    if (this.meter.queuedWrites === 0) return;
    this.meter.queuedWrites = 0;
    this.meter.record(WRITE_FLUSH, flushMs());
  }

  /** Starts a new execution: a trigger firing, a person's edit, a CLI command. */
  beginExecution(at: Date, execution: Partial<Execution> = {}): void {
    if (TRACE) process.stderr.write(`trace: begin ${execution.kind ?? this.execution.kind} ${execution.trigger ?? ''} ${at.toISOString()}\n`);
    this.clock.reset(at.getTime());
    this.meter.reset();
    const user = execution.activeUser ?? this.execution.activeUser;
    this.execution = {
      kind: execution.kind ?? this.execution.kind,
      activeUser: user,
      effectiveUser: execution.effectiveUser ?? this.execution.effectiveUser,
      ...(execution.trigger ? { trigger: execution.trigger } : {}),
    };
  }
}

/** What every fake service module returns: the globals it installs and how it saves itself. */
export interface FakeService {
  /** Globals to install in the bundle's context, e.g. { MailApp: … }. */
  globals: Record<string, unknown>;
  /** Writes the service's files through rt.writeFile / rt.state (staged until the commit). */
  flush?(): void | Promise<void>;
}
