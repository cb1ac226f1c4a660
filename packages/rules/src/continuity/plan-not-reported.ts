import { PLAN_GENERIC_WORDS } from '@fzlint/ontology';
import { changedSpan, documentMemo, type ReportDocument, type TextRange } from '@fzlint/parser';
import { defineRule } from '@fzlint/rule-api';
import { conceptSections, documentAnchor, flattenSections, planRanges, trimRange } from '../structure/outline.js';
import { itemsOf, type Item } from './items.js';
import { normalizedStretch } from './passages.js';
import { keySegments, LONGEST_TERM, lookupTerms, mentionedShare, TermScanner, type Mentions } from './terms.js';

/** Options of `continuity/plan-not-reported`. */
export interface PlanNotReportedOptions {
  /** Share (0–1) of an item's key wording this year's report must mention for the item to count as reported. */
  readonly minShare?: number;
}

type MessageId = 'notReported' | 'planItem';

/**
 * An item counts as reported when this year's report mentions at least half of
 * its key wording (its object: 行政机关负责人出庭应诉, “八五”普法中期评估), in
 * three-character pieces anywhere outside this year's own plan.
 */
export const DEFAULT_MIN_SHARE = 0.5;
/** An item with less key wording than this (only 加强, 推进, 工作 …) cannot be judged and is left alone. */
const MIN_KEY_CHARS = 4;
/** At most this many items are named in one message; the rest are counted. */
const LISTED = 5;

const PLANS = documentMemo<TextRange[]>();

/** This year's own plan's ranges, by start (cached per document). */
function plansOf(document: ReportDocument): TextRange[] {
  let plans = PLANS.get(document);
  if (!plans) PLANS.set(document, (plans = [...planRanges(flattenSections(document))].sort((a, b) => a.start - b.start)));
  return plans;
}

/** The terms looked up for last year's plan, and which of them each line of a report holds (by its normalised text). */
interface TermMemo {
  /** The terms as given (the same array on every keystroke: see `planWording`), and joined. */
  readonly terms: readonly string[];
  readonly key: string;
  readonly scanner: TermScanner;
  /** Each distinct term by a number (`names[id]`), so that a report's lines are put together in a bitmap, not a set of strings. */
  readonly ids: ReadonlyMap<string, number>;
  readonly names: readonly string[];
  /** The ids of the terms inside a line, by its normalised text; for a line touching the plan, by the plan's place in it too. */
  readonly lines: Map<string, Int32Array>;
  readonly linesInPlan: Map<string, Map<string, Int32Array>>;
}

const TERM_MEMOS = documentMemo<TermMemo>();

/** The key wording of last year's plan items, and the terms looked up for it. */
interface PlanWording {
  readonly segments: readonly (readonly string[])[];
  readonly terms: readonly string[];
}

/** Per plan (`itemsOf` gives the same array for the same report): made once, not on every keystroke. */
const PLAN_WORDING = new WeakMap<readonly Item[], PlanWording>();

function planWording(plan: readonly Item[]): PlanWording {
  let wording = PLAN_WORDING.get(plan);
  if (!wording) {
    const segments = plan.map((item) => keySegments(item.label, PLAN_GENERIC_WORDS));
    PLAN_WORDING.set(plan, (wording = { segments, terms: segments.flatMap(lookupTerms) }));
  }
  return wording;
}

const MAX_LINES = 4096;
/** Places of the plan remembered per line text (the plan moves within a line only when that line is edited). */
const MAX_PLACES = 8;

function termMemo(previous: ReportDocument, terms: readonly string[]): TermMemo {
  let memo = TERM_MEMOS.get(previous);
  if (memo?.terms === terms) return memo;
  const key = terms.join('\n');
  if (!memo || memo.key !== key) {
    const names = [...new Set(terms)];
    const ids = new Map(names.map((t, id) => [t, id]));
    TERM_MEMOS.set(previous, (memo = { terms, key, scanner: new TermScanner(terms), ids, names, lines: new Map(), linesInPlan: new Map() }));
  }
  return memo;
}

/**
 * A line of the body read by `reportMentions` (offsets in the text it was last read in). The
 * last read's lines are updated in place for the next text (shifted, their run-on read dropped
 * when the edit reached into it): nothing else holds them.
 */
