#!/usr/bin/env node
// Runs the built CLI; builds it first on a checkout where `npm run build` has not run yet.
const fs = require('fs');
const path = require('path');
const { execFileSync } = require('child_process');

const root = path.resolve(__dirname, '..');
const cli = path.join(root, 'dist', 'cli.js');
if (!fs.existsSync(cli) || !fs.existsSync(path.join(root, 'build', 'Code.js'))) {
  execFileSync(process.execPath, [path.join(root, 'scripts', 'build.mjs')], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, REGLAMENT_QUIET_BUILD: '1' },
  });
}
require(cli)
  .main(process.argv)
  .then((code) => process.exit(code));
