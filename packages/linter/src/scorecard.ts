/**
 * The scorecard: how third-party evaluators of these reports read them. Each
 * criterion is built from the parse (sections, sentences, dates), the figures
 * ledger of `@fzlint/rules` (the data criterion) and the structure rules'
 * findings, and keeps the evidence behind its score.
 * The criteria and their points are documented in docs/scorecard.md. No file
 * system: `fzlint score` and the web workbench compute it the same way.
 */
import { toSourcePosition, type SourceMap } from '@fzlint/input';
import { conceptById, concepts, type ConceptId } from '@fzlint/ontology';
import type { CalendarDate, ReportDocument, Section, TextRange } from '@fzlint/parser';
import type { Diagnostic, Locale } from '@fzlint/rule-api';
import { displayWidth, padEndDisplay } from '@fzlint/rule-api/width';
import { figureLedger, type FigurePlace } from '@fzlint/rules';
import type { FzlintConfig, LintResult, RuleConfigEntry } from './types.js';

/** The criteria, in the order of the table. */
export const CRITERIA = ['completeness', 'causes', 'data', 'plan', 'timeliness'] as const;

/** A criterion id. */
export type CriterionId = (typeof CRITERIA)[number];

/** How a criterion came out. */
export type Verdict = 'pass' | 'partial' | 'fail' | 'unknown';

/** One piece of evidence behind a score. */
export interface ScoreFinding {
  /** What was found, in the run's locale. */
  readonly message: string;
  /** Line (or paragraph, for `.docx`/`.html`) where it is. */
  readonly line?: number;
  /** The rule whose finding this is, when it is one. */
  readonly ruleId?: string;
  /** The text it is about (a heading, a sentence, a figure), shortened. */
  readonly text?: string;
  /** Whether this evidence counts for (true) or against (false) the report. */
  readonly ok: boolean;
}

/** One criterion's result. */
export interface CriterionScore {
  readonly id: CriterionId;
  /** 0–100, or null when it cannot be judged (no date stated). */
  readonly score: number | null;
  readonly verdict: Verdict;
  readonly findings: readonly ScoreFinding[];
}

/** Figures per section, for the data criterion. */
export interface SectionFigures {
  readonly heading: string;
  readonly line: number;
  readonly concept?: ConceptId;
  readonly figures: number;
}

/**
 * What comparing the report with last year's found (the `continuity/` rules): present
 * only when last year's report is known, and not part of the overall score.
 */
export interface ContinuityLine {
  /** Last year's report, as the card names it. */
  readonly previous: string;
  /** Passages copied from last year's report nearly verbatim (`continuity/copied-passage`). */
  readonly copiedPassages: number;
  /** Shortcomings that repeat last year's (`continuity/repeated-shortcomings`). */
  readonly repeatedShortcomings: number;
  /** Items of last year's plan this report does not report on (`continuity/plan-not-reported`). */
  readonly planItemsNotReported: number;
  /** Last year's figures given differently from last year's report (`continuity/restated-figure`). */
  readonly restatedFigures: number;
  /** The findings behind the counts. */
  readonly findings: readonly ScoreFinding[];
}

/** A report's scorecard. */
export interface Scorecard {
  readonly filePath: string;
  /** `line` for Markdown and text; `paragraph` for converted Word and web input. */
  readonly positionUnit: 'line' | 'paragraph';
  readonly reportYear: number | null;
  /** Mean of the criteria that could be judged, rounded. */
  readonly overall: number | null;
  readonly criteria: Readonly<Record<CriterionId, CriterionScore>>;
  /** Concrete figures per top-level section (the preamble counted as its own part). */
  readonly figuresBySection: readonly SectionFigures[];
  /** The continuity line, when last year's report was known (absent otherwise, not zero). */
  readonly continuity?: ContinuityLine;
}

/** What the scorecard is computed from. */
export interface ScoreInput {
  readonly filePath: string;
  readonly document: ReportDocument;
  /** The lint findings (the structure rules must have run). */
  readonly diagnostics: readonly Diagnostic[];
  readonly locale: Locale;
  /** Maps an offset to the line (or paragraph) shown to the user. */
  readonly lineAt: (offset: number) => number;
  readonly positionUnit: 'line' | 'paragraph';
  /** Last year's report (as the card names it) the findings were computed with; without it, no continuity line. */
  readonly previous?: string;
}

