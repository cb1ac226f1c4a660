/**
 * The kind of run a start-up reads its code cache for (src/compile-cache.ts `runKindOf`):
 * decided from the command line before the CLI loads, so it must split the words as the
 * CLI's own parser does (src/args.ts), and call only a lint of one small file `one`.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCliArgs } from '../src/args.js';
import { commandLineWords, runKindOf, VALUE_OPTIONS, VALUE_SHORT_OPTIONS } from '../src/compile-cache.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'fzlint-run-kind-'));
  writeFileSync(join(dir, 'one.md'), '# 2023年度甲县法治政府建设情况报告\n\n正文。\n');
  writeFileSync(join(dir, 'two.md'), '# 报告\n');
  writeFileSync(join(dir, 'fzlint.config.json'), '{ "root": true }\n');
  writeFileSync(join(dir, 'big.md'), Buffer.alloc(300 * 1024, 0x61));
  mkdirSync(join(dir, 'reports'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('runKindOf', () => {
  it('calls a lint of one small file, or of --stdin, a one-file run', () => {
    for (const argv of [
      ['one.md'],
      ['--format', 'json', 'one.md'],
      ['--format=json', 'one.md'],
      ['-f', 'json', 'one.md'],
      ['-fjson', 'one.md'],
      ['one.md', '--concurrency', '1'],
      ['--config', 'fzlint.config.json', 'one.md'],
      ['-cfzlint.config.json', 'one.md'],
      ['--cache', '--cache-location', 'two.md', 'one.md'],
      ['--', 'one.md'],
      ['--stdin'],
      ['--stdin', '--stdin-filename', 'one.md'],
    ]) {
      expect(runKindOf(argv, dir), argv.join(' ')).toBe('one');
    }
  });

  it('leaves every other run to the default cache file', () => {
    for (const argv of [
      [],
      ['one.md', 'two.md'],
      ['reports'],
      ['reports/*.md'],
      ['missing.md'],
      ['big.md'],
      ['inspect', 'one.md'],
      ['score', 'one.md'],
      ['--stdin', 'one.md'],
      ['--help'],
      ['--version'],
    ]) {
      expect(runKindOf(argv, dir), argv.join(' ')).toBeUndefined();
    }
  });

  it('splits a command line into the positional arguments the CLI parser finds', () => {
    const argvs = [
      ['a.md'],
      ['a.md', 'b.md', '-f', 'json', '--quiet'],
      ['--format', 'json', '--format=sarif:out.sarif', 'a.md'],
      ['-o', 'out.txt', '-c', 'cfg.json', 'a.md'],
      ['-fjson', 'a.md'],
      ['-vfjson', 'a.md'],
      ['--rule', 'style/x:off', '--rule=a:warn', 'a.md'],
      ['--report-year', '2023', '--writing-date', '2024-01-02', 'a.md'],
      ['--locale', 'en', '--max-warnings', '3', '--cache', '--cache-location', 'c', '--cache-strategy', 'content', 'a.md'],
      ['--concurrency', '2', '--no-ignore', '--no-color', 'a.md', 'dir'],
      ['--suppressions-location', 's.json', '--previous', 'p.md', 'a.md'],
      ['--', '-weird.md'],
      ['-f', 'json', 'a.md', '--', '--rule', '-x.md', '--'],
      ['--stdin', '--stdin-filename', 'x.md'],
    ];
    for (const argv of argvs) {
      const parsed = parseCliArgs(argv);
      expect(parsed.ok, argv.join(' ')).toBe(true);
      if (!parsed.ok) continue;
      expect(commandLineWords(argv).positionals, argv.join(' ')).toEqual(parsed.options.patterns);
      expect(commandLineWords(argv).stdin).toBe(parsed.options.stdin);
    }
  });

  it('takes 200,000 words after -- (a spread of them into one call throws past ~120,000)', () => {
    const words = Array.from({ length: 200_000 }, (_, i) => `r${i}.md`);
    const { positionals } = commandLineWords(['--quiet', 'a.md', '--', ...words]);
    expect(positionals).toHaveLength(200_001);
    expect(positionals[200_000]).toBe('r199999.md');
    expect(runKindOf(['--', ...words], dir)).toBeUndefined();
  });

  it("knows every option of src/args.ts that takes a value", () => {
    const source = readFileSync(new URL('../src/args.ts', import.meta.url), 'utf8');
    const table = /const OPTIONS = \{([\s\S]*?)\n\} as const/.exec(source)?.[1] ?? '';
    const long = new Set<string>();
    const short = new Set<string>();
    for (const m of table.matchAll(/^\s*'?([a-z-]+)'?: \{ type: 'string'(?:, short: '([a-z])')?/gm)) {
      long.add(m[1]!);
      if (m[2]) short.add(m[2]);
    }
    expect(long.size).toBeGreaterThan(10);
    expect([...VALUE_OPTIONS].sort()).toEqual([...long].sort());
    expect([...VALUE_SHORT_OPTIONS].sort()).toEqual([...short].sort());
  });
});
