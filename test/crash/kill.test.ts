/**
 * kill -9 at any moment (issue 11): a busy `reglament run` (52 reminders over 14 trigger runs)
 * is SIGKILLed at seeded random instants, and a `tick` at each step of its commit; then the
 * next tick a timer would make runs, and the files must hold either the previous commit or the
 * new one (fixture.ts `verify`). The steps are each killed deterministically; the random kills
 * are one per equal slice of an uninterrupted run (a seeded instant in each), so the 8 of
 * `npm test` strike from start-up to the last commit. `npm run crash -- [trials] [seed]`
 * (scripts/crash.mjs; 100 by default) or REGLAMENT_CRASH_TRIALS=n runs more.
 * The CLI runs from dist/, which jest's globalSetup (test/support/build.js) builds first.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { MIN, SPAN, cli, copyFixture, makeBusyWorkbook, prng, start, verify, wallMs } from './fixture';
import { readCommitInfo } from '../../workspace/runtime/commit';
import { RunRecord, stateDirFor } from '../../workspace/runtime/workspace';

const TRIALS = Number(process.env.REGLAMENT_CRASH_TRIALS) || 8;
const SEED = Number(process.env.REGLAMENT_CRASH_SEED) || 11;
/** Two trials at a time: one runs while the other starts up. */
const LANES = 2;

// Each test runs several CLI processes beside another suite on two cores (jest.config.js): 15–25 s
// alone, near the 60 s default on a shared machine. Time limits are asserted inside, not by jest.
jest.setTimeout(180000);

let dir: string;
let fixture: string;
/** How long an uninterrupted run of the span takes here (kills are drawn within it). */
let fullRunMs: number;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'reglament-kill-'));
  fixture = await makeBusyWorkbook(dir);
  const book = copyFixture(fixture, 'full');
  const t = Date.now();
  const r = cli(['--json', 'run', book, '--from', SPAN.from, '--to', SPAN.to]);
  fullRunMs = Date.now() - t;
  expect(r.code).toBe(0);
  expect(JSON.parse(r.out).runs).toBe(14);
  await verify(book, { dueBy: wallMs(SPAN.to), kills: 0 });
  fs.rmSync(path.dirname(book), { recursive: true, force: true });
}, 240000);

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** The instant a timer fires next after a kill: 5 minutes after the last trigger run committed. */
function nextTick(book: string): number {
  const runs = JSON.parse(fs.readFileSync(path.join(stateDirFor(book), 'last-run.json'), 'utf8')) as RunRecord[];
  const last = runs[runs.length - 1];
  const from = wallMs(SPAN.from);
  return last && last.kind === 'time' && Date.parse(last.at) >= from ? Date.parse(last.at) + 5 * MIN : from;
}

async function trial(i: number, delayMs: number): Promise<string> {
  const book = copyFixture(fixture, `kill${i}`);
  try {
    const run = start(['run', book, '--from', SPAN.from, '--to', SPAN.to]);
    await new Promise((r) => setTimeout(r, delayMs));
    run.kill();
    const ended = await run.done;
    const at = nextTick(book);
    // The next tick takes over the dead holder's lock at once and finishes or drops its commit.
    const t = Date.now();
    const tick = cli(['tick', book, '--now', new Date(at).toISOString()]);
    expect([tick.code, tick.err]).toEqual([0, '']);
    expect(Date.now() - t).toBeLessThan(30000);
    await verify(book, { dueBy: at, kills: 1 });
    return `${delayMs} ms: ${ended.signal ?? `exit ${ended.code}`}, generation ${readCommitInfo(stateDirFor(book)).generation}`;
  } finally {
    fs.rmSync(path.dirname(book), { recursive: true, force: true });
  }
}

