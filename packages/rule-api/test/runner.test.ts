import { parse } from '@fzlint/parser';
import { describe, expect, it } from 'vitest';
import { createRuleRunner, defineRule, InvalidMessageError, resolveSettings, runRule, type AnyRule, type RuleContext } from '../src/index.js';

const messages = { found: { 'zh-CN': '发现{{what}}', en: 'found {{what}}' } };
const meta = {
  family: 'style' as const,
  defaultSeverity: 'warn' as const,
  description: { 'zh-CN': '测试', en: 'test' },
  fixable: false,
  messages,
};
const contexts: RuleContext[] = [];

/** Reports `count` findings, the k-th over [k, k + 1), and keeps the context it was given. */
function reporting(id: `style/${string}`, count: number, what: string = id): AnyRule {
  return defineRule<'found', { count?: number }>({
    meta: { ...meta, id, defaultOptions: { count } },
    check(_document, context) {
      contexts.push(context as RuleContext);
      for (let k = 0; k < (context.options.count ?? 0); k++) context.report({ messageId: 'found', data: { what }, range: { start: k, end: k + 1 } });
    },
  });
}

const throwing = defineRule({
  meta: { ...meta, id: 'style/test-throws' },
  check(_document, context) {
    context.report({ messageId: 'found', data: { what: 'x' }, range: { start: 0, end: 1 } });
    throw new Error('boom');
  },
});

const broken = defineRule({
  meta: { ...meta, id: 'style/test-broken' },
  check(_document, context) {
    context.report({ messageId: 'found', data: { what: Number.NaN }, range: { start: 0, end: 1 } });
    context.report({ messageId: 'found', data: { what: 'ok' }, range: { start: 1, end: 2 } });
  },
});

describe('createRuleRunner', () => {
  const document = parse('共收到申请106件。', { format: 'markdown' });
  const settings = resolveSettings(document, {});

  it('gives what runRule gives, run after run', () => {
    const runner = createRuleRunner();
    for (const rule of [reporting('style/test-a', 2), reporting('style/test-b', 0), reporting('style/test-c', 3)]) {
      for (const severity of [undefined, 'info'] as const) {
        const opts = severity ? { settings, severity } : { settings };
        expect([...runner.run(rule, document, opts)]).toEqual(runRule(rule, document, opts));
      }
    }
    const configured = reporting('style/test-d', 1);
    expect([...runner.run(configured, document, { settings, options: { count: 2 } })]).toEqual(runRule(configured, document, { settings, options: { count: 2 } }));
  });

  it('shares one context, its fields set for each run, and empties its list for the next run', () => {
    contexts.length = 0;
    const runner = createRuleRunner();
    const first = runner.run(reporting('style/test-a', 2), document, { settings });
    expect(first.map((d) => d.ruleId)).toEqual(['style/test-a', 'style/test-a']);
    const previous = { document };
    const second = runner.run(reporting('style/test-b', 1), document, { settings, previous });
    expect(second).toBe(first);
    expect(second.map((d) => d.ruleId)).toEqual(['style/test-b']);
    expect(contexts[0]).toBe(contexts[1]);
    expect(contexts[1]!.previous).toBe(previous);
    runner.run(reporting('style/test-c', 0), document, { settings });
    expect(contexts[2]!.previous).toBeUndefined();
    expect(contexts[2]!.options).toEqual({ count: 0 });
  });

  it('makes no finding for a report after check returned', () => {
    contexts.length = 0;
    const runner = createRuleRunner();
    runner.run(reporting('style/test-a', 0), document, { settings });
    contexts[0]!.report({ messageId: 'found', data: { what: 'late' }, range: { start: 0, end: 1 } });
    expect(runner.run(reporting('style/test-b', 0), document, { settings })).toEqual([]);
  });

  it('lets a rule\'s exception through, and its findings are gone with the next run', () => {
    const runner = createRuleRunner();
    expect(() => runner.run(throwing, document, { settings })).toThrow('boom');
    expect(runner.run(reporting('style/test-a', 1), document, { settings }).map((d) => d.ruleId)).toEqual(['style/test-a']);
  });

  it('hands a broken message to onInvalidMessage and keeps the run\'s other findings', () => {
    const errors: InvalidMessageError[] = [];
    const runner = createRuleRunner();
    const found = runner.run(broken, document, { settings, onInvalidMessage: (e) => errors.push(e) });
    expect(found.map((d) => d.message)).toEqual(['发现ok']);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toBeInstanceOf(InvalidMessageError);
  });
});
