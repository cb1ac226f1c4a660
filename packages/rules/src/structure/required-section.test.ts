import { applyFixesOnce } from '@fzlint/rule-api';
import { RuleTester, lintWithRule } from '@fzlint/rule-api/testing';
import { describe, expect, it } from 'vitest';
import { rule } from './required-section.js';

const plain = { format: 'plaintext' } as const;

// A complete report assembled from corpus sentences (桐乡市 2021, 宽城区 2020).
const TITLE = '2021年度桐乡市法治政府建设工作情况的报告';
const OPENING = '2021年,桐乡市人民政府在市委的正确领导下,以法治政府建设示范创建为主抓手,完善组织领导,强化责任担当,规范执法行为。';
const MEASURES = [
  '一、2021年推进法治政府建设工作举措和成效',
  '(一)统筹领导,当好法治建设“推进器”',
  '一是强化工作协调。加强法治桐乡顶层设计和统筹协调,研究法治桐乡建设重大问题。',
];
const FRP = [
  '二、党政主要负责人履行推进法治建设第一责任人职责情况',
  '2021年,我市持续深化法治建设第一责任人“领雁工程”,切实发挥党政主要负责人履行法治建设第一责任人的“领雁”作用。',
];
const SHORTCOMINGS = [
  '三、2021年推进法治政府建设中存在的问题',
  '征地拆迁仍是行政争议高发领域,基层政府在落实各法定环节中屡有瑕疵。原因在于:部分领导干部和工作人员对法治政府建设重视程度还不够高。',
];
const PLAN = [
  '四、2022年度推进法治政府建设工作思路',
  '(一)加快培养法治人才队伍。进一步加快镇(街道)专职法治员配备,及时充实基层法治力量。',
];
const report = (...parts: (string | readonly string[])[]): string => parts.flat().join('\n') + '\n';

