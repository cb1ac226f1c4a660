import type { ConceptId, ReportConcept } from '@fzlint/ontology';
import type { ReportDocument, Section } from '@fzlint/parser';
import { defineRule, type Fix, type SuggestionDescriptor } from '@fzlint/rule-api';
import {
  REQUIRED_CONCEPTS,
  chineseNumeral,
  partConcepts,
  underPlan,
  documentAnchor,
  findProse,
  flattenSections,
  numeralRange,
  planRanges,
  rectificationRanges,
  trimRange,
  type SectionEntry,
} from './outline.js';
import { literalPrecheck } from './required-literals.js';

/** Options of `structure/required-section`. */
export interface RequiredSectionOptions {
  /** The concepts to require; by default the four the regulation requires. */
  readonly concepts?: readonly ConceptId[];
}

type MessageId = 'missing' | 'proseOnly' | 'insertHeading';

/**
 * A content the regulation requires (主要举措和成效, 存在的不足和原因, 第一责任人职责情况,
 * 下一年度主要安排) missing from the whole report is an error; present only inside
 * a paragraph, without a heading of its own, it is worth an info.
 *
 * What counts as "a heading of its own": a heading whose own words name the
 * content, at any level (宽城区's `（一）党政主要负责人切实履行推进法治建设第一责任人职责`
 * inside 主要举措和成效 is one). A run-in item whose heading is something else
 * (`1. 压实工作责任。开发区党政主要负责人认真履行……第一责任人职责`) mentions the
 * content in its body: prose. Headings and prose inside the next-year plan do
 * not count for the other contents: they are intentions, not an account.
 */
export const rule = defineRule<MessageId, RequiredSectionOptions>({
  meta: {
    id: 'structure/required-section',
    family: 'structure',
    defaultSeverity: 'error',
    description: {
      'zh-CN': '年度报告须包含规定要求的各部分内容（举措和成效、不足和原因、第一责任人职责情况、下一年度安排）',
      en: 'The annual report must contain every content the regulation requires (measures and results, shortcomings and causes, the first-responsible-person duty, next year’s plan)',
    },
    fixable: false,
    scope: 'document',
    hasSuggestions: true,
    messages: {
      missing: {
        'zh-CN': '报告缺少“{{label}}”部分。《法治政府建设与责任落实督察工作规定》要求年度报告包括：{{wording}}。',
        en: 'The report has no “{{label}}” part. The regulation requires the annual report to include: {{wording}}.',
      },
      proseOnly: {
        'zh-CN': '“{{label}}”只在正文段落中出现，没有单独的标题。建议单列一部分，写明：{{wording}}。',
        en: '“{{label}}” appears only inside a paragraph, without a heading of its own. Consider a separate part on: {{wording}}.',
      },
      insertHeading: {
        'zh-CN': '插入标题“{{heading}}”',
        en: 'Insert the heading “{{heading}}”',
      },
    },
    optionsSchema: {
      type: 'object',
      properties: {
        concepts: {
          type: 'array',
          items: { enum: ['measures-and-results', 'shortcomings-and-causes', 'first-responsible-person', 'next-year-plan'] },
          uniqueItems: true,
        },
      },
      additionalProperties: false,
    },
    defaultOptions: {},
  },
  check(document, context) {
    const wanted = context.options.concepts;
    const required = wanted ? REQUIRED_CONCEPTS.filter((c) => wanted.includes(c.id)) : REQUIRED_CONCEPTS;
    // Nothing written yet is not a report missing its contents (the CLI reports empty files).
    if (required.length === 0 || document.sentences.length === 0) return;
    const entries = flattenSections(document);
    const plan = planRanges(entries);
    const locale = context.settings.locale;
    const coverage = headingCoverage(entries, required);
    for (const concept of required) {
      if (hasHeading(coverage, concept.id)) continue;
      const data = { label: concept.label[locale], wording: concept.regulationWording };
      // Last year's shortcomings being fixed are not this year's (see SectionEntry.rectification).
      const excluded = concept.id === 'next-year-plan' ? [] : concept.id === 'shortcomings-and-causes' ? [...plan, ...rectificationRanges(entries)] : plan;
      const prose = findProse(document, concept.id, excluded);
      if (prose) {
        context.report({
          messageId: 'proseOnly',
          data,
          severity: 'info',
          range: prose.clause,
        });
        continue;
      }
      const heading = skeletonInsertion(document, entries, concept, context.settings.reportYear);
      context.report({
        messageId: 'missing',
        data,
        range: documentAnchor(document),
        suggestions: [heading],
      });
    }
  },
});

