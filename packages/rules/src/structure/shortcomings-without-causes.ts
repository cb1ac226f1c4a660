import { causeVocabulary } from '@fzlint/ontology';
import type { TextRange } from '@fzlint/parser';
import { defineRule } from '@fzlint/rule-api';
import {
  conceptFor,
  conceptSections,
  findProse,
  flattenSections,
  planRanges,
  rectificationRanges,
  trimRange,
  wordsIn,
} from './outline.js';
import { literalPrecheck } from './required-literals.js';

/**
 * Whether a text may hold one of the cause words: false only when it holds none of the literals the
 * ontology's cause expressions cannot match without. A section without causes is then read once, not
 * once per expression.
 */
const mayHoldCause = literalPrecheck(causeVocabulary);

/** Options of `structure/shortcomings-without-causes`. */
export interface ShortcomingsWithoutCausesOptions {
  /** Extra regular-expression sources that count as a cause analysis (e.g. a house style's `问题根子`). */
  readonly causePatterns?: readonly string[];
}

type MessageId = 'noCauses';

const SENTENCE_MARK = /[。！？；!?;]/u;

/**
 * The regulation asks for 存在的不足和原因: the shortcomings AND their causes.
 * Where a report lists its shortcomings (under a heading, or in a closing
 * paragraph when it has no heading for them: 但也存在一些不足：…, 仍然面临一些困难和不足)
 * but nowhere in that part says why, this warns. A cause is a cause analysis
 * (原因, 究其原因, 根源在于 …) or a cause given with an item (因机构改革，…; 由于…;
 * …导致…; 受编制影响，…): the ontology's `causeVocabulary`.
 *
 * The part searched is the whole shortcomings section with its sub-sections and
 * headings (a `（二）原因分析` sub-heading is an analysis); for prose, from the
 * sentence introducing the shortcomings to the next heading. Words are read through
 * soft line breaks. An empty section lists nothing and is left alone; a section on
 * fixing last year's shortcomings (`2024年存在不足及整改情况` in a 2025 report) is
 * this year's work, not this year's shortcomings, and is not judged.
 */
export const rule = defineRule<MessageId, ShortcomingsWithoutCausesOptions>({
  meta: {
    id: 'structure/shortcomings-without-causes',
    family: 'structure',
    defaultSeverity: 'warn',
    description: {
      'zh-CN': '列出存在的不足时须分析原因（规定要求报告“存在的不足和原因”）',
      en: 'Shortcomings must come with an analysis of their causes (the regulation asks for “shortcomings and their causes”)',
    },
    fixable: false,
    scope: 'section',
    messages: {
      noCauses: {
        'zh-CN': '列出了存在的不足，但没有分析原因。规定要求报告“{{wording}}”，请补充原因分析（如“究其原因……”）。',
        en: 'Shortcomings are listed but their causes are not analysed. The regulation asks for “{{wording}}”; add the causes (e.g. 究其原因……).',
      },
    },
    optionsSchema: {
      type: 'object',
      properties: { causePatterns: { type: 'array', items: { type: 'string' } } },
      additionalProperties: false,
    },
    defaultOptions: {},
  },
  check(document, context) {
    const extra = compilePatterns(context.options.causePatterns);
    const hasCauses = (range: TextRange): boolean => {
      const words = wordsIn(document, range);
      return (mayHoldCause(words) && causeVocabulary.some((p) => p.test(words))) || extra.some((p) => p.test(words));
    };
    const wording = conceptFor('shortcomings-and-causes')?.regulationWording ?? '上一年度推进法治政府建设存在的不足和原因';
    const entries = flattenSections(document);
    const sections = conceptSections(entries, 'shortcomings-and-causes');
    for (const entry of sections) {
      const { section } = entry;
      const body = document.text.slice(section.bodyRange.start, section.range.end);
      const listsSomething = SENTENCE_MARK.test(body) || section.children.length > 0 || body.trim().length > 20;
      if (!listsSomething || hasCauses(section.range)) continue;
      context.report({
        messageId: 'noCauses',
        data: { wording },
        range: trimRange(document.text, section.heading.range),
      });
    }
    if (sections.length > 0) return;
    const prose = findProse(document, 'shortcomings-and-causes', [...planRanges(entries), ...rectificationRanges(entries)]);
    if (!prose) return;
    const next = document.headings.find((h) => h.range.start >= prose.sentence.range.end);
    const scope = { start: prose.sentence.range.start, end: next ? next.range.start : document.bodyRange.end };
    if (hasCauses(scope)) return;
    context.report({
      messageId: 'noCauses',
      data: { wording },
      range: prose.clause,
    });
  },
});

export default rule;

/** User patterns compiled, by the options' array (the same for every document of a run). */
const compiledPatterns = new WeakMap<readonly string[], RegExp[]>();

/** Compiles user patterns (once per options array); one that is not a valid regular expression is ignored rather than crashing the lint. */
function compilePatterns(sources: readonly string[] | undefined): RegExp[] {
  if (!sources) return [];
  let known = compiledPatterns.get(sources);
  if (!known) compiledPatterns.set(sources, (known = compileEach(sources)));
  return known;
}

function compileEach(sources: readonly string[]): RegExp[] {
  const out: RegExp[] = [];
  for (const source of sources) {
    try {
      out.push(new RegExp(source, 'u'));
    } catch {
      // Config validation reports it; linting goes on.
    }
  }
  return out;
}
