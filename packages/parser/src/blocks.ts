/**
 * Blocks: the layer between the raw text (plain or Markdown) and the report
 * model. Both readers produce the same block list so everything after it is
 * shared. This module reads plain text; `markdown.ts` reads Markdown.
 */
import { trimRange } from './text.js';

/** A block of text found by a reader. */
export interface Block {
  /** `code`: a fenced code block (Markdown), kept only so directives inside it are known to be examples. */
  readonly kind: 'paragraph' | 'heading' | 'comment' | 'code';
  /** Trimmed range of the block. */
  readonly start: number;
  readonly end: number;
  /** Markdown heading depth. */
  readonly depth?: number;
  /** Start of a Markdown heading's content (after `#`s). */
  readonly contentStart?: number;
  /** End of a Markdown heading's content (before closing `#`s). */
  readonly contentEnd?: number;
  /** Comment value. */
  readonly value?: string;
  /** Plain text: the block runs over lines whose breaks are soft (a web copy broken mid-sentence). */
  readonly soft?: true;
  /** Plain text: the block starts inside a line (the gap before it was a paragraph break). */
  readonly inline?: true;
}

/** Front matter read from a Markdown file. */
export interface FrontMatter {
  readonly start: number;
  readonly end: number;
  readonly fields: ReadonlyMap<string, { value: string; start: number; end: number }>;
}

const DIRECTIVE_LINE = /^(?:<!--\s*)?(fzlint-[a-z-]+\b[^\n]*?)(?:\s*-->)?$/;

/** A directive line (`fzlint-disable …`, bare or in a comment), or undefined. */
function directiveValue(line: string): string | undefined {
  const m = line.startsWith('fzlint-') || line.startsWith('<!--') ? DIRECTIVE_LINE.exec(line) : null;
  return m ? (m[1] ?? '').trim() : undefined;
}

/**
 * Reads plain text: every non-blank line is a paragraph; `fzlint-…` lines are
 * comments. Only the lines in `text[from, to)` are read (`from` is a line start).
 */
export function plainTextBlocks(text: string, from = 0, to = text.length): Block[] {
  const blocks: Block[] = [];
  let lineStart = from;
  const n = to;
  while (lineStart <= n) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0 || lineEnd > n) lineEnd = n;
    const [s, e] = trimRange(text, lineStart, lineEnd);
    if (e > s) {
      const value = directiveValue(text.slice(s, e));
      if (value !== undefined) blocks.push({ kind: 'comment', start: s, end: e, value });
      else blocks.push({ kind: 'paragraph', start: s, end: e });
    }
    lineStart = lineEnd + 1;
  }
  return blocks;
}
