import type { Heading, ParseOptions, QuotedReference, ReportDocument, Sentence, TextRange } from './model.js';
import { afterNextUnitLine, isHardBreak, isSplitLineText, plainTextBlocks, previousUnitLine } from './blocks.js';
import type { Block } from './block.js';
import { documentMemo } from './document-memo.js';
import { FENCE_START, markdownBlocks, markdownInputLimits } from './markdown.js';
import type { InputLimit } from './markdown-guard.js';
import { assignLevels, headingOf, type RawHeading } from './headings.js';
import { editedLineStarts } from './lines.js';
import { analyzeBlock, assemble, formatOf, parse, parseStates, type BlockInfo, type ParseState } from './parse.js';
import type { ParagraphAnalysis } from './sentences.js';

/** A change to a text: `range` (in the text as it is before this edit) is replaced by `text`. */
export interface TextEdit {
  readonly range: TextRange;
  readonly text: string;
}

/**
 * Re-parses a document after edits, re-reading only the blocks the edits
 * touched. The result is deep-equal to `parse(newText, options)`.
 *
 * Edits apply in order, each range in the text left by the edits before it
 * (as the language server protocol's `contentChanges`). `options` default to
 * the options `previous` was parsed with. Blocks are lines in plain text and
 * top-level constructs separated by a blank line in Markdown; untouched blocks
 * keep their analysis (headings, sentences, numbers, references), shifted to
 * their new offsets, and the document-level facts (body, title, levels,
 * sections, report year, dates) are recomputed from the blocks, which is cheap.
 * A document this module did not make, a change of format, or an edit whose
 * effect cannot be bounded (an unclosed code fence, front matter) falls back
 * to a full `parse`.
 */
export function reparse(previous: ReportDocument, edits: readonly TextEdit[], options?: ParseOptions): ReportDocument {
  const oldText = previous.text;
  let text = oldText;
  // Unchanged prefix and suffix lengths over all edits.
  let prefix = oldText.length;
  let suffix = oldText.length;
  for (const edit of edits) {
    const a = Math.max(0, Math.min(edit.range.start, text.length));
    const b = Math.max(a, Math.min(edit.range.end, text.length));
    prefix = Math.min(prefix, a);
    suffix = Math.min(suffix, text.length - b);
    text = text.slice(0, a) + edit.text + text.slice(b);
  }
  const state = parseStates.get(previous);
  const opts = options ?? state?.options ?? { format: previous.format, ...(previous.filePath !== undefined ? { filePath: previous.filePath } : {}) };
  if (!state || formatOf(opts) !== state.format) return parse(text, opts);
  suffix = Math.max(0, Math.min(suffix, oldText.length - prefix, text.length - prefix));
  const region = { prefix, oldEnd: oldText.length - suffix, delta: text.length - oldText.length };
  const next = state.format === 'markdown' ? markdownRegion(oldText, text, state, region) : plainRegion(oldText, text, state, region);
  if (!next) return parse(text, opts);
  const oldRaws = headingRaws.get(previous);
  let raws: readonly RawHeading[] | undefined;
  const levels = (r: RawHeading[]): Heading[] => {
    raws = r;
    return (oldRaws && carriedHeadings(previous.headings, oldRaws, r, region)) ?? assignLevels(text, r);
  };
  const doc = assemble(text, opts, state.format, next, editedLineStarts(previous.lineIndex.lineStarts, text, prefix, suffix, region.delta), levels);
  if (raws) headingRaws.set(doc, raws);
  if (next.fresh) for (const info of next.fresh) if (info.para) detachTexts(info.para);
  // A keystroke inside a plain paragraph line changes none of the Markdown reader's caps (see `documentInputLimits`).
  const limits = inputLimits.get(previous);
  if (limits && next.interior) inputLimits.set(doc, limits.length === 0 ? limits : limits.map((l) => shiftLimit(l, region)));
  return doc;
}

/** The raw headings each re-parsed document's headings were made from (`collectHeadings`). */
const headingRaws = documentMemo<readonly RawHeading[]>();

