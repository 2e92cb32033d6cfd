/**
 * The CLI as people run it (issue 11) on a workbook of 10,000 orders and 2,000 HR agreements:
 * the wall time of `reglament edit` and `reglament tick`, each a new process (node start,
 * bundle, loading the .xlsx, the run, the commit of every file it changed), and of `status`.
 * Target: the atomic commit and the file lock make a 10,000-order edit no slower than twice
 * the figure before them (README, "Running it for real").
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { LocalWorkspace } from '../workspace';
import { personEdit } from '../cli';
import { BenchCase, BenchFigure, bulkLoad } from './report';
import { orderRow, toRow } from './orders';

const SALES = 'anna.sales@example.com';
const HR = 'irina.hr@example.com';

function cli(args: string[]): { ms: number; code: number | null; err: string } {
  const bin = path.resolve(__dirname, '..', 'bin', 'reglament.js');
  const t = Date.now();
  const r = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8' });
  return { ms: Date.now() - t, code: r.status, err: r.stderr };
}

export const commandsBench: BenchCase = {
  name: 'commands: reglament edit / tick / status on 10,000 orders, each a process of its own',
  async run() {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'reglament-bench-'));
    try {
      const workbook = path.join(dir, 'orders.xlsx');
      const ws = await LocalWorkspace.open({ workbook, create: true, locale: 'ru', now: new Date('2026-11-23T06:00:00Z') });
      ws.invoke('setupWorkbook', { kind: 'editor' });
      personEdit(ws, 'Настройки', '4', [['Value', 'client.dept@example.com']], ws.owner);
      bulkLoad(ws, 'Сотрудники', [
        ['Анна', SALES, 'Отдел продаж', 'boss@example.com'],
        ['Ирина', HR, 'HR', 'boss@example.com'],
        ['Борис', 'boss@example.com', 'Руководство', ''],
      ]);
      bulkLoad(ws, 'Заказы', Array.from({ length: 10000 }, (_, i) => toRow('orders', orderRow(i))));
      bulkLoad(
        ws,
        'Согласования HR',
        Array.from({ length: 2000 }, (_, k) =>
          toRow('agreements', { agreementId: `AGR-2026-${String(k + 1).padStart(5, '0')}`, orderId: `ORD-2026-${String(k * 5 + 1).padStart(5, '0')}`, requestedBy: SALES, expectedResumes: 40, expectedCalls: 30, risks: '—', answer: 'Согласовано' }),
        ),
      );
      await ws.save();
      ws.invoke('setupWorkbook', { kind: 'editor' });
      await ws.save();
      const figures: BenchFigure[] = [];
      const measure = (label: string, args: string[], times = 3) => {
        const all: number[] = [];
        for (let k = 0; k < times; k++) {
          const r = cli(args.map((a) => a.replace('{k}', String(k))));
          if (r.code !== 0 && r.code !== 1) throw new Error(`${args[0]} failed (${r.code}): ${r.err}`);
          all.push(r.ms);
        }
        all.sort((a, b) => a - b);
        figures.push({ label, localMs: all[Math.floor(all.length / 2)], note: `median of ${times}: ${all.join(', ')} ms` });
      };
      measure('reglament edit (one cell of Orders, by Sales): the whole process', ['edit', workbook, '--sheet', 'Заказы', '--row', '5002', '--column', 'Vacancy', '--value', 'Старший оператор {k}', '--user', SALES, '--now', '2026-11-23T10:00']);
      measure('reglament tick (the 5-minute trigger): the whole process', ['tick', workbook, '--now', '2026-11-23T10:{k}5']);
      measure('reglament status: the whole process', ['status', workbook]);
      return figures;
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  },
};
