/**
 * Blocks: the layer between the raw text (plain or Markdown) and the report
 * model. Both readers produce the same block list so everything after it is
 * shared.
 */

/** A block of text found by a reader. */
export interface Block {
  readonly kind: 'paragraph' | 'heading' | 'comment';
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
}

/** Front matter read from a Markdown file. */
export interface FrontMatter {
  readonly start: number;
  readonly end: number;
  readonly fields: ReadonlyMap<string, { value: string; start: number; end: number }>;
}

/** Whitespace including the ideographic space and NBSP, common in pasted pages. */
export function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 0x3000 || code === 0xa0 || code === 10 || code === 13 || code === 0xfeff || code === 0x2002 || code === 0x2003;
}

/** Shrinks [start, end) to exclude surrounding whitespace. */
export function trimRange(text: string, start: number, end: number): [number, number] {
  let s = start;
  let e = end;
  while (s < e && isSpace(text.charCodeAt(s))) s++;
  while (e > s && isSpace(text.charCodeAt(e - 1))) e--;
  return [s, e];
}

const DIRECTIVE_LINE = /^(?:<!--\s*)?(fzlint-[a-z-]+\b[^\n]*?)(?:\s*-->)?$/;

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
      const line = text.slice(s, e);
      const m = line.startsWith('fzlint-') || line.startsWith('<!--') ? DIRECTIVE_LINE.exec(line) : null;
      if (m) blocks.push({ kind: 'comment', start: s, end: e, value: (m[1] ?? '').trim() });
      else blocks.push({ kind: 'paragraph', start: s, end: e });
    }
    lineStart = lineEnd + 1;
  }
  return blocks;
}
