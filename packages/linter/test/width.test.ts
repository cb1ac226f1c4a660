import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { charWidth, displayWidth, padEndDisplay } from '../src/formatters/index.js';

/** The width as it was measured before (a string per code point, one `charWidth` each): the loop over UTF-16 units must agree. */
function byCodePoint(text: string): number {
  let width = 0;
  for (const ch of text) width += charWidth(ch);
  return width;
}

describe('displayWidth', () => {
  it('counts CJK two, combining marks and controls zero, pairs surrogates', () => {
    expect(displayWidth('法治a１')).toBe(7);
    expect(displayWidth('e\u0301\u200b')).toBe(1);
    expect(displayWidth('𠀀x')).toBe(3);
    expect(displayWidth('\ud800x')).toBe(2);
    expect(displayWidth('a\u{e0100}')).toBe(1);
  });

  it('agrees with measuring code point by code point, on any text', () => {
    const text = fc.string({ unit: fc.oneof(fc.constantFrom('法', '，', '１', 'a', '\u0301', '\u200b', '\ufe0f', '😀', '𠀀', '\ud800', '\udc00', '\u0007'), fc.integer({ min: 0, max: 0x10ffff }).map((cp) => String.fromCodePoint(cp))), maxLength: 40 });
    fc.assert(fc.property(text, (s) => displayWidth(s) === byCodePoint(s)));
  });

  it('pads to display columns, with or without the width given', () => {
    expect(padEndDisplay('法a', 5)).toBe('法a  ');
    expect(padEndDisplay('法a', 5, 3)).toBe('法a  ');
    expect(padEndDisplay('法治', 3)).toBe('法治');
  });
});
