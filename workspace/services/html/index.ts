export { createHtmlService, FakeHtmlOutput, FakeHtmlTemplate, SandboxMode, XFrameOptionsMode, escapeHtml } from './html';
export type { HtmlServiceOptions, HtmlServiceFake } from './html';
export { parseScriptlets, templateCode, compileTemplate, TemplateOutput } from './template';
