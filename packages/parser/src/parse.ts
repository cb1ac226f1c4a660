import type {
  CalendarDate,
  CommentNode,
  DocumentFact,
  DocumentNumber,
  Heading,
  NumberMention,
  Paragraph,
  ParseOptions,
  QuotedReference,
  ReportDocument,
  ReportTitle,
  Section,
  Sentence,
  TextRange,
} from './model.js';
import { plainTextBlocks, isSpace, type Block, type FrontMatter } from './blocks.js';
import { markdownBlocks } from './markdown.js';
import { findBody, isProse, junkLevel } from './junk.js';
import { assignLevels, findHeadingsInBlock, matchNumbering, type RawHeading } from './headings.js';
import { extractDocumentNumbers, extractNumbers } from './numbers.js';
import { extractReferences } from './references.js';
import { createLineIndex } from './positions.js';
import { chineseNumeralValue } from '@fzlint/ontology';

const MARKDOWN_EXT = /\.(?:md|markdown|mdown|mkd)$/i;

/** The format `parse` uses for these options. */
export function formatOf(options: ParseOptions): 'markdown' | 'plaintext' {
  return options.format ?? (options.filePath && MARKDOWN_EXT.test(options.filePath) ? 'markdown' : 'plaintext');
}

/**
 * What the parser knows about one block, independent of the rest of the
 * document (so `reparse` can keep it for blocks an edit did not touch).
 */
export interface BlockInfo {
  readonly block: Block;
  /** Junk strength (0 for comments). */
  readonly junk: 0 | 1 | 2;
  /** Long prose, which anchors the body. */
  readonly prose: boolean;
  /** The block's own headings: its Markdown heading, or the enumerated headings inside it. */
  readonly raws: readonly RawHeading[];
  /** Paragraph-level results, filled in when the block is assembled into a document. */
  para?: ParaCache;
}

/** The paragraph, sentences, numbers … of one block as they were placed in a document. */
export interface ParaCache {
  /** Block start when these objects were made (their offsets are absolute for it). */
  readonly blockStart: number;
  /** Whether the block was the title block (its headings did not cut sentences). */
  readonly titleBlock: boolean;
  readonly paragraph: Paragraph;
  readonly paragraphIndex: number;
  /** Index of the first sentence. */
  readonly sentenceBase: number;
  readonly sentences: readonly Sentence[];
  readonly numbers: readonly NumberMention[];
  readonly references: readonly QuotedReference[];
  readonly documentNumbers: readonly DocumentNumber[];
}

/** Internal state kept beside each parsed document, for `reparse`. */
export interface ParseState {
  readonly options: ParseOptions;
  readonly format: 'markdown' | 'plaintext';
  readonly infos: readonly BlockInfo[];
  readonly frontMatter: FrontMatter | undefined;
  /** Markdown only: starts of top-level constructs. */
  readonly roots: readonly number[];
}

/** Parse state of the documents this module made (a WeakMap keeps the public model unchanged). */
export const parseStates = new WeakMap<ReportDocument, ParseState>();

/** Block-local analysis: junk level, prose flag and the block's own headings. */
export function analyzeBlock(text: string, b: Block): BlockInfo {
  if (b.kind === 'comment') return { block: b, junk: 0, prose: false, raws: [] };
  const line = text.slice(b.start, b.end);
  const junk = junkLevel(line);
  const prose = isProse(line);
  let raws: readonly RawHeading[];
  if (b.kind === 'heading') raws = [markdownHeadingRaw(text, b)];
  else raws = findHeadingsInBlock(text, b.start, b.end);
  return { block: b, junk, prose, raws };
}

const HEADING_TRAILER = /[\s。：:，,；;]/;

/** The heading of a Markdown heading block; its range starts after the `#` markers, so fixes never touch them. */
function markdownHeadingRaw(text: string, b: Block): RawHeading {
  const cs = b.contentStart ?? b.start;
  let ce = b.contentEnd ?? b.end;
  // A run-in heading keeps its full stop (### （一）加强领导。); the title does not.
  while (ce > cs && HEADING_TRAILER.test(text[ce - 1] ?? '')) ce--;
  const numbering = matchNumbering(text, cs);
  let ts = numbering ? numbering.range.end : cs;
  while (ts < ce && isSpace(text.charCodeAt(ts))) ts++;
  return {
    start: cs,
    end: ce,
    titleStart: ts,
    titleEnd: ce,
    origin: 'markdown',
    ...(b.depth !== undefined ? { markdownDepth: b.depth } : {}),
    ...(numbering ? { numbering } : {}),
  };
}

