/**
 * The workbook's file lock: one execution at a time per workbook, across processes (the
 * CLI's commands, `serve`, a timer calling `reglament tick`). It protects the user's files;
 * it has nothing to do with the LockService fake, which simulates Google's script lock
 * inside the bundle's executions.
 *
 * - Exclusive (init, edit, tick, each step of run, each request of serve that may write):
 *   the file `lock` in the state folder, created with link(2) from a temp file so it appears
 *   whole or not at all, holding the holder's pid, the start time of that process, host and
 *   command.
 * - Shared (status, mail, calendar, read-only requests of serve): taken under the exclusive
 *   lock, which is then let go, leaving a reader file in `readers/`; an exclusive holder waits
 *   until no live reader is left. Readers never wait for each other.
 * - A holder whose process is gone is taken over at once: `kill(pid, 0)` says whether the pid
 *   lives, and on Linux the process start time (/proc/PID/stat) tells a reused pid from the
 *   holder. A holder on another host (a shared network folder) is never presumed dead.
 *   Taking over a dead holder is serialised by a folder named after that very lock (mkdir is
 *   atomic), so two waiters cannot both remove it and one of them a live lock.
 * Why not proper-lockfile: it declares a lock stale by its age (seconds after the holder
 * stops refreshing it), so a killed `tick` would block the next command for that long; and it
 * has no shared mode.
 */
import { randomBytes } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

export const LOCK_FILE = 'lock';
export const READERS_DIR = 'readers';
/** Exit code of a command refused with --no-wait because another one holds the workbook. */
export const BUSY_EXIT_CODE = 4; // 3 is "refused by the rules" (issue 17)

export interface Holder {
  pid: number;
  /** Start time of the process (Linux: clock ticks since boot), null where unknown. */
  start: string | null;
  host: string;
  command: string;
  since: string;
  /** Distinguishes two locks of the same pid (one process taking it again). */
  nonce: string;
}

export class WorkbookBusyError extends Error {
  constructor(
    readonly holder: Holder,
    workbook: string,
  ) {
    super(`${workbook} is busy: ${describe(holder)}; run again later, or without --no-wait to wait for it`);
  }
}

export interface LockOptions {
  mode: 'exclusive' | 'shared';
  /** What takes it (shown to whoever waits). */
  command: string;
  /** false: throw WorkbookBusyError instead of waiting. */
  wait: boolean;
  /** Told once when the wait passes `noticeAfterMs` (default 1 s). */
  onWait?: (holder: Holder) => void;
  noticeAfterMs?: number;
  /** Runs holding the exclusive lock (after the readers left), before a shared lock lets it
   * go: where what a killed holder left is recovered. */
  whileExclusive?: () => void;
  /** Shown in the busy error. */
  workbook?: string;
  pollMs?: number;
}

export interface FileLock {
  release(): void;
}

export function describe(h: Holder): string {
  return `"reglament ${h.command}" (pid ${h.pid}${h.host === os.hostname() ? '' : ` on ${h.host}`}) holds it since ${h.since}`;
}

/** Takes the workbook's lock in the state folder, waiting (polling) or failing fast. */
export async function acquireLock(stateDir: string, options: LockOptions): Promise<FileLock> {
  fs.mkdirSync(stateDir, { recursive: true });
  const me = holderOf(options.command);
  const started = Date.now();
  let noticed = false;
  const waitFor = async (holder: Holder) => {
    if (!options.wait) throw new WorkbookBusyError(holder, options.workbook ?? path.basename(stateDir));
    if (!noticed && Date.now() - started >= (options.noticeAfterMs ?? 1000)) {
      noticed = true;
      options.onWait?.(holder);
    }
    await sleep(options.pollMs ?? 50);
  };
  const file = path.join(stateDir, LOCK_FILE);
  for (;;) {
    const holder = tryCreate(file, me);
    if (holder === 'ours') break;
    if (holder === 'gone') {
      // Released between the two looks, or unreadable (never written whole by us): cleared when old.
      if (fs.existsSync(file) && Date.now() - safeMtime(file) > 5000) fs.rmSync(file, { force: true });
      await sleep(5);
      continue;
    }
    if (!alive(holder)) {
      takeOver(file, holder);
      continue;
    }
    await waitFor(holder);
  }
  if (options.mode === 'shared') {
    const reader = path.join(stateDir, READERS_DIR, `${me.pid}-${me.nonce}.json`);
    try {
      options.whileExclusive?.();
      fs.mkdirSync(path.dirname(reader), { recursive: true });
      fs.writeFileSync(reader, JSON.stringify(me));
    } finally {
      releaseFile(file, me);
    }
    return { release: () => fs.rmSync(reader, { force: true }) };
  }
  try {
    for (;;) {
      const reader = liveReader(stateDir);
      if (!reader) break;
      await waitFor(reader);
    }
    options.whileExclusive?.();
  } catch (e) {
    releaseFile(file, me);
    throw e;
  }
  let released = false;
  return {
    release: () => {
      if (!released) releaseFile(file, me);
      released = true;
    },
  };
}

