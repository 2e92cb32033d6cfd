/**
 * `reglament`: drives the bundle on the local Workspace. Commands and flags are a
 * contract for scripts and checks: add, never rename.
 *
 * Every command reaches the workbook through session.ts: under the workbook's file lock
 * (exclusive, or shared for the read-only ones) from load to one atomic commit. `run`
 * commits after each trigger run; a kill loses at most the run in progress.
 * Exit codes: 0 applied; 1 a run failed (or an unexpected error); 2 bad input or a missing
 * workbook; 3 refused — by a protection or by the rules (the edit was put back), or an add-on
 * action the product refused; 4 the workbook is busy and --no-wait was given.
 */
import { Command, CommanderError } from 'commander';
import * as fs from 'fs';
import * as path from 'path';
import { parseInstant } from './runtime/typing';
import { AccountType, LocalWorkspace, RunRecord } from './runtime/workspace';
import { EditShape } from './runtime/events';
import { isValidTimeZone } from './runtime/tz';
import { Transaction } from './runtime/commit';
import { CallMeter } from './runtime/runtime';
import { BUSY_EXIT_CODE, WorkbookBusyError } from './runtime/filelock';
import { OpenError, WorkbookSession, lockDefaults, readWorkbook, withWorkbook } from './runtime/session';

import { addAddonCommand } from './cli/addon';
import {
  EditResult,
  REFUSED_EXIT_CODE,
  RefusedError,
  UsageError,
  answerSenderPrompt,
  parseDuration,
  personEdit,
  personEvent,
  planSpan,
  screenMark,
  shownSince,
  workbookStatus,
  WorkbookStatus,
} from './driver';
import { capLines, Lang, localTime, problemsLine, refusalLine, runLine, runsText, shownLines } from './cli/report';
import { nextSteps, workbookLang } from './cli/steps';

// The CLI's own API for scripts and tests: what a person does (driver.ts).
export * from './driver';

interface Output {
  json: boolean;
  print(text: string): void;
  data(value: unknown, text: () => string): void;
}

function output(json: boolean): Output {
  return {
    json,
    print: (text) => process.stdout.write(text + '\n'),
    data: (value, text) => process.stdout.write((json ? JSON.stringify(value, null, 2) : text()) + '\n'),
  };
}

function parseNow(text: string | undefined, timeZone: string): Date | undefined {
  if (text === undefined) return undefined;
  try {
    return parseInstant(text, timeZone);
  } catch (e) {
    throw new UsageError(`--now: ${(e as Error).message}`);
  }
}

/** Sets the simulated clock to --now, read in the spreadsheet's zone. */
function setNow(ws: LocalWorkspace, now?: string): void {
  const at = parseNow(now, ws.spreadsheet.timeZone());
  if (at) ws.rt.clock.reset(at.getTime());
}

function filesSummary(ws: LocalWorkspace): string {
  return [
    `workbook:  ${ws.workbook}`,
    `mail:      ${path.join(ws.stateDir, 'mail')}`,
    `calendars: ${path.join(ws.stateDir, 'calendar')}`,
    `state:     ${ws.stateDir}`,
  ].join('\n');
}

