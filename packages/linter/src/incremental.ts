/**
 * Incremental linting for editors: rules whose findings are local (`meta.scope` `sentence` or
 * `paragraph`) re-read only the paragraphs an edit touched; their findings in the other
 * paragraphs are those of the last lint, shifted. Rules that read across paragraphs
 * (`section`, `document`, or no scope) run on the whole document, but for the cases below.
 *
 * It works by wrapping rules ({@link RuleReuse.wrap}), so `lint` itself is unchanged: a
 * wrapped local rule remembers what it reported (the descriptors, in the document's offsets)
 * and the document it read. On the next lint it compares the two documents: the changed span
 * (common prefix and suffix of the texts) widened to whole paragraphs is the window. When
 * everything the rule may read besides its paragraph is the same — settings, options, title,
 * dates, headings, sections, junk, comments, and every paragraph outside the window (shifted)
 * — the rule runs on a view of the document holding only the window's paragraphs, sentences,
 * numbers, references and document numbers (the text, offsets and lines stay the document's),
 * and its earlier findings outside the window are reported again, shifted. Anything else (a
 * heading edited, a paragraph split far away, a finding across the window's edge) runs the
 * rule on the whole document. A few built-in document rules read the text only in places an
 * edit can be seen to leave alone (`DOCUMENT_READS`): when it does, their findings are the last
 * lint's, shifted. The result is the same as a fresh lint's; property tests here and in the
 * language server hold it to that.
 */
import { numberingSchemes } from '@fzlint/ontology';
import { changedSpan, type DocumentNumber, type Heading, type ReportDocument, type Section, type TextRange } from '@fzlint/parser';
import type { AnalysisCache, AnyRule, Fix, RelatedDescriptor, ReportDescriptor, RuleContext, RuleSettings } from '@fzlint/rule-api';
import {
  citationsKept,
  figureDistancesKept,
  figureReadsKept,
  headingReadsKept,
  keepFigureSpans,
  type FigureEdit,
  conceptSections,
  copiedPassage,
  endsPassagePiece,
  flattenSections,
  hasStatisticsInput,
  headingConcepts,
  headingNumbering,
  mayHoldBrokenYear,
  mayHoldCongressPhrase,
  outdatedCongress,
  repeatedShortcomings,
  requiredSection,
  restatedFigure,
  shortcomingsWithoutCauses,
  statisticsRules,
  yearConsistency,
  yieldsPassagePieces,
  type SectionEntry,
} from '@fzlint/rules';

/** Scopes whose findings are reused outside the edited paragraphs. */
const LOCAL_SCOPES: ReadonlySet<string> = new Set(['sentence', 'paragraph']);

/** Whether a rule's findings may be reused paragraph by paragraph. */
export function isLocalRule(rule: AnyRule): boolean {
  return rule.meta.scope !== undefined && LOCAL_SCOPES.has(rule.meta.scope);
}

/**
 * The built-in statistics rules: document rules whose findings come only from the statistics
 * analysis (`extractStatistics`) and the figures ledger built from it, which read a paragraph
 * only through the counts, rates and changes found in it (the analysis reads each paragraph on
 * its own) and a little of the text around them, which `@fzlint/rules` declares
 * (`figureReadsKept`). An edit that leaves all of it as it was, shifted — in paragraphs where the
 * analysis finds nothing, in sentences without figures, or beside figures that read the same —
 * leaves their findings as they were, shifted. `continuity/restated-figure` reads this report only
 * through the ledger too (the figures it states for last year), beside last year's report
 * (the same one: see `sameInputs`).
 */
const FIGURE_RULES: ReadonlySet<AnyRule> = new Set([...statisticsRules, restatedFigure as AnyRule]);

/** Whether a rule is one of the built-in statistics rules (see {@link FIGURE_RULES}). */
export function isFigureRule(rule: AnyRule): boolean {
  return FIGURE_RULES.has(rule);
}

/**
 * Built-in document rules that read the text only in places an edit can be told to leave alone,
 * with the test that it did (see {@link DocumentInputs}). Each reads the outline — title, report
 * dates, headings and sections, and what `flattenSections` derives from a heading's wording (its
 * concept, read again from a run-in heading's label, and whether it is about last year's
 * shortcomings being fixed) — but reads a heading's wording itself only where said below, so a
 * keystroke inside a heading that leaves all of that as it was keeps their findings
 * ({@link DocumentInputs.outlineRead}). Besides:
 * - `structure/year-consistency`: the wording of headings naming a year (their label, the years
 *   in it, the text around their year); every sentence its `mayHoldBrokenYear` lets through (a 年
 *   after a digit), for years that lost digits; the opening sentence before the first heading;
 *   the text up to 12 characters around the title's, the report year's and the headings' years;
 *   the first line of the body (where an unknown year is reported when there is no title);
 * - `structure/heading-numbering`: the headings' numbers; the wording of an unnumbered heading
 *   standing among numbered ones (a line or Markdown heading without a number: its label and
 *   trimmed title range); and the text between sibling headings for a numbered item the parser
 *   did not take for a heading (a numbering pattern, at most 10 characters read from its start,
 *   after a break or sentence end);
 * - `structure/shortcomings-without-causes` and `continuity/repeated-shortcomings`: the sections
 *   that introduce the shortcomings (the whole body when there is none: then they always run),
 *   headings inside them included, and last year's report (the same one, `sameInputs`);
 * - `structure/required-section`: whether there are sentences at all, every concept a heading's
 *   words name (`headingConcepts`: a heading naming several contents covers each), and the body's
 *   text only for a required content without a heading (see the entry below).
 * When an edit leaves all a rule reads as it was, the rule's findings are its old ones, shifted.
 */
const DOCUMENT_READS: ReadonlyMap<AnyRule, (inputs: DocumentInputs, last: RuleState) => boolean> = new Map<AnyRule, (inputs: DocumentInputs, last: RuleState) => boolean>([
  [yearConsistency as AnyRule, (i) => i.outlineRead(namesNoYear) && i.yearsUntouched()],
  [headingNumbering as AnyRule, (i) => i.outlineRead(neverUnnumberedAmongNumbered) && i.noNumberingNear()],
  [shortcomingsWithoutCauses as AnyRule, (i) => i.outlineRead(wordingUnread) && i.outsideShortcomings()],
  [repeatedShortcomings as AnyRule, (i) => i.outlineRead(wordingUnread) && i.outsideShortcomings()],
  // Reads the text only for a required content with no heading, and then always reports it
  // (as prose, or missing): with no finding last time, every one had a heading, which the
  // outline alone decides.
  [requiredSection as AnyRule, (i, last) => last.reports.length === 0 && i.outlineRead(wordingUnread) && i.headingConceptsKept() && i.hasSentences()],
]);

/**
 * `paragraph` rules that read a paragraph only through the sentences a test lets through, each
 * such sentence read on its own (its text and range, and what the document says as a whole): a
 * sentence the test refuses gives the rule nothing. When the sentences around a change (the
 * `sentenceWindow`, whose other sentences are the same, shifted) are refused in the old text and
 * the new, and the window keeps its number of paragraphs (so every other sentence its paragraph),
 * every paragraph gives the rule what it gave last time, shifted, and so do its findings.
 * - `references/outdated-congress`: a paragraph's congress phrases, which the references analysis
 *   finds per sentence (the sentence's text, the next-year plan's sections) and only in the
 *   sentences `congressSentences` lets through.
 */
const PARAGRAPH_READS: ReadonlyMap<AnyRule, (text: string, sentences: ReadonlyArray<{ readonly range: TextRange }>) => boolean> = new Map([
  [outdatedCongress as AnyRule, mayHoldCongressPhrase],
]);