export default rule;

// The ontology's skeletons carry the regulation's numbering (二、…); ours follows the neighbours.
const LEADING_NUMBERING = /^\s*(?:[一二三四五六七八九十]+[、．.]|[（(][一二三四五六七八九十]+[）)])\s*/u;

/** What the headings of a document introduce, read once for every required concept. */
interface HeadingCoverage {
  /** The concepts of the headings outside the plan (neither a plan section nor inside one). */
  readonly outsidePlan: ReadonlySet<ConceptId>;
  /** Whether some heading, anywhere, introduces the plan. */
  readonly plan: boolean;
  /** Whether some top-level section outside the plan introduces no content and has a body (see `hasHeading`). */
  readonly thematicTopLevel: boolean;
}

/**
 * Each heading's concepts (`headingConcepts`: its own, then its parts') read once, not once per
 * required concept, from the words and concept `flattenSections` read (not read from the title again).
 * The headings' own concepts first: the parts only add concepts (a heading's parts are tried with
 * every heading pattern of the ontology), so they are read only when the own concepts leave one of
 * the `required` concepts without a heading (most reports have a heading of its own for each).
 */
function headingCoverage(entries: readonly SectionEntry[], required: readonly ReportConcept[]): HeadingCoverage {
  const outsidePlan = new Set<ConceptId>();
  let plan = false;
  let thematicTopLevel = false;
  // Whether each entry lies in the plan (a plan section or below one), read in the first pass for the second.
  const inPlan: boolean[] = [];
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i]!;
    const own = e.headingConcept;
    if (own === 'next-year-plan') plan = true;
    const planned = e.effectiveConcept === 'next-year-plan' || underPlan(e);
    inPlan.push(planned);
    if (planned) continue;
    if (own !== undefined) outsidePlan.add(own);
    if (e.parent === undefined && e.concept === undefined && e.section.bodyRange.end > e.section.bodyRange.start) thematicTopLevel = true;
  }
  const coverage = { outsidePlan, plan, thematicTopLevel };
  let uncovered = '';
  for (let c = 0; c < required.length; c++) if (!hasHeading(coverage, required[c]!.id)) uncovered += `${required[c]!.id} `;
  if (uncovered === '') return coverage;
  // Only `hasHeading` of the required concepts is read, and those covered stay covered: a heading
  // whose words hold none of the literals the uncovered concepts' heading patterns need has no part
  // of those concepts (its parts are pieces of its words), and its parts are not split and classified.
  const mayName = headingPrecheck(uncovered, required);
  for (let i = 0; i < entries.length; i++) {
    if (!mayName(entries[i]!.words)) continue;
    const parts = partConcepts(entries[i]!.words);
    if (parts.length === 0) continue;
    if (parts.includes('next-year-plan')) plan = true;
    if (inPlan[i]) continue;
    for (let k = 0; k < parts.length; k++) outsidePlan.add(parts[k]!);
  }
  return { outsidePlan, plan, thematicTopLevel };
}

const HEADING_PRECHECKS = new Map<string, (text: string) => boolean>();

/**
 * A pre-check of the heading patterns of the required concepts named in `ids` (space-separated, as
 * `headingCoverage` lists them): false only for words none of those patterns can match. One per list.
 */
function headingPrecheck(ids: string, required: readonly ReportConcept[]): (text: string) => boolean {
  let check = HEADING_PRECHECKS.get(ids);
  if (!check) {
    const patterns: RegExp[] = [];
    for (const c of required) if (ids.includes(`${c.id} `)) patterns.push(...c.headingPatterns);
    HEADING_PRECHECKS.set(ids, (check = literalPrecheck(patterns)));
  }
  return check;
}

/**
 * Whether some heading introduces the concept. Headings inside the plan count only
 * for the plan. The results may also be laid out as thematic top-level sections
 * (`一、坚持党的领导，法治政府建设更加有力`, `二、依法全面履行政府职能`) with no
 * heading naming 举措和成效: a top-level section outside the plan that introduces
 * no other content, with a body, is that content.
 */
function hasHeading(coverage: HeadingCoverage, id: ConceptId): boolean {
  if (id === 'next-year-plan') return coverage.plan;
  return coverage.outsidePlan.has(id) || (id === 'measures-and-results' && coverage.thematicTopLevel);
}

