/**
 * Mutation test of the statistics rules. Each corpus report is changed in one
 * number so that a relation a reader sees breaks, and the right rule must fire on
 * the right line (and inside the mutated sentence). The mutations are found by
 * simple patterns of their own, not by the extraction under test:
 *
 * - raise a concluded count (审结/办结/整改/化解/答复) above the received count
 *   (收到/受理/排查/确定) before it, in the same sentence or the one before;
 * - raise the first part after 其中/包括 above its total (same unit);
 * - move a rate by 9 points: up, where that takes it above 100% (rate-out-of-range);
 *   and, separately, down where the sentence (or the one before) states the rate's
 *   concluded count (rate-mismatch);
 * - change a 净增 count after 新增 … 注销 … by 100 (derived-total-mismatch).
 *
 * The share of mutations caught is printed and held above a floor.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from '@fzlint/parser';
import { resolveSettings, runRule } from '@fzlint/rule-api';
import { describe, expect, it } from 'vitest';
import { statisticsRules } from '../src/statistics/index.js';

const CORPUS = join(dirname(fileURLToPath(import.meta.url)), '../../../fixtures/corpus');

/** The share of mutations that must be caught (measured: see the printed summary). */
const FLOOR = 0.9;

interface Mutation {
  readonly file: string;
  readonly kind: string;
  readonly ruleId: string;
  /** Offsets of the numeral to replace, in the original text. */
  readonly start: number;
  readonly end: number;
  readonly replacement: string;
  /** The sentence that holds the mutated number, in the original text. */
  readonly sentenceStart: number;
  readonly sentenceEnd: number;
}

const SENTENCE = /[^。；;！？!?\n]+[。；;！？!?]?/g;
const NUMERAL = String.raw`(\d[\d,]*(?:\.\d+)?)`;
const RECEIVED = new RegExp(String.raw`(?:收到|受理|排查|确定|新收|立案)[^，,。；;\d]{0,14}?${NUMERAL}(件|条|起|个)`, 'g');
const RECEIVED_TEST = new RegExp(RECEIVED.source);
const CONCLUDED = new RegExp(String.raw`(?:审结|办结|结案|化解|整改|答复)[^，,。；;\d]{0,14}?${NUMERAL}(件|条|起|个)`, 'g');
const PARTS = new RegExp(
  String.raw`${NUMERAL}(件|条|起|个|户|家|项|人)[（(，,]*(?:其中|包括)[：:，,]?[^，,。；;\d（(]{0,16}?${NUMERAL}(件|条|起|个|户|家|项|人)`,
  'g',
);
const RATE = new RegExp(String.raw`([\u4e00-\u9fa5“”]{0,12}(?:率|占比))([^，,。；;\d%％]{0,4}?)${NUMERAL}[%％]`, 'g');
const GROWTH_NAME = /增长|增速|增幅|完成|提高|提升|较|同比/;
const RATE_VERB = /办结|审结|结案|整改|化解|答复|调处/g;
const NET = new RegExp(String.raw`新增[^。；;]*?注销[^。；;]*?净增${NUMERAL}(户|家|个)`, 'g');

const num = (s: string): number => Number(s.replace(/,/g, ''));
const toFullWidth = (s: string): string =>
  s.replace(/[0-9.]/g, (c) => (c === '.' ? '．' : String.fromCharCode(c.charCodeAt(0) + 0xfee0)));

function sentences(text: string): { start: number; end: number; text: string }[] {
  return [...text.matchAll(SENTENCE)].map((m) => ({ start: m.index, end: m.index + m[0].length, text: m[0] }));
}

function mutationsOf(file: string, text: string): Mutation[] {
  const out: Mutation[] = [];
  const list = sentences(text);
  list.forEach((s, i) => {
    const prev = list[i - 1];
    const sameLine = prev !== undefined && !text.slice(prev.start, s.start).includes('\n');
    const base = { file, sentenceStart: s.start, sentenceEnd: s.end };
    const at = (m: RegExpMatchArray, group: number): number => s.start + m.index! + m[0].lastIndexOf(m[group]!);

    // Concluded above received: the received count before it in this sentence, else in the previous one.
    for (const c of s.text.matchAll(CONCLUDED)) {
      const before = [...s.text.slice(0, c.index).matchAll(RECEIVED)];
      const r = before[before.length - 1] ?? (sameLine ? [...prev!.text.matchAll(RECEIVED)].pop() : undefined);
      // 件/条/起/个 all count items (确定37件矛盾隐患 … 化解17起).
      if (!r) continue;
      const received = num(r[1]!);
      const start = at(c, 1);
      out.push({
        ...base,
        kind: 'concluded above received',
        ruleId: 'statistics/concluded-exceeds-received',
        start,
        end: start + c[1]!.length,
        replacement: String(received + Math.max(1, Math.round(received / 10))),
      });
    }
    // A part above its total.
    for (const p of s.text.matchAll(PARTS)) {
      if (p[2] !== p[4]) continue;
      const start = at(p, 3);
      out.push({
        ...base,
        kind: 'part above total',
        ruleId: 'statistics/parts-exceed-total',
        start,
        end: start + p[3]!.length,
        replacement: String(num(p[1]!) + 5),
      });
    }
    // A rate moved by 9 points.
    for (const r of s.text.matchAll(RATE)) {
      const name = r[1]!;
      if (!/率$|占比$/.test(name) || GROWTH_NAME.test(name) || GROWTH_NAME.test(r[2]!)) continue;
      const value = num(r[3]!);
      const decimals = (r[3]!.split('.')[1] ?? '').length;
      const start = at(r, 3);
      const mutation = { ...base, start, end: start + r[3]!.length };
      if (value + 9 > 100) {
        out.push({ ...mutation, kind: 'rate above 100%', ruleId: 'statistics/rate-out-of-range', replacement: (value + 9).toFixed(decimals) });
      }
      const verbs = [...name.matchAll(RATE_VERB)].map((v) => v[0]);
      const scope = s.text.slice(0, r.index) + (sameLine ? prev!.text : '');
      // Both counts must be stated: 办结306件,办结率91% alone is not a contradiction.
      const hasCount =
        RECEIVED_TEST.test(scope) &&
        verbs.some((v) => new RegExp(`${v}[^，,。；;\\d%]{0,8}?\\d+(?:件|条|起|个)`).test(scope));
      if (hasCount && value >= 9) {
        out.push({ ...mutation, kind: 'rate moved by 9 points', ruleId: 'statistics/rate-mismatch', replacement: (value - 9).toFixed(decimals) });
      }
    }
    // A net growth that no longer equals 新增 − 注销.
    for (const n of s.text.matchAll(NET)) {
      const start = at(n, 1);
      out.push({
        ...base,
        kind: 'net growth off by 100',
        ruleId: 'statistics/derived-total-mismatch',
        start,
        end: start + n[1]!.length,
        replacement: String(num(n[1]!) + 100),
      });
    }
  });
  return out;
}

