/**
 * After Google refuses Calendar writes for its usage limits ("Calendar usage limits exceeded.":
 * the user's calendar "might become read-only for a few hours",
 * https://support.google.com/a/answer/2905486), runs stop asking for a while instead of
 * opening a full tick every five minutes that the same refusal ends.
 *
 * A refusal after this run wrote something is the short-time limit (a burst): the next tick
 * carries on, as before. A refusal before any write in the run may be the calendar being
 * read-only: writes pause for PAUSE_FIRST_MS (the next tick still tries: one refusal cannot tell
 * a burst from read-only mode), doubling on each such refusal up to PAUSE_MAX_MS; the gate
 * wakes a tick when the pause ends (gate.ts planDue), and the first write that succeeds ends
 * the pause. Every trigger runs as the owner, whose limits these are: one script property.
 */
import { RunContext } from './context';
import { runProperties } from './run-properties';

export const CALENDAR_PAUSE = 'reglament.calendar.pause';
export const PAUSE_FIRST_MS = 4 * 60000;
export const PAUSE_MAX_MS = 60 * 60000;

export interface CalendarPause {
  /** No Calendar write is tried before this instant (ms). */
  until: number;
  /** The pause that was taken (doubles on each refusal without a write). */
  stepMs: number;
  /** Google's message of the refusal (the rows waiting say it). */
  reason: string;
}

interface RunState {
  pause: CalendarPause | null;
  wrote: boolean;
}

const runs = new WeakMap<RunContext, RunState>();

/** A pause as stored (a damaged value reads as none). */
export function pauseOf(raw: string | null | undefined): CalendarPause | null {
  if (!raw) return null;
  try {
    const p = JSON.parse(raw) as Partial<CalendarPause>;
    return typeof p.until === 'number' && typeof p.stepMs === 'number'
      ? { until: p.until, stepMs: p.stepMs, reason: String(p.reason ?? '') }
      : null;
  } catch {
    return null;
  }
}

function state(ctx: RunContext): RunState {
  let s = runs.get(ctx);
  if (!s) {
    s = { pause: pauseOf(runProperties().getProperty(CALENDAR_PAUSE)), wrote: false };
    runs.set(ctx, s);
  }
  return s;
}

/** The refusal's message while Calendar writes are paused; null when they may be tried (one property read per run). */
export function calendarPaused(ctx: RunContext): string | null {
  const p = state(ctx).pause;
  return p && p.until > ctx.now.getTime() ? p.reason || 'Calendar usage limits exceeded.' : null;
}

/** A Calendar write succeeded: a pause that was taken ends. */
export function calendarWrote(ctx: RunContext): void {
  const s = state(ctx);
  s.wrote = true;
  if (s.pause) {
    s.pause = null;
    runProperties().deleteProperty(CALENDAR_PAUSE);
  }
}

/** Google refused a write for its usage limits: before any write in this run, writes pause (longer each time). */
export function calendarRefused(ctx: RunContext, reason: string): void {
  const s = state(ctx);
  if (s.wrote) return;
  const stepMs = s.pause ? Math.min(PAUSE_MAX_MS, s.pause.stepMs * 2) : PAUSE_FIRST_MS;
  s.pause = { until: ctx.now.getTime() + stepMs, stepMs, reason };
  runProperties().setProperty(CALENDAR_PAUSE, JSON.stringify(s.pause));
}

/** When the pause this run knows of ends (ms), if it has not ended: the tick then tries again. */
export function pauseEnd(ctx: RunContext, all: Record<string, string>): number | null {
  const p = runs.get(ctx)?.pause ?? (runs.has(ctx) ? null : pauseOf(all[CALENDAR_PAUSE]));
  return p && p.until > ctx.now.getTime() ? p.until : null;
}
