import { RuleTester } from '@fzlint/rule-api/testing';
import rule from './parts-exceed-total.js';

new RuleTester().run(rule, {
  valid: [
    {
      name: 'full/004: a non-exhaustive 其中 list below its total',
      code: '全面清理行政规范性文件804件,其中市政府规范性文件废止29件、宣告失效14件、决定修改22件。',
    },
    {
      name: 'full/003: three partitions that add up',
      code: '2022年,我县市场主体新增28745户(其中:企业3322户,个工商户25423户),新增率为68.67%,注销3126户(其中:企业812户,个体工商户2314户),注销注册率为10.87%,净增25619户(其中:企业2510户,个体工商户23109户),净增率为61.2%。',
    },
    {
      name: 'full/003: doses and people are different units',
      code: '2022年共接种疫苗1461049剂,其中第一剂545463人,完成两剂接种的542361人,完成三剂接种的373225人。',
    },
    {
      name: 'full/001: parts that add up exactly',
      code: '当前累计关停取缔“散乱污”企业20家,其中轧石和洗砂场13家、砂石经营户4家、废品收购2家、废旧汽车拆解1家。',
    },
    { name: 'approximate total is only a lower bound', code: '检查企业(单位)1500多家，其中小微企业1520家。' },
    {
      name: 'rates after the parts are not parts',
      code: '全年审查各类文件协议2612件,其中行政规范性文件78件,市政府规范性文件报备率、及时率、规范率均达100%。',
    },
    { name: 'a date inside the list is not a part', code: '共收到信息公开申请30件，其中12月收到20件。' },
    { name: 'a document number is not a part', code: '制定行政规范性文件5件，其中长府发〔2020〕9号等3件。' },
    { name: 'growth inside a list is not a part', code: '受理行政复议案件120件，其中征收类案件同比增长150%。' },
    {
      name: 'outcomes (撤销) listed as categories add up',
      code: '全年共收到行政复议申请128件，受理115件，不予受理13件，审结106件，其中维持68件，撤销12件，确认违法5件，驳回申请11件，终止10件。',
    },
    { name: 'a few highlighted parts', code: '共办理政协提案74件，其中重点提案10件。' },
    { name: '分别为 without a total', code: '受理和办结的行政复议案件分别为50件、45件。' },
    { name: 'approximate part 约 has no bound', code: '调解各类矛盾纠纷3.97万件，其中涉及物业纠纷约4万件。' },
    {
      name: 'cross-cutting subsets (by channel and by type) may add up to more than the total',
      code: '共受理政府信息公开申请120件，其中网上申请90件、涉及征地拆迁的申请60件。',
    },
    {
      name: 'kinds of training are not said to exclude each other',
      code: '组织法治培训12场，包括专题讲座8场、法律知识竞赛6场。',
    },
    {
      name: 'permit types listed under 其中 are not said to partition the total',
      code: '实施行政许可98件,其中林业采伐许可17件,建设规划许可91件.',
    },
    {
      name: 'a type and a channel of the same requests',
      code: '受理群众诉求1000件，其中咨询类600件、投诉类300件，12345热线转办700件。',
    },
    {
      name: 'a partition that adds up, with 分别为',
      code: '共办理人大代表建议和政协提案735件，分别为建议400件、提案335件。',
    },
  ],
  invalid: [
    {
      name: 'non-exhaustive parts above the total',
      code: '全面清理行政规范性文件804件，其中废止529件、宣告失效314件。',
      errors: [{ messageId: 'exceeds', severity: 'error', line: 1, text: '其中废止529件、宣告失效314件', messageIncludes: '分项之和（843件）大于总数（804件）' }],
    },
    {
      name: 'split parts above the total',
      code: '2022年，我县市场主体新增28745户（其中：企业3322户，个体工商户25523户）。',
      errors: [{ messageId: 'exceeds', text: '其中：企业3322户，个体工商户25523户' }],
    },
    {
      name: 'exhaustive split below the total is a warning',
      code: '2022年，我县市场主体新增28745户（其中：企业3322户，个工商户25400户）。',
      errors: [{ messageId: 'partitionMismatch', severity: 'warn', messageIncludes: '相差23户' }],
    },
    {
      name: '分别为 below the total is a warning',
      code: '共办理人大代表建议和政协提案735件，分别为建议400件、提案300件。',
      errors: [{ messageId: 'partitionMismatch', severity: 'warn', messageIncludes: '分项之和（700件）与总数（735件）不符' }],
    },
    {
      name: 'Chinese numerals',
      code: '共接收信访件十五件，其中来信九件、来访八件。',
      errors: [{ messageId: 'exceeds', messageIncludes: '分项之和（17件）大于总数（十五件）' }],
    },
    {
      name: 'approximate part above an exact total',
      code: '共办理行政许可九十八件，其中建设规划许可一百余件。',
      errors: [{ messageId: 'exceeds', text: '其中建设规划许可一百余件' }],
    },
    {
      name: 'thousands separators',
      code: '受理信访件1,436件，其中来信1,000件、来访500件。',
      errors: [{ messageId: 'exceeds', messageIncludes: '1500件' }],
    },
    {
      name: '万 multiplier',
      code: '推进“最多跑一次”改革，全市一体化平台办件211.29万件，其中“掌上办”办件212万件。',
      errors: [{ messageId: 'exceeds', messageIncludes: '分项之和（212万件）大于总数（211.29万件）' }],
    },
    {
      name: 'full-width digits',
      code: '全年审查各类文件协议２６１２件，其中行政规范性文件２７００件。',
      errors: [{ messageId: 'exceeds', text: '其中行政规范性文件２７００件' }],
    },
    {
      name: '包括, one part above the total',
      code: '组织法治培训12场，包括专题讲座8场、法律知识竞赛16场。',
      errors: [{ messageId: 'exceeds', text: '包括专题讲座8场、法律知识竞赛16场' }],
    },
    {
      name: 'on the third line',
      code: '一、工作开展情况\n\n全年收到行政复议案件50件，其中维持30件、撤销15件、确认违法10件。',
      errors: [{ messageId: 'exceeds', line: 3 }],
    },
    {
      name: 'half-width punctuation, one part above the total',
      code: '实施行政许可98件,其中林业采伐许可17件,建设规划许可101件.',
      errors: [{ messageId: 'exceeds', messageIncludes: '118件' }],
    },
    {
      name: 'petition channels exclude each other',
      code: '全年受理信访事项120件，其中来信70件，来访60件。',
      errors: [{ messageId: 'exceeds', messageIncludes: '130件' }],
    },
    {
      name: 'new and carried-over work exclude each other',
      code: '全年办理行政复议案件135件，其中新收125件、上年结转15件。',
      errors: [{ messageId: 'exceeds', messageIncludes: '140件' }],
    },
    {
      name: 'outcomes of a clean-up exclude each other',
      code: '清理规范性文件120件，其中废止70件、宣告失效40件、修改20件。',
      errors: [{ messageId: 'exceeds', messageIncludes: '130件' }],
    },
    {
      name: 'outcomes listed as categories above the total',
      code: '审结行政复议案件106件，其中维持68件，撤销22件，确认违法5件，驳回申请11件，终止10件。',
      errors: [{ messageId: 'exceeds', messageIncludes: '分项之和（116件）大于总数（106件）' }],
    },
    {
      name: 'people counted in a list',
      code: '组织263人参加行政执法人员法律知识考试，其中合格240人、不合格30人。',
      errors: [{ messageId: 'exceeds', messageIncludes: '270人' }],
    },
  ],
});
