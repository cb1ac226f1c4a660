import { open, stat, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { FileMeta } from './cache.js';
import type { SourceMap } from './input/position.js';
import { problem, type CliProblem } from './messages.js';

type Iconv = typeof import('iconv-lite');
let iconvModule: Iconv | undefined;

/**
 * iconv-lite, loaded on first use: only UTF-16 and GBK reports (and writing
 * them back) need it, and loading it is a measurable part of a UTF-8 run.
 * `require` because it is CommonJS, and so the decoders can stay synchronous.
 */
function iconv(): Iconv {
  return (iconvModule ??= createRequire(import.meta.url)('iconv-lite') as Iconv);
}

/** Files above this size are skipped: no report is that long, and parsing one would stall CI. */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;

/** How a file's bytes were turned into text (and how `--fix` writes them back). */
export type TextEncoding = 'utf8' | 'utf8-bom' | 'utf16le' | 'utf16be' | 'gbk';

/** A file read as text. */
export interface ReadText {
  readonly ok: true;
  readonly text: string;
  readonly encoding: TextEncoding;
  /** The raw bytes (for the cache's content hash). */
  readonly bytes: Uint8Array;
  /** A warning to print (decoded from GBK or UTF-16). */
  readonly notice?: CliProblem;
  /** For a converted `.docx`/`.html`: `text` is Markdown, and this maps its lines to paragraphs. */
  readonly source?: SourceMap;
  /** Size and mtime, taken from the open file before its content was read (for `--cache`). */
  readonly meta?: FileMeta;
}

/** A file that could not be read as text; `problem.level` says whether it counts as an input error. */
export interface ReadFailure {
  readonly ok: false;
  readonly reason: 'missing' | 'vanished' | 'binary' | 'empty' | 'too-large' | 'undecodable' | 'unreadable' | 'not-a-file';
  readonly problem: CliProblem;
}

/** Outcome of `readReport`. */
export type ReadResult = ReadText | ReadFailure;

const UTF8 = new TextDecoder('utf-8', { fatal: true });
// Sniff this many bytes for NULs, as git and grep do.
const SNIFF_BYTES = 8000;

/**
 * Decodes bytes as a report: UTF-8 (a BOM is dropped), UTF-16 LE/BE when a BOM
 * says so, else GBK (GB18030) when the bytes are not UTF-8 and decode cleanly
 * as mostly Chinese text. Bytes with NUL and no UTF-16 BOM are binary.
 */
export function decodeReport(
  bytes: Uint8Array,
  path: string,
): { ok: true; text: string; encoding: TextEncoding; notice?: CliProblem } | { ok: false; reason: 'binary' | 'undecodable' } {
  const b0 = bytes[0];
  const b1 = bytes[1];
  if (b0 === 0xff && b1 === 0xfe) {
    return { ok: true, text: iconv().decode(Buffer.from(bytes.subarray(2)), 'utf16le'), encoding: 'utf16le', notice: problem('utf16', { path }, 'warning') };
  }
  if (b0 === 0xfe && b1 === 0xff) {
    return { ok: true, text: iconv().decode(Buffer.from(bytes.subarray(2)), 'utf16be'), encoding: 'utf16be', notice: problem('utf16', { path }, 'warning') };
  }
  const sniffEnd = Math.min(bytes.length, SNIFF_BYTES);
  for (let i = 0; i < sniffEnd; i++) if (bytes[i] === 0) return { ok: false, reason: 'binary' };
  const hasBom = b0 === 0xef && b1 === 0xbb && bytes[2] === 0xbf;
  try {
    // Valid UTF-8 is taken as UTF-8, as every editor does. Only a few characters of GBK
    // can be valid UTF-8 by chance (一 is D2 BB, UTF-8 for һ); a whole report cannot.
    const text = UTF8.decode(hasBom ? bytes.subarray(3) : bytes);
    return { ok: true, text, encoding: hasBom ? 'utf8-bom' : 'utf8' };
  } catch {
    // Not UTF-8: try GBK below.
  }
  if (looksLikeGbk(bytes)) {
    const text = iconv().decode(Buffer.from(bytes), 'gb18030');
    return { ok: true, text, encoding: 'gbk', notice: problem('gbk', { path }, 'warning') };
  }
  return { ok: false, reason: 'undecodable' };
}

/**
 * Whether bytes are well-formed GBK/GB18030 (every high byte part of a pair or a
 * four-byte sequence): a stray Latin-1 file must not be "decoded" into nonsense Chinese.
 */
export function looksLikeGbk(bytes: Uint8Array): boolean {
  let doubles = 0;
  let highSingles = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i] ?? 0;
    if (b < 0x80) continue;
    const next = bytes[i + 1];
    // GBK lead byte 0x81–0xFE, trail 0x40–0xFE except 0x7F.
    if (b >= 0x81 && b <= 0xfe && next !== undefined && next >= 0x40 && next <= 0xfe && next !== 0x7f) {
      doubles++;
      i++;
    } else if (b >= 0x81 && b <= 0xfe && isDigit(next) && isGbLead(bytes[i + 2]) && isDigit(bytes[i + 3])) {
      // GB18030 four-byte form (rare characters in names): lead, digit, lead, digit.
      doubles++;
      i += 3;
    } else {
      highSingles++;
    }
  }
  return doubles > 0 && highSingles === 0;
}

function isDigit(b: number | undefined): boolean {
  return b !== undefined && b >= 0x30 && b <= 0x39;
}

