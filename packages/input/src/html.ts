/**
 * `@fzlint/input/html`: the web-page reader, loaded only when a `.html` file is
 * met (it pulls in the HTML parser).
 *
 * Cost: linear in the page, in time and memory, whatever it holds. htmlparser2
 * tokenizes in one pass, with its stack of open elements replaced by one that
 * pushes and pops ({@link topFirstStack}: its own shifts every element on each
 * open tag, n² on deep nesting); the tree is capped at {@link MAX_HTML_DEPTH}
 * levels; every walk is iterative (5,000 nested elements overflowed the stack
 * before), facts about subtrees are computed once bottom-up, and ancestry is a
 * pre-order interval test. Measured on a shared 2-core machine: 0.2 s and about
 * 20 bytes of heap per byte of page (docs/robustness.md).
 */
import { Parser } from 'htmlparser2';
import { looksLikeTitle, normalizeText, toMarkdown, type ConvertOutcome, type SourceBlock } from './blocks.js';
import { decodeWithCharset } from './decode.js';

/*
 * HTML → blocks. Two uses: the clean HTML mammoth makes of a Word document
 * (every block kept), and a page saved from a government website, where only
 * the report is wanted: the container holding most of the page's prose is the
 * body, the 索引号 table and the “发布时间：… 来源：…” line become metadata
 * lines the parser reads (so the publication date still counts), the title is
 * taken from the heading above the body, and the rest (navigation, footers,
 * 扫一扫在手机打开当前页) is left out.
 */

interface Element {
  readonly tag: string;
  readonly attrs: Readonly<Record<string, string>>;
  readonly children: (Element | string)[];
  readonly parent: Element | undefined;
  readonly depth: number;
  /** Pre-order number, and the largest pre-order number in its subtree (ancestry in O(1)). */
  pre: number;
  last: number;
  /** Whether a `table` element is inside it (below it, not itself). */
  hasTable: boolean;
}

/** A block of text in document order, with the element it came from. */
interface RawBlock {
  text: string;
  /** The innermost block-level element the text sits in. */
  readonly owner: Element;
  /** `h1`–`h6` level, when inside a heading element. */
  readonly headingLevel?: number;
  /** A `class` naming a title (`<div class="title">`, mammoth's `h1.doc-title`). */
  readonly titleClass: boolean;
  /** Table cells (a row of a small table: data or the 索引号 table). */
  readonly cells?: readonly string[];
}

// Never text of the report.
const SKIP_TAGS: ReadonlySet<string> = new Set([
  'script', 'style', 'noscript', 'template', 'textarea', 'select', 'option', 'svg', 'iframe', 'object',
  'embed', 'canvas', 'map', 'button', 'input', 'head', 'img', 'audio', 'video',
]);
// Page furniture by its HTML5 role.
const PAGE_SKIP_TAGS: ReadonlySet<string> = new Set(['nav', 'header', 'footer', 'aside', 'form']);
const BLOCK_TAGS: ReadonlySet<string> = new Set([
  'p', 'div', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'dt', 'dd', 'blockquote', 'pre', 'section', 'article',
  'main', 'center', 'ul', 'ol', 'dl', 'table', 'tbody', 'thead', 'tfoot', 'tr', 'td', 'th', 'caption', 'body',
  'html', 'hr', 'address', 'figure', 'figcaption', 'fieldset', 'font-block',
]);
const HEADING_TAG = /^h([1-6])$/;
const TITLE_CLASS = /(?:^|[\s_-])(?:doc-title|title|bt|article-title|tit)(?:$|[\s_-])/i;
/** A table cell this long, or holding a table, is page layout rather than a data row. */
const LAYOUT_CELL_CHARS = 200;

/**
 * Elements nested deeper than this are read as part of the element at this
 * depth (browsers cap their trees the same way: Blink at 512). No page
 * nests that deep; a file that does is hostile or broken, and the cap keeps
 * every walk below shallow.
 */
export const MAX_HTML_DEPTH = 512;

