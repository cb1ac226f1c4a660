import { textFormatOf } from '@fzlint/input';
import { documentInputLimits, parse, releaseDocument, type CalendarDate, type ParseOptions, type ReportDocument } from '@fzlint/parser';
import {
  applyFixesOnce,
  compareDiagnostics,
  createRuleRunner,
  resolveSettings,
  type AnyRule,
  type Diagnostic,
  type Fix,
  type Locale,
  type PreviousReport,
  type RunRuleOptions,
  type SettingsInput,
  type Severity,
} from '@fzlint/rule-api';
import { rules as builtinRules, rulesById as builtinRulesById } from '@fzlint/rules';
import { normalizeRuleEntry, parseIsoDate } from './config/entries.js';
import { countDiagnostics } from './counts.js';
import { configError } from './config/messages.js';
import { applyDirectives, findDirectives } from './directives.js';
import { MAX_EXACT_DIGITS, MAX_RANGE_FINDINGS, shownNumeral, significantDigits, withoutOutOfRange } from './limits.js';
import { lineStarts, positionIn } from './lines.js';
import { LINTER_RULE_IDS, linterDiagnostic } from './messages.js';
import { parsePrevious } from './previous.js';
import type { FzlintConfig, LintOptions, LintResult, RuleFailure } from './types.js';

/** At most this many fix passes, as ESLint: fixes that keep producing fixes stop here. */
export const MAX_FIX_PASSES = 10;

/** The format a file is parsed as: Markdown for `.md`/`.markdown`, plain text otherwise (`@fzlint/input` decides). */
export function formatForPath(filePath: string | undefined): 'markdown' | 'plaintext' {
  return textFormatOf(filePath);
}

interface EnabledRule {
  readonly rule: AnyRule;
  readonly severity: Severity;
  readonly options?: unknown;
}

interface Prepared {
  readonly format: 'markdown' | 'plaintext';
  readonly enabled: readonly EnabledRule[];
  readonly knownRuleIds: ReadonlySet<string>;
  readonly locale: Locale;
  readonly reportYear: number | undefined;
  readonly writingDate: CalendarDate | undefined;
  readonly config: FzlintConfig;
  readonly options: LintOptions;
  /** Last year's report, parsed once for every fix pass (and cached across calls). */
  readonly previous: PreviousReport | undefined;
  /** Why last year's report could not be parsed (reported; the continuity rules then stay silent). */
  readonly previousError: Error | undefined;
}

/**
 * For the built-in rule list (never changed; a caller's own list is read afresh each time):
 * every rule at its default severity when no rule is configured, as most lints are, and the
 * rule ids directives may name. Made once, not per lint.
 */
let defaultEnabled: readonly EnabledRule[] | undefined;
let builtinKnownIds: ReadonlySet<string> | undefined;

function enabledRules(ruleList: readonly AnyRule[], configured: FzlintConfig['rules'], locale: Locale): readonly EnabledRule[] {
  if (configured === undefined && ruleList === builtinRules) {
    return (defaultEnabled ??= ruleList.map((rule) => ({ rule, severity: rule.meta.defaultSeverity })));
  }
  const enabled: EnabledRule[] = [];
  for (const rule of ruleList) {
    const entry = configured?.[rule.meta.id];
    if (entry === undefined) {
      enabled.push({ rule, severity: rule.meta.defaultSeverity });
      continue;
    }
    const { severity, options: ruleOptions } = normalizeRuleEntry(rule.meta.id, entry, locale);
    if (severity === 'off') continue;
    enabled.push({ rule, severity, ...(ruleOptions !== undefined ? { options: ruleOptions } : {}) });
  }
  return enabled;
}

function knownIds(ruleList: readonly AnyRule[]): ReadonlySet<string> {
  if (ruleList === builtinRules && builtinKnownIds) return builtinKnownIds;
  const ids = new Set<string>(builtinRulesById.keys());
  for (const rule of ruleList) ids.add(rule.meta.id);
  if (ruleList === builtinRules) builtinKnownIds = ids;
  return ids;
}

