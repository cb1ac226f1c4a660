/**
 * Line ends in plain text: `\n`, `\r\n` and a lone `\r` (a text saved with old Mac line ends)
 * each end a line, as they do for micromark, the language server and `createLineIndex`. A report
 * written with any of them, or a mix, reads as the same lines, paragraphs, sentences and
 * headings, with offsets into the text as written; in Markdown too.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isHardBreak, plainTextBlocks } from '../src/blocks.js';
import { parse, reparse, type ReportDocument } from '../src/index.js';

const PLAIN = { format: 'plaintext' } as const;
const CORPUS = join(dirname(fileURLToPath(import.meta.url)), '../../../fixtures/corpus/full');
const reports = readdirSync(CORPUS)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((f) => readFileSync(join(CORPUS, f), 'utf8').replace(/\r\n?/gu, '\n'));

/** The document's JSON with its line ends written as `\n` (a lone `\r` has the length of `\n`: offsets compare as they are). */
const asLf = (d: ReportDocument): string => JSON.stringify(d).replaceAll('\\r', '\\n');

/** What a reader sees of a document: its paragraphs, sentences and headings, line ends written as `\n`. */
function reading(d: ReportDocument): unknown {
  const lf = (s: string): string => s.replace(/\r\n?/gu, '\n');
  return {
    paragraphs: d.paragraphs.map((p) => lf(p.text)),
    sentences: d.sentences.map((s) => lf(s.text)),
    headings: d.headings.map((h) => [lf(h.text), h.level, h.origin]),
    numbers: d.numbers.map((n) => [lf(n.raw), n.kind, n.value]),
    title: d.title ? lf(d.title.text) : undefined,
    reportYear: d.reportYear?.value,
  };
}

/** Every range of the document's paragraphs, sentences and headings slices its own text out of the text. */
function expectRangesIntoText(d: ReportDocument): void {
  for (const p of d.paragraphs) expect(d.text.slice(p.range.start, p.range.end)).toBe(p.text);
  for (const s of d.sentences) expect(d.text.slice(s.range.start, s.range.end)).toBe(s.text);
  for (const h of d.headings) expect(d.text.slice(h.range.start, h.range.end)).toBe(h.text);
}

describe('plain text with lone CR line ends', () => {
  it('reads each corpus report as its \\n twin: the same document, offsets and all', () => {
    for (const lf of reports) {
      const cr = lf.replace(/\n/gu, '\r');
      const twin = parse(lf, PLAIN);
      const doc = parse(cr, PLAIN);
      expect(twin.paragraphs.length).toBeGreaterThan(1);
      expect(asLf(doc)).toBe(asLf(twin));
      expectRangesIntoText(doc);
    }
  });

  it('in Markdown too (micromark reads a lone \\r as a line end; the sentence split and the heading search now do)', () => {
    const dir = join(CORPUS, '../markdown');
    for (const f of readdirSync(dir).filter((x) => x.endsWith('.md'))) {
      const lf = readFileSync(join(dir, f), 'utf8').replace(/\r\n?/gu, '\n');
      const md = { format: 'markdown' } as const;
      expect(asLf(parse(lf.replace(/\n/gu, '\r'), md)), f).toBe(asLf(parse(lf, md)));
    }
  });

  it('maps offsets to the lines the text shows', () => {
    const text = '某县2023年法治政府建设情况报告\r一、主要工作\r全年共办理案件12件。\r\r二、存在的问题\r人员不足。';
    const doc = parse(text, PLAIN);
    expect(doc.headings.map((h) => h.text)).toEqual(['一、主要工作', '二、存在的问题']);
    const second = doc.headings[1]!;
    expect(doc.lineIndex.positionAt(second.range.start)).toEqual({ line: 5, column: 1 });
    const count = doc.numbers.find((n) => n.raw.startsWith('12'))!;
    expect(doc.lineIndex.positionAt(count.range.start)).toEqual({ line: 3, column: 8 });
    expect(doc.lineIndex.offsetAt({ line: 3, column: 8 })).toBe(count.range.start);
  });

  it('mixed line ends read as the \\n twin, whatever ends each line', () => {
    const line = fc.constantFrom(
      '某县2023年法治政府建设情况报告',
      '一、主要工作',
      '（一）加强组织领导。',
      '全年共办理行政复议案件12件，',
      '同比增长15%。',
      '学习《中华人民共和国行政处罚法》。',
      '二、存在的问题',
      '1.人员力量不足',
      '',
      '   ',
      '|',
      '中共某县委员会',
      '2024年1月15日',
    );
    const eol = fc.constantFrom('\n', '\r\n', '\r');
    fc.assert(
      fc.property(fc.array(fc.tuple(line, eol), { minLength: 1, maxLength: 16 }), (lines) => {
        const text = lines.map(([l, e]) => l + e).join('');
        // (A `\r` before a `\n` is one `\r\n`, whichever lines they end.)
        const twin = text.replace(/\r\n?/gu, '\n');
        const doc = parse(text, PLAIN);
        expect(reading(doc)).toEqual(reading(parse(twin, PLAIN)));
        expectRangesIntoText(doc);
        // The blocks end within their lines: no block holds a line end it does not join over.
        for (const b of plainTextBlocks(text)) if (b.kind === 'paragraph' && !b.soft) expect(text.slice(b.start, b.end)).not.toMatch(/[\r\n]/u);
      }),
      { numRuns: 1500 },
    );
  });

  it('the incremental parse re-reads lone-CR text as a full parse does', () => {
    const text = '一、主要工作\r全年共办理案件12件。\r\r二、存在的问题\r人员不足。\r';
    // A blank line is a hard break: the edit re-reads its side only.
    expect(isHardBreak(text, text.indexOf('二'))).toBe(true);
    const doc = parse(text, PLAIN);
    const at = text.indexOf('12');
    const next = reparse(doc, [{ range: { start: at, end: at + 2 }, text: '13' }]);
    const whole = parse(next.text, PLAIN);
    expect(JSON.stringify(next)).toBe(JSON.stringify(whole));
    expect(next.paragraphs.map((p) => p.text)).toEqual(['一、主要工作', '全年共办理案件13件。', '二、存在的问题', '人员不足。']);
  });
});
