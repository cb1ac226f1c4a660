/**
 * Helpers of the fzlint API and CI-recipe tests: run Node and the built `fzlint`
 * command as a user would, and check that import specifiers stay inside the
 * packages' `exports`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** This package's folder (where its node_modules resolve the fzlint packages). */
export const PACKAGE_DIR = fileURLToPath(new URL('..', import.meta.url));

/** The repository root. */
export const REPO_DIR = join(PACKAGE_DIR, '..', '..');

/** The built command line, as `pnpm fzlint` runs it (`node packages/cli/bin/fzlint.js`). */
export const CLI_BIN = join(REPO_DIR, 'packages', 'cli', 'bin', 'fzlint.js');

/** What a child process did. */
export interface RunResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Options of `runNode` and `runFzlint`. */
export interface RunOptions {
  /** Working folder (default: this package, so bare specifiers resolve through its node_modules). */
  readonly cwd?: string;
  readonly env?: Readonly<Record<string, string | undefined>>;
  readonly input?: string;
}

/** Runs `node …args` and waits for it. */
export function runNode(args: readonly string[], options: RunOptions = {}): RunResult {
  const r = spawnSync(process.execPath, [...args], {
    cwd: options.cwd ?? PACKAGE_DIR,
    encoding: 'utf8',
    // No colours and no inherited CI variables that would change the output.
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0', GITHUB_ACTIONS: '', ...options.env },
    ...(options.input !== undefined ? { input: options.input } : {}),
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: r.status, stdout: r.stdout ?? '', stderr: r.stderr ?? '' };
}

/** Runs the built `fzlint` command (`node packages/cli/bin/fzlint.js …args`). */
export function runFzlint(args: readonly string[], options: RunOptions = {}): RunResult {
  return runNode([CLI_BIN, ...args], options);
}

/** Whether the CLI has been built (its bin loads `dist/cli.js`). */
export function cliIsBuilt(): boolean {
  return existsSync(join(REPO_DIR, 'packages', 'cli', 'dist', 'cli.js'));
}

// Static `import … from '…'`, `export … from '…'`, dynamic `import('…')` and `require('…')`.
const SPECIFIER = /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+|\brequire\s*\(\s*)(['"])([^'"\n]+)\1/g;

/** The module specifiers a source file imports or requires. */
export function importSpecifiers(source: string): string[] {
  return [...source.matchAll(SPECIFIER)].map((m) => m[2]!);
}

/** Splits `@scope/name/sub/path` or `name/sub` into the package name and the `./sub/path` subpath. */
export function splitSpecifier(specifier: string): { readonly name: string; readonly subpath: string } {
  const parts = specifier.split('/');
  const size = specifier.startsWith('@') ? 2 : 1;
  const rest = parts.slice(size).join('/');
  return { name: parts.slice(0, size).join('/'), subpath: rest === '' ? '.' : `./${rest}` };
}

/**
 * Whether a bare specifier names a package (resolvable from this package) and a
 * subpath its `package.json` `exports` lists — that is, not a deep import.
 */
export function isExportedSpecifier(specifier: string): boolean {
  if (specifier.startsWith('.') || specifier.startsWith('/')) return false;
  const { name, subpath } = splitSpecifier(specifier);
  const manifest = join(PACKAGE_DIR, 'node_modules', name, 'package.json');
  if (!existsSync(manifest)) return false;
  const exports: unknown = (JSON.parse(readFileSync(manifest, 'utf8')) as { exports?: unknown }).exports;
  if (exports === undefined) return false;
  if (typeof exports === 'string' || Array.isArray(exports)) return subpath === '.';
  const keys = Object.keys(exports as object);
  // An exports object without "." keys is a conditions object for "." alone.
  if (!keys.some((k) => k.startsWith('.'))) return subpath === '.';
  return keys.some((key) => {
    const star = key.indexOf('*');
    if (star === -1) return key === subpath;
    return subpath.startsWith(key.slice(0, star)) && subpath.endsWith(key.slice(star + 1));
  });
}
