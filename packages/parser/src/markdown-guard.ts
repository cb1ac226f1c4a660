/**
 * What keeps the Markdown reader linear whatever the text holds. micromark,
 * which tokenizes the Markdown, has three costs that grow faster than the text,
 * found by the robustness review and the scaling tests:
 *
 * 1. Its `EditMap.consume` copies every event before the first edit each time a
 *    container closes: a list whose items hold nested items (a common outline)
 *    cost O(n²) (32 KB of `- a\n  - b\n` took 5 s). {@link patchEditMap}
 *    replaces it with one that rebuilds only the events from the first edit
 *    on: the same events, at the cost of the tail.
 * 2. At each container level it retries a thematic break over the rest of the
 *    line: `- - - … text` on one line cost O(n²) per line (cmark and md4c had
 *    the same shape). {@link guardMarkdown} caps the container markers a line
 *    may open at {@link MAX_LINE_MARKERS}: markers after the cap are read as
 *    text.
 *    It also continues every open container on every line, so a line at
 *    depth d costs O(d) (lists nested 400 deep, line after line, took
 *    4 s/MB): a marker that would nest a line deeper than
 *    {@link MAX_CONTAINER_DEPTH} (list items continued by indentation plus
 *    the line's markers) is read as text too, and the line goes on with the
 *    paragraph of the deepest level.
 * 3. Each lazy continuation line (a line that continues fewer containers than
 *    are open and goes on with the innermost one's paragraph) makes its
 *    document tokenizer (`writeToChild` in micromark's
 *    `lib/initialize/document.js`, a closure we cannot reach) scan the events
 *    of that paragraph back to its start, to see whether the paragraph is still
 *    open: a paragraph with many lazy lines costs O(n²). In block quotes a
 *    lazy line is a line without `>` (`b` after `> a`: every such line of the
 *    paragraph, not only the first) or with fewer `>` than the quotes open
 *    (`> b` after `>>>>>>>> a`; quote lines cycling 1–8 deep, or rising one
 *    level a line and dropping back, make one paragraph whose lines are almost
 *    all lazy: 7.9 s for 200 K characters). {@link guardMarkdown} counts these
 *    lines as micromark opens and keeps quotes (a lazy line keeps the deeper
 *    quotes open; a blank line closes them) and reads the quote markers of a
 *    text with more than {@link MAX_LAZY_QUOTE_LINES} of them as spaces (as
 *    text where spaces would make indented code), so there is no quote to
 *    scan: the paragraphs stay the same where laziness made them one anyway.
 *    In list items a lazy line is one not indented to the item's content (`b`
 *    after `- a`, `> b` after `> - a`): past {@link MAX_LAZY_LIST_LINES} of
 *    them in one paragraph, the markers of the items the paragraph goes on
 *    from are read as text (`x a`), so the paragraph is an ordinary one that
 *    starts where the item's did (see `lazyListItems`). With at most 64 lazy
 *    lines a paragraph (a file, for quotes), each costing the paragraph's
 *    length, the read is linear.
 *
 * The guard works on a copy of the text of the same length, handed to
 * micromark only: every offset stays an offset into the author's text, and
 * every block is read from that text. Each cap applied is one `InputLimit`
 * (the linter reports each kind once, as information). Linear: two passes over
 * the line starts and the container prefixes (the second, the list model, holds
 * at most 32 containers), and one over the replaced characters.
 */
import type { EditMap } from 'micromark-util-edit-map';

/** Container markers (`>`, `-`, `*`, `+`, `1.`) one line may open; more are read as text. */
export const MAX_LINE_MARKERS = 32;

/**
 * Containers (open list items continued by indentation, plus the markers of
 * the line) a line may be nested in; a marker that would open one more is read
 * as text. micromark continues every open container on every line, so a line
 * at depth d costs O(d): lists nested 400 deep cost 4 s/MB. 32, as the marker
 * cap, and as cmark-style readers bound nesting: no report nests an outline
 * that deep, and the cost per line stays a small constant.
 */
export const MAX_CONTAINER_DEPTH = 32;

/** Lazy lines one list item's paragraph may have before the items it continues are read as text. */
export const MAX_LAZY_LIST_LINES = 64;

