/**
 * The staff's window on the server side: the menu, and every google.script.run callback run
 * as a person through the real bundle on the local Workspace (New York, across the March DST
 * change). A button writes only the person's own cells; the rules then run with the owner's
 * rights, at once for the owner and at the next trigger run for everyone else.
 */
import { Harness } from '../e2e/harness';
import { asUser, BOSS, COMPLETE_ORDER, HR, SALES, STRANGER, uiWorkbook, CLIENT_DEPT } from './fixture';

interface Result {
  ok: boolean;
  message: string;
  details: string[];
  queued: boolean;
  state: {
    ref: { sheet: string; row: number; id: string } | null;
    status: string;
    title: string;
    checklist: Array<{ label: string; ok: boolean; detail: string }>;
    problems: string[];
    pending: string[];
    reminders: Array<{ when: string; text: string; note: string; state: string }>;
    events: Array<{ when: string; text: string; note: string; state: string }>;
    log: Array<{ when: string; text: string; note: string; state: string }>;
    actions: Array<{ id: string; allowed: boolean; reason: string; fields?: Array<{ key: string; required: boolean }> }>;
    hint: string;
  } | null;
}
type State = NonNullable<Result['state']>;

const ORDER_REF = { sheet: 'Orders', row: 2, id: 'ORD-2026-0001' };

function queueSize(h: Harness): number {
  const run = h.ws.invoke('uiPage', { kind: 'ui', user: h.ws.owner, args: ['outbox'] });
  return (String(run.result).match(/<li>/g) ?? []).length;
}

describe('the Reglament menu', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await uiWorkbook();
  });
  afterAll(() => h.close());

  test('onOpen adds every item of the menu, each running a top-level function of the bundle', () => {
    h.ws.invoke('onOpen', { kind: 'ui', user: SALES });
    const menu = h.ws.spreadsheet.uiLog.filter((e) => e.kind === 'menu').pop()!;
    expect(menu.title).toBe('Reglament');
    const items = (menu.items ?? []).filter((i): i is { caption: string; functionName: string } => 'functionName' in i);
    expect(items.map((i) => i.caption)).toEqual([
      'Set up or repair the workbook',
      'Open the sidebar',
      'Schedule a call…',
      'Call comment…',
      'Hand off this order',
      'Check this sheet',
      'Outbox and Log',
      'Settings',
    ]);
    for (const item of items) expect(h.ws.entryPoints()).toContain(item.functionName);
  });

  test('the sidebar and the dialogs open from the menu as self-contained pages', () => {
    h.ws.spreadsheet.setActive('Orders', 2, 1);
    for (const fn of ['menuOpenSidebar', 'menuScheduleCall', 'menuOutboxAndLog'])
      expect(h.ws.invoke(fn, { kind: 'ui', user: SALES }).ok).toBe(true);
    // Setup asked for the sender name (nobody answered in this fixture); the rest is what the menu opened.
    const prompts = h.ws.spreadsheet.uiLog.filter((e) => e.kind === 'prompt');
    for (const p of prompts) expect(p.content).toMatch(/company’s name|название вашей компании/);
    const shown = h.ws.spreadsheet.uiLog.filter((e) => e.kind !== 'menu' && e.kind !== 'prompt');
    expect(shown.map((e) => e.kind)).toEqual(['sidebar', 'modalDialog', 'modelessDialog']);
    expect(shown[1].title).toBe('Schedule a call');
    for (const e of shown) {
      expect(e.content).not.toMatch(/<script[^>]+src=|<link\b|@import|https?:\/\/(?!www\.w3)/i);
      expect(e.content).toContain('<!DOCTYPE html>');
    }
  });

  test('Call comment on a row that is not a call says so', () => {
    h.ws.spreadsheet.setActive('Orders', 2, 1);
    h.ws.invoke('menuCallComment', { kind: 'ui', user: SALES });
    expect(h.ws.spreadsheet.uiLog[h.ws.spreadsheet.uiLog.length - 1]).toEqual(
      expect.objectContaining({ kind: 'alert', content: expect.stringContaining('Select a call’s row') }),
    );
  });

  test('Settings opens the Settings tab with a hint', () => {
    h.ws.invoke('menuSettings', { kind: 'ui', user: SALES });
    expect(h.ws.spreadsheet.toasts[h.ws.spreadsheet.toasts.length - 1].title).toBe('Settings');
  });

  test('in Russian by default', async () => {
    const ru = await uiWorkbook({ locale: 'ru' });
    try {
      ru.ws.invoke('onOpen', { kind: 'ui', user: SALES });
      const menu = ru.ws.spreadsheet.uiLog.filter((e) => e.kind === 'menu').pop()!;
      expect(menu.title).toBe('Регламент');
      expect((menu.items ?? []).map((i) => ('caption' in i ? i.caption : '-'))).toContain('Передать этот заказ');
    } finally {
      ru.close();
    }
  });
});

