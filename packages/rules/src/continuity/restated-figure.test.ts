import { RuleTester } from '@fzlint/rule-api/testing';
import { rule } from './restated-figure.js';

const plain = { format: 'plaintext' } as const;
const report = (...lines: string[]): string => lines.join('\n') + '\n';

// 桐乡市 2021 (full/000) and 宜宾市 2023 (full/004): real count sentences.
const LAST_YEAR = report(
  '2021年度桐乡市法治政府建设工作情况的报告',
  '一、2021年推进法治政府建设工作举措和成效',
  '2021年,全市共审结行政诉讼案件90件,败诉4件;共收到行政复议案件106件,审结90件。',
  '2021年全市各人民调解组织调处矛盾纠纷7266件。',
);
const previous = { code: LAST_YEAR, filePath: 'reports/2021.txt', parse: plain };
const HEAD = ['2022年度桐乡市法治政府建设工作情况的报告', '一、2022年推进法治政府建设工作举措和成效'];

const YIBIN_2023 = report(
  '宜宾市人民政府2023年法治政府建设情况报告',
  '一、2023年推进法治政府建设的主要举措和成效',
  '切实发挥行政复议化解行政争议、促进依法行政的主渠道作用,全年受理行政复议案件172件,办结155件。市网络理政平台共受理群众诉求96.8万件,办结率99.95%。',
);
const yibin = { code: YIBIN_2023, parse: plain };

// A county's 2021 report with a received count, its information requests, a rate and a 其中 part.
const COUNTY_2021 = report(
  '2021年度某县法治政府建设情况报告',
  '一、2021年推进法治政府建设的主要举措和成效',
  '全县共收到行政复议案件106件，审结90件。受理政府信息公开申请100件。行政机关负责人出庭应诉率达96%。',
  '二、2022年工作安排',
  '力争全年收到行政复议案件办结率达到98%，受理政府信息公开申请120件。',
);
const county = { code: COUNTY_2021, parse: plain };
const COUNTY_HEAD = ['2022年度某县法治政府建设情况报告', '一、2022年推进法治政府建设的主要举措和成效'];
const HEAD_2024 = ['宜宾市人民政府2024年法治政府建设情况报告', '一、2024年推进法治政府建设的主要举措和成效'];

