/**
 * History that stays out of the way (issue 15): the Log is appended without being read,
 * old finished Outbox rows and Log lines move once a day to yearly archive tabs, and the
 * sidebar still finds an order's archived mail.
 */
import { bulkLoad } from '../../workspace/bench/report';
import { asUser, COMPLETE_ORDER, SALES, uiWorkbook } from '../ui/fixture';
import { Harness } from './harness';
import { cellsRead, installable, load } from './costs';

const ORDER_REF = { sheet: 'Orders', row: 2, id: 'ORD-2026-0001' };
type Line = { when: string; text: string; note: string; state: string };

const keysOf = (h: Harness, tab: string) =>
  h.ws.spreadsheet
    .readValues(tab)
    .slice(1)
    .map((r) => r[0]);

function logLines(h: Harness, n: number, at: Date): void {
  const D = h.ws.rt.realm.Date;
  bulkLoad(
    h.ws,
    'Log',
    Array.from({ length: n }, (_, i) => [new D(at.getTime() + i * 1000), 'someone@example.com', 'Orders', `#${i + 2}`, 'Edited', `line ${i}`]),
    h.ws.spreadsheet.readValues('Log').length + 1,
  );
}

/** A workbook with one complete order, handed off by the owner. */
async function handedOffOrder(): Promise<Harness> {
  const h = await uiWorkbook();
  h.edit('Orders', 'new', COMPLETE_ORDER, SALES);
  expect(asUser<{ ok: boolean }>(h, h.ws.owner, 'uiHandOff', [ORDER_REF]).ok).toBe(true);
  return h;
}

describe('the Log is appended without being read', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await uiWorkbook();
    h.edit('Orders', 'new', COMPLETE_ORDER, SALES);
  });
  afterAll(() => h.close());

  test('an edit costs the same reads with 20 or 20,020 Log lines, and its line lands below the last one', () => {
    const small = h.edit('Orders', 2, { Vacancy: 'Operator A' }, SALES).find((r) => r.fn === 'onEditInstallable')!;
    logLines(h, 20000, h.instant('2026-11-01T09:00'));
    const before = h.ws.spreadsheet.readValues('Log').length;
    const big = h.edit('Orders', 2, { Vacancy: 'Operator B' }, SALES).find((r) => r.fn === 'onEditInstallable')!;
    const cells = (r: typeof big) => r.calls.filter((c) => c.call === 'Range.getValues').reduce((n, c) => n + c.count, 0);
    expect(cells(big)).toBe(cells(small));
    // 20,000 more lines of 6 cells would cost > 1 s if they were read.
    expect(Math.abs(big.estimatedGoogleMs - small.estimatedGoogleMs)).toBeLessThan(100);
    expect(asUser<{ ok: boolean }>(h, h.ws.owner, 'uiHandOff', [ORDER_REF]).ok).toBe(true);
    const log = h.ws.spreadsheet.readValues('Log');
    expect(log.length).toBeGreaterThan(before);
    expect(log[before - 1][5]).toBe('line 19999');
    expect(log.slice(before).some((r) => r[4] === 'Handed off')).toBe(true);
  });
});

