import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse, type ReportDocument, type Section, type TextRange } from '@fzlint/parser';
import { resolveSettings, runRule, type Diagnostic, type Severity } from '@fzlint/rule-api';
import { afterAll, describe, expect, it } from 'vitest';
import { referencesRules } from '../src/references/index.js';
import { styleRules } from '../src/style/index.js';

/*
 * Mutation test: insert an outdated reference into each corpus report — in the
 * results part and in the next-year plan — or swap a current reference for an
 * outdated one, and check that the right rule reports it with the right severity
 * on the right line. The catch rate over all mutants is printed at the end and
 * asserted to be complete: every mutant below must be caught.
 */

const CORPUS = join(import.meta.dirname, '../../../fixtures/corpus');
const RULES = [...referencesRules, ...styleRules];

const excerptYears = new Map<string, number>(
  readFileSync(join(CORPUS, 'excerpts/index.jsonl'), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as { file: string; report_year: number })
    .map((r): [string, number] => [`excerpts/${r.file}`, r.report_year]),
);
const files = [
  ...readdirSync(join(CORPUS, 'full')).map((f) => `full/${f}`),
  ...readdirSync(join(CORPUS, 'excerpts'))
    .filter((f) => f.endsWith('.txt'))
    .map((f) => `excerpts/${f}`),
].sort();

type Place = 'results' | 'plan';

/** An outdated reference to insert, the rule that must catch it and the severity by place. */
interface Insertion {
  readonly name: string;
  readonly sentence: string;
  readonly rule: string;
  /**
   * Severity expected in the results part for report year y and writing day w (yyyymmdd),
   * or undefined when it is not outdated then.
   */
  readonly results: (y: number, w: number) => Severity | undefined;
  /** Severity expected in the next-year plan (report year y, writing day w), or undefined when it does not apply there. */
  readonly plan: (y: number, w: number) => Severity | undefined;
}

