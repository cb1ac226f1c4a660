import type { Heading, HeadingNumbering, NumberingKind, ReportDocument, Section } from '@fzlint/parser';
import { chineseNumeralValue, numberingScheme, toHalfWidthDigits } from '@fzlint/ontology';
import { defineRule, type Fix, type ReportDescriptor } from '@fzlint/rule-api';
import { chineseNumeral, fullWidthDigits, headingWords, numeralRange, trimRange } from './outline.js';

type MessageId =
  | 'skipped'
  | 'repeated'
  | 'restarted'
  | 'backwards'
  | 'startsNotAtOne'
  | 'mixedWidth'
  | 'unnumbered'
  | 'addNumber';

/**
 * A numbered heading of one sibling list: the heading itself (no object made per item to pair it
 * with its numbering, which it holds).
 */
type Item = Heading & { readonly numbering: HeadingNumbering };

/** The numeral of `value` written as `numbering` writes its own. */
function formatValue(text: string, numbering: HeadingNumbering, value: number): string {
  if (numbering.kind === 'chinese' || numbering.kind === 'paren-chinese') return chineseNumeral(value);
  const r = numeralRange(text, numbering.range);
  return /[０-９]/u.test(text.slice(r.start, r.end)) ? fullWidthDigits(value) : String(value);
}

/** `numbering` as it would read with `value` (`（三）` → `（四）`). */
function renumbered(text: string, numbering: HeadingNumbering, value: number): string {
  const r = numeralRange(text, numbering.range);
  // No numeral: the range is the whole numbering, and the numeral replaces it.
  return text.slice(numbering.range.start, r.start) + formatValue(text, numbering, value) + text.slice(r.end, numbering.range.end);
}

/**
 * Heading numbers must run 一、二、三… (or （一）（二）…, 1. 2. …) without gaps,
 * repeats or restarts within one list of sibling headings, start at 一/1, and use
 * one bracket or separator width throughout a list.
 *
 * A list is the headings of one numbering kind directly under one parent. A list
 * that continues the numbering of the previous parent's list (（一）（二） under 一,
 * （三）（四） under 二) is a house style, not an error. An unnumbered heading
 * among numbered siblings (as the parser recognised it) is reported too.
 *
 * Fixes are offered only where the right number is certain: the list starts at
 * 一/1 and a single heading breaks the run — either one wrong number between two
 * right ones (一、二、二、四 → 三), or a gap or repeat after which the list runs on
 * consecutively (一、二、四、五 → 三、四). A restart, a list starting at （三）, or
 * several breaks are reported without a fix: the missing items may exist unnumbered.
 */
export const rule = defineRule<MessageId>({
  meta: {
    id: 'structure/heading-numbering',
    family: 'structure',
    defaultSeverity: 'warn',
    description: {
      'zh-CN': '同级标题的编号须连续、从“一”或“1”开始，且括号或分隔符的全角半角一致',
      en: 'Sibling heading numbers must be consecutive, start at 一 or 1, and use one bracket or separator width',
    },
    fixable: true,
    scope: 'section',
    hasSuggestions: true,
    messages: {
      skipped: {
        'zh-CN': '标题编号从“{{previous}}”跳到了“{{actual}}”，缺少“{{missing}}”；此处应为“{{expected}}”。',
        en: 'Heading numbers jump from “{{previous}}” to “{{actual}}”, skipping “{{missing}}”; this should be “{{expected}}”.',
      },
      repeated: {
        'zh-CN': '标题编号“{{actual}}”与上一个同级标题重复；此处应为“{{expected}}”。',
        en: 'Heading number “{{actual}}” repeats the previous sibling’s; this should be “{{expected}}”.',
      },
      restarted: {
        'zh-CN': '同级标题编号在“{{previous}}”之后重新从“{{actual}}”开始；应为“{{expected}}”，或缺少上一级标题。',
        en: 'Sibling heading numbers restart at “{{actual}}” after “{{previous}}”; expected “{{expected}}”, or a parent heading is missing.',
      },
      backwards: {
        'zh-CN': '标题编号在“{{previous}}”之后倒退为“{{actual}}”；此处应为“{{expected}}”。',
        en: 'Heading numbers go back from “{{previous}}” to “{{actual}}”; this should be “{{expected}}”.',
      },
      startsNotAtOne: {
        'zh-CN': '这一级标题从“{{actual}}”开始，没有“{{first}}”；编号应从“{{first}}”开始（前面的条目可能缺少编号）。',
        en: 'This list of headings starts at “{{actual}}” with no “{{first}}”; numbering should start at “{{first}}” (earlier items may lack their numbers).',
      },
      mixedWidth: {
        'zh-CN': '同一级标题编号的括号或分隔符全角、半角混用：“{{actual}}”与“{{consistent}}”；应统一为“{{expected}}”。',
        en: 'Full- and half-width brackets or separators are mixed in one list of headings: “{{actual}}” vs “{{consistent}}”; use “{{expected}}”.',
      },
      unnumbered: {
        'zh-CN': '标题“{{title}}”没有编号，而同级标题使用“{{example}}”式编号；按顺序应为“{{expected}}”。',
        en: 'The heading “{{title}}” has no number while its siblings are numbered like “{{example}}”; in order it would be “{{expected}}”.',
      },
      addNumber: {
        'zh-CN': '在标题前加上编号“{{expected}}”',
        en: 'Add the number “{{expected}}” before the heading',
      },
    },
  },
  check(document, context) {
    // One walk of the outline, one `listsOf` per parent for both checks (each walked it and built
    // every parent's lists before). The findings come in another order; the engine sorts them by
    // range, and the two checks never report one range of one list in the other order.
    lastData = undefined;
    try {
      visit(document, context.report, document.sections, 0, undefined);
    } finally {
      LAST_VALUE.fill(undefined);
      lastData = undefined;
      // The reused lists hold this document's headings: let them go.
      for (let l = 0; l < LISTS.length; l++) LISTS[l]!.length = 0;
    }
    checkUnnumbered(document, context.report);
  },
});

