/**
 * PDF text layer → blocks. A PDF has no paragraphs, only positioned runs of
 * text; this module rebuilds lines from the runs' baselines, drops the page
 * furniture (running headers and footers, page numbers), then rebuilds
 * paragraphs and headings from the lines' geometry and style the way a reader
 * sees them: a first-line indent or a larger gap starts a paragraph, a line
 * that stops short ends one, a line in another font or size than the body
 * (bold 黑体 headings, a larger title) standing on its own is a heading, and
 * a heading wrapped over two lines is joined again. Pure: no pdf.js here, so it
 * is tested on plain data and runs anywhere.
 */

/** One run of text on a page, in PDF units (origin bottom left, y up), as pdf.js gives it. */
export interface PdfTextRun {
  readonly text: string;
  /** Left edge of the run. */
  readonly x: number;
  /** Baseline. */
  readonly y: number;
  readonly width: number;
  /** Font size (the text matrix's vertical scale). */
  readonly size: number;
  /** pdf.js's id of the font: runs in one font share it. */
  readonly font: string;
}

/** One page's text runs. */
export interface PdfPage {
  readonly width: number;
  readonly height: number;
  readonly runs: readonly PdfTextRun[];
}

/** One block of a converted document: the shape the Word and web readers of `@fzlint/input` give. */
export type { SourceBlock } from '@fzlint/input';
import type { SourceBlock } from '@fzlint/input';

/** A line of text rebuilt from runs sharing a baseline. */
export interface PdfLine {
  readonly text: string;
  readonly page: number;
  readonly x: number;
  readonly right: number;
  readonly y: number;
  readonly size: number;
  /** The font of most of the line's characters. */
  readonly font: string;
}

// Enumerated headings of official documents, by level: 一、 （一） 1. （1）.
const ENUMERATIONS: readonly RegExp[] = [
  /^[一二三四五六七八九十]{1,3}\s*[、．.]/,
  /^[（(]\s*[一二三四五六七八九十]{1,3}\s*[）)]/,
  /^[0-9０-９]{1,2}\s*[、．.](?![0-9０-９])/,
  /^[（(]\s*[0-9０-９]{1,2}\s*[）)]/,
];
/** Longest line taken as a heading (a heading is one or two lines of a few words). */
const MAX_HEADING_CHARS = 60;
const SENTENCE_END = /[。！？；!?;]$/;
const INNER_SENTENCE_END = /[。！？；!?;]/;
const TITLE_WORDS = /报告|情况|工作总结/;

/** The enumeration level (1–4) a line starts with, or undefined. */
export function enumerationLevel(text: string): number | undefined {
  for (let i = 0; i < ENUMERATIONS.length; i++) if ((ENUMERATIONS[i] as RegExp).test(text)) return i + 1;
  return undefined;
}

/*
 * Page numbers as offices print them: 1, - 1 -, — 1 —, 1/7, 1 / 7, 第1页, 第 1 页 共 7 页,
 * 第1页/共7页, Page 1 of 7, ·1·.
 */
const PAGE_NUMBER =
  /^(?:[-—–－·•\s]*\d{1,4}[-—–－·•\s]*|\d{1,4}\s*[/／]\s*\d{1,4}|第\s*\d{1,4}\s*页(?:\s*[,，/／]?\s*共\s*\d{1,4}\s*页)?|共\s*\d{1,4}\s*页\s*第\s*\d{1,4}\s*页|page\s*\d{1,4}(?:\s*(?:of|\/)\s*\d{1,4})?)$/i;

/** Whether a line is only a page number. */
export function isPageNumber(text: string): boolean {
  return PAGE_NUMBER.test(text.trim());
}

const ASCII_WORD_END = /[A-Za-z0-9]$/;
const CJK = '\u2e80-\u9fff\u3000-\u303f\uff00-\uffef';
const HAN = /[\u3400-\u9fff]/g;

function countHan(text: string): number {
  return text.match(HAN)?.length ?? 0;
}

/** Spaces with a Chinese character or full-width mark on either side. */
const SPACE_BY_CJK = new RegExp(`(?<=[${CJK}])[ \u00a0]+|[ \u00a0]+(?=[${CJK}])`, 'g');
const ASCII_WORD_START = /^[A-Za-z0-9]/;