/** Metadata keys of government pages, mapped to the key the parser reads. */
const META_KEYS: Readonly<Record<string, string>> = {
  索引号: '索引号',
  发布机构: '发布机构',
  发文机关: '发文机关',
  公开方式: '公开方式',
  成文日期: '成文日期',
  发文日期: '发文日期',
  印发日期: '发文日期',
  发布日期: '发布日期',
  发布时间: '发布日期',
  生成日期: '生成日期',
  文号: '文号',
  发文字号: '发文字号',
  文件编号: '文件编号',
  主题分类: '主题分类',
  组配分类: '组配分类',
  主题词: '主题词',
  信息来源: '信息来源',
  来源: '来源',
  有效性: '有效性',
  标题: '标题',
  名称: '标题',
  公开范围: '公开范围',
  公开时限: '公开时限',
  责任部门: '责任部门',
};
const KEY_ALTERNATION = Object.keys(META_KEYS)
  .sort((a, b) => b.length - a.length)
  .map((k) => [...k].join('\\s*'))
  .join('|');
/** A cell that is only a key (`索引号：`). */
const KEY_ONLY = new RegExp(`^(${KEY_ALTERNATION})\\s*[:：]?$`);
/** A line made of `key：value` pairs (`发布时间：2024-03-28 来源：县司法局`). */
const META_LINE = new RegExp(`^(?:${KEY_ALTERNATION})\\s*[:：]`);
// Page counters and widgets that end a metadata value (`来源：县司法局 浏览次数：1024 【字体：大 中 小】`).
const META_STOP = '浏览次数|点击数|点击量|访问量|阅读次数|阅读量|作者|责任编辑|编辑|字体|字号|【';
const META_PAIR = new RegExp(`(${KEY_ALTERNATION}|${META_STOP})\\s*[:：]?\\s*`, 'g');
const STOP_KEY = new RegExp(`^(?:${META_STOP})$`);
// Furniture lines left inside the article container.
const PAGE_JUNK =
  /扫一扫在手机打开当前页|扫一扫|打印本页|关闭窗口|【\s*(?:字体|打印|关闭)|字号\s*[:：]?\s*[大中小]|分享到|浏览次数|访问量|阅读次数|点击数|上一篇|下一篇|相关链接|相关文件|网站地图|版权所有|ICP备|公网安备|网站标识码|主办单位|承办单位|技术支持|当前位置|您当前的位置|您的位置|无障碍|适老化|^首页$|^返回(?:顶部)?$/;
const META_PUBDATE = /^(?:pubdate|publishdate|firstpublishedtime|publishtime|pubtime|dc\.date|article:published_time)$/i;
const META_TITLE = /^(?:articletitle|title|og:title|dc\.title)$/i;
const ISO_DAY = /((?:19|20)\d{2})\D{1,2}(\d{1,2})\D{1,2}(\d{1,2})/;

function isElement(node: Element | string): node is Element {
  return typeof node !== 'string';
}

/**
 * htmlparser2 keeps its open elements innermost first, with `unshift` and
 * `shift`: each `unshift` moves the whole stack, so a page of n nested
 * elements cost n² (200,000 nested `<div>` took 100 s). This stack answers the
 * same calls innermost last: `unshift`/`shift` are a push and a pop, `[i]`
 * counts from the top, and `indexOf` knows from a count of open names when a
 * closing tag matches nothing (a scan that finds its element is paid for by
 * the elements it then closes). Linear in the number of tags. Exported for its test.
 */
