/**
 * The company's day (issue 15, point 7): the trigger runtime of one working day of a realistic
 * company — 2,000 active orders, 5,000 calls, 20,000 candidates, ~300 edits and ~510 mails a
 * day — against Google's daily quota for triggers (90 min consumer, 6 h Workspace); the same
 * day after a year of history (≈ 180,000 Outbox rows and 110,000 Log lines written before it,
 * archived by the daily move as in production); and whether, at 4,000 orders, any calling report
 * with results leaves after its 18:00 deadline.
 *
 * The day is Tuesday 24 November 2026 (Moscow), a calling day for ~310 Selections rows (results
 * recorded for two in three), with 200 call reminders due at 10:00. What runs for real, on the
 * local Workspace with the latency table's estimates:
 * - every tick from 00:00 to 10:00 and from 17:00 to 23:55 (the 03:00 full pass, the 09:00
 *   digest, the 10:00 reminders, the reports of 17:00–18:05, the gated idle ticks);
 * - 09:00–17:00: 300 edits, one every 1.6 minutes (a calling result typed by HR, a Vacancy
 *   changed by Sales, a call moved by its manager, in turn), each before the tick that follows
 *   it; whatever an edit makes due (a reminder moved, a late report's quiet spell) is the ticks'.
 * Nothing is extrapolated: every tick and every edit of the day runs (an earlier version charged
 * 10:05–16:55 the median tick after an edit, which hid ticks that edits woke). Trigger runtime
 * counts ticks and both edit triggers.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { LocalWorkspace, RunRecord } from '../runtime/workspace';
import { offsetMinutes } from '../runtime/tz';
import { personEdit } from '../cli';
import { BenchCase, BenchFigure, bulkLoad } from './report';
import { tabDef, TabKey } from '../../src/core/schema';
import { cachedOffsets, instantAt, Zone } from '../../src/core/time';
import { order } from './schedules';
import { callRow } from './calls';
import { NEXT } from '../../src/app/gate';
import { paymentKey } from '../../src/features/orders/rules/payment';

const ZONE = 'Europe/Moscow';
const SALES = Array.from({ length: 10 }, (_, i) => `sales${i}@example.com`);
const HR = Array.from({ length: 10 }, (_, i) => `hr${i}@example.com`);
const BOSS = 'boss@example.com';
const HR_BOSS = 'hr.head@example.com';
const MIN = 60000;
const DAY_EDITS = 300;
const EDIT_HOURS = { from: 9, to: 17 };
const CONSUMER_MIN = 90;
/**
 * REGLAMENT_DAY_SCALE=0.1 runs the same day on a tenth of the company (a smoke run on a busy
 * machine); the figures then are not the company's. Default 1.
 */
const SCALE = Number(process.env.REGLAMENT_DAY_SCALE) > 0 ? Number(process.env.REGLAMENT_DAY_SCALE) : 1;
const n = (x: number) => Math.max(1, Math.round(x * SCALE));
const WORKSPACE_MIN = 360;

const zone: Zone = { id: ZONE, offsetAt: cachedOffsets((ms) => offsetMinutes(ms, ZONE)) };
export const at = (d: number, h: number, m = 0) => new Date(instantAt(zone, { year: 2026, month: 11, day: d }, h, m));
const midnight = (y: number, m: number, d: number) => new Date(instantAt(zone, { year: y, month: m, day: d }));

function row(key: TabKey, rec: Record<string, unknown>): unknown[] {
  return tabDef(key).columns.map((c) => rec[c.key] ?? '');
}

const ru = (key: TabKey, col: string) => tabDef(key).columns.find((c) => c.key === col)!.ru;

interface Company {
  ws: LocalWorkspace;
  dir: string;
  orders: number;
  calls: number;
  /** Today's calling rows: [order ID, Selections sheet row]. */
  dueToday: Array<{ orderId: string; sheetRow: number }>;
}

