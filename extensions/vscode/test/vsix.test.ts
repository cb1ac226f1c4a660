/** Packages the extension the way `pnpm --filter fzlint-vscode package` does and checks what the .vsix holds. */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packageExtension } from './package-vsix.js';

const root = fileURLToPath(new URL('..', import.meta.url));

/** File names in a zip archive, read from its central directory. */
function zipEntries(zip: Buffer): string[] {
  let eocd = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 65557); i--) {
    if (zip.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error('not a zip file');
  const count = zip.readUInt16LE(eocd + 10);
  let at = zip.readUInt32LE(eocd + 16);
  const names: string[] = [];
  for (let n = 0; n < count; n++) {
    if (zip.readUInt32LE(at) !== 0x02014b50) throw new Error('bad central directory');
    const nameLen = zip.readUInt16LE(at + 28);
    const extraLen = zip.readUInt16LE(at + 30);
    const commentLen = zip.readUInt16LE(at + 32);
    names.push(zip.toString('utf8', at + 46, at + 46 + nameLen));
    at += 46 + nameLen + extraLen + commentLen;
  }
  return names;
}

let dir: string;
let entries: string[];

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'fzlint-vsix-'));
  const out = path.join(dir, 'fzlint-vscode.vsix');
  packageExtension(out);
  entries = zipEntries(readFileSync(out));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the .vsix', () => {
  it('holds the bundled client, server and its threads, the manifest and both translations', () => {
    expect(entries).toEqual(
      expect.arrayContaining([
        'extension/package.json',
        'extension/package.nls.json',
        'extension/package.nls.zh-cn.json',
        'extension/dist/extension.js',
        'extension/dist/server.js',
        // The server starts its threads from `new URL('./…', import.meta.url)`: the lint thread
        // for large reports and the project's guarded worker.
        'extension/dist/lint-worker.js',
        'extension/dist/worker.js',
        // The server reads the prebuilt data beside its bundle (no node_modules to resolve them from).
        'extension/dist/typo-automaton.bin',
        'extension/dist/catalogue-trie.bin',
        'extension/readme.md',
      ]),
    );
  });

  it('holds no sources, tests, source maps or node_modules', () => {
    const stray = entries.filter((e) => /node_modules\/|(^|\/)src\/|(^|\/)test\/|\.ts$|\.map$|tsconfig|vitest/u.test(e));
    expect(stray).toEqual([]);
  });

  it('bundles the server as one self-contained file', () => {
    const server = readFileSync(path.join(root, 'dist/server.js'), 'utf8');
    // Only Node built-ins may be required at run time: the vsix has no node_modules.
    // (Requires inside string literals are code ajv generates for standalone output, never run here.)
    const requires = [...server.matchAll(/(?<![`'"])\brequire\("([^"]+)"\)/gu)].map((m) => m[1]!);
    const external = requires.filter((r) => !r.startsWith('node:') && !/^(fs|path|url|os|util|events|stream|net|child_process|crypto|assert|buffer|string_decoder|tty|worker_threads|module|process|perf_hooks|v8|zlib|http|https|readline|timers|querystring)$/u.test(r));
    expect(external).toEqual([]);
  });
});
