import iconv from 'iconv-lite';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeUtf8Portable } from '../src/decode.js';
import { decodeText, looksLikeGbk, type DecodeOutcome } from '../src/index.js';

/** The decoder before the Node fast path (5446e08), verbatim but for names: the oracle. */
function reference(bytes: Uint8Array): DecodeOutcome {
  const b0 = bytes[0];
  const b1 = bytes[1];
  if (b0 === 0xff && b1 === 0xfe) return { ok: true, text: new TextDecoder('utf-16le', { ignoreBOM: true }).decode(bytes.subarray(2)), encoding: 'utf16le' };
  if (b0 === 0xfe && b1 === 0xff) return { ok: true, text: new TextDecoder('utf-16be', { ignoreBOM: true }).decode(bytes.subarray(2)), encoding: 'utf16be' };
  const sniffEnd = Math.min(bytes.length, 8000);
  for (let i = 0; i < sniffEnd; i++) if (bytes[i] === 0) return { ok: false, reason: 'binary' };
  const hasBom = b0 === 0xef && b1 === 0xbb && bytes[2] === 0xbf;
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(hasBom ? bytes.subarray(3) : bytes);
    return { ok: true, text, encoding: hasBom ? 'utf8-bom' : 'utf8' };
  } catch {
    // GBK below
  }
  if (looksLikeGbk(bytes)) return { ok: true, text: new TextDecoder('gb18030').decode(bytes), encoding: 'gbk' };
  return { ok: false, reason: 'undecodable' };
}

const utf8 = (s: string) => new TextEncoder().encode(s);
const concat = (parts: readonly Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
};

// Byte runs the decoders must agree on: good and bad UTF-8 at every boundary.
const TRICKY: readonly number[][] = [
  [0xef, 0xbb, 0xbf], // BOM
  [0xff, 0xfe],
  [0xfe, 0xff], // UTF-16 BOMs
  [0x00],
  [0xc0, 0x80],
  [0xc1, 0xbf],
  [0xe0, 0x80, 0x80],
  [0xe0, 0x9f, 0xbf],
  [0xf0, 0x80, 0x80, 0x80],
  [0xf0, 0x8f, 0xbf, 0xbf], // overlong forms
  [0xed, 0xa0, 0x80],
  [0xed, 0xbf, 0xbf],
  [0xed, 0xa0, 0xbd, 0xed, 0xb8, 0x80], // surrogates encoded in UTF-8 (CESU-8)
  [0xed, 0x9f, 0xbf], // U+D7FF, the last before the surrogates
  [0xee, 0x80, 0x80], // U+E000, the first after
  [0xf4, 0x8f, 0xbf, 0xbf], // U+10FFFF
  [0xf4, 0x90, 0x80, 0x80],
  [0xf5, 0x80, 0x80, 0x80],
  [0xf8, 0x88, 0x80, 0x80, 0x80],
  [0xfe],
  [0xff], // beyond U+10FFFF and never UTF-8
  [0xe4, 0xb8],
  [0xf0, 0x9f, 0x98],
  [0xc3],
  [0x80],
  [0xbf], // cut sequences, lone continuations
  [0xef, 0xbf, 0xbe],
  [0xef, 0xbf, 0xbf],
  [0xef, 0xb7, 0x90], // noncharacters (valid UTF-8)
  [0xc2, 0x80],
  [0xc3, 0xa9], // Latin-1 range
  [0x0d, 0x0a],
  [0x0d],
  [0x20, 0x09],
];

const trickyChunk = fc.constantFrom(...TRICKY.map((b) => new Uint8Array(b)));
const textChunk = fc.string({ unit: 'binary', maxLength: 40 }).map(utf8);
const chineseChunk = fc.constantFrom('一、2023年推进法治政府建设', '全年共收到行政复议申请106件。\n', '㐀县人民政府', '𠀀𪚥', 'abc').map(utf8);
const gbChunk = fc.constantFrom('一、2023年推进法治政府建设', '全年共收到行政复议申请106件。\n', '㐀县人民政府报告', '𠀀').map((s) => new Uint8Array(iconv.encode(s, 'gb18030')));
const bytesOf = fc.oneof(
  fc.uint8Array({ maxLength: 64 }),
  fc.array(fc.oneof(trickyChunk, textChunk, chineseChunk, gbChunk, fc.uint8Array({ maxLength: 4 })), { maxLength: 24 }).map(concat),
  fc.array(gbChunk, { minLength: 1, maxLength: 12 }).map(concat),
  fc.array(chineseChunk, { maxLength: 12 }).map(concat),
);

describe('decodeText: the Node fast path gives what TextDecoder gives', () => {
  it('every byte sequence decodes to the same text and encoding, or the same refusal', () => {
    fc.assert(
      fc.property(bytesOf, (bytes) => {
        expect(decodeText(bytes)).toEqual(reference(bytes));
      }),
      { numRuns: 20_000 },
    );
  });

  it('the TextDecoder path alone refuses and decodes the same UTF-8', () => {
    fc.assert(
      fc.property(bytesOf, (bytes) => {
        let want: string | undefined;
        try {
          want = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
        } catch {
          want = undefined;
        }
        expect(decodeUtf8Portable(bytes)).toBe(want);
      }),
      { numRuns: 5_000 },
    );
  });

  it('agrees on empty input, a lone BOM, views into a larger buffer, NULs past the sniff and texts above the fast path', () => {
    const cases = [
      new Uint8Array(0),
      new Uint8Array([0xef, 0xbb, 0xbf]),
      new Uint8Array([0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf, 0x41]),
      utf8('xx一二三yy').subarray(1, 9),
      utf8('x一二三').subarray(2),
      concat([utf8('一'.repeat(3000)), new Uint8Array([0]), utf8('二')]),
      utf8('一、报告\n'.repeat(120_000)),
      concat([utf8('一、报告\n'.repeat(120_000)), new Uint8Array([0xc0, 0x80])]),
      utf8('ascii only\n'.repeat(100)),
    ];
    for (const bytes of cases) expect(decodeText(bytes)).toEqual(reference(bytes));
  });
});