/**
 * Lazy lines of block quotes (lines with no `>` or fewer `>` than the quotes open, going on with a
 * quote's paragraph) a text may have before its quote markers are read as spaces.
 */
export const MAX_LAZY_QUOTE_LINES = 64;

/** A cap the guard applied, where it first applied, and how many lines it touched. */
export interface InputLimit {
  /**
   * `markers`: a line opened more containers than {@link MAX_LINE_MARKERS}; `depth`: a line
   * would be nested deeper than {@link MAX_CONTAINER_DEPTH}; `lazy-quotes`: block quotes read as plain text;
   * `lazy-list`: list items whose paragraph has more than {@link MAX_LAZY_LIST_LINES} lazy lines read as text.
   */
  readonly kind: 'markers' | 'depth' | 'lazy-quotes' | 'lazy-list';
  /** The first line it applied to. */
  readonly start: number;
  readonly end: number;
  /** Lines it applied to. */
  readonly lines: number;
  /** The cap. */
  readonly limit: number;
}

/** The text micromark reads, and the caps applied to make it. */
export interface GuardedMarkdown {
  /** The text itself when no cap applied, else a copy of the same length. */
  readonly text: string;
  readonly limits: readonly InputLimit[];
}

const SPACE = 32;
const TAB = 9;
const GT = 62;

function isBreak(c: number): boolean {
  return c === 10 || c === 13 || Number.isNaN(c);
}

/** Where a list or quote marker at `i` ends (after it), or -1 when none starts there. */
function markerEnd(text: string, i: number, end: number): number {
  const c = text.charCodeAt(i);
  if (c === GT) return i + 1;
  if (c === 45 || c === 42 || c === 43) {
    // - * + need a space, a tab or the end of the line after them.
    const n = i + 1 < end ? text.charCodeAt(i + 1) : NaN;
    return n === SPACE || n === TAB || isBreak(n) ? i + 1 : -1;
  }
  if (c >= 48 && c <= 57) {
    let j = i;
    while (j < end && j - i < 9 && text.charCodeAt(j) >= 48 && text.charCodeAt(j) <= 57) j++;
    const d = j < end ? text.charCodeAt(j) : NaN;
    if (d !== 46 && d !== 41) return -1;
    const n = j + 1 < end ? text.charCodeAt(j + 1) : NaN;
    return n === SPACE || n === TAB || isBreak(n) ? j + 1 : -1;
  }
  return -1;
}

/**
 * The copy of `text[from, to)` micromark reads (see the module's account):
 * container markers past the cap of a line, when there are too many lazy
 * quote lines every quote marker, and the markers of list items with too many
 * lazy lines, replaced by characters of the same length.
 * Offsets outside `[from, to)` are left as they are.
 */
