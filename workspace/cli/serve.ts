/**
 * `reglament serve WORKBOOK`: the staff's window on localhost. The sidebar and the dialogs
 * are the bundle's own pages (its uiPage / menu functions, invoked in the local Workspace as
 * the chosen user); a small google.script.run shim injected here sends each call to
 * POST /run/<fn>, which runs that top-level function of the same bundle and saves the
 * workbook, mail and calendars. Around them a plain page stands in for Google Sheets: the
 * Reglament menu, the tabs as a read-only grid (click a row to select it, as the person
 * would), alerts and toasts, the mail sent and the events scheduled, and a button that runs
 * the time trigger (where edits queued by non-owners are applied with the owner's rights).
 * Listens on 127.0.0.1 only.
 *
 * Each request holds the workbook's file lock (session.ts) — exclusive when it runs the bundle,
 * shared when it only reads — and commits what it changed before answering; when another
 * process (a timer's `reglament tick`, an `edit` in another shell) committed since, the
 * workbook is loaded again first, so neither side overwrites the other.
 */
import * as http from 'http';
import { AddressInfo } from 'net';
import { findTab } from '../../src/core/schema';
import { LocalWorkspace, RunRecord } from '../runtime/workspace';
import { WorkbookSession } from '../runtime/session';
import { addonPanel } from './addonPanel';

export interface ServeOptions {
  workbook: string;
  /** 0 picks a free port. */
  port?: number;
  /** Who is clicking (default: the workbook owner). */
  user?: string;
  /** Simulated start instant; the clock then follows real time. */
  now?: Date;
}

export interface Served {
  url: string;
  ws: LocalWorkspace;
  user(): string;
  setUser(email: string): void;
  close(): Promise<void>;
}

interface UiReport {
  ui: Array<{ index: number; kind: string; title: string; content?: string; buttons?: string }>;
  toasts: Array<{ message: string; title: string }>;
}

const WRITES = /\.(set|append|insert|delete|remove|patch|update|send|create|clear|copy|move|hide|protect|add)/i;

