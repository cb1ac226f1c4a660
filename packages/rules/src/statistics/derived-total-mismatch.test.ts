import { RuleTester } from '@fzlint/rule-api/testing';
import rule from './derived-total-mismatch.js';

const FULL_003 =
  '积极推行“全程网办”、智审批、告知承诺、“证照同发”审批模式,大力推行“一址多照”“一照多址”经营,真正实现“秒批秒办”2022年,我县市场主体新增28745户(其中:企业3322户,个工商户25423户),新增率为68.67%,注销3126户(其中:企业812户,个体工商户2314户),注销注册率为10.87%,净增25619户(其中:企业2510户,个体工商户23109户),净增率为61.2%。';

new RuleTester().run(rule, {
  valid: [
    { name: 'full/003: 28745 − 3126 = 25619, part by part too', code: FULL_003 },
    { name: 'received = concluded + pending', code: '共收到行政复议案件106件，审结90件，在审16件。' },
    { name: 'carried-over cases', code: '受理行政复议案件50件（含上年结转5件），审结40件，在审10件。' },
    { name: 'approximate counts take no part in equalities', code: '新增市场主体2万余户，注销3000户，净增1.7万户。' },
    { name: 'counts rounded to 万 agree within their rounding', code: '全年新增市场主体2.1万户，注销0.3万户，净增1.9万户。' },
    { name: 'a net growth rate is not a count', code: '新增市场主体28745户，注销3126户，净增率为61.2%。' },
    { name: 'outcomes between concluded and pending make the balance unclear', code: '共收到行政诉讼案件106件，审结90件，败诉4件，在审12件。' },
    { name: 'different units', code: '新增市场主体28745户，注销3126人，净增25000户。' },
    { name: '未办结 is pending', code: '受理信访事项50件，办结45件，未办结5件。' },
    { name: 'verbs handed out by 分别为, balanced', code: '全年新收、审结、在审行政诉讼案件分别为30件、25件、5件。' },
    { name: 'no net count', code: '新增通办事项30个，注销证照3个。' },
    { name: 'years are not counts', code: '2022年新增市场主体28745户，注销3126户，净增25619户。' },
    { name: 'a growth comparison is not a count', code: '新增市场主体28745户，注销3126户，净增数较上年增加2000户。' },
    { name: 'next paragraph', code: '全年新增市场主体5000户，注销800户。\n\n净增市场主体4300户。' },
    { name: 'received = new + carried-over, as a 其中 list', code: '全年受理行政复议案件65件，其中新收60件、上年结转5件。' },
    { name: 'received = new + carried-over, in one paragraph', code: '全年受理行政复议案件65件，新收60件，上年结转5件，审结60件。' },
    { name: '受理 equal to 新收 means the new cases only', code: '全年受理行政复议案件60件，新收60件，上年结转5件。' },
    { name: 'a total of the list with another part is not new + carried-over', code: '全年办理行政复议案件70件，其中新收60件、上年结转5件、发回重审5件。' },
  ],
  invalid: [
    {
      name: '收到 = 新收 + 上年结转 does not hold (其中 list below its total)',
      code: '全年办理行政复议案件70件，其中新收60件、上年结转5件。',
      errors: [{ messageId: 'newPlusCarried', severity: 'error', text: '70件', messageIncludes: '之和（65件）不符' }],
    },
    {
      name: '受理 = 新收 + 旧存 does not hold (one paragraph)',
      code: '全年受理行政诉讼案件30件，新收20件，旧存5件。',
      errors: [{ messageId: 'newPlusCarried', text: '30件', messageIncludes: '受理数（30件）与新收数（20件）加上年结转数（5件）之和（25件）不符' }],
    },
    {
      name: 'net growth off by 100',
      code: '2022年，我县市场主体新增28745户，注销3126户，净增25719户。',
      errors: [{ messageId: 'netChange', severity: 'error', line: 1, text: '25719户', messageIncludes: '净增数（25719户）与新增数（28745户）减注销数（3126户）之差（25619户）不符' }],
    },
    {
      name: 'full/003 with one part changed',
      code: FULL_003.replace('企业2510户', '企业2610户'),
      errors: [{ messageId: 'netChange', text: '2610户', messageIncludes: '企业净增数（2610户）' }],
    },
    {
      name: 'received ≠ concluded + pending',
      code: '共收到行政复议案件106件，审结90件，在审10件。',
      errors: [{ messageId: 'receivedBalance', text: '106件', messageIncludes: '收到数（106件）与审结数（90件）加在审数（10件）之和（100件）不符' }],
    },
    {
      name: 'Chinese numerals, 正在审理',
      code: '受理行政复议案件十五件，审结十件，正在审理三件。',
      errors: [{ messageId: 'receivedBalance', messageIncludes: '（13件）' }],
    },
    {
      name: 'thousands separators, 新登记',
      code: '新登记市场主体1,436户，注销236户，净增1,300户。',
      errors: [{ messageId: 'netChange', messageIncludes: '1200户' }],
    },
    {
      name: '万 multiplier',
      code: '全年新增市场主体2.1万户，注销0.3万户，净增2.0万户。',
      errors: [{ messageId: 'netChange', messageIncludes: '之差（1.8万户）' }],
    },
    {
      name: 'full-width digits, 未结',
      code: '受理行政应诉案件３５件，审结３０件，未结３件。',
      errors: [{ messageId: 'receivedBalance', text: '３５件' }],
    },
    {
      name: 'two sentences',
      code: '全年新增市场主体5000户，注销800户。净增4300户。',
      errors: [{ messageId: 'netChange', text: '4300户', messageIncludes: '4200户' }],
    },
    {
      name: '新设立 / 吊销 / 净增加',
      code: '新设立企业1200家，吊销200家，净增加900家。',
      errors: [{ messageId: 'netChange', messageIncludes: '1000家' }],
    },
    {
      name: 'half-width punctuation, 办结 / 在办',
      code: '收到政府信息公开申请113件,办结104件,在办5件;',
      errors: [{ messageId: 'receivedBalance', messageIncludes: '109件' }],
    },
    {
      name: '未办结 is pending, and the balance is off',
      code: '受理信访事项50件，办结45件，未办结8件。',
      errors: [{ messageId: 'receivedBalance', messageIncludes: '受理数（50件）与办结数（45件）加未办结数（8件）之和（53件）不符' }],
    },
    {
      name: 'verbs handed out by 分别为',
      code: '全年新收、审结、在审行政诉讼案件分别为30件、25件、8件。',
      errors: [{ messageId: 'receivedBalance', text: '30件', messageIncludes: '之和（33件）' }],
    },
    {
      name: 'second line',
      code: '三、行政复议\n区本级受理行政复议案件6件，审结3件，尚在审理2件。',
      errors: [{ messageId: 'receivedBalance', line: 2 }],
    },
  ],
});
