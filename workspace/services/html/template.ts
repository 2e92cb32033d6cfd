/**
 * Apps Script's templated HTML (https://developers.google.com/apps-script/guides/html/templates):
 * `<? code ?>` runs code, `<?= expr ?>` prints with contextual escaping, `<?!= expr ?>` prints
 * as is. Scriptlets may span control flow (`<? for (...) { ?> ... <? } ?>`), see the template's
 * properties as variables, and "can call functions defined in other code files, reference global
 * variables, or use any of the Apps Script APIs" — so, given the bundle's vm context, the code
 * is compiled there; without one (unit tests) it is compiled in the host.
 *
 * Contextual escaping here knows two contexts: inside a <script> element a printed value becomes
 * a JavaScript literal (JSON, with < > & escaped); anywhere else it is HTML-escaped, quotes included,
 * which also covers attribute values.
 */
import * as vm from 'vm';

type Segment = { kind: 'text' | 'code' | 'print' | 'force'; text: string };

export function parseScriptlets(raw: string): Segment[] {
  const segments: Segment[] = [];
  let i = 0;
  while (i < raw.length) {
    const open = raw.indexOf('<?', i);
    if (open < 0) {
      segments.push({ kind: 'text', text: raw.slice(i) });
      break;
    }
    if (open > i) segments.push({ kind: 'text', text: raw.slice(i, open) });
    const close = raw.indexOf('?>', open + 2);
    const end = close < 0 ? raw.length : close;
    let body = raw.slice(open + 2, end);
    let kind: Segment['kind'] = 'code';
    if (body.startsWith('!=')) {
      kind = 'force';
      body = body.slice(2);
    } else if (body.startsWith('=')) {
      kind = 'print';
      body = body.slice(1);
    }
    segments.push({ kind, text: body });
    i = close < 0 ? raw.length : close + 2;
  }
  return segments;
}

/** The server-side code a template runs, in the shape HtmlTemplate.getCode() shows. */
export function templateCode(raw: string): string {
  const lines = ['(function() { var output = HtmlService.initTemplate();'];
  for (const s of parseScriptlets(raw)) {
    if (s.kind === 'text') lines.push(` output._ = ${JSON.stringify(s.text)};`);
    else if (s.kind === 'print') lines.push(` output._$ = ${s.text.trim()};`);
    else if (s.kind === 'force') lines.push(` output._ = ${s.text.trim()};`);
    else lines.push(` ${s.text.trim()}`);
  }
  lines.push(' return output; })();');
  return lines.join('\n');
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

function printable(value: unknown): string {
  return value === null || value === undefined ? '' : String(value);
}

function jsLiteral(value: unknown): string {
  const json = value === undefined ? 'undefined' : (JSON.stringify(value) ?? 'undefined');
  return json
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** Is the end of `html` inside an open <script> element? */
function inScript(html: string): boolean {
  const lower = html.toLowerCase();
  const open = lower.lastIndexOf('<script');
  return open >= 0 && open > lower.lastIndexOf('</script');
}

/** The `output` a template writes into: `_ =` appends as is, `_$ =` with contextual escaping. */
export class TemplateOutput {
  content = '';
  set _(value: unknown) {
    this.content += printable(value);
  }
  set _$(value: unknown) {
    this.content += inScript(this.content) ? jsLiteral(value) : escapeHtml(printable(value));
  }
  append(value: unknown): TemplateOutput {
    this._ = value;
    return this;
  }
  appendUntrusted(value: unknown): TemplateOutput {
    this._$ = value;
    return this;
  }
}

/** A printing scriptlet's expression; a trailing semicolon is tolerated. */
function expression(text: string): string {
  return text.trim().replace(/;+$/, '');
}

type Compiled = (output: TemplateOutput, props: Record<string, unknown>) => void;

/** Compiles the template's code into a function of (output, properties). */
export function compileTemplate(raw: string, context?: object): Compiled {
  const body: string[] = [];
  for (const s of parseScriptlets(raw)) {
    if (s.kind === 'text') body.push(`output._ = ${JSON.stringify(s.text)};`);
    else if (s.kind === 'print') body.push(`output._$ = (${expression(s.text)});`);
    else if (s.kind === 'force') body.push(`output._ = (${expression(s.text)});`);
    else body.push(`${s.text}\n`);
  }
  // `with` lets properties read as variables, as Google pushes them into the template's scope.
  const source = `(function (output, __props) { with (__props) {\n${body.join('\n')}\n} })`;
  if (context && vm.isContext(context)) return vm.runInContext(source, context, { filename: 'template.html' }) as Compiled;

  return new Function(`return ${source}`)() as Compiled;
}