/** The contents the regulation requires, in its order (from the ontology). */
export const REQUIRED: readonly ConceptId[] = concepts.filter((c) => c.required).map((c) => c.id);

/** A required content's concept id. */
export type RequiredConcept = ConceptId;

/** Points of a required content with a section of its own, or only found in prose. */
const SECTION_POINTS = 25;
const PROSE_POINTS = 15;
/** This many concrete figures in the report give the full data score. */
export const FULL_DATA_FIGURES = 20;

/**
 * Where a figure of the ledger counts as data: the body and the next-year plan (its
 * targets are concrete too); not headings, the title, 《》 titles or web-page text.
 */
const DATA_PLACES: ReadonlySet<FigurePlace> = new Set<FigurePlace>(['body', 'plan']);

// Evidence of a cause analysis (the verdict itself is the rule's).
const CAUSE_WORDS = /究其原因|原因(?:分析|主要|在于|是)|主要原因|深层次原因|根源在于|客观上|主观上|由于|归因于/;
/** An owner named for a plan item: 牵头单位：…, 由县司法局负责, 县司法局牵头. */
const OWNER =
  /(?:牵头单位|责任单位|责任部门|主责单位|主责部门|配合单位|责任人)\s*[:：]\s*[^，。；,;）)]{1,30}|由[^，。；]{1,24}?(?:负责|牵头|承担|落实)|[\u4e00-\u9fa5]{1,12}(?:局|委|办|厅|院|所|中心|部|政府|办公室)(?:牵头|负责|具体负责)/;
/**
 * A deadline for a plan item: 6月底前, 年底前, 第三季度, 9月30日前, 年内完成. Not 时限 or
 * 限期 alone: those name a service's processing time (办理时限) as often as a date.
 */
const DEADLINE =
  /(?:[0-9０-９]{1,2}|[一二三四五六七八九十]{1,3})\s*月(?:底|末|中旬|上旬|下旬|份)?(?:前|之前|以前|完成)|(?:[0-9０-９]{1,2}|[一二三四五六七八九十]{1,3})\s*月\s*[0-9０-９]{1,2}\s*日(?:前|之前)|年底前|年底(?:完成|实现)|年末前|(?:今|本)年内|年内(?:完成|实现|出台|建成)|(?:上|下)半年|第[一二三四1-4]季度|季度末/;
const ITEM_CHARS = 60;

function label(locale: Locale, zh: string, en: string): string {
  return locale === 'en' ? en : zh;
}

function shorten(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > ITEM_CHARS ? `${flat.slice(0, ITEM_CHARS)}…` : flat;
}

function flatten(sections: readonly Section[], out: Section[] = []): Section[] {
  for (const s of sections) {
    out.push(s);
    flatten(s.children, out);
  }
  return out;
}

function conceptOf(section: Section): ConceptId | undefined {
  return section.concept ?? section.heading.concept;
}

function inside(range: TextRange, outer: TextRange): boolean {
  return range.start >= outer.start && range.end <= outer.end;
}

function compareDates(a: CalendarDate, b: CalendarDate): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

