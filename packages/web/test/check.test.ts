/**
 * The page's reading and checking, run in Node on the batch a reviewing office
 * receives (the browser tier runs the same code in Chromium).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkReport, issuerOf, type CheckedReport } from '../src/browser/check.js';
import { decodeText, readReportBytes, reportKind } from '../src/browser/read.js';
import { writeBatch } from './support/batch.js';

const dir = mkdtempSync(join(tmpdir(), 'fzlint-web-check-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const batch = writeBatch(dir);
const settings = { locale: 'zh-CN' as const, rules: {} };

async function checked(file: string, s = settings): Promise<CheckedReport> {
  const { outcome } = await checkReport(file, new Uint8Array(readFileSync(join(dir, file))), s);
  if (!outcome.ok) throw new Error(`${file}: ${outcome.reason} ${outcome.detail ?? ''}`);
  return outcome;
}

describe('reading', () => {
  it('knows report files by their extension', () => {
    expect(['a.md', 'a.markdown', 'a.txt', 'a.docx', 'a.HTML', 'a.htm', 'a.pdf'].map(reportKind)).toEqual(['markdown', 'markdown', 'text', 'docx', 'html', 'html', 'pdf']);
    expect(reportKind('a.doc')).toBeUndefined();
    expect(reportKind('a.png')).toBeUndefined();
  });

  it('decodes UTF-8, UTF-16 with a BOM and GBK, and refuses binary', () => {
    expect(decodeText(new TextEncoder().encode('报告'))).toEqual({ ok: true, text: '报告', encoding: 'utf-8' });
    expect(decodeText(new Uint8Array([0xff, 0xfe, ...Buffer.from('报告', 'utf16le')]))).toEqual({ ok: true, text: '报告', encoding: 'utf-16le' });
    expect(decodeText(new Uint8Array([0xb1, 0xa8, 0xb8, 0xe6]))).toEqual({ ok: true, text: '报告', encoding: 'gbk' });
    expect(decodeText(new Uint8Array([0x41, 0, 0x42]))).toEqual({ ok: false, reason: 'binary' });
  });

  it('says why a file gives no text: a scan, an old .doc, an empty file, another format', async () => {
    expect(await readReportBytes('扫描件.pdf', new Uint8Array(readFileSync(join(dir, '扫描件.pdf'))))).toMatchObject({ ok: false, reason: 'scanned' });
    expect(await readReportBytes('旧版文档.docx', new Uint8Array(readFileSync(join(dir, '旧版文档.docx'))))).toMatchObject({ ok: false, reason: 'not-docx' });
    expect(await readReportBytes('空.md', new Uint8Array())).toEqual({ ok: false, reason: 'empty' });
    expect(await readReportBytes('图.png', new Uint8Array([1]))).toEqual({ ok: false, reason: 'unsupported' });
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
    const page = await checked('宜宾市2023年报告.html');
    expect(page.encoding).toBe('gbk');
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