function isGbLead(b: number | undefined): boolean {
  return b !== undefined && b >= 0x81 && b <= 0xfe;
}

/** Encodes text back in the encoding it was read in (so `--fix` keeps a GBK file GBK). */
export function encodeReport(text: string, encoding: TextEncoding): Buffer {
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

const CONVERTED_EXT = /\.(docx|html?|xhtml)$/i;

/** Whether a file is read through conversion (`.docx`, `.html`, `.htm`), and as what. */
export function convertedKind(path: string): 'docx' | 'html' | undefined {
  const m = CONVERTED_EXT.exec(path);
  if (!m) return undefined;
  return (m[1] as string).toLowerCase() === 'docx' ? 'docx' : 'html';
}

/** Bytes of a file, or why they could not be read. */
export type ReadBytes = { readonly ok: true; readonly bytes: Uint8Array; readonly meta: FileMeta } | ReadFailure;

/**
 * Reads a file's bytes with the checks every input gets (exists, is a file, is
 * not over the size limit, is not empty). Never throws.
 */
export async function readBytes(path: string, display: string, maxBytes = MAX_FILE_BYTES): Promise<ReadBytes> {
  const fail = (reason: ReadFailure['reason'], p: CliProblem): ReadFailure => ({ ok: false, reason, problem: p });
  let handle;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'EIO';
    if (code === 'ENOENT') return fail('vanished', problem('vanished', { path: display }));
    if (code === 'EISDIR') return fail('not-a-file', problem('notAFile', { path: display }, 'warning'));
    return fail('unreadable', problem('unreadable', { path: display, code }));
  }
  try {
    const info = await handle.stat();
    if (!info.isFile()) return fail('not-a-file', problem('notAFile', { path: display }, 'warning'));
    if (info.size > maxBytes) {
      const size = (info.size / (1024 * 1024)).toFixed(1);
      return fail('too-large', problem('tooLarge', { path: display, size }));
    }
    const bytes = new Uint8Array(await handle.readFile());
    if (bytes.length === 0) return fail('empty', problem('empty', { path: display }, 'warning'));
    return { ok: true, bytes, meta: { size: info.size, mtimeMs: info.mtimeMs } };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'EIO';
    if (code === 'ENOENT') return fail('vanished', problem('vanished', { path: display }));
    return fail('unreadable', problem('unreadable', { path: display, code }));
  } finally {
    await handle.close().catch(() => undefined);
  }
}

/**
 * Reads one report. Never throws: every failure is a result with a one-line
 * problem naming the file. `display` is the path as the user should see it.
 */
export async function readReport(path: string, display: string, maxBytes = MAX_FILE_BYTES): Promise<ReadResult> {
  const fail = (reason: ReadFailure['reason'], p: CliProblem): ReadFailure => ({ ok: false, reason, problem: p });
  const read = await readBytes(path, display, maxBytes);
  if (!read.ok) return read;
  const { bytes } = read;
  const decoded = decodeReport(bytes, display);
  if (!decoded.ok) {
    return decoded.reason === 'binary'
      ? fail('binary', problem('binary', { path: display }))
      : fail('undecodable', problem('undecodable', { path: display }));
  }
  if (decoded.text.trim() === '') return fail('empty', problem('empty', { path: display }, 'warning'));
  return {
    ok: true,
    text: decoded.text,
    encoding: decoded.encoding,
    bytes,
    meta: read.meta,
    ...(decoded.notice ? { notice: decoded.notice } : {}),
  };
}

/**
 * Reads a report in any supported shape: `.docx` and `.html`/`.htm` are
 * converted to Markdown (loading the converters only then) and carry the map
 * back to their paragraphs; everything else is read as text.
 */
export async function readInput(path: string, display: string, maxBytes = MAX_FILE_BYTES): Promise<ReadResult> {
  const kind = convertedKind(path);
  if (kind === undefined) return readReport(path, display, maxBytes);
  const read = await readBytes(path, display, maxBytes);
  if (!read.ok) return read;
  const converted = await convertRead(read.bytes, kind, display);
  return converted.ok ? { ...converted, meta: read.meta } : converted;
}

/** Converts the bytes of a `.docx`/`.html` input (a file or standard input). */
export async function convertRead(bytes: Uint8Array, kind: 'docx' | 'html', display: string): Promise<ReadResult> {
  const input = await import('./input/index.js');
  const outcome = await input.convertBytes(bytes, kind);
  if (!outcome.ok) {
    return outcome.reason === 'not-docx'
      ? { ok: false, reason: 'undecodable', problem: problem('notDocx', { path: display, detail: outcome.detail }) }
      : { ok: false, reason: 'empty', problem: problem(kind === 'docx' ? 'empty' : 'htmlNoText', { path: display }, 'warning') };
  }
  return { ok: true, text: outcome.converted.markdown, encoding: 'utf8', bytes, source: outcome.converted.map };
}

/** Writes fixed text back, in the file's encoding. Returns a problem instead of throwing. */
export async function writeReport(path: string, display: string, text: string, encoding: TextEncoding): Promise<CliProblem | undefined> {
  try {
    await writeFile(path, encodeReport(text, encoding));
    return undefined;
  } catch (error) {
    return problem('writeFailed', { path: display, code: (error as NodeJS.ErrnoException).code ?? 'EIO' });
  }
}

/** Whether a path exists as a file (for `--print-config` and `inspect`). */
export async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}
