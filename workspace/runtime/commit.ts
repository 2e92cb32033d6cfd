/**
 * One execution = one atomic commit of every file it changed: the .xlsx, its sidecar, the
 * .eml of each mail sent, the calendars' .ics and invitations, and every JSON file of the
 * state folder (properties, triggers, locks, cache, quota counters, the run's call counts,
 * and whatever state files are added later — they all go through StateStore).
 *
 * Design: a write-ahead journal (a redo log) in the state folder.
 * - While a command runs, nothing is written where a person (or the next command) reads:
 *   every write is staged in memory here (`stage`), and reads of the state folder see the
 *   staged copy first (read-your-writes within the process).
 * - commit(): the staged files that differ from what is on disk are written, each fsynced,
 *   into a fresh folder `journal.tmp-<pid>-<random>/` with a `manifest.json` naming their
 *   targets; that folder is then renamed to `journal/` — THE commit point (a rename is
 *   atomic: either the whole journal is there or none of it). Then each staged file is
 *   renamed onto its target, and the journal is removed.
 * - recover() (run under the workbook's file lock before anything is loaded): a `journal/`
 *   with its manifest is a commit whose apply was interrupted: its files still in the journal
 *   are renamed into place (those already moved are gone from it, so replay is idempotent);
 *   a `journal.tmp-*` folder is a commit that never happened and is deleted.
 * So a kill -9 at any instant leaves the previous commit or the new one, never a mix: a mail
 * counted as sent (Outbox row Sent, quota used) has its .eml, and one that has no .eml was
 * never counted anywhere.
 *
 * `commit.json` in the state folder carries a generation number bumped by every commit, so a
 * long-lived process (serve, run) can tell that another process committed since it loaded.
 * Files are fsynced (and their folders) so the same holds across a power cut on file systems
 * that keep rename order (ext4 data=ordered, APFS); a kill -9 needs no fsync at all.
 */
import { randomBytes } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';

export const JOURNAL = 'journal';
export const COMMIT_FILE = 'commit.json';
const MANIFEST = 'manifest.json';
const TMP_PREFIX = 'journal.tmp-';
/** Staged files up to this size are compared with the file on disk and skipped when equal. */
const COMPARE_LIMIT = 1 << 20;

interface Manifest {
  generation: number;
  /** Target paths relative to the state folder (the workbook is ../NAME.xlsx), by staged file name. */
  files: Array<{ staged: string; target: string }>;
}

export interface CommitInfo {
  generation: number;
  at: string;
  pid: number;
  command: string;
}

export type Staged = string | Uint8Array;

export class Transaction {
  private files = new Map<string, Staged>();
  /** Test hook: called between the steps of a commit (a crash test can stop there). */
  static onStep: ((step: string) => void) | null = null;

  constructor(readonly stateDir: string) {}

  /** Records the new content of `file` (an absolute path); nothing is written yet. */
  stage(file: string, data: Staged): void {
    this.files.set(path.resolve(file), data);
  }

  /** The staged content of `file`, or undefined when this transaction did not write it. */
  staged(file: string): Staged | undefined {
    return this.files.get(path.resolve(file));
  }

  pending(): string[] {
    return [...this.files.keys()];
  }

  discard(): void {
    this.files.clear();
  }