export function topFirstStack<T>(initial: readonly T[] = []): T[] {
  const items: T[] = [];
  const counts = new Map<T, number>();
  const add = (x: T): void => {
    items.push(x);
    counts.set(x, (counts.get(x) ?? 0) + 1);
  };
  for (let i = initial.length - 1; i >= 0; i--) add(initial[i] as T);
  const methods = {
    unshift(x: T): number {
      add(x);
      return items.length;
    },
    shift(): T | undefined {
      if (items.length === 0) return undefined;
      const x = items.pop() as T;
      const c = counts.get(x) ?? 0;
      if (c <= 1) counts.delete(x);
      else counts.set(x, c - 1);
      return x;
    },
    indexOf(x: T): number {
      if (!counts.has(x)) return -1;
      for (let i = items.length - 1; i >= 0; i--) if (items[i] === x) return items.length - 1 - i;
      return -1;
    },
  };
  return new Proxy(items, {
    get(target, key) {
      if (key === 'length') return target.length;
      if (typeof key === 'string' && key in methods) return methods[key as keyof typeof methods];
      if (typeof key === 'string') {
        const i = Number(key);
        if (Number.isInteger(i) && i >= 0 && String(i) === key) return target[target.length - 1 - i];
      }
      return Reflect.get(target, key) as unknown;
    },
    set(target, key, value) {
      if (key === 'length' && value === 0) {
        target.length = 0;
        counts.clear();
        return true;
      }
      throw new Error(`unexpected write to the parser stack: ${String(key)}`);
    },
  });
}

/** What {@link parseTree} gives. */
interface ParsedPage {
  readonly root: Element;
  readonly metas: Record<string, string>[];
  readonly titleText: string;
  /** Whether elements were nested deeper than {@link MAX_HTML_DEPTH} (and read as part of the element there). */
  readonly deep: boolean;
}

/**
 * Parses HTML into a small tree (htmlparser2 closes unclosed tags the way
 * browsers do), numbers it in pre-order and marks the elements holding a
 * table. Linear in the input: iterative, with the parser's stack replaced
 * ({@link topFirstStack}) and the tree capped at {@link MAX_HTML_DEPTH}.
 */
function parseTree(html: string): ParsedPage {
  const root: Element = { tag: 'root', attrs: {}, children: [], parent: undefined, depth: 0, pre: 0, last: 0, hasTable: false };
  let current = root;
  // Elements opened below the depth cap: not in the tree; their closes only count down.
  let flattened = 0;
  let deep = false;
  const metas: Record<string, string>[] = [];
  let inTitle = false;
  let titleText = '';
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        if (name === 'meta') metas.push(attrs);
        if (name === 'title') inTitle = true;
        if (current.depth >= MAX_HTML_DEPTH) {
          flattened++;
          deep = true;
          return;
        }
        const el: Element = { tag: name, attrs, children: [], parent: current, depth: current.depth + 1, pre: 0, last: 0, hasTable: false };
        current.children.push(el);
        current = el;
      },
      ontext(text) {
        if (inTitle) titleText += text;
        current.children.push(text);
      },
      onclosetag(name) {
        if (name === 'title') inTitle = false;
        if (flattened > 0) {
          flattened--;
          return;
        }
        // htmlparser2 closes elements innermost first (implied closes included), so this is the current one.
        if (current.parent) current = current.parent;
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true, recognizeSelfClosing: true },
  );
  const internals = parser as unknown as { stack: string[]; foreignContext: boolean[] };
  internals.stack = topFirstStack<string>();
  internals.foreignContext = topFirstStack<boolean>([...internals.foreignContext]);
  parser.write(html);
  parser.end();
  numberTree(root);
  return { root, metas, titleText, deep };
}

/** Pre-order numbers and the `hasTable` marks, in one iterative walk. */
function numberTree(root: Element): void {
  let n = 0;
  const stack: { el: Element; next: number }[] = [{ el: root, next: 0 }];
  root.pre = n++;
  while (stack.length > 0) {
    const top = stack[stack.length - 1] as { el: Element; next: number };
    const children = top.el.children;
    let child: Element | undefined;
    while (top.next < children.length) {
      const c = children[top.next++] as Element | string;
      if (isElement(c)) {
        child = c;
        break;
      }
    }
    if (child) {
      child.pre = n++;
      stack.push({ el: child, next: 0 });
      continue;
    }
    const done = top.el;
    done.last = n - 1;
    stack.pop();
    const parent = done.parent;
    if (parent && (done.tag === 'table' || done.hasTable)) parent.hasTable = true;
  }
}

