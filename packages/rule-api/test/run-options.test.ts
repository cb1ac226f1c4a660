import { parse } from '@fzlint/parser';
import { describe, expect, it } from 'vitest';
import { defineRule, resolveSettings, runRule } from '../src/index.js';

const messages = { seen: { 'zh-CN': '选项{{value}}', en: 'option {{value}}' } };
const seen: unknown[] = [];

const withDefaults = defineRule<'seen', { limit?: number; extra?: string }>({
  meta: {
    id: 'style/test-options',
    family: 'style',
    defaultSeverity: 'info',
    description: { 'zh-CN': '测试', en: 'test' },
    fixable: false,
    defaultOptions: { limit: 3 },
    messages,
  },
  check(_document, context) {
    seen.push(context.options);
    context.report({ messageId: 'seen', data: { value: `${context.options.limit}/${context.options.extra ?? '-'}` }, range: { start: 0, end: 1 } });
  },
});

const writer = defineRule<'seen', { limit?: number }>({
  meta: { ...withDefaults.meta, id: 'style/test-options-writer' },
  check(_document, context) {
    (context.options as { limit?: number }).limit = 99;
  },
});

const withoutDefaults = defineRule({
  meta: {
    id: 'style/test-no-options',
    family: 'style',
    defaultSeverity: 'info',
    description: { 'zh-CN': '测试', en: 'test' },
    fixable: false,
    messages,
  },
  check(_document, context) {
    seen.push(context.options);
  },
});

describe('a rule run\'s options', () => {
  const document = parse('共收到申请106件。', { format: 'markdown' });
  const settings = resolveSettings(document, {});

  it('are the rule\'s defaults, one frozen object for every run without configured options', () => {
    seen.length = 0;
    const first = runRule(withDefaults, document, { settings });
    runRule(withDefaults, document, { settings });
    expect(first.map((d) => d.message)).toEqual(['选项3/-']);
    expect(seen[0]).toBe(seen[1]);
    expect(seen[0]).toEqual({ limit: 3 });
    expect(Object.isFrozen(seen[0])).toBe(true);
    expect(seen[0]).not.toBe(withDefaults.meta.defaultOptions);
  });

  it('are merged over the defaults when configured, afresh each run', () => {
    seen.length = 0;
    const found = runRule(withDefaults, document, { settings, options: { extra: 'x' } });
    expect(found.map((d) => d.message)).toEqual(['选项3/x']);
    expect(seen[0]).toEqual({ limit: 3, extra: 'x' });
    expect(Object.isFrozen(seen[0])).toBe(false);
  });

  it('are one empty frozen object for a rule without defaults', () => {
    seen.length = 0;
    runRule(withoutDefaults, document, { settings });
    runRule(withoutDefaults, document, { settings });
    expect(seen[0]).toBe(seen[1]);
    expect(seen[0]).toEqual({});
    expect(Object.isFrozen(seen[0])).toBe(true);
  });

  it('cannot be changed by a rule for the next run (the write throws; the engine reports it as the rule\'s failure)', () => {
    expect(() => runRule(writer, document, { settings })).toThrow(TypeError);
    expect(writer.meta.defaultOptions).toEqual({ limit: 3 });
    seen.length = 0;
    expect(runRule(withDefaults, document, { settings }).map((d) => d.message)).toEqual(['选项3/-']);
  });
});
