/** Stopping a run the way Google stops it (not a test file itself). */
import { Harness } from './harness';
import { DEFAULT_LIMITS } from '../../workspace/runtime/runtime';

/**
 * Makes the run stop the way Google stops it right after the k-th MailApp.sendEmail: the
 * execution limit is set to the time used so far, so the next service call throws
 * "Exceeded maximum execution time" (and every call after it). Returns the undo.
 */
export function killAfterSend(h: Harness, k: number): () => void {
  const meter = h.ws.rt.meter as unknown as { record(call: string, ms: number): void };
  const original = meter.record;
  let sends = 0;
  meter.record = function (this: unknown, name: string, ms: number) {
    original.call(meter, name, ms);
    if (name === 'MailApp.sendEmail' && ++sends === k) h.ws.rt.limits.executionMs = h.ws.rt.clock.elapsed();
  };
  return () => {
    meter.record = original;
    h.ws.rt.limits.executionMs = DEFAULT_LIMITS.executionMs;
  };
}