/** Whether `reads` lets through a sentence of the narrowed window `w`, in the old text or the new. */
function readsAround(reads: (text: string, sentences: ReadonlyArray<{ readonly range: TextRange }>) => boolean, previous: ReportDocument, next: ReportDocument, w: RunWindow): boolean {
  return reads(next.text, sentencesWithin(next, w.start, w.end)) || reads(previous.text, sentencesWithin(previous, w.oldStart, w.oldEnd));
}

/** The sentences of `doc` overlapping [start, end). */
function sentencesWithin(doc: ReportDocument, start: number, end: number): ReportDocument['sentences'] {
  const sentences = doc.sentences;
  const from = lowerBound(sentences.length, (k) => sentences[k]!.range.end <= start);
  const to = lowerBound(sentences.length, (k) => sentences[k]!.range.start < end);
  return sentences.slice(from, to);
}

/** For `structure/year-consistency`: a heading naming no year (its wording is not read). */
function namesNoYear(h: Heading): boolean {
  return h.year === undefined;
}

/**
 * For `structure/heading-numbering`: a heading that is never reported as unnumbered among
 * numbered siblings (numbered, or neither an unnumbered line nor a Markdown heading).
 */
function neverUnnumberedAmongNumbered(h: Heading): boolean {
  return h.numbering !== undefined || (h.origin !== 'unnumbered' && h.origin !== 'markdown');
}

/** For the rules that read no heading's wording but through `flattenSections`. */
function wordingUnread(): boolean {
  return true;
}

/** What a local rule reported on one document. */
interface RuleState {
  readonly document: ReportDocument;
  /** Last year's report the rule was given (continuity rules read it). */
  readonly previous: ReportDocument | undefined;
  readonly settings: RuleSettings;
  readonly optionsKey: string;
  readonly reports: readonly ReportDescriptor[];
}

/** The paragraphs an edit touched, in the old and the new document, and how to read the new one there. */
export interface EditWindow {
  /** The window in the new text (whole paragraphs). */
  readonly start: number;
  readonly end: number;
  /** The same window in the old text. */
  readonly oldStart: number;
  readonly oldEnd: number;
  /** New length minus old length. */
  readonly delta: number;
  /** The changed span: it starts here in both texts (the common prefix's length) … */
  readonly changeStart: number;
  /** … and ends here in the old text, `oldChangeEnd + delta` in the new one (the common suffix starts there). */
  readonly oldChangeEnd: number;
  /** The window's first paragraph (the same index in both texts) and its last, in the new text and the old. */
  readonly first: number;
  readonly last: number;
  readonly oldLast: number;
  /** The new document restricted to the window. */
  readonly view: ReportDocument;
  /** The old document restricted to the window. */
  readonly oldView: () => ReportDocument;
}

/** Where a local rule runs again: a span of the new text, the same span in the old one, and the view of it. */
type RunWindow = Pick<EditWindow, 'start' | 'end' | 'oldStart' | 'oldEnd' | 'delta' | 'view'>;

/** Counters of what the reuse did (tests and the timing log). */
export interface RuleReuseStats {
  /** Rule runs on a window of the document. */
  windowed: number;
  /** Of those, runs of a `sentence` rule on the sentences around the change only (see `sentenceWindow`). */
  sentences: number;
  /**
   * Of those, runs of a `paragraph` rule of {@link PARAGRAPH_READS} left out: the sentences around
   * the change are none it reads, old and new (its findings shifted).
   */
  paragraphsKept: number;
  /** Rule runs on the whole document. */
  whole: number;
  /** Statistics rules not run: the edit changed no figure (their findings shifted). */
  figuresKept: number;
  /**
   * Of those, the ones kept although the edited paragraphs hold figures: the edit was in
   * sentences without any (see `figureSentencesKept`).
   */
  figuresKeptAround: number;
  /**
   * Of those, the ones kept although the edit was in sentences with figures: the figure rules
   * read the same there, shifted (see `figureReadsKept`).
   */
  figuresKeptRead: number;
  /** Document rules not run: the edit left everything they read as it was (their findings shifted). */
  documentKept: number;
  /** Document rules of {@link DOCUMENT_READS} run on the whole document. */
  documentRun: number;
}

/** Documents remembered at most (one per open document being edited). */
const MAX_KEYS = 16;

/**
 * Per-document reuse of local rules' findings between lints. One per editor session;
 * lints of different documents name them with {@link RuleReuse.run}'s key.
 */
export class RuleReuse {
  private readonly states = new Map<string, Map<AnyRule, RuleState>>();
  private readonly wrapped = new WeakMap<readonly AnyRule[], AnyRule[]>();
  /** Windows computed this lint: per new document, per old document. */
  private windows = new WeakMap<ReportDocument, Map<ReportDocument, EditWindow | null>>();
  private current: Map<AnyRule, RuleState> | undefined;
  readonly stats: RuleReuseStats = { windowed: 0, sentences: 0, paragraphsKept: 0, whole: 0, figuresKept: 0, figuresKeptAround: 0, figuresKeptRead: 0, documentKept: 0, documentRun: 0 };
  /** Per window: what the document rules read, and whether the edit left it alone (each asked once). */
  private documentInputs = new WeakMap<EditWindow, DocumentInputs>();
  /**
   * Per window: whether the figure rules read the same in its paragraphs, shifted (0: no, 1: no
   * figure in them, 2: figures only outside the change, 3: figures around the change read the same).
   */
  private figureFree = new WeakMap<EditWindow, 0 | 1 | 2 | 3>();
  /** Per window: the sentences around its change, for the sentence rules (null: none narrower). */
  private sentenceWindows = new WeakMap<EditWindow, RunWindow | null>();

  /**
   * Runs `fn` (a synchronous `lint` with rules from {@link wrap}) with the memory of the
   * document `key` (its file path): its local rules reuse what they found in the last lint.
   */
  run<T>(key: string, fn: () => T): T {
    let state = this.states.get(key);
    if (!state) {
      state = new Map();
      if (this.states.size >= MAX_KEYS) {
        const oldest = this.states.keys().next().value;
        if (oldest !== undefined) this.states.delete(oldest);
      }
    } else {
      this.states.delete(key);
    }
    // Most recently used last (the first key is dropped first).
    this.states.set(key, state);
    const outer = this.current;
    this.current = state;
    try {
      return fn();
    } finally {
      this.current = outer;
      this.windows = new WeakMap();
    }
  }

  /** Forgets what was found in a document (closed). */
  forget(key: string): void {
    this.states.delete(key);
  }

  /** Forgets everything. */
  clear(): void {
    this.states.clear();
  }

  /** The rules, local ones wrapped to reuse their findings (the same array for the same rules). */
  wrap(rules: readonly AnyRule[]): AnyRule[] {
    let out = this.wrapped.get(rules);
    if (!out) {
      out = rules.map((rule) =>
        isLocalRule(rule)
          ? this.wrapReusing(rule, 'windowed', (last, window, document, context) => {
              // A sentence rule re-reads only the sentences around the change when the paragraph's
              // other sentences are the same (a long paragraph's keystroke): else the paragraphs.
              const reads = PARAGRAPH_READS.get(rule);
              const narrow = rule.meta.scope === 'sentence' || reads ? this.sentencesOf(last.document, document, window) : undefined;
              if (reads) {
                // A paragraph rule that reads its paragraph only through some of its sentences: when
                // the sentences around the change are none of those, old and new, and every other
                // sentence keeps its paragraph (as many paragraphs in the window), it finds the same.
                const kept =
                  narrow && window.last === window.oldLast && !readsAround(reads, last.document, document, narrow) ? outside(last, window) : undefined;
                if (kept) this.stats.paragraphsKept++;
                return kept ?? reuse(rule, last, window, context);
              }
              const kept = narrow && reuse(rule, last, narrow, context);
              if (kept) this.stats.sentences++;
              return kept ?? reuse(rule, last, window, context);
            })
          : rule === copiedPassage
            ? this.wrapReusing(rule, 'windowed', (last, window, document, context) => {
                const w = passageWindow(last.document, document, window);
                return w ? reuse(rule, last, w, context) : undefined;
              })
          : isFigureRule(rule)
            ? this.wrapReusing(rule, 'figuresKept', (last, window, document, context) =>
                this.figuresUnchanged(last.document, document, window, context.analysisCache) ? outside(last, window) : undefined,
              )
            : DOCUMENT_READS.has(rule)
              ? this.wrapReusing(rule, 'documentKept', (last, window, document) =>
                  DOCUMENT_READS.get(rule)!(this.inputsOf(last.document, document, window), last) ? outside(last, window) : undefined,
                )
              : rule,
      );
      this.wrapped.set(rules, out);
    }
    return out;
  }

