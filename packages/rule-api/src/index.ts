export * from './types.js';
export { AnalysisCache, createAnalysisCache, type AnalysisKey } from './analysis.js';
export { defineRule, DOCS_BASE_URL, type RuleDefinition } from './define.js';
export { formatMessage, checkMessageData, renderMessage, InvalidMessageError } from './messages.js';
export { mergeFixes, applyFixesOnce, type AppliedFixes } from './fixes.js';
export { runRule, createRuleRunner, capSeverity, compareDiagnostics, PREVIOUS_WITHOUT_PATH, type RunRuleOptions, type RuleRunner } from './run.js';
export { displayWidth, charWidth, padEndDisplay } from './width.js';
export { resolveSettings, mergeCatalogue, type SettingsInput } from './settings.js';
