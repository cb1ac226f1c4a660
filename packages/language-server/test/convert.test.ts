import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LineMap, toLspDiagnostic } from '../src/convert.js';

describe('LineMap', () => {
  it('converts offsets to 0-based UTF-16 positions and back, across \\n, \\r\\n and astral characters', () => {
    const text = 'ab\r\n𠀀法冶\nxyz';
    const lines = new LineMap(text);
    expect(lines.lineCount).toBe(3);
    const at = text.indexOf('法冶');
    // 𠀀 is a surrogate pair: two UTF-16 code units, as LSP counts them.
    expect(lines.positionAt(at)).toEqual({ line: 1, character: 2 });
    expect(lines.offsetAt({ line: 1, character: 2 })).toBe(at);
    expect(lines.positionAt(text.length)).toEqual({ line: 2, character: 3 });
    expect(lines.offsetAt({ line: 0, character: 99 })).toBe(2);
    expect(lines.offsetAt({ line: 9, character: 0 })).toBe(text.length);
  });

  it('keeps a range round-trip exact', () => {
    const text = '第一行\n第二行法冶\n';
    const lines = new LineMap(text);
    const range = { start: text.indexOf('法冶'), end: text.indexOf('法冶') + 2 };
    expect(lines.offsets(lines.range(range))).toEqual(range);
  });
});

describe('LineMap.edited', () => {
  const lineText = fc.array(fc.constantFrom('a', '字', '\n', '\r', '\r\n', ' '), { maxLength: 40 }).map((parts) => parts.join(''));
  it('equals a map read from scratch, after any edit (line breaks \\n, \\r\\n and \\r typed, joined and split)', () => {
    fc.assert(
      fc.property(lineText, fc.array(fc.record({ at: fc.nat(), remove: fc.nat({ max: 6 }), insert: lineText }), { maxLength: 4 }), (text, edits) => {
        let map = new LineMap(text);
        for (const e of edits) {
          const t = map.text;
          const start = t.length === 0 ? 0 : e.at % (t.length + 1);
          const next = t.slice(0, start) + e.insert + t.slice(Math.min(t.length, start + e.remove));
          map = LineMap.edited(map, next);
          const fresh = new LineMap(next);
          expect(map.lineCount).toBe(fresh.lineCount);
          for (let line = 0; line < fresh.lineCount; line++) expect(map.lineStart(line)).toBe(fresh.lineStart(line));
        }
      }),
      { numRuns: 2000, seed: 7 },
    );
  });
});

describe('toLspDiagnostic', () => {
  it('maps severity, code, docs link, source and related places', () => {
    const text = '收到106件，审结115件。';
    const lines = new LineMap(text);
    const d = toLspDiagnostic(
      {
        ruleId: 'statistics/concluded-exceeds-received',
        severity: 'error',
        messageId: 'x',
        message: '审结数（115件）大于收到数（106件）',
        range: { start: 9, end: 14 },
        start: { line: 1, column: 10 },
        end: { line: 1, column: 15 },
        docsUrl: 'https://example.invalid/r.md',
        related: [{ range: { start: 2, end: 7 }, message: '收到数' }],
      },
      lines,
      'file:///r.md',
      { version: 3, index: 0 },
    );
    expect(d).toMatchObject({
      severity: 1,
      code: 'statistics/concluded-exceeds-received',
      source: 'fzlint',
      codeDescription: { href: 'https://example.invalid/r.md' },
      range: { start: { line: 0, character: 9 }, end: { line: 0, character: 14 } },
      data: { version: 3, index: 0 },
    });
    expect(d.relatedInformation?.[0]).toEqual({
      location: { uri: 'file:///r.md', range: { start: { line: 0, character: 2 }, end: { line: 0, character: 7 } } },
      message: '收到数',
    });
  });

  it('maps a place in last year’s report to that file’s URI and its own positions; one without a file is left out', () => {
    const lines = new LineMap('本年度\n照搬的段落。');
    const d = toLspDiagnostic(
      {
        ruleId: 'continuity/copied-passage',
        severity: 'warn',
        messageId: 'copied',
        message: '这段文字与上年度报告第29行的段落基本相同',
        range: { start: 4, end: 10 },
        start: { line: 2, column: 1 },
        end: { line: 2, column: 7 },
        docsUrl: 'https://example.invalid/c.md',
        related: [
          // Offsets into last year's text: not this document's lines.
          { range: { start: 900, end: 960 }, message: '上年度报告中的这段文字', filePath: '/r/2022年度报告.md', start: { line: 29, column: 3 }, end: { line: 29, column: 63 } },
          { range: { start: 0, end: 5 }, message: '上年度报告中的这段文字', filePath: '<previous>', start: { line: 1, column: 1 }, end: { line: 1, column: 6 } },
        ],
      },
      lines,
      'file:///r/2023.md',
    );
    expect(d.relatedInformation).toEqual([
      {
        location: { uri: 'file:///r/2022%E5%B9%B4%E5%BA%A6%E6%8A%A5%E5%91%8A.md', range: { start: { line: 28, character: 2 }, end: { line: 28, character: 62 } } },
        message: '上年度报告中的这段文字',
      },
    ]);
  });
});