  /**
   * A rule whose findings may be reused: `reuseIn` gives them for the edit's window from the last
   * run (local rules: the findings outside the window kept, the window re-run; statistics rules:
   * all findings shifted when the edit touches no figure, see `figuresUnchanged`), or undefined,
   * and then the rule runs on the whole document as always.
   */
  private wrapReusing(
    rule: AnyRule,
    counter: 'windowed' | 'figuresKept' | 'documentKept',
    reuseIn: (last: RuleState, window: EditWindow, document: ReportDocument, context: RuleContext<string, unknown>) => readonly ReportDescriptor[] | undefined,
  ): AnyRule {
    const check = (document: ReportDocument, context: RuleContext<string, unknown>): void => {
      const memory = this.current;
      if (!memory) {
        rule.check(document, context);
        return;
      }
      const optionsKey = JSON.stringify(context.options ?? null);
      // Keyed by the rule itself: an extra rule may share a built-in one's id.
      const last = memory.get(rule);
      // Forgotten until this run completes: a rule that throws leaves nothing to reuse.
      memory.delete(rule);
      const previous = context.previous?.document;
      const window = last && sameInputs(last, context.settings, optionsKey, previous) ? this.windowFor(last.document, document) : undefined;
      const reports = last && window ? reuseIn(last, window, document, context) : undefined;
      if (reports) {
        this.stats[counter]++;
        if (counter === 'figuresKept' && this.figureFree.get(window!) === 2) this.stats.figuresKeptAround++;
        if (counter === 'figuresKept' && this.figureFree.get(window!) === 3) this.stats.figuresKeptRead++;
        for (const d of reports) context.report(d);
        memory.set(rule, { document, previous, settings: context.settings, optionsKey, reports });
        return;
      }
      if (counter === 'documentKept') this.stats.documentRun++;
      else this.stats.whole++;
      const recorded: ReportDescriptor[] = [];
      rule.check(document, {
        ...context,
        report: (d) => {
          recorded.push(d);
          context.report(d);
        },
      });
      memory.set(rule, { document, previous, settings: context.settings, optionsKey, reports: recorded });
    };
    return { meta: rule.meta, check } as AnyRule;
  }

  /**
   * Whether the figure rules read the same in the window's paragraphs, shifted (once per window):
   * they keep their number of paragraphs and sentences, every 《》 title places the figures as
   * before, the edit is not between statements among which the ledger took the nearest
   * (`figureDistancesKept`), and then 1: the paragraphs give the statistics analysis nothing to
   * read, old and new; 2: the edit is in sentences without figures (`figureSentencesKept`); 3:
   * the figures around it read the same (`figureReadsKept`: the analysis of the paragraphs and
   * what the ledger reads of their text). Reusing the findings, the ledger's distance spans are
   * carried to the new document (`keepFigureSpans`), whose ledger is not built.
   */
  private figuresUnchanged(previous: ReportDocument, next: ReportDocument, w: EditWindow, cache: AnalysisCache | undefined): boolean {
    let known = this.figureFree.get(w);
    if (known === undefined) {
      const old = w.oldView();
      const edit: FigureEdit = { start: w.changeStart, oldEnd: w.oldChangeEnd, delta: w.delta };
      known =
        old.paragraphs.length !== w.view.paragraphs.length ||
        old.sentences.length !== w.view.sentences.length ||
        !citationsKept(previous, next, edit, cache) ||
        !figureDistancesKept(previous, edit, cache)
          ? 0
          : !hasStatisticsInput(next, w.start, w.end) && !hasStatisticsInput(previous, w.oldStart, w.oldEnd)
            ? 1
            : !windowSentencesKept(previous, next, w)
              ? 0
              : figureSentencesKept(previous, next, w)
                ? 2
                : figureReadsKept(previous, next, edit, w.first, w.last, cache)
                  ? 3
                  : 0;
      // The ledger of `next` is not built when the findings are kept: what it would record is carried.
      if (known !== 0) keepFigureSpans(previous, next, edit, cache);
      this.figureFree.set(w, known);
    }
    return known !== 0;
  }

  /** The sentence window of a paragraph window (see {@link sentenceWindow}), once per window. */
  private sentencesOf(previous: ReportDocument, next: ReportDocument, w: EditWindow): RunWindow | undefined {
    let known = this.sentenceWindows.get(w);
    if (known === undefined) this.sentenceWindows.set(w, (known = sentenceWindow(previous, next, w) ?? null));
    return known ?? undefined;
  }

  /** The inputs of the document rules for a window, asked once per window. */
  private inputsOf(previous: ReportDocument, next: ReportDocument, w: EditWindow): DocumentInputs {
    let inputs = this.documentInputs.get(w);
    if (!inputs) this.documentInputs.set(w, (inputs = new DocumentInputs(previous, next, w)));
    return inputs;
  }

  /** The window of `next` against `previous`, once per pair and lint. */
  private windowFor(previous: ReportDocument, next: ReportDocument): EditWindow | undefined {
    let byOld = this.windows.get(next);
    if (!byOld) this.windows.set(next, (byOld = new Map()));
    let w = byOld.get(previous);
    if (w === undefined) {
      w = editWindow(previous, next) ?? null;
      byOld.set(previous, w);
    }
    return w ?? undefined;
  }
}

/** A new {@link RuleReuse}. */
export function createRuleReuse(): RuleReuse {
  return new RuleReuse();
}

function sameInputs(last: RuleState, settings: RuleSettings, optionsKey: string, previous: ReportDocument | undefined): boolean {
  const a = last.settings;
  return (
    last.optionsKey === optionsKey &&
    last.previous === previous &&
    a.locale === settings.locale &&
    a.reportYear === settings.reportYear &&
    a.catalogue === settings.catalogue &&
    sameDate(a.writingDate, settings.writingDate)
  );
}

function sameDate(a: RuleSettings['writingDate'], b: RuleSettings['writingDate']): boolean {
  if (a === b) return true;
  return a !== undefined && b !== undefined && a.year === b.year && a.month === b.month && a.day === b.day;
}

/**
 * The rule's old findings with every place after the change shifted (a finding about two
 * figures may name one before the change and one after it); undefined when one has an end
 * in the changed span or next to it (then the rule runs on the whole document).
 */
function outside(last: RuleState, w: EditWindow): ReportDescriptor[] | undefined {
  const out: ReportDescriptor[] = [];
  let clear = true;
  const lo = w.changeStart;
  const hi = w.oldChangeEnd;
  const at = (x: number): number => {
    if (x < lo) return x;
    if (x > hi) return x + w.delta;
    clear = false;
    return x;
  };
  const move = (r: TextRange): TextRange => {
    if (r.end < lo) return r;
    if (r.start > hi) return w.delta === 0 ? r : shiftRange(r, w.delta);
    return { start: at(r.start), end: at(r.end) };
  };
  for (const d of last.reports) {
    const moved = mapPlaces(d, move);
    if (!clear) return undefined;
    out.push(moved);
  }
  return out;
}