new RuleTester().run(rule, {
  valid: [
    { name: 'all four contents with headings (plain text)', code: report(TITLE, OPENING, MEASURES, FRP, SHORTCOMINGS, PLAN), parse: plain },
    {
      name: 'Markdown headings',
      code: [
        `# ${TITLE}`,
        '',
        OPENING,
        '',
        '## 一、主要举措和成效',
        '',
        '坚持以上率下,扎实推进法治政府建设。',
        '',
        '## 二、存在的问题和不足',
        '',
        '存在法治人才不足、部分执法人员执法理念不高等问题。原因在于:重视程度还不够高。',
        '',
        '## 三、党政主要负责人履行推进法治建设第一责任人职责情况',
        '',
        '区委书记主持召开区委全面依法治区委员会第二次会议。',
        '',
        '## 四、2022年工作思路',
        '',
        '坚持领导干部带头尊法学法守法用法。',
        '',
      ].join('\n'),
    },
    {
      // 宽城区 2020: the first-responsible-person content is a sub-heading of 主要举措和成效.
      name: 'first-responsible-person as a sub-heading of the results',
      code: report(
        '2020年度法治政府建设情况的报告',
        '2020年,宽城区法治政府建设以习近平新时代中国特色社会主义思想为指导,不断开创法治政府建设新局面。',
        '一、主要举措和成效',
        '(一)党政主要负责人切实履行推进法治建设第一责任人职责',
        '区委常委会议专题听取2019年度法治政府建设情况汇报并进行工作部署。',
        '(二)政府职能依法全面履行',
        '持续开展简政放权,保留行政许可事项91项。',
        '二、存在的问题和不足',
        '存在法治人才不足、部分执法人员执法理念不高、重大行政决策程序意识不强等问题。原因在于:部分领导干部和工作人员对法治政府建设重视程度还不够高。',
        '三、2021年工作思路',
        '(一)以强化程序意识为抓手,提高依法决策水平',
        '加强对《长春市重大行政决策程序实施办法》的学习。',
      ),
      parse: plain,
    },
    {
      // 广州市 2020 (excerpt e004) and many others: the year's work as thematic sections.
      name: 'results laid out as thematic top-level sections',
      code: report(
        '2020年,广州市坚持以习近平新时代中国特色社会主义思想为指导,深入贯彻落实党中央、国务院关于法治政府建设的决策部署。',
        '一、坚持党的领导,法治政府建设更加有力',
        '市委常委会会议、市政府常务会议专题研究法治政府建设工作。',
        '二、依法全面履行政府职能',
        '持续深化“放管服”改革,优化法治化营商环境。',
        SHORTCOMINGS,
        '四、党政主要负责人履行推进法治建设第一责任人职责情况',
        '市政府主要负责同志切实履行推进法治建设第一责任人职责。',
        PLAN,
      ),
      parse: plain,
    },
    {
      // 2022年度报告 (excerpt e021): one heading names the results and the shortcomings.
      name: 'a heading naming two contents',
      code: report(
        '2022年度法治政府建设报告',
        '一、2022年推进法治政府建设主要举措、成效和不足',
        '(一)持续优化法治化营商环境。深入推进“放管服”改革。',
        '同时也存在一些不足,原因在于基层法治力量薄弱。',
        FRP,
        '三、2023年工作打算',
        '持续深化法治政府建设示范创建。',
      ),
      parse: plain,
    },
    { name: 'an empty document is not a report yet', code: '', parse: plain },
    { name: 'a blank document is not a report yet', code: '\n\n   \n', parse: plain },
    {
      name: 'only the configured concepts are required',
      code: report(TITLE, OPENING, MEASURES, SHORTCOMINGS, PLAN),
      parse: plain,
      options: { concepts: ['measures-and-results', 'next-year-plan'] },
    },
  ],
  invalid: [
    {
      // archive/m001: the plan is a closing paragraph 下一步，我局将…: present as prose, never missing.
      name: 'a closing 下一步，我局将… paragraph is the plan as prose',
      code: report(TITLE, OPENING, MEASURES, FRP, SHORTCOMINGS, '下一步，我局将结合工作实际，加强部署安排，持续推动广大干部职工深入学习贯彻习近平法治思想。'),
      parse: plain,
      errors: [{ messageId: 'proseOnly', severity: 'info', text: '下一步，我局将结合工作实际' }],
    },
    {
      // Look-alike: 下一步 in an account of this year's work states no plan.
      name: '下一步 in running text is not a plan',
      code: report(TITLE, OPENING, MEASURES, FRP, SHORTCOMINGS, '全年开展专题培训12次，为下一步工作打下了坚实基础。'),
      parse: plain,
      errors: [{ messageId: 'missing', severity: 'error', line: 1 }],
    },
    {
      // archive/m005: a department's head, in one sentence of the results: prose, not missing.
      name: 'the head of a department in the results is the first-responsible-person content as prose',
      code: report(TITLE, OPENING, MEASURES, '局党组书记、局长高度重视，亲自部署，其他局领导分工协作抓进度，业务科室和直属单位依据职能具体抓落实。', SHORTCOMINGS, PLAN),
      parse: plain,
      errors: [{ messageId: 'proseOnly', severity: 'info', text: '局党组书记、局长高度重视，亲自部署' }],
    },
    {
      name: 'no next-year plan at all: error at the title',
      code: report(TITLE, OPENING, MEASURES, FRP, SHORTCOMINGS),
      parse: plain,
      errors: [{ messageId: 'missing', severity: 'error', line: 1, text: TITLE, messageIncludes: '下一年度推进法治政府建设的主要安排' }],
    },
    {
      // 宜宾市 2023 (full/004): the shortcomings close the results section as a paragraph.
      name: 'shortcomings only as prose: info at the clause',
      code: report(
        OPENING,
        FRP,
        '二、主要举措和成效',
        '(一)深化改革创新,优化法治化营商环境。一是强化制度保障。',
        '过去一年全市法治政府建设取得了新的进展,但工作仍存在一些差距和不足,主要表现在:法治政府建设区域发展需进一步均衡、法治化营商环境需进一步优化等。',
        '三、2024年工作思路',
        '(一)全力推进法治政府建设示范创建工作。',
      ),
      parse: plain,
      errors: [{ messageId: 'proseOnly', severity: 'info', line: 6, text: '但工作仍存在一些差距和不足' }],
    },
    {
      // The prose search passes over sentences without its patterns' literals (存在, 差距 …): a soft line
      // break inside the literal itself must not hide it, the pre-check reads the folded sentence.
      name: 'shortcomings only as prose, the literal 存在 broken across lines',
      code: report(
        OPENING,
        FRP,
        '二、主要举措和成效',
        '(一)深化改革创新,优化法治化营商环境。一是强化制度保障。',
        '过去一年全市法治政府建设取得了新的进展,但工作仍存',
        '在一些差距和不足,主要表现在:法治化营商环境需进一步优化等。',
        '三、2024年工作思路',
        '(一)全力推进法治政府建设示范创建工作。',
      ),
      parse: plain,
      errors: [{ messageId: 'proseOnly', severity: 'info', line: 6, text: '但工作仍存\n在一些差距和不足' }],
    },
    {
      // With only the plan required, the plan's own pre-check (下一步, 明年 …) decides: the literal
      // 下一步 sits in the last sentence, after many sentences that hold none.
      name: 'only the plan required, stated in the last sentence',
      code: report(TITLE, OPENING, MEASURES, MEASURES, FRP, SHORTCOMINGS, '下一步，我局将结合工作实际，持续推进法治政府建设。'),
      parse: plain,
      options: { concepts: ['next-year-plan'] },
      errors: [{ messageId: 'proseOnly', severity: 'info', text: '下一步，我局将结合工作实际' }],
    },
    {
      // 黄梅街道 2021 (full/001): the duty is told in the body of a run-in item whose heading is 压实工作责任.
      name: 'first-responsible-person only in the body of a run-in item',
      code: report(
        OPENING,
        '一、2021年度法治政府建设工作情况',
        '(一)坚持以上率下,扎实推进法治政府建设',
        '1. 压实工作责任。开发区(黄梅街道)党政主要负责人认真履行推进法冶政府建设第一责任人职责,带头抓法治政府建设工作。',
        '2. 完善制度机制。坚持依法决策、科学决策、民主决策。',
        SHORTCOMINGS,
        PLAN,
      ),
      parse: plain,
      errors: [
        {
          messageId: 'proseOnly',
          severity: 'info',
          line: 4,
          text: '开发区(黄梅街道)党政主要负责人认真履行推进法冶政府建设第一责任人职责',
        },
      ],
    },
    {
      // Look-alike: 信息发布的第一责任人 is not the duty the regulation asks about, and the
      // plan's 第一责任人 item is next year's intention.
      name: 'first-responsible-person only in the plan or for something else: missing',
      code: report(
        TITLE,
        OPENING,
        MEASURES,
        '遇有重大突发事件时,党政主要领导、部门主要负责人是信息发布的第一责任人,做到快速反应、及时发声。',
        SHORTCOMINGS,
        '四、2022年度法治政府建设工作重点',
        '(一)进一步强化“第一责任”意识。全面压紧压实主要负责人法治政府建设第一责任人责任,督促各部门主要负责人切实履行推进法治建设第一责任人职责。',
      ),
      parse: plain,
      errors: [{ messageId: 'missing', severity: 'error', line: 1, text: TITLE }],
    },
    {
      // Look-alike: 存在问题 describing the year's work is not the report's own shortcomings.
      name: 'work on problems found is not a shortcomings paragraph',
      code: report(
        TITLE,
        OPENING,
        MEASURES,
        '开展全市行政执法案卷评查工作,对存在问题的单位进行通报,对存在问题进行限期整改。',
        FRP,
        PLAN,
      ),
      parse: plain,
      errors: [{ messageId: 'missing', severity: 'error', line: 1, text: TITLE, messageIncludes: '存在的不足和原因' }],
    },
    {
      name: 'no title: the finding goes to the first sentence',
      code: report(OPENING, MEASURES, FRP, PLAN),
      parse: plain,
      errors: [{ messageId: 'missing', line: 1, text: OPENING }],
    },
    {
      name: 'a report with no headings misses all four',
      code: '2021年,我区持续推进法治政府建设,完善组织领导,强化责任担当。\n',
      parse: plain,
      errors: [
        { messageId: 'missing', messageIncludes: '主要举措和成效' },
        { messageId: 'missing', messageIncludes: '存在的不足和原因' },
        { messageId: 'missing', messageIncludes: '第一责任人' },
        { messageId: 'missing', messageIncludes: '下一年度主要安排' },
      ],
    },
  ],
});