interface ReadLine {
  start: number;
  end: number;
  readonly norm: { readonly text: string; readonly offsets: Int32Array };
  /** Whether this year's plan touches the line (its run-on read then skips the plan's positions). */
  readonly inPlan: boolean;
  /** The ids of the terms inside the line. */
  readonly inside: Int32Array;
  /** The ids of the terms starting in its last characters and running on into the next lines (undefined: to be read) … */
  runOn: Int32Array | undefined;
  /** … read up to here (the end of the last line read; Infinity when the text's end was reached). */
  reach: number;
}

/** The last read of a report against one plan's terms: an editor's next keystroke reads all but the edited lines again. */
interface LastRead {
  readonly text: string;
  readonly bodyStart: number;
  readonly bodyEnd: number;
  readonly plans: readonly TextRange[];
  readonly lines: ReadLine[];
}

const LAST_READS = new WeakMap<TermMemo, LastRead>();
const NO_IDS = new Int32Array(0);

/**
 * Which of the terms this year's report mentions outside its own plan: `mentionsIn` over the
 * body normalised, read line by line. A line break is never part of a normalised number or
 * year, so the body's normalised text is its lines' put together; a line outside the plan
 * adds the terms inside its own normalised text (remembered by that text: an editor's next
 * keystroke changes one line) and those that run on into the next lines, read off its last two
 * characters and the next lines' first ones; a line touching the plan is read position by
 * position as `mentionsIn` does. After an edit, the lines before and after the changed span
 * (with this year's plan where it was, shifted) are the last read's, shifted; only the edited
 * lines are read, and the run-on reads that reached into them.
 */
export function reportMentions(document: ReportDocument, terms: readonly string[], previous: ReportDocument): Mentions {
  const memo = termMemo(previous, terms);
  const { text, bodyRange } = document;
  const plans = plansOf(document);
  const last = LAST_READS.get(memo);
  // Forgotten while its lines are updated: a read that throws leaves nothing half done.
  LAST_READS.delete(memo);
  const kept = last ? keptLines(last, text, bodyRange, plans) : undefined;
  const from = kept ? kept.from : bodyRange.start;
  const to = kept ? kept.to : bodyRange.end;
  // The lines between [from, to): read now, in place of the last read's lines there.
  const fresh: ReadLine[] = [];
  let pi = 0;
  for (let s = from; s < to; ) {
    const nl = text.indexOf('\n', s);
    const e = nl < 0 || nl + 1 >= bodyRange.end ? bodyRange.end : nl + 1;
    const norm = normalizedStretch(text, s, e);
    if (norm.text.length > 0) {
      // This year's plan in the line, relative to the line's start (sorted, as `plans` is);
      // plans before this line (ended at or before its start) are passed once: lines come in order.
      while (pi < plans.length && plans[pi]!.end <= s) pi++;
      let excluded: { start: number; end: number }[] | undefined;
      for (let q = pi; q < plans.length && plans[q]!.start < e; q++) {
        const p = plans[q]!;
        if (p.end > s) (excluded ??= []).push({ start: p.start - s, end: p.end - s });
      }
      fresh.push({ start: s, end: e, norm, inPlan: excluded !== undefined, inside: insideOf(memo, norm, excluded), runOn: undefined, reach: 0 });
    }
    s = e;
  }
  // The last read's lines around the fresh ones (not a splice of `...fresh`: a paste of many
  // lines would pass more arguments than a call can take).
  const lines = kept ? last!.lines.slice(0, kept.before).concat(fresh, last!.lines.slice(kept.after)) : fresh;
  // The run-on reads not kept: the terms that start in a line's last characters and run on into
  // the next lines, read off those characters and as many of the body's normalised text after
  // them (one short of the longest term the scanner looks for, each side).
  const runOn = LONGEST_TERM - 1;
  const read = new Set<string>();
  const seen = new Uint8Array(memo.names.length);
  for (let k = 0; k < lines.length; k++) {
    const line = lines[k]!;
    let after = line.runOn;
    if (after === undefined) {
      const len = line.norm.text.length;
      const from = Math.max(0, len - runOn);
      const own = len - from;
      let piece = line.norm.text.slice(from);
      let j = k + 1;
      for (; j < lines.length && piece.length < own + runOn; j++) piece += lines[j]!.norm.text.slice(0, own + runOn - piece.length);
      read.clear();
      if (line.inPlan) {
        const offsets = new Int32Array(piece.length);
        for (let i = 0; i < own; i++) offsets[i] = line.start + line.norm.offsets[from + i]!;
        memo.scanner.scan(piece, 0, own, read, offsets, plans);
      } else {
        memo.scanner.scan(piece, 0, own, read);
      }
      line.runOn = after = read.size === 0 ? NO_IDS : Int32Array.from(read, (t) => memo.ids.get(t)!);
      line.reach = piece.length >= own + runOn ? lines[j - 1]!.end : Infinity;
    }
    const inside = line.inside;
    for (let i = 0; i < inside.length; i++) seen[inside[i]!] = 1;
    for (let i = 0; i < after.length; i++) seen[after[i]!] = 1;
  }
  LAST_READS.set(memo, { text, bodyStart: bodyRange.start, bodyEnd: bodyRange.end, plans, lines });
  const found = new Set<string>();
  for (let id = 0; id < seen.length; id++) if (seen[id] === 1) found.add(memo.names[id]!);
  return found;
}