function median(values: readonly number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

/** The value that occurs most (rounded to `step`), weighted. */
function mode(values: readonly { value: number; weight: number }[], step: number): number {
  const counts = new Map<number, number>();
  let best = 0;
  let bestCount = -1;
  for (const { value, weight } of values) {
    const key = Math.round(value / step) * step;
    const count = (counts.get(key) ?? 0) + weight;
    counts.set(key, count);
    if (count > bestCount) {
      bestCount = count;
      best = key;
    }
  }
  return best;
}

/**
 * Groups a page's runs into lines: runs whose baselines are within a third of
 * the font size, ordered top to bottom, left to right. A space is put between
 * two runs only where a gap separates two Latin words or digits (Chinese text
 * has none).
 */
export function pageLines(page: PdfPage, pageIndex: number): PdfLine[] {
  const runs = page.runs.filter((r) => r.text !== '' && r.size > 0);
  const sorted = [...runs].sort((a, b) => b.y - a.y || a.x - b.x);
  const groups: PdfTextRun[][] = [];
  for (const run of sorted) {
    const last = groups[groups.length - 1];
    const head = last?.[0];
    if (last && head && Math.abs(head.y - run.y) <= Math.max(head.size, run.size) / 3) last.push(run);
    else groups.push([run]);
  }
  const lines: PdfLine[] = [];
  for (const group of groups) {
    group.sort((a, b) => a.x - b.x);
    let text = '';
    let prevRight: number | undefined;
    const fonts = new Map<string, number>();
    let size = 0;
    for (const run of group) {
      // pdf.js puts a space wherever glyphs stand apart, and justified Chinese lines set every
      // character apart: spaces next to Chinese are layout, not text. Spaces are decided here instead.
      if (run.text.trim() === '') continue;
      const piece = run.text.replace(SPACE_BY_CJK, '');
      const gap = prevRight === undefined ? 0 : run.x - prevRight;
      // A space between two Latin words or numbers; a gap of several characters (table columns) is one too.
      // Not less: justified Chinese lines stretch the gaps between runs by a character or two.
      const latin = ASCII_WORD_END.test(text) && ASCII_WORD_START.test(piece.trimStart());
      if (prevRight !== undefined && !/\s$/.test(text) && ((latin && gap > run.size * 0.25) || gap > run.size * 4)) text += ' ';
      text += piece;
      prevRight = Math.max(prevRight ?? -Infinity, run.x + run.width);
      // A line's font is that of its Chinese characters: digits and Latin letters are often set in a
      // fallback font (DejaVu, Times New Roman) that says nothing about the line's style.
      const han = countHan(piece);
      const chars = piece.trim().length;
      if (chars > 0) {
        fonts.set(run.font, (fonts.get(run.font) ?? 0) + (han > 0 ? han * 1000 : chars));
        size = Math.max(size, run.size);
      }
    }
    const trimmed = text.replace(/\s+/g, ' ').trim();
    if (trimmed === '') continue;
    const visible = group.filter((r) => r.text.trim() !== '');
    const first = visible[0] ?? (group[0] as PdfTextRun);
    let font = '';
    let most = -1;
    for (const [f, n] of fonts) if (n > most) [font, most] = [f, n];
    lines.push({
      text: trimmed,
      page: pageIndex,
      x: first.x,
      // A loop, not Math.max(...): a line of a hundred thousand runs would overflow the stack.
      right: visible.reduce((m, r) => Math.max(m, r.x + r.width), -Infinity),
      y: first.y,
      size: Math.round(size * 10) / 10,
      font,
    });
  }
  return lines;
}

/** Digits made neutral, so `第 3 页` on each page reads as one repeated line. */
function furnitureKey(text: string): string {
  return text.replace(/\d+/g, '#').replace(/\s+/g, '');
}

/** How many lines at the top and at the bottom of a page can be running headers or footers. */
const FURNITURE_LINES = 3;
/** Share of the page height, at the top and at the bottom, where headers and footers sit. */
const FURNITURE_BAND = 0.12;

/**
 * Drops page furniture: a page number alone on a line at the top or bottom of
 * a page, and running headers and footers — a line near the top or bottom
 * edge whose text (digits aside) recurs there on at least half the pages
 * (and on two or more). Body text is never in those bands on most pages.
 */
export function dropFurniture(pages: readonly PdfLine[][], heights: readonly number[]): PdfLine[][] {
  const candidates = (lines: readonly PdfLine[], height: number): PdfLine[] => {
    const top = lines.slice(0, FURNITURE_LINES).filter((l) => l.y >= height * (1 - FURNITURE_BAND));
    const bottom = lines.slice(-FURNITURE_LINES).filter((l) => l.y <= height * FURNITURE_BAND);
    return [...new Set([...top, ...bottom])];
  };
  const recurring = new Map<string, number>();
  pages.forEach((lines, i) => {
    const keys = new Set(candidates(lines, heights[i] ?? 0).map((l) => furnitureKey(l.text)));
    for (const k of keys) recurring.set(k, (recurring.get(k) ?? 0) + 1);
  });
  const needed = Math.max(2, Math.ceil(pages.length / 2));
  return pages.map((lines, i) => {
    const drop = new Set(
      candidates(lines, heights[i] ?? 0).filter((l) => isPageNumber(l.text) || (recurring.get(furnitureKey(l.text)) ?? 0) >= needed),
    );
    return lines.filter((l) => !drop.has(l));
  });
}

/** The body's typography, read from the lines that make up most of the text. */
interface BodyStyle {
  readonly font: string;
  readonly size: number;
  /** The left edge of body lines (continuation lines of paragraphs). */
  readonly left: number;
  /** The right edge full lines reach. */
  readonly right: number;
  /** The usual distance between the baselines of two lines of one paragraph. */
  readonly leading: number;
}

function bodyStyle(lines: readonly PdfLine[]): BodyStyle {
  const weighted = lines.map((l) => ({ l, weight: l.text.length }));
  const size = mode(weighted.map(({ l, weight }) => ({ value: l.size, weight })), 0.5);
  const fontCount = new Map<string, number>();
  for (const { l, weight } of weighted) if (Math.abs(l.size - size) < 0.5) fontCount.set(l.font, (fontCount.get(l.font) ?? 0) + weight);
  let font = '';
  let most = -1;
  for (const [f, n] of fontCount) if (n > most) [font, most] = [f, n];
  const body = lines.filter((l) => l.font === font && Math.abs(l.size - size) < 0.5);
  const left = mode(body.map((l) => ({ value: l.x, weight: 1 })), 2);
  const rights = body.map((l) => l.right).sort((a, b) => a - b);
  const right = rights[Math.floor(rights.length * 0.9)] ?? left + 30 * size;
  const gaps: number[] = [];
  for (let i = 1; i < lines.length; i++) {
    const a = lines[i - 1] as PdfLine;
    const b = lines[i] as PdfLine;
    if (a.page === b.page && a.font === font && b.font === font) {
      const gap = a.y - b.y;
      if (gap > 0 && gap < size * 4) gaps.push(gap);
    }
  }
  const least = median(gaps) * 0.8;
  const leading = gaps.reduce((m, g) => (g >= least ? Math.min(m, g) : m), Infinity);
  return { font, size, left, right, leading: gaps.length > 0 ? leading : size * 1.5 };
}

/** Whether a line is set apart from body text by its font or its size (a bold or larger heading, a title). */
function styled(line: PdfLine, body: BodyStyle): boolean {
  return line.font !== body.font || line.size > body.size + 0.5;
}

/** Whether a line is centred between the body's margins (a title, a signature block is not: it is right-aligned). */
function centred(line: PdfLine, body: BodyStyle): boolean {
  const leftGap = line.x - body.left;
  const rightGap = body.right - line.right;
  return leftGap > body.size * 2 && Math.abs(leftGap - rightGap) < body.size * 1.5;
}

/**
 * Joins a line to the one before it: with a space between two Latin words (an
 * English line breaks at a space), without one otherwise — a number broken over
 * two lines (Word does that in justified Chinese text) must come back whole.
 */
function joinText(a: string, b: string): string {
  return /[A-Za-z]$/.test(a) && /^[A-Za-z]/.test(b) ? `${a} ${b}` : a + b;
}

interface Draft {
  lines: PdfLine[];
  text: string;
  heading: boolean;
}

/**
 * Rebuilds paragraphs and headings from lines (furniture already dropped),
 * page breaks ignored: a paragraph that runs on to the next page is one block.
 */
export function linesToBlocks(lines: readonly PdfLine[]): SourceBlock[] {
  if (lines.length === 0) return [];
  const body = bodyStyle(lines);
  const drafts: Draft[] = [];
  let current: Draft | undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as PdfLine;
    const prev = lines[i - 1];
    const isStyled = styled(line, body);
    const headingLike = (isStyled || centred(line, body)) && line.text.length <= MAX_HEADING_CHARS;
    let startsNew = true;
    if (current && prev) {
      const samePage = prev.page === line.page;
      const gap = samePage ? prev.y - line.y : body.leading;
      const sameStyle = prev.font === line.font && Math.abs(prev.size - line.size) < 0.5;
      const leadingOk = gap <= Math.max(body.leading, prev.size * 1.2) * 1.25;
      if (current.heading) {
        // A heading wrapped over two lines: the same style, close below, not a new enumeration,
        // and the first line ran (almost) to the margin or the heading is centred.
        const prevFull = prev.right >= body.right - prev.size * 3 || centred(prev, body);
        startsNew = !(
          sameStyle &&
          leadingOk &&
          prevFull &&
          enumerationLevel(line.text) === undefined &&
          !SENTENCE_END.test(prev.text) &&
          current.text.length + line.text.length <= MAX_HEADING_CHARS * 1.5
        );
      } else {
        const indented = line.x > body.left + body.size * 0.9;
        // A line that stops short ends its paragraph. Unjustified text (Chromium, web pages) breaks
        // a line a character or two early, before 《 or “ that may not end a line: short by a little
        // counts only after a sentence end.
        const shortBy = body.right - prev.right;
        const prevShort = shortBy > body.size * 4 || (shortBy > body.size * 1.5 && SENTENCE_END.test(prev.text));
        startsNew = !sameStyle || !leadingOk || indented || prevShort || headingLike || enumerationLevel(line.text) !== undefined;
        // A continuation line is flush left; a line in another style that continues a run-in sentence
        // is rare enough to start a block.
      }
    }
    if (startsNew || !current) {
      current = { lines: [line], text: line.text, heading: headingLike && !INNER_SENTENCE_END.test(line.text.slice(0, -1)) };
      drafts.push(current);
    } else {
      current.lines.push(line);
      current.text = joinText(current.text, line.text);
    }
  }

  const blocks: SourceBlock[] = [];
  let titled = false;
  const firstPage = lines[0]?.page ?? 0;
  for (let i = 0; i < drafts.length; i++) {
    const d = drafts[i] as Draft;
    const text = d.text.replace(/\s+/g, ' ').trim();
    if (text === '') continue;
    const first = d.lines[0] as PdfLine;
    // The title: near the start, larger than the body or centred, naming a report.
    if (!titled && first.page === firstPage && i <= 8 && d.heading && TITLE_WORDS.test(text) && enumerationLevel(text) === undefined && (first.size > body.size + 0.5 || centred(first, body))) {
      blocks.push({ kind: 'title', text });
      titled = true;
      continue;
    }
    // A heading names something in words: a line of digits alone (a date in a fallback font) is not one.
    if (d.heading && styled(first, body) && countHan(text) >= 2 && text.length <= MAX_HEADING_CHARS * 1.5 && !INNER_SENTENCE_END.test(text.slice(0, -1))) {
      const level = enumerationLevel(text) ?? 1;
      blocks.push({ kind: 'heading', level, text });
      continue;
    }
    blocks.push({ kind: 'paragraph', text });
  }
  return blocks;
}

/** The whole reconstruction: pages of runs → blocks, furniture dropped. */
export function pagesToBlocks(pages: readonly PdfPage[]): SourceBlock[] {
  const lines = pages.map((p, i) => pageLines(p, i));
  const kept = dropFurniture(
    lines,
    pages.map((p) => p.height),
  );
  return linesToBlocks(kept.flat());
}
