import { RuleTester } from '@fzlint/rule-api/testing';
import { rule } from './malformed-citation.js';

const md = (year: number, results: string) =>
  `# ${year}年度法治政府建设工作情况报告\n\n## 一、主要举措和成效\n\n${results}\n`;
const at = (year: number) => ({ reportYear: year, writingDate: { year: year + 1, month: 3, day: 31 } });

new RuleTester().run(rule, {
  valid: [
    { code: md(2021, '认真落实《法治政府建设实施纲要（2021—2025年）》（中发〔2021〕33号）。'), settings: at(2021) },
    { code: md(2022, '认真落实《法治政府建设实施纲要(2021-2025年)》。'), settings: at(2022) },
    { name: 'round brackets around the year are left alone', code: md(2020, '印发《实施办法》（长府发(2020)9号）。'), settings: at(2020) },
    { code: md(2023, '编制《宜宾市行政许可事项清单(2023年版)》。'), settings: at(2023) },
    { name: 'a province’s own 纲要', code: md(2022, '落实《浙江省法治政府建设实施纲要(2021-2025年)》。'), settings: at(2022) },
    { name: 'two laws one letter apart are not typos of each other', code: md(2022, '学习《行政处罚法》《行政许可法》。'), settings: at(2022) },
    { code: md(2022, '贯彻《信访工作条例》。'), settings: at(2022) },
    { code: md(2020, '落实《法治政府建设与责任落实督察工作规定》（厅字〔2019〕28号）。'), settings: at(2020) },
    { name: 'a phone number', code: md(2021, '咨询电话(0831)2345678。'), settings: at(2021) },
    { code: md(2024, '印发《西城区推进法治政府建设率先突破两年行动计划(2024-2025年)》。'), settings: at(2024) },
    { name: 'a count next to a year', code: md(2021, '2021年共办结案件20212件。'), settings: at(2021) },
  ],
  invalid: [
    {
      name: 'year range run together (e008)',
      code: md(2021, '认真落实《法治政府建设实施纲要(20212025年)》。'),
      settings: at(2021),
      errors: [{ messageId: 'yearRange', severity: 'warn', line: 5, text: '20212025年' }],
      output: md(2021, '认真落实《法治政府建设实施纲要(2021—2025年)》。'),
    },
    {
      name: 'closing bracket lost (e008)',
      code: md(2021, '(中发〔202133号,以下简称《纲要》)'),
      settings: at(2021),
      errors: [{ messageId: 'documentNumber', text: '中发〔202133号' }],
      output: md(2021, '(中发〔2021〕33号,以下简称《纲要》)'),
    },
    {
      name: 'no brackets and no 号 (e036)',
      code: md(2025, '印发工作方案(开州委法20239)。'),
      settings: at(2025),
      errors: [{ messageId: 'documentNumber', text: '开州委法20239' }],
      output: md(2025, '印发工作方案(开州委法〔2023〕9号)。'),
    },
    {
      name: 'closing bracket lost, longer prefix (e036)',
      code: md(2025, '制定方案(开州府办发〔202526号)。'),
      settings: at(2025),
      errors: [{ messageId: 'documentNumber' }],
      output: md(2025, '制定方案(开州府办发〔2025〕26号)。'),
    },
    {
      name: 'nested title, digits run together and 年 missing (e010)',
      code: md(2021, '制定《重庆市綦江区〈法治中国建设规划(20202025)〉实施方案》。'),
      settings: at(2021),
      errors: [{ messageId: 'yearRange', text: '20202025' }],
      output: md(2021, '制定《重庆市綦江区〈法治中国建设规划(2020—2025年)〉实施方案》。'),
    },
    {
      name: '年 missing',
      code: md(2022, '落实《法治中国建设规划（2020—2025）》。'),
      settings: at(2022),
      errors: [{ messageId: 'yearRange', text: '2020—2025' }],
      output: md(2022, '落实《法治中国建设规划（2020—2025年）》。'),
    },
    {
      name: '年 missing, hyphen',
      code: md(2022, '落实《法治社会建设实施纲要(2020-2025)》。'),
      settings: at(2022),
      errors: [{ messageId: 'yearRange' }],
      output: md(2022, '落实《法治社会建设实施纲要(2020-2025年)》。'),
    },
    {
      name: 'a word missing from a known title: suggestion only',
      code: md(2020, '落实《法治政府建设与责任落实督察规定》。'),
      settings: at(2020),
      errors: [{ messageId: 'didYouMean', messageIncludes: '法治政府建设与责任落实督察工作规定' }],
    },
    {
      name: 'closing bracket lost after a square bracket',
      code: md(2019, '根据《实施意见》（渝府办发[201835号）。'),
      settings: at(2019),
      errors: [{ messageId: 'documentNumber' }],
      output: md(2019, '根据《实施意见》（渝府办发〔2018〕35号）。'),
    },
    {
      name: 'a zero-padded serial run together',
      code: md(2020, '转发（长府发〔202009号）文件。'),
      settings: at(2020),
      errors: [{ messageId: 'documentNumber' }],
      output: md(2020, '转发（长府发〔2020〕9号）文件。'),
    },
    {
      name: '年 missing in the 2015–2020 纲要',
      code: md(2019, '落实《法治政府建设实施纲要（2015—2020）》。'),
      settings: at(2019),
      errors: [{ messageId: 'yearRange' }],
      output: md(2019, '落实《法治政府建设实施纲要（2015—2020年）》。'),
    },
  ],
});
