/**
 * The busy workbook of the crash and concurrency suite (not a test file itself), made once
 * in-process and copied for every trial, and what the suite checks after each trial.
 *
 * Thirteen Repeat calls on Wednesday 25 Nov 2026 (New York), 10:00 to 11:00 every 5 minutes,
 * four candidates each: every call has its "1 day before" reminder to each candidate due on
 * Tuesday 10:00 to 11:00, so a `run` over Tuesday 09:55–11:00 sends 52 reminders, four in each
 * 5-minute tick — and all of them may still go out until Wednesday's calls start.
 */
import { spawn, spawnSync, SpawnOptions } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { AddressObject, simpleParser } from 'mailparser';
import { BOSS, callsWorkbook, schedule } from '../e2e/calls-fixture';
import { stateDirFor } from '../../workspace/runtime/workspace';
import type { SentMail } from '../../workspace/services/mail';
import { findColumn, findTab } from '../../src/core/schema';
import { parseInstant } from '../../workspace/runtime/typing';

const root = path.resolve(__dirname, '../..');
export const BIN = path.join(root, 'bin/reglament.js');
export const ZONE = 'America/New_York';
export const CALLS = 13;
export const PER_CALL = 4;
/** Tuesday 09:55 to 11:00 New York: the span of the busy `run`. */
export const SPAN = { from: '2026-11-24T09:55', to: '2026-11-24T11:00' };
const MIN = 60000;

/** The typed cells of each call (what must never be lost). */
export function typedCalls(): Array<Record<string, string>> {
  return Array.from({ length: CALLS }, (_, k) => {
    const wall = `2026-11-25 ${String(10 + Math.floor((5 * k) / 60)).padStart(2, '0')}:${String((5 * k) % 60).padStart(2, '0')}`;
    const ids = Array.from({ length: PER_CALL }, (_, j) => `C-${4 + k * PER_CALL + j}`).join(', ');
    return { Type: 'Repeat call', Start: wall, 'Candidate IDs': ids, 'Manager e-mail': BOSS };
  });
}

/** Each planned day-before reminder: who gets it and when it is due (UTC ms). */
export function plannedReminders(): Array<{ to: string; dueMs: number }> {
  const out: Array<{ to: string; dueMs: number }> = [];
  for (let k = 0; k < CALLS; k++)
    for (let j = 0; j < PER_CALL; j++) out.push({ to: `c${4 + k * PER_CALL + j}@example.com`, dueMs: Date.UTC(2026, 10, 24, 15, 5 * k) });
  return out;
}

/** Makes the busy workbook in `dir` (book.xlsx + book.state/). */
export async function makeBusyWorkbook(dir: string): Promise<string> {
  const h = await callsWorkbook({ timeZone: ZONE, now: '2026-11-23T09:00', extraCandidates: CALLS * PER_CALL });
  try {
    for (const cells of typedCalls()) schedule(h, cells, '2026-11-23T12:00');
    await h.ws.save();
    fs.cpSync(h.workbook, path.join(dir, 'book.xlsx'));
    fs.cpSync(stateDirFor(h.workbook), path.join(dir, 'book.state'), { recursive: true });
    return path.join(dir, 'book.xlsx');
  } finally {
    h.close();
  }
}

/** A fresh copy of the fixture for one trial. */
export function copyFixture(fixture: string, name: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `reglament-${name}-`));
  fs.cpSync(fixture, path.join(dir, 'book.xlsx'));
  fs.cpSync(stateDirFor(fixture), path.join(dir, 'book.state'), { recursive: true });
  return path.join(dir, 'book.xlsx');
}

export function cli(args: string[], env: NodeJS.ProcessEnv = {}) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', cwd: root, env: { ...process.env, ...env } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

export interface Running {
  pid: number;
  done: Promise<{ code: number | null; signal: NodeJS.Signals | null; out: string; err: string }>;
  kill(): void;
}

export function start(args: string[], env: NodeJS.ProcessEnv = {}, options: SpawnOptions = {}): Running {
  const child = spawn(process.execPath, [BIN, ...args], { cwd: root, env: { ...process.env, ...env }, ...options });
  let out = '';
  let err = '';
  child.stdout?.on('data', (d) => (out += d));
  child.stderr?.on('data', (d) => (err += d));
  const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null; out: string; err: string }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal, out, err })),
  );
  return { pid: child.pid!, done, kill: () => child.kill('SIGKILL') };
}

export { MIN };

/** A small seeded PRNG (mulberry32): the same trials on every run. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function wallMs(wall: string): number {
  return parseInstant(wall, ZONE).getTime();
}

export interface Expectation {
  /** The instant of the last tick: every reminder due by then went out (or is Failed as interrupted). */
  dueBy: number;
  /** Kills in the trial: at most that many batches may be left Failed as interrupted. */
  kills: number;
  /** Rows a kill may leave "may have gone out" (a batch, mail/outbox.ts); 1 when the kills cannot land mid-batch. */
  perKill?: number;
  /** Typed cells that must still be there: tab → row (sheet number) → header → text. */
  typed?: Array<{ tab: string; row: number; header: string; value: string }>;
}

