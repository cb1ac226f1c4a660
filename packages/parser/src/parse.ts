/**
 * The parser's entry point: text → blocks → (body, title, headings, sections,
 * paragraphs and sentences, facts) → `ReportDocument`. Each concern lives in
 * its own module (blocks, sentences, headings, sections, facts, placement);
 * this one only wires them.
 */
import type {
  CommentNode,
  Heading,
  NumberMention,
  Paragraph,
  QuotedReference,
  Sentence,
  ParseOptions,
  ReportDocument,
  TextRange,
} from './model.js';
import { isSplitLineText, plainTextBlocks } from './blocks.js';
import type { Block, FrontMatter } from './block.js';
import { documentMemo } from './document-memo.js';
import { markdownBlocks } from './markdown.js';
import { findBody, isProse, junkLevel } from './junk.js';
import { blockHeadings, collectHeadings, collectLeveledHeadings, markdownHeadingRaw, type RawHeading } from './headings.js';
import { buildSections } from './sections.js';
import { analyzeParagraph, HeadingCursor, type DocumentLists, type ParagraphAnalysis } from './sentences.js';
import { placeAnalysis } from './placement.js';
import { findTitle, frontMatterTitle, readFacts } from './facts.js';
import { createLineIndex } from './lines.js';

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
  /** Junk strength (0 for comments and code). */
  readonly junk: 0 | 1 | 2;
  /** Long prose, which anchors the body. */
  readonly prose: boolean;
  /**
   * The enumerated headings inside the block. A Markdown heading block's one heading is not kept
   * here: it is made from the block when read (`markdownHeadingRaw`), which spares a list and a
   * raw heading kept per Markdown heading (a text of empty `#` lines is nothing else).
   */
  readonly raws: readonly RawHeading[];
  /** The paragraph analysis made when the block was last placed in a document (reused by `reparse`). */
  para?: ParagraphAnalysis | undefined;
}

/** Internal state kept beside each parsed document, for `reparse`. */
export interface ParseState {
  readonly options: ParseOptions;
  readonly format: 'markdown' | 'plaintext';
  readonly infos: readonly BlockInfo[];
  readonly frontMatter: FrontMatter | undefined;
  /** Markdown only: starts of top-level constructs. */
  readonly roots: readonly number[];
  /** Plain text only: whether the text is a split-line copy (its soft line breaks are joined). */
  readonly split: boolean;
}

/** Parse state of the documents this module made (a WeakMap keeps the public model unchanged). */
export const parseStates = documentMemo<ParseState>();

/** Block-local analysis: junk level, prose flag and the block's own headings. */
export function analyzeBlock(text: string, b: Block): BlockInfo {
  if (b.kind === 'comment' || b.kind === 'code') return { block: b, junk: 0, prose: false, raws: NO_RAWS };
  const line = text.slice(b.start, b.end);
  const junk = junkLevel(line);
  const prose = isProse(line);
  if (b.kind === 'heading') {
    // `assemble` gives the paragraph analysis to every block with a paragraph (a heading's: its content):
    // the slot is made in the literal, as a property added later takes a property store of its own.
    return (b.contentEnd ?? b.end) > (b.contentStart ?? b.start) ? { block: b, junk, prose, raws: NO_RAWS, para: undefined } : { block: b, junk, prose, raws: NO_RAWS };
  }
  const found = blockHeadings(text, b);
  return { block: b, junk, prose, raws: found.length === 0 ? NO_RAWS : found, para: undefined };
}

/** The raw headings of a block with none, shared (read-only; kept per block for `reparse`). */
const NO_RAWS: readonly RawHeading[] = Object.freeze([]);

/** How many lists one `concat` call is given (a call takes a bounded number of arguments). */
const CONCAT_LISTS = 8192;