/** Creates the lock file whole (link from a temp file); else the current holder, or 'gone'
 * when it was released between the two looks. */
function tryCreate(file: string, me: Holder): Holder | 'ours' | 'gone' {
  const tmp = `${file}.${me.pid}.${me.nonce}.tmp`;
  fs.writeFileSync(tmp, JSON.stringify(me));
  try {
    fs.linkSync(tmp, file);
    return 'ours';
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    return readHolder(file) ?? 'gone';
  } finally {
    fs.rmSync(tmp, { force: true });
  }
}

function readHolder(file: string): Holder | null {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as Holder;
  } catch {
    return null;
  }
}

/**
 * Removes a dead holder's lock. Only the process that creates the folder named after that
 * lock's nonce may remove it, after checking it is still that lock: two waiters that saw the
 * same dead holder cannot remove a lock taken meanwhile by a third.
 */
function takeOver(file: string, dead: Holder): void {
  const guard = `${file}.takeover-${dead.nonce}`;
  try {
    fs.mkdirSync(guard);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    // A guard left by a taker killed in that instant: old guards are cleared.
    try {
      if (Date.now() - fs.statSync(guard).mtimeMs > 5000) fs.rmdirSync(guard);
    } catch {
      /* gone already */
    }
    return;
  }
  try {
    if (readHolder(file)?.nonce === dead.nonce) fs.rmSync(file, { force: true });
  } finally {
    fs.rmdirSync(guard);
  }
}

function releaseFile(file: string, me: Holder): void {
  // Only our own lock: after a takeover by mistake it would be someone else's.
  if (readHolder(file)?.nonce === me.nonce) fs.rmSync(file, { force: true });
}

/** A live reader of the workbook, removing the files of dead ones. */
function liveReader(stateDir: string): Holder | null {
  const dir = path.join(stateDir, READERS_DIR);
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return null;
  }
  for (const name of names) {
    const file = path.join(dir, name);
    const reader = readHolder(file);
    if (reader && alive(reader)) return reader;
    if (reader || Date.now() - safeMtime(file) > 5000) fs.rmSync(file, { force: true });
  }
  return null;
}

function safeMtime(file: string): number {
  try {
    return fs.statSync(file).mtimeMs;
  } catch {
    return 0;
  }
}

function holderOf(command: string): Holder {
  return {
    pid: process.pid,
    start: processStart(process.pid),
    host: os.hostname(),
    command,
    since: new Date().toISOString(),
    nonce: randomBytes(8).toString('hex'),
  };
}

/** Whether the holder's process still runs (a pid reused by another process does not count). */
export function alive(h: Holder): boolean {
  if (h.host !== os.hostname()) return true;
  if (h.pid === process.pid) return true;
  try {
    process.kill(h.pid, 0);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ESRCH') return false;
  }
  const stat = procStat(h.pid);
  if (stat === null) return true;
  // A killed child its parent has not reaped yet (a zombie) holds nothing.
  if (stat.state === 'Z' || stat.state === 'X') return false;
  return h.start === null || stat.start === h.start;
}

function processStart(pid: number): string | null {
  return procStat(pid)?.start ?? null;
}

/** State (field 3) and start time since boot (field 22) of /proc/PID/stat; null off Linux. */
function procStat(pid: number): { state: string; start: string } | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) is in parentheses and may contain spaces.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { state: fields[0], start: fields[19] };
  } catch {
    return null;
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
