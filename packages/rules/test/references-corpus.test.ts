import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse, type ReportDocument } from '@fzlint/parser';
import { resolveSettings, runRule, type Diagnostic } from '@fzlint/rule-api';
import { describe, expect, it } from 'vitest';
import { referencesRules } from '../src/references/index.js';
import { hoverText } from '../src/references/hover.js';
import { findCatalogueReferences } from '../src/references/match.js';
import { findTermTypos } from '../src/style/domain-typo.js';
import { styleRules } from '../src/style/index.js';
import { TYPO_GENERATION } from '@fzlint/ontology';

/*
 * The references/ and style/ rules on every corpus report (full/ and excerpts/).
 * Every finding below was judged after reading its sentence; the test asserts the
 * rules produce exactly these, so a new false alarm or a lost finding fails it.
 */

const CORPUS = join(import.meta.dirname, '../../../fixtures/corpus');
const RULES = [...referencesRules, ...styleRules];

interface Recorded {
  file: string;
  kind: string;
  subtype?: string;
  confidence: string;
  quote: string;
  reasoning: string;
}

function readJsonl<T>(path: string): T[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as T);
}

const excerptYears = new Map([
  ...readJsonl<{ file: string; report_year: number }>(join(CORPUS, 'excerpts/index.jsonl')).map((r): [string, number] => [`excerpts/${r.file}`, r.report_year]),
  // The archive's index names files archive/mNNN.txt; its reports have no signature date either.
  ...readJsonl<{ file: string; report_year: number }>(join(CORPUS, 'archive/index.jsonl')).map((r): [string, number] => [r.file, r.report_year]),
]);
const files = [
  ...readdirSync(join(CORPUS, 'full')).map((f) => `full/${f}`),
  ...readdirSync(join(CORPUS, 'excerpts'))
    .filter((f) => f.endsWith('.txt'))
    .map((f) => `excerpts/${f}`),
  ...readdirSync(join(CORPUS, 'archive'))
    .filter((f) => f.endsWith('.txt'))
    .map((f) => `archive/${f}`),
].sort();

interface Linted {
  text: string;
  document: ReportDocument;
  diagnostics: Diagnostic[];
}

const linted = new Map<string, Linted>();
function lintFile(file: string): Linted {
  let l = linted.get(file);
  if (!l) {
    const text = readFileSync(join(CORPUS, file), 'utf8');
    const year = excerptYears.get(file);
    // Excerpts are openings: their report year comes from the index (page metadata), as a user would pass --report-year.
    const document = parse(text, { filePath: file, ...(year ? { reportYear: year } : {}) });
    const settings = resolveSettings(document);
    const diagnostics = RULES.flatMap((rule) => runRule(rule, document, { settings }));
    l = { text, document, diagnostics };
    linted.set(file, l);
  }
  return l;
}

