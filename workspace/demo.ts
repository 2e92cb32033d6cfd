/**
 * `npm start`: the main job on the local Workspace. Makes a fresh demo workbook, runs
 * setup, types a few rows as staff would, runs the time trigger, and shows what it
 * made with the paths of the files to open.
 */
import * as fs from 'fs';
import * as path from 'path';
import { LocalWorkspace, stateDirFor } from './workspace';
import { personEdit, workbookStatus } from './cli';

interface Out {
  json: boolean;
  print(text: string): void;
  data(value: unknown, text: () => string): void;
}

export const DEMO_STAFF = [
  ['Анна Продажи', 'anna.sales@example.com', 'Отдел продаж', 'boss@example.com', 'oleg.sales@example.com'],
  ['Ирина HR', 'irina.hr@example.com', 'HR', 'boss@example.com', 'pavel.hr@example.com'],
  ['Клиентский отдел', 'client.dept@example.com', 'Клиентский отдел', 'boss@example.com', ''],
  ['Борис Руководитель', 'boss@example.com', 'Руководство', '', ''],
];

export async function runDemo(dir: string, out: Out): Promise<void> {
  const workbook = path.resolve(dir, 'reglament.xlsx');
  fs.rmSync(workbook, { force: true });
  fs.rmSync(stateDirFor(workbook), { recursive: true, force: true });
  fs.mkdirSync(path.dirname(workbook), { recursive: true });

  const steps: string[] = [];
  const step = (text: string) => {
    steps.push(text);
    if (!out.json) out.print(`• ${text}`);
  };

  const ws = await LocalWorkspace.open({ workbook, create: true, locale: 'ru', timeZone: 'Europe/Moscow', now: new Date('2026-11-23T06:00:00Z') });
  const setup = ws.invoke('setupWorkbook', { kind: 'editor' });
  step(`setupWorkbook: ${setup.ok ? String(setup.result) : setup.error}`);

  DEMO_STAFF.forEach(([name, email, dept, manager, deputy]) => {
    personEdit(ws, 'Сотрудники', 'new', [['Name', name], ['E-mail', email], ['Department', dept], ['Manager e-mail', manager], ['Deputy e-mail', deputy]], ws.owner);
  });
  step(`Staff: ${DEMO_STAFF.length} people typed in by ${ws.owner}`);

  const tick = ws.invoke('tick', { kind: 'time', at: new Date('2026-11-23T06:05:00Z') });
  step(`tick at 09:05 Moscow: ${tick.ok ? 'ok' : tick.error}, ${tick.totalCalls} service calls, ~${(tick.estimatedGoogleMs / 1000).toFixed(2)} s on Google`);
  await ws.save();

  const status = workbookStatus(ws, 8);
  out.data({ steps, status, files: { workbook, stateDir: ws.stateDir } }, () =>
    [
      '',
      'Tabs made:',
      ...status.tabs.map((t) => `  ${t.name.padEnd(22)} ${t.rows} rows`),
      '',
      'Open these files:',
      `  workbook (.xlsx):  ${workbook}`,
      `  mail (.eml):       ${path.join(ws.stateDir, 'mail')}`,
      `  calendars (.ics):  ${path.join(ws.stateDir, 'calendar')}`,
      '',
      `Try: npx reglament status ${path.relative(process.cwd(), workbook)}`,
    ].join('\n'),
  );
}
