import { RuleTester } from '@fzlint/rule-api/testing';
import { rule } from './outdated-policy.js';
import { reportMarkdown as md, writtenAt as at } from '../../test/support/report.js';

const gangyao2015 = '认真落实《法治政府建设实施纲要（2015—2020年）》，推进依法行政。';

new RuleTester().run(rule, {
  valid: [
    // A law cited by an old version is references/outdated-law-version's finding, not this rule's.
    { name: 'a named old version of a law in force', code: md(2024, '按照《中华人民共和国行政复议法（2017年修正）》办理案件。'), settings: at(2024) },
    { name: '2015–2020 纲要 in the 2019 report: current', code: md(2019, gangyao2015), settings: at(2019) },
    {
      name: '2015–2020 纲要 in the 2020 report: its successor did not exist when it was written',
      code: md(2020, gangyao2015),
      settings: at(2020, 2, 24),
    },
    {
      name: '2021–2025 纲要 in 2022, half-width brackets and hyphen',
      code: md(2022, '全面贯彻《法治政府建设实施纲要(2021-2025年)》，法治政府建设取得新成效。'),
      settings: at(2022),
    },
    { name: '劳动合同法 is not 合同法', code: md(2022, '开展《中华人民共和国劳动合同法》专题宣传。'), settings: at(2022) },
    {
      name: 'a repeal recounted',
      code: md(2022, '民法典施行后，《合同法》《物权法》等九部法律同时废止，我们及时清理相关文件。'),
      settings: at(2022),
    },
    { name: '《合同法》 in 2019: in force', code: md(2019, '依据《合同法》审查政府合同120份。'), settings: at(2019) },
    { name: '《信访工作条例》 in 2022', code: md(2022, '深入贯彻《信访工作条例》，依法分类处理信访诉求。'), settings: at(2022) },
    { name: 'generic 行政复议法 means the version in force', code: md(2023, '认真贯彻实施新修订的行政复议法。'), settings: at(2023) },
    {
      name: 'inside another document’s title',
      code: md(2022, '修订《XX市贯彻落实〈法治政府建设实施纲要（2015—2020年）〉实施方案》。'),
      settings: at(2022),
    },
    { name: 'a provincial regulation with the same short name', code: md(2023, '贯彻实施浙江省信访条例。'), settings: at(2023) },
    { name: 'a provincial government’s opinion with the same name', code: md(2020, '落实省政府关于加强法治政府建设的意见。'), settings: at(2020) },
    { name: '婚姻法律 is not 婚姻法', code: md(2022, '为群众提供婚姻法律咨询300余人次。'), settings: at(2022) },
    { name: '原《合同法》 is historical', code: md(2024, '该合同签订时适用原《中华人民共和国合同法》第五十二条。'), settings: at(2024) },
    {
      name: 'the 2015–2020 纲要 in the 2020 plan, before its successor existed, is not this rule’s business when written in February',
      code: md(2019, '推进依法行政。', '对照《法治政府建设实施纲要（2015—2020年）》全面收官。'),
      settings: at(2019),
    },
  ],
  invalid: [
    {
      name: '2015–2020 纲要 as current guide in 2022',
      code: md(2022, gangyao2015),
      settings: at(2022),
      errors: [{ messageId: 'outdated', severity: 'warn', line: 5, text: '法治政府建设实施纲要（2015—2020年）', messageIncludes: '2020年12月31日' }],
    },
    {
      name: 'same, half-width brackets and hyphen, 2021',
      code: md(2021, '严格落实《法治政府建设实施纲要(2015-2020年)》要求。'),
      settings: at(2021),
      errors: [{ messageId: 'outdated', severity: 'warn', line: 5, messageIncludes: '《法治政府建设实施纲要（2021—2025年）》' }],
    },
    {
      name: 'in the next-year plan: error',
      code: md(2021, '推进依法行政。', '对照《法治政府建设实施纲要（2015－2020年）》查漏补缺。'),
      settings: at(2021),
      errors: [{ messageId: 'outdatedInPlan', severity: 'error', line: 9 }],
    },
    {
      name: '《合同法》 after the Civil Code, 2022',
      code: md(2022, '依据《中华人民共和国合同法》审查政府合同56份。'),
      settings: at(2022),
      errors: [{ messageId: 'outdated', severity: 'warn', line: 5, messageIncludes: '《中华人民共和国民法典》' }],
    },
    {
      name: '《合同法》 repealed on the first day of the report year',
      code: md(2021, '依据《合同法》审查合同120份。'),
      settings: at(2021),
      errors: [{ messageId: 'outdated', severity: 'warn', text: '合同法' }],
    },
    {
      name: 'repealed only after the 2020 report year ended: info naming the successor',
      code: md(2020, '依据《物权法》妥善处理征收补偿纠纷。'),
      settings: at(2020),
      errors: [{ messageId: 'supersededAfterYear', severity: 'info', messageIncludes: '民法典' }],
    },
    {
      name: '《信访条例》 in 2023',
      code: md(2023, '严格执行《信访条例》，及时受理群众来信来访。'),
      settings: at(2023),
      errors: [{ messageId: 'outdated', severity: 'warn', messageIncludes: '《信访工作条例》' }],
    },
    {
      name: '《信访条例》 replaced during 2022',
      code: md(2022, '严格执行《信访条例》，及时受理群众来信来访。'),
      settings: at(2022),
      errors: [{ messageId: 'outdated', severity: 'warn' }],
    },
    {
      name: 'the 2010 opinion, superseded in 2015, by its document number too',
      code: md(2024, '贯彻《国务院关于加强法治政府建设的意见》（国发〔2010〕33号）。'),
      settings: at(2024),
      errors: [
        { messageId: 'outdated', severity: 'warn', text: '国务院关于加强法治政府建设的意见' },
        { messageId: 'outdated', severity: 'warn', text: '国发〔2010〕33号' },
      ],
    },
    {
      name: 'quote variant instead of 《》',
      code: md(2022, '按照“法治政府建设实施纲要（2015—2020年）”要求推进工作。'),
      settings: at(2022),
      errors: [{ messageId: 'outdated', severity: 'warn', line: 5 }],
    },
    {
      name: 'the 2021–2025 纲要 as current in 2026, no successor known: info',
      code: md(2026, '全面落实《法治政府建设实施纲要（2021—2025年）》。'),
      settings: at(2026),
      errors: [{ messageId: 'outdated', severity: 'info', messageIncludes: '暂无后继' }],
    },
  ],
});
