import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { matchNumbering, numberingEnd } from '../src/headings.js';
// The numbering as the patterns' groups give it (read from `exec`: the ontology's contract), as it was read before.
import { matchNumbering as numberingByGroups } from './support/headings-before.js';

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

describe('matchNumbering', () => {
  // It reads a numbering's pieces from the text, not from a match array: this keeps the two in step when a pattern changes.
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
