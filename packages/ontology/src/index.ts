export * from './concepts.js';
export * from './headings.js';
export * from './numbers.js';
export * from './metrics.js';
export * from './style.js';
export * from './catalogue/types.js';
export { builtinCatalogue } from './catalogue/entries.js';
export * from './continuity.js';
export { builtinCatalogueById, CATALOGUE_REVIEWED, catalogueEntryById } from './catalogue/entries.js';
export { CATALOGUE_DIGEST, catalogueDigest } from './catalogue/digest.js';
export { researchLaws, researchCampaigns, researchWordings } from './catalogue/law-versions.js';
export type { ResearchLaw, ResearchCampaign, ResearchWording, ResearchVersion, ResearchConfidence } from './catalogue/law-versions.js';
export {
  adoptionYear,
  firstDayOf,
  inForceFrom,
  lastDayOf,
  lawVersions,
  newestAdopted,
  nextVersion,
  repealOf,
  versionCitation,
  versionInForce,
  versionLabel,
} from './catalogue/versions.js';
export * from './wording.js';
export { TYPO_CORE_TERMS } from './typo-terms.js';
export * from './typos.js';
export * from './catalogue/query.js';
export { renderCatalogueMarkdown, catalogueCounts } from './catalogue/doc.js';
export { CATALOGUE_ENTRY_JSON_SCHEMA } from './catalogue/schema.js';
