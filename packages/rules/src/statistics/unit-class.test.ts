import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { unitClass } from './unit-class.js';

describe('unitClass', () => {
  it('matches exactly the first unit of each of its characters or words, special characters included', () => {
    const chars = [']', '\\', '^', '-', '[', '共计', '合计', '。', ' ', '\u3000'];
    const re = unitClass(chars);
    const firsts = new Set(chars.map((c) => c.charCodeAt(0)));
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0xffff }), (unit) => {
        expect(re.test(String.fromCharCode(unit))).toBe(firsts.has(unit));
      }),
    );
    expect(re.test('计')).toBe(false); // the second unit of 共计 is not in the class
    expect(unitClass('aab').source).toBe('[\\u0061\\u0062]');
  });
});
