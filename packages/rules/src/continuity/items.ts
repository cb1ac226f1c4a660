/**
 * The items of a report's shortcomings and of its next-year plan: what
 * repeated-shortcomings compares between the two years and what
 * plan-not-reported looks for in this year's report.
 *
 * Reports list them three ways, and each is read:
 * - sub-sections (（一）基层法治建设有待进一步加强 …): one item each, labelled by
 *   the sub-heading;
 * - enumerations inside a paragraph (一是……；二是……, 1.…2.…, ①…②…): one item per
 *   marker, labelled by its first clause;
 * - plain prose: one item per sentence.
 * In the shortcomings, the cause analysis (究其原因……, a （二）原因分析 sub-section)
 * is not an item.
 */
import { SHORTCOMING_MARKERS, type ConceptId } from '@fzlint/ontology';
import { documentMemo, readText, type ReportDocument, type TextRange } from '@fzlint/parser';
import { conceptSections, findProse, flattenSections, headingLabel, planRanges, trimRange, type SectionEntry } from '../structure/outline.js';
import { CAUSE_ANALYSIS } from '../structure/vocabulary.js';

/** One item of a list of shortcomings or plans. */
export interface Item {
  /** The whole item: its heading (if any) and its text. */
  readonly range: TextRange;
  /** What names the item: its sub-heading, or its first clause. */
  readonly label: string;
  readonly labelRange: TextRange;
  /** The item's text after its label (empty for a one-clause item). */
  readonly body: TextRange;
}

/** The concepts whose items are listed. */
export type ItemConcept = Extract<ConceptId, 'shortcomings-and-causes' | 'next-year-plan'>;

// Enumeration markers inside a paragraph, each at the start of the text or after a stop.
const ENUMERATION =
  /(?:^|(?<=[。；;！？!?：:\s]))(?:[一二三四五六七八九十]是|第[一二三四五六七八九十][，,、是]|其[一二三四五六七八九十][，,、是]|首先[，,]|其次[，,]|再次[，,]|最后[，,]|\d{1,2}[.．、](?!\d)|[（(]\d{1,2}[）)]|[①②③④⑤⑥⑦⑧⑨⑩])/gu;
const CLAUSE_END = /[。；;！？!?]/u;

const CACHE = documentMemo<Map<ItemConcept, readonly Item[]>>();

function labelled(text: string, range: TextRange, labelEnd: RegExp): Item | undefined {
  const r = trimRange(text, range);
  if (r.end <= r.start) return undefined;
  const slice = text.slice(r.start, r.end);
  const m = labelEnd.exec(slice);
  const cut = m ? m.index : slice.length;
  const labelRange = trimRange(text, { start: r.start, end: r.start + cut });
  const body = trimRange(text, { start: Math.min(r.end, r.start + cut + 1), end: r.end });
  // The label as it reads (a web copy's line breaks removed); its range is the written one.
  return { range: r, label: readText(text, labelRange.start, labelRange.end), labelRange, body };
}

// A sentence introducing the list (还存在一些不足：, 2023年将重点做好以下工作：) is not an item …
const INTRODUCES = /(?:以下|如下|主要(?:表现|体现)在|存在(?:着)?(?:一些|一定的?|不少)?(?:问题|不足|差距|短板|困难)[^。；;，,、]{0,6}[：:。]?$)/u;
// … unless it names the items itself: 存在A、B等问题.
const NAMED_LIST = /([^，,：:。；;]{2,}(?:、[^，,：:。；;、]{2,})+)等(?:方面的?)?(?:问题|不足|短板|差距|困难)/u;

/**
 * The items in a stretch of text with no sub-headings: one per enumeration marker
 * when there are at least two, else one per sentence (a sentence introducing the
 * list is skipped; one naming them, 存在A、B等问题, gives one item per name).
 */
const SHORTCOMING_WORD = new RegExp(SHORTCOMING_MARKERS.join('|'), 'u');

