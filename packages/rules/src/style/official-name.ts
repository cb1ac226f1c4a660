import { officialNameEntries } from '@fzlint/ontology';
import { defineRule } from '@fzlint/rule-api';
import { compileStyleEntries, findStyleMatches } from './scan.js';

type MessageId = 'wrongName' | 'ambiguousName';

const COMPILED = compileStyleEntries(officialNameEntries);

/**
 * Wrong names of bodies, duties and Party formulas, from the ontology's
 * `officialNameEntries` (中央依法治国委员会 → 中央全面依法治国委员会,
 * 推进法治政府建设第一责任人 → 推进法治建设第一责任人, 十九大和历届全会 → 十九大和十九届历次全会).
 * Never inside the 《》 title of another document: a title is quoted as issued.
 */
export const rule = defineRule<MessageId>({
  meta: {
    id: 'style/official-name',
    family: 'style',
    defaultSeverity: 'warn',
    description: {
      'zh-CN': '机构、职责或规范提法的名称写错',
      en: 'Wrong official name of a body, a duty or a Party formula',
    },
    fixable: true,
    scope: 'paragraph',
    messages: {
      wrongName: {
        'zh-CN': '「{{text}}」应为「{{correct}}」：{{reason}}',
        en: '“{{text}}” should be “{{correct}}”: {{reasonEn}}',
      },
      ambiguousName: {
        'zh-CN': '「{{text}}」名称有误：{{reason}}',
        en: '“{{text}}” is not a correct name: {{reasonEn}}',
      },
    },
  },
  check(document, context) {
    for (const m of findStyleMatches(document, COMPILED)) {
      const data = { text: m.text, correct: m.replacement ?? m.entry.correctExample, reason: m.entry.reason, reasonEn: m.entry.reasonEn };
      context.report({
        messageId: m.replacement !== undefined ? 'wrongName' : 'ambiguousName',
        data,
        range: m.range,
        ...(m.entry.severity ? { severity: m.entry.severity } : {}),
        ...(m.replacement !== undefined ? { fix: { range: m.range, text: m.replacement } } : {}),
      });
    }
  },
});

export default rule;
