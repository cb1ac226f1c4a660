import { parse } from '@fzlint/parser';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findProse, flattenSections, numeralRange, planRanges } from './outline.js';

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

describe('numeralRange', () => {
  // What it read before it read in place: the first run of the numeral class in the range's text.
  function byPattern(text: string, start: number, end: number): { start: number; end: number } {
    const m = /[一二三四五六七八九十〇0-9０-９]+/u.exec(text.slice(start, end));
    return m ? { start: start + m.index, end: start + m.index + m[0].length } : { start, end };
  }

  it('finds the numeral of a numbering', () => {
    expect(numeralRange('（十二）', { start: 0, end: 4 })).toEqual({ start: 1, end: 3 });
    expect(numeralRange('前文３．', { start: 2, end: 4 })).toEqual({ start: 2, end: 3 });
    expect(numeralRange('第〇、', { start: 1, end: 3 })).toEqual({ start: 1, end: 2 });
    expect(numeralRange('（甲）', { start: 0, end: 3 })).toEqual({ start: 0, end: 3 });
  });

  it('agrees with the numeral pattern on any text and range', () => {
    const unit = fc.constantFrom('一', '二', '十', '〇', '百', '0', '9', '０', '９', '（', '）', '、', '.', '．', 'a', '𠀀', '\ud800');
    const input = fc.array(unit, { maxLength: 12 }).chain((units) => {
      const text = units.join('');
      return fc.tuple(fc.constant(text), fc.nat(text.length), fc.nat(text.length));
    });
    fc.assert(
      fc.property(input, ([text, a, b]) => {
        const start = Math.min(a, b);
        const end = Math.max(a, b);
        expect(numeralRange(text, { start, end })).toEqual(byPattern(text, start, end));
      }),
      { numRuns: 2000 },
    );
  });
});
