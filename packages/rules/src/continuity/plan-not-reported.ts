import { PLAN_GENERIC_WORDS } from '@fzlint/ontology';
import { documentMemo, type ReportDocument, type TextRange } from '@fzlint/parser';
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
 * Which of the terms this year's report mentions outside its own plan: `mentionsIn` over the
 * body normalised, read line by line. A line break is never part of a normalised number or
 * year, so the body's normalised text is its lines' put together; a line outside the plan
 * adds the terms inside its own normalised text (remembered by that text: an editor's next
 * keystroke changes one line) and those that run on into the next lines, read off its last two
 * characters and the next lines' first ones; a line touching the plan is read position by
 * position as `mentionsIn` does.
 */
export function reportMentions(document: ReportDocument, terms: readonly string[], previous: ReportDocument): Mentions {
  const memo = termMemo(previous, terms);
  const { text, bodyRange } = document;
  const plans = plansOf(document);
  const lines: { start: number; end: number; norm: { readonly text: string; readonly offsets: Int32Array } }[] = [];
  for (let s = bodyRange.start; s < bodyRange.end; ) {
    const nl = text.indexOf('\n', s);
    const e = nl < 0 || nl + 1 >= bodyRange.end ? bodyRange.end : nl + 1;
    const norm = normalizedStretch(text, s, e);
    if (norm.text.length > 0) lines.push({ start: s, end: e, norm });
    s = e;
  }
  const found = new Set<string>();
  const seen = new Uint8Array(memo.names.length);
  // Plans before this line (ended at or before its start) are passed once: lines come in order.
  let pi = 0;
  for (let k = 0; k < lines.length; k++) {
    const line = lines[k]!;
    const len = line.norm.text.length;
    // This year's plan in the line, relative to the line's start (sorted, as `plans` is).
    while (pi < plans.length && plans[pi]!.end <= line.start) pi++;
    let excluded: { start: number; end: number }[] | undefined;
    for (let q = pi; q < plans.length && plans[q]!.start < line.end; q++) {
      const p = plans[q]!;
      if (p.end > line.start) (excluded ??= []).push({ start: p.start - line.start, end: p.end - line.start });
    }
    // The terms inside the line, remembered by its normalised text (and, in a line touching
    // the plan, the plan's place in it: positions whose source lies in the plan are skipped).
    // (Looked up by the line's text, then the plan's place: a key of both would copy the line's text on every keystroke.)
    let byPlace: Map<string, Int32Array> | undefined;
    let place = '';
    if (excluded) {
      place = excluded.map((r) => `${r.start}:${r.end}`).join(',');
      byPlace = memo.linesInPlan.get(line.norm.text);
      if (!byPlace) {
        if (memo.linesInPlan.size >= MAX_LINES) memo.linesInPlan.clear();
        memo.linesInPlan.set(line.norm.text, (byPlace = new Map()));
      }
    }
    let inside = byPlace ? byPlace.get(place) : memo.lines.get(line.norm.text);
    if (!inside) {
      const own = new Set<string>();
      if (excluded) memo.scanner.scan(line.norm.text, 0, len, own, line.norm.offsets, excluded);
      else memo.scanner.scan(line.norm.text, 0, len, own);
      inside = Int32Array.from(own, (t) => memo.ids.get(t)!);
      if (byPlace) {
        if (byPlace.size >= MAX_PLACES) byPlace.clear();
        byPlace.set(place, inside);
      } else {
        if (memo.lines.size >= MAX_LINES) memo.lines.clear();
        memo.lines.set(line.norm.text, inside);
      }
    }
    for (let i = 0; i < inside.length; i++) seen[inside[i]!] = 1;
    // The terms that start in the line's last characters and run on into the next lines: read off
    // those characters and as many of the body's normalised text after them (one short of the
    // longest term the scanner looks for, each side).
    const runOn = LONGEST_TERM - 1;
    const from = Math.max(0, len - runOn);
    const own = len - from;
    let piece = line.norm.text.slice(from);
    for (let j = k + 1; j < lines.length && piece.length < own + runOn; j++) piece += lines[j]!.norm.text.slice(0, own + runOn - piece.length);
    if (excluded) {
      const offsets = new Int32Array(piece.length);
      for (let i = 0; i < own; i++) offsets[i] = line.start + line.norm.offsets[from + i]!;
      memo.scanner.scan(piece, 0, own, found, offsets, plans);
    } else {
      memo.scanner.scan(piece, 0, own, found);
    }
  }
  for (let id = 0; id < seen.length; id++) if (seen[id] === 1) found.add(memo.names[id]!);
  return found;
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
