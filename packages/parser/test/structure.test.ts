import { describe, expect, it } from 'vitest';
import { createLineIndex, parse } from '../src/index.js';
import { parseStates } from '../src/parse.js';

const PROSE = '全年共办理各类事项一百余件，工作取得积极成效，群众满意度持续提升，得到上级充分肯定。';

describe('headings in plain text', () => {
  it('reads every numbering kind with value and width', () => {
    const text = ['一、主要举措和成效', '（一）加强组织领导', '1. 压实工作责任', '（1）明确分工', '(2)强化考核', '２．完善制度机制', '(二)推进依法决策', '2、强化监督'].join('\n');
    const doc = parse(text);
    expect(doc.headings.map((h) => [h.numbering?.kind, h.numbering?.value, h.numbering?.width, h.level])).toEqual([
      ['chinese', 1, 'full', 1],
      ['paren-chinese', 1, 'full', 2],
      ['arabic', 1, 'half', 3],
      ['paren-arabic', 1, 'full', 4],
      ['paren-arabic', 2, 'half', 4],
      ['arabic', 2, 'full', 3],
      ['paren-chinese', 2, 'half', 2],
      ['arabic', 2, 'full', 3],
    ]);
  });

  it('keeps broken numbering visible (一、二、四、)', () => {
    const doc = parse(['一、主要举措和成效', PROSE, '二、存在的问题和不足', PROSE, '四、2024年工作思路', PROSE].join('\n'));
    expect(doc.sections.map((s) => s.heading.numbering?.value)).toEqual([1, 2, 4]);
    expect(doc.sections.map((s) => s.concept)).toEqual(['measures-and-results', 'shortcomings-and-causes', 'next-year-plan']);
    expect(doc.sections[2]?.heading.year).toBe(2024);
  });

  it('nests 1. under 一、 when no （一） is used', () => {
    const doc = parse(['一、主要举措和成效', '1. 压实工作责任', PROSE, '2. 完善制度机制', PROSE].join('\n'));
    expect(doc.sections[0]?.children.map((c) => [c.level, c.heading.title])).toEqual([
      [2, '压实工作责任'],
      [2, '完善制度机制'],
    ]);
  });

  it('gives leaf sections one frozen empty children array, and shares a title range equal to its heading range', () => {
    const doc = parse(['一、主要举措和成效', '1. 压实工作责任', PROSE, '二、存在的问题和不足', PROSE].join('\n'));
    const leaves = [doc.sections[0]!.children[0]!, doc.sections[1]!];
    expect(leaves.map((s) => s.children.length)).toEqual([0, 0]);
    expect(leaves[0]!.children).toBe(leaves[1]!.children);
    expect(Object.isFrozen(leaves[0]!.children)).toBe(true);
    const md = parse('# 工作情况\n\n正文。\n\n## （一）加强领导\n', { format: 'markdown' });
    expect(md.headings[0]!.titleRange).toBe(md.headings[0]!.range);
    expect(md.headings[1]!.titleRange).toEqual({ start: md.headings[1]!.range.start + 3, end: md.headings[1]!.range.end });
  });

  it('keeps one shared frozen empty list for blocks and analyses with none, and no raw heading per Markdown heading', () => {
    const doc = parse(['一、主要举措和成效', PROSE, PROSE].join('\n\n'));
    const infos = parseStates.get(doc)!.infos;
    expect(infos.map((i) => i.raws.length)).toEqual([1, 0, 0]);
    expect(infos[1]!.raws).toBe(infos[2]!.raws);
    expect(Object.isFrozen(infos[1]!.raws)).toBe(true);
    expect(infos[1]!.para!.referenceCount).toBe(0);
    expect(infos[1]!.para!.documentNumbers).toBe(infos[2]!.para!.documentNumbers);
    expect(Object.isFrozen(infos[1]!.para!.documentNumbers)).toBe(true);
    // The analyses read the document's own lists (no copy per paragraph).
    expect(infos[1]!.para!.lists.sentences).toBe(doc.sentences);
    // The document's lists are its own (made by concat), never the shared one.
    expect(Object.isFrozen(doc.references)).toBe(false);
    const md = parse('# 一、工作情况\n\n#\n\n## （一）加强领导。\n', { format: 'markdown' });
    expect(parseStates.get(md)!.infos.map((i) => i.raws.length)).toEqual([0, 0, 0]);
    expect(md.headings.map((h) => [h.level, h.title, h.numbering?.raw])).toEqual([
      [1, '工作情况', '一、'],
      [1, '', undefined],
      [2, '加强领导', '（一）'],
    ]);
  });

  it('finds headings run together inside one line, but not 一是 or lists inside a sentence', () => {
    const text = `报告如下： 一、主要举措和成效 （一）统筹领导 一是强化协调，包括：1.建立机制；2.完善制度。增长1.5倍。 二、存在的问题 （一）基层力量薄弱 ${PROSE}`;
    const doc = parse(text);
    expect(doc.headings.map((h) => [h.origin, h.text])).toEqual([
      ['inline', '一、主要举措和成效'],
      ['inline', '（一）统筹领导'],
      ['inline', '二、存在的问题'],
      ['inline', '（一）基层力量薄弱'],
    ]);
    expect(doc.sections.map((s) => s.children.length)).toEqual([1, 1]);
  });

  it('ends a title where a deeper numbering follows without a gap', () => {
    const doc = parse(`工作取得成效。二、存在的问题（一）基层力量薄弱。${PROSE}`);
    expect(doc.headings.map((h) => [h.text, h.level])).toEqual([
      ['二、存在的问题', 1],
      ['（一）基层力量薄弱', 2],
    ]);
  });

  it('takes the lead-in of a run-in heading as its title', () => {
    const doc = parse(`（一）注重更新理念。${PROSE}`);
    expect(doc.headings.map((h) => [h.title, h.origin])).toEqual([['注重更新理念', 'line']]);
    expect(doc.sentences[0]?.text).toBe('（一）注重更新理念');
  });

  it('does not take a long numbered paragraph for a heading', () => {
    const doc = parse(`一、主要举措和成效\n（一）加强领导\n1.进一步强化理论武装，将习近平法治思想纳入党委理论学习中心组学习内容，推动领导干部带头尊法学法守法用法。`);
    expect(doc.headings.map((h) => h.numbering?.kind)).toEqual(['chinese', 'paren-chinese']);
  });

  it('marks conservative unnumbered headings between prose paragraphs', () => {
    const doc = parse(['一、主要举措和成效', '（一）加强组织领导', PROSE, '优化营商环境，加速职能转型', PROSE, '中共某某县委', '某某县人民政府', '2023年2月1日'].join('\n'));
    expect(doc.headings.map((h) => [h.origin, h.level, h.title])).toEqual([
      ['line', 1, '主要举措和成效'],
      ['line', 2, '加强组织领导'],
      ['unnumbered', 2, '优化营商环境，加速职能转型'],
    ]);
    expect(doc.writingDate).toMatchObject({ value: { year: 2023, month: 2, day: 1 }, source: 'signature', assumed: false });
  });
});

