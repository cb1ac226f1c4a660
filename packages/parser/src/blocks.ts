/**
 * Blocks: the layer between the raw text (plain or Markdown) and the report
 * model. Both readers produce the same block list so everything after it is
 * shared. This module reads plain text; `markdown.ts` reads Markdown.
 *
 * A plain-text block is a paragraph as the report's author wrote it, which is
 * not always a line:
 * - web archives store a whole report on one line, with a space where a
 *   paragraph ended (`…。 （二）学习宣传… 1.严格…`): such a gap splits the line;
 * - other archives break the report into short lines mid-sentence (`一、` /
 *   `202` / `1` / `年推动…`): a line break is soft, and the lines are joined,
 *   when the line ends without closing punctuation and the next line continues it.
 */
import { junkLevel } from './junk.js';
import {
  MAX_TITLE,
  RUN_IN_TITLE,
  bodyOpensAt,
  endsWithHeadingWord,
  isBareEnumerator,
  matchNumbering,
  numberingEnd,
  startsWithItemMarker,
} from './headings.js';
import { ISSUER_END, isBlank, isCloser, isSentenceEnd, isSpace, trimmedEnd, trimmedStart, trimRange } from './text.js';
import type { Block } from './block.js';

export type { Block, FrontMatter } from './block.js';

const DIRECTIVE_LINE = /^(?:<!--\s*)?(fzlint-[a-z-]+\b[^\n]*?)(?:\s*-->)?$/;

/** A directive line (`fzlint-disable …`, bare or in a comment), or undefined. */
function directiveValue(line: string): string | undefined {
  const m = line.startsWith('fzlint-') || line.startsWith('<!--') ? DIRECTIVE_LINE.exec(line) : null;
  return m ? (m[1] ?? '').trim() : undefined;
}

/** Marks that never start a paragraph: a line opening with one continues the line before. */
const CONTINUES_START = new Set([...'，、。；：！？）》」』”’〕】．.,;:!?%）)]']);
/** Marks that never end a paragraph: a line ending with one goes on in the next line. */
const CONTINUES_END = new Set([...'，,、（《「『“‘〔【(—–-~～/＋+']);

/*
 * Lines end at `\n`, `\r\n` or a lone `\r` (a text saved with old Mac line ends), as in
 * micromark, the language server's positions and `createLineIndex`. A line's end is the offset
 * of its break character: for `\r\n` the `\n`, the `\r` staying in the line as a trailing blank
 * (trimmed, as `isSpace` holds it).
 */
/** A line's characters, matched from its start: a native scan (no loop over every unit here). */
const LINE_BODY = /[^\n\r]*/y;

/** Offset of the break ending the line that holds `from` (the `\n` of a `\r\n`), or -1 when it runs to the text's end. */
function lineBreakAt(text: string, from: number): number {
  if (from >= text.length) return -1;
  LINE_BODY.lastIndex = from;
  LINE_BODY.test(text);
  const at = LINE_BODY.lastIndex;
  if (at >= text.length) return -1;
  return text.charCodeAt(at) === 13 && text.charCodeAt(at + 1) === 10 ? at + 1 : at;
}

/** Whether text[k] ends a line: a `\n`, or a `\r` not followed by `\n`. */
function isLineBreak(text: string, k: number): boolean {
  const c = text.charCodeAt(k);
  return c === 10 || (c === 13 && text.charCodeAt(k + 1) !== 10);
}

const isDigit = (c: number): boolean => (c >= 48 && c <= 57) || (c >= 0xff10 && c <= 0xff19);

/** One stretch of a line read as a unit: the whole line, or a part a paragraph gap split off. */
interface Unit {
  readonly start: number;
  readonly end: number;
  /** The unit opens its line. */
  readonly lineStart: boolean;
  /** A blank line (or the start of what is read) comes before it. */
  readonly blankBefore: boolean;
  /** A `fzlint-` directive line. */
  readonly comment?: string;
}

/** How much of a block's start and end the joining tests keep: what they look at is within it. */
const READ_EDGE = 160;

const SENTENCE_MARK_CODES = new Set([...'。！？；!?;'].map((c) => c.charCodeAt(0)));