export async function serve(options: ServeOptions): Promise<Served> {
  const session = new WorkbookSession({ workbook: options.workbook, command: 'serve' });
  /** The workspace of the request being served (reloaded by the session when the files changed). */
  let ws = await session.shared((current) => current);
  let user = options.user || ws.owner;
  const simStart = (options.now ?? ws.rt.clock.now()).getTime();
  const realStart = Date.now();
  const at = () => new Date(simStart + (Date.now() - realStart));
  let uiSeen = ws.spreadsheet.uiLog.length;
  let toastSeen = ws.spreadsheet.toasts.length;
  let chain: Promise<unknown> = Promise.resolve();
  let activeSel: { sheet: string; row: number } | null = null;
  const active = (w: LocalWorkspace) => activeSel ?? { sheet: w.spreadsheet.sheetNames()[0], row: 1 };
  // What the page refers to by index (windows, toasts) and the selection carry over a reload.
  session.onReload = (previous, next) => {
    next.spreadsheet.uiLog.splice(0, next.spreadsheet.uiLog.length, ...previous.spreadsheet.uiLog);
    next.spreadsheet.toasts.splice(0, next.spreadsheet.toasts.length, ...previous.spreadsheet.toasts);
    if (activeSel && next.spreadsheet.sheetNames().includes(activeSel.sheet)) next.spreadsheet.setActive(activeSel.sheet, activeSel.row, 1);
  };
  /** One request at a time: the bundle's runs and the saves never interleave. */
  const serial = <T>(work: () => Promise<T>): Promise<T> => {
    const next = chain.then(work, work);
    chain = next.catch(() => undefined);
    return next;
  };

  const report = (): UiReport => {
    const log = ws.spreadsheet.uiLog;
    const ui = log.slice(uiSeen).map((e, k) => ({
      index: uiSeen + k,
      kind: e.kind,
      title: e.title,
      content: e.kind === 'alert' || e.kind === 'prompt' ? e.content : undefined,
      buttons: e.buttons,
    }));
    uiSeen = log.length;
    const toasts = ws.spreadsheet.toasts.slice(toastSeen).map((t) => ({ message: t.message, title: t.title }));
    toastSeen = ws.spreadsheet.toasts.length;
    return { ui: ui.filter((e) => e.kind !== 'menu'), toasts };
  };

  const invoke = async (fn: string, args: unknown[], kind: 'ui' | 'time' = 'ui'): Promise<RunRecord & { result?: unknown }> => {
    const run = ws.invoke(fn, kind === 'time' ? { kind, at: at() } : { kind, user, at: at(), args });
    // The sidebar polls; keep only the latest runs (they are what `status` shows).
    if (ws.runs.length > 20) ws.runs.splice(0, ws.runs.length - 20);
    return run; // committed by the session when the request is done
  };

  /** Serving the shell needs no workbook; running the bundle holds it alone; reading shares it. */
  const lockFor = (req: http.IncomingMessage): 'none' | 'shared' | 'exclusive' => {
    const p = (req.url || '/').split('?')[0];
    if (p === '/' || p === '/favicon.ico') return 'none';
    // The add-on's cards run its bundle (and its first run connects it): exclusive, as the sidebar's pages.
    if (p.startsWith('/addon/')) return 'exclusive';
    if (req.method === 'GET') return p.startsWith('/page/') ? 'exclusive' : 'shared';
    return p === '/api/select' || p === '/api/user' ? 'shared' : 'exclusive';
  };

  const addon = addonPanel();

  const page = async (fn: string, args: unknown[]): Promise<string> => {
    const run = await invoke(fn, args);
    if (!run.ok) throw new Error(run.error);
    return withShim(String(run.result), ws.entryPoints());
  };

  const server = http.createServer((req, res) => {
    const mode = lockFor(req);
    // The answer leaves only after the commit: whoever reads the files next sees what it reports.
    const reply = new HeldReply();
    const handle = () =>
      mode === 'none'
        ? route(req, reply.response())
        : session[mode]((current) => {
            ws = current;
            return route(req, reply.response());
          });
    serial(handle).then(
      () => reply.sendTo(res),
      (e) => send(res, 500, 'text/plain', String((e as Error).stack || e)),
    );
  });

  async function route(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url || '/', 'http://localhost');
    const path = url.pathname;
    if (path.startsWith('/addon')) {
      const r = await addon.route(req, url, ws, user);
      if (r) return send(res, r.status, r.type, r.text);
    }
    const body = req.method === 'POST' ? await readJson(req) : {};
    if (req.method === 'GET' && path === '/') return send(res, 200, 'text/html; charset=utf-8', SHELL);
    if (path === '/favicon.ico') return send(res, 204, 'image/x-icon', '');
    if (req.method === 'GET' && path.startsWith('/page/')) {
      const name = path.slice('/page/'.length);
      const ref = url.searchParams.get('sheet')
        ? { sheet: url.searchParams.get('sheet'), row: Number(url.searchParams.get('row') || 0), id: url.searchParams.get('id') || '' }
        : null;
      return send(res, 200, 'text/html; charset=utf-8', await page('uiPage', [name, ref]));
    }
    if (req.method === 'GET' && path.startsWith('/ui/')) {
      const e = ws.spreadsheet.uiLog[Number(path.slice('/ui/'.length))];
      if (!e || e.kind === 'menu' || e.kind === 'alert' || e.kind === 'prompt') return send(res, 404, 'text/plain', 'no such window');
      return send(res, 200, 'text/html; charset=utf-8', withShim(e.content, ws.entryPoints()));
    }
    if (req.method === 'POST' && path.startsWith('/run/')) {
      const fn = decodeURIComponent(path.slice('/run/'.length));
      if (!ws.entryPoints().includes(fn)) return json(res, 404, { ok: false, error: `the bundle has no top-level function ${fn}()` });
      const args = Array.isArray((body as { args?: unknown }).args) ? (body as { args: unknown[] }).args : [];
      const run = await invoke(fn, args);
      return json(res, 200, {
        ok: run.ok,
        error: run.error,
        result: plain(run.result),
        changed: run.calls.some((c) => WRITES.test(c.call)),
        ...report(),
      });
    }
    if (req.method === 'GET' && path === '/api/state') {
      return json(res, 200, {
        user,
        owner: ws.owner,
        users: people(ws),
        sheets: ws.spreadsheet.sheetNames().filter((n) => !n.startsWith('_')),
        active: active(ws),
        now: at().toISOString(),
        zone: ws.spreadsheet.timeZone(),
      });
    }
    if (req.method === 'GET' && path === '/api/sheet') {
      const name = url.searchParams.get('name') || '';
      if (!ws.spreadsheet.sheetNames().includes(name)) return json(res, 404, { error: `no sheet ${name}` });
      return json(res, 200, { name, values: displayValues(ws.spreadsheet.readValues(name), ws.spreadsheet.timeZone()), active: active(ws) });
    }
    if (req.method === 'POST' && path === '/api/select') {
      const b = body as { sheet?: string; row?: number; col?: number };
      if (!b.sheet || !ws.spreadsheet.sheetNames().includes(b.sheet)) return json(res, 400, { error: 'unknown sheet' });
      ws.spreadsheet.setActive(b.sheet, Math.max(1, Number(b.row) || 1), Math.max(1, Number(b.col) || 1));
      activeSel = { sheet: b.sheet, row: Math.max(1, Number(b.row) || 1) };
      return json(res, 200, { active: active(ws) });
    }
    if (req.method === 'POST' && path === '/api/user') {
      const email = String((body as { user?: string }).user || '').trim();
      if (!/^[^\s@]+@[^\s@]+$/.test(email)) return json(res, 400, { error: 'not an e-mail address' });
      user = email;
      return json(res, 200, { user });
    }
    if (req.method === 'POST' && path === '/api/menu') {
      const run = await invoke('onOpen', []);
      const menu = ws.spreadsheet.uiLog.filter((e) => e.kind === 'menu').pop();
      report();
      return json(res, 200, { ok: run.ok, error: run.error, title: menu?.title ?? '', items: menu?.items ?? [] });
    }
    if (req.method === 'POST' && path === '/api/tick') {
      const run = await invoke('tick', [], 'time');
      return json(res, 200, { ok: run.ok, error: run.error, ...report() });
    }
    if (req.method === 'GET' && path === '/api/files') {
      const mail = ws.mail.sent().map((m) => ({ at: m.sentAt, to: m.to.join(', '), subject: m.subject, file: m.file }));
      const events = ws.calendar.events().map((e) => ({
        start: e.start?.dateTime ?? e.start?.date ?? '',
        summary: e.summary ?? '',
        status: e.status ?? '',
        guests: (e.attendees ?? []).map((a) => a.email).join(', '),
      }));
      return json(res, 200, { mail, events, stateDir: ws.stateDir, workbook: ws.workbook });
    }
    return send(res, 404, 'text/plain', 'not found');
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 8765, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    get ws() {
      return ws;
    },
    user: () => user,
    setUser: (email) => {
      user = email;
    },
    close: () =>
      serial(async () => {
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeAllConnections?.();
        });
      }),
  };
}

