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

  it('reads patterns by code as the expressions it replaced read them (escapes, line breaks, surrogate pairs)', () => {
    // The regular-expression form patternHints had: the code must give the same hints for any pattern.
    const byExpressions = (pattern: string): string[] => {
      let flat = pattern.replace(/\[(?:\\.|[^\]\\])*\]/gu, '\u0000');
      for (let guard = 0; guard < 20 && /\([^()]*\)/u.test(flat); guard++) flat = flat.replace(/\([^()]*\)/gu, '\u0000');
      const hints: string[] = [];
      for (const alternative of flat.split('|')) {
        const runs = alternative.replace(/\\./gu, '\u0000').replace(/[\u3400-\u9fff](?=[?*{])/gu, '\u0000').match(/[\u3400-\u9fff]+/gu) ?? [];
        const longest = runs.reduce((a, b) => (b.length > a.length ? b : a), '');
        if (!longest) return [];
        hints.push(longest);
      }
      return hints;
    };
    const patterns = [...domainTypoEntries, ...officialNameEntries, ...wordingEntries].map((e) => e.pattern);
    patterns.push('[\\\n法治]国', '[a\\]法]治', '\\\n法', '(法(治)国)家', '法\\\u{1f600}治', '法[治', '法(治', '法\\', '((((((((((((((((((((((法))))))))))))))))))))))治');
    const units = ['法', '治', '\u3400', '\u9fff', '\\', '[', ']', '(', ')', '|', '?', '*', '{', '\n', '\u2028', '\ud83d', '\ude00', 'a'];
    let seed = 12345;
    for (let t = 0; t < 20000; t++) {
      let p = '';
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      for (let n = seed % 14; n > 0; n--) {
        seed = (seed * 1103515245 + 12345) & 0x7fffffff;
        p += units[seed % units.length];
      }
      patterns.push(p);
    }
    for (const p of patterns) expect(patternHints(p), JSON.stringify(p)).toEqual(byExpressions(p));
  });
});
