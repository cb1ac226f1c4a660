/**
 * Bytes → text for Markdown and plain-text reports, with the platform's
 * `TextDecoder` (Node with full ICU, as the official builds ship, and every
 * browser decode UTF-16 and GB18030 with it): nothing here needs Node.
 *
 * Cost: linear in the bytes: one NUL sniff of the first 8,000, one UTF-8
 * decode, and for non-UTF-8 bytes one GBK well-formedness scan and one decode.
 * In Node, UTF-8 is checked with `buffer.isUtf8` and converted with
 * `buffer.transcode` (ICU's `u_strFromUTF8`): ~6× faster than the fatal
 * `TextDecoder`, which hands the bytes to V8's own decoder (~4 ns a byte for
 * Chinese text, half of reading a report). Same strings, same refusals: see
 * test/decode.test.ts.
 */
import type { TextEncoding } from './constants.js';

/** Decoded text, or why the bytes are not text. */
export type DecodeOutcome =
  | { readonly ok: true; readonly text: string; readonly encoding: TextEncoding }
  | { readonly ok: false; readonly reason: 'binary' | 'undecodable' };

/** The platform's decoder (a global in Node and browsers; the lib typings here are Node's). */
type Decoder = InstanceType<typeof TextDecoder>;

// Sniff this many bytes for NULs, as git and grep do.
const SNIFF_BYTES = 8000;

let utf8: Decoder | undefined;
let gb18030: Decoder | undefined;

/** What the fast path takes from Node's `node:buffer` (found, never imported: this package runs in browsers). */
interface NodeBuffer {
  isUtf8(bytes: Uint8Array): boolean;
  isAscii(bytes: Uint8Array): boolean;
  transcode(bytes: Uint8Array, from: 'utf8', to: 'ucs2'): Uint8Array;
  Buffer: { from(buffer: ArrayBufferLike, byteOffset: number, length: number): Uint8Array & { toString(encoding: 'latin1' | 'utf16le'): string; indexOf(value: number): number } };
}

/**
 * Node's buffer module through `getBuiltinModule` (Node ≥ 20.16), or null
 * elsewhere (browsers, older Node), where `TextDecoder` does the work.
 */
let nodeBuffer: NodeBuffer | null | undefined;

function findNodeBuffer(): NodeBuffer | null {
  const proc = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
  const mod = proc?.getBuiltinModule?.('node:buffer') as Partial<NodeBuffer> | undefined;
  return mod && typeof mod.isUtf8 === 'function' && typeof mod.isAscii === 'function' && typeof mod.transcode === 'function' && mod.Buffer ? (mod as NodeBuffer) : null;
}

/**
 * Above this many bytes the fast path's string would be an external one
 * (Node makes UTF-16 strings of ~1M units and more external): left to `TextDecoder`,
 * so a huge report's text is the same kind of V8 string as before.
 */
const FAST_MAX_BYTES = 1_000_000;

/**
 * UTF-8 bytes (no BOM) → text, or undefined when they are not UTF-8. The string is
 * the one the fatal `TextDecoder` gives: `isUtf8` refuses exactly what it refuses
 * (overlong forms, encoded surrogates, above U+10FFFF, cut sequences), and valid
 * UTF-8 has one UTF-16 form.
 */
function decodeUtf8(bytes: Uint8Array): string | undefined {
  const node = (nodeBuffer ??= findNodeBuffer());
  if (node === null || bytes.length > FAST_MAX_BYTES) return decodeUtf8Portable(bytes);
  if (node.isAscii(bytes)) return node.Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('latin1');
  if (!node.isUtf8(bytes)) return undefined;
  const units = node.transcode(bytes, 'utf8', 'ucs2');
  return node.Buffer.from(units.buffer, units.byteOffset, units.length).toString('utf16le');
}

/** {@link decodeUtf8} with the platform's `TextDecoder` alone (browsers; exported for the tests). */
export function decodeUtf8Portable(bytes: Uint8Array): string | undefined {
  try {
    utf8 ??= new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
    return utf8.decode(bytes);
  } catch {
    return undefined;
  }
}

/**
 * Whether the first {@link SNIFF_BYTES} bytes hold a NUL. In Node, `Buffer#indexOf` (memchr, a
 * word at a time) over a view of them; elsewhere the engine's `indexOf`, not a loop of element
 * reads (~5× faster), which V8 runs a byte at a time.
 */
function hasNul(bytes: Uint8Array): boolean {
  const node = (nodeBuffer ??= findNodeBuffer());
  const length = Math.min(bytes.length, SNIFF_BYTES);
  if (node === null) return bytes.subarray(0, length).indexOf(0) !== -1;
  return node.Buffer.from(bytes.buffer, bytes.byteOffset, length).indexOf(0) !== -1;
}

/**
 * Decodes bytes as a report: UTF-8 (a BOM is dropped), UTF-16 LE/BE when a BOM
 * says so, else GBK (GB18030) when the bytes are not UTF-8 and are well-formed
 * GBK. Bytes with NUL and no UTF-16 BOM are binary.
 */
export function decodeText(bytes: Uint8Array): DecodeOutcome {
  const b0 = bytes[0];
  const b1 = bytes[1];
  if (b0 === 0xff && b1 === 0xfe) {
    return { ok: true, text: new TextDecoder('utf-16le', { ignoreBOM: true }).decode(bytes.subarray(2)), encoding: 'utf16le' };
  }
  if (b0 === 0xfe && b1 === 0xff) {
    return { ok: true, text: new TextDecoder('utf-16be', { ignoreBOM: true }).decode(bytes.subarray(2)), encoding: 'utf16be' };
  }
  if (hasNul(bytes)) return { ok: false, reason: 'binary' };
  const hasBom = b0 === 0xef && b1 === 0xbb && bytes[2] === 0xbf;
  // Valid UTF-8 is taken as UTF-8, as every editor does. Only a few characters of GBK
  // can be valid UTF-8 by chance (一 is D2 BB, UTF-8 for һ); a whole report cannot.
  const text = decodeUtf8(hasBom ? bytes.subarray(3) : bytes);
  if (text !== undefined) return { ok: true, text, encoding: hasBom ? 'utf8-bom' : 'utf8' };
  // Not UTF-8: try GBK.
  if (looksLikeGbk(bytes)) {
    gb18030 ??= new TextDecoder('gb18030');
    return { ok: true, text: gb18030.decode(bytes), encoding: 'gbk' };
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

/**
 * Decodes with a charset a web page declares (`<meta charset>`), or undefined
 * when the platform does not know it.
 */
export function decodeWithCharset(bytes: Uint8Array, charset: string): string | undefined {
  let decoder: Decoder;
  try {
    decoder = new TextDecoder(charset);
  } catch {
    return undefined;
  }
  return decoder.decode(bytes);
}
