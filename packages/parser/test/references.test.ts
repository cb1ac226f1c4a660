import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeTitle } from '../src/index.js';
import { TITLE_VARIANT_UNITS } from '../src/references.js';

/** normalizeTitle as it was written before its fast path: seven replaces, always. */
function normalizeAlways(text: string): string {
  return text
    .replace(/[—–－‐‑‒―\-~～]+/g, '—')
    .replace(/[（[［【〔]/g, '(')
    .replace(/[）\]］】〕]/g, ')')
    .replace(/[“”"‘’'「」『』]/g, '"')
    .replace(/[〈<＜]/g, '<')
    .replace(/[〉>＞]/g, '>')
    .replace(/[\s\u3000\u00a0]+/g, '');
}

describe('normalizeTitle', () => {
  it('gives what the seven replaces give, for titles with and without variant characters', () => {
    const unit = fc.constantFrom(...'法治政府建设纲要年2021—–－-~～（(［【〔）)］】〕“”"‘’\'「」『』〈<＜〉>＞ \t\n\u3000\u00a0\u2003'.split(''));
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 30 }), (units) => {
        const text = units.join('');
        expect(normalizeTitle(text)).toBe(normalizeAlways(text));
      }),
      { numRuns: 3000 },
    );
  });
  it('keeps a title without variants as it is, and folds dashes and brackets', () => {
    expect(normalizeTitle('法治政府建设实施纲要')).toBe('法治政府建设实施纲要');
    expect(normalizeTitle('法治政府建设实施纲要（2021－2025年）')).toBe('法治政府建设实施纲要(2021—2025年)');
    expect(normalizeTitle('a——b')).toBe('a—b');
  });
});

describe('normalizeTitle pre-check table', () => {
  it('holds exactly the units the variant regex matches', () => {
    const variants = /[—–－‐‑‒―\-~～（[［【〔）\]］】〕“”"‘’'「」『』〈<＜〉>＞\s\u3000\u00a0]/;
    const wrong: number[] = [];
    for (let c = 0; c < 0x10000; c++) if ((TITLE_VARIANT_UNITS[c] === 1) !== variants.test(String.fromCharCode(c))) wrong.push(c);
    expect(wrong).toEqual([]);
  });
});
