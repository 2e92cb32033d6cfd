/**
 * `npm start`: the main job on the local Workspace, as a short story told by the CLI's
 * own operations. A fresh workbook; Sales types an order with individual terms, HR
 * agrees them, Sales hands the order off; then the week runs. Every step prints what
 * changed, and the end lists the files to open.
 */
import * as fs from 'fs';
import * as path from 'path';
import { LocalWorkspace, stateDirFor } from './workspace';
import { personEdit, runSpan, workbookStatus } from './cli';
import { findColumn, findTab } from '../src/core/schema';
import { parseInstant } from './typing';

interface Out {
  json: boolean;
  print(text: string): void;
  data(value: unknown, text: () => string): void;
}

export const SALES = 'anna.sales@example.com';
export const HR = 'irina.hr@example.com';
export const HR_DEPUTY = 'pavel.hr@example.com';
export const CLIENT_DEPT = 'client.dept@example.com';
export const BOSS = 'boss@example.com';

const STAFF: Array<Array<[string, string]>> = [
  [['Name', 'Анна (продажи)'], ['E-mail', SALES], ['Department', 'Отдел продаж'], ['Manager e-mail', BOSS]],
  [['Name', 'Ирина (HR)'], ['E-mail', HR], ['Department', 'HR'], ['Manager e-mail', BOSS], ['Deputy e-mail', HR_DEPUTY]],
  [['Name', 'Павел (HR)'], ['E-mail', HR_DEPUTY], ['Department', 'HR'], ['Manager e-mail', BOSS]],
  [['Name', 'Клиентский отдел'], ['E-mail', CLIENT_DEPT], ['Department', 'Клиентский отдел'], ['Manager e-mail', BOSS]],
  [['Name', 'Борис (руководитель)'], ['E-mail', BOSS], ['Department', 'Руководство']],
];

const ORDER: Array<[string, string]> = [
  ['Client', 'ООО «Ромашка»'],
  ['Contact person', 'Пётр Иванов'],
  ['Client e-mail', 'petr@romashka.example'],
  ['Client phone', '+7 999 123-45-67'],
  ['Client language', 'Русский'],
  ['Vacancy', 'Оператор call-центра'],
  ['Vacancy description', 'Входящие звонки, 5/2, удалённо'],
  ['Fintops company link', 'https://fintops.example/company/42'],
  ['Publication from', '2026-11-23'],
  ['Publication to', '2026-12-23'],
  ['Paid services', 'Обзвон соискателей'],
  ['Paid from', '2026-11-23'],
  ['Paid to', '2026-12-31'],
  ['Sum', '45000'],
  ['Bonuses and discounts', 'скидка 5%'],
  ['Contract link', 'https://docs.example/contract/42'],
  ['Sales manager', SALES],
  ['Terms', 'Индивидуальные'],
  ['HR specialist', HR],
];

