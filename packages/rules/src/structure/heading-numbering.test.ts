import { RuleTester } from '@fzlint/rule-api/testing';
import { rule } from './heading-numbering.js';

const plain = { format: 'plaintext' } as const;
const report = (...lines: string[]): string => lines.join('\n') + '\n';

const OPENING = '2022年,在市政府的坚强领导下,洪洞县委、县政府坚持以习近平新时代中国特色社会主义思想为指引。';
const BODY = '以坚持党的领导为核心,确保全面依法治县正确政治方向,以实现全民守法为基础,推进法治社会建设,统筹推进法治建设提质增效。';

new RuleTester().run(rule, {
  valid: [
    {
      name: 'regular numbering at three levels',
      code: report(
        OPENING,
        '一、2021年度法治政府建设工作情况',
        '(一)坚持以上率下,扎实推进法治政府建设',
        '1. 压实工作责任。分管领导按照“一岗双责”要求,协助抓好分管部门的法治建设工作。',
        '2. 完善制度机制。坚持依法决策、科学决策、民主决策。',
        '(二)树牢法治思维,深入开展普法宣传教育',
        '1. 深化重点人员法治教育。开展“八五”普法工作。',
        '二、2022年度法治政府建设工作重点',
        '(一)进一步强化“第一责任”意识。深入学习贯彻习近平法治思想。',
        '(二)进一步提升“依法决策”能力。严格落实重大行政决策程序。',
      ),
      parse: plain,
    },
    {
      name: 'a sub-list continuing the previous section’s numbering is a house style',
      code: report(OPENING, '一、主要举措和成效', '(一)加强领导', BODY, '(二)强化监督', BODY, '二、存在的不足', '(三)执法力量不足', BODY, '(四)宣传力度不够', BODY),
      parse: plain,
    },
    {
      // Look-alikes: 一是/二是 and 12.4宪法日 are not heading numbers.
      name: '一是 二是 inside paragraphs',
      code: report(OPENING, '一、主要举措和成效', '一是强化工作协调。二是注重典型选树。四是积极筹划12.4宪法日的专题活动。', '二、存在的不足', BODY),
      parse: plain,
    },
    {
      // An item whose run-in title is too long to read as a heading still holds its number.
      name: 'the missing number stands at the start of a paragraph',
      code: report(
        OPENING,
        '一、主要举措和成效',
        '(一)依法履行政府职能,科学开展民主决策:我镇坚持以服务型政府为主导,及时转变政府职能,加强行政履责,健全依法决策机制。',
        '(二)强化行政权力监督。主动向镇党委报告法治政府建设工作中的重大问题。',
      ),
      parse: plain,
    },
    {
      name: 'a second enumeration of arabic items under one parent starts again at 1',
      code: report(OPENING, '一、主要举措和成效', '1. 压实工作责任。', '2. 完善制度机制。', '主要成效如下。', '1. 规范执法。', '2. 化解矛盾。'),
      parse: plain,
    },
    {
      name: 'consistent half-width brackets',
      code: report(OPENING, '一、主要举措和成效', '(一)加强领导', BODY, '(二)强化监督', BODY),
      parse: plain,
    },
  ],
  invalid: [
    {
      name: 'a skipped number, fixed when the rest runs on',
      code: report(OPENING, '一、主要举措和成效', BODY, '二、存在的不足', BODY, '四、2023年工作思路', BODY, '五、其他需要报告的情况', BODY),
      parse: plain,
      errors: [{ messageId: 'skipped', line: 6, text: '四、', messageIncludes: '缺少“三、”' }],
      output: report(OPENING, '一、主要举措和成效', BODY, '二、存在的不足', BODY, '三、2023年工作思路', BODY, '四、其他需要报告的情况', BODY),
    },
    {
      name: 'one wrong number between two right ones',
      code: report(OPENING, '一、主要举措和成效', '(一)加强领导', BODY, '(二)强化监督', BODY, '(二)规范执法', BODY, '(四)化解矛盾', BODY),
      parse: plain,
      errors: [{ messageId: 'repeated', line: 7, text: '(二)' }],
      output: report(OPENING, '一、主要举措和成效', '(一)加强领导', BODY, '(二)强化监督', BODY, '(三)规范执法', BODY, '(四)化解矛盾', BODY),
    },
    {
      name: 'arabic numbers keep their full-width digits',
      code: report(OPENING, '一、主要举措和成效', '１．加强领导。', '２．强化监督。', '２．规范执法。'),
      parse: plain,
      errors: [{ messageId: 'repeated', line: 5, text: '２．' }],
      output: report(OPENING, '一、主要举措和成效', '１．加强领导。', '２．强化监督。', '３．规范执法。'),
    },
    {
      // 洪洞县 2022 (full/003), section 二: (一)(二) are unnumbered paragraphs.
      name: 'a list starting at (三), no fix',
      code: report(
        OPENING,
        '一、2022年法治政府工作开展情况回顾',
        '(一)聚焦法治建设,全面提高依法行政能力',
        BODY,
        '二、2022年度推进法治政府建设存在的不足',
        '贯彻习近平总书记重要讲话指示精神从“形”到“行”还有差距,有的只是组织了粗浅的、形式上的学习。',
        '(三)行政执法部门专业化程度不足,执法专业人才短缺。部分新组建的执法部门一线执法人员业务培训还存在不小差距。',
        '(四)法治乡村建设发展不均衡,农村干部带头作用发挥不充分。一些乡镇法治建设的推进情况还不理想。',
      ),
      parse: plain,
      errors: [{ messageId: 'startsNotAtOne', line: 7, text: '(三)', messageIncludes: '(一)' }],
    },
    {
      name: 'a restart within one list, no fix',
      code: report(OPENING, '一、主要举措和成效', '(一)加强领导', BODY, '(二)强化监督', BODY, '(一)规范执法', BODY),
      parse: plain,
      errors: [{ messageId: 'restarted', line: 7, text: '(一)' }],
    },
    {
      name: 'a number going backwards, no fix',
      code: report(OPENING, '一、主要举措和成效', '(一)加强领导', BODY, '(二)强化监督', BODY, '(三)规范执法', BODY, '(二)化解矛盾', BODY),
      parse: plain,
      errors: [{ messageId: 'backwards', line: 9, text: '(二)', messageIncludes: '(四)' }],
    },
    {
      name: 'two breaks: reported, not fixed',
      code: report(OPENING, '一、主要举措和成效', BODY, '三、存在的不足', BODY, '五、2023年工作思路', BODY),
      parse: plain,
      errors: [
        { messageId: 'skipped', line: 4, text: '三、' },
        { messageId: 'skipped', line: 6, text: '五、' },
      ],
    },
    {
      name: 'mixed bracket widths, fixed to the majority',
      code: report(OPENING, '一、主要举措和成效', '（一）加强领导', BODY, '(二)强化监督', BODY, '（三）规范执法', BODY),
      parse: plain,
      errors: [{ messageId: 'mixedWidth', line: 5, text: '(二)', messageIncludes: '（二）' }],
      output: report(OPENING, '一、主要举措和成效', '（一）加强领导', BODY, '（二）强化监督', BODY, '（三）规范执法', BODY),
    },
    {
      name: 'mixed widths without a majority: reported, not fixed',
      code: report(OPENING, '一、主要举措和成效', '（一）加强领导', BODY, '(二)强化监督', BODY),
      parse: plain,
      errors: [{ messageId: 'mixedWidth', line: 5, text: '(二)' }],
    },
    {
      // 洪洞县 2022 (full/003), section 一: headings that lost their numbers.
      name: 'unnumbered headings after (一)(二)(三)',
      code: report(
        OPENING,
        '一、2022年法治政府工作开展情况回顾',
        '(一)聚焦法治建设,全面提高依法行政能力',
        BODY,
        '(二)开展疫情防控,推动重点领域联合执法',
        BODY,
        '(三)抓好“关键少数”,依法规范重大行政决策',
        BODY,
        '优化营商环境,加速政府职能转型升级',
        '为进一步深化“放管服”改革,优化营商环境,认真总结2021年“优化营商环境建设年”成功经验,将2022年确定为“优化营商环境深化年”。',
        '二、2022年度推进法治政府建设存在的不足',
        BODY,
      ),
      parse: plain,
      errors: [{ messageId: 'unnumbered', line: 9, text: '优化营商环境,加速政府职能转型升级', messageIncludes: '(四)' }],
    },
    {
      name: 'a Markdown heading without a number among numbered siblings',
      code: [
        '# 洪洞县2022年法治政府建设工作情况报告',
        '',
        '## 一、2022年法治政府工作开展情况回顾',
        '',
        '### (一)聚焦法治建设,全面提高依法行政能力',
        '',
        BODY,
        '',
        '### (二)开展疫情防控,推动重点领域联合执法',
        '',
        BODY,
        '',
        '### 优化营商环境,加速政府职能转型升级',
        '',
        BODY,
        '',
      ].join('\n'),
      errors: [{ messageId: 'unnumbered', line: 13, text: '优化营商环境,加速政府职能转型升级', messageIncludes: '(三)' }],
    },
  ],
});
