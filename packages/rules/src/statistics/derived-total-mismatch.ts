import { defineRule } from '@fzlint/rule-api';
import { shown, verbOf, withUnit } from './format.js';
import { extractStatistics } from './relations.js';

/**
 * Arithmetic the text states that does not hold: 新增 − 注销 = 净增 (also part by
 * part, 企业 and 个体工商户), and 收到 = 审结 + 在审 when a sentence gives exactly
 * those three counts. Only exact counts are compared; carried-over work (上年结转,
 * 旧存) switches the balance check off.
 */
export const rule = defineRule({
  meta: {
    id: 'statistics/derived-total-mismatch',
    family: 'statistics',
    defaultSeverity: 'error',
    fixable: false,
    description: {
      'zh-CN': '文中隐含的算式应成立：新增数减注销数等于净增数，收到数等于审结数加在审数。',
      en: 'Arithmetic the text implies must hold: added − removed = net growth, and received = concluded + pending.',
    },
    messages: {
      netChange: {
        'zh-CN': '{{label}}净增数（{{net}}）与新增数（{{added}}）减注销数（{{removed}}）之差（{{expected}}）不符。',
        en: '{{label}}net growth ({{net}}) differs from added ({{added}}) minus removed ({{removed}}) = {{expected}}.',
      },
      receivedBalance: {
        'zh-CN': '{{receivedVerb}}数（{{received}}）与{{concludedVerb}}数（{{concluded}}）加{{pendingVerb}}数（{{pending}}）之和（{{expected}}）不符。',
        en: 'The {{receivedVerb}} count ({{received}}) differs from {{concludedVerb}} ({{concluded}}) plus {{pendingVerb}} ({{pending}}) = {{expected}}.',
      },
      termHere: {
        'zh-CN': '{{verb}}数（{{count}}）',
        en: '{{verb}} count ({{count}})',
      },
    },
  },
  check(document, context) {
    for (const rel of extractStatistics(document).relations) {
      if (rel.kind !== 'derived-total') continue;
      if (Math.abs(rel.expected - rel.result.value) <= rel.tolerance + 1e-9) continue;
      const [first, second] = rel.terms;
      if (!first || !second) continue;
      const related = rel.terms.map((t) => ({
        range: t.mention.range,
        messageId: 'termHere' as const,
        data: { verb: verbOf(t.mention, ''), count: shown(t.mention) },
      }));
      if (rel.operation === 'net-change') {
        context.report({
          messageId: 'netChange',
          range: rel.result.range,
          data: {
            label: rel.label ? `${rel.label}` : '',
            net: shown(rel.result),
            added: shown(first.mention),
            removed: shown(second.mention),
            expected: withUnit(rel.expected, rel.result),
          },
          related,
        });
      } else {
        context.report({
          messageId: 'receivedBalance',
          range: rel.result.range,
          data: {
            receivedVerb: verbOf(rel.result, '收到'),
            received: shown(rel.result),
            concludedVerb: verbOf(first.mention, '审结'),
            concluded: shown(first.mention),
            pendingVerb: verbOf(second.mention, '在审'),
            pending: shown(second.mention),
            expected: withUnit(rel.expected, rel.result),
          },
          related,
        });
      }
    }
  },
});

export default rule;
