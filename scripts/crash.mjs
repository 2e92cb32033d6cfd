/**
 * More kill -9 trials than `npm test` runs: `npm run crash -- [trials] [seed]` (default 100
 * trials, seed 11) builds, then runs test/crash/kill.test.ts with that many seeded random
 * kills of a busy `reglament run`, printing when each one struck.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const [trials = '100', seed = '11'] = process.argv.slice(2);
const build = spawnSync(process.execPath, [path.join(root, 'scripts/build.mjs')], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);
const jest = path.join(root, 'node_modules/jest/bin/jest.js');
const r = spawnSync(process.execPath, [jest, 'test/crash/kill.test.ts', '-t', 'random instants'], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, REGLAMENT_CRASH_TRIALS: trials, REGLAMENT_CRASH_SEED: seed, REGLAMENT_CRASH_VERBOSE: '1' },
});
process.exit(r.status ?? 1);
