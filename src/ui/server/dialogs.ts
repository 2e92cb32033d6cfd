/**
 * Dialogs: Schedule a call (the fields each call type needs, validated as the person types;
 * the server checks again with the Calls rule and writes the row as typing would), Call
 * comment (the type's template as a form), and Outbox and Log (read-only, rendered on the
 * server with every value escaped). The windows' own files are src/ui/client/{schedule,comment}.*
 * and outbox.css.
 */
import { Locale, OUTBOX_STATES, findChoice, tabDef, choiceLabel } from '../../core/schema';
import { cellText, isBlank } from '../../core/values';
import { isDate } from '../../core/time';
import { RunContext } from '../../app/context';
import { ui, uiWords, UiKey } from './messages';
import { escapeHtml, page, CSS } from './page';
import { fmtWhen } from './view';
import { columnOf, lastRows, recordsAt, rowsWhere } from './read';
import { queuedEdits } from './queue';
import SCHEDULE_HTML from '../client/schedule.html';
import SCHEDULE_JS from '../client/schedule.js';
import COMMENT_HTML from '../client/comment.html';
import COMMENT_JS from '../client/comment.js';
import OUTBOX_CSS from '../client/outbox.css';

const COMMON: UiKey[] = ['fieldRequired', 'notEmail', 'notNumber', 'notDateTime', 'inPast', 'labelSave', 'labelClose', 'labelNone'];

// ---------------------------------------------------------------------------------------
// Schedule a call

export function schedulePage(locale: Locale, ref: unknown): string {
  return page({
    locale,
    title: ui(locale, 'scheduleTitle'),
    body: SCHEDULE_HTML,
    script: SCHEDULE_JS,
    data: {
      ref: ref ?? null,
      durationLabel: ui(locale, 'labelDuration'),
      peopleLabel: ui(locale, 'labelPeople'),
      zoneLabel: ui(locale, 'labelZone'),
      noOrder: ui(locale, 'labelNoOrder'),
    },
    words: uiWords(locale, COMMON),
  });
}

// ---------------------------------------------------------------------------------------
// Call comment

export function commentPage(locale: Locale, ref: unknown): string {
  return page({
    locale,
    title: ui(locale, 'commentTitle'),
    body: COMMENT_HTML,
    script: COMMENT_JS,
    data: {
      ref: ref ?? null,
      resultsLabel: ui(locale, 'labelInterviewResults'),
      feedbackLabel: ui(locale, 'labelClientFeedback'),
      messengerLabel: ui(locale, 'labelMessenger'),
      notesLabel: ui(locale, 'labelNotes'),
      commentLabel: ui(locale, 'labelComment'),
      noTemplate: ui(locale, 'commentNoTemplate'),
      noCandidates: ui(locale, 'labelCandidates') + ': ' + ui(locale, 'labelNone'),
      dateHint:
        locale === 'en'
          ? 'Next Contact Date: a date (yyyy-mm-dd or dd.mm.yyyy) or “keep in touch by email”.'
          : 'Next Contact Date: дата (дд.мм.гггг) или «keep in touch by email».',
    },
    words: uiWords(locale, COMMON),
  });
}

// ---------------------------------------------------------------------------------------
// Outbox and Log (server-rendered, read-only)

