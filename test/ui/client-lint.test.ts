/**
 * src/ui/client is linted as browser code (eslint.config.mjs, reglament/client): browser
 * globals and `google` only, classic scripts sharing one scope. Each fixture pretends to
 * live in src/ui/client (nothing is written there); ESLint runs in a child process
 * (test/support/lint-fixtures.mjs).
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

const root = path.resolve(__dirname, '..', '..');
const AT = 'src/ui/client/fixture.js';

interface Linted {
  filePath: string;
  messages: { ruleId: string | null; message: string }[];
}

const FIXTURES: { name: string; code: string; rules: (string | null)[] }[] = [
  {
    name: 'the browser and google.script.run are allowed',
    code: "/* exported go */\nfunction go() {\n  window.document.title = 'x';\n  google.script.run.withSuccessHandler(function () {}).uiSelection();\n  google.script.host.close();\n}\n",
    rules: [],
  },
  {
    name: 'an Apps Script service',
    code: '/* exported s */\nvar s = SpreadsheetApp.getActive();\n',
    rules: ['no-restricted-globals', 'no-undef'],
  },
  { name: 'a Node global', code: '/* exported e */\nvar e = process.env;\n', rules: ['no-restricted-globals', 'no-undef'] },
  { name: 'a helper no file declares', code: "sayHello('x');\n", rules: ['no-undef'] },
  {
    name: 'a module import, of the server side too (the pages are classic scripts)',
    code: "import { ui } from '../server/messages';\nui('ru', 'x');\n",
    rules: ['no-restricted-syntax', 'import-x/no-restricted-paths'],
  },
];

function lint(texts: { filePath: string; code: string }[]): Linted[] {
  const out = execFileSync(process.execPath, [path.join(root, 'test/support/lint-fixtures.mjs')], {
    cwd: root,
    input: JSON.stringify({ texts }),
    encoding: 'utf8',
  });
  return (JSON.parse(out) as { texts: Linted[] }).texts;
}

describe('eslint.config.mjs: the browser client', () => {
  const files = fs.readdirSync(path.join(root, 'src/ui/client')).filter((f) => f.endsWith('.js'));
  const linted = lint([
    ...FIXTURES.map((f) => ({ filePath: AT, code: f.code })),
    ...files.map((f) => ({ filePath: `src/ui/client/${f}`, code: fs.readFileSync(path.join(root, 'src/ui/client', f), 'utf8') })),
  ]);

  it.each(FIXTURES.map((f, i) => [f.name, i] as const))('%s', (_name, i) => {
    expect(linted[i].filePath).toBe(AT);
    expect(linted[i].messages.map((m) => m.ruleId)).toEqual(FIXTURES[i].rules);
  });

  it('the client files lint clean as browser code', () => {
    expect(files.length).toBeGreaterThanOrEqual(4);
    expect(linted.slice(FIXTURES.length)).toEqual(files.map((f) => ({ filePath: `src/ui/client/${f}`, messages: [] })));
  });
});
