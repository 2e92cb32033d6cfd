/**
 * The workbook tables of docs/DOMAIN.md, generated from the code so the contract and its
 * description cannot drift apart: tabs and columns from src/core/schema.ts, who edits a
 * column from src/core/permissions.ts, Settings keys from src/core/settings.ts.
 *
 *   node scripts/domain-tables.mjs          prints the tables
 *   node scripts/domain-tables.mjs --write  replaces the generated blocks in docs/DOMAIN.md
 *   node scripts/domain-tables.mjs --check  exits 1 when docs/DOMAIN.md is out of date
 *
 * A generated block sits between `<!-- generated:NAME -->` and `<!-- /generated:NAME -->`.
 */
import * as esbuild from 'esbuild';
import * as prettier from 'prettier';
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DOC = path.join(root, 'docs/DOMAIN.md');

/** The pure modules, bundled in memory and run in an empty context (they need no globals). */
async function loadCore() {
  const entry = `
    export { TABS, ORDER_STATUSES, OUTBOX_STATES } from './src/core/schema';
    export { SETTINGS } from './src/core/settings';
    export { columnOwners } from './src/core/permissions';
  `;
  const result = await esbuild.build({
    stdin: { contents: entry, resolveDir: root, loader: 'ts' },
    bundle: true,
    format: 'iife',
    globalName: 'core',
    platform: 'neutral',
    write: false,
    logLevel: 'warning',
  });
  const ctx = vm.createContext({});
  vm.runInContext(`${result.outputFiles[0].text}\n;globalThis.core = core;`, ctx);
  return ctx.core;
}

const cell = (text) =>
  String(text ?? '')
    .replace(/\|/g, '\\|')
    .replace(/\n/g, ' ');

const DEPARTMENT = { sales: 'Sales', hr: 'HR', client: 'Client dept.', management: 'Management' };

/** The departments that may edit a column besides Management and the owner (src/core/permissions.ts). */
function ownersText(core, tab, column) {
  if (tab.systemTab || column.system) return 'system';
  const owners = core.columnOwners(tab.key, column.key);
  if (!owners || owners.length === 0) return 'Management only';
  return owners.map((d) => DEPARTMENT[d] ?? d).join(', ');
}

/** Lists the system writes without a dropdown (their columns carry no choices in the schema). */
function choicesOf(core, tab, column) {
  if (column.choices) return column.choices;
  if (tab.key === 'orders' && column.key === 'status') return core.ORDER_STATUSES;
  if (tab.key === 'outbox' && column.key === 'state') return core.OUTBOX_STATES;
  return undefined;
}

function choicesText(choices) {
  if (!choices) return '';
  return choices.map((c) => (c.en === c.ru ? c.en : `${c.en} / ${c.ru}`)).join('; ');
}

function tabTable(core, tab) {
  const lines = [
    `**${tab.en}** / **${tab.ru}**${tab.systemTab ? ' — written only by the system' : ''}`,
    '',
    '| English header (contract) | Russian header | type | who fills it |',
    '| --- | --- | --- | --- |',
  ];
  const values = [];
  for (const column of tab.columns) {
    const star = column.system || tab.systemTab ? '\\*' : '';
    lines.push(`| ${cell(column.en)}${star} | ${cell(column.ru)} | ${column.type} | ${ownersText(core, tab, column)} |`);
    const choices = choicesOf(core, tab, column);
    if (choices) values.push(`- ${column.en}: ${choicesText(choices)}`);
  }
  if (values.length) lines.push('', 'Values (English / Russian):', '', ...values);
  return lines.join('\n');
}

function blocks(core) {
  const out = {};
  out.tabs = [
    '| # | English name | Russian name | columns | system-owned columns (*) |',
    '| --- | --- | --- | --- | --- |',
    ...core.TABS.map((tab, i) => {
      const sys = tab.systemTab ? 'all' : tab.columns.filter((c) => c.system).length;
      return `| ${i + 1} | ${tab.en} | ${tab.ru} | ${tab.columns.length} | ${sys} |`;
    }),
  ].join('\n');
  for (const tab of core.TABS) out[`tab-${tab.key}`] = tabTable(core, tab);
  out.settings = [
    '| Key (English, contract) | Ключ (Russian) | default | what it means |',
    '| --- | --- | --- | --- |',
    ...core.SETTINGS.map(
      (s) =>
        `| ${cell(s.en)} | ${cell(s.ru)} | ${s.defaultValue === '' ? '(empty)' : `\`${cell(s.defaultValue)}\``} | ${cell(s.descriptionEn)} |`,
    ),
  ].join('\n');
  return out;
}

function replaceBlocks(doc, generated) {
  let text = doc;
  const missing = [];
  for (const [name, body] of Object.entries(generated)) {
    const start = `<!-- generated:${name} -->`;
    const end = `<!-- /generated:${name} -->`;
    const i = text.indexOf(start);
    const j = text.indexOf(end);
    if (i < 0 || j < i) {
      missing.push(name);
      continue;
    }
    text = `${text.slice(0, i + start.length)}\n\n${body}\n\n${text.slice(j)}`;
  }
  return { text, missing };
}

const core = await loadCore();
const generated = blocks(core);
const mode = process.argv[2];
if (!mode) {
  for (const [name, body] of Object.entries(generated)) console.log(`<!-- generated:${name} -->\n\n${body}\n\n<!-- /generated:${name} -->\n`);
} else {
  const doc = fs.readFileSync(DOC, 'utf8');
  const replaced = replaceBlocks(doc, generated);
  const missing = replaced.missing;
  // Formatted as `npm run format` would, so the generated tables pass `prettier --check`.
  const text = await prettier.format(replaced.text, { ...(await prettier.resolveConfig(DOC)), filepath: DOC });
  if (missing.length) {
    console.error(`docs/DOMAIN.md has no generated block for: ${missing.join(', ')}`);
    process.exit(1);
  }
  if (mode === '--write') {
    if (text !== doc) fs.writeFileSync(DOC, text);
    console.log(text === doc ? 'docs/DOMAIN.md is up to date' : 'docs/DOMAIN.md: tables rewritten');
  } else if (mode === '--check') {
    if (text !== doc) {
      console.error('docs/DOMAIN.md is out of date with src/core (schema, settings, permissions): run `npm run docs:tables`.');
      process.exit(1);
    }
    console.log('docs/DOMAIN.md matches src/core');
  } else {
    console.error(`unknown option ${mode} (use --write or --check)`);
    process.exit(2);
  }
}
