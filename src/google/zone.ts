/**
 * The spreadsheet's zone, with offsets served by Utilities.formatDate(…, 'XXX') (on Google
 * and locally) — but asked rarely: a zone's offset is constant between its transitions
 * (DST changes, twice a year or never), so the run finds the transitions near the instants
 * it is asked about and answers every other instant from them.
 *
 * How: time is cut into fixed cells of CELL_MS (14 days, UTC-aligned). A cell whose two
 * ends have the same offset is taken as constant; one whose ends differ holds one
 * transition, found by a binary search to the minute (~15 calls). So a run that plans
 * thousands of dates over the next months makes a few dozen formatDate calls, not one per
 * quarter-hour: ~(span of the dates / 14 days) + 15 per transition, whatever their number.
 * The assumption, stated: no zone changes its offset twice within 14 days (tzdata's closest
 * pairs are Morocco's Ramadan suspensions, about a month apart). Transitions fall on whole
 * minutes (they do in tzdata since 1970).
 */
import { OffsetAt, parseOffset, Zone } from '../core/time';

const CELL_MS = 14 * 86400000;
const MINUTE = 60000;

export function zoneOf(timeZone: string): Zone {
  return { id: timeZone, offsetAt: transitionOffsets((ms) => parseOffset(Utilities.formatDate(new Date(ms), timeZone, 'XXX'))) };
}

interface Cell {
  /** Offset at the cell's start. */
  before: number;
  /** First instant (whole minute) of the offset at the cell's end; Infinity when the cell is constant. */
  change: number;
  after: number;
}

/** Offsets from a lookup asked only at cell ends and during a transition's binary search. */
export function transitionOffsets(lookup: OffsetAt): OffsetAt {
  const ends = new Map<number, number>();
  const cells = new Map<number, Cell>();
  const at = (ms: number): number => {
    let v = ends.get(ms);
    if (v === undefined) ends.set(ms, (v = lookup(ms)));
    return v;
  };
  const cellOf = (k: number): Cell => {
    let cell = cells.get(k);
    if (cell) return cell;
    const start = k * CELL_MS;
    const end = start + CELL_MS;
    const before = at(start);
    const after = at(end);
    if (before === after) cell = { before, change: Infinity, after };
    else {
      // Invariant: lookup(lo) is `before`, lookup(hi) is `after`; both on whole minutes.
      let lo = start;
      let hi = end;
      while (hi - lo > MINUTE) {
        const mid = lo + Math.floor((hi - lo) / 2 / MINUTE) * MINUTE;
        if (lookup(mid) === before) lo = mid;
        else hi = mid;
      }
      cell = { before, change: hi, after };
    }
    cells.set(k, cell);
    return cell;
  };
  return (instantMs) => {
    const cell = cellOf(Math.floor(instantMs / CELL_MS));
    return instantMs < cell.change ? cell.before : cell.after;
  };
}
