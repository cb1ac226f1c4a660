import { defineRule } from '@fzlint/rule-api';
import type { TextRange } from '@fzlint/parser';
import { shown, withUnit } from './format.js';
import { extractStatistics, type PartsRelation } from './relations.js';

/**
 * Parts of a total (其中…、包括…、分别为…) that add up to more than the total.
 * A part above its total is always wrong. The sum of several parts is checked only
 * where the text says they do not overlap: a partition — 分别为, or every part of a
 * known split such as 企业/个体工商户 — and a list of categories that exclude each
 * other (维持/撤销/驳回, 来信/来访, 废止/宣告失效). Other 其中 lists may be cross-cutting
 * subsets (by channel and by type) whose sum may exceed the total. A non-exhaustive
 * list may add up to less; a partition must add up exactly, and a difference is a
 * warning (the text may simply omit a small remainder). Approximate parts count with
 * their lower bound, an approximate total with its upper bound.
 */
export const rule = defineRule({
  meta: {
    id: 'statistics/parts-exceed-total',
    family: 'statistics',
    defaultSeverity: 'error',
    fixable: false,
    scope: 'document',
    description: {
      'zh-CN': '“其中”“分别为”等列出的分项之和不得大于总数；写明构成全部的分项之和应等于总数。',
      en: 'The parts listed after 其中/分别为 must not add up to more than their total, and a stated partition must add up to it.',
    },
    messages: {
      exceeds: {
        'zh-CN': '分项之和（{{sum}}）大于总数（{{total}}）。',
        en: 'The parts add up to {{sum}}, more than the total ({{total}}).',
      },
      partitionMismatch: {
        'zh-CN': '分项之和（{{sum}}）与总数（{{total}}）不符：“{{marker}}”列出的分项应构成全部，相差{{difference}}。',
        en: 'The parts add up to {{sum}}, not to the total ({{total}}), although “{{marker}}” lists all of them (difference {{difference}}).',
      },
      totalHere: {
        'zh-CN': '总数（{{total}}）',
        en: 'total ({{total}})',
      },
    },
  },
  check(document, context) {
    // Indexed loops and one pass over the parts, no closure per relation: every parts relation of every
    // report is checked, and most add up (the range and the message's words are made for a finding only).
    const relations = extractStatistics(document, context.analysisCache).relations;
    for (let i = 0; i < relations.length; i++) {
      const rel = relations[i]!;
      if (rel.kind !== 'parts') continue;
      const { total, parts } = rel;
      let lower = 0;
      let maxLower = -Infinity;
      let allExact = true;
      // Rounded counts (3.2万户) may add up to a little more or less than their total.
      let precision = total.precision;
      for (let k = 0; k < parts.length; k++) {
        const p = parts[k]!;
        lower += p.lower;
        precision += p.precision;
        if (p.lower > maxLower) maxLower = p.lower;
        if (!p.exact) allExact = false;
      }
      const tolerance = precision + 1e-9;
      // A cross-cutting subset list (其中网上申请…、涉及征收…) may add up to more than the total.
      const sumMustHold = rel.disjoint || parts.length === 1 || maxLower > total.upper + tolerance;
      if (lower > total.upper + tolerance && sumMustHold) {
        const data = messageData(rel, lower);
        context.report({
          messageId: 'exceeds',
          range: listRange(rel),
          data,
          related: [{ range: total.range, messageId: 'totalHere', data }],
        });
        continue;
      }
      if (!rel.exhaustive || !total.exact || !allExact) continue;
      const difference = Math.abs(total.value - lower);
      if (difference <= tolerance) continue;
      const data = messageData(rel, lower);
      context.report({
        messageId: 'partitionMismatch',
        severity: 'warn',
        range: listRange(rel),
        data: { ...data, difference: withUnit(difference, total) },
        related: [{ range: total.range, messageId: 'totalHere', data }],
      });
    }
  },
});

/** A finding's range: from the list's marker through its last part. */
function listRange(rel: PartsRelation): TextRange {
  return { start: rel.markerRange.start, end: rel.parts[rel.parts.length - 1]!.range.end };
}

/** A finding's message words: the parts' sum (`lower`), the total and the list's marker. */
function messageData(rel: PartsRelation, lower: number): { sum: string; total: string; marker: string; difference: string } {
  return {
    sum: withUnit(lower, rel.total),
    total: shown(rel.total),
    marker: rel.exhaustive === 'marker' ? rel.marker : rel.parts.map((p) => p.label).join('、'),
    difference: '',
  };
}

export default rule;