describe('the sidebar for an Orders row', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await uiWorkbook();
    h.edit('Orders', 'new', { ...COMPLETE_ORDER, Sum: '', 'Client phone': '' }, SALES);
  });
  afterEach(() => h.close());

  test('shows the status and a checklist of what the hand-off still misses', () => {
    const s = asUser<State>(h, SALES, 'uiSidebarState', [], { sheet: 'Orders', row: 2 });
    expect(s.ref).toEqual(ORDER_REF);
    expect(s.status).toBe('Paid');
    const missing = s.checklist.filter((c) => !c.ok).map((c) => c.label);
    expect(missing).toEqual(['Client phone', 'Sum']);
    expect(s.problems).toEqual([]);
    expect(s.checklist.find((c) => c.label === 'Sum')!.detail).toBe('');
    expect(s.actions.find((a) => a.id === 'handOff')).toEqual(
      expect.objectContaining({ allowed: false, reason: 'Fill in what is marked ✗ first.' }),
    );
    expect(s.checklist.filter((c) => c.ok).length).toBeGreaterThan(10);
  });

  test('offers the hand-off to Sales and tells HR why not (the department rule)', () => {
    h.edit('Orders', 2, { Sum: '45000', 'Client phone': '+7 999 123-45-67' }, SALES);
    const sales = asUser<State>(h, SALES, 'uiSidebarState', [ORDER_REF]);
    expect(sales.actions.find((a) => a.id === 'handOff')).toEqual(expect.objectContaining({ allowed: true }));
    const hr = asUser<State>(h, HR, 'uiSidebarState', [ORDER_REF]);
    const handOff = hr.actions.find((a) => a.id === 'handOff')!;
    expect(handOff.allowed).toBe(false);
    expect(handOff.reason).toMatch(/Sales/);
  });

  test('a row on another tab, or no row, gives the hint', () => {
    const s = asUser<State>(h, SALES, 'uiSidebarState', [], { sheet: 'Staff', row: 2 });
    expect(s.ref).toBeNull();
    expect(s.hint).toBe('Select a row on Orders, HR agreements or Calls.');
  });

  test('values reach the page as plain data (no Dates), and the selection is cheap to poll', () => {
    const run = h.ws.invoke('uiSidebarState', { kind: 'ui', user: SALES, args: [ORDER_REF] });
    const plain = JSON.parse(JSON.stringify(run.result));
    expect(plain).toEqual(run.result);
    h.ws.spreadsheet.setActive('Orders', 2, 3);
    const sel = h.ws.invoke('uiSelection', { kind: 'ui', user: SALES });
    expect(sel.result).toEqual({ sheet: 'Orders', row: 2, id: '' });
    expect(sel.calls.some((c) => /getValues/.test(c.call))).toBe(false);
  });
});

