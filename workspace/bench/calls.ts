/**
 * Calls figures (issue 5): a workbook of 5,000 calls and 20,000 candidates.
 * - one tick with 200 reminders due (100 First calls in 15 minutes, 100 Interviews in 20);
 * - a bulk re-plan after the spreadsheet's time zone changed (every event and reminder moves);
 * - one edit of a call (it is re-planned at once);
 * - the idle tick: the one after a tick that found nothing to do (the gate closed).
 * Targets: a tick's Spreadsheet calls do not grow with rows; mail and calendar calls are one
 * per message or event changed; a tick that would pass 6 minutes stops early (the rest is
 * done by the next ticks).
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { LocalWorkspace, RunRecord } from '../runtime/workspace';
import { personEdit } from '../cli';
import { BenchCase, BenchFigure, bulkLoad, keyedJson } from './report';
import { tabDef } from '../../src/core/schema';

const BOSS = 'boss@example.com';
const CANDIDATES = 20000;
const CALLS = 5000;
/** The measured tick: 2026-11-24 10:00 Moscow. */
const T = Date.parse('2026-11-24T07:00:00Z');
const MIN = 60000;

export function callRow(i: number, realmDate: DateConstructor): unknown[] {
  const rec: Record<string, unknown> = { managerEmail: BOSS };
  if (i < 100) {
    rec.type = 'First call';
    rec.start = new realmDate(T + 15 * MIN);
    rec.clientEmail = `client${i}@example.com`;
  } else if (i < 200) {
    rec.type = 'Interview';
    rec.start = new realmDate(T + 20 * MIN);
    rec.candidateIds = `C-${i}`;
  } else {
    // The rest from two days ahead, every 15 minutes, all four types; every tenth cancelled.
    const types = ['First call', 'Interview', 'Repeat call', 'Introductory call'];
    rec.type = types[i % 4];
    rec.start = new realmDate(T + 2 * 1440 * MIN + (i - 200) * 15 * MIN);
    rec.duration = 45;
    if (rec.type === 'First call') rec.clientEmail = `client${i}@example.com`;
    if (rec.type === 'Interview' || rec.type === 'Repeat call') rec.candidateIds = `C-${(i * 3) % CANDIDATES}, C-${(i * 3 + 1) % CANDIDATES}`;
    if (rec.type === 'Introductory call') {
      rec.hiredEmployeeEmail = `hire${i}@example.com`;
      rec.teamLeadEmail = `lead${i % 50}@example.com`;
    }
    if (i % 10 === 0) rec.status = 'Cancelled';
  }
  return tabDef('calls').columns.map((c) => rec[c.key] ?? '');
}

function sumOf(runs: RunRecord[], call: string): number {
  return runs.reduce((n, r) => n + (r.calls.find((c) => c.call === call)?.count ?? 0), 0);
}

function spreadsheetCalls(r: RunRecord): number {
  return r.calls.filter((c) => /^(SpreadsheetApp|Spreadsheet|Sheet|Range)\./.test(c.call)).reduce((n, c) => n + c.count, 0);
}

