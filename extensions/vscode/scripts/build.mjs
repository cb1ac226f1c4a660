// Bundles the extension and the language server into one CommonJS file each (no node_modules at run time).
import { build } from 'esbuild';
import { copyFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
rmSync(`${root}/dist`, { recursive: true, force: true });
const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node18',
  sourcemap: false,
  minify: process.env.FZLINT_MINIFY === '1',
  logLevel: 'warning',
  absWorkingDir: root,
  // ESM packages may read import.meta.url; in a CJS bundle it is the bundle's own URL.
  define: { 'import.meta.url': 'importMetaUrl' },
  inject: [`${root}/scripts/import-meta-url.js`],
};
// The server's worker threads, beside it (they are started from `new URL('./…', import.meta.url)`):
// the lint thread of large documents, and the project API's guarded thread (Word and web
// conversion under the memory budget).
const serverEntry = import.meta.resolve('@fzlint/language-server');
const lintWorker = fileURLToPath(new URL('./lint-worker.js', serverEntry));
// @fzlint/linter is the server's dependency, not the extension's: resolve it from there.
const guardWorker = join(dirname(createRequire(serverEntry).resolve('@fzlint/linter/node')), 'project', 'worker.js');
await Promise.all([
  build({ ...common, entryPoints: ['src/main.ts'], outfile: 'dist/extension.js', external: ['vscode'] }),
  build({ ...common, entryPoints: ['src/server.ts'], outfile: 'dist/server.js', external: ['vscode'] }),
  build({ ...common, entryPoints: [lintWorker], outfile: 'dist/lint-worker.js', external: ['vscode'] }),
  build({ ...common, entryPoints: [guardWorker], outfile: 'dist/worker.js', external: ['vscode'] }),
]);
// The data `pnpm build` of @fzlint/rules prebuilds (the typo automaton, the catalogue trie),
// beside the bundles: the .vsix has no node_modules to resolve them from, and without them
// the server and its lint thread built both at run time (see packages/rules/src/prebuilt.ts).
const serverRequire = createRequire(serverEntry);
for (const name of ['typo-automaton.bin', 'catalogue-trie.bin']) copyFileSync(serverRequire.resolve(`@fzlint/rules/${name}`), `${root}/dist/${name}`);
