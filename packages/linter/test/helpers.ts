import { defineRule, type AnyRule } from '@fzlint/rule-api';

const TYPO = /法冶/g;

/** Reports every 法冶 with a fix to 法治 (a sure, non-overlapping fix). */
export const typoRule: AnyRule = defineRule<'typo'>({
  meta: {
    id: 'style/test-typo',
    family: 'style',
    defaultSeverity: 'error',
    description: { 'zh-CN': '测试：错别字', en: 'Test: typo' },
    fixable: true,
    messages: { typo: { 'zh-CN': '“{{found}}”应为“法治”', en: '"{{found}}" should be "法治"' } },
  },
  check(document, context) {
    for (const m of document.text.matchAll(TYPO)) {
      const start = m.index;
      context.report({
        messageId: 'typo',
        data: { found: m[0] },
        range: { start, end: start + m[0].length },
        fix: { range: { start, end: start + m[0].length }, text: '法治' },
      });
    }
  },
});

/** Reports each line containing the option `word` (default TODO); a warning by default. */
export const wordRule: AnyRule = defineRule<'word', { word: string }>({
  meta: {
    id: 'structure/test-word',
    family: 'structure',
    defaultSeverity: 'warn',
    description: { 'zh-CN': '测试：关键词', en: 'Test: word' },
    fixable: false,
    messages: { word: { 'zh-CN': '出现“{{word}}”', en: 'Found "{{word}}"' } },
    optionsSchema: { type: 'object', properties: { word: { type: 'string' } }, additionalProperties: false },
    defaultOptions: { word: 'TODO' },
  },
  check(document, context) {
    const { word } = context.options;
    for (let at = document.text.indexOf(word); at >= 0; at = document.text.indexOf(word, at + word.length)) {
      context.report({ messageId: 'word', data: { word }, range: { start: at, end: at + word.length } });
    }
  },
});

/** Reports an error-severity finding on the first character, to test severity caps. */
export const loudRule: AnyRule = defineRule<'loud'>({
  meta: {
    id: 'statistics/test-loud',
    family: 'statistics',
    defaultSeverity: 'error',
    description: { 'zh-CN': '测试：总是报告', en: 'Test: always reports' },
    fixable: false,
    messages: { loud: { 'zh-CN': '总是报告', en: 'Always reported' } },
  },
  check(document, context) {
    if (document.text.length) context.report({ messageId: 'loud', range: { start: 0, end: 1 } });
  },
});

/** Throws on every document. */
export const throwingRule: AnyRule = defineRule<'never'>({
  meta: {
    id: 'references/test-throws',
    family: 'references',
    defaultSeverity: 'error',
    description: { 'zh-CN': '测试：抛出异常', en: 'Test: throws' },
    fixable: false,
    messages: { never: { 'zh-CN': '不会报告', en: 'Never reported' } },
  },
  check() {
    throw new Error('boom');
  },
});

const AAA = /a{3,}/g;

/** Shortens each run of three or more `a` by one per pass: converges after several passes. */
export const shrinkRule: AnyRule = defineRule<'shrink'>({
  meta: {
    id: 'style/test-shrink',
    family: 'style',
    defaultSeverity: 'warn',
    description: { 'zh-CN': '测试：逐次缩短', en: 'Test: shrinks one step per pass' },
    fixable: true,
    messages: { shrink: { 'zh-CN': '太长', en: 'Too long' } },
  },
  check(document, context) {
    for (const m of document.text.matchAll(AAA)) {
      const end = m.index + m[0].length;
      context.report({ messageId: 'shrink', range: { start: m.index, end }, fix: { range: { start: end - 1, end }, text: '' } });
    }
  },
});

/** Always offers a fix that inserts one more mark: never converges. */
export const growRule: AnyRule = defineRule<'grow'>({
  meta: {
    id: 'style/test-grow',
    family: 'style',
    defaultSeverity: 'warn',
    description: { 'zh-CN': '测试：永不收敛', en: 'Test: never converges' },
    fixable: true,
    messages: { grow: { 'zh-CN': '再加一个', en: 'One more' } },
  },
  check(_document, context) {
    context.report({ messageId: 'grow', range: { start: 0, end: 0 }, fix: { range: { start: 0, end: 0 }, text: '+' } });
  },
});

/** Replaces the whole text's first two characters: overlaps typoRule's fix on a text starting with 法冶. */
export const overlapRule: AnyRule = defineRule<'overlap'>({
  meta: {
    id: 'style/test-overlap',
    family: 'style',
    defaultSeverity: 'warn',
    description: { 'zh-CN': '测试：重叠修复', en: 'Test: overlapping fix' },
    fixable: true,
    messages: { overlap: { 'zh-CN': '开头应为“依法”', en: 'Should start with "依法"' } },
  },
  check(document, context) {
    if (document.text.length >= 3 && !document.text.startsWith('依法')) {
      context.report({
        messageId: 'overlap',
        range: { start: 0, end: 3 },
        fix: { range: { start: 0, end: 3 }, text: `依法${document.text.slice(2, 3)}` },
      });
    }
  },
});
