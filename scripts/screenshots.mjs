#!/usr/bin/env node
/**
 * `npm run screenshots`: regenerates the pictures in docs/ from a fresh demo workbook —
 * tabs of the workbook as LibreOffice shows them (headless: .xlsx → PDF → PNG) and the
 * sidebar as Chromium shows it over `reglament serve`.
 *
 * Needs LibreOffice Calc, poppler-utils and Chromium (not part of `npm test`):
 *   apt-get install -y libreoffice-calc poppler-utils chromium
 * Run `npm run build` first (the demo loads build/Code.js).
 */
import { spawn, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { fileURLToPath } from 'url';
import ExcelJS from 'exceljs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const docs = path.join(root, 'docs');
const bin = path.join(root, 'bin', 'reglament.js');
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';

/** The tabs pictured: file name, tab, how many rows and columns to show. */
const TABS = [
  { file: 'workbook-orders.png', tab: 'Заказы', rows: 3, cols: 'A:J' },
  { file: 'workbook-calls.png', tab: 'Звонки', rows: 6, cols: 'A:L' },
  { file: 'workbook-settings.png', tab: 'Настройки', rows: 14, cols: 'A:F' },
  { file: 'workbook-log.png', tab: 'Журнал', rows: 16, cols: 'A:F' },
];

function need(cmd, hint) {
  if (spawnSync('sh', ['-c', `command -v ${cmd}`]).status !== 0) {
    console.error(`screenshots: ${cmd} is missing (${hint})`);
    process.exit(2);
  }
}

function run(cmd, args, options = {}) {
  const r = spawnSync(cmd, args, { encoding: 'utf8', ...options });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed: ${r.stderr || r.stdout}`);
  return r.stdout;
}

/** One tab alone, landscape, fitted to the page width, its first rows only. */
async function tabOnly(book, tab, rows, cols, out) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(book);
  for (const ws of [...wb.worksheets]) if (ws.name !== tab) wb.removeWorksheet(ws.id);
  const ws = wb.getWorksheet(tab);
  if (!ws) throw new Error(`no tab ${tab} in ${book}`);
  // Only what the picture shows: the first columns and rows (a print area would be scaled to the whole sheet).
  const last = ws.getColumn(cols.split(':')[1]).number;
  if (ws.columnCount > last) ws.spliceColumns(last + 1, ws.columnCount - last);
  if (ws.rowCount > rows) ws.spliceRows(rows + 1, ws.rowCount - rows);
  ws.conditionalFormattings = [];
  ws.pageSetup = {
    ...ws.pageSetup,
    orientation: 'landscape',
    paperSize: 9,
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 1,
    margins: { left: 0.2, right: 0.2, top: 0.2, bottom: 0.2, header: 0, footer: 0 },
    showGridLines: true,
  };
  ws.state = 'visible';
  await wb.xlsx.writeFile(out);
}

const DPI = 170;

/** The box (in points) holding every word pdftotext -bbox found on the page. */
function wordsBox(html) {
  const box = { x0: Infinity, y0: Infinity, x1: 0, y1: 0 };
  for (const m of html.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)"/g)) {
    box.x0 = Math.min(box.x0, Number(m[1]));
    box.y0 = Math.min(box.y0, Number(m[2]));
    box.x1 = Math.max(box.x1, Number(m[3]));
    box.y1 = Math.max(box.y1, Number(m[4]));
  }
  if (box.x1 === 0) throw new Error('nothing printed on the page');
  box.x0 = Math.max(box.x0, 12);
  box.y0 = Math.max(box.y0, 12);
  return box;
}

async function workbookShots(book, tmp) {
  for (const t of TABS) {
    const xlsx = path.join(tmp, t.file.replace(/\.png$/, '.xlsx'));
    await tabOnly(book, t.tab, t.rows, t.cols, xlsx);
    run('soffice', ['--headless', '--convert-to', 'pdf', '--outdir', tmp, xlsx], { timeout: 180000 });
    const pdf = xlsx.replace(/\.xlsx$/, '.pdf');
    const prefix = path.join(tmp, t.file.replace(/\.png$/, ''));
    // Only the part of the page with the table: the words' bounding box, a margin kept.
    const box = wordsBox(run('pdftotext', ['-f', '1', '-l', '1', '-bbox', pdf, '-']));
    const px = (pt) => Math.round((pt * DPI) / 72);
    const crop = ['-x', px(box.x0 - 12), '-y', px(box.y0 - 12), '-W', px(box.x1 - box.x0 + 24), '-H', px(box.y1 - box.y0 + 24)].map(String);
    run('pdftoppm', ['-f', '1', '-l', '1', '-r', String(DPI), ...crop, '-png', '-singlefile', pdf, prefix]);
    fs.copyFileSync(`${prefix}.png`, path.join(docs, t.file));
    console.log(`docs/${t.file}`);
  }
}

async function sidebarShot(book) {
  const child = spawn(process.execPath, [bin, '--json', 'serve', book, '--port', '0', '--user', 'anna.sales@example.com'], { cwd: root });
  const url = await new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
      try {
        resolve(JSON.parse(out).url);
      } catch {
        /* not all of it yet */
      }
    });
    child.on('exit', (code) => reject(new Error(`serve exited with ${code}`)));
  });
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu'] });
  try {
    const post = (p, body) => fetch(url + p, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
    await post('/api/select', { sheet: 'Заказы', row: 2 });
    const page = await browser.newPage({ viewport: { width: 320, height: 760 } });
    await page.goto(url + '/page/sidebar');
    await page.locator('h1').waitFor();
    await page.screenshot({ path: path.join(docs, 'sidebar.png'), fullPage: true });
    console.log('docs/sidebar.png');
  } finally {
    await browser.close();
    child.kill('SIGTERM');
  }
}

async function main() {
  need('soffice', 'apt-get install -y libreoffice-calc');
  need('pdftoppm', 'apt-get install -y poppler-utils');
  if (!fs.existsSync(CHROMIUM)) {
    console.error(`screenshots: ${CHROMIUM} is missing (apt-get install -y chromium, or CHROMIUM=/path)`);
    process.exit(2);
  }
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'reglament-shots-'));
  try {
    run(process.execPath, [bin, 'demo', tmp], { cwd: root, timeout: 600000 });
    const book = path.join(tmp, 'reglament.xlsx');
    await workbookShots(book, tmp);
    await sidebarShot(book);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(`screenshots: ${e.message}`);
  process.exit(1);
});