/** A descriptor with every place it names in the document mapped by `f`. */
function mapPlaces(desc: ReportDescriptor, f: (r: TextRange) => TextRange): ReportDescriptor {
  const fix = (x: Fix | readonly Fix[]): Fix | readonly Fix[] =>
    Array.isArray(x) ? (x as readonly Fix[]).map((y) => ({ ...y, range: f(y.range) })) : { ...(x as Fix), range: f((x as Fix).range) };
  return {
    ...desc,
    range: f(desc.range),
    ...(desc.fix !== undefined ? { fix: fix(desc.fix) } : {}),
    ...(desc.suggestions ? { suggestions: desc.suggestions.map((s) => ({ ...s, fix: fix(s.fix) })) } : {}),
    ...(desc.related ? { related: relatedMoved(desc.related, f) } : {}),
  };
}

/**
 * The rule's findings on the new document from the old ones outside the window (shifted) and
 * a run on the window's view; undefined when a finding crosses the window's edge (then the
 * rule runs on the whole document).
 */
function reuse(rule: AnyRule, last: RuleState, w: RunWindow, context: RuleContext<string, unknown>): ReportDescriptor[] | undefined {
  const before: ReportDescriptor[] = [];
  const after: ReportDescriptor[] = [];
  for (const d of last.reports) {
    extent(d);
    const lo = extentLo;
    const hi = extentHi;
    if (hi < w.oldStart) before.push(d);
    else if (lo > w.oldEnd) after.push(w.delta === 0 ? d : shiftDescriptor(d, w.delta));
    // Inside the window: found again by the run below. Across its edge: not local after all.
    else if (lo < w.oldStart || hi > w.oldEnd) return undefined;
  }
  const inside: ReportDescriptor[] = [];
  try {
    rule.check(w.view, { ...context, report: (d) => void inside.push(d) });
  } catch {
    // Whatever went wrong on the window, the whole document says what the rule finds (or throws).
    return undefined;
  }
  for (const d of inside) {
    extent(d);
    if (extentLo < w.start || extentHi > w.end) return undefined;
  }
  return [...before, ...inside, ...after];
}

/**
 * The lowest start and highest end of every place a descriptor names in the document, left in
 * {@link extentLo} and {@link extentHi}: no pair and no closure per descriptor (this runs for
 * every kept finding of every local rule on every keystroke).
 */
let extentLo = 0;
let extentHi = 0;
function extent(d: ReportDescriptor): void {
  extentLo = d.range.start;
  extentHi = d.range.end;
  if (d.fix !== undefined) takeFixes(d.fix);
  const suggestions = d.suggestions;
  if (suggestions) for (let i = 0; i < suggestions.length; i++) takeFixes(suggestions[i]!.fix);
  const related = d.related;
  if (related) for (let i = 0; i < related.length; i++) if (related[i]!.in !== 'previous') take(related[i]!.range);
}

function take(r: TextRange): void {
  if (r.start < extentLo) extentLo = r.start;
  if (r.end > extentHi) extentHi = r.end;
}

function takeFixes(fix: Fix | readonly Fix[]): void {
  if (Array.isArray(fix)) for (let i = 0; i < fix.length; i++) take((fix as readonly Fix[])[i]!.range);
  else take((fix as Fix).range);
}

const shiftRange = (r: TextRange, d: number): TextRange => ({ start: r.start + d, end: r.end + d });

function shiftFix(fix: Fix | readonly Fix[], d: number): Fix | readonly Fix[] {
  return Array.isArray(fix) ? (fix as readonly Fix[]).map((f) => ({ ...f, range: shiftRange(f.range, d) })) : { ...(fix as Fix), range: shiftRange((fix as Fix).range, d) };
}

function shiftDescriptor(desc: ReportDescriptor, d: number): ReportDescriptor {
  return {
    ...desc,
    range: shiftRange(desc.range, d),
    ...(desc.fix !== undefined ? { fix: shiftFix(desc.fix, d) } : {}),
    ...(desc.suggestions ? { suggestions: desc.suggestions.map((s) => ({ ...s, fix: shiftFix(s.fix, d) })) } : {}),
    ...(desc.related ? { related: relatedMoved(desc.related, (r) => shiftRange(r, d)) } : {}),
  };
}

/**
 * Related places with those in this document mapped by `f`; the same array when all are in last
 * year's report (nothing moves): `runRule` keeps what it built for that array (positions, messages).
 */
function relatedMoved(related: readonly RelatedDescriptor[], f: (r: TextRange) => TextRange): readonly RelatedDescriptor[] {
  let i = 0;
  while (i < related.length && related[i]!.in === 'previous') i++;
  if (i === related.length) return related;
  return related.map((r) => (r.in === 'previous' ? r : { ...r, range: f(r.range) }));
}

