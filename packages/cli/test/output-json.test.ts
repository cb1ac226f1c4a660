import { describe, expect, it } from 'vitest';
import { json, type FormattableResult } from '@fzlint/linter';
import type { CliOptions } from '../src/args.js';
import { writeOutputs } from '../src/output.js';
import type { Reporter } from '../src/reporter.js';

/** A writer that keeps copies of what it was given (a reusable one may fill the same memory again). */
function collector(reusable: boolean) {
  const parts: Buffer[] = [];
  const kinds: string[] = [];
  return {
    out: {
      reusable,
      write: (chunk: string | Uint8Array) => {
        kinds.push(typeof chunk === 'string' ? 'text' : 'bytes');
        parts.push(Buffer.from(chunk));
      },
    },
    text: () => Buffer.concat(parts).toString('utf8'),
    kinds,
  };
}

function result(i: number, sourceChars: number): FormattableResult {
  const source = `第${i}份报告：${'法治政府建设'.repeat(Math.ceil(sourceChars / 6))}`.slice(0, sourceChars);
  return {
    filePath: `/报告/${i}.md`,
    source,
    diagnostics: [
      {
        ruleId: 'style/x',
        severity: 'warning',
        message: `第 ${i} 条 ✖`,
        messageId: 'x',
        range: { start: 0, end: 1 },
        start: { line: 1, column: 1 },
        end: { line: 1, column: 2 },
        docsUrl: 'https://example.org/x',
      },
    ],
    errorCount: 0,
    warningCount: 1,
    infoCount: 0,
    fixableErrorCount: 0,
    fixableWarningCount: 0,
  } as unknown as FormattableResult;
}

describe('--format json to stdout', () => {
  it('writes the same bytes to a reusable writer (one buffer filled again) as to another, pieces larger than that buffer too', async () => {
    // Small results (pieces of ~64 K characters), one of 300 K characters (a piece above the buffer), more after it.
    const results = [...Array.from({ length: 40 }, (_, i) => result(i, 5_000)), result(40, 300_000), ...Array.from({ length: 30 }, (_, i) => result(41 + i, 7_000))];
    const expected = `${json(results)}\n`;
    const options = { formats: [{ name: 'json' }] } as unknown as CliOptions;
    const reporter = { report: () => undefined } as unknown as Reporter;
    for (const reusable of [true, false]) {
      const c = collector(reusable);
      await writeOutputs(results, options, { stdout: c.out, stderr: { write: () => true }, cwd: '/' }, reporter);
      expect(c.text()).toBe(expected);
      // Bytes only to the reusable writer, and the large piece as text.
      expect(c.kinds.includes('bytes')).toBe(reusable);
      expect(c.kinds.filter((k) => k === 'text').length).toBe(reusable ? 2 : c.kinds.length);
    }
  });
});
