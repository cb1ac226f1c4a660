/**
 * The result cache's file format (format 4): one JSON document that a warm run reads
 * cheaply and `jq` still reads. Format 4 is format 3's layout; the number changed because
 * a writer of format 4 removes the CLI's output memo beside the cache (`<cache>.output`)
 * whenever the entries change, which a writer of format 3 did not: a memo is then never
 * printed for entries an older fzlint of the same version wrote.
 *
 *     { "format": 4, "version": "0.1.0", "lastRun": { "hits": 1000, "misses": 0 },
 *       "strings": ["style/wording", "wrong", "提法有误：…", "https://…", "{\"data\":…}", …],
 *       "findings": "<base64 of little-endian Int32: every file's findings, one after another>",
 *       "files": { "/abs/report.md": [contentHash, configHash, size, mtimeMs, chars, encoding, previous, result], … } }
 *
 * Every string of the findings (rule ids, message ids, messages, docs links, and the
 * JSON text of what else a finding carries: fix, data, suggestions) and of the files'
 * header (config hash, report identity) is stored once in `strings`; a file's findings
 * are a run of Int32 in the `findings` block, {@link STRIDE} per finding:
 *
 *     ruleId, severity (0 error, 1 warn, 2 info), messageId, message, docsUrl,
 *     range.start, range.end, start.line, start.column, end.line, end.column, extra
 *
 * (strings by index into `strings`; `extra` −1 for none). A finding of another shape
 * is `-1, <index of its JSON text>` followed by zeros (also a finding with a number
 * beyond Int32). A result is `[start, end, fixableErrorCount, fixableWarningCount,
 * identity (−1 none)]` (its findings: the block's Int32 from `start` to `end`), or the
 * result object itself when it is not of the usual shape (rule failures, fixed output).
 *
 * The 1,000 reports of the bench (4,800 findings) take ~0.4 MB instead of ~4 MB of
 * plain entries: reading the file is no longer most of a warm run. The block (format 3)
 * spares `JSON.parse` ~58,000 numbers and the scavenger their arrays: it is one typed array
 * off the JavaScript heap. Everything is
 * checked when loaded (every index inside the table, severities, counts, positions)
 * in one pass over numbers, while findings are built as objects only when a result is
 * used. `jq .lastRun` reads what the last run did; `jq '.files | keys'` lists the files.
 */
import { Buffer } from 'node:buffer';
import type { TextEncoding } from '@fzlint/input';
import type { Diagnostic } from '@fzlint/rule-api';
import type { CacheEntry } from './cache-entry.js';
import { fitsText, isCacheEntry, isDiagnostic, isIdentity, rangeEndOf } from './cache-entry.js';
import type { SerializedResult } from './result.js';

/** The format written (`format` in the file); a file without it, or with another, is a miss. */
export const CACHE_FORMAT = 4;

/** Numbers per finding in a file's findings array. */
export const STRIDE = 12;

const SEVERITY_CODE: Readonly<Record<string, number>> = { error: 0, warn: 1, info: 2 };
const SEVERITY_NAME = ['error', 'warn', 'info'] as const;
const ENCODINGS: ReadonlySet<unknown> = new Set<TextEncoding>(['utf8', 'utf8-bom', 'utf16le', 'utf16be', 'gbk']);
/** The keys a finding starts with, in the engine's order: stored as numbers, the rest as `extra`. */
const BASE_KEYS = ['ruleId', 'severity', 'messageId', 'message', 'range', 'start', 'end', 'docsUrl'] as const;
const BASE_KEY_SET: ReadonlySet<string> = new Set(BASE_KEYS);
/** The keys of a result of the usual shape, in the engine's order. */
const RESULT_KEYS = ['diagnostics', 'errorCount', 'warningCount', 'infoCount', 'fixableErrorCount', 'fixableWarningCount', 'ruleFailures', 'identity'];

