/**
 * Where each line of the converted Markdown came from. Plain arrays so the map
 * can travel to a worker thread and into the cache with the task. Kept apart
 * from the converters so linting (and workers) load no HTML or Word code.
 */
export interface SourceMap {
  /**
   * The reader whose paragraphs the numbers count: `docx` (Word paragraphs),
   * `html` (blocks of a web page), or a plugged-in reader's format (`pdf`).
   */
  readonly kind: string;
  /** For Markdown line `i + 1`, the 1-based number of its block (a blank line: the next block's). */
  readonly paragraphOfLine: readonly number[];
  /** For Markdown line `i + 1`, the characters added in front of the block's text (`## `). */
  readonly columnShift: readonly number[];
}

/** A 1-based line and column. */
export interface Position {
  readonly line: number;
  readonly column: number;
}

/**
 * Maps a position in the converted Markdown to the source's paragraph number
 * and the column inside that paragraph's text (the `## ` prefix taken off).
 */
export function toSourcePosition(map: SourceMap, position: Position): Position {
  const i = Math.min(Math.max(position.line - 1, 0), map.paragraphOfLine.length - 1);
  const paragraph = map.paragraphOfLine[i] ?? 1;
  const shift = map.columnShift[i] ?? 0;
  return { line: paragraph, column: Math.max(1, position.column - shift) };
}
