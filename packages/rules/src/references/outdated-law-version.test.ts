import { RuleTester } from '@fzlint/rule-api/testing';
import { rule } from './outdated-law-version.js';

/** A report of `year` with one results sentence (line 5) and one next-year-plan sentence (line 9). */
const md = (year: number, results: string, plan = '全面推进依法行政。') =>
  `# ${year}年度法治政府建设工作情况报告\n\n## 一、主要举措和成效\n\n${results}\n\n## 二、${year + 1}年工作打算\n\n${plan}\n`;
const at = (year: number, month = 3, day = 31, writingYear = year + 1) => ({
  reportYear: year,
  writingDate: { year: writingYear, month, day },
});

new RuleTester().run(rule, {
  valid: [
    { name: 'the version in force, 2022', code: md(2022, '依据《中华人民共和国行政处罚法》（2021年修订）作出处罚决定。'), settings: at(2022) },
    { name: 'a generic name means the version in force', code: md(2023, '严格执行《行政处罚法》和行政复议法。'), settings: at(2023) },
    { name: 'the 2017 amendment in a 2019 report: in force', code: md(2019, '依据《行政处罚法》（2017年修正）办理案件。'), settings: at(2019) },
    { name: 'the 2017 amendment in a 2020 report written before the 2021 revision took effect', code: md(2020, '依据《行政处罚法》（2017年修正）办理案件。'), settings: at(2020, 3, 31) },
    { name: '修改前的 names the old version on purpose', code: md(2024, '对过渡期案件适用修改前的行政复议法。'), settings: at(2024) },
    { name: '原《…》 is historical', code: md(2024, '该案适用原《行政复议法》（2017年修正）第十五条。'), settings: at(2024) },
    { name: '新修订的 within two years of taking effect', code: md(2022, '认真贯彻新修订的行政处罚法。'), settings: at(2022) },
    { name: '新《行政复议法》 in 2024', code: md(2024, '全面贯彻新《行政复议法》。'), settings: at(2024) },
    { name: '创新 is not 新', code: md(2025, '创新行政处罚法宣传方式。'), settings: at(2025) },
    { name: 'the 2023 revision of 行政复议法 in 2025', code: md(2025, '依据《中华人民共和国行政复议法》（2023年修订）办理复议案件。'), settings: at(2025) },
    { name: 'the 2018 修正 of 安全生产法? no such version: not this rule', code: md(2022, '依据《安全生产法》（2018年修正）开展检查。'), settings: at(2022) },
    { name: 'a law never amended (the Civil Code)', code: md(2026, '依据《中华人民共和国民法典》审查合同。'), settings: at(2026) },
    { name: 'the 2014 environmental law repealed in 2026: outdated-policy’s, not this rule’s', code: md(2026, '依据《环境保护法》（2014年修订）查处案件。'), settings: at(2026) },
    { name: '2018: the 2017 amendment of 律师法 is current', code: md(2018, '落实《律师法》（2017年修正）。'), settings: at(2018) },
    { name: 'inside another document’s title', code: md(2023, '印发《XX市贯彻〈行政复议法（2017年修正）〉实施办法》。'), settings: at(2023) },
  ],
  invalid: [
    {
      name: 'the 2017 amendment in 2022: replaced before the year, fixed to the version in force',
      code: md(2022, '依据《中华人民共和国行政处罚法》（2017年修正）作出处罚决定。'),
      settings: at(2022),
      errors: [{ messageId: 'outdated', severity: 'warn', line: 5, messageIncludes: '《中华人民共和国行政处罚法》（2021年修订）' }],
      output: md(2022, '依据《中华人民共和国行政处罚法》（2021年修订）作出处罚决定。'),
    },
    {
      name: 'in the next-year plan: error',
      code: md(2022, '推进依法行政。', '严格执行《行政处罚法》（2017年修正）。'),
      settings: at(2022),
      errors: [{ messageId: 'outdatedInPlan', severity: 'error', line: 9 }],
      output: md(2022, '推进依法行政。', '严格执行《行政处罚法》（2021年修订）。'),
    },
    {
      name: 'year before the name: 2017年修正的《行政处罚法》 in 2023',
      code: md(2023, '执行2017年修正的《行政处罚法》。'),
      settings: at(2023),
      errors: [{ messageId: 'outdated', severity: 'warn', text: '2017年修正的《行政处罚法' }],
      output: md(2023, '执行2021年修订的《行政处罚法》。'),
    },
    {
      name: 'an edition: 2017年版 in 2024',
      code: md(2024, '对照《行政复议法》2017年版办理。'),
      settings: at(2024),
      errors: [{ messageId: 'outdated', severity: 'warn' }],
      output: md(2024, '对照《行政复议法》2023年版办理。'),
    },
    {
      name: 'replaced during the report year: info with a suggestion (2021, revision in force from 15 July)',
      code: md(2021, '依据《行政处罚法》（2017年修正）办理案件。'),
      settings: at(2021),
      errors: [{ messageId: 'replacedDuringYear', severity: 'info', messageIncludes: '2021年7月15日' }],
    },
    {
      name: 'replaced only after the year ended: info naming the version in force (2023, 行政复议法 2024-01-01)',
      code: md(2023, '依据《中华人民共和国行政复议法》（2017年修正）办理复议案件。'),
      settings: at(2023),
      errors: [{ messageId: 'replacedAfterYear', severity: 'info', messageIncludes: '（2023年修订）' }],
    },
    {
      name: 'replaced on the first day of the report year is before it (2024, 行政复议法)',
      code: md(2024, '依据《行政复议法》（2017年修正）办理复议案件。'),
      settings: at(2024),
      errors: [{ messageId: 'outdated', severity: 'warn' }],
      output: md(2024, '依据《行政复议法》（2023年修订）办理复议案件。'),
    },
    {
      name: 'the version inside the title: 《…法（2015年修正）》 in 2025',
      code: md(2025, '学习《立法法（2015年修正）》。'),
      settings: at(2025),
      errors: [{ messageId: 'outdated', severity: 'warn', messageIncludes: '2023年修正' }],
      output: md(2025, '学习《立法法（2023年修正）》。'),
    },
    {
      name: '治安管理处罚法 2012 version in 2026 (2025 revision in force 2026-01-01)',
      code: md(2026, '依据《治安管理处罚法》（2012年修正）查处案件。'),
      settings: at(2026),
      errors: [{ messageId: 'outdated', severity: 'warn' }],
      output: md(2026, '依据《治安管理处罚法》（2025年修订）查处案件。'),
    },
    {
      name: '2018: the 2009 amendment of 行政处罚法 (2017 amendment in force 2018-01-01)',
      code: md(2018, '依据《行政处罚法》（2009年修正）作出决定。'),
      settings: at(2018),
      errors: [{ messageId: 'outdated', severity: 'warn' }],
      output: md(2018, '依据《行政处罚法》（2017年修正）作出决定。'),
    },
    {
      name: '2020: the 2007 政府信息公开条例 (2019 revision in force 2019-05-15)',
      code: md(2020, '严格执行《政府信息公开条例》（2007年）。'),
      settings: at(2020),
      errors: [{ messageId: 'outdated', severity: 'warn' }],
      output: md(2020, '严格执行《政府信息公开条例》（2019年修订）。'),
    },
    {
      name: '新修订的 two years after it took effect: info with a suggestion (2023)',
      code: md(2023, '认真贯彻新修订的行政处罚法。'),
      settings: at(2023),
      errors: [{ messageId: 'notNew', severity: 'info', text: '新修订的行政处罚法', messageIncludes: '2021年修订' }],
    },
    {
      name: '新《行政复议法》 in 2026',
      code: md(2026, '全面贯彻新《行政复议法》。'),
      settings: at(2026),
      errors: [{ messageId: 'notNew', severity: 'info' }],
    },
    {
      name: '修改后的立法法 in 2025',
      code: md(2025, '落实修改后的立法法。'),
      settings: at(2025),
      errors: [{ messageId: 'notNew', severity: 'info' }],
    },
    {
      name: '2019: 村民委员会组织法 2010 revision (2018 amendment in force)',
      code: md(2019, '依据《村民委员会组织法》（2010年修订）指导换届。'),
      settings: at(2019),
      errors: [{ messageId: 'outdated', severity: 'warn' }],
      output: md(2019, '依据《村民委员会组织法》（2018年修正）指导换届。'),
    },
  ],
});