/** A response written by a route and sent once the request's commit is done. */
class HeldReply {
  private status = 200;
  private headers: http.OutgoingHttpHeaders = {};
  private body = '';

  response(): http.ServerResponse {
    const held = {
      writeHead: (status: number, headers: http.OutgoingHttpHeaders) => {
        this.status = status;
        this.headers = headers;
        return held;
      },
      end: (text: string) => {
        this.body = text;
      },
    };
    return held as unknown as http.ServerResponse;
  }

  sendTo(res: http.ServerResponse): void {
    res.writeHead(this.status, this.headers);
    res.end(this.body);
  }
}

function send(res: http.ServerResponse, status: number, type: string, text: string): void {
  res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' });
  res.end(text);
}

function json(res: http.ServerResponse, status: number, value: unknown): void {
  send(res, status, 'application/json; charset=utf-8', JSON.stringify(value));
}

async function readJson(req: http.IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  if (!text) return {};
  try {
    return JSON.parse(text);
  } catch {
    return {};
  }
}

/** What google.script.run hands back: JSON-able data (Dates become ISO strings here). */
function plain(value: unknown): unknown {
  return value === undefined ? null : JSON.parse(JSON.stringify(value));
}

/** Staff e-mails and the owner, for the "who is clicking" picker. */
function people(ws: LocalWorkspace): string[] {
  const out = [ws.owner];
  const staff = ws.spreadsheet.sheetNames().find((n) => findTab(n)?.key === 'staff');
  if (staff) {
    const [header = [], ...rows] = ws.spreadsheet.readValues(staff);
    const col = header.findIndex((h) => /^e-?mail$/i.test(String(h).trim()));
    if (col >= 0) for (const r of rows) if (String(r[col] ?? '').includes('@') && !out.includes(String(r[col]))) out.push(String(r[col]));
  }
  return out;
}

