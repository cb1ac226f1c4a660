import type { AnyRule } from '@fzlint/rule-api';
import { rule as copiedPassage } from './copied-passage.js';
import { rule as planNotReported } from './plan-not-reported.js';
import { rule as repeatedShortcomings } from './repeated-shortcomings.js';
import { rule as restatedFigure } from './restated-figure.js';

export {
  reportIdentity,
  pairReports,
  matchIssuers,
  issuerKey,
  issuerFromTitle,
  identityFromFileName,
  describePair,
  describeUnpaired,
  type ReportIdentity,
  type IssuerName,
  type IssuerSource,
  type IssuerMatch,
  type YearSource,
  type PairingCandidate,
  type Pairing,
  type ReportPair,
  type PairReason,
  type Unpaired,
  type UnpairedReason,
} from './pairing.js';

/** The continuity/ rules (this year's report beside last year's), in documentation order. */
export const continuityRules: readonly AnyRule[] = [copiedPassage, repeatedShortcomings, planNotReported, restatedFigure];