function isoDate(d: CalendarDate): string {
  return `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
}

/** Which required content a `structure/required-section` finding is about (its `label` data names it). */
function conceptOfFinding(d: Diagnostic): RequiredConcept | undefined {
  const named = d.data?.['label'];
  return REQUIRED.find((c) => conceptById[c].label['zh-CN'] === named || conceptById[c].label.en === named);
}

function completeness(input: ScoreInput, sections: readonly Section[]): CriterionScore {
  const { locale, lineAt } = input;
  const findings: ScoreFinding[] = [];
  let score = 0;
  const required = input.diagnostics.filter((d) => d.ruleId === 'structure/required-section');
  for (const concept of REQUIRED) {
    const name = conceptById[concept].label[locale];
    const about = required.filter((d) => conceptOfFinding(d) === concept);
    const missing = about.find((d) => d.messageId === 'missing');
    const prose = about.find((d) => d.messageId === 'proseOnly');
    if (missing) {
      findings.push({ message: missing.message, ruleId: missing.ruleId, line: lineAt(missing.range.start), ok: false });
      continue;
    }
    if (prose) {
      score += PROSE_POINTS;
      findings.push({
        message: label(locale, `“${name}”只在正文中出现，没有单独成节（${PROSE_POINTS}分）`, `“${name}” is only in prose, without a section (${PROSE_POINTS} points)`),
        ruleId: prose.ruleId,
        line: lineAt(prose.range.start),
        text: shorten(input.document.text.slice(prose.range.start, prose.range.end)),
        ok: true,
      });
      continue;
    }
    score += SECTION_POINTS;
    const section = sections.find((s) => conceptOf(s) === concept);
    findings.push(
      section
        ? {
            message: label(locale, `“${name}”单独成节（${SECTION_POINTS}分）`, `“${name}” has its own section (${SECTION_POINTS} points)`),
            line: lineAt(section.heading.range.start),
            text: shorten(section.heading.text),
            ok: true,
          }
        : {
            message: label(
              locale,
              `“${name}”按主题分节叙述（${SECTION_POINTS}分）`,
              `“${name}” is laid out as thematic sections (${SECTION_POINTS} points)`,
            ),
            ok: true,
          },
    );
  }
  const verdict: Verdict = score === SECTION_POINTS * REQUIRED.length ? 'pass' : score === 0 ? 'fail' : 'partial';
  return { id: 'completeness', score, verdict, findings };
}

function causes(input: ScoreInput, sections: readonly Section[]): CriterionScore {
  const { locale, lineAt, document } = input;
  const noCauses = input.diagnostics.filter((d) => d.ruleId === 'structure/shortcomings-without-causes');
  if (noCauses.length > 0) {
    return {
      id: 'causes',
      score: 0,
      verdict: 'fail',
      findings: noCauses.map((d) => ({ message: d.message, ruleId: d.ruleId, line: lineAt(d.range.start), text: shorten(document.text.slice(d.range.start, d.range.end)), ok: false })),
    };
  }
  const missing = input.diagnostics.some(
    (d) => d.ruleId === 'structure/required-section' && d.messageId === 'missing' && conceptOfFinding(d) === 'shortcomings-and-causes',
  );
  if (missing) {
    return {
      id: 'causes',
      score: 0,
      verdict: 'fail',
      findings: [{ message: label(locale, '报告没有写存在的不足，也就没有原因分析', 'The report states no shortcomings, so no causes are analysed'), ok: false }],
    };
  }
  // Evidence: the first sentence that analyses causes, in the shortcomings part when it has one.
  const scopes = sections.filter((s) => conceptOf(s) === 'shortcomings-and-causes').map((s) => s.range);
  const sentence = document.sentences.find(
    (s) => (scopes.length === 0 || scopes.some((r) => inside(s.range, r))) && CAUSE_WORDS.test(s.text),
  );
  return {
    id: 'causes',
    score: 100,
    verdict: 'pass',
    findings: [
      sentence
        ? { message: label(locale, '分析了不足的原因', 'The causes of the shortcomings are analysed'), line: lineAt(sentence.range.start), text: shorten(sentence.text), ok: true }
        : { message: label(locale, '分析了不足的原因', 'The causes of the shortcomings are analysed'), ok: true },
    ],
  };
}

/** A concrete figure: a statement of the figures ledger, or a money amount. */
interface DataFigure {
  readonly range: TextRange;
  readonly text: string;
}

/**
 * The report's concrete figures: every count, rate and stated change of the figures
 * ledger (which leaves out years, dates, document numbers, 12345-style numbers and
 * ordinals) in the body or the plan, once per number (办结率、答复率均为100%: one
 * figure), and money amounts (120万元), which the ledger does not read (no statistics
 * rule pairs them) but which are data on what was spent. Text order.
 */
function dataFigures(document: ReportDocument): DataFigure[] {
  const out: DataFigure[] = [];
  const numbersSeen = new Set<number>();
  for (const s of figureLedger(document).statements) {
    if (!DATA_PLACES.has(s.place)) continue;
    const at = s.change ? s.change.number.range.start : s.range.start;
    if (numbersSeen.has(at)) continue;
    numbersSeen.add(at);
    out.push({ range: s.range, text: s.text.trim() });
  }
  const { bodyRange, junkRanges, headings, references } = document;
  const citations = references.filter((r) => r.kind === 'book-title').map((r) => r.range);
  for (const n of document.numbers) {
    if (n.kind !== 'money' || !inside(n.range, bodyRange) || numbersSeen.has(n.range.start)) continue;
    if (junkRanges.some((r) => inside(n.range, r)) || headings.some((h) => inside(n.range, h.range)) || citations.some((r) => inside(n.range, r))) continue;
    out.push({ range: n.range, text: n.raw.trim() });
  }
  return out.sort((a, b) => a.range.start - b.range.start);
}

function data(input: ScoreInput, top: readonly Section[]): { score: CriterionScore; bySection: SectionFigures[] } {
  const { locale, lineAt, document } = input;
  const concrete = dataFigures(document);
  const bySection: SectionFigures[] = [];
  const firstStart = top[0]?.range.start ?? document.bodyRange.end;
  const preamble = concrete.filter((n) => n.range.start < firstStart).length;
  if (preamble > 0) {
    bySection.push({ heading: label(locale, '（前言）', '(preamble)'), line: lineAt(document.bodyRange.start), figures: preamble });
  }
  for (const s of top) {
    const count = concrete.filter((n) => inside(n.range, s.range)).length;
    const concept = conceptOf(s);
    bySection.push({ heading: shorten(s.heading.text), line: lineAt(s.heading.range.start), ...(concept ? { concept } : {}), figures: count });
  }
  const total = concrete.length;
  const score = Math.min(100, Math.round((100 * total) / FULL_DATA_FIGURES));
  const findings: ScoreFinding[] = [
    {
      message: label(
        locale,
        `全文具体数据 ${total} 个（${FULL_DATA_FIGURES} 个及以上为满分）`,
        `${total} concrete figures in the report (${FULL_DATA_FIGURES} or more score 100)`,
      ),
      ok: total >= FULL_DATA_FIGURES,
    },
  ];
  for (const s of bySection) {
    findings.push({
      message: label(locale, `${s.heading}：${s.figures} 个数据`, `${s.heading}: ${s.figures} figure${s.figures === 1 ? '' : 's'}`),
      line: s.line,
      ok: s.figures > 0,
    });
  }
  const examples = concrete.slice(0, 5).map((n) => n.text);
  if (examples.length > 0) {
    findings.push({ message: label(locale, `例如：${examples.join('、')}`, `e.g. ${examples.join(', ')}`), ok: true });
  }
  const verdict: Verdict = score >= 100 ? 'pass' : score === 0 ? 'fail' : 'partial';
  return { score: { id: 'data', score, verdict, findings }, bySection };
}

function plan(input: ScoreInput, all: readonly Section[]): CriterionScore {
  const { locale, lineAt, document } = input;
  // The outermost plan sections (a plan's sub-sections are its items, not other plans).
  const plans = all.filter((s) => conceptOf(s) === 'next-year-plan').filter((s, _, list) => !list.some((o) => o !== s && inside(s.range, o.range)));
  if (plans.length === 0) {
    return {
      id: 'plan',
      score: 0,
      verdict: 'fail',
      findings: [{ message: label(locale, '没有单独的下一年度安排部分', 'No section for next year’s plan'), ok: false }],
    };
  }
  // Items: the plan's sub-sections when it has them, else its sentences.
  const items: { range: TextRange; text: string }[] = [];
  for (const p of plans) {
    if (p.children.length > 0) {
      for (const c of p.children) items.push({ range: c.range, text: c.heading.text });
    } else {
      for (const s of document.sentences) {
        if (inside(s.range, p.range) && !inside(s.range, p.heading.range) && s.text.trim().length > 1) items.push({ range: s.range, text: s.text });
      }
    }
  }
  if (items.length === 0) {
    return {
      id: 'plan',
      score: 0,
      verdict: 'fail',
      findings: [{ message: label(locale, '下一年度安排部分没有内容', 'The next-year plan section is empty'), line: lineAt((plans[0] as Section).range.start), ok: false }],
    };
  }
  const findings: ScoreFinding[] = [];
  let concrete = 0;
  for (const item of items) {
    const text = document.text.slice(item.range.start, item.range.end);
    const owner = OWNER.exec(text)?.[0];
    const deadline = DEADLINE.exec(text)?.[0];
    const ok = owner !== undefined || deadline !== undefined;
    if (ok) concrete++;
    const what = [
      ...(owner !== undefined ? [label(locale, `责任主体“${owner}”`, `owner “${owner}”`)] : []),
      ...(deadline !== undefined ? [label(locale, `时限“${deadline}”`, `deadline “${deadline}”`)] : []),
    ];
    findings.push({
      message: ok
        ? label(locale, `有${what.join('、')}`, `has ${what.join(', ')}`)
        : label(locale, '没有责任主体或完成时限', 'no owner and no deadline'),
      line: lineAt(item.range.start),
      text: shorten(item.text),
      ok,
    });
  }
  const score = Math.round((100 * concrete) / items.length);
  findings.unshift({
    message: label(
      locale,
      `${items.length} 项安排中 ${concrete} 项写明责任主体或完成时限`,
      `${concrete} of ${items.length} plan items name an owner or a deadline`,
    ),
    ok: concrete === items.length,
  });
  const verdict: Verdict = score >= 100 ? 'pass' : score === 0 ? 'fail' : 'partial';
  return { id: 'plan', score, verdict, findings };
}

function timeliness(input: ScoreInput): CriterionScore {
  const { locale, lineAt, document } = input;
  const year = document.reportYear?.value;
  const stated = document.publicationDate ?? (!document.writingDate || document.writingDate.assumed || document.writingDate.source === 'option' ? undefined : document.writingDate);
  if (year === undefined || stated === undefined) {
    return {
      id: 'timeliness',
      score: null,
      verdict: 'unknown',
      findings: [
        {
          message:
            year === undefined
              ? label(locale, '报告年度不明，无法判断（可用 --report-year 指定）', 'The report year is unknown (give --report-year)')
              : label(locale, '正文和网页元数据都没有写明落款或发布日期', 'Neither the text nor page metadata states a signature or publication date'),
          ok: false,
        },
      ],
    };
  }
  const deadline: CalendarDate = { year: year + 1, month: 4, day: 1 };
  const kind = stated === document.publicationDate ? label(locale, '发布日期', 'publication date') : label(locale, '落款日期', 'signature date');
  const late = input.diagnostics.filter((d) => d.ruleId === 'structure/disclosure-deadline');
  const dateFinding: ScoreFinding = {
    message: label(
      locale,
      `${kind} ${isoDate(stated.value)}；公开期限为 ${deadline.year}年4月1日前`,
      `${kind} ${isoDate(stated.value)}; the deadline is before 1 April ${deadline.year}`,
    ),
    ...(stated.range ? { line: lineAt(stated.range.start) } : {}),
    ok: late.length === 0 && compareDates(stated.value, deadline) <= 0,
  };
  if (late.length > 0) {
    return {
      id: 'timeliness',
      score: 0,
      verdict: 'fail',
      findings: [dateFinding, ...late.map((d) => ({ message: d.message, ruleId: d.ruleId, line: lineAt(d.range.start), ok: false }))],
    };
  }
  return { id: 'timeliness', score: 100, verdict: 'pass', findings: [dateFinding] };
}

/** The rules behind the continuity line, and the count each adds to. */
const CONTINUITY_COUNTS = {
  'continuity/copied-passage': 'copiedPassages',
  'continuity/repeated-shortcomings': 'repeatedShortcomings',
  'continuity/plan-not-reported': 'planItemsNotReported',
  'continuity/restated-figure': 'restatedFigures',
} as const;

function continuity(input: ScoreInput, previous: string): ContinuityLine {
  const { locale, lineAt, document } = input;
  const counts = { copiedPassages: 0, repeatedShortcomings: 0, planItemsNotReported: 0, restatedFigures: 0 };
  const findings: ScoreFinding[] = [];
  for (const d of input.diagnostics) {
    const key = (CONTINUITY_COUNTS as Record<string, keyof typeof counts | undefined>)[d.ruleId];
    if (!key) continue;
    // One finding lists every plan item not reported on.
    const n = key === 'planItemsNotReported' ? Number(d.data?.['count'] ?? d.related?.length ?? 1) || 1 : 1;
    counts[key] += n;
    findings.push({ message: d.message, ruleId: d.ruleId, line: lineAt(d.range.start), text: shorten(document.text.slice(d.range.start, d.range.end)), ok: false });
  }
  const total = counts.copiedPassages + counts.repeatedShortcomings + counts.planItemsNotReported + counts.restatedFigures;
  findings.unshift({
    message: label(
      locale,
      `对照上年度报告 ${previous}：照搬段落 ${counts.copiedPassages} 处，重复上年的不足 ${counts.repeatedShortcomings} 项，上年安排未见落实 ${counts.planItemsNotReported} 项，上年数字与上年度报告不符 ${counts.restatedFigures} 处`,
      `Compared with last year's report ${previous}: ${counts.copiedPassages} copied passage(s), ${counts.repeatedShortcomings} repeated shortcoming(s), ${counts.planItemsNotReported} plan item(s) not reported, ${counts.restatedFigures} restated figure(s)`,
    ),
    ok: total === 0,
  });
  return { previous, ...counts, findings };
}