/** [file, rule, severity, covered text]: the judged findings. */
const EXPECTED: ReadonlyArray<readonly [string, string, string, string]> = [
  // 000 (2021): 市委依法治市委员会 next to 嘉兴全面依法治市委员会 in the same report; the official name has 全面 (info).
  ['full/000_db52c8fa8bf2b1ef.txt', 'style/official-name', 'info', '依法治市委员会'],
  ['full/000_db52c8fa8bf2b1ef.txt', 'style/official-name', 'info', '依法治市委员会'],
  // 001 (2021, signed 2021-12-06): recorded typo; the pre-2020 formulation (recorded, low: info as the recorder says).
  ['full/001_72ea27b1fd9ec9ba.txt', 'references/outdated-term', 'info', '习近平总书记全面依法治国新理念新思想新战略'],
  ['full/001_72ea27b1fd9ec9ba.txt', 'style/domain-typo', 'warn', '法冶'],
  // 002 (2020): 省委依法治省委员会、市委依法治市委员会 (info, as 000).
  ['full/002_55a70afaa3186b60.txt', 'style/official-name', 'info', '依法治省委员会'],
  ['full/002_55a70afaa3186b60.txt', 'style/official-name', 'info', '依法治市委员会'],
  // 003 (2022, signed 2023-02-01): 新冠肺炎 renamed 2022-12-26 and 动态清零 ended 2023-01-08, both while the
  // report recounts 2022 (recorded, low: info); the pre-2020 formulation three times (recorded, low: info).
  ['full/003_5b463c698add1c1a.txt', 'references/outdated-term', 'info', '新冠肺炎疫情'],
  ['full/003_5b463c698add1c1a.txt', 'references/outdated-term', 'info', '外防输入,内防反弹'],
  ['full/003_5b463c698add1c1a.txt', 'style/domain-typo', 'warn', '个工商户'],
  ['full/003_5b463c698add1c1a.txt', 'references/outdated-term', 'info', '习近平总书记全面依法治国新理念新思想新战略'],
  ['full/003_5b463c698add1c1a.txt', 'references/outdated-term', 'info', '习近平总书记全面依法治国新理念新思想新战略'],
  ['full/003_5b463c698add1c1a.txt', 'references/outdated-term', 'info', '习近平总书记全面依法治国新理念新思想新战略'],
  ['excerpts/e004.txt', 'style/official-name', 'warn', '依法治国委员会'],
  ['excerpts/e005.txt', 'style/domain-typo', 'warn', '率均到达'],
  ['excerpts/e008.txt', 'style/domain-typo', 'warn', '2021'],
  ['excerpts/e008.txt', 'references/malformed-citation', 'warn', '20212025年'],
  ['excerpts/e008.txt', 'references/malformed-citation', 'warn', '中发〔202133号'],
  ['excerpts/e010.txt', 'references/malformed-citation', 'warn', '20202025'],
  ['excerpts/e014.txt', 'style/domain-typo', 'warn', '基做到'],
  ['excerpts/e015.txt', 'style/domain-typo', 'warn', '经济 会发展'],
  // Recorded, medium: 政府法制机构 copied from a pre-reform text. The phrase is generic, so info.
  ['excerpts/e015.txt', 'references/outdated-organization', 'info', '政府法制机构'],
  // Recorded, low: 行政首长出庭应诉. We follow it at info (unconfirmed date, suggestion only): the
  // 2014 Administrative Litigation Law says 行政机关负责人出庭应诉.
  ['excerpts/e015.txt', 'references/outdated-term', 'info', '行政首长出庭应诉'],
  ['excerpts/e019.txt', 'style/official-name', 'warn', '党的十九大和历届全会'],
  ['excerpts/e023.txt', 'style/official-name', 'info', '区委人大常委会'],
  // Recorded, low: 法制化 / 法制观念 in 2024 reports that write 法治 everywhere else. Followed at info.
  ['excerpts/e030.txt', 'references/outdated-term', 'info', '法制化'],
  ['excerpts/e032.txt', 'references/outdated-term', 'info', '法制观念'],
  ['excerpts/e036.txt', 'references/malformed-citation', 'warn', '开州府办发〔202526号'],
  ['excerpts/e036.txt', 'references/malformed-citation', 'warn', '开州委法20239'],
  // style/wording, record w-diyi-zerenren (info): the duty is 履行推进法治建设第一责任人职责; these
  // write 履行法治建设第一责任人职责 or 党政主要负责人法治建设第一责任人职责 (推进 missing), or name it
  // 法治政府建设第一责任人. Each read in its sentence: all are the record's wrong forms (e034 even in quotes).
  ['full/000_db52c8fa8bf2b1ef.txt', 'style/wording', 'info', '法治建设第一责任人'],
  ['full/001_72ea27b1fd9ec9ba.txt', 'style/wording', 'info', '法治政府建设第一责任人'],
  ['excerpts/e002.txt', 'style/wording', 'info', '法治建设第一责任人'],
  ['excerpts/e004.txt', 'style/wording', 'info', '法治建设第一责任人'],
  ['excerpts/e006.txt', 'style/wording', 'info', '法治政府建设第一责任人'],
  ['excerpts/e014.txt', 'style/wording', 'info', '法治政府建设第一责任人'],
  ['excerpts/e016.txt', 'style/wording', 'info', '法治建设第一责任人'],
  ['excerpts/e026.txt', 'style/wording', 'info', '法治建设第一责任人'],
  ['excerpts/e034.txt', 'style/wording', 'info', '法治建设第一责任人'],
  // w-guifanxing-wenjian (info): 开展政府规范性文件合法性审查和备案工作 — the government's own normative
  // documents undergo 合法性审核 (国办发〔2018〕115号); not a people's congress 备案审查. Right.
  ['excerpts/e014.txt', 'style/wording', 'info', '规范性文件合法性审查'],
  // archive/ (2021–2025 web copies). m001 (2022): 法制观念 twice (info, as e032); a local notice's title
  // with the range （2021—2025） without 年 (a form defect of the title as cited).
  ['archive/m001.txt', 'references/outdated-term', 'info', '法制观念'],
  ['archive/m001.txt', 'references/outdated-term', 'info', '法制观念'],
  // Issue 12: a range without 年 in a local document's own title (…第八个五年规划（2021—2025）的通知) is an info.
  ['archive/m001.txt', 'references/malformed-citation', 'info', '2021—2025'],
  // m003 (2022): publicity of 《合同法》 in 2022, repealed by the Civil Code on 2021-01-01 — right;
  // the pre-2020 formulation (info); 新型冠状病毒肺炎 renamed 2022-12-26, during the year (info).
  ['archive/m003.txt', 'references/outdated-policy', 'warn', '合同法'],
  ['archive/m003.txt', 'references/outdated-term', 'info', '习近平总书记全面依法治国新理念新思想新战略'],
  ['archive/m003.txt', 'references/outdated-term', 'info', '新型冠状病毒肺炎'],
  // m005 (2021, signed 2021-12-22): works to 《法治政府建设实施纲要（2015-2020年）》 in December 2021, after the
  // 2021–2025 纲要 (August 2021) — the archiver noted it too. The title is split over two lines of the copy;
  // the split-line reading joins them (the covered text keeps the copy's line break).
  ['archive/m005.txt', 'references/outdated-policy', 'warn', '法治政府建设实施纲要（\n2015-2020年）'],
  // m006 (2021, signed 2021-12-15): studies 十九届四中、五中全会精神 after the 六中全会 (2021-11) — the
  // archiver noted it too; 法制化 and the pre-2020 formulation (info).
  ['archive/m006.txt', 'references/outdated-congress', 'warn', '党的十九大和十九届四中、五中全会'],
  ['archive/m006.txt', 'references/outdated-term', 'info', '法制化'],
  ['archive/m006.txt', 'references/outdated-term', 'info', '全面依法治国新理念新思想新战略'],
];

