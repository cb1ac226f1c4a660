import { FAZHI_LEGITIMATE, wordingEntries, type WordingEntry } from '@fzlint/ontology';
import type { ReportDocument } from '@fzlint/parser';
import { defineRule, type Severity } from '@fzlint/rule-api';
import { earliestDay, formatIsoZh } from '../references/dates.js';
import { datesKnown } from '../references/judge.js';
import { referenceDates } from '../references/match.js';
import { expand, inside } from './scan.js';

type MessageId = 'wrong' | 'outdated' | 'useRight';

/** Options: extra records (same fields as the built-in ones) and built-in record ids to switch off. */
export interface WordingOptions {
  readonly extra?: readonly WordingEntry[];
  readonly disable?: readonly string[];
}

interface Compiled {
  readonly entry: WordingEntry;
  readonly regex: RegExp;
  readonly allow?: RegExp;
  /** Literal words one of which every match contains: the regex runs only on a text that has one. */
  readonly hints: readonly string[];
}

/**
 * The literal words a pattern's matches must contain: per top-level alternative, its
 * longest run of Han characters outside groups, classes and look-arounds (向(?:其)?上一级
 * 主管部门… → 上一级主管部门). Empty when an alternative has none (then the regex always runs).
 */
export function patternHints(pattern: string): string[] {
  let flat = pattern;
  // Drop character classes, then groups from the innermost out.
  flat = flat.replace(/\[(?:\\.|[^\]\\])*\]/gu, '\u0000');
  for (let guard = 0; guard < 20 && /\([^()]*\)/u.test(flat); guard++) flat = flat.replace(/\([^()]*\)/gu, '\u0000');
  const hints: string[] = [];
  for (const alternative of flat.split('|')) {
    // A character made optional (法治?, 依法*) is no part of a run every match holds.
    const runs = alternative.replace(/\\./gu, '\u0000').replace(/[\u3400-\u9fff](?=[?*{])/gu, '\u0000').match(/[\u3400-\u9fff]+/gu) ?? [];
    const longest = runs.reduce((a, b) => (b.length > a.length ? b : a), '');
    if (!longest) return [];
    hints.push(longest);
  }
  return hints;
}

function compile(entries: readonly WordingEntry[]): Compiled[] {
  return entries.map((entry) => ({
    entry,
    regex: new RegExp(entry.pattern, 'gu'),
    ...(entry.allow?.length ? { allow: new RegExp(entry.allow.join('|'), 'gu') } : {}),
    hints: patternHints(entry.pattern),
  }));
}

const BUILTIN = compile(wordingEntries);

/** One regular expression of every hint, and the hints each hint begins with. */
interface HintScan {
  readonly regex: RegExp;
  /**
   * For a hint that begins with other hints (司法局长 and 司法局, e.g. a config record's and a
   * built-in one), those shorter hints: the alternation tries the longer first, so the shorter
   * ones starting at the same place must be marked present with it.
   */
  readonly prefixes: ReadonlyMap<string, readonly string[]>;
}

const hintCache = new WeakMap<readonly Compiled[], HintScan | undefined>();