/** A tab of the saved .xlsx as records keyed by English header (read with exceljs, not the fake). */
export function xlsxRecords(book: ExcelJS.Workbook, tab: string): Array<Record<string, unknown>> {
  const def = findTab(tab)!;
  const sheet = book.worksheets.find((w) => findTab(w.name)?.key === def.key);
  if (!sheet) throw new Error(`no tab ${tab} in the .xlsx`);
  const header = (sheet.getRow(1).values as unknown[]).map((h) => (h === undefined || h === null ? '' : String(h)));
  const keys = header.map((h) => findColumn(def, h)?.en ?? h);
  const out: Array<Record<string, unknown>> = [];
  sheet.eachRow((row, r) => {
    if (r === 1) return;
    const values = row.values as unknown[];
    if (!values.some((v) => v !== null && v !== undefined && v !== '')) return;
    out[r - 2] = Object.fromEntries(keys.map((k, i) => [k, values[i] ?? '']).filter(([k]) => k));
  });
  return out;
}

/** Excel keeps wall time: the Date exceljs reads, as "YYYY-MM-DD HH:MM" of the spreadsheet's zone. */
export function wall(d: unknown): string {
  return d instanceof Date ? d.toISOString().slice(0, 16).replace('T', ' ') : String(d);
}

/**
 * What must hold after any trial, read from the files alone with independent readers (exceljs,
 * mailparser, JSON): nothing is left half-committed, the workbook opens, every Outbox Sent row
 * has exactly one .eml and every .eml a Sent row, no message went out twice, the mail quota
 * counts exactly the recipients of the .eml files, every reminder due went out and none early
 * (a row left Failed as interrupted counts; at most one batch per kill), no typed value is lost.
 */
export async function verify(book: string, e: Expectation): Promise<void> {
  const stateDir = stateDirFor(book);
  const leftovers = fs.readdirSync(stateDir).filter((f) => f === 'lock' || f.startsWith('journal'));
  expect(leftovers).toEqual([]);
  const xlsx = new ExcelJS.Workbook();
  await xlsx.xlsx.readFile(book);

  // Mail: index.json, the .eml files and the quota agree.
  const mailDir = path.join(stateDir, 'mail');
  const indexFile = path.join(mailDir, 'index.json');
  const sent = (fs.existsSync(indexFile) ? JSON.parse(fs.readFileSync(indexFile, 'utf8')) : []) as SentMail[];
  const emls = fs.existsSync(mailDir)
    ? fs
        .readdirSync(mailDir)
        .filter((f) => f.endsWith('.eml'))
        .sort()
    : [];
  expect(emls).toEqual(sent.map((m) => m.file).sort());
  let recipients = 0;
  const count = (a: AddressObject | AddressObject[] | undefined) =>
    a ? (Array.isArray(a) ? a : [a]).reduce((n, x) => n + x.value.length, 0) : 0;
  for (const m of sent) {
    const parsed = await simpleParser(fs.readFileSync(path.join(mailDir, m.file)));
    expect([m.file, count(parsed.to) + count(parsed.cc) + count(parsed.bcc), parsed.subject]).toEqual([m.file, m.quotaUsed, m.subject]);
    recipients += m.quotaUsed;
  }
  const quotaFile = path.join(stateDir, 'mail-quota.json');
  const quota = (fs.existsSync(quotaFile) ? JSON.parse(fs.readFileSync(quotaFile, 'utf8')) : {}) as Record<string, { used: number }>;
  expect(Object.values(quota).reduce((n, q) => n + q.used, 0)).toBe(recipients);
  const logical = sent.map((m) => `${m.to.join(',')}|${m.subject}`);
  expect(new Set(logical).size).toBe(logical.length);

  // Outbox: Sent rows and mails match one to one; due reminders out, none early.
  const outbox = xlsxRecords(xlsx, 'Outbox').filter(Boolean);
  const sentRows = outbox.filter((r) => r['State'] === 'Sent');
  for (const row of sentRows)
    expect([row['Key'], logical.filter((l) => l === `${row['Recipient']}|${row['Subject']}`).length]).toEqual([row['Key'], 1]);
  const interrupted = outbox.filter((r) => r['State'] === 'Failed' && /Interrupted while sending/.test(String(r['Last error'])));
  const accounted = new Set([...sentRows, ...interrupted].map((r) => `${r['Recipient']}|${r['Subject']}`));
  for (const l of logical) expect([l, accounted.has(l)]).toEqual([l, true]);
  expect(interrupted.length).toBeLessThanOrEqual(e.kills * (e.perKill ?? 1));
  expect(outbox.filter((r) => r['State'] === 'Failed').length).toBe(interrupted.length);
  for (const p of plannedReminders()) {
    const row = outbox.find((r) => String(r['Key']).endsWith(`|${p.to}|1440`));
    expect([p.to, row !== undefined]).toEqual([p.to, true]);
    const state = row!['State'];
    if (p.dueMs <= e.dueBy) expect([p.to, state === 'Sent' || interrupted.includes(row!)]).toEqual([p.to, true]);
    else expect([p.to, state]).toEqual([p.to, 'Pending']);
  }
  expect(sentRows.length + interrupted.length).toBe(plannedReminders().filter((p) => p.dueMs <= e.dueBy).length);

  // Typed values: the calls as typed, and whatever the trial typed.
  const calls = xlsxRecords(xlsx, 'Calls');
  typedCalls().forEach((typed, k) => {
    expect([calls[k]['Type'], calls[k]['Candidate IDs'], wall(calls[k]['Start'])]).toEqual([typed.Type, typed['Candidate IDs'], typed.Start]);
  });
  for (const t of e.typed ?? [])
    expect([t.tab, t.row, t.header, String(xlsxRecords(xlsx, t.tab)[t.row - 2]?.[t.header])]).toEqual([t.tab, t.row, t.header, t.value]);
}