const INSERTIONS: readonly Insertion[] = [
  {
    name: '2015–2020 纲要',
    sentence: '认真落实《法治政府建设实施纲要（2015—2020年）》。',
    rule: 'references/outdated-policy',
    results: (y) => (y >= 2021 ? 'warn' : undefined),
    plan: (y) => (y >= 2021 ? 'error' : undefined),
  },
  {
    name: '行政监察法',
    sentence: '依据《中华人民共和国行政监察法》开展监督。',
    rule: 'references/outdated-policy',
    results: (y) => (y >= 2019 ? 'warn' : undefined),
    plan: (y) => (y >= 2019 ? 'error' : undefined),
  },
  {
    name: '六五普法',
    sentence: '深入开展“六五”普法。',
    rule: 'references/outdated-plan-period',
    results: (y) => (y >= 2016 ? 'warn' : undefined),
    plan: (y) => (y >= 2015 ? 'error' : undefined),
  },
  {
    name: '十八大精神',
    sentence: '\n深入学习贯彻党的十八大精神。\n',
    rule: 'references/outdated-congress',
    results: (y) => (y >= 2018 ? 'warn' : undefined),
    plan: (y) => (y >= 2018 ? 'error' : undefined),
  },
  {
    name: '工商局',
    sentence: '县工商局查处无照经营案件5起。',
    rule: 'references/outdated-organization',
    results: (y) => (y >= 2020 ? 'warn' : y === 2019 ? 'info' : undefined),
    plan: (y) => (y >= 2019 ? 'error' : undefined),
  },
  {
    name: '法制宣传教育',
    sentence: '加强法制宣传教育。',
    rule: 'references/outdated-term',
    results: (y) => (y >= 2017 ? 'warn' : undefined),
    plan: (y) => (y >= 2016 ? 'error' : undefined),
  },
  {
    name: '2015–2020 纲要, half-width brackets and hyphen',
    sentence: '对照《法治政府建设实施纲要(2015-2020年)》查漏补缺。',
    rule: 'references/outdated-policy',
    results: (y) => (y >= 2021 ? 'warn' : undefined),
    plan: (y) => (y >= 2021 ? 'error' : undefined),
  },
  {
    name: '七五普法 without quotes',
    sentence: '持续深化七五普法宣传。',
    rule: 'references/outdated-plan-period',
    results: (y) => (y >= 2021 ? 'warn' : undefined),
    plan: (y) => (y >= 2020 ? 'error' : undefined),
  },
  {
    name: '卫计委',
    sentence: '县卫计委开展医疗机构专项检查。',
    rule: 'references/outdated-organization',
    results: (y) => (y >= 2020 ? 'warn' : y === 2019 ? 'info' : undefined),
    plan: (y) => (y >= 2019 ? 'error' : undefined),
  },
  {
    name: 'the pre-2020 formulation (info at most)',
    sentence: '深入学习贯彻习近平总书记全面依法治国新理念新思想新战略。',
    rule: 'references/outdated-term',
    results: (y) => (y >= 2020 ? 'info' : undefined),
    plan: (y) => (y >= 2020 ? 'info' : undefined),
  },
  // Issue 15: a law cited by a replaced version (行政处罚法 2021 revision in force 2021-07-15).
  {
    name: 'version: 行政处罚法（2017年修正）',
    sentence: '依据《中华人民共和国行政处罚法》（2017年修正）作出处罚决定。',
    rule: 'references/outdated-law-version',
    results: (y, w) => (y >= 2022 ? 'warn' : y === 2021 ? 'info' : y === 2020 && w > 20210715 ? 'info' : undefined),
    plan: (_y, w) => (w > 20210715 ? 'error' : undefined),
  },
  {
    name: 'version: 2017年修正的《行政复议法》 (2023 revision in force 2024-01-01)',
    sentence: '执行2017年修正的《行政复议法》。',
    rule: 'references/outdated-law-version',
    results: (y) => (y >= 2024 ? 'warn' : y === 2023 ? 'info' : undefined),
    plan: (_y, w) => (w > 20240101 ? 'error' : undefined),
  },
  // Issue 15: an ended campaign written as the year's work (扫黑除恶专项斗争 ended 2020-12-31).
  {
    name: 'campaign: 扫黑除恶专项斗争',
    sentence: '深入开展扫黑除恶专项斗争。',
    rule: 'references/ended-campaign',
    results: (y) => (y >= 2021 ? 'warn' : undefined),
    plan: (_y, w) => (w > 20201231 ? 'error' : undefined),
  },
  {
    name: 'campaign: 政法队伍教育整顿 (ended December 2021)',
    sentence: '持续推进政法队伍教育整顿。',
    rule: 'references/ended-campaign',
    results: (y) => (y >= 2022 ? 'warn' : undefined),
    // Ended at the end of December 2021: a plan written before then is not wrong (full/001 is signed 2021-12-06).
    plan: (_y, w) => (w > 20211231 ? 'error' : undefined),
  },
  // Issue 15: a wrong wording (confirmed record, error in any year).
  {
    name: 'wording: 法治审核',
    sentence: '严格落实重大执法决定法治审核制度。',
    rule: 'style/wording',
    results: () => 'error',
    plan: () => 'error',
  },
  // Issue 15: generated misspellings of core terms (同音, 形近, both).
  {
    name: 'typo: 营商环竟',
    sentence: '持续优化营商环竟。',
    rule: 'style/domain-typo',
    results: () => 'warn',
    plan: () => 'warn',
  },
  {
    name: 'typo: 依法行证',
    sentence: '坚持依法行证。',
    rule: 'style/domain-typo',
    results: () => 'warn',
    plan: () => 'warn',
  },
  {
    name: 'typo: 法治政付',
    sentence: '建设人民满意的法治政付。',
    rule: 'style/domain-typo',
    results: () => 'warn',
    plan: () => 'warn',
  },
  {
    name: '法治宣传教育法 before it existed',
    sentence: '认真落实《中华人民共和国法治宣传教育法》。',
    rule: 'references/anachronism',
    // In force from 2025-11-01; a law may be cited up to eight months before that (from 2025-03-01).
    results: (_y, w) => (w < 20250301 ? 'error' : undefined),
    plan: () => undefined,
  },
];

/**
 * Look-alikes that must stay quiet: looking back on a campaign, the old version named on
 * purpose, the right wording next to the wrong one, real words at a candidate's edge.
 */
const QUIET: readonly string[] = [
  '扫黑除恶专项斗争期间打掉涉黑组织3个。',
  '持续巩固扫黑除恶专项斗争成果。',
  '扫黑除恶专项斗争圆满收官。',
  '对过渡期案件适用修改前的行政处罚法。',
  '严格落实重大执法决定法制审核制度。',
  '维护社会主义法制的统一。',
  '督促企业依法冶炼。',
  '有人说营商环竟然是软实力。',
];

/** A current reference that can be swapped for an outdated one. */
interface Swap {
  readonly name: string;
  readonly from: RegExp;
  readonly to: string;
  readonly rule: string;
  readonly severity: (y: number, place: Place) => Severity | undefined;
}

