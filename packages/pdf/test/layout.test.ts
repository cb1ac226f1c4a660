/**
 * The reconstruction on plain data: text runs placed the way a Word or WPS
 * export of an official document places them (A4, 仿宋 16pt body with a
 * two-character first-line indent, 黑体 headings, a 22pt centred title,
 * 页眉 and — 1 — page numbers).
 */
import { describe, expect, it } from 'vitest';
import { dropFurniture, isPageNumber, linesToBlocks, pageLines, pagesToBlocks, type PdfPage, type PdfTextRun } from '../src/layout.js';

const WIDTH = 595;
const HEIGHT = 842;
const LEFT = 90;
const SIZE = 16;
/** Characters in a full body line (A4 with 90pt margins, 16pt type). */
const PER_LINE = 26;
const LEADING = 28;

interface Builder {
  runs: PdfTextRun[];
  y: number;
}

function page(): Builder {
  return { runs: [], y: HEIGHT - 90 };
}

function run(b: Builder, text: string, x: number, font = 'body', size = SIZE): void {
  b.runs.push({ text, x, y: b.y, width: text.length * size, size, font });
  b.y -= LEADING;
}

/** A paragraph as a justified body: indented first line, full lines, a short last line. */
function paragraph(b: Builder, text: string): void {
  let rest = text;
  let first = true;
  while (rest.length > 0) {
    const room = first ? PER_LINE - 2 : PER_LINE;
    run(b, rest.slice(0, room), first ? LEFT + 2 * SIZE : LEFT);
    rest = rest.slice(room);
    first = false;
  }
}

function heading(b: Builder, text: string): void {
  run(b, text, LEFT, 'heiti');
}

function furniture(b: Builder, n: number, of: number): void {
  b.runs.push({ text: 'XX县人民政府文件', x: 240, y: HEIGHT - 40, width: 128, size: 10.5, font: 'song' });
  b.runs.push({ text: `— ${n} —`, x: 280, y: 50, width: 40, size: 14, font: 'song' });
  b.runs.push({ text: `第 ${n} 页 共 ${of} 页`, x: 420, y: 30, width: 80, size: 9, font: 'song' });
}

function done(b: Builder): PdfPage {
  return { width: WIDTH, height: HEIGHT, runs: b.runs };
}

const P1 =
  '2023年，县政府坚持以习近平新时代中国特色社会主义思想为指导，深入学习贯彻习近平法治思想，全面落实《法治政府建设实施纲要（2021—2025年）》，法治政府建设取得新成效。';
const P2 =
  '严格落实重大行政决策程序规定，全年作出重大行政决策12项，均履行公众参与、专家论证、风险评估、合法性审查和集体讨论决定程序。全年审查规范性文件36件，备案率、及时率均达100%。';
const P4 =
  '2023年，全县行政复议和行政应诉工作稳步推进，行政机关负责人出庭应诉率达100%，行政诉讼案件败诉率同比下降3个百分点，法治政府建设的群众满意度持续提升。';
const P3 = '全年共收到行政复议申请106件，审结101件，纠错率15.8%。';

function report(): PdfPage[] {
  const a = page();
  furniture(a, 1, 2);
  a.runs.push({ text: 'XX县人民政府关于2023年度', x: 150, y: a.y, width: 300, size: 22, font: 'xbs' });
  a.y -= 34;
  a.runs.push({ text: '法治政府建设情况的报告', x: 175, y: a.y, width: 245, size: 22, font: 'xbs' });
  a.y -= 50;
  paragraph(a, P1);
  heading(a, '一、2023年推进法治政府建设的主要举措和成效');
  run(a, '（一）坚持党的领导，统筹推进法治政府建设各项任务落实落细，', LEFT, 'kaiti');
  run(a, '确保取得实效', LEFT, 'kaiti');
  paragraph(a, P2);
  // A paragraph that runs on to the next page: its first two lines here …
  run(a, P4.slice(0, PER_LINE - 2), LEFT + 2 * SIZE);
  run(a, P4.slice(PER_LINE - 2, 2 * PER_LINE - 2), LEFT);
  const b = page();
  furniture(b, 2, 2);
  // … and the rest on page 2, flush left under the running header.
  run(b, P4.slice(2 * PER_LINE - 2), LEFT);
  paragraph(b, P3);
  heading(b, '二、存在的不足和原因');
  paragraph(b, '一是法治宣传教育的针对性有待增强。主要原因是基层法治工作力量不足。');
  return [done(a), done(b)];
}

