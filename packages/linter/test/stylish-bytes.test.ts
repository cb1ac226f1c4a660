import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stylish, stylishBytes } from '../src/formatters/stylish.js';
import type { FormattableResult } from '../src/formatters/types.js';

const text = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom('「依法治市委员会」应为「全面依法治市委员会」', '审结数（115件）\n大于  收到数', 'plain message', ' ', ''),
);
const position = fc.record({ line: fc.integer({ min: 1, max: 99_999 }), column: fc.integer({ min: 1, max: 9_999 }) });
const diagnostic = fc.record(
  {
    ruleId: fc.oneof(fc.constantFrom('style/wording', 'statistics/x', '', 'rule '), text),
    severity: fc.constantFrom('error', 'warn', 'info') as fc.Arbitrary<'error' | 'warn' | 'info'>,
    messageId: fc.constant('m'),
    message: text,
    range: fc.constant({ start: 0, end: 1 }),
    start: position,
    end: position,
    docsUrl: fc.constant('u'),
    related: fc.array(fc.record({ message: text, range: fc.constant({ start: 0, end: 1 }), filePath: fc.constantFrom('/w/last.md', '/elsewhere/报告.md'), start: position }), { maxLength: 2 }),
  },
  { requiredKeys: ['ruleId', 'severity', 'messageId', 'message', 'range', 'start', 'end', 'docsUrl'] },
);
const result: fc.Arbitrary<FormattableResult> = fc
  .record({ diagnostics: fc.array(diagnostic, { maxLength: 5 }), filePath: fc.option(fc.constantFrom('/w/a.md', '/w/报告/b.md', '/other/c.md'), { nil: undefined }), fixable: fc.nat(3) })
  .map(({ diagnostics, filePath, fixable }) => ({
    diagnostics,
    errorCount: diagnostics.filter((d) => d.severity === 'error').length,
    warningCount: diagnostics.filter((d) => d.severity === 'warn').length,
    infoCount: diagnostics.filter((d) => d.severity === 'info').length,
    fixableErrorCount: fixable,
    fixableWarningCount: 0,
    ...(filePath !== undefined ? { filePath } : {}),
  }));

describe('stylishBytes', () => {
  it('is exactly the UTF-8 of stylish, colours or not', () => {
    fc.assert(
      fc.property(fc.array(result, { maxLength: 6 }), fc.boolean(), (results, color) => {
        const context = { cwd: '/w', color };
        expect(Buffer.from(stylishBytes(results, context)).toString('hex')).toBe(Buffer.from(stylish(results, context), 'utf8').toString('hex'));
      }),
      { numRuns: 500 },
    );
  });

  it('grows past its first buffer', () => {
    const long: FormattableResult = {
      diagnostics: Array.from({ length: 3000 }, (_, i) => ({
        ruleId: 'style/wording',
        severity: 'info' as const,
        messageId: 'm',
        message: `第${i}处：「法治建设第一责任人」应为「推进法治建设第一责任人」`,
        range: { start: 0, end: 1 },
        start: { line: i + 1, column: 1 },
        end: { line: i + 1, column: 2 },
        docsUrl: 'u',
      })),
      errorCount: 0,
      warningCount: 0,
      infoCount: 3000,
      fixableErrorCount: 0,
      fixableWarningCount: 0,
      filePath: '/w/a.md',
    };
    const bytes = stylishBytes([long], { cwd: '/w' });
    expect(bytes.length).toBeGreaterThan(1 << 16);
    expect(Buffer.from(bytes).toString('utf8')).toBe(stylish([long], { cwd: '/w' }));
  });
});
