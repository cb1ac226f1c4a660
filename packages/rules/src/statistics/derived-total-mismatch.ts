import { defineRule } from '@fzlint/rule-api';
import { shown, verbOf, withUnit } from './format.js';
import { figureLedger } from './figures.js';
import { extractStatistics } from './relations.js';

/**
 * Arithmetic the text states that does not hold: 新增 − 注销 = 净增 (also part by
 * part, 企业 and 个体工商户); 收到 = 审结 + 在审 when a sentence gives exactly those
 * three counts (carried-over work switches this one off); and 收到 = 新收 + 上年结转
 * when all three are stated — as a 其中 list of exactly those two parts, or in one
 * paragraph (a received count equal to the new one means new cases only, and passes).
 * Only exact counts are compared.
 */
export const rule = defineRule({
  meta: {
    id: 'statistics/derived-total-mismatch',
    family: 'statistics',
    defaultSeverity: 'error',
    fixable: false,
    scope: 'document',
    description: {
      'zh-CN': '文中隐含的算式应成立：新增数减注销数等于净增数，收到数等于审结数加在审数，收到数等于新收数加上年结转数。',
      en: 'Arithmetic the text implies must hold: added − removed = net growth, received = concluded + pending, and received = new + carried-over.',
    },
    messages: {
      netChange: {
        'zh-CN': '{{label}}净增数（{{net}}）与新增数（{{added}}）减注销数（{{removed}}）之差（{{expected}}）不符。',
        en: '{{label}}net growth ({{net}}) differs from added ({{added}}) minus removed ({{removed}}) = {{expected}}.',
      },
      newPlusCarried: {
        'zh-CN': '{{totalVerb}}数（{{total}}）与新收数（{{new}}）加上年结转数（{{carried}}）之和（{{expected}}）不符。',
        en: 'The {{totalVerb}} count ({{total}}) differs from new ({{new}}) plus carried-over ({{carried}}) = {{expected}}.',
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
    // 收到 = 新收 + 上年结转, when all three are stated.
    // An indexed loop, not for…of (an iterator and a result object per step in code run once a report).
    const balances = figureLedger(document, context.analysisCache).balances;
    for (let i = 0; i < balances.length; i++) {
      const b = balances[i]!;
      const { total, carried } = b;
      const expected = b.new.value + carried.value;
      const tolerance = b.new.precision + carried.precision + total.precision + 1e-9;
      if (total.approximation !== undefined || b.new.approximation !== undefined || carried.approximation !== undefined) continue;
      if (Math.abs(expected - total.value) <= tolerance) continue;
      // Parts of a 其中 list above their total are parts-exceed-total's finding.
      if (b.listed && expected > total.value) continue;
      const data = {
        totalVerb: total.verb ?? '总',
        total: total.text.trim(),
        new: b.new.text.trim(),
        carried: carried.text.trim(),
        expected: total.mention ? withUnit(expected, total.mention) : String(expected),
      };
      context.report({
        messageId: 'newPlusCarried',
        range: total.range,
        data,
        related: [
          { range: b.new.range, messageId: 'termHere', data: { verb: b.new.verb ?? '新收', count: data.new } },
          { range: carried.range, messageId: 'termHere', data: { verb: '上年结转', count: data.carried } },
        ],
      });
    }
    for (const rel of extractStatistics(document, context.analysisCache).relations) {
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
