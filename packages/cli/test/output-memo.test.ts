import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readOutputMemo, writeOutputMemo, type OutputMemo } from '../src/output.js';

const dir = mkdtempSync(join(tmpdir(), 'fzlint-memo-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A writer that keeps copies of what it was given, reusable or not. */
function collector(reusable: boolean): { out: { write(chunk: string | Uint8Array): void; reusable: boolean }; text(): string; chunks: number } {
  const parts: Buffer[] = [];
  const c = {
    out: { reusable, write: (chunk: string | Uint8Array) => void parts.push(Buffer.from(chunk)) },
    text: () => Buffer.concat(parts).toString('utf8'),
    get chunks() {
      return parts.length;
    },
  };
  return c;
}

describe('the output memo', () => {
  it('prints what was kept, whole or through its small buffer, with headers and outputs larger than that buffer', () => {
    for (const [files, lines] of [
      [0, 0],
      [3, 5],
      [20_000, 3],
      [4, 40_000],
      [20_000, 40_000],
    ] as const) {
      const memo: OutputMemo = { path: join(dir, `memo-${files}-${lines}`), context: 'ctx 报告' };
      const results = Array.from({ length: files }, (_, i) => ({ filePath: `/报告/第${i}号.md` }));
      const printed = [Array.from({ length: lines }, (_, i) => `第 ${i} 行：错误 ✖\n`).join(''), 'tail'];
      writeOutputMemo(memo, results, printed, { errorCount: 2, warningCount: 3 }, 'snap');
      const expected = printed.join('');
      for (const reusable of [true, false]) {
        const read = readOutputMemo(memo);
        expect(read?.header.errorCount).toBe(2);
        expect(read?.header.snapshot).toBe('snap');
        const c = collector(reusable);
        read?.print(c.out);
        read?.close();
        expect(c.text()).toBe(expected);
        if (!reusable) expect(c.chunks).toBeLessThanOrEqual(1);
      }
      const read = readOutputMemo(memo);
      expect(read?.bytes().toString('utf8')).toBe(expected);
      read?.close();
      read?.close();
      expect(readOutputMemo({ ...memo, context: 'another' })).toBeUndefined();
    }
  });

  it('prints the memo it opened when another run replaces it meanwhile', () => {
    const memo: OutputMemo = { path: join(dir, 'replaced'), context: 'c' };
    const first = 'first run\n'.repeat(60_000);
    writeOutputMemo(memo, [], [first], { errorCount: 0, warningCount: 0 }, undefined);
    const read = readOutputMemo(memo);
    writeOutputMemo(memo, [], ['second\n'], { errorCount: 0, warningCount: 0 }, undefined);
    const c = collector(true);
    read?.print(c.out);
    read?.close();
    expect(c.text()).toBe(first);
  });
});
