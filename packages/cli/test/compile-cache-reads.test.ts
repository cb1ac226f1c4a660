/**
 * How a start reads its files (docs/performance.md, "Afternoon of 2026-12-05: cold start"):
 * the loader reads the bundles and code caches through one reused buffer
 * (src/compile-cache.ts `readScratch`).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readScratch } from '../src/compile-cache.js';

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
