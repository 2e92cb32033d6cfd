/**
 * What a person does on the local Workspace, shared by the CLI, the demo and the tests:
 * typing into a row (personEdit, with the edit event Google would send), changing an event
 * in Calendar (personEvent), answering setup's prompt, running the triggers over a span,
 * and reading the workbook's status. The CLI only parses flags and prints.
 */
import type { calendar_v3 } from 'googleapis';
import { DEPARTMENTS, findColumn, findTab } from '../src/core/schema';
import { columnOwners } from '../src/core/permissions';
import { LocalWorkspace, RunRecord } from './runtime/workspace';
import { editEvent, EditShape } from './runtime/events';
import { parseInstant } from './runtime/typing';

/** A user error: printed without a stack, exit code 2. */

/** Exit code of an edit or an add-on action the product refused or put back (0 applied, 2 bad input, 4 busy). */
export const REFUSED_EXIT_CODE = 3;
export class UsageError extends Error {}

/** The product (a protection or its rules) refused what the person did: exit code 3. */
export class RefusedError extends Error {
  constructor(
    message: string,
    readonly refusal: Refusal,
  ) {
    super(message);
  }
}

/** What the person saw on screen during a command: a toast, an alert, a prompt. */
export interface Shown {
  kind: 'toast' | 'alert' | 'prompt';
  title: string;
  text: string;
}

/** A cell the person typed that the product refused or undid, and why. */
export interface Refusal {
  tab: string;
  column: string;
  row: number;
  typed: string;
  reason: string;
}

/** Where the screen's record stood: what shownSince() reads from. */
export function screenMark(ws: LocalWorkspace): { toasts: number; ui: number } {
  return { toasts: ws.spreadsheet.toasts.length, ui: ws.spreadsheet.uiLog.length };
}

