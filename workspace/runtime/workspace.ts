/**
 * The local Workspace: loads the same build/Code.js that clasp deploys (through
 * gas-local, into a vm context holding only Apps Script globals), backs it with the
 * fakes, runs entry points as Google would (who, from where, when) and saves the files
 * a person can open: the .xlsx, .eml mail, .ics calendars and JSON state.
 *
 * Every file write of the fakes is staged in one Transaction (commit.ts) from the moment the
 * workspace opens; save() commits them all at once. What protects the files from a second
 * process is the workbook's file lock, taken by the caller (session.ts) from load to commit.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as vm from 'vm';
// gas-local has no typings; its require() loads every .js of a folder into one context.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- an untyped CommonJS module
const gas: { require(folder: string, globals: object, options?: { filter?: (f: string) => boolean }): vm.Context } = require('gas-local');

import { accountLimits, CallCount, EXECUTION_TIME_EXCEEDED, ExecutionKind, FakeService, Limits, Realm, Runtime } from './runtime';
import { Transaction } from './commit';
import { TRIGGER_RUNTIME_EXCEEDED, TriggerRuntimeQuota } from '../services/script/runtime-quota';
import { createSpreadsheetService, SpreadsheetFake } from '../services/spreadsheet';
import { createCalendarService, CalendarFake } from '../services/calendar';
import { createMailService, MailFake } from '../services/mail';
import { createUtilitiesService } from '../services/utilities';
import { createSessionService } from '../services/session';
import { createLoggerService, LoggerFake } from '../services/utilities/logger';
import { createHtmlService } from '../services/html';
import { createPropertiesService } from '../services/properties';
import { createCacheService } from '../services/cache';
import { createLockService, LockFake } from '../services/lock';
import { createScriptApp, ScriptAppFake } from '../services/script';

export const DEFAULT_OWNER = 'owner@example.com';

export interface OpenOptions {
  workbook: string;
  /** Create the workbook when missing (init); otherwise a missing file is an error. */
  create?: boolean;
  timeZone?: string;
  /** Spreadsheet locale for a new workbook: 'ru' (ru_RU) or 'en' (en_US). */
  locale?: 'ru' | 'en';
  now?: Date;
  limits?: Partial<Limits>;
  bundleDir?: string;
  /**
   * The account the workbook lives on (kept with it: workspace.json). Given for an existing
   * workbook, it replaces what was kept. Default: consumer.
   */
  account?: AccountType;
  /** The Workspace domain (workspace accounts; default: the owner's domain). */
  domain?: string;
}

export type AccountType = 'consumer' | 'workspace';

export interface RunRecord {
  fn: string;
  kind: ExecutionKind;
  trigger?: 'simple' | 'installable';
  user: string;
  at: string;
  ok: boolean;
  error?: string;
  calls: CallCount[];
  totalCalls: number;
  estimatedGoogleMs: number;
  localMs: number;
}

export interface WorkspaceMeta {
  owner: string;
  created: string;
  /** consumer (gmail.com-like) or workspace; absent in older workbooks (consumer). */
  account?: AccountType;
  /** The Google Workspace domain (workspace accounts). */
  domain?: string;
}

function domainOf(email: string): string {
  return email.slice(email.lastIndexOf('@') + 1).toLowerCase();
}

/** The workbook's account after `options` (init may set or change it). */
function accountOf(meta: WorkspaceMeta, options: OpenOptions): WorkspaceMeta {
  const account = options.account ?? meta.account ?? 'consumer';
  if (account === 'consumer') return { owner: meta.owner, created: meta.created, account };
  const domain = (options.domain ?? meta.domain ?? domainOf(meta.owner)).toLowerCase();
  return { ...meta, account, domain };
}

export function stateDirFor(workbook: string): string {
  const parsed = path.parse(path.resolve(workbook));
  return path.join(parsed.dir, `${parsed.name}.state`);
}

