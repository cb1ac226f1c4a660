/** Language features free of the LSP connection. */
export * from './types.js';
export { DiagnosticsService, MAX_LINT_CHARS, type LintSnapshot, type LintTiming, type DocumentLike, type DiagnosticsServiceOptions } from './diagnostics.js';
export { IncrementalDocuments } from './incremental.js';
export { ConfigResolver, CONFIG_FILE_NAMES, WATCHED_FILES_GLOB, affectsConfig, isConfigFile, mergeSettings, matchesInclude, type DocumentConfig } from './config.js';
export { codeActions, fixAllAction, minimalEdit, FIX_ALL_KIND, CODE_ACTION_KINDS, type CodeActionRequest } from './code-actions.js';
export { hoverAt, relationText } from './hover.js';
export { documentSymbols, foldingRanges, conceptLabel } from './symbols.js';
export { isReport, namesReport, hasReportExtension, IncludeMatcher, REPORT_EXTENSIONS, REPORT_LANGUAGE_IDS } from './detect.js';
export { reportSkeleton, sectionText, skeletonHeading, isConceptId, CONCEPT_ORDER } from './skeleton.js';
export { WorkspaceDiagnostics, listReportFiles, MAX_WORKSPACE_FILES, type WorkspaceFileReport } from './workspace.js';
export { uriToPath, pathToUri } from './uri.js';
