import type { LineColumn } from '@fzlint/parser';
import type { Diagnostic } from '@fzlint/rule-api';
import { positionFinder } from '../lines.js';
import type { FormattableResult, FormatterContext } from './types.js';

/**
 * A place related to a message (fzlint's addition to ESLint's shape): the received
 * count of a concluded count, or last year's paragraph a passage was copied from, in
 * which case `filePath` names last year's report.
 */
export interface JsonRelated {
  readonly message: string;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  /** Present when the place is in another file than the message (last year's report). */
  readonly filePath?: string;
}

/** One message of ESLint's JSON shape, with fzlint's own severity beside the numeric one. */
export interface JsonMessage {
  readonly ruleId: string;
  /** 2 for errors; 1 for warnings and infos (ESLint has no info level). */
  readonly severity: 1 | 2;
  readonly fzlintSeverity: Diagnostic['severity'];
  readonly message: string;
  readonly messageId: string;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  readonly fatal?: true;
  readonly fix?: { readonly range: readonly [number, number]; readonly text: string };
  readonly suggestions?: readonly { readonly desc: string; readonly fix: { readonly range: readonly [number, number]; readonly text: string } }[];
  readonly related?: readonly JsonRelated[];
  readonly docsUrl: string;
}

/** One file of ESLint's JSON shape. */
export interface JsonResult {
  readonly filePath: string;
  readonly messages: readonly JsonMessage[];
  readonly suppressedMessages: readonly never[];
  readonly errorCount: number;
  readonly fatalErrorCount: number;
  readonly warningCount: number;
  readonly fixableErrorCount: number;
  readonly fixableWarningCount: number;
  /** fzlint's infos (also counted in `warningCount`, as their severity is 1). */
  readonly infoCount: number;
  readonly source?: string;
  readonly output?: string;
  readonly usedDeprecatedRules: readonly never[];
}

function toJsonRelated(d: Diagnostic, positionAt: () => (offset: number) => LineColumn): JsonRelated[] {
  return (d.related ?? []).map((r) => {
    // A place in another file carries its own positions; one in this file is located here.
    const start = r.filePath !== undefined && r.start ? r.start : positionAt()(r.range.start);
    const end = r.filePath !== undefined && r.end ? r.end : positionAt()(r.range.end);
    return {
      message: r.message,
      line: start.line,
      column: start.column,
      endLine: end.line,
      endColumn: end.column,
      ...(r.filePath !== undefined ? { filePath: r.filePath } : {}),
    };
  });
}

/** A message's JSON object (`JsonMessage`), built key by key. */
type MutableJsonMessage = { -readonly [K in keyof JsonMessage]: JsonMessage[K] };
/** A result's JSON object (`JsonResult`) while it is built key by key (its optional keys before the last). */
type JsonResultInProgress = { -readonly [K in keyof JsonResult]?: JsonResult[K] };

/**
 * One message as ESLint's JSON shapes it, its keys in `JsonMessage`'s order. Without spreads:
 * each `...(x ? {…} : {})` made an object and copied it (most messages have a fix and nothing
 * else optional).
 */
function toJsonMessage(d: Diagnostic, fatal: boolean, positionAt: () => (offset: number) => LineColumn): JsonMessage {
  const m = {
    ruleId: d.ruleId,
    severity: d.severity === 'error' ? 2 : 1,
    fzlintSeverity: d.severity,
    message: d.message,
    messageId: d.messageId,
    line: d.start.line,
    column: d.start.column,
    endLine: d.end.line,
    endColumn: d.end.column,
  } as MutableJsonMessage;
  if (fatal) m.fatal = true;
  if (d.fix) m.fix = { range: [d.fix.range.start, d.fix.range.end], text: d.fix.text };
  if (d.suggestions?.length) {
    m.suggestions = d.suggestions.map((s) => ({
      desc: s.desc,
      fix: { range: [s.fix.range.start, s.fix.range.end], text: s.fix.text },
    }));
  }
  if (d.related?.length) m.related = toJsonRelated(d, positionAt);
  m.docsUrl = d.docsUrl;
  return m;
}