/** The cache file's contents (format 4, see the module comment). */
export interface CacheFile {
  readonly format: typeof CACHE_FORMAT;
  readonly version: string;
  /** What the run that wrote the file did. */
  readonly lastRun: { readonly hits: number; readonly misses: number };
  /** Every string of the findings and headers, once. */
  readonly strings: readonly string[];
  /** Every file's findings, base64 of little-endian Int32 (see the module comment). */
  readonly findings: string;
  /** By absolute path: `[contentHash, configHash (index), size, mtimeMs, chars, encoding, previous, result]` (null when absent). */
  readonly files: Readonly<Record<string, readonly unknown[]>>;
}

/** The header of a file's entry and its result, built on first use. */
export interface StoredEntry extends CacheEntry {
  /** Whether `result` was built (or given): an entry never used costs no objects. */
  readonly decoded: boolean;
  /**
   * Whether the result is stored compact, so built with exactly the keys `diagnostics`,
   * `errorCount`, `warningCount`, `infoCount`, `fixableErrorCount`, `fixableWarningCount`,
   * `ruleFailures` (empty) and, when known, `identity`, in that order.
   */
  readonly compact: boolean;
  /** The result's counts and identity, without building its findings when it is not built yet. */
  summary(): ResultSummary;
  /** `fitsText` of its result, without building its findings when it is not built yet. */
  fits(textLength: number): boolean;
}

/** What a result says besides its findings. */
export interface ResultSummary {
  readonly errorCount: number;
  readonly warningCount: number;
  readonly infoCount: number;
  readonly fixableErrorCount: number;
  readonly fixableWarningCount: number;
  readonly identity?: SerializedResult['identity'];
}

/** A decoded cache file. */
export interface DecodedCache {
  readonly version: string;
  readonly entries: Map<string, StoredEntry>;
  readonly lastRun?: { readonly hits: number; readonly misses: number };
  /** Entries not of the expected shape, left out. */
  readonly dropped: number;
}

/** Why a cache file cannot be used: `foreign` (another format or fzlint version: a silent miss) or `corrupt`. */
export type DecodeFailure = 'foreign' | 'corrupt';

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function sameKeys(keys: readonly string[], expected: readonly string[]): boolean {
  if (keys.length !== expected.length) return false;
  for (let i = 0; i < keys.length; i++) if (keys[i] !== expected[i]) return false;
  return true;
}

/** Strings of the file, each stored once (`strings`). */
class StringTable {
  readonly list: string[] = [];
  readonly #index = new Map<string, number>();
  put(text: string): number {
    let i = this.#index.get(text);
    if (i === undefined) {
      i = this.list.length;
      this.list.push(text);
      this.#index.set(text, i);
    }
    return i;
  }
}