describe('document facts', () => {
  it('reads the year from a title such as 洪洞县2022年法治政府建设工作情况报告', () => {
    const doc = parse(`洪洞县2022年法治政府建设工作情况报告\n${PROSE}`);
    expect(doc.title?.text).toBe('洪洞县2022年法治政府建设工作情况报告');
    expect(doc.reportYear).toMatchObject({ value: 2022, source: 'title', assumed: false });
    expect(doc.writingDate).toMatchObject({ value: { year: 2023, month: 3, day: 31 }, source: 'default', assumed: true });
  });

  it('reads the year from the first sentence', () => {
    const doc = parse(`2023年，在市委的坚强领导下，市政府扎实推进法治政府建设。\n一、主要举措和成效\n${PROSE}`);
    expect(doc.reportYear).toMatchObject({ value: 2023, source: 'first-sentence' });
    const r = doc.reportYear?.range;
    expect(r && doc.text.slice(r.start, r.end)).toBe('2023');
  });

  it('falls back to the headings when no sentence names the year', () => {
    const doc = parse(`今年以来，我镇扎实推进法治政府建设。\n一、主要举措和成效\n${PROSE}\n二、2022年工作打算\n${PROSE}`);
    expect(doc.reportYear).toMatchObject({ value: 2021, source: 'heading' });
  });

  it('prefers the option, then front matter', () => {
    const md = `---\nyear: 2021\ndate: 2022-03-01\ntitle: 某某报告\n---\n\n# 某某县2020年法治政府建设情况报告\n\n${PROSE}\n`;
    const doc = parse(md, { filePath: 'r.md' });
    expect(doc.reportYear).toMatchObject({ value: 2021, source: 'front-matter' });
    expect(doc.writingDate).toMatchObject({ value: { year: 2022, month: 3, day: 1 }, source: 'front-matter' });
    const forced = parse(md, { filePath: 'r.md', reportYear: 2019, writingDate: { year: 2020, month: 1, day: 2 } });
    expect(forced.reportYear).toMatchObject({ value: 2019, source: 'option' });
    expect(forced.writingDate).toMatchObject({ value: { year: 2020, month: 1, day: 2 }, source: 'option' });
  });

  it('reads 发文日期/成文日期/发布日期 metadata and keeps it out of the body', () => {
    const text = `索引号: | 330483/2022-1 | 发布机构: | 市政府办 |\n公开方式: | 主动公开 | 发文日期: | 2022-02-21 |\n发布日期: 2022年02月26日\n2021年度桐乡市法治政府建设工作情况的报告\n${PROSE}\n网站地图 联系我们\n扫一扫在手机打开当前页`;
    const doc = parse(text);
    expect(doc.writingDate).toMatchObject({ value: { year: 2022, month: 2, day: 21 }, source: 'metadata' });
    expect(doc.publicationDate).toMatchObject({ value: { year: 2022, month: 2, day: 26 }, source: 'metadata' });
    expect(doc.reportYear).toMatchObject({ value: 2021, source: 'title' });
    expect(doc.text.slice(doc.bodyRange.start, doc.bodyRange.end)).toBe(`2021年度桐乡市法治政府建设工作情况的报告\n${PROSE}`);
    expect(doc.junkRanges.length).toBe(2);
    expect(doc.paragraphs.map((p) => p.text)).toEqual(['2021年度桐乡市法治政府建设工作情况的报告', PROSE]);
  });
});

