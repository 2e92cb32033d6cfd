/**
 * Which results need a tick of their own (issue 15: ticks that cost nothing when nothing is due).
 *
 * A late report goes once HR has stopped adding results for a quiet spell (report.ts QUIET_MS),
 * so a result typed for it wakes a tick at the spell's end. Before its deadline a report needs
 * no such tick: the reports' ticks of its lead time and the deadline itself send it (gate.ts
 * reportInstant). So only a result whose Selections row is open — unsent, and Done, within its
 * lead time (or OPEN_MARGIN_MS of its deadline) or past it — wakes a tick; every other result is
 * only remembered for the quiet spell.
 *
 * The reports' ticks, which read every Selections row, leave the open rows in a script property
 * (per order: the calling days of its open rows, and of its later rows, which own a result
 * dated on or after them). An edit looks the typed results up there, without reading Selections.
 * A row opens at its lead time, when a reports' tick runs, or when HR ticks Done, whose edit
 * writes the property too, so the property never misses a row that is open. Rows whose deadline is more than OPEN_DAYS old are left out (a result for
 * them goes with the next full tick: the 03:00 pass, the 09:00 tick), or the property would grow
 * with history; a property too large for Google's 9 KB a value reads as "every order".
 */

/** A row counts as open this long before its deadline even when the lead time is shorter (the lead's tick may start late). */
export const OPEN_MARGIN_MS = 15 * 60000;
/** Rows whose deadline passed longer ago than this are not kept open (the next full tick sends their late report). */
export const OPEN_DAYS = 1;
/** The property's value when the open rows do not fit in one value: every result wakes a tick. */
export const EVERY_ORDER = '*';
/** Google's limit is 9 KB a value; the JSON is kept below it. */
const MAX_CHARS = 8000;

/** One Selections row as the rule needs it. */
export interface ReportRowFacts {
  /** Normalised Order ID. */
  order: string;
  /** The calling day (a day number, core/time dayNumber). */
  day: number;
  /** The report's deadline (ms). */
  due: number;
  sent: boolean;
  /** HR ticked Done: the report goes once the results are in and quiet. */
  done: boolean;
}

/** Per order: [calling days of its open rows, calling days of its other unsent rows after the first open one]. */
type OpenMap = Record<string, [number[], number[]]>;

/** The property's value for these rows at `now` (JSON, or EVERY_ORDER when it would not fit). */
export function openReportsValue(rows: readonly ReportRowFacts[], now: number, leadMs: number): string {
  const open = (r: ReportRowFacts) =>
    !r.sent && (r.done || r.due - Math.max(leadMs, OPEN_MARGIN_MS) <= now) && now - r.due <= OPEN_DAYS * 86400000;
  const map: OpenMap = {};
  for (const r of rows) if (open(r)) (map[r.order] ??= [[], []])[0].push(r.day);
  // A later row of the same order owns the results dated on or after its day: it is kept too.
  for (const r of rows) {
    const entry = map[r.order];
    if (entry && !open(r) && r.day > Math.min(...entry[0])) entry[1].push(r.day);
  }
  for (const entry of Object.values(map)) entry.forEach((days) => days.sort((a, b) => a - b));
  const text = JSON.stringify(map);
  return text.length > MAX_CHARS ? EVERY_ORDER : text;
}

/** A typed result: its normalised Order ID and the day number of its Date. */
export interface TypedResult {
  order: string;
  day: number;
}

/**
 * Does one of these results belong to an open row (so its quiet spell's end needs a tick)? A
 * missing or damaged value answers yes: a needless tick costs time, a missing one a report.
 */
export function resultsNeedWake(value: string | undefined, results: readonly TypedResult[]): boolean {
  if (value === undefined || value === EVERY_ORDER) return results.length > 0;
  let map: OpenMap;
  try {
    map = JSON.parse(value) as OpenMap;
  } catch {
    return results.length > 0;
  }
  if (typeof map !== 'object' || map === null) return results.length > 0;
  return results.some((r) => {
    const entry = map[r.order];
    if (!Array.isArray(entry) || !Array.isArray(entry[0]) || !Array.isArray(entry[1])) return entry !== undefined;
    // The result's row: the latest calling day on or before its Date (report.ts resultsByRow).
    let owner = -Infinity;
    for (const d of [...entry[0], ...entry[1]]) if (d <= r.day && d > owner) owner = d;
    return entry[0].indexOf(owner) >= 0;
  });
}
