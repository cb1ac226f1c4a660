import { createRequire } from 'node:module';

/**
 * The bytes of a file `pnpm build` wrote into this package's dist and exports as
 * `@fzlint/rules/<name>` (the typo automaton, the catalogue trie), or undefined where there
 * is none or no file system (a browser bundle stubs `node:module`): the caller then builds
 * the data at run time. Looked for through the package's exports (the CLI's bundle resolves
 * them from its own folder through its dependency on `@fzlint/rules`), then beside this
 * module: a bundle that ships without node_modules (the VS Code extension's) carries the
 * files next to itself.
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
    return readFileSync(require.resolve(`@fzlint/rules/${name}`));
  } catch {
    // No package to resolve it from: a bundle's own folder, or nowhere.
  }
  try {
    return readFileSync(new URL(`./${name}`, import.meta.url));
  } catch {
    return undefined;
  }
}
