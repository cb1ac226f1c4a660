import { RuleTester } from '@fzlint/rule-api/testing';
import { rule } from './repeated-shortcomings.js';

const plain = { format: 'plaintext' } as const;
const report = (...lines: string[]): string => lines.join('\n') + '\n';

// 桐乡市 2021 (full/000): three shortcomings under sub-headings.
const LAST_YEAR_HEADED = report(
  '2021年度桐乡市法治政府建设工作情况的报告',
  '一、2021年推进法治政府建设工作举措和成效',
  '一是强化工作协调。加强法治桐乡顶层设计和统筹协调。',
  '三、2021年推进法治政府建设中存在的问题',
  '(一)基层法治建设有待进一步加强',
  '在法治建设的进程中,党员、干部的依法治国的理念和依法执政能力需要进一步加强。基层政府以行政命令限期推进征地拆迁、违章建筑拆除等问题治理,忽视法定程序的情况仍有发生。',
  '(二)行政争议化解重视程度不足',
  '全市行政争议案件发生量持续高位,而案件调解率偏低,复议纠错和诉讼败诉率偏高。',
  '(三)基层法治专业力量有待进一步补足',
  '法治人才培养和法治队伍建设欠缺长远规划,有待进一步探索体制内培养体系。',
  '四、2022年度推进法治政府建设工作思路',
  '(一)加快培养法治人才队伍。',
);
const headed = { code: LAST_YEAR_HEADED, filePath: '2021.txt', parse: plain };

// 莆田市应急管理局 2021 (archive/m006): 一是……二是…… in one paragraph, causes given after.
const LAST_YEAR_ENUMERATED = report(
  '莆田市应急管理局关于2021年法治政府建设年度报告',
  '一、2021年工作开展情况',
  '(一)加强组织领导,健全工作机制。我局成立法治政府建设工作领导小组。',
  '二、存在的主要问题',
  '一是执法人员专业素质有待提高,部分执法人员对安全生产法律法规掌握不够全面;二是执法装备保障不足,执法车辆和检测仪器配备不到位;三是普法宣传形式较为单一,针对企业的精准普法不够。究其原因,主要是执法力量与监管任务不匹配。',
  '三、2022年法治政府建设主要安排',
  '(一)进一步加强思想引领。',
);
const enumerated = { code: LAST_YEAR_ENUMERATED, filePath: '2021.txt', parse: plain };

const HEAD_2022 = ['2022年度桐乡市法治政府建设工作情况的报告', '一、2022年推进法治政府建设工作举措和成效', '一是完善考核机制。将法治建设成效纳入年度综合考核。'];
const HEAD_2022_PUTIAN = ['莆田市应急管理局关于2022年法治政府建设年度报告', '一、2022年工作开展情况', '(一)完善执法制度。修订行政执法程序规定。'];