export async function runDemo(dir: string, out: Out): Promise<void> {
  const workbook = path.resolve(dir, 'reglament.xlsx');
  fs.rmSync(workbook, { force: true });
  fs.rmSync(stateDirFor(workbook), { recursive: true, force: true });
  fs.mkdirSync(path.dirname(workbook), { recursive: true });
  const zone = 'Europe/Moscow';
  const at = (wall: string) => parseInstant(wall, zone);
  const steps: string[] = [];
  const say = (text: string) => {
    steps.push(text);
    if (!out.json) out.print(text);
  };

  const ws = await LocalWorkspace.open({ workbook, create: true, locale: 'ru', timeZone: zone, now: at('2026-11-23T09:00') });
  const setup = ws.invoke('setupWorkbook', { kind: 'editor' });
  say(`Пн 23.11 09:00  setupWorkbook: ${setup.ok ? String(setup.result) : setup.error}`);
  personEdit(ws, 'Настройки', '4', [['Value', CLIENT_DEPT]], ws.owner);
  for (const person of STAFF) personEdit(ws, 'Сотрудники', 'new', person, ws.owner);
  say(`                Сотрудники: ${STAFF.length} человек; e-mail клиентского отдела в настройках`);

  const order = (label: string) => {
    const row = rowOf(ws, 'orders', 2);
    return `${label}: ${row.orderId} · статус «${row.status}»${row.problems ? `\n                  проблемы: ${String(row.problems).split('\n').join('; ')}` : ''}`;
  };
  const edit = (tab: string, row: string, cells: Array<[string, string]>, user: string, wall: string) => {
    ws.rt.clock.reset(at(wall).getTime());
    personEdit(ws, tab, row, cells, user);
  };

  edit('Заказы', 'new', ORDER, SALES, '2026-11-23T10:00');
  say(`Пн 10:00  Анна вводит заказ → ${order('заказ')}`);
  edit('Заказы', '2', [['Payment received', '2026-11-23']], SALES, '2026-11-23T11:00');
  say(`Пн 11:00  оплата получена → ${order('заказ')}`);
  edit('Заказы', '2', [['Hand off', 'TRUE']], SALES, '2026-11-23T11:05');
  say(`Пн 11:05  Анна отмечает «Передать» → отказ, галочка снята. ${order('заказ')}`);
  const orderId = String(rowOf(ws, 'orders', 2).orderId);
  edit(
    'Согласования HR',
    'new',
    [['Order ID', orderId], ['Requested by', SALES], ['Expected resumes', '40'], ['Expected calls', '30'], ['Expected agreeing', '12'], ['Expected coming', '8'], ['Risks', 'возврат, если придут меньше 5'], ['Call kind', 'Подробные'], ['Selection weekdays', 'Вт'], ['Resumes per selection', '40']],
    SALES,
    '2026-11-23T11:10',
  );
  say(`Пн 11:10  Анна запрашивает у HR индивидуальные условия → ${rowOf(ws, 'agreements', 2).agreementId}, письмо HR: ${lastMailTo(ws, HR)}`);
  edit('Согласования HR', '2', [['Answer', 'Согласовано'], ['HR comment', 'Подбор по вторникам, 40 резюме']], HR, '2026-11-23T15:00');
  say(`Пн 15:00  Ирина отвечает «Согласовано» → письмо Анне: ${lastMailTo(ws, SALES)}`);
  edit('Заказы', '2', [['Hand off', 'TRUE']], SALES, '2026-11-23T15:30');
  say(`Пн 15:30  Анна снова отмечает «Передать» → ${order('заказ')}\n                письмо клиентскому отделу: ${lastMailTo(ws, CLIENT_DEPT)}`);

  const runs = runSpan(ws, at('2026-11-23T15:35'), at('2026-11-24T09:00'), 5 * 60000);
  say(`Пн 15:35 → Вт 09:00  ${runs.length} запусков tick по триггеру, ошибок: ${runs.filter((r) => !r.ok).length}`);
  await ws.save();

  const status = workbookStatus(ws, 8);
  const mail = ws.mail.sent();
  out.data({ steps, status, mail: mail.map((m) => ({ to: m.to, subject: m.subject, file: m.path })), files: { workbook, stateDir: ws.stateDir } }, () =>
    [
      '',
      'Письма (.eml):',
      ...mail.map((m) => `  ${m.to.join(', ')} — «${m.subject}»\n    ${m.path}`),
      '',
      'Откройте файлы:',
      `  книга (.xlsx):      ${workbook}`,
      `  письма (.eml):      ${path.join(ws.stateDir, 'mail')}`,
      `  календари (.ics):   ${path.join(ws.stateDir, 'calendar')}`,
      '',
      `Дальше: npx reglament status ${path.relative(process.cwd(), workbook)}`,
    ].join('\n'),
  );
}

/** A data row (sheet row `row`) of a tab as a record keyed by column key. */
function rowOf(ws: LocalWorkspace, key: string, row: number): Record<string, unknown> {
  const name = ws.spreadsheet.sheetNames().find((n) => findTab(n)?.key === key)!;
  const def = findTab(name)!;
  const values = ws.spreadsheet.readValues(name);
  const rec: Record<string, unknown> = {};
  values[0].forEach((h, i) => {
    const col = findColumn(def, String(h));
    if (col) rec[col.key] = values[row - 1]?.[i] ?? '';
  });
  return rec;
}

function lastMailTo(ws: LocalWorkspace, to: string): string {
  const m = ws.mail.sent().filter((x) => x.to.includes(to)).pop();
  return m ? `«${m.subject}»` : '(нет)';
}
