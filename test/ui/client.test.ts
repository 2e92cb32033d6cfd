/**
 * The browser client calls the server only by the names of top-level functions of the
 * bundle as shipped (build/Code.js): a renamed callback, or a typo in a page, fails here
 * instead of in a person's sidebar ("… is not a function" in the browser console).
 */
import * as fs from 'fs';
import * as path from 'path';
import { scriptRunCalls, topLevelFunctions } from './script-run';

const root = path.resolve(__dirname, '../..');
const CLIENT = path.join(root, 'src/ui/client');

function clientFiles(): Array<{ file: string; source: string }> {
  return fs
    .readdirSync(CLIENT)
    .filter((f) => f.endsWith('.js'))
    .map((f) => ({ file: `src/ui/client/${f}`, source: fs.readFileSync(path.join(CLIENT, f), 'utf8') }));
}

function shipped(): string[] {
  const file = path.join(root, 'build/Code.js');
  if (!fs.existsSync(file)) throw new Error('build/Code.js is missing: npm run build');
  return topLevelFunctions(fs.readFileSync(file, 'utf8'));
}

/** The calls whose name the bundle does not have, as file:line name. */
function unknown(files: Array<{ file: string; source: string }>, exported: string[]): string[] {
  return scriptRunCalls(files)
    .calls.filter((c) => !exported.includes(c.name))
    .map((c) => `${c.file}:${c.line} ${c.name}`);
}

/** The client's helper, as src/ui/client/common.js has it. */
const HELPER = `
function server(ok, fail) {
  busy(true);
  return google.script.run.withSuccessHandler(function (x) { busy(false); ok(x); }).withFailureHandler(fail);
}`;

describe('google.script.run in src/ui/client', () => {
  test('every server function the client calls is a top-level function of build/Code.js', () => {
    const exported = shipped();
    const found = scriptRunCalls(clientFiles());
    expect(found.problems).toEqual([]);
    // Both forms are read: through the helper and as a chain on google.script.run itself.
    const names = found.calls.map((c) => c.name);
    expect(names).toEqual(expect.arrayContaining(['uiSidebarState', 'uiSelection', 'uiHandOff', 'uiScheduleForm', 'uiSaveComment']));
    expect(unknown(clientFiles(), exported)).toEqual([]);
  });

  test('a wrong name fails: in a chain and through the helper', () => {
    const exported = shipped();
    const page = `${HELPER}
function poll() { google.script.run.withSuccessHandler(function (s) {}).withFailureHandler(function () {}).uiSelektion(); }
function load(ref) { server(render).uiSidebarState(ref); }
function act(ref) { (server(render)).uiHandOf(ref); }`;
    expect(unknown([{ file: 'page.js', source: page }], exported)).toEqual(['page.js:6 uiSelektion', 'page.js:8 uiHandOf']);
    expect(scriptRunCalls([{ file: 'page.js', source: page }]).problems).toEqual([]);
  });

  test('a name written after a helper of another file counts (the pages share one script scope)', () => {
    const found = scriptRunCalls([
      { file: 'common.js', source: HELPER },
      { file: 'page.js', source: 'server(init).uiScheduleFrom(D.ref);' },
    ]);
    expect(found.calls).toEqual([{ name: 'uiScheduleFrom', file: 'page.js', line: 1 }]);
  });

  test('a call that cannot be read is a problem: by string, through a variable, passed on', () => {
    const found = scriptRunCalls([
      {
        file: 'page.js',
        source: [
          'function call(fn, args) { var r = google.script.run.withSuccessHandler(ok); r[fn].apply(r, args); }',
          'function later() { var run = google.script.run; run.uiHandOff(); }',
          'function pass() { use(google.script.run.withFailureHandler(fail)); }',
          'function peek() { return typeof google.script.run.uiPage; }',
        ].join('\n'),
      },
    ]);
    expect(found.calls).toEqual([]);
    expect(found.problems).toEqual([
      expect.stringMatching(/^page\.js:1: a google.script.run runner is stored or passed on/),
      expect.stringMatching(/^page\.js:2: a google.script.run runner is stored or passed on/),
      expect.stringMatching(/^page\.js:3: a google.script.run runner is stored or passed on/),
      'page.js:4: google.script.run.uiPage is read, not called',
    ]);
  });

  test('the shipped bundle’s top-level functions are read from its code (a trailing _ is private to Apps Script)', () => {
    expect(topLevelFunctions('function uiA() {}\nvar Reglament = (() => { function inner() {} })();\nfunction helper_() {}')).toEqual(['uiA']);
    expect(shipped()).toEqual(expect.arrayContaining(['uiSidebarState', 'menuCallComment', 'tick']));
  });
});