/**
 * The previous document's headings, shifted, when the raw headings are the previous ones
 * (each the same kind of heading at the same place, shifted by the edit when after it) and
 * none touches the edited region: a heading is made from its raw form, the text inside it and
 * the raw headings before it (`assignLevels`), so nothing about them changed. Undefined
 * otherwise (the headings are made again).
 */
function carriedHeadings(old: readonly Heading[], oldRaws: readonly RawHeading[], raws: readonly RawHeading[], r: Region): Heading[] | undefined {
  if (raws.length !== oldRaws.length || old.length !== oldRaws.length) return undefined;
  const out: Heading[] = [];
  for (let i = 0; i < raws.length; i++) {
    const o = oldRaws[i] as RawHeading;
    const n = raws[i] as RawHeading;
    // Wholly before the edited region (text unchanged, not moved) or wholly after it (moved by delta).
    const d = o.end <= r.prefix ? 0 : o.start >= r.oldEnd ? r.delta : undefined;
    if (d === undefined) return undefined;
    if (
      n.start !== o.start + d ||
      n.end !== o.end + d ||
      n.titleStart !== o.titleStart + d ||
      n.titleEnd !== o.titleEnd + d ||
      n.origin !== o.origin ||
      n.markdownDepth !== o.markdownDepth ||
      n.numbering?.kind !== o.numbering?.kind
    ) {
      return undefined;
    }
    const h = old[i] as Heading;
    if (d === 0 && h.numbering === n.numbering) {
      out.push(h);
      continue;
    }
    // At the raw heading's place, with its own numbering; what was read of the title is kept.
    const year = h.year !== undefined && h.yearRange ? { year: h.year, range: { start: h.yearRange.start + d, end: h.yearRange.end + d } } : undefined;
    out.push(headingOf(n, h.text, h.title, h.level, h.concept, year));
  }
  return out;
}

/** The Markdown reader's caps of a document, read once per document (re-parsed documents mostly carry them over). */
const inputLimits = documentMemo<readonly InputLimit[]>();

/**
 * The caps the Markdown reader applied to a Markdown document's text (`markdownInputLimits`),
 * remembered per document. A document re-parsed after a keystroke inside a plain paragraph
 * line (the blocks kept, see `paragraphInterior`) has its previous version's caps, shifted:
 * the reader's guard decides each line by its indentation, its container markers and whether
 * the rest is blank, and such an edit changes none of these on any line, nor the number of lines.
 */
export function documentInputLimits(document: ReportDocument): readonly InputLimit[] {
  let limits = inputLimits.get(document);
  if (!limits) {
    limits = markdownInputLimits(document.text);
    inputLimits.set(document, limits);
  }
  return limits;
}

/** A cap's first line after an edit inside one line: its start and end move when after the edit's start. */
function shiftLimit(l: InputLimit, r: Region): InputLimit {
  const start = l.start > r.prefix ? l.start + r.delta : l.start;
  const end = l.end >= r.oldEnd ? l.end + r.delta : l.end;
  return start === l.start && end === l.end ? l : { ...l, start, end };
}

interface Region {
  /** Edits start at or after this offset (same in old and new text). */
  readonly prefix: number;
  /** Edits end at or before this offset of the old text. */
  readonly oldEnd: number;
  /** New length minus old length. */
  readonly delta: number;
}

type NextState = Pick<ParseState, 'infos' | 'frontMatter' | 'roots' | 'split'> & {
  /** Set when the edit stayed inside a plain paragraph line (`paragraphInterior`): the blocks are the old ones. */
  readonly interior?: boolean;
  /** The blocks read again (their paragraph analysis is made by `assemble`). */
  readonly fresh?: readonly BlockInfo[];
};

/**
 * A copy of a string that does not hold on to the text it was cut from. V8 keeps a slice of
 * 13 characters or more as a view of the whole string: a paragraph analysed after an edit would
 * keep that version of the whole document alive for as long as the paragraph is not edited
 * again (one version per such paragraph, each promoted to the old generation). A flattened
 * concatenation is a copy of its own.
 */
function detached(s: string): string {
  return s.length < 13 ? s : (' ' + s).slice(1);
}

