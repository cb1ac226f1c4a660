import { METRIC_OBJECTS } from '@fzlint/ontology';
import type { FigureStatement, MetricKey } from './figures.js';
import type { StatisticMention } from './mentions.js';

/** A count as the report wrote it (115件, 两百余件, 211.29万件), for messages. */
export function shown(m: StatisticMention): string {
  return m.number.raw.trim();
}

/** A number with the unit of a mention (for sums and expected values the text does not contain). */
export function withUnit(value: number, m: StatisticMention): string {
  // Written in 万 or 亿, shown in 万 or 亿 (12.3万户, not 123000户).
  const multiplier = m.number.multiplier;
  if (multiplier === 1e4) return `${formatNumber(value / 1e4)}万${m.unit}`;
  if (multiplier === 1e8) return `${formatNumber(value / 1e8)}亿${m.unit}`;
  return `${formatNumber(value)}${m.unit}`;
}

/**
 * Shown instead of a value no arithmetic can give (a sum of counts beyond 10^15 in
 * hostile input): messages never say NaN, Infinity or undefined.
 */
export const OUT_OF_RANGE = '—';

/** Plain decimal notation without float noise (0.1 + 0.2 → 0.3), never exponent notation. */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value) || Math.abs(value) >= 1e21) return OUT_OF_RANGE;
  const rounded = Math.round(value * 1e6) / 1e6;
  if (Math.abs(rounded) >= 1e15) return BigInt(Math.round(rounded)).toString();
  return String(rounded);
}

/** A computed percentage with one more digit than the stated one, at least two. */
export function formatPercent(value: number, statedDecimals: number): string {
  if (!Number.isFinite(value) || Math.abs(value) >= 1e21) return OUT_OF_RANGE;
  const digits = Math.min(4, Math.max(2, statedDecimals + 1));
  return `${value.toFixed(digits).replace(/\.0+$|(\.\d*?)0+$/, '$1')}%`;
}

/** The object a mention counts, in Chinese and English, for messages. */
export function objectNames(m: StatisticMention): { zh: string; en: string } {
  const o = m.object;
  if (!o) return { zh: '事项', en: 'items' };
  if (o.metric) return { zh: o.metric.name, en: o.metric.nameEn };
  return { zh: o.text, en: o.text };
}

/** The verb of a mention as written, or a neutral word when the count has none. */
export function verbOf(m: StatisticMention, fallbackZh: string): string {
  return m.verbText ?? m.verb?.text ?? fallbackZh;
}

const OBJECT_BY_ID = new Map(METRIC_OBJECTS.map((o) => [o.id, o]));

/** The name of what a key counts, in Chinese and English ('' object: 事项 / items). */
export function keyObjectNames(key: MetricKey): { zh: string; en: string } {
  const metric = OBJECT_BY_ID.get(key.object);
  const q = key.qualifier;
  if (metric) return { zh: `${q}${metric.name}`, en: q ? `${metric.nameEn} (${q})` : metric.nameEn };
  if (key.object.startsWith('text:')) return { zh: key.object.slice(5), en: key.object.slice(5) };
  if (key.object === 'verb:appear') return { zh: '出庭应诉', en: 'court appearances' };
  return { zh: '事项', en: 'items' };
}

const MEASURE_NAMES: Readonly<Record<MetricKey['measure'], { zh: string; en: string }>> = {
  received: { zh: '收到', en: 'received' },
  new: { zh: '新收', en: 'new' },
  'carried-over': { zh: '上年结转', en: 'carried over' },
  concluded: { zh: '办结', en: 'concluded' },
  pending: { zh: '未结', en: 'pending' },
  removed: { zh: '注销', en: 'removed' },
  net: { zh: '净增', en: 'net growth' },
  total: { zh: '总数', en: 'total' },
  rate: { zh: '比率', en: 'rate' },
  count: { zh: '数量', en: 'count' },
  change: { zh: '变化', en: 'change' },
};

/** The measure of a key in words, Chinese and English. */
export function measureNames(key: MetricKey): { zh: string; en: string } {
  return MEASURE_NAMES[key.measure];
}

const PERIOD_EN: Readonly<Record<string, string>> = {
  current: 'this year',
  previous: 'last year',
  cumulative: 'cumulative',
};

/** The period of a key in words (本年, 上年, 2019年, 截至6月底), Chinese and English. */
export function periodNames(key: MetricKey): { zh: string; en: string } {
  const p = key.period;
  if (p.id === 'current') return { zh: '本年', en: 'this year' };
  if (p.id === 'previous') return { zh: '上年', en: 'last year' };
  return { zh: p.text || p.id, en: PERIOD_EN[p.id] ?? (p.text || p.id) };
}

/** The scope of a key in words (全市, 市本级, 市司法局, 本报告), Chinese and English. */
export function scopeNames(key: MetricKey): { zh: string; en: string } {
  const sc = key.scope;
  if (sc.kind === 'report') return { zh: '本报告口径', en: 'the report’s own' };
  if (sc.kind === 'part') return { zh: `其中${sc.text}`, en: `part ${sc.text}` };
  return { zh: sc.text, en: sc.text };
}

/**
 * A statement's figure in words, e.g. 「本年受理行政复议案件数」 / 「行政复议案件办结率」, and the
 * key spelled out 「行政复议案件 · 受理 · 本报告口径 · 本年」, Chinese and English.
 */
export function describeFigure(s: FigureStatement): { zh: string; en: string; keyZh: string; keyEn: string } {
  const key = s.key;
  const object = keyObjectNames(key);
  const measure = measureNames(key);
  const period = periodNames(key);
  const scope = scopeNames(key);
  const verb = s.kind === 'rate' ? (s.rate?.name ?? '比率') : (s.verb ?? measure.zh);
  const zh = s.kind === 'rate' ? verb : `${verb}${object.zh}数`;
  const en = s.kind === 'rate' ? `${verb} (${object.en})` : `${object.en} ${measure.en}`;
  return {
    zh,
    en,
    keyZh: [object.zh, s.kind === 'rate' ? verb : (s.verb ?? measure.zh), scope.zh, period.zh].join(' · '),
    keyEn: [object.en, measure.en, scope.en, period.en].join(' · '),
  };
}
