import { describe, expect, it } from 'vitest';
import { chineseHeadingNumerals, chineseNumeralValue } from '../src/index.js';

// The definition by string-keyed tables that chineseNumeralValue replaced (a table by UTF-16 unit): the
// reference the table must agree with, for every text.
const DIGIT_VALUES: Readonly<Record<string, number>> = {
  〇: 0, 零: 0, 一: 1, 壹: 1, 二: 2, 贰: 2, 两: 2, 俩: 2, 三: 3, 叁: 3, 四: 4, 肆: 4,
  五: 5, 伍: 5, 六: 6, 陆: 6, 七: 7, 柒: 7, 八: 8, 捌: 8, 九: 9, 玖: 9,
};
const SMALL_UNITS: Readonly<Record<string, number>> = { 十: 10, 拾: 10, 百: 100, 佰: 100, 千: 1000, 仟: 1000 };
const BIG_UNITS: Readonly<Record<string, number>> = { 万: 1e4, 亿: 1e8 };

function referenceValue(text: string): number | undefined {
  if (text.length === 0) return undefined;
  if (text.length > 1 && [...text].every((c) => c in DIGIT_VALUES)) {
    let v = 0;
    for (const c of text) v = v * 10 + (DIGIT_VALUES[c] ?? 0);
    return v;
  }
  let total = 0;
  let section = 0;
  let digit: number | undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    const d = DIGIT_VALUES[c];
    if (d !== undefined) {
      digit = d;
      continue;
    }
    const small = SMALL_UNITS[c];
    if (small !== undefined) {
      section += (digit ?? 1) * small;
      digit = undefined;
      continue;
    }
    const big = BIG_UNITS[c];
    if (big !== undefined) {
      section += digit ?? 0;
      total += (section === 0 ? 1 : section) * big;
      section = 0;
      digit = undefined;
      continue;
    }
    return undefined;
  }
  return total + section + (digit ?? 0);
}

const NUMERAL_CHARS = [...Object.keys(DIGIT_VALUES), ...Object.keys(SMALL_UNITS), ...Object.keys(BIG_UNITS)];
// Neighbours of the table's first and last units and of numeral characters, Latin, full-width digits, a
// surrogate pair and a lone surrogate.
const OTHER_CHARS = ['\u3006', '\u3008', '\u96f5', '\u96f7', '\u4dff', '\u4e01', 'a', '1', '１', '年', '个', '𠀀', '\ud800', ' ', '\u0000', '\uffff'];

/** A small deterministic generator (mulberry32): the same texts on every run. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('chineseNumeralValue against its string-keyed definition', () => {
  it('agrees on every text of up to three numeral or neighbouring characters', () => {
    const alphabet = [...NUMERAL_CHARS, ...OTHER_CHARS];
    const texts: string[] = [''];
    for (const a of alphabet) {
      texts.push(a);
      for (const b of alphabet) {
        texts.push(a + b);
        for (const c of NUMERAL_CHARS) texts.push(a + b + c);
      }
    }
    let accepted = 0;
    for (const text of texts) {
      const expected = referenceValue(text);
      if (expected !== undefined) accepted++;
      if (chineseNumeralValue(text) !== expected) expect([text, chineseNumeralValue(text)]).toEqual([text, expected]);
    }
    expect(accepted).toBeGreaterThan(20_000);
  });

  it('agrees on random numerals and random texts up to 12 units', () => {
    const next = random(19);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
    for (let n = 0; n < 200_000; n++) {
      const length = 1 + Math.floor(next() * 12);
      const mostlyNumeral = n % 2 === 0;
      let text = '';
      for (let i = 0; i < length; i++) {
        text += mostlyNumeral || next() < 0.7 ? pick(NUMERAL_CHARS) : next() < 0.5 ? pick(OTHER_CHARS) : String.fromCharCode(Math.floor(next() * 0x10000));
      }
      const expected = referenceValue(text);
      if (chineseNumeralValue(text) !== expected) expect([text, chineseNumeralValue(text)]).toEqual([text, expected]);
    }
  });

  it('agrees on every UTF-16 unit alone and in a digit-by-digit year', () => {
    for (let code = 0; code < 0x10000; code++) {
      const c = String.fromCharCode(code);
      for (const text of [c, c + c, `二〇${c}二`, `十${c}`]) {
        const expected = referenceValue(text);
        if (chineseNumeralValue(text) !== expected) expect([code, text, chineseNumeralValue(text)]).toEqual([code, text, expected]);
      }
    }
  });

  it('keeps the known values', () => {
    expect(chineseHeadingNumerals.map(chineseNumeralValue)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(['十五', '两百', '一千二百三十', '三万五千', '二〇二二', '一亿零五百万', '零'].map(chineseNumeralValue)).toEqual([
      15, 200, 1230, 35000, 2022, 105000000, 0,
    ]);
  });
});
