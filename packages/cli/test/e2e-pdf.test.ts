/**
 * `.pdf` input and `fzlint web`: a text PDF built in the test (the report of the
 * Word tests laid out as an official document, fonts not embedded, read through
 * Adobe's CMaps), a PDF without a text layer, and the workbench written to a
 * folder and served with reports preloaded.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { reportPdf, scannedPdf } from '../../pdf/test/support/pdfs.js';
import { BIN, copyRepo, fzlint, parseJson, resultFor } from './helpers.js';
import { paragraphOf, REPORT, TITLE } from './support/reports.js';

let repo: { dir: string; cleanup: () => void };
beforeEach(() => {
  repo = copyRepo();
  mkdirSync(join(repo.dir, 'pdf'), { recursive: true });
});
afterEach(() => repo.cleanup());

const at = (rel: string) => join(repo.dir, rel);

describe('.pdf input', () => {
  it('lints a text PDF and reports findings at paragraph numbers, as for Word', () => {
    writeFileSync(at('pdf/甲县.pdf'), reportPdf(TITLE, REPORT));
    const run = fzlint(repo.dir, ['pdf/甲县.pdf', '--format', 'json']);
    expect(run.code, run.stderr).toBe(1);
    expect(run.stderr).toBe('');
    const result = resultFor(parseJson(run.stdout), 'pdf/甲县.pdf');
    expect(result.messages.map((m) => m.ruleId)).toEqual(['statistics/concluded-exceeds-received']);
    expect(result.messages[0]?.line).toBe(paragraphOf('审结115件'));
  });

  it('is found in a folder walk, and converts to the Markdown it is linted as', () => {
    writeFileSync(at('pdf/甲县.pdf'), reportPdf(TITLE, REPORT));
    const walk = fzlint(repo.dir, ['pdf/', '--format', 'json']);
    expect(parseJson(walk.stdout).map((r) => r.filePath.replace(/\\/g, '/'))).toEqual([expect.stringMatching(/pdf\/甲县\.pdf$/)]);
    const run = fzlint(repo.dir, ['convert', 'pdf/甲县.pdf', '-o', 'pdf/甲县.md']);
    expect(run.code, run.stderr).toBe(0);
    const md = readFileSync(at('pdf/甲县.md'), 'utf8');
    expect(md.startsWith(`# ${TITLE}\n`)).toBe(true);
    expect(md).toContain('\n## 一、2023年推进法治政府建设的主要举措和成效\n');
    expect(md).toContain('\n### （一）压实法治建设责任\n');
    expect(md).not.toContain('— 1 —');
  });

  it('says a scan needs OCR, in one line, and goes on with the other files', () => {
    writeFileSync(at('pdf/扫描件.pdf'), scannedPdf());
    writeFileSync(at('pdf/甲县.pdf'), reportPdf(TITLE, REPORT));
    const run = fzlint(repo.dir, ['pdf/', '--format', 'json']);
    expect(run.code).toBe(2);
    expect(run.errLines).toEqual([expect.stringMatching(/^fzlint: pdf[/\\]扫描件\.pdf：是扫描件（PDF 中没有文字层），已跳过 — .*OCR/)]);
    expect(parseJson(run.stdout)).toHaveLength(1);
  });
});

describe('fzlint web', () => {
  it('writes the workbench to a folder, or as one file', () => {
    const run = fzlint(repo.dir, ['web', '--out', 'site']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain(join('site', 'index.html'));
    expect(['index.html', 'app.js', 'app.css'].every((f) => existsSync(at(`site/${f}`)))).toBe(true);
    expect(fzlint(repo.dir, ['web', '--out', 'one', '--single-file']).code).toBe(0);
    expect(existsSync(at('one/index.html')) && !existsSync(at('one/app.js'))).toBe(true);
  });

  it('takes --out or --open, not both; without them, web is a folder to lint', () => {
    expect(fzlint(repo.dir, ['web']).errLines).toEqual([expect.stringContaining('web：文件或目录不存在')]);
    expect(fzlint(repo.dir, ['web', '--out', 'x', '--open']).code).toBe(2);
    expect(fzlint(repo.dir, ['web', '--out', 'x', 'reports/']).errLines).toEqual([expect.stringContaining('web --out 只写出审查台')]);
    expect(fzlint(repo.dir, ['--open', 'a.md']).errLines).toEqual([expect.stringContaining('--open 只用于 fzlint web')]);
  });

  it('serves the workbench on 127.0.0.1 with the reports preloaded, until stopped', async () => {
    writeFileSync(at('pdf/甲县.pdf'), reportPdf(TITLE, REPORT));
    const child = spawn(process.execPath, [BIN, 'web', '--open', 'pdf/'], { cwd: repo.dir, env: { ...process.env, FZLINT_NO_BROWSER: '1' } });
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let out = '';
        child.stdout.on('data', (d: Buffer) => {
          out += d.toString();
          const m = /http:\/\/127\.0\.0\.1:\d+\//.exec(out);
          if (m) resolve(m[0]);
        });
        child.on('exit', (code) => reject(new Error(`exited ${code}: ${out}`)));
      });
      const page = await (await fetch(url)).text();
      const preload = JSON.parse(/window\.FZLINT_PRELOAD=(\[.*?\]);/.exec(page)?.[1] ?? '[]') as { name: string; url: string }[];
      expect(preload.map((p) => p.name.replace(/\\/g, '/'))).toEqual(['pdf/甲县.pdf']);
      const bytes = new Uint8Array(await (await fetch(new URL(preload[0]?.url ?? '', url))).arrayBuffer());
      expect(Buffer.from(bytes).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    } finally {
      child.kill('SIGINT');
    }
    expect(await exited).toBe(0);
  });
});
