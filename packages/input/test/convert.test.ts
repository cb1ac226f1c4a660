import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { enumeratedLevel, normalizeText, toMarkdown } from '../src/blocks.js';
import { toSourcePosition } from '../src/source-map.js';
import { decodeHtml, documentBlocks, pageBlocks } from '../src/html.js';

describe('enumerated paragraphs', () => {
  it.each([
    ['一、2023年推进法治政府建设的主要举措和成效', 1],
    ['（二）规范行政执法行为', 2],
    ['(三)强化监督', 2],
    ['1.加强组织领导', 3],
    ['２、完善制度', 3],
    ['（1）建立台账', 4],
    ['（一）深入学习贯彻习近平法治思想。', 2],
  ])('%s is a heading of level %i', (text, level) => {
    expect(enumeratedLevel(text)).toBe(level);
  });

  it.each([
    '（一）加强组织领导。县政府常务会议专题研究法治政府建设工作5次。',
    '2023年，甲县人民政府深入学习贯彻习近平法治思想。',
    '1.5万人次参加了学法考试',
    '一是行政执法人员能力有待提升；二是普法宣传的针对性不强。',
    `一、${'很长的标题'.repeat(12)}`,
  ])('%s stays a paragraph', (text) => {
    expect(enumeratedLevel(text)).toBeUndefined();
  });
});

describe('Markdown and the paragraph map', () => {
  const converted = toMarkdown(
    [
      { kind: 'meta', key: '发布日期', value: '2024-03-28' },
      { kind: 'title', text: '某县2023年度法治政府建设情况报告' },
      { kind: 'heading', level: 1, text: '主要举措' },
      { kind: 'paragraph', text: '（一）压实责任' },
      { kind: 'paragraph', text: '全年收到复议申请106件。' },
      { kind: 'paragraph', text: '' },
    ],
    'docx',
  );

  it('writes one line per block with a blank line between, headings marked', () => {
    expect(converted.markdown).toBe('发布日期: 2024-03-28\n\n# 某县2023年度法治政府建设情况报告\n\n## 主要举措\n\n### （一）压实责任\n\n全年收到复议申请106件。\n');
    expect(converted.paragraphs).toBe(5);
  });

  it('maps every Markdown line and column back to its paragraph and the column in its text', () => {
    const lines = converted.markdown.split('\n');
    lines.forEach((line, i) => {
      if (line === '') return;
      const paragraph = i / 2 + 1;
      expect(toSourcePosition(converted.map, { line: i + 1, column: 1 }).line).toBe(paragraph);
    });
    // `### （一）压实责任`: column 5 of the Markdown line is column 1 of the paragraph.
    expect(toSourcePosition(converted.map, { line: 7, column: 5 })).toEqual({ line: 4, column: 1 });
    expect(toSourcePosition(converted.map, { line: 7, column: 8 })).toEqual({ line: 4, column: 4 });
    // A blank line belongs to the next paragraph; past the end, to the last one.
    expect(toSourcePosition(converted.map, { line: 8, column: 1 })).toEqual({ line: 5, column: 1 });
    expect(toSourcePosition(converted.map, { line: 99, column: 1 }).line).toBe(5);
  });

  it('normalises whitespace as a browser shows it, without spaces left between Chinese characters', () => {
    expect(normalizeText('\u3000\u3000全年共收到\n  行政复议申请\u00a0106件 ')).toBe('全年共收到行政复议申请 106件');
  });
});

