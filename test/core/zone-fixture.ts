import { Zone } from '../../src/core/time';
import { offsetMinutes } from '../../workspace/runtime/tz';

/** A zone served by Node's Intl, standing in for Utilities.formatDate in pure tests. */
export function intlZone(id: string): Zone {
  return { id, offsetAt: (ms) => offsetMinutes(ms, id) };
}
