/**
 * How the CLI says what happened, quietly: one line per run (the service calls only with
 * --calls), local times in the spreadsheet's zone with the offset, what the person saw on
 * screen (toasts, alerts), the Problems of the rows touched, and «отклонено: …» / "refused: …"
 * when the product refused or undid the edit. --json keeps ISO times; this is the human view.
 */
import type { RunRecord } from '../runtime/workspace';
import type { Refusal, Shown } from '../driver';
import { offsetMinutes, wallTime } from '../runtime/tz';

export type Lang = 'ru' | 'en';

/** The workbook's language from its spreadsheet locale (ru_RU, en_US). */
export function langOf(locale: string): Lang {
  return locale.toLowerCase().startsWith('en') ? 'en' : 'ru';
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** "2026-11-23 09:00 +03:00": an instant as a person in `zone` reads it (seconds when not :00). */
export function localTime(at: string | Date, zone: string): string {
  const ms = typeof at === 'string' ? Date.parse(at) : at.getTime();
  if (!Number.isFinite(ms)) return String(at);
  const w = wallTime(ms, zone);
  const off = offsetMinutes(ms, zone);
  const sign = off < 0 ? '-' : '+';
  const abs = Math.abs(off);
  const sec = w.second ? `:${pad(w.second)}` : '';
  return `${w.year}-${pad(w.month)}-${pad(w.day)} ${pad(w.hour)}:${pad(w.minute)}${sec} ${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** One line: who ran what, when, and whether it worked. */
export function runLine(r: RunRecord, zone: string): string {
  return `${r.fn} (${r.kind}, ${r.user}) at ${localTime(r.at, zone)}: ${r.ok ? 'ok' : `FAILED: ${r.error}`}`;
}

/** The runs in one line: how many, how many service calls, the estimated time on Google. */
export function callsLine(runs: RunRecord[]): string {
  const calls = runs.reduce((n, r) => n + r.totalCalls, 0);
  const ms = runs.reduce((n, r) => n + r.estimatedGoogleMs, 0);
  const failed = runs.filter((r) => !r.ok).length;
  const what = runs.length === 1 ? runs[0].fn : `${runs.length} runs (${runs.map((r) => r.fn).join(', ')})`;
  return `${what}: ${calls} service calls, ~${(ms / 1000).toFixed(1)} s on Google${failed ? `, ${failed} FAILED` : ''}`;
}

/** The full account of a run (--calls): the head line, the totals, then each call. */
export function runDetail(r: RunRecord, zone: string): string {
  const calls = r.calls.map((c) => `    ${c.call} ×${c.count}  ~${Math.round(c.estimatedMs)} ms`);
  return [
    runLine(r, zone),
    `  ${r.totalCalls} service calls, estimated ${(r.estimatedGoogleMs / 1000).toFixed(2)} s on Google, ${r.localMs} ms here`,
    ...calls,
  ].join('\n');
}

/** The runs as --calls asks: in full, or one line each plus errors. */
export function runsText(runs: RunRecord[], zone: string, withCalls: boolean): string[] {
  if (withCalls) return runs.map((r) => runDetail(r, zone));
  return runs.length ? [callsLine(runs), ...runs.filter((r) => !r.ok).map((r) => `  ${runLine(r, zone)}`)] : [];
}

const flat = (text: string) => text.replace(/\s*\n\s*/g, ' ').trim();

/** What the person saw: «toast Title: text», «alert: text». */
export function shownLines(shown: Shown[]): string[] {
  return shown.map((s) => `${s.kind}${s.title ? ` «${flat(s.title)}»` : ''}: ${flat(s.text)}`);
}

export function refusalLine(r: Refusal, lang: Lang): string {
  return lang === 'en'
    ? `refused: ${r.tab}, column «${r.column}», row ${r.row}: «${r.typed}» undone — ${flat(r.reason)}`
    : `отклонено: ${r.tab}, столбец «${r.column}», строка ${r.row}: «${r.typed}» отменено — ${flat(r.reason)}`;
}

export function problemsLine(p: { row: number; text: string }, lang: Lang): string {
  return `${lang === 'en' ? 'Problems, row' : 'Проблемы, строка'} ${p.row}: ${flat(p.text)}`;
}

/** At most `max` lines; the rest summed up in the last one. */
export function capLines(lines: string[], max: number, more: (n: number) => string): string[] {
  if (lines.length <= max) return lines;
  return [...lines.slice(0, max - 1), more(lines.length - max + 1)];
}
