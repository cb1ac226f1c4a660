import { parse } from '@fzlint/parser';
import { describe, expect, it } from 'vitest';
import { findProse, flattenSections, planRanges } from './outline.js';

const text = [
  '2021年,桐乡市人民政府在市委的正确领导下,完善组织领导,强化责任担当。',
  '一、2021年推进法治政府建设工作举措和成效',
  '一是强化工作协调。加强法治桐乡顶层设计和统筹协调。',
  '但对照中央和省市法治政府建设的要求,仍然还存在一些不足。一是个别部门对法治政府建设站位不高。',
  '二、2022年度推进法治政府建设工作思路',
  '(一)加快培养法治人才队伍。仍然还存在一些不足。',
].join('\n');

describe('findProse', () => {
  it('searches once per document, concept and excluded ranges; each call gets the same finding and its own clause range', () => {
    const document = parse(text, { format: 'plaintext' });
    const plan = planRanges(flattenSections(document));
    const first = findProse(document, 'shortcomings-and-causes', plan);
    expect(first).toBeDefined();
    expect(text.slice(first!.clause.start, first!.clause.end)).toBe('仍然还存在一些不足');
    const again = findProse(document, 'shortcomings-and-causes', [...plan]);
    expect(again).toEqual(first);
    expect(again!.clause).not.toBe(first!.clause);
    // Other excluded ranges are another search: the first mention excluded, the plan's is found.
    const outsideFirst = findProse(document, 'shortcomings-and-causes', [first!.sentence.range]);
    expect(outsideFirst!.sentence.range.start).toBeGreaterThan(first!.sentence.range.start);
    // A fresh parse of the same text is searched afresh, with the same result.
    expect(findProse(parse(text, { format: 'plaintext' }), 'shortcomings-and-causes', plan)).toEqual(first);
  });
});
