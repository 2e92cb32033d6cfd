/**
 * `npm run bench`: prints figures (service calls by method, local wall time, estimated
 * time on Google) for the heavy operations. `npm run bench -- NAME` runs the cases whose
 * name contains NAME. Figures, not pass/fail: targets are read off the output.
 */
import { BENCHES } from './bench/index';
import { printFigure } from './bench/report';

async function main(): Promise<void> {
  const filter = process.argv[2];
  const cases = BENCHES.filter((b) => !filter || b.name.includes(filter));
  for (const c of cases) {
    console.log(`\n${c.name}`);
    const started = Date.now();
    for (const f of await c.run()) printFigure(f);
    console.log(`  (case took ${((Date.now() - started) / 1000).toFixed(1)} s)`);
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