/** Reads the blocks of a whole text. */
export function readBlocks(text: string, format: 'markdown' | 'plaintext'): { infos: BlockInfo[]; frontMatter: FrontMatter | undefined; roots: number[] } {
  if (format === 'markdown') {
    const md = markdownBlocks(text);
    return { infos: md.blocks.map((b) => analyzeBlock(text, b)), frontMatter: md.frontMatter, roots: md.roots };
  }
  return { infos: plainTextBlocks(text).map((b) => analyzeBlock(text, b)), frontMatter: undefined, roots: [] };
}

/**
 * Parses a 法治政府建设年度报告 (Markdown or plain text) into a positioned
 * {@link ReportDocument}. One pass over the text per layer; no layer rescans
 * the text per element, so time is linear in the text length.
 */
export function parse(text: string, options: ParseOptions = {}): ReportDocument {
  const format = formatOf(options);
  const { infos, frontMatter, roots } = readBlocks(text, format);
  return assemble(text, options, format, infos, frontMatter, roots);
}

/**
 * Builds the document from analysed blocks. Paragraph-level results cached on
 * a block (`para`) are reused, shifted or re-indexed when only their place
 * changed; blocks without them are analysed now.
 */
export function assemble(
  text: string,
  options: ParseOptions,
  format: 'markdown' | 'plaintext',
  infos: readonly BlockInfo[],
  frontMatter: FrontMatter | undefined,
  roots: readonly number[],
): ReportDocument {
  const { bodyRange, junk, junkRanges } = findBody(text, infos);
  const body: BlockInfo[] = [];
  const comments: CommentNode[] = [];
  for (let i = 0; i < infos.length; i++) {
    const info = infos[i] as BlockInfo;
    const b = info.block;
    if (b.kind === 'comment') {
      comments.push({ value: b.value ?? '', range: { start: b.start, end: b.end } });
      continue;
    }
    if (!junk[i]) body.push(info);
  }

  const title = findTitle(text, body, junkRanges) ?? frontMatterTitle(text, frontMatter);
  const { raws, titleBlock } = findHeadings(text, body, title);
  const headings = assignLevels(text, raws);
  const sections = buildSections(text, headings, bodyRange);

  const paragraphs: Paragraph[] = [];
  const sentences: Sentence[] = [];
  const numbers: NumberMention[] = [];
  const references: QuotedReference[] = [];
  const documentNumbers: DocumentNumber[] = [];
  const nearest = { index: -1 };
  for (let i = 0; i < body.length; i++) {
    const info = body[i] as BlockInfo;
    const b = info.block;
    // A Markdown heading's paragraph is its content, without the `#` markers.
    const ps = b.kind === 'heading' ? (b.contentStart ?? b.start) : b.start;
    const pe = b.kind === 'heading' ? (b.contentEnd ?? b.end) : b.end;
    if (pe <= ps) continue;
    const isTitle = i === titleBlock;
    const cache = info.para;
    if (cache && cache.titleBlock === isTitle) {
      info.para = placeCached(cache, b.start, paragraphs, sentences, numbers, references, documentNumbers, headings, nearest);
    } else {
      info.para = analyzeParagraph(text, info, ps, pe, isTitle, paragraphs, sentences, numbers, references, documentNumbers, headings, nearest);
    }
  }

  const facts = readFacts(text, options, frontMatter, title, body, headings, junkRanges, sentences);

  const doc: ReportDocument = {
    text,
    format,
    ...(options.filePath !== undefined ? { filePath: options.filePath } : {}),
    ...(title ? { title } : {}),
    ...(facts.reportYear ? { reportYear: facts.reportYear } : {}),
    writingDate: facts.writingDate,
    ...(facts.publicationDate ? { publicationDate: facts.publicationDate } : {}),
    bodyRange,
    junkRanges,
    headings,
    sections,
    paragraphs,
    sentences,
    numbers,
    references,
    documentNumbers,
    comments,
    lineIndex: createLineIndex(text),
  };
  parseStates.set(doc, { options, format, infos, frontMatter, roots });
  return doc;
}

