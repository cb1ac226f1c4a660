import { parse } from '@fzlint/parser';
import { describe, expect, it } from 'vitest';
import { checkMessageData, defineRule, InvalidMessageError, renderMessage, resolveSettings, runRule } from '../src/index.js';

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

describe('messages rendered again from the same data object (findings a lint keeps from the last one)', () => {
  const template = { 'zh-CN': '应为{{value}}{{unit}}', en: 'should be {{value}} {{unit}}' };

  it('gives the message rendered before while the data, template and locale are the same', () => {
    const data: Record<string, string | number> = { value: 12, unit: '件' };
    const first = renderMessage('r', 'm', template, 'zh-CN', data, '');
    expect(first).toBe('应为12件');
    expect(renderMessage('r', 'm', template, 'zh-CN', data, '')).toBe(first);
    expect(renderMessage('r', 'm', template, 'en', data, '')).toBe('should be 12 件');
    expect(renderMessage('r', 'm', { ...template }, 'zh-CN', { ...data }, '')).toBe(first);
  });

  it('renders afresh when the data object was changed in place', () => {
    const data: Record<string, string | number> = { value: 12, unit: '件' };
    renderMessage('r', 'm', template, 'zh-CN', data, '');
    data.value = 13;
    expect(renderMessage('r', 'm', template, 'zh-CN', data, '')).toBe('应为13件');
    data.extra = 'x';
    expect(renderMessage('r', 'm', template, 'zh-CN', data, '')).toBe('应为13件');
    delete data.extra;
    delete data.unit;
    expect(renderMessage('r', 'm', template, 'zh-CN', data, '')).toBe('应为13{{unit}}');
    data.value = Number.NaN;
    expect(() => renderMessage('r', 'm', template, 'zh-CN', data, '')).toThrow(InvalidMessageError);
  });

  it('neither looks up nor keeps a message when not asked to remember it (a one-off lint)', () => {
    const data: Record<string, string | number> = { value: 12, unit: '件' };
    expect(renderMessage('r', 'm', template, 'zh-CN', data, '', false)).toBe('应为12件');
    // Nothing kept: the next lookup renders afresh, and the guard still runs.
    data.value = 13;
    expect(renderMessage('r', 'm', template, 'zh-CN', data, '', false)).toBe('应为13件');
    data.value = Number.NaN;
    expect(() => renderMessage('r', 'm', template, 'zh-CN', data, '', false)).toThrow(InvalidMessageError);
  });

  it('asks the guard again when its verdict read the text (a quoted word the next text may not hold)', () => {
    const data = { value: 'null', unit: '' };
    expect(renderMessage('r', 'm', template, 'zh-CN', data, 'a null value')).toBe('应为null');
    expect(() => renderMessage('r', 'm', template, 'zh-CN', data, '无')).toThrow(InvalidMessageError);
  });
});
