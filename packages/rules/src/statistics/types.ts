/**
 * The types the statistics analysis produces, in a module of their own so that the
 * whole-document analysis (`relations.ts`) and the incremental cache
 * (`incremental.ts`) both use them without importing each other.
 */
import type { TextRange } from '@fzlint/parser';
import type { ChangeStatement, RateStatement, StatisticMention } from './mentions.js';

/** A concluded count and the received count of the same object and scope it must not exceed. */
export interface ReceivedConcludedRelation {
  readonly kind: 'received-concluded';
  readonly received: StatisticMention;
  readonly concluded: StatisticMention;
  /** The text signals carried-over or cumulative work (上年结转, 旧存, 累计): concluded may exceed received. */
  readonly carryOver: boolean;
}

/** A total and its parts (其中…, 分别为…). */
export interface PartsRelation {
  readonly kind: 'parts';
  readonly total: StatisticMention;
  readonly parts: readonly StatisticMention[];
  /** The marker as written (其中, 分别为). */
  readonly marker: string;
  readonly markerRange: TextRange;
  /** The parts must add up to the total: `marker` (分别为) or `split` (企业 + 个体工商户). */
  readonly exhaustive: false | 'marker' | 'split';
  /**
   * The parts never overlap, so their sum must not exceed the total: an exhaustive list,
   * or parts named by different members of one category set (维持/撤销, 来信/来访). Other
   * 其中 lists may be cross-cutting subsets (by channel and by type).
   */
  readonly disjoint: boolean;
}

/** A rate statement with the counts it is computed from. */
export interface RateRelation {
  readonly kind: 'rate';
  readonly rate: RateStatement;
  readonly numerator: StatisticMention;
  readonly denominator: StatisticMention;
  /** numerator / denominator × 100. */
  readonly computed: number;
  /** Lowest and highest value the counts allow when they are rounded (96.8万件): equal to `computed` for integers. */
  readonly computedMin: number;
  readonly computedMax: number;
  /** Where the counts come from: a received/concluded pair, or a part of a total (占比). */
  readonly basis: 'received-concluded' | 'part-total';
}

/** Stated arithmetic: 新增 − 注销 = 净增, or 收到 = 审结 + 在审. */
export interface DerivedTotalRelation {
  readonly kind: 'derived-total';
  readonly operation: 'net-change' | 'received-balance';
  /** The count the others must produce (净增, or 收到). */
  readonly result: StatisticMention;
  /** The terms, with their sign: 新增 (+1), 注销 (−1); 审结 (+1), 在审 (+1). */
  readonly terms: readonly { readonly mention: StatisticMention; readonly sign: 1 | -1 }[];
  readonly expected: number;
  /** How far `expected` and the result may differ because the counts are rounded (2.1万户 …). */
  readonly tolerance: number;
  /** The part label the check is about (企业), when it compares parts of the three totals. */
  readonly label?: string;
}

/** Any relation between statistic mentions. */
export type StatisticRelation = ReceivedConcludedRelation | PartsRelation | RateRelation | DerivedTotalRelation;

/** Everything the statistics extraction finds in a document. */
export interface StatisticsResult {
  readonly mentions: readonly StatisticMention[];
  readonly rates: readonly RateStatement[];
  /** Stated changes against another period (同比增长20%), with the figure they change when the sentence says it. */
  readonly changes: readonly ChangeStatement[];
  /** Relations inside a paragraph: received/concluded pairs, totals and parts, rates with their counts, stated arithmetic. */
  readonly relations: readonly StatisticRelation[];
}