/** Moves `nearest.index` to the last heading starting at or before `offset` (sentences come in order). */
function nearestHeading(headings: readonly Heading[], nearest: { index: number }, offset: number): number {
  let n = nearest.index;
  while (n + 1 < headings.length && (headings[n + 1] as Heading).range.start <= offset) n++;
  nearest.index = n;
  return n;
}

/** Splits, extracts and appends the paragraph of one block; returns what to cache. */
function analyzeParagraph(
  text: string,
  info: BlockInfo,
  ps: number,
  pe: number,
  isTitle: boolean,
  paragraphs: Paragraph[],
  sentences: Sentence[],
  numbers: NumberMention[],
  references: QuotedReference[],
  documentNumbers: DocumentNumber[],
  headings: readonly Heading[],
  nearest: { index: number },
): ParaCache {
  const paragraphIndex = paragraphs.length;
  const ptext = text.slice(ps, pe);
  const paragraph: Paragraph = { range: { start: ps, end: pe }, text: ptext };
  paragraphs.push(paragraph);
  const firstDoc = documentNumbers.length;
  extractDocumentNumbers(ptext, ps, documentNumbers);
  const docNums = documentNumbers.slice(firstDoc);
  const docRanges = docNums.map((d) => d.range);
  // Heading boundaries inside this block split sentences (the title block's headings are not headings).
  const cuts: number[] = [];
  if (!isTitle) for (const h of info.raws) if (h.start >= ps && h.start < pe) cuts.push(h.start, h.end);
  const sentenceBase = sentences.length;
  const firstNumber = numbers.length;
  const firstRef = references.length;
  splitSentences(text, ps, pe, cuts, (s, e) => {
    const sentenceIndex = sentences.length;
    const headingIndex = nearestHeading(headings, nearest, s);
    const st = text.slice(s, e);
    sentences.push({ range: { start: s, end: e }, text: st, paragraphIndex, headingIndex });
    extractNumbers(st, s, docRanges, sentenceIndex, numbers);
    extractReferences(st, s, sentenceIndex, references);
  });
  return {
    blockStart: info.block.start,
    titleBlock: isTitle,
    paragraph,
    paragraphIndex,
    sentenceBase,
    sentences: sentences.slice(sentenceBase),
    numbers: numbers.slice(firstNumber),
    references: references.slice(firstRef),
    documentNumbers: docNums,
  };
}

const shiftRange = (r: TextRange, d: number): TextRange => ({ start: r.start + d, end: r.end + d });

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** A number moved by `d` characters and `ds` sentences (a literal, not a spread: this runs for every number after an edit). */
function shiftNumber(n: NumberMention, d: number, ds: number): NumberMention {
  const m: Mutable<NumberMention> = {
    raw: n.raw,
    range: { start: n.range.start + d, end: n.range.end + d },
    valueRange: { start: n.valueRange.start + d, end: n.valueRange.end + d },
    value: n.value,
    kind: n.kind,
    approximate: n.approximate,
    decimals: n.decimals,
    numeral: n.numeral,
    fullWidth: n.fullWidth,
    sentenceIndex: n.sentenceIndex + ds,
  };
  if (n.unit !== undefined) m.unit = n.unit;
  if (n.approximateMarker !== undefined) m.approximateMarker = n.approximateMarker;
  if (n.multiplier !== undefined) m.multiplier = n.multiplier;
  return m;
}

/** A reference moved by `d` characters and `ds` sentences. */
function shiftReference(r: QuotedReference, d: number, ds: number): QuotedReference {
  const m: Mutable<QuotedReference> = {
    kind: r.kind,
    raw: r.raw,
    range: { start: r.range.start + d, end: r.range.end + d },
    inner: r.inner,
    innerRange: { start: r.innerRange.start + d, end: r.innerRange.end + d },
    normalized: r.normalized,
    sentenceIndex: r.sentenceIndex + ds,
  };
  if (r.suffix !== undefined) m.suffix = r.suffix;
  return m;
}

/**
 * Appends a block's cached paragraph results at the block's new place: the
 * same objects when nothing moved, shifted/re-indexed copies otherwise.
 */
