import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { changedSpan } from '../src/index.js';
import { fold, isSpace, SPACE_CODES } from '../src/text.js';

/** The definition: characters compared one by one from each end, the suffix not overlapping the prefix. */
function changedSpanByCharacters(a: string, b: string): { prefix: number; suffix: number } {
  const max = Math.min(a.length, b.length);
  let prefix = 0;
  while (prefix < max && a.charCodeAt(prefix) === b.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  while (suffix < max - prefix && a.charCodeAt(a.length - 1 - suffix) === b.charCodeAt(b.length - 1 - suffix)) suffix++;
  return { prefix, suffix };
}

describe('changedSpan', () => {
  it('equals a comparison character by character, for edits anywhere in a text', () => {
    const unit = fc.constantFrom(...'法治政府2023年件\n\r 一。'.split(''));
    const text = fc.array(unit, { maxLength: 60 }).map((units) => units.join(''));
    fc.assert(
      fc.property(text, fc.nat(), fc.nat(), text, (base, from, length, inserted) => {
        const start = from % (base.length + 1);
        const end = Math.min(base.length, start + (length % 8));
        const next = base.slice(0, start) + inserted + base.slice(end);
        expect(changedSpan(base, next)).toEqual(changedSpanByCharacters(base, next));
        expect(changedSpan(next, base)).toEqual(changedSpanByCharacters(next, base));
      }),
      { numRuns: 2000 },
    );
  });

  it('gives a repeated character to the prefix, not to both ends', () => {
    expect(changedSpan('aaa', 'aaaa')).toEqual({ prefix: 3, suffix: 0 });
    expect(changedSpan('受理12件', '受理12件')).toEqual({ prefix: 5, suffix: 0 });
    expect(changedSpan('受理12件', '受理13件')).toEqual({ prefix: 3, suffix: 1 });
    expect(changedSpan('', '新')).toEqual({ prefix: 0, suffix: 0 });
  });
});

describe('SPACE_CODES', () => {
  it('are exactly the units isSpace holds (the sentence split trims by a table built from them)', () => {
    const codes = new Set(SPACE_CODES);
    const differing: number[] = [];
    for (let c = 0; c < 0x10000; c++) if (codes.has(c) !== isSpace(c)) differing.push(c);
    expect(differing).toEqual([]);
  });
});

describe('fold of a long stretch (the last one is kept)', () => {
  it('gives the same reading as a fresh fold, and never another text’s', () => {
    const a = 'a\n'.repeat(5000);
    const b = 'b\n'.repeat(5000);
    const first = fold(a, 0, a.length);
    expect(fold(a, 0, a.length)).toBe(first);
    expect(first.text).toBe('a'.repeat(5000));
    expect(first.start(10)).toBe(20);
    expect(first.end(10)).toBe(19);
    // Same range, another text: folded afresh.
    expect(fold(b, 0, b.length).text).toBe('b'.repeat(5000));
    // Another range of the first text.
    expect(fold(a, 2, a.length).text).toBe('a'.repeat(4999));
  });
});