export default rule;

type Report = (d: ReportDescriptor<MessageId>) => void;

/** Checks the lists of one parent's `children`, then each child's own (a module function: no closure per check). */
function visit(
  document: ReportDocument,
  report: Report,
  children: readonly Section[],
  depth: number,
  parent: Section | undefined,
): void {
  // A section without children (most of them) has no lists to check and none to carry on.
  if (children.length === 0) return;
  const count = listsOf(children);
  checkSiblings(document, count, report);
  checkContinuations(document, count, depth, parent, report);
  for (let i = 0; i < children.length; i++) visit(document, report, children[i]!.children, depth + 1, children[i]);
}

/**
 * The lists of the parent being checked, one per numbering kind (at most four): reused from parent
 * to parent and document to document, as the checks of one parent are done with them before the
 * next parent's are made (each list was an array grown to room for 17 at its first push, one or
 * two per parent). Written over in place and cut to their new length, never to 0 until a check
 * ends (V8 gives up an array's room when its length is set to 0, not when it is cut to 1 or more).
 */
const LISTS: Item[][] = [[], [], [], []];
/** How many items `listsOf` has written into each of `LISTS` so far. */
const LENGTHS: number[] = [0, 0, 0, 0];

/**
 * Numbered children of one parent, one list per numbering kind, in order, written into the first
 * lists of `LISTS` in the order their kinds first occur; returns how many. An array, not a Map by
 * kind: iterating a Map's values makes an iterator and a result per step until the caller is optimised.
 */
function listsOf(children: readonly Section[]): number {
  let count = 0;
  for (let i = 0; i < children.length; i++) {
    const child = children[i]!;
    const n = child.heading.numbering;
    if (!n) continue;
    let l = 0;
    while (l < count && LISTS[l]![0]!.numbering.kind !== n.kind) l++;
    if (l === count) {
      // A fifth kind would get a list of its own.
      if (count === LISTS.length) {
        LISTS.push([]);
        LENGTHS.push(0);
      }
      LENGTHS[count++] = 0;
    }
    // An index at most the list's length: written over, or appended.
    LISTS[l]![LENGTHS[l]!++] = child.heading as Item;
  }
  for (let l = 0; l < count; l++) LISTS[l]!.length = LENGTHS[l]!;
  return count;
}

/** White space or a sentence end: where an enumerated item may begin after it. */
function isBoundary(c: number): boolean {
  // Most units scanned are ideographs, between the boundaries' two bands: one test rejects them
  // (the rule runs in baseline code in a CLI thread, where each comparison below is a builtin call).
  if (c > 0x3002 && c < 0xff01) return false;
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09 || c === 0x3000 || c === 0x3002 || c === 0xff01 || c === 0xff1f || c === 0xff1b || c === 0x21 || c === 0x3f || c === 0x3b;
}