function placeCached(
  c: ParaCache,
  blockStart: number,
  paragraphs: Paragraph[],
  sentences: Sentence[],
  numbers: NumberMention[],
  references: QuotedReference[],
  documentNumbers: DocumentNumber[],
  headings: readonly Heading[],
  nearest: { index: number },
): ParaCache {
  const d = blockStart - c.blockStart;
  const paragraphIndex = paragraphs.length;
  const sentenceBase = sentences.length;
  const ds = sentenceBase - c.sentenceBase;
  const paragraph = d === 0 ? c.paragraph : { range: shiftRange(c.paragraph.range, d), text: c.paragraph.text };
  paragraphs.push(paragraph);
  let changed = d !== 0 || ds !== 0 || paragraphIndex !== c.paragraphIndex;
  const newSentences: Sentence[] = [];
  for (const st of c.sentences) {
    const s = st.range.start + d;
    const headingIndex = nearestHeading(headings, nearest, s);
    if (d === 0 && headingIndex === st.headingIndex && paragraphIndex === st.paragraphIndex) newSentences.push(st);
    else {
      changed = true;
      newSentences.push({ range: d === 0 ? st.range : shiftRange(st.range, d), text: st.text, paragraphIndex, headingIndex });
    }
  }
  for (const st of newSentences) sentences.push(st);
  if (!changed) {
    for (const n of c.numbers) numbers.push(n);
    for (const r of c.references) references.push(r);
    for (const x of c.documentNumbers) documentNumbers.push(x);
    return c;
  }
  const newNumbers: NumberMention[] = [];
  for (const n of c.numbers) {
    const m = d === 0 && ds === 0 ? n : shiftNumber(n, d, ds);
    newNumbers.push(m);
    numbers.push(m);
  }
  const newRefs: QuotedReference[] = [];
  for (const r of c.references) {
    const m = d === 0 && ds === 0 ? r : shiftReference(r, d, ds);
    newRefs.push(m);
    references.push(m);
  }
  const newDocs: DocumentNumber[] = [];
  for (const x of c.documentNumbers) {
    const m: DocumentNumber = d === 0 ? x : { ...x, range: shiftRange(x.range, d) };
    newDocs.push(m);
    documentNumbers.push(m);
  }
  return {
    blockStart,
    titleBlock: c.titleBlock,
    paragraph,
    paragraphIndex,
    sentenceBase,
    sentences: newSentences,
    numbers: newNumbers,
    references: newRefs,
    documentNumbers: newDocs,
  };
}

/** 。！？；!?; (sentence ends) and ”’」』）)"》 (closers that stay with the sentence), by char code. */
const SENTENCE_END = new Uint8Array(0x10000);
for (const c of [0x3002, 0xff01, 0xff1f, 0xff1b, 0x21, 0x3f, 0x3b]) SENTENCE_END[c] = 1;
for (const c of [0x201d, 0x2019, 0x300d, 0x300f, 0xff09, 0x29, 0x22, 0x300b]) SENTENCE_END[c] = 2;

/** Splits [start, end) at sentence ends, line breaks and the given cut offsets; calls `emit` per trimmed sentence. */
function splitSentences(text: string, start: number, end: number, cuts: readonly number[], emit: (s: number, e: number) => void): void {
  let s = start;
  let ci = 0;
  const push = (a: number, b: number): void => {
    let ts = a;
    let te = b;
    while (ts < te && isSpace(text.charCodeAt(ts))) ts++;
    while (te > ts && isSpace(text.charCodeAt(te - 1))) te--;
    if (te > ts) emit(ts, te);
  };
  const nCuts = cuts.length;
  for (let i = start; i < end; i++) {
    if (nCuts > 0) {
      while (ci < nCuts && (cuts[ci] as number) < i) ci++;
      if (ci < nCuts && cuts[ci] === i && i > s) {
        push(s, i);
        s = i;
      }
    }
    const c = text.charCodeAt(i);
    if (SENTENCE_END[c] === 1) {
      let j = i + 1;
      while (j < end && SENTENCE_END[text.charCodeAt(j)] === 2) j++;
      push(s, j);
      s = j;
      i = j - 1;
    } else if (c === 10) {
      push(s, i);
      s = i + 1;
    }
  }
  if (s < end) push(s, end);
}