/** Visits the subtree of `el` in document order without recursion; `enter` returns false to skip an element's children. */
function walk(el: Element, onText: (text: string) => void, enter: (el: Element) => boolean, leave?: (el: Element) => void): void {
  const stack: { el: Element; next: number }[] = [];
  if (!enter(el)) return;
  stack.push({ el, next: 0 });
  while (stack.length > 0) {
    const top = stack[stack.length - 1] as { el: Element; next: number };
    if (top.next < top.el.children.length) {
      const c = top.el.children[top.next++] as Element | string;
      if (!isElement(c)) onText(c);
      else if (enter(c)) stack.push({ el: c, next: 0 });
      continue;
    }
    stack.pop();
    leave?.(top.el);
  }
}

function textOf(el: Element, skip: ReadonlySet<string>): string {
  let out = '';
  walk(
    el,
    (text) => {
      out += text;
    },
    (node) => {
      if (skip.has(node.tag)) return false;
      if (node.tag === 'br' || BLOCK_TAGS.has(node.tag)) out += ' ';
      return true;
    },
    (node) => {
      if (BLOCK_TAGS.has(node.tag)) out += ' ';
    },
  );
  return normalizeText(out);
}

/** The rows of a table, not those of tables nested in it. */
function rowsOf(table: Element): Element[] {
  const rows: Element[] = [];
  walk(
    table,
    () => undefined,
    (el) => {
      if (el === table) return true;
      if (el.tag === 'tr') {
        rows.push(el);
        return false;
      }
      return el.tag !== 'table';
    },
  );
  return rows;
}

/**
 * Walks the tree into blocks of text in document order. On a web page a `<br>`
 * ends a block (old pages lay out whole reports with them); in a Word document
 * it is a soft line break inside one paragraph, which stays one paragraph so
 * the numbering matches Word's. Iterative, and linear: each element is entered
 * once, each table's rows and cells are read once (a table holding a table is
 * layout, known from `hasTable` without reading it), and the heading an element
 * sits in is carried down the walk rather than looked up its ancestors.
 */
function linearize(root: Element, skip: ReadonlySet<string>, breaks: 'split' | 'join' = 'split'): RawBlock[] {
  const blocks: RawBlock[] = [];
  let buffer = '';
  let owner: Element = root;
  let heading: number | undefined;
  const flush = (): void => {
    const text = normalizeText(buffer);
    buffer = '';
    if (text === '') return;
    blocks.push({
      text,
      owner,
      ...(heading !== undefined ? { headingLevel: heading } : {}),
      titleClass: titleClassed(owner),
    });
  };
  // What to restore when leaving an element that changed the owner or the heading.
  const saved: { el: Element; owner: Element; heading: number | undefined }[] = [];
  walk(
    root,
    (text) => {
      buffer += text;
    },
    (node) => {
      if (node === root) return true;
      if (skip.has(node.tag)) return false;
      if (node.tag === 'br' && breaks === 'join') {
        buffer += ' ';
        return false;
      }
      if (node.tag === 'br' || node.tag === 'hr') {
        flush();
        return false;
      }
      if (node.tag === 'table' && !isLayoutTable(node, skip)) {
        flush();
        for (const row of rowsOf(node)) {
          const cells: string[] = [];
          for (const c of row.children) if (isElement(c) && (c.tag === 'td' || c.tag === 'th')) cells.push(textOf(c, skip));
          const kept = cells.filter((c) => c !== '');
          if (kept.length > 0) blocks.push({ text: kept.join(' | '), owner: row, titleClass: false, cells: kept });
        }
        return false;
      }
      const level = HEADING_TAG.exec(node.tag);
      if (BLOCK_TAGS.has(node.tag) || level) {
        saved.push({ el: node, owner, heading });
        if (BLOCK_TAGS.has(node.tag)) {
          flush();
          owner = node;
        }
        if (level) heading = Number(level[1]);
      }
      return true;
    },
    (node) => {
      const top = saved[saved.length - 1];
      if (top?.el !== node) return;
      saved.pop();
      if (BLOCK_TAGS.has(node.tag)) flush();
      owner = top.owner;
      heading = top.heading;
    },
  );
  flush();
  return blocks;
}

