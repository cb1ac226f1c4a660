import { RuleTester } from '@fzlint/rule-api/testing';
import { rule } from './disclosure-deadline.js';

const plain = { format: 'plaintext' } as const;
const report = (...lines: string[]): string => lines.join('\n') + '\n';

const OPENING =
  '今年以来,开发区(黄梅街道)在市委、市政府的正确领导下,坚持依法治区、依宪施政、依法行政共同推进。现将开发区(黄梅街道)2021年度法治政府建设工作相关情况汇报如下:';
const SECTIONS = [
  '一、2021年度法治政府建设工作情况',
  '(一)坚持以上率下,扎实推进法治政府建设',
  '二、2022年度法治政府建设工作重点',
  '(一)进一步强化“第一责任”意识。深入学习贯彻习近平法治思想。',
];
const signed = (date: string) => report(OPENING, ...SECTIONS, '江苏省句容经济开发区管理委员会', '句容市人民政府黄梅街道办事处', date);

new RuleTester().run(rule, {
  valid: [
    { name: 'signed in the first quarter of the next year', code: signed('2022年2月21日'), parse: plain },
    { name: 'signed on 31 December of the report year', code: signed('2021年12月31日'), parse: plain },
    { name: 'signed on 1 April itself is left to people', code: signed('2022年4月1日'), parse: plain },
    {
      // 宽城区 2020 (full/002): 成文 2021-02-24, 发布 2021-02-26.
      name: 'page metadata within the deadline',
      code: report(
        '索  引 号: 112201030138840281/2021-01589',
        '发文机关: 区政府',
        '成文日期: 2021年02月24日',
        '标      题: 2020年度法治政府建设情况的报告',
        '发布日期: 2021年02月26日',
        '中共宽城区委  宽城区人民政府',
        '2020年度法治政府建设情况的报告',
        '2020年,宽城区法治政府建设以习近平新时代中国特色社会主义思想为指导,不断开创法治政府建设新局面。',
        '一、主要举措和成效',
        '(一)党政主要负责人切实履行推进法治建设第一责任人职责',
      ),
      parse: plain,
    },
    {
      // 宜宾市 2023 (full/004): no date in the text; the assumed 31 March never triggers the rule.
      name: 'no date in the text',
      code: report('2023年,在市委的坚强领导下,市政府坚定以习近平新时代中国特色社会主义思想为指导。', ...SECTIONS),
      parse: plain,
    },
    {
      name: 'a writing date given on the command line is not the text’s',
      code: report(OPENING, ...SECTIONS),
      parse: { ...plain, writingDate: { year: 2021, month: 12, day: 6 } },
    },
  ],
  invalid: [
    {
      // 黄梅街道 2021 (full/001).
      name: 'a 2021 report signed 2021年12月6日',
      code: signed('2021年12月6日'),
      parse: plain,
      errors: [{ messageId: 'tooEarly', severity: 'info', line: 8, text: '2021年12月6日', messageIncludes: '早于2021年度结束' }],
    },
    {
      name: 'signed after 1 April of the next year',
      code: signed('2022年5月10日'),
      parse: plain,
      errors: [{ messageId: 'afterDeadline', severity: 'info', line: 8, text: '2022年5月10日', messageIncludes: '2022年4月1日' }],
    },
    {
      name: 'published after the deadline (page metadata)',
      code: report(
        '索引号: | 330483ZFC00000/2022-130246 | 发布机构: | 市政府办 |',
        '公开方式: | 主动公开 | 发布日期: | 2022-05-10 |',
        '2021年度桐乡市法治政府建设工作情况的报告',
        '2021年,桐乡市人民政府在市委的正确领导下,以法治政府建设示范创建为主抓手,完善组织领导,强化责任担当。',
        ...SECTIONS,
      ),
      parse: plain,
      errors: [{ messageId: 'afterDeadline', line: 2, text: '2022-05-10', messageIncludes: '发布日期' }],
    },
  ],
});