/** A company of `orders` handed-off orders (and, with calls, 5,000 calls and 20,000 candidates), settled before the 24th. */
export async function company(orders: number, withCalls: boolean): Promise<Company> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'reglament-bench-day-'));
  const ws = await LocalWorkspace.open({
    workbook: path.join(dir, 'day.xlsx'),
    create: true,
    locale: 'ru',
    timeZone: ZONE,
    now: at(22, 4),
    account: 'workspace',
    domain: 'example.com',
    // No daily limits while the company is filled in (the day's runtime is summed here). Its
    // events count as made over the months before: two days before the day, and with no daily
    // Calendar quota then (Google's comes back for the day, its window long clear of them).
    limits: { mailRecipientsPerDay: 1e6, calendarCreatesPerMinute: 1e9, calendarCreatesPerDay: 1e9, triggerRuntimePerDayMs: 1e12 },
  });
  ws.invoke('setupWorkbook', { kind: 'editor' });
  personEdit(ws, 'Настройки', '4', [['Value', 'client.dept@example.com']], ws.owner);
  bulkLoad(ws, 'Сотрудники', [
    ...SALES.map((e, i) => [`Продажи ${i}`, e, 'Отдел продаж', BOSS]),
    ...HR.map((e, i) => [`HR ${i}`, e, 'HR', HR_BOSS]),
    ['Борис', BOSS, 'Руководство', ''],
    ['Глава HR', HR_BOSS, 'Руководство', ''],
  ]);
  bulkLoad(
    ws,
    'Заказы',
    Array.from({ length: orders }, (_, i) => row('orders', { ...order(i, orders), salesManager: SALES[i % 10], hrSpecialist: HR[i % 10] })),
  );
  // Paid long before the day: each order's payment notice went then (its Outbox row is Sent), as in a company that has run for a while.
  bulkLoad(
    ws,
    'Исходящие',
    Array.from({ length: orders }, (_, i) => {
      const o = order(i, orders);
      return row('outbox', {
        key: paymentKey(String(o.orderId)),
        due: o.paymentReceived,
        recipient: 'client.dept@example.com',
        template: 'payment.clientDepartment',
        subject: `Оплата ${String(o.orderId)}`,
        state: 'Отправлено',
        attempts: 1,
        sentAt: o.paymentReceived,
      });
    }),
  );
  ws.invoke('setupWorkbook', { kind: 'editor' });
  // The first full plan: a Holidays edit re-plans every handed-off order.
  const holidays = ws.spreadsheet.readValues('Праздники').length;
  personEdit(
    ws,
    'Праздники',
    String(holidays + 1),
    [
      ['Название', 'Корпоратив (рабочий)'],
      ['Дата', '2026-12-26'],
      ['Рабочий день?', 'TRUE'],
    ],
    BOSS,
  );
  // Earlier calling days reported; today's results recorded for two in three.
  const values = ws.spreadsheet.readValues('Подборы');
  const header = values[0].map(String);
  const col = (key: string) => header.indexOf(ru('selections', key));
  const calling = col('callingDate');
  const today = midnight(2026, 11, 24).getTime();
  const app = ws.ctx.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp;
  const sent = values.slice(1).map((r) => [(r[calling] as Date).getTime() < today ? at(23, 17) : '']);
  app
    .getActiveSpreadsheet()
    .getSheetByName('Подборы')!
    .getRange(2, col('reportSentAt') + 1, sent.length, 1)
    .setValues(sent);
  const dueToday: Company['dueToday'] = [];
  values.slice(1).forEach((r, k) => {
    if ((r[calling] as Date).getTime() === today) dueToday.push({ orderId: String(r[0]), sheetRow: k + 2 });
  });
  const results: unknown[][] = [];
  dueToday.forEach(({ orderId }, k) => {
    if (k % 3 === 2) return;
    for (let c = 0; c < 5; c++)
      results.push(
        row('callingResults', {
          date: midnight(2026, 11, 24),
          orderId,
          candidateId: `C-${k}-${c}`,
          phone: `+7 901 ${k}${c}`,
          outcome: ['Не дозвонились', 'Отказ', 'Согласен прийти', 'Назначено интервью', 'Не дозвонились'][c],
          recordedBy: HR[0],
        }),
      );
  });
  bulkLoad(ws, 'Результаты обзвона', results);
  if (withCalls) {
    bulkLoad(
      ws,
      'Кандидаты',
      Array.from({ length: 20000 }, (_, i) => [
        `C-${i}`,
        `Кандидат ${i}`,
        `c${i}@example.com`,
        `+7 900 ${String(i).padStart(7, '0')}`,
        candidateOrder(i, orders),
        'Новый',
      ]),
    );
    bulkLoad(
      ws,
      'Звонки',
      Array.from({ length: n(5000) }, (_, i) => withOrder(callRow(i, ws.rt.realm.Date), i, orders)),
    );
  }
  // Settling: ticks of the 22nd until one writes nothing to Calendar (events, Meet links, reminders).
  let settled = false;
  for (let k = 1; k < 200 && !settled; k++) {
    const run = ws.invoke('tick', { kind: 'time', at: new Date(at(22, 4).getTime() + k * 5 * MIN) });
    if (!run.ok) throw new Error(`settling tick failed: ${run.error}`);
    const writes = ['Calendar.Events.insert', 'Calendar.Events.patch'].reduce(
      (n, c) => n + (run.calls.find((x) => x.call === c)?.count ?? 0),
      0,
    );
    // Settled: a tick that ran in full (read the sheets, not only a Calendar probe) wrote nothing to Calendar, or the gate stayed closed (the last full tick found nothing left).
    const full = run.calls.some((x) => x.call === 'Range.getValues');
    settled = writes === 0 && (full || run.totalCalls <= 5) && k > 1;
  }
  if (!settled) throw new Error('the company did not settle: its ticks kept writing to Calendar');
  delete ws.rt.limits.calendarCreatesPerDay;
  // The 23rd's evening ticks (its reports and alerts), then the night: settled.
  for (let m = 17 * 60; m <= 23 * 60 + 55; m += 5) ws.invoke('tick', { kind: 'time', at: at(23, 0, m) });
  return { ws, dir, dueToday, orders, calls: withCalls ? n(5000) : 0 };
}

