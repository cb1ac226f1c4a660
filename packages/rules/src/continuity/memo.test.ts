/**
 * The continuity rules' memos for an editor's keystrokes (normalised stretches by their text,
 * comparisons by normalised text): after a chain of edits, every passage and every comparison
 * is what a computation from scratch gives (a memo is never stale, whatever moved).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { PLAN_GENERIC_WORDS } from '@fzlint/ontology';
import { parse } from '@fzlint/parser';
import { describe, expect, it } from 'vitest';
import { comparePassage, MIN_RUN, previousIndex } from './copies.js';
import { passagesOf } from './passages.js';
import { normalize } from './text.js';
import { itemsOf } from './items.js';
import { reportMentions } from './plan-not-reported.js';
import { keySegments, lookupTerms, mentionsIn } from './terms.js';
import { flattenSections, planRanges } from '../structure/outline.js';

const corpus = join(dirname(fileURLToPath(import.meta.url)), '../../../../fixtures/corpus/full');
const reports = readdirSync(corpus)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((f) => readFileSync(join(corpus, f), 'utf8'));

describe('continuity memos under keystrokes', () => {
  it('passages and comparisons after edits equal the ones computed from scratch', () => {
    const previous = parse(reports[0]!, { format: 'plaintext' });
    // The report's own terms are looked up against another parse of it: plan-not-reported keeps
    // one read per last year's report and list of terms, and the plan's terms' read is then carried
    // from edit to edit (the lines the edit left alone kept, shifted).
    const previousForOwn = parse(reports[0]!, { format: 'plaintext' });
    const index = previousIndex(previous);
    const planTerms = itemsOf(previous, 'next-year-plan').flatMap((item) => lookupTerms(keySegments(item.label, PLAN_GENERIC_WORDS)));
    expect(planTerms.length).toBeGreaterThan(10);
    // Terms the report itself holds, across line ends and around numbers too.
    const ownTerms = (text: string): string[] => {
      const n = normalize(text).text;
      const out: string[] = [];
      for (let i = 0; i + 3 <= n.length; i += 97) out.push(n.slice(i, i + 2), n.slice(i + 1, i + 4));
      return out;
    };
    const edit = fc.record({
      at: fc.double({ min: 0, max: 1, noNaN: true }),
      del: fc.integer({ min: 0, max: 4 }),
      // Lines of one or two characters too: a term then runs on over more than the next line.
      insert: fc.constantFrom('', '字', '2023年', '12', '。', '\n', '一、', '，', '共办理案件1,436件', '\n法\n', '\n治\n政府\n'),
    });
    fc.assert(
      fc.property(fc.constantFrom(0, 1, 2), fc.array(edit, { minLength: 1, maxLength: 5 }), (which, edits) => {
        // This year's report: last year's text with a few edits (copies, then typed over), or another report.
        let text = which === 0 ? reports[0]! : `${reports[0]!.slice(0, 3000)}\n${reports[which]!}`;
        for (const e of edits) {
          const start = Math.floor(e.at * text.length);
          text = text.slice(0, start) + e.insert + text.slice(Math.min(text.length, start + e.del));
          const document = parse(text, { format: 'plaintext' });
          for (const p of passagesOf(document)) {
            const fresh = normalize(text, p.range.start, p.range.end);
            expect(p.norm.text).toBe(fresh.text);
            expect([...p.norm.offsets]).toEqual([...fresh.offsets]);
            // Explicit options take the path without the memo: the same values.
            expect(comparePassage(p, index)).toEqual(comparePassage(p, index, { minRun: MIN_RUN }));
          }
          // plan-not-reported's mentions, read line by line, against one pass over the normalised body.
          const body = normalize(text, document.bodyRange.start, document.bodyRange.end);
          const plans = [...planRanges(flattenSections(document))].sort((a, b) => a.start - b.start);
          for (const [terms, last] of [[planTerms, previous], [ownTerms(text), previousForOwn]] as const) {
            const fresh = mentionsIn(body.text, body.offsets, plans, terms);
            expect([...(reportMentions(document, terms, last) as Set<string>)].sort()).toEqual([...(fresh as Set<string>)].sort());
          }
        }
      }),
      { numRuns: Number(process.env.FZLINT_PROP_RUNS ?? 25) },
    );
  }, 120_000);

  it('plan-not-reported keeps its read of the lines an edit left alone: after a chain of keystrokes, the read from scratch', () => {
    const previous = parse(reports[0]!, { format: 'plaintext' });
    const previousForEdges = parse(reports[0]!, { format: 'plaintext' });
    const planTerms = itemsOf(previous, 'next-year-plan').flatMap((item) => lookupTerms(keySegments(item.label, PLAN_GENERIC_WORDS)));
    // Terms running over line ends (the last characters of a line and the first of the next
    // ones), the same list on every edit: the read kept from edit to edit must find them too.
    const edgeTerms = ['法治', '治政', '法治政', '治政府'];
    for (const r of reports.slice(0, 3)) {
      const lines = r.split('\n').map((l) => normalize(l).text).filter((l) => l.length > 0);
      for (let i = 0; i + 1 < lines.length; i += 3) {
        const joined = lines[i]!.slice(-2) + lines[i + 1]!.slice(0, 2);
        for (let j = 0; j + 2 <= joined.length; j++) edgeTerms.push(joined.slice(j, j + 2), joined.slice(j, j + 3));
      }
    }
    // Keystrokes near line ends mostly (where a term runs on into the next lines), some anywhere.
    const edit = fc.record({
      line: fc.nat({ max: 100_000 }),
      back: fc.integer({ min: -6, max: 3 }),
      del: fc.integer({ min: 0, max: 3 }),
      insert: fc.constantFrom('', '字', '法', '治', '政府', '\n', '。', '2023年', '\n法\n', '\n治\n政府\n', '\n\n'),
    });
    fc.assert(
      fc.property(fc.constantFrom(0, 1, 2), fc.array(edit, { minLength: 5, maxLength: 30 }), (which, edits) => {
        let text = which === 0 ? reports[0]! : `${reports[0]!.slice(0, 3000)}\n${reports[which]!}`;
        for (const e of edits) {
          const ends = [...text.matchAll(/\n/gu)].map((m) => m.index);
          const at = Math.max(0, Math.min(text.length, (ends[e.line % ends.length] ?? text.length) + e.back));
          text = text.slice(0, at) + e.insert + text.slice(Math.min(text.length, at + e.del));
          const document = parse(text, { format: 'plaintext' });
          const body = normalize(text, document.bodyRange.start, document.bodyRange.end);
          const plans = [...planRanges(flattenSections(document))].sort((a, b) => a.start - b.start);
          // (One read is kept per last year's report: each list of terms is looked up against a parse of its own.)
          for (const [terms, last] of [[planTerms, previous], [edgeTerms, previousForEdges]] as const) {
            const fresh = mentionsIn(body.text, body.offsets, plans, terms);
            expect([...(reportMentions(document, terms, last) as Set<string>)].sort()).toEqual([...(fresh as Set<string>)].sort());
          }
        }
      }),
      { numRuns: Number(process.env.FZLINT_PROP_RUNS ?? 25) },
    );
  }, 120_000);

  it('plan-not-reported takes a paste of 200,000 lines into a kept read (the read from scratch, no call overflow)', () => {
    const previous = parse(reports[0]!, { format: 'plaintext' });
    const terms = ['法治', '政府', '依法行政'];
    const text = reports[0]!;
    const before = parse(text, { format: 'plaintext' });
    reportMentions(before, terms, previous);
    // Pasted in the body's middle, at a line start: every other line is kept, the pasted ones read.
    const at = text.lastIndexOf('\n', Math.floor(text.length / 2)) + 1;
    expect(at).toBeGreaterThan(before.bodyRange.start);
    const pasted = `${text.slice(0, at)}${'法治政府\n'.repeat(200_000)}${text.slice(at)}`;
    const document = parse(pasted, { format: 'plaintext' });
    const body = normalize(pasted, document.bodyRange.start, document.bodyRange.end);
    const plans = [...planRanges(flattenSections(document))].sort((a, b) => a.start - b.start);
    const fresh = mentionsIn(body.text, body.offsets, plans, terms);
    expect([...(reportMentions(document, terms, previous) as Set<string>)].sort()).toEqual([...(fresh as Set<string>)].sort());
  }, 120_000);
});