function displayValues(values: unknown[][], timeZone: string): string[][] {
  const date = new Intl.DateTimeFormat('sv-SE', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  return values.map((row) =>
    row.map((v) => {
      if (v instanceof Date || Object.prototype.toString.call(v) === '[object Date]') {
        const text = date.format(v as Date).replace(',', '');
        return text.endsWith(' 00:00') ? text.slice(0, -6) : text;
      }
      if (typeof v === 'boolean') return v ? '☑' : '☐';
      return v === null || v === undefined ? '' : String(v);
    }),
  );
}

/** The google.script.run shim, first in <head>: each call becomes POST /run/<fn>. */
export function withShim(html: string, functions: string[]): string {
  const shim = `<script>(function(){
var FNS=${JSON.stringify(functions).replace(/</g, '\\u003c')};
function send(m){m.reglament=true;if(window.parent&&window.parent!==window)window.parent.postMessage(m,'*');else if(m.type==='close')window.close();}
function runner(ok,fail,obj){var r={withSuccessHandler:function(h){return runner(h,fail,obj);},withFailureHandler:function(h){return runner(ok,h,obj);},withUserObject:function(o){return runner(ok,fail,o);}};
FNS.forEach(function(name){r[name]=function(){var args=Array.prototype.slice.call(arguments);
fetch('/run/'+encodeURIComponent(name),{method:'POST',headers:{'Content-Type':'application/json'},body:JSON.stringify({args:args})}).then(function(x){return x.json();}).then(function(res){
if((res.ui&&res.ui.length)||(res.toasts&&res.toasts.length)||res.changed)send({type:'ui',ui:res.ui||[],toasts:res.toasts||[],changed:!!res.changed});
if(!window.parent||window.parent===window){(res.toasts||[]).forEach(function(t){console.log('toast: '+t.title+': '+t.message);});}
if(res.ok){if(ok)ok(res.result,obj);}else{var e=new Error(res.error);if(fail)fail(e,obj);else console.error(res.error);}
}).catch(function(e){if(fail)fail(e,obj);else console.error(e);});};});return r;}
window.google={script:{run:runner(null,null,undefined),host:{close:function(){send({type:'close'});},setHeight:function(){},setWidth:function(){},editor:{focus:function(){}}}}};
})();</script>`;
  const i = html.search(/<head[^>]*>/i);
  if (i < 0) return shim + html;
  const end = html.indexOf('>', i) + 1;
  return html.slice(0, end) + shim + html.slice(end);
}

/** The stand-in for Google Sheets around the bundle's windows (never part of the bundle). */
const SHELL = `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Reglament — local</title>
<style>
*{box-sizing:border-box}body{margin:0;font:13px/1.4 -apple-system,"Segoe UI",Roboto,Arial,sans-serif;color:#202124;display:flex;flex-direction:column;height:100vh}
header{display:flex;gap:10px;align-items:center;padding:6px 10px;border-bottom:1px solid #dadce0;background:#f8f9fa}
header b{font-size:15px}#menuBtn{position:relative}
#menu{position:absolute;top:36px;background:#fff;border:1px solid #dadce0;box-shadow:0 2px 6px rgba(0,0,0,.2);z-index:5;min-width:240px}
#menu div{padding:6px 12px;cursor:pointer}#menu div:hover{background:#e8f0fe}#menu hr{margin:2px 0;border:0;border-top:1px solid #eee}
main{flex:1;display:flex;min-height:0}#left{flex:1;display:flex;flex-direction:column;min-width:0}
#tabs{display:flex;gap:2px;padding:4px 6px;border-bottom:1px solid #dadce0;overflow-x:auto}#tabs button{border:0;background:none;padding:4px 8px;cursor:pointer;white-space:nowrap}#tabs button.on{background:#e8f0fe;color:#174ea6;border-radius:4px}
#grid{flex:1;overflow:auto}table{border-collapse:collapse;font-size:12px}td,th{border:1px solid #e0e0e0;padding:2px 6px;white-space:pre;max-width:260px;overflow:hidden;text-overflow:ellipsis;vertical-align:top}
th{background:#f1f3f4;position:sticky;top:0}td.n{background:#f1f3f4;color:#5f6368;text-align:right}tr.sel td{background:#e8f0fe}tr:hover td{cursor:pointer}
#files{height:160px;overflow:auto;border-top:1px solid #dadce0;padding:4px 10px;font-size:12px;display:flex;gap:20px}#files>div{flex:1}
#side{width:320px;border-left:1px solid #dadce0;display:flex;flex-direction:column}#side iframe{flex:1;border:0}
#overlay{position:fixed;inset:0;background:rgba(0,0,0,.35);display:none;align-items:center;justify-content:center;z-index:10}
#dialog{background:#fff;border-radius:8px;box-shadow:0 4px 20px rgba(0,0,0,.3);display:flex;flex-direction:column;width:620px;height:680px;max-height:95vh}
#dialog .t{display:flex;justify-content:space-between;padding:8px 12px;font-weight:bold;border-bottom:1px solid #eee}#dialog iframe{flex:1;border:0}
#toasts{position:fixed;right:12px;bottom:12px;display:flex;flex-direction:column;gap:6px;z-index:20}.toast{background:#323232;color:#fff;padding:8px 12px;border-radius:4px;max-width:360px;white-space:pre-wrap}
#alert{position:fixed;inset:0;background:rgba(0,0,0,.35);display:none;align-items:center;justify-content:center;z-index:30}#alert>div{background:#fff;border-radius:8px;padding:16px;max-width:520px;white-space:pre-wrap}
button{font:inherit;cursor:pointer}.muted{color:#5f6368}
</style></head><body>
<header><b>Reglament</b><span class="muted">local Workspace</span>
<span id="menuBtn"><button id="openMenu" type="button">Menu ▾</button><div id="menu" hidden></div></span>
<label>user <input id="user" list="users" size="28"></label><datalist id="users"></datalist>
<button id="tick" type="button" title="Runs tick as the owner's time trigger: queued edits are applied, due mail goes out">Run the time trigger now</button>
<span id="clock" class="muted"></span><a href="/addon">Add-on: Calendar and Gmail</a></header>
<main><div id="left"><div id="tabs"></div><div id="grid"></div>
<div id="files"><div><b>Mail sent</b><div id="mail"></div></div><div><b>Calendar</b><div id="events"></div></div></div></div>
<div id="side"><iframe id="sidebar" title="Sidebar"></iframe></div></main>
<div id="overlay"><div id="dialog"><div class="t"><span id="dtitle"></span><button id="dclose" type="button">×</button></div><iframe id="dframe" title="Dialog"></iframe></div></div>
<div id="alert"><div><div id="atitle" style="font-weight:bold;margin-bottom:6px"></div><div id="atext"></div><p style="text-align:right"><button id="aok" type="button">OK</button></p></div></div>
<div id="toasts"></div>
<script>
var S={sheet:'',active:null};
function el(t,c,x){var e=document.createElement(t);if(c)e.className=c;if(x!=null)e.textContent=String(x);return e;}
function get(u){return fetch(u).then(function(r){return r.json();});}
function post(u,b){return fetch(u,{method:'POST',headers:{'Content-Type':'application/json'},body:JSON.stringify(b||{})}).then(function(r){return r.json();});}
function toast(t){var d=el('div','toast',(t.title?t.title+': ':'')+t.message);document.getElementById('toasts').appendChild(d);setTimeout(function(){d.remove();},6000);}
function alertBox(e){document.getElementById('atitle').textContent=e.title||'';document.getElementById('atext').textContent=e.content||'';document.getElementById('alert').style.display='flex';}
document.getElementById('aok').onclick=function(){document.getElementById('alert').style.display='none';};
function openDialog(e){document.getElementById('dtitle').textContent=e.title||'';document.getElementById('dframe').src='/ui/'+e.index;document.getElementById('overlay').style.display='flex';}
function closeDialog(){document.getElementById('overlay').style.display='none';document.getElementById('dframe').src='about:blank';refresh();}
document.getElementById('dclose').onclick=closeDialog;
function handle(r){(r.toasts||[]).forEach(toast);(r.ui||[]).forEach(function(e){if(e.kind==='alert'||e.kind==='prompt')alertBox(e);else if(e.kind==='sidebar')document.getElementById('sidebar').src='/ui/'+e.index;else openDialog(e);});if(r.changed)refresh();}
window.addEventListener('message',function(m){var d=m.data;if(!d||!d.reglament)return;if(d.type==='close')closeDialog();else handle(d);});
function loadSheet(name){S.sheet=name;get('/api/sheet?name='+encodeURIComponent(name)).then(function(r){var g=document.getElementById('grid');g.textContent='';var t=el('table');(r.values||[]).forEach(function(row,i){var tr=el('tr');if(r.active&&r.active.sheet===name&&r.active.row===i+1)tr.className='sel';tr.appendChild(el(i?'td':'th','n',i+1));row.forEach(function(v){tr.appendChild(el(i?'td':'th',null,v));});tr.onclick=function(){select(name,i+1);};tr.setAttribute('data-row',i+1);t.appendChild(tr);});g.appendChild(t);
Array.prototype.forEach.call(document.querySelectorAll('#tabs button'),function(b){b.className=b.textContent===name?'on':'';});});}
function select(sheet,row){post('/api/select',{sheet:sheet,row:row}).then(function(){loadSheet(sheet);document.getElementById('sidebar').src='/page/sidebar';});}
function files(){get('/api/files').then(function(r){var m=document.getElementById('mail');m.textContent='';r.mail.slice(-12).reverse().forEach(function(x){m.appendChild(el('div',null,x.at.slice(0,16)+'  '+x.to+'  “'+x.subject+'”'));});var ev=document.getElementById('events');ev.textContent='';r.events.forEach(function(x){ev.appendChild(el('div',null,x.start.slice(0,16)+'  '+x.summary+(x.status==='cancelled'?' (cancelled)':'')+'  ['+x.guests+']'));});});}
function refresh(){if(S.sheet)loadSheet(S.sheet);files();}
function state(){return get('/api/state').then(function(s){document.getElementById('user').value=s.user;var dl=document.getElementById('users');dl.textContent='';s.users.forEach(function(u){var o=el('option');o.value=u;dl.appendChild(o);});document.getElementById('clock').textContent=s.now.slice(0,16)+'Z · '+s.zone;var tabs=document.getElementById('tabs');tabs.textContent='';s.sheets.forEach(function(n){var b=el('button',null,n);b.type='button';b.onclick=function(){loadSheet(n);};tabs.appendChild(b);});if(!S.sheet)loadSheet(s.active&&s.active.sheet||s.sheets[0]);return s;});}
document.getElementById('user').onchange=function(){post('/api/user',{user:this.value}).then(function(){state();menu();document.getElementById('sidebar').src='/page/sidebar';});};
document.getElementById('tick').onclick=function(){post('/api/tick').then(function(r){handle(r);refresh();document.getElementById('sidebar').src='/page/sidebar';});};
function menu(){post('/api/menu').then(function(r){var m=document.getElementById('menu');m.textContent='';document.getElementById('openMenu').textContent=(r.title||'Menu')+' ▾';(r.items||[]).forEach(function(it){if(it.separator){m.appendChild(el('hr'));return;}var d=el('div',null,it.caption);d.onclick=function(){m.hidden=true;post('/run/'+encodeURIComponent(it.functionName),{args:[]}).then(function(x){if(!x.ok)alertBox({title:it.caption,content:x.error});handle(x);});};m.appendChild(d);});});}
document.getElementById('openMenu').onclick=function(){var m=document.getElementById('menu');m.hidden=!m.hidden;};
state().then(function(){menu();files();document.getElementById('sidebar').src='/page/sidebar';});
</script></body></html>`;
