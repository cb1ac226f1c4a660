/**
 * A key of an analysis that can keep state between lints: the analysis names itself
 * and says how to create its (empty) state. Keys are compared by identity, so a
 * module exports one constant key per analysis.
 */
export interface AnalysisKey<T> {
  /** For diagnostics and tests (`statistics`). */
  readonly name: string;
  /** The analysis's empty state, created on first use in a cache. */
  create(): T;
}

/**
 * State that analyses keep between lints, passed explicitly (`lint(text, { analysisCache })`,
 * `RuleContext.analysisCache`). An editor lints the next version of the same text on
 * every keystroke; with a cache an analysis re-reads only what an edit changed (the
 * statistics analysis keeps paragraph results). A command-line run or a library call
 * lints each text once, and there the bookkeeping only costs: it passes no cache and
 * every analysis reads the document whole. Results are the same either way.
 *
 * One cache serves any number of documents (a language server keeps one per
 * workspace); what each analysis keeps is bounded by the analysis itself.
 */
export class AnalysisCache {
  private readonly entries = new Map<AnalysisKey<unknown>, unknown>();

  /** The state of `key`'s analysis in this cache, created on first use. */
  get<T>(key: AnalysisKey<T>): T {
    if (this.entries.has(key)) return this.entries.get(key) as T;
    const value = key.create();
    this.entries.set(key, value);
    return value;
  }

  /** Forgets every analysis's state (the next lint is a cold one). */
  clear(): void {
    this.entries.clear();
  }
}

/** A new, empty analysis cache (one per editor session or workspace). */
export function createAnalysisCache(): AnalysisCache {
  return new AnalysisCache();
}
