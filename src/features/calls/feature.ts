/**
 * Calls (docs/DOMAIN.md §6, §9.9; issue 5): each Calls row gets a Call ID, exactly one event on the
 * company calendar with its guests and reminder overrides, its reminder e-mails planned
 * as Outbox rows, and — once Done — its comment checked against its type's template,
 * e-mailed to the manager and written into the event under "Results" / "Fresh Results".
 *
 * An edit of the Calls tab plans that call at once. Every tick brings every call in line
 * the same way (so a crash, a Calendar rate limit, a time-zone or Settings change, a Staff
 * absence or a candidate's new address all converge within one tick), then sends the
 * reminders that are due and marks those whose call has started as Missed.
 *
 * Two audiences (issue 12, rules/calls.ts): the guests' event carries only guest text and a
 * Google Meet (or the link typed in "Meeting link"); the staff's instructions, the comment
 * template and the posted comment go into the call's staff-only twin event. Every tick
 * first reads the company calendar back (readback.ts, one Events.list with a sync
 * token; calendar-changes.ts applies it): an event moved or deleted in Calendar moves or cancels the Calls row (logged
 * "Changed in Calendar") and its reminders; guests' answers fill "Guests' answers", and a
 * decline by the client or by every candidate is e-mailed to the manager once. An
 * "Interview booked" row of Calling results with its time gets the candidate the Interview
 * reminders too (calls without an event of their own).
 *
 * Cost: each tab is read once per run; system columns and Outbox states are written back
 * in batches; Calendar and MailApp are called once per event or message that changes.
 * What the calendar holds is remembered in the hidden "_Calls sync" / «_Синхронизация звонков» sheet (sync.ts);
 * what people changed there comes from the one incremental list per tick.
 *
 * A run (run.ts, one CallsRun object) is worked on by modules with one job each, in the
 * style of the schedules feature: plan.ts (rows → plans, IDs, Outbox rows), events.ts
 * (calendar writes), calendar-changes.ts (Calendar read back), sending.ts (mail through
 * src/mail). The deadline of an edit or a re-check comes from dispatch.
 */
import { probeReadBack } from './readback';
import { runProperties } from '../../app/run-properties';
import { callsDependOn } from './depends';
import { problemsText, say } from './rules/messages';
import { LANGUAGES, choiceLabel } from '../../core/schema';
import {
  DEFAULT_TEMPLATES,
  SEED_001_TEMPLATE_KEYS,
  pickLanguage,
  readTemplateRows,
  supersededBy,
  TemplateKey,
  checkTemplateRow,
} from '../../core/templates';
import { SyncStore } from './sync';
import { RunContext } from '../../app/context';
import { Feature, TabEdit } from '../../app/feature';
import { recordOf, recordsOf, writeRowCells } from '../../google/records';
import { appendRows, sheetRow } from '../../google/workbook';
import { readCalendar } from './calendar-changes';
import { calendarWork } from './events';
import { planCalls } from './plan';
import { CallsRun } from './run';
import { commentsAndHires, declineAlerts, sendDue } from './sending';
import { afterInterviews, relatedInterviews } from './after-interview';
import { afterFirstCalls } from './after-first-call';

/** Room left before a deadline for the final batched writes. */
const MARGIN_MS = 10 * 1000;

/** The templates the calls e-mails use; setup adds the missing ones (both languages) to the Templates tab. */
export const CALL_TEMPLATE_KEYS: TemplateKey[] = [
  'reminder.firstCall',
  'reminder.interview',
  'reminder.repeatCall',
  'reminder.introCall',
  'comment.toManager',
  'followUp.manager',
  'alert.callDeclined',
  'interview.clientRequest',
  'firstCall.agreed',
  'interview.resumes',
  'interview.candidate',
];

