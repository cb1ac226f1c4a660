import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
// @ts-expect-error — a plain .mjs build script
import { generate, loadTables, MODULE_PATH, render } from '../scripts/generate-typos.mjs';
import { TYPO_CORE_TERMS } from '../src/typo-terms.js';
import { TYPO_EXCLUSIONS } from '../src/typo-candidates.js';
import { TYPO_GENERATION, typoCandidateAt, typoCandidates, typoExclusionWords, visitTypoCandidates } from '../src/typos.js';
import { researchWordings } from '../src/catalogue/law-versions.js';
import { WORDING_ENFORCED_BY, wordingEntries } from '../src/wording.js';

describe('generated typo candidates', () => {
  const tables = loadTables();
  it('the committed module is what the generator makes of the terms and tables (no drift)', () => {
    expect(readFileSync(MODULE_PATH, 'utf8')).toBe(render(generate(TYPO_CORE_TERMS, tables)));
  });

  it('holds a few hundred core terms and thousands of candidates, none a real word or a core term', () => {
    expect(TYPO_GENERATION.terms).toBeGreaterThanOrEqual(250);
    const candidates = typoCandidates();
    expect(candidates.length).toBe(TYPO_GENERATION.kept);
    const terms = new Set(TYPO_CORE_TERMS);
    for (const c of candidates) {
      expect(tables.words.has(c.wrong), c.wrong).toBe(false);
      expect(terms.has(c.wrong), c.wrong).toBe(false);
      expect(c.wrong.length).toBe(c.right.length);
      expect(c.wrong[c.at]).not.toBe(c.right[c.at]);
    }
  });

  it('visitTypoCandidates walks the candidates in order without decoding them; the exclusions are the candidates\' own', () => {
    const candidates = typoCandidates();
    let count = 0;
    visitTypoCandidates((term, at, unit, kind, index) => {
      const c = candidates[index]!;
      expect(index).toBe(count++);
      expect(term).toBe(c.right);
      expect(at).toBe(c.at);
      expect(term.slice(0, at) + String.fromCharCode(unit) + term.slice(at + 1)).toBe(c.wrong);
      expect(String.fromCharCode(kind)).toBe(c.kind[0] === 'h' ? 'h' : c.kind[0] === 'l' ? 'l' : 'b');
    });
    expect(count).toBe(candidates.length);
    // style/domain-typo blocks typoExclusionWords(): the same words as the candidates' `exclude` lists.
    const wrong = new Set(candidates.map((c) => c.wrong));
    for (const key of Object.keys(TYPO_EXCLUSIONS)) expect(wrong.has(key), key).toBe(true);
    expect([...typoExclusionWords()].sort()).toEqual(candidates.flatMap((c) => c.exclude ?? []).sort());
  });

  it('typoCandidateAt decodes one candidate alone, the same as typoCandidates() at that index', () => {
    // Out of order first (its term look-up is a search), then every index.
    const candidates = typoCandidates();
    for (const index of [candidates.length - 1, 0, 4321, 1, 4320]) expect(typoCandidateAt(index)).toStrictEqual(candidates[index]);
    for (let index = 0; index < candidates.length; index++) expect(typoCandidateAt(index)).toStrictEqual(candidates[index]);
    // The same object when asked again (a hit's candidate is decoded once).
    expect(typoCandidateAt(4321)).toBe(typoCandidateAt(4321));
    expect(() => typoCandidateAt(candidates.length)).toThrow(RangeError);
    expect(() => typoCandidateAt(-1)).toThrow(RangeError);
  });

  it('keeps the classic misspellings and drops the real words', () => {
    const wrong = new Map(typoCandidates().map((c) => [c.wrong, c]));
    expect(wrong.get('法冶政府')).toMatchObject({ right: '法治政府', kind: 'lookalike' });
    expect(wrong.get('营商环竟')?.right).toBe('营商环境');
    expect(wrong.get('规范性文建')?.right).toBe('规范性文件');
    expect(wrong.get('行政许科')?.right).toBe('行政许可');
    // 法制政府 holds 法制 (a word), 合法性审察 holds 审察: not typos a linter may be sure of.
    expect(wrong.has('法制政府')).toBe(false);
    expect(wrong.has('合法性审察')).toBe(false);
    // A changed first character that can end the word before it (缺乏治意识) is dropped.
    expect(wrong.has('乏治意识')).toBe(false);
  });
});

describe('wording records', () => {
  it('every research record is enforced by style/wording or by a named rule', () => {
    const mine = new Set(wordingEntries.map((w) => w.id));
    for (const r of researchWordings) expect(mine.has(r.id) || WORDING_ENFORCED_BY[r.id] !== undefined, r.id).toBe(true);
  });

  it('each pattern matches its wrong example and not its right one; only confirmed records are fixed', () => {
    for (const w of wordingEntries) {
      const re = new RegExp(w.pattern, 'u');
      expect(re.test(w.wrongExample), w.pattern).toBe(true);
      expect(re.test(w.rightExample), w.pattern).toBe(false);
      if (w.replacement !== undefined) expect(w.wrongExample.replace(re, w.replacement), w.pattern).toBe(w.rightExample.replace(/[“”]/gu, '') === w.rightExample ? w.rightExample : w.wrongExample.replace(re, w.replacement));
    }
  });
});
