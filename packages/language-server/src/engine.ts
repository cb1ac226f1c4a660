/**
 * The real engine: `@fzlint/linter` with the built-in rules, the project API of
 * `@fzlint/linter/node` (the CLI's: config discovery, `.fzlintignore`, which files are
 * reports and how they are read), and the analyses of `@fzlint/rules` that hovers show
 * (catalogue references, statistics).
 *
 * `FZLINT_LS_EXTRA_RULES` (paths separated by the platform's path delimiter) names ES modules
 * whose rules run after the built-in ones: a way to try a rule in the editor before it is
 * built in, and how the protocol tests bring in a rule that throws.
 */
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ConfigError, createRuleReuse, lint } from '@fzlint/linter';
import { createFzlint, type Fzlint } from '@fzlint/linter/node';
import { formatOf, reparse } from '@fzlint/parser';
import type { CatalogueEntry } from '@fzlint/ontology';
import { createAnalysisCache, mergeCatalogue, resolveSettings, type AnyRule, type Locale } from '@fzlint/rule-api';
import { inputMessage } from '@fzlint/input';
import {
  extractStatistics,
  figureLedger,
  findCatalogueReferences,
  reportIdentity,
  rules as builtinRules,
  titleCompletions,
  type ReportIdentity,
} from '@fzlint/rules';
import type { EngineFeatures, LintEngine } from './service/types.js';

/** Environment variable naming extra rule modules. */
export const EXTRA_RULES_ENV = 'FZLINT_LS_EXTRA_RULES';

function isRule(value: unknown): value is AnyRule {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as AnyRule).check === 'function' &&
    typeof (value as AnyRule).meta?.id === 'string'
  );
}

/** Rules exported by a module: `rules` (array), `default` (rule or array) or `rule`. */
export function rulesOfModule(mod: Record<string, unknown>): AnyRule[] {
  const found: AnyRule[] = [];
  for (const key of ['rules', 'default', 'rule']) {
    const v = mod[key];
    if (Array.isArray(v)) found.push(...v.filter(isRule));
    else if (isRule(v)) found.push(v);
  }
  return [...new Set(found)];
}

async function loadExtraRules(spec: string | undefined): Promise<AnyRule[]> {
  if (!spec) return [];
  const rules: AnyRule[] = [];
  for (const file of spec.split(path.delimiter).filter(Boolean)) {
    const mod = (await import(pathToFileURL(path.resolve(file)).href)) as Record<string, unknown>;
    rules.push(...rulesOfModule(mod));
  }
  return rules;
}

/**
 * What the analyses keep between lints: an editor analyses the next version of the same
 * text on every keystroke, and the statistics analysis then reads only the paragraphs an
 * edit changed. One cache for the server's documents; passed to every lint explicitly.
 */
const analysisCache = createAnalysisCache();

/** The built-in catalogue with a config's entries, made once per config's entries (configs are cached per generation). */
const mergedCatalogues = new WeakMap<readonly CatalogueEntry[], readonly CatalogueEntry[]>();

function catalogueOf(extra: readonly CatalogueEntry[] | undefined): readonly CatalogueEntry[] {
  if (!extra) return mergeCatalogue(undefined);
  let merged = mergedCatalogues.get(extra);
  if (!merged) mergedCatalogues.set(extra, (merged = mergeCatalogue(extra)));
  return merged;
}

/** The analyses of `@fzlint/rules`, with the settings the linter gives the rules for the document. */
const features: EngineFeatures = {
  findCatalogueReferences: (document, context) => {
    const catalogue = context.config?.catalogue;
    const settings = resolveSettings(document, {
      ...(catalogue ? { catalogue } : {}),
      locale: context.locale,
      ...(context.reportYear !== undefined ? { reportYear: context.reportYear } : {}),
    });
    return findCatalogueReferences(document, settings.catalogue, settings);
  },
  extractStatistics: (document) => extractStatistics(document, analysisCache),
  // The ledger is memoised per parsed document: the one the last lint built is the hover's.
  figureLedger: (document) => figureLedger(document, analysisCache),
  titleCompletions: (typed, context) =>
    titleCompletions(typed, {
      catalogue: catalogueOf(context.config?.catalogue),
      ...(context.reportYear !== undefined ? { reportYear: context.reportYear } : {}),
      ...(context.writingDate !== undefined ? { writingDate: context.writingDate } : {}),
    }),
};

