/**
 * The suites test the bundles this checkout's sources make: jest's globalSetup
 * (test/support/build.js) rebuilds them before any suite, and no source is newer than them.
 */
import * as fs from 'fs';
import * as path from 'path';

const root = path.resolve(__dirname, '..', '..');
const OUTPUTS = ['build/Code.js', 'build/appsscript.json', 'build/addon/Code.js', 'build/addon/appsscript.json', 'dist/cli.js'];

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const p = path.join(dir, entry.name);
    return entry.isDirectory() ? sources(p) : [p];
  });
}

describe('the bundles under test', () => {
  const builtAt = Number(process.env.REGLAMENT_BUILT_AT);

  it('were built by this jest run (globalSetup)', () => {
    expect(builtAt).toBeGreaterThan(0);
    for (const out of OUTPUTS) expect({ out, fresh: fs.statSync(path.join(root, out)).mtimeMs >= builtAt - 1000 }).toEqual({ out, fresh: true });
  });

  it('are newer than every source they are made of', () => {
    const oldest = Math.min(...OUTPUTS.map((out) => fs.statSync(path.join(root, out)).mtimeMs));
    const inputs = [...sources(path.join(root, 'src')), ...sources(path.join(root, 'workspace')), 'appsscript.json', 'addon/appsscript.json'];
    const newer = inputs.map((f) => path.resolve(root, f)).filter((f) => fs.statSync(f).mtimeMs > oldest);
    expect(newer.map((f) => path.relative(root, f))).toEqual([]);
  });
});
