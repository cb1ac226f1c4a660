import { compareDiagnostics, defineRule, type AnyRule } from '@fzlint/rule-api';
import { describe, expect, it } from 'vitest';
import { lint } from '../src/index.js';

/** A rule that reports the first character of the text, so every such rule reports the same range. */
function firstCharRule(id: `${'structure' | 'statistics' | 'references' | 'style'}/${string}`): AnyRule {
  const family = id.slice(0, id.indexOf('/')) as 'style';
  return defineRule<'here'>({
    meta: {
      id: id as `style/${string}`,
      family,
      defaultSeverity: 'warn',
      fixable: false,
      description: { 'zh-CN': '测试', en: 'Test' },
      messages: { here: { 'zh-CN': '此处', en: 'here' } },
    },
    check(_document, context) {
      context.report({ messageId: 'here', range: { start: 0, end: 1 } });
    },
  });
}

describe('lint: order of findings', () => {
  it('breaks ties on the same range by rule id, in the order of compareDiagnostics', () => {
    const ids = ['style/x-y', 'structure/b', 'style/xy', 'statistics/a2', 'style/x', 'statistics/a-1', 'references/z'] as const;
    const r = lint('法治政府建设\n', { rules: ids.map(firstCharRule) });
    const got = r.diagnostics.map((d) => d.ruleId);
    expect(got).toHaveLength(ids.length);
    expect(got).toEqual([...r.diagnostics].sort(compareDiagnostics).map((d) => d.ruleId));
    expect(got).toEqual(['references/z', 'statistics/a-1', 'statistics/a2', 'structure/b', 'style/x', 'style/x-y', 'style/xy']);
  });
});
