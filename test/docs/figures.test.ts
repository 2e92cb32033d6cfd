/**
 * The README's figures table (workspace/bench/figures.ts, `npm run figures`): its shape is
 * checked here on the real README (the bench itself is far too slow for `npm test`), and its
 * rendering from a bench JSON fixture (test/docs/bench-figures.json, the shapes the bench
 * cases print with --json).
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import {
  BEGIN,
  END,
  FIGURE_CASES,
  FIGURE_ROWS,
  RunInfo,
  checkTable,
  findTable,
  renderRow,
  renderTable,
  rewriteReadme,
} from '../../workspace/bench/figures';

const root = path.resolve(__dirname, '../..');
const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
const fixture = JSON.parse(fs.readFileSync(path.join(__dirname, 'bench-figures.json'), 'utf8'));
const info: RunInfo = { date: '2026-12-01', commit: 'abc1234', dayScale: 1 };
const row = (name: string, ran = [...FIGURE_CASES], at = info) =>
  renderRow(
    FIGURE_ROWS.find((r) => r.name.startsWith(name))!,
    fixture,
    ran,
    at,
  );

test('the README has the table npm run figures makes: markers once, the header, every figure by name (figures --check)', () => {
  expect(checkTable(readme)).toEqual([]);
});

test('--check names what is wrong: no markers, a renamed row, a row dropped, a broken header', () => {
  const { rows } = findTable(readme);
  expect(checkTable(readme.replace(BEGIN, ''))[0]).toMatch(/no figures table markers/);
  expect(checkTable(readme + `\n${END}\n`)[0]).toMatch(/appear twice/);
  const renamed = readme.replace(`| ${rows[2][0]}`, `| ${rows[2][0]} (renamed)`);
  expect(checkTable(renamed).join('\n')).toMatch(/missing .*unknown .*\(renamed\)/);
  const dropped = readme
    .split('\n')
    .filter((l) => !l.startsWith(`| ${rows[3][0]} `))
    .join('\n');
  expect(checkTable(dropped).join('\n')).toContain(JSON.stringify(rows[3][0]));
  expect(checkTable(readme.replace('target (issue 15)', 'goal')).join('\n')).toMatch(/the header is/);
});

test('each figure, its issue-15 target and whether it is met, from the bench JSON', () => {
  expect(row('an idle tick of the company')).toEqual([
    FIGURE_ROWS[0].name,
    '2 calls, 0.06 s',
    '≤ 3 calls and ≤ 0.2 s',
    'yes',
    '2026-12-01, abc1234',
  ]);
  expect(row('the company’s day')!.slice(1, 4)).toEqual(['12.4 min', '≤ 15 min', 'yes']);
  expect(row('the same day after a year')!.slice(1, 4)).toEqual(['21.3 min', '≤ 20 min', 'no']);
  expect(row('calling reports with results')!.slice(1, 4)).toEqual(['0 of 414 (4000 orders)', 'none', 'yes']);
  expect(row('one cell edited on Orders with 100,000')!.slice(1, 4)).toEqual(['1.51 s (31 calls)', '≤ 1.5 s', 'no']);
  expect(row('a Staff edit that changes no')!.slice(1, 4)).toEqual(['1.20 s (20 calls)', '≤ 1.5 s', 'yes']);
  expect(row('a Staff edit that adds')!.slice(1, 4)).toEqual(['4.40 s (52 calls)', '≤ 1.5 s', 'no']);
  expect(row('setup of a new workbook')!.slice(1, 4)).toEqual(['18.4 s (612 calls)', '≤ 20 s', 'yes']);
  expect(row('a tick with 200 reminders')!.slice(1, 4)).toEqual(['155.0 s (1200 calls)', '—', '—']);
  expect(row('the schedule engine alone')!.slice(1, 4)).toEqual(['413 ms here', '—', '—']);
});

test('a scaled day says so on its rows and is not judged; the other cases are', () => {
  const scaled = { ...info, dayScale: 0.05 };
  const day = row('the company’s day', [...FIGURE_CASES], scaled)!;
  expect(day[3]).toBe('not judged (scaled run)');
  expect(day[4]).toBe('2026-12-01, abc1234, day at scale 0.05: not the company’s figure');
  expect(row('setup of a new workbook', [...FIGURE_CASES], scaled)!.slice(3)).toEqual(['yes', '2026-12-01, abc1234']);
});

test('a bench JSON without a row’s figure fails the run, naming the row', () => {
  const { editLog100k: _dropped, ...orders } = fixture.orders;
  expect(() => renderTable({ ...fixture, orders }, ['orders'], info)).toThrow(
    /"orders" has no figure for "one cell edited on Orders with 100,000 Log lines/,
  );
  expect(() => renderTable({ ...fixture, idleTick: undefined }, ['day'], info)).toThrow(/has no figure for "an idle tick/);
});

test('rewriting the README: the cases run get new rows, the others keep theirs, the rest of the README is untouched; prettier keeps it as is', () => {
  const before = findTable(readme);
  const next = rewriteReadme(readme, fixture, ['orders'], { date: '2026-12-02', commit: 'fff0000', dayScale: 1 });
  expect(next.slice(0, before.start)).toBe(readme.slice(0, before.start));
  expect(next.slice(next.indexOf(END))).toBe(readme.slice(before.end));
  expect(checkTable(next)).toEqual([]);
  const after = findTable(next).rows.slice(2);
  for (const [i, r] of after.entries()) {
    const def = FIGURE_ROWS[i];
    if (def.case === 'orders') expect([r[0], r[4]]).toEqual([def.name, '2026-12-02, fff0000']);
    else expect(r).toEqual(before.rows[i + 2]);
  }
  // prettier's own CLI (its API needs ESM, which jest's sandbox does not load): format:check would pass.
  const check = spawnSync(process.execPath, [require.resolve('prettier/bin/prettier.cjs'), '--stdin-filepath', 'README.md'], {
    cwd: root,
    input: next,
    encoding: 'utf8',
  });
  expect(check.stdout).toBe(next);
});