/**
 * Whether one of `values`, numbered as `kind`, opens a paragraph, a line or a
 * sentence in [start, end): the item exists and the parser only did not take it
 * for a heading (its run-in title was too long, or fused with the body), so the
 * numbering is not broken. The ranges scanned are the gaps between consecutive
 * siblings, disjoint, so the scans add up to at most one pass over the text.
 */
function numberedItemIn(document: ReportDocument, start: number, end: number, kind: NumberingKind, values: ReadonlySet<number>): boolean {
  if (values.size === 0 || end <= start) return false;
  const { text } = document;
  const pattern = numberingScheme(kind).pattern;
  for (let at = start; at < end; at++) {
    if (at > 0 && at !== start && !isBoundary(text.charCodeAt(at - 1))) continue;
    if (isBoundary(text.charCodeAt(at))) continue;
    pattern.lastIndex = at;
    const m = pattern.exec(text);
    if (!m) continue;
    const numeral = m[2] ?? '';
    const value = kind === 'chinese' || kind === 'paren-chinese' ? chineseNumeralValue(numeral) : Number(toHalfWidthDigits(numeral));
    if (value !== undefined && values.has(value)) return true;
  }
  return false;
}

/** No values: the gap of a repeated number (一、一、), where no item can be missing. */
const NO_VALUES: ReadonlySet<number> = new Set<number>();

function range(from: number, to: number): Set<number> {
  const out = new Set<number>();
  for (let v = from; v <= to && out.size < 50; v++) out.add(v);
  return out;
}

/** Runs of the numbering checks over the children of one parent (`count`: how many lists `listsOf` wrote). */
function checkSiblings(document: ReportDocument, count: number, report: Report): void {
  for (let l = 0; l < count; l++) {
    const list = LISTS[l]!;
    // Arabic-numbered items (1. 2. / （1）（2）) under one parent often form several enumerations
    // (举措：1. 2. 3. … 成效：1. 2.), so a 1 after other numbers starts a new run there, checked
    // alone (read in place: no list per run). A restart of 一、 or （一） under one parent is a real break.
    const kind = list[0]!.numbering.kind;
    if (kind === 'arabic' || kind === 'paren-arabic') {
      let from = 0;
      for (let i = 1; i < list.length; i++) {
        if (list[i]!.numbering.value !== 1) continue;
        checkSequence(document, list, from, i, report);
        from = i;
      }
      checkSequence(document, list, from, list.length, report);
    } else {
      checkSequence(document, list, 0, list.length, report);
    }
    checkWidths(document, list, report);
  }
}

/** Gaps, repeats, restarts and backward steps inside the run `list[from, to)`. */
function checkSequence(document: ReportDocument, list: readonly Item[], from: number, to: number, report: Report): void {
  const { text } = document;
  // The values read from the items, and the list of breaks made at the first one: most lists run
  // without a break, and made neither list (each an array grown to room for 17 on its first push).
  let breaks: number[] | undefined;
  for (let k = from + 1; k < to; k++) {
    const before = list[k - 1]!.numbering.value;
    const value = list[k]!.numbering.value;
    if (value === before + 1) continue;
    // 一、二、（paragraph 三、…）四、: the missing item is there, unrecognised as a heading.
    const gap = value > before + 1 ? range(before + 1, value - 1) : NO_VALUES;
    if (numberedItemIn(document, list[k - 1]!.range.end, list[k]!.range.start, list[k]!.numbering.kind, gap)) continue;
    (breaks ??= []).push(k);
  }
  if (breaks === undefined) return;
  const startsAtOne = list[from]!.numbering.value === 1;

  // A single certain correction: see the rule's TSDoc.
  if (startsAtOne) {
    const k = breaks[0]!;
    const previous = list[k - 1]!.numbering.value;
    const actual = list[k]!.numbering.value;
    // breaks[1] === k + 1: item k + 1 exists.
    const sandwiched = breaks.length === 2 && breaks[1] === k + 1 && list[k + 1]!.numbering.value === previous + 2;
    const tailRuns = breaks.length === 1 && (actual > previous || actual === previous) && actual !== 1;
    if (sandwiched || tailRuns) {
      const end = sandwiched ? k + 1 : to;
      const fix: Fix[] = [];
      for (let j = k; j < end; j++) {
        const n = list[j]!.numbering;
        fix.push({ range: numeralRange(text, n.range), text: formatValue(text, n, previous + 1 + (j - k)) });
      }
      report(sequenceFinding(text, list, k, fix));
      return;
    }
  }
  for (let b = 0; b < breaks.length; b++) report(sequenceFinding(text, list, breaks[b]!, undefined));
}

