/**
 * The numbering scheme of Chinese official-document headings
 * (GB/T 9704: 一、 → （一） → 1. → （1）), as data the parser and the
 * structure rules share.
 */

/** Numbering styles of Chinese official-document headings (mirrors the parser's `NumberingKind`). */
export type HeadingNumberingKind = 'chinese' | 'paren-chinese' | 'arabic' | 'paren-arabic';

/** One level of the numbering scheme. */
export interface NumberingScheme {
  readonly kind: HeadingNumberingKind;
  /** The level this numbering normally marks (1 = top). */
  readonly level: number;
  /** Example as the standard writes it. */
  readonly example: string;
  /**
   * Sticky regex (flag `y`) matching the numbering at `lastIndex`.
   * Group 1: open bracket (paren kinds), group 2: the numeral, group 3: closing bracket or separator.
   */
  readonly pattern: RegExp;
}

/** Chinese numeral characters that may form a heading number (一 … 九十九). */
export const CHINESE_DIGITS = '〇零一二三四五六七八九十';

/** Full-width opening brackets. */
export const FULL_WIDTH_OPEN = '（';
/** Full-width closing brackets. */
export const FULL_WIDTH_CLOSE = '）';

/**
 * The scheme, top level first. Patterns are sticky so one scan position can be
 * tested without slicing. `一是` has no separator and never matches; `1.5`
 * is excluded by the look-ahead on the arabic separator.
 */
export const numberingSchemes: readonly NumberingScheme[] = [
  {
    kind: 'chinese',
    level: 1,
    example: '一、',
    pattern: /()([一二三四五六七八九十]{1,3})(、|[．.](?![0-9０-９]))/y,
  },
  {
    kind: 'paren-chinese',
    level: 2,
    example: '（一）',
    pattern: /([（(])\s?([一二三四五六七八九十]{1,3})\s?([）)])/y,
  },
  {
    kind: 'arabic',
    level: 3,
    example: '1.',
    pattern: /()([0-9０-９]{1,2})(、(?![0-9０-９]{1,2}、)|[．.](?![0-9０-９]))/y,
  },
  {
    kind: 'paren-arabic',
    level: 4,
    example: '（1）',
    pattern: /([（(])\s?([0-9０-９]{1,2})\s?([）)])/y,
  },
];

/** The scheme entry of a numbering kind. */
export function numberingScheme(kind: HeadingNumberingKind): NumberingScheme {
  const found = numberingSchemes.find((s) => s.kind === kind);
  if (!found) throw new Error(`unknown numbering kind ${kind}`);
  return found;
}

/** Chinese numeral values for heading numbers 一 … 二十 (and beyond via {@link chineseNumeralValue}). */
export const chineseHeadingNumerals: readonly string[] = [
  '一', '二', '三', '四', '五', '六', '七', '八', '九', '十',
  '十一', '十二', '十三', '十四', '十五', '十六', '十七', '十八', '十九', '二十',
];

const DIGIT_VALUES: Readonly<Record<string, number>> = {
  〇: 0, 零: 0, 一: 1, 壹: 1, 二: 2, 贰: 2, 两: 2, 俩: 2, 三: 3, 叁: 3, 四: 4, 肆: 4,
  五: 5, 伍: 5, 六: 6, 陆: 6, 七: 7, 柒: 7, 八: 8, 捌: 8, 九: 9, 玖: 9,
};
const SMALL_UNITS: Readonly<Record<string, number>> = { 十: 10, 拾: 10, 百: 100, 佰: 100, 千: 1000, 仟: 1000 };
const BIG_UNITS: Readonly<Record<string, number>> = { 万: 1e4, 亿: 1e8 };

/**
 * Value of a Chinese numeral (十五 → 15, 两百 → 200, 一千二百三十 → 1230,
 * 三万五千 → 35000, 二〇二二 → 2022). Returns undefined for text that is not a numeral.
 */
export function chineseNumeralValue(text: string): number | undefined {
  if (text.length === 0) return undefined;
  // Digit-by-digit form (二〇二二) has no unit characters.
  if (text.length > 1 && [...text].every((c) => c in DIGIT_VALUES)) {
    let v = 0;
    for (const c of text) v = v * 10 + (DIGIT_VALUES[c] ?? 0);
    return v;
  }
  let total = 0;
  let section = 0;
  let digit: number | undefined;
  for (const c of text) {
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

/** Converts full-width digits (０-９) to ASCII. */
export function toHalfWidthDigits(text: string): string {
  return text.replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}
