/**
 * One self-contained HTML page (the bundle is a single Code.js, so pages are strings):
 * inline style and script, no external scripts, fonts or images. The style and the
 * scripts are files of src/ui/client/, inlined by the build (scripts/build.mjs). Data for the page is
 * embedded as JSON with <, >, & and line separators escaped; the page builds its DOM
 * with textContent only, so nothing that came from a cell is ever parsed as HTML.
 */
import { Locale } from '../../core/schema';
import PAGE_CSS from '../client/page.css';
import COMMON_JS from '../client/common.js';

export function escapeHtml(text: unknown): string {
  return String(text ?? '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** JSON safe inside a <script> element. */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value === undefined ? null : value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** The style every page shares. */
export const CSS = PAGE_CSS;

/** Helpers every page shares (plain ES5 in the browser). */
export const CLIENT = COMMON_JS;

export interface PageOptions {
  locale: Locale;
  title: string;
  body: string;
  /** The page's own script (a src/ui/client/*.js file: ES5, uses the CLIENT helpers, D for data and W for words). */
  script: string;
  data: unknown;
  words: Record<string, string>;
}

export function page(o: PageOptions): string {
  return [
    '<!DOCTYPE html>',
    `<html lang="${o.locale}"><head><meta charset="utf-8"><base target="_top">`,
    `<meta name="viewport" content="width=device-width, initial-scale=1">`,
    `<title>${escapeHtml(o.title)}</title><style>${CSS}</style></head>`,
    `<body><div class="busy"></div>${o.body}`,
    `<script>var D=${scriptJson(o.data)};var W=${scriptJson(o.words)};${CLIENT}${o.script}</script>`,
    '</body></html>',
  ].join('\n');
}
