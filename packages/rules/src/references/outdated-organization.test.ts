import { RuleTester } from '@fzlint/rule-api/testing';
import { rule } from './outdated-organization.js';
import { reportMarkdown as md, writtenAt as at } from '../../test/support/report.js';


/** A user's catalogue entries (fzlint.config.json "catalogue"): a local body renamed in 2024. */
const userCatalogue = [
  {
    id: 'local-xx-dashuju-ju',
    kind: 'organization' as const,
    name: 'XX市大数据发展管理局',
    aliases: ['大数据发展管理局', '大数据局'],
    validUntil: '2024-03',
    successor: 'local-xx-shuju-ju',
    successorIsRename: true,
    renames: { 大数据发展管理局: '数据局', 大数据局: '数据局' },
    source: 'XX市机构改革方案（2024年3月）',
    confidence: 'confirmed' as const,
  },
  {
    id: 'local-xx-shuju-ju',
    kind: 'organization' as const,
    name: 'XX市数据局',
    aliases: ['市数据局'],
    validFrom: '2024-03',
    source: 'XX市机构改革方案（2024年3月）',
    confidence: 'confirmed' as const,
  },
];

new RuleTester().run(rule, {
  valid: [
    { name: 'an undatable text: silent', code: '县工商局查处无照经营案件12起。' },
    { name: 'the reform year itself: local bodies were still being merged', code: md(2018, '县工商局查处无照经营案件12起。'), settings: at(2018) },
    { name: '原工商局', code: md(2022, '原县工商局移交的12件案件已全部办结。'), settings: at(2022) },
    { name: '原市政府法制办公室', code: md(2023, '原市政府法制办公室的档案已移交市司法局。'), settings: at(2023) },
    {
      name: 'a sentence recounting the reform',
      code: md(2019, '根据机构改革方案，县工商局、质监局、食药监局职责整合组建县市场监管局。'),
      settings: at(2019),
    },
    { name: 'the successor', code: md(2022, '县市场监管局查处无照经营案件12起。'), settings: at(2022) },
    { name: 'a title issued by the old body', code: md(2022, '清理《XX县工商局关于规范广告经营的通知》等文件。'), settings: at(2022) },
    { name: '农业部门 is a generic word', code: md(2022, '会同各农业部门开展执法检查。'), settings: at(2022) },
    { name: '文化部署 is not 文化部', code: md(2022, '加强宣传文化部署，推进文化市场执法。'), settings: at(2022) },
    { name: '生态环境局', code: md(2022, '市生态环境局办理行政处罚案件45件。'), settings: at(2022) },
    { name: '卫健委', code: md(2023, '县卫健委开展医疗机构专项检查。'), settings: at(2023) },
    { name: '文化广电和旅游局 is not the old 旅游局', code: md(2022, '县文化广电和旅游局开展文化市场执法。'), settings: at(2022) },
    { name: '乡村振兴局 in 2021', code: md(2021, '县乡村振兴局牵头做好衔接工作。'), settings: at(2021) },
    {
      name: 'a user entry: the old name in the reform year passes',
      code: md(2024, '市大数据局牵头推进数据共享。'),
      settings: { ...at(2024), catalogue: userCatalogue },
    },
  ],
  invalid: [
    {
      name: '市政府法制办公室 five years after the reform',
      code: md(2023, '市政府法制办公室审查规范性文件12件。'),
      settings: at(2023),
      errors: [{ messageId: 'abolished', severity: 'warn', line: 5, text: '政府法制办公室', messageIncludes: '司法' }],
    },
    {
      name: 'the year after the reform: info',
      code: md(2019, '县法制办审查规范性文件12件。'),
      settings: at(2019),
      errors: [{ messageId: 'abolished', severity: 'info', text: '法制办' }],
    },
    {
      name: '工商局 in 2020',
      code: md(2020, '县工商局查处无照经营案件12起。'),
      settings: at(2020),
      errors: [{ messageId: 'abolished', severity: 'warn', messageIncludes: '市场监督管理局' }],
    },
    {
      name: 'in the next-year plan: error',
      code: md(2021, '推进依法行政。', '协调县质监局开展质量执法检查。'),
      settings: at(2021),
      errors: [{ messageId: 'abolished', severity: 'error', line: 9 }],
    },
    {
      name: '卫计委 renamed: fixed',
      code: md(2022, '县卫计委开展医疗机构专项检查。'),
      settings: at(2022),
      errors: [{ messageId: 'renamed', severity: 'warn', text: '卫计委' }],
      output: md(2022, '县卫健委开展医疗机构专项检查。'),
    },
    {
      name: '环保局 renamed: fixed',
      code: md(2021, '市环保局办理行政处罚案件45件。'),
      settings: at(2021),
      errors: [{ messageId: 'renamed', severity: 'warn' }],
      output: md(2021, '市生态环境局办理行政处罚案件45件。'),
    },
    {
      name: '农业局 renamed: fixed',
      code: md(2020, '县农业局开展农资打假专项行动。'),
      settings: at(2020),
      errors: [{ messageId: 'renamed', severity: 'warn' }],
      output: md(2020, '县农业农村局开展农资打假专项行动。'),
    },
    {
      name: '依法治县领导小组 renamed: fixed',
      code: md(2022, '召开县依法治县领导小组会议2次。'),
      settings: at(2022),
      errors: [{ messageId: 'renamed', severity: 'warn' }],
      output: md(2022, '召开县全面依法治县委员会会议2次。'),
    },
    {
      name: '食药监局 in 2023',
      code: md(2023, '区食药监局开展食品安全检查。'),
      settings: at(2023),
      errors: [{ messageId: 'abolished', severity: 'warn' }],
    },
    {
      name: '国土资源局 in 2021',
      code: md(2021, '市国土资源局查处违法用地案件8起。'),
      settings: at(2021),
      errors: [{ messageId: 'abolished', severity: 'warn', messageIncludes: '自然资源局' }],
    },
    {
      name: '扶贫办 in 2024',
      code: md(2024, '县扶贫办牵头开展帮扶工作。'),
      settings: at(2024),
      errors: [{ messageId: 'abolished', severity: 'warn' }],
    },
    {
      name: 'a user entry from fzlint.config.json: renamed body, fixed',
      code: md(2026, '市大数据局牵头推进数据共享。'),
      settings: { ...at(2026), catalogue: userCatalogue },
      errors: [{ messageId: 'renamed', severity: 'warn', text: '大数据局' }],
      output: md(2026, '市数据局牵头推进数据共享。'),
    },
    {
      name: '安监局 in 2023, quoted',
      code: md(2023, '“县安监局”开展危化品专项整治。'),
      settings: at(2023),
      errors: [{ messageId: 'abolished', severity: 'warn' }],
    },
  ],
});
