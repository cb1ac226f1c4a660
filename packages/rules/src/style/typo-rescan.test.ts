import { parse } from '@fzlint/parser';
import { createAnalysisCache } from '@fzlint/rule-api';
import { describe, expect, it } from 'vitest';
import { TYPO_CORE_TERMS, typoExclusionWords, visitTypoCandidates } from '@fzlint/ontology';
import { AutomatonBuilder, automatonDepth } from './automaton.js';
import { buildCandidateAutomaton, findTermTypos, typoScanReach } from './domain-typo.js';

// With an analysis cache (an editor) the typo scan is found again only around what changed
// since the last scan; it must find what a scan of the whole body finds, after any edit.
const found = (text: string, cache?: ReturnType<typeof createAnalysisCache>) =>
  findTermTypos(parse(text), cache).map((t) => `${t.range.start}-${t.range.end} ${t.candidate.wrong}`);

// Candidates, blocked words and the right terms, packed so that matches touch and overlap.
const PIECES = [
  '营商环竟', '营商环竟然', '营商环境', '行政复义', '行政复议', '法冶政府', '依法冶炼', '法治政府建设', '合法性审察',
  '规范性文件请理', '行政执法监督', '公共法律服务', '冶', '法', '竟', '营商', '环', '，', '。', '\n', '\n\n', '字', '然',
];

function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function body(next: () => number, n: number): string {
  let out = '';
  for (let i = 0; i < n; i++) out += PIECES[Math.floor(next() * PIECES.length)];
  return out;
}

describe('the typo scan resumed after an edit', () => {
  it('finds what a whole scan finds, over chains of edits', () => {
    const next = random(19);
    const head = '# 2022年度法治政府建设工作情况报告\n\n## 一、主要举措和成效\n\n';
    let checked = 0;
    for (let chain = 0; chain < 40; chain++) {
      const cache = createAnalysisCache();
      let text = head + body(next, 60 + Math.floor(next() * 200));
      expect(found(text, cache)).toEqual(found(text));
      for (let e = 0; e < 12; e++) {
        const at = head.length + Math.floor(next() * (text.length - head.length + 1));
        const cut = next() < 0.5 ? 0 : Math.floor(next() * 12);
        const insert = next() < 0.3 ? '' : body(next, 1 + Math.floor(next() * 3));
        text = text.slice(0, at) + insert + text.slice(Math.min(text.length, at + cut));
        const whole = found(text);
        expect(found(text, cache)).toEqual(whole);
        checked += whole.length;
      }
      // The same cache then scans another text, and this one again.
      expect(found(head + '行政复义', cache)).toEqual(found(head + '行政复义'));
      expect(found(text, cache)).toEqual(found(text));
    }
    expect(checked).toBeGreaterThan(1000);
  });

  it('keeps the matches on both sides of a keystroke in a long paragraph', () => {
    const cache = createAnalysisCache();
    const paragraph = '持续优化营商环竟，办理行政复义案件。'.repeat(200);
    const text = `# 2022年度报告\n\n## 一、主要举措\n\n${paragraph}\n`;
    expect(found(text, cache)).toHaveLength(400);
    const middle = text.indexOf('营商环竟', text.length / 2);
    const typed = `${text.slice(0, middle + 2)}字${text.slice(middle + 2)}`;
    expect(found(typed, cache)).toEqual(found(typed));
    expect(found(typed, cache)).toHaveLength(399);
    expect(found(text, cache)).toHaveLength(400);
  });

  it('reads no further than the longest word', () => {
    let longest = 0;
    visitTypoCandidates((term) => {
      longest = Math.max(longest, term.length);
    });
    for (const word of typoExclusionWords()) longest = Math.max(longest, word.length);
    expect(automatonDepth(buildCandidateAutomaton())).toBe(longest);
    // The rescan's reach, read from the core terms and blocked words: every candidate's term is a core term.
    expect(typoScanReach()).toBe(longest);
    const core = new Set(TYPO_CORE_TERMS);
    const stray: string[] = [];
    visitTypoCandidates((term) => {
      if (!core.has(term)) stray.push(term);
    });
    expect(stray).toEqual([]);
    const small = new AutomatonBuilder<number>();
    small.add('ab', 1);
    small.add('abcde', 2);
    small.add('xbcdefg', 3);
    small.block('q');
    expect(automatonDepth(small.build())).toBe(7);
  });
});
