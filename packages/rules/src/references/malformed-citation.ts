import type { CatalogueEntry } from '@fzlint/ontology';
import { fold, type DocumentNumber, type Fold, type QuotedReference, type TextRange } from '@fzlint/parser';
import { defineRule, type Fix } from '@fzlint/rule-api';
import { adoptionYear, lawVersions, versionLabel } from '@fzlint/ontology';
import { displayName } from './judge.js';
import { analyzeReferences, isTitleKey, looseEntries } from './match.js';
import { analyzeVersions, type VersionCitation } from './versions.js';

type MessageId =
  | 'documentNumber'
  | 'yearRange'
  | 'inexactTitle'
  | 'didYouMean'
  | 'useCatalogueName'
  | 'versionNoSuchYear'
  | 'versionEffectiveYear'
  | 'versionWrongKind';

/** Two years run together (20212025) inside a title: the dash between them was lost. */
const RUN_TOGETHER = /(?<!\d)((?:19|20)\d{2})((?:19|20)\d{2})(?!\d)(年?)/gu;
/** A year range whose 年 was lost before the closing bracket: (2020—2025). */
const RANGE_WITHOUT_YEAR = /(?<!\d)((?:19|20)\d{2})([—–－\-~～至])((?:19|20)\d{2})(?=[)）])/gu;
/** A document number in brackets with neither year brackets nor 号: (开州委法20239). */
const BARE_DOC_NUMBER = /(?<=[（(])([\p{Script=Han}]{2,10}?[发字函办令委法])((?:19|20)\d{2})(\d{1,4})(?=[)）])/gu;

/** Five ASCII digits in a row: a bare document number's year and serial (searched in the document's text). */
const FIVE_DIGITS = /\d{5}/g;
/** `fiveDigits` before the first search (-1 is none found). */
const NOT_SEARCHED = -2;

/** The two rows of `distance`, reused (a title is compared with many spellings). */
let rowA = new Int32Array(64);
let rowB = new Int32Array(64);

/** Levenshtein distance, bounded: returns max+1 as soon as it is exceeded. */
function distance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const n = b.length;
  if (rowA.length <= n) {
    rowA = new Int32Array(n + 1);
    rowB = new Int32Array(n + 1);
  }
  let prev = rowA;
  let cur = rowB;
  for (let j = 0; j <= n; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    const unit = a.charCodeAt(i - 1);
    cur[0] = i;
    let rowMin = i;
    for (let j = 1; j <= n; j++) {
      const v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (unit === b.charCodeAt(j - 1) ? 0 : 1));
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    const t = prev;
    prev = cur;
    cur = t;
  }
  return prev[n]!;
}

/** Whether text[start, end) holds at least `n` ASCII digits (a year range needs eight, folded or not). */
function hasDigits(text: string, start: number, end: number, n: number): boolean {
  let count = 0;
  for (let k = start; k < end; k++) {
    const c = text.charCodeAt(k);
    if (c >= 0x30 && c <= 0x39 && ++count >= n) return true;
  }
  return false;
}

function plausibleRange(from: string, to: string): boolean {
  const a = Number(from);
  const b = Number(to);
  return b > a && b - a <= 15;
}

/**
 * A citation whose form is broken:
 * - a document number that is not 机关字〔YYYY〕N号 — the closing bracket lost so the
 *   year and serial run together (中发〔202133号), or no brackets and no 号 at all
 *   ((开州委法20239)); the fix rebuilds 中发〔2021〕33号;
 * - a title whose year range is broken: digits run together (2021 2025 → 20212025)
 *   or 年 lost ((2020—2025)); the fix inserts the dash (—) and 年. A range without 年
 *   is a warning only in the title of a catalogued document, whose written form is
 *   known; in a local document's title (《…规划（2021—2025）》) it is an info;
 * - a 《》 title the catalogue knows under a slightly different exact name
 *   (《法治政府建设与责任落实督察规定》) — an info with a suggestion, not a fix: a near
 *   match may be another document.
 * Round brackets around the year (长府发(2020)9号) and hyphens in ranges are left alone:
 * common, and the citation stays unambiguous.
 */
