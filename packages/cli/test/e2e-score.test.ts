import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { copyRepo, fzlint } from './helpers.js';
import { paragraphOf, reportDocx, reportPage } from './support/reports.js';

let repo: { dir: string; cleanup: () => void };
beforeEach(() => {
  repo = copyRepo();
  mkdirSync(join(repo.dir, 'score'), { recursive: true });
});
afterEach(() => repo.cleanup());

const at = (rel: string) => join(repo.dir, rel);

interface Finding {
  message: string;
  line?: number;
  ruleId?: string;
  text?: string;
  ok: boolean;
}
interface Criterion {
  id: string;
  score: number | null;
  verdict: string;
  findings: Finding[];
}
interface Card {
  filePath: string;
  positionUnit: 'line' | 'paragraph';
  reportYear: number | null;
  overall: number | null;
  criteria: Record<'completeness' | 'causes' | 'data' | 'plan' | 'timeliness', Criterion>;
  figuresBySection: { heading: string; line: number; concept?: string; figures: number }[];
}

/** A complete report: causes analysed, five figures, a plan of three items (one owner, one deadline, one vague). */
const GOOD = `# 丁县人民政府关于2023年度法治政府建设情况的报告

2023年，丁县人民政府深入学习贯彻习近平法治思想，法治政府建设取得新成效。现将有关情况报告如下：

## 一、2023年推进法治政府建设的主要举措和成效

县政府常务会议专题研究法治工作5次，组织会前学法12次。全年共收到行政复议申请106件，审结98件，政务服务事项网上可办率达98.6%，参训干部1,260人次。

## 二、2023年推进法治政府建设存在的不足和原因

一是基层执法力量不足；二是普法针对性不强。究其原因，主要是对法治建设的投入不够。

## 三、党政主要负责人履行推进法治建设第一责任人职责情况

县政府主要负责人认真履行推进法治建设第一责任人职责，亲自部署重要工作。

## 四、2024年工作打算

### （一）加强行政执法队伍建设

由县司法局牵头，开展全员轮训。

### （二）推进合法性审核全覆盖

6月底前实现乡镇合法性审核机构全覆盖。

### （三）深化法治宣传教育

持续深化法治宣传教育。

丁县人民政府

2024年3月18日
`;

/** No shortcomings part, no plan, no figures, no date. */
const THIN = `# 戊镇2023年度法治政府建设情况报告

## 一、主要举措和成效

戊镇坚持以习近平法治思想为指导，全面推进依法行政，各项工作取得积极成效。

## 二、党政主要负责人履行推进法治建设第一责任人职责情况

镇党政主要负责人认真履行推进法治建设第一责任人职责。
`;

function score(args: readonly string[]): { code: number | null; cards: Card[]; stderr: string } {
  const run = fzlint(repo.dir, ['score', ...args, '--format', 'json']);
  return { code: run.code, cards: run.stdout === '' ? [] : (JSON.parse(run.stdout) as Card[]), stderr: run.stderr };
}