describe('Hand off this order', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await uiWorkbook();
    h.edit('Orders', 'new', COMPLETE_ORDER, SALES);
  });
  afterEach(() => h.close());

  test('by the owner, the rules run at once: the e-mail goes to the Client department and the hand-off is recorded', () => {
    const r = asUser<Result>(h, h.ws.owner, 'uiHandOff', [ORDER_REF]);
    expect(r).toEqual(expect.objectContaining({ ok: true, queued: false }));
    expect(r.message).toMatch(/^Order ORD-2026-0001 handed off to the Client department/);
    const order = h.rows('Orders')[0];
    expect(order['Hand off']).toBe(true);
    expect(order['Status']).toBe('Handed off');
    expect(h.ws.mail.sent().filter((m) => m.to.includes(CLIENT_DEPT) && !/^Payment received/.test(m.subject))).toHaveLength(1);
    // The payment notice (seed 000) and the hand-off.
    expect(r.state!.reminders.map((l) => l.state)).toEqual(['Sent', 'Sent']);
    expect(r.state!.log.map((l) => l.text)).toContain('Handed off');
    expect(r.state!.actions.find((a) => a.id === 'handOff')!.reason).toMatch(/already handed off/);
  });

  test('by Sales, the tick is written as Sales typed it and the owner’s next trigger run hands it off once', () => {
    const r = asUser<Result>(h, SALES, 'uiHandOff', [ORDER_REF]);
    expect(r).toEqual(expect.objectContaining({ ok: true, queued: true }));
    expect(r.message).toMatch(/owner’s trigger/);
    expect(h.rows('Orders')[0]['Hand off']).toBe(true);
    expect(h.rows('Orders')[0]['Handed off at']).toBe('');
    expect(h.ws.mail.sent().filter((m) => !/^Payment received/.test(m.subject))).toHaveLength(0);
    expect(r.state!.pending).toEqual([
      expect.stringMatching(/^Waiting for the owner’s trigger: Hand off to the Client department .*anna\.sales@example\.com/),
    ]);
    expect(queueSize(h)).toBe(1);

    expect(h.tick('2026-11-23T09:05').ok).toBe(true);
    const order = h.rows('Orders')[0];
    expect(order['Status']).toBe('Handed off');
    expect(h.ws.mail.sent().filter((m) => m.to.includes(CLIENT_DEPT) && !/^Payment received/.test(m.subject))).toHaveLength(1);
    expect(queueSize(h)).toBe(0);
    expect(h.rows('Log')).toContainEqual(
      expect.objectContaining({ User: SALES, 'Row key': 'ORD-2026-0001', Action: 'Hand off to the Client department' }),
    );
    h.tick('2026-11-23T09:10');
    expect(h.ws.mail.sent().filter((m) => m.to.includes(CLIENT_DEPT) && !/^Payment received/.test(m.subject))).toHaveLength(1);
  });

  test('the menu item works on the active row and says what happened in an alert', () => {
    h.ws.spreadsheet.setActive('Orders', 2, 5);
    const run = h.ws.invoke('menuHandOff', { kind: 'ui', user: h.ws.owner });
    expect(run.ok).toBe(true);
    const alert = h.ws.spreadsheet.uiLog.filter((e) => e.kind === 'alert').pop()!;
    expect(alert.title).toBe('Hand off this order');
    expect(alert.content).toMatch(/handed off to the Client department/);
    h.ws.spreadsheet.setActive('Staff', 2, 1);
    h.ws.invoke('menuHandOff', { kind: 'ui', user: h.ws.owner });
    expect(h.ws.spreadsheet.uiLog.filter((e) => e.kind === 'alert').pop()!.content).toBe('Select an order’s row on the Orders tab.');
  });

  test('refused on the server to another department, to someone not on Staff, and when items are missing — nothing is written', () => {
    const hr = asUser<Result>(h, HR, 'uiHandOff', [ORDER_REF]);
    expect(hr.ok).toBe(false);
    expect(hr.message).toMatch(/^Not allowed: .*Sales/);
    const stranger = asUser<Result>(h, STRANGER, 'uiHandOff', [ORDER_REF]);
    expect(stranger.ok).toBe(false);
    expect(stranger.message).toMatch(/stranger@example\.com/);
    h.edit('Orders', 2, { Sum: '' }, SALES);
    const incomplete = asUser<Result>(h, SALES, 'uiHandOff', [ORDER_REF]);
    expect(incomplete.ok).toBe(false);
    expect(incomplete.message).toBe('Order ORD-2026-0001 cannot be handed off:');
    expect(incomplete.details.join('\n')).toMatch(/Sum/);
    expect(h.rows('Orders')[0]['Hand off']).toBe('');
    expect(queueSize(h)).toBe(0);
  });

  test('a row found by its ID after rows moved; a deleted one is reported', () => {
    const gone = asUser<Result>(h, SALES, 'uiHandOff', [{ sheet: 'Orders', row: 2, id: 'ORD-2026-0099' }]);
    expect(gone).toEqual(expect.objectContaining({ ok: false, message: 'Row ORD-2026-0099 was not found: it was deleted or moved.' }));
  });
});

