import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError } from '../src/index.js';
import {
  applySuppressions,
  buildSuppressions,
  compileIgnorePatterns,
  ConfigLoader,
  lintFiles,
  loadConfig,
  outputFixes,
  pruneSuppressions,
  readSuppressions,
  stripJsonComments,
  writeSuppressions,
} from '../src/node.js';
import { typoRule, wordRule } from './helpers.js';

const rules = [typoRule, wordRule];
let root: string;

function put(rel: string, content: string): string {
  const file = join(root, rel);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, content);
  return file;
}

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'fzlint-linter-'));
  // repo/                      fzlint.config.json   (reportYear 2021, typo warn, word off)
  // repo/city/                 .fzlintrc.json       (typo error, locale en, ignores drafts/)
  // repo/city/district/        fzlint.config.json   (root: true, word warn)
  // repo/city/plain/           (no config)
  put('repo/fzlint.config.json', JSON.stringify({ reportYear: 2021, rules: { 'style/test-typo': 'warn', 'structure/test-word': 'off' } }));
  put(
    'repo/city/.fzlintrc.json',
    '// city settings\n{ "rules": { "style/test-typo": "error" }, "locale": "en", /* drafts are not linted */ "ignorePatterns": ["drafts/", "*.bak.md", "!keep.bak.md"] }',
  );
  put('repo/city/district/fzlint.config.json', JSON.stringify({ root: true, rules: { 'structure/test-word': 'warn' } }));
  put('repo/city/plain/a.md', '法冶 TODO\n');
  put('repo/city/district/a.md', '法冶 TODO\n');
  put('repo/city/drafts/a.md', '法冶\n');
  put('repo/city/x.bak.md', '法冶\n');
  put('repo/city/keep.bak.md', '法冶\n');
  put('repo/a.txt', '法冶 TODO\n');
  put('other.json', JSON.stringify({ rules: { 'structure/test-word': 'error' } }));
  put('bad/fzlint.config.json', '{ "rules": { "style/test-typo": "warning" } }');
  put('bad/a.md', '法冶\n');
  put('badjson/fzlint.config.json', '{\n  "rules": {,}\n}');
  put('badjson/a.md', '法冶\n');
  put('ext/base.json', JSON.stringify({ reportYear: 2019, rules: { 'style/test-typo': 'info' }, ignorePatterns: ['old/'] }));
  put('ext/fzlint.config.json', JSON.stringify({ root: true, extends: './base.json', locale: 'en' }));
  put('ext/old/a.md', '法冶\n');
  put('cycle/fzlint.config.json', JSON.stringify({ root: true, extends: './b.json' }));
  put('cycle/b.json', JSON.stringify({ extends: './fzlint.config.json' }));
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('config discovery', () => {
  it('merges the configs upward from the file, the nearest winning', () => {
    const { config, files, ignored } = loadConfig(join(root, 'repo/city/plain/a.md'), { rules });
    expect(files).toEqual([join(root, 'repo/fzlint.config.json'), join(root, 'repo/city/.fzlintrc.json')]);
    expect(config.rules).toEqual({ 'style/test-typo': 'error', 'structure/test-word': 'off' });
    expect(config.reportYear).toBe(2021);
    expect(config.locale).toBe('en');
    expect(ignored).toBe(false);
  });

  it('stops at root: true', () => {
    const { config, files } = loadConfig(join(root, 'repo/city/district/a.md'), { rules });
    expect(files).toEqual([join(root, 'repo/city/district/fzlint.config.json')]);
    expect(config.rules).toEqual({ 'structure/test-word': 'warn' });
    expect(config.reportYear).toBeUndefined();
  });

  it('a --config file replaces discovery', () => {
    const { config, files } = loadConfig(join(root, 'repo/city/plain/a.md'), { rules, configFile: 'other.json', cwd: root });
    expect(files).toEqual([join(root, 'other.json')]);
    expect(config.rules).toEqual({ 'structure/test-word': 'error' });
  });

  it('follows extends, the extending file winning, and rejects cycles', () => {
    const { config } = loadConfig(join(root, 'ext/a.md'), { rules });
    expect(config).toMatchObject({ reportYear: 2019, locale: 'en', rules: { 'style/test-typo': 'info' } });
    expect(() => loadConfig(join(root, 'cycle/a.md'), { rules, cwd: root })).toThrow(/cycle/);
  });

  it('reports a bad config with the file (relative to cwd) and the key', () => {
    const en = { rules, cwd: root, locale: 'en' } as const;
    expect(() => loadConfig(join(root, 'bad/a.md'), en)).toThrow(ConfigError);
    expect(() => loadConfig(join(root, 'bad/a.md'), en)).toThrow(
      'bad/fzlint.config.json: rules["style/test-typo"] must be one of off, info, warn, error, or [severity, options] (got "warning")',
    );
    expect(() => loadConfig(join(root, 'badjson/a.md'), en)).toThrow(
      /^badjson\/fzlint\.config\.json: invalid JSON \(line 2, column \d+\)/,
    );
  });

  it('reports a bad config in Chinese by default', () => {
    expect(() => loadConfig(join(root, 'bad/a.md'), { rules, cwd: root })).toThrow(
      'bad/fzlint.config.json: rules["style/test-typo"] 必须是 off、info、warn、error 之一，或 [严重程度, 选项]（实际为 "warning"）',
    );
    expect(() => loadConfig(join(root, 'badjson/a.md'), { rules, cwd: root })).toThrow(
      /^badjson\/fzlint\.config\.json: JSON 格式错误（第 2 行第 \d+ 列）：/,
    );
    expect(() => loadConfig(join(root, 'cycle/a.md'), { rules, cwd: root })).toThrow(/^cycle\/.+: extends 形成了循环（.+ → .+），请去掉其中一处引用$/);
  });

  it('caches per folder: one loader reads a config file once', () => {
    const loader = new ConfigLoader({ rules });
    const a = loader.forFile(join(root, 'repo/city/plain/a.md'));
    const b = loader.forFile(join(root, 'repo/city/plain/b.md'));
    expect(b.config).toBe(a.config);
  });

  it('matches ignorePatterns relative to the config file folder', () => {
    const loader = new ConfigLoader({ rules });
    expect(loader.isIgnored(join(root, 'repo/city/drafts/a.md'))).toBe(true);
    expect(loader.isIgnored(join(root, 'repo/city/x.bak.md'))).toBe(true);
    expect(loader.isIgnored(join(root, 'repo/city/keep.bak.md'))).toBe(false);
    expect(loader.isIgnored(join(root, 'repo/a.txt'))).toBe(false);
    // Patterns from an extended file are relative to that file.
    expect(loader.isIgnored(join(root, 'ext/old/a.md'))).toBe(true);
  });
});

