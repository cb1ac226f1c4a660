/**
 * The statistics rules on the real corpus (fixtures/corpus). Every sentence with
 * 收到/受理/办结/审结/化解/整改/率/其中/新增/注销 in the five full reports and the 36
 * excerpts was read: none states numbers that contradict each other (the counts,
 * parts and rates that can be checked all hold, see EXTRACTED below), and the
 * corpus findings files record no `stat-inconsistency`. So the expectation is
 * silence on every report, in plain text and in its Markdown version, while the
 * extraction still sees the relations a reader sees.
 *
 * The same holds for the six archive reports and for the whole-report rules
 * (inconsistent-figure, growth-mismatch, carried-over arithmetic, rates across a
 * section): every figure they could pair was read (JUDGED below lists each finding
 * with its judgement; there is none), and the figures ledger is checked to see what
 * a reader sees (keys, periods, scopes).
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from '@fzlint/parser';
import { resolveSettings, runRule, type Diagnostic } from '@fzlint/rule-api';
import { describe, expect, it } from 'vitest';
import { extractStatistics, figureLedger, statisticsRules } from '../src/statistics/index.js';

const CORPUS = join(dirname(fileURLToPath(import.meta.url)), '../../../fixtures/corpus');

interface Finding {
  readonly file: string;
  readonly kind: string;
  readonly quote: string;
  readonly confidence?: string;
}

function readFindings(path: string, prefix: string): Finding[] {
  if (!existsSync(path)) return [];
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Finding)
    .map((f) => ({ ...f, file: f.file.startsWith(prefix) ? f.file : `${prefix}${f.file}` }));
}

const findings = [
  ...readFindings(join(CORPUS, 'findings.jsonl'), ''),
  ...readFindings(join(CORPUS, 'excerpts/findings.jsonl'), 'excerpts/'),
];
const statFindings = findings.filter((f) => f.kind === 'stat-inconsistency');

const reports = [
  ...readdirSync(join(CORPUS, 'full'))
    .filter((f) => f.endsWith('.txt'))
    .map((f) => `full/${f}`),
  ...readdirSync(join(CORPUS, 'excerpts'))
    .filter((f) => f.endsWith('.txt'))
    .map((f) => `excerpts/${f}`),
  ...(existsSync(join(CORPUS, 'markdown'))
    ? readdirSync(join(CORPUS, 'markdown'))
        .filter((f) => f.endsWith('.md'))
        .map((f) => `markdown/${f}`)
    : []),
  ...(existsSync(join(CORPUS, 'archive'))
    ? readdirSync(join(CORPUS, 'archive'))
        .filter((f) => f.endsWith('.txt'))
        .map((f) => `archive/${f}`)
    : []),
];

/**
 * Every finding of the statistics rules on the development corpus (full/, archive/,
 * excerpts/, markdown/), with a one-line judgement: `file`, rule, the text it covers.
 * None: the reports state no figures that contradict each other (read by hand: the
 * repeated figures of full/004 — 172件 and 155件 行政复议案件 — are given once; the
 * changes 较去年提升2个百分点 (full/000) and 出庭应诉率较上一年提高40% (full/002) have no
 * base figure in the text; m002's 69宗 received / 64 concluded / 5 pending add up).
 */
const JUDGED: readonly { readonly file: string; readonly ruleId: string; readonly text: string; readonly judgement: string }[] = [];

function lintStatistics(file: string): { text: string; diagnostics: Diagnostic[] } {
  const text = readFileSync(join(CORPUS, file), 'utf8');
  const document = parse(text, { filePath: file });
  const settings = resolveSettings(document);
  return { text, diagnostics: statisticsRules.flatMap((rule) => runRule(rule, document, { settings })) };
}

describe('statistics rules on the corpus', () => {
  it('reads the corpus', () => {
    expect(reports.filter((r) => r.startsWith('full/'))).toHaveLength(5);
    expect(reports.filter((r) => r.startsWith('excerpts/'))).toHaveLength(36);
    expect(reports.filter((r) => r.startsWith('archive/'))).toHaveLength(6);
  });

  it('gives exactly the judged findings (any severity)', () => {
    const found = reports.flatMap((file) => {
      const { text, diagnostics } = lintStatistics(file);
      return diagnostics.map((d) => ({ file, ruleId: d.ruleId, text: text.slice(d.range.start, d.range.end) }));
    });
    expect(found).toEqual(JUDGED.map(({ file, ruleId, text }) => ({ file, ruleId, text })));
  });

  for (const file of reports) {
    const expected = statFindings.filter((f) => f.file === file);
    it(`${file}: ${expected.length ? 'finds the recorded defects' : 'no finding'}`, () => {
      const { text, diagnostics } = lintStatistics(file);
      const shown = diagnostics.map((d) => `${d.ruleId} @${d.start.line}: ${d.message} «${text.slice(d.range.start, d.range.end)}»`);
      if (expected.length === 0) {
        expect(shown).toEqual([]);
        return;
      }
      for (const f of expected) {
        const at = text.indexOf(f.quote);
        expect(at, `quote of ${file} not found`).toBeGreaterThanOrEqual(0);
        const hit = diagnostics.some((d) => d.range.start < at + f.quote.length && d.range.end > at);
        expect(hit, `${f.quote}\n${shown.join('\n')}`).toBe(true);
      }
    });
  }
});