/**
 * The texts of a block's paragraph analysis made for the new document (the objects are its
 * own), as equal strings cut from a copy of the paragraph instead of from the whole text.
 */
function detachTexts(a: ParagraphAnalysis): void {
  const base = a.paragraph.range.start;
  const own = detached(a.paragraph.text);
  (a.paragraph as { text: string }).text = own;
  const cut = (r: TextRange, t: string): string => {
    if (t.length < 13) return t;
    const c = own.slice(r.start - base, r.end - base);
    return c === t ? c : t;
  };
  const { sentences, references } = a.lists;
  for (let i = a.sentenceBase; i < a.sentenceBase + a.sentenceCount; i++) {
    const st = sentences[i] as Sentence;
    (st as { text: string }).text = cut(st.range, st.text);
  }
  for (let i = a.referencesFirst; i < a.referencesFirst + a.referenceCount; i++) {
    const ref = references[i] as QuotedReference;
    (ref as { raw: string }).raw = cut(ref.range, ref.raw);
    (ref as { inner: string }).inner = cut(ref.innerRange, ref.inner);
  }
}

/** Index of the first info whose block starts at or after `offset`. */
function firstAtOrAfter(infos: readonly BlockInfo[], offset: number): number {
  let lo = 0;
  let hi = infos.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((infos[mid] as BlockInfo).block.start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Old blocks before `from`, new blocks, then old blocks from `oldFrom` on, shifted by `delta`. */
function splice(text: string, infos: readonly BlockInfo[], from: number, blocks: readonly Block[], oldFrom: number, delta: number, fresh: BlockInfo[]): BlockInfo[] {
  const keep = firstAtOrAfter(infos, from);
  const out: BlockInfo[] = infos.slice(0, keep);
  for (const b of blocks) {
    const info = analyzeBlock(text, b);
    fresh.push(info);
    out.push(info);
  }
  for (let i = firstAtOrAfter(infos, oldFrom); i < infos.length; i++) out.push(shiftInfo(infos[i] as BlockInfo, delta));
  return out;
}

function shiftInfo(info: BlockInfo, d: number): BlockInfo {
  if (d === 0) return info;
  const b = info.block;
  // Fields assigned, not spread from temporary objects: this runs for every block after an edit.
  const block: { -readonly [K in keyof Block]: Block[K] } = { ...b, start: b.start + d, end: b.end + d };
  if (b.contentStart !== undefined) block.contentStart = b.contentStart + d;
  if (b.contentEnd !== undefined) block.contentEnd = b.contentEnd + d;
  // Most blocks have no heading: their (read-only) empty list is shared.
  let raws = info.raws;
  if (raws.length > 0) {
    const shifted: RawHeading[] = new Array<RawHeading>(raws.length);
    for (let i = 0; i < raws.length; i++) shifted[i] = shiftRaw(raws[i] as RawHeading, d);
    raws = shifted;
  }
  // The paragraph cache keeps its own block start; `assemble` shifts it when it places the block.
  return info.para ? { block, junk: info.junk, prose: info.prose, raws, para: info.para } : { block, junk: info.junk, prose: info.prose, raws };
}

/**
 * A raw heading moved by `d`: a literal with the fields assigned, not spreads (two spreads per
 * heading, one of them conditional, took the slow generic copy for every heading after an edit).
 */
function shiftRaw(h: RawHeading, d: number): RawHeading {
  const m: Mutable<RawHeading> = { start: h.start + d, end: h.end + d, titleStart: h.titleStart + d, titleEnd: h.titleEnd + d, origin: h.origin };
  const n = h.numbering;
  if (n) m.numbering = { kind: n.kind, value: n.value, raw: n.raw, range: { start: n.range.start + d, end: n.range.end + d }, width: n.width };
  if (h.markdownDepth !== undefined) m.markdownDepth = h.markdownDepth;
  if (h.endedBy !== undefined) m.endedBy = h.endedBy;
  return m;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/**
 * Plain text: the lines holding the edits are re-read, widened on both sides
 * to a hard line break (one no reading joins over: see `isHardBreak`) in the
 * old and the new text alike, so the blocks outside are what a full read gives.
 * A change of split-line reading (`isSplitLineText`) changes every join: then
 * the text is parsed whole.
 */
function plainRegion(oldText: string, text: string, state: ParseState, r: Region): NextState | undefined {
  const split = isSplitLineText(text);
  if (split !== state.split) return undefined;
  // A break is as hard at every line start from just after a line with units through the next
  // such line (`isHardBreak` looks past blank and bar-only lines), in both texts alike (the lines
  // between are the same in both): the walks step from one line with units to the next, which
  // also keeps them linear over long runs of blank lines.
  let from = lineStart(text, r.prefix);
  while (from > 0 && !(isHardBreak(text, from) && isHardBreak(oldText, from))) from = previousUnitLine(text, from);
  // The old line after the edits, and its place in the new text.
  let oldTo = oldText.indexOf('\n', r.oldEnd);
  oldTo = oldTo < 0 ? oldText.length : oldTo + 1;
  while (oldTo < oldText.length && !(isHardBreak(oldText, oldTo) && isHardBreak(text, oldTo + r.delta))) oldTo = afterNextUnitLine(oldText, oldTo);
  const to = oldTo + r.delta;
  const blocks = plainTextBlocks(text, from, Math.max(from, to - (to < text.length ? 1 : 0)), split);
  const fresh: BlockInfo[] = [];
  return { infos: splice(text, state.infos, from, blocks, oldTo, r.delta, fresh), frontMatter: undefined, roots: [], split, fresh };
}

/** Start of the line holding `pos`. */
function lineStart(text: string, pos: number): number {
  return pos <= 0 ? 0 : text.lastIndexOf('\n', pos - 1) + 1;
}

const isBlankLineChar = (c: number): boolean => c === 32 || c === 9 || c === 13;

/**
 * A place where Markdown parsing can restart from scratch: the start of a
 * line that is not indented and follows a blank line (or the text start).
 * Nothing open before it can continue into it except a list, and a list only
 * groups items, which the blocks do not record.
 */
function isRestartPoint(text: string, at: number): boolean {
  if (at === 0) return true;
  if (at > text.length || text.charCodeAt(at - 1) !== 10) return false;
  const c = text.charCodeAt(at);
  if (c === 32 || c === 9) return false;
  let i = at - 2;
  while (i >= 0 && text.charCodeAt(i) !== 10) {
    if (!isBlankLineChar(text.charCodeAt(i))) return false;
    i--;
  }
  return i >= 0;
}

/** Index of the first root at or after `offset`. */
function firstRootAtOrAfter(roots: readonly number[], offset: number): number {
  let lo = 0;
  let hi = roots.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((roots[mid] as number) < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Markdown: re-reads from the last restart point at or before the edits (a
 * top-level construct that starts a line after a blank line) to a restart
 * point after them. The re-read runs one construct further and must itself
 * restart at that end point, which proves nothing it opened (a code fence, an
 * HTML block) runs on; otherwise the end moves on, and after a few tries the
 * whole text is parsed.
 */
function markdownRegion(oldText: string, text: string, state: ParseState, r: Region): NextState | undefined {
  // A text opening with a `---` fence that does not close reads all later
  // containers (quotes, lists) as paragraphs (a quirk of the front-matter
  // extension, which remark shares), and typing a closing fence anywhere
  // changes that: such texts are parsed whole.
  if ((FENCE_START.test(oldText) && !state.frontMatter) || (FENCE_START.test(text) && !(state.frontMatter && r.prefix > state.frontMatter.end))) return undefined;
  const inside = paragraphInterior(oldText, text, state, r);
  if (inside) return inside;
  const roots = state.roots;
  // Start: the last old root at or before the edits that is a restart point in the new text.
  let k = firstRootAtOrAfter(roots, r.prefix + 1) - 1;
  while (k >= 0 && !(isRestartPoint(oldText, roots[k] as number) && isRestartPoint(text, roots[k] as number))) k--;
  const from = k >= 0 ? (roots[k] as number) : 0;
  // End candidates: old roots after the edits that are restart points in the new text.
  let j = firstRootAtOrAfter(roots, r.oldEnd);
  for (let tries = 0; tries < 4; tries++) {
    while (j < roots.length && !(isRestartPoint(oldText, roots[j] as number) && isRestartPoint(text, (roots[j] as number) + r.delta))) j++;
    const oldTo = j < roots.length ? (roots[j] as number) : oldText.length;
    const to = oldTo + r.delta;
    // Front matter is front matter only at the text start: moved, it must be re-read.
    if (state.frontMatter && oldTo === state.frontMatter.start && to !== oldTo) {
      j++;
      continue;
    }
    const lookahead = j + 1 < roots.length ? (roots[j + 1] as number) + r.delta : text.length;
    // (From a later start micromark reads no front matter: it exists only at the text start.)
    const md = markdownBlocks(text, from, lookahead);
    if (to < text.length && !md.roots.includes(to)) {
      j++;
      continue;
    }
    const blocks = md.blocks.filter((b) => b.start < to);
    const newRoots = roots.slice(0, firstRootAtOrAfter(roots, from));
    for (const x of md.roots) if (x < to) newRoots.push(x);
    for (let i = firstRootAtOrAfter(roots, oldTo); i < roots.length; i++) newRoots.push((roots[i] as number) + r.delta);
    const fresh: BlockInfo[] = [];
    return {
      infos: splice(text, state.infos, from, blocks, oldTo, r.delta, fresh),
      frontMatter: from === 0 ? md.frontMatter : state.frontMatter,
      roots: newRoots,
      split: false,
      fresh,
    };
  }
  return undefined;
}

/** First characters of a line that may open or interrupt a block construct, or indent it (as the Markdown reader's). */
const MARKER_START = new Uint8Array(128);
for (const c of ' \t#>-*+=_`~<[\r\n') MARKER_START[c.charCodeAt(0)] = 1;

/**
 * Whether text[start, end) is a line that can only be paragraph text wherever it is: not
 * blank, opening with no block marker, indentation, list marker (a number and `.` or `)` before
 * a space or the line's end), `#` or byte-order mark,
 * and holding no `<` (HTML, comments) and no CR but one ending it (a lone CR is a line ending).
 * Changing such a line's characters into another such line changes no block structure
 * around it: Markdown decides blocks from line starts and blank lines, and the end of an
 * HTML block or code fence (which such a line can neither be in, as a paragraph's line,
 * nor close). Stricter than the reader's own "simple line", never looser.
 */
function isPlainLine(text: string, start: number, end: number): boolean {
  // A CR before the line's LF is part of the line ending.
  const e = end > start && text.charCodeAt(end - 1) === 13 ? end - 1 : end;
  if (e <= start) return false;
  const c0 = text.charCodeAt(start);
  if (c0 < 128 && MARKER_START[c0] === 1) return false;
  if (c0 === 0xfeff) return false;
  if (c0 >= 48 && c0 <= 57) {
    let i = start;
    while (i < e && text.charCodeAt(i) >= 48 && text.charCodeAt(i) <= 57) i++;
    const m = text.charCodeAt(i);
    // `4.` or `4)` opens an ordered item only before a space, a tab or the line's end (as the
    // reader's guard reads it too); `4.实施…`, a report's numbered line, is paragraph text. Past
    // the mark only a unit outside ASCII is taken (no space, `>` or line end to reason about).
    if ((m === 46 || m === 41) && !(text.charCodeAt(i + 1) >= 128)) return false;
  }
  for (let i = start; i < e; i++) {
    const c = text.charCodeAt(i);
    if (c === 60 || c === 13) return false;
  }
  return true;
}

/**
 * Markdown, the common keystroke: an edit inside one line of a paragraph block, not at its
 * first or last character, that leaves the line plain paragraph text (`isPlainLine`) before
 * and after, in a paragraph holding no `<`. The blocks are then the old ones with that
 * paragraph's end moved: nothing is read again but that block's own analysis (a long
 * paragraph of a text without blank lines would otherwise be re-read by micromark).
 */
function paragraphInterior(oldText: string, text: string, state: ParseState, r: Region): NextState | undefined {
  const infos = state.infos;
  const k = firstAtOrAfter(infos, r.prefix) - 1;
  if (k < 0) return undefined;
  const b = (infos[k] as BlockInfo).block;
  if (b.kind !== 'paragraph' || !(b.start < r.prefix && r.oldEnd < b.end)) return undefined;
  // Another block starting inside this one (an inline comment) would need re-reading too.
  if (k + 1 < infos.length && (infos[k + 1] as BlockInfo).block.start < b.end) return undefined;
  const oldLineStart = lineStart(oldText, r.prefix);
  const oldLineEnd = lineEndAt(oldText, r.prefix);
  // One line in both texts: nothing replaced or inserted holds a line break.
  if (oldLineEnd < r.oldEnd || lineEndAt(text, r.prefix) < r.oldEnd + r.delta) return undefined;
  if (!isPlainLine(oldText, oldLineStart, oldLineEnd) || !isPlainLine(text, oldLineStart, oldLineEnd + r.delta)) {
    // A list item's line or an indented one: its prefix decides what it is, its content (plain) cannot.
    const content = plainContentStart(oldText, oldLineStart, oldLineEnd);
    if (content < 0 || r.prefix <= content || plainContentStart(text, oldLineStart, oldLineEnd + r.delta) !== content) return undefined;
  }
  const blockEnd = b.end + r.delta;
  const lt = text.indexOf('<', b.start);
  if (lt >= 0 && lt < blockEnd) return undefined;
  const block: Block = { ...b, end: blockEnd };
  const edited = analyzeBlock(text, block);
  // `map`: the list made at its length at once (a slice pushed to would grow past it several times).
  const out = infos.map((info, i) => (i < k ? info : i === k ? edited : shiftInfo(info, r.delta)));
  const roots = r.delta === 0 ? state.roots : state.roots.map((x) => (x > r.prefix ? x + r.delta : x));
  return { infos: out, frontMatter: state.frontMatter, roots, split: false, interior: true, fresh: [edited] };
}

/**
 * Where the content of a line starts when the line is at most three spaces of indentation, then
 * optionally a list item marker (`-`, `*`, `+`, or up to nine digits and `.` or `)`) and one to
 * four spaces, then plain paragraph text (`isPlainLine`) holding no `>`; -1 for any other line.
 * Such a line's place in the block structure (list item, lazy or ordinary continuation, the
 * start of a paragraph) is decided by what comes before its content and by the lines around it,
 * never by its content past the first character: that content opens no construct (its first
 * character is no marker, digit list number, `#` or `<`), cannot be a thematic break or a setext
 * underline (it holds a character other than `-`, `*`, `_`, `=` and spaces), and cannot make the
 * reader's guard read the line's markers otherwise (the guard counts the markers before the
 * content; with no `>` on the line it cannot open a quote there either). Tabs are left out
 * (their width depends on the column).
 */
function plainContentStart(text: string, start: number, end: number): number {
  let i = start;
  while (i < end && i - start < 3 && text.charCodeAt(i) === 32) i++;
  const c = text.charCodeAt(i);
  let m = i;
  if (c === 45 || c === 42 || c === 43) m = i + 1;
  else if (c >= 48 && c <= 57) {
    let k = i;
    while (k < end && k - i < 9 && text.charCodeAt(k) >= 48 && text.charCodeAt(k) <= 57) k++;
    const d = text.charCodeAt(k);
    if (d === 46 || d === 41) m = k + 1;
  }
  if (m > i) {
    // A marker needs one to four spaces after it (five or more: indented code in the item).
    let k = m;
    while (k < end && k - m < 5 && text.charCodeAt(k) === 32) k++;
    if (k === m || k - m > 4) return -1;
    i = k;
  }
  if (i === start) return -1;
  for (let k = i; k < end; k++) if (text.charCodeAt(k) === 62) return -1;
  return isPlainLine(text, i, end) ? i : -1;
}

/** End of the line holding `pos` (the offset of its `\n`, or the text length). */
function lineEndAt(text: string, pos: number): number {
  const nl = text.indexOf('\n', pos);
  return nl < 0 ? text.length : nl;
}
