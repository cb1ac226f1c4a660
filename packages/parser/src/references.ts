import type { QuotedReference } from './model.js';

const BOOK_TITLE = /《([^《》\n]{1,150})》/g;
/** Short quoted names; long quotations are speech, not names. */
const QUOTED = /([“"])([^“”"\n]{1,16})([”"])/g;
const NAME_SUFFIX = /^(?:普法|规划|时期|期间|计划|纲要|战略|工程|行动|改革|制度|机制|活动|试点|建设|创建|专项)/;

/** Every character `normalizeTitle` changes or removes (a lone `—` too: runs of it become one). */
const TITLE_VARIANTS = /[—–－‐‑‒―\-~～（[［【〔）\]］】〕“”"‘’'「」『』〈<＜〉>＞\s\u3000\u00a0]/;

/**
 * Normalises a title for catalogue look-up: every dash becomes `—`, brackets
 * become half-width `(` `)`, quotes become `"`, and whitespace is removed, so
 * 《法治政府建设实施纲要（2021－2025年）》 and 《法治政府建设实施纲要(2021—2025年)》 compare equal.
 */
export function normalizeTitle(text: string): string {
  // Most titles hold none of these characters: one test instead of seven replaces.
  if (!TITLE_VARIANTS.test(text)) return text;
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
  const hasBook = text.indexOf('《') >= 0;
  const hasQuote = text.indexOf('“') >= 0 || text.indexOf('"') >= 0;
  if (!hasBook && !hasQuote) return out;
  const first = out.length;
  BOOK_TITLE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while (hasBook && (m = BOOK_TITLE.exec(text))) {
    const inner = m[1] ?? '';
    out.push({
      kind: 'book-title',
      raw: m[0],
      range: { start: base + m.index, end: base + m.index + m[0].length },
      inner,
      innerRange: { start: base + m.index + 1, end: base + m.index + 1 + inner.length },
      normalized: normalizeTitle(inner),
      sentenceIndex,
    });
  }
  const mid = out.length;
  QUOTED.lastIndex = 0;
  while (hasQuote && (m = QUOTED.exec(text))) {
    const open = m[1] ?? '';
    const close = m[3] ?? '';
    // A straight quote opens and closes; a curly close quote cannot open.
    if (open === '"' && close !== '"') continue;
    const inner = m[2] ?? '';
    if (inner.trim().length === 0) continue;
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + 4);
    const suffix = NAME_SUFFIX.exec(after)?.[0];
    const raw = m[0];
    const range = { start: base + m.index, end: base + m.index + raw.length };
    const innerRange = { start: base + m.index + 1, end: base + m.index + 1 + inner.length };
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
