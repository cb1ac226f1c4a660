// Measures the workbench on a batch: N corpus reports (default 100, the corpus's reports repeated
// under distinct names) given to the page's file input in headless Debian Chromium, wall time from the
// file input to the last overview row; and the CLI's time for the same files. Also the page's size and
// first paint. Needs `pnpm build` and scripts/e2e/setup.sh. Not a test (no timed test asserts anything).
// Usage: node packages/web/scripts/measure-batch.mjs [N]
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { buildSite } from '../dist/index.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const n = Number(process.argv[2] ?? 100);
const corpus = join(root, 'fixtures', 'corpus');
const sources = ['full', 'markdown', 'excerpts', 'archive']
  .flatMap((d) => {
    try {
      return readdirSync(join(corpus, d)).filter((f) => /\.(md|txt)$/.test(f)).map((f) => join(corpus, d, f));
    } catch {
      return [];
    }
  });
const dir = mkdtempSync(join(tmpdir(), 'fzlint-web-measure-'));
const reports = join(dir, 'reports');
mkdirSync(reports);
const files = [];
for (let i = 0; i < n; i++) {
  const src = sources[i % sources.length];
  const to = join(reports, `r${String(i).padStart(3, '0')}_${src.split('/').pop()}`);
  copyFileSync(src, to);
  files.push(to);
}
const site = join(dir, 'site');
await buildSite(site);
const size = ['index.html', 'app.js', 'app.css'].reduce((s, f) => s + statSync(join(site, f)).size, 0);

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
try {
  const runs = [];
  let paint;
  for (let run = 0; run < 3; run++) {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(`file://${join(site, 'index.html')}`);
    paint = await page.evaluate(() => ({
      fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime,
      dcl: performance.getEntriesByType('navigation')[0]?.domContentLoadedEventEnd,
    }));
    // Wait for the worker to be up (it posts the rule list first).
    await page.waitForFunction(() => document.body.dataset.state === 'idle');
    const t0 = Date.now();
    await page.setInputFiles('#files', files);
    await page.waitForFunction((count) => document.querySelectorAll('#overview tbody tr').length + document.querySelectorAll('#problems li').length >= count, n, { polling: 'raf', timeout: 600_000 });
    runs.push(Date.now() - t0);
    await page.close();
  }
  const cliT0 = Date.now();
  const cli = spawnSync(process.execPath, [join(root, 'packages/cli/bin/fzlint.js'), '--format', 'json', ...files], { encoding: 'utf8', maxBuffer: 1 << 28 });
  const cliMs = Date.now() - cliT0;
  console.log(JSON.stringify({ reports: n, distinct: Math.min(n, sources.length), pageMs: runs, pageMedianMs: [...runs].sort((a, b) => a - b)[1], cliMs, cliExit: cli.status, pageBytes: size, firstContentfulPaintMs: Math.round(paint.fcp), domContentLoadedMs: Math.round(paint.dcl) }, null, 1));
} finally {
  await browser.close();
  rmSync(dir, { recursive: true, force: true });
}
