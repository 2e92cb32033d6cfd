/**
 * Lints fixtures with the repository's eslint.config.mjs and prints what ESLint reports, as JSON:
 * test/lint/layers.test.ts hands them over on stdin ({ texts, cycles, configFor }).
 *
 *   texts      [{ filePath, code }]  linted as if the file sat at filePath (nothing is written)
 *   cycles     [{ name: code }]  each set written to a temporary folder and linted there
 *              (import-x/no-cycle follows imports on disk)
 *   configFor  [filePath]  the severity of import-x/no-cycle ESLint applies there
 *
 * A separate process because ESLint loads its flat config with import(), which jest's module
 * system does not provide.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const input = JSON.parse(fs.readFileSync(0, 'utf8'));
const brief = (result) => ({
  filePath: path.relative(root, result.filePath),
  messages: result.messages.map((m) => ({ ruleId: m.ruleId, message: m.message })),
});

const eslint = new ESLint({ cwd: root });
const texts = [];
for (const { filePath, code } of input.texts ?? []) {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, filePath) });
  texts.push(brief(result));
}

// Outside the ignored folders of the config would mean inside src/ or workspace/, where other runs
// (and the freshness test) read; a folder of the repository's own .tmp/, linted with ignores off.
const unignored = new ESLint({ cwd: root, ignore: false });
const cycles = [];
for (const files of input.cycles ?? []) {
  fs.mkdirSync(path.join(root, '.tmp'), { recursive: true });
  const dir = fs.mkdtempSync(path.join(root, '.tmp', 'lint-cycle-'));
  try {
    for (const [name, code] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), code);
    const results = await unignored.lintFiles(Object.keys(files).map((name) => path.join(dir, name)));
    cycles.push(results.map((r) => ({ ...brief(r), filePath: path.basename(r.filePath) })));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const configFor = {};
for (const filePath of input.configFor ?? []) {
  const config = await eslint.calculateConfigForFile(path.join(root, filePath));
  const rule = config?.rules?.['import-x/no-cycle'];
  configFor[filePath] = Array.isArray(rule) ? rule[0] : (rule ?? null);
}

process.stdout.write(JSON.stringify({ texts, cycles, configFor }));
