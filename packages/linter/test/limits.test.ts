import { describe, expect, it } from 'vitest';
import { lint } from '../src/index.js';
import { significantDigits } from '../src/limits.js';

const BROKEN = /(?<![A-Za-z])(?:NaN|-?Infinity|undefined|null)(?![A-Za-z])/;

describe('numbers beyond exact arithmetic', () => {
  it('counts significant digits as written (full-width too, leading zeros not)', () => {
    expect(significantDigits('1,436')).toBe(4);
    expect(significantDigits('００１２３')).toBe(3);
    expect(significantDigits('0.000123')).toBe(3);
    expect(significantDigits('33.33333333333333333333')).toBe(22);
  });

  it('declares 400-digit counts and 20-decimal rates out of range, once each, and no rule computes with them', () => {
    const big = '9'.repeat(400);
    const text = [
      `2023年，共收到行政复议申请${big}件，办结${'8'.repeat(400)}件，办结率99.9%。`,
      `共受理行政诉讼案件100件，其中一审案件${big}件，二审案件${big}件。`,
      `共调解3件，成功1件，调解成功率33.${'3'.repeat(20)}%。`,
    ].join('\n');
    for (const locale of ['zh-CN', 'en'] as const) {
      const result = lint(text, { format: 'plaintext', reportYear: 2023, locale });
      expect(result.ruleFailures).toEqual([]);
      const outOfRange = result.diagnostics.filter((d) => d.ruleId === 'fzlint/number-out-of-range');
      expect(outOfRange).toHaveLength(5);
      expect(outOfRange.every((d) => d.severity === 'info')).toBe(true);
      for (const d of result.diagnostics) expect(d.message).not.toMatch(BROKEN);
      expect(result.diagnostics.some((d) => d.ruleId.startsWith('statistics/'))).toBe(false);
    }
  });

  it('leaves numbers of 15 significant digits, and long document and phone numbers, alone', () => {
    const result = lint(`共收到申请123456789012345件，办结123456789012345件。联系电话：0551-12345678901234567。`, { format: 'plaintext' });
    expect(result.diagnostics.filter((d) => d.ruleId === 'fzlint/number-out-of-range')).toEqual([]);
  });

  it('shows at most 100 such findings in a file', () => {
    const text = `共收到申请${'9'.repeat(30)}件。\n`.repeat(300);
    const result = lint(text, { format: 'plaintext' });
    expect(result.diagnostics.filter((d) => d.ruleId === 'fzlint/number-out-of-range')).toHaveLength(100);
  });
});

describe('Markdown read in a simpler way to stay linear', () => {
  it('says so once per kind, as information, and lints the rest', () => {
    const text = `# 2023年法治政府建设年度报告\n\n${'- '.repeat(500)}一、主要举措\n\n${'- '.repeat(40)}二、存在问题\n\n${'> 引用\n续行\n\n'.repeat(70)}`;
    const result = lint(text, { format: 'markdown' });
    const limits = result.diagnostics.filter((d) => d.ruleId === 'fzlint/input-limit');
    expect(limits.map((d) => [d.severity, d.start.line])).toEqual([
      ['info', 3],
      ['info', 8],
    ]);
    expect(limits[0]?.message).toContain('32');
    const deep = `# 报告\n\n${Array.from({ length: 80 }, (_, d) => `${'  '.repeat(d % 40)}- 项目${d}`).join('\n')}\n`;
    const depth = lint(deep, { format: 'markdown', locale: 'en' }).diagnostics.filter((d) => d.ruleId === 'fzlint/input-limit');
    expect(depth.map((d) => [d.severity, d.start.line])).toEqual([['info', 35]]);
    expect(depth[0]?.message).toContain('more than 32 list or quote levels deep');
    const lazyList = lint(`- 项目\n${'续行\n'.repeat(70)}`, { format: 'markdown' }).diagnostics.filter((d) => d.ruleId === 'fzlint/input-limit');
    expect(lazyList.map((d) => [d.severity, d.start.line, d.message])).toEqual([['info', 2, '列表项的段落中未缩进的续行超过 64 行，该列表项的标记按正文读取（全文共 70 行如此）']]);
    expect(lint('# 报告\n\n- 项目\n  - 子项\n', { format: 'markdown' }).diagnostics.some((d) => d.ruleId === 'fzlint/input-limit')).toBe(false);
    expect(lint(`${'- '.repeat(500)}x`, { format: 'plaintext' }).diagnostics.some((d) => d.ruleId === 'fzlint/input-limit')).toBe(false);
  });
});
