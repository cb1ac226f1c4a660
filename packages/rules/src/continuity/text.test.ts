/**
 * The pieces under the continuity rules: the normaliser, the passages of a
 * report, the window comparison, the generated boilerplate list (no drift from
 * the corpus), and the rules on random input with a random last-year report
 * (never throw, every range inside its own text).
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { COMMON_CORPUS_PHRASES } from '@fzlint/ontology';
import { parse } from '@fzlint/parser';
import { resolveSettings, runRule } from '@fzlint/rule-api';
import { describe, expect, it } from 'vitest';
import { boilerplateOf } from './boilerplate.js';
import { comparePassage, previousIndex } from './copies.js';
import { continuityRules } from './index.js';
import { passagesOf } from './passages.js';
import { normalize, SHINGLE, windowHashes, type WindowSet } from './text.js';

const HERE = dirname(fileURLToPath(import.meta.url));

describe('normalize', () => {
  it('keeps wording only, folds full width, masks years and numbers, and maps back to the source', () => {
    const source = '2022年，全县共受理行政复议案件１,436件（同比增长12.5%）；二〇二二年度ＡＢＣ。';
    const n = normalize(source);
    expect(n.text).toBe('Y年全县共受理行政复议案件#件同比增长#Y年度abc');
    expect(n.offsets.length).toBe(n.text.length);
    // Each kept character points at where it starts in the source.
    expect(source[n.offsets[2]!]).toBe('全');
    expect(source.slice(n.offsets[n.text.indexOf('#')]!)).toMatch(/^１,436件/);
    expect(source.slice(n.offsets[n.text.lastIndexOf('Y')]!)).toMatch(/^二〇二二年/);
  });

  it('reads a year only as four digits 19xx/20xx (a count of 2000 people or 12345 is a number)', () => {
    expect(normalize('1999年 2035年 3000人 12345 202').text).toBe('Y年Y年#人##');
  });

  it('normalises a slice, with offsets into the whole text', () => {
    const source = '开头。正文第二句。';
    const n = normalize(source, 3, source.length);
    expect(n.text).toBe('正文第二句');
    expect(n.offsets[0]).toBe(3);
  });

  it('hashes every window of eight characters; equal windows hash equal, others practically never', () => {
    expect(windowHashes('短').length).toBe(0);
    const h = windowHashes('法治政府建设工作情况法治政府建设工作情况');
    expect(h.length).toBe(2 * (20 - SHINGLE + 1));
    expect([h[0], h[1]]).toEqual([h[20], h[21]]);
    // On a whole report: two windows with the same pair of hashes are the same window.
    const text = readFileSync(join(HERE, '../../../../fixtures/corpus/full/003_5b463c698add1c1a.txt'), 'utf8').replace(/\s/g, '');
    const all = windowHashes(text);
    const windows = new Map<string, string>();
    for (let i = 0; 2 * i < all.length; i++) {
      const key = `${all[2 * i]}:${all[2 * i + 1]}`;
      const w = text.slice(i, i + SHINGLE);
      const seen = windows.get(key);
      if (seen !== undefined) expect(seen).toBe(w);
      else windows.set(key, w);
    }
    for (const x of all) expect(Number.isInteger(x) && x >= 0 && x < 2 ** 30).toBe(true);
  });
});

describe('passages', () => {
  it('cuts paragraphs at headings, also headings run together on one line', () => {
    const doc = parse('2022年度某县法治政府建设情况报告 一、主要举措和成效 (一)强化组织领导 全年召开专题会议4次。(二)规范执法行为 全年开展执法检查120次。\n', { format: 'plaintext' });
    const texts = passagesOf(doc).map((p) => doc.text.slice(p.range.start, p.range.end));
    expect(texts).toContain('全年召开专题会议4次。');
    expect(texts).toContain('全年开展执法检查120次。');
    for (const p of passagesOf(doc)) for (const h of doc.headings) expect(p.range.end <= h.range.start || p.range.start >= h.range.end).toBe(true);
  });

  it('joins a web copy’s lines broken mid-sentence, and keeps the section’s concept', () => {
    const doc = parse(['一、2022年工作开展情况', '202', '2', '年，我局认真贯彻', '落实法治政府建设', '各项要求。', '二、存在的问题', '执法力量仍然不足。'].join('\n') + '\n', { format: 'plaintext' });
    const passages = passagesOf(doc);
    expect(passages.map((p) => doc.text.slice(p.range.start, p.range.end).replace(/\n/g, ''))).toEqual(['2022年，我局认真贯彻落实法治政府建设各项要求。', '执法力量仍然不足。']);
    expect(passages.map((p) => p.concept)).toEqual(['measures-and-results', 'shortcomings-and-causes']);
  });

  it('cuts a very long paragraph at sentence ends into pieces of a few hundred characters', () => {
    const sentence = '全县各级行政机关严格落实重大行政决策程序规定,公众参与、专家论证、风险评估、合法性审查和集体讨论决定贯穿决策全过程。';
    const doc = parse(`一、主要举措和成效\n${sentence.repeat(30)}\n`, { format: 'plaintext' });
    const passages = passagesOf(doc);
    expect(passages.length).toBeGreaterThan(2);
    for (const p of passages) expect(p.norm.text.length).toBeLessThanOrEqual(700);
    expect(passages.map((p) => doc.text.slice(p.range.start, p.range.end)).join('')).toBe(sentence.repeat(30));
  });
});

describe('window comparison', () => {
  const previous = parse(
    '一、主要举措和成效\n一是强化工作协调。加强法治桐乡顶层设计和统筹协调,召开市委依法治市委员会第三次会议,研究法治桐乡建设重大问题。\n',
    { format: 'plaintext' },
  );
  const compare = (text: string, boilerplate?: WindowSet) => {
    const doc = parse(`一、主要举措和成效\n${text}\n`, { format: 'plaintext' });
    return comparePassage(passagesOf(doc)[0]!, previousIndex(previous), boilerplate ? { boilerplate } : {});
  };

  it('an unchanged copy repeats all of its wording; a new text none', () => {
    expect(compare('一是强化工作协调。加强法治桐乡顶层设计和统筹协调,召开市委依法治市委员会第四次会议,研究法治桐乡建设重大问题。').similarity).toBeGreaterThan(0.9);
    expect(compare('全年新建村(社区)公共法律服务工作室46个,实现一村一法律顾问全覆盖。').similarity).toBe(0);
  });

  it('boilerplate is neither repeated nor the passage’s own wording', () => {
    const text = '一是强化工作协调。加强法治桐乡顶层设计和统筹协调,全年新建村(社区)公共法律服务工作室46个。';
    const plain = compare(text);
    const withBoiler = compare(text, boilerplateOf(['一是强化工作协调。加强法治桐乡顶层设计和统筹协调']));
    expect(plain.repeatedChars).toBeGreaterThan(0);
    expect(withBoiler.repeatedChars).toBe(0);
    expect(withBoiler.contentChars).toBeLessThan(plain.contentChars);
  });

  it('a shared run shorter than 12 characters (a name) is not counted', () => {
    expect(compare('加强法治桐乡顶层设计,另起炉灶开展全新的工作,形成全新的工作格局和完全不同的做法。').repeatedChars).toBe(0);
  });
});

describe('generated boilerplate', () => {
  it('COMMON_CORPUS_PHRASES is what packages/rules/scripts/common-phrases.mjs makes of fixtures/corpus', async () => {
    // Imported by URL: the scripts are plain .mjs without type declarations.
    const script = (await import(new URL('../../scripts/common-phrases.mjs', import.meta.url).href)) as {
      commonPhrases(reports: unknown[]): string[];
      render(phrases: string[]): string;
      TARGET: string;
    };
    const { corpusReports } = (await import(new URL('../../scripts/corpus.mjs', import.meta.url).href)) as { corpusReports(): unknown[] };
    const phrases = script.commonPhrases(corpusReports());
    expect(phrases).toEqual([...COMMON_CORPUS_PHRASES]);
    expect(readFileSync(script.TARGET, 'utf8')).toBe(script.render(phrases));
    // Formulae every report writes are in it; a unit's own slogan is not.
    expect(phrases.some((p) => p.includes('坚持以习近平新时代中国特色社会主义思想为指导'))).toBe(true);
    expect(phrases.some((p) => p.includes('桐企服'))).toBe(false);
  });
});

describe('random input', () => {
  const corpus = readFileSync(join(HERE, '../../../../fixtures/corpus/full/000_db52c8fa8bf2b1ef.txt'), 'utf8');
  const piece = fc.integer({ min: 0, max: corpus.length }).chain((start) => fc.integer({ min: start, max: Math.min(corpus.length, start + 3000) }).map((end) => corpus.slice(start, end)));
  const text = fc.oneof(fc.string({ unit: 'grapheme', maxLength: 400 }), piece, fc.array(piece, { maxLength: 4 }).map((a) => a.join('\n')));

  it('never throws; every range lies in its own text (related places in last year’s)', () => {
    fc.assert(
      fc.property(text, text, (current, last) => {
        const doc = parse(current, { format: 'plaintext' });
        const prev = parse(last, { format: 'plaintext' });
        for (const rule of continuityRules) {
          for (const d of runRule(rule, doc, { settings: resolveSettings(doc), previous: { document: prev, filePath: 'p.txt' } })) {
            expect(d.range.start >= 0 && d.range.end <= current.length && d.range.start <= d.range.end).toBe(true);
            for (const r of d.related ?? []) {
              const limit = r.filePath !== undefined ? last.length : current.length;
              expect(r.range.start >= 0 && r.range.end <= limit && r.range.start <= r.range.end).toBe(true);
            }
          }
        }
      }),
      { numRuns: 150 },
    );
  });
});
