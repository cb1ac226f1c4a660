import type { StyleEntry } from '@fzlint/ontology';
import type { ReportDocument, TextRange } from '@fzlint/parser';
import { foldsOf } from '../folds.js';

/** A style entry compiled once. */
export interface CompiledStyleEntry {
  readonly entry: StyleEntry;
  readonly regex: RegExp;
}

/** Compiles style entries (module-level, once per list). */
export function compileStyleEntries(entries: readonly StyleEntry[]): readonly CompiledStyleEntry[] {
  const compiled = entries.map((entry) => ({ entry, regex: new RegExp(lineStartAsTextStart(entry.pattern), 'gu') }));
  if (compiled.length > 1) ANY.set(compiled, new RegExp(compiled.map((c) => `(?:${c.regex.source})`).join('|'), 'u'));
  return compiled;
}

/**
 * Per compiled list: one regex that matches where any of its entries does (their
 * alternation; the entries hold no back-references). Most paragraphs match none, and
 * are passed over by one search instead of one per entry.
 */
const ANY = new WeakMap<readonly CompiledStyleEntry[], RegExp>();

const LINE_START = '(?<=^|\\n)';

/**
 * The entries are matched in folded paragraphs, which hold no line break: there a leading
 * `(?<=^|\n)` (a line start) can only match at the start, and is written `^` — the same
 * matches, but V8 tries a start-anchored regex at index 0 only instead of at every index.
 */
function lineStartAsTextStart(pattern: string): string {
  return pattern.startsWith(LINE_START) ? `^${pattern.slice(LINE_START.length)}` : pattern;
}

/** One match of a style entry. */
export interface StyleMatch {
  readonly entry: StyleEntry;
  readonly range: TextRange;
  readonly text: string;
  /** The corrected text for the match, when the entry has a sure correction. */
  readonly replacement?: string;
}

/** A correction with `$1`… filled from the match's groups. */
export function expand(template: string, groups: RegExpExecArray): string {
  // Most corrections are plain text: no replace (and no closure) for them.
  if (!template.includes('$')) return template;
  return template.replace(/\$(\d)/gu, (_, n: string) => groups[Number(n)] ?? '');
}

/** The ranges of the 《》 titles, pushed into a literal: `inside` is read with the junk ranges too, and a mapped
 * (holey) list beside them made findStyleMatches deoptimise and be compiled again. */
function bookTitleRanges(document: ReportDocument): TextRange[] {
  const out: TextRange[] = [];
  const { references } = document;
  for (let i = 0; i < references.length; i++) if (references[i]!.kind === 'book-title') out.push(references[i]!.range);
  return out;
}

/** Whether [start, end) lies inside one of `ranges` (a loop, not `some` with a closure per call). */
export function inside(ranges: readonly TextRange[], start: number, end: number): boolean {
  for (let i = 0; i < ranges.length; i++) if (start >= ranges[i]!.start && end <= ranges[i]!.end) return true;
  return false;
}

/**
 * Finds the entries in the report body, outside web-page junk and outside the
 * 《》 titles of other documents (a quoted title is cited as written, even when wrong).
 * Each paragraph is read through its line breaks (a web copy broken mid-word: `全\n面依法治国`),
 * and ranges point into the text.
 */
export function findStyleMatches(document: ReportDocument, compiled: readonly CompiledStyleEntry[]): StyleMatch[] {
  // Titles are collected only when there is a match (most lists match nowhere in a report).
  let titles: TextRange[] | undefined;
  const out: StyleMatch[] = [];
  const { bodyRange, junkRanges } = document;
  const any = ANY.get(compiled);
  const folds = foldsOf(document);
  for (let k = 0; k < document.paragraphs.length; k++) {
    const f = folds.paragraph(k);
    if (any && !any.test(f.text)) continue;
    for (let c = 0; c < compiled.length; c++) {
      const { entry, regex } = compiled[c]!;
      regex.lastIndex = 0;
      let m: RegExpExecArray | null;
      while ((m = regex.exec(f.text))) {
        if (m[0].length === 0) {
          regex.lastIndex++;
          continue;
        }
        const start = f.start(m.index);
        const end = f.end(m.index + m[0].length);
        if (start < bodyRange.start || end > bodyRange.end) continue;
        titles ??= bookTitleRanges(document);
        if (inside(junkRanges, start, end) || inside(titles, start, end)) continue;
        // Two literals, not a spread of a conditional one: no object made and copied per match.
        out.push(
          entry.correct !== undefined
            ? { entry, range: { start, end }, text: m[0], replacement: expand(entry.correct, m) }
            : { entry, range: { start, end }, text: m[0] },
        );
      }
    }
  }
  sortByStart(out);
  return out;
}

/**
 * Sorts matches by start, stably: the order `sort((a, b) => a.range.start - b.range.start)` gives.
 * A report's few matches (each entry's in text order) by insertion: the builtin made a work
 * list, and the comparator a closure, per call. Past 64, the builtin.
 */
function sortByStart(matches: StyleMatch[]): void {
  if (matches.length > 64) {
    matches.sort(byStart);
    return;
  }
  for (let i = 1; i < matches.length; i++) {
    const m = matches[i]!;
    const start = m.range.start;
    let j = i - 1;
    // Those starting after `m` move up one; those starting with it stay before it.
    for (; j >= 0 && matches[j]!.range.start > start; j--) matches[j + 1] = matches[j]!;
    matches[j + 1] = m;
  }
}

function byStart(a: StyleMatch, b: StyleMatch): number {
  return a.range.start - b.range.start;
}
