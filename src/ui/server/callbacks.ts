/**
 * Top-level functions for the menu and for google.script.run (main.ts re-exports them, so
 * the bundle has one top-level function each). Every one runs as the person who clicked:
 * it reads the person's e-mail from the session, never trusts the page, and re-checks on
 * the server what that person may do (rights.ts and each action's module). A refusal comes back as
 * { ok: false, message, details }; only unexpected failures throw (the page shows them).
 * Values returned are plain strings, numbers and booleans (google.script.run passes no Dates).
 */
import { tabName } from '../../core/schema';
import { openContext, RunContext } from '../../app/context';
import { currentUser } from '../../google/log';
import { markCallDone, scheduleCall, scheduleForm, ScheduleForm } from './callActions';
import { checkSheet } from './check';
import { commentForm, CommentForm, saveComment } from './comment';
import { answerHr, askHr, handOff } from './orderActions';
import { ActionOutcome, FormValues } from './outcome';
import { ownerEmail } from './rights';
import { AgreedOutcome, setAgreedMail } from './after-call';
import { commentPage, outboxPage, schedulePage } from './dialogs';
import { ui } from './messages';
import { activeRef, cleanRef, locate, Refusal, RowRef } from './rows';
import { sidebarPage } from './sidebar';
import { sidebarState } from './state';
import { emptyState, SidebarState } from './view';

export interface ActionResult {
  ok: boolean;
  message: string;
  details: string[];
  queued: boolean;
  state: SidebarState | null;
}

interface Run {
  ctx: RunContext;
  user: string;
  owner: string;
}

function begin(): Run {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const ctx = openContext(ss);
  return { ctx, user: currentUser(), owner: ownerEmail(ss) };
}

function cleanForm(value: unknown): FormValues {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as FormValues) : {};
}

/** The state of the row to show after an action, read afresh. */
function stateAfter(run: Run, ref: RowRef | null): SidebarState {
  const ctx = openContext(run.ctx.ss, run.ctx.now);
  try {
    return sidebarState(ctx, ref, run.user, run.owner);
  } catch (e) {
    if (e instanceof Refusal) return emptyState(ctx, run.user);
    throw e;
  }
}

function act(work: (run: Run) => ActionOutcome): ActionResult {
  const run = begin();
  try {
    const out = work(run);
    return { ok: out.ok, message: out.message, details: out.details, queued: out.queued, state: stateAfter(run, out.ref) };
  } catch (e) {
    if (!(e instanceof Refusal)) throw e;
    return { ok: false, message: e.message, details: e.details, queued: false, state: null };
  }
}

// ---------------------------------------------------------------------------------------
// Read

/** The person's selection, for the sidebar to follow it (cheap: no tab is read). */
export function uiSelection(): RowRef {
  return activeRef(SpreadsheetApp.getActiveSpreadsheet());
}

/** What the sidebar shows for a row (`ref`), or for the active row when none is given. */
export function uiSidebarState(ref?: unknown): SidebarState {
  const run = begin();
  const r = cleanRef(ref) ?? activeRef(run.ctx.ss);
  try {
    return sidebarState(run.ctx, r, run.user, run.owner);
  } catch (e) {
    if (!(e instanceof Refusal)) throw e;
    const s = emptyState(run.ctx, run.user);
    s.hint = e.message;
    return s;
  }
}

/** The HTML of a window: 'sidebar', 'schedule', 'comment' or 'outbox' (the menu shows it; `reglament serve` serves it). */
export function uiPage(name: unknown, ref?: unknown): string {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const ctx = openContext(ss);
  const r = cleanRef(ref);
  switch (String(name)) {
    case 'sidebar':
      return sidebarPage(ctx.locale, r);
    case 'schedule':
      return schedulePage(ctx.locale, r ?? activeRef(ss));
    case 'comment':
      return commentPage(ctx.locale, r ?? activeRef(ss));
    case 'outbox':
      return outboxPage(ctx);
    default:
      throw new Error(`No page named ${String(name)}`);
  }
}

export function uiScheduleForm(ref?: unknown): ScheduleForm {
  const run = begin();
  return scheduleForm(run.ctx, cleanRef(ref) ?? activeRef(run.ctx.ss), run.user, run.owner);
}

export function uiCommentForm(ref?: unknown): CommentForm {
  const run = begin();
  return commentForm(run.ctx, cleanRef(ref) ?? activeRef(run.ctx.ss), run.user, run.owner);
}

// ---------------------------------------------------------------------------------------
// Act (each writes only the person's own cells; the rules do the rest)

export function uiHandOff(ref?: unknown): ActionResult {
  return act((run) => handOff(run.ctx, cleanRef(ref) ?? activeRef(run.ctx.ss), run.user, run.owner));
}

export function uiAskHr(ref: unknown, form: unknown): ActionResult {
  return act((run) => askHr(run.ctx, cleanRef(ref) ?? activeRef(run.ctx.ss), cleanForm(form), run.user, run.owner));
}

export function uiAnswerHr(ref: unknown, form: unknown): ActionResult {
  return act((run) => answerHr(run.ctx, cleanRef(ref) ?? activeRef(run.ctx.ss), cleanForm(form), run.user, run.owner));
}