describe('compileIgnorePatterns and stripJsonComments', () => {
  it('gives patterns .gitignore meaning', () => {
    const m = compileIgnorePatterns(['drafts/', '/top.md', 'sub/dir', '*.tmp.md', '!keep.tmp.md', '# comment']);
    expect(m('drafts/a.md')).toBe(true);
    expect(m('x/drafts/a.md')).toBe(true);
    expect(m('top.md')).toBe(true);
    expect(m('x/top.md')).toBe(false);
    expect(m('sub/dir/a.md')).toBe(true);
    expect(m('x/sub/dir/a.md')).toBe(false);
    expect(m('a/b.tmp.md')).toBe(true);
    expect(m('keep.tmp.md')).toBe(false);
    expect(m('a.md')).toBe(false);
  });

  it('keeps comment-like text inside strings', () => {
    expect(JSON.parse(stripJsonComments('{"$schema": "https://x/y.json", // c\n "a": "/* no */"}'))).toEqual({
      $schema: 'https://x/y.json',
      a: '/* no */',
    });
  });
});

describe('lintFiles', () => {
  it('lints each file with its own config, skips ignored files and reports unreadable ones', async () => {
    const results = await lintFiles(
      ['repo/city/plain/a.md', 'repo/city/district/a.md', 'repo/city/drafts/a.md', 'repo/a.txt', 'missing.md', 'repo'],
      { cwd: root, rules },
    );
    const summary = results.map((r) => [
      r.filePath!.slice(root.length + 1),
      r.diagnostics.map((d) => `${d.ruleId}:${d.severity}`),
    ]);
    expect(summary).toEqual([
      ['repo/city/plain/a.md', ['style/test-typo:error']],
      ['repo/city/district/a.md', ['style/test-typo:error', 'structure/test-word:warn']],
      ['repo/a.txt', ['style/test-typo:warn']],
      ['missing.md', ['fzlint/read-error:error']],
      ['repo', ['fzlint/read-error:error']],
    ]);
    expect(results[0]!.diagnostics[0]!.message).toBe('"法冶" should be "法治"');
    expect(results[3]!.fatal).toBe(true);
    expect(results[3]!.diagnostics[0]!.message).toBe('无法读取文件：no such file');
    expect(results[4]!.diagnostics[0]!.message).toBe('无法读取文件：is a directory');
  });

  it('applies rule overrides over the config files, and lints ignored files when asked', async () => {
    const [r] = await lintFiles(['repo/city/drafts/a.md'], {
      cwd: root,
      rules,
      ignore: false,
      ruleOverrides: { 'style/test-typo': 'off' },
    });
    expect(r!.diagnostics).toEqual([]);
  });

  it('drops a UTF-8 BOM and writes fixes with outputFixes', async () => {
    const file = put('fix/a.md', '\uFEFF法冶政府\n');
    const results = await lintFiles([file], { rules, fix: true });
    expect(results[0]!.output).toBe('法治政府\n');
    await outputFixes(results);
    expect(readFileSync(file, 'utf8')).toBe('法治政府\n');
  });
});

describe('bulk suppressions files', () => {
  it('--suppress-all, later runs, --prune-suppressions', async () => {
    const a = put('supp/a.md', '法冶\n法冶\nTODO\n');
    const file = join(root, 'supp/fzlint-suppressions.json');
    const cwd = join(root, 'supp');
    const first = await lintFiles([a], { rules, cwd });
    await writeSuppressions(file, buildSuppressions(first, { cwd }));
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({
      'a.md': { 'structure/test-word': { count: 1 }, 'style/test-typo': { count: 2 } },
    });
    const stored = readSuppressions(file);
    expect(applySuppressions(first, stored, { cwd }).results[0]!.diagnostics).toEqual([]);
    // One typo fixed: still hidden, and the suppression can be pruned.
    writeFileSync(a, '法治\n法冶\nTODO\n');
    const second = await lintFiles([a], { rules, cwd });
    const applied = applySuppressions(second, stored, { cwd });
    expect(applied.results[0]!.errorCount).toBe(0);
    expect(applied.unused).toEqual({ 'a.md': { 'style/test-typo': { count: 1 } } });
    expect(pruneSuppressions(stored, second, { cwd })).toEqual({
      'a.md': { 'structure/test-word': { count: 1 }, 'style/test-typo': { count: 1 } },
    });
    expect(readSuppressions(join(root, 'supp/none.json'))).toEqual({});
    writeFileSync(file, '{"a.md": {"x/y": {"count": -1}}}');
    expect(() => readSuppressions(file)).toThrow(/count 必须是非负整数/);
    expect(() => readSuppressions(file, { locale: 'en' })).toThrow(/count must be a non-negative integer/);
  });
});
