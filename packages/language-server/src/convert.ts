/**
 * The one place where fzlint's UTF-16 offsets become 0-based LSP positions and back.
 * Everything else in the server works on offsets (the truth inside fzlint).
 */
import { isAbsolute } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic as FzDiagnostic, Severity } from '@fzlint/rule-api';
import { changedSpan, editedLineStarts, lineOf, readLineStarts, type TextRange } from '@fzlint/parser';
import {
  DiagnosticSeverity,
  DiagnosticTag,
  type Diagnostic,
  type DiagnosticRelatedInformation,
  type Position,
  type Range,
  type TextEdit,
} from 'vscode-languageserver-types';

/**
 * Line starts of a text, for offset ↔ position conversion in O(log lines).
 * LSP's default position encoding is UTF-16, the same unit as JavaScript string offsets,
 * so a character index is an offset difference.
 */
export class LineMap {
  readonly text: string;
  private readonly starts: number[];

  constructor(text: string, starts?: number[]) {
    this.text = text;
    this.starts = starts ?? [0];
    if (!starts) readLineStarts(text, 0, text.length, this.starts);
  }

  /**
   * The line map of `text`, an edited version of `previous`'s text: the line starts before and
   * after the changed span are `previous`'s (those after shifted), only the changed lines are
   * read again. Equal to `new LineMap(text)`.
   */
  static edited(previous: LineMap, text: string): LineMap {
    const a = previous.text;
    if (a === text) return previous;
    const { prefix, suffix } = changedSpan(a, text);
    const starts = editedLineStarts(previous.starts, text, prefix, suffix, text.length - a.length);
    return new LineMap(text, starts);
  }

  /** Number of lines (a text always has at least one). */
  get lineCount(): number {
    return this.starts.length;
  }

  /** Offset of the start of a 0-based line (clamped). */
  lineStart(line: number): number {
    if (line <= 0) return 0;
    if (line >= this.starts.length) return this.text.length;
    return this.starts[line] ?? this.text.length;
  }

  /** Offset just after the last character of a line, before its line break. */
  lineEnd(line: number): number {
    const next = line + 1 < this.starts.length ? (this.starts[line + 1] ?? this.text.length) : this.text.length;
    let end = next;
    if (end > this.lineStart(line) && this.text.charCodeAt(end - 1) === 10) end--;
    if (end > this.lineStart(line) && this.text.charCodeAt(end - 1) === 13) end--;
    return end;
  }

  /** 0-based line and UTF-16 character of an offset (clamped to the text). */
  positionAt(offset: number): Position {
    const o = Math.max(0, Math.min(offset, this.text.length));
    const lo = lineOf(this.starts, o);
    return { line: lo, character: o - (this.starts[lo] ?? 0) };
  }

  /** Offset of a 0-based position; a character past the line end clamps to it. */
  offsetAt(position: Position): number {
    if (position.line >= this.starts.length) return this.text.length;
    if (position.line < 0) return 0;
    const start = this.lineStart(position.line);
    return Math.min(start + Math.max(0, position.character), this.lineEnd(position.line));
  }

  /** The 1-based line of an offset, as an editor shows it to the user (in hover text). */
  displayLine(offset: number): number {
    return this.positionAt(offset).line + 1;
  }

  /** LSP range of an offset range. */
  range(range: TextRange): Range {
    return { start: this.positionAt(range.start), end: this.positionAt(range.end) };
  }

  /** Offset range of an LSP range. */
  offsets(range: Range): TextRange {
    return { start: this.offsetAt(range.start), end: this.offsetAt(range.end) };
  }
}

/** LSP severity of an fzlint severity. */
export function toLspSeverity(severity: Severity): DiagnosticSeverity {
  switch (severity) {
    case 'error':
      return DiagnosticSeverity.Error;
    case 'warn':
      return DiagnosticSeverity.Warning;
    default:
      return DiagnosticSeverity.Information;
  }
}

/** What the server keeps on an LSP diagnostic to find its fzlint finding again in a code action. */
export interface DiagnosticData {
  /** Document version the finding was computed for. */
  readonly version: number;
  /** Index into the cached lint result's diagnostics. */
  readonly index: number;
}

/** The last file URIs made (last year's report is named by every copied-passage finding, on every lint). */
const fileUris = new Map<string, string>();

function fileUri(filePath: string): string {
  let uri = fileUris.get(filePath);
  if (uri === undefined) {
    if (fileUris.size >= 64) fileUris.clear();
    uri = pathToFileURL(filePath).href;
    fileUris.set(filePath, uri);
  }
  return uri;
}

/** Converts one fzlint finding to an LSP diagnostic. */
export function toLspDiagnostic(
  diagnostic: FzDiagnostic,
  lines: LineMap,
  uri: string,
  data?: DiagnosticData,
): Diagnostic {
  const result: Diagnostic = {
    range: lines.range(diagnostic.range),
    severity: toLspSeverity(diagnostic.severity),
    code: diagnostic.ruleId,
    source: 'fzlint',
    message: diagnostic.message,
  };
  if (diagnostic.docsUrl) result.codeDescription = { href: diagnostic.docsUrl };
  if (diagnostic.related && diagnostic.related.length > 0) {
    const related: DiagnosticRelatedInformation[] = [];
    for (const r of diagnostic.related) {
      if (r.filePath === undefined) {
        related.push({ location: { uri, range: lines.range(r.range) }, message: r.message });
        continue;
      }
      // A place in another file (last year's report): its own URI and its own positions
      // (1-based lines and UTF-16 columns of that text). A text given without a file has no place to go.
      if (r.start === undefined || r.end === undefined || !isAbsolute(r.filePath)) continue;
      related.push({ location: { uri: fileUri(r.filePath), range: rangeOfPositions(r.start, r.end) }, message: r.message });
    }
    if (related.length > 0) result.relatedInformation = related;
  }
  // Directive problems (a disable comment that suppresses nothing) are shown faded, like unused code.
  if (diagnostic.ruleId.startsWith('fzlint/unused')) result.tags = [DiagnosticTag.Unnecessary];
  if (data) result.data = data;
  return result;
}

/** An LSP text edit replacing an offset range. */
export function toTextEdit(lines: LineMap, range: TextRange, newText: string): TextEdit {
  return { range: lines.range(range), newText };
}

/** A whole-document range (for edits that replace everything). */
export function fullRange(lines: LineMap): Range {
  return lines.range({ start: 0, end: lines.text.length });
}

/**
 * A range from 1-based line/column positions that are not offsets into an open text: the
 * paragraph positions of a converted `.docx`/`.html` (line = paragraph), as the CLI reports them.
 */
export function rangeOfPositions(start: { line: number; column: number }, end: { line: number; column: number }): Range {
  return {
    start: { line: Math.max(0, start.line - 1), character: Math.max(0, start.column - 1) },
    end: { line: Math.max(0, end.line - 1), character: Math.max(0, end.column - 1) },
  };
}