new RuleTester().run(rule, {
  valid: [
    {
      name: 'without last year’s report the rule says nothing',
      code: report(...HEAD_2022, '三、2022年推进法治政府建设中存在的问题', '(一)基层法治建设有待进一步加强', '基层依法行政能力仍较薄弱。'),
      parse: plain,
    },
    {
      name: 'new shortcomings',
      code: report(
        ...HEAD_2022,
        '三、2022年推进法治政府建设中存在的问题',
        '(一)数字化执法监管平台应用不够深入',
        '部分部门仍依赖线下台账,平台数据归集率不足七成。',
        '(二)行政规范性文件清理不够及时',
        '个别部门对上位法修改后的配套文件清理滞后。',
      ),
      parse: plain,
      previous: headed,
    },
    {
      name: 'a look-alike sharing a word is another item (基层法治 … 专业力量 vs 基层法治建设; 行政争议 vs 行政复议)',
      code: report(
        ...HEAD_2022,
        '三、2022年推进法治政府建设中存在的问题',
        '(一)基层法治宣传阵地建设滞后',
        '部分村(社区)法治文化阵地设施陈旧。',
        '(二)行政复议案件办理周期偏长',
        '部分案件延期审理。',
      ),
      parse: plain,
      previous: headed,
    },
    {
      name: 'the measures mentioning last year’s shortcoming as fixed are not shortcomings',
      code: report(
        '2022年度桐乡市法治政府建设工作情况的报告',
        '一、2022年推进法治政府建设工作举措和成效',
        '针对上年基层法治建设有待进一步加强的问题,全年为镇(街道)配备专职法治员21名。',
        '三、2022年推进法治政府建设中存在的问题',
        '(一)数字化执法监管平台应用不够深入',
        '部分部门仍依赖线下台账。',
      ),
      parse: plain,
      previous: headed,
    },
    {
      name: 'an enumerated list of other problems',
      code: report(
        ...HEAD_2022_PUTIAN,
        '二、存在的主要问题',
        '一是应急预案修订不够及时,部分预案与新修订的安全生产法衔接不够;二是基层应急队伍建设薄弱,乡镇应急站点人员不足。究其原因,主要是基层力量配备不到位。',
      ),
      parse: plain,
      previous: enumerated,
    },
    {
      name: 'the cause analysis repeated is no shortcoming item',
      code: report(...HEAD_2022_PUTIAN, '二、存在的主要问题', '一是应急预案修订不够及时;二是基层应急队伍建设薄弱。究其原因,主要是执法力量与监管任务不匹配。'),
      parse: plain,
      previous: enumerated,
    },
  ],
  invalid: [
    {
      name: 'the same shortcomings reworded (有待进一步加强 → 仍需加强, 不足 → 不够)',
      code: report(
        ...HEAD_2022,
        '三、2022年推进法治政府建设中存在的问题',
        '(一)基层法治建设仍需加强',
        '镇(街道)法治员配备仍不到位。',
        '(二)对行政争议化解重视程度不够',
        '行政争议案件调解率仍然偏低。',
        '(三)数字化执法监管平台应用不够深入',
        '部分部门仍依赖线下台账。',
      ),
      parse: plain,
      previous: headed,
      errors: [
        { messageId: 'repeated', severity: 'warn', line: 5, column: 4, text: '基层法治建设仍需加强', messageIncludes: '上年度报告第5行', previousLines: [5] },
        { messageId: 'repeated', line: 7, text: '对行政争议化解重视程度不够', previousLines: [7] },
      ],
    },
    {
      name: 'a new label over last year’s text is the same item',
      code: report(
        ...HEAD_2022,
        '三、2022年推进法治政府建设中存在的问题',
        '(一)依法行政意识有待增强',
        '在法治建设的进程中,党员、干部的依法治国的理念和依法执政能力需要进一步加强。基层政府以行政命令限期推进征地拆迁、违章建筑拆除等问题治理,忽视法定程序的情况仍有发生。',
      ),
      parse: plain,
      previous: headed,
      errors: [{ messageId: 'repeated', text: '依法行政意识有待增强', previousLines: [5] }],
    },
    {
      name: 'enumerated items (一是……二是……) repeated in another order',
      code: report(
        ...HEAD_2022_PUTIAN,
        '二、存在的主要问题',
        '一是执法装备保障仍然不足,执法车辆和检测仪器配备不到位;二是应急预案修订不够及时;三是执法人员专业素质不高,部分执法人员对安全生产法律法规掌握不够全面。究其原因,主要是经费保障不足。',
      ),
      parse: plain,
      previous: enumerated,
      errors: [
        { messageId: 'repeated', text: '一是执法装备保障仍然不足,执法车辆和检测仪器配备不到位' },
        { messageId: 'repeated', text: '三是执法人员专业素质不高,部分执法人员对安全生产法律法规掌握不够全面' },
      ],
    },
    {
      name: 'shortcomings stated in prose (存在A、B等问题) name their items',
      code: report(
        '2021年度宽城区法治政府建设情况的报告',
        '一、主要举措和成效',
        '(一)政府职能依法全面履行。深化“放管服”改革。',
        '二、存在的问题和不足',
        '与人民群众期待相比还有差距,存在法治人才不足、部分执法人员执法理念不高、重大行政决策程序意识不强等问题。',
      ),
      parse: plain,
      // 宽城区 2020 (full/002): the same sentence a year earlier.
      previous: {
        code: report(
          '2020年度宽城区法治政府建设情况的报告',
          '一、主要举措和成效',
          '(一)政府职能依法全面履行。全面推进“一网通办”。',
          '二、存在的问题和不足',
          '与国家法治政府创建标准和人民群众期待相比还有差距,存在法治人才不足、部分执法人员执法理念不高、重大行政决策程序意识不强等问题。原因在于:部分领导干部和工作人员对法治政府建设重视程度还不够高。',
        ),
        parse: plain,
      },
      errors: [
        { messageId: 'repeated', text: '存在法治人才不足' },
        { messageId: 'repeated', text: '部分执法人员执法理念不高' },
        { messageId: 'repeated', text: '重大行政决策程序意识不强' },
      ],
    },
  ],
});