function prepare(options: LintOptions): Prepared {
  const config = options.config ?? {};
  const locale = options.locale ?? config.locale ?? 'zh-CN';
  const ruleList = options.rules ?? builtinRules;
  const enabled = enabledRules(ruleList, config.rules, locale);
  const knownRuleIds = knownIds(ruleList);

  let writingDate = options.writingDate;
  if (!writingDate && config.writingDate !== undefined) {
    writingDate = parseIsoDate(config.writingDate);
    if (!writingDate) {
      throw configError(locale, undefined, 'writingDate', 'date', { got: JSON.stringify(config.writingDate) });
    }
  }
  const reportYear = options.reportYear ?? config.reportYear;
  let previous: PreviousReport | undefined;
  let previousError: Error | undefined;
  if (options.previous) {
    try {
      previous = parsePrevious(options.previous);
    } catch (e) {
      previousError = errorOf(e);
    }
  }
  // Every field present (an optional one undefined), no spread: a literal of conditional spreads
  // was made field by field at run time, on every lint. Nothing lists this object's keys.
  return {
    format: options.format ?? formatForPath(options.filePath),
    enabled,
    knownRuleIds,
    locale,
    reportYear,
    writingDate,
    config,
    options,
    previous,
    previousError,
  };
}

/**
 * A document with nothing recognised in it, for a text the parser failed on or a
 * file that could not be read: the result still carries a document.
 */
function emptyDocument(
  text: string,
  format: 'markdown' | 'plaintext',
  filePath: string | undefined,
  writingDate: CalendarDate | undefined,
): ReportDocument {
  const starts = lineStarts(text);
  const positionAt = (offset: number) => positionIn(starts, offset);
  return {
    text,
    format,
    ...(filePath !== undefined ? { filePath } : {}),
    // Never dated from the clock: without a given date the document has none, as the parser's do.
    ...(writingDate ? { writingDate: { value: writingDate, source: 'option' as const, assumed: false } } : {}),
    bodyRange: { start: 0, end: text.length },
    junkRanges: [],
    headings: [],
    sections: [],
    paragraphs: [],
    sentences: [],
    numbers: [],
    references: [],
    documentNumbers: [],
    comments: [],
    codeRanges: [],
    lineIndex: {
      lineStarts: starts,
      positionAt,
      offsetAt: ({ line, column }) => Math.min(text.length, (starts[line - 1] ?? text.length) + column - 1),
    },
  };
}

/**
 * The result for a file that could not be read (missing, a directory, no
 * permission): one `fzlint/read-error` finding saying why, `fatal: true`.
 */
export function fatalResult(filePath: string, error: string, locale: Locale = 'zh-CN'): LintResult {
  const document = emptyDocument('', formatForPath(filePath), filePath, undefined);
  const diagnostic = linterDiagnostic({
    ruleId: LINTER_RULE_IDS.readError,
    severity: 'error',
    messageId: 'readError',
    data: { error },
    range: { start: 0, end: 0 },
    locale,
    positionAt: document.lineIndex.positionAt,
  });
  return {
    filePath,
    source: '',
    document,
    diagnostics: [diagnostic],
    ...countDiagnostics([diagnostic]),
    ruleFailures: [],
    fatal: true,
  };
}

interface Pass {
  readonly document: ReportDocument;
  readonly diagnostics: Diagnostic[];
  readonly ruleFailures: RuleFailure[];
  readonly suppressedCount: number;
}

function errorOf(e: unknown): Error {
  return e instanceof Error ? e : new Error(String(e));
}

/** The caller's document when it is this text parsed as this format (`LintOptions.document`). */
function givenDocument(options: LintOptions, text: string, format: 'markdown' | 'plaintext'): ReportDocument | undefined {
  const document = options.document;
  return document !== undefined && document.format === format && document.text === text ? document : undefined;
}

/**
 * The parser's options for a lint, each only when set. Set field by field: a literal of
 * conditional spreads was made at run time, an object per spread, on every lint.
 */
