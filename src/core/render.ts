/**
 * Rendering a template: `{{name}}` placeholders are filled at send time; the HTML part
 * escapes everything that came from a cell (the template's own text included), the
 * plain-text part carries the same words, and an unknown placeholder is reported and
 * left visible, never dropped.
 */
import type { Locale } from './columns';
import type { Problem } from './i18n';
import { TemplateMessageKey, templateProblems } from './messages';
import type { TemplateText } from './template-texts';

const { warning } = templateProblems;

const PLACEHOLDER = /\{\{\s*([A-Za-z][\w.]*)\s*\}\}/g;

/** Names used as {{name}} in a text, in order of first use. */
export function placeholdersOf(text: string): string[] {
  const names: string[] = [];
  for (const m of text.matchAll(PLACEHOLDER)) if (!names.includes(m[1])) names.push(m[1]);
  return names;
}

export function unknownPlaceholders(key: string, names: readonly string[]): Problem<TemplateMessageKey> {
  return warning('templatePlaceholderUnknown', { key, names: names.map((n) => `{{${n}}}`).join(', ') });
}

// ---- values and tables ----

export type Cell = string | number | boolean | null | undefined;

/** A table value: rendered as an HTML table in the html part and as aligned columns in text. */
export interface TableValue {
  kind: 'table';
  columns: readonly string[];
  rows: readonly (readonly Cell[])[];
}

export type TemplateValue = Cell | TableValue;
export type TemplateValues = Record<string, TemplateValue>;

export function table(columns: readonly string[], rows: readonly (readonly Cell[])[]): TableValue {
  return { kind: 'table', columns, rows };
}

const isTable = (v: TemplateValue): v is TableValue => typeof v === 'object' && v !== null && v.kind === 'table';
const cellText = (c: Cell): string => (c === null || c === undefined ? '' : String(c));

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

const URL_RE = /https?:\/\/[^\s<>"'`]+[^\s<>"'`.,;:!?)\]}]/g;

/** Escaped text with http(s) links made clickable; the href is escaped as an attribute. */
function htmlOf(text: string): string {
  let out = '';
  let last = 0;
  for (const m of text.matchAll(URL_RE)) {
    const at = m.index ?? 0;
    out += escapeHtml(text.slice(last, at));
    out += `<a href="${escapeHtml(m[0])}">${escapeHtml(m[0])}</a>`;
    last = at + m[0].length;
  }
  out += escapeHtml(text.slice(last));
  return out.replace(/\n/g, '<br>\n');
}

export function tableHtml(t: TableValue): string {
  const cell = (tag: 'th' | 'td', c: Cell) =>
    `<${tag} style="border:1px solid #ccc;padding:4px 8px;text-align:left;vertical-align:top">${htmlOf(cellText(c))}</${tag}>`;
  const head = `<tr>${t.columns.map((c) => cell('th', c)).join('')}</tr>`;
  const body = t.rows.map((r) => `<tr>${t.columns.map((_, i) => cell('td', r[i])).join('')}</tr>`).join('\n');
  return `<table style="border-collapse:collapse">\n${head}\n${body}\n</table>`;
}

/** Aligned columns for the plain-text part; a cell's line breaks become " / ". */
export function tableText(t: TableValue): string {
  const flat = (c: Cell) => cellText(c).replace(/\s*\n\s*/g, ' / ');
  const grid = [t.columns.map(flat), ...t.rows.map((r) => t.columns.map((_, i) => flat(r[i])))];
  const widths = t.columns.map((_, i) => Math.max(...grid.map((row) => row[i].length)));
  const line = (row: string[]) =>
    row
      .map((c, i) => c.padEnd(widths[i]))
      .join(' | ')
      .replace(/\s+$/, '');
  return [line(grid[0]), widths.map((w) => '-'.repeat(w)).join('-+-'), ...grid.slice(1).map(line)].join('\n');
}

export interface Rendered {
  subject: string;
  text: string;
  html: string;
  problems: Problem<TemplateMessageKey>[];
}

type Piece = { literal: string } | { name: string; raw: string };

function pieces(text: string): Piece[] {
  const out: Piece[] = [];
  let last = 0;
  for (const m of text.matchAll(PLACEHOLDER)) {
    const at = m.index ?? 0;
    if (at > last) out.push({ literal: text.slice(last, at) });
    out.push({ name: m[1], raw: m[0] });
    last = at + m[0].length;
  }
  if (last < text.length) out.push({ literal: text.slice(last) });
  return out;
}

/**
 * Fills a template. Values are looked up by name; a name with no value (not even an
 * empty one) is unknown: reported once as a problem and left in the output as typed.
 * The language sets the html part's lang attribute.
 */
export function render(template: TemplateText, values: TemplateValues, language: Locale): Rendered {
  const unknown: string[] = [];
  let blank = false;
  /** Each piece in one of the three forms; an unknown placeholder stays as typed. */
  const fill = (p: Piece, form: 'subject' | 'text' | 'html'): string => {
    if ('literal' in p) return form === 'html' ? htmlOf(p.literal) : p.literal;
    if (!Object.prototype.hasOwnProperty.call(values, p.name)) {
      if (!unknown.includes(p.name)) unknown.push(p.name);
      return form === 'html' ? htmlOf(p.raw) : p.raw;
    }
    const v = values[p.name];
    if (isTable(v)) return form === 'html' ? tableHtml(v) : form === 'text' ? tableText(v) : '';
    if (cellText(v).trim() === '') blank = true;
    return form === 'html' ? htmlOf(cellText(v)) : cellText(v);
  };
  const subject = pieces(template.subject)
    .map((p) => fill(p, 'subject'))
    .join('')
    .replace(/\s*\n\s*/g, ' ')
    .trim();
  const body = pieces(template.body.replace(/\r\n?/g, '\n'));
  const text = body.map((p) => fill(p, 'text')).join('');
  const inner = body
    .map((p) => fill(p, 'html'))
    .join('')
    .replace(/<\/table><br>\n/g, '</table>\n');
  const html = `<div lang="${language}" style="font-family:Arial,Helvetica,sans-serif;font-size:14px;line-height:1.45">\n${inner}\n</div>`;
  const problems = unknown.length ? [unknownPlaceholders(template.key, unknown)] : [];
  if (!blank) return { subject, text, html, problems };
  return { subject: tidyGreeting(subject), text: tidyGreeting(text), html: tidyGreeting(html), problems };
}

const GREETING_RU = /(Здравствуйте|Добрый день|Добрый вечер|Доброе утро|Привет|Уважаемый|Уважаемая|Уважаемые)[ \t]*,[ \t]*([!.,])/g;
const GREETING_EN = /\b(Hello|Hi|Dear|Good morning|Good afternoon|Good evening)[ \t]+,/g;

/** A greeting whose name was empty reads as one without a name: «Здравствуйте!», "Hello," — never «Здравствуйте, !». */
export function tidyGreeting(text: string): string {
  return text.replace(GREETING_RU, '$1$2').replace(GREETING_EN, '$1,');
}
