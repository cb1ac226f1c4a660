import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Diagnostic as FzDiagnostic } from '@fzlint/rule-api';
import { LineMap, toLspDiagnostic, toLspDiagnostics } from '../src/convert.js';

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

describe('toLspDiagnostics', () => {
  const uri = 'file:///r.md';
  /** A finding at `[start, end)` of `text`, with a related place in this document and one in last year's report. */
  function finding(text: string, start: number, end: number, extra: Partial<FzDiagnostic> = {}): FzDiagnostic {
    return {
      ruleId: 'continuity/copied-passage',
      severity: 'warn',
      messageId: 'x',
      message: `“${text.slice(start, end)}”与上年相同`,
      range: { start, end },
      start: { line: 1, column: 1 },
      end: { line: 1, column: 1 },
      docsUrl: 'https://example.invalid/c.md',
      related: [
        { range: { start: 0, end: 2 }, message: '本文' },
        { range: { start: 5, end: 9 }, message: '上年', filePath: '/last/year.md', start: { line: 3, column: 2 }, end: { line: 3, column: 6 } },
      ],
      ...extra,
    };
  }
  const fresh = (findings: readonly FzDiagnostic[], lines: LineMap, version: number, at = uri) =>
    findings.map((d, index) => toLspDiagnostic(d, lines, at, { version, index }));

  it('reuses the parts of a finding an edit inside its line did not move, and converts the moved ones afresh', () => {
    const a = '第一行法冶\n第二行法冶文字\n第三行法冶\n';
    const before = [finding(a, 3, 5), finding(a, 9, 11), finding(a, 17, 19)];
    const lines = new LineMap(a);
    const first = toLspDiagnostics(before, lines, uri, 1);
    expect(first).toEqual(fresh(before, lines, 1));
    // One character typed at the start of the second line: its finding moves, the others do not.
    const b = `${a.slice(0, 6)}字${a.slice(6)}`;
    const after = [finding(b, 3, 5), finding(b, 10, 12), finding(b, 18, 20)];
    const next = LineMap.edited(lines, b);
    const second = toLspDiagnostics(after, next, uri, 2, { findings: before, diagnostics: first });
    expect(JSON.stringify(second)).toBe(JSON.stringify(fresh(after, next, 2)));
    expect(second[0]!.range).toBe(first[0]!.range);
    expect(second[0]!.relatedInformation).toBe(first[0]!.relatedInformation);
    expect(second[0]!.codeDescription).toBe(first[0]!.codeDescription);
    expect(second[0]!.data).toEqual({ version: 2, index: 0 });
    expect(second[1]!.range).not.toBe(first[1]!.range);
    expect(second[1]!.range.start).toEqual({ line: 1, character: 4 });
    expect(second[2]!.range).toBe(first[2]!.range);
  });

  it('converts afresh the findings after an edit that shifts lines, and any whose message, severity, rule or related places changed', () => {
    const a = '第一行法冶\n第二行法冶\n';
    const before = [finding(a, 3, 5), finding(a, 9, 11)];
    const lines = new LineMap(a);
    const first = toLspDiagnostics(before, lines, uri, 1);
    const b = `新行\n${a}`;
    const next = LineMap.edited(lines, b);
    const shifted = [finding(b, 6, 8), finding(b, 12, 14)];
    const second = toLspDiagnostics(shifted, next, uri, 2, { findings: before, diagnostics: first });
    expect(JSON.stringify(second)).toBe(JSON.stringify(fresh(shifted, next, 2)));
    expect(second[0]!.range.start).toEqual({ line: 1, character: 3 });
    // The related place in this document moved too: the list is made again even where the finding's own range is the same.
    const relatedMoved = [finding(a, 3, 5, { related: [{ range: { start: 1, end: 3 }, message: '本文' }] })];
    const changes: Partial<FzDiagnostic>[] = [
      { message: '另一条消息' },
      { severity: 'error' },
      { ruleId: 'fzlint/unused-disable' },
      { docsUrl: 'https://example.invalid/other.md' },
      { related: [] },
      { related: [{ range: { start: 0, end: 2 }, message: '本文' }] },
      { related: [{ range: { start: 0, end: 2 }, message: '本文，另' }, before[0]!.related![1]!] },
      { related: [before[0]!.related![0]!, { ...before[0]!.related![1]!, end: { line: 3, column: 7 } }] },
      { related: [before[0]!.related![0]!, { ...before[0]!.related![1]!, filePath: '/other/year.md' }] },
    ];
    for (const change of changes) {
      const changed = [finding(a, 3, 5, change), before[1]!];
      const out = toLspDiagnostics(changed, lines, uri, 2, { findings: before, diagnostics: first });
      expect(JSON.stringify(out)).toBe(JSON.stringify(fresh(changed, lines, 2)));
      expect(out[0]!.range).not.toBe(first[0]!.range);
      expect(out[1]!.range).toBe(first[1]!.range);
    }
    const out = toLspDiagnostics(relatedMoved, lines, uri, 2, { findings: [finding(a, 3, 5, { related: [{ range: { start: 0, end: 2 }, message: '本文' }] })], diagnostics: [first[0]!] });
    expect(JSON.stringify(out)).toBe(JSON.stringify(fresh(relatedMoved, lines, 2)));
    // Another document's URI: its related places in this document are named by that URI.
    const other = toLspDiagnostics(before, lines, 'file:///other.md', 2, { findings: before, diagnostics: first });
    expect(JSON.stringify(other)).toBe(JSON.stringify(fresh(before, lines, 2, 'file:///other.md')));
  });

  it('reuses the related list of a finding handed back with the same array of places in last year’s report, and not one with a place here', () => {
    const a = '第一行法冶\n第二行法冶文字\n';
    const elsewhere = [
      { range: { start: 5, end: 9 }, message: '上年', filePath: '/last/year.md', start: { line: 3, column: 2 }, end: { line: 3, column: 6 } },
      { range: { start: 0, end: 3 }, message: '上年', filePath: '<previous>', start: { line: 1, column: 1 }, end: { line: 1, column: 4 } },
    ];
    const here = [{ range: { start: 0, end: 2 }, message: '本文' }, elsewhere[0]!];
    const before = [finding(a, 3, 5, { related: elsewhere }), finding(a, 9, 11, { related: here })];
    const lines = new LineMap(a);
    const first = toLspDiagnostics(before, lines, uri, 1);
    // A line added above both: the arrays are the same, the place in this document has moved.
    const b = `新行\n${a}`;
    const next = LineMap.edited(lines, b);
    const after = [finding(b, 6, 8, { related: elsewhere }), finding(b, 12, 14, { related: here })];
    const second = toLspDiagnostics(after, next, uri, 2, { findings: before, diagnostics: first });
    expect(JSON.stringify(second)).toBe(JSON.stringify(fresh(after, next, 2)));
    // An edit inside the first line: the first finding's related list is the last one's.
    const c = `${a.slice(0, 1)}字${a.slice(1)}`;
    const inLine = [finding(c, 4, 6, { related: elsewhere }), finding(c, 10, 12, { related: here.map((r) => r) })];
    const moved = LineMap.edited(lines, c);
    const third = toLspDiagnostics(inLine, moved, uri, 2, { findings: before, diagnostics: first });
    expect(JSON.stringify(third)).toBe(JSON.stringify(fresh(inLine, moved, 2)));
    expect(third[0]!.relatedInformation).not.toBe(first[0]!.relatedInformation);
    const same = [finding(a, 3, 5, { related: elsewhere }), before[1]!];
    const fourth = toLspDiagnostics(same, lines, uri, 2, { findings: before, diagnostics: first });
    expect(fourth[0]!.relatedInformation).toBe(first[0]!.relatedInformation);
    expect(JSON.stringify(fourth)).toBe(JSON.stringify(fresh(same, lines, 2)));
    // The same array with a place here, a line break typed before that place only: converted afresh.
    const later = [{ range: { start: 9, end: 11 }, message: '本文' }];
    const held = [finding(a, 3, 5, { related: later })];
    const heldFirst = toLspDiagnostics(held, lines, uri, 1);
    const d = `${a.slice(0, 7)}\n${a.slice(7)}`;
    const broken = LineMap.edited(lines, d);
    const fifth = toLspDiagnostics(held, broken, uri, 2, { findings: held, diagnostics: heldFirst });
    expect(JSON.stringify(fifth)).toBe(JSON.stringify(fresh(held, broken, 2)));
    expect(fifth[0]!.relatedInformation![0]!.location.range.start).toEqual({ line: 2, character: 1 });
  });

  it('finds the findings of the last conversion after one was added or removed, and equals a fresh conversion for any edit', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('字', '\n', 'a', '法冶'), { minLength: 1, maxLength: 30 }).map((p) => p.join('')),
        fc.array(fc.tuple(fc.nat(), fc.nat({ max: 4 }), fc.constantFrom('', '字', '\n', '\r\n')), { minLength: 1, maxLength: 4 }),
        fc.array(fc.tuple(fc.nat(), fc.nat({ max: 3 }), fc.boolean()), { maxLength: 8 }),
        (text, edits, places) => {
          const findingsOf = (t: string, salt: number) =>
            places
              .map(([at, length, related], i) => {
                const start = at % (t.length + 1);
                const end = Math.min(t.length, start + length);
                return finding(t, start, end, related ? { severity: (i + salt) % 3 === 0 ? 'error' : 'warn' } : { related: [] });
              })
              .sort((x, y) => x.range.start - y.range.start);
          let lines = new LineMap(text);
          let findings = findingsOf(text, 0);
          let diagnostics = toLspDiagnostics(findings, lines, uri, 1);
          let version = 1;
          for (const [at, remove, insert] of edits) {
            const t = lines.text;
            const start = at % (t.length + 1);
            const next = t.slice(0, start) + insert + t.slice(Math.min(t.length, start + remove));
            lines = LineMap.edited(lines, next);
            const nextFindings = findingsOf(next, ++version).filter((_, i) => (i + version) % 5 !== 0);
            diagnostics = toLspDiagnostics(nextFindings, lines, uri, version, { findings, diagnostics });
            expect(JSON.stringify(diagnostics)).toBe(JSON.stringify(fresh(nextFindings, lines, version)));
            findings = nextFindings;
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