/** Index of the first item whose range starts at or after `offset` (items sorted by start). */
function firstStartingAt(items: readonly { readonly range: TextRange }[], offset: number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (items[mid]!.range.start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The window of an edit from `previous` to `next`: the changed span widened to the paragraphs
 * it touches, when everything outside it is the same (shifted); undefined otherwise.
 */
export function editWindow(previous: ReportDocument, next: ReportDocument): EditWindow | undefined {
  if (previous.format !== next.format || previous.filePath !== next.filePath) return undefined;
  const a = previous.text;
  const b = next.text;
  const { prefix, suffix } = changedSpan(a, b);
  const delta = b.length - a.length;
  const changedEnd = b.length - suffix;
  const paragraphs = next.paragraphs;
  // Paragraphs touching the changed span [prefix, changedEnd] (an edge counts); a change between
  // paragraphs (web-page junk, a blank line) takes the paragraphs on both sides, so that what a
  // rule scans across the gap is in the window.
  let i0 = firstStartingAt(paragraphs, prefix + 1) - 1;
  if (i0 < 0) return undefined;
  let i1 = firstStartingAt(paragraphs, changedEnd + 1) - 1;
  if (i1 < i0) return undefined;
  if (paragraphs[i1]!.range.end < changedEnd) {
    if (i1 + 1 >= paragraphs.length) return undefined;
    i1++;
  }
  // Widen over paragraphs that touch (no gap between them): text runs on across such an edge.
  const widen = (): void => {
    while (i0 > 0 && paragraphs[i0 - 1]!.range.end >= paragraphs[i0]!.range.start) i0--;
    while (i1 + 1 < paragraphs.length && paragraphs[i1 + 1]!.range.start <= paragraphs[i1]!.range.end) i1++;
  };
  widen();
  const old = previous.paragraphs;
  // The window's edges must be paragraph edges in the old text too. An edit that makes or
  // unmakes a paragraph (a character typed into a blank line) may leave an edge inside the old
  // text's gap between paragraphs: the window then takes the next paragraph on that side (at
  // most twice), whose edge is the same in both texts when nothing else changed.
  for (let grown = 0; ; grown++) {
    const j = old.length - 1 - (paragraphs.length - 1 - i1);
    const endKept = j >= i0 && old[j]!.range.end === paragraphs[i1]!.range.end - delta;
    if (endKept && old[i0]!.range.start === paragraphs[i0]!.range.start) break;
    if (old.length === paragraphs.length || grown === 2) return undefined;
    if (!endKept) {
      if (i1 + 1 >= paragraphs.length) return undefined;
      i1++;
    } else {
      if (i0 === 0) return undefined;
      i0--;
    }
    widen();
  }
  const start = paragraphs[i0]!.range.start;
  const end = paragraphs[i1]!.range.end;
  const oldStart = start;
  const oldEnd = end - delta;
  if (oldEnd < oldStart || start > prefix || end < changedEnd) return undefined;

  // Every paragraph outside the window is the same, shifted after it (the window's own edges,
  // old[i0] and old[j1], were matched by the loop above).
  const after = paragraphs.length - 1 - i1;
  const j1 = old.length - 1 - after;
  for (let i = 0; i < i0; i++) if (!sameRange(old[i]?.range, paragraphs[i]!.range, 0)) return undefined;
  for (let k = 1; k <= after; k++) if (!sameRange(old[j1 + k]?.range, paragraphs[i1 + k]!.range, delta)) return undefined;

  // What a local rule may read besides its paragraph: the same, offsets after the change shifted
  // (a heading or a date inside the window but outside the change may stay; one in it may not).
  const oldChangedEnd = a.length - suffix;
  const shift = (x: number): number => (x <= prefix ? x : x >= oldChangedEnd ? x + delta : Number.NaN);
  if (!sameShifted(previous.title, next.title, shift)) return undefined;
  if (!sameShifted(previous.reportYear, next.reportYear, shift)) return undefined;
  if (!sameShifted(previous.writingDate, next.writingDate, shift)) return undefined;
  if (!sameShifted(previous.publicationDate, next.publicationDate, shift)) return undefined;
  if (!sameShifted(previous.bodyRange, next.bodyRange, shift)) return undefined;
  if (next.bodyRange.start > start || next.bodyRange.end < end) return undefined;
  for (const key of ['junkRanges', 'comments', 'codeRanges'] as const) {
    if (!sameShifted(previous[key], next[key], shift)) return undefined;
  }
  if (!sameHeadings(previous.headings, next.headings, shift, start, end)) return undefined;
  if (!sameSections(previous.sections, next.sections, shift)) return undefined;
  // Document numbers outside the window: the same.
  const dnOld = previous.documentNumbers.filter((d) => d.range.end <= oldStart || d.range.start >= oldEnd);
  const dnNew = next.documentNumbers.filter((d) => d.range.end <= start || d.range.start >= end);
  if (!sameShifted(dnOld, dnNew, (x) => (x >= oldEnd ? x + delta : x))) return undefined;
  if (dnNew.length + next.documentNumbers.filter((d) => d.range.start >= start && d.range.end <= end).length !== next.documentNumbers.length) return undefined;

  let oldView: ReportDocument | undefined;
  return {
    start,
    end,
    oldStart,
    oldEnd,
    delta,
    changeStart: prefix,
    oldChangeEnd: oldChangedEnd,
    first: i0,
    last: i1,
    oldLast: j1,
    view: viewOf(next, i0, i1, start, end),
    oldView: () => (oldView ??= viewOf(previous, i0, j1, oldStart, oldEnd)),
  };
}

/**
 * Whether the statistics analysis of the window's paragraphs is the old one shifted although
 * they hold figures: the analysis reads a paragraph only through its sentences holding a number
 * (or a percentage in words) — a sentence without one is skipped, the context of the one before
 * flowing past it, and relations reach only sentences with figures — and the figures ledger
 * reads only those sentences too. So an edit in sentences with no figure, before and after,
 * that keeps every sentence's paragraph and every sentence with figures (same text, shifted:
 * `windowSentencesKept`), every number (same, shifted) and every heading out of the change,
 * changes no figure, no key and no relation.
 */
function figureSentencesKept(previous: ReportDocument, next: ReportDocument, w: EditWindow): boolean {
  const a = w.oldView();
  const b = w.view;
  if (a.numbers.length !== b.numbers.length) return false;
  const lo = w.changeStart;
  const hi = w.oldChangeEnd;
  const d = w.delta;
  const newHi = hi + d;
  // Next to the change counts as in it (a digit typed after a number makes another number).
  if (hasStatisticsInput(previous, lo - 1, hi + 1) || hasStatisticsInput(next, lo - 1, newHi + 1)) return false;
  for (let k = 0; k < a.numbers.length; k++) {
    const x = a.numbers[k]!;
    const y = b.numbers[k]!;
    if (x.sentenceIndex !== y.sentenceIndex || x.raw !== y.raw || x.value !== y.value) return false;
    const shift = x.range.end < lo ? 0 : x.range.start > hi ? d : Number.NaN;
    if (x.range.start + shift !== y.range.start || x.range.end + shift !== y.range.end) return false;
  }
  for (let k = 0; k < a.sentences.length; k++) {
    const x = a.sentences[k]!;
    const y = b.sentences[k]!;
    if (x.range.end < lo || x.range.start > hi) continue;
    if (hasStatisticsInput(previous, x.range.start, x.range.end) || hasStatisticsInput(next, y.range.start, y.range.end)) return false;
  }
  return true;
}

/**
 * Whether the edit keeps the window's sentences where the figure rules read them: the outline
 * as they read it (`headingReadsKept`) when a heading touches the change, every sentence in the
 * same paragraph and under the same heading, and every sentence not touching the change the
 * same, shifted (the numbers of sentences are equal).
 */
function windowSentencesKept(previous: ReportDocument, next: ReportDocument, w: EditWindow): boolean {
  const a = w.oldView();
  const b = w.view;
  const lo = w.changeStart;
  const hi = w.oldChangeEnd;
  const d = w.delta;
  const newHi = hi + d;
  // A heading touching the change: kept only when what the figure rules read of the outline
  // (headings' and sections' ranges and concepts, the title's range) is the same, shifted; its
  // wording they read as the text of its sentences, compared as any sentence's after this.
  let touched = false;
  for (const h of previous.headings) if (h.range.start <= hi + 1 && h.range.end >= lo - 1) touched = true;
  for (const h of next.headings) if (h.range.start <= newHi + 1 && h.range.end >= lo - 1) touched = true;
  if (touched && !headingReadsKept(previous, next, { start: lo, oldEnd: hi, delta: d })) return false;
  for (let k = 0; k < a.sentences.length; k++) {
    const x = a.sentences[k]!;
    const y = b.sentences[k]!;
    if (x.paragraphIndex !== y.paragraphIndex || x.headingIndex !== y.headingIndex) return false;
    if (x.range.end < lo || x.range.start > hi) {
      const shift = x.range.end < lo ? 0 : d;
      if (x.range.start + shift !== y.range.start || x.range.end + shift !== y.range.end) return false;
    }
  }
  return true;
}

/** Paragraphs a window is widened by at most, each side (see below). */
const PASSAGE_WIDEN = 24;

/**
 * For `continuity/copied-passage`, which compares passages of the body one by one: a window
 * (paragraphs `first`..`last` of `doc`) no passage runs across the edges of, so that the
 * passages the rule makes of the window's paragraphs alone are the document's there. Passages
 * are pieces of paragraphs between headings, a piece joined with the next one under the same
 * heading when it does not end a sentence (`passagesOf`): so no passage crosses an edge when the
 * last paragraph that yields pieces before it ends a sentence or a heading — its last piece then
 * ends a sentence, or ends before a heading and so belongs to another heading than any piece after
 * it. Paragraphs outside the body or starting in web-page junk yield no pieces.
 *
 * This is the edit's window, widened paragraph by paragraph (at most {@link PASSAGE_WIDEN} each
 * side) until no passage runs across its edges in either text; undefined when that takes more.
 * A web copy broken into lines mid-sentence makes one passage of several paragraphs: a keystroke
 * in it re-reads that passage, not the whole document.
 */
function passageWindow(previous: ReportDocument, next: ReportDocument, w: EditWindow): EditWindow | undefined {
  let first = w.first;
  while (!(passagesStartWithin(previous, first) && passagesStartWithin(next, first))) {
    if (first === 0 || w.first - first === PASSAGE_WIDEN) return undefined;
    first--;
  }
  let last = w.last;
  let oldLast = w.oldLast;
  while (!(passagesEndWithin(previous, first, oldLast) && passagesEndWithin(next, first, last))) {
    if (last + 1 >= next.paragraphs.length || oldLast + 1 >= previous.paragraphs.length || last - w.last === PASSAGE_WIDEN) return undefined;
    last++;
    oldLast++;
  }
  if (first === w.first && last === w.last) return w;
  // The paragraphs the window took on lie outside the change: the same in both texts, shifted after it.
  const start = next.paragraphs[first]!.range.start;
  const end = next.paragraphs[last]!.range.end;
  const oldStart = previous.paragraphs[first]!.range.start;
  const oldEnd = previous.paragraphs[oldLast]!.range.end;
  let oldView: ReportDocument | undefined;
  return {
    ...w,
    start,
    end,
    oldStart,
    oldEnd,
    first,
    last,
    oldLast,
    view: viewOf(next, first, last, start, end),
    oldView: () => (oldView ??= viewOf(previous, first, oldLast, oldStart, oldEnd)),
  };
}

/** Whether no passage runs across the start of paragraph `first` of `doc` (see {@link passageWindow}). */
function passagesStartWithin(doc: ReportDocument, first: number): boolean {
  return endsBefore(doc, first - 1, 0);
}

/** Whether no passage runs across the end of paragraph `last` of `doc` (see {@link passageWindow}). */
function passagesEndWithin(doc: ReportDocument, first: number, last: number): boolean {
  const paragraphs = doc.paragraphs;
  // The end edge matters only when a paragraph after the window yields pieces.
  for (let j = last + 1; j < paragraphs.length; j++) if (yieldsPassagePieces(doc, paragraphs[j]!.range)) return endsBefore(doc, last, first);
  return true;
}

/** Whether the last paragraph of `doc` at or before index `from` (and not before `to`) that yields pieces ends a sentence or a heading (or there is none). */
function endsBefore(doc: ReportDocument, from: number, to: number): boolean {
  const { paragraphs, bodyRange, text } = doc;
  for (let j = from; j >= to; j--) {
    const p = paragraphs[j]!.range;
    if (!yieldsPassagePieces(doc, p)) continue;
    let e = Math.min(p.end, bodyRange.end);
    while (e > p.start && /\s/u.test(text[e - 1]!)) e--;
    if (e <= p.start) return false;
    // Ending in a heading: its last piece ends before that heading, any piece after it comes after the heading.
    const h = doc.headings[firstStartingAt(doc.headings, e) - 1];
    return endsPassagePiece(text, e) || (h !== undefined && h.range.start < e && h.range.end >= e);
  }
  return true;
}

/** How far the year checks read around a year (12 characters, see `inSpan`), and a little more. */
const YEAR_REACH = 16;
/** How far before a scanned position a heading number is read from (a pattern and its look-ahead: 10 characters), and a little more. */
const NUMBERING_REACH = 12;

/**
 * What the document rules of {@link DOCUMENT_READS} read, before and after one edit: each test
 * asked once per window. All of them hold the edit's window (`editWindow`: every paragraph
 * outside it the same, shifted; title, dates, body, junk, sections and the headings outside it
 * the same, shifted) as given.
 */
class DocumentInputs {
  private readonly lo: number;
  /** The changed span ends here in the old text … */
  private readonly oldHi: number;
  /** … and here in the new one. */
  private readonly newHi: number;
  /** {@link touchedHeadings}, once asked (null: the outline is not kept). */
  private touched: readonly number[] | null | undefined;
  private shortcomingsKept: boolean | undefined;

  constructor(
    private readonly previous: ReportDocument,
    private readonly next: ReportDocument,
    private readonly w: EditWindow,
  ) {
    this.lo = w.changeStart;
    this.oldHi = w.oldChangeEnd;
    this.newHi = w.oldChangeEnd + w.delta;
  }

  /** Whether `r` (in the new text) lies within `margin` characters of the change. */
  private near(r: TextRange, margin: number): boolean {
    return r.start <= this.newHi + margin && r.end >= this.lo - margin;
  }

  /**
   * The outline as the document rules read it, shifted: no title touching the change; the
   * headings inside the window exactly as they were (wording included) but those touching the
   * change, whose wording may differ (`editWindow` holds everything else about them: range,
   * level, numbering, origin, concept, year) when `wordingUnread` holds for them, old and new,
   * and what `flattenSections` derives from every heading's wording (concept, effective concept,
   * rectification) is the same.
   */
  outlineRead(wordingUnread: (h: Heading) => boolean): boolean {
    const touched = this.touchedHeadings();
    if (touched === undefined) return false;
    for (let k = 0; k < touched.length; k++) {
      const i = touched[k]!;
      if (!wordingUnread(this.previous.headings[i]!) || !wordingUnread(this.next.headings[i]!)) return false;
    }
    return true;
  }

  /**
   * The indexes of the headings touching the change (within a character), when the rest of the
   * outline is as the rules read it (see {@link outlineRead}); undefined when it is not.
   */
  private touchedHeadings(): readonly number[] | undefined {
    if (this.touched !== undefined) return this.touched ?? undefined;
    const { previous, next, w } = this;
    const lo = this.lo;
    const hi = this.oldHi;
    const shift = (x: number): number => (x <= lo ? x : x >= hi ? x + w.delta : Number.NaN);
    let kept = next.title === undefined || !this.near(next.title.range, 1);
    const a = previous.headings;
    const b = next.headings;
    const touched: number[] = [];
    for (let i = 0; kept && i < b.length; i++) {
      const y = b[i]!;
      if (this.near(y.range, 1)) touched.push(i);
      else if (y.range.start >= w.start && y.range.end <= w.end && a[i] !== y && !sameShifted(a[i], y, shift)) kept = false;
    }
    if (kept && touched.length > 0) kept = sameDerivedOutline(flattenSections(previous), flattenSections(next));
    this.touched = kept ? touched : null;
    return kept ? touched : undefined;
  }

  /**
   * For `structure/required-section`: every concept the headings touching the change name
   * (`headingConcepts`) is the same, old and new (the others' wording is the same).
   */
  headingConceptsKept(): boolean {
    const touched = this.touchedHeadings();
    if (touched === undefined) return false;
    for (let k = 0; k < touched.length; k++) {
      const i = touched[k]!;
      const x = headingConcepts(this.previous.headings[i]!);
      const y = headingConcepts(this.next.headings[i]!);
      if (x.size !== y.size) return false;
      for (const c of x) if (!y.has(c)) return false;
    }
    return true;
  }

  /**
   * For `structure/year-consistency`: the edit is after the first heading, away from the title's,
   * the report year's and every heading's year, after the body's first line, and the sentences
   * it touches can hold no year that lost digits, before or after it (every other sentence the same, shifted).
   */
  yearsUntouched(): boolean {
    const { previous, next } = this;
    const first = next.headings[0];
    if (!first || first.range.start >= this.lo) return false;
    if (next.title && this.near(next.title.range, YEAR_REACH)) return false;
    const fact = next.reportYear?.range;
    if (fact && this.near(fact, YEAR_REACH)) return false;
    // Only a year's surroundings are read of a heading (its wording only when it names one: see `outlineRead`).
    for (const h of next.headings) if (h.year !== undefined && this.near(h.yearRange ?? h.range, YEAR_REACH)) return false;
    if (!next.title) {
      // The anchor of an unknown year: the body's first line (white space skipped, as the rule does).
      const text = next.text;
      let at = next.bodyRange.start;
      while (at < this.lo && /\s/u.test(text[at]!)) at++;
      const lineEnd = text.indexOf('\n', at);
      if (lineEnd < 0 || lineEnd >= this.lo - 1) return false;
    }
    return this.touchedSentencesWithout(previous.text, next.text, first.range.start, mayHoldBrokenYear);
  }

  /**
   * Whether the window's sentences are the old ones, shifted, except those touching the change,
   * which start at or after `from` and of which `holds` is false, in the old text and the new.
   */
  private touchedSentencesWithout(oldText: string, newText: string, from: number, holds: (text: string, start: number, end: number) => boolean): boolean {
    const a = this.w.oldView().sentences;
    const b = this.w.view.sentences;
    if (a.length !== b.length) return false;
    const { lo, oldHi, newHi } = this;
    const d = this.w.delta;
    for (let k = 0; k < a.length; k++) {
      const x = a[k]!.range;
      const y = b[k]!.range;
      const touched = (x.start <= oldHi + 1 && x.end >= lo - 1) || (y.start <= newHi + 1 && y.end >= lo - 1);
      if (!touched) {
        const s = x.end < lo ? 0 : d;
        if (x.start + s !== y.start || x.end + s !== y.end) return false;
        continue;
      }
      if (x.start < from || y.start < from) return false;
      if (holds(oldText, x.start, x.end) || holds(newText, y.start, y.end)) return false;
    }
    return true;
  }

  /**
   * For `structure/heading-numbering`: every heading number (any kind) read at a place whose
   * reading the edit may change — from {@link NUMBERING_REACH} characters before the change to
   * just after it — reads as before: before the change (the same text in both) each pattern
   * matches the same there or at neither (a heading's own number just before a keystroke in its
   * wording); from the change on, none matches, in the old text or the new.
   */
  noNumberingNear(): boolean {
    const { lo } = this;
    return (
      sameNumberingBetween(this.previous.text, this.next.text, lo - NUMBERING_REACH, lo) &&
      !numberingBetween(this.previous.text, lo, this.oldHi + 2) &&
      !numberingBetween(this.next.text, lo, this.newHi + 2)
    );
  }

  /** Whether both texts have sentences (rules say nothing about a text without any). */
  hasSentences(): boolean {
    return this.previous.sentences.length > 0 && this.next.sentences.length > 0;
  }

  /**
   * For the rules reading the shortcomings: the report has sections introducing them (same ones,
   * the outline being the same) and the change is outside them, with a character to spare.
   */
  outsideShortcomings(): boolean {
    if (this.shortcomingsKept !== undefined) return this.shortcomingsKept;
    const sections = conceptSections(flattenSections(this.next), 'shortcomings-and-causes');
    let kept = sections.length > 0;
    for (const e of sections) if (this.near(e.section.range, 1)) kept = false;
    return (this.shortcomingsKept = kept);
  }
}

/**
 * Whether two outlines as `flattenSections` reads them (the sections themselves compared by
 * `editWindow`) derive the same from their headings' wording: each section's concept, effective
 * concept and rectification.
 */
function sameDerivedOutline(a: readonly SectionEntry[], b: readonly SectionEntry[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x.concept !== y.concept || x.effectiveConcept !== y.effectiveConcept || x.rectification !== y.rectification) return false;
  }
  return true;
}

/**
 * Whether at every position in [from, to) — where `a` and `b` are the same text — each heading
 * number pattern matches in both, with the same match and numeral, or in neither (a pattern may
 * look past `to`, where they differ).
 */
function sameNumberingBetween(a: string, b: string, from: number, to: number): boolean {
  const end = Math.min(a.length, b.length, to);
  for (let at = Math.max(0, from); at < end; at++) {
    if (!NUMBERING_FIRST_CHARS.has(a.charCodeAt(at))) continue;
    for (const scheme of numberingSchemes) {
      scheme.pattern.lastIndex = at;
      const x = scheme.pattern.exec(a);
      scheme.pattern.lastIndex = at;
      const y = scheme.pattern.exec(b);
      if (x === null ? y !== null : y === null || x[0] !== y[0] || x[2] !== y[2]) return false;
    }
  }
  return true;
}

/** Whether a heading number of any kind matches at some position in [from, to) of `text`. */
function numberingBetween(text: string, from: number, to: number): boolean {
  const end = Math.min(text.length, to);
  for (let at = Math.max(0, from); at < end; at++) {
    // A position no scheme's match can start at is passed over (most of them).
    if (!NUMBERING_FIRST_CHARS.has(text.charCodeAt(at))) continue;
    for (const scheme of numberingSchemes) {
      scheme.pattern.lastIndex = at;
      if (scheme.pattern.test(text)) return true;
    }
  }
  return false;
}

/** The characters a heading number of any scheme may start with (`NumberingScheme.firstChars`). */
const NUMBERING_FIRST_CHARS: ReadonlySet<number> = new Set(numberingSchemes.flatMap((scheme) => [...scheme.firstChars].map((c) => c.charCodeAt(0))));

function sameRange(a: TextRange | undefined, b: TextRange, d: number): boolean {
  return a !== undefined && a.start + d === b.start && a.end + d === b.end;
}

/**
 * Deep equality where every `{start, end}` pair of the old value is mapped by `shift` (an offset
 * after the window moves by the edit's length change). Functions are not compared.
 */
function sameShifted(a: unknown, b: unknown, shift: (x: number) => number): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameShifted(a[i], b[i], shift)) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  const isRange = typeof x.start === 'number' && typeof x.end === 'number';
  // for…in, not Object.keys: no array per object (this runs over every heading and section per edit).
  let n = 0;
  for (const k in y) if (k) n++;
  for (const k in x) {
    n--;
    const v = x[k];
    const w = y[k];
    if (typeof v === 'function') continue;
    if (isRange && (k === 'start' || k === 'end') && typeof v === 'number') {
      if (shift(v) !== w) return false;
      continue;
    }
    if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean' || v === undefined || v === null) {
      if (v !== w) return false;
      continue;
    }
    if (!sameShifted(v, w, shift)) return false;
  }
  return n === 0;
}

