import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lint, rules as builtinRules, type LintOptions, type LintResult } from '../src/index.js';
import { loudRule, overlapRule, shrinkRule, typoRule, wordRule } from './helpers.js';

// Every built-in rule plus the test rules whose fixes converge.
const allRules = [...builtinRules, typoRule, wordRule, loudRule, shrinkRule, overlapRule];

const corpusDir = new URL('../../../fixtures/corpus/full/', import.meta.url);
const corpus = readdirSync(corpusDir)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((f) => readFileSync(new URL(f, corpusDir), 'utf8'));

const PIECES = [
  '# ',
  '## ',
  '一、',
  '（二）',
  '(三)',
  '3.',
  '（1）',
  '2021年',
  '2022年工作打算',
  '存在的问题和不足',
  '主要举措和成效',
  '法冶',
  '法治',
  '依法',
  'aaaa',
  'TODO',
  '收到1,436件，办结1,500件',
  '办结率99.7%',
  '《法治政府建设实施纲要（2015—2020年）》',
  '“七五”普法',
  '长府发〔2020〕9号',
  '<!-- fzlint-disable -->',
  '<!-- fzlint-enable -->',
  '<!-- fzlint-disable-next-line style/test-typo -->',
  '<!-- fzlint-disable-line -->',
  'fzlint-disable-next-line',
  'fzlint-enable style/test-typo -- 原因',
  '<!--',
  '-->',
  '```',
  '---',
  '\n',
  '\n\n',
  '\r\n',
  '。',
  ' ',
  '　',
  '𠮷',
  '\u0301',
  '\uFEFF',
];

const markdownish = fc.array(fc.constantFrom(...PIECES), { maxLength: 60 }).map((parts) => parts.join(''));
const unicode = fc.string({ unit: 'binary', maxLength: 300 });
const path = fc.constantFrom('report.md', 'report.txt');

function checkInvariants(text: string, options: LintOptions): LintResult {
  const result = lint(text, { rules: allRules, ...options });
  const doc = result.document.text;
  expect(result.ruleFailures.filter((f) => f.ruleId === 'fzlint/parser').map((f) => f.error.message)).toEqual([]);
  for (const d of result.diagnostics) {
    expect(d.range.start).toBeGreaterThanOrEqual(0);
    expect(d.range.end).toBeGreaterThanOrEqual(d.range.start);
    expect(d.range.end).toBeLessThanOrEqual(doc.length);
    expect(d.start.line).toBeGreaterThanOrEqual(1);
    expect(d.start.column).toBeGreaterThanOrEqual(1);
    if (d.fix) {
      expect(d.fix.range.start).toBeGreaterThanOrEqual(0);
      expect(d.fix.range.end).toBeLessThanOrEqual(doc.length);
    }
  }
  return result;
}

function checkFixIdempotent(text: string, filePath: string): void {
  const once = lint(text, { rules: allRules, filePath, fix: true });
  const fixed = once.output ?? text;
  const twice = lint(fixed, { rules: allRules, filePath, fix: true });
  // Applying fixes to fixed text changes nothing, and nothing fixable is left (unless the pass bound was hit).
  expect(twice.output ?? fixed).toBe(fixed);
  expect(twice.diagnostics.filter((d) => d.fix).map((d) => `${d.ruleId}: ${d.message}`)).toEqual([]);
}

describe('properties', () => {
  it('random Unicode: lint never throws and every range lies in the text', () => {
    fc.assert(
      fc.property(unicode, path, (text, filePath) => {
        checkInvariants(text, { filePath });
      }),
      { numRuns: 150 },
    );
  });

  it('random Markdown-like reports: invariants hold and fixing twice equals fixing once', () => {
    fc.assert(
      fc.property(markdownish, path, (text, filePath) => {
        checkInvariants(text, { filePath });
        checkInvariants(text, { filePath, fix: true });
        checkFixIdempotent(text, filePath);
      }),
      { numRuns: 150 },
    );
  });

  it('corpus reports cut and spliced at random: invariants hold and fixing is idempotent', () => {
    expect(corpus.length).toBeGreaterThan(0);
    const splice = fc
      .tuple(
        fc.nat({ max: corpus.length - 1 }),
        fc.nat({ max: corpus.length - 1 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
      )
      .map(([a, b, x, y, z]) => {
        const first = corpus[a]!;
        const second = corpus[b]!;
        const cut1 = Math.floor(x * first.length);
        const from = Math.floor(y * second.length);
        const to = from + Math.floor(z * (second.length - from));
        return first.slice(0, cut1) + second.slice(from, to);
      });
    fc.assert(
      fc.property(splice, path, (text, filePath) => {
        checkInvariants(text, { filePath });
        checkFixIdempotent(text, filePath);
      }),
      { numRuns: 25 },
    );
  });
});
