/** `pdfReader` plugged into `@fzlint/input`'s reader dispatch. */
import { DEFAULT_READERS, inputMessage, readReport } from '@fzlint/input';
import { describe, expect, it } from 'vitest';
import { pdfReader } from '../src/index.js';
import { reportPdf, scannedPdf } from './support/pdfs.js';

const readers = [...DEFAULT_READERS, pdfReader()];

describe('pdfReader', () => {
  it('reads a text PDF into Markdown with a paragraph map', async () => {
    const r = await readReport(
      reportPdf('甲县人民政府关于2023年度法治政府建设情况的报告', [
        { text: '一、主要举措和成效', heading: 1 },
        { text: '全年共收到行政复议申请106件，审结101件，依法纠错16件，纠错率15.8%。' },
      ]),
      { name: '甲县.pdf', readers },
    );
    expect(r).toMatchObject({ ok: true, format: 'markdown', sourceMap: { kind: 'pdf' } });
    expect(r.ok && r.text).toBe(
      '# 甲县人民政府关于2023年度法治政府建设情况的报告\n\n## 一、主要举措和成效\n\n全年共收到行政复议申请106件，审结101件，依法纠错16件，纠错率15.8%。\n',
    );
  });

  it('says a scan needs OCR, in both languages', async () => {
    const r = await readReport(scannedPdf(), { name: '扫描件.pdf', readers });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(inputMessage(r.problem)).toContain('扫描件.pdf：是扫描件');
    expect(inputMessage(r.problem, 'en')).toContain('run OCR first');
  });

  it('names bytes that are no PDF', async () => {
    const r = await readReport(new TextEncoder().encode('not a pdf'), { name: 'a.pdf', readers });
    expect(r.ok ? undefined : r.problem.id).toBe('notPdf');
  });
});
