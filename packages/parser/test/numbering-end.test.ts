import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { chineseNumeralValue, numberingSchemes, toHalfWidthDigits } from '@fzlint/ontology';
import type { HeadingNumbering, NumberingKind } from '../src/model.js';
import { matchNumbering, numberingEnd } from '../src/headings.js';

/** Units of every numbering pattern: numerals, separators, brackets, the white space `\s` takes (and one it does not). */
const units = ['一', '二', '十', '四', '〇', '百', '、', '.', '．', '0', '1', '9', '０', '１', '（', '(', '）', ')', ' ', '\u3000', '\t', '\n', '\u00a0', '\u2028', '\ufeff', '\u200b', 'a', '，'];

describe('numberingEnd', () => {
  it('ends where matchNumbering ends, or is -1 where it finds nothing', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...units), { maxLength: 9 }), fc.nat(3), (parts, pos) => {
        const text = parts.join('');
        expect(numberingEnd(text, pos)).toBe(matchNumbering(text, pos)?.range.end ?? -1);
      }),
      { numRuns: 20000 },
    );
  });

  it('reads the cases the patterns look ahead for', () => {
    for (const [text, end] of [['一、', 2], ['1.5', -1], ['1、2、', -1], ['1、23、', -1], ['1、2', 2], ['0.', -1], ['（00）', -1], ['（ 十二 ）', 6], ['一二三四、', -1], ['12.', 3], ['123.', -1]] as const) {
      expect(numberingEnd(text, 0), text).toBe(end);
    }
  });
});

/**
 * The numbering as the ontology's contract gives it (group 1 the open bracket, group 2 the
 * numeral, group 3 the closing bracket or separator), read from `exec`'s groups. `matchNumbering`
 * reads the same pieces from the text without a match array; this keeps the two in step when a
 * pattern changes.
 */
function numberingByGroups(text: string, pos: number): HeadingNumbering | undefined {
  for (const scheme of numberingSchemes) {
    const re = new RegExp(scheme.pattern.source, scheme.pattern.flags);
    re.lastIndex = pos;
    const m = re.exec(text);
    if (!m) continue;
    const open = m[1] ?? '';
    const numeral = m[2] ?? '';
    const close = m[3] ?? '';
    const han = scheme.kind === 'chinese' || scheme.kind === 'paren-chinese';
    const value = han ? chineseNumeralValue(numeral) : Number(toHalfWidthDigits(numeral));
    if (value === undefined || !Number.isFinite(value) || value < 1) continue;
    const paren = scheme.kind === 'paren-chinese' || scheme.kind === 'paren-arabic';
    const full = paren ? open === '（' && close === '）' : close === '、' || close === '．';
    return { kind: scheme.kind as NumberingKind, value, raw: m[0], range: { start: pos, end: pos + m[0].length }, width: full ? 'full' : 'half' };
  }
  return undefined;
}

describe('matchNumbering', () => {
  it("gives what the patterns' groups give", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...units), { maxLength: 9 }), fc.nat(3), (parts, pos) => {
        const text = parts.join('');
        expect(matchNumbering(text, pos)).toEqual(numberingByGroups(text, pos));
      }),
      { numRuns: 20000 },
    );
  });
});
