/**
 * The sentence split's pre-checks: `splitSentences` reports what each sentence holds (a
 * numeral's or a reference's first character) and `analyzeParagraph` reads numbers and
 * references only in sentences that hold one; and the whole-text line starts read by a
 * native search. Each is checked against the plain reading it stands in for.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createLineIndex, readLineStarts } from '../src/lines.js';
import { extractNumbers, NUMERAL_START_CODES, numeralSpans } from '../src/numbers.js';
import { extractReferences } from '../src/references.js';
import { HOLDS_NUMERAL, HOLDS_REFERENCE_OPENING, splitSentences } from '../src/sentences.js';
import { isSpace } from '../src/text.js';

/** splitSentences before it read what sentences hold (e7a564e), word for word, less the flags. */
function splitSentencesBefore(s: string, start: number, end: number, cuts: readonly number[]): number[] {
  const SENTENCE_END = new Uint8Array(0x10000);
  for (const c of [0x3002, 0xff01, 0xff1f, 0xff1b, 0x21, 0x3f, 0x3b]) SENTENCE_END[c] = 1;
  for (const c of [0x201d, 0x2019, 0x300d, 0x300f, 0xff09, 0x29, 0x22, 0x300b]) SENTENCE_END[c] = 2;
  const out: number[] = [];
  let from = start;
  let ci = 0;
  const push = (a: number, b: number): void => {
    let ts = a;
    let te = b;
    while (ts < te && isSpace(s.charCodeAt(ts))) ts++;
    while (te > ts && isSpace(s.charCodeAt(te - 1))) te--;
    if (te > ts) out.push(ts, te);
  };
  const nCuts = cuts.length;
  for (let i = start; i < end; i++) {
    if (nCuts > 0) {
      while (ci < nCuts && (cuts[ci] as number) < i) ci++;
      if (ci < nCuts && cuts[ci] === i && i > from) {
        push(from, i);
        from = i;
      }
    }
    const c = s.charCodeAt(i);
    if (SENTENCE_END[c] === 1) {
      let j = i + 1;
      while (j < end && SENTENCE_END[s.charCodeAt(j)] === 2) j++;
      push(from, j);
      from = j;
      i = j - 1;
    } else if (c === 10) {
      push(from, i);
      from = i + 1;
    }
  }
  if (from < end) push(from, end);
  return out;
}

const NUMERAL_UNITS = '0123456789０１２３４５６７８９〇零一二两三四五六七八九十百千万亿';
/** Units around what the split and the readers look for: sentence ends, closers, numerals, quotes, spaces, line breaks. */
const unit = fc.constantFrom(
  ...'。！？；!?;”’」』）)"》《“〕】法治件次人名年月日号第约近多余万亿,，.．-、 \u3000\n\r'.split(''),
  ...NUMERAL_UNITS.split(''),
);
const text = fc.array(unit, { maxLength: 80 }).map((units) => units.join(''));

describe('splitSentences', () => {
  it('cuts where the split before it cut (a lone \\r as a \\n), and says what each sentence holds', () => {
    fc.assert(
      fc.property(text, fc.array(fc.nat(), { maxLength: 6 }), fc.nat(), fc.nat(), (s, rawCuts, a, b) => {
        const start = a % (s.length + 1);
        const end = start + (b % (s.length - start + 1));
        const cuts = [...new Set(rawCuts.map((c) => c % (s.length + 1)))].sort((x, y) => x - y);
        const got = splitSentences(s, start, end, cuts);
        // A lone \r now ends a line as \n does (a \r\n split as before: its \r is a trailing space).
        const before = splitSentencesBefore(s.replace(/\r(?!\n)/gu, '\n'), start, end, cuts);
        const bounds: number[] = [];
        for (let k = 0; k < got.length; k += 3) {
          const ts = got[k] as number;
          const te = got[k + 1] as number;
          bounds.push(ts, te);
          const sentence = s.slice(ts, te);
          const numeral = [...sentence].some((ch) => NUMERAL_UNITS.includes(ch));
          const opening = /[《“"]/.test(sentence);
          expect(got[k + 2]).toBe((numeral ? HOLDS_NUMERAL : 0) | (opening ? HOLDS_REFERENCE_OPENING : 0));
        }
        expect(bounds).toEqual(before);
      }),
      { numRuns: 4000 },
    );
  });

  it('a sentence without what the flags name holds no number or reference (so skipping it loses none)', () => {
    fc.assert(
      fc.property(text, (s) => {
        const holds = splitSentences(s, 0, s.length, []).filter((_, k) => k % 3 === 2).reduce((x, y) => x | y, 0);
        if ((holds & HOLDS_NUMERAL) === 0) expect(extractNumbers(s, 0, [], 0)).toEqual([]);
        if ((holds & HOLDS_REFERENCE_OPENING) === 0) expect(extractReferences(s, 0, 0)).toEqual([]);
      }),
      { numRuns: 4000 },
    );
  });
});

describe('NUMERAL_START_CODES', () => {
  it('holds exactly the units a numeral starts at', () => {
    const starts = new Set(NUMERAL_START_CODES);
    const wrong: number[] = [];
    for (let c = 0; c < 0x10000; c++) if (starts.has(c) !== numeralSpans(String.fromCharCode(c)).length > 0) wrong.push(c);
    expect(wrong).toEqual([]);
  });
});

describe('readLineStarts', () => {
  /** The definition: a line ends at \n, \r\n or a lone \r. */
  function lineStartsByUnits(s: string): number[] {
    const starts = [0];
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c === 10) starts.push(i + 1);
      else if (c === 13) {
        if (s.charCodeAt(i + 1) === 10) i++;
        starts.push(i + 1);
      }
    }
    return starts;
  }

  it('gives the line starts of a whole text, with and without \\r, and of a text read from an offset', () => {
    fc.assert(
      fc.property(text, fc.nat(), (s, from) => {
        expect(createLineIndex(s).lineStarts).toEqual(lineStartsByUnits(s));
        const f = from % (s.length + 1);
        const tail: number[] = [];
        expect(readLineStarts(s, f, s.length, tail)).toBe(s.length);
        expect(tail).toEqual(lineStartsByUnits(s).filter((x) => x > f));
      }),
      { numRuns: 3000 },
    );
  });
});
