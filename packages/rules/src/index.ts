import type { AnyRule } from '@fzlint/rule-api';
import { continuityRules } from './continuity/index.js';
import { referencesRules } from './references/index.js';
import { statisticsRules } from './statistics/index.js';
import { structureRules } from './structure/index.js';
import { styleRules } from './style/index.js';

export { structureRules, statisticsRules, referencesRules, styleRules, continuityRules };

// Analyses the rules share, exported for hovers and other tools (the language server shows them).
export {
  extractStatistics,
  hasStatisticsInput,
  figureReadsKept,
  headingReadsKept,
  citationsKept,
  figureDistancesKept,
  keepFigureSpans,
  type FigureEdit,
  statisticsAt,
  STATISTICS_CACHE,
  figureLedger,
  figureLedgerData,
  formatFigureTable,
  figuresAt,
  describeFigure,
  isComparable,
  type StatisticsResult,
  type StatisticRelation,
  type StatisticsAt,
  type StatisticMention,
  type RateStatement,
  type MentionObject,
  type FigureLedger,
  type FigureStatement,
  type FigurePlace,
  type MetricKey,
  type FigureScope,
  type FigurePeriod,
  type FigureConflict,
  type ChangeComparison,
  type FigureLedgerData,
  type FigureData,
  type FiguresAt,
} from './statistics/index.js';
// Pairing a report with last year's report of the same issuer (CLI directories, the
// language server's sibling file, the workbench's batch): pure functions of parsed reports.
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
} from './continuity/index.js';
export {
  findCatalogueReferences,
  analyzeReferences,
  analyzeVersions,
  judgeVersion,
  currentVersionFix,
  staleCatalogue,
  hoverText,
  type CatalogueReference,
  type CongressPhrase,
  type VersionCitation,
  type VersionForm,
  type VersionProblem,
} from './references/index.js';
export { findTermTypos, type TermTypo } from './style/domain-typo.js';
// The outline as the structure rules read it (which sections introduce a concept, which concepts a heading names): the linter's
// edit path asks it which text a document rule reads.
export { flattenSections, conceptSections, headingConcepts, type SectionEntry } from './structure/outline.js';
// Catalogue look-ups for the front ends (fzlint catalogue, completion after 《), re-exported from the ontology.
export { searchCatalogue, formatCatalogue, titleCompletions, type CatalogueListing, type TitleCompletion } from '@fzlint/ontology';

/** Every built-in rule, in one explicit, ordered list (markdownlint's approach). */
export const rules: readonly AnyRule[] = [
  ...structureRules,
  ...statisticsRules,
  ...referencesRules,
  ...styleRules,
  ...continuityRules,
];

/** Built-in rules by id. */
export const rulesById: ReadonlyMap<string, AnyRule> = new Map(rules.map((r) => [r.meta.id, r]));

// Every rule by name, for tools that pick rules individually (`import { rateMismatch } from '@fzlint/rules'`).
export { rule as disclosureDeadline } from './structure/disclosure-deadline.js';
export { rule as headingNumbering } from './structure/heading-numbering.js';
export { rule as requiredSection } from './structure/required-section.js';
export { rule as shortcomingsWithoutCauses } from './structure/shortcomings-without-causes.js';
export { rule as yearConsistency } from './structure/year-consistency.js';
// Its test for a sentence that may hold a year that lost digits (the linter's edit path asks it of an edited sentence).
export { mayHoldBrokenYear } from './structure/year-consistency.js';
export { rule as concludedExceedsReceived } from './statistics/concluded-exceeds-received.js';
export { rule as derivedTotalMismatch } from './statistics/derived-total-mismatch.js';
export { rule as partsExceedTotal } from './statistics/parts-exceed-total.js';
export { rule as rateMismatch } from './statistics/rate-mismatch.js';
export { rule as rateOutOfRange } from './statistics/rate-out-of-range.js';
export { rule as inconsistentFigure } from './statistics/inconsistent-figure.js';
export { rule as growthMismatch } from './statistics/growth-mismatch.js';
export { rule as anachronism } from './references/anachronism.js';
export { rule as catalogueFreshness } from './references/catalogue-freshness.js';
export { rule as endedCampaign } from './references/ended-campaign.js';
export { rule as malformedCitation } from './references/malformed-citation.js';
export { rule as outdatedCongress } from './references/outdated-congress.js';
// Whether sentences may hold a congress phrase (the linter's edit path asks it of edited sentences).
export { mayHoldCongressPhrase } from './references/outdated-congress.js';
export { rule as outdatedOrganization } from './references/outdated-organization.js';
export { rule as outdatedPlanPeriod } from './references/outdated-plan-period.js';
export { rule as outdatedPolicy } from './references/outdated-policy.js';
export { rule as outdatedLawVersion } from './references/outdated-law-version.js';
export { rule as outdatedTerm } from './references/outdated-term.js';
export { rule as domainTypo } from './style/domain-typo.js';
export { rule as officialName } from './style/official-name.js';
export { rule as copiedPassage } from './continuity/copied-passage.js';
// Where its passages end (the linter's edit path asks whether one runs across an edit's window).
export { endsPassagePiece, yieldsPassagePieces } from './continuity/passages.js';
export { rule as repeatedShortcomings } from './continuity/repeated-shortcomings.js';
export { rule as planNotReported } from './continuity/plan-not-reported.js';
export { rule as restatedFigure } from './continuity/restated-figure.js';
export { rule as wording } from './style/wording.js';