export const rule = defineRule<MessageId>({
  meta: {
    id: 'references/malformed-citation',
    family: 'references',
    defaultSeverity: 'warn',
    description: {
      'zh-CN': '文号或文件标题的格式残缺（年份与序号连写、缺括号、年份区间缺连接号或“年”）',
      en: 'A document number or title whose form is broken (year and serial run together, bracket missing, year range without dash or 年)',
    },
    fixable: true,
    scope: 'sentence',
    hasSuggestions: true,
    messages: {
      documentNumber: {
        'zh-CN': '文号「{{text}}」格式残缺，应为「{{fixed}}」（机关代字〔年份〕序号号）。',
        en: 'The document number “{{text}}” is malformed; it should read “{{fixed}}” (issuer〔year〕serial号).',
      },
      yearRange: {
        'zh-CN': '标题中的年份区间「{{text}}」残缺，应为「{{fixed}}」。',
        en: 'The year range “{{text}}” in the title is broken; it should read “{{fixed}}”.',
      },
      inexactTitle: {
        'zh-CN': '《{{text}}》与目录中的{{name}}名称不完全一致，请核对标题。',
        en: '《{{text}}》 does not match the catalogue’s exact title {{name}}; check the title.',
      },
      didYouMean: {
        'zh-CN': '《{{text}}》可能是{{name}}，标题有出入，请核对。',
        en: '《{{text}}》 is probably {{name}}; the title differs, check it.',
      },
      useCatalogueName: {
        'zh-CN': '改为《{{fixed}}》',
        en: 'Change to 《{{fixed}}》',
      },
      versionNoSuchYear: {
        'zh-CN': '「{{text}}」：{{name}}没有{{year}}年的版本（已知版本：{{versions}}），请核对年份。',
        en: '“{{text}}”: {{name}} has no version of {{year}} (known: {{versions}}); check the year.',
      },
      versionEffectiveYear: {
        'zh-CN': '「{{text}}」：{{year}}年是{{name}}该版本的施行年份，括注应写通过年份「{{fixed}}」。',
        en: '“{{text}}”: {{year}} is the year that version of {{name}} took effect; cite its adoption year, “{{fixed}}”.',
      },
      versionWrongKind: {
        'zh-CN': '「{{text}}」：{{name}}{{year}}年的修改是{{kind}}，应写作「{{fixed}}」（以修改决定方式修改的称“修正”，全面修改称“修订”）。',
        en: '“{{text}}”: the {{year}} change of {{name}} was a {{kindEn}}; write “{{fixed}}” (修正 = amended by decision, 修订 = revised).',
      },
    },
  },
  check(document, context) {
    const { references, titles, compiled } = analyzeReferences(document, context.settings);
    const reported: TextRange[] = [];
    const overlaps = (r: TextRange) => overlapsAny(reported, r);
    const report: Report = (messageId, range, data, fix, suggestion, severity) => {
      if (overlaps(range)) return;
      reported.push(range);
      context.report({
        messageId,
        data,
        range,
        ...(severity ? { severity } : {}),
        ...(fix ? { fix } : {}),
        ...(suggestion
          ? { suggestions: [{ messageId: 'useCatalogueName' as const, data: { fixed: suggestion.fixed }, fix: suggestion.fix }] }
          : {}),
      });
    };

    // Document numbers the parser saw with a lost bracket.
    lostBrackets(document.documentNumbers, report);
    // Most sentences hold no five digits in a row: one search of the document's text, its next
    // place kept from sentence to sentence, not a regular-expression call per sentence.
    const text = document.text;
    let fiveDigits = NOT_SEARCHED;
    const sentences = document.sentences;
    for (let i = 0; i < sentences.length; i++) {
      const sentence = sentences[i]!;
      const { start, end } = sentence.range;
      if (fiveDigits === NOT_SEARCHED || (fiveDigits >= 0 && fiveDigits < start)) {
        FIVE_DIGITS.lastIndex = start;
        fiveDigits = FIVE_DIGITS.exec(text)?.index ?? -1;
      }
      if (fiveDigits < 0 || fiveDigits + 5 > end) continue;
      BARE_DOC_NUMBER.lastIndex = 0;
      let m: RegExpExecArray | null;
      while ((m = BARE_DOC_NUMBER.exec(sentence.text))) {
        const start = sentence.range.start + m.index;
        const range = { start, end: start + m[0].length };
        const fixed = `${m[1]}〔${m[2]}〕${Number(m[3])}号`;
        report('documentNumber', range, { text: m[0], fixed }, { range, text: fixed });
      }
    }

    // Titles that name a catalogued document themselves (not one inside a local document's title).
    const catalogued = new Set<number>();
    // Titles that hold a reference (for the near misses below).
    const titlesWithReferences = new Set<number>();
    for (let i = 0; i < references.length; i++) {
      const r = references[i]!;
      if (!r.titleRange) continue;
      titlesWithReferences.add(r.titleRange.start);
      if (!r.inOtherTitle) catalogued.add(r.titleRange.start);
    }
    // Year ranges inside titles.
    titleYearRanges(document.text, document.references, catalogued, report);

    // Law versions named by a year that names no version, or with the wrong kind (修正 / 修订).
    const citations = analyzeVersions(document, context.settings).citations;
    for (let i = 0; i < citations.length; i++) {
      const c = citations[i]!;
      versionForm(c, (messageId, range, data, severity, fix) => {
        if (overlaps(range)) return;
        reported.push(range);
        context.report({ messageId, data, range, severity, ...(fix ? { fix } : {}) });
      });
    }

    // Titles the catalogue knows under a slightly different name.
    for (let i = 0; i < references.length; i++) {
      const ref = references[i]!;
      if (ref.via !== 'loose-title' || overlaps(ref.range)) continue;
      // “Check the title”: a near match is a hint, not a sure error.
      report('inexactTitle', ref.range, { text: ref.text, name: displayName(ref.entry) }, undefined, undefined, 'info');
    }
    for (let i = 0; i < titles.length; i++) {
      const { title, exact: key, loose } = titles[i]!;
      if (key.length < 10 || titlesWithReferences.has(title.innerRange.start) || overlaps(title.innerRange)) continue;
      if (isTitleKey(compiled, key) || looseEntries(compiled, loose)) continue;
      const match = nearestPolicy(key, compiled.titleKeys);
      if (!match) continue;
      const fixed = match.spelling;
      report(
        'didYouMean',
        title.innerRange,
        { text: title.inner, name: displayName(match.entry) },
        undefined,
        { fixed, fix: { range: title.innerRange, text: fixed } },
        'info',
      );
    }
  },
});