/** One regular expression of every hint: a single pass finds which records can match at all. */
function hintScan(compiled: readonly Compiled[]): HintScan | undefined {
  if (hintCache.has(compiled)) return hintCache.get(compiled);
  let hints = [...new Set(compiled.flatMap((c) => c.hints))];
  const prefixes = new Map<string, string[]>();
  for (const hint of hints) {
    const shorter = hints.filter((other) => other.length < hint.length && hint.startsWith(other));
    if (shorter.length) prefixes.set(hint, shorter);
  }
  // Longer first only where one hint begins another (no built-in hint does).
  if (prefixes.size) hints = hints.sort((a, b) => b.length - a.length);
  // Without the `u` flag: the hints are Han runs of the BMP (`patternHints`), matched alike without it, and
  // irregexp's scan without it is the cheaper one (no surrogate-pair handling at each place tried).
  const scan = hints.length
    ? { regex: new RegExp(hints.map((h) => h.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')).join('|'), 'g'), prefixes }
    : undefined;
  hintCache.set(compiled, scan);
  return scan;
}
const FAZHI_OK = new RegExp(FAZHI_LEGITIMATE.join('|'), 'u');
const extraCache = new WeakMap<readonly WordingEntry[], Compiled[]>();

const RANK: Record<Severity, number> = { info: 0, warn: 1, error: 2 };

/** Whether one of `hints` was found in the text (no closure per record and report). */
function anyPresent(hints: readonly string[], present: ReadonlySet<string>): boolean {
  for (let i = 0; i < hints.length; i++) if (present.has(hints[i]!)) return true;
  return false;
}

/**
 * Whether a match is inside another document's 《》 title: only the titles holding the match are
 * asked whether they are themselves a wrong name (most reports' dozen titles hold no match).
 */
function inOtherTitle(references: ReportDocument['references'], compiled: readonly Compiled[], start: number, end: number): boolean {
  for (let i = 0; i < references.length; i++) {
    const r = references[i]!;
    if (r.kind === 'book-title' && start >= r.range.start && end <= r.range.end && !isWholeTitleOf(r.inner, compiled)) return true;
  }
  return false;
}

/** Whether a legitimate use (an allow-list match) covers part of the match, within its clause. */
function allowed(allow: RegExp, text: string, start: number, end: number): boolean {
  let from = start;
  let to = end;
  for (let k = 0; k < 24 && from > 0 && !/[。；！？\n]/u.test(text[from - 1]!); k++) from--;
  for (let k = 0; k < 24 && to < text.length && !/[。；！？\n]/u.test(text[to]!); k++) to++;
  const window = text.slice(from, to);
  allow.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = allow.exec(window))) {
    if (m[0].length === 0) {
      allow.lastIndex++;
      continue;
    }
    const s = from + m.index;
    // Context words (海关, 备案审查) anywhere in the clause allow it; a longer legitimate phrase must overlap it.
    if (s < end && start < s + m[0].length) return true;
    if (!m[0].includes(text.slice(start, end)) && m[0].length <= 6) return true;
  }
  return false;
}

/** The first sentence of a reason, for a message. */
function brief(reason: string): string {
  const i = reason.search(/[。；]/u);
  return i > 0 ? reason.slice(0, i) : reason;
}

/**
 * Wrong and outdated wordings of the field, from the research's wording records
 * (`wordingEntries` in @fzlint/ontology): 法治审核 for 法制审核, 执法过程全记录 for
 * 执法全过程记录, the 2015 six-part goal of the law-based government after the 2021
 * 纲要, 《法制日报》 after it became 《法治日报》, 一府两院 after 2018, 向上一级主管部门申请
 * 行政复议 after 2024 … Each record's allow-list keeps its legitimate uses quiet
 * (社会主义法制的统一, 备案审查 of normative documents, vertically managed bodies), and
 * 法制 is never "corrected" where it is right (法制审核, 法制机构, 法制工作委员会).
 * A dated record is judged on the report dates: wrong before the report year began →
 * its severity; wrong only from inside the year → info; not yet wrong → nothing.
 * A fix only where the record is confirmed and its right form is one text; otherwise
 * a suggestion or just the right form in the message. Never inside another document's
 * 《》 title (cited as written).
 */
export const rule = defineRule<MessageId, WordingOptions>({
  meta: {
    id: 'style/wording',
    family: 'style',
    // The ceiling: each record has its own severity.
    defaultSeverity: 'error',
    description: {
      'zh-CN': '错误或过时的提法（以法律法规和规范性文件原文为准）',
      en: 'Wrong or outdated wording of the field (as the laws and documents write it)',
    },
    fixable: true,
    scope: 'document',
    hasSuggestions: true,
    messages: {
      wrong: {
        'zh-CN': '提法有误：「{{text}}」应为「{{right}}」（{{reason}}）',
        en: 'Wrong wording: “{{text}}” should be “{{right}}” ({{reasonEn}})',
      },
      outdated: {
        'zh-CN': '提法已过时：自{{since}}起应为「{{right}}」，而非「{{text}}」（{{reason}}）',
        en: 'Outdated wording: since {{since}} it is “{{right}}”, not “{{text}}” ({{reasonEn}})',
      },
      useRight: {
        'zh-CN': '改为「{{right}}」',
        en: 'Change to “{{right}}”',
      },
    },
    optionsSchema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        extra: {
          type: 'array',
          description: '补充的提法条目 / Extra wording records (fields of WordingEntry).',
          items: {
            type: 'object',
            required: ['id', 'pattern', 'right', 'severity', 'confidence', 'reason'],
            additionalProperties: false,
            properties: {
              id: { type: 'string', minLength: 1 },
              pattern: { type: 'string', minLength: 1 },
              right: { type: 'string' },
              replacement: { type: 'string' },
              allow: { type: 'array', items: { type: 'string' } },
              since: { type: 'string', pattern: '^\\d{4}(-\\d{2}(-\\d{2})?)?$' },
              severity: { enum: ['error', 'warn', 'info'] },
              confidence: { enum: ['confirmed', 'secondary', 'unconfirmed'] },
              reason: { type: 'string' },
              reasonEn: { type: 'string' },
              source: { type: 'string' },
              wrongExample: { type: 'string' },
              rightExample: { type: 'string' },
            },
          },
        },
        disable: { type: 'array', items: { type: 'string' }, description: '关闭的内置条目 id / Built-in record ids to switch off.' },
      },
    },
    defaultOptions: {},
  },
  check(document, context) {
    const { extra, disable } = context.options;
    let compiled = BUILTIN;
    if (extra?.length) {
      let more = extraCache.get(extra);
      if (!more) {
        more = [...BUILTIN, ...compile(extra)];
        extraCache.set(extra, more);
      }
      compiled = more;
    }
    // Most runs switch no record off: no Set for them.
    const off = disable?.length ? new Set(disable) : undefined;
    const dated = datesKnown(document, context.settings);
    const dates = referenceDates(context.settings);
    const yearStart = dates.reportYear * 10000 + 101;
    const yearEnd = dates.reportYear * 10000 + 1231;
    const { text, bodyRange, junkRanges } = document;
    // Which hints occur (one pass); a record whose hints are all absent cannot match.
    const present = new Set<string>();
    const scan = hintScan(compiled);
    if (scan) {
      const { regex: hintRe, prefixes } = scan;
      hintRe.lastIndex = 0;
      let h: RegExpExecArray | null;
      while ((h = hintRe.exec(text))) {
        present.add(h[0]);
        const shorter = prefixes.size ? prefixes.get(h[0]) : undefined;
        if (shorter) for (let k = 0; k < shorter.length; k++) present.add(shorter[k]!);
        // Overlapping hints: look again from the next character.
        hintRe.lastIndex = h.index + 1;
      }
    }
    const { references } = document;
    for (let c = 0; c < compiled.length; c++) {
      const { entry, regex, allow, hints } = compiled[c]!;
      if (off?.has(entry.id)) continue;
      // A literal every match contains, absent from the text: nothing to find (most records, most reports).
      if (hints.length > 0 && !anyPresent(hints, present)) continue;
      regex.lastIndex = 0;
      let m: RegExpExecArray | null;
      while ((m = regex.exec(text))) {
        if (m[0].length === 0) {
          regex.lastIndex++;
          continue;
        }
        const start = m.index;
        const end = start + m[0].length;
        if (start < bodyRange.start || end > bodyRange.end) continue;
        if (inside(junkRanges, start, end) || inOtherTitle(references, compiled, start, end)) continue;
        if (allow && allowed(allow, text, start, end)) continue;
        if (/法制/u.test(m[0]) && FAZHI_OK.test(m[0])) continue;
        let severity: Severity = entry.severity;
        let since: number | undefined;
        if (entry.since) {
          if (!dated) continue;
          since = earliestDay(entry.since);
          if (since === undefined || since > dates.writing) continue;
          if (since > yearEnd && !inPlan(document, start)) continue;
          if (since > yearStart && RANK[severity] > RANK.info) severity = 'info';
        }
        if (entry.confidence === 'unconfirmed') severity = 'info';
        const edit = entry.replacement !== undefined ? expand(entry.replacement, m) : undefined;
        // Only a confirmed record's edit is applied by --fix; another's is offered as a suggestion.
        const replacement = entry.confidence === 'confirmed' ? edit : undefined;
        const suggestion = edit !== undefined && replacement === undefined ? edit : undefined;
        context.report({
          messageId: entry.since ? 'outdated' : 'wrong',
          data: {
            text: m[0],
            right: entry.right,
            reason: brief(entry.reason),
            // A record from config may give its reason in Chinese only.
            reasonEn: entry.reasonEn ?? brief(entry.reason),
            since: entry.since ? formatIsoZh(entry.since) : '',
          },
          range: { start, end },
          severity,
          ...(replacement !== undefined ? { fix: { range: { start, end }, text: replacement } } : {}),
          ...(suggestion !== undefined
            ? { suggestions: [{ messageId: 'useRight' as const, data: { right: suggestion }, fix: { range: { start, end }, text: suggestion } }] }
            : {}),
        });
      }
    }
  },
});

