/**
 * The structure rules on the real corpus (fixtures/corpus): every finding on a
 * full report is one judged correct by reading that report, and the structural
 * defects a careful reader listed in findings.jsonl are found. Excerpts stop
 * mid-text (they say nothing about missing sections), so on them the rules only
 * have to run cleanly.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from '@fzlint/parser';
import { resolveSettings, runRule, type Diagnostic } from '@fzlint/rule-api';
import { describe, expect, it } from 'vitest';
import { structureRules } from '../src/structure/index.js';

const CORPUS = join(dirname(fileURLToPath(import.meta.url)), '../../../fixtures/corpus');

interface Expected {
  readonly ruleId: string;
  readonly messageId: string;
  /** Line in the plain-text report. */
  readonly line: number;
  /** Line in the Markdown version (fixtures/corpus/markdown). */
  readonly mdLine: number;
  /** The text the finding underlines. */
  readonly text: string;
}

/*
 * The judgements, report by report. Each expectation says why it is right.
 * Reports with no expectation for a rule were read and judged clean for it.
 */
const EXPECTED: Readonly<Record<string, readonly Expected[]>> = {
  // 桐乡市 2021 (one line). All four contents have headings: 一 举措和成效, 二 第一责任人,
  // 三 存在的问题, 四 2022年度工作思路 (report year + 1). Title, opening and headings all
  // say 2021; published 2022-02-21, before 1 April. Numbering 一…四 with (一)…(五),
  // (一)…(三), (一)…(三) is regular.
  '000_db52c8fa8bf2b1ef': [
    // Section 三 lists three problems (基层法治建设…, 行政争议化解…, 专业力量…) and never
    // says why: no 原因 or kin anywhere in it (findings.jsonl, medium).
    {
      ruleId: 'structure/shortcomings-without-causes',
      messageId: 'noCauses',
      line: 9,
      mdLine: 45,
      text: '三、2021年推进法治政府建设中存在的问题',
    },
  ],
  // 黄梅街道 2021: only two sections (一 工作情况, 二 2022年度工作重点).
  '001_72ea27b1fd9ec9ba': [
    // The 第一责任人 duty is reported only in the body of item 1 (`1. 压实工作责任。`) of
    // （一）: the item's heading is 压实工作责任, so the content has no heading of its
    // own — prose, not absent (findings.jsonl: "info, not error"). The plan's
    // `（一）进一步强化“第一责任”意识` is next year's intention and does not count.
    {
      ruleId: 'structure/required-section',
      messageId: 'proseOnly',
      line: 4,
      mdLine: 9,
      text: '开发区(黄梅街道)党政主要负责人认真履行推进法冶政府建设第一责任人职责',
    },
    // The shortcomings are one unnumbered paragraph at the end of section 一.
    {
      ruleId: 'structure/required-section',
      messageId: 'proseOnly',
      line: 30,
      mdLine: 99,
      text: '仍然还存在一些不足',
    },
    // That paragraph's 三是 item opens with 受编制和专业性影响: a cause given with the item.
    // findings.jsonl reads "no causes are analysed"; we judge an item that says why it
    // fell short as answering 不足和原因, so no warning without a sure reason.
    // Signed 2021年12月6日 for the 2021 report: before the year it reports on ended.
    {
      ruleId: 'structure/disclosure-deadline',
      messageId: 'tooEarly',
      line: 37,
      mdLine: 119,
      text: '2021年12月6日',
    },
  ],
  // 宽城区 2020: 一 主要举措和成效 with （一）党政主要负责人切实履行…第一责任人职责 (a heading
  // of its own, one level down: present), 二 存在的问题和不足 with 原因在于, 三 2021年工作思路
  // (= 2020 + 1). 成文 2021-02-24, 发布 2021-02-26. Nothing to report.
  '002_55a70afaa3186b60': [],
  // 洪洞县 2022: all contents have headings; years 2022/2022/2022/2023 agree; signed
  // 2023-02-01, published 2023-03-16.
  '003_5b463c698add1c1a': [
    // Section 二 (存在的不足) lists five shortcomings without any cause analysis;
    // 综合行政执法体制改革后… only sets the scene for one item.
    {
      ruleId: 'structure/shortcomings-without-causes',
      messageId: 'noCauses',
      line: 52,
      mdLine: 53,
      text: '二、2022年度推进法治政府建设存在的不足',
    },
    // Section 二's numbered items start at (三): its first two items are unnumbered
    // paragraphs (findings.jsonl, high). No fix: the right repair is numbering those.
    {
      ruleId: 'structure/heading-numbering',
      messageId: 'startsNotAtOne',
      line: 58,
      mdLine: 59,
      text: '(三)',
    },
    // After (一)(二)(三) of section 一 come two headings without numbers (findings.jsonl, high).
    {
      ruleId: 'structure/heading-numbering',
      messageId: 'unnumbered',
      line: 30,
      mdLine: 31,
      text: '优化营商环境,加速政府职能转型升级',
    },
    {
      ruleId: 'structure/heading-numbering',
      messageId: 'unnumbered',
      line: 38,
      mdLine: 39,
      text: '运用法治思维,提升基层治理法治化水平',
    },
  ],
  // 宜宾市 2023: 一 第一责任人, 二 主要举措和成效, 三 2024年工作思路 (= 2023 + 1). No dates
  // in the text (the assumed default never triggers the deadline rule).
  '004_5c1a682909791d61': [
    // The shortcomings are a paragraph closing section 二 (findings.jsonl, high)…
    {
      ruleId: 'structure/required-section',
      messageId: 'proseOnly',
      line: 12,
      mdLine: 39,
      text: '但工作仍存在一些差距和不足',
    },
    // …listing three without a word on why.
    {
      ruleId: 'structure/shortcomings-without-causes',
      messageId: 'noCauses',
      line: 12,
      mdLine: 39,
      text: '但工作仍存在一些差距和不足',
    },
  ],
};

