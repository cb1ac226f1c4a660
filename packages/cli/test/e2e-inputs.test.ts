import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { copyRepo, FILES, fzlint, parseJson, read, resultFor, ruleIds } from './helpers.js';

let repo: { dir: string; cleanup: () => void };
beforeEach(() => {
  repo = copyRepo();
});
afterEach(() => repo.cleanup());

const at = (rel: string) => join(repo.dir, rel);

describe('encodings', () => {
  it('decodes a GBK file, says so on one line, and lints it like its UTF-8 original', () => {
    const text = read(at(FILES.jia));
    writeFileSync(at('reports/gbk-甲县.md'), iconv.encode(text, 'gbk'));
    const run = fzlint(repo.dir, [FILES.jia, 'reports/gbk-甲县.md', '--format', 'json']);
    expect(run.code, run.stderr).toBe(1);
    expect(run.errLines).toHaveLength(1);
    expect(run.errLines[0]).toContain('reports/gbk-甲县.md');
    expect(run.errLines[0]).toContain('GBK');
    const results = parseJson(run.stdout);
    const original = resultFor(results, FILES.jia);
    const decoded = resultFor(results, 'reports/gbk-甲县.md');
    expect(decoded.messages.map((m) => [m.ruleId, m.line, m.column, m.message])).toEqual(
      original.messages.map((m) => [m.ruleId, m.line, m.column, m.message]),
    );
  });

  it('decodes UTF-16 LE and BE files with a BOM', () => {
    const text = read(at(FILES.jia));
    writeFileSync(at('reports/le.md'), Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, 'utf16le')]));
    writeFileSync(at('reports/be.md'), Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(text, 'utf16be')]));
    const run = fzlint(repo.dir, [FILES.jia, 'reports/le.md', 'reports/be.md', '--format', 'json']);
    expect(run.code, run.stderr).toBe(1);
    const results = parseJson(run.stdout);
    const expected = ruleIds(resultFor(results, FILES.jia));
    expect(ruleIds(resultFor(results, 'reports/le.md'))).toEqual(expected);
    expect(ruleIds(resultFor(results, 'reports/be.md'))).toEqual(expected);
    expect(run.errLines.filter((l) => l.includes('UTF-16'))).toHaveLength(2);
  });

  it('--fix writes a GBK file back in GBK', () => {
    const text = read(at(FILES.jia));
    writeFileSync(at('reports/gbk.md'), iconv.encode(text, 'gbk'));
    const run = fzlint(repo.dir, ['reports/gbk.md', '--fix']);
    expect(run.errLines.some((l) => l.includes('GBK'))).toBe(true);
    const bytes = readFileSync(at('reports/gbk.md'));
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    expect(iconv.decode(bytes, 'gbk')).toContain('四、2024年工作打算');
  });
});

