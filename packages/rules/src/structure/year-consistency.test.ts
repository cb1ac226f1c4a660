import { RuleTester } from '@fzlint/rule-api/testing';
import { rule } from './year-consistency.js';

const plain = { format: 'plaintext' } as const;
const report = (...lines: string[]): string => lines.join('\n') + '\n';

const body = (year: number) =>
  `${year}年,在市政府的坚强领导下,洪洞县委、县政府毫不动摇地坚持以习近平新时代中国特色社会主义思想为指引,全面推进依法行政。`;
const TEXT = '严格落实重大行政决策制发程序,高度重视科学民主依法决策工作。';

new RuleTester().run(rule, {
  valid: [
    {
      // 洪洞县 2022 (full/003).
      name: 'title, opening, headings and plan agree',
      code: report(
        '洪洞县2022年法治政府建设工作情况报告',
        body(2022),
        '一、2022年法治政府工作开展情况回顾',
        TEXT,
        '二、2022年度推进法治政府建设存在的不足',
        TEXT,
        '三、2022年度党政主要负责人履行推进法治建设第一责任人职责,加强法治政府建设的有关情况',
        TEXT,
        '四、2023年度法治政府建设工作重点',
        TEXT,
      ),
      parse: plain,
    },
    {
      // Look-alikes: a span (2018年以来) and a heading naming two years are not votes; the body may cite other years.
      name: 'spans and other years in the body',
      code: report(
        '2021年度桐乡市法治政府建设工作情况的报告',
        body(2021),
        '一、2018年以来法治政府建设工作回顾',
        '现将2021年法治政府建设工作和2022年工作思路报告如下。在2020年度法治浙江(法治政府)建设考评中,桐乡位居全省第6名。',
        '二、2021年工作总结和2022年工作打算',
        TEXT,
      ),
      parse: plain,
    },
    {
      name: 'an opening that starts with a date is not a year vote',
      code: report('2022年度法治政府建设情况的报告', '2021年12月6日,市政府召开常务会议,专题研究法治政府建设工作。', '一、2022年工作开展情况', TEXT),
      parse: plain,
    },
    {
      // A 2025 report's section on fixing the year before's shortcomings names 2024 on purpose.
      name: 'a section on fixing last year\'s shortcomings names last year',
      code: report(
        '某局2025年度法治政府建设情况报告',
        body(2025),
        '一、2025年法治政府建设主要举措和成效',
        TEXT,
        '二、2024年存在不足及整改情况',
        TEXT,
        '三、2026年工作打算',
        TEXT,
      ),
      parse: plain,
    },
    {
      // Look-alikes of a year that lost its digits: spans and counts.
      name: '20年来, 近20年, 3年12个月 are not years',
      code: report('洪洞县2022年法治政府建设工作情况报告', body(2022), '一、2022年法治政府工作开展情况回顾', '20年来坚持依法行政，近20年12个部门持续开展普法，服刑3年12个月的社区矫正对象全部在管。'),
      parse: plain,
    },
  ],
  invalid: [
    {
      // Nothing is dated from the clock: the checks that need the year are skipped, once said.
      name: 'no year anywhere',
      code: report('法治政府建设情况的报告', '一、主要举措和成效', TEXT, '二、工作打算', TEXT),
      parse: plain,
      errors: [{ messageId: 'unknownYear', severity: 'info', line: 1, messageIncludes: '--report-year' }],
    },
    {
      // A year that lost its digits is reported, and the report year is still read from the opening.
      name: '20年度 in the title of a 2020 report',
      code: report('某县20年度法治政府建设工作报告', body(2020), '一、2020年法治政府工作开展情况回顾', TEXT, '某县人民政府', '20年12月18日'),
      parse: plain,
      errors: [
        { messageId: 'brokenYear', severity: 'error', line: 1, text: '20年' },
        { messageId: 'brokenYear', severity: 'error', line: 6, text: '20年' },
      ],
      output: report('某县2020年度法治政府建设工作报告', body(2020), '一、2020年法治政府工作开展情况回顾', TEXT, '某县人民政府', '2020年12月18日'),
    },
    {
      // Title and opening disagree, and nothing else says which is right: sure to be wrong, not sure where.
      name: 'title and opening disagree with nothing to tell which is right',
      code: report('某县2021年度法治政府建设工作报告', body(2022), '一、主要举措和成效', TEXT),
      parse: plain,
      errors: [{ messageId: 'bodyYear', severity: 'warn', line: 2, text: '2022' }],
    },
    {
      // The search for 年 runs over the text and is kept across sentences: a broken year after
      // sentences with whole years and without any 年, and one as the last characters of the text.
      name: 'broken years after sentences with and without 年, and at the very end',
      code: report('某县2020年度法治政府建设工作报告', body(2020), TEXT, TEXT, '一、2020年法治政府工作开展情况回顾', TEXT, '全面完成20年度目标。', '某县人民政府', '20年12月'),
      parse: plain,
      errors: [
        { messageId: 'brokenYear', severity: 'error', line: 7, text: '20年' },
        { messageId: 'brokenYear', severity: 'error', line: 9, text: '20年' },
      ],
      output: report('某县2020年度法治政府建设工作报告', body(2020), TEXT, TEXT, '一、2020年法治政府工作开展情况回顾', TEXT, '全面完成2020年度目标。', '某县人民政府', '2020年12月'),
    },
    {
      name: '202年度: three digits, no fix',
      code: report('某局202年度法治政府建设工作报告', body(2021), '一、2021年法治政府工作开展情况回顾', TEXT),
      parse: plain,
      errors: [{ messageId: 'brokenYear', severity: 'error', line: 1, text: '202年' }],
    },
    {
      name: 'the plan heading copied from last year',
      code: report(
        '洪洞县2022年法治政府建设工作情况报告',
        body(2022),
        '一、2022年法治政府工作开展情况回顾',
        TEXT,
        '二、2022年度法治政府建设工作重点',
        TEXT,
      ),
      parse: plain,
      errors: [{ messageId: 'planYear', severity: 'error', line: 5, text: '2022', messageIncludes: '应为2023' }],
      output: report(
        '洪洞县2022年法治政府建设工作情况报告',
        body(2022),
        '一、2022年法治政府工作开展情况回顾',
        TEXT,
        '二、2023年度法治政府建设工作重点',
        TEXT,
      ),
    },
    {
      name: 'results and plan headings left over from last year’s report',
      code: report(
        '2022年度法治政府建设情况的报告',
        body(2022),
        '一、2021年推进法治政府建设工作举措和成效',
        TEXT,
        '二、2022年工作思路',
        TEXT,
      ),
      parse: plain,
      errors: [
        { messageId: 'headingYear', line: 3, text: '2021' },
        { messageId: 'planYear', line: 5, text: '2022' },
      ],
      output: report(
        '2022年度法治政府建设情况的报告',
        body(2022),
        '一、2022年推进法治政府建设工作举措和成效',
        TEXT,
        '二、2023年工作思路',
        TEXT,
      ),
    },
    {
      name: 'a title disagreeing with everything else',
      code: report(
        '2023年度法治政府建设情况的报告',
        body(2022),
        '一、2022年法治政府工作开展情况回顾',
        TEXT,
        '二、2023年度法治政府建设工作重点',
        TEXT,
      ),
      parse: plain,
      errors: [{ messageId: 'titleYear', line: 1, text: '2023' }],
      output: report(
        '2022年度法治政府建设情况的报告',
        body(2022),
        '一、2022年法治政府工作开展情况回顾',
        TEXT,
        '二、2023年度法治政府建设工作重点',
        TEXT,
      ),
    },
    {
      // Title against opening alone: which is stale is not certain, so no fix; the title wins the tie.
      name: 'title and opening disagree, nothing else: no fix',
      code: report('2022年度法治政府建设情况的报告', body(2021), '一、主要举措和成效', TEXT),
      parse: plain,
      errors: [{ messageId: 'bodyYear', line: 2, text: '2021' }],
    },
    {
      name: 'an explicit report year decides',
      code: report('一、2021年法治政府工作开展情况回顾', TEXT, '二、2022年度法治政府建设工作重点', TEXT),
      parse: plain,
      settings: { reportYear: 2022 },
      errors: [
        { messageId: 'headingYear', line: 1, text: '2021' },
        { messageId: 'planYear', line: 3, text: '2022' },
      ],
      output: report('一、2022年法治政府工作开展情况回顾', TEXT, '二、2023年度法治政府建设工作重点', TEXT),
    },
  ],
});