describe('HR agreements from the sidebar', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await uiWorkbook();
    h.edit('Orders', 'new', { ...COMPLETE_ORDER, Terms: 'Individual' }, SALES);
  });
  afterEach(() => h.close());

  test('Sales asks HR: the request row is written as Sales would type it; HR gets the request at the next run', () => {
    const s = asUser<State>(h, SALES, 'uiSidebarState', [ORDER_REF]);
    const ask = s.actions.find((a) => a.id === 'askHr')!;
    expect(ask.allowed).toBe(true);
    expect(ask.fields!.filter((f) => f.required).map((f) => f.key)).toEqual(['expectedResumes', 'expectedCalls', 'risks']);
    expect(s.checklist.find((c) => c.label === 'HR agreement Agreed')!.ok).toBe(false);

    const missing = asUser<Result>(h, SALES, 'uiAskHr', [ORDER_REF, { expectedResumes: '40', expectedCalls: '30' }]);
    expect(missing.ok).toBe(false);
    expect(missing.message).toMatch(/Risks/);
    expect(h.rows('HR agreements')).toHaveLength(0);

    const r = asUser<Result>(h, SALES, 'uiAskHr', [
      ORDER_REF,
      { expectedResumes: '40', expectedCalls: '30', risks: '<script>alert(1)</script>', selectionWeekdays: 'Tue, Fri', callKind: 'Detailed' },
    ]);
    expect(r).toEqual(expect.objectContaining({ ok: true, queued: true }));
    const row = h.rows('HR agreements')[0];
    expect(row).toEqual(
      expect.objectContaining({
        'Order ID': 'ORD-2026-0001',
        'Requested by': SALES,
        'Expected resumes': 40,
        'Expected calls': 30,
        Risks: '<script>alert(1)</script>',
        'Call kind': 'Detailed',
        'HR specialist': '',
      }),
    );
    h.tick('2026-11-23T09:05');
    expect(h.rows('HR agreements')[0]['Agreement ID']).toBe('AGR-2026-0001');
    expect(h.ws.mail.sent().filter((m) => m.to.includes(HR))).toHaveLength(1);
    const again = asUser<Result>(h, SALES, 'uiAskHr', [ORDER_REF, { expectedResumes: '1', expectedCalls: '1', risks: 'x' }]);
    expect(again.ok).toBe(false);
    expect(again.message).toMatch(/already has agreement AGR-2026-0001/);
  });

  test('HR answers; a rejection needs a comment; Sales may not answer', () => {
    h.edit(
      'HR agreements',
      'new',
      {
        'Order ID': 'ORD-2026-0001',
        'Requested by': SALES,
        'Expected resumes': '40',
        'Expected calls': '30',
        Risks: 'none',
        'Other points': 'Tuesdays',
      },
      SALES,
    );
    const ref = { sheet: 'HR agreements', row: 2, id: 'AGR-2026-0001' };
    const state = asUser<State>(h, HR, 'uiSidebarState', [ref]);
    expect(state.status).toBe('Waiting for HR');
    expect(state.actions.find((a) => a.id === 'answerHr')!.allowed).toBe(true);
    const sales = asUser<Result>(h, SALES, 'uiAnswerHr', [ref, { answer: 'Agreed' }]);
    expect(sales.ok).toBe(false);
    expect(sales.message).toMatch(/HR/);
    const bare = asUser<Result>(h, HR, 'uiAnswerHr', [ref, { answer: 'Rejected', hrComment: '' }]);
    expect(bare.ok).toBe(false);
    expect(bare.message).toMatch(/comment/i);
    const ok = asUser<Result>(h, HR, 'uiAnswerHr', [ref, { answer: 'Agreed', hrComment: 'Tuesdays are fine' }]);
    expect(ok.ok).toBe(true);
    expect(h.rows('HR agreements')[0]).toEqual(expect.objectContaining({ Answer: 'Agreed', 'HR comment': 'Tuesdays are fine' }));
    h.tick('2026-11-23T09:05');
    expect(Object.prototype.toString.call(h.rows('HR agreements')[0]['Answered at'])).toBe('[object Date]');
    expect(h.ws.mail.sent().filter((m) => m.to.includes(SALES))).toHaveLength(1);
    const order = asUser<State>(h, SALES, 'uiSidebarState', [ORDER_REF]);
    expect(order.checklist.find((c) => c.label === 'HR agreement Agreed')!.ok).toBe(true);
  });
});