describe('statistics extraction on the corpus', () => {
  const stats = (file: string) => {
    const text = readFileSync(join(CORPUS, file), 'utf8');
    return { text, result: extractStatistics(parse(text, { filePath: file })) };
  };

  it('full/000: 收到行政复议案件106件, 审结90件 pair on the elided object', () => {
    const { result } = stats('full/000_db52c8fa8bf2b1ef.txt');
    const pairs = result.relations.filter((r) => r.kind === 'received-concluded');
    expect(pairs.map((p) => [p.received.value, p.concluded.value, p.concluded.object?.key])).toContainEqual([
      106,
      90,
      'administrative-review-case',
    ]);
  });

  it('full/001: 整改率99.7% and the truncated 45.94% are computed from their counts', () => {
    const { result } = stats('full/001_72ea27b1fd9ec9ba.txt');
    const rates = result.relations.flatMap((r) =>
      r.kind === 'rate' ? [[r.rate.value, r.numerator.value, r.denominator.value] as const] : [],
    );
    expect(rates).toContainEqual([99.7, 3590, 3600]);
    // 确定37件矛盾隐患。截至目前,已化解17起: object and count carried to the next sentence.
    expect(rates).toContainEqual([45.94, 17, 37]);
  });

  it('full/003: 新增 − 注销 = 净增 holds in total and for 企业 and 个体工商户 (个工商户 typo included)', () => {
    const { result } = stats('full/003_5b463c698add1c1a.txt');
    const derived = result.relations.filter((r) => r.kind === 'derived-total');
    expect(derived.map((d) => [d.label ?? '', d.expected, d.result.value])).toEqual([
      ['', 25619, 25619],
      ['企业', 2510, 2510],
      ['个体工商户', 23109, 23109],
    ]);
    const splits = result.relations.filter((r) => r.kind === 'parts' && r.exhaustive === 'split');
    expect(splits).toHaveLength(3);
  });

  it('full/004: the non-exhaustive 其中 list of 804 is read as parts', () => {
    const { result } = stats('full/004_5c1a682909791d61.txt');
    const parts = result.relations.filter((r) => r.kind === 'parts');
    expect(parts.map((p) => [p.total.value, p.parts.map((q) => q.value), p.exhaustive])).toContainEqual([
      804,
      [29, 14, 22],
      false,
    ]);
  });

  it('does not count years, dates, document numbers, hotlines, money, growth or per-capita figures', () => {
    const text =
      '2022年3月15日，依据长府发〔2020〕9号，12345热线受理工单，投入资金120万元，同比增长40%，提高2个百分点，增长6倍，千人拥有市场主体107.48户，受理行政复议案件12件。';
    const result = extractStatistics(parse(text, { format: 'plaintext' }));
    expect(result.mentions.map((m) => m.number.raw)).toEqual(['12件']);
    expect(result.rates).toEqual([]);
  });
});

describe('the figures ledger on the corpus', () => {
  const ledger = (file: string) => {
    const text = readFileSync(join(CORPUS, file), 'utf8');
    const document = parse(text, { filePath: file });
    return figureLedger(document);
  };
  const find = (file: string, figure: string) => ledger(file).statements.find((s) => s.text === figure);

  it('full/004: 全年受理行政复议案件172件 is this year’s accepted cases, the report’s own', () => {
    const s = find('full/004_5c1a682909791d61.txt', '172件');
    expect(s?.key).toMatchObject({ object: 'administrative-review-case', measure: 'received', basis: 'accept', unit: 'item' });
    expect([s?.key.scope.kind, s?.key.period.id, s?.key.period.text]).toEqual(['report', 'current', '全年']);
  });

  it('full/000: 2021年,全市共审结行政诉讼案件90件 is this year’s (report year 2021), of the whole city', () => {
    const s = ledger('full/000_db52c8fa8bf2b1ef.txt').statements.find((x) => x.text === '90件' && x.key.object === 'administrative-litigation-case');
    expect([s?.key.measure, s?.key.scope.kind, s?.key.scope.id, s?.key.period.id]).toEqual(['concluded', 'area', '全市', 'current']);
  });

  it('full/002: 区本级受理行政复议案件6件 is the district’s own level', () => {
    const s = find('full/002_55a70afaa3186b60.txt', '6件');
    expect([s?.key.scope.kind, s?.key.scope.id]).toEqual(['own-level', '区本级']);
  });

  it('full/001: 截至目前,已化解17起 is a stock on a day, not this year’s figure', () => {
    const s = find('full/001_72ea27b1fd9ec9ba.txt', '17起');
    expect([s?.key.measure, s?.key.period.kind, s?.key.period.text]).toEqual(['concluded', 'as-of', '截至目前']);
  });

  it('full/000: 较去年提升2个百分点 is a change of the 满意率 before it, with no base in the text', () => {
    const l = ledger('full/000_db52c8fa8bf2b1ef.txt');
    const change = l.statements.find((s) => s.kind === 'change' && s.text.includes('2个百分点'));
    expect(change?.change?.subjectAt).toBeDefined();
    expect(l.changes.filter((c) => c.change === change?.change)).toEqual([]);
  });

  it('lists years, dates and ordinals as no figures', () => {
    const l = ledger('full/003_5b463c698add1c1a.txt');
    expect(l.statements.some((s) => /^20\d\d年/.test(s.text))).toBe(false);
    expect(l.statements.length).toBeGreaterThan(20);
  });
});
