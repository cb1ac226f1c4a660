import { parse } from '@fzlint/parser';
import { describe, expect, it } from 'vitest';
import { checkMessageData, defineRule, InvalidMessageError, resolveSettings, runRule } from '../src/index.js';

const rule = defineRule({
  meta: {
    id: 'statistics/test-guard',
    family: 'statistics',
    defaultSeverity: 'warn',
    description: { 'zh-CN': '测试', en: 'test' },
    fixable: false,
    messages: { rate: { 'zh-CN': '计算应为{{value}}', en: 'should be {{value}}' } },
  },
  check(document, context) {
    for (const value of [50, Number.NaN, '12.5%', `${Number.POSITIVE_INFINITY}件`, 7]) {
      context.report({ messageId: 'rate', data: { value: value as string | number }, range: { start: 0, end: 1 } });
    }
  },
});

describe('the message guard', () => {
  const document = parse('共收到申请106件。', { format: 'markdown' });
  const settings = resolveSettings(document, {});

  it('throws for a finding whose message would show NaN or Infinity (tests fail loudly)', () => {
    expect(() => runRule(rule, document, { settings })).toThrow(InvalidMessageError);
    expect(() => runRule(rule, document, { settings })).toThrow(/statistics\/test-guard would show a number out of range as its value in message "rate"/);
  });

  it('with a handler, leaves only those findings out and keeps the rule\'s others', () => {
    const errors: Error[] = [];
    const found = runRule(rule, document, { settings, onInvalidMessage: (e) => errors.push(e) });
    expect(found.map((d) => d.message)).toEqual(['计算应为50', '计算应为12.5%', '计算应为7']);
    expect(errors).toHaveLength(2);
  });

  it('accepts the words when the document itself holds them (a finding may quote the report)', () => {
    expect(() => checkMessageData('r', 'm', { quoted: 'null' }, 'a null value')).not.toThrow();
    expect(() => checkMessageData('r', 'm', { quoted: 'null' }, '无')).toThrow(InvalidMessageError);
    expect(() => checkMessageData('r', 'm', { n: undefined }, '')).toThrow(/no value as its n/);
    expect(() => checkMessageData('r', 'm', { word: 'Nullable Infinityx' }, '')).not.toThrow();
    expect(() => checkMessageData('r', 'm', { n: -Infinity }, '')).toThrow(/a number out of range/);
    expect(() => checkMessageData('r', 'm', { s: 'NaN%' }, '')).toThrow(/a failed computation/);
  });
});
