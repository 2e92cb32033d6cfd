/**
 * `reglament serve`: the bridge between the bundle's pages and the same bundle on the local
 * Workspace (no browser here; test/browser clicks through it in Chromium).
 */
import { spawn, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { englishRecords, Harness } from '../e2e/harness';
import { serve, Served, withShim } from '../../workspace/cli/serve';
import { LocalWorkspace } from '../../workspace/runtime/workspace';
import { COMPLETE_ORDER, HR, SALES, uiWorkbook } from './fixture';

const root = path.resolve(__dirname, '../..');
const bin = path.join(root, 'bin/reglament.js');

describe('reglament serve', () => {
  let h: Harness;
  let dir: string;
  let server: Served;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'reglament-serve-'));
    h = await uiWorkbook({ dir });
    h.edit('Orders', 'new', COMPLETE_ORDER, SALES);
    await h.ws.save();
    server = await serve({ workbook: h.workbook, port: 0, user: h.ws.owner, now: h.instant('2026-11-23T09:30') });
  });
  afterAll(async () => {
    await server.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const post = (p: string, body: unknown = {}): Promise<any> =>
    fetch(server.url + p, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) }).then((r) => r.json());

  test('serves the bundle’s own pages with the google.script.run shim first in <head>', async () => {
    const html = await fetch(`${server.url}/page/sidebar`).then((r) => r.text());
    const shim = html.indexOf('window.google={script:{run:');
    expect(shim).toBeGreaterThan(0);
    expect(shim).toBeLessThan(html.indexOf('<style>'));
    expect(html).toContain('"uiSidebarState"');
    expect(withShim('<p>no head</p>', ['f']).startsWith('<script>')).toBe(true);
  });

  test('POST /run/<fn> runs that top-level function as the chosen user and saves what it wrote', async () => {
    expect((await post('/api/select', { sheet: 'Orders', row: 2 })).active).toEqual({ sheet: 'Orders', row: 2 });
    const state = await post('/run/uiSidebarState', { args: [] });
    expect(state.ok).toBe(true);
    expect(state.result.ref).toEqual({ sheet: 'Orders', row: 2, id: 'ORD-2026-0001' });
    expect(state.changed).toBe(false);

    server.setUser(HR);
    const refused = await post('/run/uiHandOff', { args: [state.result.ref] });
    expect(refused.result).toEqual(expect.objectContaining({ ok: false }));
    server.setUser(server.ws.owner);
    const done = await post('/run/uiHandOff', { args: [state.result.ref] });
    expect(done.result.ok).toBe(true);
    expect(done.changed).toBe(true);
    expect(done.toasts.map((t: { message: string }) => t.message)).toContain('Order handed off to the Client department.');
    const reopened = await LocalWorkspace.open({ workbook: h.workbook });
    expect(englishRecords(reopened, 'Orders')[0]['Status']).toBe('Handed off');
    expect(reopened.mail.sent().filter((m) => !/^Payment received/.test(m.subject))).toHaveLength(1);
  });

  test('menus, alerts and dialogs come back as UI events; unknown functions and bad input are refused', async () => {
    const menu = await post('/api/menu');
    expect(menu.title).toBe('Reglament');
    const opened = await post('/run/menuOutboxAndLog', { args: [] });
    expect(opened.ui).toEqual([expect.objectContaining({ kind: 'modelessDialog', title: 'Outbox and Log' })]);
    const dialog = await fetch(`${server.url}/ui/${opened.ui[0].index}`).then((r) => r.text());
    expect(dialog).toContain('<h1>Outbox and Log</h1>');
    await post('/api/select', { sheet: 'Staff', row: 2 });
    const alert = await post('/run/menuHandOff', { args: [] });
    expect(alert.ui).toEqual([expect.objectContaining({ kind: 'alert', content: 'Select an order’s row on the Orders tab.' })]);
    const missing = await fetch(`${server.url}/run/nope`, { method: 'POST', body: '{}' });
    expect(missing.status).toBe(404);
    expect((await fetch(`${server.url}/api/user`, { method: 'POST', body: JSON.stringify({ user: 'not an email' }) })).status).toBe(400);
    expect((await fetch(`${server.url}/api/select`, { method: 'POST', body: JSON.stringify({ sheet: 'Nope' }) })).status).toBe(400);
    expect((await post('/api/tick')).ok).toBe(true);
  });

  test('the CLI: serve --help, a bad --port, and a server that stops on SIGTERM', async () => {
    const help = spawnSync(process.execPath, [bin, 'serve', '--help'], { encoding: 'utf8', cwd: root });
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('Usage: reglament serve');
    expect(help.stdout).toContain('--user <email>');
    const bad = spawnSync(process.execPath, [bin, 'serve', h.workbook, '--port', 'x'], { encoding: 'utf8', cwd: root });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('--port must be a number');

    const child = spawn(process.execPath, [bin, '--json', 'serve', h.workbook, '--port', '0', '--user', SALES], { cwd: root });
    const first = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (d) => {
        out += String(d);
        if (out.includes('}')) resolve(out);
      });
      child.on('exit', (code) => reject(new Error(`exited ${code}`)));
    });
    const info = JSON.parse(first);
    expect(info.user).toBe(SALES);
    const state = (await fetch(`${info.url}/api/state`).then((r) => r.json())) as { user: string };
    expect(state.user).toBe(SALES);
    const code = await new Promise<number | null>((resolve) => {
      child.on('exit', (c) => resolve(c));
      child.kill('SIGTERM');
    });
    expect(code).toBe(0);
  });
});
