import { RuleTester } from '@fzlint/rule-api/testing';
import { rule } from './outdated-plan-period.js';
import { reportMarkdown as md, writtenAt as at } from '../../test/support/report.js';


const qiwu = '深入开展“七五”普法，举办法治讲座20场。';

new RuleTester().run(rule, {
  valid: [
    { name: '“七五”普法 in 2020: its last year', code: md(2020, qiwu), settings: at(2020) },
    { name: 'an award during the period', code: md(2022, '市司法局在“七五”普法期间获评全国普法先进单位。'), settings: at(2022) },
    { name: 'the closing review early in 2021', code: md(2021, '召开“七五”普法总结验收部署会，统筹推进普法工作。'), settings: at(2021) },
    { name: '八五 planned for 2022', code: md(2021, '推进依法行政。', '深入实施“八五”普法规划。'), settings: at(2021) },
    { name: '八五普法 in 2025, no quotes', code: md(2025, '深入推动八五普法工作，开展常态宣传。'), settings: at(2025) },
    { name: '十五五 planned for 2026', code: md(2025, '推进依法行政。', '科学谋划“十五五”时期法治建设。'), settings: at(2025) },
    { name: 'a local plan’s title', code: md(2022, '编制出台《桐乡市法治政府建设“十四五”规划》。'), settings: at(2022) },
    { name: '十四五 in 2021, bracket-free', code: md(2021, '为十四五开好局、起好步提供有力法治保障。'), settings: at(2021) },
    { name: '“十三五”以来 is a span', code: md(2021, '“十三五”以来，我市累计审查规范性文件300余件。'), settings: at(2021) },
    { name: 'completing the previous period early in 2021', code: md(2021, '全面完成“七五”普法考核验收。'), settings: at(2021) },
    { name: 'an award named after the period', code: md(2023, '我县获评“七五”普法先进县。'), settings: at(2023) },
    { name: '“十三五”时期 is a span', code: md(2021, '“十三五”时期，我市法治政府建设取得显著成效。'), settings: at(2021) },
    { name: '十三五 in 2020, closing year', code: md(2020, '“十三五”规划确定的法治任务全面完成。'), settings: at(2020) },
    { name: 'straight quotes in 2023, current period', code: md(2023, '落实"八五"普法规划中期评估要求。'), settings: at(2023) },
  ],
  invalid: [
    {
      name: '“七五”普法 as 2022 work',
      code: md(2022, qiwu),
      settings: at(2022),
      errors: [{ messageId: 'periodEnded', severity: 'warn', line: 5, messageIncludes: '第八个五年法治宣传教育规划' }],
    },
    {
      name: 'no quotes, 2021',
      code: md(2021, '持续深化七五普法宣传，普法覆盖面进一步扩大。'),
      settings: at(2021),
      errors: [{ messageId: 'periodEnded', severity: 'warn', text: '七五普法' }],
    },
    {
      name: 'straight quotes, 2023',
      code: md(2023, '扎实推进"七五"普法各项任务。'),
      settings: at(2023),
      errors: [{ messageId: 'periodEnded', severity: 'warn' }],
    },
    {
      name: 'single curly quotes, 2022',
      code: md(2022, '扎实推进‘七五’普法各项任务。'),
      settings: at(2022),
      errors: [{ messageId: 'periodEnded', severity: 'warn' }],
    },
    {
      name: '七五 planned for 2021 in the 2020 report: error',
      code: md(2020, '推进依法行政。', '深入实施“七五”普法规划。'),
      settings: at(2020),
      errors: [{ messageId: 'periodEndedInPlan', severity: 'error', line: 9 }],
    },
    {
      name: '八五 planned for 2026: no 九五 confirmed yet, info',
      code: md(2025, '推进依法行政。', '全面实施“八五”普法规划。'),
      settings: at(2025),
      errors: [{ messageId: 'periodEndedInPlan', severity: 'info', line: 9 }],
    },
    {
      name: '十四五 as the frame of 2026 work: error',
      code: md(2025, '推进依法行政。', '围绕“十四五”规划目标任务，推进法治政府建设。'),
      settings: at(2025),
      errors: [{ messageId: 'periodEndedInPlan', severity: 'error', messageIncludes: '第十五个五年规划' }],
    },
    {
      name: '十三五规划 in 2021 results',
      code: md(2021, '对照“十三五”规划确定的法治任务逐项推进。'),
      settings: at(2021),
      errors: [{ messageId: 'periodEnded', severity: 'warn' }],
    },
    {
      name: '六五普法 in 2017',
      code: md(2017, '认真落实六五普法规划，开展法律进乡村活动。'),
      settings: at(2017),
      errors: [{ messageId: 'periodEnded', severity: 'warn' }],
    },
    {
      name: '七五法治宣传教育 in 2022',
      code: md(2022, '深化七五法治宣传教育，推进法治乡村建设。'),
      settings: at(2022),
      errors: [{ messageId: 'periodEnded', severity: 'warn', text: '七五法治宣传教育' }],
    },
    {
      name: '十四五规划纲要 as the current plan in 2026',
      code: md(2026, '对照“十四五”规划纲要，本年度新增示范项目3个。'),
      settings: at(2026),
      errors: [{ messageId: 'periodEnded', severity: 'warn' }],
    },
  ],
});
