// Drives code-server in Debian's headless Chromium (playwright-core, no browser download): opens a report,
// shows the Problems panel with fzlint's Chinese findings, and saves a screenshot.
// Usage: node screenshot.cjs <url> <fileName> <out.png>   (NODE_PATH must reach playwright-core)
const { chromium } = require('playwright-core');
const [url, fileName, outPng] = process.argv.slice(2);
(async () => {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(url);
    await page.waitForSelector('.monaco-workbench', { timeout: 90000 });
    const item = page.locator(`.explorer-folders-view .monaco-list-row[aria-label*="${fileName}"]`).first();
    await item.waitFor({ timeout: 90000 });
    await item.click();
    await page.waitForSelector(`.tab[aria-label*="${fileName}"]`, { timeout: 60000 });
    await page.locator('.monaco-editor .view-lines').first().click();
    await page.keyboard.press('Control+Shift+M');
    await page.locator('.markers-panel .monaco-list-row', { hasText: 'fzlint' }).first().waitFor({ timeout: 90000 });
    await page.waitForTimeout(1500);
    await page.screenshot({ path: outPng });
    const rows = await page.locator('.markers-panel .monaco-list-row').allInnerTexts();
    console.log(JSON.stringify(rows.slice(0, 8)));
  } finally {
    await browser.close();
  }
})().catch((e) => {
  console.error('FAILED:', e.message);
  process.exit(1);
});