describe('Schedule a call', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await uiWorkbook();
    h.edit('Orders', 'new', COMPLETE_ORDER, SALES);
  });
  afterEach(() => h.close());

  test('the form lists the call types with the fields each needs, the orders and their candidates', () => {
    const f = asUser<{
      types: Array<{ key: string; required: string[] }>;
      orders: Array<{ id: string; clientEmail: string }>;
      candidates: Array<{ id: string }>;
      defaults: Record<string, string>;
      zone: string;
      allowed: boolean;
    }>(h, SALES, 'uiScheduleForm', [ORDER_REF]);
    expect(f.types).toEqual([
      { key: 'first', label: 'First call', required: ['clientEmail', 'managerEmail'] },
      { key: 'interview', label: 'Interview', required: ['candidateIds', 'managerEmail'] },
      { key: 'repeat', label: 'Repeat call', required: ['candidateIds', 'managerEmail'] },
      { key: 'intro', label: 'Introductory call', required: ['hiredEmployeeEmail', 'teamLeadEmail', 'managerEmail'] },
    ]);
    expect(f.orders).toEqual([
      { id: 'ORD-2026-0001', label: 'ORD-2026-0001 · Acme <b>Ltd</b> · Call-centre operator', clientEmail: 'peter@acme.example' },
    ]);
    expect(f.candidates.map((c) => c.id)).toEqual(['C-1', 'C-2']);
    expect(f.defaults).toEqual(
      expect.objectContaining({ orderId: 'ORD-2026-0001', clientEmail: 'peter@acme.example', managerEmail: BOSS, start: '2026-11-23T10:00' }),
    );
    expect(f.zone).toBe('America/New_York');
    expect(f.allowed).toBe(true);
    const stranger = asUser<{ allowed: boolean; reason: string }>(h, STRANGER, 'uiScheduleForm', [ORDER_REF]);
    expect(stranger.allowed).toBe(false);
  });

  test('writes a Calls row exactly as a person typing it, the start in the spreadsheet’s zone across the DST change', () => {
    const r = asUser<Result>(h, SALES, 'uiScheduleCall', [
      {
        type: 'interview',
        orderId: 'ORD-2026-0001',
        start: '2027-03-15T10:00',
        duration: '45',
        clientEmail: 'peter@acme.example',
        candidateIds: ['C-1', 'C-2'],
        managerEmail: BOSS,
        hiredEmployeeEmail: 'ignored@x.example',
      },
    ]);
    expect(r.ok).toBe(true);
    expect(r.message).toMatch(/written to row 2/);
    const call = h.rows('Calls')[0];
    expect(call).toEqual(
      expect.objectContaining({
        Type: 'Interview',
        'Order ID': 'ORD-2026-0001',
        'Duration (min)': 45,
        'Candidate IDs': 'C-1, C-2',
        'Manager e-mail': BOSS,
        'Hired employee e-mail': '',
        Status: 'Scheduled',
      }),
    );
    // 10:00 in New York on 15 March 2027 is EDT (UTC−4), a week after the change.
    expect((call['Start'] as Date).toISOString()).toBe('2027-03-15T14:00:00.000Z');
    const winter = asUser<Result>(h, SALES, 'uiScheduleCall', [
      { type: 'first', orderId: 'ORD-2026-0001', start: '2027-03-12T10:00', clientEmail: 'peter@acme.example', managerEmail: BOSS },
    ]);
    expect(winter.ok).toBe(true);
    expect((h.rows('Calls')[1]['Start'] as Date).toISOString()).toBe('2027-03-12T15:00:00.000Z');
    expect(h.rows('Calls')[1]['Duration (min)']).toBe('');
  });

  test('the Calls rules then give the call its ID, its event and its reminders, which the sidebar shows', () => {
    const owner = asUser<Result>(h, h.ws.owner, 'uiScheduleCall', [
      {
        type: 'interview',
        orderId: 'ORD-2026-0001',
        start: '2026-11-25T15:00',
        duration: '45',
        candidateIds: ['C-1', 'C-2'],
        managerEmail: BOSS,
      },
    ]);
    expect(owner.message).toBe('Call CALL-2026-0001 written to row 2.');
    expect(owner.state!.ref).toEqual({ sheet: 'Calls', row: 2, id: 'CALL-2026-0001' });
    // The call's event with each guest's answer, and where the staff notes are (the twin at the same time).
    expect(owner.state!.events).toEqual([
      expect.objectContaining({ when: '2026-11-25 15:00', note: expect.stringContaining('olga@mail.example — no answer') }),
      expect.objectContaining({
        when: '2026-11-25 15:00',
        text: expect.stringMatching(/^Staff notes: Interview — /),
        note: expect.stringContaining('staff only'),
      }),
    ]);
    expect(owner.state!.reminders.map((r) => [r.when, r.note, r.state])).toEqual([
      ['2026-11-25 14:40', 'ivan@mail.example', 'Pending'],
      ['2026-11-25 14:40', 'olga@mail.example', 'Pending'],
    ]);
    const sales = asUser<Result>(h, SALES, 'uiScheduleCall', [
      { type: 'first', orderId: 'ORD-2026-0001', start: '2026-11-26T15:00', clientEmail: 'peter@acme.example', managerEmail: BOSS },
    ]);
    expect(sales.queued).toBe(true);
    const guestEvents = () => h.ws.calendar.events().filter((e) => e.extendedProperties?.private?.reglament === 'call');
    expect(guestEvents()).toHaveLength(1);
    h.tick('2026-11-23T09:05');
    expect(h.rows('Calls')[1]['Call ID']).toBe('CALL-2026-0002');
    expect(guestEvents().map((e) => e.start?.dateTime)).toEqual(['2026-11-25T15:00:00-05:00', '2026-11-26T15:00:00-05:00']);
    const view = asUser<State>(h, SALES, 'uiSidebarState', [{ sheet: 'Calls', row: 3, id: '' }]);
    expect(view.reminders).toEqual([expect.objectContaining({ when: '2026-11-26 14:45', note: 'peter@acme.example', state: 'Pending' })]);
    // A guest's answer in Calendar shows in the sidebar at once, and in "Guests' answers" after the next tick.
    const first = String(h.rows('Calls')[0]['Event ID']);
    h.ws.calendar.person.respond(first, 'olga@mail.example', 'declined');
    const after = asUser<State>(h, SALES, 'uiSidebarState', [{ sheet: 'Calls', row: 2, id: 'CALL-2026-0001' }]);
    expect(after.events[0].note).toContain('olga@mail.example — declined');
    h.tick('2026-11-23T09:10');
    expect(h.rows('Calls')[0]["Guests' answers"]).toContain('— declined');
  });

  test('refuses a missing field or a malformed e-mail with the Calls rule’s words, writing nothing', () => {
    const missing = asUser<Result>(h, SALES, 'uiScheduleCall', [
      { type: 'first', orderId: 'ORD-2026-0001', start: '2026-11-25T15:00', clientEmail: 'peter@acme.example' },
    ]);
    expect(missing.ok).toBe(false);
    expect(missing.message).toBe('The call was not written:');
    expect(missing.details).toEqual(['First call: fill in "Manager e-mail".']);
    const html = asUser<Result>(h, SALES, 'uiScheduleCall', [
      { type: 'first', start: '2026-11-25T15:00', clientEmail: '<img src=x onerror=alert(1)>', managerEmail: BOSS },
    ]);
    expect(html.ok).toBe(false);
    expect(html.details.join('\n')).toContain('<img src=x onerror=alert(1)>');
    const noStart = asUser<Result>(h, SALES, 'uiScheduleCall', [
      { type: 'first', start: 'tomorrow', clientEmail: 'a@b.example', managerEmail: BOSS },
    ]);
    expect(noStart.message).toBe('“Start”: give a date and a time.');
    const stranger = asUser<Result>(h, STRANGER, 'uiScheduleCall', [
      { type: 'first', start: '2026-11-25T15:00', clientEmail: 'a@b.example', managerEmail: BOSS },
    ]);
    expect(stranger.ok).toBe(false);
    expect(h.rows('Calls')).toHaveLength(0);
  });
});