function parseOptionsOf(p: Prepared): ParseOptions {
  const options: { -readonly [K in keyof ParseOptions]: ParseOptions[K] } = { format: p.format };
  if (p.options.filePath !== undefined) options.filePath = p.options.filePath;
  if (p.reportYear !== undefined) options.reportYear = p.reportYear;
  if (p.writingDate) options.writingDate = p.writingDate;
  return options;
}

/** The rules' settings as given for a lint, each only when set (field by field, as {@link parseOptionsOf}). */
function settingsInputOf(p: Prepared): SettingsInput {
  const input: { -readonly [K in keyof SettingsInput]: SettingsInput[K] } = {};
  if (p.reportYear !== undefined) input.reportYear = p.reportYear;
  if (p.writingDate) input.writingDate = p.writingDate;
  input.locale = p.locale;
  if (p.config.catalogue) input.catalogue = p.config.catalogue;
  return input;
}

function lintOnce(text: string, p: Prepared, parsed?: ReportDocument): Pass {
  const ruleFailures: RuleFailure[] = [];
  const found: Diagnostic[] = [];
  let document: ReportDocument;
  try {
    document = parsed ?? parse(text, parseOptionsOf(p));
  } catch (e) {
    // A parser bug must not take the file down with it: report it and lint nothing.
    document = emptyDocument(text, p.format, p.options.filePath, p.writingDate);
    const error = errorOf(e);
    ruleFailures.push({ ruleId: 'fzlint/parser', error });
    found.push(
      linterDiagnostic({
        ruleId: LINTER_RULE_IDS.ruleError,
        severity: 'error',
        messageId: 'ruleError',
        data: { ruleId: '@fzlint/parser', error: error.message },
        range: { start: 0, end: 0 },
        locale: p.locale,
        positionAt: document.lineIndex.positionAt,
      }),
    );
    return { document, diagnostics: found, ruleFailures, suppressedCount: 0 };
  }

  // Where the Markdown reader simplified a hostile structure to stay linear, say so once per kind.
  if (p.format === 'markdown') {
    // Remembered per document: a document re-parsed after a keystroke carries its previous version's.
    for (const limit of documentInputLimits(document)) {
      found.push(
        linterDiagnostic({
          ruleId: LINTER_RULE_IDS.inputLimit,
          severity: 'info',
          messageId: limit.kind === 'markers' ? 'markersLimit' : limit.kind === 'depth' ? 'depthLimit' : limit.kind === 'lazy-list' ? 'lazyListLimit' : 'lazyQuotesLimit',
          data: { limit: limit.limit, lines: limit.lines },
          range: { start: limit.start, end: limit.end },
          locale: p.locale,
          positionAt: (offset) => document.lineIndex.positionAt(offset),
        }),
      );
    }
  }

  // Numbers beyond exact arithmetic are declared out of range, and no rule computes with them.
  const limited = withoutOutOfRange(document);
  const ruleDocument = limited.document;
  for (const n of limited.outOfRange.slice(0, MAX_RANGE_FINDINGS)) {
    const numeral = text.slice(n.valueRange.start, n.valueRange.end);
    found.push(
      linterDiagnostic({
        ruleId: LINTER_RULE_IDS.numberOutOfRange,
        severity: 'info',
        messageId: 'numberOutOfRange',
        data: { number: shownNumeral(numeral), digits: significantDigits(numeral), max: MAX_EXACT_DIGITS },
        range: n.range,
        locale: p.locale,
        positionAt: (offset) => document.lineIndex.positionAt(offset),
      }),
    );
  }

  const settings = resolveSettings(document, settingsInputOf(p));
  const positionAt = (offset: number) => document.lineIndex.positionAt(offset);
  const ruleError = (ruleId: string, error: Error): Diagnostic =>
    linterDiagnostic({
      ruleId: LINTER_RULE_IDS.ruleError,
      severity: 'error',
      messageId: 'ruleError',
      data: { ruleId, error: error.message.split('\n')[0] ?? '' },
      range: { start: 0, end: 0 },
      locale: p.locale,
      positionAt,
    });
  if (p.previousError) {
    ruleFailures.push({ ruleId: 'fzlint/parser', error: p.previousError });
    found.push(
      linterDiagnostic({
        ruleId: LINTER_RULE_IDS.ruleError,
        severity: 'error',
        messageId: 'ruleError',
        data: { ruleId: '@fzlint/parser (previous report)', error: p.previousError.message.split('\n')[0] ?? '' },
        range: { start: 0, end: 0 },
        locale: p.locale,
        positionAt,
      }),
    );
  }
  const { enabled } = p;
  // One options object and one message guard per lint, not per rule: the rule being run and whether
  // it already had a broken message are this loop's, and the runner reads its options only while the rule runs.
  let current = '';
  let invalid = false;
  const runOptions: { -readonly [K in keyof RunRuleOptions]: RunRuleOptions[K] } = {
    settings,
    severity: 'info',
    options: undefined,
    // A finding whose message would show NaN, Infinity, undefined or null is left out and
    // reported as the rule's failure (once per rule); its other findings stay.
    onInvalidMessage: (error) => {
      ruleFailures.push({ ruleId: current, error });
      if (!invalid) found.push(ruleError(current, error));
      invalid = true;
    },
  };
  if (p.previous) runOptions.previous = p.previous;
  if (p.options.analysisCache) runOptions.analysisCache = p.options.analysisCache;
  // One context, reporting function and list of findings for every rule of this pass, not one each.
  const runner = createRuleRunner();
  for (let r = 0; r < enabled.length; r++) {
    const { rule, severity, options } = enabled[r]!;
    current = rule.meta.id;
    invalid = false;
    try {
      runOptions.severity = severity;
      runOptions.options = options;
      const diagnostics = runner.run(rule, ruleDocument, runOptions);
      for (let i = 0; i < diagnostics.length; i++) found.push(diagnostics[i]!);
    } catch (e) {
      const error = errorOf(e);
      ruleFailures.push({ ruleId: rule.meta.id, error });
      found.push(ruleError(rule.meta.id, error));
    }
  }
  // The rules' copy without the out-of-range numbers is this lint's own: nothing can ask for
  // its analyses again, so they need not outlive it (see `releaseDocument`).
  if (ruleDocument !== document) releaseDocument(ruleDocument);

  const directives = findDirectives(document);
  let kept: Diagnostic[] = found;
  let suppressedCount = 0;
  if (directives.length) {
    const applied = applyDirectives(found, directives, {
      text,
      positionAt,
      knownRuleIds: p.knownRuleIds,
      locale: p.locale,
      reportUnused: p.options.reportUnusedDirectives ?? true,
      ...(p.options.unusedDirectiveSeverity ? { unusedSeverity: p.options.unusedDirectiveSeverity } : {}),
    });
    kept = applied.diagnostics;
    suppressedCount = applied.suppressed.length;
  }
  sortDiagnostics(kept);
  return { document, diagnostics: kept, ruleFailures, suppressedCount };
}

