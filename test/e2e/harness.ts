/**
 * End-to-end harness: the real build/Code.js on a local Workspace in a temp folder,
 * driven the way the CLI drives it (init, a person's edits, ticks at chosen instants).
 * jest's globalSetup (test/support/build.js) builds it before the suites.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { AccountType, LocalWorkspace, RunRecord } from '../../workspace/runtime/workspace';
import { answerSenderPrompt, personEdit, runSpan } from '../../workspace/cli';
import { parseInstant } from '../../workspace/runtime/typing';
import { Limits } from '../../workspace/runtime/runtime';

export interface Harness {
  ws: LocalWorkspace;
  dir: string;
  workbook: string;
  /**
   * Types cells into a row as `user` (header → text) and fires onEdit; returns the runs. One
   * cell is typed (the event has value/oldValue), several are one paste; `paste` makes even
   * one cell a paste, `lockHeldFor` (ms) has another execution hold the script lock meanwhile.
   */
  edit(
    tab: string,
    row: number | 'new',
    cells: Record<string, string>,
    user: string,
    at?: string,
    options?: { paste?: boolean; lockHeldFor?: number },
  ): RunRecord[];
  /** Runs the time trigger at a wall time in the spreadsheet zone (or an ISO instant with offset). */
  tick(at: string): RunRecord;
  /**
   * The 5-minute timer fires now (one tick at the simulated clock): what gives a person who
   * joined a department on Staff its columns (a Staff edit leaves that to the next tick).
   */
  timer(): RunRecord;
  /** Runs the installed triggers over a span. */
  run(from: string, to: string, step?: string): RunRecord[];
  /** Rows of a tab as records keyed by English header. */
  rows(tab: string): Array<Record<string, unknown>>;
  /**
   * Removes the protections of a tab, as an editor of them may in Sheets (so the rules on
   * edit are all that is left); returns how many were removed.
   */
  unprotect(tab: string): number;
  /** Saves and reopens the workspace from its files (what a next CLI command sees). */
  reopen(): Promise<Harness>;
  instant(at: string): Date;
  close(): void;
}

export interface HarnessOptions {
  locale?: 'ru' | 'en';
  timeZone?: string;
  now?: string;
  limits?: Partial<Limits>;
  dir?: string;
  /** The account the workbook lives on (default consumer, as `reglament init`). */
  account?: AccountType;
  domain?: string;
  /** The answer to setup's question for the sender name (none: setup gets no answer). */
  senderName?: string;
}

export async function openHarness(options: HarnessOptions = {}): Promise<Harness> {
  const dir = options.dir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'reglament-'));
  const workbook = path.join(dir, 'book.xlsx');
  const fresh = !fs.existsSync(workbook);
  const timeZone = options.timeZone ?? 'Europe/Moscow';
  const now = parseInstant(options.now ?? '2026-11-23T09:00', timeZone);
  const ws = await LocalWorkspace.open({
    workbook,
    create: true,
    locale: options.locale ?? 'en',
    timeZone,
    now,
    limits: options.limits,
    account: options.account,
    domain: options.domain,
  });
  if (fresh) {
    // Setup asks for the company's name as the sender; the person running it answers (or not).
    if (options.senderName !== undefined) answerSenderPrompt(ws, options.senderName);
    const run = ws.invoke('setupWorkbook', { kind: 'editor', at: now });
    if (!run.ok) throw new Error(`setupWorkbook failed: ${run.error}`);
  }
  return wrap(ws, dir, workbook, options);
}

function wrap(ws: LocalWorkspace, dir: string, workbook: string, options: HarnessOptions): Harness {
  const zone = () => ws.spreadsheet.timeZone();
  const instant = (at: string) => parseInstant(at, zone());
  const h: Harness = {
    ws,
    dir,
    workbook,
    instant,
    edit(tab, row, cells, user, at, opts = {}) {
      if (at) ws.rt.clock.reset(instant(at).getTime());
      const entries = Object.entries(cells);
      const shape = opts.paste || entries.length > 1 ? 'paste' : 'typed';
      return personEdit(ws, tab, String(row), entries, user, { shape, lockHeldForMs: opts.lockHeldFor }).runs;
    },
    tick(at) {
      return ws.invoke('tick', { kind: 'time', at: instant(at) });
    },
    timer() {
      return ws.invoke('tick', { kind: 'time', at: ws.rt.clock.now() });
    },
    run(from, to, step = '5m') {
      const ms = { m: 60000, h: 3600000, d: 86400000 }[step.slice(-1) as 'm' | 'h' | 'd'] * Number(step.slice(0, -1));
      return runSpan(ws, instant(from), instant(to), ms);
    },
    rows(tab) {
      return englishRecords(ws, tab);
    },
    unprotect(tab) {
      const def = findTab(tab);
      const name = ws.spreadsheet.sheetNames().find((n) => findTab(n)?.key === def?.key) ?? tab;
      const sheet = ws.spreadsheet.model.sheets.find((s) => s.name === name);
      if (!sheet) throw new Error(`no tab ${tab}`);
      const before = ws.spreadsheet.model.protections.length;
      ws.spreadsheet.model.protections = ws.spreadsheet.model.protections.filter((p) => p.sheetId !== sheet.id);
      return before - ws.spreadsheet.model.protections.length;
    },
    async reopen() {
      await ws.save();
      const next = await LocalWorkspace.open({ workbook, limits: options?.limits });
      return wrap(next, dir, workbook, options);
    },
    close() {
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
  return h;
}

import { findColumn, findTab } from '../../src/core/schema';

/** A tab's rows keyed by the English header of each known column (extra columns by their own header). */
export function englishRecords(ws: LocalWorkspace, tabName: string): Array<Record<string, unknown>> {
  const def = findTab(tabName);
  const name = ws.spreadsheet.sheetNames().find((n) => findTab(n)?.key === def?.key);
  if (!def || !name) throw new Error(`no tab ${tabName}`);
  const [header = [], ...rows] = ws.spreadsheet.readValues(name);
  const keys = header.map((h) => findColumn(def, String(h))?.en ?? String(h));
  return rows.filter((r) => r.some((v) => v !== '')).map((r) => Object.fromEntries(keys.map((k, i) => [k, r[i] ?? ''])));
}