describe('pdf layout → blocks', () => {
  const blocks = pagesToBlocks(report());

  it('takes a title set larger and centred over two lines as one title', () => {
    expect(blocks[0]).toEqual({ kind: 'title', text: 'XX县人民政府关于2023年度法治政府建设情况的报告' });
  });

  it('rebuilds paragraphs from the first-line indent and the short last line', () => {
    const paragraphs = blocks.filter((b) => b.kind === 'paragraph').map((b) => b.text);
    expect(paragraphs).toContain(P1);
    expect(paragraphs).toContain(P2);
    expect(paragraphs).toContain(P3);
  });

  it('keeps headings in another font as headings, with the level of their numbering', () => {
    expect(blocks).toContainEqual({ kind: 'heading', level: 1, text: '一、2023年推进法治政府建设的主要举措和成效' });
    expect(blocks).toContainEqual({ kind: 'heading', level: 1, text: '二、存在的不足和原因' });
  });

  it('joins a heading wrapped over two lines', () => {
    expect(blocks).toContainEqual({ kind: 'heading', level: 2, text: '（一）坚持党的领导，统筹推进法治政府建设各项任务落实落细，确保取得实效' });
  });

  it('joins a paragraph that runs on to the next page, across the page furniture', () => {
    expect(blocks).toContainEqual({ kind: 'paragraph', text: P4 });
  });

  it('drops running headers, footers and page numbers', () => {
    const all = blocks.map((b) => ('text' in b ? b.text : '')).join('\n');
    expect(all).not.toContain('XX县人民政府文件');
    expect(all).not.toMatch(/— \d —|第 \d 页/);
    expect(blocks).toHaveLength(9);
  });
});

describe('fonts that say nothing about style', () => {
  it('takes a line full of figures set in a fallback font for body text, not a heading', () => {
    const b = page();
    const first = '全年共办理行政复议案件和行政应诉案件，其中依法审结案件共计'.slice(0, PER_LINE - 2);
    run(b, first, LEFT + 2 * SIZE);
    // The digits in DejaVu (a fallback font for Latin), the Chinese in the body font: the line is body text.
    const y = b.y;
    b.runs.push({ text: '共', x: LEFT, y, width: 16, size: SIZE, font: 'body' });
    b.runs.push({ text: '357431', x: LEFT + 16, y, width: 60, size: SIZE, font: 'DejaVuSans' });
    b.runs.push({ text: '人，核查', x: LEFT + 76, y, width: 64, size: SIZE, font: 'body' });
    b.runs.push({ text: '1286', x: LEFT + 140, y, width: 40, size: SIZE, font: 'DejaVuSans' });
    b.runs.push({ text: '批共', x: LEFT + 180, y, width: 32, size: SIZE, font: 'body' });
    b.runs.push({ text: '362703', x: LEFT + 212, y, width: 60, size: SIZE, font: 'DejaVuSans' });
    b.runs.push({ text: '条。', x: LEFT + 272, y, width: 32, size: SIZE, font: 'body' });
    b.y -= LEADING;
    paragraph(b, P3);
    expect(pagesToBlocks([done(b)])).toEqual([
      { kind: 'paragraph', text: `${first}共357431人，核查1286批共362703条。` },
      { kind: 'paragraph', text: P3 },
    ]);
  });

  it('does not take a date alone in another font for a heading', () => {
    const b = page();
    run(b, '2023-03-16', LEFT, 'DejaVuSans');
    paragraph(b, P3);
    expect(pagesToBlocks([done(b)])[0]).toEqual({ kind: 'paragraph', text: '2023-03-16' });
  });
});

describe('page furniture', () => {
  it('recognises the ways offices number pages', () => {
    for (const t of ['3', '- 3 -', '— 3 —', '－3－', '3/12', '3 / 12', '第3页', '第 3 页 共 12 页', '第3页/共12页', 'Page 3 of 12', '·3·']) {
      expect(isPageNumber(t), t).toBe(true);
    }
    for (const t of ['2023年', '一、总体情况', '3件', '第三季度', '12.4宪法日']) expect(isPageNumber(t), t).toBe(false);
  });

  it('keeps a line that merely sits near the bottom of one page', () => {
    const b = page();
    b.y = 60;
    run(b, '全年办理行政复议案件15件。', LEFT);
    const lines = [pageLines(done(b), 0), pageLines(done(page()), 1)];
    expect(dropFurniture(lines, [HEIGHT, HEIGHT])[0]).toHaveLength(1);
  });

  it('drops a page number alone on a one-page document', () => {
    const b = page();
    paragraph(b, P3);
    b.runs.push({ text: '1', x: 290, y: 40, width: 8, size: 10.5, font: 'song' });
    expect(pagesToBlocks([done(b)])).toEqual([{ kind: 'paragraph', text: P3 }]);
  });
});

describe('lines', () => {
  it('puts runs of one baseline on one line, a space only between Latin words', () => {
    const lines = pageLines(
      {
        width: WIDTH,
        height: HEIGHT,
        runs: [
          { text: 'PDF', x: 100, y: 500, width: 30, size: 12, font: 'a' },
          { text: 'version', x: 140, y: 500.5, width: 40, size: 12, font: 'a' },
          { text: '文本', x: 180, y: 500, width: 24, size: 12, font: 'a' },
          { text: '下一行', x: 100, y: 480, width: 36, size: 12, font: 'a' },
        ],
      },
      0,
    );
    expect(lines.map((l) => l.text)).toEqual(['PDF version文本', '下一行']);
  });

  it('keeps table columns apart', () => {
    const lines = pageLines(
      {
        width: WIDTH,
        height: HEIGHT,
        runs: [
          { text: '行政复议', x: 100, y: 500, width: 48, size: 12, font: 'a' },
          { text: '106件', x: 300, y: 500, width: 30, size: 12, font: 'a' },
        ],
      },
      0,
    );
    expect(lines.map((l) => l.text)).toEqual(['行政复议 106件']);
  });

  it('turns no lines into no blocks', () => {
    expect(linesToBlocks([])).toEqual([]);
  });
});
