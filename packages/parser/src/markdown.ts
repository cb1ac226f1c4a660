import { parse as micromarkParse, preprocess } from 'micromark';
import { EditMap } from 'micromark-util-edit-map';
import { subtokenize } from 'micromark-util-subtokenize';
import { frontmatter } from 'micromark-extension-frontmatter';
import { flattensQuotes, guardMarkdown, patchEditMap, type InputLimit } from './markdown-guard.js';
import type { Block, FrontMatter } from './block.js';
import { isSpace, trimmedEnd, trimmedStart, trimRange } from './text.js';

/*
 * Markdown is read from micromark's events (the tokenizer behind remark-parse),
 * not from an mdast tree: the report model needs blocks, their positions and
 * HTML comments, so building a tree is wasted work, and so is tokenizing the
 * inline content of every paragraph (about half of micromark's time on CJK
 * text). Inline content is tokenized only where it can hold what we keep: a
 * paragraph or heading that contains `<!--`. The blocks are the same as
 * remark's mdast gives (test/markdown-oracle.test.ts checks this against
 * unified + remark-parse + remark-frontmatter).
 *
 * Cost: linear in the text, whatever it holds. Lines of prose and headings
 * (empty `#` headings too) are read here without micromark; micromark's
 * superlinear cases are removed by markdown-guard.ts (in a construct of ours
 * around micromark, not inside it); comments are matched once each (an
 * unclosed `<!--` is not looked for again from every later opening), and a
 * paragraph over 4,096 characters or with an unclosed `<!--` is scanned for
 * comments as plain text instead of tokenized inline.
 */

const FRONTMATTER = [frontmatter(['yaml'])];

type MicromarkParser = ReturnType<typeof micromarkParse>;
/** micromark's parse contexts, with and without front matter, made once per process. */
const PARSERS: { plain?: MicromarkParser; frontMatter?: MicromarkParser } = {};

/**
 * A micromark parse context for one document. `micromarkParse` merges the whole CommonMark
 * construct table with the extensions on every call (~45 µs a document); the merged table is
 * read-only, so a context is made once and only its per-document state — the definitions
 * seen (`defined`) and the lazy lines (`lazy`) — is reset, which is what a new context holds.
 */
function parserFor(atDocumentStart: boolean): MicromarkParser {
  const key = atDocumentStart ? 'frontMatter' : 'plain';
  const parser = (PARSERS[key] ??= micromarkParse(atDocumentStart ? { extensions: FRONTMATTER } : {}));
  parser.defined = [];
  parser.lazy = {};
  return parser;
}

// micromark's EditMap copies every event on each container exit: linear instead (markdown-guard.ts).
patchEditMap(EditMap);

/** A YAML front-matter fence opening the text. */
export const FENCE_START = /^---[ \t]*(?:\r|\n|$)/;

const YAML_FIELD = /^([A-Za-z_][\w-]*)\s*:\s*(.*?)\s*$/gm;

type MmEvent = ['enter' | 'exit', MmToken, unknown];
interface MmToken {
  type: string;
  start: { offset: number };
  end: { offset: number };
  contentType?: string | undefined;
  /** Set by `blockEvents` on a paragraph or heading text whose comments are found by a plain scan. */
  plainComments?: boolean;
}

/**
 * Paragraphs and headings up to this long holding `<!--` are tokenized inline
 * (so a `<!--` inside code is not taken for a comment); longer ones are
 * scanned for comments as plain text. Reports' paragraphs are far shorter.
 */
const MAX_INLINE_CHARS = 4096;

/** Starts of every `<!--` in the text, ascending. */
function commentOpenings(text: string): number[] {
  const out: number[] = [];
  for (let i = text.indexOf('<!--'); i >= 0; i = text.indexOf('<!--', i + 4)) out.push(i);
  return out;
}

/** Starts of every `-->` in the text, ascending. */
function commentCloses(text: string): number[] {
  const out: number[] = [];
  for (let i = text.indexOf('-->'); i >= 0; i = text.indexOf('-->', i + 3)) out.push(i);
  return out;
}

