import { defineRule } from '@fzlint/rule-api';
import { shown, objectNames, verbOf, withUnit } from './format.js';
import { figureLedger, type CarriedOverSum } from './figures.js';
import type { StatisticMention } from './mentions.js';
import { extractStatistics, relationsOfKind } from './relations.js';

/**
 * A concluded count (审结/办结/化解/整改 …) above the received count (收到/受理/排查 …)
 * of the same object and scope. Counts pair within a sentence, or with the previous
 * sentence of the paragraph when the object is elided; a concluded count that names its
 * object pairs with the received count of that object earlier in its section (a
 * warning: the two statements may differ in a way the text does not say).
 *
 * Carried-over work is arithmetic: where the carried-over count (上年结转, 旧存, 上年未结)
 * of the same object is stated in the paragraph (or section), concluded above received
 * (or new) + carried-over is an error, and concluded within it is no finding at all.
 * Where the text only mentions carry-over or cumulative work (结转, 累计, 含往年) without
 * a count, concluded above received is information: cases from earlier years may explain
 * it. Approximate counts take part only as bounds (审结两百余件 is at least 200).
 */
export const rule = defineRule({
  meta: {
    id: 'statistics/concluded-exceeds-received',
    family: 'statistics',
    defaultSeverity: 'error',
    fixable: false,
    scope: 'document',
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
      exceedsWithCarriedOver: {
        'zh-CN': '{{concludedVerb}}数（{{concluded}}）大于{{receivedVerb}}数（{{received}}）与上年结转数（{{carried}}）之和（{{sum}}）：{{concludedVerb}}的{{objectZh}}不会多于本年{{receivedVerb}}和结转的总和。',
        en: 'The {{concludedVerb}} count ({{concluded}}) exceeds the {{receivedVerb}} count ({{received}}) plus the carried-over count ({{carried}}) = {{sum}}.',
      },
      receivedHere: {
        'zh-CN': '{{receivedVerb}}数（{{received}}）',
        en: '{{receivedVerb}} count ({{received}})',
      },
      carriedHere: {
        'zh-CN': '上年结转数（{{carried}}）',
        en: 'carried-over count ({{carried}})',
      },
    },
  },
  check(document, context) {
    const ledger = figureLedger(document, context.analysisCache);
    // Indexed loops, no closure per pair, the map only when a sum was found: this runs for every
    // report, and most have no pair that needs words (the message's words are made for a finding only).
    const carriedByConcluded = sumsByConcluded(ledger.carriedOver);
    const relations = relationsOfKind(extractStatistics(document, context.analysisCache).relations, 'received-concluded', ledger.sectionPairs);
    for (let i = 0; i < relations.length; i++) {
      const rel = relations[i]!;
      const { received, concluded } = rel;
      const section = 'reach' in rel;
      // With the carried-over count stated, the bound is received + carried-over.
      const sum = carriedByConcluded.get(concluded);
      if (sum && sum.received.mention === received) {
        const carried = sum.carried;
        const upper = received.upper + received.precision + carried.upper + carried.precision;
        if (!(concluded.lower - concluded.precision > upper)) continue;
        const data = messageData(received, concluded);
        const related = [{ range: received.range, messageId: 'receivedHere' as const, data }];
        context.report({
          messageId: 'exceedsWithCarriedOver',
          ...(section ? { severity: 'warn' as const } : {}),
          range: concluded.range,
          data: { ...data, carried: carried.text.trim(), sum: withUnit(received.value + carried.value, received) },
          related: [...related, { range: carried.range, messageId: 'carriedHere', data: { ...data, carried: carried.text.trim() } }],
        });
        continue;
      }
      // Counts rounded to 万 (96.8万件) may differ by their rounding.
      if (!(concluded.lower - concluded.precision > received.upper + received.precision)) continue;
      const severity = rel.carryOver ? 'info' : section ? 'warn' : undefined;
      const data = messageData(received, concluded);
      const related = [{ range: received.range, messageId: 'receivedHere' as const, data }];
      context.report({
        messageId: rel.carryOver ? 'exceedsCarriedOver' : 'exceeds',
        ...(severity ? { severity } : {}),
        range: concluded.range,
        data,
        related,
      });
    }
  },
});

const NO_SUMS: ReadonlyMap<StatisticMention, CarriedOverSum> = new Map();

/** The carried-over sums by their concluded count (the shared empty map when there is none, as in most reports). */
function sumsByConcluded(sums: readonly CarriedOverSum[]): ReadonlyMap<StatisticMention, CarriedOverSum> {
  if (sums.length === 0) return NO_SUMS;
  const byConcluded = new Map<StatisticMention, CarriedOverSum>();
  for (let i = 0; i < sums.length; i++) {
    const c = sums[i]!;
    if (c.concluded.mention) byConcluded.set(c.concluded.mention, c);
  }
  return byConcluded;
}

/** A finding's message words: the two counts, their verbs and their object (the carried-over words filled in by the caller). */
function messageData(received: StatisticMention, concluded: StatisticMention) {
  const object = objectNames(received);
  return {
    concludedVerb: verbOf(concluded, '办结'),
    receivedVerb: verbOf(received, '收到'),
    concluded: shown(concluded),
    received: shown(received),
    objectZh: object.zh,
    objectEn: object.en,
    carried: '',
    sum: '',
  };
}

export default rule;