/** The results as ESLint's JSON formatter shapes them (a plain object, before `JSON.stringify`). */
export function toJsonResults(results: readonly FormattableResult[]): JsonResult[] {
  return results.map(toJsonResult);
}

/** One result as ESLint's JSON formatter shapes it. */
function toJsonResult(r: FormattableResult): JsonResult {
  // Lines of related places in this file: from the document when present, else from the text (built on first use).
  let finder: ((offset: number) => LineColumn) | undefined;
  const positionAt = () => {
    if (finder) return finder;
    const { document } = r;
    finder = document ? (offset: number) => document.lineIndex.positionAt(offset) : positionFinder(r.output ?? r.source ?? '');
    return finder;
  };
  const readError = r.fatal === true;
  const diagnostics = r.diagnostics;
  const messages: JsonMessage[] = [];
  // The counts in one pass (they were five filters over the messages).
  let errorCount = 0;
  let warningCount = 0;
  let fatalErrorCount = 0;
  let fixableErrorCount = 0;
  let fixableWarningCount = 0;
  for (let i = 0; i < diagnostics.length; i++) {
    const d = diagnostics[i] as Diagnostic;
    const m = toJsonMessage(d, readError && d.ruleId === 'fzlint/read-error', positionAt);
    messages.push(m);
    if (m.severity === 2) {
      errorCount++;
      if (m.fix) fixableErrorCount++;
    } else if (m.severity === 1) {
      warningCount++;
      if (m.fix) fixableWarningCount++;
    }
    if (m.fatal) fatalErrorCount++;
  }
  const result: JsonResultInProgress = {
    filePath: r.filePath ?? '<text>',
    messages,
    suppressedMessages: [],
    errorCount,
    fatalErrorCount,
    warningCount,
    fixableErrorCount,
    fixableWarningCount,
    infoCount: r.infoCount,
  };
  // As ESLint: the source when there are messages and no fixed output, the output when fixed.
  if (r.output !== undefined) result.output = r.output;
  else if (messages.length && !r.fatal) result.source = r.source;
  result.usedDeprecatedRules = [];
  return result as JsonResult;
}

/**
 * ESLint's JSON shape (the CLI's documented `--format json`): an array of `{filePath, messages:[{ruleId,
 * severity, message, line, column, endLine, endColumn, fix?}], errorCount,
 * warningCount, …}`; columns are 1-based UTF-16 code units. fzlint's infos have
 * severity 1 and `"fzlintSeverity": "info"`.
 */
export function json(results: readonly FormattableResult[], _context: FormatterContext = {}): string {
  return JSON.stringify(toJsonResults(results));
}

/**
 * About how many characters {@link jsonChunks} gathers before it yields. A piece is a
 * string of pieces (each result's `JSON.stringify`, commas), which the UTF-8 write makes
 * flat first: a flat two-byte string of 64 K characters and more (128 KB) is allocated
 * in V8's large-object space, pages of its own each; of 16 K and a result or two it stays
 * in the young generation. Writing a 1,000-report run's 16.6 M characters (stringify and
 * UTF-8 encode) took ~190 ms CPU in pieces of 64 K, ~135 ms in pieces of 16 K or 32 K.
 */
const JSON_CHUNK_CHARS = 1 << 14;

/**
 * {@link json}'s text in pieces of about 16 K characters, which joined are that text
 * (`JSON.stringify` of an array is its items' JSON between brackets, joined by commas): one
 * result's JSON at a time, so the whole output is never one string. With the sources, 1,000
 * reports made a 16.6 M-character string (33 MB, two-byte), a full collection of the heap
 * to allocate it, then its UTF-8 copy.
 */
export function* jsonChunks(results: readonly FormattableResult[]): Generator<string, void, undefined> {
  let chunk = '[';
  for (let i = 0; i < results.length; i++) {
    if (i > 0) chunk += ',';
    chunk += JSON.stringify(toJsonResult(results[i] as FormattableResult));
    if (chunk.length >= JSON_CHUNK_CHARS) {
      yield chunk;
      chunk = '';
    }
  }
  yield `${chunk}]`;
}
