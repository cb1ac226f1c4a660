import { describe, expect, it } from 'vitest';
import { applyFixes, ConfigError, lint, MAX_FIX_PASSES } from '../src/index.js';
import { growRule, loudRule, overlapRule, shrinkRule, throwingRule, typoRule, wordRule } from './helpers.js';

const rules = [typoRule, wordRule, loudRule];

describe('lint: rule severities from config', () => {
  const text = '推进法冶政府建设。TODO 补充数据。\n';

  it('uses each rule default severity when the config says nothing', () => {
    const r = lint(text, { rules });
    expect(r.diagnostics.map((d) => [d.ruleId, d.severity])).toEqual([
      ['statistics/test-loud', 'error'],
      ['style/test-typo', 'error'],
      ['structure/test-word', 'warn'],
    ]);
    expect(r.errorCount).toBe(2);
    expect(r.warningCount).toBe(1);
    expect(r.infoCount).toBe(0);
    expect(r.fixableErrorCount).toBe(1);
    expect(r.fixableWarningCount).toBe(0);
    expect(r.ruleFailures).toEqual([]);
  });

  it('turns rules off, caps their severity, and passes [severity, options]', () => {
    const r = lint(text.replace('TODO', 'FIXME'), {
      rules,
      config: {
        rules: {
          'style/test-typo': 'off',
          'statistics/test-loud': 'info',
          'structure/test-word': ['error', { word: 'FIXME' }],
        },
      },
    });
    expect(r.diagnostics.map((d) => [d.ruleId, d.severity, d.message])).toEqual([
      ['statistics/test-loud', 'info', '总是报告'],
      ['structure/test-word', 'warn', '出现“FIXME”'],
    ]);
    expect(r.infoCount).toBe(1);
  });

  it('renders messages in the configured locale, the option winning over config', () => {
    const config = { locale: 'en' as const };
    expect(lint('法冶', { rules: [typoRule], config }).diagnostics[0]!.message).toBe('"法冶" should be "法治"');
    expect(lint('法冶', { rules: [typoRule], config, locale: 'zh-CN' }).diagnostics[0]!.message).toBe('“法冶”应为“法治”');
  });

  it('throws a ConfigError naming the rule for a bad severity handed over directly, in the run locale', () => {
    const config = { rules: { 'style/test-typo': 'warning' as never } };
    expect(() => lint('x', { rules, config })).toThrow(ConfigError);
    expect(() => lint('x', { rules, config })).toThrow(
      'fzlint 配置: rules["style/test-typo"] 必须是 off、info、warn、error 之一，或 [严重程度, 选项]（实际为 "warning"）',
    );
    expect(() => lint('x', { rules, config, locale: 'en' })).toThrow(
      'fzlint config: rules["style/test-typo"] must be one of off, info, warn, error, or [severity, options] (got "warning")',
    );
    // The config's own locale applies when the caller gives none.
    expect(() => lint('x', { rules, config: { ...config, locale: 'en' } })).toThrow(/must be one of off, info, warn, error/);
  });

  it('rejects a writing date in config that is not YYYY-MM-DD', () => {
    expect(() => lint('x', { rules, config: { writingDate: '2022/3/1' } })).toThrow(
      'fzlint 配置: writingDate 必须是 YYYY-MM-DD 格式的日期（实际为 "2022/3/1"）',
    );
    expect(() => lint('x', { rules, config: { writingDate: '2022/3/1' }, locale: 'en' })).toThrow(
      'fzlint config: writingDate must be a date YYYY-MM-DD (got "2022/3/1")',
    );
  });

  it('gives positions, the docs URL and a sorted list', () => {
    const r = lint('第一行\n法冶政府\n法冶', { rules: [typoRule] });
    expect(r.diagnostics.map((d) => [d.start.line, d.start.column, d.end.line, d.end.column])).toEqual([
      [2, 1, 2, 3],
      [3, 1, 3, 3],
    ]);
    expect(r.diagnostics[0]!.docsUrl).toMatch(/docs\/rules\/style\/test-typo\.md$/);
  });

  it('chooses Markdown for .md and .markdown, plain text otherwise', () => {
    expect(lint('# 标题', { rules: [], filePath: 'a.md' }).document.format).toBe('markdown');
    expect(lint('# 标题', { rules: [], filePath: 'a.MARKDOWN' }).document.format).toBe('markdown');
    expect(lint('# 标题', { rules: [], filePath: 'a.txt' }).document.format).toBe('plaintext');
    expect(lint('# 标题', { rules: [] }).document.format).toBe('plaintext');
  });

  it('lets an explicit format win over the file name', () => {
    const md = lint('# 标题', { rules: [], filePath: 'a.docx', format: 'markdown' });
    expect(md.document.format).toBe('markdown');
    expect(md.document.filePath).toBe('a.docx');
    expect(lint('# 标题', { rules: [], filePath: 'a.md', format: 'plaintext' }).document.format).toBe('plaintext');
    expect(lint('# 标题', { rules: [], format: 'markdown' }).document.format).toBe('markdown');
  });

  it('passes the report year and writing date from config, command-line options winning', () => {
    const seen: unknown[] = [];
    const probe = { ...loudRule, check: (_d: unknown, ctx: { settings: unknown }) => void seen.push(ctx.settings) };
    lint('2020年度报告', { rules: [probe], config: { reportYear: 2021, writingDate: '2022-03-01' } });
    lint('2020年度报告', { rules: [probe], config: { reportYear: 2021 }, reportYear: 2023 });
    expect(seen[0]).toMatchObject({ reportYear: 2021, writingDate: { year: 2022, month: 3, day: 1 }, locale: 'zh-CN' });
    expect(seen[1]).toMatchObject({ reportYear: 2023 });
  });
});