describe('Call comment and Mark the call done', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await uiWorkbook();
    h.edit('Orders', 'new', COMPLETE_ORDER, SALES);
    h.edit(
      'Calls',
      'new',
      {
        Type: 'First call',
        'Order ID': 'ORD-2026-0001',
        Start: '2026-11-24 10:00',
        'Client e-mail': 'peter@acme.example',
        'Manager e-mail': BOSS,
      },
      SALES,
    );
    h.edit(
      'Calls',
      'new',
      { Type: 'Interview', 'Order ID': 'ORD-2026-0001', Start: '2026-11-25 10:00', 'Candidate IDs': 'C-1, C-2', 'Manager e-mail': BOSS },
      SALES,
    );
  });
  afterEach(() => h.close());

  const FIRST = { sheet: 'Calls', row: 2, id: '' };
  const INTERVIEW = { sheet: 'Calls', row: 3, id: '' };

  test('the First-call template is a form; a missing field is refused; the saved text is the template filled in', () => {
    const form = asUser<{ type: string; fields: Array<{ key: string; label: string; required: boolean; value: string }>; allowed: boolean }>(
      h,
      SALES,
      'uiCommentForm',
      [FIRST],
    );
    expect(form.type).toBe('first');
    expect(form.fields.map((f) => f.label)).toEqual([
      'Company Name',
      'Company Website',
      'Contact Person',
      'Product',
      'Specialties',
      'Country-Location',
      'Target Audience',
      'Immediate Requirement',
      'Future needs',
      'Next Step',
      'Next Contact Date',
      'SM',
    ]);
    expect(form.fields.find((f) => f.key === 'sm')!.value).toBe('Anna');
    const fields: Record<string, string> = {
      companyName: 'Acme',
      companyWebsite: 'acme.example',
      contactPerson: 'Peter',
      product: 'Widgets',
      specialties: 'B2B',
      countryLocation: 'US',
      targetAudience: '',
      immediateRequirement: '3 operators',
      futureNeeds: '10 more',
      nextStep: 'Send offer',
      nextContactDate: '',
      sm: 'Anna',
    };
    const refused = asUser<Result>(h, SALES, 'uiSaveComment', [FIRST, { fields }]);
    expect(refused.ok).toBe(false);
    expect(refused.details.join('\n')).toMatch(/Next Contact Date/);
    const saved = asUser<Result>(h, SALES, 'uiSaveComment', [FIRST, { fields: { ...fields, nextContactDate: '2026-12-01' } }]);
    expect(saved.ok).toBe(true);
    const comment = String(h.rows('Calls')[0]['Comment']);
    expect(comment.split('\n')).toEqual([
      'Company Name: Acme',
      'Company Website: acme.example',
      'Contact Person: Peter',
      'Product: Widgets',
      'Specialties: B2B',
      'Country-Location: US',
      'Target Audience: worldwide',
      'Immediate Requirement: 3 operators',
      'Future needs: 10 more',
      'Next Step: Send offer',
      'Next Contact Date: 2026-12-01',
      'SM: Anna',
    ]);
    const again = asUser<{ fields: Array<{ key: string; value: string }> }>(h, SALES, 'uiCommentForm', [FIRST]);
    expect(again.fields.find((f) => f.key === 'product')!.value).toBe('Widgets');
  });

  test('the Interview form lists the call’s candidates; HTML typed in stays text in the cell', () => {
    const form = asUser<{ type: string; candidates: Array<{ id: string; name: string }> }>(h, SALES, 'uiCommentForm', [INTERVIEW]);
    expect(form.candidates).toEqual([
      { id: 'C-1', name: 'Olga', summary: '', feedback: '' },
      { id: 'C-2', name: 'Ivan <i>the</i> Great', summary: '', feedback: '' },
    ]);
    const noResults = asUser<Result>(h, SALES, 'uiSaveComment', [
      INTERVIEW,
      { summaries: { 'C-1': 'strong', 'C-2': 'ok' }, results: '', sm: 'Anna' },
    ]);
    expect(noResults.ok).toBe(false);
    const saved = asUser<Result>(h, SALES, 'uiSaveComment', [
      INTERVIEW,
      { summaries: { 'C-1': 'strong <b>yes</b>', 'C-2': 'ok' }, results: 'Olga hired', sm: 'Anna' },
    ]);
    expect(saved.ok).toBe(true);
    expect(h.rows('Calls')[1]['Comment']).toBe(
      'Today we interviewed:\nOlga (C-1) – strong <b>yes</b>\nIvan <i>the</i> Great (C-2) – ok\nInterview results:\nOlga hired\nSM: Anna',
    );
    // The client's feedback per candidate (seed 003): a line each under the results; the form reads it back one by one.
    const withFeedback = asUser<Result>(h, SALES, 'uiSaveComment', [
      INTERVIEW,
      { summaries: { 'C-1': 'strong', 'C-2': 'ok' }, results: 'Olga hired', feedback: { 'C-1': 'liked her', 'C-2': '' }, sm: 'Anna' },
    ]);
    expect(withFeedback.ok).toBe(true);
    expect(h.rows('Calls')[1]['Comment']).toBe(
      'Today we interviewed:\nOlga (C-1) – strong\nIvan <i>the</i> Great (C-2) – ok\nInterview results:\nOlga hired\nOlga (C-1) – liked her\nSM: Anna',
    );
    const again = asUser<{ resultsOnly: string; candidates: Array<{ feedback: string }> }>(h, SALES, 'uiCommentForm', [INTERVIEW]);
    expect(again.resultsOnly).toBe('Olga hired');
    expect(again.candidates.map((c) => c.feedback)).toEqual(['liked her', '']);
  });

  test("Mark the call done sets Status as the person would, for the call's manager only; twice is refused", () => {
    // HR is not this call's manager (Manager e-mail is Boris; the order's Sales manager is Anna).
    const hr = asUser<Result>(h, HR, 'uiMarkCallDone', [FIRST]);
    expect(hr.ok).toBe(false);
    expect(hr.message).toContain('filled by its manager');
    expect(h.rows('Calls')[0]['Status']).toBe('');
    const done = asUser<Result>(h, SALES, 'uiMarkCallDone', [FIRST]);
    expect(done.ok).toBe(true);
    expect(h.rows('Calls')[0]['Status']).toBe('Done');
    const twice = asUser<Result>(h, SALES, 'uiMarkCallDone', [FIRST]);
    expect(twice.ok).toBe(false);
    const stranger = asUser<Result>(h, STRANGER, 'uiMarkCallDone', [INTERVIEW]);
    expect(stranger.ok).toBe(false);
    expect(h.rows('Calls')[1]['Status']).toBe('');
  });
});

