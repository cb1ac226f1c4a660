/**
 * Reading report files: the checks every input gets (exists, is a file, is not
 * over the size cap, is not empty), then `@fzlint/input` turns the bytes into
 * text; and writing fixed text back in the encoding it was read in.
 */
// `fs.promises`, read when used: importing node:fs/promises loads it (and readline) on start, ~1.5 ms a warm run never needs.
import { closeSync, fstatSync, openSync, promises as fsp, readSync } from 'node:fs';
import { createRequire } from 'node:module';
import {
  decodeText,
  encodingNotice,
  inputProblem,
  MAX_REPORT_BYTES,
  readReport,
  readText,
  tooLargeProblem,
  type InputProblem,
  type ReadOutcome,
  type ReadText,
  type ReportReader,
  type TextEncoding,
} from '@fzlint/input';
import type { FileMeta } from './cache.js';

/** Why a file could not be read. */
export type ReadFailureReason = 'vanished' | 'not-a-file' | 'unreadable' | 'too-large' | 'empty';

/** Bytes of a file, or why they could not be read. */
export type ReadBytes =
  | { readonly ok: true; readonly bytes: Uint8Array; readonly meta: FileMeta }
  | { readonly ok: false; readonly reason: ReadFailureReason; readonly problem: InputProblem };

/**
 * Reads a file's bytes with the checks every input gets (exists, is a file, is
 * not over the size cap, is not empty). Size and mtime are taken from the open
 * file before its content, so a write in between is seen by the next `--cache`
 * run. Never throws. `display` is the path as the user should see it.
 */
export async function readFileBytes(path: string, display: string, maxBytes = MAX_REPORT_BYTES): Promise<ReadBytes> {
  let handle;
  try {
    handle = await fsp.open(path, 'r');
  } catch (error) {
    return openFailure(error, display);
  }
  try {
    const info = await handle.stat();
    return statFailure(info, display, maxBytes) ?? read(new Uint8Array(await handle.readFile()), info, display);
  } catch (error) {
    return readFailure(error, display);
  } finally {
    await handle.close().catch(() => undefined);
  }
}

/**
 * `readFileBytes` in this thread: the same checks, failures and metadata, without the
 * round trips through the thread pool (and without loading `node:fs/promises`). For a
 * run of one file, whose lint waits for it anyway (~2 ms of a one-file start).
 */
export function readFileBytesSync(path: string, display: string, maxBytes = MAX_REPORT_BYTES, scratch = false): ReadBytes {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (error) {
    return openFailure(error, display);
  }
  try {
    const info = fstatSync(fd);
    return statFailure(info, display, maxBytes) ?? read(readAll(fd, info.size, scratch), info, display);
  } catch (error) {
    return readFailure(error, display);
  } finally {
    try {
      closeSync(fd);
    } catch {
      // Nothing to do: the bytes are read.
    }
  }
}

function fail(reason: ReadFailureReason, problem: InputProblem): ReadBytes {
  return { ok: false, reason, problem };
}

/** Why a file could not be opened (the same for the thread pool's read and this thread's). */
function openFailure(error: unknown, display: string): ReadBytes {
  const code = (error as NodeJS.ErrnoException).code ?? 'EIO';
  if (code === 'EISDIR') return fail('not-a-file', inputProblem('notAFile', { path: display }, 'warning'));
  return readFailure(error, display);
}

/** Why an open file could not be read. */
function readFailure(error: unknown, display: string): ReadBytes {
  const code = (error as NodeJS.ErrnoException).code ?? 'EIO';
  if (code === 'ENOENT') return fail('vanished', inputProblem('vanished', { path: display }));
  return fail('unreadable', inputProblem('unreadable', { path: display, code }));
}

/** The checks on an open file's metadata, before its content is read. */
function statFailure(info: { isFile(): boolean; size: number }, display: string, maxBytes: number): ReadBytes | undefined {
  if (!info.isFile()) return fail('not-a-file', inputProblem('notAFile', { path: display }, 'warning'));
  if (info.size > maxBytes) return fail('too-large', tooLargeProblem(display, info.size));
  return undefined;
}

