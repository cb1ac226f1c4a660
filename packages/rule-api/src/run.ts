import type { ReportDocument } from '@fzlint/parser';
import type { AnalysisCache } from './analysis.js';
import { mergeFixes } from './fixes.js';
import { InvalidMessageError, renderMessage } from './messages.js';
import type {
  AnyRule,
  Diagnostic,
  Fix,
  PreviousReport,
  RelatedDescriptor,
  RelatedInformation,
  ReportDescriptor,
  RuleSettings,
  Severity,
  Suggestion,
} from './types.js';

/** The context a rule's `check` is given, its fields assignable while it is made. */
type MutableContext = { -readonly [K in keyof Parameters<AnyRule['check']>[1]]: Parameters<AnyRule['check']>[1][K] };

const SEVERITY_RANK: Record<Severity, number> = { info: 0, warn: 1, error: 2 };

/** The lower of two severities: the configured severity caps what a rule reports. */
export function capSeverity(reported: Severity, ceiling: Severity): Severity {
  return SEVERITY_RANK[reported] <= SEVERITY_RANK[ceiling] ? reported : ceiling;
}

/** Options of `runRule`. */
export interface RunRuleOptions {
  readonly settings: RuleSettings;
  /** Rule options; merged over the rule's `defaultOptions`. */
  readonly options?: unknown;
  /** The configured severity; defaults to the rule's default severity. */
  readonly severity?: Severity;
  /** Last year's report, for the `continuity/` rules (`RuleContext.previous`). */
  readonly previous?: PreviousReport;
  /** State analyses keep between lints (`RuleContext.analysisCache`). */
  readonly analysisCache?: AnalysisCache;
  /**
   * Called when a finding's message would show a broken value (`NaN`,
   * `Infinity`, `undefined`, `null`): the finding is left out and the rule's
   * other findings kept. Without it the {@link InvalidMessageError} is thrown
   * (the `RuleTester`, tests: they fail loudly).
   */
  readonly onInvalidMessage?: (error: InvalidMessageError) => void;
}

/** Related places built for a finding's `related` array, all in last year's report (see `runRule`). */
interface BuiltRelated {
  /** Last year's report (a new `PreviousReport` per lint, the same parsed document). */
  readonly previous: ReportDocument;
  readonly filePath: string | undefined;
  readonly meta: AnyRule['meta'];
  readonly locale: RuleSettings['locale'];
  readonly places: readonly RelatedInformation[];
}

const BUILT_RELATED = new WeakMap<readonly RelatedDescriptor[], BuiltRelated>();

/** How related information names a previous report given without a file path. */
export const PREVIOUS_WITHOUT_PATH = '<previous>';

/** The options of a rule run without configured options: one frozen object per rule, not a copy per run. */
const DEFAULT_OPTIONS = new WeakMap<AnyRule['meta'], unknown>();
const NO_OPTIONS: Readonly<Record<string, never>> = Object.freeze({});

/**
 * A rule's options when none are configured: its `defaultOptions` (a frozen copy of an object, so a
 * rule cannot change them for the next run, as the copy made per run once guarded), else an empty
 * frozen object. Made once per rule: ~60 rules run on every report.
 */
function defaultOptionsOf(meta: AnyRule['meta']): unknown {
  const defaults = meta.defaultOptions;
  if (defaults === undefined || defaults === null) return NO_OPTIONS;
  if (typeof defaults !== 'object') return defaults;
  let options = DEFAULT_OPTIONS.get(meta);
  if (options === undefined) DEFAULT_OPTIONS.set(meta, (options = Object.freeze({ ...(defaults as object) })));
  return options;
}

function clampRange(doc: ReportDocument, start: number, end: number) {
  const length = doc.text.length;
  const s = Math.max(0, Math.min(length, start));
  const e = Math.max(s, Math.min(length, end));
  return { start: s, end: e };
}

/** One rule run's reporting state: the runner's one record, its fields set for each run (see `createRuleRunner`). */
interface Run {
  readonly meta: AnyRule['meta'];
  readonly document: ReportDocument;
  readonly opts: RunRuleOptions;
  readonly locale: RuleSettings['locale'];
  readonly ceiling: Severity;
  readonly out: Diagnostic[];
}

