import { SHORTCOMING_GENERIC_WORDS } from '@fzlint/ontology';
import { documentMemo, type ReportDocument } from '@fzlint/parser';
import { defineRule } from '@fzlint/rule-api';
import { buildPostings, coverage } from './copies.js';
import { itemsOf, type Item } from './items.js';
import { normalize, type WindowPostings } from './text.js';
import { contentTerms, dice, sharedCount } from './terms.js';

type MessageId = 'repeated' | 'lastYear';

/**
 * Two items are the same shortcoming when the key terms of their labels agree this
 * much (Dice's coefficient of content bigrams). Measured on the corpus: distinct
 * items of one report reach at most 0.60 (基层法治建设有待进一步加强 / 基层法治专业力量
 * 有待进一步补足), rewordings of one item (有待加强 ↔ 仍需加强 ↔ 不够, clauses swapped,
 * 仍然 added) score 0.67–1 (92 of 96 at least 0.7).
 */
export const SAME_ITEM = 0.7;
/** … and share at least this many content bigrams (one shared word is not an item). */
const MIN_SHARED = 3;
/** An item whose text repeats last year's item this much is the same item whatever its label says. */
const SAME_TEXT = 0.5;
/** Text of an item shorter than this (own wording) is not compared as text. */
const MIN_TEXT = 40;
/** A term held by more of last year's items than this names no one item (法治, 行政). */
const MAX_TERM_ITEMS = 8;

function short(text: string, max = 30): string {
  const t = text.replace(/\s+/gu, '');
  return t.length > max ? `${t.slice(0, max)}…` : t;
}

interface Indexed {
  readonly item: Item;
  readonly terms: Set<string>;
}

interface LastYearIndex {
  readonly indexed: readonly Indexed[];
  /** Term → last year's items holding it (a small inverted index: no item is compared with every other). */
  readonly byTerm: ReadonlyMap<string, readonly number[]>;
  /** Windows of last year's items' text. */
  readonly textPostings: WindowPostings;
}

const INDEXES = documentMemo<LastYearIndex>();

/** Last year's shortcomings indexed by term and by text window (once per last year's report). */
function lastYearIndex(document: ReportDocument, lastYear: readonly Item[]): LastYearIndex {
  const cached = INDEXES.get(document);
  if (cached) return cached;
  const indexed: Indexed[] = lastYear.map((item) => ({ item, terms: contentTerms(item.label, SHORTCOMING_GENERIC_WORDS) }));
  const byTerm = new Map<string, number[]>();
  indexed.forEach((x, i) => {
    for (const t of x.terms) {
      const list = byTerm.get(t);
      if (!list) byTerm.set(t, [i]);
      else if (list.length <= MAX_TERM_ITEMS) list.push(i);
    }
  });
  const textPostings = buildPostings(lastYear.map((item) => normalize(document.text, item.range.start, item.range.end).text));
  const index = { indexed, byTerm, textPostings };
  INDEXES.set(document, index);
  return index;
}

/**
 * This year's shortcomings that repeat last year's: the same item (its object
 * named by the same key terms once 有待加强, 不足, 仍需 … are set aside), or the
 * same text. The regulation asks for the year's shortcomings and their causes; a
 * shortcoming listed again should say why last year's measures did not remove it.
 * Silent without last year's report.
 */
export const rule = defineRule<MessageId>({
  meta: {
    id: 'continuity/repeated-shortcomings',
    family: 'continuity',
    defaultSeverity: 'warn',
    description: {
      'zh-CN': '本年度所列存在的不足不应与上年度报告所列相同（同一问题连年出现须说明原因）',
      en: "This year's shortcomings should not be last year's again (a shortcoming listed two years running must say why it remains)",
    },
    fixable: false,
    scope: 'document',
    messages: {
      repeated: {
        'zh-CN':
          '所列不足“{{item}}”与上年度报告第{{line}}行所列的“{{previous}}”是同一问题。规定要求报告本年度存在的不足和原因：请说明上年采取了哪些措施、为何仍未解决，或写明本年度新的不足。',
        en: "The shortcoming “{{item}}” is the one last year's report listed at line {{line}} (“{{previous}}”). Say what was done about it and why it remains, or report this year's own shortcomings.",
      },
      lastYear: {
        'zh-CN': '上年度报告所列的这一不足',
        en: "The shortcoming in last year's report",
      },
    },
    defaultOptions: {},
  },
  check(document, context) {
    const previous = context.previous;
    if (!previous) return;
    const lastYear = itemsOf(previous.document, 'shortcomings-and-causes');
    if (lastYear.length === 0) return;
    const thisYear = itemsOf(document, 'shortcomings-and-causes');
    if (thisYear.length === 0) return;
    const { indexed, byTerm, textPostings } = lastYearIndex(previous.document, lastYear);

    for (const item of thisYear) {
      const terms = contentTerms(item.label, SHORTCOMING_GENERIC_WORDS);
      let best: { index: number; score: number } | undefined;
      const candidates = new Set<number>();
      for (const t of terms) {
        const list = byTerm.get(t);
        if (list && list.length <= MAX_TERM_ITEMS) for (const i of list) candidates.add(i);
      }
      for (const i of candidates) {
        const other = indexed[i]!.terms;
        if (sharedCount(terms, other) < MIN_SHARED) continue;
        const score = dice(terms, other);
        if (score >= SAME_ITEM && (!best || score > best.score)) best = { index: i, score };
      }
      if (!best) {
        // The same text under another label: the item's wording repeats last year's item.
        const text = normalize(document.text, item.range.start, item.range.end).text;
        const c = coverage(text, textPostings);
        if (c.contentChars >= MIN_TEXT && c.repeatedChars / c.contentChars >= SAME_TEXT) {
          const top = [...c.votes].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0];
          if (top) best = { index: top[0], score: c.repeatedChars / c.contentChars };
        }
      }
      if (!best) continue;
      const match = lastYear[best.index]!;
      context.report({
        messageId: 'repeated',
        data: {
          item: short(item.label),
          previous: short(match.label),
          line: previous.document.lineIndex.positionAt(match.labelRange.start).line,
        },
        range: item.labelRange,
        related: [{ in: 'previous', range: match.labelRange, messageId: 'lastYear' }],
      });
    }
  },
});

export default rule;