/** One finding into `out` (see the module comment). */
function encodeDiagnostic(d: Diagnostic, table: StringTable, out: number[]): void {
  const keys = Object.keys(d);
  let compact = keys.length >= BASE_KEYS.length && typeof d.severity === 'string' && SEVERITY_CODE[d.severity] !== undefined;
  for (let i = 0; compact && i < BASE_KEYS.length; i++) compact = keys[i] === BASE_KEYS[i];
  compact &&= isObject(d.range) && sameKeys(Object.keys(d.range), ['start', 'end']);
  compact &&= isObject(d.start) && sameKeys(Object.keys(d.start), ['line', 'column']);
  compact &&= isObject(d.end) && sameKeys(Object.keys(d.end), ['line', 'column']);
  // The block holds Int32: a finding with a larger number is kept as its JSON text.
  compact &&= d.range.end <= INT32_MAX && d.end.line <= INT32_MAX && d.start.line <= INT32_MAX && d.start.column <= INT32_MAX && d.end.column <= INT32_MAX;
  if (!compact) {
    out.push(-1, table.put(JSON.stringify(d)), 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
    return;
  }
  let extra = -1;
  if (keys.length > BASE_KEYS.length) {
    const rest: Record<string, unknown> = {};
    for (let i = BASE_KEYS.length; i < keys.length; i++) rest[keys[i] as string] = (d as unknown as Record<string, unknown>)[keys[i] as string];
    extra = table.put(JSON.stringify(rest));
  }
  out.push(
    table.put(d.ruleId),
    SEVERITY_CODE[d.severity] as number,
    table.put(d.messageId),
    table.put(d.message),
    table.put(d.docsUrl),
    d.range.start,
    d.range.end,
    d.start.line,
    d.start.column,
    d.end.line,
    d.end.column,
    extra,
  );
}

/** A result: compact when of the usual shape, else as it is. */
function encodeResult(result: SerializedResult, table: StringTable, block: number[]): unknown {
  const keys = Object.keys(result);
  const usual =
    keys.length >= 7 &&
    keys.length <= 8 &&
    sameKeys(keys, RESULT_KEYS.slice(0, keys.length)) &&
    result.ruleFailures.length === 0;
  if (!usual) return result;
  const start = block.length;
  for (const d of result.diagnostics) encodeDiagnostic(d, table, block);
  const identity = result.identity !== undefined ? table.put(JSON.stringify(result.identity)) : -1;
  return [start, block.length, result.fixableErrorCount, result.fixableWarningCount, identity];
}

/** The file's text for `entries` (see the module comment). */
export function encodeCache(version: string, entries: ReadonlyMap<string, CacheEntry>, lastRun: { hits: number; misses: number }): string {
  const table = new StringTable();
  const block: number[] = [];
  const files: Record<string, unknown[]> = {};
  for (const [path, e] of entries) {
    files[path] = [
      e.contentHash,
      table.put(e.configHash),
      e.size ?? null,
      e.mtimeMs ?? null,
      e.chars ?? null,
      e.encoding ?? null,
      e.previous ?? null,
      encodeResult(e.result, table, block),
    ];
  }
  // The string table (each message once) with every character outside ASCII as a `\u`
  // escape (the same JSON value): with ASCII paths the file is then ASCII, which a warm run
  // reads as latin1, a one-byte string without UTF-8 decoding. Only the table: scanning the
  // whole text cost ~5 ms a write, the table ~0.5 ms. The same text as
  // `JSON.stringify({ format, version, lastRun, strings, files })` otherwise.
  let strings = JSON.stringify(table.list);
  if (NON_ASCII.test(strings)) strings = strings.replace(NON_ASCII_ALL, escapeChar);
  return `{"format":${CACHE_FORMAT},"version":${JSON.stringify(version)},"lastRun":${JSON.stringify(lastRun)},"strings":${strings},"findings":"${encodeBlock(block)}","files":${JSON.stringify(files)}}`;
}

const INT32_MAX = 0x7fffffff;
const BIG_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 0;

/** Int32 as base64 of their little-endian bytes. */
export function encodeBlock(values: readonly number[]): string {
  const bytes = Buffer.from(Int32Array.from(values).buffer);
  if (BIG_ENDIAN) bytes.swap32();
  return bytes.toString('base64');
}

/** The Int32 of a `findings` block, or undefined when it is not whole Int32. */
export function decodeBlock(text: string): Int32Array | undefined {
  const bytes = Buffer.from(text, 'base64');
  if (bytes.byteLength % 4 !== 0) return undefined;
  if (BIG_ENDIAN) bytes.swap32();
  // Buffers from Node's pool start at a multiple of 8; a copy otherwise.
  return bytes.byteOffset % 4 === 0 ? new Int32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4) : new Int32Array(new Uint8Array(bytes).buffer);
}

const NON_ASCII = /[^\x00-\x7f]/;
const NON_ASCII_ALL = /[^\x00-\x7f]/g;