export function uiMarkCallDone(ref?: unknown): ActionResult {
  return act((run) => markCallDone(run.ctx, cleanRef(ref) ?? activeRef(run.ctx.ss), run.user, run.owner));
}

/** The "what we agreed" e-mail of a First call, while it waits: new text, or cancelled (after-call.ts). */
export function uiEditAgreedMail(ref: unknown, form: unknown): ActionResult {
  return act((run) =>
    agreedOutcome(setAgreedMail(run.ctx, cleanRef(ref) ?? activeRef(run.ctx.ss), String(cleanForm(form).agreedMail ?? ''), run.user, run.owner)),
  );
}

export function uiCancelAgreedMail(ref?: unknown): ActionResult {
  return act((run) => agreedOutcome(setAgreedMail(run.ctx, cleanRef(ref) ?? activeRef(run.ctx.ss), null, run.user, run.owner)));
}

function agreedOutcome(out: AgreedOutcome): ActionOutcome {
  return { ok: true, message: out.message, details: [], queued: out.queued, ref: out.ref };
}

export function uiScheduleCall(form: unknown): ActionResult {
  return act((run) => scheduleCall(run.ctx, cleanForm(form), run.user, run.owner));
}

export function uiSaveComment(ref: unknown, form: unknown): ActionResult {
  return act((run) => saveComment(run.ctx, cleanRef(ref) ?? activeRef(run.ctx.ss), cleanForm(form), run.user, run.owner));
}

// ---------------------------------------------------------------------------------------
// Menu items

/** An alert that says each sentence once: a detail the message already holds is left out. */
function alert(title: string, message: string, details: string[] = []): void {
  const ui_ = SpreadsheetApp.getUi();
  const said = (d: string) => d.trim() === '' || message.includes(d.trim());
  const extra = details.filter((d, i) => !said(d) && details.indexOf(d) === i);
  ui_.alert(title, [message, ...extra.map((d) => `• ${d}`)].join('\n'), ui_.ButtonSet.OK);
}

function menuAction(title: (run: Run) => string, work: (run: Run) => ActionOutcome): string {
  const run = begin();
  let message: string;
  let details: string[];
  try {
    const out = work(run);
    message = out.message;
    details = out.details;
  } catch (e) {
    if (!(e instanceof Refusal)) throw e;
    message = e.message;
    details = e.details;
  }
  alert(title(run), message, details);
  return message;
}

export function menuOpenSidebar(): void {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const ctx = openContext(ss);
  const out = HtmlService.createHtmlOutput(sidebarPage(ctx.locale, null)).setTitle(ui(ctx.locale, 'sidebarTitle'));
  SpreadsheetApp.getUi().showSidebar(out);
}

export function menuScheduleCall(ref?: unknown): void {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const ctx = openContext(ss);
  const out = HtmlService.createHtmlOutput(schedulePage(ctx.locale, cleanRef(ref) ?? activeRef(ss)))
    .setWidth(600)
    .setHeight(640);
  SpreadsheetApp.getUi().showModalDialog(out, ui(ctx.locale, 'scheduleTitle'));
}

export function menuCallComment(ref?: unknown): void {
  const run = begin();
  const r = cleanRef(ref) ?? activeRef(run.ctx.ss);
  let at = null;
  try {
    at = locate(run.ctx, r, 'calls');
  } catch (e) {
    if (!(e instanceof Refusal)) throw e;
  }
  if (!at) {
    alert(ui(run.ctx.locale, 'commentTitle'), ui(run.ctx.locale, 'pickCallRow'));
    return;
  }
  const out = HtmlService.createHtmlOutput(commentPage(run.ctx.locale, { sheet: at.tab.sheet.getName(), row: at.rowNumber, id: at.id }))
    .setWidth(600)
    .setHeight(640);
  SpreadsheetApp.getUi().showModalDialog(out, ui(run.ctx.locale, 'commentTitle'));
}

export function menuHandOff(): string {
  return menuAction(
    (run) => ui(run.ctx.locale, 'menuHandOff'),
    (run) => handOff(run.ctx, activeRef(run.ctx.ss), run.user, run.owner),
  );
}

export function menuCheckSheet(): string {
  return menuAction(
    (run) => ui(run.ctx.locale, 'checkTitle'),
    (run) => checkSheet(run.ctx, run.ctx.ss.getActiveSheet().getName(), run.user, run.owner),
  );
}

export function menuOutboxAndLog(): void {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const ctx = openContext(ss);
  const out = HtmlService.createHtmlOutput(outboxPage(ctx)).setWidth(900).setHeight(600);
  SpreadsheetApp.getUi().showModelessDialog(out, ui(ctx.locale, 'outboxTitle'));
}

export function menuSettings(): void {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const ctx = openContext(ss);
  const sheet = ctx.sheets.get('settings');
  if (sheet) ss.setActiveSheet(sheet);
  ss.toast(
    ui(ctx.locale, 'settingsHint'),
    sheet ? sheet.getName() : tabName({ key: 'settings', en: 'Settings', ru: 'Настройки', columns: [] }, ctx.locale),
  );
}
