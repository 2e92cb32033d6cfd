/**
 * `npm run bench`: prints figures (service calls by method, local wall time, estimated
 * time on Google) for the heavy operations. `npm run bench -- NAME [NAME…]` runs only the
 * cases named: a filter matches a case's whole short name (the word before its colon,
 * e.g. `orders`, `day`) or its whole title. `--json` prints the cases' JSON summaries
 * instead, merged into one object, of the cases that have one (`npm run bench -- day --json`;
 * foundation, orders, calls and schedules print `{ <short name>: { <figure key>: { calls,
 * estimatedSeconds, localMs } } }`, report.ts keyedJson).
 * REGLAMENT_BENCH_JSON=FILE with the text output also writes that JSON object to FILE (the cases
 * measure once: a long day gives both its notes and `npm run figures -- day --from FILE`).
 * Figures, not pass/fail: targets are read off the output.
 */
import * as fs from 'fs';
import { BENCHES } from './bench/index';
import { BenchFigure, caseMatches, printFigure } from './bench/report';

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const json = args.includes('--json');
  const filters = args.filter((a) => !a.startsWith('--'));
  const cases = BENCHES.filter((b) => filters.length === 0 || filters.some((f) => caseMatches(b, f)));
  if (cases.length === 0)
    throw new Error(`no bench case named ${filters.join(', ')} (cases: ${BENCHES.map((b) => b.name.split(':')[0]).join(', ')})`);
  if (json) {
    const out: Record<string, unknown> = {};
    for (const c of cases) if (c.json) Object.assign(out, await c.json());
    console.log(JSON.stringify(out));
    return;
  }
  const ran = new Map<(typeof cases)[number], BenchFigure[]>();
  for (const c of cases) {
    console.log(`\n${c.name}`);
    const started = Date.now();
    ran.set(c, await c.run());
    for (const f of ran.get(c)!) printFigure(f);
    console.log(`  (case took ${((Date.now() - started) / 1000).toFixed(1)} s)`);
  }
  const file = process.env.REGLAMENT_BENCH_JSON;
  if (file) {
    const out: Record<string, unknown> = {};
    for (const c of cases) if (c.json) Object.assign(out, await c.json(ran.get(c)));
    fs.writeFileSync(file, `${JSON.stringify(out)}\n`);
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