const TITLE_LIKE = /(?:报告|情况|工作总结)\s*$/;
const TITLE_RUN_IN = /^([^。，,；\s]{6,60}?报告)(?=\s*(?:(?:19|20)\d{2}\s*年|今年))/;
const TITLE_WORDS = /法治政府|依法行政|法治建设/;
const META_TITLE = /标\s*题\s*[:：|]\s*[|｜]?\s*([^|｜\n]+?)\s*(?:[|｜]|$)/m;

/** The title line: a short line naming 法治政府 and ending in 报告/情况, before the first prose paragraph. */
function findTitle(text: string, body: readonly BlockInfo[], junkRanges: readonly TextRange[]): ReportTitle | undefined {
  let found: { s: number; e: number } | undefined;
  for (let i = 0; i < body.length && i < 8; i++) {
    const b = (body[i] as BlockInfo).block;
    const s = b.kind === 'heading' ? (b.contentStart ?? b.start) : b.start;
    const e = b.kind === 'heading' ? (b.contentEnd ?? b.end) : b.end;
    const line = text.slice(s, e);
    if (line.length > 90 || /[。；]/.test(line)) {
      // A title run together with the first sentence (…情况的报告2023年，省政府…).
      const run = i === 0 ? TITLE_RUN_IN.exec(line) : null;
      if (run?.[1] && TITLE_WORDS.test(run[1])) {
        found = { s, e: s + run[1].length };
        break;
      }
      if (line.length >= 40) break;
      continue;
    }
    if (TITLE_WORDS.test(line) && TITLE_LIKE.test(line) && !matchNumbering(text, s)) {
      found = { s, e };
      break;
    }
  }
  if (!found) {
    // Page metadata (标 题: …) names the title when the page text has none.
    for (const r of junkRanges) {
      const chunk = text.slice(r.start, Math.min(r.end, r.start + 4000));
      const m = META_TITLE.exec(chunk);
      if (m && m[1] && TITLE_WORDS.test(m[1])) {
        const s = r.start + m.index + m[0].indexOf(m[1]);
        found = { s, e: s + m[1].length };
        break;
      }
    }
  }
  if (!found) return undefined;
  const t = text.slice(found.s, found.e);
  const y = /((?:19|20)\d{2})\s*年/.exec(t);
  return {
    text: t,
    range: { start: found.s, end: found.e },
    ...(y ? { year: Number(y[1]), yearRange: { start: found.s + y.index, end: found.s + y.index + 4 } } : {}),
  };
}

