/**
 * Coordination figures (issue 4): a workbook of 10,000 orders and 2,000 HR agreements;
 * a single-cell edit, a 500-row paste, a hand-off, a Staff edit and a full re-validation.
 * Targets: one edit's Spreadsheet calls do not grow with rows or with the Log and stay under
 * 1.5 s estimated on Google (issue 15); a full re-validation of 10,000 orders under 60 s; a Staff edit under
 * 5.5 s. The workbook is on a consumer account (the default), so Sales' edits reach the
 * rules as an unknown editor whom the column's protection vouches for.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { LocalWorkspace, RunRecord } from '../runtime/workspace';
import { fireOnEdit, personEdit } from '../cli';
import { BenchCase, BenchFigure, bulkLoad, keyedJson } from './report';
import { tabDef, TabKey } from '../../src/core/schema';

const SALES = 'anna.sales@example.com';
const HR = 'irina.hr@example.com';

export function orderRow(i: number): Record<string, unknown> {
  const id = `ORD-2026-${String(i + 1).padStart(5, '0')}`;
  return {
    orderId: id,
    client: `Клиент ${i}`,
    contactPerson: `Контакт ${i}`,
    clientEmail: `client${i}@example.com`,
    clientPhone: `+7 900 ${String(i).padStart(7, '0')}`,
    clientLanguage: 'Русский',
    vacancy: 'Оператор',
    vacancyDescription: 'Входящие звонки',
    fintopsCompanyLink: `https://fintops.example/c/${i}`,
    requestLink: `https://docs.example/request/${i}`,
    publicationFrom: new Date(Date.UTC(2026, 10, 1)),
    publicationTo: new Date(Date.UTC(2026, 11, 1)),
    paidServices: 'Обзвон соискателей',
    paidFrom: new Date(Date.UTC(2026, 10, 1)),
    paidTo: new Date(Date.UTC(2026, 11, 31)),
    sum: 45000,
    salesManager: SALES,
    terms: i % 5 === 0 ? 'Индивидуальные' : 'Стандартные',
    hrSpecialist: HR,
    paymentReceived: i % 2 === 0 ? new Date(Date.UTC(2026, 10, 2)) : '',
  };
}

export function toRow(key: TabKey, rec: Record<string, unknown>): unknown[] {
  return tabDef(key).columns.map((c) => rec[c.key] ?? '');
}

export const ordersBench: BenchCase = {
  name: 'orders: 10,000 orders and 2,000 HR agreements',
  async run() {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'reglament-bench-'));
    try {
      const ws = await LocalWorkspace.open({
        workbook: path.join(dir, 'orders.xlsx'),
        create: true,
        locale: 'ru',
        now: new Date('2026-11-23T06:00:00Z'),
      });
      ws.invoke('setupWorkbook', { kind: 'editor' });
      personEdit(ws, 'Настройки', '4', [['Value', 'client.dept@example.com']], ws.owner);
      bulkLoad(ws, 'Сотрудники', [
        ['Анна', SALES, 'Отдел продаж', 'boss@example.com'],
        ['Ирина', HR, 'HR', 'boss@example.com'],
        ['Борис', 'boss@example.com', 'Руководство', ''],
      ]);
      bulkLoad(
        ws,
        'Заказы',
        Array.from({ length: 10000 }, (_, i) => toRow('orders', orderRow(i))),
      );
      bulkLoad(
        ws,
        'Согласования HR',
        Array.from({ length: 2000 }, (_, k) =>
          toRow('agreements', {
            agreementId: `AGR-2026-${String(k + 1).padStart(5, '0')}`,
            // Orders 3, 8, 13, …: the hand-off below (order 3, sheet row 4) sells the calling
            // service, so it needs an Agreed agreement (the HR gate) to measure a real hand-off.
            orderId: `ORD-2026-${String(k * 5 + 3).padStart(5, '0')}`,
            requestedBy: SALES,
            expectedResumes: 40,
            expectedCalls: 30,
            risks: '—',
            answer: 'Согласовано',
          }),
        ),
      );
      await ws.save(); // the mirrors are made by setup; re-copy them over the loaded rows
      ws.invoke('setupWorkbook', { kind: 'editor' });
      const figures: BenchFigure[] = [];
      const edit = (key: string, label: string, row: string, cells: Array<[string, string]>, user: string, tab = 'Заказы') => {
        const t = Date.now();
        const runs = personEdit(ws, tab, row, cells, user).runs;
        const installable = runs.find((r) => r.fn === 'onEditInstallable') as RunRecord;
        figures.push({ key, label, record: { ...installable, localMs: Date.now() - t } });
      };
      edit('edit', 'single-cell edit (Vacancy, by Sales)', '5002', [['Vacancy', 'Старший оператор']], SALES);
      // A 500-row paste: one column over 500 rows, as one edit event.
      const t0 = Date.now();
      ws.rt.beginExecution(ws.rt.clock.now(), { kind: 'ui', activeUser: SALES, effectiveUser: SALES });
      const sheetEdit = ws.spreadsheet.personEdit(
        'Заказы',
        3002,
        7,
        Array.from({ length: 500 }, () => ['Оператор чата']),
        SALES,
      );
      const paste = fireOnEdit(ws, sheetEdit.range, sheetEdit.oldValues, SALES, 'paste').find((r) => r.fn === 'onEditInstallable') as RunRecord;
      figures.push({ key: 'paste', label: '500-row paste (Vacancy over 500 orders, by Sales)', record: { ...paste, localMs: Date.now() - t0 } });
      edit('handOff', 'hand-off (Hand off ticked on a complete paid order)', '4', [['Передать', 'TRUE']], SALES);
      figures.push({ label: '', note: `hand-off e-mails sent: ${ws.mail.sent().length}` });
      // A Staff edit moves the protections' editors only when the department lists change.
      edit('staffDeputy', 'Staff edit (a deputy set by the owner)', '3', [['Deputy e-mail', 'boss@example.com']], ws.owner, 'Сотрудники');
      edit(
        'staffSalesMember',
        'Staff edit (a new Sales member: the edit says so; every Sales protection gains them at the next tick)',
        '5',
        [
          ['Name', 'Пётр'],
          ['E-mail', 'petr.sales@example.com'],
          ['Department', 'Отдел продаж'],
        ],
        ws.owner,
        'Сотрудники',
      );
      // The same single-cell edit where Google names Sales (a Workspace account of example.com).
      Object.assign(ws.rt.limits, { account: 'workspace', domain: 'example.com' });
      edit(
        'editWorkspace',
        'single-cell edit on a Workspace account (Sales named, no protection check)',
        '5003',
        [['Vacancy', 'Старший оператор']],
        SALES,
      );
      Object.assign(ws.rt.limits, { account: 'consumer', domain: undefined });
      // An Orders edit costs the same whatever the Log holds (issue 15: ≤ 1.5 s with 100,000
      // lines): the Log is appended without being read. Orders with an odd index have no
      // payment, so no payment notice is due and the edit sends no mail.
      edit('editNoMail', 'single-cell edit, no mail due (Vacancy, by Sales)', '5005', [['Vacancy', 'Старший оператор']], SALES);
      bulkLoad(
        ws,
        'Журнал',
        Array.from({ length: 100000 }, (_, i) => [
          new Date(Date.UTC(2026, 0, 1) + i * 60000),
          SALES,
          'Заказы',
          `ORD-2026-${String(i % 10000).padStart(5, '0')}`,
          'Изменено',
          'Вакансия',
        ]),
        ws.spreadsheet.readValues('Журнал').length + 1,
      );
      edit('editLog100k', 'the same edit with 100,000 lines in the Log', '5007', [['Vacancy', 'Старший оператор']], SALES);
      const check = ws.invoke('checkWorkbook', { kind: 'editor' });
      figures.push({ key: 'revalidation', label: 'full re-validation of 10,000 orders (checkWorkbook)', record: check });
      return figures;
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  },
  async json(ran?: BenchFigure[]) {
    return keyedJson(ordersBench, ran ?? (await ordersBench.run()));
  },
};