/** Lists up to this long are sorted in place by insertion (a report has a few findings, 5 on average in the corpus). */
const INSERTION_SORT_MAX = 24;

/**
 * Sorts a lint's findings by `compareDiagnostics`, stably, as `Array.prototype.sort` does (the
 * same order): a short list by insertion, with nothing allocated (V8's sort copies the list into
 * a work array of its own first, on every lint), a longer one by `sort`.
 */
function sortDiagnostics(list: Diagnostic[]): void {
  const n = list.length;
  if (n > INSERTION_SORT_MAX) {
    list.sort(compareDiagnostics);
    return;
  }
  for (let i = 1; i < n; i++) {
    const d = list[i]!;
    let j = i;
    // Moved only past findings strictly after it: equal ones keep their order (stable).
    while (j > 0 && compareDiagnostics(list[j - 1]!, d) > 0) {
      list[j] = list[j - 1]!;
      j--;
    }
    if (j !== i) list[j] = d;
  }
}

export { countDiagnostics } from './counts.js';

/**
 * Lints one text: parses it once, runs every enabled rule on the shared document,
 * applies inline directives and returns the findings sorted by position.
 *
 * A rule that throws is recorded in `ruleFailures` and reported as a
 * `fzlint/rule-error` finding; the other rules still run. With `fix: true`,
 * non-overlapping fixes are applied in one pass and the text is linted again,
 * until nothing changes or {@link MAX_FIX_PASSES} passes were made (as ESLint
 * does); `output` is the fixed text and the findings refer to it.
 *
 * Throws only a `ConfigError`, for a config value that is not valid.
 */