/** Index of the first position in an ascending list at or after `at`. */
function firstAtOrAfter(list: readonly number[], at: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((list[mid] as number) < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** True when some opening lies in [start, end). */
function hasOpeningIn(openings: readonly number[], start: number, end: number): boolean {
  const lo = firstAtOrAfter(openings, start);
  return lo < openings.length && (openings[lo] as number) < end;
}

/**
 * Whether every `<!--` in [start, end) has a `-->` after it inside the range.
 * micromark tries an HTML comment at each opening and scans to the end of the
 * paragraph for its close: with unclosed openings that is quadratic. When the
 * last opening is closed, an earlier one is too (inside the comment it opens).
 */
function openingsClosedIn(openings: readonly number[], closes: readonly number[], start: number, end: number): boolean {
  const last = firstAtOrAfter(openings, end) - 1;
  if (last < 0 || (openings[last] as number) < start) return true;
  const close = firstAtOrAfter(closes, (openings[last] as number) + 4);
  return close < closes.length && (closes[close] as number) + 3 <= end;
}

/**
 * Block-level tokenization: inline (text) content is expanded only inside
 * blocks holding a `<!--`. (Content chunks, definitions then a paragraph, are
 * expanded by micromark's own content resolver as the flow is read.)
 */
function blockEvents(text: string, atDocumentStart: boolean): MmEvent[] {
  // Front matter exists only at the start of the document, not of a part of it.
  const events = parserFor(atDocumentStart).document().write(preprocess()(text, undefined, true)) as unknown as MmEvent[];
  const openings = commentOpenings(text);
  const closes = openings.length > 0 ? commentCloses(text) : [];
  for (;;) {
    let keepUntil = -1;
    for (let i = 0; i < events.length; i++) {
      const ev = events[i] as MmEvent;
      if (ev[0] !== 'enter') continue;
      const t = ev[1];
      const type = t.type;
      if (type === 'paragraph' || type === 'atxHeadingText' || type === 'setextHeadingText') {
        keepUntil = -1;
        if (openings.length > 0 && hasOpeningIn(openings, t.start.offset, t.end.offset)) {
          // With an unclosed opening, or in a long paragraph (micromark's inline constructs have
          // quadratic cases: links never closed), the comments are found by a plain scan (linear).
          if (t.end.offset - t.start.offset <= MAX_INLINE_CHARS && openingsClosedIn(openings, closes, t.start.offset, t.end.offset)) keepUntil = t.end.offset;
          else t.plainComments = true;
        }
      } else if (t.contentType === 'string' || (t.contentType === 'text' && t.start.offset >= keepUntil)) {
        t.contentType = undefined;
      }
    }
    if (subtokenize(events as never)) break;
  }
  return events;
}

/** What the Markdown reader found. */
export interface MarkdownBlocks {
  readonly blocks: Block[];
  readonly frontMatter?: FrontMatter;
  /** Starts of the top-level (document-level) constructs, ascending, where a re-parse may restart (not after indented code). */
  readonly roots: number[];
}

/** Blocks read by micromark, with every top-level construct (start and token type). */
interface MicromarkBlocks {
  readonly blocks: Block[];
  readonly frontMatter?: FrontMatter;
  readonly rootStarts: number[];
  readonly rootTypes: string[];
}

/**
 * Reads `text[from, to)` with micromark, as a document of its own; offsets are into `text`.
 * micromark reads `source`, the guarded copy of the text (same length: see markdown-guard.ts).
 */
function micromarkBlocks(text: string, from: number, to: number, source: string = text): MicromarkBlocks {
  // A part of the text is read after a blank line: that changes nothing, and keeps a BOM that
  // starts the part a character (micromark skips one only at the start of the document).
  const events = blockEvents(from === 0 ? (to === source.length ? source : source.slice(0, to)) : '\n' + source.slice(from, to), from === 0);
  // micromark does not count a BOM that starts the document: offsets after it are one less.
  const base = from === 0 ? (text.charCodeAt(0) === 0xfeff ? 1 : 0) : from - 1;
  const rootStarts: number[] = [];
  const rootTypes: string[] = [];
  const blocks: Block[] = [];
  let frontMatter: FrontMatter | undefined;

  /** Each `<!--` in [s, e) to the first `-->` after it; none left once one has no close (a regex
   * would look for it again from every later opening: quadratic on unclosed comments). */
  const commentsIn = (s: number, e: number, into: Block[], inline = false): void => {
    const raw = text.slice(s, e);
    for (let open = raw.indexOf('<!--'); open >= 0; ) {
      const close = raw.indexOf('-->', open + 4);
      if (close < 0) break;
      const value = raw.slice(open + 4, close).trim();
      into.push(inline ? { kind: 'comment', start: s + open, end: s + close + 3, value, inline: true } : { kind: 'comment', start: s + open, end: s + close + 3, value });
      open = raw.indexOf('<!--', close + 3);
    }
  };
  const pushComments = (s: number, e: number, into: Block[]): boolean => {
    if (!text.slice(s, e).trimStart().startsWith('<!--')) return false;
    commentsIn(s, e, into);
    return true;
  };
  // A paragraph or heading text whose comments are found by a plain scan (blockEvents says which).
  let plainScan: [number, number] | undefined;

  // Open lists: the marker start of the item whose first block is still to come.
  const lists: { depth: number; marker: number }[] = [];
  // Inline comments found inside the current paragraph/heading, pushed after it (as mdast order gives).
  let pending: Block[] = [];
  let depth = 0;
  let skipUntilDepth = -1;
  let imageDepth = 0;
  let paragraphMarker = -1;
  let headingDepth = 0;
  let headingContent: [number, number] | undefined;
  // The marker start handed to the first paragraph/definition of a list item's content.
  let firstInContent = -1;

  for (let i = 0; i < events.length; i++) {
    const [kind, t] = events[i] as MmEvent;
    const type = t.type;
    const ts = t.start.offset + base;
    const te = t.end.offset + base;
    if (kind === 'exit') {
      depth--;
      if (skipUntilDepth >= 0) {
        if (depth === skipUntilDepth) skipUntilDepth = -1;
        continue;
      }
      switch (type) {
        case 'listOrdered':
        case 'listUnordered':
          lists.pop();
          break;
        case 'image':
          imageDepth--;
          break;
        case 'paragraph': {
          const s = trimmedStart(text, paragraphMarker >= 0 ? paragraphMarker : skipFlattened(ts, te), te);
          const e = trimmedEnd(text, s, te);
          if (e > s) blocks.push({ kind: 'paragraph', start: s, end: e });
          paragraphMarker = -1;
          scanPlain();
          flushPending();
          break;
        }
        case 'atxHeading':
        case 'setextHeading': {
          const s = trimmedStart(text, ts, te);
          const e = trimmedEnd(text, s, te);
          const cs = headingContent ? headingContent[0] : e;
          const ce = headingContent ? headingContent[1] : e;
          blocks.push({ kind: 'heading', start: s, end: e, depth: headingDepth || 1, contentStart: cs, contentEnd: ce });
          headingContent = undefined;
          headingDepth = 0;
          scanPlain();
          flushPending();
          break;
        }
        default:
          break;
      }
      continue;
    }
    // Enter.
    const d = depth++;
    if (d === 0 && isFlowBlock(type)) {
      rootStarts.push(ts);
      rootTypes.push(type);
    }
    if (skipUntilDepth >= 0) continue;
    const list = lists[lists.length - 1];
    // The first block of a list item (a direct child of the list) takes the item's marker if it is a paragraph.
    if (list && d === list.depth + 1 && type !== 'listItemPrefix' && isFlowBlock(type)) {
      if (type === 'content') firstInContent = list.marker;
      list.marker = -1;
    }
    switch (type) {
      case 'listOrdered':
      case 'listUnordered':
        lists.push({ depth: d, marker: -1 });
        break;
      case 'listItemPrefix':
        if (list && d === list.depth + 1) list.marker = ts;
        skipUntilDepth = d;
        break;
      case 'paragraph':
        paragraphMarker = firstInContent;
        firstInContent = -1;
        if (t.plainComments) plainScan = [ts, te];
        break;
      case 'definition':
        firstInContent = -1;
        skipUntilDepth = d;
        break;
      case 'yaml': {
        const fields = new Map<string, { value: string; start: number; end: number }>();
        const s0 = ts;
        const raw = text.slice(s0, te);
        YAML_FIELD.lastIndex = 0;
        let m: RegExpExecArray | null;
        while ((m = YAML_FIELD.exec(raw))) {
          const key = m[1] ?? '';
          let value = m[2] ?? '';
          const vOff = m.index + m[0].indexOf(value, key.length + 1);
          value = value.replace(/^(['"])(.*)\1$/, '$2');
          fields.set(key, { value, start: s0 + vOff, end: s0 + vOff + (m[2] ?? '').length });
        }
        frontMatter = { start: s0, end: te, fields };
        skipUntilDepth = d;
        break;
      }
      case 'atxHeadingSequence':
        if (headingDepth === 0) headingDepth = te - ts;
        break;
      case 'setextHeadingLineSequence':
        headingDepth = text.charCodeAt(ts) === 61 /* = */ ? 1 : 2;
        break;
      case 'atxHeadingText':
        headingContent = [ts, te];
        if (t.plainComments) plainScan = [ts, te];
        break;
      case 'setextHeadingText': {
        // Inline content drops the trailing spaces of the last line.
        let e = te;
        while (e > ts && (text.charCodeAt(e - 1) === 32 || text.charCodeAt(e - 1) === 9)) e--;
        headingContent = [ts, e];
        if (t.plainComments) plainScan = [ts, te];
        break;
      }
      case 'image':
        imageDepth++;
        break;
      case 'htmlText':
        if (imageDepth === 0) pushComments(ts, te, pending);
        skipUntilDepth = d;
        break;
      case 'htmlFlow': {
        if (!pushComments(ts, te, blocks)) {
          const s = trimmedStart(text, ts, te);
          const e = trimmedEnd(text, s, te);
          if (e > s) blocks.push({ kind: 'paragraph', start: s, end: e });
          // Comments inside the block (`<div>` … `<!-- fzlint-disable -->` … `</div>`): the block keeps its text.
          commentsIn(ts, te, blocks, true);
        }
        skipUntilDepth = d;
        break;
      }
      case 'codeFenced': {
        // Kept as a block of its own: a directive inside it is an example, not a directive.
        const s = trimmedStart(text, ts, te);
        const e = trimmedEnd(text, s, te);
        if (e > s) blocks.push({ kind: 'code', start: s, end: e });
        skipUntilDepth = d;
        break;
      }
      case 'codeIndented':
      case 'thematicBreak':
        skipUntilDepth = d;
        break;
      default:
        break;
    }
  }

  /**
   * Where a paragraph starts once the quote markers the guard read as text (a flattened quote too
   * deep for spaces: markdown-guard.ts) are skipped, with the spaces among them: where the
   * author's quote had its paragraph.
   */
  function skipFlattened(s: number, e: number): number {
    return source === text ? s : skipFlattenedMarkers(text, source, s, e);
  }

  function scanPlain(): void {
    if (!plainScan) return;
    commentsIn(plainScan[0], plainScan[1], pending);
    plainScan = undefined;
  }

  function flushPending(): void {
    if (pending.length > 0) {
      for (const b of pending) blocks.push(b);
      pending = [];
    }
  }

  blocks.sort((a, b) => a.start - b.start);
  return frontMatter ? { blocks, frontMatter, rootStarts, rootTypes } : { blocks, rootStarts, rootTypes };
}


/**
 * Where a paragraph whose micromark token starts at `s` (and ends at `e`) starts once the quote
 * markers the guard read as text (ideographic spaces in `source`) are skipped, with the spaces
 * among them; `s` when nothing else is left.
 */
function skipFlattenedMarkers(text: string, source: string, s: number, e: number): number {
  let k = s;
  while (k < e) {
    const c = text.charCodeAt(k);
    if (c === 32 || c === 9 || (c === 62 && source.charCodeAt(k) === 0x3000)) k++;
    else break;
  }
  return k < e ? k : s;
}

/** Token types that are blocks (mdast flow nodes) when they are children of a list. */
function isFlowBlock(type: string): boolean {
  switch (type) {
    case 'content':
    case 'atxHeading':
    case 'setextHeading':
    case 'htmlFlow':
    case 'yaml':
    case 'codeFenced':
    case 'codeIndented':
    case 'blockQuote':
    case 'listOrdered':
    case 'listUnordered':
    case 'thematicBreak':
      return true;
    default:
      return false;
  }
}

/*
 * Fast path. Report Markdown is mostly paragraphs of CJK prose and `#`
 * headings separated by blank lines. A group of lines between blank lines is
 * "simple" when every line is an ATX heading without `#` or `<!--` in its text, or a
 * paragraph line that cannot start or interrupt any block construct (its
 * first character is none of the CommonMark markers, it is not indented, not
 * an ordered-list marker) and holds no `<!--` (an HTML comment) and no lone
 * CR, or a list item of prose (`1. 压实责任。…`, `- 压实责任。…`, see {@link LineKind.Item}), or a
 * quote line (see {@link LineKind.Quote}).
 * Such a group is read here directly: its blocks are exactly micromark's.
 * Everything else goes to micromark in maximal runs of groups; a run must end
 * cleanly (a top-level construct starts at the next simple group, checked by
 * reading that group's first line too), otherwise the whole text is read by
 * micromark. A run starts after a blank line that follows a paragraph or a
 * heading, where micromark has nothing open, so reading it alone gives what
 * reading the whole text gives.
 */

const enum LineKind {
  Blank,
  Paragraph,
  Heading,
  Complex,
  /**
   * Four or more spaces, then text: a paragraph's continuation right after a paragraph line
   * (nothing indented that far can interrupt a paragraph), indented code anywhere else.
   */
  Indented,
  /**
   * An ordered list item of prose at the line's start: 1–9 digits, `.` or `)`, one space, then a
   * character that opens no construct, no `<!--` or lone CR (reports number their measures so, often
   * without blank lines, the paragraphs after an item being its lazy continuation); or a bullet
   * item of prose: `-`, `*` or `+`, one space, then such a character. Read by {@link readGroup},
   * which leaves to micromark what it does not model.
   */
  Item,
  /**
   * `> ` at the line's start, then a paragraph line (as {@link LineKind.Paragraph}, not indented): a
   * line of a block quote holding one paragraph. A group of such lines, after the first also
   * paragraph lines (lazy continuation lines, see {@link isQuoteGroup}), is one quote whose
   * paragraph runs from the first line's text to the last line's end (no line in it can close the
   * paragraph or the quote); read by {@link readGroup}, not by micromark, whose reading of a long
   * quote (a container continued line by line, a lazy line checked against its paragraph) is most
   * of such a text's lint.
   */
  Quote,
}

/** First characters that may start (or interrupt with) a block construct, or indent. */
const MARKER_START = new Uint8Array(128);
for (const c of ' \t#>-*+=_`~<[\r\n') MARKER_START[c.charCodeAt(0)] = 1;

/**
 * Whether the digits at `i` may open an ordered list item: `1.` or `1)` followed by a space,
 * a tab or the line's end. Reports number their paragraphs `1.加强…` with no space: that is text.
 */
function opensOrderedItem(text: string, i: number, e: number): boolean {
  let k = i;
  while (k < e && k - i < 10 && text.charCodeAt(k) >= 48 && text.charCodeAt(k) <= 57) k++;
  const m = text.charCodeAt(k);
  if (m !== 46 && m !== 41) return false;
  if (k + 1 >= e) return true;
  const after = text.charCodeAt(k + 1);
  return after === 32 || after === 9;
}

/** Classifies the line text[start, end) (end at the `\n` or the range end). */
function lineKind(text: string, start: number, end: number): LineKind {
  let e = end;
  if (e > start && text.charCodeAt(e - 1) === 13) e--;
  let blank = true;
  for (let i = start; i < e; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9) {
      blank = false;
      break;
    }
  }
  if (blank) return LineKind.Blank;
  if (text.charCodeAt(start) === 32) return indentedLineKind(text, start, e);
  const c0 = text.charCodeAt(start);
  let kind = LineKind.Paragraph;
  if (c0 === 35 /* # */) {
    let i = start;
    while (i < e && text.charCodeAt(i) === 35) i++;
    const hashes = i - start;
    if (hashes > 6) return LineKind.Complex;
    // An empty heading (`#` alone, or with spaces): a heading without content. A million of
    // them is the robustness review's first hostile shape; read here, micromark never sees them.
    if (i >= e) return LineKind.Heading;
    const sp = text.charCodeAt(i);
    if (sp !== 32 && sp !== 9) return LineKind.Complex;
    while (i < e && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i++;
    if (i >= e) return LineKind.Heading;
    for (let k = i; k < e; k++) if (text.charCodeAt(k) === 35) return LineKind.Complex;
    kind = LineKind.Heading;
  } else if (c0 >= 48 && c0 <= 57 && itemContentAt(text, start, e) > 0) kind = LineKind.Item;
  else if ((c0 === 45 || c0 === 42 || c0 === 43) && bulletContentAt(text, start, e) > 0) kind = LineKind.Item;
  else if (opensConstruct(text, start, e)) return LineKind.Complex;
  return holdsCommentOrCr(text, start, e) ? LineKind.Complex : kind;
}

/**
 * Where the content of an ordered list item of prose starts, for a line text[start, e) opening
 * with a digit; 0 when the line is not one (see {@link LineKind.Item}).
 */
function itemContentAt(text: string, start: number, e: number): number {
  let k = start;
  while (k < e && text.charCodeAt(k) >= 48 && text.charCodeAt(k) <= 57) k++;
  // micromark reads at most nine digits as an item's number.
  if (k - start > 9) return 0;
  const m = text.charCodeAt(k);
  if ((m !== 46 && m !== 41) || text.charCodeAt(k + 1) !== 32) return 0;
  return proseContentAt(text, k + 2, e);
}

/**
 * Where the content of a bullet list item of prose starts, for a line text[start, e) opening with
 * `-`, `*` or `+`: the marker, one space, then a character that opens no construct (so not a
 * thematic break `- - -`, not a nested marker); 0 when the line is not one.
 */
function bulletContentAt(text: string, start: number, e: number): number {
  if (text.charCodeAt(start + 1) !== 32) return 0;
  return proseContentAt(text, start + 2, e);
}

/**
 * `c`, where an item's content starts after its marker and one space, when prose starts there
 * (a character of the line that is no further space or tab, no CR, and opens no construct); else 0.
 */
function proseContentAt(text: string, c: number, e: number): number {
  if (c >= e) return 0;
  const first = text.charCodeAt(c);
  return first === 32 || first === 9 || first === 13 || opensConstruct(text, c, e) ? 0 : c;
}

/** What a group of lines ends in: nothing open, an ordered list left open, or a shape left to micromark. */
const enum GroupEnd {
  Closed,
  OpenList,
  Unread,
}

/** Where {@link readGroup} puts what it reads. */
interface GroupOut {
  readonly blocks: Block[];
  /** The restart points so far (see {@link withRestarts}): a top-level construct's start, unless indented code is just before it. */
  readonly roots: number[];
  /** Whether the last top-level construct read is indented code (the next one is then no restart point). */
  afterCode: boolean;
}

/**
 * Notes a top-level construct in `out` (`code`: it is indented code, which the fast path never reads):
 * its start is a restart point unless indented code is just before it. Kept as the roots themselves,
 * not a start and a type per construct (a text of empty headings has a construct a line: two more
 * lists of that length).
 */
function noteRoot(out: GroupOut, start: number, code = false): void {
  if (!out.afterCode) out.roots.push(start);
  out.afterCode = code;
}

/**
 * Ends the paragraph text[paraStart, paraEnd) a group has open (none: `paraStart` < 0), into `out`
 * when given; an item's paragraph (`inItem`) notes no root. A function of the module, not a closure
 * of `readGroup`'s state: a closure and its context were made for every group of lines.
 */
function flushParagraph(text: string, source: string, out: GroupOut | undefined, paraStart: number, paraEnd: number, inItem: boolean): void {
  if (paraStart < 0 || !out) return;
  // micromark's content starts after the spaces that indent its first line in the copy it reads
  // (a flattened quote's `>` is one of them: its paragraph starts at the author's text).
  let root = paraStart;
  while (source.charCodeAt(root) === 32) root++;
  // Its block starts after the markers of a flattened quote read as text (`  > 引` as `  　 引`), as
  // micromark's reading gives it; its token ends before a CR that ends the line.
  let from = root;
  if (source !== text && source.charCodeAt(root) === 0x3000) {
    const end = text.charCodeAt(paraEnd - 1) === 13 ? paraEnd - 1 : paraEnd;
    from = skipFlattenedMarkers(text, source, root, end);
  }
  // Two numbers, not a pair (destructured, an iterator per call until flushParagraph is optimised).
  const s = trimmedStart(text, from, paraEnd);
  const e = trimmedEnd(text, s, paraEnd);
  if (e > s) out.blocks.push({ kind: 'paragraph', start: s, end: e });
  if (!inItem) noteRoot(out, root);
}

/**
 * Reads a group of lines (start, end, kind triples; no blank line among them, nothing open before
 * it) as micromark does, into `out` when given (without it, only what the group ends in). A
 * paragraph line after an item continues the item's paragraph (inside the item or lazily), an
 * item after an item is the list's next item when its delimiter (or bullet) is the list's, an
 * ordered item interrupts a paragraph only when its number is `1` (a bullet item always), and a
 * heading closes the list. Unread: an item of another delimiter in a list, or a line indented four
 * or more spaces under an item whose first character opens a construct (relative to the item's
 * content it may be a nested item).
 */
function readGroup(text: string, source: string, lines: Int32Array, count: number, out: GroupOut | undefined): GroupEnd {
  // The open paragraph (top level or an item's), its end, and the open list's delimiter (0: none).
  let paraStart = -1;
  let paraEnd = -1;
  let inItem = false;
  let delimiter = 0;
  for (let k = 0; k < count; k += 3) {
    const ls = lines[k] as number;
    const le = lines[k + 1] as number;
    const kind = lines[k + 2] as LineKind;
    if (kind === LineKind.Quote) {
      // The group is a quote line, then quote lines and lazy lines (see `markdownBlocks`): one quote, one paragraph.
      if (!out) return GroupEnd.Closed;
      const trimmed = trimRange(text, ls + 2, lines[count - 2] as number);
      if (trimmed[1] > trimmed[0]) out.blocks.push({ kind: 'paragraph', start: trimmed[0], end: trimmed[1] });
      noteRoot(out, ls);
      return GroupEnd.Closed;
    }
    if (kind === LineKind.Heading) {
      flushParagraph(text, source, out, paraStart, paraEnd, inItem);
      paraStart = -1;
      inItem = false;
      delimiter = 0;
      if (!out) continue;
      let i = ls;
      while (text.charCodeAt(i) === 35) i++;
      const depth = i - ls;
      while (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9) i++;
      let ce = le;
      if (ce > i && text.charCodeAt(ce - 1) === 13) ce--;
      while (ce > i && (text.charCodeAt(ce - 1) === 32 || text.charCodeAt(ce - 1) === 9)) ce--;
      // The line trimmed (as `trimRange`, without its pair: a line of `#` is a heading each).
      let s = ls;
      let e = le;
      while (s < e && isSpace(text.charCodeAt(s))) s++;
      while (e > s && isSpace(text.charCodeAt(e - 1))) e--;
      // An empty heading's content is empty at its (trimmed) end, as micromark gives it.
      const cs = ce > i ? i : e;
      out.blocks.push({ kind: 'heading', start: s, end: e, depth, contentStart: cs, contentEnd: ce > i ? ce : e });
      noteRoot(out, ls);
      continue;
    }
    if (kind === LineKind.Item) {
      let d = ls;
      while (text.charCodeAt(d) >= 48 && text.charCodeAt(d) <= 57) d++;
      // An ordered item's `.` or `)`, or a bullet item's marker: another one starts another list.
      const itemDelimiter = text.charCodeAt(d);
      const bullet = d === ls;
      if (inItem) {
        if (itemDelimiter !== delimiter) return GroupEnd.Unread;
      } else if (paraStart >= 0 && !bullet && !(d === ls + 1 && text.charCodeAt(ls) === 49)) {
        // Only an item numbered 1 interrupts a paragraph; any other is the paragraph's text.
        paraEnd = le;
        continue;
      } else {
        flushParagraph(text, source, out, paraStart, paraEnd, inItem);
        paraStart = -1;
        delimiter = itemDelimiter;
        if (out) noteRoot(out, ls);
      }
      flushParagraph(text, source, out, paraStart, paraEnd, inItem);
      inItem = true;
      // The item's paragraph starts at its marker (list items keep their marker).
      paraStart = ls;
      paraEnd = le;
      continue;
    }
    if (inItem && source.charCodeAt(ls) === 32) {
      // An indented paragraph line in an item goes on with the item's paragraph (indented to its
      // content or lazily) unless, relative to the content, it opens a construct: up to three spaces
      // its kind says it opens none; further indented (a paragraph's continuation), look.
      let i = ls;
      while (source.charCodeAt(i) === 32) i++;
      if (i - ls >= 4 && opensConstruct(source, i, le)) return GroupEnd.Unread;
    }
    if (paraStart < 0) paraStart = ls;
    paraEnd = le;
  }
  flushParagraph(text, source, out, paraStart, paraEnd, inItem);
  return inItem ? GroupEnd.OpenList : GroupEnd.Closed;
}

/**
 * Whether the first non-blank line at or after `from` closes an ordered list left open before a
 * blank line (or none is left before `to`): a heading, or a paragraph line not indented (an
 * indented one may go on in the item, an item may be the list's next).
 */
function closesList(text: string, from: number, to: number): boolean {
  let pos = from;
  while (pos < to) {
    let le = text.indexOf('\n', pos);
    if (le < 0 || le > to) le = to;
    const kind = lineKind(text, pos, le);
    if (kind !== LineKind.Blank) return kind === LineKind.Heading || (kind === LineKind.Paragraph && text.charCodeAt(pos) !== 32);
    pos = le + 1;
  }
  return true;
}

/** Whether the character at `i` may open a block construct: a marker, an ordered item's number, a BOM. */
function opensConstruct(text: string, i: number, e: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 128) return MARKER_START[c] === 1 || (c >= 48 && c <= 57 && opensOrderedItem(text, i, e));
  return c === 0xfeff;
}

/**
 * Whether text[from, e) holds a `<!--` (an HTML comment, which the reader keeps) or a lone CR (a line
 * ending to micromark). Any other `<` after the line's first character is inline HTML at most,
 * which changes no block (an HTML block starts a line: {@link MARKER_START}).
 */
function holdsCommentOrCr(text: string, from: number, e: number): boolean {
  // A whole text without `<` and CR (most reports) has no line to look at (see markdownBlocks).
  if (!mayHoldLtOrCr) return false;
  // A native scan to the next CR, LF or `<` (the line holds no LF before `e`): no loop over every unit here.
  for (let i = from; i < e; i++) {
    UNTIL_CR_LF_OR_LT.lastIndex = i;
    UNTIL_CR_LF_OR_LT.test(text);
    i = UNTIL_CR_LF_OR_LT.lastIndex;
    if (i >= e) return false;
    if (text.charCodeAt(i) === 13 || (text.charCodeAt(i) === 60 && text.startsWith('!--', i + 1))) return true;
  }
  return false;
}

/** A stretch without CR, LF or `<`, from where it is asked for (never fails: it may be empty). */
const UNTIL_CR_LF_OR_LT = /[^\r\n<]*/y;

/**
 * Whether the text `markdownBlocks` reads may hold a `<` or a CR: false when a whole text holds
 * neither (two native searches per text, not a sticky regex test per line; its guarded copy
 * replaces units by `x` and spaces only, so holds none either). A part read after an edit is not
 * searched (the search would run to the text's end): true.
 */
let mayHoldLtOrCr = true;

/**
 * A line that opens with spaces (reports indent paragraphs so, a whole report at a time). One to
 * three spaces, then what opens no construct: a paragraph line, which micromark reads from its
 * first character on (the paragraph's range is trimmed; its root start is given after the spaces).
 * Four or more: see {@link LineKind.Indented}. Anything else (a tab, a marker or numbering after
 * the spaces, an indented heading) is left to micromark.
 */
function indentedLineKind(text: string, start: number, e: number): LineKind {
  let i = start;
  while (i < e && text.charCodeAt(i) === 32) i++;
  const c = text.charCodeAt(i);
  if (i - start >= 4 ? c === 9 : opensConstruct(text, i, e)) return LineKind.Complex;
  if (holdsCommentOrCr(text, i, e)) return LineKind.Complex;
  return i - start >= 4 ? LineKind.Indented : LineKind.Paragraph;
}

/**
 * A line starting with `>` (in the text micromark reads): {@link LineKind.Quote} when a space and
 * a paragraph line follow, else left to micromark.
 */
function quoteLineKind(source: string, start: number, end: number): LineKind {
  if (source.charCodeAt(start + 1) !== 32 || start + 2 >= end) return LineKind.Complex;
  const c = source.charCodeAt(start + 2);
  if (c === 32 || c === 9) return LineKind.Complex;
  return lineKind(source, start + 2, end) === LineKind.Paragraph ? LineKind.Quote : LineKind.Complex;
}

/**
 * A line as micromark reads it from the guarded copy: a list item whose marker the guard reads as
 * text (`x 段落` for `- 段落`) is a paragraph line there, read here as the paragraph micromark makes
 * of it (its start is the marker's, as the item's paragraph was). A line of a flattened quote too
 * deep for spaces (ideographic spaces for `>`) is left to micromark, which skips those markers.
 */
function guardedLineKind(text: string, source: string, start: number, end: number): LineKind {
  if (source.charCodeAt(start) === 0x3000 && text.charCodeAt(start) !== 0x3000) return LineKind.Complex;
  if (source.charCodeAt(start) === 62 && text.charCodeAt(start) === 62) return quoteLineKind(source, start, end);
  // Quote markers read as spaces (a flattened quote: markdown-guard.ts) indent the line in the
  // guarded copy: a paragraph line there, whose text {@link readGroup} starts after those spaces.
  let flattened = false;
  for (let i = start; i < end && source.charCodeAt(i) === 32; i++) {
    const c = text.charCodeAt(i);
    if (c === 62) flattened = true;
    else if (c !== 32) return LineKind.Complex;
  }
  // Lists are what the guard rewrites (markers read as text): a line is read as micromark reads it in
  // its copy (a marker left there is an item's; one rewritten, `x 段落`, a paragraph's text).
  const kind = lineKind(source, start, end);
  if (flattened) return kind === LineKind.Paragraph ? kind : LineKind.Complex;
  return kind;
}

/**
 * Whether a group holding quote lines (start, end, kind triples) is one quote with one paragraph:
 * a quote line first, then quote lines and paragraph lines. A paragraph line there is the quoted
 * paragraph's lazy continuation (CommonMark): it opens no block (no marker, heading, fence, HTML,
 * item; `=` and `-`, which could underline a setext heading, are markers too), so it neither
 * interrupts the paragraph nor closes the quote, and a quote line after it continues both.
 */
function isQuoteGroup(lines: Int32Array, count: number): boolean {
  if (lines[2] !== LineKind.Quote) return false;
  for (let k = 5; k < count; k += 3) if (lines[k] !== LineKind.Quote && lines[k] !== LineKind.Paragraph) return false;
  return true;
}

/**
 * The lines of a group (start, end, kind triples), kept from one call of `markdownBlocks` to the
 * next: a text that is one group of many short lines (`#` lines, 500,000 a MB) grew a fresh array
 * of three entries a line by pushes, ~0.15 s of CPU per MB. `markdownBlocks` does not re-enter
 * itself, so one array serves every call; a larger one than this is not kept.
 */
let groupScratch = new Int32Array(3 * 256);
const GROUP_SCRATCH_KEPT = 1 << 21;

/** Whether blocks are ordered by start (a stable sort would leave them as they are). */
function startsInOrder(blocks: readonly Block[]): boolean {
  for (let i = 1; i < blocks.length; i++) if ((blocks[i] as Block).start < (blocks[i - 1] as Block).start) return false;
  return true;
}

/**
 * Reads Markdown: headings, paragraphs (list items keep their marker), HTML
 * comments, fenced code blocks, YAML front matter. Only `text[from, to)` is read, as a document of
 * its own (`from` must be a line start where nothing is open); offsets are into `text`.
 */
export function markdownBlocks(text: string, from = 0, to = text.length): MarkdownBlocks {
  // micromark reads the guarded copy of the part read; whether quotes are read as text is the
  // whole text's decision, so a part re-read after an edit reads as it does in the whole.
  const whole = from === 0 && to === text.length;
  mayHoldLtOrCr = !whole || text.indexOf('<') >= 0 || text.indexOf('\r') >= 0;
  const guard = whole ? guarded(text) : guardMarkdown(text, from, to, flattenDecision(text));
  const source = guard.text;
  const blocks: Block[] = [];
  const roots: number[] = [];
  let frontMatter: FrontMatter | undefined;
  // Start of the pending run of complex groups, or -1.
  let runStart = -1;
  // The current group: start, and whether all its lines are simple so far.
  let groupStart = -1;
  let groupSimple = true;
  // Whether the group has an item line (its reading may leave a list open).
  let groupItems = false;
  // Quote lines in the group: read here only when every line is one.
  let groupQuotes = 0;
  // The group's lines, start, end, kind triples (`groupCount` entries), in the kept scratch array.
  let groupLines = groupScratch;
  let groupCount = 0;

  const out: GroupOut = { blocks, roots, afterCode: false };
  const flushRun = (until: number, lookaheadEnd: number): boolean => {
    const md = micromarkBlocks(text, runStart, lookaheadEnd, source);
    if (runStart === 0 && md.frontMatter) frontMatter = md.frontMatter;
    // Front matter that does not close makes micromark read every later container as a paragraph.
    if (runStart === 0 && !md.frontMatter && FENCE_START.test(text)) return false;
    if (lookaheadEnd > until && !md.rootStarts.includes(until)) return false;
    for (const b of md.blocks) if (b.start < until) blocks.push(b);
    for (let i = 0; i < md.rootStarts.length; i++) {
      const r = md.rootStarts[i] as number;
      if (r >= until) break;
      noteRoot(out, r, md.rootTypes[i] === 'codeIndented');
    }
    runStart = -1;
    return true;
  };

  const endGroup = (next: number): boolean => {
    if (groupStart < 0) return true;
    if (groupQuotes > 0 && !isQuoteGroup(groupLines, groupCount)) groupSimple = false;
    // A group of items is read here when it leaves no list open, or when the next line closes it.
    if (groupSimple && groupItems) {
      // After a run left to micromark, an item may go on the run's list, or be read as text (after
      // indented code micromark lets only `1.` start a list): the run takes the group (one reading, not
      // a failed look-ahead and the whole text again).
      if (runStart >= 0 && groupLines[2] === LineKind.Item) groupSimple = false;
      else {
        const end = readGroup(text, source, groupLines, groupCount, undefined);
        if (end === GroupEnd.Unread || (end === GroupEnd.OpenList && !closesList(text, next, to))) groupSimple = false;
      }
    }
    if (groupSimple) {
      // The group's first line is the run's look-ahead: a construct must start there.
      if (runStart >= 0 && !flushRun(groupStart, groupLines[1] as number)) return false;
      readGroup(text, source, groupLines, groupCount, out);
    } else if (runStart < 0) runStart = groupStart;
    groupItems = false;
    groupQuotes = 0;
    groupStart = -1;
    groupSimple = true;
    groupCount = 0;
    return true;
  };

  let ok = true;
  let pos = from;
  while (pos < to) {
    let le = text.indexOf('\n', pos);
    if (le < 0 || le > to) le = to;
    const kind =
      source !== text ? guardedLineKind(text, source, pos, le) : text.charCodeAt(pos) === 62 ? quoteLineKind(text, pos, le) : lineKind(text, pos, le);
    if (kind === LineKind.Blank) {
      if (!endGroup(le + 1)) {
        ok = false;
        break;
      }
    } else {
      if (groupStart < 0) groupStart = pos;
      let k = kind;
      // An indented line continues a paragraph line before it; anywhere else it is indented code.
      // After a quote line it continues the quote's paragraph, lazily (read only in a quote group).
      if (k === LineKind.Indented) {
        const before = groupCount > 0 ? groupLines[groupCount - 1] : LineKind.Blank;
        k = before === LineKind.Paragraph || before === LineKind.Quote || before === LineKind.Item ? LineKind.Paragraph : LineKind.Complex;
      }
      if (k === LineKind.Complex) groupSimple = false;
      else if (k === LineKind.Item) groupItems = true;
      else if (k === LineKind.Quote) groupQuotes++;
      if (groupCount + 3 > groupLines.length) {
        const grown = new Int32Array(groupLines.length * 2);
        grown.set(groupLines);
        groupLines = grown;
      }
      groupLines[groupCount] = pos;
      groupLines[groupCount + 1] = le;
      groupLines[groupCount + 2] = k;
      groupCount += 3;
    }
    pos = le + 1;
  }
  if (ok) ok = endGroup(to);
  if (ok && runStart >= 0) ok = flushRun(to, to);
  if (groupLines.length <= GROUP_SCRATCH_KEPT) groupScratch = groupLines;
  if (!ok) {
    const md = micromarkBlocks(text, from, to, source);
    return withRestarts(md.blocks, md.frontMatter, md.rootStarts, md.rootTypes);
  }
  // Mostly in order already (a sort copies the list): sorted only when a block is out of order.
  if (!startsInOrder(blocks)) blocks.sort((a, b) => a.start - b.start);
  return frontMatter ? { blocks, frontMatter, roots } : { blocks, roots };
}

/** The whole text read by micromark alone, without the fast path: what the fast path must equal (tests). */
export function micromarkOnlyBlocks(text: string): MarkdownBlocks {
  const md = micromarkBlocks(text, 0, text.length, guarded(text).text);
  return withRestarts(md.blocks, md.frontMatter, md.rootStarts, md.rootTypes);
}

let lastText: string | undefined;
let lastGuarded: ReturnType<typeof guardMarkdown> | undefined;
let lastFlattenText: string | undefined;
let lastFlatten = false;

/** The guarded copy of a whole text (the last one is remembered: the linter asks for its limits after the parse). */
function guarded(text: string): ReturnType<typeof guardMarkdown> {
  if (lastText !== text || !lastGuarded) {
    lastGuarded = guardMarkdown(text);
    lastText = text;
  }
  return lastGuarded;
}

/** Whether the whole text's quotes are read as text (remembered for the last text). */
function flattenDecision(text: string): boolean {
  if (lastFlattenText !== text) {
    lastFlatten = flattensQuotes(text);
    lastFlattenText = text;
  }
  return lastFlatten;
}

/**
 * The caps the Markdown reader applied to a text to stay linear (container
 * markers on a line, container depth, block quotes with many lazy lines): one entry per kind,
 * at the first line it applied to. The linter reports each as information.
 */
export function markdownInputLimits(text: string): readonly InputLimit[] {
  return guarded(text).limits;
}

/**
 * The restart points among the top-level constructs: not right after indented
 * code, where micromark is still inside the code at the next line (it may go
 * on after blank lines), which changes how that line reads.
 */
function withRestarts(blocks: Block[], frontMatter: FrontMatter | undefined, rootStarts: readonly number[], rootTypes: readonly string[]): MarkdownBlocks {
  // Made at its largest length and cut to what it holds, rather than grown push by push.
  const roots: number[] = new Array<number>(rootStarts.length);
  let n = 0;
  for (let i = 0; i < rootStarts.length; i++) if (i === 0 || rootTypes[i - 1] !== 'codeIndented') roots[n++] = rootStarts[i] as number;
  roots.length = n;
  return frontMatter ? { blocks, frontMatter, roots } : { blocks, roots };
}