/** A table is layout when a cell holds a table or more text than a data cell. */
function isLayoutTable(table: Element, skip: ReadonlySet<string>): boolean {
  for (const row of rowsOf(table)) {
    for (const cell of row.children) {
      if (!isElement(cell)) continue;
      if (cell.tag === 'table' || cell.hasTable) return true;
      if (textOf(cell, skip).length > LAYOUT_CELL_CHARS) return true;
    }
  }
  return false;
}

function titleClassed(el: Element): boolean {
  const cls = `${el.attrs['class'] ?? ''} ${el.attrs['id'] ?? ''}`;
  return TITLE_CLASS.test(cls);
}

function isInside(el: Element, container: Element): boolean {
  return container.pre <= el.pre && el.pre <= container.last;
}

/** The smallest of some numbers (a spread would overflow the stack on a long list). */
function minOf(values: readonly number[], empty: number): number {
  let min = Infinity;
  for (const v of values) if (v < min) min = v;
  return values.length > 0 ? min : empty;
}

/** Metadata pairs in a block: a row of cells (`索引号：` | value …) or a `key：value key：value` line. */
function metaPairs(block: RawBlock): { key: string; value: string }[] {
  const pairs: { key: string; value: string }[] = [];
  if (block.cells) {
    const cells = block.cells;
    for (let i = 0; i < cells.length; i++) {
      const cell = cells[i] as string;
      const only = KEY_ONLY.exec(cell);
      if (only && i + 1 < cells.length && !KEY_ONLY.test(cells[i + 1] as string)) {
        pairs.push({ key: keyOf(only[1] as string), value: cells[i + 1] as string });
        i++;
      } else if (META_LINE.test(cell)) {
        pairs.push(...pairsInLine(cell));
      }
    }
    return pairs;
  }
  // A long line is prose that happens to start like metadata (来源：…).
  return block.text.length <= 160 && META_LINE.test(block.text) ? pairsInLine(block.text) : pairs;
}

function keyOf(raw: string): string {
  return META_KEYS[raw.replace(/\s+/g, '')] ?? raw;
}

function pairsInLine(line: string): { key: string; value: string }[] {
  const found: { key: string; start: number; end: number }[] = [];
  META_PAIR.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = META_PAIR.exec(line))) {
    // A key needs its colon; a stop word ends the value before it either way.
    const stop = STOP_KEY.test(m[1] as string);
    if (!stop && !/[:：]/.test(m[0])) continue;
    found.push({ key: stop ? '' : keyOf(m[1] as string), start: m.index, end: m.index + m[0].length });
  }
  const pairs: { key: string; value: string }[] = [];
  for (let i = 0; i < found.length; i++) {
    const f = found[i] as (typeof found)[number];
    if (f.key === '') continue;
    const value = line
      .slice(f.end, found[i + 1]?.start ?? line.length)
      .replace(/[|｜]/g, ' ')
      .trim();
    if (value !== '') pairs.push({ key: f.key, value });
  }
  return pairs;
}

/** Whether a row of cells is mostly metadata (the 索引号 table), not a data table of the report. */
function isMetaRow(block: RawBlock, pairs: readonly unknown[]): boolean {
  return pairs.length > 0 && (!block.cells || pairs.length * 2 >= block.cells.length);
}

/**
 * The element holding the report: each prose block credits its length to its
 * element and that element's parent, half to the grandparent; the best-scored
 * element wins, a deeper one on a tie (so the article body, not the page).
 */
