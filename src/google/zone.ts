import { cachedOffsets, parseOffset, Zone } from '../core/time';

/** The spreadsheet's zone, with offsets served by Utilities.formatDate (on Google and locally). */
export function zoneOf(timeZone: string): Zone {
  return {
    id: timeZone,
    offsetAt: cachedOffsets((ms) => parseOffset(Utilities.formatDate(new Date(ms), timeZone, 'XXX'))),
  };
}
