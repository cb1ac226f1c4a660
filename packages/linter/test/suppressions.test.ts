import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applySuppressions, buildSuppressions, ConfigError, lint, parseSuppressions, pruneSuppressions, type LintResult } from '../src/index.js';
import { readSuppressions } from '../src/node.js';
import { typoRule, wordRule } from './helpers.js';

const rules = [typoRule, wordRule];
const cwd = '/repo';
const at = (rel: string, text: string): LintResult => lint(text, { rules, filePath: `${cwd}/${rel}` });

describe('bulk suppressions', () => {
  it('builds counts per file and rule with forward-slash relative paths, leaving the linter own problems out', () => {
    const results = [
      at('2021/report.md', '法冶 TODO\n法冶\n<!-- fzlint-disable-next-line nope/x -->\n'),
      at('clean.md', '法治\n'),
    ];
    expect(buildSuppressions(results, { cwd })).toEqual({
      '2021/report.md': { 'structure/test-word': { count: 1 }, 'style/test-typo': { count: 2 } },
    });
  });

  it('hides findings up to the count, reports all of a rule once there are more (ESLint semantics)', () => {
    const suppressions = { 'a.md': { 'style/test-typo': { count: 2 }, 'structure/test-word': { count: 1 } } };
    const same = applySuppressions([at('a.md', '法冶\n法冶\nTODO\n')], suppressions, { cwd });
    expect(same.results[0]!.diagnostics).toEqual([]);
    expect(same.results[0]!.errorCount).toBe(0);
    expect(same.unused).toEqual({});

    const more = applySuppressions([at('a.md', '法冶\n法冶\n法冶\nTODO\n')], suppressions, { cwd });
    expect(more.results[0]!.diagnostics.map((d) => d.ruleId)).toEqual(['style/test-typo', 'style/test-typo', 'style/test-typo']);
    expect(more.results[0]!.errorCount).toBe(3);
    expect(more.results[0]!.warningCount).toBe(0);
  });

  it('leaves files without suppressions alone and never hides the linter own problems', () => {
    const r = at('b.md', '<!-- fzlint-disable-next-line nope/x -->\n法冶\n');
    const { results } = applySuppressions([r], { 'b.md': { 'style/test-typo': { count: 1 } } }, { cwd });
    expect(results[0]!.diagnostics.map((d) => d.ruleId)).toEqual(['fzlint/unknown-rule']);
    const untouched = at('c.md', '法冶\n');
    expect(applySuppressions([untouched], { 'b.md': {} }, { cwd }).results[0]).toBe(untouched);
  });

  it('prunes fixed findings and keeps files that were not linted', () => {
    const suppressions = {
      'a.md': { 'style/test-typo': { count: 3 }, 'structure/test-word': { count: 1 } },
      'not-linted.md': { 'style/test-typo': { count: 1 } },
    };
    expect(pruneSuppressions(suppressions, [at('a.md', '法冶\n')], { cwd })).toEqual({
      'a.md': { 'style/test-typo': { count: 1 } },
      'not-linted.md': { 'style/test-typo': { count: 1 } },
    });
    expect(pruneSuppressions(suppressions, [at('a.md', '法治\n')], { cwd })).toEqual({
      'not-linted.md': { 'style/test-typo': { count: 1 } },
    });
  });
});

describe('suppressions file errors', () => {
  const file = 'fzlint-suppressions.json';
  const message = (value: unknown, locale?: 'en' | 'zh-CN'): string => {
    try {
      parseSuppressions(value, file, locale !== undefined ? { locale } : {});
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigError);
      return (e as Error).message;
    }
    throw new Error('expected a ConfigError');
  };

  it('names the file and the entry, in zh-CN by default or in English', () => {
    expect(message([])).toBe('fzlint-suppressions.json: 内容必须是一个 JSON 对象：文件路径 → 规则 id → {"count": N}（实际为 数组）');
    expect(message({ 'a.md': 3 }, 'en')).toBe('fzlint-suppressions.json: "a.md" must map rule ids to {"count": N} (got 3)');
    expect(message({ 'a.md': { 'style/x': { count: -1 } } })).toBe('fzlint-suppressions.json: "a.md"["style/x"].count 必须是非负整数（实际为 -1）');
    expect(message({ 'a.md': { 'style/x': {} } }, 'en')).toBe(
      'fzlint-suppressions.json: "a.md"["style/x"].count must be a non-negative integer (got nothing)',
    );
    expect(parseSuppressions({ 'a.md': { 'style/x': { count: 2 } } })).toEqual({ 'a.md': { 'style/x': { count: 2 } } });
  });

  it('readSuppressions: a missing file is empty, bad JSON says where, in the locale asked', () => {
    const dir = mkdtempSync(join(tmpdir(), 'fzlint-suppressions-'));
    try {
      const path = join(dir, file);
      expect(readSuppressions(path)).toEqual({});
      writeFileSync(path, '{\n  "a.md": }\n');
      expect(() => readSuppressions(path)).toThrow(/JSON 格式错误/);
      expect(() => readSuppressions(path, { locale: 'en' })).toThrow(/invalid JSON/);
      writeFileSync(path, '{"a.md": {"style/x": {"count": 1.5}}}');
      expect(() => readSuppressions(path, { locale: 'en' })).toThrow(/count must be a non-negative integer \(got 1\.5\)/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
