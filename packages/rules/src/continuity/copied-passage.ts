import type { ReportDocument } from '@fzlint/parser';
import { defineRule } from '@fzlint/rule-api';
import { comparePassage, previousIndex } from './copies.js';
import { passagesOf, type Passage } from './passages.js';

/** Options of `continuity/copied-passage`. */
export interface CopiedPassageOptions {
  /** Share of a passage's own wording (0–1) that must repeat last year's report for a warning. */
  readonly threshold?: number;
  /** Passages with fewer characters of their own wording (boilerplate aside) are not judged. */
  readonly minLength?: number;
}

type MessageId = 'copied' | 'source';

/**
 * The similarity above which a passage is a copy (docs/rules/continuity/copied-passage.md
 * has the measurement): no passage of the corpus reached it against another issuer's
 * report, while copies with a fifth of their wording rewritten stay above it.
 */
export const DEFAULT_THRESHOLD = 0.5;

/** A passage with less wording of its own than this is too short to call a copy (a formula, one line). */
export const MIN_CONTENT = 40;

/**
 * Whether a passage of this year's report is judged: it lies in the body (after
 * the first heading, when the report has headings), and not in the 其他 part
 * (suggestions to higher levels are often restated on purpose).
 */
export function inScope(document: ReportDocument, passage: Passage): boolean {
  if (document.headings.length > 0 && passage.headingIndex < 0) return false;
  return passage.concept !== 'other';
}

function percent(x: number): string {
  return `${Math.round(x * 100)}%`;
}

/**
 * A passage of this year's report (measures, shortcomings, plan, the first
 * responsible person's duties) that repeats a passage of last year's report
 * nearly verbatim: years and figures typed over, wording kept. Compared by
 * 8-character windows of the normalised text (punctuation dropped, years and
 * numbers masked); wording every report shares — the regulation's phrases, the
 * guiding-thought formulae, phrases found in many unrelated reports — never counts.
 * Silent without last year's report.
 */
export const rule = defineRule<MessageId, CopiedPassageOptions>({
  meta: {
    id: 'continuity/copied-passage',
    family: 'continuity',
    defaultSeverity: 'warn',
    description: {
      'zh-CN': '本年度报告的段落不应照搬上年度报告（年份、数字改过而文字基本相同）',
      en: "A passage of this year's report should not repeat last year's report nearly verbatim (years and figures changed, wording kept)",
    },
    fixable: false,
    scope: 'document',
    messages: {
      copied: {
        'zh-CN':
          '这段文字与上年度报告第{{line}}行的段落基本相同（{{similarity}}的文字重复，年份和数字不计）。报告应写本年度的举措、成效、问题和安排，请据实改写。',
        en: "This passage repeats the passage at line {{line}} of last year's report nearly verbatim ({{similarity}} of its wording, years and figures aside). Report what this year brought.",
      },
      source: {
        'zh-CN': '上年度报告中的这段文字',
        en: "The passage in last year's report",
      },
    },
    optionsSchema: {
      type: 'object',
      properties: {
        threshold: { type: 'number', minimum: 0.3, maximum: 1 },
        minLength: { type: 'integer', minimum: 10 },
      },
      additionalProperties: false,
    },
    defaultOptions: {},
  },
  check(document, context) {
    const previous = context.previous;
    if (!previous) return;
    const threshold = context.options.threshold ?? DEFAULT_THRESHOLD;
    const minLength = context.options.minLength ?? MIN_CONTENT;
    const index = previousIndex(previous.document);
    if (index.postings.size === 0) return;
    for (const passage of passagesOf(document)) {
      if (!inScope(document, passage) || passage.norm.text.length < minLength) continue;
      const c = comparePassage(passage, index);
      if (c.contentChars < minLength || c.similarity < threshold || c.sources.length === 0) continue;
      const first = c.sources[0]!;
      context.report({
        messageId: 'copied',
        data: {
          line: previous.document.lineIndex.positionAt(first.range.start).line,
          similarity: percent(c.similarity),
        },
        range: passage.range,
        related: c.sources.map((s) => ({ in: 'previous' as const, range: s.range, messageId: 'source' as const })),
      });
    }
  },
});

export default rule;
