// Build step, after tsc: bundles the command into dist/bundle/ with esbuild, so
// a run loads two files (the CLI and, for a worker pool, the worker) instead of
// resolving and loading ~190 ES modules of this package and its workspace
// dependencies (most of a one-file run's start-up).
//
// - dist/bundle/cli.js: entry src/cli.ts (`main`), loaded by bin/fzlint.js.
// - dist/bundle/worker.js: entry src/worker.ts; the pool starts
//   `new URL('./worker.js', import.meta.url)`, which from the bundle is this file.
// Input converters stay out of the bundle: `import('./input/index.js')` (made
// only for a .docx/.html file) loads tsc's dist/input/, which imports mammoth and
// htmlparser2 itself, so a Markdown run never loads them. iconv-lite is required
// on first use (UTF-16 or GBK input) and ajv only to compile rules' option
// schemas the build did not precompile. `dist/*.js` from tsc remain the library
// entry (`@fzlint/cli`), so tsc must run first.
import { existsSync } from 'node:fs';
import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outdir = join(root, 'dist', 'bundle');

/** Loaded lazily at run time from node_modules, never bundled. */
const EXTERNAL = ['mammoth', 'htmlparser2', 'iconv-lite', 'ajv', 'ajv/*'];

/** The Word and web readers: left to tsc's dist/input/, one folder up from the bundle. */
const inputOutside = {
  name: 'input-outside',
  setup(b) {
    b.onResolve({ filter: /^\.\/input\/index\.js$/ }, (args) => {
      if (!existsSync(join(root, 'dist', 'input', 'index.js'))) throw new Error('run tsc first: dist/input/index.js is missing');
      return { path: '../input/index.js', external: true };
    });
  },
};

rmSync(outdir, { recursive: true, force: true });
await build({
  absWorkingDir: root,
  entryPoints: { cli: 'src/cli.ts', worker: 'src/worker.ts' },
  outdir,
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external: EXTERNAL,
  plugins: [inputOutside],
  // CommonJS dependencies bundled into ESM (picomatch) call `require` for Node
  // built-ins; give the bundle a real one.
  banner: { js: "import { createRequire as __fzlintCreateRequire } from 'node:module';\nconst require = __fzlintCreateRequire(import.meta.url);" },
  sourcemap: 'linked',
  legalComments: 'none',
  logLevel: 'warning',
});
