/**
 * The README's figures table (issue 15: "the README's figures table is regenerated from the
 * bench"): which figure each row shows, read from the bench cases' `--json` objects, against
 * its target from issue 15's "Done when", met or not, and when and where it was measured.
 * workspace/figures.ts (`npm run figures`) runs the bench and rewrites the table between the
 * markers; `--check` (and test/docs/figures.test.ts) only checks the table's shape and row
 * names. Pure: no files, no processes.
 */

export const BEGIN = '<!-- figures:begin -->';
export const END = '<!-- figures:end -->';
export const HEADER: TableRow = ['figure', 'measured', 'target (issue 15)', 'met', 'measured at'];

/** The bench cases that print the figures (`node dist/bench.js <case> --json`). */
export const FIGURE_CASES = ['foundation', 'orders', 'calls', 'schedules', 'day'] as const;
export type FigureCase = (typeof FIGURE_CASES)[number];

/** One row's reading: the text shown, and whether its target is met (undefined: no target). */
export interface Reading {
  text: string;
  met?: boolean;
}

export interface FigureRow {
  /** The row's first cell: stable, `--check` compares it. */
  name: string;
  case: FigureCase;
  /** The target from issue 15's "Done when", or undefined. */
  target?: string;
  /** Undefined when the bench's JSON lacks the figure (a broken contract: the run fails). */
  read(json: BenchJson): Reading | undefined;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the bench's printed JSON, read loosely
export type BenchJson = Record<string, any>;

const num = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const seconds = (s: number) => `${s < 10 ? s.toFixed(2) : s.toFixed(1)} s`;

/** A run of a non-day case: `{ <case>: { <key>: { calls, estimatedSeconds } } }`; target ≤ maxSeconds. */
function run(c: FigureCase, key: string, maxSeconds?: number): (json: BenchJson) => Reading | undefined {
  return (json) => {
    const f = json[c]?.[key];
    if (!f || !num(f.estimatedSeconds) || !num(f.calls)) return undefined;
    return {
      text: `${seconds(f.estimatedSeconds)} (${f.calls} calls)`,
      met: maxSeconds === undefined ? undefined : f.estimatedSeconds <= maxSeconds,
    };
  };
}

function idle(calls: unknown, s: unknown): Reading | undefined {
  if (!num(calls) || !num(s)) return undefined;
  return { text: `${calls} calls, ${seconds(s)}`, met: calls <= 3 && s <= 0.2 };
}

const minutes = (get: (json: BenchJson) => unknown, max: number) => (json: BenchJson) => {
  const m = get(json);
  return num(m) ? { text: `${m} min`, met: m <= max } : undefined;
};

/** The rows, in the table's order. */
export const FIGURE_ROWS: FigureRow[] = [
  {
    name: 'an idle tick of the company’s day (nothing due, nothing marked: the gate closed)',
    case: 'day',
    target: '≤ 3 calls and ≤ 0.2 s',
    read: (j) => idle(j.idleTick?.calls, j.idleTick?.estimatedSeconds),
  },
  {
    name: 'the company’s day: trigger runtime (2,000 orders, 5,000 calls, 20,000 candidates, 300 edits)',
    case: 'day',
    target: '≤ 15 min',
    read: minutes((j) => j.day?.triggerMinutes, 15),
  },
  {
    name: 'the same day after a year of history (180,000 Outbox rows, 110,000 Log lines)',
    case: 'day',
    target: '≤ 20 min',
    read: minutes((j) => j.dayAfterYear?.triggerMinutes, 20),
  },
  {
    name: 'calling reports with results sent after their 18:00 deadline (4,000 orders)',
    case: 'day',
    target: 'none',
    read: (j) => {
      const r = j.reports;
      if (!r || !num(r.sentAfterDeadline)) return undefined;
      const of = num(r.withResults) ? ` of ${r.withResults}` : '';
      return { text: `${r.sentAfterDeadline}${of} (${r.orders} orders)`, met: r.sentAfterDeadline === 0 };
    },
  },
  {
    name: 'one cell edited on Orders with 100,000 Log lines (10,000 orders), consumer account; no mail due',
    case: 'orders',
    target: '≤ 1.5 s',
    read: run('orders', 'editLog100k', 1.5),
  },
  {
    name: 'the same edit with the Log nearly empty',
    case: 'orders',
    read: run('orders', 'editNoMail'),
  },
  {
    name: 'the first edit of a paid order loaded without its payment notice (the notice goes: an e-mail and its Outbox row)',
    case: 'orders',
    read: run('orders', 'edit'),
  },
  { name: 'the same edit on a Workspace account (the editor named)', case: 'orders', read: run('orders', 'editWorkspace') },
  { name: 'a 500-row paste on Orders (250 of the orders paid, so 250 payment notices go)', case: 'orders', read: run('orders', 'paste') },
  { name: 'a hand-off (check, e-mail, record)', case: 'orders', read: run('orders', 'handOff') },
  { name: 'a Staff edit that changes no department (a deputy)', case: 'orders', target: '≤ 1.5 s', read: run('orders', 'staffDeputy', 1.5) },
  {
    name: 'a Staff edit that adds a Sales member (only the affected protections re-synced)',
    case: 'orders',
    target: '≤ 1.5 s',
    read: run('orders', 'staffSalesMember', 1.5),
  },
  { name: 'full re-validation of 10,000 orders', case: 'orders', read: run('orders', 'revalidation') },
  {
    name: 'setup of a new workbook (tabs, formats, mirrors, protections)',
    case: 'foundation',
    target: '≤ 20 s',
    read: run('foundation', 'setup', 20),
  },
  { name: 'a tick with 200 reminders due (5,000 calls, 20,000 candidates)', case: 'calls', read: run('calls', 'remindersTick') },
  { name: 'the tick after it (the reminders’ tick left nothing: the gate closed)', case: 'calls', read: run('calls', 'nextTick') },
  {
    name: 'the tick after that on 5,000 calls and 20,000 candidates (nothing due, nothing marked)',
    case: 'calls',
    target: '≤ 3 calls and ≤ 0.2 s',
    read: (j) => idle(j.calls?.gatedTick?.calls, j.calls?.gatedTick?.estimatedSeconds),
  },
  { name: 'one edit of a call (new start: event patched, reminders moved)', case: 'calls', read: run('calls', 'callEdit') },
  { name: 'the 18:00 tick with the calling days due (2,000 orders)', case: 'schedules', read: run('schedules', 'reportsTick') },
  {
    name: 'the schedule engine alone: 10,000 orders for a year (here, not on Google)',
    case: 'schedules',
    read: (j) => (num(j.schedules?.engine?.localMs) ? { text: `${Math.round(j.schedules.engine.localMs)} ms here` } : undefined),
  },
];

/** Where the figures of one bench run were measured. */
export interface RunInfo {
  /** YYYY-MM-DD (UTC). */
  date: string;
  /** The commit measured (short hash), "+ changes" when what the bench runs differed from it. */
  commit: string;
  /** REGLAMENT_DAY_SCALE of the run (1: the full company). */
  dayScale: number;
}

export type TableRow = [string, string, string, string, string];

/** The row's cells from a run, or undefined when its case did not run. */
export function renderRow(row: FigureRow, json: BenchJson, ran: readonly FigureCase[], info: RunInfo): TableRow | undefined {
  if (!ran.includes(row.case)) return undefined;
  const r = row.read(json);
  if (!r) throw new Error(`the bench's JSON of "${row.case}" has no figure for "${row.name}" (keys: ${JSON.stringify(json[row.case] ?? json)})`);
  const scaled = row.case === 'day' && info.dayScale !== 1;
  const met = row.target === undefined ? '—' : scaled ? `not judged (scaled run)` : r.met ? 'yes' : 'no';
  const at = `${info.date}, ${info.commit}${scaled ? `, day at scale ${info.dayScale}: not the company’s figure` : ''}`;
  return [row.name, r.text, row.target ?? '—', met, at];
}

/**
 * The table: rows of the cases run from `json`, the others kept from `previous` (the current
 * table's rows by name), or "not measured yet".
 */
export function renderTable(json: BenchJson, ran: readonly FigureCase[], info: RunInfo, previous: Map<string, TableRow> = new Map()): string {
  const rows = FIGURE_ROWS.map(
    (row): TableRow => renderRow(row, json, ran, info) ?? previous.get(row.name) ?? [row.name, 'not measured yet', row.target ?? '—', '—', '—'],
  );
  return formatTable([HEADER, ...rows]);
}

/** Pads the cells as prettier formats a Markdown table (so `format:check` passes). */
function formatTable(rows: TableRow[]): string {
  const cell = (s: string) => s.replace(/\|/g, '\\|');
  const widths = HEADER.map((_, i) => Math.max(3, ...rows.map((r) => cell(r[i]).length)));
  const line = (r: string[]) => `| ${r.map((c, i) => cell(c).padEnd(widths[i])).join(' | ')} |`;
  return [line(rows[0]), `| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |`, ...rows.slice(1).map(line)].join('\n');
}

/** The table between the markers, or an error saying what is wrong with the README around it. */
export function findTable(readme: string): { start: number; end: number; rows: TableRow[] } {
  const begin = readme.indexOf(BEGIN);
  const end = readme.indexOf(END);
  if (begin < 0 || end < 0) throw new Error(`README.md: no figures table markers (${BEGIN} … ${END})`);
  if (readme.indexOf(BEGIN, begin + 1) >= 0 || readme.indexOf(END, end + 1) >= 0) throw new Error('README.md: the figures markers appear twice');
  if (end < begin) throw new Error(`README.md: ${END} comes before ${BEGIN}`);
  const start = begin + BEGIN.length;
  const lines = readme
    .slice(start, end)
    .split('\n')
    .filter((l) => l.trim().startsWith('|'));
  const rows = lines.map((l) =>
    l
      .trim()
      .replace(/^\||\|$/g, '')
      .split(/(?<!\\)\|/)
      .map((c) => c.trim().replace(/\\\|/g, '|')),
  );
  return { start, end, rows: rows as TableRow[] };
}

/** What is wrong with the README's table: its markers, header, separator, and row names against FIGURE_ROWS. */
export function checkTable(readme: string): string[] {
  let rows: TableRow[];
  try {
    rows = findTable(readme).rows;
  } catch (e) {
    return [(e as Error).message];
  }
  const problems: string[] = [];
  if (JSON.stringify(rows[0]) !== JSON.stringify(HEADER))
    problems.push(`the header is ${JSON.stringify(rows[0])}, not ${JSON.stringify(HEADER)}`);
  if (!rows[1] || !rows[1].every((c) => /^-{3,}$/.test(c))) problems.push('the second line is not the separator');
  const body = rows.slice(2);
  body.forEach((r, i) => r.length !== HEADER.length && problems.push(`row ${i + 1} has ${r.length} cells, not ${HEADER.length}`));
  const names = body.map((r) => r[0]);
  const expected = FIGURE_ROWS.map((r) => r.name);
  if (JSON.stringify(names) !== JSON.stringify(expected))
    problems.push(
      `the rows are not the figures npm run figures makes: missing ${JSON.stringify(expected.filter((n) => !names.includes(n)))}, unknown ${JSON.stringify(names.filter((n) => !expected.includes(n)))}${names.length === expected.length ? ' (or in another order)' : ''}`,
    );
  return problems;
}

/** The README with the table between the markers replaced (the rows of cases not run kept). */
export function rewriteReadme(readme: string, json: BenchJson, ran: readonly FigureCase[], info: RunInfo): string {
  const { start, end, rows } = findTable(readme);
  const previous = new Map(rows.slice(2).map((r) => [r[0], r] as [string, TableRow]));
  return `${readme.slice(0, start)}\n\n${renderTable(json, ran, info, previous)}\n\n${readme.slice(end)}`;
}