/**
 * The block read so far, folded (its lines joined): its length, its first and last
 * {@link READ_EDGE} characters, and where its last sentence mark is. The joining
 * tests look only at these, so a block of many lines costs each line a constant,
 * not a re-read of the whole block (building the string and testing it again at
 * each joined line was quadratic: 100,000 lines of `1件` took minutes).
 */
class ReadSoFar {
  head: string;
  tail: string;
  length: number;
  /** Offset in the folded block of its last 。！？；!?; (-1: none). */
  lastMark: number;
  constructor(private readonly text: string, u: Unit) {
    this.head = '';
    this.tail = '';
    this.length = 0;
    this.lastMark = -1;
    this.append(u);
  }

  append(v: Unit): void {
    const { text } = this;
    const n = v.end - v.start;
    if (this.head.length < READ_EDGE) this.head += text.slice(v.start, Math.min(v.end, v.start + READ_EDGE - this.head.length));
    this.tail = n >= READ_EDGE ? text.slice(v.end - READ_EDGE, v.end) : (this.tail + text.slice(v.start, v.end)).slice(-READ_EDGE);
    for (let k = v.end - 1; k >= v.start; k--) {
      if (SENTENCE_MARK_CODES.has(text.charCodeAt(k))) {
        this.lastMark = this.length + (k - v.start);
        break;
      }
    }
    this.length += n;
  }

  /** The whole block's text when it is short enough to be held whole, else undefined. */
  get whole(): string | undefined {
    return this.length <= READ_EDGE ? this.head : undefined;
  }
}

/**
 * Reads plain text: paragraphs (lines, parts of a line split at paragraph gaps,
 * or lines joined over soft breaks), `fzlint-…` directive lines as comments, and
 * the `<!-- … -->` comments inside other lines (`inline` comment blocks, after
 * the paragraph they sit in; the paragraph keeps its text).
 * Only the lines in `text[from, to)` are read (`from` is a line start, and
 * the breaks at `from` and `to` are hard: see `isHardBreak`). `split` says
 * whether the text is a split-line copy (`isSplitLineText`).
 */
export function plainTextBlocks(text: string, from = 0, to = text.length, split = isSplitLineText(text)): Block[] {
  const comments: Block[] = [];
  const units = readUnits(text, from, to, comments);
  const blocks: Block[] = [];
  let i = 0;
  while (i < units.length) {
    const u = units[i] as Unit;
    if (u.comment !== undefined) {
      blocks.push({ kind: 'comment', start: u.start, end: u.end, value: u.comment });
      i++;
      continue;
    }
    let end = u.end;
    const read = new ReadSoFar(text, u);
    let last = u;
    let j = i + 1;
    for (; j < units.length; j++) {
      const v = units[j] as Unit;
      if (v.comment !== undefined || !v.lineStart || v.blankBefore) break;
      if (!joins(text, read, last, v, units, j, split)) break;
      read.append(v);
      end = v.end;
      last = v;
    }
    // The optional fields in the literal, in the spread's order: a property added later takes a
    // property store of its own (a text of short lines kept one per block).
    const soft = j > i + 1;
    const inline = !u.lineStart;
    const block: Block = soft
      ? inline
        ? { kind: 'paragraph', start: u.start, end, soft: true, inline: true }
        : { kind: 'paragraph', start: u.start, end, soft: true }
      : inline
        ? { kind: 'paragraph', start: u.start, end, inline: true }
        : { kind: 'paragraph', start: u.start, end };
    blocks.push(block);
    i = j;
  }
  return comments.length === 0 ? blocks : mergeByStart(blocks, comments);
}

/** Two block lists, each ascending by start, as one; at equal starts `a`'s block (the paragraph) comes first. */
function mergeByStart(a: readonly Block[], b: readonly Block[]): Block[] {
  const out: Block[] = [];
  let j = 0;
  for (const x of a) {
    while (j < b.length && (b[j] as Block).start < x.start) out.push(b[j++] as Block);
    out.push(x);
  }
  while (j < b.length) out.push(b[j++] as Block);
  return out;
}

