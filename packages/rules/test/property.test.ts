/**
 * Property-based tests of the whole rule set (every registered rule, all families)
 * over random Unicode, random Markdown and real reports cut and spliced at random:
 *
 * - parsing and linting never throw;
 * - every diagnostic, fix and suggestion range lies inside the text;
 * - fixing is idempotent: fixing the fixed text changes nothing;
 * - re-linting the fixed text leaves no fixable finding (fixes converge).
 *
 * Fixing follows the engine: non-overlapping fixes applied in one pass, passes
 * repeated until nothing applies (bounded).
 */
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { parse } from '@fzlint/parser';
import { applyFixesOnce, resolveSettings, runRule, type Diagnostic, type Fix } from '@fzlint/rule-api';
import { describe, expect, it } from 'vitest';
import { rules } from '../src/index.js';

type Format = 'markdown' | 'plaintext';
const MAX_PASSES = 10;
// Generous: the machine is shared, and these tests assert properties, never time.
const TIMEOUT = 180_000;

function lintAll(text: string, format: Format): Diagnostic[] {
  const document = parse(text, { format });
  const settings = resolveSettings(document);
  return rules.flatMap((rule) => runRule(rule, document, { settings }));
}

function inside(text: string, fix: Fix | { range: { start: number; end: number } }): boolean {
  const { start, end } = fix.range;
  return Number.isInteger(start) && Number.isInteger(end) && start >= 0 && start <= end && end <= text.length;
}

/** Fixes until stable; returns the text and how many passes it took (MAX_PASSES + 1: did not converge). */
function fixAll(text: string, format: Format): { output: string; passes: number } {
  let output = text;
  for (let pass = 1; pass <= MAX_PASSES; pass++) {
    const fixes = lintAll(output, format).flatMap((d) => (d.fix ? [d.fix] : []));
    if (fixes.length === 0) return { output, passes: pass - 1 };
    const applied = applyFixesOnce(output, fixes);
    if (applied.applied.length === 0) return { output, passes: pass - 1 };
    output = applied.output;
  }
  return { output, passes: MAX_PASSES + 1 };
}

/** The four properties for one text in one format. */
function holds(text: string, format: Format): void {
  const diagnostics = lintAll(text, format);
  for (const d of diagnostics) {
    expect(inside(text, d), `${d.ruleId} range ${JSON.stringify(d.range)} outside ${text.length}`).toBe(true);
    if (d.fix) expect(inside(text, d.fix), `${d.ruleId} fix outside the text`).toBe(true);
    for (const s of d.suggestions ?? []) expect(inside(text, s.fix), `${d.ruleId} suggestion outside the text`).toBe(true);
    for (const r of d.related ?? []) expect(inside(text, r), `${d.ruleId} related range outside the text`).toBe(true);
    expect(d.start.line).toBeGreaterThanOrEqual(1);
  }
  const once = fixAll(text, format);
  expect(once.passes, 'fixes did not converge').toBeLessThanOrEqual(MAX_PASSES);
  const remaining = lintAll(once.output, format).filter((d) => d.fix);
  expect(remaining.map((d) => `${d.ruleId}: ${d.message}`), 'fixed output is still fixable').toEqual([]);
  expect(fixAll(once.output, format).output, 'fixing twice differs from fixing once').toBe(once.output);
}

const HERE = dirname(fileURLToPath(import.meta.url));
const CORPUS = join(HERE, '../../../fixtures/corpus');
const corpusTexts: string[] = [];
for (const sub of ['full', 'excerpts', 'markdown']) {
  const dir = join(CORPUS, sub);
  if (!existsSync(dir)) continue;
  for (const f of readdirSync(dir).sort()) if (/\.(?:txt|md)$/.test(f)) corpusTexts.push(readFileSync(join(dir, f), 'utf8'));
}

// Any UTF-16 code unit, lone surrogates included, with report punctuation and digits made likely.
const codeUnit = fc.oneof(
  { weight: 3, arbitrary: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)) },
  { weight: 3, arbitrary: fc.constantFrom(...'一二三四五六七八九十（）()、.．。，,；：:年月日度%‰余多近约0123456789０１２３\n\n #>-*|`<!-') },
  { weight: 1, arbitrary: fc.constantFrom('\u{20000}', '\u{1F600}', '\uD800', '\uDFFF', '\u0000', '\r\n', '\u3000', '\uFEFF') },
);
const unicodeText = fc.string({ unit: codeUnit, maxLength: 400 });