export function guardMarkdown(text: string, from = 0, to = text.length, flatten?: boolean): GuardedMarkdown {
  // Positions to replace: [at, with] pairs, in ascending order.
  const replace: number[] = [];
  let markerLines = 0;
  let markerFirst: [number, number] | undefined;
  let depthLines = 0;
  let depthFirst: [number, number] | undefined;
  // Content columns of the open list items (an approximation that never counts more than micromark opens).
  const listColumns: number[] = [];
  // Quote markers, and lazy lines counted.
  const quoteMarks: number[] = [];
  let lazy = 0;
  let lazyFirst: [number, number] | undefined;
  // The quotes micromark holds open (a lazy line keeps the deeper ones open), and whether a
  // paragraph may be open in the innermost one (any line with content but a blank one).
  let openQuotes = 0;
  let paragraph = false;
  // Whether any line holds a container marker: without one no list item opens, and the
  // list model (`lazyListItems`) has nothing to find (most reports have no Markdown list).
  let anyMarker = false;
  // List items a line opens (content columns), pushed onto listColumns only when the line opens no
  // quote: one list for every line, emptied per line (a new list a line was most of the guard's garbage).
  const opened: number[] = [];
  let openedCount = 0;

  let pos = from;
  while (pos < to) {
    let le = text.indexOf('\n', pos);
    if (le < 0 || le > to) le = to;
    let i = pos;
    let markers = 0;
    let capped = false;
    let deep = false;
    let quotes = 0;
    // The line's indentation in columns closes the list items whose content starts further right.
    let column = 0;
    let indentEnd = pos;
    while (indentEnd < le) {
      const c = text.charCodeAt(indentEnd);
      if (c === SPACE) column++;
      else if (c === TAB) column += 4 - (column % 4);
      else break;
      indentEnd++;
    }
    const lineBlank = indentEnd >= le || (indentEnd === le - 1 && text.charCodeAt(indentEnd) === 13);
    if (!lineBlank) while (listColumns.length > 0 && (listColumns[listColumns.length - 1] as number) > column) listColumns.pop();
    const continued = listColumns.length;
    openedCount = 0;
    let col = column;
    i = indentEnd;
    while (i < le) {
      const c = text.charCodeAt(i);
      if (c === SPACE || c === TAB) {
        col += c === TAB ? 4 - (col % 4) : 1;
        i++;
        continue;
      }
      const after = markerEnd(text, i, le);
      if (after < 0) break;
      markers++;
      anyMarker = true;
      if (markers > MAX_LINE_MARKERS || continued + markers > MAX_CONTAINER_DEPTH) {
        // The marker's first character becomes text; the line's content starts here.
        replace.push(i, 0x78 /* x */);
        if (markers > MAX_LINE_MARKERS) capped = true;
        else deep = true;
        break;
      }
      col += after - i;
      if (c === GT) {
        quotes++;
        quoteMarks.push(i);
      } else opened[openedCount++] = listContentColumn(text, after, le, col);
      i = after;
    }
    if (quotes === 0) for (let k = 0; k < openedCount; k++) listColumns.push(opened[k]!);
    if (capped || deep) {
      if (capped) {
        markerLines++;
        markerFirst ??= [pos, le];
      } else {
        depthLines++;
        depthFirst ??= [pos, le];
      }
    }
    let blank = true;
    for (let k = i; k < le; k++) {
      const c = text.charCodeAt(k);
      if (c !== SPACE && c !== TAB && c !== 13) {
        blank = false;
        break;
      }
    }
    if (blank) {
      // A blank line closes the paragraph, and the quotes its markers do not continue.
      openQuotes = quotes;
      paragraph = false;
    } else if (paragraph && quotes < openQuotes) {
      // Fewer `>` than the quotes open, under a paragraph: a lazy continuation (or, counted
      // alike, a block that ends the quotes): `b` after `> a`, `> b` after `>>>>>>>> a`.
      lazy++;
      lazyFirst ??= [pos, le];
    } else {
      openQuotes = quotes;
      paragraph = true;
    }
    pos = le + 1;
  }

  const limits: InputLimit[] = [];
  if (markerFirst) limits.push({ kind: 'markers', start: markerFirst[0], end: markerFirst[1], lines: markerLines, limit: MAX_LINE_MARKERS });
  if (depthFirst) limits.push({ kind: 'depth', start: depthFirst[0], end: depthFirst[1], lines: depthLines, limit: MAX_CONTAINER_DEPTH });
  // `flatten` is the whole text's decision when only a part is read (see `flattensQuotes`).
  if (flatten ?? lazy > MAX_LAZY_QUOTE_LINES) {
    if (lazyFirst && lazy > MAX_LAZY_QUOTE_LINES) limits.push({ kind: 'lazy-quotes', start: lazyFirst[0], end: lazyFirst[1], lines: lazy, limit: MAX_LAZY_QUOTE_LINES });
    flattenQuotes(text, quoteMarks, replace);
  }
  // Every container the list model opens starts at a marker this loop counted (after at
  // most 3 spaces of a line, where this loop skips any indentation): no marker, no items.
  const items = anyMarker ? lazyListItems(text, from, to) : undefined;
  if (items?.first) {
    limits.push({ kind: 'lazy-list', start: items.first[0], end: items.first[1], lines: items.lines, limit: MAX_LAZY_LIST_LINES });
    mergeReplacements(replace, items.markers);
  }
  if (replace.length === 0) return { text, limits };
  return { text: applyReplacements(text, replace), limits };
}

/** A container the list model holds open: a block quote, or a list item (its marker, and the columns its content is indented by). */
interface Container {
  readonly quote: boolean;
  readonly width: number;
  readonly marker: number;
  /** Kept open by a lazy line of the current paragraph. */
  kept: boolean;
  /** Its marker is read as text. */
  rewritten: boolean;
}