function lintStructure(text: string, filePath: string): Diagnostic[] {
  const document = parse(text, { filePath });
  const settings = resolveSettings(document);
  return structureRules.flatMap((rule) => runRule(rule, document, { settings }));
}

// Whether a Markdown heading's range includes its `## ` marker is the parser's choice; compare without it.
function summary(text: string, d: Diagnostic) {
  const underlined = text.slice(d.range.start, d.range.end).replace(/^#{1,6}\s+/u, '');
  return { ruleId: d.ruleId, messageId: d.messageId, line: d.start.line, text: underlined };
}

const ruleOrder = (id: string) => structureRules.findIndex((r) => r.meta.id === id);
const byRuleThenPosition = (a: { ruleId: string; line: number; text: string }, b: { ruleId: string; line: number; text: string }) =>
  ruleOrder(a.ruleId) - ruleOrder(b.ruleId) || a.line - b.line || a.text.localeCompare(b.text);

const fullDir = join(CORPUS, 'full');
const fullReports = readdirSync(fullDir).filter((f) => f.endsWith('.txt')).sort();
const markdownDir = join(CORPUS, 'markdown');

describe('structure rules on the full corpus reports (plain text)', () => {
  it('has a judgement for every full report', () => {
    expect(fullReports.map((f) => f.replace(/\.txt$/, ''))).toEqual(Object.keys(EXPECTED).sort());
  });
  for (const file of fullReports) {
    const id = file.replace(/\.txt$/, '');
    it(`${id}: exactly the judged findings`, () => {
      const text = readFileSync(join(fullDir, file), 'utf8');
      const found = lintStructure(text, file).map((d) => summary(text, d)).sort(byRuleThenPosition);
      const expected = (EXPECTED[id] ?? [])
        .map(({ ruleId, messageId, line, text: t }) => ({ ruleId, messageId, line, text: t }))
        .sort(byRuleThenPosition);
      expect(found).toEqual(expected);
    });
  }
});

describe('structure rules on the Markdown versions of the full reports', () => {
  const files = existsSync(markdownDir) ? readdirSync(markdownDir).filter((f) => f.endsWith('.md')).sort() : [];
  it('has a Markdown version of every full report', () => {
    expect(files.map((f) => f.replace(/\.md$/, ''))).toEqual(Object.keys(EXPECTED).sort());
  });
  for (const file of files) {
    const id = file.replace(/\.md$/, '');
    it(`${id}.md: the same judged findings`, () => {
      const text = readFileSync(join(markdownDir, file), 'utf8');
      const found = lintStructure(text, file).map((d) => summary(text, d)).sort(byRuleThenPosition);
      const expected = (EXPECTED[id] ?? [])
        .map(({ ruleId, messageId, mdLine, text: t }) => ({ ruleId, messageId, line: mdLine, text: t }))
        .sort(byRuleThenPosition);
      expect(found).toEqual(expected);
    });
  }
});

interface KnownFinding {
  readonly file: string;
  readonly kind: string;
  readonly quote: string;
  readonly reasoning: string;
  readonly confidence: string;
}

/*
 * The structural defects among the reader's findings: every missing-section, and
 * the `other` findings about numbering or a report dated before its year ended.
 * (Typos, garbled names and outdated references belong to other families.)
 */
const STRUCTURAL_OTHER = /numbering|before the year/i;
const known: KnownFinding[] = readFileSync(join(CORPUS, 'findings.jsonl'), 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l) as KnownFinding)
  .filter((f) => f.kind === 'missing-section' || (f.kind === 'other' && STRUCTURAL_OTHER.test(f.reasoning)));

describe('known structural defects of findings.jsonl are found', () => {
  it('selects the structural findings', () => {
    // 4 missing-section, 2 numbering, 1 dated before its year ended.
    expect(known.length).toBe(7);
  });
  for (const f of known) {
    it(`${f.file}: ${f.quote}`, () => {
      const text = readFileSync(join(CORPUS, f.file), 'utf8');
      const at = text.indexOf(f.quote);
      expect(at, 'quote not in the report').toBeGreaterThanOrEqual(0);
      const quote = { start: at, end: at + f.quote.length };
      const found = lintStructure(text, f.file).filter((d) => d.range.start < quote.end && quote.start < d.range.end);
      expect(found.map((d) => d.ruleId), f.reasoning).not.toEqual([]);
    });
  }
});

describe('structure rules on the excerpts run cleanly', () => {
  const dir = join(CORPUS, 'excerpts');
  const files = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort();
  it('finds the excerpts', () => {
    expect(files.length).toBeGreaterThan(30);
  });
  for (const file of files) {
    it(file, () => {
      const text = readFileSync(join(dir, file), 'utf8');
      const found = lintStructure(text, file);
      for (const d of found) {
        expect(d.range.start).toBeGreaterThanOrEqual(0);
        expect(d.range.end).toBeLessThanOrEqual(text.length);
        expect(d.range.start).toBeLessThanOrEqual(d.range.end);
        expect(d.message).not.toMatch(/\{\{/);
      }
    });
  }
});