function findContainer(blocks: readonly RawBlock[]): Element | undefined {
  const score = new Map<Element, number>();
  const credit = (el: Element | undefined, amount: number) => {
    if (el) score.set(el, (score.get(el) ?? 0) + amount);
  };
  for (const b of blocks) {
    if (b.cells || b.text.length < 10 || !/[，。；：]/.test(b.text)) continue;
    const owner = b.owner;
    credit(owner, b.text.length);
    if (owner.parent) {
      credit(owner.parent, b.text.length);
      credit(owner.parent.parent, b.text.length / 2);
    }
  }
  let best: Element | undefined;
  let bestScore = 0;
  for (const [el, s] of score) {
    if (s > bestScore || (s === bestScore && best !== undefined && el.depth > best.depth)) {
      best = el;
      bestScore = s;
    }
  }
  // A page with almost no prose: keep everything rather than guess.
  return bestScore >= 50 ? best : undefined;
}

/** A date in a `<meta>` tag (`2024-03-28 10:00`) as `YYYY-MM-DD`. */
function isoDay(text: string): string | undefined {
  const m = ISO_DAY.exec(text);
  return m ? `${m[1]}-${(m[2] as string).padStart(2, '0')}-${(m[3] as string).padStart(2, '0')}` : undefined;
}

/** The blocks of a Word document converted to HTML by mammoth: everything is the report. */
export function documentBlocks(html: string): SourceBlock[] {
  const { root } = parseTree(html);
  const raw = linearize(root, SKIP_TAGS, 'join');
  const out: SourceBlock[] = [];
  const headingLevels = raw.filter((b, i) => b.headingLevel !== undefined && !(i === 0 && isTitleBlock(b))).map((b) => b.headingLevel as number);
  const top = minOf(headingLevels, 1);
  raw.forEach((b, i) => {
    if (i === 0 && isTitleBlock(b)) out.push({ kind: 'title', text: b.text });
    else if (b.headingLevel !== undefined) out.push({ kind: 'heading', level: b.headingLevel - top + 1, text: b.text });
    else out.push({ kind: 'paragraph', text: b.text });
  });
  return out;
}

function isTitleBlock(b: RawBlock): boolean {
  return b.titleClass || looksLikeTitle(b.text);
}

/** The report's blocks from a web page: metadata lines, the title, then the body. */
export function pageBlocks(html: string): SourceBlock[] {
  return readPage(html).blocks;
}

/** {@link pageBlocks}, and whether the page nested deeper than {@link MAX_HTML_DEPTH}. */
function readPage(html: string): { blocks: SourceBlock[]; deep: boolean } {
  const { root, metas, titleText, deep } = parseTree(html);
  const skip = new Set([...SKIP_TAGS, ...PAGE_SKIP_TAGS]);
  const raw = linearize(root, skip);
  const container = findContainer(raw);

  const meta: { key: string; value: string }[] = [];
  const seenKeys = new Set<string>();
  const addMeta = (key: string, value: string) => {
    if (seenKeys.has(key)) return;
    seenKeys.add(key);
    meta.push({ key, value });
  };
  const body: RawBlock[] = [];
  let firstBodyIndex = -1;
  raw.forEach((b, i) => {
    const pairs = metaPairs(b);
    if (isMetaRow(b, pairs)) {
      for (const p of pairs) addMeta(p.key, p.value);
      return;
    }
    if (container && !isInside(b.owner, container)) return;
    if (PAGE_JUNK.test(b.text) && b.text.length < 80) return;
    if (firstBodyIndex < 0) firstBodyIndex = i;
    body.push(b);
  });
  for (const attrs of metas) {
    const name = attrs['name'] ?? attrs['property'] ?? '';
    const content = attrs['content'] ?? '';
    if (META_PUBDATE.test(name)) {
      const day = isoDay(content);
      if (day) addMeta('发布日期', day);
    }
  }

  // The title: a heading just above the body, else the page's title metadata.
  let title: string | undefined;
  if (body[0] && (body[0].headingLevel !== undefined || body[0].titleClass) && looksLikeTitle(body[0].text)) {
    title = (body.shift() as RawBlock).text;
  } else if (body[0] && looksLikeTitle(body[0].text) && body[0].text.length <= 60) {
    title = (body.shift() as RawBlock).text;
  } else {
    for (let i = firstBodyIndex - 1; i >= 0 && i >= firstBodyIndex - 12; i--) {
      const b = raw[i] as RawBlock;
      if ((b.headingLevel !== undefined || b.titleClass) && looksLikeTitle(b.text) && !META_LINE.test(b.text)) {
        title = b.text;
        break;
      }
    }
    if (title === undefined) {
      const fromMeta = metas.find((m) => META_TITLE.test(m['name'] ?? m['property'] ?? ''))?.['content'];
      const candidates = [fromMeta, ...normalizeText(titleText).split(/\s*[_|｜—-]{1,2}\s*/)];
      title = candidates.map((c) => (c === undefined ? '' : normalizeText(c))).find((c) => c !== '' && looksLikeTitle(c));
    }
  }

  const out: SourceBlock[] = meta.map((m) => ({ kind: 'meta', key: m.key, value: m.value }));
  if (title !== undefined) out.push({ kind: 'title', text: title });
  const levels = body.filter((b) => b.headingLevel !== undefined).map((b) => b.headingLevel as number);
  const top = minOf(levels, 1);
  for (const b of body) {
    if (b.headingLevel !== undefined) out.push({ kind: 'heading', level: b.headingLevel - top + 1, text: b.text });
    else out.push({ kind: 'paragraph', text: b.text });
  }
  return { blocks: out, deep };
}

