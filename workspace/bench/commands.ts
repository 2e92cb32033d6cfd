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
import { LocalWorkspace } from '../runtime/workspace';
import { personEdit } from '../cli';
import { BenchCase, BenchFigure, bulkLoad } from './report';
import { orderRow, toRow } from './orders';

const SALES = 'anna.sales@example.com';
const HR = 'irina.hr@example.com';

/** Wall and CPU time (user + system, from /usr/bin/time where it exists) of one command. */
function cli(bin: string, args: string[]): { ms: number; cpuMs: number | null; code: number | null; err: string } {
  const timed = fs.existsSync('/usr/bin/time');
  const [cmd, argv] = timed ? ['/usr/bin/time', ['-f', 'CPU %U %S', process.execPath, bin, ...args]] : [process.execPath, [bin, ...args]];
  const t = Date.now();
  const r = spawnSync(cmd, argv, { encoding: 'utf8' });
  const ms = Date.now() - t;
  const m = /CPU (\d+\.\d+) (\d+\.\d+)\s*$/.exec(r.stderr ?? '');
  return { ms, cpuMs: m ? Math.round((Number(m[1]) + Number(m[2])) * 1000) : null, code: r.status, err: r.stderr };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

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
            orderId: `ORD-2026-${String(k * 5 + 1).padStart(5, '0')}`,
            requestedBy: SALES,
            expectedResumes: 40,
            expectedCalls: 30,
            risks: '—',
            answer: 'Согласовано',
          }),
        ),
      );
      await ws.save();
      ws.invoke('setupWorkbook', { kind: 'editor' });
      await ws.save();
      const figures: BenchFigure[] = [];
      // REGLAMENT_BENCH_COMPARE=<another checkout>/bin/reglament.js measures it too, on its own
      // copy of the same workbook, each command alternating between the two (same machine load).
      const other = process.env.REGLAMENT_BENCH_COMPARE;
      const bins: Array<{ name: string; bin: string; workbook: string }> = [
        { name: 'this build', bin: path.resolve(__dirname, '..', 'bin', 'reglament.js'), workbook },
      ];
      if (other) {
        const copy = path.join(dir, 'other', 'orders.xlsx');
        fs.mkdirSync(path.dirname(copy), { recursive: true });
        fs.cpSync(workbook, copy);
        fs.cpSync(path.join(dir, 'orders.state'), path.join(dir, 'other', 'orders.state'), { recursive: true });
        bins.push({ name: path.resolve(other), bin: path.resolve(other), workbook: copy });
      }
      const measure = (label: string, args: string[], times = 3) => {
        const all = bins.map(() => ({ ms: [] as number[], cpu: [] as number[] }));
        for (let k = 0; k < times; k++)
          bins.forEach((b, i) => {
            const r = cli(
              b.bin,
              args.map((a) => a.replace('{k}', String(k)).replace('{book}', b.workbook)),
            );
            if (r.code !== 0 && r.code !== 1) throw new Error(`${args[0]} failed (${r.code}): ${r.err}`);
            all[i].ms.push(r.ms);
            if (r.cpuMs !== null) all[i].cpu.push(r.cpuMs);
          });
        bins.forEach((b, i) =>
          figures.push({
            label: `${label}${bins.length > 1 ? ` — ${b.name}` : ''}`,
            localMs: median(all[i].ms),
            note: `wall (median of ${times}): ${all[i].ms.join(', ')} ms${all[i].cpu.length ? `; CPU user+sys: ${all[i].cpu.join(', ')} ms (median ${median(all[i].cpu)})` : ''}`,
          }),
        );
      };
      measure('reglament edit (one cell of Orders, by Sales): the whole process', [
        'edit',
        '{book}',
        '--sheet',
        'Заказы',
        '--row',
        '5002',
        '--column',
        'Vacancy',
        '--value',
        'Старший оператор {k}',
        '--user',
        SALES,
        '--now',
        '2026-11-23T10:00',
      ]);
      measure('reglament tick (the 5-minute trigger): the whole process', ['tick', '{book}', '--now', '2026-11-23T10:{k}5']);
      measure('reglament status: the whole process', ['status', '{book}']);
      return figures;
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  },
};