describe('fzlint score', () => {
  it('scores a complete report, with the evidence behind each criterion', () => {
    writeFileSync(at('score/good.md'), GOOD);
    const { code, cards, stderr } = score(['score/good.md']);
    expect(code, stderr).toBe(0);
    const [card] = cards;
    expect(card).toMatchObject({ filePath: 'score/good.md', positionUnit: 'line', reportYear: 2023 });
    const c = card!.criteria;
    expect(c.completeness).toMatchObject({ score: 100, verdict: 'pass' });
    expect(c.completeness.findings.map((f) => f.line)).toEqual([5, 9, 13, 17]);
    expect(c.causes).toMatchObject({ score: 100, verdict: 'pass' });
    expect(c.causes.findings[0]).toMatchObject({ line: 11, text: expect.stringContaining('究其原因') });
    // 5次, 12次, 106件, 98件, 98.6%, 1,260人次: six figures, all in the results part.
    expect(c.data).toMatchObject({ score: 30, verdict: 'partial' });
    expect(card!.figuresBySection.map((s) => [s.line, s.concept, s.figures])).toEqual([
      [5, 'measures-and-results', 6],
      [9, 'shortcomings-and-causes', 0],
      [13, 'first-responsible-person', 0],
      [17, 'next-year-plan', 0],
    ]);
    // Three items: an owner (由县司法局牵头), a deadline (6月底前), a vague one.
    expect(c.plan).toMatchObject({ score: 67, verdict: 'partial' });
    expect(c.plan.findings.slice(1).map((f) => [f.line, f.ok])).toEqual([
      [19, true],
      [23, true],
      [27, false],
    ]);
    expect(c.plan.findings[1]?.message).toContain('县司法局牵头');
    expect(c.plan.findings[2]?.message).toContain('6月底前');
    expect(c.timeliness).toMatchObject({ score: 100, verdict: 'pass' });
    expect(c.timeliness.findings[0]).toMatchObject({ line: 33, ok: true });
    expect(card!.overall).toBe(Math.round((100 + 100 + 30 + 67 + 100) / 5));
  });

  it('scores a thin report low and says why, from the structure rules’ findings', () => {
    writeFileSync(at('score/thin.md'), THIN);
    const { cards } = score(['score/thin.md']);
    const c = cards[0]!.criteria;
    expect(c.completeness).toMatchObject({ score: 50, verdict: 'partial' });
    const missing = c.completeness.findings.filter((f) => !f.ok);
    expect(missing.map((f) => f.ruleId)).toEqual(['structure/required-section', 'structure/required-section']);
    expect(missing[0]?.message).toContain('存在的不足和原因');
    expect(missing[1]?.message).toContain('下一年度主要安排');
    expect(c.causes).toMatchObject({ score: 0, verdict: 'fail' });
    expect(c.data).toMatchObject({ score: 0, verdict: 'fail' });
    expect(c.plan).toMatchObject({ score: 0, verdict: 'fail' });
    // No date in the text: not judged, and left out of the overall score.
    expect(c.timeliness).toMatchObject({ score: null, verdict: 'unknown' });
    expect(cards[0]!.overall).toBe(Math.round((50 + 0 + 0 + 0) / 4));
  });

  it('shortcomings without causes fail the causes criterion with the rule’s finding', () => {
    writeFileSync(at('score/no-causes.md'), GOOD.replace('究其原因，主要是对法治建设的投入不够。', '').replace('存在的不足和原因', '存在的不足'));
    const c = score(['score/no-causes.md']).cards[0]!.criteria;
    expect(c.causes.verdict).toBe('fail');
    expect(c.causes.findings).toEqual([expect.objectContaining({ ruleId: 'structure/shortcomings-without-causes', line: 9, ok: false })]);
  });

  it('the structure rules run for the score even when the config turns them off', () => {
    writeFileSync(at('score/thin.md'), THIN);
    writeFileSync(at('score/fzlint.config.json'), JSON.stringify({ rules: { 'structure/required-section': 'off', 'structure/shortcomings-without-causes': 'off' } }));
    expect(score(['score/thin.md']).cards[0]!.criteria.completeness.score).toBe(50);
  });

  it('a late signature fails timeliness', () => {
    writeFileSync(at('score/late.md'), GOOD.replace('2024年3月18日', '2024年6月18日'));
    const c = score(['score/late.md']).cards[0]!.criteria;
    expect(c.timeliness.verdict).toBe('fail');
    expect(c.timeliness.findings.some((f) => f.ruleId === 'structure/disclosure-deadline')).toBe(true);
  });

  it('scores .docx and .html reports with paragraph numbers', () => {
    writeFileSync(at('score/甲县.docx'), reportDocx());
    writeFileSync(at('score/甲县.html'), reportPage());
    const { cards, stderr } = score(['score']);
    expect(stderr).toBe('');
    expect(cards.map((c) => [c.filePath, c.positionUnit])).toEqual([
      ['score/甲县.docx', 'paragraph'],
      ['score/甲县.html', 'paragraph'],
    ]);
    const docx = cards[0]!;
    expect(docx.criteria.completeness.score).toBe(100);
    expect(docx.criteria.completeness.findings.map((f) => f.line)).toEqual([
      paragraphOf('一、2023年'),
      paragraphOf('二、2023年'),
      paragraphOf('三、党政'),
      paragraphOf('四、2024年'),
    ]);
    expect(docx.criteria.plan.findings.slice(1).map((f) => f.ok)).toEqual([true, false]);
    // The Word file states its signature date; the page its publication date (metadata).
    expect(docx.criteria.timeliness.findings[0]?.message).toContain('2024-03-20');
    expect(cards[1]!.criteria.timeliness.findings[0]?.message).toContain('2024-03-28');
  });

  it('prints a table and the findings in Chinese, or in English with --locale en', () => {
    writeFileSync(at('score/good.md'), GOOD);
    writeFileSync(at('score/thin.md'), THIN);
    const zh = fzlint(repo.dir, ['score', 'score/good.md', 'score/thin.md']);
    expect(zh.code, zh.stderr).toBe(0);
    const lines = zh.stdout.split('\n');
    expect(lines[0]).toMatch(/^文件\s+内容完整\s+原因分析\s+数据运用\s+安排具体\s+公开及时\s+总分$/);
    expect(lines[1]).toMatch(/^score\/good\.md\s+100\s+通过\s+30\s+67\s+通过\s+79$/);
    expect(lines[2]).toMatch(/^score\/thin\.md\s+50\s+未通过\s+0\s+0\s+无法判断\s+13$/);
    expect(zh.stdout).toContain('✓ 行 11：分析了不足的原因');
    expect(zh.stdout).toContain('✗ 行 27：没有责任主体或完成时限');
    const en = fzlint(repo.dir, ['score', 'score/good.md', '--locale', 'en']);
    expect(en.stdout.split('\n')[0]).toMatch(/^File\s+Complete\s+Causes\s+Data\s+Plan\s+Timely\s+Overall$/);
    expect(en.stdout).toContain('✓ line 11: The causes of the shortcomings are analysed');
  });

  it('usage errors: no file, a lint-only format', () => {
    const none = fzlint(repo.dir, ['score']);
    expect(none.code).toBe(2);
    expect(none.errLines).toEqual([expect.stringMatching(/^fzlint: score 需要至少一个报告文件 — /)]);
    const sarif = fzlint(repo.dir, ['score', 'reports', '--format', 'sarif']);
    expect(sarif.code).toBe(2);
    expect(sarif.errLines[0]).toContain('--format text');
  });

  it('a missing file is one line and exit 2; the other reports are still scored', () => {
    writeFileSync(at('score/good.md'), GOOD);
    const { code, cards, stderr } = score(['score/good.md', 'score/nope.md']);
    expect(code).toBe(2);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(cards).toHaveLength(1);
  });
});
