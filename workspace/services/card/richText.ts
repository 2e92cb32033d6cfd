/**
 * The limited HTML of card text, made safe for a browser.
 *
 * Google documents the formats card text supports
 * (https://developers.google.com/workspace/add-ons/concepts/widgets#text_formatting):
 * bold <b>, italics <i>, underline <u>, strikethrough <s>, font color <font color="…">,
 * hyperlink <a href="…">, time <time>, newline <br>. Those are kept; every other tag, and
 * every character that could start markup, is escaped and shows as text — so a cell value
 * with <script> or quotes stays inert. A font color must be a #hex or a color name; a link
 * must be https:// (the add-on's openLinkUrlPrefixes are HTTPS prefixes; with
 * `linkPrefixes` given, inside one of them) or mailto:, else its text is kept without the
 * link. Valid character references (&amp;, &#8212;) pass through; a lone & is escaped.
 * Unclosed tags are closed at the end, stray closing tags are dropped, so a fragment can
 * never break the markup around it.
 */

const ALLOWED = new Set(['b', 'i', 'u', 's', 'font', 'a', 'br', 'time']);
const TAG = /^<(\/?)([a-zA-Z][a-zA-Z0-9]*)((?:\s+[a-zA-Z_:][-a-zA-Z0-9_:.]*(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*\/?>/;
const ATTR = /([a-zA-Z_:][-a-zA-Z0-9_:.]*)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;
const ENTITY = /^&(?:[a-zA-Z][a-zA-Z0-9]{1,31}|#\d{1,7}|#[xX][0-9a-fA-F]{1,6});/;

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** Decodes character references (the common named ones and numeric ones). */
export function decodeEntities(text: string): string {
  return text.replace(/&(#[xX][0-9a-fA-F]+|#\d+|[a-zA-Z]+);/g, (whole, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED[ref.toLowerCase()] ?? whole;
  });
}

export interface RichTextOptions {
  /** Narrows https:// links to these prefixes (the manifest's openLinkUrlPrefixes). */
  linkPrefixes?: readonly string[];
}

function attrsOf(source: string): Map<string, string> {
  const attrs = new Map<string, string>();
  for (const m of source.matchAll(ATTR)) attrs.set(m[1].toLowerCase(), decodeEntities(m[2] ?? m[3] ?? m[4] ?? ''));
  return attrs;
}

export function safeColor(value: string | undefined): string | undefined {
  const v = value?.trim();
  return v && (/^#[0-9a-fA-F]{3,8}$/.test(v) || /^[a-zA-Z]{3,20}$/.test(v)) ? v : undefined;
}

export function safeHref(value: string | undefined, options: RichTextOptions = {}): string | undefined {
  const v = value?.trim();
  if (!v) return undefined;
  if (/^mailto:[^\s<>"]+$/i.test(v)) return v;
  if (!/^https:\/\/[^\s<>"]+$/i.test(v)) return undefined;
  return !options.linkPrefixes || options.linkPrefixes.some((p) => v.startsWith(p)) ? v : undefined;
}

/** Card text → an HTML fragment with only the allowed formatting. */
export function renderRichText(text: string, options: RichTextOptions = {}): string {
  let out = '';
  const open: string[] = []; // closing tags to emit, innermost last
  const names: string[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    if (ch === '<') {
      const m = TAG.exec(text.slice(i));
      const name = m?.[2].toLowerCase();
      if (m && name && ALLOWED.has(name)) {
        out += m[1] ? closeTag(name, names, open) : openTag(name, attrsOf(m[3]), names, open, options);
        i += m[0].length;
        continue;
      }
      out += '&lt;';
    } else if (ch === '&') {
      const entity = ENTITY.exec(text.slice(i));
      out += entity ? entity[0] : '&amp;';
      if (entity) {
        i += entity[0].length;
        continue;
      }
    } else out += ch === '>' ? '&gt;' : ch === '"' ? '&quot;' : ch === "'" ? '&#39;' : ch;
    i++;
  }
  return out + open.reverse().join('');
}

function openTag(name: string, attrs: Map<string, string>, names: string[], open: string[], options: RichTextOptions): string {
  if (name === 'br') return '<br>';
  let tag = `<${name}>`;
  let close = `</${name}>`;
  if (name === 'font') {
    const color = safeColor(attrs.get('color'));
    tag = color ? `<font color="${escapeHtml(color)}">` : '<font>';
  } else if (name === 'a') {
    const href = safeHref(attrs.get('href'), options);
    [tag, close] = href
      ? [`<a href="${escapeHtml(href)}" target="_blank" rel="noopener noreferrer">`, '</a>']
      : ['<span class="gw-dead-link">', '</span>'];
  }
  names.push(name);
  open.push(close);
  return tag;
}

function closeTag(name: string, names: string[], open: string[]): string {
  const at = names.lastIndexOf(name);
  if (at < 0) return '';
  let out = '';
  while (names.length > at) {
    names.pop();
    out += open.pop();
  }
  return out;
}

/** Card text as a person reads it: the allowed tags removed (others stay as text), <br> a newline. */
export function plainText(text: string): string {
  const stripped = text.replace(new RegExp(TAG.source.slice(1), 'g'), (tag: string, _close: string, name: string) =>
    ALLOWED.has(name.toLowerCase()) ? (name.toLowerCase() === 'br' ? '\n' : '') : tag,
  );
  return decodeEntities(stripped);
}
