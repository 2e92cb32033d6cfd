/**
 * ESLint flat config: the layers of issue 13 as rules (docs/ARCHITECTURE.md).
 *
 *   pure       src/core/**, src/features/<f>/rules/**      no Apps Script, Node or browser globals;
 *                                                          imports nothing from the adapters, the UI or workspace/
 *   adapters   src/main.ts, src/app/**, src/google/**, src/mail/**, src/ui/server/**,
 *              src/features/<f>/ (outside rules/), src/addon/** (the add-on's own project)
 *                                                          Apps Script globals; no Node or browser globals
 *   client     src/ui/client/**                            browser globals and google.script.run only
 *   node       workspace/**, scripts/**, bin/**, test/**, root configs
 *                                                          Node globals; Apps Script only as types (GoogleAppsScript.*)
 *
 * Everywhere: no import cycles (import-x/no-cycle); nothing in src/ imports workspace/, test/ or scripts/,
 * or a Node built-in module (the bundle runs on Apps Script). The Apps Script globals are read from
 * @types/google-apps-script, so a service added there is covered without editing this file.
 * The type-level twin of the pure rule is tsconfig.pure.json ("types": []). test/lint/layers.test.ts
 * lints fixtures that break each rule, so a rule that stops matching fails the suite.
 */
import fs from 'node:fs';
import path from 'node:path';
import { builtinModules, createRequire } from 'node:module';
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import prettierConfig from 'eslint-config-prettier';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const require = createRequire(import.meta.url);

// --- the globals of each runtime, without the ECMAScript built-ins they share ---

const ES = new Set(Object.keys(globals.es2021));
const envOnly = (env) => Object.keys(env).filter((name) => !ES.has(name));

/** Every `declare var|const|namespace X` of @types/google-apps-script (SpreadsheetApp, MailApp, …, GoogleAppsScript, console). */
function appsScriptGlobals() {
  const dir = path.dirname(require.resolve('@types/google-apps-script/package.json'));
  const names = new Set();
  const walk = (d) => {
    for (const entry of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, entry.name);
      if (entry.isDirectory()) walk(p);
      else if (entry.name.endsWith('.d.ts')) {
        for (const m of fs
          .readFileSync(p, 'utf8')
          .matchAll(/^\s*declare\s+(?:var|const|let|function|namespace|class|enum)\s+([A-Za-z_$][\w$]*)/gm))
          names.add(m[1]);
      }
    }
  };
  walk(dir);
  if (!names.has('SpreadsheetApp')) throw new Error('eslint.config.mjs: no Apps Script globals found in @types/google-apps-script');
  return [...names].sort();
}

const GAS = appsScriptGlobals();
/** Apps Script's own namespace of types: the local Workspace's fakes and the tests implement its interfaces. */
const GAS_TYPES = ['GoogleAppsScript'];
const GAS_VALUES = GAS.filter((name) => !GAS_TYPES.includes(name) && name !== 'console');
const NODE = envOnly(globals.node);
const BROWSER = envOnly(globals.browser);
/** The HtmlService client's global (google.script.run, google.script.host). */
const CLIENT_EXTRA = ['google'];

const toGlobals = (names) => Object.fromEntries(names.map((name) => [name, 'readonly']));
const minus = (list, ...removed) => {
  const drop = new Set(removed.flat());
  return [...new Set(list)].filter((name) => !drop.has(name));
};
const restricted = (names, where) => [
  'error',
  ...[...new Set(names)].sort().map((name) => ({ name, message: `${name} is not available ${where}.` })),
];

// --- the layers ---

const PURE = ['src/core/**', 'src/features/*/rules/**'];
const ADAPTERS = ['src/*.ts', 'src/addon/**', 'src/google/**', 'src/app/**', 'src/mail/**', 'src/ui/server/**', 'src/features/**'];
const CLIENT = ['src/ui/client/**'];
const NODE_LAYERS = ['workspace/**', 'scripts/**', 'bin/**', 'test/**', '*.js', '*.mjs', '*.cjs'];

const PURE_MESSAGE =
  'Pure code (docs/ARCHITECTURE.md, the layers): src/core and src/features/*/rules import no adapter, UI, mail or workspace module.';
/** What the pure layers may not import. */
const IMPURE = ['./src/google', './src/app', './src/mail', './src/ui', './src/addon', './src/main.ts', './workspace', './test', './scripts'];