/**
 * The list items whose paragraph goes on over more than
 * {@link MAX_LAZY_LIST_LINES} lazy lines (lines not indented to the item's
 * content, `b` after `- a`; micromark scans the paragraph's events at each:
 * see the module's account, item 3): their marker positions, ascending, and the
 * lazy lines of those paragraphs. A model of micromark's containers: each
 * line continues the open quotes (`>`) and list items (indentation, or a blank
 * line) it can, then opens new ones (an ordered item other than 1, or an empty
 * one, does not interrupt a paragraph of the innermost container); a non-blank line that continues fewer
 * containers than are open, opens none and follows a paragraph line is lazy,
 * and keeps them open. It counts a line that ends the paragraph (a heading, a
 * fence) as lazy too, never fewer lines than micromark scans at. At most
 * {@link MAX_CONTAINER_DEPTH} containers (deeper markers are text): O(1) a line.
 */
function lazyListItems(text: string, from: number, to: number): { markers: number[]; lines: number; first?: [number, number] } {
  const markers: number[] = [];
  let lines = 0;
  let first: [number, number] | undefined;
  const stack: Container[] = [];
  let paragraph = false;
  // The current paragraph's lazy lines under list items, the items they keep open, the first lazy line.
  let paraLazy = 0;
  const kept: Container[] = [];
  let paraFirst: [number, number] | undefined;
  const endParagraph = (): void => {
    paraLazy = 0;
    paraFirst = undefined;
    for (const c of kept) c.kept = false;
    kept.length = 0;
  };

  let pos = from;
  while (pos < to) {
    let le = text.indexOf('\n', pos);
    if (le < 0 || le > to) le = to;
    let i = pos;
    let col = 0;
    if (stack.length === 0) {
      // Nothing open (most lines of a report): a line that opens nothing only says whether a paragraph is open.
      let j = pos;
      while (j < le && j - pos < 3 && text.charCodeAt(j) === SPACE) j++;
      const c = j < le ? text.charCodeAt(j) : SPACE;
      if (c !== GT && c !== 45 && c !== 42 && c !== 43 && !(c >= 48 && c <= 57)) {
        paragraph = !isBlank(text, pos, le);
        pos = le + 1;
        continue;
      }
    }
    const lineBlank = isBlank(text, pos, le);
    // Continue the open containers.
    let continued = 0;
    for (; continued < stack.length; continued++) {
      const c = stack[continued] as Container;
      if (c.quote) {
        let j = i;
        while (j < le && j - i < 3 && text.charCodeAt(j) === SPACE) j++;
        if (j >= le || text.charCodeAt(j) !== GT) break;
        col += j - i + 1;
        i = j + 1;
        if (i < le && (text.charCodeAt(i) === SPACE || text.charCodeAt(i) === TAB)) {
          i++;
          col++;
        }
      } else {
        if (isBlank(text, i, le)) continue;
        let j = i;
        let cc = col;
        while (j < le && cc - col < c.width) {
          const ch = text.charCodeAt(j);
          if (ch === SPACE) cc++;
          else if (ch === TAB) cc += 4 - (cc % 4);
          else break;
          j++;
        }
        if (cc - col < c.width) break;
        i = j;
        col = cc;
      }
    }
    // Open new containers.
    let opened = 0;
    for (;;) {
      if (continued + opened >= MAX_CONTAINER_DEPTH || opened >= MAX_LINE_MARKERS) break;
      let j = i;
      while (j < le && j - i < 3 && text.charCodeAt(j) === SPACE) j++;
      if (j >= le) break;
      const ch = text.charCodeAt(j);
      let container: Container;
      let next: number;
      if (ch === GT) {
        next = j + 1;
        if (next < le && (text.charCodeAt(next) === SPACE || text.charCodeAt(next) === TAB)) next++;
        container = { quote: true, width: 0, marker: j, kept: false, rewritten: false };
      } else {
        const after = markerEnd(text, j, le);
        if (after < 0) break;
        let spaces = 0;
        let k = after;
        while (k < le && text.charCodeAt(k) === SPACE && spaces < 5) {
          spaces++;
          k++;
        }
        const empty = isBlank(text, after, le);
        // An ordered item other than 1, or an empty item, does not interrupt a paragraph (one in
        // the innermost container: a line that leaves containers unmatched opens any item).
        if (paragraph && opened === 0 && continued === stack.length && (empty || (ch >= 48 && ch <= 57 && Number(text.slice(j, after - 1)) !== 1))) break;
        const width = empty || spaces >= 5 || spaces === 0 ? after - j + 1 : after - j + spaces;
        next = empty || spaces >= 5 ? Math.min(after + 1, le) : k;
        container = { quote: false, width: j - i + width, marker: j, kept: false, rewritten: false };
      }
      if (opened === 0) {
        // A new container closes the ones this line did not continue, and the paragraph.
        stack.length = continued;
        endParagraph();
      }
      stack.push(container);
      opened++;
      col += next - i;
      i = next;
    }
    const contentBlank = isBlank(text, i, le);
    if (opened > 0) {
      paragraph = !contentBlank;
    } else if (lineBlank || contentBlank) {
      stack.length = continued;
      paragraph = false;
      endParagraph();
    } else if (paragraph && continued < stack.length) {
      // A lazy line: the containers it did not continue stay open.
      let underItem = false;
      for (let k = continued; k < stack.length; k++) {
        const c = stack[k] as Container;
        if (c.quote) continue;
        underItem = true;
        if (!c.kept) {
          c.kept = true;
          kept.push(c);
        }
      }
      if (underItem) {
        paraLazy++;
        paraFirst ??= [pos, le];
        if (paraLazy > MAX_LAZY_LIST_LINES) {
          // Past the cap, the items this paragraph keeps open are read as text: no lazy line left.
          if (paraLazy === MAX_LAZY_LIST_LINES + 1) {
            lines += MAX_LAZY_LIST_LINES;
            first ??= paraFirst;
          }
          lines++;
          for (const c of kept) {
            if (c.rewritten) continue;
            c.rewritten = true;
            markers.push(c.marker);
          }
        }
      }
    } else {
      stack.length = continued;
      if (!paragraph) endParagraph();
      paragraph = true;
    }
    pos = le + 1;
  }
  markers.sort((a, b) => a - b);
  return first ? { markers, lines, first } : { markers, lines };
}