/**
 * The units of the lines in text[from, to); the `<!-- … -->` comments inside
 * lines that are not directive lines go to `comments`.
 */
function readUnits(text: string, from: number, to: number, comments: Block[]): Unit[] {
  const units: Unit[] = [];
  let blank = true;
  let lineStart = from;
  while (lineStart <= to) {
    let lineEnd = lineBreakAt(text, lineStart);
    if (lineEnd < 0 || lineEnd > to) lineEnd = to;
    const s = trimmedStart(text, lineStart, lineEnd);
    const e = trimmedEnd(text, s, lineEnd);
    if (e > s) {
      const line = text.slice(s, e);
      const value = directiveValue(line);
      const count = units.length;
      if (value !== undefined) units.push({ start: s, end: e, lineStart: true, blankBefore: blank, comment: value });
      else {
        if (!hasGap(text, s, e)) units.push({ start: s, end: e, lineStart: true, blankBefore: blank });
        else splitAtGaps(text, s, e, blank, units);
        lineComments(line, s, comments);
      }
      // A line of table bars (`|`, `||||||||`) has no unit: the bars are cell separators, not text
      // (`splitAtGaps`). It is read as if it were not there, so it neither parts the lines around it
      // nor hides a blank line beside it (`甲` / `` / `|` / `乙` reads as `甲` / `` / `乙`).
      if (units.length > count) blank = false;
    } else blank = true;
    lineStart = lineEnd + 1;
  }
  return units;
}

const BACKTICK = 0x60;

/**
 * The `<!-- … -->` comments of one line (`line` starts at offset `s`), each to
 * the first `-->` after its opening. A comment is closed on its line or not at
 * all here: a line is read whole by a re-parse too, so an edit finds the same
 * comments. An opening right after a backtick is quoted code, not a comment.
 * Linear: the first opening without a close ends the search.
 */
function lineComments(line: string, s: number, into: Block[]): void {
  for (let open = line.indexOf('<!--'); open >= 0; ) {
    if (open > 0 && line.charCodeAt(open - 1) === BACKTICK) {
      open = line.indexOf('<!--', open + 4);
      continue;
    }
    const close = line.indexOf('-->', open + 4);
    if (close < 0) return;
    into.push({ kind: 'comment', start: s + open, end: s + close + 3, value: line.slice(open + 4, close).trim(), inline: true });
    open = line.indexOf('<!--', close + 3);
  }
}

/** Blanks, and the bars of a page's metadata table (`索引号: | 3304… | 发布机构: |`), separate the stretches of a line. */
const isGap = (c: number): boolean => isBlank(c) || c === 0x7c || c === 0xff5c;

/** Whether text[s, e) holds a gap (a possible paragraph break). */
function hasGap(text: string, s: number, e: number): boolean {
  for (let i = s; i < e; i++) if (isGap(text.charCodeAt(i))) return true;
  return false;
}

/** Brackets and quotes, each opener with the closers that end it. */
const PAIRS: Readonly<Record<string, string>> = { '《': '》', '“': '”', '（': '）)', '(': ')）', '「': '」', '『': '』', '【': '】', '〔': '〕', '‘': '’' };
const CLOSERS = new Set([...'》”）)」』】〕’']);
/** How far a bracket may run inside one paragraph: an opener not closed within it is a stray. */
const BRACKET_SPAN = 80;

/** Char-code tables of the openers and closers above (the scan runs over every character of a line). */
const OPENER_CODES = new Uint8Array(0x10000);
for (const ch of Object.keys(PAIRS)) OPENER_CODES[ch.charCodeAt(0)] = 1;
const CLOSER_CODES = new Uint8Array(0x10000);
for (const ch of CLOSERS) CLOSER_CODES[ch.charCodeAt(0)] = 1;

/** Whether the opener at `i` is closed within `BRACKET_SPAN` characters before `e`. */
function closedSoon(text: string, i: number, e: number): boolean {
  const close = PAIRS[text[i] as string] as string;
  const end = Math.min(e, i + BRACKET_SPAN);
  for (let k = i + 1; k < end; k++) if (close.includes(text[k] as string)) return true;
  return false;
}

