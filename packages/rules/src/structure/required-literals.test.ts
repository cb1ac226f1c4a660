import { concepts } from '@fzlint/ontology';
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { literalPrecheck, requiredLiterals } from './required-literals.js';

describe('requiredLiterals', () => {
  it('reads runs, alternations and quantifiers', () => {
    expect(requiredLiterals(/第一责任人职责/u)).toEqual(['第一责任人职责']);
    expect(requiredLiterals(/(?:主要)?(?:举措|做法)(?:和|及)成效如下/u)).toEqual(['成效如下']);
    expect(requiredLiterals(/下一年度?/u)).toEqual(['下一年']);
    expect(requiredLiterals(/(?:问题|不足)(?:表现|体现)在/u)).toEqual(['问题', '不足']);
    expect(requiredLiterals(/^(?:存在)?问题$/u)).toEqual(['问题']);
    expect(requiredLiterals(/(?:甲乙){2}/u)).toEqual(['甲乙']);
    // A look-around's characters are not the match's: they are set aside.
    expect(requiredLiterals(/(?<!全面)依法治国(?=委员会)/u)).toEqual(['依法治国']);
    expect(requiredLiterals(/(?<=(?:履行|负责人))第一责任人/u)).toEqual(['第一责任人']);
  });

  it('guarantees nothing for what may be absent', () => {
    expect(requiredLiterals(/(?:问题)?[甲乙]+\d*/u)).toBeUndefined();
    expect(requiredLiterals(/(?:问题|)/u)).toBeUndefined();
    expect(requiredLiterals(/(?:问题)*/u)).toBeUndefined();
  });

  it('gives up on what it does not model', () => {
    expect(requiredLiterals(/(?<name>问题)/u)).toBeUndefined();
    expect(requiredLiterals(/(问题)\1/u)).toBeUndefined();
    expect(requiredLiterals(/abc/iu)).toBeUndefined();
    expect(requiredLiterals(/\bab/u)).toBeUndefined();
  });
});

describe('literalPrecheck', () => {
  it('is false only when no literal is there', () => {
    const check = literalPrecheck([/存在(?:一些)?不足/u, /(?:面临|遇到)困难/u]);
    expect(check('仍存在不足')).toBe(true);
    expect(check('遇到困难')).toBe(true);
    expect(check('存\n在不足')).toBe(false);
    expect(check('工作取得成效')).toBe(false);
  });

  it('is always true when a pattern has no literal', () => {
    expect(literalPrecheck([/存在/u, /[甲乙]+/u])('丙')).toBe(true);
  });

  it('never says no to a text one of the ontology patterns matches', () => {
    const corpus = new URL('../../../../fixtures/corpus/full/', import.meta.url);
    const texts: string[] = [];
    for (const name of readdirSync(corpus)) texts.push(...readFileSync(new URL(name, corpus), 'utf8').split(/[。\n]/u));
    for (const c of concepts) {
      for (const patterns of [c.prosePatterns, c.headingPatterns]) {
        const check = literalPrecheck(patterns);
        for (const text of texts) if (patterns.some((p) => new RegExp(p.source, p.flags.replace(/[gy]/gu, '')).test(text))) expect(check(text), `${c.id}: ${text}`).toBe(true);
        // Each pattern's own matches, sampled: the literal it reports is in every one.
        for (const p of patterns) {
          const own = requiredLiterals(p);
          if (!own) continue;
          for (const text of texts) {
            const m = new RegExp(p.source, p.flags.replace(/[gy]/gu, '')).exec(text);
            if (m) expect(own.some((x) => m[0].includes(x)), `${p.source}: ${m[0]}`).toBe(true);
          }
        }
      }
    }
  });
});
