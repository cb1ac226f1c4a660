/**
 * The one place where fzlint's UTF-16 offsets become 0-based LSP positions and back.
 * Everything else in the server works on offsets (the truth inside fzlint).
 */
import { isAbsolute } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic as FzDiagnostic, Severity } from '@fzlint/rule-api';
import { changedSpan, editedLineStarts, lineOf, readLineStarts, type TextEdit as OffsetEdit, type TextRange } from '@fzlint/parser';
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

  /** Whether `range` (an LSP range) is where the offset range `offsets` is in this text (nothing allocated). */
  isRangeOf(offsets: TextRange, range: Range): boolean {
    return this.isPositionOf(offsets.start, range.start) && this.isPositionOf(offsets.end, range.end);
  }

  private isPositionOf(offset: number, position: Position): boolean {
    const o = Math.max(0, Math.min(offset, this.text.length));
    const line = lineOf(this.starts, o);
    return position.line === line && position.character === o - (this.starts[line] ?? 0);
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

/**
 * Whether a related place of a finding is published: one in this document always; one in
 * another file (last year's report) only with its positions and an absolute path (a text
 * given without a file has no place to go).
 */
function isPublished(r: NonNullable<FzDiagnostic['related']>[number]): boolean {
  return r.filePath === undefined || (r.start !== undefined && r.end !== undefined && isAbsolute(r.filePath));
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
      if (!isPublished(r)) continue;
      if (r.filePath === undefined) {
        related.push({ location: { uri, range: lines.range(r.range) }, message: r.message });
        continue;
      }
      // A place in another file (last year's report): its own URI and its own positions
      // (1-based lines and UTF-16 columns of that text).
      related.push({ location: { uri: fileUri(r.filePath), range: rangeOfPositions(r.start!, r.end!) }, message: r.message });
    }
    if (related.length > 0) result.relatedInformation = related;
  }
  // Directive problems (a disable comment that suppresses nothing) are shown faded, like unused code.
  if (diagnostic.ruleId.startsWith('fzlint/unused')) result.tags = [DiagnosticTag.Unnecessary];
  if (data) result.data = data;
  return result;
}

/** The findings of a document's last conversion and the LSP diagnostics made of them (same order, same length). */
export interface ConvertedFindings {
  readonly findings: readonly FzDiagnostic[];
  readonly diagnostics: readonly Diagnostic[];
}

/** How far past the last reused finding a finding of the last conversion is looked for (findings keep their order). */
const LOOK_AHEAD = 3;

/**
 * Converts a lint's findings to LSP diagnostics (`data` is `{version, index}`), reusing the parts
 * made for the last conversion of the same document (`last`): on a keystroke nearly every finding
 * is the same as before, line and character unchanged, so its range, code description and related
 * information are the last publication's objects (less to allocate and to keep, and the encoder
 * compares the message string with itself). Equal to `toLspDiagnostic` of each finding: a finding is
 * reused only when every field it is converted from is equal and its ranges are where its offsets
 * are in `lines`.
 */
export function toLspDiagnostics(
  findings: readonly FzDiagnostic[],
  lines: LineMap,
  uri: string,
  version: number,
  last?: ConvertedFindings,
): Diagnostic[] {
  const out: Diagnostic[] = new Array<Diagnostic>(findings.length);
  const lastFindings = last && last.findings.length === last.diagnostics.length ? last.findings : [];
  let next = 0;
  for (let index = 0; index < findings.length; index++) {
    const finding = findings[index]!;
    let reused: Diagnostic | undefined;
    const end = Math.min(next + LOOK_AHEAD, lastFindings.length);
    for (let j = next; j < end; j++) {
      const before = last!.diagnostics[j]!;
      if (convertsAlike(lastFindings[j]!, before, finding, lines, uri)) {
        reused = reusedDiagnostic(before, version, index);
        next = j + 1;
        break;
      }
    }
    out[index] = reused ?? toLspDiagnostic(finding, lines, uri, { version, index });
  }
  return out;
}

