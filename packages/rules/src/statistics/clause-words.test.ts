/**
 * The one-scan reading of the words before a count (`readCountWords`, `negationBefore`)
 * against the reading it replaced: each word list's regular expression run on its slice of
 * the text, the last verb found by an exec loop over the prefix, the negation by a regex on
 * the two characters before the verb. Kept here, word for word, as the oracle.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import {
  CARRIED_OVER_WORDS,
  CARRY_OVER_MARKERS,
  COMPARISON_MARKERS,
  FIGURE_SCOPE_WORDS,
  GROWTH_MARKERS,
  METRIC_VERBS,
  NEGATIONS,
  PER_CAPITA_MARKERS,
  SCOPE_WORDS,
  TOTAL_WORDS,
} from '@fzlint/ontology';
import { parse } from '@fzlint/parser';
import { describe, expect, it } from 'vitest';
import { negationBefore, readCountWords } from './clause-words.js';
import { marksCarriedOver, marksTotal, scopesIn } from './figure-words.js';

// The reading before the scan (mentions.ts at 6d44cc9).
function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
function alternation(words: readonly string[]): string {
  return [...words].sort((a, b) => b.length - a.length).map(escapeRegExp).join('|');
}
const DISTRIBUTIVE_RE = /分别(?:为|是|达到|达)\s*$/;
const VERB_RE = new RegExp(alternation(METRIC_VERBS.map((v) => v.text)), 'g');
const NEGATED_RE = new RegExp(`(?:${alternation(NEGATIONS)})$`);
const CARRY_OVER_RE = new RegExp(alternation(CARRY_OVER_MARKERS));
const PER_CAPITA_RE = new RegExp(alternation(PER_CAPITA_MARKERS));
const COMPARISON_RE = new RegExp(alternation(COMPARISON_MARKERS));
const GROWTH_BEFORE_RE = new RegExp(`(?<![净新])(?:${alternation(GROWTH_MARKERS)})(?:了|达|为)?$`);
const PART_LIST_START = /其中|包括|分别为|分别是|[（(，,]含/;

interface Reading {
  notACount: boolean;
  distributiveAt: number;
  verbText: string;
  verbAt: number;
  verbKind: string | undefined;
  partList: boolean;
  carryOver: boolean;
  /** scopesIn(clausePrefix) finds something (the scan may only say "maybe"). */
  scope: boolean;
}

function oracle(text: string, end: number, prefixStart: number, clauseFrom: number, betweenFrom: number): Reading {
  const prefix = text.slice(prefixStart, end);
  const clausePrefix = text.slice(clauseFrom, end);
  VERB_RE.lastIndex = 0;
  let lastVerb: RegExpExecArray | null = null;
  for (let m = VERB_RE.exec(prefix); m; m = VERB_RE.exec(prefix)) lastVerb = m;
  const scopes = scopesIn(clausePrefix);
  return {
    notACount: COMPARISON_RE.test(clausePrefix) || PER_CAPITA_RE.test(clausePrefix) || GROWTH_BEFORE_RE.test(prefix),
    distributiveAt: DISTRIBUTIVE_RE.exec(prefix)?.index ?? -1,
    verbText: lastVerb ? lastVerb[0] : '',
    verbAt: lastVerb ? prefixStart + lastVerb.index : -1,
    verbKind: lastVerb ? METRIC_VERBS.find((v) => v.text === lastVerb[0])?.kind : undefined,
    partList: PART_LIST_START.test(text.slice(betweenFrom, end)),
    carryOver: CARRY_OVER_RE.test(prefix),
    scope: scopes.figure !== undefined || scopes.pairing !== undefined,
  };
}

/** The scan's gates (they may only say "maybe"). */
interface Gates {
  mayScope: boolean;
  mayMarkCarriedOver: boolean;
  mayMarkTotal: boolean;
}

function scanned(text: string, end: number, prefixStart: number, clauseFrom: number, betweenFrom: number): Reading & Gates {
  const w = readCountWords(text, end, prefixStart, text.slice(prefixStart, end), clauseFrom, text.slice(clauseFrom, end), betweenFrom);
  return {
    notACount: w.notACount,
    distributiveAt: w.distributiveAt,
    verbText: w.verbText,
    verbAt: w.verbAt,
    verbKind: w.verb?.kind,
    partList: w.partList,
    carryOver: w.carryOver,
    scope: false,
    mayScope: w.mayScope,
    mayMarkCarriedOver: w.mayMarkCarriedOver,
    mayMarkTotal: w.mayMarkTotal,
  };
}

/**
 * The scan's reading equals the oracle's; where the scan says no scope, carried-over or total word can be
 * there, scopesIn, marksCarriedOver and marksTotal of the clause find none.
 */
function expectSame(text: string, end: number, prefixStart: number, clauseFrom: number, betweenFrom: number): void {
  const want = oracle(text, end, prefixStart, clauseFrom, betweenFrom);
  const { mayScope, mayMarkCarriedOver, mayMarkTotal, ...got } = scanned(text, end, prefixStart, clauseFrom, betweenFrom);
  expect({ ...got, scope: want.scope }, JSON.stringify({ text: text.slice(Math.min(prefixStart, clauseFrom, betweenFrom), end), end, prefixStart, clauseFrom, betweenFrom })).toEqual(want);
  if (!mayScope) expect(want.scope).toBe(false);
  const clausePrefix = text.slice(clauseFrom, end);
  if (!mayMarkCarriedOver) expect(marksCarriedOver(clausePrefix)).toBe(false);
  if (!mayMarkTotal) expect(marksTotal(clausePrefix)).toBe(false);
}

