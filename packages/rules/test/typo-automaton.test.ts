import { parse } from '@fzlint/parser';
import { describe, expect, it } from 'vitest';
import { findTermTypos } from '../src/style/domain-typo.js';

// The first document of a process is scanned with an automaton of only the candidates
// whose unit pairs occur in it; later documents with the whole one. Both must find the same.
// (A test file of its own: vitest gives it a fresh module, so its first call is the first.)
const first = parse(
  [
    '# 2022年度法治政府建设工作情况报告',
    '',
    '## 一、主要举措和成效',
    '',
    '持续优化营商环竟，办理行政复义案件，推进法冶政府建设，开展规范性文件请理。',
    '督促企业依法冶炼、安全生产。有人说营商环竟然是软实力。对其合法性审察后提出意见。',
    '转发《XX县优化营商环竟的意见》。加强行政执法监督，完善公共法律服务体系。',
    '',
  ].join('\n'),
);
const second = parse('# 2023年度报告\n\n## 一、主要举措\n\n健全矛盾纠纷多元化解机制，行政复议案件依法办理。\n');
const found = (d: ReturnType<typeof parse>) => findTermTypos(d).map((t) => `${t.range.start}-${t.range.end} ${t.candidate.wrong}→${t.candidate.right}`);

describe('the first document’s automaton', () => {
  it('finds what the whole automaton finds', () => {
    const fromFirst = found(first);
    expect(fromFirst.length).toBeGreaterThanOrEqual(3);
    expect(found(first)).toEqual(fromFirst);
    // A second document switches to the whole automaton; the first document again gives the same.
    found(second);
    expect(found(first)).toEqual(fromFirst);
  });
});
