import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Runtime, RuntimeOptions } from '../../../workspace/runtime/runtime';

export function tempStateDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'reglament-state-'));
}

export const T0 = Date.UTC(2024, 2, 25, 7, 0); // Mon 2024-03-25 10:00 Moscow

/** A runtime as one CLI process would have it (same state folder = same workbook). */
export function runtime(stateDir?: string, options: RuntimeOptions = {}): Runtime {
  return new Runtime({ now: new Date(T0), stateDir, ...options });
}

/** Message of the error `fn` throws (fails the test if it does not throw). */
export function thrown(fn: () => unknown): { message: string; name: string } {
  try {
    fn();
  } catch (e) {
    return e as Error;
  }
  throw new Error('expected an exception');
}

/** Starts the next execution `ms` of simulated time later (one execution may not run past 6 min). */
export function later(rt: Runtime, ms: number): void {
  rt.beginExecution(new Date(rt.clock.nowMs() + ms));
}
