/**
 * Fake of HtmlService, HtmlOutput and HtmlTemplate
 * (https://developers.google.com/apps-script/reference/html).
 *
 * Google behaviour reproduced:
 * - createHtmlOutputFromFile/createTemplateFromFile read the project's HTML files (registered with
 *   registerFile); a missing one throws "No HTML file named Index was found." (text seen in
 *   Apps Script executions). Names are given without ".html"; a trailing ".html" is also accepted.
 * - createHtmlOutputFromFile does not run scriptlets; a template's evaluate() does (template.ts).
 * - appendUntrusted appends "using contextual escaping"; append appends as is.
 * - addMetaTag allows only apple-mobile-web-app-capable, google-site-verification,
 *   mobile-web-app-capable and viewport (documented list; the error text for others is ours).
 * - setSandboxMode "now has no effect" (only IFRAME exists); XFrameOptionsMode defaults to DEFAULT.
 */
import type { FakeService, Runtime } from '../../runtime/runtime';
import { FakeBlob } from '../utilities/bytes';
import { compileTemplate, escapeHtml, TemplateOutput, templateCode } from './template';

export const SandboxMode = { EMULATED: 'EMULATED', IFRAME: 'IFRAME', NATIVE: 'NATIVE' } as const;
export const XFrameOptionsMode = { ALLOWALL: 'ALLOWALL', DEFAULT: 'DEFAULT' } as const;
const META_TAGS = new Set(['apple-mobile-web-app-capable', 'google-site-verification', 'mobile-web-app-capable', 'viewport']);

export interface HtmlServiceOptions {
  /** The bundle's vm context, so scriptlets see its functions and globals as on Google. */
  context?: () => object | undefined;
}

export interface HtmlServiceFake extends FakeService {
  /** Adds or replaces a project HTML file, by name without ".html" (e.g. "Sidebar"). */
  registerFile(name: string, html: string): void;
  /** The registered files, name → source. */
  files: ReadonlyMap<string, string>;
}

function textOf(source: unknown): string {
  if (source === undefined || source === null) return '';
  if (typeof source === 'object' && typeof (source as { getDataAsString?: unknown }).getDataAsString === 'function') {
    return String((source as { getDataAsString(): unknown }).getDataAsString());
  }
  if (typeof source === 'object' && typeof (source as { getBlob?: unknown }).getBlob === 'function') {
    return textOf((source as { getBlob(): unknown }).getBlob());
  }
  return String(source);
}

export class FakeHtmlOutput {
  private content: string;
  private title = '';
  private width: number | null = null;
  private height: number | null = null;
  private faviconUrl: string | null = null;
  private metaTags: { getName(): string; getContent(): string }[] = [];
  /** Inspection: the modes the script asked for. */
  sandboxMode: string = SandboxMode.IFRAME;
  xFrameOptionsMode: string = XFrameOptionsMode.DEFAULT;

  constructor(
    private readonly rt: Runtime,
    private readonly service: () => ReturnType<typeof makeTemplateFactory>,
    content: string,
  ) {
    this.content = content;
  }

  private touch(method: string): this {
    this.rt.call(`HtmlOutput.${method}`);
    return this;
  }

