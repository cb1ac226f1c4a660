/**
 * Pathological shapes of input, each a function of its size in characters:
 * the ones a robustness review found (empty Markdown headings by the million,
 * list markers repeated on one line, deep lists, long front matter) and the
 * other shapes a linear parser must take in its stride (block quotes nested on
 * one line, block quotes whose depth drops without a blank line and list items
 * continued without indentation (lazy continuation lines), one multi-megabyte line, a hundred thousand tiny lines, counts and
 * statistics sentences line after line, unclosed comments and brackets,
 * 400-digit numbers). Used by the scaling tests (n vs 8n) and by `pnpm bench`.
 */

/** A text to lint and how to parse it. */
export interface ShapeInput {
  readonly text: string;
  readonly format: 'markdown' | 'plaintext';
}

/** One shape. */
export interface Shape {
  readonly id: string;
  /** What it is, in a few words. */
  readonly description: string;
  make(chars: number): ShapeInput;
}

/** `unit` repeated until the text has at least `chars` characters, then `tail`. */
function repeat(unit: string, chars: number, tail = ''): string {
  return unit.repeat(Math.max(1, Math.ceil((chars - tail.length) / unit.length))) + tail;
}

/** Lines `line(0)`, `line(1)`, … until the text has at least `chars` characters. */
function lines(chars: number, line: (i: number) => string): string {
  const parts: string[] = [];
  let length = 0;
  for (let i = 0; length < chars; i++) {
    const l = `${line(i)}\n`;
    parts.push(l);
    length += l.length;
  }
  return parts.join('');
}

const SENTENCE = '2023年，全县共收到行政复议申请106件，审结90件，办结率84.9%，其中维持原行政行为62件。';