/**
 * The fields of a `Heading` and a `Section` that the comparisons below read one by one: every
 * field the parser sets (a test holds the parser to these lists, so a new field is compared).
 * Field by field, not `Object.keys` or `for…in`: this runs over every heading and section on
 * every keystroke, and the key arrays were ~5 % of what a keystroke allocated.
 */
export const HEADING_FIELDS: readonly string[] = ['text', 'range', 'title', 'titleRange', 'level', 'markdownDepth', 'numbering', 'origin', 'concept', 'year', 'yearRange'];
export const SECTION_FIELDS: readonly string[] = ['heading', 'level', 'concept', 'range', 'bodyRange', 'children'];
export const NUMBERING_FIELDS: readonly string[] = ['kind', 'value', 'raw', 'range', 'width'];

/** Whether `b` is the range `a` mapped by `shift` (both absent counts). */
function rangeShifted(a: TextRange | undefined, b: TextRange | undefined, shift: (x: number) => number): boolean {
  if (a === undefined || b === undefined) return a === b;
  return shift(a.start) === b.start && shift(a.end) === b.end;
}

/**
 * Headings compared like {@link sameShifted}, except that a heading inside the window (which
 * the window's run reads again) may have another wording when everything else about it stays:
 * its range, title range, level, numbering, origin, concept and year. A local rule reading a
 * paragraph outside the window depends on another heading only through those (which section it
 * is in, and what that section is about), never through its wording.
 */