describe('lint: a rule that throws', () => {
  it('records the failure, reports it once naming the rule, and runs the other rules', () => {
    const r = lint('法冶', { rules: [throwingRule, typoRule] });
    expect(r.ruleFailures.map((f) => [f.ruleId, f.error.message])).toEqual([['references/test-throws', 'boom']]);
    const crash = r.diagnostics.filter((d) => d.ruleId === 'fzlint/rule-error');
    expect(crash).toHaveLength(1);
    expect(crash[0]!.severity).toBe('error');
    expect(crash[0]!.message).toContain('references/test-throws');
    expect(crash[0]!.message).toContain('boom');
    expect(r.diagnostics.some((d) => d.ruleId === 'style/test-typo')).toBe(true);
  });
});

describe('lint: fixes', () => {
  it('applies fixes and re-lints; output and findings refer to the fixed text', () => {
    const r = lint('法冶政府，法冶社会', { rules: [typoRule], fix: true });
    expect(r.output).toBe('法治政府，法治社会');
    expect(r.source).toBe('法冶政府，法冶社会');
    expect(r.diagnostics).toEqual([]);
    expect(r.document.text).toBe(r.output);
  });

  it('leaves output unset when nothing changed', () => {
    expect(lint('法治政府', { rules: [typoRule], fix: true }).output).toBeUndefined();
    expect(lint('法冶政府', { rules: [typoRule] }).output).toBeUndefined();
  });

  it('repeats passes until stable (several passes needed)', () => {
    const r = lint('aaaaaa b', { rules: [shrinkRule], fix: true });
    expect(r.output).toBe('aa b');
    expect(r.diagnostics).toEqual([]);
  });

  it('stops after MAX_FIX_PASSES when fixes never converge', () => {
    const r = lint('x', { rules: [growRule], fix: true });
    expect(r.output).toBe(`${'+'.repeat(MAX_FIX_PASSES)}x`);
    expect(r.diagnostics).toHaveLength(1);
  });

  it('applies overlapping fixes one per pass, never both at once', () => {
    const once = applyFixes('法冶政府', lint('法冶政府', { rules: [typoRule, overlapRule] }).diagnostics);
    expect(once.output).toBe('法治政府');
    expect(once.fixed).toBe(true);
    expect(once.remaining.map((d) => d.ruleId)).toEqual(['style/test-overlap']);
    expect(lint('法冶政府', { rules: [typoRule, overlapRule], fix: true }).output).toBe('依法政府');
  });

  it('does not fix what a directive disables', () => {
    const text = '<!-- fzlint-disable-next-line style/test-typo -->\n法冶政府\n法冶社会\n';
    expect(lint(text, { rules: [typoRule], fix: true, filePath: 'a.md' }).output).toBe(
      '<!-- fzlint-disable-next-line style/test-typo -->\n法冶政府\n法治社会\n',
    );
  });
});