describe('markdown', () => {
  it('uses # depth for unnumbered headings and numbering when present', () => {
    const md = `# 某县2023年法治政府建设情况报告\n\n## 主要举措和成效\n\n### 加强组织领导\n\n${PROSE}\n\n## 存在的不足和原因\n\n${PROSE}\n`;
    const doc = parse(md, { filePath: 'a.md' });
    expect(doc.title?.text).toBe('某县2023年法治政府建设情况报告');
    expect(doc.headings.map((h) => [h.text, h.level, h.markdownDepth, h.origin])).toEqual([
      ['主要举措和成效', 1, 2, 'markdown'],
      ['加强组织领导', 2, 3, 'markdown'],
      ['存在的不足和原因', 1, 2, 'markdown'],
    ]);
    expect(doc.sections.map((s) => s.concept)).toEqual(['measures-and-results', 'shortcomings-and-causes']);
  });

  it('reads enumerated paragraphs and list items as headings too', () => {
    const md = `一、主要举措和成效\n\n（一）加强组织领导\n\n1. 压实责任。${PROSE}\n\n2. 完善机制。${PROSE}\n`;
    const doc = parse(md, { format: 'markdown' });
    expect(doc.headings.map((h) => [h.numbering?.raw, h.title])).toEqual([
      ['一、', '主要举措和成效'],
      ['（一）', '加强组织领导'],
      ['1.', '压实责任'],
      ['2.', '完善机制'],
    ]);
  });

  it('keeps # markers out of heading ranges, paragraphs and sentences', () => {
    const doc = parse('# 某县2022年法治政府建设情况报告\n\n## 一、主要举措和成效\n\n正文第一句。第二句。\n', { format: 'markdown' });
    expect(doc.headings.map((h) => [h.text, h.markdownDepth])).toEqual([['一、主要举措和成效', 2]]);
    expect(doc.paragraphs.map((p) => p.text)).toEqual(['某县2022年法治政府建设情况报告', '一、主要举措和成效', '正文第一句。第二句。']);
    expect(doc.sentences.map((x) => [x.text, x.headingIndex])).toEqual([
      ['某县2022年法治政府建设情况报告', -1],
      ['一、主要举措和成效', 0],
      ['正文第一句。', 0],
      ['第二句。', 0],
    ]);
  });

  it('reads bold run-in headings', () => {
    const md = `**一、主要举措和成效**\n\n**（一）加强组织领导。**${PROSE}\n`;
    const doc = parse(md, { filePath: 'a.md' });
    expect(doc.headings.map((h) => [h.numbering?.raw, h.title, h.level])).toEqual([
      ['一、', '主要举措和成效', 1],
      ['（一）', '加强组织领导', 2],
    ]);
  });

  it('takes the title from front matter when the body has none', () => {
    const doc = parse(`---\ntitle: "某县2022年法治政府建设情况报告"\n---\n\n${PROSE}\n`, { filePath: 'a.md' });
    expect(doc.title?.text).toBe('某县2022年法治政府建设情况报告');
    expect(doc.reportYear).toMatchObject({ value: 2022, source: 'front-matter' });
    const r = doc.title?.range;
    expect(r && doc.text.slice(r.start, r.end)).toBe(doc.title?.text);
  });

  it('collects HTML comments and plain-text directive lines', () => {
    const md = parse(`<!-- fzlint-disable-next-line structure/x -->\n${PROSE}<!-- fzlint-enable -->\n`, { filePath: 'a.md' });
    expect(md.comments.map((c) => c.value)).toEqual(['fzlint-disable-next-line structure/x', 'fzlint-enable']);
    expect(md.paragraphs.every((p) => !p.text.startsWith('<!--'))).toBe(true);
    const txt = parse(`fzlint-disable statistics/rate-mismatch\n${PROSE}\n<!-- fzlint-enable -->`);
    expect(txt.comments.map((c) => c.value)).toEqual(['fzlint-disable statistics/rate-mismatch', 'fzlint-enable']);
    expect(txt.paragraphs.map((p) => p.text)).toEqual([PROSE]);
  });
});

