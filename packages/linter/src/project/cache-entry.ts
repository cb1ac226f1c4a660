/**
 * Validation of what the result cache reads back. The cache file is outside
 * fzlint's control (a user, a tool or a half-written file may have changed it),
 * so every entry is checked for the shape the formatters and the fix writer rely
 * on before it is used; an entry that fails is dropped and its file is linted
 * again. Linear in the entry's size, with no recursion into unbounded depth.
 */
import type { TextEncoding } from '@fzlint/input';
import type { SerializedResult } from './result.js';

/**
 * One file's cached result, valid while the content, config, previous report and fzlint
 * version are unchanged.
 */
export interface CacheEntry {
  readonly contentHash: string;
  readonly configHash: string;
  /**
   * The previous report the result was compared with (`previousKey`: its path and content);
   * absent when there was none. A result is used only for the same previous report.
   */
  readonly previous?: string;
  /** File size in bytes when linted (the `metadata` strategy's first check). */
  readonly size?: number;
  /** Modification time in ms when linted (the `metadata` strategy's first check). */
  readonly mtimeMs?: number;
  /** A text file's length in characters when linted: a warm run checks the result against it without reading the file. */
  readonly chars?: number;
  /** How a text file's bytes were decoded (its notice, and `--fix`'s encoding): a warm run does not read the file. */
  readonly encoding?: TextEncoding;
  readonly result: SerializedResult;
}

const SEVERITIES: ReadonlySet<unknown> = new Set(['error', 'warn', 'info']);
const ENCODINGS: ReadonlySet<unknown> = new Set<TextEncoding>(['utf8', 'utf8-bom', 'utf16le', 'utf16be', 'gbk']);

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

function isPositive(value: unknown): boolean {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 1;
}

function isRange(value: unknown): value is { start: number; end: number } {
  return isObject(value) && isCount(value['start']) && isCount(value['end']) && (value['start'] as number) <= (value['end'] as number);
}

function isPosition(value: unknown): boolean {
  return isObject(value) && isPositive(value['line']) && isPositive(value['column']);
}

function isFix(value: unknown): boolean {
  return isObject(value) && isRange(value['range']) && typeof value['text'] === 'string';
}

function isData(value: unknown): boolean {
  if (!isObject(value)) return false;
  for (const key in value) {
    const v = value[key];
    if (typeof v !== 'string' && !(typeof v === 'number' && Number.isFinite(v))) return false;
  }
  return true;
}

/** Whether a value is a finding with every field a formatter reads. */
export function isDiagnostic(value: unknown): boolean {
  if (!isObject(value)) return false;
  const d = value;
  if (typeof d['ruleId'] !== 'string' || typeof d['messageId'] !== 'string' || typeof d['message'] !== 'string') return false;
  if (!SEVERITIES.has(d['severity']) || typeof d['docsUrl'] !== 'string') return false;
  if (!isRange(d['range']) || !isPosition(d['start']) || !isPosition(d['end'])) return false;
  if (d['fix'] !== undefined && !isFix(d['fix'])) return false;
  if (d['data'] !== undefined && !isData(d['data'])) return false;
  const suggestions = d['suggestions'];
  if (suggestions !== undefined) {
    if (!Array.isArray(suggestions)) return false;
    for (const s of suggestions) if (!isObject(s) || typeof s['desc'] !== 'string' || !isFix(s['fix'])) return false;
  }
  const related = d['related'];
  if (related !== undefined) {
    if (!Array.isArray(related)) return false;
    for (const r of related) if (!isObject(r) || typeof r['message'] !== 'string' || !isRange(r['range'])) return false;
  }
  return true;
}

/** A report's identity as batch pairing reads it (issuer name and key, year). */
export function isIdentity(value: unknown): boolean {
  if (!isObject(value)) return false;
  const issuer = value['issuer'];
  if (issuer !== undefined && (!isObject(issuer) || typeof issuer['raw'] !== 'string' || typeof issuer['key'] !== 'string' || typeof issuer['source'] !== 'string')) {
    return false;
  }
  const year = value['year'];
  if (year !== undefined && (!isObject(year) || !Number.isSafeInteger(year['value']) || typeof year['source'] !== 'string')) return false;
  return value['title'] === undefined || typeof value['title'] === 'string';
}

/**
 * Whether a value read from the cache file is a usable entry: hashes, metadata
 * and a result whose findings have every field a formatter reads, with counts
 * that agree with the findings.
 */
export function isCacheEntry(value: unknown): value is CacheEntry {
  if (!isObject(value)) return false;
  if (typeof value['contentHash'] !== 'string' || typeof value['configHash'] !== 'string') return false;
  if (value['size'] !== undefined && !isCount(value['size'])) return false;
  if (value['previous'] !== undefined && typeof value['previous'] !== 'string') return false;
  if (value['chars'] !== undefined && !isCount(value['chars'])) return false;
  if (value['encoding'] !== undefined && !ENCODINGS.has(value['encoding'])) return false;
  if (value['mtimeMs'] !== undefined && !(typeof value['mtimeMs'] === 'number' && Number.isFinite(value['mtimeMs']))) return false;
  const result = value['result'];
  if (!isObject(result)) return false;
  const diagnostics = result['diagnostics'];
  if (!Array.isArray(diagnostics)) return false;
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  for (const d of diagnostics) {
    if (!isDiagnostic(d)) return false;
    const severity = (d as { severity: string }).severity;
    if (severity === 'error') errors++;
    else if (severity === 'warn') warnings++;
    else infos++;
  }
  if (result['errorCount'] !== errors || result['warningCount'] !== warnings || result['infoCount'] !== infos) return false;
  if (!isCount(result['fixableErrorCount']) || !isCount(result['fixableWarningCount'])) return false;
  if (result['output'] !== undefined && typeof result['output'] !== 'string') return false;
  if (result['identity'] !== undefined && !isIdentity(result['identity'])) return false;
  const failures = result['ruleFailures'];
  if (!Array.isArray(failures)) return false;
  for (const f of failures) if (!isObject(f) || typeof f['ruleId'] !== 'string' || typeof f['message'] !== 'string') return false;
  return true;
}

/**
 * Whether a cached result fits the text it is about to be shown for: every
 * range (findings, fixes, suggestions, related places) inside it. The content
 * hash already matched, so this only fails for a tampered entry.
 */
export function fitsText(entry: CacheEntry['result'], textLength: number): boolean {
  // An index loop: a warm run checks every finding, in code V8 has not optimised (where `for…of` allocates).
  const diagnostics = entry.diagnostics;
  for (let i = 0; i < diagnostics.length; i++) if (rangeEndOf(diagnostics[i] as (typeof diagnostics)[number]) > textLength) return false;
  return true;
}

/**
 * The largest end of a finding's ranges (its own, its fix's, its suggestions', its related
 * places'), 0 when it has none. Reads only those fields: the cache codec also asks it of a
 * finding's other fields on their own (`extra`).
 */
export function rangeEndOf(d: Partial<SerializedResult['diagnostics'][number]>): number {
  let end = d.range ? d.range.end : 0;
  if (d.fix && d.fix.range.end > end) end = d.fix.range.end;
  if (d.suggestions) for (const s of d.suggestions) if (s.fix.range.end > end) end = s.fix.range.end;
  if (d.related) for (const r of d.related) if (r.range.end > end) end = r.range.end;
  return end;
}
