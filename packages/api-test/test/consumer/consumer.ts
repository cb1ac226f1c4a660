// A TypeScript consumer of the public types, type-checked by types.test.ts with
// `moduleResolution: NodeNext` (the packages' `exports` → `types` conditions).
// `@ts-expect-error` lines prove the types are precise rather than `any`.
import { applyFixes, getFormatter, lint, rules, type Diagnostic, type Formatter, type FzlintConfig, type LintResult, type RuleMeta, type Severity } from '@fzlint/linter';
import { lintFiles, loadConfig, type LoadedConfig } from '@fzlint/linter/node';
import { builtinCatalogue, concepts, type CatalogueEntry, type ConceptId, type ReportConcept } from '@fzlint/ontology';
import { parse, type ReportDocument, type TextRange } from '@fzlint/parser';
import { rulesById, styleRules } from '@fzlint/rules';
import remarkFzlint, { type RemarkFzlintOptions } from 'remark-fzlint';
import textlintRule, { type FzlintRuleOptions } from 'textlint-rule-fzlint';

const config: FzlintConfig = { reportYear: 2023, locale: 'en', rules: { 'statistics/rate-mismatch': ['warn', {}] } };
// @ts-expect-error `warning` is not a severity setting
const badConfig: FzlintConfig = { rules: { 'statistics/rate-mismatch': 'warning' } };

const result: LintResult = lint('推进法冶政府建设。', { filePath: 'a.md', config });
const first: Diagnostic | undefined = result.diagnostics[0];
const severity: Severity | undefined = first?.severity;
// @ts-expect-error severities are error | warn | info
const notSeverity: Severity = 'warning';
const range: TextRange | undefined = first?.range;
const fixed: string = applyFixes(result.source, result.diagnostics).output;
const formatter: Formatter | undefined = getFormatter('gitlab');
const metas: RuleMeta[] = rules.map((r) => r.meta);
const family: 'structure' | 'statistics' | 'references' | 'style' | 'continuity' | undefined = rulesById.get('style/domain-typo')?.meta.family;

const loaded: LoadedConfig = loadConfig('reports/a.md');
const later: Promise<LintResult[]> = lintFiles(['reports/a.md'], { cwd: '.' });

const document: ReportDocument = parse('正文', { filePath: 'a.txt' });
const year: number | undefined = document.reportYear?.value;
const conceptIds: ConceptId[] = concepts.map((c: ReportConcept) => c.id);
// @ts-expect-error not a concept id
const notConcept: ConceptId = 'results';
const entries: readonly CatalogueEntry[] = builtinCatalogue;

const remarkOptions: RemarkFzlintOptions = { ...config, discoverConfig: false };
const textlintOptions: FzlintRuleOptions = { ...config, minSeverity: 'info' };
// @ts-expect-error minSeverity takes fzlint severities
const badTextlintOptions: FzlintRuleOptions = { minSeverity: 'warning' };

void [
  badConfig, severity, notSeverity, range, fixed, formatter, metas, family, loaded, later, document, year,
  conceptIds, notConcept, entries, remarkOptions, textlintOptions, badTextlintOptions, remarkFzlint, textlintRule, styleRules,
];
