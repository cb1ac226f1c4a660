import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { bodyOpening, headingEndWords } from '@fzlint/ontology';
import { endsWithHeadingWord, findHeadingsInBlock, mayOpenBody } from '../src/headings.js';
import { endsWithHeadingWord as endsWithHeadingWordBefore, findHeadingsInBlock as findHeadingsBefore } from './support/headings-before.js';

/**
 * Pieces of report text that exercise every branch of the heading search: numberings of each
 * kind (full and half width, glued and spaced), gates (line breaks, sentence ends, colons,
 * emphasis), heading end words, body openings, subjects, and plain prose.
 */
const pieces = [
  '一、', '二、', '十二、', '三.', '四．', '（一）', '(二)', '（ 三 ）', '1.', '2、', '１．', '12.', '1.5', '（1）', '(2)', '（３）',
  '一是', '首先，', '其次', '第一，',
  '\n', '\n\n', ' ', '　', '\t', '。', '！', '？', '!', '?', '；', ';', '：', ':', '，', ',', '、', '**', '__', '*', '_',
  '总结如下：', '报告如下:', '主要表现在：',
  '加强领导', '法治政府建设', '工作情况', '工作计划', '存在的问题', '主要成效', '基本情况', '依法行政', '工作', '建设工作',
  '2022年，', '2023年', '今年以来，', '下一步，', '近年来,', '我局', '我局坚持', '区行政审批局党组高度重视', '在市委领导下，',
  '全面推进依法行政，严格规范公正文明执法', '统一是', '第1批', '共3.5万', '持续深化行政审批制度改革', '《条例》', '(2021—2025年)',
  'abc', '一', '十', '年', '我', '〇', '零',
];

const reportText = fc.array(fc.constantFrom(...pieces), { maxLength: 60 }).map((parts) => parts.join(''));

describe('heading search', () => {
  it('finds what the search before the first-character tables found (differential)', () => {
    let withHeadings = 0;
    fc.assert(
      fc.property(reportText, fc.nat(), fc.nat(), fc.constantFrom('line' as const, 'inline' as const), (text, a, b, origin) => {
        // A block is any slice of the text: what lies outside it must not change what is found.
        const start = text.length === 0 ? 0 : a % (text.length + 1);
        const end = start + (text.length - start === 0 ? 0 : b % (text.length - start + 1));
        expect(findHeadingsInBlock(text, start, end, origin)).toEqual(findHeadingsBefore(text, start, end, origin));
        const whole = findHeadingsInBlock(text, 0, text.length, origin);
        expect(whole).toEqual(findHeadingsBefore(text, 0, text.length, origin));
        if (whole.length > 0) withHeadings++;
      }),
      { numRuns: 3000 },
    );
    // The generator must reach the search's work: many texts hold headings.
    expect(withHeadings).toBeGreaterThan(300);
  });

  it('endsWithHeadingWord, comparing end words in place, says what its slicing form said (differential)', () => {
    // Titles and texts after them of end words, their pieces and other units, so that words end
    // titles and run on across the end in every way.
    const pieces = [...headingEndWords, ...headingEndWords.flatMap((w) => [...w]), '计划', '的', '一、', '2022年', ' ', 'a'];
    const stretch = fc.array(fc.constantFrom(...pieces), { maxLength: 6 }).map((parts) => parts.join(''));
    let ends = 0;
    fc.assert(
      fc.property(stretch, stretch, (title, after) => {
        const found = endsWithHeadingWord(title, after);
        expect(found).toBe(endsWithHeadingWordBefore(title, after));
        if (found) ends++;
      }),
      { numRuns: 5000 },
    );
    // Every end word, then every other cut in two across the title's end.
    for (const w of headingEndWords) {
      for (const v of headingEndWords) {
        for (let k = 1; k < v.length; k++) {
          const title = w + v.slice(0, k);
          const after = v.slice(k);
          expect(endsWithHeadingWord(title, after)).toBe(endsWithHeadingWordBefore(title, after));
        }
      }
    }
    expect(ends).toBeGreaterThan(500);
  });

  it('mayOpenBody admits every unit a body opening can start with', () => {
    // One completion per alternative of bodyOpening: a unit that opens any of them must be admitted.
    const tails = ['022年，', '0年以来，', '〇二二年，', '年以来，', '年度以来，', '年，', '内，', '年来，', '几年以来，', '是', '先，', '局将', '一步，', '阶段，', '后，', '的一年，', '以来，'];
    const missed: string[] = [];
    for (let c = 0; c < 0x10000; c++) {
      if (mayOpenBody(c)) continue;
      const ch = String.fromCharCode(c);
      for (const tail of tails) {
        bodyOpening.lastIndex = 0;
        if (bodyOpening.test(ch + tail)) missed.push(ch + tail);
      }
    }
    expect(missed).toEqual([]);
  });
});
