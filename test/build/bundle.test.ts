import * as fs from 'fs';
import * as path from 'path';
import * as vm from 'vm';

const root = path.resolve(__dirname, '../..');
const code = fs.readFileSync(path.join(root, 'build/Code.js'), 'utf8');
const ENTRY_POINTS = ['onOpen', 'onInstall', 'onEdit', 'onEditInstallable', 'setupWorkbook', 'tick', 'checkWorkbook'];

describe('build/Code.js, what clasp pushes', () => {
  test.each(ENTRY_POINTS)('%s is a top-level function declaration (Apps Script sees only those)', (name) => {
    expect(code).toMatch(new RegExp(`^function ${name}\\(`, 'm'));
  });

  test('the bundle loads into a bare context with no Node globals and defines every entry point', () => {
    const ctx = vm.createContext({});
    vm.runInContext(code, ctx, { filename: 'Code.js' });
    for (const name of ENTRY_POINTS) expect(typeof ctx[name]).toBe('function');
    expect(Object.keys(ctx).filter((k) => !ENTRY_POINTS.includes(k) && typeof ctx[k] === 'function')).not.toContain('require');
  });

  test('calling an entry point without Google services fails on a Google service, not on a Node global', () => {
    const ctx = vm.createContext({});
    vm.runInContext(code, ctx);
    expect(() => ctx.tick()).toThrow(/LockService is not defined/);
    expect(() => ctx.onOpen()).toThrow(/SpreadsheetApp is not defined/);
  });

  test('the bundle references nothing Apps Script lacks', () => {
    for (const forbidden of [/\brequire\(/, /\bprocess\./, /\bBuffer\b/, /\bsetTimeout\(/, /\bsetInterval\(/, /\bfetch\(/, /\bnew URL\(/, /\bIntl\.DateTimeFormat\b/]) {
      expect(code).not.toMatch(forbidden);
    }
  });

  test('appsscript.json sits beside it: V8, Moscow, Stackdriver, Advanced Calendar, only the scopes used', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(root, 'build/appsscript.json'), 'utf8'));
    expect(manifest.runtimeVersion).toBe('V8');
    expect(manifest.timeZone).toBe('Europe/Moscow');
    expect(manifest.exceptionLogging).toBe('STACKDRIVER');
    expect(manifest.dependencies.enabledAdvancedServices).toEqual([expect.objectContaining({ userSymbol: 'Calendar', serviceId: 'calendar', version: 'v3' })]);
    expect(manifest.oauthScopes).toContain('https://www.googleapis.com/auth/script.send_mail');
    expect(manifest.oauthScopes).not.toContain('https://mail.google.com/');
    expect(manifest.oauthScopes).not.toContain('https://www.googleapis.com/auth/spreadsheets');
    expect(fs.readdirSync(path.join(root, 'build')).sort()).toEqual(['Code.js', 'addon', 'appsscript.json']);
  });

  test('.clasp.json deploys build/ and carries a placeholder script id', () => {
    const clasp = JSON.parse(fs.readFileSync(path.join(root, '.clasp.json'), 'utf8'));
    expect(clasp.rootDir).toBe('build');
    expect(clasp.scriptId).toMatch(/REPLACE/);
  });
});