/** A year of history before the day, in the steady state the daily archive keeps (the live tabs hold the last 30 days). */
export function addYearOfHistory(ws: LocalWorkspace): void {
  const day0 = at(23, 12).getTime();
  const outbox = Array.from({ length: n(180000) }, (_, i) => {
    const when = new ws.rt.realm.Date(day0 - Math.floor(i / 510) * 1440 * MIN - (i % 510) * MIN);
    return row('outbox', {
      key: `history|${i}`,
      due: when,
      recipient: `c${i % 20000}@example.com`,
      template: 'reminder',
      subject: `Напоминание ${i}`,
      state: 'Отправлено',
      attempts: 1,
      sentAt: when,
    });
  });
  const log = Array.from({ length: n(110000) }, (_, i) =>
    row('log', {
      time: new ws.rt.realm.Date(day0 - Math.floor(i / 300) * 1440 * MIN - (i % 300) * MIN),
      user: HR[i % 10],
      tab: 'Заказы',
      rowKey: `ORD-2026-${String(i % 2000).padStart(5, '0')}`,
      action: 'Правка отклонена',
      details: 'история',
    }),
  );
  const live = (name: string) => ws.spreadsheet.readValues(name).length + 1;
  bulkLoad(ws, 'Исходящие', outbox, live('Исходящие'));
  bulkLoad(ws, 'Журнал', log, live('Журнал'));
  // The daily move, as the first tick of a day makes it (here the 23rd's, before the day).
  const props = ws.ctx.PropertiesService as GoogleAppsScript.Properties.PropertiesService;
  props.getScriptProperties().deleteProperty('reglament.archive.day');
  // Something due: a full tick (a mark alone would only re-plan, and the move would fall to the day's 03:00 pass).
  props.getScriptProperties().setProperty(NEXT, String(at(23, 23, 57).getTime()));
  const moved = ws.invoke('tick', { kind: 'time', at: at(23, 23, 58) });
  if (!moved.ok) throw new Error(`archive tick failed: ${moved.error}`);
  if (props.getScriptProperties().getProperty('reglament.archive.day') === null) throw new Error('the archive tick did not move the history');
}

interface DayRun {
  measured: RunRecord[];
  ticksAfterEdit: RunRecord[];
  edits: Map<string, RunRecord[]>;
  triggerMs: number;
  idle: RunRecord | undefined;
  mails: number;
}