function render(run: Run, messageId: string, data?: Readonly<Record<string, string | number>>): string {
  const { meta, locale, document } = run;
  const template = (meta.messages as Record<string, { 'zh-CN': string; en: string } | undefined>)[messageId];
  if (!template) throw new Error(`Rule ${meta.id} reported unknown messageId "${messageId}"`);
  // Remembered by data object only for an editor's lints (those with an analysis cache), as `relatedOf`'s places.
  return renderMessage(meta.id, messageId, template, locale, data, document.text, run.opts.analysisCache !== undefined);
}

/**
 * The related places of a finding. Places all in last year's report do not move with an edit of
 * this one: a `related` array reported again (the language server's incremental lint reports kept
 * findings again, shifted, with their `related` array) gets the places built for it last time
 * when last year's report, the locale and every message are the same.
 */
function relatedOf(run: Run, descriptors: readonly RelatedDescriptor[]): readonly RelatedInformation[] | undefined {
  const { meta, locale, document, opts } = run;
  const previous = opts.previous;
  const known = previous ? BUILT_RELATED.get(descriptors) : undefined;
  if (previous !== undefined && known !== undefined && known.previous === previous.document && known.filePath === previous.filePath && known.meta === meta && known.locale === locale && known.places.length === descriptors.length) {
    const places = known.places;
    let same = true;
    for (let i = 0; i < descriptors.length; i++) {
      const r = descriptors[i]!;
      const place = places[i]!;
      // Rendered again (from the messages' own memo): the message guard reads this document's text.
      const message = render(run, r.messageId, r.data);
      if (r.in !== 'previous' || r.range.start !== place.range.start || r.range.end !== place.range.end || message !== place.message) same = false;
    }
    if (same) return places;
  }
  let related: RelatedInformation[] | undefined;
  let allPrevious = previous !== undefined;
  for (const r of descriptors) {
    if (r.in === 'previous') {
      // A place in last year's report: its offsets and lines are that text's.
      if (!previous) continue;
      const other = previous.document;
      const place = clampRange(other, r.range.start, r.range.end);
      (related ??= []).push({
        range: place,
        message: render(run, r.messageId, r.data),
        filePath: previous.filePath ?? PREVIOUS_WITHOUT_PATH,
        start: other.lineIndex.positionAt(place.start),
        end: other.lineIndex.positionAt(place.end),
      });
      continue;
    }
    allPrevious = false;
    (related ??= []).push({ range: clampRange(document, r.range.start, r.range.end), message: render(run, r.messageId, r.data) });
  }
  // Kept only for an editor's lints (those with an analysis cache): a one-off lint reports nothing again.
  if (allPrevious && related !== undefined && related.length === descriptors.length && opts.analysisCache !== undefined) {
    BUILT_RELATED.set(descriptors, { previous: previous!.document, filePath: previous!.filePath, meta, locale, places: related });
  } else if (known !== undefined) BUILT_RELATED.delete(descriptors);
  return related;
}

function reportOne(run: Run, d: ReportDescriptor): void {
  const { meta, document, ceiling, out } = run;
  const range = clampRange(document, d.range.start, d.range.end);
  const severity = capSeverity(d.severity ?? meta.defaultSeverity, ceiling);
  let fix: Fix | undefined;
  if (d.fix !== undefined) {
    if (!meta.fixable) throw new Error(`Rule ${meta.id} reported a fix but meta.fixable is false`);
    fix = mergeFixes(document.text, d.fix);
  }
  // Arrays made only for a finding that has suggestions or related places (most have neither).
  let suggestions: Suggestion[] | undefined;
  if (d.suggestions) {
    for (const s of d.suggestions) {
      const merged = mergeFixes(document.text, s.fix);
      if (merged) (suggestions ??= []).push({ desc: render(run, s.messageId, s.data), fix: merged });
    }
  }
  let related: readonly RelatedInformation[] | undefined;
  if (d.related) related = relatedOf(run, d.related);
  // One literal, the optional fields assigned in the order they were always written (no spreads of temporary objects).
  const diagnostic: { -readonly [K in keyof Diagnostic]: Diagnostic[K] } = {
    ruleId: meta.id,
    severity,
    messageId: d.messageId,
    message: render(run, d.messageId, d.data),
    range,
    start: document.lineIndex.positionAt(range.start),
    end: document.lineIndex.positionAt(range.end),
    docsUrl: meta.docsUrl,
  };
  if (fix) diagnostic.fix = fix;
  if (suggestions) diagnostic.suggestions = suggestions;
  if (related) diagnostic.related = related;
  if (d.data) diagnostic.data = d.data;
  out.push(diagnostic);
}

