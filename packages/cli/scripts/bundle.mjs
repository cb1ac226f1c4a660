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
// - dist/bundle/loader.js: src/compile-cache.ts as CommonJS.
// The Word and web readers stay out of the bundle: @fzlint/input loads them with
// `import('./docx.js')` / `import('./html.js')`, kept here as imports of
// `@fzlint/input/docx` / `@fzlint/input/html` (which import mammoth and
// htmlparser2 themselves), made only for a .docx/.html file, so a Markdown run
// never loads them. iconv-lite is required on first use (writing UTF-16 or GBK
// back) and ajv only to compile rules' option schemas the build did not precompile.
import { createHash } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { scriptSource } from './script-source.mjs';

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

/** The wrapper's parameters (src/compile-cache.ts passes them in this order). */
const PARAMS = 'exports, require, module, __filename, __dirname, __fzlint_url, __fzlint_resolve, __fzlint_import';

rmSync(outdir, { recursive: true, force: true });
mkdirSync(outdir, { recursive: true });
const result = await build({
  absWorkingDir: root,
  entryPoints: { cli: 'src/cli.ts', worker },
  outdir,
  outExtension: { '.js': '.script.js' },
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  external: EXTERNAL,
  plugins: [readersOutside],
  define: { 'import.meta.url': '__fzlint_url', 'import.meta.resolve': '__fzlint_resolve' },
  sourcemap: 'linked',
  legalComments: 'none',
  logLevel: 'warning',
  write: false,
});
for (const file of result.outputFiles) {
  if (!file.path.endsWith('.script.js')) {
    writeFileSync(file.path, file.contents);
    continue;
  }
  // On esbuild's first line ("use strict";), so the linked source map stays right below it.
  const body = scriptSource(file.text).replace(/^"use strict";/, '');
  const hash = createHash('sha256').update(body).digest('hex');
  // The loader reads an ASCII bundle as latin1 (see scriptSource).
  const ascii = !/[^\x00-\x7f]/.test(body);
  writeFileSync(file.path, `/* fzlint-bundle ${hash}${ascii ? ' ascii' : ''} */(function (${PARAMS}) {"use strict";${body}\n})`);
}
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
writeFileSync(
  join(outdir, 'worker.js'),
  "'use strict';\n// Generated by scripts/bundle.mjs: a worker thread's entry (see src/compile-cache.ts).\nrequire('./loader.js').startWorkerScript(require('node:path').join(__dirname, 'worker.script.js'));\n",
);