const triggerRuns = (runs: RunRecord[]) => runs.filter((r) => r.kind === 'time' || r.trigger !== undefined);

/** One edit of the given kind at `when` (its trigger runs). */
export function edit(c: Company, kind: number, n: number, when: Date): { kind: string; runs: RunRecord[] } {
  const { ws } = c;
  ws.rt.clock.reset(when.getTime());
  if (kind === 0) {
    const due = c.dueToday[(n * 3 + 2) % c.dueToday.length];
    const next = String(ws.spreadsheet.readValues('Результаты обзвона').length + 1);
    const cells: Array<[string, string]> = [
      [ru('callingResults', 'date'), '2026-11-24'],
      [ru('callingResults', 'orderId'), due.orderId],
      [ru('callingResults', 'candidateId'), `C-e${n}`],
      [ru('callingResults', 'phone'), `+7 902 ${n}`],
      [ru('callingResults', 'outcome'), 'Отказ'],
    ];
    return { kind: 'a calling result typed by HR', runs: personEdit(ws, 'Результаты обзвона', next, cells, HR[0]).runs };
  }
  if (kind === 1) {
    const i = (n * 37) % c.orders;
    return {
      kind: 'a Vacancy changed by Sales',
      runs: personEdit(ws, 'Заказы', String(i + 2), [[ru('orders', 'vacancy'), `Оператор ${n}`]], SALES[i % 10]).runs,
    };
  }
  const callRowNo = 2 + ((1000 + n * 7) % c.calls);
  return {
    kind: 'a call moved by its manager',
    runs: personEdit(ws, 'Звонки', String(callRowNo), [[ru('calls', 'start'), `2026-12-${String(10 + (n % 15)).padStart(2, '0')} 11:00`]], BOSS)
      .runs,
  };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.floor(s.length / 2)] : 0;
}

/** As in a real company, every call and candidate belongs to an order: candidate C-k to the order of the call that names C-3i, C-3i+1. */
function candidateOrder(k: number, orders: number): string {
  return String(order(Math.floor(k / 3) % orders, orders).orderId);
}

function withOrder(call: unknown[], i: number, orders: number): unknown[] {
  const cols = tabDef('calls').columns;
  const first = /C-(\d+)/.exec(String(call[cols.findIndex((c) => c.key === 'candidateIds')]));
  const out = [...call];
  out[cols.findIndex((c) => c.key === 'orderId')] = first ? candidateOrder(Number(first[1]), orders) : String(order(i % orders, orders).orderId);
  return out;
}

/** The 24th, tick by tick (see the header for what is measured and what is extrapolated). */
export function runDay(c: Company): DayRun {
  const { ws } = c;
  const mailsBefore = ws.mail.sent().length;
  const out: DayRun = {
    measured: [],
    ticksAfterEdit: [],
    edits: new Map(),
    triggerMs: 0,
    idle: undefined,
    mails: 0,
  };
  // The edits go one every EDIT_STEP_MS over the edit hours, each before the tick that follows it.
  const from = at(24, EDIT_HOURS.from).getTime();
  const step = ((EDIT_HOURS.to - EDIT_HOURS.from) * 60 * MIN) / DAY_EDITS;
  let made = 0;
  for (let m = 0; m < 1440; m += 5) {
    const when = at(24, 0, m);
    let edited = false;
    while (made < DAY_EDITS && from + made * step < when.getTime()) {
      const e = edit(c, made % 3, made, new Date(from + made * step));
      made++;
      edited = true;
      const runs = triggerRuns(e.runs);
      out.measured.push(...runs);
      out.edits.set(e.kind, [...(out.edits.get(e.kind) ?? []), ...runs]);
    }
    const tick = ws.invoke('tick', { kind: 'time', at: when });
    out.measured.push(tick);
    if (edited) out.ticksAfterEdit.push(tick);
    if (!out.idle && m >= 60 && tick.totalCalls <= 5) out.idle = tick;
  }
  out.mails = ws.mail.sent().length - mailsBefore;
  out.triggerMs = out.measured.reduce((n, r) => n + r.estimatedGoogleMs, 0);
  return out;
}