test(
  `a run SIGKILLed at ${TRIALS} random instants (seed ${SEED}) leaves one commit or the next, and the next tick finishes the work`,
  async () => {
    const random = prng(SEED);
    // Trial i kills within the i-th of TRIALS equal slices of the run: spread however few they are.
    const delays = Array.from({ length: TRIALS }, (_, i) => Math.round(150 + ((i + random()) / TRIALS) * fullRunMs));
    const outcomes: string[] = [];
    let next = 0;
    const lane = async () => {
      while (next < delays.length) {
        const i = next++;
        try {
          outcomes[i] = await trial(i, delays[i]);
        } catch (e) {
          next = delays.length; // stop the other lane too
          // eslint-disable-next-line preserve-caught-error -- the message carries the cause; lib es2020 has no Error cause
          throw new Error(`trial ${i} (kill after ${delays[i]} ms): ${(e as Error).message}`);
        }
      }
    };
    const lanes = await Promise.allSettled(Array.from({ length: LANES }, lane));
    for (const l of lanes) if (l.status === 'rejected') throw l.reason;
    // Most kills land while the run is at work (the rest during start-up or after its end).
    expect(outcomes.filter((o) => o.includes('SIGKILL')).length).toBeGreaterThan(TRIALS / 2);
    if (process.env.REGLAMENT_CRASH_VERBOSE) console.log(`full run ${fullRunMs} ms\n${outcomes.join('\n')}`);
  },
  60000 + TRIALS * 30000,
);

describe('a tick killed at each step of its commit', () => {
  const STEPS: Array<[string, 'old' | 'new']> = [
    ['staged 1/', 'old'], // a journal being written: dropped
    ['before commit point', 'old'], // complete but not renamed into place: dropped
    ['committed', 'new'], // renamed, nothing applied: replayed
    ['applied 0', 'new'], // partly applied: the rest replayed
  ];

  test.each(STEPS)('killed at "%s": the next command sees the %s state, whole', async (step, expected) => {
    const book = copyFixture(fixture, 'step');
    try {
      const at = '2026-11-24T10:05';
      const killed = start(['tick', book, '--now', at], { REGLAMENT_TEST_KILL_AT: step });
      const ended = await killed.done;
      expect(ended.signal).toBe('SIGKILL');
      const journal = fs.readdirSync(stateDirFor(book)).filter((f) => f.startsWith('journal'));
      expect(journal.length).toBe(1); // what the kill left: a journal, finished or not
      // A read-only command (shared lock) finishes or drops it before reading.
      const status = JSON.parse(cli(['--json', 'status', book]).out);
      const sent = status.outbox.Sent ?? 0;
      expect(sent).toBe(expected === 'new' ? 8 : 0); // 10:00 and 10:05: four reminders each
      const index = path.join(stateDirFor(book), 'mail', 'index.json');
      expect(fs.existsSync(index) ? JSON.parse(fs.readFileSync(index, 'utf8')).length : 0).toBe(sent);
      await verify(book, { dueBy: expected === 'new' ? wallMs(at) : wallMs('2026-11-24T09:55'), kills: 1 });
      // And the next tick goes on from there.
      expect(cli(['tick', book, '--now', '2026-11-24T10:10']).code).toBe(0);
      await verify(book, { dueBy: wallMs('2026-11-24T10:10'), kills: 1 });
    } finally {
      fs.rmSync(path.dirname(book), { recursive: true, force: true });
    }
  });
});

test('a tick stopped by the time limit mid-batch (3 of its 8 reminders out): that batch is "may have gone out", never resent; the next tick goes on', async () => {
  const book = copyFixture(fixture, 'midbatch');
  try {
    // 10:05: the reminders due at 10:00 and 10:05 go as one batch of eight.
    const stopped = cli(['--json', 'tick', book, '--now', '2026-11-24T10:05'], { REGLAMENT_TEST_STOP_AFTER_SENDS: '3' });
    expect(stopped.code).not.toBe(2);
    const index = path.join(stateDirFor(book), 'mail', 'index.json');
    expect(JSON.parse(fs.readFileSync(index, 'utf8'))).toHaveLength(3);
    const status = JSON.parse(cli(['--json', 'status', book]).out);
    expect([status.outbox.Sent ?? 0, status.outbox.Failed ?? 0]).toEqual([0, 0]); // nothing recorded until the batch ends
    expect(cli(['tick', book, '--now', '2026-11-24T10:10']).code).toBe(0);
    await verify(book, { dueBy: wallMs('2026-11-24T10:10'), kills: 1, perKill: 8 });
    const after = JSON.parse(cli(['--json', 'status', book]).out);
    // The batch of eight is marked for a person; the 10:10 four went out; the three mails are not resent.
    expect([after.outbox.Failed, after.outbox.Sent]).toEqual([8, 4]);
    expect(JSON.parse(fs.readFileSync(index, 'utf8'))).toHaveLength(7);
  } finally {
    fs.rmSync(path.dirname(book), { recursive: true, force: true });
  }
});