describe('bad inputs: one line each, the other files still linted', () => {
  it('a binary file: skipped with a message, exit 2 after linting the rest', () => {
    writeFileSync(at('reports/扫描件.txt'), Buffer.from([0x25, 0x50, 0x44, 0x46, 0x00, 0x01, 0xff, 0x00]));
    const run = fzlint(repo.dir, ['reports', '--format', 'json']);
    expect(run.code, run.stderr).toBe(2);
    const lines = run.errLines.filter((l) => l.includes('扫描件.txt'));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^fzlint: reports\/扫描件\.txt：.* — /);
    expect(ruleIds(resultFor(parseJson(run.stdout), FILES.jia))).toContain('structure/year-consistency');
  });

  it('a bad file in an ignored folder is never read, so never complained about', () => {
    writeFileSync(at('archive/scan.txt'), Buffer.from([0x00, 0x01, 0x02]));
    writeFileSync(at('drafts/scan.txt'), Buffer.from([0x00, 0x01, 0x02]));
    const run = fzlint(repo.dir, ['.']);
    expect(run.code, run.stderr).toBe(1);
    expect(run.stderr).not.toContain('scan.txt');
  });

  it('an empty file: a message, no crash, and no effect on the exit code', () => {
    const run = fzlint(repo.dir, [FILES.empty, FILES.yi]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.errLines).toEqual([`fzlint: ${FILES.empty}：文件为空，已跳过`]);
  });

  it('a missing path and a glob without matches: exit 2, the existing file still linted', () => {
    const run = fzlint(repo.dir, ['reports/不存在.md', 'nothing/*.md', FILES.jia, '--format', 'json', '--locale', 'en']);
    expect(run.code, run.stderr).toBe(2);
    expect(run.errLines).toEqual([
      'fzlint: reports/不存在.md: no such file or directory — check the path',
      'fzlint: no files match "nothing/*.md" — check the glob and the current directory',
    ]);
    expect(parseJson(run.stdout)).toHaveLength(1);
  });

  it('a file over 10 MB is skipped with its size named', () => {
    writeFileSync(at('reports/huge.txt'), Buffer.alloc(10 * 1024 * 1024 + 1, 0x61));
    const run = fzlint(repo.dir, ['reports/huge.txt', FILES.yi]);
    expect(run.code, run.stderr).toBe(2);
    expect(run.errLines).toHaveLength(1);
    expect(run.errLines[0]).toContain('reports/huge.txt');
    expect(run.errLines[0]).toContain('10 MB');
  });

  it('a folder with no reports says so', () => {
    mkdirSync(at('images'));
    writeFileSync(at('images/logo.png'), Buffer.from([0x89, 0x50]));
    const run = fzlint(repo.dir, ['images']);
    expect(run.errLines).toHaveLength(1);
    expect(run.errLines[0]).toContain('images');
    expect(run.code, run.stderr).toBe(0);
  });

  it('a malformed config names the file, fails only its files, and exits 2', () => {
    mkdirSync(at('reports/broken'));
    writeFileSync(at('reports/broken/fzlint.config.json'), '{ "rules": { "structure/year-consistency": "loud" } }');
    writeFileSync(at('reports/broken/a.md'), read(at(FILES.jia)));
    writeFileSync(at('reports/broken/b.md'), read(at(FILES.jia)));
    const run = fzlint(repo.dir, ['reports', '--format', 'json']);
    expect(run.code, run.stderr).toBe(2);
    const configLines = run.errLines.filter((l) => l.includes('reports/broken/fzlint.config.json'));
    expect(configLines).toHaveLength(1);
    expect(configLines[0]).toContain('structure/year-consistency');
    const results = parseJson(run.stdout);
    expect(results.some((r) => r.filePath.includes('broken'))).toBe(false);
    expect(ruleIds(resultFor(results, FILES.jia))).toContain('structure/year-consistency');
  });

  it('a config that is not JSON names the file and the line', () => {
    writeFileSync(at('reports/county/fzlint.config.json'), '{\n  "rules": {\n    "structure/heading-numbering": "off",\n  \n');
    const run = fzlint(repo.dir, [FILES.bing]);
    expect(run.code, run.stderr).toBe(2);
    expect(run.errLines).toHaveLength(1);
    expect(run.errLines[0]).toContain('reports/county/fzlint.config.json');
    expect(run.stderr).not.toMatch(/\n\s+at /); // no stack trace
  });
});

describe('--stdin', () => {
  it('lints standard input with the config of --stdin-filename', () => {
    const run = fzlint(repo.dir, ['--stdin', '--stdin-filename', 'reports/草稿.md', '--format', 'json'], read(at(FILES.jia)));
    expect(run.code, run.stderr).toBe(1);
    const [result] = parseJson(run.stdout);
    expect(result?.filePath.replace(/\\/g, '/')).toMatch(/reports\/草稿\.md$/);
    // The root config makes shortcomings-without-causes an info.
    expect(result?.messages.find((m) => m.ruleId === 'structure/shortcomings-without-causes')?.fzlintSeverity).toBe('info');
  });

  it('reports fixes of standard input with --fix-dry-run, in json "output"', () => {
    const run = fzlint(repo.dir, ['--stdin', '--fix-dry-run', '--format', 'json'], read(at(FILES.jia)));
    const [result] = parseJson(run.stdout);
    expect(result?.output).toContain('四、2024年工作打算');
    expect(result?.messages.some((m) => m.ruleId === 'structure/year-consistency')).toBe(false);
  });

  it('refuses --fix with --stdin', () => {
    const run = fzlint(repo.dir, ['--stdin', '--fix'], 'x');
    expect(run.code, run.stderr).toBe(2);
    expect(run.errLines).toHaveLength(1);
    expect(run.errLines[0]).toContain('--fix-dry-run');
  });
});
