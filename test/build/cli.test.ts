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
  ])('bad input %j exits 2 with a clear message', (args, message) => {
    const r = reglament(...args.map((a) => (a === 'BOOK' ? book : a)));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
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