/** The lists `part` gives of each analysis, one after another, in one array. */
function joined<T>(analyses: readonly ParagraphAnalysis[], part: (a: ParagraphAnalysis) => readonly T[]): T[] {
  const parts: (readonly T[])[] = new Array<readonly T[]>(analyses.length);
  let total = 0;
  for (let i = 0; i < analyses.length; i++) total += (parts[i] = part(analyses[i] as ParagraphAnalysis)).length;
  // Counted first: most documents have none, and a `concat` spread over the paragraphs' shared
  // frozen empty lists took the builtin's slow path (~0.2 % of a lint's samples).
  if (total === 0) return [];
  if (parts.length <= CONCAT_LISTS) return ([] as T[]).concat(...parts);
  // A text of more paragraphs (a plain-text file of 200,000 lines): copied into a list made at its length.
  const out: T[] = new Array<T>(total);
  let k = 0;
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i] as readonly T[];
    for (let j = 0; j < p.length; j++) out[k++] = p[j] as T;
  }
  return out;
}

// A Markdown heading's paragraph is its content, without the `#` markers.
function paragraphStart(info: BlockInfo): number {
  const b = info.block;
  return b.kind === 'heading' ? (b.contentStart ?? b.start) : b.start;
}

function paragraphEnd(info: BlockInfo): number {
  const b = info.block;
  return b.kind === 'heading' ? (b.contentEnd ?? b.end) : b.end;
}

/** Reads the blocks of a whole text. */
export function readBlocks(text: string, format: 'markdown' | 'plaintext'): Pick<ParseState, 'infos' | 'frontMatter' | 'roots' | 'split'> {
  if (format === 'markdown') {
    const md = markdownBlocks(text);
    return { infos: md.blocks.map((b) => analyzeBlock(text, b)), frontMatter: md.frontMatter, roots: md.roots, split: false };
  }
  const split = isSplitLineText(text);
  return { infos: plainTextBlocks(text, 0, text.length, split).map((b) => analyzeBlock(text, b)), frontMatter: undefined, roots: [], split };
}

/**
 * Parses a 法治政府建设年度报告 (Markdown or plain text) into a positioned
 * {@link ReportDocument}. One pass over the text per layer; no layer rescans
 * the text per element, so time is linear in the text length.
 */
export function parse(text: string, options: ParseOptions = {}): ReportDocument {
  const format = formatOf(options);
  return assemble(text, options, format, readBlocks(text, format));
}

/**
 * Builds the document from analysed blocks. Paragraph analyses cached on a
 * block (`para`) are reused, shifted or re-indexed when only their place
 * changed; blocks without them are analysed now. A re-parse may give the line
 * starts and make the headings from their raw forms itself (`levels`; without it
 * `assignLevels`' headings, made in one pass with their collection).
 */
