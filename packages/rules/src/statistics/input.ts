/**
 * What the statistics analysis reads of a document: its text, sentences and numbers,
 * plus the percentages written in words (百分之九十五, 百分之百, 百分之99.5), which the
 * parser does not read as numbers. Only the statistics read them, so they are added
 * here rather than to every consumer of `ReportDocument.numbers`.
 */
import { approximationPrefixes, chineseNumeralValue, toHalfWidthDigits } from '@fzlint/ontology';
import { documentMemo, type NumberMention, type ReportDocument, type TextRange } from '@fzlint/parser';

/**
 * What the statistics extraction reads of a document: its text, sentences and
 * numbers. A `ReportDocument` is one; the incremental path (`StatisticsCache`)
 * passes one paragraph at a time, with offsets relative to the paragraph.
 */
export interface StatisticsInput {
  readonly text: string;
  readonly sentences: readonly { readonly range: TextRange; readonly paragraphIndex: number }[];
  readonly numbers: readonly NumberMention[];
}

const PERCENT_WORDS = /百分之([零〇一二两三四五六七八九十百]+|[0-9０-９]+)(?:点([零〇一二三四五六七八九]+)|[.．]([0-9０-９]+))?/g;
const DIGIT: Readonly<Record<string, string>> = { 零: '0', 〇: '0', 一: '1', 二: '2', 三: '3', 四: '4', 五: '5', 六: '6', 七: '7', 八: '8', 九: '9' };
const APPROX_BEFORE = new RegExp(`(?:${[...approximationPrefixes].sort((a, b) => b.length - a.length).join('|')})$`);

/**
 * Whether the statistics analysis has anything to read in text[start, end) of a document: one
 * of its numbers, or a percentage written in words. The analysis reads each paragraph on its
 * own and finds nothing in a paragraph without either, so an edit of paragraphs where this is
 * false before and after leaves every count, rate and relation as it was (the language
 * server's incremental lint keeps the statistics rules' findings then).
 */
export function hasStatisticsInput(document: ReportDocument, start: number, end: number): boolean {
  for (const n of document.numbers) if (n.range.end > start && n.range.start < end) return true;
  // Any 百分之 starting in [start, end), not only a reading one: a cheap test that never says no
  // where the reader says yes. Searched within the span (an indexOf from `start` would read to the
  // text's end when there is none: ~100 KB per call on an editor's keystroke).
  return end > start && document.text.slice(Math.max(0, start), end + 2).includes('百分之');
}

/** Index of the sentence holding `offset` (sentences in text order), or -1. */
function sentenceAt(sentences: StatisticsInput['sentences'], offset: number): number {
  let lo = 0;
  let hi = sentences.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sentences[mid]!.range.end <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo < sentences.length && sentences[lo]!.range.start <= offset ? lo : -1;
}

/** The percentages written in words, as percent numbers (百分之九十五 → 95%). */
export function percentWordNumbers(input: StatisticsInput): NumberMention[] {
  const { text } = input;
  const out: NumberMention[] = [];
  if (text.indexOf('百分之') < 0) return out;
  PERCENT_WORDS.lastIndex = 0;
  for (let m = PERCENT_WORDS.exec(text); m; m = PERCENT_WORDS.exec(text)) {
    const whole = m[1]!;
    const arabic = /^[0-9０-９]+$/.test(whole);
    const integer = arabic ? Number(toHalfWidthDigits(whole)) : chineseNumeralValue(whole);
    if (integer === undefined || !Number.isFinite(integer)) continue;
    const fraction = m[2] !== undefined ? [...m[2]].map((c) => DIGIT[c] ?? '').join('') : m[3] !== undefined ? toHalfWidthDigits(m[3]) : '';
    const value = fraction ? Number(`${integer}.${fraction}`) : integer;
    const sentenceIndex = sentenceAt(input.sentences, m.index);
    if (sentenceIndex < 0) continue;
    const before = APPROX_BEFORE.exec(text.slice(Math.max(0, m.index - 2), m.index));
    const start = before ? m.index - before[0].length : m.index;
    const end = m.index + m[0].length;
    const n: { -readonly [K in keyof NumberMention]: NumberMention[K] } = {
      raw: text.slice(start, end),
      range: { start, end },
      valueRange: { start: m.index, end },
      value,
      kind: 'percent',
      approximate: before !== null,
      decimals: fraction.length,
      numeral: arabic ? 'mixed' : 'chinese',
      fullWidth: /[０-９]/.test(m[0]),
      sentenceIndex,
      unit: '%',
    };
    if (before) n.approximateMarker = before[0];
    out.push(n);
  }
  return out;
}

const inputs = documentMemo<StatisticsInput>();

/**
 * The statistics input of a document: the document itself, or, when it writes
 * percentages in words, the same with those percentages among its numbers (a parser
 * number inside one, the 95 of 百分之95, gives way to it). Computed once per document.
 */
export function statisticsInput(document: ReportDocument): StatisticsInput {
  const known = inputs.get(document);
  if (known) return known;
  const extra = percentWordNumbers(document);
  let input: StatisticsInput = document;
  if (extra.length > 0) {
    const added = new Set(extra);
    const numbers: NumberMention[] = [];
    let k = 0;
    for (const n of document.numbers) {
      while (k < extra.length && extra[k]!.range.start <= n.range.start) numbers.push(extra[k++]!);
      const last = numbers[numbers.length - 1];
      if (last && last.range.end > n.range.start && added.has(last)) continue;
      numbers.push(n);
    }
    while (k < extra.length) numbers.push(extra[k++]!);
    input = { text: document.text, sentences: document.sentences, numbers };
  }
  inputs.set(document, input);
  return input;
}