/** The toasts, alerts and prompts shown since `mark`, each once. */
export function shownSince(ws: LocalWorkspace, mark: { toasts: number; ui: number }): Shown[] {
  const out: Shown[] = [
    ...ws.spreadsheet.toasts.slice(mark.toasts).map((t) => ({ kind: 'toast' as const, title: t.title, text: t.message })),
    ...ws.spreadsheet.uiLog
      .slice(mark.ui)
      .filter((e) => e.kind === 'alert' || e.kind === 'prompt')
      .map((e) => ({ kind: e.kind as 'alert' | 'prompt', title: e.title, text: e.content })),
  ];
  const seen = new Set<string>();
  return out.filter((s) => {
    const key = `${s.kind}|${s.title}|${s.text}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The person running setup answers its sender-name question with `name`. */
export function answerSenderPrompt(ws: LocalWorkspace, name: string): void {
  ws.spreadsheet.setUiResponder((e) => (e.kind === 'prompt' ? { button: 'OK', text: name } : undefined));
}

/** What `reglament event` does, through the Calendar fake's person (no API call is counted). */
export function personEvent(
  ws: LocalWorkspace,
  opts: { id: string; start?: string; end?: string; cancel?: boolean; respond?: string },
): { done: string; event: calendar_v3.Schema$Event } {
  const zone = ws.spreadsheet.timeZone();
  const instant = (flag: string, text: string) => {
    try {
      return parseInstant(text, zone).getTime();
    } catch (e) {
      throw new UsageError(`${flag}: ${(e as Error).message}`);
    }
  };
  const person = ws.calendar.person;
  if (!person.find(opts.id)) throw new UsageError(`no event with id "${opts.id}" on any calendar (see: reglament calendar ${ws.workbook})`);
  try {
    if (opts.start !== undefined) {
      const start = instant('--start', opts.start);
      const end = opts.end === undefined ? undefined : instant('--end', opts.end);
      return { done: `moved ${opts.id}`, event: person.move(opts.id, start, end) };
    }
    if (opts.cancel) return { done: `cancelled ${opts.id}`, event: person.cancel(opts.id) };
    const pair = opts.respond ?? '';
    const i = pair.indexOf('=');
    if (i <= 0) throw new UsageError(`--respond takes EMAIL=accepted|declined|tentative, not "${pair}"`);
    const email = pair.slice(0, i).trim();
    const answer = pair.slice(i + 1).trim();
    return { done: `${email} ${answer} ${opts.id}`, event: person.respond(opts.id, email, answer) };
  } catch (e) {
    if (e instanceof UsageError) throw e;
    throw new UsageError((e as Error).message);
  }
}
export interface EditResult {
  range: string;
  runs: RunRecord[];
  /** Set when another execution held the script lock during the edit (--lock-held-for): until when. */
  lockHeldUntil?: string;
  /** applied, or refused: a typed cell was put back as it was (the guard's undo, a refused hand-off). */
  outcome: 'applied' | 'refused';
  refused: Refusal[];
  /** The toasts and alerts the person saw. */
  shown: Shown[];
  /** The Problems cell of each row the edit touched, where not empty (sheet row numbers). */
  problems: Array<{ row: number; text: string }>;
}

export interface EditOptions {
  /** typed (the default for one cell) or paste (no value/oldValue in the event; always for several cells). */
  shape?: EditShape;
  /** Another execution holds the script lock from the edit on, this long (simulated ms). */
  lockHeldForMs?: number;
}

/**
 * Types the cells into the row as a person would (parsed like Sheets input), then fires
 * the simple onEdit and the installable on-edit triggers as the UI does, with the event
 * Google would send (workspace/events.ts).
 */
export function personEdit(
  ws: LocalWorkspace,
  tabName: string,
  rowText: string,
  cells: Array<[string, string]>,
  user: string,
  options: EditOptions = {},
): EditResult {
  const def = findTab(tabName);
  const sheetName = def ? ws.spreadsheet.sheetNames().find((n) => findTab(n)?.key === def.key) : undefined;
  if (!def || !sheetName) throw new UsageError(`unknown tab "${tabName}" (tabs: ${ws.spreadsheet.sheetNames().join(', ')})`);
  const values = ws.spreadsheet.readValues(sheetName);
  const header = (values[0] ?? []).map((h) => String(h));
  const columns = cells.map(([headerText]) => {
    const col = findColumn(def, headerText);
    const index = col ? header.findIndex((h) => findColumn(def, h)?.key === col.key) : header.findIndex((h) => h.trim() === headerText.trim());
    if (index < 0) throw new UsageError(`unknown column "${headerText}" on ${sheetName} (columns: ${header.filter(Boolean).join(', ')})`);
    return index + 1;
  });
  const row = rowText === 'new' ? Math.max(values.length, 1) + 1 : Number(rowText);
  if (!Number.isInteger(row) || row < 2)
    throw new UsageError(`--row must be a sheet row number from 2 (row 1 is the header) or "new", not "${rowText}"`);
  const first = Math.min(...columns);
  const last = Math.max(...columns);
  // One rectangular edit from the first to the last column, like a paste. Cells in between
  // keep their values: text is re-entered with an apostrophe so Sheets does not re-parse it.
  const current = values[row - 1] ?? [];
  const line: unknown[] = [];
  for (let col = first; col <= last; col++) {
    const v = current[col - 1] ?? '';
    const plain = ws.spreadsheet.numberFormat(sheetName, row, col) === '@';
    line.push(typeof v === 'string' && v !== '' && !plain ? `'${v}` : v);
  }
  cells.forEach(([, text], k) => {
    line[columns[k] - first] = text; // typed text: the spreadsheet parses it as Sheets parses input
  });
  ws.rt.beginExecution(ws.rt.clock.now(), { kind: 'ui', activeUser: user, effectiveUser: user });
  // Google refuses the whole paste when any cell of its rectangle is protected against the person.
  const spanned = Array.from({ length: last - first + 1 }, (_, k) => first + k);
  const refusedByProtection = ws.spreadsheet.protectedColumns(sheetName, row, spanned, user);
  if (refusedByProtection.length > 0) throw protectionRefusal(ws, sheetName, header, row, refusedByProtection, cells, columns);
  let edit;
  try {
    edit = ws.spreadsheet.personEdit(sheetName, row, first, [line], user);
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const typed = ws.spreadsheet.readValues(sheetName)[row - 1] ?? [];
  const typedCells = columns.map((col) => typed[col - 1]);
  const mark = screenMark(ws);
  let lockHeldUntil: string | undefined;
  if (options.lockHeldForMs !== undefined) {
    const until = ws.rt.clock.nowMs() + options.lockHeldForMs;
    ws.lock.holdByAnotherExecution('script', until);
    lockHeldUntil = new Date(until).toISOString();
  }
  const shape: EditShape = options.shape ?? (cells.length === 1 ? 'typed' : 'paste');
  const runs = fireOnEdit(ws, edit.range, edit.oldValues, user, shape);
  const shown = shownSince(ws, mark);
  const after = ws.spreadsheet.readValues(sheetName)[row - 1] ?? [];
  const refused: Refusal[] = [];
  columns.forEach((col, k) => {
    const before = edit.oldValues[0]?.[col - first];
    // Undone: the cell holds again what it held before, though the person typed something else.
    if (sameCell(typedCells[k], before) || !sameCell(after[col - 1], before)) return;
    const note = ws.spreadsheet.model.sheets.find((s) => s.name === sheetName)?.notes.get(row - 1, col - 1) ?? '';
    const reason = shown.find((s) => s.kind === 'toast')?.text || note;
    refused.push({ tab: sheetName, column: header[col - 1], row, typed: cells[k][1], reason });
  });
  const problemsCol = header.findIndex((h) => findColumn(def, h)?.key === 'problems');
  const problems = problemsCol < 0 || !cellString(after[problemsCol]).trim() ? [] : [{ row, text: cellString(after[problemsCol]).trim() }];
  return {
    range: `${sheetName}!${edit.range.getA1Notation()}`,
    runs,
    ...(lockHeldUntil ? { lockHeldUntil } : {}),
    outcome: refused.length > 0 ? 'refused' : 'applied',
    refused,
    shown,
    problems,
  };
}

/** Google's own refusal of a protected cell, naming the tab and the column. */
function protectionRefusal(
  ws: LocalWorkspace,
  sheetName: string,
  header: string[],
  row: number,
  refusedCols: number[],
  cells: Array<[string, string]>,
  columns: number[],
): RefusedError {
  const google =
    'You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.';
  const ru = ws.spreadsheet.locale().startsWith('ru');
  const names = refusedCols.map((c) => `«${header[c - 1]}»`).join(', ');
  const def = findTab(sheetName);
  const key = def ? findColumn(def, header[refusedCols[0] - 1])?.key : undefined;
  const owners = def && key ? columnOwners(def.key, key) : undefined;
  const lang = ru ? 'ru' : 'en';
  const dept = (k: string) => DEPARTMENTS.find((d) => d.key === k)?.[lang] ?? k;
  const who =
    owners === 'system'
      ? ru
        ? 'его заполняет Регламент'
        : 'Reglament fills it in'
      : owners === undefined
        ? ''
        : (ru ? 'его заполняют: ' : 'it is for: ') + [...owners, 'management'].map(dept).join(', ');
  const reason = ru
    ? `столбец ${names} защищён${who ? `: ${who}` : ''} (Google: ${google})`
    : `column ${names} is protected${who ? `: ${who}` : ''} (Google: ${google})`;
  const k = columns.indexOf(refusedCols[0]);
  const refusal = { tab: sheetName, column: header[refusedCols[0] - 1], row, typed: cells[k]?.[1] ?? '', reason };
  return new RefusedError(`${ru ? 'отклонено' : 'refused'}: ${sheetName}, ${reason}`, refusal);
}

function cellString(v: unknown): string {
  return v === null || v === undefined ? '' : String(v);
}

/** Same as a person reads it: an unticked box is an empty one. */
function sameCell(a: unknown, b: unknown): boolean {
  const t = (v: unknown) =>
    v === null || v === undefined || v === false ? '' : Object.prototype.toString.call(v) === '[object Date]' ? (v as Date).getTime() : v;
  return t(a) === t(b);
}

/**
 * The simple onEdit (as the editor, limited, naming nobody) then each installable on-edit
 * trigger (as its creator, naming the editor only where Google would).
 */
export function fireOnEdit(
  ws: LocalWorkspace,
  range: GoogleAppsScript.Spreadsheet.Range,
  oldValues: unknown[][],
  user: string,
  shape: EditShape = 'typed',
): RunRecord[] {
  const input = {
    range,
    shape,
    newValue: ws.spreadsheet.readValues(range.getSheet().getName())[range.getRow() - 1]?.[range.getColumn() - 1],
    oldValue: oldValues[0]?.[0],
    timeZone: ws.spreadsheet.timeZone(),
  };
  const at = ws.rt.clock.now();
  const runs: RunRecord[] = [];
  if (ws.entryPoints().includes('onEdit')) {
    const run = { kind: 'ui' as const, activeUser: user, effectiveUser: user, trigger: 'simple' as const };
    runs.push(ws.invoke('onEdit', { kind: 'ui', user, at, trigger: 'simple', args: [editEvent(run, ws.rt.limits, input)] }));
  }
  for (const trigger of ws.script.editTriggers()) {
    const run = { kind: 'ui' as const, activeUser: user, effectiveUser: trigger.owner, trigger: 'installable' as const };
    runs.push(
      ws.invoke(trigger.handler, {
        kind: 'ui',
        user,
        effectiveUser: trigger.owner,
        at,
        trigger: 'installable',
        args: [editEvent(run, ws.rt.limits, input, trigger.id)],
      }),
    );
  }
  return runs;
}

export interface PlannedRun {
  handler: string;
  owner: string;
  atMs: number;
}

/** The clock triggers due in [from, to], or `tick` every `stepMs` when none is installed. */
export function planSpan(ws: LocalWorkspace, from: Date, to: Date, stepMs: number): PlannedRun[] {
  // The firing window is half-open [from, to); +1 ms makes the end instant inclusive like the fallback steps.
  const firings = ws.script.clockFiringsBetween(from.getTime(), to.getTime() + 1, ws.spreadsheet.timeZone());
  return firings.length > 0 || ws.script.hasClockTriggers()
    ? firings.map((f) => ({ handler: f.handler, owner: f.owner, atMs: f.atMs }))
    : stepTimes(from.getTime(), to.getTime(), stepMs).map((atMs) => ({ handler: 'tick', owner: ws.owner, atMs }));
}

/** Fires the planned runs of [from, to] one after the other in this workspace (no commits in between). */
export function runSpan(ws: LocalWorkspace, from: Date, to: Date, stepMs: number, progress?: (i: number, total: number) => void): RunRecord[] {
  const plan = planSpan(ws, from, to, stepMs);
  const runs: RunRecord[] = [];
  plan.forEach((p, i) => {
    runs.push(ws.invoke(p.handler, { kind: 'time', user: p.owner, at: new Date(p.atMs) }));
    progress?.(i + 1, plan.length);
  });
  return runs;
}

function stepTimes(from: number, to: number, step: number): number[] {
  const out: number[] = [];
  for (let t = from; t <= to; t += step) out.push(t);
  return out;
}

export function parseDuration(text: string, flag = '--step'): number {
  const m = /^(\d+)\s*(s|m|h|d)$/.exec(text.trim());
  if (!m || Number(m[1]) === 0) throw new UsageError(`${flag} takes a duration like 240s, 5m, 1h or 1d, not "${text}"`);
  const unit = { s: 1000, m: 60000, h: 3600000, d: 86400000 }[m[2] as 's' | 'm' | 'h' | 'd'];
  return Number(m[1]) * unit;
}
export interface WorkbookStatus {
  workbook: string;
  tabs: Array<{ name: string; rows: number }>;
  outbox: Record<string, number>;
  log: string[][];
  lastRuns: RunRecord[];
}

export function workbookStatus(ws: LocalWorkspace, logLines: number): WorkbookStatus {
  const tabs = ws.spreadsheet.sheetNames().map((name) => ({ name, values: ws.spreadsheet.readValues(name) }));
  const byKey = (key: string) => tabs.find((t) => findTab(t.name)?.key === key);
  const outbox: Record<string, number> = {};
  const outboxTab = byKey('outbox');
  if (outboxTab && outboxTab.values.length > 0) {
    const stateCol = outboxTab.values[0].findIndex((h) => findColumn(findTab(outboxTab.name)!, String(h))?.key === 'state');
    for (const row of outboxTab.values.slice(1)) {
      const state = String(row[stateCol] ?? '') || '(empty)';
      outbox[state] = (outbox[state] ?? 0) + 1;
    }
  }
  const logTab = byKey('log');
  const log = logTab
    ? logTab.values
        .slice(1)
        .slice(-logLines)
        .map((r) =>
          r.map((v) => (v instanceof Date || Object.prototype.toString.call(v) === '[object Date]' ? (v as Date).toISOString() : String(v))),
        )
    : [];
  return {
    workbook: ws.workbook,
    tabs: tabs.map((t) => ({ name: t.name, rows: Math.max(t.values.length - 1, 0) })),
    outbox,
    log,
    lastRuns: ws.lastRuns(),
  };
}
