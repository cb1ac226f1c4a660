/**
 * The workbench's lists at a size no call's arguments can hold: N reports in the overview,
 * N files that failed in the problems list, and one report with N findings in its view. A
 * list spread into one call's arguments (`replaceChildren(...rows)`) throws `RangeError:
 * Maximum call stack size exceeded` past ~125,000 elements in Chromium (as in Node), and the
 * page stopped rendering.
 *
 * Checking that many files in the page's worker would take minutes, so the worker is
 * replaced (before the page's script runs) by one that answers a check with those outcomes,
 * made from a real report checked here by the page's own code: the page's rendering is what
 * is tested. Runs with the browser tier (CI=true or FZLINT_E2E=1; scripts/e2e/setup.sh).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { buildSite } from '../dist/index.js';
import { checkReport, type CheckedReport, type CheckOutcome } from '../src/browser/check.js';

const CHROMIUM = process.env['CHROMIUM'] ?? '/usr/bin/chromium';
const realClients = process.env['CI'] === 'true' || process.env['FZLINT_E2E'] === '1';
// V8's stack at 80 KB instead of its default 984, so that the limit on a call's arguments, which
// the stack sets (~125,000 by default), is 8,000-9,000 (probed): the same failure with lists the
// page renders in seconds (150,000 rows of the overview's 17-column table took minutes). At 50 KB
// playwright's own setInputFiles overflowed.
const STACK_KB = 80;
const N = 14_000;

/** Installed in the page before its script: a Worker that answers `check` with the batch built from `base`. */
function fakeWorker({ base, n }: { base: CheckedReport; n: number }): void {
  // The page's uncaught errors, so that a failed render ends the wait at once.
  const errors: string[] = [];
  (window as unknown as { pageErrors: string[] }).pageErrors = errors;
  window.addEventListener('error', (e) => errors.push(e.message));
  class FakeWorker {
    onmessage: ((event: { data: unknown }) => void) | null = null;
    onerror: ((event: unknown) => void) | null = null;
    constructor() {
      setTimeout(() => this.emit({ type: 'rules', rules: [], extensions: ['.md'] }));
    }
    emit(data: unknown): void {
      this.onmessage?.({ data });
    }
    postMessage(message: { type: string }): void {
      if (message.type !== 'check') return;
      setTimeout(() => {
        const outcomes: CheckOutcome[] = [];
        for (let i = 0; i < n; i++) outcomes.push({ ...base, name: `报告${String(i).padStart(6, '0')}.md` });
        for (let i = 0; i < n; i++) outcomes.push({ ok: false, name: `旧版${i}.docx`, id: 'notDocx', message: `旧版${i}.docx：不是 .docx 文件` });
        // One report with a finding at every other character of its text.
        const finding = base.findings[0]!;
        const findings = Array.from({ length: n }, (_, i) => ({ ...finding, start: 2 * i, end: 2 * i + 1, line: 1, column: 2 * i + 1 }));
        outcomes.push({ ...base, name: '多.md', text: '甲乙'.repeat(n), findings, counts: { error: 0, warn: n, info: 0 } });
        for (const outcome of outcomes) this.emit({ type: 'result', outcome });
        this.emit({ type: 'idle' });
      });
    }
    terminate(): void {}
    addEventListener(): void {}
  }
  (window as unknown as { Worker: unknown }).Worker = FakeWorker;
}

describe.skipIf(!realClients)(`the workbench's lists with ${N.toLocaleString('en')} entries, in headless Chromium`, () => {
  const dir = mkdtempSync(join(tmpdir(), 'fzlint-web-large-'));
  let browser: Browser | undefined;
  afterAll(async () => {
    await browser?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('renders every row, problem line and finding', async () => {
    const text = readFileSync(new URL('../../../fixtures/corpus/full/000_db52c8fa8bf2b1ef.txt', import.meta.url));
    const { outcome: base } = await checkReport('a.md', new Uint8Array(text), { locale: 'zh-CN', rules: {} });
    if (!base.ok) throw new Error(base.message);
    expect(base.findings.length).toBeGreaterThan(0);
    const site = join(dir, 'site');
    await buildSite(site);
    writeFileSync(join(dir, 'a.md'), '# 报告\n');

    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu', '--lang=zh-CN', `--js-flags=--stack-size=${STACK_KB}`] });
    const page = await browser.newPage({ locale: 'zh-CN' });
    await page.addInitScript(fakeWorker, { base, n: N });
    await page.goto(`file://${join(site, 'index.html')}`);
    const seen = () =>
      page.evaluate(() => ({
        rows: document.querySelectorAll('#overview tbody tr').length,
        problems: document.querySelectorAll('#problems li').length,
        findings: document.querySelectorAll('#findings li').length,
        marks: document.querySelectorAll('#report-text mark').length,
        errors: (window as unknown as { pageErrors: string[] }).pageErrors,
      }));
    await page.setInputFiles('#files', join(dir, 'a.md'));
    // The page is `idle` before the check too: wait for it to be idle with rows (or to have failed).
    await page.waitForFunction(
      () =>
        (document.body.dataset['state'] === 'idle' && document.querySelector('#overview tbody tr') !== null) ||
        (window as unknown as { pageErrors: string[] }).pageErrors.length > 0,
      undefined,
      { timeout: 120_000, polling: 500 },
    );
    expect(await seen()).toMatchObject({ rows: N + 1, problems: N, errors: [] });

    await page.locator('#overview tbody tr[data-file="多.md"] a').click();
    await page.waitForFunction(
      () => document.querySelector('#findings li') !== null || (window as unknown as { pageErrors: string[] }).pageErrors.length > 0,
      undefined,
      { timeout: 120_000, polling: 500 },
    );
    expect(await seen()).toMatchObject({ findings: N, marks: N, errors: [] });
  });
});
