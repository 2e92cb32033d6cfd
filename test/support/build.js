/**
 * Jest globalSetup: builds build/Code.js, build/addon/Code.js and dist/ (scripts/build.mjs)
 * before any suite runs, so the end-to-end suites never test a stale bundle. Always a full
 * build, never "skip when up to date": esbuild takes about a second, and a wrong guess about
 * freshness (a branch switch, a clock skew, a changed manifest) would cost far more.
 */
const path = require('path');
const { execFileSync } = require('child_process');

module.exports = async function buildBundles() {
  const root = path.resolve(__dirname, '..', '..');
  const started = Date.now();
  // Read by test/build/fresh.test.ts (workers inherit the environment): the build is this run's.
  process.env.REGLAMENT_BUILT_AT = String(started);
  try {
    execFileSync(process.execPath, [path.join(root, 'scripts', 'build.mjs')], {
      cwd: root,
      stdio: ['ignore', 'ignore', 'pipe'],
      env: { ...process.env, REGLAMENT_QUIET_BUILD: '1' },
    });
  } catch (error) {
    const stderr = error.stderr ? String(error.stderr) : '';
    throw new Error(`jest globalSetup: "node scripts/build.mjs" failed; no suite runs on a stale bundle.\n${stderr || error.message}`, {
      cause: error,
    });
  }
  if (process.env.REGLAMENT_BUILD_TIMING) process.stderr.write(`\njest globalSetup: build in ${Date.now() - started} ms\n`);
};
