/**
 * How a start reads its files (docs/performance-journal.md, "Afternoon of 2026-12-05: cold start"):
 * the loader reads the bundles and code caches through one reused buffer
 * (src/compile-cache.ts `readScratch`), and the bundled rules find their prebuilt tables
 * beside the bundle (scripts/bundle.mjs copies them) without resolving `@fzlint/rules`.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readScratch } from '../src/compile-cache.js';
import { copyRepo, FILES, fzlint } from './helpers.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'fzlint-scratch-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Bytes that differ from file to file and position to position. */
function bytes(size: number, seed: number): Buffer {
  const out = Buffer.allocUnsafe(size);
  let x = seed;
  for (let i = 0; i < size; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    out[i] = x >>> 24;
  }
  return out;
}

describe('readScratch', () => {
  it('gives the bytes readFileSync gives, for sizes around and beyond its first buffer', () => {
    // 0 bytes, small, the loader's files' order of size, and above the first 4 MB buffer (it grows).
    const sizes = [0, 1, 4095, 4096, 300 * 1024, 2_500_000, 4 * 1024 * 1024 - 1, 4 * 1024 * 1024, 6_000_001, 12];
    sizes.forEach((size, i) => {
      const path = join(dir, `f${i}.bin`);
      writeFileSync(path, bytes(size, i + 1));
      const read = readScratch(path);
      expect(read.length).toBe(size);
      expect(read.equals(readFileSync(path))).toBe(true);
    });
  });

  it('reads a file whose size the system does not report to its end, as readFileSync does', () => {
    const path = '/proc/self/status';
    let expected: Buffer;
    try {
      expected = readFileSync(path);
    } catch {
      return; // No procfs here.
    }
    const read = readScratch(path);
    // The file is generated per read; its first line (the process name) is stable.
    expect(read.length).toBeGreaterThan(0);
    expect(read.toString('latin1').split('\n')[0]).toBe(expected.toString('latin1').split('\n')[0]);
  });

  it('reuses its buffer: a result is valid until the next read, which the loader relies on copying first', () => {
    const a = join(dir, 'a.bin');
    const b = join(dir, 'b.bin');
    writeFileSync(a, bytes(100_000, 7));
    writeFileSync(b, bytes(50_000, 8));
    const first = readScratch(a);
    const copy = Buffer.from(first);
    const second = readScratch(b);
    expect(second.buffer).toBe(first.buffer);
    expect(second.equals(readFileSync(b))).toBe(true);
    // The first view now shows the second file's bytes where they overlap.
    expect(first.subarray(0, 50_000).equals(second)).toBe(true);
    expect(first.equals(copy)).toBe(false);
  });

  it('throws as readFileSync does for a missing file or a folder', () => {
    expect(() => readScratch(join(dir, 'missing'))).toThrow(expect.objectContaining({ code: 'ENOENT' }) as Error);
    expect(() => readScratch(dir)).toThrow(expect.objectContaining({ code: 'EISDIR' }) as Error);
  });
});

describe('the prebuilt tables beside the bundle', () => {
  const bundle = new URL('../dist/bundle/', import.meta.url);

  it('are the rules package’s files', () => {
    for (const [name, inRules] of [
      ['typo-automaton.bin', '../../rules/dist/style/typo-automaton.bin'],
      ['catalogue-trie.bin', '../../rules/dist/references/catalogue-trie.bin'],
    ] as const) {
      const copied = readFileSync(fileURLToPath(new URL(name, bundle)));
      expect(copied.equals(readFileSync(fileURLToPath(new URL(inRules, import.meta.url)))), name).toBe(true);
    }
  });

  it('are read from there, without resolving @fzlint/rules', () => {
    const repo = copyRepo();
    try {
      const log = join(repo.dir, 'hook.log');
      const hook = join(repo.dir, 'hook.cjs');
      // Records every CommonJS resolution (require.resolve from the bundle goes through it) and every table read.
      writeFileSync(
        hook,
        `const Module = require('node:module'); const fs = require('node:fs');
const note = (line) => fs.appendFileSync(process.env.FZLINT_HOOK_LOG, line + '\\n');
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) { note('resolve ' + request); return resolve.call(this, request, ...rest); };
const read = fs.readFileSync;
fs.readFileSync = function (path, ...rest) {
  const name = path instanceof URL ? require('node:url').fileURLToPath(path) : String(path);
  if (name.endsWith('.bin')) note('read ' + name);
  return read.call(this, path, ...rest);
};
`,
      );
      writeFileSync(log, '');
      const env = { NODE_OPTIONS: `--require=${hook}`, FZLINT_HOOK_LOG: log, FZLINT_NO_COMPILE_CACHE: '1' };
      const run = fzlint(repo.dir, ['--format', 'json', FILES.jia], undefined, env);
      expect(run.stderr).toBe('');
      const lines = readFileSync(log, 'utf8').split('\n');
      expect(lines.filter((l) => l.includes('@fzlint/rules'))).toEqual([]);
      const reads = lines.filter((l) => l.startsWith('read ')).map((l) => l.slice(5));
      expect(reads.sort()).toEqual(['catalogue-trie.bin', 'typo-automaton.bin'].map((name) => fileURLToPath(new URL(name, bundle))));
      // The same findings as a run without the hook.
      const plain = fzlint(repo.dir, ['--format', 'json', FILES.jia], undefined, { FZLINT_NO_COMPILE_CACHE: '1' });
      expect(run.stdout).toBe(plain.stdout);
      expect(run.code).toBe(plain.code);
    } finally {
      repo.cleanup();
    }
  });
});