/**
 * Splits the line text[s, e) at its paragraph gaps into units. A gap (spaces
 * inside a line, outside brackets and quotes) ends a paragraph after a sentence
 * end, before a heading's numbering or an item marker, and after a short
 * stand-alone stretch (a title, a heading, a signature, a date). Other gaps
 * are spaces inside a sentence.
 */
function splitAtGaps(text: string, lineFrom: number, e: number, blankBefore: boolean, out: Unit[]): void {
  // A table row's bars at either end of the line are not part of its cells.
  let s = lineFrom;
  while (s < e && isGap(text.charCodeAt(s))) s++;
  const push = (a: number, b: number): void => {
    let y = b;
    while (y > a && isGap(text.charCodeAt(y - 1))) y--;
    if (y > a) out.push({ start: a, end: y, lineStart: a === s, blankBefore: a === s && blankBefore });
  };
  let segStart = s;
  let depth = 0;
  for (let i = s; i < e; i++) {
    const c = text.charCodeAt(i);
    if (OPENER_CODES[c] === 1) {
      // A stray opener (【字体: with no 】) must not keep the rest of the line from splitting.
      if (closedSoon(text, i, e)) depth++;
    } else if (CLOSER_CODES[c] === 1) depth = Math.max(0, depth - 1);
    // Brackets do not run over a sentence end: an unclosed one must not stop the splitting.
    else if (isSentenceEnd(c)) depth = 0;
    else if (isGap(c)) {
      let j = i;
      while (j < e && isGap(text.charCodeAt(j))) j++;
      if (j < e && depth === 0 && gapEndsParagraph(text, segStart, i, j)) {
        push(segStart, i);
        segStart = j;
      }
      i = j - 1;
    }
  }
  push(segStart, e);
}

/** Whether the gap text[gapStart, gapEnd) after the stretch that began at segStart ends a paragraph. */
function gapEndsParagraph(text: string, segStart: number, gapStart: number, gapEnd: number): boolean {
  const next = text[gapEnd] as string;
  const prev = text[gapStart - 1] as string;
  if (CONTINUES_START.has(next) || CONTINUES_END.has(prev)) return false;
  let k = gapStart - 1;
  while (k > segStart && isCloser(text.charCodeAt(k))) k--;
  if (isSentenceEnd(text.charCodeAt(k))) return true;
  const seg = text.slice(segStart, gapStart);
  // `一、 坚持党的领导`: the gap after a bare numbering belongs to the heading.
  if (isBareEnumerator(seg)) return false;
  if (startsHeading(text, gapEnd)) return true;
  // A note in brackets standing alone: （2023年4月27日在…会议上）, (此件公开发布).
  if (BRACKETED.test(seg)) return true;
  // The next field of a page's metadata (… 发布时间: 2026-01-27 文号: …), after more than one character.
  if (METADATA_KEY.test(text.slice(gapEnd, gapEnd + 12)) && gapStart - segStart >= 2) return true;
  // A short stretch with no sentence end standing alone: a title, an issuer, a date, a note, a
  // heading that lost its number (…法治化水平), page furniture. Other words before a space are
  // the start of a sentence with a stray space in it (券桥经济 会发展).
  let n = 0;
  for (let i = segStart; i < gapStart; i++) {
    const c = text.charCodeAt(i);
    if (isSentenceEnd(c)) return false;
    if (!isGap(c)) n++;
  }
  if (n < 3) return false;
  // A salutation stands alone (主任、副主任、秘书长、各位委员:); a page's field name keeps its value
  // (标题: …), unless a table's bar separates them (文件编号: | …) or the report begins (相关链接： 2022年，…).
  if (/[：:]\s*$/u.test(seg)) return !FIELD_NAME.test(seg) || hasBar(text, gapStart, gapEnd) || bodyOpensAt(text, gapEnd);
  // A title may be longer (莆田市科学技术局关于2021年度法治政府建设情况及2022年工作思路的报告).
  if (n <= 80 && STANDALONE_TITLE.test(seg)) return true;
  if (n > 30) return false;
  return standsAlone(seg) || endsWithHeadingWord(seg, text.slice(gapEnd, gapEnd + 4)) || junkLevel(seg) > 0;
}

