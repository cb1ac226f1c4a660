import { readFileSync, readdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { markdownBlocks, micromarkOnlyBlocks } from '../src/markdown.js';
import { parse } from '../src/index.js';
import { mdastBlocks } from './support/mdast-blocks.js';
import { markdownDoc, markdownNoise, reportLikeDoc } from './support/markdown-gen.js';

/** The reader's blocks and front matter (its restart points have no mdast counterpart). */
const blocksOf = (text: string): unknown => {
  const { roots: _roots, ...rest } = markdownBlocks(text);
  return rest;
};

/**
 * remark's blocks for `text`. remark does not count a BOM that starts the text, so its offsets
 * are one short after it; the reader counts it, so the oracle reads the text after the BOM and shifts.
 */
const expectedBlocks = (text: string): unknown => {
  if (text.charCodeAt(0) !== 0xfeff) return mdastBlocks(text);
  // A second BOM is an ordinary character: a blank line in place of the first keeps every offset.
  if (text.charCodeAt(1) === 0xfeff) return mdastBlocks('\n' + text.slice(1));
  const { blocks, frontMatter } = mdastBlocks(text.slice(1));
  const shift = <T extends { start: number; end: number }>(x: T): T => ({ ...x, start: x.start + 1, end: x.end + 1 });
  const shifted = blocks.map((b) => ({
    ...shift(b),
    ...(b.contentStart !== undefined ? { contentStart: b.contentStart + 1 } : {}),
    ...(b.contentEnd !== undefined ? { contentEnd: b.contentEnd + 1 } : {}),
  }));
  if (!frontMatter) return { blocks: shifted };
  const fields = new Map([...frontMatter.fields].map(([k, v]) => [k, shift(v)]));
  return { blocks: shifted, frontMatter: { ...shift(frontMatter), fields } };
};

const corpus = join(dirname(fileURLToPath(import.meta.url)), '../../../fixtures/corpus/markdown');

describe('micromark block reader equals the remark (mdast) reader', () => {
  it('on the Markdown corpus', () => {
    const files = readdirSync(corpus).filter((f) => f.endsWith('.md'));
    expect(files.length).toBeGreaterThan(0);
    for (const f of files) {
      const text = readFileSync(join(corpus, f), 'utf8');
      expect(blocksOf(text), f).toEqual(expectedBlocks(text));
    }
  });

  it('counts a BOM that starts the text, so offsets stay offsets into the text', () => {
    const text = '\ufeff# 一、总体情况\n\n工作取得成效。';
    const doc = parse(text, { format: 'markdown' });
    const h = doc.headings[0];
    expect(h && text.slice(h.range.start, h.range.end)).toBe('一、总体情况');
    expect(doc.sentences.map((s) => text.slice(s.range.start, s.range.end))).toEqual(['一、总体情况', '工作取得成效。']);
  });

  it('on generated report-like Markdown (the fast path beside micromark runs)', () => {
    fc.assert(
      fc.property(reportLikeDoc, (text) => {
        expect(blocksOf(text)).toEqual(expectedBlocks(text));
      }),
      { numRuns: 600 },
    );
  }, 60_000);

  it('reads blocks and restart points as micromark alone does (report-like Markdown, ordered items)', () => {
    const items = fc.array(
      fc.tuple(
        fc.array(
          fc.constantFrom('1. 压实工作责任。', '2. 完善制度机制。', '2) 第二项', '（二）树牢法治思维。', '# 二、下一步打算', '    代码', ' 续行', '1. ', '文字<b>粗</b>'),
          { minLength: 1, maxLength: 6 },
        ),
        fc.constantFrom('\n\n', '\n', '\n  \n', '\r\n\r\n'),
      ),
      { maxLength: 12 },
    );
    // After indented code micromark lets only `1.` start a list: `2.` is a paragraph's text there.
    for (const text of ['    代码\n\n2. 完善制度机制。\n1. 压实工作责任。\n\n', '- 项\n\n1. 压实工作责任。\n（二）续行\n', '1. 甲\n\n2. 乙\n']) {
      expect(markdownBlocks(text), text).toEqual(micromarkOnlyBlocks(text));
    }
    fc.assert(
      fc.property(fc.oneof(reportLikeDoc, items.map((groups) => groups.map(([lines, sep]) => lines.join('\n') + sep).join(''))), (text) => {
        expect(markdownBlocks(text)).toEqual(micromarkOnlyBlocks(text));
      }),
      { numRuns: 1000 },
    );
  }, 60_000);

  it('reads quotes of `> ` lines as micromark alone does (the quote lines read without it)', () => {
    const line = fc.tuple(
      fc.constantFrom('> ', '> ', '> ', '>', '>  ', '> - ', '> 1. ', '', ' > ', '>> ', '# ', '- '),
      fc.constantFrom('段落。', '　缩进', 'x 段落', '（一）加强', '- a', '1. a', '# h', '> b', '', '    代码', '=', '---', '<!-- c -->', '[x]: y', '```', 'a  '),
      fc.constantFrom('\n', '\n', '\n\n', '\r\n', '\n \n'),
    );
    // A list item in a quote with more lazy lines than the guard allows: its marker is read as text.
    const lazyItem = '> - 段落0\n' + Array.from({ length: 80 }, (_, i) => `> 段落${i + 1}\n`).join('');
    for (const text of ['> 甲\n> 乙。\n\n正文\n', '> 甲\n乙\n', '> 甲\n>\n> 乙\n', '> 甲\n> ===\n', '> 　甲 \r\n> 乙\r\n', lazyItem, '    代码\n\n> 甲\n']) {
      expect(markdownBlocks(text), text).toEqual(micromarkOnlyBlocks(text));
    }
    fc.assert(
      fc.property(fc.array(line, { maxLength: 10 }), (lines) => {
        const text = lines.map(([m, l, end]) => m + l + end).join('');
        expect(markdownBlocks(text)).toEqual(micromarkOnlyBlocks(text));
        expect(blocksOf(text)).toEqual(expectedBlocks(text));
      }),
      { numRuns: 800 },
    );
  }, 60_000);

  it('reads quotes with lazy continuation lines as micromark alone does (flattened past the guard\'s cap too)', () => {
    // A quote line, then lines without `>` (lazy when nothing in them opens or interrupts a block), quote lines, and
    // every kind of line that may not be lazy: markers, items, headings, fences, HTML, setext underlines, tables,
    // indentation, tabs, `>` later in the line or after spaces.
    const next = fc.tuple(
      fc.constantFrom(
        '段落。', '段落。', '段落。', 'x 段落', '（一）加强', 'a > b', '甲>乙', ' 续行', '   续行', '    缩进', '     代码', '\t制表',
        ' > 引', '   > 引', '    > 引', '> 引用', '>> 深', '> ', '>', '- a', '* a', '+ a', '1. a', '2. a', '1) a', '# h', '#h', '=', '===',
        '-', '---', '***', '___', '```', '~~~', '<div>', '<!-- c -->', '文<!-- c -->', '| a | b |', '[x]: y', '　全角', '\u00a0不换行',
      ),
      fc.constantFrom('\n', '\n', '\n', '\r\n', '\n\n', '\n \n'),
    );
    const group = fc.tuple(fc.constantFrom('> 甲', '> 　甲', '>  甲', '> 1. 甲', '> - 甲', '甲'), fc.array(next, { maxLength: 12 }));
    // Past 64 lazy lines in the text the guard reads every quote marker as a space (or as text where spaces
    // would indent four columns): a second reading of the same groups, after a quote of 70 lazy lines.
    const lazyTail = '\n> 尾\n' + Array.from({ length: 70 }, (_, i) => `懒${i}\n`).join('');
    // Indented quote markers flattened as text (`  > 引` read as `  　 引`): the paragraph's block starts after them.
    const flat = ['甲\n\n  > 引\n', '> 甲\n# h\n   > 引\n\n> 甲\n', '  > \n', '  >  \r\n', '甲\n\n  > 引\n乙\n'].map((t) => t + lazyTail);
    for (const text of ['> 甲\n乙\n', '> 甲\n乙\n> 丙\n丁\n', '> 甲\n    乙\n', '> 甲\n===\n', '> 甲\n---\n', '> 甲\n2. 乙\n', '> 甲\n乙\n' + lazyTail, lazyTail.slice(1), ...flat]) {
      expect(markdownBlocks(text), text).toEqual(micromarkOnlyBlocks(text));
    }
    fc.assert(
      fc.property(fc.array(group, { minLength: 1, maxLength: 4 }), fc.boolean(), (groups, flatten) => {
        const base = groups.map(([first, rest]) => first + '\n' + rest.map(([l, end]) => l + end).join('')).join('\n');
        const text = flatten ? base + lazyTail : base;
        expect(markdownBlocks(text)).toEqual(micromarkOnlyBlocks(text));
        if (!flatten) expect(blocksOf(text)).toEqual(expectedBlocks(text));
      }),
      { numRuns: 1500 },
    );
  }, 120_000);

  it('reads bullet and ordered items with indented and lazy lines as micromark alone does (guarded texts too)', () => {
    const next = fc.tuple(
      fc.constantFrom(
        '段落。', '段落。', ' 续行', '  续行', '  续行', '   续行', '    续行', '     续行', '      续行', '  　 续行', '  > 引', '  >>>> 深',
        '- 项', '- 项', '* 项', '+ 项', '-  项', '- - -', '- # h', '1. 项', '2. 项', '1) 项', '  - 子项', '    - 子项', '      - 子项', '     1. 子项',
        '      ```', '      # h', '      <div>', '     \t制表', '  \t制表', '> 引', '# h', '=', '---', '```', '<!-- c -->', '  <!-- c -->', '[x]: y',
      ),
      fc.constantFrom('\n', '\n', '\n', '\r\n', '\n\n', '\n \n'),
    );
    const group = fc.tuple(fc.constantFrom('- 甲', '* 甲', '+ 甲', '1. 甲', '- >>>>>>>> 甲', '- 　甲', '甲', '> 甲'), fc.array(next, { maxLength: 12 }));
    // Past 64 lazy lines the guard reads quote markers as spaces (or text), past 64 lazy lines under an item its marker as text.
    const quoteTail = '\n> 尾\n' + Array.from({ length: 70 }, (_, i) => `懒${i}\n`).join('');
    const listTail = '\n- 尾\n' + Array.from({ length: 70 }, (_, i) => `懒${i}\n`).join('');
    for (const text of ['- 甲\n  乙\n', '- 甲\n      - 乙\n', '- 甲\n* 乙\n', '甲\n- 乙\n', '- 甲\n\n  乙\n', '- >>>> 甲\n  > 乙\n' + quoteTail, '- 甲\n乙\n' + listTail]) {
      expect(markdownBlocks(text), text).toEqual(micromarkOnlyBlocks(text));
    }
    fc.assert(
      fc.property(fc.array(group, { minLength: 1, maxLength: 4 }), fc.constantFrom('', '', quoteTail, listTail), (groups, tail) => {
        const text = groups.map(([first, rest]) => first + '\n' + rest.map(([l, end]) => l + end).join('')).join('\n') + tail;
        expect(markdownBlocks(text)).toEqual(micromarkOnlyBlocks(text));
        if (tail === '') expect(blocksOf(text)).toEqual(expectedBlocks(text));
      }),
      { numRuns: 1500 },
    );
  }, 120_000);

  it('finds a line\'s `<!--` or lone CR wherever it is (other `<`, `<!-` and `\\r\\n` before or after it)', () => {
    const line = fc
      .array(fc.constantFrom('甲', '乙。', '<', '<b>', '!', '-', '<!-', '<!--', '-->', '\r', ' ', '1. '), { maxLength: 10 })
      .map((units) => units.join(''));
    fc.assert(
      fc.property(fc.array(fc.tuple(line, fc.constantFrom('\n', '\r\n', '\n\n')), { maxLength: 8 }), (lines) => {
        const text = lines.map(([l, end]) => l + end).join('');
        expect(markdownBlocks(text)).toEqual(micromarkOnlyBlocks(text));
      }),
      { numRuns: 1500 },
    );
  }, 60_000);

  it('on random strings of Markdown-significant characters', () => {
    fc.assert(
      fc.property(markdownNoise, (text) => {
        expect(blocksOf(text)).toEqual(expectedBlocks(text));
      }),
      { numRuns: 1000 },
    );
  }, 60_000);

  it('on generated Markdown (headings, lists, quotes, comments, code, HTML, front matter)', () => {
    fc.assert(
      fc.property(markdownDoc, (text) => {
        expect(blocksOf(text)).toEqual(expectedBlocks(text));
      }),
      { numRuns: 600 },
    );
  }, 60_000);
});

describe('the group lines kept between calls of markdownBlocks', () => {
  it('reads a short text after a long group, and the long group again, as micromark does', () => {
    // The first text grows the kept array; the later ones read over what it left in it.
    const long = '#\n'.repeat(3000) + '段落一\n段落二\n';
    const short = '# 标题\n正文一行\n\n- 项\n';
    for (const t of [long, short, long.slice(0, 2000), short]) expect(markdownBlocks(t)).toEqual(micromarkOnlyBlocks(t));
  });
});
