import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  concepts,
  conceptById,
  conceptOfHeading,
  conceptsInProse,
  chineseNumeralValue,
  numberingSchemes,
  numberUnits,
  unitKind,
  approximationMarkers,
  type ConceptId,
} from '../src/index.js';

const corpus = join(dirname(fileURLToPath(import.meta.url)), '../../../fixtures/corpus');
const NUMBERING = /^\s*(?:[一二三四五六七八九十]+、|[(（][一二三四五六七八九十]+[)）]|\d+[.、．])\s*/;
const strip = (h: string): string => h.replace(NUMBERING, '');

describe('concepts', () => {
  it('lists the five contents of the regulation in order', () => {
    expect(concepts.map((c) => c.id)).toEqual([
      'measures-and-results',
      'shortcomings-and-causes',
      'first-responsible-person',
      'next-year-plan',
      'other',
    ]);
    expect(concepts.filter((c) => c.required).length).toBe(4);
    expect(conceptById['next-year-plan'].regulationWording).toBe('下一年度推进法治政府建设的主要安排');
    for (const c of concepts) {
      expect(c.skeletonHeading.length).toBeGreaterThan(4);
      expect(c.label['zh-CN'].length).toBeGreaterThan(0);
      expect(c.label.en.length).toBeGreaterThan(0);
    }
  });

  // Every top-level heading of the five full reports, read by hand.
  const FULL_HEADINGS: [string, ConceptId][] = [
    ['一、2021年推进法治政府建设工作举措和成效', 'measures-and-results'],
    ['二、党政主要负责人履行推进法治建设第一责任人职责情况', 'first-responsible-person'],
    ['三、2021年推进法治政府建设中存在的问题', 'shortcomings-and-causes'],
    ['四、2022年度推进法治政府建设工作思路', 'next-year-plan'],
    ['一、2021年度法治政府建设工作情况', 'measures-and-results'],
    ['二、2022年度法治政府建设工作重点', 'next-year-plan'],
    ['一、主要举措和成效', 'measures-and-results'],
    ['二、存在的问题和不足', 'shortcomings-and-causes'],
    ['三、2021年工作思路', 'next-year-plan'],
    ['一、2022年法治政府工作开展情况回顾', 'measures-and-results'],
    ['二、2022年度推进法治政府建设存在的不足', 'shortcomings-and-causes'],
    ['三、2022年度党政主要负责人履行推进法治建设第一责任人职责,加强法治政府建设的有关情况', 'first-responsible-person'],
    ['四、2023年度法治政府建设工作重点', 'next-year-plan'],
    ['五、对全市加强法治政府建设的建议', 'other'],
    ['一、党政主要负责人履行推进法治建设第一责任人职责,加强法治政府建设情况', 'first-responsible-person'],
    ['三、2024年工作思路', 'next-year-plan'],
  ];
  it.each(FULL_HEADINGS)('%s → %s', (heading, id) => {
    expect(conceptOfHeading(strip(heading))).toBe(id);
  });

  it('classifies the opening headings of the excerpts', () => {
    const lines = readFileSync(join(corpus, 'excerpts/sections.jsonl'), 'utf8').trim().split('\n');
    const firstHeadings = lines.map((l) => (JSON.parse(l) as { headings: string[] }).headings[0] ?? '');
    const got = new Map<ConceptId | undefined, number>();
    for (const h of firstHeadings) {
      const c = conceptOfHeading(strip(h));
      got.set(c, (got.get(c) ?? 0) + 1);
      // An opening heading is never the plan, the shortcomings or the other content.
      expect(['next-year-plan', 'shortcomings-and-causes', 'other']).not.toContain(c);
    }
    // Generic openings (主要举措和成效, 工作开展情况, 基本情况, 主要工作和成效, 成效显著 …).
    expect(got.get('measures-and-results')).toBe(23);
    // 2021年党政主要负责人履行推进法治建设第一责任人职责工作情况 (e010).
    expect(got.get('first-responsible-person')).toBe(1);
  });

  it('does not classify thematic sub-headings', () => {
    for (const h of ['加强组织领导', '持续深化政府职能转变', '切实履行法治政府建设职责', '依法全面履行政府职能', '深入推进严格规范公正文明执法', '强化法治思维']) {
      expect(conceptOfHeading(h)).toBeUndefined();
    }
  });

  it('recognises the common variants', () => {
    const cases: [string, ConceptId][] = [
      ['工作开展情况', 'measures-and-results'],
      ['主要做法', 'measures-and-results'],
      ['工作情况回顾', 'measures-and-results'],
      ['基本情况', 'measures-and-results'],
      ['存在的差距', 'shortcomings-and-causes'],
      ['存在的短板', 'shortcomings-and-causes'],
      ['不足和原因', 'shortcomings-and-causes'],
      ['存在的问题及原因分析', 'shortcomings-and-causes'],
      ['下一步工作打算', 'next-year-plan'],
      ['2022年工作安排', 'next-year-plan'],
      ['2024年工作计划', 'next-year-plan'],
      ['主要安排', 'next-year-plan'],
      ['其他需要报告的情况', 'other'],
    ];
    for (const [h, id] of cases) expect(conceptOfHeading(h), h).toBe(id);
  });

  it('finds contents in prose', () => {
    expect(conceptsInProse('但与上级要求和群众期盼相比，仍然还存在一些不足。')).toContain('shortcomings-and-causes');
    expect(conceptsInProse('我们也清醒认识到，工作中还存在一些差距和不足。')).toContain('shortcomings-and-causes');
    expect(conceptsInProse('市政府主要负责人认真履行推进法治建设第一责任人职责。')).toContain('first-responsible-person');
    expect(conceptsInProse('下一步，我们将继续深化法治政府建设。')).toContain('next-year-plan');
    expect(conceptsInProse('全年共办理行政复议案件106件。')).toEqual([]);
  });

  it('finds the first-responsible-person and shortcomings contents that 001_… has only in prose', () => {
    const sentences = readFileSync(join(corpus, 'full/001_72ea27b1fd9ec9ba.txt'), 'utf8').split(/(?<=。)/);
    const frp = sentences.filter((x) => conceptsInProse(x).includes('first-responsible-person'));
    // The sentence has the report's own typo 法冶; the pattern does not depend on it.
    expect(frp.map((x) => x.includes('党政主要负责人认真履行推进法冶政府建设第一责任人职责'))).toEqual([true]);
    const short = sentences.filter((x) => conceptsInProse(x).includes('shortcomings-and-causes'));
    expect(short.length).toBe(1);
    expect(short[0]).toContain('仍然还存在一些不足');
  });

  it('finds the shortcomings that 004_… discusses only in a paragraph', () => {
    const lines = readFileSync(join(corpus, 'full/004_5c1a682909791d61.txt'), 'utf8').split('\n');
    const withShortcomings = lines.filter((l) => conceptsInProse(l).includes('shortcomings-and-causes'));
    expect(withShortcomings.length).toBe(1);
    expect(withShortcomings[0]).toContain('但工作仍存在一些差距和不足');
  });
});