/** Fills `{year}` / `{nextYear}` of a skeleton heading. */
function fillSkeleton(skeleton: string, reportYear: number | undefined): string {
  const year = reportYear !== undefined ? String(reportYear) : '';
  const next = reportYear !== undefined ? String(reportYear + 1) : '下一';
  return skeleton
    .replace(LEADING_NUMBERING, '')
    .replace(/\{year\}/g, year)
    .replace(/\{nextYear\}/g, next)
    .replace(/^年度?/u, '');
}

/**
 * Index of the top-level section a missing concept goes before (-1: after the last).
 * The results open the report; the retrospective contents (shortcomings, the
 * first-responsible-person duty) go before the plan; the plan goes before 其他.
 * Reports order the retrospective contents differently (桐乡 puts 第一责任人 second),
 * so they are not placed relative to each other.
 */
function insertionIndex(top: readonly SectionEntry[], id: ConceptId): number {
  if (id === 'measures-and-results') return top.length > 0 ? 0 : -1;
  const before: readonly ConceptId[] = id === 'next-year-plan' ? ['other'] : ['next-year-plan', 'other'];
  return top.findIndex((e) => e.concept !== undefined && before.includes(e.concept));
}

/** Start of the line holding `offset`. */
function lineStart(text: string, offset: number): number {
  const nl = text.lastIndexOf('\n', offset - 1);
  return nl < 0 ? 0 : nl + 1;
}

/**
 * The suggestion that inserts a skeleton heading for a missing concept where the
 * regulation's order puts it: before the first top-level section of a later
 * content, or after the last section. Its numbering follows the neighbours
 * (`## ` in Markdown, `三、` among Chinese-numbered sections, which are then renumbered).
 */
function skeletonInsertion(
  document: ReportDocument,
  entries: readonly SectionEntry[],
  concept: ReportConcept,
  reportYear: number | undefined,
): SuggestionDescriptor<MessageId> {
  const { text } = document;
  const top = entries.filter((e) => e.parent === undefined);
  const laterIndex = insertionIndex(top, concept.id);
  const title = fillSkeleton(concept.skeletonHeading, reportYear);

  const model: Section | undefined = (laterIndex >= 0 ? top[laterIndex] : top[top.length - 1])?.section;
  const numbering = model?.heading.numbering;
  const chineseNumbered = numbering?.kind === 'chinese' && top.every((e) => e.section.heading.numbering?.kind === 'chinese');
  const position = laterIndex >= 0 ? laterIndex : top.length;
  let prefix = '';
  if (model?.heading.markdownDepth !== undefined) prefix += `${'#'.repeat(model.heading.markdownDepth)} `;
  else if (document.format === 'markdown' && !numbering) prefix += '## ';
  if (chineseNumbered && numbering) prefix += `${chineseNumeral(position + 1)}${numbering.raw.slice(-1)}`;
  const heading = `${prefix}${title}`;

  const fixes: Fix[] = [];
  const inline = model?.heading.origin === 'inline';
  if (laterIndex >= 0 && model) {
    const at = inline ? model.heading.range.start : lineStart(text, model.heading.range.start);
    const separator = inline ? ' ' : blankLineStyle(text, at) ? '\n\n' : '\n';
    fixes.push({ range: { start: at, end: at }, text: `${heading}${separator}` });
    if (chineseNumbered) {
      for (let i = laterIndex; i < top.length; i++) {
        const n = top[i]!.section.heading.numbering;
        if (!n) continue;
        fixes.push({ range: numeralRange(text, n.range), text: chineseNumeral(i + 2) });
      }
    }
  } else {
    const end = model ? trimRange(text, model.range).end : trimRange(text, document.bodyRange).end;
    const separator = inline ? ' ' : blankLineStyle(text, lineStart(text, end)) ? '\n\n' : '\n';
    fixes.push({ range: { start: end, end }, text: `${separator}${heading}` });
  }
  return { messageId: 'insertHeading', data: { heading }, fix: fixes };
}

/** Whether paragraphs around `offset` are separated by blank lines. */
function blankLineStyle(text: string, offset: number): boolean {
  return offset >= 2 && text[offset - 1] === '\n' && /^\s*$/u.test(text.slice(lineStart(text, offset - 1), offset - 1));
}