/** What `check`'s `report` takes. */
type Report = (
  messageId: MessageId,
  range: TextRange,
  data: Record<string, string>,
  fix?: Fix,
  suggestion?: { fixed: string; fix: Fix },
  severity?: 'info',
) => void;

/**
 * Reports the year ranges inside titles written without their dash or their 年. A function of
 * its own, called once per report: its loop's body past `hasDigits` first runs at the first title
 * with eight digits (the corpus's report 600 of 1,000), which deoptimised `check` there (its calls
 * had no type feedback) and left it unoptimised for the next ~300 reports.
 */
function titleYearRanges(text: string, quoted: readonly QuotedReference[], catalogued: ReadonlySet<number>, report: Report): void {
  for (let i = 0; i < quoted.length; i++) {
    const title = quoted[i]!;
    if (title.kind !== 'book-title') continue;
    // Both patterns below read two four-digit years: most titles hold no eight digits.
    if (!hasDigits(text, title.innerRange.start, title.innerRange.end, 8)) continue;
    // The title as it reads: a web copy may break it over lines (（\n2015-2020年）).
    // (No closure over `inner` for the ranges: one captured by the loop's body made V8 allocate
    // the body's context for every book title, ~0.47 MB per 200 corpus reports, before the test above.)
    const inner = fold(text, title.innerRange.start, title.innerRange.end);
    RUN_TOGETHER.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = RUN_TOGETHER.exec(inner.text))) {
      const from = m[1]!;
      const to = m[2]!;
      if (!plausibleRange(from, to)) continue;
      const fixed = `${from}—${to}年`;
      const range = foldedRange(inner, m.index, m[0].length);
      report('yearRange', range, { text: m[0], fixed }, { range, text: fixed });
    }
    RANGE_WITHOUT_YEAR.lastIndex = 0;
    while ((m = RANGE_WITHOUT_YEAR.exec(inner.text))) {
      if (!plausibleRange(m[1]!, m[3]!)) continue;
      const fixed = `${m[0]}年`;
      const range = foldedRange(inner, m.index, m[0].length);
      // Local documents often write their period without 年 (《…规划（2021—2025）》): only a
      // catalogued title is known to be written otherwise; for the rest this is a hint.
      const sure = catalogued.has(title.innerRange.start);
      report('yearRange', range, { text: m[0], fixed }, { range, text: fixed }, undefined, sure ? undefined : 'info');
    }
  }
}

