import { domainTypoEntries } from '@fzlint/ontology';
import { defineRule } from '@fzlint/rule-api';
import { compileStyleEntries, findStyleMatches } from './scan.js';

type MessageId = 'typo';

const COMPILED = compileStyleEntries(domainTypoEntries);

/**
 * Sure typos of the domain, from the ontology's `domainTypoEntries`: forms that
 * cannot be a correct word here (法冶 → 法治, 个工商户 → 个体工商户, 公示率到达100% →
 * 达到). Each has one correction, applied by the fix. Never inside the 《》 title of
 * another document. Likely but unsure typos (全规范 for 全面规范) are left out.
 */
export const rule = defineRule<MessageId>({
  meta: {
    id: 'style/domain-typo',
    family: 'style',
    defaultSeverity: 'warn',
    description: {
      'zh-CN': '法治政府建设领域的确定错别字',
      en: 'Sure typos of the rule-of-law reporting domain',
    },
    fixable: true,
    messages: {
      typo: {
        'zh-CN': '错别字：「{{text}}」应为「{{correct}}」（{{reason}}）',
        en: 'Typo: “{{text}}” should be “{{correct}}” ({{reasonEn}})',
      },
    },
  },
  check(document, context) {
    for (const m of findStyleMatches(document, COMPILED)) {
      if (m.replacement === undefined) continue;
      context.report({
        messageId: 'typo',
        data: { text: m.text.trim(), correct: m.replacement.trim(), reason: m.entry.reason, reasonEn: m.entry.reasonEn },
        range: m.range,
        ...(m.entry.severity ? { severity: m.entry.severity } : {}),
        fix: { range: m.range, text: m.replacement },
      });
    }
  },
});

export default rule;
