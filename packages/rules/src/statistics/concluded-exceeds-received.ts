import { defineRule } from '@fzlint/rule-api';
import { shown, objectNames, verbOf } from './format.js';
import { extractStatistics } from './relations.js';

/**
 * A concluded count (审结/办结/化解/整改 …) above the received count (收到/受理/排查 …)
 * of the same object and scope. Counts pair within a sentence, or with the previous
 * sentence of the paragraph when the object is elided. Where the text mentions
 * carried-over work (上年结转, 旧存, 累计, 含往年) the finding is only information:
 * cases from earlier years can make concluded exceed received. Approximate counts
 * take part only as bounds (审结两百余件 is at least 200).
 */
export const rule = defineRule({
  meta: {
    id: 'statistics/concluded-exceeds-received',
    family: 'statistics',
    defaultSeverity: 'error',
    fixable: false,
    description: {
      'zh-CN': '同一对象、同一口径下，办结（审结、化解、整改等）数不得大于收到（受理、排查等）数。',
      en: 'A concluded count (concluded, resolved, rectified …) must not exceed the received count of the same object and scope.',
    },
    messages: {
      exceeds: {
        'zh-CN': '{{concludedVerb}}数（{{concluded}}）大于{{receivedVerb}}数（{{received}}）：同一{{objectZh}}的{{concludedVerb}}数不应超过{{receivedVerb}}数。',
        en: 'The {{concludedVerb}} count ({{concluded}}) exceeds the {{receivedVerb}} count ({{received}}) of the same {{objectEn}}.',
      },
      exceedsCarriedOver: {
        'zh-CN': '{{concludedVerb}}数（{{concluded}}）大于{{receivedVerb}}数（{{received}}）；文中提到结转、累计等跨年数据，请确认两者口径一致。',
        en: 'The {{concludedVerb}} count ({{concluded}}) exceeds the {{receivedVerb}} count ({{received}}); the text mentions carried-over or cumulative work, so check that both use the same basis.',
      },
      receivedHere: {
        'zh-CN': '{{receivedVerb}}数（{{received}}）',
        en: '{{receivedVerb}} count ({{received}})',
      },
    },
  },
  check(document, context) {
    for (const rel of extractStatistics(document).relations) {
      if (rel.kind !== 'received-concluded') continue;
      const { received, concluded } = rel;
      // Counts rounded to 万 (96.8万件) may differ by their rounding.
      if (!(concluded.lower - concluded.precision > received.upper + received.precision)) continue;
      const object = objectNames(received);
      const data = {
        concludedVerb: verbOf(concluded, '办结'),
        receivedVerb: verbOf(received, '收到'),
        concluded: shown(concluded),
        received: shown(received),
        objectZh: object.zh,
        objectEn: object.en,
      };
      context.report({
        messageId: rel.carryOver ? 'exceedsCarriedOver' : 'exceeds',
        ...(rel.carryOver ? { severity: 'info' as const } : {}),
        range: concluded.range,
        data,
        related: [{ range: received.range, messageId: 'receivedHere', data }],
      });
    }
  },
});

export default rule;