/** A report's issuer and year as one comparable string. */
function identityKey(identity: ReportIdentity): string {
  return `${identity.issuer?.key ?? ''}|${identity.year?.value ?? ''}`;
}

/** Options of {@link loadEngine}. */
export interface LoadEngineOptions {
  /**
   * The user's locale (the client's `fzlint.locale` setting), read whenever config
   * files are (re)loaded, so their errors are in the user's language. Without it the
   * locale of the last lint request is used, zh-CN before the first.
   */
  readonly locale?: () => Locale | undefined;
}

/** Loads the real engine (and the extra rules named in the environment). */
export async function loadEngine(env: NodeJS.ProcessEnv = process.env, options: LoadEngineOptions = {}): Promise<LintEngine> {
  const extra = await loadExtraRules(env[EXTRA_RULES_ENV]);
  const rules = extra.length > 0 ? [...builtinRules, ...extra] : undefined;
  let lastLintLocale: Locale | undefined;
  const locale = (): Locale => options.locale?.() ?? lastLintLocale ?? 'zh-CN';
  // One project per generation of config and ignore files (and locale): it caches what it
  // read until one changes. The workspace folder is its cwd.
  let cwd = process.cwd();
  let projectLocale = locale();
  const newProject = (): Fzlint => createFzlint({ cwd, locale: projectLocale, ...(rules ? { rules } : {}) });
  let project = newProject();
  // The findings of local rules (`meta.scope` sentence or paragraph) per document, so that the
  // lint after an edit re-runs them on the edited paragraphs only (`@fzlint/linter`'s
  // incremental reuse; the other rules run on the whole document). Keyed by file path.
  const ruleReuse = createRuleReuse();
  const current = (): Fzlint => {
    // A changed locale invalidates the cached configs' messages: start a fresh project.
    if (locale() !== projectLocale) {
      projectLocale = locale();
      project = newProject();
    }
    return project;
  };
  return {
    lint: (text, options) => {
      if (options.locale !== undefined) lastLintLocale = options.locale;
      // A fix-all run lints fixed texts no editor shows: nothing there to remember.
      if (options.fix) return lint(text, { ...options, analysisCache });
      const rules = ruleReuse.wrap(options.rules ?? builtinRules);
      return ruleReuse.run(options.filePath ?? '', () => lint(text, { ...options, rules, analysisCache }));
    },
    loadConfig: (filePath: string) => current().configFor(filePath),
    resetConfig: (newCwd?: string) => {
      if (newCwd) cwd = newCwd;
      projectLocale = locale();
      project = newProject();
    },
    files: {
      listReports: async (folders, limit) => (await current().listFiles(folders, { limit })).files.map((f) => f.path),
      readReport: (filePath) => current().readReport(filePath),
    },
    ...(rules ? { rules } : {}),
    previous: {
      find: async (filePath, o) => {
        // The parsed document saves parsing the whole text again, when parsed as `findPrevious` would (the parser's format for the path).
        const document = o.document && o.document.format === (o.format ?? formatOf({ filePath })) ? { document: o.document } : {};
        const found = await current().findPrevious(filePath, { text: o.text, ...(o.format ? { format: o.format } : {}), ...document });
        return {
          ...(found.previous ? { previous: found.previous.filePath } : {}),
          ...(found.identity ? { identity: identityKey(found.identity) } : {}),
          ...(found.problem ? { problem: inputMessage(found.problem, locale()) } : {}),
        };
      },
      read: (filePath) => current().readReport(filePath),
      identity: (document, filePath) => identityKey(reportIdentity(document, filePath)),
    },
    reparse: (previous, edits) => reparse(previous, edits),
    reuseStats: () => ({ ...ruleReuse.stats }),
    configProblem: (error: unknown) => {
      if (!(error instanceof ConfigError)) return undefined;
      // Messages name the file relative to the workspace; the diagnostic needs its absolute path.
      const file = error.file !== undefined ? path.resolve(cwd, error.file) : undefined;
      return { message: error.message, file, ...(error.key !== undefined ? { key: error.key } : {}) };
    },
    features,
    offThread: true,
  };
}
