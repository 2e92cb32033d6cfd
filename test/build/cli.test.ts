/**
 * The built CLI (dist/cli.js, bin/reglament.js). Most checks call its `main` in this process:
 * the same commands, output and exit codes, without a Node start-up and module load per
 * command (~0.7 s each). `spawned` runs a real process where the boundary is the point: the
 * exit code a shell sees, --json alone on stdout, one line on stderr, `serve` on a busy port.
 * The file lock across processes is test/crash/concurrency.test.ts's.
 */
import { spawn, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ICAL from 'ical.js';

const root = path.resolve(__dirname, '../..');
const bin = path.join(root, 'bin/reglament.js');

function spawned(...args: string[]) {
  const r = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', cwd: root });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

// eslint-disable-next-line @typescript-eslint/no-require-imports -- the built CLI, loaded as bin/reglament.js loads it
const built = require(path.join(root, 'dist/cli.js')) as { main(argv: string[]): Promise<number> };

/** One command through dist/cli.js `main`, as bin/reglament.js runs it, with stdout, stderr and the exit code. */
async function reglament(...args: string[]) {
  const { stdout, stderr } = process;
  const writes = [stdout.write, stderr.write];
  const exitCode = process.exitCode;
  let out = '';
  let err = '';
  stdout.write = ((chunk: string | Uint8Array) => ((out += String(chunk)), true)) as typeof stdout.write;
  stderr.write = ((chunk: string | Uint8Array) => ((err += String(chunk)), true)) as typeof stderr.write;
  process.exitCode = undefined;
  try {
    const code = await built.main([process.execPath, bin, ...args]);
    return { code, out, err };
  } finally {
    [stdout.write, stderr.write] = writes;
    process.exitCode = exitCode;
  }
}

describe('the reglament CLI', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'reglament-cli-'));
  const book = path.join(dir, 'book.xlsx');
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test.each(['init', 'edit', 'tick', 'run', 'status', 'mail', 'calendar', 'event'])('%s --help explains itself and exits 0', async (cmd) => {
    const r = await reglament(cmd, '--help');
    expect(r.code).toBe(0);
    expect(r.out).toContain(`Usage: reglament ${cmd}`);
  });

  test('as a process: --help exits 0 with the usage on stdout; bad input exits 2 with one line on stderr only', () => {
    const help = spawned('edit', '--help');
    expect([help.code, help.err]).toEqual([0, '']);
    expect(help.out).toContain('Usage: reglament edit');
    const missing = spawned('status', '/nope/missing.xlsx');
    expect([missing.code, missing.out]).toEqual([2, '']);
    expect(missing.err.trim().split('\n')).toEqual([expect.stringMatching(/^reglament: .*workbook not found/)]);
  });

  test('init makes the workbook; --json gives machine-readable output', async () => {
    const r = spawned('--json', 'init', book, '--locale', 'en', '--tz', 'Asia/Yekaterinburg', '--now', '2026-11-23T09:00');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.out);
    expect(out.tabs).toEqual(expect.arrayContaining(['Orders', 'Calls', 'Outbox', 'Log']));
    expect(out.run.totalCalls).toBeGreaterThan(0);
    expect(fs.existsSync(book)).toBe(true);
  });

  test('edit writes cells as a person and fires onEdit; status counts rows and shows the last run', async () => {
    const e = (await reglament('edit', book, '--sheet', 'Заказы', '--row', 'new', '--set', 'Client=Acme', '--set', 'Sales manager=anna@example.com', '--user', 'owner@example.com', '--now', '2026-11-23T10:00'));
    expect(e.code).toBe(0);
    expect(e.out).toContain('onEditInstallable');
    const s = JSON.parse((await reglament('--json', 'status', book)).out);
    expect(s.tabs.find((t: { name: string }) => t.name === 'Orders').rows).toBe(1);
    expect(s.lastRuns.map((r: { fn: string }) => r.fn)).toEqual(['onEdit', 'onEditInstallable']);
    expect(s.lastRuns[1].estimatedGoogleMs).toBeGreaterThan(0);
  });

  test('tick and run advance simulated time', async () => {
    expect((await reglament('tick', book, '--now', '2026-11-23T10:05')).code).toBe(0);
    const r = JSON.parse((await reglament('--json', 'run', book, '--from', '2026-11-23T10:00', '--to', '2026-11-23T11:00')).out);
    expect(r.runs).toBe(13); // the installed every-5-minutes trigger at 10:00, 10:05, …, 11:00
    expect(r.failed).toEqual([]);
  });

  test.each([
    [['status', '/nope/missing.xlsx'], /workbook not found/],
    [['edit', 'BOOK', '--sheet', 'Nope', '--row', '2', '--column', 'Client', '--value', 'x', '--user', 'a@b.c'], /unknown tab "Nope"/],
    [['edit', 'BOOK', '--sheet', 'Orders', '--row', '2', '--column', 'Colour', '--value', 'x', '--user', 'a@b.c'], /unknown column "Colour"/],
    [['tick', 'BOOK', '--now', '2026-02-30T10:00'], /not a date-time/],
    [['init', 'BOOK', '--tz', 'Mars/Olympus'], /unknown time zone/],
    [['edit', 'BOOK', '--sheet', 'Orders', '--row', '1', '--column', 'Client', '--value', 'x', '--user', 'a@b.c'], /row 1 is the header/],
    [['init', 'BOOK', '--account', 'business'], /--account must be consumer or workspace/],
    [['init', 'BOOK', '--domain', 'firm.test'], /--domain goes with --account workspace/],
    [['init', 'BOOK', '--account', 'workspace', '--domain', 'not a domain'], /--domain must be a domain/],
    [['edit', 'BOOK', '--sheet', 'Orders', '--row', '2', '--column', 'Client', '--value', 'x', '--user', 'a@b.c', '--lock-held-for', 'long'], /--lock-held-for takes a duration/],
  ])('bad input %j exits 2 with a clear message', async (args, message) => {
    const r = (await reglament(...args.map((a) => (a === 'BOOK' ? book : a))));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
  });

  test('init --account workspace --domain keeps the account with the workbook; the owner is of that domain', async () => {
    const ws = path.join(dir, 'firm.xlsx');
    const r = JSON.parse((await reglament('--json', 'init', ws, '--locale', 'en', '--account', 'workspace', '--domain', 'firm.test', '--now', '2026-11-23T09:00')).out);
    expect(r.account).toEqual({ type: 'workspace', owner: 'owner@firm.test', domain: 'firm.test' });
    const meta = JSON.parse(fs.readFileSync(path.join(dir, 'firm.state', 'workspace.json'), 'utf8'));
    expect(meta).toEqual(expect.objectContaining({ owner: 'owner@firm.test', account: 'workspace', domain: 'firm.test' }));
    // The default stays consumer, kept as such.
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'book.state', 'workspace.json'), 'utf8')).account).toBe('consumer');
  });

  test('edit --paste and --set send no value in the event; --lock-held-for makes the edit wait for a held lock and be checked later', async () => {
    const ws = path.join(dir, 'firm.xlsx');
    (await reglament('edit', ws, '--sheet', 'Staff', '--row', 'new', '--set', 'Name=Anna', '--set', 'E-mail=anna@firm.test', '--set', 'Department=Sales', '--user', 'owner@firm.test', '--now', '2026-11-23T09:10'));
    (await reglament('tick', ws, '--now', '2026-11-23T09:15')); // Anna's access to Sales' columns
    const typed = JSON.parse((await reglament('--json', 'edit', ws, '--sheet', 'Orders', '--row', 'new', '--column', 'Client', '--value', 'Acme', '--user', 'anna@firm.test', '--now', '2026-11-23T09:20')).out);
    expect(typed.runs.every((r: { ok: boolean }) => r.ok)).toBe(true);
    const held = JSON.parse(
      (await reglament('--json', 'edit', ws, '--sheet', 'Orders', '--row', '2', '--column', 'Order ID', '--value', 'MINE', '--user', 'owner@firm.test', '--now', '2026-11-23T09:30', '--lock-held-for', '240s', '--paste')).out,
    );
    expect(held.lockHeldUntil).toBe('2026-11-23T06:34:00.000Z');
    const installable = held.runs.find((r: { fn: string }) => r.fn === 'onEditInstallable');
    expect(installable.ok).toBe(true);
    expect(installable.calls.find((c: { call: string }) => c.call === 'Lock.tryLock')).toBeTruthy();
    // Held: the typed-over system column is not undone yet …
    const status = async () => JSON.parse((await reglament('--json', 'status', ws, '--log', '50')).out);
    expect((await status()).log.some((l: string[]) => l[4] === 'Edit refused')).toBe(false);
    // … until the lock is free: the next tick enforces it.
    expect((await reglament('tick', ws, '--now', '2026-11-23T09:35')).code).toBe(0);
    const log = (await status()).log;
    expect(log.some((l: string[]) => l[4] === 'Edit refused' && /MINE/.test(l[5]))).toBe(true);
    expect(log.some((l: string[]) => l[4] === 'Edit checked after a busy run')).toBe(true);
  });

  test('the calendar and mail listings work on an empty workspace', async () => {
    expect((await reglament('mail', book)).out).toContain('no mail sent');
    expect((await reglament('calendar', book)).code).toBe(0);
    const ics = path.join(dir, 'book.state', 'calendar');
    for (const f of fs.existsSync(ics) ? fs.readdirSync(ics).filter((n) => n.endsWith('.ics')) : []) {
      expect(() => ICAL.parse(fs.readFileSync(path.join(ics, f), 'utf8'))).not.toThrow();
    }
  });

  test('event changes an event as a person in Google Calendar; the next tick reads it back; calendar --json prints the resources', async () => {
    const call = async (cells: string[]) => (await reglament('edit', book, '--sheet', 'Calls', '--row', 'new', ...cells.flatMap((c) => ['--set', c]), '--user', 'owner@example.com', '--now', '2026-11-23T11:00'));
    expect((await call(['Type=Interview', 'Start=2026-11-26 10:00', 'Candidate IDs=K-1', 'Manager e-mail=boss@example.com'])).code).toBe(0);
    expect((await reglament('edit', book, '--sheet', 'Candidates', '--row', 'new', '--set', 'Candidate ID=K-1', '--set', 'Name=Kira', '--set', 'E-mail=kira@example.com', '--user', 'owner@example.com', '--now', '2026-11-23T11:01')).code).toBe(0);
    expect((await reglament('tick', book, '--now', '2026-11-23T11:05')).code).toBe(0);
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the printed JSON, read loosely
    const events = JSON.parse((await reglament('--json', 'calendar', book)).out) as Array<Record<string, any>>;
    const ev = events.find((e) => e.extendedProperties?.private?.reglament === 'call');
    expect(ev).toBeDefined();
    expect(ev!.guestsCanSeeOtherGuests).toBe(false);
    expect(ev!.conferenceData.entryPoints[0].uri).toMatch(/^https:\/\/meet\.google\.com\//);
    expect(events.some((e) => e.extendedProperties?.private?.reglament === 'notes' && !e.attendees)).toBe(true);

    const moved = (await reglament('--json', 'event', book, '--id', ev!.id, '--start', '2026-11-27 12:00', '--now', '2026-11-23T12:00'));
    expect(moved.code).toBe(0);
    expect(JSON.parse(moved.out).start.dateTime).toBe('2026-11-27T12:00:00+05:00');
    const answered = (await reglament('event', book, '--id', ev!.id, '--respond', 'kira@example.com=declined', '--now', '2026-11-23T12:01'));
    expect(answered.code).toBe(0);
    expect(answered.out).toContain('kira@example.com: declined');
    expect((await reglament('tick', book, '--now', '2026-11-23T12:05')).code).toBe(0);
    const status = JSON.parse((await reglament('--json', 'status', book, '--log', '40')).out);
    expect(status.log.some((l: string[]) => l[4] === 'Changed in Calendar')).toBe(true);

    for (const [args, message] of [
      [['event', book, '--id', ev!.id], /exactly one of --start, --cancel, --respond/],
      [['event', book, '--id', ev!.id, '--cancel', '--respond', 'a@b.c=declined'], /exactly one/],
      [['event', book, '--id', 'nosuchevent', '--cancel'], /no event with id "nosuchevent"/],
      [['event', book, '--id', ev!.id, '--respond', 'stranger@example.com=accepted'], /not a guest/],
      [['event', book, '--id', ev!.id, '--respond', 'kira@example.com=maybe'], /accepted, declined, tentative/],
      [['event', book, '--id', ev!.id, '--end', '2026-11-27T13:00'], /--end needs --start/],
      [['event', book, '--id', ev!.id, '--start', 'soon'], /--start: not a date-time/],
    ] as Array<[string[], RegExp]>) {
      const r = (await reglament(...args));
      expect(r.code).toBe(2);
      expect(r.err).toMatch(message);
    }
    expect((await reglament('event', book, '--id', ev!.id, '--cancel', '--now', '2026-11-23T12:10')).code).toBe(0);
    expect((await reglament('event', book, '--id', ev!.id, '--cancel')).err).toMatch(/is cancelled/);
  });
});