/** Computes a report's scorecard from its parse and its lint findings. */
export function scoreReport(input: ScoreInput): Scorecard {
  const all = flatten(input.document.sections);
  const complete = completeness(input, all);
  const { score: dataScore, bySection } = data(input, input.document.sections);
  const criteria: Record<CriterionId, CriterionScore> = {
    completeness: complete,
    causes: causes(input, all),
    data: dataScore,
    plan: plan(input, all),
    timeliness: timeliness(input),
  };
  const judged = CRITERIA.map((c) => criteria[c].score).filter((s): s is number => s !== null);
  const overall = judged.length > 0 ? Math.round(judged.reduce((a, b) => a + b, 0) / judged.length) : null;
  return {
    filePath: input.filePath,
    positionUnit: input.positionUnit,
    reportYear: input.document.reportYear?.value ?? null,
    overall,
    criteria,
    figuresBySection: bySection,
    ...(input.previous !== undefined ? { continuity: continuity(input, input.previous) } : {}),
  };
}

const HEADERS: Readonly<Record<CriterionId | 'file' | 'overall' | 'continuity', { 'zh-CN': string; en: string }>> = {
  continuity: { 'zh-CN': '延续性', en: 'Continuity' },
  file: { 'zh-CN': '文件', en: 'File' },
  completeness: { 'zh-CN': '内容完整', en: 'Complete' },
  causes: { 'zh-CN': '原因分析', en: 'Causes' },
  data: { 'zh-CN': '数据运用', en: 'Data' },
  plan: { 'zh-CN': '安排具体', en: 'Plan' },
  timeliness: { 'zh-CN': '公开及时', en: 'Timely' },
  overall: { 'zh-CN': '总分', en: 'Overall' },
};