/**
 * The terms inside a line, remembered by its normalised text (and, in a line touching the plan,
 * the plan's place in it: positions whose source lies in the plan are skipped). Looked up by the
 * line's text, then the plan's place: a key of both would copy the line's text on every keystroke.
 */
function insideOf(memo: TermMemo, norm: { readonly text: string; readonly offsets: Int32Array }, excluded: { start: number; end: number }[] | undefined): Int32Array {
  let byPlace: Map<string, Int32Array> | undefined;
  let place = '';
  if (excluded) {
    place = excluded.map((r) => `${r.start}:${r.end}`).join(',');
    byPlace = memo.linesInPlan.get(norm.text);
    if (!byPlace) {
      if (memo.linesInPlan.size >= MAX_LINES) memo.linesInPlan.clear();
      memo.linesInPlan.set(norm.text, (byPlace = new Map()));
    }
  }
  let inside = byPlace ? byPlace.get(place) : memo.lines.get(norm.text);
  if (!inside) {
    const own = new Set<string>();
    if (excluded) memo.scanner.scan(norm.text, 0, norm.text.length, own, norm.offsets, excluded);
    else memo.scanner.scan(norm.text, 0, norm.text.length, own);
    inside = Int32Array.from(own, (t) => memo.ids.get(t)!);
    if (byPlace) {
      if (byPlace.size >= MAX_PLACES) byPlace.clear();
      byPlace.set(place, inside);
    } else {
      if (memo.lines.size >= MAX_LINES) memo.lines.clear();
      memo.lines.set(norm.text, inside);
    }
  }
  return inside;
}

/**
 * What of the last read holds for `text`, its lines updated in place: the lines wholly before
 * the changed span (their run-on read kept when it stopped before the span too), the lines
 * after it (shifted), and between them, lines [before, after) of the last read, the stretch
 * [from, to) of `text` to read again; undefined when the body's edges or this year's plan moved
 * otherwise than by the edit (then every line is read). A line's read depends on the plan only
 * where the plan covers it, which a plan holding the changed span keeps for the lines outside it.
 */
function keptLines(last: LastRead, text: string, body: TextRange, plans: readonly TextRange[]): { before: number; after: number; from: number; to: number } | undefined {
  const { prefix, suffix } = changedSpan(last.text, text);
  const oldEnd = last.text.length - suffix;
  const delta = text.length - last.text.length;
  if (last.bodyStart !== body.start || body.start > prefix || last.bodyEnd < oldEnd || last.bodyEnd + delta !== body.end) return undefined;
  if (last.plans.length !== plans.length) return undefined;
  for (let i = 0; i < plans.length; i++) {
    const o = last.plans[i]!;
    const n = plans[i]!;
    if (o.end <= prefix) {
      if (n.start !== o.start || n.end !== o.end) return undefined;
    } else if (o.start >= oldEnd) {
      if (n.start !== o.start + delta || n.end !== o.end + delta) return undefined;
    } else if (o.start > prefix || o.end < oldEnd || n.start !== o.start || n.end !== o.end + delta) {
      // A plan the edit is inside of (a keystroke in this year's plan) covers of every line
      // outside the changed span what it covered, shifted; any other change of it: all is read.
      return undefined;
    }
  }
  const old = last.lines;
  let k = 0;
  // A line ending at or before the span (with its line break: not the body's last line) reads the same.
  for (; k < old.length && old[k]!.end <= prefix && old[k]!.end < last.bodyEnd; k++) {
    const line = old[k]!;
    if (line.reach > prefix) line.runOn = undefined;
  }
  const before = k;
  const from = k > 0 ? old[k - 1]!.end : body.start;
  // A line whose line break before it lies after the span reads the same, shifted.
  while (k < old.length && old[k]!.start <= oldEnd) k++;
  const after = k;
  if (delta !== 0) {
    for (; k < old.length; k++) {
      const line = old[k]!;
      line.start += delta;
      line.end += delta;
      line.reach += delta;
    }
  }
  const to = after < old.length ? old[after]!.start : body.end;
  return { before, after, from, to };
}

