/**
 * The scorecard's data criterion reads the figures ledger: counts, rates and stated
 * changes, and money amounts; years, dates, ordinals, document numbers, the 12345
 * hotline, numbers in headings and 《》 titles are not data.
 */
import { describe, expect, it } from 'vitest';
import { lint, scoreResult, withScoreRules } from '../src/index.js';

function dataOf(text: string) {
  const result = lint(text, { filePath: '/r/report.md', config: withScoreRules({}), locale: 'zh-CN' });
  const card = scoreResult(result, { filePath: 'report.md', locale: 'zh-CN' });
  return { criterion: card.criteria.data, bySection: card.figuresBySection };
}

const head = (body: string[], plan: string[] = []) =>
  [
    '# 某县人民政府2023年度法治政府建设情况报告',
    '',
    '根据《法治政府建设实施纲要（2021—2025年）》和县政府〔2023〕12号文件要求，现将2023年1月1日至12月31日的情况报告如下。',
    '',
    '## 一、2023年推进法治政府建设的主要举措和成效',
    '',
    ...body,
    '',
    '## 二、2024年工作安排',
    '',
    ...plan,
    '',
  ].join('\n');

describe('the data criterion', () => {
  it('leaves out years, dates, ordinals, document numbers, the hotline, and numbers in headings and titles', () => {
    const { criterion, bySection } = dataOf(
      head([
        '一是第一次全体会议于2023年3月5日召开；二是拨打12345热线的群众诉求由县政务服务中心统一受理；第三批清单于6月公布。',
        '《某县优化营商环境条例（2022年修订）》第12条明确了3项职责。',
      ]),
    );
    // Only 3项 is data.
    expect(criterion.findings[0]!.message).toBe('全文具体数据 1 个（20 个及以上为满分）');
    expect(criterion.score).toBe(5);
    expect(criterion.findings.at(-1)!.message).toBe('例如：3项');
    expect(bySection.map((s) => s.figures)).toEqual([1, 0]);
  });

  it('counts counts, rates, stated changes and money amounts, each number once', () => {
    const { criterion, bySection } = dataOf(
      head(
        [
          '全年共受理行政复议案件120件，审结110件，同比增长20%，办结率、按期答复率均为100%。',
          '投入法治建设经费150万元，培训执法人员1,260人次。',
        ],
        ['力争行政复议案件办结率达到95%以上，培训执法人员1500人次。'],
      ),
    );
    // 120件, 110件, 同比增长20%, 100% (two rates, one number), 150万元, 1,260人次; the plan's 95%以上 and 1500人次.
    expect(criterion.findings[0]!.message).toBe('全文具体数据 8 个（20 个及以上为满分）');
    expect(criterion.score).toBe(40);
    expect(criterion.findings.at(-1)!.message).toBe('例如：120件、110件、同比增长20%、100%、150万元');
    expect(bySection.map((s) => [s.concept, s.figures])).toEqual([
      ['measures-and-results', 6],
      ['next-year-plan', 2],
    ]);
  });
});
