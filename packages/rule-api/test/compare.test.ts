import { describe, expect, it } from 'vitest';
import { compareDiagnostics, type Diagnostic } from '../src/index.js';

function diagnostic(ruleId: string, start: number, end: number): Diagnostic {
  return {
    ruleId,
    severity: 'warn',
    messageId: 'x',
    message: 'x',
    range: { start, end },
    start: { line: 1, column: start + 1 },
    end: { line: 1, column: end + 1 },
    docsUrl: '',
  };
}

describe('compareDiagnostics', () => {
  it('orders by start, then end, then rule id by code unit', () => {
    const list = [
      diagnostic('style/b', 5, 9),
      diagnostic('style/a', 5, 9),
      diagnostic('structure/z', 5, 7),
      diagnostic('statistics/rate-mismatch', 0, 3),
      diagnostic('statistics/rate', 5, 9),
    ];
    expect([...list].sort(compareDiagnostics).map((d) => `${d.range.start}-${d.range.end} ${d.ruleId}`)).toEqual([
      '0-3 statistics/rate-mismatch',
      '5-7 structure/z',
      '5-9 statistics/rate',
      '5-9 style/a',
      '5-9 style/b',
    ]);
    expect(compareDiagnostics(diagnostic('style/a', 1, 2), diagnostic('style/a', 1, 2))).toBe(0);
  });
});