export const callsBench: BenchCase = {
  name: 'calls: 5,000 calls and 20,000 candidates',
  async run() {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'reglament-bench-'));
    try {
      const ws = await LocalWorkspace.open({
        workbook: path.join(dir, 'calls.xlsx'),
        create: true,
        locale: 'en',
        now: new Date(T - 6 * 60 * MIN),
        // A Workspace account (1,500 recipients a day); no short-time create limit and no daily
        // trigger runtime while the workbook is filled (the day case measures the daily runtime).
        limits: { account: 'workspace', mailRecipientsPerDay: 1500, calendarCreatesPerMinute: 1e9, triggerRuntimePerDayMs: 1e12 },
      });
      ws.invoke('setupWorkbook', { kind: 'editor' });
      bulkLoad(ws, 'Staff', [['Boris', BOSS, 'Management', '', '', '']]);
      bulkLoad(
        ws,
        'Candidates',
        Array.from({ length: CANDIDATES }, (_, i) => [
          `C-${i}`,
          `Candidate ${i}`,
          `c${i}@example.com`,
          `+7 900 ${String(i).padStart(7, '0')}`,
          '',
          'New',
        ]),
      );
      bulkLoad(
        ws,
        'Calls',
        Array.from({ length: CALLS }, (_, i) => callRow(i, ws.rt.realm.Date)),
      );

      // Filling: the ticks before T give every call its ID, its event (then its Meet link in the
      // description) and its staff notes, and its reminders — several ticks, each stopping at its
      // deadline, until one writes nothing to Calendar (the workbook is settled).
      const filling: RunRecord[] = [];
      for (let k = 0; k < 70; k++) {
        const run = ws.invoke('tick', { kind: 'time', at: new Date(T - 6 * 60 * MIN + k * 5 * MIN) });
        filling.push(run);
        if (!run.ok) throw new Error(`filling tick failed: ${run.error}`);
        const writes = ['Calendar.Events.insert', 'Calendar.Events.patch'].reduce(
          (n, call) => n + (run.calls.find((c) => c.call === call)?.count ?? 0),
          0,
        );
        if (writes === 0 && k > 0) break;
      }
      const events = ws.calendar.events().length;
      ws.rt.limits.calendarCreatesPerMinute = 60;

      const due = ws.invoke('tick', { kind: 'time', at: new Date(T) });
      const sent = ws.mail.sent().length;
      const quiet = ws.invoke('tick', { kind: 'time', at: new Date(T + 5 * MIN) });
      // The gate (src/app/gate.ts): the tick after a tick that found nothing to do.
      const gated = ws.invoke('tick', { kind: 'time', at: new Date(T + 10 * MIN) });

      const edit = personEdit(ws, 'Calls', '1000', [['Start', '2026-12-20 11:00']], ws.owner).runs.find((r) => r.fn === 'onEditInstallable')!;

      const app = ws.ctx.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp;
      app.getActiveSpreadsheet().setSpreadsheetTimeZone('Asia/Yekaterinburg');
      const replan: RunRecord[] = [];
      for (let k = 0; k < 20; k++) {
        const run = ws.invoke('tick', { kind: 'time', at: new Date(T + (10 + 5 * k) * MIN) });
        replan.push(run);
        const patched = run.calls.find((c) => c.call === 'Calendar.Events.patch')?.count ?? 0;
        if (patched === 0) break;
      }
      const figures: BenchFigure[] = [
        {
          label: `filling the workbook before T: ${filling.length} ticks`,
          localMs: filling.reduce((n, r) => n + r.localMs, 0),
          note: `${events} events (guests' events and staff notes; ${sumOf(filling, 'Calendar.Events.insert')} inserts, ${sumOf(filling, 'Calendar.Events.patch')} patches for the Meet links), ${filling
            .map((r) => (r.estimatedGoogleMs / 1000).toFixed(0))
            .join(' + ')} s estimated on Google`,
        },
        { key: 'remindersTick', label: `one tick with 200 reminders due (${sent} sent)`, record: due },
        {
          key: 'nextTick',
          label: 'the next tick, nothing due (steady state)',
          record: quiet,
          note: `Spreadsheet calls: ${spreadsheetCalls(quiet)} (the due tick: ${spreadsheetCalls(due)})`,
        },
        { key: 'gatedTick', label: 'the tick after it: nothing due, nothing marked (the gate is closed)', record: gated },
        { key: 'callEdit', label: 'one edit of a call (new start: event patched, reminders moved)', record: edit },
        { label: 'bulk re-plan after the time zone changed to Asia/Yekaterinburg: the first tick', record: replan[0] },
        {
          label: `the whole re-plan: ${replan.length} ticks`,
          localMs: replan.reduce((n, r) => n + r.localMs, 0),
          note: `${sumOf(replan, 'Calendar.Events.patch')} events patched; per tick ${replan.map((r) => `${r.calls.find((c) => c.call === 'Calendar.Events.patch')?.count ?? 0} (${(r.estimatedGoogleMs / 1000).toFixed(0)} s)`).join(', ')}`,
        },
      ];
      return figures;
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  },
  async json(ran?: BenchFigure[]) {
    return keyedJson(callsBench, ran ?? (await callsBench.run()));
  },
};
