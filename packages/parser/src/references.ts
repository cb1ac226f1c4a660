import type { QuotedReference, TextRange } from './model.js';
import { holdsUnit, REGEXP_SPACE_CODES } from './text.js';

/*
 * 《…》 titles are what /《([^《》\n]{1,150})》/g finds and short quoted names what
 * /([“"])([^“”"\n]{1,16})([”"])/g finds, read by a scan of character codes: the regexes
 * allocated a match array and a string per capture for every reference (a sentence in
 * four holds one).
 */
const BOOK_OPEN = 0x300a; // 《
const BOOK_CLOSE = 0x300b; // 》
const BOOK_MAX = 150;
const QUOTE_OPEN = 0x201c; // “
const QUOTE_CLOSE = 0x201d; // ”
const STRAIGHT_QUOTE = 0x22; // "
const QUOTED_MAX = 16;
const LINE_FEED = 0x0a;
/** The units a reference starts with: `extractReferences` finds nothing in a text without one. */
export const REFERENCE_OPENINGS: readonly number[] = [BOOK_OPEN, QUOTE_OPEN, STRAIGHT_QUOTE];
/** Words after a quoted name that make it a name (“七五”普法, “十四五”规划), in the order they are tried. */
const NAME_SUFFIXES = ['普法', '规划', '时期', '期间', '计划', '纲要', '战略', '工程', '行动', '改革', '制度', '机制', '活动', '试点', '建设', '创建', '专项'];
/** How far after a quoted name its suffix is read. */
const SUFFIX_WINDOW = 4;

/** The first units of NAME_SUFFIXES: most quoted names have none of them right after. */
const NAME_SUFFIX_FIRST = new Uint8Array(0x10000);
for (const w of NAME_SUFFIXES) NAME_SUFFIX_FIRST[w.charCodeAt(0)] = 1;

/** The suffix word right after a quoted name ending at `end` (within SUFFIX_WINDOW characters), if any. */
function nameSuffixAt(text: string, end: number): string | undefined {
  if (end >= text.length || NAME_SUFFIX_FIRST[text.charCodeAt(end)] !== 1) return undefined;
  const limit = Math.min(text.length, end + SUFFIX_WINDOW);
  for (let k = 0; k < NAME_SUFFIXES.length; k++) {
    const w = NAME_SUFFIXES[k]!;
    if (end + w.length <= limit && text.startsWith(w, end)) return w;
  }
  return undefined;
}

/** End of the run of title characters (not 《, 》 or a line break) after the 《 at `open`, read at most one past the longest title. */
function bookRunEnd(text: string, open: number): number {
  const stop = Math.min(text.length, open + 2 + BOOK_MAX);
  let k = open + 1;
  for (; k < stop; k++) {
    const c = text.charCodeAt(k);
    if (c === BOOK_OPEN || c === BOOK_CLOSE || c === LINE_FEED) break;
  }
  return k;
}

/** End of the run of name characters (not “, ”, " or a line break) after the quote at `open`, read at most one past the longest name. */
function quotedRunEnd(text: string, open: number): number {
  const stop = Math.min(text.length, open + 2 + QUOTED_MAX);
  let k = open + 1;
  for (; k < stop; k++) {
    const c = text.charCodeAt(k);
    if (c === QUOTE_OPEN || c === QUOTE_CLOSE || c === STRAIGHT_QUOTE || c === LINE_FEED) break;
  }
  return k;
}

/**
 * Every unit `normalizeTitle` changes or removes (a lone `—` too: runs of it become one): what
 * /[—–－‐‑‒―\-~～（[［【〔）\]］】〕“”"‘’'「」『』〈<＜〉>＞\s\u3000\u00a0]/ matches, by a table (a test
 * checks every unit against the regex): one regex call per reference cost more than the loop.
 */
export const TITLE_VARIANT_UNITS = new Uint8Array(0x10000);
for (const ch of '—–－‐‑‒―-~～（[［【〔）]］】〕“”"‘’\'「」『』〈<＜〉>＞\u3000\u00a0') TITLE_VARIANT_UNITS[ch.charCodeAt(0)] = 1;
for (const c of REGEXP_SPACE_CODES) TITLE_VARIANT_UNITS[c] = 1;

/**
 * Normalises a title for catalogue look-up: every dash becomes `—`, brackets
 * become half-width `(` `)`, quotes become `"`, and whitespace is removed, so
 * 《法治政府建设实施纲要（2021－2025年）》 and 《法治政府建设实施纲要(2021—2025年)》 compare equal.
 */
