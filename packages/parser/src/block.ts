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