export function assemble(
  text: string,
  options: ParseOptions,
  format: 'markdown' | 'plaintext',
  read: Pick<ParseState, 'infos' | 'frontMatter' | 'roots' | 'split'>,
  lineStarts?: number[],
  levels?: (raws: RawHeading[]) => Heading[],
): ReportDocument {
  const { infos, frontMatter, roots, split } = read;
  const { bodyRange, junk, junkRanges } = findBody(text, infos);
  // At most every block, cut to what it holds (not grown push by push: a large list re-allocated several times).
  const body: BlockInfo[] = new Array<BlockInfo>(infos.length);
  let bodyLength = 0;
  const comments: CommentNode[] = [];
  const codeRanges: TextRange[] = [];
  for (let i = 0; i < infos.length; i++) {
    const info = infos[i] as BlockInfo;
    const b = info.block;
    if (b.kind === 'comment') comments.push({ value: b.value ?? '', range: { start: b.start, end: b.end } });
    else if (b.kind === 'code') codeRanges.push({ start: b.start, end: b.end });
    else if (!junk[i]) body[bodyLength++] = info;
  }
  body.length = bodyLength;

  const header = infos.filter((info) => info.block.kind === 'paragraph' && info.block.end <= bodyRange.start);
  const title = findTitle(text, body, junkRanges, header) ?? frontMatterTitle(text, frontMatter);
  // Without a `levels` of its own (a re-parse's), each heading is made as its raw form is read.
  let headings: Heading[];
  let titleBlock: number;
  let titleLast: number;
  if (levels) {
    const collected = collectHeadings(text, body, title);
    headings = levels(collected.raws);
    titleBlock = collected.titleBlock;
    titleLast = collected.titleLast;
  } else ({ headings, titleBlock, titleLast } = collectLeveledHeadings(text, body, title));
  const sections = buildSections(text, headings, bodyRange);

  // Counted first and made at their length, not grown push by push (a large list grown so is
  // re-allocated on fresh pages at each growth): a paragraph per body block with text in it.
  let paragraphTotal = 0;
  for (let i = 0; i < body.length; i++) if (paragraphEnd(body[i] as BlockInfo) > paragraphStart(body[i] as BlockInfo)) paragraphTotal++;
  const paragraphs: Paragraph[] = new Array<Paragraph>(paragraphTotal);
  const placed: ParagraphAnalysis[] = new Array<ParagraphAnalysis>(paragraphTotal);
  let paragraphCount = 0;
  let sentenceCount = 0;
  const cursor = new HeadingCursor(headings);
  // The document's sentences, numbers and references, appended to by each paragraph analysed or
  // placed now, which keeps where its part is in them: one list each grown for the document, not a
  // list per paragraph grown push by push (room for 17 kept for one element) and joined at the end.
  const sentences: Sentence[] = [];
  const numbers: NumberMention[] = [];
  const references: QuotedReference[] = [];
  const lists: DocumentLists = { sentences, numbers, references };
  // Where the next paragraph goes: one object for the document, moved on per paragraph (no analysis
  // keeps it), not one made per paragraph.
  const at: { paragraphIndex: number; sentenceBase: number; readonly headings: HeadingCursor; readonly lists: DocumentLists } = {
    paragraphIndex: 0,
    sentenceBase: 0,
    headings: cursor,
    lists,
  };
  for (let i = 0; i < body.length; i++) {
    const info = body[i] as BlockInfo;
    const b = info.block;
    const ps = paragraphStart(info);
    const pe = paragraphEnd(info);
    if (pe <= ps) continue;
    const isTitle = i >= titleBlock && i <= titleLast && titleBlock >= 0;
    at.paragraphIndex = paragraphCount;
    at.sentenceBase = sentenceCount;
    const cached = info.para;
    let a: ParagraphAnalysis;
    // A cached analysis is placed: its sentences, numbers and references appended to the lists, as analyzeParagraph does.
    if (cached && cached.titleBlock === isTitle) a = placeAnalysis(cached, b.start, at);
    else a = analyzeParagraph(text, b, b.kind === 'heading' ? [markdownHeadingRaw(text, b)] : info.raws, ps, pe, isTitle, at);
    info.para = a;
    paragraphs[paragraphCount] = a.paragraph;
    placed[paragraphCount++] = a;
    sentenceCount += a.sentenceCount;
  }
  // One `concat` of the paragraphs' lists (rare: the shared empty list for most): made at its length at once.
  const documentNumbers = joined(placed, (a) => a.documentNumbers);

  const facts = readFacts(text, options, frontMatter, title, body, headings, junkRanges, sentences);

  const doc: ReportDocument = {
    text,
    format,
    // Every field present, in one order: documents with and without a title or dates share one shape.
    filePath: options.filePath,
    title: title ?? undefined,
    reportYear: facts.reportYear ?? undefined,
    writingDate: facts.writingDate ?? undefined,
    publicationDate: facts.publicationDate ?? undefined,
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
    codeRanges,
    lineIndex: createLineIndex(text, lineStarts),
  };
  parseStates.set(doc, { options, format, infos, frontMatter, roots, split });
  return doc;
}
