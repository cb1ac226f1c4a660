import { RuleTester } from '@fzlint/rule-api/testing';
import { rule } from './wording.js';
import { reportMarkdown as md, writtenAt as at } from '../../test/support/report.js';


new RuleTester().run(rule, {
  valid: [
    { name: '法制审核 is right', code: md(2022, '严格落实重大执法决定法制审核制度。'), settings: at(2022) },
    { name: '社会主义法制的统一 is unchanged', code: md(2022, '维护社会主义法制的统一和尊严。'), settings: at(2022) },
    { name: '健全社会主义法制 before 2018', code: md(2017, '不断健全社会主义法制。'), settings: at(2017) },
    { name: '《法制日报》 in 2019', code: md(2019, '经验做法在《法制日报》刊发。'), settings: at(2019) },
    { name: '原《法制日报》', code: md(2023, '原《法制日报》曾报道我县做法。'), settings: at(2023) },
    { name: 'the old six-part goal in 2020', code: md(2020, '建设职能科学、权责法定、执法严明、公开公正、廉洁高效、守法诚信的法治政府。'), settings: at(2020) },
    { name: 'the seven-part goal', code: md(2023, '建设职能科学、权责法定、执法严明、公开公正、智能高效、廉洁诚信、人民满意的法治政府。'), settings: at(2023) },
    { name: '人大备案审查 reviews legality', code: md(2022, '人大常委会开展规范性文件备案审查，对规范性文件合法性审查。'), settings: at(2022) },
    { name: 'tax bodies keep the higher-level jurisdiction', code: md(2025, '对税务机关的行为可向上一级主管部门申请行政复议。'), settings: at(2025) },
    { name: '向上一级主管部门申请行政复议 in 2023: still the law', code: md(2023, '当事人可向上一级主管部门申请行政复议。'), settings: at(2023) },
    { name: '“双随机、一公开”', code: md(2022, '全面实施“双随机、一公开”监管。'), settings: at(2022) },
    { name: '推进法治建设第一责任人', code: md(2022, '党政主要负责人切实履行推进法治建设第一责任人职责。'), settings: at(2022) },
    { name: '司法所', code: md(2022, '乡镇司法所开展人民调解。'), settings: at(2022) },
    { name: '“放管服”改革', code: md(2022, '深化“放管服”改革。'), settings: at(2022) },
    { name: 'another document’s title cited as written', code: md(2022, '转发《关于推行执法过程全记录的通知（2017年）》。'), settings: at(2022) },
    { name: 'a record switched off in options', code: md(2022, '开展双随机一公开抽查。'), settings: at(2022), options: { disable: ['w-shuangsuiji'] } },
  ],
  invalid: [
    {
      name: '法治审核 → 法制审核 (confirmed: fixed)',
      code: md(2022, '严格落实重大执法决定法治审核制度。'),
      settings: at(2022),
      errors: [{ messageId: 'wrong', severity: 'error', text: '法治审核' }],
      output: md(2022, '严格落实重大执法决定法制审核制度。'),
    },
    {
      name: '执法过程全记录 → 执法全过程记录 (2019)',
      code: md(2019, '全面推行执法过程全记录制度。'),
      settings: at(2019),
      errors: [{ messageId: 'outdated', severity: 'warn' }],
      output: md(2019, '全面推行执法全过程记录制度。'),
    },
    {
      name: '健全社会主义法制 after the 2018 amendment',
      code: md(2018, '不断健全社会主义法制。'),
      settings: at(2018),
      errors: [{ messageId: 'outdated', severity: 'info' }],
      output: md(2018, '不断健全社会主义法治。'),
    },
    {
      name: '健全社会主义法制 in 2020: warning',
      code: md(2020, '不断健全社会主义法制。'),
      settings: at(2020),
      errors: [{ messageId: 'outdated', severity: 'warn' }],
      output: md(2020, '不断健全社会主义法治。'),
    },
    {
      name: '《法制日报》 in 2021 (secondary: a suggestion, no fix)',
      code: md(2021, '经验做法在《法制日报》刊发。'),
      settings: at(2021),
      errors: [{ messageId: 'outdated', severity: 'warn', text: '法制日报' }],
    },
    {
      name: 'the old goal in 2022',
      code: md(2022, '加快建设职能科学、权责法定、执法严明、公开公正、廉洁高效、守法诚信的法治政府。'),
      settings: at(2022),
      errors: [{ messageId: 'outdated', severity: 'warn', messageIncludes: '智能高效、廉洁诚信、人民满意' }],
    },
    {
      name: 'the old goal in 2021: info (changed in August)',
      code: md(2021, '建设廉洁高效、守法诚信的法治政府。'),
      settings: at(2021),
      errors: [{ messageId: 'outdated', severity: 'info' }],
    },
    {
      name: '督查工作规定 → 督察 (in its own title)',
      code: md(2022, '对照《法治政府建设与责任落实督查工作规定》开展自查。'),
      settings: at(2022),
      errors: [{ messageId: 'wrong', severity: 'error' }],
      output: md(2022, '对照《法治政府建设与责任落实督察工作规定》开展自查。'),
    },
    {
      name: '向上一级主管部门申请行政复议 in 2025',
      code: md(2025, '当事人可向上一级主管部门申请行政复议。'),
      settings: at(2025),
      errors: [{ messageId: 'outdated', severity: 'warn', messageIncludes: '本级人民政府' }],
    },
    {
      name: '一府两院 in 2024: info',
      code: md(2024, '认真听取“一府两院”专项工作报告。'),
      settings: at(2024),
      errors: [{ messageId: 'outdated', severity: 'info' }],
    },
    {
      name: '放管服务改革 (secondary: no fix)',
      code: md(2023, '深化放管服务改革。'),
      settings: at(2023),
      errors: [{ messageId: 'wrong', severity: 'error' }],
    },
    {
      name: '双随机一公开: info',
      code: md(2022, '开展双随机一公开抽查。'),
      settings: at(2022),
      errors: [{ messageId: 'wrong', severity: 'info' }],
    },
    {
      name: '乡镇司法局: info',
      code: md(2026, '乡镇司法局开展人民调解。'),
      settings: at(2026),
      errors: [{ messageId: 'wrong', severity: 'info' }],
    },
    {
      name: '履行法治建设第一责任人职责 (推进 missing): info',
      code: md(2022, '切实履行法治建设第一责任人职责。'),
      settings: at(2022),
      errors: [{ messageId: 'wrong', severity: 'info' }],
    },
    {
      name: 'an extra record from config',
      code: md(2022, 'XX市法制局开展执法检查。'),
      settings: at(2022),
      options: { extra: [{ id: 'local-1', pattern: 'XX市法制局', right: 'XX市司法局', replacement: 'XX市司法局', severity: 'warn', confidence: 'confirmed', reason: '2019年机构改革' }] },
      errors: [{ messageId: 'wrong', severity: 'warn' }],
      output: md(2022, 'XX市司法局开展执法检查。'),
    },
    {
      // Its hint 司法局长 begins with a built-in hint, 司法局: both are found where the longer one is.
      name: 'an extra record whose hint begins with a built-in one',
      code: md(2022, '区司法局长出席会议。'),
      settings: at(2022),
      options: { extra: [{ id: 'local-2', pattern: '司法局长', right: '司法局局长', severity: 'warn', confidence: 'unconfirmed', reason: '职务全称' }] },
      errors: [{ messageId: 'wrong', severity: 'info', text: '司法局长' }],
    },
    {
      // The built-in record (街道司法局) and the extra one (司法局长) start their hints at one place.
      name: 'the built-in record still found where the longer extra hint is',
      code: md(2022, '街道司法局长出席会议。'),
      settings: at(2022),
      options: { extra: [{ id: 'local-2', pattern: '司法局长', right: '司法局局长', severity: 'warn', confidence: 'unconfirmed', reason: '职务全称' }] },
      errors: [
        { messageId: 'wrong', severity: 'info', text: '街道司法局' },
        { messageId: 'wrong', severity: 'info', text: '司法局长' },
      ],
    },
  ],
});
