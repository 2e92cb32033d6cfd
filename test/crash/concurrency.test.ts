/**
 * Two windows at once (issue 11): two ticks, an edit racing a tick, `serve` beside an `edit`
 * in another shell, --no-wait, and a lock left by a killed holder. Each checks the files with
 * fixture.ts `verify`: no message twice, nothing due unsent, no typed value lost.
 * The CLI runs from dist/, which jest's globalSetup (test/support/build.js) builds first.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { cli, copyFixture, makeBusyWorkbook, Running, start, verify, wallMs, ZONE } from './fixture';
import { SALES } from '../e2e/calls-fixture';
import { BUSY_EXIT_CODE, LOCK_FILE } from '../../workspace/runtime/filelock';
import { lockDefaults } from '../../workspace/runtime/session';
import { serve } from '../../workspace/cli/serve';
import { stateDirFor } from '../../workspace/runtime/workspace';
import { parseInstant } from '../../workspace/runtime/typing';

// Each test runs several CLI processes beside another suite on two cores (jest.config.js): 15–25 s
// alone, near the 60 s default on a shared machine. Time limits are asserted inside, not by jest.
jest.setTimeout(180000);

let dir: string;
let fixture: string;
const books: string[] = [];

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'reglament-two-'));
  fixture = await makeBusyWorkbook(dir);
});

afterAll(() => {
  for (const b of books) fs.rmSync(path.dirname(b), { recursive: true, force: true });
  fs.rmSync(dir, { recursive: true, force: true });
});

function fresh(name: string): string {
  const book = copyFixture(fixture, name);
  books.push(book);
  return book;
}

/** Resolves once a process holds the workbook's lock (the lock file names it). */
async function heldBy(book: string, p: Pick<Running, 'pid'>): Promise<void> {
  const file = path.join(stateDirFor(book), LOCK_FILE);
  for (let i = 0; i < 400; i++) {
    try {
      if (JSON.parse(fs.readFileSync(file, 'utf8')).pid === p.pid) return;
    } catch {
      /* not yet */
    }
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error('the lock was never taken');
}

/** Keeps the first command's lock long enough that the second surely meets it. */
const HOLD = { REGLAMENT_TEST_HOLD_MS: '1000' };
const typedVacancy = (value: string) => [{ tab: 'Orders', row: 2, header: 'Vacancy', value }];

test('two ticks at once: the second waits (saying so after a second), then finds every reminder sent', async () => {
  const book = fresh('ticks');
  const first = start(['tick', book, '--now', '2026-11-24T10:00'], { REGLAMENT_TEST_HOLD_MS: '4000' }); // past the 1 s notice, even on a slow start
  await heldBy(book, first);
  const second = start(['tick', book, '--now', '2026-11-24T10:00']);
  const [a, b] = await Promise.all([first.done, second.done]);
  expect([a.code, b.code]).toEqual([0, 0]);
  expect(b.err).toMatch(/^reglament: waiting for the workbook: "reglament tick" \(pid \d+\) holds it since /);
  await verify(book, { dueBy: wallMs('2026-11-24T10:00'), kills: 0 });
  // Two ticks of consecutive instants started together: whichever goes first, each reminder once.
  const both = [start(['tick', book, '--now', '2026-11-24T10:10']), start(['tick', book, '--now', '2026-11-24T10:05'])];
  expect((await Promise.all(both.map((p) => p.done))).map((r) => r.code)).toEqual([0, 0]);
  await verify(book, { dueBy: wallMs('2026-11-24T10:10'), kills: 0 });
});

test(`--no-wait: a busy workbook is refused at once with exit code ${BUSY_EXIT_CODE} and a clear message, changing nothing`, async () => {
  const book = fresh('nowait');
  // Held long enough for two CLI starts on a loaded 2-core machine: the refusals must come while it holds.
  const holder = start(['tick', book, '--now', '2026-11-24T10:00'], { REGLAMENT_TEST_HOLD_MS: '10000' });
  await heldBy(book, holder);
  const before = fs.readFileSync(book);
  for (const args of [
    ['--no-wait', 'tick', book, '--now', '2026-11-24T10:05'],
    ['edit', book, '--sheet', 'Orders', '--row', '2', '--column', 'Vacancy', '--value', 'x', '--user', SALES, '--no-wait'],
  ]) {
    const r = cli(args);
    expect(r.code).toBe(BUSY_EXIT_CODE);
    expect(r.err).toMatch(/book\.xlsx is busy: "reglament tick" \(pid \d+\) holds it since .*; run again later, or without --no-wait/);
  }
  expect(fs.readFileSync(book).equals(before)).toBe(true);
  expect((await holder.done).code).toBe(0);
  await verify(book, { dueBy: wallMs('2026-11-24T10:00'), kills: 0 });
});

describe('an edit racing a tick', () => {
  test.each([
    ['the tick holds the workbook first', 'tick'],
    ['the edit holds the workbook first', 'edit'],
  ])('%s: both land, nothing sent twice, the typed value kept', async (_label, firstOne) => {
    const book = fresh('race');
    const value = `Typed while ticking (${firstOne} first)`;
    const tick = ['tick', book, '--now', '2026-11-24T10:05'];
    const edit = [
      'edit',
      book,
      '--sheet',
      'Orders',
      '--row',
      '2',
      '--column',
      'Vacancy',
      '--value',
      value,
      '--user',
      SALES,
      '--now',
      '2026-11-24T10:04',
    ];
    const first = start(firstOne === 'tick' ? tick : edit, HOLD);
    await heldBy(book, first);
    const second = start(firstOne === 'tick' ? edit : tick);
    expect((await Promise.all([first.done, second.done])).map((r) => r.code)).toEqual([0, 0]);
    await verify(book, { dueBy: wallMs('2026-11-24T10:05'), kills: 0, typed: typedVacancy(value) });
    expect(cli(['tick', book, '--now', '2026-11-24T10:10']).code).toBe(0);
    await verify(book, { dueBy: wallMs('2026-11-24T10:10'), kills: 0, typed: typedVacancy(value) });
  });

  test('started in the same instant, twice over: every edit and every reminder lands once', async () => {
    const book = fresh('same');
    for (let k = 0; k < 2; k++) {
      const at = `2026-11-24T10:${String(5 * k).padStart(2, '0')}`;
      const racing = [
        start(['tick', book, '--now', at]),
        start(['edit', book, '--sheet', 'Orders', '--row', '2', '--column', 'Vacancy', '--value', `Edit ${k}`, '--user', SALES, '--now', at]),
      ];
      expect((await Promise.all(racing.map((p) => p.done))).map((r) => r.code)).toEqual([0, 0]);
      await verify(book, { dueBy: wallMs(at), kills: 0, typed: typedVacancy(`Edit ${k}`) });
    }
  });
});

test('serve beside an edit in another shell: the edit waits for a request, serve reloads it, neither overwrites the other', async () => {
  const book = fresh('serve');
  const served = await serve({ workbook: book, port: 0, now: parseInstant('2026-11-24T10:00:30', ZONE) });
  const post = (p: string, body: unknown = {}) =>
    fetch(served.url + p, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) }).then(
      (r) => r.json() as Promise<Record<string, unknown>>,
    );
  try {
    expect((await post('/api/tick')).ok).toBe(true); // the 10:00 reminders, from the window
    await verify(book, { dueBy: wallMs('2026-11-24T10:00'), kills: 0 });

    // A request of the window holds the workbook while a person edits from a shell.
    lockDefaults.holdMs = 5000; // the shell's edit starts, then waits past the 1 s notice
    const request = post('/run/setupWorkbook', { args: [] }); // rewrites formats on every tab
    await heldBy(book, process);
    lockDefaults.holdMs = 0;
    // (spawned, not spawnSync: this process must go on serving to let the lock go)
    const editing = start([
      'edit',
      book,
      '--sheet',
      'Orders',
      '--row',
      '2',
      '--column',
      'Vacancy',
      '--value',
      'Typed in a shell',
      '--user',
      SALES,
      '--now',
      '2026-11-24T10:01',
    ]);
    expect((await request).ok).toBe(true);
    const edit = await editing.done;
    expect(edit.code).toBe(0);
    expect(edit.err).toContain('reglament: waiting for the workbook: "reglament serve"');

    // The window shows the shell's edit, and what it writes next keeps it.
    const sheet = (await fetch(`${served.url}/api/sheet?name=Orders`).then((r) => r.json())) as { values: string[][] };
    const vacancy = sheet.values[0].indexOf('Vacancy');
    expect(sheet.values[1][vacancy]).toBe('Typed in a shell');
    expect((await post('/run/setupWorkbook', { args: [] })).ok).toBe(true);
    await verify(book, { dueBy: wallMs('2026-11-24T10:00'), kills: 0, typed: typedVacancy('Typed in a shell') });

    // And a tick from a timer between two clicks is seen by the window, not sent again by it.
    expect((await start(['tick', book, '--now', '2026-11-24T10:05']).done).code).toBe(0);
    expect((await post('/api/tick')).ok).toBe(true);
    expect(served.ws.mail.sent()).toHaveLength(8);
    await verify(book, { dueBy: wallMs('2026-11-24T10:05'), kills: 0, typed: typedVacancy('Typed in a shell') });
  } finally {
    lockDefaults.holdMs = 0;
    await served.close();
  }
});