  /**
   * Makes every staged file visible at once (see the header). Returns the new generation,
   * or null when nothing differed from the disk (then nothing is written, not even commit.json).
   */
  commit(command: string): number | null {
    const changed = [...this.files].filter(([file, data]) => !sameAsDisk(file, data));
    this.files.clear();
    if (changed.length === 0) return null;
    const generation = readCommitInfo(this.stateDir).generation + 1;
    const info: CommitInfo = { generation, at: new Date().toISOString(), pid: process.pid, command };
    changed.push([path.join(this.stateDir, COMMIT_FILE), JSON.stringify(info, null, 2) + '\n']);

    fs.mkdirSync(this.stateDir, { recursive: true });
    const tmp = path.join(this.stateDir, `${TMP_PREFIX}${process.pid}-${randomBytes(4).toString('hex')}`);
    fs.mkdirSync(tmp);
    const manifest: Manifest = { generation, files: [] };
    changed.forEach(([file, data], i) => {
      const staged = String(i);
      writeSynced(path.join(tmp, staged), data);
      manifest.files.push({ staged, target: path.relative(this.stateDir, file) });
      Transaction.onStep?.(`staged ${i + 1}/${changed.length}`);
    });
    writeSynced(path.join(tmp, MANIFEST), JSON.stringify(manifest));
    fsyncDir(tmp);
    Transaction.onStep?.('before commit point');
    fs.renameSync(tmp, path.join(this.stateDir, JOURNAL));
    fsyncDir(this.stateDir);
    Transaction.onStep?.('committed');
    applyJournal(this.stateDir);
    return generation;
  }
}

/** Finishes or discards what a killed process left; call it holding the workbook's lock. */
export function recover(stateDir: string): 'clean' | 'replayed' | 'discarded' {
  if (!fs.existsSync(stateDir)) return 'clean';
  let outcome: 'clean' | 'replayed' | 'discarded' = 'clean';
  for (const name of fs.readdirSync(stateDir)) {
    if (!name.startsWith(TMP_PREFIX)) continue;
    fs.rmSync(path.join(stateDir, name), { recursive: true, force: true });
    outcome = 'discarded';
  }
  const journal = path.join(stateDir, JOURNAL);
  if (fs.existsSync(journal)) {
    if (fs.existsSync(path.join(journal, MANIFEST))) outcome = 'replayed';
    applyJournal(stateDir);
  }
  return outcome;
}

/** True when a committed journal is waiting to be applied (a holder was killed mid-apply). */
export function hasJournal(stateDir: string): boolean {
  return fs.existsSync(path.join(stateDir, JOURNAL));
}

export function readCommitInfo(stateDir: string): CommitInfo {
  try {
    return JSON.parse(fs.readFileSync(path.join(stateDir, COMMIT_FILE), 'utf8')) as CommitInfo;
  } catch {
    return { generation: 0, at: '', pid: 0, command: '' };
  }
}

/** Renames each file still in the journal onto its target, then removes the journal. Idempotent. */
function applyJournal(stateDir: string): void {
  const journal = path.join(stateDir, JOURNAL);
  const manifestFile = path.join(journal, MANIFEST);
  if (fs.existsSync(manifestFile)) {
    const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8')) as Manifest;
    const dirs = new Set<string>();
    for (const { staged, target } of manifest.files) {
      const from = path.join(journal, staged);
      if (!fs.existsSync(from)) continue; // moved by an earlier, interrupted apply
      const to = path.resolve(stateDir, target);
      fs.mkdirSync(path.dirname(to), { recursive: true });
      fs.renameSync(from, to);
      dirs.add(path.dirname(to));
      Transaction.onStep?.(`applied ${staged}`);
    }
    for (const dir of dirs) fsyncDir(dir);
    fs.rmSync(manifestFile);
  }
  fs.rmSync(journal, { recursive: true, force: true });
}

function sameAsDisk(file: string, data: Staged): boolean {
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  if (bytes.length > COMPARE_LIMIT) return false;
  try {
    const st = fs.statSync(file);
    return st.size === bytes.length && fs.readFileSync(file).equals(bytes);
  } catch {
    return false;
  }
}

function writeSynced(file: string, data: Staged): void {
  const fd = fs.openSync(file, 'w');
  try {
    fs.writeSync(fd, typeof data === 'string' ? Buffer.from(data, 'utf8') : data);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

function fsyncDir(dir: string): void {
  let fd: number | undefined;
  try {
    fd = fs.openSync(dir, 'r');
    fs.fsyncSync(fd);
  } catch {
    // Some platforms (Windows) cannot fsync a folder; the renames are still atomic there.
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}