describe('the archive', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await uiWorkbook();
    h.edit('Orders', 'new', COMPLETE_ORDER, SALES);
    const r = asUser<{ ok: boolean }>(h, h.ws.owner, 'uiHandOff', [ORDER_REF]);
    expect(r.ok).toBe(true);
  });
  afterAll(() => h.close());

  const keys = (tab: string) =>
    h.ws.spreadsheet
      .readValues(tab)
      .slice(1)
      .map((r) => r[0]);
  const outboxStates = () => h.rows('Outbox').map((r) => r['State']);

  test('finished Outbox rows and Log lines older than 30 days move to the tabs of their year, once a day; the sidebar still finds the mail', () => {
    const D = h.ws.rt.realm.Date;
    const old = new D(Date.parse('2025-12-20T10:00:00Z'));
    const live = h.ws.spreadsheet.readValues('Outbox').length;
    // Old rows of last year: one Sent (archived), one Failed (stays: a person decides), one Pending (stays).
    bulkLoad(
      h.ws,
      'Outbox',
      [
        ['old-sent:ORD-2025-0009', old, 'a@example.com', 'reminder', 'Old sent', 'Sent', 1, '', old],
        ['old-failed:ORD-2025-0009', old, 'a@example.com', 'reminder', 'Old failed', 'Failed', 3, 'boom', ''],
        ['old-pending:ORD-2025-0009', old, 'a@example.com', 'reminder', 'Old pending', 'Pending', 0, '', ''],
      ],
      live + 1,
    );

    // The next day: last year's finished row and lines go to the 2025 tabs; the hand-off (days old) stays.
    const first = h.tick('2026-11-24T09:00');
    expect(first.ok).toBe(true);
    expect(h.ws.spreadsheet.sheetNames()).toContain('Outbox 2025');
    expect(keys('Outbox 2025')).toEqual(['old-sent:ORD-2025-0009']);
    // The Log's lines are days old, not 30: none moved.
    expect(h.ws.spreadsheet.sheetNames()).not.toContain('Log 2026');
    expect(outboxStates()).toEqual(expect.arrayContaining(['Sent', 'Failed', 'Pending']));
    expect(h.rows('Outbox').some((r) => r['Key'] === 'old-sent:ORD-2025-0009')).toBe(false);

    // Archive tabs are the owner's alone.
    const archive = h.ws.spreadsheet.model.sheets.find((s) => s.name === 'Outbox 2025')!;
    expect(h.ws.spreadsheet.model.protections.some((p) => p.sheetId === archive.id)).toBe(true);
    expect(archive.maxCols).toBe(9);

    // 35 days later the hand-off mail is archived too (2026 tab), so are the Log's lines of
    // November (in time order: the prefix of the Log), and the sidebar still shows the mail.
    const logBefore = h.ws.spreadsheet.readValues('Log');
    const november = logBefore.slice(1).filter((r) => (r[0] as Date).getTime() < h.instant('2026-11-29T09:00').getTime()).length;
    h.tick('2026-12-29T09:00');
    expect(h.ws.spreadsheet.readValues('Log 2026').length).toBe(1 + november);
    expect(h.ws.spreadsheet.readValues('Log 2026')[1]).toEqual(logBefore[1]);
    expect(h.ws.spreadsheet.readValues('Log').length).toBeLessThan(logBefore.length);
    // The hand-off's row is archived (Handed off at ends it); the payment notice's stays live:
    // its sending decision stands as long as Payment received does (src/google/archive.ts).
    expect(keys('Outbox 2026')).toContain('handoff:ORD-2026-0001');
    expect(keys('Outbox 2026')).not.toContain('payment:ORD-2026-0001');
    expect(h.rows('Outbox').map((r) => r['Key'])).toContain('payment:ORD-2026-0001');
    const moved = h.ws.spreadsheet.readValues('Outbox 2026').length;
    // A second tick the same day moves nothing.
    h.tick('2026-12-29T09:05');
    expect(h.ws.spreadsheet.readValues('Outbox 2026').length).toBe(moved);
    const state = asUser<{ reminders: Line[] }>(h, h.ws.owner, 'uiSidebarState', [ORDER_REF]);
    // Both of the order's mails (the hand-off, archived, and the payment notice of issue 14, live) are found.
    expect(state.reminders.map((l) => [l.text.split(' ')[0], l.state])).toEqual([
      ['Hand-off', 'Sent'],
      ['Payment', 'Sent'],
    ]);
  });

  test('the payment notice goes once, also after an edit of the paid order weeks later', () => {
    const notices = () => h.ws.mail.sent().filter((m) => /^Payment received/.test(m.subject)).length;
    expect(notices()).toBe(1);
    h.edit('Orders', 2, { Vacancy: 'Senior operator' }, SALES, '2026-12-29T10:00');
    h.tick('2026-12-29T10:05');
    h.tick('2027-02-10T09:00');
    h.edit('Orders', 2, { Vacancy: 'Lead operator' }, SALES, '2027-02-10T10:00');
    expect(notices()).toBe(1);
  });
});

describe('the payment notice after the hand-off', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await handedOffOrder();
  });
  afterAll(() => h.close());

  test('an edit of a handed-off order looks no payment notice up (the hand-off told the Client department it is paid): its reads do not grow with the Outbox', () => {
    const before = cellsRead(installable(h.edit('Orders', 2, { Vacancy: 'Senior operator' }, SALES, '2026-11-24T10:00')));
    const D = h.ws.rt.realm.Date;
    const old = Array.from({ length: 20000 }, (_, i) => [
      `reminder|old-${i}`,
      'x@example.com',
      'Reminder',
      'Sent',
      new D(Date.UTC(2026, 10, 20)),
      '',
      1,
      '',
      '',
    ]);
    load(h, 'Outbox', old);
    const after = cellsRead(installable(h.edit('Orders', 2, { Vacancy: 'Lead operator' }, SALES, '2026-11-24T10:10')));
    expect(after).toBeLessThan(before + 1000);
    expect(h.ws.mail.sent().filter((m) => /^Payment received/.test(m.subject))).toHaveLength(1);
  });
});