const VERDICT: Readonly<Record<Verdict, { 'zh-CN': string; en: string }>> = {
  pass: { 'zh-CN': '通过', en: 'pass' },
  partial: { 'zh-CN': '部分', en: 'partial' },
  fail: { 'zh-CN': '未通过', en: 'fail' },
  unknown: { 'zh-CN': '无法判断', en: 'unknown' },
};

/** A cell of the table: the score, or the verdict for pass/fail criteria. */
function cell(c: CriterionScore, locale: Locale): string {
  if (c.id === 'causes' || c.id === 'timeliness') return VERDICT[c.verdict][locale];
  return c.score === null ? VERDICT.unknown[locale] : String(c.score);
}

/** The continuity cell: the number of findings, or — without last year's report. */
function continuityCell(line: ContinuityLine | undefined): string {
  if (!line) return '—';
  return String(line.copiedPassages + line.repeatedShortcomings + line.planItemsNotReported + line.restatedFigures);
}

/**
 * The scorecards as a terminal table, then the findings behind each score. A
 * continuity column (the number of continuity findings) and line appear when last
 * year's report was known for some card.
 */
export function formatScorecards(cards: readonly Scorecard[], locale: Locale): string {
  const withContinuity = cards.some((c) => c.continuity !== undefined);
  const columns = withContinuity ? (['file', ...CRITERIA, 'overall', 'continuity'] as const) : (['file', ...CRITERIA, 'overall'] as const);
  const rows: string[][] = [columns.map((c) => HEADERS[c][locale])];
  for (const card of cards) {
    rows.push([
      card.filePath,
      ...CRITERIA.map((c) => cell(card.criteria[c], locale)),
      card.overall === null ? '—' : String(card.overall),
      ...(withContinuity ? [continuityCell(card.continuity)] : []),
    ]);
  }
  // A loop, not Math.max(...rows): a folder of a few hundred thousand reports has more rows than a call takes arguments.
  // Each cell measured once.
  const cellWidths = rows.map((r) => r.map(displayWidth));
  const widths = columns.map(() => 0);
  for (const w of cellWidths) for (let i = 0; i < widths.length; i++) if ((w[i] ?? 0) > widths[i]!) widths[i] = w[i]!;
  const out: string[] = rows.map((r, row) => r.map((v, i) => padEndDisplay(v, widths[i] ?? 0, cellWidths[row]![i])).join('  ').trimEnd());
  for (const card of cards) {
    out.push('');
    const unit = card.positionUnit === 'paragraph' ? label(locale, '段落', 'paragraph') : label(locale, '行', 'line');
    out.push(card.filePath);
    for (const id of CRITERIA) {
      const c = card.criteria[id];
      const value = c.score === null ? VERDICT[c.verdict][locale] : `${c.score}（${VERDICT[c.verdict][locale]}）`;
      out.push(`  ${HEADERS[id][locale]} ${locale === 'en' ? value.replace('（', ' (').replace('）', ')') : value}`);
      for (const f of c.findings) {
        const where = f.line !== undefined ? (locale === 'en' ? `${unit} ${f.line}: ` : `${unit} ${f.line}：`) : '';
        const text = f.text !== undefined ? (locale === 'en' ? ` — “${f.text}”` : ` ——「${f.text}」`) : '';
        out.push(`    ${f.ok ? '✓' : '✗'} ${where}${f.message}${text}`);
      }
    }
    if (card.continuity) {
      const c = card.continuity;
      out.push(`  ${HEADERS.continuity[locale]} ${continuityCell(c)}`);
      for (const f of c.findings) {
        const where = f.line !== undefined ? (locale === 'en' ? `${unit} ${f.line}: ` : `${unit} ${f.line}：`) : '';
        out.push(`    ${f.ok ? '✓' : '✗'} ${where}${f.message}`);
      }
    }
  }
  return `${out.join('\n')}\n`;
}

