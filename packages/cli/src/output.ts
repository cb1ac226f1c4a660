/** What a lint run writes: the formatters' output, and the bulk suppressions file. */
import { closeSync, fstatSync, openSync, readSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import type { FormattableResult } from '@fzlint/linter';
import type { Fzlint, Suppressions } from '@fzlint/linter/node';
import type { CliOptions, FormatTarget } from './args.js';
import { writeText, type CliIo, type CliWritable } from './io.js';
import { problem } from './messages.js';
import { localeOf } from './project.js';
import type { Reporter } from './reporter.js';

/** Forward slashes for paths stored in files. */
function posix(path: string): string {
  return path.split('\\').join('/');
}

function total(s: Suppressions): number {
  let count = 0;
  for (const rules of Object.values(s)) for (const r of Object.values(rules)) count += r.count;
  return count;
}

/** A suppressions file, or undefined when it is missing (or, `quietOnBad`, unusable). */
async function readExisting(fzlint: Fzlint, file: string, reporter: Reporter, quietOnBad: boolean): Promise<Suppressions | undefined> {
  try {
    return await fzlint.suppressions.read(file);
  } catch (error) {
    if (!quietOnBad) reporter.report(problem('configError', { detail: (error as Error).message }));
    return undefined;
  }
}

/**
 * `--suppress-all` (records every finding), `--prune-suppressions` (drops
 * entries fixed meanwhile), and otherwise hiding what the suppressions file
 * accepts (ESLint's bulk suppressions).
 */
export async function handleSuppressions(fzlint: Fzlint, results: FormattableResult[], options: CliOptions, reporter: Reporter): Promise<FormattableResult[]> {
  const s = fzlint.suppressions;
  const file = options.suppressionsLocation;
  const location = s.location(file);
  const display = fzlint.displayPath(location);
  if (options.suppressAll) {
    const built = s.build(results, file);
    // Keep entries of files not linted this time (ESLint merges the same way).
    const previous = await readExisting(fzlint, location, reporter, true);
    const base = resolve(location, '..');
    const linted = new Set(results.map((r) => (r.filePath !== undefined ? posix(relative(base, r.filePath)) : '')));
    const merged: Suppressions = {};
    for (const [name, rules] of Object.entries(previous ?? {})) if (!linted.has(name)) merged[name] = rules;
    Object.assign(merged, built);
    const sorted = Object.fromEntries(Object.entries(merged).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    const failed = await s.write(sorted, file);
    if (failed) {
      reporter.report(failed);
      return results;
    }
    reporter.report(problem('suppressedWritten', { count: total(built), path: display }, 'warning'));
    return s.apply(results, sorted, file).results;
  }
  const existing = await readExisting(fzlint, location, reporter, false);
  if (!existing) return results;
  if (options.pruneSuppressions) {
    const pruned = s.prune(existing, results, file);
    const failed = await s.write(pruned, file);
    if (failed) reporter.report(failed);
    else reporter.report(problem('suppressionsPruned', { count: total(existing) - total(pruned), path: display }, 'warning'));
    return s.apply(results, pruned, file).results;
  }
  return s.apply(results, existing, file).results;
}

/**
 * The bytes a JSON piece (`jsonChunks`, ~16 K characters and a result; one over 80 K is written
 * as text) is encoded into: at most 3 bytes a UTF-16 unit.
 */
const JSON_BYTES = 3 * 80 * 1024;
let jsonBytes: Buffer | undefined;

/** Runs each requested formatter and prints or writes its output; returns what went to stdout (but a lone JSON output's). */
export async function writeOutputs(results: FormattableResult[], options: CliOptions, io: CliIo, reporter: Reporter): Promise<string[]> {
  // Position-only formatters without the engine (a warm --cache run loads no parser or rule); JSON and SARIF from the package.
  const front = await import('@fzlint/linter/formatters');
  const { shouldUseColor } = front;
  const needsEngine = options.formats.some((f) => f.name !== 'stylish' && f.name !== 'github' && f.name !== 'gitlab');
  // The formatters' module alone, not the package's index (its config validator, scorecard and
  // incremental lint are not initialised for a run's output).
  const engine = needsEngine ? await import('@fzlint/linter/formatters/all') : undefined;
  const getFormatter = engine ? engine.getFormatter : (name: string) => front[name as 'stylish' | 'github' | 'gitlab'];
  const env = io.env ?? {};
  const toStdout: string[] = [];
  const toOutputFile: string[] = [];
  for (const target of options.formats as readonly FormatTarget[]) {
    const formatter = getFormatter(target.name);
    if (!formatter) continue; // args.ts already rejected unknown names.
    const destination = target.path ?? options.outputFile;
    if (engine && target.name === 'json' && destination === undefined && options.formats.length === 1) {
      // The one output, to stdout: written a few results at a time, never as one string (see
      // `jsonChunks`), the same bytes. Not in `printed`: only the output memo reads that, and
      // it keeps no JSON.
      // Once stdout has stopped (its reader has gone), the rest is not even stringified.
      // To a writer done with bytes when `write` returns (a file, pipe or socket), each piece is
      // encoded into one reused buffer: as strings, each was a fresh UTF-8 copy of up to ~190 KB.
      // Pieces are gathered in the buffer until the next might not fit: one write of up to 240 KB.
      const out = io.stdout;
      let filled = 0;
      const flush = (): void => {
        if (filled > 0 && jsonBytes) out.write(jsonBytes.subarray(0, filled));
        filled = 0;
      };
      for (const chunk of engine.jsonChunks(results)) {
        if (out.stopped === true) break;
        if (out.reusable === true && chunk.length * 3 <= JSON_BYTES) {
          jsonBytes ??= Buffer.allocUnsafeSlow(JSON_BYTES);
          if (filled + chunk.length * 3 > JSON_BYTES) flush();
          filled += jsonBytes.write(chunk, filled, 'utf8');
        } else {
          flush();
          out.write(chunk);
        }
      }
      if (out.stopped !== true) flush();
      io.stdout.write('\n');
      continue;
    }
    const color = destination === undefined && (options.color ?? shouldUseColor(io.stdout, env));
    const text = formatter(results, { cwd: io.cwd, color, locale: localeOf(options) });
    if (target.path !== undefined) {
      const failed = await writeText(resolve(io.cwd, target.path), text);
      if (failed) reporter.report(problem('writeFailed', { path: target.path, code: failed }));
    } else if (options.outputFile !== undefined) {
      toOutputFile.push(text);
    } else {
      toStdout.push(text);
    }
  }
  if (options.outputFile !== undefined && toOutputFile.length > 0) {
    const failed = await writeText(resolve(io.cwd, options.outputFile), toOutputFile.join('\n'));
    if (failed) reporter.report(problem('writeFailed', { path: options.outputFile, code: failed }));
  }
  const printed: string[] = [];
  for (const text of toStdout) {
    if (text === '') continue;
    // The text, then its newline when it lacks one: `text + '\n'` is a new string the write
    // copies whole again before encoding it (~40 ms for the JSON of 1,000 reports, 16 MB).
    io.stdout.write(text);
    if (text.endsWith('\n')) printed.push(text);
    else {
      io.stdout.write('\n');
      printed.push(`${text}\n`);
    }
  }
  return printed;
}

/** Formats whose output is a function of the results alone (no file text): the output memo keeps theirs. */
const MEMO_FORMATS: ReadonlySet<string> = new Set(['stylish', 'github', 'gitlab']);

/** What the output memo of a `--cache` run is checked against, and where it lives. */
export interface OutputMemo {
  readonly path: string;
  /** Everything the printed text depends on besides the cache's entries (which remove the memo when they change). */
  readonly context: string;
}

/**
 * Whether this run's output can be kept beside the cache and printed again by a run whose
 * every result comes from the same cache entries: one position-only format to stdout, no
 * fixes, no bulk suppressions file, `--cache`. Undefined otherwise.
 */
export async function outputMemoOf(fzlint: Fzlint, options: CliOptions, io: CliIo): Promise<OutputMemo | undefined> {
  if (!options.cache || options.stdin || options.fix || options.fixDryRun || options.suppressAll || options.pruneSuppressions) return undefined;
  if (options.outputFile !== undefined || options.formats.length !== 1) return undefined;
  const target = options.formats[0] as FormatTarget;
  if (target.path !== undefined || !MEMO_FORMATS.has(target.name)) return undefined;
  // A suppressions file changes the results after the cache: only without one (missing as reading it
  // judges: any other failure is reported by the run that reads it).
  if (!missing(fzlint.suppressions.location(options.suppressionsLocation))) return undefined;
  const { shouldUseColor } = await import('@fzlint/linter/formatters');
  const color = options.color ?? shouldUseColor(io.stdout, io.env ?? {});
  const { resolveCacheLocation, outputMemoLocation } = await import('@fzlint/linter/node');
  const path = outputMemoLocation(resolveCacheLocation(io.cwd, options.cacheLocation));
  return { path, context: JSON.stringify({ memo: 1, cwd: io.cwd, color, options }) };
}

/** Whether a path does not exist (and nothing else kept it from being looked at). */
function missing(path: string): boolean {
  try {
    statSync(path);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT';
  }
}

/** The memo's first line: what it was printed for, and the exit code's counts. */
interface MemoHeader {
  readonly context: string;
  /** The files, in order, one per line. */
  readonly files: string;
  /** The lint's `snapshot` when the run gave one: a later run compares it before reading the cache. */
  readonly snapshot?: string;
  readonly errorCount: number;
  readonly warningCount: number;
}

/** A memo read back for this run's context: its header; the output stays in the file until printed. */
export interface ReadMemo {
  readonly header: MemoHeader;
  /** The output, as printed (UTF-8), read whole. */
  bytes(): Buffer;
  /** Writes the output to `out`: through one small buffer when `out` is `reusable`, else {@link bytes} in one write. */
  print(out: CliWritable): void;
  /** Closes the memo file (idempotent). */
  close(): void;
}

/**
 * How much of the memo is read at a time. The memo of 1,000 reports is 1.4 MB; read whole,
 * a fresh buffer of that size is mostly page faults (~4-5 ms a warm run on the bench's VM),
 * while a 256 KB buffer filled again and again copies it in ~1 ms.
 */
const MEMO_CHUNK = 256 * 1024;
/** The files of a run, in order, as the memo records them. */
function fileList(results: readonly { readonly filePath?: string }[]): string {
  let list = '';
  for (let i = 0; i < results.length; i++) list += `${(results[i] as { readonly filePath?: string }).filePath ?? ''}\n`;
  return list;
}

/**
 * The memo when it was printed for this run's context (options, cwd, colour), else undefined.
 * Only its header is read here. The file stays open until `close`, so the output printed is
 * the one this header belongs to even if another run replaces the memo meanwhile (a rename).
 */
export function readOutputMemo(memo: OutputMemo): ReadMemo | undefined {
  let fd: number;
  try {
    fd = openSync(memo.path, 'r');
  } catch {
    return undefined;
  }
  let open = true;
  const close = (): void => {
    if (!open) return;
    open = false;
    try {
      closeSync(fd);
    } catch {
      // Nothing to do: it was only read.
    }
  };
  try {
    // The header line: read until its newline, the buffer doubled when it holds no newline yet.
    let buffer = Buffer.allocUnsafeSlow(MEMO_CHUNK);
    let filled = 0;
    let end = -1;
    for (;;) {
      if (filled === buffer.length) {
        const bigger = Buffer.allocUnsafeSlow(buffer.length * 2);
        buffer.copy(bigger, 0, 0, filled);
        buffer = bigger;
      }
      const n = readSync(fd, buffer, filled, buffer.length - filled, filled);
      if (n === 0) break;
      end = buffer.subarray(0, filled + n).indexOf(10, filled);
      filled += n;
      if (end >= 0) break;
    }
    if (end < 0) {
      close();
      return undefined;
    }
    let header: MemoHeader;
    try {
      header = JSON.parse(buffer.toString('utf8', 0, end)) as MemoHeader;
    } catch {
      close();
      return undefined;
    }
    if (
      header === null ||
      typeof header !== 'object' ||
      header.context !== memo.context ||
      typeof header.files !== 'string' ||
      (header.snapshot !== undefined && typeof header.snapshot !== 'string') ||
      !Number.isSafeInteger(header.errorCount) ||
      !Number.isSafeInteger(header.warningCount)
    ) {
      close();
      return undefined;
    }
    const chunk = buffer;
    const start = end + 1;
    let whole: Buffer | undefined;
    const bytes = (): Buffer => {
      if (whole) return whole;
      const size = fstatSync(fd).size;
      const out = Buffer.allocUnsafe(Math.max(0, size - start));
      let got = chunk.copy(out, 0, start, filled);
      while (got < out.length) {
        const n = readSync(fd, out, got, out.length - got, start + got);
        if (n === 0) break;
        got += n;
      }
      return (whole = out.subarray(0, got));
    };
    const print = (out: CliWritable): void => {
      if (out.reusable !== true) {
        const all = bytes();
        if (all.length > 0) out.write(all);
        return;
      }
      if (filled > start) out.write(chunk.subarray(start, filled));
      for (let position = filled; out.stopped !== true; ) {
        const n = readSync(fd, chunk, 0, chunk.length, position);
        if (n === 0) break;
        position += n;
        out.write(chunk.subarray(0, n));
      }
    };
    return { header, bytes, print, close };
  } catch {
    close();
    return undefined;
  }
}

/** Whether a memo was printed for these files (the caller has checked every result came from the cache). */
export function memoCovers(read: ReadMemo, results: readonly { readonly filePath?: string }[]): boolean {
  return read.header.files === fileList(results);
}

/** Keeps a run's printed output beside the cache (atomically); a failure only means no memo. */
export function writeOutputMemo(
  memo: OutputMemo,
  results: readonly { readonly filePath?: string }[],
  printed: readonly (string | Uint8Array)[],
  counts: { readonly errorCount: number; readonly warningCount: number },
  snapshot: string | undefined,
): void {
  const header: MemoHeader = { context: memo.context, files: fileList(results), ...(snapshot !== undefined ? { snapshot } : {}), errorCount: counts.errorCount, warningCount: counts.warningCount };
  const temporary = `${memo.path}.${process.pid}.tmp`;
  try {
    writeFileSync(temporary, Buffer.concat([Buffer.from(`${JSON.stringify(header)}\n`), ...printed.map((p) => (typeof p === 'string' ? Buffer.from(p) : p))]));
    renameSync(temporary, memo.path);
  } catch {
    try {
      rmSync(temporary, { force: true });
    } catch {
      // Nothing to clean up.
    }
  }
}
