/**
 * The common middle of Word and web input: a report read from a `.docx` or an
 * `.html` page becomes a list of blocks (title, headings, paragraphs, page
 * metadata), and the blocks become Markdown with one block per line. Because
 * every block is exactly one line, a finding's Markdown line maps back to the
 * block it is in: that block's number is the "paragraph" (段落) fzlint reports.
 */

import type { SourceMap } from './source-map.js';

/** One block of a converted document. */
export type SourceBlock =
  | { readonly kind: 'title'; readonly text: string }
  /** `level` 1 is a top-level section of the report (`##` in Markdown). */
  | { readonly kind: 'heading'; readonly level: number; readonly text: string }
  | { readonly kind: 'paragraph'; readonly text: string }
  /** Page metadata (索引号 table): `key: value`, a line the parser reads as page furniture. */
  | { readonly kind: 'meta'; readonly key: string; readonly value: string };

/** A conversion's outcome: Markdown with its source map, or why there is none. */
export type ConvertOutcome =
  | {
      readonly ok: true;
      readonly converted: Converted;
      readonly charset?: string;
      /** Set when the source nested elements deeper than this (deeper ones were read as part of the element there). */
      readonly deeperThan?: number;
    }
  | {
      readonly ok: false;
      /** `too-large`/`too-deep`: a Word document over the reader's limits (`limit` says which). */
      readonly reason: 'not-docx' | 'no-text' | 'too-large' | 'too-deep';
      readonly detail: string;
      readonly limit?: number;
    };

/** A document converted to Markdown. */
export interface Converted {
  readonly markdown: string;
  readonly map: SourceMap;
  /** How many blocks (paragraphs) the Markdown has. */
  readonly paragraphs: number;
}

// Enumerated headings of Chinese official documents, by level: 一、 （一） 1. （1）.
const ENUMERATIONS: readonly RegExp[] = [
  /^[一二三四五六七八九十]{1,3}\s*[、．.]/,
  /^[（(]\s*[一二三四五六七八九十]{1,3}\s*[）)]/,
  /^[0-9０-９]{1,2}\s*[、．.](?![0-9０-９])/,
  /^[（(]\s*[0-9０-９]{1,2}\s*[）)]/,
];
// A sentence end before the last character means the paragraph runs on after its heading.
const INNER_SENTENCE_END = /[。！？；!?;]/;
/** Longest enumerated paragraph taken for a heading of its own. */
const MAX_HEADING_CHARS = 50;

/**
 * The heading level (1–4) of an enumerated paragraph standing alone
 * (`（二）规范行政执法行为`), or undefined. A paragraph that goes on after its
 * numbering with whole sentences (`（一）加强组织领导。县政府……`) stays a
 * paragraph: the parser finds such run-in headings itself.
 */
export function enumeratedLevel(text: string): number | undefined {
  if (text.length > MAX_HEADING_CHARS) return undefined;
  if (INNER_SENTENCE_END.test(text.slice(0, -1))) return undefined;
  for (let i = 0; i < ENUMERATIONS.length; i++) if ((ENUMERATIONS[i] as RegExp).test(text)) return i + 1;
  return undefined;
}

const TITLE_WORDS = /报告|情况|工作总结/;
const SENTENCE_END = /[。！？；]/;

/** Whether a first paragraph reads as the report's title (short, names a report, no sentence). */
export function looksLikeTitle(text: string): boolean {
  return text.length <= 80 && TITLE_WORDS.test(text) && !SENTENCE_END.test(text) && enumeratedLevel(text) === undefined;
}

const WS_RUN = /[\s\u00a0\u3000\u200b\ufeff]+/g;
const CJK = '\u2e80-\u9fff\u3000-\u303f\uff00-\uffef';
const SPACE_BETWEEN_CJK = new RegExp(`(?<=[${CJK}]) (?=[${CJK}])`, 'g');

/**
 * Collapses whitespace the way a browser shows it, then drops the spaces a
 * line break in the source left between two Chinese characters.
 */
export function normalizeText(text: string): string {
  return text.replace(WS_RUN, ' ').trim().replace(SPACE_BETWEEN_CJK, '');
}

/**
 * Renders blocks as Markdown: `# title`, `##`… for headings (Word heading
 * styles, HTML headings, enumerated paragraphs), `key: value` for metadata,
 * plain lines for paragraphs, one blank line between blocks.
 */
export function toMarkdown(blocks: readonly SourceBlock[], kind: SourceMap['kind']): Converted {
  const lines: string[] = [];
  const paragraphOfLine: number[] = [];
  const columnShift: number[] = [];
  let n = 0;
  for (const block of blocks) {
    let prefix = '';
    let text: string;
    if (block.kind === 'meta') {
      text = `${block.key}: ${block.value}`;
    } else {
      text = block.text;
      if (block.kind === 'title') prefix = '# ';
      else if (block.kind === 'heading') prefix = `${'#'.repeat(Math.min(6, block.level + 1))} `;
      else {
        const level = enumeratedLevel(text);
        if (level !== undefined) prefix = `${'#'.repeat(level + 1)} `;
      }
    }
    if (text === '') continue;
    n++;
    if (lines.length > 0) {
      lines.push('');
      paragraphOfLine.push(n);
      columnShift.push(0);
    }
    lines.push(prefix + text);
    paragraphOfLine.push(n);
    columnShift.push(prefix.length);
  }
  const markdown = lines.length > 0 ? `${lines.join('\n')}\n` : '';
  // The line after the final newline (where an end-of-text range ends) belongs to the last block.
  paragraphOfLine.push(Math.max(n, 1));
  columnShift.push(0);
  return { markdown, map: { kind, paragraphOfLine, columnShift }, paragraphs: n };
}