/** Recorded findings of other families, or that no rule can find with certainty. */
const OUT_OF_SCOPE_SUBTYPES = new Set(['wrong-year', 'garbled-text', 'heading-format', 'heading-numbering', 'title', 'period-ambiguity']);
/** Recorded findings in scope that are deliberately not found, with the reason. */
const LEFT_OUT: Readonly<Record<string, string>> = {
  // Low confidence: 全规范 may be a dropped 面 (全面规范), but 全规范 is not impossible; no sure fix.
  在全市率先对街道政务服务工作进行全规范: 'not a sure typo',
  // Medium: a garbled list name (十大法治事案例); what was meant is unclear, so no sure fix.
  '“十大法治事案例”': 'garbled, no sure correction',
};

describe('references/ and style/ on the corpus', () => {
  for (const file of files) {
    it(`${file}: exactly the judged findings`, () => {
      const { text, diagnostics } = lintFile(file);
      const found = diagnostics
        .map((d) => `${d.ruleId} ${d.severity} ${text.slice(d.range.start, d.range.end)}`)
        .sort();
      const expected = EXPECTED.filter(([f]) => f === file)
        .map(([, rule, severity, covered]) => `${rule} ${severity} ${covered}`)
        .sort();
      expect(found).toEqual(expected);
    });
  }

  // The Markdown versions of the full reports (corpus/markdown/) must give the same judged findings.
  for (const md of readdirSync(join(CORPUS, 'markdown')).filter((f) => f.endsWith('.md'))) {
    const twin = `full/${md.replace(/\.md$/u, '.txt')}`;
    it(`markdown/${md}: the same findings as ${twin}`, () => {
      const text = readFileSync(join(CORPUS, 'markdown', md), 'utf8');
      const document = parse(text, { filePath: md });
      const settings = resolveSettings(document);
      const found = RULES.flatMap((rule) => runRule(rule, document, { settings }))
        .map((d) => `${d.ruleId} ${d.severity} ${text.slice(d.range.start, d.range.end)}`)
        .sort();
      const expected = EXPECTED.filter(([f]) => f === twin)
        .map(([, rule, severity, covered]) => `${rule} ${severity} ${covered}`)
        .sort();
      expect(found).toEqual(expected);
    });
  }

  const recorded = [
    ...readJsonl<Recorded>(join(CORPUS, 'findings.jsonl')),
    ...readJsonl<Recorded>(join(CORPUS, 'excerpts/findings.jsonl')).map((r) => ({ ...r, file: `excerpts/${r.file}` })),
  ];
  const inScope = recorded.filter(
    (r) =>
      r.kind === 'outdated-reference' ||
      (r.kind === 'other' &&
        !OUT_OF_SCOPE_SUBTYPES.has(r.subtype ?? '') &&
        (r.subtype !== undefined || /^(?:Typo|Garbled list name)/u.test(r.reasoning))),
  );
  it('the in-scope recorded findings are known to this test', () => {
    expect(inScope.length).toBeGreaterThanOrEqual(15);
  });
  for (const r of inScope) {
    it(`recorded (${r.confidence}) ${r.file}: ${r.quote.slice(0, 30)}`, () => {
      const { text, diagnostics } = lintFile(r.file);
      const at = text.indexOf(r.quote);
      expect(at, 'quote not in the file').toBeGreaterThanOrEqual(0);
      const hit = diagnostics.some((d) => d.range.start < at + r.quote.length && at < d.range.end);
      expect(hit, `found unless left out (${LEFT_OUT[r.quote] ?? 'not left out'})`).toBe(LEFT_OUT[r.quote] === undefined);
    });
  }

  it('generated typo candidates on the whole corpus: only the real typo 法冶政府建设 (full/001 and its Markdown twin)', () => {
    const hits: string[] = [];
    for (const file of files) for (const t of findTermTypos(lintFile(file).document)) hits.push(`${file} ${t.candidate.wrong}`);
    for (const md of readdirSync(join(CORPUS, 'markdown')).filter((f) => f.endsWith('.md'))) {
      const document = parse(readFileSync(join(CORPUS, 'markdown', md), 'utf8'), { filePath: md });
      for (const t of findTermTypos(document)) hits.push(`markdown/${md} ${t.candidate.wrong}`);
    }
    // The figures reported for the catalogue work: how many candidates, and what they flag on the corpus.
    console.log(`generated typo candidates: ${TYPO_GENERATION.kept} kept of ${TYPO_GENERATION.generated} tried from ${TYPO_GENERATION.terms} terms; corpus hits: ${hits.join('; ')}`);
    expect(hits).toEqual(['full/001_72ea27b1fd9ec9ba.txt 法冶政府建设', 'markdown/001_72ea27b1fd9ec9ba.md 法冶政府建设']);
  });

  it('hover data: every corpus report yields recognised references with entries and statuses', () => {
    let total = 0;
    for (const file of files) {
      const { document } = lintFile(file);
      const settings = resolveSettings(document);
      const refs = findCatalogueReferences(document, settings.catalogue, settings);
      for (const ref of refs) {
        expect(document.text.slice(ref.range.start, ref.range.end)).toBe(ref.text);
        expect(['current', 'superseded', 'not-yet', 'unknown']).toContain(ref.status);
        expect(hoverText(ref, 'zh-CN')).toContain(ref.entry.name);
        expect(hoverText(ref, 'en')).toContain('Confidence');
      }
      total += refs.length;
    }
    expect(total).toBeGreaterThan(200);
  });

  it('hover text of an outdated reference names its status, dates, successor and source', () => {
    const { document } = lintFile('full/003_5b463c698add1c1a.txt');
    const settings = resolveSettings(document);
    const ref = findCatalogueReferences(document, settings.catalogue, settings).find((r) => r.entry.id === 'term-xinguan-feiyan')!;
    const text = hoverText(ref, 'zh-CN');
    expect(text).toContain('成稿时已不再现行');
    expect(text).toContain('2022年12月26日');
    expect(text).toContain('新型冠状病毒感染（更名）');
    expect(text).toContain('zixingxinwen.com');
  });
});
