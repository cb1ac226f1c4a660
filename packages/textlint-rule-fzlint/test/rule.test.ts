import { readFileSync } from 'node:fs';
import type { TextlintKernelDescriptor } from '@textlint/kernel';
import { createLinter, loadTextlintrc } from 'textlint';
import { describe, expect, it } from 'vitest';
import rule, { messageOf, reporter, settingsFromOptions } from '../src/index.js';

const text = readFileSync(new URL('./fixtures/report.md', import.meta.url), 'utf8');

// textlint's library API with its built-in Markdown and text plugins, the rule given as a module object.
async function linterWith(options: Record<string, unknown>) {
  const base: TextlintKernelDescriptor = await loadTextlintrc();
  return createLinter({ descriptor: base.shallowMerge({ rules: [{ ruleId: 'fzlint', rule, options }] }) });
}

describe('textlint-rule-fzlint as a module', () => {
  it('is a fixable rule module: {linter, fixer}', () => {
    expect(rule.linter).toBe(reporter);
    expect(rule.fixer).toBe(reporter);
  });

  it('reports every finding of the document with its range', async () => {
    const linter = await linterWith({ minSeverity: 'info' });
    const result = await linter.lintText(text, '/virtual/report.md');
    const ids = result.messages.map((m) => /^\[([^\]]+)\]/.exec(m.message)![1]);
    expect(ids).toEqual([
      'structure/required-section',
      'style/domain-typo',
      'statistics/concluded-exceeds-received',
      'structure/shortcomings-without-causes',
      'structure/disclosure-deadline',
    ]);
    for (const m of result.messages) expect(m.range[1]).toBeGreaterThan(m.range[0]);
  });

  it('passes fzlint suggestions on as textlint suggestions', async () => {
    const linter = await linterWith({});
    const result = await linter.lintText(text, '/virtual/report.md');
    const missing = result.messages.find((m) => m.message.startsWith('[structure/required-section]'))!;
    expect(missing.suggestions?.length).toBeGreaterThan(0);
    expect(missing.suggestions![0]!.id).toBe('structure/required-section#0');
  });

  it('fixText applies the sure fixes only', async () => {
    const linter = await linterWith({});
    const fixed = await linter.fixText(text, '/virtual/report.md');
    expect(fixed.output).toBe(text.replace('法冶', '法治'));
  });

  it('options: validated like fzlint.config.json, textlint severity key left to textlint', () => {
    expect(settingsFromOptions(true)).toEqual({ config: {}, minSeverity: 'warn', discoverConfig: true });
    expect(settingsFromOptions({ severity: 'warning', reportYear: 2023, minSeverity: 'info' })).toEqual({
      config: { reportYear: 2023 },
      minSeverity: 'info',
      discoverConfig: true,
    });
    expect(() => settingsFromOptions({ minSeverity: 'warning' })).toThrow(/minSeverity 必须是 info、warn、error 之一（实际为 "warning"）/);
    expect(() => settingsFromOptions({ locale: 'en', minSeverity: 'warning' })).toThrow(/minSeverity must be one of info, warn, error \(got "warning"\)/);
    expect(() => settingsFromOptions({ locale: 'fr' })).toThrow(/locale/);
    // Config errors are in the `locale` option's language, zh-CN by default (as fzlint's).
    expect(() => settingsFromOptions({ reportYaer: 2023 })).toThrow(/是否应为 reportYear？/);
    expect(() => settingsFromOptions({ locale: 'en', reportYaer: 2023 })).toThrow(/did you mean reportYear\?/);
  });

  it('messages start with the fzlint rule id', () => {
    expect(
      messageOf({
        ruleId: 'style/domain-typo',
        severity: 'warn',
        messageId: 'x',
        message: '错别字',
        range: { start: 0, end: 1 },
        start: { line: 1, column: 1 },
        end: { line: 1, column: 2 },
        docsUrl: '',
      }),
    ).toBe('[style/domain-typo] 错别字');
  });
});
