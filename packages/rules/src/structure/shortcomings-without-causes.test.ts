import { RuleTester } from '@fzlint/rule-api/testing';
import { rule } from './shortcomings-without-causes.js';

const plain = { format: 'plaintext' } as const;
const report = (...lines: string[]): string => lines.join('\n') + '\n';

const OPENING = '2021年,桐乡市人民政府在市委的正确领导下,以法治政府建设示范创建为主抓手,完善组织领导,强化责任担当。';
const RESULTS = ['一、2021年推进法治政府建设工作举措和成效', '一是强化工作协调。加强法治桐乡顶层设计和统筹协调。'];
const PLAN = ['四、2022年度推进法治政府建设工作思路', '(一)加快培养法治人才队伍。进一步加快镇(街道)专职法治员配备。'];

new RuleTester().run(rule, {
  valid: [
    {
      // 黄梅街道 2021 (full/001): 受编制和专业性影响 gives the third item its cause.
      name: 'a cause given with one item (受…影响) in a closing paragraph',
      code: report(
        OPENING,
        ...RESULTS,
        '2021年,开发区(黄梅街道)的法治政府建设工作虽然取得了一定成绩,但对照中央和省市法治政府建设的要求,仍然还存在一些不足。一是个别部门、少数干部对法治政府建设站位不高。三是受编制和专业性影响,个别部门法制机构设置人员配备不足的情况依然存在。',
        ...PLAN,
      ),
      parse: plain,
    },
    {
      name: '因机构改革，… gives an item its cause',
      code: report(OPENING, ...RESULTS, '二、存在的问题', '一是因机构改革，部分执法人员尚未取得执法证件；二是法治宣传形式较为单一。', ...PLAN),
      parse: plain,
    },
    {
      name: '由于… gives an item its cause',
      code: report(OPENING, ...RESULTS, '二、存在的不足', '由于人员编制有限，法制审核力量相对薄弱，重大执法决定法制审核存在压力。', ...PLAN),
      parse: plain,
    },
    {
      // archive/m006: …导致执法人员在执法过程中无法…
      name: '…导致… gives an item its cause',
      code: report(OPENING, ...RESULTS, '二、存在的主要问题', '国家、省级层面还未出台相关的行政处罚自由裁量标准，导致执法人员在执法过程中无法准确裁量。', ...PLAN),
      parse: plain,
    },
    {
      name: '主要原因是… in a closing paragraph',
      code: report(OPENING, ...RESULTS, '但也存在一些不足：基层执法力量薄弱，主要原因是编制不足、人员流动较大。', ...PLAN),
      parse: plain,
    },
    {
      name: '仍然面临一些困难和不足, with the cause',
      code: report(OPENING, ...RESULTS, '同时，我局法治政府建设仍然面临一些困难和不足，由于机构改革后职能调整，部分执法事项衔接不够顺畅。', ...PLAN),
      parse: plain,
    },
    {
      // Last year's shortcomings being fixed, in a 2025 report: this year's work, not this year's shortcomings.
      name: 'a section on fixing last year\'s shortcomings',
      code: report(
        '2025年，我局坚持以习近平新时代中国特色社会主义思想为指导，扎实推进法治政府建设。',
        '一、2025年法治政府建设主要举措和成效',
        '一是强化工作协调。加强法治建设统筹协调。',
        '二、2024年存在不足及整改情况',
        '针对2024年度存在的执法人员不足等问题，全年新增持证执法人员12人，问题已整改到位。',
        '三、2026年工作打算',
        '持续推进严格规范公正文明执法。',
      ),
      parse: plain,
    },
    {
      // 宽城区 2020 (full/002): 原因在于 in the section.
      name: '原因在于 in the shortcomings section',
      code: report(
        OPENING,
        ...RESULTS,
        '二、存在的问题和不足',
        '但与国家法治政府创建标准和人民群众期待相比还有差距,存在法治人才不足、部分执法人员执法理念不高、重大行政决策程序意识不强等问题。原因在于:部分领导干部和工作人员对法治政府建设重视程度还不够高。',
        ...PLAN,
      ),
      parse: plain,
    },
    {
      name: '究其原因 in a later paragraph of the section',
      code: report(
        OPENING,
        ...RESULTS,
        '三、存在的不足',
        '(一)基层法治建设有待进一步加强',
        '基层政府以行政命令限期推进征地拆迁等问题治理,忽视法定程序的情况仍有发生。',
        '(二)行政争议化解重视程度不足',
        '全市行政争议案件发生量持续高位,而案件调解率偏低。究其原因,主要是部分领导干部法治意识还不够强。',
        ...PLAN,
      ),
      parse: plain,
    },
    {
      name: 'a 原因分析 sub-heading counts as the analysis',
      code: report(
        OPENING,
        ...RESULTS,
        '三、存在的问题及原因',
        '(一)存在的问题',
        '执法人员专业化程度仍需提升,法治乡村建设发展不均衡。',
        '(二)原因分析',
        '一是思想认识还不到位;二是专业力量配备不足。',
        ...PLAN,
      ),
      parse: plain,
    },
    {
      name: 'prose shortcomings followed by 根源在于',
      code: report(
        OPENING,
        ...RESULTS,
        '过去一年全市法治政府建设取得了新的进展,但工作仍存在一些差距和不足,主要表现在:法治政府建设区域发展需进一步均衡。问题的根源在于基层法治力量薄弱。',
        ...PLAN,
      ),
      parse: plain,
    },
    {
      name: 'a house-style cause word given as an option',
      code: report(OPENING, ...RESULTS, '三、存在的不足', '执法力量还需进一步充实。问题根子是队伍建设滞后。', ...PLAN),
      parse: plain,
      options: { causePatterns: ['问题根子'] },
    },
    {
      // Look-alike: the plan's 找原因 is not about this year's shortcomings, and there are none listed.
      name: 'no shortcomings at all: nothing to analyse',
      code: report(OPENING, ...RESULTS, '四、2022年度推进法治政府建设工作思路', '逐项找问题、找短板、找差距、找原因,建立短板问题“两清单一台账”。'),
      parse: plain,
    },
    {
      name: 'an empty shortcomings heading lists nothing',
      code: report(OPENING, ...RESULTS, '三、存在的问题', ...PLAN),
      parse: plain,
    },
  ],
  invalid: [
    {
      // 桐乡市 2021 (full/000): three problems, no causes.
      name: 'shortcomings section without causes',
      code: report(
        OPENING,
        ...RESULTS,
        '三、2021年推进法治政府建设中存在的问题',
        '(一)基层法治建设有待进一步加强',
        '征地拆迁仍是行政争议高发领域,基层政府在落实各法定环节中屡有瑕疵。',
        '(二)行政争议化解重视程度不足',
        '全市行政争议案件发生量持续高位,而案件调解率偏低,复议纠错和诉讼败诉率偏高。',
        ...PLAN,
      ),
      parse: plain,
      errors: [{ messageId: 'noCauses', severity: 'warn', line: 4, text: '三、2021年推进法治政府建设中存在的问题' }],
    },
    {
      // 黄梅街道 2021 (full/001, a closing paragraph without causes) without its 受…影响 item.
      name: 'prose shortcomings without causes',
      code: report(
        OPENING,
        ...RESULTS,
        '2021年,开发区(黄梅街道)的法治政府建设工作虽然取得了一定成绩,但对照中央和省市法治政府建设的要求,仍然还存在一些不足。一是个别部门、少数干部对法治政府建设站位不高。二是个别部门法制机构设置人员配备不足的情况依然存在。',
        ...PLAN,
      ),
      parse: plain,
      errors: [{ messageId: 'noCauses', severity: 'warn', line: 4, text: '仍然还存在一些不足' }],
    },
    {
      // An unheaded closing paragraph: the shortcomings are present as prose and judged there.
      name: 'a closing 但也存在一些不足：… paragraph without causes',
      code: report(OPENING, ...RESULTS, '全年工作取得一定成效，但也存在一些不足：一是法治宣传形式较为单一；二是执法人员专业能力有待提升。', ...PLAN),
      parse: plain,
      errors: [{ messageId: 'noCauses', severity: 'warn', line: 4, text: '但也存在一些不足' }],
    },
    {
      name: '仍然面临一些困难和不足 without causes',
      code: report(OPENING, ...RESULTS, '同时，我局法治政府建设仍然面临一些困难和不足，基层执法力量薄弱，执法规范化水平不高。', ...PLAN),
      parse: plain,
      errors: [{ messageId: 'noCauses', severity: 'warn', line: 4, text: '我局法治政府建设仍然面临一些困难和不足' }],
    },
    {
      // Look-alike: 因此 and 因素 are not causes.
      name: '因此 is no cause',
      code: report(OPENING, ...RESULTS, '但也存在一些不足：一是执法力量不足，因此部分案件办理周期较长；二是影响法治建设的因素仍然较多。', ...PLAN),
      parse: plain,
      errors: [{ messageId: 'noCauses', severity: 'warn', line: 4 }],
    },
    {
      name: 'Markdown shortcomings section without causes',
      code: [
        '# 2022年度法治政府建设报告',
        '',
        '## 一、主要举措和成效',
        '',
        '坚持依法决策。',
        '',
        '## 二、2022年度推进法治政府建设存在的不足',
        '',
        '### (三)行政执法部门专业化程度不足,执法专业人才短缺',
        '',
        '部分新组建的执法部门一线执法人员业务培训、现场执法能力还存在不小差距。',
        '',
      ].join('\n'),
      errors: [{ messageId: 'noCauses', line: 7, messageIncludes: '没有分析原因' }],
    },
  ],
});