/** The shapes, each linear to read for a linear reader. */
export const SHAPES: readonly Shape[] = [
  { id: 'empty-headings', description: '`#` lines (an empty Markdown heading per line)', make: (n) => ({ text: repeat('#\n', n), format: 'markdown' }) },
  { id: 'list-markers-one-line', description: '`- - - … 一、主要举措` on one line', make: (n) => ({ text: repeat('- ', n, '一、主要举措'), format: 'markdown' }) },
  { id: 'star-markers-one-line', description: '`* * * … text` on one line', make: (n) => ({ text: repeat('* ', n, '一、主要举措'), format: 'markdown' }) },
  { id: 'ordered-markers-one-line', description: '`1. 1. 1. … text` on one line', make: (n) => ({ text: repeat('1. ', n, '一、主要举措'), format: 'markdown' }) },
  { id: 'quote-markers-one-line', description: '`> > > … text` (block quotes nested on one line)', make: (n) => ({ text: repeat('> ', n, '一、主要举措'), format: 'markdown' }) },
  {
    id: 'nested-lists',
    description: 'indented lists nested 400 deep, again and again',
    make: (n) => {
      const parts: string[] = [];
      let length = 0;
      for (let d = 0; length < n; d++) {
        const line = `${'  '.repeat(d % 400)}- 项目${d}\n`;
        parts.push(line);
        length += line.length;
      }
      return { text: parts.join(''), format: 'markdown' };
    },
  },
  {
    id: 'quote-lines',
    description: 'lines of block quotes one level deeper each, again and again',
    make: (n) => {
      const parts: string[] = [];
      let length = 0;
      for (let d = 0; length < n; d++) {
        const line = `${'>'.repeat((d % 200) + 1)} 段落${d}\n`;
        parts.push(line);
        length += line.length;
      }
      return { text: parts.join(''), format: 'markdown' };
    },
  },
  {
    id: 'quote-depth-drop',
    description: 'a quote line 8 deep, then 49 lines `> text` (shallower, lazy), again and again',
    make: (n) => ({ text: lines(n, (i) => `${i % 50 === 0 ? '>>>>>>>>' : '>'} 段落${i}`), format: 'markdown' }),
  },
  {
    id: 'quote-depth-cycle',
    description: 'quote lines 1 to 8 deep and back to 1, no blank line',
    make: (n) => ({ text: lines(n, (i) => `${'>'.repeat((i % 8) + 1)} 段落${i}`), format: 'markdown' }),
  },
  {
    id: 'quote-depth-alternating',
    description: 'quote lines 8 and 1 deep, alternating',
    make: (n) => ({ text: lines(n, (i) => `${i % 2 === 0 ? '>>>>>>>>' : '>'} 段落${i}`), format: 'markdown' }),
  },
  {
    id: 'quote-depth-rise-fall',
    description: 'quote lines rising from 1 to 8 deep, then falling back to 1',
    make: (n) => ({ text: lines(n, (i) => `${'>'.repeat(i % 16 < 8 ? (i % 16) + 1 : 16 - (i % 16))} 段落${i}`), format: 'markdown' }),
  },
  {
    id: 'quote-in-list-depth-drop',
    description: 'a list item holding a quote 8 deep, then lines `  > text` (one quote, lazy)',
    make: (n) => ({ text: lines(n, (i) => (i === 0 ? '- >>>>>>>> 段落0' : `  > 段落${i}`)), format: 'markdown' }),
  },
  {
    id: 'quote-lazy-lines',
    description: 'a quote line, then lines without `>` (its lazy continuation)',
    make: (n) => ({ text: lines(n, (i) => (i === 0 ? '> 段落0' : `段落${i}`)), format: 'markdown' }),
  },
  {
    id: 'list-lazy-lines',
    description: 'a list item, then lines not indented to it (its lazy continuation)',
    make: (n) => ({ text: lines(n, (i) => (i === 0 ? '- 段落0' : `段落${i}`)), format: 'markdown' }),
  },
  {
    id: 'quote-list-lazy-lines',
    description: 'a list item in a quote, then lines `> text` (lazy to the item)',
    make: (n) => ({ text: lines(n, (i) => (i === 0 ? '> - 段落0' : `> 段落${i}`)), format: 'markdown' }),
  },
  {
    id: 'front-matter',
    description: 'front matter of many `key: value` lines',
    make: (n) => {
      const parts = ['---\n'];
      let length = 4;
      for (let i = 0; length < n; i++) {
        const line = `key${i}: value ${i}\n`;
        parts.push(line);
        length += line.length;
      }
      parts.push('---\n# 2023年法治政府建设年度报告\n');
      return { text: parts.join(''), format: 'markdown' };
    },
  },
  { id: 'unclosed-comments', description: '`<!--` opened and never closed, line after line', make: (n) => ({ text: repeat('段落<!-- 注释\n', n), format: 'markdown' }) },
  { id: 'brackets', description: '`[` and `《` opened and never closed in one paragraph', make: (n) => ({ text: `<!-- x -->${repeat('[《（', n)}`, format: 'markdown' }) },
  { id: 'one-long-line', description: 'one line of prose, no line break', make: (n) => ({ text: repeat('法治政府建设取得成效，', n), format: 'plaintext' }) },
  { id: 'tiny-lines', description: 'one-character lines', make: (n) => ({ text: repeat('a\n', n), format: 'plaintext' }) },
  { id: 'count-lines', description: '`1件` lines', make: (n) => ({ text: repeat('1件\n', n), format: 'plaintext' }) },
  { id: 'statistics-lines', description: 'a statistics sentence per line', make: (n) => ({ text: repeat(`${SENTENCE}\n`, n), format: 'plaintext' }) },
  { id: 'statistics-one-line', description: 'statistics sentences run together on one line', make: (n) => ({ text: repeat(SENTENCE, n), format: 'plaintext' }) },
  { id: 'enumerated-headings', description: '`一、` heading lines with nothing under them', make: (n) => ({ text: repeat('一、\n（一）\n1.\n（1）\n', n), format: 'plaintext' }) },
  { id: 'huge-numbers', description: '400-digit counts and rates', make: (n) => ({ text: repeat(`收到${'9'.repeat(400)}件，办结${'9'.repeat(399)}件，办结率${'9'.repeat(30)}.${'3'.repeat(20)}%。\n`, n), format: 'plaintext' }) },
  { id: 'catalogue-titles', description: 'catalogue titles, some unbalanced, on one line', make: (n) => ({ text: repeat('贯彻《法治政府建设实施纲要（2015—2020年）》和党的十九大精神，《中华人民共和国', n), format: 'plaintext' }) },
];

/** A shape by id. */
export function shapeById(id: string): Shape {
  const shape = SHAPES.find((s) => s.id === id);
  if (!shape) throw new Error(`no shape ${id}`);
  return shape;
}