/** The bytes read, with the metadata taken before them; an empty file is a failure. */
function read(bytes: Uint8Array, info: { size: number; mtimeMs: number }, display: string): ReadBytes {
  if (bytes.length === 0) return fail('empty', inputProblem('empty', { path: display }, 'warning'));
  return { ok: true, bytes, meta: { size: info.size, mtimeMs: info.mtimeMs } };
}

/**
 * The buffer `readAll` reads into for a caller that consumes the bytes at once (`scratch` of
 * `readTextReportFileSync`, the folder run's): a folder run reads each report into the same
 * pages. A fresh buffer per file is mostly page faults on a VM (~12-20 µs a 4 KB page measured
 * here, see `readScratch` in packages/cli/src/compile-cache.ts): 1,000 reports are ~14 MB of them.
 * Files above {@link SCRATCH_MAX_BYTES} get a buffer of their own.
 */
let scratchBuffer: Uint8Array | undefined;
const SCRATCH_MAX_BYTES = 1 << 20;

/**
 * Reads an open file to its end, as `handle.readFile()` does: `size` is a first guess (a file
 * that grew is read whole). One byte more than `size` is asked for, so the end of a file of
 * that size is seen without growing the buffer (which allocated and copied twice its size for
 * every file). With `scratch`, the bytes are in a buffer the next such read reuses.
 */
function readAll(fd: number, size: number, scratch = false): Uint8Array {
  let buffer: Uint8Array;
  if (scratch && size < SCRATCH_MAX_BYTES) {
    if (scratchBuffer === undefined || scratchBuffer.length <= size) scratchBuffer = new Uint8Array(Math.min(SCRATCH_MAX_BYTES, Math.max(64 * 1024, 2 * (size + 1))));
    buffer = scratchBuffer;
  } else {
    buffer = new Uint8Array(size + 1);
  }
  let length = 0;
  for (;;) {
    if (length === buffer.length) {
      const larger = new Uint8Array(buffer.length * 2);
      larger.set(buffer);
      buffer = larger;
    }
    const asked = buffer.length - length;
    const n = readSync(fd, buffer, length, asked, null);
    if (n === 0) break;
    length += n;
    // A regular file's read comes back short only at its end: a file of the size `fstat` gave
    // (or more) that filled less than was asked is whole, without the read of 0 bytes that
    // would say so (one syscall less a file). Not for a size of 0: files such as /proc's say
    // 0 and are read in pieces.
    if (n < asked && size > 0 && length >= size) break;
  }
  return length === buffer.length ? buffer : buffer.subarray(0, length);
}

/** A report file read into text, with its bytes and metadata (for the cache). */
type ReadTextFile = ReadText & { readonly bytes: Uint8Array; readonly meta: FileMeta };

/** A report file read into text, with its bytes and metadata (for the cache), or why not. */
export type ReadFileOutcome =
  | ReadTextFile
  | { readonly ok: false; readonly reason: ReadFailureReason | 'binary' | 'undecodable' | 'not-convertible' | 'over-budget'; readonly problem: InputProblem };

/**
 * Reads one report file in any shape the readers know (`.docx` and `.html`
 * converted, their converters loaded only then). Never throws.
 */
export async function readReportFile(
  path: string,
  display: string,
  options: {
    readonly readers?: readonly ReportReader[];
    readonly maxBytes?: number;
    /** Reads the bytes instead of `readReport` (the project API converts in a guarded thread). */
    readonly read?: (bytes: Uint8Array, name: string) => Promise<ReadOutcome>;
    /** Reads the bytes in this thread (`readFileBytesSync`): for a run of one file. */
    readonly sync?: boolean;
  } = {},
): Promise<ReadFileOutcome> {
  const read = options.sync === true ? readFileBytesSync(path, display, options.maxBytes) : await readFileBytes(path, display, options.maxBytes);
  if (!read.ok) return read;
  const outcome: ReadOutcome = options.read
    ? await options.read(read.bytes, display)
    : await readReport(read.bytes, {
        name: display,
        ...(options.readers ? { readers: options.readers } : {}),
        ...(options.maxBytes !== undefined ? { maxBytes: options.maxBytes } : {}),
      });
  if (!outcome.ok) return readProblem(outcome.problem);
  // Copied, then the two fields set: a literal opening with a spread of the outcome cost V8 ~2.5 KB
  // a file (`Object.assign` with the fields set after, ~0.3 KB), the same fields in the same order.
  const file: { -readonly [K in keyof ReadTextFile]: ReadTextFile[K] } = Object.assign({}, outcome) as ReadTextFile;
  file.bytes = read.bytes;
  file.meta = read.meta;
  return file;
}

