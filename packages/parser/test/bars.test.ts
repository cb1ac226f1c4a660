/**
 * Lines of table bars in plain text. A web page's metadata table leaves lines that hold only
 * bars (`|`, `||||||||`, ` | `, `｜`) between its fields and the report (000). The bars are cell
 * separators, not text (`splitAtGaps`), so such a line holds nothing for the reader: it is read
 * as if it were not there. A blank line beside it still parts paragraphs, on either side; a line
 * of bars alone between two lines is a line break the joining tests judge like any other.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parse, reparse, type ReportDocument } from '../src/index.js';
import { isHardBreak, plainTextBlocks } from '../src/blocks.js';

const PLAIN = { format: 'plaintext' } as const;
const BARS_LINE = /^[ \t\u3000]*[|｜][|｜ \t\u3000]*\r?$/u;
/** Starts of the lines after the first. */
const lineStarts = (text: string): number[] => [...text.matchAll(/\n/gu)].map((m) => m.index + 1);
/** `text` less its lines of bars. */
const withoutBars = (text: string): string =>
  text
    .split('\n')
    .filter((line) => !BARS_LINE.test(line))
    .join('\n');
const paragraphs = (d: ReportDocument): string[] => d.paragraphs.map((p) => p.text);
const read = (text: string): string[] => paragraphs(parse(text, PLAIN));

