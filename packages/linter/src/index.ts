/**
 * `@fzlint/linter`: the fzlint kernel. Text + config + rules → findings, with
 * inline directives, fixes and formatters. No file system here: config discovery
 * and file reading live in `@fzlint/linter/node`.
 */
export { lint, applyFixes, countDiagnostics, fatalResult, formatForPath, MAX_FIX_PASSES, type AppliedFixesResult } from './engine.js';
export {
  findDirectives,
  applyDirectives,
  type Directive,
  type DirectiveKind,
  type DirectiveRule,
  type ApplyDirectivesOptions,
  type AppliedDirectives,
} from './directives.js';
export {
  ConfigError,
  validateConfig,
  normalizeRuleEntry,
  parseIsoDate,
  buildConfigSchema,
  mergeConfigs,
  nearestNames,
  CONFIG_KEYS,
  CONFIG_SCHEMA_ID,
  SEVERITY_SETTINGS,
  LOCALES,
  type ValidateConfigOptions,
  type NormalizedRuleEntry,
} from './config/index.js';
export {
  stylish,
  json,
  sarif,
  github,
  gitlab,
  toGitlabIssues,
  toJsonResults,
  jsonChunks,
  toSarifLog,
  getFormatter,
  formatterNames,
  shouldUseColor,
  displayWidth,
  escapeData,
  escapeProperty,
  SARIF_SCHEMA_URI,
  type FormattableResult,
  type Formatter,
  type FormatterContext,
  type JsonMessage,
  type JsonRelated,
  type JsonResult,
  type GitlabIssue,
  type GitlabSeverity,
} from './formatters/index.js';
export {
  applySuppressions,
  buildSuppressions,
  pruneSuppressions,
  parseSuppressions,
  SUPPRESSIONS_FILE,
  type Suppressions,
  type SuppressionsOptions,
  type SuppressibleResult,
  type ParseSuppressionsOptions,
  type AppliedSuppressions,
} from './suppressions.js';
export {
  scoreReport,
  scoreResult,
  formatScorecards,
  withScoreRules,
  SCORE_RULES,
  CRITERIA,
  REQUIRED,
  FULL_DATA_FIGURES,
  type Scorecard,
  type ScoreInput,
  type ScoreResultOptions,
  type ScoreFinding,
  type CriterionId,
  type CriterionScore,
  type SectionFigures,
  type Verdict,
  type ContinuityLine,
} from './scorecard.js';
export { parsePrevious, clearPreviousCache, remapRelatedIn, type PreviousInput } from './previous.js';
export { LINTER_RULE_IDS, LINTER_RULE_DESCRIPTIONS, LINTER_DOCS_URL } from './messages.js';
export { VERSION } from './version.js';
export { RuleReuse, createRuleReuse, isLocalRule, isFigureRule, editWindow, type EditWindow, type RuleReuseStats } from './incremental.js';
export type { FzlintConfig, LintOptions, LintResult, RuleConfigEntry, RuleFailure } from './types.js';
export { rules, rulesById } from '@fzlint/rules';
export {
  defineRule,
  createAnalysisCache,
  type AnalysisCache,
  type AnyRule,
  type Rule,
  type RuleMeta,
  type RuleScope,
  type RuleContext,
  type PreviousReport,
  type RelatedInformation,
  type Diagnostic,
  type Fix,
  type Severity,
  type SeveritySetting,
  type Locale,
  type Suggestion,
  type RuleDefinition,
} from '@fzlint/rule-api';