/** The `title:` of YAML front matter, when the body has no title line. */
function frontMatterTitle(text: string, fm: FrontMatter | undefined): ReportTitle | undefined {
  const f = fm?.fields.get('title');
  if (!f || f.value.length === 0) return undefined;
  const t = text.slice(f.start, f.end).replace(/^(['"])(.*)\1$/, '$2');
  const s = f.start + text.slice(f.start, f.end).indexOf(t);
  const y = /((?:19|20)\d{2})\s*年/.exec(t);
  return {
    text: t,
    range: { start: s, end: s + t.length },
    ...(y ? { year: Number(y[1]), yearRange: { start: s + y.index, end: s + y.index + 4 } } : {}),
  };
}

const SIGNATURE_END = /(?:委员会|人民政府|政府|党委|党组|县委|市委|区委|镇委|委|局|办公室|办事处|街道|管委会|司法局|厅|部|院|中心)$/;

/** Headings of all body blocks, including conservative unnumbered ones; and the index of the title block (-1). */
function findHeadings(text: string, body: readonly BlockInfo[], title: ReportTitle | undefined): { raws: RawHeading[]; titleBlock: number } {
  const out: RawHeading[] = [];
  let titleBlock = -1;
  let seenTop = false;
  let numberedSubSinceTop = false;
  for (let i = 0; i < body.length; i++) {
    const info = body[i] as BlockInfo;
    const b = info.block;
    if (title && b.start <= title.range.start && title.range.end <= b.end) {
      titleBlock = i;
      // A report run together on one line (e024: 报告2023年,…。一、坚持党的领导…) has its
      // sections in the title's block: keep the headings after the title.
      for (const h of info.raws) {
        if (h.start < title.range.end) continue;
        out.push(h);
        if (h.numbering?.kind === 'chinese') {
          seenTop = true;
          numberedSubSinceTop = false;
        } else if (h.numbering) numberedSubSinceTop = true;
      }
      continue;
    }
    if (b.kind === 'heading') {
      for (const h of info.raws) out.push(h);
      seenTop = true;
      continue;
    }
    const found = info.raws;
    if (found.length > 0) {
      for (const h of found) {
        out.push(h);
        if (h.numbering?.kind === 'chinese') {
          seenTop = true;
          numberedSubSinceTop = false;
        } else if (h.numbering) numberedSubSinceTop = true;
      }
      continue;
    }
    if (seenTop && numberedSubSinceTop && isUnnumberedHeading(text, b, body[i - 1]?.block, body[i + 1]?.block)) {
      out.push({ start: b.start, end: b.end, titleStart: b.start, titleEnd: b.end, origin: 'unnumbered' });
    }
  }
  return { raws: out, titleBlock };
}

/**
 * A short line with no punctuation standing between prose paragraphs, after
 * numbered sub-headings, reads as a heading that lost its number (003_…).
 * Signatures (中共洪洞县委) and dates are excluded.
 */
function isUnnumberedHeading(text: string, b: Block, prev: Block | undefined, next: Block | undefined): boolean {
  const len = b.end - b.start;
  if (len < 6 || len > 30) return false;
  const line = text.slice(b.start, b.end);
  if (/[。！？；：:!?;\n]/.test(line) || !/\p{Script=Han}/u.test(line)) return false;
  if (/\s{2,}/.test(line) || SIGNATURE_END.test(line) || /\d{4}\s*年\s*\d{1,2}\s*月/.test(line)) return false;
  if (!prev || !next || next.kind !== 'paragraph' || prev.kind !== 'paragraph') return false;
  const nextLen = next.end - next.start;
  const prevLen = prev.end - prev.start;
  if (nextLen < 2 * len || nextLen < 40 || prevLen < 40) return false;
  return /。/.test(text.slice(next.start, Math.min(next.end, next.start + 400)));
}

/** Builds the section tree; a section runs until the next heading of the same or a higher level. */
function buildSections(text: string, headings: readonly Heading[], body: TextRange): Section[] {
  const ends: number[] = new Array<number>(headings.length).fill(body.end);
  const open: number[] = [];
  for (let i = 0; i < headings.length; i++) {
    const h = headings[i] as Heading;
    while (open.length > 0 && (headings[open[open.length - 1] as number]?.level ?? 0) >= h.level) {
      ends[open.pop() as number] = h.range.start;
    }
    open.push(i);
  }
  const build = (from: number, to: number): Section[] => {
    const out: Section[] = [];
    let i = from;
    while (i < to) {
      const h = headings[i] as Heading;
      let j = i + 1;
      while (j < to && (headings[j]?.level ?? 0) > h.level) j++;
      let e = Math.max(ends[i] ?? body.end, h.range.end);
      while (e > h.range.end && isSpace(text.charCodeAt(e - 1))) e--;
      let bs = h.range.end;
      while (bs < e && isSpace(text.charCodeAt(bs))) bs++;
      out.push({
        heading: h,
        level: h.level,
        ...(h.concept ? { concept: h.concept } : {}),
        range: { start: h.range.start, end: e },
        bodyRange: { start: bs, end: e },
        children: build(i + 1, j),
      });
      i = j;
    }
    return out;
  };
  return build(0, headings.length);
}

const FULL_DATE_TEXT = /((?:19|20)\d{2}|[〇零一二三四五六七八九]{4})\s*年\s*([0-9]{1,2}|[一二三四五六七八九十]{1,3})\s*月\s*([0-9]{1,2}|[一二三四五六七八九十]{1,3})\s*日/;
const DELIVERY_LINE = /^[(（]\s*((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*在[^)）]{2,60}(?:会议|大会)上\s*[)）]$/;
const ISO_DATE = /((?:19|20)\d{2})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})/;
const META_DATE = /(发文日期|成文日期|发布日期|印发日期|生成日期|发布时间)\s*[:：]?\s*[|｜]?\s*((?:19|20)\d{2}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2})/g;
const FIRST_SENTENCE_YEAR = /^(?:[^。，,\d]{0,12}?[，,]?)((?:19|20)\d{2})\s*年(?!\s*\d{1,2}\s*月)/;
const PREAMBLE_YEAR = /((?:19|20)\d{2})\s*年度?[^。，,]{0,12}?法治(?:政府)?建设[^。，,]{0,10}?(?:报告|情况)/;

function numeralOrDigits(s: string): number {
  return /^\d+$/.test(s) ? Number(s) : (chineseNumeralValue(s) ?? NaN);
}

function toDate(y: string, m: string, d: string): CalendarDate | undefined {
  const year = numeralOrDigits(y);
  const month = numeralOrDigits(m);
  const day = numeralOrDigits(d);
  if (!(month >= 1 && month <= 12 && day >= 1 && day <= 31 && year >= 1900 && year <= 2100)) return undefined;
  return { year, month, day };
}

function fact<T>(value: T, source: DocumentFact<T>['source'], range?: TextRange): DocumentFact<T> {
  return range ? { value, source, range, assumed: false } : { value, source, assumed: false };
}

/** Reads report year, writing date and publication date, each with its source. */
function readFacts(
  text: string,
  options: ParseOptions,
  fm: FrontMatter | undefined,
  title: ReportTitle | undefined,
  body: readonly BlockInfo[],
  headings: readonly Heading[],
  junkRanges: readonly TextRange[],
  sentences: readonly Sentence[],
): { reportYear?: DocumentFact<number>; writingDate: DocumentFact<CalendarDate>; publicationDate?: DocumentFact<CalendarDate> } {
  // Metadata dates from page furniture.
  const meta = new Map<string, { date: CalendarDate; range: TextRange }>();
  let headerDate: { date: CalendarDate; range: TextRange } | undefined;
  for (const r of junkRanges) {
    const chunk = text.slice(r.start, Math.min(r.end, r.start + 4000));
    META_DATE.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = META_DATE.exec(chunk))) {
      const dm = ISO_DATE.exec(m[2] ?? '');
      const d = dm ? toDate(dm[1] ?? '', dm[2] ?? '', dm[3] ?? '') : undefined;
      const key = (m[1] ?? '').replace('发布时间', '发布日期');
      if (d && !meta.has(key)) {
        const s = r.start + m.index + m[0].indexOf(m[2] ?? '');
        meta.set(key, { date: d, range: { start: s, end: s + (m[2] ?? '').length } });
      }
    }
    if (!headerDate && r.start < (body[0]?.block.start ?? Infinity)) {
      const lone = /(?:^|\n)\s*((?:19|20)\d{2})-(\d{1,2})-(\d{1,2})\s*(?:\n|$)/.exec(chunk);
      const d = lone ? toDate(lone[1] ?? '', lone[2] ?? '', lone[3] ?? '') : undefined;
      if (lone && d) {
        const s = r.start + lone.index + lone[0].indexOf(lone[1] ?? '');
        headerDate = { date: d, range: { start: s, end: s + 10 } };
      }
    }
  }

  // Report year.
  let reportYear: DocumentFact<number> | undefined;
  const fmYear = fm?.fields.get('year') ?? fm?.fields.get('reportYear') ?? fm?.fields.get('report_year');
  if (options.reportYear !== undefined) reportYear = fact(options.reportYear, 'option');
  else if (fmYear && /^\d{4}$/.test(fmYear.value)) reportYear = fact(Number(fmYear.value), 'front-matter', { start: fmYear.start, end: fmYear.end });
  else if (title?.year !== undefined && title.yearRange) {
    const inJunk = junkRanges.some((r) => r.start <= title.range.start && title.range.end <= r.end);
    const inFm = fm !== undefined && fm.start <= title.range.start && title.range.end <= fm.end;
    reportYear = fact(title.year, inFm ? 'front-matter' : inJunk ? 'metadata' : 'title', title.yearRange);
  } else {
    // The opening sentences: 2023年，在市委的坚强领导下…, or a preamble naming the report (现将我局2022年度法治政府建设工作报告如下).
    let checked = 0;
    for (const st of sentences) {
      if (checked >= 4) break;
      if (st.text.length < 8 || (st.headingIndex >= 0 && headings[st.headingIndex]?.range.start === st.range.start)) continue;
      if (/^[(（]/.test(st.text)) continue;
      checked++;
      const m = FIRST_SENTENCE_YEAR.exec(st.text) ?? PREAMBLE_YEAR.exec(st.text);
      if (m) {
        const s = st.range.start + m.index + m[0].indexOf(m[1] ?? '');
        reportYear = fact(Number(m[1]), 'first-sentence', { start: s, end: s + 4 });
        break;
      }
    }
    if (!reportYear) {
      const results = headings.find((h) => h.level === 1 && h.year !== undefined && h.concept !== 'next-year-plan');
      const plan = headings.find((h) => h.level === 1 && h.year !== undefined && h.concept === 'next-year-plan');
      if (results?.year !== undefined && results.yearRange) reportYear = fact(results.year, 'heading', results.yearRange);
      else if (plan?.year !== undefined && plan.yearRange) reportYear = fact(plan.year - 1, 'heading', plan.yearRange);
    }
  }

  // Writing date.
  let writingDate: DocumentFact<CalendarDate> | undefined;
  const fmDate = fm?.fields.get('date') ?? fm?.fields.get('writingDate') ?? fm?.fields.get('writing_date');
  if (options.writingDate) writingDate = fact(options.writingDate, 'option');
  else if (fmDate) {
    const dm = ISO_DATE.exec(fmDate.value) ?? FULL_DATE_TEXT.exec(fmDate.value);
    const d = dm ? toDate(dm[1] ?? '', dm[2] ?? '', dm[3] ?? '') : undefined;
    if (d) writingDate = fact(d, 'front-matter', { start: fmDate.start, end: fmDate.end });
  }
  if (!writingDate) {
    // A signature date is a line of its own near the end of the body.
    for (let i = body.length - 1; i >= 0 && i >= body.length - 8; i--) {
      const b = (body[i] as BlockInfo).block;
      const line = text.slice(b.start, b.end);
      if (line.length > 20) continue;
      const m = FULL_DATE_TEXT.exec(line);
      if (m && m[0].length >= line.replace(/\s/g, '').length - 2) {
        const d = toDate(m[1] ?? '', m[2] ?? '', m[3] ?? '');
        if (d) {
          writingDate = fact(d, 'signature', { start: b.start + m.index, end: b.start + m.index + m[0].length });
          break;
        }
      }
    }
  }
  if (!writingDate) {
    // A report delivered to the people's congress names the sitting: （2023年4月27日在…会议上）.
    for (let i = 0; i < body.length && i < 4; i++) {
      const b = (body[i] as BlockInfo).block;
      const line = text.slice(b.start, b.end);
      const m = DELIVERY_LINE.exec(line);
      const d = m ? toDate(m[1] ?? '', m[2] ?? '', m[3] ?? '') : undefined;
      if (m && d) {
        const s = b.start + line.indexOf(m[1] ?? '');
        const e = b.start + line.indexOf('日', s - b.start) + 1;
        writingDate = fact(d, 'signature', { start: s, end: e });
        break;
      }
    }
  }
  if (!writingDate) {
    const m = meta.get('成文日期') ?? meta.get('发文日期') ?? meta.get('印发日期');
    if (m) writingDate = fact(m.date, 'metadata', m.range);
  }
  if (!writingDate) {
    const y = reportYear ? reportYear.value + 1 : new Date().getFullYear();
    writingDate = { value: { year: y, month: 3, day: 31 }, source: 'default', assumed: true };
  }

  // Publication date.
  let publicationDate: DocumentFact<CalendarDate> | undefined;
  const fmPub = fm?.fields.get('published') ?? fm?.fields.get('publicationDate');
  const pubDm = fmPub ? ISO_DATE.exec(fmPub.value) : null;
  const pubD = pubDm ? toDate(pubDm[1] ?? '', pubDm[2] ?? '', pubDm[3] ?? '') : undefined;
  if (fmPub && pubD) publicationDate = fact(pubD, 'front-matter', { start: fmPub.start, end: fmPub.end });
  else {
    const p = meta.get('发布日期') ?? headerDate ?? meta.get('发文日期');
    if (p) publicationDate = fact(p.date, 'metadata', p.range);
  }

  return {
    ...(reportYear ? { reportYear } : {}),
    writingDate,
    ...(publicationDate ? { publicationDate } : {}),
  };
}