/** An outcome's problem with the reason it stands for. */
function readProblem(problem: InputProblem): ReadFileOutcome {
  const id = problem.id;
  const reason = id === 'binary' || id === 'undecodable' || id === 'empty' ? id : id === 'overMemoryBudget' ? 'over-budget' : 'not-convertible';
  return { ok: false, reason, problem };
}

/**
 * `readReportFile` with `sync` for a file the text reader reads (the caller has looked the
 * reader up): the same checks, outcome and fields, in this thread and without promises. The
 * readers' path makes ~5 promises and looks the reader up twice more per file (a folder run
 * reads every report in its main thread). With `scratch` the bytes are read into a buffer the
 * next such read reuses: the text is made before this returns, and a caller must keep no
 * outcome's `bytes` (they are gone with the next file's read).
 */
export function readTextReportFileSync(path: string, display: string, maxBytes = MAX_REPORT_BYTES, scratch = false): ReadFileOutcome {
  const read = readFileBytesSync(path, display, maxBytes, scratch);
  if (!read.ok) return read;
  // `readReport`'s check of the bytes (a file that grew past the cap since its `fstat`).
  if (read.bytes.length > maxBytes) return readProblem(tooLargeProblem(display, read.bytes.length));
  const outcome = readText(read.bytes, display);
  if (!outcome.ok) return readProblem(outcome.problem);
  // `readText` made the object for this call alone: the two fields are set on it, not on a copy.
  const file = outcome as { -readonly [K in keyof ReadTextFile]: ReadTextFile[K] };
  file.bytes = read.bytes;
  file.meta = read.meta;
  return file;
}

type Iconv = typeof import('iconv-lite');
let iconvModule: Iconv | undefined;

/**
 * iconv-lite, loaded on first use: only writing UTF-16 and GBK text back needs
 * it (reading uses `TextDecoder`). `require`, because it is CommonJS and the
 * encoder can then stay synchronous.
 */
function iconv(): Iconv {
  return (iconvModule ??= createRequire(import.meta.url)('iconv-lite') as Iconv);
}

/** Encodes text back in the encoding it was read in (so `--fix` keeps a GBK file GBK). */
export function encodeReport(text: string, encoding: TextEncoding): Uint8Array {
  switch (encoding) {
    case 'utf8':
      return Buffer.from(text, 'utf8');
    case 'utf8-bom':
      return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
    case 'utf16le':
      return Buffer.concat([Buffer.from([0xff, 0xfe]), iconv().encode(text, 'utf16le')]);
    case 'utf16be':
      return Buffer.concat([Buffer.from([0xfe, 0xff]), iconv().encode(text, 'utf16be')]);
    case 'gbk':
      return iconv().encode(text, 'gb18030');
  }
}

/**
 * Decodes a text report's bytes (UTF-8, UTF-16 by BOM, GBK by sniffing), with
 * the notice to show for GBK and UTF-16.
 */
export function decodeReport(
  bytes: Uint8Array,
  path: string,
): { ok: true; text: string; encoding: TextEncoding; notice?: InputProblem } | { ok: false; reason: 'binary' | 'undecodable' } {
  const decoded = decodeText(bytes);
  if (!decoded.ok) return decoded;
  const notice = encodingNotice(decoded.encoding, path);
  return { ok: true, text: decoded.text, encoding: decoded.encoding, ...(notice ? { notice } : {}) };
}

/** Writes fixed text back, in the file's encoding. Returns a problem instead of throwing. */
export async function writeReportFile(path: string, display: string, text: string, encoding: TextEncoding): Promise<InputProblem | undefined> {
  try {
    await fsp.writeFile(path, encodeReport(text, encoding));
    return undefined;
  } catch (error) {
    return inputProblem('writeFailed', { path: display, code: (error as NodeJS.ErrnoException).code ?? 'EIO' });
  }
}
