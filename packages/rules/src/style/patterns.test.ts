import { domainTypoEntries, officialNameEntries, wordingEntries } from '@fzlint/ontology';
import { describe, expect, it } from 'vitest';
import { patternHints } from './wording.js';

describe('patternHints', () => {
  it('keeps the words every match must contain', () => {
    expect(patternHints(String.raw`(?<![体])个工商户`)).toEqual(['个工商户']);
    expect(patternHints(String.raw`经济[\s\u3000]+会发展`)).toEqual(['会发展']);
    expect(patternHints('向(?:其)?上一级主管部门|上级主管部门')).toEqual(['上一级主管部门', '上级主管部门']);
  });

  it('leaves out a character made optional, and gives no words when an alternative has none', () => {
    expect(patternHints('依法治?国')).toEqual(['依法']);
    expect(patternHints('法*治理')).toEqual(['治理']);
    expect(patternHints('法治|[0-9]+')).toEqual([]);
  });

  it('every built-in entry’s wrong example matches and holds one of its words', () => {
    for (const e of [...domainTypoEntries, ...officialNameEntries, ...wordingEntries]) {
      const hints = patternHints(e.pattern);
      const example = 'wrongExample' in e ? e.wrongExample : undefined;
      if (!example || hints.length === 0) continue;
      for (const m of example.matchAll(new RegExp(e.pattern, 'gu'))) {
        expect(hints.some((h) => m[0].includes(h)), `${e.id}: ${m[0]}`).toBe(true);
      }
    }
  });
});