describe('a line of table bars in plain text', () => {
  it('a blank line parts paragraphs whether lines of bars stand before it, after it or on both sides', () => {
    const shapes = [
      // Blank line, then bars (read as one paragraph before: the bars hid the blank line).
      '甲\n\n|\n乙',
      // Bars, then a blank line.
      '甲\n|\n\n乙',
      // Bars on both sides, and blank lines on both sides.
      '甲\n|\n\n|\n乙',
      '甲\n\n|\n\n乙',
      // Several lines of bars, with the blank line among them.
      '甲\n|\n||||||||\n\n|\n||||||||\n乙',
      '甲\n\n|\n||||||||\n|\n||||||||\n乙',
      '甲\n|\n||||||||\n|\n||||||||\n\n乙',
      // Bars with spaces, full-width bars, a line of spaces as the blank line.
      '甲\n\n | | \n乙',
      '甲\n\n\t|\t\n乙',
      '甲\n\u3000｜\u3000\n\n乙',
      '甲\n \n||||||||\n乙',
      // CRLF line ends.
      '甲\r\n\r\n|\r\n乙',
      '甲\r\n|\r\n\r\n乙',
      '甲\r\n | \r\n\r\n||||||||\r\n乙',
    ];
    for (const text of shapes) expect(read(text), JSON.stringify(text)).toEqual(['甲', '乙']);
    // As a web page leaves it: a line of prose without closing punctuation, then the table's bars.
    expect(read('全面落实行政执法三项制度\n\n|\n||||||||\n某县人民政府依法全面履行政府职能。')).toEqual([
      '全面落实行政执法三项制度',
      '某县人民政府依法全面履行政府职能。',
    ]);
    // e034's page with a line of bars under each blank line: page furniture, issuer, document
    // number and salutation each stand alone (they were read as two paragraphs).
    expect(read('语音播报\n\n|\n中共重庆市万州区新田镇委员会\n\n|\n新田委文〔2026〕3号\n\n|\n区委、区政府:')).toEqual([
      '语音播报',
      '中共重庆市万州区新田镇委员会',
      '新田委文〔2026〕3号',
      '区委、区政府:',
    ]);
  });

  it('a line of bars alone between two lines is read as if it were not there', () => {
    const cases: [string, number][] = [
      // Prose that ends without punctuation goes on in the next line, over the bars as without them.
      ['甲\n|\n乙', 1],
      ['甲\n|\n||||||||\n | \n乙', 1],
      ['甲\r\n|\r\n乙', 1],
      // A sentence end parts the lines; a continuing mark joins them.
      ['工作。\n|\n下一步', 2],
      ['工作。\n|\n，继续推进', 1],
      // 000's shape: the title stands alone above the bars and the body.
      ['2021年度桐乡市法治政府建设工作情况的报告\n|\n||||||||\n|\n||||||||\n2021年,桐乡市人民政府在市委的正确领导下开展工作。', 2],
      // 6. / 69户 is the number 6.69 over the bars too.
      ['全镇市场主体净增6.\n|\n69户。', 1],
    ];
    for (const [text, count] of cases) {
      const got = read(text);
      expect(got, JSON.stringify(text)).toHaveLength(count);
      expect(got.map(withoutBars), JSON.stringify(text)).toEqual(read(withoutBars(text)));
    }
  });

  it('with lone CR line ends the shapes read as with \\n', () => {
    // A lone `\r` ends a line for the plain reader as `\n` does (line-ends.test.ts).
    expect(read('甲\r\r|\r乙')).toEqual(read('甲\n\n|\n乙'));
    expect(read('甲\r|\r\r乙')).toEqual(read('甲\n|\n\n乙'));
  });

  it('the incremental parse calls the break hard on either side of the bars when a blank line is among them', () => {
    // `reparse` re-reads plain text between hard breaks: an edit after the bars re-reads 乙 alone
    // and keeps 甲's paragraph and sentence (the same objects).
    for (const text of ['甲\n\n|\n乙', '甲\n|\n\n乙', '甲\n|\n||||||||\n\n | \n乙', '甲\r\n\r\n|\r\n乙']) {
      expect(lineStarts(text).map((pos) => isHardBreak(text, pos)), JSON.stringify(text)).toEqual(lineStarts(text).map(() => true));
      const doc = parse(text, PLAIN);
      const next = reparse(doc, [{ range: { start: text.length, end: text.length }, text: '字' }]);
      expect(paragraphs(next)).toEqual(['甲', '乙字']);
      expect(next.paragraphs[0]).toBe(doc.paragraphs[0]);
      expect(next.sentences[0]).toBe(doc.sentences[0]);
    }
    // Alone between two lines the bars leave the break to the joining tests: soft here.
    expect(lineStarts('甲\n|\n乙').map((pos) => isHardBreak('甲\n|\n乙', pos))).toEqual([false, false]);
  });

  it('lines of bars anywhere between lines change no block (property, both readings of line breaks)', () => {
    const LINES = [
      '甲', '乙', '2021年度某某市法治政府建设工作情况的报告', '一、主要工作', '二、', '存在的不足', '（一）加强组织领导', '1.压实工作责任',
      '一是强化工作协调。加强顶层设计', '2021年，我市深入推进依法行政。', '全年共办理行政复议案件1,436件，', '同比增长12.5%。', '，继续推进',
      '全镇市场主体净增', '6.', '69户。', '统', '一、运转协调', '中共某某县委', '2023年3月1日', '（此件公开发布）', '索引号: | 330483ZFC00000/2022-130246 |',
      'fzlint-disable-next-line', '| 甲 | 乙 |',
    ];
    const SEPARATORS = ['', '', '|', '||||||||', ' | ', '｜', '\u3000'];
    const doc = fc.record({
      lines: fc.array(fc.record({ line: fc.constantFrom(...LINES), before: fc.array(fc.constantFrom(...SEPARATORS), { maxLength: 3 }) }), { minLength: 1, maxLength: 12 }),
      eol: fc.constantFrom('\n', '\r\n'),
    });
    /** A block as the text less its bars lines reads it: its kind, flags and text. */
    const shape = (text: string, split: boolean): string[] =>
      plainTextBlocks(text, 0, text.length, split).map((b) => `${b.kind}${b.soft ? ' soft' : ''}${b.inline ? ' inline' : ''}: ${withoutBars(text.slice(b.start, b.end))}`);
    fc.assert(
      fc.property(doc, fc.boolean(), ({ lines, eol }, split) => {
        const text = lines.flatMap((l) => [...l.before, l.line]).join(eol);
        const plain = withoutBars(text);
        expect(shape(text, split)).toEqual(shape(plain, split));
        // No block runs over a break the incremental parse calls hard.
        const blocks = plainTextBlocks(text, 0, text.length, split);
        for (const pos of lineStarts(text)) if (isHardBreak(text, pos)) expect(blocks.some((b) => b.start < pos && b.end > pos)).toBe(false);
      }),
      // Many more runs by hand: FZLINT_PROP_RUNS=5000.
      { numRuns: Number(process.env.FZLINT_PROP_RUNS ?? 400) },
    );
  });

  it('the order of the lines of bars and blank lines between two lines does not matter (property, parse)', () => {
    const LINES = [
      '甲', '2021年度某某市法治政府建设工作情况的报告', '一、主要工作', '二、', '（一）加强组织领导', '2021年，我市深入推进依法行政。',
      '全年共办理行政复议案件1,436件，', '，继续推进', '中共某某县委', '2023年3月1日', '组配分类: | 法治政府建设工作报告 | 文件编号: |',
    ];
    const SEPARATORS = ['', '|', '||||||||', ' | '];
    const doc = fc.array(fc.record({ line: fc.constantFrom(...LINES), before: fc.array(fc.constantFrom(...SEPARATORS), { maxLength: 4 }) }), {
      minLength: 2,
      maxLength: 10,
    });
    // Reversed, the lines between two lines keep their count of runs of blank lines, so the
    // split-line statistics (which count neighbouring lines) are the same too.
    const normalized = (d: ReportDocument): unknown => ({
      paragraphs: paragraphs(d).map((p) => withoutBars(p).replace(/\n\s*\n/gu, '\n')),
      headings: d.headings.map((h) => withoutBars(h.text)),
      title: d.title && withoutBars(d.title.text).replace(/\n\s*\n/gu, '\n'),
    });
    fc.assert(
      fc.property(doc, (lines) => {
        const a = lines.flatMap((l) => [...l.before, l.line]).join('\n');
        const b = lines.flatMap((l) => [...[...l.before].reverse(), l.line]).join('\n');
        expect(normalized(parse(a, PLAIN))).toEqual(normalized(parse(b, PLAIN)));
      }),
      { numRuns: 300 },
    );
  });
});
