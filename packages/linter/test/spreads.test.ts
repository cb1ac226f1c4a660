/**
 * Lists as long as the input once spread into call arguments (`push(...list)`,
 * `Math.max(...list)`): past ~120,000 elements (here) a call takes no more arguments and the
 * run failed with "Maximum call stack size exceeded". Each case fails on that code.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatScorecards, lint, scoreResult, withScoreRules } from '../src/index.js';
import { CRITERIA } from '../src/scorecard.js';
import { createFzlint } from '../src/project/project.js';

describe('input-sized lists are not spread into calls', () => {
  it('lintFiles given 150,000 paths that do not exist: a problem for each', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fzlint-spreads-'));
    try {
      const patterns = Array.from({ length: 150_000 }, (_, i) => `missing-${i}.md`);
      const report = await createFzlint({ cwd: dir }).lintFiles(patterns);
      expect(report.results).toEqual([]);
      expect(report.problems).toHaveLength(150_000);
      expect(report.problems.every((p) => p.id === 'missingPath')).toBe(true);
      expect(report.problems[149_999]!.data).toMatchObject({ path: 'missing-149999.md' });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it('formatScorecards of 150,000 reports (a folder scored): one aligned row each', () => {
    const text = '# 某县人民政府2023年度法治政府建设情况报告\n\n一、主要举措和成效\n\n全年受理行政复议案件12件。\n';
    const card = scoreResult(lint(text, { filePath: '/r/report.md', config: withScoreRules({}), locale: 'zh-CN' }), { filePath: 'r/report.md', locale: 'zh-CN' });
    // Without the findings under each score (the table is what is tested; they only take time).
    const criteria = { ...card.criteria };
    for (const id of CRITERIA) criteria[id] = { ...criteria[id], findings: [] };
    const cards = Array.from({ length: 150_000 }, (_, i) => ({ ...card, criteria, filePath: `r/${i}.md` }));
    const lines = formatScorecards(cards, 'en').split('\n');
    // The header, then a row per report, its file name padded to the widest (r/149999.md).
    expect(lines[1]!.startsWith('r/0.md      ')).toBe(true);
    expect(lines[150_000]!.startsWith('r/149999.md ')).toBe(true);
    expect(lines[1]!.length).toBe(lines[150_000]!.length);
  }, 60_000);
});
