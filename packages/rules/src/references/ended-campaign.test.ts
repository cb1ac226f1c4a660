import { RuleTester } from '@fzlint/rule-api/testing';
import { rule } from './ended-campaign.js';
import { reportMarkdown as md, writtenAt as at } from '../../test/support/report.js';


new RuleTester().run(rule, {
  valid: [
    { name: '扫黑除恶专项斗争 in 2019: under way', code: md(2019, '深入开展扫黑除恶专项斗争。'), settings: at(2019) },
    { name: '扫黑除恶专项斗争 in 2020: ended with the year the report recounts', code: md(2020, '扫黑除恶专项斗争取得决定性成效。'), settings: at(2020) },
    { name: 'looking back: 期间', code: md(2022, '扫黑除恶专项斗争期间共打掉涉黑组织3个。'), settings: at(2022) },
    { name: 'looking back: 巩固…成果', code: md(2022, '持续巩固扫黑除恶专项斗争成果。'), settings: at(2022) },
    { name: 'looking back: 取得阶段性成果后', code: md(2023, '政法队伍教育整顿取得阶段性成果后，我们建立长效机制。'), settings: at(2023) },
    { name: 'looking back: 圆满收官', code: md(2022, '党史学习教育圆满收官。'), settings: at(2022) },
    { name: 'the successor wording', code: md(2023, '常态化开展扫黑除恶斗争，推进常态化扫黑除恶斗争走深走实。'), settings: at(2023) },
    { name: 'a campaign without an end (放管服)', code: md(2025, '深化简政放权、放管结合、优化服务改革。'), settings: at(2025) },
    { name: '党纪学习教育 in 2024: during the year', code: md(2024, '扎实开展党纪学习教育。'), settings: at(2024) },
    { name: '提升行政执法质量三年行动 in 2024: under way', code: md(2024, '深入实施提升行政执法质量三年行动。'), settings: at(2024) },
    { name: '高效办成一件事 has a target, not an end', code: md(2026, '推进高效办成一件事。'), settings: at(2026) },
    { name: 'bare 扫黑除恶斗争 is the current struggle', code: md(2024, '深入推进扫黑除恶斗争。'), settings: at(2024) },
    { name: '安全生产治本攻坚三年行动 in 2025', code: md(2025, '深入推进安全生产治本攻坚三年行动。'), settings: at(2025) },
    { name: 'in another document’s title', code: md(2022, '印发《XX县扫黑除恶专项斗争工作总结》。'), settings: at(2022) },
    { name: '2018: 不忘初心、牢记使命主题教育 was next year', code: md(2018, '推进依法行政。', '筹备“不忘初心、牢记使命”主题教育。'), settings: at(2018, 2, 1) },
  ],
  invalid: [
    {
      name: '扫黑除恶专项斗争 as 2022 work: warning naming the successor',
      code: md(2022, '深入开展扫黑除恶专项斗争。'),
      settings: at(2022),
      errors: [{ messageId: 'ended', severity: 'warn', line: 5, text: '扫黑除恶专项斗争', messageIncludes: '常态化扫黑除恶斗争' }],
    },
    {
      name: 'in the 2022 plan of a 2021 report: error',
      code: md(2021, '推进依法行政。', '纵深推进扫黑除恶专项斗争。'),
      settings: at(2021),
      errors: [{ messageId: 'endedInPlan', severity: 'error', line: 9 }],
    },
    {
      name: 'in the plan of the 2020 report written in 2021: error',
      code: md(2020, '推进依法行政。', '深入推进扫黑除恶专项斗争。'),
      settings: at(2020),
      errors: [{ messageId: 'endedInPlan', severity: 'error' }],
    },
    {
      name: '政法队伍教育整顿 in 2022',
      code: md(2022, '持续推进政法队伍教育整顿。'),
      settings: at(2022),
      errors: [{ messageId: 'ended', severity: 'warn', messageIncludes: '2021年12月' }],
    },
    {
      name: '决胜全面建成小康社会 as a task in 2022',
      code: md(2022, '为决胜全面建成小康社会提供法治保障。'),
      settings: at(2022),
      errors: [{ messageId: 'ended', severity: 'warn', messageIncludes: '全面建设社会主义现代化国家' }],
    },
    {
      name: '党史学习教育 as 2022 work: info (常态化长效化 is current wording)',
      code: md(2022, '深入开展党史学习教育。'),
      settings: at(2022),
      errors: [{ messageId: 'ended', severity: 'info' }],
    },
    {
      name: '党史学习教育 in the 2023 plan: capped at info',
      code: md(2022, '推进依法行政。', '深入开展党史学习教育。'),
      settings: at(2022),
      errors: [{ messageId: 'endedInPlan', severity: 'info' }],
    },
    {
      name: '第三批示范创建 as 2026 work: info',
      code: md(2026, '积极参加第三批全国法治政府建设示范创建。'),
      settings: at(2026),
      errors: [{ messageId: 'ended', severity: 'info' }],
    },
    {
      name: '常态化疫情防控 in 2024: info',
      code: md(2024, '统筹做好常态化疫情防控。'),
      settings: at(2024),
      errors: [{ messageId: 'ended', severity: 'info' }],
    },
    {
      name: '提升行政执法质量三年行动 in 2026: info (no successor found)',
      code: md(2026, '深入实施提升行政执法质量三年行动。'),
      settings: at(2026),
      errors: [{ messageId: 'ended', severity: 'info' }],
    },
    {
      name: '第一批示范创建 (ended 2020-08) in the 2021 plan: info',
      code: md(2020, '推进依法行政。', '继续推进第一批全国法治政府建设示范创建。'),
      settings: at(2020),
      errors: [{ messageId: 'endedInPlan', severity: 'info' }],
    },
    {
      name: '2021: 不忘初心、牢记使命主题教育 as the year’s work',
      code: md(2021, '扎实开展“不忘初心、牢记使命”主题教育。'),
      settings: at(2021),
      errors: [{ messageId: 'ended', severity: 'info' }],
    },
    {
      name: '2025: 学习贯彻…主题教育 as the year’s work',
      code: md(2025, '深入开展学习贯彻习近平新时代中国特色社会主义思想主题教育。'),
      settings: at(2025),
      errors: [{ messageId: 'ended', severity: 'info' }],
    },
    {
      name: '2023: 扫黑除恶专项斗争 twice in one sentence is one finding',
      code: md(2023, '深化扫黑除恶专项斗争，扫黑除恶专项斗争工作持续推进。'),
      settings: at(2023),
      errors: [{ messageId: 'ended', severity: 'warn' }],
    },
  ],
});