/**
 * The rules the scorecard reads; they run whatever the config says (their options are
 * kept). The continuity rules say nothing without last year's report.
 */
export const SCORE_RULES: readonly string[] = [
  'structure/required-section',
  'structure/shortcomings-without-causes',
  'structure/disclosure-deadline',
  ...Object.keys(CONTINUITY_COUNTS),
];

/** A config with the scorecard's rules on (as warnings, their options kept), so a card can be computed whatever the config turned off. */
export function withScoreRules(config: FzlintConfig): FzlintConfig {
  const rules: Record<string, RuleConfigEntry> = { ...config.rules };
  for (const id of SCORE_RULES) {
    const entry = rules[id];
    rules[id] = Array.isArray(entry) && entry.length > 1 ? ['warn', entry[1]] : 'warn';
  }
  return { ...config, rules };
}

/** What {@link scoreResult} needs besides the lint result. */
export interface ScoreResultOptions {
  /** The file as the card names it. */
  readonly filePath: string;
  readonly locale: Locale;
  /** For converted input: positions are its paragraphs. */
  readonly sourceMap?: SourceMap;
  /**
   * Last year's report the result was linted with (as the card names it): the card then
   * has its continuity line. Without it there is none (not a line of zeros).
   */
  readonly previous?: string;
}

/**
 * The scorecard of a lint result (linted with {@link withScoreRules}, so the
 * structure rules ran): lines, or paragraphs of converted input.
 */
export function scoreResult(result: Pick<LintResult, 'document' | 'diagnostics'>, options: ScoreResultOptions): Scorecard {
  const { document } = result;
  const source = options.sourceMap;
  const lineAt = (offset: number): number => {
    const position = document.lineIndex.positionAt(offset);
    return source ? toSourcePosition(source, position).line : position.line;
  };
  return scoreReport({
    filePath: options.filePath,
    document,
    diagnostics: result.diagnostics,
    locale: options.locale,
    lineAt,
    positionUnit: source ? 'paragraph' : 'line',
    ...(options.previous !== undefined ? { previous: options.previous } : {}),
  });
}