function itemsInText(document: ReportDocument, scope: TextRange, concept: ItemConcept): Item[] {
  const { text } = document;
  const slice = text.slice(scope.start, scope.end);
  const markers = [...slice.matchAll(ENUMERATION)].map((m) => scope.start + m.index);
  const out: Item[] = [];
  if (markers.length >= 2) {
    for (let i = 0; i < markers.length; i++) {
      const item = labelled(text, { start: markers[i]!, end: markers[i + 1] ?? scope.end }, CLAUSE_END);
      if (item) out.push(item);
    }
    return out;
  }
  const sentences = document.sentences;
  // The first sentence ending after the scope starts (binary search: a report may have many scopes).
  let lo = 0;
  let hi = sentences.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sentences[mid]!.range.end <= scope.start) lo = mid + 1;
    else hi = mid;
  }
  for (let k = lo; k < sentences.length && sentences[k]!.range.start < scope.end; k++) {
    const s = sentences[k]!;
    if (s.range.end <= scope.start) continue;
    const range = trimRange(text, { start: Math.max(s.range.start, scope.start), end: Math.min(s.range.end, scope.end) });
    if (range.end <= range.start) continue;
    const sentence = text.slice(range.start, range.end);
    const named = NAMED_LIST.exec(sentence);
    if (named) {
      let at = range.start + named.index;
      for (const name of named[1]!.split('、')) {
        const r = trimRange(text, { start: at, end: at + name.length });
        if (r.end > r.start) out.push({ range: r, label: readText(text, r.start, r.end), labelRange: r, body: { start: r.end, end: r.end } });
        at += name.length + 1;
      }
      continue;
    }
    if (INTRODUCES.test(sentence.replace(/[。；;！？!?\s]+$/u, ''))) continue;
    // In plain sentences, only a sentence saying something is lacking is a shortcoming.
    if (concept === 'shortcomings-and-causes' && !SHORTCOMING_WORD.test(sentence)) continue;
    // The label without its closing stop (messages quote it).
    const stop = /[。；;！？!?]+$/u.exec(sentence);
    const labelRange = stop ? { start: range.start, end: range.start + stop.index } : range;
    out.push({ range, label: readText(text, labelRange.start, labelRange.end), labelRange, body: { start: range.end, end: range.end } });
  }
  return out;
}

/** Where the cause analysis starts in a stretch of shortcomings, if it does. */
function causesStart(text: string, scope: TextRange): number {
  const m = CAUSE_ANALYSIS.exec(text.slice(scope.start, scope.end));
  if (!m) return scope.end;
  // Back to the start of the sentence that opens the analysis.
  let at = scope.start + m.index;
  while (at > scope.start && !CLAUSE_END.test(text[at - 1]!) && text[at - 1] !== '\n') at--;
  return at;
}

function sectionItems(document: ReportDocument, entry: SectionEntry, concept: ItemConcept): Item[] {
  const { text } = document;
  const { section } = entry;
  const out: Item[] = [];
  if (section.children.length > 0) {
    for (const child of section.children) {
      const label = headingLabel(child.heading);
      if (concept === 'shortcomings-and-causes' && CAUSE_ANALYSIS.test(label)) continue;
      const labelStart = child.heading.titleRange.start;
      const labelRange = trimRange(text, { start: labelStart, end: labelStart + label.length });
      let end = child.range.end;
      if (concept === 'shortcomings-and-causes') end = causesStart(text, { start: child.heading.range.end, end });
      out.push({
        range: trimRange(text, { start: child.heading.range.start, end }),
        label,
        labelRange,
        body: trimRange(text, { start: Math.min(end, Math.max(labelRange.end, child.heading.range.end)), end }),
      });
    }
    return out;
  }
  let scope = trimRange(text, section.bodyRange);
  if (concept === 'shortcomings-and-causes') scope = { start: scope.start, end: causesStart(text, scope) };
  return itemsInText(document, scope, concept);
}

/**
 * The items of a report's shortcomings or next-year plan, in order (computed once
 * per document and concept). A report stating its shortcomings only in prose
 * (no heading) has them read from that paragraph.
 */
export function itemsOf(document: ReportDocument, concept: ItemConcept): readonly Item[] {
  let byConcept = CACHE.get(document);
  if (!byConcept) CACHE.set(document, (byConcept = new Map()));
  const cached = byConcept.get(concept);
  if (cached) return cached;
  const entries = flattenSections(document);
  const sections = conceptSections(entries, concept);
  let items: Item[] = [];
  // Item by item, not push(...): a section of a hostile plan holds more items than a call takes arguments.
  for (const entry of sections) for (const item of sectionItems(document, entry, concept)) items.push(item);
  if (sections.length === 0) {
    const prose = findProse(document, concept, concept === 'next-year-plan' ? [] : planRanges(entries));
    if (prose) {
      const paragraph = document.paragraphs[prose.sentence.paragraphIndex];
      const next = document.headings.find((h) => h.range.start >= prose.sentence.range.end);
      const end = Math.min(paragraph?.range.end ?? document.bodyRange.end, next ? next.range.start : document.bodyRange.end);
      let scope = { start: prose.sentence.range.end, end };
      if (concept === 'shortcomings-and-causes') scope = { start: scope.start, end: causesStart(document.text, scope) };
      items = itemsInText(document, scope, concept);
      // The introducing sentence itself names items when nothing follows it (存在A、B等问题).
      if (items.length === 0) items = itemsInText(document, prose.sentence.range, concept);
    }
  }
  byConcept.set(concept, items);
  return items;
}