describe('web pages', () => {
  it('finds the body in an old table-layout page and keeps the 索引号 pairs written in one cell', () => {
    const html = `<html><body><table width="1000"><tr><td><a>首页</a> | <a>政务公开</a></td></tr>
<tr><td><table><tr><td>索引号：0001/2024-1 发布日期：2024-03-29</td></tr></table>
<div align="center"><b>乙镇2023年度法治政府建设工作情况报告</b></div>
<div>　　2023年，乙镇坚持以习近平法治思想为指导，全面推进依法行政，各项工作取得积极成效。现将有关情况报告如下。<br>
一、主要举措和成效<br>　　全年开展普法活动32场次，受众约1.2万人次。<br>
二、存在的不足和原因<br>　　依法行政能力仍有欠缺，主要原因是学习培训不够深入。</div></td></tr>
<tr><td>网站地图 | 联系我们 版权所有：乙镇人民政府</td></tr></table></body></html>`;
    const blocks = pageBlocks(html);
    expect(blocks.filter((b) => b.kind === 'meta')).toEqual([
      { kind: 'meta', key: '索引号', value: '0001/2024-1' },
      { kind: 'meta', key: '发布日期', value: '2024-03-29' },
    ]);
    const text = toMarkdown(blocks, 'html').markdown;
    expect(text).toContain('\n## 一、主要举措和成效\n');
    expect(text).toContain('主要原因是学习培训不够深入');
    expect(text).not.toContain('网站地图');
    expect(text).not.toContain('政务公开');
  });

  it('takes the title from the page title when the body has no heading', () => {
    const paragraph = '2023年，丙区坚持以习近平法治思想为指导，全面推进依法行政，各项工作取得积极成效，现报告如下。';
    const blocks = pageBlocks(`<html><head><title>丙区2023年度法治政府建设情况报告-丙区人民政府门户网站</title></head><body><div id="zoom"><p>${paragraph}</p></div></body></html>`);
    expect(blocks).toEqual([
      { kind: 'title', text: '丙区2023年度法治政府建设情况报告' },
      { kind: 'paragraph', text: paragraph },
    ]);
  });

  it('Word: a first paragraph that reads as a title is the title; heading levels start at the top one used', () => {
    const blocks = documentBlocks('<h1>乙镇2023年度法治政府建设情况报告</h1><h2>一、主要举措和成效</h2><h3>（一）加强组织领导</h3><p>镇政府召开专题会议4次。</p>');
    expect(blocks).toEqual([
      { kind: 'title', text: '乙镇2023年度法治政府建设情况报告' },
      { kind: 'heading', level: 1, text: '一、主要举措和成效' },
      { kind: 'heading', level: 2, text: '（一）加强组织领导' },
      { kind: 'paragraph', text: '镇政府召开专题会议4次。' },
    ]);
    expect(documentBlocks('<p>乙镇2023年度法治政府建设情况报告</p><p>2023年，乙镇全面推进依法行政。</p>')[0]).toEqual({ kind: 'title', text: '乙镇2023年度法治政府建设情况报告' });
    expect(documentBlocks('<p>2023年，乙镇全面推进依法行政，现将情况报告如下。</p>')[0]?.kind).toBe('paragraph');
  });

  it('keeps a data table of the report as rows of cells', () => {
    const blocks = documentBlocks('<h1>主要数据</h1><table><tr><td><p>项目</p></td><td><p>数量</p></td></tr><tr><td><p>收到复议申请</p></td><td><p>106件</p></td></tr></table>');
    expect(blocks).toEqual([
      { kind: 'heading', level: 1, text: '主要数据' },
      { kind: 'paragraph', text: '项目 | 数量' },
      { kind: 'paragraph', text: '收到复议申请 | 106件' },
    ]);
  });

  it('a soft line break inside a Word paragraph keeps it one paragraph; on a web page it ends a block', () => {
    const html = '<p>甲县人民政府<br />2024年3月20日</p>';
    expect(documentBlocks(html)).toEqual([{ kind: 'paragraph', text: '甲县人民政府 2024年3月20日' }]);
    expect(toMarkdown(pageBlocks(`<div>${html}</div>`), 'html').markdown).toBe('甲县人民政府\n\n2024年3月20日\n');
  });

  it('decodes by meta charset, by BOM, and falls back to GBK for undeclared non-UTF-8 bytes', () => {
    const page = '<meta charset="gbk"><p>法治政府建设</p>';
    expect(decodeHtml(iconv.encode(page, 'gbk'))).toEqual({ text: page, charset: 'gb18030' });
    const plain = '<p>法治政府建设</p>';
    expect(decodeHtml(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(plain)])).text).toBe(plain);
    expect(decodeHtml(iconv.encode(plain, 'gbk'))).toEqual({ text: plain, charset: 'gb18030' });
    expect(decodeHtml(Buffer.from(plain)).charset).toBe('utf-8');
  });
});