describe('the CLI tells the truth quietly', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'reglament-truth-'));
  const book = path.join(dir, 'ru.xlsx');
  const OWNER = 'owner@example.com';
  const lines = (text: string) => text.split('\n').filter((l) => l.trim() !== '');
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('init names the next steps it finds and prints one line of service calls; --calls prints them all', async () => {
    const r = (await reglament('init', book, '--now', '2026-11-23T09:00'));
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^setupWorkbook: \d+ service calls, ~[\d.]+ s on Google$/m);
    expect(r.out).not.toMatch(/Range\.setValues ×/);
    expect(r.out).toContain('дальше:');
    expect(r.out).toMatch(/1\. «Сотрудники» пусто/);
    expect(r.out).toMatch(/«E-mail клиентского отдела» на вкладке «Настройки» не заполнен/);
    expect(r.out).toMatch(/«Имя отправителя» на вкладке «Настройки» не задано/);
    const again = (await reglament('--calls', 'init', book, '--locale', 'en', '--sender-name', 'Acme Staffing', '--now', '2026-11-23T09:01'));
    expect(again.code).toBe(0);
    expect(again.out).toMatch(/warning: the workbook is already in Russian \(ru\); --locale en changes nothing/);
    expect(again.out).toMatch(/Range\.\w+ ×\d+/);
    expect(again.out).not.toContain('«Имя отправителя»');
    const json = JSON.parse((await reglament('--json', 'init', book, '--now', '2026-11-23T09:02')).out);
    expect(json.nextSteps).toEqual(['staff', 'clientDepartmentEmail']);
    expect(json.warnings).toEqual([]);
  });

  test('an applied edit exits 0 in at most 5 lines, with the Problems of its row', async () => {
    const staff = async (name: string, email: string, dept: string) =>
      (await reglament('edit', book, '--sheet', 'Staff', '--row', 'new', '--set', `Name=${name}`, '--set', `E-mail=${email}`, '--set', `Department=${dept}`, '--user', OWNER, '--now', '2026-11-23T09:10'));
    expect((await staff('Анна', 'anna@example.com', 'Отдел продаж')).code).toBe(0);
    expect((await staff('Хельга', 'hr@example.com', 'HR')).code).toBe(0);
    expect((await reglament('tick', book, '--now', '2026-11-23T09:15')).code).toBe(0); // their access to their departments' columns
    const r = (await reglament('edit', book, '--sheet', 'Orders', '--row', 'new', '--set', 'Client=Acme', '--set', 'Sales manager=anna@example.com', '--user', 'anna@example.com', '--now', '2026-11-23T10:00'));
    expect(r.code).toBe(0);
    expect(lines(r.out).length).toBeLessThanOrEqual(5);
    expect(r.out).toMatch(/^edited Заказы!\w+2:\w+2 as anna@example.com$/m);
    expect(r.out).not.toMatch(/отклонено/);
    expect(r.out).not.toMatch(/×\d/);
  });

  test('a refused hand-off exits 3 and says so, with the toast’s reason and the row’s Problems', async () => {
    const r = spawned('edit', book, '--sheet', 'Orders', '--row', '2', '--column', 'Hand off', '--value', 'TRUE', '--user', 'anna@example.com', '--now', '2026-11-23T10:05');
    expect(r.code).toBe(3);
    expect(lines(r.out).length).toBeLessThanOrEqual(5);
    expect(r.out).toMatch(/^отклонено: Заказы, столбец «Передать», строка 2: «TRUE» отменено — Передача не выполнена: заполните недостающее/m);
    expect(r.out).toMatch(/^Проблемы, строка 2: .*Не заполнено: «Вакансия»/m);
    const json = JSON.parse((await reglament('--json', 'edit', book, '--sheet', 'Orders', '--row', '2', '--column', 'Hand off', '--value', 'TRUE', '--user', 'anna@example.com', '--now', '2026-11-23T10:06')).out);
    expect(json.outcome).toBe('refused');
    expect(json.refused[0]).toEqual(expect.objectContaining({ tab: 'Заказы', column: 'Передать', row: 2 }));
    expect(json.runs.length).toBe(2); // the existing shape is kept
  });

  test('an edit the guard undoes exits 3 with the reason; one it applies on the same cell exits 0', async () => {
    const call = (await reglament('edit', book, '--sheet', 'Calls', '--row', 'new', '--set', 'Type=Interview', '--set', 'Start=2026-11-26 10:00', '--set', 'Manager e-mail=anna@example.com', '--user', 'anna@example.com', '--now', '2026-11-23T11:00'));
    expect(call.code).toBe(0);
    const undone = (await reglament('edit', book, '--sheet', 'Calls', '--row', '2', '--column', 'Comment', '--value', 'мой комментарий', '--user', 'hr@example.com', '--now', '2026-11-23T11:02'));
    expect(undone.code).toBe(3);
    expect(undone.out).toMatch(/^отклонено: Звонки, столбец «Комментарий», строка 2: «мой комментарий» отменено — .+/m);
    const status = JSON.parse((await reglament('--json', 'status', book, '--log', '5')).out);
    expect(status.log.some((l: string[]) => l[4] === 'Изменение отклонено' && /мой комментарий/.test(l[5]))).toBe(true);
    const own = (await reglament('edit', book, '--sheet', 'Calls', '--row', '2', '--column', 'Comment', '--value', 'договорились', '--user', OWNER, '--now', '2026-11-23T11:03'));
    expect(own.code).toBe(0);
  });

  test('a protected cell exits 3, naming the tab, the column and who fills it', async () => {
    const r = (await reglament('edit', book, '--sheet', 'Orders', '--row', '2', '--column', 'Vacancy', '--value', 'Программист', '--user', 'hr@example.com', '--now', '2026-11-23T11:10'));
    expect(r.code).toBe(3);
    expect(r.out).toMatch(/^отклонено: Заказы, столбец «Вакансия» защищён: его заполняют: Отдел продаж, Руководство \(Google: You are trying to edit a protected cell/m);
    const sys = JSON.parse((await reglament('--json', 'edit', book, '--sheet', 'Orders', '--row', '2', '--column', 'Order ID', '--value', 'MINE', '--user', 'anna@example.com')).out);
    expect(sys.refused[0]).toEqual(expect.objectContaining({ tab: 'Заказы', column: 'ID заказа', typed: 'MINE' }));
    expect(sys.refused[0].reason).toMatch(/его заполняет Регламент/);
  });

  test('times are local with the offset; --json keeps ISO; status prints service calls only with --calls', async () => {
    const s = (await reglament('status', book, '--log', '3'));
    expect(s.out).toMatch(/^ {2}2026-11-23 11:0\d \+03:00 \| /m);
    expect(s.out).not.toMatch(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z/);
    expect(s.out).not.toMatch(/×\d/);
    expect((await reglament('status', book, '--calls')).out).toMatch(/Range\.getValues ×\d+/);
    const json = JSON.parse((await reglament('--json', 'status', book, '--log', '3')).out);
    expect(json.log[0][0]).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    const run = (await reglament('run', book, '--from', '2026-11-23T12:00', '--to', '2026-11-23T12:10'));
    expect(run.out).toMatch(/from 2026-11-23 12:00 \+03:00 to 2026-11-23 12:10 \+03:00/);
  });

  test('a workbook that is not .xlsx and a busy port give one clear line and exit 2', async () => {
    const junk = path.join(dir, 'junk.xlsx');
    fs.writeFileSync(junk, 'not a zip');
    const bad = spawned('status', junk);
    expect(bad.code).toBe(2);
    expect(lines(bad.err)).toEqual([`reglament: ${junk} is not an .xlsx workbook (the file is not a readable Excel/Sheets export)`]);
    const ods = spawned('status', path.join(dir, 'book.ods'));
    expect(ods.code).toBe(2);
    expect(lines(ods.err)).toHaveLength(1);
    expect(ods.err).toMatch(/must be an \.xlsx file/);
    const net = await import('net');
    const server = net.createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    const port = (server.address() as { port: number }).port;
    try {
      const r = await new Promise<{ code: number | null; err: string }>((resolve) => {
        const child = spawn(process.execPath, [bin, 'serve', book, '--port', String(port)], { cwd: root });
        let err = '';
        child.stderr.on('data', (d: Buffer) => (err += d.toString()));
        child.on('exit', (code: number | null) => resolve({ code, err }));
      });
      expect(r.code).toBe(2);
      expect(lines(r.err)).toEqual([`reglament: port ${port} on 127.0.0.1 is in use (another reglament serve?): give another --port, or --port 0 for a free one`]);
    } finally {
      server.close();
    }
  });
});
