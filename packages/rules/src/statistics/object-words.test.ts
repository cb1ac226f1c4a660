/**
 * The hand-read cleaning of an object's words (`cleanObjectTextOnce`) and the alias look-up
 * of a phrase's head (`headMetricObject`) against the regular expressions and slices they
 * replaced, kept here word for word as the oracle.
 */
import fc from 'fast-check';
import { METRIC_OBJECTS, SCOPE_WORDS, type MetricObject } from '@fzlint/ontology';
import { describe, expect, it } from 'vitest';
import { cleanObjectTextOnce, headMetricObject } from './mentions.js';

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
function alternation(words: readonly string[]): string {
  return [...words].sort((a, b) => b.length - a.length).map(escapeRegExp).join('|');
}
const OBJECT_FILLER =
  /^(?:[、，,：:\s]|了|共计|共|总计|合计|累计|全部|依法|已|各类|各种|各项|各|出|到|的|其中|包括|含|分别为|分别是|分别|均|有|等)+/;
const OBJECT_TAIL_FILLER = /(?:的|等|共计|共|合计|总计|累计|达|为|计|了)+$/;
const SCOPE_RE = new RegExp(alternation(SCOPE_WORDS), 'g');

function cleanByRegex(s: string): string {
  let t = s.trim().replace(/[“”"'‘’《》\s]/g, '');
  t = t.replace(OBJECT_FILLER, '').replace(OBJECT_TAIL_FILLER, '');
  SCOPE_RE.lastIndex = 0;
  t = t.replace(SCOPE_RE, '');
  return t.replace(OBJECT_FILLER, '');
}

const ALIASES_LONGEST = METRIC_OBJECTS.flatMap((m) => m.aliases.map((alias) => ({ alias, metric: m }))).sort(
  (a, b) => b.alias.length - a.alias.length,
);
const METRIC_BY_ALIAS = new Map([...ALIASES_LONGEST].reverse().map((a) => [a.alias, a.metric]));
const ALIAS_LENGTHS = [...new Set(ALIASES_LONGEST.map((a) => a.alias.length))];

function headBySlices(phrase: string): MetricObject | undefined {
  for (const length of ALIAS_LENGTHS) {
    if (length > phrase.length) continue;
    const metric = METRIC_BY_ALIAS.get(length === phrase.length ? phrase : phrase.slice(phrase.length - length));
    if (metric) return metric;
  }
  return undefined;
}

const FILLERS = ['、', '，', ',', '：', ':', '了', '共计', '共', '总计', '合计', '累计', '全部', '依法', '已', '各类', '各种', '各项', '各', '出', '到', '的', '其中', '包括', '含', '分别为', '分别是', '分别', '均', '有', '等'];
const TAIL = ['的', '等', '共计', '共', '合计', '总计', '累计', '达', '为', '计', '了', '合', '总', '累'];
const OTHER = ['案件', '行政', '复议', '“', '”', '《', '》', "'", ' ', '\u3000', '\n', '\t', '\u00a0', '\ufeff', 'a', '件', '全市', '各级'];

describe('cleanObjectTextOnce', () => {
  it('drops exactly the units /[“”"\'‘’《》\\s]/ matches', () => {
    const differing: number[] = [];
    for (let unit = 0; unit < 0x10000; unit++) {
      const c = String.fromCharCode(unit);
      const expected = /[“”"'‘’《》\s]/.test(c) ? '' : c;
      // Between two units no filler or scope word is made of.
      if (cleanObjectTextOnce(`案${c}件`) !== `案${expected}件`) differing.push(unit);
    }
    expect(differing).toEqual([]);
  });

  it('reads fixed examples as the regular expressions do', () => {
    for (const s of [
      '',
      '  共计 “行政复议”案件的 ',
      '全市共受理',
      '其中全区各类案件合计',
      '各县区行政复议案件总计',
      '依法办理的等',
      '合计计',
      '案件合',
      '案件累计了',
      '分别为全市各级',
      '全市',
      '《条例》',
    ]) {
      expect(cleanObjectTextOnce(s)).toBe(cleanByRegex(s));
    }
  });

  it('agrees with the regular expressions on generated words', () => {
    const piece = fc.constantFrom(...FILLERS, ...TAIL, ...OTHER, ...SCOPE_WORDS);
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 10 }), (pieces) => {
        const s = pieces.join('');
        expect(cleanObjectTextOnce(s)).toBe(cleanByRegex(s));
      }),
      { numRuns: 20_000 },
    );
  });
});

describe('headMetricObject', () => {
  it('finds the longest alias a phrase ends with, as the look-up by every alias length did', () => {
    const phrases = ['', '件', ...ALIASES_LONGEST.map((a) => a.alias)];
    for (const a of ALIASES_LONGEST) phrases.push(`全市${a.alias}`, `${a.alias}数`, a.alias.slice(1), a.alias.slice(0, -1));
    for (const p of phrases) expect(headMetricObject(p)).toBe(headBySlices(p));
  });

  it('agrees on generated phrases', () => {
    const piece = fc.constantFrom(...ALIASES_LONGEST.map((a) => a.alias), ...ALIASES_LONGEST.map((a) => a.alias.slice(1)), '的', '件', '全市', 'a');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 4 }), (pieces) => {
        const p = pieces.join('');
        expect(headMetricObject(p)).toBe(headBySlices(p));
      }),
      { numRuns: 5_000 },
    );
  });
});
