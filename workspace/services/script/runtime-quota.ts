/**
 * The daily "Triggers total runtime" quota: 90 min / day on consumer accounts, 6 h / day
 * on Google Workspace (rt.limits.triggerRuntimePerDayMs).
 * https://developers.google.com/apps-script/guides/services/quotas#current_quotas
 * - "Quotas are per user and reset 24 hours after the first request": kept per trigger
 *   owner (the effective user) from the first counted run, on the simulated clock, in the
 *   state file trigger-runtime.json so it holds across CLI commands.
 * - Past it, Google's text: "Service using too much computer time for one day" (the quotas
 *   page's error list: the script exceeded the total allowable execution time for one day,
 *   most commonly for scripts that run on a trigger).
 * What counts (Google lists no more): runs of time-driven and installable triggers. Simple
 * triggers, the editor, menus and sidebar callbacks do not.
 * Choices where Google is silent, the stricter each time: a run is stopped the moment it
 * would pass the quota (like the 6-minute limit), and a run that starts with nothing left
 * fails at once, before the script does anything.
 */
import type { Runtime } from '../../runtime/runtime';

export const TRIGGER_RUNTIME_EXCEEDED = 'Service using too much computer time for one day';
export const TRIGGER_RUNTIME_FILE = 'trigger-runtime.json';
const DAY_MS = 24 * 60 * 60 * 1000;

interface UserRuntime {
  /** When the first counted run of the current window started (ISO). */
  windowStart: string;
  usedMs: number;
}

type RuntimeFile = Record<string, UserRuntime>;

export class TriggerRuntimeQuota {
  private memory: RuntimeFile = {};

  constructor(private rt: Runtime) {}

  /** Simulated ms the current trigger owner may still run today. */
  remainingMs(atMs = this.rt.clock.nowMs()): number {
    return Math.max(0, this.rt.limits.triggerRuntimePerDayMs - this.current(atMs).usedMs);
  }

  /** Adds a run's simulated time (started at `startMs`) to its owner's day. */
  consume(ms: number, startMs: number): void {
    if (ms <= 0) return;
    const all = this.load();
    const entry = this.current(startMs);
    all[this.rt.execution.effectiveUser] = {
      windowStart: entry.windowStart || new Date(startMs).toISOString(),
      usedMs: entry.usedMs + ms,
    };
    this.save(all);
  }

  private current(atMs: number): UserRuntime {
    const entry = this.load()[this.rt.execution.effectiveUser];
    if (!entry || atMs >= Date.parse(entry.windowStart) + DAY_MS) return { windowStart: '', usedMs: 0 };
    return entry;
  }

  // Read on every use: another CLI command may have spent quota since.
  private load(): RuntimeFile {
    return this.rt.state ? this.rt.state.read<RuntimeFile>(TRIGGER_RUNTIME_FILE, {}) : this.memory;
  }

  private save(all: RuntimeFile): void {
    if (this.rt.state) this.rt.state.write(TRIGGER_RUNTIME_FILE, all);
    else this.memory = all;
  }
}