describe('Check this sheet, and Outbox and Log', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await uiWorkbook();
    h.edit('Orders', 'new', COMPLETE_ORDER, SALES);
    h.edit('Orders', 'new', { ...COMPLETE_ORDER, Sum: 'many' }, SALES);
  });
  afterEach(() => h.close());

  test('the owner’s check re-applies the rules and lists the flagged rows; another person’s waits for the trigger', () => {
    h.ws.spreadsheet.setActive('Orders', 2, 1);
    expect(h.ws.invoke('menuCheckSheet', { kind: 'ui', user: h.ws.owner }).ok).toBe(true);
    const alert = h.ws.spreadsheet.uiLog.filter((e) => e.kind === 'alert').pop()!;
    expect(alert.title).toBe('Sheet check');
    expect(alert.content).toMatch(/^Orders: 2 rows, 1 with problems\. Rules re-applied/);
    expect(alert.content).toMatch(/• ORD-2026-0002 \(row 3\): .*Sum/);
    h.ws.invoke('menuCheckSheet', { kind: 'ui', user: SALES });
    expect(h.ws.spreadsheet.uiLog.filter((e) => e.kind === 'alert').pop()!.content).toMatch(/re-check runs with the owner’s trigger/);
    expect(queueSize(h)).toBe(1);
    h.tick('2026-11-23T09:05');
    expect(queueSize(h)).toBe(0);
  });

  test('Outbox and Log shows waiting and failed mail and the last Log lines, every value escaped', () => {
    asUser(h, h.ws.owner, 'uiHandOff', [ORDER_REF]);
    const page = String(h.ws.invoke('uiPage', { kind: 'ui', user: SALES, args: ['outbox'] }).result);
    expect(page).toContain('Sent: 3'); // the two orders' payment notices and the hand-off
    expect(page).toContain('Handed off');
    expect(page).not.toContain('<b>Ltd</b>');
  });
});

describe('cost', () => {
  test('the sidebar’s service calls do not grow with the number of rows', async () => {
    const counts: number[] = [];
    for (const n of [5, 400]) {
      const h = await uiWorkbook();
      try {
        h.edit('Orders', 'new', COMPLETE_ORDER, SALES);
        const { bulkLoad } = await import('../../workspace/bench/report');
        bulkLoad(
          h.ws,
          'Orders',
          Array.from({ length: n }, (_, i) => [`ORD-2026-${String(i + 2).padStart(4, '0')}`, `Client ${i}`]),
          3,
        );
        bulkLoad(
          h.ws,
          'Outbox',
          Array.from({ length: n }, (_, i) => [`handoff:ORD-2026-${String(i + 2).padStart(4, '0')}`]),
        );
        const run = h.ws.invoke('uiSidebarState', { kind: 'ui', user: SALES, args: [ORDER_REF] });
        counts.push(run.totalCalls);
      } finally {
        h.close();
      }
    }
    expect(counts[1]).toBe(counts[0]);
  });
});