/** A rule's options for one run: configured ones over its defaults, else its frozen defaults (`defaultOptionsOf`). */
function optionsFor(meta: AnyRule['meta'], opts: RunRuleOptions): unknown {
  return opts.options === undefined || opts.options === null
    ? defaultOptionsOf(meta)
    : meta.defaultOptions && typeof meta.defaultOptions === 'object'
      ? { ...(meta.defaultOptions as object), ...(opts.options as object) }
      : opts.options;
}

/** Reports one finding of a run, the broken messages given to `onInvalidMessage` when there is one. */
function reportGuarded(run: Run, d: ReportDescriptor): void {
  const onInvalidMessage = run.opts.onInvalidMessage;
  if (!onInvalidMessage) {
    reportOne(run, d);
    return;
  }
  try {
    reportOne(run, d);
  } catch (error) {
    if (!(error instanceof InvalidMessageError)) throw error;
    onInvalidMessage(error);
  }
}

/**
 * Runs one rule on a parsed document and resolves what it reports into diagnostics:
 * messages rendered, severities capped, edits merged, positions computed.
 * The RuleTester runs rules with it, the linter engine with a runner (`createRuleRunner`) per
 * pass: this is one run of such a runner, so both take one path. Exceptions propagate; the
 * engine decides how to report a rule that throws.
 */
export function runRule(rule: AnyRule, document: ReportDocument, opts: RunRuleOptions): Diagnostic[] {
  // The findings copied out of the runner's own list (which its next run would empty).
  return createRuleRunner().run(rule, document, opts).slice();
}

/** Runs rules one after another, each as `runRule` does (see `createRuleRunner`). */
export interface RuleRunner {
  /**
   * `runRule(rule, document, opts)`, its findings in a list of the runner's own: valid until the
   * runner's next run, which empties it (copy what is kept). Exceptions propagate, as `runRule`'s.
   */
  run(rule: AnyRule, document: ReportDocument, opts: RunRuleOptions): readonly Diagnostic[];
}

/**
 * A runner for the rules of one lint (the engine makes one per pass): one context, one
 * `report` function and one list of findings serve every run, not a context object, a closure
 * and a list per rule (~60 rules on every report, most of which report nothing). A rule sees the same context object in every run, its fields set
 * for that run: `options`, `settings`, and `previous` and `analysisCache` (`undefined` when
 * not given). `context` and `report` serve the run they were given to, while `check` runs: a
 * finding reported after `check` returned was always lost (its list was already read), and
 * now is not made at all.
 */
export function createRuleRunner(): RuleRunner {
  const out: Diagnostic[] = [];
  // The one run record, its fields set for each run (`reportOne` reads it).
  const run: { -readonly [K in keyof Run]: Run[K] } = {
    meta: undefined as unknown as AnyRule['meta'],
    document: undefined as unknown as ReportDocument,
    opts: undefined as unknown as RunRuleOptions,
    locale: 'zh-CN',
    ceiling: 'info',
    out,
  };
  let running = false;
  const report = (d: ReportDescriptor): void => {
    if (running) reportGuarded(run, d);
  };
  // Every field present from the start (one shape for every run); those not given are undefined.
  const context = {
    options: undefined as unknown,
    settings: undefined as unknown as RuleSettings,
    report,
    previous: undefined as PreviousReport | undefined,
    analysisCache: undefined as AnalysisCache | undefined,
  };
  return {
    run(rule, document, opts) {
      const { meta } = rule;
      out.length = 0;
      run.meta = meta;
      run.document = document;
      run.opts = opts;
      run.locale = opts.settings.locale;
      run.ceiling = opts.severity ?? meta.defaultSeverity;
      context.options = optionsFor(meta, opts);
      context.settings = opts.settings;
      context.previous = opts.previous;
      context.analysisCache = opts.analysisCache;
      running = true;
      try {
        rule.check(document, context as MutableContext);
      } finally {
        running = false;
      }
      return out;
    },
  };
}

/**
 * Sorts diagnostics by position, then rule id (stable output for formatters and
 * tests). Rule ids are compared by code unit: `localeCompare` would set up ICU
 * collation on its first call (milliseconds of a one-file run) for ids that are
 * all `[a-z0-9/-]` anyway.
 */
export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return (
    a.range.start - b.range.start ||
    a.range.end - b.range.end ||
    (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0)
  );
}