describe('structure/required-section suggestions', () => {
  it('inserts the missing shortcomings before the plan and renumbers the plan', () => {
    const code = report(TITLE, OPENING, MEASURES, FRP, PLAN);
    const [finding] = lintWithRule(rule, { code, parse: plain });
    const suggestion = finding?.suggestions?.[0];
    expect(suggestion?.desc).toContain('存在的不足和原因');
    const output = applyFixesOnce(code, suggestion ? [suggestion.fix] : []).output;
    expect(output).toBe(
      report(TITLE, OPENING, MEASURES, FRP, '三、2021年推进法治政府建设存在的不足和原因', '四、2022年度推进法治政府建设工作思路', PLAN[1]!),
    );
    expect(lintWithRule(rule, { code: output, parse: plain })).toEqual([]);
  });

  it('appends a missing plan after the last section, numbered after its neighbours', () => {
    const code = report(TITLE, OPENING, MEASURES, FRP, SHORTCOMINGS);
    const [finding] = lintWithRule(rule, { code, parse: plain });
    const fix = finding?.suggestions?.[0]?.fix;
    const output = applyFixesOnce(code, fix ? [fix] : []).output;
    expect(output).toBe(report(TITLE, OPENING, MEASURES, FRP, SHORTCOMINGS).replace(/\n$/, '\n四、2022年推进法治政府建设的主要安排\n'));
    expect(lintWithRule(rule, { code: output, parse: plain })).toEqual([]);
  });

  it('uses a Markdown heading in a Markdown report', () => {
    const code = ['# 2022年度法治政府建设报告', '', '## 一、主要举措和成效', '', '坚持依法决策。', '', '## 二、存在的问题和不足', '', '原因在于重视不够。', '', '## 三、党政主要负责人履行推进法治建设第一责任人职责情况', '', '带头学法。', ''].join('\n');
    const [finding] = lintWithRule(rule, { code });
    const fix = finding?.suggestions?.[0]?.fix;
    expect(fix?.text).toContain('## 四、2023年推进法治政府建设的主要安排');
  });
});