function sameHeadings(a: readonly Heading[], b: readonly Heading[], shift: (x: number) => number, start: number, end: number): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x === y) continue;
    const inside = y.range.start >= start && y.range.end <= end;
    if (!inside && (x.text !== y.text || x.title !== y.title)) return false;
    if (
      x.level !== y.level ||
      x.markdownDepth !== y.markdownDepth ||
      x.origin !== y.origin ||
      x.concept !== y.concept ||
      x.year !== y.year ||
      !rangeShifted(x.range, y.range, shift) ||
      !rangeShifted(x.titleRange, y.titleRange, shift) ||
      !rangeShifted(x.yearRange, y.yearRange, shift)
    ) {
      return false;
    }
    const m = x.numbering;
    const n = y.numbering;
    if (m !== n && (m === undefined || n === undefined || m.kind !== n.kind || m.value !== n.value || m.raw !== n.raw || m.width !== n.width || !rangeShifted(m.range, n.range, shift))) {
      return false;
    }
  }
  return true;
}

/**
 * Sections compared like {@link sameShifted}, their headings by range only (the headings were
 * compared in full already; a section repeats its heading, and its children theirs).
 */
function sameSections(a: readonly Section[], b: readonly Section[], shift: (x: number) => number): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x === y) continue;
    if (
      x.level !== y.level ||
      x.concept !== y.concept ||
      !rangeShifted(x.heading.range, y.heading.range, shift) ||
      !rangeShifted(x.range, y.range, shift) ||
      !rangeShifted(x.bodyRange, y.bodyRange, shift) ||
      (x.children !== y.children && !sameSections(x.children, y.children, shift))
    ) {
      return false;
    }
  }
  return true;
}

