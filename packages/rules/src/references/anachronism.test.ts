import { RuleTester } from '@fzlint/rule-api/testing';
import { rule } from './anachronism.js';
import { reportMarkdown as md, writtenAt as at } from '../../test/support/report.js';


const gangyao2021 = '认真落实《法治政府建设实施纲要（2021—2025年）》，推进依法行政。';

new RuleTester().run(rule, {
  valid: [
    { name: 'the 2021–2025 纲要 in 2021', code: md(2021, gangyao2021), settings: at(2021) },
    { name: '八五 in the plan of the 2020 report', code: md(2020, '推进依法行政。', '全面启动“八五”普法。'), settings: at(2020) },
    { name: 'preparing the 八五 plan in 2020', code: md(2020, '启动“八五”普法规划编制工作。'), settings: at(2020) },
    { name: '十四五 planned in 2020 (adopted March 2021)', code: md(2020, '科学谋划“十四五”时期法治建设。'), settings: at(2020) },
    {
      name: 'the next five-year period in a report signed before its plan was adopted',
      code: md(2020, '为“十四五”开好局、起好步奠定坚实基础。'),
      settings: at(2020, 1, 15),
    },
    { name: 'generic 行政复议法 in 2022 means the 2017 version', code: md(2022, '依照行政复议法办理案件56件。'), settings: at(2022) },
    { name: 'a revised law existed before its revision', code: md(2020, '贯彻实施行政处罚法，规范执法行为。'), settings: at(2020) },
    { name: 'sixth plenum, signed 2021-12-06', code: md(2021, '学习贯彻党的十九届六中全会精神。'), settings: at(2021, 12, 6) },
    { name: 'looking forward to a congress', code: md(2021, '以优异成绩迎接党的二十大胜利召开。'), settings: at(2021) },
    { name: 'a draft under consultation', code: md(2024, '积极参与民营经济促进法草案征求意见。'), settings: at(2024) },
    { name: '信访工作条例 in 2022', code: md(2022, '深入贯彻《信访工作条例》。'), settings: at(2022) },
    {
      name: '信访工作条例 published (February 2022) before it took effect (May 2022)',
      code: md(2021, '认真学习《信访工作条例》。'),
      settings: at(2021),
    },
    { name: '十五五 in 2025 report written after its adoption', code: md(2025, '对标“十五五”规划纲要部署。'), settings: at(2025) },
    {
      // Longest match wins: 新型冠状病毒感染 (the 2022 name) inside 新型冠状病毒感染的肺炎 (the January 2020 name).
      name: 'the 2020 name of the disease holds the 2022 name',
      code: md(2020, '面对新型冠状病毒感染的肺炎疫情，依法落实新型冠状病毒感染肺炎防控措施。'),
      settings: at(2020),
    },
  ],
  invalid: [
    {
      // The look-alike: the 2022 name on its own in a 2020 report.
      name: 'the 2022 name of the disease in a 2020 report',
      code: md(2020, '依法做好新型冠状病毒感染防控工作。'),
      settings: at(2020),
      errors: [{ messageId: 'notYet', severity: 'error', text: '新型冠状病毒感染' }],
    },
    {
      name: 'the 2021–2025 纲要 in a 2020 report',
      code: md(2020, gangyao2021),
      settings: at(2020),
      errors: [{ messageId: 'notYet', severity: 'error', line: 5, messageIncludes: '2021年8月' }],
    },
    {
      name: '八五普法 work in 2020',
      code: md(2020, '深入开展“八五”普法，举办讲座20场。'),
      settings: at(2020),
      errors: [{ messageId: 'notYet', severity: 'error' }],
    },
    {
      name: '习近平法治思想 in a 2019 report',
      code: md(2019, '深入学习贯彻习近平法治思想。'),
      settings: at(2019),
      errors: [{ messageId: 'notYet', severity: 'error', text: '习近平法治思想' }],
    },
    {
      name: '二十大精神 in a 2021 report',
      code: md(2021, '全面贯彻党的二十大精神。'),
      settings: at(2021),
      errors: [{ messageId: 'notYet', severity: 'error', text: '党的二十大' }],
    },
    {
      name: '民法典 in a 2019 report',
      code: md(2019, '落实《中华人民共和国民法典》相关要求。'),
      settings: at(2019),
      errors: [{ messageId: 'notYet', severity: 'error' }],
    },
    {
      name: '七中全会 in a 2021 report',
      code: md(2021, '全面贯彻党的十九届七中全会精神。'),
      settings: at(2021),
      errors: [{ messageId: 'notYet', severity: 'error' }],
    },
    {
      name: '信访工作条例 in a 2020 report',
      code: md(2020, '深入贯彻《信访工作条例》。'),
      settings: at(2020),
      errors: [{ messageId: 'notYet', severity: 'error', messageIncludes: '2022年5月1日' }],
    },
    {
      name: '十五五 in a 2023 report',
      code: md(2023, '深入推进“十五五”规划实施。'),
      settings: at(2023),
      errors: [{ messageId: 'notYet', severity: 'error' }],
    },
    {
      name: '民营经济促进法 in a 2023 report',
      code: md(2023, '贯彻落实《中华人民共和国民营经济促进法》。'),
      settings: at(2023),
      errors: [{ messageId: 'notYet', severity: 'error' }],
    },
    {
      name: '党史学习教育 in a 2019 report',
      code: md(2019, '扎实开展党史学习教育。'),
      settings: at(2019),
      errors: [{ messageId: 'notYet', severity: 'error' }],
    },
    {
      name: 'the 2021–2025 纲要, half-width brackets, 2020',
      code: md(2020, '对照《法治政府建设实施纲要(2021-2025年)》抓好落实。'),
      settings: at(2020),
      errors: [{ messageId: 'notYet', severity: 'error' }],
    },
  ],
});
