import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse, type ReportDocument } from '../src/index.js';

const corpus = join(dirname(fileURLToPath(import.meta.url)), '../../../fixtures/corpus');
const read = (p: string): string => readFileSync(join(corpus, p), 'utf8');

const outline = (d: ReportDocument): unknown => d.sections.map((s) => [s.heading.text, s.concept, s.children.length]);

describe('robustness', () => {
  it('parses empty and blank text', () => {
    for (const t of ['', '\n\n', '   ', '\u3000']) {
      const doc = parse(t);
      expect(doc.headings).toEqual([]);
      expect(doc.sentences).toEqual([]);
      // No year and no date: the writing date is unknown, never the machine's clock.
      expect(doc.writingDate).toBeUndefined();
      expect(doc.bodyRange.end).toBeLessThanOrEqual(t.length);
      const md = parse(t, { format: 'markdown' });
      expect(md.headings).toEqual([]);
    }
    const comment = parse('<!-- -->', { format: 'markdown' });
    expect(comment.sentences).toEqual([]);
    expect(comment.comments.map((c) => c.value)).toEqual(['']);
  });

  it('reads CRLF text like LF text', () => {
    const lf = read('full/003_5b463c698add1c1a.txt');
    const crlf = lf.replace(/\n/g, '\r\n');
    const a = parse(lf);
    const b = parse(crlf);
    expect(outline(b)).toEqual(outline(a));
    expect(b.reportYear?.value).toBe(a.reportYear?.value);
    expect(b.writingDate?.value).toEqual(a.writingDate?.value);
    expect(b.numbers.length).toBe(a.numbers.length);
    for (const h of b.headings) expect(h.text).not.toMatch(/\r/);
  });

  it('keeps ranges valid on arbitrary cuts of the corpus', () => {
    const text = read('full/000_db52c8fa8bf2b1ef.txt') + read('full/003_5b463c698add1c1a.txt');
    // Deterministic cut points, so a failure can be reproduced.
    for (let i = 1; i < 40; i++) {
      const a = (i * 7919) % text.length;
      const b = Math.min(text.length, a + ((i * 104729) % 3000));
      const piece = text.slice(a, b);
      for (const format of ['plaintext', 'markdown'] as const) {
        const doc = parse(piece, { format });
        for (const n of [...doc.headings, ...doc.sentences, ...doc.numbers, ...doc.references]) {
          expect(n.range.start).toBeGreaterThanOrEqual(0);
          expect(n.range.end).toBeLessThanOrEqual(piece.length);
          expect(n.range.start).toBeLessThanOrEqual(n.range.end);
        }
      }
    }
  });

  it('parses a plain-text file of 200,000 lines, a paragraph each (no call given more arguments than it takes)', () => {
    const line = '法治政府建设取得成效。';
    const doc = parse(`${line}\n`.repeat(200_000), { format: 'plaintext' });
    expect(doc.paragraphs.length).toBe(200_000);
    expect(doc.sentences.length).toBe(200_000);
    expect(doc.sentences[199_999]!.text).toBe(line);
  }, 120_000);
});
