import { describe, expect, it } from 'vitest';
import { displayWidth, formatScorecards, lint, scoreResult, withScoreRules } from '../src/index.js';

describe('formatScorecards: the table is aligned by display width', () => {
  it('wide, combining and emoji characters in a file name keep the next column aligned', () => {
    const text = '# 某县人民政府2023年度法治政府建设情况报告\n\n一、主要举措和成效\n\n全年受理行政复议案件12件。\n';
    const card = scoreResult(lint(text, { filePath: '/r/report.md', config: withScoreRules({}), locale: 'zh-CN' }), { filePath: 'r/report.md', locale: 'zh-CN' });
    // Names of different widths: ASCII, CJK (two columns each), a combining accent (none), an emoji (two).
    const names = ['r/a.md', '法治.md', 'r/e\u0301.md', 'r/😀.md', 'r/abcdefgh.md'];
    expect(names.map(displayWidth)).toEqual([6, 7, 6, 7, 13]);
    const table = formatScorecards(names.map((filePath) => ({ ...card, filePath })), 'zh-CN').split('\n');
    const rows = table.slice(1, 1 + names.length);
    // The second column starts at the same display column on every row: name, padding, two spaces.
    const starts = rows.map((row, i) => displayWidth(row.slice(0, names[i]!.length + row.slice(names[i]!.length).search(/\S/))));
    expect(new Set(starts).size).toBe(1);
    expect(starts[0]).toBe(13 + 2);
  });
});
