import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IgnoreMatcher } from '../src/project/ignore.js';
import { decodeReport, encodeReport } from '../src/project/read.js';

// Moved from the CLI's properties test with the reading and ignore code they exercise.
describe('properties of reading and ignoring files', () => {
  it('decodeReport never throws on arbitrary bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        const r = decodeReport(bytes, 'x');
        if (r.ok) expect(typeof r.text).toBe('string');
      }),
      { numRuns: 500 },
    );
  });

  it('text written by encodeReport reads back the same in UTF-8 and UTF-16', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 80 }), fc.constantFrom('utf8-bom', 'utf16le', 'utf16be' as const), (text, enc) => {
        const r = decodeReport(encodeReport(text, enc), 'x');
        expect(r).toMatchObject({ ok: true, text });
      }),
      { numRuns: 300 },
    );
  });

  // Two or three GBK characters can happen to be valid UTF-8 (銆咢); a report is far longer
  // than that, and at 16 characters a chance match is already negligible.
  it('Chinese text written as GBK reads back the same', () => {
    const hanzi = fc.integer({ min: 0x4e00, max: 0x9fa5 }).map((c) => String.fromCodePoint(c));
    const piece = fc.oneof(hanzi, fc.constantFrom('，', '。', '（', '）', '“', '”', '、', '1', '2', '%', '\n', ' '));
    fc.assert(
      fc.property(fc.array(piece, { minLength: 16, maxLength: 80 }), (pieces) => {
        const text = pieces.join('');
        const r = decodeReport(encodeReport(text, 'gbk'), 'x');
        expect(r).toMatchObject({ ok: true, text });
      }),
      { numRuns: 300 },
    );
  });

  it('ignore matching never throws on odd patterns and paths', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 12 }), { maxLength: 5 }), fc.array(fc.stringMatching(/^[a-z.*!#\\/ ]{1,6}$/), { maxLength: 4 }), (parts, patterns) => {
        const m = new IgnoreMatcher('/base').add(patterns, 'p');
        m.ignores(`/base/${parts.filter((p) => p && !p.includes('/')).join('/') || 'x'}`);
      }),
      { numRuns: 300 },
    );
  });
});