export function lint(text: string, options: LintOptions = {}): LintResult {
  const p = prepare(options);
  let current = text;
  let pass = lintOnce(current, p, givenDocument(options, text, p.format));
  if (options.fix) {
    for (let i = 0; i < MAX_FIX_PASSES; i++) {
      const fixes: Fix[] = [];
      for (const d of pass.diagnostics) if (d.fix) fixes.push(d.fix);
      if (fixes.length === 0) break;
      const { output } = applyFixesOnce(current, fixes);
      if (output === current) break;
      current = output;
      // The pass before is not returned: nothing can ask for its document's analyses again.
      if (pass.document !== options.document) releaseDocument(pass.document);
      pass = lintOnce(current, p);
    }
  }
  // A one-off lint (no analysis cache) keeps nothing per document: V8's young-generation
  // collector holds a WeakMap's values while their entry is there, so a document left in the
  // analyses' memos was promoted with all it holds and waited for a full collection
  // (`releaseDocument`; in a 1,000-report run most of what the lints kept was promoted).
  if (!options.analysisCache) releaseDocument(pass.document);
  return resultOf(options.filePath, text, pass, current !== text ? current : undefined);
}

/**
 * `lint`'s result, its fields in the order they were always written, `filePath` and `output` only
 * when set. Plain literals, no spreads: an object literal holding spreads (a conditional `{}`, the
 * counts) allocated ~3.5 KB per call in V8 where these allocate ~0.2 KB, on every lint.
 */
function resultOf(filePath: string | undefined, source: string, pass: Pass, output: string | undefined): LintResult {
  const { document, diagnostics, ruleFailures, suppressedCount } = pass;
  const { errorCount, warningCount, infoCount, fixableErrorCount, fixableWarningCount } = countDiagnostics(diagnostics);
  if (output === undefined) {
    return filePath === undefined
      ? { source, document, diagnostics, errorCount, warningCount, infoCount, fixableErrorCount, fixableWarningCount, ruleFailures, suppressedCount }
      : { filePath, source, document, diagnostics, errorCount, warningCount, infoCount, fixableErrorCount, fixableWarningCount, ruleFailures, suppressedCount };
  }
  return filePath === undefined
    ? { source, document, diagnostics, errorCount, warningCount, infoCount, fixableErrorCount, fixableWarningCount, output, ruleFailures, suppressedCount }
    : { filePath, source, document, diagnostics, errorCount, warningCount, infoCount, fixableErrorCount, fixableWarningCount, output, ruleFailures, suppressedCount };
}

/** Result of `applyFixes`. */
export interface AppliedFixesResult {
  /** Whether any fix was applied. */
  readonly fixed: boolean;
  readonly output: string;
  /** The diagnostics whose fix was not applied (no fix, or overlapping one applied). */
  readonly remaining: readonly Diagnostic[];
}

/**
 * Applies the fixes of `diagnostics` to `text` in one pass (ESLint's
 * `SourceCodeFixer.applyFixes`): sorted by position, a fix overlapping or touching
 * an earlier one is left out for a later pass.
 */
export function applyFixes(text: string, diagnostics: readonly Diagnostic[]): AppliedFixesResult {
  const withFix = diagnostics.filter((d) => d.fix);
  const { output, applied } = applyFixesOnce(
    text,
    withFix.map((d) => d.fix!),
  );
  const appliedSet = new Set(applied);
  const remaining = diagnostics.filter((d) => !d.fix || !appliedSet.has(d.fix));
  return { fixed: applied.length > 0, output, remaining };
}
