// Build step, after tsc: bundles the command into dist/bundle/ with esbuild, so
// a run loads one file (the CLI and, for a worker pool, the worker) instead of
// resolving and loading ~190 ES modules of this package and its workspace
// dependencies (most of a one-file run's start-up).
//
// The bundles are scripts, not ES modules: src/compile-cache.ts compiles them with
// `vm.Script` and V8's code cache (Node 20 has no module compile cache). Each is
// esbuild's CommonJS output wrapped in a function expression
//   /* fzlint-bundle <sha256> */(function (exports, require, module, __filename,
//     __dirname, __fzlint_url, __fzlint_resolve, __fzlint_import) {"use strict"; … })
// with `import.meta.url` → `__fzlint_url` (the bundle's own URL), `import.meta.resolve`
// → `__fzlint_resolve` and every dynamic `import(…)` of what stays outside →
// `__fzlint_import(…)` (a script compiled by `vm` has no loader for `import()` on Node 20
// without --experimental-vm-modules). The hash keys the code cache.
//
// - dist/bundle/cli.script.js: entry src/cli.ts (`main`), loaded by bin/fzlint.js.
// - dist/bundle/worker.script.js: the project API's worker (@fzlint/linter's
//   dist/project/worker.js); its pool starts `new URL('./worker.js', import.meta.url)`,
//   which from the bundle is dist/bundle/worker.js: a two-line entry written here
//   that loads worker.script.js the same way.
// - dist/bundle/lint.script.js: the lint part. The CLI's bundle is split in two scripts,
//   each with its own code cache: cli.script.js holds what a warm `--cache` run needs (args,
//   config loading and validation, the file list and ignore files, the result cache, the
//   position-only formatters) and every dynamic `import()` of the engine, the parser, the
//   rules, the ontology and the other commands becomes `__fzlint_import('fzlint-part:<key>')`,
//   which the loader answers from lint.script.js (its `load(key)`), loaded on first use.
//   A warm run with nothing changed neither reads nor compiles it. Modules both parts use
//   are in both (as in the worker's bundle): they keep no state the other part reads.
// - dist/bundle/commands.script.js: the lint part plus what a lint never runs (COMMANDS_ONLY:
//   the commands other than lint and help, the engine's index with its config validator,
//   scorecard and project API, ~0.46 MB of source, 24 % of the part). The front imports those
//   as `__fzlint_import('fzlint-commands:<key>')`; once loaded, this part also answers the
//   `fzlint-part:` imports, so a command and the lint it runs share one copy of the modules.
//   Each thread that lints reads, copies and deserialises only lint.script.js.
// - dist/bundle/loader.js: src/compile-cache.ts as CommonJS.
// - dist/bundle/typo-automaton.bin, catalogue-trie.bin: @fzlint/rules' prebuilt tables, copied
//   so the bundled rules read them beside themselves (no package resolution at run time).
// The Word and web readers stay out of the bundle: @fzlint/input loads them with
// `import('./docx.js')` / `import('./html.js')`, kept here as imports of
// `@fzlint/input/docx` / `@fzlint/input/html` (which import mammoth and
// htmlparser2 themselves), made only for a .docx/.html file, so a Markdown run
// never loads them. iconv-lite is required on first use (writing UTF-16 or GBK
// back) and ajv only to compile rules' option schemas the build did not precompile.
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { scriptSource, shiftMappings } from './script-source.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outdir = join(root, 'dist', 'bundle');

/** Loaded lazily at run time from node_modules, never bundled. */
// `@fzlint/pdf` (pdf.js) on the first .pdf, `@fzlint/web` (the workbench's server and site) for `fzlint web`.
const EXTERNAL = ['iconv-lite', 'ajv', 'ajv/*', '@fzlint/input/docx', '@fzlint/input/html', '@fzlint/pdf', '@fzlint/web'];

/** The readers' converters: imported by package subpath at run time (see above). */
const readersOutside = {
  name: 'readers-outside',
  setup(b) {
    b.onResolve({ filter: /^\.\/(docx|html)\.js$/ }, (args) => {
      if (!/[\\/]input[\\/]dist[\\/]readers\.js$/.test(args.importer)) return undefined;
      return { path: `@fzlint/input/${args.path.slice(2, -3)}`, external: true };
    });
  },
};

const worker = fileURLToPath(new URL('./project/worker.js', import.meta.resolve('@fzlint/linter/node')));

/**
 * What goes to the lint part when the front imports it dynamically: the packages' indexes
 * that load the engine, parser, rules or ontology, and the commands other than lint and help.
 */
const PART = [
  /[\\/](rules|parser|ontology|rule-api)[\\/]dist[\\/]index\.js$/,
  /[\\/]linter[\\/]dist[\\/](index|engine|incremental|scorecard|formatters[\\/]index)\.js$/,
  /[\\/]src[\\/]commands[\\/](inspect|score|catalogue|convert|web|print-config)\.ts$/,
];
/**
 * Of those, what only the commands part holds: the other commands and the engine's index (its
 * config validator, scorecard, incremental lint, the project API), ~0.46 MB of source that a
 * lint never runs. A lint loads lint.script.js without them; a command loads commands.script.js
 * (everything of the lint part too), which then also answers the lint part's imports.
 */
const COMMANDS_ONLY = [/[\\/]linter[\\/]dist[\\/]index\.js$/, /[\\/]src[\\/]commands[\\/]/];
/** Modules of the lint part, by key (their path from this package). */
const partModules = new Map();

