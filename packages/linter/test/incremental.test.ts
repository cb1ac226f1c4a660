import { parse, reparse } from '@fzlint/parser';
import { defineRule, type AnyRule } from '@fzlint/rule-api';
import { describe, expect, it } from 'vitest';
import { createRuleReuse, editWindow, lint } from '../src/index.js';

/** A paragraph-local rule: every 法冶 in the body's paragraphs. */
function typoRule(id: `style/${string}`, scope: 'paragraph' | 'document'): AnyRule {
  return defineRule<'typo'>({
    meta: {
      id,
      family: 'style',
      defaultSeverity: 'warn',
      description: { 'zh-CN': '测试', en: 'test' },
      fixable: true,
      scope,
      messages: { typo: { 'zh-CN': '「法冶」应为「法治」', en: '法冶 → 法治' } },
    },
    check(document, context) {
      for (const p of document.paragraphs) {
        for (let at = p.text.indexOf('法冶'); at >= 0; at = p.text.indexOf('法冶', at + 1)) {
          const start = p.range.start + at;
          context.report({ messageId: 'typo', range: { start, end: start + 2 }, fix: { range: { start, end: start + 2 }, text: '法治' } });
        }
      }
    },
  }) as AnyRule;
}

const TEXT = ['# 2023年法治政府建设工作报告', '', '## 一、主要举措', '', '推进法冶政府建设。', '', '完善依法行政制度。', '', '## 二、存在的不足', '', '法冶意识有待提高。', ''].join('\n');

describe('RuleReuse', () => {
  it('re-runs a local rule on the edited paragraph only, with the findings of a fresh lint', () => {
    const reuse = createRuleReuse();
    const rules = reuse.wrap([typoRule('style/test-local', 'paragraph')]);
    const first = reuse.run('r.md', () => lint(TEXT, { rules, filePath: 'r.md' }));
    const at = TEXT.indexOf('完善');
    const text = `${TEXT.slice(0, at)}法冶${TEXT.slice(at)}`;
    const document = reparse(first.document, [{ range: { start: at, end: at }, text: '法冶' }]);
    const next = reuse.run('r.md', () => lint(text, { rules, filePath: 'r.md', document }));
    expect(reuse.stats).toEqual({ windowed: 1, whole: 1 });
    const fresh = lint(text, { rules: [typoRule('style/test-local', 'paragraph')], filePath: 'r.md' });
    expect(next.diagnostics).toEqual(fresh.diagnostics);
    expect(next.diagnostics.map((d) => text.slice(d.range.start, d.range.end))).toEqual(['法冶', '法冶', '法冶']);
  });

  it('leaves document rules alone, and never mixes up two rules of one id', () => {
    const reuse = createRuleReuse();
    const local = typoRule('style/test-same', 'paragraph');
    const other = defineRule<'x'>({
      meta: { ...local.meta, scope: 'sentence', messages: { x: { 'zh-CN': '另一条', en: 'another' } } },
      check(document, context) {
        for (const s of document.sentences) if (s.text.includes('，')) context.report({ messageId: 'x', range: s.range });
      },
    }) as AnyRule;
    const whole = typoRule('style/test-document', 'document');
    const rules = reuse.wrap([local, other, whole]);
    expect(rules[2]).toBe(whole);
    let text = TEXT;
    let document = reuse.run('r.md', () => lint(text, { rules, filePath: 'r.md' })).document;
    for (const [find, insert] of [['完善', '法冶'], ['意识', '，'], ['推进', '法冶']] as const) {
      const at = text.indexOf(find);
      text = `${text.slice(0, at)}${insert}${text.slice(at)}`;
      document = reparse(document, [{ range: { start: at, end: at }, text: insert }]);
      const got = reuse.run('r.md', () => lint(text, { rules, filePath: 'r.md', document }));
      expect(got.diagnostics).toEqual(lint(text, { rules: [local, other, whole], filePath: 'r.md' }).diagnostics);
      document = got.document;
    }
    expect(reuse.stats.windowed).toBeGreaterThan(0);
  });
});

describe('editWindow', () => {
  const before = parse(TEXT, { format: 'markdown' });
  const edit = (find: string, insert: string) => {
    const at = TEXT.indexOf(find);
    return reparse(before, [{ range: { start: at, end: at }, text: insert }]);
  };

  it('is the edited paragraph, shifted from the old text', () => {
    const w = editWindow(before, edit('完善', '字'));
    const start = TEXT.indexOf('完善');
    expect(w && { start: w.start, end: w.end, oldStart: w.oldStart, oldEnd: w.oldEnd, delta: w.delta }).toEqual({
      start,
      end: start + '字完善依法行政制度。'.length,
      oldStart: start,
      oldEnd: start + '完善依法行政制度。'.length,
      delta: 1,
    });
    expect(w?.view.paragraphs.map((p) => p.text)).toEqual(['字完善依法行政制度。']);
    expect(w?.view.sentences.every((s) => s.paragraphIndex === 0)).toBe(true);
  });

  it('is none when a heading, the title or the paragraphs around change', () => {
    expect(editWindow(before, edit('主要举措', '字'))).toBeUndefined();
    expect(editWindow(before, edit('2023年', '字'))).toBeUndefined();
    // A new paragraph break splits what a rule read as one paragraph.
    expect(editWindow(before, edit('完善', '\n\n## 三、其他\n\n'))).toBeUndefined();
  });
});
