import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { catalogueCounts, renderCatalogueMarkdown } from '../src/catalogue/doc.js';
import { builtinCatalogue, CATALOGUE_REVIEWED } from '../src/catalogue/entries.js';
import { formatCatalogue, searchCatalogue, titleCompletions } from '../src/catalogue/query.js';

const DOC = new URL('../../../docs/catalogue.md', import.meta.url);

describe('docs/catalogue.md', () => {
  it('is generated from the data (run with FZLINT_UPDATE_DOCS=1 to regenerate)', () => {
    const text = renderCatalogueMarkdown();
    if (process.env['FZLINT_UPDATE_DOCS'] === '1') writeFileSync(DOC, text);
    expect(existsSync(DOC)).toBe(true);
    expect(readFileSync(DOC, 'utf8')).toBe(text);
  });

  it('states the review date and counts every entry once', () => {
    const text = renderCatalogueMarkdown();
    expect(text).toContain(CATALOGUE_REVIEWED);
    const counts = catalogueCounts();
    const total = Object.values(counts).reduce((n, byConfidence) => n + Object.values(byConfidence).reduce((a, b) => a + b, 0), 0);
    expect(total).toBe(builtinCatalogue.length);
  });
});

describe('catalogue search (fzlint catalogue [query])', () => {
  it('行政处罚法 shows every version with its dates and sources', () => {
    const [first] = searchCatalogue('行政处罚法');
    expect(first!.id).toBe('lv-xingzhengchufafa');
    expect(first!.versions!.map((v) => v.label || v.kind)).toEqual(['制定', '2009年修正', '2017年修正', '2021年修订']);
    expect(first!.versions!.every((v) => v.source)).toBe(true);
    const text = formatCatalogue([first!]);
    for (const date of ['1996-03-17', '2009-08-27', '2018-01-01', '2021-07-15']) expect(text).toContain(date);
    expect(text).toContain('LawRefBook');
  });

  it('finds by full name, short name, alias and former id; ignores 《》 and the 中华人民共和国 prefix', () => {
    expect(searchCatalogue('《中华人民共和国行政复议法》')[0]!.id).toBe('lv-xingzhengfuyifa');
    expect(searchCatalogue('law-xzcf-2021')[0]!.id).toBe('lv-xingzhengchufafa');
    expect(searchCatalogue('扫黑除恶').map((l) => l.id)).toEqual(expect.arrayContaining(['cp-saohei-zhuanxiang', 'cp-saohei-changtaihua']));
    expect(searchCatalogue('', { kinds: ['campaign'] })).toHaveLength(24);
    expect(searchCatalogue('环境保护法')[0]!.successor!.name).toBe('《中华人民共和国生态环境法典》');
    expect(searchCatalogue('扫黑除恶专项斗争')[0]!.period).toEqual({ from: '2018-01', until: '2020-12-31' });
  });

  it('lists in English too', () => {
    expect(formatCatalogue(searchCatalogue('行政复议法', { limit: 1 }), 'en')).toContain('in force 2024-01-01');
  });
});

describe('completion after 《', () => {
  it('offers the current full title with the version in force for the report year', () => {
    expect(titleCompletions('行政复', { reportYear: 2023 })[0]).toMatchObject({
      label: '中华人民共和国行政复议法',
      insertText: '中华人民共和国行政复议法》（2023年修订）',
    });
    expect(titleCompletions('行政复', { reportYear: 2022 })[0]!.insertText).toBe('中华人民共和国行政复议法》（2017年修正）');
    expect(titleCompletions('行政处罚', { writingDate: '2021-08-01' })[0]!.insertText).toBe('中华人民共和国行政处罚法》（2021年修订）');
  });

  it('leaves out what was replaced or not yet in force; a law never amended has no bracket', () => {
    expect(titleCompletions('合同法', { reportYear: 2022 }).map((c) => c.entryId)).not.toContain('law-htf');
    expect(titleCompletions('合同法', { reportYear: 2019 }).map((c) => c.entryId)).toContain('law-htf');
    expect(titleCompletions('环境保护法', { reportYear: 2026 }).map((c) => c.entryId)).not.toContain('lv-huanjingbaohufa');
    expect(titleCompletions('法治政府建设实施纲要', { reportYear: 2022 }).map((c) => c.label)).toEqual(['法治政府建设实施纲要（2021—2025年）']);
    expect(titleCompletions('行政强制法', { reportYear: 2022 })[0]!.insertText).toBe('中华人民共和国行政强制法》');
  });
});