export function buildProgram(): Command {
  const program = new Command();
  program
    .name('reglament')
    .description('Runs the Reglament Apps Script bundle on the local Workspace (.xlsx workbook, .eml mail, .ics calendars).')
    .option('--json', 'machine-readable output')
    .option('--calls', 'print every service call of each run (counts and estimated time on Google)')
    .option('--no-wait', `when another command holds the workbook, exit at once with code ${BUSY_EXIT_CODE} instead of waiting for it`)
    .hook('preAction', (_program, action) => {
      lockDefaults.wait = program.opts().wait !== false;
      const book = action.name() === 'demo' ? undefined : action.args[0];
      if (book !== undefined && !/\.xlsx$/i.test(book))
        throw new UsageError(
          `${book}: the workbook must be an .xlsx file (e.g. book.xlsx); export other formats from Sheets or LibreOffice as .xlsx`,
        );
    })
    .showHelpAfterError()
    .exitOverride();
  const withCalls = () => program.opts().calls === true;

  program
    .command('init')
    .description('Creates (or repairs) a workbook: runs setupWorkbook, which makes every tab with its headers.')
    .argument('<workbook>', 'path of the .xlsx workbook')
    .option('--locale <locale>', 'ru or en: headers and messages', 'ru')
    .option('--tz <zone>', 'the spreadsheet time zone (IANA id)', 'Europe/Moscow')
    .option('--user <email>', 'who runs it (default: the workbook owner)')
    .option('--now <iso>', 'when it runs (ISO 8601; without an offset, in the --tz zone); triggers it installs fire from then on')
    .option(
      '--account <type>',
      'consumer (gmail.com-like, the default) or workspace: who Google names to the script, the daily quotas; kept with the workbook',
    )
    .option('--domain <domain>', "the Google Workspace domain (with --account workspace; default: the owner's domain)")
    .option('--sender-name <name>', "the answer to setup's question for the sender name (your company's name)")
    .action(
      async (
        workbook: string,
        opts: { locale: string; tz: string; user?: string; now?: string; account?: string; domain?: string; senderName?: string },
        cmd: Command,
      ) => {
        const out = output(program.opts().json);
        if (opts.locale !== 'ru' && opts.locale !== 'en') throw new UsageError(`--locale must be ru or en, not "${opts.locale}"`);
        if (!isValidTimeZone(opts.tz)) throw new UsageError(`--tz: unknown time zone "${opts.tz}"`);
        if (opts.account !== undefined && opts.account !== 'consumer' && opts.account !== 'workspace')
          throw new UsageError(`--account must be consumer or workspace, not "${opts.account}"`);
        if (opts.domain !== undefined && opts.account !== 'workspace') throw new UsageError('--domain goes with --account workspace');
        if (opts.domain !== undefined && !/^[a-z0-9-]+(\.[a-z0-9-]+)+$/i.test(opts.domain))
          throw new UsageError(`--domain must be a domain like firm.test, not "${opts.domain}"`);
        const now = parseNow(opts.now, opts.tz);
        const account = opts.account as AccountType | undefined;
        const open = { create: true, locale: opts.locale as 'ru' | 'en', timeZone: opts.tz, now, account, domain: opts.domain };
        const { ws, run, shown, steps, localeWas } = await withWorkbook({ workbook, command: 'init', open }, (ws) => {
          const localeWas = fs.existsSync(workbook) ? workbookLang(ws) : undefined;
          if (opts.senderName !== undefined) answerSenderPrompt(ws, opts.senderName);
          const mark = screenMark(ws);
          const run = ws.invoke('setupWorkbook', { kind: 'editor', user: opts.user, at: now });
          return { ws, run, shown: shownSince(ws, mark), steps: run.ok ? nextSteps(ws) : [], localeWas };
        });
        if (!run.ok) throw new UsageError(`setupWorkbook failed: ${run.error}`);
        const accountInfo = { type: ws.account, owner: ws.owner, ...(ws.meta.domain ? { domain: ws.meta.domain } : {}) };
        const zone = ws.spreadsheet.timeZone();
        const lang = workbookLang(ws);
        const warnings =
          localeWas !== undefined && opts.locale !== localeWas && cmd.getOptionValueSource('locale') === 'cli'
            ? [
                `warning: the workbook is already in ${localeWas === 'ru' ? 'Russian (ru)' : 'English (en)'}; --locale ${opts.locale} changes nothing (the Settings "Locale" value decides the language)`,
              ]
            : [];
        out.data(
          {
            result: run.result,
            run,
            files: { workbook: ws.workbook, stateDir: ws.stateDir },
            tabs: ws.spreadsheet.sheetNames(),
            account: accountInfo,
            shown,
            nextSteps: steps.map((s) => s.key),
            warnings,
          },
          () =>
            [
              String(run.result),
              ...warnings,
              ...shownLines(shown.filter((x) => x.text !== String(run.result))),
              `tabs: ${ws.spreadsheet
                .sheetNames()
                .filter((n) => !n.startsWith('_'))
                .join(', ')}`,
              `account: ${ws.account}${ws.meta.domain ? ` (${ws.meta.domain})` : ''}, owner ${ws.owner}`,
              filesSummary(ws),
              ...runsText([run], zone, withCalls()),
              ...(steps.length ? [lang === 'en' ? 'next steps:' : 'дальше:', ...steps.map((s, i) => `  ${i + 1}. ${s.text}`)] : []),
            ].join('\n'),
        );
      },
    );

  program
    .command('edit')
    .description('Writes cells of one row as a person would and fires onEdit as that user.')
    .argument('<workbook>', 'path of the .xlsx workbook')
    .requiredOption('--sheet <tab>', 'tab name, in either language')
    .requiredOption('--row <n>', 'sheet row number as shown in the row gutter (the header is row 1), or "new" for the first empty row')
    .option('--column <header>', 'column header, in either language')
    .option('--value <v>', 'the text typed into the cell')
    .option('--set <header=value>', 'a cell of the same row; repeat for several (one edit, like a paste)', collect, [])
    .requiredOption('--user <email>', 'who edits')
    .option('--now <iso>', 'when the edit happens (ISO 8601; without an offset, in the spreadsheet zone)')
    .option('--paste', 'the cell arrives as a paste does (no value or oldValue in the event), not typed')
    .option('--lock-held-for <duration>', 'another execution (a long tick) holds the script lock this long from the edit on, e.g. 240s')
    .action(
      async (
        workbook: string,
        opts: {
          sheet: string;
          row: string;
          column?: string;
          value?: string;
          set: string[];
          user: string;
          now?: string;
          paste?: boolean;
          lockHeldFor?: string;
        },
      ) => {
        const out = output(program.opts().json);
        const cells = editCells(opts);
        const lockHeldForMs = opts.lockHeldFor === undefined ? undefined : parseDuration(opts.lockHeldFor, '--lock-held-for');
        const shape: EditShape = opts.paste || opts.set.length > 0 ? 'paste' : 'typed';
        const { result, zone, lang } = await withWorkbook({ workbook, command: 'edit' }, (ws) => {
          setNow(ws, opts.now);
          const zone = ws.spreadsheet.timeZone();
          return { result: personEdit(ws, opts.sheet, opts.row, cells, opts.user, { shape, lockHeldForMs }), zone, lang: workbookLang(ws) };
        });
        out.data(result, () => editText(result, opts.user, zone, lang, withCalls()));
        if (result.runs.some((r) => !r.ok)) process.exitCode = 1;
        else if (result.outcome === 'refused') process.exitCode = REFUSED_EXIT_CODE;
      },
    );

  program
    .command('tick')
    .description('Runs the time trigger (tick) at an instant.')
    .argument('<workbook>', 'path of the .xlsx workbook')
    .requiredOption('--now <iso>', 'the instant (ISO 8601; without an offset, in the spreadsheet zone)')
    .action(async (workbook: string, opts: { now: string }) => {
      const out = output(program.opts().json);
      const { run, zone } = await withWorkbook({ workbook, command: 'tick' }, (ws) => {
        setNow(ws, opts.now);
        return { run: ws.invoke('tick', { kind: 'time', at: ws.rt.clock.now() }), zone: ws.spreadsheet.timeZone() };
      });
      out.data(run, () =>
        (withCalls()
          ? runsText([run], zone, true)
          : [`tick at ${localTime(run.at, zone)}: ${run.ok ? 'ok' : `FAILED: ${run.error}`}`, ...runsText([run], zone, false).slice(0, 1)]
        ).join('\n'),
      );
      if (!run.ok) process.exitCode = 1;
    });

  program
    .command('run')
    .description('Runs the installed time triggers over a span of simulated time.')
    .argument('<workbook>', 'path of the .xlsx workbook')
    .requiredOption('--from <iso>', 'start of the span')
    .requiredOption('--to <iso>', 'end of the span')
    .option('--step <duration>', 'tick interval when no clock trigger is installed (e.g. 5m, 1h)', '5m')
    .action(async (workbook: string, opts: { from: string; to: string; step: string }) => {
      const out = output(program.opts().json);
      const step = parseDuration(opts.step, '--step');
      // The plan is read once; each trigger run then takes the lock, reloads what another
      // process committed meanwhile, and commits on its own.
      const session = new WorkbookSession({ workbook, command: 'run' });
      const { from, to, plan, zone } = await session.shared((ws) => {
        const zone = ws.spreadsheet.timeZone();
        const from = parseNow(opts.from, zone) as Date;
        const to = parseNow(opts.to, zone) as Date;
        if (to.getTime() < from.getTime()) throw new UsageError('--to is before --from');
        return { from, to, plan: planSpan(ws, from, to, step), zone };
      });
      const runs: RunRecord[] = [];
      for (const [i, p] of plan.entries()) {
        runs.push(await session.exclusive((ws) => ws.invoke(p.handler, { kind: 'time', user: p.owner, at: new Date(p.atMs) })));
        if (!out.json && process.stderr.isTTY) process.stderr.write(`\r${i + 1}/${plan.length} trigger runs`);
      }
      if (!out.json && process.stderr.isTTY) process.stderr.write('\n');
      const failed = runs.filter((r) => !r.ok);
      out.data({ runs: runs.length, failed, calls: sumCalls(runs) }, () =>
        [
          `${runs.length} trigger runs from ${localTime(from, zone)} to ${localTime(to, zone)}, ${failed.length} failed`,
          ...(withCalls() ? runsText(runs, zone, true) : failed.map((r) => runsText([r], zone, true)[0].split('\n')[0])),
        ].join('\n'),
      );
      if (failed.length > 0) process.exitCode = 1;
    });

  program
    .command('status')
    .description('Counts rows per tab and Outbox states, shows the last Log lines and the last run’s service calls.')
    .argument('<workbook>', 'path of the .xlsx workbook')
    .option('--log <n>', 'how many Log lines', '10')
    .option('--calls', 'the last command’s service calls in full')
    .action(async (workbook: string, opts: { log: string; calls?: boolean }) => {
      const out = output(program.opts().json);
      const { status, zone } = await readWorkbook({ workbook, command: 'status' }, (ws) => ({
        status: workbookStatus(ws, Number(opts.log) || 10),
        zone: ws.spreadsheet.timeZone(),
      }));
      out.data(status, () => formatStatus(status, zone, opts.calls === true || withCalls()));
    });

  program
    .command('mail')
    .description('Lists the mail sent, with the .eml file of each.')
    .argument('<workbook>', 'path of the .xlsx workbook')
    .action(async (workbook: string) => {
      const out = output(program.opts().json);
      const { sent, zone } = await readWorkbook({ workbook, command: 'mail' }, (ws) => ({
        sent: ws.mail.sent(),
        zone: ws.spreadsheet.timeZone(),
      }));
      out.data(sent, () =>
        sent.length === 0
          ? 'no mail sent'
          : sent
              .map(
                (m) =>
                  `${localTime(m.sentAt, zone)}  to ${m.to.join(', ')}${m.cc.length ? ` cc ${m.cc.join(', ')}` : ''}  "${m.subject}"\n    ${m.file}`,
              )
              .join('\n'),
      );
    });

  program
    .command('calendar')
    .description('Lists the calendar events scheduled, with the .ics file of each calendar.')
    .argument('<workbook>', 'path of the .xlsx workbook')
    .action(async (workbook: string) => {
      const out = output(program.opts().json);
      const { events, stateDir } = await readWorkbook({ workbook, command: 'calendar' }, (ws) => ({
        events: ws.calendar.events(),
        stateDir: ws.stateDir,
      }));
      out.data(events, () =>
        events.length === 0
          ? 'no events'
          : events
              .map(
                (e) =>
                  `${e.start?.dateTime ?? e.start?.date}  ${e.summary}  [${(e.attendees ?? []).map((a) => a.email).join(', ')}]  reminders ${(e.reminders?.overrides ?? []).map((o) => `${o.minutes}m`).join(', ')}`,
              )
              .join('\n') + `\n\n.ics files: ${path.join(stateDir, 'calendar')}`,
      );
    });

  program
    .command('event')
    .description(
      'Changes a calendar event as a person would in Google Calendar: the organizer moves or cancels it, or a guest answers (the next tick reads it back).',
    )
    .argument('<workbook>', 'path of the .xlsx workbook')
    .requiredOption('--id <eventId>', 'the event id (the Calls "Event ID")')
    .option('--start <iso>', 'move it to this start (ISO 8601; without an offset, in the spreadsheet zone)')
    .option('--end <iso>', 'with --start: the new end (default: the same length)')
    .option('--cancel', 'delete it (the guests get the cancellation)')
    .option('--respond <email=answer>', 'a guest answers: accepted, declined or tentative')
    .option('--now <iso>', 'when it happens (ISO 8601; without an offset, in the spreadsheet zone)')
    .action(async (workbook: string, opts: { id: string; start?: string; end?: string; cancel?: boolean; respond?: string; now?: string }) => {
      const out = output(program.opts().json);
      if (opts.end !== undefined && opts.start === undefined) throw new UsageError('--end needs --start');
      const actions = [opts.start !== undefined, opts.cancel === true, opts.respond !== undefined].filter(Boolean).length;
      if (actions !== 1) throw new UsageError('give exactly one of --start, --cancel, --respond EMAIL=accepted|declined|tentative');
      const result = await withWorkbook({ workbook, command: 'event' }, (ws) => {
        setNow(ws, opts.now);
        return personEvent(ws, opts);
      });
      out.data(
        result.event,
        () => `${result.done}
  ${result.event.start?.dateTime ?? result.event.start?.date}  ${result.event.summary}  [${(result.event.attendees ?? []).map((a) => `${a.email}: ${a.responseStatus}`).join(', ')}]  ${result.event.status}`,
      );
    });

  program
    .command('serve')
    .description(
      'Serves the sidebar and the dialogs on localhost over the local Workspace (google.script.run bridged to the same bundle); Ctrl-C stops it.',
    )
    .argument('<workbook>', 'path of the .xlsx workbook')
    .option('--port <n>', 'port on 127.0.0.1 (0 picks a free one)', '8765')
    .option('--user <email>', 'who is clicking (default: the workbook owner; can be switched in the page)')
    .option(
      '--now <iso>',
      'the simulated start instant (ISO 8601; without an offset, in the spreadsheet zone); the clock then follows real time',
    )
    .action(async (workbook: string, opts: { port: string; user?: string; now?: string }) => {
      const out = output(program.opts().json);
      const port = Number(opts.port);
      if (!/^\d+$/.test(opts.port) || port > 65535) throw new UsageError(`--port must be a number from 0 to 65535, not "${opts.port}"`);
      if (opts.user !== undefined && !/^[^\s@]+@[^\s@]+$/.test(opts.user))
        throw new UsageError(`--user must be an e-mail address, not "${opts.user}"`);
      const zone = await readWorkbook({ workbook, command: 'serve' }, (ws) => ws.spreadsheet.timeZone());
      const now = parseNow(opts.now, zone);
      const { serve } = await import('./cli/serve');
      const served = await serve({ workbook, port, user: opts.user, now }).catch((e: NodeJS.ErrnoException) => {
        if (e.code === 'EADDRINUSE')
          throw new UsageError(
            `port ${port} on 127.0.0.1 is in use (another reglament serve?): give another --port, or --port 0 for a free one`,
          );
        if (e.code === 'EACCES') throw new UsageError(`port ${port} needs privileges: give a --port above 1023, or --port 0 for a free one`);
        throw e;
      });
      out.data(
        { url: served.url, user: served.user(), workbook: served.ws.workbook },
        () =>
          `Reglament on ${served.url} as ${served.user()} — ${served.ws.workbook}\nCtrl-C stops it (every action is committed at once; other commands may use the workbook meanwhile).`,
      );
      await new Promise<void>((resolve) => {
        const stop = () => void served.close().then(resolve);
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
    });

  program
    .command('demo')
    .description('The main job on the local Workspace: makes a demo workbook and shows what it made.')
    .argument('[dir]', 'folder for the demo files', 'demo')
    .action(async (dir: string) => {
      const { runDemo } = await import('./cli/demo');
      await runDemo(dir, output(program.opts().json));
    });

  addAddonCommand(program);

  return program;
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

function editCells(opts: { column?: string; value?: string; set: string[] }): Array<[string, string]> {
  const cells: Array<[string, string]> = [];
  if (opts.column !== undefined) {
    if (opts.value === undefined) throw new UsageError('--column needs --value');
    cells.push([opts.column, opts.value]);
  } else if (opts.value !== undefined) throw new UsageError('--value needs --column');
  for (const pair of opts.set) {
    const i = pair.indexOf('=');
    if (i <= 0) throw new UsageError(`--set takes HEADER=VALUE, not "${pair}"`);
    cells.push([pair.slice(0, i), pair.slice(i + 1)]);
  }
  if (cells.length === 0) throw new UsageError('nothing to write: give --column and --value, or --set HEADER=VALUE');
  return cells;
}

function sumCalls(runs: RunRecord[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const r of runs) for (const c of r.calls) out[c.call] = (out[c.call] ?? 0) + c.count;
  return out;
}

/** The edit in at most 5 lines (without --calls): what was edited, what the person saw, what was refused. */
function editText(result: EditResult, user: string, zone: string, lang: Lang, calls: boolean): string {
  const head = `edited ${result.range} as ${user}${result.lockHeldUntil ? ` (another execution holds the script lock until ${localTime(result.lockHeldUntil, zone)})` : ''}`;
  const reasons = new Set(result.refused.map((r) => r.reason));
  const seen = result.shown.filter((s) => !reasons.has(s.text));
  const details = [
    ...result.refused.map((r) => refusalLine(r, lang)),
    ...shownLines(seen),
    ...result.problems.map((p) => problemsLine(p, lang)),
  ];
  const runs = runsText(result.runs, zone, calls);
  if (calls) return [head, ...details, ...runs].join('\n');
  const lines = capLines([...details, ...runs], 4, (n) => `… ${n} more (reglament --json edit … shows all)`);
  return [head, ...lines].join('\n');
}

function formatStatus(s: WorkbookStatus, zone: string, calls: boolean): string {
  const lines = [`${s.workbook}`, '', 'rows per tab:', ...s.tabs.map((t) => `  ${t.name.padEnd(22)} ${t.rows}`)];
  lines.push(
    '',
    'outbox:',
    ...(Object.keys(s.outbox).length ? Object.entries(s.outbox).map(([k, v]) => `  ${k.padEnd(22)} ${v}`) : ['  (empty)']),
  );
  const when = (v: string) => (/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/.test(v) ? localTime(v, zone) : v);
  lines.push('', 'last log lines:', ...(s.log.length ? s.log.map((r) => '  ' + r.map(when).join(' | ')) : ['  (empty)']));
  const runs = calls ? runsText(s.lastRuns, zone, true) : s.lastRuns.map((r) => `  ${runLine(r, zone)} — ${r.totalCalls} service calls`);
  lines.push('', 'last command’s runs:', ...(runs.length ? runs : ['  (none)']));
  return lines.join('\n');
}

export async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  testHooks();
  try {
    await program.parseAsync(argv);
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (e) {
    if (e instanceof CommanderError) {
      return e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help' ? 0 : 2;
    }
    if (e instanceof RefusedError) {
      process.stdout.write((program.opts().json ? JSON.stringify({ outcome: 'refused', refused: [e.refusal] }, null, 2) : e.message) + '\n');
      return REFUSED_EXIT_CODE;
    }
    if (e instanceof UsageError || e instanceof OpenError) {
      process.stderr.write(`reglament: ${e.message}\n`);
      return 2;
    }
    if (e instanceof WorkbookBusyError) {
      process.stderr.write(`reglament: ${e.message}\n`);
      return BUSY_EXIT_CODE;
    }
    process.stderr.write(`reglament: ${(e as Error).stack ?? e}\n`);
    return 1;
  }
}

/**
 * Test hooks of the crash and concurrency suite (never set in normal use):
 * REGLAMENT_TEST_KILL_AT=<step> makes the process SIGKILL itself at the first step of a commit
 * that starts so (e.g. "staged 1/", "before commit point", "committed", "applied 0"); REGLAMENT_TEST_HOLD_MS=<ms> keeps
 * the lock that long before the work starts, so a second command surely meets it;
 * REGLAMENT_TEST_STOP_AFTER_SENDS=<n> stops the execution right after its n-th e-mail, as
 * Google's time limit would (runtime.ts CallMeter).
 */
function testHooks(): void {
  const killAt = process.env.REGLAMENT_TEST_KILL_AT;
  if (killAt) Transaction.onStep = (step) => step.startsWith(killAt) && process.kill(process.pid, 'SIGKILL');
  const stopAfter = Number(process.env.REGLAMENT_TEST_STOP_AFTER_SENDS);
  if (stopAfter > 0) CallMeter.stopAfterSends = stopAfter;
  const hold = Number(process.env.REGLAMENT_TEST_HOLD_MS);
  if (hold > 0) lockDefaults.holdMs = hold;
}