  append(addedContent: unknown): this {
    this.content += textOf(addedContent);
    return this.touch('append');
  }
  appendUntrusted(addedContent: unknown): this {
    const out = new TemplateOutput();
    out.content = this.content;
    out._$ = textOf(addedContent);
    this.content = out.content;
    return this.touch('appendUntrusted');
  }
  setContent(content: unknown): this {
    this.content = textOf(content);
    return this.touch('setContent');
  }
  clear(): this {
    this.content = '';
    return this.touch('clear');
  }
  setTitle(title: unknown): this {
    this.title = String(title);
    return this.touch('setTitle');
  }
  setWidth(width: number): this {
    this.width = Math.trunc(Number(width));
    return this.touch('setWidth');
  }
  setHeight(height: number): this {
    this.height = Math.trunc(Number(height));
    return this.touch('setHeight');
  }
  setFaviconUrl(iconUrl: unknown): this {
    this.faviconUrl = String(iconUrl);
    return this.touch('setFaviconUrl');
  }
  setSandboxMode(mode: unknown): this {
    this.sandboxMode = String(mode);
    return this.touch('setSandboxMode');
  }
  setXFrameOptionsMode(mode: unknown): this {
    this.xFrameOptionsMode = String(mode);
    return this.touch('setXFrameOptionsMode');
  }
  addMetaTag(name: unknown, content: unknown): this {
    const tagName = String(name);
    if (!META_TAGS.has(tagName)) throw this.rt.error(`Invalid argument: name. Meta tag "${tagName}" is not allowed.`);
    const tagContent = String(content);
    this.metaTags.push({ getName: () => tagName, getContent: () => tagContent });
    return this.touch('addMetaTag');
  }
  asTemplate(): FakeHtmlTemplate {
    this.rt.call('HtmlOutput.asTemplate');
    return this.service()(this.content);
  }
  getBlob(): FakeBlob {
    this.rt.call('HtmlOutput.getBlob');
    return new FakeBlob(this.rt, Buffer.from(this.content, 'utf8'), 'text/html', this.title || null);
  }
  // Getters read the object's own state, local on Google too.
  getContent(): string {
    return this.content;
  }
  getTitle(): string {
    return this.title;
  }
  getWidth(): number | null {
    return this.width;
  }
  getHeight(): number | null {
    return this.height;
  }
  getFaviconUrl(): string | null {
    return this.faviconUrl;
  }
  getMetaTags(): { getName(): string; getContent(): string }[] {
    return this.rt.realm.Array.from(this.metaTags);
  }
  toString(): string {
    return 'HtmlOutput';
  }
}

/** An HtmlTemplate: the caller's properties live on the instance, the source in private fields. */
export class FakeHtmlTemplate {
  [property: string]: unknown;
  readonly #raw: string;
  readonly #evaluate: (template: FakeHtmlTemplate) => FakeHtmlOutput;

  constructor(raw: string, evaluate: (template: FakeHtmlTemplate) => FakeHtmlOutput) {
    this.#raw = raw;
    this.#evaluate = evaluate;
  }
  evaluate(): FakeHtmlOutput {
    return this.#evaluate(this);
  }
  getRawContent(): string {
    return this.#raw;
  }
  getCode(): string {
    return templateCode(this.#raw);
  }
  getCodeWithComments(): string {
    return templateCode(this.#raw);
  }
  toString(): string {
    return 'HtmlTemplate';
  }
}

function makeTemplateFactory(rt: Runtime, options: HtmlServiceOptions, output: (html: string) => FakeHtmlOutput) {
  return (raw: string): FakeHtmlTemplate =>
    new FakeHtmlTemplate(raw, (template) => {
      rt.call('HtmlTemplate.evaluate');
      const run = compileTemplate(template.getRawContent(), options.context?.());
      const out = new TemplateOutput();
      run(out, { ...template });
      return output(out.content);
    });
}

export function createHtmlService(rt: Runtime, options: HtmlServiceOptions = {}): HtmlServiceFake {
  const files = new Map<string, string>();
  const newOutput = (html: string): FakeHtmlOutput => new FakeHtmlOutput(rt, () => newTemplate, html);
  const newTemplate = makeTemplateFactory(rt, options, newOutput);

  const fileText = (filename: unknown): string => {
    const name = String(filename);
    const text = files.get(name) ?? (name.endsWith('.html') ? files.get(name.slice(0, -5)) : undefined);
    if (text === undefined) throw rt.error(`No HTML file named ${name} was found.`);
    return text;
  };

  const HtmlService = {
    SandboxMode,
    XFrameOptionsMode,
    createHtmlOutput(html?: unknown): FakeHtmlOutput {
      rt.call('HtmlService.createHtmlOutput');
      return newOutput(textOf(html));
    },
    createHtmlOutputFromFile(filename: unknown): FakeHtmlOutput {
      rt.call('HtmlService.createHtmlOutputFromFile');
      return newOutput(fileText(filename));
    },
    createTemplate(html: unknown): FakeHtmlTemplate {
      rt.call('HtmlService.createTemplate');
      return newTemplate(textOf(html));
    },
    createTemplateFromFile(filename: unknown): FakeHtmlTemplate {
      rt.call('HtmlService.createTemplateFromFile');
      return newTemplate(fileText(filename));
    },
  };

  return {
    globals: { HtmlService },
    files,
    registerFile(name, html) {
      files.set(name.replace(/\.html$/, ''), html);
    },
  };
}

export { escapeHtml };