const wholeCache = new WeakMap<WordingEntry, RegExp>();

/** A 《》 title that is itself a wrong name (《…督查工作规定》, 《法制日报》) is checked; other titles are cited as written. */
function isWholeTitleOf(inner: string, compiled: readonly Compiled[]): boolean {
  for (let i = 0; i < compiled.length; i++) {
    const c = compiled[i]!;
    // A title without one of the record's hints is no match of it: most records' whole-title
    // expressions are then never compiled (each compiled on first use, once per thread).
    if (c.hints.length > 0 && !holdsAny(inner, c.hints)) continue;
    let whole = wholeCache.get(c.entry);
    if (!whole) {
      whole = new RegExp(`^(?:${c.entry.pattern})$`, 'u');
      wholeCache.set(c.entry, whole);
    }
    if (whole.test(inner)) return true;
  }
  return false;
}

function holdsAny(text: string, words: readonly string[]): boolean {
  for (let i = 0; i < words.length; i++) if (text.includes(words[i]!)) return true;
  return false;
}

function inPlan(document: ReportDocument, offset: number): boolean {
  const visit = (sections: ReportDocument['sections']): boolean =>
    sections.some(
      (s) =>
        ((s.concept === 'next-year-plan' || s.heading.concept === 'next-year-plan') && offset >= s.range.start && offset < s.range.end) ||
        visit(s.children),
    );
  return visit(document.sections);
}

export default rule;