test('a lock left by a killed holder is taken over at once; a live holder is waited for', async () => {
  const book = fresh('stale');
  const lock = path.join(stateDirFor(book), LOCK_FILE);
  const gone = start(['--version']);
  await gone.done;
  const holder = (pid: number, start: string | null) =>
    JSON.stringify({ pid, start, host: os.hostname(), command: 'tick', since: new Date().toISOString(), nonce: `n${pid}` });
  fs.writeFileSync(lock, holder(gone.pid, null));
  const t = Date.now();
  expect(cli(['--no-wait', 'tick', book, '--now', '2026-11-24T10:00']).code).toBe(0);
  expect(Date.now() - t).toBeLessThan(15000);
  expect(fs.existsSync(lock)).toBe(false);

  // A live process whose start time differs from the one recorded: the pid was reused, the holder is gone.
  fs.writeFileSync(lock, holder(process.pid === 1 ? 2 : 1, 'not-its-start-time'));
  expect(cli(['--no-wait', 'tick', book, '--now', '2026-11-24T10:05']).code).toBe(0);
  // The live holder itself (this test process, start time unknown): refused, nothing changed.
  fs.writeFileSync(lock, holder(process.pid, null));
  expect(cli(['--no-wait', 'tick', book, '--now', '2026-11-24T10:10']).code).toBe(BUSY_EXIT_CODE);
  fs.rmSync(lock);
  await verify(book, { dueBy: wallMs('2026-11-24T10:05'), kills: 0 });
});