describe('line index', () => {
  it('converts offsets to 1-based line/column in UTF-16 units and back', () => {
    const text = 'ab\r\n𠀀c\nd';
    const li = createLineIndex(text);
    expect(li.lineStarts).toEqual([0, 4, 8]);
    expect(li.positionAt(0)).toEqual({ line: 1, column: 1 });
    expect(li.positionAt(6)).toEqual({ line: 2, column: 3 });
    expect(li.positionAt(9)).toEqual({ line: 3, column: 2 });
    for (let o = 0; o <= text.length; o++) {
      const p = li.positionAt(o);
      if (text[o] !== '\n') expect(li.offsetAt(p)).toBe(o);
    }
  });

  it('is attached to every document', () => {
    const doc = parse('一、主要举措\n（一）加强领导');
    expect(doc.lineIndex.positionAt(doc.headings[1]?.range.start ?? -1)).toEqual({ line: 2, column: 1 });
  });
});

describe('fenced code (Markdown)', () => {
  it('gives the ranges of fenced code blocks, from the opening fence to the closing one', () => {
    const text = '# 一、总体情况\n\n```\n<!-- fzlint-disable -->\n```\n\n工作取得成效。\n\n~~~md\n未闭合';
    const doc = parse(text, { format: 'markdown' });
    expect(doc.codeRanges.map((r) => text.slice(r.start, r.end))).toEqual(['```\n<!-- fzlint-disable -->\n```', '~~~md\n未闭合']);
    // Code is neither a comment nor a sentence of the report.
    expect(doc.comments).toEqual([]);
    expect(doc.sentences.map((s) => s.text)).toEqual(['一、总体情况', '工作取得成效。']);
    expect(parse(text, { format: 'plaintext' }).codeRanges).toEqual([]);
  });
});