/** The document with only paragraphs i0..i1 (and what lies in them), indices renumbered. */
function viewOf(doc: ReportDocument, i0: number, i1: number, start: number, end: number): ReportDocument {
  const sentences = doc.sentences;
  // Sentences, numbers and references are in text order: the window's are found by halving.
  const s0 = lowerBound(sentences.length, (k) => sentences[k]!.paragraphIndex < i0);
  const s1 = lowerBound(sentences.length, (k) => sentences[k]!.paragraphIndex <= i1);
  return viewOfSentences(doc, i0, i1, s0, s1, start, end);
}

/** The document with only paragraphs i0..i1 and, of their sentences, s0 up to s1 (and what lies in those), indices renumbered. */
function viewOfSentences(doc: ReportDocument, i0: number, i1: number, s0: number, s1: number, start: number, end: number): ReportDocument {
  const sentences = doc.sentences;
  const inSentences = <T extends { readonly sentenceIndex: number }>(items: readonly T[]): T[] => {
    const out: T[] = [];
    const to = lowerBound(items.length, (k) => items[k]!.sentenceIndex < s1);
    for (let k = lowerBound(items.length, (j) => items[j]!.sentenceIndex < s0); k < to; k++) {
      const item = items[k]!;
      out.push(s0 === 0 ? item : { ...item, sentenceIndex: item.sentenceIndex - s0 });
    }
    return out;
  };
  return {
    ...doc,
    bodyRange: { start: Math.max(doc.bodyRange.start, start), end: Math.min(doc.bodyRange.end, end) },
    paragraphs: doc.paragraphs.slice(i0, i1 + 1),
    sentences: sentences.slice(s0, s1).map((s) => (i0 === 0 ? s : { ...s, paragraphIndex: s.paragraphIndex - i0 })),
    numbers: inSentences(doc.numbers),
    references: inSentences(doc.references),
    documentNumbers: doc.documentNumbers.filter((d) => d.range.start >= start && d.range.end <= end),
  };
}

/**
 * For the `sentence` rules (a finding lies in one sentence and is read from that sentence alone,
 * besides what the document says as a whole): the window narrowed to the sentences the change
 * touches, with one more on each side, when every other sentence of the window's paragraphs is
 * the same in both texts — the same range (shifted after the change), paragraph and heading, so
 * the same text, and the same numbers and references, which the parser reads per sentence — and
 * so are the document numbers outside it (read per paragraph). Undefined when nothing narrower
 * than the window is left, or something differs: the rule then runs on the window's paragraphs.
 */
export function sentenceWindow(previous: ReportDocument, next: ReportDocument, w: EditWindow): RunWindow | undefined {
  const nb = next.sentences;
  const ob = previous.sentences;
  const s0 = lowerBound(nb.length, (k) => nb[k]!.paragraphIndex < w.first);
  const s1 = lowerBound(nb.length, (k) => nb[k]!.paragraphIndex <= w.last);
  const t0 = lowerBound(ob.length, (k) => ob[k]!.paragraphIndex < w.first);
  const t1 = lowerBound(ob.length, (k) => ob[k]!.paragraphIndex <= w.oldLast);
  const d = w.delta;
  const lo = w.changeStart;
  const hi = w.oldChangeEnd + d;
  // New sentences wholly before the change, and wholly after it.
  const before = lowerBound(s1 - s0, (k) => nb[s0 + k]!.range.end < lo);
  const after = s1 - s0 - lowerBound(s1 - s0, (k) => nb[s0 + k]!.range.start <= hi);
  // Kept: all but the one next to the change on each side (read again with it).
  const keptBefore = before - 1;
  const keptAfter = after - 1;
  if (keptBefore <= 0 && keptAfter <= 0) return undefined;
  if (t1 - t0 < before + after) return undefined;
  for (let i = 0; i < before; i++) {
    const x = ob[t0 + i]!;
    const y = nb[s0 + i]!;
    if (x.range.start !== y.range.start || x.range.end !== y.range.end || x.paragraphIndex !== y.paragraphIndex || x.headingIndex !== y.headingIndex) return undefined;
  }
  for (let i = 1; i <= after; i++) {
    const x = ob[t1 - i]!;
    const y = nb[s1 - i]!;
    if (x.range.start + d !== y.range.start || x.range.end + d !== y.range.end) return undefined;
    if (x.paragraphIndex - w.oldLast !== y.paragraphIndex - w.last || x.headingIndex !== y.headingIndex) return undefined;
  }
  const k0 = keptBefore > 0 ? s0 + keptBefore : s0;
  const k1 = keptAfter > 0 ? s1 - keptAfter : s1;
  const start = keptBefore > 0 ? nb[k0]!.range.start : w.start;
  const end = keptAfter > 0 ? nb[k1 - 1]!.range.end : w.end;
  const oldStart = start;
  const oldEnd = end - d;
  // Document numbers of the window outside these sentences: the same (shifted), none across their edges.
  const dnOld = previous.documentNumbers;
  const dnNew = next.documentNumbers;
  const outOld: DocumentNumber[] = [];
  const outNew: DocumentNumber[] = [];
  for (let i = 0; i < dnOld.length; i++) {
    const r = dnOld[i]!.range;
    if (r.end <= w.oldStart || r.start >= w.oldEnd || (r.start >= oldStart && r.end <= oldEnd)) continue;
    if (r.end > oldStart && r.start < oldEnd) return undefined;
    outOld.push(dnOld[i]!);
  }
  for (let i = 0; i < dnNew.length; i++) {
    const r = dnNew[i]!.range;
    if (r.end <= w.start || r.start >= w.end || (r.start >= start && r.end <= end)) continue;
    if (r.end > start && r.start < end) return undefined;
    outNew.push(dnNew[i]!);
  }
  if (!sameShifted(outOld, outNew, (x) => (x >= oldEnd ? x + d : x))) return undefined;
  return { start, end, oldStart, oldEnd, delta: d, view: viewOfSentences(next, w.first, w.last, k0, k1, start, end) };
}

/** The first index in [0, n) where `before` is false (`before` true then false along the indexes). */
function lowerBound(n: number, before: (k: number) => boolean): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (before(mid)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