export function defaultBundleDir(): string {
  // dist/cli.js (bundled) and workspace/runtime/*.ts (ts-jest) sit at different depths: find the project root.
  let dir = __dirname;
  while (!fs.existsSync(path.join(dir, 'package.json')) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  return path.join(dir, 'build');
}

/** How many runs last-run.json keeps (a long `run` commits after each of its steps). */
export const LAST_RUNS_KEPT = 50;

export class LocalWorkspace {
  readonly runs: RunRecord[] = [];
  private constructor(
    readonly workbook: string,
    readonly stateDir: string,
    readonly rt: Runtime,
    readonly ctx: vm.Context,
    readonly owner: string,
    readonly spreadsheet: SpreadsheetFake,
    readonly mail: MailFake,
    readonly calendar: CalendarFake,
    readonly lock: LockFake,
    readonly script: ScriptAppFake,
    readonly logger: LoggerFake,
    private readonly services: FakeService[],
    private readonly transaction: Transaction,
    readonly meta: WorkspaceMeta,
    private readonly triggerQuota: TriggerRuntimeQuota,
  ) {}

  get account(): AccountType {
    return this.meta.account ?? 'consumer';
  }

  static async open(options: OpenOptions): Promise<LocalWorkspace> {
    const workbook = path.resolve(options.workbook);
    if (!options.create && !fs.existsSync(workbook)) throw new Error(`workbook not found: ${options.workbook}`);
    const stateDir = stateDirFor(workbook);
    const metaFile = path.join(stateDir, 'workspace.json');
    const existing = fs.existsSync(metaFile);
    const stored: WorkspaceMeta = existing
      ? JSON.parse(fs.readFileSync(metaFile, 'utf8'))
      : {
          owner: options.domain && options.account === 'workspace' ? `owner@${options.domain.toLowerCase()}` : DEFAULT_OWNER,
          created: new Date().toISOString(),
        };
    const meta = accountOf(stored, options);
    const rt = new Runtime({
      now: options.now,
      stateDir,
      limits: { ...accountLimits(meta.account ?? 'consumer', meta.domain), ...options.limits },
      timeZone: readScriptTimeZone(options.bundleDir ?? defaultBundleDir()),
      execution: { kind: 'editor', activeUser: meta.owner, effectiveUser: meta.owner },
    });
    const transaction = new Transaction(stateDir);
    rt.transaction = transaction;
    const locale = options.locale ?? 'ru';
    const spreadsheet = await createSpreadsheetService(rt, {
      file: workbook,
      timeZone: options.timeZone ?? 'Europe/Moscow',
      locale: locale === 'en' ? 'en_US' : 'ru_RU',
      name: path.parse(workbook).name,
    });
    const mail = createMailService(rt);
    const calendar = createCalendarService(rt);
    const lock = createLockService(rt);
    const script = createScriptApp(rt);
    const logger = createLoggerService(rt);
    const services: FakeService[] = [
      spreadsheet,
      mail,
      calendar,
      createUtilitiesService(rt),
      createSessionService(rt, { locale }),
      logger,
      createHtmlService(rt),
      createPropertiesService(rt),
      createCacheService(rt),
      lock,
      script,
    ];
    const globals: Record<string, unknown> = {};
    for (const s of services) Object.assign(globals, s.globals);
    const ctx = loadBundle(options.bundleDir ?? defaultBundleDir(), globals, () => rt.clock.nowMs());
    rt.realm = vm.runInContext('({ Date, Error, Array, Object })', ctx) as Realm;
    rt.writeFile(metaFile, JSON.stringify(meta, null, 2) + '\n');
    return new LocalWorkspace(
      workbook,
      stateDir,
      rt,
      ctx,
      meta.owner,
      spreadsheet,
      mail,
      calendar,
      lock,
      script,
      logger,
      services,
      transaction,
      meta,
      new TriggerRuntimeQuota(rt),
    );
  }

  /** Names of the top-level functions the bundle defines (what Apps Script would list). */
  entryPoints(): string[] {
    return Object.keys(this.ctx).filter((k) => typeof this.ctx[k] === 'function' && /^[a-z]/.test(k) && !k.startsWith('__'));
  }

  /**
   * Runs one entry point as an execution of its own: the clock starts at `at`, calls are
   * counted afresh, locks it held are released at the end (as Apps Script does). Runs of
   * time-driven and installable triggers count against the daily trigger runtime and are
   * stopped by it as Google stops them.
   */
  invoke(
    fn: string,
    options: { kind: ExecutionKind; user?: string; effectiveUser?: string; at?: Date; args?: unknown[]; trigger?: 'simple' | 'installable' },
  ): RunRecord & { result?: unknown } {
    const target = this.ctx[fn];
    if (typeof target !== 'function') throw new Error(`the bundle has no top-level function ${fn}()`);
    const user = options.user ?? this.owner;
    const at = options.at ?? this.rt.clock.now();
    this.rt.beginExecution(at, { kind: options.kind, activeUser: user, effectiveUser: options.effectiveUser ?? user, trigger: options.trigger });
    const counted = options.kind === 'time' || options.trigger === 'installable';
    const left = counted ? this.triggerQuota.remainingMs(at.getTime()) : Infinity;
    if (counted) this.rt.meter.capAt(left, TRIGGER_RUNTIME_EXCEEDED);
    const started = Date.now();
    let result: unknown;
    let error: string | undefined;
    try {
      if (left <= 0) throw this.rt.error(TRIGGER_RUNTIME_EXCEEDED);
      result = target(...(options.args ?? []));
    } catch (e) {
      error = e instanceof Error || (e && typeof e === 'object' && 'message' in e) ? String((e as Error).message) : String(e);
      if (error !== EXECUTION_TIME_EXCEEDED && error !== TRIGGER_RUNTIME_EXCEEDED) this.logger.record(`Exception: ${error}`);
    } finally {
      this.lock.endExecution();
    }
    if (counted) this.triggerQuota.consume(Math.min(this.rt.clock.elapsed(), Math.max(left, 0)), at.getTime());
    const record: RunRecord = {
      fn,
      kind: options.kind,
      ...(options.trigger ? { trigger: options.trigger } : {}),
      user,
      at: at.toISOString(),
      ok: error === undefined,
      error,
      calls: this.rt.meter.report(),
      totalCalls: this.rt.meter.totalCalls(),
      estimatedGoogleMs: Math.round(this.rt.meter.estimatedMs()),
      localMs: Date.now() - started,
    };
    this.runs.push(record);
    this.rt.meter.release();
    return { ...record, result };
  }

  /**
   * Commits every file the executions since the last save changed (workbook, mail, calendars,
   * every JSON state file) as one atomic step; returns the new generation, or null when
   * nothing changed. The caller holds the workbook's file lock (session.ts).
   */
  async save(command = 'save'): Promise<number | null> {
    try {
      for (const s of this.services) await s.flush?.();
      if (this.runs.length > 0) this.rt.state?.write('last-run.json', this.runs.slice(-LAST_RUNS_KEPT));
      return this.transaction.commit(command);
    } catch (e) {
      this.transaction.discard();
      throw e;
    }
  }

  /** The runs recorded by the last command that saved (for `status`). */
  lastRuns(): RunRecord[] {
    return this.rt.state?.read<RunRecord[]>('last-run.json', []) ?? [];
  }
}

function readScriptTimeZone(bundleDir: string): string {
  const manifest = path.join(bundleDir, 'appsscript.json');
  if (!fs.existsSync(manifest)) return 'Europe/Moscow';
  return (JSON.parse(fs.readFileSync(manifest, 'utf8')) as { timeZone?: string }).timeZone ?? 'Europe/Moscow';
}

/**
 * Loads build/Code.js through gas-local into a context holding only the fakes, with the
 * context's Date reading the simulated clock (`new Date()` in the bundle is "now").
 */
export function loadBundle(bundleDir: string, globals: Record<string, unknown>, nowMs: () => number): vm.Context {
  const code = path.join(bundleDir, 'Code.js');
  if (!fs.existsSync(code)) throw new Error(`no bundle at ${code}: run "npm run build" first`);
  // gas-local walks sub-folders too: only this folder's Code.js (build/addon/ is another project).
  const ctx = gas.require(bundleDir, { ...globals, __reglamentNow: nowMs }, { filter: (f: string) => path.resolve(f) === path.resolve(code) });
  vm.runInContext(SIMULATED_DATE, ctx);
  return ctx;
}

/** Replaces the context's Date with one whose "now" is the simulated clock. */
const SIMULATED_DATE = `(() => {
  const RealDate = Date;
  const now = globalThis.__reglamentNow;
  delete globalThis.__reglamentNow;
  class SimulatedDate extends RealDate {
    constructor(...args) {
      if (args.length === 0) super(now()); else super(...args);
    }
    static now() { return now(); }
  }
  globalThis.Date = SimulatedDate;
})();`;