export default defineConfig(
  globalIgnores(['build/', 'dist/', 'coverage/', 'demo/', '.tmp/', '**/*.state/', 'test/screenshots/', 'node_modules/']),

  js.configs.recommended,
  tseslint.configs.recommended,

  {
    name: 'reglament/all',
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.mjs', '.js', '.json'] })],
      'import-x/extensions': ['.ts', '.js', '.mjs', '.cjs'],
      'import-x/external-module-folders': ['node_modules', 'node_modules/@types'],
    },
    rules: {
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      // Unused arguments are part of a callback's shape; an underscore marks the rest as deliberate.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },

  // Everything in src/ is bundled for Apps Script: no workspace/, test/ or scripts/, no Node built-ins.
  {
    name: 'reglament/src',
    files: ['src/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: builtinModules
            .filter((m) => !m.startsWith('_'))
            .map((name) => ({ name, message: 'The bundle runs on Apps Script: no Node built-ins in src/.' })),
          patterns: [{ group: ['node:*'], message: 'The bundle runs on Apps Script: no Node built-ins in src/.' }],
        },
      ],
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            // The pure layers import no adapter, UI, mail, add-on or workspace module.
            ...PURE.map((target) => ({ target: `./${target}`, from: IMPURE, message: PURE_MESSAGE })),
            // A feature's rules import no adapter of any feature.
            { target: './src/features/*/rules/**', from: ['./src/features/*/*.ts', './src/features/*/!(rules)/**'], message: PURE_MESSAGE },
            // Shared pure code depends on no feature.
            { target: './src/core/**', from: './src/features', message: 'src/core is shared by the features and imports none of them.' },
            // Nothing in src/ imports the local Workspace, the tests or the build scripts.
            {
              target: './src/**',
              from: ['./workspace', './test', './scripts'],
              message: 'The bundle (src/) never imports workspace/, test/ or scripts/.',
            },
            // The browser client is inlined into HTML: it imports no server-side module.
            {
              target: './src/ui/client/**',
              from: ['./src/google', './src/app', './src/mail', './src/ui/server', './src/features', './src/addon', './src/main.ts'],
              message: 'The browser client calls the server through google.script.run only.',
            },
          ],
        },
      ],
    },
  },

  // Adapters and entry points: Apps Script, not Node (no setTimeout, URL, Buffer, process …), not the browser.
  {
    name: 'reglament/adapters',
    files: ADAPTERS,
    languageOptions: { globals: toGlobals(GAS) },
    rules: { 'no-restricted-globals': restricted(minus([...NODE, ...BROWSER], GAS), 'on Apps Script (adapters and entry points)') },
  },

  // The pure layers: no environment at all (also no console: problems are returned, not logged).
  {
    name: 'reglament/pure',
    files: PURE,
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-globals': restricted(
        [...GAS, ...NODE, ...BROWSER],
        'in pure code (src/core, src/features/*/rules): pass it in from an adapter',
      ),
      // no-restricted-globals sees values only; Apps Script's types are adapter business too.
      'no-restricted-syntax': [
        'error',
        { selector: "Identifier[name='GoogleAppsScript']", message: 'Apps Script types belong to the adapters, not to pure code.' },
      ],
    },
  },

  // The sidebar's and the dialogs' browser code: classic scripts that share one scope in the page (common.js
  // first), so each file names what it uses from the others (/* global */) and what it offers them (/* exported */).
  // Browser globals and `google` (google.script.run, google.script.host) only; no Apps Script services, no Node.
  {
    name: 'reglament/client',
    files: CLIENT,
    languageOptions: { sourceType: 'script', globals: { ...toGlobals(BROWSER), ...toGlobals(CLIENT_EXTRA) } },
    rules: {
      'no-restricted-globals': restricted(minus([...GAS, ...NODE], BROWSER), 'in the browser (src/ui/client)'),
      // The build inlines each file into the page's one classic <script>: an import or export would not run there.
      'no-restricted-syntax': [
        'error',
        ...['ImportDeclaration', 'ExportNamedDeclaration', 'ExportDefaultDeclaration', 'ExportAllDeclaration', 'ImportExpression'].map(
          (selector) => ({ selector, message: 'src/ui/client files are classic scripts inlined into the page: no import or export.' }),
        ),
      ],
    },
  },

  // The local Workspace, build scripts, the CLI launcher and the tests run on Node.
  {
    name: 'reglament/node',
    files: NODE_LAYERS,
    languageOptions: { globals: { ...globals.node } },
    rules: {
      'no-restricted-globals': restricted(
        minus([...GAS_VALUES, ...BROWSER], NODE),
        'on Node (workspace/, scripts/, test/): the fakes are passed to the bundle, never used as globals',
      ),
    },
  },
  // Functions a browser test hands to page.evaluate run in the page.
  {
    name: 'reglament/browser-tests',
    files: ['test/browser/**'],
    languageOptions: { globals: { ...globals.browser } },
    rules: { 'no-restricted-globals': restricted(GAS_VALUES, 'on Node or in the page') },
  },
  {
    name: 'reglament/jest',
    files: ['test/**'],
    languageOptions: { globals: { ...globals.jest } },
  },

  // Plain JavaScript files are CommonJS or ES modules run by Node.
  {
    name: 'reglament/js',
    files: ['**/*.js', '**/*.cjs'],
    ignores: CLIENT,
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },

  // Formatting is Prettier's job.
  prettierConfig,
);
