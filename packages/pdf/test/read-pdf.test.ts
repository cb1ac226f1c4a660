/**
 * `readPdf` on real PDFs: corpus reports laid out as official documents and
 * printed by Debian's Chromium in the set-up of this test (with Chromium's own
 * running header — date and title — and footer — file URL and page x/y), a
 * PDF without a text layer, and bytes that are no PDF. The printing needs
 * Chromium (scripts/e2e/setup.sh installs it; CI always has it): without it,
 * those cases are skipped with a message, the rest still run.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readPdf, type SourceBlock } from '../src/index.js';
import { scannedPdf } from './support/pdfs.js';
import { canPrint, CHROMIUM, printPdf, reportHtml } from './support/print.js';

const corpus = new URL('../../../fixtures/corpus/', import.meta.url);
const dir = mkdtempSync(join(tmpdir(), 'fzlint-pdf-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function texts(blocks: readonly SourceBlock[]): string[] {
  return blocks.map((b) => (b.kind === 'meta' ? `${b.key}: ${b.value}` : b.text));
}

describe('readPdf: outcomes without a text layer', () => {
  it('says a PDF without text is a scan', async () => {
    const r = await readPdf(scannedPdf());
    expect(r).toMatchObject({ ok: false, reason: 'no-text', pages: 1 });
  });

  it('says bytes that are no PDF are not a PDF', async () => {
    const r = await readPdf(new TextEncoder().encode('# 报告\n\n这不是 PDF。'));
    expect(r).toMatchObject({ ok: false, reason: 'not-pdf' });
  });
});

const printing = canPrint();
if (!printing) console.warn(`[pdf] ${CHROMIUM} not found: the Chromium-printed PDF cases are skipped (run scripts/e2e/setup.sh).`);

describe.skipIf(!printing)('readPdf: corpus reports printed by Chromium', () => {
  const LONG_HEADING = '（二）坚持以人民为中心的发展思想，深入推进严格规范公正文明执法，全面提升行政执法质量和效能';
  let blocks: SourceBlock[] = [];
  let pages = 0;

  beforeAll(async () => {
    // A real report (full/003, a county report with 一、（一） headings) with one long heading added.
    const report = readFileSync(new URL('markdown/003_5b463c698add1c1a.md', corpus), 'utf8');
    const at = report.indexOf('\n## ', report.indexOf('\n## ') + 1);
    const text = `${report.slice(0, at)}\n\n### ${LONG_HEADING}\n\n全年共办理行政执法案件1,436件。${report.slice(at)}`;
    const out = join(dir, 'report.pdf');
    // Justified, as Word and WPS set official documents.
    printPdf(reportHtml(text, '2022年度法治政府建设情况报告', { justify: true }), out);
    const r = await readPdf(new Uint8Array(readFileSync(out)));
    if (!r.ok) throw new Error(`no text: ${r.reason} ${r.detail}`);
    blocks = r.blocks;
    pages = r.pages;
  });

  it('reads several pages', () => {
    expect(pages).toBeGreaterThan(2);
  });

  it('drops Chromium’s running header and footer (date, title, file URL, page x/y)', () => {
    const all = texts(blocks).join('\n');
    expect(all).not.toMatch(/file:\/\//);
    expect(all).not.toMatch(/\b\d+\/\d+\b/);
    expect(all).not.toMatch(/\d{1,2}\/\d{1,2}\/\d{2}, \d{1,2}:\d{2}/);
  });

  it('rebuilds the headings with their numbering levels, a two-line heading joined', () => {
    const headings = blocks.filter((b): b is Extract<SourceBlock, { kind: 'heading' }> => b.kind === 'heading');
    expect(headings.some((h) => h.level === 1 && h.text.startsWith('一、'))).toBe(true);
    expect(headings.some((h) => h.level === 2 && /^[（(]一[）)]/.test(h.text))).toBe(true);
    expect(headings).toContainEqual({ kind: 'heading', level: 2, text: LONG_HEADING });
  });

  it('rebuilds whole paragraphs, also across page breaks', () => {
    const source = readFileSync(new URL('markdown/003_5b463c698add1c1a.md', corpus), 'utf8');
    const paragraphs = source.split('\n').filter((l) => l.length > 150 && !l.startsWith('#'));
    const got = new Set(texts(blocks));
    const found = paragraphs.filter((p) => got.has(p.trim()));
    // Every long paragraph of the source comes back whole, as one block.
    expect(found.length).toBe(paragraphs.length);
    expect(paragraphs.length).toBeGreaterThan(5);
  });
});