describe('a workbook the previous version archived', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await handedOffOrder();
  });
  afterAll(() => h.close());

  test("the first full tick brings a standing mail's row back from the archive tab before any feature runs: the payment notice is not sent again", () => {
    const app = h.ws.ctx.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp;
    const ss = app.getActiveSpreadsheet();
    const live = ss.getSheetByName('Outbox')!;
    const values = live.getDataRange().getValues();
    const at = values.findIndex((r) => r[0] === 'payment:ORD-2026-0001');
    expect(at).toBeGreaterThan(0);
    // As issue 15's first archive left it: the row in "Outbox 2026", gone from the live tab.
    const archive = ss.insertSheet('Outbox 2026');
    archive.getRange(1, 1, 2, values[0].length).setValues([values[0], values[at]]);
    live.deleteRow(at + 1);
    const props = (h.ws.ctx.PropertiesService as GoogleAppsScript.Properties.PropertiesService).getScriptProperties();
    props.deleteProperty('reglament.archive.standingRestored');
    const notices = () => h.ws.mail.sent().filter((m) => /^Payment received/.test(m.subject)).length;
    expect(notices()).toBe(1);

    h.tick('2026-11-24T09:00');
    expect(
      h
        .rows('Outbox')
        .filter((r) => r['Key'] === 'payment:ORD-2026-0001')
        .map((r) => r['State']),
    ).toEqual(['Sent']);
    expect(keysOf(h, 'Outbox 2026')).not.toContain('payment:ORD-2026-0001');
    expect(h.rows('Log').some((l) => l['Action'] === 'Outbox rows back from the archive')).toBe(true);
    h.edit('Orders', 2, { Vacancy: 'Senior operator' }, SALES, '2026-11-24T10:00');
    h.tick('2026-11-24T10:05');
    expect(notices()).toBe(1);
    // Once done, it is not done again: a row typed into the archive tab later stays there.
    h.tick('2026-11-25T09:00');
    expect(props.getProperty('reglament.archive.standingRestored')).not.toBeNull();
  });
});

describe('protections follow Staff by department', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await uiWorkbook();
  });
  afterAll(() => h.close());

  test('a new HR member touches only the protections naming HR or all of Staff', () => {
    const groups = h.ws.spreadsheet.model.protections.map((p) => /\{([a-z,]+)\}$/.exec(String(p.description ?? ''))?.[1] ?? '');
    const touched = groups.filter((g) => g === 'staff' || g.split(',').includes('hr')).length;
    const ours = groups.filter((g) => g !== '' && g !== 'owner').length;
    expect(touched).toBeLessThan(ours);
    const run = h
      .edit(
        'Staff',
        'new',
        { Name: 'Hanna', 'E-mail': 'hanna.hr@example.com', Department: 'HR', 'Manager e-mail': 'boss@example.com' },
        h.ws.owner,
      )
      .find((r) => r.fn === 'onEditInstallable')!;
    expect(run.ok).toBe(true);
    // The edit adds nobody; the next tick gives only those protections the new member (one
    // addEditors each); the kept department lists mean no getEditors read.
    expect(run.calls.find((c) => c.call === 'Protection.addEditors')).toBeUndefined();
    const tick = h.timer();
    expect(tick.calls.find((c) => c.call === 'Protection.addEditors')?.count).toBe(touched);
    expect(tick.calls.find((c) => c.call === 'Protection.getEditors')).toBeUndefined();
    // The new member may type in HR's columns: every HR protection lists her.
    for (const p of h.ws.spreadsheet.model.protections)
      if (/\{[a-z,]*hr[a-z,]*\}$/.test(String(p.description ?? '')))
        expect(p.editors.map((e: string) => e.toLowerCase())).toContain('hanna.hr@example.com');
    // A second edit that changes no department list touches none.
    const again = h.edit('Staff', 6, { Name: 'Hanna K.' }, h.ws.owner).find((r) => r.fn === 'onEditInstallable')!;
    expect(again.calls.find((c) => c.call === 'Protection.getEditors')).toBeUndefined();
    expect(again.calls.find((c) => c.call === 'Protection.addEditors')).toBeUndefined();
  });
});
