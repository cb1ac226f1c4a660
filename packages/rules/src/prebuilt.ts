import { createRequire } from 'node:module';

/**
 * The bytes of a file `pnpm build` wrote into this package's dist and exports as
 * `@fzlint/rules/<name>` (the typo automaton, the catalogue trie), or undefined where there
 * is none or no file system (a browser bundle stubs `node:module`): the caller then builds
 * the data at run time. Found through the package's exports, so the CLI's bundle resolves it
 * from its own folder through its dependency on `@fzlint/rules`.
 */
export function readPrebuilt(name: string): Uint8Array | undefined {
  try {
    const require = createRequire(import.meta.url);
    const { readFileSync } = require('node:fs') as typeof import('node:fs');
    return readFileSync(require.resolve(`@fzlint/rules/${name}`));
  } catch {
    return undefined;
  }
}