/** The data of the last sequence finding of this check (see `sequenceFinding`); cleared when the check ends. */
let lastData: { readonly previous: string; readonly actual: string; readonly expected: string; readonly missing: string } | undefined;

function sequenceFinding(text: string, list: readonly Item[], k: number, fix: Fix[] | undefined): ReportDescriptor<MessageId> {
  const prev = list[k - 1]!.numbering;
  const cur = list[k]!.numbering;
  const expectedValue = prev.value + 1;
  const previous = prev.raw;
  const actual = cur.raw;
  const expected = renumbered(text, cur, expectedValue);
  const missing = missingNumbers(text, cur, expectedValue);
  // A break that reads as the last one (一、一、一、…: every repeat) shares its data: the engine's
  // message memo (by data object) then hands back the message rendered for it, and no data, memo
  // entry or message is made and kept per finding. Equal values, so the output is the same.
  let data = lastData;
  if (data === undefined || data.previous !== previous || data.actual !== actual || data.expected !== expected || data.missing !== missing) {
    data = { previous, actual, expected, missing };
    lastData = data;
  }
  const messageId: MessageId =
    cur.value === prev.value
      ? 'repeated'
      : cur.value > expectedValue
        ? 'skipped'
        : cur.value === 1
          ? 'restarted'
          : 'backwards';
  // The same keys in the same order as a spread of `{ fix }` made, without the empty object and its copy.
  return fix ? { messageId, data, range: cur.range, fix } : { messageId, data, range: cur.range };
}

/** The numberings skipped before `cur` from `expectedValue` on (at most five), run together; '' for a repeat or a step back (most breaks). */
function missingNumbers(text: string, cur: HeadingNumbering, expectedValue: number): string {
  const count = Math.min(cur.value - expectedValue, 5);
  let out = '';
  for (let i = 0; i < count; i++) out += renumbered(text, cur, expectedValue + i);
  return out;
}

/** Bracket or separator width mixed within one list; fixed to the strict majority. */
function checkWidths(document: ReportDocument, list: readonly Item[], report: Report): void {
  // Counted first: most lists use one width, and no list of either width is made for them.
  let fullCount = 0;
  let halfCount = 0;
  for (let i = 0; i < list.length; i++) {
    const width = list[i]!.numbering.width;
    if (width === 'full') fullCount++;
    else if (width === 'half') halfCount++;
  }
  if (fullCount === 0 || halfCount === 0) return;
  const full = list.filter((i) => i.numbering.width === 'full');
  const half = list.filter((i) => i.numbering.width === 'half');
  const { text } = document;
  const majority = full.length > half.length ? full : half.length > full.length ? half : undefined;
  // On a tie nothing is certain: the items unlike the first are reported, unfixed.
  const model = (majority ?? [list[0]!])[0]!;
  const minority = majority ? (majority === full ? half : full) : list.filter((i) => i.numbering.width !== model.numbering.width);
  for (const item of minority) {
    const n = item.numbering;
    const expected = withMarksOf(text, n, model.numbering);
    report({
      messageId: 'mixedWidth',
      data: { actual: n.raw, consistent: model.numbering.raw, expected },
      range: n.range,
      ...(majority && expected !== n.raw ? { fix: { range: n.range, text: expected } } : {}),
    });
  }
}

/** `numbering`'s numeral inside `model`'s brackets or separator. */
function withMarksOf(text: string, numbering: HeadingNumbering, model: HeadingNumbering): string {
  const r = numeralRange(text, numbering.range);
  const m = numeralRange(text, model.range);
  return (
    text.slice(model.range.start, m.start) + text.slice(r.start, r.end) + text.slice(m.end, model.range.end)
  );
}

/**
 * An unnumbered heading among numbered siblings: a plain-text line the parser
 * took for a heading that lost its number, or a Markdown heading at the depth of
 * numbered ones (`### (三)…` then `### 优化营商环境…`). Siblings are found by
 * Markdown depth for Markdown headings and by level for the others, walking back
 * to the nearest shallower heading.
 */
