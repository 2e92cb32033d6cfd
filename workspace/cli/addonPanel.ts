/**
 * The add-on's side panel in `reglament serve` (/addon): a Calendar view (the calls' events)
 * and a Gmail view (the mail sent, and the .eml files dropped into <state>/inbox/ — what
 * clients wrote) beside the panel. Clicking an event or a mail opens its card, as Google's
 * side panel does; with nothing open it shows the homepage. Cards are drawn from their JSON
 * by the card renderer (services/card/render.ts); a button posts the card's form to
 * /addon/submit, read back as the host reads it (the action and its parameters come from
 * the card, never from the page) and handed to the add-on's action as the current user.
 */
import * as fs from 'fs';
import * as http from 'http';
import * as path from 'path';
import { LocalWorkspace } from '../runtime/workspace';
import { cardPage, CardJson, renderCard, RenderOptions, renderResponse, Submission } from '../services/card';
import { escapeHtml as esc } from '../services/card/richText';
import { AddonHost, Opened, Shown } from './addonHost';
import { openedMessage } from './addon';

export interface Reply {
  status: number;
  type: string;
  text: string;
}

interface Open {
  opened: Opened;
  event: Shown['event'];
  fn: string;
  stack: CardJson[];
}

const html = (text: string, status = 200): Reply => ({ status, type: 'text/html; charset=utf-8', text });

export function inboxDir(ws: LocalWorkspace): string {
  return path.join(ws.stateDir, 'inbox');
}

