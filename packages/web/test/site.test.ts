/** `buildSite` and the `fzlint web --open` server, without a browser. */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { browserCommand, buildSite, serveWorkbench } from '../dist/index.js';

const dir = mkdtempSync(join(tmpdir(), 'fzlint-web-site-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('buildSite', () => {
  it('writes index.html with its script and styles', async () => {
    const out = join(dir, 'site');
    const files = await buildSite(out);
    expect(files.map((f) => f.slice(out.length + 1)).sort()).toEqual(['app.css', 'app.js', 'index.html']);
    const html = readFileSync(join(out, 'index.html'), 'utf8');
    expect(html).toContain('<script src="app.js"></script>');
    // Classic scripts only: module scripts do not run from file://.
    expect(html).not.toContain('type="module"');
  });

  it('writes one self-contained file, with no element closed early by the code inside', async () => {
    const out = join(dir, 'single');
    const files = await buildSite(out, { singleFile: true });
    expect(files).toEqual([join(out, 'index.html')]);
    const html = readFileSync(join(out, 'index.html'), 'utf8');
    expect(html).not.toMatch(/<script[^>]*\ssrc=/);
    expect(html.match(/<\/script>/g)).toHaveLength(1);
    expect(html.match(/<!--/g) ?? []).toHaveLength(0);
  });

  it('bundles nothing that reaches the network: no URL to fetch, no remote script', () => {
    const js = readFileSync(join(dir, 'site', 'app.js'), 'utf8');
    expect(js).not.toMatch(/https?:\/\/[^"'\s]*\.(?:js|css|bcmap|woff2?)\b/);
  });
});

describe('serveWorkbench', () => {
  it('serves the page on 127.0.0.1 with the reports preloaded, and nothing else', async () => {
    const report = join(dir, '甲县 2023 报告.md');
    writeFileSync(report, '# 甲县人民政府关于2023年度法治政府建设情况的报告\n');
    const server = await serveWorkbench({ reports: [{ name: 'reports/甲县 2023 报告.md', path: report }] });
    try {
      expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
      const page = await (await fetch(server.url)).text();
      const preload = /window\.FZLINT_PRELOAD=(\[.*?\]);/.exec(page)?.[1];
      expect(JSON.parse(preload ?? '[]')).toEqual([{ name: 'reports/甲县 2023 报告.md', url: `reports/0/${encodeURIComponent('甲县 2023 报告.md')}` }]);
      const body = await (await fetch(new URL(`reports/0/${encodeURIComponent('甲县 2023 报告.md')}`, server.url))).text();
      expect(body).toContain('甲县人民政府');
      expect((await fetch(new URL('app.js', server.url))).status).toBe(200);
      expect((await fetch(new URL('reports/1/x', server.url))).status).toBe(404);
      expect((await fetch(new URL('../../etc/passwd', server.url))).status).toBe(404);
      expect((await fetch(server.url, { method: 'POST' })).status).toBe(405);
    } finally {
      await server.close();
    }
    expect(existsSync(report)).toBe(true);
  });
});

describe('browserCommand', () => {
  it('opens a URL the way each platform does', () => {
    expect(browserCommand('http://127.0.0.1:1/', 'linux')).toEqual({ command: 'xdg-open', args: ['http://127.0.0.1:1/'] });
    expect(browserCommand('http://127.0.0.1:1/', 'darwin')).toEqual({ command: 'open', args: ['http://127.0.0.1:1/'] });
    expect(browserCommand('http://127.0.0.1:1/', 'win32')).toEqual({ command: 'cmd', args: ['/c', 'start', '', 'http://127.0.0.1:1/'] });
  });
});
