/**
 * The Markdown reader's guards against micromark's superlinear costs
 * (src/markdown-guard.ts): the same blocks where no cap applies, the caps
 * where they do, and an `EditMap.consume` that gives the same events.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { guardMarkdown, MAX_CONTAINER_DEPTH, MAX_LAZY_LIST_LINES, MAX_LAZY_QUOTE_LINES, MAX_LINE_MARKERS, patchEditMap } from '../src/markdown-guard.js';
import { markdownBlocks, markdownInputLimits } from '../src/markdown.js';
import { mdastBlocks } from './support/mdast-blocks.js';
import { markdownDoc } from './support/markdown-gen.js';

const corpus = join(dirname(fileURLToPath(import.meta.url)), '../../../fixtures/corpus/markdown');
const blocksOf = (text: string): unknown => {
  const { roots: _roots, ...rest } = markdownBlocks(text);
  return rest;
};

describe('guardMarkdown', () => {
  it('leaves reports and ordinary Markdown as they are', () => {
    for (const f of readdirSync(corpus).filter((n) => n.endsWith('.md'))) {
      const text = readFileSync(join(corpus, f), 'utf8');
      const g = guardMarkdown(text);
      expect(g.text).toBe(text);
      expect(g.limits).toEqual([]);
    }
    fc.assert(
      fc.property(markdownDoc, (text) => {
        expect(guardMarkdown(text).text).toBe(text);
      }),
      { numRuns: 300, seed: 16 },
    );
  });

  it(`reads container markers past ${MAX_LINE_MARKERS} on a line as text, once reported`, () => {
    const line = `${'- '.repeat(1000)}一、主要举措`;
    const text = `# 报告\n\n${line}\n\n${'> '.repeat(40)}段落\n`;
    const g = guardMarkdown(text);
    expect(g.text.length).toBe(text.length);
    expect(g.limits).toEqual([{ kind: 'markers', start: 6, end: 6 + line.length, lines: 2, limit: MAX_LINE_MARKERS }]);
    // The text after the cap is one paragraph, read from the author's text.
    const paragraphs = markdownBlocks(text).blocks.filter((b) => b.kind === 'paragraph');
    expect(paragraphs.map((b) => text.slice(b.start, b.end).endsWith('一、主要举措') || text.slice(b.start, b.end).endsWith('段落'))).toEqual([true, true]);
    expect(markdownInputLimits(text).map((l) => l.kind)).toEqual(['markers']);
  });

  it(`reads block quotes with more than ${MAX_LAZY_QUOTE_LINES} lazy lines as plain text, with the same paragraphs`, () => {
    const text = '# 报告\n\n' + '> 段落开头\n续行在引用之外。\n\n'.repeat(MAX_LAZY_QUOTE_LINES + 10);
    const g = guardMarkdown(text);
    expect(g.limits.map((l) => [l.kind, l.lines])).toEqual([['lazy-quotes', MAX_LAZY_QUOTE_LINES + 10]]);
    expect(g.text).not.toContain('>');
    // What remark makes of the quotes, paragraph for paragraph.
    expect(blocksOf(text)).toEqual(mdastBlocks(text));
    const few = '> 段落开头\n续行在引用之外。\n\n'.repeat(10);
    expect(guardMarkdown(few).text).toBe(few);
  });

  const nested = (depth: number, times = 1): string => {
    const lines: string[] = [];
    for (let t = 0; t < times; t++) for (let d = 0; d < depth; d++) lines.push(`${'  '.repeat(d)}- 项目${t}-${d}`);
    return `# 报告\n\n${lines.join('\n')}\n\n## 结尾\n\n段落。\n`;
  };

  it(`reads lists nested ${MAX_CONTAINER_DEPTH} deep as remark does`, () => {
    const text = nested(MAX_CONTAINER_DEPTH, 3);
    const g = guardMarkdown(text);
    expect(g.text).toBe(text);
    expect(g.limits).toEqual([]);
    expect(blocksOf(text)).toEqual(mdastBlocks(text));
    // Quotes inside the deepest item still count as one level each, and up to the cap are quotes.
    const quoted = `- a\n  - b\n    ${'> '.repeat(MAX_CONTAINER_DEPTH - 2)}段落\n`;
    expect(guardMarkdown(quoted).text).toBe(quoted);
    expect(blocksOf(quoted)).toEqual(mdastBlocks(quoted));
  });

  it(`reads a list marker ${MAX_CONTAINER_DEPTH + 1} levels deep as text, reported once`, () => {
    const text = nested(MAX_CONTAINER_DEPTH + 8, 3);
    const g = guardMarkdown(text);
    expect(g.text.length).toBe(text.length);
    const first = text.indexOf(`${'  '.repeat(MAX_CONTAINER_DEPTH)}- 项目0-${MAX_CONTAINER_DEPTH}`);
    expect(g.limits).toEqual([{ kind: 'depth', start: first, end: text.indexOf('\n', first), lines: 3 * 8, limit: MAX_CONTAINER_DEPTH }]);
    // Only the markers past the cap changed; the blocks before the cap and after the list are remark's
    // (the deepest item's paragraph goes on over the lines read as text).
    const changed = [...text].flatMap((c, i) => (g.text[i] === c ? [] : [i]));
    expect(changed.length).toBe(3 * 8);
    for (const i of changed) expect(text[i]).toBe('-');
    const blocks = markdownBlocks(text).blocks;
    const expected = mdastBlocks(text) as { blocks: { start: number; end: number }[] };
    expect(blocks.filter((b) => b.end < first - 1)).toEqual(expected.blocks.filter((b) => b.end < first - 1));
    const tail = text.indexOf('## 结尾');
    expect(blocks.filter((b) => b.start >= tail)).toEqual(expected.blocks.filter((b) => b.start >= tail));
    // Every item's text is still read, from the author's text.
    for (let d = 0; d < MAX_CONTAINER_DEPTH + 8; d++) expect(blocks.some((b) => text.slice(b.start, b.end).includes(`项目2-${d}`))).toBe(true);
    expect(markdownInputLimits(text).map((l) => l.kind)).toEqual(['depth']);
    // A quote opened inside items 31 deep is the 32nd level; one more is text.
    const items = Array.from({ length: MAX_CONTAINER_DEPTH - 1 }, (_, d) => `${'  '.repeat(d)}- 项目${d}\n`).join('');
    const inside = `${items}${'  '.repeat(MAX_CONTAINER_DEPTH - 1)}> 段落\n`;
    expect(guardMarkdown(inside).text).toBe(inside);
    expect(blocksOf(inside)).toEqual(mdastBlocks(inside));
    const deeper = `${items}${'  '.repeat(MAX_CONTAINER_DEPTH - 1)}> > 段落\n`;
    expect(guardMarkdown(deeper).limits.map((l) => l.kind)).toEqual(['depth']);
  });

  it('counts every lazy line of a quote, and quote lines shallower than the quotes open, as lazy', () => {
    // One quote with many lines without `>` (every one is lazy, not only the first).
    const lazyRun = `# 报告\n\n> 引文开头\n${'续行在引用之外。\n'.repeat(MAX_LAZY_QUOTE_LINES + 6)}\n## 结尾\n\n段落。\n`;
    const g = guardMarkdown(lazyRun);
    expect(g.limits.map((l) => [l.kind, l.lines])).toEqual([['lazy-quotes', MAX_LAZY_QUOTE_LINES + 6]]);
    expect(blocksOf(lazyRun)).toEqual(mdastBlocks(lazyRun));
    // A quote 8 deep, then shallower quote lines: micromark keeps the 8 quotes open and reads them
    // as lazy lines of the deep paragraph; past the cap, one report, at the first of them.
    const deep = '>>>>>>>> 深处的段落\n';
    const drop = `# 报告\n\n${deep}${'> 浅一层的续行\n'.repeat(MAX_LAZY_QUOTE_LINES + 1)}\n## 结尾\n\n段落。\n`;
    const d = guardMarkdown(drop);
    const first = drop.indexOf('> 浅');
    expect(d.limits).toEqual([{ kind: 'lazy-quotes', start: first, end: drop.indexOf('\n', first), lines: MAX_LAZY_QUOTE_LINES + 1, limit: MAX_LAZY_QUOTE_LINES }]);
    expect(d.text.length).toBe(drop.length);
    expect(d.text).not.toContain('>');
    // The same blocks as remark (laziness made the quote's lines one paragraph, and it starts where
    // the author's does, after the markers read as text), offsets into the author's text; the text
    // after the quotes is still read.
    expect(blocksOf(drop)).toEqual(mdastBlocks(drop));
    expect(markdownBlocks(drop).blocks.some((b) => drop.slice(b.start, b.end).startsWith('深处的段落\n> 浅一层的续行'))).toBe(true);
    expect(markdownInputLimits(drop).map((l) => l.kind)).toEqual(['lazy-quotes']);
    // Quotes in a list item whose lines drop to one `>`.
    const inList = `- >>>>>>>> 深处\n${'  > 续行\n'.repeat(MAX_LAZY_QUOTE_LINES + 1)}`;
    expect(guardMarkdown(inList).limits.map((l) => l.kind)).toEqual(['lazy-quotes']);
  });

  it('leaves quotes whose depth drops a few times, or after a blank line, as they are', () => {
    // Up to the cap: the lazy lines are remark's.
    const few = `>>>>>>>> 深处\n${'> 续行\n'.repeat(MAX_LAZY_QUOTE_LINES)}\n段落。\n`;
    expect(guardMarkdown(few).text).toBe(few);
    expect(blocksOf(few)).toEqual(mdastBlocks(few));
    // A blank line (or a quote line with nothing after its markers) closes the paragraph: the
    // shallower lines after it are no lazy lines, however many.
    for (const gap of ['\n', '>>>>>>>>\n']) {
      const closed = `>>>>>>>> 深处\n${gap}${'> 浅处\n'.repeat(MAX_LAZY_QUOTE_LINES + 10)}`;
      expect(guardMarkdown(closed).limits, JSON.stringify(gap)).toEqual([]);
      expect(blocksOf(closed)).toEqual(mdastBlocks(closed));
    }
    // Quotes one level deeper each line open new quotes: no lazy line.
    const rising = Array.from({ length: 30 }, (_, d) => `${'>'.repeat(d + 1)} 段落${d}\n`).join('');
    expect(guardMarkdown(rising.repeat(1)).text).toBe(rising);
    // Quotes of one depth in a list, and lists in quotes, line after line.
    const items = `${'- > 项目\n'.repeat(100)}\n${'> - 项目\n'.repeat(100)}`;
    expect(guardMarkdown(items).limits).toEqual([]);
  });

  it(`reads a list item whose paragraph has more than ${MAX_LAZY_LIST_LINES} lazy lines as a paragraph, with remark's blocks`, () => {
    for (const [item, lazy] of [
      ['- 项目开头', '续行在列表项之外。'],
      ['1. 项目开头', '续行。'],
      ['> - 引用中的项目', '> 续行只有引用的标记。'],
    ] as const) {
      const text = `# 报告\n\n${item}\n${`${lazy}\n`.repeat(MAX_LAZY_LIST_LINES + 6)}\n- 下一项\n\n## 结尾\n\n段落。\n`;
      const g = guardMarkdown(text);
      const first = text.indexOf(lazy);
      expect(g.limits, item).toEqual([{ kind: 'lazy-list', start: first, end: first + lazy.length, lines: MAX_LAZY_LIST_LINES + 6, limit: MAX_LAZY_LIST_LINES }]);
      // Only the item's marker is read as text: the paragraph started at the marker anyway.
      const changed = [...text].flatMap((c, i) => (g.text[i] === c ? [] : [i]));
      expect(changed.map((i) => text[i]), item).toEqual([item.startsWith('>') ? '-' : item[0]]);
      expect(blocksOf(text), item).toEqual(mdastBlocks(text));
      expect(markdownInputLimits(text).map((l) => l.kind)).toEqual(['lazy-list']);
      // Up to the cap, remark's reading as it is.
      const few = `${item}\n${`${lazy}\n`.repeat(MAX_LAZY_LIST_LINES)}\n段落。\n`;
      expect(guardMarkdown(few).text).toBe(few);
    }
    // Items kept open inside each other merge into one paragraph past the cap, every line still read.
    const nested = `- 外层\n  - 内层\n${'续行。\n'.repeat(MAX_LAZY_LIST_LINES + 1)}\n段落。\n`;
    const blocks = markdownBlocks(nested).blocks;
    expect(blocks.map((b) => [b.start, b.end])).toEqual([
      [0, nested.indexOf('\n\n')],
      [nested.indexOf('段落'), nested.length - 1],
    ]);
    // Ordered items other than 1 do not interrupt the item's paragraph but, not indented, open a list of their own.
    const ordered = `- 项目\n${'2. 另一个列表的项\n'.repeat(MAX_LAZY_LIST_LINES + 6)}`;
    expect(guardMarkdown(ordered).limits).toEqual([]);
    expect(blocksOf(ordered)).toEqual(mdastBlocks(ordered));
  });

  it('flattens hundreds of thousands of quote markers without overflowing the stack', () => {
    const text = '> a\nb\n\n'.repeat(200_000);
    const g = guardMarkdown(text);
    expect(g.text.length).toBe(text.length);
    expect(g.text).not.toContain('>');
    expect(g.limits.map((l) => l.kind)).toEqual(['lazy-quotes']);
  });

  it('keeps a quote line with deep content from turning into indented code', () => {
    const text = '> a\nb\n\n'.repeat(MAX_LAZY_QUOTE_LINES + 1) + '> > >   深处的段落\n';
    const g = guardMarkdown(text);
    const line = g.text.slice(g.text.lastIndexOf('\n', g.text.length - 2) + 1);
    expect(line.startsWith('    ')).toBe(false);
    expect(markdownBlocks(text).blocks.some((b) => text.slice(b.start, b.end).includes('深处的段落'))).toBe(true);
  });
});

describe('patchEditMap', () => {
  /** micromark-util-edit-map 1.0.0's consume, as it was: the reference. */
  function originalConsume(map: [number, number, unknown[]][], events: unknown[]): void {
    map.sort((a, b) => a[0] - b[0]);
    if (map.length === 0) return;
    let index = map.length;
    const vecs: unknown[][] = [];
    while (index > 0) {
      index -= 1;
      const change = map[index] as [number, number, unknown[]];
      vecs.push(events.slice(change[0] + change[1]), change[2]);
      events.length = change[0];
    }
    vecs.push(events.slice());
    events.length = 0;
    let slice = vecs.pop();
    while (slice) {
      for (const e of slice) events.push(e);
      slice = vecs.pop();
    }
  }

  it('gives the events the original gives, for any edits', () => {
    class FakeEditMap {
      map: [number, number, unknown[]][] = [];
      consume(_events: unknown[]): void {
        throw new Error('not patched');
      }
    }
    patchEditMap(FakeEditMap as never);
    const edits = fc.uniqueArray(fc.tuple(fc.nat({ max: 60 }), fc.nat({ max: 5 }), fc.array(fc.integer({ min: 1000, max: 2000 }), { maxLength: 4 })), {
      selector: (e) => e[0],
      maxLength: 6,
    });
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 60 }), edits, (length, changes) => {
        const events = Array.from({ length }, (_, i) => i);
        const expected = [...events];
        originalConsume(changes.map((c) => [c[0], c[1], [...c[2]]]), expected);
        const map = new FakeEditMap();
        map.map = changes.map((c) => [c[0], c[1], [...c[2]]]);
        map.consume(events);
        expect(events).toEqual(expected);
      }),
      { numRuns: 1000, seed: 16 },
    );
  });
});