/** A page's field name with its colon, alone (`标题:`, `发布时间：`). */
const FIELD_NAME = /^[\p{Script=Han}A-Za-z \t\u3000]{1,10}[：:]\s*$/u;

/** Whether text[s, e) holds a table bar. */
function hasBar(text: string, s: number, e: number): boolean {
  for (let i = s; i < e; i++) if (text.charCodeAt(i) === 0x7c || text.charCodeAt(i) === 0xff5c) return true;
  return false;
}

/** A field of page metadata: a short key and its colon (`发布时间:`, `来源：`). */
const METADATA_KEY = /^(?:[\p{Script=Han}A-Za-z]{2,6}|\p{Script=Han}(?:[ \t\u3000]+\p{Script=Han}){1,3})\s*[:：]/u;
/** A report's title line (…法治政府建设情况的报告). */
const STANDALONE_TITLE = /(?:法治政府|依法行政|法治建设)[^，,。；]*(?:报告|情况|总结)$/u;

/** Whether a heading's numbering, or a body item marker (一是), opens text at `pos`. */
function startsHeading(text: string, pos: number): boolean {
  const end = numberingEnd(text, pos);
  if (end >= 0) {
    let k = end;
    while (k < text.length && isBlank(text.charCodeAt(k))) k++;
    // A numbering alone at the line end still opens a heading (its title is on the next line),
    // unless digits go on there: `6.` / `69户` is the number 6.69 broken over two lines (lines of
    // table bars between are not there for the reader). The look stops at a blank line: the line
    // after it starts a paragraph of its own (`isHardBreak`), and the numbering's line reads the
    // same whatever follows one (`1.` / `` / `12345` is a heading line, as `1.` / `` is).
    const c = text.charCodeAt(k);
    // Only an Arabic numbering (1.) starts with a digit.
    if (k < text.length && (c === 10 || c === 13) && isDigit(text.charCodeAt(pos)) && digitsGoOn(text, k)) return false;
    return k >= text.length || c === 10 || c === 13 || !isSpace(c);
  }
  return startsWithItemMarker(text.slice(pos, pos + 3));
}

/**
 * Whether the next line with units after the break at `at` (a line's `\n`, or its `\r`) opens
 * with a digit, table bars and blanks before it left out, and no blank line comes first
 * (lines of bars alone are skipped, as `readUnits` does).
 */
function digitsGoOn(text: string, at: number): boolean {
  const next = nextUnitLine(text, lineBreakAt(text, at) + 1);
  if (next === undefined) return false;
  let m = next[0];
  while (m < next[1] && isGap(text.charCodeAt(m))) m++;
  return isDigit(text.charCodeAt(m));
}

/**
 * The trimmed range of the first line with units at or after the line start `pos` (lines of
 * table bars alone skipped, as `readUnits` does), or undefined when a blank line or the text's
 * end comes first.
 */
