/**
 * The block types both readers (plain text, Markdown) produce: the layer
 * between the raw text and the report model.
 */

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
  /** Comment value: its text inside `<!--` and `-->`, trimmed (a directive line: the line). */
  readonly value?: string;
  /** Plain text: the block runs over lines whose breaks are soft (a web copy broken mid-sentence). */
  readonly soft?: true;
  /**
   * A paragraph (plain text): the block starts inside a line (the gap before it was a paragraph
   * break). A comment: it sits inside another block's text (a plain-text line, an HTML block),
   * which keeps its text; such a comment does not bound the report's body.
   */
  readonly inline?: true;
}

/** Front matter read from a Markdown file. */
export interface FrontMatter {
  readonly start: number;
  readonly end: number;
  readonly fields: ReadonlyMap<string, { value: string; start: number; end: number }>;
}
