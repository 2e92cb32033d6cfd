/** Parsing of the CLI's instants (--now, --from, --to) in the spreadsheet's zone. */
import { instantOf } from './tz';

const WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;
const LOCAL = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;

/** An ISO instant with an offset, or a wall time (date, or date and time) read in `timeZone`. */
export function parseInstant(text: string, timeZone: string): Date {
  if (WITH_OFFSET.test(text)) {
    const d = new Date(text);
    if (!isNaN(d.getTime())) return d;
  }
  const m = LOCAL.exec(text);
  if (m) {
    const [y, mo, d, h, mi, s] = [m[1], m[2], m[3], m[4], m[5], m[6]].map((x) => Number(x ?? 0));
    const check = new Date(Date.UTC(y, mo - 1, d));
    if (check.getUTCMonth() === mo - 1 && check.getUTCDate() === d && h < 24 && mi < 60 && s < 60) {
      return new Date(instantOf(timeZone, y, mo, d, h, mi, s));
    }
  }
  throw new Error(`not a date-time: "${text}" (use ISO 8601, e.g. 2026-11-23T09:00 or 2026-11-23T09:00+03:00)`);
}