function nextUnitLine(text: string, pos: number): [number, number] | undefined {
  for (let lineStart = pos; lineStart <= text.length; ) {
    let lineEnd = lineBreakAt(text, lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    const line = trimRange(text, lineStart, lineEnd);
    if (line[1] <= line[0]) return undefined;
    if (!isBarsOnly(text, line[0], line[1])) return line;
    lineStart = lineEnd + 1;
  }
  return undefined;
}

/** Whether `read` (a block's text so far, folded) ends a paragraph: a sentence end or a colon, closers after it. */
function closesParagraph(read: string): boolean {
  let k = read.length - 1;
  while (k > 0 && isCloser(read.charCodeAt(k))) k--;
  const c = read.charCodeAt(k);
  return isSentenceEnd(c) || c === 0xff1a || c === 0x3a;
}

/**
 * A numeral that goes on a word of the line before (统/一、运转协调 is 统一、; 第/三、 is 第三、):
 * the line break fell inside the word, and what looks like a numbering is not one.
 */
const WORD_BEFORE_NUMERAL = /^[统唯同单专万归之第初划合其如不再逐][一二三四五六七八九十]$/u;

const ENDS_WITH_DATE = /(?:(?:(?:19|20)[0-9]{2}|[〇零一二三四五六七八九]{4})\s*年\s*[0-9一二三四五六七八九十]{1,3}\s*月\s*[0-9一二三四五六七八九十]{1,3}\s*日(?:印发)?|(?:19|20)[0-9]{2}-[0-9]{1,2}-[0-9]{1,2}(?:\s+[0-9]{1,2}:[0-9]{2}(?::[0-9]{2})?)?)$/u;
const BRACKETED = /^[(（][^()（）]*[)）]$/u;
const DATE_START = /^(?:19|20)[0-9]{2}\s*年\s*[0-9]{1,2}\s*月/u;

/**
 * Whether the unit `v` (units[j]) continues the block read so far (`read`,
 * whose last unit is `last`). Sure continuations join in every text; a line
 * that merely ends without closing punctuation joins the next only in a
 * split-line copy, and not when the block is complete (a date line, a note in
 * brackets, a heading whose title is done).
 */
function joins(text: string, read: ReadSoFar, last: Unit, v: Unit, units: readonly Unit[], j: number, split: boolean): boolean {
  const a = text[last.end - 1] as string;
  const b = text[v.start] as string;
  const whole = read.whole;
  let join: boolean;
  if (CONTINUES_START.has(b) || CONTINUES_END.has(a) || (whole !== undefined && isBareEnumerator(whole)) || WORD_BEFORE_NUMERAL.test(a + b)) join = true;
  else if (closesParagraph(read.tail) || startsHeading(text, v.start)) return false;
  else if (!split) join = proseGoesOn(read, text.slice(v.start, Math.min(v.end, v.start + 8)));
  else if (isDigit(a.charCodeAt(0)) && (isDigit(b.charCodeAt(0)) || /^[年月日号%个件项]/u.test(b))) join = true;
  else join = !complete(text, read, units, j);
  // Page furniture (a metadata line) is never part of a paragraph.
  return join && junkLevel(text.slice(last.start, last.end)) < 2 && junkLevel(text.slice(v.start, v.end)) < 2;
}

/**
 * In a report written one paragraph a line: whether a line that ends without
 * closing punctuation is a sentence broken by a stray line break. A line of prose
 * (long, or short without a heading's last word) goes on; a heading (numbered, or
 * short and ending like one), a title, an issuer, a date or a note stands alone.
 */
function proseGoesOn(read: ReadSoFar, after: string): boolean {
  // A numbered line is a heading, unless its run-in title already ended (（二）深化…武装。将…).
  const end = numberingEnd(read.head, 0);
  if ((end >= 0 && read.lastMark < end) || standsAloneSoFar(read)) return false;
  if (read.length > 30) return true;
  return !endsWithHeadingWord(read.whole ?? read.tail, after);
}

/** {@link standsAlone} on a block read so far: a long block is judged by its end. */
function standsAloneSoFar(read: ReadSoFar): boolean {
  const whole = read.whole;
  if (whole !== undefined) return standsAlone(whole);
  // Longer than any issuer line or bracketed note: only a title's or a date's end can make it stand alone.
  return STANDALONE_TITLE.test(read.tail) || ENDS_WITH_DATE.test(read.tail.slice(-24));
}

/** A line that ends without punctuation in any report: a title, an issuer, a date, a note in brackets. */
function standsAlone(read: string): boolean {
  return (
    STANDALONE_TITLE.test(read) ||
    (read.length <= 30 && ISSUER_END.test(read) && !/[，,、]/u.test(read)) ||
    ENDS_WITH_DATE.test(read.slice(-24)) ||
    (read.length <= 90 && BRACKETED.test(read))
  );
}

/** In a split-line copy: whether the block read so far is complete before units[j]. */
function complete(text: string, soFar: ReadSoFar, units: readonly Unit[], j: number): boolean {
  // Only the block's end is looked at (a long block is read once, not once per line).
  if (ENDS_WITH_DATE.test(soFar.tail.slice(-24))) return true;
  const read = soFar.whole;
  if (read === undefined || read.length > 90) return false;
  if (BRACKETED.test(read) || STANDALONE_TITLE.test(read)) return true;
  // An issuer's name: its date may follow (a signature), anything else starts a new paragraph.
  if (read.length <= 30 && ISSUER_END.test(read) && !/[，,、]/u.test(read)) return !DATE_START.test(lookahead(text, units, j));
  const n = matchNumbering(read, 0);
  if (!n) return false;
  const title = read.slice(n.range.end).trimStart();
  // A numbered line whose run-in title already ended (1. 压实工作责任。开发区…) is a paragraph now.
  if (title.length < 2 || /[。！？；!?;]/u.test(title)) return false;
  const after = lookahead(text, units, j);
  // The body opens on the next line (2021年，我局… over three lines).
  if (bodyOpensAt(after, 0)) return true;
  const item = n.kind === 'arabic' || n.kind === 'paren-arabic';
  // A heading of the report's parts (一、（一）) that ends like one is done (二、存在的问题 / 执法力量…。).
  if (!item && endsWithHeadingWord(title, after)) return true;
  // A run-in heading whose title goes on to a full stop close by (（一）继续 / 抓好…相结合。).
  const stop = after.search(PARAGRAPH_MARK);
  if (stop >= 0 && title.length + stop <= RUN_IN_TITLE[n.kind]) return false;
  if (endsWithHeadingWord(title, after)) return true;
  // An item (1. …) that does not stop close by is a numbered paragraph going on; a title of a
  // few characters that does not end like a heading is not done yet (（四）/ 结合 / 科技活动周，…).
  if (item || title.length < 6) return false;
  // Joined, a heading's title would run on past any heading's length before its full stop: it ends here.
  return stop < 0 || title.length + stop > MAX_TITLE[n.kind];
}

/** Sentence ends and colons: where a look-ahead stops. */
const PARAGRAPH_MARK = /[。！？；：!?;:]/u;

/** The text of the lines from units[j] on, as one string, up to the first sentence end (at most about 80 characters). */
function lookahead(text: string, units: readonly Unit[], j: number): string {
  let out = '';
  for (let k = j; k < units.length && out.length < 80; k++) {
    const u = units[k] as Unit;
    if (u.comment !== undefined || (k > j && (!u.lineStart || u.blankBefore))) break;
    const t = text.slice(u.start, u.end);
    out += t;
    if (PARAGRAPH_MARK.test(t)) break;
  }
  return out;
}


/**
 * Whether a text is a split-line copy: a report broken into short lines
 * mid-sentence, where a line that ends without closing punctuation is most
 * often not a paragraph's end. Counted over pairs of neighbouring lines
 * (page furniture left out): in a report written one paragraph a line only
 * titles, headings, issuers, dates and notes end so, and they are not counted.
 */
export function isSplitLineText(text: string): boolean {
  const { open, pairs } = splitLineStats(text);
  return open >= 3 && open * 4 >= pairs;
}

/** Pairs of neighbouring lines, and those whose break is open (neither sure nor closed), for `isSplitLineText`. */
export function splitLineStats(text: string): { open: number; pairs: number } {
  let pairs = 0;
  let open = 0;
  // The previous line's trimmed range (-1: none, or blank), and this line's: numbers, not a pair per line.
  let prevStart = -1;
  let prevEnd = -1;
  for (let lineStart = 0; lineStart <= text.length; ) {
    let lineEnd = lineBreakAt(text, lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    const ls = trimmedStart(text, lineStart, lineEnd);
    const le = trimmedEnd(text, ls, lineEnd);
    lineStart = lineEnd + 1;
    const lineFrom = le > ls ? ls : -1;
    const lineTo = le > ls ? le : -1;
    if (lineFrom >= 0 && prevStart >= 0) {
      pairs++;
      const read = text.slice(prevStart, prevEnd);
      const b = text[lineFrom] as string;
      const sure = CONTINUES_START.has(b) || CONTINUES_END.has(read[read.length - 1] as string) || isBareEnumerator(read);
      // A heading, a title, an issuer, a date or a note ends its line without punctuation in any report: only prose counts.
      if (!sure && !closesParagraph(read) && !startsHeading(text, prevStart) && !standsAlone(read) && !startsHeading(text, lineFrom) && directiveValue(read) === undefined) {
        if (junkLevel(read) === 0 && junkLevel(text.slice(lineFrom, lineTo)) === 0) open++;
      }
    }
    prevStart = lineFrom;
    prevEnd = lineTo;
  }
  return { open, pairs };
}

/** Whether text[s, e) (a trimmed line, not empty) holds only table bars and blanks: `readUnits` reads no unit in it, yet it is no blank line. */
function isBarsOnly(text: string, s: number, e: number): boolean {
  for (let i = s; i < e; i++) if (!isGap(text.charCodeAt(i))) return false;
  return true;
}

/** Start of the line before the one at `lineStart` (0 for the first line): after the break before it (see `lineBreakAt`). */
function previousLineStart(text: string, lineStart: number): number {
  if (lineStart < 2) return 0;
  let k = lineStart - 2;
  // (The `\r` of the `\r\n` ending that line is no break of its own.)
  while (k >= 0 && !isLineBreak(text, k)) k--;
  return k + 1;
}

/**
 * Whether the line break just before `pos` (a line start) is hard: no reading
 * joins the units around it, whatever the rest of the text says. The units are
 * `readUnits`'s: a line of table bars (`|`, `||||||||`) has none and is skipped
 * as if it were not there. True at the start and end of the text, when a blank
 * line lies between the last unit before the break and the next (on either side
 * of any lines of bars), next to a directive line, and after a unit that ends a
 * sentence when the next does not open with a continuing mark. `reparse` re-reads
 * plain text between hard breaks; a break's hardness is the same at every line
 * start from just after one line with units through the next
 * (`previousUnitLine`, `afterNextUnitLine`).
 */
export function isHardBreak(text: string, pos: number): boolean {
  if (pos <= 0 || pos >= text.length) return true;
  // The next line with units; a blank line on the way opens a paragraph there.
  const next = nextUnitLine(text, pos);
  if (next === undefined) return true;
  let s = next[0];
  const e = next[1];
  // The last line with units before the break; a blank line on the way parts it from the next too.
  let ps = 0;
  let pe = 0;
  for (let lineStart = pos; ; ) {
    if (lineStart <= 0) return true;
    const prev = previousLineStart(text, lineStart);
    ps = trimmedStart(text, prev, lineStart - 1);
    pe = trimmedEnd(text, ps, lineStart - 1);
    if (pe <= ps) return true;
    if (!isBarsOnly(text, ps, pe)) break;
    lineStart = prev;
  }
  if (directiveValue(text.slice(ps, pe)) !== undefined || directiveValue(text.slice(s, e)) !== undefined) return true;
  // Bars at a line's ends are not part of its units (`splitAtGaps`).
  while (isGap(text.charCodeAt(pe - 1))) pe--;
  while (isGap(text.charCodeAt(s))) s++;
  return closesParagraph(text.slice(ps, pe)) && !CONTINUES_START.has(text[s] as string);
}

/** Whether the line text[lineStart, lineEnd) has units for `readUnits` (text or a directive; not blank, not bars only). */
function hasUnits(text: string, lineStart: number, lineEnd: number): boolean {
  const s = trimmedStart(text, lineStart, lineEnd);
  const e = trimmedEnd(text, s, lineEnd);
  return e > s && !isBarsOnly(text, s, e);
}

/** Start of the last line with units before the line start `pos`, or 0. */
export function previousUnitLine(text: string, pos: number): number {
  let lineStart = pos;
  while (lineStart > 0) {
    const prev = previousLineStart(text, lineStart);
    if (hasUnits(text, prev, lineStart - 1)) return prev;
    lineStart = prev;
  }
  return 0;
}

/** Start of the line after the first line with units at or after the line start `pos`, or the text length. */
export function afterNextUnitLine(text: string, pos: number): number {
  for (let lineStart = pos; lineStart < text.length; ) {
    const nl = lineBreakAt(text, lineStart);
    const lineEnd = nl < 0 ? text.length : nl;
    if (hasUnits(text, lineStart, lineEnd) || nl < 0) return nl < 0 ? text.length : nl + 1;
    lineStart = nl + 1;
  }
  return text.length;
}