/** At `orders` orders, the 16:55–18:10 ticks; how many reports with results left after their deadline. */
function reportsAfterDeadline(c: Company): { sentAfterDeadline: number; reports: number; withResults: number; ticks: RunRecord[] } {
  const { ws } = c;
  const ticks: RunRecord[] = [];
  // The day until then, as the timer runs it (the 03:00 pass plans the new days' HR events).
  for (let m = 0; m < 16 * 60 + 55; m += 5) ws.invoke('tick', { kind: 'time', at: at(24, 0, m) });
  for (let m = 16 * 60 + 55; m <= 18 * 60 + 10; m += 5) ticks.push(ws.invoke('tick', { kind: 'time', at: at(24, 0, m) }));
  const values = ws.spreadsheet.readValues('Подборы');
  const header = values[0].map(String);
  const due = header.indexOf(ru('selections', 'reportDue'));
  const sentAt = header.indexOf(ru('selections', 'reportSentAt'));
  const withResults = new Set(c.dueToday.filter((_, k) => k % 3 !== 2).map((d) => d.sheetRow));
  let after = 0;
  let reports = 0;
  for (const r of withResults) {
    const v = values[r - 1];
    const s = v[sentAt];
    if (!(s instanceof Date) && Object.prototype.toString.call(s) !== '[object Date]') {
      after++; // not sent by 18:10 at all
      continue;
    }
    reports++;
    if ((s as Date).getTime() > (v[due] as Date).getTime()) after++;
  }
  return { sentAfterDeadline: after, reports, withResults: withResults.size, ticks };
}

const ticks = (d: DayRun) => d.measured.filter((r) => r.kind === 'time');

/** The five costliest runs as "HH:MM 12.3 s (2 mails)" (their local wall-clock time in the bench's zone). */
function costliest(runs: RunRecord[]): string {
  return [...runs]
    .sort((a, b) => b.estimatedGoogleMs - a.estimatedGoogleMs)
    .slice(0, 5)
    .map((r) => {
      const w = new Date(Date.parse(r.at) + offsetMinutes(Date.parse(r.at), ZONE) * MIN).toISOString().slice(11, 16);
      const mails = r.calls.find((c) => c.call === 'MailApp.sendEmail')?.count ?? 0;
      return `${w} ${(r.estimatedGoogleMs / 1000).toFixed(1)} s${mails ? ` (${mails} mails)` : ''}`;
    })
    .join(', ');
}

interface DayFigures {
  figures: BenchFigure[];
  json: Record<string, unknown>;
}

let cached: Promise<DayFigures> | undefined;

/** Each part's figure on stderr as soon as it is measured: a long run stopped later keeps what it had. */
function progress(f: BenchFigure): void {
  process.stderr.write(`day: ${f.label}\n    ${f.note ?? ''}\n`);
}