function escapeChar(c: string): string {
  return `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

/** What the decoder shares between a file's entries: the table and what was parsed of it. */
class Decoder {
  readonly #parsed = new Map<number, unknown>();
  /** Extras already checked (`true`) or refused (`false`), by index. */
  readonly #extraOk = new Map<number, boolean>();
  constructor(
    readonly strings: readonly string[],
    readonly block: Int32Array,
  ) {}

  isIndex(value: unknown): value is number {
    return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value < this.strings.length;
  }

  /** The JSON text at `index`, parsed once (shared by every finding that refers to it; never changed by readers). */
  json(index: number): unknown {
    if (this.#parsed.has(index)) return this.#parsed.get(index);
    let value: unknown;
    try {
      value = JSON.parse(this.strings[index] as string);
    } catch {
      value = undefined;
    }
    this.#parsed.set(index, value);
    return value;
  }

  /** Whether an `extra` index holds an object of a finding's other fields, of the shape formatters rely on. */
  extraOk(index: number): boolean {
    let ok = this.#extraOk.get(index);
    if (ok === undefined) {
      const extra = this.json(index);
      ok = isObject(extra) && !Object.keys(extra).some((k) => BASE_KEY_SET.has(k)) && isDiagnostic({ ...PROBE, ...extra });
      this.#extraOk.set(index, ok);
    }
    return ok;
  }

  /** Checks a compact result (every number of its findings) without building it. */
  checkResult(value: unknown): boolean {
    if (!Array.isArray(value)) return isCacheEntry({ contentHash: '', configHash: '', result: value });
    // Indexes, not destructuring: in code V8 has not optimised, array destructuring allocates an iterator.
    if (value.length !== 5) return false;
    const from = value[0] as unknown;
    const to = value[1] as unknown;
    const fixableErrors = value[2] as unknown;
    const fixableWarnings = value[3] as unknown;
    const identity = value[4] as unknown;
    const f = this.block;
    if (!isCount(from) || !isCount(to) || from > to || to > f.length || (to - from) % STRIDE !== 0) return false;
    if (!isCount(fixableErrors) || !isCount(fixableWarnings)) return false;
    if (identity !== -1 && !(this.isIndex(identity) && isIdentity(this.json(identity)))) return false;
    // Written out rather than with helpers: this loop sees every number of the file, and
    // the CLI runs V8 without inlining. Every value is an Int32: only ranges to check.
    const n = this.strings.length;
    for (let i = from; i < to; i += STRIDE) {
      const rule = f[i] as number;
      if (rule === -1) {
        const raw = f[i + 1];
        if (!this.isIndex(raw) || !isDiagnostic(this.json(raw))) return false;
        continue;
      }
      const messageId = f[i + 2] as number;
      const message = f[i + 3] as number;
      const docs = f[i + 4] as number;
      if (rule < 0 || rule >= n || messageId < 0 || messageId >= n || message < 0 || message >= n || docs < 0 || docs >= n) return false;
      const severity = f[i + 1];
      if (severity !== 0 && severity !== 1 && severity !== 2) return false;
      const start = f[i + 5] as number;
      const end = f[i + 6] as number;
      if (start < 0 || start > end) return false;
      if ((f[i + 7] as number) < 1 || (f[i + 8] as number) < 1 || (f[i + 9] as number) < 1 || (f[i + 10] as number) < 1) return false;
      const extra = f[i + 11] as number;
      if (extra !== -1 && !(extra >= 0 && extra < n && this.extraOk(extra))) return false;
    }
    return true;
  }

  /**
   * The counts and identity of a checked compact record, and the largest end of its findings'
   * ranges (`fitsText` is that end within the text), from its numbers and extras alone.
   */
  summary(value: readonly number[]): ResultSummary & { readonly rangeEnd: number } {
    const from = value[0] as number;
    const to = value[1] as number;
    const identity = value[4] as number;
    const findings = this.block;
    let errorCount = 0;
    let warningCount = 0;
    let infoCount = 0;
    let rangeEnd = 0;
    for (let i = from; i < to; i += STRIDE) {
      let severity: number | undefined;
      let end: number;
      if (findings[i] === -1) {
        const d = this.json(findings[i + 1] as number) as Diagnostic;
        severity = SEVERITY_CODE[d.severity];
        end = rangeEndOf(d);
      } else {
        severity = findings[i + 1];
        end = findings[i + 6] as number;
        const extra = findings[i + 11] as number;
        if (extra !== -1) {
          const extraEnd = rangeEndOf(this.json(extra) as Partial<Diagnostic>);
          if (extraEnd > end) end = extraEnd;
        }
      }
      if (end > rangeEnd) rangeEnd = end;
      if (severity === 0) errorCount++;
      else if (severity === 1) warningCount++;
      else infoCount++;
    }
    const summary: { -readonly [K in keyof ResultSummary]: ResultSummary[K] } & { rangeEnd: number } = {
      errorCount,
      warningCount,
      infoCount,
      fixableErrorCount: value[2] as number,
      fixableWarningCount: value[3] as number,
      rangeEnd,
    };
    if (identity !== -1) summary.identity = this.json(identity) as NonNullable<SerializedResult['identity']>;
    return summary;
  }

  /** The result of a checked compact record. */
  result(value: unknown): SerializedResult {
    if (!Array.isArray(value)) return value as SerializedResult;
    const from = value[0] as number;
    const to = value[1] as number;
    const fixableErrorCount = value[2] as number;
    const fixableWarningCount = value[3] as number;
    const identity = value[4] as number;
    const s = this.strings;
    const findings = this.block;
    const diagnostics: Diagnostic[] = new Array((to - from) / STRIDE);
    let errorCount = 0;
    let warningCount = 0;
    let infoCount = 0;
    for (let i = from, n = 0; i < to; i += STRIDE, n++) {
      let d: Diagnostic;
      if (findings[i] === -1) {
        // Its own copy: the one parsed is shared by nothing else, but a reader may keep it.
        d = structuredClone(this.json(findings[i + 1] as number)) as Diagnostic;
      } else {
        d = {
          ruleId: s[findings[i] as number] as string,
          severity: SEVERITY_NAME[findings[i + 1] as 0 | 1 | 2],
          messageId: s[findings[i + 2] as number] as string,
          message: s[findings[i + 3] as number] as string,
          range: { start: findings[i + 5] as number, end: findings[i + 6] as number },
          start: { line: findings[i + 7] as number, column: findings[i + 8] as number },
          end: { line: findings[i + 9] as number, column: findings[i + 10] as number },
          docsUrl: s[findings[i + 4] as number] as string,
        };
        const extra = findings[i + 11] as number;
        if (extra !== -1) Object.assign(d, this.json(extra));
      }
      if (d.severity === 'error') errorCount++;
      else if (d.severity === 'warn') warningCount++;
      else infoCount++;
      diagnostics[n] = d;
    }
    const result: { -readonly [K in keyof SerializedResult]: SerializedResult[K] } = {
      diagnostics,
      errorCount,
      warningCount,
      infoCount,
      fixableErrorCount,
      fixableWarningCount,
      ruleFailures: [],
    };
    if (identity !== -1) result.identity = this.json(identity) as NonNullable<SerializedResult['identity']>;
    return result;
  }
}

/** A valid finding's base fields, to check an `extra` on its own. */
const PROBE = {
  ruleId: 'r',
  severity: 'info',
  messageId: 'm',
  message: 'm',
  range: { start: 0, end: 0 },
  start: { line: 1, column: 1 },
  end: { line: 1, column: 1 },
  docsUrl: 'u',
};

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

/** An entry whose result is built on first use. */
class LazyEntry implements StoredEntry {
  #result: SerializedResult | undefined;
  #summary: (ResultSummary & { readonly rangeEnd: number }) | undefined;
  #raw: unknown;
  #decoder: Decoder | undefined;
  readonly #compact: boolean;
  readonly contentHash: string;
  readonly configHash: string;
  readonly previous?: string;
  readonly size?: number;
  readonly mtimeMs?: number;
  readonly chars?: number;
  readonly encoding?: TextEncoding;

  /** From a checked record (see `isRecord`): its fields, null when absent. */
  constructor(record: readonly unknown[], decoder: Decoder) {
    this.contentHash = record[0] as string;
    this.configHash = decoder.strings[record[1] as number] as string;
    if (record[6] !== null) this.previous = record[6] as string;
    if (record[2] !== null) this.size = record[2] as number;
    if (record[3] !== null) this.mtimeMs = record[3] as number;
    if (record[4] !== null) this.chars = record[4] as number;
    if (record[5] !== null) this.encoding = record[5] as TextEncoding;
    this.#raw = record[7];
    this.#compact = Array.isArray(record[7]);
    this.#decoder = decoder;
  }

  get decoded(): boolean {
    return this.#decoder === undefined;
  }

  get compact(): boolean {
    return this.#compact;
  }

  fits(textLength: number): boolean {
    if (!this.#decoder || !this.#compact) return fitsText(this.result, textLength);
    this.#summary ??= this.#decoder.summary(this.#raw as readonly number[]);
    return this.#summary.rangeEnd <= textLength;
  }

  summary(): ResultSummary {
    // Once: a warm run asks for the identity when pairing and for the counts when building the file's result.
    if (this.#summary) return this.#summary;
    if (this.#decoder && this.#compact) return (this.#summary = this.#decoder.summary(this.#raw as readonly number[]));
    return this.result;
  }

  get result(): SerializedResult {
    if (this.#decoder) {
      this.#result = this.#decoder.result(this.#raw);
      this.#decoder = undefined;
      this.#raw = undefined;
    }
    return this.#result as SerializedResult;
  }
}

/**
 * Reads a cache file's text: the entries (checked; those not of the expected shape
 * dropped), or why none can be used.
 */
export function decodeCache(text: string, version: string): DecodedCache | DecodeFailure {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return 'corrupt';
  }
  if (!isObject(parsed)) return 'corrupt';
  // An older fzlint's file (format 1: plain entries) or a newer format: none of it is read.
  if (parsed['format'] !== CACHE_FORMAT) return typeof parsed['version'] === 'string' ? 'foreign' : 'corrupt';
  if (typeof parsed['version'] !== 'string') return 'corrupt';
  // Another fzlint version: its rules may differ, so none of its results are valid.
  if (parsed['version'] !== version) return 'foreign';
  const strings = parsed['strings'];
  const files = parsed['files'];
  if (!Array.isArray(strings) || !isObject(files)) return 'corrupt';
  for (const s of strings) if (typeof s !== 'string') return 'corrupt';
  // A file of results of other shapes only may leave the block out.
  const findings = parsed['findings'] === undefined ? '' : parsed['findings'];
  const block = typeof findings === 'string' ? decodeBlock(findings) : undefined;
  if (block === undefined) return 'corrupt';
  const decoder = new Decoder(strings as string[], block);
  const entries = new Map<string, StoredEntry>();
  let dropped = 0;
  for (const path in files) {
    const record = files[path];
    if (isRecord(record, decoder) && decoder.checkResult(record[7])) entries.set(path, new LazyEntry(record, decoder));
    else dropped++;
  }
  const lastRun = parsed['lastRun'];
  return {
    version,
    entries,
    dropped,
    ...(isObject(lastRun) && typeof lastRun['hits'] === 'number' && typeof lastRun['misses'] === 'number' ? { lastRun: { hits: lastRun['hits'], misses: lastRun['misses'] } } : {}),
  };
}

/** Whether a file's record has header fields of the expected shape (its result is checked apart). */
function isRecord(record: unknown, decoder: Decoder): record is unknown[] {
  if (!Array.isArray(record) || record.length !== 8) return false;
  const r = record as unknown[];
  if (typeof r[0] !== 'string' || !decoder.isIndex(r[1])) return false;
  const size = r[2];
  const mtimeMs = r[3];
  const chars = r[4];
  const encoding = r[5];
  const previous = r[6];
  if (size !== null && !isCount(size)) return false;
  if (mtimeMs !== null && !(typeof mtimeMs === 'number' && Number.isFinite(mtimeMs))) return false;
  if (chars !== null && !isCount(chars)) return false;
  if (encoding !== null && !ENCODINGS.has(encoding)) return false;
  return previous === null || typeof previous === 'string';
}