function oracleNegation(text: string, from: number, to: number): string | undefined {
  return NEGATED_RE.exec(text.slice(from, to))?.[0];
}

/** Pieces of clauses: every word the reading looks for, the characters around them, filler and punctuation. */
const PIECES = [
  ...COMPARISON_MARKERS,
  ...PER_CAPITA_MARKERS,
  ...GROWTH_MARKERS,
  ...CARRY_OVER_MARKERS,
  ...CARRIED_OVER_WORDS,
  ...TOTAL_WORDS,
  ...NEGATIONS,
  ...METRIC_VERBS.map((v) => v.text),
  ...SCOPE_WORDS,
  ...FIGURE_SCOPE_WORDS.map((w) => w.text),
  '其中',
  '包括',
  '分别',
  '分别为',
  '分别是',
  '分别达到',
  '含',
  '（',
  '(',
  '，',
  ',',
  '了',
  '达',
  '为',
  '净',
  '新',
  '的',
  '案件',
  '行政复议',
  '市',
  '级',
  '本级',
  ' ',
  '　',
  '结',
  '转',
  '比',
  '同',
  '人',
  '均',
  '上',
  '年',
  '实际',
  '出庭',
  '应',
  '调解',
  '成功',
  '12',
  '件',
];

const clause = fc.array(fc.constantFrom(...PIECES), { minLength: 0, maxLength: 14 }).map((parts) => parts.join(''));

describe('readCountWords: the words before a count in one scan', () => {
  it('reads what the separate expressions read, on generated clauses and ranges', () => {
    fc.assert(
      fc.property(clause, fc.nat(), fc.nat(), fc.nat(), fc.nat(), (text, a, b, c, d) => {
        const end = text.length === 0 ? 0 : d % (text.length + 1);
        const pick = (x: number): number => (end === 0 ? 0 : x % (end + 1));
        expectSame(text, end, pick(a), pick(b), pick(c));
      }),
      { numRuns: 4000 },
    );
  });

  it('reads what the separate expressions read before every number of the corpus reports', () => {
    const dir = join(dirname(fileURLToPath(import.meta.url)), '../../../../fixtures/corpus/full');
    let checked = 0;
    for (const file of readdirSync(dir).sort()) {
      const text = readFileSync(join(dir, file), 'utf8');
      const doc = parse(text, { format: 'plaintext' });
      let previousEnd = 0;
      for (const n of doc.numbers) {
        const end = n.range.start;
        const sentenceStart = doc.sentences[n.sentenceIndex]!.range.start;
        for (const prefixStart of [sentenceStart, Math.max(sentenceStart, previousEnd), Math.max(0, end - 6)]) {
          for (const clauseFrom of [Math.max(sentenceStart, end - 48), Math.max(0, end - 3)]) {
            if (prefixStart > end || clauseFrom > end) continue;
            expectSame(text, end, prefixStart, clauseFrom, Math.max(previousEnd, end - 64));
            checked++;
          }
        }
        previousEnd = n.range.end;
      }
    }
    expect(checked).toBeGreaterThan(1000);
  });

  it('reads a few clauses as the reader needs them', () => {
    const read = (text: string) => scanned(text, text.length, 0, 0, 0);
    expect(read('较上年增加').notACount).toBe(true);
    expect(read('全市人均').notACount).toBe(true);
    expect(read('办结量增长了').notACount).toBe(true);
    expect(read('净增加').notACount).toBe(false);
    expect(read('受理、办结行政复议案件分别为')).toMatchObject({ distributiveAt: 11, verbText: '办结', verbAt: 3 });
    expect(read('实际出庭')).toMatchObject({ verbText: '实际出庭', verbAt: 0 });
    expect(read('其中企业').partList).toBe(true);
    expect(read('上年结转').carryOver).toBe(true);
    expect(read('全市受理').mayScope).toBe(true);
    expect(read('受理').mayScope).toBe(false);
    expect(read('上年结转').mayMarkCarriedOver).toBe(true);
    expect(read('旧存').mayMarkCarriedOver).toBe(true);
    expect(read('共计受理').mayMarkTotal).toBe(true);
    expect(read('全市受理').mayMarkCarriedOver || read('全市受理').mayMarkTotal).toBe(false);
  });
});

describe('negationBefore', () => {
  it('finds the negation the regex finds on the two characters before a verb', () => {
    const pieces = [...NEGATIONS, '予', '尚', '没', '无', '法', '受理', '年', ''];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 5 }), fc.nat(), fc.nat(), (parts, a, b) => {
        const text = parts.join('');
        const to = text.length === 0 ? 0 : a % (text.length + 1);
        const from = Math.max(0, to - (b % 4));
        expect(negationBefore(text, from, to)).toBe(oracleNegation(text, from, to));
      }),
      { numRuns: 3000 },
    );
    expect(negationBefore('不予受理', 0, 2)).toBe('不予');
    expect(negationBefore('未办结', 0, 1)).toBe('未');
    expect(negationBefore('不未', 0, 2)).toBe('未');
  });
});
