/**
 * The page's reading and checking, run in Node on the batch a reviewing office
 * receives (the browser tier runs the same code in Chromium).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkReport, issuerOf, type CheckedReport } from '../src/browser/check.js';
import { pageExtensions, readReportBytes } from '../src/browser/read.js';
import { writeBatch } from './support/batch.js';

const dir = mkdtempSync(join(tmpdir(), 'fzlint-web-check-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const batch = writeBatch(dir);
const settings = { locale: 'zh-CN' as const, rules: {} };

async function checked(file: string, s = settings): Promise<CheckedReport> {
  const { outcome } = await checkReport(file, new Uint8Array(readFileSync(join(dir, file))), s);
  if (!outcome.ok) throw new Error(outcome.message);
  return outcome;
}

describe('reading', () => {
  it('reads what the CLI reads, and PDF', () => {
    expect(pageExtensions()).toEqual(expect.arrayContaining(['.md', '.markdown', '.txt', '.docx', '.html', '.htm', '.pdf']));
  });

  it('says why a file gives no text: a scan, an old .doc, an empty file', async () => {
    const problem = async (name: string, bytes: Uint8Array) => {
      const r = await readReportBytes(name, bytes);
      return r.ok ? undefined : r.problem.id;
    };
    expect(await problem('扫描件.pdf', new Uint8Array(readFileSync(join(dir, '扫描件.pdf'))))).toBe('pdfScanned');
    expect(await problem('旧版文档.docx', new Uint8Array(readFileSync(join(dir, '旧版文档.docx'))))).toBe('notDocx');
    expect(await problem('空.md', new Uint8Array())).toBe('empty');
  });

  it('words a failure for the page in the settings’ language', async () => {
    const { outcome } = await checkReport('扫描件.pdf', new Uint8Array(readFileSync(join(dir, '扫描件.pdf'))), { locale: 'en', rules: {} });
    expect(outcome).toMatchObject({ ok: false, id: 'pdfScanned' });
    expect(outcome.ok ? '' : outcome.message).toContain('run OCR first');
  });
});

describe('checking the batch', () => {
  for (const report of batch.reports) {
    it(`${report.file}: report year ${report.year}, a ${report.rule} finding, a scorecard`, async () => {
      const r = await checked(report.file);
      expect(r.reportYear).toBe(report.year);
      expect(r.findings.map((f) => f.ruleId)).toContain(report.rule);
      expect(r.counts.error + r.counts.warn + r.counts.info).toBe(r.findings.length);
      expect(r.score.overall).toBeTypeOf('number');
      expect(r.deadline?.date).toBe(`${report.year + 1}-03-31`);
      // Every finding's range is inside the text, its position in the file's own units.
      for (const f of r.findings) {
        expect(f.start).toBeGreaterThanOrEqual(0);
        expect(f.end).toBeLessThanOrEqual(r.text.length);
        expect(f.line).toBeGreaterThanOrEqual(1);
      }
    });
  }

  it('reads GBK text and pages, and Word and PDF with paragraph positions', async () => {
    expect((await checked('宽城区2020年度报告.txt')).encoding).toBe('gbk');
    expect((await checked('开发区2021年度报告.md')).kind).toBe('markdown');
    expect((await checked('洪洞县2022年报告.docx')).kind).toBe('docx');
    const page = await checked('宜宾市2023年报告.html');
    expect(page.kind).toBe('html');
    expect(page.positionUnit).toBe('paragraph');
    expect(page.text).not.toContain('ICP备');
    expect((await checked('洪洞县2022年报告.docx')).positionUnit).toBe('paragraph');
  });

  it('tells a report dated before its year ended from one published late', async () => {
    // full/001 is signed 2021-12-06, inside the year it reports on.
    expect((await checked('开发区2021年度报告.md')).deadline).toEqual({ date: '2022-03-31', status: 'early' });
    expect((await checked('洪洞县2022年报告.docx')).deadline).toEqual({ date: '2023-03-31', status: 'met' });
  });

  it('finds the issuer in the title, the page metadata or the signature', async () => {
    expect((await checked('洪洞县2022年报告.docx')).issuer).toBe('洪洞县人民政府');
    expect((await checked('宽城区2020年度报告.txt')).issuer).toBe('区政府');
  });

  it('carries the catalogue source of a references finding', async () => {
    const r = await checked('洪洞县2022年报告.docx');
    const refs = r.findings.filter((f) => f.ruleId === 'references/outdated-term');
    expect(refs.map((f) => f.reference)).toContain('新型冠状病毒肺炎（新冠肺炎）');
    expect(refs.some((f) => (f.source ?? '').length > 0)).toBe(true);
  });

  it('hides a switched-off rule but still scores with it, and follows a report year override and English', async () => {
    const off = await checked('洪洞县2022年报告.docx', { locale: 'en', rules: { 'structure/shortcomings-without-causes': 'off' }, reportYear: 2022 } as never);
    expect(off.findings.map((f) => f.ruleId)).not.toContain('structure/shortcomings-without-causes');
    expect(off.score.criteria.causes.score).toBe(0);
    // English messages (they quote the report's Chinese words).
    expect(off.findings.every((f) => /\b[a-z]+\b.*\b[a-z]+\b.*\b[a-z]+\b/.test(f.message))).toBe(true);
  });

  it('gives the formatters the findings in the file’s own units', async () => {
    const { formattable } = await checkReport('宜宾市2023年报告.html', new Uint8Array(readFileSync(join(dir, '宜宾市2023年报告.html'))), settings);
    expect(formattable?.diagnostics.length).toBeGreaterThan(0);
    const outcome = (await checked('宜宾市2023年报告.html')).findings[0];
    expect(formattable?.diagnostics[0]?.start.line).toBe(outcome?.line);
  });
});

describe('issuerOf', () => {
  it('reads the body before 关于 or the year in a title', async () => {
    const { parse } = await import('@fzlint/parser');
    expect(issuerOf(parse('# 甲县人民政府关于2023年度法治政府建设情况的报告\n\n正文。\n', { filePath: 'a.md' }))).toBe('甲县人民政府');
    expect(issuerOf(parse('# 乙市司法局2023年法治政府建设年度报告\n\n正文。\n', { filePath: 'a.md' }))).toBe('乙市司法局');
  });
});