export const callsFeature: Feature = {
  name: 'calls',
  tabs: ['calls', 'templates'],
  // Last but duties, which see its writes in the same tick; its calendar limits and deferred
  // work go through leaveWork, its mail through the Outbox's Due (the plan).
  settlesItself: true,
  onEdit(ctx, edit, deadline) {
    if (edit.tab === 'templates') {
      checkTemplateEdit(ctx, edit);
      return;
    }
    const block = edit.block?.def.key === 'calls' ? edit.block : undefined;
    const timeOnly = edit.columns.length > 0 && edit.columns.every((c) => c === 'start' || c === 'duration');
    const run = CallsRun.open(ctx, deadline, new Set(edit.rows), block, edit.columns.indexOf('callId') >= 0, timeOnly);
    if (!run) return;
    // A call of an order re-checks the order's Done interviews too (their next steps may just have been scheduled).
    planCalls(run, [...edit.rows, ...relatedInterviews(run, edit.rows)]);
    calendarWork(run);
    commentsAndHires(run, true);
    afterInterviews(run);
    afterFirstCalls(run, false);
    run.finish();
  },
  tick(ctx, deadline) {
    const run = CallsRun.open(ctx, deadline - MARGIN_MS, null);
    if (!run) return;
    // What people changed in Calendar comes first: the rows and reminders follow it.
    readCalendar(run);
    planCalls(run, null);
    // Reminders are due at a minute; calendar catch-up work is not: send first.
    sendDue(run);
    declineAlerts(run);
    calendarWork(run);
    // A hire sets the candidate's status when the row is edited, not on every tick (a person may change it later).
    commentsAndHires(run, false);
    afterInterviews(run);
    afterFirstCalls(run, true);
    run.finish();
  },
  needsTick(ctx, edit) {
    return callsDependOn(ctx, edit);
  },
  probe(now) {
    // The properties the tick read before its lock (dispatch.ts holds them): a token or own writes that
    // are stale by a moment list changes already applied, which makes the tick run in full — never less.
    return probeReadBack(now, runProperties());
  },
  check(ctx, tab, deadline) {
    if (tab !== 'calls') return 0;
    const run = CallsRun.open(ctx, deadline, null);
    if (!run) return 0;
    planCalls(run, null);
    calendarWork(run);
    commentsAndHires(run, false);
    afterInterviews(run);
    afterFirstCalls(run, false);
    return run.finish();
  },
  setup(ctx) {
    addDefaultTemplates(ctx);
    SyncStore.open(ctx.ss, true, ctx.locale);
  },
};

/** Templates tab edits: a row with unknown placeholders gets a note on its Body saying which (the e-mail keeps them visible). */
function checkTemplateEdit(ctx: RunContext, edit: TabEdit): void {
  const tab = ctx.tab('templates');
  if (!tab) return;
  const bodyCol = tab.columns.index['body'];
  for (const i of edit.rows) {
    const row = tab.rows[i];
    if (!row) continue;
    const [parsed] = readTemplateRows([recordOf(tab, row)]);
    const problems = parsed ? checkTemplateRow(parsed) : [];
    const note = problemsText(problems, ctx.locale);
    if (bodyCol !== undefined) tab.sheet.getRange(sheetRow(i), bodyCol + 1).setNote(note);
    if (note) {
      ctx.ss.toast(note, say(ctx.locale, 'logTemplateProblem'));
      ctx.log({
        tab: tab.sheet.getName(),
        rowKey: parsed?.key ?? `#${sheetRow(i)}`,
        action: say(ctx.locale, 'logTemplateProblem'),
        details: note,
      });
    }
  }
}

/**
 * Setup: the calls templates missing from the Templates tab, both languages; a row still
 * holding an earlier built-in text exactly gets the current one; edited rows are never touched.
 */
function addDefaultTemplates(ctx: RunContext): void {
  const tab = ctx.tab('templates');
  if (!tab) return;
  const records = recordsOf(tab);
  records.forEach((rec, i) => {
    const [row] = readTemplateRows([rec]);
    const next = row ? supersededBy(row) : null;
    if (!next) return;
    writeRowCells(tab, i, { subject: next.subject, body: next.body });
    ctx.log({
      tab: tab.sheet.getName(),
      rowKey: row.key,
      action: say(ctx.locale, 'logTemplateUpdated'),
      details: choiceLabel(LANGUAGES.find((l) => l.key === row.language) ?? LANGUAGES[0], ctx.locale),
    });
  });
  const have = new Set(readTemplateRows(records).map((r) => `${r.key}|${r.language}`));
  const rows: Array<Record<string, unknown>> = [];
  for (const key of [...CALL_TEMPLATE_KEYS, ...SEED_001_TEMPLATE_KEYS]) {
    for (const language of LANGUAGES) {
      const lang = pickLanguage(language.en);
      if (have.has(`${key}|${lang}`)) continue;
      const t = DEFAULT_TEMPLATES[key][lang];
      rows.push({ key, language: choiceLabel(language, ctx.locale), subject: t.subject, body: t.body });
    }
  }
  appendRows(tab, rows);
  if (rows.length)
    ctx.log({
      tab: tab.sheet.getName(),
      rowKey: '',
      action: say(ctx.locale, 'logTemplatesAdded'),
      details: say(ctx.locale, 'logTemplatesAddedDetails', { count: rows.length }),
    });
}
