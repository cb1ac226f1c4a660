import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { copyRepo, FIXTURE_REPO, fzlint, parseJson, resultFor } from './helpers.js';
import { REPORT, reportPage, TITLE } from './support/reports.js';

let repo: { dir: string; cleanup: () => void };
beforeEach(() => {
  repo = copyRepo();
  mkdirSync(join(repo.dir, 'web'), { recursive: true });
});
afterEach(() => repo.cleanup());

const at = (rel: string) => join(repo.dir, rel);

/** Paragraph number of a line of the converted text (its blocks, blank lines left out). */
function paragraphIn(markdown: string, needle: string): number {
  const blocks = markdown.split('\n').filter((l) => l !== '');
  const i = blocks.findIndex((l) => l.includes(needle));
  if (i < 0) throw new Error(`no block with ${needle}`);
  return i + 1;
}

describe('.html input (a page saved from a government website)', () => {
  it('converts the report body only: metadata lines, the title, the paragraphs; no navigation, scripts or footer', () => {
    writeFileSync(at('web/甲县.html'), reportPage());
    const run = fzlint(repo.dir, ['convert', 'web/甲县.html']);
    expect(run.code, run.stderr).toBe(0);
    const md = run.stdout;
    expect(md).toContain('索引号: 11341100MB1234567X/2024-00123\n');
    expect(md).toContain('成文日期: 2024-03-20\n');
    expect(md).toContain('发布日期: 2024-03-28\n');
    expect(md).toContain('来源: 县司法局\n');
    expect(md).toContain(`\n# ${TITLE}\n`);
    expect(md).toContain('\n## 一、2023年推进法治政府建设的主要举措和成效\n');
    for (const p of REPORT) expect(md).toContain(p.text);
    for (const junk of ['网站首页', '政务服务', '当前位置', '扫一扫', '分享到', '打印本页', '相关链接', '版权所有', 'ICP备', '网站标识码', '脚本写出', '样式', '浏览次数', '字体']) {
      expect(md, junk).not.toContain(junk);
    }
  });

  it('lints the page: findings in the body at paragraph numbers, dates read from the metadata', () => {
    writeFileSync(at('web/甲县.html'), reportPage());
    const markdown = fzlint(repo.dir, ['convert', 'web/甲县.html']).stdout;
    const run = fzlint(repo.dir, ['web/甲县.html', '--format', 'json']);
    expect(run.code, run.stderr).toBe(1);
    const result = resultFor(parseJson(run.stdout), 'web/甲县.html');
    expect(result.messages.map((m) => [m.ruleId, m.line])).toEqual([['statistics/concluded-exceeds-received', paragraphIn(markdown, '审结115件')]]);
    const inspect = JSON.parse(fzlint(repo.dir, ['inspect', 'web/甲县.html', '--format', 'json']).stdout) as {
      publicationDate: { value: string; source: string; line: number };
      reportYear: { value: number };
    };
    expect(inspect.reportYear.value).toBe(2023);
    expect(inspect.publicationDate).toMatchObject({ value: '2024-03-28', source: 'metadata', line: paragraphIn(markdown, '发布日期') });
  });

  it('a page published after 1 April gets the disclosure-deadline finding at the metadata line', () => {
    writeFileSync(at('web/late.html'), reportPage({ published: '2024-05-06' }));
    const run = fzlint(repo.dir, ['web/late.html', '--format', 'json']);
    const messages = resultFor(parseJson(run.stdout), 'web/late.html').messages;
    const late = messages.find((m) => m.ruleId === 'structure/disclosure-deadline');
    expect(late?.message).toContain('2024年5月6日');
    const markdown = fzlint(repo.dir, ['convert', 'web/late.html']).stdout;
    expect(late?.line).toBe(paragraphIn(markdown, '发布日期'));
  });

  it('decodes a page declared as gb2312 (and a .htm page found by a directory walk)', () => {
    writeFileSync(at('web/gbk.htm'), iconv.encode(reportPage({ charset: 'gb2312' }), 'gbk'));
    const run = fzlint(repo.dir, ['web', '--format', 'json']);
    expect(run.stderr).toBe('');
    const messages = resultFor(parseJson(run.stdout), 'web/gbk.htm').messages;
    expect(messages.map((m) => m.ruleId)).toEqual(['statistics/concluded-exceeds-received']);
    expect(messages[0]?.message).toContain('审结数（115件）');
  });

  it('a page with no report text: a notice naming the file, nothing linted', () => {
    writeFileSync(at('web/nav.html'), '<html><body><nav><a>首页</a></nav><div class="footer">版权所有 © 甲县人民政府</div></body></html>');
    const run = fzlint(repo.dir, ['web/nav.html']);
    expect(run.code).toBe(0);
    expect(run.errLines).toHaveLength(1);
    expect(run.errLines[0]).toMatch(/^fzlint: web\/nav\.html：网页中没有找到报告正文.* — /);
  });

  it('--fix leaves the page alone and says so once', () => {
    const page = reportPage();
    writeFileSync(at('web/甲县.html'), page);
    const run = fzlint(repo.dir, ['web/甲县.html', '--fix', '--locale', 'en']);
    expect(run.errLines).toEqual([expect.stringMatching(/^fzlint: web\/甲县\.html: --fix does not rewrite Word or web files.* — /)]);
    expect(fzlint(repo.dir, ['convert', 'web/甲县.html']).stdout).toContain('审结115件');
  });

  it('the real corpus reports, each line wrapped as a <p> in a page with furniture, give the findings of their text', () => {
    const corpus = join(FIXTURE_REPO, '..', 'corpus', 'full');
    const names = readdirSync(corpus).filter((n) => n.endsWith('.txt'));
    expect(names.length).toBeGreaterThan(0);
    const escape = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;');
    for (const name of names) {
      const text = readFileSync(join(corpus, name), 'utf8');
      const paragraphs = text.split('\n').filter((l) => l.trim() !== '').map((l) => `<p>${escape(l)}</p>`).join('\n');
      writeFileSync(at(`web/${name}`), text);
      writeFileSync(
        at(`web/${name.replace('.txt', '.html')}`),
        `<html><head><meta charset="utf-8"><title>报告</title></head><body><nav><a>首页</a> <a>政务公开</a></nav><div class="content">${paragraphs}</div><div class="ewm">扫一扫在手机打开当前页</div><footer>版权所有 © 某市人民政府</footer></body></html>`,
      );
    }
    const results = parseJson(fzlint(repo.dir, ['web', '--format', 'json']).stdout);
    // Unnumbered short lines are headings to the plain-text reader only (Markdown needs #), so
    // heading numbering may differ; every other finding is the same.
    const ids = (suffix: string) =>
      resultFor(results, suffix)
        .messages.map((m) => m.ruleId)
        .filter((id) => id !== 'structure/heading-numbering')
        .sort();
    for (const name of names) expect(ids(`web/${name.replace('.txt', '.html')}`), name).toEqual(ids(`web/${name}`));
  });
});
