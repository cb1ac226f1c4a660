import { RuleTester } from '@fzlint/rule-api/testing';
import { rule } from './plan-not-reported.js';

const plain = { format: 'plaintext' } as const;
const report = (...lines: string[]): string => lines.join('\n') + '\n';

// 洪洞县 2022 (full/003): the plan for 2023, six sub-headed items (three kept here).
const LAST_YEAR = report(
  '洪洞县2022年法治政府建设工作情况报告',
  '一、2022年法治政府工作开展情况回顾',
  '(一)聚焦法治建设,全面提高依法行政能力',
  '以坚持党的领导为核心,确保全面依法治县正确政治方向。',
  '四、2023年度法治政府建设工作重点',
  '(一)切实提升领导干部法治素养',
  '1.进一步强化理论武装,将习近平总书记全面依法治国新理念新思想新战略和党的二十大精神列入各级党委(党组)中心组理论学习计划。',
  '(二)扎实落实行政机关负责人出庭应诉制度',
  '严格落实行政机关负责人出庭应诉制度,提高行政机关负责人出庭应诉率。',
  '(三)继续深化“放管服”改革',
  '持续推进“一枚印章管审批”改革。',
);
const previous = { code: LAST_YEAR, filePath: 'reports/洪洞县2022.txt', parse: plain };

// 桐乡市 2021 (full/000): a plan in one paragraph, 一是……二是…….
const LAST_YEAR_ENUMERATED = report(
  '2021年度桐乡市法治政府建设工作情况的报告',
  '一、2021年推进法治政府建设工作举措和成效',
  '一是强化工作协调。召开市委依法治市委员会第三次会议。',
  '四、2022年度推进法治政府建设工作思路',
  '2022年,我市将重点做好以下工作:一是推进“大综合一体化”行政执法改革;二是开展“八五”普法中期评估;三是建设市级行政执法监督平台。',
);
const enumerated = { code: LAST_YEAR_ENUMERATED, filePath: '2021.txt', parse: plain };

const TITLE_2023 = '洪洞县2023年法治政府建设工作情况报告';
const MEASURES_2023 = '一、2023年法治政府工作开展情况回顾';

new RuleTester().run(rule, {
  valid: [
    {
      name: 'without last year’s report the rule says nothing',
      code: report(TITLE_2023, MEASURES_2023, '全年办理行政复议案件58件。'),
      parse: plain,
    },
    {
      name: 'every item reported on, in other words than the plan’s (key terms, not wording)',
      code: report(
        TITLE_2023,
        MEASURES_2023,
        '(一)领导干部法治素养明显提升。县委中心组开展专题学法6次,举办领导干部法治讲座3场。',
        '(二)行政机关负责人出庭应诉率达到100%。全年行政诉讼案件46件,负责人全部出庭。',
        '(三)“放管服”改革持续深化。“一枚印章管审批”事项扩大到236项。',
      ),
      parse: plain,
      previous,
    },
    {
      name: 'an item reported on only in this year’s shortcomings still counts as reported',
      code: report(
        TITLE_2023,
        MEASURES_2023,
        '(一)领导干部法治素养明显提升。县委中心组开展专题学法6次。(二)“放管服”改革持续深化。',
        '二、2023年度推进法治政府建设存在的不足',
        '(一)行政机关负责人出庭应诉制度落实不够,出庭应诉率仅为68%。',
      ),
      parse: plain,
      previous,
    },
    {
      name: 'a previous report of another year (2020) says nothing about 2023',
      code: report(TITLE_2023, MEASURES_2023, '全年办理行政复议案件58件。'),
      parse: plain,
      previous: { code: LAST_YEAR.replaceAll('2022', '2020').replaceAll('2023', '2021'), parse: plain },
    },
    {
      name: 'an enumerated plan all reported',
      code: report(
        '2022年度桐乡市法治政府建设工作情况的报告',
        '一、2022年推进法治政府建设工作举措和成效',
        '“大综合一体化”行政执法改革全面铺开,综合执法事项占比达到32%。完成“八五”普法中期评估,获评全省优秀。市级行政执法监督平台上线运行。',
      ),
      parse: plain,
      previous: enumerated,
    },
    {
      name: 'a plan item made only of generic words (加强 … 工作) cannot be judged',
      code: report(TITLE_2023, MEASURES_2023, '全年办理行政复议案件58件。'),
      parse: plain,
      previous: {
        code: report('洪洞县2022年法治政府建设工作情况报告', '一、2022年法治政府工作开展情况回顾', '全年办理行政复议案件50件。', '四、2023年度法治政府建设工作重点', '(一)持续加强各项工作', '进一步做好相关工作。'),
        parse: plain,
      },
    },
  ],
  invalid: [
    {
      name: 'one item never mentioned (出庭应诉) is listed, pointing at last year’s plan',
      code: report(
        TITLE_2023,
        MEASURES_2023,
        '(一)领导干部法治素养明显提升。县委中心组开展专题学法6次,举办领导干部法治讲座3场。',
        '(二)“放管服”改革持续深化。“一枚印章管审批”事项扩大到236项。',
        '四、2024年度法治政府建设工作重点',
        '(一)扎实落实行政机关负责人出庭应诉制度',
      ),
      parse: plain,
      previous,
      errors: [
        {
          messageId: 'notReported',
          severity: 'info',
          line: 2,
          text: MEASURES_2023,
          messageIncludes: '1项工作在本年度报告中未见落实情况：“扎实落实行政机关负责人出庭应诉制度”',
          previousLines: [8],
        },
      ],
    },
    {
      name: 'an enumerated plan (一是……) with two items not reported',
      code: report(
        '2022年度桐乡市法治政府建设工作情况的报告',
        '一、2022年推进法治政府建设工作举措和成效',
        '“大综合一体化”行政执法改革全面铺开,综合执法事项占比达到32%。',
      ),
      parse: plain,
      previous: enumerated,
      errors: [{ messageId: 'notReported', messageIncludes: '2项工作', previousLines: [5, 5] }],
    },
    {
      name: 'a report without a measures heading gets the finding on its title',
      code: report(TITLE_2023, '全年办理行政复议案件58件,领导干部法治素养明显提升,“放管服”改革持续深化。'),
      parse: plain,
      previous,
      errors: [{ messageId: 'notReported', line: 1, text: TITLE_2023 }],
    },
    {
      name: 'English message',
      code: report(TITLE_2023, MEASURES_2023, '全年办理行政复议案件58件。'),
      parse: plain,
      previous,
      settings: { locale: 'en' },
      errors: [{ messageId: 'notReported', severity: 'info' }],
    },
  ],
});
