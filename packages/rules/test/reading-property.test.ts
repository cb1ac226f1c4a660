/**
 * Reports as archives store them read as the reports themselves.
 * For every plain-text corpus report with Chinese enumerated headings (一、):
 *
 * 1. with all its line breaks removed — one line, as the Pingtan archive stores
 *    pages: a paragraph break becomes the space (or spaces) the archive puts
 *    between paragraphs; a split-line copy's breaks, which fall inside
 *    sentences and words, simply disappear;
 * 2. with its lines broken at random places inside sentences and after every
 *    enumerator (and after the commas of headings), as the Putian archive stores
 *    pages;
 *
 * it yields the same top-level sections and the same warnings and errors as the
 * original. One allowance in (2): a finding whose own words a break falls inside
 * (法\n冶) may go unseen by a rule that reads the raw sentence text; it must never
 * turn into another finding. Fixed seeds and bounded runs keep the test stable.
 */
import { readText, type ReportDocument } from '@fzlint/parser';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { corpusReports, findingKey, lintReport, readReport, warningsAndErrors } from './support/corpus-lint.js';

/** The split-line copies of archive/ (index.jsonl: “broken into … short lines mid-sentence”). */
const SPLIT_LINE = new Set(['archive/m005.txt', 'archive/m006.txt']);
const LINE_BREAK = /[ \t\u3000]*\r?\n[ \t\u3000\r\n]*/gu;

interface Reading {
  readonly sections: string[];
  readonly findings: { key: string; start: number; end: number }[];
}

function read(file: string, text: string): Reading {
  const { document, diagnostics } = lintReport(file, text);
  return {
    sections: topLevel(document),
    findings: warningsAndErrors(diagnostics).map((d) => ({ key: findingKey(text, d), start: d.range.start, end: d.range.end })),
  };
}

/** Top-level sections: numbering, concept and title as read. */
function topLevel(d: ReportDocument): string[] {
  const words = (r: { start: number; end: number } | undefined): string => (r ? readText(d.text, r.start, r.end) : '');
  return d.sections.map((s) => `${words(s.heading.numbering?.range)}|${s.concept ?? ''}|${words(s.heading.titleRange)}`);
}

const sorted = (keys: readonly string[]): string[] => [...keys].sort();

const reports = corpusReports()
  .filter((f) => f.endsWith('.txt'))
  .map((file) => ({ file, text: readReport(file) }))
  .map((r) => ({ ...r, original: read(r.file, r.text), document: lintReport(r.file, r.text).document }))
  .filter((r) => r.document.headings.some((h) => h.numbering?.kind === 'chinese'));

describe('reading property: all line breaks removed (one line)', () => {
  it('covers the corpus reports with Chinese enumerated headings', () => {
    expect(reports.length).toBeGreaterThan(30);
    expect(reports.map((r) => r.file)).toEqual(expect.arrayContaining(['full/000_db52c8fa8bf2b1ef.txt', 'archive/m001.txt', 'archive/m006.txt']));
  });

  for (const { file, text, original } of reports) {
    it(file, () => {
      const separators = SPLIT_LINE.has(file) ? fc.constant('') : fc.constantFrom(' ', '  ', '\u3000', ' \u3000 ');
      fc.assert(
        fc.property(separators, (separator) => {
          const oneLine = text.replace(LINE_BREAK, separator).trim();
          expect(oneLine).not.toMatch(/\n/u);
          const variant = read(file, oneLine);
          expect(variant.sections).toEqual(original.sections);
          expect(sorted(variant.findings.map((f) => f.key))).toEqual(sorted(original.findings.map((f) => f.key)));
        }),
        { seed: 12, numRuns: 2 },
      );
    }, 60_000);
  }
});

describe('reading property: lines broken at random places inside sentences and after every enumerator', () => {
  for (const { file, text, original, document } of reports) {
    // Places a break may go: after each enumerator and each comma of a heading, and between two
    // characters inside a sentence that ends with its full stop (not next to a space).
    const fixed = new Set<number>();
    const ok = (p: number): boolean => p > 0 && p < text.length && !/\s/u.test(text[p - 1]!) && !/\s/u.test(text[p]!);
    for (const h of document.headings) {
      if (h.numbering && ok(h.numbering.range.end)) fixed.add(h.numbering.range.end);
      for (let i = h.range.start; i < h.range.end - 1; i++) if (/[，,]/u.test(text[i]!) && ok(i + 1)) fixed.add(i + 1);
    }
    const sentences = document.sentences.filter((s) => s.text.length >= 4 && /[。！？；!?;][”’」』）)"》]*$/u.test(s.text));
    it(file, () => {
      fc.assert(
        fc.property(fc.array(fc.tuple(fc.nat(), fc.double({ min: 0, max: 1, noNaN: true })), { minLength: sentences.length, maxLength: 2 * sentences.length }), (picks) => {
          const cuts = new Set(fixed);
          for (const [n, at] of picks) {
            const s = sentences[n % sentences.length]!;
            const p = s.range.start + 1 + Math.floor(at * (s.range.end - s.range.start - 2));
            if (ok(p)) cuts.add(p);
          }
          const places = [...cuts].sort((a, b) => a - b);
          let broken = '';
          let last = 0;
          for (const p of places) {
            broken += text.slice(last, p) + '\n';
            last = p;
          }
          broken += text.slice(last);
          const variant = read(file, broken);
          expect(variant.sections, broken.slice(0, 600)).toEqual(original.sections);
          // Nothing new; nothing lost but a finding whose own words a break fell inside.
          const before = new Map<string, number>();
          for (const f of original.findings) before.set(f.key, (before.get(f.key) ?? 0) + 1);
          for (const f of variant.findings) {
            expect(before.get(f.key) ?? 0, `a new finding: ${f.key}`).toBeGreaterThan(0);
            before.set(f.key, before.get(f.key)! - 1);
          }
          for (const f of original.findings) {
            if ((before.get(f.key) ?? 0) === 0) continue;
            const inside = places.some((p) => p > f.start && p < f.end);
            expect(inside, `a finding lost: ${f.key}`).toBe(true);
            before.set(f.key, before.get(f.key)! - 1);
          }
        }),
        { seed: 2026, numRuns: 8 },
      );
    }, 120_000);
  }
});