export function outboxPage(ctx: RunContext): string {
  const L = ctx.locale;
  // The State column tells the counts; only the waiting and failed rows are read.
  const states = columnOf(ctx, 'outbox', 'state').map((v) => findChoice(OUTBOX_STATES, cellText(v))?.key ?? (cellText(v) ? 'other' : 'pending'));
  const keys = columnOf(ctx, 'outbox', 'key');
  const counts = new Map<string, number>();
  states.forEach((key, i) => {
    if (isBlank(keys[i])) return;
    const choice = OUTBOX_STATES.find((s) => s.key === key);
    const label = choice ? choiceLabel(choice, L) : key;
    counts.set(label, (counts.get(label) ?? 0) + 1);
  });
  const pending = rowsWhere(
    ctx,
    'outbox',
    'state',
    (v) => (findChoice(OUTBOX_STATES, cellText(v))?.key ?? 'pending') === 'pending' && !isBlank(v),
    200,
  );
  const failed = rowsWhere(ctx, 'outbox', 'state', (v) => findChoice(OUTBOX_STATES, cellText(v))?.key === 'failed', 20);
  const outbox = pending.tab;
  const due = (r: Record<string, unknown>) => (isDate(r.due) ? r.due.getTime() : 0);
  const upcoming = recordsAt(outbox, pending.indexes).sort((a, b) => due(a) - due(b));
  const col = (key: string) => tabDef('outbox').columns.find((c) => c.key === key)![L];
  const table = (rows: Array<Record<string, unknown>>, keys_: string[]) =>
    rows.length === 0
      ? `<p class="muted">${escapeHtml(ui(L, 'labelNone'))}</p>`
      : `<table><tr>${keys_.map((k) => `<th>${escapeHtml(col(k))}</th>`).join('')}</tr>${rows
          .map((r) => `<tr>${keys_.map((k) => `<td>${escapeHtml(fmtWhen(ctx, r[k]))}</td>`).join('')}</tr>`)
          .join('')}</table>`;
  const log = lastRows(ctx, 'log', 20);
  const logDef = tabDef('log').columns;
  const logKeys = ['time', 'user', 'tab', 'rowKey', 'action', 'details'];
  const logRecords = recordsAt(log.tab, log.indexes).reverse();
  const logTable =
    logRecords.length === 0
      ? `<p class="muted">${escapeHtml(ui(L, 'labelNone'))}</p>`
      : `<table><tr>${logKeys.map((k) => `<th>${escapeHtml(logDef.find((c) => c.key === k)![L])}</th>`).join('')}</tr>${logRecords
          .map((r) => `<tr>${logKeys.map((k) => `<td>${escapeHtml(fmtWhen(ctx, r[k]))}</td>`).join('')}</tr>`)
          .join('')}</table>`;
  const queue = queuedEdits().map(
    (q) =>
      `<li>${escapeHtml(`${fmtWhen(ctx, new Date(q.entry.at))} · ${q.entry.user} · ${q.entry.label} · ${q.entry.id || `#${q.entry.row}`}`)}</li>`,
  );
  const body = [
    `<h1>${escapeHtml(ui(L, 'outboxTitle'))}</h1>`,
    `<h2>${escapeHtml(ui(L, 'labelOutboxState'))}</h2>`,
    counts.size
      ? `<p>${[...counts.entries()].map(([k, v]) => `<span class="pill">${escapeHtml(k)}: ${v}</span>`).join(' ')}</p>`
      : `<p class="muted">${escapeHtml(ui(L, 'labelNone'))}</p>`,
    `<h2>${escapeHtml(ui(L, 'labelUpcoming'))}</h2>`,
    table(upcoming.slice(0, 20), ['due', 'recipient', 'subject', 'key']),
    `<h2>${escapeHtml(ui(L, 'labelFailed'))}</h2>`,
    table(recordsAt(failed.tab, failed.indexes), ['due', 'recipient', 'subject', 'lastError']),
    queue.length ? `<h2>${escapeHtml(ui(L, 'labelQueue'))}</h2><ul>${queue.join('')}</ul>` : '',
    `<h2>${escapeHtml(ui(L, 'labelLastLog'))}</h2>`,
    logTable,
  ].join('\n');
  return [
    '<!DOCTYPE html>',
    `<html lang="${L}"><head><meta charset="utf-8"><title>${escapeHtml(ui(L, 'outboxTitle'))}</title>`,
    `<style>${CSS}${OUTBOX_CSS}</style></head>`,
    `<body>${body}</body></html>`,
  ].join('\n');
}
