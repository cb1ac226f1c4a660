// Bundles the extension and the language server into one CommonJS file each (no node_modules at run time).
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
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
await Promise.all([
  build({ ...common, entryPoints: ['src/main.ts'], outfile: 'dist/extension.js', external: ['vscode'] }),
  build({ ...common, entryPoints: ['src/server.ts'], outfile: 'dist/server.js', external: ['vscode'] }),
]);