export function normalizeTitle(text: string): string {
  // Most titles hold none of these characters: one test instead of seven replaces.
  if (!holdsUnit(TITLE_VARIANT_UNITS, text, 0, text.length)) return text;
  return text
    .replace(/[—–－‐‑‒―\-~～]+/g, '—')
    .replace(/[（[［【〔]/g, '(')
    .replace(/[）\]］】〕]/g, ')')
    .replace(/[“”"‘’'「」『』]/g, '"')
    .replace(/[〈<＜]/g, '<')
    .replace(/[〉>＞]/g, '>')
    .replace(/[\s\u3000\u00a0]+/g, '');
}

/** Finds 《…》 titles and short “…” names (“七五”普法, “十四五”规划) in one stretch of text. */
export function extractReferences(
  text: string,
  base: number,
  sentenceIndex: number,
  // The paragraph's list, appended to: no array per sentence (most hold no reference) and no copy of it.
  out: QuotedReference[] = [],
): QuotedReference[] {
  // Cheap pre-checks: most sentences hold neither 《 nor a quote.
  const firstBook = text.indexOf('《');
  // The next “ and the next " at or after the search's place (-1: none left), each searched
  // again only when the search passed it: the quotes are visited in text order by native
  // searches, not by a loop over every unit.
  let curly = text.indexOf('“');
  let straight = text.indexOf('"');
  const hasBook = firstBook >= 0;
  const hasQuote = curly >= 0 || straight >= 0;
  if (!hasBook && !hasQuote) return out;
  const first = out.length;
  const length = text.length;
  // 《: a title when 1–150 title characters and 》 follow; else the search goes on after the 《.
  for (let open = firstBook; open >= 0; ) {
    const k = bookRunEnd(text, open);
    const n = k - open - 1;
    if (n >= 1 && n <= BOOK_MAX && k < length && text.charCodeAt(k) === BOOK_CLOSE) {
      const inner = text.slice(open + 1, k);
      // The ranges apart from the literal: a literal holding literals is built by a runtime call
      // that deep-copies them in unoptimised code (the quoted names below do the same).
      const range: TextRange = { start: base + open, end: base + k + 1 };
      const innerRange: TextRange = { start: base + open + 1, end: base + k };
      out.push({
        kind: 'book-title',
        raw: text.slice(open, k + 1),
        range,
        inner,
        innerRange,
        normalized: normalizeTitle(inner),
        sentenceIndex,
      });
      open = text.indexOf('《', k + 1);
    } else {
      open = text.indexOf('《', open + 1);
    }
  }
  const mid = out.length;
  // “ or ": a name when 1–16 name characters and ” or " follow; the search goes on after a
  // match (taken or not), else after the opening quote.
  for (let i = 0; hasQuote && i < length; ) {
    if (curly >= 0 && curly < i) curly = text.indexOf('“', i);
    if (straight >= 0 && straight < i) straight = text.indexOf('"', i);
    const open = curly < 0 ? straight : straight < 0 ? curly : Math.min(curly, straight);
    if (open < 0) break;
    const c = text.charCodeAt(open);
    const k = quotedRunEnd(text, open);
    const n = k - open - 1;
    const close = k < length ? text.charCodeAt(k) : -1;
    if (n < 1 || n > QUOTED_MAX || (close !== QUOTE_CLOSE && close !== STRAIGHT_QUOTE)) {
      i = open + 1;
      continue;
    }
    i = k + 1;
    // A straight quote opens and closes; a curly close quote cannot open.
    if (c === STRAIGHT_QUOTE && close !== STRAIGHT_QUOTE) continue;
    const inner = text.slice(open + 1, k);
    if (inner.trim().length === 0) continue;
    const suffix = nameSuffixAt(text, k + 1);
    const raw = text.slice(open, k + 1);
    const range = { start: base + open, end: base + k + 1 };
    const innerRange = { start: base + open + 1, end: base + k };
    const normalized = normalizeTitle(inner);
    // Two literals in one key order rather than a spread of a temporary object (a quoted name is common).
    out.push(
      suffix
        ? { kind: 'quoted-name', raw, range, inner, innerRange, normalized, suffix, sentenceIndex }
        : { kind: 'quoted-name', raw, range, inner, innerRange, normalized, sentenceIndex },
    );
  }
  if (hasBook && hasQuote) mergeRuns(out, first, mid);
  return out;
}

/**
 * Merges the two runs out[from, mid) (titles) and out[mid…] (quoted names), each in text
 * order, into text order in place (as a stable sort would; linear in a sentence's references).
 */
function mergeRuns(out: QuotedReference[], from: number, mid: number): void {
  if (mid === from || mid === out.length) return;
  const quoted = out.slice(mid);
  let i = mid - 1;
  let j = quoted.length - 1;
  let k = out.length - 1;
  while (j >= 0) {
    if (i >= from && byStart(out[i]!, quoted[j]!) > 0) out[k--] = out[i--]!;
    else out[k--] = quoted[j--]!;
  }
}

function byStart(a: QuotedReference, b: QuotedReference): number {
  return a.range.start - b.range.start;
}
