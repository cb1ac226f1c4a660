/**
 * The incremental statistics extraction (paragraph analyses cached by content and
 * rebased to the document) must give exactly what a cold whole-document pass gives,
 * after any sequence of edits. Each corpus report is parsed, then edited at random
 * through `reparse` (as the language server does): one-character insertions,
 * deletions and replacements, plus snippets that create or break statistics
 * (verbs, units, 其中, sentence and paragraph breaks, whole count sentences).
 * After every edit the cached result is compared, deep and strict, with
 * `extractStatisticsUncached` on the same document.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { parse, reparse, type ReportDocument, type TextEdit } from '@fzlint/parser';
import { describe, expect, it } from 'vitest';
import {
  createStatisticsCache,
  extractStatistics,
  extractStatisticsUncached,
  STATISTICS_CACHE,
  type StatisticsResult,
} from '../src/statistics/relations.js';
import { createAnalysisCache } from '@fzlint/rule-api';

const CORPUS = join(dirname(fileURLToPath(import.meta.url)), '../../../fixtures/corpus');
const FULL = readdirSync(join(CORPUS, 'full'))
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((f) => ({ file: f, text: readFileSync(join(CORPUS, 'full', f), 'utf8') }));

/** What is inserted: single characters that matter to the extraction, and whole statements. */
const SNIPPETS = [
  '件',
  '起',
  '户',
  '1',
  '9',
  '0',
  '，',
  '、',
  '。',
  '；',
  '（',
  '）',
  '\n',
  '\n\n',
  '%',
  '余',
  '的',
  '受理',
  '审结',
  '办结',
  '其中',
  '分别为',
  '上年结转',
  '共收到行政复议案件106件，审结90件，办结率84.9%。',
  '受理、办结信访件分别为50件、45件',
  '新增市场主体300户，注销100户，净增200户。',
  '其中企业12户、个体工商户8户',
];

interface EditSpec {
  readonly at: number;
  readonly kind: 'insert' | 'delete' | 'replace';
  readonly snippet: string;
}

const editSpec: fc.Arbitrary<EditSpec> = fc.record({
  at: fc.nat({ max: 1_000_000 }),
  kind: fc.constantFrom<EditSpec['kind']>('insert', 'delete', 'replace'),
  snippet: fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...SNIPPETS.filter((s) => s.length <= 2)) },
    { weight: 1, arbitrary: fc.constantFrom(...SNIPPETS) },
  ),
});

function toEdit(text: string, spec: EditSpec): TextEdit {
  const start = spec.at % (text.length + 1);
  const end = spec.kind === 'insert' ? start : Math.min(text.length, start + 1);
  return { range: { start, end }, text: spec.kind === 'delete' ? '' : spec.snippet };
}

function check(document: ReportDocument, cached: StatisticsResult): void {
  expect(cached).toStrictEqual(extractStatisticsUncached(document));
}