/** Whether `text[from, end)` holds only spaces, tabs and a CR. */
function isBlank(text: string, from: number, end: number): boolean {
  for (let k = from; k < end; k++) {
    const c = text.charCodeAt(k);
    if (c !== SPACE && c !== TAB && c !== 13) return false;
  }
  return true;
}

/** Adds `x` replacements at `positions` (ascending) to `replace` (ascending pairs), once each. */
function mergeReplacements(replace: number[], positions: readonly number[]): void {
  const merged: number[] = [];
  let a = 0;
  let b = 0;
  while (a < replace.length || b < positions.length) {
    if (b >= positions.length || (a < replace.length && (replace[a] as number) <= (positions[b] as number))) {
      if (b < positions.length && replace[a] === positions[b]) b++;
      merged.push(replace[a] as number, replace[a + 1] as number);
      a += 2;
    } else {
      merged.push(positions[b] as number, 0x78 /* x */);
      b++;
    }
  }
  replace.length = 0;
  for (const x of merged) replace.push(x);
}

/**
 * The content column of a list item whose marker ends at `after` (column
 * `col`): after one to four spaces, or one column after the marker when more
 * (indented code) or nothing follows.
 */
function listContentColumn(text: string, after: number, end: number, col: number): number {
  let spaces = 0;
  let k = after;
  while (k < end && text.charCodeAt(k) === SPACE && spaces < 5) {
    spaces++;
    k++;
  }
  if (k >= end || isBreak(text.charCodeAt(k)) || spaces >= 5 || spaces === 0) return col + 1;
  return col + spaces;
}

/**
 * Quote markers as spaces; where the spaces before a line's content would
 * reach four columns (indented code), the markers as text instead.
 */
