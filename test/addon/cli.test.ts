/** `reglament addon` as a person runs it: a separate process on the saved workbook, under its lock. */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { BOSS, CLIENT, SALES } from '../e2e/calls-fixture';
import { Harness } from '../e2e/harness';
import { LocalWorkspace } from '../../workspace/runtime/workspace';
import { englishRecords } from '../e2e/harness';
import { addonWorkbook, HR, scheduled } from './fixture';

const root = path.resolve(__dirname, '../..');
const bin = path.join(root, 'bin/reglament.js');

function reglament(...args: string[]) {
  const r = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', cwd: root });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('reglament addon', () => {
  let h: Harness;
  let eventId: string;
  let introEvent: string;
  beforeAll(async () => {
    h = await addonWorkbook('workspace');
    eventId = scheduled(h, {
      Type: 'Interview',
      'Order ID': 'ORD-2026-0001',
      Start: '2026-11-23 15:00',
      'Candidate IDs': 'C-1, C-2',
      'Manager e-mail': BOSS,
    }).eventId;
    introEvent = scheduled(h, {
      Type: 'Introductory call',
      'Order ID': 'ORD-2026-0001',
      Start: '2026-11-23 16:00',
      'Hired employee e-mail': 'new.hire@example.com',
      'Team lead e-mail': HR,
      'Manager e-mail': BOSS,
    }).eventId;
    await h.ws.save();
  });
  afterAll(() => h.close());

  test('shows the card a guest sees, as text and as card JSON', () => {
    const text = reglament('addon', h.workbook, '--calendar-event', eventId, '--user', BOSS);
    expect(text.code).toBe(0);
    expect(text.out).toContain('CALL-2026-0001');
    expect(text.out).toMatch(/\[ Save and mark done \] \(a\d+\)/);
    const json = JSON.parse(reglament('--json', 'addon', h.workbook, '--calendar-event', eventId, '--user', BOSS).out);
    expect(json.trigger).toBe('addonCalendarEventOpen');
    expect(json.cards[0].header.title).toBe('Call CALL-2026-0001');
  });

  test('bad input exits 2: no context, two contexts, an unknown event, a form Google would not submit', () => {
    expect(reglament('addon', h.workbook, '--user', BOSS).code).toBe(2);
    expect(reglament('addon', h.workbook, '--homepage', '--calendar-event', eventId, '--user', BOSS).code).toBe(2);
    const unknown = reglament('addon', h.workbook, '--calendar-event', 'nope', '--user', BOSS);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain('no event with id "nope"');
    const bad = reglament(
      'addon',
      h.workbook,
      '--calendar-event',
      eventId,
      '--user',
      BOSS,
      '--action',
      'addonSaveCall',
      '--input',
      'price=a lot',
    );
    expect(bad.code).toBe(2);
    expect(bad.out).toContain('price: Нужно число.');
  });

  test('HR marking the call done is refused: exit 3, the sheet untouched', () => {
    const r = reglament('addon', h.workbook, '--calendar-event', introEvent, '--user', HR, '--action', 'addonMarkCallDone');
    expect(r.code).toBe(3);
    expect(r.out).toContain('REFUSED');
    expect(r.out).toContain('Not allowed:');
  });

  test('the manager submits the Interview comment; the next tick applies it; the client’s mail card records the payment', async () => {
    const r = reglament(
      'addon',
      h.workbook,
      '--calendar-event',
      eventId,
      '--user',
      BOSS,
      '--action',
      'addonMarkCallDone',
      '--input',
      's_C-1=strong',
      '--input',
      's_C-2=junior',
      '--input',
      'results=Alice',
      '--input',
      'fb_C-1=liked',
      '--input',
      'fb_C-2=not now',
      '--input',
      'sm=Anna',
    );
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain('addonMarkCallDone: ok');
    expect(reglament('tick', h.workbook, '--now', '2026-11-23T16:05').code).toBe(0);
    const eml = path.join(h.dir, 'payment.eml');
    fs.writeFileSync(
      eml,
      [`From: John <${CLIENT}>`, `To: ${SALES}`, 'Subject: Payment', 'Message-ID: <p1@acme.example>', '', 'Paid.', ''].join('\r\n'),
    );
    const pay = reglament('--json', 'addon', h.workbook, '--gmail-message', eml, '--user', SALES, '--action', 'addonRecordPayment');
    expect(pay.code).toBe(0);
    expect(JSON.parse(pay.out).action.notification).toContain('ORD-2026-0001');
    const notMine = reglament('addon', h.workbook, '--gmail-message', eml, '--user', HR);
    expect(notMine.code).toBe(2);
    const ws = await LocalWorkspace.open({ workbook: h.workbook });
    const call = englishRecords(ws, 'Calls')[0];
    expect(call['Status']).toBe('Done');
    // Nobody hired, and the order's next meeting (the Introductory call after it) is already scheduled: no step is left.
    expect(call['Problems']).toBe('');
    expect(englishRecords(ws, 'Candidates').map((c) => c['Client feedback'])).toEqual(['CALL-2026-0001: liked', 'CALL-2026-0001: not now', '']);
    expect(ws.mail.sent().some((m) => m.to.includes(BOSS))).toBe(true);
    const order = englishRecords(ws, 'Orders')[0];
    expect(Object.prototype.toString.call(order['Payment received'])).toBe('[object Date]');
    expect(String(order['Payment document link'])).toContain('https://mail.google.com/');
  });
});