async function measure(): Promise<DayFigures> {
  const figures: BenchFigure[] = [];
  const minutes = (ms: number) => Math.round((ms / MIN) * 10) / 10;
  const describe = (label: string, d: DayRun): BenchFigure => ({
    label,
    localMs: d.measured.reduce((n, r) => n + r.localMs, 0),
    note: [
      `estimated trigger runtime ${minutes(d.triggerMs)} min a day (consumer quota ${CONSUMER_MIN} min: ${Math.round((d.triggerMs / MIN / CONSUMER_MIN) * 100)}%; Workspace ${WORKSPACE_MIN} min: ${Math.round((d.triggerMs / MIN / WORKSPACE_MIN) * 100)}%)`,
      `measured: ${d.measured.length} runs (${minutes(d.measured.reduce((n, r) => n + r.estimatedGoogleMs, 0))} min), ${d.mails} mails sent`,
      `measured ticks: ${minutes(ticks(d).reduce((n, r) => n + r.estimatedGoogleMs, 0))} min; costliest: ${costliest(ticks(d))}`,
      `ticks after an edit: ${d.ticksAfterEdit.length}, median ${(median(d.ticksAfterEdit.map((r) => r.estimatedGoogleMs)) / 1000).toFixed(2)} s, ${minutes(d.ticksAfterEdit.reduce((n, r) => n + r.estimatedGoogleMs, 0))} min in all`,
      `edits: ${DAY_EDITS}, ${minutes([...d.edits.values()].flat().reduce((n, r) => n + r.estimatedGoogleMs, 0))} min (mean ${[...d.edits].map(([k, runs]) => `${k} ${(runs.reduce((n, r) => n + r.estimatedGoogleMs, 0) / 1000 / Math.max(1, runs.filter((r) => r.trigger === 'installable').length)).toFixed(2)} s`).join(', ')})`,
    ].join('\n    '),
  });

  const c = await company(n(2000), true);
  let day: DayRun;
  let year: DayRun;
  const saved = path.join(c.dir, 'copy');
  try {
    await c.ws.save();
    fs.mkdirSync(saved);
    fs.cpSync(path.join(c.dir, 'day.xlsx'), path.join(saved, 'day.xlsx'));
    fs.cpSync(path.join(c.dir, 'day.state'), path.join(saved, 'day.state'), { recursive: true });
    day = runDay(c);
    figures.push(
      describe(
        `the company’s day: ${c.orders} active orders, ${c.calls} calls, ${n(20000)} candidates, ${DAY_EDITS} edits${SCALE !== 1 ? ` (scale ${SCALE})` : ''}`,
        day,
      ),
    );
    progress(figures[figures.length - 1]);
    if (day.idle) figures.push({ label: 'an idle tick of that day (the gate closed)', record: day.idle });
    if (day.ticksAfterEdit[0]) figures.push({ label: 'a tick after an edit (09:05)', record: day.ticksAfterEdit[0] });
    for (const [kind, runs] of day.edits) {
      const trigger = runs.find((r) => r.trigger === 'installable');
      if (trigger) figures.push({ label: `an edit: ${kind} (its installable trigger)`, record: trigger });
    }
    const copy: Company = {
      ...c,
      ws: await LocalWorkspace.open({
        workbook: path.join(saved, 'day.xlsx'),
        now: at(23, 23, 55),
        limits: { mailRecipientsPerDay: 1e6, calendarCreatesPerMinute: 1e9, triggerRuntimePerDayMs: 1e12 },
      }),
    };
    addYearOfHistory(copy.ws);
    year = runDay(copy);
    figures.push(
      describe(`the same day after a year of history (${n(180000)} Outbox rows, ${n(110000)} Log lines; the live tabs hold 30 days)`, year),
    );
    progress(figures[figures.length - 1]);
  } finally {
    fs.rmSync(c.dir, { recursive: true, force: true });
  }

  const big = await company(n(4000), false);
  let reports: ReturnType<typeof reportsAfterDeadline>;
  try {
    reports = reportsAfterDeadline(big);
    figures.push({
      label: `${big.orders} orders: ${big.dueToday.length} calling rows due at 18:00, ${reports.withResults} with results`,
      note: `${reports.reports} reports sent by 18:10, ${reports.sentAfterDeadline} after their deadline; ticks 16:55–18:10: ${reports.ticks.map((t) => (t.estimatedGoogleMs / 1000).toFixed(0)).join(' + ')} s estimated`,
    });
    if (reports.ticks[1]) figures.push({ label: `the 17:00 tick at ${big.orders} orders`, record: reports.ticks[1] });
  } finally {
    fs.rmSync(big.dir, { recursive: true, force: true });
  }
  const idle = day.idle;
  return {
    figures,
    json: {
      scale: SCALE,
      idleTick: { calls: idle?.totalCalls ?? null, estimatedSeconds: idle ? Math.round(idle.estimatedGoogleMs) / 1000 : null },
      day: {
        triggerMinutes: minutes(day.triggerMs),
        mails: day.mails,
        measuredRuns: day.measured.length,
        // Kept for scripts that read it: nothing is extrapolated any more.
        extrapolatedTicks: 0,
      },
      dayAfterYear: { triggerMinutes: minutes(year.triggerMs), mails: year.mails },
      reports: { orders: n(4000), sentAfterDeadline: reports.sentAfterDeadline, withResults: reports.withResults },
    },
  };
}

export const dayBench: BenchCase = {
  name: 'day: the company’s day (2,000 orders, 5,000 calls, 20,000 candidates), after a year, and 4,000 orders’ reports',
  async run() {
    cached ??= measure();
    return (await cached).figures;
  },
  async json() {
    cached ??= measure();
    return (await cached).json;
  },
};