function flattenQuotes(text: string, marks: readonly number[], replace: number[]): void {
  const extra: number[] = [];
  let k = 0;
  while (k < marks.length) {
    // The marks of one line: consecutive marks with only spaces between them.
    const first = marks[k] as number;
    let last = first;
    let j = k + 1;
    while (j < marks.length && onlySpacesBetween(text, last + 1, marks[j] as number)) last = marks[j++] as number;
    let content = last + 1;
    while (content < text.length && (text.charCodeAt(content) === SPACE || text.charCodeAt(content) === TAB)) content++;
    let lineStart = first;
    while (lineStart > 0 && text.charCodeAt(lineStart - 1) !== 10 && text.charCodeAt(lineStart - 1) !== 13) lineStart--;
    // Columns of whitespace the line would start with once its markers are spaces.
    const asSpaces = content - lineStart;
    const ch = asSpaces >= 4 ? 0x3000 : SPACE;
    for (let m = k; m < j; m++) extra.push(marks[m] as number, ch);
    k = j;
  }
  // Merge with the cap replacements, keeping ascending order.
  // Pushed one by one: a spread of hundreds of thousands of positions overflows the stack.
  if (replace.length === 0) {
    for (const x of extra) replace.push(x);
    return;
  }
  const merged: number[] = [];
  let a = 0;
  let b = 0;
  while (a < replace.length || b < extra.length) {
    if (b >= extra.length || (a < replace.length && (replace[a] as number) <= (extra[b] as number))) {
      if (b < extra.length && replace[a] === extra[b]) b += 2;
      merged.push(replace[a] as number, replace[a + 1] as number);
      a += 2;
    } else {
      merged.push(extra[b] as number, extra[b + 1] as number);
      b += 2;
    }
  }
  replace.length = 0;
  for (const x of merged) replace.push(x);
}

function onlySpacesBetween(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c !== SPACE && c !== TAB) return false;
  }
  return true;
}

/** The text with the characters at the given positions replaced (positions ascending, one UTF-16 unit each). */
function applyReplacements(text: string, replace: readonly number[]): string {
  const parts: string[] = [];
  let at = 0;
  for (let k = 0; k < replace.length; k += 2) {
    const i = replace[k] as number;
    parts.push(text.slice(at, i), String.fromCharCode(replace[k + 1] as number));
    at = i + 1;
  }
  parts.push(text.slice(at));
  return parts.join('');
}

/** The change list micromark's `EditMap` keeps (index, count removed, events added). */
type Change = [number, number, unknown[]];

const patched = new WeakSet<object>();

/**
 * Makes micromark's `EditMap.consume` rebuild only the events from its first
 * edit on (see the module's account, item 1). The result is the same list.
 */
export function patchEditMap(editMap: typeof EditMap): void {
  if (patched.has(editMap)) return;
  patched.add(editMap);
  (editMap.prototype as unknown as { consume: (events: unknown[]) => void }).consume = function consume(this: { map: Change[] }, events: unknown[]): void {
    const map = this.map;
    if (map.length === 0) return;
    map.sort((a, b) => a[0] - b[0]);
    const first = map[0]![0];
    const tail: unknown[] = [];
    let at = first;
    for (const [index, remove, add] of map) {
      for (let i = at; i < index; i++) tail.push(events[i]);
      for (const e of add) tail.push(e);
      at = index + remove;
    }
    for (let i = at; i < events.length; i++) tail.push(events[i]);
    events.length = first;
    for (const e of tail) events.push(e);
  };
}

/**
 * Whether the whole text's block quotes are read as plain text (more than
 * {@link MAX_LAZY_QUOTE_LINES} lazy lines), decided without a full scan when
 * the text has no `>` that may open a quote (first on its line after spaces, or
 * after a list marker): the common case costs one search for `>`.
 */
export function flattensQuotes(text: string): boolean {
  for (let i = text.indexOf('>'); i >= 0; i = text.indexOf('>', i + 1)) {
    let k = i - 1;
    while (k >= 0) {
      const c = text.charCodeAt(k);
      if (c === 10 || c === 13) break;
      // Only spaces, tabs and container markers before it on its line: it may open a quote.
      if (c !== SPACE && c !== TAB && c !== GT && c !== 45 && c !== 42 && c !== 43 && c !== 46 && c !== 41 && !(c >= 48 && c <= 57)) break;
      k--;
    }
    if (k < 0 || text.charCodeAt(k) === 10 || text.charCodeAt(k) === 13) return guardMarkdown(text).limits.some((l) => l.kind === 'lazy-quotes');
  }
  return false;
}