/** A diagnostic with `before`'s fields (in `toLspDiagnostic`'s key order) and its own `data`. */
function reusedDiagnostic(before: Diagnostic, version: number, index: number): Diagnostic {
  const result: Diagnostic = {
    range: before.range,
    severity: before.severity!,
    code: before.code!,
    source: before.source!,
    message: before.message,
  };
  if (before.codeDescription) result.codeDescription = before.codeDescription;
  if (before.relatedInformation) result.relatedInformation = before.relatedInformation;
  if (before.tags) result.tags = before.tags;
  const data: DiagnosticData = { version, index };
  result.data = data;
  return result;
}

/**
 * Whether `finding` converts (in `lines`, for `uri`) to what `lastFinding` was converted to
 * (`converted`), `data` aside: the same fields, and ranges in this document where its offsets are.
 */
function convertsAlike(lastFinding: FzDiagnostic, converted: Diagnostic, finding: FzDiagnostic, lines: LineMap, uri: string): boolean {
  if (
    lastFinding.message !== finding.message ||
    lastFinding.ruleId !== finding.ruleId ||
    lastFinding.severity !== finding.severity ||
    lastFinding.docsUrl !== finding.docsUrl ||
    !lines.isRangeOf(finding.range, converted.range)
  ) {
    return false;
  }
  const related = finding.related ?? [];
  const lastRelated = lastFinding.related ?? [];
  if (related.length !== lastRelated.length) return false;
  if (related.length === 0) return true;
  if (related === lastRelated && allElsewhere(related)) return true;
  const published = converted.relatedInformation ?? [];
  let k = 0;
  for (let i = 0; i < related.length; i++) {
    const r = related[i]!;
    const q = lastRelated[i]!;
    if (r.message !== q.message || r.filePath !== q.filePath) return false;
    if (r.filePath === undefined) {
      // A place in this document: where its offsets are now, and under this document's URI.
      const item = published[k++];
      if (item === undefined || item.location.uri !== uri || !lines.isRangeOf(r.range, item.location.range)) return false;
      continue;
    }
    // A place in another file: converted from its file and positions alone (or left out without them).
    if (!sameLineColumn(r.start, q.start) || !sameLineColumn(r.end, q.end)) return false;
    if (isPublished(r)) k++;
  }
  return k === published.length;
}

/**
 * Whether every place is in another file: the same array then converts as it did (the linter hands
 * a kept finding's places in last year's report back as the array it built for them).
 */
function allElsewhere(related: NonNullable<FzDiagnostic['related']>): boolean {
  for (let i = 0; i < related.length; i++) if (related[i]!.filePath === undefined) return false;
  return true;
}

function sameLineColumn(a: { line: number; column: number } | undefined, b: { line: number; column: number } | undefined): boolean {
  return a === b || (a !== undefined && b !== undefined && a.line === b.line && a.column === b.column);
}

/** An LSP text edit replacing an offset range. */
export function toTextEdit(lines: LineMap, range: TextRange, newText: string): TextEdit {
  return { range: lines.range(range), newText };
}

/** Whether a UTF-16 unit is the first (high) half of a surrogate pair. */
const isHighSurrogate = (unit: number): boolean => (unit & 0xfc00) === 0xd800;

/** Whether a UTF-16 unit is the second (low) half of a surrogate pair. */
const isLowSurrogate = (unit: number): boolean => (unit & 0xfc00) === 0xdc00;

/**
 * The one edit, in offsets, that turns `before` into `after`: the common prefix and suffix
 * kept ({@link changedSpan}: native compares of slices, not a loop over a 100 KB text per
 * keystroke), the middle replaced. Each end moves outward where it would cut a surrogate
 * pair: an edit that changes only an astral character's high half keeps its low half in the
 * suffix, and the end must then take it back.
 */
export function singleEdit(before: string, after: string): OffsetEdit {
  const { prefix, suffix } = changedSpan(before, after);
  let start = prefix;
  if (start > 0 && isHighSurrogate(before.charCodeAt(start - 1))) start--;
  let end = before.length - suffix;
  let afterEnd = after.length - suffix;
  if (suffix > 0 && isLowSurrogate(before.charCodeAt(end)) && end > 0 && isHighSurrogate(before.charCodeAt(end - 1))) {
    end++;
    afterEnd++;
  }
  return { range: { start, end }, text: after.slice(start, afterEnd) };
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
