/**
 * The page's reading and checking, run in Node on the batch a reviewing office
 * receives (the browser tier runs the same code in Chromium).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkRead, checkReport, issuerOf, type CheckedReport } from '../src/browser/check.js';
import { rechecks } from '../src/browser/pairing.js';
import { pageExtensions, readReportBytes } from '../src/browser/read.js';
import { PAIRED, writeBatch } from './support/batch.js';

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

describe('pairing the batch', () => {
  const all = async () => {
    const out = [];
    for (const file of batch.all) out.push({ file, checked: await checkReport(file, new Uint8Array(readFileSync(join(dir, file))), settings) });
    return out;
  };

  it('pairs the draft with its unit’s report of the year before, and nothing else', async () => {
    const checkedAll = await all();
    const entries = checkedAll.map((c, i) => ({ name: c.file, identity: c.checked.identity, version: i + 1 }));
    const todo = rechecks(entries, 'zh-CN');
    expect(todo).toEqual([
      { name: PAIRED.current, previous: { name: PAIRED.previous, version: batch.all.indexOf(PAIRED.previous) + 1, why: expect.stringMatching(/^发文单位相同：宽城区/) } },
    ]);
    // Checked against it: the copied passage and the restated figure, and the scorecard's continuity line.
    const draft = checkedAll.find((c) => c.file === PAIRED.current)!.checked;
    const last = checkedAll.find((c) => c.file === PAIRED.previous)!.checked;
    const again = checkRead(PAIRED.current, draft.read!, settings, { name: PAIRED.previous, read: last.read!, why: todo[0]!.previous!.why });
    if (!again.outcome.ok) throw new Error(again.outcome.message);
    const continuity = again.outcome.findings.filter((f) => f.ruleId.startsWith('continuity/'));
    expect(continuity.filter((f) => f.severity !== 'info').map((f) => `${f.ruleId} ${f.severity} ${f.line}`)).toEqual([
      'continuity/copied-passage warn 3',
      'continuity/restated-figure error 4',
    ]);
    expect(again.outcome.previous).toEqual({ name: PAIRED.previous, why: todo[0]!.previous!.why });
    expect(again.outcome.score.continuity).toMatchObject({ previous: PAIRED.previous, copiedPassages: 1, restatedFigures: 1 });
    // Related places name last year's file, for the JSON and SARIF exports.
    const related = again.formattable?.diagnostics.find((d) => d.ruleId === 'continuity/copied-passage')?.related?.[0];
    expect(related?.filePath).toBe(PAIRED.previous);
    // Checked alone, it has neither.
    if (!draft.outcome.ok) throw new Error('draft');
    expect(draft.outcome.previous).toBeUndefined();
    expect(draft.outcome.score.continuity).toBeUndefined();
  });

  it('checks a report again when its previous report changes or goes, and not otherwise', () => {
    const id = (issuer: string, year: number) => ({ issuer: { raw: issuer, key: issuer, source: 'title' as const }, year: { value: year, source: 'title' as const } });
    const base = [
      { name: 'a2020.md', identity: id('甲县', 2020), version: 1 },
      { name: 'a2021.md', identity: id('甲县', 2021), version: 2, comparedWith: { name: 'a2020.md', version: 1 } },
      { name: 'b2021.md', identity: id('乙县', 2021), version: 3, comparedWith: { name: 'gone.md', version: 9 } },
    ];
    expect(rechecks(base, 'en')).toEqual([{ name: 'b2021.md' }]);
    const changed = [{ ...base[0]!, version: 4 }, base[1]!];
    expect(rechecks(changed, 'en').map((r) => [r.name, r.previous?.version])).toEqual([['a2021.md', 4]]);
  });
});

describe('issuerOf', () => {
  it('reads the body before 关于 or the year in a title', async () => {
    const { parse } = await import('@fzlint/parser');
    expect(issuerOf(parse('# 甲县人民政府关于2023年度法治政府建设情况的报告\n\n正文。\n', { filePath: 'a.md' }))).toBe('甲县人民政府');
    expect(issuerOf(parse('# 乙市司法局2023年法治政府建设年度报告\n\n正文。\n', { filePath: 'a.md' }))).toBe('乙市司法局');
  });
});
