import { createRequire } from 'node:module';

/**
 * The bytes of a file `pnpm build` wrote into this package's dist and exports as
 * `@fzlint/rules/<name>` (the typo automaton, the catalogue trie), or undefined where there
 * is none or no file system (a browser bundle stubs `node:module`): the caller then builds
 * the data at run time. Looked for beside this module first: a bundle carries the files next
 * to itself (the CLI's, the VS Code extension's, which ships without node_modules), and
 * there the package resolution below cost a one-file run 5-12 ms (its first `require.resolve`
 * of a package's exports loads Node's ES module resolver; docs/performance-journal.md, "Afternoon of
 * 2026-12-05: cold start"). Then through the package's exports (this package's own dist,
 * where the files sit in subfolders).
 */
export function readPrebuilt(name: string): Uint8Array | undefined {
  let require: ReturnType<typeof createRequire>;
  let readFileSync: typeof import('node:fs').readFileSync;
  try {
    require = createRequire(import.meta.url);
    ({ readFileSync } = require('node:fs') as typeof import('node:fs'));
  } catch {
    return undefined;
  }
  try {
    return readFileSync(new URL(`./${name}`, import.meta.url));
  } catch {
    // Not a bundle that carries it.
  }
  try {
    return readFileSync(require.resolve(`@fzlint/rules/${name}`));
  } catch {
    return undefined;
  }
}