describe('incremental statistics extraction', () => {
  for (const format of ['plaintext', 'markdown'] as const) {
    it(`equals a cold whole-document pass after random edits (${format})`, () => {
      let hits = 0;
      fc.assert(
        fc.property(fc.constantFrom(...FULL), fc.array(editSpec, { minLength: 1, maxLength: 6 }), (report, specs) => {
          const cache = createStatisticsCache();
          let document = parse(report.text, { format });
          check(document, extractStatistics(document, cache));
          for (const spec of specs) {
            document = reparse(document, [toEdit(document.text, spec)]);
            check(document, extractStatistics(document, cache));
          }
          hits += cache.stats.hits;
        }),
        { numRuns: 30 },
      );
      // The comparison is only meaningful if the cache served paragraphs.
      expect(hits).toBeGreaterThan(0);
    });
  }

  it('re-reads only the edited sentence after a one-character edit', () => {
    const cache = createStatisticsCache();
    const report = FULL[0]!;
    let document = parse(report.text, { format: 'plaintext' });
    extractStatistics(document, cache);
    const first = cache.stats;
    expect(first.hits).toBe(0);
    expect(first.misses).toBeGreaterThan(1);
    const at = document.text.indexOf('审结');
    expect(at).toBeGreaterThan(0);
    document = reparse(document, [{ range: { start: at, end: at }, text: '已' }]);
    const result = extractStatistics(document, cache);
    const next = cache.stats;
    // One paragraph analysed again, and inside it one sentence read again.
    expect([next.hits, next.misses]).toEqual([first.misses - 1, first.misses + 1]);
    expect(next.sentenceMisses - first.sentenceMisses).toBe(1);
    expect(next.sentenceHits - first.sentenceHits).toBeGreaterThan(0);
    check(document, result);
  });

  it('keeps at most `maxChars` characters of text, and still answers exactly', () => {
    const cache = createStatisticsCache(2000);
    for (const report of FULL) {
      let document = parse(report.text, { format: 'plaintext' });
      check(document, extractStatistics(document, cache));
      document = reparse(document, [{ range: { start: 0, end: 0 }, text: '一' }]);
      check(document, extractStatistics(document, cache));
      // The newest entry stays even when it alone is over the budget.
      expect(cache.chars.paragraphs <= 2000 || cache.size === 1).toBe(true);
      expect(cache.chars.sentences).toBeLessThanOrEqual(2000 + report.text.length);
      expect(cache.size).toBeGreaterThan(0);
    }
    cache.clear();
    expect(cache.size).toBe(0);
    expect(cache.stats).toEqual({ hits: 0, misses: 0, sentenceHits: 0, sentenceMisses: 0 });
  });

  it('shares a paragraph analysis between documents that hold the same paragraph', () => {
    const cache = createStatisticsCache();
    const paragraph = '共收到行政复议案件106件，审结90件，办结率84.9%。';
    const a = parse(`一、概况\n${paragraph}\n`, { format: 'plaintext' });
    const b = parse(`二、其他\n前言一段。\n${paragraph}\n`, { format: 'plaintext' });
    check(a, extractStatistics(a, cache));
    const misses = cache.stats.misses;
    const result = extractStatistics(b, cache);
    expect(cache.stats.misses).toBe(misses);
    check(b, result);
    expect(result.relations.map((r) => r.kind)).toEqual(['received-concluded', 'rate']);
  });

  it('does not read a sentence whose numbers state no figure, and passes the context over it', () => {
    const cache = createStatisticsCache();
    // The middle sentence holds a date and a year only; 审结90件 still inherits 行政复议案件 across it.
    const before = parse('共收到行政复议案件106件。2023年3月1日起施行新规定。审结90件。\n', { format: 'plaintext' });
    check(before, extractStatistics(before, cache));
    const read = cache.stats.sentenceMisses + cache.stats.sentenceHits;
    const at = before.text.indexOf('起施行');
    const after = reparse(before, [{ range: { start: at, end: at }, text: '字' }]);
    const result = extractStatistics(after, cache);
    check(after, result);
    expect(result.mentions.map((m) => m.object?.key)).toEqual(['administrative-review-case', 'administrative-review-case']);
    // The paragraph is analysed again; its two count sentences are found, the date sentence is never read.
    expect(cache.stats.sentenceMisses + cache.stats.sentenceHits - read).toBe(2);
    expect(cache.stats.sentenceHits).toBeGreaterThanOrEqual(2);
  });

  it('reads a sentence again when what flows in from the sentence before differs', () => {
    const cache = createStatisticsCache();
    const texts = [
      '共收到行政复议案件106件。审结90件。',
      '全年受理信访件106件。审结90件。',
      '区本级受理行政复议案件6件。审结5件。',
      '全市受理行政复议案件6件。审结5件。',
      '受理行政复议案件6件。审结5件。',
    ];
    const keys = texts.map((text) => {
      const document = parse(text, { format: 'plaintext' });
      const result = extractStatistics(document, cache);
      check(document, result);
      return result.mentions.map((m) => `${m.object?.key}/${m.scope ?? ''}`);
    });
    // 审结… inherits the object and the scope of the sentence before: three different readings.
    expect(keys.map((k) => k[1])).toEqual([
      'administrative-review-case/',
      'petition/',
      'administrative-review-case/区本级',
      'administrative-review-case/',
      'administrative-review-case/',
    ]);
  });

  it('equals a cold pass on paragraphs built from shared sentences, with one cache for all', () => {
    const sentences = [
      '共收到行政复议案件106件',
      '全年受理信访件50件',
      '区本级受理行政复议案件6件',
      '全市新增市场主体300户',
      '审结90件',
      '办结45件',
      '审结5件，办结率83.3%',
      '其中企业12户、个体工商户8户',
      '注销100户',
      '净增200户',
      '上年结转5件',
      '受理、办结信访件分别为50件、45件',
    ];
    const cache = createStatisticsCache(64);
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.constantFrom(...sentences), { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 4 }),
        fc.constantFrom('，', '。'),
        (paragraphs, joiner) => {
          const text = paragraphs.map((p) => `${p.join(joiner)}。`).join('\n');
          const document = parse(text, { format: 'plaintext' });
          check(document, extractStatistics(document, cache));
        },
      ),
      { numRuns: 300 },
    );
    expect(cache.stats.sentenceHits).toBeGreaterThan(0);
  });
});

describe('an explicit analysis cache', () => {
  it('gives the same statistics whole (no cache) and incrementally (a cache passed in), through edits', () => {
    const { text } = FULL[0] as { text: string };
    const whole = parse(text);
    expect(extractStatistics(whole)).toEqual(extractStatisticsUncached(whole));
    const analysisCache = createAnalysisCache();
    let document = parse(text);
    expect(extractStatistics(document, analysisCache)).toEqual(extractStatisticsUncached(document));
    const at = text.indexOf('件');
    expect(at).toBeGreaterThan(0);
    document = reparse(document, [{ range: { start: at, end: at }, text: '余' }]);
    expect(extractStatistics(document, analysisCache)).toEqual(extractStatisticsUncached(document));
    // The cache served the paragraphs the edit left alone.
    const stats = analysisCache.get(STATISTICS_CACHE).stats;
    expect(stats.hits).toBeGreaterThan(0);
    expect(stats.misses).toBeGreaterThan(0);
  });

  it('keeps nothing between lints without a cache', () => {
    const analysisCache = createAnalysisCache();
    const document = parse((FULL[1] as { text: string }).text);
    extractStatistics(document);
    // A lint without the cache leaves it untouched: no process-wide state.
    expect(analysisCache.get(STATISTICS_CACHE).size).toBe(0);
  });
});
