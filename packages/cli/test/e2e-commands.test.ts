import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main, type CliIo } from '../src/cli.js';
import { copyRepo, FILES, fzlint } from './helpers.js';

let repo: { dir: string; cleanup: () => void };
beforeAll(() => {
  repo = copyRepo();
});
afterAll(() => repo.cleanup());

const pkg = JSON.parse(readFileSync(join(import.meta.dirname, '..', 'package.json'), 'utf8')) as { version: string };

describe('--version and --help', () => {
  it('prints the package version', () => {
    const run = fzlint(repo.dir, ['--version']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toBe(`${pkg.version}\n`);
  });

  it('prints Chinese help with the rule families and rule ids', () => {
    const run = fzlint(repo.dir, ['--help']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('用法：fzlint');
    for (const family of ['structure', 'statistics', 'references', 'style', 'continuity']) expect(run.stdout).toContain(family);
    expect(run.stdout).toContain('--previous <文件>');
    expect(run.stdout).toContain('continuity/copied-passage');
    for (const id of ['structure/required-section', 'structure/year-consistency', 'structure/heading-numbering']) {
      expect(run.stdout).toContain(id);
    }
    expect(run.stdout).toContain('退出码');
  });

  it('prints English help with --locale en', () => {
    const run = fzlint(repo.dir, ['--help', '--locale', 'en']);
    expect(run.stdout).toContain('Usage: fzlint');
    expect(run.stdout).toContain('Exit codes');
    expect(run.stdout).toContain('structure/year-consistency');
  });
});

describe('usage errors', () => {
  it.each([
    [['--frobnicate'], '--frobnicate'],
    [['--format', 'xml', 'a.md'], 'xml'],
    [['--report-year', 'last', 'a.md'], 'last'],
    [['--writing-date', '2024/03/01', 'a.md'], '2024/03/01'],
    [['--max-warnings', '-5', 'a.md'], '-5'],
    [['--fix', '--fix-dry-run', 'a.md'], '--fix-dry-run'],
  ])('%j: exit 2 with one line saying what and what to do', (args, named) => {
    const run = fzlint(repo.dir, args);
    expect(run.code, run.stderr).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.errLines).toHaveLength(1);
    expect(run.errLines[0]).toMatch(/^fzlint: .+ — .+/);
    expect(run.errLines[0]).toContain(named);
  });
});

describe('--print-config', () => {
  it('prints the merged config of a file two levels down', () => {
    const run = fzlint(repo.dir, ['--print-config', FILES.bing]);
    expect(run.code, run.stderr).toBe(0);
    const config = JSON.parse(run.stdout) as { rules: Record<string, unknown>; ignorePatterns: string[] };
    expect(config.rules['structure/shortcomings-without-causes']).toBe('off');
    expect(config.ignorePatterns).toEqual(['archive/**']);
  });

  it('shows that root: true stops the search, and applies command-line overrides', () => {
    const run = fzlint(repo.dir, ['--print-config', FILES.ding, '--rule', 'structure/heading-numbering: error', '--report-year', '2022']);
    const config = JSON.parse(run.stdout) as Record<string, unknown>;
    expect(config).toEqual({ rules: { 'structure/heading-numbering': 'error' }, reportYear: 2022 });
  });
});

describe('inspect', () => {
  it('prints the outline: year and its source, writing date, sections with level, numbering and concept', () => {
    const run = fzlint(repo.dir, ['inspect', FILES.jia]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('报告年度: 2023（标题');
    expect(run.stdout).toContain('成文日期: 2024-03-18（落款');
    expect(run.stdout).toMatch(/\n {4}23: 四、2023年工作打算 {2}\[L1, chinese, 下一年度主要安排, 2023年\]/);
    expect(run.stdout).toMatch(/\n {6}7: （一）压实法治建设责任 {2}\[L2, paren-chinese\]/);
    expect(run.stdout).toMatch(/统计: .*数字 \d+，引用 \d+/);
  });

  it('speaks English with --locale en', () => {
    const run = fzlint(repo.dir, ['inspect', FILES.jia, '--locale', 'en']);
    expect(run.stdout).toContain('Report year: 2023 (title, line 1)');
    expect(run.stdout).toContain('Writing date: 2024-03-18 (signature');
    expect(run.stdout).toContain("[L1, chinese, next year's main arrangements, 2023]");
  });

  it('--format json gives the same outline as data', () => {
    const run = fzlint(repo.dir, ['inspect', FILES.yi, '--format', 'json']);
    expect(run.code, run.stderr).toBe(0);
    const outline = JSON.parse(run.stdout) as {
      format: string;
      reportYear: { value: number; source: string };
      writingDate: { value: string; source: string };
      sections: { level: number; concept?: string; numbering?: { raw: string }; children: unknown[] }[];
      counts: { numbers: number; references: number; sentences: number };
    };
    expect(outline.format).toBe('plaintext');
    expect(outline.reportYear).toMatchObject({ value: 2022, source: 'title' });
    expect(outline.writingDate).toMatchObject({ value: '2023-02-20', source: 'signature' });
    expect(outline.sections.map((s) => s.concept)).toEqual([
      'measures-and-results',
      'shortcomings-and-causes',
      'first-responsible-person',
      'next-year-plan',
    ]);
    expect(outline.sections[0]?.children).toHaveLength(3);
    expect(outline.counts.references).toBeGreaterThan(0);
    expect(outline.counts.numbers).toBeGreaterThan(0);
  });

  it('names a missing file and exits 2', () => {
    const run = fzlint(repo.dir, ['inspect', 'reports/none.md']);
    expect(run.code, run.stderr).toBe(2);
    expect(run.errLines).toEqual([expect.stringContaining('reports/none.md')]);
  });
});

describe('main() in-process', () => {
  function io(stdin?: string): CliIo & { out: string[]; err: string[] } {
    const out: string[] = [];
    const err: string[] = [];
    return {
      out,
      err,
      stdout: { write: (s: string) => out.push(s) },
      stderr: { write: (s: string) => err.push(s) },
      cwd: repo.dir,
      ...(stdin !== undefined ? { stdin } : {}),
    };
  }

  it('returns the exit code instead of exiting', async () => {
    const target = io();
    expect(await main([FILES.yi], target)).toBe(0);
    expect(target.out.join('')).toBe('');
    const bad = io();
    expect(await main(['--nope'], bad)).toBe(2);
    expect(bad.err).toHaveLength(1);
  });

  it('reads standard input from the io object', async () => {
    const target = io('# 报告\n\n正文。\n');
    const code = await main(['--stdin', '--format', 'json'], target);
    expect(code).toBe(1);
    const [result] = JSON.parse(target.out.join('')) as { messages: { ruleId: string }[] }[];
    expect(result?.messages.some((m) => m.ruleId === 'structure/required-section')).toBe(true);
  });
});