/** The text range of `length` units at `index` of a folded text. */
function foldedRange(inner: Fold, index: number, length: number): TextRange {
  return { start: inner.start(index), end: inner.end(index + length) };
}

/**
 * Reports the document numbers the parser saw with a lost bracket. A function of its own: the
 * list is an empty literal (its elements a small-integer kind) in most reports and a list of
 * objects in the others, and `check`, optimised after ~380 corpus reports none of which held a
 * document number, deoptimised ("wrong map", the list's `length`) at the first that did, and was
 * not optimised again in the next 600 reports. Here the two kinds meet in a small function.
 */
function lostBrackets(
  documentNumbers: readonly DocumentNumber[],
  report: Report,
): void {
  for (let i = 0; i < documentNumbers.length; i++) {
    const dn = documentNumbers[i]!;
    if (dn.wellFormed || dn.year === undefined || dn.serial === undefined) continue;
    const fixed = `${dn.prefix}〔${dn.year}〕${dn.serial}号`;
    report('documentNumber', dn.range, { text: dn.raw, fixed }, { range: dn.range, text: fixed });
  }
}

const KIND_EN: Readonly<Record<string, string>> = { 修正: 'amendment by decision (修正)', 修订: 'revision (修订)', 制定: 'first enactment (制定)' };

/**
 * A version citation whose year or kind names no version of the law (w-banben-nianfen):
 * the effective year written for the adoption year (《行政复议法》（2024年修订）→ 2023年修订),
 * 修正 for a 修订 or the reverse, or a year with no version at all. The first two get a
 * fix where the version meant is confirmed; a year with no version is a warning only when
 * the research lists every version of that law, info otherwise.
 */
function versionForm(
  c: VersionCitation,
  report: (messageId: MessageId, range: TextRange, data: Record<string, string>, severity: 'info' | 'warn', fix?: Fix) => void,
): void {
  if (!c.problem || c.year === undefined || c.form === 'new') return;
  const name = displayName(c.entry);
  const text = `${c.ref.text}${c.form === 'year-before' ? '' : c.versionText}`;
  const range = c.labelRange ?? c.versionRange;
  if (c.problem === 'no-such-version') {
    const versions = lawVersions(c.entry)
      .map((v) => versionLabel(v) || `${adoptionYear(v) ?? '?'}年${v.kind}`)
      .join('、');
    const sureList = c.entry.versionsComplete !== false && c.entry.versions!.every((v) => v.kind === '废止' || v.confidence === 'confirmed');
    report('versionNoSuchYear', range, { text, name, year: String(c.year), versions }, sureList ? 'warn' : 'info');
    return;
  }
  const v = c.version!;
  const label = versionLabel(v);
  const fixed = c.form === 'edition' ? `${adoptionYear(v)}年版` : label;
  const sure = v.confidence === 'confirmed' && label !== '';
  if (c.problem === 'effective-year') {
    report('versionEffectiveYear', range, { text, name, year: String(c.year), fixed }, sure ? 'warn' : 'info', sure && c.labelRange ? { range: c.labelRange, text: fixed } : undefined);
    return;
  }
  // Wrong kind: the first enactment has no kind to write; only 修正 ↔ 修订 is fixed.
  if (c.form === 'edition' || c.kindWord === undefined || v.kind === '制定') return;
  report(
    'versionWrongKind',
    range,
    { text, name, year: String(c.year), kind: v.kind, kindEn: KIND_EN[v.kind] ?? v.kind, fixed: label || `${c.year}年` },
    sure ? 'warn' : 'info',
    sure && c.labelRange ? { range: c.labelRange, text: label } : undefined,
  );
}

/** Whether `r` overlaps one of `ranges`: a loop, not `some` with a closure made per title and finding. */
function overlapsAny(ranges: readonly TextRange[], r: TextRange): boolean {
  for (let i = 0; i < ranges.length; i++) {
    const x = ranges[i]!;
    if (r.start < x.end && x.start < r.end) return true;
  }
  return false;
}

interface PolicySpelling {
  readonly spelling: string;
  readonly digits: string;
  readonly entry: CatalogueEntry;
  /** Place in the catalogue's order: the first near miss in that order wins. */
  readonly order: number;
}

