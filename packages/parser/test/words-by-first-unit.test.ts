import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { WordsByFirstUnit } from '../src/words-by-first-unit.js';

/** What the table stands for: a sticky alternation of the words, longest first, bounded by `end`. */
function byRegex(words: readonly string[], text: string, at: number, end: number): string | undefined {
  const escaped = [...words]
    .sort((a, b) => b.length - a.length)
    .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const re = new RegExp(`(?:${escaped.join('|')})`, 'y');
  re.lastIndex = at;
  return re.exec(text.slice(0, end))?.[0];
}

describe('WordsByFirstUnit', () => {
  it('finds the longest word at a position, as a longest-first alternation does', () => {
    const words = WordsByFirstUnit.of(['万', '万元', '万人次', '亿', '元']);
    expect(words.at('共计3万人次', 3)).toBe('万人次');
    expect(words.at('共计3万元', 3)).toBe('万元');
    expect(words.at('共计3万', 3)).toBe('万');
    expect(words.at('共计3件', 3)).toBeUndefined();
    expect(words.at('万元', 2)).toBeUndefined();
    expect(words.at('万元', -1)).toBeUndefined();
  });

  it('takes only words that end by `end`', () => {
    const words = WordsByFirstUnit.of(['分别为', '分别']);
    expect(words.at('其分别为', 1, 4)).toBe('分别为');
    expect(words.at('其分别为', 1, 3)).toBe('分别');
    expect(words.at('其分别为', 1, 2)).toBeUndefined();
  });

  it('keeps the given order among words of one length, and carries entries with their words', () => {
    const entries = [
      { text: '其中', id: 1 },
      { text: '其他', id: 2 },
      { text: '其中：', id: 3 },
      { text: '其中', id: 4 },
    ];
    const words = new WordsByFirstUnit(entries, (e) => e.text);
    expect(words.at('其中有', 0)?.id).toBe(1);
    expect(words.at('其中：有', 0)?.id).toBe(3);
    expect(words.at('其他', 0)?.id).toBe(2);
  });

  it('answers the first-unit test and lists the first units', () => {
    const words = WordsByFirstUnit.of(['全市', '各县', '全省', '我市']);
    expect(words.firstUnits()).toEqual(['全', '各', '我'].map((c) => c.charCodeAt(0)));
    const starting: number[] = [];
    for (let unit = 0; unit < 0x10000; unit++) if (words.startsWith(unit)) starting.push(unit);
    expect(starting).toEqual([0x5168, 0x5404, 0x6211]);
  });

  it('rejects an empty word and more than 255 first units', () => {
    expect(() => WordsByFirstUnit.of(['件', ''])).toThrow(/empty/);
    const many = Array.from({ length: 256 }, (_, k) => String.fromCharCode(0x4e00 + k));
    expect(() => WordsByFirstUnit.of(many)).toThrow(/255/);
    expect(() => WordsByFirstUnit.of(many.slice(0, 255))).not.toThrow();
  });

  it('agrees with the alternation at every position and bound of generated texts', () => {
    const unit = fc.constantFrom('万', '元', '人', '次', '亿', '余', 'a', 'ab', '\ud83d', '\ude00');
    const word = fc.array(unit, { minLength: 1, maxLength: 4 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(
        fc.uniqueArray(word, { minLength: 1, maxLength: 12 }),
        fc.array(unit, { maxLength: 16 }).map((parts) => parts.join('')),
        (list, text) => {
          const words = WordsByFirstUnit.of(list);
          for (let at = 0; at <= text.length; at++) {
            for (let end = at; end <= text.length; end++) {
              expect(words.at(text, at, end)).toBe(byRegex(list, text, at, end));
            }
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});
