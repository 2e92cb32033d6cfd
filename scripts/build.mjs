/**
 * Builds build/Code.js (what `clasp push` deploys), build/addon/Code.js (the Workspace
 * add-on, its own Apps Script project: addon/.clasp.json) and dist/ (the local CLI).
 *
 * The bundle is an IIFE under one global name plus a small top-level wrapper per
 * export of src/main.ts: Apps Script only sees top-level function declarations, and an
 * ESM bundle with its export line stripped breaks when esbuild renames colliding names.
 *
 * The browser client (src/ui/client/*.js, *.css, *.html) is imported by src/ui/server as
 * text (clientFiles below): scripts and styles minified (whitespace only) — the scripts
 * as plain ES5, so newer syntax fails the build rather than an old browser — HTML as written.
 */
import * as esbuild from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** esbuild plugin: a src/ui/client file imported by the server side becomes its text. */
const CLIENT_DIR = path.join(root, 'src', 'ui', 'client');
const clientFiles = {
  name: 'client-files',
  setup(build) {
    build.onLoad({ filter: /\.(js|css|html)$/ }, async (args) => {
      if (path.dirname(args.path) !== CLIENT_DIR) return undefined;
      const source = await fs.promises.readFile(args.path, 'utf8');
      const ext = path.extname(args.path).slice(1);
      if (ext === 'html') return { contents: source, loader: 'text' };
      const { code } = await esbuild.transform(source, {
        loader: ext,
        minifyWhitespace: true,
        target: ext === 'js' ? 'es5' : 'chrome80',
        sourcefile: path.relative(root, args.path),
        legalComments: 'none',
        charset: 'utf8',
      });
      return { contents: code, loader: 'text' };
    });
  },
};

async function buildBundle(entry = 'src/main.ts', outDir = 'build', manifest = 'appsscript.json', keep = ['addon'], GLOBAL = 'Reglament') {
  const result = await esbuild.build({
    entryPoints: [path.join(root, entry)],
    bundle: true,
    format: 'iife',
    globalName: GLOBAL,
    target: 'es2020',
    platform: 'neutral',
    charset: 'utf8',
    legalComments: 'none',
    write: false,
    logLevel: 'warning',
    plugins: [clientFiles],
  });
  const iife = result.outputFiles[0].text;
  const entries = exportedFunctions(iife, GLOBAL);
  if (entries.length === 0) throw new Error(`${entry} exports no functions`);
  const wrappers = entries.map((name) => `function ${name}() {\n  return ${GLOBAL}.${name}.apply(this, arguments);\n}`).join('\n');
  const code = `${iife}\n// Entry points Apps Script can see: top-level function declarations.\n${wrappers}\n`;
  const out = path.join(root, outDir);
  fs.mkdirSync(out, { recursive: true });
  const written = ['Code.js', 'appsscript.json'];
  // Only what this bundle owns is replaced (build/addon/ sits inside build/); stale files go.
  for (const name of fs.readdirSync(out)) {
    if (!keep.includes(name) && !written.includes(name)) fs.rmSync(path.join(out, name), { recursive: true, force: true });
  }
  writeAtomically(path.join(out, 'Code.js'), code);
  writeAtomically(path.join(out, 'appsscript.json'), fs.readFileSync(path.join(root, manifest)));
  return entries;
}

/**
 * Writes through a temporary file and a rename: jest's globalSetup rebuilds on every run, and a
 * `reglament serve` or a test loading build/Code.js at that moment sees the old file or the new
 * one, never a missing or half-written one.
 */
function writeAtomically(file, contents) {
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, contents);
  fs.renameSync(tmp, file);
}

/** Runs the IIFE in an empty context to list the functions it exports. */
function exportedFunctions(iife, GLOBAL) {
  const ctx = vm.createContext({});
  vm.runInContext(`${iife}\n;globalThis.__exports = Object.keys(${GLOBAL}).filter((k) => typeof ${GLOBAL}[k] === 'function');`, ctx);
  return [...ctx.__exports].sort();
}

async function buildCli() {
  const entries = ['cli', 'bench', 'figures'].filter((n) => fs.existsSync(path.join(root, `workspace/${n}.ts`)));
  const result = await esbuild.build({
    entryPoints: entries.map((n) => path.join(root, `workspace/${n}.ts`)),
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    packages: 'external',
    outdir: path.join(root, 'dist'),
    sourcemap: 'inline',
    write: false,
    logLevel: 'warning',
  });
  fs.mkdirSync(path.join(root, 'dist'), { recursive: true });
  for (const file of result.outputFiles) writeAtomically(file.path, file.contents);
}

const entries = await buildBundle();
const addon = fs.existsSync(path.join(root, 'src/addon/main.ts'))
  ? await buildBundle('src/addon/main.ts', 'build/addon', 'addon/appsscript.json', [], 'ReglamentAddon')
  : [];
await buildCli();
if (!process.env.REGLAMENT_QUIET_BUILD) {
  console.log(`build/Code.js: ${entries.length} entry points (${entries.join(', ')})`);
  if (addon.length) console.log(`build/addon/Code.js: ${addon.length} entry points (${addon.join(', ')})`);
}