/** The add-on panel's routes; one instance per `serve`, holding the open card stack. */
export function addonPanel() {
  let current: Open | null = null;

  const render = (ws: LocalWorkspace, card: CardJson, extra: Pick<RenderOptions, 'problems' | 'values'> = {}) =>
    renderCard(card, { formAction: '/addon/submit', timeZone: ws.spreadsheet.timeZone(), locale: 'ru', ...extra });

  const page = (fragment: string) => html(cardPage(fragment, { addOnName: 'Reglament', title: 'Reglament add-on' }));

  async function openedOf(ws: LocalWorkspace, url: URL): Promise<Opened> {
    const event = url.searchParams.get('event');
    const mail = url.searchParams.get('mail');
    if (event) return { kind: 'calendar', eventId: event };
    if (mail) {
      // Only the files of this workbook's mail folders (no path from the page is trusted).
      const file = mailFiles(ws).find((f) => f.file === mail);
      if (!file) throw new PanelError(`no mail ${mail}`);
      return { kind: 'gmail', message: await openedMessage(file.file) };
    }
    return { kind: 'homepage' };
  }

  async function card(ws: LocalWorkspace, url: URL, user: string): Promise<Reply> {
    let opened: Opened;
    try {
      opened = await openedOf(ws, url);
      if (opened.kind === 'gmail') {
        const m = opened.message;
        if (![m.from, m.to, m.cc].some((h) => h.toLowerCase().includes(user.toLowerCase())))
          throw new PanelError(`${user} is neither the sender nor a recipient of this mail: it is not in their mailbox.`);
      }
      const host = AddonHost.open(ws, opened, user);
      const shown = host.show();
      current = { opened, event: shown.event, fn: shown.fn, stack: shown.cards.slice(0, 1) };
      return page(render(ws, shown.cards[0]));
    } catch (e) {
      if (e instanceof PanelError || (e as Error).name === 'AddonInputError' || /cannot open event|no event with id/.test((e as Error).message))
        return page(
          `<div class="gw-card"><div class="gw-card-body"><div class="gw-card-error" role="alert">${esc((e as Error).message)}</div></div></div>`,
        );
      throw e;
    }
  }

  function submit(ws: LocalWorkspace, body: string, user: string): Reply {
    if (!current) return page(`<div class="gw-card-error" role="alert">Nothing is open.</div>`);
    const submission = parseForm(body);
    const actionId = String(submission.__action ?? '');
    delete submission.__action;
    const top = current.stack[current.stack.length - 1];
    const host = AddonHost.open(ws, current.opened, user);
    const shown: Shown = { fn: current.fn, event: current.event, cards: current.stack };
    const acted = host.act(shown, top, actionId, submission);
    if (acted.problems.length) return page(render(ws, top, { problems: acted.problems, values: submission }));
    const out = renderResponse(acted.response, current.stack, {
      timeZone: ws.spreadsheet.timeZone(),
      locale: 'ru',
      formAction: '/addon/submit',
    });
    current.stack = out.stack.length ? out.stack : current.stack;
    // A refusal keeps the card as the person filled it (Google leaves the form as it is).
    const body_ = acted.refused
      ? render(ws, top, { values: submission }) + (out.notification ? `<div class="gw-toast" role="status">${esc(out.notification)}</div>` : '')
      : out.html;
    return page(body_);
  }

  function index(ws: LocalWorkspace, user: string): Reply {
    const events = ws.calendar
      .events()
      .filter((e) => e.status !== 'cancelled' && e.extendedProperties?.private?.reglament === 'call')
      .map(
        (e) =>
          `<li><a target="panel" href="/addon/card?event=${encodeURIComponent(e.id ?? '')}">${esc((e.start?.dateTime ?? e.start?.date ?? '').slice(0, 16))} ${esc(e.summary ?? '')}</a></li>`,
      )
      .join('');
    const mails = mailFiles(ws)
      .map((m) => `<li><a target="panel" href="/addon/card?mail=${encodeURIComponent(m.file)}">${esc(m.label)}</a></li>`)
      .join('');
    return html(`<!DOCTYPE html><html lang="ru"><head><meta charset="utf-8"><title>Reglament add-on — local</title>
<style>body{margin:0;font:13px/1.4 -apple-system,"Segoe UI",Roboto,Arial,sans-serif;display:flex;height:100vh;color:#202124}
#views{flex:1;overflow:auto;padding:8px 14px}h2{font-size:14px;margin:12px 0 4px}ul{margin:0;padding-left:18px}li{margin:2px 0}
#panel{width:380px;border:0;border-left:1px solid #dadce0}header{display:flex;gap:10px;align-items:center}</style></head><body>
<div id="views"><header><b>Reglament add-on</b><span>as <b id="user">${esc(user)}</b></span><a href="/addon/card" target="panel">Homepage</a><a href="/">Sheets</a></header>
<h2>Calendar</h2><ul id="events">${events || '<li>No calls.</li>'}</ul>
<h2>Gmail</h2><ul id="mails">${mails || '<li>No mail.</li>'}</ul></div>
<iframe id="panel" name="panel" title="Add-on" src="/addon/card"></iframe></body></html>`);
  }

  return {
    /** Handles /addon… (null: not an add-on route). */
    async route(req: http.IncomingMessage, url: URL, ws: LocalWorkspace, user: string): Promise<Reply | null> {
      const p = url.pathname;
      if (req.method === 'GET' && (p === '/addon' || p === '/addon/')) return index(ws, user);
      if (req.method === 'GET' && p === '/addon/card') return card(ws, url, user);
      if (req.method === 'POST' && p === '/addon/submit') return submit(ws, await readText(req), user);
      return null;
    },
  };
}

class PanelError extends Error {}

/** The mail a person may open here: the engine's sent mail and the inbox folder's .eml files. */
export function mailFiles(ws: LocalWorkspace): Array<{ file: string; label: string }> {
  const sent = ws.mail.sent().map((m) => ({ file: (m as { path?: string }).path ?? '', label: `→ ${m.to.join(', ')} — ${m.subject}` }));
  const dir = inboxDir(ws);
  const inbox = fs.existsSync(dir)
    ? fs
        .readdirSync(dir)
        .filter((f) => f.endsWith('.eml'))
        .sort()
        .map((f) => ({ file: path.join(dir, f), label: `← ${f}` }))
    : [];
  return [...inbox, ...sent].filter((m) => m.file && fs.existsSync(m.file));
}

/** An HTML form post (application/x-www-form-urlencoded): repeated names give several values. */
export function parseForm(body: string): Submission {
  const out: Submission = {};
  for (const [k, v] of new URLSearchParams(body)) {
    const prev = out[k];
    out[k] = prev === undefined ? v : ([] as string[]).concat(prev, v);
  }
  return out;
}

async function readText(req: http.IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
