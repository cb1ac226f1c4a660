// Build step, after tsc: bundles the command into dist/bundle/ with esbuild, so
// a run loads two files (the CLI and, for a worker pool, the worker) instead of
// resolving and loading ~190 ES modules of this package and its workspace
// dependencies (most of a one-file run's start-up).
//
// - dist/bundle/cli.js: entry src/cli.ts (`main`), loaded by bin/fzlint.js.
// - dist/bundle/worker.js: the project API's worker (@fzlint/linter's
//   dist/project/worker.js); its pool starts `new URL('./worker.js', import.meta.url)`,
//   which from the bundle is this file.
// The Word and web readers stay out of the bundle: @fzlint/input loads them with
// `import('./docx.js')` / `import('./html.js')`, kept here as imports of
// `@fzlint/input/docx` / `@fzlint/input/html` (which import mammoth and
// htmlparser2 themselves), made only for a .docx/.html file, so a Markdown run
// never loads them. iconv-lite is required on first use (writing UTF-16 or GBK
// back) and ajv only to compile rules' option schemas the build did not precompile.
import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

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

rmSync(outdir, { recursive: true, force: true });
await build({
  absWorkingDir: root,
  entryPoints: { cli: 'src/cli.ts', worker },
  outdir,
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external: EXTERNAL,
  plugins: [readersOutside],
  // CommonJS dependencies bundled into ESM (picomatch) call `require` for Node
  // built-ins; give the bundle a real one.
  banner: { js: "import { createRequire as __fzlintCreateRequire } from 'node:module';\nconst require = __fzlintCreateRequire(import.meta.url);" },
  sourcemap: 'linked',
  legalComments: 'none',
  logLevel: 'warning',
});
