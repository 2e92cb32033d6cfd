/**
 * The layer rules of eslint.config.mjs and tsconfig.pure.json, each broken on purpose by a
 * fixture, so a rule that stops matching (a renamed folder, a glob that no longer fits, a
 * resolver that cannot find .ts files) fails here instead of passing quietly. ESLint runs
 * in a child process (test/support/lint-fixtures.mjs); nothing is written under src/.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import * as ts from 'typescript';

const root = path.resolve(__dirname, '..', '..');

interface Linted {
  filePath: string;
  messages: { ruleId: string | null; message: string }[];
}

/** Each fixture: where it pretends to live, its code, and the rules it must trip (none: it must pass). */
const TEXTS: { name: string; filePath: string; code: string; rules: string[] }[] = [
  // Pure code: no Apps Script, Node or browser, no adapter, no feature in src/core.
  {
    name: 'SpreadsheetApp in src/core',
    filePath: 'src/core/fixture.ts',
    code: 'export const s = SpreadsheetApp.getActive();\n',
    rules: ['no-restricted-globals'],
  },
  { name: 'process in src/core', filePath: 'src/core/fixture.ts', code: 'export const e = process.env;\n', rules: ['no-restricted-globals'] },
  {
    name: 'window in a feature rule',
    filePath: 'src/features/calls/rules/fixture.ts',
    code: 'export const w = window;\n',
    rules: ['no-restricted-globals'],
  },
  {
    name: 'an Apps Script type in src/core',
    filePath: 'src/core/fixture.ts',
    code: 'export type S = GoogleAppsScript.Spreadsheet.Sheet;\n',
    rules: ['no-restricted-syntax'],
  },
  ...[
    ['src/core/fixture.ts', '../google/workbook'],
    ['src/core/fixture.ts', '../mail/outbox'],
    ['src/core/fixture.ts', '../app/dispatch'],
    ['src/core/fixture.ts', '../addon/main'],
    ['src/core/fixture.ts', '../ui/server/read'],
    ['src/features/calls/rules/fixture.ts', '../../../google/workbook'],
    ['src/features/calls/rules/fixture.ts', '../feature'],
    ['src/features/orders/rules/fixture.ts', '../../calls/feature'],
  ].map(([filePath, from]) => ({
    name: `${from} imported by ${filePath}`,
    filePath,
    code: `import * as m from '${from}';\nexport const x = m;\n`,
    rules: ['import-x/no-restricted-paths'],
  })),
  {
    name: 'a feature imported by src/core',
    filePath: 'src/core/fixture.ts',
    code: "import { REMINDER_TEMPLATE } from '../features/calls/rules/reminders';\nexport const x = REMINDER_TEMPLATE;\n",
    rules: ['import-x/no-restricted-paths'],
  },
  // The bundle: no workspace/, no Node built-ins, no Node globals on Apps Script.
  {
    name: 'workspace/ imported by src/google',
    filePath: 'src/google/fixture.ts',
    code: "import { offsetMinutes } from '../../workspace/runtime/tz';\nexport const x = offsetMinutes;\n",
    rules: ['import-x/no-restricted-paths'],
  },
  {
    name: 'test/ imported by src/app',
    filePath: 'src/app/fixture.ts',
    code: "import { openHarness } from '../../test/e2e/harness';\nexport const x = openHarness;\n",
    rules: ['import-x/no-restricted-paths'],
  },
  {
    name: 'a Node built-in in src/mail',
    filePath: 'src/mail/fixture.ts',
    code: "import * as fs from 'fs';\nimport * as p from 'node:path';\nexport const x = [fs, p];\n",
    rules: ['no-restricted-imports', 'no-restricted-imports'],
  },
  { name: 'setTimeout in src/app', filePath: 'src/app/fixture.ts', code: 'setTimeout(() => undefined, 1);\n', rules: ['no-restricted-globals'] },
  {
    name: 'Buffer in the add-on',
    filePath: 'src/addon/fixture.ts',
    code: "export const b = Buffer.from('x');\n",
    rules: ['no-restricted-globals'],
  },
  // The browser client: no Apps Script service, no Node.
  {
    name: 'SpreadsheetApp in the browser client',
    filePath: 'src/ui/client/fixture.js',
    code: 'SpreadsheetApp.getActive();\n',
    rules: ['no-restricted-globals', 'no-undef'],
  },
  {
    name: 'process in the browser client',
    filePath: 'src/ui/client/fixture.js',
    code: 'process.exit(1);\n',
    rules: ['no-restricted-globals', 'no-undef'],
  },
  // The local Workspace hands the fakes to the bundle, never uses them as globals.
  {
    name: 'SpreadsheetApp in workspace/',
    filePath: 'workspace/fixture.ts',
    code: 'export const s = SpreadsheetApp.getActive();\n',
    rules: ['no-restricted-globals'],
  },
  // What each layer may do.
  { name: 'SpreadsheetApp in src/google', filePath: 'src/google/fixture.ts', code: 'export const s = SpreadsheetApp.getActive();\n', rules: [] },
  {
    name: 'src/core imports src/core',
    filePath: 'src/core/fixture.ts',
    code: "import { instantAt } from './time';\nexport const x = instantAt;\n",
    rules: [],
  },
  {
    name: 'a feature adapter imports its rules and src/google',
    filePath: 'src/features/calls/fixture.ts',
    code: "import * as r from './rules/reminders';\nimport * as w from '../../google/workbook';\nexport const x = [r, w];\n",
    rules: [],
  },
  {
    name: 'workspace/ imports src/core and uses Node',
    filePath: 'workspace/fixture.ts',
    code: "import * as fs from 'fs';\nimport { instantAt } from '../src/core/time';\nexport const x = [fs, instantAt, process.pid];\n",
    rules: [],
  },
];

