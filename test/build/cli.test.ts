import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ICAL from 'ical.js';

const root = path.resolve(__dirname, '../..');
const bin = path.join(root, 'bin/reglament.js');

function reglament(...args: string[]) {
  const r = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', cwd: root });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('the reglament CLI', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'reglament-cli-'));
  const book = path.join(dir, 'book.xlsx');
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test.each(['init', 'edit', 'tick', 'run', 'status', 'mail', 'calendar', 'event'])('%s --help explains itself and exits 0', (cmd) => {
    const r = reglament(cmd, '--help');
    expect(r.code).toBe(0);
    expect(r.out).toContain(`Usage: reglament ${cmd}`);
  });

  test('init makes the workbook; --json gives machine-readable output', () => {
    const r = reglament('--json', 'init', book, '--locale', 'en', '--tz', 'Asia/Yekaterinburg', '--now', '2026-11-23T09:00');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.out);
    expect(out.tabs).toEqual(expect.arrayContaining(['Orders', 'Calls', 'Outbox', 'Log']));
    expect(out.run.totalCalls).toBeGreaterThan(0);
    expect(fs.existsSync(book)).toBe(true);
  });

  test('edit writes cells as a person and fires onEdit; status counts rows and shows the last run', () => {
    const e = reglament('edit', book, '--sheet', 'Заказы', '--row', 'new', '--set', 'Client=Acme', '--set', 'Sales manager=anna@example.com', '--user', 'owner@example.com', '--now', '2026-11-23T10:00');
    expect(e.code).toBe(0);
    expect(e.out).toContain('onEditInstallable');
    const s = JSON.parse(reglament('--json', 'status', book).out);
    expect(s.tabs.find((t: { name: string }) => t.name === 'Orders').rows).toBe(1);
    expect(s.lastRuns.map((r: { fn: string }) => r.fn)).toEqual(['onEdit', 'onEditInstallable']);
    expect(s.lastRuns[1].estimatedGoogleMs).toBeGreaterThan(0);
  });

  test('tick and run advance simulated time', () => {
    expect(reglament('tick', book, '--now', '2026-11-23T10:05').code).toBe(0);
    const r = JSON.parse(reglament('--json', 'run', book, '--from', '2026-11-23T10:00', '--to', '2026-11-23T11:00').out);
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
  ])('bad input %j exits 2 with a clear message', (args, message) => {
    const r = reglament(...args.map((a) => (a === 'BOOK' ? book : a)));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
  });

  test('init --account workspace --domain keeps the account with the workbook; the owner is of that domain', () => {
    const ws = path.join(dir, 'firm.xlsx');
    const r = JSON.parse(reglament('--json', 'init', ws, '--locale', 'en', '--account', 'workspace', '--domain', 'firm.test', '--now', '2026-11-23T09:00').out);
    expect(r.account).toEqual({ type: 'workspace', owner: 'owner@firm.test', domain: 'firm.test' });
    const meta = JSON.parse(fs.readFileSync(path.join(dir, 'firm.state', 'workspace.json'), 'utf8'));
    expect(meta).toEqual(expect.objectContaining({ owner: 'owner@firm.test', account: 'workspace', domain: 'firm.test' }));
    // The default stays consumer, kept as such.
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'book.state', 'workspace.json'), 'utf8')).account).toBe('consumer');
  });

  test('edit --paste and --set send no value in the event; --lock-held-for makes the edit wait for a held lock and be checked later', () => {
    const ws = path.join(dir, 'firm.xlsx');
    reglament('edit', ws, '--sheet', 'Staff', '--row', 'new', '--set', 'Name=Anna', '--set', 'E-mail=anna@firm.test', '--set', 'Department=Sales', '--user', 'owner@firm.test', '--now', '2026-11-23T09:10');
    const typed = JSON.parse(reglament('--json', 'edit', ws, '--sheet', 'Orders', '--row', 'new', '--column', 'Client', '--value', 'Acme', '--user', 'anna@firm.test', '--now', '2026-11-23T09:20').out);
    expect(typed.runs.every((r: { ok: boolean }) => r.ok)).toBe(true);
    const held = JSON.parse(
      reglament('--json', 'edit', ws, '--sheet', 'Orders', '--row', '2', '--column', 'Order ID', '--value', 'MINE', '--user', 'owner@firm.test', '--now', '2026-11-23T09:30', '--lock-held-for', '240s', '--paste').out,
    );
    expect(held.lockHeldUntil).toBe('2026-11-23T06:34:00.000Z');
    const installable = held.runs.find((r: { fn: string }) => r.fn === 'onEditInstallable');
    expect(installable.ok).toBe(true);
    expect(installable.calls.find((c: { call: string }) => c.call === 'Lock.tryLock')).toBeTruthy();
    // Held: the typed-over system column is not undone yet …
    const status = () => JSON.parse(reglament('--json', 'status', ws, '--log', '50').out);
    expect(status().log.some((l: string[]) => l[4] === 'Edit refused')).toBe(false);
    // … until the lock is free: the next tick enforces it.
    expect(reglament('tick', ws, '--now', '2026-11-23T09:35').code).toBe(0);
    const log = status().log;
    expect(log.some((l: string[]) => l[4] === 'Edit refused' && /MINE/.test(l[5]))).toBe(true);
    expect(log.some((l: string[]) => l[4] === 'Edit checked after a busy run')).toBe(true);
  });

  test('the calendar and mail listings work on an empty workspace', () => {
    expect(reglament('mail', book).out).toContain('no mail sent');
    expect(reglament('calendar', book).code).toBe(0);
    const ics = path.join(dir, 'book.state', 'calendar');
    for (const f of fs.existsSync(ics) ? fs.readdirSync(ics).filter((n) => n.endsWith('.ics')) : []) {
      expect(() => ICAL.parse(fs.readFileSync(path.join(ics, f), 'utf8'))).not.toThrow();
    }
  });

  test('event changes an event as a person in Google Calendar; the next tick reads it back; calendar --json prints the resources', () => {
    const call = (cells: string[]) => reglament('edit', book, '--sheet', 'Calls', '--row', 'new', ...cells.flatMap((c) => ['--set', c]), '--user', 'owner@example.com', '--now', '2026-11-23T11:00');
    expect(call(['Type=Interview', 'Start=2026-11-26 10:00', 'Candidate IDs=K-1', 'Manager e-mail=boss@example.com']).code).toBe(0);
    expect(reglament('edit', book, '--sheet', 'Candidates', '--row', 'new', '--set', 'Candidate ID=K-1', '--set', 'Name=Kira', '--set', 'E-mail=kira@example.com', '--user', 'owner@example.com', '--now', '2026-11-23T11:01').code).toBe(0);
    expect(reglament('tick', book, '--now', '2026-11-23T11:05').code).toBe(0);
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the printed JSON, read loosely
    const events = JSON.parse(reglament('--json', 'calendar', book).out) as Array<Record<string, any>>;
    const ev = events.find((e) => e.extendedProperties?.private?.reglament === 'call');
    expect(ev).toBeDefined();
    expect(ev!.guestsCanSeeOtherGuests).toBe(false);
    expect(ev!.conferenceData.entryPoints[0].uri).toMatch(/^https:\/\/meet\.google\.com\//);
    expect(events.some((e) => e.extendedProperties?.private?.reglament === 'notes' && !e.attendees)).toBe(true);

    const moved = reglament('--json', 'event', book, '--id', ev!.id, '--start', '2026-11-27 12:00', '--now', '2026-11-23T12:00');
    expect(moved.code).toBe(0);
    expect(JSON.parse(moved.out).start.dateTime).toBe('2026-11-27T12:00:00+05:00');
    const answered = reglament('event', book, '--id', ev!.id, '--respond', 'kira@example.com=declined', '--now', '2026-11-23T12:01');
    expect(answered.code).toBe(0);
    expect(answered.out).toContain('kira@example.com: declined');
    expect(reglament('tick', book, '--now', '2026-11-23T12:05').code).toBe(0);
    const status = JSON.parse(reglament('--json', 'status', book, '--log', '40').out);
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
      const r = reglament(...args);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(message);
    }
    expect(reglament('event', book, '--id', ev!.id, '--cancel', '--now', '2026-11-23T12:10').code).toBe(0);
    expect(reglament('event', book, '--id', ev!.id, '--cancel').err).toMatch(/is cancelled/);
  });
});
