import { RuleTester } from '@fzlint/rule-api/testing';
import { rule } from './domain-typo.js';

const md = (year: number, results: string) =>
  `# ${year}年度法治政府建设工作情况报告\n\n## 一、主要举措和成效\n\n${results}\n`;
const at = (year: number) => ({ reportYear: year, writingDate: { year: year + 1, month: 3, day: 31 } });

new RuleTester().run(rule, {
  valid: [
    { code: md(2021, '推进法治政府建设。'), settings: at(2021) },
    { code: md(2022, '新增个体工商户2314户。'), settings: at(2022) },
    { code: md(2020, '执法人员第一时间到达现场。'), settings: at(2020) },
    { code: md(2020, '检查对象的公示率均达到100%。'), settings: at(2020) },
    { name: 'foundations can be done (地基做到)', code: md(2022, '项目地基做到了规范施工。'), settings: at(2022) },
    { code: md(2022, '为经济社会发展提供了良好的法治环境。'), settings: at(2022) },
    { code: md(2021, '2021年,在市委、市政府的坚强领导下。'), settings: at(2021) },
    { name: 'inside another document’s title', code: md(2021, '印发《关于推进法冶建设的意见》。'), settings: at(2021) },
    { name: 'years listed mid-sentence', code: md(2021, '对比2019,2020两年数据。'), settings: at(2021) },
    { code: md(2023, '严厉打击冶金行业违法行为。'), settings: at(2023) },
    { code: md(2022, '案件基本做到了主体合法。'), settings: at(2022) },
  ],
  invalid: [
    {
      name: '法冶 (001)',
      code: md(2021, '推进法冶政府建设第一责任人职责。'),
      settings: at(2021),
      errors: [{ messageId: 'typo', severity: 'warn', line: 5, text: '法冶' }],
      output: md(2021, '推进法治政府建设第一责任人职责。'),
    },
    {
      name: '个工商户 (003)',
      code: md(2022, '其中:企业3322户,个工商户25423户。'),
      settings: at(2022),
      errors: [{ messageId: 'typo', text: '个工商户' }],
      output: md(2022, '其中:企业3322户,个体工商户25423户。'),
    },
    {
      name: '到达 a rate (e005)',
      code: md(2020, '检查对象的公示率均到达100%。'),
      settings: at(2020),
      errors: [{ messageId: 'typo' }],
      output: md(2020, '检查对象的公示率均达到100%。'),
    },
    {
      name: '到达 a rate, full-width digits',
      code: md(2023, '行政复议纠错率已到达１５％。'),
      settings: at(2023),
      errors: [{ messageId: 'typo' }],
      output: md(2023, '行政复议纠错率已达到１５％。'),
    },
    {
      name: '基做到 (e014)',
      code: md(2022, '所执法的案件基做到了主体合法。'),
      settings: at(2022),
      errors: [{ messageId: 'typo', text: '基做到' }],
      output: md(2022, '所执法的案件基本做到了主体合法。'),
    },
    {
      name: '经济 会发展 (e015)',
      code: md(2022, '为券桥经济 会发展提供了良好的法治环境。'),
      settings: at(2022),
      errors: [{ messageId: 'typo' }],
      output: md(2022, '为券桥经济社会发展提供了良好的法治环境。'),
    },
    {
      name: 'year without 年 at a paragraph start (e008)',
      code: md(2021, '2021,在市委、市政府的坚强领导下,我区扎实推进法治政府建设。'),
      settings: at(2021),
      errors: [{ messageId: 'typo', text: '2021' }],
      output: md(2021, '2021年,在市委、市政府的坚强领导下,我区扎实推进法治政府建设。'),
    },
    {
      name: 'year without 年, full-width comma',
      code: md(2023, '2023，全区上下深入学习贯彻习近平法治思想。'),
      settings: at(2023),
      errors: [{ messageId: 'typo' }],
      output: md(2023, '2023年，全区上下深入学习贯彻习近平法治思想。'),
    },
    {
      name: '法冶 twice',
      code: md(2024, '坚持法冶思维，提升法冶素养。'),
      settings: at(2024),
      errors: [{ messageId: 'typo' }, { messageId: 'typo' }],
      output: md(2024, '坚持法治思维，提升法治素养。'),
    },
    {
      name: 'coverage 到达',
      code: md(2022, '法律顾问覆盖面到达100%。'),
      settings: at(2022),
      errors: [{ messageId: 'typo' }],
      output: md(2022, '法律顾问覆盖面达到100%。'),
    },
    {
      name: '个工商户 in a quotation mark',
      code: md(2025, '“个工商户”登记指导。'),
      settings: at(2025),
      errors: [{ messageId: 'typo' }],
      output: md(2025, '“个体工商户”登记指导。'),
    },
  ],
});