function checkUnnumbered(document: ReportDocument, report: Report): void {
  const { text, headings } = document;
  // One forward pass; Markdown headings and the others are two separate outlines. The runs are
  // indexed by depth (small integers), in arrays rather than Maps: dropping the deeper runs is a
  // truncation, not an iteration over the keys (an iterator per heading until this is optimised).
  // The arrays are the module's, kept from document to document with their room (see `MD_RUNS`).
  try {
    for (let i = 0; i < headings.length; i++) {
      const h = headings[i]!;
      const markdown = h.markdownDepth !== undefined;
      const depth = markdown ? h.markdownDepth! : h.level;
      const byDepth = markdown ? MD_RUNS : LEVEL_RUNS;
      // Cut to depth + 1 ≥ 1, never to 0, so the array keeps its room.
      if (byDepth.length > depth + 1) byDepth.length = depth + 1;
      const run = byDepth[depth];
      if (h.numbering) {
        if (run && run.last.kind === h.numbering.kind) {
          run.last = h.numbering;
          run.numbered++;
          run.unnumbered = 0;
        } else if (run) {
          // A list of another kind at this depth: its run, written over in place.
          run.last = h.numbering;
          run.numbered = 1;
          run.unnumbered = 0;
        } else {
          byDepth[depth] = { last: h.numbering, numbered: 1, unnumbered: 0 };
        }
        continue;
      }
      if (run && (h.origin === 'unnumbered' || h.origin === 'markdown')) reportUnnumbered(text, h, run, report);
    }
  } finally {
    // The runs hold this document's numberings: let them go (the slots read as no run, as holes did).
    MD_RUNS.fill(undefined);
    LEVEL_RUNS.fill(undefined);
  }
}

interface Run {
  last: HeadingNumbering;
  numbered: number;
  unnumbered: number;
}

/**
 * `checkUnnumbered`'s runs by depth, for Markdown headings and for the others: reused, not two
 * arrays made and grown per document (their slots emptied when a check ends).
 */
const MD_RUNS: (Run | undefined)[] = [];
const LEVEL_RUNS: (Run | undefined)[] = [];

/** An unnumbered heading `h` after the numbered ones of `run`, reported once the run has two. */
function reportUnnumbered(text: string, h: Heading, run: Run, report: Report): void {
  run.unnumbered++;
  // One numbered sibling is not yet a numbered list.
  if (run.numbered < 2) return;
  const expected = renumbered(text, run.last, run.last.value + run.unnumbered);
  const range = trimRange(text, h.titleRange);
  report({
    messageId: 'unnumbered',
    data: { title: headingWords(h), example: renumbered(text, run.last, 1), expected },
    range,
    suggestions: [
      { messageId: 'addNumber', data: { expected }, fix: { range: { start: range.start, end: range.start }, text: expected } },
    ],
  });
}

/**
 * The last value of each depth and kind's list so far in the document being checked, by
 * `depth * 8 + KIND_KEY[kind]` (small integers: an array, not a Map made and grown per check);
 * emptied, its room kept, when a check ends.
 */
const LAST_VALUE: (number | undefined)[] = [];

/** A small number per numbering kind, for `checkContinuations`' keys. */
const KIND_KEY: Readonly<Record<NumberingKind, number>> = { chinese: 0, 'paren-chinese': 1, arabic: 2, 'paren-arabic': 3 };

/**
 * A list that starts other than at 一/1. Continuing the previous parent's list
 * of the same kind (（三） after a （二） under the previous top-level section) is accepted.
 * The first `count` of `LISTS` are the lists of one parent at `depth`, parents visited in document order;
 * `LAST_VALUE` carries each depth and kind's last value from one parent to the next.
 */
function checkContinuations(
  document: ReportDocument,
  count: number,
  depth: number,
  parent: Section | undefined,
  report: Report,
): void {
  for (let l = 0; l < count; l++) {
    const list = LISTS[l]!;
    const first = list[0]!.numbering;
    // Depth and kind as one number (the string `${depth}:${kind}` was made and hashed twice per list).
    const key = depth * 8 + KIND_KEY[first.kind];
    const continued = LAST_VALUE[key];
    const from = parent ? parent.heading.range.end : document.bodyRange.start;
    if (
      first.value !== 1 &&
      continued !== first.value - 1 &&
      !numberedItemIn(document, from, list[0]!.range.start, first.kind, range(1, first.value - 1))
    ) {
      report({
        messageId: 'startsNotAtOne',
        data: { actual: first.raw, first: renumbered(document.text, first, 1) },
        range: first.range,
      });
    }
    LAST_VALUE[key] = list[list.length - 1]!.numbering.value;
  }
}
