/**
 * How every command reaches a workbook: under its file lock (filelock.ts), from load to
 * commit (commit.ts). Any command — today's and those added later — is one line:
 *
 *   const result = await withWorkbook({ workbook, command: 'tick' }, (ws) => ws.invoke('tick', …));
 *   const status = await readWorkbook({ workbook, command: 'status' }, (ws) => workbookStatus(ws));
 *
 * withWorkbook takes the lock exclusively, finishes what a killed holder left (recover), opens
 * the workspace, runs `work`, commits everything it changed in one step and lets go. A `work`
 * that throws commits nothing. readWorkbook takes the lock shared and commits nothing.
 *
 * A long-lived process (serve; run, which commits after each trigger run) keeps one
 * WorkbookSession: each exclusive()/shared() call takes the lock anew and reloads the
 * workspace when another process committed since (the generation in commit.json, or the
 * .xlsx changed on disk by another program), so nobody's work is overwritten.
 */
import * as fs from 'fs';
import { hasJournal, readCommitInfo, recover } from './commit';
import { Holder, acquireLock, describe } from './filelock';
import { LocalWorkspace, OpenOptions, stateDirFor } from './workspace';

export interface SessionOptions {
  workbook: string;
  /** The command's name, shown to whoever waits for the lock. */
  command: string;
  /** LocalWorkspace.open options besides the workbook (init: create, locale, timeZone, now). */
  open?: Omit<OpenOptions, 'workbook'>;
  /** Wait for a busy workbook (default: lockDefaults.wait), or fail with WorkbookBusyError. */
  wait?: boolean;
}

/** Process-wide choices of the CLI: --no-wait, and where the waiting notice goes. */
export const lockDefaults: { wait: boolean; notice: (text: string) => void; holdMs: number } = {
  wait: true,
  notice: (text) => process.stderr.write(text + '\n'),
  /** Test hook (REGLAMENT_TEST_HOLD_MS): how long to keep the lock before the work starts. */
  holdMs: 0,
};

/** Opening the workbook failed (missing file, unreadable workbook): a user error. */
export class OpenError extends Error {}

export class WorkbookSession {
  private current: LocalWorkspace | null = null;
  private seen: string | null = null;
  readonly stateDir: string;
  /** Called when another process's commit made the session load the workbook again. */
  onReload: ((previous: LocalWorkspace, next: LocalWorkspace) => void) | null = null;

  constructor(readonly options: SessionOptions) {
    this.stateDir = stateDirFor(options.workbook);
  }

  /** The workspace as last loaded (null before the first call or after a failed one). */
  get ws(): LocalWorkspace | null {
    return this.current;
  }

  /** Runs `work` holding the lock alone, then commits what it changed. */
  exclusive<T>(work: (ws: LocalWorkspace) => T | Promise<T>): Promise<T> {
    return this.locked('exclusive', work);
  }

  /** Runs `work` beside other readers; nothing is committed. */
  shared<T>(work: (ws: LocalWorkspace) => T | Promise<T>): Promise<T> {
    return this.locked('shared', work);
  }

  private async locked<T>(mode: 'exclusive' | 'shared', work: (ws: LocalWorkspace) => T | Promise<T>): Promise<T> {
    const { workbook, command } = this.options;
    if (!this.options.open?.create && !fs.existsSync(workbook) && !hasJournal(this.stateDir))
      throw new OpenError(`workbook not found: ${workbook}`);
    const lock = await acquireLock(this.stateDir, {
      mode,
      command,
      wait: this.options.wait ?? lockDefaults.wait,
      workbook,
      onWait: (h: Holder) => lockDefaults.notice(`reglament: waiting for the workbook: ${describe(h)}…`),
      whileExclusive: () => void recover(this.stateDir),
    });
    try {
      if (lockDefaults.holdMs > 0) await new Promise((r) => setTimeout(r, lockDefaults.holdMs));
      const ws = await this.load();
      let result: T;
      try {
        result = await work(ws);
        if (mode === 'exclusive') await ws.save(command);
      } catch (e) {
        this.current = null; // half-run executions stay uncommitted: load afresh next time
        throw e;
      }
      if (mode === 'exclusive') this.seen = this.version();
      return result;
    } finally {
      lock.release();
    }
  }

  /** The workspace, loaded again when the files changed since this session last saw them. */
  private async load(): Promise<LocalWorkspace> {
    const version = this.version();
    if (this.current && version === this.seen) return this.current;
    let next: LocalWorkspace;
    try {
      next = await LocalWorkspace.open({ ...this.options.open, workbook: this.options.workbook });
    } catch (e) {
      throw new OpenError((e as Error).message);
    }
    const previous = this.current;
    if (previous) {
      next.runs.push(...previous.runs);
      this.onReload?.(previous, next);
    }
    this.current = next;
    this.seen = version;
    return next;
  }

  /** What identifies the committed files: the commit generation and the .xlsx as on disk. */
  private version(): string {
    let xlsx = 'none';
    try {
      const st = fs.statSync(this.options.workbook);
      xlsx = `${st.size}:${st.mtimeMs}:${st.ino}`;
    } catch {
      /* not created yet */
    }
    return `${readCommitInfo(this.stateDir).generation}|${xlsx}`;
  }
}

/** One command's exclusive use of the workbook: lock, load, `work`, one commit, unlock. */
export function withWorkbook<T>(options: SessionOptions, work: (ws: LocalWorkspace) => T | Promise<T>): Promise<T> {
  return new WorkbookSession(options).exclusive(work);
}

/** One command's shared, read-only use of the workbook. */
export function readWorkbook<T>(options: SessionOptions, work: (ws: LocalWorkspace) => T | Promise<T>): Promise<T> {
  return new WorkbookSession(options).shared(work);
}