/** Policy spellings by their digits, then by their length: a title is compared only with spellings it can be near. */
type PolicyIndex = ReadonlyMap<string, ReadonlyMap<number, readonly PolicySpelling[]>>;

const policyCache = new WeakMap<ReadonlyMap<string, CatalogueEntry[]>, PolicyIndex>();

/** The policy spellings a title may be a near miss of (10+ characters), indexed once per compiled catalogue. */
function policySpellings(titleKeys: ReadonlyMap<string, CatalogueEntry[]>): PolicyIndex {
  let index = policyCache.get(titleKeys);
  if (!index) {
    const byDigits = new Map<string, Map<number, PolicySpelling[]>>();
    let order = 0;
    for (const [spelling, entries] of titleKeys) {
      if (spelling.length < 10 || entries[0]?.kind !== 'policy') continue;
      const p: PolicySpelling = { spelling, digits: digitsOf(spelling), entry: entries[0], order: order++ };
      let byLength = byDigits.get(p.digits);
      if (!byLength) byDigits.set(p.digits, (byLength = new Map()));
      const list = byLength.get(spelling.length);
      if (list) list.push(p);
      else byLength.set(spelling.length, [p]);
    }
    index = byDigits;
    policyCache.set(titleKeys, index);
  }
  return index;
}

/** The ASCII digits of `text` in order (`text.replace(/\D/gu, '')` without a regular expression: most titles hold none); the key of `policySpellings`' index and of its look-ups. */
function digitsOf(text: string): string {
  let first = 0;
  while (first < text.length && !isDigit(text.charCodeAt(first))) first++;
  if (first === text.length) return '';
  let digits = '';
  for (let i = first; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (isDigit(c)) digits += text[i]!;
  }
  return digits;
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

/**
 * `key` cut into `max + 1` consecutive pieces of near-equal length (the pigeonhole filter of
 * `sharesPiece`).
 */
export function keyPieces(key: string, max: number): string[] {
  const n = max + 1;
  // Made at its length (two or three pieces), not grown by `push` (a first push gives room for 17).
  const pieces = new Array<string>(n);
  for (let k = 0; k < n; k++) pieces[k] = key.slice(Math.floor((k * key.length) / n), Math.floor(((k + 1) * key.length) / n));
  return pieces;
}

/**
 * Whether some piece of a key (`keyPieces(key, max)`) occurs in `spelling`: false means the
 * edit distance of key and spelling exceeds `max`, so the distance need not be computed. Sound
 * (pigeonhole): an alignment of at most `max` edits touches at most `max` of the `max + 1`
 * disjoint pieces (a substitution or deletion falls inside one piece; an insertion is inside
 * one piece or between two, touching none), so one piece is matched unit for unit to a run of
 * `spelling` and occurs in it as a substring. A piece cannot be empty here (titles of 10+ units,
 * at most 3 pieces); an empty one would occur anywhere, which is still sound.
 */
export function sharesPiece(pieces: readonly string[], spelling: string): boolean {
  for (let k = 0; k < pieces.length; k++) if (spelling.includes(pieces[k]!)) return true;
  return false;
}

/**
 * The policy title within edit distance 2 (1 for short titles) that differs in words, not digits:
 * the first in catalogue order. Only spellings with the same digits and a length within the
 * distance can be that near, so only those are compared, however big the catalogue.
 */
function nearestPolicy(
  key: string,
  titleKeys: ReadonlyMap<string, CatalogueEntry[]>,
): { entry: CatalogueEntry; spelling: string } | undefined {
  const max = key.length >= 14 ? 2 : 1;
  const byLength = policySpellings(titleKeys).get(digitsOf(key));
  if (!byLength) return undefined;
  let best: PolicySpelling | undefined;
  let pieces: readonly string[] | undefined;
  for (let length = key.length - max; length <= key.length + max; length++) {
    const spellings = byLength.get(length);
    if (!spellings) continue;
    for (let i = 0; i < spellings.length; i++) {
      const p = spellings[i]!;
      // Lists are in catalogue order: past the best so far, nothing earlier is left in this list.
      if (best && p.order > best.order) break;
      pieces ??= keyPieces(key, max);
      if (sharesPiece(pieces, p.spelling) && distance(key, p.spelling, max) <= max) {
        best = p;
        break;
      }
    }
  }
  return best ? { entry: best.entry, spelling: best.entry.name.replace(/^《([^》]+)》.*$/u, '$1') } : undefined;
}

export default rule;