// The Markdown versions of the full reports put each paragraph on its own line,
// so there the line check is sharp (full/000 is a single line in plain text).
const files = [
  ...readdirSync(join(CORPUS, 'full')).map((f) => `full/${f}`),
  ...readdirSync(join(CORPUS, 'excerpts')).map((f) => `excerpts/${f}`),
  ...(existsSync(join(CORPUS, 'markdown')) ? readdirSync(join(CORPUS, 'markdown')).map((f) => `markdown/${f}`) : []),
].filter((f) => f.endsWith('.txt') || f.endsWith('.md'));

interface Outcome {
  readonly mutation: Mutation;
  readonly caught: boolean;
  readonly found: readonly string[];
}

function run(m: Mutation, original: string): Outcome {
  const text = original.slice(0, m.start) + m.replacement + original.slice(m.end);
  const shift = m.replacement.length - (m.end - m.start);
  const document = parse(text, { filePath: m.file });
  const settings = resolveSettings(document);
  const line = document.lineIndex.positionAt(m.start).line;
  const diagnostics = statisticsRules.flatMap((rule) => runRule(rule, document, { settings }));
  const caught = diagnostics.some(
    (d) =>
      d.ruleId === m.ruleId &&
      d.start.line === line &&
      d.range.start >= m.sentenceStart &&
      d.range.start < m.sentenceEnd + shift,
  );
  return { mutation: m, caught, found: diagnostics.map((d) => `${d.ruleId}@${d.start.line}`) };
}

describe('statistics mutation test', () => {
  const outcomes: Outcome[] = [];
  for (const file of files) {
    const original = readFileSync(join(CORPUS, file), 'utf8');
    for (const m of mutationsOf(file, original)) {
      outcomes.push(run(m, original));
      // The same change written in full-width digits (１１５), as some reports do.
      outcomes.push(run({ ...m, kind: `${m.kind} (full-width)`, replacement: toFullWidth(m.replacement) }, original));
    }
  }

  it('generates mutations of every kind from the corpus', () => {
    const kinds = new Set(outcomes.map((o) => o.mutation.kind.replace(' (full-width)', '')));
    expect([...kinds].sort()).toEqual(
      ['concluded above received', 'net growth off by 100', 'part above total', 'rate above 100%', 'rate moved by 9 points'].sort(),
    );
  });

  it(`catches at least ${FLOOR * 100}% of the mutations on the right line`, () => {
    const caught = outcomes.filter((o) => o.caught).length;
    const byKind = new Map<string, [number, number]>();
    for (const o of outcomes) {
      const [c, n] = byKind.get(o.mutation.kind) ?? [0, 0];
      byKind.set(o.mutation.kind, [c + (o.caught ? 1 : 0), n + 1]);
    }
    const missed = outcomes
      .filter((o) => !o.caught)
      .map((o) => {
        const m = o.mutation;
        const original = readFileSync(join(CORPUS, m.file), 'utf8');
        return `${m.file} ${m.kind}: ${original.slice(m.sentenceStart, m.sentenceEnd).trim().slice(0, 80)} (${original.slice(m.start, m.end)} → ${m.replacement}) found [${o.found.join(', ')}]`;
      });
    console.log(
      `statistics mutations caught: ${caught}/${outcomes.length} (${((caught / outcomes.length) * 100).toFixed(1)}%)\n` +
        [...byKind].map(([k, [c, n]]) => `  ${k}: ${c}/${n}`).join('\n') +
        (missed.length ? `\nmissed:\n  ${missed.join('\n  ')}` : ''),
    );
    expect(outcomes.length).toBeGreaterThanOrEqual(20);
    expect(caught / outcomes.length).toBeGreaterThanOrEqual(FLOOR);
  });
});
