// `fs.promises`, read when used: importing node:fs/promises loads it (and readline) on start, ~1.5 ms a warm run never needs.
import { existsSync, promises as fsp, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { isAscii, type Buffer } from 'node:buffer';
import { dirname, join, resolve } from 'node:path';
import type { TextEncoding } from '@fzlint/input';
import { decodeCache, encodeCache } from './cache-codec.js';
import type { CacheEntry } from './cache-entry.js';
import type { SerializedResult } from './result.js';

/** Default cache folder, under the working directory (where bundlers keep theirs). */
export const DEFAULT_CACHE_DIR = join('node_modules', '.cache', 'fzlint');
/** File name of the cache inside its folder. */
export const CACHE_FILE_NAME = 'cache.json';

export type { CacheEntry } from './cache-entry.js';
export type { CacheFile } from './cache-codec.js';

/**
 * How a file is recognised as unchanged (ESLint's `--cache-strategy`):
 * - `metadata` (default): same size and modification time means unchanged, so
 *   the content is not hashed; when either differs the content hash decides
 *   (a `touch`ed file is still a hit, and its new metadata is recorded).
 * - `content`: the content hash always decides (for checkouts that reset mtimes).
 */
export type CacheStrategy = 'metadata' | 'content';

/** A file's size and modification time, as `fs.stat` gives them. */
export interface FileMeta {
  readonly size: number;
  readonly mtimeMs: number;
}

/** What this run did with the cache (written to the file so tests and users can see it). */
export interface CacheStats {
  readonly hits: number;
  readonly misses: number;
}


let crypto: typeof import('node:crypto') | undefined;

/** SHA-256 of bytes or text, hex. `node:crypto` is loaded on first use (~3 ms a run without `--cache` does not need). */
export function hashOf(data: Uint8Array | string): string {
  crypto ??= createRequire(import.meta.url)('node:crypto') as typeof import('node:crypto');
  return crypto.createHash('sha256').update(data).digest('hex');
}

/**
 * The cache file for `--cache-location` (a file, or a folder when it ends with a
 * separator or already is one), or the default under `cwd`.
 */
export function resolveCacheLocation(cwd: string, location?: string): string {
  if (location === undefined || location === '') return join(cwd, DEFAULT_CACHE_DIR, CACHE_FILE_NAME);
  const abs = resolve(cwd, location);
  const looksLikeDir = /[\\/]$/.test(location);
  let isDir = false;
  try {
    isDir = existsSync(abs) && statSync(abs).isDirectory();
  } catch {
    isDir = false;
  }
  return looksLikeDir || isDir ? join(abs, CACHE_FILE_NAME) : abs;
}

/**
 * Where the CLI keeps the output it printed from this cache's results (`<cache>.output`,
 * see packages/cli/src/output.ts): removed whenever the cache's entries change, so what it
 * holds was printed from the entries the cache file now has.
 */
export function outputMemoLocation(cacheLocation: string): string {
  return `${cacheLocation}.output`;
}

/**
 * A per-run view of the result cache (ESLint's `--cache`). Keys are absolute
 * paths; an entry is used only when the content hash, the config hash and the
 * fzlint version all match, so a stale result can never be shown.
 */
export class LintCache {
  private readonly entries: Map<string, CacheEntry>;
  private hits = 0;
  private misses = 0;
  private dirty = false;
  /** Paths stat'ed this run (looked up or stored with metadata): they exist, so `save` need not check them. */
  private readonly seen = new Set<string>();
  /** How unchanged files are recognised (see {@link CacheStrategy}). */
  strategy: CacheStrategy = 'metadata';

  private constructor(
    readonly location: string,
    readonly version: string,
    entries: Map<string, CacheEntry>,
    /** True when an existing file could not be used (corrupt or from another version). */
    readonly discarded: boolean,
    /** Entries of the file that were not of the expected shape, dropped (their files are linted again). */
    readonly droppedEntries = 0,
    /** The file's `lastRun` when loaded: an unchanged cache whose run counted the same is not written again. */
    private readonly loadedStats?: CacheStats,
  ) {
    this.entries = entries;
  }

  /**
   * Loads the cache; a missing, unreadable or foreign file starts an empty cache.
   * Every entry is checked for the shape of a result (`isCacheEntry`): one that
   * is not is dropped, and its file is linted again.
   */
  static async load(location: string, version: string): Promise<LintCache> {
    let text: string;
    try {
      // Synchronously: one read of a few hundred KB, cheaper than a file handle's promises.
      text = cacheText(readFileSync(location));
    } catch {
      return new LintCache(location, version, new Map(), false);
    }
    const decoded = decodeCache(text, version);
    // Another format or fzlint version is a plain miss; a file that is not a cache is said to be unusable.
    if (decoded === 'foreign' || decoded === 'corrupt') return new LintCache(location, version, new Map(), decoded === 'corrupt');
    const cache = new LintCache(location, version, decoded.entries, false, decoded.dropped, decoded.lastRun);
    // The file is rewritten without them even when nothing else changes.
    if (decoded.dropped > 0) cache.dirty = true;
    return cache;
  }

  /**
   * The entry of a file whose content and config are unchanged, whatever previous report
   * its result was compared with; counts nothing. Batch pairing reads the file's issuer and
   * year from it (`result.identity`) before it knows which previous report applies.
   * `contentHash` may be a function, called only when the metadata cannot decide.
   */
  peek(path: string, contentHash: string | (() => string), configHash: string, meta?: FileMeta): CacheEntry | undefined {
    if (meta) this.seen.add(path);
    const entry = this.entries.get(path);
    if (!entry || entry.configHash !== configHash) return undefined;
    const sameMeta = meta !== undefined && entry.size === meta.size && entry.mtimeMs === meta.mtimeMs;
    if (sameMeta && this.strategy === 'metadata') return entry;
    const hash = typeof contentHash === 'string' ? contentHash : contentHash();
    if (entry.contentHash !== hash) return undefined;
    if (meta !== undefined && !sameMeta) {
      // Touched but unchanged: remember the new metadata so the next run skips hashing.
      const touched = { ...headerOf(entry), size: meta.size, mtimeMs: meta.mtimeMs, result: entry.result };
      this.entries.set(path, touched);
      this.dirty = true;
      return touched;
    }
    return entry;
  }

  /**
   * The cached result, when content, config and previous report (`previous`, the key of
   * `previousKey`, or undefined for none) are unchanged (and `accept` agrees: `--fix`
   * cannot use a result that still has fixes to apply); counts a hit or a miss.
   * `contentHash` may be a function, called only when the metadata cannot decide.
   */
  get(
    path: string,
    contentHash: string | (() => string),
    configHash: string,
    accept?: (result: SerializedResult) => boolean,
    meta?: FileMeta,
    previous?: string,
  ): SerializedResult | undefined {
    const entry = this.peek(path, contentHash, configHash, meta);
    if (entry && entry.previous === previous && (accept?.(entry.result) ?? true)) {
      this.hits++;
      return entry.result;
    }
    this.misses++;
    return undefined;
  }

  /**
   * Stores a result (with the file's metadata, for the `metadata` strategy, the key of
   * its previous report, and, for a text file, its length and encoding: what a warm
   * run shows without reading it, see {@link LintCache.unchanged}).
   */
  set(
    path: string,
    contentHash: string,
    configHash: string,
    result: SerializedResult,
    meta?: FileMeta,
    previous?: string,
    text?: { readonly chars: number; readonly encoding: TextEncoding },
  ): void {
    if (meta) this.seen.add(path);
    this.entries.set(path, {
      contentHash,
      configHash,
      ...(previous !== undefined ? { previous } : {}),
      ...(meta ? { size: meta.size, mtimeMs: meta.mtimeMs } : {}),
      ...(text ? { chars: text.chars, encoding: text.encoding } : {}),
      result,
    });
    this.dirty = true;
  }

  /**
   * The entry of a text file known unchanged from its metadata alone (the `metadata`
   * strategy: same size and modification time, same config), recorded with its
   * length and encoding; counts nothing. What a warm run uses without reading the file.
   */
  unchanged(path: string, configHash: string, meta: FileMeta): (CacheEntry & { readonly chars: number; readonly encoding: TextEncoding }) | undefined {
    if (this.strategy !== 'metadata') return undefined;
    this.seen.add(path);
    const entry = this.entries.get(path);
    if (!entry || entry.configHash !== configHash || entry.size !== meta.size || entry.mtimeMs !== meta.mtimeMs) return undefined;
    if (entry.chars === undefined || entry.encoding === undefined) return undefined;
    return entry as CacheEntry & { readonly chars: number; readonly encoding: TextEncoding };
  }

  /** Counts hits served without a lookup per file (a warm run: see {@link LintCache.unchanged}). */
  countHits(n: number): void {
    this.hits += n;
  }

  /** Drops a file's entry (it failed to read or lint). */
  delete(path: string): void {
    if (this.entries.delete(path)) this.dirty = true;
  }

  /** Hits and misses so far. */
  get stats(): CacheStats {
    return { hits: this.hits, misses: this.misses };
  }

  /**
   * Writes the cache (atomically: a killed run leaves the old file). Entries of
   * files that no longer exist are dropped. Returns an error code instead of throwing.
   */
  async save(): Promise<string | undefined> {
    for (const path of this.entries.keys()) {
      // Files met this run exist; only the others are checked (one stat each).
      if (!this.seen.has(path) && !existsSync(path)) {
        this.entries.delete(path);
        this.dirty = true;
      }
    }
    // Nothing to change on disk (a warm run like the last one): the file would be written byte for byte as it is.
    if (!this.dirty && this.loadedStats && this.loadedStats.hits === this.hits && this.loadedStats.misses === this.misses) return undefined;
    const tmp = `${this.location}.${process.pid}.tmp`;
    try {
      // Printed from the entries being replaced: stale from now on (a write of the counts alone keeps it).
      if (this.dirty) await fsp.rm(outputMemoLocation(this.location), { force: true });
      await fsp.mkdir(dirname(this.location), { recursive: true });
      await fsp.writeFile(tmp, encodeCache(this.version, this.entries, this.stats));
      await fsp.rename(tmp, this.location);
      this.dirty = false;
      return undefined;
    } catch (error) {
      return (error as NodeJS.ErrnoException).code ?? 'EIO';
    }
  }

  /** Whether entries changed since loading. */
  get changed(): boolean {
    return this.dirty;
  }
}

/** An entry's fields other than its result (read without building the result). */
function headerOf(entry: CacheEntry): Omit<CacheEntry, 'result'> {
  return {
    contentHash: entry.contentHash,
    configHash: entry.configHash,
    ...(entry.previous !== undefined ? { previous: entry.previous } : {}),
    ...(entry.size !== undefined ? { size: entry.size } : {}),
    ...(entry.mtimeMs !== undefined ? { mtimeMs: entry.mtimeMs } : {}),
    ...(entry.chars !== undefined ? { chars: entry.chars } : {}),
    ...(entry.encoding !== undefined ? { encoding: entry.encoding } : {}),
  };
}

/**
 * The text of a cache file (UTF-8 JSON, which `jq` and CI scripts read): ASCII only (what
 * `encodeCache` writes when the paths are ASCII: the string table's other characters as `\u`
 * escapes) as latin1, a one-byte string without decoding, else UTF-8.
 */
function cacheText(bytes: Buffer): string {
  return bytes.toString(isAscii(bytes) ? 'latin1' : 'utf8');
}
