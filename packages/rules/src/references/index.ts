import type { AnyRule } from '@fzlint/rule-api';
import { rule as anachronism } from './anachronism.js';
import { rule as catalogueFreshness } from './catalogue-freshness.js';
import { rule as endedCampaign } from './ended-campaign.js';
import { rule as malformedCitation } from './malformed-citation.js';
import { rule as outdatedCongress } from './outdated-congress.js';
import { rule as outdatedLawVersion } from './outdated-law-version.js';
import { rule as outdatedOrganization } from './outdated-organization.js';
import { rule as outdatedPlanPeriod } from './outdated-plan-period.js';
import { rule as outdatedPolicy } from './outdated-policy.js';
import { rule as outdatedTerm } from './outdated-term.js';

export {
  findCatalogueReferences,
  analyzeReferences,
  type CatalogueReference,
  type CongressPhrase,
  type ReferenceStatus,
} from './match.js';
export { hoverText } from './hover.js';
export { analyzeVersions, judgeVersion, type VersionCitation, type VersionForm, type VersionProblem } from './versions.js';
export { currentVersionFix } from './outdated-law-version.js';
export { staleCatalogue, DEFAULT_GRACE_MONTHS } from './freshness.js';

/** The references/ rules, in documentation order. */
export const referencesRules: readonly AnyRule[] = [
  outdatedPolicy,
  outdatedLawVersion,
  outdatedPlanPeriod,
  outdatedCongress,
  outdatedOrganization,
  outdatedTerm,
  endedCampaign,
  anachronism,
  malformedCitation,
  catalogueFreshness,
];
