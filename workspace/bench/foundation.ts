/** Foundation figures: setup of an empty workbook; .xlsx load and save of a large workbook. */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { LocalWorkspace } from '../runtime/workspace';
import { BenchCase, BenchFigure, bulkLoad, keyedJson } from './report';

export const foundationBench: BenchCase = {
  name: 'foundation: setup, and the .xlsx of a 10,000-row workbook',
  async run() {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'reglament-bench-'));
    try {
      const workbook = path.join(dir, 'bench.xlsx');
      const ws = await LocalWorkspace.open({ workbook, create: true, locale: 'en', now: new Date('2026-11-23T06:00:00Z') });
      const setup = ws.invoke('setupWorkbook', { kind: 'editor' });
      const sheet = ws.spreadsheet.sheetNames().find((n) => n === 'Candidates')!;
      const rows = Array.from({ length: 10000 }, (_, i) => [
        `C-${i}`,
        `Кандидат ${i}`,
        `c${i}@example.com`,
        `+7 900 ${String(i).padStart(7, '0')}`,
        `ORD-2026-${String(i % 500).padStart(4, '0')}`,
        'New',
      ]);
      bulkLoad(ws, sheet, rows);
      let t = Date.now();
      await ws.save();
      const saveMs = Date.now() - t;
      t = Date.now();
      const reopened = await LocalWorkspace.open({ workbook });
      const loadMs = Date.now() - t;
      const size = fs.statSync(workbook).size;
      return [
        { key: 'setup', label: 'setupWorkbook on an empty workbook', record: setup },
        { key: 'save10k', label: `save 10,000 candidates to .xlsx (${(size / 1024).toFixed(0)} KiB)`, localMs: saveMs },
        { key: 'load10k', label: `load it back (${reopened.spreadsheet.readValues(sheet).length - 1} rows)`, localMs: loadMs },
      ];
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  },
  async json(ran?: BenchFigure[]) {
    return keyedJson(foundationBench, ran ?? (await foundationBench.run()));
  },
};