const CHARSET = /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i;
/** How far into a page its `<meta charset>` is looked for (browsers look at the first 1,024 bytes; pages are sloppier). */
const CHARSET_SNIFF_BYTES = 4096;

let utf8: InstanceType<typeof TextDecoder> | undefined;

/** The first bytes as Latin-1 text, to read an ASCII `<meta charset>` before the encoding is known. */
function asciiHead(bytes: Uint8Array): string {
  const end = Math.min(bytes.length, CHARSET_SNIFF_BYTES);
  let head = '';
  for (let i = 0; i < end; i++) head += String.fromCharCode(bytes[i] ?? 0);
  return head;
}

/**
 * Decodes a saved page: a BOM, else the `<meta charset>` (gbk, gb2312, big5 …,
 * through the platform's `TextDecoder`; gb2312 and gbk are read as GB18030,
 * their superset, as browsers do), else UTF-8, else GB18030. Returns the
 * charset used.
 */
export function decodeHtml(bytes: Uint8Array): { text: string; charset: string } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes.subarray(3)), charset: 'utf-8' };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: new TextDecoder('utf-16le', { ignoreBOM: true }).decode(bytes.subarray(2)), charset: 'utf-16le' };
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: new TextDecoder('utf-16be', { ignoreBOM: true }).decode(bytes.subarray(2)), charset: 'utf-16be' };
  }
  let charset = CHARSET.exec(asciiHead(bytes))?.[1]?.toLowerCase();
  if (charset === 'gb2312' || charset === 'gbk' || charset === 'x-gbk') charset = 'gb18030';
  if (charset && charset !== 'utf-8' && charset !== 'utf8') {
    const text = decodeWithCharset(bytes, charset);
    if (text !== undefined) return { text, charset };
  }
  try {
    utf8 ??= new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
    return { text: utf8.decode(bytes), charset: 'utf-8' };
  } catch {
    return { text: decodeWithCharset(bytes, 'gb18030') ?? '', charset: 'gb18030' };
  }
}

/** Converts a saved web page's bytes to Markdown (the report's body, one block per line). */
export function convertHtml(bytes: Uint8Array): ConvertOutcome {
  const { text, charset } = decodeHtml(bytes);
  const page = readPage(text);
  const converted = toMarkdown(page.blocks, 'html');
  // Metadata alone is not a report.
  const hasText = converted.markdown.split('\n').some((l) => l.startsWith('#') || l.length > 40);
  if (!hasText) return { ok: false, reason: 'no-text', detail: '' };
  return { ok: true, converted, charset, ...(page.deep ? { deeperThan: MAX_HTML_DEPTH } : {}) };
}
