/**
 * `npm run figures [-- CASE…] [--check]`: regenerates the README's figures table from the bench
 * (bench/figures.ts says which row is which figure). Runs `node dist/bench.js <cases> --json`
 * (all of foundation, orders, calls, schedules, day when none is named), then rewrites the table
 * between the markers: rows of the cases run get this run's figures, date and commit; the
 * others keep theirs. REGLAMENT_DAY_SCALE is passed to the bench as set (the day case at a
 * scale; its rows then say so and are not judged against the targets). The full day takes
 * long (about 15 minutes on a 2-core machine).
 * `--from FILE --commit SHA` runs no bench either: it takes the JSON object a run wrote
 * (REGLAMENT_BENCH_JSON=FILE node dist/bench.js <cases>, e.g. from a copy of the build while
 * work goes on) and the commit that run measured.
 * `--check` runs no bench: it checks the markers, the header and that the row names are the
 * ones this script makes (exit 1 and the problems otherwise).
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { BenchJson, checkTable, FIGURE_CASES, FigureCase, RunInfo, rewriteReadme } from './bench/figures';

const root = path.resolve(__dirname, '..');
const README = path.join(root, 'README.md');

function git(...args: string[]): string {
  const r = spawnSync('git', args, { cwd: root, encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : '';
}

function runInfo(): RunInfo {
  const commit = git('rev-parse', '--short', 'HEAD') || 'unknown commit';
  // Only what the bench runs counts (a changed test or README does not change a figure).
  const dirty = git('status', '--porcelain', '--', 'src', 'workspace', 'appsscript.json', 'scripts/build.mjs', 'package-lock.json') !== '';
  const scale = Number(process.env.REGLAMENT_DAY_SCALE);
  return { date: new Date().toISOString().slice(0, 10), commit: dirty ? `${commit} + changes` : commit, dayScale: scale > 0 ? scale : 1 };
}

function bench(cases: FigureCase[]): BenchJson {
  process.stderr.write(
    `figures: node dist/bench.js ${cases.join(' ')} --json${process.env.REGLAMENT_DAY_SCALE ? ` (REGLAMENT_DAY_SCALE=${process.env.REGLAMENT_DAY_SCALE})` : ''}\n`,
  );
  const r = spawnSync(process.execPath, [path.join(__dirname, 'bench.js'), ...cases, '--json'], {
    cwd: root,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 64 * 1024 * 1024,
  });
  if (r.status !== 0) throw new Error(`the bench failed (exit ${r.status ?? r.signal})`);
  const line = r.stdout
    .trim()
    .split('\n')
    .reverse()
    .find((l) => l.startsWith('{'));
  if (!line) throw new Error(`the bench printed no JSON object:\n${r.stdout}`);
  return JSON.parse(line) as BenchJson;
}

/** The value after `name` in the arguments, or undefined. */
function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const readme = fs.readFileSync(README, 'utf8');
  if (args.includes('--check')) {
    const problems = checkTable(readme);
    for (const p of problems) process.stderr.write(`figures --check: ${p}\n`);
    if (problems.length === 0) process.stdout.write('figures --check: the README figures table is intact\n');
    return problems.length ? 1 : 0;
  }
  const named = args.filter((a, i) => !a.startsWith('--') && !['--from', '--commit'].includes(args[i - 1]));
  const unknown = named.filter((a) => !(FIGURE_CASES as readonly string[]).includes(a));
  if (unknown.length) throw new Error(`no figures of ${unknown.join(', ')} (cases: ${FIGURE_CASES.join(', ')})`);
  const cases = named.length ? (named as FigureCase[]) : [...FIGURE_CASES];
  const from = option(args, '--from');
  const info = runInfo(); // the commit measured: taken before the (long) run
  if (from) {
    const commit = option(args, '--commit');
    if (!commit) throw new Error('--from needs --commit SHA: the commit that run measured');
    info.commit = commit;
  }
  const json = from ? (JSON.parse(fs.readFileSync(from, 'utf8')) as BenchJson) : bench(cases);
  if (from) info.dayScale = typeof json.scale === 'number' && json.scale > 0 ? json.scale : 1; // the run's scale, not this shell's
  const next = rewriteReadme(fs.readFileSync(README, 'utf8'), json, cases, info);
  const prettier = await import('prettier');
  const options = (await prettier.resolveConfig(README)) ?? {};
  fs.writeFileSync(README, await prettier.format(next, { ...options, filepath: README }));
  process.stdout.write(`figures: README.md table rewritten from ${cases.join(', ')}\n`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (e) => {
    process.stderr.write(`figures: ${(e as Error).message}\n`);
    process.exit(1);
  },
);
