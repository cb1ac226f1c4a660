import type { AnyRule } from '@fzlint/rule-api';
import { rule as concludedExceedsReceived } from './concluded-exceeds-received.js';
import { rule as derivedTotalMismatch } from './derived-total-mismatch.js';
import { rule as growthMismatch } from './growth-mismatch.js';
import { rule as inconsistentFigure } from './inconsistent-figure.js';
import { rule as partsExceedTotal } from './parts-exceed-total.js';
import { rule as rateMismatch } from './rate-mismatch.js';
import { rule as rateOutOfRange } from './rate-out-of-range.js';

export {
  extractStatistics,
  extractStatisticsUncached,
  createStatisticsCache,
  statisticsAt,
  STATISTICS_CACHE,
} from './relations.js';
export { StatisticsCache } from './incremental.js';
export { hasStatisticsInput } from './input.js';
export { figureReadsKept, headingReadsKept, citationsKept, figureDistancesKept, keepFigureSpans, type FigureEdit } from './figure-reads.js';
export { ledgerDistanceSpans } from './figures.js';
export { figureLedger, buildLedger, keyId, isComparable } from './figures.js';
export { figureLedgerData, formatFigureTable, figuresAt } from './figures-data.js';
export { describeFigure } from './format.js';
export type { FigureData, FigureLedgerData, FigureDataOptions, FiguresAt } from './figures-data.js';
export { checkChange, type ChangeCheck } from './growth-mismatch.js';
export type {
  FigureLedger,
  FigureStatement,
  MetricKey,
  FigureScope,
  FigurePeriod,
  FigurePlace,
  FigureConflict,
  ChangeComparison,
  ChangeBase,
  CarriedOverSum,
  WorkBalance,
  SectionPair,
  SectionRate,
} from './figures.js';
export type {
  StatisticsResult,
  StatisticRelation,
  ReceivedConcludedRelation,
  PartsRelation,
  RateRelation,
  DerivedTotalRelation,
  StatisticsAt,
} from './relations.js';
export type {
  StatisticMention,
  RateStatement,
  MentionObject,
  ChangeStatement,
  FigureContext,
  PeriodMark,
  ScopeMark,
} from './mentions.js';

/** The statistics/ rules, in documentation order. */
export const statisticsRules: readonly AnyRule[] = [
  concludedExceedsReceived,
  partsExceedTotal,
  rateMismatch,
  rateOutOfRange,
  derivedTotalMismatch,
  inconsistentFigure,
  growthMismatch,
];
