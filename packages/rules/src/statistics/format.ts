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

/** Plain decimal notation without float noise (0.1 + 0.2 → 0.3). */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  return String(Math.round(value * 1e6) / 1e6);
}

/** A computed percentage with one more digit than the stated one, at least two. */
export function formatPercent(value: number, statedDecimals: number): string {
  const digits = Math.min(4, Math.max(2, statedDecimals + 1));
  return `${value.toFixed(digits).replace(/\.?0+$/, '')}%`;
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