/** The front's dynamic imports of the lint part → `fzlint-part:<key>` (see above). */
const lintPart = {
  name: 'lint-part',
  setup(b) {
    b.onResolve({ filter: /.*/ }, async (args) => {
      if (args.kind !== 'dynamic-import' || args.pluginData?.lintPart) return undefined;
      const resolved = await b.resolve(args.path, { resolveDir: args.resolveDir, importer: args.importer, kind: args.kind, pluginData: { lintPart: true } });
      if (resolved.errors.length > 0 || resolved.external || !PART.some((re) => re.test(resolved.path))) return undefined;
      const key = relative(root, resolved.path).split('\\').join('/');
      partModules.set(key, resolved.path);
      const prefix = COMMANDS_ONLY.some((re) => re.test(resolved.path)) ? 'fzlint-commands' : 'fzlint-part';
      return { path: `${prefix}:${key}`, external: true };
    });
  },
};

/** The lint part's entry: `load(key)`, each module imported (and initialised) on first use. */
const partEntry = {
  name: 'lint-part-entry',
  setup(b) {
    b.onResolve({ filter: /^fzlint-(lint|commands)-part$/ }, (args) => ({ path: args.path.slice(7), namespace: 'fzlint-part' }));
    b.onLoad({ filter: /.*/, namespace: 'fzlint-part' }, (args) => ({
      resolveDir: root,
      loader: 'js',
      contents: [
        'export function load(key) {',
        '  switch (key) {',
        ...[...partModules]
          .filter(([, path]) => args.path === 'commands-part' || !COMMANDS_ONLY.some((re) => re.test(path)))
          .sort(([a], [b]) => (a < b ? -1 : 1))
          .map(([key, path]) => `    case ${JSON.stringify(key)}: return import(${JSON.stringify(path)});`),
        '  }',
        '  return Promise.reject(new Error(`fzlint: no module ${key} in the lint part (rebuild: pnpm build)`));',
        '}',
      ].join('\n'),
    }));
  },
};

/** The wrapper's parameters (src/compile-cache.ts passes them in this order). */
const PARAMS = 'exports, require, module, __filename, __dirname, __fzlint_url, __fzlint_resolve, __fzlint_import';

rmSync(outdir, { recursive: true, force: true });
mkdirSync(outdir, { recursive: true });
const scriptOptions = {
  absWorkingDir: root,
  outdir,
  outExtension: { '.js': '.script.js' },
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  external: EXTERNAL,
  define: { 'import.meta.url': '__fzlint_url', 'import.meta.resolve': '__fzlint_resolve' },
  sourcemap: 'linked',
  legalComments: 'none',
  // Whitespace only (names and code stay as written): a one-file start reads and copies the
  // sources into fresh pages (2.41 -> 1.81 MB lint part, 686 -> 446 KB CLI); the linked source
  // maps still map a stack trace (node --enable-source-maps).
  minifyWhitespace: true,
  logLevel: 'warning',
  write: false,
};
// The front first: it finds the modules of the lint part.
const front = await build({ ...scriptOptions, entryPoints: { cli: 'src/cli.ts' }, plugins: [readersOutside, lintPart] });
const rest = await build({ ...scriptOptions, entryPoints: { worker, lint: 'fzlint-lint-part', commands: 'fzlint-commands-part' }, plugins: [readersOutside, partEntry] });
const outputs = [...front.outputFiles, ...rest.outputFiles];
const sourceMaps = new Map(outputs.filter((file) => file.path.endsWith('.map')).map((file) => [file.path, JSON.parse(file.text)]));
for (const file of outputs) {
  if (!file.path.endsWith('.script.js')) {
    if (!sourceMaps.has(file.path)) writeFileSync(file.path, file.contents);
    continue;
  }
  const edits = [];
  const source = scriptSource(file.text, edits);
  // On esbuild's first line ("use strict";), so the linked source map stays right below it.
  const body = source.replace(/^"use strict";/, '');
  const hash = createHash('sha256').update(body).digest('hex');
  // The loader reads an ASCII bundle as latin1 (see scriptSource).
  const ascii = !/[^\x00-\x7f]/.test(body);
  const head = `/* fzlint-bundle ${hash}${ascii ? ' ascii' : ''} */(function (${PARAMS}) {"use strict";`;
  writeFileSync(file.path, `${head}${body}\n})`);
  // The map moved with the escapes and the head, so stack traces and profiles name the right code.
  const sourceMap = sourceMaps.get(`${file.path}.map`);
  if (sourceMap) sourceMap.mappings = shiftMappings(sourceMap.mappings, file.text, source, edits, head.length - (source.length - body.length));
}
for (const [path, sourceMap] of sourceMaps) writeFileSync(path, JSON.stringify(sourceMap));
// The loader (src/compile-cache.ts) as CommonJS beside the bundles, and the worker's entry; the
// folder's package.json makes its .js files CommonJS (bin/ has the same), so a run that imports
// nothing never starts Node's ES module loader, in the main thread or a worker.
await build({
  absWorkingDir: root,
  entryPoints: { loader: 'src/compile-cache.ts' },
  outdir,
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  legalComments: 'none',
  logLevel: 'warning',
});
writeFileSync(join(outdir, 'package.json'), '{ "type": "commonjs" }\n');
// The rules' prebuilt tables beside the bundles that read them (@fzlint/rules' readPrebuilt looks
// there first): no package resolution at run time, and the tables of the build these bundles hold.
for (const name of ['typo-automaton.bin', 'catalogue-trie.bin']) copyFileSync(fileURLToPath(import.meta.resolve(`@fzlint/rules/${name}`)), join(outdir, name));
writeFileSync(
  join(outdir, 'worker.js'),
  "'use strict';\n// Generated by scripts/bundle.mjs: a worker thread's entry (see src/compile-cache.ts).\nrequire('./loader.js').startWorkerScript(require('node:path').join(__dirname, 'worker.script.js'));\n",
);
