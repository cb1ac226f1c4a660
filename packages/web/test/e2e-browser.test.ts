/**
 * The workbench in a real browser: Debian's headless Chromium driven by
 * playwright-core (no browser download), the page opened from file:// as an
 * office would open it, every request that is not a file:// one aborted and
 * counted (there must be none). A batch of corpus reports as .md, GBK .txt,
 * .docx, GBK .html and a Chromium-printed .pdf goes in through the file
 * input, with a scan and a broken .docx that must each get one line while the
 * others go on. Asserted: the overview rows, a known finding in each report's
 * view, keyboard navigation, the CSV and Excel exports (read back with
 * exceljs), SARIF, the English switch, the settings, and the `--open` server.
 * The run writes the README's screenshots to docs/images/ and measures the
 * page's size and first paint (printed).
 *
 * Runs in CI (CI=true) and with FZLINT_E2E=1, like the other real-client tiers;
 * needs scripts/e2e/setup.sh (Chromium, the CJK font).
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, serveWorkbench } from '../dist/index.js';
import { PAIRED, writeBatch, type BatchReport } from './support/batch.js';

const CHROMIUM = process.env['CHROMIUM'] ?? '/usr/bin/chromium';
const realClients = process.env['CI'] === 'true' || process.env['FZLINT_E2E'] === '1';
const repo = resolve(fileURLToPath(new URL('../../..', import.meta.url)));
const IMAGES = join(repo, 'docs', 'images');

if (!realClients) {
  console.warn('[web] browser tier skipped: it runs with CI=true or FZLINT_E2E=1 (needs scripts/e2e/setup.sh for Chromium and the CJK font).');
}

describe.skipIf(!realClients)('the workbench in headless Chromium, opened from file://', () => {
  const dir = mkdtempSync(join(tmpdir(), 'fzlint-web-e2e-'));
  let browser: Browser;
  let page: Page;
  let site: string;
  let reports: BatchReport[] = [];
  let failing: string[] = [];
  let inputs: string[] = [];
  const blocked: string[] = [];

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} not found: run scripts/e2e/setup.sh (Debian chromium and fonts-wqy-zenhei), then re-run the tests.`);
    const batch = writeBatch(join(dir, 'reports'), { pdf: true });
    reports = batch.reports;
    failing = batch.failing;
    inputs = batch.all.map((f) => join(dir, 'reports', f));
    site = join(dir, 'site');
    await buildSite(site);
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--lang=zh-CN'],
    });
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, acceptDownloads: true, locale: 'zh-CN' });
    // Every request that is not a file of the site is aborted and counted.
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith('file:')) return route.continue();
      blocked.push(url);
      return route.abort();
    });
    page = await context.newPage();
    page.on('pageerror', (e) => console.log('[page error]', e.message));
    await page.goto(`file://${join(site, 'index.html')}`);
  });

  afterAll(async () => {
    await browser?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** Waits until the worker has finished the batch and every file has a row or a problem line. */
  async function settled(count: number): Promise<void> {
    await page.waitForFunction(
      (n) => document.body.dataset['state'] === 'idle' && document.querySelectorAll('#overview tbody tr').length + document.querySelectorAll('#problems li').length >= n,
      count,
      { timeout: 120_000 },
    );
  }

  it('measures the page: size and first paint', async () => {
    const size = statSync(join(site, 'index.html')).size + statSync(join(site, 'app.js')).size + statSync(join(site, 'app.css')).size;
    const paint = await page.evaluate(() => {
      const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null;
      const fp = performance.getEntriesByName('first-paint')[0]?.startTime ?? null;
      const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
      return { fp, fcp, domContentLoaded: nav?.domContentLoadedEventEnd ?? null, load: nav?.loadEventEnd ?? null };
    });
    console.log(`[web] page size ${(size / 1024).toFixed(0)} KB (index.html + app.js + app.css); first paint ${paint.fp?.toFixed(0)} ms, first contentful paint ${paint.fcp?.toFixed(0)} ms, DOMContentLoaded ${paint.domContentLoaded?.toFixed(0)} ms, load ${paint.load?.toFixed(0)} ms`);
    expect(paint.fcp).not.toBeNull();
    await expect.poll(() => page.locator('h1').innerText()).toBe('fzlint 法治政府建设年度报告审查台');
  });

  it('checks the batch given to the file input: one row per report, one line per bad file', async () => {
    await page.setInputFiles('#files', inputs);
    await settled(inputs.length);
    const rows = await page.locator('#overview tbody tr').evaluateAll((trs) =>
      trs.map((tr) => [...tr.children].map((c) => (c as HTMLElement).innerText.trim())),
    );
    expect(rows.map((r) => r[0]).sort()).toEqual(reports.map((r) => r.file).sort());
    for (const report of reports) {
      const row = rows.find((r) => r[0] === report.file) as string[];
      // year, then the scorecard's total and the deadline.
      expect(row[3]).toBe(String(report.year));
      expect(row[11]).toMatch(/^\d+$/);
      expect(row[15]).toContain(`${report.year + 1}-03-31`);
    }
    const docx = rows.find((r) => r[0] === '洪洞县2022年报告.docx') as string[];
    expect(docx.slice(1, 3)).toEqual(['洪洞县人民政府', '洪洞县2022年法治政府建设工作情况报告']);
    const problems = await page.locator('#problems li').allInnerTexts();
    expect(problems).toHaveLength(failing.length);
    expect(problems.find((p) => p.startsWith('扫描件.pdf'))).toContain('是扫描件');
    expect(problems.find((p) => p.startsWith('旧版文档.docx'))).toContain('.docx');
    await expect.poll(() => page.locator('#status').innerText()).toBe(`已检查 ${inputs.length} 份报告`);
    mkdirSync(IMAGES, { recursive: true });
    await page.screenshot({ path: join(IMAGES, 'web-overview.png') });
  });

  it('pairs the reports of one unit and shows the pair; the draft is compared with last year’s report', async () => {
    const previous = await page.locator('#overview tbody tr').evaluateAll((trs) =>
      trs.map((tr) => [tr.getAttribute('data-file'), (tr.lastElementChild as HTMLElement).innerText.trim(), (tr.lastElementChild as HTMLElement).title]),
    );
    const paired = previous.filter((p) => p[1] !== '' && p[1] !== '—');
    expect(paired.map((p) => [p[0], p[1]])).toEqual([[PAIRED.current, PAIRED.previous]]);
    expect(paired[0]![2]).toMatch(/^发文单位相同：宽城区/);
    await page.locator(`#overview tbody tr[data-file="${PAIRED.current}"] a`).click();
    await page.locator('#view-report').waitFor({ state: 'visible' });
    const copied = page.locator('#findings li[data-rule="continuity/copied-passage"]');
    await expect.poll(() => copied.count()).toBe(1);
    expect(await copied.locator('.message').innerText()).toContain('上年度报告');
    await expect.poll(() => page.locator('#findings li[data-rule="continuity/restated-figure"]').count()).toBe(1);
    await expect.poll(() => page.locator('#scorecard #continuity').innerText()).toMatch(/^延续性 \d+$/);
    await page.keyboard.press('Escape');
    await page.locator('#view-overview').waitFor({ state: 'visible' });
  });

  it('draws the charts of the batch', async () => {
    await page.locator('#tab-charts').click();
    await page.locator('#view-charts').waitFor({ state: 'visible' });
    const labels = await page.locator('#view-charts canvas').evaluateAll((cs) => cs.map((c) => c.getAttribute('aria-label') ?? ''));
    expect(labels).toHaveLength(4);
    // The score distribution counts every report; the rules chart names the rules found.
    const counts = [...(labels[0] ?? '').matchAll(/ (\d+)(?:;|$)/g)].map((m) => Number(m[1]));
    expect(counts.reduce((a, b) => a + b, 0)).toBe(reports.length);
    expect(labels[2]).toContain('style/domain-typo');
    expect(labels[3]).toContain('新型冠状病毒肺炎');
    await page.screenshot({ path: join(IMAGES, 'web-charts.png') });
    await page.locator('#tab-overview').click();
  });

  it('sorts and filters the overview', async () => {
    await page.locator('th[data-col="total"] button').click();
    const totals = (await page.locator('#overview tbody tr td:nth-child(12)').allInnerTexts()).map(Number);
    expect(totals).toEqual([...totals].sort((a, b) => b - a));
    await page.fill('#filter', '洪洞');
    await expect.poll(() => page.locator('#overview tbody tr').count()).toBe(1);
    await page.fill('#filter', '');
    await expect.poll(() => page.locator('#overview tbody tr').count()).toBe(reports.length);
  });

  it('shows each report with a known finding in place, and moves between findings with the keyboard', async () => {
    for (const report of reports) {
      await page.locator(`#overview tbody tr[data-file="${report.file}"] a`).click();
      await page.locator('#view-report').waitFor({ state: 'visible' });
      await expect.poll(() => page.locator('#report-name').innerText()).toContain(report.file);
      const item = page.locator(`#findings li[data-rule="${report.rule}"]`).first();
      await item.waitFor({ state: 'visible' });
      const index = await item.locator('button').getAttribute('data-index');
      // The finding is highlighted in the text.
      expect(await page.locator(`#report-text mark[data-finding~="${index}"]`).count()).toBeGreaterThan(0);
      await page.keyboard.press('Escape');
      await page.locator('#view-overview').waitFor({ state: 'visible' });
    }
    const docx = reports.find((r) => r.file.endsWith('.docx')) as BatchReport;
    await page.locator(`#overview tbody tr[data-file="${docx.file}"] a`).click();
    await page.keyboard.press('j');
    await page.keyboard.press('j');
    await expect.poll(() => page.locator('#findings li.active button').getAttribute('data-index')).toBe('1');
    await expect.poll(() => page.locator('#report-text mark.active').first().getAttribute('data-finding')).toMatch(/(?:^| )1(?: |$)/);
    await page.keyboard.press('k');
    await expect.poll(() => page.locator('#findings li.active button').getAttribute('data-index')).toBe('0');
    // The catalogue source of an outdated reference is shown with it.
    await expect.poll(() => page.locator('#findings li[data-rule="references/outdated-term"] .source').first().innerText()).toContain('目录依据');
    await page.screenshot({ path: join(IMAGES, 'web-report.png') });
    await page.locator('#copy').click();
    const letter = await page.locator('#copied-text').inputValue();
    expect(letter).toMatch(/^关于《洪洞县2022年法治政府建设工作情况报告》的审查意见/);
    expect(letter).toContain('第 ');
    await page.keyboard.press('Escape');
  });

  it('exports the overview and every finding as CSV and Excel, and SARIF', async () => {
    const save = async (what: string): Promise<string> => {
      const [download] = await Promise.all([page.waitForEvent('download'), page.locator(`[data-export="${what}"]`).click()]);
      const to = join(dir, download.suggestedFilename());
      await download.saveAs(to);
      return to;
    };
    const overview = readFileSync(await save('overview-csv'), 'utf8');
    expect(overview.charCodeAt(0)).toBe(0xfeff);
    const lines = overview.slice(1).trim().split('\r\n');
    expect(lines[0]).toBe('文件,单位,标题,年度,成文日期,发布日期,内容完整,原因分析,数据运用,安排具体,公开及时,总分,错误,警告,提示,公开期限,上年度报告');
    expect(lines).toHaveLength(reports.length + 1);
    const shown = await page.evaluate(() => [...document.querySelectorAll('#overview tbody tr')].length);
    expect(shown).toBe(reports.length);

    const findingsCsv = readFileSync(await save('findings-csv'), 'utf8').slice(1).trim().split('\r\n');
    expect(findingsCsv[0]).toBe('文件,行/段,规则,级别,说明,目录依据');
    expect(findingsCsv.some((l) => l.startsWith('开发区2021年度报告.md,') && l.includes(',style/domain-typo,'))).toBe(true);

    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(await save('xlsx'));
    expect(book.worksheets.map((w) => w.name)).toEqual(['总览', '问题']);
    const sheet = book.getWorksheet('总览') as ExcelJS.Worksheet;
    expect(sheet.rowCount).toBe(reports.length + 1);
    const names = sheet.getColumn(1).values.slice(2).map(String).sort();
    expect(names).toEqual(reports.map((r) => r.file).sort());
    const findings = book.getWorksheet('问题') as ExcelJS.Worksheet;
    expect(findings.rowCount).toBe(findingsCsv.length);
    const typo = findings.getRows(2, findings.rowCount - 1)?.find((r) => r.getCell(3).value === 'style/domain-typo' && r.getCell(1).value === '开发区2021年度报告.md');
    expect(typo?.getCell(2).value).toBeTypeOf('number');
    expect(String(typo?.getCell(5).value)).toContain('法冶');

    const sarif = JSON.parse(readFileSync(await save('sarif'), 'utf8')) as { runs: { results: unknown[] }[] };
    expect(sarif.runs[0]?.results).toHaveLength(findingsCsv.length - 1);
  });

  it('switches to English, and keeps the language in the page’s settings', async () => {
    await page.locator('#lang').click();
    await page.waitForFunction(() => document.documentElement.lang === 'en' && document.body.dataset['state'] === 'idle');
    await expect.poll(() => page.locator('th[data-col="file"] button').innerText()).toBe('File');
    await expect.poll(() => page.locator('#tab-overview').innerText()).toBe('Overview');
    await page.locator('#overview tbody tr[data-file="开发区2021年度报告.md"] a').click();
    await expect.poll(() => page.locator('#findings li[data-rule="style/domain-typo"] .message').first().innerText()).toContain('法冶');
    await expect.poll(() => page.locator('#findings li[data-rule="style/domain-typo"] .badge').first().innerText()).toMatch(/error|warning|info/);
    const saved = await page.evaluate(() => localStorage.getItem('fzlint.web.settings'));
    expect(JSON.parse(saved ?? '{}')).toMatchObject({ locale: 'en' });
    await page.keyboard.press('Escape');
  });

  it('switches a rule off in the settings, re-checks, and exports the settings as fzlint.config.json', async () => {
    await page.locator('#open-settings').click();
    await page.locator('#rule-list input[value="style/domain-typo"]').uncheck();
    await page.locator('#settings-save').click();
    await page.waitForFunction(() => document.body.dataset['state'] === 'idle');
    await page.locator('#overview tbody tr[data-file="开发区2021年度报告.md"] a').click();
    await expect.poll(() => page.locator('#findings li[data-rule="style/domain-typo"]').count()).toBe(0);
    await page.keyboard.press('Escape');
    await page.locator('#open-settings').click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#export-config').click()]);
    expect(download.suggestedFilename()).toBe('fzlint.config.json');
    const to = join(dir, 'fzlint.config.json');
    await download.saveAs(to);
    expect(JSON.parse(readFileSync(to, 'utf8'))).toEqual({ locale: 'en', rules: { 'style/domain-typo': 'off' } });
    await page.locator('#settings-cancel').click();
  });

  it('made no request other than the site’s own files', () => {
    expect(blocked).toEqual([]);
  });

  it('reads a folder picked with the folder picker, skipping what is not a report', async () => {
    const folder = join(dir, '2024年报送');
    mkdirSync(join(folder, '县直部门'), { recursive: true });
    writeFileSync(join(folder, '县直部门', '司法局.md'), readFileSync(join(dir, 'reports', '开发区2021年度报告.md')));
    writeFileSync(join(folder, '封面.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
    const p = await browser.newPage();
    await p.goto(`file://${join(site, 'index.html')}`);
    await p.setInputFiles('#folder', folder);
    await p.waitForFunction(() => document.querySelectorAll('#overview tbody tr').length === 1 && document.body.dataset['state'] === 'idle', null, { timeout: 60_000 });
    expect(await p.locator('#overview tbody tr th').innerText()).toBe('2024年报送/县直部门/司法局.md');
    expect(await p.locator('#status').innerText()).toContain('1 个文件不是报告格式，已跳过');
    await p.close();
  });

  it('works as one self-contained file too', async () => {
    const single = join(dir, 'single');
    await buildSite(single, { singleFile: true });
    const p = await browser.newPage();
    const requests: string[] = [];
    p.on('request', (r) => {
      if (!r.url().startsWith('file:') && !r.url().startsWith('blob:') && !r.url().startsWith('data:')) requests.push(r.url());
    });
    await p.goto(`file://${join(single, 'index.html')}`);
    await p.setInputFiles('#files', [join(dir, 'reports', '洪洞县2022年报告.docx')]);
    await p.waitForFunction(() => document.querySelectorAll('#overview tbody tr').length === 1 && document.body.dataset['state'] === 'idle', null, { timeout: 60_000 });
    expect(await p.locator('#overview tbody tr td').nth(0).innerText()).toBe('洪洞县人民政府');
    expect(requests).toEqual([]);
    await p.close();
  });

  it('serves the page with reports preloaded (fzlint web --open)', async () => {
    const server = await serveWorkbench({ reports: reports.slice(0, 2).map((r) => ({ name: r.file, path: join(dir, 'reports', r.file) })) });
    try {
      const p = await browser.newPage();
      await p.goto(server.url);
      await p.waitForFunction(() => document.querySelectorAll('#overview tbody tr').length === 2 && document.body.dataset['state'] === 'idle', null, { timeout: 60_000 });
      expect((await p.locator('#overview tbody tr th').allInnerTexts()).sort()).toEqual(reports.slice(0, 2).map((r) => r.file).sort());
      await p.close();
    } finally {
      await server.close();
    }
  });
});