new RuleTester().run(rule, {
  valid: [
    {
      name: 'without last year’s report the rule says nothing',
      code: report(...HEAD, '2022年,全市共收到行政复议案件118件,较上年的104件增加14件。'),
      parse: plain,
    },
    {
      name: 'last year’s figures restated as they were (较上年的, 上年, 2021年)',
      code: report(
        ...HEAD,
        '2022年,全市共收到行政复议案件118件,较上年的106件增加12件。上年审结行政诉讼案件90件。2021年全市各人民调解组织调处矛盾纠纷7266件。',
      ),
      parse: plain,
      previous,
    },
    {
      name: 'this year’s own figures differ from last year’s (they are this year’s)',
      code: report(...HEAD, '2022年,全市共收到行政复议案件118件,审结101件。全年审结行政诉讼案件77件。'),
      parse: plain,
      previous,
    },
    {
      name: 'a difference after 较上年 is no figure of last year (较上年增加12件)',
      code: report(...HEAD, '全市共收到行政复议案件118件,较上年增加12件。'),
      parse: plain,
      previous,
    },
    {
      name: 'a rounded restatement within its digits (96.8万件 → 约97万件, 9.7万件 is not 96.8万)',
      code: report(...HEAD_2024, '全年受理群众诉求102.3万件,较上年的96.8万件有所增长。上年受理行政复议案件172件。'),
      parse: plain,
      previous: yibin,
    },
    {
      name: 'a figure of another object than last year stated (行政诉讼 vs 行政复议) is not compared',
      code: report(...HEAD, '上年共收到行政诉讼案件95件。'),
      parse: plain,
      previous,
    },
    {
      name: 'a measure last year’s report gives two values for (审结 90 of two objects read as one) is ambiguous and left alone',
      code: report(...HEAD, '上年审结案件88件。'),
      parse: plain,
      previous: { code: report('2021年度某县法治政府建设工作情况的报告', '一、2021年主要举措和成效', '全年审结行政复议案件90件。全年审结行政复议案件84件。'), parse: plain },
    },
    {
      name: 'a previous report of another year: 上年 is not its year',
      code: report(...HEAD, '全市共收到行政复议案件118件,较上年的104件增加14件。'),
      parse: plain,
      previous: { code: LAST_YEAR.replaceAll('2021', '2019'), parse: plain },
    },
    {
      name: '受理 is another figure than 收到 (the ledger’s verb sense): 上年受理104件 is not last year’s 收到106件',
      code: report(...COUNTY_HEAD, '上年受理行政复议案件104件。'),
      parse: plain,
      previous: county,
    },
    {
      name: 'half a year is not the year (上年上半年)',
      code: report(...COUNTY_HEAD, '上年上半年收到行政复议案件50件。'),
      parse: plain,
      previous: county,
    },
    {
      name: 'another scope than last year’s (县本级 against the whole county)',
      code: report(...COUNTY_HEAD, '上年县本级收到行政复议案件50件。'),
      parse: plain,
      previous: county,
    },
    {
      name: 'carried-over work is this year’s stock, not last year’s figure (上年结转)',
      code: report(...COUNTY_HEAD, '上年结转行政复议案件5件，全年新收行政复议案件118件。'),
      parse: plain,
      previous: county,
    },
    {
      name: 'a bare 上年为 after two figures of the object: which one it restates cannot be told',
      code: report(...COUNTY_HEAD, '全县共收到行政复议案件118件，审结110件，上年为104件。'),
      parse: plain,
      previous: county,
    },
    {
      name: 'last year’s plan states targets for this year, not last year’s figures (受理120件 in the plan)',
      code: report(...COUNTY_HEAD, '上年受理政府信息公开申请100件。'),
      parse: plain,
      previous: county,
    },
    {
      name: 'a change against the previous period (环比) has no base of last year',
      code: report(...COUNTY_HEAD, '全县共收到行政复议案件118件，环比增长（上月为104件）。'),
      parse: plain,
      previous: county,
    },
    {
      name: 'bases and rates restated as they were',
      code: report(
        ...COUNTY_HEAD,
        '受理政府信息公开申请128件，同比增长28%（上年为100件）。全县共收到行政复议案件118件，上年为106件。上年行政机关负责人出庭应诉率为96%。',
      ),
      parse: plain,
      previous: county,
    },
  ],
  invalid: [
    {
      name: 'a comparison base that last year’s report stated differently (较上年的104件 vs 106件)',
      code: report(...HEAD, '2022年,全市共收到行政复议案件118件,较上年的104件增加14件。'),
      parse: plain,
      previous,
      errors: [
        {
          messageId: 'restated',
          severity: 'error',
          line: 3,
          text: '104件',
          messageIncludes: '本报告写上年收到行政复议案件为104件，而上年度报告（第3行）所载为106件',
          previousLines: [3],
        },
      ],
    },
    {
      name: '上年 in the count’s own clause',
      code: report(...HEAD, '上年审结行政复议案件92件,今年审结101件。'),
      parse: plain,
      previous,
      errors: [{ messageId: 'restated', severity: 'error', text: '92件', messageIncludes: '90件' }],
    },
    {
      name: 'a sentence framed by last year’s year (2021年,……)',
      code: report(...HEAD, '2021年,全市各人民调解组织调处矛盾纠纷7200件。'),
      parse: plain,
      previous,
      errors: [{ messageId: 'restated', text: '7200件', messageIncludes: '7266件' }],
    },
    {
      name: 'an approximate restatement whose bounds cannot meet is a warning (近100件 vs 106件)',
      code: report(...HEAD, '上年收到行政复议案件近100件。'),
      parse: plain,
      previous,
      errors: [{ messageId: 'restated', severity: 'warn' }],
    },
    {
      name: 'a 万 figure restated beyond its rounding (上年受理群众诉求90.2万件 vs 96.8万件)',
      code: report(...HEAD_2024, '上年市网络理政平台共受理群众诉求90.2万件。'),
      parse: plain,
      previous: yibin,
      errors: [{ messageId: 'restated', severity: 'error', text: '90.2万件' }],
    },
    {
      name: 'English message',
      code: report(...HEAD, '上年审结行政复议案件92件。'),
      parse: plain,
      previous,
      settings: { locale: 'en' },
      errors: [{ messageId: 'restated', messageIncludes: '90件' }],
    },
    {
      name: 'the base of a stated change, in brackets (同比增长20%（上年为90件）), keyed as the figure that changed',
      code: report(...COUNTY_HEAD, '受理政府信息公开申请128件，同比增长20%（上年为90件）。'),
      parse: plain,
      previous: county,
      errors: [{ messageId: 'restated', severity: 'error', text: '90件', messageIncludes: '本报告写上年受理信息公开申请为90件，而上年度报告（第3行）所载为100件' }],
    },
    {
      name: 'a base against the named year (较2021年的104件)',
      code: report(...COUNTY_HEAD, '全县共收到行政复议案件118件，较2021年的104件增加14件。'),
      parse: plain,
      previous: county,
      errors: [{ messageId: 'restated', text: '104件', messageIncludes: '106件', previousLines: [3] }],
    },
    {
      name: 'a bare 上年为 right after the one figure of its object it restates',
      code: report(...COUNTY_HEAD, '全县共收到行政复议案件118件，上年为104件。'),
      parse: plain,
      previous: county,
      errors: [{ messageId: 'restated', text: '104件', messageIncludes: '本报告写上年收到行政复议案件为104件' }],
    },
    {
      name: '上年同期 is last year',
      code: report(...COUNTY_HEAD, '上年同期收到行政复议案件104件。'),
      parse: plain,
      previous: county,
      errors: [{ messageId: 'restated', text: '104件' }],
    },
    {
      name: 'a rate of a named object (出庭应诉率) restated differently',
      code: report(...COUNTY_HEAD, '上年行政机关负责人出庭应诉率为85%。'),
      parse: plain,
      previous: county,
      errors: [{ messageId: 'restated', severity: 'error', text: '85%', messageIncludes: '本报告写上年行政机关负责人出庭应诉率为85%，而上年度报告（第3行）所载为96%' }],
    },
  ],
});