const SWAPS: readonly Swap[] = [
  {
    name: '八五 → 七五',
    from: /八五(?=[”"]?普法)/u,
    to: '七五',
    rule: 'references/outdated-plan-period',
    severity: (y, place) => (place === 'plan' ? 'error' : y >= 2021 ? 'warn' : undefined),
  },
  {
    name: '2021—2025 纲要 → 2015—2020',
    from: /(?<=法治政府建设实施纲要[（(])2021([—\-－])2025(?=年[)）])/u,
    to: '2015$12020',
    rule: 'references/outdated-policy',
    severity: (y, place) => (place === 'plan' ? 'error' : y >= 2021 ? 'warn' : undefined),
  },
  {
    name: '市场监管局 → 工商局',
    from: /市场监管局|市场监督管理局/u,
    to: '工商局',
    rule: 'references/outdated-organization',
    severity: (y, place) => (place === 'plan' ? 'error' : y >= 2020 ? 'warn' : y === 2019 ? 'info' : undefined),
  },
  {
    name: '法治宣传教育 → 法制宣传教育',
    from: /法治宣传教育(?!法)/u,
    to: '法制宣传教育',
    rule: 'references/outdated-term',
    severity: (y, place) => (place === 'plan' ? 'error' : y >= 2017 ? 'warn' : undefined),
  },
];

/** Words before a mention that make it an account of the past: such mentions are not swapped. */
const RECOUNTED = /(?:完成|起草|总结|验收|获评)[^，,。；]{0,16}$/u;
const NESTED = /[<〈][^《》<>〈〉]*$/u;

function parseFile(file: string, text: string): ReportDocument {
  const year = excerptYears.get(file);
  return parse(text, { filePath: file, ...(year ? { reportYear: year } : {}) });
}

function findConcept(sections: readonly Section[], concept: string): Section | undefined {
  for (const s of sections) {
    if (s.concept === concept) return s;
    const inner = findConcept(s.children, concept);
    if (inner) return inner;
  }
  return undefined;
}

/** Where to insert: after the first full stop in the given range. */
function insertionPoint(document: ReportDocument, range: TextRange): number | undefined {
  for (const s of document.sentences) {
    if (s.range.start >= range.start && s.range.end <= range.end && /[。；]$/u.test(s.text)) return s.range.end;
  }
  return undefined;
}

function resultsRange(document: ReportDocument): TextRange {
  const plan = findConcept(document.sections, 'next-year-plan');
  const results = findConcept(document.sections, 'measures-and-results');
  if (results) return results.bodyRange;
  return { start: document.bodyRange.start, end: plan ? plan.range.start : document.bodyRange.end };
}

function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

interface Mutant {
  readonly label: string;
  readonly text: string;
  readonly span: TextRange;
  readonly rule: string;
  readonly severity: Severity;
}

function mutants(file: string): Mutant[] {
  const text = readFileSync(join(CORPUS, file), 'utf8');
  const document = parseFile(file, text);
  const settings = resolveSettings(document);
  const year = settings.reportYear;
  const w = settings.writingDate;
  if (year === undefined || w === undefined) return [];
  const writing = w.year * 10000 + w.month * 100 + w.day;
  const out: Mutant[] = [];
  const plan = findConcept(document.sections, 'next-year-plan');
  const places: Array<[Place, number | undefined]> = [
    ['results', insertionPoint(document, resultsRange(document))],
    ['plan', plan ? insertionPoint(document, plan.bodyRange) : undefined],
  ];
  for (const [place, at] of places) {
    if (at === undefined) continue;
    for (const ins of INSERTIONS) {
      const severity = place === 'plan' ? ins.plan(year, writing) : ins.results(year, writing);
      if (!severity) continue;
      const mutated = text.slice(0, at) + ins.sentence + text.slice(at);
      const lead = ins.sentence.length - ins.sentence.trimStart().length;
      const span = { start: at + lead, end: at + ins.sentence.trimEnd().length };
      out.push({ label: `${file} ${place} +${ins.name}`, text: mutated, span, rule: ins.rule, severity });
    }
  }
  for (const swap of SWAPS) {
    // Swap the first mention that is a current use, not an account of the past (完成《…》起草工作).
    const all = [...text.matchAll(new RegExp(swap.from.source, 'gu'))];
    // Nor a mention nested in another document's title (《贯彻落实〈…〉实施方案》): that title is not a citation.
    const m = all.find(
      (x) => !RECOUNTED.test(text.slice(Math.max(0, x.index - 20), x.index)) && !NESTED.test(text.slice(Math.max(0, x.index - 16), x.index)),
    );
    if (!m) continue;
    const inPlan = plan !== undefined && m.index >= plan.range.start && m.index < plan.range.end;
    const severity = swap.severity(year, inPlan ? 'plan' : 'results');
    if (!severity) continue;
    // The chosen match only, replaced with its groups (look-behind and look-ahead were checked in context).
    const replacement = swap.to.replace(/\$(\d)/gu, (_, n: string) => m[Number(n)] ?? '');
    const mutated = text.slice(0, m.index) + replacement + text.slice(m.index + m[0].length);
    const replacementLength = replacement.length;
    out.push({
      label: `${file} swap ${swap.name}`,
      text: mutated,
      span: { start: m.index, end: m.index + replacementLength },
      rule: swap.rule,
      severity,
    });
  }
  return out;
}

function lint(file: string, text: string): Diagnostic[] {
  const document = parseFile(file, text);
  const settings = resolveSettings(document);
  return RULES.flatMap((rule) => runRule(rule, document, { settings }));
}

const originals = new Map<string, Diagnostic[]>();
function original(file: string): Diagnostic[] {
  let d = originals.get(file);
  if (!d) {
    d = lint(file, readFileSync(join(CORPUS, file), 'utf8'));
    originals.set(file, d);
  }
  return d;
}

const tally = { total: 0, caught: 0 };
/** Per issue-15 kind (version, campaign, wording, typo): mutants and catches, for the closing note. */
const byKind = new Map<string, { total: number; caught: number; files: Set<string>; caughtFiles: Set<string> }>();
function kindOf(label: string): string | undefined {
  return /\+(version|campaign|wording|typo):/u.exec(label)?.[1];
}

describe('mutation: outdated references inserted into or swapped in every corpus report', () => {
  for (const file of files) {
    const list = mutants(file);
    for (const mutant of list) {
      it(mutant.label, () => {
        tally.total++;
        const all = lint(file, mutant.text);
        // Nothing else changes: the findings outside the mutated span are those of the unmutated report.
        const elsewhere = all.filter((d) => d.range.end <= mutant.span.start || d.range.start >= mutant.span.end);
        expect(elsewhere.length, 'findings outside the mutation').toBe(original(file).length);
        const found = all.filter(
          (d) => d.ruleId === mutant.rule && d.range.start < mutant.span.end && mutant.span.start < d.range.end,
        );
        const expectedLine = lineOf(mutant.text, mutant.span.start);
        const ok = found.some((d) => d.severity === mutant.severity && d.start.line === expectedLine);
        if (ok) tally.caught++;
        const kind = kindOf(mutant.label);
        if (kind) {
          const k = byKind.get(kind) ?? { total: 0, caught: 0, files: new Set<string>(), caughtFiles: new Set<string>() };
          k.total++;
          k.files.add(file);
          if (ok) {
            k.caught++;
            k.caughtFiles.add(file);
          }
          byKind.set(kind, k);
        }
        expect(
          found.map((d) => `${d.ruleId} ${d.severity} L${d.start.line}`),
          `${mutant.rule} ${mutant.severity} L${expectedLine}`,
        ).toContainEqual(`${mutant.rule} ${mutant.severity} L${expectedLine}`);
      });
    }
  }
  for (const file of files) {
    it(`${file}: historical look-alikes stay quiet`, () => {
      const text = readFileSync(join(CORPUS, file), 'utf8');
      const document = parseFile(file, text);
      const results = resultsRange(document);
      const plan = findConcept(document.sections, 'next-year-plan');
      for (const at of [insertionPoint(document, results), plan ? insertionPoint(document, plan.bodyRange) : undefined]) {
        if (at === undefined) continue;
        for (const sentence of QUIET) {
          const found = lint(file, text.slice(0, at) + sentence + text.slice(at));
          expect(found.length, `${sentence} at ${at}`).toBe(original(file).length);
        }
      }
    });
  }
  it('has mutants in both places for the full reports', () => {
    const labels = files.flatMap((f) => mutants(f).map((m) => m.label));
    expect(labels.filter((l) => l.includes(' plan +')).length).toBeGreaterThan(10);
    expect(labels.filter((l) => l.includes(' results +')).length).toBeGreaterThan(100);
  });
  afterAll(() => {
    // The closing note: catch rate over all mutants.
    console.log(`references mutation catch rate: ${tally.caught}/${tally.total}`);
    for (const [kind, k] of byKind) console.log(`  ${kind}: ${k.caught}/${k.total} mutants, ${k.caughtFiles.size}/${k.files.size} reports`);
  });
});