/** Two modules importing each other, and one closing the loop through a dynamic import (as cli.ts loads cli/serve.ts). */
const CYCLES = [
  { 'a.ts': "import { b } from './b';\nexport const a = () => b;\n", 'b.ts': "import { a } from './a';\nexport const b = () => a;\n" },
  {
    'cli.ts': "export async function main() {\n  const { demo } = await import('./demo');\n  return demo;\n}\n",
    'demo.ts': "import { main } from './cli';\nexport const demo = () => main;\n",
  },
];

/** Where no-cycle must be on: every layer, the local Workspace and the tests' support code included. */
const CONFIG_FOR = [
  'src/main.ts',
  'src/core/time.ts',
  'src/app/dispatch.ts',
  'workspace/cli.ts',
  'workspace/cli/demo.ts',
  'test/e2e/harness.ts',
  'test/ui/fixture.ts',
  'test/support/build.js',
  'scripts/build.mjs',
];

const linted: { texts: Linted[]; cycles: Linted[][]; configFor: Record<string, number> } = JSON.parse(
  execFileSync(process.execPath, [path.join(root, 'test/support/lint-fixtures.mjs')], {
    cwd: root,
    input: JSON.stringify({ texts: TEXTS, cycles: CYCLES, configFor: CONFIG_FOR }),
    encoding: 'utf8',
  }),
);

describe('eslint.config.mjs: the layers', () => {
  it.each(TEXTS.map((t, i) => [t.name, i] as const))('%s', (_name, i) => {
    const { rules, filePath } = TEXTS[i];
    expect(linted.texts[i].filePath).toBe(filePath);
    expect(linted.texts[i].messages.map((m) => m.ruleId).sort()).toEqual([...rules].sort());
  });

  it('finds an import cycle, a dynamic import included', () => {
    for (const results of linted.cycles) {
      for (const file of results)
        expect({ file: file.filePath, rules: file.messages.map((m) => m.ruleId) }).toEqual({
          file: file.filePath,
          rules: ['import-x/no-cycle'],
        });
    }
  });

  it.each(CONFIG_FOR)('import-x/no-cycle is an error in %s', (file) => {
    expect(linted.configFor[file]).toBe(2);
  });

  it('workspace/cli/demo.ts does not import workspace/cli.ts (demo and the CLI share workspace/driver.ts)', () => {
    const demo = fs.readFileSync(path.join(root, 'workspace/cli/demo.ts'), 'utf8');
    const imports = [...demo.matchAll(/(?:from|import\()\s*'([^']+)'/g)].map((m) => path.resolve(root, 'workspace/cli', m[1]));
    expect(imports).not.toContain(path.join(root, 'workspace/cli'));
    expect(imports).toContain(path.join(root, 'workspace/driver'));
  });
});

describe('tsconfig.pure.json: the pure layers type-check with no ambient types', () => {
  const dir = path.join(root, '.tmp', `pure-fixture-${process.pid}`);
  const sheet = path.join(dir, 'sheet.ts');
  const env = path.join(dir, 'env.ts');
  const parsed = (config: string) => {
    const read = ts.readConfigFile(path.join(root, config), ts.sys.readFile);
    return ts.parseJsonConfigFileContent(read.config, ts.sys, root);
  };
  const errors = (files: string[], options: ts.CompilerOptions) =>
    ts.getPreEmitDiagnostics(ts.createProgram(files, options)).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));

  beforeAll(() => {
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(sheet, 'export const sheet = SpreadsheetApp.getActive();\n');
    fs.writeFileSync(env, 'export const env = process.env;\n');
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('SpreadsheetApp and process are unknown names under tsconfig.pure.json', () => {
    const found = errors([sheet, env], parsed('tsconfig.pure.json').options);
    expect(found.some((m) => m.includes("Cannot find name 'SpreadsheetApp'"))).toBe(true);
    expect(found.some((m) => m.includes("Cannot find name 'process'"))).toBe(true);
  });

  it('the same SpreadsheetApp type-checks with the Apps Script types the adapters get (tsconfig.json)', () => {
    expect(errors([sheet], { ...parsed('tsconfig.json').options, types: ['google-apps-script'] })).toEqual([]);
  });

  it('tsconfig.pure.json has no ambient types and covers src/core and the feature rules, nothing else', () => {
    const pure = parsed('tsconfig.pure.json');
    expect(pure.options.types).toEqual([]);
    const files = pure.fileNames.map((f) => path.relative(root, f));
    expect(files).toContain('src/core/time.ts');
    expect(files).toContain('src/features/calls/rules/reminders.ts');
    expect(files.filter((f) => !/^src\/(core|features\/[^/]+\/rules)\//.test(f))).toEqual([]);
  });
});