// Lines of reports, in both shapes, with the constructs the parser and rules look at.
const fragment = fc.oneof(
  fc.constantFrom(
    '# 2021年度桐乡市法治政府建设工作情况的报告',
    '2021年度桐乡市法治政府建设工作情况的报告',
    '## 一、2021年推进法治政府建设工作举措和成效',
    '一、2021年推进法治政府建设工作举措和成效',
    '### (一)统筹领导,当好法治建设“推进器”',
    '（二）数字赋能,营商环境跑出“加速度”',
    '(四)依法行政,压实法治政府“责任田”',
    '1. 压实工作责任。开发区(黄梅街道)党政主要负责人认真履行推进法冶政府建设第一责任人职责。',
    '２．完善制度机制。坚持依法决策、科学决策、民主决策。',
    '(3)强化考核监督',
    '二、党政主要负责人履行推进法治建设第一责任人职责情况',
    '三、2021年推进法治政府建设中存在的问题',
    '四、2021年度推进法治政府建设工作思路',
    '五、其他需要报告的情况',
    '优化营商环境,加速政府职能转型升级',
    '2021年,桐乡市人民政府在市委的正确领导下,以法治政府建设示范创建为主抓手。',
    '但工作仍存在一些差距和不足,主要表现在:法治政府建设区域发展需进一步均衡。',
    '原因在于:部分领导干部和工作人员对法治政府建设重视程度还不够高。',
    '2021年,全市共审结行政诉讼案件90件,败诉4件;共收到行政复议案件106件,审结115件。',
    '今年共排查隐患3600条,整改3590条,整改率99.7%。确定37件矛盾隐患,已化解17起,化解达成率为45.94%。',
    '深入贯彻党的十九大和十九届二中、三中、四中、五中、六中全会精神,开展“七五”普法总结验收。',
    '严格落实《长春市人民政府重大行政决策程序实施办法》(长府发〔2020〕9号)。',
    '落实《法治政府建设实施纲要(2015-2020年)》,推进法冶政府建设,服务个工商户。',
    '江苏省句容经济开发区管理委员会',
    '2021年12月6日',
    '发布日期: 2022-05-10',
    '<!-- fzlint-disable-next-line structure/heading-numbering -->',
    'fzlint-disable structure/required-section',
    '- 列表项 1,436件',
    '> 引用 211.29万元',
    '```\n代码 一、\n```',
    '| 索引号: | 330483ZFC00000/2022-130246 |',
    '---\nyear: 2022\n---',
    '',
  ),
  unicodeText.map((s) => s.slice(0, 60)),
);
const markdownText = fc
  .array(fragment, { maxLength: 30 })
  .chain((lines) => fc.constantFrom('\n', '\n\n', ' ', '').map((sep) => lines.join(sep)));

// Real reports cut at random points and spliced together.
const spliced = fc
  .array(
    fc.record({ file: fc.nat({ max: Math.max(0, corpusTexts.length - 1) }), from: fc.nat(), length: fc.nat({ max: 4000 }) }),
    { minLength: 1, maxLength: 4 },
  )
  .map((cuts) =>
    cuts
      .map(({ file, from, length }) => {
        const text = corpusTexts[file] ?? '';
        const start = text.length === 0 ? 0 : from % text.length;
        return text.slice(start, start + length);
      })
      .join(''),
  );

const format = fc.constantFrom<Format>('markdown', 'plaintext');

describe('every rule, on any input', () => {
  it('loads the corpus to cut from', () => {
    expect(corpusTexts.length).toBeGreaterThan(40);
  });

  it('random Unicode', () => {
    fc.assert(fc.property(unicodeText, format, (text, f) => holds(text, f)), { numRuns: 150 });
  }, TIMEOUT);

  it('random Markdown and report-shaped text', () => {
    fc.assert(fc.property(markdownText, format, (text, f) => holds(text, f)), { numRuns: 150 });
  }, TIMEOUT);

  it('corpus reports cut and spliced at random', () => {
    fc.assert(fc.property(spliced, format, (text, f) => holds(text, f)), { numRuns: 60 });
  }, TIMEOUT);

  it('whole corpus reports', () => {
    for (const text of corpusTexts) {
      holds(text, 'plaintext');
      holds(text, 'markdown');
    }
  }, TIMEOUT);
});