describe('heading numbering scheme', () => {
  it('has the four kinds, top level first', () => {
    expect(numberingSchemes.map((s) => [s.kind, s.level])).toEqual([
      ['chinese', 1],
      ['paren-chinese', 2],
      ['arabic', 3],
      ['paren-arabic', 4],
    ]);
  });

  it('matches the written forms and not their look-alikes', () => {
    const match = (kind: string, text: string): boolean => {
      const s = numberingSchemes.find((x) => x.kind === kind);
      if (!s) return false;
      s.pattern.lastIndex = 0;
      return s.pattern.test(text);
    };
    expect(match('chinese', '一、主要举措')).toBe(true);
    expect(match('chinese', '十二．其他')).toBe(true);
    expect(match('chinese', '一是强化')).toBe(false);
    expect(match('paren-chinese', '（一）加强')).toBe(true);
    expect(match('paren-chinese', '(三)加强')).toBe(true);
    expect(match('arabic', '1. 压实')).toBe(true);
    expect(match('arabic', '１．完善')).toBe(true);
    expect(match('arabic', '2、强化')).toBe(true);
    expect(match('arabic', '1.5倍')).toBe(false);
    expect(match('paren-arabic', '（1）明确')).toBe(true);
    expect(match('paren-arabic', '(12)明确')).toBe(true);
  });

  it('names every character a match can start with (firstChars)', () => {
    // Every character of the Basic Latin, CJK punctuation, CJK numerals and full-width forms,
    // followed by each written form with its first character cut off, and by each form whole.
    const firsts = [
      ...Array.from({ length: 0x7f - 0x20 }, (_, i) => String.fromCharCode(0x20 + i)),
      ...Array.from({ length: 0xff5f - 0xff01 }, (_, i) => String.fromCharCode(0xff01 + i)),
      ...'、。〇零一二三四五六七八九十百',
    ];
    const tails = ['、主要', '．其他', '.5倍', ' 二）', '二）', '三)加强', '1）明确', ' 12)', '2、强化', '、', ')', '）'];
    for (const scheme of numberingSchemes) {
      for (const first of firsts) {
        for (const tail of [...tails, ...numberingSchemes.map((s) => s.example)]) {
          scheme.pattern.lastIndex = 0;
          if (scheme.pattern.test(first + tail)) expect(scheme.firstChars, `${scheme.kind}: ${first + tail}`).toContain(first);
        }
      }
      for (const c of scheme.firstChars) expect(firsts, scheme.kind).toContain(c);
    }
  });

  it('computes Chinese numeral values', () => {
    const cases: [string, number][] = [
      ['一', 1], ['十', 10], ['十五', 15], ['二十', 20], ['两百', 200], ['一千二百三十', 1230], ['三万五千', 35000], ['二〇二二', 2022], ['一百零五', 105],
    ];
    for (const [t, v] of cases) expect(chineseNumeralValue(t), t).toBe(v);
    expect(chineseNumeralValue('法治')).toBeUndefined();
  });
});

describe('number vocabulary', () => {
  it('orders units longest first where one is a prefix of another', () => {
    const idx = (t: string): number => numberUnits.findIndex((u) => u.text === t);
    expect(idx('人次')).toBeLessThan(idx('人'));
    expect(idx('个百分点')).toBeLessThan(idx('个'));
    expect(idx('万元')).toBeLessThan(idx('元'));
  });
  it('knows unit kinds and approximation marks', () => {
    expect(unitKind('件')).toBe('count');
    expect(unitKind('%')).toBe('percent');
    expect(unitKind('万元')).toBe('money');
    expect(approximationMarkers).toEqual(expect.arrayContaining(['余', '多', '近', '约', '以上', '左右', '超过']));
  });
});