function short(text: string, max = 24): string {
  const t = text.replace(/\s+/gu, '');
  return t.length > max ? `${t.slice(0, max)}…` : t;
}

/** Where the finding goes: this year's measures-and-results heading, else the title or first line. */
function anchor(document: ReportDocument): TextRange {
  const measures = conceptSections(flattenSections(document), 'measures-and-results')[0];
  return measures ? trimRange(document.text, measures.section.heading.range) : documentAnchor(document);
}

/**
 * Last year's next-year plan, item by item, against this year's report: an item
 * whose key terms (its object, once 加强, 推进, 持续 … are set aside) this year's
 * report does not mention outside its own plan was apparently not reported on.
 * One finding lists them, with each item's place in last year's report. Info: the
 * words may differ while the work was done. Silent without last year's report, and
 * when last year's report is not the year before this one.
 */
export const rule = defineRule<MessageId, PlanNotReportedOptions>({
  meta: {
    id: 'continuity/plan-not-reported',
    family: 'continuity',
    defaultSeverity: 'info',
    description: {
      'zh-CN': '上年度报告中的下一年度工作安排应在本年度报告中有落实情况',
      en: "The items of last year's plan for this year should be reported on in this year's report",
    },
    fixable: false,
    scope: 'document',
    messages: {
      notReported: {
        'zh-CN': '上年度报告安排的{{count}}项工作在本年度报告中未见落实情况：{{items}}。请说明完成情况，未完成的说明原因。',
        en: "{{count}} item(s) of last year's plan are not reported on in this year's report: {{items}}. Say what was done, and why not where it was not.",
      },
      planItem: {
        'zh-CN': '上年度报告的工作安排：“{{item}}”',
        en: "Last year's plan: “{{item}}”",
      },
    },
    optionsSchema: {
      type: 'object',
      properties: { minShare: { type: 'number', minimum: 0, maximum: 1 } },
      additionalProperties: false,
    },
    defaultOptions: {},
  },
  check(document, context) {
    const previous = context.previous;
    if (!previous) return;
    // Last year's plan is for this report's year: another year's plan says nothing about this one.
    const year = context.settings.reportYear;
    const previousYear = previous.document.reportYear;
    if (year !== undefined && previousYear && !previousYear.assumed && previousYear.value !== year - 1) return;
    const plan = itemsOf(previous.document, 'next-year-plan');
    if (plan.length === 0) return;
    const minShare = context.options.minShare ?? DEFAULT_MIN_SHARE;
    const { segments, terms } = planWording(plan);
    const mentions = reportMentions(document, terms, previous.document);
    const missing = plan.filter((_, i) => {
      const { keyChars, share } = mentionedShare(segments[i]!, mentions);
      return keyChars >= MIN_KEY_CHARS && share < minShare;
    });
    if (missing.length === 0) return;
    const named = missing.slice(0, LISTED).map((item) => `“${short(item.label)}”`);
    const items = missing.length > LISTED ? `${named.join('、')}等` : named.join('、');
    context.report({
      messageId: 'notReported',
      data: { count: missing.length, items },
      range: anchor(document),
      related: missing.map((item) => ({
        in: 'previous' as const,
        range: item.labelRange,
        messageId: 'planItem' as const,
        data: { item: short(item.label, 40) },
      })),
    });
  },
});

export default rule;
